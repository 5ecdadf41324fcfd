/* kw-bench-frame.c: frame timing for the benchmarks that draw a widget in
 * their own process (bench-drag, bench-compare).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-bench-frame"

#include "config.h"

#include <stdlib.h>

#include "kw-bench-frame.h"

static void
before_paint_cb (GdkFrameClock     *clock,
                 KwBenchFrameProbe *probe)
{
  probe->paint_begin = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock     *clock,
                KwBenchFrameProbe *probe)
{
  probe->paint_end = g_get_monotonic_time ();
  probe->painted = TRUE;
}

void
kw_bench_frame_probe_attach (KwBenchFrameProbe *probe,
                             GtkWidget         *widget)
{
  probe->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  probe->painted = FALSE;
  g_signal_connect (probe->clock, "before-paint", G_CALLBACK (before_paint_cb), probe);
  g_signal_connect (probe->clock, "after-paint", G_CALLBACK (after_paint_cb), probe);
}

void
kw_bench_frame_probe_detach (KwBenchFrameProbe *probe)
{
  if (probe->clock == NULL)
    return;

  g_signal_handlers_disconnect_by_data (probe->clock, probe);
  g_clear_object (&probe->clock);
}

void
kw_bench_frame_probe_reset (KwBenchFrameProbe *probe)
{
  probe->painted = FALSE;
}

gboolean
kw_bench_frame_wait (KwBenchFrameProbe *probe)
{
  return kw_bench_iterate_until (&probe->painted, KW_BENCH_FRAME_TIMEOUT_US);
}

double
kw_bench_frame_paint_ms (const KwBenchFrameProbe *probe)
{
  return (probe->paint_end - probe->paint_begin) / 1000.0;
}

static gboolean
deadline_cb (gpointer data)
{
  gboolean *expired = data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* A timeout source wakes the blocking iteration: without it, a frame
 * that never comes (a renderer that draws nothing) would leave
 * g_main_context_iteration() waiting for ever. */
gboolean
kw_bench_iterate_until (const gboolean *done,
                        gint64          timeout_us)
{
  gboolean expired = FALSE;
  guint deadline_id = g_timeout_add ((guint) (timeout_us / 1000), deadline_cb, &expired);

  while (!*done && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (!expired)
    g_source_remove (deadline_id);

  return *done;
}

typedef struct {
  int      min_width;
  gboolean ready;
} ShowWait;

/* Runs once a frame until the widget is mapped at its full size. */
static gboolean
shown_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  ShowWait *wait = data;

  wait->ready = gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) >= wait->min_width;
  return wait->ready ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

gboolean
kw_bench_show_window (GtkWindow *window,
                      GtkWidget *widget,
                      int        min_width)
{
  ShowWait wait = { min_width, FALSE };
  guint tick_id = gtk_widget_add_tick_callback (widget, shown_tick_cb, &wait, NULL);

  gtk_window_present (window);
  if (kw_bench_iterate_until (&wait.ready, KW_BENCH_FRAME_TIMEOUT_US))
    return TRUE;

  gtk_widget_remove_tick_callback (widget, tick_id);
  return FALSE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
kw_bench_quantile (double *values,
                   guint   n_values,
                   double  q)
{
  qsort (values, n_values, sizeof values[0], compare_doubles);

  return values[MIN ((guint) (q * n_values), n_values - 1)];
}

double
kw_bench_median (double *values,
                 guint   n_values)
{
  return kw_bench_quantile (values, n_values, 0.5);
}

/* The time of toggle's change and of the frame that follows it. */
static double
toggled_frame_ms (KwBenchFrameProbe *probe,
                  GtkWidget         *widget,
                  KwBenchToggle      toggle,
                  gpointer           data,
                  gboolean           on)
{
  gint64 change_begin, change_end;

  kw_bench_frame_probe_reset (probe);
  change_begin = g_get_monotonic_time ();
  toggle (on, data);
  change_end = g_get_monotonic_time ();
  gtk_widget_queue_draw (widget);
  if (!kw_bench_frame_wait (probe))
    return -1;

  return (change_end - change_begin) / 1000.0 + kw_bench_frame_paint_ms (probe);
}

double
kw_bench_frame_own_cost (GtkWidget     *widget,
                         KwBenchToggle  toggle,
                         gpointer       data,
                         guint          n)
{
  KwBenchFrameProbe probe = { 0 };
  g_autofree double *own = g_new (double, MAX (n, 1));
  double median = -1;

  kw_bench_frame_probe_attach (&probe, widget);
  for (guint i = 0; i < 2 + n; i++)
    {
      double with = toggled_frame_ms (&probe, widget, toggle, data, TRUE);
      double without = toggled_frame_ms (&probe, widget, toggle, data, FALSE);

      if (with < 0 || without < 0)
        {
          g_printerr ("No frame came within %d s\n", (int) (KW_BENCH_FRAME_TIMEOUT_US / G_USEC_PER_SEC));
          goto out;
        }
      if (i >= 2)
        own[i - 2] = with - without;
    }
  median = kw_bench_median (own, n);

out:
  kw_bench_frame_probe_detach (&probe);
  return median;
}
