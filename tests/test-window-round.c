/* test-window-round.c: a blind round run from the window, as the app
 * drives it under Xvfb: Start Round needs findings, not participants
 * (they may join from phones), and covers the selection or every finding; while it is open the matrix says who is in
 * and never a value; Next and Previous move the current finding and the
 * selection; the reveal puts every estimate on the board as one undo step
 * and draws them; the countdown runs in the header bar and in the
 * presentation to "Time is up"; Close Round ends it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kw-matrix-private.h"
#include "kw-window-private.h"
#include "kw-gui-test.h"

static GtkApplication *app;
static char *tmp_dir;

static const char * const names[] = { "Anna de Vries", "Bram", "Carla" };

static void
drain_main_context (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static KwWindow *
new_board_window (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-board", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  kw_gui_test_close_dialog (dialog, "cancel");
  drain_main_context ();

  return window;
}

/* As a menu item or a button would show it: a button for the action in
 * the header bar is sensitive while the action is enabled. */
static gboolean
action_enabled (KwWindow   *window,
                const char *name)
{
  g_autofree char *action = g_strconcat ("win.", name, NULL);
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  adw_header_bar_pack_start (ADW_HEADER_BAR (window->header_bar), probe);
  enabled = gtk_widget_get_sensitive (probe);
  adw_header_bar_remove (ADW_HEADER_BAR (window->header_bar), probe);

  return enabled;
}

static void
add_participants (KwWindow *window)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);
      g_autoptr(KwParticipant) participant = kw_participant_new (id, names[i], NULL);

      kw_history_add_participant (kw_window_get_history (window), participant, G_MAXUINT);
    }
}

/* A window with three findings and, with participants, three of them. */
static KwWindow *
round_window (gboolean   participants,
              KwFinding *findings[3])
{
  KwWindow *window = new_board_window ();

  findings[0] = kw_gui_test_add_finding (window, "Wachttijd terugbellen", 8, 2);
  findings[1] = kw_gui_test_add_finding (window, "Kennisbank actualiseren", 6, 7);
  findings[2] = kw_gui_test_add_finding (window, "NPS-enquête per kanaal", 3, 3);
  gtk_selection_model_unselect_all (kw_window_get_selection (window));
  if (participants)
    add_participants (window);
  drain_main_context ();

  return window;
}

/* Participants may join from their phones once the round is open: Start
 * Round needs findings only, and an open round can start voting. */
