/* kw-qr-code.c: see kw-qr-code.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-qr-code"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <qrencode.h>

#include "kw-i18n.h"

#include "kw-qr-code.h"

struct _KwQrCode
{
  GObject  parent_instance;

  char    *text;
  guint    width;
  guint8  *modules;  /* width × width, 1 for dark */
};

G_DEFINE_FINAL_TYPE (KwQrCode, kw_qr_code, G_TYPE_OBJECT)
G_DEFINE_QUARK (kw-qr-code-error-quark, kw_qr_code_error)

static void
kw_qr_code_finalize (GObject *object)
{
  KwQrCode *self = KW_QR_CODE (object);

  g_free (self->text);
  g_free (self->modules);

  G_OBJECT_CLASS (kw_qr_code_parent_class)->finalize (object);
}

static void
kw_qr_code_class_init (KwQrCodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_qr_code_finalize;
}

static void
kw_qr_code_init (KwQrCode *self)
{
}

KwQrCode *
kw_qr_code_new (const char  *text,
                GError     **error)
{
  g_autoptr(KwQrCode) self = NULL;
  QRcode *code;

  if (text == NULL || text[0] == '\0')
    {
      g_set_error_literal (error, KW_QR_CODE_ERROR, KW_QR_CODE_ERROR_FAILED,
                           _("There is no address to make a QR code of."));
      return NULL;
    }

  /* 8-bit mode whatever the text: the address goes in as it is. */
  code = QRcode_encodeData ((int) strlen (text), (const unsigned char *) text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      gboolean too_long = errno == ERANGE || errno == EINVAL;

      g_set_error_literal (error, KW_QR_CODE_ERROR, too_long ? KW_QR_CODE_ERROR_TOO_LONG : KW_QR_CODE_ERROR_FAILED,
                           too_long ? _("The address is too long for a QR code.")
                                    : _("The QR code could not be made: out of memory."));
      return NULL;
    }

  self = g_object_new (KW_TYPE_QR_CODE, NULL);
  self->text = g_strdup (text);
  self->width = (guint) code->width;
  self->modules = g_new (guint8, (gsize) self->width * self->width);
  /* libqrencode's lowest bit says dark; the others are its bookkeeping. */
  for (gsize i = 0; i < (gsize) self->width * self->width; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);

  return g_steal_pointer (&self);
}

const char *
kw_qr_code_get_text (KwQrCode *self)
{
  g_return_val_if_fail (KW_IS_QR_CODE (self), NULL);
  return self->text;
}

guint
kw_qr_code_get_width (KwQrCode *self)
{
  g_return_val_if_fail (KW_IS_QR_CODE (self), 0);
  return self->width;
}

gboolean
kw_qr_code_get_module (KwQrCode *self,
                       guint     x,
                       guint     y)
{
  g_return_val_if_fail (KW_IS_QR_CODE (self), FALSE);

  if (x >= self->width || y >= self->width)
    return FALSE;
  return self->modules[(gsize) y * self->width + x] != 0;
}

/* Where the edge of module i falls, in device pixels: modules then differ
 * by at most a pixel in size, but no edge is ever blurred. */
static double
edge (double origin,
      double module,
      guint  i)
{
  return round (origin + module * i);
}

void
kw_qr_code_draw (KwQrCode *self,
                 cairo_t  *cr,
                 double    x,
                 double    y,
                 double    size)
{
  guint total;
  double module, origin_x, origin_y, far_x, far_y;

  g_return_if_fail (KW_IS_QR_CODE (self));

  total = self->width + 2 * KW_QR_CODE_QUIET_ZONE;
  cairo_save (cr);
  /* In device space, so that rounding lands on real pixels. */
  origin_x = x, origin_y = y, far_x = x + size, far_y = y + size;
  cairo_user_to_device (cr, &origin_x, &origin_y);
  cairo_user_to_device (cr, &far_x, &far_y);
  cairo_identity_matrix (cr);
  module = (far_x - origin_x) / total;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, round (origin_x), round (origin_y), round (far_x) - round (origin_x),
                   round (far_y) - round (origin_y));
  cairo_fill (cr);

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint row = 0; row < self->width; row++)
    for (guint column = 0; column < self->width; column++)
      {
        double left, top;

        if (!self->modules[(gsize) row * self->width + column])
          continue;
        left = edge (origin_x, module, column + KW_QR_CODE_QUIET_ZONE);
        top = edge (origin_y, module, row + KW_QR_CODE_QUIET_ZONE);
        cairo_rectangle (cr, left, top,
                         edge (origin_x, module, column + KW_QR_CODE_QUIET_ZONE + 1) - left,
                         edge (origin_y, module, row + KW_QR_CODE_QUIET_ZONE + 1) - top);
      }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_restore (cr);
}
