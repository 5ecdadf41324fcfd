/* kw-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kw-changes.h"
#include "kw-cli.h"
#include "kw-cli-estimates.h"
#include "kw-cli-snapshot.h"
#include "kw-csv.h"
#include "kw-export-csv.h"
#include "kw-export-xlsx.h"
#include "kw-export-ics.h"
#include "kw-export-html.h"
#include "kw-export-pdf.h"
#include "kw-export-svg.h"
#include "kw-follow-up.h"
#include "kw-format.h"
#include "kw-matrix-render.h"
#include "kw-plan-text.h"

/* The image's size when --size is not given: a 4:3 slide. */
#define DEFAULT_IMAGE_WIDTH 1600
#define DEFAULT_IMAGE_HEIGHT 1200
#define MAX_IMAGE_SIDE 10000
#define MIN_IMAGE_SIDE 100

void
kw_cli_add_options (GApplication *application)
{
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
      _("Check each board file and print how many findings it has per outcome"), NULL },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("Make a board from a CSV file of findings (needs --output)"), _("FINDINGS.csv") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      _("The board file to write"), _("BOARD.kwadrant") },
    { "export-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("Write the board's action plan as one HTML file"), _("PLAN.html") },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("Write the board's findings and their outcome as CSV"), _("FINDINGS.csv") },
    { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("Write the board's findings and their outcome as an Excel workbook"), _("FINDINGS.xlsx") },
    { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("Write the due dates and review dates of what is not done yet as an iCalendar file"),
      _("FOLLOW-UP.ics") },
    { "export-image", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("Write the matrix as an SVG or PNG image (by the file's extension)"), _("MATRIX.svg|MATRIX.png") },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("Write the board's action plan as a PDF"), _("PLAN.pdf") },
    { "import-estimates", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      _("Add participants' estimates from a CSV file to the board and save it (repeat for more files)"),
      _("ESTIMATES.csv") },
    { "snapshot", 0, 0, G_OPTION_ARG_STRING, NULL,
      _("Add a snapshot of the board as it is now, named NAME, and save the board"), _("NAME") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
      _("The language of the exports: nl or en (default: the language of the desktop)"), _("LANGUAGE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
      _("The size of the exported image in pixels (default: 1600x1200)"), _("WIDTHxHEIGHT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
      _("The paper of the exported PDF: a4 or letter (default: a4)"), _("PAPER") },
    { "csv-separator", 0, 0, G_OPTION_ARG_STRING, NULL,
      _("Separate the exported CSV cells with comma or semicolon (default: semicolon in Dutch, comma in English)"),
      _("SEPARATOR") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, NULL,
      _("Start the exported CSV with a byte order mark, for Excel"), NULL },
    { "changes", 0, 0, G_OPTION_ARG_NONE, NULL,
      _("Print what changed on the board since its latest snapshot, one line per change: "
        "kind, finding id, before, after and title, separated by tabs"), NULL },
    { "since", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      _("With --changes, --export-plan or --export-pdf: the snapshot to compare with, by name"), _("NAME") },
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
  description = g_strconcat (
    _("Without options, the boards are opened in a window.\n"
      "--check exits with 0 when every board is valid, 1 when one is not and 2 for a usage error.\n"
      "The --export options take one board and exit with 0 when every file was written, "
      "1 when the board cannot be read or a file cannot be written and 2 for a usage error."),
    "\n",
    _("--changes takes one board and exits with 0 when it printed the changes (no line when "
      "nothing changed), 1 when the board cannot be read or has no such snapshot and 2 for a usage error."),
    "\n",
    _("With --since, the action plan of --export-plan and --export-pdf gets a section of the changes "
      "since that snapshot, and its matrix shows where the findings were; a board without a snapshot "
      "of that name exits with 1."),
    "\n",
    _("--import-estimates takes one board: each CSV file holds one participant's estimates (named by "
      "the file) or has a participant column, with the columns id or title, impact and effort. It exits "
      "with 0 when the board was saved with the estimates, 1 when a file cannot be read or a row has a "
      "problem (every problem is printed with its file and row, and the board is left as it was) and 2 "
      "for a usage error."),
    NULL);
  g_application_set_option_context_description (application, description);
}

static int
usage_error (const char *message)
{
  g_printerr ("%s\n", message);
  g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());

  return KW_CLI_EXIT_USAGE;
}

int
kw_cli_usage_error (const char *message)
{
  return usage_error (message);
}

gboolean
kw_cli_query_board_file (GFile  *file,
                         char  **etag)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return TRUE;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    return FALSE;

  *etag = g_strdup (g_file_info_get_etag (info));

  return TRUE;
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

  /* Valid, but not for saving: on stderr, so the line above stays the one
   * line per board that scripts read. */
  if (kw_board_is_from_newer_format (board))
    g_printerr (_("%s: written by a newer version of Kwadrant (format version %u); "
                  "this version opens it read-only\n"),
                path, kw_board_get_format_version (board));

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

