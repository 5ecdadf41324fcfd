/* test-window.c: the window and its grouped list of findings, driven as
 * the app drives them, under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kw-details-panel.h"
#include "kw-format.h"
#include "kw-matrix.h"
#include "kw-new-board-dialog.h"
#include "kw-plan-model.h"
#include "kw-plan-row.h"
#include "kw-text.h"
#include "kw-tray.h"
#include "kw-window.h"
#include "kw-gui-test.h"

static GtkApplication *app;
static char *tmp_dir;

/* Waiting without sleeping */

/* Lets every pending idle run (list rebuilds, layout), without blocking. */
static void
drain_main_context (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Fixtures */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A copy of the example, so saving never touches the source tree. */
static GFile *
copy_example (const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "data", "examples",
                                              "klantcontact-nl.kwadrant", NULL);
  g_autofree char *target = tmp_path (name);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, (gssize) length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (target);
}

static KwWindow *
new_window_with_file (GFile *file)
{
  KwWindow *window = kw_gui_test_new_window (app);

  kw_window_load_file (window, file);
  g_assert_true (kw_window_get_loading (window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));
  drain_main_context ();

  return window;
}

static KwFinding *
add_finding (KwBoard    *board,
             const char *id,
             double      impact,
             double      effort)
{
  g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, id);

  if (impact >= 0)
    kw_finding_place (finding, impact, effort);
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

static KwPlanItem *
plan_item (GListModel *plan,
           guint       position)
{
  KwPlanItem *item = g_list_model_get_item (plan, position);

  g_assert_nonnull (item);
  g_object_unref (item); /* the model keeps it */

  return item;
}

/* Checks the plan is the summary, then each outcome in the method's
 * order with its heading, count and rows, and that every finding of the
 * board shows exactly once under its own outcome. */
static void
assert_plan_matches_board (GListModel *plan,
                           KwBoard    *board)
{
  guint counts[KW_N_OUTCOMES];
  guint position = 0;
  guint n_findings = 0;
  KwPlanItem *summary;

  kw_board_count_outcomes (board, counts);

  summary = plan_item (plan, position++);
  g_assert_cmpint (kw_plan_item_get_kind (summary), ==, KW_PLAN_ITEM_SUMMARY);
  for (guint o = 0; o < KW_N_OUTCOMES; o++)
    g_assert_cmpuint (kw_plan_item_get_count (summary, o), ==, counts[o]);

  for (guint o = 0; o < KW_N_OUTCOMES; o++)
    {
      KwPlanItem *group = plan_item (plan, position++);

      g_assert_cmpint (kw_plan_item_get_kind (group), ==, KW_PLAN_ITEM_GROUP);
      g_assert_cmpint (kw_plan_item_get_outcome (group), ==, o);
      g_assert_cmpuint (kw_plan_item_get_count (group, o), ==, counts[o]);

      if (counts[o] == 0)
        {
          KwPlanItem *empty = plan_item (plan, position++);

          g_assert_cmpint (kw_plan_item_get_kind (empty), ==, KW_PLAN_ITEM_EMPTY);
          g_assert_cmpint (kw_plan_item_get_outcome (empty), ==, o);
          continue;
        }

      for (guint i = 0; i < counts[o]; i++)
        {
          KwPlanItem *row = plan_item (plan, position++);
          KwFinding *finding = kw_plan_item_get_finding (row);

          g_assert_cmpint (kw_plan_item_get_kind (row), ==, KW_PLAN_ITEM_FINDING);
          g_assert_cmpint (kw_plan_item_get_outcome (row), ==, o);
          g_assert_cmpint (kw_board_classify_finding (board, finding), ==, o);
          g_assert_true (kw_board_lookup_finding (board, kw_finding_get_id (finding)) == finding);
          g_assert_cmpint (kw_plan_item_is_first (row), ==, i == 0);
          g_assert_cmpint (kw_plan_item_is_last (row), ==, i + 1 == counts[o]);
          n_findings++;
        }
    }

  g_assert_cmpuint (position, ==, g_list_model_get_n_items (plan));
  g_assert_cmpuint (n_findings, ==, kw_board_get_n_findings (board));
}

/* Whether each finding of the outcome comes at or before the next in
 * the method's order. */
static void
assert_outcome_sorted (GListModel *plan,
                       KwOutcome   outcome)
{
  KwFinding *previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      KwPlanItem *item = plan_item (plan, i);
      KwFinding *finding;

      if (kw_plan_item_get_kind (item) != KW_PLAN_ITEM_FINDING ||
          kw_plan_item_get_outcome (item) != outcome)
        continue;

      finding = kw_plan_item_get_finding (item);
      if (previous != NULL)
        g_assert_cmpint (kw_outcome_compare_findings (outcome, previous, finding), <=, 0);
      previous = finding;
    }
}

static void
test_plan_row_text (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwPlanModel) plan = NULL;
  g_autoptr(KwPlanItem) item = NULL;
  GtkWidget *row = g_object_ref_sink (kw_plan_row_new ());
  KwFinding *finding;

  finding = add_finding (board, "f-1", 7.5, 2.0);
  kw_finding_set_title (finding, "Clearer letters");
  kw_finding_set_owner (finding, "Team communicatie");

  item = kw_plan_item_new_finding (finding, KW_OUTCOME_QUICK_WIN, TRUE, TRUE);
  kw_plan_row_bind (KW_PLAN_ROW (row), item, board);
  g_assert_cmpstr (kw_plan_row_get_accessible_text (KW_PLAN_ROW (row)), ==,
                   "Clearer letters. Impact 7.5, effort 2.0, quick win. Team communicatie");
  g_assert_true (gtk_widget_has_css_class (row, "finding"));
  g_assert_true (gtk_widget_has_css_class (row, "quick-win"));

  /* A recycled row changes kind and loses what the old kind showed. */
  g_clear_object (&item);
  item = kw_plan_item_new_empty (KW_OUTCOME_DROP);
  kw_plan_row_bind (KW_PLAN_ROW (row), item, board);
  g_assert_false (gtk_widget_has_css_class (row, "finding"));
  g_assert_false (gtk_widget_has_css_class (row, "quick-win"));
  g_assert_true (gtk_widget_has_css_class (row, "drop"));
  g_assert_cmpstr (kw_plan_row_get_accessible_text (KW_PLAN_ROW (row)), ==, "No findings in Drop.");

  kw_plan_row_bind (KW_PLAN_ROW (row), NULL, NULL);
  g_assert_null (gtk_widget_get_first_child (row));
  g_object_unref (row);
}

