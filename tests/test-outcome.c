/* test-outcome.c: every region and every boundary of the classification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "kw-outcome.h"

static KwThresholds defaults;

static void
assert_outcome (double impact, double effort, KwOutcome expected)
{
  KwOutcome got = kw_outcome_classify (TRUE, impact, effort, &defaults);

  if (got != expected)
    g_error ("impact %.2f effort %.2f: expected %s, got %s", impact, effort,
             kw_outcome_to_id (expected), kw_outcome_to_id (got));
}

static void
test_regions (void)
{
  assert_outcome (8.0, 2.0, KW_OUTCOME_QUICK_WIN);
  assert_outcome (8.0, 7.0, KW_OUTCOME_LONG_TERM);
  assert_outcome (2.0, 8.0, KW_OUTCOME_DROP);
  assert_outcome (2.0, 3.0, KW_OUTCOME_FUTURE);
  assert_outcome (2.0, 0.5, KW_OUTCOME_SMALL_FIX);
  /* The corners of the scale. */
  assert_outcome (10.0, 0.0, KW_OUTCOME_QUICK_WIN);
  assert_outcome (10.0, 10.0, KW_OUTCOME_LONG_TERM);
  assert_outcome (0.0, 10.0, KW_OUTCOME_DROP);
  assert_outcome (0.0, 0.0, KW_OUTCOME_SMALL_FIX);
}

static void
test_impact_line (void)
{
  /* Exactly on the impact line counts as high impact. */
  assert_outcome (5.0, 2.0, KW_OUTCOME_QUICK_WIN);
  assert_outcome (4.9, 2.0, KW_OUTCOME_FUTURE);
  assert_outcome (5.0, 8.0, KW_OUTCOME_LONG_TERM);
  assert_outcome (4.9, 8.0, KW_OUTCOME_DROP);
  assert_outcome (5.0, 0.5, KW_OUTCOME_QUICK_WIN);
  assert_outcome (4.9, 0.5, KW_OUTCOME_SMALL_FIX);
}

static void
test_effort_line (void)
{
  /* Exactly on the effort line counts as high effort. */
  assert_outcome (8.0, 5.0, KW_OUTCOME_LONG_TERM);
  assert_outcome (8.0, 4.9, KW_OUTCOME_QUICK_WIN);
  assert_outcome (2.0, 5.0, KW_OUTCOME_DROP);
  assert_outcome (2.0, 4.9, KW_OUTCOME_FUTURE);
  /* Both lines at once. */
  assert_outcome (5.0, 5.0, KW_OUTCOME_LONG_TERM);
}

static void
test_tiny_effort_line (void)
{
  /* At or under the tiny-effort line, low impact is a small fix. */
  assert_outcome (2.0, 1.0, KW_OUTCOME_SMALL_FIX);
  assert_outcome (2.0, 1.1, KW_OUTCOME_FUTURE);
  assert_outcome (4.9, 1.0, KW_OUTCOME_SMALL_FIX);
  /* High impact with tiny effort stays a quick win. */
  assert_outcome (5.0, 1.0, KW_OUTCOME_QUICK_WIN);
}

static void
test_unplaced (void)
{
  g_assert_cmpint (kw_outcome_classify (FALSE, 8.0, 2.0, &defaults), ==, KW_OUTCOME_UNPLACED);
  g_assert_cmpint (kw_outcome_classify (TRUE, NAN, 2.0, &defaults), ==, KW_OUTCOME_UNPLACED);
  g_assert_cmpint (kw_outcome_classify (TRUE, 8.0, INFINITY, &defaults), ==, KW_OUTCOME_UNPLACED);
}

static void
test_custom_thresholds (void)
{
  KwThresholds t = { .impact = 7.0, .effort = 3.0, .tiny_effort = 0.5 };

  g_assert_true (kw_thresholds_are_valid (&t));
  g_assert_cmpint (kw_outcome_classify (TRUE, 7.0, 2.9, &t), ==, KW_OUTCOME_QUICK_WIN);
  g_assert_cmpint (kw_outcome_classify (TRUE, 6.9, 2.9, &t), ==, KW_OUTCOME_FUTURE);
  g_assert_cmpint (kw_outcome_classify (TRUE, 6.9, 3.0, &t), ==, KW_OUTCOME_DROP);
  g_assert_cmpint (kw_outcome_classify (TRUE, 6.9, 0.5, &t), ==, KW_OUTCOME_SMALL_FIX);
  g_assert_cmpint (kw_outcome_classify (TRUE, 6.9, 0.6, &t), ==, KW_OUTCOME_FUTURE);
  g_assert_cmpint (kw_outcome_classify (TRUE, 7.0, 3.0, &t), ==, KW_OUTCOME_LONG_TERM);
}

