/* kw-participants-dialog.c: the people in the room who give estimates.
 *
 * Names head the grid's columns and the exports', so they must be unique
 * (without case) and short: a name the board would refuse is refused here
 * first, with the reason beside the entry, before anything changes. Every
 * change is one undo step; Ctrl+Z works in the dialog too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-participants-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-participants-dialog.h"

struct _KwParticipantsDialog
{
  AdwWindow    parent_instance;

  KwHistory   *history;
  KwBoard     *board;
  char        *error;

  /* Template children */
  AdwEntryRow *name_row;
  AdwEntryRow *team_row;
  GtkLabel    *error_label;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (KwParticipantsDialog, kw_participants_dialog, ADW_TYPE_WINDOW)

#define PARTICIPANT_KEY "kw-participant"

static KwParticipantList *
participants (KwParticipantsDialog *self)
{
  return kw_board_get_participants (self->board);
}

static void
show_error (KwParticipantsDialog *self,
            GtkWidget            *row,
            const char           *error)
{
  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  if (error == NULL)
    return;

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error, -1);
    }
  kw_a11y_announce (GTK_WIDGET (self), error);
}

/* Why the board would refuse name for participant (NULL: a new one), or
 * NULL when it would take it. */
static char *
dup_refusal (KwParticipantsDialog *self,
             const char           *name,
             KwParticipant        *participant)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  KwParticipant *other;

  if (*clean == '\0')
    return g_strdup (_("Type a name first"));
  if (!kw_participant_name_is_valid (clean))
    /* Translators: %d is the longest name allowed, in characters. */
    return g_strdup_printf (_("A name has at most %d characters, on one line"), KW_PARTICIPANT_NAME_MAX);

  other = kw_participant_list_lookup_by_name (participants (self), clean);
  if (other != NULL && other != participant)
    /* Translators: %s is a participant's name. */
    return g_strdup_printf (_("“%s” is already a participant: give each one a different name"),
                            kw_participant_get_name (other));
  if (participant == NULL && kw_participant_list_get_n_items (participants (self)) >= KW_PARTICIPANT_LIST_MAX)
    /* Translators: %d is the most participants a board holds. */
    return g_strdup_printf (_("A board holds at most %d participants"), KW_PARTICIPANT_LIST_MAX);

  return NULL;
}

static char *
dup_team_refusal (const char *clean_team)
{
  if (kw_participant_team_is_valid (clean_team))
    return NULL;
  /* Translators: %d is the longest team or role allowed, in characters. */
  return g_strdup_printf (_("A team or role has at most %d characters, on one line"), KW_PARTICIPANT_TEAM_MAX);
}

gboolean
kw_participants_dialog_add (KwParticipantsDialog *self,
                            const char           *name,
                            const char           *team)
{
  g_autofree char *refusal = NULL;
  g_autofree char *id = NULL;
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_team = NULL;
  g_autoptr(KwParticipant) participant = NULL;

  g_return_val_if_fail (KW_IS_PARTICIPANTS_DIALOG (self), FALSE);

  refusal = dup_refusal (self, name, NULL);
  clean_team = g_strstrip (g_strdup (team != NULL ? team : ""));
  if (refusal == NULL)
    refusal = dup_team_refusal (clean_team);
  if (refusal != NULL)
    {
      show_error (self, GTK_WIDGET (self->name_row), refusal);
      return FALSE;
    }

  clean_name = g_strstrip (g_strdup (name));
  id = kw_participant_list_dup_new_id (participants (self));
  participant = kw_participant_new (id, clean_name, clean_team);
  if (!kw_history_add_participant (self->history, participant, G_MAXUINT))
    {
      show_error (self, GTK_WIDGET (self->name_row), _("The board refused this participant"));
      return FALSE;
    }

  show_error (self, NULL, NULL);
  return TRUE;
}

/* Edits participant to name and team (both already clean), unless the
 * board would refuse: refusal, when not NULL, is why, and is shown. One
 * undo step, none when nothing changes. */
