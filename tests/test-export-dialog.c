/* test-export-dialog.c: the Export dialog, under Xvfb: the dialog opens
 * from the window with the UI language chosen, each format writes what its
 * core exporter writes, a failure is shown, and Print shows the print
 * dialog (what printing writes: test-print.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>
#include <time.h>

#include "kw-csv.h"
#include "kw-export-csv.h"
#include "kw-export-dialog.h"
#include "kw-export-ics.h"
#include "kw-export-pdf.h"
#include "kw-export-svg.h"
#include "kw-format.h"
#include "kw-gui-test.h"
#include "kw-plan-text.h"
#include "kw-window.h"
#include "kw-test-timing.h"

#define WAIT_TIMEOUT_MS (20000 * KW_TEST_SLOWDOWN)

static GtkApplication *app;
static char *tmp_dir;

/* Waiting without sleeping */

typedef gboolean (*Condition) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_until (Condition cond,
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (WAIT_TIMEOUT_MS, timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return cond (data);
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
window_is_idle (gpointer data)
{
  return !kw_window_get_loading (data);
}

/* Fixtures */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
example_path (const char *name)
{
  return g_build_filename (SOURCE_EXAMPLES_DIR, name, NULL);
}

static KwBoard *
load_example (const char *name)
{
  g_autofree char *path = example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KwBoard *board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (board);

  return board;
}

static GBytes *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static KwExportDialog *
find_export_dialog (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (KW_IS_EXPORT_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == parent)
        return l->data;
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == parent)
        return l->data;
    }

  return NULL;
}

static gboolean
message_dialog_is_shown (gpointer data)
{
  return find_message_dialog (data) != NULL;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static GtkDialog *
find_print_dialog (gpointer parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (GTK_IS_DIALOG (l->data) && !ADW_IS_MESSAGE_DIALOG (l->data) &&
          gtk_widget_get_visible (l->data) &&
          gtk_window_get_transient_for (l->data) == parent)
        return l->data;
    }

  return NULL;
}
G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
print_dialog_is_shown (gpointer data)
{
  return find_print_dialog (data) != NULL;
}

static void
exported_cb (KwExportDialog *dialog,
             GFile          *file,
             gboolean       *exported)
{
  *exported = TRUE;
}

/* Exports through the dialog as the Export button does once a file is
 * chosen, and waits until it is written. */
