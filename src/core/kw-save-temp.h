/* kw-save-temp.h: the temporary file a save writes before renaming it over
 * the board, and the ones killed saves left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates ".NAME.XXXXXX.saving" next to target and returns its descriptor,
 * locked for as long as it stays open: close it only after the rename.
 * temp_path receives the file's path. */
int  kw_save_temp_open         (const char  *target,
                                char       **temp_path,
                                GError     **error);

/* Removes the temporary files of target that no live save holds: those of
 * a save that was killed, crashed or lost its power. Returns how many. */
guint kw_save_temp_remove_stale (const char *target);

G_END_DECLS
