/* kw-finding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-finding"

#include "config.h"

#include "kw-i18n.h"
#include <math.h>

#include "kw-finding-private.h"
#include "kw-outcome.h"
#include "kw-text.h"

struct _KwFinding
{
  GObject    parent_instance;

  char      *id;
  char      *texts[KW_N_FINDING_TEXTS];
  GStrv      tags;
  GDateTime *created;
  GDateTime *modified;
  double     impact;
  double     effort;
  KwStatus   status;
  guint      placed : 1;
  GArray    *estimates;  /* of GivenEstimate, in the order first given */
};

typedef struct {
  char       *participant_id;
  KwEstimate  estimate;
} GivenEstimate;

G_DEFINE_TYPE (KwFinding, kw_finding, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (KwStatus, kw_status,
  G_DEFINE_ENUM_VALUE (KW_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (KW_STATUS_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (KW_STATUS_DONE, "done"))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_OWNER,
  PROP_SOURCE,
  PROP_DROP_REASON,
  PROP_DUE_DATE,
  PROP_REVIEW_DATE,
  PROP_PLACED,
  PROP_IMPACT,
  PROP_EFFORT,
  PROP_STATUS,
  PROP_TAGS,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ESTIMATES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text fields in KwFindingText order map onto consecutive properties. */
#define TEXT_PROP(which) (PROP_TITLE + (which))

static const char * const status_ids[KW_N_STATUSES] = { "open", "in-progress", "done" };

const char *
kw_status_to_id (KwStatus status)
{
  g_return_val_if_fail ((guint) status < KW_N_STATUSES, NULL);

  return status_ids[status];
}

gboolean
kw_status_from_id (const char *id,
                   KwStatus   *status)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < KW_N_STATUSES; i++)
    {
      if (g_str_equal (id, status_ids[i]))
        {
          if (status != NULL)
            *status = (KwStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
kw_status_get_label (KwStatus status)
{
  switch (status)
    {
    case KW_STATUS_OPEN:        return C_("finding status", "Open");
    case KW_STATUS_IN_PROGRESS: return C_("finding status", "In progress");
    case KW_STATUS_DONE:        return C_("finding status", "Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Ids are written as XML attributes and used in CSV and HTML anchors:
 * keep them to a safe, short alphabet. */
gboolean
kw_finding_id_is_valid (const char *id)
{
  gsize len = 0;

  if (id == NULL || id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }

  return len <= 64;
}

static void
kw_finding_touch (KwFinding *self)
{
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static gboolean
is_date_field (KwFindingText which)
{
  return which == KW_FINDING_TEXT_DUE_DATE || which == KW_FINDING_TEXT_REVIEW_DATE;
}

static void
kw_finding_finalize (GObject *object)
{
  KwFinding *self = (KwFinding *) object;

  g_clear_pointer (&self->id, g_free);
  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->estimates, g_array_unref);

  G_OBJECT_CLASS (kw_finding_parent_class)->finalize (object);
}

static void
kw_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KwFinding *self = KW_FINDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
    case PROP_DESCRIPTION:
    case PROP_OWNER:
    case PROP_SOURCE:
    case PROP_DROP_REASON:
    case PROP_DUE_DATE:
    case PROP_REVIEW_DATE:
      g_value_set_string (value, self->texts[prop_id - PROP_TITLE]);
      break;
    case PROP_PLACED:
      g_value_set_boolean (value, self->placed);
      break;
    case PROP_IMPACT:
      g_value_set_double (value, self->impact);
      break;
    case PROP_EFFORT:
      g_value_set_double (value, self->effort);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_finding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KwFinding *self = KW_FINDING (object);

  switch (prop_id)
    {
    case PROP_ID:
      {
        const char *id = g_value_get_string (value);

        /* Construct-only: a missing or unusable id gets a fresh one. */
        self->id = kw_finding_id_is_valid (id) ? g_strdup (id) : g_uuid_string_random ();
      }
      break;
    case PROP_TITLE:
    case PROP_DESCRIPTION:
    case PROP_OWNER:
    case PROP_SOURCE:
    case PROP_DROP_REASON:
    case PROP_DUE_DATE:
    case PROP_REVIEW_DATE:
      kw_finding_set_text (self, prop_id - PROP_TITLE, g_value_get_string (value));
      break;
    case PROP_IMPACT:
      kw_finding_place (self, g_value_get_double (value), self->effort);
      break;
    case PROP_EFFORT:
      kw_finding_place (self, self->impact, g_value_get_double (value));
      break;
    case PROP_STATUS:
      kw_finding_set_status (self, g_value_get_enum (value));
      break;
    case PROP_TAGS:
      kw_finding_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_CREATED:
      kw_finding_set_created (self, g_value_get_boxed (value));
      break;
    case PROP_MODIFIED:
      kw_finding_set_modified (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
text_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
kw_finding_class_init (KwFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_finding_finalize;
  object_class->get_property = kw_finding_get_property;
  object_class->set_property = kw_finding_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = text_pspec ("title");
  properties[PROP_DESCRIPTION] = text_pspec ("description");
  properties[PROP_OWNER] = text_pspec ("owner");
  properties[PROP_SOURCE] = text_pspec ("source");
  properties[PROP_DROP_REASON] = text_pspec ("drop-reason");
  properties[PROP_DUE_DATE] = text_pspec ("due-date");
  properties[PROP_REVIEW_DATE] = text_pspec ("review-date");
  properties[PROP_PLACED] =
    g_param_spec_boolean ("placed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPACT] =
    g_param_spec_double ("impact", NULL, NULL, KW_SCORE_MIN, KW_SCORE_MAX, KW_SCORE_MIN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EFFORT] =
    g_param_spec_double ("effort", NULL, NULL, KW_SCORE_MIN, KW_SCORE_MAX, KW_SCORE_MIN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KW_TYPE_STATUS, KW_STATUS_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KwFinding::estimates-changed:
   *
   * Emitted after a participant's estimate was given, changed or removed.
   */
  signals[ESTIMATES_CHANGED] =
    g_signal_new ("estimates-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kw_finding_init (KwFinding *self)
{
  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->status = KW_STATUS_OPEN;
}

static void
kw_finding_stamp_new (KwFinding *self)
{
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);
}

KwFinding *
kw_finding_new (const char *title)
{
  return kw_finding_new_with_id (NULL, title);
}

/* An invalid or NULL id gets a fresh random one. */
KwFinding *
kw_finding_new_with_id (const char *id,
                        const char *title)
{
  KwFinding *self = g_object_new (KW_TYPE_FINDING, "id", id, NULL);

  g_free (self->texts[KW_FINDING_TEXT_TITLE]);
  self->texts[KW_FINDING_TEXT_TITLE] = kw_text_clean (title, TRUE);
  kw_finding_stamp_new (self);

  return self;
}

const char *
kw_finding_get_id (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), NULL);

  return self->id;
}

const char *
kw_finding_get_text (KwFinding     *self,
                     KwFindingText  which)
{
  g_return_val_if_fail (KW_IS_FINDING (self), NULL);
  g_return_val_if_fail ((guint) which < KW_N_FINDING_TEXTS, NULL);

  return self->texts[which];
}

/* Titles, owners and the like are one line; descriptions and drop reasons
 * may run over several. Dates must be ISO dates or empty; anything else is
 * a programming error, since importers parse dates before they get here. */
void
kw_finding_set_text (KwFinding     *self,
                     KwFindingText  which,
                     const char    *text)
{
  g_autofree char *cleaned = NULL;
  gboolean multi_line;

  g_return_if_fail (KW_IS_FINDING (self));
  g_return_if_fail ((guint) which < KW_N_FINDING_TEXTS);

  multi_line = which == KW_FINDING_TEXT_DESCRIPTION || which == KW_FINDING_TEXT_DROP_REASON;
  cleaned = kw_text_clean (text, !multi_line);

  if (is_date_field (which) && cleaned[0] != '\0')
    g_return_if_fail (kw_date_is_valid_iso (cleaned));

  if (g_str_equal (cleaned, self->texts[which]))
    return;

  g_free (self->texts[which]);
  self->texts[which] = g_steal_pointer (&cleaned);

  g_object_notify_by_pspec (G_OBJECT (self), properties[TEXT_PROP (which)]);
  kw_finding_touch (self);
}

#define TEXT_ACCESSORS(name, WHICH)                                        \
  const char *                                                             \
  kw_finding_get_##name (KwFinding *self)                                  \
  {                                                                        \
    return kw_finding_get_text (self, KW_FINDING_TEXT_##WHICH);            \
  }                                                                        \
  void                                                                     \
  kw_finding_set_##name (KwFinding *self, const char *value)               \
  {                                                                        \
    kw_finding_set_text (self, KW_FINDING_TEXT_##WHICH, value);            \
  }

TEXT_ACCESSORS (title, TITLE)
TEXT_ACCESSORS (description, DESCRIPTION)
TEXT_ACCESSORS (owner, OWNER)
TEXT_ACCESSORS (source, SOURCE)
TEXT_ACCESSORS (drop_reason, DROP_REASON)
TEXT_ACCESSORS (due_date, DUE_DATE)
TEXT_ACCESSORS (review_date, REVIEW_DATE)

gboolean
kw_finding_get_placed (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), FALSE);

  return self->placed;
}

double
kw_finding_get_impact (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), 0.0);

  return self->impact;
}

double
kw_finding_get_effort (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), 0.0);

  return self->effort;
}

/* Places the finding on the matrix; scores are clamped to [0, 10] and
 * rounded to one decimal. */
void
kw_finding_place (KwFinding *self,
                  double     impact,
                  double     effort)
{
  gboolean impact_changed, effort_changed, placed_changed;

  g_return_if_fail (KW_IS_FINDING (self));
  g_return_if_fail (isfinite (impact) && isfinite (effort));

  impact = kw_score_normalize (impact);
  effort = kw_score_normalize (effort);

  impact_changed = impact != self->impact;
  effort_changed = effort != self->effort;
  placed_changed = !self->placed;

  if (!impact_changed && !effort_changed && !placed_changed)
    return;

  self->impact = impact;
  self->effort = effort;
  self->placed = TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  if (impact_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPACT]);
  if (effort_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFORT]);
  if (placed_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACED]);
  kw_finding_touch (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Takes the finding off the matrix. Its last scores are kept, so a finding
 * dragged back to the tray by mistake can be placed where it was. */
void
kw_finding_unplace (KwFinding *self)
{
  g_return_if_fail (KW_IS_FINDING (self));

  if (!self->placed)
    return;

  self->placed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACED]);
  kw_finding_touch (self);
  g_object_thaw_notify (G_OBJECT (self));
}

KwStatus
kw_finding_get_status (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), KW_STATUS_OPEN);

  return self->status;
}

void
kw_finding_set_status (KwFinding *self,
                       KwStatus   status)
{
  g_return_if_fail (KW_IS_FINDING (self));
  g_return_if_fail ((guint) status < KW_N_STATUSES);

  if (self->status == status)
    return;

  self->status = status;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  kw_finding_touch (self);
}

const char * const *
kw_finding_get_tags (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), NULL);

  return (const char * const *) self->tags;
}

