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

/* The spot of one change; FALSE when the matrix shows nothing of it (a
 * status, owner or due-date change, a removed finding, a move from or to
 * the tray). */
gboolean  kw_matrix_change_spot_init (KwMatrixChangeSpot *spot,
                                      KwChange           *change);

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

/* The pieces of one mark. A view that keeps each piece's drawing while it
 * stays the same (the app's compare view) draws them one by one, so that
 * no piece covers more than its own few pixels: an arrow's box spans half
 * the matrix, its shaft is a thin line in it. */
typedef enum {
  KW_MATRIX_CHANGE_PART_OUTLINE,  /* the dashed outline of where it was */
  KW_MATRIX_CHANGE_PART_SHAFT,    /* the arrow's shaft, butt-ended */
  KW_MATRIX_CHANGE_PART_HEAD,     /* the arrow's head, a filled triangle */
  KW_MATRIX_CHANGE_PART_RING,     /* a new finding's ring */
} KwMatrixChangePart;

#define KW_MATRIX_CHANGE_N_PARTS (KW_MATRIX_CHANGE_PART_RING + 1)

/* Whether mark has that piece. */
gboolean  kw_matrix_change_mark_has_part  (const KwMatrixChangeMark *mark,
                                           KwMatrixChangePart        part);
/* The piece's colour (RGBA 0..1), faint as it is drawn. */
void      kw_matrix_change_part_get_color (const KwMatrixChangesStyle *style,
                                           KwMatrixChangePart          part,
                                           double                      rgba[4]);
/* Draws one piece of mark, as kw_matrix_changes_draw() does. */
void      kw_matrix_changes_draw_part     (cairo_t                    *cr,
                                           const KwMatrixChangeMark   *mark,
                                           const KwMatrixChangesStyle *style,
                                           KwMatrixChangePart          part);
/* The whole pixels one piece's drawing covers (empty when it has none). */
void      kw_matrix_change_part_get_extents (const KwMatrixChangeMark *mark,
                                             KwMatrixChangePart        part,
                                             double                   *x,
                                             double                   *y,
                                             double                   *width,
                                             double                   *height);

/* Whether two marks are drawn the same. */
gboolean  kw_matrix_change_mark_equal     (const KwMatrixChangeMark *a,
                                           const KwMatrixChangeMark *b);

G_END_DECLS