static void
test_needs_no_participants (void)
{
  KwFinding *findings[3];
  KwWindow *window = round_window (FALSE, findings);

  g_assert_true (action_enabled (window, "start-round"));
  g_assert_false (action_enabled (window, "reveal-round"));
  g_assert_false (action_enabled (window, "start-voting"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-round", NULL));
  g_assert_nonnull (kw_window_get_round (window));
  g_assert_true (action_enabled (window, "start-voting"));
  g_assert_false (action_enabled (window, "stop-voting"));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_covers_selection_or_all (void)
{
  KwFinding *findings[3];
  KwWindow *window = round_window (TRUE, findings);
  KwRound *round;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-round", NULL);
  round = kw_window_get_round (window);
  g_assert_nonnull (round);
  g_assert_cmpuint (kw_round_get_n_findings (round), ==, 3);
  g_assert_true (kw_matrix_get_round (KW_MATRIX (kw_window_get_matrix (window))) == round);
  /* The current finding is selected; a second round cannot start. */
  g_assert_true (kw_window_get_first_selected (window) == kw_round_get_current (round));
  g_assert_false (action_enabled (window, "start-round"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-round", NULL);
  g_assert_null (kw_window_get_round (window));
  g_assert_null (kw_matrix_get_round (KW_MATRIX (kw_window_get_matrix (window))));
  g_assert_false (action_enabled (window, "close-round"));

  kw_window_select_only (window, findings[1]);
  gtk_selection_model_select_item (kw_window_get_selection (window), 2, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-round", NULL);
  round = kw_window_get_round (window);
  g_assert_cmpuint (kw_round_get_n_findings (round), ==, 2);
  g_assert_true (kw_round_get_finding (round, 0) == findings[1]);
  g_assert_false (kw_round_covers (round, findings[0]));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_next_previous (void)
{
  KwFinding *findings[3];
  KwWindow *window = round_window (TRUE, findings);
  KwRound *round;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-round", NULL);
  round = kw_window_get_round (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-in-round", NULL);
  g_assert_true (kw_round_get_current (round) == findings[1]);
  g_assert_true (kw_window_get_first_selected (window) == findings[1]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-in-round", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-in-round", NULL);
  g_assert_true (kw_round_get_current (round) == findings[2]);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-in-round", NULL);
  g_assert_true (kw_round_get_current (round) == findings[1]);
  g_assert_true (kw_window_get_first_selected (window) == findings[1]);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
submit (KwRound    *round,
        KwFinding  *finding,
        const char *participant_id,
        double      impact,
        double      effort)
{
  KwEstimate estimate = { TRUE, impact, effort };

  g_assert_true (kw_round_submit (round, finding, participant_id, &estimate));
}

static gboolean
is_announcer_label (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_LABEL (widget) && parent != NULL && gtk_widget_has_css_class (parent, "kw-announcer");
}

static GtkWidget *
find_announcer_label (GtkWidget *root)
{
  if (is_announcer_label (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_announcer_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Blind while open, every value at once on the reveal, gone on undo. */
static void
test_blind_reveal_undo (void)
{
  KwFinding *findings[3];
  KwWindow *window = round_window (TRUE, findings);
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (window));
  GtkWidget *announcer;
  KwRound *round;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-round", NULL);
  round = kw_window_get_round (window);
  submit (round, findings[0], "p1", 7, 3);
  announcer = find_announcer_label (GTK_WIDGET (window));
  if (announcer != NULL)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (announcer)), ==, "Anna de Vries has given an estimate");
  submit (round, findings[0], "p2", 6, 2);
  drain_main_context ();

  before = kw_matrix_dup_round_description (matrix);
  g_assert_nonnull (strstr (before, "2 of 3 in"));
  g_assert_nonnull (strstr (before, "Anna de Vries, Bram"));
  g_assert_null (strstr (before, "7"));
  g_assert_cmpuint (kw_finding_get_n_estimates (findings[0]), ==, 0);
  g_assert_true (action_enabled (window, "reveal-round"));

  submit (round, findings[0], "p3", 9, 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reveal-round", NULL);
  g_assert_cmpint (kw_round_get_state (round), ==, KW_ROUND_REVEALED);
  g_assert_cmpuint (kw_finding_get_n_estimates (findings[0]), ==, 3);
  g_assert_false (action_enabled (window, "reveal-round"));
  /* Animations are off here: the markers are home at once. */
  g_assert_false (kw_matrix_get_revealing (matrix));
  g_assert_true (kw_matrix_get_show_spreads (matrix));
  after = kw_matrix_dup_round_description (matrix);
  g_assert_nonnull (strstr (after, "Anna de Vries: impact 7.0, effort 3.0."));
  g_assert_nonnull (strstr (after, "Carla: impact 9.0, effort 4.0."));
  g_assert_nonnull (strstr (after, "Median impact 7.0, effort 3.0."));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (kw_finding_get_n_estimates (findings[0]), ==, 0);
  undone = kw_matrix_dup_round_description (matrix);
  g_assert_null (strstr (undone, "impact 7.0"));

  /* The view option hides the markers afterwards. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-estimates", NULL);
  g_assert_false (kw_matrix_get_show_spreads (matrix));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
countdown_says_time_up (gpointer data)
{
  KwWindow *window = data;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (window->countdown_label)), "Time is up") == 0;
}

static void
test_countdown (void)
{
  KwFinding *findings[3];
  KwWindow *window = round_window (TRUE, findings);
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (window));
  AdwMessageDialog *dialog;
  KwRound *round;
  guint left;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-round", NULL);
  round = kw_window_get_round (window);
  g_assert_false (gtk_widget_get_visible (window->countdown_label));

  /* The dialog: 1 minute 30 seconds. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.round-countdown", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  {
    GtkWidget *grid = adw_message_dialog_get_extra_child (dialog);

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0)), 1);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1)), 30);
  }
  kw_gui_test_close_dialog (dialog, "set");
  left = kw_round_get_seconds_left (round, g_get_monotonic_time ());
  g_assert_cmpuint (left, <=, 90);
  g_assert_cmpuint (left, >, 80);
  g_assert_true (gtk_widget_get_visible (window->countdown_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (window->countdown_label)), "1:"));

  /* In the presentation: the round's finding in focus, the countdown with it. */
  kw_window_set_presenting (window, TRUE);
  g_assert_true (kw_matrix_get_current (matrix) == kw_round_get_current (round));
  g_assert_true (gtk_widget_get_visible (matrix->current_countdown));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (matrix->current_countdown)), "1:"));
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Tab, 0));
  g_assert_true (kw_round_get_current (round) == findings[1]);
  g_assert_true (kw_matrix_get_current (matrix) == findings[1]);
  kw_window_set_presenting (window, FALSE);

  /* Run out: "Time is up", in both places. */
  kw_round_set_deadline (round, g_get_monotonic_time () + G_USEC_PER_SEC / 4);
  g_assert_true (kw_gui_test_wait_until (countdown_says_time_up, window));
  g_assert_true (gtk_widget_has_css_class (window->countdown_label, "time-up"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (matrix->current_countdown)), ==, "Time is up");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-round", NULL);
  g_assert_false (gtk_widget_get_visible (window->countdown_label));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-window-round-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.RoundTest");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/window-round/needs-no-participants", test_needs_no_participants);
  g_test_add_func ("/window-round/covers-selection-or-all", test_covers_selection_or_all);
  g_test_add_func ("/window-round/next-previous", test_next_previous);
  g_test_add_func ("/window-round/blind-reveal-undo", test_blind_reveal_undo);
  g_test_add_func ("/window-round/countdown", test_countdown);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
