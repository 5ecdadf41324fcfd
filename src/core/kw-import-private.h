/* kw-import-private.h: KwImport for kw_csv_import_bytes(), which makes a
 * new board from a whole file, all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-import.h"

G_BEGIN_DECLS

/* Plans the rows of a file for an empty board. Stricter than
 * kw_import_new(), because nobody sees a preview: the first row must name
 * the columns, each column once and only columns Kwadrant knows (an error
 * otherwise, naming the column), no row may have more cells than it, and a
 * cell under an empty header cell is an error of its row. The id column is
 * left out: every finding of a new board gets a fresh id. */
KwImport *_kw_import_new_for_new_board  (KwBoard     *board,
                                         GBytes      *bytes,
                                         const char  *display_name,
                                         GError     **error);
/* FALSE with the first row's error, naming the file, the row and the column. */
gboolean  _kw_import_check_rows         (KwImport    *self,
                                         GError     **error);
/* Adds the planned findings to the (still empty) board without an undo
 * step or a signal per finding: nobody watches a board being made. */
guint     _kw_import_apply_to_new_board (KwImport    *self);

/* How a row's title matches a finding's: cleaned to one line and
 * casefolded. For the estimates import too (kw-estimates-import.c). */
char     *_kw_import_title_key          (const char  *title);

G_END_DECLS
