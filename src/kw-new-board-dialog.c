/* kw-new-board-dialog.c
 *
 * A message dialog rather than a window of its own: two fields and two
 * buttons, with Enter and Escape doing what they do in every GNOME
 * question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-new-board-dialog"

#include "config.h"

#include "kw-a11y.h"
#include "kw-new-board-dialog.h"
#include "kw-text.h"

struct _KwNewBoardDialog
{
  AdwMessageDialog  parent_instance;

  /* Template children */
  AdwEntryRow      *title_row;
  AdwEntryRow      *date_row;
};

G_DEFINE_FINAL_TYPE (KwNewBoardDialog, kw_new_board_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
kw_new_board_dialog_dup_board_title (KwNewBoardDialog *self)
{
  g_return_val_if_fail (KW_IS_NEW_BOARD_DIALOG (self), NULL);

  return kw_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), TRUE);
}

char *
kw_new_board_dialog_dup_workshop_date (KwNewBoardDialog *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KW_IS_NEW_BOARD_DIALOG (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (*text == '\0')
    return g_steal_pointer (&text);

  return kw_date_parse_to_iso (text);
}

gboolean
kw_new_board_dialog_apply (KwNewBoardDialog *self,
                           KwBoard          *board)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (KW_IS_NEW_BOARD_DIALOG (self), FALSE);
  g_return_val_if_fail (KW_IS_BOARD (board), FALSE);

  date = kw_new_board_dialog_dup_workshop_date (self);
  if (date == NULL)
    return FALSE;

  title = kw_new_board_dialog_dup_board_title (self);
  kw_board_set_title (board, title);
  kw_board_set_workshop_date (board, date);

  return TRUE;
}

/* A date that cannot be read shows as an error, and Create waits for a
 * good one rather than dropping it silently. */
static void
date_changed_cb (KwNewBoardDialog *self)
{
  g_autofree char *date = kw_new_board_dialog_dup_workshop_date (self);

  if (date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", date != NULL);
}

static void
kw_new_board_dialog_class_init (KwNewBoardDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kwadrant/Kwadrant/kw-new-board-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwNewBoardDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, KwNewBoardDialog, date_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "date_changed_cb", G_CALLBACK (date_changed_cb));
}

static void
kw_new_board_dialog_init (KwNewBoardDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  kw_a11y_name_buttons_once_when_shown (GTK_WIDGET (self));
}

KwNewBoardDialog *
kw_new_board_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (KW_TYPE_NEW_BOARD_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
