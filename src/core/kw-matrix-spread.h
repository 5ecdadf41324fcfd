/* kw-matrix-spread.h: where a finding's revealed estimates are drawn on
 * the matrix, free of any toolkit so tests check it without a display.
 *
 * Each known estimate is a small marker at the participant's (impact,
 * effort); equal estimates are set around their common point so every
 * one of them stays visible. The spread is a cross through the group's
 * median: the horizontal arm spans the effort estimates, the vertical arm
 * the impact estimates, from the lower to the upper quartile from
 * KW_ESTIMATES_MIN_FOR_QUARTILES known estimates on, the whole range below
 * that (the rule of kw-estimates.h, so an arm is as long as the spread the
 * summary gives). "No idea" has no marker.
 *
 * The reveal animates: at progress 0 every marker sits on the finding and
 * the cross is a point on the median; at 1 all are where they belong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-finding.h"
#include "kw-matrix-layout.h"

G_BEGIN_DECLS

typedef struct {
  double      x;               /* the marker's centre */
  double      y;
  const char *participant_id;  /* the finding's, valid while it keeps the estimate */
  /* Set by kw_matrix_spread_move_clear_of(): the marker was moved off a
   * title, and a thin line leads from where it belongs (anchor) to it. */
  gboolean    moved;
  double      anchor_x;
  double      anchor_y;
} KwMatrixSpreadMarker;

typedef struct {
  /* Where the markers start from: the finding, or the median when the
   * finding is not on the matrix. */
  double                origin_x;
  double                origin_y;
  double                radius;      /* of a marker */
  double                arm_width;   /* of the cross's lines */
  guint                 n_markers;
  KwMatrixSpreadMarker *markers;
  gboolean              has_cross;   /* FALSE without a known estimate */
  double                median_x;
  double                median_y;
  double                cross_left;  /* the effort arm, from x to x */
  double                cross_right;
  double                cross_top;   /* the impact arm, from y to y (top is high impact) */
  double                cross_bottom;
} KwMatrixSpread;

/* Each arm ends in a cap across it, this many arm widths either side. */
#define KW_MATRIX_SPREAD_CAP 1.5

/* The finding's spread on the layout at progress 0..1 (clamped); NULL when
 * the finding has no known estimate. */
KwMatrixSpread *kw_matrix_spread_new        (const KwMatrixLayout *layout,
                                             KwFinding            *finding,
                                             double                progress);
void            kw_matrix_spread_free       (KwMatrixSpread       *spread);
/* The box that holds all of it, markers and arms with their widths. */
void            kw_matrix_spread_get_bounds (const KwMatrixSpread *spread,
                                             KwMatrixRect         *bounds);

/* Moves every marker that would cover one of the n rectangles (the
 * titles on the matrix: the cards and the zones' names) to the nearest
 * spot clear of them and inside within, keeping it apart from the markers
 * already set where it can; a moved marker keeps where it belongs as its
 * anchor. Returns how many markers are still over a rectangle (0 unless
 * within has no room left). */
guint           kw_matrix_spread_move_clear_of (KwMatrixSpread     *spread,
                                                const KwMatrixRect *rects,
                                                guint               n,
                                                const KwMatrixRect *within);
/* Whether the marker at (x, y) of spread's radius, with its outline,
 * covers any part of rect. */
gboolean        kw_matrix_spread_marker_covers (const KwMatrixSpread *spread,
                                                double                x,
                                                double                y,
                                                const KwMatrixRect   *rect);

/* The size of a marker for body text of text_size: large enough to
 * carry an initial on a projector. */
double          kw_matrix_spread_radius     (double                text_size);

/* The arm of one axis over n sorted scores: the quartiles from
 * KW_ESTIMATES_MIN_FOR_QUARTILES scores on, else the lowest and highest.
 * high - low is the summary's spread. */
void            kw_matrix_spread_arm        (const double         *sorted,
                                             guint                 n,
                                             double               *low,
                                             double               *high);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwMatrixSpread, kw_matrix_spread_free)

G_END_DECLS
