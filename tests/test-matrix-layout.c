/* test-matrix-layout.c: the matrix geometry and the snap rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <math.h>

#include "kw-matrix-layout.h"

static void
test_plot_fits (void)
{
  KwMatrixLayout layout, big, legend;

  kw_matrix_layout_init (&layout, 800, 600, 1.0, FALSE);
  g_assert_cmpfloat (layout.plot.x, >, 0);
  g_assert_cmpfloat (layout.plot.y, >, 0);
  g_assert_cmpfloat (layout.plot.x + layout.plot.width, <, 800);
  g_assert_cmpfloat (layout.plot.y + layout.plot.height, <, 600);
  g_assert_cmpfloat (layout.plot.width, >, 600);
  g_assert_cmpfloat (layout.legend.width, ==, 0);

  /* A projector-sized drawing gets larger text, and so does presenting. */
  kw_matrix_layout_init (&big, 1920, 1080, 1.0, FALSE);
  g_assert_cmpfloat (big.text_size, >, layout.text_size);
  kw_matrix_layout_init (&big, 800, 600, 1.5, FALSE);
  g_assert_cmpfloat_with_epsilon (big.text_size, layout.text_size * 1.5, 1e-9);

  kw_matrix_layout_init (&legend, 800, 600, 1.0, TRUE);
  g_assert_cmpfloat (legend.legend.width, >, 100);
  g_assert_cmpfloat (legend.plot.x + legend.plot.width, <=, legend.legend.x);

  /* Degenerate sizes never give negative rectangles. */
  kw_matrix_layout_init (&layout, 0, 0, 1.0, TRUE);
  g_assert_cmpfloat (layout.plot.width, >=, 0);
  g_assert_cmpfloat (layout.plot.height, >=, 0);
}

static void
test_mapping (void)
{
  KwMatrixLayout layout;
  double x, y, impact, effort;

  kw_matrix_layout_init (&layout, 1000, 700, 1.0, FALSE);

  /* Impact runs up, effort runs right. */
  kw_matrix_layout_score_to_point (&layout, 0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout.plot.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, layout.plot.y + layout.plot.height, 1e-9);
  kw_matrix_layout_score_to_point (&layout, 10, 10, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout.plot.x + layout.plot.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, layout.plot.y, 1e-9);

  for (double i = 0; i <= 10; i += 0.7)
    for (double e = 0; e <= 10; e += 1.3)
      {
        kw_matrix_layout_score_to_point (&layout, i, e, &x, &y);
        g_assert_true (kw_matrix_layout_point_to_score (&layout, x, y, &impact, &effort));
        g_assert_cmpfloat_with_epsilon (impact, i, 1e-9);
        g_assert_cmpfloat_with_epsilon (effort, e, 1e-9);
      }

  /* Outside the plot: clamped, and reported as outside. */
  g_assert_false (kw_matrix_layout_point_to_score (&layout, -50, -50, &impact, &effort));
  g_assert_cmpfloat (impact, ==, 10);
  g_assert_cmpfloat (effort, ==, 0);
  g_assert_false (kw_matrix_layout_point_to_score (&layout, 5000, 5000, &impact, &effort));
  g_assert_cmpfloat (impact, ==, 0);
  g_assert_cmpfloat (effort, ==, 10);

  g_assert_cmpfloat_with_epsilon (kw_matrix_layout_effort_scale (&layout), layout.plot.width / 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_matrix_layout_impact_scale (&layout), layout.plot.height / 10, 1e-9);
}

static gboolean
rect_contains (const KwMatrixRect *r,
               double              x,
               double              y)
{
  return x > r->x && x < r->x + r->width && y > r->y && y < r->y + r->height;
}

