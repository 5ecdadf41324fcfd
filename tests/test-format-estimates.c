/* test-format-estimates.c: participants and estimates in the .kwadrant
 * format (version 3): the round trip of every field, what the writer
 * writes, the schema, version 1 and 2 boards read and saved as version 3,
 * the bounds against hostile files (the corpus's files are run by
 * test-format) and a workshop-sized board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "kw-board.h"
#include "kw-format.h"
#include "kw-format-test.h"
#include "kw-participant-list.h"

static KwFinding *
add_finding (KwBoard    *board,
             const char *id,
             const char *title)
{
  g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, title);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 11, 20, 9, 12, 0);

  kw_finding_set_created (finding, created);
  kw_finding_set_modified (finding, created);
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

static void
add_participant (KwBoard    *board,
                 const char *id,
                 const char *name,
                 const char *team)
{
  g_autoptr(KwParticipant) participant = kw_participant_new (id, name, team);

  g_assert_true (kw_participant_list_add (kw_board_get_participants (board), participant, G_MAXUINT));
}

static void
set_estimate (KwFinding  *finding,
              const char *participant_id,
              gboolean    known,
              double      impact,
              double      effort)
{
  KwEstimate estimate = { known, impact, effort };

  kw_finding_set_estimate (finding, participant_id, &estimate);
}

/* A workshop: names in several scripts and with XML's special characters,
 * teams or none, scores in tenths at both ends of the scale, "no idea",
 * estimates given in another order than the participants are listed, and
 * a finding nobody estimated. */
static KwBoard *
make_board_with_estimates (void)
{
  KwBoard *board = kw_board_new ();
  KwFinding *letters, *queue, *unestimated;

  kw_board_set_title (board, "Klantcontact 2027");
  add_participant (board, "p1", "Anna", "Team Zorg");
  add_participant (board, "p2", "Ömer Yılmaz", "");
  add_participant (board, "p3", "مريم & <Sem> \"q\"", "WFM 'planning'");
  add_participant (board, "p-10", "李雷 😀", NULL);

  letters = add_finding (board, "f-1", "Heldere brieven");
  kw_finding_place (letters, 8.0, 2.5);
  /* Given last to first: the file lists them in the board's order. */
  set_estimate (letters, "p-10", TRUE, 10.0, 0.0);
  set_estimate (letters, "p3", FALSE, 0.0, 0.0);
  set_estimate (letters, "p2", TRUE, 3.3, 9.9);
  set_estimate (letters, "p1", TRUE, 7.0, 3.0);

  queue = add_finding (board, "f-2", "Wachtrij korter");
  set_estimate (queue, "p2", TRUE, 0.0, 10.0);
  set_estimate (queue, "p1", FALSE, 0.0, 0.0);

  unestimated = add_finding (board, "f-3", "Kennisbank actualiseren");
  kw_finding_place (unestimated, 2.0, 7.0);

  return board;
}

