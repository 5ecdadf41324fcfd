/* kw-message-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-message-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-message-dialog.h"

AdwMessageDialog *
kw_message_dialog_new (GtkWindow  *parent,
                       const char *heading,
                       const char *body)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  /* The responses are added after this: name them once they show. */
  kw_a11y_name_buttons_once_when_shown (GTK_WIDGET (dialog));

  return dialog;
}

void
kw_message_dialog_show_error (GtkWindow    *parent,
                              const char   *heading,
                              const GError *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (error != NULL);

  dialog = kw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
