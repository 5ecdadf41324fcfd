/* test-new-board-dialog.c: KwNewBoardDialog asks a title and a workshop
 * date (today unless changed), Enter in either field creates, Escape
 * cancels, and a date that cannot be read holds Create back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "kw-new-board-dialog.h"
#include "kw-gui-test.h"

static GtkApplication *app;
static char *tmp_dir;

typedef struct
{
  KwNewBoardDialog *dialog;
  GtkWidget        *parent;
  GtkWidget        *title_text;
  GtkWidget        *date_text;
  char             *response;
} Fixture;

static void
collect_texts (GtkWidget  *widget,
               GPtrArray  *texts)
{
  if (GTK_IS_TEXT (widget))
    g_ptr_array_add (texts, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Fixture          *fixture)
{
  g_free (fixture->response);
  fixture->response = g_strdup (response);
}

static gboolean
has_response (gpointer data)
{
  return ((Fixture *) data)->response != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  fixture->parent = gtk_window_new ();
  gtk_window_set_application (GTK_WINDOW (fixture->parent), app);
  gtk_window_present (GTK_WINDOW (fixture->parent));

  fixture->dialog = g_object_ref_sink (kw_new_board_dialog_new (GTK_WINDOW (fixture->parent)));
  g_signal_connect (fixture->dialog, "response", G_CALLBACK (response_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));

  collect_texts (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (fixture->dialog)), texts);
  g_assert_cmpuint (texts->len, ==, 2);
  fixture->title_text = texts->pdata[0];
  fixture->date_text = texts->pdata[1];
  g_assert_true (kw_gui_test_wait_until (kw_gui_test_widget_is_mapped, fixture->date_text));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->dialog, fixture);
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  kw_gui_test_destroy_window (GTK_WINDOW (fixture->parent));
  g_clear_pointer (&fixture->response, g_free);
}

/* Enter in the title creates: the default response, and the title field
 * has the focus, so a title and Enter are all it takes. */
static void
test_enter_creates (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autofree char *title = NULL;

  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (fixture->dialog)), ==, "create");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (fixture->dialog)), ==, "cancel");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->date_text)), ==, today);
  g_assert_true (gtk_widget_is_focus (fixture->title_text));

  /* Pasted text keeps to one line. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->title_text), "  Klantcontact\tdecember ");
  g_signal_emit_by_name (fixture->title_text, "activate");
  g_assert_true (kw_gui_test_wait_until (has_response, fixture));
  g_assert_cmpstr (fixture->response, ==, "create");

  title = kw_new_board_dialog_dup_board_title (fixture->dialog);
  g_assert_cmpstr (title, ==, "Klantcontact december");
  g_assert_true (kw_new_board_dialog_apply (fixture->dialog, board));
  g_assert_cmpstr (kw_board_get_title (board), ==, "Klantcontact december");
  g_assert_cmpstr (kw_board_get_workshop_date (board), ==, today);
}

/* The date as people type it; one that cannot be read holds Create back
 * and changes nothing. */
static void
test_date (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autofree char *date = NULL;

  gtk_editable_set_text (GTK_EDITABLE (fixture->date_text), "11-12-2026");
  date = kw_new_board_dialog_dup_workshop_date (fixture->dialog);
  g_assert_cmpstr (date, ==, "2026-12-11");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (fixture->dialog), "create"));

  gtk_editable_set_text (GTK_EDITABLE (fixture->date_text), "morgen");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (fixture->dialog), "create"));
  g_assert_false (kw_new_board_dialog_apply (fixture->dialog, board));
  g_assert_cmpstr (kw_board_get_workshop_date (board), ==, "");

  /* No date at all is fine: the board has none. */
  gtk_editable_set_text (GTK_EDITABLE (fixture->date_text), "");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (fixture->dialog), "create"));
  g_assert_true (kw_new_board_dialog_apply (fixture->dialog, board));
  g_assert_cmpstr (kw_board_get_workshop_date (board), ==, "");
}

/* Escape closes the window, which answers "cancel". */
static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->title_text), "Niet dit");
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  g_assert_true (kw_gui_test_wait_until (has_response, fixture));
  g_assert_cmpstr (fixture->response, ==, "cancel");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = kw_gui_test_init (&argc, &argv, "kw-test-new-board-dialog-XXXXXX");
  app = kw_gui_test_application_new ("io.github.kwadrant.Kwadrant.NewBoardDialogTest");

  g_test_add ("/new-board-dialog/enter-creates", Fixture, NULL, fixture_set_up, test_enter_creates,
              fixture_tear_down);
  g_test_add ("/new-board-dialog/date", Fixture, NULL, fixture_set_up, test_date, fixture_tear_down);
  g_test_add ("/new-board-dialog/escape-cancels", Fixture, NULL, fixture_set_up, test_escape_cancels,
              fixture_tear_down);

  status = g_test_run ();
  kw_gui_test_finish (&app, &tmp_dir);

  return status;
}
