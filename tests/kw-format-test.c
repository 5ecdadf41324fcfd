/* kw-format-test.c: see kw-format-test.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kw-format-test.h"

#include "kw-format.h"

char *
kw_format_test_source_path (const char *first,
                            ...)
{
  const char *root = g_getenv ("KW_SOURCE_DIR");
  GString *path;
  va_list args;

  g_assert_nonnull (root);

  path = g_string_new (root);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, part);
    }
  va_end (args);

  return g_string_free (path, FALSE);
}

char *
kw_format_test_corpus_path (const char *name)
{
  return kw_format_test_source_path ("tests", "data", "format", name, NULL);
}

gboolean
kw_format_test_xmllint_validates (const char  *path,
                                  char       **output)
{
  g_autofree char *schema = kw_format_test_source_path ("data", "kwadrant.rng", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  const char *argv[] = { NULL, "--noout", "--relaxng", schema, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GError *error = NULL;
  int status = 0;

  if (xmllint == NULL)
    g_error ("xmllint is needed to check the schema (Debian package libxml2-utils)");

  argv[0] = xmllint;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);

  if (output != NULL)
    *output = g_strconcat (out, err, NULL);

  return g_spawn_check_wait_status (status, NULL);
}

void
kw_format_test_assert_same_time (GDateTime *expected,
                                 GDateTime *got)
{
  g_assert_nonnull (got);
  if (!g_date_time_equal (expected, got))
    {
      g_autofree char *a = g_date_time_format_iso8601 (expected);
      g_autofree char *b = g_date_time_format_iso8601 (got);

      g_error ("time %s came back as %s", a, b);
    }
}

static void
assert_same_finding (KwFinding *expected,
                     KwFinding *got)
{
  g_assert_cmpstr (kw_finding_get_id (expected), ==, kw_finding_get_id (got));
  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    g_assert_cmpstr (kw_finding_get_text (expected, i), ==, kw_finding_get_text (got, i));
  g_assert_cmpint (kw_finding_get_placed (expected), ==, kw_finding_get_placed (got));
  if (kw_finding_get_placed (expected))
    {
      g_assert_cmpfloat (kw_finding_get_impact (expected), ==, kw_finding_get_impact (got));
      g_assert_cmpfloat (kw_finding_get_effort (expected), ==, kw_finding_get_effort (got));
    }
  g_assert_cmpint (kw_finding_get_status (expected), ==, kw_finding_get_status (got));
  g_assert_cmpstrv (kw_finding_get_tags (expected), kw_finding_get_tags (got));
  kw_format_test_assert_same_time (kw_finding_get_created (expected), kw_finding_get_created (got));
  kw_format_test_assert_same_time (kw_finding_get_modified (expected), kw_finding_get_modified (got));

  /* The same estimates; the order may differ (the file has the board's
   * order of participants). */
  g_assert_cmpuint (kw_finding_get_n_estimates (expected), ==, kw_finding_get_n_estimates (got));
  for (guint i = 0; i < kw_finding_get_n_estimates (expected); i++)
    {
      KwEstimate a, b;
      const char *participant_id = kw_finding_get_nth_estimate (expected, i, &a);

      g_assert_true (kw_finding_get_estimate (got, participant_id, &b));
      g_assert_cmpint (a.known, ==, b.known);
      g_assert_cmpfloat (a.impact, ==, b.impact);
      g_assert_cmpfloat (a.effort, ==, b.effort);
    }
}

static void
assert_same_participants (KwParticipantList *expected,
                          KwParticipantList *got)
{
  g_assert_cmpuint (kw_participant_list_get_n_items (expected), ==, kw_participant_list_get_n_items (got));
  for (guint i = 0; i < kw_participant_list_get_n_items (expected); i++)
    {
      KwParticipant *a = kw_participant_list_get_participant (expected, i);
      KwParticipant *b = kw_participant_list_get_participant (got, i);

      g_assert_cmpstr (kw_participant_get_id (a), ==, kw_participant_get_id (b));
      g_assert_cmpstr (kw_participant_get_name (a), ==, kw_participant_get_name (b));
      g_assert_cmpstr (kw_participant_get_team (a), ==, kw_participant_get_team (b));
    }
}

