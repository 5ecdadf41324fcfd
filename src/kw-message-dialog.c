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

/* The detail is for whoever helps: selectable, so it can be copied into a
 * message, and folded away so the plain words come first. */
static GtkWidget *
details_expander_new (const char *details)
{
  GtkWidget *expander = gtk_expander_new_with_mnemonic (_("_Details"));
  GtkWidget *label = gtk_label_new (details);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  /* Opening it does not widen the dialog for a long path. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "caption");
  gtk_expander_set_child (GTK_EXPANDER (expander), label);

  return expander;
}

void
kw_message_dialog_show_problem (GtkWindow  *parent,
                                const char *heading,
                                const char *body,
                                const char *details)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (heading != NULL && body != NULL);

  dialog = kw_message_dialog_new (parent, heading, body);
  if (details != NULL && *details != '\0')
    adw_message_dialog_set_extra_child (dialog, details_expander_new (details));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
