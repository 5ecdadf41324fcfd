/* kw-spatial-index.h: a uniform grid of rectangles and segments, so the
 * label placement asks "does this box hit anything?" by looking only at
 * the few cells the box covers instead of at everything placed so far.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-matrix-layout.h"

G_BEGIN_DECLS

/* What an entry is, as a bit so a query can ask for several kinds. */
typedef enum {
  KW_SPATIAL_OBSTACLE = 1 << 0,  /* markers, zone names, handles */
  KW_SPATIAL_LABEL    = 1 << 1,  /* placed labels and badges */
  KW_SPATIAL_LEADER   = 1 << 2,  /* leader lines (segments) */
} KwSpatialKind;

/* The owner of entries nobody owns (zone names, handles); queries skip
 * the entries of skip_owner, and KW_SPATIAL_SKIP_NONE skips none. */
#define KW_SPATIAL_NO_OWNER  (G_MAXUINT - 1)
#define KW_SPATIAL_SKIP_NONE G_MAXUINT

typedef struct _KwSpatialIndex KwSpatialIndex;

/* Cells of cell_size over bounds; entries outside bounds go into the
 * border cells, so nothing is ever lost. cell_size <= 0 gives one cell:
 * every query then scans every entry (the benchmark's baseline). */
KwSpatialIndex *kw_spatial_index_new            (const KwMatrixRect *bounds,
                                                 double              cell_size);
void            kw_spatial_index_free           (KwSpatialIndex     *index);

void            kw_spatial_index_add_rect       (KwSpatialIndex     *index,
                                                 KwSpatialKind       kind,
                                                 guint               owner,
                                                 const KwMatrixRect *rect);
void            kw_spatial_index_add_segment    (KwSpatialIndex     *index,
                                                 KwSpatialKind       kind,
                                                 guint               owner,
                                                 double              x1,
                                                 double              y1,
                                                 double              x2,
                                                 double              y2);

/* Takes out the entries of one of kinds that owner added. */
void            kw_spatial_index_remove         (KwSpatialIndex     *index,
                                                 guint               kinds,
                                                 guint               owner);

/* Whether rect overlaps (more than touches) a rectangle of one of kinds
 * whose owner is not skip_owner. */
gboolean        kw_spatial_index_rect_hits      (const KwSpatialIndex *index,
                                                 const KwMatrixRect   *rect,
                                                 guint                 kinds,
                                                 guint                 skip_owner);
/* Whether the segment crosses the inside of such a rectangle. */
gboolean        kw_spatial_index_segment_hits   (const KwSpatialIndex *index,
                                                 double                x1,
                                                 double                y1,
                                                 double                x2,
                                                 double                y2,
                                                 guint                 kinds,
                                                 guint                 skip_owner);
/* Whether a segment of one of kinds crosses the inside of rect. */
gboolean        kw_spatial_index_rect_crosses_segment (const KwSpatialIndex *index,
                                                       const KwMatrixRect   *rect,
                                                       guint                 kinds,
                                                       guint                 skip_owner);

/* Whether the segment passes through the inside of rect. */
gboolean        kw_segment_crosses_rect         (double              x1,
                                                 double              y1,
                                                 double              x2,
                                                 double              y2,
                                                 const KwMatrixRect *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwSpatialIndex, kw_spatial_index_free)

G_END_DECLS
