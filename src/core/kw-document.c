/* kw-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-document"

#include "config.h"

#include "kw-document.h"
#include "kw-format.h"
#include "kw-i18n.h"

struct _KwDocument
{
  GObject        parent_instance;

  KwBoard       *board;
  KwHistory     *history;
  GFile         *file;
  char          *etag;           /* of the file as we last read or wrote it */
  char          *title;
  /* Notices someone else changing the file; it never changes self->etag,
   * so Save still refuses to overwrite their version unasked. */
  KwFileWatch   *file_watch;
  KwFileState    file_state;
  KwDraftStore  *draft_store;
  GCancellable  *load_cancellable;
  GCancellable  *save_cancellable;

  /* The autosaved draft of this board: its id (NULL while there is none),
   * the pending write and when the first change not yet in it happened. */
  char          *draft_id;
  guint          draft_timeout_id;
  gint64         draft_first_change;

  /* Counts the board's changes, so a save that finishes after a later
   * change does not mark the board as saved. */
  guint64        generation;

  guint          modified : 1;
  guint          loading : 1;
  guint          saving : 1;
  guint          read_only : 1;
  guint          draft_failed : 1;  /* the last draft write failed */
  guint          closed : 1;
};

G_DEFINE_FINAL_TYPE (KwDocument, kw_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (kw-document-error-quark, kw_document_error)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_HISTORY,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_LOADING,
  PROP_SAVING,
  PROP_READ_ONLY,
  PROP_FILE_STATE,
  PROP_DRAFT_ID,
  PROP_DRAFT_STORE,
  N_PROPS
};

enum {
  FILE_CHANGED,
  DRAFT_WRITTEN,
  DRAFT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void kw_document_queue_draft  (KwDocument *self);
static void kw_document_remove_draft (KwDocument *self);

/* State, notified only on real change */

#define DEFINE_FLAG_SETTER(name, PROP)                              \
  static void                                                       \
  kw_document_set_##name (KwDocument *self,                         \
                          gboolean    value)                        \
  {                                                                 \
    value = !!value;                                                \
    if (self->name == (guint) value)                                \
      return;                                                       \
    self->name = value;                                             \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);   \
  }

DEFINE_FLAG_SETTER (loading, PROP_LOADING)
DEFINE_FLAG_SETTER (saving, PROP_SAVING)
DEFINE_FLAG_SETTER (read_only, PROP_READ_ONLY)

static void
kw_document_set_modified (KwDocument *self,
                          gboolean    modified)
{
  modified = !!modified;
  if (self->modified == (guint) modified)
    return;

  self->modified = modified;
  /* Saved, or reloaded: nothing left to recover. */
  if (!modified)
    kw_document_remove_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
kw_document_set_file (KwDocument *self,
                      GFile      *file)
{
  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
kw_document_set_draft_id (KwDocument *self,
                          const char *draft_id)
{
  if (g_strcmp0 (self->draft_id, draft_id) == 0)
    return;

  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT_ID]);
}

static void
kw_document_update_title (KwDocument *self)
{
  const char *title = kw_board_get_title (self->board);

  title = kw_board_display_title (title);

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
kw_document_set_file_state (KwDocument  *self,
                            KwFileState  state)
{
  if (self->file_state == state)
    return;

  self->file_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_STATE]);
}

/* The board */

static void
board_changed_cb (KwDocument *self,
                  KwBoard    *board)
{
  self->generation++;
  kw_document_update_title (self);
  kw_document_set_modified (self, TRUE);
  kw_document_queue_draft (self);
}

/* Each board gets its own history: undo never reaches into the board
 * that was there before. */
static void
kw_document_set_board (KwDocument *self,
                       KwBoard    *board)
{
  g_autoptr(KwHistory) history = kw_history_new (board);

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, board_changed_cb, self);

  g_set_object (&self->board, board);
  g_set_object (&self->history, history);
  g_signal_connect_object (board, "changed", G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);
  self->generation++;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  /* An older Kwadrant never writes a newer format's board: it would lose
   * what it does not know. */
  kw_document_set_read_only (self, kw_board_is_from_newer_format (board));
  kw_document_update_title (self);
}

/* Changes on disk */

static void
file_watch_changed_cb (KwDocument  *self,
                       KwFileWatch *watch)
{
  KwFileState state = kw_file_watch_get_state (watch);

  kw_document_set_file_state (self, state);
  g_signal_emit (self, signals[FILE_CHANGED], 0, state);
}

