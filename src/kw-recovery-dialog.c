/* kw-recovery-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-recovery-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-recovery-dialog.h"

#include "kw-a11y.h"
#include "kw-message-dialog.h"

#define MAX_ROWS_SHOWN 4

struct _KwRecoveryDialog
{
  AdwMessageDialog  parent_instance;

  KwDraftStore     *store;
  GtkListBox       *list;
  guint             n_rows;
};

G_DEFINE_FINAL_TYPE (KwRecoveryDialog, kw_recovery_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RESTORE_DRAFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static KwDraft *
row_get_draft (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "draft");
}

/* The row a button sits in. */
static GtkWidget *
find_row (GtkWidget *button)
{
  return gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
}

static void
kw_recovery_dialog_drop_row (KwRecoveryDialog *self,
                             GtkWidget        *row)
{
  gtk_list_box_remove (self->list, row);
  self->n_rows--;

  if (self->n_rows == 0)
    gtk_window_close (GTK_WINDOW (self));
  else
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (gtk_widget_get_first_child (GTK_WIDGET (self->list))),
                                              "restore-button"));
}

static void
restore_clicked_cb (GtkButton        *button,
                    KwRecoveryDialog *self)
{
  GtkWidget *row = find_row (GTK_WIDGET (button));
  g_autoptr(KwDraft) draft = g_object_ref (row_get_draft (row));

  kw_recovery_dialog_drop_row (self, row);
  g_signal_emit (self, signals[RESTORE_DRAFT], 0, draft);
}

static void
confirm_discard_response_cb (AdwMessageDialog *confirm,
                             const char       *response,
                             KwRecoveryDialog *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (confirm), "row");

  if (!g_str_equal (response, "discard") || row == NULL || gtk_widget_get_parent (row) == NULL)
    return;

  kw_draft_store_remove_async (self->store, kw_draft_get_id (row_get_draft (row)), NULL, NULL, NULL);
  kw_recovery_dialog_drop_row (self, row);
}

/* Discarding deletes the only copy of those changes: ask first. */
static void
discard_clicked_cb (GtkButton        *button,
                    KwRecoveryDialog *self)
{
  GtkWidget *row = find_row (GTK_WIDGET (button));
  KwDraft *draft = row_get_draft (row);
  g_autofree char *name = kw_draft_dup_display_name (draft);
  g_autofree char *heading = g_strdup_printf (_("Discard “%s”?"), name);
  AdwMessageDialog *confirm;

  confirm = kw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The unsaved changes to this board are deleted. "
                                     "This cannot be undone."));
  adw_message_dialog_add_responses (confirm,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (confirm, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  adw_message_dialog_set_close_response (confirm, "cancel");
  g_object_set_data_full (G_OBJECT (confirm), "row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (confirm, "response", G_CALLBACK (confirm_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (confirm));
}

/* "board.kwadrant · today 14:32", or "Not saved yet · today 14:32". */
static char *
dup_row_subtitle (KwDraft *draft)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = kw_draft_format_time (kw_draft_get_written (draft), now);
  g_autofree char *where = NULL;
  GFile *file = kw_draft_get_file (draft);

  if (file != NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);

      where = g_path_get_basename (parse_name);
    }
  else
    where = g_strdup (_("Not saved yet"));

  /* Translators: a draft's file name (or "Not saved yet") and when it
   * was last changed, e.g. "Klantcontact.kwadrant · changed today 14:32". */
  return g_strdup_printf (_("%s · changed %s"), where, time);
}

static GtkWidget *
new_row_button (GtkWidget  *button,
                const char *accessible_label,
                GCallback   callback,
                gpointer    user_data)
{
  gtk_widget_set_tooltip_text (button, accessible_label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_signal_connect (button, "clicked", callback, user_data);

  return button;
}

/* A button showing LABEL (with a mnemonic) whose accessible name is only
 * the longer name its row gives it. A mnemonic widget would make the
 * label name the button too, and GTK 4.8 reads both ("Restore “Board”
 * Restore"); without one the label still finds the button to activate. */
static GtkWidget *
new_mnemonic_button (const char *label)
{
  GtkWidget *button = gtk_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), gtk_label_new_with_mnemonic (label));

  return button;
}

