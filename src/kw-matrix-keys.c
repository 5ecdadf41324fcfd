/* kw-matrix-keys.c: the keyboard on the matrix: the arrow keys move the
 * focused finding (by 0.1, with Shift by 1.0), Enter opens it, Delete
 * asks to delete it, a digit opens the entry that places it by its impact
 * and effort ("8 2,5"), Escape cancels a drag; presenting, the keys of
 * kw-matrix-present.c come first. Focusing a card selects it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix"

#include "config.h"

#include "kw-matrix-private.h"
#include "kw-placement-entry.h"

#define KEY_STEP 0.1
#define KEY_STEP_LARGE 1.0

static KwMatrixCard *
focused_card (KwMatrix *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return KW_IS_MATRIX_CARD (child) ? KW_MATRIX_CARD (child) : NULL;
}

/* On a board that cannot be changed, Enter still opens the details;
 * the keys that would move or delete only sound the bell, so the
 * keyboard user learns the board stays as it is. */
static gboolean
refuse_key (KwMatrix *self,
            guint     keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      kw_matrix_emit_finding_activated (self, kw_matrix_card_get_finding (focused_card (self)));
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      gtk_widget_error_bell (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

gboolean
kw_matrix_handle_key (KwMatrix        *self,
                      guint            keyval,
                      GdkModifierType  state)
{
  KwMatrixCard *card = focused_card (self);
  double step = (state & GDK_SHIFT_MASK) ? KEY_STEP_LARGE : KEY_STEP;

  if (keyval == GDK_KEY_Escape && self->pointer_mode != POINTER_NONE)
    {
      kw_matrix_pointer_cancel (self);
      return GDK_EVENT_STOP;
    }

  /* On the projector, keys zoom and step instead of moving findings. */
  if (kw_matrix_present_handle_key (self, keyval, state))
    return GDK_EVENT_STOP;

  /* Leave Ctrl and Alt shortcuts (undo, save) to the window. */
  if (card == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (!kw_matrix_can_edit (self))
    return refuse_key (self, keyval);

  /* Presenting, digits zoom (1 to 5) or do nothing: never an entry on the
   * projector. */
  if (kw_placement_entry_is_start_key (keyval, state) && self->history != NULL && !self->presentation)
    {
      kw_placement_entry_open (GTK_WIDGET (self), GTK_WIDGET (card), self->history,
                               kw_matrix_card_get_finding (card), keyval);
      return GDK_EVENT_STOP;
    }

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      kw_matrix_move_by_keys (self, card, 0, -step);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      kw_matrix_move_by_keys (self, card, 0, step);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      kw_matrix_move_by_keys (self, card, step, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      kw_matrix_move_by_keys (self, card, -step, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      kw_matrix_emit_finding_activated (self, kw_matrix_card_get_finding (card));
      return GDK_EVENT_STOP;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      kw_matrix_emit_delete_requested (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

gboolean
kw_matrix_key_pressed_cb (KwMatrix              *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  return kw_matrix_handle_key (self, keyval, state);
}

/* Focusing a card selects it, unless it already belongs to the selection
 * (so the keyboard can move a multi-selection), or the pointer is busy
 * choosing the selection itself. */
void
kw_matrix_set_focus_child (GtkWidget *widget,
                           GtkWidget *child)
{
  KwMatrix *self = KW_MATRIX (widget);

  GTK_WIDGET_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget)))->set_focus_child (widget, child);

  if (KW_IS_MATRIX_CARD (child) && !self->pointer_selecting &&
      !kw_matrix_card_get_selected (KW_MATRIX_CARD (child)))
    kw_matrix_select_only (self, KW_MATRIX_CARD (child));
}

