/* test-estimates-window.c: the room's estimates in the window. The
 * Participants dialog adds, renames and removes, each one undo step, and
 * refuses a duplicate or too long name with a message before anything
 * changes; "Use the group's median" moves the selection or every finding
 * with estimates as one undo step and says how many in a toast, and the
 * details panel offers it for one finding; "Discuss first" ranks by
 * disagreement, follows the estimates, and a row selects its finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "kw-details-panel.h"
#include "kw-discuss-list.h"
#include "kw-estimates-window.h"
#include "kw-gui-test.h"
#include "kw-participants-dialog.h"
#include "kw-window.h"

static GtkApplication *app;
static char *tmp_dir;

typedef struct
{
  KwWindow  *window;
  KwBoard   *board;
  KwHistory *history;
  KwFinding *findings[3];
  char      *ids[3];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const titles[] = { "Callback queue", "Hold music", "Knowledge base" };
  static const char * const names[] = { "Anna", "Bram", "Cem" };
  KwParticipantList *list;

  fixture->window = kw_gui_test_new_window (app);
  for (guint i = 0; i < 3; i++)
    fixture->findings[i] = kw_gui_test_add_finding (fixture->window, titles[i], 5, 5);
  /* The first finding starts the board. */
  fixture->board = kw_window_get_board (fixture->window);
  fixture->history = kw_window_get_history (fixture->window);
  list = kw_board_get_participants (fixture->board);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KwParticipant) person = NULL;

      fixture->ids[i] = kw_participant_list_dup_new_id (list);
      person = kw_participant_new (fixture->ids[i], names[i], NULL);
      g_assert_true (kw_history_add_participant (fixture->history, person, G_MAXUINT));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kw_gui_test_destroy_window (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < 3; i++)
    g_free (fixture->ids[i]);
}

static void
estimate (Fixture *fixture,
          guint    finding,
          guint    participant,
          double   impact,
          double   effort)
{
  KwEstimate value = { TRUE, impact, effort };

  kw_history_set_estimate (fixture->history, fixture->findings[finding], fixture->ids[participant], &value);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

static gboolean
participants_dialog_is_shown (gpointer data)
{
  return find_toplevel (KW_TYPE_PARTICIPANTS_DIALOG) != NULL;
}

static const char *
participant_name (Fixture *fixture,
                  guint    position)
{
  KwParticipantList *list = kw_board_get_participants (fixture->board);

  return kw_participant_get_name (kw_participant_list_get_participant (list, position));
}

static void
test_participants_dialog (Fixture       *fixture,
                          gconstpointer  data)
{
  KwParticipantList *list = kw_board_get_participants (fixture->board);
  KwParticipantsDialog *dialog;
  g_autofree char *long_name = g_strnfill (KW_PARTICIPANT_NAME_MAX + 1, 'x');
  g_autofree char *long_team = g_strnfill (KW_PARTICIPANT_TEAM_MAX + 1, 't');
  KwParticipant *bram;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.participants", NULL));
  g_assert_true (kw_gui_test_wait_until (participants_dialog_is_shown, NULL));
  dialog = KW_PARTICIPANTS_DIALOG (find_toplevel (KW_TYPE_PARTICIPANTS_DIALOG));

  /* One row per participant. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (kw_participants_dialog_get_list (dialog), 2));
  g_assert_null (gtk_list_box_get_row_at_index (kw_participants_dialog_get_list (dialog), 3));

  /* Typed in and Enter: added with a new id, one undo step. */
  gtk_editable_set_text (GTK_EDITABLE (kw_participants_dialog_get_name_row (dialog)), "  Dana ");
  gtk_editable_set_text (GTK_EDITABLE (kw_participants_dialog_get_team_row (dialog)), "Team Care");
  g_signal_emit_by_name (kw_participants_dialog_get_name_row (dialog), "entry-activated");
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 4);
  g_assert_cmpstr (participant_name (fixture, 3), ==, "Dana");
  g_assert_cmpstr (kw_participant_get_team (kw_participant_list_get_participant (list, 3)), ==, "Team Care");
  g_assert_cmpstr (kw_participant_get_id (kw_participant_list_get_participant (list, 3)), ==, "p4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kw_participants_dialog_get_name_row (dialog))), ==, "");
  g_assert_nonnull (gtk_list_box_get_row_at_index (kw_participants_dialog_get_list (dialog), 3));
  g_assert_cmpstr (kw_history_get_undo_label (fixture->history), !=, NULL);
  g_assert_true (kw_history_undo (fixture->history));
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 3);
  g_assert_true (kw_history_redo (fixture->history));
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 4);

  /* Refused, with the reason, and nothing changes. */
  g_assert_false (kw_participants_dialog_add (dialog, "anna", NULL));
  g_assert_nonnull (strstr (kw_participants_dialog_get_error (dialog), "already a participant"));
  g_assert_true (gtk_widget_has_css_class (kw_participants_dialog_get_name_row (dialog), "error"));
  g_assert_false (kw_participants_dialog_add (dialog, long_name, NULL));
  g_assert_nonnull (strstr (kw_participants_dialog_get_error (dialog), "at most 60 characters"));
  g_assert_false (kw_participants_dialog_add (dialog, "   ", NULL));
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 4);
  /* Typing again clears the message. */
  gtk_editable_set_text (GTK_EDITABLE (kw_participants_dialog_get_name_row (dialog)), "E");
  g_assert_null (kw_participants_dialog_get_error (dialog));

  /* Renamed: one step; a name another participant has is refused. */
  bram = kw_participant_list_get_participant (list, 1);
  g_assert_true (kw_participants_dialog_rename (dialog, bram, "Bram V."));
  g_assert_cmpstr (kw_participant_get_name (bram), ==, "Bram V.");
  g_assert_false (kw_participants_dialog_rename (dialog, bram, "CEM"));
  g_assert_nonnull (kw_participants_dialog_get_error (dialog));
  g_assert_cmpstr (kw_participant_get_name (bram), ==, "Bram V.");
  g_assert_true (kw_history_undo (fixture->history));
  g_assert_cmpstr (kw_participant_get_name (bram), ==, "Bram");

  /* The team changes after adding, one step; a team too long is refused. */
  g_assert_true (kw_participants_dialog_set_team (dialog, bram, " Back office "));
  g_assert_cmpstr (kw_participant_get_team (bram), ==, "Back office");
  g_assert_cmpstr (kw_participant_get_name (bram), ==, "Bram");
  g_assert_false (kw_participants_dialog_set_team (dialog, bram, long_team));
  g_assert_nonnull (strstr (kw_participants_dialog_get_error (dialog), "team or role"));
  g_assert_cmpstr (kw_participant_get_team (bram), ==, "Back office");
  g_assert_true (kw_history_undo (fixture->history));
  g_assert_cmpstr (kw_participant_get_team (bram), ==, "");

  /* Removed with the estimates, and back with one undo. */
  estimate (fixture, 0, 1, 7, 3);
  kw_participants_dialog_remove (dialog, bram);
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 3);
  g_assert_false (kw_finding_get_estimate (fixture->findings[0], fixture->ids[1], NULL));
  g_assert_true (kw_history_undo (fixture->history));
  g_assert_cmpuint (kw_participant_list_get_n_items (list), ==, 4);
  g_assert_true (kw_finding_get_estimate (fixture->findings[0], fixture->ids[1], NULL));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
