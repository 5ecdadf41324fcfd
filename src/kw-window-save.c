/* kw-window-save.c: the questions around saving: Save As, a file changed
 * on disk (reload, replace), a failed save, unsaved changes at closing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-save"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-file-names.h"
#include "kw-format.h"
#include "kw-message-dialog.h"
#include "kw-save-chooser.h"
#include "kw-text.h"
#include "kw-window-private.h"

static void kw_window_save_to (KwWindow *self,
                               GFile    *file,
                               gboolean  refuse_over_changes);

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KwWindow         *self)
{
  GFile *file = kw_window_file (self);

  if (g_str_equal (response, "reload") && file != NULL)
    kw_window_load_file (self, file);
}

void
kw_window_reload (KwWindow *self)
{
  GFile *file = kw_window_file (self);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (file == NULL)
    return;

  if (!kw_document_get_modified (self->document))
    {
      kw_window_load_file (self, file);
      return;
    }

  name = kw_file_dup_display_name (file);
  heading = g_strdup_printf (_("Reload “%s”?"), name);
  dialog = kw_message_dialog_new (GTK_WINDOW (self), heading,
                               _("The board has changes that are not saved. Reloading shows the version on disk, "
                                 "and your changes are lost."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        KwWindow         *self)
{
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (dialog), "file");

  if (g_str_equal (response, "save-as"))
    kw_window_save_as (self);
  else if (g_str_equal (response, "overwrite") && file != NULL)
    kw_window_save_to (self, file, FALSE);
  else
    self->close_after_save = FALSE;
}

static void
show_save_conflict (KwWindow *self,
                    GFile    *file)
{
  g_autofree char *name = kw_file_dup_display_name (file);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s” was changed by someone else after you opened it. "
                            "Replace it with your version, or save your version as a new file?"),
                          name);
  dialog = kw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GIO's message names the system's error ("Read-only file system"); the
 * facilitator needs what happened, in words, and that nothing is lost. */
static char *
dup_save_error_body (GFile        *file,
                     const GError *error)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *where = folder != NULL ? g_file_get_parse_name (folder) : g_file_get_parse_name (file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    return g_strdup_printf (_("The folder “%s” is read-only, so the board cannot be saved there. "
                              "Your changes are still open: use Save As to save them somewhere else."),
                            where);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup_printf (_("You do not have permission to save in the folder “%s”. "
                              "Your changes are still open: use Save As to save them somewhere else."),
                            where);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return g_strdup_printf (_("The disk with the folder “%s” is full. The board on the disk is unchanged. "
                              "Free some space and save again, or use Save As to save your changes somewhere else."),
                            where);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup_printf (_("The folder “%s” is no longer there: perhaps a USB stick or network drive was removed. "
                              "Your changes are still open: reconnect it and save again, "
                              "or use Save As to save them somewhere else."),
                            where);

  return g_strdup_printf (_("%s\n\nYour changes are still open: use Save As to save them somewhere else."),
                          error->message);
}

static void
show_save_error (KwWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = kw_file_dup_display_name (file);
  g_autofree char *heading = g_strdup_printf (_("Could not save “%s”"), name);
  g_autofree char *body = dup_save_error_body (file, error);
  AdwMessageDialog *dialog = kw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KwWindowRequest) request = user_data;
  KwWindow *self = request->self;
  GFile *file = G_FILE (request->subject);
  g_autoptr(GError) error = NULL;

  if (!kw_document_save_finish (KW_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, KW_DOCUMENT_ERROR, KW_DOCUMENT_ERROR_CHANGED_ON_DISK))
        show_save_conflict (self, file);
      else
        show_save_error (self, file, error);
      return;
    }

  self->started = TRUE;
  kw_window_update_page (self);
  kw_window_update_title (self);
  kw_window_add_to_recent (self, file);
  kw_window_update_file_bar (self);
  kw_window_saved_toast (self);

  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* refuse_over_changes: refuse when someone else changed the file since we
 * read or wrote it; FALSE when the user chose to replace it. */
static void
kw_window_save_to (KwWindow *self,
                   GFile    *file,
                   gboolean  refuse_over_changes)
{
  KwWindowRequest *request = kw_window_request_new (self, G_OBJECT (file));

  if (refuse_over_changes)
    kw_document_save_async (self->document, save_finished_cb, request);
  else
    kw_document_save_as_async (self->document, file, save_finished_cb, request);
}

void
kw_window_save (KwWindow *self)
{
  GFile *file = kw_window_file (self);

  if (file == NULL)
    kw_window_save_as (self);
  else
    kw_window_save_to (self, file, TRUE);
}

/* A board still untitled at its first save takes the file's name, so the
 * window, the close question, the export's suggested name and the plan's
 * heading stop saying "Untitled board" once the facilitator named it. */
static void
name_untitled_board (KwWindow *self,
                     GFile    *file)
{
  KwBoard *board = kw_window_board (self);
  g_autofree char *stem = NULL;
  g_autofree char *title = NULL;

  if (kw_window_file (self) != NULL || *kw_board_get_title (board) != '\0')
    return;

  stem = kw_file_dup_display_stem (file, KW_FORMAT_SUFFIX);
  title = kw_text_clean (stem, TRUE);
  if (*title != '\0')
    kw_board_set_title (board, title);
}

static void
save_as_chosen_cb (GtkWindow *parent,
                   GFile     *file)
{
  KwWindow *self = KW_WINDOW (parent);

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  name_untitled_board (self, file);
  kw_window_save_to (self, file, FALSE);
}

void
kw_window_save_as (KwWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  KwSaveChooserOptions options = {
    .title = _("Save Board"),
    .accept_label = _("_Save"),
    .filter = filter,
    .near_file = kw_window_file (self),
    .name = kw_document_get_title (self->document),
    .suffix = KW_FORMAT_SUFFIX,
    .replace_body = _("A board with this name already exists. Replacing it overwrites its contents."),
  };

  gtk_file_filter_set_name (filter, _("Kwadrant boards"));
  gtk_file_filter_add_mime_type (filter, KW_FORMAT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "kwadrant");
  kw_save_chooser_show (GTK_WINDOW (self), &options, save_as_chosen_cb);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   KwWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      kw_document_discard_changes (self->document);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      kw_window_save (self);
    }
}

void
kw_window_ask_to_save_changes (KwWindow *self)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s” has unsaved changes. If you close without saving, they are lost."),
                          kw_document_get_title (self->document));
  dialog = kw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
