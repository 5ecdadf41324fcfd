/* bench-keys.c: the app's share of a workshop at the speed of talk, as the
 * time from a key to the frame that shows its result, on boards of 30 and
 * 500 findings.
 *
 * The real app runs in a real window; the keys are real X key events
 * (XTEST) and the frames are reported by the X server (DAMAGE), so what is
 * measured is what a facilitator waits for: the key's event, the app's
 * handling of it, layout, drawing and the frame reaching the screen. After
 * each key the benchmark waits for the window to be still again (no frame
 * for QUIET_MS) before the next one, so an animation's later frames never
 * count for the next key.
 *
 * The flow, RUNS times per board: focus the quick-add entry, type a title,
 * Return adds it to the tray; Tab goes to it, the digit 8 opens the
 * placement entry, " 2" and Return place it; Ctrl+Z takes the placement
 * back, and a second Ctrl+Z the add, so every round starts from the same
 * board.
 *
 * Prints “bench keys_STEP_N_ms VALUE ms” (the median per step and board
 * size), the slowest step at 500 findings, and each step's ratio to typing
 * a letter into the entry on the same board, measured in the same run (a
 * frame nearly every GTK app draws for a key). Exits 1 when a key gets no
 * frame within KEY_TIMEOUT_US or the app shows no window: it never hangs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-keys"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <X11/keysym.h>
#include <X11/extensions/XTest.h>

#include <gio/gio.h>

#include "kw-board.h"
#include "kw-format.h"
#include "kw-bench-x11.h"

#define RUNS 7
#define QUIET_MS 250
#define START_TIMEOUT_US (60 * G_USEC_PER_SEC)
#define KEY_TIMEOUT_US (10 * G_USEC_PER_SEC)
#define SETTLE_TIMEOUT_US (30 * G_USEC_PER_SEC)

typedef struct
{
  const char *name;        /* the step's name in the bench lines */
  KeySym      keysym;
  guint       modifiers;   /* ControlMask */
  gboolean    measured;    /* FALSE: pressed for the flow, not timed (it
                            * may change nothing on screen) */
} Step;

/* One round of the flow; every step must change what the window shows. */
static const Step flow[] = {
  { NULL,          XK_l, ControlMask, FALSE },  /* the quick-add entry */
  { "type_letter", XK_k, 0, TRUE },
  { NULL,          XK_w, 0, FALSE },
  { "add",         XK_Return, 0, TRUE },
  { NULL,          XK_Tab, 0, FALSE },          /* to the new finding in the tray */
  { "open_placement", XK_8, 0, TRUE },
  { NULL,          XK_space, 0, FALSE },
  { NULL,          XK_2, 0, FALSE },
  { "place",       XK_Return, 0, TRUE },
  { "undo",        XK_z, ControlMask, TRUE },   /* back to the tray */
  { NULL,          XK_z, ControlMask, FALSE },  /* and the add undone: the board as it was */
};

#define N_FLOW G_N_ELEMENTS (flow)
#define BASELINE_STEP 1  /* type_letter */

static const guint board_sizes[] = { 30, 500 };

typedef struct
{
  KwBenchScreen  screen;
  KwBenchWindow  window;
  char          *tmp_dir;
} Bench;

static char *
write_board (const char *dir,
             guint       n_findings)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autofree char *name = g_strdup_printf ("board-%u.kwadrant", n_findings);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  kw_board_set_title (board, "Benchmark");
  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding %u: callers wait too long", i + 1);
      g_autoptr(KwFinding) finding = kw_finding_new (title);

      kw_finding_place (finding, (i * 7 % 101) / 10.0, (i * 13 % 101) / 10.0);
      kw_board_append_finding (board, finding);
    }
  if (!kw_format_save_file (board, file, NULL, NULL, NULL, &error))
    g_error ("Cannot write the board: %s", error->message);
  return path;
}

/* Each board is opened by a new user (config and data folders of its
 * own). GTK reads settings.ini from XDG_CONFIG_HOME: no blinking caret,
 * whose frames would be taken for a key's. */
static char **
app_environment (const char *dir,
                 guint       n_findings)
{
  g_autofree char *home = g_strdup_printf ("%s/home-%u", dir, n_findings);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *gtk_dir = g_build_filename (config, "gtk-4.0", NULL);
  g_autofree char *ini = g_build_filename (gtk_dir, "settings.ini", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  char **env = g_get_environ ();

  g_mkdir_with_parents (gtk_dir, 0700);
  g_mkdir_with_parents (data, 0700);
  if (!g_file_set_contents (ini, "[Settings]\ngtk-cursor-blink=false\n", -1, NULL))
    g_error ("Cannot write %s", ini);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  return env;
}

/* Waits until the window has drawn nothing for QUIET_MS. */
static gboolean
wait_until_still (Bench   *bench,
                  GError **error)
{
  gint64 give_up = g_get_monotonic_time () + SETTLE_TIMEOUT_US;

  for (;;)
    {
      XEvent event;
      gint64 quiet_until = g_get_monotonic_time () + QUIET_MS * 1000;

      if (!kw_bench_next_event (&bench->screen, &event, quiet_until))
        return TRUE;
      if (kw_bench_is_damage_of (&bench->screen, &event, bench->window.window))
        XDamageSubtract (bench->screen.display, bench->window.damage, None, None);
      if (g_get_monotonic_time () > give_up)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                               "The window never stopped drawing.");
          return FALSE;
        }
    }
}

