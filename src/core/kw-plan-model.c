/* kw-plan-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-model"

#include "config.h"

#include "kw-plan-model.h"

struct _KwPlanModel
{
  GObject    parent_instance;

  KwBoard   *board;
  GPtrArray *items;         /* of KwPlanItem, owned */
  guint      rebuild_id;
};

static void kw_plan_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwPlanModel, kw_plan_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kw_plan_model_list_model_init))

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rebuild after the other idle work of a change but before GTK lays out
 * the next frame (GDK_PRIORITY_REDRAW is G_PRIORITY_HIGH_IDLE + 20): a
 * burst of changes costs one rebuild and never shows a stale list. */
#define REBUILD_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

static GType
kw_plan_model_get_item_type (GListModel *model)
{
  return KW_TYPE_PLAN_ITEM;
}

static guint
kw_plan_model_get_n_items (GListModel *model)
{
  return KW_PLAN_MODEL (model)->items->len;
}

static gpointer
kw_plan_model_get_item (GListModel *model,
                        guint       position)
{
  KwPlanModel *self = KW_PLAN_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
kw_plan_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_plan_model_get_item_type;
  iface->get_n_items = kw_plan_model_get_n_items;
  iface->get_item = kw_plan_model_get_item;
}

static void
append_outcome (GPtrArray *items,
                KwOutcome  outcome,
                GPtrArray *findings)
{
  guint done = 0;

  for (guint i = 0; i < findings->len; i++)
    if (kw_finding_get_status (g_ptr_array_index (findings, i)) == KW_STATUS_DONE)
      done++;
  g_ptr_array_add (items, kw_plan_item_new_group (outcome, findings->len, done));

  if (findings->len == 0)
    {
      g_ptr_array_add (items, kw_plan_item_new_empty (outcome));
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (items, kw_plan_item_new_finding (g_ptr_array_index (findings, i),
                                                      outcome,
                                                      i == 0,
                                                      i + 1 == findings->len));
}

static GPtrArray *
build_items (KwBoard *board)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *by_outcome[KW_N_OUTCOMES];
  guint counts[KW_N_OUTCOMES] = { 0, };

  if (board == NULL)
    return items;

  /* Borrowed pointers: the board keeps the findings alive meanwhile. */
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      by_outcome[i] = kw_board_collect_outcome (board, (KwOutcome) i);
      counts[i] = by_outcome[i]->len;
    }

  {
    g_autofree char *signature = g_strjoin ("\x1f",
                                            kw_board_get_title (board),
                                            kw_board_get_organisation (board),
                                            kw_board_get_facilitator (board),
                                            kw_board_get_workshop_date (board),
                                            NULL);

    g_ptr_array_add (items, kw_plan_item_new_summary (counts, signature));
  }

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      append_outcome (items, (KwOutcome) i, by_outcome[i]);
      g_ptr_array_unref (by_outcome[i]);
    }

  return items;
}

/* Only the rows between the unchanged start and end of the list are
 * replaced: the list view keeps its keyboard focus and scroll position,
 * and redraws only what changed. The summary row at the top changes with
 * almost every change (its counts): it is compared on its own, or every
 * change would replace the whole list and rebind every row. */
/* The length of the change that starts at old_items[i] and new_items[j]:
 * removed old items and added new ones, up to where the two lists agree
 * again. A group's heading (its count) and a finding added at the group's
 * end are two small changes, not one that spans the whole group. */
static void
measure_change (GPtrArray *old_items,
                guint      i,
                guint      old_end,
                GPtrArray *new_items,
                guint      j,
                guint      new_end,
                guint     *removed,
                guint     *added)
{
  guint r = 0, a = 0;

  while (TRUE)
    {
      gboolean old_left = i + r < old_end;
      gboolean new_left = j + a < new_end;

      if (!old_left && !new_left)
        break;
      if (old_left && new_left && kw_plan_item_equal (old_items->pdata[i + r], new_items->pdata[j + a]))
        break;
      if (old_left && j + a + 1 < new_end && kw_plan_item_equal (old_items->pdata[i + r], new_items->pdata[j + a + 1]))
        {
          a++;
          continue;
        }
      if (new_left && i + r + 1 < old_end && kw_plan_item_equal (old_items->pdata[i + r + 1], new_items->pdata[j + a]))
        {
          r++;
          continue;
        }
      r += old_left;
      a += new_left;
    }

  *removed = r;
  *added = a;
}

/* Turns self->items (a copy of old_items) into new_items between start
 * and the ends, one change at a time, each announced with the list as it
 * is after it. Items equal to an old one stay the very object the list
 * view already shows. */
