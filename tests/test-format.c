/* test-format.c: the .kwadrant file format: lossless round trip, locale
 * independence, the schema, hostile and broken files, atomic saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <locale.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bad-files.h"
#include "kw-board.h"
#include "kw-format.h"
#include "kw-format-test.h"


/* --- Helpers ---------------------------------------------------------- */

static char *
make_temp_dir (void)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp ("kw-format-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_dir (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0755);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static char *
read_file (const char *path)
{
  GError *error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static GDateTime *
utc_time (int year, int month, int day, int hour, int minute, int second, int usec)
{
  g_autoptr(GDateTime) whole = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_add (whole, usec);
}

/* Every field of a board and its findings filled with text that is hard
 * to carry through XML. */
static KwBoard *
make_rich_board (void)
{
  KwBoard *board = kw_board_new ();
  KwThresholds thresholds = { 6.5, 4.0, 0.5 };
  const char * const tags[] = { "communicatie", "中文", "<&>\"'", "🎧 headset", NULL };
  g_autoptr(KwFinding) placed = kw_finding_new_with_id ("f-0001", "Arabic العربية, 中文, हिन्दी, emoji 😀🇳🇱 & <tags> \"q\" 'a' ]]>");
  g_autoptr(KwFinding) unplaced = kw_finding_new_with_id ("f.2_x-Y", "Unplaced finding");
  g_autoptr(KwFinding) corner = kw_finding_new_with_id ("3", "Corner");
  g_autoptr(GDateTime) created = utc_time (2026, 11, 20, 9, 12, 0, 123456);
  g_autoptr(GDateTime) modified = utc_time (2026, 11, 21, 23, 59, 59, 1);
  g_autoptr(GTimeZone) amsterdam = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) local = g_date_time_new (amsterdam, 2027, 1, 1, 0, 30, 0);

  kw_board_set_title (board, "Klantcontact 2027 — “ronde 2” <&>");
  kw_board_set_organisation (board, "Voorbeeld BV & Zn.");
  kw_board_set_facilitator (board, "Rajaa El Amrani");
  kw_board_set_workshop_date (board, "2026-11-20");
  kw_board_set_notes (board, "  Notes with leading spaces,\n\nblank lines,\ttabs ]]> and trailing spaces  \n");
  g_assert_true (kw_board_set_thresholds (board, &thresholds));

  kw_finding_set_description (placed, "  Begins with spaces\nتحليل المكالمات\n\n\tIndented <b>&amp;</b> ]]> \"q\"  \n");
  kw_finding_set_owner (placed, "Ömer Yılmaz & Team <communicatie>");
  kw_finding_set_source (placed, "Gespreksanalyse, week 12 — 'single' \"double\"");
  kw_finding_set_drop_reason (placed, "Te duur.\nVolgend jaar opnieuw ]]>  ");
  kw_finding_set_due_date (placed, "2027-01-31");
  kw_finding_set_review_date (placed, "2027-06-01");
  kw_finding_set_status (placed, KW_STATUS_IN_PROGRESS);
  kw_finding_set_tags (placed, tags);
  kw_finding_place (placed, 7.5, 2.5);
  kw_finding_set_created (placed, created);
  kw_finding_set_modified (placed, modified);

  kw_finding_set_status (unplaced, KW_STATUS_DONE);
  kw_finding_set_created (unplaced, local);
  kw_finding_set_modified (unplaced, local);

  kw_finding_place (corner, 0.0, 10.0);
  kw_finding_set_created (corner, created);
  kw_finding_set_modified (corner, created);

  g_assert_true (kw_board_append_finding (board, placed));
  g_assert_true (kw_board_append_finding (board, unplaced));
  g_assert_true (kw_board_append_finding (board, corner));

  return board;
}

/* --- Round trip ------------------------------------------------------- */

static void
test_round_trip_every_field (void)
{
  g_autoptr(KwBoard) board = make_rich_board ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(KwBoard) loaded = kw_format_test_round_trip (board, &first);
  g_autoptr(KwBoard) again = kw_format_test_round_trip (loaded, &second);

  kw_format_test_assert_same_board (board, loaded);
  kw_format_test_assert_same_board (board, again);
  /* Saving what was read gives the very same bytes. */
  g_assert_true (g_bytes_equal (first, second));

  /* Spot checks that the comparison above compares something real. */
  g_assert_cmpstr (kw_finding_get_description (kw_board_get_finding (loaded, 0)), ==,
                   "  Begins with spaces\nتحليل المكالمات\n\n\tIndented <b>&amp;</b> ]]> \"q\"  \n");
  g_assert_false (kw_finding_get_placed (kw_board_get_finding (loaded, 1)));
  g_assert_cmpfloat (kw_finding_get_effort (kw_board_get_finding (loaded, 2)), ==, 10.0);
}

static void
test_round_trip_empty_board (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwBoard) loaded = kw_format_test_round_trip (board, NULL);

  kw_format_test_assert_same_board (board, loaded);
  g_assert_cmpuint (kw_board_get_n_findings (loaded), ==, 0);
}

