/* kw-recent-boards.h: the boards opened or saved lately, newest first.
 *
 * A GListModel of GFile over GTK's recent files, holding only boards
 * (by MIME type or suffix) that can still be opened, at most
 * KW_RECENT_BOARDS_MAX. The application owns one that every window shows,
 * so the recent files list is read once per change, not once per window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KW_RECENT_BOARDS_MAX 8

#define KW_TYPE_RECENT_BOARDS (kw_recent_boards_get_type ())
G_DECLARE_FINAL_TYPE (KwRecentBoards, kw_recent_boards, KW, RECENT_BOARDS, GObject)

/* manager NULL: GTK's default. */
KwRecentBoards *kw_recent_boards_new    (GtkRecentManager *manager);
/* Records that file was opened or saved; the model follows. */
void            kw_recent_boards_add    (KwRecentBoards   *self,
                                         GFile            *file);
/* Takes file off the recent files (GTK's list, so for every program):
 * it did not open. */
void            kw_recent_boards_remove (KwRecentBoards   *self,
                                         GFile            *file);

G_END_DECLS
