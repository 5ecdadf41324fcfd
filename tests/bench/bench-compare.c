/* bench-compare.c: the frame time of the matrix compared with a snapshot,
 * on a board of 1,000 findings that all moved since.
 *
 * A 1200×800 window shows the board; a snapshot is taken, every finding
 * then moves by at least a point (about half of them into another
 * outcome), and the matrix is given the changes, so it draws 1,000 faint
 * earlier markers with their arrows under the cards. The baseline is the
 * same window in the same run without the comparison. Three kinds of
 * frame, N_FRAMES of each: a redraw with nothing changed (a selection, a
 * hover), an edit (one finding moves, and the comparison is made again, as
 * the changes panel does), and a full repaint (every arrow drawn anew, as
 * on entering the comparison). A frame's time is the change plus the
 * frame clock's work from "before-paint" to "after-paint" (layout,
 * snapshot, render).
 *
 * Prints “bench compare_KIND_1000_ms VALUE ms” (the median) for each
 * kind, the same frame without the comparison, and their ratio; then the
 * arrows' own cost in a full repaint, measured in turns
 * (compare_repaint_own_1000_ms). Run it
 * under a display (xvfb-run); GSK_RENDERER picks the renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-compare"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "kw-bench-frame.h"
#include "kw-changes.h"
#include "kw-frame-memory.h"
#include "kw-history.h"
#include "kw-matrix-private.h"
#include "kw-matrix.h"

#define N_FINDINGS 1000
#define N_FRAMES 60

static KwBoard *
make_board (void)
{
  KwBoard *board = kw_board_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);

  for (guint i = 0; i < N_FINDINGS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding number %u from the workshop", i + 1);
      g_autoptr(KwFinding) finding = kw_finding_new (title);

      kw_finding_place (finding, g_rand_double_range (rand, 1, 9), g_rand_double_range (rand, 1, 9));
      kw_board_append_finding (board, finding);
    }

  return board;
}

/* Every finding moves 1.5 points up or down and 1.5 left or right, away
 * from the middle: far enough to be a move on both axes. */
static void
move_every_finding (KwBoard *board)
{
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);
      double impact = kw_finding_get_impact (finding);
      double effort = kw_finding_get_effort (finding);

      kw_finding_place (finding, impact + (impact < 5 ? 1.5 : -1.5), effort + (effort < 5 ? 1.5 : -1.5));
    }
}

static guint
count_moves (KwChanges *changes)
{
  guint n_moves = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (changes)); i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (G_LIST_MODEL (changes), i);
      KwChangeKind kind = kw_change_get_kind (change);

      if (kind == KW_CHANGE_OUTCOME || kind == KW_CHANGE_MOVED)
        n_moves++;
    }

  return n_moves;
}

/* What changes before each timed frame. */
typedef enum {
  FRAME_REDRAWN,    /* nothing: GTK redraws, and repaints only what differs */
  FRAME_EDITED,     /* one finding moves, and the comparison is made again */
  FRAME_REPAINTED,  /* the background: the whole matrix is repainted and
                     * every arrow drawn anew, as on entering the comparison */
} FrameKind;

typedef struct {
  KwMatrix   *matrix;
  KwBoard    *board;
  KwSnapshot *snapshot;  /* NULL: no comparison */
  KwChanges  *changes;   /* the board against it, made before the clock runs */
} Bench;

/* A finding moves half a point right or back, still a move since the
 * snapshot; with a comparison it is made again and handed over, as the
 * changes panel does after every edit. */
static void
edit (Bench *bench,
      guint  frame)
{
  KwFinding *finding = kw_board_get_finding (bench->board, frame % kw_board_get_n_findings (bench->board));
  double effort = kw_finding_get_effort (finding);

  kw_finding_place (finding, kw_finding_get_impact (finding), effort + ((frame / N_FINDINGS) % 2 ? -0.5 : 0.5));
  if (bench->snapshot != NULL)
    {
      g_autoptr(KwChanges) changes = kw_changes_new (bench->snapshot, bench->board);

      kw_matrix_set_changes (bench->matrix, changes);
    }
}

/* The median of N_FRAMES frames of the matrix, or a negative number when
 * frames stopped coming. */
