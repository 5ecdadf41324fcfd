/* test-matrix-spread.c: where revealed estimates are drawn (markers and
 * the cross through the median), against positions worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kw-matrix-spread.h"

#define EPSILON 1e-9

/* A plot whose scores are easy to read back: see plot_x/plot_y. */
static void
init_layout (KwMatrixLayout *layout)
{
  kw_matrix_layout_init (layout, 1000, 800, 1.0, FALSE);
}

static double
plot_x (const KwMatrixLayout *layout,
        double                effort)
{
  return layout->plot.x + layout->plot.width * effort / 10;
}

static double
plot_y (const KwMatrixLayout *layout,
        double                impact)
{
  return layout->plot.y + layout->plot.height * (10 - impact) / 10;
}

static void
give (KwFinding *finding,
      const char *participant_id,
      double      impact,
      double      effort)
{
  KwEstimate estimate = { TRUE, impact, effort };

  kw_finding_set_estimate (finding, participant_id, &estimate);
}

/* Three estimates: the arms span the whole range, through the median. */
static void
test_range_below_four (void)
{
  KwMatrixLayout layout;
  g_autoptr(KwFinding) finding = kw_finding_new ("Wachttijd terugbellen");
  g_autoptr(KwMatrixSpread) spread = NULL;

  init_layout (&layout);
  give (finding, "p1", 7, 3);
  give (finding, "p2", 5, 2);
  give (finding, "p3", 8, 6);
  spread = kw_matrix_spread_new (&layout, finding, 1.0);

  g_assert_nonnull (spread);
  g_assert_true (spread->has_cross);
  g_assert_cmpfloat_with_epsilon (spread->median_x, plot_x (&layout, 3), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->median_y, plot_y (&layout, 7), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_left, plot_x (&layout, 2), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_right, plot_x (&layout, 6), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_top, plot_y (&layout, 8), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_bottom, plot_y (&layout, 5), EPSILON);

  g_assert_cmpuint (spread->n_markers, ==, 3);
  g_assert_cmpstr (spread->markers[1].participant_id, ==, "p2");
  g_assert_cmpfloat_with_epsilon (spread->markers[1].x, plot_x (&layout, 2), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->markers[1].y, plot_y (&layout, 5), EPSILON);
}

/* Five estimates: the arms are the interquartile ranges (QUARTILE.INC),
 * as long as the summary's spreads, not centred on the median. */
static void
test_quartiles_from_four (void)
{
  KwMatrixLayout layout;
  g_autoptr(KwFinding) finding = kw_finding_new ("Kennisbank actualiseren");
  g_autoptr(KwMatrixSpread) spread = NULL;
  KwEstimateSummary summary;

  init_layout (&layout);
  /* impacts 1 2 3 4 10: Q1 2, median 3, Q3 4; efforts 0 1 1 9 10: Q1 1, median 1, Q3 9 */
  give (finding, "p1", 10, 9);
  give (finding, "p2", 1, 0);
  give (finding, "p3", 3, 1);
  give (finding, "p4", 2, 10);
  give (finding, "p5", 4, 1);
  spread = kw_matrix_spread_new (&layout, finding, 1.0);
  g_assert_true (kw_finding_summarize_estimates (finding, &summary));

  g_assert_cmpfloat_with_epsilon (spread->cross_top, plot_y (&layout, 4), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_bottom, plot_y (&layout, 2), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_left, plot_x (&layout, 1), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_right, plot_x (&layout, 9), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->median_x, plot_x (&layout, 1), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->median_y, plot_y (&layout, 3), EPSILON);
  g_assert_cmpfloat_with_epsilon ((spread->cross_right - spread->cross_left) / kw_matrix_layout_effort_scale (&layout),
                                  summary.spread_effort, 1e-6);
  g_assert_cmpfloat_with_epsilon ((spread->cross_bottom - spread->cross_top) / kw_matrix_layout_impact_scale (&layout),
                                  summary.spread_impact, 1e-6);
}

/* "No idea" has no marker; without a known estimate there is nothing. */
static void
test_no_idea (void)
{
  KwMatrixLayout layout;
  g_autoptr(KwFinding) finding = kw_finding_new ("NPS-enquête per kanaal");
  KwEstimate no_idea = { FALSE, 0, 0 };
  g_autoptr(KwMatrixSpread) spread = NULL;

  init_layout (&layout);
  kw_finding_set_estimate (finding, "p1", &no_idea);
  g_assert_null (kw_matrix_spread_new (&layout, finding, 1.0));

  give (finding, "p2", 6, 4);
  spread = kw_matrix_spread_new (&layout, finding, 1.0);
  g_assert_cmpuint (spread->n_markers, ==, 1);
  g_assert_cmpstr (spread->markers[0].participant_id, ==, "p2");
  /* One estimate: the cross is a point on it. */
  g_assert_cmpfloat_with_epsilon (spread->cross_left, spread->cross_right, EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_top, spread->cross_bottom, EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->cross_left, plot_x (&layout, 4), EPSILON);
}

/* The animation: from the finding at 0, halfway at 0.5, home at 1. An
 * unplaced finding's markers come out of the median. */
