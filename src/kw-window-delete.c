/* kw-window-delete.c: deleting the selected findings, what is selected
 * after, and the toast that offers to undo it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-plan-selection.h"
#include "kw-window-private.h"

GPtrArray *
kw_window_collect_selected (KwWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (findings, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return findings;
}

/* The list the finding shows in: the one with the keyboard focus, or
 * else the tray for an unplaced finding and the outcome lists for one on
 * the matrix. */
static GtkListView *
list_of_finding (KwWindow  *self,
                 KwFinding *finding,
                 GtkWidget *focus)
{
  GtkWidget *tray_list = kw_tray_get_list (self->tray);

  if (focus != NULL && (focus == tray_list || gtk_widget_is_ancestor (focus, tray_list)))
    return GTK_LIST_VIEW (tray_list);
  if (focus != NULL && (focus == GTK_WIDGET (self->plan_view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->plan_view))))
    return self->plan_view;

  return kw_finding_get_placed (finding) ? self->plan_view : GTK_LIST_VIEW (tray_list);
}

/* After a delete the next finding of the same list takes the selection
 * and the keyboard, so a second Delete removes the one now shown
 * selected, never one somewhere else. */
typedef enum
{
  FOCUS_ELSEWHERE,
  FOCUS_IN_LIST,
  FOCUS_IN_MATRIX,
} DeleteFocus;

static DeleteFocus
where_is_focus (KwWindow    *self,
                GtkListView *list,
                GtkWidget   *focus)
{
  if (focus == NULL)
    return FOCUS_ELSEWHERE;
  if (focus == GTK_WIDGET (list) || gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    return FOCUS_IN_LIST;
  if (focus == GTK_WIDGET (self->matrix) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->matrix)))
    return FOCUS_IN_MATRIX;
  return FOCUS_ELSEWHERE;
}

static void
select_after_delete (KwWindow    *self,
                     GtkListView *list,
                     KwFinding   *successor,
                     DeleteFocus  focus)
{
  if (successor == NULL)
    {
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      /* The focused row is gone: the list keeps the keyboard. */
      if (focus == FOCUS_IN_LIST)
        gtk_widget_grab_focus (GTK_WIDGET (list));
      return;
    }

  /* Focus first: a focused card selects itself. */
  if (focus == FOCUS_IN_MATRIX)
    kw_matrix_focus_finding (self->matrix, successor);
  else if (focus == FOCUS_IN_LIST)
    kw_plan_selection_focus_finding (list, successor);
  kw_window_select_only (self, successor);
}

/* The Undo toast stays until the board changes again, or 10 s: long
 * enough to notice the wrong finding went, gone once it no longer
 * undoes the delete alone. */
#define DELETE_TOAST_TIMEOUT_S 10

#define TOAST_DISMISSED_KEY "kw-dismissed"
#define TOAST_SHOWN_KEY "kw-shown-at"
#define TOAST_OVERLAY_KEY "kw-overlay"
/* libadwaita 1.2 crashes when a toast is dismissed while it is still
 * sliding in (half a second when it replaces another one): its hiding
 * ends first and frees what the sliding-in still uses. The sliding-in
 * runs on the window's frame clock, so a change soon after the delete
 * takes the toast away after the first frame drawn past that half
 * second (with a margin): never earlier, however late the frames come
 * on a busy machine. */
#define TOAST_SETTLE_US (600 * G_TIME_SPAN_MILLISECOND)

static void
delete_toast_dismissed_cb (AdwToast *toast,
                           KwBoard  *board)
{
  g_object_set_data (G_OBJECT (toast), TOAST_DISMISSED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_handlers_disconnect_by_data (board, toast);
}

/* In an idle, not within the frame or the change: the frame's other
 * tick callbacks (the toast's own animation) finish first, and the change
 * may be the toast's own Undo, which dismisses it already. */
static gboolean
dismiss_delete_toast_cb (gpointer data)
{
  AdwToast *toast = data;

  if (g_object_get_data (G_OBJECT (toast), TOAST_DISMISSED_KEY) == NULL)
    adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

static void
dismiss_delete_toast_later (AdwToast *toast)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, dismiss_delete_toast_cb,
                   g_object_ref (toast), g_object_unref);
}

