/* kw-print.c: the action plan through GtkPrintOperation.
 *
 * The pages are laid out with kw_plan_pages_* from kw-export-pdf.c, on
 * the full page (the plan keeps its own margin), so paper shows the same
 * pages as the exported PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kw-export-pdf.h"
#include "kw-message-dialog.h"
#include "kw-print.h"

/* The printer and paper last chosen, kept on the window that printed. */
#define PRINT_SETTINGS_KEY "kw-print-settings"
/* Set on an operation once its error was shown, so it is shown once. */
#define ERROR_SHOWN_KEY "kw-print-error-shown"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KwPlanPages       *pages)
{
  guint n_pages;

  /* The page setup is known only now: the user may have picked another
   * paper or orientation in the print dialog. */
  n_pages = kw_plan_pages_paginate (pages,
                                    gtk_print_context_get_cairo_context (context),
                                    gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context),
                                    KW_PLAN_PAGES_MARGIN);
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KwPlanPages       *pages)
{
  if (page_nr < 0 || (guint) page_nr >= kw_plan_pages_get_n_pages (pages))
    return;

  kw_plan_pages_draw_page (pages, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static GtkPageSetup *
new_a4_page_setup (void)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_paper_size_free (a4);

  return page_setup;
}

GtkPrintOperation *
kw_print_operation_new (KwBoard    *board,
                        const char *lang)
{
  g_autoptr(KwBoard) copy = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  GtkPrintOperation *operation;
  KwPlanPages *pages;
  const char *title;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  /* Printing runs on while the user goes on editing: it prints the board
   * as it is now. A copy through the model, not the file format, which
   * refuses boards from a newer version that are shown read-only. */
  copy = kw_board_copy (board);
  operation = gtk_print_operation_new ();
  pages = kw_plan_pages_new (copy, lang, NULL, NULL);
  g_object_set_data_full (G_OBJECT (operation), "kw-plan-pages", pages, (GDestroyNotify) kw_plan_pages_free);

  title = kw_board_get_title (board);
  gtk_print_operation_set_job_name (operation, title[0] != '\0' ? title : _("Action plan"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  /* Paper and orientation on the print dialog itself: there is no
   * separate page setup dialog to find. */
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  page_setup = new_a4_page_setup ();
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pages);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pages);

  return operation;
}

static void
show_print_error (GtkWindow    *parent,
                  const GError *error)
{
  kw_message_dialog_show_error (parent, _("Could not print the action plan"), error);
}

static void
report_error_once (GtkPrintOperation *operation,
                   GtkWindow         *parent,
                   const GError      *error)
{
  if (error == NULL || g_object_get_data (G_OBJECT (operation), ERROR_SHOWN_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (operation), ERROR_SHOWN_KEY, GINT_TO_POINTER (TRUE));
  show_print_error (parent, error);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_object_set_data_full (G_OBJECT (parent), PRINT_SETTINGS_KEY,
                            g_object_ref (gtk_print_operation_get_print_settings (operation)),
                            g_object_unref);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      report_error_once (operation, parent, error);
    }
}

void
kw_print_board (GtkWindow *parent,
                KwBoard   *board)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (KW_IS_BOARD (board));

  operation = kw_print_operation_new (board, NULL);
  settings = g_object_get_data (G_OBJECT (parent), PRINT_SETTINGS_KEY);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    report_error_once (operation, parent, error);
}
