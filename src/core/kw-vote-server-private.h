/* kw-vote-server-private.h: what kw-vote-server.c (the sockets, the
 * limits, the routing) and kw-vote-server-pages.c (what each page does)
 * share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "kw-vote-connections.h"
#include "kw-vote-limits.h"
#include "kw-estimates.h"
#include "kw-vote-page.h"
#include "kw-vote-server.h"

G_BEGIN_DECLS

/* Statuses libsoup 3.2 has no name for (RFC 6585). */
#define KW_VOTE_STATUS_TOO_MANY_REQUESTS      429
#define KW_VOTE_STATUS_HEADER_FIELDS_TOO_LARGE 431

/* A phone that has joined: its cookie's token, the token its forms carry,
 * and who it scores as. */
typedef struct {
  char *token;
  char *csrf;
  char *participant_id;
  char *notice;          /* said once on the next page: "Saved" */
  GHashTable *estimates; /* finding id → KwEstimate it sent, shown back to it alone */
} KwVoteVoter;

struct _KwVoteServer
{
  GObject            parent_instance;

  KwRound           *round;
  KwHistory         *history;
  KwVotePace         pace;

  /* The server's thread and what lives in it, from start to stop. */
  GThread           *thread;
  GMainContext      *context;
  GMainLoop         *loop;
  GMainContext      *main_context;  /* the app's, where the pages are made */
  gint               running;       /* atomic: requests are still answered */
  GSocketService    *service;
  SoupServer        *soup;
  KwVoteConnections *connections;
  gint               n_timed_out;   /* atomic: kept when the thread ends */

  /* Both threads: the early checks in the server's, the room code in the
   * main one. */
  GMutex             limits_lock;
  KwVoteLimits      *limits;

  char              *secret;
  char              *join_path;     /* "/j/" secret */
  char               room_code[7];
  char              *host;          /* the address given out */
  guint16            port;
  guint              deadline_ms;

  GHashTable        *voters;        /* token → KwVoteVoter */
  GPtrArray         *joined;        /* participant ids, in the order they joined */
};

/* kw-vote-server.c */
void         kw_vote_server_respond_page  (SoupServerMessage *msg,
                                           guint              status,
                                           char              *page);
void         kw_vote_server_respond_error (SoupServerMessage *msg,
                                           guint              status);
void         kw_vote_server_redirect      (SoupServerMessage *msg,
                                           const char        *location);
void         kw_vote_server_set_cookie    (SoupServerMessage *msg,
                                           const char        *name,
                                           const char        *value);
char        *kw_vote_server_dup_cookie    (SoupServerMessage *msg,
                                           const char        *name);
const char  *kw_vote_server_language_of   (SoupServerMessage *msg);
GHashTable  *kw_vote_server_read_form     (SoupServerMessage *msg);
void         kw_vote_server_add_voter     (KwVoteServer      *self,
                                           KwVoteVoter       *voter);
/* KwVoteLimits under the lock both threads take. */
gboolean     kw_vote_server_allow_request (KwVoteServer      *self,
                                           const char        *host);
gboolean     kw_vote_server_is_code_locked (KwVoteServer     *self,
                                            const char       *host);
void         kw_vote_server_record_wrong_code (KwVoteServer  *self,
                                               const char    *host);

/* kw-vote-server-pages.c: each answers one path, GET and POST, in the
 * app's main thread (the board's). */
void         kw_vote_server_serve_room_code (KwVoteServer      *self,
                                             SoupServerMessage *msg);
void         kw_vote_server_serve_join      (KwVoteServer      *self,
                                             SoupServerMessage *msg);
void         kw_vote_server_serve_vote      (KwVoteServer      *self,
                                             SoupServerMessage *msg,
                                             GHashTable        *query);

G_END_DECLS
