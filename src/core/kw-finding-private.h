/* kw-finding-private.h: for the file loader and kw_board_copy() only.
 * These set a fresh finding's fields without cleaning, notifying or
 * touching its modified time, so loading 100,000 findings stays fast. The
 * caller has already validated every value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-finding.h"

G_BEGIN_DECLS

KwFinding *_kw_finding_new_loading        (const char    *id);
void       _kw_finding_take_text_loading  (KwFinding     *self,
                                           KwFindingText  which,
                                           char          *text);
void       _kw_finding_place_loading      (KwFinding     *self,
                                           double         impact,
                                           double         effort);
void       _kw_finding_set_status_loading (KwFinding     *self,
                                           KwStatus       status);
void       _kw_finding_take_tags_loading  (KwFinding     *self,
                                           GStrv          tags);
void       _kw_finding_take_times_loading (KwFinding     *self,
                                           GDateTime     *created,
                                           GDateTime     *modified);

/* Sets an estimate (already checked) without stamping or signalling. */
void       _kw_finding_set_estimate_loading (KwFinding        *self,
                                             const char       *participant_id,
                                             const KwEstimate *estimate);
/* The same for a participant without an estimate of the finding yet. */
void       _kw_finding_append_estimate_loading (KwFinding        *self,
                                                const char       *participant_id,
                                                const KwEstimate *estimate);

G_END_DECLS
