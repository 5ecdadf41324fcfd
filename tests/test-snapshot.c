/* test-snapshot.c: KwSnapshot, a board's list of snapshots and their
 * undoable changes (the format's side is in test-format-snapshots.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kw-history.h"

typedef struct {
  KwBoard   *board;
  KwHistory *history;
  GDateTime *taken;
  guint      n_changed;
} Fixture;

static void
changed_cb (KwBoard *board,
            Fixture *f)
{
  f->n_changed++;
}

static KwFinding *
add_finding (KwBoard    *board,
             const char *id,
             const char *title)
{
  g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, title);

  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  KwThresholds thresholds = { 6.0, 4.0, 1.5 };
  KwFinding *a, *b;

  f->board = kw_board_new ();
  f->history = kw_history_new (f->board);
  f->taken = g_date_time_new_utc (2026, 12, 4, 10, 30, 0);

  kw_board_set_title (f->board, "Klantcontact 2027");
  g_assert_true (kw_board_set_thresholds (f->board, &thresholds));

  a = add_finding (f->board, "f-1", "Heldere brieven");
  kw_finding_place (a, 8.0, 2.5);
  kw_finding_set_owner (a, "Team communicatie");
  kw_finding_set_due_date (a, "2027-01-31");
  kw_finding_set_review_date (a, "2027-06-01");
  kw_finding_set_status (a, KW_STATUS_IN_PROGRESS);

  b = add_finding (f->board, "f-2", "Kennisbank actualiseren");
  kw_finding_set_status (b, KW_STATUS_DONE);

  g_signal_connect (f->board, "changed", G_CALLBACK (changed_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->board);
  g_clear_pointer (&f->taken, g_date_time_unref);
}

static KwSnapshot *
take (Fixture    *f,
      const char *name)
{
  return kw_snapshot_new_from_board (f->board, name, NULL, f->taken);
}

static guint
n_snapshots (Fixture *f)
{
  return g_list_model_get_n_items (kw_board_get_snapshots (f->board));
}

static KwSnapshot *
snapshot_at (Fixture *f,
             guint    position)
{
  g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (kw_board_get_snapshots (f->board), position);

  return snapshot;
}

/* --- KwSnapshot --------------------------------------------------------- */

static void
test_from_board (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) snapshot = kw_snapshot_new_from_board (f->board, "  Na de\tworkshop ",
                                                               "Eerste ronde\nmet het team", f->taken);
  const KwSnapshotEntry *a, *b;
  KwThresholds thresholds;

  g_assert_cmpstr (kw_snapshot_get_name (snapshot), ==, "Na de workshop");
  g_assert_cmpstr (kw_snapshot_get_note (snapshot), ==, "Eerste ronde\nmet het team");
  g_assert_true (g_date_time_equal (kw_snapshot_get_taken (snapshot), f->taken));

  kw_snapshot_get_thresholds (snapshot, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 6.0);
  g_assert_cmpfloat (thresholds.effort, ==, 4.0);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 1.5);

  g_assert_cmpuint (kw_snapshot_get_n_entries (snapshot), ==, 2);
  a = kw_snapshot_get_entry (snapshot, 0);
  g_assert_cmpstr (a->id, ==, "f-1");
  g_assert_cmpstr (a->title, ==, "Heldere brieven");
  g_assert_true (a->placed);
  g_assert_cmpfloat (a->impact, ==, 8.0);
  g_assert_cmpfloat (a->effort, ==, 2.5);
  g_assert_cmpint (a->status, ==, KW_STATUS_IN_PROGRESS);
  g_assert_cmpstr (a->owner, ==, "Team communicatie");
  g_assert_cmpstr (a->due, ==, "2027-01-31");
  g_assert_cmpstr (a->review, ==, "2027-06-01");

  b = kw_snapshot_get_entry (snapshot, 1);
  g_assert_cmpstr (b->id, ==, "f-2");
  g_assert_false (b->placed);
  g_assert_cmpint (b->status, ==, KW_STATUS_DONE);
  g_assert_cmpstr (b->owner, ==, "");
  g_assert_cmpstr (b->due, ==, "");
  g_assert_cmpstr (b->review, ==, "");

  g_assert_true (kw_snapshot_lookup (snapshot, "f-1") == a);
  g_assert_true (kw_snapshot_lookup (snapshot, "f-2") == b);
  g_assert_null (kw_snapshot_lookup (snapshot, "f-3"));
}

