/* kw-estimates-text.h: the room's estimates in the words the app shows
 * and says: the grid's cells, the "Discuss first" list and the details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-estimates.h"

G_BEGIN_DECLS

/* A score as people read it: "7", "7,5" with a Dutch decimal comma. */
char *kw_estimates_format_score     (double                   score);
/* What a grid cell shows: "7 3", "7,5 3" (kw_estimate_parse() reads it
 * back), or "?" for no idea. */
char *kw_estimates_dup_display      (const KwEstimate        *estimate);
/* Read out: "impact 7, effort 3" or "no idea". */
char *kw_estimates_describe         (const KwEstimate        *estimate);
/* "Impact 7, effort 3; spread 2 and 1", or NULL without known estimates. */
char *kw_estimates_describe_summary (const KwEstimateSummary *summary);

G_END_DECLS
