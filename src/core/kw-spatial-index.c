/* kw-spatial-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-spatial-index"

#include "config.h"

#include <math.h>

#include "kw-matrix-placement.h"
#include "kw-spatial-index.h"

/* Beyond this many cells a grid costs more to clear than it saves. */
#define MAX_CELLS_PER_AXIS 256

typedef struct {
  KwMatrixRect  box;       /* the rectangle, or the segment's bounds */
  double        x1, y1, x2, y2;
  KwSpatialKind kind;
  guint         owner;
  gboolean      is_segment;
} Entry;

struct _KwSpatialIndex {
  KwMatrixRect bounds;
  double       cell_width;
  double       cell_height;
  guint        n_columns;
  guint        n_rows;
  GArray      *entries;   /* of Entry */
  GArray     **cells;     /* of guint, indices into entries; NULL: empty */
};

KwSpatialIndex *
kw_spatial_index_new (const KwMatrixRect *bounds,
                      double              cell_size)
{
  KwSpatialIndex *index = g_new0 (KwSpatialIndex, 1);

  index->bounds = *bounds;
  index->n_columns = index->n_rows = 1;
  if (cell_size > 0.0)
    {
      index->n_columns = (guint) CLAMP (ceil (bounds->width / cell_size), 1, MAX_CELLS_PER_AXIS);
      index->n_rows = (guint) CLAMP (ceil (bounds->height / cell_size), 1, MAX_CELLS_PER_AXIS);
    }
  index->cell_width = MAX (bounds->width, 1.0) / index->n_columns;
  index->cell_height = MAX (bounds->height, 1.0) / index->n_rows;
  index->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  index->cells = g_new0 (GArray *, (gsize) index->n_columns * index->n_rows);

  return index;
}

void
kw_spatial_index_free (KwSpatialIndex *index)
{
  if (index == NULL)
    return;

  for (gsize i = 0; i < (gsize) index->n_columns * index->n_rows; i++)
    if (index->cells[i] != NULL)
      g_array_unref (index->cells[i]);
  g_free (index->cells);
  g_array_unref (index->entries);
  g_free (index);
}

/* The range of cells a box covers, clamped to the grid. */
static void
cell_range (const KwSpatialIndex *index,
            const KwMatrixRect   *box,
            guint                *c0,
            guint                *r0,
            guint                *c1,
            guint                *r1)
{
  double left = floor ((box->x - index->bounds.x) / index->cell_width);
  double top = floor ((box->y - index->bounds.y) / index->cell_height);
  double right = floor ((box->x + box->width - index->bounds.x) / index->cell_width);
  double bottom = floor ((box->y + box->height - index->bounds.y) / index->cell_height);

  *c0 = (guint) CLAMP (left, 0, index->n_columns - 1);
  *r0 = (guint) CLAMP (top, 0, index->n_rows - 1);
  *c1 = (guint) CLAMP (right, 0, index->n_columns - 1);
  *r1 = (guint) CLAMP (bottom, 0, index->n_rows - 1);
}

static void
add_entry (KwSpatialIndex *index,
           const Entry    *entry)
{
  guint id = index->entries->len;
  guint c0, r0, c1, r1;

  g_array_append_val (index->entries, *entry);
  cell_range (index, &entry->box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        GArray **cell = &index->cells[(gsize) r * index->n_columns + c];

        if (*cell == NULL)
          *cell = g_array_sized_new (FALSE, FALSE, sizeof (guint), 8);
        g_array_append_val (*cell, id);
      }
}

void
kw_spatial_index_add_rect (KwSpatialIndex     *index,
                           KwSpatialKind       kind,
                           guint               owner,
                           const KwMatrixRect *rect)
{
  Entry entry = { .box = *rect, .kind = kind, .owner = owner };

  add_entry (index, &entry);
}

void
kw_spatial_index_add_segment (KwSpatialIndex *index,
                              KwSpatialKind   kind,
                              guint           owner,
                              double          x1,
                              double          y1,
                              double          x2,
                              double          y2)
{
  Entry entry = {
    .box = { MIN (x1, x2), MIN (y1, y2), fabs (x2 - x1), fabs (y2 - y1) },
    .x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2,
    .kind = kind, .owner = owner, .is_segment = TRUE,
  };

  add_entry (index, &entry);
}

void
kw_spatial_index_remove (KwSpatialIndex *index,
                         guint           kinds,
                         guint           owner)
{
  /* A removed entry keeps its place in the cells with no kind: no query
   * asks for none. Removals are rare (making room for a label). */
  for (guint i = 0; i < index->entries->len; i++)
    {
      Entry *entry = &g_array_index (index->entries, Entry, i);

      if (entry->owner == owner && (entry->kind & kinds) != 0)
        entry->kind = 0;
    }
}

