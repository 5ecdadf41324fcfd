/* test-export-image.c: the matrix as PNG and the action plan as PDF, on A4
 * and Letter: sizes, page counts, and that the pages carry ink.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <math.h>
#include <string.h>

#include "kw-export-pdf.h"
#include "kw-export-svg.h"
#include "kw-format.h"
#include "kw-matrix-render.h"
#include "kw-plan-estimates.h"

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

static KwBoard *
load_test_board (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "tests", "data", "boards", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KwBoard *board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return board;
}

static guint32
rgb_of (const char *hex)
{
  return (guint32) g_ascii_strtoull (hex + 1, NULL, 16);
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guchar *row = cairo_image_surface_get_data (surface) + (int) y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[(int) x] & 0xffffff;
}

static gboolean
near_color (guint32 a,
            guint32 b)
{
  for (guint shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 6)
      return FALSE;

  return TRUE;
}

/* A good part of a badge's box is in its outcome's ink (the rest is its
 * rounded ends and its white number, large in a small badge: a legend's
 * badge at the 13 px floor is about a fifth ink); anywhere else there is
 * none of it. */
static void
assert_badge_drawn (cairo_surface_t    *surface,
                    const KwMatrixRect *badge,
                    KwOutcome           outcome)
{
  guint32 ink = rgb_of (kw_outcome_get_badge_color (outcome));
  guint n = 0, n_ink = 0;

  for (int y = (int) ceil (badge->y); y < (int) (badge->y + badge->height); y++)
    for (int x = (int) ceil (badge->x); x < (int) (badge->x + badge->width); x++)
      {
        n++;
        n_ink += near_color (pixel_at (surface, x, y), ink);
      }

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n_ink, >=, n / 5);
}

/* What the placement promises, checked on the data a backend drew from:
 * no label over another or over a zone's name, all inside the plot, the
 * plan's numbers, and a legend with every finding in NUMBERS mode. */
static void
assert_placement_readable (const KwMatrixPlacement *placement,
                           const KwPlan            *plan,
                           gboolean                 with_legend)
{
  const KwMatrixRect *plot = &placement->layout.plot;
  guint n_placed = plan->n_findings - plan->counts[KW_OUTCOME_UNPLACED];

  g_assert_cmpuint (placement->labels->len, ==, n_placed);
  g_assert_cmpuint (placement->n_unplaced, ==, 0);
  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *a = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);
      const KwMatrixSceneItem *item = a->data;

      g_assert_true (a->placed);
      g_assert_cmpuint (a->number, ==, item->number);
      g_assert_cmpfloat (a->label.x, >=, plot->x);
      g_assert_cmpfloat (a->label.y, >=, plot->y);
      g_assert_cmpfloat (a->label.x + a->label.width, <=, plot->x + plot->width);
      g_assert_cmpfloat (a->label.y + a->label.height, <=, plot->y + plot->height);
      for (guint j = i + 1; j < placement->labels->len; j++)
        g_assert_false (kw_matrix_rect_intersects (&a->label,
                                                   &g_array_index (placement->labels, KwMatrixPlacedLabel, j).label));
      for (guint z = 0; z < placement->n_zone_labels; z++)
        g_assert_false (kw_matrix_rect_intersects (&a->label, &placement->zone_labels[z].rect));
    }

  if (!with_legend)
    g_assert_true (placement->legend == NULL || placement->legend->len == 0);
  else if (placement->mode == KW_MATRIX_LABELS_NUMBERS)
    {
      g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);

      g_assert_nonnull (placement->legend);
      for (guint i = 0; i < placement->legend->len; i++)
        {
          const KwMatrixLegendEntry *entry = &g_array_index (placement->legend, KwMatrixLegendEntry, i);

          g_assert_cmpuint (entry->n_lines, >=, 1);
          g_hash_table_add (listed, GUINT_TO_POINTER (entry->number));
        }
      for (guint n = 1; n <= n_placed; n++)
        g_assert_true (g_hash_table_contains (listed, GUINT_TO_POINTER (n)));
    }
}

/* The PNG shows what its placement says: each marker's centre in its
 * outcome's colour, each label's box in the label's fill (inside its
 * outline, before its text) or each badge in its outcome's ink, at the
 * default size and a small one. */