/* A finding past its due date and not done says "overdue" in its row,
 * first (a narrow list cuts the end off), in words and in the text read
 * out; done, or due today, it does not. */
static gboolean
row_has_overdue_label (GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "overdue") &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), "Overdue, due "))
        return TRUE;
    }

  return FALSE;
}

static void
test_plan_row_overdue (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *yesterday_iso = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *today_iso = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *row = g_object_ref_sink (kw_plan_row_new ());
  KwFinding *finding = add_finding (board, "f-1", 7.5, 2.0);
  g_autoptr(KwPlanItem) item = NULL;

  kw_finding_set_title (finding, "Clearer letters");
  kw_finding_set_due_date (finding, yesterday_iso);
  item = kw_plan_item_new_finding (finding, KW_OUTCOME_QUICK_WIN, TRUE, TRUE);
  kw_plan_row_bind (KW_PLAN_ROW (row), item, board);
  g_assert_nonnull (strstr (kw_plan_row_get_accessible_text (KW_PLAN_ROW (row)), ". Overdue, due "));
  g_assert_true (row_has_overdue_label (row));

  kw_finding_set_status (finding, KW_STATUS_DONE);
  kw_plan_row_bind (KW_PLAN_ROW (row), item, board);
  g_assert_null (strstr (kw_plan_row_get_accessible_text (KW_PLAN_ROW (row)), "Overdue"));
  g_assert_false (row_has_overdue_label (row));

  kw_finding_set_status (finding, KW_STATUS_OPEN);
  kw_finding_set_due_date (finding, today_iso);
  kw_plan_row_bind (KW_PLAN_ROW (row), item, board);
  g_assert_null (strstr (kw_plan_row_get_accessible_text (KW_PLAN_ROW (row)), "Overdue"));
  g_assert_false (row_has_overdue_label (row));

  kw_plan_row_bind (KW_PLAN_ROW (row), NULL, NULL);
  g_object_unref (row);
}

/* The window */

static guint
count_toplevels (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  return g_list_length (toplevels);
}

/* The welcome page has no board: Save (Ctrl+S), Save As, Export and Print
 * do nothing there, no chooser, no dialog, no empty board written. */
static void
test_window_welcome_has_no_board_actions (void)
{
  static const char * const board_actions[] = { "win.export", "win.save", "win.save-as", "win.print" };
  KwWindow *window = kw_gui_test_new_window (app);
  guint before;

  drain_main_context ();
  before = count_toplevels ();
  for (guint i = 0; i < G_N_ELEMENTS (board_actions); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), board_actions[i], NULL);
      drain_main_context ();
      if (count_toplevels () != before)
        g_error ("%s opened a window on the welcome page", board_actions[i]);
    }
  g_assert_true (kw_window_is_blank (window));
  g_assert_null (kw_window_get_file (window));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_blank (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  GtkWidget *stack = NULL;

  g_assert_true (kw_window_is_blank (window));
  g_assert_false (kw_window_get_modified (window));
  g_assert_null (kw_window_get_file (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Kwadrant");

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL && stack == NULL; )
    {
      /* Depth-first search for the page stack. */
      if (GTK_IS_STACK (w) && gtk_stack_get_child_by_name (GTK_STACK (w), "welcome") != NULL)
        stack = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "welcome");

  /* New shows the empty board in this window and asks its title;
   * cancelled, the board stays untitled and blank: Open reuses it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-board", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  kw_gui_test_close_dialog (kw_gui_test_find_dialog (GTK_WINDOW (window)), "cancel");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "board");
  g_assert_true (kw_window_is_blank (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled board — Kwadrant");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* The first GtkText under widget, depth first: the field a user types in. */
static GtkWidget *
find_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
no_dialog_shown (gpointer window)
{
  return kw_gui_test_find_dialog (window) == NULL;
}

static KwWindow *
find_other_window (KwWindow *window)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (KW_IS_WINDOW (l->data) && l->data != window)
        return l->data;
    }

  return NULL;
}

/* GNOME's New (Ctrl+N): on the untouched welcome page the board starts in
 * this window and the dialog asks its title and date; Enter creates it.
 * With a board shown, New opens another window for the next one. */
static void
test_window_new_board (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  KwWindow *second;
  AdwMessageDialog *dialog;
  GtkWidget *title_text;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-board", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_true (KW_IS_NEW_BOARD_DIALOG (dialog));
  g_assert_null (find_other_window (window));

  /* Typed in the title field; Enter there is the default response. */
  title_text = find_text (adw_message_dialog_get_extra_child (dialog));
  g_assert_nonnull (title_text);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, title_text));
  gtk_editable_set_text (GTK_EDITABLE (title_text), "Workshop december");
  /* What GtkText does on Enter. */
  g_signal_emit_by_name (title_text, "activate");
  g_assert_true (kw_gui_test_wait_until (no_dialog_shown, window));

  g_assert_cmpstr (kw_board_get_title (kw_window_get_board (window)), ==, "Workshop december");
  g_assert_cmpstr (kw_board_get_workshop_date (kw_window_get_board (window)), ==, today);
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "Workshop december — Kwadrant"));

  /* This window has a board now: New leaves it alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-board", NULL);
  second = find_other_window (window);
  g_assert_nonnull (second);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, second));
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));
  kw_gui_test_close_dialog (kw_gui_test_find_dialog (GTK_WINDOW (second)), "cancel");
  g_assert_cmpstr (kw_board_get_title (kw_window_get_board (second)), ==, "");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (second)), ==, "Untitled board — Kwadrant");
  g_assert_cmpstr (kw_board_get_title (kw_window_get_board (window)), ==, "Workshop december");

  kw_gui_test_destroy_window (GTK_WINDOW (second));
  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_load_example (void)
{
  g_autoptr(GFile) file = copy_example ("example.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  GListModel *plan = kw_window_get_plan_model (window);
  g_autofree char *expected_title = NULL;
  guint counts[KW_N_OUTCOMES];

  g_assert_true (kw_window_get_file (window) != NULL);
  g_assert_true (g_file_equal (kw_window_get_file (window), file));
  g_assert_false (kw_window_is_blank (window));
  g_assert_false (kw_window_get_modified (window));
  g_assert_cmpuint (kw_board_get_n_findings (board), >, 0);

  expected_title = g_strdup_printf ("%s — Kwadrant", kw_board_get_title (board));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, expected_title);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  assert_plan_matches_board (plan, board);
  kw_board_count_outcomes (board, counts);
  g_assert_cmpuint (counts[KW_OUTCOME_QUICK_WIN], >=, 2);
  g_assert_cmpuint (counts[KW_OUTCOME_LONG_TERM], >=, 2);
  assert_outcome_sorted (plan, KW_OUTCOME_QUICK_WIN);
  assert_outcome_sorted (plan, KW_OUTCOME_LONG_TERM);
  assert_outcome_sorted (plan, KW_OUTCOME_FUTURE);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Tab reaches the findings, and the focused row carries the sentence a
 * screen reader says for it. */
