/* kw-snapshot-dialog.c
 *
 * One dialog for taking a snapshot and renaming one: the same two fields,
 * the same rule for a usable name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-snapshot-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-snapshot-dialog.h"
#include "kw-text.h"

struct _KwSnapshotDialog
{
  AdwMessageDialog  parent_instance;

  KwBoard          *board;
  KwSnapshot       *snapshot;   /* the one renamed; NULL when taking one */

  /* Template children */
  AdwEntryRow      *name_row;
  AdwEntryRow      *note_row;
};

G_DEFINE_FINAL_TYPE (KwSnapshotDialog, kw_snapshot_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
kw_snapshot_dialog_dup_name (KwSnapshotDialog *self)
{
  g_return_val_if_fail (KW_IS_SNAPSHOT_DIALOG (self), NULL);

  return kw_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), TRUE);
}

char *
kw_snapshot_dialog_dup_note (KwSnapshotDialog *self)
{
  g_return_val_if_fail (KW_IS_SNAPSHOT_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
}

/* An empty name or one another snapshot has shows as an error, and the
 * button waits for a usable one: the board would refuse it. */
static void
name_changed_cb (KwSnapshotDialog *self)
{
  g_autofree char *name = kw_snapshot_dialog_dup_name (self);
  KwSnapshot *other = NULL;
  gboolean usable;

  if (self->board != NULL)
    other = kw_board_lookup_snapshot (self->board, name);
  usable = kw_snapshot_name_is_valid (name) && (other == NULL || other == self->snapshot);

  if (usable)
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "accept", usable);
}

static void
kw_snapshot_dialog_dispose (GObject *object)
{
  KwSnapshotDialog *self = KW_SNAPSHOT_DIALOG (object);

  g_clear_object (&self->board);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (kw_snapshot_dialog_parent_class)->dispose (object);
}

static void
kw_snapshot_dialog_class_init (KwSnapshotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_snapshot_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kwadrant/Kwadrant/kw-snapshot-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwSnapshotDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KwSnapshotDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
kw_snapshot_dialog_init (KwSnapshotDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kw_a11y_name_buttons_once_when_shown (GTK_WIDGET (self));
}

KwSnapshotDialog *
kw_snapshot_dialog_new (GtkWindow  *parent,
                        KwBoard    *board,
                        KwSnapshot *snapshot)
{
  KwSnapshotDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (snapshot == NULL || KW_IS_SNAPSHOT (snapshot), NULL);

  self = g_object_new (KW_TYPE_SNAPSHOT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->board = g_object_ref (board);

  if (snapshot == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *name = kw_snapshot_default_name (board, now);

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Take Snapshot"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("Keeps where every finding is now, with its status, owner and dates, so that a later visit can see what moved."));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
    }
  else
    {
      self->snapshot = g_object_ref (snapshot);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Rename Snapshot"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "accept", _("_Rename"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), kw_snapshot_get_name (snapshot));
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), kw_snapshot_get_note (snapshot));
    }
  name_changed_cb (self);

  return self;
}
