/* kw-vote-connections.h: the connections phones have open to the voting
 * server, counted per address and each given a deadline: a request must
 * be complete within the deadline of the connection opening or of its
 * previous request being answered. A connection that misses it (a client
 * that sends a byte every few seconds to hold it open, or one that sends
 * nothing) has its socket shut down, which makes libsoup drop it.
 *
 * The connection is identified by its remote GSocketAddress object: one
 * per connection, given to soup_server_accept_iostream(), which hands the
 * same object back for each of its requests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _KwVoteConnections KwVoteConnections;

KwVoteConnections *kw_vote_connections_new            (guint              max_per_host,
                                                        guint              deadline_ms);
/* For connections' next deadlines. */
void               kw_vote_connections_set_deadline   (KwVoteConnections *self,
                                                        guint              deadline_ms);
/* Shuts every connection down. */
void               kw_vote_connections_free           (KwVoteConnections *self);

/* Keeps track of connection (not a reference: it is forgotten when freed)
 * and starts its deadline; FALSE, closing it, when host has max_per_host
 * connections open already. */
gboolean           kw_vote_connections_add            (KwVoteConnections *self,
                                                        GSocketConnection *connection,
                                                        GSocketAddress    *remote,
                                                        const char        *host);
/* A request of the connection has begun: its deadline starts again. */
void               kw_vote_connections_request_started (KwVoteConnections *self,
                                                        GSocketAddress    *remote);
/* Read whole: no deadline while it is answered. */
void               kw_vote_connections_request_read   (KwVoteConnections *self,
                                                        GSocketAddress    *remote);
/* Answered (or given up): the deadline for the next request starts. */
void               kw_vote_connections_request_done  (KwVoteConnections *self,
                                                        GSocketAddress    *remote);
void               kw_vote_connections_shut_all      (KwVoteConnections *self);

guint              kw_vote_connections_get_n_open    (KwVoteConnections *self);
/* How many were shut for missing their deadline, since the start. */
guint              kw_vote_connections_get_n_timed_out (KwVoteConnections *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwVoteConnections, kw_vote_connections_free)

G_END_DECLS
