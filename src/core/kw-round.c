/* kw-round.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-round"

#include "config.h"

#include "kw-i18n.h"
#include "kw-round.h"

struct _KwRound
{
  GObject       parent_instance;

  KwBoard      *board;
  GPtrArray    *findings;     /* of KwFinding (owned), in the round's order */
  GHashTable   *index;        /* borrowed KwFinding -> its position + 1 */
  GHashTable   *submitted;    /* borrowed KwFinding -> GHashTable of participant id -> KwEstimate */
  guint         current;
  KwRoundState  state;
  gint64        deadline;
};

G_DEFINE_FINAL_TYPE (KwRound, kw_round, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (KwRoundState, kw_round_state,
  G_DEFINE_ENUM_VALUE (KW_ROUND_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (KW_ROUND_REVEALED, "revealed"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_CURRENT,
  PROP_DEADLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kw_round_finalize (GObject *object)
{
  KwRound *self = (KwRound *) object;

  g_clear_pointer (&self->submitted, g_hash_table_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (kw_round_parent_class)->finalize (object);
}

static void
kw_round_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KwRound *self = KW_ROUND (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_CURRENT:
      g_value_set_object (value, kw_round_get_current (self));
      break;
    case PROP_DEADLINE:
      g_value_set_int64 (value, self->deadline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_round_class_init (KwRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_round_finalize;
  object_class->get_property = kw_round_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KW_TYPE_ROUND_STATE, KW_ROUND_OPEN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, KW_TYPE_FINDING,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE] =
    g_param_spec_int64 ("deadline", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KwRound::submitted:
   * @finding: the finding
   * @participant_id: whose estimate was given, changed or taken back
   */
  signals[SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, KW_TYPE_FINDING, G_TYPE_STRING);
}

static void
kw_round_init (KwRound *self)
{
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->index = g_hash_table_new (NULL, NULL);
  self->submitted = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
}

static void
kw_round_take_finding (KwRound   *self,
                       KwFinding *finding)
{
  if (g_hash_table_contains (self->index, finding))
    return;

  g_ptr_array_add (self->findings, g_object_ref (finding));
  g_hash_table_insert (self->index, finding, GUINT_TO_POINTER (self->findings->len));
}

KwRound *
kw_round_new (KwBoard           *board,
              KwFinding * const *findings,
              guint              n)
{
  KwRound *self;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (findings != NULL || n == 0, NULL);

  self = g_object_new (KW_TYPE_ROUND, NULL);
  self->board = g_object_ref (board);
  if (n == 0)
    for (guint i = 0; i < kw_board_get_n_findings (board); i++)
      kw_round_take_finding (self, kw_board_get_finding (board, i));
  else
    for (guint i = 0; i < n; i++)
      kw_round_take_finding (self, findings[i]);

  return self;
}

KwBoard *
kw_round_get_board (KwRound *self)
{
  g_return_val_if_fail (KW_IS_ROUND (self), NULL);

  return self->board;
}

guint
kw_round_get_n_findings (KwRound *self)
{
  g_return_val_if_fail (KW_IS_ROUND (self), 0);

  return self->findings->len;
}

KwFinding *
kw_round_get_finding (KwRound *self,
                      guint    i)
{
  g_return_val_if_fail (KW_IS_ROUND (self), NULL);

  return i < self->findings->len ? g_ptr_array_index (self->findings, i) : NULL;
}

gboolean
kw_round_covers (KwRound   *self,
                 KwFinding *finding)
{
  g_return_val_if_fail (KW_IS_ROUND (self), FALSE);

  return finding != NULL && g_hash_table_contains (self->index, finding);
}

KwRoundState
kw_round_get_state (KwRound *self)
{
  g_return_val_if_fail (KW_IS_ROUND (self), KW_ROUND_OPEN);

  return self->state;
}

KwFinding *
kw_round_get_current (KwRound *self)
{
  g_return_val_if_fail (KW_IS_ROUND (self), NULL);

  return kw_round_get_finding (self, self->current);
}

static void
kw_round_move_current (KwRound *self,
                       guint    current)
{
  if (current == self->current)
    return;

  self->current = current;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

gboolean
kw_round_set_current (KwRound   *self,
                      KwFinding *finding)
{
  guint position;

  g_return_val_if_fail (KW_IS_ROUND (self), FALSE);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, finding));
  if (position == 0)
    return FALSE;

  kw_round_move_current (self, position - 1);

  return TRUE;
}

gboolean
kw_round_step_current (KwRound *self,
                       int      delta)
{
  gint64 next;

  g_return_val_if_fail (KW_IS_ROUND (self), FALSE);

  next = (gint64) self->current + delta;
  if (next < 0 || next >= (gint64) self->findings->len)
    return FALSE;

  kw_round_move_current (self, (guint) next);

  return TRUE;
}

static GHashTable *
submitted_for (KwRound   *self,
               KwFinding *finding,
               gboolean   create)
{
  GHashTable *estimates = g_hash_table_lookup (self->submitted, finding);

  if (estimates == NULL && create)
    {
      estimates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->submitted, finding, estimates);
    }

  return estimates;
}

static gboolean
kw_round_store (KwRound          *self,
                KwFinding        *finding,
                const char       *participant_id,
                const KwEstimate *estimate)
{
  GHashTable *estimates = submitted_for (self, finding, estimate != NULL);
  KwEstimate *given = estimates != NULL ? g_hash_table_lookup (estimates, participant_id) : NULL;

  if (estimate == NULL)
    return given != NULL && g_hash_table_remove (estimates, participant_id);

  if (given != NULL && kw_estimate_equal (given, estimate))
    return FALSE;

  g_hash_table_insert (estimates, g_strdup (participant_id), g_memdup2 (estimate, sizeof *estimate));

  return TRUE;
}

gboolean
kw_round_submit (KwRound          *self,
                 KwFinding        *finding,
                 const char       *participant_id,
                 const KwEstimate *estimate)
{
  g_return_val_if_fail (KW_IS_ROUND (self), FALSE);
  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  if (self->state != KW_ROUND_OPEN || !kw_round_covers (self, finding) ||
      kw_participant_list_lookup (kw_board_get_participants (self->board), participant_id) == NULL)
    return FALSE;

  if (kw_round_store (self, finding, participant_id, estimate))
    g_signal_emit (self, signals[SUBMITTED], 0, finding, participant_id);

  return TRUE;
}

gboolean
kw_round_has_submitted (KwRound    *self,
                        KwFinding  *finding,
                        const char *participant_id)
{
  GHashTable *estimates;

  g_return_val_if_fail (KW_IS_ROUND (self), FALSE);
  g_return_val_if_fail (participant_id != NULL, FALSE);

  estimates = submitted_for (self, finding, FALSE);

  return estimates != NULL && g_hash_table_contains (estimates, participant_id);
}

guint
kw_round_count_submitted (KwRound   *self,
                          KwFinding *finding)
{
  KwParticipantList *participants;
  guint count = 0;

  g_return_val_if_fail (KW_IS_ROUND (self), 0);

  /* Only the board's participants count: one removed mid-round does not. */
  participants = kw_board_get_participants (self->board);
  for (guint i = 0; i < kw_participant_list_get_n_items (participants); i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (participants, i);

      if (kw_round_has_submitted (self, finding, kw_participant_get_id (participant)))
        count++;
    }

  return count;
}

gboolean
kw_round_is_complete (KwRound   *self,
                      KwFinding *finding)
{
  guint n_participants;

  g_return_val_if_fail (KW_IS_ROUND (self), FALSE);

  n_participants = kw_participant_list_get_n_items (kw_board_get_participants (self->board));

  return n_participants > 0 && kw_round_count_submitted (self, finding) == n_participants;
}

static gboolean
kw_round_still_on_board (KwRound   *self,
                         KwFinding *finding)
{
  return kw_board_lookup_finding (self->board, kw_finding_get_id (finding)) == finding;
}

guint
kw_round_reveal (KwRound   *self,
                 KwHistory *history)
{
  KwParticipantList *participants;
  guint revealed = 0;

  g_return_val_if_fail (KW_IS_ROUND (self), 0);
  g_return_val_if_fail (KW_IS_HISTORY (history), 0);
  g_return_val_if_fail (kw_history_get_board (history) == self->board, 0);

  if (self->state != KW_ROUND_OPEN)
    return 0;

  /* In the round's order and the board's participant order: the same
   * round reveals the same way every time. */
  participants = kw_board_get_participants (self->board);
  /* Revealed before the estimates land: whoever redraws on each of them
   * (the grid, the matrix) shows them, not "given". Told once they are
   * all on the board. */
  self->state = KW_ROUND_REVEALED;
  kw_history_begin_group (history, _("Reveal Estimates"));
  for (guint i = 0; i < self->findings->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (self->findings, i);
      GHashTable *estimates = submitted_for (self, finding, FALSE);
      g_autoptr(GArray) entries = NULL;

      if (estimates == NULL || !kw_round_still_on_board (self, finding))
        continue;

      /* A finding's estimates land together: one "estimates-changed" for
       * each finding, not one for each participant. */
      entries = g_array_sized_new (FALSE, FALSE, sizeof (KwEstimateEntry), g_hash_table_size (estimates));
      for (guint p = 0; p < kw_participant_list_get_n_items (participants); p++)
        {
          const char *id = kw_participant_get_id (kw_participant_list_get_participant (participants, p));
          KwEstimate *estimate = g_hash_table_lookup (estimates, id);

          if (estimate != NULL)
            g_array_append_val (entries, ((KwEstimateEntry) { id, TRUE, *estimate }));
        }
      kw_history_set_estimates (history, finding, (KwEstimateEntry *) entries->data, entries->len);
      revealed += entries->len;
    }
  kw_history_end_group (history);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);

  return revealed;
}

gint64
kw_round_get_deadline (KwRound *self)
{
  g_return_val_if_fail (KW_IS_ROUND (self), 0);

  return self->deadline;
}

void
kw_round_set_deadline (KwRound *self,
                       gint64   deadline)
{
  g_return_if_fail (KW_IS_ROUND (self));
  g_return_if_fail (deadline >= 0);

  if (deadline == self->deadline)
    return;

  self->deadline = deadline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

guint
kw_round_get_seconds_left (KwRound *self,
                           gint64   now)
{
  gint64 left;

  g_return_val_if_fail (KW_IS_ROUND (self), 0);

  if (self->deadline == 0 || now >= self->deadline)
    return 0;

  left = self->deadline - now;

  return (guint) MIN ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, G_MAXUINT);
}

char *
kw_round_format_time_left (KwRound *self,
                           gint64   now)
{
  guint left;

  g_return_val_if_fail (KW_IS_ROUND (self), NULL);

  if (self->deadline == 0)
    return NULL;

  left = kw_round_get_seconds_left (self, now);
  if (left == 0)
    return g_strdup (_("Time is up"));

  /* Translators: minutes and seconds left in a round's countdown, "4:05". */
  return g_strdup_printf (_("%u:%02u"), left / 60, left % 60);
}
