/* kw-placement-entry.h: placing a finding by typing its impact and
 * effort, "8 2,5", in a small entry that opens at the finding when a
 * digit is typed on it: in the tray, the outcome lists or the matrix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-finding.h"
#include "kw-history.h"

G_BEGIN_DECLS

#define KW_TYPE_PLACEMENT_ENTRY (kw_placement_entry_get_type ())
G_DECLARE_FINAL_TYPE (KwPlacementEntry, kw_placement_entry, KW, PLACEMENT_ENTRY, GtkPopover)

/* Where placements go for a list: NULL while the board cannot change. */
typedef KwHistory *(*KwPlacementHistoryFunc) (gpointer user_data);

/* TRUE for the keys that open the entry: a digit, without Ctrl or Alt. */
gboolean          kw_placement_entry_is_start_key (guint              keyval,
                                                   GdkModifierType    state);
/* Opens host's entry (made on first use, a popover child of host) at
 * anchor, for finding, with the digit of keyval typed. Enter places the
 * finding through history, as one step, and announces its outcome;
 * Escape closes it and changes nothing. */
KwPlacementEntry *kw_placement_entry_open         (GtkWidget         *host,
                                                   GtkWidget         *anchor,
                                                   KwHistory         *history,
                                                   KwFinding         *finding,
                                                   guint              keyval);
/* Typing a digit on a finding's row of view (a list over a
 * KwPlanSelection whose rows it tracks) opens the entry there. */
void              kw_placement_entry_attach_list  (GtkListView            *view,
                                                   KwPlacementHistoryFunc  history_func,
                                                   gpointer                user_data);

GtkEditable      *kw_placement_entry_get_editable (KwPlacementEntry  *self);
/* The message shown for the last refused text, or NULL. */
const char       *kw_placement_entry_get_error    (KwPlacementEntry  *self);

G_END_DECLS
