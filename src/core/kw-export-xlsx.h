/* kw-export-xlsx.h: the findings and their outcome as an Excel workbook,
 * written with libxlsxwriter: numbers as numbers, dates as dates, the
 * outcome in its colour, a frozen header and an autofilter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"

G_BEGIN_DECLS

/* lang: "nl", "en", or NULL for the UI language (headers, outcomes and
 * statuses are words in it). */
GBytes   *kw_export_xlsx_bytes (KwBoard     *board,
                                const char  *lang,
                                GError     **error);
gboolean  kw_export_xlsx_file  (KwBoard     *board,
                                const char  *lang,
                                GFile       *file,
                                GError     **error);

G_END_DECLS
