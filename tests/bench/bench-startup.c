/* bench-startup.c: start-up to the first frame, kwadrant on a board
 * against gtk4-demo, in turns (A B A B …) in the same run, after a warm-up
 * of each.
 *
 * The moment counted is the first time the program's toplevel window has
 * content: the X server tells us (a Damage event) rather than us polling
 * it, so the measuring costs the measured programs no CPU time. The X
 * server itself damages a window when it maps it, filling it with one
 * colour; a damage counts only when the window then shows more than one
 * colour (read back after the moment is taken). Needs a display (the test
 * command provides Xvfb).
 *
 * Usage: bench-startup KWADRANT BOARD [RUNS]
 *
 * Besides the wall time it reports the CPU time each program had used by
 * then (all its threads, user and system), which a busy machine disturbs
 * far less: the wall time includes waiting for a core.
 *
 * Prints “bench NAME VALUE UNIT” lines; exits with 1 when a program shows
 * no window within 20 seconds or exits before it does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "kw-bench-x11.h"

#define DEFAULT_RUNS 15
#define TIMEOUT_US (20 * G_USEC_PER_SEC)

/* CPU time the process has used so far, in milliseconds: utime + stime of
 * /proc/PID/stat (fields 14 and 15), which include threads that ended. */
static double
cpu_ms (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  unsigned long utime, stime;
  const char *after_name;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return 0.0;
  /* The command name (field 2) may hold spaces; it ends at the last ')'. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL ||
      sscanf (after_name + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
              &utime, &stime) != 2)
    return 0.0;
  return (utime + stime) * 1000.0 / sysconf (_SC_CLK_TCK);
}

static void
take_cpu_time (pid_t    pid,
               gpointer data)
{
  *(double *) data = cpu_ms (pid);
}

/* Milliseconds from exec to the first content in the program's window,
 * and the CPU milliseconds the program had used by then. */
static gboolean
time_to_first_frame (KwBenchScreen  *screen,
                     char * const   *argv,
                     double         *ms,
                     double         *cpu,
                     GError        **error)
{
  gint64 start = g_get_monotonic_time ();
  KwBenchWindow window;

  if (!kw_bench_window_start (screen, argv, NULL, start + TIMEOUT_US, take_cpu_time, cpu,
                              &window, error))
    return FALSE;
  *ms = (window.first_frame - start) / 1000.0;
  kw_bench_window_stop (screen, &window);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  KwBenchScreen screen = { 0 };
  guint runs = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : DEFAULT_RUNS;
  g_autofree double *kwadrant_ms = NULL;
  g_autofree double *demo_ms = NULL;
  g_autofree double *kwadrant_cpu = NULL;
  g_autofree double *demo_cpu = NULL;
  double ignored, ignored_cpu;
  gboolean ok;

  if (argc < 3 || runs == 0)
    {
      fprintf (stderr, "usage: bench-startup KWADRANT BOARD [RUNS]\n");
      return 2;
    }

  {
    char *kwadrant_argv[] = { argv[1], argv[2], NULL };
    char *demo_argv[] = { (char *) "gtk4-demo", NULL };

    kwadrant_ms = g_new0 (double, runs);
    demo_ms = g_new0 (double, runs);
    kwadrant_cpu = g_new0 (double, runs);
    demo_cpu = g_new0 (double, runs);

    /* The warm-up fills the caches (files, fonts, shaders) for both. */
    ok = kw_bench_screen_open (&screen, &error) &&
         time_to_first_frame (&screen, kwadrant_argv, &ignored, &ignored_cpu, &error) &&
         time_to_first_frame (&screen, demo_argv, &ignored, &ignored_cpu, &error);
    for (guint i = 0; ok && i < runs; i++)
      ok = time_to_first_frame (&screen, kwadrant_argv, &kwadrant_ms[i], &kwadrant_cpu[i], &error) &&
           time_to_first_frame (&screen, demo_argv, &demo_ms[i], &demo_cpu[i], &error);
  }

  kw_bench_screen_close (&screen);
  if (!ok)
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return 1;
    }

  {
    double kwadrant = kw_bench_median (kwadrant_ms, runs);
    double demo = kw_bench_median (demo_ms, runs);

    printf ("bench startup_kwadrant_ms %.1f ms\n", kwadrant);
    printf ("bench startup_gtk4_demo_ms %.1f ms\n", demo);
    printf ("bench startup_vs_gtk4_demo_ratio %.2f x\n", kwadrant / demo);
  }
  {
    double kwadrant = kw_bench_median (kwadrant_cpu, runs);
    double demo = kw_bench_median (demo_cpu, runs);

    printf ("bench startup_kwadrant_cpu_ms %.0f ms\n", kwadrant);
    printf ("bench startup_gtk4_demo_cpu_ms %.0f ms\n", demo);
    printf ("bench startup_cpu_vs_gtk4_demo_ratio %.2f x\n", kwadrant / demo);
  }
  return 0;
}
