/* kw-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-board"

#include "config.h"

#include "kw-board-private.h"
#include "kw-finding-private.h"
#include "kw-follow-up.h"
#include "kw-format.h"
#include "kw-i18n.h"
#include "kw-snapshot-private.h"
#include "kw-text.h"

struct _KwBoard
{
  GObject       parent_instance;

  char         *texts[KW_N_BOARD_TEXTS];
  KwThresholds  thresholds;
  GPtrArray    *findings;   /* of KwFinding, owned */
  GHashTable   *by_id;      /* id (owned by the finding) -> KwFinding */
  GListStore   *snapshots;  /* of KwSnapshot, oldest first */
  GHashTable   *snapshots_by_name;  /* name (owned) -> KwSnapshot in snapshots */
  KwParticipantList *participants;
  guint         n_snapshot_entries; /* in all of them */
  guint         format_version;
  guint         review_interval;  /* months */
};

static void kw_board_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwBoard, kw_board, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kw_board_list_model_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_FACILITATOR,
  PROP_WORKSHOP_DATE,
  PROP_NOTES,
  PROP_IMPACT_LINE,
  PROP_EFFORT_LINE,
  PROP_TINY_EFFORT_LINE,
  PROP_N_FINDINGS,
  PROP_FORMAT_VERSION,
  PROP_REVIEW_INTERVAL,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GType
kw_board_get_item_type (GListModel *model)
{
  return KW_TYPE_FINDING;
}

static guint
kw_board_get_n_items (GListModel *model)
{
  return KW_BOARD (model)->findings->len;
}

static gpointer
kw_board_get_item (GListModel *model,
                   guint       position)
{
  KwBoard *self = KW_BOARD (model);

  if (position >= self->findings->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->findings, position));
}

static void
kw_board_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_board_get_item_type;
  iface->get_n_items = kw_board_get_n_items;
  iface->get_item = kw_board_get_item;
}

static void
kw_board_emit_changed (KwBoard *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
finding_notify_cb (KwFinding  *finding,
                   GParamSpec *pspec,
                   KwBoard    *self)
{
  kw_board_emit_changed (self);
}

/* A finding came or went at position: the list, its length, the board. */
static void
findings_changed (KwBoard *self,
                  guint    position,
                  guint    removed,
                  guint    added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
  kw_board_emit_changed (self);
}

static void
kw_board_adopt (KwBoard   *self,
                KwFinding *finding)
{
  g_hash_table_insert (self->by_id, (gpointer) kw_finding_get_id (finding), finding);
  /* Not g_signal_connect_object: that puts a weak reference on the board
   * per finding, and dropping 100,000 of them one by one is quadratic.
   * The board disconnects its findings itself (remove and dispose). */
  g_signal_connect (finding, "notify", G_CALLBACK (finding_notify_cb), self);
}

static void
kw_board_dispose (GObject *object)
{
  KwBoard *self = (KwBoard *) object;

  /* A finding may outlive the board (a row still shows it). */
  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->findings, i), finding_notify_cb, self);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->snapshots);
  if (self->participants != NULL)
    g_signal_handlers_disconnect_by_func (self->participants, kw_board_emit_changed, self);
  g_clear_object (&self->participants);
  g_clear_pointer (&self->snapshots_by_name, g_hash_table_unref);

  G_OBJECT_CLASS (kw_board_parent_class)->dispose (object);
}

static void
kw_board_finalize (GObject *object)
{
  KwBoard *self = (KwBoard *) object;

  for (guint i = 0; i < KW_N_BOARD_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);

  G_OBJECT_CLASS (kw_board_parent_class)->finalize (object);
}