static gboolean
edit_participant (KwParticipantsDialog *self,
                  KwParticipant        *participant,
                  const char           *name,
                  const char           *team,
                  const char           *refusal)
{
  gboolean same = g_strcmp0 (name, kw_participant_get_name (participant)) == 0 &&
                  g_strcmp0 (team, kw_participant_get_team (participant)) == 0;

  if (refusal == NULL && !same && !kw_history_edit_participant (self->history, participant, name, team))
    refusal = _("The board refused this change");

  show_error (self, NULL, refusal);
  return refusal == NULL;
}

gboolean
kw_participants_dialog_rename (KwParticipantsDialog *self,
                               KwParticipant        *participant,
                               const char           *name)
{
  g_autofree char *refusal = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (KW_IS_PARTICIPANTS_DIALOG (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  refusal = dup_refusal (self, name, participant);
  clean = g_strstrip (g_strdup (name));
  return edit_participant (self, participant, clean, kw_participant_get_team (participant), refusal);
}

gboolean
kw_participants_dialog_set_team (KwParticipantsDialog *self,
                                 KwParticipant        *participant,
                                 const char           *team)
{
  g_autofree char *clean = NULL;
  g_autofree char *refusal = NULL;

  g_return_val_if_fail (KW_IS_PARTICIPANTS_DIALOG (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  clean = g_strstrip (g_strdup (team != NULL ? team : ""));
  refusal = dup_team_refusal (clean);
  return edit_participant (self, participant, kw_participant_get_name (participant), clean, refusal);
}

void
kw_participants_dialog_remove (KwParticipantsDialog *self,
                               KwParticipant        *participant)
{
  g_autoptr(KwParticipant) removed = g_object_ref (participant);
  g_autofree char *message = NULL;

  g_return_if_fail (KW_IS_PARTICIPANTS_DIALOG (self));

  if (!kw_history_remove_participant (self->history, removed))
    return;

  /* Translators: said after a participant is removed; %s is the name. */
  message = g_strdup_printf (_("%s removed, with their estimates. Ctrl+Z brings them back."),
                             kw_participant_get_name (removed));
  kw_a11y_announce (GTK_WIDGET (self), message);
}

/* ---- Rows ---------------------------------------------------------------- */

static KwParticipant *
row_participant (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), PARTICIPANT_KEY) : NULL;
}

static void
row_apply_cb (AdwEntryRow          *row,
              KwParticipantsDialog *self)
{
  KwParticipant *participant = row_participant (GTK_WIDGET (row));

  if (!kw_participants_dialog_rename (self, participant, gtk_editable_get_text (GTK_EDITABLE (row))))
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
remove_clicked_cb (GtkButton            *button,
                   KwParticipantsDialog *self)
{
  KwParticipant *participant = row_participant (GTK_WIDGET (button));

  if (participant != NULL)
    kw_participants_dialog_remove (self, participant);
}

static void
team_entry_activate_cb (GtkEntry             *entry,
                        KwParticipantsDialog *self)
{
  KwParticipant *participant = g_object_get_data (G_OBJECT (entry), PARTICIPANT_KEY);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);

  if (kw_participants_dialog_set_team (self, participant, gtk_editable_get_text (GTK_EDITABLE (entry))))
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The team button opens a popover whose entry starts from the team the
 * participant has now, so Escape leaves it as it was. */
static void
team_popover_show_cb (GtkWidget *popover,
                      GtkEntry  *entry)
{
  KwParticipant *participant = g_object_get_data (G_OBJECT (entry), PARTICIPANT_KEY);

  gtk_editable_set_text (GTK_EDITABLE (entry), kw_participant_get_team (participant));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static GtkWidget *
create_team_button (KwParticipantsDialog *self,
                    KwParticipant        *participant)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Team or role"));
  GtkWidget *entry = gtk_entry_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "system-users-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_entry_set_max_length (GTK_ENTRY (entry), KW_PARTICIPANT_TEAM_MAX);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  g_object_set_data_full (G_OBJECT (entry), PARTICIPANT_KEY, g_object_ref (participant), g_object_unref);
  g_signal_connect_object (entry, "activate", G_CALLBACK (team_entry_activate_cb), self, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (team_popover_show_cb), entry, 0);

  return button;
}

static void
update_row (AdwEntryRow   *row,
            GParamSpec    *pspec,
            KwParticipant *participant)
{
  const char *team = kw_participant_get_team (participant);
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "kw-remove");
  GtkWidget *team_button = g_object_get_data (G_OBJECT (row), "kw-team");
  g_autofree char *tooltip = NULL;
  g_autofree char *team_tooltip = NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), kw_participant_get_name (participant));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *team != '\0' ? team : _("Name"));
  /* Translators: the tooltip of a participant's remove button; %s is the name. */
  tooltip = g_strdup_printf (_("Remove %s"), kw_participant_get_name (participant));
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  /* Translators: the tooltip of the button that changes a participant's
   * team or role; %s is the name. */
  team_tooltip = g_strdup_printf (_("Team or role of %s"), kw_participant_get_name (participant));
  gtk_widget_set_tooltip_text (team_button, team_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (team_button), GTK_ACCESSIBLE_PROPERTY_LABEL, team_tooltip, -1);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  KwParticipantsDialog *self = user_data;
  KwParticipant *participant = item;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *team_button = create_team_button (self, participant);

  g_object_set_data_full (G_OBJECT (row), PARTICIPANT_KEY, g_object_ref (participant), g_object_unref);
  g_object_set_data (G_OBJECT (row), "kw-remove", remove);
  g_object_set_data (G_OBJECT (row), "kw-team", team_button);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), team_button);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  update_row (ADW_ENTRY_ROW (row), NULL, participant);
  g_signal_connect_object (participant, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "apply", G_CALLBACK (row_apply_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);

  return row;
}

