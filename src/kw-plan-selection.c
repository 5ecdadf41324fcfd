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
  /* The shared model's items as its last items-changed left them, and
   * item → its position + 1. Entries at positions from valid_upto on
   * may be out of date: a change only makes the positions after it
   * stale, and they are counted again when a row asks for one. Adding at
   * the end, the usual change, costs nothing to re-count. */
  GPtrArray         *shared_items;
  GHashTable        *positions;
  guint              valid_upto;
};

static void kw_plan_selection_list_model_init (GListModelInterface *iface);
static void kw_plan_selection_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwPlanSelection, kw_plan_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kw_plan_selection_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, kw_plan_selection_selection_model_init))

/* Mapping rows to the shared model */

static void
splice_shared_items (KwPlanSelection *self,
                     guint            position,
                     guint            removed,
                     guint            added)
{
  GListModel *shared = G_LIST_MODEL (self->shared);

  g_return_if_fail (position + removed <= self->shared_items->len);

  for (guint i = position; i < position + removed; i++)
    g_hash_table_remove (self->positions, g_ptr_array_index (self->shared_items, i));
  g_ptr_array_remove_range (self->shared_items, position, removed);

  for (guint i = position; i < position + added; i++)
    g_ptr_array_insert (self->shared_items, i, g_list_model_get_item (shared, i));

  self->valid_upto = MIN (self->valid_upto, position);
}

static gboolean
lookup_position (KwPlanSelection *self,
                 gpointer         item,
                 guint           *position)
{
  guint value = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));

  if (value == 0 || value - 1 >= self->valid_upto)
    {
      for (guint i = self->valid_upto; i < self->shared_items->len; i++)
        g_hash_table_insert (self->positions, g_ptr_array_index (self->shared_items, i), GUINT_TO_POINTER (i + 1));
      self->valid_upto = self->shared_items->len;
      value = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));
    }

  if (value == 0)
    return FALSE;

  *position = value - 1;
  return TRUE;
}

/* Where the row's finding is in the shared model; FALSE for headings and
 * other rows without a finding. */
static gboolean
lookup_shared_position (KwPlanSelection *self,
                        guint            position,
                        guint           *shared_position)
{
  g_autoptr(KwPlanItem) item = g_list_model_get_item (self->model, position);

  if (item == NULL || kw_plan_item_get_kind (item) != KW_PLAN_ITEM_FINDING)
    return FALSE;

  return lookup_position (self, kw_plan_item_get_finding (item), shared_position);
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

/* No row changes its selection here: the findings that stay keep theirs,
 * and the rows of removed or added findings come and go with the list's
 * own change. Telling the list that every row may have changed would
 * rebind every row shown on every change of the board. */
static void
shared_items_changed_cb (KwPlanSelection *self,
                         guint            position,
                         guint            removed,
                         guint            added,
                         GListModel      *shared)
{
  splice_shared_items (self, position, removed, added);
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
  g_clear_pointer (&self->shared_items, g_ptr_array_unref);

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
  self->shared_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->positions = g_hash_table_new (NULL, NULL);
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
  splice_shared_items (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (shared)));

  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
  g_signal_connect_swapped (shared, "items-changed", G_CALLBACK (shared_items_changed_cb), self);
  g_signal_connect_swapped (shared, "selection-changed", G_CALLBACK (shared_selection_changed_cb), self);

  return self;
}
