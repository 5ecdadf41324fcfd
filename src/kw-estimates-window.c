/* kw-estimates-window.c: the window where the facilitator types in the
 * room's estimates, beside the board's own window: the grid (findings
 * down, participants across) and "Discuss first". A window of its own so
 * the matrix stays in view, on the projector if need be, while the
 * numbers go in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-estimates-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-estimates-window.h"
#include "kw-participants-dialog.h"

struct _KwEstimatesWindow
{
  AdwWindow        parent_instance;

  /* Template children */
  AdwViewStack    *view_stack;
  KwEstimatesGrid *grid;
  KwDiscussList   *discuss_list;

  KwHistory       *history;
};

G_DEFINE_FINAL_TYPE (KwEstimatesWindow, kw_estimates_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KwHistory *
kw_estimates_window_get_history (KwEstimatesWindow *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_WINDOW (self), NULL);

  return self->history;
}

void
kw_estimates_window_set_history (KwEstimatesWindow *self,
                                 KwHistory         *history)
{
  g_return_if_fail (KW_IS_ESTIMATES_WINDOW (self));

  if (!g_set_object (&self->history, history))
    return;

  kw_estimates_grid_set_history (self->grid, history);
  kw_discuss_list_set_board (self->discuss_list, history != NULL ? kw_history_get_board (history) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

KwEstimatesGrid *
kw_estimates_window_get_grid (KwEstimatesWindow *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_WINDOW (self), NULL);

  return self->grid;
}

KwDiscussList *
kw_estimates_window_get_discuss_list (KwEstimatesWindow *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_WINDOW (self), NULL);

  return self->discuss_list;
}

void
kw_estimates_window_show_page (KwEstimatesWindow *self,
                               const char        *page)
{
  g_return_if_fail (KW_IS_ESTIMATES_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, page);
  if (g_str_equal (page, "grid"))
    kw_estimates_grid_focus (self->grid);
  else
    {
      GtkListBox *list = kw_discuss_list_get_list (self->discuss_list);
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);

      gtk_widget_grab_focus (first != NULL ? GTK_WIDGET (first) : GTK_WIDGET (list));
    }
}

static void
page_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kw_estimates_window_show_page (KW_ESTIMATES_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
history_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KwEstimatesWindow *self = KW_ESTIMATES_WINDOW (widget);

  if (self->history == NULL)
    return;
  if (g_str_equal (action_name, "estimates.undo"))
    kw_history_undo (self->history);
  else
    kw_history_redo (self->history);
}

static void
participants_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KwEstimatesWindow *self = KW_ESTIMATES_WINDOW (widget);

  if (self->history != NULL)
    gtk_window_present (GTK_WINDOW (kw_participants_dialog_new (GTK_WINDOW (self), self->history)));
}

/* F5 here presents the board of the window this one belongs to, as it
 * does there (the window's actions are not reachable from this one). */
static void
present_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.present", NULL);
}

static void
kw_estimates_window_dispose (GObject *object)
{
  KwEstimatesWindow *self = KW_ESTIMATES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_ESTIMATES_WINDOW);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (kw_estimates_window_parent_class)->dispose (object);
}

static void
kw_estimates_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KwEstimatesWindow *self = KW_ESTIMATES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_estimates_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KwEstimatesWindow *self = KW_ESTIMATES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      kw_estimates_window_set_history (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_estimates_window_class_init (KwEstimatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_estimates_window_dispose;
  object_class->get_property = kw_estimates_window_get_property;
  object_class->set_property = kw_estimates_window_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KW_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-estimates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesWindow, grid);
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesWindow, discuss_list);

  gtk_widget_class_install_action (widget_class, "estimates.page", "s", page_action_cb);
  gtk_widget_class_install_action (widget_class, "estimates.undo", NULL, history_action_cb);
  gtk_widget_class_install_action (widget_class, "estimates.redo", NULL, history_action_cb);
  gtk_widget_class_install_action (widget_class, "estimates.participants", NULL, participants_action_cb);
  gtk_widget_class_install_action (widget_class, "estimates.present", NULL, present_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "estimates.present", NULL);

  g_type_ensure (KW_TYPE_ESTIMATES_GRID);
  g_type_ensure (KW_TYPE_DISCUSS_LIST);
}

static void
kw_estimates_window_init (KwEstimatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KwEstimatesWindow *
kw_estimates_window_new (GtkWindow *parent)
{
  return g_object_new (KW_TYPE_ESTIMATES_WINDOW, "transient-for", parent, "destroy-with-parent", TRUE, NULL);
}
