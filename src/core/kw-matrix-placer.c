/* kw-matrix-placer.c: the search behind KwMatrixPlacement.
 *
 * A greedy candidate search, as ggrepel's and most map labellers' first
 * pass: the markers, zone names and line handles go in a uniform grid
 * first (KwSpatialIndex); then label after label, in the plan's order,
 * tries positions around its marker, on rings at growing distances, and
 * takes the first that overlaps nothing, stays inside the plot, lies in
 * its finding's zone and whose leader crosses nothing; lesser positions
 * only when a few more rings found no better. When a label finds no
 * room, the search starts again with the labels that failed first (they
 * are usually in a crowd that later neighbours filled up), a few times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-placer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "kw-matrix-placer.h"

/* How far apart the rings are next to the marker, in line heights
 * (further out the step grows with the distance). */
#define RING_STEP           0.5

/* After this many labels in a row found no room the plot is full: the
 * rest look only next to their marker (else a board of thousands would
 * search the whole plot for each). */
#define FULL_AFTER_FAILURES 16
#define NEARBY_REACH        4.0   /* in line heights */

/* While AUTO can step down, no more than one title in this many may be
 * ellipsised. */
#define MAX_CUT_SHARE 4

/* Markers nearer than this (in line heights, each way) count as a crowd. */
#define CROWD_REACH     6.0
#define CROWD_MAX_ITEMS 2000

/* A label that found no room may push one other away, on boards up to
 * this size, trying this many positions. */
#define MAX_ITEMS_TO_MAKE_ROOM 80
#define MAX_EJECTIONS          12
#define EJECTED_REACH          8.0   /* in line heights */

/* The positions right next to a marker. */
#define N_ADJACENT 16

/* The most positions tried on one ring. */
#define MAX_DIRECTIONS 720

/* Restarts with the failed labels first; while AUTO can still step down,
 * fewer (a narrower wrap is as likely to help). */
#define MAX_ROUNDS 4
#define MAX_ROUNDS_GIVING_UP 3

/* ---- Small geometry -------------------------------------------------------- */

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

/* ---- Markers and obstacles -------------------------------------------------------- */

static KwMatrixRect
marker_box (const KwMatrixPlacedLabel *label)
{
  double r = label->marker_radius;

  return (KwMatrixRect) { label->x - r, label->y - r, 2 * r, 2 * r };
}

