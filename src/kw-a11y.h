/* kw-a11y.h: accessibility fixes the widgets share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kw_a11y_name_buttons_once            (GtkWidget *root);
void kw_a11y_name_buttons_once_when_shown (GtkWidget *widget);
void kw_a11y_name_drop_down               (GtkDropDown *dropdown,
                                           const char  *name);

GtkWidget *kw_a11y_announcer_new          (void);
void       kw_a11y_announce               (GtkWidget   *widget,
                                           const char  *message);

G_END_DECLS
