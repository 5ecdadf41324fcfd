/* kw-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-application.h"
#include "kw-details-panel.h"
#include "kw-export-dialog.h"
#include "kw-finding-filter.h"
#include "kw-document.h"
#include "kw-file-names.h"
#include "kw-format.h"
#include "kw-matrix.h"
#include "kw-message-dialog.h"
#include "kw-plan-model.h"
#include "kw-plan-row.h"
#include "kw-plan-selection.h"
#include "kw-print.h"
#include "kw-recent-boards.h"
#include "kw-save-chooser.h"
#include "kw-tray.h"
#include "kw-window.h"

struct _KwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  GtkListView          *plan_view;
  GMenu                *recent_menu;
  GtkWidget            *header_bar;
  GtkWidget            *undo_box;
  GtkWidget            *search_button;
  GtkWidget            *details_button;
  GtkWidget            *present_button;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  KwTray               *tray;
  KwMatrix             *matrix;
  GtkRevealer          *details_revealer;
  GtkWidget            *details_box;
  /* Built the first time it shows: hundreds of widgets a board does not
   * need on screen before its first frame. NULL until then. */
  KwDetailsPanel       *details_panel;
  GtkSearchBar         *search_bar;
  GtkEditable          *search_entry;
  GtkDropDown          *tag_dropdown;
  GtkInfoBar           *file_bar;
  GtkLabel             *file_bar_label;
  GtkWidget            *reload_button;
  GtkWidget            *keep_button;
  GtkWidget            *file_save_button;
  GtkWidget            *file_save_as_button;
  GtkInfoBar           *read_only_bar;

  /* The board, its file and everything that keeps it safe: loading,
   * saving, drafts, changes on disk. The window shows what it says. */
  KwDocument           *document;
  KwPlanModel          *plan;
  /* The one selection over the board's findings: the matrix, the lists
   * and the tray all show and change it. */
  GtkMultiSelection    *selection;
  /* Findings that match the search and tag; the matrix dims the others,
   * the lists and the tray leave them out. */
  KwFindingFilter      *filter;
  GtkFilter            *lists_filter;
  GtkFilter            *tray_filter;
  GtkStringList        *tags;
  guint                 tags_idle_id;
  guint                 present_timeout_id;
  /* Built on first use: a shortcuts window is hundreds of widgets, and
   * GtkApplication's automatic help overlay would build it for every
   * window before its first frame. */
  GtkWindow            *shortcuts_window;
  GSettings            *settings;   /* NULL when the schema is not installed */
  KwRecentBoards       *recent_boards;  /* the application's */
  /* Answers to this window's loads and saves come back while it may be
   * gone: cancelled in dispose. */
  GCancellable         *cancellable;

  guint                 present_pending : 1;
  guint                 started : 1;           /* showing a board, not the welcome */
  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  guint                 presenting : 1;
  guint                 details_visible : 1;
  guint                 numbered_dots : 1;
  guint                 snap : 1;
  guint                 updating_tags : 1;
};

