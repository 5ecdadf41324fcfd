/* bench-drag.c: the frame time while one card is dragged across the
 * matrix, on boards of 0, 100, 1,000 and 5,000 other findings.
 *
 * Each board gets a fresh 1200×800 window. One card is pressed and moved
 * in 200 steps, the way the drag gesture moves it (the same entry points);
 * after each step the benchmark waits for the frame that shows it. A
 * frame's time is the model change plus the frame clock's work from
 * "before-paint" to "after-paint" (layout, snapshot, render), so the wait
 * for the display's refresh does not count.
 *
 * Prints “bench drag_frame_N_ms VALUE ms” (the median) per size, the ratio
 * to the empty board, and the growth from 1,000 to 5,000 findings. Run it
 * under a display (xvfb-run); GSK_RENDERER picks the renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-drag"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>

#include "kw-bench-frame.h"
#include "kw-frame-memory.h"
#include "kw-history.h"
#include "kw-matrix-private.h"
#include "kw-matrix.h"

#define N_STEPS 200
/* Pixels: well past the distance at which a press becomes a drag. */
#define START_OFFSET 12.0

static const guint board_sizes[] = { 0, 100, 1000, 5000 };

/* Where to press to drag the finding: the middle of its label, or its
 * marker when it has no label (no room on a crowded board). */
static gboolean
press_point (KwMatrix  *matrix,
             KwFinding *finding,
             double    *x,
             double    *y)
{
  GtkWidget *card = kw_matrix_get_card (matrix, finding);
  graphene_rect_t bounds;

  if (card == NULL)
    return FALSE;

  if (gtk_widget_get_child_visible (card) && gtk_widget_compute_bounds (card, GTK_WIDGET (matrix), &bounds))
    {
      *x = bounds.origin.x + bounds.size.width / 2;
      *y = bounds.origin.y + bounds.size.height / 2;
      return TRUE;
    }

  kw_matrix_score_to_point (matrix, kw_finding_get_impact (finding), kw_finding_get_effort (finding), x, y);
  return TRUE;
}

/* The finding itself when its label is shown, else the shown one in the
 * low-effort half nearest to it (so the drag has room to the right). */
static KwFinding *
pick_labelled (KwMatrix  *matrix,
               KwBoard   *board,
               KwFinding *wanted)
{
  GtkWidget *card = kw_matrix_get_card (matrix, wanted);
  KwFinding *best = wanted;
  double best_distance = G_MAXDOUBLE;

  if (card != NULL && gtk_widget_get_child_visible (card))
    return wanted;

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);
      double d;

      card = kw_matrix_get_card (matrix, finding);
      if (card == NULL || !gtk_widget_get_child_visible (card) || kw_finding_get_effort (finding) > 3.0)
        continue;
      d = hypot (kw_finding_get_impact (finding) - kw_finding_get_impact (wanted),
                 kw_finding_get_effort (finding) - kw_finding_get_effort (wanted));
      if (d < best_distance)
        {
          best_distance = d;
          best = finding;
        }
    }

  return best;
}

static KwBoard *
make_board (guint       n_findings,
            KwFinding **dragged)
{
  KwBoard *board = kw_board_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122 + n_findings);
  g_autoptr(KwFinding) finding = kw_finding_new ("The finding that is dragged across");

  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding number %u from the workshop", i + 1);
      g_autoptr(KwFinding) other = kw_finding_new (title);

      kw_finding_place (other, g_rand_double_range (rand, 0, 10), g_rand_double_range (rand, 0, 10));
      kw_board_append_finding (board, other);
    }

  kw_finding_place (finding, 5.5, 1.5);
  kw_board_append_finding (board, finding);
  *dragged = finding;

  return board;
}

/* Returns the median frame time in milliseconds, or a negative number
 * when frames stopped coming. */
