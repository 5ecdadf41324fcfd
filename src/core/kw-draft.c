/* kw-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-draft"

#include "config.h"

#include "kw-board.h"
#include "kw-i18n.h"

#include "kw-draft-private.h"

struct _KwDraft
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  GFile     *file;
  char      *etag;
  GDateTime *written;
  guint      pid;
};

G_DEFINE_FINAL_TYPE (KwDraft, kw_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_FILE,
  PROP_ETAG,
  PROP_WRITTEN,
  PROP_PID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kw_draft_finalize (GObject *object)
{
  KwDraft *self = KW_DRAFT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->written, g_date_time_unref);

  G_OBJECT_CLASS (kw_draft_parent_class)->finalize (object);
}

static void
kw_draft_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KwDraft *self = KW_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_ETAG:
      g_value_set_string (value, self->etag);
      break;

    case PROP_WRITTEN:
      g_value_set_boxed (value, self->written);
      break;

    case PROP_PID:
      g_value_set_uint (value, self->pid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_draft_class_init (KwDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_draft_finalize;
  object_class->get_property = kw_draft_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ETAG] =
    g_param_spec_string ("etag", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_WRITTEN] =
    g_param_spec_boxed ("written", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PID] =
    g_param_spec_uint ("pid", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_draft_init (KwDraft *self)
{
}

KwDraft *
_kw_draft_new (const char *id,
               const char *title,
               GFile      *file,
               const char *etag,
               GDateTime  *written,
               guint       pid)
{
  KwDraft *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (written != NULL, NULL);

  self = g_object_new (KW_TYPE_DRAFT, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title != NULL ? title : "");
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->etag = etag != NULL && *etag != '\0' ? g_strdup (etag) : NULL;
  self->written = g_date_time_to_local (written);
  self->pid = pid;

  return self;
}

const char *
kw_draft_get_id (KwDraft *self)
{
  g_return_val_if_fail (KW_IS_DRAFT (self), NULL);

  return self->id;
}

const char *
kw_draft_get_title (KwDraft *self)
{
  g_return_val_if_fail (KW_IS_DRAFT (self), NULL);

  return self->title;
}

GFile *
kw_draft_get_file (KwDraft *self)
{
  g_return_val_if_fail (KW_IS_DRAFT (self), NULL);

  return self->file;
}

const char *
kw_draft_get_etag (KwDraft *self)
{
  g_return_val_if_fail (KW_IS_DRAFT (self), NULL);

  return self->etag;
}

GDateTime *
kw_draft_get_written (KwDraft *self)
{
  g_return_val_if_fail (KW_IS_DRAFT (self), NULL);

  return self->written;
}

guint
kw_draft_get_pid (KwDraft *self)
{
  g_return_val_if_fail (KW_IS_DRAFT (self), 0);

  return self->pid;
}

char *
kw_draft_dup_display_name (KwDraft *self)
{
  g_return_val_if_fail (KW_IS_DRAFT (self), NULL);

  if (*self->title != '\0')
    return g_strdup (self->title);

  if (self->file != NULL)
    {
      g_autofree char *parse_name = g_file_get_parse_name (self->file);

      return g_path_get_basename (parse_name);
    }

  return g_strdup (kw_board_display_title (NULL));
}

/* Whole calendar days from then to now, in local time. */
static int
days_between (GDateTime *then,
              GDateTime *now)
{
  g_autoptr(GDateTime) then_day = g_date_time_new_local (g_date_time_get_year (then),
                                                         g_date_time_get_month (then),
                                                         g_date_time_get_day_of_month (then),
                                                         12, 0, 0);
  g_autoptr(GDateTime) now_day = g_date_time_new_local (g_date_time_get_year (now),
                                                        g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now),
                                                        12, 0, 0);
  GTimeSpan span = g_date_time_difference (now_day, then_day);

  /* Noon to noon, rounded: a summer-time change moves it by an hour,
   * never by a day. */
  if (span < 0)
    return (int) ((span - G_TIME_SPAN_DAY / 2) / G_TIME_SPAN_DAY);
  return (int) ((span + G_TIME_SPAN_DAY / 2) / G_TIME_SPAN_DAY);
}

char *
kw_draft_format_time (GDateTime *time,
                      GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  const char *format;
  int days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  days = days_between (local, local_now);

  if (days == 0)
    /* Translators: when a draft was saved, today; a g_date_time_format()
     * string: %H:%M is the time, e.g. "today 14:32". */
    format = _("today %H:%M");
  else if (days == 1)
    /* Translators: when a draft was saved, yesterday; a
     * g_date_time_format() string, e.g. "yesterday 09:05". */
    format = _("yesterday %H:%M");
  else if (days > 1 && days < 7)
    /* Translators: when a draft was saved, in the past week; a
     * g_date_time_format() string: %A is the weekday, e.g. "Monday 14:32". */
    format = _("%A %H:%M");
  else if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: when a draft was saved, this year; a
     * g_date_time_format() string, e.g. "3 March 14:32". */
    format = _("%-d %B %H:%M");
  else
    /* Translators: when a draft was saved, in another year; a
     * g_date_time_format() string, e.g. "3 March 2025 14:32". */
    format = _("%-d %B %Y %H:%M");

  return g_date_time_format (local, format);
}
