/* kw-matrix-placement.c: labels placed around their markers.
 *
 * The search for one set of label boxes is KwMatrixPlacer's
 * (kw-matrix-placer.c). Here: the text sizes, the zone names, the boxes
 * (titles wrapped with Pango, or number badges) and the step-down of
 * AUTO: titles at 14, 11 and 8 ems while they fit without crossing
 * leaders and with few cut short, then numbered badges with a legend
 * (kw-matrix-legend.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-placement"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kw-matrix-placement.h"
#include "kw-matrix-placement-private.h"
#include "kw-matrix-legend.h"
#include "kw-matrix-placer.h"

/* Sizes in units of the label text size. */
#define MARKER_RADIUS       0.3   /* beside a title */
#define TINY_MARKER_RADIUS  0.2   /* beside a number */
#define GAP                 0.25  /* kept free around every label */
/* How far from its marker a title may go before AUTO rather steps down,
 * as a share of the plot's diagonal (a label further away reads as
 * another's). Forced titles and numbers, the last resort, search it all. */
#define CARD_REACH          0.25
#define FULL_REACH          1.0

/* Wraps tried in turn, in ems: narrower ones make taller labels that fit
 * between neighbours more easily. */
static const double wrap_widths[] = { 14.0, 11.0, 8.0 };

/* The legend column grows in steps of this share of the drawing's width,
 * up to the largest share, when its whole titles need the room. */
#define LEGEND_STEP         0.05
#define MAX_LEGEND_SHARE    0.45

/* Labels that would cover more of the plot than this do not fit; the
 * attempt is skipped without searching. */
#define MAX_FILL 0.6

/* ---- Small geometry -------------------------------------------------------- */

gboolean
kw_matrix_rect_intersects (const KwMatrixRect *a,
                           const KwMatrixRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static double
overlap_area (const KwMatrixRect *a,
              const KwMatrixRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? w * h : 0;
}

static void
keep_inside (KwMatrixRect       *rect,
             const KwMatrixRect *bounds)
{
  rect->x = CLAMP (rect->x, bounds->x, MAX (bounds->x + bounds->width - rect->width, bounds->x));
  rect->y = CLAMP (rect->y, bounds->y, MAX (bounds->y + bounds->height - rect->height, bounds->y));
}

double
kw_matrix_rect_place_beside (const KwMatrixRect *anchor,
                             double              width,
                             double              height,
                             double              gap,
                             const KwMatrixRect *obstacles,
                             guint               n,
                             const KwMatrixRect *bounds,
                             KwMatrixRect       *placed)
{
  double below = anchor->y + anchor->height + gap;
  double above = anchor->y - gap - height;
  double flush_right = anchor->x + anchor->width - width;
  /* Below first: where a reader's eye goes on from the title; under or
   * over it flush left, then flush right; then beside it, level with its
   * top, then with its bottom. */
  const KwMatrixRect candidates[] = {
    { anchor->x, below, width, height },
    { anchor->x, above, width, height },
    { flush_right, below, width, height },
    { flush_right, above, width, height },
    { anchor->x + anchor->width + gap, anchor->y, width, height },
    { anchor->x - gap - width, anchor->y, width, height },
    { anchor->x + anchor->width + gap, anchor->y + anchor->height - height, width, height },
    { anchor->x - gap - width, anchor->y + anchor->height - height, width, height },
  };
  double best = G_MAXDOUBLE;

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      KwMatrixRect rect = candidates[c];
      double covered = 0;

      keep_inside (&rect, bounds);
      for (guint i = 0; i < n; i++)
        covered += overlap_area (&rect, &obstacles[i]);
      if (covered < best)
        {
          best = covered;
          *placed = rect;
        }
    }
  return best;
}

/* ---- Public small things --------------------------------------------------- */

KwMatrixMarkerShape
kw_matrix_marker_shape (KwOutcome outcome)
{
  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN: return KW_MATRIX_MARKER_CIRCLE;
    case KW_OUTCOME_SMALL_FIX: return KW_MATRIX_MARKER_SQUARE;
    case KW_OUTCOME_LONG_TERM: return KW_MATRIX_MARKER_DIAMOND;
    case KW_OUTCOME_FUTURE:    return KW_MATRIX_MARKER_TRIANGLE;
    case KW_OUTCOME_DROP:      return KW_MATRIX_MARKER_CROSS;
    case KW_OUTCOME_UNPLACED:
    default:
      return KW_MATRIX_MARKER_CIRCLE;
    }
}

