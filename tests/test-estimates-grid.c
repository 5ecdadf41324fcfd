/* test-estimates-grid.c: typing the room's estimates into the grid. "7 3"
 * and Tab commit a cell and go on to the next participant of the same
 * finding, wrapping to the next finding; "?" is no idea; Shift+Tab goes
 * back; a value that does not parse stays, marked, and nothing moves;
 * Delete on an empty cell clears it; every commit is one undo step. While
 * a round is open the cells say only that an estimate was given, and the
 * reveal shows the values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "kw-estimates-grid.h"
#include "kw-gui-test.h"

static GtkApplication *app;
static char *tmp_dir;

typedef struct
{
  KwBoard         *board;
  KwHistory       *history;
  GtkWindow       *window;
  KwEstimatesGrid *grid;
  KwFinding       *findings[3];
  KwParticipant   *people[3];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const titles[] = { "Callback queue", "Hold music", "Knowledge base" };
  static const char * const names[] = { "Anna", "Bram", "Cem" };
  KwParticipantList *list;

  fixture->board = kw_board_new ();
  list = kw_board_get_participants (fixture->board);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (titles[i]);
      g_autofree char *id = kw_participant_list_dup_new_id (list);
      g_autoptr(KwParticipant) person = kw_participant_new (id, names[i], NULL);

      kw_board_append_finding (fixture->board, finding);
      fixture->findings[i] = finding;
      g_assert_true (kw_participant_list_add (list, person, G_MAXUINT));
      fixture->people[i] = person;
    }
  fixture->history = kw_history_new (fixture->board);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 600);
  fixture->grid = kw_estimates_grid_new ();
  kw_estimates_grid_set_history (fixture->grid, fixture->history);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->grid));
  gtk_window_present (fixture->window);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, fixture->grid));
  kw_estimates_grid_focus (fixture->grid);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kw_gui_test_destroy_window (fixture->window);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->board);
}

/* The grid's own key handler on its entry, as a key press reaches it. */
static gboolean
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  state)
{
  GtkWidget *entry = kw_estimates_grid_get_entry (fixture->grid);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }

  g_assert_not_reached ();
}

static void
type (Fixture    *fixture,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (kw_estimates_grid_get_entry (fixture->grid)), text);
}

static void
assert_cursor (Fixture *fixture,
               guint    finding,
               guint    participant)
{
  guint f = G_MAXUINT, p = G_MAXUINT;

  g_assert_true (kw_estimates_grid_get_cursor (fixture->grid, &f, &p));
  g_assert_cmpuint (f, ==, finding);
  g_assert_cmpuint (p, ==, participant);
}

static void
assert_cell (Fixture    *fixture,
             guint       finding,
             guint       participant,
             const char *expected)
{
  g_autofree char *text = kw_estimates_grid_dup_cell_text (fixture->grid, fixture->findings[finding],
                                                           fixture->people[participant]);

  g_assert_cmpstr (text, ==, expected);
}

