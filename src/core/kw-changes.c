/* kw-changes.c
 *
 * The board as it is now is compared as a snapshot of itself: one
 * comparison, snapshot against snapshot, serves "since a snapshot" and
 * stepping through a board's history alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-changes"

#include "config.h"

#include "kw-change-private.h"
#include "kw-changes.h"

struct _KwChanges
{
  GObject     parent_instance;

  KwSnapshot *before;
  GPtrArray  *changes;  /* of KwChange, in the list's order */
};

static void kw_changes_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwChanges, kw_changes, G_TYPE_OBJECT,
  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kw_changes_list_model_init))

static GType
kw_changes_get_item_type (GListModel *model)
{
  return KW_TYPE_CHANGE;
}

static guint
kw_changes_get_n_items (GListModel *model)
{
  return KW_CHANGES (model)->changes->len;
}

static gpointer
kw_changes_get_item (GListModel *model,
                     guint       position)
{
  KwChanges *self = KW_CHANGES (model);

  if (position >= self->changes->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->changes, position));
}

static void
kw_changes_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_changes_get_item_type;
  iface->get_n_items = kw_changes_get_n_items;
  iface->get_item = kw_changes_get_item;
}

static void
kw_changes_finalize (GObject *object)
{
  KwChanges *self = (KwChanges *) object;

  g_clear_object (&self->before);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_changes_parent_class)->finalize (object);
}

static void
kw_changes_class_init (KwChangesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_changes_finalize;
}

static void
kw_changes_init (KwChanges *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The changes found so far, one list per kind, joined at the end. */
typedef struct {
  KwSnapshot *before;
  KwSnapshot *after;
  GPtrArray  *by_kind[KW_N_CHANGE_KINDS];
} Comparison;

static void
comparison_add (Comparison            *comparison,
                KwChangeKind           kind,
                const KwSnapshotEntry *before,
                const KwSnapshotEntry *after)
{
  g_ptr_array_add (comparison->by_kind[kind],
                   _kw_change_new (kind, comparison->before, before, comparison->after, after));
}

static KwOutcome
classify (KwSnapshot            *snapshot,
          const KwSnapshotEntry *entry)
{
  KwThresholds thresholds;

  kw_snapshot_get_thresholds (snapshot, &thresholds);

  return kw_outcome_classify (entry->placed, entry->impact, entry->effort, &thresholds);
}

/* Per axis, in tenths as the scores are kept: a move of 0.9 on each axis
 * is no move, 1.0 on one of them is. */
static gboolean
moved_enough (const KwSnapshotEntry *before,
              const KwSnapshotEntry *after)
{
  const gint64 min_move = _kw_change_score_tenths (KW_CHANGE_MIN_MOVE);
  gint64 impact, effort;

  if (!before->placed || !after->placed)
    return FALSE;

  impact = _kw_change_score_tenths (after->impact) - _kw_change_score_tenths (before->impact);
  effort = _kw_change_score_tenths (after->effort) - _kw_change_score_tenths (before->effort);

  return ABS (impact) >= min_move || ABS (effort) >= min_move;
}

static void
compare_entries (Comparison            *comparison,
                 const KwSnapshotEntry *before,
                 const KwSnapshotEntry *after)
{
  if (classify (comparison->before, before) != classify (comparison->after, after))
    comparison_add (comparison, KW_CHANGE_OUTCOME, before, after);
  else if (moved_enough (before, after))
    comparison_add (comparison, KW_CHANGE_MOVED, before, after);

  if (before->status != after->status)
    comparison_add (comparison, KW_CHANGE_STATUS, before, after);
  if (!g_str_equal (before->owner, after->owner))
    comparison_add (comparison, KW_CHANGE_OWNER, before, after);
  if (!g_str_equal (before->due, after->due))
    comparison_add (comparison, KW_CHANGE_DUE, before, after);
}

static void
compare (KwChanges  *self,
         KwSnapshot *before,
         KwSnapshot *after)
{
  Comparison comparison = { before, after, { NULL } };
  guint n_after = kw_snapshot_get_n_entries (after);
  guint n_before = kw_snapshot_get_n_entries (before);

  for (guint kind = 0; kind < KW_N_CHANGE_KINDS; kind++)
    comparison.by_kind[kind] = g_ptr_array_new ();

  for (guint i = 0; i < n_after; i++)
    {
      const KwSnapshotEntry *entry = kw_snapshot_get_entry (after, i);
      const KwSnapshotEntry *was = kw_snapshot_lookup (before, entry->id);

      if (was == NULL)
        comparison_add (&comparison, KW_CHANGE_NEW, NULL, entry);
      else
        compare_entries (&comparison, was, entry);
    }

  for (guint i = 0; i < n_before; i++)
    {
      const KwSnapshotEntry *entry = kw_snapshot_get_entry (before, i);

      if (kw_snapshot_lookup (after, entry->id) == NULL)
        comparison_add (&comparison, KW_CHANGE_REMOVED, entry, NULL);
    }

  /* The lists hold their changes without a free function: the list of
   * the model takes them over. */
  for (guint kind = 0; kind < KW_N_CHANGE_KINDS; kind++)
    {
      g_ptr_array_extend_and_steal (self->changes, comparison.by_kind[kind]);
      comparison.by_kind[kind] = NULL;
    }
}

KwChanges *
kw_changes_new_between (KwSnapshot *a,
                        KwSnapshot *b)
{
  KwChanges *self;

  g_return_val_if_fail (KW_IS_SNAPSHOT (a), NULL);
  g_return_val_if_fail (KW_IS_SNAPSHOT (b), NULL);

  self = g_object_new (KW_TYPE_CHANGES, NULL);
  self->before = g_object_ref (a);
  compare (self, a, b);

  return self;
}

KwChanges *
kw_changes_new (KwSnapshot *before,
                KwBoard    *board)
{
  g_autoptr(KwSnapshot) now = NULL;

  g_return_val_if_fail (KW_IS_SNAPSHOT (before), NULL);
  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  /* Never added to the board: its name is only there to be valid. */
  now = kw_snapshot_new_from_board (board, "now", NULL, NULL);

  return kw_changes_new_between (before, now);
}

KwSnapshot *
kw_changes_get_before (KwChanges *self)
{
  g_return_val_if_fail (KW_IS_CHANGES (self), NULL);

  return self->before;
}
