/* kw-export-pdf.h: the action plan on paper: laid out in pages with pango
 * and drawn with cairo, for a PDF file and for printing.
 *
 * The app's GtkPrintOperation uses the same code: kw_plan_pages_paginate()
 * in its "paginate" handler (or begin-print) with the print context's cairo
 * context, and kw_plan_pages_draw_page() in "draw-page".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kw-board.h"
#include "kw-matrix-placement.h"
#include "kw-snapshot.h"

G_BEGIN_DECLS

typedef enum {
  KW_PAPER_A4,
  KW_PAPER_LETTER,
} KwPaper;

/* In points (1/72 inch). */
void          kw_paper_get_size        (KwPaper      paper,
                                        double      *width,
                                        double      *height);
gboolean      kw_paper_from_name       (const char  *name,
                                        KwPaper     *paper);

/* A comfortable margin for a full page, in points (about 17 mm). */
#define KW_PLAN_PAGES_MARGIN 48.0

typedef struct _KwPlanPages KwPlanPages;

/* The plan of board in lang (NULL for the UI language), dated now (NULL
 * for the current time); with since (a snapshot of board, or NULL), a
 * "Changes since …" section and the earlier positions on the matrix.
 * Call it in the main thread: it looks up the
 * translations and copies what it needs from the board, so the board may
 * change afterwards, and the pages can be laid out, drawn and rendered in
 * another thread (one at a time). */
KwPlanPages  *kw_plan_pages_new         (KwBoard     *board,
                                         const char  *lang,
                                         GDateTime   *now,
                                         KwSnapshot  *since);
void          kw_plan_pages_free        (KwPlanPages *self);

/* Lays the plan out on pages of width × height units of cr (points for a
 * PDF; GTK_UNIT_POINTS for printing), keeping margin free on every side,
 * and returns the number of pages. cr is used for text measurement only. */
guint         kw_plan_pages_paginate    (KwPlanPages *self,
                                         cairo_t     *cr,
                                         double       width,
                                         double       height,
                                         double       margin);
guint         kw_plan_pages_get_n_pages (KwPlanPages *self);
/* The matrix's placement as the last pagination draws it (for tests and
 * checks); NULL before the first. */
const KwMatrixPlacement *kw_plan_pages_get_matrix_placement (KwPlanPages *self);
/* Draws page page_nr (from 0) of the last pagination on cr, whose (0, 0)
 * is the page's top left corner. */
void          kw_plan_pages_draw_page   (KwPlanPages *self,
                                         cairo_t     *cr,
                                         guint        page_nr);

/* The whole plan as a PDF on paper, in memory: kw_plan_pages_paginate()
 * and kw_plan_pages_draw_page() on a PDF surface; cancellable is checked
 * between pages. */
GBytes       *kw_plan_pages_render_pdf  (KwPlanPages  *self,
                                         KwPaper       paper,
                                         GCancellable *cancellable,
                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwPlanPages, kw_plan_pages_free)

/* The whole plan as a PDF file on paper, compared with since (or NULL). */
gboolean      kw_export_pdf_file        (KwBoard     *board,
                                         const char  *lang,
                                         KwSnapshot  *since,
                                         KwPaper      paper,
                                         GFile       *file,
                                         GError     **error);

G_END_DECLS
