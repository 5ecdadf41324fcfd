/* make-estimates-board.c: writes the board of kw-estimates-board.c, its
 * participants and their estimates, through the core's own writer, for
 * the tests that run `kwadrant --export-…` on it and read the exports with
 * readers nobody here wrote (test-plan-estimates-readers: Python's HTML
 * parser, pdftotext, pdftoppm, Python's csv; test-export-xlsx: openpyxl;
 * test-export-chromium):
 *
 *   make-estimates-board BOARD.kwadrant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kw-estimates-board.h"
#include "kw-format.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s BOARD.kwadrant\n", argv[0]);
      return 2;
    }

  board = kw_estimates_board_new ();
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!kw_format_save_file (board, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