static void
test_round_trip_timestamps (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwBoard) loaded = NULL;
  guint n = 0;

  /* Microseconds are where a double in between could lose one. */
  for (int usec = 0; usec < 1000000; usec += 7919)
    {
      int values[] = { usec, 999999 - usec };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *id = g_strdup_printf ("t%u", n++);
          g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, id);
          g_autoptr(GDateTime) created = utc_time (1 + usec % 9999, 1 + usec % 12, 1 + usec % 28, usec % 24, usec % 60, usec % 60, values[i]);

          kw_finding_set_created (finding, created);
          kw_finding_set_modified (finding, created);
          g_assert_true (kw_board_append_finding (board, finding));
        }
    }

  loaded = kw_format_test_round_trip (board, NULL);
  kw_format_test_assert_same_board (board, loaded);
}

static void
test_output_is_readable (void)
{
  g_autoptr(KwBoard) board = make_rich_board ();
  g_autoptr(GBytes) bytes = kw_format_save_bytes (board, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<board xmlns=\"" KW_FORMAT_NAMESPACE "\" format-version=\"3\">\n"
                                         "  <title>"));
  g_assert_nonnull (strstr (text, "\n  <thresholds impact=\"6.5\" effort=\"4.0\" tiny-effort=\"0.5\"/>\n"));
  g_assert_nonnull (strstr (text, "\n    <finding id=\"f-0001\" status=\"in-progress\" "
                                  "created=\"2026-11-20T09:12:00.123456Z\" modified=\"2026-11-21T23:59:59.000001Z\">\n"
                                  "      <title>"));
  g_assert_nonnull (strstr (text, "\n      <position impact=\"7.5\" effort=\"2.5\"/>\n"));
  /* The finding made in UTC+1 is written in UTC. */
  g_assert_nonnull (strstr (text, "created=\"2026-12-31T23:30:00Z\""));
  g_assert_true (g_str_has_suffix (text, "</board>\n"));
}

/* --- Locale ----------------------------------------------------------- */

static GBytes *
save_with_scores (void)
{
  g_autoptr(KwBoard) board = make_rich_board ();
  KwThresholds thresholds = { 5.5, 7.5, 2.5 };
  g_autoptr(KwFinding) finding = kw_finding_new_with_id ("f-9", "Decimals");
  g_autoptr(GDateTime) created = utc_time (2026, 11, 20, 9, 12, 0, 0);

  g_assert_true (kw_board_set_thresholds (board, &thresholds));
  kw_finding_place (finding, 3.3, 9.9);
  kw_finding_set_created (finding, created);
  kw_finding_set_modified (finding, created);
  g_assert_true (kw_board_append_finding (board, finding));

  return kw_format_save_bytes (board, NULL);
}

static void
test_locale_independent (void)
{
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(GBytes) in_dutch = NULL;
  g_autoptr(GBytes) in_c = NULL;
  g_autoptr(KwBoard) loaded = NULL;
  GError *error = NULL;

  /* Not a skip: without the locale this test would prove nothing. */
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_message ("The nl_NL.UTF-8 locale is missing: enable it in /etc/locale.gen and run locale-gen.");
      g_test_fail ();
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  in_dutch = save_with_scores ();
  loaded = kw_format_load_bytes (in_dutch, "nl.kwadrant", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (kw_finding_get_impact (kw_board_get_finding (loaded, 3)), ==, 3.3);

  g_assert_nonnull (setlocale (LC_ALL, "C"));
  in_c = save_with_scores ();
  setlocale (LC_ALL, saved_locale);

  g_assert_true (g_bytes_equal (in_dutch, in_c));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (in_c, NULL), g_bytes_get_size (in_c),
                                  "<thresholds impact=\"5.5\" effort=\"7.5\" tiny-effort=\"2.5\"/>"));
}

