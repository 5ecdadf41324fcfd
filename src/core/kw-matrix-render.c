/* kw-matrix-render.c: the matrix drawn with cairo and pango from a
 * KwMatrixPlacement, the same data kw-export-svg.c writes as SVG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-render"

#include "config.h"

#include "kw-i18n.h"
#include <math.h>
#include <pango/pangocairo.h>

#include "kw-export-file.h"
#include "kw-matrix-changes.h"
#include "kw-matrix-render.h"

/* ---- The style both backends share ---------------------------------------- */

double
kw_matrix_render_line_width (const KwMatrixLayout *layout)
{
  return MAX (1.0, layout->text_size / 7.0);
}

double
kw_matrix_render_outline_width (double text_size)
{
  return MAX (1.0, text_size / 10.0);
}

const char *
kw_matrix_render_axis_title (KwMatrixAxis axis)
{
  return axis == KW_MATRIX_AXIS_IMPACT ? _("Impact") : _("Effort");
}

static guint
scale_outline (double       x,
             double       y,
             const double outline[][2],
             guint        n,
             double       radius,
             double       points[][2])
{
  for (guint i = 0; i < n; i++)
    {
      points[i][0] = x + outline[i][0] * radius;
      points[i][1] = y + outline[i][1] * radius;
    }

  return n;
}

guint
kw_matrix_render_marker_points (KwMatrixMarkerShape shape,
                                double              x,
                                double              y,
                                double              radius,
                                double              points[][2])
{
  /* Sizes chosen so every shape covers about the circle's area: none
   * looks more important than another. */
  static const double square[][2] = { { -0.89, -0.89 }, { 0.89, -0.89 }, { 0.89, 0.89 }, { -0.89, 0.89 } };
  static const double diamond[][2] = { { 0.0, -1.25 }, { 1.25, 0.0 }, { 0.0, 1.25 }, { -1.25, 0.0 } };
  static const double triangle[][2] = { { 0.0, -1.35 }, { 1.17, 0.68 }, { -1.17, 0.68 } };
  /* An X: two bars of half-width a crossing at the centre, arms to b. */
#define A 0.32
#define B 1.1
  static const double cross[][2] = {
    { 0.0, -A * G_SQRT2 }, { B - A, -B - A }, { B + A, -B + A }, { A * G_SQRT2, 0.0 },
    { B + A, B - A }, { B - A, B + A }, { 0.0, A * G_SQRT2 }, { -B + A, B + A },
    { -B - A, B - A }, { -A * G_SQRT2, 0.0 }, { -B - A, -B + A }, { -B + A, -B - A },
  };
#undef A
#undef B

  switch (shape)
    {
    case KW_MATRIX_MARKER_SQUARE:
      return scale_outline (x, y, square, G_N_ELEMENTS (square), radius, points);
    case KW_MATRIX_MARKER_DIAMOND:
      return scale_outline (x, y, diamond, G_N_ELEMENTS (diamond), radius, points);
    case KW_MATRIX_MARKER_TRIANGLE:
      return scale_outline (x, y, triangle, G_N_ELEMENTS (triangle), radius, points);
    case KW_MATRIX_MARKER_CROSS:
      return scale_outline (x, y, cross, G_N_ELEMENTS (cross), radius, points);
    case KW_MATRIX_MARKER_CIRCLE:
    default:
      return 0;
    }
}

void
kw_matrix_render_label_line (const KwMatrixRect *label,
                             double              size,
                             guint               line,
                             double             *x,
                             double             *baseline)
{
  *x = label->x + KW_MATRIX_PLACEMENT_PADDING * size;
  *baseline = label->y + (KW_MATRIX_PLACEMENT_PADDING + line * KW_MATRIX_PLACEMENT_LINE_HEIGHT +
                          KW_MATRIX_PLACEMENT_BASELINE) * size;
}

void
kw_matrix_render_legend_badge (const KwMatrixPlacement   *placement,
                               const KwMatrixLegendEntry *entry,
                               KwMatrixRect              *badge)
{
  badge->x = entry->rect.x;
  badge->y = entry->rect.y;
  badge->width = placement->legend_badge_width;
  badge->height = KW_MATRIX_PLACEMENT_LINE_HEIGHT * placement->legend_text_size;
}

