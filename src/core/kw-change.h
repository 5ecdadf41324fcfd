/* kw-change.h: one thing that moved on a board between a snapshot and
 * later (another snapshot, or the board as it is now), in the method's
 * words. KwChanges lists them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kw-finding.h"
#include "kw-outcome.h"

G_BEGIN_DECLS

/* In the order the list of changes shows them. */
typedef enum {
  KW_CHANGE_OUTCOME,  /* another outcome: "Long-term plan → Quick win" */
  KW_CHANGE_MOVED,    /* the same outcome, moved at least KW_CHANGE_MIN_MOVE */
  KW_CHANGE_NEW,      /* not in the snapshot */
  KW_CHANGE_REMOVED,  /* in the snapshot, gone since */
  KW_CHANGE_STATUS,   /* open → in progress → done, or back */
  KW_CHANGE_OWNER,
  KW_CHANGE_DUE,      /* the due date */
} KwChangeKind;

#define KW_N_CHANGE_KINDS 7

#define KW_TYPE_CHANGE_KIND (kw_change_kind_get_type ())
GType       kw_change_kind_get_type (void) G_GNUC_CONST;
/* "outcome", "moved", "new", "removed", "status", "owner", "due": the
 * untranslated keyword of `kwadrant --changes`. */
const char *kw_change_kind_to_id    (KwChangeKind kind);

/* A finding that stays in its outcome is listed as moved when its impact
 * or its effort (each on its own axis, not the distance on the diagonal)
 * changed by at least this much: what a room scoring "about a seven" calls
 * a move. Scores are kept in tenths, so 0.9 is not a move and 1.0 is. */
#define KW_CHANGE_MIN_MOVE 1.0

#define KW_TYPE_CHANGE (kw_change_get_type ())
G_DECLARE_FINAL_TYPE (KwChange, kw_change, KW, CHANGE, GObject)

KwChangeKind kw_change_get_kind             (KwChange *self);   /* property "kind" */
const char  *kw_change_get_finding_id       (KwChange *self);   /* property "finding-id" */
/* The finding's title after the change; for a removed finding the title
 * it had in the snapshot. Property "title". */
const char  *kw_change_get_title            (KwChange *self);

/* The finding's outcome before and after (by the thresholds of each
 * side); KW_OUTCOME_UNPLACED on the side where a new or removed finding
 * is missing. */
KwOutcome    kw_change_get_before_outcome   (KwChange *self);
KwOutcome    kw_change_get_after_outcome    (KwChange *self);
/* The position before and after: FALSE when not placed then (or not on
 * the board at all). impact and effort may be NULL. */
gboolean     kw_change_get_before_position  (KwChange *self,
                                             double   *impact,
                                             double   *effort);
gboolean     kw_change_get_after_position   (KwChange *self,
                                             double   *impact,
                                             double   *effort);
/* For KW_CHANGE_MOVED: how far up (impact) and right (effort), in tenths
 * rounded as the scores are; 0 for other kinds. */
double       kw_change_get_impact_delta     (KwChange *self);
double       kw_change_get_effort_delta     (KwChange *self);
KwStatus     kw_change_get_before_status    (KwChange *self);
KwStatus     kw_change_get_after_status     (KwChange *self);

/* What changed, untranslated, as `kwadrant --changes` prints it: the
 * outcome id ("long-term"), the position ("7.5 2.0", impact then effort),
 * the status id ("in-progress"), the owner, the ISO due date; "" for the
 * side a new or removed finding does not have, and for an owner or due
 * date not set. */
const char  *kw_change_get_before_value     (KwChange *self);
const char  *kw_change_get_after_value      (KwChange *self);

/* One line in the language in use (kw_plan_language_push()):
 * "Long-term plan → Quick win: Clearer outgoing letters",
 * "Impact up 2.5: …", "New: …", "Done: …", "Owner: Anna → Bram: …". */
char        *kw_change_get_text             (KwChange *self);
/* The same as a full sentence, for a screen reader: "“Clearer outgoing
 * letters”: outcome changed from long-term plan to quick win." */
char        *kw_change_get_accessible_text  (KwChange *self);
/* kind, finding id, before, after and title, separated by tabs, without a
 * newline; the untranslated keyword and values above, tabs and newlines in
 * the texts made spaces, so that every change is one line of five
 * fields for scripts. */
char        *kw_change_format_line          (KwChange *self);

G_END_DECLS
