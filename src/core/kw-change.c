/* kw-change.c
 *
 * A change borrows the two snapshot entries it compares (keeping their
 * snapshots alive) and writes its texts only when asked: a list of changes
 * may be shown in the UI's language and exported in another
 * (kw_plan_language_push()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-change"

#include "config.h"

#include <math.h>

#include "kw-change-private.h"
#include "kw-i18n.h"
#include "kw-plan-text.h"
#include "kw-text.h"

G_DEFINE_ENUM_TYPE (KwChangeKind, kw_change_kind,
  G_DEFINE_ENUM_VALUE (KW_CHANGE_OUTCOME, "outcome"),
  G_DEFINE_ENUM_VALUE (KW_CHANGE_MOVED, "moved"),
  G_DEFINE_ENUM_VALUE (KW_CHANGE_NEW, "new"),
  G_DEFINE_ENUM_VALUE (KW_CHANGE_REMOVED, "removed"),
  G_DEFINE_ENUM_VALUE (KW_CHANGE_STATUS, "status"),
  G_DEFINE_ENUM_VALUE (KW_CHANGE_OWNER, "owner"),
  G_DEFINE_ENUM_VALUE (KW_CHANGE_DUE, "due"))

static const char * const kind_ids[KW_N_CHANGE_KINDS] = {
  "outcome", "moved", "new", "removed", "status", "owner", "due",
};

const char *
kw_change_kind_to_id (KwChangeKind kind)
{
  g_return_val_if_fail ((guint) kind < KW_N_CHANGE_KINDS, NULL);

  return kind_ids[kind];
}

struct _KwChange
{
  GObject                parent_instance;

  KwChangeKind           kind;
  KwSnapshot            *before;
  const KwSnapshotEntry *before_entry;  /* NULL for a new finding */
  KwOutcome              before_outcome;
  KwSnapshot            *after;
  const KwSnapshotEntry *after_entry;   /* NULL for a removed finding */
  KwOutcome              after_outcome;
  char                  *before_value;
  char                  *after_value;
};

