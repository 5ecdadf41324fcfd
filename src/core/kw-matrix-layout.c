/* kw-matrix-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-layout"

#include "config.h"

#include <math.h>

#include "kw-matrix-layout.h"

#define SCORE_SPAN (KW_SCORE_MAX - KW_SCORE_MIN)
#define SNAP_STEP 0.5

/* Text grows with the drawing, so the matrix reads the same from a laptop
 * and from the back of a room; these bound it at both ends. */
#define MIN_TEXT_SIZE 11.0
#define MAX_TEXT_SIZE 40.0

static KwMatrixRect
rect_from_edges (double left,
                 double top,
                 double right,
                 double bottom)
{
  return (KwMatrixRect) { left, top, MAX (right - left, 0.0), MAX (bottom - top, 0.0) };
}

static double
base_text_size (double width,
                double height)
{
  return CLAMP (MIN (width, height) / 45.0, MIN_TEXT_SIZE, MAX_TEXT_SIZE);
}

void
kw_matrix_layout_init (KwMatrixLayout *layout,
                       double          width,
                       double          height,
                       double          text_scale,
                       gboolean        with_legend)
{
  double text, left, right, top, bottom;

  g_return_if_fail (layout != NULL);

  width = MAX (width, 0.0);
  height = MAX (height, 0.0);
  if (!(text_scale > 0.0))
    text_scale = 1.0;

  text = base_text_size (width, height) * text_scale;

  /* Left: the rotated axis title plus the scale's numbers; bottom: the
   * scale's numbers plus the axis title under them. */
  left = 3.2 * text;
  bottom = 3.4 * text;
  top = 1.0 * text;
  right = 1.0 * text;

  layout->width = width;
  layout->height = height;
  layout->text_size = text;
  layout->legend = (KwMatrixRect) { 0 };

  if (with_legend)
    {
      double legend_width = MIN (width * 0.3, 22.0 * text);

      layout->legend = rect_from_edges (width - legend_width, top, width - right, height - top);
      right += legend_width;
    }

  layout->plot = rect_from_edges (MIN (left, width), MIN (top, height),
                                  MAX (width - right, MIN (left, width)),
                                  MAX (height - bottom, MIN (top, height)));
  layout->view_min_impact = layout->view_min_effort = KW_SCORE_MIN;
  layout->view_max_impact = layout->view_max_effort = KW_SCORE_MAX;
}

void
kw_matrix_layout_add_legend (KwMatrixLayout *layout)
{
  KwMatrixLayout old;

  g_return_if_fail (layout != NULL);

  old = *layout;
  kw_matrix_layout_init (layout, old.width, old.height,
                         old.text_size / base_text_size (old.width, old.height), TRUE);
  layout->view_min_impact = old.view_min_impact;
  layout->view_max_impact = old.view_max_impact;
  layout->view_min_effort = old.view_min_effort;
  layout->view_max_effort = old.view_max_effort;
}

void
kw_matrix_layout_set_legend_width (KwMatrixLayout *layout,
                                   double          width)
{
  double widest, delta;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (layout->legend.width > 0);

  widest = layout->legend.width + MAX (layout->plot.width - 0.5 * layout->width, 0.0);
  width = CLAMP (width, 0.0, widest);
  delta = width - layout->legend.width;
  layout->legend.x -= delta;
  layout->legend.width = width;
  layout->plot.width = MAX (layout->plot.width - delta, 0.0);
}

void
kw_matrix_layout_set_view (KwMatrixLayout *layout,
                           double          min_impact,
                           double          max_impact,
                           double          min_effort,
                           double          max_effort)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (isfinite (min_impact) && isfinite (max_impact));
  g_return_if_fail (isfinite (min_effort) && isfinite (max_effort));

  /* An empty or inverted range would divide by zero: keep the old view
   * (a zone dragged to nothing by its lines asks for one). */
  if (!(max_impact > min_impact) || !(max_effort > min_effort))
    return;

  layout->view_min_impact = min_impact;
  layout->view_max_impact = max_impact;
  layout->view_min_effort = min_effort;
  layout->view_max_effort = max_effort;
}