/* --- Schema ----------------------------------------------------------- */

static void
test_schema_accepts_written_board (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "rich.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KwBoard) board = make_rich_board ();
  g_autoptr(KwBoard) empty = kw_board_new ();
  g_autofree char *output = NULL;
  GError *error = NULL;

  g_assert_true (kw_format_save_file (board, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (!kw_format_test_xmllint_validates (path, &output))
    g_error ("the written board does not validate:\n%s", output);
  g_clear_pointer (&output, g_free);

  g_assert_true (kw_format_save_file (empty, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (!kw_format_test_xmllint_validates (path, &output))
    g_error ("the written empty board does not validate:\n%s", output);

  remove_dir (dir);
}

static void
test_schema_accepts_examples (void)
{
  g_autofree char *examples = kw_format_test_source_path ("data", "examples", NULL);
  g_autoptr(GDir) dir = g_dir_open (examples, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (examples, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(KwBoard) board = NULL;
      g_autofree char *output = NULL;
      GError *error = NULL;

      if (!g_str_has_suffix (name, KW_FORMAT_SUFFIX))
        continue;

      if (!kw_format_test_xmllint_validates (path, &output))
        g_error ("%s does not validate:\n%s", name, output);
      board = kw_format_load_file (file, NULL, &error);
      g_assert_no_error (error);
      n++;
    }

  g_test_message ("%u example boards checked", n);
}

static void
test_schema_rejects_invalid (void)
{
  /* Proves the schema is not so loose it accepts anything. */
  const char *invalid[] = {
    "impact-out-of-range.kwadrant", "impact-nan.kwadrant", "effort-decimal-comma.kwadrant",
    "due-date-not-existing.kwadrant", "due-date-dutch-form.kwadrant", "created-without-utc.kwadrant",
    "bad-status.kwadrant", "missing-title.kwadrant", "missing-id.kwadrant", "invalid-id.kwadrant",
    "unknown-element.kwadrant", "unknown-attribute.kwadrant", "foreign-namespace-element.kwadrant",
    "repeated-title.kwadrant", "wrong-namespace.kwadrant", "newer-format-version.kwadrant",
    "missing-format-version.kwadrant", "thresholds-missing-tiny-effort.kwadrant", "deep-nesting.kwadrant",
    "snapshots-in-version-1.kwadrant", "snapshot-empty-name.kwadrant", "snapshot-taken-year-zero.kwadrant",
    "snapshot-taken-year-99999.kwadrant", "snapshot-taken-not-utc.kwadrant", "snapshot-entry-invalid-id.kwadrant",
    "snapshot-entry-bad-status.kwadrant", "snapshot-entry-impact-without-effort.kwadrant",
    "snapshot-entry-impact-out-of-range.kwadrant", "snapshot-entry-due-year-10000.kwadrant",
    "snapshot-entry-no-title.kwadrant", "snapshot-entry-unknown-element.kwadrant",
    "participants-in-version-2.kwadrant", "estimates-in-version-1.kwadrant", "participants-after-findings.kwadrant",
    "participant-invalid-id.kwadrant", "participant-empty-name.kwadrant", "participant-name-too-long.kwadrant",
    "participant-team-too-long.kwadrant", "estimate-impact-out-of-range.kwadrant",
    "estimate-effort-not-a-number.kwadrant", "estimate-no-idea-with-scores.kwadrant",
    "estimate-impact-without-effort.kwadrant", "estimate-no-idea-false.kwadrant",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *path = kw_format_test_corpus_path (invalid[i]);

      if (kw_format_test_xmllint_validates (path, NULL))
        g_error ("the schema accepts %s", invalid[i]);
    }
}

/* --- Broken and hostile files ---------------------------------------- */

/* The corpus and the error each file gives are in tests/data/bad-files.txt. */
static GPtrArray *bad_files;

static KwFormatError
format_code_from_name (const char *name)
{
  static const struct { const char *name; KwFormatError code; } codes[] = {
    { "NOT_XML", KW_FORMAT_ERROR_NOT_XML },
    { "NOT_A_BOARD", KW_FORMAT_ERROR_NOT_A_BOARD },
    { "NEWER_VERSION", KW_FORMAT_ERROR_NEWER_VERSION },
    { "FORBIDDEN", KW_FORMAT_ERROR_FORBIDDEN },
    { "TOO_LARGE", KW_FORMAT_ERROR_TOO_LARGE },
    { "INVALID", KW_FORMAT_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      if (g_str_equal (codes[i].name, name))
        return codes[i].code;
    }

  g_error ("bad-files.txt: unknown error code %s", name);
}

static void
assert_bad_file_error (const BadFile *bad,
                       const char    *display_name,
                       const GError  *error)
{
  g_autofree char *expected = g_strdup_printf ("%s:%d: %s", display_name, bad->line, bad->words);
  KwFormatError code = format_code_from_name (bad->code);

  if (!g_error_matches (error, KW_FORMAT_ERROR, (int) code))
    g_error ("%s: expected code %s, got %s", bad->file, bad->code,
             error != NULL ? error->message : "no error");
  if (!g_str_equal (error->message, expected))
    g_error ("%s: expected the message “%s”, got “%s”", bad->file, expected, error->message);
  /* One line, one problem. */
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_corpus_is_listed (void)
{
  const char * const loadable[] = { "valid-minimal.kwadrant", "valid-snapshots.kwadrant",
                                    "valid-estimates.kwadrant", "newer-format-version.kwadrant", NULL };

  g_assert_cmpuint (bad_files->len, >=, 40);
  bad_files_assert_complete (bad_files, "format", KW_FORMAT_SUFFIX, loadable);
}

static void
test_bad_files (void)
{
  for (guint i = 0; i < bad_files->len; i++)
    {
      const BadFile *bad = g_ptr_array_index (bad_files, i);
      g_autofree char *path = bad_files_data_path (bad->file);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);

      g_assert_null (board);
      assert_bad_file_error (bad, parse_name, error);
    }
}

static void
test_bad_bytes (void)
{
  for (guint i = 0; i < bad_files->len; i++)
    {
      const BadFile *bad = g_ptr_array_index (bad_files, i);
      g_autofree char *path = bad_files_data_path (bad->file);
      g_autofree char *contents = NULL;
      gsize len;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBoard) board = NULL;

      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      board = kw_format_load_bytes (bytes, "bijlage.kwadrant", &error);

      g_assert_null (board);
      assert_bad_file_error (bad, "bijlage.kwadrant", error);
    }
}

static gboolean
is_blank_from (const char *text,
               gsize       len,
               gsize       from)
{
  for (gsize i = from; i < len; i++)
    {
      if (!g_ascii_isspace (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Cut at every seventh byte, a board gives a clean error every time: never a
 * board, never a crash, one line. */
static void
test_truncated_everywhere (void)
{
  g_autofree char *path = kw_format_test_source_path ("data", "examples", "klantcontact-nl.kwadrant", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  for (gsize cut = 0; cut + 1 < len; cut += 7)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBoard) board = kw_format_load_bytes (bytes, "cut.kwadrant", &error);

      /* Cut in the blanks after </board>, the board is complete. */
      if (board != NULL)
        {
          g_assert_true (is_blank_from (contents, len, cut));
          continue;
        }
      g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NOT_XML);
      g_assert_null (strchr (error->message, '\n'));
    }
}

static void
test_external_entity_not_read (void)
{
  g_autofree char *path = kw_format_test_corpus_path ("doctype-external-entity.kwadrant");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);
  g_autofree char *passwd = NULL;

  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_FORBIDDEN);
  g_assert_null (strstr (error->message, "root:"));
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (passwd, "\n", 2);

      g_assert_null (strstr (error->message, lines[0]));
    }
}

/* libxml2 must not write anything itself, whatever it is fed. */
static void
test_bad_files_are_silent (void)
{
  if (g_test_subprocess ())
    {
      for (guint i = 0; i < bad_files->len; i++)
        {
          const BadFile *bad = g_ptr_array_index (bad_files, i);
          g_autofree char *path = bad_files_data_path (bad->file);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);

          g_assert_null (board);
          g_assert_nonnull (error);
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

/* A board from a newer format version loads, leniently: what this version
 * does not know is skipped, what it knows is read and checked as ever. */
static void
test_newer_version_loads_read_only (void)
{
  g_autofree char *path = kw_format_test_corpus_path ("newer-format-version.kwadrant");
  g_autofree char *before = read_file (path);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);
  KwThresholds thresholds;
  KwFinding *first, *second;
  const char * const *tags;
  guint version = 0;

  g_assert_no_error (error);
  g_assert_nonnull (board);
  g_assert_cmpuint (kw_board_get_format_version (board), ==, 4);
  g_object_get (board, "format-version", &version, NULL);
  g_assert_cmpuint (version, ==, 4);
  g_assert_true (kw_board_is_from_newer_format (board));

  g_assert_cmpstr (kw_board_get_title (board), ==, "Uit de toekomst");
  kw_board_get_thresholds (board, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 6.0);
  g_assert_cmpfloat (thresholds.effort, ==, 4.0);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);

  first = kw_board_get_finding (board, 0);
  g_assert_cmpstr (kw_finding_get_id (first), ==, "f-1");
  g_assert_cmpstr (kw_finding_get_title (first), ==, "Heldere brieven");
  g_assert_true (kw_finding_get_placed (first));
  g_assert_cmpfloat (kw_finding_get_impact (first), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (first), ==, 2.5);
  tags = kw_finding_get_tags (first);
  g_assert_cmpuint (g_strv_length ((GStrv) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "brieven");
  g_assert_cmpstr (tags[1], ==, "communicatie");
  /* Skipped elements give nothing, not even the text inside them, and the
   * XInclude among them is never followed. */
  g_assert_cmpstr (kw_finding_get_description (first), ==, "");

  second = kw_board_get_finding (board, 1);
  g_assert_cmpstr (kw_finding_get_title (second), ==, "Nog niet geplaatst");
  g_assert_false (kw_finding_get_placed (second));

  after = read_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_newer_version_never_saved (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "toekomst.kwadrant", NULL);
  g_autofree char *source = kw_format_test_corpus_path ("newer-format-version.kwadrant");
  g_autofree char *before = read_file (source);
  g_autofree char *after = NULL;
  g_autofree char *new_etag = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KwBoard) fresh = kw_board_new ();

  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  board = kw_format_load_file (file, NULL, &error);
  g_assert_no_error (error);

  bytes = kw_format_save_bytes (board, &error);
  g_assert_null (bytes);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version of Kwadrant"));
  g_clear_error (&error);

  g_assert_false (kw_format_save_file (board, file, NULL, &new_etag, NULL, &error));
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION);
  g_assert_null (new_etag);
  g_clear_error (&error);

  after = read_file (path);
  g_assert_cmpstr (before, ==, after);

  /* A new board is of this version, and saves. */
  g_assert_cmpuint (kw_board_get_format_version (fresh), ==, KW_FORMAT_VERSION);
  g_assert_false (kw_board_is_from_newer_format (fresh));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = kw_format_save_bytes (fresh, &error);
  g_assert_no_error (error);

  g_unlink (path);
  remove_dir (dir);
}

static void
on_newer_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (kw_format_save_file_finish (G_FILE (source), result, NULL, error));
}

static void
test_newer_version_never_saved_async (void)
{
  g_autofree char *source = kw_format_test_corpus_path ("newer-format-version.kwadrant");
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autofree char *before = read_file (source);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  kw_format_save_file_async (board, file, NULL, NULL, on_newer_saved, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION);
  after = read_file (source);
  g_assert_cmpstr (before, ==, after);
}

/* Lenient is not careless: a newer board that breaks a rule this version
 * knows is refused like any other (see newer-format-version-*.kwadrant in
 * the corpus), and so is one nested deeper than libxml2 allows. */
static void
test_newer_version_deep_unknown (void)
{
  GString *xml = g_string_new ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='4'>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<x>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</x>");
  g_string_append (xml, "</board>");
  bytes = g_string_free_to_bytes (xml);
  board = kw_format_load_bytes (bytes, "diep.kwadrant", &error);

  g_assert_null (board);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "diep.kwadrant:1: elements are nested more than 256 deep");
}

static KwBoard *
load_string (const char  *xml,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return kw_format_load_bytes (bytes, "test.kwadrant", error);
}

static void
test_lenient_but_exact (void)
{
  /* What the format allows besides what Kwadrant writes: any child order,
   * blanks around values, CDATA, character references, comments, empty
   * dates, a missing status, single-line fields over several lines. */
  const char *xml =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<!-- a comment -->\n"
    "<k:board xmlns:k='" KW_FORMAT_NAMESPACE "' format-version=' 1 '>\n"
    "  <k:findings>\n"
    "    <k:finding modified='2026-11-20T09:30:00.5Z' id=' f-1 ' created=' 2026-11-20T09:12:00Z '>\n"
    "      <k:tags><k:tag>a</k:tag><k:tag> b </k:tag><k:tag>a</k:tag><k:tag></k:tag></k:tags>\n"
    "      <k:position effort=' 2 ' impact='10'/>\n"
    "      <k:title>\n        Caf&#233; <![CDATA[<en> & ]]>\n        meer\n      </k:title>\n"
    "      <k:due></k:due>\n"
    "      <k:review> 2027-06-01 </k:review>\n"
    "    </k:finding>\n"
    "  </k:findings>\n"
    "  <k:title>Bord</k:title>\n"
    "  <?some-tool ignored?>\n"
    "</k:board>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = load_string (xml, &error);
  KwFinding *finding;
  const char * const tags[] = { "a", "b", NULL };
  KwThresholds thresholds;

  g_assert_no_error (error);
  g_assert_cmpstr (kw_board_get_title (board), ==, "Bord");
  kw_board_get_thresholds (board, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 5.0);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 1.0);

  finding = kw_board_get_finding (board, 0);
  g_assert_cmpstr (kw_finding_get_id (finding), ==, "f-1");
  g_assert_cmpstr (kw_finding_get_title (finding), ==, "Café <en> &          meer");
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_OPEN);
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, 10.0);
  g_assert_cmpfloat (kw_finding_get_effort (finding), ==, 2.0);
  g_assert_cmpstrv (kw_finding_get_tags (finding), tags);
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "");
  g_assert_cmpstr (kw_finding_get_review_date (finding), ==, "2027-06-01");
  g_assert_cmpint (g_date_time_get_microsecond (kw_finding_get_modified (finding)), ==, 500000);
}

