/* kw-vote-server.c: the HTTP server phones vote through; the protocol is
 * in kw-vote-server.h, the pages in kw-vote-page.c, what each does in
 * kw-vote-server-pages.c.
 *
 * Two threads. The server's own runs the sockets, libsoup and the
 * deadlines in a main context of its own, so a room of phones reading
 * and writing never waits for the window, nor the window for them. What a
 * page does with the board (a participant joins, a score goes into the
 * round) runs in the app's main thread, where the board lives, between
 * two frames: the matrix keeps drawing while the room scores.
 *
 * The sockets are ours, not libsoup's: each connection is handed to
 * SoupServer with soup_server_accept_iostream(), so this file can count
 * them per address and give each a deadline (kw-vote-connections.c). A
 * connection must complete a request within the deadline of connecting
 * or of its last one finishing; when it does not (a slow-loris client, an
 * idle keep-alive), its socket is shut down and libsoup lets go of it.
 * Everything else a request could abuse is refused in the early handler,
 * before its body is read into memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-vote-server"

#include "config.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include "kw-i18n.h"

#include "kw-plan-text.h"
#include "kw-vote-random.h"
#include "kw-vote-server-private.h"

#define MAX_BODY            (16 * 1024)
#define MAX_HEADER          (8 * 1024)
#define MAX_PER_ADDRESS     16
#define DEADLINE_MS         10000
/* Just before GTK's redraw: see handler_cb(). */
#define VOTE_JOB_PRIORITY   (G_PRIORITY_HIGH_IDLE + 19)

G_DEFINE_FINAL_TYPE (KwVoteServer, kw_vote_server, G_TYPE_OBJECT)
G_DEFINE_QUARK (kw-vote-server-error-quark, kw_vote_server_error)

enum {
  PROP_0,
  PROP_ROUND,
  PROP_HISTORY,
  PROP_RUNNING,
  PROP_PACE,
  N_PROPS
};

enum {
  JOINED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GType
kw_vote_pace_get_type (void)
{
  static gsize type_id;
  static const GEnumValue values[] = {
    { KW_VOTE_PACE_FACILITATOR, "KW_VOTE_PACE_FACILITATOR", "facilitator" },
    { KW_VOTE_PACE_OWN, "KW_VOTE_PACE_OWN", "own" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("KwVotePace", values));
  return type_id;
}

/* ---- Responses ------------------------------------------------------------ */

/* What every response says, whatever it is. */
static void
set_common_headers (SoupServerMessage *msg,
                    gboolean           cacheable)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Content-Security-Policy", kw_vote_page_get_csp ());
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Cache-Control", cacheable ? "max-age=3600" : "no-store");
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         char              *body)  /* taken */
{
  set_common_headers (msg, FALSE);
  soup_server_message_set_status (msg, status, NULL);
  if (body == NULL)
    {
      /* Out of memory building the page: say so without one. */
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      return;
    }
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, body, strlen (body));
}

void
kw_vote_server_respond_page (SoupServerMessage *msg,
              guint              status,
              char              *page)
{
  respond (msg, status, "text/html; charset=utf-8", page);
}

const char *
kw_vote_server_language_of (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  return kw_vote_page_choose_language (soup_message_headers_get_list (headers, "Accept-Language"));
}

void
kw_vote_server_respond_error (SoupServerMessage *msg,
               guint              status)
{
  kw_vote_server_respond_page (msg, status, kw_vote_page_error (kw_vote_server_language_of (msg), status));
}

/* Refused before the body is read: the connection closes after the answer,
 * and whatever body follows is not kept. */
static void
refuse_early (SoupServerMessage *msg,
              guint              status)
{
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
  kw_vote_server_respond_error (msg, status);
}

