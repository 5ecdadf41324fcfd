/* test-document.c: KwDocument without a display: load, change, save
 * (the etag follows, the draft goes), a change on disk by someone else
 * signalled and a save refused over it, a board from a newer format kept
 * read-only, drafts written and restored, reload, discard, a failed and a
 * superseded load.
 *
 * Every wait is for something the document reports (an async result, a
 * signal); a generous timeout only turns a hang into a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kw-document.h"
#include "kw-format.h"
#include "kw-core-test.h"

typedef struct
{
  char         *dir;
  KwDraftStore *store;
  KwDocument   *document;
} Fixture;

/* Waiting */

typedef struct
{
  GAsyncResult *result;
  gboolean      done;
} Waiter;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  waiter->done = TRUE;
}

typedef gboolean (*FinishFunc) (KwDocument *, GAsyncResult *, GError **);

static gboolean
wait_finish (KwDocument  *document,
             Waiter      *waiter,
             FinishFunc   finish,
             GError     **error)
{
  gboolean ok;

  kw_core_test_wait_until (&waiter->done, "an async result");
  ok = finish (document, waiter->result, error);
  g_clear_object (&waiter->result);

  return ok;
}

static gboolean
load (KwDocument  *document,
      GFile       *file,
      GError     **error)
{
  Waiter waiter = { 0 };

  kw_document_load_async (document, file, NULL, result_cb, &waiter);
  /* Loading shows at once, before anything is read. */
  g_assert_true (kw_document_get_loading (document));
  return wait_finish (document, &waiter, kw_document_load_finish, error);
}

static gboolean
save (KwDocument  *document,
      GError     **error)
{
  Waiter waiter = { 0 };

  kw_document_save_async (document, result_cb, &waiter);
  return wait_finish (document, &waiter, kw_document_save_finish, error);
}

static gboolean
save_as (KwDocument  *document,
         GFile       *file,
         GError     **error)
{
  Waiter waiter = { 0 };

  kw_document_save_as_async (document, file, result_cb, &waiter);
  return wait_finish (document, &waiter, kw_document_save_finish, error);
}

typedef struct
{
  gboolean    done;
  KwFileState state;
} SignalWaiter;

static void
file_changed_cb (KwDocument   *document,
                 KwFileState   state,
                 SignalWaiter *waiter)
{
  waiter->state = state;
  waiter->done = TRUE;
}

/* Waits for the next "file-changed" and returns its state. */
static KwFileState
wait_for_file_changed (KwDocument *document)
{
  SignalWaiter waiter = { 0 };
  gulong id = g_signal_connect (document, "file-changed", G_CALLBACK (file_changed_cb), &waiter);

  kw_core_test_wait_until (&waiter.done, "file-changed");
  g_signal_handler_disconnect (document, id);
  g_assert_cmpint (kw_document_get_file_state (document), ==, waiter.state);

  return waiter.state;
}

static void
draft_written_cb (KwDocument *document,
                  gboolean   *done)
{
  *done = TRUE;
}

static void
wait_for_draft (KwDocument *document)
{
  gboolean done = FALSE;
  gulong id = g_signal_connect (document, "draft-written", G_CALLBACK (draft_written_cb), &done);

  kw_core_test_wait_until (&done, "draft-written");
  g_signal_handler_disconnect (document, id);
  g_assert_nonnull (kw_document_get_draft_id (document));
}

static GFile *
draft_file (Fixture    *fixture,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, KW_DRAFT_SUFFIX, NULL);

  return g_file_new_build_filename (fixture->dir, "drafts", name, NULL);
}

/* The store removes a draft in its own time: wait for the file to go,
 * woken by the folder's monitor. Fails (at the guard) if it never goes. */
static void
wait_for_draft_gone (Fixture    *fixture,
                     const char *id)
{
  g_autoptr(GFile) file = draft_file (fixture, id);
  g_autoptr(GFileMonitor) monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
  
  g_assert_nonnull (monitor);
  while (g_file_query_exists (file, NULL))
    g_main_context_iteration (NULL, TRUE);
}

/* Files */

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  return g_file_new_build_filename (fixture->dir, name, NULL);
}

static KwBoard *
new_board (const char *title,
           guint       n_findings)
{
  KwBoard *board = kw_board_new ();

  kw_board_set_title (board, title);
  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *finding_title = g_strdup_printf ("Bevinding %u", i + 1);
      g_autoptr(KwFinding) finding = kw_finding_new (finding_title);

      kw_finding_place (finding, 2.0 + i, 3.0);
      kw_board_append_finding (board, finding);
    }

  return board;
}

