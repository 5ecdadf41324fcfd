/* kw-matrix-spreads.c: a revealed round's estimates on the matrix.
 *
 * Every finding with estimates shows them as small markers at each
 * participant's (impact, effort), with its spread as a cross through the
 * median (kw-matrix-spread.h computes where), tied to its finding by a
 * dashed line. 200 findings of 30 participants are 6,000 markers: they are
 * drawn once into one image, with pixman, kept until the board, the layout
 * or the reveal's animation changes them; a repaint only paints that image
 * (as tiles, kw-matrix-tiles.h). All of it lies under the cards, except
 * the markers of the round's current finding: those are drawn over the
 * cards for the room to see, each moved off any title it would cover.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-spreads"

#include "config.h"

#include <math.h>
#include <pixman.h>

#include "kw-matrix-private.h"
#include "kw-matrix-spread.h"

/* Device pixels a side of the spreads' tiles (kw-matrix-tiles.h): their
 * own cost in a full repaint was 14 to 15 ms with 128, 16 to 21 with 64. */
#define SPREADS_TILE_SIZE 128

/* The spread crosses: dark grey, the ties to their findings lighter. */
#define ARMS_GREY 0.1
#define ARMS_OPACITY 0.85
#define TIE_OPACITY 0.7

/* Dark, saturated colours that read on white and on a projector; a
 * participant's is the same on every finding. White initials on them. */
static const char * const marker_colors[] = {
  "#1a5fb4", "#a51d2d", "#26a269", "#c64600", "#613583", "#865e3c", "#0b7d8c", "#9c2e7a",
};

/* ---- The revealed estimates -------------------------------------------- */

static gboolean
shows_spreads (KwMatrix *self)
{
  if (self->board == NULL || self->placement == NULL || kw_matrix_round_is_open (self))
    return FALSE;

  return self->show_spreads || self->reveal_tick_id != 0;
}

/* A dashed line ties the cross to its finding, when it lies apart. */
static void
add_tie_path (cairo_t              *cr,
              const KwMatrixSpread *spread)
{
  cairo_move_to (cr, spread->origin_x, spread->origin_y);
  cairo_line_to (cr, spread->median_x, spread->median_y);
}

static void
stroke_ties (cairo_t *cr,
             double   arm_width,
             double   alpha)
{
  static const double dash[] = { 4, 4 };

  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, MAX (1.0, arm_width / 2));
  cairo_set_source_rgba (cr, ARMS_GREY, ARMS_GREY, ARMS_GREY, TIE_OPACITY * alpha);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

#define N_ARMS 6

/* The cross's bars and the caps that say where the spread ends. */
static void
get_arms (const KwMatrixSpread *spread,
          KwMatrixRect          arms[N_ARMS])
{
  double w = spread->arm_width, cap = KW_MATRIX_SPREAD_CAP * w;

  arms[0] = (KwMatrixRect) { spread->cross_left, spread->median_y - w / 2, spread->cross_right - spread->cross_left, w };
  arms[1] = (KwMatrixRect) { spread->median_x - w / 2, spread->cross_top, w, spread->cross_bottom - spread->cross_top };
  arms[2] = (KwMatrixRect) { spread->cross_left - w / 2, spread->median_y - cap, w, 2 * cap };
  arms[3] = (KwMatrixRect) { spread->cross_right - w / 2, spread->median_y - cap, w, 2 * cap };
  arms[4] = (KwMatrixRect) { spread->median_x - cap, spread->cross_top - w / 2, 2 * cap, w };
  arms[5] = (KwMatrixRect) { spread->median_x - cap, spread->cross_bottom - w / 2, 2 * cap, w };
}

/* One spread's cross, in a cairo node (the one in focus). */
static void
draw_cross (cairo_t              *cr,
            const KwMatrixSpread *spread)
{
  KwMatrixRect arms[N_ARMS];

  add_tie_path (cr, spread);
  stroke_ties (cr, spread->arm_width, 1.0);
  get_arms (spread, arms);
  for (guint i = 0; i < N_ARMS; i++)
    cairo_rectangle (cr, arms[i].x, arms[i].y, arms[i].width, arms[i].height);
  cairo_set_source_rgba (cr, ARMS_GREY, ARMS_GREY, ARMS_GREY, ARMS_OPACITY);
  cairo_fill (cr);
}