static void
test_window_keyboard (void)
{
  g_autoptr(GFile) file = copy_example ("keyboard.kwadrant");
  KwWindow *window = new_window_with_file (file);
  GtkWidget *list = kw_window_get_outcome_lists (window);
  GtkWidget *focus = NULL;
  GtkWidget *row;
  KwBoard *board;
  guint tabs;

  g_assert_nonnull (list);
  for (tabs = 0; tabs < 20; tabs++)
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, list))
        break;
    }
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, list));

  /* Down walks through the rows, each labelled for screen readers. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *next;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_DOWN));
      next = gtk_window_get_focus (GTK_WINDOW (window));
      g_assert_true (next != focus);
      g_assert_true (gtk_widget_is_ancestor (next, list));
      focus = next;
    }
  row = find_descendant (focus, KW_TYPE_PLAN_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "finding"));
  g_assert_true (g_str_has_suffix (kw_plan_row_get_accessible_text (KW_PLAN_ROW (row)), ", quick win") ||
                 strstr (kw_plan_row_get_accessible_text (KW_PLAN_ROW (row)), ", quick win. ") != NULL);

  /* A change elsewhere on the board leaves the focus where it was. */
  board = kw_window_get_board (window);
  kw_finding_set_owner (kw_board_get_finding (board, kw_board_get_n_findings (board) - 1), "Iemand anders");
  drain_main_context ();
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == focus);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
assert_findings_equal (KwBoard *a,
                       KwBoard *b)
{
  g_assert_cmpuint (kw_board_get_n_findings (a), ==, kw_board_get_n_findings (b));

  for (guint i = 0; i < kw_board_get_n_findings (a); i++)
    {
      KwFinding *fa = kw_board_get_finding (a, i);
      KwFinding *fb = kw_board_get_finding (b, i);

      g_assert_cmpstr (kw_finding_get_id (fa), ==, kw_finding_get_id (fb));
      g_assert_cmpstr (kw_finding_get_title (fa), ==, kw_finding_get_title (fb));
      g_assert_cmpstr (kw_finding_get_owner (fa), ==, kw_finding_get_owner (fb));
      g_assert_cmpint (kw_finding_get_placed (fa), ==, kw_finding_get_placed (fb));
      g_assert_cmpfloat (kw_finding_get_impact (fa), ==, kw_finding_get_impact (fb));
      g_assert_cmpfloat (kw_finding_get_effort (fa), ==, kw_finding_get_effort (fb));
    }
}

static void
test_window_modify_and_save (void)
{
  g_autoptr(GFile) file = copy_example ("save.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  g_autoptr(KwBoard) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  guint notifies = 0;

  g_signal_connect (window, "notify::modified", G_CALLBACK (count_notify_cb), &notifies);

  kw_board_set_title (board, "Herzien actieplan");
  g_assert_true (kw_window_get_modified (window));
  g_assert_false (kw_window_is_blank (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Herzien actieplan — Kwadrant");
  kw_board_set_organisation (board, "Lindewoud");
  g_assert_cmpuint (notifies, ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_saved, window));
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Herzien actieplan — Kwadrant");

  reloaded = kw_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_board_get_title (reloaded), ==, "Herzien actieplan");
  g_assert_cmpstr (kw_board_get_organisation (reloaded), ==, "Lindewoud");
  assert_findings_equal (board, reloaded);

  g_signal_handlers_disconnect_by_func (window, count_notify_cb, &notifies);
  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_save_conflict (void)
{
  g_autoptr(GFile) file = copy_example ("conflict.kwadrant");
  KwWindow *window = new_window_with_file (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) on_disk = NULL;
  AdwMessageDialog *dialog;

  /* Someone else saves the file meanwhile (the etag is the mtime, in
   * seconds: move it on to be sure it differs). */
  g_assert_true (g_file_replace_contents (file, "changed", 7, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GFileInfo) info = g_file_info_new ();
    g_autoptr(GDateTime) later = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) future = g_date_time_add_hours (later, 1);

    g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                      (guint64) g_date_time_to_unix (future));
    g_assert_true (g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, &error));
    g_assert_no_error (error);
  }

  kw_board_set_title (kw_window_get_board (window), "Mijn versie");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  g_assert_true (kw_window_get_modified (window));

  /* Cancel leaves the other version in place. */
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  kw_gui_test_close_dialog (dialog, "cancel");
  {
    g_autofree char *contents = NULL;

    g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (contents, ==, "changed");
  }

  /* Replace writes ours over it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  kw_gui_test_close_dialog (kw_gui_test_find_dialog (GTK_WINDOW (window)), "overwrite");
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_saved, window));
  on_disk = kw_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_board_get_title (on_disk), ==, "Mijn versie");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* A save that fails keeps the board open and modified, and offers Save As. */
