/* kw-new-board-dialog.h: asks a new board's title and workshop date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-board.h"

G_BEGIN_DECLS

#define KW_TYPE_NEW_BOARD_DIALOG (kw_new_board_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwNewBoardDialog, kw_new_board_dialog, KW, NEW_BOARD_DIALOG, AdwMessageDialog)

/* The title, empty, and the workshop date, today; Enter in either field
 * creates (the default response "create"), Escape cancels ("cancel").
 * "Create" waits while the date cannot be read. */
KwNewBoardDialog *kw_new_board_dialog_new                (GtkWindow        *parent);
/* The title as typed, cleaned; "" when none was. */
char             *kw_new_board_dialog_dup_board_title    (KwNewBoardDialog *self);
/* The date as an ISO date ("2026-12-04"); "" when the field is empty,
 * NULL when it cannot be read. */
char             *kw_new_board_dialog_dup_workshop_date  (KwNewBoardDialog *self);
/* Gives board the title and date; FALSE, changing nothing, while the
 * date cannot be read. */
gboolean          kw_new_board_dialog_apply              (KwNewBoardDialog *self,
                                                          KwBoard          *board);

G_END_DECLS