G_DEFINE_FINAL_TYPE (KwWindow, kw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_LOADING,
  PROP_PRESENTING,
  PROP_DETAILS_VISIBLE,
  PROP_NUMBERED_DOTS,
  PROP_SNAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kw_window_save (KwWindow *self);
static void kw_window_save_as (KwWindow *self);
static void kw_window_queue_update_tags (KwWindow *self);
static void kw_window_start_board (KwWindow *self);
static KwFinding *get_first_selected (KwWindow *self);

static KwBoard *
get_board (KwWindow *self)
{
  return kw_document_get_board (self->document);
}

static KwHistory *
get_history (KwWindow *self)
{
  return kw_document_get_history (self->document);
}

static GFile *
get_file (KwWindow *self)
{
  return kw_document_get_file (self->document);
}

/* State */

static void
kw_window_update_title (KwWindow *self)
{
  const char *board_name = kw_document_get_title (self->document);
  GFile *file = get_file (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (!self->started)
    {
      adw_window_title_set_title (self->window_title, _("Kwadrant"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Kwadrant"));
      return;
    }

  if (kw_document_get_modified (self->document))
    /* Translators: the window title of a board with unsaved changes. */
    title = g_strdup_printf (_("• %s"), board_name);
  else
    title = g_strdup (board_name);

  if (file != NULL)
    subtitle = kw_file_dup_folder_name (file);
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the title window lists show, "Board title — Kwadrant". */
  window_title = g_strdup_printf (_("%s — Kwadrant"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
kw_window_update_page (KwWindow *self)
{
  gboolean loading = kw_document_get_loading (self->document);
  const char *page;

  if (loading)
    page = "loading";
  else if (self->started)
    page = "board";
  else
    page = "welcome";

  gtk_stack_set_visible_child_name (self->stack, page);

  /* The welcome page has no board to undo, search or present. */
  gtk_widget_set_visible (self->undo_box, self->started);
  gtk_widget_set_visible (self->search_button, self->started);
  gtk_widget_set_visible (self->details_button, self->started);
  gtk_widget_set_visible (self->present_button, self->started);

  if (loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

/* The one place that decides which actions are enabled: called whenever
 * anything they depend on changes. */
static void
kw_window_update_actions (KwWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  KwHistory *history = get_history (self);
  gboolean loading = kw_document_get_loading (self->document);
  gboolean idle = !loading && !kw_document_get_saving (self->document);
  /* An older Kwadrant never writes a newer format's board: it would lose
   * what it does not know. Export and print stay. */
  gboolean editable = !kw_document_get_read_only (self->document);

  gtk_widget_action_set_enabled (widget, "win.save", idle && editable);
  gtk_widget_action_set_enabled (widget, "win.save-as", idle && editable);
  gtk_widget_action_set_enabled (widget, "win.reload", idle && get_file (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.new-board", !loading);
  gtk_widget_action_set_enabled (widget, "win.export", !loading);
  gtk_widget_action_set_enabled (widget, "win.print", !loading);
  gtk_widget_action_set_enabled (widget, "win.undo", editable && history != NULL && kw_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", editable && history != NULL && kw_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.delete", editable && self->selection != NULL &&
                                                       get_first_selected (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.add-finding", editable);
  gtk_widget_action_set_enabled (widget, "win.quick-add", editable);
  gtk_widget_action_set_enabled (widget, "win.leave-presentation", self->presenting);
}

/* Opening a board at start-up, the window waits for the board (up to
 * PRESENT_DELAY_MS, then it shows the loading page): its first frame is
 * the board, not a welcome page or a spinner cross-fading into it. */
#define PRESENT_DELAY_MS 300

static void
kw_window_present_pending (KwWindow *self)
{
  if (!self->present_pending)
    return;

  self->present_pending = FALSE;
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  KwWindow *self = user_data;

  self->present_timeout_id = 0;
  kw_window_present_pending (self);

  return G_SOURCE_REMOVE;
}

void
kw_window_present_when_loaded (KwWindow *self)
{
  g_return_if_fail (KW_IS_WINDOW (self));

  if (!kw_document_get_loading (self->document) || gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  if (self->present_pending)
    return;
  self->present_pending = TRUE;
  self->present_timeout_id = g_timeout_add (PRESENT_DELAY_MS, present_timeout_cb, self);
}

static void
board_changed_cb (KwWindow *self,
                  KwBoard  *board)
{
  kw_window_queue_update_tags (self);
}

/* Read-only boards */

/* Hidden bars leave the widget tree too, so a screen reader meets the
 * alert when it appears and never an empty one. */
static void
set_bar_shown (GtkInfoBar *bar,
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
  set_bar_shown (self->read_only_bar, read_only);
  kw_window_update_actions (self);
}

/* A load or a restore brought a new board and its history: the widgets
 * follow it. */
static void
kw_window_show_board (KwWindow *self)
{
  KwBoard *board = get_board (self);
  KwHistory *history = get_history (self);

  g_signal_connect_object (board, "changed", G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (kw_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (kw_window_update_actions), self,
                           G_CONNECT_SWAPPED);

  kw_plan_model_set_board (self->plan, board);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (board));

  kw_matrix_set_board (self->matrix, board);
  kw_matrix_set_history (self->matrix, history);
  kw_tray_set_history (self->tray, history);
  if (self->details_panel != NULL)
    kw_details_panel_set_history (self->details_panel, history);

  kw_window_queue_update_tags (self);
  kw_window_update_read_only (self);
}

/* Dialogs and toasts */

static void
show_toast (KwWindow   *self,
            const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Recent boards: the application's list, on the welcome page and in the
 * main menu */

static GtkWidget *
create_recent_row_cb (gpointer item,
                      gpointer user_data)
{
  GFile *file = item;
  g_autofree char *name = kw_file_dup_display_name (file);
  g_autofree char *folder = kw_file_dup_folder_name (file);
  g_autofree char *location = kw_file_dup_location_name (file);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  /* Not the path: a board on a network share has none. */
  gtk_widget_set_tooltip_text (row, location);
  g_object_set_data_full (G_OBJECT (row), "file", g_object_ref (file), g_object_unref);

  return row;
}

/* Menu labels take "_" as a mnemonic: double it to show it as it is. */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
recent_boards_changed_cb (KwWindow   *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *boards)
{
  guint n_boards = g_list_model_get_n_items (boards);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < n_boards; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (boards, i);
      g_autofree char *name = kw_file_dup_display_name (file);
      g_autofree char *label = escape_mnemonics (name);
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
    }

  /* An item without an action shows greyed out: better than an empty submenu. */
  if (n_boards == 0)
    g_menu_append (self->recent_menu, _("No Recent Boards"), NULL);

  gtk_widget_set_visible (self->recent_box, n_boards > 0);
}

/* The application's list; a window of another application (tests) keeps
 * its own. */
static void
kw_window_follow_recent_boards (KwWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(KwRecentBoards) boards = NULL;

  if (KW_IS_APPLICATION (app))
    boards = g_object_ref (kw_application_get_recent_boards (KW_APPLICATION (app)));
  else if (self->recent_boards == NULL)
    boards = kw_recent_boards_new (NULL);
  else
    return;

  if (self->recent_boards == boards)
    return;

  if (self->recent_boards != NULL)
    g_signal_handlers_disconnect_by_func (self->recent_boards, recent_boards_changed_cb, self);
  g_set_object (&self->recent_boards, boards);

  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (boards), create_recent_row_cb, NULL, NULL);
  g_signal_connect_object (boards, "items-changed", G_CALLBACK (recent_boards_changed_cb), self,
                           G_CONNECT_SWAPPED);
  recent_boards_changed_cb (self, 0, 0, 0, G_LIST_MODEL (boards));
}

static void
add_to_recent (KwWindow *self,
               GFile    *file)
{
  kw_window_follow_recent_boards (self);
  kw_recent_boards_add (self->recent_boards, file);
}

/* Opens a board the way the rest of the app does: in the window that has
 * it, a blank one, or a new one. */
static void
kw_window_open (KwWindow *self,
                GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (KW_IS_APPLICATION (app))
    kw_application_open_file (KW_APPLICATION (app), file);
  else
    kw_window_load_file (self, file);
}

static void
recent_row_activated_cb (KwWindow      *self,
                         GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (file != NULL)
    kw_window_open (self, file);
}

/* Loading */

/* What an answer from the document needs: the window, and the file or
 * draft it was about (a failed load leaves the document's own file as it
 * was, so the error names the file that was asked for). */
typedef struct
{
  KwWindow *self;
  GObject  *subject;
} WindowRequest;

static WindowRequest *
window_request_new (KwWindow *self,
                    GObject  *subject)
{
  WindowRequest *request = g_new0 (WindowRequest, 1);

  request->self = g_object_ref (self);
  request->subject = g_object_ref (subject);

  return request;
}

static void
window_request_free (WindowRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->subject);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WindowRequest, window_request_free)

static void
show_load_error (KwWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = kw_file_dup_display_name (file);
  g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), name);

  kw_message_dialog_show_error (GTK_WINDOW (self), heading, error);
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WindowRequest) request = user_data;
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
      return;
    }

  add_to_recent (self, get_file (self));
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
                          window_request_new (self, G_OBJECT (file)));
}

static void
document_loading_cb (KwWindow   *self,
                     GParamSpec *pspec,
                     KwDocument *document)
{
  kw_window_update_page (self);
  kw_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Changes on disk */

/* One bar, two stories: someone saved over the file (reload, or keep
 * ours), or it is gone (save ours again). */
static void
kw_window_update_file_bar (KwWindow *self)
{
  KwFileState state = kw_document_get_file_state (self->document);
  GFile *file = get_file (self);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (state == KW_FILE_STATE_UNCHANGED || file == NULL)
    {
      set_bar_shown (self->file_bar, FALSE);
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
  set_bar_shown (self->file_bar, TRUE);
}

static void
window_active_cb (KwWindow   *self,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    kw_document_check_file (self->document);
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KwWindow         *self)
{
  GFile *file = get_file (self);

  if (g_str_equal (response, "reload") && file != NULL)
    kw_window_load_file (self, file);
}

static void
kw_window_reload (KwWindow *self)
{
  GFile *file = get_file (self);
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
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kw_window_reload (KW_WINDOW (widget));
}

/* Hides the bar and nothing else: the document still knows the version
 * we read, so a later Save still asks before it replaces the other one. */
static void
keep_mine_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  set_bar_shown (self->file_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix));
}

static void
file_bar_response_cb (KwWindow   *self,
                      int         response,
                      GtkInfoBar *bar)
{
  if (response == GTK_RESPONSE_CLOSE)
    set_bar_shown (bar, FALSE);
}

/* Autosave drafts: the document writes them; the window says when it cannot. */

static void
draft_failed_cb (KwWindow     *self,
                 const GError *error,
                 KwDocument   *document)
{
  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    show_toast (self, _("Kwadrant cannot keep a recovery copy of this board. Save it to be safe."));
}

static void
restore_finished_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WindowRequest) request = user_data;
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
                                   window_request_new (self, G_OBJECT (draft)));
}

const char *
kw_window_get_draft_id (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return kw_document_get_draft_id (self->document);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
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

static void
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

/* Saving */

static void kw_window_save_to (KwWindow *self,
                               GFile    *file,
                               gboolean  refuse_over_changes);

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
  g_autoptr(WindowRequest) request = user_data;
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
  add_to_recent (self, file);
  kw_window_update_file_bar (self);
  show_toast (self, _("Saved"));

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
  WindowRequest *request = window_request_new (self, G_OBJECT (file));

  if (refuse_over_changes)
    kw_document_save_async (self->document, save_finished_cb, request);
  else
    kw_document_save_as_async (self->document, file, save_finished_cb, request);
}

static void
kw_window_save (KwWindow *self)
{
  GFile *file = get_file (self);

  if (file == NULL)
    kw_window_save_as (self);
  else
    kw_window_save_to (self, file, TRUE);
}

static void
save_as_chosen_cb (GtkWindow *parent,
                   GFile     *file)
{
  KwWindow *self = KW_WINDOW (parent);

  if (file == NULL)
    self->close_after_save = FALSE;
  else
    kw_window_save_to (self, file, FALSE);
}

static void
kw_window_save_as (KwWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  KwSaveChooserOptions options = {
    .title = _("Save Board"),
    .accept_label = _("_Save"),
    .filter = filter,
    .near_file = get_file (self),
    .name = kw_document_get_title (self->document),
    .suffix = KW_FORMAT_SUFFIX,
    .replace_body = _("A board with this name already exists. Replacing it overwrites its contents."),
  };

  gtk_file_filter_set_name (filter, _("Kwadrant boards"));
  gtk_file_filter_add_mime_type (filter, KW_FORMAT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "kwadrant");
  kw_save_chooser_show (GTK_WINDOW (self), &options, save_as_chosen_cb);
}

/* Actions */

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kw_window_save (KW_WINDOW (widget));
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  kw_window_save_as (KW_WINDOW (widget));
}

static void
new_board_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  if (self->started)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      /* This window already shows a board: New never replaces it. */
      if (app != NULL)
        gtk_window_present (GTK_WINDOW (kw_window_new (app)));
      return;
    }

  kw_window_start_board (self);
  gtk_widget_grab_focus (GTK_WIDGET (kw_tray_get_entry (self->tray)));
}

static void
open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  kw_window_open (KW_WINDOW (widget), file);
}