double
kw_matrix_placement_text_size_for (double   height,
                                   gboolean presentation)
{
  double share = presentation ? 24.0 / 1080.0 : 0.017;

  return MAX (KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE, round (height * share));
}


static void
clear_label (gpointer data)
{
  KwMatrixPlacedLabel *label = data;

  for (guint i = 0; i < label->n_lines; i++)
    g_clear_pointer (&label->lines[i], g_free);
  label->n_lines = 0;
}

static void
clear_legend_entry (gpointer data)
{
  KwMatrixLegendEntry *entry = data;

  g_clear_pointer (&entry->lines, g_strfreev);
  entry->n_lines = 0;
}

/* ---- Zone names ----------------------------------------------------------------- */

/* A zone carries its name in its top-left corner when it is wide enough
 * for the name with half a letter's margin each side, and two lines high.
 * The one rule every backend follows: they draw zone_labels. */
static void
compute_zone_labels (KwMatrixPlacer *placer)
{
  const KwMatrixZone *zones = placer->zones;
  double size = placer->zone_text_size;

  placer->n_zone_labels = 0;
  if (placer->options->hide_zone_labels)
    return;
  for (guint i = 0; i < KW_MATRIX_N_ZONES; i++)
    {
      const char * const *names = placer->options->zone_names;
      const char *name = names != NULL && names[zones[i].outcome] != NULL ? names[zones[i].outcome]
                                                                          : kw_outcome_get_title (zones[i].outcome);
      double width = kw_matrix_text_measure (placer->zone_text, name);
      KwMatrixZoneLabel *label;

      if (zones[i].rect.width < width + 1.0 * size && name != kw_outcome_get_title (zones[i].outcome))
        {
          name = kw_outcome_get_title (zones[i].outcome);
          width = kw_matrix_text_measure (placer->zone_text, name);
        }
      if (zones[i].rect.width < width + 1.0 * size || zones[i].rect.height < 2.0 * size)
        continue;

      label = &placer->zone_labels[placer->n_zone_labels++];
      label->outcome = zones[i].outcome;
      label->text = name;
      label->rect = (KwMatrixRect) {
        zones[i].rect.x + 0.5 * size, zones[i].rect.y + 0.3 * size,
        width, KW_MATRIX_PLACEMENT_LINE_HEIGHT * size,
      };
    }
}

/* ---- Attempts ------------------------------------------------------------------------------- */

static void
start_attempt (KwMatrixPlacer       *placer,
               const KwMatrixLayout *layout,
               double                marker_radius,
               double                reach)
{
  const KwMatrixRect *plot;

  placer->layout = *layout;
  plot = &placer->layout.plot;
  /* Keep off the axes: the frame is drawn on the plot's edge. */
  placer->area = (KwMatrixRect) { plot->x + placer->gap / 2, plot->y + placer->gap / 2,
                                  MAX (plot->width - placer->gap, 0), MAX (plot->height - placer->gap, 0) };
  placer->max_distance = MAX (reach * hypot (plot->width, plot->height), 4 * placer->line_height);
  kw_matrix_layout_get_zones (&placer->layout, placer->thresholds, placer->zones);
  compute_zone_labels (placer);
  kw_matrix_placer_set_markers (placer, marker_radius);
  memset (placer->sized, 0, MAX (placer->n_items, 1) * sizeof (gboolean));
  placer->n_ellipsised = 0;
}

/* A quick upper bound: can labels of this wrap cover no more than
 * MAX_FILL of the plot? Titles average about half an em per character. */
static gboolean
might_fit (const KwMatrixPlacer *placer,
           double                wrap_em)
{
  double area = 0.0, plot_area = placer->layout.plot.width * placer->layout.plot.height;

  for (guint i = 0; i < placer->n_items; i++)
    {
      double chars = placer->items[i].title != NULL ? g_utf8_strlen (placer->items[i].title, -1) : 0;
      double text_width = 0.45 * chars * placer->text_size;
      double lines = CLAMP (ceil (text_width / (wrap_em * placer->text_size)), 1, KW_MATRIX_PLACEMENT_MAX_LINES);
      double width = MIN (text_width / lines, wrap_em * placer->text_size) + 2 * placer->padding;

      area += (width + placer->gap) * (lines * placer->line_height + 2 * placer->padding + placer->gap);
    }

  return area <= MAX_FILL * plot_area;
}

