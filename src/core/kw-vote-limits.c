/* kw-vote-limits.c: see kw-vote-limits.h.
 *
 * Each address keeps the times of its last KW_VOTE_LIMIT_REQUESTS
 * requests in a ring: the request is one too many when the oldest of them
 * is still within the window. That is exact, and a fixed 480 bytes an
 * address whatever it sends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-vote-limits"

#include "config.h"

#include "kw-vote-limits.h"

/* Forgetting addresses not seen for a window is checked when the table
 * has grown by this many since the last look. */
#define PRUNE_EVERY 256

typedef struct {
  gint64 requests[KW_VOTE_LIMIT_REQUESTS];  /* a ring, oldest at next */
  guint  next;
  guint  n_requests;
  gint64 codes_since;                       /* first wrong code of the window */
  guint  n_wrong_codes;
  gint64 last_seen;
} Host;

struct _KwVoteLimits {
  GHashTable *hosts;  /* address → Host */
  guint       prune_at;
};

KwVoteLimits *
kw_vote_limits_new (void)
{
  KwVoteLimits *self = g_new0 (KwVoteLimits, 1);

  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->prune_at = PRUNE_EVERY;
  return self;
}

void
kw_vote_limits_free (KwVoteLimits *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->hosts);
  g_free (self);
}

static void
prune (KwVoteLimits *self,
       gint64        now)
{
  GHashTableIter iter;
  Host *host;

  g_hash_table_iter_init (&iter, self->hosts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &host))
    {
      if (now - host->last_seen >= KW_VOTE_LIMIT_WINDOW)
        g_hash_table_iter_remove (&iter);
    }
  self->prune_at = g_hash_table_size (self->hosts) + PRUNE_EVERY;
}

static Host *
lookup_host (KwVoteLimits *self,
             const char   *address,
             gint64        now)
{
  Host *host = g_hash_table_lookup (self->hosts, address);

  if (host == NULL)
    {
      if (g_hash_table_size (self->hosts) >= self->prune_at)
        prune (self, now);
      host = g_new0 (Host, 1);
      g_hash_table_insert (self->hosts, g_strdup (address), host);
    }
  host->last_seen = now;
  return host;
}

gboolean
kw_vote_limits_allow_request (KwVoteLimits *self,
                              const char   *address,
                              gint64        now)
{
  Host *host = lookup_host (self, address, now);
  gboolean allowed;

  /* Full ring: the slot about to be overwritten is the oldest request. */
  allowed = host->n_requests < KW_VOTE_LIMIT_REQUESTS
            || now - host->requests[host->next] >= KW_VOTE_LIMIT_WINDOW;
  host->requests[host->next] = now;
  host->next = (host->next + 1) % KW_VOTE_LIMIT_REQUESTS;
  host->n_requests = MIN (host->n_requests + 1, KW_VOTE_LIMIT_REQUESTS);

  return allowed;
}

gboolean
kw_vote_limits_is_code_locked (KwVoteLimits *self,
                               const char   *address,
                               gint64        now)
{
  Host *host = g_hash_table_lookup (self->hosts, address);

  return host != NULL
         && host->n_wrong_codes >= KW_VOTE_LIMIT_WRONG_CODES
         && now - host->codes_since < KW_VOTE_LIMIT_WINDOW;
}

void
kw_vote_limits_record_wrong_code (KwVoteLimits *self,
                                  const char   *address,
                                  gint64        now)
{
  Host *host = lookup_host (self, address, now);

  if (host->n_wrong_codes == 0 || now - host->codes_since >= KW_VOTE_LIMIT_WINDOW)
    {
      host->codes_since = now;
      host->n_wrong_codes = 0;
    }
  host->n_wrong_codes++;
}

guint
kw_vote_limits_get_n_hosts (KwVoteLimits *self)
{
  return g_hash_table_size (self->hosts);
}