static void
test_png_placement (gconstpointer data)
{
  const char *name = data;
  g_autoptr(KwBoard) board = g_str_has_prefix (name, "workshop") ? load_test_board (name) : load_example (name);
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  const int sizes[][2] = { { 1600, 1200 }, { 900, 700 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(KwMatrixScene) scene = kw_matrix_scene_new (plan);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) png = kw_matrix_scene_render_png (scene, sizes[s][0], sizes[s][1], &error);
      const KwMatrixPlacement *placement = kw_matrix_scene_get_placement (scene, sizes[s][0], sizes[s][1]);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[s][0], sizes[s][1]);
      cairo_t *cr = cairo_create (surface);

      g_assert_no_error (error);
      /* A valid PNG of that size. */
      g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
      assert_placement_readable (placement, plan, TRUE);

      kw_matrix_scene_draw (scene, cr, sizes[s][0], sizes[s][1]);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      for (guint i = 0; i < placement->labels->len; i++)
        {
          const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);
          const KwMatrixRect *box = &label->label;
          gboolean under_zone_name = FALSE;
          gboolean under_other = FALSE;

          for (guint z = 0; z < placement->n_zone_labels; z++)
            {
              KwMatrixRect dot = { label->x - 2, label->y - 2, 4, 4 };

              under_zone_name |= kw_matrix_rect_intersects (&dot, &placement->zone_labels[z].rect);
            }
          /* A later finding's marker drawn over this one's centre. */
          for (guint j = 0; j < i; j++)
            {
              const KwMatrixPlacedLabel *other = &g_array_index (placement->labels, KwMatrixPlacedLabel, j);

              under_other |= hypot (other->x - label->x, other->y - label->y) < 1.5 * other->marker_radius;
            }
          if (!under_zone_name && !under_other && label->marker_radius >= 3.0)
            g_assert_true (near_color (pixel_at (surface, label->x, label->y),
                                       rgb_of (kw_outcome_get_color (label->outcome, FALSE))));

          if (placement->mode == KW_MATRIX_LABELS_NUMBERS)
            assert_badge_drawn (surface, box, label->outcome);
          else
            g_assert_true (near_color (pixel_at (surface, box->x + 0.2 * placement->text_size,
                                                 box->y + box->height / 2.0),
                                       rgb_of (KW_MATRIX_RENDER_LABEL_FILL)));
        }

      /* The legend's badges where the legend says, in their outcome's ink. */
      for (guint i = 0; placement->legend != NULL && i < placement->legend->len; i++)
        {
          const KwMatrixLegendEntry *entry = &g_array_index (placement->legend, KwMatrixLegendEntry, i);
          KwMatrixRect badge;
          double scale, dx, dy;

          kw_matrix_render_legend_badge (placement, entry, &badge);
          kw_matrix_render_legend_page_transform (placement, entry->page, &scale, &dx, &dy);
          badge = (KwMatrixRect) { dx + scale * badge.x, dy + scale * badge.y,
                                   scale * badge.width, scale * badge.height };
          assert_badge_drawn (surface, &badge, entry->outcome);
        }

      cairo_surface_destroy (surface);
    }
}

