/* kw-draft-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-draft-store"

#include "config.h"

#include <string.h>

#include "kw-draft-file.h"
#include "kw-draft-store.h"
#include "kw-format.h"

/* g_file_replace() writes into a temporary file in the same folder and
 * renames it over the draft; a crash in between leaves the temporary file
 * behind. No write takes this long, so an older one is a leftover. */
#define TEMP_FILE_PREFIX ".goutputstream-"
#define LEFTOVER_AGE_SECONDS 60

typedef enum {
  OP_WRITE,
  OP_DELETE,
} OpKind;

typedef struct
{
  OpKind  kind;
  GTask  *task;
  GBytes *contents;  /* OP_WRITE only */
} Op;

/* The writes and removals of one id, done one at a time in order. */
typedef struct
{
  GQueue   ops;
  gboolean busy;
} Writer;

struct _KwDraftStore
{
  GObject     parent_instance;

  GFile      *directory;
  GHashTable *writers;  /* id -> Writer */
  GHashTable *owned;    /* ids this process writes or took over */
};

G_DEFINE_FINAL_TYPE (KwDraftStore, kw_draft_store, G_TYPE_OBJECT)

static void kw_draft_store_run_next (KwDraftStore *self,
                                     const char   *id);

/* Writing and removing, one operation at a time per id */

static void
op_free (Op *op)
{
  g_clear_object (&op->task);
  g_clear_pointer (&op->contents, g_bytes_unref);
  g_free (op);
}

static void
writer_free (Writer *writer)
{
  Op *op;

  /* Only an idle writer with nothing queued is ever freed. */
  while ((op = g_queue_pop_head (&writer->ops)) != NULL)
    op_free (op);
  g_free (writer);
}

static Writer *
ensure_writer (KwDraftStore *self,
               const char   *id)
{
  Writer *writer = g_hash_table_lookup (self->writers, id);

  if (writer == NULL)
    {
      writer = g_new0 (Writer, 1);
      g_queue_init (&writer->ops);
      g_hash_table_insert (self->writers, g_strdup (id), writer);
    }

  return writer;
}

static void
op_finished (KwDraftStore *self,
             const char   *id)
{
  Writer *writer = g_hash_table_lookup (self->writers, id);

  g_assert (writer != NULL);
  writer->busy = FALSE;

  if (g_queue_is_empty (&writer->ops))
    g_hash_table_remove (self->writers, id);
  else
    kw_draft_store_run_next (self, id);
}

/* Returns a write's or removal's result (error NULL for success, taken)
 * and starts the next operation on the same id. */
