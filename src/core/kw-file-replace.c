/* kw-file-replace.c: replacing a board's file atomically.
 *
 * A save writes the whole board to a temporary file next to it, flushes it
 * to the disk and renames it over the board: rename is atomic, so the old
 * board is either fully there or fully replaced. GIO's g_file_replace()
 * falls back to truncating the old file in place when it cannot make a
 * temporary file (a read-only folder, a hard link), which could leave half
 * a board behind.
 *
 * When the process dies before the rename (killed, crashed, the power
 * went), the temporary file stays, several MB for a big board, and on a
 * nearly full USB stick it is what makes the next save fail. So each save
 * first removes the temporary files of saves that are no longer running.
 * "No longer running" is decided by a lock, not by age: the writer holds an
 * flock() on its temporary file from creation until after the rename, and
 * the kernel drops it when the process dies. A colleague's save in progress
 * on a shared folder holds its lock, so its file is left alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-file-replace"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kw-file-replace.h"
#include "kw-format.h"
#include "kw-i18n.h"

#define TEMP_SUFFIX ".saving"
#define TEMP_RANDOM_CHARS 6
#define MAX_ATTEMPTS 8

static void
set_error_from_errno (GError **error,
                      int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

static gboolean
lock_exclusive (int fd,
                int flags)
{
  int result;

  do
    result = flock (fd, LOCK_EX | flags);
  while (result != 0 && errno == EINTR);

  return result == 0;
}

int
kw_file_replace_open_temp (const char  *target,
                   char       **temp_path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);

  g_return_val_if_fail (temp_path != NULL, -1);

  for (guint attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
    {
      g_autofree char *temp_base = g_strdup_printf (".%s.XXXXXX" TEMP_SUFFIX, base);
      g_autofree char *temp = g_build_filename (dir, temp_base, NULL);
      struct stat st;
      int fd;

      fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          set_error_from_errno (error, errno);
          return -1;
        }

      /* Some file systems have no locks (a few FUSE and SMB mounts): the
       * save goes on without one. Cleaning up cannot lock the file there
       * either, so it never takes it for stale. */
      if (!lock_exclusive (fd, 0))
        g_debug ("Saving without a lock on %s: %s", temp, g_strerror (errno));

      if (fstat (fd, &st) != 0)
        {
          set_error_from_errno (error, errno);
          g_close (fd, NULL);
          g_unlink (temp);
          return -1;
        }

      /* Another save cleaning up found the file in the instant between
       * creating and locking it, and removed it: make another. */
      if (st.st_nlink == 0)
        {
          g_close (fd, NULL);
          continue;
        }

      *temp_path = g_steal_pointer (&temp);
      return fd;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                       g_strerror (EBUSY));
  return -1;
}

static gboolean
is_temp_name_of (const char *name,
                 const char *prefix)
{
  gsize length = strlen (name);

  return g_str_has_prefix (name, prefix) &&
         g_str_has_suffix (name, TEMP_SUFFIX) &&
         length == strlen (prefix) + TEMP_RANDOM_CHARS + strlen (TEMP_SUFFIX);
}

static gboolean
remove_if_stale (const char *path)
{
  struct stat opened, now;
  gboolean removed = FALSE;
  int fd;

  fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    return FALSE;

  /* Locked means a save is writing it. Otherwise it must still be the file
   * we opened: its save may have renamed it over the board and let go of
   * the lock in between, and that board must stay. */
  if (fstat (fd, &opened) == 0 && S_ISREG (opened.st_mode) &&
      lock_exclusive (fd, LOCK_NB) &&
      g_lstat (path, &now) == 0 &&
      now.st_dev == opened.st_dev && now.st_ino == opened.st_ino)
    removed = g_unlink (path) == 0;

  g_close (fd, NULL);
  return removed;
}

guint
kw_file_replace_remove_stale (const char *target)
{
  g_autofree char *dir_path = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_temp_name_of (name, prefix))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      if (remove_if_stale (path))
        {
          g_debug ("Removed %s, left by a save that did not finish", path);
          removed++;
        }
    }

  return removed;
}

/* --- Replacing the file ----------------------------------------------- */

static char *
query_etag (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

static const char *
strip_weak_prefix (const char *etag)
{
  return g_str_has_prefix (etag, "W/") ? etag + 2 : etag;
}

gboolean
kw_format_etags_match (const char *etag,
                       const char *other)
{
  if (etag == NULL || other == NULL)
    return etag == other;

  return g_str_equal (strip_weak_prefix (etag), strip_weak_prefix (other));
}

static gboolean
check_etag (GFile         *file,
            const char    *expected_etag,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *etag = NULL;

  if (expected_etag == NULL)
    return TRUE;

  etag = query_etag (file, cancellable, &local_error);
  if (etag == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;  /* removed meanwhile: nothing to overwrite */
  if (etag == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!kw_format_etags_match (etag, expected_etag))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                           _("the file was changed by another program since it was opened or last saved"));
      return FALSE;
    }

  return TRUE;
}

/* Where a save is, for its observer. */
typedef struct {
  KwFileReplaceObserver observer;
  gpointer              observer_data;
  gsize                 written;
  gsize                 total;
} Progress;

