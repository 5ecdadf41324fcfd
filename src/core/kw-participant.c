/* kw-participant.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-participant"

#include "config.h"

#include "kw-finding.h"
#include "kw-i18n.h"
#include "kw-participant-private.h"
#include "kw-text.h"

struct _KwParticipant
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *team;
};

G_DEFINE_FINAL_TYPE (KwParticipant, kw_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TEAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
clean_length_between (const char *text,
                      glong       min,
                      glong       max)
{
  g_autofree char *clean = NULL;
  glong length;

  if (text == NULL)
    return min == 0;

  clean = kw_text_clean (text, TRUE);
  length = g_utf8_strlen (clean, -1);

  return length >= min && length <= max;
}

gboolean
kw_participant_name_is_valid (const char *name)
{
  return clean_length_between (name, 1, KW_PARTICIPANT_NAME_MAX);
}

gboolean
kw_participant_team_is_valid (const char *team)
{
  return clean_length_between (team, 0, KW_PARTICIPANT_TEAM_MAX);
}

static void
kw_participant_finalize (GObject *object)
{
  KwParticipant *self = (KwParticipant *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->team);

  G_OBJECT_CLASS (kw_participant_parent_class)->finalize (object);
}

static void
kw_participant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KwParticipant *self = KW_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TEAM:
      g_value_set_string (value, self->team);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_participant_class_init (KwParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_participant_finalize;
  object_class->get_property = kw_participant_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_participant_init (KwParticipant *self)
{
  self->team = g_strdup ("");
}

KwParticipant *
kw_participant_new (const char *id,
                    const char *name,
                    const char *team)
{
  KwParticipant *self;

  g_return_val_if_fail (kw_finding_id_is_valid (id), NULL);
  g_return_val_if_fail (kw_participant_name_is_valid (name), NULL);
  g_return_val_if_fail (kw_participant_team_is_valid (team), NULL);

  self = g_object_new (KW_TYPE_PARTICIPANT, NULL);
  self->id = g_strdup (id);
  self->name = kw_text_clean (name, TRUE);
  g_free (self->team);
  self->team = kw_text_clean (team != NULL ? team : "", TRUE);

  return self;
}

const char *
kw_participant_get_id (KwParticipant *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT (self), NULL);

  return self->id;
}

const char *
kw_participant_get_name (KwParticipant *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT (self), NULL);

  return self->name;
}

const char *
kw_participant_get_team (KwParticipant *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT (self), NULL);

  return self->team;
}

char *
kw_participant_dup_display_name (KwParticipant *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT (self), NULL);

  if (self->team[0] == '\0')
    return g_strdup (self->name);

  /* TRANSLATORS: a participant's name and team, "Anna (Team Care)" */
  return g_strdup_printf (_("%s (%s)"), self->name, self->team);
}

gboolean
_kw_participant_set_name_and_team (KwParticipant *self,
                                   const char    *name,
                                   const char    *team)
{
  gboolean name_changed = g_strcmp0 (self->name, name) != 0;
  gboolean team_changed = g_strcmp0 (self->team, team) != 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (name_changed)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
  if (team_changed)
    {
      g_free (self->team);
      self->team = g_strdup (team);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  return name_changed || team_changed;
}
