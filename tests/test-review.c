/* test-review.c: review mode's core (KwReview): the queue of findings due
 * for review in the plan's order, each decision as one undoable step and
 * what it does to the finding, undo going back to the finding, the
 * summary, and a finding's history over the snapshots. Positions and
 * dates are worked out by hand from the default lines (impact 5, effort 5,
 * tiny effort 1) and the default review interval of three months.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kw-follow-up.h"
#include "kw-history.h"
#include "kw-review.h"
#include "kw-snapshot.h"

#define TODAY "2026-12-04"
#define NEXT  "2027-03-04"   /* TODAY plus three months */

typedef struct
{
  KwBoard   *board;
  KwHistory *history;
  KwReview  *review;
} Fixture;

static KwFinding *
add_finding (KwBoard    *board,
             const char *title,
             double      impact,
             double      effort,
             const char *review)
{
  g_autoptr(KwFinding) finding = kw_finding_new (title);

  kw_finding_place (finding, impact, effort);
  kw_finding_set_review_date (finding, review);
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;  /* owned by the board */
}

/* Five findings, three of them due: the small fix "b" (due today), the
 * future-list ones "a" and "d" (due before). "c" is not due yet, "e" is a
 * quick win, which is never reviewed. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->board = kw_board_new ();
  add_finding (fixture->board, "a", 2.0, 3.0, "2026-11-01");
  add_finding (fixture->board, "b", 1.0, 0.5, TODAY);
  add_finding (fixture->board, "c", 2.0, 3.0, "2026-12-05");
  add_finding (fixture->board, "d", 3.0, 4.0, "2026-01-10");
  add_finding (fixture->board, "e", 8.0, 2.0, "2026-01-10");
  fixture->history = kw_history_new (fixture->board);
  kw_history_set_today (fixture->history, TODAY);
  fixture->review = kw_review_new (fixture->history, TODAY);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->review);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->board);
}

static const char *
current_title (Fixture *fixture)
{
  KwFinding *finding = kw_review_get_current (fixture->review);

  return finding != NULL ? kw_finding_get_title (finding) : NULL;
}

static void
test_queue (Fixture       *fixture,
            gconstpointer  data)
{
  KwReview *review = fixture->review;

  /* The plan's order: small fixes before the future list. */
  g_assert_cmpuint (kw_review_get_n_findings (review), ==, 3);
  g_assert_cmpstr (kw_finding_get_title (kw_review_get_finding (review, 0)), ==, "b");
  g_assert_cmpstr (kw_finding_get_title (kw_review_get_finding (review, 1)), ==, "a");
  g_assert_cmpstr (kw_finding_get_title (kw_review_get_finding (review, 2)), ==, "d");
  g_assert_null (kw_review_get_finding (review, 3));

  /* Skipping and going back change nothing and clamp. */
  kw_review_back (review);
  g_assert_cmpuint (kw_review_get_position (review), ==, 0);
  kw_review_next (review);
  kw_review_next (review);
  kw_review_next (review);
  kw_review_next (review);
  g_assert_cmpuint (kw_review_get_position (review), ==, 3);
  g_assert_true (kw_review_is_finished (review));
  g_assert_null (kw_review_get_current (review));
  kw_review_back (review);
  g_assert_cmpstr (current_title (fixture), ==, "d");
  g_assert_false (kw_history_get_can_undo (fixture->history));
}

