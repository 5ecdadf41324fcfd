/* kw-matrix-changes.c
 *
 * The geometry is worked out once, in kw_matrix_change_mark(), and drawn
 * by two backends: cairo below (the app's compare view, the PDF plan, the
 * PNG) and SVG in kw-export-svg.c (the HTML plan). They cannot drift
 * apart: both draw the same mark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-changes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kw-matrix-changes.h"

gboolean
kw_matrix_change_spot_init (KwMatrixChangeSpot *spot,
                            KwChange           *change)
{
  gboolean before, after;

  g_return_val_if_fail (spot != NULL, FALSE);
  g_return_val_if_fail (KW_IS_CHANGE (change), FALSE);

  *spot = (KwMatrixChangeSpot) { kw_change_get_kind (change), 0, 0, 0, 0 };
  before = kw_change_get_before_position (change, &spot->before_impact, &spot->before_effort);
  after = kw_change_get_after_position (change, &spot->after_impact, &spot->after_effort);

  switch (spot->kind)
    {
    case KW_CHANGE_OUTCOME:
    case KW_CHANGE_MOVED:
      /* Placed from the tray or back into it: nothing to point from or
       * to; the list says it. */
      return before && after;
    case KW_CHANGE_NEW:
      return after;
    case KW_CHANGE_REMOVED:
    case KW_CHANGE_STATUS:
    case KW_CHANGE_OWNER:
    case KW_CHANGE_DUE:
    default:
      return FALSE;
    }
}

GArray *
kw_matrix_change_spots_new (KwChanges *changes)
{
  GArray *spots = g_array_new (FALSE, TRUE, sizeof (KwMatrixChangeSpot));
  guint n;

  g_return_val_if_fail (changes == NULL || KW_IS_CHANGES (changes), spots);

  n = changes != NULL ? g_list_model_get_n_items (G_LIST_MODEL (changes)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (G_LIST_MODEL (changes), i);
      KwMatrixChangeSpot spot;

      if (kw_matrix_change_spot_init (&spot, change))
        g_array_append_val (spots, spot);
    }

  return spots;
}

double
kw_matrix_changes_radius (double text_size)
{
  return MAX (3.0, text_size * 0.45);
}

static gboolean
point_in_plot (const KwMatrixLayout *layout,
               double                x,
               double                y)
{
  const KwMatrixRect *plot = &layout->plot;

  return x >= plot->x - 0.5 && x <= plot->x + plot->width + 0.5 &&
         y >= plot->y - 0.5 && y <= plot->y + plot->height + 0.5;
}

/* A shaft from (x1, y1) towards (x2, y2), stopping short of both markers
 * by gap, and a head of size at its end; FALSE when the two are too close
 * for one. */
static gboolean
place_arrow (KwMatrixChangeMark *mark,
             double              x1,
             double              y1,
             double              x2,
             double              y2,
             double              gap,
             double              head)
{
  double dx = x2 - x1, dy = y2 - y1;
  double length = hypot (dx, dy);
  double ux, uy, ex, ey;

  if (length <= 2 * gap + head / 2)
    return FALSE;

  ux = dx / length;
  uy = dy / length;
  ex = x2 - ux * gap;
  ey = y2 - uy * gap;

  mark->arrow_x1 = x1 + ux * gap;
  mark->arrow_y1 = y1 + uy * gap;
  mark->arrow_x2 = ex - ux * head * 0.6;
  mark->arrow_y2 = ey - uy * head * 0.6;
  mark->head[0][0] = ex;
  mark->head[0][1] = ey;
  mark->head[1][0] = ex - ux * head - uy * head * 0.5;
  mark->head[1][1] = ey - uy * head + ux * head * 0.5;
  mark->head[2][0] = ex - ux * head + uy * head * 0.5;
  mark->head[2][1] = ey - uy * head - ux * head * 0.5;

  return TRUE;
}

