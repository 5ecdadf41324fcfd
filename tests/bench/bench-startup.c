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

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

#include <gio/gio.h>

#define DEFAULT_RUNS 15
#define TIMEOUT_US (20 * G_USEC_PER_SEC)

typedef struct
{
  Display *display;
  Window   root;
  Atom     net_wm_pid;
  int      damage_event;
} XScreenWatch;

static gboolean
screen_open (XScreenWatch  *screen,
             GError **error)
{
  int damage_error;

  screen->display = XOpenDisplay (NULL);
  if (screen->display == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           "Cannot open the X display (run under xvfb-run).");
      return FALSE;
    }
  if (!XDamageQueryExtension (screen->display, &screen->damage_event, &damage_error))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "The X server has no DAMAGE extension.");
      return FALSE;
    }
  screen->root = DefaultRootWindow (screen->display);
  screen->net_wm_pid = XInternAtom (screen->display, "_NET_WM_PID", False);
  /* New toplevels are children of the root: their MapNotify comes here. */
  XSelectInput (screen->display, screen->root, SubstructureNotifyMask);
  XSync (screen->display, False);
  return TRUE;
}

/* The pid in the window's _NET_WM_PID, or 0 when it has none. */
static pid_t
window_pid (XScreenWatch *screen,
            Window  window)
{
  Atom type;
  int format;
  unsigned long n_items, bytes_after;
  unsigned char *data = NULL;
  pid_t pid = 0;

  if (XGetWindowProperty (screen->display, window, screen->net_wm_pid, 0, 1, False,
                          XA_CARDINAL, &type, &format, &n_items, &bytes_after, &data) == Success &&
      data != NULL && type == XA_CARDINAL && format == 32 && n_items == 1)
    pid = (pid_t) *(unsigned long *) data;
  if (data != NULL)
    XFree (data);
  return pid;
}

static pid_t
spawn (char * const *argv)
{
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      if (null >= 0)
        dup2 (null, STDOUT_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }
  return pid;
}

static void
stop (pid_t pid)
{
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
}

/* Waits for the next X event, or until the deadline; FALSE on timeout. */
static gboolean
next_event (XScreenWatch *screen,
            XEvent *event,
            gint64  deadline)
{
  while (!XPending (screen->display))
    {
      struct timeval tv = { 0, 1000 };
      fd_set fds;
      int fd = ConnectionNumber (screen->display);

      if (g_get_monotonic_time () > deadline)
        return FALSE;
      FD_ZERO (&fds);
      FD_SET (fd, &fds);
      select (fd + 1, &fds, NULL, NULL, &tv);
    }
  XNextEvent (screen->display, event);
  return TRUE;
}

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

/* TRUE when the window shows more than one colour: a frame the program
 * drew, not the background the server fills a mapped window with. */
static gboolean
window_has_content (XScreenWatch *screen,
                    Window        window)
{
  XWindowAttributes attributes;
  XImage *image;
  gboolean content = FALSE;

  if (!XGetWindowAttributes (screen->display, window, &attributes) ||
      attributes.width <= 0 || attributes.height <= 0)
    return FALSE;
  image = XGetImage (screen->display, window, 0, 0, attributes.width, attributes.height,
                     AllPlanes, ZPixmap);
  if (image == NULL)
    return FALSE;

  {
    unsigned long first = XGetPixel (image, 0, 0);

    for (int y = 0; y < attributes.height && !content; y += 3)
      for (int x = 0; x < attributes.width && !content; x += 3)
        content = (unsigned long) XGetPixel (image, x, y) != first;
  }
  XDestroyImage (image);
  return content;
}

static gboolean
child_exited (pid_t pid)
{
  return waitpid (pid, NULL, WNOHANG) == pid;
}

/* Milliseconds from exec to the first content in the program's window,
 * and the CPU milliseconds the program had used by then. */
static gboolean
time_to_first_frame (XScreenWatch        *screen,
                     char * const  *argv,
                     double        *ms,
                     double        *cpu,
                     GError       **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + TIMEOUT_US;
  pid_t pid = spawn (argv);
  Window window = None;
  Damage damage = None;
  XEvent event;

  if (pid < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot start %s: %s", argv[0], g_strerror (errno));
      return FALSE;
    }

  for (;;)
    {
      if (!next_event (screen, &event, deadline))
        {
          stop (pid);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "No window from %s in 20 s.", argv[0]);
          return FALSE;
        }
      if (window == None && event.type == MapNotify &&
          !event.xmap.override_redirect && window_pid (screen, event.xmap.window) == pid)
        {
          window = event.xmap.window;
          damage = XDamageCreate (screen->display, window, XDamageReportNonEmpty);
        }
      else if (window != None && event.type == screen->damage_event + XDamageNotify &&
               ((XDamageNotifyEvent *) &event)->drawable == window)
        {
          gint64 now = g_get_monotonic_time ();

          *cpu = cpu_ms (pid);
          XDamageSubtract (screen->display, damage, None, None);
          if (window_has_content (screen, window))
            {
              *ms = (now - start) / 1000.0;
              break;
            }
        }
      else if (window == None && child_exited (pid))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "%s exited before it showed a window.", argv[0]);
          return FALSE;
        }
    }

  XDamageDestroy (screen->display, damage);
  XSync (screen->display, False);
  stop (pid);
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  XScreenWatch screen = { 0 };
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
    ok = screen_open (&screen, &error) &&
         time_to_first_frame (&screen, kwadrant_argv, &ignored, &ignored_cpu, &error) &&
         time_to_first_frame (&screen, demo_argv, &ignored, &ignored_cpu, &error);
    for (guint i = 0; ok && i < runs; i++)
      ok = time_to_first_frame (&screen, kwadrant_argv, &kwadrant_ms[i], &kwadrant_cpu[i], &error) &&
           time_to_first_frame (&screen, demo_argv, &demo_ms[i], &demo_cpu[i], &error);
  }

  if (screen.display != NULL)
    XCloseDisplay (screen.display);
  if (!ok)
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return 1;
    }

  {
    double kwadrant = median (kwadrant_ms, runs);
    double demo = median (demo_ms, runs);

    printf ("bench startup_kwadrant_ms %.1f ms\n", kwadrant);
    printf ("bench startup_gtk4_demo_ms %.1f ms\n", demo);
    printf ("bench startup_vs_gtk4_demo_ratio %.2f x\n", kwadrant / demo);
  }
  {
    double kwadrant = median (kwadrant_cpu, runs);
    double demo = median (demo_cpu, runs);

    printf ("bench startup_kwadrant_cpu_ms %.0f ms\n", kwadrant);
    printf ("bench startup_gtk4_demo_cpu_ms %.0f ms\n", demo);
    printf ("bench startup_cpu_vs_gtk4_demo_ratio %.2f x\n", kwadrant / demo);
  }
  return 0;
}
