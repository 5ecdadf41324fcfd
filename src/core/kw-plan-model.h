/* kw-plan-model.h: a board's findings grouped by outcome, as one flat
 * list of KwPlanItem (summary, then per outcome a heading and its rows),
 * so a single recycling list view can show boards of any size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"
#include "kw-plan-item.h"

G_BEGIN_DECLS

#define KW_TYPE_PLAN_MODEL (kw_plan_model_get_type ())
G_DECLARE_FINAL_TYPE (KwPlanModel, kw_plan_model, KW, PLAN_MODEL, GObject)

KwPlanModel *kw_plan_model_new       (KwBoard     *board);
KwBoard     *kw_plan_model_get_board (KwPlanModel *self);
void         kw_plan_model_set_board (KwPlanModel *self,
                                      KwBoard     *board);
/* Builds the list again and has every row shown anew: the date turned,
 * and what is overdue or due for review is so as of today. */
void         kw_plan_model_refresh   (KwPlanModel *self);

G_END_DECLS