static void
test_keep (Fixture       *fixture,
           gconstpointer  data)
{
  KwFinding *b = kw_review_get_current (fixture->review);
  g_autoptr(GError) error = NULL;
  KwReviewDecision decision;

  g_assert_true (kw_review_keep (fixture->review, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, NEXT);
  g_assert_false (kw_follow_up_is_due_for_review (fixture->board, b, TODAY));
  g_assert_cmpstr (kw_history_get_undo_label (fixture->history), ==, "Review: Keep");
  g_assert_cmpstr (current_title (fixture), ==, "a");
  g_assert_true (kw_review_get_decision (fixture->review, 0, &decision));
  g_assert_cmpint (decision, ==, KW_REVIEW_KEEP);
  g_assert_nonnull (strstr (kw_review_get_last_message (fixture->review), "“b” kept"));

  /* One undo takes it back, and b is current again. */
  g_assert_true (kw_review_undo (fixture->review) == b);
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, TODAY);
  g_assert_cmpuint (kw_review_get_position (fixture->review), ==, 0);
  g_assert_false (kw_review_get_decision (fixture->review, 0, NULL));
  g_assert_false (kw_history_get_can_undo (fixture->history));
  g_assert_null (kw_review_undo (fixture->review));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_place (Fixture       *fixture,
            gconstpointer  data)
{
  KwFinding *b = kw_review_get_current (fixture->review);
  KwFinding *a = kw_review_get_finding (fixture->review, 1);
  g_autoptr(GError) error = NULL;
  guint given = 0;

  g_signal_connect_swapped (fixture->history, "review-date-given", G_CALLBACK (count_cb), &given);

  /* To the quick wins: the review date goes. */
  g_assert_true (kw_review_place (fixture->review, 8.0, 2.0, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (kw_finding_get_impact (b), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (b), ==, 2.0);
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, "");
  g_assert_cmpstr (kw_history_get_undo_label (fixture->history), ==, "Review: New Position");

  /* Within the future list: a new review date from today, set by the
   * review (the history does not announce one of its own). */
  g_assert_true (kw_review_place (fixture->review, 3.0, 2.0, &error));
  g_assert_cmpint (kw_board_classify_finding (fixture->board, a), ==, KW_OUTCOME_FUTURE);
  g_assert_cmpstr (kw_finding_get_review_date (a), ==, NEXT);
  g_assert_cmpuint (given, ==, 0);

  /* Each one step: two undos restore both. */
  g_assert_true (kw_review_undo (fixture->review) == a);
  g_assert_cmpfloat (kw_finding_get_effort (a), ==, 3.0);
  g_assert_cmpstr (kw_finding_get_review_date (a), ==, "2026-11-01");
  g_assert_true (kw_review_undo (fixture->review) == b);
  g_assert_cmpfloat (kw_finding_get_impact (b), ==, 1.0);
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, TODAY);
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  KwFinding *b = kw_review_get_current (fixture->review);
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_review_done (fixture->review, &error));
  g_assert_cmpint (kw_finding_get_status (b), ==, KW_STATUS_DONE);
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, "");
  g_assert_cmpuint (kw_review_count (fixture->review, KW_REVIEW_DONE), ==, 1);

  /* Back to b: done again changes nothing and is refused. */
  kw_review_back (fixture->review);
  g_assert_false (kw_review_done (fixture->review, &error));
  g_assert_error (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_NOTHING);
  g_assert_cmpuint (kw_review_get_position (fixture->review), ==, 0);

  g_assert_true (kw_review_undo (fixture->review) == b);
  g_assert_cmpint (kw_finding_get_status (b), ==, KW_STATUS_OPEN);
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, TODAY);
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  KwFinding *b = kw_review_get_current (fixture->review);
  g_autoptr(GError) error = NULL;
  KwThresholds thresholds;

  /* A reason is required. */
  g_assert_false (kw_review_drop (fixture->review, "  \n ", &error));
  g_assert_error (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_NO_REASON);
  g_clear_error (&error);
  g_assert_false (kw_history_get_can_undo (fixture->history));

  /* b (1.0, 0.5) keeps its impact; its effort rises to the effort line. */
  g_assert_true (kw_review_drop (fixture->review, "No budget", &error));
  g_assert_cmpfloat (kw_finding_get_impact (b), ==, 1.0);
  g_assert_cmpfloat (kw_finding_get_effort (b), ==, 5.0);
  g_assert_cmpint (kw_board_classify_finding (fixture->board, b), ==, KW_OUTCOME_DROP);
  g_assert_cmpstr (kw_finding_get_drop_reason (b), ==, "No budget");
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, "");
  g_assert_cmpstr (kw_history_get_undo_label (fixture->history), ==, "Review: Drop");

  g_assert_true (kw_review_undo (fixture->review) == b);
  g_assert_cmpfloat (kw_finding_get_effort (b), ==, 0.5);
  g_assert_cmpstr (kw_finding_get_drop_reason (b), ==, "");

  /* A finding moved over the impact line comes down to just under it. */
  g_assert_true (kw_review_place (fixture->review, 9.0, 4.0, &error));
  kw_review_back (fixture->review);
  g_assert_true (kw_review_drop (fixture->review, "Later", &error));
  g_assert_cmpfloat (kw_finding_get_impact (b), ==, 4.9);
  g_assert_cmpfloat (kw_finding_get_effort (b), ==, 5.0);

  /* With the impact line at the bottom there is no drop zone. */
  kw_review_back (fixture->review);
  kw_board_get_thresholds (fixture->board, &thresholds);
  thresholds.impact = 0.0;
  g_assert_true (kw_history_set_thresholds (fixture->history, &thresholds));
  kw_review_next (fixture->review);
  g_assert_false (kw_review_drop (fixture->review, "Why", &error));
  g_assert_error (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_NO_DROP);
}

