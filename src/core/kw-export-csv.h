/* kw-export-csv.h: the findings and their outcome as CSV, for a
 * spreadsheet; kw-csv.c reads the file back into the same findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"

G_BEGIN_DECLS

typedef struct {
  const char *lang;       /* column names and values: "nl", "en", NULL for the UI language */
  char        separator;  /* ',' or ';' (Dutch Excel); '\0' means ';' in Dutch, ',' otherwise */
  gboolean    bom;        /* a byte order mark, so Excel reads UTF-8 */
} KwExportCsvOptions;

GBytes   *kw_export_csv_bytes  (KwBoard                  *board,
                                const KwExportCsvOptions *options,
                                GError                  **error);
gboolean  kw_export_csv_file   (KwBoard                  *board,
                                const KwExportCsvOptions *options,
                                GFile                    *file,
                                GError                  **error);

G_END_DECLS
