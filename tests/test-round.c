/* test-round.c: a blind estimation round (KwRound): what can be read
 * while it is open, the reveal as one undo step, the current finding and
 * the countdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kw-round.h"

typedef struct {
  KwBoard   *board;
  KwHistory *history;
  KwFinding *findings[3];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *titles[] = { "Wachttijd terugbellen", "Kennisbank actualiseren", "NPS-enquête per kanaal" };
  const char *names[] = { "Anna", "Bram", "Carla" };

  f->board = kw_board_new ();
  f->history = kw_history_new (f->board);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      f->findings[i] = kw_finding_new (titles[i]);
      kw_board_append_finding (f->board, f->findings[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);
      g_autoptr(KwParticipant) participant = kw_participant_new (id, names[i], NULL);

      kw_participant_list_add (kw_board_get_participants (f->board), participant, G_MAXUINT);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->findings); i++)
    g_clear_object (&f->findings[i]);
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

static void
count_submitted_cb (KwRound    *round,
                    KwFinding  *finding,
                    const char *participant_id,
                    guint      *count)
{
  (*count)++;
}

static void
test_covers (Fixture *f, gconstpointer data)
{
  g_autoptr(KwRound) all = kw_round_new (f->board, NULL, 0);
  KwFinding *two[] = { f->findings[2], f->findings[0] };
  g_autoptr(KwRound) some = kw_round_new (f->board, two, G_N_ELEMENTS (two));

  g_assert_cmpuint (kw_round_get_n_findings (all), ==, 3);
  g_assert_cmpuint (kw_round_get_n_findings (some), ==, 2);
  g_assert_true (kw_round_get_finding (some, 0) == f->findings[2]);
  g_assert_true (kw_round_get_current (some) == f->findings[2]);
  g_assert_false (kw_round_covers (some, f->findings[1]));
  g_assert_true (kw_round_covers (some, f->findings[0]));
  g_assert_cmpint (kw_round_get_state (some), ==, KW_ROUND_OPEN);
}

/* While the round is open the board has no estimate and the round says
 * only who has given one. */
static void
count_estimates_changed_cb (KwFinding *finding,
                            guint     *count)
{
  (*count)++;
}