static void
test_scores_exact (void)
{
  const struct { const char *text; gboolean valid; double value; } scores[] = {
    { "0", TRUE, 0.0 }, { "0.0", TRUE, 0.0 }, { "10", TRUE, 10.0 }, { "10.0", TRUE, 10.0 },
    { "7.5", TRUE, 7.5 }, { "0.1", TRUE, 0.1 }, { "9.9", TRUE, 9.9 }, { " 3.3\n", TRUE, 3.3 },
    { "10.1", FALSE, 0 }, { "11", FALSE, 0 }, { "07.5", FALSE, 0 }, { "7.25", FALSE, 0 },
    { "7.", FALSE, 0 }, { ".5", FALSE, 0 }, { "+1", FALSE, 0 }, { "1e1", FALSE, 0 },
    { "nan", FALSE, 0 }, { "inf", FALSE, 0 }, { "", FALSE, 0 }, { "0x1", FALSE, 0 },
    { "100", FALSE, 0 }, { "5 5", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        "<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='1'><findings>"
        "<finding id='a' created='2026-11-20T09:12:00Z' modified='2026-11-20T09:12:00Z'>"
        "<title>t</title><position impact='%s' effort='1'/></finding></findings></board>",
        scores[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBoard) board = load_string (xml, &error);

      if (scores[i].valid)
        {
          g_assert_no_error (error);
          g_assert_cmpfloat (kw_finding_get_impact (kw_board_get_finding (board, 0)), ==, scores[i].value);
        }
      else
        {
          g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_INVALID);
        }
    }
}

