/* kw-export-html.h: the action plan as one self-contained HTML file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"
#include "kw-snapshot.h"

G_BEGIN_DECLS

typedef struct {
  const char *lang;  /* "nl", "en", or NULL for the UI language */
  GDateTime  *now;   /* the export date shown; NULL for now */
  KwSnapshot *since; /* a "Changes since …" section and the matrix's arrows
                      * compared with this snapshot of the board; NULL: none */
} KwExportHtmlOptions;

GBytes   *kw_export_html_bytes  (KwBoard                   *board,
                                 const KwExportHtmlOptions *options,
                                 GError                   **error);
gboolean  kw_export_html_file   (KwBoard                   *board,
                                 const KwExportHtmlOptions *options,
                                 GFile                     *file,
                                 GError                   **error);

G_END_DECLS