static void
test_reschedule (Fixture       *fixture,
                 gconstpointer  data)
{
  KwFinding *b = kw_review_get_current (fixture->review);
  g_autoptr(GError) error = NULL;

  g_assert_false (kw_review_reschedule (fixture->review, "soon", &error));
  g_assert_error (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_DATE);
  g_clear_error (&error);
  g_assert_false (kw_review_reschedule (fixture->review, TODAY, &error));
  g_assert_error (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_DATE);
  g_clear_error (&error);
  g_assert_false (kw_history_get_can_undo (fixture->history));

  /* The Dutch way of writing a date is read too. */
  g_assert_true (kw_review_reschedule (fixture->review, "15-01-2027", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, "2027-01-15");
  g_assert_cmpstr (kw_history_get_undo_label (fixture->history), ==, "Review: Next Review Date");
  g_assert_true (kw_review_undo (fixture->review) == b);
  g_assert_cmpstr (kw_finding_get_review_date (b), ==, TODAY);
}

/* Undo only undoes this review's own steps. */
static void
test_undo_foreign_step (Fixture       *fixture,
                        gconstpointer  data)
{
  KwFinding *e = kw_board_get_finding (fixture->board, 4);
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_review_keep (fixture->review, &error));
  kw_history_set_text (fixture->history, e, KW_FINDING_TEXT_OWNER, "Anna");
  g_assert_null (kw_review_get_undo_label (fixture->review));
  g_assert_null (kw_review_undo (fixture->review));
  g_assert_cmpstr (kw_finding_get_owner (e), ==, "Anna");
  g_assert_cmpuint (kw_review_get_position (fixture->review), ==, 1);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *none = kw_review_dup_summary (fixture->review);
  g_autofree char *summary = NULL;
  g_autofree char *after_undo = NULL;

  g_assert_cmpstr (none, ==, "0 findings reviewed: 3 left as they were");

  g_assert_true (kw_review_keep (fixture->review, &error));
  g_assert_true (kw_review_place (fixture->review, 8.0, 2.0, &error));
  g_assert_true (kw_review_drop (fixture->review, "No budget", &error));
  g_assert_true (kw_review_is_finished (fixture->review));
  summary = kw_review_dup_summary (fixture->review);
  g_assert_cmpstr (summary, ==, "3 findings reviewed: 1 kept, 1 moved to quick wins, 1 dropped");

  /* A second decision on a finding replaces its first. */
  kw_review_back (fixture->review);
  kw_review_back (fixture->review);
  g_assert_true (kw_review_done (fixture->review, &error));
  g_free (summary);
  summary = kw_review_dup_summary (fixture->review);
  g_assert_cmpstr (summary, ==, "3 findings reviewed: 1 kept, 1 done, 1 dropped");

  g_assert_nonnull (kw_review_undo (fixture->review));
  g_assert_nonnull (kw_review_undo (fixture->review));
  after_undo = kw_review_dup_summary (fixture->review);
  g_assert_cmpstr (after_undo, ==, "2 findings reviewed: 1 kept, 1 moved to quick wins, 1 left as it was");
}

