/* test-csv.c: the CSV importer, from a Dutch Excel export to every error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bad-files.h"
#include "kw-csv.h"
#include "kw-format.h"

#define BOM "\xef\xbb\xbf"

/* Helpers */

static KwBoard *
import_text (const char  *csv,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));

  return kw_csv_import_bytes (bytes, "findings.csv", error);
}

static KwBoard *
import_ok (const char *csv)
{
  g_autoptr(GError) error = NULL;
  KwBoard *board = import_text (csv, &error);

  g_assert_no_error (error);
  g_assert_true (KW_IS_BOARD (board));

  return board;
}

static void
assert_import_error (const char *csv,
                     KwCsvError  code,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = import_text (csv, &error);

  g_assert_null (board);
  g_assert_error (error, KW_CSV_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

static char *
data_path (const char *name)
{
  const char *source_dir = g_getenv ("KW_SOURCE_DIR");

  /* meson test sets KW_SOURCE_DIR; by hand, G_TEST_SRCDIR works too. */
  if (source_dir == NULL)
    return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);

  return g_build_filename (source_dir, "tests", "data", "csv", name, NULL);
}

static KwBoard *
import_data_file (const char  *name,
                  GError     **error)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return kw_csv_import_file (file, NULL, error);
}

static void
assert_placed (KwBoard    *board,
               guint       position,
               const char *title,
               double      impact,
               double      effort)
{
  KwFinding *finding = kw_board_get_finding (board, position);

  g_assert_nonnull (finding);
  g_assert_cmpstr (kw_finding_get_title (finding), ==, title);
  g_assert_true (kw_finding_get_placed (finding));
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, impact);
  g_assert_cmpfloat (kw_finding_get_effort (finding), ==, effort);
}

static void
assert_unplaced (KwBoard    *board,
                 guint       position,
                 const char *title)
{
  KwFinding *finding = kw_board_get_finding (board, position);

  g_assert_nonnull (finding);
  g_assert_cmpstr (kw_finding_get_title (finding), ==, title);
  g_assert_false (kw_finding_get_placed (finding));
}

static void
assert_tags (KwFinding  *finding,
             const char *joined)
{
  g_autofree char *got = g_strjoinv ("|", (char **) kw_finding_get_tags (finding));

  g_assert_cmpstr (got, ==, joined);
}

static void
assert_counts (KwBoard *board,
               guint    quick_win,
               guint    small_fix,
               guint    long_term,
               guint    future,
               guint    drop,
               guint    unplaced)
{
  guint counts[KW_N_OUTCOMES];

  kw_board_count_outcomes (board, counts);
  g_assert_cmpuint (counts[KW_OUTCOME_QUICK_WIN], ==, quick_win);
  g_assert_cmpuint (counts[KW_OUTCOME_SMALL_FIX], ==, small_fix);
  g_assert_cmpuint (counts[KW_OUTCOME_LONG_TERM], ==, long_term);
  g_assert_cmpuint (counts[KW_OUTCOME_FUTURE], ==, future);
  g_assert_cmpuint (counts[KW_OUTCOME_DROP], ==, drop);
  g_assert_cmpuint (counts[KW_OUTCOME_UNPLACED], ==, unplaced);
}

/* Two boards hold the same findings, field by field (ids aside). */
static void
assert_same_findings (KwBoard *a,
                      KwBoard *b)
{
  g_assert_cmpuint (kw_board_get_n_findings (a), ==, kw_board_get_n_findings (b));

  for (guint i = 0; i < kw_board_get_n_findings (a); i++)
    {
      KwFinding *fa = kw_board_get_finding (a, i);
      KwFinding *fb = kw_board_get_finding (b, i);

      for (guint t = 0; t < KW_N_FINDING_TEXTS; t++)
        g_assert_cmpstr (kw_finding_get_text (fa, t), ==, kw_finding_get_text (fb, t));
      g_assert_cmpint (kw_finding_get_placed (fa), ==, kw_finding_get_placed (fb));
      g_assert_cmpfloat (kw_finding_get_impact (fa), ==, kw_finding_get_impact (fb));
      g_assert_cmpfloat (kw_finding_get_effort (fa), ==, kw_finding_get_effort (fb));
      g_assert_cmpint (kw_finding_get_status (fa), ==, kw_finding_get_status (fb));
      g_assert_true (g_strv_equal (kw_finding_get_tags (fa), kw_finding_get_tags (fb)));
    }
}

/* Whole files */

