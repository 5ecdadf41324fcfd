/* kw-finding-filter.h: the search and tag filter over a board's findings.
 *
 * A GtkFilter of KwFinding: a finding matches when it has the chosen tag
 * (if one is chosen) and the search text (if any) occurs, ignoring case,
 * in its title, description, owner, source or one of its tags. The
 * matrix dims the findings that do not match; the lists and the tray
 * leave them out (kw_finding_filter_matches()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-finding.h"

G_BEGIN_DECLS

#define KW_TYPE_FINDING_FILTER (kw_finding_filter_get_type ())
G_DECLARE_FINAL_TYPE (KwFindingFilter, kw_finding_filter, KW, FINDING_FILTER, GtkFilter)

/* Properties: "search" (char*, as typed, NULL for none), "tag" (char*,
 * NULL for all tags). The filter emits "changed" when either changes. */

KwFindingFilter *kw_finding_filter_new        (void);
const char      *kw_finding_filter_get_search (KwFindingFilter *self);
void             kw_finding_filter_set_search (KwFindingFilter *self,
                                               const char      *search);
const char      *kw_finding_filter_get_tag    (KwFindingFilter *self);
void             kw_finding_filter_set_tag    (KwFindingFilter *self,
                                               const char      *tag);
gboolean         kw_finding_filter_matches    (KwFindingFilter *self,
                                               KwFinding       *finding);

G_END_DECLS
