/* test-import.c: importing rows into an open board: the plan (columns,
 * new, updated, errors per row) and applying it as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kw-history.h"
#include "kw-import.h"

/* Helpers */

static KwImport *
plan_text (KwBoard    *board,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  KwImport *import = kw_import_new_from_text (board, text, &error);

  g_assert_no_error (error);
  g_assert_true (KW_IS_IMPORT (import));

  return import;
}

static void
assert_counts (KwImport *import,
               guint     n_new,
               guint     n_updated,
               guint     n_unchanged,
               guint     n_errors)
{
  g_assert_cmpuint (kw_import_count (import, KW_IMPORT_ROW_NEW), ==, n_new);
  g_assert_cmpuint (kw_import_count (import, KW_IMPORT_ROW_UPDATE), ==, n_updated);
  g_assert_cmpuint (kw_import_count (import, KW_IMPORT_ROW_UNCHANGED), ==, n_unchanged);
  g_assert_cmpuint (kw_import_count (import, KW_IMPORT_ROW_ERROR), ==, n_errors);
}

static KwFinding *
finding_titled (KwBoard    *board,
                const char *title)
{
  KwFinding *found = NULL;

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);

      if (g_str_equal (kw_finding_get_title (finding), title))
        {
          g_assert_null (found);
          found = finding;
        }
    }

  return found;
}

static void
assert_placed (KwFinding *finding,
               double     impact,
               double     effort)
{
  g_assert_nonnull (finding);
  g_assert_true (kw_finding_get_placed (finding));
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, impact);
  g_assert_cmpfloat (kw_finding_get_effort (finding), ==, effort);
}

/* Tests */

/* The row that pasted as "Title 7 2": a finding "Title" at 7/2, not a
 * header row, and not a title with its numbers glued on. */
static void
test_tsv_paste (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwImport) import = plan_text (board, "Title\t7\t2\n");

  g_assert_false (kw_import_has_header (import));
  g_assert_cmpuint (kw_import_get_n_columns (import), ==, 3);
  g_assert_cmpint (kw_import_get_column (import, 0), ==, KW_CSV_COLUMN_TITLE);
  g_assert_cmpint (kw_import_get_column (import, 1), ==, KW_CSV_COLUMN_IMPACT);
  g_assert_cmpint (kw_import_get_column (import, 2), ==, KW_CSV_COLUMN_EFFORT);
  g_assert_cmpstr (kw_import_get_column_label (import, 1), ==, "B");
  assert_counts (import, 1, 0, 0, 0);

  /* Nothing changes before the apply. */
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 0);

  g_assert_cmpuint (kw_import_apply (import, history), ==, 1);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  assert_placed (finding_titled (board, "Title"), 7, 2);
}

/* LibreOffice and Excel copy rows as TSV: titles with commas and
 * semicolons stay whole, a quoted cell may span lines, decimals with a comma. */
static void
test_tsv_rows (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwImport) import = plan_text (board,
                                          "Wachttijd tonen op website\t7\t2\r\n"
                                          "Terugbellen; binnen 2 uur, altijd\t8,5\t6\r\n"
                                          "\"Kennisbank\nbijwerken\"\t4\t3\r\n"
                                          "Nog niet geplaatst\t\t\r\n");

  assert_counts (import, 4, 0, 0, 0);
  /* A quoted cell over two lines is still one spreadsheet row. */
  g_assert_cmpuint (kw_import_get_row_number (import, 3), ==, 4);
  g_assert_cmpuint (kw_import_apply (import, history), ==, 4);

  assert_placed (finding_titled (board, "Wachttijd tonen op website"), 7, 2);
  assert_placed (finding_titled (board, "Terugbellen; binnen 2 uur, altijd"), 8.5, 6);
  /* A title is one line. */
  assert_placed (finding_titled (board, "Kennisbank bijwerken"), 4, 3);
  g_assert_false (kw_finding_get_placed (finding_titled (board, "Nog niet geplaatst")));
}

