/* kw-window-estimates.c: the room's estimates in the window: the
 * participants dialog, the estimates window (the typing grid and "Discuss
 * first", whose rows select their finding on the matrix), and "Use the
 * group's median" for the selection or for every finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-estimates"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-participants-dialog.h"
#include "kw-window-private.h"

/* ---- Participants --------------------------------------------------------- */

GtkWindow *
kw_window_show_participants (KwWindow *self)
{
  KwParticipantsDialog *dialog;

  if (kw_document_get_loading (self->document) || kw_document_get_read_only (self->document))
    return NULL;

  kw_window_start_board (self);
  dialog = kw_participants_dialog_new (GTK_WINDOW (self), kw_window_history (self));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* ---- The estimates window --------------------------------------------------- */

/* A row of "Discuss first" selects its finding on the matrix, as the
 * changes panel's rows do. */
static void
discuss_finding_activated_cb (KwWindow      *self,
                              KwFinding     *finding,
                              KwDiscussList *list)
{
  kw_window_select_only (self, finding);
}

KwEstimatesWindow *
kw_window_ensure_estimates_window (KwWindow *self)
{
  if (self->estimates_window != NULL)
    return self->estimates_window;

  self->estimates_window = kw_estimates_window_new (GTK_WINDOW (self));
  /* GTK owns toplevels; the pointer clears when it is closed. */
  g_object_add_weak_pointer (G_OBJECT (self->estimates_window), (gpointer *) &self->estimates_window);
  g_object_bind_property (self->document, "history", self->estimates_window, "history", G_BINDING_SYNC_CREATE);
  /* An open round takes what the grid commits, hidden until the reveal. */
  g_object_bind_property (self, "round", kw_estimates_window_get_grid (self->estimates_window), "round",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (kw_estimates_window_get_discuss_list (self->estimates_window), "finding-activated",
                           G_CALLBACK (discuss_finding_activated_cb), self, G_CONNECT_SWAPPED);

  return self->estimates_window;
}

KwEstimatesWindow *
kw_window_show_estimates (KwWindow   *self,
                          const char *page)
{
  KwEstimatesWindow *window;

  kw_window_start_board (self);
  window = kw_window_ensure_estimates_window (self);
  gtk_window_present (GTK_WINDOW (window));
  kw_estimates_window_show_page (window, page);

  return window;
}

void
kw_window_forget_estimates (KwWindow *self)
{
  if (self->estimates_window != NULL)
    {
      KwEstimatesWindow *window = self->estimates_window;

      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &self->estimates_window);
      self->estimates_window = NULL;
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The estimates window is transient for this one, so a window manager keeps
 * it above: over a full-screen presentation it would cover the matrix the
 * room is looking at (and, in a round, show which cells are filled). It
 * goes while presenting and comes back after. */
void
kw_window_estimates_follow_presentation (KwWindow *self)
{
  GtkWidget *window = GTK_WIDGET (self->estimates_window);

  if (window == NULL)
    return;

  if (self->presenting && gtk_widget_get_visible (window))
    {
      self->estimates_hidden_for_presentation = TRUE;
      gtk_widget_set_visible (window, FALSE);
    }
  else if (!self->presenting && self->estimates_hidden_for_presentation)
    {
      self->estimates_hidden_for_presentation = FALSE;
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* ---- Use the group's median --------------------------------------------------- */

guint
kw_window_use_median (KwWindow *self,
                      gboolean  all)
{
  g_autoptr(GPtrArray) findings = NULL;
  KwBoard *board = kw_window_board (self);
  g_autofree char *toast = NULL;
  guint moved;

  if (kw_document_get_loading (self->document) || kw_document_get_read_only (self->document))
    return 0;

  if (all)
    {
      findings = g_ptr_array_new ();
      for (guint i = 0; i < kw_board_get_n_findings (board); i++)
        g_ptr_array_add (findings, kw_board_get_finding (board, i));
    }
  else
    {
      findings = kw_window_collect_selected (self);
    }

  moved = kw_history_use_median (kw_window_history (self), (KwFinding * const *) findings->pdata, findings->len);
  if (moved == 0)
    toast = g_strdup (all ? _("No finding has estimates to take the median of")
                          : _("The selection has no estimates to take the median of"));
  else
    /* Translators: a toast after "Use the group's median". */
    toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding moved to the group’s median",
                                          "%u findings moved to the group’s median", moved),
                             moved);
  kw_window_show_toast (self, toast);

  return moved;
}
