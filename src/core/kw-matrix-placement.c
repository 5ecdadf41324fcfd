/* kw-matrix-placement.c: labels placed around their markers.
 *
 * The algorithm is a greedy candidate search, as ggrepel's and most map
 * labellers' first pass: the markers, zone names and line handles go in
 * a uniform grid first (KwSpatialIndex); then label after label, in the
 * plan's order, tries positions around its marker, on rings at growing
 * distances, and takes the first that overlaps nothing and stays inside
 * the plot. A label away from its marker gets a leader line; positions
 * whose leader crosses no other label are preferred. When a label finds
 * no room, the placement starts again with the labels that failed first
 * (they are usually in a crowd that later neighbours filled up), a few
 * times; then it steps down to narrower wraps, then to numbered badges
 * with a legend.
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
#include "kw-matrix-text.h"
#include "kw-spatial-index.h"

/* Sizes in units of the label text size. */
#define MARKER_RADIUS       0.3   /* beside a title */
#define TINY_MARKER_RADIUS  0.2   /* beside a number */
#define GAP                 0.25  /* kept free around every label */
#define RING_STEP           0.5   /* in line heights, near the marker */

/* Wraps tried in turn, in ems: narrower ones make taller labels that fit
 * between neighbours more easily. */
static const double wrap_widths[] = { 14.0, 11.0, 8.0 };

/* Restarts with the failed labels first. */
#define MAX_ROUNDS 4
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

