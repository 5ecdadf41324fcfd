/* kw-message-dialog.h: the app's message dialogs, built one way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A modal AdwMessageDialog over parent whose buttons a screen reader reads
 * once ("Save", not "_Save Save"), however many responses are added. */
AdwMessageDialog *kw_message_dialog_new          (GtkWindow    *parent,
                                                  const char   *heading,
                                                  const char   *body);
/* Shows error's message under heading, with a Close button. */
void              kw_message_dialog_show_error   (GtkWindow    *parent,
                                                  const char   *heading,
                                                  const GError *error);
/* Shows what happened in plain words (body) under heading, and the
 * technical detail (file, line, reason) behind a "Details" expander, with
 * a Close button. */
void              kw_message_dialog_show_problem (GtkWindow    *parent,
                                                  const char   *heading,
                                                  const char   *body,
                                                  const char   *details);

G_END_DECLS
