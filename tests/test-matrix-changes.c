/* test-matrix-changes.c: the changes drawn on the matrix
 * (kw-matrix-changes): which changes give a mark, where its parts lie,
 * what cairo puts on the pixels, and the plan's numbers and heading of
 * its "Changes since …" section (kw-plan-changes) on the scripted board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kw-changes-scenario.h"
#include "kw-matrix-changes.h"
#include "kw-plan-changes.h"

#define WIDTH 800.0
#define HEIGHT 600.0

static KwChanges *
scenario_changes (KwBoard **board_out)
{
  g_autoptr(GDateTime) taken = g_date_time_new_utc (2026, 11, 22, 16, 0, 0);
  g_autoptr(KwBoard) board = kw_changes_scenario_new_board ();
  g_autoptr(KwSnapshot) before = kw_snapshot_new_from_board (board, "Workshop 1", NULL, taken);

  kw_changes_scenario_edit (board);
  if (board_out != NULL)
    *board_out = g_object_ref (board);

  return kw_changes_new (before, board);
}

/* Only the changes with a spot on both sides (moves) or now (new). */
static void
test_spots (void)
{
  g_autoptr(KwChanges) changes = scenario_changes (NULL);
  g_autoptr(GArray) spots = kw_matrix_change_spots_new (changes);
  g_autoptr(GArray) none = kw_matrix_change_spots_new (NULL);
  /* f-1, f-2 and f-8 changed outcome, placed before and after (f-6 was
   * in the tray, f-7 went there); f-4, f-5, f-15 moved; f-9 is the one
   * new finding placed. */
  static const struct { KwChangeKind kind; double bi, be, ai, ae; } expected[] = {
    { KW_CHANGE_OUTCOME, 7.0, 6.0, 7.0, 4.9 },
    { KW_CHANGE_OUTCOME, 8.0, 4.9, 8.0, 5.0 },
    { KW_CHANGE_OUTCOME, 5.5, 3.0, 5.5, 3.0 },
    { KW_CHANGE_MOVED, 8.0, 6.3, 8.0, 7.3 },
    { KW_CHANGE_MOVED, 6.0, 8.0, 8.5, 7.0 },
    { KW_CHANGE_MOVED, 9.0, 2.0, 7.5, 2.0 },
    { KW_CHANGE_NEW, 0.0, 0.0, 3.0, 0.5 },
  };

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (spots->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < spots->len; i++)
    {
      const KwMatrixChangeSpot *spot = &g_array_index (spots, KwMatrixChangeSpot, i);

      g_assert_cmpint (spot->kind, ==, expected[i].kind);
      g_assert_cmpfloat_with_epsilon (spot->after_impact, expected[i].ai, 1e-9);
      g_assert_cmpfloat_with_epsilon (spot->after_effort, expected[i].ae, 1e-9);
      if (spot->kind != KW_CHANGE_NEW)
        {
          g_assert_cmpfloat_with_epsilon (spot->before_impact, expected[i].bi, 1e-9);
          g_assert_cmpfloat_with_epsilon (spot->before_effort, expected[i].be, 1e-9);
        }
    }
}

