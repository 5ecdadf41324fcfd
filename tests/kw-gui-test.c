/* kw-gui-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-gui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "kw-gui-test.h"
#include "kw-history.h"
#include "kw-window.h"

static guint wait_timeout_ms = KW_GUI_TEST_WAIT_TIMEOUT_MS;

/* Setting up and tearing down */

char *
kw_gui_test_init (int          *argc,
                  char       ***argv,
                  const char   *tmp_template)
{
  g_autofree char *data_home = NULL;
  char *tmp_dir;

  /* Keep the recent files list, drafts and settings of whoever runs the
   * tests: before GTK starts, so nothing has read the real ones yet. */
  tmp_dir = g_dir_make_tmp (tmp_template, NULL);
  g_assert_nonnull (tmp_dir);
  data_home = g_build_filename (tmp_dir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  return tmp_dir;
}

GtkApplication *
kw_gui_test_application_new (const char *application_id)
{
  GtkApplication *app;

  /* Non-unique and with an id of each test's own, so that a running
   * Kwadrant or another test never takes the windows over; the base path
   * finds the app's menus and shortcuts in the resources. */
  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", application_id,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/kwadrant/Kwadrant",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  return app;
}

void
kw_gui_test_finish (GtkApplication **app,
                    char           **tmp_dir)
{
  g_clear_object (app);
  /* Windows may have left drafts of their changed boards under the data
   * folder: the whole tree goes. */
  kw_gui_test_remove_tree (*tmp_dir);
  g_clear_pointer (tmp_dir, g_free);
}

void
kw_gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* A link to a folder is removed, not what it points to. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        kw_gui_test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* Waiting */

void
kw_gui_test_set_wait_timeout (guint timeout_ms)
{
  wait_timeout_ms = timeout_ms;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Blocks in the main context rather than sleeping, so the test goes on
 * the moment cond holds; the timeout turns a hang into a failed assertion
 * instead of a test killed by meson. */
gboolean
kw_gui_test_wait_until (KwGuiTestCondition cond,
                        gpointer           data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (wait_timeout_ms, timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return cond (data);
}

void
kw_gui_test_spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Conditions */

gboolean
kw_gui_test_window_is_idle (gpointer window)
{
  return !kw_window_get_loading (window);
}

gboolean
kw_gui_test_window_is_saved (gpointer window)
{
  return !kw_window_get_modified (window);
}

gboolean
kw_gui_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
kw_gui_test_pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

gboolean
kw_gui_test_dialog_is_shown (gpointer parent)
{
  return kw_gui_test_find_dialog (parent) != NULL;
}

/* Windows and dialogs */

AdwMessageDialog *
kw_gui_test_find_dialog (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  /* Only a visible one: what the user would have in front of them. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) &&
          gtk_widget_get_visible (l->data) &&
          gtk_window_get_transient_for (l->data) == parent)
        return l->data;
    }

  return NULL;
}

/* Without a portal GtkFileChooserNative shows a GtkFileChooserDialog. */
GtkFileChooser *
kw_gui_test_find_file_chooser (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

gboolean
kw_gui_test_file_chooser_is_shown (gpointer data)
{
  return kw_gui_test_find_file_chooser () != NULL;
}

const char *
kw_gui_test_dialog_get_details (AdwMessageDialog *dialog)
{
  GtkWidget *expander = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *label;

  if (!GTK_IS_EXPANDER (expander))
    return NULL;

  label = gtk_expander_get_child (GTK_EXPANDER (expander));

  return GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

void
kw_gui_test_close_dialog (AdwMessageDialog *dialog,
                          const char       *response)
{
  adw_message_dialog_response (dialog, response);
  /* adw_message_dialog_response() only emits ::response; a click would
   * also close the dialog. */
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
kw_gui_test_destroy_window (GtkWindow *window)
{
  gpointer weak = window;

  /* Finalized, not only destroyed: whatever it still had running (a
   * load, a save, a file monitor) is over before the next test. */
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_pointer_is_null, &weak));
}

KwWindow *
kw_gui_test_new_window (GtkApplication *app)
{
  KwWindow *window = kw_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, window));

  return window;
}

void
kw_gui_test_select_finding (KwWindow  *window,
                            KwFinding *finding)
{
  guint position;

  g_assert_true (kw_board_find_position (kw_window_get_board (window), finding, &position));
  g_assert_true (gtk_selection_model_select_item (kw_window_get_selection (window), position, TRUE));
}

/* The toast shown by the window's overlay: AdwToastWidget, a private
 * type, gives its AdwToast as a property. */
AdwToast *
kw_gui_test_dup_shown_toast (GtkWidget *root)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  AdwToast *toast = NULL;

  /* Registered when the first toast is shown. */
  if (toast_type == 0)
    return NULL;
  g_ptr_array_add (stack, root);
  while (stack->len > 0 && toast == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, toast_type))
        g_object_get (widget, "toast", &toast, NULL);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }

  return toast;
}

KwFinding *
kw_gui_test_add_finding (KwWindow   *window,
                         const char *title,
                         double      impact,
                         double      effort)
{
  g_autoptr(KwFinding) finding = kw_finding_new (title);

  if (impact >= 0)
    kw_finding_place (finding, impact, effort);
  kw_history_add (kw_window_get_history (window), finding, G_MAXUINT);

  return finding;
}
