/* test-estimates-import.c: participants' estimates from CSV files: both
 * shapes of file, the dialects, matching by id then title, every problem
 * with its row, nothing changed while there are problems, and one undo
 * step for the whole import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "kw-csv.h"
#include "kw-estimates-import.h"
#include "kw-history.h"
#include "kw-import.h"

/* Helpers */

/* Five findings; two share a title but for its case. */
static KwBoard *
make_board (void)
{
  static const char * const findings[][2] = {
    { "f-1", "Heldere uitgaande brieven" },
    { "f-2", "Kennisbank actualiseren" },
    { "f-3", "Wachtmuziek vervangen" },
    { "f-4", "Terugbelverzoek via de website" },
    { "f-5", "Dubbel" },
    { "f-6", "dubbel" },
  };
  KwBoard *board = kw_board_new ();

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new_with_id (findings[i][0], findings[i][1]);

      g_assert_true (kw_board_append_finding (board, finding));
    }

  return board;
}

static void
add_board_participant (KwBoard    *board,
                       const char *name)
{
  KwParticipantList *list = kw_board_get_participants (board);
  g_autofree char *id = kw_participant_list_dup_new_id (list);
  g_autoptr(KwParticipant) participant = kw_participant_new (id, name, NULL);

  g_assert_true (kw_participant_list_add (list, participant, G_MAXUINT));
}

static char *
data_path (const char *name)
{
  const char *root = g_getenv ("KW_SOURCE_DIR");

  g_assert_nonnull (root);

  return g_build_filename (root, "tests", "data", "csv", "estimates", name, NULL);
}

static void
add_data_file (KwEstimatesImport *import,
               const char        *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_estimates_import_add_file (import, file, NULL, &error));
  g_assert_no_error (error);
}

static void
add_text (KwEstimatesImport *import,
          const char        *text,
          const char        *display_name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_estimates_import_add_bytes (import, bytes, display_name, &error));
  g_assert_no_error (error);
}

static const KwEstimatesEntry *
find_entry (KwEstimatesImport *import,
            const char        *participant,
            const char        *finding_id)
{
  for (guint i = 0; i < kw_estimates_import_get_n_entries (import); i++)
    {
      const KwEstimatesEntry *entry = kw_estimates_import_get_entry (import, i);

      if (g_str_equal (entry->participant, participant) &&
          g_str_equal (kw_finding_get_id (entry->finding), finding_id))
        return entry;
    }

  g_error ("no entry for %s and %s", participant, finding_id);
}

static void
assert_entry (KwEstimatesImport *import,
              const char        *participant,
              const char        *finding_id,
              guint              row,
              gboolean           known,
              double             impact,
              double             effort)
{
  const KwEstimatesEntry *entry = find_entry (import, participant, finding_id);

  g_assert_cmpuint (entry->row, ==, row);
  g_assert_cmpint (entry->estimate.known, ==, known);
  if (known)
    {
      g_assert_cmpfloat_with_epsilon (entry->estimate.impact, impact, 1e-9);
      g_assert_cmpfloat_with_epsilon (entry->estimate.effort, effort, 1e-9);
    }
}

static void
assert_participant (KwEstimatesImport *import,
                    guint              index,
                    const char        *name,
                    guint              n_estimates,
                    gboolean           is_new)
{
  guint n = 0;
  gboolean new = !is_new;

  g_assert_cmpstr (kw_estimates_import_get_participant (import, index, &n, &new), ==, name);
  g_assert_cmpuint (n, ==, n_estimates);
  g_assert_cmpint (new, ==, is_new);
}

static void
assert_problem (KwEstimatesImport      *import,
                guint                   index,
                KwEstimatesProblemKind  kind,
                guint                   row,
                const char             *words)
{
  const KwEstimatesProblem *problem = kw_estimates_import_get_problem (import, index);
  g_autofree char *row_text = g_strdup_printf (": row %u", row);

  g_assert_cmpint (problem->kind, ==, kind);
  g_assert_cmpuint (problem->row, ==, row);
  g_assert_nonnull (strstr (problem->message, row_text));
  g_assert_nonnull (strstr (problem->message, words));
}