void
kw_matrix_render_legend_page_transform (const KwMatrixPlacement *placement,
                                        guint                    page,
                                        double                  *scale,
                                        double                  *dx,
                                        double                  *dy)
{
  const KwMatrixRect *area = &placement->layout.legend;
  guint n_pages = MAX (placement->n_legend_pages, 1);
  guint columns = (guint) ceil (sqrt (n_pages));

  if (n_pages == 1)
    {
      *scale = 1.0;
      *dx = *dy = 0.0;
      return;
    }

  /* columns × columns cells hold every page, each shrunk to a little
   * less than its cell so neighbouring pages stay apart. */
  *scale = 0.96 / columns;
  *dx = area->x + (page % columns) * area->width / columns - area->x * *scale;
  *dy = area->y + (page / columns) * area->height / columns - area->y * *scale;
}

double
kw_matrix_render_badge_text_size (const KwMatrixRect *badge,
                                  guint               number)
{
  guint digits = 1;

  for (guint n = number; n >= 10; n /= 10)
    digits++;

  /* As large as the badge's height allows, narrower for long numbers. */
  return MIN (0.75 * badge->height, (badge->width - 0.2 * badge->height) / (0.62 * digits));
}

/* ---- cairo helpers ---------------------------------------------------------- */

/* "#rrggbb" as opaque RGBA from 0 to 1. */
static void
parse_color (const char *hex,
             double      rgba[4])
{
  guint rgb = 0;

  if (hex[0] == '#')
    rgb = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  rgba[0] = ((rgb >> 16) & 0xff) / 255.0;
  rgba[1] = ((rgb >> 8) & 0xff) / 255.0;
  rgba[2] = (rgb & 0xff) / 255.0;
  rgba[3] = 1.0;
}

static void
set_color (cairo_t    *cr,
           const char *hex,
           double      alpha)
{
  double rgba[4];

  parse_color (hex, rgba);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], alpha);
}

static void
rectangle (cairo_t            *cr,
           const KwMatrixRect *rect)
{
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
}

static void
rounded_rectangle (cairo_t            *cr,
                   const KwMatrixRect *rect,
                   double              radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  radius = MIN (radius, MIN (w, h) / 2.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2.0, 0.0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0.0, G_PI / 2.0);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2.0, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 1.5 * G_PI);
  cairo_close_path (cr);
}

typedef enum { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END } Anchor;

/* Like SVG's <text>: (x, y) is on the baseline. The text is drawn in the
 * current source; with a halo, first its outline in the background; with
 * a max_width above 0, squeezed to it as SVG's textLength would. */
static void
draw_text (cairo_t    *cr,
           double      x,
           double      y,
           Anchor      anchor,
           double      size,
           gboolean    bold,
           gboolean    halo,
           double      max_width,
           const char *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (KW_MATRIX_RENDER_FONT);
  double width, squeeze = 1.0;
  int pango_width, baseline;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  pango_layout_get_size (layout, &pango_width, NULL);
  baseline = pango_layout_get_baseline (layout);
  width = (double) pango_width / PANGO_SCALE;
  if (max_width > 0.0 && width > max_width)
    {
      squeeze = max_width / width;
      width = max_width;
    }

  if (anchor == ANCHOR_MIDDLE)
    x -= width / 2.0;
  else if (anchor == ANCHOR_END)
    x -= width;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, squeeze, 1.0);
  cairo_move_to (cr, 0.0, -(double) baseline / PANGO_SCALE);

  if (halo)
    {
      cairo_pattern_t *ink = cairo_pattern_reference (cairo_get_source (cr));

      cairo_save (cr);
      pango_cairo_layout_path (cr, layout);
      set_color (cr, KW_MATRIX_RENDER_BACKGROUND, 1.0);
      cairo_set_line_width (cr, KW_MATRIX_RENDER_HALO_WIDTH (size));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_set_source (cr, ink);
      cairo_pattern_destroy (ink);
      cairo_move_to (cr, 0.0, -(double) baseline / PANGO_SCALE);
    }

  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* ---- The scene -------------------------------------------------------------- */

