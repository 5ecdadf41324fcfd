/* make-estimates-exports.c: writes the exports of the board of
 * kw-estimates-board.c, through the core's own exporters, for the tests
 * that read them with readers nobody here wrote (test-plan-estimates.py:
 * pdftotext, pdftoppm, Python's HTML parser; test-export-xlsx: openpyxl):
 *
 *   make-estimates-exports DIR
 *
 * writes DIR/estimates-LANG.{html,pdf,csv,xlsx} for LANG en and nl, the
 * CSV with "," in English and ";" in Dutch. The translations are read
 * from $KWADRANT_LOCALEDIR, as kwadrant's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>

#include "kw-estimates-board.h"
#include "kw-export-csv.h"
#include "kw-export-html.h"
#include "kw-export-pdf.h"
#include "kw-export-xlsx.h"
#include "kw-plan-text.h"

static GFile *
output (const char *dir,
        const char *lang,
        const char *extension)
{
  g_autofree char *name = g_strdup_printf ("estimates-%s.%s", lang, extension);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
write_exports (KwBoard     *board,
               const char  *dir,
               const char  *lang,
               GError     **error)
{
  g_autoptr(GFile) html = output (dir, lang, "html");
  g_autoptr(GFile) pdf = output (dir, lang, "pdf");
  g_autoptr(GFile) csv = output (dir, lang, "csv");
  g_autoptr(GFile) xlsx = output (dir, lang, "xlsx");
  KwExportHtmlOptions html_options = { lang, NULL, NULL };
  KwExportCsvOptions csv_options = { lang, '\0', FALSE };

  return kw_plan_language_load (lang, error) &&
         kw_export_html_file (board, &html_options, html, error) &&
         kw_export_pdf_file (board, lang, NULL, KW_PAPER_A4, pdf, error) &&
         kw_export_csv_file (board, &csv_options, csv, error) &&
         kw_export_xlsx_file (board, lang, xlsx, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("KWADRANT_LOCALEDIR");

  if (argc != 2)
    {
      g_printerr ("usage: %s DIR\n", argv[0]);
      return 2;
    }
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  board = kw_estimates_board_new ();
  if (!write_exports (board, argv[1], "en", &error) || !write_exports (board, argv[1], "nl", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