/* Closing */

static void
save_window_state (KwWindow *self)
{
  int width, height;
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The maximised size says nothing about the size to restore to. */
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

static void
restore_window_state (KwWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static GSettings *
new_settings_if_installed (void)
{
  static const char * const keys[] = { "window-width", "window-height", "window-maximized" };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed: the window size is not remembered", APP_ID);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (!g_settings_schema_has_key (schema, keys[i]))
        {
          g_warning ("Schema %s has no key %s: the window size is not remembered", APP_ID, keys[i]);
          return NULL;
        }
    }

  return g_settings_new_full (schema, NULL, NULL);
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

static void
ask_to_save_changes (KwWindow *self)
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

static gboolean
kw_window_close_request (GtkWindow *window)
{
  KwWindow *self = KW_WINDOW (window);

  if (kw_document_get_modified (self->document) && !self->close_confirmed)
    {
      /* Saving already, e.g. a second Ctrl+W: wait for that save. */
      if (!kw_document_get_saving (self->document))
        ask_to_save_changes (self);
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (kw_window_parent_class)->close_request (window);
}

/* The outcome lists */

static void
plan_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, kw_plan_row_new ());
}

/* Screen readers announce the focused row, and in a GTK 4.8 list view
 * that is the list item's own widget, the parent of our row: it needs
 * the label too. */
static void
label_list_item_widget (GtkWidget  *row,
                        const char *text)
{
  GtkWidget *item_widget = gtk_widget_get_parent (row);

  if (item_widget == NULL)
    return;

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (item_widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
plan_item_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   KwWindow                 *self)
{
  KwPlanRow *row = KW_PLAN_ROW (gtk_list_item_get_child (list_item));
  KwPlanItem *item = gtk_list_item_get_item (list_item);
  gboolean is_finding = kw_plan_item_get_kind (item) == KW_PLAN_ITEM_FINDING;

  /* Headings stay focusable (a GTK 4.8 list item takes the focus only when
   * selectable or activatable), so the keyboard reads them too; only
   * findings open their details. */
  gtk_list_item_set_activatable (list_item, is_finding);
  gtk_list_item_set_selectable (list_item, TRUE);

  kw_plan_row_bind (row, item, get_board (self));
  label_list_item_widget (GTK_WIDGET (row), kw_plan_row_get_accessible_text (row));
}

static void
plan_item_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  KwPlanRow *row = KW_PLAN_ROW (gtk_list_item_get_child (list_item));

  kw_plan_row_bind (row, NULL, NULL);
  label_list_item_widget (GTK_WIDGET (row), NULL);
}

/* Details */

static KwFinding *get_first_selected (KwWindow *self);

static KwDetailsPanel *
kw_window_ensure_details_panel (KwWindow *self)
{
  KwFinding *selected;

  if (self->details_panel != NULL)
    return self->details_panel;

  self->details_panel = g_object_new (KW_TYPE_DETAILS_PANEL, "width-request", 360, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->details_panel), "kw-details");
  gtk_box_append (GTK_BOX (self->details_box), GTK_WIDGET (self->details_panel));

  /* What the panel would have been told so far. */
  kw_details_panel_set_history (self->details_panel, get_history (self));
  kw_details_panel_set_editable (self->details_panel, !kw_document_get_read_only (self->document));
  selected = get_first_selected (self);
  if (selected != NULL)
    kw_details_panel_set_finding (self->details_panel, selected);

  return self->details_panel;
}

