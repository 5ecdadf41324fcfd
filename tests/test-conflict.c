/* test-conflict.c: a board whose file someone else changes while it is
 * open, and a board from a newer format that opens read-only. The other
 * writer is a real second process (sh), as a colleague on a shared drive
 * would be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "kw-details-panel.h"
#include "kw-export-dialog.h"
#include "kw-format.h"
#include "kw-matrix-private.h"
#include "kw-tray.h"
#include "kw-window.h"
#include "kw-gui-test.h"


static GtkApplication *app;
static char *tmp_dir;

/* The window's parts, found by their template ids */

static GtkInfoBar *
get_file_bar (KwWindow *window)
{
  return GTK_INFO_BAR (gtk_widget_get_template_child (GTK_WIDGET (window), KW_TYPE_WINDOW, "file_bar"));
}

static GtkWidget *
get_window_child (KwWindow   *window,
                  const char *id)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KW_TYPE_WINDOW, id));

  g_assert_nonnull (child);
  return child;
}

static gboolean
file_bar_is_shown (gpointer data)
{
  return gtk_info_bar_get_revealed (get_file_bar (data));
}

static gboolean
file_bar_is_hidden (gpointer data)
{
  return !gtk_info_bar_get_revealed (get_file_bar (data));
}

static const char *
file_bar_text (KwWindow *window)
{
  return gtk_label_get_text (GTK_LABEL (get_window_child (window, "file_bar_label")));
}

/* Files and processes */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("KW_SOURCE_DIR"), "data", "examples", "klantcontact-nl.kwadrant", NULL);
}

static GFile *
copy_example (const char *name)
{
  g_autofree char *source = example_path ();
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

static char *
read_file (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&contents);
}

