/* kw-vote-connections.c: see kw-vote-connections.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-vote-connections"

#include "config.h"

#include "kw-vote-connections.h"

typedef struct {
  KwVoteConnections *owner;
  GSocketConnection *connection;  /* weak: libsoup holds it */
  GSocketAddress    *remote;      /* the key; libsoup holds it */
  char              *host;
  GSource           *deadline;    /* in the thread-default context of the add */
} Connection;

struct _KwVoteConnections {
  GHashTable *by_remote;  /* GSocketAddress * → Connection */
  GHashTable *per_host;   /* host → number open, as a pointer */
  guint       max_per_host;
  gint        deadline_ms;  /* atomic: set from the app's thread */
  gint        n_timed_out;  /* atomic: read from the app's thread */
};

static void connection_gone (gpointer  data,
                             GObject  *where_the_object_was);

static void
disarm (Connection *entry)
{
  if (entry->deadline == NULL)
    return;
  g_source_destroy (entry->deadline);
  g_clear_pointer (&entry->deadline, g_source_unref);
}

static void
shut_down (Connection *entry)
{
  GSocket *socket = g_socket_connection_get_socket (entry->connection);

  /* Not a close: libsoup still owns the stream, and reads its end. */
  g_socket_shutdown (socket, TRUE, TRUE, NULL);
}

static void
connection_free (Connection *entry)
{
  disarm (entry);
  if (entry->connection != NULL)
    g_object_weak_unref (G_OBJECT (entry->connection), connection_gone, entry);
  g_free (entry->host);
  g_free (entry);
}

KwVoteConnections *
kw_vote_connections_new (guint max_per_host,
                         guint deadline_ms)
{
  KwVoteConnections *self = g_new0 (KwVoteConnections, 1);

  self->by_remote = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) connection_free);
  self->per_host = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_per_host = max_per_host;
  self->deadline_ms = (gint) deadline_ms;
  return self;
}

void
kw_vote_connections_set_deadline (KwVoteConnections *self,
                                  guint              deadline_ms)
{
  g_atomic_int_set (&self->deadline_ms, (gint) deadline_ms);
}

void
kw_vote_connections_free (KwVoteConnections *self)
{
  if (self == NULL)
    return;
  kw_vote_connections_shut_all (self);
  g_hash_table_unref (self->by_remote);
  g_hash_table_unref (self->per_host);
  g_free (self);
}

static guint
count_host (KwVoteConnections *self,
            const char        *host)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->per_host, host));
}

static void
set_host_count (KwVoteConnections *self,
                const char        *host,
                guint              n)
{
  if (n == 0)
    g_hash_table_remove (self->per_host, host);
  else
    g_hash_table_insert (self->per_host, g_strdup (host), GUINT_TO_POINTER (n));
}

/* libsoup has let go of the connection: forget it. */
static void
connection_gone (gpointer  data,
                 GObject  *where_the_object_was)
{
  Connection *entry = data;
  KwVoteConnections *self = entry->owner;

  entry->connection = NULL;
  set_host_count (self, entry->host, count_host (self, entry->host) - 1);
  g_hash_table_remove (self->by_remote, entry->remote);
}

static gboolean
deadline_passed_cb (gpointer data)
{
  Connection *entry = data;

  g_clear_pointer (&entry->deadline, g_source_unref);
  g_atomic_int_inc (&entry->owner->n_timed_out);
  g_debug ("A connection from %s missed its deadline", entry->host);
  shut_down (entry);
  return G_SOURCE_REMOVE;
}

/* In the thread-default main context: the server's own thread. */
static void
arm (Connection *entry)
{
  disarm (entry);
  entry->deadline = g_timeout_source_new ((guint) g_atomic_int_get (&entry->owner->deadline_ms));
  g_source_set_callback (entry->deadline, deadline_passed_cb, entry, NULL);
  g_source_attach (entry->deadline, g_main_context_get_thread_default ());
}

gboolean
kw_vote_connections_add (KwVoteConnections *self,
                         GSocketConnection *connection,
                         GSocketAddress    *remote,
                         const char        *host)
{
  Connection *entry;
  guint n = count_host (self, host);

  if (n >= self->max_per_host)
    {
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return FALSE;
    }

  entry = g_new0 (Connection, 1);
  entry->owner = self;
  entry->connection = connection;
  entry->remote = remote;
  entry->host = g_strdup (host);
  g_object_weak_ref (G_OBJECT (connection), connection_gone, entry);
  g_hash_table_insert (self->by_remote, remote, entry);
  set_host_count (self, host, n + 1);
  arm (entry);
  return TRUE;
}

void
kw_vote_connections_request_started (KwVoteConnections *self,
                                     GSocketAddress    *remote)
{
  Connection *entry = g_hash_table_lookup (self->by_remote, remote);

  if (entry != NULL)
    arm (entry);
}

void
kw_vote_connections_request_read (KwVoteConnections *self,
                                  GSocketAddress    *remote)
{
  Connection *entry = g_hash_table_lookup (self->by_remote, remote);

  if (entry != NULL)
    disarm (entry);
}

void
kw_vote_connections_request_done (KwVoteConnections *self,
                                  GSocketAddress    *remote)
{
  kw_vote_connections_request_started (self, remote);
}

void
kw_vote_connections_shut_all (KwVoteConnections *self)
{
  GHashTableIter iter;
  Connection *entry;

  g_hash_table_iter_init (&iter, self->by_remote);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    shut_down (entry);
}

guint
kw_vote_connections_get_n_open (KwVoteConnections *self)
{
  return g_hash_table_size (self->by_remote);
}

guint
kw_vote_connections_get_n_timed_out (KwVoteConnections *self)
{
  return (guint) g_atomic_int_get (&self->n_timed_out);
}
