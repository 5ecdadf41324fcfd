/* kw-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-text"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "kw-i18n.h"
#include "kw-outcome.h"
#include "kw-text.h"

double
kw_score_normalize (double value)
{
  if (!isfinite (value))
    return KW_SCORE_MIN;

  value = CLAMP (value, KW_SCORE_MIN, KW_SCORE_MAX);

  /* Dividing a whole number of tenths by ten gives exactly the double that
   * parsing "7.5" gives, so saved, parsed and computed scores compare equal. */
  return round (value * 10.0) / 10.0;
}

char *
kw_score_format (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", kw_score_normalize (value));

  return g_strdup (buffer);
}

gboolean
kw_score_parse (const char *text,
                double     *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double parsed;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0')
    return FALSE;

  /* Only plain decimals: no hex floats, exponents, "nan" or "inf". */
  for (char *p = copy; *p != '\0'; p++)
    {
      if (*p == ',')
        *p = '.';
      else if (!g_ascii_isdigit (*p) && *p != '.' && !(p == copy && (*p == '+' || *p == '-')))
        return FALSE;
    }

  parsed = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (parsed))
    return FALSE;

  if (parsed < KW_SCORE_MIN || parsed > KW_SCORE_MAX)
    return FALSE;

  *value = kw_score_normalize (parsed);

  return TRUE;
}

static gboolean
parse_ymd (const char *text,
           guint      *year,
           guint      *month,
           guint      *day)
{
  /* Exactly four digits, dash, two digits, dash, two digits. */
  static const char pattern[] = "dddd-dd-dd";

  for (guint i = 0; i < sizeof pattern - 1; i++)
    {
      if (text[i] == '\0')
        return FALSE;
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != '-')
        return FALSE;
    }
  if (text[sizeof pattern - 1] != '\0')
    return FALSE;

  *year = (guint) atoi (text);
  *month = (guint) atoi (text + 5);
  *day = (guint) atoi (text + 8);

  return TRUE;
}

static gboolean
date_exists (guint year,
             guint month,
             guint day)
{
  return year >= 1 && year <= 9999 &&
         month >= 1 && month <= 12 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gboolean
kw_date_is_valid_iso (const char *text)
{
  guint year, month, day;

  if (text == NULL || !parse_ymd (text, &year, &month, &day))
    return FALSE;

  return date_exists (year, month, day);
}

static gboolean
parse_dmy (const char *text,
           guint      *year,
           guint      *month,
           guint      *day)
{
  g_auto(GStrv) parts = NULL;
  char separator[2] = { 0, 0 };

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-' || *p == '/' || *p == '.')
        {
          separator[0] = *p;
          break;
        }
    }
  if (separator[0] == 0)
    return FALSE;

  parts = g_strsplit (text, separator, -1);
  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      gsize len = strlen (parts[i]);

      if (len == 0 || len > (i == 2 ? 4u : 2u) || (i == 2 && len != 4))
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  *day = (guint) atoi (parts[0]);
  *month = (guint) atoi (parts[1]);
  *year = (guint) atoi (parts[2]);

  return TRUE;
}

char *
kw_date_parse_to_iso (const char *text)
{
  g_autofree char *copy = NULL;
  guint year, month, day;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));

  if (!parse_ymd (copy, &year, &month, &day) && !parse_dmy (copy, &year, &month, &day))
    return NULL;

  if (!date_exists (year, month, day))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* The date fields */

#define EXAMPLE_DATE "2026-11-22"

gboolean
kw_date_pattern_is_usable (const char *pattern)
{
  char separator;

  /* "%d-%m-%Y": three fields of two characters and two separators. */
  if (pattern == NULL || strlen (pattern) != 8)
    return FALSE;
  separator = pattern[2];
  if (separator == '\0' || strchr ("-/.", separator) == NULL || pattern[5] != separator)
    return FALSE;

  /* Day-month-year with any of them, or ISO itself; never the month
   * first, which the parser would read as the day. */
  return (g_str_has_prefix (pattern, "%d") && strncmp (pattern + 3, "%m", 2) == 0 &&
          g_str_has_suffix (pattern, "%Y")) ||
         g_str_equal (pattern, "%Y-%m-%d");
}

const char *
kw_date_entry_pattern (void)
{
  /* Translators: how a date field shows dates: %d the day, %m the month,
   * %Y the year: "%d-%m-%Y" (with -, / or . between) or this ISO form
   * only, which the field reads back. Dutch: "%d-%m-%Y". */
  /* xgettext:no-c-format */
  const char *pattern = C_("date field", "%Y-%m-%d");

  return kw_date_pattern_is_usable (pattern) ? pattern : "%Y-%m-%d";
}

char *
kw_date_format_with (const char *iso,
                     const char *pattern)
{
  guint year, month, day;
  GString *out;

  if (iso == NULL)
    return g_strdup ("");
  if (!kw_date_is_valid_iso (iso) || !kw_date_pattern_is_usable (pattern) ||
      !parse_ymd (iso, &year, &month, &day))
    return g_strdup (iso);

  out = g_string_new (NULL);
  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p != '%')
        g_string_append_c (out, *p);
      else if (*++p == 'd')
        g_string_append_printf (out, "%02u", day);
      else if (*p == 'm')
        g_string_append_printf (out, "%02u", month);
      else
        g_string_append_printf (out, "%04u", year);
    }

  return g_string_free (out, FALSE);
}

char *
kw_date_format_for_entry (const char *iso)
{
  return kw_date_format_with (iso, kw_date_entry_pattern ());
}

char *
kw_date_entry_example (void)
{
  return kw_date_format_for_entry (EXAMPLE_DATE);
}

static gboolean
is_dropped_control (gunichar c)
{
  /* What XML 1.0 cannot carry, plus the C1 controls nobody means to type. */
  if (c == '\t' || c == '\n')
    return FALSE;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff;
}

char *
kw_text_clean (const char *text,
               gboolean    single_line)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          /* CR LF and a lone CR both end one line. */
          if (p[1] != '\n')
            g_string_append_c (out, single_line ? ' ' : '\n');
          continue;
        }
      if (single_line && (c == '\n' || c == '\t'))
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (is_dropped_control (c))
        continue;

      g_string_append_unichar (out, c);
    }

  if (single_line)
    {
      g_strstrip (out->str);
      out->len = strlen (out->str);
    }

  return g_string_free (out, FALSE);
}

gboolean
kw_text_is_clean (const char *text,
                  gboolean    single_line)
{
  const char *end;
  gsize len;

  if (text == NULL)
    return FALSE;

  /* The exporters ask this of every text they write, so it answers
   * without building the cleaned copy; the rules are kw_text_clean()'s. */
  if (!g_utf8_validate (text, -1, &end))
    return FALSE;
  len = (gsize) (end - text);

  if (single_line && len > 0 && (g_ascii_isspace (text[0]) || g_ascii_isspace (text[len - 1])))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c == '\r' || is_dropped_control (c))
        return FALSE;
      if (single_line && (c == '\n' || c == '\t'))
        return FALSE;
    }

  return TRUE;
}

/* g_dpgettext() in the language of this thread's export, see kw-i18n.h. */
const char *
kw_dpgettext (const char *context_and_msgid,
              gsize       msgid_offset)
{
  const char *translation = kw_plan_gettext (context_and_msgid);

  if (translation == context_and_msgid)
    return context_and_msgid + msgid_offset;

  return translation;
}
