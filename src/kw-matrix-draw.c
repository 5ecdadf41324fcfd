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
#include "kw-matrix-private.h"
#include "kw-text.h"

void
kw_matrix_invalidate_background (KwMatrix *self)
{
  g_clear_pointer (&self->background, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

typedef struct {
  GdkRGBA fg;
  GdkRGBA zones[KW_MATRIX_N_ZONES];
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
  gboolean is_dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

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
  double text = self->layout.text_size;
  double pad = text * 0.5;

  kw_matrix_layout_get_zones (&self->layout, &self->thresholds, zones);

  for (guint z = 0; z < KW_MATRIX_N_ZONES; z++)
    {
      graphene_rect_t bounds = to_graphene (&zones[z].rect);

      gtk_snapshot_append_color (snapshot, &palette->zones[zones[z].outcome], &bounds);
    }

  for (guint z = 0; z < KW_MATRIX_N_ZONES; z++)
    {
      const KwMatrixRect *r = &zones[z].rect;
      g_autoptr(PangoLayout) label = NULL;
      GdkRGBA color = with_alpha (&palette->fg, 0.62);
      KwOutcome outcome = zones[z].outcome;
      double size = outcome == KW_OUTCOME_SMALL_FIX ? text * 0.9 : text * 1.15;
      /* Each label sits in its zone's outer corner, away from the lines
       * where the findings that are debated gather. */
      double xalign = (outcome == KW_OUTCOME_LONG_TERM || outcome == KW_OUTCOME_DROP) ? 1 : 0;
      double yalign = (outcome == KW_OUTCOME_QUICK_WIN || outcome == KW_OUTCOME_LONG_TERM) ? 0 : 1;
      int label_width;

      if (r->width < 2 * pad || r->height < 2 * pad)
        continue;

      label = create_text (self, kw_outcome_get_title (outcome), size, TRUE);
      pango_layout_get_pixel_size (label, &label_width, NULL);
      if (label_width > r->width - 2 * pad)
        {
          /* A narrow zone (the small-fix strip) wraps its label. */
          pango_layout_set_width (label, (int) ((r->width - 2 * pad) * PANGO_SCALE));
          pango_layout_set_wrap (label, PANGO_WRAP_WORD);
          /* Words are never broken; a word wider than the zone makes the
           * whole label smaller instead, down to a readable minimum. */
          pango_layout_get_pixel_size (label, &label_width, NULL);
          if (label_width > r->width - 2 * pad)
            {
              double smaller = MAX (size * (r->width - 2 * pad) / label_width, text * 0.6);

              g_clear_object (&label);
              label = create_text (self, kw_outcome_get_title (outcome), smaller, TRUE);
              pango_layout_set_width (label, (int) ((r->width - 2 * pad) * PANGO_SCALE));
              pango_layout_set_wrap (label, PANGO_WRAP_WORD);
            }
          draw_text (snapshot, label, r->x + pad, yalign > 0 ? r->y + r->height - pad : r->y + pad,
                     0, yalign, &color);
          continue;
        }

      draw_text (snapshot, label,
                 xalign > 0 ? r->x + r->width - pad : r->x + pad,
                 yalign > 0 ? r->y + r->height - pad : r->y + pad,
                 xalign, yalign, &color);
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
  GdkRGBA numbers = with_alpha (&palette->fg, 0.55);
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

      g_snprintf (value, sizeof value, "%g", ticks[i].value);
      vertical = create_text (self, value, text * 0.8, FALSE);
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

double
kw_matrix_handle_radius (KwMatrix *self)
{
  return MAX (5.0, self->layout.text_size * 0.4);
}

/* Where the line's handle sits: on the plot's edge, by the scale. */
void
kw_matrix_get_handle_point (KwMatrix     *self,
                            KwMatrixLine  line,
                            double       *x,
                            double       *y)
{
  double x1, y1, x2, y2;

  kw_matrix_layout_get_line (&self->layout, &self->thresholds, line, &x1, &y1, &x2, &y2);
  if (line == KW_MATRIX_LINE_IMPACT)
    {
      *x = x1;
      *y = y1;
    }
  else
    {
      *x = x2;
      *y = y2;
    }
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

static void
draw_legend (KwMatrix      *self,
             GtkSnapshot   *snapshot,
             const Palette *palette)
{
  const KwMatrixRect *r = &self->layout.legend;
  double text = self->layout.text_size * 0.85;
  double y = r->y;
  g_autoptr(PangoLayout) heading = NULL;
  GdkRGBA color = with_alpha (&palette->fg, 0.9);
  GdkRGBA dim = with_alpha (&palette->fg, 0.6);
  int h, number_width = 0;
  g_autoptr(GPtrArray) numbered = g_ptr_array_new ();
  KwPlan *plan;

  if (r->width < 4 * text || r->height < 4 * text)
    return;

  plan = kw_matrix_get_plan (self);
  if (plan == NULL)
    return;
  for (guint outcome = 0; outcome < KW_OUTCOME_UNPLACED; outcome++)
    g_ptr_array_extend (numbered, plan->sections[outcome].findings, NULL, NULL);

  heading = create_text (self, _("Legend"), text, TRUE);
  draw_text (snapshot, heading, r->x + text * 0.5, y, 0, 0, &color);
  pango_layout_get_pixel_size (heading, NULL, &h);
  y += h + text * 0.4;

  /* Numbers right-aligned in a column as wide as the largest one. */
  {
    char widest[16];
    g_autoptr(PangoLayout) probe = NULL;

    g_snprintf (widest, sizeof widest, "%u", MAX (numbered->len, 1));
    probe = create_text (self, widest, text, TRUE);
    pango_layout_get_pixel_size (probe, &number_width, NULL);
  }

  for (guint i = 0; i < numbered->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (numbered, i);
      char number[16];
      g_autoptr(PangoLayout) entry = create_text (self, kw_finding_get_title (finding), text, FALSE);
      g_autoptr(PangoLayout) number_text = NULL;
      double title_x = r->x + text * 0.5 + number_width + text * 0.5;

      g_snprintf (number, sizeof number, "%u", i + 1);
      number_text = create_text (self, number, text, TRUE);
      pango_layout_set_width (entry, (int) (MAX (r->x + r->width - title_x, text) * PANGO_SCALE));
      pango_layout_set_ellipsize (entry, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (entry, NULL, &h);

      /* Keep room for the line that says how many did not fit. */
      if (y + 2 * h > r->y + r->height && i + 1 < numbered->len)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("And %u more finding",
                                                             "And %u more findings",
                                                             numbered->len - i),
                                                   numbered->len - i);
          g_autoptr(PangoLayout) rest = create_text (self, more, text, FALSE);

          draw_text (snapshot, rest, r->x + text * 0.5, y, 0, 0, &dim);
          break;
        }

      draw_text (snapshot, number_text, r->x + text * 0.5 + number_width, y, 1, 0, &dim);
      draw_text (snapshot, entry, title_x, y, 0, 0, &color);
      y += h;
    }
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
  if (self->style == KW_MATRIX_STYLE_DOTS)
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

  if (self->background == NULL)
    self->background = create_background (self);
  if (self->background != NULL)
    gtk_snapshot_append_node (snapshot, self->background);

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
}

