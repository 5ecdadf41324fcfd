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

/* Successors */

/* The finding of the row at position when it is one of the findings
 * (not a heading, summary or placeholder); borrowed from the model. */
static KwFinding *
finding_at (KwPlanSelection *self,
            guint            position)
{
  g_autoptr(KwPlanItem) item = g_list_model_get_item (self->model, position);

  if (item == NULL || kw_plan_item_get_kind (item) != KW_PLAN_ITEM_FINDING)
    return NULL;

  return kw_plan_item_get_finding (item);
}

gboolean
kw_plan_selection_find (KwPlanSelection *self,
                        KwFinding       *finding,
                        guint           *position)
{
  guint n;

  g_return_val_if_fail (KW_IS_PLAN_SELECTION (self), FALSE);
  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);

  n = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n; i++)
    {
      if (finding_at (self, i) == finding)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
kw_plan_selection_is_behind (KwPlanSelection *self,
                             KwFinding       *finding,
                             KwOutcome        outcome)
{
  g_autoptr(KwPlanItem) item = NULL;
  guint position;

  g_return_val_if_fail (KW_IS_PLAN_SELECTION (self), FALSE);

  if (!kw_plan_selection_find (self, finding, &position))
    return FALSE;

  item = g_list_model_get_item (self->model, position);
  return kw_plan_item_get_outcome (item) != outcome;
}

static gboolean
is_skipped (KwFinding *finding,
            GPtrArray *skip)
{
  return skip != NULL && g_ptr_array_find (skip, finding, NULL);
}

/* Walks from position in direction (+1 or -1) through the rows of the same
 * heading: a row that is no finding ends the heading's findings. */
static KwFinding *
walk_heading (KwPlanSelection *self,
              guint            position,
              int              direction,
              GPtrArray       *skip)
{
  guint n = g_list_model_get_n_items (self->model);

  for (gint64 i = (gint64) position + direction; i >= 0 && i < n; i += direction)
    {
      KwFinding *finding = finding_at (self, (guint) i);

      guint shared_position;

      if (finding == NULL)
        return NULL;
      /* The list may not have caught up with an earlier change yet. */
      if (!is_skipped (finding, skip) && lookup_position (self, finding, &shared_position))
        return finding;
    }

  return NULL;
}

KwFinding *
kw_plan_selection_get_successor (KwPlanSelection *self,
                                 KwFinding       *finding,
                                 GPtrArray       *skip)
{
  KwFinding *successor;
  guint position;

  g_return_val_if_fail (KW_IS_PLAN_SELECTION (self), NULL);
  g_return_val_if_fail (KW_IS_FINDING (finding), NULL);

  if (!kw_plan_selection_find (self, finding, &position))
    return NULL;

  successor = walk_heading (self, position, +1, skip);
  if (successor == NULL)
    successor = walk_heading (self, position, -1, skip);

  return successor;
}

/* Rows */

#define ROW_ITEM_KEY "kw-plan-selection-item"

/* The list item widget's child keeps the item it shows; GTK 4.8 has no
 * other way from a row widget to its item. */
static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (child != NULL)
    g_object_set_data_full (G_OBJECT (child), ROW_ITEM_KEY,
                            g_object_ref (gtk_list_item_get_item (list_item)), g_object_unref);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (child != NULL)
    g_object_set_data (G_OBJECT (child), ROW_ITEM_KEY, NULL);
}

void
kw_plan_selection_track_rows (GtkListView *view)
{
  GtkListItemFactory *factory;

  g_return_if_fail (GTK_IS_LIST_VIEW (view));

  factory = gtk_list_view_get_factory (view);
  g_return_if_fail (GTK_IS_SIGNAL_LIST_ITEM_FACTORY (factory));

  /* After the owner's own handlers, which create and bind the row. */
  g_signal_connect_after (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  g_signal_connect_after (factory, "unbind", G_CALLBACK (row_unbind_cb), NULL);
}

static KwFinding *
item_widget_finding (GtkWidget *item_widget)
{
  GtkWidget *child = gtk_widget_get_first_child (item_widget);
  KwPlanItem *item = child != NULL ? g_object_get_data (G_OBJECT (child), ROW_ITEM_KEY) : NULL;

  if (item == NULL || kw_plan_item_get_kind (item) != KW_PLAN_ITEM_FINDING)
    return NULL;

  return kw_plan_item_get_finding (item);
}

KwFinding *
kw_plan_selection_row_finding (GtkListView *view,
                               GtkWidget   *widget)
{
  g_return_val_if_fail (GTK_IS_LIST_VIEW (view), NULL);

  /* Up to the list's own child: the list item widget. */
  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (view))
    widget = gtk_widget_get_parent (widget);

  return widget != NULL ? item_widget_finding (widget) : NULL;
}

GtkWidget *
kw_plan_selection_find_row (GtkListView *view,
                            KwFinding   *finding)
{
  GtkSelectionModel *model;
  guint position;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (view), NULL);
  g_return_val_if_fail (KW_IS_FINDING (finding), NULL);

  model = gtk_list_view_get_model (view);
  if (!KW_IS_PLAN_SELECTION (model) || !kw_plan_selection_find (KW_PLAN_SELECTION (model), finding, &position))
    return NULL;

  gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (item_widget_finding (child) == finding && gtk_widget_get_child_visible (child))
        return child;
    }

  return NULL;
}

typedef struct
{
  GtkListView *view;
  KwFinding   *finding;
  guint        tries;
} FocusLater;

static void
focus_later_free (gpointer data)
{
  FocusLater *later = data;

  g_object_unref (later->view);
  g_object_unref (later->finding);
  g_free (later);
}

static gboolean
focus_later_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  FocusLater *later = data;
  GtkWidget *row = kw_plan_selection_find_row (later->view, later->finding);

  if (row != NULL)
    {
      gtk_widget_grab_focus (row);
      return G_SOURCE_REMOVE;
    }

  /* A few frames are enough for the list to lay the row out; a finding
   * that never shows (filtered away) gives up. */
  return ++later->tries < 5 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
kw_plan_selection_focus_finding (GtkListView *view,
                                 KwFinding   *finding)
{
  GtkWidget *row;
  FocusLater *later;

  g_return_if_fail (GTK_IS_LIST_VIEW (view));
  g_return_if_fail (KW_IS_FINDING (finding));

  row = kw_plan_selection_find_row (view, finding);
  if (row != NULL)
    {
      gtk_widget_grab_focus (row);
      return;
    }

  later = g_new0 (FocusLater, 1);
  later->view = g_object_ref (view);
  later->finding = g_object_ref (finding);
  gtk_widget_add_tick_callback (GTK_WIDGET (view), focus_later_tick_cb, later, focus_later_free);
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
