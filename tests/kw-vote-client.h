/* kw-vote-client.h: a phone, or an attacker, speaking raw HTTP/1.1 to the
 * voting server over a socket of its own, blocking: for the threads of
 * test-vote-server.c and bench-vote.c while the server runs in the main
 * loop. Each phone comes from its own loopback address (127.0.0.2, …):
 * Linux routes the whole of 127/8 to the loopback, so each has its own
 * limits, as each phone on a Wi-Fi network has its own address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  guint       status;
  GHashTable *headers;  /* lower-case name → value; Set-Cookie values joined by "\n" */
  char       *body;
} KwVoteResponse;

void            kw_vote_response_free           (KwVoteResponse *response);
const char     *kw_vote_response_header         (KwVoteResponse *response,
                                                 const char     *name);
/* The value a Set-Cookie of the response gives name, or NULL; the
 * cookie's HttpOnly and SameSite=Strict are asserted. */
char           *kw_vote_response_dup_set_cookie (KwVoteResponse *response,
                                                 const char     *name);
/* The value of the page's hidden csrf field (asserted to be there). */
char           *kw_vote_response_dup_csrf       (KwVoteResponse *response);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwVoteResponse, kw_vote_response_free)

/* A connection to the server at 127.0.0.1:port from source, straight to
 * the address (no resolver, no proxy). */
GSocketConnection *kw_vote_client_connect       (const char  *source,
                                                 guint16      port,
                                                 GError     **error);
/* "METHOD PATH HTTP/1.1" with Host, Connection: close, Accept-Language
 * (NULL: none), the cookies (NULL: none) and a form body (NULL: none). */
GString        *kw_vote_client_format_request   (const char  *method,
                                                 const char  *path,
                                                 guint16      port,
                                                 const char  *language,
                                                 const char  *cookies,
                                                 const char  *form);
/* Sends request from source and reads the answer until the server closes
 * the connection. With trickle_ms > 0, then sends a header line every
 * trickle_ms (a slow-loris client) until the server cuts it off; FALSE if
 * it never does within minutes. *refused: the connection could not be
 * made. */
gboolean        kw_vote_client_exchange         (const char  *source,
                                                 guint16      port,
                                                 GBytes      *request,
                                                 guint        trickle_ms,
                                                 GByteArray  *reply,
                                                 gboolean    *refused);
/* The response in reply, or NULL when reply is empty. */
KwVoteResponse *kw_vote_client_parse            (GByteArray  *reply);

G_END_DECLS