static void
kw_board_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KwBoard *self = KW_BOARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
    case PROP_ORGANISATION:
    case PROP_FACILITATOR:
    case PROP_WORKSHOP_DATE:
    case PROP_NOTES:
      g_value_set_string (value, self->texts[prop_id - PROP_TITLE]);
      break;
    case PROP_IMPACT_LINE:
      g_value_set_double (value, self->thresholds.impact);
      break;
    case PROP_EFFORT_LINE:
      g_value_set_double (value, self->thresholds.effort);
      break;
    case PROP_TINY_EFFORT_LINE:
      g_value_set_double (value, self->thresholds.tiny_effort);
      break;
    case PROP_N_FINDINGS:
      g_value_set_uint (value, self->findings->len);
      break;
    case PROP_FORMAT_VERSION:
      g_value_set_uint (value, self->format_version);
      break;
    case PROP_REVIEW_INTERVAL:
      g_value_set_uint (value, self->review_interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_board_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  KwBoard *self = KW_BOARD (object);
  KwThresholds thresholds = self->thresholds;

  switch (prop_id)
    {
    case PROP_TITLE:
    case PROP_ORGANISATION:
    case PROP_FACILITATOR:
    case PROP_WORKSHOP_DATE:
    case PROP_NOTES:
      kw_board_set_text (self, prop_id - PROP_TITLE, g_value_get_string (value));
      break;
    case PROP_IMPACT_LINE:
      thresholds.impact = g_value_get_double (value);
      kw_board_set_thresholds (self, &thresholds);
      break;
    case PROP_EFFORT_LINE:
      thresholds.effort = g_value_get_double (value);
      kw_board_set_thresholds (self, &thresholds);
      break;
    case PROP_TINY_EFFORT_LINE:
      thresholds.tiny_effort = g_value_get_double (value);
      kw_board_set_thresholds (self, &thresholds);
      break;
    case PROP_REVIEW_INTERVAL:
      kw_board_set_review_interval (self, g_value_get_uint (value));
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

static GParamSpec *
line_pspec (const char *name,
            double      default_value)
{
  return g_param_spec_double (name, NULL, NULL, KW_SCORE_MIN, KW_SCORE_MAX, default_value,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
kw_board_class_init (KwBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_board_dispose;
  object_class->finalize = kw_board_finalize;
  object_class->get_property = kw_board_get_property;
  object_class->set_property = kw_board_set_property;

  properties[PROP_TITLE] = text_pspec ("title");
  properties[PROP_ORGANISATION] = text_pspec ("organisation");
  properties[PROP_FACILITATOR] = text_pspec ("facilitator");
  properties[PROP_WORKSHOP_DATE] = text_pspec ("workshop-date");
  properties[PROP_NOTES] = text_pspec ("notes");
  properties[PROP_IMPACT_LINE] = line_pspec ("impact-line", KW_DEFAULT_IMPACT_LINE);
  properties[PROP_EFFORT_LINE] = line_pspec ("effort-line", KW_DEFAULT_EFFORT_LINE);
  properties[PROP_TINY_EFFORT_LINE] = line_pspec ("tiny-effort-line", KW_DEFAULT_TINY_EFFORT_LINE);
  properties[PROP_N_FINDINGS] =
    g_param_spec_uint ("n-findings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The version of the file format the board was read from: a board from
   * a newer Kwadrant is shown but never saved over its file. */
  properties[PROP_FORMAT_VERSION] =
    g_param_spec_uint ("format-version", NULL, NULL, 1, G_MAXUINT, KW_FORMAT_VERSION,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* How many months after a finding lands on a reviewed list (the future
   * list, the small fixes) it is due for review (kw-follow-up.h). */
  properties[PROP_REVIEW_INTERVAL] =
    g_param_spec_uint ("review-interval", NULL, NULL,
                       KW_REVIEW_INTERVAL_MIN, KW_REVIEW_INTERVAL_MAX, KW_REVIEW_INTERVAL_DEFAULT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KwBoard::changed:
   *
   * Emitted after any change to the board or to one of its findings.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kw_board_init (KwBoard *self)
{
  for (guint i = 0; i < KW_N_BOARD_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  kw_thresholds_init_default (&self->thresholds);
  self->format_version = KW_FORMAT_VERSION;
  self->review_interval = KW_REVIEW_INTERVAL_DEFAULT;
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->snapshots = g_list_store_new (KW_TYPE_SNAPSHOT);
  self->snapshots_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->participants = kw_participant_list_new ();
  g_signal_connect_swapped (self->participants, "changed", G_CALLBACK (kw_board_emit_changed), self);
}

KwBoard *
kw_board_new (void)
{
  return g_object_new (KW_TYPE_BOARD, NULL);
}

static GDateTime *
ref_time_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

/* Field by field, without cleaning or stamping anything: the copy must be
 * the same finding, modified time included. */
static KwFinding *
copy_finding (KwFinding *finding)
{
  KwFinding *copy = _kw_finding_new_loading (kw_finding_get_id (finding));

  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    _kw_finding_take_text_loading (copy, i, g_strdup (kw_finding_get_text (finding, i)));
  if (kw_finding_get_placed (finding))
    _kw_finding_place_loading (copy, kw_finding_get_impact (finding), kw_finding_get_effort (finding));
  _kw_finding_set_status_loading (copy, kw_finding_get_status (finding));
  _kw_finding_take_tags_loading (copy, g_strdupv ((GStrv) kw_finding_get_tags (finding)));
  _kw_finding_take_times_loading (copy,
                                  ref_time_or_null (kw_finding_get_created (finding)),
                                  ref_time_or_null (kw_finding_get_modified (finding)));
  for (guint i = 0; i < kw_finding_get_n_estimates (finding); i++)
    {
      KwEstimate estimate;
      const char *participant_id = kw_finding_get_nth_estimate (finding, i, &estimate);

      _kw_finding_set_estimate_loading (copy, participant_id, &estimate);
    }

  return copy;
}

KwBoard *
kw_board_copy (KwBoard *self)
{
  KwBoard *copy;

  g_return_val_if_fail (KW_IS_BOARD (self), NULL);

  copy = kw_board_new ();
  for (guint i = 0; i < KW_N_BOARD_TEXTS; i++)
    _kw_board_take_text_loading (copy, i, g_strdup (self->texts[i]));
  copy->thresholds = self->thresholds;
  copy->format_version = self->format_version;
  copy->review_interval = self->review_interval;

  for (guint i = 0; i < kw_participant_list_get_n_items (self->participants); i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (self->participants, i);
      g_autoptr(KwParticipant) participant_copy =
        kw_participant_new (kw_participant_get_id (participant), kw_participant_get_name (participant),
                            kw_participant_get_team (participant));

      if (!kw_participant_list_add (copy->participants, participant_copy, G_MAXUINT))
        g_assert_not_reached ();
    }

  for (guint i = 0; i < self->findings->len; i++)
    {
      KwFinding *finding = copy_finding (g_ptr_array_index (self->findings, i));

      g_ptr_array_add (copy->findings, finding);
      kw_board_adopt (copy, finding);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->snapshots)); i++)
    {
      g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (G_LIST_MODEL (self->snapshots), i);
      g_autoptr(KwSnapshot) snapshot_copy = _kw_snapshot_copy (snapshot);

      if (!kw_board_add_snapshot (copy, snapshot_copy, G_MAXUINT))
        g_assert_not_reached ();
    }

  return copy;
}

guint
kw_board_get_format_version (KwBoard *self)
{
  g_return_val_if_fail (KW_IS_BOARD (self), KW_FORMAT_VERSION);

  return self->format_version;
}

/* For the loader: the board is not "changed" by this, it only says where
 * it came from. */
void
kw_board_set_format_version (KwBoard *self,
                             guint    format_version)
{
  g_return_if_fail (KW_IS_BOARD (self));
  g_return_if_fail (format_version >= 1);

  if (self->format_version == format_version)
    return;

  self->format_version = format_version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT_VERSION]);
}

gboolean
kw_board_is_from_newer_format (KwBoard *self)
{
  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);

  return self->format_version > KW_FORMAT_VERSION;
}

const char *
kw_board_get_text (KwBoard     *self,
                   KwBoardText  which)
{
  g_return_val_if_fail (KW_IS_BOARD (self), NULL);
  g_return_val_if_fail ((guint) which < KW_N_BOARD_TEXTS, NULL);

  return self->texts[which];
}

void
kw_board_set_text (KwBoard     *self,
                   KwBoardText  which,
                   const char  *text)
{
  g_autofree char *cleaned = NULL;

  g_return_if_fail (KW_IS_BOARD (self));
  g_return_if_fail ((guint) which < KW_N_BOARD_TEXTS);

  cleaned = kw_text_clean (text, which != KW_BOARD_TEXT_NOTES);

  if (which == KW_BOARD_TEXT_WORKSHOP_DATE && cleaned[0] != '\0')
    g_return_if_fail (kw_date_is_valid_iso (cleaned));

  if (g_str_equal (cleaned, self->texts[which]))
    return;

  g_free (self->texts[which]);
  self->texts[which] = g_steal_pointer (&cleaned);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE + which]);
  kw_board_emit_changed (self);
}

#define TEXT_ACCESSORS(name, WHICH)                                        \
  const char *                                                             \
  kw_board_get_##name (KwBoard *self)                                      \
  {                                                                        \
    return kw_board_get_text (self, KW_BOARD_TEXT_##WHICH);                \
  }                                                                        \
  void                                                                     \
  kw_board_set_##name (KwBoard *self, const char *value)                   \
  {                                                                        \
    kw_board_set_text (self, KW_BOARD_TEXT_##WHICH, value);                \
  }

TEXT_ACCESSORS (title, TITLE)
TEXT_ACCESSORS (organisation, ORGANISATION)
TEXT_ACCESSORS (facilitator, FACILITATOR)
TEXT_ACCESSORS (workshop_date, WORKSHOP_DATE)
TEXT_ACCESSORS (notes, NOTES)

/* The one name a board without a title goes by, in the window, the close
 * question, the file name suggested for an export and every export's
 * heading; translated in the language in force for the calling thread
 * (an export in another language pushes its own). */
const char *
kw_board_display_title (const char *title)
{
  return title != NULL && *title != '\0' ? title : _("Untitled board");
}

const char *
kw_board_get_display_title (KwBoard *self)
{
  g_return_val_if_fail (KW_IS_BOARD (self), NULL);

  return kw_board_display_title (kw_board_get_title (self));
}

void
kw_board_get_thresholds (KwBoard      *self,
                         KwThresholds *thresholds)
{
  g_return_if_fail (KW_IS_BOARD (self));
  g_return_if_fail (thresholds != NULL);

  *thresholds = self->thresholds;
}

gboolean
kw_board_set_thresholds (KwBoard            *self,
                         const KwThresholds *thresholds)
{
  KwThresholds next;
  gboolean impact_changed, effort_changed, tiny_changed;

  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);
  g_return_val_if_fail (thresholds != NULL, FALSE);

  if (!kw_thresholds_are_valid (thresholds))
    return FALSE;

  next.impact = kw_score_normalize (thresholds->impact);
  next.effort = kw_score_normalize (thresholds->effort);
  next.tiny_effort = kw_score_normalize (thresholds->tiny_effort);

  /* Rounding may have closed the gap between the two effort lines. */
  if (!kw_thresholds_are_valid (&next))
    return FALSE;

  impact_changed = next.impact != self->thresholds.impact;
  effort_changed = next.effort != self->thresholds.effort;
  tiny_changed = next.tiny_effort != self->thresholds.tiny_effort;

  if (!impact_changed && !effort_changed && !tiny_changed)
    return TRUE;

  self->thresholds = next;

  g_object_freeze_notify (G_OBJECT (self));
  if (impact_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPACT_LINE]);
  if (effort_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFORT_LINE]);
  if (tiny_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TINY_EFFORT_LINE]);
  g_object_thaw_notify (G_OBJECT (self));

  kw_board_emit_changed (self);

  return TRUE;
}

