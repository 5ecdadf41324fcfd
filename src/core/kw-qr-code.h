/* kw-qr-code.h: a text as a QR code (libqrencode), drawn with cairo: the
 * voting address the projector shows, for the phones' cameras.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* The white margin a scanner needs around the code, in modules. */
#define KW_QR_CODE_QUIET_ZONE 4

#define KW_QR_CODE_ERROR (kw_qr_code_error_quark ())
GQuark kw_qr_code_error_quark (void);

typedef enum {
  KW_QR_CODE_ERROR_TOO_LONG,
  KW_QR_CODE_ERROR_FAILED,
} KwQrCodeError;

#define KW_TYPE_QR_CODE (kw_qr_code_get_type ())
G_DECLARE_FINAL_TYPE (KwQrCode, kw_qr_code, KW, QR_CODE, GObject)

/* The UTF-8 text as bytes, error correction level M (a smudged or
 * glare-struck projector still scans), the smallest version that holds it. */
KwQrCode   *kw_qr_code_new        (const char *text,
                                   GError    **error);
const char *kw_qr_code_get_text   (KwQrCode   *self);
/* Modules a side, the quiet zone not counted. */
guint       kw_qr_code_get_width  (KwQrCode   *self);
/* TRUE for a dark module; FALSE outside the code. */
gboolean    kw_qr_code_get_module (KwQrCode   *self,
                                   guint       x,
                                   guint       y);
/* The code and its quiet zone in the square (x, y, size): white behind,
 * black modules with edges on whole device pixels, so it stays sharp at
 * any size. */
void        kw_qr_code_draw       (KwQrCode   *self,
                                   cairo_t    *cr,
                                   double      x,
                                   double      y,
                                   double      size);

G_END_DECLS
