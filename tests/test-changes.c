/* test-changes.c: what moved between a snapshot and the board (KwChanges,
 * KwChange): which changes, in which order, in which words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>

#include "kw-changes-scenario.h"
#include "kw-snapshot-private.h"
#include "kw-plan-text.h"

typedef struct {
  KwBoard    *board;
  KwSnapshot *before;
} Fixture;

/* The board of the snapshot, on the default lines (5, 5, 1). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) taken = g_date_time_new_utc (2026, 11, 22, 16, 0, 0);

  f->board = kw_changes_scenario_new_board ();
  f->before = kw_snapshot_new_from_board (f->board, "Workshop 1", NULL, taken);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->before);
  g_clear_object (&f->board);
}

static KwFinding *
finding (Fixture    *f,
         const char *id)
{
  KwFinding *found = kw_board_lookup_finding (f->board, id);

  g_assert_nonnull (found);

  return found;
}

/* Every kind of change, and some that are not changes
 * (kw-changes-scenario.c says which). */
static void
edit_board (Fixture *f)
{
  kw_changes_scenario_edit (f->board);
}

#define expected_lines kw_changes_scenario_lines
#define N_EXPECTED_LINES kw_changes_scenario_n_lines

static const char * const expected_texts[] = {
  "Long-term plan → Quick win: Clearer outgoing letters",
  "Quick win → Long-term plan: Shorter hold music",
  "Not placed → Quick win: Callback queue",
  "Drop → Not placed: Rebuild the website",
  "Quick win → Future list: Holiday opening hours",
  "Effort up 1.0: New telephony platform",
  "Impact up 2.5, effort down 1.0: Knowledge base",
  "Impact down 1.5: Answer mail within a day",
  "New: Callback at a set time",
  "New: Self-service password reset",
  "New: Satisfaction survey",
  "Removed: Fax line",
  "Removed: Old survey",
  "In progress: Greeting script",
  "Done: New telephony platform",
  "Open again: Answer mail within a day",
  "Owner: Anna → Bram: Clearer outgoing letters",
  "No owner any more (was Dirk): New telephony platform",
  "Owner set to Carla: Callback queue",
  "Due 2027-01-31 → 2027-02-15: Clearer outgoing letters",
  "Due date set to 2027-03-01: Knowledge base",
  "No due date any more (was 2027-01-10): Answer mail within a day",
};

static const char * const expected_sentences[] = {
  "“Clearer outgoing letters”: outcome changed from long-term plan to quick win.",
  "“Shorter hold music”: outcome changed from quick win to long-term plan.",
  "“Callback queue”: outcome changed from not placed to quick win.",
  "“Rebuild the website”: outcome changed from drop to not placed.",
  "“Holiday opening hours”: outcome changed from quick win to future list.",
  "“New telephony platform” moved from impact 8.0 and effort 6.3 to impact 8.0 and effort 7.3.",
  "“Knowledge base” moved from impact 6.0 and effort 8.0 to impact 8.5 and effort 7.0.",
  "“Answer mail within a day” moved from impact 9.0 and effort 2.0 to impact 7.5 and effort 2.0.",
  "“Callback at a set time” is new.",
  "“Self-service password reset” is new.",
  "“Satisfaction survey” is new.",
  "“Fax line” has been removed.",
  "“Old survey” has been removed.",
  "“Greeting script” is in progress.",
  "“New telephony platform” is done.",
  "“Answer mail within a day” is open again.",
  "The owner of “Clearer outgoing letters” changed from Anna to Bram.",
  "“New telephony platform” no longer has an owner; it was Dirk.",
  "“Callback queue” now has an owner: Carla.",
  "The due date of “Clearer outgoing letters” changed from 31 January 2027 to 15 February 2027.",
  "“Knowledge base” now has a due date: 1 March 2027.",
  "“Answer mail within a day” no longer has a due date; it was 10 January 2027.",
};

typedef char *(*ChangeText) (KwChange *change);

