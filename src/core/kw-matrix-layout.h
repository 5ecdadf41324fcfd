/* kw-matrix-layout.h: the geometry of the impact/effort matrix, free of
 * any toolkit, so the widget and the exporters draw the very same picture.
 *
 * Impact runs up (0 at the bottom, 10 at the top), effort runs right
 * (0 at the left, 10 at the right). All coordinates are in the drawing's
 * own units (pixels for the widget, points for SVG and PDF), with the
 * origin at the top left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-outcome.h"

G_BEGIN_DECLS

typedef enum {
  KW_MATRIX_AXIS_IMPACT,
  KW_MATRIX_AXIS_EFFORT,
} KwMatrixAxis;

typedef enum {
  KW_MATRIX_LINE_IMPACT,      /* horizontal, across the whole plot */
  KW_MATRIX_LINE_EFFORT,      /* vertical, across the whole plot */
  KW_MATRIX_LINE_TINY_EFFORT, /* vertical, under the impact line only */
} KwMatrixLine;

#define KW_MATRIX_N_LINES 3

typedef struct {
  double x;
  double y;
  double width;
  double height;
} KwMatrixRect;

typedef struct {
  double       width;      /* the whole drawing */
  double       height;
  double       text_size;  /* the size of body text, in the same units */
  KwMatrixRect plot;       /* where scores 0..10 lie */
  KwMatrixRect legend;     /* empty unless a legend was asked for */
  /* The scores the plot shows (kw_matrix_layout_set_view()); 0..10 after
   * kw_matrix_layout_init(). */
  double       view_min_impact;
  double       view_max_impact;
  double       view_min_effort;
  double       view_max_effort;
} KwMatrixLayout;

/* The five zones that shade the plot, one per placed outcome. */
#define KW_MATRIX_N_ZONES 5

typedef struct {
  KwOutcome    outcome;
  KwMatrixRect rect;
} KwMatrixZone;

/* A scale mark on both axes: the view divided in ten (0, 1, ... 10 by
 * default). */
#define KW_MATRIX_N_TICKS 11

typedef struct {
  double value;         /* on the effort axis (and on the impact axis when
                         * the view is the same on both, as by default) */
  double x;             /* where value lies on the effort axis */
  double y;             /* where impact_value lies on the impact axis */
  double impact_value;
} KwMatrixTick;

/* text_scale enlarges the text (and the margins that hold it), e.g. 1.5
 * for a projector; with_legend keeps a column right of the plot for the
 * numbered legend of the dots style. */
void      kw_matrix_layout_init           (KwMatrixLayout     *layout,
                                           double              width,
                                           double              height,
                                           double              text_scale,
                                           gboolean            with_legend);

/* Keeps a legend column right of the plot in a layout made without one,
 * as kw_matrix_layout_init() with with_legend would have; keeps the view. */
void      kw_matrix_layout_add_legend     (KwMatrixLayout     *layout);

/* Makes the legend column of a layout that has one width wide, taking
 * the room from the plot (or giving it back); the plot keeps at least
 * half the drawing's width. */
void      kw_matrix_layout_set_legend_width (KwMatrixLayout   *layout,
                                             double            width);

void      kw_matrix_layout_score_to_point (const KwMatrixLayout *layout,
                                           double              impact,
                                           double              effort,
                                           double             *x,
                                           double             *y);
/* Shows only the scores from min to max on each axis (a zoom into one
 * outcome's zone); call after kw_matrix_layout_init(). The default view
 * is 0..10 on both; an empty range leaves the view as it was. Points
 * outside the view lie outside the plot. */
void      kw_matrix_layout_set_view       (KwMatrixLayout     *layout,
                                           double              min_impact,
                                           double              max_impact,
                                           double              min_effort,
                                           double              max_effort);
/* Where a threshold line's drag handle sits, and its radius: the handles
 * are obstacles to labels on every backend. */
void      kw_matrix_layout_get_handle     (const KwMatrixLayout *layout,
                                           const KwThresholds *thresholds,
                                           KwMatrixLine        line,
                                           double             *x,
                                           double             *y,
                                           double             *radius);
/* Clamps the scores to 0..10; returns whether the point lies on the plot. */
gboolean  kw_matrix_layout_point_to_score (const KwMatrixLayout *layout,
                                           double              x,
                                           double              y,
                                           double             *impact,
                                           double             *effort);
/* How many units one score step of 1.0 spans on each axis. */
double    kw_matrix_layout_impact_scale   (const KwMatrixLayout *layout);
double    kw_matrix_layout_effort_scale   (const KwMatrixLayout *layout);

void      kw_matrix_layout_get_zones      (const KwMatrixLayout *layout,
                                           const KwThresholds *thresholds,
                                           KwMatrixZone        zones[KW_MATRIX_N_ZONES]);
/* The line as a segment from (x1, y1) to (x2, y2). */
void      kw_matrix_layout_get_line       (const KwMatrixLayout *layout,
                                           const KwThresholds *thresholds,
                                           KwMatrixLine        line,
                                           double             *x1,
                                           double             *y1,
                                           double             *x2,
                                           double             *y2);
void      kw_matrix_layout_get_ticks      (const KwMatrixLayout *layout,
                                           KwMatrixTick        ticks[KW_MATRIX_N_TICKS]);

/* The score of a threshold line, and the axis it lies across. */
double    kw_matrix_line_get_value        (KwMatrixLine        line,
                                           const KwThresholds *thresholds);
KwMatrixAxis kw_matrix_line_get_axis      (KwMatrixLine        line);

/* Snaps a score to the nearest 0.5 that is not exactly on a threshold line
 * of that axis (the impact line for impact; the effort and tiny-effort
 * lines for effort) and stays on the same side of every such line as the
 * raw value, so snapping never changes the outcome. Only when no step lies
 * on that side (lines closer than 0.5 apart) does it take the nearest step
 * that is off the lines. */
double    kw_matrix_snap                  (double              value,
                                           KwMatrixAxis        axis,
                                           const KwThresholds *thresholds);

/* The step an arrow key takes from @value: @delta, or twice it when
 * @delta would land exactly on a line of the axis (0 when that line is at
 * the end of the scale), so a snapped board never gets a finding on a
 * line from the keyboard either. */
double    kw_matrix_step_past_lines       (double              value,
                                           double              delta,
                                           KwMatrixAxis        axis,
                                           const KwThresholds *thresholds);

G_END_DECLS
