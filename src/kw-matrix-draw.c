/* kw-matrix-draw.c: what the matrix draws itself: the zones,
 * the scale, the threshold lines, the legend and the rubber band; the
 * cards draw themselves
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
#include "kw-matrix-placement.h"
#include "kw-matrix-private.h"
#include "kw-text.h"

void
kw_matrix_invalidate_background (KwMatrix *self)
{
  g_clear_pointer (&self->background, gsk_render_node_unref);
  g_clear_pointer (&self->markers, gsk_render_node_unref);
  g_clear_pointer (&self->changes_node, gsk_render_node_unref);
  /* The colours may have changed (a dark style). */
  kw_matrix_forget_changes_drawing (self);
  kw_matrix_forget_round_drawing (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

typedef struct {
  GdkRGBA  fg;
  GdkRGBA  zones[KW_MATRIX_N_ZONES];
  gboolean is_dark;
  double   text_alpha;  /* of zone names and the scale: full when
                         * presenting, so all text reads at >= 4.5:1 */
} Palette;

/* The outcome colours of the core (kw_outcome_get_color), the same hues as
 * the lists and every export, at strengths chosen so the zones also differ
 * in lightness: quick wins the strongest, drop the faintest. The labels
 * name every zone, so colour never carries the meaning alone. */
static void
get_palette (KwMatrix *self,
             Palette  *palette)
{
  static const double light_strength[KW_MATRIX_N_ZONES] = { 0.30, 0.24, 0.20, 0.24, 0.10 };
  static const double dark_strength[KW_MATRIX_N_ZONES] = { 0.34, 0.30, 0.30, 0.22, 0.16 };
  /* Presenting is always light (style.css): projectors wash dark
   * backgrounds out. */
  gboolean is_dark = !self->presentation && adw_style_manager_get_dark (adw_style_manager_get_default ());

  palette->is_dark = is_dark;
  palette->text_alpha = self->presentation ? 1.0 : 0.62;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &palette->fg);

  for (guint outcome = 0; outcome < KW_MATRIX_N_ZONES; outcome++)
    {
      GdkRGBA *zone = &palette->zones[outcome];

      gdk_rgba_parse (zone, kw_outcome_get_color (outcome, is_dark));
      zone->alpha = is_dark ? dark_strength[outcome] : light_strength[outcome];
    }
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static PangoLayout *
create_text (KwMatrix   *self,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoFontDescription) font = NULL;
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));

  font = base != NULL ? pango_font_description_copy (base) : pango_font_description_new ();
  pango_font_description_set_family (font, KW_MATRIX_PLACEMENT_FONT);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);

  return layout;
}

/* Draws text with its top left at (x, y), or aligned by xalign and
 * yalign (0 = left/top, 0.5 = centre, 1 = right/bottom) around it. */
static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           double         xalign,
           double         yalign,
           const GdkRGBA *color)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - xalign * w), round (y - yalign * h)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static graphene_rect_t
to_graphene (const KwMatrixRect *rect)
{
  return GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
}

static void
draw_zones (KwMatrix      *self,
            GtkSnapshot   *snapshot,
            const Palette *palette)
{
  KwMatrixZone zones[KW_MATRIX_N_ZONES];

  kw_matrix_layout_get_zones (&self->layout, &self->thresholds, zones);

  for (guint z = 0; z < KW_MATRIX_N_ZONES; z++)
    {
      graphene_rect_t bounds = to_graphene (&zones[z].rect);

      gtk_snapshot_append_color (snapshot, &palette->zones[zones[z].outcome], &bounds);
    }

  /* Each zone's name where the placement put it (an obstacle to labels). */
  for (guint z = 0; self->placement != NULL && z < self->placement->n_zone_labels; z++)
    {
      const KwMatrixZoneLabel *zone = &self->placement->zone_labels[z];
      /* In the weight the placement measured it in: bold would overflow
       * the room kept free for it. */
      g_autoptr(PangoLayout) label = create_text (self, zone->text, self->placement->zone_text_size, FALSE);
      GdkRGBA color = with_alpha (&palette->fg, palette->text_alpha);

      draw_text (snapshot, label, zone->rect.x, zone->rect.y, 0, 0, &color);
    }
}