static gboolean
mark_moved (const KwMatrixLayout     *layout,
            const KwMatrixChangeSpot *spot,
            double                    r,
            KwMatrixChangeMark       *mark)
{
  double x1, y1, x2, y2;

  kw_matrix_layout_score_to_point (layout, spot->before_impact, spot->before_effort, &x1, &y1);
  kw_matrix_layout_score_to_point (layout, spot->after_impact, spot->after_effort, &x2, &y2);
  /* Only the other side of a line that moved: nothing to point at. */
  if ((!point_in_plot (layout, x1, y1) && !point_in_plot (layout, x2, y2)) || hypot (x2 - x1, y2 - y1) < r)
    return FALSE;

  /* Where it was: an outline only, dashed, so it never reads as a
   * finding of its own. */
  mark->was_shown = TRUE;
  mark->was_x = x1;
  mark->was_y = y1;
  mark->outline_width = MAX (1.0, r / 4);
  mark->arrow_width = MAX (1.0, r / 3.5);
  mark->arrow_shown = place_arrow (mark, x1, y1, x2, y2, r * 1.4, MAX (5.0, r * 1.2));

  return TRUE;
}

static gboolean
mark_new (const KwMatrixLayout     *layout,
          const KwMatrixChangeSpot *spot,
          double                    r,
          KwMatrixChangeMark       *mark)
{
  double x, y;

  kw_matrix_layout_score_to_point (layout, spot->after_impact, spot->after_effort, &x, &y);
  if (!point_in_plot (layout, x, y))
    return FALSE;

  /* A ring around the marker: "new since". */
  mark->ring_shown = TRUE;
  mark->ring_x = x;
  mark->ring_y = y;
  mark->ring_radius = r * 1.9;
  mark->ring_width = MAX (1.5, r / 2.5);

  return TRUE;
}

gboolean
kw_matrix_change_mark (const KwMatrixLayout     *layout,
                       const KwMatrixChangeSpot *spot,
                       double                    radius,
                       KwMatrixChangeMark       *mark)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (spot != NULL, FALSE);
  g_return_val_if_fail (mark != NULL, FALSE);

  /* Every byte, padding too: marks are compared with memcmp(). */
  memset (mark, 0, sizeof *mark);
  mark->radius = radius;

  switch (spot->kind)
    {
    case KW_CHANGE_OUTCOME:
    case KW_CHANGE_MOVED:
      return mark_moved (layout, spot, radius, mark);
    case KW_CHANGE_NEW:
      return mark_new (layout, spot, radius, mark);
    case KW_CHANGE_REMOVED:
    case KW_CHANGE_STATUS:
    case KW_CHANGE_OWNER:
    case KW_CHANGE_DUE:
    default:
      return FALSE;
    }
}

gboolean
kw_matrix_change_mark_has_part (const KwMatrixChangeMark *mark,
                                KwMatrixChangePart        part)
{
  g_return_val_if_fail (mark != NULL, FALSE);

  switch (part)
    {
    case KW_MATRIX_CHANGE_PART_OUTLINE:
      return mark->was_shown;
    case KW_MATRIX_CHANGE_PART_SHAFT:
    case KW_MATRIX_CHANGE_PART_HEAD:
      return mark->arrow_shown;
    case KW_MATRIX_CHANGE_PART_RING:
      return mark->ring_shown;
    default:
      g_return_val_if_reached (FALSE);
    }
}

void
kw_matrix_change_part_get_color (const KwMatrixChangesStyle *style,
                                 KwMatrixChangePart          part,
                                 double                      rgba[4])
{
  const double *color;
  double alpha = 1.0;

  g_return_if_fail (style != NULL);

  color = part == KW_MATRIX_CHANGE_PART_RING ? style->accent : style->ink;

  if (part == KW_MATRIX_CHANGE_PART_OUTLINE)
    alpha = KW_MATRIX_CHANGES_OUTLINE_ALPHA;
  else if (part == KW_MATRIX_CHANGE_PART_SHAFT || part == KW_MATRIX_CHANGE_PART_HEAD)
    alpha = KW_MATRIX_CHANGES_ARROW_ALPHA;

  rgba[0] = color[0];
  rgba[1] = color[1];
  rgba[2] = color[2];
  rgba[3] = color[3] * alpha;
}

