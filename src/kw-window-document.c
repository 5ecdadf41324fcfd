/* kw-window-document.c: the window shows its KwDocument: loading and
 * restoring, the page and the title that follow it, the bars for a
 * read-only board and for changes on disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kw-file-names.h"
#include "kw-format.h"
#include "kw-message-dialog.h"
#include "kw-window-private.h"

/* Read-only boards */

/* Hidden bars leave the widget tree too, so a screen reader meets the
 * alert when it appears and never an empty one. */
void
kw_window_set_bar_shown (GtkInfoBar *bar,
                         gboolean    shown)
{
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (bar), TRUE);
  gtk_info_bar_set_revealed (bar, shown);
  if (!shown)
    gtk_widget_set_visible (GTK_WIDGET (bar), FALSE);
}

static void
kw_window_update_read_only (KwWindow *self)
{
  gboolean read_only = kw_document_get_read_only (self->document);

  kw_matrix_set_editable (self->matrix, !read_only);
  kw_tray_set_editable (self->tray, !read_only);
  if (self->details_panel != NULL)
    kw_details_panel_set_editable (self->details_panel, !read_only);
  kw_window_set_bar_shown (self->read_only_bar, read_only);
  kw_window_update_actions (self);
}

/* A load or a restore brought a new board and its history: the widgets
 * follow it. */