static void
kw_window_show_details (KwWindow   *self,
                        const char *page,
                        gboolean    focus)
{
  if (self->presenting)
    return;

  kw_details_panel_show_page (kw_window_ensure_details_panel (self), page);
  if (!self->details_visible)
    {
      self->details_visible = TRUE;
      gtk_widget_set_visible (self->details_box, TRUE);
      gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_VISIBLE]);
    }

  if (focus)
    kw_details_panel_focus_first (self->details_panel);
}

/* The welcome page shows the app icon. */
static void
welcome_page_map_cb (GtkWidget *page)
{
  kw_application_add_icon_resources ();
}

/* Folded away, the panel leaves layout: see the template. */
static void
details_child_revealed_cb (KwWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->details_revealer) &&
      !gtk_revealer_get_child_revealed (self->details_revealer))
    gtk_widget_set_visible (self->details_box, FALSE);
}

static void
kw_window_select_only (KwWindow  *self,
                       KwFinding *finding)
{
  guint position;

  if (kw_board_find_position (get_board (self), finding, &position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

/* Enter or a double-click on a finding, on the matrix or in a list. */
static void
finding_activated_cb (KwWindow  *self,
                      KwFinding *finding)
{
  kw_window_select_only (self, finding);
  kw_details_panel_set_finding (kw_window_ensure_details_panel (self), finding);
  kw_window_show_details (self, "finding", TRUE);
}

static void
plan_view_activate_cb (KwWindow    *self,
                       guint        position,
                       GtkListView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(KwPlanItem) item = g_list_model_get_item (model, position);

  if (item != NULL && kw_plan_item_get_kind (item) == KW_PLAN_ITEM_FINDING)
    finding_activated_cb (self, kw_plan_item_get_finding (item));
}

static KwFinding *
get_first_selected (KwWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(KwFinding) finding = NULL;

  if (gtk_bitset_is_empty (selected))
    return NULL;

  /* The model keeps the finding alive after the reference is dropped. */
  finding = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
  return finding;
}

static void
selection_changed_cb (KwWindow          *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  KwFinding *finding = get_first_selected (self);

  kw_window_update_actions (self);
  if (finding != NULL && self->details_panel != NULL)
    kw_details_panel_set_finding (self->details_panel, finding);
}

/* Search and tag filter */

/* The outcome lists: every heading, the findings that match; the
 * summary and the unplaced findings have their own places. */
static gboolean
lists_filter_match_cb (gpointer item,
                       gpointer user_data)
{
  KwPlanItem *plan_item = item;

  switch (kw_plan_item_get_kind (plan_item))
    {
    case KW_PLAN_ITEM_SUMMARY:
      return FALSE;
    case KW_PLAN_ITEM_FINDING:
      return kw_plan_item_get_outcome (plan_item) != KW_OUTCOME_UNPLACED &&
             kw_finding_filter_matches (user_data, kw_plan_item_get_finding (plan_item));
    case KW_PLAN_ITEM_GROUP:
    case KW_PLAN_ITEM_EMPTY:
    default:
      return kw_plan_item_get_outcome (plan_item) != KW_OUTCOME_UNPLACED;
    }
}

static gboolean
tray_filter_match_cb (gpointer item,
                      gpointer user_data)
{
  KwPlanItem *plan_item = item;

  return kw_plan_item_get_kind (plan_item) == KW_PLAN_ITEM_FINDING &&
         kw_plan_item_get_outcome (plan_item) == KW_OUTCOME_UNPLACED &&
         kw_finding_filter_matches (user_data, kw_plan_item_get_finding (plan_item));
}

/* The lists and the tray follow the search and tag too. */
static void
filter_changed_cb (KwWindow        *self,
                   GtkFilterChange  change,
                   GtkFilter       *filter)
{
  gtk_filter_changed (self->lists_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->tray_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_changed_cb (KwWindow       *self,
                   GtkSearchEntry *entry)
{
  kw_finding_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (KwWindow       *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix));
}

static void
tag_selected_cb (KwWindow    *self,
                 GParamSpec  *pspec,
                 GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *tag = NULL;

  if (self->updating_tags)
    return;

  /* The first entry is "All tags". */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    tag = gtk_string_list_get_string (self->tags, selected);

  kw_finding_filter_set_tag (self->filter, tag);
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
collect_board_tags (KwBoard *board)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *tags = g_ptr_array_new ();

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      const char * const *finding_tags = kw_finding_get_tags (kw_board_get_finding (board, i));

      for (guint j = 0; finding_tags != NULL && finding_tags[j] != NULL; j++)
        {
          if (g_hash_table_add (seen, (gpointer) finding_tags[j]))
            g_ptr_array_add (tags, (gpointer) finding_tags[j]);
        }
    }

  g_ptr_array_sort (tags, compare_tags);
  return tags;
}

static gboolean
tags_unchanged (GtkStringList *list,
                GPtrArray     *tags)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) != tags->len + 1)
    return FALSE;

  for (guint i = 0; i < tags->len; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (list, i + 1), tags->pdata[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
update_tags_cb (gpointer user_data)
{
  KwWindow *self = user_data;
  g_autoptr(GPtrArray) tags = collect_board_tags (get_board (self));
  const char *chosen = kw_finding_filter_get_tag (self->filter);
  guint selected = 0;

  self->tags_idle_id = 0;

  if (tags_unchanged (self->tags, tags))
    return G_SOURCE_REMOVE;

  self->updating_tags = TRUE;
  g_ptr_array_insert (tags, 0, (gpointer) _("All tags"));
  g_ptr_array_add (tags, NULL);
  gtk_string_list_splice (self->tags, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tags)),
                          (const char * const *) tags->pdata);

  /* The chosen tag stays chosen while any finding still has it. */
  for (guint i = 1; chosen != NULL && i < tags->len - 1; i++)
    {
      if (g_str_equal (tags->pdata[i], chosen))
        selected = i;
    }
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  self->updating_tags = FALSE;

  if (selected == 0)
    kw_finding_filter_set_tag (self->filter, NULL);

  return G_SOURCE_REMOVE;
}

/* A drag changes the board every frame; the tags are gathered once it
 * is quiet. */
static void
kw_window_queue_update_tags (KwWindow *self)
{
  if (self->tags_idle_id == 0 && self->tags != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    self->tags_idle_id = g_idle_add_full (G_PRIORITY_LOW, update_tags_cb, self, NULL);
}

/* Presentation */

static void
kw_window_set_presenting (KwWindow *self,
                          gboolean  presenting)
{
  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;

  /* Hiding the focused button would pass the focus on to the first card,
   * and focusing a card selects it: highlighted for the whole room. */
  if (presenting)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);

  /* Only the matrix, as large as the projector allows. */
  gtk_widget_set_visible (self->header_bar, !presenting);
  gtk_widget_set_visible (self->sidebar, !presenting);
  gtk_widget_set_visible (self->sidebar_separator, !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->search_bar), !presenting);
  kw_matrix_set_presentation (self->matrix, presenting);

  if (presenting)
    {
      KwFinding *selected = get_first_selected (self);

      gtk_window_fullscreen (GTK_WINDOW (self));
      /* The selected finding stays under the keyboard. With none, no card
       * takes the focus; Tab still reaches the cards. */
      if (selected != NULL)
        kw_matrix_focus_finding (self->matrix, selected);
    }
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));

  kw_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