/* A layout zeroed rather than initialised (a widget before its first
 * allocation) has an empty view: it shows 0..10 then, as before views. */
static double
view_span (double min,
           double max)
{
  return max > min ? max - min : SCORE_SPAN;
}

double
kw_matrix_layout_impact_scale (const KwMatrixLayout *layout)
{
  return layout->plot.height / view_span (layout->view_min_impact, layout->view_max_impact);
}

double
kw_matrix_layout_effort_scale (const KwMatrixLayout *layout)
{
  return layout->plot.width / view_span (layout->view_min_effort, layout->view_max_effort);
}

static double
effort_to_x (const KwMatrixLayout *layout,
             double                effort)
{
  return layout->plot.x + (effort - layout->view_min_effort) * kw_matrix_layout_effort_scale (layout);
}

static double
impact_to_y (const KwMatrixLayout *layout,
             double                impact)
{
  return layout->plot.y + layout->plot.height - (impact - layout->view_min_impact) * kw_matrix_layout_impact_scale (layout);
}

void
kw_matrix_layout_score_to_point (const KwMatrixLayout *layout,
                                 double                impact,
                                 double                effort,
                                 double               *x,
                                 double               *y)
{
  g_return_if_fail (layout != NULL);

  if (x != NULL)
    *x = effort_to_x (layout, effort);
  if (y != NULL)
    *y = impact_to_y (layout, impact);
}

gboolean
kw_matrix_layout_point_to_score (const KwMatrixLayout *layout,
                                 double                x,
                                 double                y,
                                 double               *impact,
                                 double               *effort)
{
  const KwMatrixRect *plot;
  double raw_impact = KW_SCORE_MIN, raw_effort = KW_SCORE_MIN;
  gboolean inside;

  g_return_val_if_fail (layout != NULL, FALSE);

  plot = &layout->plot;
  if (plot->width > 0.0)
    raw_effort = layout->view_min_effort + (x - plot->x) / kw_matrix_layout_effort_scale (layout);
  if (plot->height > 0.0)
    raw_impact = layout->view_min_impact + (plot->y + plot->height - y) / kw_matrix_layout_impact_scale (layout);

  inside = plot->width > 0.0 && plot->height > 0.0 &&
           x >= plot->x && x <= plot->x + plot->width &&
           y >= plot->y && y <= plot->y + plot->height;

  if (impact != NULL)
    *impact = CLAMP (raw_impact, KW_SCORE_MIN, KW_SCORE_MAX);
  if (effort != NULL)
    *effort = CLAMP (raw_effort, KW_SCORE_MIN, KW_SCORE_MAX);

  return inside;
}

void
kw_matrix_layout_get_zones (const KwMatrixLayout *layout,
                            const KwThresholds   *thresholds,
                            KwMatrixZone          zones[KW_MATRIX_N_ZONES])
{
  double left, top, right, bottom, impact_y, effort_x, tiny_x;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (thresholds != NULL);

  left = layout->plot.x;
  top = layout->plot.y;
  right = left + layout->plot.width;
  bottom = top + layout->plot.height;
  /* In a zoomed view a line may lie outside the plot: its zones then
   * shrink to nothing on that side. */
  impact_y = CLAMP (impact_to_y (layout, thresholds->impact), top, bottom);
  effort_x = CLAMP (effort_to_x (layout, thresholds->effort), left, right);
  tiny_x = CLAMP (effort_to_x (layout, MIN (thresholds->tiny_effort, thresholds->effort)), left, right);

  /* In KwOutcome order, so zones[i].outcome == i. */
  zones[0] = (KwMatrixZone) { KW_OUTCOME_QUICK_WIN, rect_from_edges (left, top, effort_x, impact_y) };
  zones[1] = (KwMatrixZone) { KW_OUTCOME_SMALL_FIX, rect_from_edges (left, impact_y, tiny_x, bottom) };
  zones[2] = (KwMatrixZone) { KW_OUTCOME_LONG_TERM, rect_from_edges (effort_x, top, right, impact_y) };
  zones[3] = (KwMatrixZone) { KW_OUTCOME_FUTURE, rect_from_edges (tiny_x, impact_y, effort_x, bottom) };
  zones[4] = (KwMatrixZone) { KW_OUTCOME_DROP, rect_from_edges (effort_x, impact_y, right, bottom) };
}

