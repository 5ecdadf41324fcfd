/* kw-matrix-render.h: the impact/effort matrix drawn for export, with
 * numbered dots whose numbers are those of the action plan. Two backends
 * draw the same picture from KwMatrixLayout: cairo here (PNG, PDF, print)
 * and SVG in kw-export-svg.c; the style shared by both is defined here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kw-matrix-layout.h"
#include "kw-plan-text.h"

G_BEGIN_DECLS

/* The shared style: all sizes follow the layout's text size. */
#define KW_MATRIX_RENDER_BACKGROUND  "#ffffff"
#define KW_MATRIX_RENDER_INK         "#241f31"  /* text, scale */
#define KW_MATRIX_RENDER_FRAME       "#9a9996"  /* the plot's border */
#define KW_MATRIX_RENDER_LINE        "#3d3846"  /* the threshold lines */
#define KW_MATRIX_RENDER_DOT_TEXT    "#ffffff"
#define KW_MATRIX_RENDER_FONT        "Cantarell, DejaVu Sans, sans-serif"

double   kw_matrix_render_dot_radius   (const KwMatrixLayout *layout);
double   kw_matrix_render_line_width   (const KwMatrixLayout *layout);
/* The halo in the background colour under the letters of a zone's name,
 * drawn over the dots: its stroke width for text of size. */
#define KW_MATRIX_RENDER_HALO_WIDTH(size) (0.3 * (size))
/* Whether a zone is wide and high enough to carry its outcome's name. */
gboolean kw_matrix_render_zone_has_room (const KwMatrixLayout *layout,
                                         const KwMatrixZone   *zone,
                                         const char           *label);
/* The translated title of each axis. */
const char *kw_matrix_render_axis_title (KwMatrixAxis          axis);

/* Everything the matrix shows, copied from a plan in the current
 * language: the thresholds, the labels and the numbered dots. A scene is
 * drawn without the board and without looking up translations, so a
 * worker thread can draw it while the board changes in the main thread. */
typedef struct _KwMatrixScene KwMatrixScene;

KwMatrixScene *kw_matrix_scene_new        (const KwPlan        *plan);
void           kw_matrix_scene_free       (KwMatrixScene       *scene);
/* Draws the scene into the rectangle (0, 0, width, height) of cr. */
void           kw_matrix_scene_draw       (const KwMatrixScene *scene,
                                           cairo_t             *cr,
                                           double               width,
                                           double               height);
/* The scene as a PNG of width × height pixels, in memory. */
GBytes        *kw_matrix_scene_render_png (const KwMatrixScene *scene,
                                           int                  width,
                                           int                  height,
                                           GError             **error);

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
