/* kw-bench-drag.h: one card dragged across the matrix in a window of its
 * own, a step and a frame at a time, the way the drag gesture moves it
 * (the same entry points): what bench-drag (boards of 0 to 5,000
 * findings) and bench-vote (1,000 findings while phones vote) time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-bench-frame.h"
#include "kw-history.h"
#include "kw-matrix.h"

G_BEGIN_DECLS

typedef struct {
  GtkWindow         *window;
  KwMatrix          *matrix;
  KwHistory         *history;
  KwFinding         *dragged;
  KwBenchFrameProbe  probe;
  double             x, y;          /* where the card was pressed */
  double             x_end, y_end;  /* where the drag ends */
  double             start_effort;
} KwBenchDrag;

/* n_findings others at random places (the same for the same n), and the
 * finding to drag (borrowed) in the low-effort half. */
KwBoard  *kw_bench_drag_make_board (guint         n_findings,
                                    KwFinding   **dragged);
/* Shows board in a 1200×800 window, lets the first frames settle and
 * presses the card of dragged (or of a labelled neighbour); FALSE, with a
 * message, when a frame did not come. */
gboolean  kw_bench_drag_begin      (KwBenchDrag  *drag,
                                    KwBoard      *board,
                                    KwHistory    *history,
                                    KwFinding    *dragged);
/* Moves the card to t (0..1) of the way and waits for its frame; the
 * frame's time in ms (the model change and the paint), negative when the
 * frame did not come. */
double    kw_bench_drag_step       (KwBenchDrag  *drag,
                                    double        t);
/* Releases the card at the end of the way; FALSE, with a message, when
 * the drag did not move the finding. Destroys the window. */
gboolean  kw_bench_drag_end        (KwBenchDrag  *drag);
/* Destroys the window after a failure. */
void      kw_bench_drag_abort      (KwBenchDrag  *drag);

G_END_DECLS