/* The snapshot --changes compares with: the one named, or the latest
 * (the list is oldest first); the plan exports' --since, by name only.
 * A new reference, or NULL after a message. */
static KwSnapshot *
changes_snapshot (KwBoard    *board,
                  const char *path,
                  const char *since)
{
  GListModel *snapshots = kw_board_get_snapshots (board);
  guint n = g_list_model_get_n_items (snapshots);
  KwSnapshot *named;

  if (since == NULL && n == 0)
    {
      g_printerr (_("%s: the board has no snapshots to compare with\n"), path);
      return NULL;
    }
  if (since == NULL)
    return g_list_model_get_item (snapshots, n - 1);

  /* Names are UTF-8 in the file: a script under LC_ALL=C passes them as
   * they are, which GOption's string conversion would refuse. */
  if (g_utf8_validate (since, -1, NULL))
    named = kw_board_lookup_snapshot (board, since);
  else
    {
      g_autofree char *utf8 = g_locale_to_utf8 (since, -1, NULL, NULL, NULL);

      named = utf8 != NULL ? kw_board_lookup_snapshot (board, utf8) : NULL;
    }
  if (named == NULL)
    {
      g_printerr (_("%s: the board has no snapshot called “%s”\n"), path, since);
      return NULL;
    }

  return g_object_ref (named);
}

/* One line per change, in UTF-8 whatever the locale, as scripts read it. */
static int
run_changes (const char * const *paths,
             const char         *since)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwChanges) changes = NULL;
  g_autoptr(KwSnapshot) snapshot = NULL;

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    return usage_error (_("--changes takes exactly one board file."));

  file = g_file_new_for_commandline_arg (paths[0]);
  board = kw_format_load_file (file, NULL, &error);
  if (board == NULL)
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  snapshot = changes_snapshot (board, paths[0], since);
  if (snapshot == NULL)
    return KW_CLI_EXIT_INVALID;

  changes = kw_changes_new (snapshot, board);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (changes)); i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (G_LIST_MODEL (changes), i);
      g_autofree char *line = kw_change_format_line (change);

      fputs (line, stdout);
      fputc ('\n', stdout);
    }

  return fflush (stdout) == 0 ? KW_CLI_EXIT_OK : KW_CLI_EXIT_INVALID;
}

/* From the GFile, not the argument as typed: a URI such as
 * sftp://host/my%20findings.csv names the file "my findings.csv". */
static char *
board_title_from_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  char *dot;

  if (basename == NULL)
    return g_strdup ("");

  dot = strrchr (basename, '.');

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
  g_autofree char *today = NULL;

  if (output_path == NULL)
    return usage_error (_("--import-csv needs --output BOARD.kwadrant."));

  board = kw_csv_import_file (csv_file, NULL, &error);
  if (board == NULL)
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  title = board_title_from_file (csv_file);
  kw_board_set_title (board, title);
  /* As findings placed in the app get theirs: the future list and the
   * small fixes come back for review. */
  today = kw_follow_up_today_iso (NULL);
  kw_follow_up_give_review_dates (board, today);

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

/* The export options, as given. */
typedef struct
{
  char     *plan_path;
  char     *csv_path;
  char     *xlsx_path;
  char     *ics_path;
  char     *image_path;
  char     *pdf_path;
  char     *lang;
  char     *size;
  char     *paper;
  char     *separator;
  gboolean  bom;
  char     *since;       /* the plan's and the PDF's snapshot, by name */
} ExportOptions;

