/* test-file-watch.c: KwFileWatch notices a file changed or deleted by
 * someone else, stays quiet about our own saves, and notices when the file
 * is back to the version we know. No display: the watch uses only GIO.
 *
 * The "someone else" is a child process (sh) writing or removing the file;
 * the test waits for the watch's signal in a main loop, with a generous
 * timeout that only turns a hang into a failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kw-core-test.h"
#include "kw-file-watch.h"

#define GUARD_SECONDS KW_CORE_TEST_GUARD_SECONDS

typedef struct
{
  char        *dir;
  GFile       *file;
  char        *etag;    /* as we wrote it */
  KwFileWatch *watch;
  guint        n_changed;
  GMainLoop   *loop;
} Fixture;

static char *
write_file (GFile      *file,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *etag = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE,
                           &etag, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (etag);

  return etag;
}

static void
changed_cb (KwFileWatch *watch,
            Fixture     *fixture)
{
  fixture->n_changed++;
  g_main_loop_quit (fixture->loop);
}

static gboolean
guard_cb (gpointer user_data)
{
  g_error ("KwFileWatch did not signal within %d s", GUARD_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the watch signals (at least n_changed times). */
static void
wait_for_changed (Fixture *fixture,
                  guint    n_changed)
{
  guint guard = g_timeout_add_seconds (GUARD_SECONDS, guard_cb, NULL);

  while (fixture->n_changed < n_changed)
    g_main_loop_run (fixture->loop);

  g_source_remove (guard);
}

/* Runs the main loop until the watch has nothing left to check. */
static void
wait_until_settled (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + GUARD_SECONDS * G_USEC_PER_SEC;

  while (kw_file_watch_is_checking (fixture->watch))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kw-file-watch-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_build_filename (fixture->dir, "board.kwadrant", NULL);
  fixture->etag = write_file (fixture->file, "ours\n");
  fixture->loop = g_main_loop_new (NULL, FALSE);

  fixture->watch = kw_file_watch_new (fixture->file, fixture->etag);
  g_signal_connect (fixture->watch, "changed", G_CALLBACK (changed_cb), fixture);
  wait_until_settled (fixture);
  g_assert_cmpint (kw_file_watch_get_state (fixture->watch), ==, KW_FILE_STATE_UNCHANGED);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->watch);
  g_file_delete (fixture->file, NULL, NULL);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->etag, g_free);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
}

static void
test_changed_by_other (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFileInfo) info = NULL;

  kw_core_test_run_shell ("printf 'theirs\\n' > \"$1.new\" && mv \"$1.new\" \"$1\"", fixture->file, NULL);
  wait_for_changed (fixture, 1);

  g_assert_cmpint (kw_file_watch_get_state (fixture->watch), ==, KW_FILE_STATE_CHANGED);
  /* The etag we know stays: Save must still ask before replacing theirs. */
  g_assert_cmpstr (kw_file_watch_get_etag (fixture->watch), ==, fixture->etag);
  info = g_file_query_info (fixture->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpstr (kw_file_watch_get_disk_etag (fixture->watch), ==, g_file_info_get_etag (info));
}

static void
test_deleted (Fixture       *fixture,
              gconstpointer  data)
{
  kw_core_test_run_shell ("rm \"$1\"", fixture->file, NULL);
  wait_for_changed (fixture, 1);

  g_assert_cmpint (kw_file_watch_get_state (fixture->watch), ==, KW_FILE_STATE_GONE);
  g_assert_null (kw_file_watch_get_disk_etag (fixture->watch));
}

/* Our own save, paused around and told its etag, is no news; the next
 * save by someone else is, and it is the first signal. */
static void
test_own_save_is_quiet (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *own_etag = NULL;

  kw_file_watch_pause (fixture->watch);
  own_etag = write_file (fixture->file, "ours, saved again\n");
  kw_file_watch_set_etag (fixture->watch, own_etag);
  kw_file_watch_resume (fixture->watch);
  wait_until_settled (fixture);
  g_assert_cmpint (kw_file_watch_get_state (fixture->watch), ==, KW_FILE_STATE_UNCHANGED);

  kw_core_test_run_shell ("printf 'theirs\\n' > \"$1\"", fixture->file, NULL);
  wait_for_changed (fixture, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (kw_file_watch_get_state (fixture->watch), ==, KW_FILE_STATE_CHANGED);
}

/* Reloading their version makes it the one we know: the watch says so
 * (the window's bar goes). */
static void
test_back_to_known (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *theirs = NULL;

  kw_core_test_run_shell ("printf 'theirs\\n' > \"$1\"", fixture->file, NULL);
  wait_for_changed (fixture, 1);
  theirs = g_strdup (kw_file_watch_get_disk_etag (fixture->watch));

  kw_file_watch_set_etag (fixture->watch, theirs);
  wait_for_changed (fixture, 2);
  g_assert_cmpint (kw_file_watch_get_state (fixture->watch), ==, KW_FILE_STATE_UNCHANGED);
}

/* A check on request (the window gaining focus) sees a change too, as on
 * a location whose monitor is slow or missing. */
static void
test_check_on_request (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Held back: no monitor event decides anything until resume. */
  kw_file_watch_pause (fixture->watch);
  kw_core_test_run_shell ("printf 'theirs\\n' > \"$1\"", fixture->file, NULL);
  kw_file_watch_check (fixture->watch);
  g_assert_true (kw_file_watch_is_checking (fixture->watch));
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  kw_file_watch_resume (fixture->watch);

  wait_for_changed (fixture, 1);
  g_assert_cmpint (kw_file_watch_get_state (fixture->watch), ==, KW_FILE_STATE_CHANGED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/file-watch/changed-by-other", Fixture, NULL,
              fixture_set_up, test_changed_by_other, fixture_tear_down);
  g_test_add ("/file-watch/deleted", Fixture, NULL,
              fixture_set_up, test_deleted, fixture_tear_down);
  g_test_add ("/file-watch/own-save-is-quiet", Fixture, NULL,
              fixture_set_up, test_own_save_is_quiet, fixture_tear_down);
  g_test_add ("/file-watch/back-to-known", Fixture, NULL,
              fixture_set_up, test_back_to_known, fixture_tear_down);
  g_test_add ("/file-watch/check-on-request", Fixture, NULL,
              fixture_set_up, test_check_on_request, fixture_tear_down);

  return g_test_run ();
}