static void
export_and_wait (KwExportDialog *dialog,
                 const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean exported = FALSE;

  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  kw_export_dialog_export_to_file (dialog, file);
  g_assert_true (wait_until (flag_is_set, &exported));
  g_assert_false (kw_export_dialog_get_busy (dialog));
  /* A finished export closes the dialog. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
}

/* The pages of a PDF, counted in its page objects ("/Type /Page", not
 * the "/Type /Pages" tree); cairo writes them uncompressed. */
static guint
count_pdf_pages (GBytes *pdf)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  const char *needle = "/Type /Page";
  gsize needle_length = strlen (needle);
  guint n_pages = 0;

  for (gsize i = 0; i + needle_length < length; i++)
    {
      if (memcmp (data + i, needle, needle_length) == 0 && data[i + needle_length] != 's')
        n_pages++;
    }

  return n_pages;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize text_length = strlen (text);

  /* Not g_strstr_len(): a PDF's compressed streams hold NUL bytes. */
  for (gsize i = 0; i + text_length <= length; i++)
    {
      if (memcmp (data + i, text, text_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* What the core lays out for board on paper, measured on a PDF surface. */
static guint
count_plan_pages (KwBoard    *board,
                  const char *lang,
                  double      width,
                  double      height)
{
  g_autoptr(KwPlanPages) pages = kw_plan_pages_new (board, lang, NULL, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, width, height);
  cairo_t *cr = cairo_create (surface);
  guint n_pages;

  n_pages = kw_plan_pages_paginate (pages, cr, width, height, KW_PLAN_PAGES_MARGIN);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return n_pages;
}

/* Tests */

static void
test_dialog_opens_from_window (void)
{
  g_autofree char *path = example_path ("customer-contact-en.kwadrant");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = tmp_path ("from-window.html");
  KwWindow *window = kw_window_new (app);
  KwExportDialog *dialog;
  g_autoptr(GBytes) html = NULL;

  kw_window_load_file (window, file);
  g_assert_true (wait_until (window_is_idle, window));
  gtk_window_present (GTK_WINDOW (window));

  g_assert_null (find_export_dialog (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* The tests run in C.UTF-8: an English UI. */
  g_assert_cmpstr (kw_export_dialog_get_language (dialog), ==, "en");
  g_assert_cmpint (kw_export_dialog_get_format (dialog), ==, KW_EXPORT_FORMAT_HTML);

  /* Exporting from the window's own dialog: the toast path included. */
  export_and_wait (dialog, out);
  html = read_file (out);
  g_assert_true (bytes_contain (html, "<html lang=\"en\">"));
  g_assert_true (bytes_contain (html, kw_board_get_title (kw_window_get_board (window))));
  g_assert_null (find_export_dialog (GTK_WINDOW (window)));

  /* Print shows the print dialog; cancelling it prints nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (wait_until (print_dialog_is_shown, window));
  gtk_dialog_response (find_print_dialog (window), GTK_RESPONSE_CANCEL);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dialog_ui_language (void)
{
  const char *build_dir = g_getenv ("KW_BUILD_DIR");
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autofree char *localedir = NULL;
  KwExportDialog *dialog;

  if (build_dir == NULL)
    {
      g_test_skip ("KW_BUILD_DIR is not set: run through meson test");
      return;
    }

  localedir = g_build_filename (build_dir, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  {
    /* As if the desktop were Dutch. */
    g_autoptr(KwPlanLanguage) language = kw_plan_language_push ("nl");

    if (!g_str_equal (kw_plan_language_get_code (), "nl"))
      {
        g_test_skip ("po/nl.po has no language code yet");
        return;
      }

    dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  }

  g_assert_cmpstr (kw_export_dialog_get_language (dialog), ==, "nl");
  kw_export_dialog_set_language (dialog, "en");
  g_assert_cmpstr (kw_export_dialog_get_language (dialog), ==, "en");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_html (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *out = tmp_path ("plan.html");
  g_autoptr(GBytes) html = NULL;
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  htmlDocPtr doc;
  xmlNodePtr root;
  g_autofree char *title = NULL;
  xmlChar *lang;

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_HTML);
  kw_export_dialog_set_language (dialog, "en");
  export_and_wait (dialog, out);

  html = read_file (out);
  g_assert_true (bytes_contain (html, "<!DOCTYPE html>"));
  doc = htmlReadMemory (g_bytes_get_data (html, NULL), (int) g_bytes_get_size (html), out, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "html");
  lang = xmlGetProp (root, (const xmlChar *) "lang");
  g_assert_cmpstr ((const char *) lang, ==, "en");
  xmlFree (lang);

  {
    xmlXPathContextPtr context = xmlXPathNewContext (doc);
    xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) "string(//h1)", context);

    g_assert_nonnull (result);
    title = g_strdup ((const char *) result->stringval);
    xmlXPathFreeObject (result);
    xmlXPathFreeContext (context);
  }
  g_assert_nonnull (strstr (title, kw_board_get_title (board)));
  xmlFreeDoc (doc);
}

static void
test_export_csv (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *out = tmp_path ("findings.csv");
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(KwBoard) imported = NULL;
  g_autoptr(GError) error = NULL;
  KwExportCsvOptions options = { "nl", ';', TRUE };
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_CSV);
  /* Dutch picks the semicolon on its own. */
  kw_export_dialog_set_language (dialog, "en");
  kw_export_dialog_set_language (dialog, "nl");
  kw_export_dialog_set_csv_options (dialog, ';', TRUE);
  export_and_wait (dialog, out);

  written = read_file (out);
  expected = kw_export_csv_bytes (board, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (written, expected));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (written, NULL), "\xef\xbb\xbf"));

  imported = kw_csv_import_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpuint (kw_board_get_n_findings (imported), ==, kw_board_get_n_findings (board));
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    g_assert_cmpstr (kw_finding_get_title (kw_board_get_finding (imported, i)), ==,
                     kw_finding_get_title (kw_board_get_finding (board, i)));
}

static void
test_export_csv_follows_language (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  g_autofree char *out = tmp_path ("findings-en.csv");
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  KwExportCsvOptions options = { "en", ',', FALSE };
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_CSV);
  kw_export_dialog_set_language (dialog, "nl");
  kw_export_dialog_set_language (dialog, "en");
  export_and_wait (dialog, out);

  written = read_file (out);
  expected = kw_export_csv_bytes (board, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (written, expected));
}

/* The workbook is a zip of the sheet and its parts (their names stand
 * uncompressed in the zip); test-export-xlsx reads every cell back. */
