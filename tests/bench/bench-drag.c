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

#include "kw-bench-drag.h"
#include "kw-frame-memory.h"

#define N_STEPS 200

static const guint board_sizes[] = { 0, 100, 1000, 5000 };

/* Returns the median frame time in milliseconds, or a negative number
 * when frames stopped coming. */
static double
measure_drag (guint n_findings)
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwHistory) history = NULL;
  KwBenchDrag drag;
  KwFinding *dragged;
  double frames[N_STEPS];
  double median;

  board = kw_bench_drag_make_board (n_findings, &dragged);
  history = kw_history_new (board);
  if (!kw_bench_drag_begin (&drag, board, history, dragged))
    return -1;

  for (guint step = 0; step < N_STEPS; step++)
    {
      frames[step] = kw_bench_drag_step (&drag, (step + 1.0) / N_STEPS);
      if (frames[step] < 0)
        {
          kw_bench_drag_abort (&drag);
          return -1;
        }
    }
  if (!kw_bench_drag_end (&drag))
    return -1;

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
