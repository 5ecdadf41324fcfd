/* kw-qr-code.h: a text as a QR code (libqrencode), drawn with cairo.
 *
 * The projector shows the voting join address this way, so that the
 * room's phones can open it with their cameras instead of typing it. No
 * GTK here: the widget that shows it only calls kw_qr_code_draw().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* The white margin around the code, in modules, that the standard asks
 * for: without it a scanner does not find the finder patterns on a dark
 * slide. kw_qr_code_draw() includes it. */
#define KW_QR_CODE_QUIET_ZONE 4

#define KW_QR_CODE_ERROR (kw_qr_code_error_quark ())
GQuark kw_qr_code_error_quark (void);

typedef enum {
  KW_QR_CODE_ERROR_TOO_LONG,  /* more than the largest code holds */
  KW_QR_CODE_ERROR_FAILED,    /* no text, or out of memory */
} KwQrCodeError;

#define KW_TYPE_QR_CODE (kw_qr_code_get_type ())
G_DECLARE_FINAL_TYPE (KwQrCode, kw_qr_code, KW, QR_CODE, GObject)

/* The UTF-8 text as 8-bit data, error correction level M, in the smallest
 * version that holds it. NULL, with error set, for NULL or empty text and
 * for text too long for any version. */
KwQrCode   *kw_qr_code_new        (const char *text,
                                   GError    **error);
const char *kw_qr_code_get_text   (KwQrCode   *self);
/* Modules a side, the quiet zone not counted. */
guint       kw_qr_code_get_width  (KwQrCode   *self);
/* TRUE for a dark module; FALSE outside the code. */
gboolean    kw_qr_code_get_module (KwQrCode   *self,
                                   guint       x,
                                   guint       y);
/* Draws the code and its quiet zone into the square (x, y, size) in user
 * space: white behind, black modules. Every module edge falls on a whole
 * device pixel, so the code stays sharp at a size that is not a multiple
 * of the module count; the modules then differ by at most a pixel. The
 * transformation may scale and translate, not rotate. */
void        kw_qr_code_draw       (KwQrCode   *self,
                                   cairo_t    *cr,
                                   double      x,
                                   double      y,
                                   double      size);

G_END_DECLS
