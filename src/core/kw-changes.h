/* kw-changes.h: what moved on a board since a snapshot, in the method's
 * order: a GListModel of KwChange.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"
#include "kw-change.h"
#include "kw-snapshot.h"

G_BEGIN_DECLS

#define KW_TYPE_CHANGES (kw_changes_get_type ())
G_DECLARE_FINAL_TYPE (KwChanges, kw_changes, KW, CHANGES, GObject)

/* The changes, by KwChangeKind: first findings whose outcome changed (each
 * side classified by its own thresholds, so a line moved since changes
 * outcomes without a finding moving), then findings that moved at least
 * KW_CHANGE_MIN_MOVE within their outcome, new findings, removed ones,
 * status changes, owner changes and due-date changes. Within a kind in the
 * order of the findings after (the board's order), removed findings in the
 * snapshot's order. A finding is matched by its id: a renamed finding is
 * the same finding, named by its title now; a rename alone is not listed.
 * One finding may have several changes (its outcome, its status and its
 * owner, say); a new or removed finding has only that one.
 *
 * The list is made once and does not follow later edits: make a new one
 * when the board changes. */
KwChanges  *kw_changes_new          (KwSnapshot *before,
                                     KwBoard    *board);
/* The same comparison between two snapshots (a before b). */
KwChanges  *kw_changes_new_between  (KwSnapshot *a,
                                     KwSnapshot *b);

/* The snapshot compared with. */
KwSnapshot *kw_changes_get_before   (KwChanges  *self);

G_END_DECLS