static void
test_nothing_due (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = NULL;
  g_autoptr(KwReview) review = NULL;
  g_autoptr(GError) error = NULL;

  add_finding (board, "later", 2.0, 3.0, "2027-06-01");
  history = kw_history_new (board);
  review = kw_review_new (history, TODAY);
  g_assert_cmpuint (kw_review_get_n_findings (review), ==, 0);
  g_assert_true (kw_review_is_finished (review));
  g_assert_false (kw_review_keep (review, &error));
  g_assert_error (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_FINISHED);
}

static KwSnapshot *
take_snapshot (KwBoard    *board,
               const char *name,
               int         month)
{
  g_autoptr(GDateTime) taken = g_date_time_new_utc (2026, month, 1, 10, 0, 0);
  KwSnapshot *snapshot = kw_snapshot_new_from_board (board, name, "", taken);

  g_assert_true (kw_board_add_snapshot (board, snapshot, G_MAXUINT));
  g_object_unref (snapshot);

  return snapshot;  /* owned by the board */
}

static void
test_track (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwFinding) late = kw_finding_new ("late");
  KwFinding *f = add_finding (board, "f", 8.0, 2.0, "");
  KwThresholds thresholds;
  g_autoptr(GArray) track = NULL;
  const KwReviewMoment *m;

  take_snapshot (board, "June", 6);               /* quick win by default lines */
  kw_board_get_thresholds (board, &thresholds);
  thresholds.impact = 9.0;                         /* 8 is now low impact */
  kw_board_set_thresholds (board, &thresholds);
  kw_finding_set_status (f, KW_STATUS_DONE);
  take_snapshot (board, "September", 9);          /* future list by its own lines */

  track = kw_review_track_finding (board, f);
  g_assert_cmpuint (track->len, ==, 2);
  m = &g_array_index (track, KwReviewMoment, 0);
  g_assert_cmpstr (kw_snapshot_get_name (m->snapshot), ==, "June");
  g_assert_true (m->present && m->placed);
  g_assert_cmpfloat (m->impact, ==, 8.0);
  g_assert_cmpint (m->outcome, ==, KW_OUTCOME_QUICK_WIN);
  g_assert_cmpint (m->status, ==, KW_STATUS_OPEN);
  m = &g_array_index (track, KwReviewMoment, 1);
  g_assert_cmpint (m->outcome, ==, KW_OUTCOME_FUTURE);
  g_assert_cmpint (m->status, ==, KW_STATUS_DONE);

  /* A finding added after the snapshots was in none of them. */
  g_assert_true (kw_board_append_finding (board, late));
  g_clear_pointer (&track, g_array_unref);
  track = kw_review_track_finding (board, late);
  g_assert_cmpuint (track->len, ==, 2);
  g_assert_false (g_array_index (track, KwReviewMoment, 0).present);
  g_assert_cmpint (g_array_index (track, KwReviewMoment, 1).outcome, ==, KW_OUTCOME_UNPLACED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/queue", test_queue);
  ADD ("/review/keep", test_keep);
  ADD ("/review/place", test_place);
  ADD ("/review/done", test_done);
  ADD ("/review/drop", test_drop);
  ADD ("/review/reschedule", test_reschedule);
  ADD ("/review/undo-foreign-step", test_undo_foreign_step);
  ADD ("/review/summary", test_summary);
#undef ADD
  g_test_add_func ("/review/nothing-due", test_nothing_due);
  g_test_add_func ("/review/track", test_track);

  return g_test_run ();
}