/* Later edits of the board do not reach a snapshot taken before them. */
static void
test_is_a_copy (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) snapshot = take (f, "Voor");
  KwFinding *a = kw_board_lookup_finding (f->board, "f-1");
  KwThresholds thresholds = { 3.0, 3.0, 1.0 };
  const KwSnapshotEntry *entry;

  kw_finding_place (a, 2.0, 9.0);
  kw_finding_set_title (a, "Andere titel");
  kw_finding_set_owner (a, "");
  kw_finding_set_status (a, KW_STATUS_DONE);
  g_assert_true (kw_board_set_thresholds (f->board, &thresholds));
  g_assert_true (kw_board_remove_finding (f->board, kw_board_lookup_finding (f->board, "f-2")));

  entry = kw_snapshot_lookup (snapshot, "f-1");
  g_assert_cmpstr (entry->title, ==, "Heldere brieven");
  g_assert_cmpfloat (entry->impact, ==, 8.0);
  g_assert_cmpstr (entry->owner, ==, "Team communicatie");
  g_assert_cmpint (entry->status, ==, KW_STATUS_IN_PROGRESS);
  /* A removed finding can still be named. */
  g_assert_cmpstr (kw_snapshot_lookup (snapshot, "f-2")->title, ==, "Kennisbank actualiseren");
  kw_snapshot_get_thresholds (snapshot, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 6.0);
}

static void
test_taken_is_utc (Fixture *f, gconstpointer data)
{
  g_autoptr(GTimeZone) amsterdam = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) local = g_date_time_new (amsterdam, 2027, 1, 1, 0, 30, 0);
  g_autoptr(KwSnapshot) snapshot = kw_snapshot_new_from_board (f->board, "Nieuwjaar", NULL, local);
  g_autoptr(KwSnapshot) now = kw_snapshot_new_from_board (f->board, "Nu", NULL, NULL);
  GDateTime *taken = kw_snapshot_get_taken (snapshot);

  g_assert_true (g_date_time_equal (taken, local));
  g_assert_cmpint (g_date_time_get_utc_offset (taken), ==, 0);
  g_assert_cmpint (g_date_time_get_year (taken), ==, 2026);
  g_assert_cmpint (g_date_time_get_utc_offset (kw_snapshot_get_taken (now)), ==, 0);
}

static void
test_name_is_valid (Fixture *f, gconstpointer data)
{
  g_assert_true (kw_snapshot_name_is_valid ("Na de workshop"));
  g_assert_true (kw_snapshot_name_is_valid (" x "));
  g_assert_false (kw_snapshot_name_is_valid (""));
  g_assert_false (kw_snapshot_name_is_valid (" \t\n "));
  g_assert_false (kw_snapshot_name_is_valid ("\x01\x02"));
  g_assert_false (kw_snapshot_name_is_valid (NULL));
}

static void
test_default_name (Fixture *f, gconstpointer data)
{
  g_autofree char *first = kw_snapshot_default_name (f->board, f->taken);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *untitled = NULL;
  g_autoptr(KwSnapshot) a = take (f, first);
  g_autoptr(KwSnapshot) b = NULL;

  /* The tests run in C.UTF-8 with TZ=UTC: ISO dates, no shift. */
  g_assert_cmpstr (first, ==, "2026-12-04 · Klantcontact 2027");

  g_assert_true (kw_board_add_snapshot (f->board, a, G_MAXUINT));
  second = kw_snapshot_default_name (f->board, f->taken);
  g_assert_cmpstr (second, ==, "2026-12-04 · Klantcontact 2027 (2)");
  b = take (f, second);
  g_assert_true (kw_board_add_snapshot (f->board, b, G_MAXUINT));
  third = kw_snapshot_default_name (f->board, f->taken);
  g_assert_cmpstr (third, ==, "2026-12-04 · Klantcontact 2027 (3)");

  kw_board_set_title (f->board, "");
  untitled = kw_snapshot_default_name (f->board, f->taken);
  g_assert_cmpstr (untitled, ==, "2026-12-04");
}

/* --- On the board ------------------------------------------------------- */

