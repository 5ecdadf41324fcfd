/* kw-changes-panel.h: "Changes since …": what moved on the board since a
 * snapshot, in the method's words, kept up to date as the board changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-changes.h"

G_BEGIN_DECLS

#define KW_TYPE_CHANGES_PANEL (kw_changes_panel_get_type ())
G_DECLARE_FINAL_TYPE (KwChangesPanel, kw_changes_panel, KW, CHANGES_PANEL, GtkWidget)

/* Properties:
 *   "board"     KwBoard*     the board now
 *   "snapshot"  KwSnapshot*  compared with; NULL: nothing to list
 *   "changes"   KwChanges*   (read-only) the list shown; a new one after
 *                            each change of the board (made in an idle,
 *                            so a drag or an undo of many steps makes one)
 *
 * Signals:
 *   "change-selected" (KwChange *change)   a row was selected
 */
GtkWidget  *kw_changes_panel_new          (void);

void        kw_changes_panel_set_board    (KwChangesPanel *self,
                                           KwBoard        *board);
KwSnapshot *kw_changes_panel_get_snapshot (KwChangesPanel *self);
void        kw_changes_panel_set_snapshot (KwChangesPanel *self,
                                           KwSnapshot     *snapshot);
KwChanges  *kw_changes_panel_get_changes  (KwChangesPanel *self);
/* Makes the list now rather than in the idle (tests, and before the
 * panel shows). */
void        kw_changes_panel_update_now   (KwChangesPanel *self);
/* The list of changes (tests, focus). */
GtkWidget  *kw_changes_panel_get_list     (KwChangesPanel *self);

G_END_DECLS
