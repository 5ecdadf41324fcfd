/* kw-matrix-compare.c: the matrix compared with a snapshot, and the
 * presentation's steps through the snapshots.
 *
 * Compared: each finding that moved is drawn where it was as a faint
 * outline with an arrow to where it is now, and each finding new since is
 * ringed. All of it is drawn under the cards, so no title is ever hidden
 * by it, and it follows the KwChanges the window hands over (made again
 * whenever the board changes).
 *
 * Stepping: Page Up and Page Down in the presentation show the board as a
 * snapshot had it, the findings moving there in a short animation on the
 * frame clock; the cards take the positions as "state" positions, so the
 * labels are placed for them as for any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pixman.h>
#include <string.h>

#include "kw-matrix-changes.h"
#include "kw-matrix-private.h"
#include "kw-snapshots-dialog.h"

#define STATE_ANIMATION_US (450 * G_TIME_SPAN_MILLISECOND)
/* Device pixels a side of the marks' tiles (kw-matrix-tiles.h): edits
 * took 14 to 16 ms with 64, 23 with 128. */
#define CHANGES_TILE_SIZE 64

typedef struct {
  gboolean placed;
  double   impact;
  double   effort;
} StatePosition;

/* ---- Compared with a snapshot ------------------------------------------- */

KwChanges *
kw_matrix_get_changes (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->changes;
}

void
kw_matrix_set_changes (KwMatrix  *self,
                       KwChanges *changes)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (changes == NULL || KW_IS_CHANGES (changes));

  if (g_set_object (&self->changes, changes))
    {
      g_clear_pointer (&self->changes_node, gsk_render_node_unref);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* The next drawing starts afresh: every mark drawn anew (the colours may
 * have changed). */
void
kw_matrix_forget_changes_drawing (KwMatrix *self)
{
  g_clear_pointer (&self->changes_node, gsk_render_node_unref);
  g_clear_pointer (&self->change_marks, g_hash_table_unref);
}

static void
style_changes (KwMatrix             *self,
               const GdkRGBA        *fg,
               KwMatrixChangesStyle *style)
{
  GdkRGBA accent;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  *style = (KwMatrixChangesStyle) {
    { fg->red, fg->green, fg->blue, fg->alpha },
    { accent.red, accent.green, accent.blue, accent.alpha },
    kw_matrix_changes_radius (self->placement->text_size),
  };
}

/* The outline or the ring, the same for every mark, drawn once by the
 * plan's own code into a small image (device pixels), to be copied. */
static pixman_image_t *
create_stamp (const KwMatrixChangeMark   *like,
              const KwMatrixChangesStyle *style,
              KwMatrixChangePart          part,
              int                         scale,
              cairo_surface_t           **surface)
{
  KwMatrixChangeMark mark = *like;
  double reach = part == KW_MATRIX_CHANGE_PART_RING ? mark.ring_radius + mark.ring_width
                                                     : mark.radius + mark.outline_width;
  int size = (int) ceil (2 * reach + 4) * scale;
  cairo_t *cr;

  *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (*surface);
  cairo_scale (cr, scale, scale);
  mark.was_x = mark.was_y = mark.ring_x = mark.ring_y = size / (2.0 * scale);
  kw_matrix_changes_draw_part (cr, &mark, style, part);
  cairo_destroy (cr);
  cairo_surface_flush (*surface);

  return pixman_image_create_bits (PIXMAN_a8r8g8b8, size, size, (uint32_t *) cairo_image_surface_get_data (*surface),
                                   cairo_image_surface_get_stride (*surface));
}

/* Copies the stamp of part centred on each mark that has it, on whole
 * device pixels. */
static void
stamp_marks (pixman_image_t             *layer,
             const GArray               *marks,
             const KwMatrixChangesStyle *style,
             KwMatrixChangePart          part,
             int                         scale)
{
  cairo_surface_t *surface = NULL;
  pixman_image_t *stamp = NULL;
  int size = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      const KwMatrixChangeMark *mark = &g_array_index (marks, KwMatrixChangeMark, i);
      double x = part == KW_MATRIX_CHANGE_PART_RING ? mark->ring_x : mark->was_x;
      double y = part == KW_MATRIX_CHANGE_PART_RING ? mark->ring_y : mark->was_y;

      if (!kw_matrix_change_mark_has_part (mark, part))
        continue;
      if (stamp == NULL)
        {
          stamp = create_stamp (mark, style, part, scale, &surface);
          size = pixman_image_get_width (stamp);
        }
      pixman_image_composite32 (PIXMAN_OP_OVER, stamp, NULL, layer, 0, 0, 0, 0,
                                (int) round (x * scale - size / 2.0), (int) round (y * scale - size / 2.0), size, size);
    }

  g_clear_pointer (&stamp, pixman_image_unref);
  g_clear_pointer (&surface, cairo_surface_destroy);
}