static KwParticipant *
board_participant (KwBoard    *board,
                   const char *name)
{
  KwParticipant *participant = kw_participant_list_lookup_by_name (kw_board_get_participants (board), name);

  g_assert_nonnull (participant);

  return participant;
}

static void
assert_board_estimate (KwBoard    *board,
                       const char *participant_name,
                       const char *finding_id,
                       gboolean    known,
                       double      impact,
                       double      effort)
{
  KwParticipant *participant = board_participant (board, participant_name);
  KwFinding *finding = kw_board_lookup_finding (board, finding_id);
  KwEstimate estimate;

  g_assert_true (kw_finding_get_estimate (finding, kw_participant_get_id (participant), &estimate));
  g_assert_cmpint (estimate.known, ==, known);
  if (known)
    {
      g_assert_cmpfloat_with_epsilon (estimate.impact, impact, 1e-9);
      g_assert_cmpfloat_with_epsilon (estimate.effort, effort, 1e-9);
    }
}

static guint
count_board_estimates (KwBoard *board)
{
  guint n = 0;

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    n += kw_finding_get_n_estimates (kw_board_get_finding (board, i));

  return n;
}

/* The shapes of file */

/* Named after the participant, English headers, "," with a decimal comma
 * in quotes, a byte order mark and CRLF: matched by id, by title whatever
 * its case, by title when the id is unknown; "no idea" in words. */
static void
test_file_per_participant (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);

  add_data_file (import, "Anna de Vries.csv");

  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (kw_estimates_import_get_n_entries (import), ==, 4);
  g_assert_cmpuint (kw_estimates_import_get_n_participants (import), ==, 1);
  g_assert_cmpuint (kw_estimates_import_get_n_new_participants (import), ==, 1);
  assert_participant (import, 0, "Anna de Vries", 4, TRUE);
  assert_entry (import, "Anna de Vries", "f-1", 2, TRUE, 8, 2);
  assert_entry (import, "Anna de Vries", "f-2", 3, TRUE, 7.5, 6);
  assert_entry (import, "Anna de Vries", "f-3", 4, TRUE, 2, 1);
  assert_entry (import, "Anna de Vries", "f-4", 5, FALSE, 0, 0);

  /* Nothing changed yet. */
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (board)), ==, 0);
  g_assert_cmpuint (count_board_estimates (board), ==, 0);
}

/* One file with a Dutch participant column, ";" and decimal commas; a
 * name on the board already, in another case, is not new and keeps the
 * board's spelling; two spellings of a new name are one participant. */
static void
test_participant_column_dutch (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);

  add_board_participant (board, "anna de vries");
  add_data_file (import, "schattingen.csv");

  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (kw_estimates_import_get_n_entries (import), ==, 5);
  g_assert_cmpuint (kw_estimates_import_get_n_participants (import), ==, 3);
  g_assert_cmpuint (kw_estimates_import_get_n_new_participants (import), ==, 2);
  assert_participant (import, 0, "Bram Jansen", 2, TRUE);
  assert_participant (import, 1, "Carla Smit", 2, TRUE);
  assert_participant (import, 2, "anna de vries", 1, FALSE);
  assert_entry (import, "Bram Jansen", "f-1", 2, TRUE, 7.5, 2.5);
  assert_entry (import, "Bram Jansen", "f-2", 3, TRUE, 6, 8);
  assert_entry (import, "Carla Smit", "f-1", 4, TRUE, 9, 1);
  assert_entry (import, "Carla Smit", "f-3", 5, FALSE, 0, 0);
  /* Row 6 is empty: the spreadsheet still counts it. */
  assert_entry (import, "anna de vries", "f-4", 7, TRUE, 3, 3);
}