static GStrv
collect (GListModel *changes,
         ChangeText  text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (changes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (changes, i);
      g_autofree char *line = text (change);

      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

/* Compares whole lists, so a failure shows both. */
static void
assert_strv (GStrv               got,
             const char * const *expected,
             gsize               n_expected)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) want = NULL;

  for (gsize i = 0; i < n_expected; i++)
    g_strv_builder_add (builder, expected[i]);
  want = g_strv_builder_end (builder);

  if (!g_strv_equal ((const char * const *) got, (const char * const *) want))
    {
      g_autofree char *got_text = g_strjoinv ("\n", got);
      g_autofree char *want_text = g_strjoinv ("\n", want);

      g_error ("got:\n%s\nexpected:\n%s", got_text, want_text);
    }
}

static void
test_since_snapshot (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KwChanges) changes = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) sentences = NULL;

  edit_board (f);
  changes = kw_changes_new (f->before, f->board);

  g_assert_true (kw_changes_get_before (changes) == f->before);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (changes)) == KW_TYPE_CHANGE);

  lines = collect (G_LIST_MODEL (changes), kw_change_format_line);
  assert_strv (lines, expected_lines, N_EXPECTED_LINES);
  texts = collect (G_LIST_MODEL (changes), kw_change_get_text);
  assert_strv (texts, expected_texts, G_N_ELEMENTS (expected_texts));
  sentences = collect (G_LIST_MODEL (changes), kw_change_get_accessible_text);
  assert_strv (sentences, expected_sentences, G_N_ELEMENTS (expected_sentences));

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (changes), N_EXPECTED_LINES));
}

/* The same comparison between two snapshots gives the same list. */
static void
test_between_snapshots (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KwSnapshot) after = NULL;
  g_autoptr(KwChanges) changes = NULL;
  g_autoptr(KwChanges) back = NULL;
  g_auto(GStrv) lines = NULL;

  edit_board (f);
  after = kw_snapshot_new_from_board (f->board, "Workshop 2", NULL, NULL);
  changes = kw_changes_new_between (f->before, after);

  lines = collect (G_LIST_MODEL (changes), kw_change_format_line);
  assert_strv (lines, expected_lines, N_EXPECTED_LINES);

  /* Backwards, new and removed swap, and every outcome change reverses. */
  back = kw_changes_new_between (after, f->before);
  g_clear_pointer (&lines, g_strfreev);
  lines = collect (G_LIST_MODEL (back), kw_change_format_line);
  g_assert_cmpstr (lines[0], ==, "outcome\tf-1\tquick-win\tlong-term\tClear letters");
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "new\tf-12\t\tfuture\tFax line"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "removed\tf-11\tunplaced\t\tCallback at a set time"));
  g_assert_cmpuint (g_strv_length (lines), ==, N_EXPECTED_LINES);
}

static void
test_nothing_moved (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KwChanges) changes = NULL;

  /* 0.9 on both axes at once (1.27 on the diagonal) is still no move:
   * moves are measured per axis. */
  kw_finding_place (finding (f, "f-3"), 8.9, 2.9);
  /* Each in its own direction, 0.9 too. */
  kw_finding_place (finding (f, "f-14"), 8.1, 9.9);

  changes = kw_changes_new (f->before, f->board);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (changes)), ==, 0);
}

static KwChange *
only_change (KwChanges *changes)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (changes)), ==, 1);

  return g_list_model_get_item (G_LIST_MODEL (changes), 0);
}