struct _KwMatrixScene
{
  KwThresholds       thresholds;
  const char        *lang;                     /* interned: the plan's; NULL: the UI's */
  char              *axis_titles[2];           /* by KwMatrixAxis */
  GArray            *items;                    /* KwMatrixSceneItem, in number order */
  KwMatrixLabelMode  mode;
  gboolean           with_legend;
  double             text_size;                /* 0: from the layout */
  GArray            *change_spots;             /* KwMatrixChangeSpot: the plan's changes */

  /* The last placement made, and for which size. */
  KwMatrixPlacement *placement;
  double             placed_width;
  double             placed_height;
};

static void
clear_item (gpointer data)
{
  KwMatrixSceneItem *item = data;

  g_clear_pointer (&item->id, g_free);
  g_clear_pointer (&item->title, g_free);
}

KwMatrixScene *
kw_matrix_scene_new (const KwPlan *plan)
{
  KwMatrixScene *scene;

  g_return_val_if_fail (plan != NULL, NULL);

  scene = g_new0 (KwMatrixScene, 1);
  kw_board_get_thresholds (plan->board, &scene->thresholds);
  /* A language the plan cannot push (a UI translation it does not know)
   * is the UI's: gettext gives it in every thread. */
  if (kw_plan_language_is_known (kw_plan_language_get_code ()))
    scene->lang = g_intern_string (kw_plan_language_get_code ());
  scene->axis_titles[KW_MATRIX_AXIS_IMPACT] = g_strdup (kw_matrix_render_axis_title (KW_MATRIX_AXIS_IMPACT));
  scene->axis_titles[KW_MATRIX_AXIS_EFFORT] = g_strdup (kw_matrix_render_axis_title (KW_MATRIX_AXIS_EFFORT));
  scene->mode = KW_MATRIX_LABELS_AUTO;
  scene->with_legend = TRUE;
  scene->change_spots = kw_matrix_change_spots_new (plan->changes);

  scene->items = g_array_sized_new (FALSE, TRUE, sizeof (KwMatrixSceneItem), plan->n_findings);
  g_array_set_clear_func (scene->items, clear_item);
  /* In the plan's order: the placement gives the first ones the best
   * spots, and the legend lists them in this order. */
  for (guint i = 0; i < KW_OUTCOME_UNPLACED; i++)
    {
      const KwPlanSection *section = &plan->sections[i];

      for (guint j = 0; j < section->findings->len; j++)
        {
          KwFinding *finding = g_ptr_array_index (section->findings, j);
          KwMatrixSceneItem item = {
            g_strdup (kw_finding_get_id (finding)),
            g_strdup (kw_finding_get_title (finding)),
            kw_finding_get_impact (finding),
            kw_finding_get_effort (finding),
            section->outcome,
            kw_plan_get_number (plan, finding),
          };

          g_array_append_val (scene->items, item);
        }
    }

  return scene;
}

/* The scene of board's plan in lang ("nl", "en"; NULL or "" for the
 * UI's language), made with that language pushed on this thread only. */
KwMatrixScene *
kw_matrix_scene_new_for_board (KwBoard    *board,
                               const char *lang)
{
  g_autoptr(KwPlanLanguage) language = NULL;
  g_autoptr(KwPlan) plan = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  language = kw_plan_language_push (lang);
  plan = kw_plan_new (board);

  return kw_matrix_scene_new (plan);
}

void
kw_matrix_scene_free (KwMatrixScene *scene)
{
  if (scene == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (scene->axis_titles); i++)
    g_free (scene->axis_titles[i]);
  g_array_unref (scene->items);
  g_clear_pointer (&scene->change_spots, g_array_unref);
  g_clear_pointer (&scene->placement, kw_matrix_placement_free);
  g_free (scene);
}

static void
forget_placement (KwMatrixScene *scene)
{
  g_clear_pointer (&scene->placement, kw_matrix_placement_free);
}

void
kw_matrix_scene_set_label_mode (KwMatrixScene     *scene,
                                KwMatrixLabelMode  mode)
{
  g_return_if_fail (scene != NULL);

  if (scene->mode != mode)
    forget_placement (scene);
  scene->mode = mode;
}

