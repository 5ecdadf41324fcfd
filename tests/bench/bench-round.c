/* bench-round.c: a blind round on a board of 200 findings with 30
 * participants' estimates, each step against the 16 ms frame budget.
 *
 * Three steps, each with a baseline measured in the same run:
 *   load    the board read from its file (kw_format_load_bytes(), the
 *           file format with participants and estimates), against the same
 *           board without estimates;
 *   reveal  a round holding 30 estimates of each of the 200 findings put
 *           on the board as one undo step, plus the frame that shows the
 *           first step of the animation, against a frame of the matrix
 *           with nothing revealed;
 *   draw    a full repaint of the matrix with all 200 spreads (6,000
 *           markers and 200 crosses drawn anew, as on every frame of the
 *           reveal's animation), against the same repaint without them.
 * A frame's time is the change plus the frame clock's work from
 * "before-paint" to "after-paint" (layout, snapshot, render).
 *
 * Prints "bench round_STEP_ms VALUE ms" (the median), the baseline, their
 * ratio, and how much of the frame budget the step takes. Fails when a
 * frame never comes (kw-bench-frame.h's guard), never hangs. Run it under
 * a display (xvfb-run); GSK_RENDERER picks the renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-round"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "kw-bench-frame.h"
#include "kw-format.h"
#include "kw-frame-memory.h"
#include "kw-history.h"
#include "kw-matrix-private.h"
#include "kw-matrix.h"
#include "kw-round.h"

#define N_FINDINGS 200
#define N_PARTICIPANTS 30
#define N_RUNS 15
#define FRAME_BUDGET_MS 16.0

static void
add_participants (KwBoard *board)
{
  for (guint p = 0; p < N_PARTICIPANTS; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p + 1);
      g_autofree char *name = g_strdup_printf ("Participant %u", p + 1);
      g_autoptr(KwParticipant) participant = kw_participant_new (id, name, NULL);

      kw_participant_list_add (kw_board_get_participants (board), participant, G_MAXUINT);
    }
}

static KwBoard *
make_board (gboolean with_estimates)
{
  KwBoard *board = kw_board_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);

  add_participants (board);
  for (guint i = 0; i < N_FINDINGS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding number %u from the workshop", i + 1);
      g_autoptr(KwFinding) finding = kw_finding_new (title);

      kw_finding_place (finding, g_rand_double_range (rand, 1, 9), g_rand_double_range (rand, 1, 9));
      for (guint p = 0; with_estimates && p < N_PARTICIPANTS; p++)
        {
          g_autofree char *id = g_strdup_printf ("p%u", p + 1);
          KwEstimate estimate = { TRUE, g_rand_int_range (rand, 0, 101) / 10.0, g_rand_int_range (rand, 0, 101) / 10.0 };

          kw_finding_set_estimate (finding, id, &estimate);
        }
      kw_board_append_finding (board, finding);
    }

  return board;
}

/* The median time to read the board's file, in ms; negative on error. */
static double
measure_load (KwBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kw_format_save_bytes (board, &error);
  double runs[N_RUNS];

  if (bytes == NULL)
    {
      g_printerr ("Cannot write the board: %s\n", error->message);
      return -1;
    }

  for (guint i = 0; i < N_RUNS + 2; i++)
    {
      gint64 begin = g_get_monotonic_time ();
      g_autoptr(KwBoard) loaded = kw_format_load_bytes (bytes, "bench.kwadrant", &error);
      gint64 end = g_get_monotonic_time ();

      if (loaded == NULL)
        {
          g_printerr ("Cannot read the board back: %s\n", error->message);
          return -1;
        }
      if (i >= 2)
        runs[i - 2] = (end - begin) / 1000.0;
    }

  return kw_bench_median (runs, N_RUNS);
}

/* A round with every participant's estimate of every finding. */
static KwRound *
fill_round (KwBoard *board,
            guint    seed)
{
  KwRound *round = kw_round_new (board, NULL, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < N_FINDINGS; i++)
    for (guint p = 0; p < N_PARTICIPANTS; p++)
      {
        g_autofree char *id = g_strdup_printf ("p%u", p + 1);
        KwEstimate estimate = { TRUE, g_rand_int_range (rand, 0, 101) / 10.0, g_rand_int_range (rand, 0, 101) / 10.0 };

        kw_round_submit (round, kw_board_get_finding (board, i), id, &estimate);
      }

  return round;
}

typedef enum {
  STEP_REVEAL,   /* a full round revealed, and its first frame */
  STEP_REDRAW,   /* nothing changes: the baseline of the reveal */
  STEP_REPAINT,  /* the whole matrix drawn anew */
} Step;

typedef struct {
  KwMatrix  *matrix;
  KwBoard   *board;
  KwHistory *history;
} Bench;

/* The median of N_RUNS frames, or a negative number when frames stopped
 * coming or the reveal did not put every estimate on the board. */
