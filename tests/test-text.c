/* test-text.c: scores, dates and text cleaning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <math.h>

#include "kw-text.h"

static void
test_score_normalize (void)
{
  g_assert_cmpfloat (kw_score_normalize (7.54), ==, 7.5);
  g_assert_cmpfloat (kw_score_normalize (7.55), ==, 7.6);
  g_assert_cmpfloat (kw_score_normalize (-3.0), ==, 0.0);
  g_assert_cmpfloat (kw_score_normalize (12.0), ==, 10.0);
  g_assert_cmpfloat (kw_score_normalize (NAN), ==, 0.0);
  /* A computed tenth equals the parsed decimal exactly. */
  g_assert_cmpfloat (kw_score_normalize (0.1 + 0.2), ==, 0.3);
}

static void
test_score_format (void)
{
  g_autofree char *a = kw_score_format (7.5);
  g_autofree char *b = kw_score_format (0.0);
  g_autofree char *c = kw_score_format (10.0);

  g_assert_cmpstr (a, ==, "7.5");
  g_assert_cmpstr (b, ==, "0.0");
  g_assert_cmpstr (c, ==, "10.0");
}

static void
test_score_parse (void)
{
  static const struct { const char *text; double value; } good[] = {
    { "7.5", 7.5 }, { "7,5", 7.5 }, { " 7 ", 7.0 }, { "0", 0.0 }, { "10", 10.0 },
    { "10.0", 10.0 }, { "3.14", 3.1 }, { "+2", 2.0 },
  };
  static const char *bad[] = {
    "", "  ", "nan", "NaN", "inf", "-inf", "1e1", "0x5", "10.1", "-0.5", "11",
    "7.5.1", "7,5,1", "seven", "5 5", NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double value = -1;

      g_assert_true (kw_score_parse (good[i].text, &value));
      g_assert_cmpfloat (value, ==, good[i].value);
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      double value = -1;

      if (kw_score_parse (bad[i], &value))
        g_error ("“%s” was accepted as %g", bad[i], value);
      g_assert_cmpfloat (value, ==, -1);
    }
  g_assert_false (kw_score_parse (NULL, &(double){0}));
}