void
kw_matrix_scene_set_legend (KwMatrixScene *scene,
                            gboolean       with_legend)
{
  g_return_if_fail (scene != NULL);

  if (scene->with_legend != !!with_legend)
    forget_placement (scene);
  scene->with_legend = !!with_legend;
}

void
kw_matrix_scene_set_text_size (KwMatrixScene *scene,
                               double         text_size)
{
  g_return_if_fail (scene != NULL);

  text_size = MAX (text_size, 0.0);
  if (scene->text_size != text_size)
    forget_placement (scene);
  scene->text_size = text_size;
}

const KwThresholds *
kw_matrix_scene_get_thresholds (const KwMatrixScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);

  return &scene->thresholds;
}

const char *
kw_matrix_scene_get_axis_title (const KwMatrixScene *scene,
                                KwMatrixAxis         axis)
{
  g_return_val_if_fail (scene != NULL, NULL);

  return scene->axis_titles[axis == KW_MATRIX_AXIS_IMPACT ? KW_MATRIX_AXIS_IMPACT : KW_MATRIX_AXIS_EFFORT];
}

GArray *
kw_matrix_scene_get_change_spots (const KwMatrixScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);

  return scene->change_spots;
}

void
kw_matrix_render_changes_style (const KwMatrixPlacement *placement,
                                KwMatrixChangesStyle    *style)
{
  g_return_if_fail (placement != NULL);
  g_return_if_fail (style != NULL);

  parse_color (KW_MATRIX_RENDER_INK, style->ink);
  parse_color (KW_MATRIX_RENDER_CHANGE_ACCENT, style->accent);
  style->radius = kw_matrix_changes_radius (placement->text_size);
}

static KwMatrixPlacement *
place (const KwMatrixScene *scene,
       double               width,
       double               height)
{
  /* The zone names come translated from the placement: in the plan's
   * language, also in a worker thread. */
  /* Only held, to pop the language when the function returns. */
  g_autoptr(KwPlanLanguage) language G_GNUC_UNUSED = kw_plan_language_push (scene->lang);
  g_autofree KwMatrixPlacementItem *items = g_new0 (KwMatrixPlacementItem, MAX (scene->items->len, 1));
  KwMatrixPlacementOptions options = { 0 };
  KwMatrixLayout layout;

  for (guint i = 0; i < scene->items->len; i++)
    {
      KwMatrixSceneItem *item = &g_array_index (scene->items, KwMatrixSceneItem, i);

      items[i] = (KwMatrixPlacementItem) {
        item, item->impact, item->effort, item->outcome, item->number, item->title,
      };
    }

  kw_matrix_layout_init (&layout, width, height, 1.0, FALSE);
  options.requested = scene->mode;
  options.text_size = scene->text_size;
  options.with_legend = scene->with_legend;
  options.font_family = KW_MATRIX_RENDER_FONT;
  /* An export is not paged like the screen: the legend shrinks to fit
   * beside the plot, down to the placement's floor that still reads on a
   * slide (min_text_size 0); pages beyond that are drawn together,
   * smaller (kw_matrix_render_legend_page_transform()). */
  options.min_text_size = 0.0;

  return kw_matrix_placement_new (&layout, &scene->thresholds, items, scene->items->len, &options);
}

const KwMatrixPlacement *
kw_matrix_scene_get_placement (KwMatrixScene *scene,
                               double         width,
                               double         height)
{
  g_return_val_if_fail (scene != NULL, NULL);

  if (scene->placement == NULL || scene->placed_width != width || scene->placed_height != height)
    {
      forget_placement (scene);
      scene->placement = place (scene, width, height);
      scene->placed_width = width;
      scene->placed_height = height;
    }

  return scene->placement;
}

/* ---- Drawing ---------------------------------------------------------------- */

static void
draw_zones (cairo_t              *cr,
            const KwMatrixLayout *layout,
            const KwThresholds   *thresholds)
{
  KwMatrixZone zones[KW_MATRIX_N_ZONES];

  kw_matrix_layout_get_zones (layout, thresholds, zones);

  for (guint i = 0; i < KW_MATRIX_N_ZONES; i++)
    {
      set_color (cr, kw_outcome_get_color (zones[i].outcome, FALSE), KW_OUTCOME_ZONE_ALPHA);
      rectangle (cr, &zones[i].rect);
      cairo_fill (cr);
    }
}

