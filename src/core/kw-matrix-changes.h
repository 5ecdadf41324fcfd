/* kw-matrix-changes.h: what moved since a snapshot, drawn on the matrix:
 * each finding that moved as a faint dashed outline where it was, with an
 * arrow to where it is now, and each new finding ringed. One rule for the
 * app's compare view, the PDF plan's matrix (cairo, here) and the HTML
 * plan's (SVG, kw-export-svg.c, from the same marks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kw-changes.h"
#include "kw-matrix-layout.h"

G_BEGIN_DECLS

/* What the matrix draws of one change, copied from a KwChange so that a
 * worker thread can draw it without the board. */
typedef struct {
  KwChangeKind kind;           /* KW_CHANGE_OUTCOME, KW_CHANGE_MOVED or KW_CHANGE_NEW */
  double       before_impact;  /* OUTCOME, MOVED: where it was */
  double       before_effort;
  double       after_impact;   /* where it is now */
  double       after_effort;
} KwMatrixChangeSpot;

/* The spots of the changes the matrix shows, in the changes' order: moves
 * (outcome changes included) placed on both sides, new findings placed
 * now. An empty array for NULL. */
GArray   *kw_matrix_change_spots_new (KwChanges *changes);

/* Where one spot is drawn on layout, with markers of radius. */
typedef struct {
  gboolean was_shown;       /* the dashed outline of where it was */
  double   was_x, was_y;
  gboolean arrow_shown;     /* the arrow, from was to now */
  double   arrow_x1, arrow_y1, arrow_x2, arrow_y2;  /* its shaft */
  double   head[3][2];      /* its head, a filled triangle */
  gboolean ring_shown;      /* a new finding's ring */
  double   ring_x, ring_y;
  double   radius;          /* of the outline; the ring is larger */
  double   ring_radius;
  double   outline_width;   /* the outline's stroke */
  double   arrow_width;     /* the shaft's stroke */
  double   ring_width;      /* the ring's stroke */
} KwMatrixChangeMark;

/* Fills mark; FALSE when the spot shows nothing (both ends off the plot,
 * or moved less than a marker). */
gboolean  kw_matrix_change_mark      (const KwMatrixLayout     *layout,
                                      const KwMatrixChangeSpot *spot,
                                      double                    radius,
                                      KwMatrixChangeMark       *mark);

/* The radius of the earlier spot's outline next to labels of text_size. */
double    kw_matrix_changes_radius   (double text_size);

/* The dash of the outline, in drawing units. */
#define KW_MATRIX_CHANGES_DASH_ON  3.0
#define KW_MATRIX_CHANGES_DASH_OFF 2.0
/* How faint the outline and the arrow are: the ink's alpha times these. */
#define KW_MATRIX_CHANGES_OUTLINE_ALPHA 0.45
#define KW_MATRIX_CHANGES_ARROW_ALPHA   0.6

typedef struct {
  double ink[4];     /* RGBA 0..1: the outline and the arrow, made faint */
  double accent[4];  /* RGBA 0..1: the ring of a new finding */
  double radius;     /* kw_matrix_changes_radius() */
} KwMatrixChangesStyle;

/* Draws every spot on cr, in layout's coordinates: under the markers, so
 * that no finding or title is hidden by it. */
void      kw_matrix_changes_draw     (cairo_t                    *cr,
                                      const KwMatrixLayout       *layout,
                                      GArray                     *spots,
                                      const KwMatrixChangesStyle *style);

/* One mark, as kw_matrix_changes_draw() draws each: for a view that
 * keeps each mark's drawing while it stays the same. */
void      kw_matrix_changes_draw_mark (cairo_t                    *cr,
                                       const KwMatrixChangeMark   *mark,
                                       const KwMatrixChangesStyle *style);
/* The whole pixels a mark's drawing covers. */
void      kw_matrix_change_mark_get_extents (const KwMatrixChangeMark *mark,
                                             double                   *x,
                                             double                   *y,
                                             double                   *width,
                                             double                   *height);

G_END_DECLS