static void
assert_same_thresholds (const KwThresholds *a,
                        const KwThresholds *b)
{
  g_assert_cmpfloat (a->impact, ==, b->impact);
  g_assert_cmpfloat (a->effort, ==, b->effort);
  g_assert_cmpfloat (a->tiny_effort, ==, b->tiny_effort);
}

static void
assert_same_entry (const KwSnapshotEntry *expected,
                   const KwSnapshotEntry *got)
{
  g_assert_cmpstr (expected->id, ==, got->id);
  g_assert_cmpstr (expected->title, ==, got->title);
  g_assert_cmpint (expected->placed, ==, got->placed);
  if (expected->placed)
    {
      g_assert_cmpfloat (expected->impact, ==, got->impact);
      g_assert_cmpfloat (expected->effort, ==, got->effort);
    }
  g_assert_cmpint (expected->status, ==, got->status);
  g_assert_cmpstr (expected->owner, ==, got->owner);
  g_assert_cmpstr (expected->due, ==, got->due);
  g_assert_cmpstr (expected->review, ==, got->review);
}

static void
assert_same_snapshot (KwSnapshot *expected,
                      KwSnapshot *got)
{
  KwThresholds a, b;

  g_assert_cmpstr (kw_snapshot_get_name (expected), ==, kw_snapshot_get_name (got));
  g_assert_cmpstr (kw_snapshot_get_note (expected), ==, kw_snapshot_get_note (got));
  kw_format_test_assert_same_time (kw_snapshot_get_taken (expected), kw_snapshot_get_taken (got));
  kw_snapshot_get_thresholds (expected, &a);
  kw_snapshot_get_thresholds (got, &b);
  assert_same_thresholds (&a, &b);

  g_assert_cmpuint (kw_snapshot_get_n_entries (expected), ==, kw_snapshot_get_n_entries (got));
  for (guint i = 0; i < kw_snapshot_get_n_entries (expected); i++)
    assert_same_entry (kw_snapshot_get_entry (expected, i), kw_snapshot_get_entry (got, i));
}

void
kw_format_test_assert_same_board (KwBoard *expected,
                                  KwBoard *got)
{
  GListModel *expected_snapshots = kw_board_get_snapshots (expected);
  GListModel *got_snapshots = kw_board_get_snapshots (got);
  KwThresholds a, b;

  for (guint i = 0; i < KW_N_BOARD_TEXTS; i++)
    g_assert_cmpstr (kw_board_get_text (expected, i), ==, kw_board_get_text (got, i));

  kw_board_get_thresholds (expected, &a);
  kw_board_get_thresholds (got, &b);
  assert_same_thresholds (&a, &b);

  assert_same_participants (kw_board_get_participants (expected), kw_board_get_participants (got));

  g_assert_cmpuint (kw_board_get_n_findings (expected), ==, kw_board_get_n_findings (got));
  for (guint i = 0; i < kw_board_get_n_findings (expected); i++)
    assert_same_finding (kw_board_get_finding (expected, i), kw_board_get_finding (got, i));

  g_assert_cmpuint (g_list_model_get_n_items (expected_snapshots), ==, g_list_model_get_n_items (got_snapshots));
  for (guint i = 0; i < g_list_model_get_n_items (expected_snapshots); i++)
    {
      g_autoptr(KwSnapshot) x = g_list_model_get_item (expected_snapshots, i);
      g_autoptr(KwSnapshot) y = g_list_model_get_item (got_snapshots, i);

      assert_same_snapshot (x, y);
    }
}

KwBoard *
kw_format_test_round_trip (KwBoard  *board,
                           GBytes  **saved)
{
  GError *error = NULL;
  g_autoptr(GBytes) bytes = kw_format_save_bytes (board, &error);
  KwBoard *loaded;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  loaded = kw_format_load_bytes (bytes, "round-trip.kwadrant", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  if (saved != NULL)
    *saved = g_bytes_ref (bytes);

  return loaded;
}