static void
test_marks (void)
{
  KwMatrixLayout layout, small;
  KwMatrixChangeMark mark;
  KwMatrixChangeSpot moved = { KW_CHANGE_MOVED, 6.0, 8.0, 8.5, 7.0 };
  KwMatrixChangeSpot nudged = { KW_CHANGE_OUTCOME, 8.0, 4.9, 8.0, 5.0 };
  KwMatrixChangeSpot fresh = { KW_CHANGE_NEW, 0, 0, 3.0, 0.5 };
  double r = kw_matrix_changes_radius (14.0);
  double x1, y1, x2, y2, tip;

  kw_matrix_layout_init (&layout, WIDTH, HEIGHT, 1.0, FALSE);
  g_assert_cmpfloat (kw_matrix_changes_radius (1.0), ==, 3.0);

  /* A move: the outline where it was, the arrow's tip short of where it
   * is now, pointing there. */
  g_assert_true (kw_matrix_change_mark (&layout, &moved, r, &mark));
  kw_matrix_layout_score_to_point (&layout, 6.0, 8.0, &x1, &y1);
  kw_matrix_layout_score_to_point (&layout, 8.5, 7.0, &x2, &y2);
  g_assert_true (mark.was_shown && mark.arrow_shown && !mark.ring_shown);
  g_assert_cmpfloat_with_epsilon (mark.was_x, x1, 1e-9);
  g_assert_cmpfloat_with_epsilon (mark.was_y, y1, 1e-9);
  g_assert_cmpfloat (mark.radius, ==, r);
  tip = hypot (mark.head[0][0] - x2, mark.head[0][1] - y2);
  g_assert_cmpfloat_with_epsilon (tip, r * 1.4, 1e-6);
  g_assert_cmpfloat (hypot (mark.arrow_x1 - x1, mark.arrow_y1 - y1), <, hypot (mark.arrow_x2 - x1, mark.arrow_y2 - y1));
  g_assert_cmpfloat (hypot (mark.arrow_x2 - x2, mark.arrow_y2 - y2), >, tip);

  /* 0.1 is a few pixels on a small matrix: less than a marker, nothing
   * to show; on a large one it shows. */
  kw_matrix_layout_init (&small, 300.0, 200.0, 1.0, FALSE);
  kw_matrix_layout_score_to_point (&small, 8.0, 4.9, &x1, &y1);
  kw_matrix_layout_score_to_point (&small, 8.0, 5.0, &x2, &y2);
  g_assert_cmpfloat (hypot (x2 - x1, y2 - y1), <, r);
  g_assert_false (kw_matrix_change_mark (&small, &nudged, r, &mark));
  kw_matrix_layout_score_to_point (&layout, 8.0, 4.9, &x1, &y1);
  kw_matrix_layout_score_to_point (&layout, 8.0, 5.0, &x2, &y2);
  g_assert_cmpfloat (hypot (x2 - x1, y2 - y1), >=, r);
  g_assert_true (kw_matrix_change_mark (&layout, &nudged, r, &mark));

  /* New: a ring around where it is. */
  g_assert_true (kw_matrix_change_mark (&layout, &fresh, r, &mark));
  kw_matrix_layout_score_to_point (&layout, 3.0, 0.5, &x2, &y2);
  g_assert_true (mark.ring_shown && !mark.was_shown && !mark.arrow_shown);
  g_assert_cmpfloat_with_epsilon (mark.ring_x, x2, 1e-9);
  g_assert_cmpfloat_with_epsilon (mark.ring_radius, r * 1.9, 1e-9);

  /* Both ends outside a zoomed view: nothing. */
  kw_matrix_layout_set_view (&layout, 0.0, 5.0, 0.0, 5.0);
  g_assert_false (kw_matrix_change_mark (&layout, &moved, r, &mark));
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + (int) round (y) * stride + (int) round (x) * 4) & 0xffffff;
}

/* What cairo puts down: ink on the outline and the arrow's head, the
 * accent on the ring, nothing at the centre of the earlier spot. */
static void
test_draw (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) WIDTH, (int) HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) spots = g_array_new (FALSE, TRUE, sizeof (KwMatrixChangeSpot));
  KwMatrixChangeSpot moved = { KW_CHANGE_MOVED, 6.0, 8.0, 8.5, 2.0 };
  KwMatrixChangeSpot fresh = { KW_CHANGE_NEW, 0, 0, 3.0, 0.5 };
  KwMatrixChangesStyle style = { { 0, 0, 0, 1 }, { 0, 0, 1, 1 }, 6.0 };
  KwMatrixChangeMark mark;
  KwMatrixLayout layout;
  double hx, hy;

  kw_matrix_layout_init (&layout, WIDTH, HEIGHT, 1.0, FALSE);
  g_array_append_val (spots, moved);
  g_array_append_val (spots, fresh);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  kw_matrix_changes_draw (cr, &layout, spots, &style);
  cairo_surface_flush (surface);

  g_assert_true (kw_matrix_change_mark (&layout, &moved, style.radius, &mark));
  g_assert_cmphex (pixel (surface, mark.was_x, mark.was_y), ==, 0xffffff);
  /* The head's centroid: filled, faint black on white. */
  hx = (mark.head[0][0] + mark.head[1][0] + mark.head[2][0]) / 3;
  hy = (mark.head[0][1] + mark.head[1][1] + mark.head[2][1]) / 3;
  g_assert_cmphex (pixel (surface, hx, hy), !=, 0xffffff);
  g_assert_cmphex (pixel (surface, hx, hy) & 0xff, ==, (pixel (surface, hx, hy) >> 16) & 0xff);

  g_assert_true (kw_matrix_change_mark (&layout, &fresh, style.radius, &mark));
  /* The ring's right-most point: blue. */
  g_assert_cmphex (pixel (surface, mark.ring_x + mark.ring_radius, mark.ring_y) & 0xff, >,
                   (pixel (surface, mark.ring_x + mark.ring_radius, mark.ring_y) >> 16) & 0xff);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static cairo_surface_t *