/* The same text with and without a byte order mark, and with "," or ";". */
static void
test_dialects (void)
{
  static const char * const texts[] = {
    "id,impact,effort\nf-2,\"6,5\",3\n",
    "\xef\xbb\xbfid,impact,effort\nf-2,6.5,3\n",
    "id;impact;inspanning\nf-2;6,5;3\n",
    "\xef\xbb\xbf" "ID;Impact;Inspanning\r\nf-2;6,5;3\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(KwBoard) board = make_board ();
      g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);

      add_text (import, texts[i], "Bram.csv");
      g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 0);
      g_assert_cmpuint (kw_estimates_import_get_n_entries (import), ==, 1);
      assert_entry (import, "Bram", "f-2", 2, TRUE, 6.5, 3);
    }
}

/* The id wins over the title; an unknown id still matches by title, and
 * a title matches whatever its case and surrounding spaces. */
static void
test_match_id_then_title (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);

  add_text (import,
            "id,title,impact,effort\n"
            "f-2,Heldere uitgaande brieven,1,1\n"
            "x-77,Wachtmuziek vervangen,2,2\n"
            ",  TERUGBELVERZOEK via de WEBSITE ,3,3\n",
            "Dirk.csv");

  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 0);
  assert_entry (import, "Dirk", "f-2", 2, TRUE, 1, 1);
  assert_entry (import, "Dirk", "f-3", 3, TRUE, 2, 2);
  assert_entry (import, "Dirk", "f-4", 4, TRUE, 3, 3);
}

/* Problems */

static void
assert_nothing_changes (KwBoard           *board,
                        KwEstimatesImport *import)
{
  g_autoptr(KwHistory) history = kw_history_new (board);
  guint n_participants = kw_participant_list_get_n_items (kw_board_get_participants (board));
  guint n_estimates = count_board_estimates (board);
  g_autoptr(GError) error = NULL;

  g_assert_false (kw_estimates_import_check (import, &error));
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, kw_estimates_import_get_problem (import, 0)->message);

  g_assert_cmpuint (kw_estimates_import_apply (import, history), ==, 0);
  g_assert_false (kw_history_get_can_undo (history));
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (board)), ==, n_participants);
  g_assert_cmpuint (count_board_estimates (board), ==, n_estimates);
}

static void
test_every_problem (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);
  guint i = 0;

  add_text (import,
            "participant,id,title,impact,effort\n"
            "Anna,f-1,,5,5\n"          /* 2: fine */
            "Anna,f-9,,5,5\n"          /* 3: no such id */
            "Anna,,Nergens,5,5\n"      /* 4: no such title */
            "Anna,f-9,Nergens,5,5\n"   /* 5: neither */
            "Anna,,,5,5\n"             /* 6: nothing to match by */
            "Anna,,DUBBEL,5,5\n"       /* 7: two findings have the title */
            "Anna,f-2,,11,5\n"         /* 8: out of range */
            "Anna,f-3,,veel,5\n"       /* 9: not a number */
            "Anna,f-4,,5,\n"           /* 10: one score */
            "Anna,f-5,,?,4\n"          /* 11: no idea and a score */
            ",f-2,,5,5\n"              /* 12: no participant */
            "Anna,f-1,,6,6\n",         /* 13: row 2 again */
            "problems.csv");

  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 11);
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_NO_FINDING, 3, "no finding on the board has the id “f-9”");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_NO_FINDING, 4, "no finding on the board has the title “Nergens”");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_NO_FINDING, 5,
                  "no finding on the board has the id “f-9” or the title “Nergens”");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_NO_FINDING, 6, "neither an id nor a title");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_AMBIGUOUS_TITLE, 7,
                  "more than one finding has the title “DUBBEL”");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_SCORE, 8, "column “impact”: “11” is not a number from 0 to 10");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_SCORE, 9, "“veel” is not a number from 0 to 10");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_SCORE, 10, "there is an impact but no effort");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_SCORE, 11, "there is an effort but no impact");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_PARTICIPANT, 12, "column “participant”: the participant is empty");
  assert_problem (import, i++, KW_ESTIMATES_PROBLEM_REPEATED, 13, "row 2 already has Anna’s estimate of this finding");
  g_assert_true (g_str_has_prefix (kw_estimates_import_get_problem (import, 0)->message, "problems.csv: row 3"));

  /* Only the good rows are planned, and nothing changes. */
  g_assert_cmpuint (kw_estimates_import_get_n_entries (import), ==, 1);
  assert_nothing_changes (board, import);
}

