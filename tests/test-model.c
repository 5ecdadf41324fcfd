/* test-model.c: KwFinding and KwBoard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kw-board.h"

typedef struct {
  guint notifies;
  GPtrArray *names;
} NotifyLog;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  log->notifies++;
  g_ptr_array_add (log->names, (gpointer) g_param_spec_get_name (pspec));
}

static gboolean
log_has (NotifyLog  *log,
         const char *name)
{
  for (guint i = 0; i < log->names->len; i++)
    if (g_str_equal (log->names->pdata[i], name))
      return TRUE;
  return FALSE;
}

static void
log_reset (NotifyLog *log)
{
  log->notifies = 0;
  g_ptr_array_set_size (log->names, 0);
}

static void
test_finding_defaults (void)
{
  g_autoptr(KwFinding) finding = kw_finding_new ("  Heldere uitgaande brieven \n");
  g_autoptr(KwFinding) other = kw_finding_new ("Other");

  g_assert_cmpstr (kw_finding_get_title (finding), ==, "Heldere uitgaande brieven");
  g_assert_true (kw_finding_id_is_valid (kw_finding_get_id (finding)));
  g_assert_cmpstr (kw_finding_get_id (finding), !=, kw_finding_get_id (other));
  g_assert_false (kw_finding_get_placed (finding));
  g_assert_cmpint (kw_finding_get_status (finding), ==, KW_STATUS_OPEN);
  g_assert_cmpstr (kw_finding_get_description (finding), ==, "");
  g_assert_nonnull (kw_finding_get_tags (finding));
  g_assert_null (kw_finding_get_tags (finding)[0]);
  g_assert_nonnull (kw_finding_get_created (finding));
  g_assert_nonnull (kw_finding_get_modified (finding));
}

static void
test_finding_ids (void)
{
  g_autoptr(KwFinding) kept = kw_finding_new_with_id ("f-0001", "A");
  g_autoptr(KwFinding) replaced = kw_finding_new_with_id ("bad id with spaces", "B");

  g_assert_cmpstr (kw_finding_get_id (kept), ==, "f-0001");
  g_assert_cmpstr (kw_finding_get_id (replaced), !=, "bad id with spaces");
  g_assert_true (kw_finding_id_is_valid (kw_finding_get_id (replaced)));
  g_assert_false (kw_finding_id_is_valid (""));
  g_assert_false (kw_finding_id_is_valid ("a\"b"));
  g_assert_false (kw_finding_id_is_valid ("x23456789012345678901234567890123456789012345678901234567890123456"));
}

static void
test_finding_notify_only_on_change (void)
{
  g_autoptr(KwFinding) finding = kw_finding_new ("Kennisbank actualiseren");
  NotifyLog log = { 0, g_ptr_array_new () };

  g_signal_connect (finding, "notify", G_CALLBACK (notify_cb), &log);

  kw_finding_set_title (finding, "Kennisbank actualiseren");
  kw_finding_set_title (finding, " Kennisbank actualiseren ");
  g_assert_cmpuint (log.notifies, ==, 0);

  kw_finding_set_owner (finding, "Team kennis");
  g_assert_true (log_has (&log, "owner"));
  g_assert_true (log_has (&log, "modified"));
  log_reset (&log);

  kw_finding_place (finding, 7.0, 6.0);
  g_assert_true (log_has (&log, "impact"));
  g_assert_true (log_has (&log, "effort"));
  g_assert_true (log_has (&log, "placed"));
  log_reset (&log);

  kw_finding_place (finding, 7.0, 6.04);
  g_assert_cmpuint (log.notifies, ==, 0);

  kw_finding_place (finding, 7.0, 5.0);
  g_assert_false (log_has (&log, "impact"));
  g_assert_true (log_has (&log, "effort"));
  log_reset (&log);

  kw_finding_set_status (finding, KW_STATUS_OPEN);
  g_assert_cmpuint (log.notifies, ==, 0);
  kw_finding_set_status (finding, KW_STATUS_DONE);
  g_assert_true (log_has (&log, "status"));
  log_reset (&log);

  kw_finding_set_tags (finding, (const char *[]) { "kennis", NULL });
  g_assert_true (log_has (&log, "tags"));
  log_reset (&log);
  kw_finding_set_tags (finding, (const char *[]) { " kennis ", "kennis", "", NULL });
  g_assert_cmpuint (log.notifies, ==, 0);

  g_signal_handlers_disconnect_by_data (finding, &log);
  g_ptr_array_unref (log.names);
}

static void
test_finding_place (void)
{
  g_autoptr(KwFinding) finding = kw_finding_new ("Verplichte identiteitscheck");
  double impact, effort;

  kw_finding_place (finding, 3.04, 12.0);
  g_assert_true (kw_finding_get_placed (finding));
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, 3.0);
  g_assert_cmpfloat (kw_finding_get_effort (finding), ==, 10.0);

  kw_finding_unplace (finding);
  g_assert_false (kw_finding_get_placed (finding));
  /* The last position is kept for a later re-placement. */
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, 3.0);

  g_object_set (finding, "impact", 8.0, NULL);
  g_assert_true (kw_finding_get_placed (finding));
  g_object_get (finding, "impact", &impact, "effort", &effort, NULL);
  g_assert_cmpfloat (impact, ==, 8.0);
  g_assert_cmpfloat (effort, ==, 10.0);
}