transparent_surface (void)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) WIDTH, (int) HEIGHT);
}

/* The pieces a view draws one by one (the app's compare view keeps a node
 * for each) make exactly the picture kw_matrix_changes_draw() makes, and
 * none of them reaches past its extents. */
static void
test_parts (void)
{
  g_autoptr(GArray) spots = g_array_new (FALSE, TRUE, sizeof (KwMatrixChangeSpot));
  KwMatrixChangeSpot spot_list[] = {
    { KW_CHANGE_MOVED, 6.0, 8.0, 8.5, 2.0 },
    { KW_CHANGE_OUTCOME, 2.0, 2.0, 2.5, 9.0 },
    { KW_CHANGE_NEW, 0, 0, 3.0, 0.5 },
  };
  KwMatrixChangesStyle style = { { 0.1, 0.2, 0.3, 1 }, { 0, 0, 1, 1 }, 6.0 };
  cairo_surface_t *whole = transparent_surface ();
  cairo_surface_t *pieces = transparent_surface ();
  cairo_t *whole_cr = cairo_create (whole);
  cairo_t *pieces_cr = cairo_create (pieces);
  KwMatrixLayout layout;

  kw_matrix_layout_init (&layout, WIDTH, HEIGHT, 1.0, FALSE);
  g_array_append_vals (spots, spot_list, G_N_ELEMENTS (spot_list));
  kw_matrix_changes_draw (whole_cr, &layout, spots, &style);

  for (guint i = 0; i < G_N_ELEMENTS (spot_list); i++)
    {
      KwMatrixChangeMark mark;

      g_assert_true (kw_matrix_change_mark (&layout, &spot_list[i], style.radius, &mark));
      for (guint part = 0; part < KW_MATRIX_CHANGE_N_PARTS; part++)
        {
          cairo_surface_t *alone = transparent_surface ();
          cairo_t *cr = cairo_create (alone);
          const unsigned char *data;
          double x, y, width, height;
          int stride;

          kw_matrix_change_part_get_extents (&mark, part, &x, &y, &width, &height);
          g_assert_true ((width > 0) == kw_matrix_change_mark_has_part (&mark, part));
          kw_matrix_changes_draw_part (cr, &mark, &style, part);
          kw_matrix_changes_draw_part (pieces_cr, &mark, &style, part);
          cairo_surface_flush (alone);

          data = cairo_image_surface_get_data (alone);
          stride = cairo_image_surface_get_stride (alone);
          for (int py = 0; py < (int) HEIGHT; py++)
            for (int px = 0; px < (int) WIDTH; px++)
              if (data[py * stride + px * 4 + 3] != 0)
                {
                  g_assert_cmpint (px, >=, (int) x);
                  g_assert_cmpint (px, <, (int) (x + width));
                  g_assert_cmpint (py, >=, (int) y);
                  g_assert_cmpint (py, <, (int) (y + height));
                }
          cairo_destroy (cr);
          cairo_surface_destroy (alone);
        }
    }

  cairo_surface_flush (whole);
  cairo_surface_flush (pieces);
  g_assert_cmpmem (cairo_image_surface_get_data (whole),
                   cairo_image_surface_get_stride (whole) * (gsize) HEIGHT,
                   cairo_image_surface_get_data (pieces),
                   cairo_image_surface_get_stride (pieces) * (gsize) HEIGHT);

  cairo_destroy (whole_cr);
  cairo_destroy (pieces_cr);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (pieces);
}

