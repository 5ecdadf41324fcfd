/* kw-change-private.h: for KwChanges, which makes the changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-change.h"
#include "kw-snapshot.h"

G_BEGIN_DECLS

/* A change of one finding between the entry before (in the snapshot
 * before; NULL for KW_CHANGE_NEW) and the entry after (NULL for
 * KW_CHANGE_REMOVED). Keeps both snapshots, whose entries it borrows; the
 * outcomes follow from each snapshot's thresholds. */
KwChange *_kw_change_new (KwChangeKind           kind,
                          KwSnapshot            *before,
                          const KwSnapshotEntry *before_entry,
                          KwSnapshot            *after,
                          const KwSnapshotEntry *after_entry);

/* Impact and effort in tenths, as the scores are kept. */
gint64    _kw_change_score_tenths (double score);

G_END_DECLS
