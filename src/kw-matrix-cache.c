/* kw-matrix-cache.c: the still cards drawn once into textures,
 * so a drag on a board of thousands costs what it costs on a small one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kw-matrix-card.h"
#include "kw-matrix-layout.h"
#include "kw-matrix-private.h"
#include "kw-text.h"

/* How many cards one texture holds, and from how many cards on the board
 * they always go through textures. GTK 4.8's GL renderer gives up on a
 * frame of some 32,000 draw batches; a card takes a few. */
#define CARDS_PER_CHUNK 1000
#define CHUNKED_CARDS_THRESHOLD 2000

/* What a card looked like when its chunk was rendered. */
typedef struct {
  GtkWidget       *card;     /* only compared, never dereferenced */
  guint64          serial;
  graphene_rect_t  bounds;
  double           opacity;
} CardChunkEntry;

typedef struct {
  GArray          *entries;  /* of CardChunkEntry */
  GdkTexture      *texture;  /* NULL when its cards draw nothing */
  graphene_rect_t  bounds;   /* where the texture goes */
  int              scale;
  int              width;    /* the matrix's, which clips the texture */
  int              height;
} CardChunk;

gboolean
kw_matrix_is_still_card (GtkWidget *child)
{
  return KW_IS_MATRIX_CARD (child) && !kw_matrix_card_get_dragging (KW_MATRIX_CARD (child));
}

void
kw_matrix_card_chunk_free (gpointer data)
{
  CardChunk *chunk = data;

  g_clear_pointer (&chunk->entries, g_array_unref);
  g_clear_object (&chunk->texture);
  g_free (chunk);
}

void
kw_matrix_clear_card_chunks (KwMatrix *self)
{
  g_ptr_array_set_size (self->chunks, 0);
  g_clear_object (&self->flat_chunks);
  self->chunks_checked = FALSE;
}

/* The renderer to draw cards into textures with, or NULL to draw them
 * straight into the frame. The cairo renderer has no command queue to
 * overflow, only redraws what changed anyway, and would copy a texture
 * into an image surface on every frame. */
static GskRenderer *
get_card_renderer (KwMatrix *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  if (renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer))
    return NULL;

  return renderer;
}

static gboolean
card_chunk_is_current (KwMatrix  *self,
                       CardChunk *chunk,
                       GArray    *entries,
                       int        scale)
{
  return chunk->scale == scale
         && chunk->width == gtk_widget_get_width (GTK_WIDGET (self))
         && chunk->height == gtk_widget_get_height (GTK_WIDGET (self))
         && chunk->entries->len == entries->len
         && memcmp (chunk->entries->data, entries->data,
                    sizeof (CardChunkEntry) * entries->len) == 0;
}

/* Renders what one chunk's cards drew into a texture as small as they
 * are, in device pixels, so it is as sharp as the cards it stands in for. */
static void
render_card_chunk (KwMatrix      *self,
                   GskRenderer   *renderer,
                   CardChunk     *chunk,
                   GskRenderNode *node,
                   int            scale)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0,
                                             gtk_widget_get_width (GTK_WIDGET (self)) * scale,
                                             gtk_widget_get_height (GTK_WIDGET (self)) * scale);
  graphene_rect_t bounds;
  graphene_rect_t pixels;

  g_clear_object (&chunk->texture);
  if (node == NULL)
    return;

  gsk_render_node_get_bounds (node, &bounds);
  if (!graphene_rect_intersection (&bounds, &area, &bounds))
    return;

  pixels.origin.x = floorf (bounds.origin.x);
  pixels.origin.y = floorf (bounds.origin.y);
  pixels.size.width = ceilf (bounds.origin.x + bounds.size.width) - pixels.origin.x;
  pixels.size.height = ceilf (bounds.origin.y + bounds.size.height) - pixels.origin.y;
  if (pixels.size.width < 1 || pixels.size.height < 1)
    return;

  chunk->texture = gsk_renderer_render_texture (renderer, node, &pixels);
  graphene_rect_scale (&pixels, 1.0f / scale, 1.0f / scale, &chunk->bounds);
}

/* Snapshots the next CARDS_PER_CHUNK still cards from *child on, and
 * renders them again only when one of them was redrawn, moved, appeared
 * or went: then returns TRUE. Leaves *child after the last card it took. */