static void
test_board_list (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) first = take (f, "Eerste");
  g_autoptr(KwSnapshot) second = take (f, "Tweede");
  g_autoptr(KwSnapshot) again = take (f, "Eerste");
  g_autoptr(KwSnapshot) before = take (f, "Daarvoor");

  g_assert_cmpuint (n_snapshots (f), ==, 0);
  g_assert_true (g_list_model_get_item_type (kw_board_get_snapshots (f->board)) == KW_TYPE_SNAPSHOT);

  g_assert_true (kw_board_add_snapshot (f->board, first, G_MAXUINT));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_true (kw_board_add_snapshot (f->board, second, 5));
  g_assert_cmpuint (f->n_changed, ==, 2);

  /* A name is taken once. */
  g_assert_false (kw_board_add_snapshot (f->board, again, G_MAXUINT));
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_cmpuint (n_snapshots (f), ==, 2);

  g_assert_true (kw_board_add_snapshot (f->board, before, 0));
  g_assert_true (snapshot_at (f, 0) == before);
  g_assert_true (snapshot_at (f, 1) == first);
  g_assert_true (snapshot_at (f, 2) == second);

  g_assert_true (kw_board_lookup_snapshot (f->board, "Tweede") == second);
  g_assert_null (kw_board_lookup_snapshot (f->board, "Derde"));

  g_assert_true (kw_board_remove_snapshot (f->board, first));
  g_assert_cmpuint (f->n_changed, ==, 4);
  g_assert_false (kw_board_remove_snapshot (f->board, first));
  g_assert_cmpuint (f->n_changed, ==, 4);
  g_assert_cmpuint (n_snapshots (f), ==, 2);
  g_assert_null (kw_board_lookup_snapshot (f->board, "Eerste"));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_board_rename (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) first = take (f, "Eerste");
  g_autoptr(KwSnapshot) second = take (f, "Tweede");
  g_autoptr(KwSnapshot) elsewhere = take (f, "Elders");
  g_autoptr(GPtrArray) notified = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (kw_board_add_snapshot (f->board, first, G_MAXUINT));
  g_assert_true (kw_board_add_snapshot (f->board, second, G_MAXUINT));
  g_signal_connect (first, "notify", G_CALLBACK (notify_cb), notified);
  f->n_changed = 0;

  g_assert_true (kw_board_rename_snapshot (f->board, first, " Na\nde workshop ", "Met notitie"));
  g_assert_cmpstr (kw_snapshot_get_name (first), ==, "Na de workshop");
  g_assert_cmpstr (kw_snapshot_get_note (first), ==, "Met notitie");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_true (kw_board_lookup_snapshot (f->board, "Na de workshop") == first);

  /* The same again changes and notifies nothing. */
  g_assert_true (kw_board_rename_snapshot (f->board, first, "Na de workshop", "Met notitie"));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (notified->len, ==, 2);

  /* Only the note. */
  g_assert_true (kw_board_rename_snapshot (f->board, first, "Na de workshop", NULL));
  g_assert_cmpstr (kw_snapshot_get_note (first), ==, "");
  g_assert_cmpuint (notified->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (notified, 2), ==, "note");

  /* Refused: another's name, an empty name, a snapshot not on the board. */
  g_assert_false (kw_board_rename_snapshot (f->board, first, "Tweede", NULL));
  g_assert_false (kw_board_rename_snapshot (f->board, first, "  ", NULL));
  g_assert_false (kw_board_rename_snapshot (f->board, elsewhere, "Derde", NULL));
  g_assert_cmpstr (kw_snapshot_get_name (first), ==, "Na de workshop");
  g_assert_cmpstr (kw_snapshot_get_name (elsewhere), ==, "Elders");
  g_assert_cmpuint (f->n_changed, ==, 2);
}

static void
test_board_bounds (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) one_too_many = NULL;

  /* A board of two findings: the count is the bound, not the entries. */
  for (guint i = 0; i < KW_SNAPSHOT_MAX_PER_BOARD; i++)
    {
      g_autofree char *name = g_strdup_printf ("Snapshot %u", i);
      g_autoptr(KwSnapshot) snapshot = take (f, name);

      g_assert_true (kw_board_add_snapshot (f->board, snapshot, G_MAXUINT));
    }

  g_assert_false (kw_board_has_room_for_snapshot (f->board, 0));
  one_too_many = take (f, "Nog een");
  g_assert_false (kw_board_add_snapshot (f->board, one_too_many, G_MAXUINT));
  g_assert_cmpuint (n_snapshots (f), ==, KW_SNAPSHOT_MAX_PER_BOARD);
  g_assert_true (kw_board_remove_snapshot (f->board, snapshot_at (f, 0)));
  g_assert_true (kw_board_has_room_for_snapshot (f->board, 2));
  g_assert_false (kw_board_has_room_for_snapshot (f->board, KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD));
  g_assert_true (kw_board_add_snapshot (f->board, one_too_many, G_MAXUINT));
}