static void
test_finding_text_fields (void)
{
  g_autoptr(KwFinding) finding = kw_finding_new ("Titel");

  kw_finding_set_description (finding, "Regel één\r\nRegel twee\x01");
  g_assert_cmpstr (kw_finding_get_description (finding), ==, "Regel één\nRegel twee");

  kw_finding_set_owner (finding, "Team\nklantcontact");
  g_assert_cmpstr (kw_finding_get_owner (finding), ==, "Team klantcontact");

  kw_finding_set_due_date (finding, "2027-01-31");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "2027-01-31");
  kw_finding_set_due_date (finding, "");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "");

  if (g_test_undefined ())
    {
      g_test_expect_message ("kw-finding", G_LOG_LEVEL_CRITICAL, "*kw_date_is_valid_iso*");
      kw_finding_set_review_date (finding, "31-01-2027");
      g_test_assert_expected_messages ();
      g_assert_cmpstr (kw_finding_get_review_date (finding), ==, "");
    }

  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    g_assert_nonnull (kw_finding_get_text (finding, i));
}

static void
test_status_ids (void)
{
  KwStatus status;

  g_assert_cmpstr (kw_status_to_id (KW_STATUS_IN_PROGRESS), ==, "in-progress");
  g_assert_true (kw_status_from_id ("done", &status));
  g_assert_cmpint (status, ==, KW_STATUS_DONE);
  g_assert_false (kw_status_from_id ("closed", NULL));
  for (guint i = 0; i < KW_N_STATUSES; i++)
    g_assert_nonnull (kw_status_get_label (i));
}

typedef struct {
  guint changed;
  guint added;
  guint removed;
  guint position;
} BoardLog;

static void
board_changed_cb (KwBoard  *board,
                  BoardLog *log)
{
  log->changed++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  BoardLog   *log)
{
  log->position = position;
  log->removed += removed;
  log->added += added;
}

static KwFinding *
placed_finding (const char *title, double impact, double effort)
{
  KwFinding *finding = kw_finding_new (title);

  kw_finding_place (finding, impact, effort);

  return finding;
}

static void
test_board_list_model (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwFinding) a = placed_finding ("A", 8, 2);
  g_autoptr(KwFinding) b = placed_finding ("B", 2, 8);
  g_autoptr(KwFinding) c = kw_finding_new ("C");
  g_autoptr(KwFinding) dup = kw_finding_new_with_id (kw_finding_get_id (a), "Duplicate");
  g_autoptr(KwFinding) item = NULL;
  BoardLog log = { 0 };
  guint position;

  g_signal_connect (board, "changed", G_CALLBACK (board_changed_cb), &log);
  g_signal_connect (board, "items-changed", G_CALLBACK (items_changed_cb), &log);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (board)) == KW_TYPE_FINDING);
  g_assert_true (kw_board_append_finding (board, a));
  g_assert_true (kw_board_append_finding (board, b));
  g_assert_true (kw_board_insert_finding (board, 0, c));
  g_assert_false (kw_board_append_finding (board, dup));
  g_assert_cmpuint (log.added, ==, 3);
  g_assert_cmpuint (log.changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board)), ==, 3);

  item = g_list_model_get_item (G_LIST_MODEL (board), 0);
  g_assert_true (item == c);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (board), 3));
  g_assert_true (kw_board_lookup_finding (board, kw_finding_get_id (b)) == b);
  g_assert_true (kw_board_find_position (board, b, &position));
  g_assert_cmpuint (position, ==, 2);

  /* A change to a finding on the board is a change to the board. */
  log.changed = 0;
  kw_finding_set_title (a, "A, retitled");
  g_assert_cmpuint (log.changed, >, 0);

  g_assert_true (kw_board_remove_finding (board, a));
  g_assert_false (kw_board_remove_finding (board, a));
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.position, ==, 1);
  g_assert_null (kw_board_lookup_finding (board, kw_finding_get_id (a)));

  /* A removed finding no longer reaches the board. */
  log.changed = 0;
  kw_finding_set_title (a, "A, removed");
  g_assert_cmpuint (log.changed, ==, 0);

  g_signal_handlers_disconnect_by_data (board, &log);
}