static KwMatrixRect
inflate (const KwMatrixRect *rect,
         double              by)
{
  return (KwMatrixRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

static gboolean
rect_inside (const KwMatrixRect *inner,
             const KwMatrixRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

/* The point of rect nearest to (x, y). */
static void
nearest_point (const KwMatrixRect *rect,
               double              x,
               double              y,
               double             *nx,
               double             *ny)
{
  *nx = CLAMP (x, rect->x, rect->x + rect->width);
  *ny = CLAMP (y, rect->y, rect->y + rect->height);
}

/* How far a ray from a box's centre in direction (ux, uy) runs inside it. */
static double
ray_to_box_edge (double ux,
                 double uy,
                 double half_width,
                 double half_height)
{
  double tx = fabs (ux) > 1e-12 ? half_width / fabs (ux) : G_MAXDOUBLE;
  double ty = fabs (uy) > 1e-12 ? half_height / fabs (uy) : G_MAXDOUBLE;

  return MIN (tx, ty);
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

/* ---- The placer --------------------------------------------------------------- */

typedef struct {
  /* From the caller. */
  const KwThresholds             *thresholds;
  const KwMatrixPlacementItem    *items;
  guint                           n_items;
  const KwMatrixPlacementOptions *options;
  gboolean                        use_index;

  /* Sizes, in the drawing's units. */
  double text_size;
  double zone_text_size;
  double line_height;
  double padding;
  double gap;
  const char *font_family;

  KwMatrixText *text;       /* labels */
  KwMatrixText *zone_text;  /* zone names */

  /* The attempt under way. */
  KwMatrixLayout     layout;
  KwMatrixRect       area;       /* where labels may lie: the plot, inset */
  KwMatrixZoneLabel  zone_labels[KW_MATRIX_N_ZONES];
  guint              n_zone_labels;
  double             marker_radius;
  double             max_distance;
  double            *widths;     /* of each item's label box */
  double            *heights;
  gboolean          *visible;    /* the marker lies on the plot */
  KwMatrixPlacedLabel *labels;   /* the attempt's result, n_items */
  KwSpatialIndex    *index;
} Placer;

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

  for (guint i = 0; i < entry->n_lines; i++)
    g_clear_pointer (&entry->lines[i], g_free);
  entry->n_lines = 0;
}

/* ---- Zone names ----------------------------------------------------------------- */

/* A zone carries its name in its top-left corner when it is wide enough
 * for the name with half a letter's margin each side, and two lines high.
 * The one rule every backend follows: they draw zone_labels. */
static void
compute_zone_labels (Placer *placer)
{
  KwMatrixZone zones[KW_MATRIX_N_ZONES];
  double size = placer->zone_text_size;

  placer->n_zone_labels = 0;
  if (placer->options->hide_zone_labels)
    return;

  kw_matrix_layout_get_zones (&placer->layout, placer->thresholds, zones);
  for (guint i = 0; i < KW_MATRIX_N_ZONES; i++)
    {
      const char *name = kw_outcome_get_title (zones[i].outcome);
      double width = kw_matrix_text_measure (placer->zone_text, name);
      KwMatrixZoneLabel *label;

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

/* ---- Markers and obstacles -------------------------------------------------------- */

static KwMatrixRect
marker_box (const KwMatrixPlacedLabel *label)
{
  double r = label->marker_radius;

  return (KwMatrixRect) { label->x - r, label->y - r, 2 * r, 2 * r };
}

/* Everything labels must keep clear of, into a fresh index. */
static void
start_index (Placer *placer)
{
  double cell = 2.5 * placer->line_height;

  g_clear_pointer (&placer->index, kw_spatial_index_free);
  placer->index = kw_spatial_index_new (&placer->layout.plot, placer->use_index ? cell : 0.0);

  for (guint i = 0; i < placer->n_items; i++)
    if (placer->visible[i])
      {
        KwMatrixRect box = marker_box (&placer->labels[i]);

        kw_spatial_index_add_rect (placer->index, KW_SPATIAL_OBSTACLE, i, &box);
      }

  for (guint i = 0; i < placer->n_zone_labels; i++)
    kw_spatial_index_add_rect (placer->index, KW_SPATIAL_OBSTACLE, KW_SPATIAL_NO_OWNER,
                               &placer->zone_labels[i].rect);

  for (KwMatrixLine line = 0; line < KW_MATRIX_N_LINES; line++)
    {
      double x, y, r;
      KwMatrixRect box;

      kw_matrix_layout_get_handle (&placer->layout, placer->thresholds, line, &x, &y, &r);
      box = (KwMatrixRect) { x - r, y - r, 2 * r, 2 * r };
      kw_spatial_index_add_rect (placer->index, KW_SPATIAL_OBSTACLE, KW_SPATIAL_NO_OWNER, &box);
    }
}

/* Fills in where each item's marker is, for the attempt's layout. */
static void
set_markers (Placer *placer,
             double  marker_radius)
{
  const KwMatrixRect *plot = &placer->layout.plot;

  placer->marker_radius = marker_radius;
  for (guint i = 0; i < placer->n_items; i++)
    {
      const KwMatrixPlacementItem *item = &placer->items[i];
      KwMatrixPlacedLabel *label = &placer->labels[i];
      double x = 0, y = 0;

      kw_matrix_layout_score_to_point (&placer->layout, item->impact, item->effort, &x, &y);
      label->data = item->data;
      label->outcome = item->outcome;
      label->number = item->number;
      label->x = x;
      label->y = y;
      label->marker_radius = marker_radius;
      /* Outside a zoomed view a finding is not drawn at all. */
      placer->visible[i] = isfinite (x) && isfinite (y) &&
                           x >= plot->x - 1e-6 && x <= plot->x + plot->width + 1e-6 &&
                           y >= plot->y - 1e-6 && y <= plot->y + plot->height + 1e-6;
    }
}

/* ---- One label ------------------------------------------------------------------------ */

typedef struct {
  KwMatrixRect rect;
  gboolean     has_leader;
  double       x1, y1, x2, y2;
} Candidate;

static void
make_candidate (const Placer        *placer,
                const KwMatrixPlacedLabel *label,
                double               width,
                double               height,
                double               angle,
                double               distance,
                Candidate           *candidate)
{
  double ux = cos (angle), uy = sin (angle);
  double reach = ray_to_box_edge (ux, uy, width / 2, height / 2) + label->marker_radius + placer->gap + distance;
  double cx = label->x + ux * reach, cy = label->y + uy * reach;
  double nx, ny, dx, dy, d;

  candidate->rect = (KwMatrixRect) { cx - width / 2, cy - height / 2, width, height };

  /* A label whose nearest point is more than the gap from the marker's
   * edge is away from it: a leader from the edge to that point. */
  nearest_point (&candidate->rect, label->x, label->y, &nx, &ny);
  dx = nx - label->x;
  dy = ny - label->y;
  d = hypot (dx, dy);
  candidate->has_leader = d > label->marker_radius + 1.5 * placer->gap;
  if (candidate->has_leader)
    {
      candidate->x1 = label->x + dx / d * label->marker_radius;
      candidate->y1 = label->y + dy / d * label->marker_radius;
      candidate->x2 = nx;
      candidate->y2 = ny;
    }
}

/* Overlaps nothing and stays inside. */
static gboolean
candidate_fits (const Placer    *placer,
                const Candidate *candidate)
{
  KwMatrixRect kept;

  if (!rect_inside (&candidate->rect, &placer->area))
    return FALSE;
  kept = inflate (&candidate->rect, placer->gap);
  return !kw_spatial_index_rect_hits (placer->index, &kept, KW_SPATIAL_OBSTACLE | KW_SPATIAL_LABEL,
                                      KW_SPATIAL_SKIP_NONE);
}

/* Fits, and its leader crosses no label or marker, nor the box another
 * label's leader. */
static gboolean
candidate_is_clean (const Placer    *placer,
                    guint            owner,
                    const Candidate *candidate)
{
  if (kw_spatial_index_rect_crosses_segment (placer->index, &candidate->rect, KW_SPATIAL_LEADER,
                                             KW_SPATIAL_SKIP_NONE))
    return FALSE;
  if (!candidate->has_leader)
    return TRUE;
  return !kw_spatial_index_segment_hits (placer->index, candidate->x1, candidate->y1,
                                         candidate->x2, candidate->y2,
                                         KW_SPATIAL_OBSTACLE | KW_SPATIAL_LABEL, owner);
}

/* The j-th of n directions, in the order they are tried: right, left,
 * up, down and the diagonals first next to the marker, then around the
 * ring alternating both ways from the right. */
static double
direction (guint ring,
           guint j,
           guint n)
{
  static const double first[] = { 0, 4, 6, 2, 7, 5, 1, 3 };  /* in eighths */
  guint step;

  if (ring == 0)
    return first[j] * G_PI / 4;

  step = (j + 1) / 2;
  return (j % 2 == 1 ? -1.0 : 1.0) * step * 2 * G_PI / n;
}

static void
accept (Placer          *placer,
        guint            i,
        const Candidate *candidate)
{
  KwMatrixPlacedLabel *label = &placer->labels[i];

  label->placed = TRUE;
  label->label = candidate->rect;
  label->has_leader = candidate->has_leader;
  if (candidate->has_leader)
    {
      label->leader_x1 = candidate->x1;
      label->leader_y1 = candidate->y1;
      label->leader_x2 = candidate->x2;
      label->leader_y2 = candidate->y2;
      kw_spatial_index_add_segment (placer->index, KW_SPATIAL_LEADER, i, candidate->x1, candidate->y1,
                                    candidate->x2, candidate->y2);
    }
  kw_spatial_index_add_rect (placer->index, KW_SPATIAL_LABEL, i, &candidate->rect);
}

/* Searches ring after ring, each further out by a step that grows with
 * the distance (far away, precision matters less than time). */
static gboolean
place_one (Placer *placer,
           guint   i)
{
  const KwMatrixPlacedLabel *label = &placer->labels[i];
  double width = placer->widths[i], height = placer->heights[i];
  double base_step = RING_STEP * placer->line_height;
  Candidate fallback = { 0 };
  guint fallback_ring = G_MAXUINT;
  double distance = 0.0;

  for (guint ring = 0; distance <= placer->max_distance; ring++)
    {
      double step = base_step * (1.0 + distance / (8.0 * placer->line_height));
      double circumference = 2 * G_PI * (distance + (width + height) / 4 + label->marker_radius);
      guint n = ring == 0 ? 8 : (guint) CLAMP (ceil (circumference / step), 8, 720);

      for (guint j = 0; j < n; j++)
        {
          Candidate candidate;

          make_candidate (placer, label, width, height, direction (ring, j, n), distance, &candidate);
          if (!candidate_fits (placer, &candidate))
            continue;
          if (candidate_is_clean (placer, i, &candidate))
            {
              accept (placer, i, &candidate);
              return TRUE;
            }
          if (fallback_ring == G_MAXUINT)
            {
              fallback = candidate;
              fallback_ring = ring;
            }
        }

      /* A crossing leader is better than a label far away. */
      if (fallback_ring != G_MAXUINT && ring >= fallback_ring + 2)
        break;
      distance += ring == 0 ? base_step : step;
    }

  if (fallback_ring == G_MAXUINT)
    return FALSE;
  accept (placer, i, &fallback);
  return TRUE;
}

/* ---- All labels ------------------------------------------------------------------------- */

static gint
compare_by_number (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const KwMatrixPlacementItem *items = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (items[ia].number != items[ib].number)
    return items[ia].number < items[ib].number ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static guint *
order_by_number (const Placer *placer)
{
  guint *order = g_new (guint, MAX (placer->n_items, 1));

  for (guint i = 0; i < placer->n_items; i++)
    order[i] = i;
  g_qsort_with_data (order, placer->n_items, sizeof (guint), compare_by_number, (gpointer) placer->items);

  return order;
}

static void
reset_labels (Placer *placer)
{
  for (guint i = 0; i < placer->n_items; i++)
    {
      KwMatrixPlacedLabel *label = &placer->labels[i];

      label->placed = FALSE;
      label->has_leader = FALSE;
      label->label = (KwMatrixRect) { 0 };
      label->leader_x1 = label->leader_y1 = label->leader_x2 = label->leader_y2 = 0;
    }
}

/* Places every visible item's box (widths, heights); returns how many
 * found no room. With give_up, stops at the first that finds none (the
 * caller then steps down) and returns 1. */
static guint
place_all (Placer   *placer,
           gboolean  give_up)
{
  g_autofree guint *order = order_by_number (placer);
  g_autofree guint *next = g_new (guint, MAX (placer->n_items, 1));
  guint n_failed = 0;

  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      guint n_next = 0;

      reset_labels (placer);
      start_index (placer);
      n_failed = 0;

      for (guint k = 0; k < placer->n_items; k++)
        {
          guint i = order[k];

          if (!placer->visible[i] || place_one (placer, i))
            continue;
          next[n_next++] = i;
          n_failed++;
          if (give_up)
            break;
        }

      /* Restarting pays only for a few failures in a crowd; many mean
       * the board is too full for this size. */
      if (n_failed == 0 || n_failed > MAX (3, placer->n_items / 10))
        break;

      /* The failed first, then the rest in their order. */
      for (guint k = 0; k < placer->n_items; k++)
        {
          gboolean failed = FALSE;

          for (guint f = 0; f < n_failed && !failed; f++)
            failed = next[f] == order[k];
          if (!failed)
            next[n_next++] = order[k];
        }
      memcpy (order, next, placer->n_items * sizeof (guint));
    }

  return n_failed;
}

/* ---- Attempts ------------------------------------------------------------------------------- */

static void
start_attempt (Placer               *placer,
               const KwMatrixLayout *layout,
               double                marker_radius)
{
  const KwMatrixRect *plot;

  placer->layout = *layout;
  plot = &placer->layout.plot;
  /* Keep off the axes: the frame is drawn on the plot's edge. */
  placer->area = inflate (plot, -0.5 * placer->gap);
  placer->max_distance = hypot (plot->width, plot->height);
  compute_zone_labels (placer);
  set_markers (placer, marker_radius);
}

/* A quick upper bound: can labels of this wrap cover no more than
 * MAX_FILL of the plot? Titles average about half an em per character. */
static gboolean
might_fit (const Placer *placer,
           double        wrap_em)
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

/* Wraps every title at wrap_em and places the boxes. The lines go into
 * the attempt's labels. */
static guint
attempt_cards (Placer   *placer,
               double    wrap_em,
               gboolean  give_up)
{
  double wrap_width = wrap_em * placer->text_size;

  for (guint i = 0; i < placer->n_items; i++)
    {
      KwMatrixPlacedLabel *label = &placer->labels[i];
      KwWrappedText wrapped;

      clear_label (label);
      kw_matrix_text_wrap (placer->text, placer->items[i].title, wrap_width,
                           KW_MATRIX_PLACEMENT_MAX_LINES, &wrapped);
      for (guint l = 0; l < wrapped.n_lines; l++)
        label->lines[l] = g_steal_pointer (&wrapped.lines[l]);
      label->n_lines = wrapped.n_lines;
      label->ellipsised = wrapped.ellipsised;
      placer->widths[i] = wrapped.width + 2 * placer->padding;
      placer->heights[i] = wrapped.n_lines * placer->line_height + 2 * placer->padding;
      kw_wrapped_text_clear (&wrapped);
    }

  return place_all (placer, give_up);
}

static guint
attempt_numbers (Placer *placer)
{
  double digit_widths[12] = { 0 };

  for (guint i = 0; i < placer->n_items; i++)
    {
      KwMatrixPlacedLabel *label = &placer->labels[i];
      char number[16];
      guint digits;

      clear_label (label);
      label->ellipsised = FALSE;
      digits = (guint) g_snprintf (number, sizeof number, "%u", placer->items[i].number);
      /* Badges of as many digits are as wide: measure each length once. */
      if (digit_widths[MIN (digits, 11)] == 0)
        {
          memset (number, '0', digits);
          digit_widths[MIN (digits, 11)] = kw_matrix_text_measure (placer->text, number);
        }
      placer->heights[i] = placer->line_height;
      placer->widths[i] = kw_matrix_legend_badge_width (digit_widths[MIN (digits, 11)], placer->text_size);
    }

  return place_all (placer, FALSE);
}

/* ---- The result ------------------------------------------------------------------------------------ */

static KwMatrixPlacement *
placement_from_attempt (Placer            *placer,
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
  placement->legend = g_array_new (FALSE, TRUE, sizeof (KwMatrixLegendEntry));
  g_array_set_clear_func (placement->legend, clear_legend_entry);
  placement->n_unplaced = n_unplaced;

  return placement;
}

static void
placer_init (Placer                         *placer,
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
  placer->labels = g_new0 (KwMatrixPlacedLabel, MAX (n_items, 1));
}

static void
placer_clear (Placer *placer)
{
  for (guint i = 0; i < placer->n_items; i++)
    clear_label (&placer->labels[i]);
  g_clear_pointer (&placer->labels, g_free);
  g_clear_pointer (&placer->widths, g_free);
  g_clear_pointer (&placer->heights, g_free);
  g_clear_pointer (&placer->visible, g_free);
  g_clear_pointer (&placer->index, kw_spatial_index_free);
  g_clear_pointer (&placer->text, kw_matrix_text_free);
  g_clear_pointer (&placer->zone_text, kw_matrix_text_free);
}

/* Titles, at the widest wrap that fits. Forced (not AUTO), the attempt
 * with the fewest labels left out wins. */
static KwMatrixPlacement *
place_cards (Placer               *placer,
             const KwMatrixLayout *layout,
             gboolean              forced)
{
  double best_width = 0.0;
  guint best_failed = G_MAXUINT;

  for (guint w = 0; w < G_N_ELEMENTS (wrap_widths); w++)
    {
      guint n_failed;

      start_attempt (placer, layout, MARKER_RADIUS * placer->text_size);
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
  start_attempt (placer, layout, MARKER_RADIUS * placer->text_size);
  best_failed = attempt_cards (placer, best_width, FALSE);
  return placement_from_attempt (placer, KW_MATRIX_LABELS_CARDS, best_width * placer->text_size, best_failed);
}

static KwMatrixPlacement *
place_numbers (Placer               *placer,
               const KwMatrixLayout *layout)
{
  KwMatrixLayout with_legend = *layout;
  KwMatrixPlacement *placement;
  guint n_failed;

  if (placer->options->with_legend && layout->legend.width <= 0)
    kw_matrix_layout_add_legend (&with_legend);

  start_attempt (placer, &with_legend, TINY_MARKER_RADIUS * placer->text_size);
  n_failed = attempt_numbers (placer);
  placement = placement_from_attempt (placer, KW_MATRIX_LABELS_NUMBERS, 0.0, n_failed);
  if (placer->options->with_legend)
    kw_matrix_legend_lay_out (placement, placer->items, placer->n_items, placer->font_family,
                              placer->options->min_text_size > 0 ? placer->options->min_text_size
                                                                 : placer->text_size);

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
  Placer placer = { 0 };

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