guint
kw_board_get_review_interval (KwBoard *self)
{
  g_return_val_if_fail (KW_IS_BOARD (self), KW_REVIEW_INTERVAL_DEFAULT);

  return self->review_interval;
}

gboolean
kw_board_set_review_interval (KwBoard *self,
                              guint    months)
{
  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);

  if (months < KW_REVIEW_INTERVAL_MIN || months > KW_REVIEW_INTERVAL_MAX)
    return FALSE;
  if (self->review_interval == months)
    return TRUE;

  self->review_interval = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_INTERVAL]);
  kw_board_emit_changed (self);

  return TRUE;
}

guint
kw_board_get_n_findings (KwBoard *self)
{
  g_return_val_if_fail (KW_IS_BOARD (self), 0);

  return self->findings->len;
}

/* Returns a borrowed reference, unlike g_list_model_get_item(). */
KwFinding *
kw_board_get_finding (KwBoard *self,
                      guint    position)
{
  g_return_val_if_fail (KW_IS_BOARD (self), NULL);
  g_return_val_if_fail (position < self->findings->len, NULL);

  return g_ptr_array_index (self->findings, position);
}

KwFinding *
kw_board_lookup_finding (KwBoard    *self,
                         const char *id)
{
  g_return_val_if_fail (KW_IS_BOARD (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
kw_board_find_position (KwBoard   *self,
                        KwFinding *finding,
                        guint     *position)
{
  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);
  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);

  return g_ptr_array_find (self->findings, finding, position);
}

gboolean
kw_board_append_finding (KwBoard   *self,
                         KwFinding *finding)
{
  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);

  return kw_board_insert_finding (self, self->findings->len, finding);
}