G_DEFINE_FINAL_TYPE (KwChange, kw_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FINDING_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kw_change_finalize (GObject *object)
{
  KwChange *self = (KwChange *) object;

  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_clear_pointer (&self->before_value, g_free);
  g_clear_pointer (&self->after_value, g_free);

  G_OBJECT_CLASS (kw_change_parent_class)->finalize (object);
}

static void
kw_change_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KwChange *self = KW_CHANGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FINDING_ID:
      g_value_set_string (value, kw_change_get_finding_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, kw_change_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_change_class_init (KwChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_change_finalize;
  object_class->get_property = kw_change_get_property;

  /* Read-only: a change never changes; a newer comparison makes new ones. */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KW_TYPE_CHANGE_KIND, KW_CHANGE_OUTCOME,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINDING_ID] =
    g_param_spec_string ("finding-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_change_init (KwChange *self)
{
  self->before_outcome = KW_OUTCOME_UNPLACED;
  self->after_outcome = KW_OUTCOME_UNPLACED;
}

gint64
_kw_change_score_tenths (double score)
{
  return (gint64) llround (score * 10.0);
}

static KwOutcome
classify_entry (KwSnapshot            *snapshot,
                const KwSnapshotEntry *entry)
{
  KwThresholds thresholds;

  if (entry == NULL)
    return KW_OUTCOME_UNPLACED;

  kw_snapshot_get_thresholds (snapshot, &thresholds);

  return kw_outcome_classify (entry->placed, entry->impact, entry->effort, &thresholds);
}

/* "7.5 2.0": impact, then effort, as the placement entry takes them. */
static char *
format_position (const KwSnapshotEntry *entry)
{
  g_autofree char *impact = NULL;
  g_autofree char *effort = NULL;

  if (!entry->placed)
    return g_strdup ("");

  impact = kw_score_format (entry->impact);
  effort = kw_score_format (entry->effort);

  return g_strconcat (impact, " ", effort, NULL);
}

/* The untranslated value of one side, for scripts. */
static char *
side_value (KwChange              *self,
            const KwSnapshotEntry *entry,
            KwOutcome              outcome)
{
  if (entry == NULL)
    return g_strdup ("");

  switch (self->kind)
    {
    case KW_CHANGE_OUTCOME:
    case KW_CHANGE_NEW:
    case KW_CHANGE_REMOVED:
      return g_strdup (kw_outcome_to_id (outcome));
    case KW_CHANGE_MOVED:
      return format_position (entry);
    case KW_CHANGE_STATUS:
      return g_strdup (kw_status_to_id (entry->status));
    case KW_CHANGE_OWNER:
      return g_strdup (entry->owner);
    case KW_CHANGE_DUE:
      return g_strdup (entry->due);
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

KwChange *
_kw_change_new (KwChangeKind           kind,
                KwSnapshot            *before,
                const KwSnapshotEntry *before_entry,
                KwSnapshot            *after,
                const KwSnapshotEntry *after_entry)
{
  KwChange *self;

  g_return_val_if_fail ((guint) kind < KW_N_CHANGE_KINDS, NULL);
  g_return_val_if_fail (KW_IS_SNAPSHOT (before), NULL);
  g_return_val_if_fail (KW_IS_SNAPSHOT (after), NULL);
  g_return_val_if_fail (before_entry != NULL || after_entry != NULL, NULL);

  self = g_object_new (KW_TYPE_CHANGE, NULL);
  self->kind = kind;
  self->before = g_object_ref (before);
  self->before_entry = before_entry;
  self->before_outcome = classify_entry (before, before_entry);
  self->after = g_object_ref (after);
  self->after_entry = after_entry;
  self->after_outcome = classify_entry (after, after_entry);
  self->before_value = side_value (self, before_entry, self->before_outcome);
  self->after_value = side_value (self, after_entry, self->after_outcome);

  return self;
}

/* The entry that names the finding: as it is after, or as it was. */
static const KwSnapshotEntry *
naming_entry (KwChange *self)
{
  return self->after_entry != NULL ? self->after_entry : self->before_entry;
}

KwChangeKind
kw_change_get_kind (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), KW_CHANGE_OUTCOME);

  return self->kind;
}

const char *
kw_change_get_finding_id (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), NULL);

  return naming_entry (self)->id;
}

const char *
kw_change_get_title (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), NULL);

  return naming_entry (self)->title;
}

KwOutcome
kw_change_get_before_outcome (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), KW_OUTCOME_UNPLACED);

  return self->before_outcome;
}

KwOutcome
kw_change_get_after_outcome (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), KW_OUTCOME_UNPLACED);

  return self->after_outcome;
}

static gboolean
entry_position (const KwSnapshotEntry *entry,
                double                *impact,
                double                *effort)
{
  gboolean placed = entry != NULL && entry->placed;

  if (impact != NULL)
    *impact = placed ? entry->impact : 0.0;
  if (effort != NULL)
    *effort = placed ? entry->effort : 0.0;

  return placed;
}

gboolean
kw_change_get_before_position (KwChange *self,
                               double   *impact,
                               double   *effort)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), FALSE);

  return entry_position (self->before_entry, impact, effort);
}

gboolean
kw_change_get_after_position (KwChange *self,
                              double   *impact,
                              double   *effort)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), FALSE);

  return entry_position (self->after_entry, impact, effort);
}

/* Only a moved finding is on the matrix on both sides. */
static double
delta_tenths (double before,
              double after)
{
  return (double) (_kw_change_score_tenths (after) - _kw_change_score_tenths (before)) / 10.0;
}

double
kw_change_get_impact_delta (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), 0.0);

  if (self->kind != KW_CHANGE_MOVED)
    return 0.0;

  return delta_tenths (self->before_entry->impact, self->after_entry->impact);
}

double
kw_change_get_effort_delta (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), 0.0);

  if (self->kind != KW_CHANGE_MOVED)
    return 0.0;

  return delta_tenths (self->before_entry->effort, self->after_entry->effort);
}

KwStatus
kw_change_get_before_status (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), KW_STATUS_OPEN);

  return self->before_entry != NULL ? self->before_entry->status : KW_STATUS_OPEN;
}

KwStatus
kw_change_get_after_status (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), KW_STATUS_OPEN);

  return self->after_entry != NULL ? self->after_entry->status : KW_STATUS_OPEN;
}