static pixman_point_fixed_t
fixed_point (double x,
             double y,
             int    scale)
{
  return (pixman_point_fixed_t) { pixman_double_to_fixed (x * scale), pixman_double_to_fixed (y * scale) };
}

/* The arrows' heads of every mark, filled by pixman as triangles in one
 * pass: cairo's set-up of a fill each was most of their cost. */
static void
fill_heads (pixman_image_t             *layer,
            const GArray               *marks,
            const KwMatrixChangesStyle *style,
            int                         scale)
{
  g_autoptr(GArray) triangles = g_array_new (FALSE, FALSE, sizeof (pixman_triangle_t));
  pixman_image_t *ink;
  pixman_color_t color;
  double rgba[4];

  for (guint i = 0; i < marks->len; i++)
    {
      const KwMatrixChangeMark *mark = &g_array_index (marks, KwMatrixChangeMark, i);
      pixman_triangle_t head;

      if (!kw_matrix_change_mark_has_part (mark, KW_MATRIX_CHANGE_PART_HEAD))
        continue;
      head = (pixman_triangle_t) { fixed_point (mark->head[0][0], mark->head[0][1], scale),
                                   fixed_point (mark->head[1][0], mark->head[1][1], scale),
                                   fixed_point (mark->head[2][0], mark->head[2][1], scale) };
      g_array_append_val (triangles, head);
    }
  if (triangles->len == 0)
    return;

  kw_matrix_change_part_get_color (style, KW_MATRIX_CHANGE_PART_HEAD, rgba);
  /* Premultiplied, as pixman takes colours. */
  color = (pixman_color_t) { rgba[0] * rgba[3] * 0xffff, rgba[1] * rgba[3] * 0xffff, rgba[2] * rgba[3] * 0xffff,
                             rgba[3] * 0xffff };
  ink = pixman_image_create_solid_fill (&color);
  pixman_composite_triangles (PIXMAN_OP_OVER, ink, layer, PIXMAN_a8, 0, 0, 0, 0,
                              triangles->len, (pixman_triangle_t *) triangles->data);
  pixman_image_unref (ink);
}

/* Where a drawing of the marks may change pixels, in device pixels. */
typedef struct {
  int x, y, width, height;
} Clip;

/* The shafts' ink in cairo's premultiplied bytes. */
typedef struct {
  guint a, r, g, b;  /* 0..255 */
} Ink;

/* x / 255, rounded, for x up to 255 × 255. */
static inline guint
div_255 (guint x)
{
  x += 128;
  return (x + (x >> 8)) >> 8;
}

/* Blends ink over one pixel of cairo's premultiplied ARGB32 with coverage
 * 0..256. */
static inline void
blend_pixel (guint32     *pixel,
             const Ink   *ink,
             guint        coverage)
{
  guint32 was = *pixel;
  guint a = (ink->a * coverage) >> 8, keep = 255 - a;
  guint r = div_255 (((was >> 16) & 0xff) * keep) + ((ink->r * coverage) >> 8);
  guint g = div_255 (((was >> 8) & 0xff) * keep) + ((ink->g * coverage) >> 8);
  guint b = div_255 ((was & 0xff) * keep) + ((ink->b * coverage) >> 8);

  a += div_255 ((was >> 24) * keep);
  *pixel = (MIN (a, 255u) << 24) | (MIN (r, 255u) << 16) | (MIN (g, 255u) << 8) | MIN (b, 255u);
}

