/* kw-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-review"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kw-i18n.h"

#include "kw-follow-up.h"
#include "kw-plan-text.h"
#include "kw-review.h"
#include "kw-text.h"

G_DEFINE_QUARK (kw-review-error-quark, kw_review_error)

/* One decision made in this review, undone in the reverse order. */
typedef struct
{
  guint             index;    /* the finding's place in the queue */
  KwReviewDecision  decision;
  KwOutcome         after;    /* the outcome it went to */
  char             *label;    /* the history step's label */
} Decision;

struct _KwReview
{
  GObject    parent_instance;

  KwHistory *history;
  char      *today;
  GPtrArray *findings;   /* due for review at the start, in the plan's order */
  GArray    *decisions;  /* of Decision, oldest first */
  guint      position;
  char      *last_message;
};

G_DEFINE_FINAL_TYPE (KwReview, kw_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
decision_clear (gpointer data)
{
  Decision *decision = data;

  g_clear_pointer (&decision->label, g_free);
}

static void
kw_review_finalize (GObject *object)
{
  KwReview *self = KW_REVIEW (object);

  g_clear_object (&self->history);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_array_unref);
  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (kw_review_parent_class)->finalize (object);
}

static void
kw_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KwReview *self = KW_REVIEW (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_review_class_init (KwReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_review_finalize;
  object_class->get_property = kw_review_get_property;

  /**
   * KwReview:position:
   *
   * The index of the current finding; the number of findings once the
   * review is over.
   */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_review_init (KwReview *self)
{
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->decisions = g_array_new (FALSE, TRUE, sizeof (Decision));
  g_array_set_clear_func (self->decisions, decision_clear);
}

/* The plan's own list of what is due, so the review goes through the
 * findings in the order the action plan lists them. */
static void
collect_due_findings (KwReview *self)
{
  KwBoard *board = kw_history_get_board (self->history);
  g_autoptr(GDateTime) noon = NULL;
  KwPlan *plan;
  guint year, month, day;

  if (sscanf (self->today, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return;
  noon = g_date_time_new_local ((int) year, (int) month, (int) day, 12, 0, 0);
  if (noon == NULL)
    return;

  plan = kw_plan_new (board);
  kw_plan_set_today (plan, noon);
  for (guint i = 0; i < plan->due_for_review->len; i++)
    g_ptr_array_add (self->findings, g_object_ref (g_ptr_array_index (plan->due_for_review, i)));
  kw_plan_free (plan);
}

KwReview *
kw_review_new (KwHistory  *history,
               const char *today_iso)
{
  KwReview *self;

  g_return_val_if_fail (KW_IS_HISTORY (history), NULL);
  g_return_val_if_fail (today_iso != NULL && kw_date_is_valid_iso (today_iso), NULL);

  self = g_object_new (KW_TYPE_REVIEW, NULL);
  self->history = g_object_ref (history);
  self->today = g_strdup (today_iso);
  collect_due_findings (self);

  return self;
}

KwHistory *
kw_review_get_history (KwReview *self)
{
  g_return_val_if_fail (KW_IS_REVIEW (self), NULL);

  return self->history;
}

const char *
kw_review_get_today (KwReview *self)
{
  g_return_val_if_fail (KW_IS_REVIEW (self), NULL);

  return self->today;
}

guint
kw_review_get_n_findings (KwReview *self)
{
  g_return_val_if_fail (KW_IS_REVIEW (self), 0);

  return self->findings->len;
}

KwFinding *
kw_review_get_finding (KwReview *self,
                       guint     index)
{
  g_return_val_if_fail (KW_IS_REVIEW (self), NULL);

  return index < self->findings->len ? g_ptr_array_index (self->findings, index) : NULL;
}

guint
kw_review_get_position (KwReview *self)
{
  g_return_val_if_fail (KW_IS_REVIEW (self), 0);

  return self->position;
}

KwFinding *
kw_review_get_current (KwReview *self)
{
  return kw_review_get_finding (self, kw_review_get_position (self));
}

gboolean
kw_review_is_finished (KwReview *self)
{
  g_return_val_if_fail (KW_IS_REVIEW (self), TRUE);

  return self->position >= self->findings->len;
}

static void
set_position (KwReview *self,
              guint     position)
{
  position = MIN (position, self->findings->len);
  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

void
kw_review_next (KwReview *self)
{
  g_return_if_fail (KW_IS_REVIEW (self));

  set_position (self, self->position + 1);
}

void
kw_review_back (KwReview *self)
{
  g_return_if_fail (KW_IS_REVIEW (self));

  if (self->position > 0)
    set_position (self, self->position - 1);
}

/* The latest decision on the finding at index that is still in effect. */
static const Decision *
latest_decision (KwReview *self,
                 guint     index)
{
  for (guint i = self->decisions->len; i > 0; i--)
    {
      const Decision *decision = &g_array_index (self->decisions, Decision, i - 1);

      if (decision->index == index)
        return decision;
    }

  return NULL;
}

gboolean
kw_review_get_decision (KwReview         *self,
                        guint             index,
                        KwReviewDecision *decision)
{
  const Decision *latest;

  g_return_val_if_fail (KW_IS_REVIEW (self), FALSE);

  latest = latest_decision (self, index);
  if (latest != NULL && decision != NULL)
    *decision = latest->decision;

  return latest != NULL;
}

/* ---- Making decisions ---------------------------------------------------- */

/* What a finding is, to tell whether a decision changed anything. */
typedef struct
{
  gboolean  placed;
  double    impact, effort;
  KwStatus  status;
  char     *drop_reason;
  char     *review;
} State;

static void
state_read (State     *state,
            KwFinding *finding)
{
  state->placed = kw_finding_get_placed (finding);
  state->impact = kw_finding_get_impact (finding);
  state->effort = kw_finding_get_effort (finding);
  state->status = kw_finding_get_status (finding);
  state->drop_reason = g_strdup (kw_finding_get_drop_reason (finding));
  state->review = g_strdup (kw_finding_get_review_date (finding));
}

static gboolean
state_equal (const State *a,
             const State *b)
{
  return a->placed == b->placed && a->impact == b->impact && a->effort == b->effort &&
         a->status == b->status && g_strcmp0 (a->drop_reason, b->drop_reason) == 0 &&
         g_strcmp0 (a->review, b->review) == 0;
}

static void
state_clear (State *state)
{
  g_clear_pointer (&state->drop_reason, g_free);
  g_clear_pointer (&state->review, g_free);
}

/* The current finding, or an error saying the review is over. */
static KwFinding *
current_or_error (KwReview  *self,
                  GError   **error)
{
  KwFinding *finding = kw_review_get_current (self);

  if (finding == NULL)
    g_set_error_literal (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_FINISHED,
                         _("Every finding has been reviewed"));

  return finding;
}

static void
begin_decision (KwReview   *self,
                const char *label,
                State      *before)
{
  state_read (before, kw_review_get_current (self));
  kw_history_begin_group (self->history, label);
}

/* Closes the step; records the decision and goes on to the next finding
 * when the finding changed (the history then holds one step more). */
static gboolean
end_decision (KwReview          *self,
              KwReviewDecision   kind,
              const char        *label,
              State             *before,
              char              *message,
              GError           **error)
{
  KwFinding *finding = kw_review_get_current (self);
  KwBoard *board = kw_history_get_board (self->history);
  State after = { 0 };
  gboolean changed;

  kw_history_end_group (self->history);
  state_read (&after, finding);
  changed = !state_equal (before, &after);
  state_clear (before);
  state_clear (&after);

  if (!changed)
    {
      g_free (message);
      g_set_error_literal (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_NOTHING,
                           _("That changes nothing for this finding"));
      return FALSE;
    }

  {
    Decision decision = {
      .index = self->position,
      .decision = kind,
      .after = kw_board_classify_finding (board, finding),
      .label = g_strdup (label),
    };

    g_array_append_val (self->decisions, decision);
  }
  g_free (self->last_message);
  self->last_message = message;
  set_position (self, self->position + 1);

  return TRUE;
}

static void
set_review_date (KwReview   *self,
                 KwFinding  *finding,
                 const char *iso)
{
  kw_history_set_text (self->history, finding, KW_FINDING_TEXT_REVIEW_DATE, iso);
}

static char *
next_review_date (KwReview *self)
{
  return kw_follow_up_next_review_date (kw_history_get_board (self->history), self->today);
}

gboolean
kw_review_keep (KwReview  *self,
                GError   **error)
{
  const char *label = _("Review: Keep");
  KwFinding *finding;
  g_autofree char *date = NULL;
  g_autofree char *shown = NULL;
  State before;

  g_return_val_if_fail (KW_IS_REVIEW (self), FALSE);

  if ((finding = current_or_error (self, error)) == NULL)
    return FALSE;

  date = next_review_date (self);
  shown = kw_plan_text_format_iso_date (date);
  begin_decision (self, label, &before);
  set_review_date (self, finding, date != NULL ? date : "");

  /* Translators: said after a review decision, e.g. "“Callback queue”
   * kept; next review on 4 March 2027". */
  return end_decision (self, KW_REVIEW_KEEP, label, &before,
                       g_strdup_printf (_("“%s” kept; next review on %s"), kw_finding_get_title (finding),
                                        shown != NULL ? shown : ""),
                       error);
}

gboolean
kw_review_place (KwReview  *self,
                 double     impact,
                 double     effort,
                 GError   **error)
{
  const char *label = _("Review: New Position");
  KwBoard *board;
  KwFinding *finding;
  KwThresholds thresholds;
  KwOutcome outcome;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown_impact = NULL;
  g_autofree char *shown_effort = NULL;
  State before;

  g_return_val_if_fail (KW_IS_REVIEW (self), FALSE);

  if ((finding = current_or_error (self, error)) == NULL)
    return FALSE;

  board = kw_history_get_board (self->history);
  impact = kw_score_normalize (impact);
  effort = kw_score_normalize (effort);
  kw_board_get_thresholds (board, &thresholds);
  outcome = kw_outcome_classify (TRUE, impact, effort, &thresholds);

  /* Back on a reviewed list, the finding is reviewed again one interval
   * from today; anywhere else it has no review date. The date is set
   * before the move, so the history does not give one of its own. */
  if (kw_follow_up_outcome_has_review (outcome))
    date = next_review_date (self);

  shown_impact = kw_plan_text_format_score (impact);
  shown_effort = kw_plan_text_format_score (effort);
  /* Translators: said after a review decision, e.g. "“Callback queue”
   * moved to quick win: impact 8.0, effort 2.0". */
  message = g_strdup_printf (_("“%s” moved to %s: impact %s, effort %s"), kw_finding_get_title (finding),
                             kw_outcome_get_singular_name (outcome), shown_impact, shown_effort);
  if (date != NULL)
    {
      g_autofree char *shown = kw_plan_text_format_iso_date (date);
      char *longer;

      /* Translators: appended to a review decision: "…; next review on
       * 4 March 2027". */
      longer = g_strdup_printf (_("%s; next review on %s"), message, shown);
      g_free (message);
      message = longer;
    }

  begin_decision (self, label, &before);
  set_review_date (self, finding, date != NULL ? date : "");
  kw_history_place (self->history, finding, impact, effort);

  return end_decision (self, KW_REVIEW_PLACE, label, &before, g_steal_pointer (&message), error);
}

gboolean
kw_review_done (KwReview  *self,
                GError   **error)
{
  const char *label = _("Review: Done");
  KwFinding *finding;
  State before;

  g_return_val_if_fail (KW_IS_REVIEW (self), FALSE);

  if ((finding = current_or_error (self, error)) == NULL)
    return FALSE;

  begin_decision (self, label, &before);
  kw_history_set_status (self->history, finding, KW_STATUS_DONE);
  set_review_date (self, finding, "");

  /* Translators: said after a review decision. */
  return end_decision (self, KW_REVIEW_DONE, label, &before,
                       g_strdup_printf (_("“%s” marked done"), kw_finding_get_title (finding)), error);
}

/* Where a dropped finding goes. The drop zone is low impact (under the
 * impact line) and high effort (at or over the effort line). A finding
 * due for review is on the future list or the small fixes, so already of
 * low impact: it keeps its impact and only its effort rises, to the
 * effort line (the nearest spot of the zone, ties going to high effort,
 * see kw_outcome_classify()). An impact at or over the line (a finding
 * moved earlier in this review) comes down to one tenth under it. With
 * the impact line at the bottom there is no drop zone: FALSE. */
static gboolean
drop_position (const KwThresholds *thresholds,
               double              impact,
               double              effort,
               double             *drop_impact,
               double             *drop_effort)
{
  if (thresholds->impact <= KW_SCORE_MIN)
    return FALSE;

  *drop_impact = impact < thresholds->impact ? impact : kw_score_normalize (thresholds->impact - 0.1);
  *drop_effort = MAX (effort, thresholds->effort);

  return kw_outcome_classify (TRUE, *drop_impact, *drop_effort, thresholds) == KW_OUTCOME_DROP;
}

gboolean
kw_review_drop (KwReview    *self,
                const char  *reason,
                GError     **error)
{
  const char *label = _("Review: Drop");
  g_autofree char *clean = NULL;
  KwThresholds thresholds;
  KwFinding *finding;
  double impact, effort;
  State before;

  g_return_val_if_fail (KW_IS_REVIEW (self), FALSE);

  if ((finding = current_or_error (self, error)) == NULL)
    return FALSE;

  clean = kw_text_clean (reason, TRUE);
  if (*clean == '\0')
    {
      g_set_error_literal (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_NO_REASON,
                           _("Say why the finding is dropped"));
      return FALSE;
    }

  kw_board_get_thresholds (kw_history_get_board (self->history), &thresholds);
  if (!drop_position (&thresholds, kw_finding_get_impact (finding), kw_finding_get_effort (finding),
                      &impact, &effort))
    {
      g_set_error_literal (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_NO_DROP,
                           _("The impact line is at 0: this board has no drop zone"));
      return FALSE;
    }

  begin_decision (self, label, &before);
  kw_history_set_text (self->history, finding, KW_FINDING_TEXT_DROP_REASON, clean);
  kw_history_place (self->history, finding, impact, effort);
  set_review_date (self, finding, "");

  /* Translators: said after a review decision, e.g. "“Callback queue”
   * dropped: no budget". */
  return end_decision (self, KW_REVIEW_DROP, label, &before,
                       g_strdup_printf (_("“%s” dropped: %s"), kw_finding_get_title (finding), clean), error);
}

gboolean
kw_review_reschedule (KwReview    *self,
                      const char  *date,
                      GError     **error)
{
  const char *label = _("Review: Next Review Date");
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;
  KwFinding *finding;
  State before;

  g_return_val_if_fail (KW_IS_REVIEW (self), FALSE);

  if ((finding = current_or_error (self, error)) == NULL)
    return FALSE;

  iso = date != NULL ? kw_date_parse_to_iso (date) : NULL;
  if (iso == NULL)
    {
      g_autofree char *example = kw_date_entry_example ();

      /* Translators: %s is a date as the user would type it. */
      g_set_error (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_DATE, _("Type a date, such as %s"), example);
      return FALSE;
    }
  if (strcmp (iso, self->today) <= 0)
    {
      g_set_error_literal (error, KW_REVIEW_ERROR, KW_REVIEW_ERROR_DATE,
                           _("The next review must be after today"));
      return FALSE;
    }

  shown = kw_plan_text_format_iso_date (iso);
  begin_decision (self, label, &before);
  set_review_date (self, finding, iso);

  /* Translators: said after a review decision. */
  return end_decision (self, KW_REVIEW_RESCHEDULE, label, &before,
                       g_strdup_printf (_("“%s”: next review on %s"), kw_finding_get_title (finding), shown),
                       error);
}

/* ---- Undo ------------------------------------------------------------------ */

const char *
kw_review_get_undo_label (KwReview *self)
{
  const Decision *last;

  g_return_val_if_fail (KW_IS_REVIEW (self), NULL);

  if (self->decisions->len == 0)
    return NULL;

  /* A step of someone else's on top (none while the window reviews)
   * is not this review's to undo. */
  last = &g_array_index (self->decisions, Decision, self->decisions->len - 1);
  if (g_strcmp0 (kw_history_get_undo_label (self->history), last->label) != 0)
    return NULL;

  return last->label;
}

KwFinding *
kw_review_undo (KwReview *self)
{
  guint index;

  g_return_val_if_fail (KW_IS_REVIEW (self), NULL);

  if (kw_review_get_undo_label (self) == NULL || !kw_history_undo (self->history))
    return NULL;

  index = g_array_index (self->decisions, Decision, self->decisions->len - 1).index;
  g_array_set_size (self->decisions, self->decisions->len - 1);
  set_position (self, index);

  return kw_review_get_current (self);
}

const char *
kw_review_get_last_message (KwReview *self)
{
  g_return_val_if_fail (KW_IS_REVIEW (self), NULL);

  return self->last_message;
}

/* ---- The summary ---------------------------------------------------------- */

guint
kw_review_count_decided (KwReview *self)
{
  guint n = 0;

  g_return_val_if_fail (KW_IS_REVIEW (self), 0);

  for (guint i = 0; i < self->findings->len; i++)
    n += latest_decision (self, i) != NULL;

  return n;
}

guint
kw_review_count (KwReview         *self,
                 KwReviewDecision  decision)
{
  guint n = 0;

  g_return_val_if_fail (KW_IS_REVIEW (self), 0);

  for (guint i = 0; i < self->findings->len; i++)
    {
      const Decision *latest = latest_decision (self, i);

      n += latest != NULL && latest->decision == decision;
    }

  return n;
}

static guint
count_moved_to (KwReview  *self,
                KwOutcome  outcome)
{
  guint n = 0;

  for (guint i = 0; i < self->findings->len; i++)
    {
      const Decision *latest = latest_decision (self, i);

      n += latest != NULL && latest->decision == KW_REVIEW_PLACE && latest->after == outcome;
    }

  return n;
}

static char *
moved_text (KwOutcome outcome,
            guint     n)
{
  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN:
      return g_strdup_printf (ngettext ("%u moved to quick wins", "%u moved to quick wins", n), n);
    case KW_OUTCOME_SMALL_FIX:
      return g_strdup_printf (ngettext ("%u moved to small fixes", "%u moved to small fixes", n), n);
    case KW_OUTCOME_LONG_TERM:
      return g_strdup_printf (ngettext ("%u moved to the long-term plan", "%u moved to the long-term plan", n), n);
    case KW_OUTCOME_FUTURE:
      return g_strdup_printf (ngettext ("%u moved on the future list", "%u moved on the future list", n), n);
    case KW_OUTCOME_DROP:
      return g_strdup_printf (ngettext ("%u moved to the drop list", "%u moved to the drop list", n), n);
    case KW_OUTCOME_UNPLACED:
    default:
      return NULL;
    }
}

static char *
decision_text (KwReviewDecision decision,
               guint            n)
{
  switch (decision)
    {
    case KW_REVIEW_KEEP:
      /* Translators: parts of the review's summary, "4 findings reviewed:
       * 1 kept, 1 moved to quick wins, 1 done, 1 dropped". */
      return g_strdup_printf (ngettext ("%u kept", "%u kept", n), n);
    case KW_REVIEW_DONE:
      return g_strdup_printf (ngettext ("%u done", "%u done", n), n);
    case KW_REVIEW_DROP:
      return g_strdup_printf (ngettext ("%u dropped", "%u dropped", n), n);
    case KW_REVIEW_RESCHEDULE:
      return g_strdup_printf (ngettext ("%u given a new review date", "%u given a new review date", n), n);
    case KW_REVIEW_PLACE:
    default:
      return NULL;
    }
}

char *
kw_review_dup_summary (KwReview *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  g_autofree char *list = NULL;
  guint decided, skipped;

  g_return_val_if_fail (KW_IS_REVIEW (self), NULL);

  decided = kw_review_count_decided (self);
  skipped = self->findings->len - decided;

  for (guint d = 0; d < KW_N_REVIEW_DECISIONS; d++)
    {
      guint n;

      if (d == KW_REVIEW_PLACE)
        {
          for (guint o = 0; o < KW_N_OUTCOMES; o++)
            if ((n = count_moved_to (self, (KwOutcome) o)) > 0)
              g_ptr_array_add (parts, moved_text ((KwOutcome) o, n));
          continue;
        }
      if ((n = kw_review_count (self, (KwReviewDecision) d)) > 0)
        g_ptr_array_add (parts, decision_text ((KwReviewDecision) d, n));
    }
  if (skipped > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u left as it was", "%u left as they were", skipped),
                                             skipped));
  g_ptr_array_add (parts, NULL);

  head = g_strdup_printf (ngettext ("%u finding reviewed", "%u findings reviewed", decided), decided);
  if (parts->len == 1)
    return g_steal_pointer (&head);

  /* Translators: the separator between the parts of the review summary. */
  list = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: the review summary, "4 findings reviewed: 1 kept, …". */
  return g_strdup_printf (_("%s: %s"), head, list);
}

/* ---- A finding over the snapshots ------------------------------------------ */

GArray *
kw_review_track_finding (KwBoard   *board,
                         KwFinding *finding)
{
  GListModel *snapshots;
  GArray *track;
  guint n;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (KW_IS_FINDING (finding), NULL);

  snapshots = kw_board_get_snapshots (board);
  n = g_list_model_get_n_items (snapshots);
  track = g_array_sized_new (FALSE, TRUE, sizeof (KwReviewMoment), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (snapshots, i);
      const KwSnapshotEntry *entry = kw_snapshot_lookup (snapshot, kw_finding_get_id (finding));
      KwReviewMoment moment = { .snapshot = snapshot, .outcome = KW_OUTCOME_UNPLACED };

      if (entry != NULL)
        {
          KwThresholds thresholds;

          kw_snapshot_get_thresholds (snapshot, &thresholds);
          moment.present = TRUE;
          moment.placed = entry->placed;
          moment.impact = entry->impact;
          moment.effort = entry->effort;
          moment.status = entry->status;
          moment.outcome = kw_outcome_classify (entry->placed, entry->impact, entry->effort, &thresholds);
        }
      g_array_append_val (track, moment);
    }

  return track;
}