static void
test_board_texts (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  BoardLog log = { 0 };

  g_signal_connect (board, "changed", G_CALLBACK (board_changed_cb), &log);

  kw_board_set_title (board, "Klantcontact 2027");
  kw_board_set_title (board, "Klantcontact 2027");
  kw_board_set_organisation (board, "Voorbeeld Energie");
  kw_board_set_facilitator (board, "Rajaa");
  kw_board_set_workshop_date (board, "2026-11-18");
  kw_board_set_notes (board, "Eerste regel\nTweede regel");

  g_assert_cmpuint (log.changed, ==, 5);
  g_assert_cmpstr (kw_board_get_title (board), ==, "Klantcontact 2027");
  g_assert_cmpstr (kw_board_get_notes (board), ==, "Eerste regel\nTweede regel");
  g_assert_cmpstr (kw_board_get_workshop_date (board), ==, "2026-11-18");

  g_signal_handlers_disconnect_by_data (board, &log);
}

static void
test_board_thresholds (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwFinding) finding = placed_finding ("F", 6, 4);
  KwThresholds t;
  BoardLog log = { 0 };

  kw_board_append_finding (board, finding);
  g_signal_connect (board, "changed", G_CALLBACK (board_changed_cb), &log);

  kw_board_get_thresholds (board, &t);
  g_assert_cmpfloat (t.impact, ==, 5.0);
  g_assert_cmpfloat (t.effort, ==, 5.0);
  g_assert_cmpfloat (t.tiny_effort, ==, 1.0);
  g_assert_cmpint (kw_board_classify_finding (board, finding), ==, KW_OUTCOME_QUICK_WIN);

  /* Moving the effort line under the finding turns it into long-term work. */
  t.effort = 4.0;
  g_assert_true (kw_board_set_thresholds (board, &t));
  g_assert_cmpint (kw_board_classify_finding (board, finding), ==, KW_OUTCOME_LONG_TERM);
  g_assert_cmpuint (log.changed, ==, 1);

  g_assert_true (kw_board_set_thresholds (board, &t));
  g_assert_cmpuint (log.changed, ==, 1);

  t.tiny_effort = 4.0;
  g_assert_false (kw_board_set_thresholds (board, &t));
  t.tiny_effort = 1.0;
  t.impact = 11.0;
  g_assert_false (kw_board_set_thresholds (board, &t));
  g_assert_cmpuint (log.changed, ==, 1);

  g_object_set (board, "impact-line", 7.0, NULL);
  g_assert_cmpint (kw_board_classify_finding (board, finding), ==, KW_OUTCOME_DROP);

  g_signal_handlers_disconnect_by_data (board, &log);
}

static void
test_board_counts (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  static const struct { double impact, effort; } positions[] = {
    { 8, 2 }, { 9, 1 },      /* quick wins */
    { 3, 0.5 },              /* small fix */
    { 8, 8 }, { 5, 5 },      /* long-term */
    { 2, 3 },                /* future */
    { 2, 9 }, { 4.9, 5 },    /* drop */
  };
  guint counts[KW_N_OUTCOMES];

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(KwFinding) f = placed_finding ("F", positions[i].impact, positions[i].effort);
      kw_board_append_finding (board, f);
    }
  {
    g_autoptr(KwFinding) unplaced = kw_finding_new ("Nog te plaatsen");
    kw_board_append_finding (board, unplaced);
  }

  kw_board_count_outcomes (board, counts);
  g_assert_cmpuint (counts[KW_OUTCOME_QUICK_WIN], ==, 2);
  g_assert_cmpuint (counts[KW_OUTCOME_SMALL_FIX], ==, 1);
  g_assert_cmpuint (counts[KW_OUTCOME_LONG_TERM], ==, 2);
  g_assert_cmpuint (counts[KW_OUTCOME_FUTURE], ==, 1);
  g_assert_cmpuint (counts[KW_OUTCOME_DROP], ==, 2);
  g_assert_cmpuint (counts[KW_OUTCOME_UNPLACED], ==, 1);
}