/* How much of [from, from + 1) lies in [low, high). */
static inline double
overlap (double from,
         double low,
         double high)
{
  return CLAMP (MIN (from + 1, high) - MAX (from, low), 0.0, 1.0);
}

/* One shaft, a line of width device pixels from (x1, y1) to (x2, y2) with
 * butt ends, antialiased across it: stepped along its longer axis, each
 * step covering the pixels across by how much of each the line's cross
 * section takes (as Wu's lines do). On the thin faint shafts this reads
 * as cairo's stroke; cairo took 9 to 17 ms for a thousand of them, pixman's
 * triangles 27, this under 3. */
static void
draw_line (guint8       *data,
           int           stride,
           double        x1,
           double        y1,
           double        x2,
           double        y2,
           double        line_width,
           const Ink    *ink,
           const Clip   *clip)
{
  gboolean steep = fabs (y2 - y1) > fabs (x2 - x1);
  double a1 = steep ? y1 : x1, b1 = steep ? x1 : y1, a2 = steep ? y2 : x2, b2 = steep ? x2 : y2;
  double slope, thickness;
  int major_start = steep ? clip->y : clip->x, minor_start = steep ? clip->x : clip->y;
  int major_limit = steep ? clip->y + clip->height : clip->x + clip->width;
  int minor_limit = steep ? clip->x + clip->width : clip->y + clip->height;

  if (a2 < a1)
    {
      double t;

      t = a1, a1 = a2, a2 = t;
      t = b1, b1 = b2, b2 = t;
    }
  if (a2 - a1 <= 0)
    return;
  slope = (b2 - b1) / (a2 - a1);
  /* Across the major axis a line at an angle is wider than its width. */
  thickness = line_width * sqrt (1 + slope * slope);

  for (int a = MAX ((int) floor (a1), major_start); a < MIN ((int) ceil (a2), major_limit); a++)
    {
      double along = overlap (a, a1, a2);
      double centre = b1 + (a + 0.5 - a1) * slope;
      double low = centre - thickness / 2, high = centre + thickness / 2;

      for (int b = MAX ((int) floor (low), minor_start); b < MIN ((int) ceil (high), minor_limit); b++)
        {
          guint coverage = (guint) (along * overlap (b, low, high) * 256 + 0.5);
          int x = steep ? b : a, y = steep ? a : b;

          if (coverage > 0)
            blend_pixel ((guint32 *) (data + (gsize) y * stride) + x, ink, coverage);
        }
    }
}

static void
draw_shafts (cairo_surface_t            *layer,
             const GArray               *marks,
             const KwMatrixChangesStyle *style,
             int                         scale,
             const Clip                 *clip)
{
  guint8 *data = cairo_image_surface_get_data (layer);
  int stride = cairo_image_surface_get_stride (layer);
  double rgba[4];
  Ink ink;

  kw_matrix_change_part_get_color (style, KW_MATRIX_CHANGE_PART_SHAFT, rgba);
  ink = (Ink) { (guint) (rgba[3] * 255 + 0.5), (guint) (rgba[0] * rgba[3] * 255 + 0.5),
                (guint) (rgba[1] * rgba[3] * 255 + 0.5), (guint) (rgba[2] * rgba[3] * 255 + 0.5) };
  cairo_surface_flush (layer);
  for (guint i = 0; i < marks->len; i++)
    {
      const KwMatrixChangeMark *mark = &g_array_index (marks, KwMatrixChangeMark, i);

      if (kw_matrix_change_mark_has_part (mark, KW_MATRIX_CHANGE_PART_SHAFT))
        draw_line (data, stride, mark->arrow_x1 * scale, mark->arrow_y1 * scale,
                   mark->arrow_x2 * scale, mark->arrow_y2 * scale, mark->arrow_width * scale, &ink, clip);
    }
  cairo_surface_mark_dirty (layer);
}

/* Finding id → the mark the matrix shows of its change (of its first
 * change, when it has several), in the style's size. */
