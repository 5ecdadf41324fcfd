/* test-estimates.c: the group's median, spread and disagreement from a
 * room's estimates, against figures worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kw-estimates.h"

#define KNOWN(i, e) { TRUE, (i), (e) }
#define NO_IDEA     { FALSE, 0, 0 }

static void
assert_summary (const KwEstimate *estimates,
                guint             n,
                guint             n_known,
                double            median_impact,
                double            median_effort,
                double            spread_impact,
                double            spread_effort,
                double            disagreement)
{
  KwEstimateSummary summary;

  g_assert_true (kw_estimates_summarize (estimates, n, &summary) == (n_known > 0));
  g_assert_cmpuint (summary.n_estimates, ==, n);
  g_assert_cmpuint (summary.n_known, ==, n_known);
  g_assert_cmpfloat_with_epsilon (summary.median_impact, median_impact, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.median_effort, median_effort, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.spread_impact, spread_impact, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.spread_effort, spread_effort, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.disagreement, disagreement, 1e-9);
}

/* One estimate: it is the group's, and nobody disagrees. */
static void
test_one (void)
{
  KwEstimate one[] = { KNOWN (7, 3) };

  assert_summary (one, G_N_ELEMENTS (one), 1, 7, 3, 0, 0, 0);
}

/* Below four estimates the spread is the full range: impacts 2, 5, 9 and
 * efforts 8, 5, 1 have medians 5 and 5 and ranges 7 and 7; the
 * disagreement is √((7² + 7²) / 2) = 7. Two estimates: the median is
 * their mean. */
static void
test_few (void)
{
  KwEstimate three[] = { KNOWN (2, 8), KNOWN (5, 5), KNOWN (9, 1) };
  KwEstimate two[] = { KNOWN (3, 7), KNOWN (6, 1) };

  assert_summary (three, G_N_ELEMENTS (three), 3, 5, 5, 7, 7, 7);
  /* Ranges 3 and 6: √((9 + 36) / 2) = √22.5. */
  assert_summary (two, G_N_ELEMENTS (two), 2, 4.5, 4, 3, 6, sqrt (22.5));
}

/* From four on, the interquartile range as QUARTILE.INC has it: for 1, 2,
 * 3, 4 the first quartile lies at rank 0.75 (1.75) and the third at 2.25
 * (3.25), so 1.5; the efforts, all 4, spread 0; √(1.5² / 2). */
static void
test_quartiles (void)
{
  KwEstimate four[] = { KNOWN (3, 4), KNOWN (1, 4), KNOWN (4, 4), KNOWN (2, 4) };
  KwEstimate extremes[] = { KNOWN (0, 0), KNOWN (10, 10), KNOWN (0, 0), KNOWN (10, 10) };

  assert_summary (four, G_N_ELEMENTS (four), 4, 2.5, 4, 1.5, 0, sqrt (1.5 * 1.5 / 2));
  /* As far apart as the scale allows, on both axes: 10. */
  assert_summary (extremes, G_N_ELEMENTS (extremes), 4, 5, 5, 10, 10, 10);
}

/* Ties: impacts 5, 5, 5, 9, 9 have median 5, first quartile 5 (rank 1),
 * third 9 (rank 3): 4. Efforts 2, 2, 2, 2, 3: median 2, quartiles 2 and
 * 2, so 0 although one differs. √(16 / 2). */
static void
test_ties (void)
{
  KwEstimate five[] = { KNOWN (9, 2), KNOWN (5, 2), KNOWN (5, 3), KNOWN (9, 2), KNOWN (5, 2) };

  assert_summary (five, G_N_ELEMENTS (five), 5, 5, 2, 4, 0, sqrt (8));
}

/* "No idea" counts as given, not as a score. All equal: no spread. */
static void
test_no_idea_and_equal (void)
{
  KwEstimate some[] = { NO_IDEA, KNOWN (6, 2), NO_IDEA };
  KwEstimate none[] = { NO_IDEA, NO_IDEA };
  KwEstimate equal[] = { KNOWN (4, 6), KNOWN (4, 6), KNOWN (4, 6), KNOWN (4, 6), KNOWN (4, 6), KNOWN (4, 6) };

  assert_summary (some, G_N_ELEMENTS (some), 1, 6, 2, 0, 0, 0);
  assert_summary (none, G_N_ELEMENTS (none), 0, 0, 0, 0, 0, 0);
  assert_summary (NULL, 0, 0, 0, 0, 0, 0, 0);
  assert_summary (equal, G_N_ELEMENTS (equal), 6, 4, 6, 0, 0, 0);
}

static void
test_quantile (void)
{
  const double values[] = { 1, 2, 4, 8 };

  g_assert_cmpfloat (kw_estimates_quantile (values, 4, 0), ==, 1);
  g_assert_cmpfloat (kw_estimates_quantile (values, 4, 1), ==, 8);
  /* Rank 1.5: half-way between 2 and 4. */
  g_assert_cmpfloat (kw_estimates_quantile (values, 4, 0.5), ==, 3);
  g_assert_cmpfloat (kw_estimates_quantile (values, 1, 0.25), ==, 1);
  g_assert_cmpfloat (kw_estimates_quantile (NULL, 0, 0.5), ==, 0);
}

static void
assert_parses (const char *text,
               gboolean    known,
               double      impact,
               double      effort)
{
  KwEstimate estimate = { TRUE, -1, -1 };

  g_assert_true (kw_estimate_parse (text, &estimate));
  g_assert_cmpint (estimate.known, ==, known);
  g_assert_cmpfloat (estimate.impact, ==, impact);
  g_assert_cmpfloat (estimate.effort, ==, effort);
}

/* What a facilitator types while the room calls out its numbers. */
static void
test_parse (void)
{
  const char *bad[] = { "", "7", "7 3 1", "11 3", "7 -1", "seven three", "7 3x", "nan 3", "7  ", "??", NULL };
  KwEstimate estimate;

  assert_parses ("7 3", TRUE, 7, 3);
  assert_parses ("  7   3 ", TRUE, 7, 3);
  assert_parses ("7,5 3", TRUE, 7.5, 3);
  assert_parses ("7.5/3.25", TRUE, 7.5, 3.3);
  assert_parses ("10\t0", TRUE, 10, 0);
  assert_parses ("?", FALSE, 0, 0);
  assert_parses (" ? ", FALSE, 0, 0);
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (kw_estimate_parse (bad[i], &estimate));
  g_assert_false (kw_estimate_parse (NULL, &estimate));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/estimates/one", test_one);
  g_test_add_func ("/estimates/few", test_few);
  g_test_add_func ("/estimates/quartiles", test_quartiles);
  g_test_add_func ("/estimates/ties", test_ties);
  g_test_add_func ("/estimates/no-idea-and-equal", test_no_idea_and_equal);
  g_test_add_func ("/estimates/quantile", test_quantile);

  g_test_add_func ("/estimates/parse", test_parse);

  return g_test_run ();
}
