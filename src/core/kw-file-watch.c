/* kw-file-watch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-file-watch"

#include "config.h"

#include "kw-file-watch.h"
#include "kw-format.h"

/* A save by another program comes as a burst of events (create, write,
 * close, rename): one check after the burst is quiet is enough. */
#define SETTLE_MS 150
/* GIO holds back repeated "changed" events for 800 ms by default; the
 * facilitator should learn within a couple of seconds. */
#define RATE_LIMIT_MS 200

struct _KwFileWatch
{
  GObject        parent_instance;

  GFile         *file;
  GFileMonitor  *monitor;      /* NULL when the location has none */
  GCancellable  *cancellable;
  char          *etag;         /* what we read or wrote */
  char          *disk_etag;    /* what the last check saw */
  KwFileState    state;

  guint          settle_id;
  guint          paused;       /* nesting count */
  guint          checking : 1;
  guint          check_again : 1;
  guint          pending : 1;  /* an event came while paused */
};

G_DEFINE_FINAL_TYPE (KwFileWatch, kw_file_watch, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (KwFileState, kw_file_state,
  G_DEFINE_ENUM_VALUE (KW_FILE_STATE_UNCHANGED, "unchanged"),
  G_DEFINE_ENUM_VALUE (KW_FILE_STATE_CHANGED, "changed"),
  G_DEFINE_ENUM_VALUE (KW_FILE_STATE_GONE, "gone"))

enum {
  PROP_0,
  PROP_FILE,
  PROP_ETAG,
  PROP_STATE,
  PROP_DISK_ETAG,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void kw_file_watch_request_check (KwFileWatch *self);

/* Checking */

static KwFileState
state_for_disk_etag (KwFileWatch *self,
                     const char  *disk_etag)
{
  /* Not strcmp: on WebDAV the etag we saved with may be the weak form. */
  if (self->etag == NULL || kw_format_etags_match (disk_etag, self->etag))
    return KW_FILE_STATE_UNCHANGED;

  return KW_FILE_STATE_CHANGED;
}

/* Records what was seen; signals only a state not seen before. */
static void
kw_file_watch_update (KwFileWatch *self,
                      KwFileState  state,
                      const char  *disk_etag)
{
  gboolean state_changed = self->state != state;
  gboolean disk_changed = g_strcmp0 (self->disk_etag, disk_etag) != 0;

  if (!state_changed && !disk_changed)
    return;

  self->state = state;
  g_free (self->disk_etag);
  self->disk_etag = g_strdup (disk_etag);

  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (disk_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_ETAG]);

  /* A colleague saving twice is news twice; our own etag seen again
   * after a change is news too (the bar can go). */
  if (state != KW_FILE_STATE_UNCHANGED || state_changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
query_finished_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KwFileWatch) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->checking = FALSE;

  /* Our own save started meanwhile: what we saw may be its half-way state. */
  if (self->paused > 0)
    {
      self->pending = TRUE;
      return;
    }

  if (info != NULL)
    {
      const char *disk_etag = g_file_info_get_etag (info);

      if (self->etag == NULL)
        {
          /* Nothing to compare with (the etag could not be read when the
           * board was): from now on, this is the file we know. */
          self->etag = g_strdup (disk_etag);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETAG]);
        }
      kw_file_watch_update (self, state_for_disk_etag (self, disk_etag), disk_etag);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    kw_file_watch_update (self, KW_FILE_STATE_GONE, NULL);
  else
    {
      /* Unreachable for now (a network hiccup): that says nothing about
       * the file, so the state stays as it was. */
      g_autofree char *name = g_file_get_parse_name (self->file);

      g_debug ("Could not check %s: %s", name, error->message);
    }

  if (self->check_again)
    {
      self->check_again = FALSE;
      kw_file_watch_request_check (self);
    }
}

static void
kw_file_watch_request_check (KwFileWatch *self)
{
  if (self->paused > 0)
    {
      self->pending = TRUE;
      return;
    }

  if (self->checking)
    {
      self->check_again = TRUE;
      return;
    }

  self->checking = TRUE;
  g_file_query_info_async (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable,
                           query_finished_cb, g_object_ref (self));
}