gboolean
kw_board_insert_finding (KwBoard   *self,
                         guint      position,
                         KwFinding *finding)
{
  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);
  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);
  g_return_val_if_fail (position <= self->findings->len, FALSE);

  if (g_hash_table_contains (self->by_id, kw_finding_get_id (finding)))
    return FALSE;

  g_ptr_array_insert (self->findings, (int) position, g_object_ref (finding));
  kw_board_adopt (self, finding);

  findings_changed (self, position, 0, 1);

  return TRUE;
}

gboolean
kw_board_remove_finding (KwBoard   *self,
                         KwFinding *finding)
{
  g_autoptr(KwFinding) removed = NULL;
  guint position;

  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);
  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);

  if (!g_ptr_array_find (self->findings, finding, &position))
    return FALSE;

  removed = g_ptr_array_steal_index (self->findings, position);
  g_hash_table_remove (self->by_id, kw_finding_get_id (removed));
  g_signal_handlers_disconnect_by_func (removed, finding_notify_cb, self);

  findings_changed (self, position, 1, 0);

  return TRUE;
}

KwOutcome
kw_board_classify_finding (KwBoard   *self,
                           KwFinding *finding)
{
  g_return_val_if_fail (KW_IS_BOARD (self), KW_OUTCOME_UNPLACED);
  g_return_val_if_fail (KW_IS_FINDING (finding), KW_OUTCOME_UNPLACED);

  return kw_outcome_classify (kw_finding_get_placed (finding),
                              kw_finding_get_impact (finding),
                              kw_finding_get_effort (finding),
                              &self->thresholds);
}