static void
test_score_locale (void)
{
  g_autofree char *formatted = NULL;
  double value = 0;

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    g_error ("the nl_NL.UTF-8 locale is missing: build-aux/dev generates it");

  formatted = kw_score_format (7.5);
  g_assert_cmpstr (formatted, ==, "7.5");
  g_assert_true (kw_score_parse ("7.5", &value));
  g_assert_cmpfloat (value, ==, 7.5);

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_dates (void)
{
  static const struct { const char *in; const char *iso; } cases[] = {
    { "2026-11-22", "2026-11-22" }, { "22-11-2026", "2026-11-22" }, { "22/11/2026", "2026-11-22" },
    { "1.2.2027", "2027-02-01" }, { " 2024-02-29 ", "2024-02-29" },
    { "2026-02-29", NULL }, { "2026-13-01", NULL }, { "31-04-2026", NULL }, { "22-11-26", NULL },
    { "tomorrow", NULL }, { "", NULL }, { "2026-1-2", NULL }, { "2026-11-22T10:00", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = kw_date_parse_to_iso (cases[i].in);

      g_assert_cmpstr (iso, ==, cases[i].iso);
    }

  g_assert_true (kw_date_is_valid_iso ("2026-11-22"));
  g_assert_false (kw_date_is_valid_iso ("22-11-2026"));
  g_assert_false (kw_date_is_valid_iso ("2026-11-22 "));
  g_assert_false (kw_date_is_valid_iso (NULL));
}

static void
test_date_patterns (void)
{
  static const char * const usable[] = { "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d" };
  static const char * const unusable[] = {
    "%m/%d/%Y", "%Y-%d-%m", "%Y/%m/%d", "%d-%m/%Y", "%d %m %Y", "%d-%m-%y", "%d-%B-%Y", "%-d-%m-%Y", "%d-%m",
    "%d-%m-%Y ", "", "22-11-2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (usable); i++)
    g_assert_true (kw_date_pattern_is_usable (usable[i]));
  for (guint i = 0; i < G_N_ELEMENTS (unusable); i++)
    g_assert_false (kw_date_pattern_is_usable (unusable[i]));
  g_assert_false (kw_date_pattern_is_usable (NULL));
}

/* What a date field shows, it reads back as the same ISO date. */
static void
test_date_entry_forms (void)
{
  static const struct { const char *iso; const char *pattern; const char *shown; } cases[] = {
    { "2026-11-22", "%d-%m-%Y", "22-11-2026" }, { "2026-03-01", "%d-%m-%Y", "01-03-2026" },
    { "2024-02-29", "%d/%m/%Y", "29/02/2024" }, { "0001-01-01", "%d.%m.%Y", "01.01.0001" },
    { "2026-03-01", "%Y-%m-%d", "2026-03-01" }, { "9999-12-31", "%Y-%m-%d", "9999-12-31" },
    /* Text that is no date stays as it is, whatever the pattern. */
    { "morgen", "%d-%m-%Y", "morgen" }, { "", "%d-%m-%Y", "" }, { "2026-02-30", "%d-%m-%Y", "2026-02-30" },
    /* An unusable pattern shows ISO. */
    { "2026-11-22", "%m/%d/%Y", "2026-11-22" },
  };
  g_autofree char *null_date = kw_date_format_with (NULL, "%d-%m-%Y");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = kw_date_format_with (cases[i].iso, cases[i].pattern);
      g_autofree char *back = kw_date_parse_to_iso (shown);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      if (kw_date_is_valid_iso (cases[i].iso))
        g_assert_cmpstr (back, ==, cases[i].iso);
    }
  g_assert_cmpstr (null_date, ==, "");
}

/* The UI's language chooses the form: ISO untranslated, day-month-year
 * in Dutch; the hint's example has the same form; both forms are read. */
static void
test_date_entry_language (void)
{
  const char *localedir = g_getenv ("KWADRANT_LOCALEDIR");
  g_autofree char *english = NULL;
  g_autofree char *english_example = NULL;
  g_autofree char *dutch = NULL;
  g_autofree char *dutch_example = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *from_dutch = NULL;

  g_assert_cmpstr (kw_date_entry_pattern (), ==, "%Y-%m-%d");
  english = kw_date_format_for_entry ("2026-03-01");
  english_example = kw_date_entry_example ();
  g_assert_cmpstr (english, ==, "2026-03-01");
  g_assert_cmpstr (english_example, ==, "2026-11-22");

  if (localedir == NULL)
    {
      g_test_skip ("KWADRANT_LOCALEDIR does not name the build's catalogs");
      return;
    }
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    g_error ("the nl_NL.UTF-8 locale is missing: build-aux/dev generates it");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_assert_cmpstr (kw_date_entry_pattern (), ==, "%d-%m-%Y");
  dutch = kw_date_format_for_entry ("2026-03-01");
  dutch_example = kw_date_entry_example ();
  g_assert_cmpstr (dutch, ==, "01-03-2026");
  g_assert_cmpstr (dutch_example, ==, "22-11-2026");
  from_iso = kw_date_parse_to_iso ("2026-03-01");
  from_dutch = kw_date_parse_to_iso (dutch);
  g_assert_cmpstr (from_iso, ==, "2026-03-01");
  g_assert_cmpstr (from_dutch, ==, "2026-03-01");

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_clean (void)
{
  static const struct { const char *in; gboolean single; const char *out; } cases[] = {
    { "Heldere brieven", TRUE, "Heldere brieven" },
    { "  padded\t", TRUE, "padded" },
    { "two\nlines", TRUE, "two lines" },
    { "two\r\nlines", FALSE, "two\nlines" },
    { "old\rmac", FALSE, "old\nmac" },
    { "bell\x07 and \x1b escape", FALSE, "bell and  escape" },
    { "  keep spaces  ", FALSE, "  keep spaces  " },
    { "<script>&\"'", TRUE, "<script>&\"'" },
    { "emoji 📞 عربى 中文", TRUE, "emoji 📞 عربى 中文" },
    { "c1\xc2\x85" "control", TRUE, "c1control" },
  };
  g_autofree char *empty = kw_text_clean (NULL, TRUE);
  g_autofree char *invalid = kw_text_clean ("bad \xff utf8", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = kw_text_clean (cases[i].in, cases[i].single);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_true (kw_text_is_clean (out, cases[i].single));
    }

  g_assert_cmpstr (empty, ==, "");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_false (kw_text_is_clean ("bad \xff utf8", TRUE));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/score/normalize", test_score_normalize);
  g_test_add_func ("/text/score/format", test_score_format);
  g_test_add_func ("/text/score/parse", test_score_parse);
  g_test_add_func ("/text/score/locale", test_score_locale);
  g_test_add_func ("/text/dates", test_dates);
  g_test_add_func ("/text/dates/patterns", test_date_patterns);
  g_test_add_func ("/text/dates/entry-forms", test_date_entry_forms);
  g_test_add_func ("/text/dates/entry-language", test_date_entry_language);
  g_test_add_func ("/text/clean", test_clean);

  return g_test_run ();
}
