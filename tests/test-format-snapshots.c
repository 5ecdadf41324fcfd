/* test-format-snapshots.c: snapshots in the .kwadrant format (version 2):
 * the round trip of every field, what the writer writes, the schema,
 * version 1 boards read and saved as version 2, and the bounds against
 * hostile files (the corpus's snapshot files are run by test-format).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "kw-board.h"
#include "kw-format.h"
#include "kw-format-test.h"

static GDateTime *
utc_time (int year, int month, int day, int hour, int minute, int second, int usec)
{
  g_autoptr(GDateTime) whole = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_add (whole, usec);
}

static KwFinding *
add_finding (KwBoard    *board,
             const char *id,
             const char *title)
{
  g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, title);
  g_autoptr(GDateTime) created = utc_time (2026, 11, 20, 9, 12, 0, 0);

  kw_finding_set_created (finding, created);
  kw_finding_set_modified (finding, created);
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

static void
add_snapshot (KwBoard    *board,
              const char *name,
              const char *note,
              GDateTime  *taken)
{
  g_autoptr(KwSnapshot) snapshot = kw_snapshot_new_from_board (board, name, note, taken);

  g_assert_true (kw_board_add_snapshot (board, snapshot, G_MAXUINT));
}

/* A board whose snapshots hold every field, in text that is hard to
 * carry through XML, and one finding that was removed after the first. */
static KwBoard *
make_board_with_snapshots (void)
{
  KwBoard *board = kw_board_new ();
  KwThresholds thresholds = { 6.5, 4.0, 0.5 };
  KwThresholds later = { 5.0, 5.0, 1.0 };
  g_autoptr(GDateTime) first = utc_time (2026, 11, 20, 16, 2, 0, 123456);
  g_autoptr(GDateTime) second = utc_time (2027, 1, 10, 14, 0, 0, 0);
  KwFinding *placed, *unplaced, *removed;

  kw_board_set_title (board, "Klantcontact 2027 <&>");
  g_assert_true (kw_board_set_thresholds (board, &thresholds));

  placed = add_finding (board, "f-0001", "Arabic العربية, 中文, emoji 😀 & <tags> \"q\" 'a' ]]>");
  kw_finding_place (placed, 7.5, 2.5);
  kw_finding_set_owner (placed, "Ömer Yılmaz & Team <communicatie>");
  kw_finding_set_due_date (placed, "2027-01-31");
  kw_finding_set_review_date (placed, "2027-06-01");
  kw_finding_set_status (placed, KW_STATUS_IN_PROGRESS);

  unplaced = add_finding (board, "f.2_x-Y", "Unplaced");
  kw_finding_set_status (unplaced, KW_STATUS_DONE);

  removed = add_finding (board, "3", "Corner, later removed");
  kw_finding_place (removed, 0.0, 10.0);

  add_snapshot (board, "20-11-2026 · “Klantcontact” <&> 'ronde 1'",
                "  Note with leading spaces,\n\nblank lines,\ttabs ]]> \"q\" <&>  \n", first);

  g_assert_true (kw_board_remove_finding (board, removed));
  kw_finding_place (placed, 9.0, 1.0);
  kw_finding_set_owner (placed, "");
  kw_finding_set_status (placed, KW_STATUS_DONE);
  g_assert_true (kw_board_set_thresholds (board, &later));
  add_snapshot (board, "Na de pilot", NULL, second);

  return board;
}

