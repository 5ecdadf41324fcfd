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
/* How far from its marker a title may go before AUTO rather steps down,
 * as a share of the plot's diagonal (a label further away reads as
 * another's). Forced titles and numbers, the last resort, search it all. */
#define CARD_REACH          0.25
#define FULL_REACH          1.0

/* Wraps tried in turn, in ems: narrower ones make taller labels that fit
 * between neighbours more easily. */
static const double wrap_widths[] = { 14.0, 11.0, 8.0 };

/* After this many labels in a row found no room the plot is full: the
 * rest look only next to their marker (else a board of thousands would
 * search the whole plot for each). */
#define FULL_AFTER_FAILURES 16
#define NEARBY_REACH        4.0   /* in line heights */

/* While AUTO can step down, no more than one title in this many may be
 * ellipsised. */
#define MAX_CUT_SHARE 4

/* The most positions tried on one ring. */
#define MAX_DIRECTIONS 720

/* Restarts with the failed labels first; while AUTO can still step down,
 * fewer (a narrower wrap is as likely to help). */
#define MAX_ROUNDS 4
#define MAX_ROUNDS_GIVING_UP 2
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

/* How good a position that fits is: the best lies in its finding's own
 * zone (a label across a line reads as the other outcome's) and its
 * leader crosses nothing. */
typedef enum {
  TIER_NONE,
  TIER_CROSSING,   /* its leader crosses a label or marker */
  TIER_CLEAN,      /* but not inside its zone */
  TIER_BEST,
} Tier;

typedef struct _Placer Placer;

struct _Placer {
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
  KwMatrixZone       zones[KW_MATRIX_N_ZONES];
  double             marker_radius;
  double             max_distance;
  guint              n_failures_in_a_row;
  guint              n_ellipsised;  /* titles sized so far that were cut */
  Tier               worst_tier;  /* the least a label may take */
  double            *widths;     /* of each item's label box, once */
  double            *heights;    /* sized[i] (see size_label) */
  gboolean          *sized;
  void             (*size_label) (struct _Placer *placer, guint i);
  double             wrap_em;    /* of titles, in CARDS */
  double             digit_widths[12];  /* of numbers by their length */
  gboolean          *visible;    /* the marker lies on the plot */
  /* Findings on the same spot: stack_order holds the items by spot, item
   * i's spot takes stack_size[i] entries from stack_start[i]. */
  guint             *stack_order;
  guint             *stack_start;
  guint             *stack_size;
  KwMatrixPlacedLabel *labels;   /* the attempt's result, n_items */
  KwSpatialIndex    *index;
};

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
  const KwMatrixZone *zones = placer->zones;
  double size = placer->zone_text_size;

  placer->n_zone_labels = 0;
  if (placer->options->hide_zone_labels)
    return;
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

