/* kw-plan-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-item"

#include "config.h"

#include <string.h>

#include "kw-plan-item.h"

/* Items are immutable snapshots: the plan model makes new ones whenever
 * the board changes, so the list view rebinds exactly the rows that
 * show something new. */
struct _KwPlanItem
{
  GObject         parent_instance;

  KwPlanItemKind  kind;
  KwOutcome       outcome;
  guint           counts[KW_N_OUTCOMES];
  guint           done;          /* a group's findings that are done */
  KwFinding      *finding;
  /* What the row shows of the board or finding, to tell whether a
   * rebuilt item needs its row redrawn. */
  char           *signature;
  guint           first : 1;
  guint           last : 1;
};

G_DEFINE_FINAL_TYPE (KwPlanItem, kw_plan_item, G_TYPE_OBJECT)

static void
kw_plan_item_finalize (GObject *object)
{
  KwPlanItem *self = KW_PLAN_ITEM (object);

  g_clear_object (&self->finding);
  g_clear_pointer (&self->signature, g_free);

  G_OBJECT_CLASS (kw_plan_item_parent_class)->finalize (object);
}

static void
kw_plan_item_class_init (KwPlanItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_plan_item_finalize;
}

static void
kw_plan_item_init (KwPlanItem *self)
{
  self->outcome = KW_OUTCOME_UNPLACED;
}

static KwPlanItem *
kw_plan_item_new (KwPlanItemKind kind,
                  KwOutcome      outcome)
{
  KwPlanItem *self = g_object_new (KW_TYPE_PLAN_ITEM, NULL);

  self->kind = kind;
  self->outcome = outcome;

  return self;
}

KwPlanItem *
kw_plan_item_new_summary (const guint  counts[KW_N_OUTCOMES],
                          const char  *board_signature)
{
  KwPlanItem *self;

  g_return_val_if_fail (counts != NULL, NULL);

  self = kw_plan_item_new (KW_PLAN_ITEM_SUMMARY, KW_OUTCOME_UNPLACED);
  memcpy (self->counts, counts, sizeof self->counts);
  self->signature = g_strdup (board_signature);

  return self;
}

KwPlanItem *
kw_plan_item_new_group (KwOutcome outcome,
                        guint     count,
                        guint     done)
{
  KwPlanItem *self;

  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, NULL);
  g_return_val_if_fail (done <= count, NULL);

  self = kw_plan_item_new (KW_PLAN_ITEM_GROUP, outcome);
  self->counts[outcome] = count;
  self->done = done;

  return self;
}

KwPlanItem *
kw_plan_item_new_finding (KwFinding *finding,
                          KwOutcome  outcome,
                          gboolean   first,
                          gboolean   last)
{
  KwPlanItem *self;

  g_return_val_if_fail (KW_IS_FINDING (finding), NULL);
  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, NULL);

  self = kw_plan_item_new (KW_PLAN_ITEM_FINDING, outcome);
  self->finding = g_object_ref (finding);
  self->signature = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%d %.1f %.1f",
                                     kw_finding_get_title (finding),
                                     kw_finding_get_owner (finding),
                                     kw_finding_get_due_date (finding),
                                     kw_finding_get_placed (finding),
                                     kw_finding_get_impact (finding),
                                     kw_finding_get_effort (finding));
  self->first = !!first;
  self->last = !!last;

  return self;
}

KwPlanItem *
kw_plan_item_new_empty (KwOutcome outcome)
{
  KwPlanItem *self;

  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, NULL);

  self = kw_plan_item_new (KW_PLAN_ITEM_EMPTY, outcome);
  self->first = TRUE;
  self->last = TRUE;

  return self;
}

KwPlanItemKind
kw_plan_item_get_kind (KwPlanItem *self)
{
  g_return_val_if_fail (KW_IS_PLAN_ITEM (self), KW_PLAN_ITEM_EMPTY);

  return self->kind;
}

KwOutcome
kw_plan_item_get_outcome (KwPlanItem *self)
{
  g_return_val_if_fail (KW_IS_PLAN_ITEM (self), KW_OUTCOME_UNPLACED);

  return self->outcome;
}

guint
kw_plan_item_get_count (KwPlanItem *self,
                        KwOutcome   outcome)
{
  g_return_val_if_fail (KW_IS_PLAN_ITEM (self), 0);
  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, 0);

  return self->counts[outcome];
}

guint
kw_plan_item_get_done (KwPlanItem *self)
{
  g_return_val_if_fail (KW_IS_PLAN_ITEM (self), 0);

  return self->done;
}

KwFinding *
kw_plan_item_get_finding (KwPlanItem *self)
{
  g_return_val_if_fail (KW_IS_PLAN_ITEM (self), NULL);

  return self->finding;
}

gboolean
kw_plan_item_is_first (KwPlanItem *self)
{
  g_return_val_if_fail (KW_IS_PLAN_ITEM (self), FALSE);

  return self->first;
}

gboolean
kw_plan_item_is_last (KwPlanItem *self)
{
  g_return_val_if_fail (KW_IS_PLAN_ITEM (self), FALSE);

  return self->last;
}

gboolean
kw_plan_item_equal (KwPlanItem *self,
                    KwPlanItem *other)
{
  g_return_val_if_fail (KW_IS_PLAN_ITEM (self), FALSE);
  g_return_val_if_fail (KW_IS_PLAN_ITEM (other), FALSE);

  return self->kind == other->kind &&
         self->outcome == other->outcome &&
         self->finding == other->finding &&
         self->first == other->first &&
         self->last == other->last &&
         memcmp (self->counts, other->counts, sizeof self->counts) == 0 &&
         self->done == other->done &&
         g_strcmp0 (self->signature, other->signature) == 0;
}
