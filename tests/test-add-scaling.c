/* test-add-scaling.c: what one change costs the window's list models must
 * not grow with the board.
 *
 * A listener that answers one added finding by replacing every item (an
 * items-changed of the whole list) makes every row rebind and every
 * filter run again: a paste of many lines, or the undo of a big delete,
 * becomes quadratic. Instead of timing adds (which says as much about the
 * machine's load as about the code), this test counts the work: every
 * GListModel the window builds over the board answers one add with
 * items-changed for a few items, and an undo of a delete of many findings
 * with changes in proportion to those findings, never to the board.
 *
 * The benchmark tests/bench/bench-add.c times the same adds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-add-scaling"

#include "config.h"

#include <adwaita.h>

#include "kw-format.h"
#include "kw-gui-test.h"
#include "kw-history.h"
#include "kw-tray.h"
#include "kw-window.h"

#define BOARD_SIZE 2000
/* An add changes the finding's own row, its group's heading and the
 * summary at the top: a handful of items, whatever the board's size. */
#define MAX_ITEMS_PER_ADD 8
#define N_DELETED 50

static GtkApplication *app;
static char *tmp_dir;

/* One model the window shows, and the items its items-changed touched
 * since the counter was last reset. */
typedef struct {
  const char *name;
  GListModel *model;
  guint       n_signals;
  guint       n_touched;
  guint       largest;
} ModelWatch;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  ModelWatch *watch)
{
  watch->n_signals++;
  watch->n_touched += removed + added;
  watch->largest = MAX (watch->largest, removed + added);
}

static void
reset_watches (ModelWatch *watches,
               guint       n)
{
  for (guint i = 0; i < n; i++)
    watches[i].n_signals = watches[i].n_touched = watches[i].largest = 0;
}

static void
drain_main_context (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GFile *
write_board (guint n_findings)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "large.kwadrant", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  kw_board_set_title (board, "Scaling");
  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *title = g_strdup_printf ("Finding number %u from the workshop", i + 1);
      g_autofree char *tag = g_strdup_printf ("team-%u", i % 20);
      const char *tags[] = { tag, NULL };
      g_autoptr(KwFinding) finding = kw_finding_new (title);

      /* One in ten waits in the tray, as after a real workshop. */
      if (i % 10 != 0)
        kw_finding_place (finding, (i * 7 % 101) / 10.0, (i * 13 % 101) / 10.0);
      kw_finding_set_tags (finding, tags);
      kw_board_append_finding (board, finding);
    }

  if (!kw_format_save_file (board, file, NULL, NULL, NULL, &error))
    g_error ("Cannot write the board: %s", error->message);

  return file;
}

static GtkDropDown *
find_drop_down (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))))
    return GTK_DROP_DOWN (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static KwWindow *
new_large_window (void)
{
  g_autoptr(GFile) file = write_board (BOARD_SIZE);
  KwWindow *window = kw_gui_test_new_window (app);

  kw_window_load_file (window, file);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  drain_main_context ();
  g_assert_cmpuint (kw_board_get_n_findings (kw_window_get_board (window)), ==, BOARD_SIZE);

  return window;
}

/* Every model the window builds over the board, as the widgets see them. */
static guint
watch_models (KwWindow   *window,
              ModelWatch *watches)
{
  GtkWidget *tray_list = kw_tray_get_list (KW_TRAY (kw_window_get_tray (window)));
  GtkDropDown *tags = find_drop_down (GTK_WIDGET (window));
  guint n = 0;

  g_assert_nonnull (tags);
  watches[n++] = (ModelWatch) { "board", G_LIST_MODEL (kw_window_get_board (window)) };
  watches[n++] = (ModelWatch) { "selection", G_LIST_MODEL (kw_window_get_selection (window)) };
  watches[n++] = (ModelWatch) { "plan", kw_window_get_plan_model (window) };
  watches[n++] = (ModelWatch) { "outcome lists",
                                G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (kw_window_get_outcome_lists (window)))) };
  watches[n++] = (ModelWatch) { "tray", G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (tray_list))) };
  watches[n++] = (ModelWatch) { "tag filter", gtk_drop_down_get_model (tags) };

  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (watches[i].model);
      g_signal_connect (watches[i].model, "items-changed", G_CALLBACK (items_changed_cb), &watches[i]);
    }

  return n;
}

