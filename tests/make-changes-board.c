/* make-changes-board.c: writes the board of kw-changes-scenario.c with
 * two snapshots, through the core's own writer, for test-changes-cli:
 *
 * - "Workshop 1", taken before the scenario's edits;
 * - "Tweede sessie · januari", taken after them;
 * - and, after that, one finding done and one renamed and given an owner.
 *
 *   make-changes-board BOARD.kwadrant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kw-changes-scenario.h"
#include "kw-format.h"

static void
take_snapshot (KwBoard    *board,
               const char *name,
               GDateTime  *taken)
{
  g_autoptr(KwSnapshot) snapshot = kw_snapshot_new_from_board (board, name, NULL, taken);

  g_assert_true (kw_board_add_snapshot (board, snapshot, G_MAXUINT));
}

int
main (int argc, char *argv[])
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 11, 22, 16, 0, 0);
  g_autoptr(GDateTime) second = g_date_time_new_utc (2027, 1, 15, 11, 30, 0);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  KwFinding *finding;

  if (argc != 2)
    {
      g_printerr ("usage: %s BOARD.kwadrant\n", argv[0]);
      return 2;
    }

  board = kw_changes_scenario_new_board ();
  take_snapshot (board, "Workshop 1", first);
  kw_changes_scenario_edit (board);
  take_snapshot (board, "Tweede sessie · januari", second);

  finding = kw_board_lookup_finding (board, "f-3");
  kw_finding_set_status (finding, KW_STATUS_DONE);
  finding = kw_board_lookup_finding (board, "f-9");
  kw_finding_set_title (finding, "Wachtwoord zelf herstellen – self-service");
  kw_finding_set_owner (finding, "Eva");

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!kw_format_save_file (board, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
