/* test-matrix-card.c: a finding's card on the matrix shows how far it has
 * been followed through (done, overdue, due for review: kw-follow-up.h)
 * in a symbol before its title, a style and its accessible description,
 * live as the finding changes; the matrix hides done findings on request;
 * the marks take room the placement keeps clear, so no label overlaps
 * another with them either; a done card still reads at 4.5:1 on the
 * projector.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "kw-history.h"
#include "kw-matrix-card.h"
#include "kw-matrix-private.h"
#include "kw-matrix.h"
#include "kw-gui-test.h"
#include "kw-matrix-test.h"

/* Far from any day the test runs on: always past, never come. */
#define LONG_AGO "2000-01-03"
#define FAR_AHEAD "9999-12-31"

typedef struct {
  GtkWindow *window;
  KwMatrix  *matrix;
  KwBoard   *board;
  KwHistory *history;
  KwFinding *quick;    /* impact 8, effort 2: quick win */
  KwFinding *future;   /* impact 3, effort 3: future list */
  KwFinding *small;    /* impact 2, effort 0.5: small fix */
} Fixture;

static KwFinding *
add_finding (KwBoard    *board,
             const char *title,
             double      impact,
             double      effort)
{
  g_autoptr(KwFinding) finding = kw_finding_new (title);

  kw_finding_place (finding, impact, effort);
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

static void
wait_for_layout (Fixture *f)
{
  kw_matrix_test_wait_for_layout (f->matrix, kw_matrix_get_board (f->matrix) == f->board ? f->quick : NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = kw_board_new ();
  f->quick = add_finding (f->board, "Callback within one hour", 8, 2);
  f->future = add_finding (f->board, "New hold music", 3, 3);
  f->small = add_finding (f->board, "Fix the typo in the IVR menu", 2, 0.5);
  f->history = kw_history_new (f->board);

  f->matrix = KW_MATRIX (kw_matrix_new ());
  kw_matrix_set_board (f->matrix, f->board);
  kw_matrix_set_history (f->matrix, f->history);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 960, 640);
  gtk_window_set_child (f->window, GTK_WIDGET (f->matrix));
  gtk_window_present (f->window);

  wait_for_layout (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

static KwMatrixCard *
card_of (Fixture   *f,
         KwFinding *finding)
{
  GtkWidget *card = kw_matrix_get_card (f->matrix, finding);

  g_assert_true (KW_IS_MATRIX_CARD (card));
  return KW_MATRIX_CARD (card);
}

static void
assert_description (Fixture    *f,
                    KwFinding  *finding,
                    const char *description)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card_of (f, finding)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
}

static double
card_width (Fixture   *f,
            KwFinding *finding)
{
  graphene_rect_t bounds;

  g_assert_true (kw_matrix_test_card_bounds (f->matrix, finding, &bounds));
  return bounds.size.width;
}

/* Done: ✓ and muted; undone again: plain. The symbol is in the text the
 * placement measured, so the label grew by it. */
static void
test_done (Fixture       *f,
           gconstpointer  data)
{
  KwMatrixCard *card = card_of (f, f->quick);
  g_autofree char *text = NULL;
  double plain_width = card_width (f, f->quick);

  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, 0);
  assert_description (f, f->quick, "Impact 8.0, effort 2.0, quick win");

  kw_history_set_status (f->history, f->quick, KW_STATUS_DONE);
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, KW_MATRIX_CARD_DONE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "done"));
  assert_description (f, f->quick, "Impact 8.0, effort 2.0, quick win, done");
  text = kw_matrix_card_dup_label_text (card);
  g_assert_cmpstr (text, ==, "\u2713\u00a0Callback within one hour");
  g_assert_cmpfloat (card_width (f, f->quick), >, plain_width);

  g_assert_true (kw_history_undo (f->history));
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (card), "done"));
  assert_description (f, f->quick, "Impact 8.0, effort 2.0, quick win");
  g_assert_cmpfloat (card_width (f, f->quick), ==, plain_width);
}

