/* kw-import-table.h: the rows of a file being imported and what each of
 * its columns holds, for KwImport.
 *
 * A plain struct rather than an object: it belongs to one KwImport, which
 * reads its fields directly, and it never outlives it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-csv-private.h"

G_BEGIN_DECLS

typedef struct
{
  char        *display_name;
  GPtrArray   *rows;         /* GStrv of cells, the header included */
  GArray      *row_numbers;  /* guint, as the spreadsheet counts */
  gboolean     has_header;
  guint        n_columns;
  GPtrArray   *labels;       /* char *, one per column */
  KwCsvColumn  kinds[KW_CSV_MAX_COLUMNS];  /* UNNAMED only for a new board */
  int          column_of_kind[KW_CSV_N_COLUMNS];  /* -1 when none */
} KwImportTable;

/* Reads the rows and finds the columns. For a new board the first row
 * must name every column (an error naming the column otherwise, and the id
 * column is left out); for an open board a header is recognised, or the
 * columns are guessed for the user to correct. */
KwImportTable *_kw_import_table_new             (GBytes         *bytes,
                                                 const char     *display_name,
                                                 gboolean        for_new_board,
                                                 GError        **error);
/* Reads the rows of participants' estimates (kw-estimates-import.h): the
 * first row must name every column, each once; the columns of a finding
 * other than the id and the title are ignored. An error names the column
 * when the header is wrong, or when it lacks impact and effort or both the
 * id and the title. */
KwImportTable *_kw_import_table_new_for_estimates (GBytes       *bytes,
                                                   const char   *display_name,
                                                   GError      **error);
void           _kw_import_table_free            (KwImportTable  *self);

/* The rows below the header. */
guint          _kw_import_table_get_n_rows      (KwImportTable  *self);
/* index counts the header too; "" past a row's last cell. */
const char    *_kw_import_table_get_cell        (KwImportTable  *self,
                                                 guint           index,
                                                 guint           column);
/* The cell of the column of that kind, without the formula guard; "" when
 * no column holds the kind. */
const char    *_kw_import_table_get_value       (KwImportTable  *self,
                                                 guint           index,
                                                 KwCsvColumn     kind);
/* TRUE when the column's kind changed; a column that held the kind before
 * is ignored from now on. */
gboolean       _kw_import_table_set_column      (KwImportTable  *self,
                                                 guint           column,
                                                 KwCsvColumn     kind);
/* What keeps the chosen columns from being imported, for the preview;
 * NULL when nothing does. */
char          *_kw_import_table_describe_problem (KwImportTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwImportTable, _kw_import_table_free)

G_END_DECLS
