/* kw-matrix-tiles.c: a layer drawn once, shown as tiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-tiles"

#include "config.h"

#include <string.h>

#include "kw-matrix-tiles.h"


/* One tile as last shown: a copy of its pixels and the node painting
 * them. */
typedef struct {
  cairo_surface_t *pixels;
  GskRenderNode   *node;
} Tile;

struct _KwMatrixTiles {
  cairo_surface_t *layer;
  GArray          *tiles;  /* of Tile, row by row; NULL pixels when empty */
  int              size;     /* device pixels a side */
  int              columns;
  int              rows;
  guint            n_shown;
  guint            n_kept;
};

static void
tile_clear (Tile *tile)
{
  g_clear_pointer (&tile->pixels, cairo_surface_destroy);
  g_clear_pointer (&tile->node, gsk_render_node_unref);
}

KwMatrixTiles *
kw_matrix_tiles_new (int tile_size)
{
  KwMatrixTiles *self = g_new0 (KwMatrixTiles, 1);

  g_return_val_if_fail (tile_size > 0, NULL);

  self->size = tile_size;
  self->tiles = g_array_new (FALSE, TRUE, sizeof (Tile));
  g_array_set_clear_func (self->tiles, (GDestroyNotify) tile_clear);

  return self;
}

void
kw_matrix_tiles_free (KwMatrixTiles *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->layer, cairo_surface_destroy);
  g_array_unref (self->tiles);
  g_free (self);
}

cairo_surface_t *
kw_matrix_tiles_begin (KwMatrixTiles *self,
                       int            width,
                       int            height)
{
  g_return_val_if_fail (self != NULL, NULL);

  width = MAX (width, 1);
  height = MAX (height, 1);
  if (self->layer != NULL &&
      cairo_image_surface_get_width (self->layer) == width && cairo_image_surface_get_height (self->layer) == height)
    {
      cairo_surface_flush (self->layer);
      memset (cairo_image_surface_get_data (self->layer), 0,
              (gsize) cairo_image_surface_get_stride (self->layer) * height);
      cairo_surface_mark_dirty (self->layer);
      return self->layer;
    }

  /* A new size: no tile of the last drawing fits any more. */
  g_clear_pointer (&self->layer, cairo_surface_destroy);
  g_array_set_size (self->tiles, 0);
  self->layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  self->columns = (width + self->size - 1) / self->size;
  self->rows = (height + self->size - 1) / self->size;
  g_array_set_size (self->tiles, (guint) (self->columns * self->rows));

  return self->layer;
}

cairo_surface_t *
kw_matrix_tiles_get_layer (KwMatrixTiles *self,
                           int            width,
                           int            height)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->layer == NULL ||
      cairo_image_surface_get_width (self->layer) != width || cairo_image_surface_get_height (self->layer) != height)
    return NULL;

  return self->layer;
}

/* Whether the layer's tile at (x, y), width × height, shows anything. */
static gboolean
has_pixels (cairo_surface_t *layer,
            int              x,
            int              y,
            int              width,
            int              height)
{
  const guint8 *data = cairo_image_surface_get_data (layer);
  int stride = cairo_image_surface_get_stride (layer);

  for (int row = y; row < y + height; row++)
    {
      const guint32 *pixel = (const guint32 *) (data + (gsize) row * stride) + x;

      for (int i = 0; i < width; i++)
        if (pixel[i] != 0)
          return TRUE;
    }

  return FALSE;
}

/* Whether the layer's tile holds the same pixels as copy. */
static gboolean
same_pixels (cairo_surface_t *layer,
             int              x,
             int              y,
             cairo_surface_t *copy)
{
  const guint8 *from = cairo_image_surface_get_data (layer);
  const guint8 *kept = cairo_image_surface_get_data (copy);
  int from_stride = cairo_image_surface_get_stride (layer), kept_stride = cairo_image_surface_get_stride (copy);
  int width = cairo_image_surface_get_width (copy), height = cairo_image_surface_get_height (copy);

  for (int row = 0; row < height; row++)
    if (memcmp (kept + (gsize) row * kept_stride, from + (gsize) (y + row) * from_stride + (gsize) x * 4,
                (gsize) width * 4) != 0)
      return FALSE;

  return TRUE;
}

static cairo_surface_t *
copy_pixels (cairo_surface_t *layer,
             int              x,
             int              y,
             int              width,
             int              height)
{
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  const guint8 *from = cairo_image_surface_get_data (layer);
  guint8 *to = cairo_image_surface_get_data (copy);
  int from_stride = cairo_image_surface_get_stride (layer), to_stride = cairo_image_surface_get_stride (copy);

  for (int row = 0; row < height; row++)
    memcpy (to + (gsize) row * to_stride, from + (gsize) (y + row) * from_stride + (gsize) x * 4, (gsize) width * 4);
  cairo_surface_mark_dirty (copy);

  return copy;
}

static GskRenderNode *
create_tile_node (cairo_surface_t *pixels,
                  int              x,
                  int              y,
                  int              scale)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  int width = cairo_image_surface_get_width (pixels), height = cairo_image_surface_get_height (pixels);
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT ((double) x / scale, (double) y / scale,
                                                                 (double) width / scale, (double) height / scale));
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, pixels, x, y);
  cairo_paint (cr);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

void
kw_matrix_tiles_append (KwMatrixTiles *self,
                        GtkSnapshot   *snapshot,
                        int            scale)
{
  int width, height;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->layer != NULL);

  self->n_shown = self->n_kept = 0;
  cairo_surface_flush (self->layer);
  width = cairo_image_surface_get_width (self->layer);
  height = cairo_image_surface_get_height (self->layer);
  for (int row = 0; row < self->rows; row++)
    for (int column = 0; column < self->columns; column++)
      {
        Tile *tile = &g_array_index (self->tiles, Tile, row * self->columns + column);
        int x = column * self->size, y = row * self->size;
        int w = MIN (self->size, width - x), h = MIN (self->size, height - y);

        if (!has_pixels (self->layer, x, y, w, h))
          {
            tile_clear (tile);
            continue;
          }
        if (tile->pixels != NULL && same_pixels (self->layer, x, y, tile->pixels))
          self->n_kept++;
        else
          {
            tile_clear (tile);
            tile->pixels = copy_pixels (self->layer, x, y, w, h);
            tile->node = create_tile_node (tile->pixels, x, y, scale);
          }
        gtk_snapshot_append_node (snapshot, tile->node);
        self->n_shown++;
      }
}

guint
kw_matrix_tiles_get_n_shown (KwMatrixTiles *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_shown;
}

guint
kw_matrix_tiles_get_n_kept (KwMatrixTiles *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_kept;
}