static void
draw_zone_labels (cairo_t                 *cr,
                  const KwMatrixPlacement *placement)
{
  double size = placement->zone_text_size;

  for (guint i = 0; i < placement->n_zone_labels; i++)
    {
      const KwMatrixZoneLabel *zone = &placement->zone_labels[i];

      set_color (cr, kw_outcome_get_badge_color (zone->outcome), 1.0);
      draw_text (cr, zone->rect.x, zone->rect.y + KW_MATRIX_PLACEMENT_BASELINE * size, ANCHOR_START,
                 size, FALSE, TRUE, zone->rect.width, zone->text);
    }
}

static void
draw_frame_and_lines (cairo_t              *cr,
                      const KwMatrixLayout *layout,
                      const KwThresholds   *thresholds)
{
  double width = kw_matrix_render_line_width (layout);

  set_color (cr, KW_MATRIX_RENDER_FRAME, 1.0);
  cairo_set_line_width (cr, width / 2.0);
  rectangle (cr, &layout->plot);
  cairo_stroke (cr);

  set_color (cr, KW_MATRIX_RENDER_LINE, 1.0);
  cairo_set_line_width (cr, width);
  for (guint i = 0; i < KW_MATRIX_N_LINES; i++)
    {
      double x1, y1, x2, y2;
      double dashes[] = { 3.0 * width, 2.0 * width };

      kw_matrix_layout_get_line (layout, thresholds, (KwMatrixLine) i, &x1, &y1, &x2, &y2);
      cairo_set_dash (cr, dashes, i == KW_MATRIX_LINE_TINY_EFFORT ? 2 : 0, 0.0);
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0.0);
}

static void
draw_scale (cairo_t              *cr,
            const KwMatrixScene  *scene,
            const KwMatrixLayout *layout)
{
  KwMatrixTick ticks[KW_MATRIX_N_TICKS];
  const KwMatrixRect *plot = &layout->plot;
  double size = layout->text_size;
  double small = 0.85 * size;

  kw_matrix_layout_get_ticks (layout, ticks);
  set_color (cr, KW_MATRIX_RENDER_INK, 1.0);

  for (guint i = 0; i < KW_MATRIX_N_TICKS; i++)
    {
      char impact[16], effort[16];

      g_snprintf (impact, sizeof impact, "%d", (int) ticks[i].impact_value);
      g_snprintf (effort, sizeof effort, "%d", (int) ticks[i].value);
      draw_text (cr, plot->x - 0.4 * size, ticks[i].y + 0.35 * small, ANCHOR_END, small, FALSE, FALSE, 0.0,
                 impact);
      draw_text (cr, ticks[i].x, plot->y + plot->height + 1.3 * size, ANCHOR_MIDDLE, small, FALSE, FALSE, 0.0,
                 effort);
    }

  draw_text (cr, plot->x + plot->width / 2.0, plot->y + plot->height + 2.9 * size, ANCHOR_MIDDLE,
             size, FALSE, FALSE, 0.0, scene->axis_titles[KW_MATRIX_AXIS_EFFORT]);

  cairo_save (cr);
  cairo_translate (cr, 1.1 * size, plot->y + plot->height / 2.0);
  cairo_rotate (cr, -G_PI / 2.0);
  draw_text (cr, 0.0, 0.0, ANCHOR_MIDDLE, size, FALSE, FALSE, 0.0, scene->axis_titles[KW_MATRIX_AXIS_IMPACT]);
  cairo_restore (cr);
}

/* Under the leaders and the markers, as on screen: the earlier spots
 * never hide a finding or its title. */
static void
draw_changes (cairo_t                 *cr,
              const KwMatrixScene     *scene,
              const KwMatrixPlacement *placement)
{
  KwMatrixChangesStyle style;

  kw_matrix_render_changes_style (placement, &style);
  kw_matrix_changes_draw (cr, &placement->layout, scene->change_spots, &style);
}