static void
test_dutch_excel_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = import_data_file ("bevindingen-excel.csv", &error);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  KwThresholds thresholds, defaults;
  KwFinding *finding;

  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 7);

  /* The CSV's row order; the empty row 9 is skipped. */
  assert_placed (board, 0, "Heldere uitgaande brieven", 8.0, 1.5);
  assert_placed (board, 1, "Kennisbank actualiseren", 7.5, 7.0);
  assert_placed (board, 2, "Wachtmuziek vervangen", 2.0, 0.5);
  assert_unplaced (board, 3, "Verplichte identiteitscheck");
  assert_placed (board, 4, "Terugbelverzoek via de website", 4.0, 3.0);
  assert_placed (board, 5, "Nieuw telefonieplatform", 3.0, 9.0);
  assert_placed (board, 6, "Script \"opzeggen\" herschrijven", 6.5, 2.0);
  assert_counts (board, 2, 1, 1, 1, 1, 1);

  finding = kw_board_get_finding (board, 0);
  g_assert_cmpstr (kw_finding_get_owner (finding), ==, "Team communicatie");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "2027-01-31");
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_IN_PROGRESS);
  assert_tags (finding, "brieven|communicatie");
  g_assert_cmpstr (kw_finding_get_description (finding), ==,
                   "Klanten bellen na een brief omdat de vervolgstap niet duidelijk is.");

  /* A quoted cell over two lines (CRLF inside) with doubled quotes. */
  finding = kw_board_get_finding (board, 1);
  g_assert_cmpstr (kw_finding_get_description (finding), ==,
                   "Artikelen zijn verouderd.\nMedewerkers zoeken \"op gevoel\".");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "2027-03-15");
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_OPEN);

  finding = kw_board_get_finding (board, 2);
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_DONE);
  assert_tags (finding, "");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "");

  finding = kw_board_get_finding (board, 3);
  assert_tags (finding, "privacy|beveiliging");
  g_assert_cmpstr (kw_finding_get_description (finding), ==,
                   "Wordt vaak overgeslagen; onderzoeken waarom.");

  finding = kw_board_get_finding (board, 4);
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_IN_PROGRESS);
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "2027-06-01");

  g_assert_cmpint (kw_finding_get_status (kw_board_get_finding (board, 6)), ==, KW_STATUS_DONE);

  /* Fresh, valid, distinct ids; times set; default thresholds. */
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      finding = kw_board_get_finding (board, i);
      g_assert_true (kw_finding_id_is_valid (kw_finding_get_id (finding)));
      g_assert_true (g_hash_table_add (ids, (gpointer) kw_finding_get_id (finding)));
      g_assert_nonnull (kw_finding_get_created (finding));
      g_assert_nonnull (kw_finding_get_modified (finding));
      g_assert_true (kw_board_lookup_finding (board, kw_finding_get_id (finding)) == finding);
    }

  kw_board_get_thresholds (board, &thresholds);
  kw_thresholds_init_default (&defaults);
  g_assert_cmpfloat (thresholds.impact, ==, defaults.impact);
  g_assert_cmpfloat (thresholds.effort, ==, defaults.effort);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, defaults.tiny_effort);
}

static void
test_english_export_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = import_data_file ("findings-export.csv", &error);
  KwFinding *finding;

  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 4);

  assert_placed (board, 0, "Clearer outgoing letters", 8.0, 2.0);
  assert_placed (board, 1, "Update the knowledge base", 9.0, 6.0);
  assert_unplaced (board, 2, "Mandatory identity check");
  /* The last line has no line end. */
  assert_placed (board, 3, "New telephony platform", 1.0, 8.0);
  assert_counts (board, 1, 0, 1, 0, 1, 1);

  finding = kw_board_get_finding (board, 0);
  /* The id column is not taken over: each finding gets a fresh id. */
  g_assert_cmpstr (kw_finding_get_id (finding), !=, "f-0001");
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_IN_PROGRESS);
  assert_tags (finding, "letters|communication");
  g_assert_cmpstr (kw_finding_get_description (finding), ==,
                   "Customers call after a letter, because the next step is unclear.");

  finding = kw_board_get_finding (board, 2);
  g_assert_cmpstr (kw_finding_get_description (finding), ==,
                   "Agents skip it under pressure.\nWe need to find out why.");
  g_assert_cmpstr (kw_finding_get_description (kw_board_get_finding (board, 3)), ==,
                   "Too expensive for what it brings");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = import_data_file ("bestaat-niet.csv", &error);

  g_assert_null (board);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Encodings and separators */

static const char dutch_rows[] =
  "titel;impact;inspanning;labels\n"
  "Heldere uitgaande brieven;8;1,5;brieven, communicatie\n"
  "Kennisbank actualiseren;7,5;7;kennisbank\n";

static void
test_bom_or_not (void)
{
  g_autofree char *with_bom = g_strconcat (BOM, dutch_rows, NULL);
  g_autoptr(KwBoard) plain = import_ok (dutch_rows);
  g_autoptr(KwBoard) marked = import_ok (with_bom);

  /* The BOM does not end up in the first column's name, so "titel" is found. */
  g_assert_cmpuint (kw_board_get_n_findings (marked), ==, 2);
  assert_placed (marked, 0, "Heldere uitgaande brieven", 8.0, 1.5);
  assert_same_findings (plain, marked);
}

static void
test_both_separators (void)
{
  g_autoptr(KwBoard) semicolons = import_ok (dutch_rows);
  g_autoptr(KwBoard) commas = import_ok (
    "titel,impact,inspanning,labels\n"
    "Heldere uitgaande brieven,8,\"1,5\",\"brieven, communicatie\"\n"
    "Kennisbank actualiseren,\"7,5\",7,kennisbank\n");

  assert_placed (semicolons, 1, "Kennisbank actualiseren", 7.5, 7.0);
  assert_tags (kw_board_get_finding (semicolons, 0), "brieven|communicatie");
  assert_same_findings (semicolons, commas);
}

