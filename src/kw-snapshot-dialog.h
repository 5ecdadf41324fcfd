/* kw-snapshot-dialog.h: asks a snapshot's name and note, for Take
 * Snapshot and for Rename.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-board.h"

G_BEGIN_DECLS

#define KW_TYPE_SNAPSHOT_DIALOG (kw_snapshot_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwSnapshotDialog, kw_snapshot_dialog, KW, SNAPSHOT_DIALOG, AdwMessageDialog)

/* snapshot NULL: "Take Snapshot" of board, the name field holding
 * kw_snapshot_default_name(); otherwise "Rename Snapshot" with the
 * snapshot's name and note. Enter in either field accepts (the default
 * response "accept"), Escape cancels ("cancel"). Accept waits while the
 * name is empty or another snapshot of the board has it. */
KwSnapshotDialog *kw_snapshot_dialog_new      (GtkWindow        *parent,
                                               KwBoard          *board,
                                               KwSnapshot       *snapshot);
/* The name as typed, cleaned to one line. */
char             *kw_snapshot_dialog_dup_name (KwSnapshotDialog *self);
/* The note; "" when none. */
char             *kw_snapshot_dialog_dup_note (KwSnapshotDialog *self);

G_END_DECLS