/* The crosses of n spreads in the layer's pixels: the dashed ties with
 * cairo, one stroke each, then the arms as rectangles filled by pixman on
 * whole device pixels (cairo's fill of the same 1,200 rectangles cost
 * 9 ms to 14 ms). The arms replace what is under them rather than darken
 * it, so where crosses overlap they read as one shape. */
static void
draw_crosses (cairo_surface_t       *layer,
              pixman_image_t        *layer_image,
              KwMatrixSpread * const *spreads,
              guint                  n,
              int                    scale,
              double                 alpha)
{
  cairo_t *cr = cairo_create (layer);
  guint16 a = (guint16) (ARMS_OPACITY * alpha * 0xffff);
  /* Premultiplied, as pixman takes colours. */
  guint16 grey = (guint16) (ARMS_GREY * ARMS_OPACITY * alpha * 0xffff);
  pixman_color_t color = { grey, grey, grey, a };
  g_autoptr(GArray) rects = g_array_sized_new (FALSE, FALSE, sizeof (pixman_rectangle16_t), n * N_ARMS);

  cairo_scale (cr, scale, scale);
  /* 200 dashed ties with cairo's best smoothing cost 8 ms; its fast one,
   * hardly different on thin grey dashes, 5 ms. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  /* One path, one stroke: every spread of a layout has the same arm
   * width. */
  for (guint i = 0; i < n; i++)
    add_tie_path (cr, spreads[i]);
  stroke_ties (cr, spreads[0]->arm_width, alpha);
  cairo_destroy (cr);
  cairo_surface_flush (layer);

  for (guint i = 0; i < n; i++)
    {
      KwMatrixRect arms[N_ARMS];

      get_arms (spreads[i], arms);
      for (guint j = 0; j < N_ARMS; j++)
        {
          int x0 = (int) round (arms[j].x * scale), y0 = (int) round (arms[j].y * scale);
          int x1 = (int) round ((arms[j].x + arms[j].width) * scale);
          int y1 = (int) round ((arms[j].y + arms[j].height) * scale);
          pixman_rectangle16_t rect = { x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1) };

          g_array_append_val (rects, rect);
        }
    }
  pixman_image_fill_rectangles (PIXMAN_OP_SRC, layer_image, &color, rects->len,
                                (pixman_rectangle16_t *) rects->data);
}

/* One participant's marker, drawn once per size into a small image and
 * then only copied: 6,000 markers with their initials cost as much as
 * 6,000 copies of a few hundred pixels. */
static cairo_surface_t *
create_marker_surface (KwMatrix      *self,
                       KwParticipant *participant,
                       guint          position,
                       double         radius,
                       int            scale,
                       PangoLayout   *initials_layout)
{
  int size = (int) ceil (2 * (radius + 2));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size * scale, size * scale);
  cairo_t *cr = cairo_create (surface);
  GdkRGBA color;

  cairo_surface_set_device_scale (surface, scale, scale);
  cairo_scale (cr, scale, scale);
  gdk_rgba_parse (&color, marker_colors[position % G_N_ELEMENTS (marker_colors)]);
  cairo_arc (cr, size / 2.0, size / 2.0, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill_preserve (cr);
  /* A white ring keeps touching markers apart. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  if (initials_layout != NULL)
    {
      g_autofree char *initials = kw_matrix_dup_initials (kw_participant_get_name (participant));

      cairo_set_source_rgb (cr, 1, 1, 1);
      kw_matrix_show_centered_text (cr, initials_layout, initials, size / 2.0, size / 2.0);
    }
  cairo_destroy (cr);
  /* Its device scale is undone by cairo_scale() of the caller. */
  cairo_surface_set_device_scale (surface, 1, 1);

  return surface;
}

