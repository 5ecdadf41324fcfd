/* bench-placement.c: the time to place the labels of a whole board
 * (kw_matrix_placement_new(), AUTO, 1920×1080 at 24 px text with a
 * legend: the projector case) for 30, 60, 500 and 5,000 findings.
 *
 * Two baselines, measured in the same run, in turns with the placement:
 *
 *  - "wrap": wrapping every title with Pango at the first wrap width, the
 *    text work any label drawing needs; placement ÷ wrap says what the
 *    search, the step-down and the legend cost on top of setting the text
 *    once.
 *  - "linear": the very same placement with the spatial index off, every
 *    collision test scanning everything placed so far (the same result,
 *    test-matrix-placement checks it); linear ÷ placement is what the
 *    index gains. At 5,000 findings it runs once, since it takes seconds.
 *
 * Also prints the placement's time against a 60 Hz frame (16.7 ms).
 * Prints "bench NAME VALUE UNIT" lines; exits with 1 when a placement
 * leaves findings out of the legend. Every run is bounded: no waiting on
 * anything, so it cannot hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-placement"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "kw-matrix-placement.h"
#include "kw-matrix-placement-private.h"
#include "kw-matrix-text.h"

#define SEED 20261204
#define FRAME_MS (1000.0 / 60.0)

static const char * const words[] = {
  "klant", "wachtrij", "terugbellen", "kennisbank", "agent", "chat", "e-mail", "planning",
  "rapportage", "klacht", "script", "coaching", "telefonie", "website", "formulier", "app",
  "overdracht", "escalatie", "piekuren", "enquête", "factuur", "adreswijziging", "self-service",
  "de", "het", "een", "voor", "met", "naar", "beter", "sneller", "inzetten", "verbeteren",
};

typedef struct {
  GPtrArray             *titles;
  KwMatrixPlacementItem *items;
  guint                  n_items;
  KwThresholds           thresholds;
} Board;

/* Titles of 25 to 60 characters, scores on halves clustered around a few
 * spots as a workshop gives them, numbered by outcome as the plan does. */
static Board *
make_board (guint n_items)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + n_items);
  Board *board = g_new0 (Board, 1);
  double centres[4][2];
  guint number = 1;

  board->titles = g_ptr_array_new_with_free_func (g_free);
  board->items = g_new0 (KwMatrixPlacementItem, n_items);
  board->n_items = n_items;
  kw_thresholds_init_default (&board->thresholds);

  for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
    {
      centres[c][0] = g_rand_double_range (rand, 1, 9);
      centres[c][1] = g_rand_double_range (rand, 1, 9);
    }

  for (guint i = 0; i < n_items; i++)
    {
      GString *title = g_string_new (NULL);
      guint target = (guint) g_rand_int_range (rand, 25, 61);
      guint c = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (centres));
      KwMatrixPlacementItem *item = &board->items[i];

      while (title->len < target)
        {
          if (title->len > 0)
            g_string_append_c (title, ' ');
          g_string_append (title, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      item->data = GUINT_TO_POINTER (i + 1);
      item->impact = round (2 * CLAMP (centres[c][0] + g_rand_double_range (rand, -2, 2), 0, 10)) / 2;
      item->effort = round (2 * CLAMP (centres[c][1] + g_rand_double_range (rand, -2, 2), 0, 10)) / 2;
      item->outcome = kw_outcome_classify (TRUE, item->impact, item->effort, &board->thresholds);
      item->title = title->str;
      g_ptr_array_add (board->titles, g_string_free (title, FALSE));
    }

  for (KwOutcome outcome = 0; outcome < KW_OUTCOME_UNPLACED; outcome++)
    for (guint i = 0; i < n_items; i++)
      if (board->items[i].outcome == outcome)
        board->items[i].number = number++;

  return board;
}

static void
board_free (Board *board)
{
  g_ptr_array_unref (board->titles);
  g_free (board->items);
  g_free (board);
}