static double
measure_drag (guint n_findings)
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwHistory) history = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;
  KwFinding *dragged;
  GtkWindow *window;
  KwMatrix *matrix;
  KwBenchFrameProbe probe = { 0 };
  double frames[N_STEPS];
  double x, y, x_start, y_start, x_end, y_end, median, start_effort;

  board = make_board (n_findings, &dragged);
  history = kw_history_new (board);
  selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (board))));

  matrix = KW_MATRIX (kw_matrix_new ());
  kw_matrix_set_board (matrix, board);
  kw_matrix_set_history (matrix, history);
  kw_matrix_set_selection (matrix, selection);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (matrix));
  if (!kw_bench_show_window (window, GTK_WIDGET (matrix), 1000))
    {
      g_printerr ("The window did not show within %d s at %u findings\n",
                  (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC), n_findings);
      gtk_window_destroy (window);
      return -1;
    }

  kw_bench_frame_probe_attach (&probe, GTK_WIDGET (matrix));

  /* Let the first frames (fonts, glyph caches) settle. */
  for (guint i = 0; i < 5; i++)
    {
      kw_bench_frame_probe_reset (&probe);
      gtk_widget_queue_draw (GTK_WIDGET (matrix));
      if (!kw_bench_frame_wait (&probe))
        {
          g_printerr ("No first frame came within %d s at %u findings\n",
                      (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC), n_findings);
          kw_bench_frame_probe_detach (&probe);
          gtk_window_destroy (window);
          return -1;
        }
    }

  /* On a board so crowded that the finding got no label, a neighbour
   * that has one is dragged instead: it is pressed on its label, as a
   * hand does (a bare marker may lie under another's label). */
  dragged = pick_labelled (matrix, board, dragged);
  start_effort = kw_finding_get_effort (dragged);
  if (!press_point (matrix, dragged, &x, &y))
    {
      g_printerr ("The dragged finding has no label or marker to press at %u findings\n", n_findings);
      kw_bench_frame_probe_detach (&probe);
      gtk_window_destroy (window);
      return -1;
    }
  kw_matrix_score_to_point (matrix, 0, 0, &x_start, &y_start);
  kw_matrix_score_to_point (matrix, -1, 7, &x_end, &y_end);
  x_end += x - x_start;
  y_end += y - y_start;
  kw_matrix_pointer_press (matrix, x, y, 0);

  /* A press becomes a drag only once the pointer has travelled a few
   * pixels; until then a motion changes nothing and no frame comes. Start
   * the drag untimed, as a hand does before it moves steadily. */
  kw_bench_frame_probe_reset (&probe);
  kw_matrix_pointer_motion (matrix, 0, -START_OFFSET);
  if (!kw_bench_frame_wait (&probe))
    {
      g_printerr ("The drag did not start at %u findings\n", n_findings);
      kw_bench_frame_probe_detach (&probe);
      gtk_window_destroy (window);
      return -1;
    }

  for (guint step = 0; step < N_STEPS; step++)
    {
      double t = (step + 1.0) / N_STEPS;
      gint64 change_begin, change_end;

      kw_bench_frame_probe_reset (&probe);
      change_begin = g_get_monotonic_time ();
      kw_matrix_pointer_motion (matrix, t * (x_end - x), (1 - t) * -START_OFFSET + t * (y_end - y));
      change_end = g_get_monotonic_time ();

      if (!kw_bench_frame_wait (&probe))
        {
          g_printerr ("No frame came within %d s at %u findings\n",
                      (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC), n_findings);
          kw_bench_frame_probe_detach (&probe);
          gtk_window_destroy (window);
          return -1;
        }

      frames[step] = (change_end - change_begin) / 1000.0 + kw_bench_frame_paint_ms (&probe);
    }

  kw_matrix_pointer_release (matrix, x_end - x, y_end - y);
  if (kw_finding_get_effort (dragged) - start_effort < 2.0 || !kw_history_get_can_undo (history))
    {
      g_printerr ("The drag did not move the finding at %u findings (now at %.1f, %.1f)\n", n_findings, kw_finding_get_impact (dragged), kw_finding_get_effort (dragged));
      kw_bench_frame_probe_detach (&probe);
      gtk_window_destroy (window);
      return -1;
    }

  kw_bench_frame_probe_detach (&probe);
  gtk_window_destroy (window);

  median = kw_bench_median (frames, N_STEPS);
  g_print ("# %u findings: median %.2f ms, 90th percentile %.2f ms, max %.2f ms\n",
           n_findings, median, frames[N_STEPS * 9 / 10], frames[N_STEPS - 1]);

  return median;
}

int
main (int   argc,
      char *argv[])
{
  double results[G_N_ELEMENTS (board_sizes)];
  const char *renderer = g_getenv ("GSK_RENDERER");

  /* Allocate as the app does (src/main.c). */
  kw_frame_memory_init ();
  gtk_init ();
  adw_init ();

  g_print ("# renderer: %s\n", renderer != NULL ? renderer : "default");

  for (guint i = 0; i < G_N_ELEMENTS (board_sizes); i++)
    {
      results[i] = measure_drag (board_sizes[i]);
      if (results[i] < 0)
        return EXIT_FAILURE;
      g_print ("bench drag_frame_%u_ms %.2f ms\n", board_sizes[i], results[i]);
    }

  for (guint i = 1; i < G_N_ELEMENTS (board_sizes); i++)
    g_print ("bench drag_frame_%u_vs_empty %.2f x\n", board_sizes[i], results[i] / results[0]);
  g_print ("bench drag_frame_growth_5000_vs_1000 %.2f x\n", results[3] / results[2]);

  return EXIT_SUCCESS;
}
