/* test-drafts.c: autosaved drafts: written, listed, loaded and removed;
 * atomic under a concurrent reader; a draft of a live process is left
 * alone until that process is killed; damaged drafts and leftovers of
 * interrupted writes are cleaned up.
 *
 * The test runs a copy of itself (--hold-drafts) as the "other Kwadrant"
 * that writes drafts and is then killed with SIGKILL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

#include "kw-draft-store.h"
#include "kw-format.h"
#include "kw-participant-list.h"

/* Helpers */

static GFile *
new_temp_dir (void)
{
  g_autofree char *path = g_dir_make_tmp ("kw-drafts-XXXXXX", NULL);

  g_assert_nonnull (path);
  return g_file_new_for_path (path);
}

static void
remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                    NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (dir, NULL, NULL);
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

      if (i % 2 == 0)
        kw_finding_place (finding, 1.0 + (i % 9), 1.0 + ((i * 7) % 9));
      kw_board_append_finding (board, finding);
    }

  return board;
}

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (Waiter *waiter)
{
  while (waiter->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return waiter->result;
}

static gboolean
save_draft (KwDraftStore  *store,
            const char    *id,
            KwBoard       *board,
            GFile         *file,
            const char    *etag,
            GError       **error)
{
  Waiter waiter = { NULL };
  gboolean saved;

  kw_draft_store_save_async (store, id, board, file, etag, NULL, store_result_cb, &waiter);
  saved = kw_draft_store_save_finish (store, wait_for_result (&waiter), error);
  g_object_unref (waiter.result);

  return saved;
}

static gboolean
remove_draft (KwDraftStore  *store,
              const char    *id,
              GError       **error)
{
  Waiter waiter = { NULL };
  gboolean removed;

  kw_draft_store_remove_async (store, id, NULL, store_result_cb, &waiter);
  removed = kw_draft_store_remove_finish (store, wait_for_result (&waiter), error);
  g_object_unref (waiter.result);

  return removed;
}

static GFile *
draft_file (KwDraftStore *store,
            const char   *id)
{
  g_autofree char *name = g_strconcat (id, KW_DRAFT_SUFFIX, NULL);

  return g_file_get_child (kw_draft_store_get_directory (store), name);
}

/* The other process: writes a draft for each title ("" for an untitled
 * board), prints their ids and "ready", then waits for its stdin to close. */
static int
hold_drafts (int    argc,
             char **argv)
{
  g_autoptr(GFile) dir = g_file_new_for_path (argv[2]);
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  char line[64];

  for (int i = 3; i < argc; i++)
    {
      g_autoptr(KwBoard) board = new_board (argv[i], 3);
      g_autofree char *id = kw_draft_store_new_id (store);
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = g_strdup_printf ("file:///tmp/%s.kwadrant", *argv[i] ? argv[i] : "none");
      g_autoptr(GFile) file = *argv[i] != '\0' ? g_file_new_for_uri (uri) : NULL;

      if (!save_draft (store, id, board, file, *argv[i] ? "etag-1" : NULL, &error))
        {
          fprintf (stderr, "holder: %s\n", error->message);
          return 1;
        }
      printf ("%s\n", id);
      fflush (stdout);
      /* Distinct times, so the order newest first is meaningful. */
      g_usleep (20 * 1000);
    }

  printf ("ready\n");
  fflush (stdout);

  while (fgets (line, sizeof line, stdin) != NULL)
    ;

  return 0;
}

typedef struct
{
  GSubprocess *process;
  GPtrArray   *ids;
} Holder;

static void
holder_start (Holder     *holder,
              GFile      *dir,
              const char *const *titles)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, exe);
  g_ptr_array_add (argv, (gpointer) "--hold-drafts");
  g_ptr_array_add (argv, (gpointer) g_file_peek_path (dir));
  for (guint i = 0; titles[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) titles[i]);
  g_ptr_array_add (argv, NULL);

  holder->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                       G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                       &error);
  g_assert_no_error (error);
  holder->ids = g_ptr_array_new_with_free_func (g_free);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder->process));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_equal (line, "ready"))
        break;
      g_ptr_array_add (holder->ids, g_steal_pointer (&line));
    }
  g_assert_cmpuint (holder->ids->len, ==, g_strv_length ((char **) titles));
}