double
kw_matrix_line_get_value (KwMatrixLine        line,
                          const KwThresholds *thresholds)
{
  g_return_val_if_fail (thresholds != NULL, 0.0);

  switch (line)
    {
    case KW_MATRIX_LINE_IMPACT:      return thresholds->impact;
    case KW_MATRIX_LINE_EFFORT:      return thresholds->effort;
    case KW_MATRIX_LINE_TINY_EFFORT: return thresholds->tiny_effort;
    default:
      g_return_val_if_reached (0.0);
    }
}

KwMatrixAxis
kw_matrix_line_get_axis (KwMatrixLine line)
{
  return line == KW_MATRIX_LINE_IMPACT ? KW_MATRIX_AXIS_IMPACT : KW_MATRIX_AXIS_EFFORT;
}

void
kw_matrix_layout_get_line (const KwMatrixLayout *layout,
                           const KwThresholds   *thresholds,
                           KwMatrixLine          line,
                           double               *x1,
                           double               *y1,
                           double               *x2,
                           double               *y2)
{
  const KwMatrixRect *plot;
  double value;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (thresholds != NULL);

  plot = &layout->plot;
  value = kw_matrix_line_get_value (line, thresholds);

  if (line == KW_MATRIX_LINE_IMPACT)
    {
      *x1 = plot->x;
      *x2 = plot->x + plot->width;
      *y1 = *y2 = impact_to_y (layout, value);
    }
  else
    {
      *x1 = *x2 = effort_to_x (layout, value);
      *y2 = plot->y + plot->height;
      /* The small-fix strip only exists for low impact. */
      *y1 = line == KW_MATRIX_LINE_TINY_EFFORT ?
            CLAMP (impact_to_y (layout, thresholds->impact), plot->y, *y2) : plot->y;
    }
}

void
kw_matrix_layout_get_handle (const KwMatrixLayout *layout,
                             const KwThresholds   *thresholds,
                             KwMatrixLine          line,
                             double               *x,
                             double               *y,
                             double               *radius)
{
  double x1, y1, x2, y2;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (thresholds != NULL);

  /* On the plot's edge by the scale the line's value is read on: the
   * left end of the impact line, the bottom end of the effort lines. */
  kw_matrix_layout_get_line (layout, thresholds, line, &x1, &y1, &x2, &y2);
  if (x != NULL)
    *x = line == KW_MATRIX_LINE_IMPACT ? x1 : x2;
  if (y != NULL)
    *y = line == KW_MATRIX_LINE_IMPACT ? y1 : y2;
  if (radius != NULL)
    *radius = MAX (5.0, 0.4 * layout->text_size);
}

void
kw_matrix_layout_get_ticks (const KwMatrixLayout *layout,
                            KwMatrixTick          ticks[KW_MATRIX_N_TICKS])
{
  g_return_if_fail (layout != NULL);

  for (guint i = 0; i < KW_MATRIX_N_TICKS; i++)
    {
      double step = (double) i / (KW_MATRIX_N_TICKS - 1);
      double effort = layout->view_min_effort + step * view_span (layout->view_min_effort, layout->view_max_effort);
      double impact = layout->view_min_impact + step * view_span (layout->view_min_impact, layout->view_max_impact);

      ticks[i].value = effort;
      ticks[i].impact_value = impact;
      ticks[i].x = effort_to_x (layout, effort);
      ticks[i].y = impact_to_y (layout, impact);
    }
}