static void
draw_part (cairo_t                    *cr,
           const KwMatrixChangeMark   *mark,
           const KwMatrixChangesStyle *style,
           KwMatrixChangePart          part)
{
  static const double dash[] = { KW_MATRIX_CHANGES_DASH_ON, KW_MATRIX_CHANGES_DASH_OFF };
  double rgba[4];

  if (!kw_matrix_change_mark_has_part (mark, part))
    return;

  kw_matrix_change_part_get_color (style, part, rgba);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);

  switch (part)
    {
    case KW_MATRIX_CHANGE_PART_OUTLINE:
      cairo_set_line_width (cr, mark->outline_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_new_sub_path (cr);
      cairo_arc (cr, mark->was_x, mark->was_y, mark->radius, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case KW_MATRIX_CHANGE_PART_SHAFT:
      /* Butt-ended, so that a view can draw it as a plain rectangle
       * turned along the arrow; its far end is under the head. */
      cairo_set_line_width (cr, mark->arrow_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_move_to (cr, mark->arrow_x1, mark->arrow_y1);
      cairo_line_to (cr, mark->arrow_x2, mark->arrow_y2);
      cairo_stroke (cr);
      break;

    case KW_MATRIX_CHANGE_PART_HEAD:
      cairo_move_to (cr, mark->head[0][0], mark->head[0][1]);
      cairo_line_to (cr, mark->head[1][0], mark->head[1][1]);
      cairo_line_to (cr, mark->head[2][0], mark->head[2][1]);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case KW_MATRIX_CHANGE_PART_RING:
      cairo_set_line_width (cr, mark->ring_width);
      cairo_new_sub_path (cr);
      cairo_arc (cr, mark->ring_x, mark->ring_y, mark->ring_radius, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
kw_matrix_changes_draw_part (cairo_t                    *cr,
                             const KwMatrixChangeMark   *mark,
                             const KwMatrixChangesStyle *style,
                             KwMatrixChangePart          part)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (mark != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  draw_part (cr, mark, style, part);
  cairo_restore (cr);
}

void
kw_matrix_change_part_get_extents (const KwMatrixChangeMark *mark,
                                   KwMatrixChangePart        part,
                                   double                   *x,
                                   double                   *y,
                                   double                   *width,
                                   double                   *height)
{
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  g_return_if_fail (mark != NULL);

#define TAKE(px, py, pad) G_STMT_START { \
    left = MIN (left, (px) - (pad)); right = MAX (right, (px) + (pad)); \
    top = MIN (top, (py) - (pad)); bottom = MAX (bottom, (py) + (pad)); \
  } G_STMT_END
  switch (kw_matrix_change_mark_has_part (mark, part) ? part : KW_MATRIX_CHANGE_N_PARTS)
    {
    case KW_MATRIX_CHANGE_PART_OUTLINE:
      TAKE (mark->was_x, mark->was_y, mark->radius + mark->outline_width);
      break;
    case KW_MATRIX_CHANGE_PART_SHAFT:
      TAKE (mark->arrow_x1, mark->arrow_y1, mark->arrow_width);
      TAKE (mark->arrow_x2, mark->arrow_y2, mark->arrow_width);
      break;
    case KW_MATRIX_CHANGE_PART_HEAD:
      for (guint i = 0; i < G_N_ELEMENTS (mark->head); i++)
        TAKE (mark->head[i][0], mark->head[i][1], 0);
      break;
    case KW_MATRIX_CHANGE_PART_RING:
      TAKE (mark->ring_x, mark->ring_y, mark->ring_radius + mark->ring_width);
      break;
    default:
      /* Not part of this mark: no pixels. */
      break;
    }
#undef TAKE

  if (left > right)
    {
      *x = *y = *width = *height = 0;
      return;
    }

  /* Antialiasing reaches a pixel further. */
  *x = floor (left - 1);
  *y = floor (top - 1);
  *width = ceil (right + 1) - *x;
  *height = ceil (bottom + 1) - *y;
}

gboolean
kw_matrix_change_mark_equal (const KwMatrixChangeMark *a,
                             const KwMatrixChangeMark *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  /* kw_matrix_change_mark() clears every byte before it fills them. */
  return memcmp (a, b, sizeof *a) == 0;
}

void
kw_matrix_changes_draw (cairo_t                    *cr,
                        const KwMatrixLayout       *layout,
                        GArray                     *spots,
                        const KwMatrixChangesStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  if (spots == NULL || spots->len == 0)
    return;

  cairo_save (cr);
  for (guint i = 0; i < spots->len; i++)
    {
      KwMatrixChangeMark mark;

      if (!kw_matrix_change_mark (layout, &g_array_index (spots, KwMatrixChangeSpot, i), style->radius, &mark))
        continue;
      for (guint part = 0; part < KW_MATRIX_CHANGE_N_PARTS; part++)
        draw_part (cr, &mark, style, part);
    }
  cairo_restore (cr);
}
