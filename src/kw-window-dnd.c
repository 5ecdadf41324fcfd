/* kw-window-dnd.c: boards dropped on the window open as from the
 * recent boards: in the window that has them, a blank one, or a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-dnd"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-file-names.h"
#include "kw-format.h"
#include "kw-window-private.h"

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

void
kw_window_setup_drop_target (KwWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
