/* kw-matrix-input.c: the pointer, the keyboard and drops on the
 * matrix: selecting, moving cards and lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kw-matrix-card.h"
#include "kw-matrix-layout.h"
#include "kw-matrix-private.h"
#include "kw-text.h"

/* How far the pointer must travel before a press on a card becomes a
 * drag, so a slightly shaky click still only selects. */
#define DRAG_START_DISTANCE 4.0

static KwOutcome
classify_at (KwMatrix *self,
             double    impact,
             double    effort)
{
  return kw_outcome_classify (TRUE, impact, effort, &self->thresholds);
}

/* Where a finding let go at (impact, effort) lands: with Snap to Grid on
 * the nearest round step off the lines (kw_matrix_snap()), unless Shift
 * is held, which places it exactly where the pointer is. */
static void
pointer_target (KwMatrix *self,
                double   *impact,
                double   *effort)
{
  if (!self->snap || self->pointer_free)
    return;

  *impact = kw_matrix_snap (*impact, KW_MATRIX_AXIS_IMPACT, &self->thresholds);
  *effort = kw_matrix_snap (*effort, KW_MATRIX_AXIS_EFFORT, &self->thresholds);
}

/* Shift places freely, as it does in drawing programs. */
static gboolean
wants_free_placement (GdkModifierType state)
{
  return (state & GDK_SHIFT_MASK) != 0;
}

/* Every change goes through the history when there is one; a matrix
 * without one (a preview) changes the model directly. */
static void
place_finding (KwMatrix  *self,
               KwFinding *finding,
               double     impact,
               double     effort)
{
  if (self->history != NULL)
    kw_history_place (self->history, finding, impact, effort);
  else
    kw_finding_place (finding, impact, effort);
}

static void
begin_step (KwMatrix   *self,
            const char *label)
{
  if (self->history != NULL)
    kw_history_begin_group (self->history, label);
}

static void
end_step (KwMatrix *self)
{
  if (self->history != NULL)
    kw_history_end_group (self->history);
}

/* Selects the shown findings whose marker (their true spot) lies in the
 * band; with Ctrl they join the selection, otherwise they replace it. */
static void
select_in_band (KwMatrix *self,
                gboolean  add)
{
  GListModel *model;
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  graphene_rect_t band = GRAPHENE_RECT_INIT (MIN (self->press_x, self->pointer_x),
                                             MIN (self->press_y, self->pointer_y),
                                             fabs (self->pointer_x - self->press_x),
                                             fabs (self->pointer_y - self->press_y));
  guint n;

  if (self->selection == NULL)
    return;

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwFinding) finding = g_list_model_get_item (model, i);
      KwMatrixCard *card = kw_matrix_lookup_card (self, finding);
      double impact, effort, x, y;

      if (card == NULL || !gtk_widget_get_visible (GTK_WIDGET (card)) ||
          !gtk_widget_get_child_visible (GTK_WIDGET (card)) ||
          !kw_matrix_card_get_shown_position (card, &impact, &effort))
        continue;

      kw_matrix_layout_score_to_point (&self->layout, impact, effort, &x, &y);
      if (graphene_rect_contains_point (&band, &GRAPHENE_POINT_INIT (x, y)))
        gtk_bitset_add (selected, i);
    }

  mask = add ? gtk_bitset_copy (selected) : gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (self->selection, selected, mask);
}

/* Moving findings together */

/* The findings a gesture or key press on the card moves: the whole
 * selection when the card is part of it, otherwise the card alone. */
static GArray *
collect_moved (KwMatrix     *self,
               KwMatrixCard *card)
{
  GArray *moved = g_array_new (FALSE, FALSE, sizeof (MovedFinding));
  GHashTableIter iter;
  gpointer finding, other;

  if (!kw_matrix_card_get_selected (card))
    {
      KwFinding *f = kw_matrix_card_get_finding (card);
      MovedFinding m = { f, card, kw_finding_get_placed (f), kw_finding_get_impact (f), kw_finding_get_effort (f) };

      g_array_append_val (moved, m);
      return moved;
    }

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &finding, &other))
    {
      if (kw_matrix_card_get_selected (other) && kw_finding_get_placed (finding))
        {
          MovedFinding m = { finding, other, TRUE, kw_finding_get_impact (finding), kw_finding_get_effort (finding) };

          g_array_append_val (moved, m);
        }
    }

  return moved;
}

/* Narrows a shift so every moved finding stays on the matrix, which keeps
 * the group's shape when it reaches an edge. */
