/* test-participant-list.c: a board's participants (KwParticipant and
 * KwParticipantList): valid names, unique names without case, ids,
 * bounds, and the signals the lists and the board follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kw-board.h"

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_names (void)
{
  g_autofree char *long_name = g_strnfill (KW_PARTICIPANT_NAME_MAX, 'a');
  g_autofree char *too_long = g_strnfill (KW_PARTICIPANT_NAME_MAX + 1, 'a');

  g_assert_true (kw_participant_name_is_valid ("Anna"));
  g_assert_true (kw_participant_name_is_valid (long_name));
  g_assert_false (kw_participant_name_is_valid (too_long));
  g_assert_false (kw_participant_name_is_valid (""));
  g_assert_false (kw_participant_name_is_valid ("   "));
  g_assert_false (kw_participant_name_is_valid (NULL));
  g_assert_true (kw_participant_team_is_valid (NULL));
  g_assert_true (kw_participant_team_is_valid (""));
  g_assert_false (kw_participant_team_is_valid (too_long));
}

static void
test_participant (void)
{
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "  Anna\nde Vries ", NULL);
  g_autoptr(KwParticipant) bram = kw_participant_new ("p2", "Bram", "Team Zorg");
  g_autofree char *anna_display = kw_participant_dup_display_name (anna);
  g_autofree char *bram_display = kw_participant_dup_display_name (bram);

  /* Cleaned to one line: names head columns and lines in the exports. */
  g_assert_cmpstr (kw_participant_get_name (anna), ==, "Anna de Vries");
  g_assert_cmpstr (kw_participant_get_team (anna), ==, "");
  g_assert_cmpstr (kw_participant_get_id (bram), ==, "p2");
  g_assert_cmpstr (anna_display, ==, "Anna de Vries");
  g_assert_cmpstr (bram_display, ==, "Bram (Team Zorg)");
}

