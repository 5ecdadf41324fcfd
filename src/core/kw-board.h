/* kw-board.h: a workshop board, its metadata, thresholds and findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-finding.h"
#include "kw-outcome.h"
#include "kw-participant-list.h"
#include "kw-snapshot.h"

G_BEGIN_DECLS

typedef enum {
  KW_BOARD_TEXT_TITLE,
  KW_BOARD_TEXT_ORGANISATION,
  KW_BOARD_TEXT_FACILITATOR,
  KW_BOARD_TEXT_WORKSHOP_DATE, /* ISO date or "" */
  KW_BOARD_TEXT_NOTES,
} KwBoardText;

#define KW_N_BOARD_TEXTS 5

#define KW_TYPE_BOARD (kw_board_get_type ())
G_DECLARE_FINAL_TYPE (KwBoard, kw_board, KW, BOARD, GObject)

/* A KwBoard is a GListModel of KwFinding, in the board's own order. It
 * emits "changed" after any change to itself, to one of its findings or
 * to its list of snapshots: the one signal that autosave, the window
 * title and the lists follow. */

KwBoard    *kw_board_new                   (void);
/* A new board with the same texts, thresholds, format version, findings
 * (copies, with the same ids and times) and snapshots: what the board is
 * now, for work that must not see later edits, such as printing. Copied
 * through the model, not the file format, so a board the format refuses
 * to write (one from a newer version) copies too. */
KwBoard    *kw_board_copy                  (KwBoard            *self);

/* The format version of the file the board was read from (set by the
 * loader only; KW_FORMAT_VERSION for a new board). A board from a newer
 * format is read leniently and must not be saved over: open it read-only. */
guint       kw_board_get_format_version    (KwBoard            *self);
void        kw_board_set_format_version    (KwBoard            *self,
                                            guint               format_version);
gboolean    kw_board_is_from_newer_format  (KwBoard            *self);

const char *kw_board_get_text              (KwBoard            *self,
                                            KwBoardText         which);
void        kw_board_set_text              (KwBoard            *self,
                                            KwBoardText         which,
                                            const char         *text);
const char *kw_board_get_title             (KwBoard            *self);
/* The title, or "Untitled board" (translated) when there is none. */
const char *kw_board_get_display_title     (KwBoard            *self);
const char *kw_board_display_title         (const char         *title);
void        kw_board_set_title             (KwBoard            *self,
                                            const char         *title);
const char *kw_board_get_organisation      (KwBoard            *self);
void        kw_board_set_organisation      (KwBoard            *self,
                                            const char         *organisation);
const char *kw_board_get_facilitator       (KwBoard            *self);
void        kw_board_set_facilitator       (KwBoard            *self,
                                            const char         *facilitator);
const char *kw_board_get_workshop_date     (KwBoard            *self);
void        kw_board_set_workshop_date     (KwBoard            *self,
                                            const char         *iso_date);
const char *kw_board_get_notes             (KwBoard            *self);
void        kw_board_set_notes             (KwBoard            *self,
                                            const char         *notes);

void        kw_board_get_thresholds        (KwBoard            *self,
                                            KwThresholds       *thresholds);
/* Returns FALSE, changing nothing, when the thresholds are not valid. */
gboolean    kw_board_set_thresholds        (KwBoard            *self,
                                            const KwThresholds *thresholds);

/* Property "review-interval": the months from a finding landing on the
 * future list or the small fixes to its review (KW_REVIEW_INTERVAL_MIN to
 * _MAX, kw-follow-up.h). Returns FALSE, changing nothing, out of bounds. */
guint       kw_board_get_review_interval   (KwBoard            *self);
gboolean    kw_board_set_review_interval   (KwBoard            *self,
                                            guint               months);

guint       kw_board_get_n_findings        (KwBoard            *self);
KwFinding  *kw_board_get_finding           (KwBoard            *self,
                                            guint               position);
KwFinding  *kw_board_lookup_finding        (KwBoard            *self,
                                            const char         *id);
gboolean    kw_board_find_position         (KwBoard            *self,
                                            KwFinding          *finding,
                                            guint              *position);
/* Returns FALSE when a finding with the same id is already on the board. */
gboolean    kw_board_append_finding        (KwBoard            *self,
                                            KwFinding          *finding);
gboolean    kw_board_insert_finding        (KwBoard            *self,
                                            guint               position,
                                            KwFinding          *finding);
gboolean    kw_board_remove_finding        (KwBoard            *self,
                                            KwFinding          *finding);

KwOutcome   kw_board_classify_finding      (KwBoard            *self,
                                            KwFinding          *finding);
void        kw_board_count_outcomes        (KwBoard            *self,
                                            guint               counts[KW_N_OUTCOMES]);
/* The findings with that outcome in the action plan's order: quick wins by
 * impact/effort ratio (highest first), long-term by impact (highest first),
 * the future list by effort (lowest first), the others in board order.
 * Returns a new array of borrowed findings. */
GPtrArray  *kw_board_collect_outcome       (KwBoard            *self,
                                            KwOutcome           outcome);
/* The order kw_board_collect_outcome() sorts by, for sorted list models. */
int         kw_outcome_compare_findings    (KwOutcome           outcome,
                                            KwFinding          *a,
                                            KwFinding          *b);

/* The board's snapshots (KwSnapshot items), oldest first; borrowed. Each
 * change below emits "changed" after the list's items-changed. */
GListModel *kw_board_get_snapshots         (KwBoard            *self);
KwSnapshot *kw_board_lookup_snapshot       (KwBoard            *self,
                                            const char         *name);
/* Inserts at position (G_MAXUINT appends). FALSE, changing nothing, when
 * a snapshot of that name is already on the board, or when the board
 * would have more than KW_SNAPSHOT_MAX_PER_BOARD snapshots or
 * KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD entries in them (the file format's
 * bounds). */
gboolean    kw_board_add_snapshot          (KwBoard            *self,
                                            KwSnapshot         *snapshot,
                                            guint               position);
/* Whether kw_board_add_snapshot() would take a snapshot of this many
 * entries now, names aside. */
gboolean    kw_board_has_room_for_snapshot (KwBoard            *self,
                                            guint               n_entries);
gboolean    kw_board_remove_snapshot       (KwBoard            *self,
                                            KwSnapshot         *snapshot);
/* FALSE, changing nothing, when the snapshot is not on the board, the
 * name is not valid (kw_snapshot_name_is_valid()) or another snapshot has
 * it. note may be NULL for "". */
gboolean    kw_board_rename_snapshot       (KwBoard            *self,
                                            KwSnapshot         *snapshot,
                                            const char         *name,
                                            const char         *note);

/* The board's participants (kw-participant-list.h); borrowed. Changes to
 * the list or to a participant emit "changed". Add participants to the
 * list directly; remove them with kw_board_remove_participant(), which
 * also removes their estimates from every finding. */
KwParticipantList *kw_board_get_participants  (KwBoard            *self);
gboolean    kw_board_remove_participant    (KwBoard            *self,
                                            KwParticipant      *participant);

G_END_DECLS
