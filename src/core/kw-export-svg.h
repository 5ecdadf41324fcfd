/* kw-export-svg.h: the impact/effort matrix as SVG, inline in the HTML
 * action plan and on its own for slides (--export-image OUT.svg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlwriter.h>

#include "kw-matrix-render.h"
#include "kw-plan-text.h"

G_BEGIN_DECLS

/* Writes one <svg> element of width × height units: the scene as
 * kw_matrix_scene_get_placement() places it, each line of text with the
 * width it was measured at (textLength), so a browser's font cannot make
 * labels overlap. in_plan: the matrix of the HTML plan, an image
 * (role="img") described by the plan's caption (the element with id
 * KW_EXPORT_SVG_PLAN_CAPTION_ID), with no links in it: the plan's
 * numbered lists are its accessible version; each finding's group says
 * which item it shows (data-item="#finding-ID"). Returns FALSE when the
 * writer fails. */
#define KW_EXPORT_SVG_PLAN_CAPTION_ID "matrix-caption"
gboolean  kw_export_svg_write  (xmlTextWriterPtr  writer,
                                KwMatrixScene    *scene,
                                double            width,
                                double            height,
                                gboolean          in_plan);

/* Writes user text as element content, cleaned of control characters and
 * escaped, as the HTML plan does too. Returns FALSE when the writer fails. */
gboolean  kw_export_svg_write_text (xmlTextWriterPtr  writer,
                                    const char       *content);

/* A standalone SVG file, in lang (NULL for the UI language). */
GBytes   *kw_export_svg_bytes  (KwBoard          *board,
                                const char       *lang,
                                double            width,
                                double            height,
                                GError          **error);
gboolean  kw_export_svg_file   (KwBoard          *board,
                                const char       *lang,
                                double            width,
                                double            height,
                                GFile            *file,
                                GError          **error);

G_END_DECLS