/* The same participant and finding in two files. */
static void
test_repeated_across_files (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);

  add_data_file (import, "Anna de Vries.csv");
  add_data_file (import, "schattingen.csv");

  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 1);
  assert_problem (import, 0, KW_ESTIMATES_PROBLEM_REPEATED, 7,
                  "Anna de Vries.csv row 5 already has Anna de Vries’s estimate");
  g_assert_cmpstr (kw_estimates_import_get_problem (import, 0)->file, ==, "schattingen.csv");
  assert_nothing_changes (board, import);
}

/* A board holds KW_PARTICIPANT_LIST_MAX participants: the first new name
 * past that is a problem on each of its rows; names on the board are not. */
static void
test_too_many_participants (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);

  for (guint i = 0; i < KW_PARTICIPANT_LIST_MAX - 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("Deelnemer %u", i + 1);

      add_board_participant (board, name);
    }

  add_text (import,
            "deelnemer;id;impact;inspanning\n"
            "deelnemer 1;f-1;1;1\n"   /* 2: on the board */
            "Nieuw;f-1;2;2\n"         /* 3: number 200 */
            "Nog een;f-1;3;3\n"       /* 4: number 201 */
            "Nog een;f-2;3;3\n",      /* 5: still 201 */
            "schattingen.csv");

  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 2);
  assert_problem (import, 0, KW_ESTIMATES_PROBLEM_TOO_MANY_PARTICIPANTS, 4,
                  "“Nog een” would be participant number 201, and a board has at most 200 participants");
  assert_problem (import, 1, KW_ESTIMATES_PROBLEM_TOO_MANY_PARTICIPANTS, 5, "“Nog een” would be participant number 201");
  assert_participant (import, 0, "Deelnemer 1", 1, FALSE);
  assert_participant (import, 1, "Nieuw", 1, TRUE);
  assert_nothing_changes (board, import);
}

/* A file without a participant column whose name cannot be one: one
 * problem, on the header row. A name too long in the column: its row. */
static void
test_bad_participant_names (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);
  g_autofree char *long_name = g_strnfill (KW_PARTICIPANT_NAME_MAX + 1, 'x');
  g_autofree char *file_name = g_strconcat (long_name, ".csv", NULL);
  g_autofree char *text = g_strconcat ("participant,id,impact,effort\n", long_name, ",f-1,1,1\n", NULL);

  add_text (import, "id,impact,effort\nf-1,1,1\nf-2,2,2\n", file_name);
  add_text (import, "id,impact,effort\nf-1,1,1\n", " .csv");
  add_text (import, text, "lang.csv");

  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 3);
  assert_problem (import, 0, KW_ESTIMATES_PROBLEM_PARTICIPANT, 1, "cannot name the participant");
  assert_problem (import, 1, KW_ESTIMATES_PROBLEM_PARTICIPANT, 1, "cannot name the participant");
  assert_problem (import, 2, KW_ESTIMATES_PROBLEM_PARTICIPANT, 2, "is longer than 60 characters");
  assert_nothing_changes (board, import);
}

/* What keeps a file from being read as estimates at all: named, and the
 * import left as it was. */
