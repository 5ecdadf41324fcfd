/* test-window-follow-up.c: following through in the window, as the app
 * drives it under Xvfb: the outcome lists' headings show their progress
 * and follow every status change; Hide Done Findings (win.hide-done) hides
 * the done findings' cards and is remembered for the next window; a
 * finding that lands on the future list tells its new review date once,
 * in a notification whose Change opens that date in the details, and to a
 * screen reader; the board's details edit the review interval; review
 * mode (win.review) takes the window over while findings are due, and only
 * then; the window's undo waits meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kw-follow-up.h"
#include "kw-format.h"
#include "kw-matrix.h"
#include "kw-plan-row.h"
#include "kw-review-view.h"
#include "kw-window.h"
#include "kw-gui-test.h"

static GtkApplication *app;
static char *tmp_dir;

static void
drain_main_context (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A window with a new, empty board (the new board's questions cancelled). */
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

/* The first widget under root that matches. */
static GtkWidget *
find_widget (GtkWidget *root,
             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The outcome lists' heading */

static gboolean
is_plan_row_reading (GtkWidget     *widget,
                     gconstpointer  data)
{
  return KW_IS_PLAN_ROW (widget) && kw_plan_row_get_accessible_text (KW_PLAN_ROW (widget)) != NULL &&
         g_str_has_prefix (kw_plan_row_get_accessible_text (KW_PLAN_ROW (widget)), data);
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), data);
}

typedef struct {
  KwWindow   *window;
  const char *heading;   /* as shown */
  const char *spoken;    /* how what is read out starts */
} HeadingWait;

static gboolean
heading_is_shown (gpointer data)
{
  HeadingWait *wait = data;
  GtkWidget *row = find_widget (kw_window_get_outcome_lists (wait->window), is_plan_row_reading, wait->spoken);

  return row != NULL && find_widget (row, is_label_saying, wait->heading) != NULL;
}

/* A heading with progress reads it first, then the outcome's advice. */
static void
assert_heading_shown (KwWindow   *window,
                      const char *heading)
{
  g_autofree char *spoken = g_strdup_printf ("%s. ", heading);
  HeadingWait wait = { window, heading, spoken };

  if (!kw_gui_test_wait_until (heading_is_shown, &wait))
    g_error ("The outcome lists never showed the heading “%s”", heading);
}

/* "Quick wins: 1 of 2 done" as the heading of the quick wins, read out
 * too, following each status change (and its undo). */
static void
test_progress (void)
{
  KwWindow *window = new_board_window ();
  KwHistory *history = kw_window_get_history (window);
  KwFinding *a = kw_gui_test_add_finding (window, "Callback within one hour", 8, 2);

  kw_gui_test_add_finding (window, "Show the queue on the website", 7, 3);
  kw_gui_test_add_finding (window, "Rebuild the telephony platform", 2, 8);
  assert_heading_shown (window, "Quick wins: 0 of 2 done");

  kw_history_set_status (history, a, KW_STATUS_DONE);
  assert_heading_shown (window, "Quick wins: 1 of 2 done");
  g_assert_true (kw_history_undo (history));
  assert_heading_shown (window, "Quick wins: 0 of 2 done");

  /* The findings to drop are never done: no progress, their number. */
  {
    HeadingWait wait = { window, "Drop", "Drop, 1 finding. " };

    g_assert_true (kw_gui_test_wait_until (heading_is_shown, &wait));
  }

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Hide Done Findings */

static gboolean
card_is_visible (KwWindow  *window,
                 KwFinding *finding)
{
  GtkWidget *card = kw_matrix_get_card (KW_MATRIX (kw_window_get_matrix (window)), finding);

  return card != NULL && gtk_widget_get_visible (card);
}

/* The action hides the done findings' cards and shows them again; the
 * choice is kept in GSettings, so the next window starts with it. */
static void
test_hide_done (void)
{
  KwWindow *window = new_board_window ();
  KwWindow *next;
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (window));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  KwFinding *done = kw_gui_test_add_finding (window, "Callback within one hour", 8, 2);
  KwFinding *open = kw_gui_test_add_finding (window, "Show the queue on the website", 7, 3);
  gboolean hidden = TRUE;

  kw_history_set_status (kw_window_get_history (window), done, KW_STATUS_DONE);
  drain_main_context ();
  g_assert_false (kw_matrix_get_hide_done (matrix));
  g_assert_true (card_is_visible (window, done));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-done", NULL);
  g_object_get (window, "hide-done", &hidden, NULL);
  g_assert_true (hidden);
  g_assert_true (kw_matrix_get_hide_done (matrix));
  g_assert_false (card_is_visible (window, done));
  g_assert_true (card_is_visible (window, open));
  g_assert_true (g_settings_get_boolean (settings, "hide-done-findings"));

  next = kw_gui_test_new_window (app);
  g_assert_true (kw_matrix_get_hide_done (KW_MATRIX (kw_window_get_matrix (next))));
  kw_gui_test_destroy_window (GTK_WINDOW (next));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-done", NULL);
  g_assert_false (kw_matrix_get_hide_done (matrix));
  g_assert_true (card_is_visible (window, done));
  g_assert_false (g_settings_get_boolean (settings, "hide-done-findings"));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* The review date told once */

typedef struct {
  GtkWidget *window;
  AdwToast  *toast;
} ToastWait;

static gboolean
toast_is_shown (gpointer data)
{
  ToastWait *wait = data;

  g_clear_object (&wait->toast);
  wait->toast = kw_gui_test_dup_shown_toast (wait->window);
  return wait->toast != NULL;
}

static gboolean
toast_is_gone (gpointer data)
{
  return !toast_is_shown (data);
}

static gboolean
is_announcer (GtkWidget     *widget,
              gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "kw-announcer");
}