static void
progress_report (Progress           *progress,
                 KwFileReplaceStage  stage)
{
  if (progress->observer != NULL)
    progress->observer (stage, progress->written, progress->total, progress->observer_data);
}

/* Written in pieces of this size, each reported to the observer: a test
 * can stop a save with part of the board on disk. Larger pieces do not
 * write faster. */
#define WRITE_PIECE_SIZE (1024 * 1024)

static gboolean
write_all (int            fd,
           const guint8  *data,
           Progress      *progress,
           GError       **error)
{
  while (progress->written < progress->total)
    {
      gsize piece = MIN (progress->total - progress->written, WRITE_PIECE_SIZE);
      gssize n = write (fd, data + progress->written, piece);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_error_from_errno (error, errno);
          return FALSE;
        }
      progress->written += (gsize) n;
      progress_report (progress, progress->written < progress->total
                                 ? KW_FILE_REPLACE_WRITING : KW_FILE_REPLACE_WRITTEN);
    }

  if (progress->total == 0)
    progress_report (progress, KW_FILE_REPLACE_WRITTEN);
  return TRUE;
}

/* Keeps the permissions of the board being replaced: a board kept private
 * (0600) must not become readable by others because it was saved. */
static void
copy_mode (int         fd,
           const char *path)
{
  GStatBuf old;

  if (g_stat (path, &old) == 0 && fchmod (fd, old.st_mode & 07777) != 0)
    g_debug ("Could not keep the permissions of %s: %s", path, g_strerror (errno));
}

static char *
resolve_target_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  char *resolved;

  /* Saving through a symlink replaces the file it points to, and the link
   * stays a link. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) && (resolved = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (resolved);

      free (resolved);
      return copy;
    }

  return g_steal_pointer (&path);
}

/* Write a temporary file next to the target, flush it to disk, then rename
 * it over the target (see the top of this file). */
static gboolean
replace_local_file (GFile         *file,
                    GBytes        *bytes,
                    char         **new_etag,
                    Progress      *progress,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *target = resolve_target_path (file);
  g_autofree char *temp = NULL;
  const guint8 *data = g_bytes_get_data (bytes, &progress->total);
  int fd;

  /* Before writing: on a full disk, what a killed save left may be the
   * space this one needs. */
  kw_file_replace_remove_stale (target);

  fd = kw_file_replace_open_temp (target, &temp, error);
  if (fd < 0)
    return FALSE;
  progress_report (progress, KW_FILE_REPLACE_CREATED);

  copy_mode (fd, target);

  if (!write_all (fd, data, progress, error))
    goto fail;
  if (fsync (fd) != 0)
    {
      set_error_from_errno (error, errno);
      goto fail;
    }
  progress_report (progress, KW_FILE_REPLACE_FLUSHED);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;
  /* The board's etag to be: renaming keeps the file's modification time,
   * which the local etag is made of. Read from our own locked file, it can
   * never be the etag of someone else's save after ours. */
  if (new_etag != NULL)
    {
      g_autoptr(GFile) temp_file = g_file_new_for_path (temp);

      *new_etag = query_etag (temp_file, NULL, NULL);
    }
  if (g_rename (temp, target) != 0)
    {
      set_error_from_errno (error, errno);
      goto fail;
    }
  progress_report (progress, KW_FILE_REPLACE_RENAMED);

  /* Closed only now: the lock it holds tells other saves that the
   * temporary file is in use until it has become the board. fsync()
   * already reported any write error. */
  g_close (fd, NULL);
  return TRUE;

fail:
  if (fd >= 0)
    g_close (fd, NULL);
  g_unlink (temp);
  if (new_etag != NULL)
    g_clear_pointer (new_etag, g_free);
  return FALSE;
}

gboolean
kw_file_replace (GFile                  *file,
                 GBytes                 *bytes,
                 const char             *expected_etag,
                 char                  **new_etag,
                 KwFileReplaceObserver   observer,
                 gpointer                observer_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  Progress progress = { observer, observer_data, 0, 0 };
  gboolean saved;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  if (g_file_is_native (file))
    {
      saved = check_etag (file, expected_etag, cancellable, &local_error) &&
              replace_local_file (file, bytes, new_etag, &progress, cancellable, &local_error);
    }
  else
    {
      /* Other GIO backends (network shares) do their own safe replace.
       * The etag is compared here as well: Apache's WebDAV gives a file
       * saved less than a second ago a weak etag, which the backend's
       * If-Match never accepts, so every second save would look like
       * someone else's change. A strong etag the backend checks again,
       * right before it writes. */
      const char *backend_etag = expected_etag != NULL && g_str_has_prefix (expected_etag, "W/")
                                 ? NULL : expected_etag;

      /* The backend says the new etag when the server does. */
      saved = check_etag (file, expected_etag, cancellable, &local_error) &&
              g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       backend_etag, FALSE, G_FILE_CREATE_NONE, new_etag,
                                       cancellable, &local_error);
    }

  /* Otherwise asked after the save: a colleague's save in between would
   * pass for ours (a server that names no etag leaves no better way). */
  if (saved && new_etag != NULL && *new_etag == NULL)
    *new_etag = query_etag (file, cancellable, NULL);

  if (!saved)
    {
      display_name = g_file_get_parse_name (file);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not save the board as %s: "), display_name);
    }

  return saved;
}

