/* test-snapshots-ui.c: the board's snapshots in the window. Take
 * Snapshot asks a name (the default one ready) and a note and is undone
 * by Undo; the list of snapshots renames and deletes, both undoable, and
 * refuses a name another snapshot has; comparing with a snapshot lists
 * KwChanges' changes beside the matrix, follows the board (once per burst
 * of edits), selects a change's finding, and leaves with Escape or when
 * its snapshot goes; the presentation steps through the snapshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "kw-changes-panel.h"
#include "kw-format.h"
#include "kw-gui-test.h"
#include "kw-matrix.h"
#include "kw-matrix-card.h"
#include "kw-matrix-private.h"
#include "kw-snapshot-dialog.h"
#include "kw-snapshots-dialog.h"
#include "kw-window.h"

static GtkApplication *app;
static char *tmp_dir;

typedef struct
{
  KwWindow   *window;
  KwBoard    *board;
  KwHistory  *history;
  KwFinding  *findings[3];
  char       *response;
  guint       n_changes_notified;
} Fixture;

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
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
snapshots_dialog_is_shown (gpointer data)
{
  return find_toplevel (KW_TYPE_SNAPSHOTS_DIALOG) != NULL;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Fixture          *fixture)
{
  g_free (fixture->response);
  fixture->response = g_strdup (response);
}

static gboolean
has_response (gpointer data)
{
  return ((Fixture *) data)->response != NULL;
}

static void
place (Fixture *fixture,
       guint    i,
       double   impact,
       double   effort)
{
  kw_history_place (fixture->history, fixture->findings[i], impact, effort);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const titles[] = { "Terugbellen", "Kennisbank", "Wachtmuziek" };

  fixture->window = kw_gui_test_new_window (app);
  /* Insert starts a board, as a person would. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-finding", NULL));
  fixture->board = kw_window_get_board (fixture->window);
  fixture->history = kw_window_get_history (fixture->window);
  {
    g_autoptr(KwFinding) added = g_list_model_get_item (G_LIST_MODEL (fixture->board), 0);

    kw_history_remove (fixture->history, added);
  }

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (titles[i]);

      kw_history_add (fixture->history, finding, G_MAXUINT);
      fixture->findings[i] = finding;
    }
  place (fixture, 0, 8.0, 2.0);   /* a quick win */
  place (fixture, 1, 8.0, 8.0);   /* long-term plan */
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = find_toplevel (KW_TYPE_SNAPSHOTS_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  while ((dialog = GTK_WINDOW (kw_gui_test_find_dialog (GTK_WINDOW (fixture->window)))) != NULL)
    gtk_window_destroy (dialog);
  kw_gui_test_destroy_window (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->response, g_free);
}

static KwSnapshot *
snapshot_at (KwBoard *board,
             guint    i)
{
  g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (kw_board_get_snapshots (board), i);

  return snapshot;   /* the board keeps it */
}

static guint
n_snapshots (Fixture *fixture)
{
  return g_list_model_get_n_items (kw_board_get_snapshots (fixture->board));
}

static void
add_snapshot (Fixture    *fixture,
              const char *name)
{
  g_autoptr(KwSnapshot) snapshot = kw_snapshot_new_from_board (fixture->board, name, NULL, NULL);

  g_assert_true (kw_history_add_snapshot (fixture->history, snapshot, G_MAXUINT));
}

/* The dialog's two text fields: the name, then the note. */
static void
dialog_texts (AdwMessageDialog *dialog,
              GtkWidget       **name,
              GtkWidget       **note)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *first = find_descendant (extra, GTK_TYPE_TEXT, NULL);
  GtkWidget *row = gtk_widget_get_ancestor (first, ADW_TYPE_ENTRY_ROW);

  *name = first;
  *note = find_descendant (gtk_widget_get_next_sibling (row), GTK_TYPE_TEXT, NULL);
  g_assert_nonnull (*note);
}