void
kw_board_count_outcomes (KwBoard *self,
                         guint    counts[KW_N_OUTCOMES])
{
  g_return_if_fail (KW_IS_BOARD (self));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof (guint) * KW_N_OUTCOMES);

  for (guint i = 0; i < self->findings->len; i++)
    counts[kw_board_classify_finding (self, g_ptr_array_index (self->findings, i))]++;
}

/* Compares a/b with c/d without dividing, so an effort of zero simply
 * counts as the highest ratio. Scores are never negative. */
static int
compare_ratios (double a,
                double b,
                double c,
                double d)
{
  double left = a * d;
  double right = c * b;

  return (left > right) - (left < right);
}

static int
compare_descending (double a,
                    double b)
{
  return (a < b) - (a > b);
}

int
kw_outcome_compare_findings (KwOutcome  outcome,
                             KwFinding *a,
                             KwFinding *b)
{
  double impact_a = kw_finding_get_impact (a);
  double impact_b = kw_finding_get_impact (b);
  double effort_a = kw_finding_get_effort (a);
  double effort_b = kw_finding_get_effort (b);
  int result;

  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN:
      /* Highest ratio first; between equal ratios the bigger win. */
      result = -compare_ratios (impact_a, effort_a, impact_b, effort_b);
      return result != 0 ? result : compare_descending (impact_a, impact_b);

    case KW_OUTCOME_LONG_TERM:
      result = compare_descending (impact_a, impact_b);
      return result != 0 ? result : -compare_descending (effort_a, effort_b);

    case KW_OUTCOME_FUTURE:
      result = -compare_descending (effort_a, effort_b);
      return result != 0 ? result : compare_descending (impact_a, impact_b);

    case KW_OUTCOME_SMALL_FIX:
    case KW_OUTCOME_DROP:
    case KW_OUTCOME_UNPLACED:
    default:
      return 0;
    }
}

static int
compare_in_outcome (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return kw_outcome_compare_findings (GPOINTER_TO_UINT (user_data),
                                      *(KwFinding * const *) a,
                                      *(KwFinding * const *) b);
}

GPtrArray *
kw_board_collect_outcome (KwBoard   *self,
                          KwOutcome  outcome)
{
  GPtrArray *findings;

  g_return_val_if_fail (KW_IS_BOARD (self), NULL);
  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, NULL);

  findings = g_ptr_array_new ();
  for (guint i = 0; i < self->findings->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (self->findings, i);

      if (kw_board_classify_finding (self, finding) == outcome)
        g_ptr_array_add (findings, finding);
    }

  /* A stable sort: ties keep board order. */
  g_ptr_array_sort_with_data (findings, compare_in_outcome, GUINT_TO_POINTER (outcome));

  return findings;
}

/* The loader's fast path, see kw-board-private.h. */

void
_kw_board_take_text_loading (KwBoard     *self,
                             KwBoardText  which,
                             char        *text)
{
  g_free (self->texts[which]);
  self->texts[which] = text;
}

gboolean
_kw_board_take_finding_loading (KwBoard   *self,
                                KwFinding *finding)
{
  if (g_hash_table_contains (self->by_id, kw_finding_get_id (finding)))
    {
      g_object_unref (finding);
      return FALSE;
    }

  g_ptr_array_add (self->findings, finding);
  kw_board_adopt (self, finding);

  return TRUE;
}

/* --- Snapshots ------------------------------------------------------- */