/* A due date gone by on a finding not done: ⚠ and a ring; done, or due
 * later, it is not overdue. */
static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  KwMatrixCard *card = card_of (f, f->quick);
  g_autofree char *text = NULL;

  kw_history_set_text (f->history, f->quick, KW_FINDING_TEXT_DUE_DATE, FAR_AHEAD);
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, 0);

  kw_history_set_text (f->history, f->quick, KW_FINDING_TEXT_DUE_DATE, LONG_AGO);
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, KW_MATRIX_CARD_OVERDUE);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "overdue"));
  assert_description (f, f->quick, "Impact 8.0, effort 2.0, quick win, overdue");
  text = kw_matrix_card_dup_label_text (card);
  g_assert_true (g_str_has_prefix (text, "\u26a0\u00a0"));

  kw_history_set_status (f->history, f->quick, KW_STATUS_DONE);
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, KW_MATRIX_CARD_DONE);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (card), "overdue"));
  assert_description (f, f->quick, "Impact 8.0, effort 2.0, quick win, done");
}

/* A review date that has come, on the future list or the small fixes:
 * ↻ and a ring. Not on another list (moving the finding off takes the
 * mark away), nor before the date. */
static void
test_due_for_review (Fixture       *f,
                     gconstpointer  data)
{
  KwMatrixCard *card = card_of (f, f->future);

  kw_history_set_text (f->history, f->future, KW_FINDING_TEXT_REVIEW_DATE, FAR_AHEAD);
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, 0);

  kw_history_set_text (f->history, f->future, KW_FINDING_TEXT_REVIEW_DATE, LONG_AGO);
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, KW_MATRIX_CARD_REVIEW);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "review"));
  assert_description (f, f->future, "Impact 3.0, effort 3.0, future list, due for review");

  /* A moved line makes it a quick win: no longer reviewed. */
  {
    KwThresholds thresholds;

    kw_board_get_thresholds (f->board, &thresholds);
    thresholds.impact = 2.5;
    g_assert_true (kw_history_set_thresholds (f->history, &thresholds));
  }
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card), ==, 0);
  assert_description (f, f->future, "Impact 3.0, effort 3.0, quick win");

  /* A small fix overdue and due for review shows both. */
  g_assert_true (kw_history_undo (f->history));
  kw_history_set_text (f->history, f->small, KW_FINDING_TEXT_REVIEW_DATE, LONG_AGO);
  kw_history_set_text (f->history, f->small, KW_FINDING_TEXT_DUE_DATE, LONG_AGO);
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_card_get_marks (card_of (f, f->small)), ==,
                   KW_MATRIX_CARD_OVERDUE | KW_MATRIX_CARD_REVIEW);
  assert_description (f, f->small, "Impact 2.0, effort 0.5, small fix, overdue, due for review");
}

/* Hide Done Findings: a done finding's card (and so its marker and
 * label) goes, and comes back where it was; a finding done while they
 * are hidden goes at once. */
static void
test_hide_done (Fixture       *f,
                gconstpointer  data)
{
  graphene_rect_t before, after;

  kw_history_set_status (f->history, f->quick, KW_STATUS_DONE);
  wait_for_layout (f);
  g_assert_true (kw_matrix_test_card_bounds (f->matrix, f->quick, &before));

  kw_matrix_set_hide_done (f->matrix, TRUE);
  g_assert_true (kw_matrix_get_hide_done (f->matrix));
  wait_for_layout (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card_of (f, f->quick))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card_of (f, f->future))));
  g_assert_cmpuint (kw_matrix_test_assert_labels_apart (f->matrix), ==, 2);

  kw_history_set_status (f->history, f->future, KW_STATUS_DONE);
  wait_for_layout (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (card_of (f, f->future))));
  g_assert_cmpuint (kw_matrix_test_assert_labels_apart (f->matrix), ==, 1);

  kw_matrix_set_hide_done (f->matrix, FALSE);
  wait_for_layout (f);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card_of (f, f->quick))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (card_of (f, f->future))));
  g_assert_true (kw_matrix_test_card_bounds (f->matrix, f->quick, &after));
  g_assert_true (graphene_rect_equal (&before, &after));
  g_assert_cmpuint (kw_matrix_test_assert_labels_apart (f->matrix), ==, 3);
}