static void
kw_document_stop_watching (KwDocument *self)
{
  if (self->file_watch == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->file_watch, file_watch_changed_cb, self);
  g_clear_object (&self->file_watch);
}

/* Follows self->file and self->etag, after a load, a restore or a save. */
static void
kw_document_follow_file (KwDocument *self)
{
  if (self->file_watch != NULL &&
      (self->file == NULL || !g_file_equal (kw_file_watch_get_file (self->file_watch), self->file)))
    kw_document_stop_watching (self);

  if (self->file_watch != NULL)
    kw_file_watch_set_etag (self->file_watch, self->etag);
  else if (self->file != NULL)
    {
      self->file_watch = kw_file_watch_new (self->file, self->etag);
      g_signal_connect_object (self->file_watch, "changed",
                               G_CALLBACK (file_watch_changed_cb), self, G_CONNECT_SWAPPED);
    }

  kw_document_set_file_state (self, self->file_watch != NULL ? kw_file_watch_get_state (self->file_watch)
                                                             : KW_FILE_STATE_UNCHANGED);
}

/* Autosave drafts
 *
 * Every change reaches a draft within KW_DOCUMENT_DRAFT_MAX_DELAY_MS, so a
 * crash loses at most that much; the board's own file is written only by
 * a save. A board that is saved, discarded or reloaded has no draft. */

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KwDocument) self = user_data;
  g_autoptr(GError) error = NULL;

  if (kw_draft_store_save_finish (KW_DRAFT_STORE (object), result, &error))
    {
      g_debug ("Draft %s written", self->draft_id);
      self->draft_failed = FALSE;
      g_signal_emit (self, signals[DRAFT_WRITTEN], 0);
      return;
    }

  /* Superseded by a removal: the board was saved or discarded. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_warning ("Could not write the recovery draft of “%s”: %s", self->title, error->message);

  /* Said once, not at every change: the board itself is fine. */
  if (!self->draft_failed)
    g_signal_emit (self, signals[DRAFT_FAILED], 0, error);
  self->draft_failed = TRUE;
}

static void
kw_document_write_draft (KwDocument *self)
{
  gint64 first_change = self->draft_first_change;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->draft_first_change = 0;

  if (!self->modified)
    return;

  if (self->draft_id == NULL)
    {
      g_autofree char *id = kw_draft_store_new_id (self->draft_store);

      kw_document_set_draft_id (self, id);
    }

  g_debug ("Writing draft %s, %" G_GINT64_FORMAT " ms after the first change not in it",
           self->draft_id, first_change != 0 ? (g_get_monotonic_time () - first_change) / 1000 : 0);

  kw_draft_store_save_async (self->draft_store, self->draft_id, self->board, self->file, self->etag,
                             NULL, draft_written_cb, g_object_ref (self));
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  KwDocument *self = user_data;

  self->draft_timeout_id = 0;
  kw_document_write_draft (self);

  return G_SOURCE_REMOVE;
}

/* Waits for a pause in the changes (a drag changes the board every
 * frame), but never longer than KW_DOCUMENT_DRAFT_MAX_DELAY_MS after the
 * first change not yet in a draft. */
static void
kw_document_queue_draft (KwDocument *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->closed)
    return;

  if (self->draft_first_change == 0)
    self->draft_first_change = now;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->draft_timeout_id = g_timeout_add (kw_document_draft_wait_ms (self->draft_first_change, now),
                                          draft_timeout_cb, self);
}

/**
 * kw_document_draft_wait_ms:
 * @first_change_us: monotonic time of the first change not yet in a draft
 * @now_us: monotonic time of the latest change
 *
 * How long a document waits after a change before it writes its draft:
 * a pause of %KW_DOCUMENT_DRAFT_PAUSE_MS, cut short so that the draft is
 * never due later than %KW_DOCUMENT_DRAFT_MAX_DELAY_MS after the first
 * change. The rule on its own, so that it is tested without a clock.
 *
 * Returns: the wait in milliseconds
 */
guint
kw_document_draft_wait_ms (gint64 first_change_us,
                           gint64 now_us)
{
  gint64 left_ms = KW_DOCUMENT_DRAFT_MAX_DELAY_MS - (now_us - first_change_us) / 1000;

  return (guint) CLAMP (left_ms, 0, KW_DOCUMENT_DRAFT_PAUSE_MS);
}

