/* kw-save-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-save-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-file-names.h"
#include "kw-message-dialog.h"
#include "kw-save-chooser.h"

/* What the chooser and the replace question carry until the answer. */
typedef struct
{
  GtkWindow         *parent;
  GFile             *file;
  char              *suffix;
  char              *replace_body;
  KwSaveChooserFunc  callback;
} Request;

static Request *
request_new (GtkWindow         *parent,
             const char        *suffix,
             const char        *replace_body,
             KwSaveChooserFunc  callback)
{
  Request *request = g_new0 (Request, 1);

  request->parent = g_object_ref (parent);
  request->suffix = g_strdup (suffix);
  request->replace_body = g_strdup (replace_body);
  request->callback = callback;

  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->file);
  g_clear_pointer (&request->suffix, g_free);
  g_clear_pointer (&request->replace_body, g_free);
  g_free (request);
}

/* Answered once; the request goes with the dialog. */
static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Request *request = user_data;
  KwSaveChooserFunc callback = g_steal_pointer (&request->callback);

  if (callback != NULL)
    callback (request->parent, g_str_equal (response, "replace") ? request->file : NULL);
}

static void
request_free_closure (gpointer  data,
                      GClosure *closure)
{
  request_free (data);
}

static void
ask_to_replace (Request *request)
{
  g_autofree char *name = kw_file_dup_display_name (request->file);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
  AdwMessageDialog *dialog = kw_message_dialog_new (request->parent, heading, request->replace_body);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (replace_response_cb), request,
                         request_free_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_request (Request *request,
                 GFile   *chosen)
{
  g_autoptr(GFile) file = kw_file_ensure_suffix (chosen, request->suffix);

  /* The chooser already asked about the name as typed. */
  if (!g_file_equal (file, chosen) && g_file_query_exists (file, NULL))
    {
      request->file = g_steal_pointer (&file);
      ask_to_replace (request);
      return;
    }

  request->callback (request->parent, file);
  request_free (request);
}

void
kw_save_chooser_confirm (GtkWindow         *parent,
                         GFile             *chosen,
                         const char        *suffix,
                         const char        *replace_body,
                         KwSaveChooserFunc  callback)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (chosen));
  g_return_if_fail (suffix != NULL && callback != NULL);

  confirm_request (request_new (parent, suffix, replace_body, callback), chosen);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  Request *request = user_data;
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (chosen == NULL)
    {
      request->callback (request->parent, NULL);
      request_free (request);
      return;
    }

  confirm_request (request, chosen);
}

static char *
dup_suggested_name (const KwSaveChooserOptions *options)
{
  g_autofree char *name = g_strdup (options->name);

  /* A title may hold characters a file name cannot. */
  g_strdelimit (name, "/\\", '-');

  return g_strconcat (name, options->suffix, NULL);
}

void
kw_save_chooser_show (GtkWindow                  *parent,
                      const KwSaveChooserOptions *options,
                      KwSaveChooserFunc           callback)
{
  GtkFileChooserNative *chooser;
  g_autofree char *suggested = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (options != NULL && options->name != NULL && options->suffix != NULL);
  g_return_if_fail (callback != NULL);

  chooser = gtk_file_chooser_native_new (options->title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         options->accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (options->filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), options->filter);

  if (options->near_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (options->near_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  suggested = dup_suggested_name (options);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb),
                    request_new (parent, options->suffix, options->replace_body, callback));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