/* Wraps item i's title at wrap_em into its label; a title that would be
 * cut there takes the next wider wrap that holds it whole (the widest
 * cuts it if it must): narrower wraps are for the many short titles, not
 * a reason to lose the end of a long one. */
static void
size_card (KwMatrixPlacer *placer,
           guint           i)
{
  KwMatrixPlacedLabel *label = &placer->labels[i];
  KwWrappedText wrapped = { 0 };

  clear_label (label);
  for (int w = G_N_ELEMENTS (wrap_widths) - 1; w >= 0; w--)
    {
      if (wrap_widths[w] < placer->wrap_em)
        continue;
      kw_wrapped_text_clear (&wrapped);
      kw_matrix_text_wrap (placer->text, placer->items[i].title, wrap_widths[w] * placer->text_size,
                           KW_MATRIX_PLACEMENT_MAX_LINES, &wrapped);
      if (!wrapped.ellipsised)
        break;
    }
  for (guint l = 0; l < wrapped.n_lines; l++)
    label->lines[l] = g_steal_pointer (&wrapped.lines[l]);
  label->n_lines = wrapped.n_lines;
  label->ellipsised = wrapped.ellipsised;
  placer->widths[i] = wrapped.width + 2 * placer->padding;
  placer->heights[i] = wrapped.n_lines * placer->line_height + 2 * placer->padding;
  kw_wrapped_text_clear (&wrapped);
}

static guint
attempt_cards (KwMatrixPlacer *placer,
               double          wrap_em,
               gboolean        give_up)
{
  placer->wrap_em = wrap_em;
  placer->size_label = size_card;
  return kw_matrix_placer_place_all (placer, give_up);
}

/* A badge as wide as its number's digits (every length measured once). */
static void
size_badge (KwMatrixPlacer *placer,
            guint           i)
{
  KwMatrixPlacedLabel *label = &placer->labels[i];
  char number[16];
  guint digits;

  clear_label (label);
  label->ellipsised = FALSE;
  digits = MIN ((guint) g_snprintf (number, sizeof number, "%u", placer->items[i].number),
                G_N_ELEMENTS (placer->digit_widths) - 1);
  if (placer->digit_widths[digits] == 0)
    {
      memset (number, '0', digits);
      number[digits] = '\0';
      placer->digit_widths[digits] = kw_matrix_text_measure (placer->text, number);
    }
  placer->heights[i] = placer->line_height;
  placer->widths[i] = kw_matrix_legend_badge_width (placer->digit_widths[digits], placer->text_size);
}

static guint
attempt_numbers (KwMatrixPlacer *placer)
{
  placer->size_label = size_badge;
  return kw_matrix_placer_place_all (placer, FALSE);
}

/* ---- The result ------------------------------------------------------------------------------------ */

static KwMatrixPlacement *
placement_from_attempt (KwMatrixPlacer    *placer,
                        KwMatrixLabelMode  mode,
                        double             wrap_width,
                        guint              n_unplaced)
{
  KwMatrixPlacement *placement = g_new0 (KwMatrixPlacement, 1);

  placement->layout = placer->layout;
  placement->mode = mode;
  placement->text_size = placer->text_size;
  placement->line_height = placer->line_height;
  placement->zone_text_size = placer->zone_text_size;
  placement->wrap_width = wrap_width;
  placement->labels = g_array_sized_new (FALSE, TRUE, sizeof (KwMatrixPlacedLabel), placer->n_items);
  g_array_set_clear_func (placement->labels, clear_label);
  /* The lines move over with the labels. */
  g_array_append_vals (placement->labels, placer->labels, placer->n_items);
  memset (placer->labels, 0, placer->n_items * sizeof (KwMatrixPlacedLabel));
  memcpy (placement->zone_labels, placer->zone_labels, sizeof placer->zone_labels);
  placement->n_zone_labels = placer->n_zone_labels;
  for (guint i = 0; i < placement->n_zone_labels; i++)
    {
      KwMatrixZoneLabel *zone = &placement->zone_labels[i];

      if (zone->text != kw_outcome_get_title (zone->outcome))
        zone->text = placement->zone_texts[i] = g_strdup (zone->text);
    }
  placement->legend = g_array_new (FALSE, TRUE, sizeof (KwMatrixLegendEntry));
  g_array_set_clear_func (placement->legend, clear_legend_entry);
  placement->n_unplaced = n_unplaced;

  return placement;
}

