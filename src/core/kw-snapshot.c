/* kw-snapshot.c
 *
 * A snapshot is read far more often than made (every comparison looks
 * findings up in it) and a board may carry fifty of a thousand findings
 * each, so the entries sit in one array with their strings in a string
 * chunk (owners and dates repeat a lot) and an index by id. The entries
 * never change once the snapshot is complete, so a copy of the snapshot
 * shares them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-snapshot"

#include "config.h"

#include "kw-board.h"
#include "kw-i18n.h"
#include "kw-snapshot-private.h"
#include "kw-text.h"

/* The entries, shared between a snapshot and its copies. */
typedef struct {
  GArray       *entries;  /* of KwSnapshotEntry, strings in strings */
  GStringChunk *strings;
  GHashTable   *by_id;    /* id (in strings) -> index + 1 */
} Entries;

struct _KwSnapshot
{
  GObject       parent_instance;

  char         *name;
  char         *note;
  GDateTime    *taken;
  KwThresholds  thresholds;
  Entries      *entries;  /* atomic rc box */
};

G_DEFINE_FINAL_TYPE (KwSnapshot, kw_snapshot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_NOTE,
  PROP_TAKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Entries *
entries_new (guint reserved)
{
  Entries *entries = g_atomic_rc_box_new0 (Entries);

  entries->entries = g_array_sized_new (FALSE, TRUE, sizeof (KwSnapshotEntry), reserved);
  entries->strings = g_string_chunk_new (4096);
  entries->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  return entries;
}

static void
entries_clear (Entries *entries)
{
  g_array_unref (entries->entries);
  g_string_chunk_free (entries->strings);
  g_hash_table_unref (entries->by_id);
}

static void
entries_release (Entries *entries)
{
  g_atomic_rc_box_release_full (entries, (GDestroyNotify) entries_clear);
}

/* Texts that repeat (owners, dates, "") are kept once. */
static char *
entries_intern (Entries    *entries,
                const char *text)
{
  return g_string_chunk_insert_const (entries->strings, text != NULL ? text : "");
}

static gboolean
entries_append (Entries    *entries,
                const char *id,
                KwStatus    status,
                gboolean    placed,
                double      impact,
                double      effort)
{
  KwSnapshotEntry entry = { 0 };

  if (g_hash_table_contains (entries->by_id, id))
    return FALSE;

  entry.id = g_string_chunk_insert (entries->strings, id);
  entry.title = entries_intern (entries, "");
  entry.owner = entry.title;
  entry.due = entry.title;
  entry.review = entry.title;
  entry.status = status;
  entry.placed = placed;
  entry.impact = placed ? impact : 0.0;
  entry.effort = placed ? effort : 0.0;

  g_array_append_val (entries->entries, entry);
  g_hash_table_insert (entries->by_id, entry.id, GUINT_TO_POINTER (entries->entries->len));

  return TRUE;
}

static void
kw_snapshot_finalize (GObject *object)
{
  KwSnapshot *self = (KwSnapshot *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->taken, g_date_time_unref);
  g_clear_pointer (&self->entries, entries_release);

  G_OBJECT_CLASS (kw_snapshot_parent_class)->finalize (object);
}

static void
kw_snapshot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KwSnapshot *self = KW_SNAPSHOT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_TAKEN:
      g_value_set_boxed (value, self->taken);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_snapshot_class_init (KwSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_snapshot_finalize;
  object_class->get_property = kw_snapshot_get_property;

  /* Read-only: a snapshot is renamed through its board, which keeps the
   * names unique (kw_board_rename_snapshot()). */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAKEN] =
    g_param_spec_boxed ("taken", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_snapshot_init (KwSnapshot *self)
{
  kw_thresholds_init_default (&self->thresholds);
}

KwSnapshot *
_kw_snapshot_new_loading (char      *name,
                          char      *note,
                          GDateTime *taken)
{
  KwSnapshot *self = g_object_new (KW_TYPE_SNAPSHOT, NULL);

  self->name = name;
  self->note = note != NULL ? note : g_strdup ("");
  self->taken = taken;
  self->entries = entries_new (0);

  return self;
}

void
_kw_snapshot_set_thresholds_loading (KwSnapshot         *self,
                                     const KwThresholds *thresholds)
{
  self->thresholds = *thresholds;
}

void
_kw_snapshot_take_note_loading (KwSnapshot *self,
                                char       *note)
{
  g_free (self->note);
  self->note = note;
}

gboolean
_kw_snapshot_add_entry_loading (KwSnapshot *self,
                                const char *id,
                                KwStatus    status,
                                gboolean    placed,
                                double      impact,
                                double      effort)
{
  return entries_append (self->entries, id, status, placed, impact, effort);
}

void
_kw_snapshot_set_entry_text_loading (KwSnapshot    *self,
                                     KwFindingText  which,
                                     const char    *text)
{
  GArray *array = self->entries->entries;
  KwSnapshotEntry *entry;
  char *interned;

  g_return_if_fail (array->len > 0);

  entry = &g_array_index (array, KwSnapshotEntry, array->len - 1);
  interned = entries_intern (self->entries, text);

  switch (which)
    {
    case KW_FINDING_TEXT_TITLE:       entry->title = interned; break;
    case KW_FINDING_TEXT_OWNER:       entry->owner = interned; break;
    case KW_FINDING_TEXT_DUE_DATE:    entry->due = interned; break;
    case KW_FINDING_TEXT_REVIEW_DATE: entry->review = interned; break;
    case KW_FINDING_TEXT_DESCRIPTION:
    case KW_FINDING_TEXT_SOURCE:
    case KW_FINDING_TEXT_DROP_REASON:
    default:
      g_return_if_reached ();
    }
}

gboolean
kw_snapshot_name_is_valid (const char *name)
{
  g_autofree char *cleaned = NULL;

  if (name == NULL)
    return FALSE;

  cleaned = kw_text_clean (name, TRUE);

  return cleaned[0] != '\0';
}

static void
append_finding (Entries   *entries,
                KwFinding *finding)
{
  KwSnapshotEntry *entry;

  entries_append (entries, kw_finding_get_id (finding), kw_finding_get_status (finding),
                  kw_finding_get_placed (finding), kw_finding_get_impact (finding),
                  kw_finding_get_effort (finding));

  entry = &g_array_index (entries->entries, KwSnapshotEntry, entries->entries->len - 1);
  entry->title = entries_intern (entries, kw_finding_get_title (finding));
  entry->owner = entries_intern (entries, kw_finding_get_owner (finding));
  entry->due = entries_intern (entries, kw_finding_get_due_date (finding));
  entry->review = entries_intern (entries, kw_finding_get_review_date (finding));
}

KwSnapshot *
kw_snapshot_new_from_board (KwBoard    *board,
                            const char *name,
                            const char *note,
                            GDateTime  *taken)
{
  KwSnapshot *self;
  guint n;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (kw_snapshot_name_is_valid (name), NULL);

  n = kw_board_get_n_findings (board);
  self = _kw_snapshot_new_loading (kw_text_clean (name, TRUE), kw_text_clean (note, FALSE),
                                   taken != NULL ? g_date_time_to_utc (taken) : g_date_time_new_now_utc ());
  kw_board_get_thresholds (board, &self->thresholds);

  g_clear_pointer (&self->entries, entries_release);
  self->entries = entries_new (n);
  /* Ids are unique on a board, so every finding gets its entry. */
  for (guint i = 0; i < n; i++)
    append_finding (self->entries, kw_board_get_finding (board, i));

  return self;
}

KwSnapshot *
_kw_snapshot_copy (KwSnapshot *self)
{
  KwSnapshot *copy = g_object_new (KW_TYPE_SNAPSHOT, NULL);

  copy->name = g_strdup (self->name);
  copy->note = g_strdup (self->note);
  copy->taken = g_date_time_ref (self->taken);
  copy->thresholds = self->thresholds;
  copy->entries = g_atomic_rc_box_acquire (self->entries);

  return copy;
}

gboolean
_kw_snapshot_rename (KwSnapshot *self,
                     const char *name,
                     const char *note)
{
  g_autofree char *clean_name = kw_text_clean (name, TRUE);
  g_autofree char *clean_note = kw_text_clean (note, FALSE);
  gboolean name_changed = !g_str_equal (clean_name, self->name);
  gboolean note_changed = !g_str_equal (clean_note, self->note);

  if (name_changed)
    {
      g_free (self->name);
      self->name = g_steal_pointer (&clean_name);
    }
  if (note_changed)
    {
      g_free (self->note);
      self->note = g_steal_pointer (&clean_note);
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (name_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (note_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  g_object_thaw_notify (G_OBJECT (self));

  return name_changed || note_changed;
}

const char *
kw_snapshot_get_name (KwSnapshot *self)
{
  g_return_val_if_fail (KW_IS_SNAPSHOT (self), NULL);

  return self->name;
}

const char *
kw_snapshot_get_note (KwSnapshot *self)
{
  g_return_val_if_fail (KW_IS_SNAPSHOT (self), NULL);

  return self->note;
}

GDateTime *
kw_snapshot_get_taken (KwSnapshot *self)
{
  g_return_val_if_fail (KW_IS_SNAPSHOT (self), NULL);

  return self->taken;
}

void
kw_snapshot_get_thresholds (KwSnapshot   *self,
                            KwThresholds *thresholds)
{
  g_return_if_fail (KW_IS_SNAPSHOT (self));
  g_return_if_fail (thresholds != NULL);

  *thresholds = self->thresholds;
}

guint
kw_snapshot_get_n_entries (KwSnapshot *self)
{
  g_return_val_if_fail (KW_IS_SNAPSHOT (self), 0);

  return self->entries->entries->len;
}

const KwSnapshotEntry *
kw_snapshot_get_entry (KwSnapshot *self,
                       guint       i)
{
  g_return_val_if_fail (KW_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (i < self->entries->entries->len, NULL);

  return &g_array_index (self->entries->entries, KwSnapshotEntry, i);
}

const KwSnapshotEntry *
kw_snapshot_lookup (KwSnapshot *self,
                    const char *finding_id)
{
  guint index;

  g_return_val_if_fail (KW_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (finding_id != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->entries->by_id, finding_id));
  if (index == 0)
    return NULL;

  return &g_array_index (self->entries->entries, KwSnapshotEntry, index - 1);
}

char *
kw_snapshot_default_name (KwBoard   *board,
                          GDateTime *taken)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  g_autofree char *base = NULL;
  const char *title;
  char *name;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  if (taken == NULL)
    taken = now = g_date_time_new_now_utc ();
  local = g_date_time_to_local (taken);
  iso = g_date_time_format (local, "%Y-%m-%d");
  date = kw_date_format_for_entry (iso);
  title = kw_board_get_title (board);

  /* TRANSLATORS: the default name of a snapshot: the date it was taken,
   * then the board's title. */
  base = title[0] != '\0' ? g_strdup_printf (C_("snapshot name", "%s · %s"), date, title)
                          : g_strdup (date);

  name = g_strdup (base);
  for (guint i = 2; kw_board_lookup_snapshot (board, name) != NULL; i++)
    {
      g_free (name);
      /* TRANSLATORS: a snapshot name that is already taken, numbered. */
      name = g_strdup_printf (C_("snapshot name", "%s (%u)"), base, i);
    }

  return name;
}