static void
test_field_too_long (void)
{
  gsize len = KW_FORMAT_MAX_FIELD_SIZE + 1;
  g_autofree char *text = g_malloc (len + 1);
  g_autofree char *title_xml = NULL;
  g_autofree char *attribute_xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;

  memset (text, 'x', len);
  text[len] = '\0';

  title_xml = g_strdup_printf ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='1'>\n<title>%s</title></board>", text);
  board = load_string (title_xml, &error);
  g_assert_null (board);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "test.kwadrant:2: "));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_clear_error (&error);

  attribute_xml = g_strdup_printf ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='%s'/>", text);
  board = load_string (attribute_xml, &error);
  g_assert_null (board);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpuint (strlen (error->message), <, 200);

  /* Just under the limit is fine. */
  g_clear_error (&error);
  text[KW_FORMAT_MAX_FIELD_SIZE] = '\0';
  g_clear_pointer (&title_xml, g_free);
  title_xml = g_strdup_printf ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='1'><notes>%s</notes></board>", text);
  board = load_string (title_xml, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (kw_board_get_notes (board)), ==, KW_FORMAT_MAX_FIELD_SIZE);
}

static void
test_file_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;
  int fd;

  /* A sparse file: refused on its size, before a byte is read. */
  fd = g_open (path, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) KW_FORMAT_MAX_FILE_SIZE + 1), ==, 0);
  g_close (fd, NULL);

  board = kw_format_load_file (file, NULL, &error);
  g_assert_null (board);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.kwadrant"));

  remove_dir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/kwadrant/board.kwadrant");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);

  g_assert_null (board);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/kwadrant/board.kwadrant"));
}

