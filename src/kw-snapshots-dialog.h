/* kw-snapshots-dialog.h: a board's snapshots, with their dates and
 * names: compare with one, rename or delete it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-board.h"
#include "kw-history.h"

G_BEGIN_DECLS

#define KW_TYPE_SNAPSHOTS_DIALOG (kw_snapshots_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwSnapshotsDialog, kw_snapshots_dialog, KW, SNAPSHOTS_DIALOG, AdwWindow)

/* Renames and deletions go through history (undoable). Signals:
 *   "compare" (KwSnapshot *snapshot)   the row's Compare button; the
 *                                      dialog closes itself after it */
KwSnapshotsDialog *kw_snapshots_dialog_new      (GtkWindow         *parent,
                                                 KwBoard           *board,
                                                 KwHistory         *history);
/* The list of rows, one per snapshot (tests). */
GtkListBox        *kw_snapshots_dialog_get_list (KwSnapshotsDialog *self);
/* "4 December 2026, 10:32": a snapshot's moment in local time, as the
 * list and the compare view show it. */
char              *kw_snapshot_dup_display_time (KwSnapshot        *snapshot);

G_END_DECLS
