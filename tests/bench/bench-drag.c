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

#include "kw-history.h"
#include "kw-matrix-private.h"
#include "kw-matrix.h"

#define N_STEPS 200
#define FRAME_TIMEOUT_US (5 * G_USEC_PER_SEC)
/* Pixels: well past the distance at which a press becomes a drag. */
#define START_OFFSET 12.0

static const guint board_sizes[] = { 0, 100, 1000, 5000 };

typedef struct {
  gint64   paint_begin;
  gint64   paint_end;
  gboolean painted;
} FrameProbe;

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameProbe    *probe)
{
  probe->paint_begin = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameProbe    *probe)
{
  probe->paint_end = g_get_monotonic_time ();
  probe->painted = TRUE;
}

static gboolean
deadline_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until *done turns TRUE or timeout_us passes. A
 * timeout source wakes the blocking iteration: without it, a frame that
 * never comes (a renderer that draws nothing) would leave
 * g_main_context_iteration() waiting for ever. */
static gboolean
iterate_until (const gboolean *done,
               gint64          timeout_us)
{
  gboolean expired = FALSE;
  guint deadline_id = g_timeout_add ((guint) (timeout_us / 1000), deadline_cb, &expired);

  while (!*done && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (deadline_id);

  return *done;
}

static gboolean
wait_for_frame (FrameProbe *probe)
{
  return iterate_until (&probe->painted, FRAME_TIMEOUT_US);
}

/* Runs once a frame while the matrix is realized. */
static gboolean
allocated_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  gboolean *ready = data;

  *ready = gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) >= 1000;
  return *ready ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

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

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
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
  GdkFrameClock *clock;
  FrameProbe probe = { 0 };
  double frames[N_STEPS];
  double x, y, x_start, y_start, x_end, y_end, median, start_effort;
  gboolean ready = FALSE;
  guint tick_id;

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
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (matrix), allocated_tick_cb, &ready, NULL);
  gtk_window_present (window);

  if (!iterate_until (&ready, FRAME_TIMEOUT_US))
    {
      g_printerr ("The window did not show within %d s at %u findings\n",
                  (int) (FRAME_TIMEOUT_US / G_USEC_PER_SEC), n_findings);
      gtk_widget_remove_tick_callback (GTK_WIDGET (matrix), tick_id);
      gtk_window_destroy (window);
      return -1;
    }

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (matrix));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &probe);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);

  /* Let the first frames (fonts, glyph caches) settle. */
  for (guint i = 0; i < 5; i++)
    {
      probe.painted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (matrix));
      if (!wait_for_frame (&probe))
        {
          g_printerr ("No first frame came within %d s at %u findings\n",
                      (int) (FRAME_TIMEOUT_US / G_USEC_PER_SEC), n_findings);
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
  probe.painted = FALSE;
  kw_matrix_pointer_motion (matrix, 0, -START_OFFSET);
  if (!wait_for_frame (&probe))
    {
      g_printerr ("The drag did not start at %u findings\n", n_findings);
      gtk_window_destroy (window);
      return -1;
    }

  for (guint step = 0; step < N_STEPS; step++)
    {
      double t = (step + 1.0) / N_STEPS;
      gint64 change_begin, change_end;

      probe.painted = FALSE;
      change_begin = g_get_monotonic_time ();
      kw_matrix_pointer_motion (matrix, t * (x_end - x), (1 - t) * -START_OFFSET + t * (y_end - y));
      change_end = g_get_monotonic_time ();

      if (!wait_for_frame (&probe))
        {
          g_printerr ("No frame came within %d s at %u findings\n",
                      (int) (FRAME_TIMEOUT_US / G_USEC_PER_SEC), n_findings);
          gtk_window_destroy (window);
          return -1;
        }

      frames[step] = ((change_end - change_begin) + (probe.paint_end - probe.paint_begin)) / 1000.0;
    }

  kw_matrix_pointer_release (matrix, x_end - x, y_end - y);
  if (kw_finding_get_effort (dragged) - start_effort < 2.0 || !kw_history_get_can_undo (history))
    {
      g_printerr ("The drag did not move the finding at %u findings (now at %.1f, %.1f)\n", n_findings, kw_finding_get_impact (dragged), kw_finding_get_effort (dragged));
      gtk_window_destroy (window);
      return -1;
    }

  g_signal_handlers_disconnect_by_data (clock, &probe);
  gtk_window_destroy (window);

  qsort (frames, N_STEPS, sizeof frames[0], compare_doubles);
  median = frames[N_STEPS / 2];
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
