/* test-placement.c: placing by keyboard ("8 2,5" in the entry a digit
 * opens), and what a delete leaves selected and its Undo toast, driven
 * as the app drives them, under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "kw-matrix.h"
#include "kw-matrix-private.h"
#include "kw-placement-entry.h"
#include "kw-plan-item.h"
#include "kw-plan-selection.h"
#include "kw-tray.h"
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

static KwWindow *
new_board_window (void)
{
  KwWindow *window = kw_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-board", NULL);

  return window;
}

static guint
find_row (GListModel *model,
          KwFinding  *finding)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KwPlanItem) item = g_list_model_get_item (model, i);

      if (kw_plan_item_get_kind (item) == KW_PLAN_ITEM_FINDING && kw_plan_item_get_finding (item) == finding)
        return i;
    }

  return G_MAXUINT;
}

static KwFinding *
only_selected (KwWindow *window)
{
  GtkSelectionModel *selection = kw_window_get_selection (window);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(KwFinding) finding = NULL;

  if (gtk_bitset_is_empty (selected))
    return NULL;
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);

  finding = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_minimum (selected));
  return finding;
}

typedef struct
{
  GtkListView *view;
  KwFinding   *finding;
} RowQuery;

/* The list item widget showing the finding, once the list made it. */
static GtkWidget *
row_widget (GtkListView *view,
            KwFinding   *finding)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row == NULL || !gtk_widget_get_child_visible (child))
        continue;
      if (kw_plan_selection_row_finding (view, row) == finding)
        return child;
    }

  return NULL;
}

static gboolean
row_is_shown (gpointer data)
{
  RowQuery *query = data;

  return row_widget (query->view, query->finding) != NULL;
}

static void
focus_row (GtkListView *view,
           KwFinding   *finding)
{
  RowQuery query = { view, finding };

  g_assert_true (kw_gui_test_wait_until (row_is_shown, &query));
  g_assert_true (gtk_widget_grab_focus (row_widget (view, finding)));
}

static gboolean
row_has_focus (gpointer data)
{
  RowQuery *query = data;
  GtkWidget *row = row_widget (query->view, query->finding);

  return row != NULL && gtk_widget_has_focus (row);
}

static void
assert_row_focused (GtkListView *view,
                    KwFinding   *finding)
{
  RowQuery query = { view, finding };

  if (!kw_gui_test_wait_until (row_has_focus, &query))
    g_error ("the row of “%s” never took the focus", kw_finding_get_title (finding));
}

typedef struct
{
  KwWindow  *window;
  KwFinding *finding;
} SelectedQuery;

static gboolean
is_selected (gpointer data)
{
  SelectedQuery *query = data;

  return only_selected (query->window) == query->finding;
}

static void
assert_selected (KwWindow  *window,
                 KwFinding *finding)
{
  SelectedQuery query = { window, finding };

  if (!kw_gui_test_wait_until (is_selected, &query))
    g_error ("“%s” was never selected alone", kw_finding_get_title (finding));
}

/* Issue 12: after Delete the next finding of the same list is selected,
 * or the one before it when it was the last, or none; the keyboard stays
 * there, so a second Delete removes what shows selected. Before, the
 * selection went to an unrelated finding. */
static void
test_delete_selects_next (void)
{
  KwWindow *window = new_board_window ();
  GtkListView *lists = GTK_LIST_VIEW (kw_window_get_outcome_lists (window));
  KwFinding *elsewhere = kw_gui_test_add_finding (window, "Elders", 2, 8);
  KwFinding *a = kw_gui_test_add_finding (window, "Een", 8, 2);
  KwFinding *b = kw_gui_test_add_finding (window, "Twee", 8, 2.5);
  KwFinding *c = kw_gui_test_add_finding (window, "Drie", 8, 3);
  KwFinding *after = kw_gui_test_add_finding (window, "Daarna", 2, 3);
  KwBoard *board = kw_window_get_board (window);

  g_assert_nonnull (elsewhere);
  g_assert_nonnull (after);
  drain_main_context ();

  /* The quick wins list Een, Twee, Drie: Twee goes, Drie follows. */
  g_assert_cmpuint (find_row (G_LIST_MODEL (gtk_list_view_get_model (lists)), a) + 1, ==,
                    find_row (G_LIST_MODEL (gtk_list_view_get_model (lists)), b));
  kw_gui_test_select_finding (window, b);
  focus_row (lists, b);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 4);
  g_assert_true (only_selected (window) == c);
  assert_row_focused (lists, c);

  /* Drie was the last: Een, before it, follows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_false (kw_board_find_position (board, c, NULL));
  g_assert_true (only_selected (window) == a);
  assert_row_focused (lists, a);

  /* Een was alone: nothing is selected, and Delete has nothing to do. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_false (kw_board_find_position (board, a, NULL));
  g_assert_null (only_selected (window));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* The same in the tray, from the matrix's own Delete request: the next
 * unplaced finding. */