/* Tags are cleaned to one line each; empty tags and repeats are dropped,
 * the order of first appearance is kept. */
static GStrv
clean_tags (const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = kw_text_clean (tags[i], TRUE);

      if (tag[0] == '\0' || g_hash_table_contains (seen, tag))
        continue;

      g_strv_builder_add (builder, tag);
      g_hash_table_add (seen, g_steal_pointer (&tag));
    }

  return g_strv_builder_end (builder);
}

void
kw_finding_set_tags (KwFinding          *self,
                     const char * const *tags)
{
  g_auto(GStrv) cleaned = NULL;

  g_return_if_fail (KW_IS_FINDING (self));

  cleaned = clean_tags (tags);

  if (g_strv_equal ((const char * const *) cleaned, (const char * const *) self->tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&cleaned);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  kw_finding_touch (self);
}

gboolean
kw_finding_has_tag (KwFinding  *self,
                    const char *tag)
{
  g_return_val_if_fail (KW_IS_FINDING (self), FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->tags, tag);
}

GDateTime *
kw_finding_get_created (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), NULL);

  return self->created;
}

static gboolean
replace_time (GDateTime **slot,
              GDateTime  *value)
{
  if (value == NULL || (*slot != NULL && g_date_time_equal (*slot, value)))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = g_date_time_to_utc (value);

  return TRUE;
}