assert_position (KwFinding *finding,
                 double     impact,
                 double     effort)
{
  g_assert_cmpfloat_with_epsilon (kw_finding_get_impact (finding), impact, 1e-9);
  g_assert_cmpfloat_with_epsilon (kw_finding_get_effort (finding), effort, 1e-9);
}

typedef struct
{
  Fixture    *fixture;
  const char *title;
} ToastWait;

/* The toast shown now has the title; dismissed then, so the next shows. */
static gboolean
toast_is_shown (gpointer data)
{
  ToastWait *wait = data;
  g_autoptr(AdwToast) toast = kw_gui_test_dup_shown_toast (GTK_WIDGET (wait->fixture->window));

  if (toast == NULL || g_strcmp0 (adw_toast_get_title (toast), wait->title) != 0)
    return FALSE;
  adw_toast_dismiss (toast);
  return TRUE;
}

static void
assert_toast (Fixture    *fixture,
              const char *title)
{
  ToastWait wait = { fixture, title };

  g_assert_true (kw_gui_test_wait_until (toast_is_shown, &wait));
}

static void
test_use_median (Fixture       *fixture,
                 gconstpointer  data)
{
  estimate (fixture, 0, 0, 8, 2);
  estimate (fixture, 0, 1, 6, 4);
  estimate (fixture, 1, 0, 1, 9);
  estimate (fixture, 1, 2, 3, 7);

  /* The selection: only the first finding moves, one step. */
  kw_gui_test_select_finding (fixture->window, fixture->findings[0]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.use-median", NULL));
  assert_position (fixture->findings[0], 7, 3);
  assert_position (fixture->findings[1], 5, 5);
  assert_toast (fixture, "1 finding moved to the group’s median");
  g_assert_true (kw_history_undo (fixture->history));
  assert_position (fixture->findings[0], 5, 5);

  /* All: both findings with estimates, the third stays; one undo puts
   * both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.use-median-all", NULL));
  assert_position (fixture->findings[0], 7, 3);
  assert_position (fixture->findings[1], 2, 8);
  assert_position (fixture->findings[2], 5, 5);
  assert_toast (fixture, "2 findings moved to the group’s median");
  g_assert_true (kw_history_undo (fixture->history));
  assert_position (fixture->findings[0], 5, 5);
  assert_position (fixture->findings[1], 5, 5);

  /* The details panel offers it for its finding, with the median. */
  {
    GtkWidget *panel = kw_window_get_details_panel (fixture->window);

    /* Not for a finding without estimates. */
    kw_details_panel_set_finding (KW_DETAILS_PANEL (panel), fixture->findings[2]);
    g_assert_false (gtk_widget_get_visible (kw_details_panel_get_median_button (KW_DETAILS_PANEL (panel))) &&
                    gtk_widget_get_visible (gtk_widget_get_ancestor (kw_details_panel_get_median_button (KW_DETAILS_PANEL (panel)),
                                                                     ADW_TYPE_ACTION_ROW)));
    kw_details_panel_set_finding (KW_DETAILS_PANEL (panel), fixture->findings[1]);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (kw_details_panel_get_median_button (KW_DETAILS_PANEL (panel)),
                                                                    ADW_TYPE_ACTION_ROW)));
    g_signal_emit_by_name (kw_details_panel_get_median_button (KW_DETAILS_PANEL (panel)), "clicked");
    assert_position (fixture->findings[1], 2, 8);
    g_assert_true (kw_history_undo (fixture->history));
    assert_position (fixture->findings[1], 5, 5);
  }
}

