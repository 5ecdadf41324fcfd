/* kw-draft.h: what is known about one autosaved draft of a board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KW_TYPE_DRAFT (kw_draft_get_type ())
G_DECLARE_FINAL_TYPE (KwDraft, kw_draft, KW, DRAFT, GObject)

/* A KwDraft is immutable: the store (see kw-draft-store.h) makes one for
 * each draft it lists. Read-only properties "id", "title", "file",
 * "etag", "written" and "pid". */

const char *kw_draft_get_id          (KwDraft    *self);
/* The board's own title; "" when it has none. */
const char *kw_draft_get_title       (KwDraft    *self);
/* The file the board was opened from or saved to; NULL when untitled. */
GFile      *kw_draft_get_file        (KwDraft    *self);
/* The etag of that file as the board last read or wrote it, or NULL. */
const char *kw_draft_get_etag        (KwDraft    *self);
/* When the draft was written, in local time. */
GDateTime  *kw_draft_get_written     (KwDraft    *self);
/* The process that wrote it. */
guint       kw_draft_get_pid         (KwDraft    *self);

/* A translated name for the draft: its title, else its file's name,
 * else "Untitled board". */
char       *kw_draft_dup_display_name (KwDraft  *self);

/* "today 14:32", "yesterday 09:05", "Monday 14:32", "3 March 14:32" or
 * "3 March 2025 14:32", as seen from now (translated, in local time). */
char       *kw_draft_format_time     (GDateTime  *time,
                                      GDateTime  *now);

G_END_DECLS
