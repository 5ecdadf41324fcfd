/* kw-qr-code.c: see kw-qr-code.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-qr-code"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <qrencode.h>

#include "kw-i18n.h"
#include "kw-qr-code.h"

struct _KwQrCode
{
  GObject  parent_instance;

  char    *text;
  guint    width;
  guint8  *modules;  /* width × width, row by row; 1 for dark */
};

G_DEFINE_FINAL_TYPE (KwQrCode, kw_qr_code, G_TYPE_OBJECT)
G_DEFINE_QUARK (kw-qr-code-error-quark, kw_qr_code_error)

static void
kw_qr_code_finalize (GObject *object)
{
  KwQrCode *self = KW_QR_CODE (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->modules, g_free);

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

/* libqrencode's symbol for the text, or NULL with error set. */
static QRcode *
encode (const char  *text,
        GError     **error)
{
  gsize length = text != NULL ? strlen (text) : 0;
  QRcode *code;

  if (length == 0)
    {
      g_set_error_literal (error, KW_QR_CODE_ERROR, KW_QR_CODE_ERROR_FAILED,
                           _("There is no address to make a QR code of."));
      return NULL;
    }

  /* Byte mode, version 0 (the smallest that fits): the text goes in as
   * it is, whatever its characters, and a phone reads back the same
   * UTF-8. Level M survives a smudge or a glare on the screen. */
  errno = 0;
  code = length <= G_MAXINT ? QRcode_encodeData ((int) length, (const guchar *) text, 0, QR_ECLEVEL_M) : NULL;
  if (code != NULL)
    return code;

  /* ERANGE is more data than version 40 holds; byte mode takes any
   * bytes, so EINVAL can only mean that too. */
  if (length > G_MAXINT || errno == ERANGE || errno == EINVAL)
    g_set_error_literal (error, KW_QR_CODE_ERROR, KW_QR_CODE_ERROR_TOO_LONG,
                         _("The address is too long for a QR code."));
  else
    g_set_error (error, KW_QR_CODE_ERROR, KW_QR_CODE_ERROR_FAILED,
                 _("The QR code could not be made: %s."), g_strerror (errno));
  return NULL;
}

KwQrCode *
kw_qr_code_new (const char  *text,
                GError     **error)
{
  g_autoptr(KwQrCode) self = NULL;
  QRcode *code;
  gsize n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  code = encode (text, error);
  if (code == NULL)
    return NULL;

  self = g_object_new (KW_TYPE_QR_CODE, NULL);
  self->text = g_strdup (text);
  self->width = (guint) code->width;
  n = (gsize) self->width * self->width;
  self->modules = g_new (guint8, n);
  /* Only the lowest bit says dark; the others are libqrencode's notes on
   * what each module is part of. */
  for (gsize i = 0; i < n; i++)
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

/* The n + 1 module edges from device coordinate from to to, each rounded
 * to a whole pixel: a module then covers whole pixels only, and no edge
 * is a grey blur a scanner must guess at. */
static double *
device_edges (double from,
              double to,
              guint  n)
{
  double *edges = g_new (double, n + 1);

  for (guint i = 0; i <= n; i++)
    edges[i] = round (from + (to - from) * i / n);
  return edges;
}

/* Every dark module as a rectangle of the current path; ex and ey are
 * the edges of the whole square, quiet zone included. */
static void
add_dark_modules (KwQrCode     *self,
                  cairo_t      *cr,
                  const double *ex,
                  const double *ey)
{
  for (guint row = 0; row < self->width; row++)
    for (guint column = 0; column < self->width; column++)
      {
        guint i = column + KW_QR_CODE_QUIET_ZONE, j = row + KW_QR_CODE_QUIET_ZONE;

        if (self->modules[(gsize) row * self->width + column])
          cairo_rectangle (cr, ex[i], ey[j], ex[i + 1] - ex[i], ey[j + 1] - ey[j]);
      }
}

void
kw_qr_code_draw (KwQrCode *self,
                 cairo_t  *cr,
                 double    x,
                 double    y,
                 double    size)
{
  guint total;
  double x0 = x, y0 = y, x1 = x + size, y1 = y + size;
  g_autofree double *ex = NULL;
  g_autofree double *ey = NULL;

  g_return_if_fail (KW_IS_QR_CODE (self));
  g_return_if_fail (cr != NULL);

  total = self->width + 2 * KW_QR_CODE_QUIET_ZONE;
  /* Rounding means something only in device space, on real pixels. */
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  ex = device_edges (x0, x1, total);
  ey = device_edges (y0, y1, total);

  cairo_save (cr);
  cairo_identity_matrix (cr);
  /* With whole-pixel edges antialiasing adds nothing, and where two
   * modules meet it could leave a faint seam. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);

  cairo_new_path (cr);
  cairo_rectangle (cr, ex[0], ey[0], ex[total] - ex[0], ey[total] - ey[0]);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  /* One path and one fill: hundreds of separate fills are slow on a
   * recording or PDF surface. */
  add_dark_modules (self, cr, ex, ey);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_fill (cr);
  cairo_restore (cr);
}
