/* fuzz-csv-import.c: libFuzzer target for the CSV importer.
 *
 * Any input must give either a board or an error, never a crash, a leak or
 * a hang; a board made from a CSV must save as a valid .kwadrant file that
 * loads again with the same number of findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kw-csv.h"
#include "kw-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_board_saves (KwBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = kw_format_save_bytes (board, &error);
  g_autoptr(KwBoard) reloaded = NULL;

  if (saved == NULL)
    abort ();

  reloaded = kw_format_load_bytes (saved, "imported.kwadrant", &error);
  if (reloaded == NULL)
    {
      g_printerr ("an imported board does not load once saved: %s\n", error->message);
      abort ();
    }
  if (kw_board_get_n_findings (reloaded) != kw_board_get_n_findings (board))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_csv_import_bytes (bytes, "fuzz.csv", &error);

  if ((board == NULL) == (error == NULL))
    abort ();

  if (board != NULL)
    check_board_saves (board);
  else if (error->domain != KW_CSV_ERROR || strchr (error->message, '\n') != NULL)
    abort ();

  return 0;
}