static void
test_delete_in_tray (void)
{
  KwWindow *window = new_board_window ();
  GtkListView *tray = GTK_LIST_VIEW (kw_tray_get_list (KW_TRAY (kw_window_get_tray (window))));
  KwFinding *a = kw_gui_test_add_finding (window, "Een", -1, -1);
  KwFinding *b = kw_gui_test_add_finding (window, "Twee", -1, -1);
  KwFinding *c = kw_gui_test_add_finding (window, "Drie", -1, -1);

  drain_main_context ();
  kw_gui_test_select_finding (window, a);
  focus_row (tray, a);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_true (only_selected (window) == b);
  assert_row_focused (tray, b);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_true (only_selected (window) == c);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* The toast of a delete */

static void
toast_dismissed_cb (AdwToast *toast,
                    gboolean *dismissed)
{
  *dismissed = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Issue 12: the Undo of a delete was gone after about 5 s; it stays
 * 10 s, or until the board changes again (then its Undo would no longer
 * undo just the delete). */
static void
test_delete_toast (void)
{
  KwWindow *window = new_board_window ();
  KwFinding *a = kw_gui_test_add_finding (window, "Een", 8, 2);
  KwFinding *b = kw_gui_test_add_finding (window, "Twee", 8, 3);
  g_autoptr(AdwToast) toast = NULL;
  gboolean dismissed = FALSE;
  guint timeout = 0;

  drain_main_context ();
  kw_gui_test_select_finding (window, a);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);

  toast = kw_gui_test_dup_shown_toast (GTK_WIDGET (window));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Deleted “Een”");
  g_assert_cmpstr (adw_toast_get_action_name (toast), ==, "win.undo");
  g_object_get (toast, "timeout", &timeout, NULL);
  g_assert_cmpuint (timeout, ==, 10);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), &dismissed);

  drain_main_context ();
  g_assert_false (dismissed);
  kw_history_place (kw_window_get_history (window), b, 9, 1);
  g_assert_true (kw_gui_test_wait_until (is_true, &dismissed));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* A toast's title is markup: a title with "&" or "<" is shown as typed,
 * not as broken markup. */
static void
test_delete_toast_escapes_title (void)
{
  KwWindow *window = new_board_window ();
  KwFinding *finding = kw_gui_test_add_finding (window, "Q&A <b>pagina</b>", 8, 2);
  g_autoptr(AdwToast) toast = NULL;

  drain_main_context ();
  kw_gui_test_select_finding (window, finding);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);

  toast = kw_gui_test_dup_shown_toast (GTK_WIDGET (window));
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Deleted “Q&amp;A &lt;b&gt;pagina&lt;/b&gt;”");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Placing by keyboard */