/* --- Saving ----------------------------------------------------------- */

static void
save_board_titled (const char  *path,
                   const char  *title,
                   const char  *expected_etag,
                   char       **new_etag,
                   GError     **error)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  kw_board_set_title (board, title);
  kw_format_save_file (board, file, expected_etag, new_etag, NULL, error);
}

static void
test_save_replaces_atomically (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KwBoard) loaded = NULL;
  GError *error = NULL;
  GStatBuf st;

  save_board_titled (path, "Eerste versie", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  save_board_titled (path, "Tweede versie", NULL, NULL, &error);
  g_assert_no_error (error);

  loaded = kw_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_board_get_title (loaded), ==, "Tweede versie");
  /* No temporary file left behind, and the permissions were kept. */
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  remove_dir (dir);
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "real.kwadrant", NULL);
  g_autofree char *link = g_build_filename (dir, "link.kwadrant", NULL);
  g_autofree char *contents = NULL;
  GError *error = NULL;

  save_board_titled (target, "Oud", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("real.kwadrant", link), ==, 0);

  save_board_titled (link, "Nieuw", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  contents = read_file (target);
  g_assert_nonnull (strstr (contents, "<title>Nieuw</title>"));

  remove_dir (dir);
}

static void
test_save_into_missing_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "board.kwadrant", NULL);
  GError *error = NULL;

  save_board_titled (path, "Nergens", NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_cmpuint (count_dir_entries (dir), ==, 0);
  remove_dir (dir);
}