static GHashTable *
collect_marks (KwMatrix                   *self,
               const KwMatrixChangesStyle *style)
{
  GListModel *changes = G_LIST_MODEL (self->changes);
  GHashTable *marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (changes, i);
      const char *id = kw_change_get_finding_id (change);
      KwMatrixChangeSpot spot;
      KwMatrixChangeMark mark;

      if (g_hash_table_contains (marks, id) || !kw_matrix_change_spot_init (&spot, change) ||
          !kw_matrix_change_mark (&self->layout, &spot, style->radius, &mark))
        continue;
      g_hash_table_insert (marks, g_strdup (id), g_memdup2 (&mark, sizeof mark));
    }

  return marks;
}

/* The device pixels mark covers, added to area (empty: width 0). */
static void
add_mark_area (Clip                     *area,
               const KwMatrixChangeMark *mark,
               int                       scale)
{
  for (guint part = 0; part < KW_MATRIX_CHANGE_N_PARTS; part++)
    {
      double x, y, width, height;
      int x1, y1, x2, y2;

      kw_matrix_change_part_get_extents (mark, part, &x, &y, &width, &height);
      if (width <= 0 || height <= 0)
        continue;
      x1 = (int) floor (x * scale) - 1;
      y1 = (int) floor (y * scale) - 1;
      x2 = (int) ceil ((x + width) * scale) + 1;
      y2 = (int) ceil ((y + height) * scale) + 1;
      if (area->width > 0)
        {
          x1 = MIN (x1, area->x);
          y1 = MIN (y1, area->y);
          x2 = MAX (x2, area->x + area->width);
          y2 = MAX (y2, area->y + area->height);
        }
      *area = (Clip) { x1, y1, x2 - x1, y2 - y1 };
    }
}

/* The pixels where the marks drawn last (was) and now differ. */
static void
get_changed_area (GHashTable *was,
                  GHashTable *now,
                  int         scale,
                  Clip       *area)
{
  GHashTableIter iter;
  gpointer id, mark;

  *area = (Clip) { 0 };
  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &id, &mark))
    {
      const KwMatrixChangeMark *before = g_hash_table_lookup (was, id);

      if (before != NULL && kw_matrix_change_mark_equal (before, mark))
        continue;
      add_mark_area (area, mark, scale);
      if (before != NULL)
        add_mark_area (area, before, scale);
    }
  g_hash_table_iter_init (&iter, was);
  while (g_hash_table_iter_next (&iter, &id, &mark))
    if (!g_hash_table_contains (now, id))
      add_mark_area (area, mark, scale);
}

/* The marks of table that reach into clip, as an array. */
static GArray *
marks_in (GHashTable *table,
          const Clip *clip,
          int         scale)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (KwMatrixChangeMark));
  GHashTableIter iter;
  gpointer mark;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &mark))
    {
      Clip area = { 0 };

      add_mark_area (&area, mark, scale);
      if (area.x < clip->x + clip->width && clip->x < area.x + area.width &&
          area.y < clip->y + clip->height && clip->y < area.y + area.height)
        g_array_append_val (marks, *(KwMatrixChangeMark *) mark);
    }

  return marks;
}

static void
clear_area (cairo_surface_t *layer,
            const Clip      *clip)
{
  guint8 *data = cairo_image_surface_get_data (layer);
  int stride = cairo_image_surface_get_stride (layer);

  for (int row = clip->y; row < clip->y + clip->height; row++)
    memset (data + (gsize) row * stride + (gsize) clip->x * 4, 0, (gsize) clip->width * 4);
}

