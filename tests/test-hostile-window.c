/* test-hostile-window.c: the hostile corpus opened in the app's window, the
 * way a consultant opens a board a client mailed while another one is
 * open: each bad file gives an error dialog within a second, and the board
 * that was open, with its unsaved change, stays exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bad-files.h"
#include "kw-format.h"
#include "kw-window.h"
#include "kw-gui-test.h"

/* The limit: a bad file's error within a second. Counted in the
 * CPU time the process spends (every thread: the loader runs in one of
 * its own), as test-hostile-cli does: the wall clock says as much about
 * the other processes on a loaded machine as about the loader. */
#define LOAD_LIMIT_S (1.0 * KW_TEST_SLOWDOWN)

static GtkApplication *app;
static char *tmp_dir;

/* What must not change: every finding's id, title and position, in order. */
static char *
describe_board (KwBoard *board)
{
  GString *text = g_string_new (kw_board_get_title (board));

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);

      g_string_append_printf (text, "\n%s|%s|%d|%.1f|%.1f", kw_finding_get_id (finding),
                              kw_finding_get_title (finding), kw_finding_get_placed (finding),
                              kw_finding_get_impact (finding), kw_finding_get_effort (finding));
    }

  return g_string_free (text, FALSE);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
write_file (const char *path,
            GString    *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents->str, (gssize) contents->len, &error);
  g_assert_no_error (error);
  g_string_free (contents, TRUE);
}

#define BOARD_START "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
                    "<board xmlns=\"" KW_FORMAT_NAMESPACE "\" format-version=\"1\">\n"

/* The corpus files too big for git, made here, with the words of their
 * error; the committed ones come from bad-files.txt. */
static void
add_generated_files (GPtrArray *bad_files)
{
  static const struct { const char *name; const char *words; } generated[] = {
    { "huge-text.kwadrant", "the text in <notes> is longer than the limit of" },
    { "deep-nesting-100k.kwadrant", "the <notes> element may contain only text, not a <n> element" },
    { "claimed-300mb.kwadrant", "larger than the limit of" },
  };
  g_autofree char *huge_path = tmp_path (generated[0].name);
  g_autofree char *deep_path = tmp_path (generated[1].name);
  GString *xml;
  int fd;

  xml = g_string_new (BOARD_START "  <notes>");
  for (guint i = 0; i < 300 * 1024; i++)
    g_string_append (xml, "bla ");
  g_string_append (xml, "</notes>\n</board>\n");
  write_file (huge_path, xml);

  xml = g_string_new (BOARD_START "<notes>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<n>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</n>");
  g_string_append (xml, "</notes></board>\n");
  write_file (deep_path, xml);

  /* Sparse: 300 MiB on paper, nothing on disk. */
  {
    g_autofree char *path = tmp_path (generated[2].name);

    fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (ftruncate (fd, 300 * 1024 * 1024), ==, 0);
    g_close (fd, NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      BadFile *bad = g_new0 (BadFile, 1);

      bad->file = tmp_path (generated[i].name);
      bad->words = g_strdup (generated[i].words);
      g_ptr_array_add (bad_files, bad);
    }
}

static KwWindow *
open_window_with_changed_board (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "data", "examples",
                                              "klantcontact-nl.kwadrant", NULL);
  g_autofree char *target = tmp_path ("werkbord.kwadrant");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  KwWindow *window;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, (gssize) length, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (target);

  window = kw_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  kw_window_load_file (window, file);
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_window_is_idle, window));
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_cmpuint (kw_board_get_n_findings (kw_window_get_board (window)), ==, 21);

  /* An unsaved change of the morning's workshop, which must survive. */
  kw_finding_set_title (kw_board_get_finding (kw_window_get_board (window), 0),
                        "Nog niet opgeslagen wijziging");
  g_assert_true (kw_window_get_modified (window));

  return window;
}

static double
process_cpu_seconds (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / (double) G_USEC_PER_SEC;
}

/* CPU seconds from asking the window to load the file to its error dialog. */
static double
time_refusal (KwWindow   *window,
              GFile      *file,
              const char *name)
{
  double start = process_cpu_seconds ();

  kw_window_load_file (window, file);
  if (!kw_gui_test_wait_until (kw_gui_test_dialog_is_shown, window))
    g_error ("%s: no error dialog", name);
  return process_cpu_seconds () - start;
}

static void
dismiss_dialog (KwWindow *window)
{
  AdwMessageDialog *dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));

  kw_gui_test_close_dialog (dialog, "close");
  g_assert_null (kw_gui_test_find_dialog (GTK_WINDOW (window)));
}

static void
test_corpus_leaves_open_board_untouched (void)
{
  g_autoptr(GPtrArray) bad_files = bad_files_load ("format/");
  KwWindow *window = open_window_with_changed_board ();
  KwBoard *board = kw_window_get_board (window);
  GFile *file = kw_window_get_file (window);
  g_autofree char *before = describe_board (board);
  double slowest = 0.0;
  const char *slowest_name = "";

  add_generated_files (bad_files);

  for (guint i = 0; i < bad_files->len; i++)
    {
      const BadFile *bad = g_ptr_array_index (bad_files, i);
      g_autofree char *path = g_path_is_absolute (bad->file) ? g_strdup (bad->file)
                                                              : bad_files_data_path (bad->file);
      g_autoptr(GFile) bad_file = g_file_new_for_path (path);
      g_autofree char *after = NULL;
      AdwMessageDialog *dialog;
      double seconds;

      seconds = time_refusal (window, bad_file, bad->file);
      if (seconds >= LOAD_LIMIT_S)
        {
          /* A first open can pay for caches (fonts, the dialog's
           * template): a file is slow only when it is slow twice. */
          g_test_message ("%s: the error took %.3f s of CPU time, trying again", bad->file, seconds);
          dismiss_dialog (window);
          seconds = time_refusal (window, bad_file, bad->file);
        }
      if (seconds >= LOAD_LIMIT_S)
        g_error ("%s: the error took %.3f s of CPU time, twice", bad->file, seconds);
      if (seconds > slowest)
        {
          slowest = seconds;
          slowest_name = bad->file;
        }

      /* Plain words first; the reason behind Details. */
      dialog = kw_gui_test_find_dialog (GTK_WINDOW (window));
      if (kw_gui_test_dialog_get_details (dialog) == NULL ||
          strstr (kw_gui_test_dialog_get_details (dialog), bad->words) == NULL)
        g_error ("%s: the dialog's details say “%s”, not “%s”", bad->file,
                 kw_gui_test_dialog_get_details (dialog), bad->words);

      /* The same board object, with the same findings, file and change. */
      g_assert_true (kw_window_get_board (window) == board);
      g_assert_true (kw_window_get_file (window) == file);
      g_assert_true (kw_window_get_modified (window));
      g_assert_false (kw_window_get_loading (window));
      after = describe_board (board);
      g_assert_cmpstr (before, ==, after);

      dismiss_dialog (window);
    }

  g_test_message ("%u bad boards refused; slowest %s in %.3f s of CPU time", bad_files->len, slowest_name, slowest);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-hostile-window-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.HostileTest");

  g_test_add_func ("/hostile/window/corpus-leaves-open-board-untouched",
                   test_corpus_leaves_open_board_untouched);

  status = g_test_run ();

  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
