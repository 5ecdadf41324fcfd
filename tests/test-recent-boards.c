/* test-recent-boards.c: KwRecentBoards lists the boards among the recent
 * files (not other files, not boards deleted since), follows additions,
 * and keeps at most KW_RECENT_BOARDS_MAX.
 *
 * A recent files list of its own, in a temporary folder; the test waits
 * for the model's items-changed, which the manager's "changed" drives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "kw-recent-boards.h"
#include "kw-gui-test.h"

#define GUARD_SECONDS 30

static gboolean
guard_cb (gpointer user_data)
{
  g_error ("The recent boards did not change within %d s", GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

/* Runs the main loop until the model lists n boards. */
static void
wait_for_n_boards (KwRecentBoards *boards,
                   guint           n)
{
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  while (g_list_model_get_n_items (G_LIST_MODEL (boards)) != n)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard);
}

static gboolean lists_file (KwRecentBoards *boards,
                            GFile          *file);

/* Runs the main loop until the model lists file. */
static void
wait_until_listed (KwRecentBoards *boards,
                   GFile          *file)
{
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  while (!lists_file (boards, file))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard);
}

static GFile *
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "x", -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static gboolean
lists_file (KwRecentBoards *boards,
            GFile          *file)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (boards)); i++)
    {
      g_autoptr(GFile) listed = g_list_model_get_item (G_LIST_MODEL (boards), i);

      if (g_file_equal (listed, file))
        return TRUE;
    }

  return FALSE;
}

static void
test_boards_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kw-recent-XXXXXX", NULL);
  g_autofree char *list_path = g_build_filename (dir, "recently-used.xbel", NULL);
  g_autoptr(GtkRecentManager) manager = g_object_new (GTK_TYPE_RECENT_MANAGER, "filename", list_path, NULL);
  g_autoptr(KwRecentBoards) boards = kw_recent_boards_new (manager);
  g_autoptr(GFile) first = touch (dir, "eerste.kwadrant");
  g_autoptr(GFile) second = touch (dir, "tweede.kwadrant");
  g_autoptr(GFile) text = touch (dir, "notities.txt");
  g_autofree char *text_uri = g_file_get_uri (text);
  g_autofree char *second_path = g_file_get_path (second);
  guint n_changes = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (boards)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (boards)) == G_TYPE_FILE);
  g_signal_connect (boards, "items-changed", G_CALLBACK (items_changed_cb), &n_changes);

  kw_recent_boards_add (boards, first);
  kw_recent_boards_add (boards, second);
  gtk_recent_manager_add_item (manager, text_uri);
  wait_for_n_boards (boards, 2);
  g_assert_true (lists_file (boards, first));
  g_assert_true (lists_file (boards, second));
  g_assert_cmpuint (n_changes, >=, 1);

  /* Deleted since: left out at the next change of the list. */
  g_assert_cmpint (g_unlink (second_path), ==, 0);
  {
    g_autoptr(GFile) third = touch (dir, "derde.kwadrant");

    kw_recent_boards_add (boards, third);
    wait_until_listed (boards, third);
    g_assert_false (lists_file (boards, second));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (boards)), ==, 2);
  }

  /* At most KW_RECENT_BOARDS_MAX. */
  for (guint i = 0; i < KW_RECENT_BOARDS_MAX + 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("bord-%u.kwadrant", i);
      g_autoptr(GFile) file = touch (dir, name);

      kw_recent_boards_add (boards, file);
    }
  wait_for_n_boards (boards, KW_RECENT_BOARDS_MAX);

  g_clear_object (&boards);
  g_clear_object (&manager);
  kw_gui_test_remove_tree (dir);
}

/* A board that failed to open goes off the list, as GTK's file chooser
 * had put it there; a file never listed is no error. */
static void
test_remove (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kw-recent-XXXXXX", NULL);
  g_autofree char *list_path = g_build_filename (dir, "recently-used.xbel", NULL);
  g_autoptr(GtkRecentManager) manager = g_object_new (GTK_TYPE_RECENT_MANAGER, "filename", list_path, NULL);
  g_autoptr(KwRecentBoards) boards = kw_recent_boards_new (manager);
  g_autoptr(GFile) good = touch (dir, "goed.kwadrant");
  g_autoptr(GFile) broken = touch (dir, "kapot.kwadrant");
  g_autoptr(GFile) never = touch (dir, "nooit.kwadrant");
  g_autofree char *broken_uri = g_file_get_uri (broken);

  kw_recent_boards_add (boards, good);
  gtk_recent_manager_add_item (manager, broken_uri);
  wait_for_n_boards (boards, 2);

  kw_recent_boards_remove (boards, broken);
  wait_for_n_boards (boards, 1);
  g_assert_true (lists_file (boards, good));
  g_assert_false (gtk_recent_manager_has_item (manager, broken_uri));

  kw_recent_boards_remove (boards, never);
  g_assert_true (lists_file (boards, good));

  g_clear_object (&boards);
  g_clear_object (&manager);
  kw_gui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/recent-boards/boards-only", test_boards_only);
  g_test_add_func ("/recent-boards/remove", test_remove);

  return g_test_run ();
}