/* Esc leaves the presentation; the action is enabled only while
 * presenting, so everywhere else Esc goes on to mean what it always means. */
static void
leave_presentation_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  kw_window_set_presenting (KW_WINDOW (widget), FALSE);
}

/* Editing actions */

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_history_undo (get_history (self));
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_history_redo (get_history (self));
}

static void
kw_window_start_board (KwWindow *self)
{
  if (self->started)
    return;

  self->started = TRUE;
  kw_window_update_page (self);
  kw_window_update_title (self);
}

/* Ctrl+N adds a finding at once, as one undo step: it waits in the tray,
 * selected, with its title ready to be typed over in the details. */
static void
add_finding_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  g_autoptr(KwFinding) finding = NULL;

  if (kw_document_get_loading (self->document) || kw_document_get_read_only (self->document))
    return;

  kw_window_set_presenting (self, FALSE);
  kw_window_start_board (self);

  finding = kw_finding_new (_("New finding"));
  kw_history_add (get_history (self), finding, G_MAXUINT);
  kw_window_select_only (self, finding);
  kw_details_panel_set_finding (kw_window_ensure_details_panel (self), finding);
  kw_window_show_details (self, "finding", TRUE);
}

/* Ctrl+L goes to the quick-add entry: type a title, Enter, the next
 * title, Enter; the findings wait in the tray. */