static void
clamp_shift (GArray *moved,
             double *d_impact,
             double *d_effort)
{
  for (guint i = 0; i < moved->len; i++)
    {
      const MovedFinding *m = &g_array_index (moved, MovedFinding, i);

      *d_impact = CLAMP (*d_impact, KW_SCORE_MIN - m->impact, KW_SCORE_MAX - m->impact);
      *d_effort = CLAMP (*d_effort, KW_SCORE_MIN - m->effort, KW_SCORE_MAX - m->effort);
    }
}

/* One finding shares its label with the history's own "Move Finding";
 * several get a count (and their plural forms in every language). */
static char *
move_step_label (guint n)
{
  if (n == 1)
    return g_strdup (_("Move Finding"));

  return g_strdup_printf (ngettext ("Move %u Finding", "Move %u Findings", n), n);
}

/* With Snap to Grid on, the focused finding steps over a line rather
 * than onto it (the rest of a group moves by the same step). */
static void
step_past_lines (KwMatrix     *self,
                 KwMatrixCard *card,
                 GArray       *moved,
                 double       *d_impact,
                 double       *d_effort)
{
  KwFinding *finding = kw_matrix_card_get_finding (card);

  if (!kw_finding_get_placed (finding))
    return;
  *d_impact = kw_matrix_step_past_lines (kw_finding_get_impact (finding), *d_impact,
                                         KW_MATRIX_AXIS_IMPACT, &self->thresholds);
  *d_effort = kw_matrix_step_past_lines (kw_finding_get_effort (finding), *d_effort,
                                         KW_MATRIX_AXIS_EFFORT, &self->thresholds);
  clamp_shift (moved, d_impact, d_effort);
}

void
kw_matrix_move_by_keys (KwMatrix     *self,
                        KwMatrixCard *card,
                        double        d_impact,
                        double        d_effort)
{
  g_autoptr(GArray) moved = collect_moved (self, card);
  g_autofree char *label = NULL;

  clamp_shift (moved, &d_impact, &d_effort);
  if (moved->len == 0 || (d_impact == 0 && d_effort == 0))
    return;
  if (self->snap)
    step_past_lines (self, card, moved, &d_impact, &d_effort);

  label = move_step_label (moved->len);
  begin_step (self, label);
  for (guint i = 0; i < moved->len; i++)
    {
      const MovedFinding *m = &g_array_index (moved, MovedFinding, i);

      place_finding (self, m->finding, m->impact + d_impact, m->effort + d_effort);
    }
  end_step (self);
}

/* The pointer */

/* The card under the point: its label, or else its marker (a finding
 * whose label found no room is still there to be dragged). */
static KwMatrixCard *
card_at (KwMatrix *self,
         double    x,
         double    y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  KwMatrixCard *nearest = NULL;
  double best = G_MAXDOUBLE;

  for (; picked != NULL && picked != GTK_WIDGET (self); picked = gtk_widget_get_parent (picked))
    {
      if (KW_IS_MATRIX_CARD (picked) && gtk_widget_get_parent (picked) == GTK_WIDGET (self))
        return KW_MATRIX_CARD (picked);
    }

  for (guint i = 0; self->placement != NULL && i < self->placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (self->placement->labels, KwMatrixPlacedLabel, i);
      double d = hypot (x - label->x, y - label->y);

      if (d <= MAX (label->marker_radius + 2, 6.0) && d < best)
        {
          best = d;
          nearest = label->data;
        }
    }

  return nearest;
}

static double
distance_to_segment (double px,
                     double py,
                     double x1,
                     double y1,
                     double x2,
                     double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - x1) * dx + (py - y1) * dy) / length2, 0, 1) : 0;

  return hypot (px - (x1 + t * dx), py - (y1 + t * dy));
}

/* The threshold line (or its handle) under the point, if any. */
static gboolean
line_at (KwMatrix     *self,
         double        x,
         double        y,
         KwMatrixLine *found)
{
  double tolerance = MAX (6.0, kw_matrix_handle_radius (self) + 2);
  double best = G_MAXDOUBLE;

  for (KwMatrixLine line = 0; line < KW_MATRIX_N_LINES; line++)
    {
      double x1, y1, x2, y2, hx, hy, d;

      kw_matrix_layout_get_line (&self->layout, &self->thresholds, line, &x1, &y1, &x2, &y2);
      kw_matrix_get_handle_point (self, line, &hx, &hy);
      d = MIN (distance_to_segment (x, y, x1, y1, x2, y2), hypot (x - hx, y - hy));
      if (d <= tolerance && d < best)
        {
          best = d;
          *found = line;
        }
    }

  return best <= tolerance;
}