static void
draw_scale (KwMatrix      *self,
            GtkSnapshot   *snapshot,
            const Palette *palette)
{
  KwMatrixTick ticks[KW_MATRIX_N_TICKS];
  const KwMatrixRect *plot = &self->layout.plot;
  double text = self->layout.text_size;
  double hairline = MAX (1.0, round (text / 14.0));
  GdkRGBA grid = with_alpha (&palette->fg, 0.10);
  GdkRGBA frame = with_alpha (&palette->fg, 0.35);
  GdkRGBA numbers = with_alpha (&palette->fg, MAX (0.55, palette->text_alpha));
  GdkRGBA titles = with_alpha (&palette->fg, 0.85);
  g_autoptr(PangoLayout) impact_title = NULL;
  g_autoptr(PangoLayout) effort_title = NULL;
  int title_w, title_h;

  kw_matrix_layout_get_ticks (&self->layout, ticks);

  for (guint i = 0; i < KW_MATRIX_N_TICKS; i++)
    {
      char value[8];
      g_autoptr(PangoLayout) vertical = NULL;
      g_autoptr(PangoLayout) horizontal = NULL;
      const GdkRGBA *line = (i == 0 || i == KW_MATRIX_N_TICKS - 1) ? &frame : &grid;

      gtk_snapshot_append_color (snapshot, line,
                                 &GRAPHENE_RECT_INIT (ticks[i].x - hairline / 2, plot->y, hairline, plot->height));
      gtk_snapshot_append_color (snapshot, line,
                                 &GRAPHENE_RECT_INIT (plot->x, ticks[i].y - hairline / 2, plot->width, hairline));

      /* A zoomed view divides its range in ten: one decimal is enough. */
      g_snprintf (value, sizeof value, "%g", round (ticks[i].impact_value * 10) / 10);
      vertical = create_text (self, value, text * 0.8, FALSE);
      g_snprintf (value, sizeof value, "%g", round (ticks[i].value * 10) / 10);
      horizontal = create_text (self, value, text * 0.8, FALSE);
      draw_text (snapshot, vertical, plot->x - text * 0.4, ticks[i].y, 1, 0.5, &numbers);
      draw_text (snapshot, horizontal, ticks[i].x, plot->y + plot->height + text * 0.3, 0.5, 0, &numbers);
    }

  /* Impact reads bottom to top, beside the scale. */
  impact_title = create_text (self, _("Impact"), text, TRUE);
  pango_layout_get_pixel_size (impact_title, &title_w, &title_h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (text * 0.3),
                                                         round (plot->y + plot->height / 2 + title_w / 2.0)));
  gtk_snapshot_rotate (snapshot, -90);
  gtk_snapshot_append_layout (snapshot, impact_title, &titles);
  gtk_snapshot_restore (snapshot);

  effort_title = create_text (self, _("Effort"), text, TRUE);
  draw_text (snapshot, effort_title, plot->x + plot->width / 2,
             plot->y + plot->height + text * 1.6, 0.5, 0, &titles);
}

