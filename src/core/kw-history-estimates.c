/* kw-history-estimates.c: the undoable changes to a board's participants
 * and their estimates, a part of KwHistory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-history"

#include "config.h"

#include "kw-history-private.h"
#include "kw-i18n.h"

/* --- Participants ---------------------------------------------------- */

typedef struct {
  KwParticipant *participant;
  guint          position;
  gboolean       added;     /* TRUE: added by the change, FALSE: removed */
} Membership;

static void
membership_free (Membership *membership)
{
  g_object_unref (membership->participant);
  g_free (membership);
}

static void
membership_apply (gpointer  data,
                  KwBoard  *board,
                  gboolean  forward)
{
  Membership *membership = data;

  if (forward == membership->added)
    kw_participant_list_add (kw_board_get_participants (board), membership->participant,
                             membership->position);
  else
    kw_board_remove_participant (board, membership->participant);
}

static Membership *
membership_new (KwParticipant *participant,
                guint          position,
                gboolean       added)
{
  Membership *membership = g_new0 (Membership, 1);

  membership->participant = g_object_ref (participant);
  membership->position = position;
  membership->added = added;

  return membership;
}

gboolean
kw_history_add_participant (KwHistory     *self,
                            KwParticipant *participant,
                            guint          position)
{
  KwParticipantList *participants;

  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  participants = kw_board_get_participants (kw_history_get_board (self));
  position = MIN (position, kw_participant_list_get_n_items (participants));
  if (!kw_participant_list_add (participants, participant, position))
    return FALSE;

  _kw_history_push_custom (self, _("Add Participant"), membership_apply,
                           membership_new (participant, position, TRUE),
                           (GDestroyNotify) membership_free);

  return TRUE;
}

gboolean
kw_history_remove_participant (KwHistory     *self,
                               KwParticipant *participant)
{
  KwBoard *board;
  const char *id;
  guint position;

  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  board = kw_history_get_board (self);
  if (!kw_participant_list_find_position (kw_board_get_participants (board), participant, &position))
    return FALSE;

  /* The board holds what may be the last reference. */
  g_object_ref (participant);

  /* The estimates go first, so an undo brings the participant back
   * before their estimates. */
  id = kw_participant_get_id (participant);
  kw_history_begin_group (self, _("Remove Participant"));
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    kw_history_set_estimate (self, kw_board_get_finding (board, i), id, NULL);
  kw_board_remove_participant (board, participant);
  _kw_history_push_custom (self, _("Remove Participant"), membership_apply,
                           membership_new (participant, position, FALSE),
                           (GDestroyNotify) membership_free);
  kw_history_end_group (self);
  g_object_unref (participant);

  return TRUE;
}

typedef struct {
  KwParticipant *participant;
  char          *name[2];
  char          *team[2];
} Edit;

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->participant);
  for (guint i = 0; i < 2; i++)
    {
      g_free (edit->name[i]);
      g_free (edit->team[i]);
    }
  g_free (edit);
}

static void
edit_apply (gpointer  data,
            KwBoard  *board,
            gboolean  forward)
{
  Edit *edit = data;
  guint side = forward ? 1 : 0;

  kw_participant_list_edit (kw_board_get_participants (board), edit->participant,
                            edit->name[side], edit->team[side]);
}