/* What a view needs to draw the earlier spot and an arrow. */
static void
test_change_values (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KwChanges) changes = NULL;
  g_autoptr(KwChange) change = NULL;
  double impact, effort;

  kw_finding_place (finding (f, "f-5"), 8.5, 7.0);
  changes = kw_changes_new (f->before, f->board);
  change = only_change (changes);

  g_assert_cmpint (kw_change_get_kind (change), ==, KW_CHANGE_MOVED);
  g_assert_cmpstr (kw_change_get_finding_id (change), ==, "f-5");
  g_assert_cmpstr (kw_change_get_title (change), ==, "Knowledge base");
  g_assert_cmpint (kw_change_get_before_outcome (change), ==, KW_OUTCOME_LONG_TERM);
  g_assert_cmpint (kw_change_get_after_outcome (change), ==, KW_OUTCOME_LONG_TERM);
  g_assert_true (kw_change_get_before_position (change, &impact, &effort));
  g_assert_cmpfloat (impact, ==, 6.0);
  g_assert_cmpfloat (effort, ==, 8.0);
  g_assert_true (kw_change_get_after_position (change, &impact, &effort));
  g_assert_cmpfloat (impact, ==, 8.5);
  g_assert_cmpfloat (effort, ==, 7.0);
  g_assert_cmpfloat (kw_change_get_impact_delta (change), ==, 2.5);
  g_assert_cmpfloat (kw_change_get_effort_delta (change), ==, -1.0);
  g_assert_cmpstr (kw_change_get_before_value (change), ==, "6.0 8.0");
  g_assert_cmpstr (kw_change_get_after_value (change), ==, "8.5 7.0");
  g_assert_cmpstr (kw_change_kind_to_id (kw_change_get_kind (change)), ==, "moved");

  /* The same through the properties a list view binds to. */
  {
    g_autofree char *id = NULL;
    g_autofree char *title = NULL;
    KwChangeKind kind;

    g_object_get (change, "kind", &kind, "finding-id", &id, "title", &title, NULL);
    g_assert_cmpint (kind, ==, KW_CHANGE_MOVED);
    g_assert_cmpstr (id, ==, "f-5");
    g_assert_cmpstr (title, ==, "Knowledge base");
  }
}

/* A removed finding has no after side; a new one no before side. */
static void
test_new_and_removed_values (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KwChanges) changes = NULL;
  g_autoptr(KwChange) removed = NULL;
  double impact = -1, effort = -1;

  g_assert_true (kw_board_remove_finding (f->board, finding (f, "f-12")));
  changes = kw_changes_new (f->before, f->board);
  removed = only_change (changes);

  g_assert_cmpint (kw_change_get_kind (removed), ==, KW_CHANGE_REMOVED);
  g_assert_cmpstr (kw_change_get_title (removed), ==, "Fax line");
  g_assert_true (kw_change_get_before_position (removed, &impact, &effort));
  g_assert_cmpfloat (impact, ==, 2.0);
  g_assert_false (kw_change_get_after_position (removed, &impact, &effort));
  g_assert_cmpfloat (impact, ==, 0.0);
  g_assert_cmpint (kw_change_get_after_outcome (removed), ==, KW_OUTCOME_UNPLACED);
  g_assert_cmpfloat (kw_change_get_impact_delta (removed), ==, 0.0);
  g_assert_cmpstr (kw_change_get_after_value (removed), ==, "");
}

/* Only the lines moved, no finding: the list says so by outcome. */
static void
test_thresholds_alone (Fixture       *f,
                       gconstpointer  data)
{
  KwThresholds thresholds = { 5.0, 8.5, 1.0 };
  g_autoptr(KwChanges) changes = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const expected[] = {
    "outcome\tf-1\tlong-term\tquick-win\tClear letters",
    "outcome\tf-4\tlong-term\tquick-win\tNew telephony platform",
    "outcome\tf-5\tlong-term\tquick-win\tKnowledge base",
    "outcome\tf-7\tdrop\tfuture\tRebuild the website",
  };

  g_assert_true (kw_board_set_thresholds (f->board, &thresholds));
  changes = kw_changes_new (f->before, f->board);
  lines = collect (G_LIST_MODEL (changes), kw_change_format_line);

  assert_strv (lines, expected, G_N_ELEMENTS (expected));
}

/* A line for scripts stays one line of five fields, whatever the texts
 * hold: a snapshot as a file may bring them (the board cleans its own). */