/* Root may write into read-only folders; the test drops that power so it
 * tests the same thing for every user. */
static void
drop_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];

  memset (data, 0, sizeof data);
  if (syscall (SYS_capset, &header, data) != 0)
    g_error ("capset: %s", g_strerror (errno));
}

/* The parent makes it, the child (which cannot share memory) finds it. */
static char *
read_only_board_path (pid_t parent)
{
  g_autofree char *dir_name = g_strdup_printf ("kw-format-read-only-%d", (int) parent);

  return g_build_filename (g_get_tmp_dir (), dir_name, "board.kwadrant", NULL);
}

static void
test_save_into_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GError *error = NULL;

  if (g_test_subprocess ())
    {
      path = read_only_board_path (getppid ());
      drop_capabilities ();
      save_board_titled (path, "Mag niet", NULL, NULL, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, path));
      g_clear_error (&error);
      return;
    }

  path = read_only_board_path (getpid ());
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  save_board_titled (path, "Origineel", NULL, NULL, &error);
  g_assert_no_error (error);
  before = read_file (path);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  after = read_file (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_dir_entries (dir), ==, 1);

  remove_dir (dir);
}

static void
test_save_etag (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "board.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *etag1 = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *etag3 = NULL;
  g_autofree char *contents = NULL;
  GError *error = NULL;

  save_board_titled (path, "Een", NULL, &etag1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag1);

  save_board_titled (path, "Twee", etag1, &etag2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag2);
  /* The etag a save returns is the file's own, read from the temporary
   * file before it was renamed: not asked again afterwards, when someone
   * else's save could already be there. */
  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (g_file_info_get_etag (info), ==, etag2);
  }

  /* Another program changes the file; its time stamp is set apart so the
   * change shows even on a file system with coarse times. */
  g_assert_true (g_file_set_contents (path, "changed elsewhere", -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 1000000000,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);

  save_board_titled (path, "Drie", etag2, &etag3, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (etag3);
  g_clear_error (&error);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "changed elsewhere");

  remove_dir (dir);
}