static void
test_export_xlsx (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *out = tmp_path ("findings.xlsx");
  g_autoptr(GBytes) written = NULL;
  gsize size;
  const char *data;
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_XLSX);
  g_assert_cmpint (kw_export_dialog_get_format (dialog), ==, KW_EXPORT_FORMAT_XLSX);
  kw_export_dialog_set_language (dialog, "nl");
  export_and_wait (dialog, out);

  written = read_file (out);
  data = g_bytes_get_data (written, &size);
  g_assert_cmpuint (size, >, 4);
  g_assert_true (memcmp (data, "PK\x03\x04", 4) == 0);
  g_assert_true (bytes_contain (written, "xl/worksheets/sheet1.xml"));
  g_assert_true (bytes_contain (written, "xl/styles.xml"));
}

/* The calendar in the language chosen, read back with libical's parser:
 * an event for each date the core counts (test-export-ics.py reads every
 * event with two other readers). */
static void
test_export_ics (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  g_autofree char *out = tmp_path ("follow-up.ics");
  g_autoptr(GBytes) written = NULL;
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  guint n_events = 0;
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_ICS);
  g_assert_cmpint (kw_export_dialog_get_format (dialog), ==, KW_EXPORT_FORMAT_ICS);
  g_assert_true (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  kw_export_dialog_set_language (dialog, "nl");
  export_and_wait (dialog, out);

  written = read_file (out);
  text = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *summary = icalcomponent_get_summary (event);

      g_assert_true (g_str_has_prefix (summary, "Quick win: ") || g_str_has_prefix (summary, "Klein klusje: ") ||
                     g_str_has_prefix (summary, "Lange termijn: ") || g_str_has_prefix (summary, "Herbeoordelen: "));
      n_events++;
    }
  icalcomponent_free (calendar);

  g_assert_cmpuint (n_events, >, 0);
  g_assert_cmpuint (n_events, ==, kw_export_ics_count_events (board));
}

/* A board with no dates to put in a calendar: the dialog says so with the
 * format, and Export cannot be pressed. */
static void
test_export_ics_nothing (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwFinding) finding = kw_finding_new ("Geen datum");
  KwExportDialog *dialog;
  GtkWidget *export_button;

  kw_finding_place (finding, 8, 2);
  kw_board_append_finding (board, finding);
  dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  export_button = gtk_window_get_default_widget (GTK_WINDOW (dialog));

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_ICS);
  g_assert_false (gtk_widget_get_sensitive (export_button));
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_CSV);
  g_assert_true (gtk_widget_get_sensitive (export_button));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_svg (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  g_autofree char *out = tmp_path ("matrix.svg");
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_SVG);
  kw_export_dialog_set_language (dialog, "en");
  kw_export_dialog_set_image_size (dialog, 1000, 700);
  export_and_wait (dialog, out);

  written = read_file (out);
  g_assert_cmpuint (g_bytes_get_size (written), >, 0);
  g_assert_true (bytes_contain (written, "viewBox=\"0 0 1000.00 700.00\""));
  expected = kw_export_svg_bytes (board, "en", 1000, 700, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (written, expected));
}

static void
test_export_png (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  g_autofree char *out = tmp_path ("matrix.png");
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  cairo_surface_t *image;

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_PNG);
  /* A preset, then a size of one's own. */
  kw_export_dialog_set_image_size (dialog, 1920, 1080);
  kw_export_dialog_set_image_size (dialog, 640, 480);
  export_and_wait (dialog, out);

  image = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 480);
  cairo_surface_destroy (image);
}

static void
test_export_pdf (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *out = tmp_path ("plan.pdf");
  g_autoptr(GBytes) pdf = NULL;
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  double width, height;

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_PDF);
  kw_export_dialog_set_language (dialog, "en");
  kw_export_dialog_set_paper (dialog, KW_PAPER_LETTER);
  export_and_wait (dialog, out);

  pdf = read_file (out);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF"));
  g_assert_true (bytes_contain (pdf, "/MediaBox [ 0 0 612 792 ]"));
  kw_paper_get_size (KW_PAPER_LETTER, &width, &height);
  g_assert_cmpuint (count_pdf_pages (pdf), ==, count_plan_pages (board, "en", width, height));
}