/* Every zone holds exactly the points that classify as its outcome. */
static void
test_zones_match_classification (void)
{
  KwMatrixLayout layout;
  KwMatrixZone zones[KW_MATRIX_N_ZONES];
  KwThresholds thresholds = { 6.0, 4.0, 1.5 };
  double area = 0;

  kw_matrix_layout_init (&layout, 900, 640, 1.0, FALSE);
  kw_matrix_layout_get_zones (&layout, &thresholds, zones);

  for (guint z = 0; z < KW_MATRIX_N_ZONES; z++)
    {
      g_assert_cmpint (zones[z].outcome, ==, z);
      area += zones[z].rect.width * zones[z].rect.height;
    }
  g_assert_cmpfloat_with_epsilon (area, layout.plot.width * layout.plot.height, 1e-6);

  for (double impact = 0.05; impact < 10; impact += 0.5)
    for (double effort = 0.05; effort < 10; effort += 0.5)
      {
        KwOutcome outcome = kw_outcome_classify (TRUE, impact, effort, &thresholds);
        double x, y;

        kw_matrix_layout_score_to_point (&layout, impact, effort, &x, &y);
        for (guint z = 0; z < KW_MATRIX_N_ZONES; z++)
          g_assert_cmpint (rect_contains (&zones[z].rect, x, y), ==, zones[z].outcome == outcome);
      }
}

static void
test_lines_and_ticks (void)
{
  KwMatrixLayout layout;
  KwThresholds thresholds = { 6.0, 4.0, 1.5 };
  KwMatrixTick ticks[KW_MATRIX_N_TICKS];
  double x1, y1, x2, y2, x, y;

  kw_matrix_layout_init (&layout, 900, 640, 1.0, FALSE);

  kw_matrix_layout_get_line (&layout, &thresholds, KW_MATRIX_LINE_IMPACT, &x1, &y1, &x2, &y2);
  kw_matrix_layout_score_to_point (&layout, 6.0, 0, &x, &y);
  g_assert_cmpfloat (y1, ==, y);
  g_assert_cmpfloat (y2, ==, y);
  g_assert_cmpfloat (x2 - x1, ==, layout.plot.width);

  kw_matrix_layout_get_line (&layout, &thresholds, KW_MATRIX_LINE_EFFORT, &x1, &y1, &x2, &y2);
  kw_matrix_layout_score_to_point (&layout, 0, 4.0, &x, &y);
  g_assert_cmpfloat (x1, ==, x);
  g_assert_cmpfloat (y2 - y1, ==, layout.plot.height);

  /* The tiny-effort line runs from the impact line down only. */
  kw_matrix_layout_get_line (&layout, &thresholds, KW_MATRIX_LINE_TINY_EFFORT, &x1, &y1, &x2, &y2);
  kw_matrix_layout_score_to_point (&layout, 6.0, 1.5, &x, &y);
  g_assert_cmpfloat (x1, ==, x);
  g_assert_cmpfloat (y1, ==, y);
  g_assert_cmpfloat (y2, ==, layout.plot.y + layout.plot.height);

  g_assert_cmpint (kw_matrix_line_get_axis (KW_MATRIX_LINE_IMPACT), ==, KW_MATRIX_AXIS_IMPACT);
  g_assert_cmpint (kw_matrix_line_get_axis (KW_MATRIX_LINE_TINY_EFFORT), ==, KW_MATRIX_AXIS_EFFORT);
  g_assert_cmpfloat (kw_matrix_line_get_value (KW_MATRIX_LINE_TINY_EFFORT, &thresholds), ==, 1.5);

  kw_matrix_layout_get_ticks (&layout, ticks);
  for (guint i = 0; i < KW_MATRIX_N_TICKS; i++)
    {
      g_assert_cmpfloat (ticks[i].value, ==, i);
      kw_matrix_layout_score_to_point (&layout, i, i, &x, &y);
      g_assert_cmpfloat_with_epsilon (ticks[i].x, x, 1e-9);
      g_assert_cmpfloat_with_epsilon (ticks[i].y, y, 1e-9);
    }
}

