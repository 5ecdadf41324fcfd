/* kw-participant-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-participant-list"

#include "config.h"

#include <stdlib.h>

#include "kw-participant-list.h"
#include "kw-participant-private.h"
#include "kw-text.h"

struct _KwParticipantList
{
  GObject     parent_instance;

  GPtrArray  *participants;  /* of KwParticipant (owned) */
  GHashTable *by_id;         /* id -> borrowed KwParticipant */
  GHashTable *by_name;       /* folded name (owned) -> borrowed KwParticipant */
};

static void kw_participant_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwParticipantList, kw_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kw_participant_list_model_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
kw_participant_list_get_item_type (GListModel *model)
{
  return KW_TYPE_PARTICIPANT;
}

static guint
kw_participant_list_model_get_n_items (GListModel *model)
{
  return KW_PARTICIPANT_LIST (model)->participants->len;
}

static gpointer
kw_participant_list_get_item (GListModel *model,
                              guint       position)
{
  KwParticipantList *self = KW_PARTICIPANT_LIST (model);

  if (position >= self->participants->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->participants, position));
}

static void
kw_participant_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_participant_list_get_item_type;
  iface->get_n_items = kw_participant_list_model_get_n_items;
  iface->get_item = kw_participant_list_get_item;
}

/* Names are compared as people read them: without case, once cleaned. */
static char *
name_key (const char *name)
{
  g_autofree char *clean = kw_text_clean (name, TRUE);

  return g_utf8_casefold (clean, -1);
}

static void
participant_notify_cb (KwParticipant     *participant,
                       GParamSpec        *pspec,
                       KwParticipantList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
kw_participant_list_dispose (GObject *object)
{
  KwParticipantList *self = (KwParticipantList *) object;

  for (guint i = 0; self->participants != NULL && i < self->participants->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->participants, i),
                                          participant_notify_cb, self);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->participants, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_participant_list_parent_class)->dispose (object);
}

static void
kw_participant_list_class_init (KwParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_participant_list_dispose;

  /**
   * KwParticipantList::changed:
   *
   * Emitted after any change to the list or to one of its participants.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kw_participant_list_init (KwParticipantList *self)
{
  self->participants = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

KwParticipantList *
kw_participant_list_new (void)
{
  return g_object_new (KW_TYPE_PARTICIPANT_LIST, NULL);
}

guint
kw_participant_list_get_n_items (KwParticipantList *self)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), 0);

  return self->participants->len;
}

KwParticipant *
kw_participant_list_get_participant (KwParticipantList *self,
                                     guint              position)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), NULL);

  if (position >= self->participants->len)
    return NULL;

  return g_ptr_array_index (self->participants, position);
}

KwParticipant *
kw_participant_list_lookup (KwParticipantList *self,
                            const char        *id)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

KwParticipant *
kw_participant_list_lookup_by_name (KwParticipantList *self,
                                    const char        *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  key = name_key (name);

  return g_hash_table_lookup (self->by_name, key);
}

gboolean
kw_participant_list_find_position (KwParticipantList *self,
                                   KwParticipant     *participant,
                                   guint             *position)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), FALSE);

  return g_ptr_array_find (self->participants, participant, position);
}

char *
kw_participant_list_dup_new_id (KwParticipantList *self)
{
  guint64 highest = 0;

  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), NULL);

  /* One past the highest "pN" in use: an id is never handed out while a
   * participant that had it could still come back by undo in between. */
  for (guint i = 0; i < self->participants->len; i++)
    {
      const char *id = kw_participant_get_id (g_ptr_array_index (self->participants, i));
      guint64 number;

      if (id[0] == 'p' && g_ascii_string_to_unsigned (id + 1, 10, 1, G_MAXUINT32, &number, NULL))
        highest = MAX (highest, number);
    }

  return g_strdup_printf ("p%" G_GUINT64_FORMAT, highest + 1);
}

gboolean
kw_participant_list_add (KwParticipantList *self,
                         KwParticipant     *participant,
                         guint              position)
{
  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  if (self->participants->len >= KW_PARTICIPANT_LIST_MAX ||
      kw_participant_list_lookup (self, kw_participant_get_id (participant)) != NULL ||
      kw_participant_list_lookup_by_name (self, kw_participant_get_name (participant)) != NULL)
    return FALSE;

  position = MIN (position, self->participants->len);
  g_ptr_array_insert (self->participants, position, g_object_ref (participant));
  g_hash_table_insert (self->by_id, (gpointer) kw_participant_get_id (participant), participant);
  g_hash_table_insert (self->by_name, name_key (kw_participant_get_name (participant)), participant);
  g_signal_connect (participant, "notify", G_CALLBACK (participant_notify_cb), self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
kw_participant_list_remove (KwParticipantList *self,
                            KwParticipant     *participant)
{
  g_autoptr(KwParticipant) removed = NULL;
  g_autofree char *key = NULL;
  guint position;

  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  if (!g_ptr_array_find (self->participants, participant, &position))
    return FALSE;

  key = name_key (kw_participant_get_name (participant));
  g_hash_table_remove (self->by_name, key);
  g_hash_table_remove (self->by_id, kw_participant_get_id (participant));
  g_signal_handlers_disconnect_by_func (participant, participant_notify_cb, self);
  removed = g_ptr_array_steal_index (self->participants, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
kw_participant_list_edit (KwParticipantList *self,
                          KwParticipant     *participant,
                          const char        *name,
                          const char        *team)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_team = NULL;
  g_autofree char *old_key = NULL;
  KwParticipant *other;

  g_return_val_if_fail (KW_IS_PARTICIPANT_LIST (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  if (!g_ptr_array_find (self->participants, participant, NULL) ||
      !kw_participant_name_is_valid (name) || !kw_participant_team_is_valid (team))
    return FALSE;

  clean_name = kw_text_clean (name, TRUE);
  clean_team = kw_text_clean (team != NULL ? team : "", TRUE);
  other = kw_participant_list_lookup_by_name (self, clean_name);
  if (other != NULL && other != participant)
    return FALSE;

  old_key = name_key (kw_participant_get_name (participant));
  g_hash_table_remove (self->by_name, old_key);
  g_hash_table_insert (self->by_name, name_key (clean_name), participant);
  /* The participant's notify emits "changed". */
  _kw_participant_set_name_and_team (participant, clean_name, clean_team);

  return TRUE;
}
