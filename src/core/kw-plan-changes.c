/* kw-plan-changes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-changes"

#include "config.h"

#include "kw-i18n.h"
#include "kw-plan-changes.h"

void
kw_plan_set_since (KwPlan     *plan,
                   KwSnapshot *since)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (since == NULL || KW_IS_SNAPSHOT (since));

  g_clear_object (&plan->changes);
  if (since != NULL)
    plan->changes = kw_changes_new (since, plan->board);
}

char *
kw_plan_changes_dup_heading (const KwPlan *plan)
{
  KwSnapshot *since;
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->changes == NULL)
    return NULL;

  since = kw_changes_get_before (plan->changes);
  /* The day as it was where the plan is read: taken is UTC. */
  taken = g_date_time_to_local (kw_snapshot_get_taken (since));
  day = kw_plan_text_format_date_time (taken);

  /* Translators: the heading of the plan's section of changes: the
   * snapshot's name, then the day it was taken. */
  return g_strdup_printf (_("Changes since %s (%s)"), kw_snapshot_get_name (since), day);
}

const char *
kw_plan_changes_get_advice (void)
{
  return _("What moved on the board since that snapshot, in the method's order; the numbers are those "
           "of the findings in the plan.");
}

const char *
kw_plan_changes_get_empty_text (void)
{
  return _("Nothing changed since this snapshot.");
}

const char *
kw_plan_changes_get_kind_heading (KwChangeKind kind)
{
  switch (kind)
    {
    case KW_CHANGE_OUTCOME:
      return _("Outcome changes");
    case KW_CHANGE_MOVED:
      return _("Moves within an outcome");
    case KW_CHANGE_NEW:
      return _("New findings");
    case KW_CHANGE_REMOVED:
      return _("Removed findings");
    case KW_CHANGE_STATUS:
      return _("Status changes");
    case KW_CHANGE_OWNER:
      return _("Owner changes");
    case KW_CHANGE_DUE:
      return _("Due date changes");
    default:
      g_return_val_if_reached ("");
    }
}

guint
kw_plan_changes_get_number (const KwPlan *plan,
                            KwChange     *change)
{
  KwFinding *finding;

  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (KW_IS_CHANGE (change), 0);

  if (kw_change_get_kind (change) == KW_CHANGE_REMOVED)
    return 0;

  finding = kw_board_lookup_finding (plan->board, kw_change_get_finding_id (change));

  return finding != NULL ? kw_plan_get_number (plan, finding) : 0;
}

KwOutcome
kw_plan_changes_get_outcome (KwChange *change)
{
  g_return_val_if_fail (KW_IS_CHANGE (change), KW_OUTCOME_UNPLACED);

  if (kw_change_get_kind (change) == KW_CHANGE_REMOVED)
    return kw_change_get_before_outcome (change);

  return kw_change_get_after_outcome (change);
}

const char *
kw_plan_changes_get_matrix_text (void)
{
  return _("Dashed circles show where findings were at the snapshot, arrows where they went, and rings the "
           "new findings; the list of changes says it in words.");
}
