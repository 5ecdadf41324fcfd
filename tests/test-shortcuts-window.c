/* test-shortcuts-window.c: the shortcuts window (Ctrl+?) fits a
 * 1366×768 laptop in English and in Dutch, whichever groups GTK puts
 * side by side.
 *
 * GtkShortcutsSection pours the groups into columns and pairs two
 * columns on a page; which groups share a page changes as groups are
 * added (and between GTK versions), and every page is as wide as the
 * widest. Within a column all keys are as wide as the widest keys and all
 * titles as the widest title. So the window can never be wider than two
 * of its widest columns, plus what surrounds a page: that is what this
 * test bounds, measured on the real window. tests/test-shortcuts-fit.sh
 * looks at the window on a real screen under a window manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "kw-gui-test.h"

#define SCREEN_WIDTH 1366
#define SCREEN_HEIGHT 768
/* GtkShortcutsSection's spacing between the two columns of a page. */
#define COLUMN_SPACING 22

/* GTK 4.8 warns that a label inside its own shortcuts window reports a
 * minimum width below zero (the app logs the same warning): GTK's, not
 * ours, so that one warning is written but not fatal here; every other
 * message goes to GLib's writer, which makes warnings fatal in tests. */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
          strstr (fields[i].value, "reported min width") != NULL)
        return g_log_writer_standard_streams (log_level, fields, n_fields, data);
    }

  return g_log_writer_default (log_level, fields, n_fields, data);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
page_is_drawn (gpointer data)
{
  GtkWidget *page = data;

  return gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0;
}

/* The width of the widest column on any page, shown one after the other:
 * every row of a column is as wide as the column (its keys and its title
 * share size groups). */
static int
widest_column (GtkBuilder *builder,
               GtkStack   *stack,
               char      **widest_title)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (stack);
  guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));
  guint n_shortcuts = 0, n_measured = 0;
  int widest = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    n_shortcuts += GTK_IS_SHORTCUTS_SHORTCUT (l->data);

  for (guint p = 0; p < n_pages; p++)
    {
      GtkStackPage *stack_page = g_list_model_get_item (G_LIST_MODEL (pages), p);
      GtkWidget *page = gtk_stack_page_get_child (stack_page);

      g_object_unref (stack_page); /* the stack keeps it */

      gtk_stack_set_visible_child (stack, page);
      g_assert_true (kw_gui_test_wait_until (page_is_drawn, page));

      for (GSList *l = objects; l != NULL; l = l->next)
        {
          int width;

          if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data) || !gtk_widget_is_ancestor (l->data, page))
            continue;
          g_assert_true (gtk_widget_get_mapped (l->data));
          n_measured++;
          width = gtk_widget_get_width (l->data);
          if (width > widest)
            {
              widest = width;
              g_free (*widest_title);
              g_object_get (l->data, "title", widest_title, NULL);
            }
        }
    }

  /* Every shortcut is on some page. */
  g_assert_cmpuint (n_measured, ==, n_shortcuts);
  g_test_message ("%u shortcuts on %u pages", n_shortcuts, n_pages);

  return widest;
}

static gboolean
window_is_drawn (gpointer data)
{
  GtkWidget *window = data;

  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0;
}

static void
test_fits (gconstpointer data)
{
  const char *locale = data;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autofree char *widest_title = NULL;
  GtkWidget *window, *stack, *page;
  int column, page_width, surround, worst, height;

  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip_printf ("no %s locale", locale);
      return;
    }

  builder = gtk_builder_new_from_resource ("/io/github/kwadrant/Kwadrant/kw-shortcuts-window.ui");
  window = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts_window"));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kw_gui_test_wait_until (window_is_drawn, window));

  /* The pages of the (one) section, not the window's stack of sections. */
  stack = find_descendant (find_descendant (window, GTK_TYPE_SHORTCUTS_SECTION), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  page = gtk_stack_get_visible_child (GTK_STACK (stack));
  g_assert_nonnull (page);

  page_width = gtk_widget_get_width (page);
  surround = gtk_widget_get_width (window) - page_width;
  column = widest_column (builder, GTK_STACK (stack), &widest_title);
  worst = surround + 2 * column + COLUMN_SPACING;
  height = gtk_widget_get_height (window);

  g_test_message ("%s: window %d×%d, widest column %d px (\"%s\"), the widest possible page gives %d px",
                  locale, gtk_widget_get_width (window), height, column, widest_title, worst);
  g_assert_cmpint (gtk_widget_get_width (window), <=, SCREEN_WIDTH);
  g_assert_cmpint (worst, <=, SCREEN_WIDTH);
  g_assert_cmpint (height, <=, SCREEN_HEIGHT);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KWADRANT_LOCALEDIR");
  GtkApplication *app = NULL;
  char *tmp_dir;
  int status;

  g_log_set_writer_func (write_log, NULL, NULL);
  /* Sizes are under test here, not what a screen reader reads: an
   * accessibility bus another test left on the display (its address stays
   * on the root window) must not fail this one. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* The locale alone chooses the language (set before any thread). */
  g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-shortcuts-XXXXXX");

  /* GNOME's text size (Cantarell 11, not installed here: DejaVu Sans is
   * the wider face), not GTK's smaller default. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Sans 11", NULL);

  g_test_add_data_func ("/shortcuts-window/fits/english", "C.UTF-8", test_fits);
  g_test_add_data_func ("/shortcuts-window/fits/dutch", "nl_NL.UTF-8", test_fits);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);
  return status;
}