static void
test_export_fails (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  g_autofree char *out = tmp_path ("no-such-folder/plan.html");
  g_autoptr(GFile) file = g_file_new_for_path (out);
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  AdwMessageDialog *message;
  gboolean exported = FALSE;

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  kw_export_dialog_export_to_file (dialog, file);
  g_assert_true (wait_until (message_dialog_is_shown, dialog));

  /* The dialog stays, ready for another try. */
  g_assert_false (exported);
  g_assert_false (kw_export_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  message = find_message_dialog (GTK_WINDOW (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "plan.html"));
  g_assert_cmpstr (adw_message_dialog_get_body (message), !=, "");
  gtk_window_destroy (GTK_WINDOW (message));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

/* A plan asked for in Dutch whose catalogue cannot be read is not
 * written in English instead: the dialog says why and writes nothing.
 * In a subprocess, as the catalogues of the rest of this test stay. */
static void
test_export_language_missing (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
      g_autofree char *no_locale = tmp_path ("no-locale");
      g_autofree char *out = tmp_path ("plan-nl.html");
      g_autoptr(GFile) file = g_file_new_for_path (out);
      KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
      AdwMessageDialog *message;
      gboolean exported = FALSE;

      g_assert_cmpint (g_mkdir_with_parents (no_locale, 0700), ==, 0);
      bindtextdomain (GETTEXT_PACKAGE, no_locale);

      g_object_ref (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
      kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_HTML);
      kw_export_dialog_set_language (dialog, "nl");
      kw_export_dialog_export_to_file (dialog, file);
      g_assert_true (wait_until (message_dialog_is_shown, dialog));

      g_assert_false (exported);
      g_assert_false (kw_export_dialog_get_busy (dialog));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      message = find_message_dialog (GTK_WINDOW (dialog));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "nl"));
      gtk_window_destroy (GTK_WINDOW (message));

      gtk_window_destroy (GTK_WINDOW (dialog));
      g_object_unref (dialog);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_export_closed_while_busy (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *out = tmp_path ("closed.html");
  g_autoptr(GFile) file = g_file_new_for_path (out);
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  gboolean exported = FALSE;

  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  kw_export_dialog_export_to_file (dialog, file);
  g_assert_true (kw_export_dialog_get_busy (dialog));

  /* Cancel closes the window and stops the write: no "exported", and
   * the dialog goes once the write has stopped. (The worker thread may
   * have written the file just before: that is not checked.) */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_until (pointer_is_null, &dialog));
  g_assert_false (exported);
}

/* "actieplan" typed in the chooser for an HTML export: written as
 * "actieplan.html"; a name that has the extension (in any case) stays. */
static void
test_export_adds_extension (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *typed = tmp_path ("actieplan");
  g_autofree char *written = tmp_path ("actieplan.html");
  g_autofree char *upper = tmp_path ("Matrix.SVG");
  g_autoptr(GFile) typed_file = g_file_new_for_path (typed);
  g_autoptr(GFile) upper_file = g_file_new_for_path (upper);
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  gboolean exported = FALSE;
  g_autoptr(GBytes) html = NULL;

  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_HTML);
  kw_export_dialog_export_to_chosen (dialog, typed_file);
  g_assert_true (wait_until (flag_is_set, &exported));
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));
  html = read_file (written);
  g_assert_true (bytes_contain (html, "<!DOCTYPE html>"));
  g_object_unref (dialog);

  dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  exported = FALSE;
  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_SVG);
  kw_export_dialog_export_to_chosen (dialog, upper_file);
  g_assert_true (wait_until (flag_is_set, &exported));
  g_assert_true (g_file_test (upper, G_FILE_TEST_EXISTS));
  g_object_unref (dialog);
}

/* The chooser only asked about "actieplan": when "actieplan.html" exists,
 * the dialog asks before replacing it. Cancel keeps the old file and the
 * dialog; Replace writes the plan. */