static void
test_blind_then_reveal (Fixture *f, gconstpointer data)
{
  g_autoptr(KwRound) round = kw_round_new (f->board, NULL, 0);
  KwFinding *a = f->findings[0];
  guint submitted = 0;
  guint a_changed = 0;
  KwEstimate back;

  g_signal_connect (round, "submitted", G_CALLBACK (count_submitted_cb), &submitted);

  g_assert_true (kw_round_submit (round, a, "p1", &(KwEstimate) { TRUE, 8, 2 }));
  g_assert_true (kw_round_submit (round, a, "p2", &(KwEstimate) { TRUE, 6, 3 }));
  g_assert_false (kw_round_submit (round, a, "p9", &(KwEstimate) { TRUE, 6, 3 }));
  g_assert_cmpuint (submitted, ==, 2);
  /* The same again is no change. */
  g_assert_true (kw_round_submit (round, a, "p2", &(KwEstimate) { TRUE, 6, 3 }));
  g_assert_cmpuint (submitted, ==, 2);

  g_assert_true (kw_round_has_submitted (round, a, "p1"));
  g_assert_false (kw_round_has_submitted (round, a, "p3"));
  g_assert_cmpuint (kw_round_count_submitted (round, a), ==, 2);
  g_assert_false (kw_round_is_complete (round, a));
  g_assert_cmpuint (kw_finding_get_n_estimates (a), ==, 0);
  g_assert_false (kw_history_get_can_undo (f->history));

  g_assert_true (kw_round_submit (round, a, "p3", &(KwEstimate) { FALSE, 0, 0 }));
  g_assert_true (kw_round_is_complete (round, a));
  g_assert_true (kw_round_submit (round, f->findings[1], "p3", &(KwEstimate) { TRUE, 1, 9 }));

  /* Each finding's estimates land together: one signal for a's three. */
  g_signal_connect (a, "estimates-changed", G_CALLBACK (count_estimates_changed_cb), &a_changed);
  g_assert_cmpuint (kw_round_reveal (round, f->history), ==, 4);
  g_assert_cmpuint (a_changed, ==, 1);
  g_assert_cmpint (kw_round_get_state (round), ==, KW_ROUND_REVEALED);
  g_assert_cmpuint (kw_finding_get_n_estimates (a), ==, 3);
  g_assert_cmpuint (kw_finding_get_n_estimates (f->findings[1]), ==, 1);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Reveal Estimates");

  /* Closed to new estimates, and a second reveal does nothing. */
  g_assert_false (kw_round_submit (round, a, "p1", &(KwEstimate) { TRUE, 1, 1 }));
  g_assert_cmpuint (kw_round_reveal (round, f->history), ==, 0);

  /* One undo takes all of them back, and redo puts back exactly them. */
  kw_history_undo (f->history);
  g_assert_cmpuint (kw_finding_get_n_estimates (a), ==, 0);
  g_assert_cmpuint (kw_finding_get_n_estimates (f->findings[1]), ==, 0);
  g_assert_cmpuint (a_changed, ==, 2);
  g_assert_false (kw_history_get_can_undo (f->history));
  kw_history_redo (f->history);
  g_assert_cmpuint (a_changed, ==, 3);
  g_assert_true (kw_finding_get_estimate (a, "p2", &back));
  g_assert_true (back.known);
  g_assert_cmpfloat (back.impact, ==, 6);
  g_assert_cmpfloat (back.effort, ==, 3);
  g_assert_true (kw_finding_get_estimate (a, "p3", &back));
  g_assert_false (back.known);
  g_assert_cmpuint (kw_finding_get_n_estimates (f->findings[1]), ==, 1);
}

static void
test_take_back_and_replace (Fixture *f, gconstpointer data)
{
  g_autoptr(KwRound) round = kw_round_new (f->board, NULL, 0);
  KwFinding *a = f->findings[0];
  KwEstimate estimate;

  kw_finding_set_estimate (a, "p1", &(KwEstimate) { TRUE, 2, 2 });
  kw_finding_set_estimate (a, "p2", &(KwEstimate) { TRUE, 3, 3 });

  kw_round_submit (round, a, "p1", &(KwEstimate) { TRUE, 9, 1 });
  kw_round_submit (round, a, "p2", &(KwEstimate) { TRUE, 9, 1 });
  g_assert_true (kw_round_submit (round, a, "p2", NULL));
  g_assert_false (kw_round_has_submitted (round, a, "p2"));

  kw_round_reveal (round, f->history);
  /* The new estimate replaces the old; one not given again stays. */
  g_assert_true (kw_finding_get_estimate (a, "p1", &estimate));
  g_assert_cmpfloat (estimate.impact, ==, 9);
  g_assert_true (kw_finding_get_estimate (a, "p2", &estimate));
  g_assert_cmpfloat (estimate.impact, ==, 3);
}