void
kw_window_show_board (KwWindow *self)
{
  KwBoard *board = kw_window_board (self);
  KwHistory *history = kw_window_history (self);

  /* A review is of the board it started on. */
  kw_window_leave_review (self);
  g_signal_connect_object (board, "changed", G_CALLBACK (kw_window_queue_update_tags), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (kw_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (kw_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  kw_window_follow_review_dates (self);

  kw_plan_model_set_board (self->plan, board);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (board));

  kw_matrix_set_board (self->matrix, board);
  kw_matrix_set_history (self->matrix, history);
  kw_changes_panel_set_board (self->changes_panel, board);
  kw_tray_set_history (self->tray, history);
  if (self->details_panel != NULL)
    kw_details_panel_set_history (self->details_panel, history);

  kw_window_queue_update_tags (self);
  kw_window_update_read_only (self);
}

/* Loading */

KwWindowRequest *
kw_window_request_new (KwWindow *self,
                       GObject  *subject)
{
  KwWindowRequest *request = g_new0 (KwWindowRequest, 1);

  request->self = g_object_ref (self);
  request->subject = g_object_ref (subject);

  return request;
}

void
kw_window_request_free (KwWindowRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->subject);
  g_free (request);
}

/* What went wrong, in words a facilitator can act on; the file, line and
 * reason go behind the dialog's Details. */
static const char *
get_load_error_body (const GError *error)
{
  if (error->domain == KW_FORMAT_ERROR)
    {
      switch ((KwFormatError) error->code)
        {
        case KW_FORMAT_ERROR_TOO_LARGE:
          return _("This file is too large to be a Kwadrant board, or it holds text far longer than a board "
                   "would. It was not opened.");
        case KW_FORMAT_ERROR_NEWER_VERSION:
          return _("This board was made with a newer version of Kwadrant. Open it with that version.");
        case KW_FORMAT_ERROR_NOT_XML:
        case KW_FORMAT_ERROR_NOT_A_BOARD:
        case KW_FORMAT_ERROR_FORBIDDEN:
        case KW_FORMAT_ERROR_INVALID:
        default:
          return _("This file is not a Kwadrant board, or it is damaged. It was not opened.");
        }
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("The file is not there any more: it may have been moved, renamed or deleted, "
             "or the drive it was on is not connected.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("You do not have permission to read this file. Ask its owner to share it with you.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("This is a folder, not a board. Choose a board file inside it.");

  return _("Kwadrant could not read this file.");
}

static void
show_load_error (KwWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = kw_file_dup_display_name (file);
  g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);
  g_autofree char *location = kw_file_dup_location_name (file);
  g_autofree char *details = NULL;

  /* The reader's messages start with the file ("FILE:LINE: problem"). */
  if (strstr (error->message, location) != NULL)
    details = g_strdup (error->message);
  else
    details = g_strdup_printf ("%s\n%s", location, error->message);

  kw_message_dialog_show_problem (GTK_WINDOW (self), heading, get_load_error_body (error), details);
}

/* A share that is out of reach now may be there tomorrow, with the board
 * as good as ever: it stays among the recent boards. */
static gboolean
is_passing_error (const GError *error)
{
  static const GIOErrorEnum passing[] = {
    G_IO_ERROR_FAILED_HANDLED,  /* the user closed the password dialog */
    G_IO_ERROR_TIMED_OUT,
    G_IO_ERROR_BUSY,
    G_IO_ERROR_NOT_MOUNTED,
    G_IO_ERROR_HOST_NOT_FOUND,
    G_IO_ERROR_HOST_UNREACHABLE,
    G_IO_ERROR_NETWORK_UNREACHABLE,
    G_IO_ERROR_CONNECTION_REFUSED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (passing); i++)
    {
      if (g_error_matches (error, G_IO_ERROR, passing[i]))
        return TRUE;
    }

  return FALSE;
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KwWindowRequest) request = user_data;
  KwWindow *self = request->self;
  g_autoptr(GError) error = NULL;

  /* A newer load, or closing the window, took over. */
  if (!kw_document_load_finish (KW_DOCUMENT (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  kw_window_present_pending (self);

  if (error != NULL)
    {
      /* The user closed the password dialog: nothing to explain. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED_HANDLED))
        show_load_error (self, G_FILE (request->subject), error);
      /* The file chooser lists what it opened among the recent files, and
       * a board that opened once may be broken now: a file that does not
       * open is no recent board. */
      if (!is_passing_error (error))
        kw_window_forget_recent (self, G_FILE (request->subject));
      return;
    }

  kw_window_add_to_recent (self, kw_window_file (self));
  kw_window_offer_review (self);
}

/* The password dialog of a share being mounted needs its window on screen. */
static void
mount_asks_cb (KwWindow *self)
{
  kw_window_present_pending (self);
}

void
kw_window_load_file (KwWindow *self,
                     GFile    *file)
{
  g_autoptr(GMountOperation) mount_operation = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (KW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = kw_file_dup_display_name (file);
  message = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_text (self->loading_label, message);

  mount_operation = gtk_mount_operation_new (GTK_WINDOW (self));
  g_signal_connect_object (mount_operation, "ask-password", G_CALLBACK (mount_asks_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mount_operation, "ask-question", G_CALLBACK (mount_asks_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mount_operation, "show-processes", G_CALLBACK (mount_asks_cb), self,
                           G_CONNECT_SWAPPED);

  kw_document_load_async (self->document, file, mount_operation, load_finished_cb,
                          kw_window_request_new (self, G_OBJECT (file)));
}

static void
document_loading_cb (KwWindow   *self,
                     GParamSpec *pspec,
                     KwDocument *document)
{
  kw_window_update_page (self);
  kw_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), kw_window_properties[PROP_LOADING]);
}

/* Changes on disk */

/* One bar, two stories: someone saved over the file (reload, or keep
 * ours), or it is gone (save ours again). */
void
kw_window_update_file_bar (KwWindow *self)
{
  KwFileState state = kw_document_get_file_state (self->document);
  GFile *file = kw_window_file (self);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (state == KW_FILE_STATE_UNCHANGED || file == NULL)
    {
      kw_window_set_bar_shown (self->file_bar, FALSE);
      return;
    }

  name = kw_file_dup_display_name (file);
  if (state == KW_FILE_STATE_CHANGED)
    text = g_strdup_printf (_("“%s” was changed by someone else."), name);
  else
    text = g_strdup_printf (_("“%s” was deleted or moved. Save to keep your version."), name);

  gtk_label_set_text (self->file_bar_label, text);
  gtk_widget_set_visible (self->reload_button, state == KW_FILE_STATE_CHANGED);
  gtk_widget_set_visible (self->keep_button, state == KW_FILE_STATE_CHANGED);
  gtk_widget_set_visible (self->file_save_button, state == KW_FILE_STATE_GONE);
  gtk_widget_set_visible (self->file_save_as_button, state == KW_FILE_STATE_GONE);
  gtk_info_bar_set_show_close_button (self->file_bar, state == KW_FILE_STATE_GONE);

  /* The bar is an alert: a screen reader reads its text when it shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->file_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  kw_window_set_bar_shown (self->file_bar, TRUE);
}

void
kw_window_check_file_when_active (KwWindow   *self,
                                  GParamSpec *pspec,
                                  gpointer    user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    kw_document_check_file (self->document);
}

void
kw_window_file_bar_response_cb (KwWindow   *self,
                                int         response,
                                GtkInfoBar *bar)
{
  if (response == GTK_RESPONSE_CLOSE)
    kw_window_set_bar_shown (bar, FALSE);
}

/* Autosave drafts: the document writes them; the window says when it cannot. */

static void
draft_failed_cb (KwWindow     *self,
                 const GError *error,
                 KwDocument   *document)
{
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    kw_window_show_toast (self, _("Kwadrant cannot keep a recovery copy of this board. Save it to be safe."));
}

static void
restore_finished_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KwWindowRequest) request = user_data;
  KwWindow *self = request->self;
  KwDraft *draft = KW_DRAFT (request->subject);
  g_autoptr(GError) error = NULL;

  if (!kw_document_restore_draft_finish (KW_DOCUMENT (object), result, &error))
    {
      g_autofree char *name = NULL;
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      name = kw_draft_dup_display_name (draft);
      heading = g_strdup_printf (_("Could not restore “%s”"), name);
      kw_message_dialog_show_error (GTK_WINDOW (self), heading, error);
    }
}

void
kw_window_restore_draft (KwWindow *self,
                         KwDraft  *draft)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (KW_IS_WINDOW (self));
  g_return_if_fail (KW_IS_DRAFT (draft));

  name = kw_draft_dup_display_name (draft);
  message = g_strdup_printf (_("Restoring “%s”…"), name);
  gtk_label_set_text (self->loading_label, message);

  kw_document_restore_draft_async (self->document, draft, restore_finished_cb,
                                   kw_window_request_new (self, G_OBJECT (draft)));
}

/* The document's state, as the window shows it */

static void
document_board_cb (KwWindow   *self,
                   GParamSpec *pspec,
                   KwDocument *document)
{
  /* Replaced by a load or a restore: the board page follows the loading
   * page directly, never the welcome page in between. */
  self->started = TRUE;
  kw_window_show_board (self);
  kw_window_update_page (self);
  kw_window_update_title (self);
}

static void
document_modified_cb (KwWindow   *self,
                      GParamSpec *pspec,
                      KwDocument *document)
{
  kw_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), kw_window_properties[PROP_MODIFIED]);
}

static void
document_file_cb (KwWindow   *self,
                  GParamSpec *pspec,
                  KwDocument *document)
{
  kw_window_update_title (self);
  kw_window_update_file_bar (self);
  kw_window_update_actions (self);
}

void
kw_window_follow_document (KwWindow *self)
{
  KwDocument *document = self->document;

  g_signal_connect_object (document, "notify::board", G_CALLBACK (document_board_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (document_modified_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (kw_window_update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (document_file_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::loading", G_CALLBACK (document_loading_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::saving", G_CALLBACK (kw_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::read-only", G_CALLBACK (kw_window_update_read_only), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "file-changed", G_CALLBACK (kw_window_update_file_bar), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "draft-failed", G_CALLBACK (draft_failed_cb), self, G_CONNECT_SWAPPED);
}
