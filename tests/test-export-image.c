/* test-export-image.c: the matrix as PNG and the action plan as PDF, on A4
 * and Letter: sizes, page counts, and that the pages carry ink.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kw-export-pdf.h"
#include "kw-format.h"
#include "kw-matrix-render.h"

static KwBoard *
load_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KwBoard *board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return board;
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kw-export-image-XXXXXX", &error);

  g_assert_no_error (error);

  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* Counts the pixels that are neither white nor nearly so. */
static guint
count_ink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 p = row[x];

          if (((p >> 16) & 0xff) < 0xe0 || ((p >> 8) & 0xff) < 0xe0 || (p & 0xff) < 0xe0)
            ink++;
        }
    }

  return ink;
}

static void
test_png (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *path = temp_path ("matrix.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png;
  guint ink;

  g_assert_true (kw_matrix_render_png_file (board, NULL, 800, 500, file, &error));
  g_assert_no_error (error);

  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 500);
  /* The zones are tinted and the dots solid: a good part has colour,
   * but the picture is not one blot. */
  ink = count_ink (png);
  g_assert_cmpuint (ink, >, 800 * 500 / 10);
  g_assert_cmpuint (ink, <, 800 * 500 * 9 / 10);

  cairo_surface_destroy (png);
  remove_temp (path);
}

/* The dot of finding 1 (a quick win) is drawn where the layout puts it,
 * in the quick-win colour. */
static void
test_dot_position (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  KwFinding *first = g_ptr_array_index (plan->sections[KW_OUTCOME_QUICK_WIN].findings, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 700);
  cairo_t *cr = cairo_create (surface);
  KwMatrixLayout layout;
  double x, y, radius;
  guint32 pixel;

  kw_matrix_render_draw (cr, plan, 900, 700);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  kw_matrix_layout_init (&layout, 900, 700, 1.0, FALSE);
  kw_matrix_layout_score_to_point (&layout, kw_finding_get_impact (first), kw_finding_get_effort (first), &x, &y);
  radius = kw_matrix_render_dot_radius (&layout);
  /* Off the number in the middle, inside the dot. */
  pixel = ((guint32 *) (cairo_image_surface_get_data (surface) +
                        (int) y * cairo_image_surface_get_stride (surface)))[(int) (x - 0.7 * radius)];
  g_assert_cmphex (pixel & 0xffffff, ==, 0x26a269);
  g_assert_cmpstr (kw_outcome_get_color (KW_OUTCOME_QUICK_WIN, FALSE), ==, "#26a269");

  cairo_surface_destroy (surface);
}

static void
test_pdf_pages (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  const KwPaper papers[] = { KW_PAPER_A4, KW_PAPER_LETTER };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(KwPlanPages) pages = kw_plan_pages_new (board, NULL, NULL);
      double width, height;
      cairo_surface_t *surface;
      cairo_t *cr;
      guint n_pages;

      kw_paper_get_size (papers[p], &width, &height);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
      cr = cairo_create (surface);

      n_pages = kw_plan_pages_paginate (pages, cr, width, height, KW_PLAN_PAGES_MARGIN);
      /* The first page, then one per outcome with findings. */
      g_assert_cmpuint (n_pages, >=, 1 + KW_N_OUTCOMES);
      g_assert_cmpuint (n_pages, <, 20);
      g_assert_cmpuint (kw_plan_pages_get_n_pages (pages), ==, n_pages);

      for (guint i = 0; i < n_pages; i++)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          kw_plan_pages_draw_page (pages, cr, i);
          g_assert_cmpuint (count_ink (surface), >, 500);
        }

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_pdf_file (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *path = temp_path ("plan.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (kw_export_pdf_file (board, NULL, KW_PAPER_LETTER, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Letter: 612 × 792 points. */
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 612 792 ]", strlen ("/MediaBox [ 0 0 612 792 ]")));

  remove_temp (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/image/png", test_png);
  g_test_add_func ("/export/image/dot-position", test_dot_position);
  g_test_add_func ("/export/pdf/pages", test_pdf_pages);
  g_test_add_func ("/export/pdf/file", test_pdf_file);

  return g_test_run ();
}
