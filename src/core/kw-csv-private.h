/* kw-csv-private.h: the CSV reader's parts that KwImport shares, so that an
 * import into a board reads cells, headers, statuses and tags exactly as
 * kw_csv_import_bytes() does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-csv.h"
#include "kw-finding.h"

G_BEGIN_DECLS

/* The rows of CSV or tab-separated text (the separator is detected from
 * the first line), each a NULL-terminated array of its cells; blank rows
 * left out. row_numbers gets each row's number as a spreadsheet counts. */
GPtrArray  *_kw_csv_read_table         (GBytes       *bytes,
                                        const char   *display_name,
                                        GArray      **row_numbers,
                                        GError      **error);
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