static void
test_separator_detected_outside_quotes (void)
{
  /* The header's quoted name holds commas, but ";" separates the cells. */
  g_autoptr(KwBoard) board = import_ok (
    "\"titel\";\"impact\";\"inspanning\"\n"
    "Klachten, bezwaren en vragen scheiden;6;3\n");

  assert_placed (board, 0, "Klachten, bezwaren en vragen scheiden", 6.0, 3.0);
}

static void
test_single_column (void)
{
  /* Nothing to separate: commas and semicolons stay in the title. */
  g_autoptr(KwBoard) board = import_ok (
    "Titel\n"
    "Wachttijd melden; ook in de chat\n"
    "Terugbellen, niet mailen\n");

  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);
  assert_unplaced (board, 0, "Wachttijd melden; ook in de chat");
  assert_unplaced (board, 1, "Terugbellen, niet mailen");
}

/* Quoting and line ends */

static void
test_quoting (void)
{
  g_autoptr(KwBoard) board = import_ok (
    "title,description,owner\r\n"
    "\"Script \"\"opzeggen\"\" herschrijven\",\"Regel een,\r\nregel twee\nregel \"\"drie\"\"\",\"\"\r\n"
    "\"\"\"Bel mij terug\"\" beter uitleggen\",\"\",Team web\r\n"
    "Klant zegt \"nee\",\"ook\n\nlege regels\",\r\n");

  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 3);
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (board, 0)), ==,
                   "Script \"opzeggen\" herschrijven");
  g_assert_cmpstr (kw_finding_get_description (kw_board_get_finding (board, 0)), ==,
                   "Regel een,\nregel twee\nregel \"drie\"");
  g_assert_cmpstr (kw_finding_get_owner (kw_board_get_finding (board, 0)), ==, "");
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (board, 1)), ==,
                   "\"Bel mij terug\" beter uitleggen");
  g_assert_cmpstr (kw_finding_get_owner (kw_board_get_finding (board, 1)), ==, "Team web");
  /* A quote inside an unquoted cell is kept as it is. */
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (board, 2)), ==, "Klant zegt \"nee\"");
  g_assert_cmpstr (kw_finding_get_description (kw_board_get_finding (board, 2)), ==,
                   "ook\n\nlege regels");
}

static void
test_line_ends (void)
{
  g_autoptr(KwBoard) lf = import_ok ("titel;impact;inspanning\nA;1;2\nB;3;4\n");
  g_autoptr(KwBoard) crlf = import_ok ("titel;impact;inspanning\r\nA;1;2\r\nB;3;4\r\n");
  g_autoptr(KwBoard) cr = import_ok ("titel;impact;inspanning\rA;1;2\rB;3;4\r");
  g_autoptr(KwBoard) no_end = import_ok ("titel;impact;inspanning\nA;1;2\nB;3;4");
  g_autoptr(KwBoard) blank_end = import_ok ("titel;impact;inspanning\r\nA;1;2\r\nB;3;4\r\n\r\n\r\n;;\r\n  \n");

  g_assert_cmpuint (kw_board_get_n_findings (lf), ==, 2);
  assert_placed (lf, 1, "B", 3.0, 4.0);
  assert_same_findings (lf, crlf);
  assert_same_findings (lf, cr);
  assert_same_findings (lf, no_end);
  assert_same_findings (lf, blank_end);
}

/* Headers */

static void
test_headers_any_order_and_language (void)
{
  g_autoptr(KwBoard) dutch = import_ok (
    "  LABELS ;Status;Deadline;Eigenaar;Omschrijving;Inspanning;Titel;Impact;Bron;Herbeoordeling;Reden_schrappen;Uitkomst\n"
    "ivr;afgerond;31-12-2026;Team telefonie;Menu heeft 9 keuzes;8;Keuzemenu inkorten;3;Klantonderzoek 2026;01-03-2027;Past niet in het budget;drop\n");
  g_autoptr(KwBoard) english = import_ok (
    "Impact,Title,Drop reason,Review,Source,Effort,Description,Owner,Due,Status,Tags,Outcome,ID\n"
    "3,Keuzemenu inkorten,Past niet in het budget,2027-03-01,Klantonderzoek 2026,8,Menu heeft 9 keuzes,Team telefonie,2026-12-31,done,ivr,quick-win,f-0009\n");
  KwFinding *finding = kw_board_get_finding (dutch, 0);

  assert_placed (dutch, 0, "Keuzemenu inkorten", 3.0, 8.0);
  g_assert_cmpstr (kw_finding_get_description (finding), ==, "Menu heeft 9 keuzes");
  g_assert_cmpstr (kw_finding_get_owner (finding), ==, "Team telefonie");
  g_assert_cmpstr (kw_finding_get_source (finding), ==, "Klantonderzoek 2026");
  g_assert_cmpstr (kw_finding_get_drop_reason (finding), ==, "Past niet in het budget");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "2026-12-31");
  g_assert_cmpstr (kw_finding_get_review_date (finding), ==, "2027-03-01");
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_DONE);
  assert_tags (finding, "ivr");
  /* The outcome column is ignored: it follows from the scores. */
  assert_counts (english, 0, 0, 0, 0, 1, 0);
  assert_same_findings (dutch, english);
}