GListModel *
kw_board_get_snapshots (KwBoard *self)
{
  g_return_val_if_fail (KW_IS_BOARD (self), NULL);

  return G_LIST_MODEL (self->snapshots);
}

static guint
kw_board_get_n_snapshots (KwBoard *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->snapshots));
}

/* By name and entries counted as they come and go: a board of 1,000
 * snapshots loads in linear time. */
KwSnapshot *
kw_board_lookup_snapshot (KwBoard    *self,
                          const char *name)
{
  g_return_val_if_fail (KW_IS_BOARD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->snapshots_by_name, name);
}

static gboolean
kw_board_has_snapshot (KwBoard    *self,
                       KwSnapshot *snapshot)
{
  return kw_board_lookup_snapshot (self, kw_snapshot_get_name (snapshot)) == snapshot;
}

gboolean
kw_board_has_room_for_snapshot (KwBoard *self,
                                guint    n_entries)
{
  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);

  return kw_board_get_n_snapshots (self) < KW_SNAPSHOT_MAX_PER_BOARD &&
         n_entries <= KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD - self->n_snapshot_entries;
}

gboolean
kw_board_add_snapshot (KwBoard    *self,
                       KwSnapshot *snapshot,
                       guint       position)
{
  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);
  g_return_val_if_fail (KW_IS_SNAPSHOT (snapshot), FALSE);

  if (kw_board_lookup_snapshot (self, kw_snapshot_get_name (snapshot)) != NULL ||
      !kw_board_has_room_for_snapshot (self, kw_snapshot_get_n_entries (snapshot)))
    return FALSE;

  position = MIN (position, kw_board_get_n_snapshots (self));
  g_hash_table_insert (self->snapshots_by_name, g_strdup (kw_snapshot_get_name (snapshot)), snapshot);
  self->n_snapshot_entries += kw_snapshot_get_n_entries (snapshot);
  g_list_store_insert (self->snapshots, position, snapshot);
  kw_board_emit_changed (self);

  return TRUE;
}

gboolean
kw_board_remove_snapshot (KwBoard    *self,
                          KwSnapshot *snapshot)
{
  guint position;

  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);
  g_return_val_if_fail (KW_IS_SNAPSHOT (snapshot), FALSE);

  if (!kw_board_has_snapshot (self, snapshot) || !g_list_store_find (self->snapshots, snapshot, &position))
    return FALSE;

  g_hash_table_remove (self->snapshots_by_name, kw_snapshot_get_name (snapshot));
  self->n_snapshot_entries -= kw_snapshot_get_n_entries (snapshot);
  g_list_store_remove (self->snapshots, position);
  kw_board_emit_changed (self);

  return TRUE;
}

gboolean
kw_board_rename_snapshot (KwBoard    *self,
                          KwSnapshot *snapshot,
                          const char *name,
                          const char *note)
{
  g_autofree char *clean_name = NULL;
  KwSnapshot *other;

  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);
  g_return_val_if_fail (KW_IS_SNAPSHOT (snapshot), FALSE);

  if (!kw_board_has_snapshot (self, snapshot) || !kw_snapshot_name_is_valid (name))
    return FALSE;

  clean_name = kw_text_clean (name, TRUE);
  other = kw_board_lookup_snapshot (self, clean_name);
  if (other != NULL && other != snapshot)
    return FALSE;

  g_hash_table_remove (self->snapshots_by_name, kw_snapshot_get_name (snapshot));
  g_hash_table_insert (self->snapshots_by_name, g_strdup (clean_name), snapshot);
  if (_kw_snapshot_rename (snapshot, clean_name, note))
    kw_board_emit_changed (self);

  return TRUE;
}

/* --- Participants ---------------------------------------------------- */

KwParticipantList *
kw_board_get_participants (KwBoard *self)
{
  g_return_val_if_fail (KW_IS_BOARD (self), NULL);

  return self->participants;
}

gboolean
kw_board_remove_participant (KwBoard       *self,
                             KwParticipant *participant)
{
  const char *id;

  g_return_val_if_fail (KW_IS_BOARD (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  if (!kw_participant_list_find_position (self->participants, participant, NULL))
    return FALSE;

  /* The estimates first: nothing may name a participant the board lacks. */
  id = kw_participant_get_id (participant);
  for (guint i = 0; i < self->findings->len; i++)
    kw_finding_set_estimate (g_ptr_array_index (self->findings, i), id, NULL);

  return kw_participant_list_remove (self->participants, participant);
}