static void
test_window_save_fails (void)
{
  g_autofree char *folder = tmp_path ("gone");
  g_autofree char *path = g_build_filename (folder, "board.kwadrant", NULL);
  g_autoptr(GFile) example = copy_example ("gone-source.kwadrant");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KwWindow *window;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_copy (example, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  window = new_window_with_file (file);

  /* The folder disappears, say a USB stick was pulled out. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  kw_board_set_title (kw_window_get_board (window), "Nergens");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));

  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not save “board.kwadrant”");
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (kw_window_get_modified (window));
  g_assert_true (g_file_equal (kw_window_get_file (window), file));
  kw_gui_test_close_dialog (dialog, "close");

  g_assert_true (kw_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• Nergens"));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_broken_file (void)
{
  g_autoptr(GFile) file = copy_example ("keep.kwadrant");
  g_autofree char *broken_path = tmp_path ("broken.kwadrant");
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GError) error = NULL;
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  AdwMessageDialog *dialog;

  g_file_set_contents (broken_path,
                       "<?xml version=\"1.0\"?>\n"
                       "<board xmlns=\"https://kwadrant.github.io/ns/board\" format-version=\"1\">\n"
                       "  <title>Half</title>\n"
                       "  <findings>\n",
                       -1, &error);
  g_assert_no_error (error);

  kw_window_load_file (window, broken);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));

  g_assert_true (kw_window_get_board (window) == board);
  g_assert_true (g_file_equal (kw_window_get_file (window), file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  /* Plain words first: no path, line or XML; those are behind Details. */
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not open “broken.kwadrant”");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "This file is not a Kwadrant board, or it is damaged. It was not opened.");
  g_assert_nonnull (kw_gui_test_dialog_get_details (dialog));
  g_assert_nonnull (strstr (kw_gui_test_dialog_get_details (dialog), broken_path));
  g_assert_nonnull (strstr (kw_gui_test_dialog_get_details (dialog), "broken.kwadrant:"));
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (adw_message_dialog_get_extra_child (dialog))));
  kw_gui_test_close_dialog (dialog, "close");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* A missing file and a folder get their own plain words. */
static void
test_window_missing_file (void)
{
  g_autofree char *missing_path = tmp_path ("weg.kwadrant");
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
  KwWindow *window = kw_gui_test_new_window (app);
  AdwMessageDialog *dialog;

  kw_window_load_file (window, missing);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "The file is not there any more"));
  g_assert_nonnull (strstr (kw_gui_test_dialog_get_details (dialog), missing_path));
  kw_gui_test_close_dialog (dialog, "close");

  kw_window_load_file (window, folder);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "This is a folder"));
  kw_gui_test_close_dialog (dialog, "close");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* GTK's file chooser puts what it opens among the recent files: one that
 * fails to open comes off again, so Recent never offers it. */
static void
test_window_failed_open_not_recent (void)
{
  g_autofree char *broken_path = tmp_path ("niet-recent.kwadrant");
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autofree char *uri = g_file_get_uri (broken);
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GError) error = NULL;
  KwWindow *window = kw_gui_test_new_window (app);
  /* As the chooser does, without waiting for its look at the file. */
  GtkRecentData data = {
    .mime_type = (char *) "application/octet-stream",
    .app_name = (char *) "test-window",
    .app_exec = (char *) "test-window %u",
  };

  g_file_set_contents (broken_path, "<?xml of <board", -1, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_recent_manager_add_full (manager, uri, &data));
  g_assert_true (gtk_recent_manager_has_item (manager, uri));

  kw_window_load_file (window, broken);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  g_assert_false (gtk_recent_manager_has_item (manager, uri));
  kw_gui_test_close_dialog (kw_gui_test_find_dialog (GTK_WINDOW (window)), "close");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static KwWindow *new_board_window (void);

/* A board still untitled at its first save takes the file's name, typed
 * over the chooser's suggestion with its extension: saved once as
 * "workshop-december.kwadrant", titled "workshop-december". */
static void
test_window_untitled_takes_file_name (void)
{
  KwWindow *window = new_board_window ();
  KwBoard *board = kw_window_get_board (window);
  g_autofree char *typed = tmp_path ("workshop-december.kwadrant.kwadrant");
  g_autofree char *saved_path = tmp_path ("workshop-december.kwadrant");
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(KwBoard) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  add_finding (board, "Wachttijd tonen", 7, 2);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Untitled board — Kwadrant");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_file_chooser_is_shown, NULL));
  chooser = kw_gui_test_find_file_chooser ();
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, chooser));
  gtk_file_chooser_set_current_name (chooser, typed);
  gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_saved, window));

  g_assert_true (g_file_equal (kw_window_get_file (window), saved));
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (kw_board_get_title (board), ==, "workshop-december");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "workshop-december — Kwadrant");
  reloaded = kw_format_load_file (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_board_get_title (reloaded), ==, "workshop-december");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_close_unsaved (void)
{
  g_autoptr(GFile) file = copy_example ("close.kwadrant");
  KwWindow *window = new_window_with_file (file);
  gpointer weak = window;
  AdwMessageDialog *dialog;
  g_autoptr(KwBoard) on_disk = NULL;
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  kw_board_set_facilitator (kw_window_get_board (window), "Sanne");

  /* Cancel keeps the window open. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  kw_gui_test_close_dialog (dialog, "cancel");
  drain_main_context ();
  g_assert_nonnull (weak);
  g_assert_true (kw_window_get_modified (window));

  /* Save saves, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  kw_gui_test_close_dialog (kw_gui_test_find_dialog (GTK_WINDOW (window)), "save");
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_pointer_is_null, &weak));

  on_disk = kw_format_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_board_get_facilitator (on_disk), ==, "Sanne");
}

static gboolean
record_iteration (gpointer data)
{
  return kw_gui_test_window_is_idle (data);
}

/* Loads a large board: every finding reaches the lists. The longest main
 * loop iteration (the time the window is frozen) is reported, not
 * asserted: speed is for the benchmarks, a loaded test machine is not. */
#define N_LARGE 5000

static void
test_window_large_board (void)
{
  g_autoptr(KwBoard) big = kw_board_new ();
  g_autofree char *path = tmp_path ("big.kwadrant");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KwWindow *window = kw_gui_test_new_window (app);
  gint64 longest = 0;
  gint64 started;

  kw_board_set_title (big, "Groot bord");
  for (guint i = 0; i < N_LARGE; i++)
    {
      g_autofree char *id = g_strdup_printf ("f-%05u", i);
      g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, id);

      kw_finding_place (finding, (i * 7 % 101) / 10.0, (i * 13 % 101) / 10.0);
      g_assert_true (kw_board_append_finding (big, finding));
    }
  g_assert_true (kw_format_save_file (big, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  started = g_get_monotonic_time ();
  kw_window_load_file (window, file);
  while (!record_iteration (window))
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, g_get_monotonic_time () - before);
      g_assert_cmpint (g_get_monotonic_time () - started, <, KW_GUI_TEST_WAIT_TIMEOUT_MS * 1000);
    }
  /* The first frame with the new list: layout and drawing. */
  for (guint i = 0; i < 20; i++)
    {
      gint64 before = g_get_monotonic_time ();

      if (!g_main_context_iteration (NULL, FALSE))
        break;
      longest = MAX (longest, g_get_monotonic_time () - before);
    }

  g_test_message ("%u findings: loaded in %.0f ms, longest main loop iteration %.0f ms",
                  N_LARGE, (g_get_monotonic_time () - started) / 1000.0, longest / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (kw_window_get_plan_model (window)), ==, N_LARGE + 1 + KW_N_OUTCOMES + 1);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}


