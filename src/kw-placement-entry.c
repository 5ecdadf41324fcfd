/* kw-placement-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-placement-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-matrix.h"
#include "kw-placement-entry.h"
#include "kw-plan-row.h"
#include "kw-plan-selection.h"
#include "kw-score-pair.h"

#define HOST_ENTRY_KEY "kw-placement-entry"

struct _KwPlacementEntry
{
  GtkPopover  parent_instance;

  /* Template children */
  GtkEntry   *entry;
  GtkLabel   *error_label;

  GtkWidget  *host;      /* the parent: a list view or the matrix */
  KwHistory  *history;
  KwFinding  *finding;
  /* What takes the keyboard when finding leaves host's list on being
   * placed (the tray's next finding). */
  KwFinding  *successor;
  char       *error;
  gboolean    placing;
  guint       ticks;
};

G_DEFINE_FINAL_TYPE (KwPlacementEntry, kw_placement_entry, GTK_TYPE_POPOVER)

/* Where the keyboard goes after Enter */

/* In a list, the placed finding's row when it still shows there (an
 * outcome list), else the next one (the tray, which it left); on the
 * matrix, its card. The finding there is selected too, as an arrow key
 * would select it. */
static void
return_focus (KwPlacementEntry *self)
{
  GtkListView *view;
  GtkSelectionModel *model;
  KwFinding *target;
  guint position;

  if (KW_IS_MATRIX (self->host))
    {
      kw_matrix_focus_finding (KW_MATRIX (self->host), self->finding);
      return;
    }

  view = GTK_LIST_VIEW (self->host);
  model = gtk_list_view_get_model (view);
  if (!KW_IS_PLAN_SELECTION (model))
    return;

  target = kw_plan_selection_find (KW_PLAN_SELECTION (model), self->finding, NULL) ? self->finding : self->successor;
  if (target == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (view));
      return;
    }

  kw_plan_selection_focus_finding (view, target);
  if (kw_plan_selection_find (KW_PLAN_SELECTION (model), target, &position))
    gtk_selection_model_select_item (model, position, TRUE);
}

/* The lists follow the board in an idle: the keyboard goes back once
 * the placed finding's row shows where it now belongs (a few frames at
 * most; the count only keeps a list that never catches up from asking
 * forever). */
static gboolean
return_focus_tick_cb (GtkWidget     *host,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  KwPlacementEntry *self = data;
  GtkSelectionModel *model = GTK_IS_LIST_VIEW (host) ? gtk_list_view_get_model (GTK_LIST_VIEW (host)) : NULL;

  if (self->finding == NULL)
    return G_SOURCE_REMOVE;

  if (KW_IS_PLAN_SELECTION (model) && self->ticks++ < 100 &&
      kw_plan_selection_is_behind (KW_PLAN_SELECTION (model), self->finding,
                                   kw_board_classify_finding (kw_history_get_board (self->history), self->finding)))
    return G_SOURCE_CONTINUE;

  return_focus (self);
  return G_SOURCE_REMOVE;
}

static void
return_focus_after_change (KwPlacementEntry *self)
{
  self->ticks = 0;
  gtk_widget_add_tick_callback (self->host, return_focus_tick_cb, g_object_ref (self), g_object_unref);
}

static void
announce_outcome (KwPlacementEntry *self)
{
  KwBoard *board = kw_history_get_board (self->history);
  g_autofree char *impact = kw_plan_format_score (kw_finding_get_impact (self->finding));
  g_autofree char *effort = kw_plan_format_score (kw_finding_get_effort (self->finding));
  g_autofree char *message = NULL;

  /* Translators: said and shown after a finding is placed by keyboard,
   * e.g. "“Clearer letters” is a quick win (impact 8.0, effort 2.5)". */
  message = g_strdup_printf (_("“%s” is a %s (impact %s, effort %s)"),
                             kw_finding_get_title (self->finding),
                             kw_plan_outcome_singular (kw_board_classify_finding (board, self->finding)),
                             impact, effort);
  kw_a11y_announce (self->host, message);
}

/* Entering */

static void
show_error (KwPlacementEntry *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  /* Its parent lays out no popovers (a list, the matrix): the popover
   * takes its new size only when presented again. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_popover_present (GTK_POPOVER (self));
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      /* A screen reader hears why, in the entry's own description. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_widget_error_bell (GTK_WIDGET (self->entry));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
entry_activate_cb (KwPlacementEntry *self,
                   GtkEntry         *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwFinding) finding = NULL;
  double impact, effort;

  if (self->finding == NULL || self->history == NULL)
    return;

  if (!kw_score_pair_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), &impact, &effort, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* Closed first: the row the popover points at may go with the change. */
  finding = g_object_ref (self->finding);
  self->placing = TRUE;
  gtk_popover_popdown (GTK_POPOVER (self));
  self->placing = FALSE;
  kw_history_place (self->history, finding, impact, effort);

  g_set_object (&self->finding, finding);
  return_focus_after_change (self);
  announce_outcome (self);
}

static void
entry_changed_cb (KwPlacementEntry *self)
{
  if (self->error != NULL)
    show_error (self, NULL);
}

/* Escape, a click elsewhere or Enter: the keyboard goes back to the
 * finding's row or card when nothing else took it. */
static void
closed_cb (KwPlacementEntry *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->host));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->placing)
    return;
  if (self->finding != NULL && (focus == NULL || focus == GTK_WIDGET (self) ||
                                gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
    return_focus (self);
}

/* Opening */

gboolean
kw_placement_entry_is_start_key (guint           keyval,
                                 GdkModifierType state)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  return (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9) ||
         (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9);
}

