/* kw-export-dialog.h: the Export dialog: the action plan, the findings or
 * the matrix, in a format, a language and with options, to a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-board.h"
#include "kw-export-file.h"
#include "kw-export-pdf.h"

G_BEGIN_DECLS

#define KW_TYPE_EXPORT_DIALOG (kw_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwExportDialog, kw_export_dialog, KW, EXPORT_DIALOG, AdwWindow)

/* A modal dialog over parent exporting board. board_file (may be NULL) is
 * where the board is saved: the file chooser starts in its folder. A
 * successful export shows a toast in toast_overlay (may be NULL). */
KwExportDialog *kw_export_dialog_new               (GtkWindow       *parent,
                                                    KwBoard         *board,
                                                    GFile           *board_file,
                                                    AdwToastOverlay *toast_overlay);

KwExportFormat  kw_export_dialog_get_format        (KwExportDialog  *self);
void            kw_export_dialog_set_format        (KwExportDialog  *self,
                                                    KwExportFormat   format);
/* "nl" or "en"; the UI language at first. */
const char     *kw_export_dialog_get_language      (KwExportDialog  *self);
void            kw_export_dialog_set_language      (KwExportDialog  *self,
                                                    const char      *lang);
void            kw_export_dialog_set_csv_options   (KwExportDialog  *self,
                                                    char             separator,
                                                    gboolean         bom);
void            kw_export_dialog_set_image_size    (KwExportDialog  *self,
                                                    int              width,
                                                    int              height);
void            kw_export_dialog_set_paper         (KwExportDialog  *self,
                                                    KwPaper          paper);
/* The snapshot the HTML and PDF plans are compared with ("Compare with"),
 * NULL for none (the default) and for the other formats. set_since()
 * returns FALSE for a snapshot that is not the board's. */
KwSnapshot     *kw_export_dialog_get_since         (KwExportDialog  *self);
gboolean        kw_export_dialog_set_since         (KwExportDialog  *self,
                                                    KwSnapshot      *snapshot);
void            kw_export_dialog_set_open_when_done (KwExportDialog *self,
                                                    gboolean         open_when_done);
/* TRUE while a file is being written ("busy"). */
gboolean        kw_export_dialog_get_busy          (KwExportDialog  *self);

/* Exports to file as the Export button does once a file is chosen: on
 * success the dialog emits "exported", shows the toast and closes; on
 * failure it shows the error and stays open. */
void            kw_export_dialog_export_to_file    (KwExportDialog  *self,
                                                    GFile           *file);
/* What the Export button does with the file the user chose: the format's
 * extension is added when the name lacks it ("actieplan" becomes
 * "actieplan.html"), and when that changed name exists the user is asked
 * whether to replace it before anything is written. */
void            kw_export_dialog_export_to_chosen  (KwExportDialog  *self,
                                                    GFile           *chosen);

G_END_DECLS
