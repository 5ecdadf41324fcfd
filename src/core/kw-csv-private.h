/* kw-csv-private.h: the CSV reader (kw-csv-reader.c) and the parts of
 * kw-csv.c that KwImport shares, so that an import into a board reads
 * cells, headers, statuses and tags exactly as kw_csv_import_bytes() does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-csv.h"
#include "kw-finding.h"

G_BEGIN_DECLS

/* kw-csv-reader.c: reading records */

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  char        separator;    /* '\t', ',' or ';', or '\0' when the first line has one column */
  guint       row;          /* spreadsheet row of the last record read; the header is 1 */
  const char *display_name;
  GString    *cell;         /* scratch space for the cell being read */
} KwCsvReader;

/* "file: row N: detail" */
void        _kw_csv_set_row_error       (KwCsvReader       *reader,
                                         GError           **error,
                                         KwCsvError         code,
                                         const char        *format,
                                         ...) G_GNUC_PRINTF (4, 5);
/* Refuses UTF-16, workbooks and empty text; skips a byte order mark. */
gboolean    _kw_csv_check_start         (KwCsvReader       *reader,
                                         GError           **error);
char        _kw_csv_detect_separator    (const KwCsvReader *reader);
gboolean    _kw_csv_reader_at_end       (KwCsvReader       *reader);
/* Skips an empty line, counting it as a row. */
gboolean    _kw_csv_skip_empty_line     (KwCsvReader       *reader);
/* Reads one record (one spreadsheet row, which may span lines) into cells
 * (a GPtrArray of char *), at most max_cells of them. */
gboolean    _kw_csv_read_record         (KwCsvReader       *reader,
                                         GPtrArray         *cells,
                                         guint              max_cells,
                                         GError           **error);
gboolean    _kw_csv_cells_are_blank     (GPtrArray         *cells);
gboolean    _kw_csv_is_blank            (const char        *text);
void        _kw_csv_set_too_large_error (const char        *display_name,
                                         GError           **error);
/* Reads at most KW_CSV_MAX_BYTES, refusing more. */
GBytes     *_kw_csv_read_bounded        (GFileInputStream  *stream,
                                         const char        *display_name,
                                         GCancellable      *cancellable,
                                         GError           **error);

/* kw-csv-reader.c: the whole table, for KwImport */

/* The rows of CSV or tab-separated text (the separator is detected from
 * the first line), each a NULL-terminated array of its cells; blank rows
 * left out. row_numbers gets each row's number as a spreadsheet counts. */
GPtrArray  *_kw_csv_read_table         (GBytes       *bytes,
                                        const char   *display_name,
                                        GArray      **row_numbers,
                                        GError      **error);
/* kw-csv.c: what cells mean */

/* FALSE for a header cell that names no column Kwadrant knows. */
gboolean    _kw_csv_column_from_header (const char   *cell,
                                        KwCsvColumn  *column);
/* The cell without the apostrophe of Kwadrant's formula guard. */
const char *_kw_csv_unguard            (const char   *cell);
/* An empty cell is open. */
gboolean    _kw_csv_parse_status       (const char   *text,
                                        KwStatus     *status);
GStrv       _kw_csv_split_tags         (const char   *text);
/* "A", "B", … "AA": how a spreadsheet names a column without a header. */
char       *_kw_csv_column_letters     (guint         index);
/* A cell as a message may quote it: one line, not too long. */
char       *_kw_csv_quote_value        (const char   *value);

G_END_DECLS
