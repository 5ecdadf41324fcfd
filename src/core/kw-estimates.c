/* kw-estimates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-estimates"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "kw-estimates.h"
#include "kw-text.h"

double
kw_estimates_quantile (const double *sorted,
                       guint         n,
                       double        q)
{
  double rank, below;
  guint i;

  g_return_val_if_fail (sorted != NULL || n == 0, 0);
  g_return_val_if_fail (q >= 0 && q <= 1, 0);

  if (n == 0)
    return 0;

  /* Rank (n - 1) q, counted from 0: between the values either side. */
  rank = (n - 1) * q;
  below = floor (rank);
  i = (guint) below;
  if (i + 1 >= n)
    return sorted[n - 1];

  return sorted[i] + (rank - below) * (sorted[i + 1] - sorted[i]);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median and the spread of one axis's n known values, sorted here. */
static void
summarize_axis (double *values,
                guint   n,
                double *median,
                double *spread)
{
  qsort (values, n, sizeof *values, compare_doubles);
  *median = kw_estimates_quantile (values, n, 0.5);
  if (n >= KW_ESTIMATES_MIN_FOR_QUARTILES)
    *spread = kw_estimates_quantile (values, n, 0.75) - kw_estimates_quantile (values, n, 0.25);
  else
    *spread = values[n - 1] - values[0];
}

gboolean
kw_estimates_summarize (const KwEstimate  *estimates,
                        guint              n,
                        KwEstimateSummary *summary)
{
  g_autofree double *impacts = NULL;
  g_autofree double *efforts = NULL;
  guint n_known = 0;

  g_return_val_if_fail (estimates != NULL || n == 0, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  *summary = (KwEstimateSummary) { n, 0, 0, 0, 0, 0, 0 };

  impacts = g_new (double, MAX (n, 1));
  efforts = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      if (!estimates[i].known)
        continue;
      impacts[n_known] = estimates[i].impact;
      efforts[n_known] = estimates[i].effort;
      n_known++;
    }

  summary->n_known = n_known;
  if (n_known == 0)
    return FALSE;

  summarize_axis (impacts, n_known, &summary->median_impact, &summary->spread_impact);
  summarize_axis (efforts, n_known, &summary->median_effort, &summary->spread_effort);
  summary->disagreement = sqrt ((summary->spread_impact * summary->spread_impact +
                                 summary->spread_effort * summary->spread_effort) / 2);

  return TRUE;
}

static gboolean
is_no_idea (const char *text)
{
  return g_str_equal (text, "?");
}

gboolean
kw_estimate_parse (const char *text,
                   KwEstimate *estimate)
{
  g_autofree char *stripped = NULL;
  g_auto(GStrv) parts = NULL;
  double impact, effort;

  g_return_val_if_fail (estimate != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (is_no_idea (stripped))
    {
      *estimate = (KwEstimate) { FALSE, 0, 0 };
      return TRUE;
    }

  /* Two numbers apart by spaces or a slash; a comma is a decimal comma. */
  g_strdelimit (stripped, "/\t", ' ');
  parts = g_strsplit (stripped, " ", -1);
  {
    const char *numbers[2] = { NULL, NULL };
    guint n = 0;

    for (guint i = 0; parts[i] != NULL; i++)
      {
        if (parts[i][0] == '\0')
          continue;
        if (n == 2)
          return FALSE;
        numbers[n++] = parts[i];
      }
    if (n != 2 || !kw_score_parse (numbers[0], &impact) || !kw_score_parse (numbers[1], &effort))
      return FALSE;
  }
  if (impact < 0 || impact > 10 || effort < 0 || effort > 10)
    return FALSE;

  *estimate = (KwEstimate) { TRUE, kw_score_normalize (impact), kw_score_normalize (effort) };

  return TRUE;
}
