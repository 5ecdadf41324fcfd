/* kw-plan-selection.h: a selection model over a list of KwPlanItem that
 * keeps its selection in another selection model, the one over the
 * board's findings the matrix uses, so a list and the matrix always show
 * the same findings selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-finding.h"
#include "kw-outcome.h"

G_BEGIN_DECLS

#define KW_TYPE_PLAN_SELECTION (kw_plan_selection_get_type ())
G_DECLARE_FINAL_TYPE (KwPlanSelection, kw_plan_selection, KW, PLAN_SELECTION, GObject)

/* model: a GListModel of KwPlanItem; shared: a selection model whose
 * items are the board's findings. Only finding rows can be selected.
 * Selecting with "unselect the rest" (a plain click) replaces the whole
 * shared selection, not just the part this list shows. */
KwPlanSelection *kw_plan_selection_new (GListModel        *model,
                                        GtkSelectionModel *shared);

/* The finding that takes finding's place in this list once it is gone:
 * the next finding under the same heading, or the one before it when it
 * was the last; none of those in skip (the other findings going with
 * it). NULL when the list does not show finding, or it was alone. */
KwFinding       *kw_plan_selection_get_successor (KwPlanSelection *self,
                                                  KwFinding       *finding,
                                                  GPtrArray       *skip);
/* Whether the list still shows finding under another outcome than
 * outcome: it follows the board in an idle, and has not yet. */
gboolean         kw_plan_selection_is_behind     (KwPlanSelection *self,
                                                  KwFinding       *finding,
                                                  KwOutcome        outcome);
/* The position of finding's row in this list, or FALSE. */
gboolean         kw_plan_selection_find          (KwPlanSelection *self,
                                                  KwFinding       *finding,
                                                  guint           *position);

/* Rows of a GtkListView over a KwPlanSelection, whose factory is a
 * GtkSignalListItemFactory: track_rows() makes them known, so the
 * finding a row shows and the row of a finding can be found. */
void             kw_plan_selection_track_rows    (GtkListView     *view);
/* The finding of the row that holds widget (the focus, say), or NULL. */
KwFinding       *kw_plan_selection_row_finding   (GtkListView     *view,
                                                  GtkWidget       *widget);
/* The row widget showing finding, scrolled into view, or NULL while the
 * list has not made one for it. */
GtkWidget       *kw_plan_selection_find_row      (GtkListView     *view,
                                                  KwFinding       *finding);
/* Moves the keyboard focus to finding's row, now or once the list has
 * laid it out. */
void             kw_plan_selection_focus_finding (GtkListView     *view,
                                                  KwFinding       *finding);

G_END_DECLS
