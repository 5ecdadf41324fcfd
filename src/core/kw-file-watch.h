/* kw-file-watch.h: notices when the file of an open board changes on disk.
 *
 * The watch knows the etag the board was read or written with, and
 * compares it with the file's etag on disk whenever its GFileMonitor
 * reports an event, and whenever it is asked to (the window gaining
 * focus). Events alone decide nothing: our own save also causes them,
 * but leaves an etag the watch is told about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  KW_FILE_STATE_UNCHANGED,  /* the etag on disk is the one we know */
  KW_FILE_STATE_CHANGED,    /* someone else wrote the file */
  KW_FILE_STATE_GONE,       /* deleted or moved away */
} KwFileState;

#define KW_TYPE_FILE_STATE (kw_file_state_get_type ())
GType kw_file_state_get_type (void) G_GNUC_CONST;

#define KW_TYPE_FILE_WATCH (kw_file_watch_get_type ())
G_DECLARE_FINAL_TYPE (KwFileWatch, kw_file_watch, KW, FILE_WATCH, GObject)

/* Properties:
 *   "file"       GFile*       construct-only
 *   "etag"       char*        the etag we read or wrote, NULL if unknown
 *   "state"      KwFileState  as last checked
 *   "disk-etag"  char*        the etag last seen on disk (NULL when gone)
 *
 * Signals:
 *   "changed"    the file on disk differs from the last check: another
 *                save, a deletion, or back to what we know. Emitted once
 *                for each new state seen, not for every event.
 */

KwFileWatch *kw_file_watch_new            (GFile       *file,
                                           const char  *etag);
GFile       *kw_file_watch_get_file       (KwFileWatch *self);
const char  *kw_file_watch_get_etag       (KwFileWatch *self);
/* After our own save: the file now has this etag; checks again. */
void         kw_file_watch_set_etag       (KwFileWatch *self,
                                           const char  *etag);
KwFileState  kw_file_watch_get_state      (KwFileWatch *self);
const char  *kw_file_watch_get_disk_etag  (KwFileWatch *self);
/* Queries the etag on disk now (asynchronously), e.g. on window focus:
 * on remote locations a monitor may not be there or may be slow. */
void         kw_file_watch_check          (KwFileWatch *self);
/* While our own save writes the file, events are held back, so the
 * half-written state is never compared; resume checks again. */
void         kw_file_watch_pause          (KwFileWatch *self);
void         kw_file_watch_resume         (KwFileWatch *self);
/* TRUE while a check is under way or waiting to run (for tests). */
gboolean     kw_file_watch_is_checking    (KwFileWatch *self);

G_END_DECLS
