/* kw-import.h: findings from a spreadsheet into an open board.
 *
 * A KwImport reads CSV or tab-separated text (a file, or rows pasted from
 * a spreadsheet), finds out what each column holds (from a header row in
 * English or Dutch, or guessed and then chosen by the user), and plans
 * what each row does to the board: add a new finding, update the one with
 * the same id (or else the same title), or nothing because the row has an
 * error. Nothing changes until kw_import_apply(), which applies the plan
 * as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-csv.h"
#include "kw-history.h"

G_BEGIN_DECLS

typedef enum {
  KW_IMPORT_ROW_NEW,
  KW_IMPORT_ROW_UPDATE,
  KW_IMPORT_ROW_UNCHANGED,  /* matches a finding that already says all this */
  KW_IMPORT_ROW_ERROR,
} KwImportRowKind;

#define KW_TYPE_IMPORT (kw_import_get_type ())
G_DECLARE_FINAL_TYPE (KwImport, kw_import, KW, IMPORT, GObject)

/* Fails only when the text cannot be read as rows at all (not UTF-8,
 * broken quoting, too large, empty); problems of single rows are in the
 * plan. The board is the one the rows are matched against. */
KwImport        *kw_import_new              (KwBoard      *board,
                                             GBytes       *bytes,
                                             const char   *display_name,
                                             GError      **error);
KwImport        *kw_import_new_from_text    (KwBoard      *board,
                                             const char   *text,
                                             GError      **error);

/* TRUE when the first row names the columns. */
gboolean         kw_import_has_header       (KwImport     *self);
guint            kw_import_get_n_columns    (KwImport     *self);
/* The header cell, or the spreadsheet's letter ("A") without a header. */
const char      *kw_import_get_column_label (KwImport     *self,
                                             guint         column);
/* KW_CSV_COLUMN_IGNORED for a column that is left out. */
KwCsvColumn      kw_import_get_column       (KwImport     *self,
                                             guint         column);
/* Replans. A column that held the same kind before is ignored from now. */
void             kw_import_set_column       (KwImport     *self,
                                             guint         column,
                                             KwCsvColumn   kind);
/* What keeps the whole import from going ahead (no title column, say),
 * translated; NULL when it can go ahead. */
const char      *kw_import_get_problem      (KwImport     *self);

/* The rows below the header. */
guint            kw_import_get_n_rows       (KwImport     *self);
/* As a spreadsheet numbers it (the header is row 1). */
guint            kw_import_get_row_number   (KwImport     *self,
                                             guint         row);
/* "" for a cell the row does not have. */
const char      *kw_import_get_cell         (KwImport     *self,
                                             guint         row,
                                             guint         column);
KwImportRowKind  kw_import_get_row_kind     (KwImport     *self,
                                             guint         row);
/* What is wrong with the row, translated; NULL unless it is an error. */
const char      *kw_import_get_row_error    (KwImport     *self,
                                             guint         row);
/* The finding the row updates; NULL for a new row or an error. */
KwFinding       *kw_import_get_row_match    (KwImport     *self,
                                             guint         row);
guint            kw_import_count            (KwImport     *self,
                                             KwImportRowKind kind);

/* Applies the plan (rows with errors left out) through the history of
 * the import's board, as one undo step; returns how many findings were
 * added or changed. */
guint            kw_import_apply            (KwImport     *self,
                                             KwHistory    *history);

G_END_DECLS