static void
draw_leaders (cairo_t                 *cr,
              const KwMatrixPlacement *placement)
{
  cairo_set_line_width (cr, kw_matrix_render_outline_width (placement->text_size));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);

      if (!label->placed || !label->has_leader)
        continue;
      set_color (cr, kw_outcome_get_badge_color (label->outcome), 1.0);
      cairo_move_to (cr, label->leader_x1, label->leader_y1);
      cairo_line_to (cr, label->leader_x2, label->leader_y2);
      cairo_stroke (cr);
    }
}

static void
draw_marker (cairo_t                   *cr,
             const KwMatrixPlacedLabel *label)
{
  double points[KW_MATRIX_RENDER_MAX_MARKER_POINTS][2];
  guint n = kw_matrix_render_marker_points (kw_matrix_marker_shape (label->outcome),
                                            label->x, label->y, label->marker_radius, points);

  cairo_new_path (cr);
  if (n == 0)
    cairo_arc (cr, label->x, label->y, label->marker_radius, 0.0, 2.0 * G_PI);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, points[i][0], points[i][1]);
  cairo_close_path (cr);

  set_color (cr, kw_outcome_get_color (label->outcome, FALSE), 1.0);
  cairo_fill_preserve (cr);
  /* A white edge keeps touching markers apart. */
  set_color (cr, KW_MATRIX_RENDER_BACKGROUND, 1.0);
  cairo_set_line_width (cr, MAX (0.75, label->marker_radius / 4.0));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_card (cairo_t                   *cr,
           const KwMatrixPlacement   *placement,
           const KwMatrixPlacedLabel *label)
{
  double size = placement->text_size;
  double outline = kw_matrix_render_outline_width (size);
  KwMatrixRect box = label->label;

  /* The outline inside the box, so nothing is drawn beyond it. */
  box.x += outline / 2.0;
  box.y += outline / 2.0;
  box.width -= outline;
  box.height -= outline;
  rounded_rectangle (cr, &box, 0.3 * size);
  set_color (cr, KW_MATRIX_RENDER_LABEL_FILL, 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, kw_outcome_get_color (label->outcome, FALSE), 1.0);
  cairo_set_line_width (cr, outline);
  cairo_stroke (cr);

  set_color (cr, KW_MATRIX_RENDER_INK, 1.0);
  for (guint i = 0; i < label->n_lines; i++)
    {
      double x, baseline;

      kw_matrix_render_label_line (&label->label, size, i, &x, &baseline);
      draw_text (cr, x, baseline, ANCHOR_START, size, FALSE, FALSE,
                 label->label.width - 2.0 * KW_MATRIX_PLACEMENT_PADDING * size, label->lines[i]);
    }
}

static void
draw_badge (cairo_t            *cr,
            const KwMatrixRect *badge,
            KwOutcome           outcome,
            guint               number)
{
  double text_size = kw_matrix_render_badge_text_size (badge, number);
  char text[16];

  g_snprintf (text, sizeof text, "%u", number);
  rounded_rectangle (cr, badge, badge->height / 2.0);
  set_color (cr, kw_outcome_get_badge_color (outcome), 1.0);
  cairo_fill (cr);

  set_color (cr, KW_MATRIX_RENDER_BADGE_TEXT, 1.0);
  draw_text (cr, badge->x + badge->width / 2.0, badge->y + badge->height / 2.0 + 0.35 * text_size,
             ANCHOR_MIDDLE, text_size, TRUE, FALSE, badge->width - 0.2 * badge->height, text);
}

static void
draw_labels (cairo_t                 *cr,
             const KwMatrixPlacement *placement)
{
  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);

      if (!label->placed)
        continue;
      if (placement->mode == KW_MATRIX_LABELS_NUMBERS)
        draw_badge (cr, &label->label, label->outcome, label->number);
      else
        draw_card (cr, placement, label);
    }
}