static void
placer_init (KwMatrixPlacer                 *placer,
             const KwMatrixLayout           *layout,
             const KwThresholds             *thresholds,
             const KwMatrixPlacementItem    *items,
             guint                           n_items,
             const KwMatrixPlacementOptions *options,
             gboolean                        use_index)
{
  placer->thresholds = thresholds;
  placer->items = items;
  placer->n_items = n_items;
  placer->options = options;
  placer->use_index = use_index;
  placer->text_size = options->text_size > 0 ? options->text_size : layout->text_size;
  placer->zone_text_size = options->zone_text_size > 0 ? options->zone_text_size
                           : KW_MATRIX_PLACEMENT_ZONE_TEXT_SCALE * placer->text_size;
  placer->line_height = KW_MATRIX_PLACEMENT_LINE_HEIGHT * placer->text_size;
  placer->padding = KW_MATRIX_PLACEMENT_PADDING * placer->text_size;
  placer->gap = GAP * placer->text_size;
  placer->font_family = options->font_family != NULL ? options->font_family : KW_MATRIX_PLACEMENT_FONT;
  placer->text = kw_matrix_text_new (placer->font_family, placer->text_size);
  placer->zone_text = kw_matrix_text_new (placer->font_family, placer->zone_text_size);
  placer->widths = g_new0 (double, MAX (n_items, 1));
  placer->heights = g_new0 (double, MAX (n_items, 1));
  placer->visible = g_new0 (gboolean, MAX (n_items, 1));
  placer->sized = g_new0 (gboolean, MAX (n_items, 1));
  placer->stack_order = g_new0 (guint, MAX (n_items, 1));
  placer->stack_start = g_new0 (guint, MAX (n_items, 1));
  placer->stack_size = g_new0 (guint, MAX (n_items, 1));
  placer->labels = g_new0 (KwMatrixPlacedLabel, MAX (n_items, 1));
}

static void
placer_clear (KwMatrixPlacer *placer)
{
  for (guint i = 0; i < placer->n_items; i++)
    clear_label (&placer->labels[i]);
  g_clear_pointer (&placer->labels, g_free);
  g_clear_pointer (&placer->widths, g_free);
  g_clear_pointer (&placer->heights, g_free);
  g_clear_pointer (&placer->visible, g_free);
  g_clear_pointer (&placer->sized, g_free);
  g_clear_pointer (&placer->stack_order, g_free);
  g_clear_pointer (&placer->stack_start, g_free);
  g_clear_pointer (&placer->stack_size, g_free);
  g_clear_pointer (&placer->index, kw_spatial_index_free);
  g_clear_pointer (&placer->text, kw_matrix_text_free);
  g_clear_pointer (&placer->zone_text, kw_matrix_text_free);
}

/* Titles, at the widest wrap that fits. Forced (not AUTO), the attempt
 * with the fewest labels left out wins. */
static KwMatrixPlacement *
place_cards (KwMatrixPlacer       *placer,
             const KwMatrixLayout *layout,
             gboolean              forced)
{
  double best_width = 0.0;
  guint best_failed = G_MAXUINT;

  for (guint w = 0; w < G_N_ELEMENTS (wrap_widths); w++)
    {
      guint n_failed;

      start_attempt (placer, layout, MARKER_RADIUS * placer->text_size, forced ? FULL_REACH : CARD_REACH);
      if (!might_fit (placer, wrap_widths[w]) && !(forced && w + 1 == G_N_ELEMENTS (wrap_widths)))
        continue;
      n_failed = attempt_cards (placer, wrap_widths[w], !forced);
      if (n_failed == 0)
        return placement_from_attempt (placer, KW_MATRIX_LABELS_CARDS, wrap_widths[w] * placer->text_size, 0);
      if (n_failed < best_failed)
        {
          best_failed = n_failed;
          best_width = wrap_widths[w];
        }
    }

  if (!forced)
    return NULL;

  /* Again at the best width, to have its labels. */
  start_attempt (placer, layout, MARKER_RADIUS * placer->text_size, forced ? FULL_REACH : CARD_REACH);
  best_failed = attempt_cards (placer, best_width, FALSE);
  return placement_from_attempt (placer, KW_MATRIX_LABELS_CARDS, best_width * placer->text_size, best_failed);
}