static void
test_round_trip_every_field (void)
{
  g_autoptr(KwBoard) board = make_board_with_snapshots ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(KwBoard) loaded = kw_format_test_round_trip (board, &first);
  g_autoptr(KwBoard) again = kw_format_test_round_trip (loaded, &second);
  g_autoptr(KwSnapshot) snapshot = NULL;
  const KwSnapshotEntry *entry;
  KwThresholds thresholds;

  kw_format_test_assert_same_board (board, loaded);
  kw_format_test_assert_same_board (board, again);
  g_assert_true (g_bytes_equal (first, second));

  /* Spot checks that the comparison compares something real. */
  g_assert_cmpuint (g_list_model_get_n_items (kw_board_get_snapshots (loaded)), ==, 2);
  snapshot = g_list_model_get_item (kw_board_get_snapshots (loaded), 0);
  g_assert_cmpstr (kw_snapshot_get_note (snapshot), ==,
                   "  Note with leading spaces,\n\nblank lines,\ttabs ]]> \"q\" <&>  \n");
  g_assert_cmpint (g_date_time_get_microsecond (kw_snapshot_get_taken (snapshot)), ==, 123456);
  kw_snapshot_get_thresholds (snapshot, &thresholds);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 0.5);
  entry = kw_snapshot_lookup (snapshot, "3");
  g_assert_nonnull (entry);
  g_assert_null (kw_board_lookup_finding (loaded, "3"));
  g_assert_cmpfloat (entry->effort, ==, 10.0);
  entry = kw_snapshot_lookup (snapshot, "f-0001");
  g_assert_cmpstr (entry->owner, ==, "Ömer Yılmaz & Team <communicatie>");
  g_assert_cmpint (entry->status, ==, KW_STATUS_IN_PROGRESS);
  g_assert_false (kw_snapshot_lookup (snapshot, "f.2_x-Y")->placed);
}

static gboolean
contains (GBytes     *bytes,
          const char *text)
{
  return g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text) != NULL;
}

static void
test_output_is_readable (void)
{
  g_autoptr(KwBoard) board = make_board_with_snapshots ();
  g_autoptr(GBytes) bytes = kw_format_save_bytes (board, NULL);

  g_assert_true (contains (bytes, "<board xmlns=\"" KW_FORMAT_NAMESPACE "\" format-version=\"3\">\n"));
  g_assert_true (contains (bytes,
    "  </findings>\n"
    "  <snapshots>\n"
    "    <snapshot name=\"20-11-2026 · “Klantcontact” &lt;&amp;&gt; 'ronde 1'\" taken=\"2026-11-20T16:02:00.123456Z\">\n"
    "      <note>  Note with leading spaces,\n\nblank lines,\ttabs ]]&gt; &quot;q&quot; &lt;&amp;&gt;  \n</note>\n"
    "      <thresholds impact=\"6.5\" effort=\"4.0\" tiny-effort=\"0.5\"/>\n"
    "      <entry id=\"f-0001\" status=\"in-progress\" impact=\"7.5\" effort=\"2.5\">\n"));
  g_assert_true (contains (bytes,
    "        <owner>Ömer Yılmaz &amp; Team &lt;communicatie&gt;</owner>\n"
    "        <due>2027-01-31</due>\n"
    "        <review>2027-06-01</review>\n"
    "      </entry>\n"
    "      <entry id=\"f.2_x-Y\" status=\"done\">\n"
    "        <title>Unplaced</title>\n"
    "      </entry>\n"));
  /* No note, no empty texts; the taken time without microseconds. */
  g_assert_true (contains (bytes,
    "    <snapshot name=\"Na de pilot\" taken=\"2027-01-10T14:00:00Z\">\n"
    "      <thresholds impact=\"5.0\" effort=\"5.0\" tiny-effort=\"1.0\"/>\n"
    "      <entry id=\"f-0001\" status=\"done\" impact=\"9.0\" effort=\"1.0\">\n"));
  g_assert_true (contains (bytes, "  </snapshots>\n</board>\n"));
}

static void
test_no_snapshots_no_element (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GBytes) bytes = kw_format_save_bytes (board, NULL);

  g_assert_false (contains (bytes, "snapshots"));
}