/* Presented, Tab steps through the findings shown: not the done ones
 * while they are hidden. */
static void
test_hide_done_presented (Fixture       *f,
                          gconstpointer  data)
{
  kw_history_set_status (f->history, f->quick, KW_STATUS_DONE);
  kw_matrix_set_presentation (f->matrix, TRUE);
  wait_for_layout (f);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Tab, 0));
  g_assert_true (kw_matrix_get_current (f->matrix) == f->quick);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Escape, 0));

  kw_matrix_set_hide_done (f->matrix, TRUE);
  wait_for_layout (f);
  /* The plan's order: quick wins, small fixes, …, future list. */
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Tab, 0));
  g_assert_true (kw_matrix_get_current (f->matrix) == f->small);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Tab, 0));
  g_assert_true (kw_matrix_get_current (f->matrix) == f->future);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Tab, 0));
  g_assert_true (kw_matrix_get_current (f->matrix) == f->small);
}

static const char *
zone_name (Fixture   *f,
           KwOutcome  outcome)
{
  for (guint z = 0; z < f->matrix->placement->n_zone_labels; z++)
    if (f->matrix->placement->zone_labels[z].outcome == outcome)
      return f->matrix->placement->zone_labels[z].text;

  return NULL;
}

/* Presented, the zones with room for it carry their progress, which
 * follows the statuses; in the window the lists show it, the zones their
 * names. */
static void
test_zone_progress (Fixture       *f,
                    gconstpointer  data)
{
  gtk_window_set_default_size (f->window, 1366, 768);
  wait_for_layout (f);
  g_assert_cmpstr (zone_name (f, KW_OUTCOME_QUICK_WIN), ==, "Quick wins");

  kw_matrix_set_presentation (f->matrix, TRUE);
  wait_for_layout (f);
  g_assert_cmpstr (zone_name (f, KW_OUTCOME_QUICK_WIN), ==, "Quick wins: 0 of 1 done");
  g_assert_cmpstr (zone_name (f, KW_OUTCOME_FUTURE), ==, "Future list: 0 of 1 done");
  /* No findings to drop, and never a progress for them. */
  g_assert_cmpstr (zone_name (f, KW_OUTCOME_DROP), ==, "Drop");

  kw_history_set_status (f->history, f->quick, KW_STATUS_DONE);
  wait_for_layout (f);
  g_assert_cmpstr (zone_name (f, KW_OUTCOME_QUICK_WIN), ==, "Quick wins: 1 of 1 done");
  kw_matrix_test_assert_labels_apart (f->matrix);
}

/* Marks every third finding done, every fourth overdue and every fifth
 * due for review (only those on a reviewed list show it). */
static void
mark_findings (KwBoard *board)
{
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);

      if (i % 3 == 0)
        kw_finding_set_status (finding, KW_STATUS_DONE);
      if (i % 4 == 0)
        kw_finding_set_due_date (finding, LONG_AGO);
      if (i % 5 == 0)
        kw_finding_set_review_date (finding, LONG_AGO);
    }
}

/* The marks take room in the label: on boards of several sizes, on a
 * 1366×768 laptop and presented, no two labels overlap, every one stays
 * on the plot and every finding keeps its label (as a title or a
 * number). */
