/* kw-matrix-spread.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-spread"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "kw-matrix-spread.h"

double
kw_matrix_spread_radius (double text_size)
{
  return MAX (5.0, text_size * 0.8);
}

void
kw_matrix_spread_arm (const double *sorted,
                      guint         n,
                      double       *low,
                      double       *high)
{
  g_return_if_fail (sorted != NULL && n > 0);

  if (n >= KW_ESTIMATES_MIN_FOR_QUARTILES)
    {
      *low = kw_estimates_quantile (sorted, n, 0.25);
      *high = kw_estimates_quantile (sorted, n, 0.75);
    }
  else
    {
      *low = sorted[0];
      *high = sorted[n - 1];
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Scores are kept in tenths: equal estimates have the same key. */
static gpointer
score_key (const KwEstimate *estimate)
{
  return GINT_TO_POINTER ((int) lround (estimate->impact * 10) * 1000 + (int) lround (estimate->effort * 10) + 1);
}

/* How many known estimates share each point, and which of them each is. */
static void
count_equal (const KwEstimate *estimates,
             guint             n,
             guint            *rank,
             guint            *of)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      guint so_far = GPOINTER_TO_UINT (g_hash_table_lookup (seen, score_key (&estimates[i])));

      rank[i] = so_far;
      g_hash_table_insert (seen, score_key (&estimates[i]), GUINT_TO_POINTER (so_far + 1));
    }
  for (guint i = 0; i < n; i++)
    of[i] = GPOINTER_TO_UINT (g_hash_table_lookup (seen, score_key (&estimates[i])));
}

static void
place_markers (KwMatrixSpread       *spread,
               const KwMatrixLayout *layout,
               const KwEstimate     *estimates,
               guint                 n,
               double                progress)
{
  g_autofree guint *rank = g_new (guint, n);
  g_autofree guint *of = g_new (guint, n);

  count_equal (estimates, n, rank, of);
  for (guint i = 0; i < n; i++)
    {
      KwMatrixSpreadMarker *marker = &spread->markers[i];
      double x, y;

      kw_matrix_layout_score_to_point (layout, estimates[i].impact, estimates[i].effort, &x, &y);
      /* Equal estimates on a small ring around their point, touching. */
      if (of[i] > 1)
        {
          double angle = 2 * G_PI * rank[i] / of[i] - G_PI / 2;
          double ring = spread->radius / sin (G_PI / MAX (of[i], 2));

          x += ring * cos (angle);
          y += ring * sin (angle);
        }
      marker->x = spread->origin_x + (x - spread->origin_x) * progress;
      marker->y = spread->origin_y + (y - spread->origin_y) * progress;
    }
}

static void
place_cross (KwMatrixSpread       *spread,
             const KwMatrixLayout *layout,
             const KwEstimate     *estimates,
             guint                 n,
             double                progress)
{
  g_autofree double *impacts = g_new (double, n);
  g_autofree double *efforts = g_new (double, n);
  double low_impact, high_impact, low_effort, high_effort;
  double x1, y1, x2, y2;

  for (guint i = 0; i < n; i++)
    {
      impacts[i] = estimates[i].impact;
      efforts[i] = estimates[i].effort;
    }
  qsort (impacts, n, sizeof *impacts, compare_doubles);
  qsort (efforts, n, sizeof *efforts, compare_doubles);
  kw_matrix_spread_arm (impacts, n, &low_impact, &high_impact);
  kw_matrix_spread_arm (efforts, n, &low_effort, &high_effort);

  kw_matrix_layout_score_to_point (layout, low_impact, low_effort, &x1, &y1);
  kw_matrix_layout_score_to_point (layout, high_impact, high_effort, &x2, &y2);
  spread->has_cross = TRUE;
  spread->cross_left = spread->median_x + (x1 - spread->median_x) * progress;
  spread->cross_right = spread->median_x + (x2 - spread->median_x) * progress;
  spread->cross_top = spread->median_y + (y2 - spread->median_y) * progress;
  spread->cross_bottom = spread->median_y + (y1 - spread->median_y) * progress;
}

KwMatrixSpread *
kw_matrix_spread_new (const KwMatrixLayout *layout,
                      KwFinding            *finding,
                      double                progress)
{
  KwMatrixSpread *spread;
  KwEstimateSummary summary;
  g_autoptr(GArray) known = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (KW_IS_FINDING (finding), NULL);

  if (!kw_finding_summarize_estimates (finding, &summary))
    return NULL;

  progress = CLAMP (progress, 0.0, 1.0);
  known = g_array_new (FALSE, FALSE, sizeof (KwEstimate));
  ids = g_ptr_array_new ();
  for (guint i = 0; i < kw_finding_get_n_estimates (finding); i++)
    {
      KwEstimate estimate;
      const char *id = kw_finding_get_nth_estimate (finding, i, &estimate);

      if (!estimate.known)
        continue;
      g_array_append_val (known, estimate);
      g_ptr_array_add (ids, (gpointer) id);
    }

  spread = g_new0 (KwMatrixSpread, 1);
  spread->radius = kw_matrix_spread_radius (layout->text_size);
  spread->arm_width = MAX (2.0, layout->text_size * 0.18);
  kw_matrix_layout_score_to_point (layout, summary.median_impact, summary.median_effort,
                                   &spread->median_x, &spread->median_y);
  if (kw_finding_get_placed (finding))
    kw_matrix_layout_score_to_point (layout, kw_finding_get_impact (finding), kw_finding_get_effort (finding),
                                     &spread->origin_x, &spread->origin_y);
  else
    {
      spread->origin_x = spread->median_x;
      spread->origin_y = spread->median_y;
    }

  spread->n_markers = known->len;
  spread->markers = g_new0 (KwMatrixSpreadMarker, known->len);
  for (guint i = 0; i < known->len; i++)
    spread->markers[i].participant_id = g_ptr_array_index (ids, i);
  place_markers (spread, layout, (KwEstimate *) known->data, known->len, progress);
  place_cross (spread, layout, (KwEstimate *) known->data, known->len, progress);

  return spread;
}

void
kw_matrix_spread_free (KwMatrixSpread *spread)
{
  if (spread == NULL)
    return;

  g_free (spread->markers);
  g_free (spread);
}

void
kw_matrix_spread_get_bounds (const KwMatrixSpread *spread,
                             KwMatrixRect         *bounds)
{
  double half = spread->arm_width / 2;
  double x1 = MIN (spread->cross_left, spread->median_x - half);
  double x2 = MAX (spread->cross_right, spread->median_x + half);
  double y1 = MIN (spread->cross_top, spread->median_y - half);
  double y2 = MAX (spread->cross_bottom, spread->median_y + half);

  /* The arms' end caps stand out across them. */
  x1 -= KW_MATRIX_SPREAD_CAP * spread->arm_width;
  x2 += KW_MATRIX_SPREAD_CAP * spread->arm_width;
  y1 -= KW_MATRIX_SPREAD_CAP * spread->arm_width;
  y2 += KW_MATRIX_SPREAD_CAP * spread->arm_width;
  for (guint i = 0; i < spread->n_markers; i++)
    {
      /* A marker's outline lies just outside its radius. */
      double r = spread->radius + 2;

      x1 = MIN (x1, spread->markers[i].x - r);
      x2 = MAX (x2, spread->markers[i].x + r);
      y1 = MIN (y1, spread->markers[i].y - r);
      y2 = MAX (y2, spread->markers[i].y + r);
    }

  *bounds = (KwMatrixRect) { x1, y1, x2 - x1, y2 - y1 };
}
