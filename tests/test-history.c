/* test-history.c: undo and redo of every kind of change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kw-history.h"

typedef struct {
  KwBoard   *board;
  KwHistory *history;
  KwFinding *a;
  KwFinding *b;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = kw_board_new ();
  f->history = kw_history_new (f->board);
  f->a = kw_finding_new ("Heldere uitgaande brieven");
  f->b = kw_finding_new ("Kennisbank actualiseren");
  kw_finding_place (f->a, 8.0, 2.0);
  kw_board_append_finding (f->board, f->a);
  kw_board_append_finding (f->board, f->b);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

static void
test_starts_empty (Fixture *f, gconstpointer data)
{
  g_assert_false (kw_history_get_can_undo (f->history));
  g_assert_false (kw_history_get_can_redo (f->history));
  g_assert_null (kw_history_get_undo_label (f->history));
  g_assert_false (kw_history_undo (f->history));
  g_assert_false (kw_history_redo (f->history));
  g_assert_true (kw_history_get_board (f->history) == f->board);
}

static void
test_place_and_unplace (Fixture *f, gconstpointer data)
{
  kw_history_place (f->history, f->b, 6.0, 7.0);
  g_assert_true (kw_finding_get_placed (f->b));
  g_assert_true (kw_history_get_can_undo (f->history));

  kw_history_undo (f->history);
  g_assert_false (kw_finding_get_placed (f->b));
  g_assert_true (kw_history_get_can_redo (f->history));

  kw_history_redo (f->history);
  g_assert_true (kw_finding_get_placed (f->b));
  g_assert_cmpfloat (kw_finding_get_impact (f->b), ==, 6.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->b), ==, 7.0);

  kw_history_unplace (f->history, f->a);
  g_assert_false (kw_finding_get_placed (f->a));
  kw_history_undo (f->history);
  g_assert_true (kw_finding_get_placed (f->a));
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->a), ==, 2.0);
}

static void
test_no_change_records_nothing (Fixture *f, gconstpointer data)
{
  kw_history_place (f->history, f->a, 8.0, 2.0);
  kw_history_set_text (f->history, f->a, KW_FINDING_TEXT_TITLE, "Heldere uitgaande brieven");
  kw_history_set_status (f->history, f->a, KW_STATUS_OPEN);
  kw_history_unplace (f->history, f->b);
  kw_history_begin_group (f->history, "Nothing");
  kw_history_end_group (f->history);

  g_assert_false (kw_history_get_can_undo (f->history));
}

static void
test_group_is_one_step (Fixture *f, gconstpointer data)
{
  kw_history_begin_group (f->history, "Move 2 Findings");
  kw_history_place (f->history, f->a, 3.0, 3.0);
  kw_history_begin_group (f->history, "inner");
  kw_history_place (f->history, f->b, 4.0, 9.0);
  kw_history_end_group (f->history);
  g_assert_false (kw_history_get_can_undo (f->history));
  kw_history_end_group (f->history);

  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Move 2 Findings");

  kw_history_undo (f->history);
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 8.0);
  g_assert_false (kw_finding_get_placed (f->b));
  g_assert_false (kw_history_get_can_undo (f->history));
  g_assert_cmpstr (kw_history_get_redo_label (f->history), ==, "Move 2 Findings");

  kw_history_redo (f->history);
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 3.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->b), ==, 9.0);
}

static void
test_record_live_drag (Fixture *f, gconstpointer data)
{
  /* A drag moves the card live, then records the whole move once. */
  kw_finding_place (f->a, 7.0, 3.0);
  kw_finding_place (f->a, 6.0, 4.0);
  kw_finding_place (f->a, 4.0, 7.5);
  kw_history_record_place (f->history, f->a, TRUE, 8.0, 2.0);

  kw_history_undo (f->history);
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->a), ==, 2.0);
  kw_history_redo (f->history);
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 4.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->a), ==, 7.5);

  /* A drag that ends where it started is no step. */
  kw_history_record_place (f->history, f->a, TRUE, 4.0, 7.5);
  kw_history_undo (f->history);
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 8.0);
}

