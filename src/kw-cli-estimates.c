/* kw-cli-estimates.c: kwadrant --import-estimates ESTIMATES.csv BOARD, for
 * estimates collected in spreadsheets before or after a workshop.
 *
 * All or nothing: the plan of KwEstimatesImport is checked whole before
 * the board is changed, and the board is saved over its file atomically
 * (kw_format_save_file()) only when every row of every file can be
 * imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-cli.h"
#include "kw-cli-estimates.h"
#include "kw-estimates-import.h"
#include "kw-format.h"

static KwBoard *
load_board (GFile       *file,
            const char  *path,
            char       **etag,
            GError     **error)
{
  g_autoptr(KwBoard) board = NULL;

  if (!kw_cli_query_board_file (file, etag))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("%s: the board is read-only (you do not have permission to change it), "
                     "so no estimates were imported"), path);
      return NULL;
    }

  board = kw_format_load_file (file, NULL, error);
  if (board == NULL)
    return NULL;

  if (kw_board_is_from_newer_format (board))
    {
      g_set_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION,
                   _("%s: written by a newer version of Kwadrant (format version %u), which this version "
                     "opens read-only, so no estimates were imported"),
                   path, kw_board_get_format_version (board));
      return NULL;
    }

  return g_steal_pointer (&board);
}

/* Every problem, each on a line of its own with its file and row, then
 * what it means for the board. */
static void
print_problems (KwEstimatesImport *import,
                const char        *path)
{
  guint n_problems = kw_estimates_import_get_n_problems (import);

  for (guint i = 0; i < n_problems; i++)
    g_printerr ("%s\n", kw_estimates_import_get_problem (import, i)->message);

  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "%s: no estimates were imported because of the problem above\n",
                           "%s: no estimates were imported because of the %u problems above\n",
                           n_problems),
              path, n_problems);
}

static gboolean
add_files (KwEstimatesImport   *import,
           const char * const  *csv_paths,
           GError             **error)
{
  for (guint i = 0; csv_paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (csv_paths[i]);

      if (!kw_estimates_import_add_file (import, file, NULL, error))
        return FALSE;
    }

  return TRUE;
}

int
kw_cli_run_import_estimates (const char * const *csv_paths,
                             const char * const *paths)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwEstimatesImport) import = NULL;
  g_autoptr(KwHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *estimates = NULL;
  g_autofree char *participants = NULL;
  const char *path;
  guint n_new;
  guint n_set;

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    return kw_cli_usage_error (_("--import-estimates takes CSV files and exactly one board file."));

  path = paths[0];
  file = g_file_new_for_commandline_arg (path);
  board = load_board (file, path, &etag, &error);
  if (board == NULL)
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  import = kw_estimates_import_new (board);
  if (!add_files (import, csv_paths, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("%s: no estimates were imported\n"), path);
      return KW_CLI_EXIT_INVALID;
    }

  if (kw_estimates_import_get_n_problems (import) > 0)
    {
      print_problems (import, path);
      return KW_CLI_EXIT_INVALID;
    }

  n_new = kw_estimates_import_get_n_new_participants (import);
  history = kw_history_new (board);
  n_set = kw_estimates_import_apply (import, history);
  if (n_set == 0)
    {
      g_print (_("%s: the files hold no estimates; the board was left as it was\n"), path);
      return KW_CLI_EXIT_OK;
    }

  if (!kw_format_save_file (board, file, etag, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  estimates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u estimate imported", "%u estimates imported", n_set),
                               n_set);
  participants = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new participant", "%u new participants", n_new),
                                  n_new);
  /* TRANSLATORS: the board file, then "12 estimates imported" and
   * "2 new participants". */
  g_print (_("%s: %s, %s\n"), path, estimates, participants);

  return KW_CLI_EXIT_OK;
}
