/* test-follow-up.c: progress per outcome, what is overdue, the review
 * cycle (due for review, the next review date, the history giving a finding
 * its review date when it lands on a reviewed list) and the board's review
 * interval in the file. Every expected value is worked out by hand from the
 * default lines (impact 5, effort 5, tiny effort 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "kw-follow-up.h"
#include "kw-format.h"
#include "kw-history.h"
#include "kw-plan-text.h"

/* Positions by outcome with the default lines. */
#define QUICK_WIN  8.0, 2.0   /* high impact, low effort */
#define SMALL_FIX  2.0, 0.5   /* low impact, effort at or under 1 */
#define LONG_TERM  8.0, 7.0   /* high impact, high effort */
#define FUTURE     2.0, 3.0   /* low impact, effort between 1 and 5 */
#define DROP       2.0, 8.0   /* low impact, high effort */

static KwFinding *
add_finding (KwBoard    *board,
             const char *title,
             gboolean    placed,
             double      impact,
             double      effort,
             KwStatus    status)
{
  g_autoptr(KwFinding) finding = kw_finding_new (title);

  if (placed)
    kw_finding_place (finding, impact, effort);
  kw_finding_set_status (finding, status);
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;  /* owned by the board */
}

static void
test_count (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  guint done = 99, total = 99;

  /* Quick wins: three done, one in progress, one open: 3 of 5. */
  add_finding (board, "qw 1", TRUE, QUICK_WIN, KW_STATUS_DONE);
  add_finding (board, "qw 2", TRUE, QUICK_WIN, KW_STATUS_DONE);
  add_finding (board, "qw 3", TRUE, QUICK_WIN, KW_STATUS_IN_PROGRESS);
  add_finding (board, "qw 4", TRUE, QUICK_WIN, KW_STATUS_DONE);
  add_finding (board, "qw 5", TRUE, QUICK_WIN, KW_STATUS_OPEN);
  /* Done elsewhere: counted under their own outcomes only. */
  add_finding (board, "lt done", TRUE, LONG_TERM, KW_STATUS_DONE);
  add_finding (board, "unplaced done", FALSE, 0, 0, KW_STATUS_DONE);
  add_finding (board, "future open", TRUE, FUTURE, KW_STATUS_OPEN);

  kw_follow_up_count (board, KW_OUTCOME_QUICK_WIN, &done, &total);
  g_assert_cmpuint (done, ==, 3);
  g_assert_cmpuint (total, ==, 5);
  kw_follow_up_count (board, KW_OUTCOME_LONG_TERM, &done, &total);
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (total, ==, 1);
  kw_follow_up_count (board, KW_OUTCOME_FUTURE, &done, &total);
  g_assert_cmpuint (done, ==, 0);
  g_assert_cmpuint (total, ==, 1);
  kw_follow_up_count (board, KW_OUTCOME_SMALL_FIX, &done, &total);
  g_assert_cmpuint (done, ==, 0);
  g_assert_cmpuint (total, ==, 0);
  kw_follow_up_count (board, KW_OUTCOME_UNPLACED, &done, &total);
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (total, ==, 1);

  /* Finishing the one in progress makes it 4 of 5. */
  kw_finding_set_status (kw_board_get_finding (board, 2), KW_STATUS_DONE);
  kw_follow_up_count (board, KW_OUTCOME_QUICK_WIN, &done, NULL);
  g_assert_cmpuint (done, ==, 4);
}