/* The labels on screen show what the grid says: one per bound cell. */
static gboolean
find_label_text (GtkWidget  *widget,
                 const char *accessible_prefix,
                 char      **text)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_has_css_class (widget, "kw-estimate-cell"))
    {
      const char *accessible = g_object_get_data (G_OBJECT (widget), KW_ESTIMATES_GRID_LABEL_KEY);

      if (accessible != NULL && g_str_has_prefix (accessible, accessible_prefix))
        {
          *text = g_strdup (gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
          return TRUE;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (find_label_text (child, accessible_prefix, text))
      return TRUE;

  return FALSE;
}

/* 200 findings by 30 participants: the grid builds only the rows on
 * screen, never a widget per cell. */
static void
count_cells (GtkWidget *widget,
             guint     *n)
{
  if (gtk_widget_has_css_class (widget, "kw-estimate-cell"))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_cells (child, n);
}

static gboolean
has_cells (gpointer grid)
{
  guint n = 0;

  count_cells (grid, &n);
  return n > 0;
}

static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  KwEstimate estimate;
  g_autofree char *shown = NULL;

  assert_cursor (fixture, 0, 0);

  /* Anna: 7 3, Tab on to Bram. */
  type (fixture, "7 3");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 0, 1);
  g_assert_true (kw_finding_get_estimate (fixture->findings[0], kw_participant_get_id (fixture->people[0]), &estimate));
  g_assert_true (estimate.known);
  g_assert_cmpfloat (estimate.impact, ==, 7);
  g_assert_cmpfloat (estimate.effort, ==, 3);
  assert_cell (fixture, 0, 0, "7 3");

  /* The cell on screen says so, and who and which finding it is. */
  g_assert_true (kw_gui_test_wait_until (has_cells, fixture->grid));
  g_assert_true (find_label_text (GTK_WIDGET (fixture->grid), "Anna, 1. Callback queue: impact 7, effort 3", &shown));
  g_assert_cmpstr (shown, ==, "7 3");

  /* Bram: no idea, Enter on to Cem. */
  type (fixture, "?");
  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  assert_cursor (fixture, 0, 2);
  assert_cell (fixture, 0, 1, "?");

  /* Cem: a decimal comma; Tab wraps to Anna on the next finding. */
  type (fixture, "7,5 2");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 1, 0);
  assert_cell (fixture, 0, 2, "7.5 2");

  /* A value that does not parse stays, marked, and nothing moves. */
  type (fixture, "11 3");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 1, 0);
  g_assert_nonnull (kw_estimates_grid_get_error (fixture->grid));
  g_assert_true (gtk_widget_has_css_class (kw_estimates_grid_get_entry (fixture->grid), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kw_estimates_grid_get_entry (fixture->grid))), ==, "11 3");
  assert_cell (fixture, 1, 0, "");

  /* Put right, it goes in. */
  type (fixture, "9 1");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  g_assert_null (kw_estimates_grid_get_error (fixture->grid));
  assert_cursor (fixture, 1, 1);
  assert_cell (fixture, 1, 0, "9 1");

  /* Shift+Tab and Shift+Enter go back, across findings too. */
  g_assert_true (press (fixture, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_cursor (fixture, 1, 0);
  g_assert_true (press (fixture, GDK_KEY_Return, GDK_SHIFT_MASK));
  assert_cursor (fixture, 0, 2);

  /* Arrows: down a finding, right a participant (the entry empty). */
  g_assert_true (press (fixture, GDK_KEY_Down, 0));
  assert_cursor (fixture, 1, 2);
  g_assert_true (press (fixture, GDK_KEY_Left, 0));
  assert_cursor (fixture, 1, 1);
  g_assert_true (press (fixture, GDK_KEY_Up, 0));
  assert_cursor (fixture, 0, 1);

  /* Delete on an empty cell clears Bram's "no idea". */
  g_assert_true (press (fixture, GDK_KEY_Delete, 0));
  assert_cell (fixture, 0, 1, "");
  g_assert_false (kw_finding_get_estimate (fixture->findings[0], kw_participant_get_id (fixture->people[1]), NULL));

  /* Every commit was one step: undo the clearing (Ctrl+Z in the empty
   * entry), then the 9 1. */
  g_assert_true (press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));
  assert_cell (fixture, 0, 1, "?");
  g_assert_true (kw_history_undo (fixture->history));
  assert_cell (fixture, 1, 0, "");
  assert_cell (fixture, 0, 2, "7.5 2");

  /* Tab on an empty cell moves without changing anything. */
  g_assert_true (kw_history_get_can_undo (fixture->history));
  kw_estimates_grid_set_cursor (fixture->grid, 2, 2);
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 2, 2);
  g_assert_cmpstr (kw_history_get_redo_label (fixture->history), !=, NULL);
}

