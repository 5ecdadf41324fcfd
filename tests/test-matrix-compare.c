/* test-matrix-compare.c: the compare view's marks (earlier spots, arrows,
 * new rings) as the matrix draws them. After an edit only the pixels of
 * the marks that changed are drawn again; this checks that what is left
 * on screen is exactly what a drawing from scratch gives, through moves,
 * a finding taken off the matrix and one added (to pixman's rounding),
 * and that the edit indeed kept the rest (tiles kept, not all drawn
 * again).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "kw-changes.h"
#include "kw-matrix-private.h"
#include "kw-matrix.h"
#include "kw-gui-test.h"
#include "kw-matrix-test.h"

#define N_FINDINGS 60

typedef struct {
  GtkWindow  *window;
  KwMatrix   *matrix;
  KwBoard    *board;
  KwSnapshot *snapshot;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = kw_board_new ();
  kw_matrix_test_fill_board (f->board, N_FINDINGS, 20261205);
  f->snapshot = kw_snapshot_new_from_board (f->board, "Workshop 1", NULL, NULL);
  /* Every finding moves a point and a half, away from the middle. */
  for (guint i = 0; i < kw_board_get_n_findings (f->board); i++)
    {
      KwFinding *finding = kw_board_get_finding (f->board, i);
      double impact = kw_finding_get_impact (finding), effort = kw_finding_get_effort (finding);

      if (kw_finding_get_placed (finding))
        kw_finding_place (finding, impact + (impact < 5 ? 1.5 : -1.5), effort + (effort < 5 ? 1.5 : -1.5));
    }

  f->matrix = KW_MATRIX (kw_matrix_new ());
  kw_matrix_set_board (f->matrix, f->board);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 960, 640);
  gtk_window_set_child (f->window, GTK_WIDGET (f->matrix));
  gtk_window_present (f->window);
  kw_matrix_test_wait_for_layout (f->matrix, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->snapshot);
  g_clear_object (&f->board);
}

/* The comparison made again and handed over, as the changes panel does
 * after every edit, and the matrix's drawing of it made. */
static void
compare_and_draw (Fixture *f)
{
  g_autoptr(KwChanges) changes = kw_changes_new (f->snapshot, f->board);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  kw_matrix_set_changes (f->matrix, changes);
  /* Only the marks: the cards are not part of it. */
  kw_matrix_draw_changes (f->matrix, snapshot, &(GdkRGBA) { 0.1, 0.1, 0.1, 1 });
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
}

/* A copy of the marks' image as the matrix last drew it. */
static GBytes *
copy_layer (Fixture *f)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (f->matrix));
  cairo_surface_t *layer = kw_matrix_tiles_get_layer (f->matrix->changes_tiles,
                                                      ceil (f->matrix->layout.width * scale),
                                                      ceil (f->matrix->layout.height * scale));

  g_assert_nonnull (layer);
  cairo_surface_flush (layer);

  return g_bytes_new (cairo_image_surface_get_data (layer),
                      (gsize) cairo_image_surface_get_stride (layer) * cairo_image_surface_get_height (layer));
}

/* The same picture, to pixman's rounding: its fast paths blend a pixel
 * of a clipped and an unclipped copy one step of 255 apart now and then.
 * A mark left behind or missing is a whole shape of alpha 100 and more. */
static void
assert_same_picture (GBytes *a,
                     GBytes *b)
{
  gsize size_a, size_b;
  const guint8 *pa = g_bytes_get_data (a, &size_a);
  const guint8 *pb = g_bytes_get_data (b, &size_b);
  guint n_off = 0;

  g_assert_cmpuint (size_a, ==, size_b);
  for (gsize i = 0; i < size_a; i++)
    {
      int delta = abs ((int) pa[i] - (int) pb[i]);

      g_assert_cmpint (delta, <=, 2);
      n_off += delta != 0;
    }
  g_assert_cmpuint (n_off, <, 64);
}

/* The marks drawn after an edit, against the same marks drawn from
 * scratch. */
static void
assert_as_drawn_anew (Fixture *f)
{
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) anew = NULL;

  compare_and_draw (f);
  /* Most of the matrix stayed: only the edited mark's tiles are new. */
  g_assert_cmpuint (kw_matrix_tiles_get_n_kept (f->matrix->changes_tiles), >, 0);
  edited = copy_layer (f);

  kw_matrix_forget_changes_drawing (f->matrix);
  compare_and_draw (f);
  anew = copy_layer (f);

  assert_same_picture (edited, anew);
}

static void
test_edits_draw_as_anew (Fixture       *f,
                         gconstpointer  data)
{
  KwFinding *first = kw_board_get_finding (f->board, 0);
  KwFinding *second = kw_board_get_finding (f->board, 7);
  g_autoptr(KwFinding) added = kw_finding_new ("Terugbellen binnen het uur");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  compare_and_draw (f);
  before = copy_layer (f);

  /* A move to the other side of where it was: the old arrow lies
   * wholly outside the new one's box, and must go. */
  {
    const KwSnapshotEntry *was = kw_snapshot_lookup (f->snapshot, kw_finding_get_id (first));

    kw_finding_place (first, 2 * was->impact - kw_finding_get_impact (first),
                      2 * was->effort - kw_finding_get_effort (first));
  }
  assert_as_drawn_anew (f);
  after = copy_layer (f);
  /* The edit showed: the image did change. */
  g_assert_false (g_bytes_equal (before, after));

  /* Back where the snapshot had it: its mark goes. */
  kw_finding_place (second, kw_snapshot_lookup (f->snapshot, kw_finding_get_id (second))->impact,
                    kw_snapshot_lookup (f->snapshot, kw_finding_get_id (second))->effort);
  assert_as_drawn_anew (f);

  /* Off the matrix, and a new one on it. */
  kw_finding_unplace (first);
  assert_as_drawn_anew (f);
  kw_finding_place (added, 6.5, 1.5);
  g_assert_true (kw_board_append_finding (f->board, added));
  assert_as_drawn_anew (f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/matrix-compare/edits-draw-as-anew", Fixture, NULL, fixture_set_up, test_edits_draw_as_anew,
              fixture_tear_down);

  return g_test_run ();
}