static char *
bytes_to_string (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_round_trip (void)
{
  g_autoptr(KwBoard) board = make_board_with_estimates ();
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(KwBoard) loaded = kw_format_test_round_trip (board, &saved);
  g_autoptr(KwBoard) loaded_again = NULL;
  KwEstimate estimate;

  kw_format_test_assert_same_board (board, loaded);
  g_assert_cmpuint (kw_board_get_format_version (loaded), ==, 3);

  g_assert_true (kw_finding_get_estimate (kw_board_get_finding (loaded, 0), "p2", &estimate));
  g_assert_true (estimate.known);
  g_assert_cmpfloat (estimate.impact, ==, 3.3);
  g_assert_cmpfloat (estimate.effort, ==, 9.9);
  g_assert_true (kw_finding_get_estimate (kw_board_get_finding (loaded, 0), "p3", &estimate));
  g_assert_false (estimate.known);
  g_assert_cmpuint (kw_finding_get_n_estimates (kw_board_get_finding (loaded, 2)), ==, 0);
  /* Loaded in the file's order, which is the board's. */
  g_assert_cmpstr (kw_finding_get_nth_estimate (kw_board_get_finding (loaded, 0), 0, NULL), ==, "p1");
  g_assert_cmpstr (kw_finding_get_nth_estimate (kw_board_get_finding (loaded, 0), 3, NULL), ==, "p-10");

  /* What was loaded saves to the same bytes. */
  loaded_again = kw_format_test_round_trip (loaded, &saved_again);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

static void
test_output_is_readable (void)
{
  g_autoptr(KwBoard) board = make_board_with_estimates ();
  g_autoptr(GBytes) bytes = kw_format_save_bytes (board, NULL);
  g_autofree char *text = bytes_to_string (bytes);
  const char *participants = strstr (text, "\n  <participants>\n");
  const char *findings = strstr (text, "\n  <findings>\n");

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<board xmlns=\"" KW_FORMAT_NAMESPACE "\" format-version=\"3\">\n"));
  g_assert_nonnull (participants);
  g_assert_nonnull (findings);
  g_assert_true (participants < findings);
  g_assert_nonnull (strstr (text, "\n  <participants>\n"
                                  "    <participant id=\"p1\" name=\"Anna\" team=\"Team Zorg\"/>\n"
                                  "    <participant id=\"p2\" name=\"Ömer Yılmaz\"/>\n"
                                  "    <participant id=\"p3\" name=\"مريم &amp; &lt;Sem&gt; &quot;q&quot;\" "
                                  "team=\"WFM 'planning'\"/>\n"
                                  "    <participant id=\"p-10\" name=\"李雷 😀\"/>\n"
                                  "  </participants>\n"));
  g_assert_nonnull (strstr (text, "\n      <position impact=\"8.0\" effort=\"2.5\"/>\n"
                                  "      <estimates>\n"
                                  "        <estimate participant=\"p1\" impact=\"7.0\" effort=\"3.0\"/>\n"
                                  "        <estimate participant=\"p2\" impact=\"3.3\" effort=\"9.9\"/>\n"
                                  "        <estimate participant=\"p3\" no-idea=\"true\"/>\n"
                                  "        <estimate participant=\"p-10\" impact=\"10.0\" effort=\"0.0\"/>\n"
                                  "      </estimates>\n"
                                  "    </finding>\n"));
  g_assert_nonnull (strstr (text, "\n      <estimates>\n"
                                  "        <estimate participant=\"p1\" no-idea=\"true\"/>\n"
                                  "        <estimate participant=\"p2\" impact=\"0.0\" effort=\"10.0\"/>\n"
                                  "      </estimates>\n"));
  /* Nobody estimated f-3: no <estimates> there. */
  g_assert_nonnull (strstr (text, "<title>Kennisbank actualiseren</title>\n"
                                  "      <position impact=\"2.0\" effort=\"7.0\"/>\n"
                                  "    </finding>\n"));
}

static void
test_no_participants_no_element (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  add_finding (board, "f-1", "Alleen");
  bytes = kw_format_save_bytes (board, NULL);
  text = bytes_to_string (bytes);

  g_assert_null (strstr (text, "participant"));
  g_assert_null (strstr (text, "estimate"));
}

static void
test_schema_accepts_written_board (void)
{
  g_autoptr(KwBoard) board = make_board_with_estimates ();
  g_autoptr(GBytes) bytes = kw_format_save_bytes (board, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kw-format-estimates-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "board.kwadrant", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));

  if (!kw_format_test_xmllint_validates (path, &output))
    g_error ("a written board with estimates does not validate:\n%s", output);

  g_remove (path);
  g_rmdir (dir);
}

static KwBoard *
load_corpus (const char *name)
{
  g_autofree char *path = kw_format_test_corpus_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KwBoard *board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (board);

  return board;
}

static void
test_corpus_board (void)
{
  g_autoptr(KwBoard) board = load_corpus ("valid-estimates.kwadrant");
  KwParticipantList *participants = kw_board_get_participants (board);
  KwFinding *first = kw_board_get_finding (board, 0);
  KwEstimateSummary summary;
  KwEstimate estimate;

  g_assert_cmpuint (kw_board_get_format_version (board), ==, 3);
  g_assert_false (kw_board_is_from_newer_format (board));
  g_assert_cmpuint (kw_participant_list_get_n_items (participants), ==, 4);
  g_assert_cmpstr (kw_participant_get_name (kw_participant_list_lookup (participants, "p1")), ==, "Anna de Vries");
  g_assert_cmpstr (kw_participant_get_team (kw_participant_list_lookup (participants, "p1")), ==, "Teamleider");
  g_assert_cmpstr (kw_participant_get_team (kw_participant_list_lookup (participants, "p4")), ==, "");

  g_assert_cmpuint (kw_finding_get_n_estimates (first), ==, 4);
  g_assert_true (kw_finding_get_estimate (first, "p4", &estimate));
  g_assert_false (estimate.known);
  g_assert_true (kw_finding_summarize_estimates (first, &summary));
  g_assert_cmpuint (summary.n_known, ==, 3);
  g_assert_cmpfloat (summary.median_impact, ==, 8.0);
  g_assert_cmpuint (kw_finding_get_n_estimates (kw_board_get_finding (board, 2)), ==, 0);
}

