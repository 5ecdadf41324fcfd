/* kw-estimates-grid-keys.c: what the estimates grid does with the keys
 * typed into its entry: commit and move in the order the room calls out
 * its numbers, clear, undo, refuse what is not an estimate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-estimates-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-estimates-grid-private.h"

/* Into the round while it keeps the finding's values secret, onto the
 * board (one undo step) otherwise; estimate NULL takes it back. */
static void
store_estimate (KwEstimatesGrid  *self,
                KwFinding        *finding,
                KwParticipant    *participant,
                const KwEstimate *estimate)
{
  const char *id = kw_participant_get_id (participant);
  KwEstimate old;
  gboolean had;

  if (kw_estimates_grid_round_hides (self, finding))
    {
      kw_round_submit (self->round, finding, id, estimate);
      return;
    }

  if (self->history == NULL)
    return;

  had = kw_finding_get_estimate (finding, id, &old);
  if (estimate == NULL ? !had : had && kw_estimate_equal (&old, estimate))
    return;
  kw_history_set_estimate (self->history, finding, id, estimate);
}

/* Commits what is typed; FALSE, leaving it in the entry marked as an
 * error, when it is not an estimate. Nothing typed commits nothing. */
static gboolean
commit (KwEstimatesGrid *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  KwFinding *finding;
  KwParticipant *participant;
  KwEstimate estimate;

  if (*text == '\0' || !kw_estimates_grid_get_cursor_cell (self, &finding, &participant))
    return TRUE;

  if (!kw_estimate_parse (text, &estimate))
    {
      g_autofree char *error =
        /* Translators: the estimates grid refuses what was typed; %s is it. */
        g_strdup_printf (_("“%s” is not an estimate: type impact and effort from 0 to 10, like “7 3”, or “?” for no idea"),
                         text);

      kw_estimates_grid_set_error (self, error);
      return FALSE;
    }

  store_estimate (self, finding, participant, &estimate);
  return TRUE;
}

static void
clear_current (KwEstimatesGrid *self)
{
  KwFinding *finding;
  KwParticipant *participant;

  if (kw_estimates_grid_get_cursor_cell (self, &finding, &participant))
    store_estimate (self, finding, participant, NULL);
  kw_estimates_grid_set_error (self, NULL);
}

static gboolean
entry_is_empty (KwEstimatesGrid *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->entry)) == '\0';
}

gboolean
kw_estimates_grid_key_pressed_cb (GtkEventControllerKey *controller,
                                  guint                  keyval,
                                  guint                  keycode,
                                  GdkModifierType        state,
                                  KwEstimatesGrid       *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  /* Ctrl+Z in an empty entry undoes the last cell (the entry's own undo
   * would have nothing to do); with text typed, it undoes the typing. */
  if ((state & GDK_CONTROL_MASK) && entry_is_empty (self) && self->history != NULL &&
      (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    {
      if (shift)
        kw_history_redo (self->history);
      else
        kw_history_undo (self->history);
      return TRUE;
    }

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (commit (self))
        kw_estimates_grid_move (self, shift || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (commit (self))
        kw_estimates_grid_move_down (self, keyval == GDK_KEY_Up ? -1 : 1);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_Right:
      if (!entry_is_empty (self))
        return FALSE;
      kw_estimates_grid_move (self, keyval == GDK_KEY_Left ? -1 : 1);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (!entry_is_empty (self))
        return FALSE;
      clear_current (self);
      return TRUE;

    case GDK_KEY_Escape:
      if (entry_is_empty (self) && self->error == NULL)
        return FALSE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      kw_estimates_grid_set_error (self, NULL);
      return TRUE;

    default:
      return FALSE;
    }
}