static void
test_line_fields (void)
{
  g_autoptr(KwSnapshot) empty = _kw_snapshot_new_loading (g_strdup ("Empty"), NULL,
                                                          g_date_time_new_now_utc ());
  g_autoptr(KwSnapshot) later = _kw_snapshot_new_loading (g_strdup ("Later"), NULL,
                                                          g_date_time_new_now_utc ());
  g_autoptr(KwChanges) changes = NULL;
  g_autoptr(KwChange) change = NULL;
  g_autofree char *line = NULL;

  g_assert_true (_kw_snapshot_add_entry_loading (later, "f-1", KW_STATUS_OPEN, TRUE, 7.0, 2.0));
  _kw_snapshot_set_entry_text_loading (later, KW_FINDING_TEXT_TITLE, "Two\tcolumns\nand two lines\r");
  changes = kw_changes_new_between (empty, later);
  change = only_change (changes);
  line = kw_change_format_line (change);

  g_assert_cmpstr (line, ==, "new\tf-1\t\tquick-win\tTwo columns and two lines ");
}

/* The words in Dutch, from the build's own catalogue. */
static void
test_dutch (Fixture       *f,
            gconstpointer  data)
{
  const char *build_dir = g_getenv ("KW_BUILD_DIR");
  g_autofree char *localedir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwChanges) changes = NULL;
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) sentences = NULL;
  const char * const expected_texts_nl[] = {
    "Plan voor de lange termijn → Quick win: Clearer outgoing letters",
    "Impact 2,5 hoger, inspanning 1,0 lager: Knowledge base",
    "Bezig: Greeting script",
    "Eigenaar: Anna → Bram: Clearer outgoing letters",
    "Deadline 31-01-2027 → 15-02-2027: Clearer outgoing letters",
  };
  const char * const expected_sentences_nl[] = {
    "“Clearer outgoing letters”: uitkomst veranderd van plan voor de lange termijn in quick win.",
    "“Knowledge base” is verschoven van impact 6,0 en inspanning 8,0 naar impact 8,5 en inspanning 7,0.",
    "Aan “Greeting script” wordt gewerkt.",
    "De eigenaar van “Clearer outgoing letters” is veranderd van Anna in Bram.",
    "De deadline van “Clearer outgoing letters” is verschoven van 31 januari 2027 naar 15 februari 2027.",
  };

  if (build_dir == NULL)
    {
      g_test_skip ("KW_BUILD_DIR is not set: run through meson test");
      return;
    }
  localedir = g_build_filename (build_dir, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_assert_true (kw_plan_language_load ("nl", &error));
  g_assert_no_error (error);

  kw_finding_set_title (finding (f, "f-1"), "Clearer outgoing letters");
  kw_finding_place (finding (f, "f-1"), 7.0, 4.9);
  kw_finding_place (finding (f, "f-5"), 8.5, 7.0);
  kw_finding_set_status (finding (f, "f-3"), KW_STATUS_IN_PROGRESS);
  kw_finding_set_owner (finding (f, "f-1"), "Bram");
  kw_finding_set_due_date (finding (f, "f-1"), "2027-02-15");
  changes = kw_changes_new (f->before, f->board);

  {
    g_autoptr(KwPlanLanguage) language = kw_plan_language_push ("nl");

    texts = collect (G_LIST_MODEL (changes), kw_change_get_text);
    sentences = collect (G_LIST_MODEL (changes), kw_change_get_accessible_text);
  }
  assert_strv (texts, expected_texts_nl, G_N_ELEMENTS (expected_texts_nl));
  assert_strv (sentences, expected_sentences_nl, G_N_ELEMENTS (expected_sentences_nl));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/changes/since-snapshot", test_since_snapshot);
  ADD ("/changes/between-snapshots", test_between_snapshots);
  ADD ("/changes/nothing-moved", test_nothing_moved);
  ADD ("/changes/change-values", test_change_values);
  ADD ("/changes/new-and-removed-values", test_new_and_removed_values);
  ADD ("/changes/thresholds-alone", test_thresholds_alone);
  ADD ("/changes/dutch", test_dutch);
  g_test_add_func ("/changes/line-fields", test_line_fields);

  return g_test_run ();
}