static void
draw_disc (GtkSnapshot   *snapshot,
           double         cx,
           double         cy,
           double         radius,
           const GdkRGBA *color)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);
  GskRoundedRect disc;

  gsk_rounded_rect_init_from_rect (&disc, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static double
line_width (KwMatrix *self)
{
  return MAX (2.0, round (self->layout.text_size / 6.0));
}

/* The handles sit where the layout says, which the placement keeps
 * free of labels. */
double
kw_matrix_handle_radius (KwMatrix *self)
{
  double x, y, radius;

  kw_matrix_layout_get_handle (&self->layout, &self->thresholds, KW_MATRIX_LINE_IMPACT, &x, &y, &radius);
  return radius;
}

void
kw_matrix_get_handle_point (KwMatrix     *self,
                            KwMatrixLine  line,
                            double       *x,
                            double       *y)
{
  double radius;

  kw_matrix_layout_get_handle (&self->layout, &self->thresholds, line, x, y, &radius);
}

static void
draw_lines (KwMatrix      *self,
            GtkSnapshot   *snapshot,
            const Palette *palette)
{
  double width = line_width (self);
  GdkRGBA color = with_alpha (&palette->fg, 0.7);
  GdkRGBA tiny_color = with_alpha (&palette->fg, 0.45);

  for (KwMatrixLine line = 0; line < KW_MATRIX_N_LINES; line++)
    {
      const GdkRGBA *c = line == KW_MATRIX_LINE_TINY_EFFORT ? &tiny_color : &color;
      double x1, y1, x2, y2, hx, hy;
      double w = line == KW_MATRIX_LINE_TINY_EFFORT ? MAX (1.0, width / 2) : width;

      kw_matrix_layout_get_line (&self->layout, &self->thresholds, line, &x1, &y1, &x2, &y2);
      gtk_snapshot_append_color (snapshot, c,
                                 &GRAPHENE_RECT_INIT (MIN (x1, x2) - w / 2, MIN (y1, y2) - w / 2,
                                                      fabs (x2 - x1) + w, fabs (y2 - y1) + w));
      kw_matrix_get_handle_point (self, line, &hx, &hy);
      draw_disc (snapshot, hx, hy, kw_matrix_handle_radius (self), c);
    }
}

/* The badge of a number: the outcome's colour, the number in black or
 * white, whichever stands out more (at least 4.6:1 on any colour). */
static void
draw_badge (KwMatrix           *self,
            GtkSnapshot        *snapshot,
            const KwMatrixRect *box,
            KwOutcome           outcome,
            guint               number,
            double              size,
            gboolean            is_dark)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (box->x, box->y, box->width, box->height);
  GskRoundedRect rounded;
  GdkRGBA fill, ink;
  char text[16];
  g_autoptr(PangoLayout) layout = NULL;

  gdk_rgba_parse (&fill, kw_outcome_get_color (outcome, is_dark));
  ink = kw_matrix_card_ink_for (&fill);
  gsk_rounded_rect_init_from_rect (&rounded, &bounds, MIN (box->height, box->width) / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &fill, &bounds);
  gtk_snapshot_pop (snapshot);

  g_snprintf (text, sizeof text, "%u", number);
  layout = create_text (self, text, size, TRUE);
  draw_text (snapshot, layout, box->x + box->width / 2, box->y + box->height / 2, 0.5, 0.5, &ink);
}

/* Every finding by number, in columns, the page shown of several. */
static void
draw_legend (KwMatrix      *self,
             GtkSnapshot   *snapshot,
             const Palette *palette)
{
  const KwMatrixPlacement *placement = self->placement;
  double size;
  GdkRGBA color = palette->fg;

  if (placement == NULL || placement->legend == NULL)
    return;

  size = placement->legend_text_size;
  for (guint i = 0; i < placement->legend->len; i++)
    {
      const KwMatrixLegendEntry *entry = &g_array_index (placement->legend, KwMatrixLegendEntry, i);
      double badge_width;
      KwMatrixRect badge;

      if (entry->page != self->legend_page)
        continue;

      /* The badges are as wide as the widest number's. */
      badge_width = placement->legend_badge_width;
      badge = (KwMatrixRect) { entry->rect.x, entry->rect.y, badge_width,
                               KW_MATRIX_PLACEMENT_LINE_HEIGHT * size };
      draw_badge (self, snapshot, &badge, entry->outcome, entry->number, size * 0.85, FALSE);

      for (guint l = 0; l < entry->n_lines; l++)
        {
          g_autoptr(PangoLayout) line = create_text (self, entry->lines[l], size, FALSE);
          double baseline = entry->rect.y + (l * KW_MATRIX_PLACEMENT_LINE_HEIGHT + KW_MATRIX_PLACEMENT_BASELINE) * size;

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (round (entry->rect.x + badge_width + KW_MATRIX_PLACEMENT_PADDING * size),
                                                        round (baseline - pango_layout_get_baseline (line) / (double) PANGO_SCALE)));
          gtk_snapshot_append_layout (snapshot, line, &color);
          gtk_snapshot_restore (snapshot);
        }
    }

  if (placement->n_legend_pages > 1)
    {
      /* Translators: under the legend when it takes several pages. */
      g_autofree char *more = g_strdup_printf (_("Page %u of %u (Page Down for more)"),
                                               self->legend_page + 1, placement->n_legend_pages);
      g_autoptr(PangoLayout) layout = create_text (self, more, size * 0.8, FALSE);
      const KwMatrixRect *area = &placement->layout.legend;

      draw_text (snapshot, layout, area->x, area->y + area->height, 0, 0, &color);
    }
}