/* WCAG's relative luminance and contrast ratio. */
static double
luminance (guint32 rgb)
{
  double channels[3];

  for (guint i = 0; i < 3; i++)
    {
      double c = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;

      channels[i] = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }

  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

static double
contrast (guint32 a,
          guint32 b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* colour at alpha over background, as the zones are painted. */
static guint32
over (guint32 color,
      double  alpha,
      guint32 background)
{
  guint32 out = 0;

  for (guint shift = 0; shift < 24; shift += 8)
    {
      double c = ((color >> shift) & 0xff) * alpha + ((background >> shift) & 0xff) * (1.0 - alpha);

      out |= (guint32) lround (c) << shift;
    }

  return out;
}

/* Every text the exports draw reads at 4.5:1 or more on what lies behind
 * it (WCAG AA). */
static void
test_contrast (void)
{
  guint32 background = rgb_of (KW_MATRIX_RENDER_BACKGROUND);
  guint32 ink = rgb_of (KW_MATRIX_RENDER_INK);

  /* The scale and axis titles on the background; titles in labels. */
  g_assert_cmpfloat (contrast (ink, background), >=, 4.5);
  g_assert_cmpfloat (contrast (ink, rgb_of (KW_MATRIX_RENDER_LABEL_FILL)), >=, 4.5);

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      guint32 outcome_ink = rgb_of (kw_outcome_get_badge_color ((KwOutcome) i));
      guint32 zone = over (rgb_of (kw_outcome_get_color ((KwOutcome) i, FALSE)), KW_OUTCOME_ZONE_ALPHA, background);

      /* A badge's number on its badge. */
      g_assert_cmpfloat (contrast (rgb_of (KW_MATRIX_RENDER_BADGE_TEXT), outcome_ink), >=, 4.5);
      /* A zone's name on its zone and on its halo. */
      g_assert_cmpfloat (contrast (outcome_ink, zone), >=, 4.5);
      g_assert_cmpfloat (contrast (outcome_ink, background), >=, 4.5);
    }

  /* The computation itself: black on white is 21:1, white on the old
   * quick-win green failed (3.25:1). */
  g_assert_cmpfloat (fabs (contrast (0x000000, 0xffffff) - 21.0), <, 1e-9);
  g_assert_cmpfloat (contrast (0xffffff, 0x26a269), <, 4.5);
}

static void
test_pdf_pages (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  const KwPaper papers[] = { KW_PAPER_A4, KW_PAPER_LETTER };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(KwPlanPages) pages = kw_plan_pages_new (board, NULL, NULL, NULL);
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
      {
        g_autoptr(KwPlan) plan = kw_plan_new (board);

        /* The plan's numbered items are its legend. */
        assert_placement_readable (kw_plan_pages_get_matrix_placement (pages), plan, FALSE);
      }

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

  g_assert_true (kw_export_pdf_file (board, NULL, NULL, KW_PAPER_LETTER, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Letter: 612 × 792 points. */
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 612 792 ]", strlen ("/MediaBox [ 0 0 612 792 ]")));

  remove_temp (path);
}

/* The output of a poppler tool run on path, or NULL (and the test
 * skipped) when poppler-utils is not installed. */
static char *
run_poppler (const char *tool,
             const char *option,
             const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { tool, option, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return NULL;
    }
  /* pdfinfo takes no output file. */
  if (g_str_equal (tool, "pdfinfo"))
    argv[3] = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static char *
write_plan_pdf_in (KwBoard    *board,
                   const char *lang,
                   GDateTime  *now,
                   const char *name)
{
  g_autoptr(KwPlanPages) pages = kw_plan_pages_new (board, lang, now, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = kw_plan_pages_render_pdf (pages, KW_PAPER_A4, NULL, &error);
  char *path = temp_path (name);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);

  return path;
}

static guint
count_lines (const char *text,
             const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_equal (g_strstrip (lines[i]), line);

  return n;
}

/* A PDF reader shows the board's title, and a screen reader finds the
 * plan's structure: a document of a title (H1), headings (H2), paragraphs,
 * the matrix as a figure and each outcome's items as a list. */
static void
test_pdf_structure (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  /* On 1 June 2027 two of the example's future list are due for review
   * (f-0014 that day, f-0016 since 1 March; f-0015 not until September). */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 6, 1, 10, 0, 0);
  g_autofree char *path = write_plan_pdf_in (board, "en", now, "structure.pdf");
  g_autofree char *info = run_poppler ("pdfinfo", path, NULL);
  g_autofree char *structure = NULL;
  g_autofree char *title_line = g_strdup_printf ("Title:           %s\n", kw_board_get_title (board));
  guint counts[KW_N_OUTCOMES];
  guint n_sections = 0, n_summary_rows = 0, n_progress_rows = 0;
  const guint n_due_for_review = 2;
  /* The example's workshop estimated: "Where we disagreed" is a section
   * with its items as a list too. */
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  g_autoptr(GPtrArray) disputed = kw_plan_dup_disputed (plan);
  guint n_disputed_sections = kw_plan_has_estimates (plan) ? 1 : 0;

  g_assert_cmpuint (disputed->len, >, 0);
  if (info == NULL)
    return;
  structure = run_poppler ("pdfinfo", "-struct", path);

  g_assert_nonnull (strstr (info, title_line));
  g_assert_nonnull (strstr (info, "Tagged:          yes"));

  kw_board_count_outcomes (board, counts);
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      gboolean shown = i != KW_OUTCOME_UNPLACED || counts[i] > 0;

      n_sections += shown;
      n_summary_rows += shown;
      /* Progress for the lists acted on and the future list. */
      n_progress_rows += i != KW_OUTCOME_DROP && i != KW_OUTCOME_UNPLACED && counts[i] > 0;
    }
  g_assert_true (g_str_has_prefix (structure, "Document\n"));
  g_assert_cmpuint (count_lines (structure, "H1 (block)"), ==, 1);
  g_assert_cmpuint (count_lines (structure, "Figure"), ==, 1);
  /* The summary, one heading per outcome shown and the findings due for
   * review; the summary's progress under a heading of its own. */
  g_assert_cmpuint (count_lines (structure, "H2 (block)"), ==, 1 + n_disputed_sections + n_sections + 1);
  g_assert_cmpuint (count_lines (structure, "H3 (block)"), ==, 1);
  /* An item per finding, a row per outcome in the summary, a progress row
   * per list, what is overdue and what is due for review, and the items
   * due for review again in their own list. */
  g_assert_cmpuint (count_lines (structure, "LI (block)"), ==,
                    kw_board_get_n_findings (board) + n_summary_rows + n_progress_rows + 2 + n_due_for_review +
                    disputed->len);
  g_assert_cmpuint (count_lines (structure, "L (block)"), >=, 1 + n_disputed_sections + n_sections);
  g_assert_cmpuint (count_lines (structure, "P (block)"), >, 0);
  remove_temp (path);
}

/* The PDF says what the plan says: a quick win without owner or due date
 * says "not set", a date past on an open finding "overdue" (read back
 * with poppler's pdftotext, as a reader's text would be). */
static void
test_pdf_follow_up (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwFinding) bare = kw_finding_new ("Bare quick win");
  g_autoptr(KwFinding) late = kw_finding_new ("Late quick win");
  g_autoptr(KwFinding) review = kw_finding_new ("Reviewed today");
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 22, 10, 0, 0);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  kw_finding_place (bare, 8, 2);
  kw_finding_place (late, 8, 2);
  kw_finding_set_owner (late, "Ann");
  kw_finding_set_due_date (late, "2026-11-21");
  kw_board_append_finding (board, bare);
  kw_board_append_finding (board, late);
  kw_finding_place (review, 2, 3);
  kw_finding_set_review_date (review, "2026-11-22");
  kw_board_append_finding (board, review);

  path = write_plan_pdf_in (board, "en", now, "follow-up.pdf");
  text = run_poppler ("pdftotext", "-nopgbrk", path);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "21 November 2026, overdue"));
  g_assert_nonnull (strstr (text, "not set"));
  /* The summary counts what is done, overdue and due for review. */
  g_assert_nonnull (strstr (text, "Quick wins: 0 of 2 done"));
  g_assert_nonnull (strstr (text, "Future list: 0 of 1 done"));
  g_assert_nonnull (strstr (text, "1 action is overdue"));
  g_assert_nonnull (strstr (text, "1 finding is due for review"));
  g_assert_nonnull (strstr (text, "22 November 2026, due for review"));
  /* The list of findings due for review closes the plan. */
  g_assert_nonnull (strstr (text, "Due for review\n"));
  g_assert_nonnull (strstr (strstr (text, "Due for review\n"), "3 Reviewed today\nList: Future list"));
  g_assert_nonnull (strstr (strstr (text, "List: Future list"), "Review date: 22 November 2026\n"));
  remove_temp (path);

  /* In the plan's language. */
  if (g_getenv ("KW_BUILD_DIR") == NULL)
    return;
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  {
    g_autofree char *localedir = g_build_filename (g_getenv ("KW_BUILD_DIR"), "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, localedir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  }
  if (!kw_plan_language_load ("nl", NULL))
    {
      g_test_skip ("the Dutch catalogue is not built");
      return;
    }
  path = write_plan_pdf_in (board, "nl", now, "follow-up-nl.pdf");
  text = run_poppler ("pdftotext", "-nopgbrk", path);
  g_assert_nonnull (strstr (text, "Voortgang\n"));
  g_assert_nonnull (strstr (text, "Quick wins: 0 van de 2 klaar"));
  g_assert_nonnull (strstr (text, "Lijst voor later: 0 van 1 klaar"));
  g_assert_nonnull (strstr (text, "1 actie is te laat"));
  g_assert_nonnull (strstr (text, "1 bevinding is toe aan herbeoordeling"));
  g_assert_nonnull (strstr (text, "22 november 2026, toe aan herbeoordeling"));
  g_assert_nonnull (strstr (text, "Toe aan herbeoordeling\n"));
  remove_temp (path);
}

/* The PDF's matrix, on A4 and Letter, from the data it was drawn from,
 * and the file itself: a PDF with one page per pagination page. */
static void
test_pdf_placement (gconstpointer data)
{
  g_autoptr(KwBoard) board = load_test_board (data);
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  const KwPaper papers[] = { KW_PAPER_A4, KW_PAPER_LETTER };

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(KwPlanPages) pages = kw_plan_pages_new (board, NULL, NULL, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = kw_plan_pages_render_pdf (pages, papers[p], NULL, &error);
      gsize length;
      const char *contents = g_bytes_get_data (pdf, &length);
      guint n_pages = 0;

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_nonnull (memmem (contents, length, "%%EOF", 5));
      /* "/Type /Page", not "/Type /Pages" */
      for (const char *at = contents; (at = memmem (at, length - (gsize) (at - contents), "/Type /Page", 11)) != NULL; at++)
        n_pages += at[11] != 's';
      g_assert_cmpuint (n_pages, ==, kw_plan_pages_get_n_pages (pages));
      assert_placement_readable (kw_plan_pages_get_matrix_placement (pages), plan, FALSE);
    }
}

static void
transform_rect (const KwMatrixPlacement *placement,
                guint                    page,
                const KwMatrixRect      *rect,
                KwMatrixRect            *out)
{
  double scale, dx, dy;

  kw_matrix_render_legend_page_transform (placement, page, &scale, &dx, &dy);
  *out = (KwMatrixRect) { dx + scale * rect->x, dy + scale * rect->y, scale * rect->width, scale * rect->height };
}

/* A board too big for one legend page: the image still lists every
 * finding, the pages side by side in the legend's area, no entry over
 * another. */
static void
test_legend_pages (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwPlan) plan = NULL;
  g_autoptr(KwMatrixScene) scene = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  const KwMatrixPlacement *placement;
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bevinding %u: terugbellen binnen de afgesproken tijd", i);
      g_autoptr(KwFinding) finding = kw_finding_new (title);

      kw_finding_place (finding, g_rand_int_range (rand, 0, 101) / 10.0, g_rand_int_range (rand, 0, 101) / 10.0);
      g_assert_true (kw_board_append_finding (board, finding));
    }
  g_rand_free (rand);

  plan = kw_plan_new (board);
  scene = kw_matrix_scene_new (plan);
  kw_matrix_scene_set_label_mode (scene, KW_MATRIX_LABELS_NUMBERS);
  placement = kw_matrix_scene_get_placement (scene, 1600, 1200);
  g_assert_cmpuint (placement->n_legend_pages, >, 1);
  g_assert_cmpuint (placement->legend->len, ==, 400);

  for (guint i = 0; i < placement->legend->len; i++)
    {
      const KwMatrixLegendEntry *a = &g_array_index (placement->legend, KwMatrixLegendEntry, i);
      const KwMatrixRect *area = &placement->layout.legend;
      KwMatrixRect ra;

      g_hash_table_add (listed, GUINT_TO_POINTER (a->number));
      transform_rect (placement, a->page, &a->rect, &ra);
      g_assert_cmpfloat (ra.x, >=, area->x - 0.01);
      g_assert_cmpfloat (ra.y, >=, area->y - 0.01);
      g_assert_cmpfloat (ra.x + ra.width, <=, area->x + area->width + 0.01);
      g_assert_cmpfloat (ra.y + ra.height, <=, area->y + area->height + 0.01);
      for (guint j = i + 1; j < placement->legend->len; j++)
        {
          const KwMatrixLegendEntry *b = &g_array_index (placement->legend, KwMatrixLegendEntry, j);
          KwMatrixRect rb;

          transform_rect (placement, b->page, &b->rect, &rb);
          g_assert_false (kw_matrix_rect_intersects (&ra, &rb));
        }
    }
  g_assert_cmpuint (g_hash_table_size (listed), ==, 400);

  /* Both backends draw the pages together. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) png = kw_matrix_scene_render_png (scene, 1600, 1200, &error);
    g_autoptr(GBytes) svg = kw_export_svg_bytes (board, NULL, 1600, 1200, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (png);
    text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
    g_assert_nonnull (strstr (text, "<g class=\"entry\" transform=\"translate("));
  }
}

static gpointer
place_in_thread (gpointer data)
{
  KwMatrixScene *scene = data;

  return (gpointer) kw_matrix_scene_get_placement (scene, 1600, 1200);
}

/* A scene made in Dutch is placed in Dutch, also in a worker thread whose
 * own language is English: the zone names come out of the placement. */
