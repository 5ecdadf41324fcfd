/* kw-matrix-render.c: the matrix drawn with cairo and pango, the same
 * picture as kw-export-svg.c draws in SVG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-render"

#include "config.h"

#include "kw-i18n.h"
#include <pango/pangocairo.h>

#include "kw-matrix-render.h"

/* ---- The style both backends share ---------------------------------------- */

double
kw_matrix_render_dot_radius (const KwMatrixLayout *layout)
{
  return 0.95 * layout->text_size;
}

double
kw_matrix_render_line_width (const KwMatrixLayout *layout)
{
  return MAX (1.0, layout->text_size / 7.0);
}

gboolean
kw_matrix_render_zone_has_room (const KwMatrixLayout *layout,
                                const KwMatrixZone   *zone,
                                const char           *label)
{
  /* A generous estimate of the label's width: no font metrics are needed,
   * so SVG and cairo decide alike. */
  double needed = (0.62 * g_utf8_strlen (label, -1) + 1.0) * layout->text_size;

  return zone->rect.width >= needed && zone->rect.height >= 2.0 * layout->text_size;
}

const char *
kw_matrix_render_axis_title (KwMatrixAxis axis)
{
  return axis == KW_MATRIX_AXIS_IMPACT ? _("Impact") : _("Effort");
}

/* ---- cairo ------------------------------------------------------------------ */

static void
set_color (cairo_t    *cr,
           const char *hex,
           double      alpha)
{
  guint rgb = 0;

  if (hex[0] == '#')
    rgb = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static void
rectangle (cairo_t            *cr,
           const KwMatrixRect *rect)
{
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
}

typedef enum { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END } Anchor;

/* Like SVG's <text>: (x, y) is on the baseline. The label is drawn in the
 * current source; with a halo, first its outline in the background. */
static void
draw_label (cairo_t    *cr,
            double      x,
            double      y,
            Anchor      anchor,
            double      size,
            gboolean    bold,
            gboolean    halo,
            const char *label)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (KW_MATRIX_RENDER_FONT);
  int width, baseline;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, label, -1);

  pango_layout_get_size (layout, &width, NULL);
  baseline = pango_layout_get_baseline (layout);

  if (anchor == ANCHOR_MIDDLE)
    x -= width / (2.0 * PANGO_SCALE);
  else if (anchor == ANCHOR_END)
    x -= (double) width / PANGO_SCALE;
  y -= (double) baseline / PANGO_SCALE;

  if (halo)
    {
      cairo_pattern_t *ink = cairo_pattern_reference (cairo_get_source (cr));

      cairo_save (cr);
      cairo_new_path (cr);
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      set_color (cr, KW_MATRIX_RENDER_BACKGROUND, 1.0);
      cairo_set_line_width (cr, KW_MATRIX_RENDER_HALO_WIDTH (size));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_set_source (cr, ink);
      cairo_pattern_destroy (ink);
    }

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ---- The scene -------------------------------------------------------------- */

typedef struct
{
  double    impact;
  double    effort;
  KwOutcome outcome;
  guint     number;
} SceneDot;

struct _KwMatrixScene
{
  KwThresholds  thresholds;
  char         *axis_titles[2];                /* by KwMatrixAxis */
  char         *outcome_titles[KW_N_OUTCOMES];
  GArray       *dots;                          /* SceneDot, bottom first */
};

KwMatrixScene *
kw_matrix_scene_new (const KwPlan *plan)
{
  KwMatrixScene *scene;

  g_return_val_if_fail (plan != NULL, NULL);

  scene = g_new0 (KwMatrixScene, 1);
  kw_board_get_thresholds (plan->board, &scene->thresholds);
  scene->axis_titles[KW_MATRIX_AXIS_IMPACT] = g_strdup (kw_matrix_render_axis_title (KW_MATRIX_AXIS_IMPACT));
  scene->axis_titles[KW_MATRIX_AXIS_EFFORT] = g_strdup (kw_matrix_render_axis_title (KW_MATRIX_AXIS_EFFORT));
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    scene->outcome_titles[i] = g_strdup (kw_outcome_get_title ((KwOutcome) i));

  scene->dots = g_array_sized_new (FALSE, FALSE, sizeof (SceneDot), plan->n_findings);
  /* The same order as the SVG: quick wins end on top. */
  for (guint i = KW_OUTCOME_UNPLACED; i-- > 0;)
    {
      const KwPlanSection *section = &plan->sections[i];

      for (guint j = section->findings->len; j-- > 0;)
        {
          KwFinding *finding = g_ptr_array_index (section->findings, j);
          SceneDot dot = {
            kw_finding_get_impact (finding),
            kw_finding_get_effort (finding),
            section->outcome,
            kw_plan_get_number (plan, finding),
          };

          g_array_append_val (scene->dots, dot);
        }
    }

  return scene;
}

