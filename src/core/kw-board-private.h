/* kw-board-private.h: for the file loader only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-board.h"

G_BEGIN_DECLS

/* Sets a board field without cleaning or notifying; takes the text. */
void     _kw_board_take_text_loading     (KwBoard     *self,
                                          KwBoardText  which,
                                          char        *text);
/* Appends a fresh finding without emitting items-changed, taking the
 * reference. Returns FALSE (and keeps nothing) on a duplicate id. */
gboolean _kw_board_take_finding_loading  (KwBoard     *self,
                                          KwFinding   *finding);

G_END_DECLS
