/* kw-window-import.c: findings from outside into the window's board.
 *
 * Import… in the menu, a .csv file opened or dropped on the window, and
 * rows pasted from a spreadsheet (tab-separated, as LibreOffice and Excel
 * copy them) all end in the one import preview, KwImportDialog, where
 * nothing changes until the user confirms; a file of participants'
 * estimates gets the same preview for estimates. Boards (.kwadrant)
 * dropped on the window open as from the recent boards: in the window that
 * has them, a blank one, or a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-import"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-file-names.h"
#include "kw-format.h"
#include "kw-import-dialog.h"
#include "kw-window-private.h"

#define CSV_SUFFIX ".csv"

/* The preview */

static void
imported_cb (KwImportDialog *dialog,
             guint           n_changes,
             KwWindow       *self)
{
  g_autofree char *text = NULL;

  if (n_changes == 0)
    return;

  kw_window_start_board (self);
  text = g_strdup_printf (ngettext ("%u finding imported", "%u findings imported", n_changes), n_changes);
  kw_window_show_toast (self, text);
}

static void
estimates_imported_cb (KwImportDialog *dialog,
                       guint           n_estimates,
                       KwWindow       *self)
{
  g_autofree char *text = NULL;

  if (n_estimates == 0)
    return;

  text = g_strdup_printf (ngettext ("%u estimate imported", "%u estimates imported", n_estimates), n_estimates);
  kw_window_show_toast (self, text);
}

static gboolean
can_import (KwWindow *self)
{
  return !kw_document_get_loading (self->document) && !kw_document_get_read_only (self->document);
}

static void
show_preview (KwWindow *self,
              KwImport *import)
{
  KwImportDialog *dialog = kw_import_dialog_new (GTK_WINDOW (self), import, kw_window_history (self));

  kw_window_set_presenting (self, FALSE);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file with a participant column, or named after a participant of the
 * board, holds estimates (kw_estimates_import_is_estimates()). */
static void
show_estimates_preview (KwWindow          *self,
                        KwEstimatesImport *estimates)
{
  KwImportDialog *dialog = kw_import_dialog_new_for_estimates (GTK_WINDOW (self), estimates,
                                                               kw_window_history (self));

  kw_window_set_presenting (self, FALSE);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (estimates_imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_text (KwWindow   *self,
             const char *text)
{
  g_autoptr(KwImport) import = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_import (self))
    return;

  import = kw_import_new_from_text (kw_window_board (self), text, &error);
  if (import == NULL)
    {
      kw_window_show_toast (self, error->message);
      return;
    }

  show_preview (self, import);
}

/* as_estimates: the user chose to import the file as estimates; otherwise
 * its columns and name tell. */
static void
preview_loaded_file (GFile        *file,
                     GAsyncResult *result,
                     KwWindow     *self,
                     gboolean      as_estimates)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwImport) import = NULL;
  g_autoptr(KwEstimatesImport) estimates = NULL;
  g_autofree char *display_name = kw_file_dup_display_name (file);

  bytes = g_file_load_bytes_finish (file, result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bytes != NULL && can_import (self) &&
      (as_estimates || kw_estimates_import_is_estimates (kw_window_board (self), bytes, display_name)))
    {
      estimates = kw_estimates_import_new (kw_window_board (self));
      if (!kw_estimates_import_add_bytes (estimates, bytes, display_name, &error))
        g_clear_object (&estimates);
    }
  else if (bytes != NULL && can_import (self))
    {
      import = kw_import_new (kw_window_board (self), bytes, display_name, &error);
    }

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not import %s: %s"), display_name, error->message);

      kw_window_show_toast (self, text);
      return;
    }

  if (import != NULL)
    show_preview (self, import);
  else if (estimates != NULL)
    show_estimates_preview (self, estimates);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KwWindowRequest) request = user_data;

  preview_loaded_file (G_FILE (object), result, request->self, FALSE);
}

static void
estimates_file_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(KwWindowRequest) request = user_data;

  preview_loaded_file (G_FILE (object), result, request->self, TRUE);
}

