/* kw-matrix-render.h: the impact/effort matrix drawn for export: every
 * finding's marker at its spot, its label (the title, or a numbered badge
 * with a legend beside the plot) as KwMatrixPlacement lays them out, and
 * the zones, lines and scale. Two backends draw the same data: cairo here
 * (PNG, PDF, print) and SVG in kw-export-svg.c (the image, the HTML plan);
 * the style both share is defined here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kw-matrix-changes.h"
#include "kw-matrix-layout.h"
#include "kw-matrix-placement.h"
#include "kw-plan-text.h"

G_BEGIN_DECLS

/* The shared style. Every text colour reads at least 4.5:1 (WCAG AA)
 * against what lies behind it: test-export-image computes it. */
#define KW_MATRIX_RENDER_BACKGROUND  "#ffffff"
#define KW_MATRIX_RENDER_INK         "#241f31"  /* text, scale */
#define KW_MATRIX_RENDER_FRAME       "#9a9996"  /* the plot's border */
#define KW_MATRIX_RENDER_LINE        "#3d3846"  /* the threshold lines */
#define KW_MATRIX_RENDER_LABEL_FILL  "#ffffff"  /* behind a label's title */
#define KW_MATRIX_RENDER_BADGE_TEXT  KW_OUTCOME_BADGE_TEXT  /* a badge's number */
#define KW_MATRIX_RENDER_FONT        KW_MATRIX_PLACEMENT_FONT
/* The ring of a finding new since the snapshot compared with (the plan's
 * accent ink: 6.4:1 on white, though it is no text). */
#define KW_MATRIX_RENDER_CHANGE_ACCENT "#1a5fb4"

double      kw_matrix_render_line_width  (const KwMatrixLayout  *layout);
/* The halo in the background colour under the letters of a zone's name,
 * which may lie over markers: its stroke width for text of size. */
#define KW_MATRIX_RENDER_HALO_WIDTH(size) (0.3 * (size))
/* A label's outline and a leader line, for labels of text_size. */
double      kw_matrix_render_outline_width (double               text_size);
/* The translated title of each axis. */
const char *kw_matrix_render_axis_title  (KwMatrixAxis           axis);

/* A marker's outline as a polygon around (x, y) for a marker of radius;
 * returns the number of points written (at most
 * KW_MATRIX_RENDER_MAX_MARKER_POINTS), or 0 for the circle. Both backends
 * draw these same points. */
#define KW_MATRIX_RENDER_MAX_MARKER_POINTS 12
guint       kw_matrix_render_marker_points (KwMatrixMarkerShape  shape,
                                            double               x,
                                            double               y,
                                            double               radius,
                                            double               points[][2]);

/* Where line i of a label's text has its baseline and starts, for text of
 * size (see KW_MATRIX_PLACEMENT_PADDING and the lines after it). */
void        kw_matrix_render_label_line  (const KwMatrixRect    *label,
                                          double                 size,
                                          guint                  line,
                                          double                *x,
                                          double                *baseline);
/* The badge of a legend entry: legend_badge_width wide, a line high, at
 * the entry's top left. */
void        kw_matrix_render_legend_badge (const KwMatrixPlacement   *placement,
                                           const KwMatrixLegendEntry *entry,
                                           KwMatrixRect              *badge);
/* An export is not turned like the screen: when the legend needed more
 * than one page even at its smallest text, the pages are drawn together
 * in a grid in the legend's area, page page at (dx, dy) + scale × (x, y).
 * With one page: the identity. */
void        kw_matrix_render_legend_page_transform (const KwMatrixPlacement *placement,
                                                    guint                    page,
                                                    double                  *scale,
                                                    double                  *dx,
                                                    double                  *dy);
/* The font size of a badge's number. */
double      kw_matrix_render_badge_text_size (const KwMatrixRect *badge,
                                              guint               number);

/* What one finding shows, copied from the plan. */
typedef struct {
  char      *id;       /* the finding's, for links to its item */
  char      *title;
  double     impact;
  double     effort;
  KwOutcome  outcome;
  guint      number;   /* its number in the plan */
} KwMatrixSceneItem;

/* Everything the matrix shows, copied from a plan in the current
 * language: the thresholds, the texts and the placed findings. A scene is
 * placed and drawn without the board and in the plan's language whatever
 * the thread's, so a worker thread can draw it while the board changes in
 * the main thread (one thread at a time). */
typedef struct _KwMatrixScene KwMatrixScene;

/* KW_MATRIX_LABELS_AUTO: titles where they fit, numbers otherwise. */
KwMatrixScene *kw_matrix_scene_new        (const KwPlan        *plan);
KwMatrixScene *kw_matrix_scene_new_for_board (KwBoard           *board,
                                              const char        *lang);
void           kw_matrix_scene_free       (KwMatrixScene       *scene);
void           kw_matrix_scene_set_label_mode (KwMatrixScene   *scene,
                                               KwMatrixLabelMode mode);
/* Whether NUMBERS mode shows its legend beside the plot (the default);
 * the HTML plan lists the numbered findings itself. */
void           kw_matrix_scene_set_legend (KwMatrixScene       *scene,
                                           gboolean             with_legend);
/* The labels' text size (0, the default: from the drawing's size, as
 * kw_matrix_layout_init() sizes text). Paper is read from closer than a
 * screen: the PDF sets its labels like its body text. */
void           kw_matrix_scene_set_text_size (KwMatrixScene    *scene,
                                              double            text_size);
const KwThresholds *kw_matrix_scene_get_thresholds (const KwMatrixScene *scene);
const char    *kw_matrix_scene_get_axis_title (const KwMatrixScene *scene,
                                               KwMatrixAxis         axis);
/* The placement for a drawing of width × height, made on first use for
 * that size (in the scene's language) and kept. */
const KwMatrixPlacement *kw_matrix_scene_get_placement (KwMatrixScene *scene,
                                                        double         width,
                                                        double         height);

/* The spots of the plan's changes (kw_plan_set_since()), to draw as
 * kw_matrix_changes_draw() does; empty without a snapshot. */
GArray        *kw_matrix_scene_get_change_spots (const KwMatrixScene *scene);
/* The export's colours and size of the changes' marks on placement. */
void           kw_matrix_render_changes_style   (const KwMatrixPlacement *placement,
                                                 KwMatrixChangesStyle    *style);

/* Draws the scene into the rectangle (0, 0, width, height) of cr. */
void           kw_matrix_scene_draw       (KwMatrixScene       *scene,
                                           cairo_t             *cr,
                                           double               width,
                                           double               height);
/* The scene as a PNG of width × height pixels, in memory. */
GBytes        *kw_matrix_scene_render_png (KwMatrixScene       *scene,
                                           int                  width,
                                           int                  height,
                                           GError             **error);

/* A cairo_write_func_t appending to the GByteArray closure (the PNG's and
 * the PDF's streams). */
cairo_status_t kw_matrix_render_append_to_array (void                *closure,
                                                 const unsigned char *data,
                                                 unsigned int         length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwMatrixScene, kw_matrix_scene_free)

/* Draws the matrix of the plan's board into the rectangle (0, 0, width,
 * height) of cr, in the current language. */
void     kw_matrix_render_draw         (cairo_t              *cr,
                                        const KwPlan         *plan,
                                        double                width,
                                        double                height);

/* Writes the matrix as a PNG of width × height pixels. */
gboolean kw_matrix_render_png_file     (KwBoard              *board,
                                        const char           *lang,
                                        int                   width,
                                        int                   height,
                                        GFile                *file,
                                        GError              **error);

G_END_DECLS
