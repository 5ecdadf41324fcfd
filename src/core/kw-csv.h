/* kw-csv.h: reading findings from a spreadsheet export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"

G_BEGIN_DECLS

#define KW_CSV_ERROR (kw_csv_error_quark ())
GQuark kw_csv_error_quark (void);

typedef enum {
  KW_CSV_ERROR_ENCODING,   /* not UTF-8 */
  KW_CSV_ERROR_SYNTAX,     /* broken quoting */
  KW_CSV_ERROR_HEADER,     /* no title column, unknown or repeated column */
  KW_CSV_ERROR_VALUE,      /* a cell that cannot be read (row and column named) */
  KW_CSV_ERROR_TOO_LARGE,
} KwCsvError;

/* What a column holds, named by its header cell (English or Dutch). */
typedef enum {
  KW_CSV_COLUMN_UNNAMED,  /* an empty header cell: its cells must stay empty */
  KW_CSV_COLUMN_IGNORED,  /* written by exports, but fresh or derived on import */
  KW_CSV_COLUMN_TITLE,
  KW_CSV_COLUMN_DESCRIPTION,
  KW_CSV_COLUMN_IMPACT,
  KW_CSV_COLUMN_EFFORT,
  KW_CSV_COLUMN_OWNER,
  KW_CSV_COLUMN_DUE,
  KW_CSV_COLUMN_STATUS,
  KW_CSV_COLUMN_TAGS,
  KW_CSV_COLUMN_SOURCE,
  KW_CSV_COLUMN_REVIEW,
  KW_CSV_COLUMN_DROP_REASON,
  KW_CSV_COLUMN_ID,
  KW_CSV_COLUMN_PARTICIPANT,  /* whose estimates a row holds (kw-estimates-import.h) */
  KW_CSV_N_COLUMNS
} KwCsvColumn;

/* The limits that keep a hostile file from eating memory. */
#define KW_CSV_MAX_BYTES (64 * 1024 * 1024)
#define KW_CSV_MAX_CELL_BYTES (256 * 1024)
#define KW_CSV_MAX_COLUMNS 64
#define KW_CSV_MAX_FINDINGS 200000

/* Builds a new board from CSV text. On any error nothing is returned. */
KwBoard *kw_csv_import_bytes (GBytes        *bytes,
                              const char    *display_name,
                              GError       **error);
KwBoard *kw_csv_import_file  (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