static void
test_board_collect_outcome (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  static const struct { const char *title; double impact, effort; } positions[] = {
    { "qw-ratio-2", 8, 4 }, { "qw-ratio-inf", 6, 0 }, { "qw-ratio-4", 8, 2 }, { "qw-ratio-4-small", 4 * 1.5, 1.5 },
    { "lt-7", 7, 9 }, { "lt-9", 9, 6 },
    { "fu-4", 3, 4 }, { "fu-2", 1, 2 },
    { "dr-first", 1, 9 }, { "dr-second", 4, 6 },
  };
  static const char *expected[KW_N_OUTCOMES][4] = {
    [KW_OUTCOME_QUICK_WIN] = { "qw-ratio-inf", "qw-ratio-4", "qw-ratio-4-small", "qw-ratio-2" },
    [KW_OUTCOME_LONG_TERM] = { "lt-9", "lt-7" },
    [KW_OUTCOME_FUTURE] = { "fu-2", "fu-4" },
    [KW_OUTCOME_DROP] = { "dr-first", "dr-second" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(KwFinding) f = placed_finding (positions[i].title, positions[i].impact, positions[i].effort);
      kw_board_append_finding (board, f);
    }

  for (guint outcome = 0; outcome < KW_N_OUTCOMES; outcome++)
    {
      g_autoptr(GPtrArray) found = kw_board_collect_outcome (board, outcome);

      for (guint i = 0; i < found->len; i++)
        g_assert_cmpstr (kw_finding_get_title (found->pdata[i]), ==, expected[outcome][i]);
      if (found->len < 4)
        g_assert_null (expected[outcome][found->len]);
    }
}

static void
assert_same_finding (KwFinding *finding,
                     KwFinding *copy)
{
  g_assert_true (finding != copy);
  g_assert_cmpstr (kw_finding_get_id (copy), ==, kw_finding_get_id (finding));
  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    g_assert_cmpstr (kw_finding_get_text (copy, i), ==, kw_finding_get_text (finding, i));
  g_assert_cmpint (kw_finding_get_placed (copy), ==, kw_finding_get_placed (finding));
  g_assert_cmpfloat (kw_finding_get_impact (copy), ==, kw_finding_get_impact (finding));
  g_assert_cmpfloat (kw_finding_get_effort (copy), ==, kw_finding_get_effort (finding));
  g_assert_cmpint (kw_finding_get_status (copy), ==, kw_finding_get_status (finding));
  g_assert_cmpstrv (kw_finding_get_tags (copy), kw_finding_get_tags (finding));
  g_assert_true (g_date_time_equal (kw_finding_get_created (copy), kw_finding_get_created (finding)));
  g_assert_true (g_date_time_equal (kw_finding_get_modified (copy), kw_finding_get_modified (finding)));
  g_assert_cmpuint (kw_finding_get_n_estimates (copy), ==, kw_finding_get_n_estimates (finding));
  for (guint i = 0; i < kw_finding_get_n_estimates (finding); i++)
    {
      KwEstimate estimate, copied;
      const char *participant_id = kw_finding_get_nth_estimate (finding, i, &estimate);

      g_assert_cmpstr (kw_finding_get_nth_estimate (copy, i, &copied), ==, participant_id);
      g_assert_true (kw_estimate_equal (&estimate, &copied));
    }
}

/* A copy holds everything, modified times and a newer format version
 * included, and is a board of its own: edits on either side stay there. */
static void
test_board_copy (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwBoard) copy = NULL;
  g_autoptr(KwFinding) placed = placed_finding ("Terugbelverzoeken", 8.5, 2.25);
  g_autoptr(KwFinding) unplaced = kw_finding_new_with_id ("f-2", "Wachtmuziek");
  g_autoptr(GDateTime) long_ago = g_date_time_new_utc (2023, 11, 2, 8, 15, 30);
  const char *tags[] = { "telefonie", "avond", NULL };
  KwThresholds thresholds = { 6.5, 4.0, 1.5 };
  KwThresholds copied_thresholds;
  BoardLog log = { 0 };
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(KwParticipant) bram = kw_participant_new ("p2", "Bram", "Team Zorg");
  KwParticipant *copied_bram;

  for (guint i = 0; i < KW_N_BOARD_TEXTS; i++)
    kw_board_set_text (board, i, i == KW_BOARD_TEXT_WORKSHOP_DATE ? "2024-03-01" : "tekst");
  g_assert_true (kw_board_set_thresholds (board, &thresholds));
  kw_board_set_format_version (board, 7);
  kw_finding_set_description (placed, "Na 17:00 uur\nniet bereikbaar");
  kw_finding_set_owner (placed, "Teamleider");
  kw_finding_set_source (placed, "Workshop");
  kw_finding_set_drop_reason (placed, "Geen budget");
  kw_finding_set_due_date (placed, "2024-06-30");
  kw_finding_set_review_date (placed, "2024-05-01");
  kw_finding_set_status (placed, KW_STATUS_IN_PROGRESS);
  kw_finding_set_tags (placed, tags);
  kw_participant_list_add (kw_board_get_participants (board), anna, G_MAXUINT);
  kw_participant_list_add (kw_board_get_participants (board), bram, G_MAXUINT);
  kw_finding_set_estimate (placed, "p2", &(KwEstimate) { TRUE, 7.5, 2 });
  kw_finding_set_estimate (placed, "p1", &(KwEstimate) { FALSE, 0, 0 });
  kw_finding_set_modified (placed, long_ago);
  g_assert_true (kw_board_append_finding (board, placed));
  g_assert_true (kw_board_append_finding (board, unplaced));

  copy = kw_board_copy (board);

  for (guint i = 0; i < KW_N_BOARD_TEXTS; i++)
    g_assert_cmpstr (kw_board_get_text (copy, i), ==, kw_board_get_text (board, i));
  kw_board_get_thresholds (copy, &copied_thresholds);
  g_assert_cmpfloat (copied_thresholds.impact, ==, 6.5);
  g_assert_cmpfloat (copied_thresholds.effort, ==, 4.0);
  g_assert_cmpfloat (copied_thresholds.tiny_effort, ==, 1.5);
  g_assert_cmpuint (kw_board_get_format_version (copy), ==, 7);
  g_assert_true (kw_board_is_from_newer_format (copy));
  g_assert_cmpuint (kw_board_get_n_findings (copy), ==, 2);
  assert_same_finding (placed, kw_board_get_finding (copy, 0));
  assert_same_finding (unplaced, kw_board_get_finding (copy, 1));
  g_assert_true (kw_board_lookup_finding (copy, "f-2") == kw_board_get_finding (copy, 1));
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (copy)), ==, 2);
  copied_bram = kw_participant_list_get_participant (kw_board_get_participants (copy), 1);
  g_assert_true (copied_bram != bram);
  g_assert_cmpstr (kw_participant_get_id (copied_bram), ==, "p2");
  g_assert_cmpstr (kw_participant_get_name (copied_bram), ==, "Bram");
  g_assert_cmpstr (kw_participant_get_team (copied_bram), ==, "Team Zorg");

  /* Its own findings, which it follows like any board's. */
  g_signal_connect (copy, "changed", G_CALLBACK (board_changed_cb), &log);
  kw_finding_set_title (kw_board_get_finding (copy, 0), "Anders");
  g_assert_cmpuint (log.changed, >=, 1);
  g_assert_cmpstr (kw_finding_get_title (placed), ==, "Terugbelverzoeken");
  kw_finding_unplace (placed);
  kw_board_set_title (board, "Later");
  g_assert_true (kw_finding_get_placed (kw_board_get_finding (copy, 0)));
  g_assert_cmpstr (kw_board_get_title (copy), ==, "tekst");
  g_assert_true (kw_board_remove_finding (board, unplaced));
  g_assert_cmpuint (kw_board_get_n_findings (copy), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finding/defaults", test_finding_defaults);
  g_test_add_func ("/finding/ids", test_finding_ids);
  g_test_add_func ("/finding/notify-only-on-change", test_finding_notify_only_on_change);
  g_test_add_func ("/finding/place", test_finding_place);
  g_test_add_func ("/finding/text-fields", test_finding_text_fields);
  g_test_add_func ("/finding/status-ids", test_status_ids);
  g_test_add_func ("/board/list-model", test_board_list_model);
  g_test_add_func ("/board/texts", test_board_texts);
  g_test_add_func ("/board/thresholds", test_board_thresholds);
  g_test_add_func ("/board/counts", test_board_counts);
  g_test_add_func ("/board/collect-outcome", test_board_collect_outcome);
  g_test_add_func ("/board/copy", test_board_copy);

  return g_test_run ();
}