static gboolean
pointer_over_unplace_target (KwMatrix *self)
{
  graphene_point_t point;

  if (self->unplace_target == NULL || !gtk_widget_get_mapped (self->unplace_target))
    return FALSE;

  if (!gtk_widget_compute_point (GTK_WIDGET (self), self->unplace_target,
                                 &GRAPHENE_POINT_INIT (self->pointer_x, self->pointer_y), &point))
    return FALSE;

  return gtk_widget_contains (self->unplace_target, point.x, point.y);
}

static void
show_badge (KwMatrix   *self,
            const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->badge)), text) != 0)
    gtk_label_set_label (GTK_LABEL (self->badge), text);
  gtk_widget_set_visible (self->badge, TRUE);
}

static void
start_card_move (KwMatrix *self)
{
  self->moved = collect_moved (self, self->press_card);

  for (guint i = 0; i < self->moved->len; i++)
    {
      MovedFinding *m = &g_array_index (self->moved, MovedFinding, i);

      kw_matrix_card_set_dragging (m->card, TRUE);
      /* Raise it above the others, under the badge. */
      gtk_widget_insert_before (GTK_WIDGET (m->card), GTK_WIDGET (self), self->badge);
    }

  self->pointer_mode = POINTER_CARD_MOVING;
  kw_matrix_freeze_still_cards (self, TRUE);
}

/* Moves the findings live, so the lists follow; the cards themselves
 * follow the pointer exactly rather than the tenths the model keeps. */