/* A finding or participant removed mid-round drops out of the reveal. */
static void
test_removed_mid_round (Fixture *f, gconstpointer data)
{
  g_autoptr(KwRound) round = kw_round_new (f->board, NULL, 0);
  KwParticipant *bram = kw_participant_list_lookup (kw_board_get_participants (f->board), "p2");

  kw_round_submit (round, f->findings[0], "p1", &(KwEstimate) { TRUE, 5, 5 });
  kw_round_submit (round, f->findings[1], "p2", &(KwEstimate) { TRUE, 5, 5 });
  kw_round_submit (round, f->findings[2], "p1", &(KwEstimate) { TRUE, 5, 5 });
  kw_history_remove (f->history, f->findings[0]);
  kw_history_remove_participant (f->history, bram);
  g_assert_cmpuint (kw_round_count_submitted (round, f->findings[1]), ==, 0);

  g_assert_cmpuint (kw_round_reveal (round, f->history), ==, 1);
  g_assert_cmpuint (kw_finding_get_n_estimates (f->findings[2]), ==, 1);
  g_assert_cmpuint (kw_finding_get_n_estimates (f->findings[0]), ==, 0);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_current (Fixture *f, gconstpointer data)
{
  g_autoptr(KwRound) round = kw_round_new (f->board, NULL, 0);
  g_autoptr(KwFinding) outside = kw_finding_new ("Niet in de ronde");
  guint notified = 0;

  g_signal_connect (round, "notify::current", G_CALLBACK (notify_count_cb), &notified);

  g_assert_true (kw_round_get_current (round) == f->findings[0]);
  g_assert_false (kw_round_step_current (round, -1));
  g_assert_true (kw_round_step_current (round, 2));
  g_assert_true (kw_round_get_current (round) == f->findings[2]);
  g_assert_false (kw_round_step_current (round, 1));
  g_assert_true (kw_round_set_current (round, f->findings[1]));
  g_assert_true (kw_round_set_current (round, f->findings[1]));
  g_assert_false (kw_round_set_current (round, outside));
  g_assert_true (kw_round_get_current (round) == f->findings[1]);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_countdown (Fixture *f, gconstpointer data)
{
  g_autoptr(KwRound) round = kw_round_new (f->board, NULL, 0);
  gint64 start = 1000 * G_USEC_PER_SEC;
  guint notified = 0;

  g_signal_connect (round, "notify::deadline", G_CALLBACK (notify_count_cb), &notified);

  g_assert_cmpuint (kw_round_get_seconds_left (round, start), ==, 0);
  kw_round_set_deadline (round, start + 90 * G_USEC_PER_SEC);
  kw_round_set_deadline (round, start + 90 * G_USEC_PER_SEC);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (kw_round_get_seconds_left (round, start), ==, 90);
  /* Rounded up: 0.5 s left is still a second on the clock. */
  g_assert_cmpuint (kw_round_get_seconds_left (round, start + 89 * G_USEC_PER_SEC + 500000), ==, 1);
  g_assert_cmpuint (kw_round_get_seconds_left (round, start + 90 * G_USEC_PER_SEC), ==, 0);
  g_assert_cmpuint (kw_round_get_seconds_left (round, start + 200 * G_USEC_PER_SEC), ==, 0);
}

/* The text the header bar and the presentation show. */
static void
test_countdown_text (Fixture *f, gconstpointer data)
{
  g_autoptr(KwRound) round = kw_round_new (f->board, NULL, 0);
  gint64 start = 1000 * G_USEC_PER_SEC;
  g_autofree char *untimed = kw_round_format_time_left (round, start);
  g_autofree char *running = NULL;
  g_autofree char *last = NULL;
  g_autofree char *up = NULL;

  g_assert_null (untimed);
  kw_round_set_deadline (round, start + 245 * G_USEC_PER_SEC);
  running = kw_round_format_time_left (round, start);
  last = kw_round_format_time_left (round, start + 244 * G_USEC_PER_SEC + 1);
  up = kw_round_format_time_left (round, start + 245 * G_USEC_PER_SEC);
  g_assert_cmpstr (running, ==, "4:05");
  g_assert_cmpstr (last, ==, "0:01");
  g_assert_cmpstr (up, ==, "Time is up");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/round/covers", test_covers);
  ADD ("/round/blind-then-reveal", test_blind_then_reveal);
  ADD ("/round/take-back-and-replace", test_take_back_and_replace);
  ADD ("/round/removed-mid-round", test_removed_mid_round);
  ADD ("/round/current", test_current);
  ADD ("/round/countdown", test_countdown);
  ADD ("/round/countdown-text", test_countdown_text);

  return g_test_run ();
}