static void
test_board_copy (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) first = kw_snapshot_new_from_board (f->board, "Eerste", "Notitie", f->taken);
  g_autoptr(KwSnapshot) second = take (f, "Tweede");
  g_autoptr(KwBoard) copy = NULL;
  GListModel *copies;
  g_autoptr(KwSnapshot) first_copy = NULL;
  KwThresholds thresholds;

  g_assert_true (kw_board_add_snapshot (f->board, first, G_MAXUINT));
  g_assert_true (kw_board_add_snapshot (f->board, second, G_MAXUINT));

  copy = kw_board_copy (f->board);
  copies = kw_board_get_snapshots (copy);
  g_assert_cmpuint (g_list_model_get_n_items (copies), ==, 2);
  first_copy = g_list_model_get_item (copies, 0);
  g_assert_true (first_copy != first);
  g_assert_cmpstr (kw_snapshot_get_name (first_copy), ==, "Eerste");
  g_assert_cmpstr (kw_snapshot_get_note (first_copy), ==, "Notitie");
  g_assert_true (g_date_time_equal (kw_snapshot_get_taken (first_copy), f->taken));
  kw_snapshot_get_thresholds (first_copy, &thresholds);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 1.5);
  g_assert_cmpuint (kw_snapshot_get_n_entries (first_copy), ==, 2);
  g_assert_cmpstr (kw_snapshot_lookup (first_copy, "f-1")->owner, ==, "Team communicatie");

  /* Renaming in the copy leaves the original alone. */
  g_assert_true (kw_board_rename_snapshot (copy, first_copy, "Hernoemd", NULL));
  g_assert_cmpstr (kw_snapshot_get_name (first), ==, "Eerste");
  g_assert_nonnull (kw_board_lookup_snapshot (copy, "Tweede"));
}

/* --- Undo and redo ------------------------------------------------------ */

static void
test_history_add (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) first = take (f, "Eerste");
  g_autoptr(KwSnapshot) second = take (f, "Tweede");
  g_autoptr(KwSnapshot) duplicate = take (f, "Tweede");

  g_assert_true (kw_history_add_snapshot (f->history, first, G_MAXUINT));
  g_assert_true (kw_history_add_snapshot (f->history, second, 0));
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Take Snapshot");
  g_assert_true (snapshot_at (f, 0) == second);

  /* A refused snapshot records nothing. */
  g_assert_false (kw_history_add_snapshot (f->history, duplicate, G_MAXUINT));
  g_assert_cmpuint (n_snapshots (f), ==, 2);

  g_assert_true (kw_history_undo (f->history));
  g_assert_cmpuint (n_snapshots (f), ==, 1);
  g_assert_null (kw_board_lookup_snapshot (f->board, "Tweede"));
  g_assert_true (kw_history_undo (f->history));
  g_assert_cmpuint (n_snapshots (f), ==, 0);
  g_assert_false (kw_history_get_can_undo (f->history));
  g_assert_cmpstr (kw_history_get_redo_label (f->history), ==, "Take Snapshot");

  g_assert_true (kw_history_redo (f->history));
  g_assert_true (kw_history_redo (f->history));
  g_assert_cmpuint (n_snapshots (f), ==, 2);
  /* Back where each was. */
  g_assert_true (snapshot_at (f, 0) == second);
  g_assert_true (snapshot_at (f, 1) == first);
}

