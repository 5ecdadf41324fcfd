/* kw-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-history"

#include "config.h"

#include "kw-i18n.h"

#include "kw-follow-up.h"
#include "kw-history-private.h"

/* Typing in an entry sends one text change per key: changes to the same
 * field of the same finding within this many microseconds are one step. */
#define MERGE_WINDOW_USEC (2 * G_USEC_PER_SEC)

typedef enum {
  CHANGE_POSITION,
  CHANGE_TEXT,
  CHANGE_STATUS,
  CHANGE_TAGS,
  CHANGE_BOARD_TEXT,
  CHANGE_THRESHOLDS,
  CHANGE_REVIEW_INTERVAL,
  CHANGE_ADD,
  CHANGE_REMOVE,
  CHANGE_ADD_SNAPSHOT,
  CHANGE_REMOVE_SNAPSHOT,
  CHANGE_RENAME_SNAPSHOT,
  CHANGE_CUSTOM,
} ChangeKind;

typedef struct {
  gboolean placed;
  double   impact;
  double   effort;
} Position;

/* One change, with the state before ([0]) and after ([1]) it. */
typedef struct {
  ChangeKind    kind;
  KwFinding    *finding;
  KwSnapshot   *snapshot;
  guint         which;     /* KwFindingText or KwBoardText */
  guint         position;  /* of an added or removed finding or snapshot */
  Position      at[2];
  char         *text[2];   /* a text, or a snapshot's name */
  char         *note[2];   /* a snapshot's note */
  KwStatus      status[2];
  GStrv         tags[2];
  KwThresholds  thresholds[2];
  guint         months[2];  /* the review interval */
  KwHistoryApplyFunc apply; /* CHANGE_CUSTOM: the change's own undo and redo */
  gpointer      data;
  GDestroyNotify destroy;
} Change;

typedef struct {
  char      *label;
  GPtrArray *changes;      /* of Change, in the order they were made */
  gint64     last_change;  /* monotonic time, for merging typed text */
  gboolean   mergeable;
} Step;

struct _KwHistory
{
  GObject    parent_instance;

  KwBoard   *board;
  GPtrArray *undo_stack;   /* of Step, oldest first */
  GPtrArray *redo_stack;   /* of Step, most recently undone last */
  Step      *open_group;
  guint      group_depth;

  gboolean   can_undo;
  gboolean   can_redo;

  char      *today;        /* pinned "YYYY-MM-DD", or NULL for the clock */
};

G_DEFINE_FINAL_TYPE (KwHistory, kw_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REVIEW_DATE_GIVEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
change_free (Change *change)
{
  g_clear_object (&change->finding);
  g_clear_object (&change->snapshot);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&change->text[i], g_free);
      g_clear_pointer (&change->note[i], g_free);
      g_clear_pointer (&change->tags[i], g_strfreev);
    }
  if (change->destroy != NULL)
    change->destroy (change->data);
  g_free (change);
}

static Change *
change_new (ChangeKind  kind,
            KwFinding  *finding)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->finding = finding != NULL ? g_object_ref (finding) : NULL;

  return change;
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);

  return step;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

static Position
position_of (KwFinding *finding)
{
  return (Position) {
    kw_finding_get_placed (finding),
    kw_finding_get_impact (finding),
    kw_finding_get_effort (finding),
  };
}

static void
apply_position (KwFinding      *finding,
                const Position *position)
{
  /* Unplacing keeps the last scores, so restore them first. */
  kw_finding_place (finding, position->impact, position->effort);
  if (!position->placed)
    kw_finding_unplace (finding);
}