static void
update_card_move (KwMatrix *self)
{
  double d_effort = (self->pointer_x - self->press_x) / kw_matrix_layout_effort_scale (&self->layout);
  double d_impact = -(self->pointer_y - self->press_y) / kw_matrix_layout_impact_scale (&self->layout);
  double shown_impact = 0, shown_effort = 0;

  if (!isfinite (d_effort) || !isfinite (d_impact))
    return;

  clamp_shift (self->moved, &d_impact, &d_effort);

  for (guint i = 0; i < self->moved->len; i++)
    {
      MovedFinding *m = &g_array_index (self->moved, MovedFinding, i);
      double impact = m->impact + d_impact;
      double effort = m->effort + d_effort;

      kw_matrix_card_set_drag_position (m->card, TRUE, impact, effort);
      kw_finding_place (m->finding, impact, effort);
      if (m->card == self->press_card)
        {
          shown_impact = impact;
          shown_effort = effort;
        }
    }

  pointer_target (self, &shown_impact, &shown_effort);
  if (pointer_over_unplace_target (self))
    show_badge (self, kw_outcome_get_title (KW_OUTCOME_UNPLACED));
  else
    show_badge (self, kw_outcome_get_title (classify_at (self, shown_impact, shown_effort)));

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
end_card_move (KwMatrix *self,
               gboolean  cancelled)
{
  g_autoptr(GArray) moved = g_steal_pointer (&self->moved);
  gboolean unplace = !cancelled && pointer_over_unplace_target (self);
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->badge, FALSE);
  kw_matrix_freeze_still_cards (self, FALSE);

  if (unplace && moved->len == 1)
    label = g_strdup (_("Take Finding off the Matrix"));
  else if (unplace)
    label = g_strdup_printf (ngettext ("Take %u Finding off the Matrix", "Take %u Findings off the Matrix",
                                       moved->len),
                             moved->len);
  else
    label = move_step_label (moved->len);

  begin_step (self, label);
  for (guint i = 0; i < moved->len; i++)
    {
      MovedFinding *m = &g_array_index (moved, MovedFinding, i);
      double impact, effort;

      kw_matrix_card_get_shown_position (m->card, &impact, &effort);
      kw_matrix_card_set_drag_position (m->card, FALSE, 0, 0);
      kw_matrix_card_set_dragging (m->card, FALSE);
      /* Raised for the drag: a card the search dims goes back under the
       * matches. */
      kw_matrix_restack_card (self, m->card);

      if (cancelled)
        kw_finding_place (m->finding, m->impact, m->effort);
      else if (unplace)
        kw_finding_unplace (m->finding);
      else
        {
          pointer_target (self, &impact, &effort);
          kw_finding_place (m->finding, impact, effort);
        }

      if (self->history != NULL)
        kw_history_record_place (self->history, m->finding, m->was_placed, m->impact, m->effort);
      kw_matrix_update_card (self, m->card);
    }
  end_step (self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
update_line_move (KwMatrix *self)
{
  KwThresholds thresholds = self->old_thresholds;
  double impact, effort;

  kw_matrix_layout_point_to_score (&self->layout, self->pointer_x, self->pointer_y, &impact, &effort);

  /* Keep the small-fix strip inside the low-effort half. */
  switch (self->line)
    {
    case KW_MATRIX_LINE_IMPACT:
      thresholds.impact = kw_score_normalize (impact);
      break;
    case KW_MATRIX_LINE_EFFORT:
      thresholds.effort = MAX (kw_score_normalize (effort), thresholds.tiny_effort + 0.1);
      break;
    case KW_MATRIX_LINE_TINY_EFFORT:
      thresholds.tiny_effort = MIN (kw_score_normalize (effort), thresholds.effort - 0.1);
      break;
    default:
      g_assert_not_reached ();
    }

  thresholds.effort = kw_score_normalize (thresholds.effort);
  thresholds.tiny_effort = kw_score_normalize (MAX (thresholds.tiny_effort, KW_SCORE_MIN));
  if (kw_thresholds_are_valid (&thresholds))
    kw_board_set_thresholds (self->board, &thresholds);
}

static void
set_cursor_for_point (KwMatrix *self,
                      double    x,
                      double    y)
{
  KwMatrixLine line;
  const char *name = NULL;

  if (self->pointer_mode == POINTER_LINE)
    line = self->line;
  else if (self->pointer_mode != POINTER_NONE || !kw_matrix_can_edit (self) ||
           card_at (self, x, y) != NULL || !line_at (self, x, y, &line))
    line = KW_MATRIX_N_LINES;

  if (line != KW_MATRIX_N_LINES)
    name = line == KW_MATRIX_LINE_IMPACT ? "row-resize" : "col-resize";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

void
kw_matrix_pointer_press (KwMatrix        *self,
                         double           x,
                         double           y,
                         GdkModifierType  state)
{
  KwMatrixCard *card;
  KwMatrixLine line;

  g_return_if_fail (KW_IS_MATRIX (self));

  if (self->pointer_mode != POINTER_NONE)
    kw_matrix_pointer_cancel (self);

  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  self->pointer_ctrl = (state & GDK_CONTROL_MASK) != 0;
  self->pointer_free = wants_free_placement (state);
  card = card_at (self, x, y);

  if (card == NULL && kw_matrix_zoom_at (self, x, y))
    return;

  if (card != NULL)
    {
      self->pointer_mode = POINTER_CARD_PRESSED;
      self->press_card = card;

      /* A plain press on an unselected card selects it at once, so the
       * drag that may follow moves it alone. */
      self->pointer_selecting = TRUE;
      if (!self->pointer_ctrl && !kw_matrix_card_get_selected (card))
        kw_matrix_select_only (self, card);
      gtk_widget_grab_focus (GTK_WIDGET (card));
      self->pointer_selecting = FALSE;
    }
  else if (self->board != NULL && kw_matrix_can_edit (self) && line_at (self, x, y, &line))
    {
      self->pointer_mode = POINTER_LINE;
      self->line = line;
      kw_board_get_thresholds (self->board, &self->old_thresholds);
    }
  else
    {
      self->pointer_mode = POINTER_BACKGROUND;
    }
}

void
kw_matrix_pointer_modifiers (KwMatrix        *self,
                             GdkModifierType  state)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  self->pointer_free = wants_free_placement (state);
}

void
kw_matrix_pointer_motion (KwMatrix *self,
                          double    offset_x,
                          double    offset_y)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;

  switch (self->pointer_mode)
    {
    case POINTER_CARD_PRESSED:
      /* A board that cannot be changed still lets cards be selected. */
      if (self->press_card == NULL || !kw_matrix_can_edit (self) || hypot (offset_x, offset_y) < DRAG_START_DISTANCE)
        break;
      start_card_move (self);
      G_GNUC_FALLTHROUGH;
    case POINTER_CARD_MOVING:
      update_card_move (self);
      break;

    case POINTER_LINE:
      if (!self->freeze_cards)
        kw_matrix_freeze_still_cards (self, TRUE);
      update_line_move (self);
      break;

    case POINTER_BACKGROUND:
      self->band_visible = hypot (offset_x, offset_y) >= DRAG_START_DISTANCE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case POINTER_NONE:
    default:
      break;
    }
}

void
kw_matrix_pointer_release (KwMatrix *self,
                           double    offset_x,
                           double    offset_y)
{
  PointerMode mode;

  g_return_if_fail (KW_IS_MATRIX (self));

  kw_matrix_pointer_motion (self, offset_x, offset_y);
  mode = self->pointer_mode;
  self->pointer_mode = POINTER_NONE;

  switch (mode)
    {
    case POINTER_CARD_PRESSED:
      /* A click: Ctrl toggles, a plain click selects the card alone. */
      if (self->press_card != NULL)
        {
          if (self->pointer_ctrl)
            kw_matrix_toggle_selected (self, self->press_card);
          else
            kw_matrix_select_only (self, self->press_card);
        }
      break;

    case POINTER_CARD_MOVING:
      end_card_move (self, FALSE);
      break;

    case POINTER_LINE:
      kw_matrix_freeze_still_cards (self, FALSE);
      if (self->history != NULL)
        kw_history_record_thresholds (self->history, &self->old_thresholds);
      break;

    case POINTER_BACKGROUND:
      if (self->band_visible)
        select_in_band (self, self->pointer_ctrl);
      else if (!self->pointer_ctrl && self->selection != NULL)
        gtk_selection_model_unselect_all (self->selection);
      self->band_visible = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case POINTER_NONE:
    default:
      break;
    }

  self->press_card = NULL;
}

/* Puts everything back as it was before the press, recording nothing. */
void
kw_matrix_pointer_cancel (KwMatrix *self)
{
  PointerMode mode;

  g_return_if_fail (KW_IS_MATRIX (self));

  mode = self->pointer_mode;
  self->pointer_mode = POINTER_NONE;

  if (mode == POINTER_CARD_MOVING)
    {
      KwHistory *history = g_steal_pointer (&self->history);

      end_card_move (self, TRUE);
      self->history = history;
    }
  else if (mode == POINTER_LINE && self->board != NULL)
    {
      kw_board_set_thresholds (self->board, &self->old_thresholds);
    }

  self->band_visible = FALSE;
  self->press_card = NULL;
  kw_matrix_freeze_still_cards (self, FALSE);
}

const char *
kw_matrix_get_drag_badge_text (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  if (!gtk_widget_get_visible (self->badge))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (self->badge));
}