void
kw_finding_set_created (KwFinding *self,
                        GDateTime *created)
{
  g_return_if_fail (KW_IS_FINDING (self));

  if (replace_time (&self->created, created))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

GDateTime *
kw_finding_get_modified (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), NULL);

  return self->modified;
}

void
kw_finding_set_modified (KwFinding *self,
                         GDateTime *modified)
{
  g_return_if_fail (KW_IS_FINDING (self));

  if (replace_time (&self->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* The loader's fast path, see kw-finding-private.h. */

KwFinding *
_kw_finding_new_loading (const char *id)
{
  return g_object_new (KW_TYPE_FINDING, "id", id, NULL);
}

void
_kw_finding_take_text_loading (KwFinding     *self,
                               KwFindingText  which,
                               char          *text)
{
  g_free (self->texts[which]);
  self->texts[which] = text;
}

void
_kw_finding_place_loading (KwFinding *self,
                           double     impact,
                           double     effort)
{
  self->impact = kw_score_normalize (impact);
  self->effort = kw_score_normalize (effort);
  self->placed = TRUE;
}

void
_kw_finding_set_status_loading (KwFinding *self,
                                KwStatus   status)
{
  self->status = status;
}

void
_kw_finding_take_tags_loading (KwFinding *self,
                               GStrv      tags)
{
  g_strfreev (self->tags);
  self->tags = tags;
}

void
_kw_finding_take_times_loading (KwFinding *self,
                                GDateTime *created,
                                GDateTime *modified)
{
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->created = created;
  self->modified = modified;
}

/* --- Estimates ------------------------------------------------------- */

gboolean
kw_estimate_equal (const KwEstimate *a,
                   const KwEstimate *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->known != b->known)
    return FALSE;

  return !a->known ||
         (kw_score_normalize (a->impact) == kw_score_normalize (b->impact) &&
          kw_score_normalize (a->effort) == kw_score_normalize (b->effort));
}

static void
given_estimate_clear (GivenEstimate *given)
{
  g_free (given->participant_id);
}

static KwEstimate
estimate_normalize (const KwEstimate *estimate)
{
  if (!estimate->known)
    return (KwEstimate) { FALSE, 0, 0 };

  return (KwEstimate) { TRUE, kw_score_normalize (estimate->impact), kw_score_normalize (estimate->effort) };
}

static GivenEstimate *
find_estimate (KwFinding  *self,
               const char *participant_id,
               guint      *index)
{
  for (guint i = 0; self->estimates != NULL && i < self->estimates->len; i++)
    {
      GivenEstimate *given = &g_array_index (self->estimates, GivenEstimate, i);

      if (g_str_equal (given->participant_id, participant_id))
        {
          if (index != NULL)
            *index = i;
          return given;
        }
    }

  return NULL;
}

static void
append_estimate (KwFinding        *self,
                 const char       *participant_id,
                 const KwEstimate *estimate)
{
  if (self->estimates == NULL)
    {
      self->estimates = g_array_new (FALSE, FALSE, sizeof (GivenEstimate));
      g_array_set_clear_func (self->estimates, (GDestroyNotify) given_estimate_clear);
    }
  g_array_append_val (self->estimates, ((GivenEstimate) { g_strdup (participant_id),
                                                          estimate_normalize (estimate) }));
}

/* Sets or removes; returns whether anything changed. */
static gboolean
store_estimate (KwFinding        *self,
                const char       *participant_id,
                const KwEstimate *estimate)
{
  guint index;
  GivenEstimate *given = find_estimate (self, participant_id, &index);

  if (estimate == NULL)
    {
      if (given == NULL)
        return FALSE;
      g_array_remove_index (self->estimates, index);
      return TRUE;
    }

  if (given != NULL)
    {
      if (kw_estimate_equal (&given->estimate, estimate))
        return FALSE;
      given->estimate = estimate_normalize (estimate);
      return TRUE;
    }

  append_estimate (self, participant_id, estimate);

  return TRUE;
}

gboolean
kw_finding_get_estimate (KwFinding  *self,
                         const char *participant_id,
                         KwEstimate *estimate)
{
  GivenEstimate *given;

  g_return_val_if_fail (KW_IS_FINDING (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  given = find_estimate (self, participant_id, NULL);
  if (given != NULL && estimate != NULL)
    *estimate = given->estimate;

  return given != NULL;
}

void
kw_finding_set_estimate (KwFinding        *self,
                         const char       *participant_id,
                         const KwEstimate *estimate)
{
  KwEstimateEntry entry = { participant_id, estimate != NULL, { 0 } };

  if (estimate != NULL)
    entry.estimate = *estimate;
  kw_finding_set_estimates (self, &entry, 1);
}

guint
kw_finding_set_estimates (KwFinding             *self,
                          const KwEstimateEntry *entries,
                          guint                  n)
{
  guint changed = 0;

  g_return_val_if_fail (KW_IS_FINDING (self), 0);
  g_return_val_if_fail (entries != NULL || n == 0, 0);

  for (guint i = 0; i < n; i++)
    g_return_val_if_fail (kw_finding_id_is_valid (entries[i].participant_id), 0);

  for (guint i = 0; i < n; i++)
    {
      if (store_estimate (self, entries[i].participant_id, entries[i].given ? &entries[i].estimate : NULL))
        changed++;
    }

  if (changed > 0)
    {
      kw_finding_touch (self);
      g_signal_emit (self, signals[ESTIMATES_CHANGED], 0);
    }

  return changed;
}

guint
kw_finding_get_n_estimates (KwFinding *self)
{
  g_return_val_if_fail (KW_IS_FINDING (self), 0);

  return self->estimates != NULL ? self->estimates->len : 0;
}

const char *
kw_finding_get_nth_estimate (KwFinding  *self,
                             guint       i,
                             KwEstimate *estimate)
{
  GivenEstimate *given;

  g_return_val_if_fail (KW_IS_FINDING (self), NULL);
  g_return_val_if_fail (i < kw_finding_get_n_estimates (self), NULL);

  given = &g_array_index (self->estimates, GivenEstimate, i);
  if (estimate != NULL)
    *estimate = given->estimate;

  return given->participant_id;
}

gboolean
kw_finding_summarize_estimates (KwFinding         *self,
                                KwEstimateSummary *summary)
{
  guint n;
  g_autofree KwEstimate *estimates = NULL;

  g_return_val_if_fail (KW_IS_FINDING (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  n = kw_finding_get_n_estimates (self);
  estimates = g_new (KwEstimate, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    estimates[i] = g_array_index (self->estimates, GivenEstimate, i).estimate;

  return kw_estimates_summarize (estimates, n, summary);
}

void
_kw_finding_set_estimate_loading (KwFinding        *self,
                                  const char       *participant_id,
                                  const KwEstimate *estimate)
{
  store_estimate (self, participant_id, estimate);
}

/* The loader has checked that the participant has no estimate yet: no
 * search, so a finding's estimates load in linear time. */
void
_kw_finding_append_estimate_loading (KwFinding        *self,
                                     const char       *participant_id,
                                     const KwEstimate *estimate)
{
  append_estimate (self, participant_id, estimate);
}