/* Version 1 and 2 boards read as ever and save as version 3, losing
 * nothing. */
static void
test_older_versions_save_as_3 (void)
{
  const char * const names[] = { "valid-minimal.kwadrant", "valid-snapshots.kwadrant" };
  const guint versions[] = { 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(KwBoard) board = load_corpus (names[i]);
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(KwBoard) migrated = NULL;
      g_autofree char *text = NULL;

      g_assert_cmpuint (kw_board_get_format_version (board), ==, versions[i]);
      g_assert_false (kw_board_is_from_newer_format (board));
      migrated = kw_format_test_round_trip (board, &saved);
      text = bytes_to_string (saved);

      kw_format_test_assert_same_board (board, migrated);
      g_assert_cmpuint (kw_board_get_format_version (migrated), ==, 3);
      g_assert_nonnull (strstr (text, "format-version=\"3\""));
      g_assert_null (strstr (text, "<participants"));
    }
}

static KwBoard *
load_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return kw_format_load_bytes (bytes, "schatting.kwadrant", error);
}

static void
assert_load_fails (const char    *xml,
                   KwFormatError  code,
                   const char    *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = load_string (xml, &error);

  g_assert_null (board);
  g_assert_error (error, KW_FORMAT_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

/* A board of n participants "p1"…, one per line from line 3, and one
 * finding with the given estimates. */
static char *
board_with_participants (guint       n,
                         const char *estimates)
{
  GString *xml = g_string_new ("<?xml version='1.0' encoding='UTF-8'?>\n"
                               "<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='3'>\n"
                               "<participants>\n");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (xml, "<participant id='p%u' name='Deelnemer %u'/>\n", i, i);
  g_string_append_printf (xml, "</participants>\n"
                               "<findings><finding id='f-1' created='2026-11-20T09:12:00Z' "
                               "modified='2026-11-20T09:12:00Z'><title>Een</title>\n"
                               "<estimates>\n%s</estimates></finding></findings>\n"
                               "</board>\n", estimates);

  return g_string_free (xml, FALSE);
}

static void
test_participants_bounded (void)
{
  g_autofree char *most = board_with_participants (KW_PARTICIPANT_LIST_MAX,
                                                   "<estimate participant='p200' impact='1.0' effort='2.0'/>\n");
  g_autofree char *too_many = board_with_participants (KW_PARTICIPANT_LIST_MAX + 1, "");
  g_autofree char *message = g_strdup_printf ("schatting.kwadrant:%d: the board has more than %d participants",
                                              3 + KW_PARTICIPANT_LIST_MAX + 1, KW_PARTICIPANT_LIST_MAX);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = load_string (most, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (board)), ==, KW_PARTICIPANT_LIST_MAX);
  g_assert_cmpuint (kw_finding_get_n_estimates (kw_board_get_finding (board, 0)), ==, 1);

  assert_load_fails (too_many, KW_FORMAT_ERROR_TOO_LARGE, message);
}

/* What the corpus cannot show well: names compared without case, lengths
 * counted in characters, not bytes, and the estimates' own rules. */
static void
test_participant_rules (void)
{
  g_autofree char *name_60 = g_strnfill (60, 'a');
  g_autofree char *name_61 = g_strnfill (61, 'a');
  GString *wide = g_string_new (NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;

  /* 60 characters of two bytes each load: 120 bytes. */
  for (guint i = 0; i < 60; i++)
    g_string_append (wide, "é");
  xml = g_strdup_printf ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='3'><participants>\n"
                         "<participant id='p1' name='%s' team='%s'/>\n"
                         "<participant id='p2' name='%s'/>\n"
                         "</participants></board>",
                         wide->str, wide->str, name_60);
  board = load_string (xml, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_participant_get_name (kw_participant_list_lookup (kw_board_get_participants (board), "p1")),
                   ==, wide->str);
  g_string_free (wide, TRUE);
  g_free (xml);

  xml = g_strdup_printf ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='3'><participants>\n"
                         "<participant id='p1' name='%s'/>\n"
                         "</participants></board>", name_61);
  assert_load_fails (xml, KW_FORMAT_ERROR_INVALID,
                     "schatting.kwadrant:2: the name of the participant “p1” is longer than 60 characters");

  assert_load_fails ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='3'><participants>\n"
                     "<participant id='p1' name='Ömer'/>\n"
                     "<participant id='p2' name=' öMER '/>\n"
                     "</participants></board>",
                     KW_FORMAT_ERROR_INVALID,
                     "schatting.kwadrant:3: two participants are named “öMER”; every participant needs their own name");
  /* A name of blanks and line breaks only is empty once cleaned. */
  assert_load_fails ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='3'><participants>\n"
                     "<participant id='p1' name=' &#10;\t'/>\n"
                     "</participants></board>",
                     KW_FORMAT_ERROR_INVALID, "schatting.kwadrant:2: the participant “p1” has an empty name");
}