void
kw_vote_server_redirect (SoupServerMessage *msg,
                         const char        *location)
{
  /* A path, not libsoup's absolute address: that would be made from the
   * request's Host header, which the client chooses. */
  set_common_headers (msg, FALSE);
  soup_server_message_set_status (msg, SOUP_STATUS_SEE_OTHER, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

void
kw_vote_server_set_cookie (SoupServerMessage *msg,
            const char        *name,
            const char        *value)
{
  g_autofree char *cookie = g_strdup_printf ("%s=%s; Path=/; HttpOnly; SameSite=Strict", name, value);

  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie", cookie);
}

/* ---- Reading requests ------------------------------------------------------- */

/* A cookie's value, or NULL. */
char *
kw_vote_server_dup_cookie (SoupServerMessage *msg,
            const char        *name)
{
  const char *header = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "Cookie");
  g_autoptr(GHashTable) cookies = NULL;
  const char *value;

  if (header == NULL)
    return NULL;
  cookies = soup_header_parse_semi_param_list (header);
  value = g_hash_table_lookup (cookies, name);
  return value != NULL ? g_strdup (value) : NULL;
}

/* The form of a POST, or NULL when it is not a form or not valid UTF-8
 * throughout. */
GHashTable *
kw_vote_server_read_form (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) form = NULL;
  GHashTableIter iter;
  const char *key, *value;
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  if (g_strcmp0 (type, "application/x-www-form-urlencoded") != 0 || memchr (data, '\0', length) != NULL)
    return NULL;
  text = g_strndup (data, length);
  /* A NUL, raw or escaped, would cut a value short unseen once decoded. */
  if (strstr (text, "%00") != NULL)
    return NULL;
  form = soup_form_decode (text);

  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
        return NULL;
    }
  return g_steal_pointer (&form);
}

/* ---- The early checks --------------------------------------------------------- */

static gsize
measure_headers (SoupMessageHeaders *headers)
{
  SoupMessageHeadersIter iter;
  const char *name, *value;
  gsize size = 0;

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    size += strlen (name) + strlen (value) + 4;  /* ": " and CRLF */
  return size;
}

/* libsoup 3.2 reads "-5" as a length (and warns); only digits are one. */
static gboolean
content_length_is_valid (SoupMessageHeaders *headers)
{
  const char *length = soup_message_headers_get_one (headers, "Content-Length");

  return length == NULL || (length[0] != '\0' && strspn (length, "0123456789") == strlen (length));
}

static void
early_handler_cb (SoupServer        *soup,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  KwVoteServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *host = soup_server_message_get_remote_host (msg);

  if (!kw_vote_server_allow_request (self, host != NULL ? host : ""))
    refuse_early (msg, KW_VOTE_STATUS_TOO_MANY_REQUESTS);
  else if (measure_headers (headers) > MAX_HEADER)
    refuse_early (msg, KW_VOTE_STATUS_HEADER_FIELDS_TOO_LARGE);
  else if (g_strcmp0 (method, "GET") != 0 && g_strcmp0 (method, "POST") != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET, POST");
      refuse_early (msg, SOUP_STATUS_METHOD_NOT_ALLOWED);
    }
  else if (!content_length_is_valid (headers))
    refuse_early (msg, SOUP_STATUS_BAD_REQUEST);
  else if (g_str_equal (method, "POST") && soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    refuse_early (msg, SOUP_STATUS_LENGTH_REQUIRED);
  else if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
           && soup_message_headers_get_content_length (headers) > MAX_BODY)
    refuse_early (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
  else if (g_str_equal (method, "GET") && soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED)
    refuse_early (msg, SOUP_STATUS_BAD_REQUEST);
}

/* ---- Routing ----------------------------------------------------------------- */

static void
serve_stylesheet (SoupServerMessage *msg)
{
  const char *css = kw_vote_page_get_stylesheet ();

  set_common_headers (msg, TRUE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/css; charset=utf-8", SOUP_MEMORY_STATIC, css, strlen (css));
}

static void
serve_nothing (SoupServerMessage *msg)
{
  /* Browsers ask for it unbidden: nothing, rather than an error in their
   * console. */
  set_common_headers (msg, TRUE);
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

/* In the app's main thread, where the board lives. */
static void
serve (KwVoteServer      *self,
       SoupServerMessage *msg,
       const char        *path,
       GHashTable        *query)
{
  /* Every text of the answer in the phone's language; the window goes on
   * in its own (the switch is this thread's, for this request only). */
  g_autoptr(KwPlanLanguage) language = kw_plan_language_push (kw_vote_server_language_of (msg));

  if (g_str_equal (path, "/"))
    kw_vote_server_serve_room_code (self, msg);
  else if (kw_vote_random_equal (self->join_path, path))
    kw_vote_server_serve_join (self, msg);
  else if (g_str_equal (path, "/vote"))
    kw_vote_server_serve_vote (self, msg, query);
  else
    kw_vote_server_respond_error (msg, g_str_has_prefix (path, "/j/") ? SOUP_STATUS_FORBIDDEN
                                                                      : SOUP_STATUS_NOT_FOUND);
}

/* A request on its way from the server's thread to the main thread and
 * its answer on the way back. */
typedef struct {
  GWeakRef           server;
  GMainContext      *server_context;
  SoupServerMessage *msg;
  char              *path;
  GHashTable        *query;
} Job;

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->server);
  g_main_context_unref (job->server_context);
  g_object_unref (job->msg);
  g_free (job->path);
  g_clear_pointer (&job->query, g_hash_table_unref);
  g_free (job);
}

/* Back in the server's thread: the answer goes out. */
static gboolean
unpause_cb (gpointer data)
{
  Job *job = data;

  soup_server_message_unpause (job->msg);
  return G_SOURCE_REMOVE;
}

static gboolean
run_job_cb (gpointer data)
{
  Job *job = data;
  g_autoptr(KwVoteServer) self = g_weak_ref_get (&job->server);
  GSource *source;

  /* Stopped meanwhile: the server's thread has dropped the connection. */
  if (self == NULL || !g_atomic_int_get (&self->running))
    {
      job_free (job);
      return G_SOURCE_REMOVE;
    }
  serve (self, job->msg, job->path, job->query);
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, unpause_cb, job, (GDestroyNotify) job_free);
  g_source_attach (source, job->server_context);
  g_source_unref (source);
  return G_SOURCE_REMOVE;
}

