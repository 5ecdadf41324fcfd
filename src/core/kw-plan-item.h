/* kw-plan-item.h: one row of the grouped action plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kw-finding.h"
#include "kw-outcome.h"

G_BEGIN_DECLS

typedef enum {
  KW_PLAN_ITEM_SUMMARY,  /* the board's details and the counts per outcome */
  KW_PLAN_ITEM_GROUP,    /* the heading of one outcome */
  KW_PLAN_ITEM_FINDING,  /* one finding under its outcome */
  KW_PLAN_ITEM_EMPTY,    /* stands in for the findings of an empty outcome */
} KwPlanItemKind;

#define KW_TYPE_PLAN_ITEM (kw_plan_item_get_type ())
G_DECLARE_FINAL_TYPE (KwPlanItem, kw_plan_item, KW, PLAN_ITEM, GObject)

KwPlanItem     *kw_plan_item_new_summary  (const guint     counts[KW_N_OUTCOMES],
                                           const char     *board_signature);
/* count findings, done of them done (kw-follow-up.h: their progress). */
KwPlanItem     *kw_plan_item_new_group    (KwOutcome       outcome,
                                           guint           count,
                                           guint           done);
KwPlanItem     *kw_plan_item_new_finding  (KwFinding      *finding,
                                           KwOutcome       outcome,
                                           gboolean        first,
                                           gboolean        last);
KwPlanItem     *kw_plan_item_new_empty    (KwOutcome       outcome);

KwPlanItemKind  kw_plan_item_get_kind     (KwPlanItem     *self);
KwOutcome       kw_plan_item_get_outcome  (KwPlanItem     *self);
/* For a group: its number of findings; for the summary: the outcome's. */
guint           kw_plan_item_get_count    (KwPlanItem     *self,
                                           KwOutcome       outcome);
/* For a group: how many of its findings are done. */
guint           kw_plan_item_get_done     (KwPlanItem     *self);
KwFinding      *kw_plan_item_get_finding  (KwPlanItem     *self);
/* Whether the row opens or closes its outcome's card. */
gboolean        kw_plan_item_is_first     (KwPlanItem     *self);
gboolean        kw_plan_item_is_last      (KwPlanItem     *self);
/* TRUE when both items show exactly the same thing. */
gboolean        kw_plan_item_equal        (KwPlanItem     *self,
                                           KwPlanItem     *other);

G_END_DECLS
