/* kw-plan-selection.h: a selection model over a list of KwPlanItem that
 * keeps its selection in another selection model, the one over the
 * board's findings the matrix uses, so a list and the matrix always show
 * the same findings selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KW_TYPE_PLAN_SELECTION (kw_plan_selection_get_type ())
G_DECLARE_FINAL_TYPE (KwPlanSelection, kw_plan_selection, KW, PLAN_SELECTION, GObject)

/* model: a GListModel of KwPlanItem; shared: a selection model whose
 * items are the board's findings. Only finding rows can be selected.
 * Selecting with "unselect the rest" (a plain click) replaces the whole
 * shared selection, not just the part this list shows. */
KwPlanSelection *kw_plan_selection_new (GListModel        *model,
                                        GtkSelectionModel *shared);

G_END_DECLS
