/* test-file-replace.c: the temporary files of saves, and which ones the next
 * save may remove.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "kw-board.h"
#include "kw-format.h"
#include "kw-file-replace.h"

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kw-file-replace-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

/* What a killed save left is removed; a save in progress is left alone. */
static void
test_stale_and_live (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *target = g_build_filename (folder, "board.kwadrant", NULL);
  g_autofree char *stale = g_build_filename (folder, ".board.kwadrant.a1B2c3.saving", NULL);
  g_autofree char *live = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  write_file (target, "the board");
  write_file (stale, "half a board");

  fd = kw_file_replace_open_temp (target, &live, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_str_has_prefix (live, folder));
  g_assert_true (g_str_has_suffix (live, ".saving"));

  g_assert_cmpuint (kw_file_replace_remove_stale (target), ==, 1);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));

  /* Once its save is over (here: the process let go of it without
   * renaming, as a killed one does), it is stale too. */
  g_assert_true (g_close (fd, NULL));
  g_assert_cmpuint (kw_file_replace_remove_stale (target), ==, 1);
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (folder), ==, 1);

  remove_folder (folder);
}

/* Only names a save makes for this board: never the user's own files, nor
 * another board's temporary files, nor a link. */
static void
test_only_our_names (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *target = g_build_filename (folder, "board.kwadrant", NULL);
  const char *keep[] = {
    ".board.kwadrant.backup",            /* no .saving */
    ".board.kwadrant.toolong.saving",    /* not six characters */
    ".other.kwadrant.a1B2c3.saving",     /* another board's */
    "board.kwadrant.a1B2c3.saving",      /* not hidden */
  };
  g_autofree char *link = g_build_filename (folder, ".board.kwadrant.zzzzzz.saving", NULL);

  write_file (target, "the board");
  for (guint i = 0; i < G_N_ELEMENTS (keep); i++)
    {
      g_autofree char *path = g_build_filename (folder, keep[i], NULL);

      write_file (path, "keep me");
    }
  g_assert_cmpint (symlink (target, link), ==, 0);

  g_assert_cmpuint (kw_file_replace_remove_stale (target), ==, 0);
  g_assert_cmpuint (count_entries (folder), ==, 2 + G_N_ELEMENTS (keep));

  remove_folder (folder);
}

/* A save through kw_format_save_file cleans up, and leaves nothing. */
static void
test_save_cleans_up (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *target = g_build_filename (folder, "board.kwadrant", NULL);
  g_autofree char *stale = g_build_filename (folder, ".board.kwadrant.Zz9Yy8.saving", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GError) error = NULL;

  write_file (stale, "half a board");
  kw_board_set_title (board, "Opgeruimd");

  g_assert_true (kw_format_save_file (board, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (folder), ==, 1);

  remove_folder (folder);
}

typedef struct {
  GString *stages;
  gsize    last_written;
  gsize    total;
} Observed;

static void
observe_stage (KwFileReplaceStage stage,
               gsize              written,
               gsize              total,
               gpointer           user_data)
{
  Observed *observed = user_data;
  const char *names = "CIWFR";

  g_assert_cmpint (stage, <=, KW_FILE_REPLACE_RENAMED);
  g_string_append_c (observed->stages, names[stage]);
  g_assert_cmpuint (written, >=, observed->last_written);
  g_assert_cmpuint (written, <=, total);
  observed->last_written = written;
  observed->total = total;
}

/* The observer hears every stage in order, with the bytes written so far:
 * 2.5 MiB goes in three pieces, the last of them "written". */
static void
test_observer (void)
{
  g_autofree char *folder = make_folder ();
  g_autofree char *target = g_build_filename (folder, "board.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  gsize size = 5 * 512 * 1024;
  g_autoptr(GBytes) contents = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(GString) stages = g_string_new (NULL);
  Observed observed = { stages, 0, 0 };
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (kw_file_replace (file, contents, NULL, NULL, observe_stage, &observed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stages->str, ==, "CIIWFR");
  g_assert_cmpuint (observed.last_written, ==, size);
  g_assert_cmpuint (observed.total, ==, size);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, size);
  g_assert_cmpuint (count_entries (folder), ==, 1);

  remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-replace/stale-and-live", test_stale_and_live);
  g_test_add_func ("/file-replace/only-our-names", test_only_our_names);
  g_test_add_func ("/file-replace/save-cleans-up", test_save_cleans_up);
  g_test_add_func ("/file-replace/observer", test_observer);

  return g_test_run ();
}