const char *
kw_change_get_before_value (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), NULL);

  return self->before_value;
}

const char *
kw_change_get_after_value (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), NULL);

  return self->after_value;
}

/* ---- Texts ------------------------------------------------------------- */

/* Each whole line is one translatable string, so that a translator can
 * put the parts in the order of the language. */
static char *
moved_text (KwChange *self)
{
  double impact = kw_change_get_impact_delta (self);
  double effort = kw_change_get_effort_delta (self);
  g_autofree char *impact_by = kw_plan_text_format_score (fabs (impact));
  g_autofree char *effort_by = kw_plan_text_format_score (fabs (effort));
  const char *title = kw_change_get_title (self);

  if (effort == 0.0)
    return g_strdup_printf (impact > 0 ? _("Impact up %s: %s") : _("Impact down %s: %s"),
                            impact_by, title);
  if (impact == 0.0)
    return g_strdup_printf (effort > 0 ? _("Effort up %s: %s") : _("Effort down %s: %s"),
                            effort_by, title);
  if (impact > 0)
    return g_strdup_printf (effort > 0 ? _("Impact up %s, effort up %s: %s")
                                       : _("Impact up %s, effort down %s: %s"),
                            impact_by, effort_by, title);
  return g_strdup_printf (effort > 0 ? _("Impact down %s, effort up %s: %s")
                                     : _("Impact down %s, effort down %s: %s"),
                          impact_by, effort_by, title);
}

static char *
status_text (KwChange *self)
{
  const char *title = kw_change_get_title (self);

  switch (self->after_entry->status)
    {
    case KW_STATUS_DONE:
      return g_strdup_printf (_("Done: %s"), title);
    case KW_STATUS_IN_PROGRESS:
      return g_strdup_printf (_("In progress: %s"), title);
    case KW_STATUS_OPEN:
    default:
      return g_strdup_printf (_("Open again: %s"), title);
    }
}

static char *
owner_text (KwChange *self)
{
  const char *before = self->before_entry->owner;
  const char *after = self->after_entry->owner;
  const char *title = kw_change_get_title (self);

  if (before[0] == '\0')
    return g_strdup_printf (_("Owner set to %s: %s"), after, title);
  if (after[0] == '\0')
    return g_strdup_printf (_("No owner any more (was %s): %s"), before, title);
  /* TRANSLATORS: the owner before, the owner now, the finding's title. */
  return g_strdup_printf (_("Owner: %s → %s: %s"), before, after, title);
}

static char *
due_text (KwChange *self)
{
  g_autofree char *before = kw_date_format_for_entry (self->before_entry->due);
  g_autofree char *after = kw_date_format_for_entry (self->after_entry->due);
  const char *title = kw_change_get_title (self);

  if (before[0] == '\0')
    return g_strdup_printf (_("Due date set to %s: %s"), after, title);
  if (after[0] == '\0')
    return g_strdup_printf (_("No due date any more (was %s): %s"), before, title);
  /* TRANSLATORS: the due date before, the due date now, the finding's title. */
  return g_strdup_printf (_("Due %s → %s: %s"), before, after, title);
}

