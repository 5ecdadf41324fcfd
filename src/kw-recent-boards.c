/* kw-recent-boards.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-recent-boards"

#include "config.h"

#include "kw-format.h"
#include "kw-recent-boards.h"

struct _KwRecentBoards
{
  GObject           parent_instance;

  GtkRecentManager *manager;
  GPtrArray        *files;  /* of GFile, newest first */
};

static void kw_recent_boards_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwRecentBoards, kw_recent_boards, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kw_recent_boards_list_model_init))

static gboolean
recent_info_is_board (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  if (g_strcmp0 (mime_type, KW_FORMAT_MIME_TYPE) != 0 &&
      !g_str_has_suffix (gtk_recent_info_get_uri (info), KW_FORMAT_SUFFIX))
    return FALSE;

  /* A board moved or deleted since is left out: opening it would fail.
   * GTK checks only local files; a board on a network share stays, as
   * checking it would wait on the network, and opening mounts it. */
  return !gtk_recent_info_is_local (info) || gtk_recent_info_exists (info);
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static GPtrArray *
collect_recent_boards (GtkRecentManager *manager)
{
  g_autoptr(GPtrArray) boards = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  GList *items = gtk_recent_manager_get_items (manager);

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (recent_info_is_board (l->data))
        g_ptr_array_add (boards, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (boards, compare_recent_newest_first);
  for (guint i = 0; i < boards->len && i < KW_RECENT_BOARDS_MAX; i++)
    g_ptr_array_add (files, g_file_new_for_uri (gtk_recent_info_get_uri (boards->pdata[i])));

  return files;
}

static gboolean
same_files (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (!g_file_equal (a->pdata[i], b->pdata[i]))
        return FALSE;
    }

  return TRUE;
}

static void
kw_recent_boards_refresh (KwRecentBoards *self)
{
  g_autoptr(GPtrArray) files = collect_recent_boards (self->manager);
  guint removed = self->files->len;

  /* The manager says "changed" for any program's recent file. */
  if (same_files (files, self->files))
    return;

  g_ptr_array_unref (self->files);
  self->files = g_steal_pointer (&files);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->files->len);
}

/* GListModel */

static GType
kw_recent_boards_get_item_type (GListModel *model)
{
  return G_TYPE_FILE;
}

static guint
kw_recent_boards_get_n_items (GListModel *model)
{
  return KW_RECENT_BOARDS (model)->files->len;
}

static gpointer
kw_recent_boards_get_item (GListModel *model,
                           guint       position)
{
  KwRecentBoards *self = KW_RECENT_BOARDS (model);

  if (position >= self->files->len)
    return NULL;

  return g_object_ref (self->files->pdata[position]);
}

static void
kw_recent_boards_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_recent_boards_get_item_type;
  iface->get_n_items = kw_recent_boards_get_n_items;
  iface->get_item = kw_recent_boards_get_item;
}

/* GObject */

static void
kw_recent_boards_dispose (GObject *object)
{
  KwRecentBoards *self = KW_RECENT_BOARDS (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_func (self->manager, kw_recent_boards_refresh, self);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (kw_recent_boards_parent_class)->dispose (object);
}

static void
kw_recent_boards_finalize (GObject *object)
{
  KwRecentBoards *self = KW_RECENT_BOARDS (object);

  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_recent_boards_parent_class)->finalize (object);
}

static void
kw_recent_boards_class_init (KwRecentBoardsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_recent_boards_dispose;
  object_class->finalize = kw_recent_boards_finalize;
}

static void
kw_recent_boards_init (KwRecentBoards *self)
{
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
}

KwRecentBoards *
kw_recent_boards_new (GtkRecentManager *manager)
{
  KwRecentBoards *self;

  g_return_val_if_fail (manager == NULL || GTK_IS_RECENT_MANAGER (manager), NULL);

  self = g_object_new (KW_TYPE_RECENT_BOARDS, NULL);
  self->manager = g_object_ref (manager != NULL ? manager : gtk_recent_manager_get_default ());
  g_signal_connect_swapped (self->manager, "changed", G_CALLBACK (kw_recent_boards_refresh), self);
  kw_recent_boards_refresh (self);

  return self;
}

void
kw_recent_boards_add (KwRecentBoards *self,
                      GFile          *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *exec = NULL;
  const char *app_name = g_get_application_name ();
  GtkRecentData data = {
    .mime_type = (char *) KW_FORMAT_MIME_TYPE,
    .app_name = (char *) (app_name ? app_name : "Kwadrant"),
  };

  g_return_if_fail (KW_IS_RECENT_BOARDS (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  exec = g_strdup_printf ("%s %%u", g_get_prgname () ? g_get_prgname () : "kwadrant");
  data.app_exec = exec;
  gtk_recent_manager_add_full (self->manager, uri, &data);
}

void
kw_recent_boards_remove (KwRecentBoards *self,
                         GFile          *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (KW_IS_RECENT_BOARDS (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  /* Not there is fine: the error says only that. */
  if (gtk_recent_manager_has_item (self->manager, uri))
    gtk_recent_manager_remove_item (self->manager, uri, NULL);
}
