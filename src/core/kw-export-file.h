/* kw-export-file.h: writing the board in one of the export formats to a
 * file, as a whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"
#include "kw-export-pdf.h"

G_BEGIN_DECLS

typedef enum {
  KW_EXPORT_FORMAT_HTML,  /* the action plan */
  KW_EXPORT_FORMAT_PDF,   /* the action plan */
  KW_EXPORT_FORMAT_CSV,   /* the findings */
  KW_EXPORT_FORMAT_XLSX,  /* the findings */
  KW_EXPORT_FORMAT_ICS,   /* due and review dates, for a calendar */
  KW_EXPORT_FORMAT_SVG,   /* the matrix */
  KW_EXPORT_FORMAT_PNG,   /* the matrix */
} KwExportFormat;

typedef struct
{
  KwExportFormat  format;
  const char     *lang;       /* "nl" or "en" */
  char            separator;  /* CSV */
  gboolean        bom;        /* CSV */
  int             width;      /* SVG, PNG */
  int             height;     /* SVG, PNG */
  KwPaper         paper;      /* PDF */
  KwSnapshot     *since;      /* HTML, PDF: "Changes since …" this snapshot of
                               * the board; NULL for none */
} KwExportFileOptions;

/* Writes board to file in the main thread's turns, drawing a PDF or PNG
 * in a worker thread. The task's source object is source_object, as
 * with g_task_new(). */
void     kw_export_file_async  (KwBoard                   *board,
                                const KwExportFileOptions *options,
                                GFile                     *file,
                                gpointer                   source_object,
                                GCancellable              *cancellable,
                                GAsyncReadyCallback        callback,
                                gpointer                   user_data);
gboolean kw_export_file_finish (GAsyncResult              *result,
                                GError                   **error);

/* Replaces file with bytes, as a whole, in this thread. */
gboolean kw_export_file_write_bytes (GFile   *file,
                                     GBytes  *bytes,
                                     GError **error);

G_END_DECLS
