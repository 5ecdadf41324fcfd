/* kw-matrix-placement.h: where every finding's marker, label, leader line
 * and number go on the matrix, computed once as plain data and drawn by
 * every backend (the widget, presentation mode, SVG in the HTML plan, the
 * SVG/PNG image, the PDF and print), so a mailed or printed matrix reads
 * exactly like the screen.
 *
 * The marker sits on the finding's true spot (its impact and effort);
 * nothing ever moves it. The label (the whole title, wrapped to at most
 * KW_MATRIX_PLACEMENT_MAX_LINES lines; the legend has no such limit) is put near its marker where it
 * overlaps no other label, no marker, no zone label, no threshold handle
 * and stays inside the plot; a label away from its marker gets a leader
 * line. When not every label fits, the placement steps down by itself:
 * narrower wraps, then numbered badges (numbered in the action plan's
 * order, kw_plan_new()) with a complete legend beside the plot.
 *
 * The same input always gives the same output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-matrix-layout.h"
#include "kw-outcome.h"

G_BEGIN_DECLS

#define KW_MATRIX_PLACEMENT_MAX_LINES 3

/* Outcomes are told apart by the marker's shape too, not only by colour
 * (projectors wash colours out; some people do not see them). */
typedef enum {
  KW_MATRIX_MARKER_CIRCLE,    /* quick win */
  KW_MATRIX_MARKER_SQUARE,    /* small fix */
  KW_MATRIX_MARKER_DIAMOND,   /* long-term plan */
  KW_MATRIX_MARKER_TRIANGLE,  /* future list */
  KW_MATRIX_MARKER_CROSS,     /* drop */
} KwMatrixMarkerShape;

KwMatrixMarkerShape kw_matrix_marker_shape (KwOutcome outcome);

/* What the caller asks for; AUTO steps down as described above. */
typedef enum {
  KW_MATRIX_LABELS_AUTO,
  KW_MATRIX_LABELS_CARDS,    /* titles, even if some cannot be placed */
  KW_MATRIX_LABELS_NUMBERS,  /* numbered badges and a legend */
} KwMatrixLabelMode;

/* One finding to place. The strings are only read during the call. */
typedef struct {
  gpointer    data;      /* the caller's (a KwFinding), handed back as is */
  double      impact;
  double      effort;
  KwOutcome   outcome;   /* a placed outcome */
  guint       number;    /* its number in the plan, from 1 */
  const char *title;
} KwMatrixPlacementItem;

typedef struct {
  KwMatrixLabelMode requested;
  double            text_size;     /* label text; 0: from the layout */
  double            zone_text_size;/* zone names; 0: from text_size */
  gboolean          with_legend;   /* NUMBERS needs a legend: reserve its
                                    * column (the layout passed in has none) */
  const char       *font_family;   /* NULL: KW_MATRIX_PLACEMENT_FONT */
  /* Every zone with room for its name gets it in its top-left corner
   * (zone_labels below); those names are obstacles to labels. Names come
   * from kw_outcome_get_title(). TRUE: no zone names at all. */
  gboolean          hide_zone_labels;
  /* NULL, or KW_N_OUTCOMES names (by outcome; NULL entries too) the
   * zones carry instead of kw_outcome_get_title(), e.g. with their
   * progress in presentation; a name its zone has no room for falls back
   * to the title. Copied into the placement. */
  const char * const *zone_names;
  double            min_text_size; /* the smallest the legend may shrink
                                    * to before it pages; 0: the rule for
                                    * screens and images,
                                    * KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE
                                    * (or text_size when that is smaller).
                                    * Set it to text_size to keep the
                                    * legend at the labels' size */
} KwMatrixPlacementOptions;

#define KW_MATRIX_PLACEMENT_FONT "Cantarell, DejaVu Sans, sans-serif"

/* How text is set, in units of its size: lines of a label are
 * LINE_HEIGHT apart and line i (from 0) of a label has its baseline at
 * label.y + (PADDING + i * LINE_HEIGHT + BASELINE) * text_size, starting
 * at label.x + PADDING * text_size. A zone name is one such line at
 * zone_text_size with no padding (baseline at rect.y + BASELINE * size);
 * a badge's number is centred in its box; a legend entry's badge is
 * LINE_HEIGHT high and legend_badge_width wide at its top left, its
 * lines (no padding) start after the badge and a gap of PADDING. */
#define KW_MATRIX_PLACEMENT_LINE_HEIGHT 1.2
#define KW_MATRIX_PLACEMENT_BASELINE    0.95
#define KW_MATRIX_PLACEMENT_PADDING     0.25

/* The smallest text anything on the matrix is set in, on a screen. */
#define KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE 13.0

/* The label text size for a drawing of height pixels: in presentation
 * 2.22% of the screen's height (24 px at 1080), otherwise 1.7% (compact
 * for a laptop window); never under KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE.
 * Zone names are set 1.25 times larger (zone_text_size 0). */