static gboolean
toast_settled_tick_cb (GtkWidget     *overlay,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  AdwToast *toast = data;
  gint64 *shown_at = g_object_get_data (G_OBJECT (toast), TOAST_SHOWN_KEY);

  if (gdk_frame_clock_get_frame_time (clock) < *shown_at + TOAST_SETTLE_US)
    return G_SOURCE_CONTINUE;

  dismiss_delete_toast_later (toast);
  return G_SOURCE_REMOVE;
}

static void
board_changed_after_delete_cb (AdwToast *toast,
                               KwBoard  *board)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), TOAST_OVERLAY_KEY);

  g_signal_handlers_disconnect_by_func (board, board_changed_after_delete_cb, toast);
  /* Unmapped, nothing slides: libadwaita skips its animations. */
  if (!gtk_widget_get_mapped (overlay))
    dismiss_delete_toast_later (toast);
  else
    gtk_widget_add_tick_callback (overlay, toast_settled_tick_cb,
                                  g_object_ref (toast), g_object_unref);
}

static void
show_delete_toast (KwWindow   *self,
                   const char *message)
{
  AdwToast *toast = adw_toast_new (message);
  KwBoard *board = kw_window_board (self);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, DELETE_TOAST_TIMEOUT_S);
  g_object_set_data_full (G_OBJECT (toast), TOAST_SHOWN_KEY, g_memdup2 (&(gint64) { g_get_monotonic_time () }, sizeof (gint64)), g_free);
  /* Dropped with the toast, which the overlay drops when it is dismissed
   * or the window goes. */
  g_object_set_data_full (G_OBJECT (toast), TOAST_OVERLAY_KEY, g_object_ref (self->toast_overlay), g_object_unref);
  g_signal_connect_object (board, "changed", G_CALLBACK (board_changed_after_delete_cb), toast, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), board, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
kw_window_delete_selected (KwWindow *self)
{
  g_autoptr(GPtrArray) findings = kw_window_collect_selected (self);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(KwFinding) successor = NULL;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GtkListView *list;
  DeleteFocus where;

  /* The matrix and the lists ask too, not only the disabled action. */
  if (findings->len == 0 || kw_document_get_read_only (self->document))
    return;

  list = list_of_finding (self, findings->pdata[0], focus);
  successor = kw_plan_selection_get_successor (KW_PLAN_SELECTION (gtk_list_view_get_model (list)),
                                               findings->pdata[0], findings);
  if (successor != NULL)
    g_object_ref (successor);
  /* Asked now: the focused row goes with its finding. */
  where = where_is_focus (self, list, focus);

  if (findings->len == 1)
    {
      /* A toast's title is Pango markup in libadwaita 1.2. */
      g_autofree char *title = g_markup_escape_text (kw_finding_get_title (findings->pdata[0]), -1);

      label = g_strdup (_("Delete Finding"));
      message = g_strdup_printf (_("Deleted “%s”"), title);
    }
  else
    {
      label = g_strdup_printf (ngettext ("Delete %u Finding", "Delete %u Findings", findings->len),
                               findings->len);
      message = g_strdup_printf (ngettext ("Deleted %u finding", "Deleted %u findings", findings->len),
                                 findings->len);
    }

  kw_history_begin_group (kw_window_history (self), label);
  for (guint i = 0; i < findings->len; i++)
    kw_history_remove (kw_window_history (self), findings->pdata[i]);
  kw_history_end_group (kw_window_history (self));

  select_after_delete (self, list, successor, where);
  show_delete_toast (self, message);
}