/* ---- Markers and leader lines -------------------------------------------- */

static void
trace_marker (cairo_t             *cr,
              KwMatrixMarkerShape  shape,
              double               x,
              double               y,
              double               r)
{
  switch (shape)
    {
    case KW_MATRIX_MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case KW_MATRIX_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;
    case KW_MATRIX_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r * 1.05, y + r * 0.75);
      cairo_line_to (cr, x - r * 1.05, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case KW_MATRIX_MARKER_CROSS:
      {
        double a = r * 0.35, b = r * 1.0;

        cairo_move_to (cr, x - b, y - b + a);
        cairo_line_to (cr, x - b + a, y - b);
        cairo_line_to (cr, x, y - a);
        cairo_line_to (cr, x + b - a, y - b);
        cairo_line_to (cr, x + b, y - b + a);
        cairo_line_to (cr, x + a, y);
        cairo_line_to (cr, x + b, y + b - a);
        cairo_line_to (cr, x + b - a, y + b);
        cairo_line_to (cr, x, y + a);
        cairo_line_to (cr, x - b + a, y + b);
        cairo_line_to (cr, x - b, y + b - a);
        cairo_line_to (cr, x - a, y);
        cairo_close_path (cr);
      }
      break;
    case KW_MATRIX_MARKER_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
draw_marker (cairo_t       *cr,
             KwOutcome      outcome,
             double         x,
             double         y,
             double         r,
             const GdkRGBA *outline,
             gboolean       is_dark)
{
  GdkRGBA fill;

  gdk_rgba_parse (&fill, kw_outcome_get_color (outcome, is_dark));
  trace_marker (cr, kw_matrix_marker_shape (outcome), x, y, r);
  gdk_cairo_set_source_rgba (cr, &fill);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, outline);
  cairo_set_line_width (cr, MAX (1.0, r / 4));
  cairo_stroke (cr);
}

/* The markers of the cards that stand still and their leader lines, in
 * one node kept until the placement changes. */
static GskRenderNode *
create_markers (KwMatrix      *self,
                const Palette *palette)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GdkRGBA leader = with_alpha (&palette->fg, 0.7);
  gboolean settling = g_hash_table_size (self->settle_from) > 0;
  double lw = MAX (1.0, round (self->placement->text_size / 12.0));
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->layout.width, self->layout.height));

  /* Leaders first, under every marker; not while the labels slide to
   * their new places. */
  for (guint i = 0; !settling && i < self->placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (self->placement->labels, KwMatrixPlacedLabel, i);

      if (!label->placed || !label->has_leader || kw_matrix_card_get_dragging (label->data))
        continue;
      cairo_move_to (cr, label->leader_x1, label->leader_y1);
      cairo_line_to (cr, label->leader_x2, label->leader_y2);
    }
  gdk_cairo_set_source_rgba (cr, &leader);
  cairo_set_line_width (cr, lw);
  cairo_stroke (cr);

  for (guint i = 0; i < self->placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (self->placement->labels, KwMatrixPlacedLabel, i);

      const KwMatrixRect *plot = &self->layout.plot;

      /* Outside a zoomed view a finding is not drawn at all. */
      if (kw_matrix_card_get_dragging (label->data) ||
          label->x < plot->x - 0.5 || label->x > plot->x + plot->width + 0.5 ||
          label->y < plot->y - 0.5 || label->y > plot->y + plot->height + 0.5)
        continue;
      draw_marker (cr, label->outcome, label->x, label->y, label->marker_radius, &palette->fg, palette->is_dark);
    }

  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The markers of dragged cards, where they are now. */
