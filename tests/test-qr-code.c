/* test-qr-code.c: the voting address as a QR code, read back by zbarimg
 * (Debian's zbar-tools), a reader nobody here wrote, as a phone's camera
 * would: at sizes that are and are not a multiple of the module count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "kw-qr-code.h"

#define JOIN_URI "http://192.168.1.20:40123/j/q1Zz-8_hT0bW3kLmN5pRsVx7yA2cE4gJ"

/* What zbarimg reads in a PNG of the code drawn at size pixels. */
static char *
scan (KwQrCode *code,
      guint     size,
      guint     margin)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kw-qr-XXXXXX", &error);
  g_autofree char *png = NULL;
  g_autofree char *out = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int status = 0;

  if (zbarimg == NULL)
    g_error ("zbarimg is not installed: build-aux/dev installs zbar-tools");
  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (size + 2 * margin), (int) (size + 2 * margin));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_paint (cr);
  kw_qr_code_draw (code, cr, margin, margin, size);
  cairo_destroy (cr);
  png = g_build_filename (dir, "code.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  {
    const char *argv[] = { zbarimg, "--raw", "-q", "-Sbinary", png, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                  &error);
  }
  g_assert_no_error (error);
  g_unlink (png);
  g_rmdir (dir);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  /* zbarimg ends what it read with a newline. */
  if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';
  return g_steal_pointer (&out);
}

static void
test_scans_at_any_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KwQrCode) code = kw_qr_code_new (JOIN_URI, &error);
  const guint sizes[] = { 120, 233, 400, 517 };

  g_assert_no_error (error);
  g_assert_cmpstr (kw_qr_code_get_text (code), ==, JOIN_URI);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *read = scan (code, sizes[i], 7);

      g_test_message ("size %u", sizes[i]);
      g_assert_cmpstr (read, ==, JOIN_URI);
    }
}

static void
test_utf8 (void)
{
  const char *text = "Snelle winst: één klik €";
  g_autoptr(KwQrCode) code = kw_qr_code_new (text, NULL);
  g_autofree char *read = scan (code, 300, 0);

  g_assert_cmpstr (read, ==, text);
}

/* The quiet zone is white, and so is nothing of the code's own. */
static void
test_quiet_zone (void)
{
  g_autoptr(KwQrCode) code = kw_qr_code_new (JOIN_URI, NULL);
  guint width = kw_qr_code_get_width (code);
  guint total = width + 2 * KW_QR_CODE_QUIET_ZONE;
  int size = (int) total * 4;  /* four pixels a module */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (surface);
  const guint32 *pixels;
  int stride;

  kw_qr_code_draw (code, cr, 0, 0, size);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        guint mx = (guint) x / 4, my = (guint) y / 4;
        gboolean in_zone = mx < KW_QR_CODE_QUIET_ZONE || my < KW_QR_CODE_QUIET_ZONE
                           || mx >= width + KW_QR_CODE_QUIET_ZONE || my >= width + KW_QR_CODE_QUIET_ZONE;
        gboolean dark = !in_zone && kw_qr_code_get_module (code, mx - KW_QR_CODE_QUIET_ZONE,
                                                            my - KW_QR_CODE_QUIET_ZONE);

        g_assert_cmphex (pixels[y * stride + x] & 0xffffff, ==, dark ? 0x000000 : 0xffffff);
      }
  cairo_surface_destroy (surface);

  /* The finder pattern's corner, top left. */
  g_assert_true (kw_qr_code_get_module (code, 0, 0));
  g_assert_false (kw_qr_code_get_module (code, width, 0));
}

static void
test_sizes_and_errors (void)
{
  g_autoptr(KwQrCode) short_code = kw_qr_code_new ("http://10.0.0.2:8080", NULL);
  g_autoptr(KwQrCode) long_code = kw_qr_code_new (JOIN_URI, NULL);
  g_autofree char *huge = g_strnfill (5000, 'x');
  g_autoptr(GError) error = NULL;
  KwQrCode *none;

  g_assert_cmpuint (kw_qr_code_get_width (short_code), <, kw_qr_code_get_width (long_code));
  /* Versions are 21 + 4k modules a side. */
  g_assert_cmpuint ((kw_qr_code_get_width (long_code) - 21) % 4, ==, 0);

  none = kw_qr_code_new (huge, &error);
  g_assert_null (none);
  g_assert_error (error, KW_QR_CODE_ERROR, KW_QR_CODE_ERROR_TOO_LONG);
  g_clear_error (&error);
  none = kw_qr_code_new ("", &error);
  g_assert_null (none);
  g_assert_error (error, KW_QR_CODE_ERROR, KW_QR_CODE_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/qr-code/scans-at-any-size", test_scans_at_any_size);
  g_test_add_func ("/qr-code/utf8", test_utf8);
  g_test_add_func ("/qr-code/quiet-zone", test_quiet_zone);
  g_test_add_func ("/qr-code/sizes-and-errors", test_sizes_and_errors);

  return g_test_run ();
}