static GFile *
write_board (Fixture    *fixture,
             const char *name,
             const char *title,
             guint       n_findings)
{
  g_autoptr(KwBoard) board = new_board (title, n_findings);
  GFile *file = fixture_file (fixture, name);
  g_autoptr(GError) error = NULL;

  kw_format_save_file (board, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return file;
}

static char *
dup_disk_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  g_assert_nonnull (info);
  return g_strdup (g_file_info_get_etag (info));
}

static guint
count_findings_on_disk (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return kw_board_get_n_findings (board);
}

static void
add_finding (KwDocument *document,
             const char *title)
{
  g_autoptr(KwFinding) finding = kw_finding_new (title);

  kw_history_add (kw_document_get_history (document), finding, G_MAXUINT);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) drafts = NULL;

  fixture->dir = g_dir_make_tmp ("kw-document-XXXXXX", &error);
  g_assert_no_error (error);
  drafts = fixture_file (fixture, "drafts");
  fixture->store = kw_draft_store_new (drafts);
  fixture->document = g_object_new (KW_TYPE_DOCUMENT, "draft-store", fixture->store, NULL);
}

static void
set_true (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);
  gboolean finalized = FALSE;

  /* Closing writes the changes not yet in a draft: the document lives
   * until that write is done, and only then may the folder go. */
  /* Object data goes at finalisation; weak references at dispose. */
  g_object_set_data_full (G_OBJECT (fixture->document), "test-finalized", &finalized, set_true);
  g_clear_object (&fixture->document);
  kw_core_test_wait_until (&finalized, "the document's last work");
  g_clear_object (&fixture->store);
  kw_core_test_remove_tree (dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Tests */

static void
test_new (Fixture       *fixture,
          gconstpointer  data)
{
  KwDocument *document = fixture->document;

  g_assert_nonnull (kw_document_get_board (document));
  g_assert_nonnull (kw_document_get_history (document));
  g_assert_null (kw_document_get_file (document));
  g_assert_cmpstr (kw_document_get_title (document), ==, "Untitled board");
  g_assert_false (kw_document_get_modified (document));
  g_assert_false (kw_document_get_loading (document));
  g_assert_false (kw_document_get_read_only (document));
  g_assert_null (kw_document_get_draft_id (document));
}

static void
test_load_change_save (Fixture       *fixture,
                       gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) file = write_board (fixture, "bord.kwadrant", "Klantcontact", 3);
  g_autofree char *read_etag = dup_disk_etag (file);
  g_autofree char *saved_etag = NULL;
  g_autofree char *draft_id = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (kw_document_get_loading (document));
  g_assert_true (g_file_equal (kw_document_get_file (document), file));
  g_assert_cmpstr (kw_document_get_etag (document), ==, read_etag);
  g_assert_cmpstr (kw_document_get_title (document), ==, "Klantcontact");
  g_assert_cmpuint (kw_board_get_n_findings (kw_document_get_board (document)), ==, 3);
  g_assert_false (kw_document_get_modified (document));

  /* A change: modified, and a draft soon after. */
  add_finding (document, "Terugbelverzoek");
  g_assert_true (kw_document_get_modified (document));
  wait_for_draft (document);
  draft_id = g_strdup (kw_document_get_draft_id (document));

  /* The title follows the board. */
  kw_history_set_board_text (kw_document_get_history (document), KW_BOARD_TEXT_TITLE, "Klantcontact maart");
  g_assert_cmpstr (kw_document_get_title (document), ==, "Klantcontact maart");

  g_assert_true (save (document, &error));
  g_assert_no_error (error);
  g_assert_false (kw_document_get_saving (document));
  g_assert_false (kw_document_get_modified (document));
  g_assert_cmpuint (count_findings_on_disk (file), ==, 4);
  /* The etag is the new file's, from the save itself. */
  saved_etag = dup_disk_etag (file);
  g_assert_cmpstr (kw_document_get_etag (document), !=, read_etag);
  g_assert_true (kw_format_etags_match (kw_document_get_etag (document), saved_etag));
  /* Saved: nothing left to recover. */
  g_assert_null (kw_document_get_draft_id (document));
  wait_for_draft_gone (fixture, draft_id);

  /* Our own save is not someone else's change. */
  g_assert_cmpint (kw_document_get_file_state (document), ==, KW_FILE_STATE_UNCHANGED);
}

