/* kw-window.h: one board in one window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-board.h"
#include "kw-draft.h"
#include "kw-history.h"

G_BEGIN_DECLS

#define KW_TYPE_WINDOW (kw_window_get_type ())
G_DECLARE_FINAL_TYPE (KwWindow, kw_window, KW, WINDOW, AdwApplicationWindow)

KwWindow *kw_window_new        (GtkApplication *application);
/* Loads the file asynchronously; on failure the window keeps what it had
 * and shows the error. */
void      kw_window_load_file  (KwWindow       *self,
                                GFile          *file);
/* Presents the window once the board it is loading is in, or after a
 * moment with the loading page; at once when it is already on screen or
 * not loading. */
void      kw_window_present_when_loaded (KwWindow *self);
/* Opens an autosaved draft (see kw-draft-store.h) asynchronously: the
 * board shows modified, with the file and etag it had, and the draft
 * stays until the board is saved or discarded. */
void      kw_window_restore_draft (KwWindow    *self,
                                   KwDraft     *draft);
/* Reads the CSV file asynchronously into the import preview, which
 * changes the board only when the user confirms; errors show as a toast. */
void      kw_window_import_file (KwWindow      *self,
                                 GFile         *file);
/* TRUE for a file that is imported rather than opened (a .csv). */
gboolean  kw_window_file_is_import (GFile      *file);
/* The file the board was loaded from or last saved to, or NULL. */
GFile    *kw_window_get_file   (KwWindow       *self);
KwBoard  *kw_window_get_board  (KwWindow       *self);
/* TRUE for an untitled board with no changes: Open reuses such a window. */
gboolean  kw_window_is_blank   (KwWindow       *self);
/* TRUE when the board has changes that are not saved ("modified"). */
gboolean  kw_window_get_modified (KwWindow     *self);
/* TRUE while a file is being loaded ("loading"). */
gboolean  kw_window_get_loading  (KwWindow     *self);
/* The grouped findings the window lists: a GListModel of KwPlanItem. */
GListModel *kw_window_get_plan_model (KwWindow *self);

/* The parts of the window, for tests and for the parts to find each
 * other: the board's undo history (replaced when a board is loaded), the
 * shared selection over the board's findings, the search and tag filter
 * (a GtkFilter of KwFinding), the matrix, the tray of unplaced findings,
 * the details panel and the outcome lists (a GtkListView). */
KwHistory         *kw_window_get_history        (KwWindow *self);
GtkSelectionModel *kw_window_get_selection      (KwWindow *self);
GtkFilter         *kw_window_get_filter         (KwWindow *self);
GtkWidget         *kw_window_get_matrix         (KwWindow *self);
GtkWidget         *kw_window_get_tray           (KwWindow *self);
GtkWidget         *kw_window_get_details_panel  (KwWindow *self);
GtkWidget         *kw_window_get_outcome_lists  (KwWindow *self);

G_END_DECLS