static void
test_schema_accepts_written_board (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kw-format-snapshots-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "snapshots.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KwBoard) board = make_board_with_snapshots ();
  g_autofree char *output = NULL;

  g_assert_no_error (error);
  g_assert_true (kw_format_save_file (board, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (!kw_format_test_xmllint_validates (path, &output))
    g_error ("the written board does not validate:\n%s", output);

  g_unlink (path);
  g_rmdir (dir);
}

/* The corpus's valid version 2 board, as a person would write it. */
static void
test_reads_corpus_board (void)
{
  g_autofree char *path = kw_format_test_corpus_path ("valid-snapshots.kwadrant");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);
  g_autoptr(KwSnapshot) first = NULL;
  g_autoptr(KwSnapshot) second = NULL;
  const KwSnapshotEntry *entry;
  KwThresholds thresholds;
  g_autofree char *output = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_format_version (board), ==, 2);
  g_assert_false (kw_board_is_from_newer_format (board));
  g_assert_cmpuint (g_list_model_get_n_items (kw_board_get_snapshots (board)), ==, 2);

  first = g_list_model_get_item (kw_board_get_snapshots (board), 0);
  g_assert_cmpstr (kw_snapshot_get_name (first), ==, "2026-11-20 · Klantcontact 2027");
  g_assert_cmpstr (kw_snapshot_get_note (first), ==, "Na de eerste workshop,\nmet het hele team.");
  kw_snapshot_get_thresholds (first, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 6.0);
  g_assert_cmpfloat (thresholds.effort, ==, 4.0);
  g_assert_cmpuint (kw_snapshot_get_n_entries (first), ==, 3);

  entry = kw_snapshot_get_entry (first, 0);
  g_assert_cmpstr (entry->title, ==, "Duidelijkere brieven");
  g_assert_true (entry->placed);
  g_assert_cmpfloat (entry->impact, ==, 7.5);
  g_assert_cmpfloat (entry->effort, ==, 3.0);
  g_assert_cmpstr (entry->owner, ==, "Rajaa");
  g_assert_cmpstr (entry->due, ==, "2027-02-28");
  g_assert_cmpstr (entry->review, ==, "2027-05-01");
  /* A removed finding is named, not an error. */
  entry = kw_snapshot_lookup (first, "f-9");
  g_assert_cmpstr (entry->title, ==, "Wachtmuziek vervangen");
  g_assert_cmpint (entry->status, ==, KW_STATUS_IN_PROGRESS);
  g_assert_null (kw_board_lookup_finding (board, "f-9"));

  second = g_list_model_get_item (kw_board_get_snapshots (board), 1);
  g_assert_cmpint (g_date_time_get_microsecond (kw_snapshot_get_taken (second)), ==, 500000);
  /* Without <thresholds>: the defaults, as for the board. */
  kw_snapshot_get_thresholds (second, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 5.0);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 1.0);

  if (!kw_format_test_xmllint_validates (path, &output))
    g_error ("valid-snapshots.kwadrant does not validate:\n%s", output);
}

/* What the format allows besides what Kwadrant writes: any order of
 * children, blanks around values, a missing status, <snapshots> before
 * <findings>, an empty <snapshots>. */