static void
test_texts_status_tags (Fixture *f, gconstpointer data)
{
  const char *tags[] = { "brieven", "communicatie", NULL };

  kw_history_set_text (f->history, f->a, KW_FINDING_TEXT_OWNER, "Team communicatie");
  kw_history_set_status (f->history, f->a, KW_STATUS_IN_PROGRESS);
  kw_history_set_tags (f->history, f->a, tags);
  kw_history_set_board_text (f->history, KW_BOARD_TEXT_TITLE, "Klantcontact 2027");

  kw_history_undo (f->history);
  g_assert_cmpstr (kw_board_get_title (f->board), ==, "");
  kw_history_undo (f->history);
  g_assert_null (kw_finding_get_tags (f->a)[0]);
  kw_history_undo (f->history);
  g_assert_cmpint (kw_finding_get_status (f->a), ==, KW_STATUS_OPEN);
  kw_history_undo (f->history);
  g_assert_cmpstr (kw_finding_get_owner (f->a), ==, "");
  g_assert_false (kw_history_get_can_undo (f->history));

  while (kw_history_redo (f->history))
    ;
  g_assert_cmpstr (kw_finding_get_owner (f->a), ==, "Team communicatie");
  g_assert_cmpint (kw_finding_get_status (f->a), ==, KW_STATUS_IN_PROGRESS);
  g_assert_cmpstr (kw_finding_get_tags (f->a)[1], ==, "communicatie");
  g_assert_cmpstr (kw_board_get_title (f->board), ==, "Klantcontact 2027");
}

static void
test_typing_merges (Fixture *f, gconstpointer data)
{
  kw_history_set_text (f->history, f->a, KW_FINDING_TEXT_DESCRIPTION, "K");
  kw_history_set_text (f->history, f->a, KW_FINDING_TEXT_DESCRIPTION, "Kl");
  kw_history_set_text (f->history, f->a, KW_FINDING_TEXT_DESCRIPTION, "Klant");
  /* Another field is another step. */
  kw_history_set_text (f->history, f->a, KW_FINDING_TEXT_OWNER, "Rajaa");

  kw_history_undo (f->history);
  g_assert_cmpstr (kw_finding_get_description (f->a), ==, "Klant");
  kw_history_undo (f->history);
  g_assert_cmpstr (kw_finding_get_description (f->a), ==, "");
  g_assert_false (kw_history_get_can_undo (f->history));
}

static void
test_thresholds (Fixture *f, gconstpointer data)
{
  KwThresholds t = { 6.0, 4.0, 0.5 };
  KwThresholds bad = { 5.0, 1.0, 2.0 };
  KwThresholds now;

  g_assert_false (kw_history_set_thresholds (f->history, &bad));
  g_assert_false (kw_history_get_can_undo (f->history));

  g_assert_true (kw_history_set_thresholds (f->history, &t));
  kw_history_undo (f->history);
  kw_board_get_thresholds (f->board, &now);
  g_assert_cmpfloat (now.impact, ==, 5.0);
  g_assert_cmpfloat (now.effort, ==, 5.0);
  g_assert_cmpfloat (now.tiny_effort, ==, 1.0);

  kw_history_redo (f->history);
  kw_board_get_thresholds (f->board, &now);
  g_assert_cmpfloat (now.impact, ==, 6.0);
  g_assert_cmpfloat (now.tiny_effort, ==, 0.5);
}

static void
test_add_and_remove (Fixture *f, gconstpointer data)
{
  g_autoptr(KwFinding) c = kw_finding_new ("Verplichte identiteitscheck");

  kw_history_add (f->history, c, 1);
  g_assert_true (kw_board_get_finding (f->board, 1) == c);

  kw_history_remove (f->history, f->a);
  g_assert_cmpuint (kw_board_get_n_findings (f->board), ==, 2);

  kw_history_undo (f->history);
  g_assert_true (kw_board_get_finding (f->board, 0) == f->a);
  g_assert_cmpuint (kw_board_get_n_findings (f->board), ==, 3);

  kw_history_undo (f->history);
  g_assert_cmpuint (kw_board_get_n_findings (f->board), ==, 2);
  g_assert_null (kw_board_lookup_finding (f->board, kw_finding_get_id (c)));

  kw_history_redo (f->history);
  g_assert_true (kw_board_get_finding (f->board, 1) == c);
}