/* --- Async ------------------------------------------------------------ */

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KwBoard) board = make_rich_board ();
  g_autoptr(KwBoard) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *bad_path = kw_format_test_corpus_path ("duplicate-id.kwadrant");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(KwBoard) bad_board = NULL;
  GError *error = NULL;

  kw_format_save_file_async (board, file, NULL, NULL, on_async_done, &saved);
  g_assert_true (kw_format_save_file_finish (file, wait_for (&saved), &etag, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  kw_format_load_file_async (file, NULL, on_async_done, &read);
  loaded = kw_format_load_file_finish (file, wait_for (&read), &error);
  g_assert_no_error (error);
  kw_format_test_assert_same_board (board, loaded);

  kw_format_load_file_async (bad_file, NULL, on_async_done, &refused);
  bad_board = kw_format_load_file_finish (bad_file, wait_for (&refused), &error);
  g_assert_null (bad_board);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  bad_files = bad_files_load ("format/");

  g_test_add_func ("/format/round-trip/every-field", test_round_trip_every_field);
  g_test_add_func ("/format/round-trip/empty-board", test_round_trip_empty_board);
  g_test_add_func ("/format/round-trip/timestamps", test_round_trip_timestamps);
  g_test_add_func ("/format/output-is-readable", test_output_is_readable);
  g_test_add_func ("/format/locale-independent", test_locale_independent);
  g_test_add_func ("/format/schema/accepts-written-board", test_schema_accepts_written_board);
  g_test_add_func ("/format/schema/accepts-examples", test_schema_accepts_examples);
  g_test_add_func ("/format/schema/rejects-invalid", test_schema_rejects_invalid);
  g_test_add_func ("/format/load/corpus-is-listed", test_corpus_is_listed);
  g_test_add_func ("/format/load/bad-files", test_bad_files);
  g_test_add_func ("/format/load/bad-bytes", test_bad_bytes);
  g_test_add_func ("/format/load/external-entity-not-read", test_external_entity_not_read);
  g_test_add_func ("/format/load/bad-files-are-silent", test_bad_files_are_silent);
  g_test_add_func ("/format/load/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/format/newer/loads-read-only", test_newer_version_loads_read_only);
  g_test_add_func ("/format/newer/never-saved", test_newer_version_never_saved);
  g_test_add_func ("/format/newer/never-saved-async", test_newer_version_never_saved_async);
  g_test_add_func ("/format/newer/deep-unknown", test_newer_version_deep_unknown);
  g_test_add_func ("/format/load/lenient-but-exact", test_lenient_but_exact);
  g_test_add_func ("/format/load/scores-exact", test_scores_exact);
  g_test_add_func ("/format/load/field-too-long", test_field_too_long);
  g_test_add_func ("/format/load/file-too-large", test_file_too_large);
  g_test_add_func ("/format/load/missing-file", test_missing_file);
  g_test_add_func ("/format/save/replaces-atomically", test_save_replaces_atomically);
  g_test_add_func ("/format/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/format/save/into-missing-folder", test_save_into_missing_folder);
  g_test_add_func ("/format/save/into-read-only-folder", test_save_into_read_only_folder);
  g_test_add_func ("/format/save/etag", test_save_etag);
  g_test_add_func ("/format/async", test_async);

  status = g_test_run ();
  g_ptr_array_unref (bad_files);

  return status;
}