static void
holder_kill (Holder *holder)
{
  g_autoptr(GError) error = NULL;

  /* As a crash would: no chance to clean up. */
  g_subprocess_send_signal (holder->process, SIGKILL);
  g_subprocess_wait (holder->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (holder->process));
  g_assert_cmpint (g_subprocess_get_term_sig (holder->process), ==, SIGKILL);
}

static void
holder_clear (Holder *holder)
{
  g_clear_object (&holder->process);
  g_clear_pointer (&holder->ids, g_ptr_array_unref);
}

/* Tests */

static void
test_save_load_remove (void)
{
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(GFile) drafts_dir = g_file_get_child (dir, "nested");
  g_autoptr(KwDraftStore) store = kw_draft_store_new (drafts_dir);
  g_autoptr(KwBoard) board = new_board ("Klantcontact Q3", 5);
  g_autoptr(GFile) original = g_file_get_child (dir, "board.kwadrant");
  g_autofree char *id = kw_draft_store_new_id (store);
  g_autoptr(GFile) file = draft_file (store, id);
  g_autoptr(KwBoard) loaded = NULL;
  g_autoptr(KwDraft) draft = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GFileInfo) info = NULL;

  g_assert_true (g_uuid_string_is_valid (id));

  /* No folder yet: nothing to list, and no error. */
  listed = kw_draft_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  g_assert_true (save_draft (store, id, board, original, "1700000000:123", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));
  /* The board's own file is never written. */
  g_assert_false (g_file_query_exists (original, NULL));

  /* Only the user may read it. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0077, ==, 0);

  loaded = kw_draft_store_load (store, id, &draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (kw_board_get_title (loaded), ==, "Klantcontact Q3");
  g_assert_cmpuint (kw_board_get_n_findings (loaded), ==, 5);
  g_assert_cmpfloat (kw_finding_get_impact (kw_board_get_finding (loaded, 2)), ==,
                     kw_finding_get_impact (kw_board_get_finding (board, 2)));

  g_assert_cmpstr (kw_draft_get_id (draft), ==, id);
  g_assert_cmpstr (kw_draft_get_title (draft), ==, "Klantcontact Q3");
  g_assert_true (g_file_equal (kw_draft_get_file (draft), original));
  g_assert_cmpstr (kw_draft_get_etag (draft), ==, "1700000000:123");
  g_assert_cmpuint (kw_draft_get_pid (draft), ==, (guint) getpid ());
  g_assert_cmpint (g_date_time_compare (kw_draft_get_written (draft), before), >=, 0);

  /* A draft of this process is never offered to itself. */
  listed = kw_draft_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);

  g_assert_true (remove_draft (store, id, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (file, NULL));
  /* Removing again is fine. */
  g_assert_true (remove_draft (store, id, &error));
  g_assert_no_error (error);

  g_clear_object (&loaded);
  loaded = kw_draft_store_load (store, id, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (loaded);

  remove_tree (dir);
}

/* A draft keeps the participants and their estimates: a board brought
 * back after a crash is the one the room estimated. */
static void
test_estimates_survive (void)
{
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  g_autoptr(KwBoard) board = new_board ("Schattingen", 3);
  KwParticipantList *participants = kw_board_get_participants (board);
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", "Teamleider");
  g_autoptr(KwParticipant) sem = kw_participant_new ("p2", "Sem", NULL);
  KwEstimate given = { TRUE, 7.5, 3.0 };
  KwEstimate no_idea = { FALSE, 0.0, 0.0 };
  KwEstimate got;
  g_autofree char *id = kw_draft_store_new_id (store);
  g_autoptr(KwBoard) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_loaded = NULL;
  g_autoptr(GError) error = NULL;
  KwFinding *finding;

  g_assert_true (kw_participant_list_add (participants, anna, G_MAXUINT));
  g_assert_true (kw_participant_list_add (participants, sem, G_MAXUINT));
  kw_finding_set_estimate (kw_board_get_finding (board, 1), "p2", &no_idea);
  kw_finding_set_estimate (kw_board_get_finding (board, 1), "p1", &given);

  g_assert_true (save_draft (store, id, board, NULL, NULL, &error));
  g_assert_no_error (error);
  loaded = kw_draft_store_load (store, id, NULL, NULL, &error);
  g_assert_no_error (error);

  participants = kw_board_get_participants (loaded);
  g_assert_cmpuint (kw_participant_list_get_n_items (participants), ==, 2);
  g_assert_cmpstr (kw_participant_get_team (kw_participant_list_lookup (participants, "p1")), ==, "Teamleider");
  finding = kw_board_get_finding (loaded, 1);
  g_assert_cmpuint (kw_finding_get_n_estimates (finding), ==, 2);
  g_assert_true (kw_finding_get_estimate (finding, "p1", &got));
  g_assert_true (kw_estimate_equal (&got, &given));
  g_assert_true (kw_finding_get_estimate (finding, "p2", &got));
  g_assert_false (got.known);
  g_assert_cmpuint (kw_finding_get_n_estimates (kw_board_get_finding (loaded, 0)), ==, 0);

  /* Nothing else changed on the way either. */
  saved = kw_format_save_bytes (board, &error);
  g_assert_no_error (error);
  saved_loaded = kw_format_save_bytes (loaded, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (saved, saved_loaded));

  g_assert_true (remove_draft (store, id, &error));
  g_assert_no_error (error);
  remove_tree (dir);
}

/* Writes of one id land in the order they were asked for, and a removal
 * asked for while writes are under way wins over all of them. */
static void
test_writes_in_order (void)
{
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  g_autofree char *id = kw_draft_store_new_id (store);
  g_autoptr(GFile) file = draft_file (store, id);
  Waiter waiters[5] = { { NULL } };
  Waiter removed = { NULL };
  g_autoptr(KwBoard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_autoptr(KwBoard) board = new_board ("Volgorde", 100 * (i + 1));

      kw_draft_store_save_async (store, id, board, NULL, NULL, NULL, store_result_cb, &waiters[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_assert_true (kw_draft_store_save_finish (store, wait_for_result (&waiters[i]), &error));
      g_assert_no_error (error);
      g_object_unref (waiters[i].result);
    }

  loaded = kw_draft_store_load (store, id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_n_findings (loaded), ==, 500);

  /* Removal right behind a series of writes: nothing stays behind. */
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_autoptr(KwBoard) board = new_board ("Weg", 200);

      waiters[i].result = NULL;
      kw_draft_store_save_async (store, id, board, NULL, NULL, NULL, store_result_cb, &waiters[i]);
    }
  kw_draft_store_remove_async (store, id, NULL, store_result_cb, &removed);
  g_assert_true (kw_draft_store_remove_finish (store, wait_for_result (&removed), &error));
  g_assert_no_error (error);
  g_object_unref (removed.result);
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      if (kw_draft_store_save_finish (store, wait_for_result (&waiters[i]), &error))
        n_written++;
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_object_unref (waiters[i].result);
    }
  /* The first was under way already; the others waited and were dropped. */
  g_assert_cmpuint (n_written, ==, 1);
  g_assert_false (g_file_query_exists (file, NULL));

  remove_tree (dir);
}

typedef struct
{
  KwDraftStore *store;
  const char   *id;
  gint          stop;
  guint         n_reads;
  guint         n_failures;
  guint         sizes_seen[2];
} Reader;

static gpointer
read_repeatedly (gpointer data)
{
  Reader *reader = data;

  while (!g_atomic_int_get (&reader->stop))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KwBoard) board = kw_draft_store_load (reader->store, reader->id, NULL, NULL, &error);

      reader->n_reads++;
      if (board == NULL)
        reader->n_failures++;
      else if (kw_board_get_n_findings (board) == 2000)
        reader->sizes_seen[0]++;
      else if (kw_board_get_n_findings (board) == 2001)
        reader->sizes_seen[1]++;
      else
        reader->n_failures++;
    }

  return NULL;
}