static void
announce_changes (KwPlanModel *self,
                  GPtrArray   *old_items,
                  guint        old_end,
                  GPtrArray   *new_items,
                  guint        new_end,
                  guint        start)
{
  guint i = start, j = start;

  while (i < old_end || j < new_end)
    {
      guint removed, added;

      if (i < old_end && j < new_end && kw_plan_item_equal (old_items->pdata[i], new_items->pdata[j]))
        {
          i++;
          j++;
          continue;
        }

      measure_change (old_items, i, old_end, new_items, j, new_end, &removed, &added);
      g_ptr_array_remove_range (self->items, j, removed);
      for (guint k = 0; k < added; k++)
        g_ptr_array_insert (self->items, j + k, g_object_ref (new_items->pdata[j + k]));
      g_list_model_items_changed (G_LIST_MODEL (self), j, removed, added);
      i += removed;
      j += added;
    }
}

static void
kw_plan_model_rebuild (KwPlanModel *self)
{
  g_autoptr(GPtrArray) old_items = self->items;
  g_autoptr(GPtrArray) new_items = NULL;
  g_autoptr(KwPlanItem) new_summary = NULL;
  guint n_old = old_items->len;
  guint n_new;
  guint prefix = 0;
  guint suffix = 0;
  gboolean summary_changed = FALSE;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  new_items = build_items (self->board);
  n_new = new_items->len;

  /* Until the middle has been announced, the list keeps its old summary. */
  if (n_old > 0 && n_new > 0)
    {
      summary_changed = !kw_plan_item_equal (old_items->pdata[0], new_items->pdata[0]);
      new_summary = g_object_ref (new_items->pdata[0]);
      prefix = 1;
    }

  while (prefix < n_old && prefix < n_new &&
         kw_plan_item_equal (old_items->pdata[prefix], new_items->pdata[prefix]))
    prefix++;

  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         kw_plan_item_equal (old_items->pdata[n_old - 1 - suffix], new_items->pdata[n_new - 1 - suffix]))
    suffix++;

  self->items = g_ptr_array_copy (old_items, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->items, g_object_unref);
  announce_changes (self, old_items, n_old - suffix, new_items, n_new - suffix, prefix);

  if (summary_changed)
    {
      g_object_unref (self->items->pdata[0]);
      self->items->pdata[0] = g_steal_pointer (&new_summary);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 1, 1);
    }
}

void
kw_plan_model_refresh (KwPlanModel *self)
{
  g_return_if_fail (KW_IS_PLAN_MODEL (self));

  kw_plan_model_rebuild (self);
  /* The items are equal to what they were (the same findings in the same
   * places), but the rows read the date when they show one. */
  if (self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->items->len, self->items->len);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  KwPlanModel *self = user_data;

  self->rebuild_id = 0;
  kw_plan_model_rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
board_changed_cb (KwPlanModel *self,
                  KwBoard     *board)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (REBUILD_PRIORITY, rebuild_idle_cb, self, NULL);
}

static void
kw_plan_model_dispose (GObject *object)
{
  KwPlanModel *self = KW_PLAN_MODEL (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, board_changed_cb, self);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (kw_plan_model_parent_class)->dispose (object);
}

static void
kw_plan_model_finalize (GObject *object)
{
  KwPlanModel *self = KW_PLAN_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_plan_model_parent_class)->finalize (object);
}

static void
kw_plan_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KwPlanModel *self = KW_PLAN_MODEL (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_plan_model_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KwPlanModel *self = KW_PLAN_MODEL (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      kw_plan_model_set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_plan_model_class_init (KwPlanModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kw_plan_model_dispose;
  object_class->finalize = kw_plan_model_finalize;
  object_class->get_property = kw_plan_model_get_property;
  object_class->set_property = kw_plan_model_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         KW_TYPE_BOARD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_plan_model_init (KwPlanModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

KwPlanModel *
kw_plan_model_new (KwBoard *board)
{
  g_return_val_if_fail (board == NULL || KW_IS_BOARD (board), NULL);

  return g_object_new (KW_TYPE_PLAN_MODEL, "board", board, NULL);
}

KwBoard *
kw_plan_model_get_board (KwPlanModel *self)
{
  g_return_val_if_fail (KW_IS_PLAN_MODEL (self), NULL);

  return self->board;
}

/* A new board is shown at once, without waiting for an idle: the window
 * swaps boards when a file finishes loading. */
void
kw_plan_model_set_board (KwPlanModel *self,
                         KwBoard     *board)
{
  g_return_if_fail (KW_IS_PLAN_MODEL (self));
  g_return_if_fail (board == NULL || KW_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, board_changed_cb, self);

  g_set_object (&self->board, board);

  if (board != NULL)
    g_signal_connect_object (board, "changed", G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);

  kw_plan_model_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}