/* In the server's thread. The pages read and change the board, which
 * lives in the app's main thread: the request goes there at a priority
 * between input and GTK's redraw (GDK_PRIORITY_REDRAW is
 * G_PRIORITY_HIGH_IDLE + 20), so a score is taken before the next frame
 * is painted, never in the middle of one, and behind the facilitator's
 * keys and pointer. Each takes a fraction of a millisecond; bench-vote
 * measures both the scores' time and the frames while a room scores.
 * Below the redraw, a score waited for every frame of a drag: 59 ms at
 * p99 against 22. */
static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  KwVoteServer *self = user_data;
  Job *job;

  /* An early refusal has its answer already. */
  if (soup_server_message_get_status (msg) != 0)
    return;
  if (g_str_equal (path, "/style.css") && g_str_equal (soup_server_message_get_method (msg), "GET"))
    {
      serve_stylesheet (msg);
      return;
    }
  if (g_str_equal (path, "/favicon.ico"))
    {
      serve_nothing (msg);
      return;
    }

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->server, self);
  job->server_context = g_main_context_ref (self->context);
  job->msg = g_object_ref (msg);
  job->path = g_strdup (path);
  job->query = query != NULL ? g_hash_table_ref (query) : NULL;
  soup_server_message_pause (msg);
  g_main_context_invoke_full (self->main_context, VOTE_JOB_PRIORITY, run_job_cb, job, NULL);
}

/* ---- The limits, shared by both threads ------------------------------------ */

gboolean
kw_vote_server_allow_request (KwVoteServer *self,
                              const char   *host)
{
  gboolean allowed;

  g_mutex_lock (&self->limits_lock);
  allowed = kw_vote_limits_allow_request (self->limits, host, g_get_monotonic_time ());
  g_mutex_unlock (&self->limits_lock);
  return allowed;
}

gboolean
kw_vote_server_is_code_locked (KwVoteServer *self,
                               const char   *host)
{
  gboolean locked;

  g_mutex_lock (&self->limits_lock);
  locked = kw_vote_limits_is_code_locked (self->limits, host, g_get_monotonic_time ());
  g_mutex_unlock (&self->limits_lock);
  return locked;
}

void
kw_vote_server_record_wrong_code (KwVoteServer *self,
                                  const char   *host)
{
  g_mutex_lock (&self->limits_lock);
  kw_vote_limits_record_wrong_code (self->limits, host, g_get_monotonic_time ());
  g_mutex_unlock (&self->limits_lock);
}

/* ---- Voters ---------------------------------------------------------------------- */

static void
voter_free (KwVoteVoter *voter)
{
  g_free (voter->token);
  g_free (voter->csrf);
  g_free (voter->participant_id);
  g_free (voter->notice);
  g_clear_pointer (&voter->estimates, g_hash_table_unref);
  g_free (voter);
}

void
kw_vote_server_add_voter (KwVoteServer *self,
                          KwVoteVoter  *voter)
{
  g_hash_table_insert (self->voters, voter->token, voter);
  g_ptr_array_add (self->joined, g_strdup (voter->participant_id));
  g_signal_emit (self, signals[JOINED], 0, voter->participant_id);
}

/* ---- Connections ------------------------------------------------------------------ */