static void
draw_dragged_markers (KwMatrix      *self,
                      GtkSnapshot   *snapshot,
                      const Palette *palette)
{
  for (guint i = 0; self->moved != NULL && i < self->moved->len; i++)
    {
      KwMatrixCard *card = g_array_index (self->moved, MovedFinding, i).card;
      const KwMatrixPlacedLabel *label = g_hash_table_lookup (self->labels, card);
      double impact, effort, x, y, r;
      cairo_t *cr;

      if (label == NULL || !kw_matrix_card_get_shown_position (card, &impact, &effort))
        continue;
      kw_matrix_layout_score_to_point (&self->layout, impact, effort, &x, &y);
      /* Only as large as the marker: a surface the size of the matrix
       * on every frame of a drag costs more than everything else. */
      r = label->marker_radius * 1.5 + 2;
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (floor (x - r), floor (y - r),
                                                                      ceil (2 * r) + 1, ceil (2 * r) + 1));
      draw_marker (cr, kw_outcome_classify (TRUE, impact, effort, &self->thresholds),
                   x, y, label->marker_radius, &palette->fg, palette->is_dark);
      cairo_destroy (cr);
    }
}

void
kw_matrix_invalidate_markers (KwMatrix *self)
{
  g_clear_pointer (&self->markers, gsk_render_node_unref);
  /* The arrows' size follows the markers' (the placement's text size). */
  g_clear_pointer (&self->changes_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GskRenderNode *
create_background (KwMatrix *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  Palette palette;

  get_palette (self, &palette);
  draw_zones (self, snapshot, &palette);
  draw_scale (self, snapshot, &palette);
  draw_lines (self, snapshot, &palette);
  if (self->placement != NULL && self->placement->mode == KW_MATRIX_LABELS_NUMBERS)
    draw_legend (self, snapshot, &palette);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
draw_rubber_band (KwMatrix    *self,
                  GtkSnapshot *snapshot)
{
  graphene_rect_t band = GRAPHENE_RECT_INIT (MIN (self->press_x, self->pointer_x),
                                             MIN (self->press_y, self->pointer_y),
                                             fabs (self->pointer_x - self->press_x),
                                             fabs (self->pointer_y - self->press_y));
  GskRoundedRect outline;
  GdkRGBA fill = { 0.208, 0.518, 0.894, 0.15 };
  GdkRGBA border = { 0.208, 0.518, 0.894, 0.8 };
  float w = 1;

  gtk_snapshot_append_color (snapshot, &fill, &band);
  gsk_rounded_rect_init_from_rect (&outline, &band, 0);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { w, w, w, w },
                              (GdkRGBA[4]) { border, border, border, border });
}

void
kw_matrix_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  KwMatrix *self = KW_MATRIX (widget);
  gboolean from_textures = FALSE;
  Palette palette;

  if (self->background == NULL)
    self->background = create_background (self);
  if (self->background != NULL)
    gtk_snapshot_append_node (snapshot, self->background);

  get_palette (self, &palette);
  if (self->markers == NULL && self->placement != NULL)
    self->markers = create_markers (self, &palette);
  /* Under the markers and the cards: the earlier spots never hide a
   * finding or its title. */
  kw_matrix_draw_changes (self, snapshot, &palette.fg);
  if (self->markers != NULL)
    gtk_snapshot_append_node (snapshot, self->markers);
  draw_dragged_markers (self, snapshot, &palette);
  /* Over the findings' markers, under their titles. */
  kw_matrix_draw_spreads (self, snapshot);

  if (kw_matrix_wants_card_chunks (self))
    from_textures = kw_matrix_update_card_chunks (self);
  else
    kw_matrix_clear_card_chunks (self);
  if (from_textures)
    kw_matrix_draw_card_chunks (self, snapshot);

  /* The dragged cards, the badge and anything else on top. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!from_textures || !kw_matrix_is_still_card (child))
        gtk_widget_snapshot_child (widget, child, snapshot);
    }

  if (self->band_visible)
    draw_rubber_band (self, snapshot);
  /* The current finding's estimates and who is in, over everything: the
   * room reads them at a glance. */
  kw_matrix_draw_focus_spread (self, snapshot);
  kw_matrix_draw_round_chips (self, snapshot);
}