/* Every entry of every page (see kw_matrix_render_legend_page_transform()). */
static void
draw_legend (cairo_t                 *cr,
             const KwMatrixPlacement *placement)
{
  double size = placement->legend_text_size;

  for (guint i = 0; placement->legend != NULL && i < placement->legend->len; i++)
    {
      const KwMatrixLegendEntry *entry = &g_array_index (placement->legend, KwMatrixLegendEntry, i);
      KwMatrixRect badge;
      double text_x, text_width, scale, dx, dy;

      kw_matrix_render_legend_page_transform (placement, entry->page, &scale, &dx, &dy);
      cairo_save (cr);
      cairo_translate (cr, dx, dy);
      cairo_scale (cr, scale, scale);
      kw_matrix_render_legend_badge (placement, entry, &badge);
      draw_badge (cr, &badge, entry->outcome, entry->number);

      text_x = badge.x + badge.width + KW_MATRIX_PLACEMENT_PADDING * size;
      text_width = entry->rect.x + entry->rect.width - text_x;
      set_color (cr, KW_MATRIX_RENDER_INK, 1.0);
      for (guint j = 0; j < entry->n_lines; j++)
        draw_text (cr, text_x,
                   entry->rect.y + (j * KW_MATRIX_PLACEMENT_LINE_HEIGHT + KW_MATRIX_PLACEMENT_BASELINE) * size,
                   ANCHOR_START, size, FALSE, FALSE, text_width, entry->lines[j]);
      cairo_restore (cr);
    }
}

static void
draw_placement (cairo_t                 *cr,
                const KwMatrixScene     *scene,
                const KwMatrixPlacement *placement)
{
  const KwMatrixLayout *layout = &placement->layout;

  draw_zones (cr, layout, &scene->thresholds);
  draw_frame_and_lines (cr, layout, &scene->thresholds);
  draw_scale (cr, scene, layout);
  draw_changes (cr, scene, placement);
  draw_leaders (cr, placement);
  for (guint i = placement->labels->len; i-- > 0;)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);

      /* Last of all the first findings: quick wins end on top. */
      draw_marker (cr, label);
    }
  draw_labels (cr, placement);
  /* Over the markers, which may lie under a zone's name: the halo keeps
   * the name readable. Labels never overlap the names. */
  draw_zone_labels (cr, placement);
  draw_legend (cr, placement);
}

void
kw_matrix_scene_draw (KwMatrixScene *scene,
                      cairo_t       *cr,
                      double         width,
                      double         height)
{
  const KwMatrixPlacement *placement;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (cr != NULL);

  placement = kw_matrix_scene_get_placement (scene, width, height);

  cairo_save (cr);
  set_color (cr, KW_MATRIX_RENDER_BACKGROUND, 1.0);
  cairo_rectangle (cr, 0.0, 0.0, width, height);
  cairo_fill (cr);
  draw_placement (cr, scene, placement);
  cairo_restore (cr);
}

void
kw_matrix_render_draw (cairo_t      *cr,
                       const KwPlan *plan,
                       double        width,
                       double        height)
{
  g_autoptr(KwMatrixScene) scene = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (plan != NULL);

  scene = kw_matrix_scene_new (plan);
  kw_matrix_scene_draw (scene, cr, width, height);
}

/* A cairo_write_func_t: the PNG and the PDF are made in memory, into the
 * GByteArray closure, and written as a whole. */
cairo_status_t
kw_matrix_render_append_to_array (void                *closure,
                                  const unsigned char *data,
                                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

GBytes *
kw_matrix_scene_render_png (KwMatrixScene *scene,
                            int            width,
                            int            height,
                            GError       **error)
{
  GByteArray *png;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("An image of %d × %d pixels is too large."), width, height);
      return NULL;
    }

  cr = cairo_create (surface);
  kw_matrix_scene_draw (scene, cr, width, height);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, kw_matrix_render_append_to_array, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The image could not be made: %s."), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (png);
}

gboolean
kw_matrix_render_png_file (KwBoard     *board,
                           const char  *lang,
                           int          width,
                           int          height,
                           GFile       *file,
                           GError     **error)
{
  g_autoptr(KwMatrixScene) scene = NULL;
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  scene = kw_matrix_scene_new_for_board (board, lang);

  /* Into memory first, so a failure never leaves half an image behind. */
  png = kw_matrix_scene_render_png (scene, width, height, error);
  if (png == NULL)
    return FALSE;

  return kw_export_file_write_bytes (file, png, error);
}