static void
test_round_hides (Fixture       *fixture,
                  gconstpointer  data)
{
  KwFinding *covered[] = { fixture->findings[0], fixture->findings[1] };
  g_autoptr(KwRound) round = kw_round_new (fixture->board, covered, G_N_ELEMENTS (covered));
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;
  KwEstimate estimate;

  /* An estimate from before the round: hidden too while it is open. */
  estimate = (KwEstimate) { TRUE, 2, 2 };
  kw_history_set_estimate (fixture->history, fixture->findings[0], kw_participant_get_id (fixture->people[1]), &estimate);
  kw_history_set_estimate (fixture->history, fixture->findings[2], kw_participant_get_id (fixture->people[1]), &estimate);
  assert_cell (fixture, 0, 1, "2 2");

  kw_estimates_grid_set_round (fixture->grid, round);
  g_assert_true (kw_estimates_grid_get_round (fixture->grid) == round);
  assert_cell (fixture, 0, 1, "");
  /* The finding the round does not cover shows as before. */
  assert_cell (fixture, 2, 1, "2 2");

  type (fixture, "7 3");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 0, 1);
  /* Into the round, not onto the board. */
  g_assert_true (kw_round_has_submitted (round, fixture->findings[0], kw_participant_get_id (fixture->people[0])));
  g_assert_false (kw_finding_get_estimate (fixture->findings[0], kw_participant_get_id (fixture->people[0]), NULL));
  assert_cell (fixture, 0, 0, "●");
  label = kw_estimates_grid_dup_cell_label (fixture->grid, fixture->findings[0], fixture->people[0]);
  g_assert_cmpstr (label, ==, "Anna, 1. Callback queue: given, hidden until the reveal");
  g_assert_true (find_label_text (GTK_WIDGET (fixture->grid), "Anna, 1. Callback queue:", &shown));
  g_assert_cmpstr (shown, ==, "●");

  /* Going back into the cell shows no value either. */
  g_assert_true (press (fixture, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_cursor (fixture, 0, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kw_estimates_grid_get_entry (fixture->grid))), ==, "");
  assert_cell (fixture, 0, 0, "●");

  type (fixture, "5 5");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  type (fixture, "?");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  assert_cell (fixture, 0, 1, "●");

  /* Revealed, the board's values show again. */
  g_assert_cmpuint (kw_round_reveal (round, fixture->history), ==, 2);
  assert_cell (fixture, 0, 0, "5 5");
  assert_cell (fixture, 0, 1, "?");
  g_clear_pointer (&shown, g_free);
  g_assert_true (find_label_text (GTK_WIDGET (fixture->grid), "Anna, 1. Callback queue:", &shown));
  g_assert_cmpstr (shown, ==, "5 5");

  /* After the reveal, typing goes onto the board again. */
  kw_estimates_grid_set_cursor (fixture->grid, 0, 2);
  type (fixture, "1 1");
  g_assert_true (press (fixture, GDK_KEY_Return, 0));
  assert_cell (fixture, 0, 2, "1 1");
  kw_estimates_grid_set_round (fixture->grid, NULL);
}

static void
test_large_board (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwHistory) history = NULL;
  KwParticipantList *list = kw_board_get_participants (board);
  KwFinding *last;
  KwEstimate estimate = { TRUE, 4, 4 };

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = kw_participant_list_dup_new_id (list);
      g_autofree char *name = g_strdup_printf ("Person %u", i + 1);
      g_autoptr(KwParticipant) person = kw_participant_new (id, name, NULL);

      g_assert_true (kw_participant_list_add (list, person, G_MAXUINT));
    }
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding %u", i + 1);
      g_autoptr(KwFinding) finding = kw_finding_new (title);

      for (guint j = 0; j < 30; j++)
        {
          estimate.impact = (i + j) % 11;
          kw_finding_set_estimate (finding, kw_participant_get_id (kw_participant_list_get_participant (list, j)),
                                   &estimate);
        }
      kw_board_append_finding (board, finding);
    }
  history = kw_history_new (board);
  kw_estimates_grid_set_history (fixture->grid, history);
  g_assert_true (kw_gui_test_wait_until (has_cells, fixture->grid));

  /* The last cells are reachable by typing on, and stop there. */
  kw_estimates_grid_set_cursor (fixture->grid, 199, 28);
  type (fixture, "4 4");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 199, 29);
  type (fixture, "5 5");
  g_assert_true (press (fixture, GDK_KEY_Tab, 0));
  assert_cursor (fixture, 199, 29);
  last = kw_board_get_finding (board, 199);
  g_assert_true (kw_finding_get_estimate (last, "p30", &estimate));
  g_assert_cmpfloat (estimate.impact, ==, 5);

  kw_estimates_grid_set_history (fixture->grid, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-estimates-grid-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.EstimatesGridTest");

  g_test_add ("/estimates-grid/typing", Fixture, NULL, fixture_set_up, test_typing, fixture_tear_down);
  g_test_add ("/estimates-grid/round-hides", Fixture, NULL, fixture_set_up, test_round_hides, fixture_tear_down);
  g_test_add ("/estimates-grid/large-board", Fixture, NULL, fixture_set_up, test_large_board, fixture_tear_down);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
