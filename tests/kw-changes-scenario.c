/* kw-changes-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kw-changes-scenario.h"

static KwFinding *
add_finding (KwBoard    *board,
             const char *id,
             const char *title)
{
  g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, title);

  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

static KwFinding *
add_placed (KwBoard    *board,
            const char *id,
            const char *title,
            double      impact,
            double      effort)
{
  KwFinding *finding = add_finding (board, id, title);

  kw_finding_place (finding, impact, effort);

  return finding;
}

static KwFinding *
lookup (KwBoard    *board,
        const char *id)
{
  KwFinding *found = kw_board_lookup_finding (board, id);

  g_assert_nonnull (found);

  return found;
}

KwBoard *
kw_changes_scenario_new_board (void)
{
  KwBoard *board = kw_board_new ();
  KwFinding *x;

  kw_board_set_title (board, "Klantcontact 2027");

  x = add_placed (board, "f-1", "Clear letters", 7.0, 6.0);
  kw_finding_set_owner (x, "Anna");
  kw_finding_set_due_date (x, "2027-01-31");
  add_placed (board, "f-2", "Shorter hold music", 8.0, 4.9);
  add_placed (board, "f-3", "Greeting script", 8.0, 2.0);
  x = add_placed (board, "f-4", "New telephony platform", 8.0, 6.3);
  kw_finding_set_owner (x, "Dirk");
  kw_finding_set_status (x, KW_STATUS_IN_PROGRESS);
  add_placed (board, "f-5", "Knowledge base", 6.0, 8.0);
  add_finding (board, "f-6", "Callback queue");
  add_placed (board, "f-7", "Rebuild the website", 2.0, 8.0);
  add_placed (board, "f-8", "Holiday opening hours", 5.5, 3.0);
  add_placed (board, "f-12", "Fax line", 2.0, 3.0);
  add_finding (board, "f-13", "Old survey");
  add_placed (board, "f-14", "Chat widget", 9.0, 9.0);
  x = add_placed (board, "f-15", "Answer mail within a day", 9.0, 2.0);
  kw_finding_set_status (x, KW_STATUS_DONE);
  kw_finding_set_due_date (x, "2027-01-10");

  return board;
}

void
kw_changes_scenario_edit (KwBoard *board)
{
  KwThresholds thresholds = { 6.0, 5.0, 1.0 };
  g_autoptr(KwFinding) callback = kw_finding_new_with_id ("f-11", "Callback at a set time");

  /* The impact line up from 5 to 6: f-8 at 5.5 becomes future list
   * without moving. */
  g_assert_true (kw_board_set_thresholds (board, &thresholds));

  /* Renamed and over the effort line: listed by its new title. */
  kw_finding_set_title (lookup (board, "f-1"), "Clearer outgoing letters");
  kw_finding_place (lookup (board, "f-1"), 7.0, 4.9);
  kw_finding_set_owner (lookup (board, "f-1"), "Bram");
  kw_finding_set_due_date (lookup (board, "f-1"), "2027-02-15");
  /* 0.1 onto the effort line: a tie goes to high effort, long-term. */
  kw_finding_place (lookup (board, "f-2"), 8.0, 5.0);
  /* 0.9 within the quick wins: no move; its status is a change. */
  kw_finding_place (lookup (board, "f-3"), 8.9, 2.0);
  kw_finding_set_status (lookup (board, "f-3"), KW_STATUS_IN_PROGRESS);
  /* 6.3 to 7.3 is 1.0 (and not 0.999… in doubles): a move. */
  kw_finding_place (lookup (board, "f-4"), 8.0, 7.3);
  kw_finding_set_status (lookup (board, "f-4"), KW_STATUS_DONE);
  kw_finding_set_owner (lookup (board, "f-4"), "");
  kw_finding_place (lookup (board, "f-5"), 8.5, 7.0);
  kw_finding_set_due_date (lookup (board, "f-5"), "2027-03-01");
  /* Placed from the tray, and back to the tray. */
  kw_finding_place (lookup (board, "f-6"), 7.0, 2.0);
  kw_finding_set_owner (lookup (board, "f-6"), "Carla");
  kw_finding_unplace (lookup (board, "f-7"));
  /* Renamed only: not a change. */
  kw_finding_set_title (lookup (board, "f-14"), "Web chat widget");
  kw_finding_place (lookup (board, "f-15"), 7.5, 2.0);
  kw_finding_set_status (lookup (board, "f-15"), KW_STATUS_OPEN);
  kw_finding_set_due_date (lookup (board, "f-15"), "");

  g_assert_true (kw_board_remove_finding (board, lookup (board, "f-12")));
  g_assert_true (kw_board_remove_finding (board, lookup (board, "f-13")));

  /* New: one at the top of the board, two at the end. */
  g_assert_true (kw_board_insert_finding (board, 0, callback));
  add_placed (board, "f-9", "Self-service password reset", 3.0, 0.5);
  add_finding (board, "f-10", "Satisfaction survey");
}

const char * const kw_changes_scenario_lines[] = {
  "outcome\tf-1\tlong-term\tquick-win\tClearer outgoing letters",
  "outcome\tf-2\tquick-win\tlong-term\tShorter hold music",
  "outcome\tf-6\tunplaced\tquick-win\tCallback queue",
  "outcome\tf-7\tdrop\tunplaced\tRebuild the website",
  "outcome\tf-8\tquick-win\tfuture\tHoliday opening hours",
  "moved\tf-4\t8.0 6.3\t8.0 7.3\tNew telephony platform",
  "moved\tf-5\t6.0 8.0\t8.5 7.0\tKnowledge base",
  "moved\tf-15\t9.0 2.0\t7.5 2.0\tAnswer mail within a day",
  "new\tf-11\t\tunplaced\tCallback at a set time",
  "new\tf-9\t\tsmall-fix\tSelf-service password reset",
  "new\tf-10\t\tunplaced\tSatisfaction survey",
  "removed\tf-12\tfuture\t\tFax line",
  "removed\tf-13\tunplaced\t\tOld survey",
  "status\tf-3\topen\tin-progress\tGreeting script",
  "status\tf-4\tin-progress\tdone\tNew telephony platform",
  "status\tf-15\tdone\topen\tAnswer mail within a day",
  "owner\tf-1\tAnna\tBram\tClearer outgoing letters",
  "owner\tf-4\tDirk\t\tNew telephony platform",
  "owner\tf-6\t\tCarla\tCallback queue",
  "due\tf-1\t2027-01-31\t2027-02-15\tClearer outgoing letters",
  "due\tf-5\t\t2027-03-01\tKnowledge base",
  "due\tf-15\t2027-01-10\t\tAnswer mail within a day",
};

const guint kw_changes_scenario_n_lines = G_N_ELEMENTS (kw_changes_scenario_lines);