static void
test_export_asks_before_replacing (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *typed = tmp_path ("bestaand");
  g_autofree char *existing = tmp_path ("bestaand.html");
  g_autoptr(GFile) typed_file = g_file_new_for_path (typed);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) html = NULL;
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  AdwMessageDialog *message;
  gboolean exported = FALSE;

  g_file_set_contents (existing, "old plan", -1, &error);
  g_assert_no_error (error);

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_HTML);

  kw_export_dialog_export_to_chosen (dialog, typed_file);
  g_assert_true (wait_until (message_dialog_is_shown, dialog));
  message = find_message_dialog (GTK_WINDOW (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "“bestaand.html”"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (message, "replace"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_false (kw_export_dialog_get_busy (dialog));
  adw_message_dialog_response (message, "cancel");
  gtk_window_destroy (GTK_WINDOW (message));

  html = read_file (existing);
  g_assert_true (bytes_contain (html, "old plan"));
  g_clear_pointer (&html, g_bytes_unref);
  g_assert_false (exported);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));

  kw_export_dialog_export_to_chosen (dialog, typed_file);
  g_assert_true (wait_until (message_dialog_is_shown, dialog));
  message = find_message_dialog (GTK_WINDOW (dialog));
  adw_message_dialog_response (message, "replace");
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_true (wait_until (flag_is_set, &exported));

  html = read_file (existing);
  g_assert_true (bytes_contain (html, "<!DOCTYPE html>"));
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));
  g_object_unref (dialog);
}

/* A board of n findings spread over the matrix, with text that wraps. */
static KwBoard *
make_large_board (guint n_findings)
{
  KwBoard *board = kw_board_new ();

  kw_board_set_title (board, "Groot bord");
  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bevinding %u: klanten bellen terug over de brief", i + 1);
      g_autoptr(KwFinding) finding = kw_finding_new (title);

      kw_finding_set_description (finding, "Uit de gespreksanalyse blijkt dat klanten vaak terugbellen "
                                           "omdat de brief niet duidelijk is.");
      kw_finding_set_owner (finding, "Team communicatie");
      if (i % 20 != 0)
        kw_finding_place (finding, (i * 7 % 101) / 10.0, (i * 13 % 101) / 10.0);
      kw_board_append_finding (board, finding);
    }

  return board;
}

/* CPU time, not wall-clock time: on a busy machine the main thread may
 * wait long for a core without doing anything, which is no fault of the
 * code; drawing pages on it would cost its own CPU time however idle or
 * busy the machine is. */
static gint64
cpu_time_us (clockid_t clock)
{
  struct timespec now;

  g_assert_no_errno (clock_gettime (clock, &now));
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

typedef struct
{
  KwBoard *board;
  gint64   last_cpu;     /* the main thread's CPU time at the last tick, µs */
  gint64   max_cpu_gap;  /* the most it spent between two ticks, µs */
  gint64   user_cpu;     /* what the user's own changes cost it, µs */
  guint    n_ticks;
  gboolean exported;
} Ticker;

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = cpu_time_us (CLOCK_THREAD_CPUTIME_ID);

  ticker->max_cpu_gap = MAX (ticker->max_cpu_gap, now - ticker->last_cpu);
  ticker->last_cpu = now;
  ticker->n_ticks++;

  /* The user goes on working: the worker thread must have its own copy. */
  if (ticker->n_ticks == 3)
    {
      while (kw_board_get_n_findings (ticker->board) > 0)
        kw_board_remove_finding (ticker->board, kw_board_get_finding (ticker->board, 0));
      kw_board_set_title (ticker->board, "Changed while exporting");
      /* That work is the main thread's own, not a part of the export. */
      ticker->user_cpu = cpu_time_us (CLOCK_THREAD_CPUTIME_ID) - now;
      ticker->last_cpu = now + ticker->user_cpu;
    }

  return G_SOURCE_CONTINUE;
}

static void
ticker_exported_cb (KwExportDialog *dialog,
                    GFile          *file,
                    Ticker         *ticker)
{
  ticker->exported = TRUE;
}

static gboolean
ticker_is_exported (gpointer data)
{
  return ((Ticker *) data)->exported;
}

/* Drawing the PDF of a large board takes seconds: it happens in a worker
 * thread, and the main loop keeps running (a timeout fires every 20 ms,
 * never held up for long) while the user changes the board. */
