/* kw-csv-private.h: the CSV reader (kw-csv-reader.c) and what cells mean
 * (kw-csv.c), for KwImport, which every import goes through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-csv.h"
#include "kw-finding.h"

G_BEGIN_DECLS

/* kw-csv-reader.c: messages */

/* "file: row N, column “label”: detail", or "file: row N: detail" when
 * column_label is NULL: how every problem of a file is reported. */
void        _kw_csv_set_cell_error     (GError           **error,
                                        KwCsvError         code,
                                        const char        *display_name,
                                        guint              row,
                                        const char        *column_label,
                                        const char        *detail);
gboolean    _kw_csv_is_blank           (const char        *text);
/* "A", "B", … "AA": how a spreadsheet names a column without a header. */
char       *_kw_csv_column_letters     (guint              index);
/* A cell as a message may quote it: one line, not too long. */
char       *_kw_csv_quote_value        (const char        *value);

/* kw-csv-reader.c: reading */

/* Reads at most KW_CSV_MAX_BYTES, refusing more. */
GBytes     *_kw_csv_read_bounded       (GFileInputStream  *stream,
                                        const char        *display_name,
                                        GCancellable      *cancellable,
                                        GError           **error);
/* The rows of CSV or tab-separated text (the separator is detected from
 * the first line), each a NULL-terminated array of its cells; blank rows
 * left out. With header_sets_width, a row with more cells than the first
 * is an error. row_numbers gets each row's number as a spreadsheet counts. */
GPtrArray  *_kw_csv_read_table         (GBytes            *bytes,
                                        const char        *display_name,
                                        gboolean           header_sets_width,
                                        GArray           **row_numbers,
                                        GError           **error);

/* kw-csv.c: what cells mean */

/* FALSE for a header cell that names no column Kwadrant knows. */
gboolean    _kw_csv_column_from_header (const char        *cell,
                                        KwCsvColumn       *column);
/* TRUE when two header cells are the same name, whatever their case,
 * spaces, "-" or "_". */
gboolean    _kw_csv_same_header        (const char        *a,
                                        const char        *b);
/* The cell without the apostrophe of Kwadrant's formula guard. */
const char *_kw_csv_unguard            (const char        *cell);
/* An empty cell is open. */
gboolean    _kw_csv_parse_status       (const char        *text,
                                        KwStatus          *status);
/* "?", "no idea" or "geen idee", whatever the case and spaces: a
 * participant's estimate that has no scores. */
gboolean    _kw_csv_is_no_idea         (const char        *text);
GStrv       _kw_csv_split_tags         (const char        *text);

G_END_DECLS
