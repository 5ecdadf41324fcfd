/* kw-changes-panel.c
 *
 * KwChanges is made once and does not follow the board: the panel makes
 * a new one when the board says "changed", in an idle, so the many
 * changes of one drag or one undo make one new list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-changes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-changes-panel.h"
#include "kw-snapshots-dialog.h"

struct _KwChangesPanel
{
  GtkWidget           parent_instance;

  KwBoard            *board;
  KwSnapshot         *snapshot;
  KwChanges          *changes;
  GtkSingleSelection *selection;
  guint               update_idle_id;

  /* Template children */
  GtkLabel           *heading;
  GtkLabel           *when;
  GtkLabel           *empty_label;
  GtkListView        *list;
};

G_DEFINE_FINAL_TYPE (KwChangesPanel, kw_changes_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_SNAPSHOT,
  PROP_CHANGES,
  N_PROPS
};

enum {
  SIGNAL_CHANGE_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_heading (KwChangesPanel *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;

  if (self->snapshot == NULL)
    {
      gtk_label_set_label (self->heading, "");
      gtk_label_set_label (self->when, "");
      return;
    }

  /* Translators: the heading of the list of what moved since a snapshot;
   * %s is the snapshot's name. */
  heading = g_strdup_printf (_("Changes since %s"), kw_snapshot_get_name (self->snapshot));
  when = kw_snapshot_dup_display_time (self->snapshot);
  gtk_label_set_label (self->heading, heading);
  gtk_label_set_label (self->when, when);
}

void
kw_changes_panel_update_now (KwChangesPanel *self)
{
  g_return_if_fail (KW_IS_CHANGES_PANEL (self));

  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  g_clear_object (&self->changes);
  if (self->board != NULL && self->snapshot != NULL)
    self->changes = kw_changes_new (self->snapshot, self->board);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->changes));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          self->changes != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->changes)) == 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES]);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  KwChangesPanel *self = user_data;

  self->update_idle_id = 0;
  kw_changes_panel_update_now (self);

  return G_SOURCE_REMOVE;
}

static void
board_changed_cb (KwChangesPanel *self)
{
  if (self->update_idle_id == 0 && self->snapshot != NULL)
    self->update_idle_id = g_idle_add (update_idle_cb, self);
}

/* A snapshot deleted (or its taking undone) cannot be compared with. */
static void
snapshots_changed_cb (KwChangesPanel *self)
{
  if (self->snapshot != NULL && self->board != NULL &&
      kw_board_lookup_snapshot (self->board, kw_snapshot_get_name (self->snapshot)) != self->snapshot)
    kw_changes_panel_set_snapshot (self, NULL);
  else
    update_heading (self);
}

void
kw_changes_panel_set_board (KwChangesPanel *self,
                            KwBoard        *board)
{
  g_return_if_fail (KW_IS_CHANGES_PANEL (self));
  g_return_if_fail (board == NULL || KW_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->board, self);
      g_signal_handlers_disconnect_by_data (kw_board_get_snapshots (self->board), self);
    }
  g_set_object (&self->board, board);
  if (board != NULL)
    {
      g_signal_connect_object (board, "changed", G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (kw_board_get_snapshots (board), "items-changed",
                               G_CALLBACK (snapshots_changed_cb), self, G_CONNECT_SWAPPED);
    }

  kw_changes_panel_set_snapshot (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

KwSnapshot *
kw_changes_panel_get_snapshot (KwChangesPanel *self)
{
  g_return_val_if_fail (KW_IS_CHANGES_PANEL (self), NULL);

  return self->snapshot;
}

void
kw_changes_panel_set_snapshot (KwChangesPanel *self,
                               KwSnapshot     *snapshot)
{
  g_return_if_fail (KW_IS_CHANGES_PANEL (self));
  g_return_if_fail (snapshot == NULL || KW_IS_SNAPSHOT (snapshot));

  if (self->snapshot == snapshot)
    return;

  if (self->snapshot != NULL)
    g_signal_handlers_disconnect_by_data (self->snapshot, self);
  g_set_object (&self->snapshot, snapshot);
  if (snapshot != NULL)
    g_signal_connect_object (snapshot, "notify::name", G_CALLBACK (update_heading), self, G_CONNECT_SWAPPED);

  update_heading (self);
  kw_changes_panel_update_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
}

KwChanges *
kw_changes_panel_get_changes (KwChangesPanel *self)
{
  g_return_val_if_fail (KW_IS_CHANGES_PANEL (self), NULL);

  return self->changes;
}

GtkWidget *
kw_changes_panel_get_list (KwChangesPanel *self)
{
  g_return_val_if_fail (KW_IS_CHANGES_PANEL (self), NULL);

  return GTK_WIDGET (self->list);
}

static void
change_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_list_item_set_child (item, label);
}

/* The row shows the short line; a screen reader reads the sentence. */
static void
change_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  KwChange *change = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = kw_change_get_text (change);
  g_autofree char *sentence = kw_change_get_accessible_text (change);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
}

static void
selected_cb (KwChangesPanel     *self,
             GParamSpec         *pspec,
             GtkSingleSelection *selection)
{
  KwChange *change = gtk_single_selection_get_selected_item (selection);

  if (change != NULL)
    g_signal_emit (self, signals[SIGNAL_CHANGE_SELECTED], 0, change);
}

static void
kw_changes_panel_dispose (GObject *object)
{
  KwChangesPanel *self = KW_CHANGES_PANEL (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  kw_changes_panel_set_board (self, NULL);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->changes);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_CHANGES_PANEL);
  /* GTK 4.8 unparents only the bound children; the template's box is not. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (kw_changes_panel_parent_class)->dispose (object);
}

static void
kw_changes_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KwChangesPanel *self = KW_CHANGES_PANEL (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;
    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_changes_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KwChangesPanel *self = KW_CHANGES_PANEL (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      kw_changes_panel_set_board (self, g_value_get_object (value));
      break;
    case PROP_SNAPSHOT:
      kw_changes_panel_set_snapshot (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_changes_panel_class_init (KwChangesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_changes_panel_dispose;
  object_class->get_property = kw_changes_panel_get_property;
  object_class->set_property = kw_changes_panel_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, KW_TYPE_BOARD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL, KW_TYPE_SNAPSHOT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGES] =
    g_param_spec_object ("changes", NULL, NULL, KW_TYPE_CHANGES,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGE_SELECTED] =
    g_signal_new ("change-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_CHANGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/kwadrant/Kwadrant/kw-changes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KwChangesPanel, heading);
  gtk_widget_class_bind_template_child (widget_class, KwChangesPanel, when);
  gtk_widget_class_bind_template_child (widget_class, KwChangesPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, KwChangesPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, change_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_bind_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kw-changes-panel");
}

static void
kw_changes_panel_init (KwChangesPanel *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
kw_changes_panel_new (void)
{
  return g_object_new (KW_TYPE_CHANGES_PANEL, NULL);
}