/* A mark is the same only when it is drawn the same; a change's spot is
 * what the list of spots holds for it. */
static void
test_mark_equal (void)
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwChanges) changes = scenario_changes (&board);
  g_autoptr(GArray) spots = kw_matrix_change_spots_new (changes);
  KwMatrixChangeSpot moved = { KW_CHANGE_MOVED, 6.0, 8.0, 8.5, 2.0 };
  KwMatrixChangeSpot nudged = { KW_CHANGE_MOVED, 6.0, 8.0, 8.5, 2.5 };
  KwMatrixChangeMark a, b, c;
  KwMatrixLayout layout;
  guint n_spots = 0;

  kw_matrix_layout_init (&layout, WIDTH, HEIGHT, 1.0, FALSE);
  g_assert_true (kw_matrix_change_mark (&layout, &moved, 6.0, &a));
  g_assert_true (kw_matrix_change_mark (&layout, &moved, 6.0, &b));
  g_assert_true (kw_matrix_change_mark (&layout, &nudged, 6.0, &c));
  g_assert_true (kw_matrix_change_mark_equal (&a, &b));
  g_assert_false (kw_matrix_change_mark_equal (&a, &c));
  g_assert_true (kw_matrix_change_mark (&layout, &moved, 7.0, &c));
  g_assert_false (kw_matrix_change_mark_equal (&a, &c));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (changes)); i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (G_LIST_MODEL (changes), i);
      const KwMatrixChangeSpot *listed;
      KwMatrixChangeSpot spot;

      if (!kw_matrix_change_spot_init (&spot, change))
        continue;
      g_assert_cmpuint (n_spots, <, spots->len);
      listed = &g_array_index (spots, KwMatrixChangeSpot, n_spots++);
      g_assert_cmpint (spot.kind, ==, listed->kind);
      g_assert_cmpfloat (spot.before_impact, ==, listed->before_impact);
      g_assert_cmpfloat (spot.before_effort, ==, listed->before_effort);
      g_assert_cmpfloat (spot.after_impact, ==, listed->after_impact);
      g_assert_cmpfloat (spot.after_effort, ==, listed->after_effort);
    }
  g_assert_cmpuint (n_spots, ==, spots->len);
}

/* The plan's numbers for its changes, and the section's heading. */
static void
test_plan (void)
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwChanges) changes = scenario_changes (&board);
  g_autoptr(KwPlanLanguage) language = kw_plan_language_push ("en");
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  g_autofree char *heading = NULL;
  GListModel *list;

  g_assert_null (plan->changes);
  g_assert_null (kw_plan_changes_dup_heading (plan));
  kw_plan_set_since (plan, kw_changes_get_before (changes));
  list = G_LIST_MODEL (plan->changes);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, kw_changes_scenario_n_lines);

  g_setenv ("TZ", "UTC", TRUE);
  heading = kw_plan_changes_dup_heading (plan);
  g_assert_cmpstr (heading, ==, "Changes since Workshop 1 (22 November 2026)");

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (list, i);
      KwFinding *finding = kw_board_lookup_finding (board, kw_change_get_finding_id (change));
      guint number = kw_plan_changes_get_number (plan, change);

      if (kw_change_get_kind (change) == KW_CHANGE_REMOVED)
        g_assert_cmpuint (number, ==, 0);
      else
        g_assert_cmpuint (number, ==, kw_plan_get_number (plan, finding));
    }

  kw_plan_set_since (plan, NULL);
  g_assert_null (plan->changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matrix-changes/spots", test_spots);
  g_test_add_func ("/matrix-changes/marks", test_marks);
  g_test_add_func ("/matrix-changes/draw", test_draw);
  g_test_add_func ("/matrix-changes/parts", test_parts);
  g_test_add_func ("/matrix-changes/mark-equal", test_mark_equal);
  g_test_add_func ("/matrix-changes/plan", test_plan);

  return g_test_run ();
}