typedef struct {
  const Board             *board;
  KwMatrixLayout           layout;
  KwMatrixPlacementOptions options;
  gboolean                 use_index;
  gboolean                 failed;
  KwMatrixLabelMode        mode;   /* of the last placement */
} Run;

static double
time_placement (Run *run)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(KwMatrixPlacement) placement =
    kw_matrix_placement_new_full (&run->layout, &run->board->thresholds, run->board->items,
                                  run->board->n_items, &run->options, run->use_index);
  double ms = (g_get_monotonic_time () - start) / 1000.0;

  run->mode = placement->mode;
  /* Whatever the mode, every finding must be readable somewhere. */
  if (placement->mode == KW_MATRIX_LABELS_NUMBERS && placement->legend->len != run->board->n_items)
    run->failed = TRUE;

  return ms;
}

static double
time_wrap (const Run *run)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(KwMatrixText) text = kw_matrix_text_new (KW_MATRIX_PLACEMENT_FONT, run->options.text_size);

  for (guint i = 0; i < run->board->n_items; i++)
    {
      KwWrappedText wrapped;

      kw_matrix_text_wrap (text, run->board->items[i].title, 14 * run->options.text_size,
                           KW_MATRIX_PLACEMENT_MAX_LINES, &wrapped);
      kw_wrapped_text_clear (&wrapped);
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static gboolean
bench_size (guint n_items,
            guint n_runs,
            guint n_linear_runs)
{
  Board *board = make_board (n_items);
  Run run = { .board = board,
              .options = { .text_size = 24, .with_legend = TRUE } };
  g_autofree double *placed = g_new0 (double, n_runs);
  g_autofree double *wrapped = g_new0 (double, n_runs);
  g_autofree double *linear = g_new0 (double, MAX (n_linear_runs, 1));
  double placed_ms, wrapped_ms, linear_ms;
  gboolean ok;

  kw_matrix_layout_init (&run.layout, 1920, 1080, 1.0, FALSE);

  /* Warm up: fonts load on the first use. */
  run.use_index = TRUE;
  time_placement (&run);
  time_wrap (&run);

  for (guint r = 0; r < n_runs; r++)
    {
      run.use_index = TRUE;
      placed[r] = time_placement (&run);
      wrapped[r] = time_wrap (&run);
      if (r < n_linear_runs)
        {
          run.use_index = FALSE;
          linear[r] = time_placement (&run);
        }
    }

  placed_ms = median (placed, n_runs);
  wrapped_ms = median (wrapped, n_runs);
  linear_ms = n_linear_runs > 0 ? median (linear, n_linear_runs) : NAN;

  printf ("bench placement-%u %.2f ms\n", n_items, placed_ms);
  printf ("bench placement-%u-wrap %.2f ms\n", n_items, wrapped_ms);
  printf ("bench placement-%u-linear %.2f ms\n", n_items, linear_ms);
  printf ("bench placement-%u-vs-wrap %.2f x\n", n_items, placed_ms / wrapped_ms);
  printf ("bench placement-%u-index-speedup %.2f x\n", n_items, linear_ms / placed_ms);
  printf ("bench placement-%u-vs-frame %.2f x\n", n_items, placed_ms / FRAME_MS);
  printf ("# placement-%u: drawn as %s\n", n_items, run.mode == KW_MATRIX_LABELS_CARDS ? "titles" : "numbers");
  fflush (stdout);

  ok = !run.failed;
  if (!ok)
    fprintf (stderr, "placement-%u: a finding is missing from the legend\n", n_items);
  board_free (board);

  return ok;
}

/* Usage: bench-placement [N]: only the board of N findings (to profile). */
int
main (int   argc,
      char *argv[])
{
  gboolean ok = TRUE;

  if (argc > 1)
    return bench_size ((guint) g_ascii_strtoull (argv[1], NULL, 10), 5, 0) ? 0 : 1;

  ok &= bench_size (30, 15, 15);
  ok &= bench_size (60, 15, 15);
  ok &= bench_size (500, 7, 3);
  ok &= bench_size (5000, 3, 1);

  return ok ? 0 : 1;
}
