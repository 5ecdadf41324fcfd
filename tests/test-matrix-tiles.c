/* test-matrix-tiles.c: a layer drawn into one image and shown as tiles:
 * only the tiles that show something, and a tile that looks as it did
 * keeps its node (so GTK repaints only what changed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "kw-matrix-tiles.h"

/* Tiles are 128 device pixels a side: this layer has 3 × 2. */
#define WIDTH 300
#define HEIGHT 200

static void
fill (cairo_surface_t *layer,
      double           x,
      double           y,
      double           size)
{
  cairo_t *cr = cairo_create (layer);

  cairo_rectangle (cr, x, y, size, size);
  cairo_set_source_rgba (cr, 0.1, 0.2, 0.6, 0.8);
  cairo_fill (cr);
  cairo_destroy (cr);
}

/* The nodes appended, in order. */
static GPtrArray *
append (KwMatrixTiles *tiles)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

  kw_matrix_tiles_append (tiles, snapshot, 1);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return nodes;
  if (gsk_render_node_get_node_type (node) != GSK_CONTAINER_NODE)
    g_ptr_array_add (nodes, gsk_render_node_ref (node));
  else
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      g_ptr_array_add (nodes, gsk_render_node_ref (gsk_container_node_get_child (node, i)));

  return nodes;
}

static void
test_only_tiles_that_show (void)
{
  g_autoptr(KwMatrixTiles) tiles = kw_matrix_tiles_new (128);
  g_autoptr(GPtrArray) nodes = NULL;
  graphene_rect_t bounds;
  cairo_surface_t *layer;

  layer = kw_matrix_tiles_begin (tiles, WIDTH, HEIGHT);
  nodes = append (tiles);
  g_assert_cmpuint (nodes->len, ==, 0);
  g_assert_cmpuint (kw_matrix_tiles_get_n_shown (tiles), ==, 0);

  g_clear_pointer (&nodes, g_ptr_array_unref);
  layer = kw_matrix_tiles_begin (tiles, WIDTH, HEIGHT);
  /* In the middle tile of the bottom row, and across the first two of
   * the top row. */
  fill (layer, 140, 150, 10);
  fill (layer, 120, 10, 20);
  nodes = append (tiles);
  g_assert_cmpuint (kw_matrix_tiles_get_n_shown (tiles), ==, 3);
  g_assert_cmpuint (nodes->len, ==, 3);
  gsk_render_node_get_bounds (g_ptr_array_index (nodes, 2), &bounds);
  g_assert_cmpfloat (bounds.origin.x, ==, 128);
  g_assert_cmpfloat (bounds.origin.y, ==, 128);
  /* The last column and row are cut to the layer. */
  g_assert_cmpfloat (bounds.size.width, ==, 128);
  g_assert_cmpfloat (bounds.size.height, ==, HEIGHT - 128);
}

static void
test_unchanged_tiles_keep_their_nodes (void)
{
  g_autoptr(KwMatrixTiles) tiles = kw_matrix_tiles_new (128);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  cairo_surface_t *layer;

  layer = kw_matrix_tiles_begin (tiles, WIDTH, HEIGHT);
  fill (layer, 10, 10, 10);
  fill (layer, 200, 150, 10);
  first = append (tiles);
  g_assert_cmpuint (first->len, ==, 2);

  /* Drawn again the same: the same nodes, nothing for GTK to repaint. */
  layer = kw_matrix_tiles_begin (tiles, WIDTH, HEIGHT);
  fill (layer, 10, 10, 10);
  fill (layer, 200, 150, 10);
  again = append (tiles);
  g_assert_cmpuint (kw_matrix_tiles_get_n_kept (tiles), ==, 2);
  g_assert_true (g_ptr_array_index (again, 0) == g_ptr_array_index (first, 0));
  g_assert_true (g_ptr_array_index (again, 1) == g_ptr_array_index (first, 1));

  /* One shape moves a pixel: only its tile is new. */
  layer = kw_matrix_tiles_begin (tiles, WIDTH, HEIGHT);
  fill (layer, 10, 10, 10);
  fill (layer, 201, 150, 10);
  moved = append (tiles);
  g_assert_cmpuint (kw_matrix_tiles_get_n_shown (tiles), ==, 2);
  g_assert_cmpuint (kw_matrix_tiles_get_n_kept (tiles), ==, 1);
  g_assert_true (g_ptr_array_index (moved, 0) == g_ptr_array_index (first, 0));
  g_assert_false (g_ptr_array_index (moved, 1) == g_ptr_array_index (first, 1));
}

/* A new size starts afresh: nothing of the old drawing is kept. */
static void
test_new_size (void)
{
  g_autoptr(KwMatrixTiles) tiles = kw_matrix_tiles_new (128);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) resized = NULL;
  cairo_surface_t *layer;

  layer = kw_matrix_tiles_begin (tiles, WIDTH, HEIGHT);
  fill (layer, 10, 10, 10);
  first = append (tiles);
  layer = kw_matrix_tiles_begin (tiles, WIDTH + 50, HEIGHT);
  g_assert_cmpint (cairo_image_surface_get_width (layer), ==, WIDTH + 50);
  fill (layer, 10, 10, 10);
  resized = append (tiles);
  g_assert_cmpuint (kw_matrix_tiles_get_n_shown (tiles), ==, 1);
  g_assert_cmpuint (kw_matrix_tiles_get_n_kept (tiles), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matrix-tiles/only-tiles-that-show", test_only_tiles_that_show);
  g_test_add_func ("/matrix-tiles/unchanged-tiles-keep-their-nodes", test_unchanged_tiles_keep_their_nodes);
  g_test_add_func ("/matrix-tiles/new-size", test_new_size);

  return g_test_run ();
}