static gboolean
is_review_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Review date");
}

static gboolean
focus_is_in (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Today plus the board's interval, as the details and the toast show it. */
static char *
expected_review_date (KwWindow *window)
{
  g_autofree char *today = kw_follow_up_today_iso (NULL);
  g_autofree char *iso = kw_follow_up_next_review_date (kw_window_get_board (window), today);

  return kw_plan_format_date (iso);
}

static void
test_review_toast (void)
{
  KwWindow *window = new_board_window ();
  KwHistory *history = kw_window_get_history (window);
  KwFinding *music = kw_gui_test_add_finding (window, "Hold music & posters", -1, -1);
  KwFinding *posters = kw_gui_test_add_finding (window, "Posters in the canteen", -1, -1);
  KwFinding *letters = kw_gui_test_add_finding (window, "Friendlier reminder letters", -1, -1);
  g_autofree char *date = expected_review_date (window);
  g_autofree char *message = g_strdup_printf ("“Hold music & posters” will be reviewed on %s", date);
  /* The toast's title is markup. */
  g_autofree char *markup = g_strdup_printf ("“Hold music &amp; posters” will be reviewed on %s", date);
  g_autofree char *both = g_strdup_printf ("2 findings will be reviewed on %s", date);
  ToastWait wait = { GTK_WIDGET (window), NULL };
  GtkWidget *announcer, *review_row;

  /* On the future list: its review date, told. */
  kw_history_place (history, music, 3, 3);
  g_assert_cmpstr (kw_finding_get_review_date (music), !=, "");
  g_assert_true (kw_gui_test_wait_until (toast_is_shown, &wait));
  g_assert_cmpstr (adw_toast_get_title (wait.toast), ==, markup);
  g_assert_cmpstr (adw_toast_get_action_name (wait.toast), ==, "win.change-review-date");
  announcer = find_widget (GTK_WIDGET (window), is_announcer, NULL);
  g_assert_nonnull (announcer);
  g_assert_nonnull (find_widget (announcer, is_label_saying, message));

  /* Change: the finding's review date, focused in the details. */
  gtk_widget_activate_action_variant (GTK_WIDGET (window), adw_toast_get_action_name (wait.toast),
                                      adw_toast_get_action_target_value (wait.toast));
  g_assert_true (gtk_widget_get_visible (kw_window_get_details_panel (window)));
  review_row = find_widget (kw_window_get_details_panel (window), is_review_row, NULL);
  g_assert_nonnull (review_row);
  g_assert_true (kw_gui_test_wait_until (focus_is_in, review_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (review_row)), !=, "");
  adw_toast_dismiss (wait.toast);
  g_assert_true (kw_gui_test_wait_until (toast_is_gone, &wait));

  /* Two in one step: told together, once, without a Change. */
  kw_history_begin_group (history, "Move 2 Findings");
  kw_history_place (history, posters, 2, 0.5);
  kw_history_place (history, letters, 4, 4);
  kw_history_end_group (history);
  g_assert_true (kw_gui_test_wait_until (toast_is_shown, &wait));
  g_assert_cmpstr (adw_toast_get_title (wait.toast), ==, both);
  g_assert_null (adw_toast_get_action_name (wait.toast));
  g_assert_nonnull (find_widget (announcer, is_label_saying, both));
  g_clear_object (&wait.toast);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Review mode */

static gboolean
is_review_view (GtkWidget     *widget,
                gconstpointer  data)
{
  return KW_IS_REVIEW_VIEW (widget);
}

static gboolean
widget_is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static void
test_review_mode (void)
{
  KwWindow *window = new_board_window ();
  KwHistory *history = kw_window_get_history (window);
  KwFinding *queue = kw_gui_test_add_finding (window, "Callback queue", 3, 3);
  GtkWidget *view = find_widget (GTK_WIDGET (window), is_review_view, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -1);
  g_autofree char *yesterday = g_date_time_format (then, "%Y-%m-%d");
  ToastWait wait = { GTK_WIDGET (window), NULL };
  GtkWidget *announcer = find_widget (GTK_WIDGET (window), is_announcer, NULL);
  KwReview *review;

  g_assert_nonnull (view);
  g_assert_nonnull (announcer);

  /* Nothing due yet (its review date is months ahead): said, and the
   * board stays. */
  g_assert_cmpstr (kw_finding_get_review_date (queue), >, yesterday);
  kw_gui_test_wait_until (toast_is_gone, &wait);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  g_assert_true (kw_gui_test_wait_until (toast_is_shown, &wait));
  g_assert_cmpstr (adw_toast_get_title (wait.toast), ==, "No finding is due for review");
  g_assert_false (gtk_widget_get_mapped (view));
  adw_toast_dismiss (wait.toast);
  g_assert_true (kw_gui_test_wait_until (toast_is_gone, &wait));

  /* Due since yesterday: the review shows it, and says it. */
  kw_history_set_text (history, queue, KW_FINDING_TEXT_REVIEW_DATE, yesterday);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.review", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, view));
  review = kw_review_view_get_review (KW_REVIEW_VIEW (view));
  g_assert_nonnull (review);
  g_assert_true (kw_review_get_current (review) == queue);
  g_assert_nonnull (find_widget (view, is_label_saying, "Finding 1 of 1"));
  g_assert_nonnull (find_widget (announcer, is_label_saying,
                                 "Finding 1 of 1: Callback queue. Impact 3.0, effort 3.0, future list"));

  /* The window's undo waits while reviewing: the date set stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (kw_finding_get_review_date (queue), ==, yesterday);

  /* Leaving (Escape, Close) comes back to the board, where undo works. */
  g_signal_emit_by_name (view, "close");
  g_assert_true (kw_gui_test_wait_until (widget_is_unmapped, view));
  g_assert_null (kw_review_view_get_review (KW_REVIEW_VIEW (view)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (kw_finding_get_review_date (queue), >, yesterday);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* A board opened with two findings due (and one not yet) offers the
 * review, and the toast's button starts it. */
static void
test_review_offered (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "due.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *yesterday = g_date_time_format (then, "%Y-%m-%d");
  g_autofree char *next_month = g_date_time_format (later, "%Y-%m-%d");
  const char *titles[] = { "Callback queue", "Chat after hours", "Queue message" };
  const char *dates[] = { yesterday, yesterday, next_month };
  g_autoptr(GError) error = NULL;
  KwWindow *window;
  GtkWidget *view;
  ToastWait wait = { NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (titles[i]);

      kw_finding_place (finding, 3, 2 + i);
      kw_finding_set_review_date (finding, dates[i]);
      kw_board_append_finding (board, finding);
    }
  g_assert_true (kw_format_save_file (board, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  window = kw_gui_test_new_window (app);
  wait.window = GTK_WIDGET (window);
  view = find_widget (GTK_WIDGET (window), is_review_view, NULL);
  kw_window_load_file (window, file);
  g_assert_true (kw_gui_test_wait_until (toast_is_shown, &wait));
  g_assert_cmpstr (adw_toast_get_title (wait.toast), ==, "2 findings are due for review");
  g_assert_cmpstr (adw_toast_get_action_name (wait.toast), ==, "win.review");
  g_assert_false (gtk_widget_get_mapped (view));

  gtk_widget_activate_action (GTK_WIDGET (window), adw_toast_get_action_name (wait.toast), NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, view));
  g_assert_cmpuint (kw_review_get_n_findings (kw_review_view_get_review (KW_REVIEW_VIEW (view))), ==, 2);

  g_clear_object (&wait.toast);
  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* The board's review interval */

static gboolean
is_interval_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "_Months to a review");
}

static void
test_review_interval (void)
{
  KwWindow *window = new_board_window ();
  KwHistory *history = kw_window_get_history (window);
  KwBoard *board = kw_window_get_board (window);
  GtkWidget *row;
  GtkSpinButton *spin;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.board-details", NULL);
  row = find_widget (kw_window_get_details_panel (window), is_interval_row, NULL);
  g_assert_nonnull (row);
  spin = GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, KW_REVIEW_INTERVAL_DEFAULT);

  gtk_spin_button_set_value (spin, 6);
  g_assert_cmpuint (kw_board_get_review_interval (board), ==, 6);
  g_assert_cmpstr (kw_history_get_undo_label (history), ==, "Change Review Interval");

  /* An undo shows in the spin button. */
  g_assert_true (kw_history_undo (history));
  g_assert_cmpuint (kw_board_get_review_interval (board), ==, KW_REVIEW_INTERVAL_DEFAULT);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, KW_REVIEW_INTERVAL_DEFAULT);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-window-follow-up-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.FollowUpTest");
  /* A dismissed toast goes at once (and libadwaita 1.2 must not be
   * dismissing one while it still slides in). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/window-follow-up/progress", test_progress);
  g_test_add_func ("/window-follow-up/hide-done", test_hide_done);
  g_test_add_func ("/window-follow-up/review-toast", test_review_toast);
  g_test_add_func ("/window-follow-up/review-offered", test_review_offered);
  g_test_add_func ("/window-follow-up/review-interval", test_review_interval);
  g_test_add_func ("/window-follow-up/review-mode", test_review_mode);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