static void
test_new_change_clears_redo (Fixture *f, gconstpointer data)
{
  kw_history_place (f->history, f->a, 1.0, 1.0);
  kw_history_undo (f->history);
  g_assert_true (kw_history_get_can_redo (f->history));

  kw_history_place (f->history, f->b, 2.0, 2.0);
  g_assert_false (kw_history_get_can_redo (f->history));

  kw_history_clear (f->history);
  g_assert_false (kw_history_get_can_undo (f->history));
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_notifies_only_on_change (Fixture *f, gconstpointer data)
{
  guint can_undo = 0, label = 0;

  g_signal_connect (f->history, "notify::can-undo", G_CALLBACK (count_notify_cb), &can_undo);
  g_signal_connect (f->history, "notify::undo-label", G_CALLBACK (count_notify_cb), &label);

  kw_history_place (f->history, f->a, 1.0, 1.0);
  kw_history_place (f->history, f->a, 2.0, 1.0);
  g_assert_cmpuint (can_undo, ==, 1);
  /* Same label on top: no notification. */
  g_assert_cmpuint (label, ==, 1);

  kw_history_set_status (f->history, f->a, KW_STATUS_DONE);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (label, ==, 2);
}

static void
assert_estimate (KwFinding  *finding,
                 const char *participant_id,
                 gboolean    given,
                 double      impact,
                 double      effort)
{
  KwEstimate estimate;

  g_assert_cmpint (kw_finding_get_estimate (finding, participant_id, &estimate), ==, given);
  if (given)
    {
      g_assert_true (estimate.known);
      g_assert_cmpfloat (estimate.impact, ==, impact);
      g_assert_cmpfloat (estimate.effort, ==, effort);
    }
}

static void
test_participants (Fixture *f, gconstpointer data)
{
  KwParticipantList *participants = kw_board_get_participants (f->board);
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(KwParticipant) bram = kw_participant_new ("p2", "Bram", NULL);
  g_autoptr(KwParticipant) also_anna = kw_participant_new ("p3", "anna", NULL);

  g_assert_true (kw_history_add_participant (f->history, anna, G_MAXUINT));
  g_assert_true (kw_history_add_participant (f->history, bram, 0));
  g_assert_false (kw_history_add_participant (f->history, also_anna, G_MAXUINT));
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Add Participant");
  g_assert_true (kw_participant_list_get_participant (participants, 0) == bram);

  g_assert_true (kw_history_edit_participant (f->history, anna, "Anna de Vries", "Zorg"));
  g_assert_false (kw_history_edit_participant (f->history, anna, "BRAM", NULL));
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Edit Participant");

  kw_history_undo (f->history);
  g_assert_cmpstr (kw_participant_get_name (anna), ==, "Anna");
  g_assert_cmpstr (kw_participant_get_team (anna), ==, "");
  kw_history_undo (f->history);
  g_assert_cmpuint (kw_participant_list_get_n_items (participants), ==, 1);
  kw_history_redo (f->history);
  g_assert_true (kw_participant_list_get_participant (participants, 0) == bram);
  kw_history_redo (f->history);
  g_assert_cmpstr (kw_participant_get_team (anna), ==, "Zorg");
}

static void
test_estimates (Fixture *f, gconstpointer data)
{
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  KwEstimate seven_three = { TRUE, 7, 3 };
  KwEstimate no_idea = { FALSE, 0, 0 };

  kw_participant_list_add (kw_board_get_participants (f->board), anna, G_MAXUINT);

  kw_history_set_estimate (f->history, f->a, "p1", &seven_three);
  assert_estimate (f->a, "p1", TRUE, 7, 3);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Change Estimate");

  /* The same again records nothing. */
  kw_history_undo (f->history);
  g_assert_false (kw_history_get_can_undo (f->history));
  assert_estimate (f->a, "p1", FALSE, 0, 0);
  kw_history_redo (f->history);
  kw_history_set_estimate (f->history, f->a, "p1", &seven_three);
  kw_history_undo (f->history);
  g_assert_false (kw_history_get_can_undo (f->history));
  kw_history_redo (f->history);

  kw_history_set_estimate (f->history, f->a, "p1", &no_idea);
  g_assert_true (kw_finding_get_estimate (f->a, "p1", NULL));
  kw_history_set_estimate (f->history, f->a, "p1", NULL);
  g_assert_false (kw_finding_get_estimate (f->a, "p1", NULL));
  kw_history_undo (f->history);
  kw_history_undo (f->history);
  assert_estimate (f->a, "p1", TRUE, 7, 3);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* Several estimates of one finding at once: one step, one signal, only
 * what changes recorded, and undo gives back each one as it was. */
static void
test_set_estimates (Fixture *f, gconstpointer data)
{
  KwParticipantList *participants = kw_board_get_participants (f->board);
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(KwParticipant) bram = kw_participant_new ("p2", "Bram", NULL);
  g_autoptr(KwParticipant) cem = kw_participant_new ("p3", "Cem", NULL);
  KwEstimate seven_three = { TRUE, 7, 3 };
  KwEstimate two_eight = { TRUE, 2, 8 };
  KwEstimateEntry entries[] = {
    { "p1", TRUE, { TRUE, 7, 3 } },      /* the same as now: not recorded */
    { "p2", TRUE, { TRUE, 4.25, 5 } },   /* changed, kept in tenths */
    { "p3", FALSE, { 0 } },              /* taken back */
  };
  guint changed = 0;

  kw_participant_list_add (participants, anna, G_MAXUINT);
  kw_participant_list_add (participants, bram, G_MAXUINT);
  kw_participant_list_add (participants, cem, G_MAXUINT);
  kw_history_set_estimate (f->history, f->a, "p1", &seven_three);
  kw_history_set_estimate (f->history, f->a, "p3", &two_eight);

  g_signal_connect (f->a, "estimates-changed", G_CALLBACK (count_cb), &changed);
  g_assert_cmpuint (kw_history_set_estimates (f->history, f->a, entries, G_N_ELEMENTS (entries)), ==, 2);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Change Estimates");
  assert_estimate (f->a, "p1", TRUE, 7, 3);
  assert_estimate (f->a, "p2", TRUE, 4.3, 5);
  g_assert_false (kw_finding_get_estimate (f->a, "p3", NULL));

  kw_history_undo (f->history);
  g_assert_cmpuint (changed, ==, 2);
  assert_estimate (f->a, "p1", TRUE, 7, 3);
  g_assert_false (kw_finding_get_estimate (f->a, "p2", NULL));
  assert_estimate (f->a, "p3", TRUE, 2, 8);
  /* The step before is the single estimate of p3. */
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Change Estimate");

  kw_history_redo (f->history);
  g_assert_cmpuint (changed, ==, 3);
  assert_estimate (f->a, "p2", TRUE, 4.3, 5);
  g_assert_false (kw_finding_get_estimate (f->a, "p3", NULL));

  /* Nothing that changes: no step. */
  g_assert_cmpuint (kw_history_set_estimates (f->history, f->a, entries, G_N_ELEMENTS (entries)), ==, 0);
  g_assert_cmpuint (changed, ==, 3);
  kw_history_undo (f->history);
  g_assert_false (kw_finding_get_estimate (f->a, "p2", NULL));
}

/* Removing a participant is one step that takes their estimates, and one
 * undo brings both back. */
static void
test_remove_participant (Fixture *f, gconstpointer data)
{
  KwParticipantList *participants = kw_board_get_participants (f->board);
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(KwParticipant) bram = kw_participant_new ("p2", "Bram", NULL);

  kw_participant_list_add (participants, anna, G_MAXUINT);
  kw_participant_list_add (participants, bram, G_MAXUINT);
  kw_history_set_estimate (f->history, f->a, "p1", &(KwEstimate) { TRUE, 9, 1 });
  kw_history_set_estimate (f->history, f->b, "p1", &(KwEstimate) { TRUE, 2, 8 });
  kw_history_set_estimate (f->history, f->b, "p2", &(KwEstimate) { TRUE, 4, 4 });

  g_assert_true (kw_history_remove_participant (f->history, anna));
  g_assert_false (kw_history_remove_participant (f->history, anna));
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Remove Participant");
  g_assert_null (kw_participant_list_lookup (participants, "p1"));
  g_assert_cmpuint (kw_finding_get_n_estimates (f->a), ==, 0);
  g_assert_cmpuint (kw_finding_get_n_estimates (f->b), ==, 1);

  kw_history_undo (f->history);
  g_assert_true (kw_participant_list_get_participant (participants, 0) == anna);
  assert_estimate (f->a, "p1", TRUE, 9, 1);
  assert_estimate (f->b, "p1", TRUE, 2, 8);
  assert_estimate (f->b, "p2", TRUE, 4, 4);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Change Estimate");

  kw_history_redo (f->history);
  g_assert_null (kw_participant_list_lookup (participants, "p1"));
  g_assert_cmpuint (kw_finding_get_n_estimates (f->a), ==, 0);
}

/* "Use the group's median" places every finding with known estimates at
 * their median, as one undo step, and leaves the others. */
static void
test_use_median (Fixture *f, gconstpointer data)
{
  KwParticipantList *participants = kw_board_get_participants (f->board);
  const char *names[] = { "Anna", "Bram", "Carla" };
  KwFinding *both[] = { f->a, f->b };
  g_autoptr(KwFinding) c = kw_finding_new ("Zonder schattingen");

  kw_board_append_finding (f->board, c);
  kw_finding_place (c, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = kw_participant_list_dup_new_id (participants);
      g_autoptr(KwParticipant) participant = kw_participant_new (id, names[i], NULL);

      kw_participant_list_add (participants, participant, G_MAXUINT);
    }
  kw_finding_set_estimate (f->a, "p1", &(KwEstimate) { TRUE, 3, 9 });
  kw_finding_set_estimate (f->a, "p2", &(KwEstimate) { TRUE, 5, 6 });
  kw_finding_set_estimate (f->a, "p3", &(KwEstimate) { FALSE, 0, 0 });
  kw_finding_set_estimate (f->b, "p3", &(KwEstimate) { FALSE, 0, 0 });

  {
    KwFinding *all[] = { f->a, f->b, c };

    /* a: median of 3 and 5 is 4, of 9 and 6 is 7.5; b has no known
     * estimate and c none at all: both stay where they are. */
    g_assert_cmpuint (kw_history_use_median (f->history, all, G_N_ELEMENTS (all)), ==, 1);
  }
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 4);
  g_assert_cmpfloat (kw_finding_get_effort (f->a), ==, 7.5);
  g_assert_false (kw_finding_get_placed (f->b));
  g_assert_cmpfloat (kw_finding_get_impact (c), ==, 1);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Use the Group’s Median");

  kw_finding_set_estimate (f->b, "p1", &(KwEstimate) { TRUE, 6, 2 });
  g_assert_cmpuint (kw_history_use_median (f->history, both, 2), ==, 2);
  g_assert_cmpfloat (kw_finding_get_impact (f->b), ==, 6);

  /* One undo takes the whole selection back. */
  kw_history_undo (f->history);
  g_assert_false (kw_finding_get_placed (f->b));
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 4);
  kw_history_undo (f->history);
  g_assert_cmpfloat (kw_finding_get_impact (f->a), ==, 8);
  g_assert_cmpfloat (kw_finding_get_effort (f->a), ==, 2);
  g_assert_false (kw_history_get_can_undo (f->history));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/history/starts-empty", test_starts_empty);
  ADD ("/history/place-and-unplace", test_place_and_unplace);
  ADD ("/history/no-change-records-nothing", test_no_change_records_nothing);
  ADD ("/history/group-is-one-step", test_group_is_one_step);
  ADD ("/history/record-live-drag", test_record_live_drag);
  ADD ("/history/texts-status-tags", test_texts_status_tags);
  ADD ("/history/typing-merges", test_typing_merges);
  ADD ("/history/thresholds", test_thresholds);
  ADD ("/history/add-and-remove", test_add_and_remove);
  ADD ("/history/new-change-clears-redo", test_new_change_clears_redo);
  ADD ("/history/notifies-only-on-change", test_notifies_only_on_change);
  ADD ("/history/participants", test_participants);
  ADD ("/history/estimates", test_estimates);
  ADD ("/history/set-estimates", test_set_estimates);
  ADD ("/history/remove-participant", test_remove_participant);
  ADD ("/history/use-median", test_use_median);

  return g_test_run ();
}