static gboolean
settle_cb (gpointer user_data)
{
  KwFileWatch *self = user_data;

  self->settle_id = 0;
  kw_file_watch_request_check (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (KwFileWatch       *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  if (self->paused > 0)
    {
      self->pending = TRUE;
      return;
    }

  /* Restarted by every event of a burst. */
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

static void
kw_file_watch_start_monitor (KwFileWatch *self)
{
  g_autoptr(GError) error = NULL;

  /* Where the location has no monitor of its own, GIO polls; where even
   * that fails, the window's focus checks are left. */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, self->cancellable, &error);
  if (self->monitor == NULL)
    {
      g_debug ("No file monitor: %s", error->message);
      return;
    }

  g_file_monitor_set_rate_limit (self->monitor, RATE_LIMIT_MS);
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self, G_CONNECT_SWAPPED);
}

/* GObject */

static void
kw_file_watch_constructed (GObject *object)
{
  KwFileWatch *self = KW_FILE_WATCH (object);

  G_OBJECT_CLASS (kw_file_watch_parent_class)->constructed (object);

  g_return_if_fail (G_IS_FILE (self->file));

  kw_file_watch_start_monitor (self);
}

static void
kw_file_watch_dispose (GObject *object)
{
  KwFileWatch *self = KW_FILE_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (kw_file_watch_parent_class)->dispose (object);
}

static void
kw_file_watch_finalize (GObject *object)
{
  KwFileWatch *self = KW_FILE_WATCH (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->disk_etag, g_free);

  G_OBJECT_CLASS (kw_file_watch_parent_class)->finalize (object);
}

static void
kw_file_watch_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KwFileWatch *self = KW_FILE_WATCH (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_ETAG:
      g_value_set_string (value, self->etag);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DISK_ETAG:
      g_value_set_string (value, self->disk_etag);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_file_watch_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KwFileWatch *self = KW_FILE_WATCH (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_ETAG:
      kw_file_watch_set_etag (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_file_watch_class_init (KwFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kw_file_watch_constructed;
  object_class->dispose = kw_file_watch_dispose;
  object_class->finalize = kw_file_watch_finalize;
  object_class->get_property = kw_file_watch_get_property;
  object_class->set_property = kw_file_watch_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ETAG] =
    g_param_spec_string ("etag", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KW_TYPE_FILE_STATE, KW_FILE_STATE_UNCHANGED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISK_ETAG] =
    g_param_spec_string ("disk-etag", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kw_file_watch_init (KwFileWatch *self)
{
  self->cancellable = g_cancellable_new ();
  self->state = KW_FILE_STATE_UNCHANGED;
}

/* API */

KwFileWatch *
kw_file_watch_new (GFile      *file,
                   const char *etag)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  KwFileWatch *self = g_object_new (KW_TYPE_FILE_WATCH, "file", file, NULL);

  /* The first check also catches a change made between reading the
   * etag and creating the watch. */
  if (etag != NULL)
    kw_file_watch_set_etag (self, etag);
  else
    kw_file_watch_request_check (self);

  return self;
}

GFile *
kw_file_watch_get_file (KwFileWatch *self)
{
  g_return_val_if_fail (KW_IS_FILE_WATCH (self), NULL);

  return self->file;
}

const char *
kw_file_watch_get_etag (KwFileWatch *self)
{
  g_return_val_if_fail (KW_IS_FILE_WATCH (self), NULL);

  return self->etag;
}

void
kw_file_watch_set_etag (KwFileWatch *self,
                        const char  *etag)
{
  g_return_if_fail (KW_IS_FILE_WATCH (self));

  if (g_strcmp0 (self->etag, etag) == 0)
    return;

  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETAG]);

  /* Before construction ends there is no file to look at yet. */
  if (self->file != NULL)
    kw_file_watch_request_check (self);
}

KwFileState
kw_file_watch_get_state (KwFileWatch *self)
{
  g_return_val_if_fail (KW_IS_FILE_WATCH (self), KW_FILE_STATE_UNCHANGED);

  return self->state;
}

const char *
kw_file_watch_get_disk_etag (KwFileWatch *self)
{
  g_return_val_if_fail (KW_IS_FILE_WATCH (self), NULL);

  return self->disk_etag;
}

void
kw_file_watch_check (KwFileWatch *self)
{
  g_return_if_fail (KW_IS_FILE_WATCH (self));

  kw_file_watch_request_check (self);
}

void
kw_file_watch_pause (KwFileWatch *self)
{
  g_return_if_fail (KW_IS_FILE_WATCH (self));

  self->paused++;
  g_clear_handle_id (&self->settle_id, g_source_remove);
}

void
kw_file_watch_resume (KwFileWatch *self)
{
  g_return_if_fail (KW_IS_FILE_WATCH (self));
  g_return_if_fail (self->paused > 0);

  self->paused--;
  if (self->paused == 0 && self->pending)
    {
      self->pending = FALSE;
      kw_file_watch_request_check (self);
    }
}

gboolean
kw_file_watch_is_checking (KwFileWatch *self)
{
  g_return_val_if_fail (KW_IS_FILE_WATCH (self), FALSE);

  return self->checking || self->settle_id != 0 || self->pending;
}