static void
test_export_large_pdf_in_background (void)
{
  g_autoptr(KwBoard) board = make_large_board (10000);
  g_autofree char *out = tmp_path ("large.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GBytes) pdf = NULL;
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  Ticker ticker = { board };
  double width, height;
  guint expected_pages;
  gint64 started, main_cpu, process_cpu;
  guint id;

  kw_paper_get_size (KW_PAPER_A4, &width, &height);
  expected_pages = count_plan_pages (board, "en", width, height);
  /* Hundreds of pages, so the drawing takes a while. */
  g_assert_cmpuint (expected_pages, >, 100);

  g_object_ref (dialog);
  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_PDF);
  kw_export_dialog_set_language (dialog, "en");
  kw_export_dialog_set_paper (dialog, KW_PAPER_A4);
  g_signal_connect (dialog, "exported", G_CALLBACK (ticker_exported_cb), &ticker);

  kw_export_dialog_export_to_file (dialog, file);
  g_assert_true (kw_export_dialog_get_busy (dialog));

  started = g_get_monotonic_time ();
  main_cpu = cpu_time_us (CLOCK_THREAD_CPUTIME_ID);
  process_cpu = cpu_time_us (CLOCK_PROCESS_CPUTIME_ID);
  ticker.last_cpu = main_cpu;
  id = g_timeout_add (20, tick_cb, &ticker);
  while (!ticker.exported && g_get_monotonic_time () - started < 240 * KW_TEST_SLOWDOWN * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  main_cpu = cpu_time_us (CLOCK_THREAD_CPUTIME_ID) - main_cpu - ticker.user_cpu;
  process_cpu = cpu_time_us (CLOCK_PROCESS_CPUTIME_ID) - process_cpu - ticker.user_cpu;

  g_assert_true (ticker_is_exported (&ticker));
  g_test_message ("%u ticks; CPU: %.0f ms in the main thread (at most %.0f ms between two ticks), "
                  "%.0f ms in all threads", ticker.n_ticks, main_cpu / 1000.0,
                  ticker.max_cpu_gap / 1000.0, process_cpu / 1000.0);
  g_assert_cmpuint (ticker.n_ticks, >=, 10);
  /* Drawing on the main thread, whole or page by page, would spend most of
   * the export's CPU time there (seconds: hundreds of pages); dispatching
   * a tick and the dialog's own bookkeeping costs little. */
  g_assert_cmpint (ticker.max_cpu_gap, <, 200 * KW_TEST_SLOWDOWN * 1000);
  g_assert_cmpint (main_cpu, <, process_cpu / 2);
  g_assert_false (kw_export_dialog_get_busy (dialog));
  g_object_unref (dialog);

  /* Complete: every page of the plan, of the board as it was. */
  pdf = read_file (out);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF"));
  g_assert_cmpuint (count_pdf_pages (pdf), ==, expected_pages);
}

/* Closing the dialog while the worker draws: no file, no "exported", and
 * the dialog goes at once, not when the drawing would have finished. */
static void
test_export_large_pdf_cancelled (void)
{
  g_autoptr(KwBoard) board = make_large_board (10000);
  g_autofree char *out = tmp_path ("cancelled.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (out);
  KwExportDialog *dialog = kw_export_dialog_new (NULL, board, NULL, NULL);
  Ticker ticker = { NULL };

  kw_export_dialog_set_format (dialog, KW_EXPORT_FORMAT_PDF);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "exported", G_CALLBACK (ticker_exported_cb), &ticker);
  kw_export_dialog_export_to_file (dialog, file);
  g_assert_true (kw_export_dialog_get_busy (dialog));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_until (pointer_is_null, &dialog));
  g_assert_false (ticker.exported);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-export-dialog-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.ExportDialogTest");

  g_test_add_func ("/export-dialog/opens-from-window", test_dialog_opens_from_window);
  g_test_add_func ("/export-dialog/ui-language", test_dialog_ui_language);
  g_test_add_func ("/export-dialog/html", test_export_html);
  g_test_add_func ("/export-dialog/csv", test_export_csv);
  g_test_add_func ("/export-dialog/xlsx", test_export_xlsx);
  g_test_add_func ("/export-dialog/ics", test_export_ics);
  g_test_add_func ("/export-dialog/ics-nothing", test_export_ics_nothing);
  g_test_add_func ("/export-dialog/csv-follows-language", test_export_csv_follows_language);
  g_test_add_func ("/export-dialog/svg", test_export_svg);
  g_test_add_func ("/export-dialog/png", test_export_png);
  g_test_add_func ("/export-dialog/pdf", test_export_pdf);
  g_test_add_func ("/export-dialog/fails", test_export_fails);
  g_test_add_func ("/export-dialog/language-missing", test_export_language_missing);
  g_test_add_func ("/export-dialog/closed-while-busy", test_export_closed_while_busy);
  g_test_add_func ("/export-dialog/adds-extension", test_export_adds_extension);
  g_test_add_func ("/export-dialog/asks-before-replacing", test_export_asks_before_replacing);
  g_test_add_func ("/export-dialog/large-pdf-in-background", test_export_large_pdf_in_background);
  g_test_add_func ("/export-dialog/large-pdf-cancelled", test_export_large_pdf_cancelled);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