/* Ctrl+T's action: the default name is ready, Enter in the note takes it;
 * Undo takes it away again, Redo brings it back. */
static void
test_take (Fixture       *fixture,
           gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *name, *note;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *expected = kw_snapshot_default_name (fixture->board, now);
  KwSnapshot *snapshot;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.take-snapshot", NULL));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, fixture->window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (fixture->window));
  g_assert_true (KW_IS_SNAPSHOT_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), fixture);

  dialog_texts (dialog, &name, &note);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, expected);
  gtk_editable_set_text (GTK_EDITABLE (note), "Na de eerste workshop");
  g_signal_emit_by_name (note, "activate");
  g_assert_true (kw_gui_test_wait_until (has_response, fixture));
  g_assert_cmpstr (fixture->response, ==, "accept");

  g_assert_cmpuint (n_snapshots (fixture), ==, 1);
  snapshot = snapshot_at (fixture->board, 0);
  g_assert_cmpstr (kw_snapshot_get_name (snapshot), ==, expected);
  g_assert_cmpstr (kw_snapshot_get_note (snapshot), ==, "Na de eerste workshop");
  g_assert_cmpuint (kw_snapshot_get_n_entries (snapshot), ==, 3);
  g_assert_cmpstr (kw_history_get_undo_label (fixture->history), ==, "Take Snapshot");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (n_snapshots (fixture), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpuint (n_snapshots (fixture), ==, 1);
}

static GtkListBox *
open_snapshots (Fixture *fixture)
{
  KwSnapshotsDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.snapshots", NULL));
  g_assert_true (kw_gui_test_wait_until (snapshots_dialog_is_shown, NULL));
  dialog = KW_SNAPSHOTS_DIALOG (find_toplevel (KW_TYPE_SNAPSHOTS_DIALOG));

  return kw_snapshots_dialog_get_list (dialog);
}

static const char *
row_title (GtkListBox *list,
           int         i)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

static GtkWidget *
row_button (GtkListBox *list,
            int         i,
            const char *tooltip)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)), GTK_TYPE_BUTTON, tooltip);

  g_assert_nonnull (button);
  return button;
}

/* The list shows each snapshot's name; Rename refuses a name another
 * snapshot has, renames through the history; Delete deletes, undoably,
 * and the list follows Undo. */
