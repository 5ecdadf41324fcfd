/* kw-window-recent.c: the recent boards, the application's list, on the
 * welcome page and in the main menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-recent"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-application.h"
#include "kw-file-names.h"
#include "kw-window-private.h"

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
void
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
    g_signal_handlers_disconnect_by_data (self->recent_boards, self);
  g_set_object (&self->recent_boards, boards);

  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (boards), create_recent_row_cb, NULL, NULL);
  g_signal_connect_object (boards, "items-changed", G_CALLBACK (recent_boards_changed_cb), self,
                           G_CONNECT_SWAPPED);
  recent_boards_changed_cb (self, 0, 0, 0, G_LIST_MODEL (boards));
}

void
kw_window_add_to_recent (KwWindow *self,
                         GFile    *file)
{
  kw_window_follow_recent_boards (self);
  kw_recent_boards_add (self->recent_boards, file);
}

void
kw_window_forget_recent (KwWindow *self,
                         GFile    *file)
{
  kw_window_follow_recent_boards (self);
  kw_recent_boards_remove (self->recent_boards, file);
}

/* Opens a board the way the rest of the app does: in the window that has
 * it, a blank one, or a new one. */
void
kw_window_open (KwWindow *self,
                GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (KW_IS_APPLICATION (app))
    kw_application_open_file (KW_APPLICATION (app), file);
  else
    kw_window_load_file (self, file);
}

void
kw_window_recent_row_activated_cb (KwWindow      *self,
                                   GtkListBoxRow *row)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "file");

  if (file != NULL)
    kw_window_open (self, file);
}