static void
test_history_remove (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) first = take (f, "Eerste");
  g_autoptr(KwSnapshot) second = take (f, "Tweede");
  g_autoptr(KwSnapshot) third = take (f, "Derde");
  g_autoptr(KwSnapshot) elsewhere = take (f, "Elders");

  g_assert_true (kw_board_add_snapshot (f->board, first, G_MAXUINT));
  g_assert_true (kw_board_add_snapshot (f->board, second, G_MAXUINT));
  g_assert_true (kw_board_add_snapshot (f->board, third, G_MAXUINT));

  g_assert_false (kw_history_remove_snapshot (f->history, elsewhere));
  g_assert_false (kw_history_get_can_undo (f->history));

  g_assert_true (kw_history_remove_snapshot (f->history, second));
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Delete Snapshot");
  g_assert_cmpuint (n_snapshots (f), ==, 2);

  g_assert_true (kw_history_undo (f->history));
  g_assert_cmpuint (n_snapshots (f), ==, 3);
  g_assert_true (snapshot_at (f, 1) == second);

  g_assert_true (kw_history_redo (f->history));
  g_assert_null (kw_board_lookup_snapshot (f->board, "Tweede"));
  g_assert_true (snapshot_at (f, 1) == third);
}

static void
test_history_rename (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) first = kw_snapshot_new_from_board (f->board, "Eerste", "Oud", f->taken);
  g_autoptr(KwSnapshot) second = take (f, "Tweede");

  g_assert_true (kw_board_add_snapshot (f->board, first, G_MAXUINT));
  g_assert_true (kw_board_add_snapshot (f->board, second, G_MAXUINT));

  g_assert_true (kw_history_rename_snapshot (f->history, first, "Na de workshop", "Nieuw"));
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Rename Snapshot");

  /* Refused or unchanged: nothing recorded. */
  g_assert_false (kw_history_rename_snapshot (f->history, first, "Tweede", NULL));
  g_assert_true (kw_history_rename_snapshot (f->history, first, "Na de workshop", "Nieuw"));
  g_assert_true (kw_history_undo (f->history));
  g_assert_false (kw_history_get_can_undo (f->history));

  g_assert_cmpstr (kw_snapshot_get_name (first), ==, "Eerste");
  g_assert_cmpstr (kw_snapshot_get_note (first), ==, "Oud");

  g_assert_true (kw_history_redo (f->history));
  g_assert_cmpstr (kw_snapshot_get_name (first), ==, "Na de workshop");
  g_assert_cmpstr (kw_snapshot_get_note (first), ==, "Nieuw");
  g_assert_true (kw_board_lookup_snapshot (f->board, "Na de workshop") == first);
}

/* Undoing a take after the snapshot was renamed, and redoing both. */
static void
test_history_mixed (Fixture *f, gconstpointer data)
{
  g_autoptr(KwSnapshot) snapshot = take (f, "Eerste");
  KwFinding *a = kw_board_lookup_finding (f->board, "f-1");

  g_assert_true (kw_history_add_snapshot (f->history, snapshot, G_MAXUINT));
  kw_history_place (f->history, a, 1.0, 1.0);
  g_assert_true (kw_history_rename_snapshot (f->history, snapshot, "Hernoemd", NULL));

  while (kw_history_undo (f->history))
    ;
  g_assert_cmpuint (n_snapshots (f), ==, 0);
  g_assert_cmpstr (kw_snapshot_get_name (snapshot), ==, "Eerste");
  g_assert_cmpfloat (kw_finding_get_impact (a), ==, 8.0);

  while (kw_history_redo (f->history))
    ;
  g_assert_true (kw_board_lookup_snapshot (f->board, "Hernoemd") == snapshot);
  g_assert_cmpfloat (kw_snapshot_lookup (snapshot, "f-1")->impact, ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_impact (a), ==, 1.0);
}

int
main (int argc, char *argv[])
{
  /* Default names show the local date: make local time known. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/snapshot/from-board", test_from_board);
  ADD ("/snapshot/is-a-copy", test_is_a_copy);
  ADD ("/snapshot/taken-is-utc", test_taken_is_utc);
  ADD ("/snapshot/name-is-valid", test_name_is_valid);
  ADD ("/snapshot/default-name", test_default_name);
  ADD ("/snapshot/board/list", test_board_list);
  ADD ("/snapshot/board/rename", test_board_rename);
  ADD ("/snapshot/board/bounds", test_board_bounds);
  ADD ("/snapshot/board/copy", test_board_copy);
  ADD ("/snapshot/history/add", test_history_add);
  ADD ("/snapshot/history/remove", test_history_remove);
  ADD ("/snapshot/history/rename", test_history_rename);
  ADD ("/snapshot/history/mixed", test_history_mixed);

  return g_test_run ();
}