static void
test_rename_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkListBox *list;
  AdwMessageDialog *rename;
  GtkWidget *name, *note;
  KwSnapshot *first;

  add_snapshot (fixture, "Workshop 1");
  add_snapshot (fixture, "Workshop 2");
  first = snapshot_at (fixture->board, 0);
  list = open_snapshots (fixture);
  g_assert_cmpstr (row_title (list, 0), ==, "Workshop 1");
  g_assert_cmpstr (row_title (list, 1), ==, "Workshop 2");
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));

  g_signal_emit_by_name (row_button (list, 0, "Rename"), "clicked");
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, gtk_widget_get_root (GTK_WIDGET (list))));
  rename = kw_gui_test_find_dialog (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (list))));
  g_assert_true (KW_IS_SNAPSHOT_DIALOG (rename));
  g_signal_connect (rename, "response", G_CALLBACK (response_cb), fixture);
  dialog_texts (rename, &name, &note);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Workshop 1");

  gtk_editable_set_text (GTK_EDITABLE (name), "Workshop 2");
  g_assert_false (adw_message_dialog_get_response_enabled (rename, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (name), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (rename, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (name), "Nulmeting");
  g_assert_true (adw_message_dialog_get_response_enabled (rename, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (note), "Voor de verbouwing");
  g_signal_emit_by_name (name, "activate");
  g_assert_true (kw_gui_test_wait_until (has_response, fixture));

  g_assert_cmpstr (kw_snapshot_get_name (first), ==, "Nulmeting");
  g_assert_cmpstr (kw_snapshot_get_note (first), ==, "Voor de verbouwing");
  g_assert_cmpstr (row_title (list, 0), ==, "Nulmeting");
  g_assert_cmpstr (kw_history_get_undo_label (fixture->history), ==, "Rename Snapshot");
  g_assert_true (kw_history_undo (fixture->history));
  g_assert_cmpstr (row_title (list, 0), ==, "Workshop 1");
  g_assert_cmpstr (kw_snapshot_get_note (first), ==, "");

  g_signal_emit_by_name (row_button (list, 0, "Delete"), "clicked");
  g_assert_cmpuint (n_snapshots (fixture), ==, 1);
  g_assert_cmpstr (row_title (list, 0), ==, "Workshop 2");
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (kw_history_get_undo_label (fixture->history), ==, "Delete Snapshot");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (n_snapshots (fixture), ==, 2);
  g_assert_cmpstr (row_title (list, 0), ==, "Workshop 1");
}

static KwChangesPanel *
changes_panel (Fixture *fixture)
{
  GtkWidget *panel = find_descendant (GTK_WIDGET (fixture->window), KW_TYPE_CHANGES_PANEL, NULL);

  g_assert_nonnull (panel);
  return KW_CHANGES_PANEL (panel);
}

static void
changes_notified_cb (Fixture *fixture)
{
  fixture->n_changes_notified++;
}

static gboolean
changes_were_made_again (gpointer data)
{
  return ((Fixture *) data)->n_changes_notified > 0;
}

/* The texts the panel shows are KwChanges' own, in its order. */
static void
assert_lists_changes (KwChangesPanel *panel,
                      KwSnapshot     *snapshot,
                      KwBoard        *board,
                      guint           expected)
{
  g_autoptr(KwChanges) fresh = kw_changes_new (snapshot, board);
  GListModel *shown = G_LIST_MODEL (kw_changes_panel_get_changes (panel));
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (kw_changes_panel_get_list (panel)));

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(KwChange) a = g_list_model_get_item (shown, i);
      g_autoptr(KwChange) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);
      g_autofree char *text_a = kw_change_get_text (a);
      g_autofree char *text_b = kw_change_get_text (b);

      g_assert_cmpstr (text_a, ==, text_b);
    }
}

static gboolean
is_only_selected (Fixture   *fixture,
                  KwFinding *finding)
{
  GtkSelectionModel *selection = kw_window_get_selection (fixture->window);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  guint position;

  return kw_board_find_position (fixture->board, finding, &position) &&
         gtk_bitset_get_size (selected) == 1 && gtk_bitset_contains (selected, position);
}

/* Compare: the list of changes beside the matrix, the same for the
 * matrix to draw; a burst of edits makes it once more; a change selects
 * its finding; Escape leaves, as does deleting the snapshot. */