static void
test_header_only (void)
{
  /* A prepared sheet without findings yet gives an empty board. */
  g_autoptr(KwBoard) board = import_ok ("titel;impact;inspanning;eigenaar\r\n");
  g_autoptr(KwBoard) bare = import_ok ("title");

  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 0);
  g_assert_cmpuint (kw_board_get_n_findings (bare), ==, 0);
}

static void
test_unnamed_empty_columns (void)
{
  /* Excel writes trailing empty columns when a cell to the right was ever
   * formatted; they are fine while they stay empty. */
  g_autoptr(KwBoard) board = import_ok (
    "titel;impact;inspanning;;\n"
    "Heldere uitgaande brieven;8;2;;\n"
    "Kennisbank actualiseren;7;6\n");

  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);
  assert_placed (board, 1, "Kennisbank actualiseren", 7.0, 6.0);
}

/* Values */

static void
test_scores (void)
{
  g_autoptr(KwBoard) board = import_ok (
    "titel;impact;inspanning\n"
    "Decimale komma;7,5;2,25\n"
    "Decimale punt;7.5;0.04\n"
    "Randen;10;0\n"
    "Spaties; 6 ; 4,0 \n"
    "Niet geplaatst;;\n"
    "Alleen spaties;  ;  \n");

  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 6);
  /* Scores are kept in tenths. */
  assert_placed (board, 0, "Decimale komma", 7.5, 2.3);
  assert_placed (board, 1, "Decimale punt", 7.5, 0.0);
  assert_placed (board, 2, "Randen", 10.0, 0.0);
  assert_placed (board, 3, "Spaties", 6.0, 4.0);
  assert_unplaced (board, 4, "Niet geplaatst");
  assert_unplaced (board, 5, "Alleen spaties");
}

static void
test_no_score_columns (void)
{
  g_autoptr(KwBoard) board = import_ok ("titel;eigenaar\nVerplichte identiteitscheck;Compliance\n");

  assert_unplaced (board, 0, "Verplichte identiteitscheck");
  g_assert_cmpstr (kw_finding_get_owner (kw_board_get_finding (board, 0)), ==, "Compliance");
}

static void
test_statuses (void)
{
  static const struct { const char *text; KwStatus status; } cases[] = {
    { "", KW_STATUS_OPEN },
    { "open", KW_STATUS_OPEN },
    { "OPEN", KW_STATUS_OPEN },
    { "in progress", KW_STATUS_IN_PROGRESS },
    { "In Progress", KW_STATUS_IN_PROGRESS },
    { "in-progress", KW_STATUS_IN_PROGRESS },
    { "bezig", KW_STATUS_IN_PROGRESS },
    { " In behandeling ", KW_STATUS_IN_PROGRESS },
    { "done", KW_STATUS_DONE },
    { "Klaar", KW_STATUS_DONE },
    { "afgerond", KW_STATUS_DONE },
    { "GEDAAN", KW_STATUS_DONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv = g_strdup_printf ("titel;status\nKennisbank actualiseren;%s\n", cases[i].text);
      g_autoptr(KwBoard) board = import_ok (csv);

      g_test_message ("status \"%s\"", cases[i].text);
      g_assert_cmpint (kw_finding_get_status (kw_board_get_finding (board, 0)), ==, cases[i].status);
    }
}

static void
test_tags (void)
{
  g_autoptr(KwBoard) semicolons = import_ok (
    "titel;labels\n"
    "A;brieven, communicatie\n"
    "B;\"brieven; communicatie\"\n"
    "C;brieven|communicatie| brieven ||\n"
    "D;  \n");
  g_autoptr(KwBoard) commas = import_ok (
    "title,tags\n"
    "A,\"brieven, communicatie\"\n"
    "B,brieven; communicatie\n"
    "C,brieven | communicatie\n");

  assert_tags (kw_board_get_finding (semicolons, 0), "brieven|communicatie");
  assert_tags (kw_board_get_finding (semicolons, 1), "brieven|communicatie");
  /* Repeats and empty tags are dropped, as kw_finding_set_tags() does. */
  assert_tags (kw_board_get_finding (semicolons, 2), "brieven|communicatie");
  assert_tags (kw_board_get_finding (semicolons, 3), "");
  for (guint i = 0; i < 3; i++)
    assert_tags (kw_board_get_finding (commas, i), "brieven|communicatie");
}

static void
test_dates (void)
{
  g_autoptr(KwBoard) board = import_ok (
    "titel;deadline;herbeoordeling\n"
    "A;2026-12-31;31-12-2026\n"
    "B;1-2-2027;29/02/2028\n"
    "C;;\n");

  g_assert_cmpstr (kw_finding_get_due_date (kw_board_get_finding (board, 0)), ==, "2026-12-31");
  g_assert_cmpstr (kw_finding_get_review_date (kw_board_get_finding (board, 0)), ==, "2026-12-31");
  g_assert_cmpstr (kw_finding_get_due_date (kw_board_get_finding (board, 1)), ==, "2027-02-01");
  g_assert_cmpstr (kw_finding_get_review_date (kw_board_get_finding (board, 1)), ==, "2028-02-29");
  g_assert_cmpstr (kw_finding_get_due_date (kw_board_get_finding (board, 2)), ==, "");
}

static void
test_text_cleaning (void)
{
  g_autoptr(KwBoard) board = import_ok (
    "title,owner,description\n"
    "\"  Wachtrij\tmelden \",\" Team\nweb \",\"Eerste regel\r\nTweede\x01 regel\"\n");
  KwFinding *finding = kw_board_get_finding (board, 0);

  /* One-line fields become one line; control characters go. */
  g_assert_cmpstr (kw_finding_get_title (finding), ==, "Wachtrij melden");
  g_assert_cmpstr (kw_finding_get_owner (finding), ==, "Team web");
  g_assert_cmpstr (kw_finding_get_description (finding), ==, "Eerste regel\nTweede regel");
}

static void
test_short_rows (void)
{
  /* A row that stops early has empty cells for the rest. */
  g_autoptr(KwBoard) board = import_ok ("titel;eigenaar;impact;inspanning\nWachtmuziek vervangen\n");

  assert_unplaced (board, 0, "Wachtmuziek vervangen");
  g_assert_cmpstr (kw_finding_get_owner (kw_board_get_finding (board, 0)), ==, "");
}

/* Errors: each names the file, the row as the spreadsheet counts it, and
 * the column. */

static void
test_error_bad_score_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = import_data_file ("slechte-inspanning.csv", &error);

  g_assert_null (board);
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "slechte-inspanning.csv: row 7, column “inspanning”: “veel” is not a number from 0 to 10");
}