/* ---- Template callbacks ---------------------------------------------------- */

static void
add_activated_cb (KwParticipantsDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *team = gtk_editable_get_text (GTK_EDITABLE (self->team_row));

  if (!kw_participants_dialog_add (self, name, team))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  /* Ready for the next name. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->team_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
entry_changed_cb (KwParticipantsDialog *self)
{
  if (self->error != NULL)
    show_error (self, NULL, NULL);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KwParticipantsDialog *self = KW_PARTICIPANTS_DIALOG (widget);

  if (g_str_equal (action_name, "participants.undo"))
    kw_history_undo (self->history);
  else
    kw_history_redo (self->history);
}

/* ---- GObject --------------------------------------------------------------- */

static void
kw_participants_dialog_dispose (GObject *object)
{
  KwParticipantsDialog *self = KW_PARTICIPANTS_DIALOG (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_PARTICIPANTS_DIALOG);
  g_clear_object (&self->history);
  g_clear_object (&self->board);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (kw_participants_dialog_parent_class)->dispose (object);
}

static void
kw_participants_dialog_class_init (KwParticipantsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_participants_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kwadrant/Kwadrant/kw-participants-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwParticipantsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KwParticipantsDialog, team_row);
  gtk_widget_class_bind_template_child (widget_class, KwParticipantsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, KwParticipantsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "participants.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "participants.redo", NULL, undo_action_cb);
}

static void
kw_participants_dialog_init (KwParticipantsDialog *self)
{
  GtkWidget *content;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Refusals and removals are said aloud too. */
  content = adw_window_get_content (ADW_WINDOW (self));
  gtk_box_append (GTK_BOX (content), kw_a11y_announcer_new ());
}

KwParticipantsDialog *
kw_participants_dialog_new (GtkWindow *parent,
                            KwHistory *history)
{
  KwParticipantsDialog *self;

  g_return_val_if_fail (KW_IS_HISTORY (history), NULL);

  self = g_object_new (KW_TYPE_PARTICIPANTS_DIALOG, "transient-for", parent, NULL);
  self->history = g_object_ref (history);
  self->board = g_object_ref (kw_history_get_board (history));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (participants (self)), create_row, self, NULL);

  return self;
}

const char *
kw_participants_dialog_get_error (KwParticipantsDialog *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANTS_DIALOG (self), NULL);

  return self->error;
}

GtkWidget *
kw_participants_dialog_get_name_row (KwParticipantsDialog *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANTS_DIALOG (self), NULL);

  return GTK_WIDGET (self->name_row);
}

GtkWidget *
kw_participants_dialog_get_team_row (KwParticipantsDialog *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANTS_DIALOG (self), NULL);

  return GTK_WIDGET (self->team_row);
}

GtkListBox *
kw_participants_dialog_get_list (KwParticipantsDialog *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANTS_DIALOG (self), NULL);

  return self->list;
}