/* Participant id → its marker image, for the board's participants now. */
static GHashTable *
create_marker_surfaces (KwMatrix *self,
                        double    radius,
                        int       scale)
{
  KwParticipantList *participants = kw_board_get_participants (self->board);
  GHashTable *surfaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cairo_surface_destroy);
  g_autoptr(PangoLayout) initials_layout = NULL;

  /* Two letters fit from about 7 px on. */
  if (radius >= 7)
    initials_layout = kw_matrix_create_initials_layout (self, radius * 0.8);
  for (guint i = 0; i < kw_participant_list_get_n_items (participants); i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (participants, i);

      g_hash_table_insert (surfaces, g_strdup (kw_participant_get_id (participant)),
                           create_marker_surface (self, participant, i, radius, scale, initials_layout));
    }

  return surfaces;
}

/* The marker images as pixman images over the same pixels. */
static void
marker_image_free (gpointer image)
{
  pixman_image_unref (image);
}

static GHashTable *
wrap_marker_surfaces (GHashTable *marker_surfaces)
{
  GHashTable *images = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, marker_image_free);
  GHashTableIter iter;
  gpointer id, surface;

  g_hash_table_iter_init (&iter, marker_surfaces);
  while (g_hash_table_iter_next (&iter, &id, &surface))
    {
      cairo_surface_flush (surface);
      g_hash_table_insert (images, id,
                           pixman_image_create_bits (PIXMAN_a8r8g8b8,
                                                     cairo_image_surface_get_width (surface),
                                                     cairo_image_surface_get_height (surface),
                                                     (uint32_t *) cairo_image_surface_get_data (surface),
                                                     cairo_image_surface_get_stride (surface)));
    }

  return images;
}

/* Copies the markers into the layer's pixels (device pixels, each on
 * whole pixels, so they stay sharp). pixman itself, not a cairo paint per
 * marker: cairo's set-up of each paint cost 5 µs, half the frame at 6,000
 * markers; pixman's is a fraction of that. */
static void
copy_markers (pixman_image_t       *layer,
              const KwMatrixSpread *spread,
              GHashTable           *marker_images,
              int                   scale,
              double                alpha)
{
  pixman_image_t *mask = NULL;

  if (alpha < 1.0)
    {
      pixman_color_t color = { 0, 0, 0, (uint16_t) (alpha * 0xffff) };

      mask = pixman_image_create_solid_fill (&color);
    }

  for (guint i = 0; i < spread->n_markers; i++)
    {
      const KwMatrixSpreadMarker *marker = &spread->markers[i];
      pixman_image_t *image = g_hash_table_lookup (marker_images, marker->participant_id);
      int size;

      if (image == NULL)
        continue;
      size = pixman_image_get_width (image);
      pixman_image_composite32 (PIXMAN_OP_OVER, image, mask, layer, 0, 0, 0, 0,
                                (int) round (marker->x * scale - size / 2.0),
                                (int) round (marker->y * scale - size / 2.0), size, size);
    }

  g_clear_pointer (&mask, pixman_image_unref);
}

/* The markers of the one spread in focus, in a cairo node of its own
 * (the many others are copied with copy_markers()). */
static void
draw_markers (cairo_t              *cr,
              const KwMatrixSpread *spread,
              GHashTable           *marker_surfaces,
              int                   scale)
{
  for (guint i = 0; i < spread->n_markers; i++)
    {
      const KwMatrixSpreadMarker *marker = &spread->markers[i];
      cairo_surface_t *surface = g_hash_table_lookup (marker_surfaces, marker->participant_id);
      double half;

      if (surface == NULL)
        continue;
      half = cairo_image_surface_get_width (surface) / (2.0 * scale);
      cairo_save (cr);
      /* On whole device pixels: the copy stays sharp. */
      cairo_translate (cr, round ((marker->x - half) * scale) / scale, round ((marker->y - half) * scale) / scale);
      cairo_scale (cr, 1.0 / scale, 1.0 / scale);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
}

/* The titles on the matrix what is drawn over the cards must keep off:
 * every card shown and every zone's name. */
GArray *
kw_matrix_collect_title_rects (KwMatrix *self)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (KwMatrixRect));

  for (guint i = 0; i < self->placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (self->placement->labels, KwMatrixPlacedLabel, i);
      KwMatrixCard *card = kw_matrix_lookup_card (self, label->data);

      if (label->placed && (card == NULL || gtk_widget_get_visible (GTK_WIDGET (card))))
        g_array_append_val (rects, label->label);
    }
  for (guint z = 0; z < self->placement->n_zone_labels; z++)
    g_array_append_val (rects, self->placement->zone_labels[z].rect);

  return rects;
}