static void
test_threshold_validity (void)
{
  KwThresholds t;

  kw_thresholds_init_default (&t);
  g_assert_true (kw_thresholds_are_valid (&t));
  g_assert_cmpfloat (t.impact, ==, 5.0);
  g_assert_cmpfloat (t.effort, ==, 5.0);
  g_assert_cmpfloat (t.tiny_effort, ==, 1.0);

  t.tiny_effort = 5.0;
  g_assert_false (kw_thresholds_are_valid (&t));
  t.tiny_effort = 1.0;
  t.impact = 10.1;
  g_assert_false (kw_thresholds_are_valid (&t));
  t.impact = NAN;
  g_assert_false (kw_thresholds_are_valid (&t));
  t.impact = -0.1;
  g_assert_false (kw_thresholds_are_valid (&t));
}

static void
test_ids (void)
{
  static const char *expected[] = { "quick-win", "small-fix", "long-term", "future", "drop", "unplaced" };

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      KwOutcome back;

      g_assert_cmpstr (kw_outcome_to_id (i), ==, expected[i]);
      g_assert_true (kw_outcome_from_id (expected[i], &back));
      g_assert_cmpint (back, ==, i);
      g_assert_nonnull (kw_outcome_get_title (i));
      g_assert_nonnull (kw_outcome_get_advice (i));
    }
  g_assert_false (kw_outcome_from_id ("quick_win", NULL));
  g_assert_false (kw_outcome_from_id ("", NULL));
}

/* Every tenth of the scale against a reference written out plainly. */
static void
test_exhaustive_grid (void)
{
  for (int i = 0; i <= 100; i++)
    for (int e = 0; e <= 100; e++)
      {
        double impact = i / 10.0, effort = e / 10.0;
        KwOutcome expected;

        if (i >= 50 && e < 50)
          expected = KW_OUTCOME_QUICK_WIN;
        else if (i >= 50)
          expected = KW_OUTCOME_LONG_TERM;
        else if (e >= 50)
          expected = KW_OUTCOME_DROP;
        else if (e <= 10)
          expected = KW_OUTCOME_SMALL_FIX;
        else
          expected = KW_OUTCOME_FUTURE;

        assert_outcome (impact, effort, expected);
      }
}

/* WCAG 2.1's relative luminance of "#rrggbb" and the contrast ratio. */
static double
luminance (const char *color)
{
  double channels[3];
  guint32 rgb;

  g_assert_true (color[0] == '#' && strlen (color) == 7);
  rgb = (guint32) g_ascii_strtoull (color + 1, NULL, 16);
  for (guint i = 0; i < 3; i++)
    {
      double c = ((rgb >> (16 - 8 * i)) & 0xff) / 255.0;

      channels[i] = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }

  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

static double
contrast (const char *a,
          const char *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Every badge's number reads at 4.5:1 or more (WCAG AA): the exports'
 * white on the badge colour, and on screen black or white, whichever reads
 * better, on the outcome colour of the light and the dark style. The
 * outcome colours themselves fail with white text. */
static void
test_badge_contrast (void)
{
  g_assert_cmpfloat (fabs (contrast ("#000000", "#ffffff") - 21.0), <, 1e-9);
  g_assert_cmpfloat (contrast ("#ffffff", kw_outcome_get_color (KW_OUTCOME_FUTURE, FALSE)), <, 3.1);
  g_assert_cmpfloat (contrast ("#ffffff", kw_outcome_get_color (KW_OUTCOME_QUICK_WIN, FALSE)), <, 3.3);

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      const char *badge = kw_outcome_get_badge_color ((KwOutcome) i);

      if (contrast (KW_OUTCOME_BADGE_TEXT, badge) < 4.5)
        g_error ("%s: %s on %s reads at %.2f:1", kw_outcome_to_id ((KwOutcome) i),
                 KW_OUTCOME_BADGE_TEXT, badge, contrast (KW_OUTCOME_BADGE_TEXT, badge));
      for (guint dark = 0; dark < 2; dark++)
        {
          const char *fill = kw_outcome_get_color ((KwOutcome) i, dark);
          double best = MAX (contrast ("#000000", fill), contrast ("#ffffff", fill));

          if (best < 4.5)
            g_error ("%s: no text reads on %s (%.2f:1)", kw_outcome_to_id ((KwOutcome) i), fill, best);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kw_thresholds_init_default (&defaults);

  g_test_add_func ("/outcome/regions", test_regions);
  g_test_add_func ("/outcome/impact-line", test_impact_line);
  g_test_add_func ("/outcome/effort-line", test_effort_line);
  g_test_add_func ("/outcome/tiny-effort-line", test_tiny_effort_line);
  g_test_add_func ("/outcome/unplaced", test_unplaced);
  g_test_add_func ("/outcome/custom-thresholds", test_custom_thresholds);
  g_test_add_func ("/outcome/threshold-validity", test_threshold_validity);
  g_test_add_func ("/outcome/ids", test_ids);
  g_test_add_func ("/outcome/exhaustive-grid", test_exhaustive_grid);
  g_test_add_func ("/outcome/badge-contrast", test_badge_contrast);

  return g_test_run ();
}