void
kw_matrix_scene_free (KwMatrixScene *scene)
{
  if (scene == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (scene->axis_titles); i++)
    g_free (scene->axis_titles[i]);
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    g_free (scene->outcome_titles[i]);
  g_array_unref (scene->dots);
  g_free (scene);
}

/* ---- cairo ------------------------------------------------------------------ */

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

/* Last, over the dots, so a dot never hides a zone's name. */
static void
draw_zone_labels (cairo_t              *cr,
                  const KwMatrixScene  *scene,
                  const KwMatrixLayout *layout)
{
  KwMatrixZone zones[KW_MATRIX_N_ZONES];
  double size = layout->text_size;

  kw_matrix_layout_get_zones (layout, &scene->thresholds, zones);

  for (guint i = 0; i < KW_MATRIX_N_ZONES; i++)
    {
      const char *label = scene->outcome_titles[zones[i].outcome];

      if (!kw_matrix_render_zone_has_room (layout, &zones[i], label))
        continue;
      set_color (cr, kw_outcome_get_color (zones[i].outcome, FALSE), 1.0);
      draw_label (cr, zones[i].rect.x + 0.5 * size, zones[i].rect.y + 1.3 * size, ANCHOR_START,
                  size, FALSE, TRUE, label);
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
      char number[16];

      g_snprintf (number, sizeof number, "%d", (int) ticks[i].value);
      draw_label (cr, plot->x - 0.4 * size, ticks[i].y + 0.35 * small, ANCHOR_END, small, FALSE, FALSE, number);
      draw_label (cr, ticks[i].x, plot->y + plot->height + 1.3 * size, ANCHOR_MIDDLE, small, FALSE, FALSE,
                  number);
    }

  draw_label (cr, plot->x + plot->width / 2.0, plot->y + plot->height + 2.9 * size, ANCHOR_MIDDLE,
              size, FALSE, FALSE, scene->axis_titles[KW_MATRIX_AXIS_EFFORT]);

  cairo_save (cr);
  cairo_translate (cr, 1.1 * size, plot->y + plot->height / 2.0);
  cairo_rotate (cr, -G_PI / 2.0);
  draw_label (cr, 0.0, 0.0, ANCHOR_MIDDLE, size, FALSE, FALSE, scene->axis_titles[KW_MATRIX_AXIS_IMPACT]);
  cairo_restore (cr);
}

static void
draw_dot (cairo_t              *cr,
          const KwMatrixLayout *layout,
          const SceneDot       *dot)
{
  double radius = kw_matrix_render_dot_radius (layout);
  double text_size = radius * (dot->number >= 100 ? 0.75 : 1.0);
  char label[16];
  double x, y;

  kw_matrix_layout_score_to_point (layout, dot->impact, dot->effort, &x, &y);
  g_snprintf (label, sizeof label, "%u", dot->number);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0.0, 2.0 * G_PI);
  set_color (cr, kw_outcome_get_color (dot->outcome, FALSE), 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, KW_MATRIX_RENDER_BACKGROUND, 1.0);
  cairo_set_line_width (cr, radius / 6.0);
  cairo_stroke (cr);

  set_color (cr, KW_MATRIX_RENDER_DOT_TEXT, 1.0);
  draw_label (cr, x, y + 0.35 * text_size, ANCHOR_MIDDLE, text_size, TRUE, FALSE, label);
}

void
kw_matrix_scene_draw (const KwMatrixScene *scene,
                      cairo_t             *cr,
                      double               width,
                      double               height)
{
  KwMatrixLayout layout;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (cr != NULL);

  kw_matrix_layout_init (&layout, width, height, 1.0, FALSE);

  cairo_save (cr);
  set_color (cr, KW_MATRIX_RENDER_BACKGROUND, 1.0);
  cairo_rectangle (cr, 0.0, 0.0, width, height);
  cairo_fill (cr);

  draw_zones (cr, &layout, &scene->thresholds);
  draw_frame_and_lines (cr, &layout, &scene->thresholds);
  draw_scale (cr, scene, &layout);
  for (guint i = 0; i < scene->dots->len; i++)
    draw_dot (cr, &layout, &g_array_index (scene->dots, SceneDot, i));
  draw_zone_labels (cr, scene, &layout);
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

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

GBytes *
kw_matrix_scene_render_png (const KwMatrixScene *scene,
                            int                  width,
                            int                  height,
                            GError             **error)
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
  status = cairo_surface_write_to_png_stream (surface, append_to_array, png);
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

  {
    g_autoptr(KwPlanLanguage) language = kw_plan_language_push (lang);
    g_autoptr(KwPlan) plan = kw_plan_new (board);

    scene = kw_matrix_scene_new (plan);
  }

  /* Into memory first, so a failure never leaves half an image behind. */
  png = kw_matrix_scene_render_png (scene, width, height, error);
  if (png == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
