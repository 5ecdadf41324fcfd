/* kw-estimates-text.c: the room's estimates in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-estimates-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kw-estimates-text.h"

char *
kw_estimates_format_score (double score)
{
  double tenths = round (score * 10);

  if (fmod (tenths, 10) == 0)
    return g_strdup_printf ("%.0f", tenths / 10);
  return g_strdup_printf ("%.1f", tenths / 10);
}

char *
kw_estimates_dup_display (const KwEstimate *estimate)
{
  g_autofree char *impact = NULL;
  g_autofree char *effort = NULL;

  g_return_val_if_fail (estimate != NULL, NULL);

  if (!estimate->known)
    return g_strdup ("?");

  impact = kw_estimates_format_score (estimate->impact);
  effort = kw_estimates_format_score (estimate->effort);
  return g_strdup_printf ("%s %s", impact, effort);
}

char *
kw_estimates_describe (const KwEstimate *estimate)
{
  g_autofree char *impact = NULL;
  g_autofree char *effort = NULL;

  g_return_val_if_fail (estimate != NULL, NULL);

  if (!estimate->known)
    return g_strdup (_("no idea"));

  impact = kw_estimates_format_score (estimate->impact);
  effort = kw_estimates_format_score (estimate->effort);
  /* Translators: one participant's estimate, read out. */
  return g_strdup_printf (_("impact %s, effort %s"), impact, effort);
}

char *
kw_estimates_describe_summary (const KwEstimateSummary *summary)
{
  g_autofree char *impact = NULL;
  g_autofree char *effort = NULL;
  g_autofree char *spread_impact = NULL;
  g_autofree char *spread_effort = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->n_known == 0)
    return NULL;

  impact = kw_estimates_format_score (summary->median_impact);
  effort = kw_estimates_format_score (summary->median_effort);
  spread_impact = kw_estimates_format_score (summary->spread_impact);
  spread_effort = kw_estimates_format_score (summary->spread_effort);

  /* Translators: the group's estimates of a finding: the median impact and
   * effort, then how far apart the estimates lie on each. */
  return g_strdup_printf (_("Impact %s, effort %s; spread %s and %s"), impact, effort, spread_impact, spread_effort);
}
