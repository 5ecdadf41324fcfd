/* kw-bench-x11.h: what the benchmarks that watch a real window share: the
 * program started, its toplevel found by _NET_WM_PID when it maps, its
 * frames seen through DAMAGE events (the X server reports them; nothing
 * polls the program), and real key presses sent through XTEST.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sys/types.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  Display *display;
  Window   root;
  Atom     net_wm_pid;
  int      damage_event;
} KwBenchScreen;

gboolean kw_bench_screen_open        (KwBenchScreen  *screen,
                                      GError        **error);
void     kw_bench_screen_close       (KwBenchScreen  *screen);
pid_t    kw_bench_window_pid         (KwBenchScreen  *screen,
                                      Window          window);
gboolean kw_bench_next_event         (KwBenchScreen  *screen,
                                      XEvent         *event,
                                      gint64          deadline);
gboolean kw_bench_window_has_content (KwBenchScreen  *screen,
                                      Window          window);
gboolean kw_bench_is_damage_of       (KwBenchScreen  *screen,
                                      const XEvent   *event,
                                      Window          window);

/* A program's toplevel window, once it has drawn its first frame. */
typedef struct
{
  pid_t  pid;
  Window window;
  Damage damage;
  gint64 first_frame;  /* monotonic time its first frame was reported */
} KwBenchWindow;

/* Called at each damage while the first frame is awaited, before the
 * window is read back (e.g. to take the program's CPU time then). */
typedef void (*KwBenchDamageFunc) (pid_t    pid,
                                   gpointer data);

gboolean kw_bench_window_start       (KwBenchScreen     *screen,
                                      char * const      *argv,
                                      char * const      *envp,
                                      gint64             deadline,
                                      KwBenchDamageFunc  at_damage,
                                      gpointer           data,
                                      KwBenchWindow     *window,
                                      GError           **error);
void     kw_bench_window_stop        (KwBenchScreen     *screen,
                                      KwBenchWindow     *window);

pid_t    kw_bench_spawn              (char * const   *argv,
                                      char * const   *envp);
void     kw_bench_stop               (pid_t           pid);
gboolean kw_bench_child_exited       (pid_t           pid);

double   kw_bench_median             (double         *values,
                                      guint           n);

G_END_DECLS