/* Sets the model to the state before (forward FALSE) or after the change. */
static void
change_apply (Change   *change,
              KwBoard  *board,
              gboolean  forward)
{
  guint side = forward ? 1 : 0;

  switch (change->kind)
    {
    case CHANGE_POSITION:
      apply_position (change->finding, &change->at[side]);
      break;
    case CHANGE_TEXT:
      kw_finding_set_text (change->finding, change->which, change->text[side]);
      break;
    case CHANGE_STATUS:
      kw_finding_set_status (change->finding, change->status[side]);
      break;
    case CHANGE_TAGS:
      kw_finding_set_tags (change->finding, (const char * const *) change->tags[side]);
      break;
    case CHANGE_BOARD_TEXT:
      kw_board_set_text (board, change->which, change->text[side]);
      break;
    case CHANGE_THRESHOLDS:
      kw_board_set_thresholds (board, &change->thresholds[side]);
      break;
    case CHANGE_REVIEW_INTERVAL:
      kw_board_set_review_interval (board, change->months[side]);
      break;
    case CHANGE_ADD:
    case CHANGE_REMOVE:
      if (forward == (change->kind == CHANGE_ADD))
        kw_board_insert_finding (board, MIN (change->position, kw_board_get_n_findings (board)),
                                 change->finding);
      else
        kw_board_remove_finding (board, change->finding);
      break;
    case CHANGE_ADD_SNAPSHOT:
    case CHANGE_REMOVE_SNAPSHOT:
      if (forward == (change->kind == CHANGE_ADD_SNAPSHOT))
        kw_board_add_snapshot (board, change->snapshot, change->position);
      else
        kw_board_remove_snapshot (board, change->snapshot);
      break;
    case CHANGE_RENAME_SNAPSHOT:
      kw_board_rename_snapshot (board, change->snapshot, change->text[side], change->note[side]);
      break;
    case CHANGE_CUSTOM:
      change->apply (change->data, board, forward);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const char *
top_label (GPtrArray *stack)
{
  if (stack->len == 0)
    return NULL;

  return ((Step *) g_ptr_array_index (stack, stack->len - 1))->label;
}

static void
update_state (KwHistory  *self,
              const char *old_undo_label,
              const char *old_redo_label)
{
  gboolean can_undo = self->undo_stack->len > 0;
  gboolean can_redo = self->redo_stack->len > 0;

  g_object_freeze_notify (G_OBJECT (self));

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (g_strcmp0 (old_undo_label, top_label (self->undo_stack)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (old_redo_label, top_label (self->redo_stack)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);

  g_object_thaw_notify (G_OBJECT (self));
}

/* Labels may be freed by the change that follows, so keep copies. */
#define REMEMBER_LABELS(self)                                           \
  g_autofree char *old_undo = g_strdup (top_label ((self)->undo_stack)); \
  g_autofree char *old_redo = g_strdup (top_label ((self)->redo_stack))

static gboolean
try_merge_text (KwHistory *self,
                Change    *change)
{
  Step *last;
  Change *previous;
  gint64 now = g_get_monotonic_time ();

  if (self->open_group != NULL || self->undo_stack->len == 0 || self->redo_stack->len > 0)
    return FALSE;

  last = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  if (!last->mergeable || last->changes->len != 1 || now - last->last_change > MERGE_WINDOW_USEC)
    return FALSE;

  previous = g_ptr_array_index (last->changes, 0);
  if (previous->kind != change->kind || previous->finding != change->finding ||
      previous->which != change->which)
    return FALSE;

  g_free (previous->text[1]);
  previous->text[1] = g_steal_pointer (&change->text[1]);
  last->last_change = now;
  change_free (change);

  return TRUE;
}

/* Takes the change, which has already been applied to the model. */
static void
push_change (KwHistory  *self,
             Change     *change,
             const char *label)
{
  REMEMBER_LABELS (self);
  gboolean is_text = change->kind == CHANGE_TEXT || change->kind == CHANGE_BOARD_TEXT;

  g_ptr_array_set_size (self->redo_stack, 0);

  if (self->open_group != NULL)
    {
      g_ptr_array_add (self->open_group->changes, change);
    }
  else if (!is_text || !try_merge_text (self, change))
    {
      Step *step = step_new (label);

      step->mergeable = is_text;
      step->last_change = g_get_monotonic_time ();
      g_ptr_array_add (step->changes, change);
      g_ptr_array_add (self->undo_stack, step);
    }

  update_state (self, old_undo, old_redo);
}

static void
kw_history_dispose (GObject *object)
{
  KwHistory *self = (KwHistory *) object;

  g_clear_pointer (&self->open_group, step_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_object (&self->board);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (kw_history_parent_class)->dispose (object);
}

static void
kw_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KwHistory *self = KW_HISTORY (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, kw_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, kw_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KwHistory *self = KW_HISTORY (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      self->board = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_history_class_init (KwHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_history_dispose;
  object_class->get_property = kw_history_get_property;
  object_class->set_property = kw_history_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, KW_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* KwHistory::review-date-given: a change just gave finding its next
   * review date (see kw_history_set_today()), so the window can say so
   * once; undo and redo do not emit it. */
  signals[REVIEW_DATE_GIVEN] =
    g_signal_new ("review-date-given", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_FINDING);
}

static void
kw_history_init (KwHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

KwHistory *
kw_history_new (KwBoard *board)
{
  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  return g_object_new (KW_TYPE_HISTORY, "board", board, NULL);
}

KwBoard *
kw_history_get_board (KwHistory *self)
{
  g_return_val_if_fail (KW_IS_HISTORY (self), NULL);

  return self->board;
}

gboolean
kw_history_get_can_undo (KwHistory *self)
{
  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

gboolean
kw_history_get_can_redo (KwHistory *self)
{
  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

const char *
kw_history_get_undo_label (KwHistory *self)
{
  g_return_val_if_fail (KW_IS_HISTORY (self), NULL);

  return top_label (self->undo_stack);
}

const char *
kw_history_get_redo_label (KwHistory *self)
{
  g_return_val_if_fail (KW_IS_HISTORY (self), NULL);

  return top_label (self->redo_stack);
}

/* Moves the top step of one stack to the other, applying it on the way. */
static gboolean
transfer_step (KwHistory *self,
               GPtrArray *from,
               GPtrArray *to,
               gboolean   forward)
{
  REMEMBER_LABELS (self);
  Step *step;

  g_return_val_if_fail (self->open_group == NULL, FALSE);

  if (from->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  step->mergeable = FALSE;

  if (forward)
    for (guint i = 0; i < step->changes->len; i++)
      change_apply (g_ptr_array_index (step->changes, i), self->board, TRUE);
  else
    for (guint i = step->changes->len; i > 0; i--)
      change_apply (g_ptr_array_index (step->changes, i - 1), self->board, FALSE);

  g_ptr_array_add (to, step);
  update_state (self, old_undo, old_redo);

  return TRUE;
}

gboolean
kw_history_undo (KwHistory *self)
{
  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);

  return transfer_step (self, self->undo_stack, self->redo_stack, FALSE);
}

gboolean
kw_history_redo (KwHistory *self)
{
  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);

  return transfer_step (self, self->redo_stack, self->undo_stack, TRUE);
}

void
kw_history_clear (KwHistory *self)
{
  g_return_if_fail (KW_IS_HISTORY (self));

  {
    REMEMBER_LABELS (self);

    g_ptr_array_set_size (self->undo_stack, 0);
    g_ptr_array_set_size (self->redo_stack, 0);
    update_state (self, old_undo, old_redo);
  }
}

void
kw_history_begin_group (KwHistory  *self,
                        const char *label)
{
  g_return_if_fail (KW_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->open_group = step_new (label);
}

void
kw_history_end_group (KwHistory *self)
{
  Step *step;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->open_group);
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }

  {
    REMEMBER_LABELS (self);

    g_ptr_array_add (self->undo_stack, step);
    update_state (self, old_undo, old_redo);
  }
}

void
kw_history_set_today (KwHistory  *self,
                      const char *today_iso)
{
  g_return_if_fail (KW_IS_HISTORY (self));

  g_free (self->today);
  self->today = g_strdup (today_iso);
}

/* Adds a change already applied to the step that the change just pushed
 * went into: the open group, or the last step. */
static void
join_last_step (KwHistory *self,
                Change    *change)
{
  Step *step = self->open_group;

  if (step == NULL)
    {
      g_return_if_fail (self->undo_stack->len > 0);
      step = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
    }

  /* Typing that follows must not merge into a step of two changes. */
  step->mergeable = FALSE;
  g_ptr_array_add (step->changes, change);
}

/* Marks a finding that is "not on the board" before an add. */
#define NOWHERE ((KwOutcome) KW_N_OUTCOMES)

/* The review cycle (kw-follow-up.h): a finding that lands on the future
 * list or the small fixes without a review date gets the next review date,
 * in the same step as the change that put it there, so every way of placing
 * (drag, keys, typed scores, import, a moved line) gives it and one undo
 * takes both back. A finding that leaves those lists keeps its date: it is
 * only ever due on a reviewed list (kw_follow_up_is_due_for_review()), and
 * if it comes back, the date the room agreed on is still the one that holds. */
static void
give_review_date (KwHistory *self,
                  KwFinding *finding,
                  KwOutcome  before)
{
  KwOutcome after = kw_board_classify_finding (self->board, finding);
  g_autofree char *today = NULL;
  g_autofree char *date = NULL;
  Change *change;

  if (after == before || !kw_follow_up_wants_review_date (self->board, finding))
    return;

  today = self->today != NULL ? g_strdup (self->today) : kw_follow_up_today_iso (NULL);
  date = kw_follow_up_next_review_date (self->board, today);
  if (date == NULL)
    return;

  change = change_new (CHANGE_TEXT, finding);
  change->which = KW_FINDING_TEXT_REVIEW_DATE;
  change->text[0] = g_strdup ("");
  change->text[1] = g_steal_pointer (&date);
  kw_finding_set_text (finding, KW_FINDING_TEXT_REVIEW_DATE, change->text[1]);
  join_last_step (self, change);
  g_signal_emit (self, signals[REVIEW_DATE_GIVEN], 0, finding);
}

void
kw_history_record_place (KwHistory *self,
                         KwFinding *finding,
                         gboolean   was_placed,
                         double     old_impact,
                         double     old_effort)
{
  Change *change;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (KW_IS_FINDING (finding));

  change = change_new (CHANGE_POSITION, finding);
  change->at[0] = (Position) { was_placed, old_impact, old_effort };
  change->at[1] = position_of (finding);

  if (change->at[0].placed == change->at[1].placed &&
      (!change->at[0].placed ||
       (change->at[0].impact == change->at[1].impact && change->at[0].effort == change->at[1].effort)))
    {
      change_free (change);
      return;
    }

  {
    KwThresholds thresholds;
    KwOutcome before;

    kw_board_get_thresholds (self->board, &thresholds);
    before = kw_outcome_classify (change->at[0].placed, change->at[0].impact, change->at[0].effort, &thresholds);
    push_change (self, change, change->at[1].placed ? _("Move Finding") : _("Take Finding off the Matrix"));
    give_review_date (self, finding, before);
  }
}

void
kw_history_place (KwHistory *self,
                  KwFinding *finding,
                  double     impact,
                  double     effort)
{
  Position before;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (KW_IS_FINDING (finding));

  before = position_of (finding);
  kw_finding_place (finding, impact, effort);
  kw_history_record_place (self, finding, before.placed, before.impact, before.effort);
}

void
kw_history_unplace (KwHistory *self,
                    KwFinding *finding)
{
  Position before;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (KW_IS_FINDING (finding));

  before = position_of (finding);
  kw_finding_unplace (finding);
  kw_history_record_place (self, finding, before.placed, before.impact, before.effort);
}

void
kw_history_set_text (KwHistory     *self,
                     KwFinding     *finding,
                     KwFindingText  which,
                     const char    *text)
{
  g_autofree char *before = NULL;
  Change *change;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (KW_IS_FINDING (finding));

  before = g_strdup (kw_finding_get_text (finding, which));
  kw_finding_set_text (finding, which, text);
  if (g_str_equal (before, kw_finding_get_text (finding, which)))
    return;

  change = change_new (CHANGE_TEXT, finding);
  change->which = which;
  change->text[0] = g_steal_pointer (&before);
  change->text[1] = g_strdup (kw_finding_get_text (finding, which));
  push_change (self, change, _("Edit Finding"));
}

void
kw_history_set_status (KwHistory *self,
                       KwFinding *finding,
                       KwStatus   status)
{
  Change *change;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (KW_IS_FINDING (finding));

  if (kw_finding_get_status (finding) == status)
    return;

  change = change_new (CHANGE_STATUS, finding);
  change->status[0] = kw_finding_get_status (finding);
  change->status[1] = status;
  kw_finding_set_status (finding, status);
  push_change (self, change, _("Change Status"));
}

void
kw_history_set_tags (KwHistory          *self,
                     KwFinding          *finding,
                     const char * const *tags)
{
  g_auto(GStrv) before = NULL;
  Change *change;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (KW_IS_FINDING (finding));

  before = g_strdupv ((GStrv) kw_finding_get_tags (finding));
  kw_finding_set_tags (finding, tags);
  if (g_strv_equal ((const char * const *) before, kw_finding_get_tags (finding)))
    return;

  change = change_new (CHANGE_TAGS, finding);
  change->tags[0] = g_steal_pointer (&before);
  change->tags[1] = g_strdupv ((GStrv) kw_finding_get_tags (finding));
  push_change (self, change, _("Change Tags"));
}

void
kw_history_set_board_text (KwHistory   *self,
                           KwBoardText  which,
                           const char  *text)
{
  g_autofree char *before = NULL;
  Change *change;

  g_return_if_fail (KW_IS_HISTORY (self));

  before = g_strdup (kw_board_get_text (self->board, which));
  kw_board_set_text (self->board, which, text);
  if (g_str_equal (before, kw_board_get_text (self->board, which)))
    return;

  change = change_new (CHANGE_BOARD_TEXT, NULL);
  change->which = which;
  change->text[0] = g_steal_pointer (&before);
  change->text[1] = g_strdup (kw_board_get_text (self->board, which));
  push_change (self, change, _("Edit Board Details"));
}

static gboolean
thresholds_equal (const KwThresholds *a,
                  const KwThresholds *b)
{
  return a->impact == b->impact && a->effort == b->effort && a->tiny_effort == b->tiny_effort;
}

void
kw_history_record_thresholds (KwHistory          *self,
                              const KwThresholds *old_thresholds)
{
  Change *change;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (old_thresholds != NULL);

  change = change_new (CHANGE_THRESHOLDS, NULL);
  change->thresholds[0] = *old_thresholds;
  kw_board_get_thresholds (self->board, &change->thresholds[1]);

  if (thresholds_equal (&change->thresholds[0], &change->thresholds[1]))
    {
      change_free (change);
      return;
    }

  push_change (self, change, _("Move Threshold"));

  for (guint i = 0; i < kw_board_get_n_findings (self->board); i++)
    {
      KwFinding *finding = kw_board_get_finding (self->board, i);
      KwOutcome before = kw_outcome_classify (kw_finding_get_placed (finding),
                                              kw_finding_get_impact (finding),
                                              kw_finding_get_effort (finding),
                                              old_thresholds);

      give_review_date (self, finding, before);
    }
}

void
kw_history_set_review_interval (KwHistory *self,
                                guint      months)
{
  Change *change;
  guint before;

  g_return_if_fail (KW_IS_HISTORY (self));

  before = kw_board_get_review_interval (self->board);
  if (before == months || !kw_board_set_review_interval (self->board, months))
    return;

  change = change_new (CHANGE_REVIEW_INTERVAL, NULL);
  change->months[0] = before;
  change->months[1] = months;
  push_change (self, change, _("Change Review Interval"));
}

gboolean
kw_history_set_thresholds (KwHistory          *self,
                           const KwThresholds *thresholds)
{
  KwThresholds before;

  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);

  kw_board_get_thresholds (self->board, &before);
  if (!kw_board_set_thresholds (self->board, thresholds))
    return FALSE;

  kw_history_record_thresholds (self, &before);

  return TRUE;
}

void
kw_history_add (KwHistory *self,
                KwFinding *finding,
                guint      position)
{
  Change *change;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (KW_IS_FINDING (finding));

  position = MIN (position, kw_board_get_n_findings (self->board));
  if (!kw_board_insert_finding (self->board, position, finding))
    return;

  change = change_new (CHANGE_ADD, finding);
  change->position = position;
  push_change (self, change, _("Add Finding"));
  give_review_date (self, finding, NOWHERE);
}

void
kw_history_remove (KwHistory *self,
                   KwFinding *finding)
{
  Change *change;
  guint position;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (KW_IS_FINDING (finding));

  if (!kw_board_find_position (self->board, finding, &position))
    return;

  change = change_new (CHANGE_REMOVE, finding);
  change->position = position;
  kw_board_remove_finding (self->board, finding);
  push_change (self, change, _("Delete Finding"));
}

static Change *
snapshot_change_new (ChangeKind  kind,
                     KwSnapshot *snapshot)
{
  Change *change = change_new (kind, NULL);

  change->snapshot = g_object_ref (snapshot);

  return change;
}

gboolean
kw_history_add_snapshot (KwHistory  *self,
                         KwSnapshot *snapshot,
                         guint       position)
{
  GListModel *snapshots;
  Change *change;

  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (KW_IS_SNAPSHOT (snapshot), FALSE);

  snapshots = kw_board_get_snapshots (self->board);
  position = MIN (position, g_list_model_get_n_items (snapshots));
  if (!kw_board_add_snapshot (self->board, snapshot, position))
    return FALSE;

  change = snapshot_change_new (CHANGE_ADD_SNAPSHOT, snapshot);
  change->position = position;
  push_change (self, change, _("Take Snapshot"));

  return TRUE;
}

gboolean
kw_history_remove_snapshot (KwHistory  *self,
                            KwSnapshot *snapshot)
{
  Change *change;
  guint position;

  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (KW_IS_SNAPSHOT (snapshot), FALSE);

  if (!g_list_store_find (G_LIST_STORE (kw_board_get_snapshots (self->board)), snapshot, &position))
    return FALSE;

  change = snapshot_change_new (CHANGE_REMOVE_SNAPSHOT, snapshot);
  change->position = position;
  kw_board_remove_snapshot (self->board, snapshot);
  push_change (self, change, _("Delete Snapshot"));

  return TRUE;
}

gboolean
kw_history_rename_snapshot (KwHistory  *self,
                            KwSnapshot *snapshot,
                            const char *name,
                            const char *note)
{
  g_autofree char *old_name = NULL;
  g_autofree char *old_note = NULL;
  Change *change;

  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (KW_IS_SNAPSHOT (snapshot), FALSE);

  old_name = g_strdup (kw_snapshot_get_name (snapshot));
  old_note = g_strdup (kw_snapshot_get_note (snapshot));
  if (!kw_board_rename_snapshot (self->board, snapshot, name, note))
    return FALSE;
  if (g_str_equal (old_name, kw_snapshot_get_name (snapshot)) &&
      g_str_equal (old_note, kw_snapshot_get_note (snapshot)))
    return TRUE;

  change = snapshot_change_new (CHANGE_RENAME_SNAPSHOT, snapshot);
  change->text[0] = g_steal_pointer (&old_name);
  change->note[0] = g_steal_pointer (&old_note);
  change->text[1] = g_strdup (kw_snapshot_get_name (snapshot));
  change->note[1] = g_strdup (kw_snapshot_get_note (snapshot));
  push_change (self, change, _("Rename Snapshot"));

  return TRUE;
}

void
_kw_history_push_custom (KwHistory          *self,
                         const char         *label,
                         KwHistoryApplyFunc  apply,
                         gpointer            data,
                         GDestroyNotify      destroy)
{
  Change *change;

  g_return_if_fail (KW_IS_HISTORY (self));
  g_return_if_fail (apply != NULL);

  change = change_new (CHANGE_CUSTOM, NULL);
  change->apply = apply;
  change->data = data;
  change->destroy = destroy;
  push_change (self, change, label);
}
