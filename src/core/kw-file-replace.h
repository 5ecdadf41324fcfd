/* kw-file-replace.h: replacing a board's file atomically, and cleaning up
 * after saves that were killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The stages of replacing a local file, in order. A process killed at any
 * of them leaves the old file or the new one, whole: before RENAMED the old
 * one (and a temporary file that the next save removes), from RENAMED on
 * the new one. */
typedef enum {
  KW_FILE_REPLACE_CREATED,  /* the temporary file exists, empty and locked */
  KW_FILE_REPLACE_WRITING,  /* part of the data is in it; after each piece but the last */
  KW_FILE_REPLACE_WRITTEN,  /* all the data is in it, perhaps only in the page cache */
  KW_FILE_REPLACE_FLUSHED,  /* fsync() returned: the data is on the disk */
  KW_FILE_REPLACE_RENAMED,  /* renamed over the target, which is now the new file */
} KwFileReplaceStage;

/* Told each stage as it is reached, in the saving thread, with how many of
 * the total bytes are in the temporary file. It may block (a test holds
 * the save there to kill it at that very stage); the save goes on when it
 * returns. Local files only: a network share's backend replaces the file
 * its own way and reports nothing. */
typedef void (*KwFileReplaceObserver) (KwFileReplaceStage stage,
                                       gsize              written,
                                       gsize              total,
                                       gpointer           user_data);

/* Replaces file with contents: a temporary file next to it, written,
 * flushed and renamed over it. When expected_etag is set and the file on
 * disk has another one, nothing is written (G_IO_ERROR_WRONG_ETAG).
 * new_etag (may be NULL) receives the etag of what was written. observer
 * (may be NULL) is told each stage. */
gboolean kw_file_replace (GFile                  *file,
                          GBytes                 *contents,
                          const char             *expected_etag,
                          char                  **new_etag,
                          KwFileReplaceObserver   observer,
                          gpointer                observer_data,
                          GCancellable           *cancellable,
                          GError                **error);

/* Creates ".NAME.XXXXXX.saving" next to target and returns its descriptor,
 * locked for as long as it stays open: close it only after the rename.
 * temp_path receives the file's path. */
int   kw_file_replace_open_temp    (const char  *target,
                                    char       **temp_path,
                                    GError     **error);

/* Removes the temporary files of target that no live save holds: those of
 * a save that was killed, crashed or lost its power. Returns how many. */
guint kw_file_replace_remove_stale (const char *target);

G_END_DECLS