static void
quick_add_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  if (kw_document_get_loading (self->document) || kw_document_get_read_only (self->document))
    return;

  kw_window_set_presenting (self, FALSE);
  kw_window_start_board (self);
  gtk_widget_grab_focus (GTK_WIDGET (kw_tray_get_entry (self->tray)));
}

static GPtrArray *
collect_selected (KwWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (findings, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return findings;
}

static void
kw_window_delete_selected (KwWindow *self)
{
  g_autoptr(GPtrArray) findings = collect_selected (self);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* The matrix and the lists ask too, not only the disabled action. */
  if (findings->len == 0 || kw_document_get_read_only (self->document))
    return;

  if (findings->len == 1)
    {
      label = g_strdup (_("Delete Finding"));
      message = g_strdup_printf (_("Deleted “%s”"), kw_finding_get_title (findings->pdata[0]));
    }
  else
    {
      label = g_strdup_printf (ngettext ("Delete %u Finding", "Delete %u Findings", findings->len),
                               findings->len);
      message = g_strdup_printf (ngettext ("Deleted %u finding", "Deleted %u findings", findings->len),
                                 findings->len);
    }

  kw_history_begin_group (get_history (self), label);
  for (guint i = 0; i < findings->len; i++)
    kw_history_remove (get_history (self), findings->pdata[i]);
  kw_history_end_group (get_history (self));

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kw_window_delete_selected (KW_WINDOW (widget));
}

static void
delete_requested_cb (KwWindow *self)
{
  kw_window_delete_selected (self);
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  if (!self->started || self->presenting)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
board_details_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_window_start_board (self);
  kw_window_show_details (self, "board", TRUE);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  KwExportDialog *dialog;

  dialog = kw_export_dialog_new (GTK_WINDOW (self), get_board (self), get_file (self), self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_shortcuts_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/kwadrant/Kwadrant/kw-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      /* GTK owns toplevels; the pointer clears should it go first. */
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window), (gpointer *) &self->shortcuts_window);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_print_board (GTK_WINDOW (self), get_board (self));
}