/* A change made while the save runs keeps the board modified. */
static void
test_change_while_saving (Fixture       *fixture,
                          gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) file = write_board (fixture, "bord.kwadrant", "Bord", 1);
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  g_assert_true (load (document, file, &error));
  add_finding (document, "Eerste");

  kw_document_save_async (document, result_cb, &waiter);
  g_assert_true (kw_document_get_saving (document));
  add_finding (document, "Tijdens het opslaan");
  g_assert_true (wait_finish (document, &waiter, kw_document_save_finish, &error));
  g_assert_no_error (error);

  g_assert_true (kw_document_get_modified (document));
  g_assert_cmpuint (count_findings_on_disk (file), ==, 2);
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) file = write_board (fixture, "gedeeld.kwadrant", "Gedeeld", 2);
  g_autoptr(GFile) theirs = write_board (fixture, "collega.kwadrant", "Van een collega", 5);
  g_autoptr(GError) error = NULL;

  g_assert_true (load (document, file, &error));
  add_finding (document, "Van mij");

  /* Someone else: a shell replacing the file with another board. */
  kw_core_test_run_shell ("cat \"$2\" > \"$1\"", file, theirs, NULL);
  g_assert_cmpint (wait_for_file_changed (document), ==, KW_FILE_STATE_CHANGED);

  /* Save refuses to overwrite their version unasked. */
  g_assert_false (save (document, &error));
  g_assert_error (error, KW_DOCUMENT_ERROR, KW_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (kw_document_get_modified (document));
  g_assert_false (kw_document_get_saving (document));
  g_assert_cmpuint (count_findings_on_disk (file), ==, 5);

  /* The user chose to replace it: ours is the known version again. */
  g_assert_true (save_as (document, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_findings_on_disk (file), ==, 3);
  g_assert_cmpint (wait_for_file_changed (document), ==, KW_FILE_STATE_UNCHANGED);
}

static void
test_deleted_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) file = write_board (fixture, "weg.kwadrant", "Weg", 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (load (document, file, &error));
  g_assert_true (g_file_delete (file, NULL, &error));
  g_assert_cmpint (wait_for_file_changed (document), ==, KW_FILE_STATE_GONE);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) file = fixture_file (fixture, "toekomst.kwadrant");
  g_autofree char *path = g_file_get_path (file);
  const char *contents =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<board xmlns=\"https://kwadrant.github.io/ns/board\" format-version=\"4\">\n"
    "  <title>Bord uit de toekomst</title>\n"
    "  <colour-scheme name=\"pastel\"/>\n"
    "  <findings>\n"
    "    <finding id=\"a\" created=\"2030-01-02T09:00:00Z\" modified=\"2030-01-02T09:00:00Z\">\n"
    "      <title>Wachtrij korter</title>\n"
    "    </finding>\n"
    "  </findings>\n"
    "</board>\n";
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_true (load (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (kw_document_get_read_only (document));

  g_assert_false (save (document, &error));
  g_assert_error (error, KW_DOCUMENT_ERROR, KW_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (kw_document_get_saving (document));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
}

static void
test_draft_restored (Fixture       *fixture,
                     gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) file = write_board (fixture, "herstel.kwadrant", "Herstel", 2);
  g_autoptr(KwDocument) restored = g_object_new (KW_TYPE_DOCUMENT, "draft-store", fixture->store, NULL);
  g_autoptr(KwDraft) draft = NULL;
  g_autoptr(KwBoard) draft_board = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };
  const char *id;

  g_assert_true (load (document, file, &error));
  add_finding (document, "Niet opgeslagen");
  wait_for_draft (document);
  id = kw_document_get_draft_id (document);

  draft_board = kw_draft_store_load (fixture->store, id, &draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_n_findings (draft_board), ==, 3);

  kw_document_restore_draft_async (restored, draft, result_cb, &waiter);
  g_assert_true (kw_document_get_loading (restored));
  g_assert_true (wait_finish (restored, &waiter, kw_document_restore_draft_finish, &error));
  g_assert_no_error (error);

  /* Modified, with the file and etag the board had, and the same draft. */
  g_assert_false (kw_document_get_loading (restored));
  g_assert_true (kw_document_get_modified (restored));
  g_assert_cmpuint (kw_board_get_n_findings (kw_document_get_board (restored)), ==, 3);
  g_assert_true (g_file_equal (kw_document_get_file (restored), file));
  g_assert_cmpstr (kw_document_get_etag (restored), ==, kw_document_get_etag (document));
  g_assert_cmpstr (kw_document_get_draft_id (restored), ==, id);
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) file = write_board (fixture, "opnieuw.kwadrant", "Opnieuw", 2);
  g_autofree char *draft_id = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };
  KwHistory *history_before;

  g_assert_true (load (document, file, &error));
  history_before = kw_document_get_history (document);
  add_finding (document, "Weg na herladen");
  wait_for_draft (document);
  draft_id = g_strdup (kw_document_get_draft_id (document));

  kw_document_reload_async (document, result_cb, &waiter);
  g_assert_true (wait_finish (document, &waiter, kw_document_reload_finish, &error));
  g_assert_no_error (error);

  g_assert_false (kw_document_get_modified (document));
  g_assert_cmpuint (kw_board_get_n_findings (kw_document_get_board (document)), ==, 2);
  /* A new board, a new history: undo never reaches the old one. */
  g_assert_true (kw_document_get_history (document) != history_before);
  g_assert_false (kw_history_get_can_undo (kw_document_get_history (document)));
  g_assert_null (kw_document_get_draft_id (document));
  wait_for_draft_gone (fixture, draft_id);
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autofree char *draft_id = NULL;

  add_finding (document, "Toch niet");
  wait_for_draft (document);
  draft_id = g_strdup (kw_document_get_draft_id (document));
  {
    g_autoptr(GFile) written = draft_file (fixture, draft_id);

    g_assert_true (g_file_query_exists (written, NULL));
  }

  add_finding (document, "Nog een");
  wait_for_draft (document);
  kw_document_discard_changes (document);
  g_assert_null (kw_document_get_draft_id (document));
  wait_for_draft_gone (fixture, draft_id);
}

