/* kw-vote-limits.h: how much one address on the room's network may ask of
 * the voting server: at most KW_VOTE_LIMIT_REQUESTS requests in any
 * minute, and KW_VOTE_LIMIT_WRONG_CODES wrong room codes before it must
 * wait out the minute. A phone that scores at a thoughtful pace never
 * comes near either; a flood or someone guessing the code does.
 *
 * Times are g_get_monotonic_time() microseconds, passed in so the tests
 * need not wait a minute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KW_VOTE_LIMIT_REQUESTS    60
#define KW_VOTE_LIMIT_WRONG_CODES 10
#define KW_VOTE_LIMIT_WINDOW      (60 * G_USEC_PER_SEC)

typedef struct _KwVoteLimits KwVoteLimits;

KwVoteLimits *kw_vote_limits_new                (void);
void          kw_vote_limits_free               (KwVoteLimits *self);

/* Counts a request from host at now; FALSE when it is one too many (the
 * request is counted all the same: a flood stays refused while it goes
 * on). */
gboolean      kw_vote_limits_allow_request      (KwVoteLimits *self,
                                                 const char   *host,
                                                 gint64        now);
/* Whether host has given too many wrong room codes within the window. */
gboolean      kw_vote_limits_is_code_locked     (KwVoteLimits *self,
                                                 const char   *host,
                                                 gint64        now);
void          kw_vote_limits_record_wrong_code  (KwVoteLimits *self,
                                                 const char   *host,
                                                 gint64        now);
/* How many addresses are remembered: those seen within the window, and at
 * most a few more, so a spoofing flood cannot grow it without end. */
guint         kw_vote_limits_get_n_hosts        (KwVoteLimits *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwVoteLimits, kw_vote_limits_free)

G_END_DECLS