/* The floor of the legend's text: the caller's, or the one for screens
 * and images. */
static double
legend_min_text_size (const KwMatrixPlacer *placer)
{
  return placer->options->min_text_size > 0 ? placer->options->min_text_size
                                            : KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE;
}

/* A legend column of the layout's usual width that cannot hold every
 * whole title on one page grows, a step at a time up to
 * MAX_LEGEND_SHARE of the drawing, until it does: a narrower plot of
 * numbers reads better than a legend in pages. When even the widest
 * would page, the usual width stays. */
static void
widen_legend (const KwMatrixPlacer *placer,
              KwMatrixLayout       *layout)
{
  double widest = MAX_LEGEND_SHARE * layout->width;

  for (double width = layout->legend.width; ; width = MIN (width + LEGEND_STEP * layout->width, widest))
    {
      KwMatrixLayout wider = *layout;

      kw_matrix_layout_set_legend_width (&wider, width);
      if (kw_matrix_legend_fits_one_page (&wider.legend, placer->items, placer->n_items, placer->font_family,
                                          placer->text_size, legend_min_text_size (placer)))
        {
          *layout = wider;
          return;
        }
      if (width >= widest)
        return;
    }
}

static KwMatrixPlacement *
place_numbers (KwMatrixPlacer       *placer,
               const KwMatrixLayout *layout)
{
  KwMatrixLayout with_legend = *layout;
  KwMatrixPlacement *placement;
  guint n_failed;

  if (placer->options->with_legend && layout->legend.width <= 0)
    {
      kw_matrix_layout_add_legend (&with_legend);
      widen_legend (placer, &with_legend);
    }

  start_attempt (placer, &with_legend, TINY_MARKER_RADIUS * placer->text_size, FULL_REACH);
  n_failed = attempt_numbers (placer);
  placement = placement_from_attempt (placer, KW_MATRIX_LABELS_NUMBERS, 0.0, n_failed);
  if (placer->options->with_legend)
    kw_matrix_legend_lay_out (placement, placer->items, placer->n_items, placer->font_family,
                              legend_min_text_size (placer));

  return placement;
}

KwMatrixPlacement *
kw_matrix_placement_new_full (const KwMatrixLayout           *layout,
                              const KwThresholds             *thresholds,
                              const KwMatrixPlacementItem    *items,
                              guint                           n_items,
                              const KwMatrixPlacementOptions *options,
                              gboolean                        use_index)
{
  static const KwMatrixPlacementOptions defaults = { 0 };
  KwMatrixPlacement *placement = NULL;
  KwMatrixPlacer placer = { 0 };

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (thresholds != NULL, NULL);
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);

  if (options == NULL)
    options = &defaults;

  placer_init (&placer, layout, thresholds, items, n_items, options, use_index);

  if (options->requested != KW_MATRIX_LABELS_NUMBERS)
    placement = place_cards (&placer, layout, options->requested == KW_MATRIX_LABELS_CARDS);
  if (placement == NULL)
    placement = place_numbers (&placer, layout);

  placer_clear (&placer);

  return placement;
}

KwMatrixPlacement *
kw_matrix_placement_new (const KwMatrixLayout           *layout,
                         const KwThresholds             *thresholds,
                         const KwMatrixPlacementItem    *items,
                         guint                           n_items,
                         const KwMatrixPlacementOptions *options)
{
  return kw_matrix_placement_new_full (layout, thresholds, items, n_items, options, TRUE);
}

void
kw_matrix_placement_free (KwMatrixPlacement *placement)
{
  if (placement == NULL)
    return;

  g_clear_pointer (&placement->labels, g_array_unref);
  g_clear_pointer (&placement->legend, g_array_unref);
  for (guint i = 0; i < KW_MATRIX_N_ZONES; i++)
    g_free (placement->zone_texts[i]);
  g_free (placement);
}

const KwMatrixPlacedLabel *
kw_matrix_placement_lookup (const KwMatrixPlacement *placement,
                            gpointer                 data)
{
  g_return_val_if_fail (placement != NULL, NULL);

  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);

      if (label->data == data)
        return label;
    }

  return NULL;
}
