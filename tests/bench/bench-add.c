/* bench-add.c: adding findings one at a time to a board shown in the
 * window, on a board of 10,000 findings against an empty one.
 *
 * Each finding is added the way the quick-add entry adds it (one history
 * step), then the benchmark waits until the window has painted the frame
 * that shows it and every idle (the lists, the tag filter) has run. What
 * one add costs must not grow with the board: a listener that walks the
 * whole board on every change makes a paste of many lines, or the undo of
 * a big delete, quadratic.
 *
 * Prints “bench add_one_to_10k_ms VALUE ms” (the median of single adds),
 * the same for the empty board and their ratio. A benchmark only: times
 * say as much about the machine's load as about the code, so the verdict
 * on the property lives in tests/test-add-scaling.c, which counts the
 * items each change touches instead. Needs a display (xvfb-run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-add"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "kw-format.h"
#include "kw-frame-memory.h"
#include "kw-gui-test.h"
#include "kw-history.h"
#include "kw-window.h"

#define LARGE_BOARD 10000
#define BENCH_ADDS 50
#define TIMEOUT_US (30 * G_USEC_PER_SEC)

static GtkApplication *app;
static char *tmp_dir;

typedef struct {
  gboolean painted;
} FrameProbe;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameProbe    *probe)
{
  probe->painted = TRUE;
}

static gboolean
iterate_until (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return *flag;
}

/* Runs whatever the change queued: idles of any priority. */
static void
drain_main_context (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GFile *
write_board (guint n_findings)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autofree char *name = g_strdup_printf ("board-%u.kwadrant", n_findings);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  kw_board_set_title (board, "Benchmark");
  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding number %u from the workshop", i + 1);
      g_autofree char *tag = g_strdup_printf ("team-%u", i % 20);
      const char *tags[] = { tag, NULL };
      g_autoptr(KwFinding) finding = kw_finding_new (title);

      /* One in ten waits in the tray, as after a real workshop. */
      if (i % 10 != 0)
        kw_finding_place (finding, (i * 7 % 101) / 10.0, (i * 13 % 101) / 10.0);
      kw_finding_set_tags (finding, tags);
      kw_board_append_finding (board, finding);
    }

  if (!kw_format_save_file (board, file, NULL, NULL, NULL, &error))
    g_error ("Cannot write the board: %s", error->message);

  return file;
}

static gboolean
window_ready (KwWindow *window)
{
  gboolean mapped = FALSE;
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

  while ((!gtk_widget_get_mapped (GTK_WIDGET (window)) || kw_window_get_loading (window)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  mapped = gtk_widget_get_mapped (GTK_WIDGET (window)) && !kw_window_get_loading (window);
  drain_main_context ();

  return mapped;
}

/* Adds one finding as the quick-add entry does and returns the time in
 * microseconds until its frame is painted and the idles have run;
 * negative when no frame came. */
static gint64
add_one (KwWindow      *window,
         GdkFrameClock *clock,
         guint          number)
{
  g_autofree char *title = g_strdup_printf ("Added finding %u", number);
  g_autoptr(KwFinding) finding = kw_finding_new (title);
  FrameProbe probe = { FALSE };
  gint64 started = g_get_monotonic_time ();
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);
  kw_history_add (kw_window_get_history (window), finding, G_MAXUINT);
  if (!iterate_until (&probe.painted))
    {
      g_signal_handler_disconnect (clock, handler);
      return -1;
    }
  g_signal_handler_disconnect (clock, handler);
  drain_main_context ();

  return g_get_monotonic_time () - started;
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Fills times[0..n_adds) with the time of each add, in microseconds. */
static gboolean
measure_adds (guint   n_findings,
              guint   n_adds,
              gint64 *times)
{
  g_autoptr(GFile) file = write_board (n_findings);
  KwWindow *window = kw_window_new (app);
  GdkFrameClock *clock;
  gboolean ok = TRUE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  kw_window_load_file (window, file);
  if (!window_ready (window))
    {
      g_printerr ("The window with %u findings did not show\n", n_findings);
      gtk_window_destroy (GTK_WINDOW (window));
      return FALSE;
    }

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  /* Warm up: glyph caches, the first rows of the lists. */
  for (guint i = 0; i < 3 && ok; i++)
    ok = add_one (window, clock, G_MAXUINT - i) >= 0;

  for (guint i = 0; i < n_adds && ok; i++)
    {
      times[i] = add_one (window, clock, i + 1);
      ok = times[i] >= 0;
    }

  if (ok && kw_board_get_n_findings (kw_window_get_board (window)) != n_findings + n_adds + 3)
    {
      g_printerr ("The board with %u findings did not get the added ones\n", n_findings);
      ok = FALSE;
    }
  else if (!ok)
    g_printerr ("No frame came within %d s on the board with %u findings\n",
                (int) (TIMEOUT_US / G_USEC_PER_SEC), n_findings);

  /* A changed board asks before it closes; this one may go. */
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();

  return ok;
}

static double
median_ms (gint64 *times,
           guint   n)
{
  qsort (times, n, sizeof times[0], compare_int64);
  return times[n / 2] / 1000.0;
}

static int
run_bench (void)
{
  gint64 empty[BENCH_ADDS], large[BENCH_ADDS];
  double empty_ms, large_ms;

  if (!measure_adds (0, BENCH_ADDS, empty) || !measure_adds (LARGE_BOARD, BENCH_ADDS, large))
    return EXIT_FAILURE;

  empty_ms = median_ms (empty, BENCH_ADDS);
  large_ms = median_ms (large, BENCH_ADDS);
  g_print ("bench add_one_to_empty_ms %.2f ms\n", empty_ms);
  g_print ("bench add_one_to_10k_ms %.2f ms\n", large_ms);
  g_print ("bench add_one_10k_vs_empty %.2f x\n", large_ms / empty_ms);

  return EXIT_SUCCESS;
}

/* Drafts and the recent files list land under the folder too. */
int
main (void)
{
  g_autofree char *data_home = NULL;
  int status;

  /* Recent files and drafts go to a folder of our own. */
  tmp_dir = g_dir_make_tmp ("kw-bench-add-XXXXXX", NULL);
  g_assert (tmp_dir != NULL);
  data_home = g_build_filename (tmp_dir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  /* Allocate as the app does (src/main.c). */
  kw_frame_memory_init ();
  gtk_init ();
  adw_init ();

  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.BenchAdd");

  status = run_bench ();

  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