static char *
dup_host (GSocketAddress *address)
{
  GInetAddress *inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));

  return g_inet_address_to_string (inet);
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  KwVoteServer *self = user_data;
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);
  g_autofree char *host = NULL;
  g_autoptr(GError) error = NULL;

  if (local == NULL || remote == NULL || !G_IS_INET_SOCKET_ADDRESS (remote))
    return TRUE;
  host = dup_host (remote);
  if (!kw_vote_connections_add (self->connections, connection, remote, host))
    return TRUE;
  if (!soup_server_accept_iostream (self->soup, G_IO_STREAM (connection), local, remote, &error))
    g_debug ("Could not take a connection from %s: %s", host, error->message);
  return TRUE;
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  KwVoteServer *self = user_data;

  kw_vote_connections_request_started (self->connections, soup_server_message_get_remote_address (msg));
}

static void
request_read_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  KwVoteServer *self = user_data;

  kw_vote_connections_request_read (self->connections, soup_server_message_get_remote_address (msg));
}

static void
request_done_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  KwVoteServer *self = user_data;

  kw_vote_connections_request_done (self->connections, soup_server_message_get_remote_address (msg));
}

/* ---- Starting and stopping ------------------------------------------------------------ */

/* The IPv4 address of the first network interface that is up and not
 * loopback: the one phones on the same network reach the laptop at. */
static char *
find_room_address (void)
{
  struct ifaddrs *interfaces = NULL;
  char *found = NULL;

  if (getifaddrs (&interfaces) != 0)
    return NULL;
  for (struct ifaddrs *i = interfaces; i != NULL && found == NULL; i = i->ifa_next)
    {
      char text[INET_ADDRSTRLEN];

      if (i->ifa_addr == NULL || i->ifa_addr->sa_family != AF_INET
          || (i->ifa_flags & IFF_UP) == 0 || (i->ifa_flags & IFF_LOOPBACK) != 0)
        continue;
      if (inet_ntop (AF_INET, &((struct sockaddr_in *) i->ifa_addr)->sin_addr, text, sizeof text) != NULL)
        found = g_strdup (text);
    }
  freeifaddrs (interfaces);
  return found;
}

static gboolean
listen_on (KwVoteServer  *self,
           guint16        port,
           gboolean       loopback_only,
           GError       **error)
{
  GSocketListener *listener = G_SOCKET_LISTENER (self->service);
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (loopback_only ? "127.0.0.1" : "0.0.0.0");
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, port);
  g_autoptr(GSocketAddress) effective = NULL;

  /* A room's phones may all connect at once after the QR code goes up:
   * GLib's default queue of 10 would make the rest wait for a retry. */
  g_socket_listener_set_backlog (listener, 128);
  if (!g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, error))
    return FALSE;
  self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  return TRUE;
}

static void
set_up_soup (KwVoteServer *self)
{
  self->soup = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-read", G_CALLBACK (request_read_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done_cb), self);
}

/* What the starting thread waits for: listening, or why not. */
typedef struct {
  KwVoteServer *self;
  guint16       port;
  gboolean      loopback_only;
  GError       *error;
  gboolean      ready;
  GMutex        lock;
  GCond         cond;
} Startup;

static void
report_startup (Startup *startup)
{
  g_mutex_lock (&startup->lock);
  startup->ready = TRUE;
  g_cond_signal (&startup->cond);
  g_mutex_unlock (&startup->lock);
}

static void
tear_down (KwVoteServer *self)
{
  if (self->service != NULL)
    {
      g_socket_service_stop (self->service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->service));
      g_signal_handlers_disconnect_by_data (self->service, self);
      g_clear_object (&self->service);
    }
  /* Every phone's connection goes: nothing listens or answers now. */
  soup_server_disconnect (self->soup);
  g_signal_handlers_disconnect_by_data (self->soup, self);
  g_clear_object (&self->soup);
  if (self->connections != NULL)
    g_atomic_int_set (&self->n_timed_out, kw_vote_connections_get_n_timed_out (self->connections));
  g_clear_pointer (&self->connections, kw_vote_connections_free);
}

/* The server's own thread: its sockets, libsoup and the deadlines live
 * in its own main context, so reading and writing never wait for the
 * window, nor the window for them. */