static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  KwChangesPanel *panel = changes_panel (fixture);
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (fixture->window));
  GtkWidget *list = kw_changes_panel_get_list (panel);
  GtkWidget *lists = kw_window_get_outcome_lists (fixture->window);
  KwSnapshot *snapshot;
  KwChange *change;

  add_snapshot (fixture, "Workshop 1");
  snapshot = snapshot_at (fixture->board, 0);
  place (fixture, 0, 8.0, 7.0);   /* quick win → long-term plan */
  place (fixture, 2, 3.0, 3.0);   /* new on the matrix */

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare", "s", "Workshop 1"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (lists, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_true (kw_changes_panel_get_snapshot (panel) == snapshot);
  assert_lists_changes (panel, snapshot, fixture->board, 2);
  g_assert_true (kw_matrix_get_changes (matrix) == kw_changes_panel_get_changes (panel));
  change = g_list_model_get_item (G_LIST_MODEL (kw_changes_panel_get_changes (panel)), 0);
  g_assert_cmpint (kw_change_get_kind (change), ==, KW_CHANGE_OUTCOME);
  g_assert_cmpstr (kw_change_get_finding_id (change), ==, kw_finding_get_id (fixture->findings[0]));
  g_object_unref (change);

  /* Three edits, one new list, made after them. */
  g_signal_connect_swapped (panel, "notify::changes", G_CALLBACK (changes_notified_cb), fixture);
  place (fixture, 1, 5.0, 8.0);
  kw_history_set_text (fixture->history, fixture->findings[1], KW_FINDING_TEXT_OWNER, "Anna");
  place (fixture, 0, 8.0, 2.0);
  g_assert_cmpuint (fixture->n_changes_notified, ==, 0);
  g_assert_true (kw_gui_test_wait_until (changes_were_made_again, fixture));
  kw_gui_test_spin_for (50);
  g_assert_cmpuint (fixture->n_changes_notified, ==, 1);
  /* Kennisbank: 8 → 5 impact, long-term plan → drop; its owner; the new one. */
  assert_lists_changes (panel, snapshot, fixture->board, 3);
  g_assert_true (kw_matrix_get_changes (matrix) == kw_changes_panel_get_changes (panel));

  /* Selecting a change selects its finding. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KwChange) item = g_list_model_get_item (G_LIST_MODEL (kw_changes_panel_get_changes (panel)), i);
      KwFinding *finding = kw_board_lookup_finding (fixture->board, kw_change_get_finding_id (item));

      g_assert_true (gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (list)), i, TRUE));
      g_assert_true (is_only_selected (fixture, finding));
    }

  /* Escape leaves the comparison. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.leave-compare", NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (lists, GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_null (kw_matrix_get_changes (matrix));

  /* A snapshot that goes takes the comparison with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare", "s", "Workshop 1"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (kw_history_remove_snapshot (fixture->history, snapshot));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_null (kw_matrix_get_changes (matrix));
}

typedef struct
{
  KwMatrix  *matrix;
  KwFinding *finding;
  double     impact;
  double     effort;
} ShownAt;

static gboolean
card_is_shown_at (gpointer data)
{
  ShownAt *at = data;
  GtkWidget *card = kw_matrix_get_card (at->matrix, at->finding);
  double impact, effort;

  return card != NULL && gtk_widget_get_visible (card) &&
         kw_matrix_card_get_shown_position (KW_MATRIX_CARD (card), &impact, &effort) &&
         G_APPROX_VALUE (impact, at->impact, 1e-9) && G_APPROX_VALUE (effort, at->effort, 1e-9);
}

/* Presenting, Page Up shows the latest snapshot (the findings moving
 * there on the frame clock), again the one before, Page Down back to
 * now; a finding not on the board then is not shown; leaving the
 * presentation returns to now. */
static void
test_present_steps (Fixture       *fixture,
                    gconstpointer  data)
{
  KwMatrix *matrix = KW_MATRIX (kw_window_get_matrix (fixture->window));
  ShownAt at = { matrix, fixture->findings[0], 8.0, 2.0 };
  GtkWidget *new_card;

  add_snapshot (fixture, "Workshop 1");
  place (fixture, 0, 6.5, 4.0);
  add_snapshot (fixture, "Workshop 2");
  place (fixture, 0, 3.0, 9.0);
  place (fixture, 2, 9.0, 9.0);

  g_object_set (fixture->window, "presenting", TRUE, NULL);
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Page_Up, 0));
  g_assert_cmpstr (kw_snapshot_get_name (kw_matrix_get_shown_snapshot (matrix)), ==, "Workshop 2");
  at.impact = 6.5;
  at.effort = 4.0;
  g_assert_true (kw_gui_test_wait_until (card_is_shown_at, &at));
  /* Not on the matrix then. */
  new_card = kw_matrix_get_card (matrix, fixture->findings[2]);
  g_assert_true (new_card == NULL || !gtk_widget_get_visible (new_card));

  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Page_Up, 0));
  g_assert_cmpstr (kw_snapshot_get_name (kw_matrix_get_shown_snapshot (matrix)), ==, "Workshop 1");
  at.impact = 8.0;
  at.effort = 2.0;
  g_assert_true (kw_gui_test_wait_until (card_is_shown_at, &at));
  /* The first one is as far back as it goes. */
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Page_Up, 0));
  g_assert_cmpstr (kw_snapshot_get_name (kw_matrix_get_shown_snapshot (matrix)), ==, "Workshop 1");

  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Page_Down, 0));
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Page_Down, 0));
  g_assert_null (kw_matrix_get_shown_snapshot (matrix));
  at.impact = 3.0;
  at.effort = 9.0;
  g_assert_true (kw_gui_test_wait_until (card_is_shown_at, &at));

  /* Leaving returns to now at once. */
  g_assert_true (kw_matrix_handle_key (matrix, GDK_KEY_Page_Up, 0));
  g_object_set (fixture->window, "presenting", FALSE, NULL);
  g_assert_null (kw_matrix_get_shown_snapshot (matrix));
  g_assert_true (card_is_shown_at (&at));
}

