/* test-print.c: printing the action plan (kw-print.c), under Xvfb: the
 * print operation exports a real PDF through GTK's print path, and its
 * text, read back with pdftotext, is the board's plan. A board from a
 * newer format version, which opens read-only and cannot be saved, still
 * prints: the read-only bar promises it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kw-format.h"
#include "kw-gui-test.h"
#include "kw-print.h"

static GtkApplication *app;
static char *tmp_dir;

static KwBoard *
load_board (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KwBoard *board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (board);
  return board;
}

/* Prints board to a PDF file through the print operation, as the print
 * dialog's "Print to File" does, and returns the text on its pages. */
static char *
print_to_pdf_text (KwBoard    *board,
                   const char *name)
{
  g_autofree char *pdf = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *errors = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status;

  operation = kw_print_operation_new (board, "en");

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (gtk_print_operation_get_n_pages_to_print (operation), >=, 1);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &text, &errors, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (errors, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&text);
}

/* The example board prints its title and findings. */
static void
test_print_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_EXAMPLES_DIR, "customer-contact-en.kwadrant", NULL);
  g_autoptr(KwBoard) board = load_board (path);
  g_autofree char *text = print_to_pdf_text (board, "example.pdf");

  g_assert_nonnull (strstr (text, kw_board_get_title (board)));
  g_assert_nonnull (strstr (text, "Quick wins"));
  g_assert_nonnull (strstr (text, kw_finding_get_title (kw_board_get_finding (board, 0))));
}

/* A board from a newer format version cannot be saved (the writer
 * refuses it), but it prints, with the findings it has. */
static void
test_print_newer_format (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "tests", "data", "format",
                                            "newer-format-version.kwadrant", NULL);
  g_autoptr(KwBoard) board = load_board (path);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (kw_board_is_from_newer_format (board));
  saved = kw_format_save_bytes (board, &error);
  g_assert_null (saved);
  g_assert_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION);

  text = print_to_pdf_text (board, "newer.pdf");
  g_assert_nonnull (strstr (text, "Uit de toekomst"));
  g_assert_nonnull (strstr (text, "Heldere brieven"));
  g_assert_nonnull (strstr (text, "Nog niet geplaatst"));
}

/* The operation prints the board as it was when printing began. */
static void
test_print_board_as_it_was (void)
{
  g_autofree char *path = g_build_filename (SOURCE_EXAMPLES_DIR, "customer-contact-en.kwadrant", NULL);
  g_autoptr(KwBoard) board = load_board (path);
  g_autofree char *first_title = g_strdup (kw_finding_get_title (kw_board_get_finding (board, 0)));
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *pdf = g_build_filename (tmp_dir, "as-it-was.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };

  operation = kw_print_operation_new (board, "en");
  kw_board_set_title (board, "Changed after printing began");
  while (kw_board_get_n_findings (board) > 0)
    kw_board_remove_finding (board, kw_board_get_finding (board, 0));

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "Changed after printing began"));
  g_assert_nonnull (strstr (text, first_title));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-print-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.PrintTest");

  g_test_add_func ("/print/example", test_print_example);
  g_test_add_func ("/print/newer-format", test_print_newer_format);
  g_test_add_func ("/print/board-as-it-was", test_print_board_as_it_was);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
