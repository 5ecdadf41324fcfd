/* kw-print.h: printing the action plan with GtkPrintOperation, laid out by
 * the same code as the exported PDF (kw-export-pdf.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-board.h"

G_BEGIN_DECLS

/* A print operation for the action plan of board in lang (NULL for the UI
 * language), on A4 unless the user picks another paper. It prints a copy
 * of the board as it is now, so editing while it prints changes nothing. */
GtkPrintOperation *kw_print_operation_new (KwBoard     *board,
                                           const char  *lang);

/* Shows the print dialog for board over parent, remembering the printer
 * and paper chosen for the next time; an error shows in a message dialog. */
void               kw_print_board         (GtkWindow   *parent,
                                           KwBoard     *board);

G_END_DECLS