static void
kw_window_set_details_visible (KwWindow *self,
                               gboolean  visible)
{
  if (self->details_visible == !!visible)
    return;

  if (visible)
    kw_window_show_details (self, "finding", FALSE);
  else
    {
      self->details_visible = FALSE;
      gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_VISIBLE]);
    }
}

static void
add_delete_shortcut (KwWindow  *self,
                     GtkWidget *widget)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                            gtk_named_action_new ("win.delete"));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (widget, controller);
}

/* Drag and drop */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         KwWindow      *self)
{
  GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
  gboolean opened = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (!kw_file_has_suffix (l->data, KW_FORMAT_SUFFIX))
        continue;

      kw_window_open (self, l->data);
      opened = TRUE;
    }

  g_slist_free (files);

  return opened;
}

static void
setup_drop_target (KwWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* GObject */

static void
kw_window_dispose (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  /* Pending loads and saves hold a reference and come back later: the
   * cancellable tells them the window is gone. */
  /* Destroyed without asking (the session ends): the document still
   * writes the last changes to the draft. */
  if (self->document != NULL)
    kw_document_close (self->document);
  if (self->shortcuts_window != NULL)
    {
      GtkWindow *shortcuts = self->shortcuts_window;

      g_object_remove_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &self->shortcuts_window);
      self->shortcuts_window = NULL;
      gtk_window_destroy (shortcuts);
    }

  if (self->recent_boards != NULL)
    g_signal_handlers_disconnect_by_func (self->recent_boards, recent_boards_changed_cb, self);
  g_clear_object (&self->recent_boards);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (kw_document_get_board (self->document), self);
      g_signal_handlers_disconnect_by_data (kw_document_get_history (self->document), self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_WINDOW);
  g_clear_handle_id (&self->tags_idle_id, g_source_remove);
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);

  G_OBJECT_CLASS (kw_window_parent_class)->dispose (object);
}

static void
kw_window_finalize (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  g_clear_handle_id (&self->tags_idle_id, g_source_remove);
  g_clear_object (&self->plan);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->lists_filter);
  g_clear_object (&self->tray_filter);
  g_clear_object (&self->tags);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kw_window_parent_class)->finalize (object);
}

