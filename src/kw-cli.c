/* kw-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kw-cli.h"
#include "kw-csv.h"
#include "kw-format.h"

void
kw_cli_add_options (GApplication *application)
{
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
      _("Check each board file and print how many findings it has per outcome"), NULL },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("Make a board from a CSV file of findings (needs --output)"), _("FINDINGS.csv") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      _("The board file to write"), _("BOARD.kwadrant") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      _("Show the version and quit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      NULL, _("[BOARD…]") },
    { NULL }
  };

  /* The usage line shows the G_OPTION_REMAINING entry's "[BOARD…]"; a
   * parameter string as well would show it twice. */
  g_application_add_main_option_entries (application, entries);
  g_application_set_option_context_summary (application,
    _("Sort improvement findings on an impact/effort matrix and turn them into an action plan."));
  g_application_set_option_context_description (application,
    _("Without options, the boards are opened in a window.\n"
      "--check exits with 0 when every board is valid, 1 when one is not and 2 for a usage error."));
}

static int
usage_error (const char *message)
{
  g_printerr ("%s\n", message);
  g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());

  return KW_CLI_EXIT_USAGE;
}

static gboolean
check_one (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;
  guint counts[KW_N_OUTCOMES];
  guint n;

  board = kw_format_load_file (file, NULL, &error);
  if (board == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  kw_board_count_outcomes (board, counts);
  n = kw_board_get_n_findings (board);

  /* The outcome ids stay in English: scripts read this line. */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%s: %u finding (quick-win %u, small-fix %u, long-term %u, future %u, drop %u, unplaced %u)\n",
                        "%s: %u findings (quick-win %u, small-fix %u, long-term %u, future %u, drop %u, unplaced %u)\n",
                        n),
           path, n,
           counts[KW_OUTCOME_QUICK_WIN], counts[KW_OUTCOME_SMALL_FIX],
           counts[KW_OUTCOME_LONG_TERM], counts[KW_OUTCOME_FUTURE],
           counts[KW_OUTCOME_DROP], counts[KW_OUTCOME_UNPLACED]);

  return TRUE;
}

static int
run_check (const char * const *paths)
{
  gboolean all_valid = TRUE;

  if (paths == NULL || paths[0] == NULL)
    return usage_error (_("--check needs at least one board file."));

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!check_one (paths[i]))
        all_valid = FALSE;
    }

  return all_valid ? KW_CLI_EXIT_OK : KW_CLI_EXIT_INVALID;
}

static char *
board_title_from_path (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';

  return g_filename_display_name (basename);
}

static int
run_import_csv (const char *csv_path,
                const char *output_path)
{
  g_autoptr(GFile) csv_file = g_file_new_for_commandline_arg (csv_path);
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autofree char *title = NULL;

  if (output_path == NULL)
    return usage_error (_("--import-csv needs --output BOARD.kwadrant."));

  board = kw_csv_import_file (csv_file, NULL, &error);
  if (board == NULL)
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  title = board_title_from_path (csv_path);
  kw_board_set_title (board, title);

  output_file = g_file_new_for_commandline_arg (output_path);
  if (!kw_format_save_file (board, output_file, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%s: %u finding imported\n",
                        "%s: %u findings imported\n",
                        kw_board_get_n_findings (board)),
           output_path, kw_board_get_n_findings (board));

  return KW_CLI_EXIT_OK;
}

int
kw_cli_handle_local_options (GApplication *application,
                             GVariantDict *options)
{
  g_autofree char *csv_path = NULL;
  g_autofree char *output_path = NULL;
  g_autofree const char **paths = NULL;
  gboolean check = FALSE;
  gboolean version = FALSE;

  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "import-csv", "^ay", &csv_path);
  g_variant_dict_lookup (options, "output", "^ay", &output_path);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);

  if (version)
    {
      g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
      return KW_CLI_EXIT_OK;
    }

  if (check && csv_path != NULL)
    return usage_error (_("--check and --import-csv cannot be used together."));

  if (check)
    return run_check (paths);

  if (csv_path != NULL)
    {
      if (paths != NULL && paths[0] != NULL)
        return usage_error (_("--import-csv takes one CSV file and --output; no other files."));
      return run_import_csv (csv_path, output_path);
    }

  if (output_path != NULL)
    return usage_error (_("--output only goes with --import-csv."));

  return -1;
}

GPtrArray *
kw_cli_get_files (GVariantDict *options,
                  const char   *cwd)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **paths = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths))
    return files;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg_and_cwd (paths[i], cwd));

  return files;
}