static void
test_error_scores (void)
{
  assert_import_error ("titel;impact;inspanning\nA;11;2\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 2, column “impact”: “11” is not a number from 0 to 10");
  assert_import_error ("titel;impact;inspanning\nA;8;-1\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 2, column “inspanning”: “-1” is not a number from 0 to 10");
  assert_import_error ("titel;impact;inspanning\nA;8;2\nB;NaN;2\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 3, column “impact”: “NaN” is not a number from 0 to 10");
  assert_import_error ("titel;Impact;Inspanning\nA;1e1;2\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 2, column “Impact”: “1e1” is not a number from 0 to 10");
  assert_import_error ("title,impact,effort\nA,\"7,5,1\",2\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 2, column “impact”: “7,5,1” is not a number from 0 to 10");
}

static void
test_error_half_placed (void)
{
  assert_import_error ("titel;impact;inspanning\nA;;2\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 2, column “impact”: the impact is empty but the effort is not; "
                       "fill in both or leave both empty");
  assert_import_error ("titel;impact;inspanning\nA;1;2\nB;;\nC;8; \n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 4, column “inspanning”: the effort is empty but the impact is not; "
                       "fill in both or leave both empty");
}

static void
test_error_title (void)
{
  assert_import_error ("titel;impact;inspanning\nA;1;2\n  ;3;4\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 3, column “titel”: the title is empty, and every finding needs a title");
  assert_import_error ("omschrijving;impact;inspanning\nIets;1;2\n", KW_CSV_ERROR_HEADER,
                       "findings.csv: row 1: there is no “title” (or “titel”) column, and every finding needs a title");
}

static void
test_error_header (void)
{
  assert_import_error ("titel;impact;inspaning\nA;1;2\n", KW_CSV_ERROR_HEADER,
                       "findings.csv: row 1, column “inspaning”: Kwadrant does not know this column. "
                       "The columns are title, description, impact, effort, owner, due, status, tags, "
                       "source, review and drop reason (in Dutch: titel, omschrijving, impact, inspanning, "
                       "eigenaar, deadline, status, labels, bron, herbeoordeling and reden schrappen)");
  assert_import_error ("Titel;Impact;Inspanning;Title\nA;1;2;B\n", KW_CSV_ERROR_HEADER,
                       "findings.csv: row 1, column “Title”: this column is already in column A (“Titel”); "
                       "keep only one of them");
  assert_import_error ("titel;id;labels;ID\nA;1;x;2\n", KW_CSV_ERROR_HEADER,
                       "findings.csv: row 1, column “ID”: this column is already in column B (“id”); "
                       "keep only one of them");
  assert_import_error ("titel;impact\nA;1\n", KW_CSV_ERROR_HEADER,
                       "findings.csv: row 1, column “impact”: there is an impact column but no effort column; "
                       "give both or neither");
  assert_import_error ("inspanning;titel\n1;A\n", KW_CSV_ERROR_HEADER,
                       "findings.csv: row 1, column “inspanning”: there is an effort column but no impact column; "
                       "give both or neither");
  /* A tab-separated file (what a spreadsheet copies) reads by its tabs. */
  assert_import_error ("titel\timpact\n", KW_CSV_ERROR_HEADER,
                       "findings.csv: row 1, column “impact”: there is an impact column but no effort column; "
                       "give both or neither");
}

/* Rows copied from a spreadsheet and saved as text: tabs separate the
 * cells, so commas and semicolons stay in the titles. */
