/* kw-review.h: review mode, the review cycle's meeting. The findings due
 * for review (kw-follow-up.h) one at a time, in the plan's order; for each
 * one decision, made through the history as one undoable step: keep it
 * (next review date from today), a new position, done, drop it with a
 * reason, or a next review date of the room's choosing. Skipping changes
 * nothing. At the end a summary says what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kw-board.h"
#include "kw-history.h"

G_BEGIN_DECLS

#define KW_REVIEW_ERROR (kw_review_error_quark ())

typedef enum
{
  KW_REVIEW_ERROR_FINISHED,   /* no current finding: the review is over */
  KW_REVIEW_ERROR_NO_REASON,  /* dropping needs a reason */
  KW_REVIEW_ERROR_NO_DROP,    /* the board's lines leave no drop zone */
  KW_REVIEW_ERROR_DATE,       /* not a date, or not after today */
  KW_REVIEW_ERROR_NOTHING,    /* the decision changes nothing */
} KwReviewError;

GQuark kw_review_error_quark (void);

/* The decisions, in the order the summary names them. */
typedef enum
{
  KW_REVIEW_KEEP,
  KW_REVIEW_PLACE,
  KW_REVIEW_DONE,
  KW_REVIEW_DROP,
  KW_REVIEW_RESCHEDULE,
} KwReviewDecision;

#define KW_N_REVIEW_DECISIONS 5

/* One finding as one snapshot had it. */
typedef struct
{
  KwSnapshot *snapshot;   /* borrowed from the board */
  gboolean    present;    /* the finding was on the board then */
  gboolean    placed;
  double      impact, effort;
  KwOutcome   outcome;    /* by that snapshot's own lines */
  KwStatus    status;
} KwReviewMoment;

/* A finding's history over the board's snapshots, oldest first: one
 * KwReviewMoment for every snapshot (present FALSE where the finding was
 * not on the board yet or any more). */
GArray *kw_review_track_finding (KwBoard   *board,
                                 KwFinding *finding);

#define KW_TYPE_REVIEW (kw_review_get_type ())
G_DECLARE_FINAL_TYPE (KwReview, kw_review, KW, REVIEW, GObject)

/* The findings of history's board due for review as of today_iso
 * ("YYYY-MM-DD"), the first one current. */
KwReview   *kw_review_new            (KwHistory   *history,
                                      const char  *today_iso);

KwHistory  *kw_review_get_history    (KwReview    *self);
const char *kw_review_get_today      (KwReview    *self);
guint       kw_review_get_n_findings (KwReview    *self);
KwFinding  *kw_review_get_finding    (KwReview    *self,
                                      guint        index);
/* Property "position": the index of the current finding, or
 * n_findings once the review is over (the summary). Notified on change. */
guint       kw_review_get_position   (KwReview    *self);
KwFinding  *kw_review_get_current    (KwReview    *self);
gboolean    kw_review_is_finished    (KwReview    *self);
/* The decision last made on the finding at index in this review;
 * FALSE when none (or all of them undone). */
gboolean    kw_review_get_decision   (KwReview         *self,
                                      guint             index,
                                      KwReviewDecision *decision);

/* Skip (no change) and back; both clamp to [0, n_findings]. */
void        kw_review_next           (KwReview    *self);
void        kw_review_back           (KwReview    *self);

/* The decisions on the current finding. Each is one undo step labelled
 * "Review: …" and then goes on to the next finding. FALSE with error
 * when refused; nothing has changed then. */
gboolean    kw_review_keep           (KwReview    *self,
                                      GError     **error);
gboolean    kw_review_place          (KwReview    *self,
                                      double       impact,
                                      double       effort,
                                      GError     **error);
gboolean    kw_review_done           (KwReview    *self,
                                      GError     **error);
gboolean    kw_review_drop           (KwReview    *self,
                                      const char  *reason,
                                      GError     **error);
/* date: as the user typed it, read by kw_date_parse_to_iso(). */
gboolean    kw_review_reschedule     (KwReview    *self,
                                      const char  *date,
                                      GError     **error);

/* Undoes the last decision of this review (only if it is still the
 * history's last step) and makes its finding current again. Returns the
 * finding, or NULL when there is nothing of this review to undo. */
KwFinding  *kw_review_undo           (KwReview    *self);
/* The label of the step kw_review_undo() would undo, or NULL. */
const char *kw_review_get_undo_label (KwReview    *self);

/* What the last decision made did, translated, for the screen reader:
 * "Kept; next review on 4 March 2027". NULL before any. */
const char *kw_review_get_last_message (KwReview  *self);

/* How many findings got a decision, and how many of each. */
guint       kw_review_count_decided  (KwReview         *self);
guint       kw_review_count          (KwReview         *self,
                                      KwReviewDecision  decision);
/* "4 findings reviewed: 1 kept, 1 moved to quick wins, 1 done, 1
 * dropped", translated; NULL-free. */
char       *kw_review_dup_summary    (KwReview    *self);

G_END_DECLS