/* A reader never sees half a draft, however the writes and reads
 * interleave: each read is the whole old draft or the whole new one. */
static void
test_atomic_replace (void)
{
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  g_autofree char *id = kw_draft_store_new_id (store);
  g_autoptr(KwBoard) small = new_board ("Atomisch", 2000);
  g_autoptr(KwBoard) large = new_board ("Atomisch", 2001);
  g_autoptr(GError) error = NULL;
  Reader reader = { store, id, 0, 0, 0, { 0, 0 } };
  GThread *thread;

  g_assert_true (save_draft (store, id, small, NULL, NULL, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("reader", read_repeatedly, &reader);
  for (guint i = 0; i < 30; i++)
    {
      g_assert_true (save_draft (store, id, i % 2 == 0 ? large : small, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&reader.stop, 1);
  g_thread_join (thread);

  g_test_message ("%u reads during 30 writes: %u of the old size, %u of the new",
                  reader.n_reads, reader.sizes_seen[0], reader.sizes_seen[1]);
  g_assert_cmpuint (reader.n_failures, ==, 0);
  g_assert_cmpuint (reader.n_reads, >, 0);

  remove_tree (dir);
}

/* The drafts of another live Kwadrant are its own; once it is killed they
 * are orphans and listed, newest first, until one process adopts them. */
static void
test_live_owner_then_killed (void)
{
  const char *titles[] = { "Eerste bord", "", "Derde bord", NULL };
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  g_autoptr(KwDraftStore) other = kw_draft_store_new (dir);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autofree char *untitled_name = NULL;
  Holder holder = { NULL };
  guint pid;

  holder_start (&holder, dir, titles);
  pid = (guint) atoi (g_subprocess_get_identifier (holder.process));

  listed = kw_draft_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  holder_kill (&holder);

  listed = kw_draft_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);

  /* Newest first. */
  g_assert_cmpstr (kw_draft_get_id (listed->pdata[0]), ==, holder.ids->pdata[2]);
  g_assert_cmpstr (kw_draft_get_id (listed->pdata[1]), ==, holder.ids->pdata[1]);
  g_assert_cmpstr (kw_draft_get_id (listed->pdata[2]), ==, holder.ids->pdata[0]);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (kw_draft_get_pid (listed->pdata[i]), ==, pid);

  g_assert_cmpstr (kw_draft_get_title (listed->pdata[0]), ==, "Derde bord");
  g_assert_cmpstr (kw_draft_get_etag (listed->pdata[0]), ==, "etag-1");
  g_assert_nonnull (kw_draft_get_file (listed->pdata[0]));

  /* The untitled board: no file, no etag, a name all the same. */
  g_assert_cmpstr (kw_draft_get_title (listed->pdata[1]), ==, "");
  g_assert_null (kw_draft_get_file (listed->pdata[1]));
  g_assert_null (kw_draft_get_etag (listed->pdata[1]));
  untitled_name = kw_draft_dup_display_name (listed->pdata[1]);
  g_assert_cmpstr (untitled_name, ==, "Untitled board");

  board = kw_draft_store_load (store, holder.ids->pdata[1], NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kw_board_get_n_findings (board), ==, 3);

  /* Adopted by this process: not offered again here. */
  kw_draft_store_adopt (store, holder.ids->pdata[1]);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kw_draft_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);

  /* Written again by its new owner: no longer an orphan for anyone. */
  g_assert_true (save_draft (store, holder.ids->pdata[1], board, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = kw_draft_store_list (other, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);

  holder_clear (&holder);
  remove_tree (dir);
}

/* A holder that ends on its own (stdin closed) but never removed its
 * drafts is gone as well: its drafts are orphans, and a process that is
 * not a Kwadrant with the same pid does not keep them. */
static void
test_exited_owner (void)
{
  const char *titles[] = { "Netjes afgesloten", NULL };
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  Holder holder = { NULL };

  holder_start (&holder, dir, titles);
  g_output_stream_close (g_subprocess_get_stdin_pipe (holder.process), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (holder.process, NULL, &error);
  g_assert_no_error (error);

  listed = kw_draft_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (kw_draft_get_title (listed->pdata[0]), ==, "Netjes afgesloten");

  holder_clear (&holder);
  remove_tree (dir);
}

static void
write_file (GFile      *file,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
make_old (GFile *file)
{
  struct timeval times[2] = { { time (NULL) - 600, 0 }, { time (NULL) - 600, 0 } };

  g_assert_cmpint (utimes (g_file_peek_path (file), times), ==, 0);
}

/* What a crash, a full disk or a stray file can leave in the folder. */
static void
test_damaged_and_leftovers (void)
{
  const char *titles[] = { "Heel", NULL };
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage_id = g_uuid_string_random ();
  g_autofree char *empty_id = g_uuid_string_random ();
  g_autofree char *copy_id = g_uuid_string_random ();
  g_autofree char *cut_id = g_uuid_string_random ();
  g_autoptr(GFile) garbage = draft_file (store, garbage_id);
  g_autoptr(GFile) empty = draft_file (store, empty_id);
  g_autoptr(GFile) copy = draft_file (store, copy_id);
  g_autoptr(GFile) cut = draft_file (store, cut_id);
  g_autoptr(GFile) old_temp = g_file_get_child (dir, ".goutputstream-OLD123");
  g_autoptr(GFile) new_temp = g_file_get_child (dir, ".goutputstream-NEW456");
  g_autoptr(GFile) other = g_file_get_child (dir, "notes.txt");
  g_autoptr(GFile) bad_name = g_file_get_child (dir, "../escape.draft");
  g_autoptr(GFile) good = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  Holder holder = { NULL };

  holder_start (&holder, dir, titles);
  holder_kill (&holder);
  good = draft_file (store, holder.ids->pdata[0]);
  g_assert_true (g_file_load_contents (good, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);

  write_file (garbage, "<board>not a draft</board>\n", 27);
  write_file (empty, "", 0);
  /* A whole draft under another id's name. */
  write_file (copy, contents, length);
  /* A draft cut short, as a write that is not atomic would leave it. */
  write_file (cut, contents, length / 2);
  write_file (old_temp, contents, length / 3);
  make_old (old_temp);
  write_file (new_temp, contents, length / 3);
  write_file (other, "hello", 5);

  listed = kw_draft_store_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (kw_draft_get_title (listed->pdata[0]), ==, "Heel");

  g_assert_false (g_file_query_exists (garbage, NULL));
  g_assert_false (g_file_query_exists (empty, NULL));
  g_assert_false (g_file_query_exists (copy, NULL));
  g_assert_false (g_file_query_exists (cut, NULL));
  g_assert_false (g_file_query_exists (old_temp, NULL));
  /* Maybe a write under way in another process right now. */
  g_assert_true (g_file_query_exists (new_temp, NULL));
  /* Not ours to remove. */
  g_assert_true (g_file_query_exists (other, NULL));
  g_assert_true (g_file_query_exists (good, NULL));
  g_assert_false (g_file_query_exists (bad_name, NULL));

  holder_clear (&holder);
  remove_tree (dir);
}

/* A board the format cannot save (from a newer version) gives no draft,
 * and an error instead of a damaged file. */
static void
test_unsavable_board (void)
{
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  g_autoptr(KwBoard) board = new_board ("Nieuwer", 1);
  g_autofree char *id = kw_draft_store_new_id (store);
  g_autoptr(GFile) file = draft_file (store, id);
  g_autoptr(GError) error = NULL;

  kw_board_set_format_version (board, KW_FORMAT_VERSION + 1);
  g_assert_false (save_draft (store, id, board, NULL, NULL, &error));
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION);
  g_assert_false (g_file_query_exists (file, NULL));

  remove_tree (dir);
}

static void
test_list_async (void)
{
  const char *titles[] = { "Asynchroon", NULL };
  g_autoptr(GFile) dir = new_temp_dir ();
  g_autoptr(KwDraftStore) store = kw_draft_store_new (dir);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  Waiter listing = { NULL };
  Waiter loading = { NULL };
  Holder holder = { NULL };

  holder_start (&holder, dir, titles);
  holder_kill (&holder);

  kw_draft_store_list_async (store, NULL, store_result_cb, &listing);
  listed = kw_draft_store_list_finish (store, wait_for_result (&listing), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_object_unref (listing.result);

  kw_draft_store_load_async (store, kw_draft_get_id (listed->pdata[0]), NULL, store_result_cb, &loading);
  board = kw_draft_store_load_finish (store, wait_for_result (&loading), &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_board_get_title (board), ==, "Asynchroon");
  g_assert_cmpstr (kw_draft_get_id (draft), ==, kw_draft_get_id (listed->pdata[0]));
  g_object_unref (loading.result);

  holder_clear (&holder);
  remove_tree (dir);
}

static GDateTime *
local_time (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
check_time_label (GDateTime  *now,
                  GDateTime  *time,
                  const char *expected)
{
  g_autofree char *label = kw_draft_format_time (time, now);

  g_assert_cmpstr (label, ==, expected);
  g_date_time_unref (time);
}

static void
test_time_labels (void)
{
  g_autoptr(GDateTime) now = local_time (2026, 3, 10, 15, 0);  /* a Tuesday */

  check_time_label (now, local_time (2026, 3, 10, 14, 32), "today 14:32");
  check_time_label (now, local_time (2026, 3, 10, 0, 1), "today 00:01");
  check_time_label (now, local_time (2026, 3, 9, 9, 5), "yesterday 09:05");
  check_time_label (now, local_time (2026, 3, 9, 23, 59), "yesterday 23:59");
  check_time_label (now, local_time (2026, 3, 6, 14, 32), "Friday 14:32");
  check_time_label (now, local_time (2026, 3, 3, 14, 32), "3 March 14:32");
  check_time_label (now, local_time (2026, 1, 3, 8, 0), "3 January 08:00");
  check_time_label (now, local_time (2025, 3, 3, 14, 32), "3 March 2025 14:32");
  /* A draft "from the future" (a clock set back) still gets a date. */
  check_time_label (now, local_time (2026, 3, 12, 9, 0), "12 March 09:00");
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 3 && g_str_equal (argv[1], "--hold-drafts"))
    return hold_drafts (argc, argv);

  /* Times in the tests are local: make local mean one thing. */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafts/save-load-remove", test_save_load_remove);
  g_test_add_func ("/drafts/estimates-survive", test_estimates_survive);
  g_test_add_func ("/drafts/writes-in-order", test_writes_in_order);
  g_test_add_func ("/drafts/atomic-replace", test_atomic_replace);
  g_test_add_func ("/drafts/live-owner-then-killed", test_live_owner_then_killed);
  g_test_add_func ("/drafts/exited-owner", test_exited_owner);
  g_test_add_func ("/drafts/damaged-and-leftovers", test_damaged_and_leftovers);
  g_test_add_func ("/drafts/unsavable-board", test_unsavable_board);
  g_test_add_func ("/drafts/list-async", test_list_async);
  g_test_add_func ("/drafts/time-labels", test_time_labels);

  return g_test_run ();
}