static void
test_no_overlaps (Fixture       *f,
                  gconstpointer  data)
{
  static const guint sizes[] = { 15, 30, 60 };

  gtk_window_set_default_size (f->window, 1366, 768);
  for (guint presentation = 0; presentation < 2; presentation++)
    {
      kw_matrix_set_presentation (f->matrix, presentation);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(KwBoard) board = kw_board_new ();
          guint marked = 0;

          kw_matrix_test_fill_board (board, sizes[s], 2026 + s);
          mark_findings (board);
          kw_matrix_set_board (f->matrix, board);
          wait_for_layout (f);

          g_assert_cmpuint (kw_matrix_test_assert_labels_apart (f->matrix), ==, sizes[s]);
          for (guint i = 0; i < sizes[s]; i++)
            {
              GtkWidget *card = kw_matrix_get_card (f->matrix, kw_board_get_finding (board, i));

              if (kw_matrix_card_get_marks (KW_MATRIX_CARD (card)) != 0)
                marked++;
            }
          g_assert_cmpuint (marked, >=, sizes[s] / 2);
          g_test_message ("%u findings%s: %s", sizes[s], presentation ? ", presented" : "",
                          kw_matrix_get_shows_numbers (f->matrix) ? "numbers" : "titles");
        }
    }
}

/* WCAG's relative luminance of an sRGB pixel. */
static double
luminance (const guint8 *pixel)
{
  /* CAIRO_FORMAT_RGB24 on a little-endian machine: B, G, R, unused. */
  double channel[3] = { pixel[2] / 255.0, pixel[1] / 255.0, pixel[0] / 255.0 };

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.04045 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

/* The contrast of a card's text on its own background, as drawn: the
 * background is the lightest pixel, the text the darkest (glyph stems
 * are drawn in the full text colour at these sizes). */
static double
card_contrast (GtkWidget *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (card), height = gtk_widget_get_height (card);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  double lightest = 0, darkest = 1;
  int inset = 6; /* inside the rings, whose colours are not the text's */

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = inset; y < height - inset; y++)
    for (int x = inset; x < width - inset; x++)
      {
        const guint8 *pixel = cairo_image_surface_get_data (surface) +
                              y * cairo_image_surface_get_stride (surface) + 4 * x;
        double l = luminance (pixel);

        lightest = MAX (lightest, l);
        darkest = MIN (darkest, l);
      }
  cairo_surface_destroy (surface);

  return (lightest + 0.05) / (darkest + 0.05);
}

/* A done card is muted but its text still reads at 4.5:1 or more:
 * presented, from the back of the room, as every text there does, and in
 * the window in the light and the dark style. */
static void
test_done_contrast (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    gboolean       presentation;
    AdwColorScheme scheme;
    const char    *name;
  } looks[] = {
    { TRUE,  ADW_COLOR_SCHEME_FORCE_LIGHT, "presented" },
    { FALSE, ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { FALSE, ADW_COLOR_SCHEME_FORCE_DARK,  "dark" },
  };
  GtkWidget *card = GTK_WIDGET (card_of (f, f->quick));
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      double plain, done;

      adw_style_manager_set_color_scheme (style, looks[i].scheme);
      kw_matrix_set_presentation (f->matrix, looks[i].presentation);
      kw_history_set_status (f->history, f->quick, KW_STATUS_OPEN);
      wait_for_layout (f);
      plain = card_contrast (card);

      kw_history_set_status (f->history, f->quick, KW_STATUS_DONE);
      wait_for_layout (f);
      done = card_contrast (card);
      g_test_message ("contrast %s: %.2f:1 open, %.2f:1 done", looks[i].name, plain, done);
      g_assert_cmpfloat (done, <, plain);   /* muted */
      g_assert_cmpfloat (done, >=, 4.5);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The labels settle at once: each test checks where they end up. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* The app's style sheet, as KwApplication loads it: the marks' looks. */
  {
    g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (style, "/io/github/kwadrant/Kwadrant/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) \
  g_test_add ("/matrix-card/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("done", test_done);
  ADD ("overdue", test_overdue);
  ADD ("due-for-review", test_due_for_review);
  ADD ("hide-done", test_hide_done);
  ADD ("hide-done-presented", test_hide_done_presented);
  ADD ("zone-progress", test_zone_progress);
  ADD ("no-overlaps", test_no_overlaps);
  ADD ("done-contrast", test_done_contrast);

#undef ADD

  return g_test_run ();
}