static void
test_file_errors (void)
{
  static const struct {
    const char *text;
    KwCsvError  code;
    const char *message;
  } cases[] = {
    { "id,impact,inspaning\nf-1,1,1\n", KW_CSV_ERROR_HEADER,
      "x.csv: row 1, column “inspaning”: Kwadrant does not know this column" },
    { "id,impact\nf-1,1\n", KW_CSV_ERROR_HEADER,
      "x.csv: row 1: estimates need an “impact” and an “effort”" },
    { "participant,impact,effort\nAnna,1,1\n", KW_CSV_ERROR_HEADER,
      "x.csv: row 1: there is no “id” or “title” (or “titel”) column" },
    { "id,titel,title,impact,effort\n", KW_CSV_ERROR_HEADER,
      "x.csv: row 1, column “title”: this column is already in column B (“titel”)" },
    { "id,impact,effort\nf-1,1,1,1\n", KW_CSV_ERROR_SYNTAX, "x.csv: row 2: this row has more cells" },
    { "", KW_CSV_ERROR_HEADER, "x.csv is empty" },
    { "id,impact,effort\n\xff\n", KW_CSV_ERROR_ENCODING, "x.csv: row 2: the text is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwBoard) board = make_board ();
      g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;

      g_assert_false (kw_estimates_import_add_bytes (import, bytes, "x.csv", &error));
      g_assert_error (error, KW_CSV_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      g_assert_cmpuint (kw_estimates_import_get_n_participants (import), ==, 0);
      g_assert_cmpuint (kw_estimates_import_get_n_entries (import), ==, 0);
    }
}

/* The bounds of the finding importer: a file larger than it reads. */
static void
test_too_large (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);
  gsize size = KW_CSV_MAX_BYTES + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, '\n', size);
  memcpy (data, "id,impact,effort\n", strlen ("id,impact,effort\n"));
  bytes = g_bytes_new_take (data, size);

  g_assert_false (kw_estimates_import_add_bytes (import, bytes, "groot.csv", &error));
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_TOO_LARGE);
}

/* Applying */

/* Everything in one step, "Import Estimates": undo takes back the new
 * participants and every estimate, redo brings them back. */
static void
test_apply_and_undo (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);
  KwParticipantList *list = kw_board_get_participants (board);
  KwEstimate before = { TRUE, 1, 9 };

  add_board_participant (board, "anna de vries");
  kw_finding_set_estimate (kw_board_lookup_finding (board, "f-4"),
                           kw_participant_get_id (board_participant (board, "Anna de Vries")), &before);
  add_data_file (import, "schattingen.csv");

  g_assert_cmpuint (kw_estimates_import_apply (import, history), ==, 5);
  g_assert_cmpstr (kw_history_get_undo_label (history), ==, "Import Estimates");
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 3);
  g_assert_cmpstr (kw_participant_get_name (kw_participant_list_get_participant (list, 1)), ==, "Bram Jansen");
  g_assert_cmpstr (kw_participant_get_name (kw_participant_list_get_participant (list, 2)), ==, "Carla Smit");
  assert_board_estimate (board, "Bram Jansen", "f-1", TRUE, 7.5, 2.5);
  assert_board_estimate (board, "Bram Jansen", "f-2", TRUE, 6, 8);
  assert_board_estimate (board, "Carla Smit", "f-1", TRUE, 9, 1);
  assert_board_estimate (board, "Carla Smit", "f-3", FALSE, 0, 0);
  assert_board_estimate (board, "anna de vries", "f-4", TRUE, 3, 3);
  g_assert_cmpuint (count_board_estimates (board), ==, 5);

  /* Planned again against the changed board: nobody is new any more. */
  g_assert_cmpuint (kw_estimates_import_get_n_new_participants (import), ==, 0);

  g_assert_true (kw_history_undo (history));
  g_assert_false (kw_history_get_can_undo (history));
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 1);
  g_assert_cmpuint (count_board_estimates (board), ==, 1);
  assert_board_estimate (board, "anna de vries", "f-4", TRUE, 1, 9);

  g_assert_true (kw_history_redo (history));
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 3);
  g_assert_cmpuint (count_board_estimates (board), ==, 5);
  assert_board_estimate (board, "anna de vries", "f-4", TRUE, 3, 3);
}

