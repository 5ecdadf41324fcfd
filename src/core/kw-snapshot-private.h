/* kw-snapshot-private.h: for the board (renaming, copying) and the file
 * loader only. The loader has validated every value it passes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-snapshot.h"

G_BEGIN_DECLS

/* Takes name, note and taken; thresholds are the defaults until set. */
KwSnapshot *_kw_snapshot_new_loading          (char               *name,
                                               char               *note,
                                               GDateTime          *taken);
void        _kw_snapshot_set_thresholds_loading (KwSnapshot       *self,
                                               const KwThresholds *thresholds);
void        _kw_snapshot_take_note_loading    (KwSnapshot         *self,
                                               char               *note);
/* Appends an entry with the id, title "" and no owner or dates; FALSE
 * (adding nothing) when the snapshot already has an entry of that id. */
gboolean    _kw_snapshot_add_entry_loading    (KwSnapshot         *self,
                                               const char         *id,
                                               KwStatus            status,
                                               gboolean            placed,
                                               double              impact,
                                               double              effort);
/* Sets a text of the last entry: KW_FINDING_TEXT_TITLE, _OWNER,
 * _DUE_DATE or _REVIEW_DATE. */
void        _kw_snapshot_set_entry_text_loading (KwSnapshot       *self,
                                               KwFindingText       which,
                                               const char         *text);

/* For kw_board_rename_snapshot(): cleaned, notified on change; TRUE when
 * anything changed. */
gboolean    _kw_snapshot_rename               (KwSnapshot         *self,
                                               const char         *name,
                                               const char         *note);
/* The same snapshot, for another board (kw_board_copy()). */
KwSnapshot *_kw_snapshot_copy                 (KwSnapshot         *self);

G_END_DECLS