static void
kw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KwWindow *self = KW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, kw_document_get_modified (self->document));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, kw_document_get_loading (self->document));
      break;

    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;

    case PROP_DETAILS_VISIBLE:
      g_value_set_boolean (value, self->details_visible);
      break;

    case PROP_NUMBERED_DOTS:
      g_value_set_boolean (value, self->numbered_dots);
      break;

    case PROP_SNAP:
      g_value_set_boolean (value, self->snap);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KwWindow *self = KW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      kw_window_set_presenting (self, g_value_get_boolean (value));
      break;

    case PROP_DETAILS_VISIBLE:
      kw_window_set_details_visible (self, g_value_get_boolean (value));
      break;

    case PROP_NUMBERED_DOTS:
      if (self->numbered_dots != g_value_get_boolean (value))
        {
          self->numbered_dots = g_value_get_boolean (value);
          kw_matrix_set_style (self->matrix, self->numbered_dots ? KW_MATRIX_STYLE_DOTS
                                                                 : KW_MATRIX_STYLE_CARDS);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SNAP:
      if (self->snap != g_value_get_boolean (value))
        {
          self->snap = g_value_get_boolean (value);
          kw_matrix_set_snap (self->matrix, self->snap);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_window_class_init (KwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kw_window_dispose;
  object_class->finalize = kw_window_finalize;
  object_class->get_property = kw_window_get_property;
  object_class->set_property = kw_window_set_property;

  window_class->close_request = kw_window_close_request;

  /**
   * KwWindow:modified:
   *
   * Whether the board has changes that are not saved yet.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:loading:
   *
   * Whether a file is being loaded into the window.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:presenting:
   *
   * Whether the window shows only the matrix, fullscreen (F5; Esc leaves).
   */
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:details-visible:
   *
   * Whether the details panel is shown beside the matrix.
   */
  properties[PROP_DETAILS_VISIBLE] =
    g_param_spec_boolean ("details-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:numbered-dots:
   *
   * Whether the matrix shows numbered dots instead of cards.
   */
  properties[PROP_NUMBERED_DOTS] =
    g_param_spec_boolean ("numbered-dots", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:snap:
   *
   * Whether findings moved on the matrix snap to the grid, off the lines.
   */
  properties[PROP_SNAP] =
    g_param_spec_boolean ("snap", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, tray);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, matrix);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, file_bar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, file_bar_label);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, keep_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, file_save_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, file_save_as_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, read_only_bar);
  /* Not kept in the struct, but found by name (tests). */
  gtk_widget_class_bind_template_child_full (widget_class, "undo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "redo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "read_only_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_child_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_page_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_item_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, file_bar_response_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-board", NULL, new_board_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-finding", NULL, add_finding_action_cb);
  gtk_widget_class_install_action (widget_class, "win.quick-add", NULL, quick_add_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "win.board-details", NULL, board_details_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action_cb);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  gtk_widget_class_install_property_action (widget_class, "win.show-details", "details-visible");
  gtk_widget_class_install_property_action (widget_class, "win.numbered-dots", "numbered-dots");
  gtk_widget_class_install_property_action (widget_class, "win.snap", "snap");

  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, leave_presentation_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presentation", NULL);

  g_type_ensure (KW_TYPE_PLAN_ROW);
  g_type_ensure (KW_TYPE_TRAY);
  g_type_ensure (KW_TYPE_MATRIX);
  g_type_ensure (KW_TYPE_DETAILS_PANEL);
}

static void
setup_models (KwWindow *self)
{
  g_autoptr(GtkFilterListModel) lists = NULL;
  g_autoptr(GtkFilterListModel) unplaced = NULL;
  g_autoptr(KwPlanSelection) lists_selection = NULL;
  g_autoptr(KwPlanSelection) tray_selection = NULL;

  self->plan = kw_plan_model_new (NULL);
  self->selection = gtk_multi_selection_new (NULL);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  self->filter = kw_finding_filter_new ();
  self->lists_filter = GTK_FILTER (gtk_custom_filter_new (lists_filter_match_cb, self->filter, NULL));
  self->tray_filter = GTK_FILTER (gtk_custom_filter_new (tray_filter_match_cb, self->filter, NULL));
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  lists = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->plan)), g_object_ref (self->lists_filter));
  unplaced = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->plan)), g_object_ref (self->tray_filter));
  lists_selection = kw_plan_selection_new (G_LIST_MODEL (lists), GTK_SELECTION_MODEL (self->selection));
  tray_selection = kw_plan_selection_new (G_LIST_MODEL (unplaced), GTK_SELECTION_MODEL (self->selection));

  gtk_list_view_set_model (self->plan_view, GTK_SELECTION_MODEL (lists_selection));
  kw_tray_set_model (self->tray, GTK_SELECTION_MODEL (tray_selection));

  kw_matrix_set_selection (self->matrix, GTK_SELECTION_MODEL (self->selection));
  kw_matrix_set_filter (self->matrix, GTK_FILTER (self->filter));
  kw_matrix_set_unplace_target (self->matrix, GTK_WIDGET (self->tray));

  self->tags = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));

  add_delete_shortcut (self, GTK_WIDGET (self->plan_view));
  add_delete_shortcut (self, kw_tray_get_list (self->tray));
}

static void
kw_window_init (KwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kw_a11y_name_buttons_once (GTK_WIDGET (self));
  kw_a11y_name_drop_down (self->tag_dropdown, _("Tag"));

  setup_models (self);
  self->document = kw_document_new ();
  kw_window_follow_document (self);
  kw_window_show_board (self);
  /* "All tags" shows from the start. */
  g_clear_handle_id (&self->tags_idle_id, g_source_remove);
  update_tags_cb (self);

  /* The application is set after construction. */
  g_signal_connect (self, "notify::application", G_CALLBACK (kw_window_follow_recent_boards), NULL);

  self->settings = new_settings_if_installed ();
  restore_window_state (self);

  setup_drop_target (self);
  /* Remote locations may have no monitor: look again whenever the
   * facilitator comes back to the window. */
  g_signal_connect (self, "notify::is-active", G_CALLBACK (window_active_cb), NULL);

  kw_window_update_page (self);
  kw_window_update_title (self);
  kw_window_update_actions (self);
}

KwWindow *
kw_window_new (GtkApplication *application)
{
  return g_object_new (KW_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

GFile *
kw_window_get_file (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return get_file (self);
}

KwBoard *
kw_window_get_board (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return get_board (self);
}

gboolean
kw_window_is_blank (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), FALSE);

  return get_file (self) == NULL && !kw_document_get_modified (self->document) &&
         !kw_document_get_loading (self->document);
}

gboolean
kw_window_get_modified (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), FALSE);

  return kw_document_get_modified (self->document);
}

gboolean
kw_window_get_loading (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), FALSE);

  return kw_document_get_loading (self->document);
}

GListModel *
kw_window_get_plan_model (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->plan);
}

KwHistory *
kw_window_get_history (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return get_history (self);
}

GtkSelectionModel *
kw_window_get_selection (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GtkFilter *
kw_window_get_filter (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_FILTER (self->filter);
}

GtkWidget *
kw_window_get_matrix (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->matrix);
}

GtkWidget *
kw_window_get_tray (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->tray);
}

GtkWidget *
kw_window_get_details_panel (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (kw_window_ensure_details_panel (self));
}

GtkWidget *
kw_window_get_outcome_lists (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->plan_view);
}
