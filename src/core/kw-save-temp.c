/* kw-save-temp.c: temporary files of saves, and cleaning up after killed
 * ones.
 *
 * A save writes the whole board to a temporary file next to it and renames
 * that over the board. When the process dies before the rename (killed,
 * crashed, the power went), the temporary file stays, several MB for a big
 * board, and on a nearly full USB stick it is what makes the next save fail.
 * So each save first removes the temporary files of saves that are no
 * longer running.
 *
 * "No longer running" is decided by a lock, not by age: the writer holds an
 * flock() on its temporary file from creation until after the rename, and
 * the kernel drops it when the process dies. A colleague's save in progress
 * on a shared folder holds its lock, so its file is left alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kw-save-temp.h"

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
kw_save_temp_open (const char  *target,
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
kw_save_temp_remove_stale (const char *target)
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