/* Draws the marks into the layer, within clip only. */
static void
draw_marks (cairo_surface_t            *layer,
            const GArray               *marks,
            const KwMatrixChangesStyle *style,
            int                         scale,
            const Clip                 *clip)
{
  pixman_image_t *pixels = pixman_image_create_bits (PIXMAN_a8r8g8b8, cairo_image_surface_get_width (layer),
                                                     cairo_image_surface_get_height (layer),
                                                     (uint32_t *) cairo_image_surface_get_data (layer),
                                                     cairo_image_surface_get_stride (layer));
  pixman_region32_t region;

  pixman_region32_init_rect (&region, clip->x, clip->y, clip->width, clip->height);
  pixman_image_set_clip_region32 (pixels, &region);
  cairo_surface_flush (layer);
  clear_area (layer, clip);
  stamp_marks (pixels, marks, style, KW_MATRIX_CHANGE_PART_OUTLINE, scale);
  draw_shafts (layer, marks, style, scale, clip);
  fill_heads (pixels, marks, style, scale);
  stamp_marks (pixels, marks, style, KW_MATRIX_CHANGE_PART_RING, scale);
  pixman_image_unref (pixels);
  pixman_region32_fini (&region);
  cairo_surface_mark_dirty (layer);
}

/* The geometry and colours of the plan's matrix (kw-matrix-changes.c),
 * rasterized for a thousand marks at once: the outlines and rings copied
 * from one image each, the shafts drawn across (draw_line()), the heads
 * filled by pixman as triangles, all into one image shown as tiles
 * (kw-matrix-tiles.h). After an edit only the pixels of the marks that
 * changed are drawn again, and a tile that looks as it did keeps its node,
 * so GTK repaints only the tiles of the mark that moved. (As a few cairo
 * nodes per mark, a full repaint of 1,000 arrows cost 53 ms more on the
 * cairo renderer; with cairo drawing each piece into the image, 37 to
 * 44 ms.) */
static GskRenderNode *
create_changes_node (KwMatrix      *self,
                     const GdkRGBA *fg)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GHashTable) marks = NULL;
  g_autoptr(GArray) to_draw = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = ceil (self->layout.width * scale), height = ceil (self->layout.height * scale);
  KwMatrixChangesStyle style;
  cairo_surface_t *layer = NULL;
  Clip clip;

  style_changes (self, fg, &style);
  marks = collect_marks (self, &style);
  if (g_hash_table_size (marks) == 0)
    return NULL;

  if (self->changes_tiles == NULL)
    /* Small: an edit repaints the tiles its mark crosses, and a mark's
     * arrow crosses several. */
    self->changes_tiles = kw_matrix_tiles_new (CHANGES_TILE_SIZE);
  if (self->change_marks != NULL && memcmp (&style, &self->changes_style, sizeof style) == 0 &&
      self->changes_scale == scale)
    layer = kw_matrix_tiles_get_layer (self->changes_tiles, width, height);
  if (layer != NULL)
    {
      get_changed_area (self->change_marks, marks, scale, &clip);
      /* Within the layer. */
      clip.width = MIN (clip.x + clip.width, width) - MAX (clip.x, 0);
      clip.height = MIN (clip.y + clip.height, height) - MAX (clip.y, 0);
      clip.x = MAX (clip.x, 0);
      clip.y = MAX (clip.y, 0);
    }
  else
    {
      layer = kw_matrix_tiles_begin (self->changes_tiles, width, height);
      clip = (Clip) { 0, 0, width, height };
    }
  if (clip.width > 0 && clip.height > 0)
    {
      to_draw = marks_in (marks, &clip, scale);
      draw_marks (layer, to_draw, &style, scale, &clip);
    }
  kw_matrix_tiles_append (self->changes_tiles, snapshot, scale);

  g_clear_pointer (&self->change_marks, g_hash_table_unref);
  self->change_marks = g_steal_pointer (&marks);
  self->changes_style = style;
  self->changes_scale = scale;

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Made once per comparison and size: a frame that redraws the matrix for
 * anything else (a selection, a hover) reuses it. */
void
kw_matrix_draw_changes (KwMatrix      *self,
                        GtkSnapshot   *snapshot,
                        const GdkRGBA *fg)
{
  if (self->changes == NULL || self->placement == NULL || self->shown_state != NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->changes)) == 0)
    return;

  if (self->changes_node == NULL)
    self->changes_node = create_changes_node (self, fg);
  if (self->changes_node != NULL)
    gtk_snapshot_append_node (snapshot, self->changes_node);
}

/* ---- The presentation's steps through the snapshots ----------------------- */

KwSnapshot *
kw_matrix_get_shown_snapshot (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->shown_state;
}

