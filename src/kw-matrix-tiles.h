/* kw-matrix-tiles.h: a layer of the matrix drawn into one image and shown
 * as tiles, each that shows something in a node of its own.
 *
 * For drawings of thousands of small shapes (the round's spreads, the
 * compare view's arrows): drawn once with cairo or pixman into the image,
 * then only painted. The cairo renderer replays a
 * node through an image of the node's size, so one node of the matrix's
 * size cost a full-window copy in fresh pages on every frame; tiles are
 * small, the empty ones cost nothing, and a tile that looks as it did
 * keeps its node, so GTK repaints only the tiles that changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _KwMatrixTiles KwMatrixTiles;

/* Tiles of tile_size device pixels a side: large ones make fewer nodes to
 * paint, small ones less to repaint when one shape moves. 128 (64 KB a
 * tile) stays below the size glibc maps fresh from the kernel. */
KwMatrixTiles   *kw_matrix_tiles_new    (int            tile_size);
void             kw_matrix_tiles_free   (KwMatrixTiles *self);

/* The image to draw the layer into, width × height device pixels,
 * cleared; the same one from one drawing to the next. */
cairo_surface_t *kw_matrix_tiles_begin  (KwMatrixTiles *self,
                                         int            width,
                                         int            height);

/* The image as the last drawing left it, to change only some of its
 * pixels; NULL when there is none of that size (then begin afresh). */
cairo_surface_t *kw_matrix_tiles_get_layer (KwMatrixTiles *self,
                                            int            width,
                                            int            height);

/* Appends what was drawn since kw_matrix_tiles_begin() to snapshot, in
 * widget coordinates (the image is in device pixels of scale). */
void             kw_matrix_tiles_append (KwMatrixTiles *self,
                                         GtkSnapshot   *snapshot,
                                         int            scale);

/* How many tiles the last kw_matrix_tiles_append() showed, and how many
 * of them it took over unchanged from the one before. */
guint            kw_matrix_tiles_get_n_shown (KwMatrixTiles *self);
guint            kw_matrix_tiles_get_n_kept  (KwMatrixTiles *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwMatrixTiles, kw_matrix_tiles_free)

G_END_DECLS