static void
test_tab_separated (void)
{
  g_autoptr(KwBoard) board = import_ok ("Titel\tImpact\tInspanning\nBellen, mailen; chatten\t7\t2,5\n");
  KwFinding *finding = kw_board_get_finding (board, 0);

  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  g_assert_cmpstr (kw_finding_get_title (finding), ==, "Bellen, mailen; chatten");
  g_assert_cmpfloat (kw_finding_get_effort (finding), ==, 2.5);
}

/* Two rows for one finding are an error, as in an import into an open
 * board (KwImport's rule); the id column does not count on a new board, so
 * a row copied in the spreadsheet and retitled is a finding of its own. */
static void
test_error_repeated_title (void)
{
  g_autoptr(KwBoard) board = import_ok ("id;titel\nf-0001;Wachtmuziek\nf-0001;Terugbellen\n");

  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);
  assert_import_error ("titel;impact;inspanning\nWachtmuziek;1;2\nTerugbellen;3;4\nwachtmuziek;5;6\n",
                       KW_CSV_ERROR_VALUE,
                       "findings.csv: row 4, column “titel”: row 2 already imports this finding; "
                       "keep only one of the two rows");
}

static void
test_error_status_and_dates (void)
{
  assert_import_error ("titel;status\nA;open\nB;misschien\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 3, column “status”: “misschien” is not a status; "
                       "use open, in progress or done");
  assert_import_error ("titel;deadline\nA;31-02-2026\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 2, column “deadline”: “31-02-2026” is not a date; "
                       "write a date as 31-12-2026 or 2026-12-31");
  assert_import_error ("title,review\nA,next week\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 2, column “review”: “next week” is not a date; "
                       "write a date as 31-12-2026 or 2026-12-31");
}

static void
test_error_unnamed_column (void)
{
  assert_import_error ("titel;impact;inspanning;\nA;1;2;\nB;1;2;vergeten kolom\n", KW_CSV_ERROR_VALUE,
                       "findings.csv: row 3: column D holds “vergeten kolom” but has no name in row 1, "
                       "so Kwadrant does not know what it means");
}

static void
test_error_long_value_shortened (void)
{
  assert_import_error ("titel;status\nA;Dit is een bijzonder lange status die niemand ooit zo zou schrijven\n",
                       KW_CSV_ERROR_VALUE,
                       "findings.csv: row 2, column “status”: “Dit is een bijzonder lange status die n…” "
                       "is not a status; use open, in progress or done");
}

static void
test_error_quoting (void)
{
  assert_import_error ("titel;omschrijving\nA;\"open\nB;ok\n", KW_CSV_ERROR_SYNTAX,
                       "findings.csv: row 2: a cell starts with a double quote (\") that is never closed");
  assert_import_error ("titel;omschrijving\nA;\"te \"veel\" quotes\"\n", KW_CSV_ERROR_SYNTAX,
                       "findings.csv: row 2: there is text after the closing double quote of a cell; "
                       "inside a quoted cell, write a double quote twice (\"\")");
  assert_import_error ("titel;eigenaar\nA;B;C\n", KW_CSV_ERROR_SYNTAX,
                       "findings.csv: row 2: this row has more cells than row 1 has columns; "
                       "a cell that contains “;” must be between double quotes");
  assert_import_error ("title,owner\nA,B\nTerugbellen, niet mailen,Team web\n", KW_CSV_ERROR_SYNTAX,
                       "findings.csv: row 3: this row has more cells than row 1 has columns; "
                       "a cell that contains “,” must be between double quotes");
}

static void
test_error_rows_count_like_a_spreadsheet (void)
{
  /* Row 2 spans three lines and row 3 is empty; the bad cell is in row 4,
   * on line 6 of the file. */
  assert_import_error ("titel;omschrijving;status\n"
                       "A;\"een\ntwee\ndrie\";open\n"
                       ";;\n"
                       "B;;nooit\n",
                       KW_CSV_ERROR_VALUE,
                       "findings.csv: row 4, column “status”: “nooit” is not a status; "
                       "use open, in progress or done");
}

static void
test_error_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = import_data_file ("windows-1252.csv", &error);

  g_assert_null (board);
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "windows-1252.csv: row 3: the text is not UTF-8. "
                   "Save the spreadsheet as “CSV UTF-8” and import that file");

  assert_import_error ("titel\xe9;impact;inspanning\n", KW_CSV_ERROR_ENCODING,
                       "findings.csv: row 1: the text is not UTF-8. "
                       "Save the spreadsheet as “CSV UTF-8” and import that file");
  /* An overlong encoding of "/" and a lone continuation byte. */
  assert_import_error ("titel\nA\nB\xc0\xaf\n", KW_CSV_ERROR_ENCODING,
                       "findings.csv: row 3: the text is not UTF-8. "
                       "Save the spreadsheet as “CSV UTF-8” and import that file");
  assert_import_error ("titel\n\"A\n\x80\"\n", KW_CSV_ERROR_ENCODING,
                       "findings.csv: row 2: the text is not UTF-8. "
                       "Save the spreadsheet as “CSV UTF-8” and import that file");
  assert_import_error ("\xff\xfet\0i\0t\0e\0l\0", KW_CSV_ERROR_ENCODING,
                       "findings.csv is UTF-16 text, not UTF-8. "
                       "Save the spreadsheet as “CSV UTF-8” and import that file.");
}