static gboolean
update_card_chunk (KwMatrix     *self,
                   GskRenderer  *renderer,
                   guint         index,
                   GtkWidget   **child,
                   int           scale)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, TRUE, sizeof (CardChunkEntry), CARDS_PER_CHUNK);
  g_autoptr(GskRenderNode) node = NULL;
  CardChunk *chunk;

  gtk_snapshot_scale (snapshot, scale, scale);
  for (; *child != NULL && entries->len < CARDS_PER_CHUNK; *child = gtk_widget_get_next_sibling (*child))
    {
      CardChunkEntry entry;

      if (!kw_matrix_is_still_card (*child) || !gtk_widget_is_drawable (*child))
        continue;

      /* GTK only draws the card anew (and so changes its serial) when it
       * changed; otherwise this reuses what it drew last time. */
      gtk_widget_snapshot_child (widget, *child, snapshot);

      /* Zeroed first: the entries are compared byte by byte. */
      memset (&entry, 0, sizeof entry);
      entry.card = *child;
      entry.serial = kw_matrix_card_get_draw_serial (KW_MATRIX_CARD (*child));
      entry.opacity = gtk_widget_get_opacity (*child);
      if (!gtk_widget_compute_bounds (*child, widget, &entry.bounds))
        graphene_rect_init (&entry.bounds, 0, 0, 0, 0);
      g_array_append_val (entries, entry);
    }

  if (index == self->chunks->len)
    {
      chunk = g_new0 (CardChunk, 1);
      chunk->entries = g_array_new (FALSE, TRUE, sizeof (CardChunkEntry));
      g_ptr_array_add (self->chunks, chunk);
    }
  chunk = g_ptr_array_index (self->chunks, index);

  if (card_chunk_is_current (self, chunk, entries, scale))
    return FALSE;

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  render_card_chunk (self, renderer, chunk, node, scale);
  g_array_unref (chunk->entries);
  chunk->entries = g_steal_pointer (&entries);
  chunk->scale = scale;
  chunk->width = gtk_widget_get_width (widget);
  chunk->height = gtk_widget_get_height (widget);

  return TRUE;
}

static void
append_card_chunks (KwMatrix    *self,
                    GtkSnapshot *snapshot)
{
  for (guint i = 0; i < self->chunks->len; i++)
    {
      CardChunk *chunk = g_ptr_array_index (self->chunks, i);

      if (chunk->texture != NULL)
        gtk_snapshot_append_texture (snapshot, chunk->texture, &chunk->bounds);
    }
}

/* Puts the chunks together into one texture: a frame that blends one
 * texture instead of several costs less, above all on a software GL
 * renderer, and a drag draws many frames for each time this runs. */
static GdkTexture *
flatten_card_chunks (KwMatrix    *self,
                     GskRenderer *renderer,
                     int          scale)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  if (self->chunks->len < 2 || width <= 0 || height <= 0)
    return NULL;

  gtk_snapshot_scale (snapshot, scale, scale);
  append_card_chunks (self, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

/* Brings the chunks up to date with the still cards; FALSE when cards
 * cannot go through textures here and must be drawn straight away. */
gboolean
kw_matrix_update_card_chunks (KwMatrix *self)
{
  GskRenderer *renderer = get_card_renderer (self);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GtkWidget *child;
  gboolean changed = FALSE;
  guint n = 0;

  if (renderer == NULL)
    {
      kw_matrix_clear_card_chunks (self);
      return FALSE;
    }

  /* During a drag the still cards stay as they were when it started:
   * checking them again on every frame would cost what the textures
   * save. */
  if (self->freeze_cards && self->chunks_checked)
    return TRUE;

  child = gtk_widget_get_first_child (GTK_WIDGET (self));
  while (child != NULL)
    changed |= update_card_chunk (self, renderer, n++, &child, scale);
  if (n != self->chunks->len)
    {
      g_ptr_array_set_size (self->chunks, n);
      changed = TRUE;
    }
  if (changed || self->flat_chunks == NULL)
    {
      g_clear_object (&self->flat_chunks);
      self->flat_chunks = flatten_card_chunks (self, renderer, scale);
    }
  self->chunks_checked = self->freeze_cards;

  return TRUE;
}

void
kw_matrix_freeze_still_cards (KwMatrix *self,
                              gboolean  freeze)
{
  self->freeze_cards = !!freeze;
  /* The chunks themselves stay: the next frame renders again only the
   * ones that lost or got back a dragged card. */
  self->chunks_checked = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The cards go through textures while a drag holds them still, and
 * always on a large board: GTK 4.8's GL renderer aborts when one frame
 * holds too many draw commands (some 10,000 cards), but renders each
 * texture with a queue of its own. */
gboolean
kw_matrix_wants_card_chunks (KwMatrix *self)
{
  return self->freeze_cards || g_hash_table_size (self->cards) > CHUNKED_CARDS_THRESHOLD;
}

void
kw_matrix_draw_card_chunks (KwMatrix    *self,
                            GtkSnapshot *snapshot)
{
  if (self->flat_chunks != NULL)
    gtk_snapshot_append_texture (snapshot, self->flat_chunks,
                                 &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                                                      gtk_widget_get_height (GTK_WIDGET (self))));
  else
    append_card_chunks (self, snapshot);
}