static gpointer
server_thread (gpointer data)
{
  Startup *startup = data;
  KwVoteServer *self = startup->self;
  gboolean listening;

  g_main_context_push_thread_default (self->context);
  set_up_soup (self);
  self->connections = kw_vote_connections_new (MAX_PER_ADDRESS, self->deadline_ms);
  self->service = g_socket_service_new ();
  listening = listen_on (self, startup->port, startup->loopback_only, &startup->error);
  if (listening)
    {
      g_signal_connect (self->service, "incoming", G_CALLBACK (incoming_cb), self);
      g_socket_service_start (self->service);
    }
  report_startup (startup);  /* startup is the starter's again from here */

  if (listening)
    g_main_loop_run (self->loop);
  tear_down (self);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static gboolean
run_server_thread (KwVoteServer  *self,
                   guint16        port,
                   gboolean       loopback_only,
                   GError       **error)
{
  Startup startup = { self, port, loopback_only, NULL, FALSE };

  g_mutex_init (&startup.lock);
  g_cond_init (&startup.cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->main_context = g_main_context_ref_thread_default ();
  self->thread = g_thread_new ("kw-vote-server", server_thread, &startup);

  g_mutex_lock (&startup.lock);
  while (!startup.ready)
    g_cond_wait (&startup.cond, &startup.lock);
  g_mutex_unlock (&startup.lock);
  g_mutex_clear (&startup.lock);
  g_cond_clear (&startup.cond);

  if (startup.error == NULL)
    return TRUE;
  g_propagate_error (error, startup.error);
  g_clear_pointer (&self->thread, g_thread_join);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  return FALSE;
}

gboolean
kw_vote_server_start (KwVoteServer  *self,
                      guint16        port,
                      gboolean       loopback_only,
                      GError       **error)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), FALSE);

  if (self->thread != NULL)
    return TRUE;
  if (kw_round_get_state (self->round) != KW_ROUND_OPEN)
    {
      g_set_error_literal (error, KW_VOTE_SERVER_ERROR, KW_VOTE_SERVER_ERROR_ROUND_CLOSED,
                           _("Voting needs an open round: this one has been revealed."));
      return FALSE;
    }
  host = loopback_only ? g_strdup ("127.0.0.1") : find_room_address ();
  if (host == NULL)
    {
      g_set_error_literal (error, KW_VOTE_SERVER_ERROR, KW_VOTE_SERVER_ERROR_NO_NETWORK,
                           _("This computer is not on a network. Connect it to the room’s Wi-Fi, "
                             "the one the phones use, and try again."));
      return FALSE;
    }

  g_atomic_int_set (&self->running, TRUE);
  if (!run_server_thread (self, port, loopback_only, error))
    {
      g_atomic_int_set (&self->running, FALSE);
      return FALSE;
    }
  self->host = g_steal_pointer (&host);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  return TRUE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
kw_vote_server_stop (KwVoteServer *self)
{
  GSource *source;

  g_return_if_fail (KW_IS_VOTE_SERVER (self));

  if (self->thread == NULL)
    return;
  /* Requests on their way to the main thread are dropped from here on. */
  g_atomic_int_set (&self->running, FALSE);
  /* From inside the loop: a quit before the thread has begun to run it
   * would be undone by g_main_loop_run(). */
  source = g_idle_source_new ();
  g_source_set_callback (source, quit_cb, self->loop, NULL);
  g_source_attach (source, self->context);
  g_source_unref (source);
  g_clear_pointer (&self->thread, g_thread_join);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  /* Answers still on their way back go with the context. */
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_pointer (&self->host, g_free);
  self->port = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

gboolean
kw_vote_server_get_running (KwVoteServer *self)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), FALSE);
  return self->thread != NULL;
}

/* ---- Addresses ----------------------------------------------------------------------- */

char *
kw_vote_server_dup_short_address (KwVoteServer *self)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), NULL);

  if (self->host == NULL)
    return NULL;
  return self->port == 80 ? g_strdup (self->host) : g_strdup_printf ("%s:%u", self->host, self->port);
}

char *
kw_vote_server_dup_join_uri (KwVoteServer *self)
{
  g_autofree char *address = kw_vote_server_dup_short_address (self);

  return address != NULL ? g_strconcat ("http://", address, self->join_path, NULL) : NULL;
}

const char *
kw_vote_server_get_room_code (KwVoteServer *self)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), NULL);
  return self->room_code;
}

/* ---- The rest of the object ------------------------------------------------------------- */

KwRound *
kw_vote_server_get_round (KwVoteServer *self)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), NULL);
  return self->round;
}

