/* kw-matrix-text.h: measuring and wrapping the matrix's text with Pango,
 * for the label placement. Safe in any thread: each thread measures with
 * its own font map.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KwMatrixText KwMatrixText;

/* Text of size (absolute, in the drawing's units) in family. */
KwMatrixText *kw_matrix_text_new     (const char   *family,
                                      double        size);
void          kw_matrix_text_free    (KwMatrixText *text);
double        kw_matrix_text_size    (const KwMatrixText *text);

/* The width of text set on one line. */
double        kw_matrix_text_measure (KwMatrixText *text,
                                      const char   *str);

/* A title wrapped to at most max_lines lines no wider than width; only
 * when it needs more is the last line cut and ended with "…". */
typedef struct {
  guint    n_lines;
  char   **lines;       /* n_lines strings, NULL-terminated */
  double   width;       /* of the widest line */
  gboolean ellipsised;
} KwWrappedText;

void          kw_matrix_text_wrap    (KwMatrixText  *text,
                                      const char    *title,
                                      double         width,
                                      guint          max_lines,
                                      KwWrappedText *wrapped);
void          kw_wrapped_text_clear  (KwWrappedText *wrapped);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwMatrixText, kw_matrix_text_free)

G_END_DECLS
