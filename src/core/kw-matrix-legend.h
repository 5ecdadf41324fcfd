/* kw-matrix-legend.h: the numbered legend beside the matrix, for the
 * label placement's NUMBERS mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-matrix-placement.h"

G_BEGIN_DECLS

/* The width of a number badge whose number is number_width wide, in text
 * of size (its height is a line's, KW_MATRIX_PLACEMENT_LINE_HEIGHT). */
double kw_matrix_legend_badge_width (double                       number_width,
                                     double                       size);

/* Fills placement's legend (entries in number order, in columns in
 * placement->layout.legend, in pages when they do not fit), its
 * legend_text_size, n_legend_pages and wrap_width. The text starts at
 * placement->text_size and shrinks to min_text_size (never above
 * placement->text_size) before it pages. */
/* Whether every entry of items fits one page of area at a size from
 * start_size down to min_text_size (tried at min_text_size, the size
 * that needs the least room). */
gboolean kw_matrix_legend_fits_one_page (const KwMatrixRect          *area,
                                         const KwMatrixPlacementItem *items,
                                         guint                        n_items,
                                         const char                  *font_family,
                                         double                       start_size,
                                         double                       min_text_size);

void   kw_matrix_legend_lay_out     (KwMatrixPlacement           *placement,
                                     const KwMatrixPlacementItem *items,
                                     guint                        n_items,
                                     const char                  *font_family,
                                     double                       min_text_size);

G_END_DECLS