KwVotePace
kw_vote_server_get_pace (KwVoteServer *self)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), KW_VOTE_PACE_FACILITATOR);
  return self->pace;
}

void
kw_vote_server_set_pace (KwVoteServer *self,
                         KwVotePace    pace)
{
  g_return_if_fail (KW_IS_VOTE_SERVER (self));

  if (self->pace == pace)
    return;
  self->pace = pace;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACE]);
}

guint
kw_vote_server_get_n_joined (KwVoteServer *self)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), 0);
  return self->joined->len;
}

const char *
kw_vote_server_get_joined (KwVoteServer *self,
                           guint         i)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), NULL);
  g_return_val_if_fail (i < self->joined->len, NULL);
  return g_ptr_array_index (self->joined, i);
}

gboolean
kw_vote_server_has_joined (KwVoteServer *self,
                           const char   *participant_id)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), FALSE);
  return g_ptr_array_find_with_equal_func (self->joined, participant_id, g_str_equal, NULL);
}

void
kw_vote_server_set_request_deadline (KwVoteServer *self,
                                     guint         deadline_ms)
{
  g_return_if_fail (KW_IS_VOTE_SERVER (self));

  self->deadline_ms = deadline_ms;
  if (self->thread != NULL && self->connections != NULL)
    kw_vote_connections_set_deadline (self->connections, deadline_ms);
}

guint
kw_vote_server_get_n_timed_out (KwVoteServer *self)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (self), 0);

  /* A count the server's thread keeps: read while it runs, kept after. */
  if (self->thread != NULL && self->connections != NULL)
    return kw_vote_connections_get_n_timed_out (self->connections);
  return (guint) g_atomic_int_get (&self->n_timed_out);
}

static void
kw_vote_server_dispose (GObject *object)
{
  KwVoteServer *self = KW_VOTE_SERVER (object);

  kw_vote_server_stop (self);
  g_clear_object (&self->round);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (kw_vote_server_parent_class)->dispose (object);
}

static void
kw_vote_server_finalize (GObject *object)
{
  KwVoteServer *self = KW_VOTE_SERVER (object);

  g_clear_pointer (&self->limits, kw_vote_limits_free);
  g_mutex_clear (&self->limits_lock);
  g_clear_pointer (&self->voters, g_hash_table_unref);
  g_clear_pointer (&self->joined, g_ptr_array_unref);
  g_free (self->secret);
  g_free (self->join_path);

  G_OBJECT_CLASS (kw_vote_server_parent_class)->finalize (object);
}

static void
kw_vote_server_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KwVoteServer *self = KW_VOTE_SERVER (object);

  switch (prop_id)
    {
    case PROP_ROUND:
      g_value_set_object (value, self->round);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, kw_vote_server_get_running (self));
      break;
    case PROP_PACE:
      g_value_set_enum (value, self->pace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_vote_server_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KwVoteServer *self = KW_VOTE_SERVER (object);

  switch (prop_id)
    {
    case PROP_ROUND:
      self->round = g_value_dup_object (value);
      break;
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_PACE:
      kw_vote_server_set_pace (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_vote_server_class_init (KwVoteServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_vote_server_dispose;
  object_class->finalize = kw_vote_server_finalize;
  object_class->get_property = kw_vote_server_get_property;
  object_class->set_property = kw_vote_server_set_property;

  properties[PROP_ROUND] =
    g_param_spec_object ("round", NULL, NULL, KW_TYPE_ROUND,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KW_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACE] =
    g_param_spec_enum ("pace", NULL, NULL, KW_TYPE_VOTE_PACE, KW_VOTE_PACE_FACILITATOR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[JOINED] =
    g_signal_new ("joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kw_vote_server_init (KwVoteServer *self)
{
  self->limits = kw_vote_limits_new ();
  g_mutex_init (&self->limits_lock);
  self->deadline_ms = DEADLINE_MS;
  self->voters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) voter_free);
  self->joined = g_ptr_array_new_with_free_func (g_free);
  self->secret = kw_vote_random_token ();
  self->join_path = g_strconcat ("/j/", self->secret, NULL);
  kw_vote_random_room_code (self->room_code);
}

KwVoteServer *
kw_vote_server_new (KwRound   *round,
                    KwHistory *history)
{
  g_return_val_if_fail (KW_IS_ROUND (round), NULL);
  g_return_val_if_fail (KW_IS_HISTORY (history), NULL);

  return g_object_new (KW_TYPE_VOTE_SERVER, "round", round, "history", history, NULL);
}
