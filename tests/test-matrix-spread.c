/* test-matrix-spread.c: where revealed estimates are drawn (markers and
 * the cross through the median), against positions worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kw-format.h"
#include "kw-matrix-placement.h"
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

/* A marker on a title moves the least way off it, keeps where it belongs
 * as its anchor, and the others stay where they are. */
static void
test_clear_of_titles (void)
{
  KwMatrixLayout layout;
  g_autoptr(KwFinding) finding = kw_finding_new ("Terugbelverzoek bij wachtrij");
  g_autoptr(KwMatrixSpread) spread = NULL;
  KwMatrixRect title;
  double x, y;

  init_layout (&layout);
  give (finding, "p1", 8, 2);
  give (finding, "p2", 4, 7);
  spread = kw_matrix_spread_new (&layout, finding, 1.0);
  g_assert_nonnull (spread);
  g_assert_cmpuint (spread->n_markers, ==, 2);
  x = spread->markers[0].x;
  y = spread->markers[0].y;
  /* A card of two lines right over the first estimate. */
  title = (KwMatrixRect) { x - 60, y - 10, 140, 40 };
  g_assert_true (kw_matrix_spread_marker_covers (spread, x, y, &title));

  g_assert_cmpuint (kw_matrix_spread_move_clear_of (spread, &title, 1, &layout.plot), ==, 0);

  g_assert_true (spread->markers[0].moved);
  g_assert_cmpfloat (spread->markers[0].anchor_x, ==, x);
  g_assert_cmpfloat (spread->markers[0].anchor_y, ==, y);
  g_assert_false (kw_matrix_spread_marker_covers (spread, spread->markers[0].x, spread->markers[0].y, &title));
  /* The nearest way out: up, 10 px and the marker's reach above the top. */
  g_assert_cmpfloat (hypot (spread->markers[0].x - x, spread->markers[0].y - y), <=,
                     10 + spread->radius + 4 + spread->radius / 2);
  g_assert_false (spread->markers[1].moved);
  g_assert_cmpfloat_with_epsilon (spread->markers[1].x, plot_x (&layout, 7), EPSILON);
  g_assert_cmpfloat_with_epsilon (spread->markers[1].y, plot_y (&layout, 4), EPSILON);
}

/* With no room anywhere (the titles cover the plot) a marker stays and
 * is counted. */
static void
test_clear_of_titles_no_room (void)
{
  KwMatrixLayout layout;
  g_autoptr(KwFinding) finding = kw_finding_new ("Wachttijd melden");
  g_autoptr(KwMatrixSpread) spread = NULL;
  KwMatrixRect everything;
  double x;

  init_layout (&layout);
  give (finding, "p1", 5, 5);
  spread = kw_matrix_spread_new (&layout, finding, 1.0);
  x = spread->markers[0].x;
  everything = (KwMatrixRect) { 0, 0, layout.width, layout.height };

  g_assert_cmpuint (kw_matrix_spread_move_clear_of (spread, &everything, 1, &layout.plot), ==, 1);
  g_assert_false (spread->markers[0].moved);
  g_assert_cmpfloat (spread->markers[0].x, ==, x);
}

/* The example boards, as the window lays them out on a laptop and on the
 * projector: whichever finding the room looks at, none of its markers
 * covers a card's title or a zone's name. */
static void
check_example_board (const char *name)
{
  static const struct { double width, height, text_size; } shown[] = {
    { 1920, 1080, 24 },  /* the presentation on a projector */
    { 1280, 800, 13 },   /* a laptop's window */
  };
  g_autofree char *path = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);
  guint n_checked = 0, n_moved = 0;
  KwThresholds thresholds;

  g_assert_no_error (error);
  kw_board_get_thresholds (board, &thresholds);
  for (guint s = 0; s < G_N_ELEMENTS (shown); s++)
    {
      g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (KwMatrixPlacementItem));
      g_autoptr(GArray) titles = g_array_new (FALSE, FALSE, sizeof (KwMatrixRect));
      KwMatrixPlacementOptions options = { .text_size = shown[s].text_size };
      g_autoptr(KwMatrixPlacement) placement = NULL;
      KwMatrixLayout layout;

      for (guint i = 0; i < kw_board_get_n_findings (board); i++)
        {
          KwFinding *finding = kw_board_get_finding (board, i);
          KwMatrixPlacementItem item = { finding, kw_finding_get_impact (finding), kw_finding_get_effort (finding),
                                         0, i + 1, kw_finding_get_title (finding) };

          if (!kw_finding_get_placed (finding))
            continue;
          item.outcome = kw_outcome_classify (TRUE, item.impact, item.effort, &thresholds);
          g_array_append_val (items, item);
        }
      kw_matrix_layout_init (&layout, shown[s].width, shown[s].height, 1.0, FALSE);
      placement = kw_matrix_placement_new (&layout, &thresholds, (KwMatrixPlacementItem *) items->data,
                                           items->len, &options);
      for (guint i = 0; i < placement->labels->len; i++)
        {
          const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);

          if (label->placed)
            g_array_append_val (titles, label->label);
        }
      for (guint z = 0; z < placement->n_zone_labels; z++)
        g_array_append_val (titles, placement->zone_labels[z].rect);

      for (guint i = 0; i < kw_board_get_n_findings (board); i++)
        {
          g_autoptr(KwMatrixSpread) spread = kw_matrix_spread_new (&layout, kw_board_get_finding (board, i), 1.0);

          if (spread == NULL)
            continue;
          g_assert_cmpuint (kw_matrix_spread_move_clear_of (spread, (KwMatrixRect *) titles->data, titles->len,
                                                            &layout.plot), ==, 0);
          for (guint m = 0; m < spread->n_markers; m++)
            n_moved += spread->markers[m].moved;
          for (guint m = 0; m < spread->n_markers; m++)
            for (guint t = 0; t < titles->len; t++)
              g_assert_false (kw_matrix_spread_marker_covers (spread, spread->markers[m].x, spread->markers[m].y,
                                                              &g_array_index (titles, KwMatrixRect, t)));
          n_checked++;
        }
    }
  g_test_message ("%s: %u spreads checked, %u markers moved off a title", name, n_checked, n_moved);
  g_assert_cmpuint (n_checked, >, 0);
  /* The boards are crowded enough that some had to move. */
  g_assert_cmpuint (n_moved, >, 0);
}

static void
test_example_boards_clear_of_titles (void)
{
  /* The English board is the one with participants' estimates. */
  check_example_board ("customer-contact-en.kwadrant");
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
  g_test_add_func ("/matrix-spread/clear-of-titles", test_clear_of_titles);
  g_test_add_func ("/matrix-spread/clear-of-titles-no-room", test_clear_of_titles_no_room);
  g_test_add_func ("/matrix-spread/example-boards-clear-of-titles", test_example_boards_clear_of_titles);

  return g_test_run ();
}