static void
test_error_nul_byte (void)
{
  static const char csv[] = "titel\nA\0B\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_csv_import_bytes (bytes, "findings.csv", &error);

  g_assert_null (board);
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "row 2"));
}

static void
test_error_empty (void)
{
  static const char message[] =
    "findings.csv is empty. Its first row must name the columns, for example "
    "“title,impact,effort”, and each further row holds one finding.";

  assert_import_error ("", KW_CSV_ERROR_HEADER, message);
  assert_import_error (BOM, KW_CSV_ERROR_HEADER, message);
  assert_import_error ("\r\n \n\t\n", KW_CSV_ERROR_HEADER, message);
  assert_import_error (";;\n", KW_CSV_ERROR_HEADER,
                       "findings.csv: row 1: there is no “title” (or “titel”) column, and every finding needs a title");
}

/* Limits */

static void
test_limit_file_size (void)
{
  gsize size = KW_CSV_MAX_BYTES + 1;
  char *data = g_malloc0 (size);
  g_autoptr(GBytes) bytes = g_bytes_new_take (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_csv_import_bytes (bytes, "findings.csv", &error);

  g_assert_null (board);
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "findings.csv is larger than 64 MB; Kwadrant imports CSV files up to that size.");
}

static void
test_limit_file_size_on_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KwBoard) board = NULL;
  int fd;

  /* A sparse file: big, but it costs no disk. */
  fd = g_file_open_tmp ("kw-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t) KW_CSV_MAX_BYTES + 1), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  board = kw_csv_import_file (file, NULL, &error);
  g_unlink (path);

  g_assert_null (board);
  g_assert_error (error, KW_CSV_ERROR, KW_CSV_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_suffix (error->message, "is larger than 64 MB; Kwadrant imports CSV files up to that size."));
}

static void
test_limit_cell (void)
{
  GString *csv = g_string_new ("titel;omschrijving\nA;\"");
  g_autofree char *text = NULL;

  for (guint i = 0; i <= KW_CSV_MAX_CELL_BYTES; i++)
    g_string_append_c (csv, 'x');
  g_string_append (csv, "\"\n");
  text = g_string_free (csv, FALSE);

  assert_import_error (text, KW_CSV_ERROR_TOO_LARGE,
                       "findings.csv: row 2: a cell is longer than 256 kB, which is more than a finding can hold");
}

static void
test_limit_columns (void)
{
  GString *csv = g_string_new ("titel");
  g_autofree char *text = NULL;

  for (guint i = 0; i < KW_CSV_MAX_COLUMNS; i++)
    g_string_append_c (csv, ';');
  g_string_append_c (csv, '\n');
  text = g_string_free (csv, FALSE);

  assert_import_error (text, KW_CSV_ERROR_TOO_LARGE, "findings.csv: row 1: there are more than 64 columns");
}

static void
test_limit_findings (void)
{
  GString *csv = g_string_new ("titel\n");
  g_autofree char *text = NULL;

  for (guint i = 0; i <= KW_CSV_MAX_FINDINGS; i++)
    g_string_append (csv, "x\n");
  text = g_string_free (csv, FALSE);

  assert_import_error (text, KW_CSV_ERROR_TOO_LARGE,
                       "findings.csv has more than 200000 findings; split it into smaller files");
}

/* The hostile corpus */