static void
test_list_add_lookup_remove (void)
{
  g_autoptr(KwParticipantList) list = kw_participant_list_new ();
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(KwParticipant) bram = kw_participant_new ("p2", "Bram", NULL);
  g_autoptr(KwParticipant) other_anna = kw_participant_new ("p3", "ANNA", NULL);
  g_autoptr(KwParticipant) same_id = kw_participant_new ("p1", "Carla", NULL);
  guint changed = 0, position = 99;

  g_signal_connect (list, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_true (kw_participant_list_add (list, bram, G_MAXUINT));
  g_assert_true (kw_participant_list_add (list, anna, 0));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (kw_participant_list_get_participant (list, 0) == anna);
  g_assert_true (kw_participant_list_get_participant (list, 1) == bram);
  g_assert_null (kw_participant_list_get_participant (list, 2));

  /* A name differing only in case, or a taken id, is refused. */
  g_assert_false (kw_participant_list_add (list, other_anna, G_MAXUINT));
  g_assert_false (kw_participant_list_add (list, same_id, G_MAXUINT));
  g_assert_cmpuint (changed, ==, 2);

  g_assert_true (kw_participant_list_lookup (list, "p2") == bram);
  g_assert_null (kw_participant_list_lookup (list, "p3"));
  g_assert_true (kw_participant_list_lookup_by_name (list, " anna ") == anna);
  g_assert_true (kw_participant_list_find_position (list, bram, &position));
  g_assert_cmpuint (position, ==, 1);

  g_assert_true (kw_participant_list_remove (list, anna));
  g_assert_false (kw_participant_list_remove (list, anna));
  g_assert_null (kw_participant_list_lookup_by_name (list, "Anna"));
  g_assert_true (kw_participant_list_add (list, other_anna, G_MAXUINT));
  g_assert_cmpuint (changed, ==, 4);
}

static void
test_list_edit (void)
{
  g_autoptr(KwParticipantList) list = kw_participant_list_new ();
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(KwParticipant) bram = kw_participant_new ("p2", "Bram", NULL);
  guint changed = 0, notified = 0;

  kw_participant_list_add (list, anna, G_MAXUINT);
  kw_participant_list_add (list, bram, G_MAXUINT);
  g_signal_connect (list, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (anna, "notify::name", G_CALLBACK (notify_count_cb), &notified);

  g_assert_false (kw_participant_list_edit (list, anna, "bram", NULL));
  g_assert_false (kw_participant_list_edit (list, anna, "", NULL));
  g_assert_cmpuint (changed, ==, 0);

  /* The same name in other case is the participant's own. */
  g_assert_true (kw_participant_list_edit (list, anna, "ANNA", "Kwaliteit"));
  g_assert_cmpstr (kw_participant_get_name (anna), ==, "ANNA");
  g_assert_cmpstr (kw_participant_get_team (anna), ==, "Kwaliteit");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, >=, 1);

  /* No real change, no notification. */
  changed = 0;
  g_assert_true (kw_participant_list_edit (list, anna, "ANNA", "Kwaliteit"));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (kw_participant_list_lookup_by_name (list, "anna") == anna);
  g_assert_true (kw_participant_list_edit (list, anna, "Anneke", NULL));
  g_assert_null (kw_participant_list_lookup_by_name (list, "anna"));
  g_assert_true (kw_participant_list_lookup_by_name (list, "anneke") == anna);
}

static void
test_list_ids_and_bounds (void)
{
  g_autoptr(KwParticipantList) list = kw_participant_list_new ();
  g_autoptr(KwParticipant) extra = NULL;
  g_autofree char *first = kw_participant_list_dup_new_id (list);

  g_assert_cmpstr (first, ==, "p1");
  for (guint i = 0; i < KW_PARTICIPANT_LIST_MAX; i++)
    {
      g_autofree char *id = kw_participant_list_dup_new_id (list);
      g_autofree char *name = g_strdup_printf ("Deelnemer %u", i + 1);
      g_autoptr(KwParticipant) participant = kw_participant_new (id, name, NULL);

      g_assert_true (kw_participant_list_add (list, participant, G_MAXUINT));
    }

  {
    g_autofree char *next = kw_participant_list_dup_new_id (list);

    g_assert_cmpstr (next, ==, "p201");
    extra = kw_participant_new (next, "Nog iemand", NULL);
  }
  g_assert_false (kw_participant_list_add (list, extra, G_MAXUINT));
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, KW_PARTICIPANT_LIST_MAX);
}

static void
test_board_follows_participants (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(KwFinding) finding = kw_finding_new ("Wachttijd terugbellen");
  KwParticipantList *participants = kw_board_get_participants (board);
  KwEstimate estimate = { TRUE, 7, 3 };
  guint changed = 0;

  kw_board_append_finding (board, finding);
  g_signal_connect (board, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_true (kw_participant_list_add (participants, anna, G_MAXUINT));
  g_assert_cmpuint (changed, ==, 1);
  kw_participant_list_edit (participants, anna, "Anna B.", NULL);
  g_assert_cmpuint (changed, ==, 2);

  kw_finding_set_estimate (finding, "p1", &estimate);
  g_assert_cmpuint (changed, >=, 3);

  /* Removing a participant takes their estimates off every finding. */
  g_assert_true (kw_board_remove_participant (board, anna));
  g_assert_cmpuint (kw_finding_get_n_estimates (finding), ==, 0);
  g_assert_cmpuint (kw_participant_list_get_n_items (participants), ==, 0);
  g_assert_false (kw_board_remove_participant (board, anna));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/participant/names", test_names);
  g_test_add_func ("/participant/participant", test_participant);
  g_test_add_func ("/participant-list/add-lookup-remove", test_list_add_lookup_remove);
  g_test_add_func ("/participant-list/edit", test_list_edit);
  g_test_add_func ("/participant-list/ids-and-bounds", test_list_ids_and_bounds);
  g_test_add_func ("/participant-list/board-follows", test_board_follows_participants);

  return g_test_run ();
}
