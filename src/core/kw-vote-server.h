/* kw-vote-server.h: voting from phones. While a round is open the
 * facilitator's laptop serves the room: an HTTP server (libsoup 3) on the
 * laptop's address on the room's network, with nothing on the internet.
 *
 * A voting session has a random secret of at least 128 bits, carried in the
 * join address (and the QR code made from it), and a 6-digit room code for
 * whoever types the short address instead. A participant who joins gets a
 * token of their own in a cookie (HttpOnly, SameSite=Strict); every form
 * carries a CSRF token. Estimates go into the KwRound exactly as if typed
 * in the facilitator's grid: kw_round_submit(), hidden until the reveal.
 * Only the app's own pages are served; oversized, malformed, flooding and
 * slow requests are refused. The server listens only between
 * kw_vote_server_start() and kw_vote_server_stop() (or the last unref),
 * in a thread of its own; the pages are made, and the board changed, in
 * the thread that called kw_vote_server_start() (the app's main thread),
 * between its frames.
 *
 * What a phone sees (the pages are kw-vote-page.h's):
 *   GET  /j/SECRET   the join page: the participant's name.
 *   POST /j/SECRET   name, csrf: matched to a participant by name (case and
 *                    outer spaces aside) or added ("Add Participant", one
 *                    undo step); sets the cookie kw-token (HttpOnly,
 *                    SameSite=Strict, Path=/), 303 to /vote.
 *   GET  /           the room code page, for whoever typed the short address.
 *   POST /           code, csrf: the right code 303 to /j/SECRET; ten wrong
 *                    ones from one address and it gets 429 for a minute.
 *   GET  /vote       the finding to score: the round's current one, or at
 *                    the participant's own pace ?finding=ID (else the first
 *                    not scored yet); a message page while waiting or after
 *                    the round.
 *   POST /vote       csrf, finding, impact, effort, no-idea=1: the
 *                    participant's own estimate, only while the round is
 *                    open and for a finding in it; 303 back (post, redirect,
 *                    get).
 *   GET  /style.css  the one style sheet. Anything else 404, other methods
 *                    405; no token (or another's) 403, changing nothing.
 * Before joining, csrf must equal the cookie kw-form (a double submit);
 * after, the participant's own CSRF token. Every response carries
 * kw_vote_page_get_csp(), X-Content-Type-Options: nosniff,
 * Referrer-Policy: no-referrer and Cache-Control: no-store. Limits: bodies
 * over 16 KB 413, headers over 8 KB 431, over 60 requests a minute from
 * one address 429, at most 16 connections an address, a request not
 * complete within 10 s dropped. Scores 0 to 10 with at most one decimal
 * ("7", "7.5", "7,5"); names 1 to 60 characters of valid UTF-8 without
 * control characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-history.h"
#include "kw-round.h"

G_BEGIN_DECLS

/* Whether participants score the finding the facilitator has in focus (the
 * round's current finding) or go through the round's findings at their own
 * pace. */
typedef enum {
  KW_VOTE_PACE_FACILITATOR,
  KW_VOTE_PACE_OWN,
} KwVotePace;

#define KW_TYPE_VOTE_PACE (kw_vote_pace_get_type ())
GType kw_vote_pace_get_type (void) G_GNUC_CONST;

#define KW_VOTE_SERVER_ERROR (kw_vote_server_error_quark ())
GQuark kw_vote_server_error_quark (void);

typedef enum {
  /* No address on a network other than loopback (KW_VOTE_SERVER_ERROR). */
  KW_VOTE_SERVER_ERROR_NO_NETWORK,
  /* The round is not open (revealed already). */
  KW_VOTE_SERVER_ERROR_ROUND_CLOSED,
} KwVoteServerError;

#define KW_TYPE_VOTE_SERVER (kw_vote_server_get_type ())
G_DECLARE_FINAL_TYPE (KwVoteServer, kw_vote_server, KW, VOTE_SERVER, GObject)

/* A server for an open round; participants who join are added to the
 * board's participants through history (one undo step each, "Add
 * Participant"), or matched to an existing one by name. */
KwVoteServer *kw_vote_server_new            (KwRound       *round,
                                             KwHistory     *history);
KwRound      *kw_vote_server_get_round      (KwVoteServer  *self);

/* Starts listening on every IPv4 address of the machine (port 0 picks a
 * free one). The addresses given out are those of the first network
 * interface that is up and not loopback; with loopback_only (the tests)
 * only 127.0.0.1 listens and is given out. */
gboolean      kw_vote_server_start          (KwVoteServer  *self,
                                             guint16        port,
                                             gboolean       loopback_only,
                                             GError       **error);
/* Stops listening and drops every connection; idempotent. */
void          kw_vote_server_stop           (KwVoteServer  *self);
/* Property "running". */
gboolean      kw_vote_server_get_running    (KwVoteServer  *self);

/* "http://192.168.1.20:8080/j/SECRET": what the QR code carries. */
char         *kw_vote_server_dup_join_uri   (KwVoteServer  *self);
/* "192.168.1.20:8080": what the projector shows for typing; the page
 * there asks for the room code. */
char         *kw_vote_server_dup_short_address (KwVoteServer *self);
/* Six digits. */
const char   *kw_vote_server_get_room_code  (KwVoteServer  *self);

/* Property "pace". */
KwVotePace    kw_vote_server_get_pace       (KwVoteServer  *self);
void          kw_vote_server_set_pace       (KwVoteServer  *self,
                                             KwVotePace     pace);

/* Who has joined from a phone, as ids of the board's participants, in the
 * order they joined (one phone a participant: a name another phone has
 * joined as is refused). Signal "joined" (const char *participant_id) follows
 * each new one. */
guint         kw_vote_server_get_n_joined   (KwVoteServer  *self);
const char   *kw_vote_server_get_joined     (KwVoteServer  *self,
                                             guint          i);
gboolean      kw_vote_server_has_joined     (KwVoteServer  *self,
                                             const char    *participant_id);

/* How long a connection may take to send a whole request, in ms: 10
 * seconds unless set (the tests set a short one). */
void          kw_vote_server_set_request_deadline (KwVoteServer *self,
                                                   guint         deadline_ms);

/* How many connections were shut for not completing a request in time
 * (a slow or silent client), since the start. */
guint         kw_vote_server_get_n_timed_out (KwVoteServer *self);

G_END_DECLS
