/* kw-bench-frame.h: what the benchmarks that time a widget's frames in
 * their own process share: a probe on the frame clock, and waits that
 * end on an event or a deadline, never hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The longest wait for a frame or for the window to show: only a guard
 * that turns a frame that never comes into a failure, long enough for a
 * machine busy with other work. */
#define KW_BENCH_FRAME_TIMEOUT_US (30 * G_USEC_PER_SEC)

/* One frame clock's latest frame: from "before-paint" to "after-paint"
 * (layout, snapshot, render), so the wait for the display's refresh does
 * not count. */
typedef struct {
  GdkFrameClock *clock;
  gint64         paint_begin;
  gint64         paint_end;
  gboolean       painted;
} KwBenchFrameProbe;

void     kw_bench_frame_probe_attach (KwBenchFrameProbe *probe,
                                      GtkWidget         *widget);
void     kw_bench_frame_probe_detach (KwBenchFrameProbe *probe);
/* Forget the frame seen, before the change whose frame is waited for. */
void     kw_bench_frame_probe_reset  (KwBenchFrameProbe *probe);
/* FALSE when no frame came within KW_BENCH_FRAME_TIMEOUT_US. */
gboolean kw_bench_frame_wait         (KwBenchFrameProbe *probe);
/* The latest frame's paint, in milliseconds. */
double   kw_bench_frame_paint_ms     (const KwBenchFrameProbe *probe);

/* Iterates the main loop until *done turns TRUE or timeout_us passes;
 * returns *done. */
gboolean kw_bench_iterate_until      (const gboolean    *done,
                                      gint64             timeout_us);
/* Presents the window and waits until widget is mapped and at least
 * min_width wide; FALSE when it did not happen in time. */
gboolean kw_bench_show_window        (GtkWindow         *window,
                                      GtkWidget         *widget,
                                      int                min_width);
/* Turns what is measured on or off, and asks for the repaint whose frame
 * is timed (a full one, say). */
typedef void (*KwBenchToggle) (gboolean on,
                               gpointer data);

/* What turning something on adds to widget's frame: in n turns (after
 * two to warm up), a frame with it on, then the frame just after with it
 * off, and the median of the differences. In turns, so that both frames
 * see the machine as it is then: two medians taken a minute apart
 * differed by more than the cost. Negative when a frame did not come. */
double   kw_bench_frame_own_cost     (GtkWidget         *widget,
                                      KwBenchToggle      toggle,
                                      gpointer           data,
                                      guint              n);
/* Sorts the values and returns their median. */
double   kw_bench_median             (double            *values,
                                      guint              n_values);
/* The q-th quantile (0..1) of the values, sorted in place: 0.99 is the
 * p99; 0.5 the median. */
double   kw_bench_quantile           (double            *values,
                                      guint              n_values,
                                      double             q);

G_END_DECLS