static void
test_estimate_rules (void)
{
  g_autofree char *no_idea_false = board_with_participants (1, "<estimate participant='p1' no-idea='false'/>\n");
  g_autofree char *neither = board_with_participants (1, "<estimate participant='p1'/>\n");
  g_autofree char *effort_only = board_with_participants (1, "<estimate participant='p1' effort='2.0'/>\n");
  g_autofree char *blanks = board_with_participants (2, "<estimate participant=' p2 ' impact=' 7 ' effort='10'/>\n"
                                                        "<estimate participant='p1' no-idea=' true '/>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = load_string (blanks, &error);
  KwEstimate estimate;

  /* Values that are not free text may have blanks around them. */
  g_assert_no_error (error);
  g_assert_true (kw_finding_get_estimate (kw_board_get_finding (board, 0), "p2", &estimate));
  g_assert_cmpfloat (estimate.impact, ==, 7.0);
  g_assert_cmpfloat (estimate.effort, ==, 10.0);
  g_assert_true (kw_finding_get_estimate (kw_board_get_finding (board, 0), "p1", &estimate));
  g_assert_false (estimate.known);

  assert_load_fails (no_idea_false, KW_FORMAT_ERROR_INVALID,
                     "schatting.kwadrant:8: the no-idea “false” can only be “true”; "
                     "an estimate with scores leaves it out");
  assert_load_fails (neither, KW_FORMAT_ERROR_INVALID,
                     "schatting.kwadrant:8: the <estimate> element needs both an impact and an effort, "
                     "or no-idea=“true”");
  assert_load_fails (effort_only, KW_FORMAT_ERROR_INVALID,
                     "schatting.kwadrant:8: the <estimate> element needs both an impact and an effort, "
                     "or no-idea=“true”");
}

/* The same participant may estimate every finding, once each. */
static void
test_repeat_is_per_finding (void)
{
  const char *xml =
    "<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='3'>\n"
    "<participants><participant id='p1' name='Anna'/></participants>\n"
    "<findings>\n"
    "<finding id='f-1' created='2026-11-20T09:12:00Z' modified='2026-11-20T09:12:00Z'><title>Een</title>\n"
    "<estimates><estimate participant='p1' impact='1.0' effort='2.0'/></estimates></finding>\n"
    "<finding id='f-2' created='2026-11-20T09:12:00Z' modified='2026-11-20T09:12:00Z'><title>Twee</title>\n"
    "<estimates><estimate participant='p1' impact='3.0' effort='4.0'/>\n"
    "<estimate participant='p1' impact='3.0' effort='4.0'/></estimates></finding>\n"
    "</findings></board>";

  assert_load_fails (xml, KW_FORMAT_ERROR_INVALID,
                     "schatting.kwadrant:8: the finding “f-2” has two estimates by the participant “p1”");
}

/* A workshop of 30 people who estimated 200 findings: h5's benchmark
 * times it; here it must load, whole and the same. */
static void
test_large_workshop (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KwBoard) loaded = NULL;
  guint n_estimates = 0;

  for (guint p = 1; p <= 30; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", p);
      g_autofree char *name = g_strdup_printf ("Deelnemer %u", p);

      add_participant (board, id, name, p % 3 == 0 ? "Team Zorg" : NULL);
    }
  for (guint f = 0; f < 200; f++)
    {
      g_autofree char *id = g_strdup_printf ("f-%03u", f);
      KwFinding *finding = add_finding (board, id, id);

      for (guint p = 1; p <= 30; p++)
        {
          g_autofree char *participant_id = g_strdup_printf ("p%u", p);

          set_estimate (finding, participant_id, (f + p) % 7 != 0, (f * p) % 101 / 10.0, (f + 3 * p) % 101 / 10.0);
        }
    }

  loaded = kw_format_test_round_trip (board, &saved);
  kw_format_test_assert_same_board (board, loaded);
  for (guint f = 0; f < kw_board_get_n_findings (loaded); f++)
    n_estimates += kw_finding_get_n_estimates (kw_board_get_finding (loaded, f));
  g_assert_cmpuint (n_estimates, ==, 200 * 30);
  g_test_message ("200 findings x 30 participants: %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (saved));
}

/* A board from a newer version reads its participants and estimates,
 * skipping what this version does not know in them, checks them as ever,
 * and stays read-only. */
static void
test_newer_version (void)
{
  const char *xml =
    "<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='4' min-reader-version='3'>\n"
    "<participants kind='room'><participant id='p1' name='Anna' phone='06'/><group/></participants>\n"
    "<findings><finding id='f-1' created='2026-11-20T09:12:00Z' modified='2026-11-20T09:12:00Z'>\n"
    "<title>Een</title>\n"
    "<estimates round='2'><estimate participant='p1' impact='7.0' effort='3.0' confidence='0.5'/>\n"
    "<comment>later</comment></estimates>\n"
    "</finding></findings></board>";
  const char *broken =
    "<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='4'>\n"
    "<participants><participant id='p1' name='Anna'/></participants>\n"
    "<findings><finding id='f-1' created='2026-11-20T09:12:00Z' modified='2026-11-20T09:12:00Z'>\n"
    "<title>Een</title>\n"
    "<estimates><estimate participant='p2' impact='7.0' effort='3.0'/></estimates>\n"
    "</finding></findings></board>";
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = load_string (xml, &error);
  g_autoptr(GBytes) saved = NULL;
  KwEstimate estimate;

  g_assert_no_error (error);
  g_assert_true (kw_board_is_from_newer_format (board));
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (board)), ==, 1);
  g_assert_true (kw_finding_get_estimate (kw_board_get_finding (board, 0), "p1", &estimate));
  g_assert_cmpfloat (estimate.impact, ==, 7.0);

  saved = kw_format_save_bytes (board, &error);
  g_assert_null (saved);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION);

  assert_load_fails (broken, KW_FORMAT_ERROR_INVALID,
                     "schatting.kwadrant:5: an estimate of the finding “f-1” is by the participant “p2”, "
                     "who is not among the board’s <participants>");
}