gboolean
kw_segment_crosses_rect (double              x1,
                         double              y1,
                         double              x2,
                         double              y2,
                         const KwMatrixRect *rect)
{
  /* Liang-Barsky: clip the segment's parameter range to each slab; a
   * crossing keeps a range of positive length strictly inside. */
  double t0 = 0.0, t1 = 1.0;
  double dx = x2 - x1, dy = y2 - y1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x1 - rect->x, rect->x + rect->width - x1,
                  y1 - rect->y, rect->y + rect->height - y1 };

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] <= 0.0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];
      if (p[i] < 0.0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
    }

  return t1 - t0 > 1e-9;
}

typedef gboolean (*HitFunc) (const Entry *entry, gconstpointer query);

/* Runs hit over the entries in the cells box covers, each at most once
 * per cell (an entry spanning several cells may be tried again: cheaper
 * than remembering which were tried). */
static gboolean
any_hit (const KwSpatialIndex *index,
         const KwMatrixRect   *box,
         guint                 kinds,
         guint                 skip_owner,
         HitFunc               hit,
         gconstpointer         query)
{
  const Entry *entries = (const Entry *) (gconstpointer) index->entries->data;
  guint c0, r0, c1, r1;

  cell_range (index, box, &c0, &r0, &c1, &r1);
  for (guint r = r0; r <= r1; r++)
    for (guint c = c0; c <= c1; c++)
      {
        const GArray *cell = index->cells[(gsize) r * index->n_columns + c];

        if (cell == NULL)
          continue;
        for (guint i = 0; i < cell->len; i++)
          {
            const Entry *entry = &entries[g_array_index (cell, guint, i)];

            if ((entry->kind & kinds) == 0 || entry->owner == skip_owner)
              continue;
            if (hit (entry, query))
              return TRUE;
          }
      }

  return FALSE;
}

static gboolean
rect_hit (const Entry   *entry,
          gconstpointer  query)
{
  return !entry->is_segment && kw_matrix_rect_intersects (&entry->box, query);
}

gboolean
kw_spatial_index_rect_hits (const KwSpatialIndex *index,
                            const KwMatrixRect   *rect,
                            guint                 kinds,
                            guint                 skip_owner)
{
  return any_hit (index, rect, kinds, skip_owner, rect_hit, rect);
}

typedef struct {
  double x1, y1, x2, y2;
} Segment;

static gboolean
segment_hit (const Entry   *entry,
             gconstpointer  query)
{
  const Segment *s = query;

  return !entry->is_segment && kw_segment_crosses_rect (s->x1, s->y1, s->x2, s->y2, &entry->box);
}

gboolean
kw_spatial_index_segment_hits (const KwSpatialIndex *index,
                               double                x1,
                               double                y1,
                               double                x2,
                               double                y2,
                               guint                 kinds,
                               guint                 skip_owner)
{
  double length = hypot (x2 - x1, y2 - y1);
  guint n_pieces = (guint) CLAMP (ceil (length / MIN (index->cell_width, index->cell_height)), 1, 4096);

  /* In pieces no longer than a cell: a long diagonal's bounds would take
   * in many cells it never passes. */
  for (guint p = 0; p < n_pieces; p++)
    {
      double t0 = (double) p / n_pieces, t1 = (double) (p + 1) / n_pieces;
      Segment piece = { x1 + t0 * (x2 - x1), y1 + t0 * (y2 - y1), x1 + t1 * (x2 - x1), y1 + t1 * (y2 - y1) };
      KwMatrixRect box = { MIN (piece.x1, piece.x2), MIN (piece.y1, piece.y2),
                           fabs (piece.x2 - piece.x1), fabs (piece.y2 - piece.y1) };

      if (any_hit (index, &box, kinds, skip_owner, segment_hit, &piece))
        return TRUE;
    }

  return FALSE;
}

static gboolean
crossed_by_segment (const Entry   *entry,
                    gconstpointer  query)
{
  return entry->is_segment && kw_segment_crosses_rect (entry->x1, entry->y1, entry->x2, entry->y2, query);
}

gboolean
kw_spatial_index_rect_crosses_segment (const KwSpatialIndex *index,
                                       const KwMatrixRect   *rect,
                                       guint                 kinds,
                                       guint                 skip_owner)
{
  return any_hit (index, rect, kinds, skip_owner, crossed_by_segment, rect);
}
