/* test-plan-model.c: KwPlanModel, the outcome lists as one flat list
 * model, without a display: the method's order, one rebuild per burst of
 * changes, and only the changed rows replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kw-plan-model.h"

typedef struct {
  guint changes;
  guint position;
  guint removed;
  guint added;
} ChangeLog;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ChangeLog  *log)
{
  /* The summary row's own change comes after the middle's. */
  if (position > 0 || log->changes == 0)
    {
      log->position = position;
      log->removed = removed;
      log->added = added;
    }
  log->changes++;
}

static KwFinding *
add_finding (KwBoard    *board,
             const char *id,
             double      impact,
             double      effort)
{
  g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, id);

  if (impact >= 0)
    kw_finding_place (finding, impact, effort);
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

static KwPlanItem *
item_at (KwPlanModel *plan,
         guint        position)
{
  KwPlanItem *item = g_list_model_get_item (G_LIST_MODEL (plan), position);

  g_assert_nonnull (item);
  g_object_unref (item);  /* the model keeps it */
  return item;
}

/* The whole list as text: "S" for the summary, the outcome's id for its
 * heading, "-" for an empty outcome's row, the finding's id for its row. */
static char *
describe (KwPlanModel *plan)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (plan)); i++)
    {
      KwPlanItem *item = item_at (plan, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      switch (kw_plan_item_get_kind (item))
        {
        case KW_PLAN_ITEM_SUMMARY: g_string_append (text, "S"); break;
        case KW_PLAN_ITEM_GROUP:   g_string_append_printf (text, "[%s]", kw_outcome_to_id (kw_plan_item_get_outcome (item))); break;
        case KW_PLAN_ITEM_EMPTY:   g_string_append (text, "-"); break;
        case KW_PLAN_ITEM_FINDING: g_string_append (text, kw_finding_get_id (kw_plan_item_get_finding (item))); break;
        default: g_assert_not_reached ();
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
run_pending_rebuild (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The summary, then each outcome in the method's order with its findings
 * sorted the method's way; an empty outcome shows one empty row. */
static void
test_order (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwPlanModel) plan = NULL;
  g_autofree char *text = NULL;

  add_finding (board, "qw-3", 6.0, 2.0);
  add_finding (board, "qw-4", 8.0, 2.0);
  add_finding (board, "lt-6", 6.0, 9.0);
  add_finding (board, "lt-10", 10.0, 5.0);
  add_finding (board, "fu-4", 2.0, 4.0);
  add_finding (board, "fu-2", 3.0, 2.0);
  add_finding (board, "sf", 1.0, 0.5);
  add_finding (board, "un", -1, -1);

  plan = kw_plan_model_new (board);
  g_assert_true (kw_plan_model_get_board (plan) == board);
  text = describe (plan);
  g_assert_cmpstr (text, ==,
                   "S [quick-win] qw-4 qw-3 [small-fix] sf [long-term] lt-10 lt-6 "
                   "[future] fu-2 fu-4 [drop] - [unplaced] un");
  g_assert_true (kw_plan_item_is_first (item_at (plan, 2)));
  g_assert_false (kw_plan_item_is_last (item_at (plan, 2)));
  g_assert_true (kw_plan_item_is_last (item_at (plan, 3)));
  g_assert_cmpuint (kw_plan_item_get_count (item_at (plan, 0), KW_OUTCOME_LONG_TERM), ==, 2);
  g_assert_cmpuint (kw_plan_item_get_count (item_at (plan, 1), KW_OUTCOME_QUICK_WIN), ==, 2);
}

/* Within an outcome, the method's order: quick wins by impact per effort
 * (effort 0 first, the bigger impact first on a tie), long-term plans by
 * impact, the future list by effort, small fixes and drops as on the
 * board. A finding moved or taken off the matrix moves in the list at the
 * next rebuild. */
static void
test_sorting (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwPlanModel) plan = NULL;
  g_autofree char *text = NULL;

  add_finding (board, "qw-4", 8.0, 2.0);
  add_finding (board, "qw-3", 6.0, 2.0);
  add_finding (board, "qw-inf", 5.0, 0.0);
  add_finding (board, "qw-3-big", 9.0, 3.0);
  add_finding (board, "qw-1", 5.0, 4.0);
  add_finding (board, "lt-6", 6.0, 9.0);
  add_finding (board, "lt-10", 10.0, 5.0);
  add_finding (board, "lt-8", 8.0, 7.0);
  add_finding (board, "fu-4", 2.0, 4.0);
  add_finding (board, "fu-2", 3.0, 2.0);
  add_finding (board, "dr-b", 1.0, 9.0);
  add_finding (board, "dr-a", 4.0, 6.0);
  add_finding (board, "sf-b", 4.0, 1.0);
  add_finding (board, "sf-a", 1.0, 0.5);

  plan = kw_plan_model_new (board);
  text = describe (plan);
  g_assert_cmpstr (text, ==,
                   "S [quick-win] qw-inf qw-4 qw-3-big qw-3 qw-1 [small-fix] sf-b sf-a "
                   "[long-term] lt-10 lt-8 lt-6 [future] fu-2 fu-4 [drop] dr-b dr-a [unplaced] -");

  kw_finding_place (kw_board_lookup_finding (board, "qw-1"), 9.5, 9.5);
  kw_finding_unplace (kw_board_lookup_finding (board, "fu-4"));
  run_pending_rebuild ();
  g_clear_pointer (&text, g_free);
  text = describe (plan);
  g_assert_cmpstr (text, ==,
                   "S [quick-win] qw-inf qw-4 qw-3-big qw-3 [small-fix] sf-b sf-a "
                   "[long-term] lt-10 qw-1 lt-8 lt-6 [future] fu-2 [drop] dr-b dr-a [unplaced] fu-4");
}

/* A burst of changes is one rebuild, in an idle: until then the list is
 * as it was; then only the rows that changed are replaced, and the rows
 * around them stay the very same objects. */
static void
test_one_rebuild_per_burst (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwPlanModel) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;
  ChangeLog log = { 0 };
  KwPlanItem *first_quick_win;
  KwPlanItem *drop_heading;

  add_finding (board, "qw", 8.0, 2.0);
  add_finding (board, "lt-8", 8.0, 7.0);
  add_finding (board, "lt-6", 6.0, 9.0);
  add_finding (board, "dr", 1.0, 9.0);
  plan = kw_plan_model_new (board);
  before = describe (plan);
  first_quick_win = item_at (plan, 2);
  drop_heading = item_at (plan, 10);
  g_assert_cmpint (kw_plan_item_get_kind (drop_heading), ==, KW_PLAN_ITEM_GROUP);
  g_signal_connect (plan, "items-changed", G_CALLBACK (items_changed_cb), &log);

  kw_finding_place (kw_board_lookup_finding (board, "lt-6"), 9.0, 9.0);
  kw_finding_set_title (kw_board_lookup_finding (board, "lt-8"), "Renamed");
  kw_finding_place (kw_board_lookup_finding (board, "lt-6"), 9.5, 9.0);
  during = describe (plan);
  g_assert_cmpstr (during, ==, before);
  g_assert_cmpuint (log.changes, ==, 0);

  run_pending_rebuild ();
  after = describe (plan);
  g_assert_cmpstr (after, ==, "S [quick-win] qw [small-fix] - [long-term] lt-6 lt-8 [future] - [drop] dr [unplaced] -");
  /* The middle (the two long-term rows) once, then the summary's counts
   * did not change: one notification in all. */
  g_assert_cmpuint (log.changes, ==, 1);
  g_assert_cmpuint (log.position, ==, 6);
  g_assert_cmpuint (log.removed, ==, 2);
  g_assert_cmpuint (log.added, ==, 2);
  g_assert_true (item_at (plan, 2) == first_quick_win);
  g_assert_true (item_at (plan, 10) == drop_heading);
}

/* A refresh (the date turned) has every row shown anew, in one change
 * over the whole list, with the same rows. */
static void
test_refresh (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwPlanModel) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ChangeLog log = { 0 };
  guint n;

  add_finding (board, "qw", 8.0, 2.0);
  add_finding (board, "dr", 1.0, 9.0);
  plan = kw_plan_model_new (board);
  before = describe (plan);
  n = g_list_model_get_n_items (G_LIST_MODEL (plan));
  g_signal_connect (plan, "items-changed", G_CALLBACK (items_changed_cb), &log);

  kw_plan_model_refresh (plan);
  after = describe (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (log.changes, ==, 1);
  g_assert_cmpuint (log.position, ==, 0);
  g_assert_cmpuint (log.removed, ==, n);
  g_assert_cmpuint (log.added, ==, n);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *notifies)
{
  (*notifies)++;
}

/* Another board replaces the whole list at once; no board, no rows; the
 * property is notified only when it changes. */
static void
test_set_board (void)
{
  g_autoptr(KwBoard) first = kw_board_new ();
  g_autoptr(KwBoard) second = kw_board_new ();
  g_autoptr(KwPlanModel) plan = NULL;
  g_autofree char *text = NULL;
  guint notifies = 0;

  add_finding (first, "a", 8.0, 2.0);
  add_finding (second, "b", 1.0, 9.0);
  plan = kw_plan_model_new (first);
  g_signal_connect (plan, "notify::board", G_CALLBACK (notify_cb), &notifies);

  kw_plan_model_set_board (plan, first);
  g_assert_cmpuint (notifies, ==, 0);
  kw_plan_model_set_board (plan, second);
  g_assert_cmpuint (notifies, ==, 1);
  text = describe (plan);
  g_assert_cmpstr (text, ==, "S [quick-win] - [small-fix] - [long-term] - [future] - [drop] b [unplaced] -");

  /* The old board's changes no longer reach the list. */
  add_finding (first, "late", 8.0, 2.0);
  run_pending_rebuild ();
  g_clear_pointer (&text, g_free);
  text = describe (plan);
  g_assert_null (strstr (text, "late"));

  kw_plan_model_set_board (plan, NULL);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-model/order", test_order);
  g_test_add_func ("/plan-model/sorting", test_sorting);
  g_test_add_func ("/plan-model/one-rebuild-per-burst", test_one_rebuild_per_burst);
  g_test_add_func ("/plan-model/set-board", test_set_board);
  g_test_add_func ("/plan-model/refresh", test_refresh);

  return g_test_run ();
}