static void
assert_progress (KwOutcome   outcome,
                 guint       done,
                 guint       total,
                 const char *expected)
{
  g_autofree char *text = kw_follow_up_progress_text (outcome, done, total);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
bind_build_catalogs (void)
{
  const char *build_dir = g_getenv ("KW_BUILD_DIR");
  g_autofree char *localedir = NULL;

  if (build_dir == NULL)
    return FALSE;

  localedir = g_build_filename (build_dir, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

static void
test_progress_text (void)
{
  {
    g_autoptr(KwPlanLanguage) english = kw_plan_language_push ("en");

    assert_progress (KW_OUTCOME_QUICK_WIN, 3, 5, "Quick wins: 3 of 5 done");
    assert_progress (KW_OUTCOME_SMALL_FIX, 0, 1, "Small fixes: 0 of 1 done");
    assert_progress (KW_OUTCOME_LONG_TERM, 2, 2, "Long-term plan: 2 of 2 done");
  }

  if (!bind_build_catalogs ())
    {
      g_test_skip ("KW_BUILD_DIR is not set: run through meson test");
      return;
    }

  /* Dutch, through the plan's own catalog and its plural forms. */
  if (!kw_plan_language_load ("nl", NULL))
    {
      g_test_skip ("the Dutch catalogue is not built");
      return;
    }
  {
    g_autoptr(KwPlanLanguage) dutch = kw_plan_language_push ("nl");

    g_assert_cmpstr (kw_plan_language_get_code (), ==, "nl");
    assert_progress (KW_OUTCOME_QUICK_WIN, 3, 5, "Quick wins: 3 van de 5 klaar");
    assert_progress (KW_OUTCOME_FUTURE, 1, 1, "Lijst voor later: 1 van 1 klaar");
    assert_progress (KW_OUTCOME_SMALL_FIX, 0, 0, "Kleine klusjes: 0 van de 0 klaar");
  }
}

static void
test_overdue (void)
{
  g_autoptr(KwFinding) finding = kw_finding_new ("Terugbelbelofte nakomen");

  g_assert_false (kw_follow_up_is_overdue (finding, "2026-11-22"));  /* no due date */

  kw_finding_set_due_date (finding, "2026-11-21");
  g_assert_true (kw_follow_up_is_overdue (finding, "2026-11-22"));   /* the day before */
  g_assert_false (kw_follow_up_is_overdue (finding, "2026-11-21"));  /* on the day */
  g_assert_false (kw_follow_up_is_overdue (finding, "2026-11-20"));

  kw_finding_set_status (finding, KW_STATUS_IN_PROGRESS);
  g_assert_true (kw_follow_up_is_overdue (finding, "2026-11-22"));
  kw_finding_set_status (finding, KW_STATUS_DONE);
  g_assert_false (kw_follow_up_is_overdue (finding, "2026-11-22"));
}

static void
test_due_for_review (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  KwFinding *future = add_finding (board, "future", TRUE, FUTURE, KW_STATUS_OPEN);
  KwFinding *small = add_finding (board, "small fix", TRUE, SMALL_FIX, KW_STATUS_IN_PROGRESS);
  KwFinding *quick = add_finding (board, "quick win", TRUE, QUICK_WIN, KW_STATUS_OPEN);
  KwFinding *later = add_finding (board, "long-term", TRUE, LONG_TERM, KW_STATUS_OPEN);
  KwFinding *dropped = add_finding (board, "drop", TRUE, DROP, KW_STATUS_OPEN);
  KwFinding *tray = add_finding (board, "unplaced", FALSE, 0, 0, KW_STATUS_OPEN);
  KwFinding *done = add_finding (board, "future, done", TRUE, FUTURE, KW_STATUS_DONE);
  KwFinding *no_date = add_finding (board, "future, no date", TRUE, FUTURE, KW_STATUS_OPEN);
  KwFinding *with_date[] = { future, small, quick, later, dropped, tray, done };

  for (guint i = 0; i < G_N_ELEMENTS (with_date); i++)
    kw_finding_set_review_date (with_date[i], "2026-11-22");

  /* The future list and the small fixes: due on the day and after. */
  g_assert_false (kw_follow_up_is_due_for_review (board, future, "2026-11-21"));
  g_assert_true (kw_follow_up_is_due_for_review (board, future, "2026-11-22"));
  g_assert_true (kw_follow_up_is_due_for_review (board, future, "2027-01-05"));
  g_assert_false (kw_follow_up_is_due_for_review (board, small, "2026-11-21"));
  g_assert_true (kw_follow_up_is_due_for_review (board, small, "2026-11-22"));

  /* Other lists, done findings and findings without a date never are. */
  g_assert_false (kw_follow_up_is_due_for_review (board, quick, "2026-11-23"));
  g_assert_false (kw_follow_up_is_due_for_review (board, later, "2026-11-23"));
  g_assert_false (kw_follow_up_is_due_for_review (board, dropped, "2026-11-23"));
  g_assert_false (kw_follow_up_is_due_for_review (board, tray, "2026-11-23"));
  g_assert_false (kw_follow_up_is_due_for_review (board, done, "2026-11-23"));
  g_assert_false (kw_follow_up_is_due_for_review (board, no_date, "2026-11-23"));

  /* It follows the lines: raising the effort line to 9 takes the dropped
   * finding (effort 8) onto the future list, where its date has come. */
  {
    KwThresholds thresholds;

    kw_board_get_thresholds (board, &thresholds);
    thresholds.effort = 9.0;
    g_assert_true (kw_board_set_thresholds (board, &thresholds));
    g_assert_true (kw_follow_up_is_due_for_review (board, dropped, "2026-11-23"));
  }
}

static void
assert_next_review (KwBoard    *board,
                    const char *today,
                    const char *expected)
{
  g_autofree char *next = kw_follow_up_next_review_date (board, today);

  g_assert_cmpstr (next, ==, expected);
}

/* A board made outside the history (a CSV on the command line): the
 * findings on the future list and the small fixes get the next review
 * date, one that has a date keeps it, the others get none. */
static void
test_give_review_dates (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  struct { const char *title; double impact, effort; const char *date; const char *expected; } findings[] = {
    { "Future", 3, 4, "", "2027-02-22" },
    { "Small fix", 2, 0.5, "", "2027-02-22" },
    { "Dated", 3, 4, "2027-01-10", "2027-01-10" },
    { "Quick win", 8, 2, "", "" },
    { "Drop", 2, 9, "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (findings[i].title);

      kw_finding_place (finding, findings[i].impact, findings[i].effort);
      kw_finding_set_review_date (finding, findings[i].date);
      kw_board_append_finding (board, finding);
    }

  g_assert_cmpuint (kw_follow_up_give_review_dates (board, "2026-11-22"), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    g_assert_cmpstr (kw_finding_get_review_date (kw_board_get_finding (board, i)), ==, findings[i].expected);
  /* Nothing left wanting one; an invalid today gives none. */
  g_assert_cmpuint (kw_follow_up_give_review_dates (board, "2026-11-22"), ==, 0);
  kw_finding_set_review_date (kw_board_get_finding (board, 0), "");
  g_assert_cmpuint (kw_follow_up_give_review_dates (board, "2026-02-30"), ==, 0);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_next_review_date (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  guint notified = 0;

  g_assert_cmpuint (kw_board_get_review_interval (board), ==, 3);
  assert_next_review (board, "2026-11-22", "2027-02-22");
  assert_next_review (board, "2026-11-30", "2027-02-28");  /* no 30 February */
  assert_next_review (board, "2027-11-30", "2028-02-29");  /* a leap year */
  assert_next_review (board, "2026-02-30", NULL);
  assert_next_review (board, "22-11-2026", NULL);
  assert_next_review (board, NULL, NULL);

  g_signal_connect (board, "notify::review-interval", G_CALLBACK (notify_count_cb), &notified);
  g_assert_true (kw_board_set_review_interval (board, 1));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (kw_board_set_review_interval (board, 1));
  g_assert_cmpuint (notified, ==, 1);  /* no change, no notification */
  assert_next_review (board, "2027-01-31", "2027-02-28");

  g_assert_true (kw_board_set_review_interval (board, 60));
  assert_next_review (board, "2026-11-22", "2031-11-22");
  g_assert_false (kw_board_set_review_interval (board, 0));
  g_assert_false (kw_board_set_review_interval (board, 61));
  g_assert_cmpuint (kw_board_get_review_interval (board), ==, 60);
  g_assert_cmpuint (notified, ==, 2);

  /* A copy keeps it. */
  {
    g_autoptr(KwBoard) copy = kw_board_copy (board);

    g_assert_cmpuint (kw_board_get_review_interval (copy), ==, 60);
  }
}

/* ---- The history's rule ------------------------------------------------ */

typedef struct {
  KwBoard   *board;
  KwHistory *history;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = kw_board_new ();
  f->history = kw_history_new (f->board);
  kw_history_set_today (f->history, "2026-11-22");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

static const char *
review_of (KwFinding *finding)
{
  return kw_finding_get_review_date (finding);
}

static void
test_place_gives_review_date (Fixture *f, gconstpointer data)
{
  KwFinding *finding = add_finding (f->board, "Wachtmuziek vervangen", FALSE, 0, 0, KW_STATUS_OPEN);

  kw_history_place (f->history, finding, FUTURE);
  g_assert_cmpstr (review_of (finding), ==, "2027-02-22");

  /* One step: undo takes the place and the date back together. */
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Move Finding");
  g_assert_true (kw_history_undo (f->history));
  g_assert_false (kw_finding_get_placed (finding));
  g_assert_cmpstr (review_of (finding), ==, "");
  g_assert_false (kw_history_get_can_undo (f->history));

  g_assert_true (kw_history_redo (f->history));
  g_assert_true (kw_finding_get_placed (finding));
  g_assert_cmpstr (review_of (finding), ==, "2027-02-22");
  g_assert_false (kw_history_get_can_redo (f->history));

  /* Leaving the list keeps the date; it is only due on a reviewed list. */
  kw_history_place (f->history, finding, QUICK_WIN);
  g_assert_cmpstr (review_of (finding), ==, "2027-02-22");
  g_assert_false (kw_follow_up_is_due_for_review (f->board, finding, "2027-03-01"));
}

static void
test_small_fix_and_keys (Fixture *f, gconstpointer data)
{
  KwFinding *finding = add_finding (f->board, "Typfout in sjabloon", TRUE, QUICK_WIN, KW_STATUS_OPEN);
  double impact = kw_finding_get_impact (finding), effort = kw_finding_get_effort (finding);

  /* A drag or the arrow keys: the widget moved it, the history records. */
  kw_finding_place (finding, SMALL_FIX);
  kw_history_record_place (f->history, finding, TRUE, impact, effort);
  g_assert_cmpstr (review_of (finding), ==, "2027-02-22");

  kw_history_undo (f->history);
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, 8.0);
  g_assert_cmpstr (review_of (finding), ==, "");
}

static void
test_keeps_a_review_date (Fixture *f, gconstpointer data)
{
  KwFinding *dated = add_finding (f->board, "Al gepland", FALSE, 0, 0, KW_STATUS_OPEN);
  KwFinding *cleared = add_finding (f->board, "Datum gewist", FALSE, 0, 0, KW_STATUS_OPEN);

  kw_finding_set_review_date (dated, "2026-12-01");
  kw_history_place (f->history, dated, FUTURE);
  g_assert_cmpstr (review_of (dated), ==, "2026-12-01");

  /* Moving within the list does not land it there again: a date cleared
   * on purpose stays cleared. */
  kw_history_place (f->history, cleared, FUTURE);
  kw_history_set_text (f->history, cleared, KW_FINDING_TEXT_REVIEW_DATE, "");
  kw_history_place (f->history, cleared, 3.0, 4.0);
  g_assert_cmpstr (review_of (cleared), ==, "");

  /* From the future list to the small fixes is landing on another list. */
  kw_history_place (f->history, cleared, SMALL_FIX);
  g_assert_cmpstr (review_of (cleared), ==, "2027-02-22");
}

static void
test_add_and_import_give_review_date (Fixture *f, gconstpointer data)
{
  g_autoptr(KwFinding) added = kw_finding_new ("Geplakt met scores");
  g_autoptr(KwFinding) other = kw_finding_new ("Tweede rij");

  kw_finding_place (added, FUTURE);
  kw_finding_place (other, LONG_TERM);

  /* As an import or a paste adds them: one group. */
  kw_history_begin_group (f->history, "Import 2 Findings");
  kw_history_add (f->history, added, G_MAXUINT);
  kw_history_add (f->history, other, G_MAXUINT);
  kw_history_end_group (f->history);
  g_assert_cmpstr (review_of (added), ==, "2027-02-22");
  g_assert_cmpstr (review_of (other), ==, "");

  kw_history_undo (f->history);
  g_assert_cmpuint (kw_board_get_n_findings (f->board), ==, 0);
  g_assert_cmpstr (review_of (added), ==, "");
  g_assert_false (kw_history_get_can_undo (f->history));

  kw_history_redo (f->history);
  g_assert_cmpuint (kw_board_get_n_findings (f->board), ==, 2);
  g_assert_cmpstr (review_of (added), ==, "2027-02-22");
}

static void
test_moved_line_gives_review_date (Fixture *f, gconstpointer data)
{
  KwFinding *finding = add_finding (f->board, "Net boven de lijn", TRUE, 5.5, 3.0, KW_STATUS_OPEN);
  KwThresholds thresholds;

  kw_board_get_thresholds (f->board, &thresholds);
  thresholds.impact = 6.0;  /* 5.5 is low impact now: the future list */
  g_assert_true (kw_history_set_thresholds (f->history, &thresholds));
  g_assert_cmpstr (review_of (finding), ==, "2027-02-22");

  kw_history_undo (f->history);
  kw_board_get_thresholds (f->board, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 5.0);
  g_assert_cmpstr (review_of (finding), ==, "");
  g_assert_false (kw_history_get_can_undo (f->history));
}

static void
test_review_interval_undo (Fixture *f, gconstpointer data)
{
  KwFinding *finding = add_finding (f->board, "Zes maanden", FALSE, 0, 0, KW_STATUS_OPEN);

  kw_history_set_review_interval (f->history, 0);
  kw_history_set_review_interval (f->history, 61);
  kw_history_set_review_interval (f->history, 3);  /* no change */
  g_assert_false (kw_history_get_can_undo (f->history));

  kw_history_set_review_interval (f->history, 6);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Change Review Interval");
  kw_history_place (f->history, finding, SMALL_FIX);
  g_assert_cmpstr (review_of (finding), ==, "2027-05-22");

  kw_history_undo (f->history);
  kw_history_undo (f->history);
  g_assert_cmpuint (kw_board_get_review_interval (f->board), ==, 3);
  kw_history_redo (f->history);
  g_assert_cmpuint (kw_board_get_review_interval (f->board), ==, 6);
}

/* ---- The file -------------------------------------------------------- */

static KwBoard *
round_trip (KwBoard *board,
            char   **xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kw_format_save_bytes (board, &error);
  KwBoard *loaded;

  g_assert_no_error (error);
  *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  loaded = kw_format_load_bytes (bytes, "round-trip.kwadrant", &error);
  g_assert_no_error (error);

  return loaded;
}

static void
test_interval_in_file (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwBoard) default_loaded = NULL;
  g_autoptr(KwBoard) loaded = NULL;
  g_autofree char *default_xml = NULL;
  g_autofree char *xml = NULL;

  /* The default is not written: a board that never set it reads as 3. */
  default_loaded = round_trip (board, &default_xml);
  g_assert_null (strstr (default_xml, "review-interval"));
  g_assert_cmpuint (kw_board_get_review_interval (default_loaded), ==, 3);

  g_assert_true (kw_board_set_review_interval (board, 12));
  loaded = round_trip (board, &xml);
  g_assert_nonnull (strstr (xml, "<review-interval months=\"12\"/>"));
  g_assert_cmpuint (kw_board_get_review_interval (loaded), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follow-up/count", test_count);
  g_test_add_func ("/follow-up/progress-text", test_progress_text);
  g_test_add_func ("/follow-up/overdue", test_overdue);
  g_test_add_func ("/follow-up/due-for-review", test_due_for_review);
  g_test_add_func ("/follow-up/next-review-date", test_next_review_date);
  g_test_add_func ("/follow-up/give-review-dates", test_give_review_dates);
  g_test_add ("/follow-up/history/place", Fixture, NULL,
              fixture_set_up, test_place_gives_review_date, fixture_tear_down);
  g_test_add ("/follow-up/history/small-fix-by-keys", Fixture, NULL,
              fixture_set_up, test_small_fix_and_keys, fixture_tear_down);
  g_test_add ("/follow-up/history/keeps-a-date", Fixture, NULL,
              fixture_set_up, test_keeps_a_review_date, fixture_tear_down);
  g_test_add ("/follow-up/history/add-and-import", Fixture, NULL,
              fixture_set_up, test_add_and_import_give_review_date, fixture_tear_down);
  g_test_add ("/follow-up/history/moved-line", Fixture, NULL,
              fixture_set_up, test_moved_line_gives_review_date, fixture_tear_down);
  g_test_add ("/follow-up/history/review-interval", Fixture, NULL,
              fixture_set_up, test_review_interval_undo, fixture_tear_down);

  g_test_add_func ("/follow-up/file/interval", test_interval_in_file);

  return g_test_run ();
}