static void
host_destroy_cb (GtkWidget        *host,
                 KwPlacementEntry *self)
{
  g_object_set_data (G_OBJECT (host), HOST_ENTRY_KEY, NULL);
  gtk_widget_unparent (GTK_WIDGET (self));
}

static KwPlacementEntry *
ensure_entry (GtkWidget *host)
{
  KwPlacementEntry *self = g_object_get_data (G_OBJECT (host), HOST_ENTRY_KEY);

  if (self != NULL)
    return self;

  self = g_object_new (KW_TYPE_PLACEMENT_ENTRY, NULL);
  self->host = host;
  gtk_widget_set_parent (GTK_WIDGET (self), host);
  g_object_set_data (G_OBJECT (host), HOST_ENTRY_KEY, self);
  g_signal_connect_object (host, "destroy", G_CALLBACK (host_destroy_cb), self, 0);

  return self;
}

static KwFinding *
find_successor (GtkWidget *host,
                KwFinding *finding)
{
  GtkSelectionModel *model;

  if (!GTK_IS_LIST_VIEW (host))
    return NULL;

  model = gtk_list_view_get_model (GTK_LIST_VIEW (host));
  if (!KW_IS_PLAN_SELECTION (model))
    return NULL;

  return kw_plan_selection_get_successor (KW_PLAN_SELECTION (model), finding, NULL);
}

KwPlacementEntry *
kw_placement_entry_open (GtkWidget *host,
                         GtkWidget *anchor,
                         KwHistory *history,
                         KwFinding *finding,
                         guint      keyval)
{
  KwPlacementEntry *self;
  graphene_rect_t bounds;
  char digit[2] = { 0, 0 };

  g_return_val_if_fail (GTK_IS_WIDGET (host), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (anchor), NULL);
  g_return_val_if_fail (KW_IS_HISTORY (history), NULL);
  g_return_val_if_fail (KW_IS_FINDING (finding), NULL);
  g_return_val_if_fail (kw_placement_entry_is_start_key (keyval, 0), NULL);

  self = ensure_entry (host);
  g_set_object (&self->history, history);
  g_set_object (&self->finding, finding);
  g_set_object (&self->successor, find_successor (host, finding));

  if (gtk_widget_compute_bounds (anchor, host, &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self), &(GdkRectangle) {
                                   (int) bounds.origin.x, (int) bounds.origin.y,
                                   (int) bounds.size.width, (int) bounds.size.height });

  digit[0] = (char) ('0' + (keyval >= GDK_KEY_KP_0 ? keyval - GDK_KEY_KP_0 : keyval - GDK_KEY_0));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), digit);
  show_error (self, NULL);

  gtk_popover_popup (GTK_POPOVER (self));
  /* The digit stays, the cursor after it: the next key adds to it. */
  gtk_entry_grab_focus_without_selecting (self->entry);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);

  return self;
}

/* Lists */

typedef struct
{
  KwPlacementHistoryFunc history_func;
  gpointer               user_data;
} ListHost;

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     ListHost              *list_host)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  KwFinding *finding;
  KwHistory *history;
  GtkWidget *anchor;

  if (!kw_placement_entry_is_start_key (keyval, state) || focus == NULL)
    return GDK_EVENT_PROPAGATE;

  finding = kw_plan_selection_row_finding (GTK_LIST_VIEW (view), focus);
  if (finding == NULL)
    return GDK_EVENT_PROPAGATE;

  history = list_host->history_func (list_host->user_data);
  if (history == NULL)
    {
      gtk_widget_error_bell (view);
      return GDK_EVENT_STOP;
    }

  /* The row itself: the list item widget that holds the focus. */
  anchor = focus;
  while (gtk_widget_get_parent (anchor) != view)
    anchor = gtk_widget_get_parent (anchor);

  kw_placement_entry_open (view, anchor, history, finding, keyval);
  return GDK_EVENT_STOP;
}

void
kw_placement_entry_attach_list (GtkListView            *view,
                                KwPlacementHistoryFunc  history_func,
                                gpointer                user_data)
{
  GtkEventController *controller;
  ListHost *list_host;

  g_return_if_fail (GTK_IS_LIST_VIEW (view));
  g_return_if_fail (history_func != NULL);

  list_host = g_new0 (ListHost, 1);
  list_host->history_func = history_func;
  list_host->user_data = user_data;

  controller = gtk_event_controller_key_new ();
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb),
                         list_host, (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

/* GObject */

static void
kw_placement_entry_dispose (GObject *object)
{
  KwPlacementEntry *self = KW_PLACEMENT_ENTRY (object);

  g_clear_object (&self->history);
  g_clear_object (&self->finding);
  g_clear_object (&self->successor);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_PLACEMENT_ENTRY);

  G_OBJECT_CLASS (kw_placement_entry_parent_class)->dispose (object);
}

static void
kw_placement_entry_finalize (GObject *object)
{
  KwPlacementEntry *self = KW_PLACEMENT_ENTRY (object);

  g_free (self->error);

  G_OBJECT_CLASS (kw_placement_entry_parent_class)->finalize (object);
}

static void
kw_placement_entry_class_init (KwPlacementEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_placement_entry_dispose;
  object_class->finalize = kw_placement_entry_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-placement-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, KwPlacementEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, KwPlacementEntry, error_label);
}

static void
kw_placement_entry_init (KwPlacementEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);
}

GtkEditable *
kw_placement_entry_get_editable (KwPlacementEntry *self)
{
  g_return_val_if_fail (KW_IS_PLACEMENT_ENTRY (self), NULL);

  return GTK_EDITABLE (self->entry);
}

const char *
kw_placement_entry_get_error (KwPlacementEntry *self)
{
  g_return_val_if_fail (KW_IS_PLACEMENT_ENTRY (self), NULL);

  return self->error;
}
