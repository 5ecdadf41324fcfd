/* kw-snapshots-dialog.c
 *
 * A list bound to the board's snapshots: a rename or a deletion, also one
 * undone from the main window, shows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-snapshots-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-plan-text.h"
#include "kw-snapshot-dialog.h"
#include "kw-snapshots-dialog.h"

struct _KwSnapshotsDialog
{
  AdwWindow   parent_instance;

  KwBoard    *board;
  KwHistory  *history;

  /* Template children */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (KwSnapshotsDialog, kw_snapshots_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_COMPARE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
kw_snapshot_dup_display_time (KwSnapshot *snapshot)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (kw_snapshot_get_taken (snapshot));
  g_autofree char *date = kw_plan_text_format_date_time (local);
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  /* Translators: when a snapshot was taken: a date, then a time. */
  return g_strdup_printf (C_("snapshot time", "%s, %s"), date, time);
}

/* "4 December 2026, 10:32 · note" */
static void
update_subtitle (AdwActionRow *row,
                 GParamSpec   *pspec,
                 KwSnapshot   *snapshot)
{
  g_autofree char *when = kw_snapshot_dup_display_time (snapshot);
  const char *note = kw_snapshot_get_note (snapshot);
  g_autofree char *subtitle = NULL;

  if (*note != '\0')
    /* Translators: a snapshot's time and its note, in the list of snapshots. */
    subtitle = g_strdup_printf (_("%s · %s"), when, note);
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : when);
}

static KwSnapshot *
row_snapshot (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "kw-snapshot") : NULL;
}

static void
compare_clicked_cb (GtkButton         *button,
                    KwSnapshotsDialog *self)
{
  g_autoptr(KwSnapshot) snapshot = g_object_ref (row_snapshot (GTK_WIDGET (button)));

  g_signal_emit (self, signals[SIGNAL_COMPARE], 0, snapshot);
  gtk_window_close (GTK_WINDOW (self));
}

static void
rename_response_cb (KwSnapshotDialog  *dialog,
                    const char        *response,
                    KwSnapshotsDialog *self)
{
  KwSnapshot *snapshot = g_object_get_data (G_OBJECT (dialog), "kw-snapshot");
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;

  if (!g_str_equal (response, "accept"))
    return;

  name = kw_snapshot_dialog_dup_name (dialog);
  note = kw_snapshot_dialog_dup_note (dialog);
  kw_history_rename_snapshot (self->history, snapshot, name, note);
}

static void
rename_clicked_cb (GtkButton         *button,
                   KwSnapshotsDialog *self)
{
  KwSnapshot *snapshot = row_snapshot (GTK_WIDGET (button));
  KwSnapshotDialog *dialog = kw_snapshot_dialog_new (GTK_WINDOW (self), self->board, snapshot);

  g_object_set_data_full (G_OBJECT (dialog), "kw-snapshot", g_object_ref (snapshot), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undoable, so no question first: Ctrl+Z in the window brings it back. */
static void
delete_clicked_cb (GtkButton         *button,
                   KwSnapshotsDialog *self)
{
  KwSnapshot *snapshot = row_snapshot (GTK_WIDGET (button));

  kw_history_remove_snapshot (self->history, snapshot);
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static GtkWidget *
add_button (AdwActionRow      *row,
            const char        *icon_name,
            const char        *label,
            GCallback          callback,
            KwSnapshotsDialog *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  adw_action_row_add_suffix (row, button);

  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KwSnapshotsDialog *self = user_data;
  KwSnapshot *snapshot = item;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *compare;

  g_object_set_data_full (G_OBJECT (row), "kw-snapshot", g_object_ref (snapshot), g_object_unref);
  g_object_bind_property (snapshot, "name", row, "title", G_BINDING_SYNC_CREATE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  update_subtitle (row, NULL, snapshot);
  g_signal_connect_object (snapshot, "notify::note", G_CALLBACK (update_subtitle), row, G_CONNECT_SWAPPED);

  compare = add_button (row, "view-dual-symbolic", _("Compare With Now"), G_CALLBACK (compare_clicked_cb), self);
  add_button (row, "document-edit-symbolic", _("Rename"), G_CALLBACK (rename_clicked_cb), self);
  add_button (row, "user-trash-symbolic", _("Delete"), G_CALLBACK (delete_clicked_cb), self);
  /* Enter on the row compares, the most common wish. */
  adw_action_row_set_activatable_widget (row, compare);

  return GTK_WIDGET (row);
}

static void
kw_snapshots_dialog_dispose (GObject *object)
{
  KwSnapshotsDialog *self = KW_SNAPSHOTS_DIALOG (object);

  g_clear_object (&self->board);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (kw_snapshots_dialog_parent_class)->dispose (object);
}

static void
kw_snapshots_dialog_class_init (KwSnapshotsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_snapshots_dialog_dispose;

  signals[SIGNAL_COMPARE] =
    g_signal_new ("compare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_SNAPSHOT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kwadrant/Kwadrant/kw-snapshots-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwSnapshotsDialog, list);
}

static void
kw_snapshots_dialog_init (KwSnapshotsDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No snapshots yet. Take one with Ctrl+T to compare with later."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
}

KwSnapshotsDialog *
kw_snapshots_dialog_new (GtkWindow *parent,
                         KwBoard   *board,
                         KwHistory *history)
{
  KwSnapshotsDialog *self;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (KW_IS_HISTORY (history), NULL);

  self = g_object_new (KW_TYPE_SNAPSHOTS_DIALOG, "transient-for", parent, NULL);
  self->board = g_object_ref (board);
  self->history = g_object_ref (history);
  gtk_list_box_bind_model (self->list, kw_board_get_snapshots (board), create_row, self, NULL);

  return self;
}

GtkListBox *
kw_snapshots_dialog_get_list (KwSnapshotsDialog *self)
{
  g_return_val_if_fail (KW_IS_SNAPSHOTS_DIALOG (self), NULL);

  return self->list;
}
