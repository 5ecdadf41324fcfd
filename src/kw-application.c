/* kw-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-application.h"
#include "kw-cli.h"
#include "kw-draft-store.h"
#include "kw-format.h"
#include "kw-recent-boards.h"
#include "kw-recovery-dialog.h"
#include "kw-window.h"

struct _KwApplication
{
  AdwApplication parent_instance;

  /* Set once our option handler ran: GApplication reports a failed option
   * parse as exit status 1, and we want 2 for a usage error. */
  gboolean options_parsed;
  /* Drafts of a crashed run are offered once, at the first window. */
  gboolean drafts_offered;
  /* Built on first use: the command line's checks and exports need none. */
  KwRecentBoards *recent_boards;
};

G_DEFINE_FINAL_TYPE (KwApplication, kw_application, ADW_TYPE_APPLICATION)

static KwWindow *
find_window_for_file (KwApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *window_file;

      if (!KW_IS_WINDOW (l->data))
        continue;

      window_file = kw_window_get_file (l->data);
      if (window_file != NULL && g_file_equal (window_file, file))
        return l->data;
    }

  return NULL;
}

static KwWindow *
find_blank_window (KwApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (KW_IS_WINDOW (active) && kw_window_is_blank (KW_WINDOW (active)))
    return KW_WINDOW (active);

  return NULL;
}

void
kw_application_open_file (KwApplication *self,
                          GFile         *file)
{
  KwWindow *window;

  g_return_if_fail (KW_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A list of findings goes into the board in front, through the preview. */
  if (kw_window_file_is_import (file))
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      window = KW_IS_WINDOW (active) ? KW_WINDOW (active) : kw_window_new (GTK_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (window));
      kw_window_import_file (window, file);
      return;
    }

  window = find_window_for_file (self, file);
  if (window == NULL)
    {
      window = find_blank_window (self);
      if (window == NULL)
        window = kw_window_new (GTK_APPLICATION (self));
      kw_window_load_file (window, file);
    }

  kw_window_present_when_loaded (window);
}

KwRecentBoards *
kw_application_get_recent_boards (KwApplication *self)
{
  g_return_val_if_fail (KW_IS_APPLICATION (self), NULL);

  if (self->recent_boards == NULL)
    self->recent_boards = kw_recent_boards_new (NULL);

  return self->recent_boards;
}

/* Recovery of drafts a crashed run left behind */

static void
restore_draft_cb (KwRecoveryDialog *dialog,
                  KwDraft          *draft,
                  KwApplication    *self)
{
  KwWindow *window = find_blank_window (self);

  if (window == NULL)
    window = kw_window_new (GTK_APPLICATION (self));

  kw_window_restore_draft (window, draft);
  gtk_window_present (GTK_WINDOW (window));

  /* The drafts still waiting stay in front. */
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KwApplication) self = user_data;
  KwDraftStore *store = KW_DRAFT_STORE (object);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  KwRecoveryDialog *dialog;

  drafts = kw_draft_store_list_finish (store, result, &error);
  if (drafts == NULL)
    {
      g_warning ("Could not look for unsaved boards to restore: %s", error->message);
      return;
    }
  if (drafts->len == 0)
    return;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (parent == NULL)
    parent = GTK_WINDOW (kw_window_new (GTK_APPLICATION (self)));
  /* A window still waiting for its board shows now, under the offer. */
  gtk_window_present (parent);

  dialog = kw_recovery_dialog_new (parent, store, drafts);
  g_signal_connect_object (dialog, "restore-draft", G_CALLBACK (restore_draft_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kw_application_offer_drafts (KwApplication *self)
{
  if (self->drafts_offered)
    return;

  self->drafts_offered = TRUE;
  kw_draft_store_list_async (kw_draft_store_get_default (), NULL, drafts_listed_cb, g_object_ref (self));
}

static void
kw_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (kw_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
  kw_application_offer_drafts (KW_APPLICATION (application));
}

static void
kw_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    kw_application_open_file (KW_APPLICATION (application), files[i]);

  kw_application_offer_drafts (KW_APPLICATION (application));
}

static int
kw_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  KW_APPLICATION (application)->options_parsed = TRUE;

  return kw_cli_handle_local_options (application, options);
}