/* Everything labels must keep clear of, into a fresh index. */
static void
start_index (KwMatrixPlacer *placer)
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
find_stacks (KwMatrixPlacer *placer)
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
void
kw_matrix_placer_set_markers (KwMatrixPlacer *placer,
                              double          marker_radius)
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
set_leader (const KwMatrixPlacer      *placer,
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
make_candidate (const KwMatrixPlacer      *placer,
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
candidate_fits (const KwMatrixPlacer *placer,
                const Candidate      *candidate)
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
candidate_is_clean (const KwMatrixPlacer *placer,
                    guint                 owner,
                    const Candidate      *candidate)
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

/* The directions tried on a ring around the marker: n around it,
 * alternating both ways from the right. Unit vectors, made by rotation
 * rather than a sine and cosine each. */
static guint
ring_directions (guint  n,
                 double (*directions)[2])
{
  double c, s, up[2] = { 1, 0 }, down[2] = { 1, 0 };

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

/* Puts label i, placed, in the index: its box and its leader. */
static void
index_label (KwMatrixPlacer *placer,
             guint           i)
{
  const KwMatrixPlacedLabel *label = &placer->labels[i];

  if (label->has_leader)
    kw_spatial_index_add_segment (placer->index, KW_SPATIAL_LEADER, i, label->leader_x1, label->leader_y1,
                                  label->leader_x2, label->leader_y2);
  kw_spatial_index_add_rect (placer->index, KW_SPATIAL_LABEL, i, &label->label);
}

static void
accept (KwMatrixPlacer  *placer,
        guint            i,
        const Candidate *candidate)
{
  KwMatrixPlacedLabel *label = &placer->labels[i];

  placer->n_failures_in_a_row = 0;
  label->placed = TRUE;
  label->label = candidate->rect;
  label->has_leader = candidate->has_leader;
  label->leader_x1 = candidate->has_leader ? candidate->x1 : 0;
  label->leader_y1 = candidate->has_leader ? candidate->y1 : 0;
  label->leader_x2 = candidate->has_leader ? candidate->x2 : 0;
  label->leader_y2 = candidate->has_leader ? candidate->y2 : 0;
  index_label (placer, i);
}

/* Rings searched past a position before it is taken, for a better one:
 * a leader across another label is worth a longer search. */
static const guint patience[] = { [KW_PLACER_TIER_CROSSING] = 8, [KW_PLACER_TIER_CLEAN] = 2 };

static KwPlacerTier
candidate_tier (const KwMatrixPlacer *placer,
                guint                 i,
                const Candidate      *candidate)
{
  KwOutcome outcome = placer->items[i].outcome;

  if (!candidate_is_clean (placer, i, candidate))
    return KW_PLACER_TIER_CROSSING;
  if (outcome < KW_MATRIX_N_ZONES && rect_inside (&candidate->rect, &placer->zones[outcome].rect))
    return KW_PLACER_TIER_BEST;
  return KW_PLACER_TIER_CLEAN;
}

typedef struct {
  Candidate candidate;
  KwPlacerTier      tier;
  guint     ring;
} Best;

/* Takes candidate when it is the best there can be; else keeps it if it
 * beats the best so far. */
static gboolean
consider (KwMatrixPlacer *placer,
          guint           i,
          guint           ring,
          Candidate      *candidate,
          Best           *best)
{
  KwPlacerTier tier;

  if (!candidate_fits (placer, candidate))
    return FALSE;
  set_leader (placer, &placer->labels[i], candidate);
  tier = candidate_tier (placer, i, candidate);
  if (tier == KW_PLACER_TIER_BEST)
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
consider_stack (KwMatrixPlacer *placer,
                guint           i,
                Best           *best)
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

/* The positions right next to the marker, in the order of preference of
 * map labelling: right of it, left, above, below, with the marker at the
 * middle of the label's side, then by its first or last line (or ends),
 * then at the corners. */
static guint
adjacent_candidates (const KwMatrixPlacer      *placer,
                     const KwMatrixPlacedLabel *label,
                     double                     width,
                     double                     height,
                     Candidate                  candidates[N_ADJACENT])
{
  double near = label->marker_radius + placer->gap;
  double corner = near / G_SQRT2;
  double half_line = placer->line_height / 2;
  double right = label->x + near, left = label->x - near - width;
  double above = label->y - near - height, below = label->y + near;
  double middle_y = label->y - height / 2, middle_x = label->x - width / 2;
  const double spots[N_ADJACENT][2] = {
    { right, middle_y }, { left, middle_y }, { middle_x, above }, { middle_x, below },
    { right, label->y - half_line }, { right, label->y - height + half_line },
    { left, label->y - half_line }, { left, label->y - height + half_line },
    { label->x - half_line, above }, { label->x - width + half_line, above },
    { label->x - half_line, below }, { label->x - width + half_line, below },
    { label->x + corner, label->y - corner - height }, { label->x - corner - width, label->y - corner - height },
    { label->x + corner, label->y + corner }, { label->x - corner - width, label->y + corner },
  };

  for (guint k = 0; k < N_ADJACENT; k++)
    candidates[k] = (Candidate) { .rect = { spots[k][0], spots[k][1], width, height } };

  return N_ADJACENT;
}

/* The positions around a label's marker, ring after ring: ring 0 the
 * positions next to it, then circles each further out by a step that
 * grows with the distance (far away, precision matters less than time). */
typedef struct
{
  const KwMatrixPlacedLabel *label;
  double                     width;
  double                     height;
  double                     base_step;
  guint                      ring;
  double                     distance;
  guint                      n;  /* positions on this ring */
  Candidate                  adjacent[N_ADJACENT];
  double                     directions[MAX_DIRECTIONS][2];
} Rings;

static double
rings_step (const KwMatrixPlacer *placer,
            const Rings          *rings)
{
  return rings->base_step * (1.0 + rings->distance / (8.0 * placer->line_height));
}

/* Works out the positions on the current ring: first thing in each
 * ring the search goes into. */
static void
rings_lay_out (const KwMatrixPlacer *placer,
               Rings                *rings)
{
  double circumference;

  if (rings->ring == 0)
    {
      rings->n = adjacent_candidates (placer, rings->label, rings->width, rings->height, rings->adjacent);
      return;
    }

  circumference = 2 * G_PI * (rings->distance + (rings->width + rings->height) / 4 + rings->label->marker_radius);
  rings->n = ring_directions ((guint) CLAMP (ceil (circumference / rings_step (placer, rings)), 8, MAX_DIRECTIONS),
                              rings->directions);
}

static void
rings_begin (const KwMatrixPlacer *placer,
             guint                 i,
             Rings                *rings)
{
  rings->label = &placer->labels[i];
  rings->width = placer->widths[i];
  rings->height = placer->heights[i];
  rings->base_step = RING_STEP * placer->line_height;
  rings->ring = 0;
  rings->distance = 0.0;
}

static void
rings_next (const KwMatrixPlacer *placer,
            Rings                *rings)
{
  rings->distance += rings->ring == 0 ? rings->base_step : rings_step (placer, rings);
  rings->ring++;
}

static void
rings_get_candidate (const KwMatrixPlacer *placer,
                     const Rings          *rings,
                     guint                 j,
                     Candidate            *candidate)
{
  if (rings->ring == 0)
    *candidate = rings->adjacent[j];
  else
    make_candidate (placer, rings->label, rings->width, rings->height, rings->directions[j], rings->distance,
                    candidate);
}

/* Searches ring after ring (Rings) for the best position. */
static gboolean
place_one (KwMatrixPlacer *placer,
           guint           i)
{
  Best best = { .tier = KW_PLACER_TIER_NONE };
  double max_distance = placer->n_failures_in_a_row >= FULL_AFTER_FAILURES ?
                        MIN (placer->max_distance, NEARBY_REACH * placer->line_height) : placer->max_distance;
  Rings rings;

  for (rings_begin (placer, i, &rings); rings.distance <= max_distance; rings_next (placer, &rings))
    {
      rings_lay_out (placer, &rings);
      for (guint j = 0; j < rings.n; j++)
        {
          Candidate candidate;

          /* Right and left of the spot first; then, on a shared spot,
           * the columns those began. */
          if (rings.ring == 0 && j == 2 && placer->stack_size[i] > 1 && consider_stack (placer, i, &best))
            return TRUE;
          rings_get_candidate (placer, &rings, j, &candidate);
          if (consider (placer, i, rings.ring, &candidate, &best))
            return TRUE;
        }

      /* A lesser position near the marker beats a better one far away. */
      if (best.tier != KW_PLACER_TIER_NONE && rings.ring >= best.ring + patience[best.tier])
        break;
    }

  if (best.tier == KW_PLACER_TIER_NONE)
    {
      placer->n_failures_in_a_row++;
      return FALSE;
    }
  accept (placer, i, &best.candidate);
  return TRUE;
}

/* ---- Making room ----------------------------------------------------------------------- */

/* The one placed label that rect (with its gap) overlaps, or G_MAXUINT
 * for none or several. Only on small boards: it looks at every label. */
static guint
single_conflict (const KwMatrixPlacer *placer,
                 const KwMatrixRect   *rect)
{
  KwMatrixRect kept = inflate (rect, placer->gap);
  guint found = G_MAXUINT;

  for (guint j = 0; j < placer->n_items; j++)
    if (placer->labels[j].placed && kw_matrix_rect_intersects (&kept, &placer->labels[j].label))
      {
        if (found != G_MAXUINT)
          return G_MAXUINT;
        found = j;
      }

  return found;
}

/* Label i found no room: it takes the place of one label in its way,
 * which then looks for another (a one-step ejection chain, as in map
 * labelling's local search). Tries the positions next to i's marker
 * first, at most MAX_EJECTIONS of them. */
static gboolean
make_room (KwMatrixPlacer *placer,
           guint           i)
{
  const KwMatrixPlacedLabel *label = &placer->labels[i];
  guint n_tries = 0;
  Rings rings;

  for (rings_begin (placer, i, &rings);
       rings.distance <= placer->max_distance && n_tries < MAX_EJECTIONS;
       rings_next (placer, &rings))
    {
      rings_lay_out (placer, &rings);
      for (guint j = 0; j < rings.n && n_tries < MAX_EJECTIONS; j++)
        {
          Candidate candidate;
          KwMatrixPlacedLabel saved;
          KwMatrixRect kept;
          guint other;

          rings_get_candidate (placer, &rings, j, &candidate);

          kept = inflate (&candidate.rect, placer->gap);
          if (!rect_inside (&candidate.rect, &placer->area) ||
              kw_spatial_index_rect_hits (placer->index, &kept, KW_SPATIAL_OBSTACLE, KW_SPATIAL_SKIP_NONE))
            continue;
          other = single_conflict (placer, &candidate.rect);
          if (other == G_MAXUINT)
            continue;

          /* Without the other label, this position must be as good as
           * any the search would take. */
          n_tries++;
          saved = placer->labels[other];
          placer->labels[other].placed = FALSE;
          kw_spatial_index_remove (placer->index, KW_SPATIAL_LABEL | KW_SPATIAL_LEADER, other);
          set_leader (placer, label, &candidate);
          if (candidate_fits (placer, &candidate) &&
              candidate_tier (placer, i, &candidate) >= placer->worst_tier)
            {
              guint n_failures_in_a_row = placer->n_failures_in_a_row;
              double max_distance = placer->max_distance;
              gboolean moved;

              /* The label pushed away looks only near its marker: far
               * from it, it would be better off as it was. */
              accept (placer, i, &candidate);
              placer->max_distance = MIN (max_distance, EJECTED_REACH * placer->line_height);
              moved = place_one (placer, other);
              placer->max_distance = max_distance;
              if (moved)
                return TRUE;
              placer->n_failures_in_a_row = n_failures_in_a_row;
              placer->labels[i].placed = FALSE;
              kw_spatial_index_remove (placer->index, KW_SPATIAL_LABEL | KW_SPATIAL_LEADER, i);
            }
          placer->labels[other] = saved;
          index_label (placer, other);
        }
    }

  return FALSE;
}

/* ---- All labels ------------------------------------------------------------------------- */

typedef struct {
  const KwMatrixPlacementItem *items;
  const guint                 *crowd;
} Priority;

static gint
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Priority *priority = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (priority->crowd[ia] != priority->crowd[ib])
    return priority->crowd[ia] > priority->crowd[ib] ? -1 : 1;
  if (priority->items[ia].number != priority->items[ib].number)
    return priority->items[ia].number < priority->items[ib].number ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* How many markers lie near each: labels in a crowd go first, while
 * there is still room around it; the others find room further out
 * anyway. Past CROWD_MAX_ITEMS, counting costs more than it gains. */
static guint *
count_crowds (const KwMatrixPlacer *placer)
{
  guint *crowd = g_new0 (guint, MAX (placer->n_items, 1));
  double reach = CROWD_REACH * placer->line_height;

  if (placer->n_items > CROWD_MAX_ITEMS)
    return crowd;

  for (guint i = 0; i < placer->n_items; i++)
    for (guint j = i + 1; j < placer->n_items; j++)
      if (placer->visible[i] && placer->visible[j] &&
          fabs (placer->labels[i].x - placer->labels[j].x) <= reach &&
          fabs (placer->labels[i].y - placer->labels[j].y) <= reach)
        {
          crowd[i]++;
          crowd[j]++;
        }

  return crowd;
}

/* Crowded first, then in the plan's order. */
static guint *
order_by_priority (const KwMatrixPlacer *placer)
{
  guint *order = g_new (guint, MAX (placer->n_items, 1));
  g_autofree guint *crowd = count_crowds (placer);
  Priority priority = { placer->items, crowd };

  for (guint i = 0; i < placer->n_items; i++)
    order[i] = i;
  g_qsort_with_data (order, placer->n_items, sizeof (guint), compare_priority, &priority);

  return order;
}

static void
reset_labels (KwMatrixPlacer *placer)
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
guint
kw_matrix_placer_place_all (KwMatrixPlacer *placer,
                            gboolean        give_up)
{
  g_autofree guint *order = order_by_priority (placer);
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
      placer->worst_tier = give_up ? KW_PLACER_TIER_CLEAN : KW_PLACER_TIER_CROSSING;
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
          if (place_one (placer, i) ||
              (placer->n_items <= MAX_ITEMS_TO_MAKE_ROOM && make_room (placer, i)))
            continue;
          g_debug ("Round %u: no room for the label of item %u (number %u)%s",
                   round, i, placer->items[i].number, give_up ? ", giving up" : "");
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

