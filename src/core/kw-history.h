/* kw-history.h: undo and redo for every change to a board.
 *
 * Widgets never change the model directly: they go through the history,
 * which applies each change and records how to undo it. Changes made
 * between kw_history_begin_group() and kw_history_end_group() undo and
 * redo as one step (a multi-card move, a paste of several lines).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-board.h"

G_BEGIN_DECLS

#define KW_TYPE_HISTORY (kw_history_get_type ())
G_DECLARE_FINAL_TYPE (KwHistory, kw_history, KW, HISTORY, GObject)

KwHistory  *kw_history_new                (KwBoard            *board);
KwBoard    *kw_history_get_board          (KwHistory          *self);

/* Properties "can-undo", "can-redo" (booleans) and "undo-label",
 * "redo-label" (translated, e.g. "Move 3 Findings"; NULL when there is
 * nothing to undo or redo), notified only on change. */
gboolean    kw_history_get_can_undo       (KwHistory          *self);
gboolean    kw_history_get_can_redo       (KwHistory          *self);
const char *kw_history_get_undo_label     (KwHistory          *self);
const char *kw_history_get_redo_label     (KwHistory          *self);

gboolean    kw_history_undo               (KwHistory          *self);
gboolean    kw_history_redo               (KwHistory          *self);
/* Forgets every step, e.g. after loading another board. */
void        kw_history_clear              (KwHistory          *self);

/* Groups nest; the outermost label names the step. */
void        kw_history_begin_group        (KwHistory          *self,
                                           const char         *label);
void        kw_history_end_group          (KwHistory          *self);

/* Each of these applies the change and records it; a call that changes
 * nothing records nothing. */
void        kw_history_place              (KwHistory          *self,
                                           KwFinding          *finding,
                                           double              impact,
                                           double              effort);
void        kw_history_unplace            (KwHistory          *self,
                                           KwFinding          *finding);
void        kw_history_set_text           (KwHistory          *self,
                                           KwFinding          *finding,
                                           KwFindingText       which,
                                           const char         *text);
void        kw_history_set_status         (KwHistory          *self,
                                           KwFinding          *finding,
                                           KwStatus            status);
void        kw_history_set_tags           (KwHistory          *self,
                                           KwFinding          *finding,
                                           const char * const *tags);
void        kw_history_set_board_text     (KwHistory          *self,
                                           KwBoardText         which,
                                           const char         *text);
/* Returns FALSE, recording nothing, for invalid thresholds. */
gboolean    kw_history_set_thresholds     (KwHistory          *self,
                                           const KwThresholds *thresholds);
/* The board's review interval (kw_board_set_review_interval()); out of
 * bounds records nothing. */
void        kw_history_set_review_interval (KwHistory         *self,
                                           guint               months);
/* Adds the finding at position (G_MAXUINT appends). */
void        kw_history_add                (KwHistory          *self,
                                           KwFinding          *finding,
                                           guint               position);
void        kw_history_remove             (KwHistory          *self,
                                           KwFinding          *finding);

/* A finding that lands on the future list or the small fixes without a
 * review date gets kw_follow_up_next_review_date() from today, in the same
 * undo step as the change that put it there (a move, an add, a moved line).
 * Today is the local date at each change, or the ISO date pinned here
 * (NULL unpins): for tests, and for work on a board as of another day. */
void        kw_history_set_today          (KwHistory          *self,
                                           const char         *today_iso);
/* Signal "review-date-given" (KwFinding *finding): emitted once the change
 * that gave finding its review date is recorded (not on undo or redo). */

/* A board's snapshots (kw-board.h), undoable; each returns FALSE,
 * recording nothing, when the board refuses the change (a name already
 * taken, no room for another snapshot, a snapshot not on the board).
 * kw_history_add_snapshot() inserts at position (G_MAXUINT appends);
 * renaming to the same name and note succeeds and records nothing. */
gboolean    kw_history_add_snapshot       (KwHistory          *self,
                                           KwSnapshot         *snapshot,
                                           guint               position);
gboolean    kw_history_remove_snapshot    (KwHistory          *self,
                                           KwSnapshot         *snapshot);
gboolean    kw_history_rename_snapshot    (KwHistory          *self,
                                           KwSnapshot         *snapshot,
                                           const char         *name,
                                           const char         *note);

/* For live previews (a drag that moves cards under the pointer): the
 * widget changes the model itself while the pointer moves, then records
 * the whole drag as one step from the state it started in. */
void        kw_history_record_place       (KwHistory          *self,
                                           KwFinding          *finding,
                                           gboolean            was_placed,
                                           double              old_impact,
                                           double              old_effort);
void        kw_history_record_thresholds  (KwHistory          *self,
                                           const KwThresholds *old_thresholds);

/* Participants and their estimates (kw-history-estimates.c). Each
 * returns FALSE, recording nothing, when the board refuses the change
 * (kw-participant-list.h). Removing a participant takes their estimates
 * with them, in the same step. */
gboolean    kw_history_add_participant    (KwHistory          *self,
                                           KwParticipant      *participant,
                                           guint               position);
gboolean    kw_history_remove_participant (KwHistory          *self,
                                           KwParticipant      *participant);
gboolean    kw_history_edit_participant   (KwHistory          *self,
                                           KwParticipant      *participant,
                                           const char         *name,
                                           const char         *team);
/* A participant's estimate of a finding; NULL removes it. The participant
 * must be on the board. */
void        kw_history_set_estimate       (KwHistory          *self,
                                           KwFinding          *finding,
                                           const char         *participant_id,
                                           const KwEstimate   *estimate);
/* Several participants' estimates of one finding (given FALSE removes
 * one), as one step and with one "estimates-changed": a round's reveal.
 * Returns how many changed. */
guint       kw_history_set_estimates      (KwHistory             *self,
                                           KwFinding             *finding,
                                           const KwEstimateEntry *entries,
                                           guint                  n);
/* "Use the group's median": places each of the n findings that has known
 * estimates at their median impact and effort, as one step. Returns how
 * many findings it placed; thresholds and outcomes work as for any move. */
guint       kw_history_use_median         (KwHistory          *self,
                                           KwFinding * const  *findings,
                                           guint               n);

G_END_DECLS