static double
measure_frames (Bench  *bench,
                Step    step,
                double *change_ms)
{
  KwBenchFrameProbe probe = { 0 };
  double frames[N_RUNS];
  double changes[N_RUNS];

  kw_bench_frame_probe_attach (&probe, GTK_WIDGET (bench->matrix));
  for (guint i = 0; i < 2 + N_RUNS; i++)
    {
      g_autoptr(KwRound) round = NULL;
      gint64 change_begin, change_end;
      guint revealed = 0;

      /* Made and handed over before the clock starts: in the room they
       * come in one by one over minutes. */
      if (step == STEP_REVEAL)
        {
          round = fill_round (bench->board, 1000 + i);
          kw_matrix_set_round (bench->matrix, round);
        }
      kw_bench_frame_probe_reset (&probe);
      change_begin = g_get_monotonic_time ();
      if (step == STEP_REVEAL)
        revealed = kw_round_reveal (round, bench->history);
      else if (step == STEP_REPAINT)
        kw_matrix_invalidate_background (bench->matrix);
      change_end = g_get_monotonic_time ();
      gtk_widget_queue_draw (GTK_WIDGET (bench->matrix));
      if (!kw_bench_frame_wait (&probe))
        {
          kw_bench_frame_probe_detach (&probe);
          g_printerr ("No frame came within %d s\n", (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC));
          return -1;
        }
      if (step == STEP_REVEAL && revealed != N_FINDINGS * N_PARTICIPANTS)
        {
          kw_bench_frame_probe_detach (&probe);
          g_printerr ("The reveal put %u estimates on the board, not %u\n", revealed, N_FINDINGS * N_PARTICIPANTS);
          return -1;
        }
      if (i >= 2)
        {
          changes[i - 2] = (change_end - change_begin) / 1000.0;
          frames[i - 2] = changes[i - 2] + kw_bench_frame_paint_ms (&probe);
        }
      if (step == STEP_REVEAL)
        {
          /* Back to no estimates for the next run, off the clock. */
          kw_history_undo (bench->history);
          kw_matrix_set_round (bench->matrix, NULL);
        }
    }
  kw_bench_frame_probe_detach (&probe);
  if (change_ms != NULL)
    *change_ms = kw_bench_median (changes, N_RUNS);

  return kw_bench_median (frames, N_RUNS);
}

/* The spreads shown or not, in a full repaint. */
static void
toggle_spreads (gboolean on,
                gpointer data)
{
  Bench *bench = data;

  kw_matrix_set_show_spreads (bench->matrix, on);
  kw_matrix_invalidate_background (bench->matrix);
}

static void
print_step (const char *name,
            double      value,
            const char *baseline_name,
            double      baseline)
{
  g_print ("bench round_%s_%ux%u_ms %.2f ms\n", name, N_FINDINGS, N_PARTICIPANTS, value);
  g_print ("bench %s_%u_ms %.2f ms\n", baseline_name, N_FINDINGS, baseline);
  g_print ("bench round_%s_vs_baseline %.2f x\n", name, value / MAX (baseline, 0.001));
  g_print ("bench round_%s_of_frame_budget %.0f %%\n", name, 100 * value / FRAME_BUDGET_MS);
}

static gboolean
bench_load (void)
{
  g_autoptr(KwBoard) with = make_board (TRUE);
  g_autoptr(KwBoard) without = make_board (FALSE);
  double loaded = measure_load (with);
  double plain = measure_load (without);

  if (loaded < 0 || plain < 0)
    return FALSE;

  print_step ("load", loaded, "plain_load", plain);
  return TRUE;
}

static gboolean
bench_window (void)
{
  g_autoptr(KwBoard) board = make_board (FALSE);
  g_autoptr(KwHistory) history = kw_history_new (board);
  GtkWindow *window;
  Bench bench;
  double reveal, redraw, spreads, plain, own, reveal_change = 0;

  bench.matrix = KW_MATRIX (kw_matrix_new ());
  bench.board = board;
  bench.history = history;
  kw_matrix_set_board (bench.matrix, board);
  kw_matrix_set_history (bench.matrix, history);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  gtk_window_set_child (window, GTK_WIDGET (bench.matrix));
  if (!kw_bench_show_window (window, GTK_WIDGET (bench.matrix), 1000))
    {
      g_printerr ("The window did not show within %d s\n", (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC));
      return FALSE;
    }

  redraw = measure_frames (&bench, STEP_REDRAW, NULL);
  reveal = measure_frames (&bench, STEP_REVEAL, &reveal_change);
  plain = measure_frames (&bench, STEP_REPAINT, NULL);
  {
    /* The last reveal stays, still: every spread on the matrix. */
    g_autoptr(KwRound) round = fill_round (board, 1);

    kw_matrix_set_round (bench.matrix, round);
    kw_round_reveal (round, history);
    kw_matrix_set_show_spreads (bench.matrix, TRUE);
    spreads = measure_frames (&bench, STEP_REPAINT, NULL);
    /* What the spreads themselves add to a full repaint. */
    own = kw_bench_frame_own_cost (GTK_WIDGET (bench.matrix), toggle_spreads, &bench, N_RUNS);
    kw_matrix_set_show_spreads (bench.matrix, TRUE);
  }
  gtk_window_destroy (window);
  if (reveal < 0 || redraw < 0 || spreads < 0 || plain < 0 || own < 0)
    return FALSE;

  print_step ("reveal", reveal, "plain_frame", redraw);
  /* The estimates put on the board, without the frame. */
  g_print ("bench round_reveal_model_%ux%u_ms %.2f ms\n", N_FINDINGS, N_PARTICIPANTS, reveal_change);
  print_step ("draw", spreads, "plain_repaint", plain);
  g_print ("bench round_spreads_own_%ux%u_ms %.2f ms\n", N_FINDINGS, N_PARTICIPANTS, own);
  g_print ("bench round_spreads_own_of_frame_budget %.0f %%\n", 100 * own / FRAME_BUDGET_MS);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *renderer = g_getenv ("GSK_RENDERER");

  /* Allocate as the app does (src/main.c). */
  kw_frame_memory_init ();
  gtk_init ();
  adw_init ();
  /* The reveal's first frame, not its last: the animation runs on. */
  g_print ("# renderer: %s\n", renderer != NULL ? renderer : "default");
  g_print ("# %u findings, %u participants, %u runs of each step, budget %.0f ms\n",
           N_FINDINGS, N_PARTICIPANTS, N_RUNS, FRAME_BUDGET_MS);

  return bench_load () && bench_window () ? EXIT_SUCCESS : EXIT_FAILURE;
}