/* The English example board is a workshop that estimated: what the
 * README's screenshots of a round show. */
static void
test_example_board (void)
{
  g_autofree char *path = kw_format_test_source_path ("data", "examples", "customer-contact-en.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);
  guint n_estimated = 0, n_no_idea = 0, n_disputed = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (board)), ==, 6);
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);
      KwEstimateSummary summary;

      if (kw_finding_get_n_estimates (finding) == 0)
        continue;
      n_estimated++;
      kw_finding_summarize_estimates (finding, &summary);
      n_no_idea += summary.n_estimates - summary.n_known;
      if (summary.disagreement >= 3.0)
        n_disputed++;
    }

  g_assert_cmpuint (n_estimated, >, kw_board_get_n_findings (board) / 2);
  g_assert_cmpuint (n_no_idea, >, 0);
  g_assert_cmpuint (n_disputed, >=, 1);
  g_assert_cmpuint (n_disputed, <=, 3);
}

/* A copy of the board (what drafts and undo take) keeps them too. */
static void
test_copy_saves_the_same (void)
{
  g_autoptr(KwBoard) board = make_board_with_estimates ();
  g_autoptr(KwBoard) copy = kw_board_copy (board);
  g_autoptr(GBytes) a = kw_format_save_bytes (board, NULL);
  g_autoptr(GBytes) b = kw_format_save_bytes (copy, NULL);

  g_assert_true (g_bytes_equal (a, b));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-estimates/round-trip", test_round_trip);
  g_test_add_func ("/format-estimates/output-is-readable", test_output_is_readable);
  g_test_add_func ("/format-estimates/no-participants-no-element", test_no_participants_no_element);
  g_test_add_func ("/format-estimates/schema/accepts-written-board", test_schema_accepts_written_board);
  g_test_add_func ("/format-estimates/load/corpus-board", test_corpus_board);
  g_test_add_func ("/format-estimates/older-versions-save-as-3", test_older_versions_save_as_3);
  g_test_add_func ("/format-estimates/bounds/participants", test_participants_bounded);
  g_test_add_func ("/format-estimates/bounds/participant-rules", test_participant_rules);
  g_test_add_func ("/format-estimates/bounds/estimate-rules", test_estimate_rules);
  g_test_add_func ("/format-estimates/bounds/repeat-is-per-finding", test_repeat_is_per_finding);
  g_test_add_func ("/format-estimates/large-workshop", test_large_workshop);
  g_test_add_func ("/format-estimates/newer-version", test_newer_version);
  g_test_add_func ("/format-estimates/copy-saves-the-same", test_copy_saves_the_same);
  g_test_add_func ("/format-estimates/example-board", test_example_board);

  return g_test_run ();
}