/* The box of the spread in focus with the dashed tie from its finding. */
static void
get_focus_bounds (const KwMatrixSpread *spread,
                  KwMatrixRect         *bounds)
{
  kw_matrix_spread_get_bounds (spread, bounds);
  bounds->width = MAX (bounds->x + bounds->width, spread->origin_x + 1) - MIN (bounds->x, spread->origin_x - 1);
  bounds->height = MAX (bounds->y + bounds->height, spread->origin_y + 1) - MIN (bounds->y, spread->origin_y - 1);
  bounds->x = MIN (bounds->x, spread->origin_x - 1);
  bounds->y = MIN (bounds->y, spread->origin_y - 1);
}

/* A thin line from where each moved marker belongs to where it is. */
static void
draw_leaders (cairo_t              *cr,
              const KwMatrixSpread *spread)
{
  gboolean any = FALSE;

  for (guint i = 0; i < spread->n_markers; i++)
    {
      const KwMatrixSpreadMarker *marker = &spread->markers[i];

      if (!marker->moved)
        continue;
      cairo_move_to (cr, marker->anchor_x, marker->anchor_y);
      cairo_line_to (cr, marker->x, marker->y);
      any = TRUE;
    }
  if (!any)
    return;
  cairo_set_line_width (cr, MAX (1.0, spread->arm_width / 2));
  cairo_set_source_rgba (cr, ARMS_GREY, ARMS_GREY, ARMS_GREY, ARMS_OPACITY);
  cairo_stroke (cr);
}

static double
reveal_progress (KwMatrix *self)
{
  double t = self->reveal_tick_id != 0 ? self->reveal_progress : 1.0;

  /* Ease out: fast from the finding, slowing as they arrive. */
  return 1 - pow (1 - t, 3);
}

/* Every spread drawn once into one image over the widget, shown as tiles
 * (kw-matrix-tiles.h) that only paint it: a repaint costs one copy,
 * however many markers (as a node of its own drawing, the cairo renderer
 * drew its 6,000 markers again on every repaint). */