/* Snapping */

typedef struct {
  double   value;
  gboolean at_or_above_is_high; /* which side a value exactly on it takes */
} SnapLine;

static guint
snap_lines_for_axis (KwMatrixAxis        axis,
                     const KwThresholds *thresholds,
                     SnapLine            lines[2])
{
  if (axis == KW_MATRIX_AXIS_IMPACT)
    {
      lines[0] = (SnapLine) { thresholds->impact, TRUE };
      return 1;
    }

  lines[0] = (SnapLine) { thresholds->effort, TRUE };
  /* At or below the tiny-effort line is a small fix: the line belongs to
   * the low side. */
  lines[1] = (SnapLine) { thresholds->tiny_effort, FALSE };
  return 2;
}

/* TRUE when value lies on the high side of the line, as classification
 * sees it. */
static gboolean
is_high_side (const SnapLine *line,
              double          value)
{
  return line->at_or_above_is_high ? value >= line->value : value > line->value;
}

/* A key step of @delta from @value that would land exactly on one of the
 * axis's lines goes one step of the same size further, so the arrow keys
 * (with Snap to Grid on) never leave a finding on a line either. Returns
 * the step to take. */
double
kw_matrix_step_past_lines (double              value,
                           double              delta,
                           KwMatrixAxis        axis,
                           const KwThresholds *thresholds)
{
  SnapLine lines[2];
  guint n_lines;
  double target = value + delta;

  g_return_val_if_fail (thresholds != NULL, delta);

  if (delta == 0)
    return delta;
  n_lines = snap_lines_for_axis (axis, thresholds, lines);
  for (guint l = 0; l < n_lines; l++)
    if (fabs (target - lines[l].value) < 1e-9)
      {
        double further = target + delta;

        /* At the edge of the scale there is no further: stay put. */
        return further < KW_SCORE_MIN - 1e-9 || further > KW_SCORE_MAX + 1e-9 ? 0 : 2 * delta;
      }
  return delta;
}

double
kw_matrix_snap (double              value,
                KwMatrixAxis        axis,
                const KwThresholds *thresholds)
{
  SnapLine lines[2];
  guint n_lines;
  double best_same_side = NAN, best_off_line = NAN;
  guint n_steps = (guint) round (SCORE_SPAN / SNAP_STEP);

  g_return_val_if_fail (thresholds != NULL, value);

  if (!isfinite (value))
    return KW_SCORE_MIN;
  value = CLAMP (value, KW_SCORE_MIN, KW_SCORE_MAX);
  n_lines = snap_lines_for_axis (axis, thresholds, lines);

  /* Only 21 candidates: trying each is clearer than any arithmetic, and
   * ties between two steps go to the higher one, as round() does. */
  for (guint i = 0; i <= n_steps; i++)
    {
      double step = KW_SCORE_MIN + i * SNAP_STEP;
      gboolean on_line = FALSE, same_side = TRUE;

      for (guint l = 0; l < n_lines; l++)
        {
          if (fabs (step - lines[l].value) < 1e-9)
            on_line = TRUE;
          if (is_high_side (&lines[l], step) != is_high_side (&lines[l], value))
            same_side = FALSE;
        }

      if (on_line)
        continue;

      if (isnan (best_off_line) || fabs (step - value) <= fabs (best_off_line - value))
        best_off_line = step;
      if (same_side && (isnan (best_same_side) || fabs (step - value) <= fabs (best_same_side - value)))
        best_same_side = step;
    }

  if (!isnan (best_same_side))
    return best_same_side;
  if (!isnan (best_off_line))
    return best_off_line;
  return round (value / SNAP_STEP) * SNAP_STEP;
}