static void
drag_begin_cb (KwMatrix       *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  kw_matrix_pointer_press (self, x, y, state);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (KwMatrix       *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  kw_matrix_pointer_modifiers (self, gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
  kw_matrix_pointer_motion (self, offset_x, offset_y);
}

static void
drag_end_cb (KwMatrix       *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  if (self->pointer_mode == POINTER_NONE)
    return;

  kw_matrix_pointer_modifiers (self, gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
  kw_matrix_pointer_release (self, offset_x, offset_y);
}

static void
drag_cancel_cb (KwMatrix         *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  kw_matrix_pointer_cancel (self);
}

static void
double_click_cb (KwMatrix        *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  KwMatrixCard *card;

  if (n_press != 2)
    return;

  card = card_at (self, x, y);
  if (card != NULL)
    kw_matrix_emit_finding_activated (self, kw_matrix_card_get_finding (card));
}

static void
motion_cb (KwMatrix                 *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  set_cursor_for_point (self, x, y);
}

/* Dropping a finding from the tray */

/* The modifiers held at the drop: a drop's event carries none on some
 * backends, so the keyboard's own state counts too. */
static GdkModifierType
drop_modifiers (GtkDropTarget *target)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (target));
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (widget));
  GdkDevice *keyboard = seat != NULL ? gdk_seat_get_keyboard (seat) : NULL;

  if (keyboard != NULL)
    state |= gdk_device_get_modifier_state (keyboard);

  return state;
}

static gboolean
drop_cb (KwMatrix      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  KwFinding *finding = g_value_get_object (value);
  double impact, effort;
  KwMatrixCard *card;

  if (finding == NULL || self->board == NULL || !kw_matrix_can_edit (self) || kw_matrix_lookup_card (self, finding) == NULL)
    return FALSE;

  kw_matrix_layout_point_to_score (&self->layout, x, y, &impact, &effort);
  self->pointer_free = wants_free_placement (drop_modifiers (target));
  pointer_target (self, &impact, &effort);
  self->pointer_free = FALSE;

  place_finding (self, finding, impact, effort);

  card = kw_matrix_lookup_card (self, finding);
  if (card != NULL)
    {
      kw_matrix_select_only (self, card);
      gtk_widget_grab_focus (GTK_WIDGET (card));
    }

  return TRUE;
}

void
kw_matrix_input_class_init (GtkWidgetClass *widget_class)
{
  widget_class->set_focus_child = kw_matrix_set_focus_child;
}

void
kw_matrix_input_init (KwMatrix *self)
{
  GtkGesture *drag, *click;
  GtkEventController *motion, *key;
  GtkDropTarget *drop;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect_swapped (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (double_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  /* Together, so claiming the drag does not deny the double-click. */
  gtk_gesture_group (click, drag);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (kw_matrix_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  drop = gtk_drop_target_new (KW_TYPE_FINDING, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