static void
unwatch_models (ModelWatch *watches,
                guint       n)
{
  for (guint i = 0; i < n; i++)
    g_signal_handlers_disconnect_by_func (watches[i].model, items_changed_cb, &watches[i]);
}

static void
assert_touched_at_most (ModelWatch *watches,
                        guint       n,
                        guint       most,
                        const char *what)
{
  for (guint i = 0; i < n; i++)
    {
      if (watches[i].n_touched > most)
        g_error ("%s: the %s model changed %u items in %u signals (largest %u) on a board of %u findings; "
                 "at most %u expected",
                 what, watches[i].name, watches[i].n_touched, watches[i].n_signals, watches[i].largest,
                 BOARD_SIZE, most);
    }
}

static void
add_and_count (KwWindow   *window,
               ModelWatch *watches,
               guint       n_watches,
               KwFinding  *finding,
               const char *what)
{
  guint n_before = kw_board_get_n_findings (kw_window_get_board (window));

  reset_watches (watches, n_watches);
  kw_history_add (kw_window_get_history (window), finding, G_MAXUINT);
  /* The plan model and the tags gather the board's changes in idles. */
  drain_main_context ();

  g_assert_cmpuint (kw_board_get_n_findings (kw_window_get_board (window)), ==, n_before + 1);
  /* The change did reach the models that show such a finding. */
  g_assert_cmpuint (watches[0].n_signals, >, 0);
  g_assert_cmpuint (watches[2].n_signals, >, 0);
  assert_touched_at_most (watches, n_watches, MAX_ITEMS_PER_ADD, what);
}

static void
test_add_touches_few_items (void)
{
  KwWindow *window = new_large_window ();
  ModelWatch watches[8];
  guint n_watches = watch_models (window, watches);
  guint tray_before = g_list_model_get_n_items (watches[4].model);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *title = g_strdup_printf ("Pasted line %u", i + 1);
      g_autoptr(KwFinding) unplaced = kw_finding_new (title);
      g_autofree char *placed_title = g_strdup_printf ("Placed finding %u", i + 1);
      g_autoptr(KwFinding) placed = kw_finding_new (placed_title);
      const char *tags[] = { "team-3", NULL };

      add_and_count (window, watches, n_watches, unplaced, "An unplaced finding added");

      kw_finding_place (placed, (i * 3 % 11), (i * 7 % 11));
      kw_finding_set_tags (placed, tags);
      add_and_count (window, watches, n_watches, placed, "A placed finding added");
      /* The placed one is in the outcome lists. */
      g_assert_cmpuint (watches[3].n_signals, >, 0);
    }

  /* The unplaced ones went to the tray, by range. */
  g_assert_cmpuint (g_list_model_get_n_items (watches[4].model), >=, tray_before + 10);

  unwatch_models (watches, n_watches);
  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

/* Deleting many findings and undoing it: the models change in proportion
 * to the findings deleted, not to the board. */
static void
test_undo_big_delete_touches_its_findings (void)
{
  KwWindow *window = new_large_window ();
  KwBoard *board = kw_window_get_board (window);
  KwHistory *history = kw_window_get_history (window);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  ModelWatch watches[8];
  guint n_watches;

  for (guint i = 0; i < N_DELETED; i++)
    g_ptr_array_add (doomed, g_object_ref (kw_board_get_finding (board, BOARD_SIZE / 2 + i * 7)));

  n_watches = watch_models (window, watches);
  kw_history_begin_group (history, "Delete");
  for (guint i = 0; i < doomed->len; i++)
    kw_history_remove (history, doomed->pdata[i]);
  kw_history_end_group (history);
  drain_main_context ();
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, BOARD_SIZE - N_DELETED);
  assert_touched_at_most (watches, n_watches, N_DELETED * MAX_ITEMS_PER_ADD, "A delete of 50 findings");

  reset_watches (watches, n_watches);
  g_assert_true (kw_history_undo (history));
  drain_main_context ();
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, BOARD_SIZE);
  g_assert_cmpuint (watches[0].n_touched, ==, N_DELETED);
  assert_touched_at_most (watches, n_watches, N_DELETED * MAX_ITEMS_PER_ADD, "The undo of a delete of 50 findings");

  unwatch_models (watches, n_watches);
  kw_gui_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-add-scaling-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.AddScalingTest");

  g_test_add_func ("/scaling/add-touches-few-items", test_add_touches_few_items);
  g_test_add_func ("/scaling/undo-big-delete-touches-its-findings", test_undo_big_delete_touches_its_findings);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