/* Two files in one import, applied together. */
static void
test_apply_several_files (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(KwHistory) history = kw_history_new (board);
  g_autoptr(KwEstimatesImport) import = kw_estimates_import_new (board);

  add_data_file (import, "Anna de Vries.csv");
  add_text (import, "titel;impact;inspanning\nDubbel;;\n", "Bram Jansen.csv");
  /* "Dubbel" is two findings' title. */
  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 1);

  g_clear_object (&import);
  import = kw_estimates_import_new (board);
  add_data_file (import, "Anna de Vries.csv");
  add_text (import, "titel;impact;inspanning\nKennisbank actualiseren;;\n", "Bram Jansen.csv");
  g_assert_cmpuint (kw_estimates_import_get_n_problems (import), ==, 0);
  g_assert_cmpuint (kw_estimates_import_apply (import, history), ==, 5);
  assert_board_estimate (board, "Anna de Vries", "f-2", TRUE, 7.5, 6);
  assert_board_estimate (board, "Bram Jansen", "f-2", FALSE, 0, 0);

  g_assert_true (kw_history_undo (history));
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (board)), ==, 0);
  g_assert_cmpuint (count_board_estimates (board), ==, 0);
}

/* Which files the app imports as estimates. */
static void
test_is_estimates (void)
{
  g_autoptr(KwBoard) board = make_board ();
  const char *with_column_text = "deelnemer;titel;impact;inspanning\n";
  const char *plain_text = "id,title,impact,effort\n";
  const char *findings_text = "id,title,impact,effort,owner\n";
  g_autoptr(GBytes) with_column = g_bytes_new_static (with_column_text, strlen (with_column_text));
  g_autoptr(GBytes) plain = g_bytes_new_static (plain_text, strlen (plain_text));
  g_autoptr(GBytes) findings = g_bytes_new_static (findings_text, strlen (findings_text));

  add_board_participant (board, "Anna");

  g_assert_true (kw_estimates_import_is_estimates (board, with_column, "x.csv"));
  g_assert_true (kw_estimates_import_is_estimates (board, plain, "anna.csv"));
  g_assert_false (kw_estimates_import_is_estimates (board, plain, "Bram.csv"));
  g_assert_false (kw_estimates_import_is_estimates (board, findings, "anna.csv"));
}

/* The participant column is the estimates import's: a new board's file
 * with one is refused, naming the column; an open board's import of
 * findings ignores it. */
static void
test_findings_import_and_participants (void)
{
  const char *text = "title,impact,effort,participant\nBrieven,1,2,Anna\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_csv_import_bytes (bytes, "x.csv", &error);
  g_autoptr(KwBoard) open_board = make_board ();
  g_autoptr(KwImport) import = NULL;

  g_assert_null (board);
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_HEADER);
  g_assert_true (g_str_has_prefix (error->message, "x.csv: row 1, column “participant”: this column names participants"));

  import = kw_import_new_from_text (open_board, text, NULL);
  g_assert_nonnull (import);
  g_assert_cmpint (kw_import_get_column (import, 3), ==, KW_CSV_COLUMN_IGNORED);
  g_assert_null (kw_import_get_problem (import));
  g_assert_cmpuint (kw_import_count (import, KW_IMPORT_ROW_NEW), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/estimates-import/shape/file-per-participant", test_file_per_participant);
  g_test_add_func ("/estimates-import/shape/participant-column-dutch", test_participant_column_dutch);
  g_test_add_func ("/estimates-import/dialects", test_dialects);
  g_test_add_func ("/estimates-import/match/id-then-title", test_match_id_then_title);
  g_test_add_func ("/estimates-import/problem/every-kind", test_every_problem);
  g_test_add_func ("/estimates-import/problem/repeated-across-files", test_repeated_across_files);
  g_test_add_func ("/estimates-import/problem/too-many-participants", test_too_many_participants);
  g_test_add_func ("/estimates-import/problem/participant-names", test_bad_participant_names);
  g_test_add_func ("/estimates-import/file-errors", test_file_errors);
  g_test_add_func ("/estimates-import/too-large", test_too_large);
  g_test_add_func ("/estimates-import/apply/undo", test_apply_and_undo);
  g_test_add_func ("/estimates-import/apply/several-files", test_apply_several_files);
  g_test_add_func ("/estimates-import/is-estimates", test_is_estimates);
  g_test_add_func ("/estimates-import/findings-import", test_findings_import_and_participants);

  return g_test_run ();
}