static KwCsvError
csv_code_from_name (const char *name)
{
  static const struct { const char *name; KwCsvError code; } codes[] = {
    { "ENCODING", KW_CSV_ERROR_ENCODING },
    { "SYNTAX", KW_CSV_ERROR_SYNTAX },
    { "HEADER", KW_CSV_ERROR_HEADER },
    { "VALUE", KW_CSV_ERROR_VALUE },
    { "TOO_LARGE", KW_CSV_ERROR_TOO_LARGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      if (g_str_equal (codes[i].name, name))
        return codes[i].code;
    }

  g_error ("bad-files.txt: unknown error code %s", name);
}

/* Each bad CSV of tests/data/csv/bad gives the error bad-files.txt says,
 * naming the file and, where there is one, the row. */
static void
test_bad_corpus (void)
{
  g_autoptr(GPtrArray) bad_files = bad_files_load ("csv/bad/");
  const char * const none[] = { NULL };

  g_assert_cmpuint (bad_files->len, >=, 12);
  bad_files_assert_complete (bad_files, "csv/bad", ".csv", none);

  for (guint i = 0; i < bad_files->len; i++)
    {
      const BadFile *bad = g_ptr_array_index (bad_files, i);
      g_autofree char *path = bad_files_data_path (bad->file);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *row = g_strdup_printf ("%s: row %d", name, bad->line);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBoard) board = kw_csv_import_file (file, NULL, &error);

      g_assert_null (board);
      if (!g_error_matches (error, KW_CSV_ERROR, (int) csv_code_from_name (bad->code)))
        g_error ("%s: expected code %s, got %s", bad->file, bad->code,
                 error != NULL ? error->message : "no error");
      if (!g_str_has_prefix (error->message, name) || !g_str_has_suffix (error->message, bad->words) ||
          (bad->line > 0 && !g_str_has_prefix (error->message, row)))
        g_error ("%s: expected “%s” (row %d), got “%s”", bad->file, bad->words, bad->line, error->message);
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* Spreadsheet formulas in a CSV are imported as the plain text they are;
 * the export guards them again (see test-export-csv). Control characters
 * are cleaned out. Whatever was imported saves as a valid board. */
static void
test_hostile_but_importable (void)
{
  g_autofree char *path = bad_files_data_path ("csv/hostile/formula-injection.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_csv_import_file (file, NULL, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KwBoard) reloaded = NULL;
  g_autofree char *controls_path = bad_files_data_path ("csv/hostile/control-characters.csv");
  g_autoptr(GFile) controls_file = g_file_new_for_path (controls_path);
  g_autoptr(KwBoard) controls = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 3);
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (board, 0)), ==, "=cmd|' /C calc'!A0");
  g_assert_cmpstr (kw_finding_get_description (kw_board_get_finding (board, 0)), ==, "=1+1");
  g_assert_cmpstr (kw_finding_get_owner (kw_board_get_finding (board, 0)), ==, "@SUM(A1)");
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (board, 1)), ==, "+SUM(1;2)");
  g_assert_cmpstr (kw_finding_get_owner (kw_board_get_finding (board, 1)), ==, "=HYPERLINK(\"http://example.invalid/\")");
  /* A guarded cell from Kwadrant's own export loses its guard once. */
  g_assert_cmpstr (kw_finding_get_description (kw_board_get_finding (board, 2)), ==, "=already guarded");

  saved = kw_format_save_bytes (board, &error);
  g_assert_no_error (error);
  reloaded = kw_format_load_bytes (saved, "formules.kwadrant", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_n_findings (reloaded), ==, 3);

  controls = kw_csv_import_file (controls_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (controls, 0)), ==, "Bell and start");
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (controls, 1)), ==, "Escape [31mred");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/file/dutch-excel", test_dutch_excel_file);
  g_test_add_func ("/csv/file/english-export", test_english_export_file);
  g_test_add_func ("/csv/file/missing", test_missing_file);
  g_test_add_func ("/csv/bom-or-not", test_bom_or_not);
  g_test_add_func ("/csv/separator/both", test_both_separators);
  g_test_add_func ("/csv/separator/outside-quotes", test_separator_detected_outside_quotes);
  g_test_add_func ("/csv/separator/single-column", test_single_column);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/header/any-order-and-language", test_headers_any_order_and_language);
  g_test_add_func ("/csv/header/only", test_header_only);
  g_test_add_func ("/csv/header/unnamed-empty-columns", test_unnamed_empty_columns);
  g_test_add_func ("/csv/value/scores", test_scores);
  g_test_add_func ("/csv/value/no-score-columns", test_no_score_columns);
  g_test_add_func ("/csv/value/statuses", test_statuses);
  g_test_add_func ("/csv/value/tags", test_tags);
  g_test_add_func ("/csv/value/dates", test_dates);
  g_test_add_func ("/csv/value/text-cleaning", test_text_cleaning);
  g_test_add_func ("/csv/value/short-rows", test_short_rows);
  g_test_add_func ("/csv/error/bad-score-file", test_error_bad_score_file);
  g_test_add_func ("/csv/error/scores", test_error_scores);
  g_test_add_func ("/csv/error/half-placed", test_error_half_placed);
  g_test_add_func ("/csv/error/title", test_error_title);
  g_test_add_func ("/csv/error/header", test_error_header);
  g_test_add_func ("/csv/error/repeated-title", test_error_repeated_title);
  g_test_add_func ("/csv/error/status-and-dates", test_error_status_and_dates);
  g_test_add_func ("/csv/error/unnamed-column", test_error_unnamed_column);
  g_test_add_func ("/csv/error/long-value-shortened", test_error_long_value_shortened);
  g_test_add_func ("/csv/error/quoting", test_error_quoting);
  g_test_add_func ("/csv/error/rows-count-like-a-spreadsheet", test_error_rows_count_like_a_spreadsheet);
  g_test_add_func ("/csv/error/encoding", test_error_encoding);
  g_test_add_func ("/csv/error/nul-byte", test_error_nul_byte);
  g_test_add_func ("/csv/error/empty", test_error_empty);
  g_test_add_func ("/csv/limit/file-size", test_limit_file_size);
  g_test_add_func ("/csv/limit/file-size-on-disk", test_limit_file_size_on_disk);
  g_test_add_func ("/csv/limit/cell", test_limit_cell);
  g_test_add_func ("/csv/limit/columns", test_limit_columns);
  g_test_add_func ("/csv/limit/findings", test_limit_findings);
  g_test_add_func ("/csv/corpus/bad", test_bad_corpus);
  g_test_add_func ("/csv/corpus/hostile-but-importable", test_hostile_but_importable);
  g_test_add_func ("/csv/tab-separated", test_tab_separated);

  return g_test_run ();
}
