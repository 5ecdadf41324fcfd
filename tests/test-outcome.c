/* test-outcome.c: every region and every boundary of the classification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

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

  return g_test_run ();
}