static gboolean
kw_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  KwApplication *self = KW_APPLICATION (application);
  gboolean handled;

  handled = G_APPLICATION_CLASS (kw_application_parent_class)->local_command_line (application, arguments, exit_status);

  if (handled && *exit_status != 0 && !self->options_parsed)
    *exit_status = KW_CLI_EXIT_USAGE;

  return handled;
}

/* Runs in the primary instance, for its own command line or a second
 * "kwadrant FILE" started while it runs. */
static int
kw_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GPtrArray) files = NULL;

  files = kw_cli_get_files (options, g_application_command_line_get_cwd (command_line));

  if (files->len == 0)
    g_application_activate (application);
  else
    g_application_open (application, (GFile **) files->pdata, (int) files->len, "");

  return 0;
}

static void
new_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  KwApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (kw_window_new (GTK_APPLICATION (self))));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  KwApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          kw_application_open_file (self, file);
        }
    }

  g_object_unref (dialog);
}

static GtkFileFilter *
board_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Kwadrant boards"));
  gtk_file_filter_add_mime_type (filter, KW_FORMAT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "kwadrant");

  return filter;
}

static void
open_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KwApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) boards = board_file_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Board"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), boards);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

#define RESOURCE_PATH "/io/github/kwadrant/Kwadrant"

/**
 * kw_application_add_icon_resources:
 *
 * Lets the icon theme find the app icon in the resources, for a Kwadrant
 * run from its build tree (an installed one finds it in hicolor). Called
 * where the icon shows (the welcome page, the About window) rather than by
 * GtkApplication at start-up: adding a path makes the icon theme load
 * itself once more, and at start-up that second load landed on the first
 * frame (12 ms of the main thread).
 */
void
kw_application_add_icon_resources (void)
{
  static gboolean added;
  GdkDisplay *display = gdk_display_get_default ();

  if (added || display == NULL)
    return;

  added = TRUE;
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), RESOURCE_PATH "/icons");
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  KwApplication *self = user_data;
  static const char *developers[] = { "The Kwadrant developers", NULL };
  GtkWidget *about;

  kw_application_add_icon_resources ();
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Kwadrant"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Kwadrant developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Sort improvement findings on an impact/effort matrix and turn them into an action plan."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your name here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Closing each window lets it ask about unsaved changes first. */
static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KwApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new", new_action_cb },
  { "open", open_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
kw_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control><Shift>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new-board", { "<Control>n", NULL } },
    { "win.add-finding", { "Insert", NULL } },
    { "win.quick-add", { "<Control>l", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.hide-done", { "<Control>h", NULL } },
    { "win.take-snapshot", { "<Control>t", NULL } },
    { "win.snapshots", { "<Control><Shift>t", NULL } },
    { "win.review", { "<Control>r", NULL } },
    { "win.start-round", { "<Control><Shift>r", NULL } },
    { "win.reveal-round", { "<Control><Shift>Return", NULL } },
    { "win.close-round", { "<Control><Shift>BackSpace", NULL } },
    { "win.next-in-round", { "<Control>period", NULL } },
    { "win.previous-in-round", { "<Control>comma", NULL } },
    { "win.round-countdown", { "<Control><Shift>k", NULL } },
    { "win.start-voting", { "<Control><Shift>p", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

  G_APPLICATION_CLASS (kw_application_parent_class)->startup (application);

  /* Without a resource base path AdwApplication does not load the style
   * sheet itself. */
  gtk_css_provider_load_from_resource (style, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);
}

static void
kw_application_finalize (GObject *object)
{
  KwApplication *self = KW_APPLICATION (object);

  g_clear_object (&self->recent_boards);

  G_OBJECT_CLASS (kw_application_parent_class)->finalize (object);
}

static void
kw_application_class_init (KwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kw_application_finalize;

  app_class->activate = kw_application_activate;
  app_class->open = kw_application_open;
  app_class->startup = kw_application_startup;
  app_class->command_line = kw_application_command_line;
  app_class->handle_local_options = kw_application_handle_local_options;
  app_class->local_command_line = kw_application_local_command_line;
}

static void
kw_application_init (KwApplication *self)
{
  kw_cli_add_options (G_APPLICATION (self));
}

KwApplication *
kw_application_new (void)
{
  return g_object_new (KW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* No automatic resources: see kw_application_startup()
                        * and kw_application_add_icon_resources(). */
                       "resource-base-path", NULL,
                       NULL);
}
