/* fuzz-board-loader.c: libFuzzer target for the .kwadrant loader.
 *
 * Any input must give either a board or an error, never a crash, a leak or
 * a hang. A board that loads must also save, and what it saves must load
 * again and save to the same bytes: the loader never accepts something
 * the writer cannot reproduce.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kw-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_round_trip (KwBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(KwBoard) reloaded = NULL;

  saved = kw_format_save_bytes (board, &error);
  if (kw_board_is_from_newer_format (board))
    {
      /* Refused on purpose: an older Kwadrant never rewrites such a file. */
      if (!g_error_matches (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION))
        abort ();
      return;
    }
  if (saved == NULL)
    abort ();

  reloaded = kw_format_load_bytes (saved, "saved.kwadrant", &error);
  if (reloaded == NULL)
    {
      g_printerr ("a saved board does not load: %s\n", error->message);
      abort ();
    }
  if (kw_board_get_n_findings (reloaded) != kw_board_get_n_findings (board))
    abort ();

  saved_again = kw_format_save_bytes (reloaded, &error);
  if (saved_again == NULL || !g_bytes_equal (saved, saved_again))
    {
      g_printerr ("saving a reloaded board gives other bytes\n");
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_bytes (bytes, "fuzz.kwadrant", &error);

  if ((board == NULL) == (error == NULL))
    abort ();  /* exactly one of the two */

  if (board != NULL)
    check_round_trip (board);
  else if (error->domain != KW_FORMAT_ERROR || strchr (error->message, '\n') != NULL)
    abort ();  /* one line, one of our codes */

  return 0;
}
