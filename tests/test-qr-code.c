/* test-qr-code.c: the voting address as a QR code, read back by zbarimg
 * (Debian's zbar-tools), a reader nobody here wrote, as a phone's camera
 * reads the projector: at sizes that are and are not a multiple of the
 * module count, every pixel black or white, the quiet zone white, each
 * module where the code says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "kw-qr-code.h"

/* A join address as the vote server makes it: a LAN address, and 32
 * characters of base64url secret, '-' and '_' included. */
#define JOIN_ADDRESS "http://192.168.1.20:8080/j/q1Zz-8_hT0bW3kLmN5pRsVx7yA2cE4gJ"
#define DUTCH_TEXT "Snelle winst: één klik"

static KwQrCode *
new_code (const char *text)
{
  g_autoptr(GError) error = NULL;
  KwQrCode *code = kw_qr_code_new (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);
  return code;
}

/* A white RGB24 image of side pixels with the code drawn into the square
 * (x, y, size) of user space under a scale of scale. */
static cairo_surface_t *
draw_code (KwQrCode *code,
           int       side,
           double    scale,
           double    x,
           double    y,
           double    size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  kw_qr_code_draw (code, cr, x, y, size);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* What zbarimg reads in the image, or NULL when it reads nothing. */
static char *
scan (cairo_surface_t *surface)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *png = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (zbarimg == NULL)
    {
      /* The scan is the point of these tests: a missing reader fails
       * them instead of passing them unseen. */
      g_test_fail_printf ("zbar-tools is not installed: zbarimg is needed to read the codes back");
      return NULL;
    }
  dir = g_dir_make_tmp ("kw-qr-XXXXXX", &error);
  g_assert_no_error (error);
  png = g_build_filename (dir, "code.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);

  {
    /* -Sbinary: the bytes as they are in the code, with no newline
     * after them. Without it zbarimg (0.23) guesses a character set and
     * reads the UTF-8 "é" as Shift JIS, and ends the text with '\n'. */
    const char *argv[] = { zbarimg, "--raw", "-q", "-Sbinary", png, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (png), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

static void
assert_scans_as (KwQrCode        *code,
                 cairo_surface_t *surface)
{
  g_autofree char *read = scan (surface);

  if (read != NULL || !g_test_failed ())
    g_assert_cmpstr (read, ==, kw_qr_code_get_text (code));
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4) & 0xffffff;
}

/* The code drawn from device pixel from to to on both axes: nothing but
 * black and white, the quiet zone's pixels white, and the pixel at the
 * centre of each module as dark as the module. */
static void
assert_drawn (KwQrCode        *code,
              cairo_surface_t *surface,
              double           from,
              double           to)
{
  guint width = kw_qr_code_get_width (code);
  double module = (to - from) / (width + 2 * KW_QR_CODE_QUIET_ZONE);
  int zone_near = (int) floor (from + KW_QR_CODE_QUIET_ZONE * module);
  int zone_far = (int) ceil (to - KW_QR_CODE_QUIET_ZONE * module);

  for (int y = (int) round (from); y < (int) round (to); y++)
    for (int x = (int) round (from); x < (int) round (to); x++)
      {
        guint32 rgb = pixel (surface, x, y);
        gboolean in_zone = x < zone_near || y < zone_near || x >= zone_far || y >= zone_far;

        if (rgb != 0x000000 && rgb != 0xffffff)
          g_error ("pixel (%d, %d) is %06x, neither black nor white", x, y, rgb);
        if (in_zone && rgb != 0xffffff)
          g_error ("pixel (%d, %d) of the quiet zone is not white", x, y);
      }

  for (guint row = 0; row < width; row++)
    for (guint column = 0; column < width; column++)
      {
        int x = (int) floor (from + (column + KW_QR_CODE_QUIET_ZONE + 0.5) * module);
        int y = (int) floor (from + (row + KW_QR_CODE_QUIET_ZONE + 0.5) * module);
        gboolean dark = kw_qr_code_get_module (code, column, row);

        if ((pixel (surface, x, y) == 0) != dark)
          g_error ("module (%u, %u) should be %s", column, row, dark ? "dark" : "light");
      }
}

static void
test_join_address (void)
{
  g_autoptr(KwQrCode) code = new_code (JOIN_ADDRESS);
  const int sizes[] = { 120, 233, 400 };

  g_assert_cmpstr (kw_qr_code_get_text (code), ==, JOIN_ADDRESS);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = draw_code (code, sizes[i], 1, 0, 0, sizes[i]);

      g_test_message ("%d pixels, %.2f a module", sizes[i],
                      sizes[i] / (double) (kw_qr_code_get_width (code) + 2 * KW_QR_CODE_QUIET_ZONE));
      assert_drawn (code, surface, 0, sizes[i]);
      assert_scans_as (code, surface);
      cairo_surface_destroy (surface);
    }
}

/* Under a scale and at fractions of a pixel, as in a widget on a
 * fractional-scaled screen: the edges still land on whole pixels. */
static void
test_scaled (void)
{
  g_autoptr(KwQrCode) code = new_code (JOIN_ADDRESS);
  cairo_surface_t *surface = draw_code (code, 300, 1.5, 10.3, 10.3, 172.9);

  assert_drawn (code, surface, 1.5 * 10.3, 1.5 * (10.3 + 172.9));
  assert_scans_as (code, surface);
  cairo_surface_destroy (surface);
}

static void
test_utf8 (void)
{
  g_autoptr(KwQrCode) code = new_code (DUTCH_TEXT);
  cairo_surface_t *surface = draw_code (code, 233, 1, 0, 0, 233);

  g_assert_cmpstr (kw_qr_code_get_text (code), ==, DUTCH_TEXT);
  assert_drawn (code, surface, 0, 233);
  assert_scans_as (code, surface);
  cairo_surface_destroy (surface);
}

/* Versions are 17 + 4 × version modules a side; level M holds 14 bytes
 * in version 1, 62 in version 4 and 2331 in version 40 (ISO/IEC 18004,
 * table 7). Level L would hold 78 in version 4, Q only 46: the width
 * tells the level too. */
static void
test_width (void)
{
  g_autofree char *fits_1 = g_strnfill (14, 'a');
  g_autofree char *needs_2 = g_strnfill (15, 'a');
  g_autofree char *fits_4 = g_strnfill (62, 'a');
  g_autofree char *needs_5 = g_strnfill (63, 'a');
  g_autofree char *fits_40 = g_strnfill (2331, 'a');
  g_autoptr(KwQrCode) one = new_code (fits_1);
  g_autoptr(KwQrCode) two = new_code (needs_2);
  g_autoptr(KwQrCode) four = new_code (fits_4);
  g_autoptr(KwQrCode) five = new_code (needs_5);
  g_autoptr(KwQrCode) forty = new_code (fits_40);
  g_autoptr(KwQrCode) join = new_code (JOIN_ADDRESS);

  g_assert_cmpuint (kw_qr_code_get_width (one), ==, 21);
  g_assert_cmpuint (kw_qr_code_get_width (two), ==, 25);
  g_assert_cmpuint (kw_qr_code_get_width (four), ==, 33);
  g_assert_cmpuint (kw_qr_code_get_width (five), ==, 37);
  g_assert_cmpuint (kw_qr_code_get_width (forty), ==, 177);
  g_assert_cmpuint (kw_qr_code_get_width (two), <, kw_qr_code_get_width (join));
  g_assert_cmpuint (kw_qr_code_get_width (join), <, kw_qr_code_get_width (forty));

  /* The three finder patterns' corners are dark, outside nothing is. */
  g_assert_true (kw_qr_code_get_module (join, 0, 0));
  g_assert_true (kw_qr_code_get_module (join, 32, 0));
  g_assert_true (kw_qr_code_get_module (join, 0, 32));
  g_assert_false (kw_qr_code_get_module (join, 7, 7));
  g_assert_false (kw_qr_code_get_module (join, 33, 0));
  g_assert_false (kw_qr_code_get_module (join, 0, 33));
  g_assert_false (kw_qr_code_get_module (join, G_MAXUINT, G_MAXUINT));
}

static void
assert_fails (const char *text,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwQrCode) none = kw_qr_code_new (text, &error);

  g_assert_null (none);
  g_assert_error (error, KW_QR_CODE_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_errors (void)
{
  g_autofree char *too_long = g_strnfill (2332, 'a');
  g_autofree char *huge = g_strnfill (5000, 'x');

  assert_fails (huge, KW_QR_CODE_ERROR_TOO_LONG);
  assert_fails (too_long, KW_QR_CODE_ERROR_TOO_LONG);
  assert_fails ("", KW_QR_CODE_ERROR_FAILED);
  assert_fails (NULL, KW_QR_CODE_ERROR_FAILED);
  g_assert_null (kw_qr_code_new (huge, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qr-code/join-address", test_join_address);
  g_test_add_func ("/qr-code/scaled", test_scaled);
  g_test_add_func ("/qr-code/utf8", test_utf8);
  g_test_add_func ("/qr-code/width", test_width);
  g_test_add_func ("/qr-code/errors", test_errors);

  return g_test_run ();
}
