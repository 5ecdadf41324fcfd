/* kw-vote-panel.h: how phones join a voting session, for the projector
 * and the facilitator's window: the QR code of the join address, the
 * short address and the room code for typing, and who has joined.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-vote-server.h"

G_BEGIN_DECLS

#define KW_TYPE_VOTE_PANEL (kw_vote_panel_get_type ())
G_DECLARE_FINAL_TYPE (KwVotePanel, kw_vote_panel, KW, VOTE_PANEL, GtkWidget)

GtkWidget    *kw_vote_panel_new        (KwVoteServer *server);
/* Property "server", construct-only. */
KwVoteServer *kw_vote_panel_get_server (KwVotePanel  *self);

/* "Or go to 192.168.1.20:8421 and give the room code 123 456": the same
 * words for the panel, the window's toast and the screen reader. */
char         *kw_vote_panel_dup_address_text (KwVoteServer *server);

G_END_DECLS