/* Another process runs the command; $1 is the board's path. */
static void
run_other_process (const char *script,
                   GFile      *file)
{
  const char *argv[] = { "/bin/sh", "-c", script, "other-writer", g_file_peek_path (file), NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("The other writer failed: %s\n%s", error->message, err);
}

/* A colleague saves the board with another title, the way many editors
 * do: a new file moved over the old one. */
static void
other_process_retitles (GFile      *file,
                        const char *title)
{
  g_autofree char *script = g_strdup_printf ("sed 's|<title>Klantcontact 2027[^<]*</title>|<title>%s</title>|' \"$1\" > \"$1.tmp\" && mv \"$1.tmp\" \"$1\"",
                                             title);

  run_other_process (script, file);
}

static KwWindow *
new_window_with_file (GFile *file)
{
  KwWindow *window = kw_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, window));

  kw_window_load_file (window, file);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));
  /* Let the watch take its first look. */
  kw_gui_test_spin_for (300);

  return window;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* Waits for the bar (the file watch's event reaching the window) and
 * returns how long it took: a figure to report, not a verdict, since on
 * a busy machine the event waits for the scheduler. The wait itself
 * fails only if the bar never comes. */
static gint64
wait_for_file_bar (KwWindow *window,
                   gint64    since)
{
  g_assert_true (kw_gui_test_wait_until (file_bar_is_shown, window));

  return g_get_monotonic_time () - since;
}

/* Tests */

static void
test_changed_and_reload (void)
{
  g_autoptr(GFile) file = copy_example ("reload.kwadrant");
  KwWindow *window = new_window_with_file (file);
  GtkInfoBar *bar = get_file_bar (window);
  gint64 took;

  g_assert_false (gtk_info_bar_get_revealed (bar));

  other_process_retitles (file, "Versie van Sanne");
  took = wait_for_file_bar (window, g_get_monotonic_time ());
  g_test_message ("The bar showed %.2f s after the other save", took / (double) G_USEC_PER_SEC);

  g_assert_cmpstr (file_bar_text (window), ==, "“reload.kwadrant” was changed by someone else.");
  g_assert_true (gtk_widget_get_visible (get_window_child (window, "reload_button")));
  g_assert_true (gtk_widget_get_visible (get_window_child (window, "keep_button")));
  g_assert_false (gtk_widget_get_visible (get_window_child (window, "file_save_button")));
  /* A screen reader hears it as an alert; the buttons take the focus. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bar)), ==, GTK_ACCESSIBLE_ROLE_ALERT);
  g_assert_true (gtk_widget_grab_focus (get_window_child (window, "reload_button")));

  /* Nothing unsaved: Reload reads the other version at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_cmpstr (kw_board_get_title (kw_window_get_board (window)), ==, "Versie van Sanne");
  g_assert_false (kw_window_get_modified (window));
  g_assert_true (kw_gui_test_wait_until (file_bar_is_hidden, window));

  /* And a second change by the colleague is noticed again. */
  other_process_retitles (file, "Nog een versie");
  wait_for_file_bar (window, g_get_monotonic_time ());

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_reload_asks_first (void)
{
  g_autoptr(GFile) file = copy_example ("reload-ask.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  AdwMessageDialog *dialog;

  kw_board_set_title (board, "Mijn wijziging");
  other_process_retitles (file, "Hun wijziging");
  wait_for_file_bar (window, g_get_monotonic_time ());

  /* Unsaved changes: Reload asks, Cancel keeps them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reload “reload-ask.kwadrant”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "reload"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  kw_gui_test_close_dialog (dialog, "cancel");
  g_assert_true (kw_window_get_board (window) == board);
  g_assert_cmpstr (kw_board_get_title (board), ==, "Mijn wijziging");
  g_assert_true (kw_window_get_modified (window));

  /* Reload: theirs replaces ours. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  kw_gui_test_close_dialog (kw_gui_test_find_dialog (GTK_WINDOW (window)), "reload");
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_saved, window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  g_assert_cmpstr (kw_board_get_title (kw_window_get_board (window)), ==, "Hun wijziging");
  g_assert_true (kw_gui_test_wait_until (file_bar_is_hidden, window));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_keep_mine_then_save (void)
{
  g_autoptr(GFile) file = copy_example ("keep-mine.kwadrant");
  KwWindow *window = new_window_with_file (file);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  kw_board_set_title (kw_window_get_board (window), "Mijn versie");
  other_process_retitles (file, "Hun versie");
  wait_for_file_bar (window, g_get_monotonic_time ());
  theirs = read_file (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_false (gtk_info_bar_get_revealed (get_file_bar (window)));
  g_assert_cmpstr (kw_board_get_title (kw_window_get_board (window)), ==, "Mijn versie");

  /* Focus coming back does not raise it again for the same change. */
  kw_gui_test_spin_for (500);
  g_assert_false (gtk_info_bar_get_revealed (get_file_bar (window)));

  /* Save never silently overwrites: it asks, and Cancel leaves theirs. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  kw_gui_test_close_dialog (dialog, "cancel");
  kw_gui_test_spin_for (300);
  after = read_file (file);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (kw_window_get_modified (window));

  /* Replace writes ours, and the bar has nothing more to say. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  kw_gui_test_close_dialog (kw_gui_test_find_dialog (GTK_WINDOW (window)), "overwrite");
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_saved, window));
  kw_gui_test_spin_for (500);
  g_assert_false (gtk_info_bar_get_revealed (get_file_bar (window)));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KwBoard) on_disk = kw_format_load_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kw_board_get_title (on_disk), ==, "Mijn versie");
  }

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_own_save_is_quiet (void)
{
  g_autoptr(GFile) file = copy_example ("own-save.kwadrant");
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  guint shown = 0;

  g_signal_connect (get_file_bar (window), "notify::revealed", G_CALLBACK (count_cb), &shown);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Opgeslagen %u", i);

      kw_board_set_title (board, title);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_saved, window));
      g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));
    }

  /* Long enough for every event of those saves to arrive and be checked. */
  kw_gui_test_spin_for (1500);
  g_assert_cmpuint (shown, ==, 0);
  g_assert_false (gtk_info_bar_get_revealed (get_file_bar (window)));

  g_signal_handlers_disconnect_by_func (get_file_bar (window), count_cb, &shown);
  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_deleted (void)
{
  g_autoptr(GFile) file = copy_example ("deleted.kwadrant");
  KwWindow *window = new_window_with_file (file);
  gint64 took;

  run_other_process ("rm -- \"$1\"", file);
  took = wait_for_file_bar (window, g_get_monotonic_time ());
  g_test_message ("The bar showed %.2f s after the file was deleted", took / (double) G_USEC_PER_SEC);
  g_assert_cmpstr (file_bar_text (window), ==, "“deleted.kwadrant” was deleted or moved. Save to keep your version.");
  g_assert_false (gtk_widget_get_visible (get_window_child (window, "reload_button")));
  g_assert_true (gtk_widget_get_visible (get_window_child (window, "file_save_button")));
  g_assert_true (gtk_widget_get_visible (get_window_child (window, "file_save_as_button")));

  /* Save puts our version back where it was; the bar goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (kw_gui_test_wait_until (file_bar_is_hidden, window));
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* A board from a newer format */

static GFile *
write_newer_board (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path,
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<board xmlns=\"https://kwadrant.github.io/ns/board\" format-version=\"4\">\n"
                       "  <title>Bord uit de toekomst</title>\n"
                       "  <colour-scheme name=\"pastel\"/>\n"
                       "  <thresholds impact=\"5.0\" effort=\"5.0\" tiny-effort=\"1.0\"/>\n"
                       "  <findings>\n"
                       "    <finding id=\"a\" created=\"2030-01-02T09:00:00Z\" modified=\"2030-01-02T09:00:00Z\"\n"
                       "             priority=\"high\">\n"
                       "      <title>Wachtrij korter</title>\n"
                       "      <position impact=\"8.0\" effort=\"2.0\"/>\n"
                       "    </finding>\n"
                       "    <finding id=\"b\" created=\"2030-01-02T09:00:00Z\" modified=\"2030-01-02T09:00:00Z\">\n"
                       "      <title>Nog niet geplaatst</title>\n"
                       "    </finding>\n"
                       "  </findings>\n"
                       "</board>\n",
                       -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static gboolean
export_dialog_is_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (KW_IS_EXPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return TRUE;
    }

  return FALSE;
}

static void
destroy_export_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (KW_IS_EXPORT_DIALOG (l->data))
        gtk_window_destroy (l->data);
    }
}

static void
test_read_only (void)
{
  g_autoptr(GFile) file = write_newer_board ("newer.kwadrant");
  g_autofree char *before = read_file (file);
  KwWindow *window = new_window_with_file (file);
  KwBoard *board = kw_window_get_board (window);
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (window));
  KwTray *tray = KW_TRAY (kw_window_get_tray (window));
  KwDetailsPanel *details = KW_DETAILS_PANEL (kw_window_get_details_panel (window));
  KwFinding *placed, *unplaced;
  GtkWidget *card, *title_row;
  double x, y;

  g_assert_true (kw_board_is_from_newer_format (board));
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);
  placed = kw_board_lookup_finding (board, "a");
  unplaced = kw_board_lookup_finding (board, "b");

  /* The explanation shows, to eyes and to screen readers. */
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (get_window_child (window, "read_only_bar"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_window_child (window, "read_only_label"))), ==,
                   "This board was made with a newer version of Kwadrant. You can look at it, export and "
                   "print it, but not change it here.");

  /* Nothing edits: the parts say so... */
  g_assert_false (kw_matrix_get_editable (matrix));
  g_assert_false (kw_tray_get_editable (tray));
  g_assert_false (kw_details_panel_get_editable (details));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (kw_tray_get_entry (tray))));
  g_assert_cmpuint (kw_tray_add_findings (tray, "Toegevoegd"), ==, 0);

  /* ...a drag of the card leaves it where it was... */
  kw_gui_test_spin_for (200);
  card = kw_matrix_get_card (matrix, placed);
  g_assert_nonnull (card);
  kw_matrix_score_to_point (matrix, 8.0, 2.0, &x, &y);
  kw_matrix_pointer_press (matrix, x, y, 0);
  kw_matrix_pointer_motion (matrix, 60, 80);
  g_assert_null (kw_matrix_get_drag_badge_text (matrix));
  kw_matrix_pointer_release (matrix, 120, 160);
  g_assert_cmpfloat (kw_finding_get_impact (placed), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (placed), ==, 2.0);
  /* ...though the press still selected it. */
  g_assert_true (gtk_selection_model_is_selected (kw_window_get_selection (window), 0));

  /* ...the lines stay put... */
  {
    KwThresholds before_lines, after_lines;

    kw_board_get_thresholds (board, &before_lines);
    kw_matrix_score_to_point (matrix, before_lines.impact, 7.0, &x, &y);
    kw_matrix_pointer_press (matrix, x, y, 0);
    kw_matrix_pointer_motion (matrix, 0, -90);
    kw_matrix_pointer_release (matrix, 0, -90);
    kw_board_get_thresholds (board, &after_lines);
    g_assert_cmpfloat (after_lines.impact, ==, before_lines.impact);
  }

  /* ...while a rubber band still selects, which changes nothing... */
  gtk_selection_model_unselect_all (kw_window_get_selection (window));
  kw_matrix_score_to_point (matrix, 9.5, 0.5, &x, &y);
  kw_matrix_pointer_press (matrix, x, y, 0);
  {
    double x2, y2;

    kw_matrix_score_to_point (matrix, 6.5, 4.0, &x2, &y2);
    kw_matrix_pointer_motion (matrix, x2 - x, y2 - y);
    kw_matrix_pointer_release (matrix, x2 - x, y2 - y);
  }
  g_assert_true (gtk_selection_model_is_selected (kw_window_get_selection (window), 0));

  /* ...an arrow key is refused, not passed on... */
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Up, 0));
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpfloat (kw_finding_get_impact (placed), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (placed), ==, 2.0);

  /* ...so is Delete, by key and by action, and so are undo and adding. */
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Delete, 0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-finding", NULL);
  kw_gui_test_spin_for (100);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 2);
  g_assert_false (gtk_widget_get_sensitive (get_window_child (window, "undo_button")));
  g_assert_false (gtk_widget_get_sensitive (get_window_child (window, "redo_button")));

  /* The details show the finding, read-only. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-details", NULL);
  kw_details_panel_set_finding (details, placed);
  title_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (details), KW_TYPE_DETAILS_PANEL, "title_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Wachtrij korter");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (title_row)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (details), KW_TYPE_DETAILS_PANEL, "impact_spin"))));
  /* Even a change that gets through to the field goes nowhere. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Overschreven");
  g_assert_cmpstr (kw_finding_get_title (placed), ==, "Wachtrij korter");
  g_assert_false (kw_finding_get_placed (unplaced));
  g_assert_false (kw_window_get_modified (window));

  /* Save and Save As do nothing; the file is as it was. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  kw_gui_test_spin_for (500);
  {
    g_autofree char *after = read_file (file);

    g_assert_cmpstr (after, ==, before);
  }

  /* Export (and print) still work. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  g_assert_true (kw_gui_test_wait_until (export_dialog_is_shown, NULL));
  destroy_export_dialogs ();

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Loading a board of the current format afterwards makes it editable again. */
static void
test_read_only_then_normal (void)
{
  g_autoptr(GFile) newer = write_newer_board ("newer-first.kwadrant");
  g_autoptr(GFile) normal = copy_example ("normal-after.kwadrant");
  KwWindow *window = new_window_with_file (newer);
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (window));

  g_assert_false (kw_matrix_get_editable (matrix));

  kw_window_load_file (window, normal);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  g_assert_true (kw_matrix_get_editable (matrix));
  g_assert_true (kw_tray_get_editable (KW_TRAY (kw_window_get_tray (window))));
  g_assert_true (kw_details_panel_get_editable (KW_DETAILS_PANEL (kw_window_get_details_panel (window))));
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (get_window_child (window, "read_only_bar"))));
  g_assert_cmpuint (kw_tray_add_findings (KW_TRAY (kw_window_get_tray (window)), "Nieuw"), ==, 1);

  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-conflict-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.ConflictTest");

  g_test_add_func ("/conflict/changed-and-reload", test_changed_and_reload);
  g_test_add_func ("/conflict/reload-asks-first", test_reload_asks_first);
  g_test_add_func ("/conflict/keep-mine-then-save", test_keep_mine_then_save);
  g_test_add_func ("/conflict/own-save-is-quiet", test_own_save_is_quiet);
  g_test_add_func ("/conflict/deleted", test_deleted);
  g_test_add_func ("/read-only/newer-format", test_read_only);
  g_test_add_func ("/read-only/then-normal", test_read_only_then_normal);

  status = g_test_run ();

  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
