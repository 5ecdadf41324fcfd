/* kw-plan-estimates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-estimates"

#include "config.h"

#include "kw-i18n.h"
#include <math.h>

#include "kw-plan-estimates.h"

/* Disagreements closer than this are equal: they come from scores in
 * tenths, and differ only by rounding. */
#define SAME_DISAGREEMENT 1e-9

gboolean
kw_plan_has_estimates (const KwPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  return kw_participant_list_get_n_items (kw_board_get_participants (plan->board)) > 0;
}

/* Takes value. */
static void
append_fact (GArray     *facts,
             const char *key,
             const char *label,
             char       *value)
{
  KwPlanFact fact = { key, label, value, FALSE, FALSE, FALSE };

  g_array_append_val (facts, fact);
}

/* "impact 7.0, effort 3.0" */
static char *
format_pair (double impact,
             double effort)
{
  g_autofree char *impact_text = kw_plan_text_format_score (impact);
  g_autofree char *effort_text = kw_plan_text_format_score (effort);

  /* Translators: the group's median or the spread of a finding's
   * estimates in the action plan, e.g. "impact 7.0, effort 3.0". */
  return g_strdup_printf (C_("estimates", "impact %s, effort %s"), impact_text, effort_text);
}

/* "5", "5 (1 “no idea”)" or "none". */
static char *
format_count (const KwEstimateSummary *summary)
{
  guint no_idea = summary->n_estimates - summary->n_known;

  if (summary->n_estimates == 0)
    return g_strdup (C_("estimates", "none"));
  if (no_idea == 0)
    return g_strdup_printf ("%u", summary->n_estimates);

  /* Translators: how many estimates a finding has, then how many of them
   * say "no idea", e.g. "5 (1 “no idea”)". */
  return g_strdup_printf (_("%u (%u “no idea”)"), summary->n_estimates, no_idea);
}

void
kw_plan_append_estimate_facts (const KwPlan *plan,
                               KwFinding    *finding,
                               GArray       *facts)
{
  KwEstimateSummary summary;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (KW_IS_FINDING (finding));
  g_return_if_fail (facts != NULL);

  if (!kw_plan_has_estimates (plan))
    return;

  kw_finding_summarize_estimates (finding, &summary);
  append_fact (facts, "estimates", _("Estimates"), format_count (&summary));
  if (summary.n_known >= 1)
    append_fact (facts, "median", _("Group's median"), format_pair (summary.median_impact, summary.median_effort));
  /* One estimate has no spread to speak of. */
  if (summary.n_known >= 2)
    append_fact (facts, "spread", _("Spread"), format_pair (summary.spread_impact, summary.spread_effort));
}

/* ---- Where we disagreed ------------------------------------------------- */

typedef struct
{
  KwFinding *finding;
  double     disagreement;
  guint      number;
} Disputed;

static int
compare_disputed (gconstpointer a,
                  gconstpointer b)
{
  const Disputed *x = a, *y = b;

  if (fabs (x->disagreement - y->disagreement) > SAME_DISAGREEMENT)
    return x->disagreement > y->disagreement ? -1 : 1;

  return (x->number > y->number) - (x->number < y->number);
}

GPtrArray *
kw_plan_dup_disputed (const KwPlan *plan)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Disputed));
  GPtrArray *disputed = g_ptr_array_new ();

  g_return_val_if_fail (plan != NULL, disputed);

  if (!kw_plan_has_estimates (plan))
    return disputed;

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      GPtrArray *findings = plan->sections[i].findings;

      for (guint j = 0; j < findings->len; j++)
        {
          KwFinding *finding = g_ptr_array_index (findings, j);
          KwEstimateSummary summary;
          Disputed candidate;

          if (!kw_finding_summarize_estimates (finding, &summary) || summary.n_known < 2 ||
              summary.disagreement <= SAME_DISAGREEMENT)
            continue;
          candidate = (Disputed) { finding, summary.disagreement, plan->sections[i].first_number + j };
          g_array_append_val (candidates, candidate);
        }
    }

  g_array_sort (candidates, compare_disputed);
  for (guint i = 0; i < MIN (candidates->len, KW_PLAN_DISPUTED_MAX); i++)
    g_ptr_array_add (disputed, g_array_index (candidates, Disputed, i).finding);

  return disputed;
}