static gint
compare_spots (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const KwMatrixPlacedLabel *labels = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (labels[ia].x != labels[ib].x)
    return labels[ia].x < labels[ib].x ? -1 : 1;
  if (labels[ia].y != labels[ib].y)
    return labels[ia].y < labels[ib].y ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static void
find_stacks (Placer *placer)
{
  guint start = 0;

  for (guint i = 0; i < placer->n_items; i++)
    placer->stack_order[i] = i;
  g_qsort_with_data (placer->stack_order, placer->n_items, sizeof (guint), compare_spots, placer->labels);

  for (guint k = 1; k <= placer->n_items; k++)
    {
      const KwMatrixPlacedLabel *first = &placer->labels[placer->stack_order[start]];

      if (k < placer->n_items && placer->labels[placer->stack_order[k]].x == first->x &&
          placer->labels[placer->stack_order[k]].y == first->y)
        continue;
      for (guint m = start; m < k; m++)
        {
          placer->stack_start[placer->stack_order[m]] = start;
          placer->stack_size[placer->stack_order[m]] = k - start;
        }
      start = k;
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
  find_stacks (placer);
}

/* ---- One label ------------------------------------------------------------------------ */

typedef struct {
  KwMatrixRect rect;
  gboolean     has_leader;
  double       x1, y1, x2, y2;
} Candidate;

/* A label whose nearest point is more than the gap from the marker's
 * edge is away from it: a leader from the edge to that point. */
static void
set_leader (const Placer              *placer,
            const KwMatrixPlacedLabel *label,
            Candidate                 *candidate)
{
  double nx, ny, dx, dy, d;

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

static void
make_candidate (const Placer              *placer,
                const KwMatrixPlacedLabel *label,
                double                     width,
                double                     height,
                const double               direction[2],
                double                     distance,
                Candidate                 *candidate)
{
  double ux = direction[0], uy = direction[1];
  double reach = ray_to_box_edge (ux, uy, width / 2, height / 2) + label->marker_radius + placer->gap + distance;
  double cx = label->x + ux * reach, cy = label->y + uy * reach;

  candidate->rect = (KwMatrixRect) { cx - width / 2, cy - height / 2, width, height };
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
  double dx, dy, length, skip;

  if (!candidate->has_leader)
    return TRUE;

  /* From outside the box of its own marker, so findings on one spot do
   * not count each other's markers as crossed. */
  dx = candidate->x2 - candidate->x1;
  dy = candidate->y2 - candidate->y1;
  length = hypot (dx, dy);
  skip = (G_SQRT2 - 1) * placer->labels[owner].marker_radius + 0.5;
  if (length <= skip)
    return TRUE;
  return !kw_spatial_index_segment_hits (placer->index,
                                         candidate->x1 + dx / length * skip,
                                         candidate->y1 + dy / length * skip,
                                         candidate->x2, candidate->y2,
                                         KW_SPATIAL_OBSTACLE | KW_SPATIAL_LABEL, owner);
}

/* The directions tried on one ring, in order: right, left, up, down and
 * the diagonals next to the marker; further out, n around the ring
 * alternating both ways from the right. Unit vectors, made by rotation
 * rather than a sine and cosine each. */
static guint
ring_directions (guint   ring,
                 guint   n,
                 double (*directions)[2])
{
  static const double first[8][2] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 },
    { G_SQRT2 / 2, -G_SQRT2 / 2 }, { -G_SQRT2 / 2, -G_SQRT2 / 2 },
    { G_SQRT2 / 2, G_SQRT2 / 2 }, { -G_SQRT2 / 2, G_SQRT2 / 2 },
  };
  double c, s, up[2] = { 1, 0 }, down[2] = { 1, 0 };

  if (ring == 0)
    {
      memcpy (directions, first, sizeof first);
      return G_N_ELEMENTS (first);
    }

  c = cos (2 * G_PI / n);
  s = sin (2 * G_PI / n);
  directions[0][0] = 1;
  directions[0][1] = 0;
  for (guint j = 1; j < n; j++)
    {
      double *v = j % 2 == 1 ? down : up;
      double sign = j % 2 == 1 ? -1.0 : 1.0;
      double x = v[0] * c - sign * v[1] * s;
      double y = sign * v[0] * s + v[1] * c;

      v[0] = x;
      v[1] = y;
      directions[j][0] = x;
      directions[j][1] = y;
    }

  return n;
}

static void
accept (Placer          *placer,
        guint            i,
        const Candidate *candidate)
{
  KwMatrixPlacedLabel *label = &placer->labels[i];

  placer->n_failures_in_a_row = 0;
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

/* Rings searched past a position before it is taken, for a better one:
 * a leader across another label is worth a longer search. */
static const guint patience[] = { [TIER_CROSSING] = 8, [TIER_CLEAN] = 2 };

static Tier
candidate_tier (const Placer    *placer,
                guint            i,
                const Candidate *candidate)
{
  KwOutcome outcome = placer->items[i].outcome;

  if (!candidate_is_clean (placer, i, candidate))
    return TIER_CROSSING;
  if (outcome < KW_MATRIX_N_ZONES && rect_inside (&candidate->rect, &placer->zones[outcome].rect))
    return TIER_BEST;
  return TIER_CLEAN;
}

typedef struct {
  Candidate candidate;
  Tier      tier;
  guint     ring;
} Best;

/* Takes candidate when it is the best there can be; else keeps it if it
 * beats the best so far. */
static gboolean
consider (Placer    *placer,
          guint      i,
          guint      ring,
          Candidate *candidate,
          Best      *best)
{
  Tier tier;

  if (!candidate_fits (placer, candidate))
    return FALSE;
  set_leader (placer, &placer->labels[i], candidate);
  tier = candidate_tier (placer, i, candidate);
  if (tier == TIER_BEST)
    {
      accept (placer, i, candidate);
      return TRUE;
    }
  if (tier > best->tier && tier >= placer->worst_tier)
    *best = (Best) { *candidate, tier, ring };
  return FALSE;
}

/* Findings on one spot fan out in columns: under and over the labels
 * already placed for that spot, aligned with them on the side away from
 * the spot, so every leader reaches its label without crossing another. */
static gboolean
consider_stack (Placer *placer,
                guint   i,
                Best   *best)
{
  const KwMatrixPlacedLabel *label = &placer->labels[i];
  double width = placer->widths[i], height = placer->heights[i];

  for (guint k = placer->stack_start[i]; k < placer->stack_start[i] + placer->stack_size[i]; k++)
    {
      guint sibling = placer->stack_order[k];
      const KwMatrixRect *other = &placer->labels[sibling].label;
      gboolean right;
      double x;

      if (sibling == i || !placer->labels[sibling].placed)
        continue;

      right = other->x >= label->x;
      x = right ? other->x : other->x + other->width - width;
      for (int side = 0; side < 2; side++)
        {
          Candidate candidate = { .rect = { x, side == 0 ? other->y + other->height + 2 * placer->gap
                                                         : other->y - 2 * placer->gap - height,
                                            width, height } };

          if (consider (placer, i, 0, &candidate, best))
            return TRUE;
        }
    }

  return FALSE;
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
  Best best = { .tier = TIER_NONE };
  double distance = 0.0;
  double directions[MAX_DIRECTIONS][2];
  double max_distance = placer->n_failures_in_a_row >= FULL_AFTER_FAILURES ?
                        MIN (placer->max_distance, NEARBY_REACH * placer->line_height) : placer->max_distance;

  for (guint ring = 0; distance <= max_distance; ring++)
    {
      double step = base_step * (1.0 + distance / (8.0 * placer->line_height));
      double circumference = 2 * G_PI * (distance + (width + height) / 4 + label->marker_radius);
      guint n = ring_directions (ring, (guint) CLAMP (ceil (circumference / step), 8, MAX_DIRECTIONS),
                                 directions);

      for (guint j = 0; j < n; j++)
        {
          Candidate candidate;

          /* Right and left of the spot first; then, on a shared spot,
           * the columns those began. */
          if (ring == 0 && j == 2 && placer->stack_size[i] > 1 && consider_stack (placer, i, &best))
            return TRUE;
          make_candidate (placer, label, width, height, directions[j], distance, &candidate);
          if (consider (placer, i, ring, &candidate, &best))
            return TRUE;
        }

      /* A lesser position near the marker beats a better one far away. */
      if (best.tier != TIER_NONE && ring >= best.ring + patience[best.tier])
        break;
      distance += ring == 0 ? base_step : step;
    }

  if (best.tier == TIER_NONE)
    {
      placer->n_failures_in_a_row++;
      return FALSE;
    }
  accept (placer, i, &best.candidate);
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

  guint n_rounds = give_up ? MAX_ROUNDS_GIVING_UP : MAX_ROUNDS;

  for (guint round = 0; round < n_rounds; round++)
    {
      guint n_next = 0;

      reset_labels (placer);
      start_index (placer);
      placer->n_failures_in_a_row = 0;
      /* While AUTO can still step down, a leader across a label or a
       * marker counts as no room. */
      placer->worst_tier = give_up ? TIER_CLEAN : TIER_CROSSING;
      n_failed = 0;

      for (guint k = 0; k < placer->n_items; k++)
        {
          guint i = order[k];

          if (!placer->visible[i])
            continue;
          /* Sized only when first needed: an attempt that gives up early
           * wraps few titles. */
          if (!placer->sized[i])
            {
              placer->size_label (placer, i);
              placer->sized[i] = TRUE;
              placer->n_ellipsised += placer->labels[i].ellipsised;
            }
          /* Titles cut short are fine for a few; for many, numbers with
           * the whole titles in the legend read better. */
          if (give_up && placer->n_ellipsised > MAX (1, placer->n_items / MAX_CUT_SHARE))
            return 1;
          if (place_one (placer, i))
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
               double                marker_radius,
               double                reach)
{
  const KwMatrixRect *plot;

  placer->layout = *layout;
  plot = &placer->layout.plot;
  /* Keep off the axes: the frame is drawn on the plot's edge. */
  placer->area = inflate (plot, -0.5 * placer->gap);
  placer->max_distance = MAX (reach * hypot (plot->width, plot->height), 4 * placer->line_height);
  kw_matrix_layout_get_zones (&placer->layout, placer->thresholds, placer->zones);
  compute_zone_labels (placer);
  set_markers (placer, marker_radius);
  memset (placer->sized, 0, MAX (placer->n_items, 1) * sizeof (gboolean));
  placer->n_ellipsised = 0;
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

/* Wraps item i's title at wrap_em into its label. */
static void
size_card (Placer *placer,
           guint   i)
{
  KwMatrixPlacedLabel *label = &placer->labels[i];
  KwWrappedText wrapped;

  clear_label (label);
  kw_matrix_text_wrap (placer->text, placer->items[i].title, placer->wrap_em * placer->text_size,
                       KW_MATRIX_PLACEMENT_MAX_LINES, &wrapped);
  for (guint l = 0; l < wrapped.n_lines; l++)
    label->lines[l] = g_steal_pointer (&wrapped.lines[l]);
  label->n_lines = wrapped.n_lines;
  label->ellipsised = wrapped.ellipsised;
  placer->widths[i] = wrapped.width + 2 * placer->padding;
  placer->heights[i] = wrapped.n_lines * placer->line_height + 2 * placer->padding;
  kw_wrapped_text_clear (&wrapped);
}

static guint
attempt_cards (Placer   *placer,
               double    wrap_em,
               gboolean  give_up)
{
  placer->wrap_em = wrap_em;
  placer->size_label = size_card;
  return place_all (placer, give_up);
}

/* A badge as wide as its number's digits (every length measured once). */
static void
size_badge (Placer *placer,
            guint   i)
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
attempt_numbers (Placer *placer)
{
  placer->size_label = size_badge;
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
  placer->sized = g_new0 (gboolean, MAX (n_items, 1));
  placer->stack_order = g_new0 (guint, MAX (n_items, 1));
  placer->stack_start = g_new0 (guint, MAX (n_items, 1));
  placer->stack_size = g_new0 (guint, MAX (n_items, 1));
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
place_cards (Placer               *placer,
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

static KwMatrixPlacement *
place_numbers (Placer               *placer,
               const KwMatrixLayout *layout)
{
  KwMatrixLayout with_legend = *layout;
  KwMatrixPlacement *placement;
  guint n_failed;

  if (placer->options->with_legend && layout->legend.width <= 0)
    kw_matrix_layout_add_legend (&with_legend);

  start_attempt (placer, &with_legend, TINY_MARKER_RADIUS * placer->text_size, FULL_REACH);
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