/* Where the finding is in the state shown (the snapshot, or now). */
static void
target_position (KwMatrix      *self,
                 KwFinding     *finding,
                 StatePosition *position)
{
  const KwSnapshotEntry *entry;

  if (self->shown_state == NULL)
    {
      position->placed = kw_finding_get_placed (finding);
      position->impact = kw_finding_get_impact (finding);
      position->effort = kw_finding_get_effort (finding);
      return;
    }

  entry = kw_snapshot_lookup (self->shown_state, kw_finding_get_id (finding));
  position->placed = entry != NULL && entry->placed;
  position->impact = entry != NULL ? entry->impact : 0;
  position->effort = entry != NULL ? entry->effort : 0;
}

static double
ease_out_cubic (double t)
{
  double u = 1.0 - t;

  return 1.0 - u * u * u;
}

/* t from 0 (where the cards were) to 1 (the state shown). A finding that
 * is only on one side shows at its place there, appearing or going at
 * the half-way point. */
static void
apply_state (KwMatrix *self,
             double    t)
{
  double e = ease_out_cubic (t);

  for (guint i = 0; i < self->findings->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (self->findings, i);
      KwMatrixCard *card = kw_matrix_lookup_card (self, finding);
      StatePosition *from = g_hash_table_lookup (self->state_from, finding);
      StatePosition to;

      if (card == NULL)
        continue;

      target_position (self, finding, &to);
      if (t >= 1.0 || from == NULL)
        kw_matrix_card_set_state_position (card, self->shown_state != NULL, to.placed, to.impact, to.effort);
      else if (from->placed && to.placed)
        kw_matrix_card_set_state_position (card, TRUE, TRUE,
                                           from->impact + (to.impact - from->impact) * e,
                                           from->effort + (to.effort - from->effort) * e);
      else if (t < 0.5)
        kw_matrix_card_set_state_position (card, TRUE, from->placed, from->impact, from->effort);
      else
        kw_matrix_card_set_state_position (card, TRUE, to.placed, to.impact, to.effort);

      /* Its outcome and what a screen reader says of it once it is
       * there; on the way only whether it shows. */
      if (t >= 1.0)
        kw_matrix_update_card (self, card);
      else
        {
          double impact, effort;

          gtk_widget_set_visible (GTK_WIDGET (card), kw_matrix_card_get_shown_position (card, &impact, &effort));
        }
    }

  kw_matrix_queue_placement (self);
  kw_matrix_invalidate_markers (self);
}

static gboolean
state_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  KwMatrix *self = KW_MATRIX (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t;

  if (self->state_start_us == 0)
    self->state_start_us = now;
  t = CLAMP ((double) (now - self->state_start_us) / STATE_ANIMATION_US, 0.0, 1.0);

  apply_state (self, t);
  if (t < 1.0)
    return G_SOURCE_CONTINUE;

  self->state_tick_id = 0;
  g_hash_table_remove_all (self->state_from);
  return G_SOURCE_REMOVE;
}

static void
update_caption (KwMatrix *self)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->shown_state == NULL)
    {
      gtk_widget_set_visible (self->state_caption, FALSE);
      return;
    }

  when = kw_snapshot_dup_display_time (self->shown_state);
  /* Translators: in the presentation, which snapshot the matrix shows:
   * its name, then when it was taken. */
  text = g_strdup_printf (_("Snapshot: %s (%s)"), kw_snapshot_get_name (self->shown_state), when);
  gtk_label_set_label (GTK_LABEL (self->state_caption), text);
  gtk_widget_set_visible (self->state_caption, TRUE);
}

