/* kw-vote-random.h: the secrets of a voting session, from the kernel's
 * random generator (getrandom(2)), never from GLib's g_random, which is
 * not meant to be unguessable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 192 random bits as 32 characters of base64url: the join secret, the
 * participants' tokens and the forms' CSRF tokens. */
#define KW_VOTE_TOKEN_LENGTH 32

char     *kw_vote_random_token          (void);
/* TRUE for text that could be a token (so a cookie of other text is
 * never compared or echoed). */
gboolean  kw_vote_random_token_is_valid (const char *text);
/* Six decimal digits, each as likely as the others; room_code has room
 * for seven bytes. */
void      kw_vote_random_room_code      (char        room_code[7]);
/* Compares in a time that does not depend on where the texts differ, so
 * a secret cannot be guessed a character at a time. NULL equals nothing. */
gboolean  kw_vote_random_equal          (const char *known,
                                         const char *given);

G_END_DECLS