const char *
kw_plan_disputed_get_heading (void)
{
  return _("Where we disagreed");
}

const char *
kw_plan_disputed_get_advice (void)
{
  return _("The findings whose estimates lay furthest apart, the most disputed first: talk them through "
           "before acting on them. The spread is how far apart the middle half of the estimates lie "
           "(with fewer than four, the highest and the lowest).");
}

const char *
kw_plan_disputed_get_empty_text (void)
{
  return _("No finding has estimates that differ.");
}

/* Scores in whole tenths, so equal distances compare equal. */
static int
tenths (double score)
{
  return (int) lround (score * 10.0);
}

/* The two participants whose known estimates lie furthest apart, the
 * first such pair in the board's order; FALSE with fewer than two. */
static gboolean
find_furthest_apart (KwBoard        *board,
                     KwFinding      *finding,
                     KwParticipant **first,
                     KwParticipant **second)
{
  KwParticipantList *participants = kw_board_get_participants (board);
  guint n = kw_participant_list_get_n_items (participants);
  g_autofree KwEstimate *estimates = g_new0 (KwEstimate, MAX (n, 1));
  int furthest = -1;

  for (guint i = 0; i < n; i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (participants, i);

      if (!kw_finding_get_estimate (finding, kw_participant_get_id (participant), &estimates[i]))
        estimates[i].known = FALSE;
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n && estimates[i].known; j++)
      {
        int d_impact = tenths (estimates[i].impact) - tenths (estimates[j].impact);
        int d_effort = tenths (estimates[i].effort) - tenths (estimates[j].effort);
        int distance = d_impact * d_impact + d_effort * d_effort;

        if (!estimates[j].known || distance <= furthest)
          continue;
        furthest = distance;
        *first = kw_participant_list_get_participant (participants, i);
        *second = kw_participant_list_get_participant (participants, j);
      }

  return furthest >= 0;
}

/* "Anna (impact 9.0, effort 2.0)" */
static char *
format_participant_estimate (KwParticipant *participant,
                             KwFinding     *finding)
{
  KwEstimate estimate;
  g_autofree char *impact = NULL;
  g_autofree char *effort = NULL;

  kw_finding_get_estimate (finding, kw_participant_get_id (participant), &estimate);
  impact = kw_plan_text_format_score (estimate.impact);
  effort = kw_plan_text_format_score (estimate.effort);

  /* Translators: one participant's estimate in the plan's list of
   * disputed findings: the name, then the scores. */
  return g_strdup_printf (C_("estimates", "%s (impact %s, effort %s)"),
                          kw_participant_get_name (participant), impact, effort);
}

void
kw_plan_fill_disputed_facts (const KwPlan *plan,
                             KwFinding    *finding,
                             GArray       *facts)
{
  KwParticipant *first = NULL, *second = NULL;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (KW_IS_FINDING (finding));
  g_return_if_fail (facts != NULL);

  g_array_set_size (facts, 0);
  kw_plan_append_estimate_facts (plan, finding, facts);
  if (find_furthest_apart (plan->board, finding, &first, &second))
    {
      g_autofree char *one = format_participant_estimate (first, finding);
      g_autofree char *other = format_participant_estimate (second, finding);

      /* Translators: the two participants whose estimates of a finding
       * lie furthest apart, e.g. "Anna (impact 9.0, effort 2.0) and Bram
       * (impact 3.0, effort 8.0)". */
      append_fact (facts, "furthest-apart", _("Furthest apart"),
                   g_strdup_printf (C_("two participants", "%s and %s"), one, other));
    }
}
