/* test-export-dialog-since.c: the Export dialog's "Compare with", under
 * Xvfb: hidden for a board without snapshots and for the formats that are
 * not a plan; None, then the snapshots newest first, None chosen; the
 * HTML and PDF plans exported with a snapshot chosen have the "Changes
 * since …" section, and without one they do not. (What the section says
 * item by item: test-plan-changes.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kw-changes-scenario.h"
#include "kw-export-dialog.h"
#include "kw-gui-test.h"

static GtkApplication *app;
static char *tmp_dir;

/* The scenario's board: "Workshop 1" before its edits, "Tweede sessie"
 * after them. */
static KwBoard *
make_board_with_snapshots (void)
{
  KwBoard *board = kw_changes_scenario_new_board ();
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 11, 22, 16, 0, 0);
  g_autoptr(GDateTime) second = g_date_time_new_utc (2027, 1, 15, 11, 30, 0);
  g_autoptr(KwSnapshot) workshop = kw_snapshot_new_from_board (board, "Workshop 1", NULL, first);
  g_autoptr(KwSnapshot) session = NULL;

  g_assert_true (kw_board_add_snapshot (board, workshop, G_MAXUINT));
  kw_changes_scenario_edit (board);
  session = kw_snapshot_new_from_board (board, "Tweede sessie", NULL, second);
  g_assert_true (kw_board_add_snapshot (board, session, G_MAXUINT));

  return board;
}

/* The row, found by its title as a person finds it. */
static AdwComboRow *
find_since_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found;

      if (ADW_IS_COMBO_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), "Compare with") == 0)
        return ADW_COMBO_ROW (child);
      if ((found = find_since_row (child)) != NULL)
        return found;
    }

  return NULL;
}

static char *
choice_name (AdwComboRow *row,
             guint        i)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (row), i);

  return g_strdup (gtk_string_object_get_string (item));
}

static void
exported_cb (KwExportDialog *dialog,
             GFile          *file,
             gboolean       *exported)
{
  *exported = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Exports as the Export button does once a file is chosen, waits until
 * it is written, and returns its path. */
static char *
export_to (KwExportDialog *dialog,
           const char     *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean exported = FALSE;

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  kw_export_dialog_export_to_file (dialog, file);
  g_assert_true (kw_gui_test_wait_until (flag_is_set, &exported));

  return path;
}

static char *
export_and_read (KwExportDialog *dialog,
                 const char     *name)
{
  g_autofree char *path = export_to (dialog, name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  return contents;
}

static void
test_hidden_without_snapshots (void)
{
  g_autoptr(KwBoard) board = kw_changes_scenario_new_board ();
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  AdwComboRow *row = find_since_row (GTK_WIDGET (dialog));

  g_assert_nonnull (row);
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_HTML);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_null (kw_export_dialog_get_since (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_choices (void)
{
  g_autoptr(KwBoard) board = make_board_with_snapshots ();
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  AdwComboRow *row = find_since_row (GTK_WIDGET (dialog));
  KwSnapshot *workshop = kw_board_lookup_snapshot (board, "Workshop 1");
  const char *expected[] = { "None", "Tweede sessie", "Workshop 1" };
  GListModel *model;

  g_assert_nonnull (row);
  model = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = choice_name (row, i);

      g_assert_cmpstr (name, ==, expected[i]);
    }

  /* None unless asked for. */
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_HTML);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_null (kw_export_dialog_get_since (dialog));

  /* Chosen in the row, as a person does. */
  adw_combo_row_set_selected (row, 2);
  g_assert_true (kw_export_dialog_get_since (dialog) == workshop);
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_PDF);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  g_assert_true (kw_export_dialog_get_since (dialog) == workshop);

  /* Not for the formats that are no plan. */
  for (KwExportFormat format = KW_EXPORT_FORMAT_CSV; format <= KW_EXPORT_FORMAT_PNG; format++)
    {
      kw_export_dialog_set_format (dialog, format);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row)));
      g_assert_null (kw_export_dialog_get_since (dialog));
    }

  g_assert_true (kw_export_dialog_set_since (dialog, NULL));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_html (void)
{
  g_autoptr(KwBoard) board = make_board_with_snapshots ();
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  g_autofree char *compared = NULL;
  g_autofree char *plain = NULL;

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_HTML);
  kw_export_dialog_set_language (dialog, "en");
  g_assert_true (kw_export_dialog_set_since (dialog, kw_board_lookup_snapshot (board, "Workshop 1")));
  compared = export_and_read (dialog, "compared.html");
  g_assert_nonnull (strstr (compared, "<section class=\"changes\" id=\"changes\">"
                                      "<h2>Changes since Workshop 1 (22 November 2026)</h2>"));
  g_assert_nonnull (strstr (compared, "<g class=\"changes\""));

  dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_HTML);
  kw_export_dialog_set_language (dialog, "en");
  plain = export_and_read (dialog, "plain.html");
  g_assert_null (strstr (plain, "Changes since"));
  g_assert_null (strstr (plain, "class=\"changes\""));
}

/* The PDF's text as poppler's pdftotext reads it. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *out = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return out;
}

static void
test_export_pdf (void)
{
  g_autoptr(KwBoard) board = make_board_with_snapshots ();
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  g_autofree char *compared = NULL;
  g_autofree char *text = NULL;

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_PDF);
  kw_export_dialog_set_language (dialog, "en");
  g_assert_true (kw_export_dialog_set_since (dialog, kw_board_lookup_snapshot (board, "Workshop 1")));
  compared = export_to (dialog, "compared.pdf");
  text = pdf_text (compared);
  g_assert_nonnull (strstr (text, "Changes since Workshop 1 (22 November 2026)"));
  g_assert_nonnull (strstr (text, "Outcome changes"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The dates and names in English, whatever the machine's. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-export-dialog-since-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.ExportDialogSinceTest");

  g_test_add_func ("/export-dialog-since/hidden-without-snapshots", test_hidden_without_snapshots);
  g_test_add_func ("/export-dialog-since/choices", test_choices);
  g_test_add_func ("/export-dialog-since/html", test_export_html);
  g_test_add_func ("/export-dialog-since/pdf", test_export_pdf);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