static KwPlacementEntry *
find_entry (GtkWidget *host)
{
  for (GtkWidget *child = gtk_widget_get_first_child (host); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (KW_IS_PLACEMENT_ENTRY (child))
      return KW_PLACEMENT_ENTRY (child);

  return NULL;
}

static void
test_place_from_tray (void)
{
  KwWindow *window = new_board_window ();
  GtkListView *tray = GTK_LIST_VIEW (kw_tray_get_list (KW_TRAY (kw_window_get_tray (window))));
  KwHistory *history = kw_window_get_history (window);
  KwFinding *a = kw_gui_test_add_finding (window, "Wachttijd tonen op website", -1, -1);
  KwFinding *b = kw_gui_test_add_finding (window, "Terugbelverzoek", -1, -1);
  KwPlacementEntry *entry;
  GtkEditable *editable;

  drain_main_context ();
  focus_row (tray, a);
  entry = kw_placement_entry_open (GTK_WIDGET (tray), row_widget (tray, a), history, a, GDK_KEY_8);
  g_assert_true (entry == find_entry (GTK_WIDGET (tray)));
  editable = kw_placement_entry_get_editable (entry);
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, "8");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));

  /* A bad value shows why, in place, and changes nothing. */
  gtk_editable_set_text (editable, "8 12");
  g_signal_emit_by_name (editable, "activate");
  g_assert_false (kw_finding_get_placed (a));
  g_assert_nonnull (kw_placement_entry_get_error (entry));
  g_assert_nonnull (strstr (kw_placement_entry_get_error (entry), "0 to 10"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));
  g_assert_cmpstr (kw_history_get_undo_label (history), ==, "Add Finding");

  /* Typing again clears the error; Enter places it, as one step. */
  gtk_editable_set_text (editable, "8 2,5");
  g_assert_null (kw_placement_entry_get_error (entry));
  g_signal_emit_by_name (editable, "activate");
  g_assert_true (kw_finding_get_placed (a));
  g_assert_cmpfloat (kw_finding_get_impact (a), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (a), ==, 2.5);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (entry)));

  /* The next unplaced finding has the keyboard, to go on typing. */
  assert_row_focused (tray, b);
  assert_selected (window, b);

  /* One undo takes the placement back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (kw_finding_get_placed (a));

  /* Escape: nothing changes. */
  entry = kw_placement_entry_open (GTK_WIDGET (tray), row_widget (tray, b), history, b, GDK_KEY_KP_3);
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, "3");
  gtk_editable_set_text (editable, "3 3");
  gtk_popover_popdown (GTK_POPOVER (entry));
  g_assert_false (kw_finding_get_placed (b));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_place_on_matrix (void)
{
  KwWindow *window = new_board_window ();
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (window));
  KwFinding *a = kw_gui_test_add_finding (window, "Een", 2, 2);
  KwPlacementEntry *entry;
  GtkEditable *editable;

  drain_main_context ();
  g_assert_true (kw_matrix_focus_finding (matrix, a));

  /* A digit on the focused card opens the entry with it; Ctrl+digit
   * is left to the window. */
  g_assert_false (kw_matrix_handle_key (matrix, GDK_KEY_9, GDK_CONTROL_MASK));
  g_assert_null (find_entry (GTK_WIDGET (matrix)));
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_9, 0));
  entry = find_entry (GTK_WIDGET (matrix));
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));
  editable = kw_placement_entry_get_editable (entry);
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, "9");
  gtk_editable_set_text (editable, "9;1.5");
  g_signal_emit_by_name (editable, "activate");
  g_assert_cmpfloat (kw_finding_get_impact (a), ==, 9.0);
  g_assert_cmpfloat (kw_finding_get_effort (a), ==, 1.5);
  g_assert_cmpint (kw_board_classify_finding (kw_window_get_board (window), a), ==, KW_OUTCOME_QUICK_WIN);
  g_assert_cmpstr (kw_history_get_undo_label (kw_window_get_history (window)), ==, "Move Finding");

  /* Presenting, digits zoom or do nothing: no entry on the projector. */
  kw_matrix_set_presentation (matrix, TRUE);
  g_assert_true (kw_matrix_focus_finding (matrix, a));
  g_assert_false (kw_matrix_handle_key (matrix, GDK_KEY_7, 0));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (entry)));
  kw_matrix_set_presentation (matrix, FALSE);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* The core's rule decides what the entry takes: every refusal leaves the
 * finding where it was and says why. */
static void
test_refusals (void)
{
  KwWindow *window = new_board_window ();
  GtkListView *tray = GTK_LIST_VIEW (kw_tray_get_list (KW_TRAY (kw_window_get_tray (window))));
  KwHistory *history = kw_window_get_history (window);
  KwFinding *a = kw_gui_test_add_finding (window, "Een", -1, -1);
  static const char * const bad[] = { "8", "8 11", "8 2,55", "8 twee", "8;2;3" };
  KwPlacementEntry *entry;
  GtkEditable *editable;

  drain_main_context ();
  focus_row (tray, a);
  entry = kw_placement_entry_open (GTK_WIDGET (tray), row_widget (tray, a), history, a, GDK_KEY_8);
  editable = kw_placement_entry_get_editable (entry);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gtk_editable_set_text (editable, bad[i]);
      g_signal_emit_by_name (editable, "activate");
      g_assert_false (kw_finding_get_placed (a));
      g_assert_nonnull (kw_placement_entry_get_error (entry));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editable), "error"));
    }
  g_assert_cmpstr (kw_history_get_undo_label (history), ==, "Add Finding");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-placement-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.PlacementTest");

  g_test_add_func ("/placement/delete-selects-next", test_delete_selects_next);
  g_test_add_func ("/placement/delete-in-tray", test_delete_in_tray);
  g_test_add_func ("/placement/delete-toast", test_delete_toast);
  g_test_add_func ("/placement/delete-toast-escapes-title", test_delete_toast_escapes_title);
  g_test_add_func ("/placement/from-tray", test_place_from_tray);
  g_test_add_func ("/placement/on-matrix", test_place_on_matrix);
  g_test_add_func ("/placement/refusals", test_refusals);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
