/* kw-import-dialog.h: the preview of an import, before anything changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-estimates-import.h"
#include "kw-import.h"

G_BEGIN_DECLS

#define KW_TYPE_IMPORT_DIALOG (kw_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwImportDialog, kw_import_dialog, KW, IMPORT_DIALOG, AdwWindow)

/* A modal dialog over parent showing what import would do: its columns
 * (each one's kind chosen from a list), its rows with any error on the
 * row, and how many findings are new, updated or in error. Import applies
 * it through history as one undo step, emits "imported" (guint: findings
 * added or changed) and closes; Cancel or Escape closes and changes
 * nothing. */
KwImportDialog *kw_import_dialog_new        (GtkWindow *parent,
                                             KwImport  *import,
                                             KwHistory *history);
/* The same preview for participants' estimates (kw-estimates-import.h):
 * the participants with how many estimates each and which are new, then
 * every problem with its file and row. Import is refused while there is a
 * problem; it applies the estimates as one undo step and emits "imported"
 * with how many estimates it set. */
KwImportDialog *kw_import_dialog_new_for_estimates (GtkWindow         *parent,
                                                    KwEstimatesImport *estimates,
                                                    KwHistory         *history);
/* The import the dialog previews: NULL for the other kind. */
KwImport       *kw_import_dialog_get_import (KwImportDialog *self);
KwEstimatesImport *kw_import_dialog_get_estimates_import (KwImportDialog *self);

G_END_DECLS
