/* test-import-dialog.c: the import preview as the window opens it, from
 * rows pasted into the quick-add entry and from a CSV file, under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kw-import-dialog.h"
#include "kw-tray.h"
#include "kw-window.h"
#include "kw-gui-test.h"

static GtkApplication *app;
static char *tmp_dir;

/* Helpers */

/* The visible import preview over parent, or NULL. */
static KwImportDialog *
find_preview (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (KW_IS_IMPORT_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return KW_IMPORT_DIALOG (window);
    }

  return NULL;
}

static gboolean
preview_is_shown (gpointer parent)
{
  return find_preview (parent) != NULL;
}

static gboolean
preview_is_gone (gpointer parent)
{
  return find_preview (parent) == NULL;
}

typedef struct
{
  GtkEditable *entry;
  const char  *text;
} EntryText;

static gboolean
entry_has_text (gpointer data)
{
  EntryText *wanted = data;

  return g_str_equal (gtk_editable_get_text (wanted->entry), wanted->text);
}

/* What Ctrl+V in the quick-add entry does: the key is bound to the
 * entry's text's "paste-clipboard" signal. */
static void
paste_into_quick_add (KwWindow   *window,
                      const char *clipboard_text)
{
  GtkEditable *entry = kw_tray_get_entry (KW_TRAY (kw_window_get_tray (window)));
  GtkEditable *text = gtk_editable_get_delegate (entry);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (entry)), clipboard_text);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_signal_emit_by_name (text, "paste-clipboard");
}

static KwFinding *
finding_titled (KwBoard    *board,
                const char *title)
{
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);

      if (g_str_equal (kw_finding_get_title (finding), title))
        return finding;
    }

  return NULL;
}

/* The drop-downs that say what each column holds, in column order. */
static void
collect_dropdowns (GtkWidget *widget,
                   GPtrArray *dropdowns)
{
  if (GTK_IS_DROP_DOWN (widget))
    g_ptr_array_add (dropdowns, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_dropdowns (child, dropdowns);
}

/* Tests */

/* The row that used to become the title "Title 7 2": a preview first,
 * nothing on the board until Enter, then "Title" at 7/2 in one undo step. */
static void
test_paste_row (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  KwBoard *board = kw_window_get_board (window);
  KwImportDialog *preview;
  KwImport *import;
  KwFinding *finding;

  paste_into_quick_add (window, "Title\t7\t2");
  g_assert_true (kw_gui_test_wait_until (preview_is_shown, window));

  preview = find_preview (GTK_WINDOW (window));
  import = kw_import_dialog_get_import (preview);
  g_assert_cmpuint (kw_import_count (import, KW_IMPORT_ROW_NEW), ==, 1);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (kw_tray_get_entry (KW_TRAY (kw_window_get_tray (window)))), ==, "");

  /* Enter: the preview's default response. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "default.activate", NULL));
  g_assert_true (kw_gui_test_wait_until (preview_is_gone, window));

  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  finding = finding_titled (board, "Title");
  g_assert_nonnull (finding);
  g_assert_true (kw_finding_get_placed (finding));
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, 7);
  g_assert_cmpfloat (kw_finding_get_effort (finding), ==, 2);

  g_assert_true (kw_history_undo (kw_window_get_history (window)));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 0);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Several rows with a header; Escape closes the preview and nothing changes. */
static void
test_paste_cancel (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  KwBoard *board = kw_window_get_board (window);
  KwImportDialog *preview;
  KwImport *import;

  paste_into_quick_add (window,
                        "Titel\tImpact\tInspanning\n"
                        "Wachttijd tonen op website\t7\t2\n"
                        "Terugbellen\t11\t6\n");
  g_assert_true (kw_gui_test_wait_until (preview_is_shown, window));

  preview = find_preview (GTK_WINDOW (window));
  import = kw_import_dialog_get_import (preview);
  g_assert_true (kw_import_has_header (import));
  g_assert_cmpuint (kw_import_count (import, KW_IMPORT_ROW_NEW), ==, 1);
  g_assert_cmpuint (kw_import_count (import, KW_IMPORT_ROW_ERROR), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "window.close", NULL));
  g_assert_true (kw_gui_test_wait_until (preview_is_gone, window));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 0);
  g_assert_false (kw_history_get_can_undo (kw_window_get_history (window)));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Text without tabs pastes into the entry as before. */
