/* kw-plan-row.h: the widget that shows one KwPlanItem in the plan list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-board.h"
#include "kw-plan-item.h"

G_BEGIN_DECLS

#define KW_TYPE_PLAN_ROW (kw_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (KwPlanRow, kw_plan_row, KW, PLAN_ROW, GtkWidget)

GtkWidget  *kw_plan_row_new                  (void);
/* Shows item, which belongs to board; NULL item clears the row. */
void        kw_plan_row_bind                 (KwPlanRow  *self,
                                              KwPlanItem *item,
                                              KwBoard    *board);
/* What a screen reader says for the row, e.g. "Title. Impact 7.5,
 * effort 2.0, quick win". */
const char *kw_plan_row_get_accessible_text  (KwPlanRow  *self);

/* Helpers shared with the window, for consistent wording. */
char       *kw_plan_format_score             (double      score);
char       *kw_plan_format_date              (const char *iso_date);
const char *kw_plan_outcome_singular         (KwOutcome   outcome);

G_END_DECLS
