/* kw-plan-estimates.h: the room's estimates in the action plan, shared by
 * its HTML and PDF exports. On a board with participants every finding's
 * facts (kw_plan_fill_facts()) say how many estimates it has, the group's
 * median and how far apart the estimates lie, and the section "Where we
 * disagreed" lists the most disputed findings, numbered as in the plan. A
 * board without participants has neither: its plans stay as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-plan-text.h"

G_BEGIN_DECLS

/* The most findings "Where we disagreed" lists: what a room can talk
 * through next time. */
#define KW_PLAN_DISPUTED_MAX 5

/* Whether the plan shows estimates: its board has participants. */
gboolean    kw_plan_has_estimates           (const KwPlan *plan);

/* Appends the finding's facts about its estimates to facts: "estimates"
 * (how many, and how many of them "no idea"), "median" (with a known
 * estimate) and "spread" (with two); nothing without participants. */
void        kw_plan_append_estimate_facts   (const KwPlan *plan,
                                             KwFinding    *finding,
                                             GArray       *facts);

/* The findings with two known estimates or more whose disagreement
 * (kw-estimates.h) is above 0, the most disputed first (an equal one in
 * the plan's order), at most KW_PLAN_DISPUTED_MAX: borrowed KwFinding.
 * Empty without participants. */
GPtrArray  *kw_plan_dup_disputed            (const KwPlan *plan);
const char *kw_plan_disputed_get_heading    (void);
const char *kw_plan_disputed_get_advice     (void);
/* The section's text when no finding is disputed. */
const char *kw_plan_disputed_get_empty_text (void);
/* A disputed finding's facts, emptied first: the estimate facts, then
 * "furthest-apart", the two participants whose estimates lie furthest
 * apart (on both axes together; the first such pair in the board's
 * order) with their estimates. */
void        kw_plan_fill_disputed_facts     (const KwPlan *plan,
                                             KwFinding    *finding,
                                             GArray       *facts);

G_END_DECLS
