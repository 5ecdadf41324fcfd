/* test-score-pair.c: an impact and an effort typed as one text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "kw-score-pair.h"

static void
test_valid (void)
{
  static const struct { const char *text; double impact; double effort; } cases[] = {
    { "8 2,5", 8.0, 2.5 },
    { "8;2.5", 8.0, 2.5 },
    { "8 ; 2,5", 8.0, 2.5 },
    { "  7,5   3 ", 7.5, 3.0 },
    { "0 10", 0.0, 10.0 },
    { "10;0", 10.0, 0.0 },
    { "8,2 5", 8.2, 5.0 },
    { "3.0\t4.0", 3.0, 4.0 },
    { ".5 1.", 0.5, 1.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double impact = -1, effort = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (kw_score_pair_parse (cases[i].text, &impact, &effort, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (impact, ==, cases[i].impact);
      g_assert_cmpfloat (effort, ==, cases[i].effort);
    }
}

static void
assert_refused (const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  double impact = -1, effort = -1;

  g_test_message ("%s", text);
  g_assert_false (kw_score_pair_parse (text, &impact, &effort, &error));
  g_assert_error (error, KW_SCORE_PAIR_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  /* Nothing changes on a refusal. */
  g_assert_cmpfloat (impact, ==, -1);
  g_assert_cmpfloat (effort, ==, -1);
}

static void
test_count (void)
{
  assert_refused ("", KW_SCORE_PAIR_ERROR_COUNT);
  assert_refused ("8", KW_SCORE_PAIR_ERROR_COUNT);
  assert_refused ("8 ", KW_SCORE_PAIR_ERROR_COUNT);
  assert_refused ("8 2 5", KW_SCORE_PAIR_ERROR_COUNT);
  assert_refused ("8;2;5", KW_SCORE_PAIR_ERROR_COUNT);
  assert_refused ("8;;2", KW_SCORE_PAIR_ERROR_COUNT);
  /* A comma is a decimal comma, never a separator. */
  assert_refused ("8,2,5", KW_SCORE_PAIR_ERROR_COUNT);
}

static void
test_range (void)
{
  assert_refused ("11 2", KW_SCORE_PAIR_ERROR_RANGE);
  assert_refused ("8 10,1", KW_SCORE_PAIR_ERROR_RANGE);
  assert_refused ("-1 2", KW_SCORE_PAIR_ERROR_NUMBER);
  assert_refused ("100 2", KW_SCORE_PAIR_ERROR_RANGE);
}

static void
test_garbage (void)
{
  assert_refused ("acht twee", KW_SCORE_PAIR_ERROR_NUMBER);
  assert_refused ("8 x", KW_SCORE_PAIR_ERROR_NUMBER);
  assert_refused ("8 2.5.1", KW_SCORE_PAIR_ERROR_NUMBER);
  assert_refused ("8 1e1", KW_SCORE_PAIR_ERROR_NUMBER);
  assert_refused ("nan 2", KW_SCORE_PAIR_ERROR_NUMBER);
  assert_refused ("8 ,", KW_SCORE_PAIR_ERROR_NUMBER);
  assert_refused ("0x8 2", KW_SCORE_PAIR_ERROR_NUMBER);
}

static void
test_one_decimal (void)
{
  double impact, effort;

  assert_refused ("8 2,55", KW_SCORE_PAIR_ERROR_DECIMALS);
  assert_refused ("7.25 2", KW_SCORE_PAIR_ERROR_DECIMALS);
  g_assert_true (kw_score_pair_parse ("7,5 2,5", &impact, &effort, NULL));
  g_assert_cmpfloat (impact, ==, 7.5);
  g_assert_cmpfloat (effort, ==, 2.5);
}

/* A Dutch locale's decimal comma changes nothing in how it reads. */
static void
test_locale (void)
{
  double impact, effort;

  if (setlocale (LC_NUMERIC, "nl_NL.UTF-8") == NULL)
    g_test_message ("nl_NL.UTF-8 not installed: reading in the C locale");
  g_assert_true (kw_score_pair_parse ("8 2.5", &impact, &effort, NULL));
  g_assert_cmpfloat (effort, ==, 2.5);
  g_assert_true (kw_score_pair_parse ("8 2,5", &impact, &effort, NULL));
  g_assert_cmpfloat (effort, ==, 2.5);
  setlocale (LC_NUMERIC, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/score-pair/valid", test_valid);
  g_test_add_func ("/score-pair/count", test_count);
  g_test_add_func ("/score-pair/range", test_range);
  g_test_add_func ("/score-pair/garbage", test_garbage);
  g_test_add_func ("/score-pair/one-decimal", test_one_decimal);
  g_test_add_func ("/score-pair/locale", test_locale);

  return g_test_run ();
}