static void
test_snap_plain (void)
{
  KwThresholds thresholds;

  kw_thresholds_init_default (&thresholds); /* 5, 5, 1 */

  g_assert_cmpfloat (kw_matrix_snap (7.2, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 7.0);
  g_assert_cmpfloat (kw_matrix_snap (7.3, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 7.5);
  g_assert_cmpfloat (kw_matrix_snap (7.25, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 7.5);
  g_assert_cmpfloat (kw_matrix_snap (0.1, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 0.0);
  g_assert_cmpfloat (kw_matrix_snap (10.0, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 10.0);
  g_assert_cmpfloat (kw_matrix_snap (-3, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 0.0);
  g_assert_cmpfloat (kw_matrix_snap (12, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 10.0);
  g_assert_cmpfloat (kw_matrix_snap (NAN, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 0.0);
}

/* Never onto a line, and always on the raw value's side of it. */
static void
test_snap_off_lines (void)
{
  KwThresholds thresholds;

  kw_thresholds_init_default (&thresholds); /* 5, 5, 1 */

  g_assert_cmpfloat (kw_matrix_snap (4.9, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 4.5);
  g_assert_cmpfloat (kw_matrix_snap (5.1, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 5.5);
  /* Exactly on the line counts as high impact, so it snaps up. */
  g_assert_cmpfloat (kw_matrix_snap (5.0, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 5.5);
  g_assert_cmpfloat (kw_matrix_snap (5.0, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 5.5);
  /* Exactly on the tiny-effort line counts as a small fix: snaps down. */
  g_assert_cmpfloat (kw_matrix_snap (1.0, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 0.5);
  g_assert_cmpfloat (kw_matrix_snap (1.1, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 1.5);
  /* The impact line does not matter for effort, nor the effort lines for impact. */
  g_assert_cmpfloat (kw_matrix_snap (1.0, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 1.0);

  /* Lines off the 0.5 grid: the nearest step would cross the line. */
  thresholds = (KwThresholds) { 5.3, 6.2, 2.1 };
  g_assert_cmpfloat (kw_matrix_snap (5.29, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 5.0);
  g_assert_cmpfloat (kw_matrix_snap (5.3, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 5.5);
  g_assert_cmpfloat (kw_matrix_snap (6.1, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 6.0);
  g_assert_cmpfloat (kw_matrix_snap (6.2, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 6.5);
  g_assert_cmpfloat (kw_matrix_snap (2.1, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 2.0);
  g_assert_cmpfloat (kw_matrix_snap (2.2, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 2.5);

  /* Every raw value keeps its outcome after snapping, for many thresholds. */
  for (double ti = 0.5; ti <= 9.5; ti += 0.7)
    for (double te = 1.0; te <= 9.5; te += 1.1)
      {
        thresholds = (KwThresholds) { ti, te, te - 0.8 };
        for (double v = 0; v <= 10.0001; v += 0.1)
          {
            double impact = kw_matrix_snap (v, KW_MATRIX_AXIS_IMPACT, &thresholds);
            double effort = kw_matrix_snap (v, KW_MATRIX_AXIS_EFFORT, &thresholds);

            g_assert_cmpfloat (fmod (impact, 0.5), ==, 0);
            g_assert_cmpfloat (fmod (effort, 0.5), ==, 0);
            g_assert_cmpfloat (impact, !=, thresholds.impact);
            g_assert_cmpfloat (effort, !=, thresholds.effort);
            g_assert_cmpfloat (effort, !=, thresholds.tiny_effort);
            g_assert_cmpint (kw_outcome_classify (TRUE, impact, effort, &thresholds), ==,
                             kw_outcome_classify (TRUE, v, v, &thresholds));
          }
      }

  /* Lines closer than a step: no step between them, so the nearest step
   * off both lines wins. */
  thresholds = (KwThresholds) { 5.0, 1.5, 1.0 };
  g_assert_cmpfloat (kw_matrix_snap (1.2, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 0.5);

  /* Lines next to the bounds: the ends of the scale are steps like any
   * other, and a value on a line half a step from an end goes to the end
   * on its own side. */
  thresholds = (KwThresholds) { 0.5, 9.5, 0.5 };
  g_assert_cmpfloat (kw_matrix_snap (0.4, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 0.0);
  g_assert_cmpfloat (kw_matrix_snap (0.5, KW_MATRIX_AXIS_IMPACT, &thresholds), ==, 1.0);
  g_assert_cmpfloat (kw_matrix_snap (0.5, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 0.0);
  g_assert_cmpfloat (kw_matrix_snap (9.5, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 10.0);
  g_assert_cmpfloat (kw_matrix_snap (9.4, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 9.0);
  g_assert_cmpfloat (kw_matrix_snap (10.0, KW_MATRIX_AXIS_EFFORT, &thresholds), ==, 10.0);
}

/* A zoom into the quick wins: the view's corners are the plot's. */
static void
test_view (void)
{
  KwMatrixLayout layout;
  KwThresholds thresholds;
  KwMatrixZone zones[KW_MATRIX_N_ZONES];
  KwMatrixTick ticks[KW_MATRIX_N_TICKS];
  double x, y, x1, y1, x2, y2, impact, effort;

  kw_thresholds_init_default (&thresholds);
  kw_matrix_layout_init (&layout, 1000, 700, 1.0, FALSE);
  g_assert_cmpfloat (layout.view_min_impact, ==, 0);
  g_assert_cmpfloat (layout.view_max_effort, ==, 10);

  kw_matrix_layout_set_view (&layout, 5, 10, 0, 5);

  kw_matrix_layout_score_to_point (&layout, 5, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout.plot.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, layout.plot.y + layout.plot.height, 1e-9);
  kw_matrix_layout_score_to_point (&layout, 10, 5, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout.plot.x + layout.plot.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, layout.plot.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_matrix_layout_effort_scale (&layout), layout.plot.width / 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_matrix_layout_impact_scale (&layout), layout.plot.height / 5, 1e-9);

  kw_matrix_layout_score_to_point (&layout, 7.3, 1.9, &x, &y);
  g_assert_true (kw_matrix_layout_point_to_score (&layout, x, y, &impact, &effort));
  g_assert_cmpfloat_with_epsilon (impact, 7.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (effort, 1.9, 1e-9);

  /* Outside the view is outside the plot. */
  kw_matrix_layout_score_to_point (&layout, 2, 8, &x, &y);
  g_assert_false (kw_matrix_layout_point_to_score (&layout, x, y, &impact, &effort));
  g_assert_cmpfloat_with_epsilon (impact, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (effort, 8, 1e-9);

  /* Only the quick-win zone is in view; the others shrink to nothing. */
  kw_matrix_layout_get_zones (&layout, &thresholds, zones);
  g_assert_cmpmem (&zones[KW_OUTCOME_QUICK_WIN].rect, sizeof (KwMatrixRect), &layout.plot, sizeof (KwMatrixRect));
  for (guint z = 0; z < KW_MATRIX_N_ZONES; z++)
    if (z != KW_OUTCOME_QUICK_WIN)
      g_assert_cmpfloat (zones[z].rect.width * zones[z].rect.height, ==, 0);

  /* The lines lie on the view's edges. */
  kw_matrix_layout_get_line (&layout, &thresholds, KW_MATRIX_LINE_IMPACT, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (y1, layout.plot.y + layout.plot.height, 1e-9);
  kw_matrix_layout_get_line (&layout, &thresholds, KW_MATRIX_LINE_EFFORT, &x1, &y1, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (x1, layout.plot.x + layout.plot.width, 1e-9);

  /* The scale divides the view in ten, each axis its own. */
  kw_matrix_layout_get_ticks (&layout, ticks);
  for (guint i = 0; i < KW_MATRIX_N_TICKS; i++)
    {
      g_assert_cmpfloat_with_epsilon (ticks[i].value, 0.5 * i, 1e-9);
      g_assert_cmpfloat_with_epsilon (ticks[i].impact_value, 5 + 0.5 * i, 1e-9);
      kw_matrix_layout_score_to_point (&layout, ticks[i].impact_value, ticks[i].value, &x, &y);
      g_assert_cmpfloat_with_epsilon (ticks[i].x, x, 1e-9);
      g_assert_cmpfloat_with_epsilon (ticks[i].y, y, 1e-9);
    }

  /* Back to the whole matrix. */
  kw_matrix_layout_set_view (&layout, 0, 10, 0, 10);
  kw_matrix_layout_score_to_point (&layout, 10, 10, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout.plot.x + layout.plot.width, 1e-9);

  /* A layout zeroed, not initialised, maps as the whole matrix. */
  {
    KwMatrixLayout zeroed = { .width = 100, .height = 100, .plot = { 0, 0, 100, 100 } };

    kw_matrix_layout_score_to_point (&zeroed, 5, 5, &x, &y);
    g_assert_cmpfloat (x, ==, 50);
    g_assert_cmpfloat (y, ==, 50);
  }

  /* An empty view is refused and changes nothing. */
  kw_matrix_layout_set_view (&layout, 3, 3, 0, 10);
  kw_matrix_layout_set_view (&layout, 0, 10, 7, 2);
  g_assert_cmpfloat (layout.view_min_impact, ==, 0);
  g_assert_cmpfloat (layout.view_max_impact, ==, 10);
}

/* The handles sit where each line meets the scale it is read on. */
static void
test_handles (void)
{
  KwMatrixLayout layout, big;
  KwThresholds thresholds = { 6.0, 4.0, 1.5 };
  double x, y, r, big_r, lx, ly;

  kw_matrix_layout_init (&layout, 900, 640, 1.0, FALSE);

  kw_matrix_layout_get_handle (&layout, &thresholds, KW_MATRIX_LINE_IMPACT, &x, &y, &r);
  kw_matrix_layout_score_to_point (&layout, 6.0, 0, &lx, &ly);
  g_assert_cmpfloat (x, ==, layout.plot.x);
  g_assert_cmpfloat (y, ==, ly);
  g_assert_cmpfloat (r, >=, 5);

  kw_matrix_layout_get_handle (&layout, &thresholds, KW_MATRIX_LINE_EFFORT, &x, &y, NULL);
  kw_matrix_layout_score_to_point (&layout, 0, 4.0, &lx, &ly);
  g_assert_cmpfloat (x, ==, lx);
  g_assert_cmpfloat (y, ==, layout.plot.y + layout.plot.height);

  kw_matrix_layout_get_handle (&layout, &thresholds, KW_MATRIX_LINE_TINY_EFFORT, &x, &y, NULL);
  kw_matrix_layout_score_to_point (&layout, 0, 1.5, &lx, &ly);
  g_assert_cmpfloat (x, ==, lx);
  g_assert_cmpfloat (y, ==, layout.plot.y + layout.plot.height);

  /* Larger text, larger handles. */
  kw_matrix_layout_init (&big, 900, 640, 2.0, FALSE);
  kw_matrix_layout_get_handle (&big, &thresholds, KW_MATRIX_LINE_IMPACT, NULL, NULL, &big_r);
  g_assert_cmpfloat (big_r, >, r);
}

static void
test_add_legend (void)
{
  KwMatrixLayout layout, expected;

  kw_matrix_layout_init (&layout, 1200, 800, 1.5, FALSE);
  kw_matrix_layout_set_view (&layout, 0, 5, 5, 10);
  kw_matrix_layout_add_legend (&layout);
  kw_matrix_layout_init (&expected, 1200, 800, 1.5, TRUE);
  g_assert_cmpfloat_with_epsilon (layout.text_size, expected.text_size, 1e-9);
  g_assert_cmpmem (&layout.plot, sizeof layout.plot, &expected.plot, sizeof expected.plot);
  g_assert_cmpmem (&layout.legend, sizeof layout.legend, &expected.legend, sizeof expected.legend);
  g_assert_cmpfloat (layout.view_max_impact, ==, 5);
  g_assert_cmpfloat (layout.view_min_effort, ==, 5);
}

/* A wider legend takes its room from the plot, keeps its right edge and
 * stops where the plot would drop under half the drawing; the mapping
 * follows the narrower plot. */
static void
test_legend_width (void)
{
  KwMatrixLayout layout, usual;
  double right, x, y;

  kw_matrix_layout_init (&usual, 1600, 1000, 1.0, TRUE);
  layout = usual;
  right = usual.legend.x + usual.legend.width;

  kw_matrix_layout_set_legend_width (&layout, usual.legend.width + 100);
  g_assert_cmpfloat_with_epsilon (layout.legend.width, usual.legend.width + 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.legend.x + layout.legend.width, right, 1e-9);
  g_assert_cmpfloat_with_epsilon (layout.plot.width, usual.plot.width - 100, 1e-9);
  g_assert_cmpfloat (layout.plot.x + layout.plot.width, <=, layout.legend.x);
  kw_matrix_layout_score_to_point (&layout, 10, 10, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, layout.plot.x + layout.plot.width, 1e-9);

  kw_matrix_layout_set_legend_width (&layout, 1600);
  g_assert_cmpfloat (layout.plot.width, >=, 0.5 * 1600 - 1e-9);
  g_assert_cmpfloat (layout.plot.width, <, usual.plot.width);

  kw_matrix_layout_set_legend_width (&layout, usual.legend.width);
  g_assert_cmpmem (&layout.plot, sizeof layout.plot, &usual.plot, sizeof usual.plot);
  g_assert_cmpmem (&layout.legend, sizeof layout.legend, &usual.legend, sizeof usual.legend);
}

/* The arrow keys with Snap to Grid on: a step that would land on a line
 * goes over it; other steps are as asked; at the edge of the scale a
 * step onto a line there is not taken. */
static void
test_step_past_lines (void)
{
  KwThresholds thresholds;

  kw_thresholds_init_default (&thresholds); /* 5, 5, 1 */
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (4.9, 0.1, KW_MATRIX_AXIS_IMPACT, &thresholds), 0.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (5.1, -0.1, KW_MATRIX_AXIS_IMPACT, &thresholds), -0.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (4.0, 1.0, KW_MATRIX_AXIS_IMPACT, &thresholds), 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (4.5, 0.1, KW_MATRIX_AXIS_IMPACT, &thresholds), 0.1, 1e-9);
  /* Effort has two lines: the effort line and the tiny-effort line. */
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (0.9, 0.1, KW_MATRIX_AXIS_EFFORT, &thresholds), 0.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (4.9, 0.1, KW_MATRIX_AXIS_EFFORT, &thresholds), 0.2, 1e-9);
  /* The impact axis knows nothing of the effort's tiny line. */
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (0.9, 0.1, KW_MATRIX_AXIS_IMPACT, &thresholds), 0.1, 1e-9);

  thresholds.impact = 10.0;
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (9.9, 0.1, KW_MATRIX_AXIS_IMPACT, &thresholds), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_matrix_step_past_lines (3.0, 0.0, KW_MATRIX_AXIS_IMPACT, &thresholds), 0.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matrix-layout/plot-fits", test_plot_fits);
  g_test_add_func ("/matrix-layout/mapping", test_mapping);
  g_test_add_func ("/matrix-layout/zones", test_zones_match_classification);
  g_test_add_func ("/matrix-layout/lines-and-ticks", test_lines_and_ticks);
  g_test_add_func ("/matrix-layout/snap-plain", test_snap_plain);
  g_test_add_func ("/matrix-layout/snap-off-lines", test_snap_off_lines);
  g_test_add_func ("/matrix-layout/view", test_view);
  g_test_add_func ("/matrix-layout/handles", test_handles);
  g_test_add_func ("/matrix-layout/add-legend", test_add_legend);
  g_test_add_func ("/matrix-layout/legend-width", test_legend_width);
  g_test_add_func ("/matrix-layout/step-past-lines", test_step_past_lines);

  return g_test_run ();
}
