/* kw-snapshot.h: a board's state at one moment, kept in the board file so
 * that a later visit can see what moved since.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kw-finding.h"
#include "kw-outcome.h"

G_BEGIN_DECLS

typedef struct _KwBoard KwBoard;

/* A board keeps at most this many snapshots, with at most this many
 * entries (findings) in all of them together: the same bounds the file
 * format puts on untrusted files, so every board the model allows can be
 * saved and read back. A board of 1,000 findings keeps 250 snapshots, one
 * of 250 findings all 1,000; the entries cost some 40 MB at most. */
#define KW_SNAPSHOT_MAX_PER_BOARD 1000
#define KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD 250000

typedef struct {            /* one finding as it was */
  char     *id;             /* the finding's id */
  char     *title;          /* so a removed finding can still be named */
  gboolean  placed;
  double    impact, effort; /* meaningful when placed */
  KwStatus  status;
  char     *owner, *due, *review;   /* "" when not set; due/review ISO dates */
} KwSnapshotEntry;

#define KW_TYPE_SNAPSHOT (kw_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (KwSnapshot, kw_snapshot, KW, SNAPSHOT, GObject)

/* Every finding of the board as it is now, and its thresholds. name is
 * cleaned to one line and must not be empty after that; note may be NULL;
 * taken NULL means now. A snapshot never changes afterwards, but for its
 * name and note (kw_board_rename_snapshot()). */
KwSnapshot            *kw_snapshot_new_from_board (KwBoard     *board,
                                                   const char  *name,
                                                   const char  *note,
                                                   GDateTime   *taken);
/* TRUE when name is a usable snapshot name: not empty once cleaned to
 * one line (kw_text_clean()). */
gboolean               kw_snapshot_name_is_valid  (const char  *name);

const char            *kw_snapshot_get_name       (KwSnapshot  *self);   /* property "name" */
const char            *kw_snapshot_get_note       (KwSnapshot  *self);   /* property "note" */
GDateTime             *kw_snapshot_get_taken      (KwSnapshot  *self);   /* UTC */
void                   kw_snapshot_get_thresholds (KwSnapshot   *self,
                                                   KwThresholds *thresholds);
guint                  kw_snapshot_get_n_entries  (KwSnapshot  *self);
/* In the board's order of findings at the time; borrowed, valid as long
 * as the snapshot. */
const KwSnapshotEntry *kw_snapshot_get_entry      (KwSnapshot  *self,
                                                   guint        i);
/* NULL when the finding was not on the board then. */
const KwSnapshotEntry *kw_snapshot_lookup         (KwSnapshot  *self,
                                                   const char  *finding_id);

/* The name a new snapshot gets unless the user gives one: the day it was
 * taken (in local time, as the UI writes dates) and the board's title,
 * "4-12-2026 · Klantcontact 2027" in Dutch; with " (2)", " (3)"… added
 * when the board already has a snapshot of that name. */
char                  *kw_snapshot_default_name   (KwBoard     *board,
                                                   GDateTime   *taken);

G_END_DECLS