static void
kw_document_remove_draft (KwDocument *self)
{
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->draft_first_change = 0;

  if (self->draft_id == NULL)
    return;

  g_debug ("Removing draft %s", self->draft_id);
  kw_draft_store_remove_async (self->draft_store, self->draft_id, NULL, NULL, NULL);
  kw_document_set_draft_id (self, NULL);
}

/* Loading */

typedef struct
{
  GFile           *file;
  GMountOperation *mount_operation;
  char            *etag;
  gboolean         tried_mount;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->mount_operation);
  g_clear_pointer (&data->etag, g_free);
  g_free (data);
}

/* A newer load or restore takes over from the one under way. */
static GTask *
kw_document_start_loading (KwDocument          *self,
                           gpointer             source_tag,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->load_cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  kw_document_set_loading (self, TRUE);

  return task;
}

/* Ends a load or restore that did not succeed, unless a newer one (or
 * closing) took over: that one says when loading ends. */
static void
kw_document_load_failed (GTask  *task,
                         GError *error)
{
  KwDocument *self = g_task_get_source_object (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_error_free (error);
      return;
    }

  kw_document_set_loading (self, FALSE);
  g_task_return_error (task, error);
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwDocument *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(KwBoard) board = NULL;
  GError *error = NULL;

  board = kw_format_load_file_finish (data->file, result, &error);
  if (board == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("The file could not be read as a board."));
      kw_document_load_failed (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  kw_document_set_board (self, board);
  kw_document_set_file (self, data->file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&data->etag);
  kw_document_set_modified (self, FALSE);
  kw_document_follow_file (self);
  kw_document_set_loading (self, FALSE);

  g_task_return_boolean (task, TRUE);
}

static void load_etag_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
load_mount_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_mount_enclosing_volume_finish (G_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_ALREADY_MOUNTED))
    {
      kw_document_load_failed (task, error);
      g_object_unref (task);
      return;
    }
  g_clear_error (&error);

  g_file_query_info_async (data->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, g_task_get_cancellable (task), load_etag_cb, task);
}

/* The etag is read before the board, never after: a change made by
 * someone else in between then shows up as a conflict when saving,
 * instead of being silently overwritten. A board on a network share
 * (sftp://, dav://, smb://) that is not mounted yet, as after a restart,
 * is mounted first. */
static void
load_etag_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  /* An unreadable file is reported by the loader, which says why. */
  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info != NULL)
    data->etag = g_strdup (g_file_info_get_etag (info));

  if (info == NULL && !data->tried_mount && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_MOUNTED))
    {
      data->tried_mount = TRUE;
      g_file_mount_enclosing_volume (data->file, G_MOUNT_MOUNT_NONE, data->mount_operation,
                                     g_task_get_cancellable (task), load_mount_cb, task);
      return;
    }

  kw_format_load_file_async (data->file, g_task_get_cancellable (task), load_finished_cb, task);
}