/* ---- The offer after saving ------------------------------------------- */

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  KwWindow   *window;
  const char *text;
} LabelShown;

static gboolean
label_is_shown (gpointer data)
{
  LabelShown *shown = data;

  return find_label (GTK_WIDGET (shown->window), shown->text) != NULL;
}

/* A board whose workshop was days_ago days ago (0: today),
 * saved to a file and opened in a new window, then changed and saved. */
static KwWindow *
save_board_of_workshop (int days_ago)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwFinding) finding = kw_finding_new ("Terugbellen");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("workshop%+d.kwadrant", days_ago);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KwWindow *window;

  kw_board_set_title (board, "Klantcontact");
  kw_board_set_workshop_date (board, date);
  g_assert_true (kw_board_append_finding (board, finding));
  g_assert_true (kw_format_save_file (board, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  window = kw_gui_test_new_window (app);
  kw_window_load_file (window, file);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  {
    g_autoptr(KwFinding) opened = g_list_model_get_item (G_LIST_MODEL (kw_window_get_board (window)), 0);

    kw_history_place (kw_window_get_history (window), opened, 7.0, 2.0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_saved, window));

  return window;
}

#define OFFER "Saved. Keep the workshop’s result as a snapshot?"

/* Saved after the workshop's day, without a snapshot of it: the toast
 * offers one, and its button takes it; saved on the day itself (during
 * the workshop): only "Saved". */
static void
test_offer_after_saving (void)
{
  KwWindow *window = save_board_of_workshop (1);
  LabelShown offer = { window, OFFER };
  LabelShown saved = { NULL, "Saved" };
  AdwMessageDialog *dialog;
  KwBoard *board;

  g_assert_true (kw_gui_test_wait_until (label_is_shown, &offer));
  /* The toast's button runs win.take-snapshot. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.take-snapshot", NULL));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window));
  dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_true (KW_IS_SNAPSHOT_DIALOG (dialog));
  adw_message_dialog_response (dialog, "accept");
  board = kw_window_get_board (window);
  g_assert_cmpuint (g_list_model_get_n_items (kw_board_get_snapshots (board)), ==, 1);
  kw_gui_test_destroy_window (GTK_WINDOW (window));

  window = save_board_of_workshop (0);
  saved.window = window;
  offer.window = window;
  g_assert_true (kw_gui_test_wait_until (label_is_shown, &saved));
  g_assert_false (label_is_shown (&offer));
  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-snapshots-ui-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.SnapshotsUiTest");

  g_test_add ("/snapshots-ui/take", Fixture, NULL, fixture_set_up, test_take, fixture_tear_down);
  g_test_add ("/snapshots-ui/rename-delete", Fixture, NULL, fixture_set_up, test_rename_delete, fixture_tear_down);
  g_test_add ("/snapshots-ui/compare", Fixture, NULL, fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/snapshots-ui/present-steps", Fixture, NULL, fixture_set_up, test_present_steps, fixture_tear_down);
  g_test_add_func ("/snapshots-ui/offer-after-saving", test_offer_after_saving);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