static void
export_options_clear (ExportOptions *self)
{
  g_clear_pointer (&self->plan_path, g_free);
  g_clear_pointer (&self->csv_path, g_free);
  g_clear_pointer (&self->xlsx_path, g_free);
  g_clear_pointer (&self->ics_path, g_free);
  g_clear_pointer (&self->image_path, g_free);
  g_clear_pointer (&self->pdf_path, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->size, g_free);
  g_clear_pointer (&self->paper, g_free);
  g_clear_pointer (&self->separator, g_free);
  g_clear_pointer (&self->since, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

static void
export_options_lookup (ExportOptions *self,
                       GVariantDict  *options)
{
  g_variant_dict_lookup (options, "export-plan", "^ay", &self->plan_path);
  g_variant_dict_lookup (options, "export-csv", "^ay", &self->csv_path);
  g_variant_dict_lookup (options, "export-xlsx", "^ay", &self->xlsx_path);
  g_variant_dict_lookup (options, "export-ics", "^ay", &self->ics_path);
  g_variant_dict_lookup (options, "export-image", "^ay", &self->image_path);
  g_variant_dict_lookup (options, "export-pdf", "^ay", &self->pdf_path);
  g_variant_dict_lookup (options, "lang", "s", &self->lang);
  g_variant_dict_lookup (options, "size", "s", &self->size);
  g_variant_dict_lookup (options, "paper", "s", &self->paper);
  g_variant_dict_lookup (options, "csv-separator", "s", &self->separator);
  g_variant_dict_lookup (options, "bom", "b", &self->bom);
  g_variant_dict_lookup (options, "since", "^ay", &self->since);
}

static gboolean
export_options_any_export (const ExportOptions *self)
{
  return self->plan_path != NULL || self->csv_path != NULL || self->xlsx_path != NULL ||
         self->ics_path != NULL || self->image_path != NULL || self->pdf_path != NULL;
}

static gboolean
export_options_any_setting (const ExportOptions *self)
{
  return self->lang != NULL || self->size != NULL || self->paper != NULL ||
         self->separator != NULL || self->bom;
}

/* "1600x1200" (or with "×"); each side from 100 to 10,000 pixels. */
static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    {
      *width = DEFAULT_IMAGE_WIDTH;
      *height = DEFAULT_IMAGE_HEIGHT;
      return TRUE;
    }

  parts = g_regex_split_simple ("x|X|×", text, 0, 0);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, MIN_IMAGE_SIDE, MAX_IMAGE_SIDE, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, MIN_IMAGE_SIDE, MAX_IMAGE_SIDE, &h, NULL))
    return FALSE;

  *width = (int) w;
  *height = (int) h;

  return TRUE;
}

static gboolean
parse_separator (const char *text,
                 char       *separator)
{
  if (text == NULL)
    *separator = '\0';
  else if (g_str_equal (text, ",") || g_ascii_strcasecmp (text, "comma") == 0)
    *separator = ',';
  else if (g_str_equal (text, ";") || g_ascii_strcasecmp (text, "semicolon") == 0)
    *separator = ';';
  else
    return FALSE;

  return TRUE;
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

static gboolean
report_written (const char *path,
                gboolean    written,
                GError     *error)
{
  if (!written)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  g_print (_("%s: written\n"), path);

  return TRUE;
}

static gboolean
export_image (KwBoard             *board,
              const ExportOptions *options,
              int                  width,
              int                  height)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->image_path);
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (has_suffix (options->image_path, ".png"))
    written = kw_matrix_render_png_file (board, options->lang, width, height, file, &error);
  else
    written = kw_export_svg_file (board, options->lang, width, height, file, &error);

  return report_written (options->image_path, written, error);
}

static gboolean
export_all (KwBoard             *board,
            KwSnapshot          *since,
            const ExportOptions *options,
            int                  width,
            int                  height,
            KwPaper              paper,
            char                 separator)
{
  gboolean all_written = TRUE;

  if (options->plan_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->plan_path);
      g_autoptr(GError) error = NULL;
      KwExportHtmlOptions html = { options->lang, NULL, since };

      gboolean written = kw_export_html_file (board, &html, file, &error);

      all_written &= report_written (options->plan_path, written, error);
    }

  if (options->csv_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->csv_path);
      g_autoptr(GError) error = NULL;
      KwExportCsvOptions csv = { options->lang, separator, options->bom };

      gboolean written = kw_export_csv_file (board, &csv, file, &error);

      all_written &= report_written (options->csv_path, written, error);
    }

  if (options->xlsx_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->xlsx_path);
      g_autoptr(GError) error = NULL;

      gboolean written = kw_export_xlsx_file (board, options->lang, file, &error);

      all_written &= report_written (options->xlsx_path, written, error);
    }

  if (options->ics_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->ics_path);
      g_autoptr(GError) error = NULL;
      KwExportIcsOptions ics = { options->lang, NULL };

      gboolean written = kw_export_ics_file (board, &ics, file, &error);

      all_written &= report_written (options->ics_path, written, error);
    }

  if (options->image_path != NULL)
    all_written &= export_image (board, options, width, height);

  if (options->pdf_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->pdf_path);
      g_autoptr(GError) error = NULL;

      gboolean written = kw_export_pdf_file (board, options->lang, since, paper, file, &error);

      all_written &= report_written (options->pdf_path, written, error);
    }

  return all_written;
}