static void
op_return (GTask  *task,
           GError *error)
{
  KwDraftStore *self = g_task_get_source_object (task);
  g_autofree char *id = g_strdup (g_task_get_task_data (task));

  if (error == NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);

  g_object_ref (self);
  g_object_unref (task);
  op_finished (self, id);
  g_object_unref (self);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError *error = NULL;

  g_file_replace_contents_finish (G_FILE (object), result, NULL, &error);
  op_return (user_data, error);
}

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError *error = NULL;

  if (!g_file_delete_finish (G_FILE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_clear_error (&error);  /* gone already: what was asked */
  op_return (user_data, error);
}

static gboolean
ensure_directory (GFile         *directory,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (directory, cancellable, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
kw_draft_store_run_next (KwDraftStore *self,
                         const char   *id)
{
  Writer *writer = g_hash_table_lookup (self->writers, id);
  g_autoptr(GFile) file = NULL;
  GCancellable *cancellable;
  GError *error = NULL;
  GTask *task;
  Op *op;

  if (writer == NULL || writer->busy || (op = g_queue_pop_head (&writer->ops)) == NULL)
    return;

  writer->busy = TRUE;
  file = kw_draft_file_get (self->directory, id);
  task = g_steal_pointer (&op->task);
  cancellable = g_task_get_cancellable (task);

  if (op->kind == OP_DELETE)
    g_file_delete_async (file, G_PRIORITY_DEFAULT, cancellable, delete_done_cb, task);
  else if (!ensure_directory (self->directory, cancellable, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      op_free (op);
      op_finished (self, id);
      return;
    }
  else
    /* Private: a draft holds what a client told the facilitator. */
    g_file_replace_contents_bytes_async (file, op->contents, NULL, FALSE,
                                         G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                         cancellable, write_done_cb, task);

  op_free (op);
}

static void
enqueue (KwDraftStore *self,
         const char   *id,
         OpKind        kind,
         GTask        *task,
         GBytes       *contents)
{
  Writer *writer = ensure_writer (self, id);
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->task = task;
  op->contents = contents;
  g_task_set_task_data (task, g_strdup (id), g_free);
  g_queue_push_tail (&writer->ops, op);

  kw_draft_store_run_next (self, id);
}

/* A removal makes the writes still waiting for their turn pointless. */
static void
drop_waiting_writes (KwDraftStore *self,
                     const char   *id)
{
  Writer *writer = g_hash_table_lookup (self->writers, id);
  GList *l;

  if (writer == NULL)
    return;

  l = writer->ops.head;
  while (l != NULL)
    {
      GList *next = l->next;
      Op *op = l->data;

      if (op->kind == OP_WRITE)
        {
          g_task_return_new_error (op->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   "The draft was removed before it was written");
          g_queue_delete_link (&writer->ops, l);
          op_free (op);
        }
      l = next;
    }
}

/* Listing */

static gboolean
is_old_leftover (GFileInfo *info)
{
  g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return modified == NULL ||
         g_date_time_difference (now, modified) > LEFTOVER_AGE_SECONDS * G_TIME_SPAN_SECOND;
}

static void
delete_quietly (GFile        *file,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_delete (file, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_debug ("Could not remove the leftover %s: %s", g_file_peek_path (file), error->message);
}

/* The id of a draft file's name, or NULL for a file that is no draft. */
static char *
dup_id_of_name (const char *name)
{
  g_autofree char *id = NULL;

  if (!g_str_has_suffix (name, KW_DRAFT_SUFFIX))
    return NULL;

  id = g_strndup (name, strlen (name) - strlen (KW_DRAFT_SUFFIX));
  if (!kw_draft_id_is_valid (id))
    return NULL;

  return g_steal_pointer (&id);
}

/* Reads one draft file for the list: NULL when it is not to be offered. */
static KwDraft *
list_one (GFile         *directory,
          const char    *id,
          const char   **excluded,
          GCancellable  *cancellable)
{
  g_autoptr(GFile) file = kw_draft_file_get (directory, id);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwDraft) draft = NULL;
  g_auto(KwDraftOwner) owner = { 0 };

  if (excluded != NULL && g_strv_contains (excluded, id))
    return NULL;

  contents = kw_draft_file_read (file, cancellable, &error);
  if (contents != NULL)
    draft = kw_draft_file_parse (contents, id, &owner, NULL, &error);

  if (draft == NULL)
    {
      /* Drafts are replaced atomically, so this one will never read. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Removing the unreadable draft %s: %s", g_file_peek_path (file), error->message);
          delete_quietly (file, cancellable);
        }
      return NULL;
    }

  if (kw_draft_owner_is_self (&owner) || kw_draft_owner_is_alive (&owner))
    return NULL;

  return g_steal_pointer (&draft);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  KwDraft *draft_a = *(KwDraft * const *) a;
  KwDraft *draft_b = *(KwDraft * const *) b;

  return g_date_time_compare (kw_draft_get_written (draft_b), kw_draft_get_written (draft_a));
}

static GPtrArray *
list_directory (GFile         *directory,
                const char   **excluded,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;

  children = g_file_enumerate_children (directory,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        cancellable, &local_error);
  if (children == NULL)
    {
      /* No folder yet: no drafts. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info;
      const char *name;
      g_autofree char *id = NULL;

      if (!g_file_enumerator_iterate (children, &info, NULL, cancellable, error))
        return NULL;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      if (g_str_has_prefix (name, TEMP_FILE_PREFIX))
        {
          if (is_old_leftover (info))
            {
              g_autoptr(GFile) leftover = g_file_get_child (directory, name);

              delete_quietly (leftover, cancellable);
            }
          continue;
        }

      id = dup_id_of_name (name);
      if (id != NULL)
        {
          KwDraft *draft = list_one (directory, id, excluded, cancellable);

          if (draft != NULL)
            g_ptr_array_add (drafts, draft);
        }
    }

  g_ptr_array_sort (drafts, compare_newest_first);
  return g_steal_pointer (&drafts);
}

static KwBoard *
load_draft (GFile         *directory,
            const char    *id,
            KwDraft      **draft_out,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFile) file = kw_draft_file_get (directory, id);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) board_bytes = NULL;
  g_autoptr(KwDraft) draft = NULL;
  g_autofree char *name = NULL;
  KwBoard *board;

  contents = kw_draft_file_read (file, cancellable, error);
  if (contents == NULL)
    return NULL;

  draft = kw_draft_file_parse (contents, id, NULL, &board_bytes, error);
  if (draft == NULL)
    return NULL;

  name = kw_draft_dup_display_name (draft);
  board = kw_format_load_bytes (board_bytes, name, error);
  if (board == NULL)
    return NULL;

  if (draft_out != NULL)
    *draft_out = g_steal_pointer (&draft);

  return board;
}

/* GObject */

static void
kw_draft_store_dispose (GObject *object)
{
  KwDraftStore *self = KW_DRAFT_STORE (object);

  /* Every queued operation holds a reference to the store through its
   * task, so none is left here. */
  g_hash_table_remove_all (self->writers);

  G_OBJECT_CLASS (kw_draft_store_parent_class)->dispose (object);
}

static void
kw_draft_store_finalize (GObject *object)
{
  KwDraftStore *self = KW_DRAFT_STORE (object);

  g_clear_object (&self->directory);
  g_clear_pointer (&self->writers, g_hash_table_unref);
  g_clear_pointer (&self->owned, g_hash_table_unref);

  G_OBJECT_CLASS (kw_draft_store_parent_class)->finalize (object);
}

static void
kw_draft_store_class_init (KwDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_draft_store_dispose;
  object_class->finalize = kw_draft_store_finalize;
}

static void
kw_draft_store_init (KwDraftStore *self)
{
  self->writers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) writer_free);
  self->owned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

KwDraftStore *
kw_draft_store_new (GFile *directory)
{
  KwDraftStore *self;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (KW_TYPE_DRAFT_STORE, NULL);
  self->directory = g_object_ref (directory);

  return self;
}

KwDraftStore *
kw_draft_store_get_default (void)
{
  static KwDraftStore *default_store;

  if (default_store == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "kwadrant", "drafts", NULL);
      g_autoptr(GFile) directory = g_file_new_for_path (path);

      default_store = kw_draft_store_new (directory);
    }

  return default_store;
}

GFile *
kw_draft_store_get_directory (KwDraftStore *self)
{
  g_return_val_if_fail (KW_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

char *
kw_draft_store_new_id (KwDraftStore *self)
{
  char *id;

  g_return_val_if_fail (KW_IS_DRAFT_STORE (self), NULL);

  id = g_uuid_string_random ();
  g_hash_table_add (self->owned, g_strdup (id));

  return id;
}

void
kw_draft_store_adopt (KwDraftStore *self,
                      const char   *id)
{
  g_return_if_fail (KW_IS_DRAFT_STORE (self));
  g_return_if_fail (kw_draft_id_is_valid (id));

  g_hash_table_add (self->owned, g_strdup (id));
}

void
kw_draft_store_save_async (KwDraftStore        *self,
                           const char          *id,
                           KwBoard             *board,
                           GFile               *file,
                           const char          *etag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GBytes *contents;
  GError *error = NULL;

  g_return_if_fail (KW_IS_DRAFT_STORE (self));
  g_return_if_fail (kw_draft_id_is_valid (id));
  g_return_if_fail (KW_IS_BOARD (board));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_draft_store_save_async);

  /* Serialised now, on the board's own thread: later changes belong to
   * the next draft. */
  contents = kw_draft_file_serialize (id, board, file, etag, &error);
  if (contents == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_hash_table_add (self->owned, g_strdup (id));
  enqueue (self, id, OP_WRITE, g_steal_pointer (&task), contents);
}

gboolean
kw_draft_store_save_finish (KwDraftStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_draft_store_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
kw_draft_store_remove_async (KwDraftStore        *self,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (KW_IS_DRAFT_STORE (self));
  g_return_if_fail (kw_draft_id_is_valid (id));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_draft_store_remove_async);

  drop_waiting_writes (self, id);
  enqueue (self, id, OP_DELETE, task, NULL);
}

gboolean
kw_draft_store_remove_finish (KwDraftStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_draft_store_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static char **
dup_owned_ids (KwDraftStore *self)
{
  return (char **) g_hash_table_get_keys_as_array (self->owned, NULL);
}

GPtrArray *
kw_draft_store_list (KwDraftStore  *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char **owned = NULL;

  g_return_val_if_fail (KW_IS_DRAFT_STORE (self), NULL);

  /* The keys stay owned by the table. */
  owned = dup_owned_ids (self);
  return list_directory (self->directory, (const char **) owned, cancellable, error);
}

typedef struct
{
  GFile *directory;
  GStrv  excluded;
  char  *id;
  KwDraft *draft;  /* what a load found */
} ThreadData;

static void
thread_data_free (ThreadData *data)
{
  g_clear_object (&data->directory);
  g_clear_pointer (&data->excluded, g_strfreev);
  g_clear_pointer (&data->id, g_free);
  g_clear_object (&data->draft);
  g_free (data);
}

/* Runs @thread_func on a copy of what it needs: the threads never read
 * the store itself, which the main thread goes on changing. */
static void
run_in_thread (KwDraftStore        *self,
               ThreadData          *data,
               gpointer             source_tag,
               GTaskThreadFunc      thread_func,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  data->directory = g_object_ref (self->directory);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) thread_data_free);
  g_task_run_in_thread (task, thread_func);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ThreadData *data = task_data;
  GError *error = NULL;
  GPtrArray *drafts;

  drafts = list_directory (data->directory, (const char **) data->excluded, cancellable, &error);
  if (drafts != NULL)
    g_task_return_pointer (task, drafts, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
kw_draft_store_list_async (KwDraftStore        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char **owned = NULL;
  ThreadData *data;

  g_return_if_fail (KW_IS_DRAFT_STORE (self));

  owned = dup_owned_ids (self);
  data = g_new0 (ThreadData, 1);
  /* A copy: the thread must not read the table while we change it. */
  data->excluded = g_strdupv (owned);
  run_in_thread (self, data, kw_draft_store_list_async, list_thread, cancellable, callback, user_data);
}

GPtrArray *
kw_draft_store_list_finish (KwDraftStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_draft_store_list_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

KwBoard *
kw_draft_store_load (KwDraftStore  *self,
                     const char    *id,
                     KwDraft      **draft,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (KW_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (kw_draft_id_is_valid (id), NULL);

  return load_draft (self->directory, id, draft, cancellable, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ThreadData *data = task_data;
  GError *error = NULL;
  KwBoard *board;

  board = load_draft (data->directory, data->id, &data->draft, cancellable, &error);
  if (board != NULL)
    g_task_return_pointer (task, board, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
kw_draft_store_load_async (KwDraftStore        *self,
                           const char          *id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  ThreadData *data;

  g_return_if_fail (KW_IS_DRAFT_STORE (self));
  g_return_if_fail (kw_draft_id_is_valid (id));

  data = g_new0 (ThreadData, 1);
  data->id = g_strdup (id);
  run_in_thread (self, data, kw_draft_store_load_async, load_thread, cancellable, callback, user_data);
}

KwBoard *
kw_draft_store_load_finish (KwDraftStore  *self,
                            GAsyncResult  *result,
                            KwDraft      **draft,
                            GError       **error)
{
  ThreadData *data;
  KwBoard *board;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_draft_store_load_async, NULL);

  board = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (board != NULL && draft != NULL)
    *draft = g_steal_pointer (&data->draft);

  return board;
}