void
kw_matrix_show_snapshot (KwMatrix   *self,
                         KwSnapshot *snapshot,
                         gboolean    animate)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (snapshot == NULL || KW_IS_SNAPSHOT (snapshot));

  if (self->shown_state == snapshot)
    return;

  /* Start from where the cards are on screen now, mid-animation too. */
  g_hash_table_remove_all (self->state_from);
  for (guint i = 0; animate && self->findings != NULL && i < self->findings->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (self->findings, i);
      KwMatrixCard *card = kw_matrix_lookup_card (self, finding);
      StatePosition *from = g_new0 (StatePosition, 1);

      if (card != NULL)
        from->placed = kw_matrix_card_get_shown_position (card, &from->impact, &from->effort);
      g_hash_table_insert (self->state_from, g_object_ref (finding), from);
    }

  g_set_object (&self->shown_state, snapshot);
  update_caption (self);
  if (self->board != NULL)
    {
      KwThresholds thresholds;

      if (snapshot != NULL)
        kw_snapshot_get_thresholds (snapshot, &thresholds);
      else
        kw_board_get_thresholds (self->board, &thresholds);
      kw_matrix_set_shown_thresholds (self, &thresholds);
    }
  /* Another moment's board is looked at, not edited. */
  if (snapshot != NULL && self->pointer_mode != POINTER_NONE)
    kw_matrix_pointer_cancel (self);

  if (self->findings == NULL)
    return;

  if (animate && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      adw_get_enable_animations (GTK_WIDGET (self)))
    {
      self->state_start_us = 0;
      if (self->state_tick_id == 0)
        self->state_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), state_tick_cb, NULL, NULL);
      return;
    }

  if (self->state_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->state_tick_id);
      self->state_tick_id = 0;
    }
  g_hash_table_remove_all (self->state_from);
  apply_state (self, 1.0);
}

/* Page Down: the next snapshot, then now; Page Up: back, from now to the
 * latest snapshot. TRUE when the board has snapshots to step through. */
gboolean
kw_matrix_step_snapshot (KwMatrix *self,
                         int       direction)
{
  GListModel *snapshots;
  guint n, position;

  if (self->board == NULL)
    return FALSE;

  snapshots = kw_board_get_snapshots (self->board);
  n = g_list_model_get_n_items (snapshots);
  if (n == 0)
    return FALSE;

  /* Positions 0 … n - 1 are the snapshots, n is now. */
  position = n;
  for (guint i = 0; self->shown_state != NULL && i < n; i++)
    {
      g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (snapshots, i);

      if (snapshot == self->shown_state)
        position = i;
    }

  if (direction < 0 && position > 0)
    position--;
  else if (direction > 0 && position < n)
    position++;

  if (position == n)
    kw_matrix_show_snapshot (self, NULL, TRUE);
  else
    {
      g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (snapshots, position);

      kw_matrix_show_snapshot (self, snapshot, TRUE);
    }

  return TRUE;
}

void
kw_matrix_allocate_state_caption (KwMatrix *self,
                                  int       width,
                                  int       height)
{
  int minimum, natural, h;
  double pad = self->base_layout.text_size;

  if (!gtk_widget_get_visible (self->state_caption))
    return;

  gtk_widget_measure (self->state_caption, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  natural = MIN (MAX (natural, minimum), width);
  gtk_widget_measure (self->state_caption, GTK_ORIENTATION_VERTICAL, natural, &h, NULL, NULL, NULL);
  /* Bottom right, beside the effort axis's name: over no zone and no
   * finding. */
  gtk_widget_size_allocate (self->state_caption,
                            &(GtkAllocation) { (int) MAX (0, width - natural - pad / 2), MAX (0, height - h - (int) (pad / 4)),
                                               natural, h },
                            -1);
}

void
kw_matrix_compare_init (KwMatrix *self)
{
  self->state_from = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->state_caption = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->state_caption, "kw-matrix-state");
  gtk_label_set_ellipsize (GTK_LABEL (self->state_caption), PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (self->state_caption, FALSE);
  gtk_widget_set_parent (self->state_caption, GTK_WIDGET (self));
}

void
kw_matrix_compare_dispose (KwMatrix *self)
{
  if (self->state_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->state_tick_id);
      self->state_tick_id = 0;
    }
  g_clear_pointer (&self->state_from, g_hash_table_unref);
  g_clear_pointer (&self->state_caption, gtk_widget_unparent);
  g_clear_object (&self->shown_state);
  g_clear_object (&self->changes);
  kw_matrix_forget_changes_drawing (self);
  g_clear_pointer (&self->changes_tiles, kw_matrix_tiles_free);
}
