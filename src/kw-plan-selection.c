/* kw-plan-selection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-selection"

#include "config.h"

#include "kw-finding.h"
#include "kw-plan-item.h"
#include "kw-plan-selection.h"

struct _KwPlanSelection
{
  GObject            parent_instance;

  GListModel        *model;
  GtkSelectionModel *shared;
  /* KwFinding -> its position in shared + 1; built when first needed,
   * dropped whenever the shared model changes. */
  GHashTable        *positions;
};

static void kw_plan_selection_list_model_init (GListModelInterface *iface);
static void kw_plan_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwPlanSelection, kw_plan_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kw_plan_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, kw_plan_selection_selection_model_init))

/* Mapping rows to the shared model */

static GHashTable *
ensure_positions (KwPlanSelection *self)
{
  GListModel *shared = G_LIST_MODEL (self->shared);
  guint n;

  if (self->positions != NULL)
    return self->positions;

  /* One pass over the board instead of a search per row. */
  self->positions = g_hash_table_new (NULL, NULL);
  n = g_list_model_get_n_items (shared);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shared, i);

      g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
    }

  return self->positions;
}

/* Where the row's finding is in the shared model; FALSE for headings and
 * other rows without a finding. */
static gboolean
lookup_shared_position (KwPlanSelection *self,
                        guint            position,
                        guint           *shared_position)
{
  g_autoptr(KwPlanItem) item = g_list_model_get_item (self->model, position);
  KwFinding *finding;
  gpointer value;

  if (item == NULL || kw_plan_item_get_kind (item) != KW_PLAN_ITEM_FINDING)
    return FALSE;

  finding = kw_plan_item_get_finding (item);
  value = g_hash_table_lookup (ensure_positions (self), finding);
  if (value == NULL)
    return FALSE;

  *shared_position = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

/* GListModel: forwards the wrapped model */

static GType
kw_plan_selection_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (KW_PLAN_SELECTION (model)->model);
}

static guint
kw_plan_selection_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (KW_PLAN_SELECTION (model)->model);
}

static gpointer
kw_plan_selection_get_item (GListModel *model,
                            guint       position)
{
  return g_list_model_get_item (KW_PLAN_SELECTION (model)->model, position);
}

static void
kw_plan_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_plan_selection_get_item_type;
  iface->get_n_items = kw_plan_selection_get_n_items;
  iface->get_item = kw_plan_selection_get_item;
}

/* GtkSelectionModel */

static gboolean
kw_plan_selection_is_selected (GtkSelectionModel *model,
                               guint              position)
{
  KwPlanSelection *self = KW_PLAN_SELECTION (model);
  guint shared_position;

  return lookup_shared_position (self, position, &shared_position) &&
         gtk_selection_model_is_selected (self->shared, shared_position);
}

static GtkBitset *
kw_plan_selection_get_selection_in_range (GtkSelectionModel *model,
                                          guint              position,
                                          guint              n_items)
{
  GtkBitset *selected = gtk_bitset_new_empty ();

  for (guint i = position; i < position + n_items; i++)
    {
      if (kw_plan_selection_is_selected (model, i))
        gtk_bitset_add (selected, i);
    }

  return selected;
}

static gboolean
kw_plan_selection_set_selection (GtkSelectionModel *model,
                                 GtkBitset         *selected,
                                 GtkBitset         *mask)
{
  KwPlanSelection *self = KW_PLAN_SELECTION (model);
  guint n_items = g_list_model_get_n_items (self->model);
  g_autoptr(GtkBitset) shared_selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) shared_mask = gtk_bitset_new_empty ();
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, mask, &position);
       ok && position < n_items;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      guint shared_position;

      if (!lookup_shared_position (self, position, &shared_position))
        continue;

      gtk_bitset_add (shared_mask, shared_position);
      if (gtk_bitset_contains (selected, position))
        gtk_bitset_add (shared_selected, shared_position);
    }

  /* A mask over this whole list means "and nothing else": a plain click
   * in a list selects that one finding, also on the matrix. */
  if (n_items > 0 && gtk_bitset_get_size_in_range (mask, 0, n_items - 1) == n_items)
    gtk_bitset_add_range (shared_mask, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shared)));

  return gtk_selection_model_set_selection (self->shared, shared_selected, shared_mask);
}

static void
kw_plan_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = kw_plan_selection_is_selected;
  iface->get_selection_in_range = kw_plan_selection_get_selection_in_range;
  iface->set_selection = kw_plan_selection_set_selection;
}

/* Following the models */

static void
model_items_changed_cb (KwPlanSelection *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
shared_selection_changed_cb (KwPlanSelection   *self,
                             guint              position,
                             guint              n_items,
                             GtkSelectionModel *shared)
{
  guint n = g_list_model_get_n_items (self->model);

  /* The shared positions say nothing about where the rows are here. */
  if (n > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, n);
}

static void
shared_items_changed_cb (KwPlanSelection *self,
                         guint            position,
                         guint            removed,
                         guint            added,
                         GListModel      *shared)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
  shared_selection_changed_cb (self, 0, 0, GTK_SELECTION_MODEL (shared));
}

static void
kw_plan_selection_dispose (GObject *object)
{
  KwPlanSelection *self = KW_PLAN_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->shared != NULL)
    g_signal_handlers_disconnect_by_data (self->shared, self);
  g_clear_object (&self->model);
  g_clear_object (&self->shared);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (kw_plan_selection_parent_class)->dispose (object);
}

static void
kw_plan_selection_class_init (KwPlanSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_plan_selection_dispose;
}

static void
kw_plan_selection_init (KwPlanSelection *self)
{
}

KwPlanSelection *
kw_plan_selection_new (GListModel        *model,
                       GtkSelectionModel *shared)
{
  KwPlanSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (shared), NULL);

  self = g_object_new (KW_TYPE_PLAN_SELECTION, NULL);
  self->model = g_object_ref (model);
  self->shared = g_object_ref (shared);

  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  g_signal_connect_swapped (shared, "items-changed", G_CALLBACK (shared_items_changed_cb), self);
  g_signal_connect_swapped (shared, "selection-changed", G_CALLBACK (shared_selection_changed_cb), self);

  return self;
}