/* A broken file leaves the document as it was. */
static void
test_failed_load_keeps_board (Fixture       *fixture,
                              gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) file = write_board (fixture, "goed.kwadrant", "Goed", 2);
  g_autoptr(GFile) broken = fixture_file (fixture, "kapot.kwadrant");
  g_autofree char *broken_path = g_file_get_path (broken);
  g_autoptr(GError) error = NULL;
  KwBoard *board;

  g_assert_true (load (document, file, &error));
  board = kw_document_get_board (document);
  g_assert_true (g_file_set_contents (broken_path, "<board>niet af", -1, &error));

  g_assert_false (load (document, broken, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (kw_document_get_loading (document));
  g_assert_true (kw_document_get_board (document) == board);
  g_assert_true (g_file_equal (kw_document_get_file (document), file));

  /* Missing: the loader says so too. */
  g_assert_false (load (document, fixture_file (fixture, "bestaat-niet.kwadrant"), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (kw_document_get_board (document) == board);
}

/* A second load takes over: the first ends cancelled and changes nothing. */
static void
test_superseded_load (Fixture       *fixture,
                      gconstpointer  data)
{
  KwDocument *document = fixture->document;
  g_autoptr(GFile) first = write_board (fixture, "eerste.kwadrant", "Eerste", 1);
  g_autoptr(GFile) second = write_board (fixture, "tweede.kwadrant", "Tweede", 2);
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) error = NULL;
  Waiter first_waiter = { 0 };

  kw_document_load_async (document, first, NULL, result_cb, &first_waiter);
  g_assert_true (load (document, second, &error));
  g_assert_no_error (error);
  g_assert_false (wait_finish (document, &first_waiter, kw_document_load_finish, &first_error));
  g_assert_error (first_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpstr (kw_document_get_title (document), ==, "Tweede");
  g_assert_true (g_file_equal (kw_document_get_file (document), second));
  g_assert_false (kw_document_get_loading (document));
}

/* The draft's promise (on disk within 2 s of a change) rests on this rule:
 * a pause of 500 ms in the changes, but never due later than 1.5 s after
 * the first change, however steadily a drag keeps changing the board. */
static void
test_draft_wait (void)
{
  const gint64 ms = 1000;
  gint64 first = 10000 * ms;

  g_assert_cmpuint (kw_document_draft_wait_ms (first, first), ==, KW_DOCUMENT_DRAFT_PAUSE_MS);
  g_assert_cmpuint (kw_document_draft_wait_ms (first, first + 900 * ms), ==, KW_DOCUMENT_DRAFT_PAUSE_MS);
  g_assert_cmpuint (kw_document_draft_wait_ms (first, first + 1200 * ms), ==, 300);
  g_assert_cmpuint (kw_document_draft_wait_ms (first, first + 1500 * ms), ==, 0);
  g_assert_cmpuint (kw_document_draft_wait_ms (first, first + 60000 * ms), ==, 0);

  /* A change every frame: the draft falls due at 1.5 s, never later. */
  for (gint64 t = 0; t < 3000; t += 16)
    g_assert_cmpint (t + kw_document_draft_wait_ms (first, first + t * ms), <=,
                     MAX (t, KW_DOCUMENT_DRAFT_MAX_DELAY_MS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/new", test_new);
  ADD ("/document/load-change-save", test_load_change_save);
  ADD ("/document/change-while-saving", test_change_while_saving);
  ADD ("/document/changed-on-disk", test_changed_on_disk);
  ADD ("/document/deleted-on-disk", test_deleted_on_disk);
  ADD ("/document/read-only", test_read_only);
  ADD ("/document/draft-restored", test_draft_restored);
  ADD ("/document/reload", test_reload);
  ADD ("/document/discard", test_discard);
  ADD ("/document/failed-load-keeps-board", test_failed_load_keeps_board);
  ADD ("/document/superseded-load", test_superseded_load);
#undef ADD
  g_test_add_func ("/document/draft-wait", test_draft_wait);

  return g_test_run ();
}