void
kw_document_load_async (KwDocument          *self,
                        GFile               *file,
                        GMountOperation     *mount_operation,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  LoadData *data;

  g_return_if_fail (KW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (mount_operation == NULL || G_IS_MOUNT_OPERATION (mount_operation));

  task = kw_document_start_loading (self, kw_document_load_async, callback, user_data);
  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->mount_operation = mount_operation != NULL ? g_object_ref (mount_operation) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  g_file_query_info_async (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, g_task_get_cancellable (task), load_etag_cb, task);
}

gboolean
kw_document_load_finish (KwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
kw_document_reload_async (KwDocument          *self,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (KW_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);

  kw_document_load_async (self, self->file, NULL, callback, user_data);
}

gboolean
kw_document_reload_finish (KwDocument    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return kw_document_load_finish (self, result, error);
}

/* Restoring a draft */

static void
restore_finished_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwDocument *self = g_task_get_source_object (task);
  KwDraft *draft = g_task_get_task_data (task);
  g_autoptr(KwBoard) board = NULL;
  GError *error = NULL;

  board = kw_draft_store_load_finish (KW_DRAFT_STORE (object), result, NULL, &error);
  if (board == NULL)
    {
      kw_document_load_failed (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  kw_document_set_board (self, board);
  /* The file and the etag the board had: a file changed since then is a
   * conflict when saving, never silently overwritten. */
  kw_document_set_file (self, kw_draft_get_file (draft));
  g_free (self->etag);
  self->etag = g_strdup (kw_draft_get_etag (draft));
  kw_document_set_modified (self, TRUE);
  /* The draft stays until the board is saved or discarded; it is written
   * again at the next change. */
  kw_document_set_draft_id (self, kw_draft_get_id (draft));
  kw_document_follow_file (self);
  kw_document_set_loading (self, FALSE);

  g_task_return_boolean (task, TRUE);
}

void
kw_document_restore_draft_async (KwDocument          *self,
                                 KwDraft             *draft,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (KW_IS_DOCUMENT (self));
  g_return_if_fail (KW_IS_DRAFT (draft));

  /* Ours from now on: not offered to anyone else while we run. */
  kw_draft_store_adopt (self->draft_store, kw_draft_get_id (draft));

  task = kw_document_start_loading (self, kw_document_restore_draft_async, callback, user_data);
  g_task_set_task_data (task, g_object_ref (draft), g_object_unref);

  kw_draft_store_load_async (self->draft_store, kw_draft_get_id (draft), g_task_get_cancellable (task),
                             restore_finished_cb, task);
}

gboolean
kw_document_restore_draft_finish (KwDocument    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving */

typedef struct
{
  GFile       *file;
  guint64      generation;
  KwFileWatch *paused_watch;  /* held back while we write, resumed after */
} SaveData;

static void
save_data_resume_watch (SaveData *data)
{
  if (data->paused_watch != NULL)
    kw_file_watch_resume (data->paused_watch);
  g_clear_object (&data->paused_watch);
}

static void
save_data_free (SaveData *data)
{
  save_data_resume_watch (data);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autofree char *new_etag = NULL;
  GError *error = NULL;

  if (!kw_format_save_file_finish (data->file, result, &new_etag, &error))
    {
      if (g_task_return_error_if_cancelled (task))
        {
          g_clear_error (&error);
          return;
        }

      kw_document_set_saving (self, FALSE);
      save_data_resume_watch (data);
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("The board could not be written."));
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          /* The caller needs what happened, not GIO's word for it. */
          g_autofree char *message = g_steal_pointer (&error->message);

          g_clear_error (&error);
          error = g_error_new_literal (KW_DOCUMENT_ERROR, KW_DOCUMENT_ERROR_CHANGED_ON_DISK, message);
          /* Where no monitor told us, "file-changed" tells it now. */
          if (self->file_watch != NULL)
            kw_file_watch_check (self->file_watch);
        }
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  kw_document_set_file (self, data->file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  kw_document_set_modified (self, data->generation != self->generation);
  /* Changed while saving: the draft learns the new file and etag. */
  if (self->modified)
    kw_document_queue_draft (self);
  /* The watch learns our etag before it looks again: our own write is
   * never someone else's. */
  kw_document_follow_file (self);
  save_data_resume_watch (data);
  kw_document_set_saving (self, FALSE);

  g_task_return_boolean (task, TRUE);
}

static void
kw_document_save_to (KwDocument          *self,
                     GFile               *file,
                     const char          *expected_etag,
                     gpointer             source_tag,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  if (self->save_cancellable == NULL)
    self->save_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->save_cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (self->read_only)
    {
      g_task_return_new_error (task, KW_DOCUMENT_ERROR, KW_DOCUMENT_ERROR_READ_ONLY,
                               _("This board was made with a newer version of Kwadrant, which this version "
                                 "cannot save without losing what it does not know."));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->generation = self->generation;
  /* Our own write must not look like someone else's. */
  if (self->file_watch != NULL)
    {
      data->paused_watch = g_object_ref (self->file_watch);
      kw_file_watch_pause (data->paused_watch);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  kw_document_set_saving (self, TRUE);
  kw_format_save_file_async (self->board, file, expected_etag, self->save_cancellable,
                             save_finished_cb, g_steal_pointer (&task));
}

void
kw_document_save_async (KwDocument          *self,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (KW_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);

  kw_document_save_to (self, self->file, self->etag, kw_document_save_async, callback, user_data);
}

void
kw_document_save_as_async (KwDocument          *self,
                           GFile               *file,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (KW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  kw_document_save_to (self, file, NULL, kw_document_save_as_async, callback, user_data);
}

gboolean
kw_document_save_finish (KwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The rest */

void
kw_document_discard_changes (KwDocument *self)
{
  g_return_if_fail (KW_IS_DOCUMENT (self));

  kw_document_remove_draft (self);
}

void
kw_document_check_file (KwDocument *self)
{
  g_return_if_fail (KW_IS_DOCUMENT (self));

  if (self->file_watch != NULL && !self->saving)
    kw_file_watch_check (self->file_watch);
}

void
kw_document_close (KwDocument *self)
{
  g_return_if_fail (KW_IS_DOCUMENT (self));

  if (self->closed)
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->save_cancellable);
  /* Closed without asking (the session ends): the last changes still
   * reach the draft. */
  if (self->draft_timeout_id != 0)
    kw_document_write_draft (self);
  self->closed = TRUE;
  kw_document_stop_watching (self);
}

/* GObject */

static void
kw_document_constructed (GObject *object)
{
  KwDocument *self = KW_DOCUMENT (object);
  g_autoptr(KwBoard) board = kw_board_new ();

  G_OBJECT_CLASS (kw_document_parent_class)->constructed (object);

  if (self->draft_store == NULL)
    self->draft_store = g_object_ref (kw_draft_store_get_default ());

  kw_document_set_board (self, board);
}

static void
kw_document_dispose (GObject *object)
{
  KwDocument *self = KW_DOCUMENT (object);

  kw_document_close (self);
  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, board_changed_cb, self);

  G_OBJECT_CLASS (kw_document_parent_class)->dispose (object);
}

static void
kw_document_finalize (GObject *object)
{
  KwDocument *self = KW_DOCUMENT (object);

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  g_clear_object (&self->history);
  g_clear_object (&self->board);
  g_clear_object (&self->file);
  g_clear_object (&self->draft_store);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (kw_document_parent_class)->finalize (object);
}

static void
kw_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KwDocument *self = KW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_FILE_STATE:
      g_value_set_enum (value, self->file_state);
      break;

    case PROP_DRAFT_ID:
      g_value_set_string (value, self->draft_id);
      break;

    case PROP_DRAFT_STORE:
      g_value_set_object (value, self->draft_store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KwDocument *self = KW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_DRAFT_STORE:
      self->draft_store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_document_class_init (KwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = kw_document_constructed;
  object_class->dispose = kw_document_dispose;
  object_class->finalize = kw_document_finalize;
  object_class->get_property = kw_document_get_property;
  object_class->set_property = kw_document_set_property;

  properties[PROP_BOARD] = g_param_spec_object ("board", NULL, NULL, KW_TYPE_BOARD, readable);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, KW_TYPE_HISTORY, readable);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, readable);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, readable);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, readable);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);
  properties[PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE, readable);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, readable);
  properties[PROP_FILE_STATE] =
    g_param_spec_enum ("file-state", NULL, NULL, KW_TYPE_FILE_STATE, KW_FILE_STATE_UNCHANGED, readable);
  properties[PROP_DRAFT_ID] = g_param_spec_string ("draft-id", NULL, NULL, NULL, readable);
  properties[PROP_DRAFT_STORE] =
    g_param_spec_object ("draft-store", NULL, NULL, KW_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FILE_CHANGED] =
    g_signal_new ("file-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_FILE_STATE);
  signals[DRAFT_WRITTEN] =
    g_signal_new ("draft-written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DRAFT_FAILED] =
    g_signal_new ("draft-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kw_document_init (KwDocument *self)
{
  self->file_state = KW_FILE_STATE_UNCHANGED;
}

/* API */

KwDocument *
kw_document_new (void)
{
  return g_object_new (KW_TYPE_DOCUMENT, NULL);
}

#define DEFINE_GETTER(type, name, fallback)              \
  type                                                   \
  kw_document_get_##name (KwDocument *self)              \
  {                                                      \
    g_return_val_if_fail (KW_IS_DOCUMENT (self), fallback); \
    return self->name;                                   \
  }

DEFINE_GETTER (KwBoard *, board, NULL)
DEFINE_GETTER (KwHistory *, history, NULL)
DEFINE_GETTER (GFile *, file, NULL)
DEFINE_GETTER (const char *, etag, NULL)
DEFINE_GETTER (const char *, title, NULL)
DEFINE_GETTER (gboolean, modified, FALSE)
DEFINE_GETTER (gboolean, loading, FALSE)
DEFINE_GETTER (gboolean, saving, FALSE)
DEFINE_GETTER (gboolean, read_only, FALSE)
DEFINE_GETTER (KwFileState, file_state, KW_FILE_STATE_UNCHANGED)
DEFINE_GETTER (const char *, draft_id, NULL)
