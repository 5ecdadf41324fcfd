/* kw-tray.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-tray"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-placement-entry.h"
#include "kw-plan-item.h"
#include "kw-plan-selection.h"
#include "kw-plan-row.h"
#include "kw-text.h"
#include "kw-tray.h"

struct _KwTray
{
  GtkWidget          parent_instance;

  GtkWidget         *entry;
  GtkWidget         *heading;
  GtkWidget         *count;
  GtkWidget         *stack;
  GtkWidget         *list;

  KwHistory         *history;
  GtkSelectionModel *model;

  guint              adding : 1;
  guint              editable : 1;
};

G_DEFINE_FINAL_TYPE (KwTray, kw_tray, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Adding */

static GPtrArray *
split_titles (const char *text)
{
  g_autofree char *clean = kw_text_clean (text, FALSE);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* Lines pasted from a spreadsheet or a list come with tabs and
       * spaces around them: trim them, and skip blank lines. */
      g_autofree char *title = kw_text_clean (lines[i], TRUE);

      if (*title != '\0')
        g_ptr_array_add (titles, g_steal_pointer (&title));
    }

  return titles;
}

guint
kw_tray_add_findings (KwTray     *self,
                      const char *text)
{
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (KW_IS_TRAY (self), 0);

  if (self->history == NULL || text == NULL || !self->editable)
    return 0;

  titles = split_titles (text);
  if (titles->len == 0)
    return 0;

  /* One title is the history's own "Add Finding"; more are one step. */
  if (titles->len > 1)
    {
      label = g_strdup_printf (ngettext ("Add %u Finding", "Add %u Findings", titles->len), titles->len);
      kw_history_begin_group (self->history, label);
    }
  for (guint i = 0; i < titles->len; i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (g_ptr_array_index (titles, i));

      kw_history_add (self->history, finding, G_MAXUINT);
    }
  if (titles->len > 1)
    kw_history_end_group (self->history);

  return titles->len;
}

static void
entry_activate_cb (KwTray   *self,
                   GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (kw_tray_add_findings (self, text) > 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_error_bell (GTK_WIDGET (entry));
}

/* A paste of several lines arrives as one change with newlines in it:
 * each line becomes a finding at once, so nobody has to press Enter on a
 * text that shows as one long line. */
static void
entry_changed_cb (KwTray      *self,
                  GtkEditable *editable)
{
  g_autofree char *text = NULL;

  if (self->adding || strchr (gtk_editable_get_text (editable), '\n') == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (editable));
  self->adding = TRUE;
  kw_tray_add_findings (self, text);
  gtk_editable_set_text (editable, "");
  self->adding = FALSE;
}

/* The list */

static KwFinding *
row_get_finding (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "kw-finding");
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 KwTray        *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  KwFinding *finding = row_get_finding (row);

  /* No drag at all: a board that cannot be changed keeps its tray. */
  if (finding == NULL || !self->editable)
    return NULL;

  return gdk_content_provider_new_typed (KW_TYPE_FINDING, finding);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               KwTray        *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  KwFinding *finding = row_get_finding (row);
  GtkWidget *label;

  if (finding == NULL)
    return;

  /* A small card with the title, like the one it becomes on the matrix. */
  label = gtk_label_new (kw_finding_get_title (finding));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, "kw-drag-card");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), label);
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               KwTray                   *self)
{
  GtkWidget *row = kw_plan_row_new ();
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_list_item_set_child (list_item, row);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              KwTray                   *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  KwPlanItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *item_widget = gtk_widget_get_parent (row);

  kw_plan_row_bind (KW_PLAN_ROW (row), item, kw_history_get_board (self->history));
  g_object_set_data_full (G_OBJECT (row), "kw-finding",
                          g_object_ref (kw_plan_item_get_finding (item)), g_object_unref);

  /* Screen readers announce the list item's own widget. */
  if (item_widget != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    kw_plan_row_get_accessible_text (KW_PLAN_ROW (row)),
                                    -1);
}

static void
item_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                KwTray                   *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  kw_plan_row_bind (KW_PLAN_ROW (row), NULL, NULL);
  g_object_set_data (G_OBJECT (row), "kw-finding", NULL);
}

static void
list_activate_cb (KwTray      *self,
                  guint        position,
                  GtkListView *list)
{
  g_autoptr(KwPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item != NULL && kw_plan_item_get_kind (item) == KW_PLAN_ITEM_FINDING)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, kw_plan_item_get_finding (item));
}