static int
run_export (const ExportOptions *options,
            const char * const  *paths)
{
  g_autoptr(GFile) board_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwSnapshot) since = NULL;
  KwPaper paper = KW_PAPER_A4;
  char separator;
  int width, height;

  if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
    return usage_error (_("The --export options take exactly one board file."));
  if (options->lang != NULL && !kw_plan_language_is_known (options->lang))
    return usage_error (_("--lang takes nl (Dutch) or en (English)."));
  if (options->image_path != NULL &&
      !has_suffix (options->image_path, ".svg") && !has_suffix (options->image_path, ".png"))
    return usage_error (_("--export-image writes a file ending in .svg or .png."));
  if (options->size != NULL && options->image_path == NULL)
    return usage_error (_("--size only goes with --export-image."));
  if (!parse_size (options->size, &width, &height))
    return usage_error (_("--size takes the width and height in pixels, from 100 to 10000, like 1600x1200."));
  if (options->paper != NULL && options->pdf_path == NULL)
    return usage_error (_("--paper only goes with --export-pdf."));
  if (options->paper != NULL && !kw_paper_from_name (options->paper, &paper))
    return usage_error (_("--paper takes a4 or letter."));
  if ((options->separator != NULL || options->bom) && options->csv_path == NULL)
    return usage_error (_("--csv-separator and --bom only go with --export-csv."));
  if (!parse_separator (options->separator, &separator))
    return usage_error (_("--csv-separator takes comma or semicolon."));

  /* Never another language than the one asked for: from a build tree,
   * say, where the Dutch catalog is not installed. */
  if (options->lang != NULL && !kw_plan_language_load (options->lang, &error))
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  board_file = g_file_new_for_commandline_arg (paths[0]);
  board = kw_format_load_file (board_file, NULL, &error);
  if (board == NULL)
    {
      g_printerr ("%s\n", error->message);
      return KW_CLI_EXIT_INVALID;
    }

  /* Named as for --changes, with the same message; nothing is written
   * when the name is wrong. */
  if (options->since != NULL && (since = changes_snapshot (board, paths[0], options->since)) == NULL)
    return KW_CLI_EXIT_INVALID;

  return export_all (board, since, options, width, height, paper, separator)
         ? KW_CLI_EXIT_OK : KW_CLI_EXIT_INVALID;
}

int
kw_cli_handle_local_options (GApplication *application,
                             GVariantDict *options)
{
  g_autofree char *csv_path = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *snapshot_name = NULL;
  g_autofree const char **paths = NULL;
  g_autofree const char **estimates = NULL;
  g_autofree char *since = NULL;
  g_auto(ExportOptions) export = { 0 };
  gboolean check = FALSE;
  gboolean changes = FALSE;
  gboolean version = FALSE;

  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "changes", "b", &changes);
  g_variant_dict_lookup (options, "since", "^ay", &since);
  g_variant_dict_lookup (options, "import-csv", "^ay", &csv_path);
  g_variant_dict_lookup (options, "output", "^ay", &output_path);
  g_variant_dict_lookup (options, "snapshot", "s", &snapshot_name);
  g_variant_dict_lookup (options, "import-estimates", "^a&ay", &estimates);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
  export_options_lookup (&export, options);

  if (version)
    {
      g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
      return KW_CLI_EXIT_OK;
    }

  if (estimates != NULL && (check || changes || since != NULL || csv_path != NULL || snapshot_name != NULL ||
                            output_path != NULL || export_options_any_export (&export) ||
                            export_options_any_setting (&export)))
    return usage_error (_("--import-estimates cannot be used with other options."));
  if (estimates != NULL)
    return kw_cli_run_import_estimates (estimates, paths);

  if (snapshot_name != NULL && (check || changes || since != NULL || csv_path != NULL ||
                                output_path != NULL || export_options_any_export (&export) ||
                                export_options_any_setting (&export)))
    return usage_error (_("--snapshot cannot be used with other options."));
  if (snapshot_name != NULL)
    return kw_cli_run_snapshot (snapshot_name, paths);

  if (check && csv_path != NULL)
    return usage_error (_("--check and --import-csv cannot be used together."));

  if (changes && (check || csv_path != NULL || output_path != NULL ||
                  export_options_any_export (&export) || export_options_any_setting (&export)))
    return usage_error (_("--changes cannot be used with --check, --import-csv, --output or the --export options."));

  if (changes)
    return run_changes (paths, since);

  if (since != NULL && export.plan_path == NULL && export.pdf_path == NULL)
    return usage_error (_("--since only goes with --changes, --export-plan or --export-pdf."));

  if (export_options_any_export (&export) && (check || csv_path != NULL || output_path != NULL))
    return usage_error (_("The --export options cannot be used with --check, --import-csv or --output."));

  if (export_options_any_export (&export))
    return run_export (&export, paths);

  if (export_options_any_setting (&export))
    return usage_error (_("--lang, --size, --paper, --csv-separator and --bom only go with an --export option."));

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