static void
test_paste_plain_text (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  EntryText wanted = { kw_tray_get_entry (KW_TRAY (kw_window_get_tray (window))), "Gewoon een titel" };

  paste_into_quick_add (window, "Gewoon een titel");
  g_assert_true (kw_gui_test_wait_until (entry_has_text, &wanted));
  g_assert_null (find_preview (GTK_WINDOW (window)));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Without a header row the user says what a column holds: the preview
 * follows each choice, and the import uses it. */
static void
test_choose_columns (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  KwBoard *board = kw_window_get_board (window);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  KwImportDialog *preview;
  KwImport *import;
  KwFinding *finding;

  paste_into_quick_add (window, "Piet\tWachttijd tonen\t7\t2\nSanne\tTerugbellen\t8\t6\n");
  g_assert_true (kw_gui_test_wait_until (preview_is_shown, window));
  preview = find_preview (GTK_WINDOW (window));
  import = kw_import_dialog_get_import (preview);
  g_assert_false (kw_import_has_header (import));
  g_assert_cmpint (kw_import_get_column (import, 0), ==, KW_CSV_COLUMN_TITLE);

  collect_dropdowns (GTK_WIDGET (preview), dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 4);

  /* "Title" is the list's second choice, "Owner" its fifth. */
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 1), 1);
  g_assert_cmpint (kw_import_get_column (import, 1), ==, KW_CSV_COLUMN_TITLE);
  g_assert_cmpint (kw_import_get_column (import, 0), ==, KW_CSV_COLUMN_IGNORED);
  /* The other drop-down shows that its column is left out now. */
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (dropdowns, 0)), ==, 0);
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 0), 4);
  g_assert_cmpint (kw_import_get_column (import, 0), ==, KW_CSV_COLUMN_OWNER);

  gtk_widget_activate_action (GTK_WIDGET (preview), "default.activate", NULL);
  g_assert_true (kw_gui_test_wait_until (preview_is_gone, window));
  finding = finding_titled (board, "Wachttijd tonen");
  g_assert_nonnull (finding);
  g_assert_cmpstr (kw_finding_get_owner (finding), ==, "Piet");
  g_assert_cmpfloat (kw_finding_get_impact (finding), ==, 7);
  g_assert_nonnull (finding_titled (board, "Terugbellen"));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* A CSV file through the same preview; importing it again updates. */
static void
test_import_file (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  KwBoard *board = kw_window_get_board (window);
  g_autofree char *path = g_build_filename (tmp_dir, "bevindingen.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KwImportDialog *preview;

  g_file_set_contents (path, "titel;impact;inspanning;eigenaar\nWachttijd tonen;7;2;Sanne\nTerugbellen;8;6;\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (kw_window_file_is_import (file));

  kw_window_import_file (window, file);
  g_assert_true (kw_gui_test_wait_until (preview_is_shown, window));
  preview = find_preview (GTK_WINDOW (window));
  g_assert_cmpuint (kw_import_count (kw_import_dialog_get_import (preview), KW_IMPORT_ROW_NEW), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (preview), "default.activate", NULL);
  g_assert_true (kw_gui_test_wait_until (preview_is_gone, window));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);

  g_file_set_contents (path, "titel;impact;inspanning;eigenaar\nWachttijd tonen;7;2;Sanne\nTerugbellen;8;6;Piet\n", -1, &error);
  g_assert_no_error (error);
  kw_window_import_file (window, file);
  g_assert_true (kw_gui_test_wait_until (preview_is_shown, window));
  preview = find_preview (GTK_WINDOW (window));
  g_assert_cmpuint (kw_import_count (kw_import_dialog_get_import (preview), KW_IMPORT_ROW_NEW), ==, 0);
  g_assert_cmpuint (kw_import_count (kw_import_dialog_get_import (preview), KW_IMPORT_ROW_UPDATE), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (preview), "default.activate", NULL);
  g_assert_true (kw_gui_test_wait_until (preview_is_gone, window));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);
  g_assert_cmpstr (kw_finding_get_owner (finding_titled (board, "Terugbellen")), ==, "Piet");

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* The window's file drop target, as GTK hands it a drop. */
static GtkDropTarget *
window_drop_target (KwWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) &&
          g_type_is_a (GDK_TYPE_FILE_LIST, gdk_content_formats_get_gtypes (
                         gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), NULL)[0]))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* A .csv dropped on the window (from a file manager, a mail) opens the
 * preview; nothing changes until it is confirmed. */
static void
test_drop_file (void)
{
  KwWindow *window = kw_gui_test_new_window (app);
  KwBoard *board = kw_window_get_board (window);
  g_autofree char *path = g_build_filename (tmp_dir, "gesleept.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkDropTarget *target = window_drop_target (window);
  GSList files = { file, NULL };
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  KwImportDialog *preview;

  g_assert_nonnull (target);
  g_file_set_contents (path, "Title\tImpact\tEffort\nQueue message on the website\t7\t2\n", -1, &error);
  g_assert_no_error (error);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (&files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  g_assert_true (kw_gui_test_wait_until (preview_is_shown, window));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 0);
  preview = find_preview (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (preview), "default.activate", NULL);
  g_assert_true (kw_gui_test_wait_until (preview_is_gone, window));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 1);
  g_assert_nonnull (finding_titled (board, "Queue message on the website"));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-import-dialog-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.ImportDialogTest");

  g_test_add_func ("/import-dialog/paste-row", test_paste_row);
  g_test_add_func ("/import-dialog/paste-cancel", test_paste_cancel);
  g_test_add_func ("/import-dialog/paste-plain-text", test_paste_plain_text);
  g_test_add_func ("/import-dialog/choose-columns", test_choose_columns);
  g_test_add_func ("/import-dialog/import-file", test_import_file);
  g_test_add_func ("/import-dialog/drop-file", test_drop_file);

  status = g_test_run ();

  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