/* Issue 3: the window around the matrix */

static KwWindow *
new_board_window (void)
{
  KwWindow *window = kw_gui_test_new_window (app);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-board", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  kw_gui_test_close_dialog (kw_gui_test_find_dialog (GTK_WINDOW (window)), "cancel");
  return window;
}

static guint
count_unplaced (KwBoard *board)
{
  guint counts[KW_N_OUTCOMES];

  kw_board_count_outcomes (board, counts);
  return counts[KW_OUTCOME_UNPLACED];
}

static KwFinding *
find_unplaced (KwBoard *board)
{
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);

      if (!kw_finding_get_placed (finding))
        return finding;
    }

  return NULL;
}

static GtkWidget *
panel_child (KwWindow   *window,
             const char *name)
{
  GtkWidget *panel = kw_window_get_details_panel (window);
  GObject *child = gtk_widget_get_template_child (panel, KW_TYPE_DETAILS_PANEL, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Header bar buttons show whether their action is enabled. */
static GtkWidget *
window_child (KwWindow   *window,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), KW_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
test_window_quick_add (void)
{
  KwWindow *window = new_board_window ();
  KwBoard *board = kw_window_get_board (window);
  KwHistory *history = kw_window_get_history (window);
  KwTray *tray = KW_TRAY (kw_window_get_tray (window));
  GtkEditable *entry = kw_tray_get_entry (tray);
  GListModel *unplaced = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (kw_tray_get_list (tray))));

  /* Ctrl+L goes to the entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.quick-add", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), GTK_WIDGET (entry)) ||
                 gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (entry));

  /* Enter adds one unplaced finding and empties the entry. */
  gtk_editable_set_text (entry, "  Wachtmuziek vervangen ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (board, 0)), ==, "Wachtmuziek vervangen");
  g_assert_false (kw_finding_get_placed (kw_board_get_finding (board, 0)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpstr (kw_history_get_undo_label (history), ==, "Add Finding");
  g_assert_true (kw_window_get_modified (window));

  /* An empty line adds nothing. */
  gtk_editable_set_text (entry, "   ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);

  /* A paste of several lines adds one finding per line, as one step. */
  gtk_editable_set_text (entry, "Eén\n\tTwee\n\nDrie\r\nVier\n");
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 5);
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (board, 2)), ==, "Twee");
  g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (board, 4)), ==, "Vier");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpstr (kw_history_get_undo_label (history), ==, "Add 4 Findings");

  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (unplaced), ==, 5);

  /* Undo through the window's action takes the four away at once. */
  g_assert_true (gtk_widget_get_sensitive (window_child (window, "undo_button")));
  g_assert_false (gtk_widget_get_sensitive (window_child (window, "redo_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 5);
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (unplaced), ==, 5);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Insert adds a finding at once: in the tray, selected, its title in the
 * details focused to be typed over; one undo takes it away again. */
static void
test_window_add_finding (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  KwBoard *board;
  KwFinding *added;
  GtkWidget *title_row;
  GtkWidget *focus;
  GtkSelectionModel *selection = kw_window_get_selection (window);

  /* From the welcome page it starts a board. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-finding", NULL);
  board = kw_window_get_board (window);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  added = kw_board_get_finding (board, 0);
  g_assert_cmpstr (kw_finding_get_title (added), ==, "New finding");
  g_assert_false (kw_finding_get_placed (added));
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_true (kw_details_panel_get_finding (KW_DETAILS_PANEL (kw_window_get_details_panel (window))) == added);
  g_assert_cmpstr (kw_history_get_undo_label (kw_window_get_history (window)), ==, "Add Finding");

  title_row = panel_child (window, "title_row");
  g_assert_true (gtk_widget_get_mapped (title_row) || gtk_widget_get_child_visible (title_row));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == title_row || gtk_widget_is_ancestor (focus, title_row));

  /* A second one goes after it and takes the selection. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-finding", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);
  g_assert_false (gtk_selection_model_is_selected (selection, 0));
  g_assert_true (gtk_selection_model_is_selected (selection, 1));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  g_assert_true (kw_board_get_finding (board, 0) == added);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_toast_undo_button (KwWindow *window)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");
  GtkWidget *toast;

  g_assert_true (toast_type != 0);
  toast = find_descendant (GTK_WIDGET (window), toast_type);

  return toast != NULL ? find_button_with_action (toast, "win.undo") : NULL;
}

/* A label with the text inside any toast under the widget: while one
 * toast replaces another, the overlay holds both for a moment. */
static GtkWidget *
find_label_in_toasts (GtkWidget  *widget,
                      GType       toast_type,
                      gboolean    in_toast,
                      const char *text)
{
  in_toast = in_toast || G_TYPE_CHECK_INSTANCE_TYPE (widget, toast_type);
  if (in_toast && GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_in_toasts (child, toast_type, in_toast, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_toast_label (KwWindow   *window,
                  const char *text)
{
  return find_label_in_toasts (GTK_WIDGET (window), g_type_from_name ("AdwToastWidget"), FALSE, text);
}

typedef struct
{
  KwWindow   *window;
  const char *text;
} ToastQuery;

static gboolean
toast_with_text_shown (gpointer data)
{
  ToastQuery *query = data;

  return find_toast_label (query->window, query->text) != NULL;
}

static void
assert_toast_shows (KwWindow   *window,
                    const char *text)
{
  ToastQuery query = { window, text };

  if (!kw_gui_test_wait_until (toast_with_text_shown, &query))
    g_error ("no toast says “%s”", text);
}

static gboolean
toast_shown (gpointer data)
{
  return find_toast_undo_button (data) != NULL;
}

static void
test_window_delete_and_undo (void)
{
  g_autoptr(GFile) file = copy_example ("delete.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  GtkSelectionModel *selection = kw_window_get_selection (window);
  guint n = kw_board_get_n_findings (board);
  g_autofree char *message = NULL;
  g_autofree char *first_id = g_strdup (kw_finding_get_id (kw_board_get_finding (board, 0)));

  /* Nothing selected: nothing to delete. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, n);

  /* One finding, from the matrix's Delete key. */
  kw_gui_test_select_finding (window, kw_board_get_finding (board, 0));
  message = g_strdup_printf ("Deleted “%s”", kw_finding_get_title (kw_board_get_finding (board, 0)));
  g_signal_emit_by_name (kw_window_get_matrix (window), "delete-requested");
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, n - 1);
  g_assert_null (kw_board_lookup_finding (board, first_id));
  g_assert_true (kw_gui_test_wait_until (toast_shown, window));
  assert_toast_shows (window, message);

  /* The toast's Undo brings it back, in its place. */
  g_signal_emit_by_name (find_toast_undo_button (window), "clicked");
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, n);
  g_assert_cmpstr (kw_finding_get_id (kw_board_get_finding (board, 0)), ==, first_id);

  /* Three at once are one step. */
  gtk_selection_model_select_range (selection, 2, 3, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, n - 3);
  g_assert_cmpstr (kw_history_get_undo_label (kw_window_get_history (window)), ==, "Delete 3 Findings");
  assert_toast_shows (window, "Deleted 3 findings");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, n);
  drain_main_context ();
  assert_plan_matches_board (kw_window_get_plan_model (window), board);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* The position of the finding's row in a list's model, or G_MAXUINT. */
static guint
find_row (GListModel *model,
          KwFinding  *finding)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      KwPlanItem *item = plan_item (model, i);

      if (kw_plan_item_get_kind (item) == KW_PLAN_ITEM_FINDING && kw_plan_item_get_finding (item) == finding)
        return i;
    }

  return G_MAXUINT;
}

static void
test_window_selection_sync (void)
{
  g_autoptr(GFile) file = copy_example ("selection.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  GtkSelectionModel *shared = kw_window_get_selection (window);
  GtkSelectionModel *lists = gtk_list_view_get_model (GTK_LIST_VIEW (kw_window_get_outcome_lists (window)));
  g_autoptr(GPtrArray) quick_wins = kw_board_collect_outcome (board, KW_OUTCOME_QUICK_WIN);
  g_autoptr(GPtrArray) long_term = kw_board_collect_outcome (board, KW_OUTCOME_LONG_TERM);
  KwFinding *a = quick_wins->pdata[0];
  KwFinding *b = long_term->pdata[0];
  guint row_a = find_row (G_LIST_MODEL (lists), a);
  guint row_b = find_row (G_LIST_MODEL (lists), b);
  guint pos_a, pos_b;
  g_autoptr(GtkBitset) selected = NULL;

  g_assert_true (kw_matrix_get_selection (KW_MATRIX (kw_window_get_matrix (window))) == shared);
  g_assert_cmpuint (row_a, !=, G_MAXUINT);
  g_assert_cmpuint (row_b, !=, G_MAXUINT);
  g_assert_true (kw_board_find_position (board, a, &pos_a));
  g_assert_true (kw_board_find_position (board, b, &pos_b));

  /* On the matrix (the shared selection), then in the list. */
  gtk_selection_model_select_item (shared, pos_a, TRUE);
  g_assert_true (gtk_selection_model_is_selected (lists, row_a));
  g_assert_false (gtk_selection_model_is_selected (lists, row_b));
  g_assert_true (kw_details_panel_get_finding (KW_DETAILS_PANEL (kw_window_get_details_panel (window))) == a);

  /* A plain click in the list selects that one, on the matrix too. */
  gtk_selection_model_select_item (lists, row_b, TRUE);
  g_assert_true (gtk_selection_model_is_selected (shared, pos_b));
  g_assert_false (gtk_selection_model_is_selected (shared, pos_a));
  g_assert_true (kw_details_panel_get_finding (KW_DETAILS_PANEL (kw_window_get_details_panel (window))) == b);

  /* Ctrl-click adds to it. */
  gtk_selection_model_select_item (lists, row_a, FALSE);
  selected = gtk_selection_model_get_selection (shared);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
  g_assert_true (gtk_bitset_contains (selected, pos_a));
  g_assert_true (gtk_bitset_contains (selected, pos_b));

  /* Headings cannot be selected. */
  g_assert_false (gtk_selection_model_is_selected (lists, 0));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_details_edits (void)
{
  g_autoptr(GFile) file = copy_example ("details.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  KwFinding *finding = kw_board_get_finding (board, 0);
  g_autofree char *old_title = g_strdup (kw_finding_get_title (finding));
  g_autofree char *old_board_title = g_strdup (kw_board_get_title (board));
  GtkEditable *title_row = GTK_EDITABLE (panel_child (window, "title_row"));
  GtkEditable *due_row = GTK_EDITABLE (panel_child (window, "due_row"));
  GtkEditable *tags_row = GTK_EDITABLE (panel_child (window, "tags_row"));
  GtkEditable *board_title_row = GTK_EDITABLE (panel_child (window, "board_title_row"));
  GtkDropDown *status = GTK_DROP_DOWN (panel_child (window, "status_dropdown"));
  GtkSpinButton *effort_line = GTK_SPIN_BUTTON (panel_child (window, "effort_line_spin"));
  GtkSpinButton *tiny_line = GTK_SPIN_BUTTON (panel_child (window, "tiny_line_spin"));
  KwThresholds thresholds;

  /* Enter on a finding opens the details with its fields. */
  g_signal_emit_by_name (kw_window_get_matrix (window), "finding-activated", finding);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (window_child (window, "details_revealer"))));
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, old_title);

  /* Typing edits the finding; a trailing space stays in the field. */
  gtk_editable_set_text (title_row, "Nieuwe titel ");
  g_assert_cmpstr (kw_finding_get_title (finding), ==, "Nieuwe titel");
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, "Nieuwe titel ");
  g_assert_true (kw_window_get_modified (window));

  /* Undo restores the model and the field. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (kw_finding_get_title (finding), ==, old_title);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, old_title);

  /* Dates: the hint's example is in the form the field shows (ISO in
   * English, 22-11-2026 in Dutch: test-text checks the Dutch form). */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (due_row)), ==, "Due date (e.g. 2026-11-22)");

  /* Dutch order is accepted too, nonsense is refused and marked. */
  gtk_editable_set_text (due_row, "31-12-2027");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "2027-12-31");
  {
    int position = (int) strlen (gtk_editable_get_text (due_row));

    /* One key too many makes it no date: the last good one stays. */
    gtk_editable_insert_text (due_row, "7", -1, &position);
  }
  g_assert_cmpstr (gtk_editable_get_text (due_row), ==, "31-12-20277");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "2027-12-31");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due_row), "error"));
  gtk_editable_set_text (due_row, "");
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (due_row), "error"));
  /* Undone, the date comes back in the field's own form (ISO here). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (kw_date_is_valid_iso (kw_finding_get_due_date (finding)));
  g_assert_cmpstr (gtk_editable_get_text (due_row), ==, kw_finding_get_due_date (finding));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (kw_finding_get_due_date (finding), ==, "");

  /* Tags apply as a list, on Enter. */
  gtk_editable_set_text (tags_row, "website,  app , ,website");
  g_assert_false (kw_finding_has_tag (finding, "app"));
  g_signal_emit_by_name (tags_row, "entry-activated");
  g_assert_true (kw_finding_has_tag (finding, "website"));
  g_assert_true (kw_finding_has_tag (finding, "app"));
  g_assert_cmpstr (kw_history_get_undo_label (kw_window_get_history (window)), ==, "Change Tags");

  {
    KwStatus old_status = kw_finding_get_status (finding);
    KwStatus new_status = old_status == KW_STATUS_DONE ? KW_STATUS_OPEN : KW_STATUS_DONE;

    g_assert_cmpint (gtk_drop_down_get_selected (status), ==, old_status);
    gtk_drop_down_set_selected (status, new_status);
    g_assert_cmpint (kw_finding_get_status (finding), ==, new_status);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpint (gtk_drop_down_get_selected (status), ==, old_status);
  }

  /* The board page edits the board and its lines. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.board-details", NULL);
  gtk_editable_set_text (board_title_row, "Actieplan 2028");
  g_assert_cmpstr (kw_board_get_title (board), ==, "Actieplan 2028");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Actieplan 2028 — Kwadrant");
  gtk_spin_button_set_value (effort_line, 6.5);
  kw_board_get_thresholds (board, &thresholds);
  g_assert_cmpfloat (thresholds.effort, ==, 6.5);
  g_assert_cmpstr (kw_history_get_undo_label (kw_window_get_history (window)), ==, "Move Threshold");

  /* A tiny-effort line right of the effort line is refused. */
  gtk_spin_button_set_value (tiny_line, 8.0);
  kw_board_get_thresholds (board, &thresholds);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 1.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (tiny_line), ==, 1.0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  kw_board_get_thresholds (board, &thresholds);
  g_assert_cmpfloat (thresholds.effort, ==, 5.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (effort_line), ==, 5.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (kw_board_get_title (board), ==, old_board_title);
  g_assert_cmpstr (gtk_editable_get_text (board_title_row), ==, old_board_title);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Keyboard alone: select an unplaced finding, type its impact and effort
 * in the details panel, and it is on the matrix. */
static void
test_window_keyboard_placement (void)
{
  g_autoptr(GFile) file = copy_example ("place.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  KwFinding *finding = find_unplaced (board);
  guint unplaced = count_unplaced (board);
  GtkSpinButton *impact = GTK_SPIN_BUTTON (panel_child (window, "impact_spin"));
  GtkSpinButton *effort = GTK_SPIN_BUTTON (panel_child (window, "effort_spin"));
  GtkSwitch *placed = GTK_SWITCH (panel_child (window, "placed_switch"));
  GListModel *tray = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (kw_tray_get_list (KW_TRAY (kw_window_get_tray (window))))));

  g_assert_nonnull (finding);
  g_assert_cmpuint (g_list_model_get_n_items (tray), ==, unplaced);

  g_signal_emit_by_name (kw_window_get_tray (window), "finding-activated", finding);
  g_assert_true (kw_details_panel_get_finding (KW_DETAILS_PANEL (kw_window_get_details_panel (window))) == finding);
  g_assert_false (gtk_switch_get_active (placed));
  g_assert_true (gtk_widget_has_focus (panel_child (window, "title_row")) ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), panel_child (window, "title_row")));

  gtk_spin_button_set_value (impact, 8.0);
  gtk_spin_button_set_value (effort, 2.5);
  g_assert_true (kw_finding_get_placed (finding));
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (finding), ==, 2.5);
  g_assert_cmpint (kw_board_classify_finding (board, finding), ==, KW_OUTCOME_QUICK_WIN);
  g_assert_true (gtk_switch_get_active (placed));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (panel_child (window, "outcome_label"))), ==, "Quick wins");
  g_assert_nonnull (kw_matrix_get_card (KW_MATRIX (kw_window_get_matrix (window)), finding));

  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (tray), ==, unplaced - 1);
  g_assert_cmpuint (find_row (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (kw_window_get_outcome_lists (window)))), finding), !=, G_MAXUINT);

  /* The switch takes it off again, and undo puts it back. */
  gtk_switch_set_active (placed, FALSE);
  g_assert_false (kw_finding_get_placed (finding));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (kw_finding_get_placed (finding));
  g_assert_cmpfloat (kw_finding_get_effort (finding), ==, 2.5);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
