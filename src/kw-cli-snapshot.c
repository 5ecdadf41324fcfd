/* kw-cli-snapshot.c: kwadrant --snapshot NAME BOARD, for scripts that take
 * a snapshot after each review meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-cli.h"
#include "kw-cli-snapshot.h"
#include "kw-format.h"
#include "kw-text.h"

static gboolean
query_file (GFile       *file,
            const char  *path,
            char       **etag,
            GError     **error)
{
  if (kw_cli_query_board_file (file, etag))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
               _("%s: the board is read-only (you do not have permission to change it), "
                 "so no snapshot was added"), path);

  return FALSE;
}

static gboolean
add_snapshot (KwBoard     *board,
              const char  *path,
              const char  *name,
              GError     **error)
{
  g_autoptr(KwSnapshot) snapshot = NULL;

  if (kw_board_is_from_newer_format (board))
    {
      g_set_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION,
                   _("%s: written by a newer version of Kwadrant (format version %u), which this version "
                     "opens read-only, so no snapshot was added"),
                   path, kw_board_get_format_version (board));
      return FALSE;
    }

  if (kw_board_lookup_snapshot (board, name) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s: the board already has a snapshot named “%s”; choose another name"), path, name);
      return FALSE;
    }
  snapshot = kw_snapshot_new_from_board (board, name, NULL, NULL);
  if (!kw_board_add_snapshot (board, snapshot, G_MAXUINT))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("%s: the board has no room for another snapshot (a board keeps at most %d snapshots, "
                     "with %d findings in them together); delete one first"),
                   path, KW_SNAPSHOT_MAX_PER_BOARD, KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD);
      return FALSE;
    }

  return TRUE;
}

int
kw_cli_run_snapshot (const char         *name,
                     const char * const *paths)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *clean_name = NULL;
  const char *path;

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    return kw_cli_usage_error (_("--snapshot takes a name and exactly one board file."));
  if (!kw_snapshot_name_is_valid (name))
    return kw_cli_usage_error (_("--snapshot needs a name that is not empty."));

  path = paths[0];
  file = g_file_new_for_commandline_arg (path);
  clean_name = kw_text_clean (name, TRUE);

  if (!query_file (file, path, &etag, &error) ||
      (board = kw_format_load_file (file, NULL, &error)) == NULL ||
      !add_snapshot (board, path, clean_name, &error) ||
      !kw_format_save_file (board, file, etag, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  g_print (_("%s: snapshot “%s” added\n"), path, clean_name);

  return KW_CLI_EXIT_OK;
}