static void
send_key (Display *display,
          KeySym   keysym,
          gboolean press)
{
  XTestFakeKeyEvent (display, XKeysymToKeycode (display, keysym), press, CurrentTime);
}

/* Presses and releases the step's key; returns the microseconds from the
 * press to the first frame after it (0 for a step not measured), or -1
 * with @error set. */
static gint64
press_step (Bench       *bench,
            const Step  *step,
            GError     **error)
{
  Display *display = bench->screen.display;
  gint64 pressed, deadline;
  XEvent event;

  if (step->modifiers & ControlMask)
    send_key (display, XK_Control_L, TRUE);
  send_key (display, step->keysym, TRUE);
  XFlush (display);
  pressed = g_get_monotonic_time ();
  send_key (display, step->keysym, FALSE);
  if (step->modifiers & ControlMask)
    send_key (display, XK_Control_L, FALSE);
  XFlush (display);
  if (!step->measured)
    return 0;

  deadline = pressed + KEY_TIMEOUT_US;
  for (;;)
    {
      if (!kw_bench_next_event (&bench->screen, &event, deadline))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "No frame within %d s of the key %s.", (int) (KEY_TIMEOUT_US / G_USEC_PER_SEC),
                       XKeysymToString (step->keysym));
          return -1;
        }
      if (kw_bench_is_damage_of (&bench->screen, &event, bench->window.window))
        {
          gint64 framed = g_get_monotonic_time ();

          XDamageSubtract (display, bench->window.damage, None, None);
          return framed - pressed;
        }
    }
}

/* Runs the flow RUNS times on a board of @n_findings; times[step][run]. */
static gboolean
run_board (Bench    *bench,
           guint     n_findings,
           double    times[N_FLOW][RUNS],
           GError  **error)
{
  g_autofree char *board = write_board (bench->tmp_dir, n_findings);
  g_auto(GStrv) env = app_environment (bench->tmp_dir, n_findings);
  char *argv[] = { (char *) g_getenv ("KWADRANT"), board, NULL };
  gboolean ok;

  if (!kw_bench_window_start (&bench->screen, argv, env, g_get_monotonic_time () + START_TIMEOUT_US,
                              NULL, NULL, &bench->window, error))
    return FALSE;
  XSetInputFocus (bench->screen.display, bench->window.window, RevertToParent, CurrentTime);
  ok = wait_until_still (bench, error);

  for (guint run = 0; ok && run < RUNS; run++)
    for (guint i = 0; ok && i < N_FLOW; i++)
      {
        gint64 took = press_step (bench, &flow[i], error);


        ok = took >= 0 && wait_until_still (bench, error);
        times[i][run] = took / 1000.0;
      }

  kw_bench_window_stop (&bench->screen, &bench->window);
  return ok;
}

static void
print_board (guint   n_findings,
             double  times[N_FLOW][RUNS],
             double *slowest)
{
  double baseline = kw_bench_median (times[BASELINE_STEP], RUNS);

  *slowest = 0.0;
  for (guint i = 0; i < N_FLOW; i++)
    {
      double median;

      if (!flow[i].measured)
        continue;
      median = kw_bench_median (times[i], RUNS);
      *slowest = MAX (*slowest, median);
      printf ("bench keys_%s_%u_ms %.1f ms\n", flow[i].name, n_findings, median);
      if (i != BASELINE_STEP)
        printf ("bench keys_%s_%u_vs_letter_ratio %.2f x\n", flow[i].name, n_findings, median / baseline);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  double slowest[G_N_ELEMENTS (board_sizes)];
  static double times[G_N_ELEMENTS (board_sizes)][N_FLOW][RUNS];
  gboolean ok;

  if (g_getenv ("KWADRANT") == NULL)
    {
      fprintf (stderr, "bench-keys: KWADRANT must name the kwadrant binary\n");
      return 2;
    }
  bench.tmp_dir = g_dir_make_tmp ("kw-bench-keys-XXXXXX", &error);
  ok = bench.tmp_dir != NULL && kw_bench_screen_open (&bench.screen, &error) &&
       XTestQueryExtension (bench.screen.display, &(int){0}, &(int){0}, &(int){0}, &(int){0});
  if (ok)
    for (guint b = 0; ok && b < G_N_ELEMENTS (board_sizes); b++)
      ok = run_board (&bench, board_sizes[b], times[b], &error);
  kw_bench_screen_close (&bench.screen);

  if (!ok)
    {
      fprintf (stderr, "bench-keys: %s\n", error != NULL ? error->message : "the X server has no XTEST");
      return 1;
    }

  for (guint b = 0; b < G_N_ELEMENTS (board_sizes); b++)
    print_board (board_sizes[b], times[b], &slowest[b]);
  printf ("bench keys_slowest_step_500_ms %.1f ms\n", slowest[1]);
  printf ("bench keys_slowest_500_vs_30_ratio %.2f x\n", slowest[1] / slowest[0]);
  return 0;
}