static void
kw_tray_update_count (KwTray *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *number = g_strdup_printf ("%u", n);

  gtk_label_set_text (GTK_LABEL (self->count), number);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), n > 0 ? "list" : "empty");
}

static void
model_items_changed_cb (KwTray     *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  kw_tray_update_count (self);
}

/* A digit typed on an unplaced finding opens the placement entry; it
 * places through the history only while the board can change. */
static KwHistory *
placement_history (gpointer user_data)
{
  KwTray *self = user_data;

  return self->editable ? self->history : NULL;
}

/* Building */

static GtkWidget *
build_heading (KwTray *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->heading = gtk_label_new (_("Unplaced"));
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_set_hexpand (self->heading, TRUE);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_box_append (GTK_BOX (box), self->heading);

  self->count = gtk_label_new ("0");
  gtk_widget_add_css_class (self->count, "dim-label");
  gtk_widget_add_css_class (self->count, "numeric");
  gtk_box_append (GTK_BOX (box), self->count);

  return box;
}

static GtkWidget *
build_list (KwTray *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty;

  g_signal_connect_object (factory, "setup", G_CALLBACK (item_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (item_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (item_unbind_cb), self, 0);

  self->list = gtk_list_view_new (NULL, factory);
  gtk_widget_add_css_class (self->list, "kw-tray-list");
  gtk_widget_add_css_class (self->list, "kw-plan");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unplaced findings"),
                                  -1);
  g_signal_connect_object (self->list, "activate", G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);
  kw_plan_selection_track_rows (GTK_LIST_VIEW (self->list));
  kw_placement_entry_attach_list (GTK_LIST_VIEW (self->list), placement_history, self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);

  empty = gtk_label_new (_("New findings land here. Drag them onto the matrix, or set their impact and effort in the details."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (empty), 30);
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_add_css_class (empty, "kw-tray-empty");

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  /* The hint's natural width would widen the whole sidebar. */
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);

  return self->stack;
}

static void
kw_tray_dispose (GObject *object)
{
  KwTray *self = KW_TRAY (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->history);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kw_tray_parent_class)->dispose (object);
}

static void
kw_tray_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KwTray *self = KW_TRAY (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_tray_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KwTray *self = KW_TRAY (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      kw_tray_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_tray_class_init (KwTrayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_tray_dispose;
  object_class->get_property = kw_tray_get_property;
  object_class->set_property = kw_tray_set_property;

  /**
   * KwTray:editable:
   *
   * Whether findings can be added and dragged onto the matrix; FALSE for
   * a board that is only shown (the quick-add entry is insensitive).
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_FINDING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kw-tray");
}

static void
kw_tray_init (KwTray *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->editable = TRUE;

  self->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Add a finding…"));
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (self->entry), GTK_ENTRY_ICON_PRIMARY, "list-add-symbolic");
  gtk_widget_set_tooltip_text (self->entry, _("Type a title and press Enter; paste several lines to add several findings (Ctrl+L)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New finding title"),
                                  -1);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));

  gtk_widget_set_parent (build_heading (self), GTK_WIDGET (self));
  gtk_widget_set_parent (build_list (self), GTK_WIDGET (self));
  /* Where keyboard placements say what became of the finding. */
  gtk_widget_set_parent (kw_a11y_announcer_new (), GTK_WIDGET (self));

  kw_tray_update_count (self);
}

GtkWidget *
kw_tray_new (void)
{
  return g_object_new (KW_TYPE_TRAY, NULL);
}

void
kw_tray_set_history (KwTray    *self,
                     KwHistory *history)
{
  g_return_if_fail (KW_IS_TRAY (self));
  g_return_if_fail (history == NULL || KW_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

void
kw_tray_set_model (KwTray            *self,
                   GtkSelectionModel *model)
{
  g_return_if_fail (KW_IS_TRAY (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_model (GTK_LIST_VIEW (self->list), model);
  kw_tray_update_count (self);
}

gboolean
kw_tray_get_editable (KwTray *self)
{
  g_return_val_if_fail (KW_IS_TRAY (self), FALSE);

  return self->editable;
}

void
kw_tray_set_editable (KwTray   *self,
                      gboolean  editable)
{
  g_return_if_fail (KW_IS_TRAY (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  /* Whatever was typed but not added stays, for when it can be added. */
  gtk_widget_set_sensitive (self->entry, editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

GtkEditable *
kw_tray_get_entry (KwTray *self)
{
  g_return_val_if_fail (KW_IS_TRAY (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GtkWidget *
kw_tray_get_list (KwTray *self)
{
  g_return_val_if_fail (KW_IS_TRAY (self), NULL);

  return self->list;
}
