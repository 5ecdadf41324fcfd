/* kw-bench-x11.c: a real program's window watched through the X server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-bench-x11"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

#include <X11/Xatom.h>
#include <X11/Xutil.h>

#include <gio/gio.h>

#include "kw-bench-x11.h"

extern char **environ;

gboolean
kw_bench_screen_open (KwBenchScreen  *screen,
                      GError        **error)
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

void
kw_bench_screen_close (KwBenchScreen *screen)
{
  g_clear_pointer (&screen->display, XCloseDisplay);
}

/* The pid in the window's _NET_WM_PID, or 0 when it has none. */
pid_t
kw_bench_window_pid (KwBenchScreen *screen,
                     Window         window)
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

/* Waits for the next X event, or until the deadline; FALSE on timeout. */
gboolean
kw_bench_next_event (KwBenchScreen *screen,
                     XEvent        *event,
                     gint64         deadline)
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

/* TRUE when the window shows more than one colour: a frame the program
 * drew, not the background the server fills a mapped window with. */
gboolean
kw_bench_window_has_content (KwBenchScreen *screen,
                             Window         window)
{
  XWindowAttributes attributes;
  XImage *image;
  gboolean content = FALSE;
  unsigned long first;

  if (!XGetWindowAttributes (screen->display, window, &attributes) ||
      attributes.width <= 0 || attributes.height <= 0)
    return FALSE;
  image = XGetImage (screen->display, window, 0, 0, attributes.width, attributes.height,
                     AllPlanes, ZPixmap);
  if (image == NULL)
    return FALSE;

  first = XGetPixel (image, 0, 0);
  for (int y = 0; y < attributes.height && !content; y += 3)
    for (int x = 0; x < attributes.width && !content; x += 3)
      content = (unsigned long) XGetPixel (image, x, y) != first;
  XDestroyImage (image);
  return content;
}

gboolean
kw_bench_is_damage_of (KwBenchScreen *screen,
                       const XEvent  *event,
                       Window         window)
{
  return event->type == screen->damage_event + XDamageNotify &&
         ((const XDamageNotifyEvent *) event)->drawable == window;
}

/* Starts the program with its output discarded; envp NULL keeps ours. */
pid_t
kw_bench_spawn (char * const *argv,
                char * const *envp)
{
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      if (null >= 0)
        dup2 (null, STDOUT_FILENO);
      if (envp != NULL)
        environ = (char **) envp;
      execvp (argv[0], argv);
      _exit (127);
    }
  return pid;
}

void
kw_bench_stop (pid_t pid)
{
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
}

gboolean
kw_bench_child_exited (pid_t pid)
{
  return waitpid (pid, NULL, WNOHANG) == pid;
}

/* Starts the program and returns once its toplevel shows a frame it drew;
 * the window's damage stays selected, for the frames that follow. */
gboolean
kw_bench_window_start (KwBenchScreen     *screen,
                       char * const      *argv,
                       char * const      *envp,
                       gint64             deadline,
                       KwBenchDamageFunc  at_damage,
                       gpointer           data,
                       KwBenchWindow     *window,
                       GError           **error)
{
  XEvent event;

  window->window = None;
  window->damage = None;
  window->pid = kw_bench_spawn (argv, envp);
  if (window->pid < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot start %s: %s", argv[0], g_strerror (errno));
      return FALSE;
    }

  for (;;)
    {
      if (!kw_bench_next_event (screen, &event, deadline))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "No window from %s in time.", argv[0]);
          kw_bench_window_stop (screen, window);
          return FALSE;
        }
      if (window->window == None && event.type == MapNotify && !event.xmap.override_redirect &&
          kw_bench_window_pid (screen, event.xmap.window) == window->pid)
        {
          window->window = event.xmap.window;
          window->damage = XDamageCreate (screen->display, window->window, XDamageReportNonEmpty);
        }
      else if (window->window != None && kw_bench_is_damage_of (screen, &event, window->window))
        {
          window->first_frame = g_get_monotonic_time ();
          if (at_damage != NULL)
            at_damage (window->pid, data);
          XDamageSubtract (screen->display, window->damage, None, None);
          if (kw_bench_window_has_content (screen, window->window))
            return TRUE;
        }
      else if (window->window == None && kw_bench_child_exited (window->pid))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "%s exited before it showed a window.", argv[0]);
          window->pid = 0;
          return FALSE;
        }
    }
}

void
kw_bench_window_stop (KwBenchScreen *screen,
                      KwBenchWindow *window)
{
  if (window->damage != None)
    XDamageDestroy (screen->display, window->damage);
  window->damage = None;
  window->window = None;
  XSync (screen->display, False);
  if (window->pid > 0)
    kw_bench_stop (window->pid);
  window->pid = 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts the values in place. */
double
kw_bench_median (double *values,
                 guint   n)
{
  g_return_val_if_fail (n > 0, 0.0);

  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}