static void
test_lenient_but_exact (void)
{
  const char *xml =
    "<k:board xmlns:k='" KW_FORMAT_NAMESPACE "' format-version='2'>\n"
    "  <k:snapshots>\n"
    "    <k:snapshot taken=' 2026-11-20T16:02:00Z ' name='  Eerste\n  keer '>\n"
    "      <k:entry effort=' 2 ' id=' f-1 ' impact='10'>\n"
    "        <k:review> 2027-06-01 </k:review>\n"
    "        <k:title>\n  Heldere\n  brieven </k:title>\n"
    "        <k:due></k:due>\n"
    "      </k:entry>\n"
    "      <k:thresholds tiny-effort='0.5' impact='7' effort='3.0'/>\n"
    "      <k:note>  twee\n  regels</k:note>\n"
    "    </k:snapshot>\n"
    "  </k:snapshots>\n"
    "  <k:findings/>\n"
    "</k:board>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_bytes (bytes, "lenient.kwadrant", &error);
  g_autoptr(KwSnapshot) snapshot = NULL;
  const KwSnapshotEntry *entry;
  KwThresholds thresholds;
  const char *empty = "<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='2'><snapshots/></board>";
  g_autoptr(GBytes) empty_bytes = g_bytes_new_static (empty, strlen (empty));
  g_autoptr(KwBoard) empty_board = NULL;

  g_assert_no_error (error);
  snapshot = g_list_model_get_item (kw_board_get_snapshots (board), 0);
  g_assert_cmpstr (kw_snapshot_get_name (snapshot), ==, "Eerste   keer");
  g_assert_cmpstr (kw_snapshot_get_note (snapshot), ==, "  twee\n  regels");
  kw_snapshot_get_thresholds (snapshot, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 7.0);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 0.5);
  entry = kw_snapshot_lookup (snapshot, "f-1");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->title, ==, "Heldere   brieven");
  g_assert_cmpint (entry->status, ==, KW_STATUS_OPEN);
  g_assert_cmpfloat (entry->impact, ==, 10.0);
  g_assert_cmpfloat (entry->effort, ==, 2.0);
  g_assert_cmpstr (entry->due, ==, "");
  g_assert_cmpstr (entry->review, ==, "2027-06-01");

  empty_board = kw_format_load_bytes (empty_bytes, "empty.kwadrant", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kw_board_get_snapshots (empty_board)), ==, 0);
}

/* --- Version 1 ------------------------------------------------------- */

/* A board of version 1 (the bundled examples are) loads as it always did,
 * and is saved as version 2 without losing anything: every field comes
 * back, and saving the migrated board again gives the same bytes. */
static void
test_migration_from_version_1 (void)
{
  g_autofree char *path = kw_format_test_source_path ("data", "examples", "klantcontact-nl.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(KwBoard) migrated = NULL;
  g_autoptr(KwBoard) again = NULL;
  g_autoptr(KwBoard) reloaded = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_format_version (board), ==, 1);
  g_assert_false (kw_board_is_from_newer_format (board));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 21);
  g_assert_cmpuint (g_list_model_get_n_items (kw_board_get_snapshots (board)), ==, 0);

  migrated = kw_format_test_round_trip (board, &saved);
  kw_format_test_assert_same_board (board, migrated);
  g_assert_cmpuint (kw_board_get_format_version (migrated), ==, 3);
  g_assert_true (contains (saved, "format-version=\"3\""));
  g_assert_false (contains (saved, "<snapshots"));

  again = kw_format_test_round_trip (migrated, &saved_again);
  g_assert_true (g_bytes_equal (saved, saved_again));

  /* The migrated board takes snapshots like any other. */
  add_snapshot (migrated, "Na de migratie", NULL, NULL);
  reloaded = kw_format_test_round_trip (migrated, NULL);
  kw_format_test_assert_same_board (migrated, reloaded);
  g_assert_cmpuint (kw_snapshot_get_n_entries (kw_board_lookup_snapshot (reloaded, "Na de migratie")), ==, 21);
}

/* --- Bounds ---------------------------------------------------------- */

static GBytes *
board_with_snapshots_xml (guint n_snapshots,
                          guint n_entries)
{
  GString *xml = g_string_new ("<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='2'>\n<snapshots>\n");

  for (guint i = 0; i < n_snapshots; i++)
    {
      g_string_append_printf (xml, "<snapshot name='s%u' taken='2026-11-20T16:02:00Z'>\n", i);
      for (guint j = 0; j < n_entries; j++)
        g_string_append_printf (xml, "<entry id='e%u'><title/></entry>\n", j);
      g_string_append (xml, "</snapshot>\n");
    }
  g_string_append (xml, "</snapshots>\n</board>\n");

  return g_string_free_to_bytes (xml);
}

/* The hostile board: 10,000 snapshots. Refused at the first one
 * over the bound, with the line where it starts. */