static GtkWidget *
new_draft_row (KwRecoveryDialog *self,
               KwDraft          *draft)
{
  g_autofree char *name = kw_draft_dup_display_name (draft);
  g_autofree char *subtitle = dup_row_subtitle (draft);
  /* Translators: what a screen reader says for the buttons of one draft. */
  g_autofree char *restore_label = g_strdup_printf (_("Restore “%s”"), name);
  g_autofree char *discard_label = g_strdup_printf (_("Discard “%s”"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore;
  GtkWidget *discard;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Tab goes from button to button; the row itself has nothing to do. */
  gtk_widget_set_focusable (row, FALSE);

  /* The icon keeps the row narrow; the tooltip and the accessible name
   * say what it does. */
  discard = new_row_button (gtk_button_new_from_icon_name ("user-trash-symbolic"), discard_label,
                            G_CALLBACK (discard_clicked_cb), self);
  gtk_widget_add_css_class (discard, "flat");
  restore = new_row_button (new_mnemonic_button (_("_Restore")), restore_label,
                            G_CALLBACK (restore_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

  g_object_set_data_full (G_OBJECT (row), "draft", g_object_ref (draft), g_object_unref);
  g_object_set_data (G_OBJECT (row), "restore-button", restore);

  return row;
}

static void
kw_recovery_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  KwRecoveryDialog *self = KW_RECOVERY_DIALOG (dialog);

  if (g_str_equal (response, "restore-all"))
    {
      g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
      GtkWidget *row;

      /* Gathered first: a restored window may take the focus, the rows
       * must not change under the loop. */
      while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        {
          g_ptr_array_add (drafts, g_object_ref (row_get_draft (row)));
          gtk_list_box_remove (self->list, row);
        }
      self->n_rows = 0;

      for (guint i = 0; i < drafts->len; i++)
        g_signal_emit (self, signals[RESTORE_DRAFT], 0, drafts->pdata[i]);
    }
}

static void
kw_recovery_dialog_dispose (GObject *object)
{
  KwRecoveryDialog *self = KW_RECOVERY_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (kw_recovery_dialog_parent_class)->dispose (object);
}

static void
kw_recovery_dialog_class_init (KwRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = kw_recovery_dialog_dispose;
  dialog_class->response = kw_recovery_dialog_response;

  /**
   * KwRecoveryDialog::restore-draft:
   * @draft: the KwDraft to open
   *
   * The user chose to restore the draft.
   */
  signals[RESTORE_DRAFT] =
    g_signal_new ("restore-draft",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KW_TYPE_DRAFT);
}

static void
kw_recovery_dialog_init (KwRecoveryDialog *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Boards with unsaved changes"),
                                  -1);

  /* Wide enough for a title and the buttons on one line. */
  gtk_widget_set_size_request (GTK_WIDGET (self->list), 420, -1);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "later", _("_Not Now"),
                                    "restore-all", _("Restore _All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "restore-all",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "restore-all");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "later");
  /* "Not Now", not "_Not Now Not Now"; the rows' buttons have their own
   * names and no label of GtkButton's, so this leaves them be. */
  kw_a11y_name_buttons_once_when_shown (GTK_WIDGET (self));
}

KwRecoveryDialog *
kw_recovery_dialog_new (GtkWindow    *parent,
                        KwDraftStore *store,
                        GPtrArray    *drafts)
{
  KwRecoveryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (drafts != NULL && drafts->len > 0, NULL);

  self = g_object_new (KW_TYPE_RECOVERY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", ngettext ("Restore Unsaved Board?", "Restore Unsaved Boards?", drafts->len),
                       "body", ngettext ("Kwadrant closed before this board was saved. "
                                         "Restore it to go on where you left off, or discard the changes.",
                                         "Kwadrant closed before these boards were saved. "
                                         "Restore them to go on where you left off, or discard the changes.",
                                         drafts->len),
                       NULL);
  self->store = g_object_ref (store);

  for (guint i = 0; i < drafts->len; i++)
    {
      gtk_list_box_append (self->list, new_draft_row (self, drafts->pdata[i]));
      self->n_rows++;
    }

  /* A handful of drafts show whole; more scroll. */
  if (drafts->len > MAX_ROWS_SHOWN)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 300);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);
    }
  else
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->list));

  /* Return restores the newest draft, never discards one: the focus
   * would otherwise start on the first button, a Discard. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        g_object_get_data (G_OBJECT (gtk_widget_get_first_child (GTK_WIDGET (self->list))),
                                           "restore-button"));

  return self;
}