static void
test_dutch_header (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwImport) import = plan_text (board,
                                          "Titel;Impact;Inspanning;Eigenaar;Deadline;Omschrijving;Prioriteit;Status;Labels\n"
                                          "Wachttijd tonen;7;2;Sanne;31-12-2026;Op de site;hoog;bezig;web|telefonie\n");
  const char * const tags[] = { "web", "telefonie", NULL };
  KwFinding *finding;

  g_assert_true (kw_import_has_header (import));
  g_assert_cmpstr (kw_import_get_column_label (import, 3), ==, "Eigenaar");
  g_assert_cmpint (kw_import_get_column (import, 1), ==, KW_CSV_COLUMN_IMPACT);
  g_assert_cmpint (kw_import_get_column (import, 2), ==, KW_CSV_COLUMN_EFFORT);
  g_assert_cmpint (kw_import_get_column (import, 4), ==, KW_CSV_COLUMN_DUE);
  /* A column Kwadrant does not know is left out, not an error. */
  g_assert_cmpint (kw_import_get_column (import, 6), ==, KW_CSV_COLUMN_IGNORED);
  g_assert_cmpuint (kw_import_get_n_rows (import), ==, 1);
  g_assert_cmpuint (kw_import_get_row_number (import, 0), ==, 2);
  assert_counts (import, 1, 0, 0, 0);

  kw_import_apply (import, history);
  finding = finding_titled (board, "Wachttijd tonen");
  assert_placed (finding, 7, 2);
  g_assert_cmpstr (kw_finding_get_owner (finding), ==, "Sanne");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "2026-12-31");
  g_assert_cmpstr (kw_finding_get_description (finding), ==, "Op de site");
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_IN_PROGRESS);
  g_assert_true (g_strv_equal (kw_finding_get_tags (finding), tags));
}

/* Without a header the user says what each column holds. */
static void
test_chosen_columns (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwImport) import = plan_text (board,
                                          "Piet\tWachttijd tonen\t2\t7\tnotitie\n"
                                          "Sanne\tTerugbellen\t6\t8\t\n");
  KwFinding *finding;

  /* The guess: the first column of text holds the titles. */
  g_assert_cmpint (kw_import_get_column (import, 0), ==, KW_CSV_COLUMN_TITLE);
  g_assert_cmpint (kw_import_get_column (import, 1), ==, KW_CSV_COLUMN_IGNORED);

  kw_import_set_column (import, 1, KW_CSV_COLUMN_TITLE);
  /* Only one column holds the titles: the earlier one is left out now. */
  g_assert_cmpint (kw_import_get_column (import, 0), ==, KW_CSV_COLUMN_IGNORED);
  g_assert_null (kw_import_get_problem (import));
  kw_import_set_column (import, 0, KW_CSV_COLUMN_OWNER);
  kw_import_set_column (import, 2, KW_CSV_COLUMN_EFFORT);
  g_assert_nonnull (kw_import_get_problem (import));
  assert_counts (import, 0, 0, 0, 0);
  g_assert_cmpuint (kw_import_apply (import, history), ==, 0);
  kw_import_set_column (import, 3, KW_CSV_COLUMN_IMPACT);
  g_assert_null (kw_import_get_problem (import));
  kw_import_set_column (import, 4, KW_CSV_COLUMN_DESCRIPTION);
  assert_counts (import, 2, 0, 0, 0);

  kw_import_apply (import, history);
  finding = finding_titled (board, "Wachttijd tonen");
  assert_placed (finding, 7, 2);
  g_assert_cmpstr (kw_finding_get_owner (finding), ==, "Piet");
  g_assert_cmpstr (kw_finding_get_description (finding), ==, "notitie");
  assert_placed (finding_titled (board, "Terugbellen"), 8, 6);
}

/* The same list twice updates instead of duplicating: by id when the list
 * has one, else by title (whatever its case). */
static void
test_reimport_updates (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwImport) first = plan_text (board, "title,impact,effort\nWachttijd tonen,7,2\nTerugbellen,8,6\n");
  g_autoptr(KwImport) second = NULL;
  g_autoptr(KwImport) third = NULL;
  g_autofree char *by_id = NULL;
  KwFinding *callback;

  kw_import_apply (first, history);
  callback = finding_titled (board, "Terugbellen");

  second = plan_text (board, "title,impact,effort,owner\nwachttijd TONEN,7,2,\nTerugbellen,9,6,Piet\nKennisbank,3,3,\n");
  assert_counts (second, 1, 1, 1, 0);
  g_assert_cmpint (kw_import_get_row_kind (second, 0), ==, KW_IMPORT_ROW_UNCHANGED);
  g_assert_true (kw_import_get_row_match (second, 1) == callback);
  g_assert_cmpuint (kw_import_apply (second, history), ==, 2);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 3);
  assert_placed (callback, 9, 6);
  g_assert_cmpstr (kw_finding_get_owner (callback), ==, "Piet");
  /* An empty cell leaves the finding's value alone. */
  g_assert_true (kw_finding_get_placed (finding_titled (board, "Wachttijd tonen")));

  /* The id wins over the title: a renamed finding is still the same one. */
  by_id = g_strdup_printf ("id\ttitle\timpact\teffort\n%s\tTerugbellen binnen 2 uur\t9\t5\n",
                           kw_finding_get_id (callback));
  third = plan_text (board, by_id);
  assert_counts (third, 0, 1, 0, 0);
  kw_import_apply (third, history);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 3);
  g_assert_cmpstr (kw_finding_get_title (callback), ==, "Terugbellen binnen 2 uur");
  assert_placed (callback, 9, 5);
}