double kw_matrix_placement_text_size_for (double   height,
                                          gboolean presentation);
#define KW_MATRIX_PLACEMENT_ZONE_TEXT_SCALE 1.25

typedef struct {
  gpointer      data;
  KwOutcome     outcome;
  guint         number;
  double        x;           /* the marker's centre: the true spot */
  double        y;
  double        marker_radius;
  KwMatrixRect  label;       /* the label's box (text plus padding); in
                              * NUMBERS mode the number badge */
  gboolean      placed;      /* FALSE: no room was found for the label
                              * (only when forced to a mode, or beyond
                              * what numbers can hold); label is empty.
                              * FALSE too for a finding outside a zoomed
                              * view (kw_matrix_layout_set_view()): draw
                              * nothing of it (not in n_unplaced) */
  gboolean      has_leader;  /* the label is away from its marker */
  double        leader_x1;   /* on the marker's edge */
  double        leader_y1;
  double        leader_x2;   /* on the label's edge */
  double        leader_y2;
  guint         n_lines;     /* of lines; 0 in NUMBERS mode */
  char         *lines[KW_MATRIX_PLACEMENT_MAX_LINES];  /* wrapped title, the
                              * last line ellipsised when it did not fit */
  gboolean      ellipsised;
} KwMatrixPlacedLabel;

typedef struct {
  KwOutcome     outcome;
  KwMatrixRect  rect;        /* where its name is drawn, in zone_text_size */
  const char   *text;        /* translated name (static, or one of the
                              * placement's zone_texts) */
} KwMatrixZoneLabel;

/* The legend beside the plot in NUMBERS mode: every finding, in number
 * order, with its whole title (never cut short), in columns balanced by
 * height; the text shrinks to min_text_size first, and only when even
 * that does not hold them all are they put on pages (presentation mode
 * turns them with Page Down). */
typedef struct {
  guint         number;
  KwOutcome     outcome;
  guint         page;
  KwMatrixRect  rect;        /* the whole entry: badge, number and title */
  guint         n_lines;     /* at least 1 */
  char        **lines;       /* the whole title wrapped, n_lines strings,
                              * NULL-terminated */
} KwMatrixLegendEntry;

typedef struct {
  KwMatrixLayout     layout;      /* the layout used: with a legend column
                                   * in NUMBERS mode */
  KwMatrixLabelMode  mode;        /* CARDS or NUMBERS: what was drawn */
  double             text_size;   /* of the labels */
  double             line_height; /* of one label line */
  double             zone_text_size;
  double             wrap_width;  /* the width titles were wrapped at
                                   * (a title that would be cut there
                                   * takes a wider one that holds it);
                                   * in NUMBERS the legend's */
  GArray            *labels;      /* of KwMatrixPlacedLabel, input order */
  KwMatrixZoneLabel  zone_labels[KW_MATRIX_N_ZONES];
  guint              n_zone_labels;
  char              *zone_texts[KW_MATRIX_N_ZONES]; /* the copied
                                    * zone_names the labels show */
  GArray            *legend;      /* of KwMatrixLegendEntry (NUMBERS only) */
  double             legend_text_size;
  guint              n_legend_pages;
  guint              n_unplaced;  /* labels without room */
  double             legend_badge_width; /* of every badge in the legend:
                                    * an entry's lines start this plus
                                    * PADDING × legend_text_size right of
                                    * its rect.x */
} KwMatrixPlacement;

/* Places the items on layout (made with kw_matrix_layout_init()). */
KwMatrixPlacement *kw_matrix_placement_new  (const KwMatrixLayout           *layout,
                                             const KwThresholds             *thresholds,
                                             const KwMatrixPlacementItem    *items,
                                             guint                           n_items,
                                             const KwMatrixPlacementOptions *options);
void               kw_matrix_placement_free (KwMatrixPlacement              *placement);

/* The label of the item whose data is data, or NULL. */
const KwMatrixPlacedLabel *kw_matrix_placement_lookup (const KwMatrixPlacement *placement,
                                                       gpointer                 data);

/* Whether two rectangles overlap (touching edges do not). */
gboolean kw_matrix_rect_intersects (const KwMatrixRect *a,
                                    const KwMatrixRect *b);

/* Where a box of width × height goes beside anchor (a label), gap away,
 * covering as little of the n obstacles (the other titles) as it can:
 * below the anchor or above it (flush left, then flush right), to its
 * right or to its left (level with its top, then its bottom), the first
 * of them that covers least, each kept inside bounds. Returns the area of
 * the obstacles it still covers (0: none). The chips of who is in during
 * a round stand by the current finding this way. */
double   kw_matrix_rect_place_beside (const KwMatrixRect *anchor,
                                      double              width,
                                      double              height,
                                      double              gap,
                                      const KwMatrixRect *obstacles,
                                      guint               n,
                                      const KwMatrixRect *bounds,
                                      KwMatrixRect       *placed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwMatrixPlacement, kw_matrix_placement_free)

G_END_DECLS