static void
test_ten_thousand_snapshots (void)
{
  g_autoptr(GBytes) bytes = board_with_snapshots_xml (10000, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_bytes (bytes, "veel.kwadrant", &error);
  g_autofree char *expected = g_strdup_printf ("veel.kwadrant:%u: the board has more than %d snapshots",
                                               3 + KW_SNAPSHOT_MAX_PER_BOARD * 5, KW_SNAPSHOT_MAX_PER_BOARD);

  g_assert_null (board);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Exactly the bound loads, and what the model allows saves and reads back. */
static void
test_most_snapshots_load (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwBoard) loaded = NULL;
  g_autoptr(GBytes) bytes = board_with_snapshots_xml (KW_SNAPSHOT_MAX_PER_BOARD, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) read = kw_format_load_bytes (bytes, "net.kwadrant", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kw_board_get_snapshots (read)), ==, KW_SNAPSHOT_MAX_PER_BOARD);

  add_finding (board, "f-1", "Een");
  for (guint i = 0; i < KW_SNAPSHOT_MAX_PER_BOARD; i++)
    {
      g_autofree char *name = g_strdup_printf ("Momentopname %u", i + 1);

      add_snapshot (board, name, NULL, NULL);
    }
  loaded = kw_format_test_round_trip (board, NULL);
  kw_format_test_assert_same_board (board, loaded);
}

/* Entries are bounded over all snapshots together: two snapshots of half
 * the bound and one entry more. */
static void
test_entries_bounded (void)
{
  guint half = KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD / 2;
  g_autoptr(GBytes) bytes = board_with_snapshots_xml (2, half + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_bytes (bytes, "groot.kwadrant", &error);
  /* The first snapshot's line, its entries, the second's line: the line
   * of the entry over the bound. */
  g_autofree char *expected = g_strdup_printf ("groot.kwadrant:%u: the snapshots hold more than %d findings together",
                                               3 + (half + 1) + 2 + half, KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD);

  g_assert_null (board);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A board from a newer version reads its snapshots, skipping what this
 * version does not know in them, and stays read-only. */
static void
test_newer_version_snapshots (void)
{
  const char *xml =
    "<board xmlns='" KW_FORMAT_NAMESPACE "' format-version='4'>\n"
    "  <snapshots kind='weekly'>\n"
    "    <snapshot name='Eerste' taken='2026-11-20T16:02:00Z' by='Rajaa'>\n"
    "      <entry id='f-1' status='open' confidence='0.8'><title>Een</title><votes><vote/></votes></entry>\n"
    "      <photo href='bord.jpg'/>\n"
    "    </snapshot>\n"
    "  </snapshots>\n"
    "</board>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_bytes (bytes, "toekomst.kwadrant", &error);
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  g_assert_true (kw_board_is_from_newer_format (board));
  g_assert_cmpstr (kw_snapshot_lookup (kw_board_lookup_snapshot (board, "Eerste"), "f-1")->title, ==, "Een");

  saved = kw_format_save_bytes (board, &error);
  g_assert_null (saved);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-snapshots/round-trip/every-field", test_round_trip_every_field);
  g_test_add_func ("/format-snapshots/output-is-readable", test_output_is_readable);
  g_test_add_func ("/format-snapshots/no-snapshots-no-element", test_no_snapshots_no_element);
  g_test_add_func ("/format-snapshots/schema/accepts-written-board", test_schema_accepts_written_board);
  g_test_add_func ("/format-snapshots/load/corpus-board", test_reads_corpus_board);
  g_test_add_func ("/format-snapshots/load/lenient-but-exact", test_lenient_but_exact);
  g_test_add_func ("/format-snapshots/version-1/migration", test_migration_from_version_1);
  g_test_add_func ("/format-snapshots/bounds/ten-thousand-snapshots", test_ten_thousand_snapshots);
  g_test_add_func ("/format-snapshots/bounds/most-snapshots-load", test_most_snapshots_load);
  g_test_add_func ("/format-snapshots/bounds/entries", test_entries_bounded);
  g_test_add_func ("/format-snapshots/newer-version", test_newer_version_snapshots);

  return g_test_run ();
}
