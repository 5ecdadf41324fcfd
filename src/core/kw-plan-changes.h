/* kw-plan-changes.h: the action plan's "Changes since …" section, shared
 * by its HTML and PDF exports: what moved on the board since a snapshot
 * chosen for the export, in the method's order (KwChanges), grouped by
 * kind, each change naming its finding's number in the plan. The plan's
 * matrix draws the same changes (kw-matrix-changes.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-changes.h"
#include "kw-plan-text.h"

G_BEGIN_DECLS

/* Compares the plan's board with since (NULL: no comparison, the plan as
 * without snapshots). Call after kw_plan_new(), in the plan's language. */
void        kw_plan_set_since                (KwPlan       *plan,
                                              KwSnapshot   *since);

/* "Changes since Workshop 1 (22 November 2026)", the snapshot's name and
 * the day it was taken; NULL without a snapshot. */
char       *kw_plan_changes_dup_heading      (const KwPlan *plan);
/* What the section is, and how the matrix shows it. */
const char *kw_plan_changes_get_advice       (void);
/* The section's text when nothing changed. */
const char *kw_plan_changes_get_empty_text   (void);
/* The heading of the changes of one kind: "Outcome changes", … */
const char *kw_plan_changes_get_kind_heading (KwChangeKind  kind);
/* The number of the change's finding in the plan, 0 for a finding no
 * longer on the board. */
guint       kw_plan_changes_get_number       (const KwPlan *plan,
                                              KwChange     *change);
/* The outcome the finding is in now (its number's colour), or where it
 * was for a removed finding. */
KwOutcome   kw_plan_changes_get_outcome      (KwChange     *change);
/* The caption's sentence on the matrix's marks, when it shows changes. */
const char *kw_plan_changes_get_matrix_text  (void);

G_END_DECLS