void
kw_window_import_file (KwWindow *self,
                       GFile    *file)
{
  g_return_if_fail (KW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_bytes_async (file, self->cancellable, file_loaded_cb,
                           kw_window_request_new (self, G_OBJECT (file)));
}

gboolean
kw_window_file_is_import (GFile *file)
{
  return kw_file_has_suffix (file, CSV_SUFFIX);
}

/* Import… */

/* The chooser's choice of what the file holds: findings, or estimates for
 * a file named after a participant who is not on the board yet (which
 * nothing else tells from a list of findings). */
#define CHOICE_IMPORT_AS "import-as"
#define CHOICE_FINDINGS "findings"
#define CHOICE_ESTIMATES "estimates"

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), CHOICE_IMPORT_AS);

      if (file != NULL && g_strcmp0 (choice, CHOICE_ESTIMATES) == 0)
        g_file_load_bytes_async (file, self->cancellable, estimates_file_loaded_cb,
                                 kw_window_request_new (self, G_OBJECT (file)));
      else if (file != NULL)
        kw_window_import_file (self, file);
    }

  g_object_unref (chooser);
}

static void
add_import_as_choice (GtkFileChooser *chooser)
{
  const char *ids[] = { CHOICE_FINDINGS, CHOICE_ESTIMATES, NULL };
  const char *labels[] = { _("Findings"), _("Estimates of the participant the file is named after"), NULL };

  gtk_file_chooser_add_choice (chooser, CHOICE_IMPORT_AS, _("Import as"), ids, labels);
  gtk_file_chooser_set_choice (chooser, CHOICE_IMPORT_AS, CHOICE_FINDINGS);
}

void
kw_window_import_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Findings"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (tables, _("CSV files"));
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_add_mime_type (tables, "text/tab-separated-values");
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tables);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  add_import_as_choice (GTK_FILE_CHOOSER (chooser));

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Pasting */

/* Rows copied from a spreadsheet: cells separated by tabs. A title never
 * holds a tab (the entry turns one into a space). */
static gboolean
looks_like_rows (const char *text)
{
  return strchr (text, '\t') != NULL;
}

static void
entry_paste_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KwWindowRequest) request = user_data;
  GtkEditable *editable = GTK_EDITABLE (request->subject);
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  int position;

  if (text == NULL || !gtk_editable_get_editable (editable))
    return;

  if (looks_like_rows (text))
    {
      import_text (request->self, text);
      return;
    }

  /* Any other text pastes as it always did (several lines still become
   * several findings, see kw-tray.c). */
  gtk_editable_delete_selection (editable);
  position = gtk_editable_get_position (editable);
  gtk_editable_insert_text (editable, text, -1, &position);
  gtk_editable_set_position (editable, position);
}

/* The quick-add entry's paste: the clipboard's text is only known once
 * read, so the entry's own paste waits for it and this decides. Always:
 * the formats GDK knows may still be another owner's, just after a
 * spreadsheet took the clipboard. */
static void
entry_paste_cb (GtkText  *text,
                KwWindow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (text));

  g_signal_stop_emission_by_name (text, "paste-clipboard");
  gdk_clipboard_read_text_async (clipboard, self->cancellable, entry_paste_read_cb,
                                 kw_window_request_new (self, G_OBJECT (kw_tray_get_entry (self->tray))));
}

static void
window_paste_read_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(KwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (text != NULL && looks_like_rows (text))
    import_text (self, text);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Ctrl+V where no text field takes it (the matrix, the lists). */
static gboolean
window_paste_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  if (!can_import (KW_WINDOW (widget)))
    return FALSE;

  gdk_clipboard_read_text_async (clipboard, KW_WINDOW (widget)->cancellable, window_paste_read_cb,
                                 g_object_ref (widget));

  return TRUE;
}

/* Dropping */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         KwWindow      *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean handled = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (kw_file_has_suffix (l->data, KW_FORMAT_SUFFIX))
        {
          kw_window_open (self, l->data);
          handled = TRUE;
        }
      else if (kw_window_file_is_import (l->data) && !handled)
        {
          /* One preview at a time: the first list dropped. */
          kw_window_import_file (self, l->data);
          handled = TRUE;
        }
    }

  g_slist_free (files);

  return handled;
}

void
kw_window_setup_import (KwWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkEditable *entry = kw_tray_get_entry (self->tray);
  GtkEditable *text = gtk_editable_get_delegate (entry);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (text != NULL ? (gpointer) text : (gpointer) entry, "paste-clipboard",
                           G_CALLBACK (entry_paste_cb), self, 0);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_v, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (window_paste_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