/* A new finding keeps the id the list gives it, so that the list can be
 * imported again later; two rows for one finding are an error. */
static void
test_ids_and_repeats (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwImport) import = plan_text (board,
                                          "id,title\n"
                                          "f-0001,Wachttijd tonen\n"
                                          ",Wachttijd Tonen\n"
                                          "f-0001,Iets anders\n");
  g_autoptr(KwImport) again = NULL;

  assert_counts (import, 1, 0, 0, 2);
  g_assert_cmpstr (kw_import_get_row_error (import, 1), ==,
                   "title: row 2 already imports this finding; keep only one of the two rows");
  kw_import_apply (import, history);

  g_assert_nonnull (kw_board_lookup_finding (board, "f-0001"));
  again = plan_text (board, "id,title\nf-0001,Wachttijd op de site\n");
  assert_counts (again, 0, 1, 0, 0);
}

/* Each row's problem on its own row; the good rows still import. */
static void
test_errors_per_row (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwImport) import = plan_text (board,
                                          "Title\tImpact\tEffort\tDue\tStatus\n"
                                          "Goed\t7\t2\t\t\n"
                                          "Te hoog\t11\t2\t\t\n"
                                          "Half\t5\t\t\t\n"
                                          "\t5\t5\t\t\n"
                                          "Geen datum\t\t\tmorgen\t\n"
                                          "Rare status\t\t\t\tmisschien\n");

  assert_counts (import, 1, 0, 0, 5);
  g_assert_null (kw_import_get_row_error (import, 0));
  g_assert_cmpstr (kw_import_get_row_error (import, 1), ==, "Impact: “11” is not a number from 0 to 10");
  g_assert_cmpstr (kw_import_get_row_error (import, 2), ==,
                   "Effort: the effort is empty but the impact is not; fill in both or leave both empty");
  g_assert_cmpstr (kw_import_get_row_error (import, 3), ==,
                   "Title: the title is empty, and every finding needs a title");
  g_assert_cmpstr (kw_import_get_row_error (import, 4), ==,
                   "Due: “morgen” is not a date; write a date as 31-12-2026 or 2026-12-31");
  g_assert_cmpstr (kw_import_get_row_error (import, 5), ==,
                   "Status: “misschien” is not a status; use open, in progress or done");
  g_assert_cmpint (kw_import_get_row_kind (import, 1), ==, KW_IMPORT_ROW_ERROR);
  g_assert_cmpuint (kw_import_get_row_number (import, 1), ==, 3);

  g_assert_cmpuint (kw_import_apply (import, history), ==, 1);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
}

/* Text that is no table at all is refused as a whole. */
static void
test_unreadable (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KwImport) broken = kw_import_new_from_text (board, "\"never closed\t7\t2\n", &error);
  g_autoptr(KwImport) empty = NULL;

  g_assert_null (broken);
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_SYNTAX);
  g_clear_error (&error);

  empty = kw_import_new_from_text (board, "\t\t\n\t\t\n", &error);
  g_assert_null (empty);
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_HEADER);
}

/* The whole import, new findings and updates, is one undo step. */
static void
test_one_undo_step (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwFinding) existing = kw_finding_new ("Terugbellen");
  g_autoptr(KwImport) import = NULL;

  kw_history_add (history, existing, G_MAXUINT);
  kw_history_place (history, existing, 3, 3);

  import = plan_text (board, "Terugbellen\t8\t6\nWachttijd tonen\t7\t2\nKennisbank\t4\t3\n");
  assert_counts (import, 2, 1, 0, 0);
  g_assert_cmpuint (kw_import_apply (import, history), ==, 3);
  g_assert_cmpstr (kw_history_get_undo_label (history), ==, "Import 3 Findings");
  assert_placed (existing, 8, 6);

  g_assert_true (kw_history_undo (history));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  assert_placed (existing, 3, 3);

  g_assert_true (kw_history_redo (history));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 3);
  assert_placed (existing, 8, 6);
  assert_placed (finding_titled (board, "Kennisbank"), 4, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/tsv-paste", test_tsv_paste);
  g_test_add_func ("/import/tsv-rows", test_tsv_rows);
  g_test_add_func ("/import/dutch-header", test_dutch_header);
  g_test_add_func ("/import/chosen-columns", test_chosen_columns);
  g_test_add_func ("/import/reimport-updates", test_reimport_updates);
  g_test_add_func ("/import/ids-and-repeats", test_ids_and_repeats);
  g_test_add_func ("/import/errors-per-row", test_errors_per_row);
  g_test_add_func ("/import/unreadable", test_unreadable);
  g_test_add_func ("/import/one-undo-step", test_one_undo_step);

  return g_test_run ();
}
