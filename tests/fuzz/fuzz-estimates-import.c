/* fuzz-estimates-import.c: libFuzzer target for the estimates import.
 *
 * Any input must give either a plan or an error, never a crash, a leak or
 * a hang. A plan's problems each name the file and a row on one line; a
 * plan without problems applies as one undo step, the board it makes saves
 * and loads again with the same participants and estimates, and undo
 * takes everything back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kw-estimates-import.h"
#include "kw-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Findings to match by id and by title (two share a title), and one
 * participant already there. */
static KwBoard *
make_board (void)
{
  static const char * const findings[][2] = {
    { "f-1", "Heldere brieven" },
    { "f-2", "Kennisbank" },
    { "f-3", "dubbel" },
    { "f-4", "Dubbel" },
  };
  KwBoard *board = kw_board_new ();
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new_with_id (findings[i][0], findings[i][1]);

      kw_board_append_finding (board, finding);
    }
  kw_participant_list_add (kw_board_get_participants (board), anna, G_MAXUINT);

  return board;
}

static guint
count_estimates (KwBoard *board)
{
  guint n = 0;

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    n += kw_finding_get_n_estimates (kw_board_get_finding (board, i));

  return n;
}

static void
check_problems (KwEstimatesImport *import)
{
  for (guint i = 0; i < kw_estimates_import_get_n_problems (import); i++)
    {
      const KwEstimatesProblem *problem = kw_estimates_import_get_problem (import, i);

      if (!g_str_has_prefix (problem->message, "Bram.csv: row ") || strchr (problem->message, '\n') != NULL ||
          problem->row == 0)
        abort ();
    }
}

static void
check_saves (KwBoard *board)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = kw_format_save_bytes (board, &error);
  g_autoptr(KwBoard) reloaded = NULL;

  if (saved == NULL)
    abort ();

  reloaded = kw_format_load_bytes (saved, "imported.kwadrant", &error);
  if (reloaded == NULL)
    {
      g_printerr ("a board with imported estimates does not load once saved: %s\n", error->message);
      abort ();
    }
  if (kw_participant_list_get_n_items (kw_board_get_participants (reloaded)) !=
      kw_participant_list_get_n_items (kw_board_get_participants (board)) ||
      count_estimates (reloaded) != count_estimates (board))
    abort ();
}

static void
check_apply (KwBoard           *board,
             KwEstimatesImport *import)
{
  g_autoptr(KwHistory) history = kw_history_new (board);
  guint n_entries = kw_estimates_import_get_n_entries (import);
  gboolean stopped = kw_estimates_import_get_n_problems (import) > 0;
  guint n_set = kw_estimates_import_apply (import, history);

  if (stopped || n_entries == 0)
    {
      if (n_set != 0 || kw_history_get_can_undo (history) || count_estimates (board) != 0)
        abort ();
      return;
    }

  if (n_set != n_entries || count_estimates (board) != n_entries)
    abort ();
  check_saves (board);

  if (!kw_history_undo (history) || count_estimates (board) != 0 ||
      kw_participant_list_get_n_items (kw_board_get_participants (board)) != 1)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);

  if (!kw_estimates_import_add_bytes (import, bytes, "Bram.csv", &error))
    {
      if (error == NULL || error->domain != KW_CSV_ERROR || strchr (error->message, '\n') != NULL ||
          kw_estimates_import_get_n_participants (import) != 0)
        abort ();
      return 0;
    }

  check_problems (import);
  check_apply (board, import);

  return 0;
}