char *
kw_change_get_text (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), NULL);

  switch (self->kind)
    {
    case KW_CHANGE_OUTCOME:
      /* TRANSLATORS: the outcome before, the outcome now, the finding's
       * title: "Long-term plan → Quick win: Clearer outgoing letters". */
      return g_strdup_printf (_("%s → %s: %s"),
                              kw_outcome_get_singular_title (self->before_outcome),
                              kw_outcome_get_singular_title (self->after_outcome),
                              kw_change_get_title (self));
    case KW_CHANGE_MOVED:
      return moved_text (self);
    case KW_CHANGE_NEW:
      return g_strdup_printf (_("New: %s"), kw_change_get_title (self));
    case KW_CHANGE_REMOVED:
      return g_strdup_printf (_("Removed: %s"), kw_change_get_title (self));
    case KW_CHANGE_STATUS:
      return status_text (self);
    case KW_CHANGE_OWNER:
      return owner_text (self);
    case KW_CHANGE_DUE:
      return due_text (self);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
moved_sentence (KwChange *self)
{
  g_autofree char *impact_before = kw_plan_text_format_score (self->before_entry->impact);
  g_autofree char *effort_before = kw_plan_text_format_score (self->before_entry->effort);
  g_autofree char *impact_after = kw_plan_text_format_score (self->after_entry->impact);
  g_autofree char *effort_after = kw_plan_text_format_score (self->after_entry->effort);

  /* TRANSLATORS: the title, then impact and effort before, impact and
   * effort now. */
  return g_strdup_printf (_("“%s” moved from impact %s and effort %s to impact %s and effort %s."),
                          kw_change_get_title (self),
                          impact_before, effort_before, impact_after, effort_after);
}

static char *
status_sentence (KwChange *self)
{
  const char *title = kw_change_get_title (self);

  switch (self->after_entry->status)
    {
    case KW_STATUS_DONE:
      return g_strdup_printf (_("“%s” is done."), title);
    case KW_STATUS_IN_PROGRESS:
      return g_strdup_printf (_("“%s” is in progress."), title);
    case KW_STATUS_OPEN:
    default:
      return g_strdup_printf (_("“%s” is open again."), title);
    }
}

static char *
owner_sentence (KwChange *self)
{
  const char *before = self->before_entry->owner;
  const char *after = self->after_entry->owner;
  const char *title = kw_change_get_title (self);

  if (before[0] == '\0')
    return g_strdup_printf (_("“%s” now has an owner: %s."), title, after);
  if (after[0] == '\0')
    return g_strdup_printf (_("“%s” no longer has an owner; it was %s."), title, before);
  return g_strdup_printf (_("The owner of “%s” changed from %s to %s."), title, before, after);
}

/* "31 January 2027": a screen reader reads a written date better than
 * digits and dashes. */
static char *
date_for_sentence (const char *iso)
{
  char *written = kw_plan_text_format_iso_date (iso);

  return written != NULL ? written : g_strdup (iso);
}

static char *
due_sentence (KwChange *self)
{
  g_autofree char *before = date_for_sentence (self->before_entry->due);
  g_autofree char *after = date_for_sentence (self->after_entry->due);
  const char *title = kw_change_get_title (self);

  if (before[0] == '\0')
    return g_strdup_printf (_("“%s” now has a due date: %s."), title, after);
  if (after[0] == '\0')
    return g_strdup_printf (_("“%s” no longer has a due date; it was %s."), title, before);
  return g_strdup_printf (_("The due date of “%s” changed from %s to %s."), title, before, after);
}

char *
kw_change_get_accessible_text (KwChange *self)
{
  g_return_val_if_fail (KW_IS_CHANGE (self), NULL);

  switch (self->kind)
    {
    case KW_CHANGE_OUTCOME:
      /* TRANSLATORS: the title, the outcome before and the outcome now, as
       * one finding's outcome is named in a sentence ("quick win"). */
      return g_strdup_printf (_("“%s”: outcome changed from %s to %s."),
                              kw_change_get_title (self),
                              kw_outcome_get_singular_name (self->before_outcome),
                              kw_outcome_get_singular_name (self->after_outcome));
    case KW_CHANGE_MOVED:
      return moved_sentence (self);
    case KW_CHANGE_NEW:
      return g_strdup_printf (_("“%s” is new."), kw_change_get_title (self));
    case KW_CHANGE_REMOVED:
      return g_strdup_printf (_("“%s” has been removed."), kw_change_get_title (self));
    case KW_CHANGE_STATUS:
      return status_sentence (self);
    case KW_CHANGE_OWNER:
      return owner_sentence (self);
    case KW_CHANGE_DUE:
      return due_sentence (self);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A field of a tab-separated line: no tab or newline inside. */
static void
append_field (GString    *line,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

char *
kw_change_format_line (KwChange *self)
{
  GString *line;
  const char *fields[5];

  g_return_val_if_fail (KW_IS_CHANGE (self), NULL);

  fields[0] = kw_change_kind_to_id (self->kind);
  fields[1] = kw_change_get_finding_id (self);
  fields[2] = self->before_value;
  fields[3] = self->after_value;
  fields[4] = kw_change_get_title (self);

  line = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (line, '\t');
      append_field (line, fields[i]);
    }

  return g_string_free (line, FALSE);
}
