/* kw-matrix-placer.h: the label search behind KwMatrixPlacement, shared
 * by kw-matrix-placement.c (the attempts and step-down) and
 * kw-matrix-placer.c (the search itself). Private to the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-matrix-placement.h"
#include "kw-matrix-text.h"
#include "kw-spatial-index.h"

G_BEGIN_DECLS

typedef struct _KwMatrixPlacer KwMatrixPlacer;

/* How good a position that fits is: the best lies in its finding's own
 * zone (a label across a line reads as the other outcome's) and its
 * leader crosses nothing. */
typedef enum {
  KW_PLACER_TIER_NONE,
  KW_PLACER_TIER_CROSSING,   /* its leader crosses a label or marker */
  KW_PLACER_TIER_CLEAN,      /* but not inside its zone */
  KW_PLACER_TIER_BEST,
} KwPlacerTier;

struct _KwMatrixPlacer {
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
  KwPlacerTier       worst_tier;   /* the least a label may take */
  double            *widths;     /* of each item's label box, once */
  double            *heights;    /* sized[i] (see size_label) */
  gboolean          *sized;
  void             (*size_label) (KwMatrixPlacer *placer, guint i);
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

/* Puts every item's marker on the attempt's layout (placer->layout) and
 * finds the findings that share a spot. */
void  kw_matrix_placer_set_markers (KwMatrixPlacer *placer,
                                    double          marker_radius);

/* Places every visible item's box, sizing each with size_label when
 * first needed; returns how many found no room. With give_up (while AUTO
 * can still step down), stops at the first that finds none, takes no
 * position whose leader crosses, and lets few titles be ellipsised. */
guint kw_matrix_placer_place_all   (KwMatrixPlacer *placer,
                                    gboolean        give_up);

G_END_DECLS
