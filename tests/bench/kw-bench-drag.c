/* kw-bench-drag.c: see kw-bench-drag.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kw-bench-drag.h"
#include "kw-matrix-private.h"

/* Pixels: well past the distance at which a press becomes a drag. */
#define START_OFFSET 12.0

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

KwBoard *
kw_bench_drag_make_board (guint       n_findings,
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

static void
fail (KwBenchDrag *drag,
      const char  *what)
{
  g_printerr ("%s\n", what);
  kw_bench_drag_abort (drag);
}

void
kw_bench_drag_abort (KwBenchDrag *drag)
{
  if (drag->probe.clock != NULL)
    kw_bench_frame_probe_detach (&drag->probe);
  g_clear_pointer (&drag->window, gtk_window_destroy);
}

gboolean
kw_bench_drag_begin (KwBenchDrag *drag,
                     KwBoard     *board,
                     KwHistory   *history,
                     KwFinding   *dragged)
{
  g_autoptr(GtkSelectionModel) selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (board))));
  double x_start, y_start;

  *drag = (KwBenchDrag) { 0 };
  drag->history = history;
  drag->matrix = KW_MATRIX (kw_matrix_new ());
  kw_matrix_set_board (drag->matrix, board);
  kw_matrix_set_history (drag->matrix, history);
  kw_matrix_set_selection (drag->matrix, selection);

  drag->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (drag->window, 1200, 800);
  gtk_window_set_child (drag->window, GTK_WIDGET (drag->matrix));
  if (!kw_bench_show_window (drag->window, GTK_WIDGET (drag->matrix), 1000))
    {
      fail (drag, "The window did not show in time");
      return FALSE;
    }

  kw_bench_frame_probe_attach (&drag->probe, GTK_WIDGET (drag->matrix));
  /* Let the first frames (fonts, glyph caches) settle. */
  for (guint i = 0; i < 5; i++)
    {
      kw_bench_frame_probe_reset (&drag->probe);
      gtk_widget_queue_draw (GTK_WIDGET (drag->matrix));
      if (!kw_bench_frame_wait (&drag->probe))
        {
          fail (drag, "No first frame came in time");
          return FALSE;
        }
    }

  /* On a board so crowded that the finding got no label, a neighbour
   * that has one is dragged instead: it is pressed on its label, as a
   * hand does (a bare marker may lie under another's label). */
  drag->dragged = pick_labelled (drag->matrix, board, dragged);
  drag->start_effort = kw_finding_get_effort (drag->dragged);
  if (!press_point (drag->matrix, drag->dragged, &drag->x, &drag->y))
    {
      fail (drag, "The dragged finding has no label or marker to press");
      return FALSE;
    }
  kw_matrix_score_to_point (drag->matrix, 0, 0, &x_start, &y_start);
  kw_matrix_score_to_point (drag->matrix, -1, 7, &drag->x_end, &drag->y_end);
  drag->x_end += drag->x - x_start;
  drag->y_end += drag->y - y_start;
  kw_matrix_pointer_press (drag->matrix, drag->x, drag->y, 0);

  /* A press becomes a drag only once the pointer has travelled a few
   * pixels; until then a motion changes nothing and no frame comes. Start
   * the drag untimed, as a hand does before it moves steadily. */
  kw_bench_frame_probe_reset (&drag->probe);
  kw_matrix_pointer_motion (drag->matrix, 0, -START_OFFSET);
  if (!kw_bench_frame_wait (&drag->probe))
    {
      fail (drag, "The drag did not start");
      return FALSE;
    }
  return TRUE;
}

double
kw_bench_drag_step (KwBenchDrag *drag,
                    double       t)
{
  gint64 change_begin, change_end;

  kw_bench_frame_probe_reset (&drag->probe);
  change_begin = g_get_monotonic_time ();
  kw_matrix_pointer_motion (drag->matrix, t * (drag->x_end - drag->x),
                            (1 - t) * -START_OFFSET + t * (drag->y_end - drag->y));
  change_end = g_get_monotonic_time ();

  if (!kw_bench_frame_wait (&drag->probe))
    {
      g_printerr ("No frame came within %d s\n", (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC));
      return -1;
    }
  return (change_end - change_begin) / 1000.0 + kw_bench_frame_paint_ms (&drag->probe);
}

gboolean
kw_bench_drag_end (KwBenchDrag *drag)
{
  kw_matrix_pointer_release (drag->matrix, drag->x_end - drag->x, drag->y_end - drag->y);
  if (kw_finding_get_effort (drag->dragged) - drag->start_effort < 2.0 || !kw_history_get_can_undo (drag->history))
    {
      g_printerr ("The drag did not move the finding (now at %.1f, %.1f)\n",
                  kw_finding_get_impact (drag->dragged), kw_finding_get_effort (drag->dragged));
      kw_bench_drag_abort (drag);
      return FALSE;
    }
  kw_bench_drag_abort (drag);
  return TRUE;
}
