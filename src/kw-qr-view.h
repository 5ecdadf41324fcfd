/* kw-qr-view.h: a QR code on screen, as large as its space allows and
 * always square, drawn sharp (kw_qr_code_draw()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-qr-code.h"

G_BEGIN_DECLS

#define KW_TYPE_QR_VIEW (kw_qr_view_get_type ())
G_DECLARE_FINAL_TYPE (KwQrView, kw_qr_view, KW, QR_VIEW, GtkWidget)

GtkWidget *kw_qr_view_new      (void);
/* Property "code"; NULL shows nothing. */
KwQrCode  *kw_qr_view_get_code (KwQrView *self);
void       kw_qr_view_set_code (KwQrView *self,
                                KwQrCode *code);

G_END_DECLS