static GskRenderNode *
create_spreads_node (KwMatrix *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GHashTable) marker_surfaces = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double progress = reveal_progress (self);
  KwFinding *in_focus = self->round != NULL ? kw_round_get_current (self->round) : NULL;
  g_autoptr(GPtrArray) spreads = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_matrix_spread_free);
  /* The round's current finding in front, the others faint: whose
   * markers are whose stays clear on a crowded matrix. */
  double alpha = in_focus != NULL ? 0.35 : 1.0;
  cairo_t *cr;

  for (guint i = 0; i < kw_board_get_n_findings (self->board); i++)
    {
      KwFinding *finding = kw_board_get_finding (self->board, i);
      KwMatrixCard *card = kw_matrix_lookup_card (self, finding);
      KwMatrixSpread *spread;

      /* Hidden findings (done and hidden) keep their estimates hidden too. */
      if (finding == in_focus || kw_finding_get_n_estimates (finding) == 0 ||
          (card != NULL && !gtk_widget_get_visible (GTK_WIDGET (card))))
        continue;
      spread = kw_matrix_spread_new (&self->layout, finding, progress);
      if (spread != NULL)
        g_ptr_array_add (spreads, spread);
    }

  if (spreads->len > 0)
    {
      KwMatrixSpread *first = g_ptr_array_index (spreads, 0);
      cairo_surface_t *layer;
      pixman_image_t *layer_image;
      g_autoptr(GHashTable) marker_images = NULL;

      if (self->spreads_tiles == NULL)
        self->spreads_tiles = kw_matrix_tiles_new (SPREADS_TILE_SIZE);
      layer = kw_matrix_tiles_begin (self->spreads_tiles, ceil (self->layout.width * scale),
                                     ceil (self->layout.height * scale));
      marker_surfaces = create_marker_surfaces (self, first->radius, scale);
      marker_images = wrap_marker_surfaces (marker_surfaces);

      layer_image = pixman_image_create_bits (PIXMAN_a8r8g8b8, cairo_image_surface_get_width (layer),
                                              cairo_image_surface_get_height (layer),
                                              (uint32_t *) cairo_image_surface_get_data (layer),
                                              cairo_image_surface_get_stride (layer));
      /* Every cross first, then every marker over them: no cross hides
       * a participant's marker. */
      draw_crosses (layer, layer_image, (KwMatrixSpread * const *) spreads->pdata, spreads->len, scale, alpha);
      for (guint i = 0; i < spreads->len; i++)
        copy_markers (layer_image, g_ptr_array_index (spreads, i), marker_images, scale, alpha);
      pixman_image_unref (layer_image);
      cairo_surface_mark_dirty (layer);
      kw_matrix_tiles_append (self->spreads_tiles, snapshot, scale);
    }

  /* The current finding's own spread in front of the others: its cross
   * and ties still under the cards, its markers over them but moved off
   * every title, so the room reads both. */
  if (in_focus != NULL && kw_finding_get_n_estimates (in_focus) > 0)
    {
      g_autoptr(KwMatrixSpread) spread = kw_matrix_spread_new (&self->layout, in_focus, progress);

      if (spread != NULL)
        {
          g_autoptr(GArray) titles = kw_matrix_collect_title_rects (self);
          g_autoptr(GtkSnapshot) focus = gtk_snapshot_new ();
          KwMatrixRect bounds;

          kw_matrix_spread_move_clear_of (spread, (KwMatrixRect *) titles->data, titles->len, &self->layout.plot);
          if (marker_surfaces == NULL)
            marker_surfaces = create_marker_surfaces (self, spread->radius, scale);
          get_focus_bounds (spread, &bounds);
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (bounds.x, bounds.y, bounds.width, bounds.height));
          draw_cross (cr, spread);
          draw_leaders (cr, spread);
          cairo_destroy (cr);

          cr = gtk_snapshot_append_cairo (focus, &GRAPHENE_RECT_INIT (bounds.x, bounds.y, bounds.width, bounds.height));
          draw_markers (cr, spread, marker_surfaces, scale);
          cairo_destroy (cr);
          self->focus_spread_node = gtk_snapshot_free_to_node (g_steal_pointer (&focus));
        }
    }

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

void
kw_matrix_clear_spread_nodes (KwMatrix *self)
{
  g_clear_pointer (&self->spreads_node, gsk_render_node_unref);
  g_clear_pointer (&self->focus_spread_node, gsk_render_node_unref);
}

void
kw_matrix_draw_focus_spread (KwMatrix    *self,
                             GtkSnapshot *snapshot)
{
  if (shows_spreads (self) && self->focus_spread_node != NULL)
    gtk_snapshot_append_node (snapshot, self->focus_spread_node);
}

void
kw_matrix_forget_round_drawing (KwMatrix *self)
{
  kw_matrix_clear_spread_nodes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kw_matrix_draw_spreads (KwMatrix    *self,
                        GtkSnapshot *snapshot)
{
  if (!shows_spreads (self))
    return;

  if (self->spreads_node == NULL)
    self->spreads_node = create_spreads_node (self);
  if (self->spreads_node != NULL)
    gtk_snapshot_append_node (snapshot, self->spreads_node);
}