static void
test_discuss_first (Fixture       *fixture,
                    gconstpointer  data)
{
  KwEstimatesWindow *estimates;
  KwDiscussList *list;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) later = NULL;
  GtkListBoxRow *row;

  /* Hold music: far apart; Callback queue: close; Knowledge base: one
   * known estimate only, not listed. */
  estimate (fixture, 0, 0, 7, 3);
  estimate (fixture, 0, 1, 6, 3);
  estimate (fixture, 1, 0, 1, 9);
  estimate (fixture, 1, 1, 9, 1);
  estimate (fixture, 2, 2, 4, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.discuss-first", NULL));
  estimates = KW_ESTIMATES_WINDOW (find_toplevel (KW_TYPE_ESTIMATES_WINDOW));
  g_assert_nonnull (estimates);
  list = kw_estimates_window_get_discuss_list (estimates);

  order = kw_discuss_list_dup_findings (list);
  g_assert_cmpuint (order->len, ==, 2);
  g_assert_true (order->pdata[0] == fixture->findings[1]);
  g_assert_true (order->pdata[1] == fixture->findings[0]);

  /* It follows the estimates: the room now disputes Callback queue most. */
  estimate (fixture, 0, 2, 0, 10);
  estimate (fixture, 0, 1, 10, 0);
  estimate (fixture, 1, 1, 2, 8);
  later = kw_discuss_list_dup_findings (list);
  g_assert_cmpuint (later->len, ==, 2);
  g_assert_true (later->pdata[0] == fixture->findings[0]);

  /* Activating a row selects its finding on the matrix. */
  kw_gui_test_select_finding (fixture->window, fixture->findings[2]);
  row = gtk_list_box_get_row_at_index (kw_discuss_list_get_list (list), 1);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_true (kw_window_get_selection (fixture->window) != NULL);
  g_assert_true (gtk_selection_model_is_selected (kw_window_get_selection (fixture->window), 1));
  g_assert_false (gtk_selection_model_is_selected (kw_window_get_selection (fixture->window), 2));
}

static gboolean
window_is_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

/* The estimates window stays out of a presentation (a window manager
 * would keep it above the full-screen matrix) and comes back after; F5
 * in it presents the board, as in the main window. */
static void
test_presentation (Fixture       *fixture,
                   gconstpointer  data)
{
  KwEstimatesWindow *estimates;
  gboolean presenting = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.estimates", NULL));
  estimates = KW_ESTIMATES_WINDOW (find_toplevel (KW_TYPE_ESTIMATES_WINDOW));
  g_assert_nonnull (estimates);
  g_assert_true (kw_gui_test_wait_until (window_is_visible, estimates));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (estimates), "estimates.present", NULL));
  g_object_get (fixture->window, "presenting", &presenting, NULL);
  g_assert_true (presenting);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (estimates)));

  g_object_set (fixture->window, "presenting", FALSE, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (estimates)));

  /* Closed before presenting: it stays closed after. */
  gtk_widget_set_visible (GTK_WIDGET (estimates), FALSE);
  g_object_set (fixture->window, "presenting", TRUE, NULL);
  g_object_set (fixture->window, "presenting", FALSE, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (estimates)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-estimates-window-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.EstimatesWindowTest");

  g_test_add ("/estimates-window/participants-dialog", Fixture, NULL, fixture_set_up, test_participants_dialog,
              fixture_tear_down);
  g_test_add ("/estimates-window/use-median", Fixture, NULL, fixture_set_up, test_use_median, fixture_tear_down);
  g_test_add ("/estimates-window/discuss-first", Fixture, NULL, fixture_set_up, test_discuss_first,
              fixture_tear_down);
  g_test_add ("/estimates-window/presentation", Fixture, NULL, fixture_set_up, test_presentation,
              fixture_tear_down);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