static double
measure_frames (Bench     *bench,
                FrameKind  kind)
{
  KwBenchFrameProbe probe = { 0 };
  double frames[N_FRAMES];
  static guint n_edits = 0;

  kw_bench_frame_probe_attach (&probe, GTK_WIDGET (bench->matrix));

  /* Let the first frames (fonts, glyph caches) settle. */
  for (guint i = 0; i < 5 + N_FRAMES; i++)
    {
      gint64 change_begin, change_end;

      kw_bench_frame_probe_reset (&probe);
      change_begin = g_get_monotonic_time ();
      if (kind == FRAME_EDITED)
        edit (bench, n_edits++);
      else if (kind == FRAME_REPAINTED)
        kw_matrix_invalidate_background (bench->matrix);
      change_end = g_get_monotonic_time ();
      gtk_widget_queue_draw (GTK_WIDGET (bench->matrix));
      if (!kw_bench_frame_wait (&probe))
        {
          kw_bench_frame_probe_detach (&probe);
          g_printerr ("No frame came within %d s\n", (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC));
          return -1;
        }
      if (i >= 5)
        frames[i - 5] = (change_end - change_begin) / 1000.0 + kw_bench_frame_paint_ms (&probe);
    }

  kw_bench_frame_probe_detach (&probe);

  return kw_bench_median (frames, N_FRAMES);
}

/* The comparison shown or not, in a full repaint (every mark drawn
 * anew). */
static void
toggle_comparison (gboolean on,
                   gpointer data)
{
  Bench *bench = data;

  kw_matrix_set_changes (bench->matrix, on ? bench->changes : NULL);
  kw_matrix_invalidate_background (bench->matrix);
}

static gboolean
print_pair (Bench      *bench,
            FrameKind   kind,
            const char *name)
{
  KwSnapshot *snapshot = bench->snapshot;
  g_autoptr(KwChanges) changes = NULL;
  double plain, compared;

  bench->snapshot = NULL;
  kw_matrix_set_changes (bench->matrix, NULL);
  plain = measure_frames (bench, kind);

  bench->snapshot = snapshot;
  changes = kw_changes_new (snapshot, bench->board);
  kw_matrix_set_changes (bench->matrix, changes);
  compared = measure_frames (bench, kind);
  if (plain < 0 || compared < 0)
    return FALSE;

  g_print ("bench compare_%s_%u_ms %.2f ms\n", name, N_FINDINGS, compared);
  g_print ("bench plain_%s_%u_ms %.2f ms\n", name, N_FINDINGS, plain);
  g_print ("bench compare_%s_vs_plain %.2f x\n", name, compared / plain);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwHistory) history = NULL;
  g_autoptr(KwSnapshot) snapshot = NULL;
  g_autoptr(KwChanges) changes = NULL;
  const char *renderer = g_getenv ("GSK_RENDERER");
  GtkWindow *window;
  KwMatrix *matrix;
  Bench bench;
  guint n_moves;
  gboolean ok;

  /* Allocate as the app does (src/main.c). */
  kw_frame_memory_init ();
  gtk_init ();
  adw_init ();

  g_print ("# renderer: %s\n", renderer != NULL ? renderer : "default");

  board = make_board ();
  history = kw_history_new (board);
  snapshot = kw_snapshot_new_from_board (board, "Before", NULL, NULL);
  move_every_finding (board);
  changes = kw_changes_new (snapshot, board);
  n_moves = count_moves (changes);
  if (n_moves != N_FINDINGS)
    {
      g_printerr ("The board has %u moved findings, not %u\n", n_moves, N_FINDINGS);
      return EXIT_FAILURE;
    }

  matrix = KW_MATRIX (kw_matrix_new ());
  kw_matrix_set_board (matrix, board);
  kw_matrix_set_history (matrix, history);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (matrix));
  if (!kw_bench_show_window (window, GTK_WIDGET (matrix), 1000))
    {
      g_printerr ("The window did not show within %d s\n", (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC));
      return EXIT_FAILURE;
    }

  g_print ("# %u moved findings, %u frames of each kind\n", n_moves, N_FRAMES);
  bench.matrix = matrix;
  bench.board = board;
  bench.snapshot = snapshot;
  bench.changes = NULL;
  ok = print_pair (&bench, FRAME_REDRAWN, "frame") &&
       print_pair (&bench, FRAME_EDITED, "edit") &&
       print_pair (&bench, FRAME_REPAINTED, "repaint");
  if (ok)
    {
      /* What the arrows themselves add to a full repaint. */
      double own;

      bench.changes = kw_changes_new (snapshot, board);
      own = kw_bench_frame_own_cost (GTK_WIDGET (bench.matrix), toggle_comparison, &bench, N_FRAMES);
      g_clear_object (&bench.changes);

      ok = own >= 0;
      if (ok)
        g_print ("bench compare_repaint_own_%u_ms %.2f ms\n", N_FINDINGS, own);
    }
  gtk_window_destroy (window);

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