static void
test_language_in_thread (void)
{
  const char *build_dir = g_getenv ("KW_BUILD_DIR");
  g_autofree char *localedir = NULL;
  g_autoptr(KwBoard) board = load_test_board ("workshop-30-nl.kwadrant");
  g_autoptr(KwMatrixScene) scene = NULL;
  const KwMatrixPlacement *placement;
  gboolean found = FALSE;

  if (build_dir == NULL)
    {
      g_test_skip ("KW_BUILD_DIR is not set: run through meson test");
      return;
    }
  localedir = g_build_filename (build_dir, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  {
    g_autoptr(KwPlanLanguage) language = kw_plan_language_push ("nl");
    g_autoptr(KwPlan) plan = kw_plan_new (board);

    if (!g_str_equal (kw_plan_language_get_code (), "nl"))
      {
        g_test_skip ("the Dutch catalogue is not built");
        return;
      }
    scene = kw_matrix_scene_new (plan);
  }

  placement = g_thread_join (g_thread_new ("place", place_in_thread, scene));
  g_assert_cmpuint (placement->n_zone_labels, >, 0);
  for (guint i = 0; i < placement->n_zone_labels; i++)
    {
      g_assert_cmpstr (placement->zone_labels[i].text, !=, "Long-term plan");
      found |= g_str_equal (placement->zone_labels[i].text, "Plan voor de lange termijn");
    }
  g_assert_true (found);
  g_assert_cmpstr (kw_matrix_scene_get_axis_title (scene, KW_MATRIX_AXIS_EFFORT), ==, "Inspanning");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/image/png", test_png);
  g_test_add_data_func ("/export/image/placement/example", "klantcontact-nl.kwadrant", test_png_placement);
  g_test_add_data_func ("/export/image/placement/30", "workshop-30-nl.kwadrant", test_png_placement);
  g_test_add_data_func ("/export/image/placement/60", "workshop-60-nl.kwadrant", test_png_placement);
  g_test_add_func ("/export/image/contrast", test_contrast);
  g_test_add_func ("/export/image/language-in-thread", test_language_in_thread);
  g_test_add_func ("/export/image/legend-pages", test_legend_pages);
  g_test_add_data_func ("/export/pdf/placement/30", "workshop-30-nl.kwadrant", test_pdf_placement);
  g_test_add_data_func ("/export/pdf/placement/60", "workshop-60-nl.kwadrant", test_pdf_placement);
  g_test_add_func ("/export/pdf/pages", test_pdf_pages);
  g_test_add_func ("/export/pdf/file", test_pdf_file);
  g_test_add_func ("/export/pdf/follow-up", test_pdf_follow_up);
  g_test_add_func ("/export/pdf/structure", test_pdf_structure);

  return g_test_run ();
}
