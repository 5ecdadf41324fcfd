/* kw-text.h: small text helpers shared by the model, the file format and
 * the importers: scores, dates and cleaning user text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Scores are kept in tenths: clamp to [0, 10] and round to one decimal. */
double    kw_score_normalize    (double       value);
/* "7.5": always a decimal point, whatever the locale. */
char     *kw_score_format       (double       value);
/* Accepts "7.5", "7,5", "7", " 7.5 "; rejects NaN, infinities, other text
 * and values outside [0, 10]. */
gboolean  kw_score_parse        (const char  *text,
                                 double      *value);

/* Dates are ISO 8601 calendar dates, "2026-11-22". */
gboolean  kw_date_is_valid_iso  (const char  *text);
/* Accepts ISO "2026-11-22" and the Dutch/European "22-11-2026",
 * "22/11/2026", "22.11.2026"; returns a newly allocated ISO date. */
char     *kw_date_parse_to_iso  (const char  *text);

/* Dates as a field shows them and reads them back: in the order and with
 * the separator of the user interface's language (its translation of
 * the pattern: "%Y-%m-%d" in English, "%d-%m-%Y" in Dutch); stored as ISO
 * all the same. A pattern is usable when kw_date_parse_to_iso() reads
 * back what it shows: "%d-%m-%Y" with -, / or . between, or ISO. */
gboolean    kw_date_pattern_is_usable (const char *pattern);
/* The pattern of the UI's language; ISO when its translation is not
 * usable. */
const char *kw_date_entry_pattern     (void);
/* An ISO date as pattern shows it; other text as it is, NULL as "". */
char       *kw_date_format_with       (const char *iso,
                                       const char *pattern);
/* An ISO date as a field in the UI's language shows it, and the example
 * its hint gives ("22-11-2026" in Dutch), from the same pattern. */
char       *kw_date_format_for_entry  (const char *iso);
char       *kw_date_entry_example     (void);

/* Makes user text safe to keep and to write as XML: invalid UTF-8 is
 * replaced, control characters other than tab and newline are removed,
 * CR LF and CR become LF. With single_line, tabs and newlines become spaces
 * and the ends are trimmed. NULL gives "". */
char     *kw_text_clean         (const char  *text,
                                 gboolean     single_line);

/* TRUE when text needs no cleaning (kw_text_clean would return it as is). */
gboolean  kw_text_is_clean      (const char  *text,
                                 gboolean     single_line);

G_END_DECLS