filter_dims (gpointer data)
{
  KwWindow *window = data;
  KwBoard *board = kw_window_get_board (window);

  return !gtk_filter_match (kw_window_get_filter (window), kw_board_get_finding (board, 0)) ||
         !gtk_filter_match (kw_window_get_filter (window), kw_board_get_finding (board, 1));
}

static void
test_window_search (void)
{
  g_autoptr(GFile) file = copy_example ("search.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  GtkFilter *filter = kw_window_get_filter (window);
  KwFinding *target = kw_board_get_finding (board, 1);
  GListModel *lists = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (kw_window_get_outcome_lists (window))));
  GtkEditable *search = GTK_EDITABLE (window_child (window, "search_entry"));
  GtkDropDown *tags = GTK_DROP_DOWN (window_child (window, "tag_dropdown"));
  guint n_rows = g_list_model_get_n_items (lists);
  guint matching = 0;

  g_assert_true (kw_matrix_get_filter (KW_MATRIX (kw_window_get_matrix (window))) == filter);
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    g_assert_true (gtk_filter_match (filter, kw_board_get_finding (board, i)));

  /* Ctrl+F opens the search; a unique word of one title, in other case. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (window_child (window, "search_bar"))));
  kw_finding_set_title (target, "Zeldzaam woord Xylofoon in de titel");
  gtk_editable_set_text (search, "XYLOFOON");
  g_assert_true (kw_gui_test_wait_until (filter_dims, window));

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);

      g_assert_cmpint (gtk_filter_match (filter, finding), ==, finding == target);
      matching += gtk_filter_match (filter, finding);
    }
  g_assert_cmpuint (matching, ==, 1);
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (lists), <, n_rows);

  /* The tag dropdown lists the board's tags after "All tags". */
  gtk_editable_set_text (search, "");
  kw_finding_set_tags (target, (const char * const[]) { "zzz-uniek", NULL });
  drain_main_context ();
  g_assert_true (kw_gui_test_wait_until ((KwGuiTestCondition) g_list_model_get_n_items,
                                         gtk_drop_down_get_model (tags)));
  {
    GListModel *model = gtk_drop_down_get_model (tags);
    guint last = g_list_model_get_n_items (model) - 1;

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "All tags");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), last), ==, "zzz-uniek");
    gtk_drop_down_set_selected (tags, last);
  }
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    g_assert_cmpint (gtk_filter_match (filter, kw_board_get_finding (board, i)), ==,
                     kw_board_get_finding (board, i) == target);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_window_presentation (void)
{
  g_autoptr(GFile) file = copy_example ("present.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (window));
  GtkWidget *tray = kw_window_get_tray (window);
  gboolean presenting;

  g_assert_false (kw_matrix_get_presentation (matrix));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_object_get (window, "presenting", &presenting, NULL);
  g_assert_true (presenting);
  g_assert_true (kw_matrix_get_presentation (matrix));
  g_assert_false (gtk_widget_is_visible (tray));
  g_assert_false (gtk_widget_is_visible (window_child (window, "header_bar")));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (matrix)));
  /* Presenting selects nothing on its own: the room sees no highlight. */
  g_assert_true (gtk_bitset_is_empty (gtk_selection_model_get_selection (kw_window_get_selection (window))));

  /* Esc leaves it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL);
  g_object_get (window, "presenting", &presenting, NULL);
  g_assert_false (presenting);
  g_assert_false (kw_matrix_get_presentation (matrix));
  g_assert_true (gtk_widget_is_visible (tray));
  g_assert_true (gtk_widget_is_visible (window_child (window, "header_bar")));

  /* A selected finding keeps the selection and takes the focus. */
  gtk_selection_model_select_item (kw_window_get_selection (window), 3, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (kw_window_get_selection (window));
    g_autoptr(KwFinding) finding = g_list_model_get_item (G_LIST_MODEL (kw_window_get_selection (window)), 3);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    g_assert_true (gtk_bitset_contains (selected, 3));
    g_assert_true (focus != NULL && focus == kw_matrix_get_card (matrix, finding));
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL);

  /* The display options reach the matrix. */
  g_assert_cmpint (kw_matrix_get_style (matrix), ==, KW_MATRIX_STYLE_AUTO);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.matrix-labels", "s", "numbers");
  g_assert_cmpint (kw_matrix_get_style (matrix), ==, KW_MATRIX_STYLE_DOTS);
  /* Snap to Grid is on from the start (the README says why). */
  g_assert_true (kw_matrix_get_snap (matrix));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.snap", NULL);
  g_assert_false (kw_matrix_get_snap (matrix));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.snap", NULL);
  g_assert_true (kw_matrix_get_snap (matrix));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.matrix-labels", "s", "titles");
  g_assert_cmpint (kw_matrix_get_style (matrix), ==, KW_MATRIX_STYLE_CARDS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.matrix-labels", "s", "automatic");
  g_assert_cmpint (kw_matrix_get_style (matrix), ==, KW_MATRIX_STYLE_AUTO);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The Save As chooser looks for volumes; GVfs's remote monitors are
   * not there under the test's bus and warn, and warnings are fatal. */
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);
  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-window-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.WindowTest");

  g_test_add_func ("/plan/row-text", test_plan_row_text);
  g_test_add_func ("/plan/row-overdue", test_plan_row_overdue);
  g_test_add_func ("/window/blank", test_window_blank);
  g_test_add_func ("/window/new-board", test_window_new_board);
  g_test_add_func ("/window/welcome-has-no-board-actions", test_window_welcome_has_no_board_actions);
  g_test_add_func ("/window/load-example", test_window_load_example);
  g_test_add_func ("/window/keyboard", test_window_keyboard);
  g_test_add_func ("/window/modify-and-save", test_window_modify_and_save);
  g_test_add_func ("/window/save-conflict", test_window_save_conflict);
  g_test_add_func ("/window/save-fails", test_window_save_fails);
  g_test_add_func ("/window/broken-file", test_window_broken_file);
  g_test_add_func ("/window/missing-file", test_window_missing_file);
  g_test_add_func ("/window/failed-open-not-recent", test_window_failed_open_not_recent);
  g_test_add_func ("/window/close-unsaved", test_window_close_unsaved);
  g_test_add_func ("/window/untitled-takes-file-name", test_window_untitled_takes_file_name);
  g_test_add_func ("/window/quick-add", test_window_quick_add);
  g_test_add_func ("/window/add-finding", test_window_add_finding);
  g_test_add_func ("/window/delete-and-undo", test_window_delete_and_undo);
  g_test_add_func ("/window/selection-sync", test_window_selection_sync);
  g_test_add_func ("/window/details-edits", test_window_details_edits);
  g_test_add_func ("/window/keyboard-placement", test_window_keyboard_placement);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/presentation", test_window_presentation);
  g_test_add_func ("/window/large-board", test_window_large_board);

  status = g_test_run ();

  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