static void
test_progress (void)
{
  KwMatrixLayout layout;
  g_autoptr(KwFinding) finding = kw_finding_new ("Terugbelverzoek");
  g_autoptr(KwMatrixSpread) start = NULL;
  g_autoptr(KwMatrixSpread) half = NULL;
  g_autoptr(KwMatrixSpread) unplaced = NULL;

  init_layout (&layout);
  give (finding, "p1", 2, 8);
  give (finding, "p2", 4, 4);
  unplaced = kw_matrix_spread_new (&layout, finding, 0.0);
  g_assert_cmpfloat_with_epsilon (unplaced->origin_x, unplaced->median_x, EPSILON);
  g_assert_cmpfloat_with_epsilon (unplaced->markers[0].y, unplaced->median_y, EPSILON);

  kw_finding_place (finding, 6, 2);
  start = kw_matrix_spread_new (&layout, finding, 0.0);
  half = kw_matrix_spread_new (&layout, finding, 0.5);
  g_assert_cmpfloat_with_epsilon (start->origin_x, plot_x (&layout, 2), EPSILON);
  g_assert_cmpfloat_with_epsilon (start->origin_y, plot_y (&layout, 6), EPSILON);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpfloat_with_epsilon (start->markers[i].x, start->origin_x, EPSILON);
      g_assert_cmpfloat_with_epsilon (start->markers[i].y, start->origin_y, EPSILON);
    }
  g_assert_cmpfloat_with_epsilon (start->cross_left, start->median_x, EPSILON);
  g_assert_cmpfloat_with_epsilon (start->cross_top, start->median_y, EPSILON);

  g_assert_cmpfloat_with_epsilon (half->markers[0].x, (plot_x (&layout, 2) + plot_x (&layout, 8)) / 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (half->markers[0].y, (plot_y (&layout, 6) + plot_y (&layout, 2)) / 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (half->cross_left, (half->median_x + plot_x (&layout, 4)) / 2, EPSILON);
}

/* Equal estimates are set around their point, touching, none hidden. */
static void
test_equal_estimates_apart (void)
{
  KwMatrixLayout layout;
  g_autoptr(KwFinding) finding = kw_finding_new ("Chat 's avonds");
  g_autoptr(KwMatrixSpread) spread = NULL;
  KwMatrixRect bounds;

  init_layout (&layout);
  give (finding, "p1", 5, 5);
  give (finding, "p2", 5, 5);
  give (finding, "p3", 5, 5);
  give (finding, "p4", 9, 1);
  spread = kw_matrix_spread_new (&layout, finding, 1.0);

  for (guint i = 0; i < 3; i++)
    {
      double dx = spread->markers[i].x - plot_x (&layout, 5);
      double dy = spread->markers[i].y - plot_y (&layout, 5);

      for (guint j = i + 1; j < 3; j++)
        g_assert_cmpfloat (hypot (spread->markers[i].x - spread->markers[j].x,
                                  spread->markers[i].y - spread->markers[j].y),
                           >=, 2 * spread->radius - 1e-6);
      g_assert_cmpfloat (hypot (dx, dy), <, 2 * spread->radius);
    }
  g_assert_cmpfloat_with_epsilon (spread->markers[3].x, plot_x (&layout, 1), EPSILON);

  kw_matrix_spread_get_bounds (spread, &bounds);
  for (guint i = 0; i < spread->n_markers; i++)
    {
      g_assert_cmpfloat (bounds.x, <=, spread->markers[i].x - spread->radius);
      g_assert_cmpfloat (bounds.x + bounds.width, >=, spread->markers[i].x + spread->radius);
      g_assert_cmpfloat (bounds.y, <=, spread->markers[i].y - spread->radius);
      g_assert_cmpfloat (bounds.y + bounds.height, >=, spread->markers[i].y + spread->radius);
    }
}

/* The room's text is larger, and so are the markers. */
static void
test_marker_size_follows_text (void)
{
  KwMatrixLayout desk, room;
  g_autoptr(KwFinding) finding = kw_finding_new ("IVR-menu korter");
  g_autoptr(KwMatrixSpread) small = NULL;
  g_autoptr(KwMatrixSpread) large = NULL;

  kw_matrix_layout_init (&desk, 1280, 800, 1.0, FALSE);
  kw_matrix_layout_init (&room, 1920, 1080, 1.8, FALSE);
  give (finding, "p1", 5, 5);
  small = kw_matrix_spread_new (&desk, finding, 1.0);
  large = kw_matrix_spread_new (&room, finding, 1.0);

  g_assert_cmpfloat (small->radius, >=, 5);
  g_assert_cmpfloat (large->radius, >, small->radius);
  g_assert_cmpfloat (large->arm_width, >, small->arm_width);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matrix-spread/range-below-four", test_range_below_four);
  g_test_add_func ("/matrix-spread/quartiles-from-four", test_quartiles_from_four);
  g_test_add_func ("/matrix-spread/no-idea", test_no_idea);
  g_test_add_func ("/matrix-spread/progress", test_progress);
  g_test_add_func ("/matrix-spread/equal-estimates-apart", test_equal_estimates_apart);
  g_test_add_func ("/matrix-spread/marker-size-follows-text", test_marker_size_follows_text);

  return g_test_run ();
}