gboolean
kw_history_edit_participant (KwHistory     *self,
                             KwParticipant *participant,
                             const char    *name,
                             const char    *team)
{
  g_autofree char *old_name = NULL;
  g_autofree char *old_team = NULL;
  Edit *edit;

  g_return_val_if_fail (KW_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (KW_IS_PARTICIPANT (participant), FALSE);

  old_name = g_strdup (kw_participant_get_name (participant));
  old_team = g_strdup (kw_participant_get_team (participant));
  if (!kw_participant_list_edit (kw_board_get_participants (kw_history_get_board (self)),
                                 participant, name, team))
    return FALSE;
  if (g_str_equal (old_name, kw_participant_get_name (participant)) &&
      g_str_equal (old_team, kw_participant_get_team (participant)))
    return TRUE;

  edit = g_new0 (Edit, 1);
  edit->participant = g_object_ref (participant);
  edit->name[0] = g_steal_pointer (&old_name);
  edit->team[0] = g_steal_pointer (&old_team);
  edit->name[1] = g_strdup (kw_participant_get_name (participant));
  edit->team[1] = g_strdup (kw_participant_get_team (participant));
  _kw_history_push_custom (self, _("Edit Participant"), edit_apply, edit, (GDestroyNotify) edit_free);

  return TRUE;
}

/* --- Estimates ------------------------------------------------------- */

/* One finding's estimates changed together: each entry before (side 0)
 * and after (side 1). */
typedef struct {
  KwFinding       *finding;
  guint            n;
  KwEstimateEntry *sides[2];
} EstimatesChange;

static void
estimates_change_free (EstimatesChange *change)
{
  g_clear_object (&change->finding);
  /* The ids are shared by both sides and owned by side 0. */
  for (guint i = 0; i < change->n; i++)
    g_free ((char *) change->sides[0][i].participant_id);
  g_free (change->sides[0]);
  g_free (change->sides[1]);
  g_free (change);
}

static void
estimates_change_apply (gpointer  data,
                        KwBoard  *board,
                        gboolean  forward)
{
  EstimatesChange *change = data;

  kw_finding_set_estimates (change->finding, change->sides[forward ? 1 : 0], change->n);
}

guint
kw_history_set_estimates (KwHistory             *self,
                          KwFinding             *finding,
                          const KwEstimateEntry *entries,
                          guint                  n)
{
  KwParticipantList *participants;
  EstimatesChange *change;
  guint changed = 0;

  g_return_val_if_fail (KW_IS_HISTORY (self), 0);
  g_return_val_if_fail (KW_IS_FINDING (finding), 0);
  g_return_val_if_fail (entries != NULL || n == 0, 0);

  /* Checked before anything is allocated: a refused call leaks nothing. */
  participants = kw_board_get_participants (kw_history_get_board (self));
  for (guint i = 0; i < n; i++)
    {
      g_return_val_if_fail (entries[i].participant_id != NULL, 0);
      g_return_val_if_fail (!entries[i].given ||
                            kw_participant_list_lookup (participants, entries[i].participant_id) != NULL, 0);
    }

  change = g_new0 (EstimatesChange, 1);
  change->sides[0] = g_new (KwEstimateEntry, n);
  change->sides[1] = g_new (KwEstimateEntry, n);

  /* Only what changes is recorded, with what it was. */
  for (guint i = 0; i < n; i++)
    {
      const KwEstimateEntry *entry = &entries[i];
      KwEstimateEntry before = { NULL, FALSE, { 0 } };

      before.given = kw_finding_get_estimate (finding, entry->participant_id, &before.estimate);
      if (before.given ? (entry->given && kw_estimate_equal (&before.estimate, &entry->estimate)) : !entry->given)
        continue;
      before.participant_id = g_strdup (entry->participant_id);
      change->sides[0][change->n] = before;
      change->sides[1][change->n] = *entry;
      change->sides[1][change->n].participant_id = before.participant_id;
      change->n++;
    }

  if (change->n == 0)
    {
      estimates_change_free (change);
      return 0;
    }

  changed = kw_finding_set_estimates (finding, change->sides[1], change->n);
  /* As the finding keeps them (in tenths): redo gives exactly this. */
  for (guint i = 0; i < change->n; i++)
    change->sides[1][i].given = kw_finding_get_estimate (finding, change->sides[1][i].participant_id,
                                                          &change->sides[1][i].estimate);
  change->finding = g_object_ref (finding);
  _kw_history_push_custom (self, change->n == 1 ? _("Change Estimate") : _("Change Estimates"),
                           estimates_change_apply, change, (GDestroyNotify) estimates_change_free);

  return changed;
}

void
kw_history_set_estimate (KwHistory        *self,
                         KwFinding        *finding,
                         const char       *participant_id,
                         const KwEstimate *estimate)
{
  KwEstimateEntry entry = { participant_id, estimate != NULL, { 0 } };

  g_return_if_fail (participant_id != NULL);

  if (estimate != NULL)
    entry.estimate = *estimate;
  kw_history_set_estimates (self, finding, &entry, 1);
}

guint
kw_history_use_median (KwHistory         *self,
                       KwFinding * const *findings,
                       guint              n)
{
  guint placed = 0;

  g_return_val_if_fail (KW_IS_HISTORY (self), 0);
  g_return_val_if_fail (findings != NULL || n == 0, 0);

  kw_history_begin_group (self, _("Use the Group’s Median"));
  for (guint i = 0; i < n; i++)
    {
      KwEstimateSummary summary;

      if (!kw_finding_summarize_estimates (findings[i], &summary))
        continue;
      kw_history_place (self, findings[i], summary.median_impact, summary.median_effort);
      placed++;
    }
  kw_history_end_group (self);

  return placed;
}
