/* kw-matrix-spread.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-spread"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "kw-matrix-spread.h"

#include "kw-matrix-placement.h"

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

/* ---- Markers off the titles ---------------------------------------------- */

/* A marker's outline lies this far outside its radius; and it keeps this
 * much more from a title, so the title's box does not touch it either. */
#define MARKER_OUTLINE 2.0
#define TITLE_MARGIN 2.0

gboolean
kw_matrix_spread_marker_covers (const KwMatrixSpread *spread,
                                double                x,
                                double                y,
                                const KwMatrixRect   *rect)
{
  double reach = spread->radius + MARKER_OUTLINE;
  double nearest_x = CLAMP (x, rect->x, rect->x + rect->width);
  double nearest_y = CLAMP (y, rect->y, rect->y + rect->height);

  /* The disc against the box: the box's point nearest the centre. */
  return hypot (x - nearest_x, y - nearest_y) < reach + TITLE_MARGIN;
}

static gboolean
covers_any (const KwMatrixSpread *spread,
            double                x,
            double                y,
            const KwMatrixRect   *rects,
            guint                 n)
{
  for (guint i = 0; i < n; i++)
    if (kw_matrix_spread_marker_covers (spread, x, y, &rects[i]))
      return TRUE;

  return FALSE;
}

static gboolean
inside (const KwMatrixSpread *spread,
        double                x,
        double                y,
        const KwMatrixRect   *within)
{
  double reach = spread->radius + MARKER_OUTLINE;

  return x - reach >= within->x && x + reach <= within->x + within->width &&
         y - reach >= within->y && y + reach <= within->y + within->height;
}

/* Whether (x, y) keeps clear of the first n_set markers. */
static gboolean
apart_from_set (const KwMatrixSpread *spread,
                guint                 n_set,
                double                x,
                double                y)
{
  for (guint i = 0; i < n_set; i++)
    if (hypot (spread->markers[i].x - x, spread->markers[i].y - y) < 2 * spread->radius)
      return FALSE;

  return TRUE;
}

#define N_DIRECTIONS 16
/* How far a marker may go, in radii: past the tallest card (three lines
 * of a title) from its middle. */
#define MAX_DISTANCE_RADII 16

/* The nearest clear spot for marker i, apart from the markers before it
 * if apart; FALSE when there is none within reach. */
static gboolean
find_clear_spot (const KwMatrixSpread *spread,
                 guint                 i,
                 const KwMatrixRect   *rects,
                 guint                 n,
                 const KwMatrixRect   *within,
                 gboolean              apart,
                 double               *out_x,
                 double               *out_y)
{
  double x = spread->markers[i].x, y = spread->markers[i].y;
  double step = spread->radius / 2;

  for (double d = step; d <= MAX_DISTANCE_RADII * spread->radius; d += step)
    for (guint k = 0; k < N_DIRECTIONS; k++)
      {
        double angle = 2 * G_PI * k / N_DIRECTIONS;
        double cx = x + d * cos (angle), cy = y + d * sin (angle);

        if (inside (spread, cx, cy, within) && !covers_any (spread, cx, cy, rects, n) &&
            (!apart || apart_from_set (spread, i, cx, cy)))
          {
            *out_x = cx;
            *out_y = cy;
            return TRUE;
          }
      }

  return FALSE;
}

/* The rectangles a marker could touch anywhere within the search's
 * reach of where it is. */
static GArray *
collect_near (const KwMatrixSpread       *spread,
              const KwMatrixSpreadMarker *marker,
              const KwMatrixRect         *rects,
              guint                       n)
{
  double reach = (MAX_DISTANCE_RADII + 1) * spread->radius + MARKER_OUTLINE + TITLE_MARGIN;
  KwMatrixRect area = { marker->x - reach, marker->y - reach, 2 * reach, 2 * reach };
  GArray *near = g_array_new (FALSE, FALSE, sizeof (KwMatrixRect));

  for (guint i = 0; i < n; i++)
    if (kw_matrix_rect_intersects (&rects[i], &area))
      g_array_append_val (near, rects[i]);

  return near;
}

guint
kw_matrix_spread_move_clear_of (KwMatrixSpread     *spread,
                                const KwMatrixRect *rects,
                                guint               n,
                                const KwMatrixRect *within)
{
  guint n_covering = 0;

  g_return_val_if_fail (spread != NULL, 0);
  g_return_val_if_fail (rects != NULL || n == 0, 0);
  g_return_val_if_fail (within != NULL, 0);

  for (guint i = 0; i < spread->n_markers; i++)
    {
      KwMatrixSpreadMarker *marker = &spread->markers[i];
      g_autoptr(GArray) near = NULL;
      double x, y;

      if (!covers_any (spread, marker->x, marker->y, rects, n))
        continue;
      /* Only the titles within the marker's reach matter to its search:
       * hundreds of cards on a full board, a handful around it. */
      near = collect_near (spread, marker, rects, n);
      /* Apart from the others where there is room; on a crowded matrix
       * a marker touching another beats one on a title. */
      if (!find_clear_spot (spread, i, (KwMatrixRect *) near->data, near->len, within, TRUE, &x, &y) &&
          !find_clear_spot (spread, i, (KwMatrixRect *) near->data, near->len, within, FALSE, &x, &y))
        {
          n_covering++;
          continue;
        }
      marker->moved = TRUE;
      marker->anchor_x = marker->x;
      marker->anchor_y = marker->y;
      marker->x = x;
      marker->y = y;
    }

  return n_covering;
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
      /* A moved marker's line leads back to where it belongs. */
      if (spread->markers[i].moved)
        {
          x1 = MIN (x1, spread->markers[i].anchor_x - 1);
          x2 = MAX (x2, spread->markers[i].anchor_x + 1);
          y1 = MIN (y1, spread->markers[i].anchor_y - 1);
          y2 = MAX (y2, spread->markers[i].anchor_y + 1);
        }
    }

  *bounds = (KwMatrixRect) { x1, y1, x2 - x1, y2 - y1 };
}
