/* kw-score-pair.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-score-pair"

#include "config.h"

#include "kw-i18n.h"
#include <string.h>

#include "kw-score-pair.h"
#include "kw-text.h"

G_DEFINE_QUARK (kw-score-pair-error-quark, kw_score_pair_error)

/* Splits at spaces and at most one semicolon: "8;2,5", "8 ; 2.5" and
 * "8 2,5" all give two parts; the comma stays a decimal comma. */
static char **
split_parts (const char *text)
{
  g_autofree char *spaced = g_strdup (text);
  g_auto(GStrv) words = NULL;
  GPtrArray *parts = g_ptr_array_new ();
  const char *semicolon = strchr (text, ';');

  if (semicolon != NULL && strchr (semicolon + 1, ';') != NULL)
    {
      g_ptr_array_add (parts, NULL);
      return (char **) g_ptr_array_free (parts, FALSE);
    }

  g_strdelimit (spaced, ";\t", ' ');
  words = g_strsplit (spaced, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0')
        g_ptr_array_add (parts, g_strdup (words[i]));
    }
  g_ptr_array_add (parts, NULL);

  return (char **) g_ptr_array_free (parts, FALSE);
}

static gboolean
is_plain_decimal (const char *part,
                  guint      *decimals)
{
  const char *separator = NULL;
  guint digits = 0;

  for (const char *p = part; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if ((*p == '.' || *p == ',') && separator == NULL)
        separator = p;
      else
        return FALSE;
    }

  *decimals = separator != NULL ? (guint) strlen (separator + 1) : 0;
  return digits > 0;
}

/* Whole sentences for each score, so a translation need not build them. */
static void
set_score_error (GError     **error,
                 gboolean     is_impact,
                 int          code,
                 const char  *part)
{
  switch (code)
    {
    case KW_SCORE_PAIR_ERROR_NUMBER:
      if (is_impact)
        g_set_error (error, KW_SCORE_PAIR_ERROR, code, _("The impact “%s” is not a number"), part);
      else
        g_set_error (error, KW_SCORE_PAIR_ERROR, code, _("The effort “%s” is not a number"), part);
      break;
    case KW_SCORE_PAIR_ERROR_DECIMALS:
      if (is_impact)
        g_set_error (error, KW_SCORE_PAIR_ERROR, code, _("Give the impact with at most one decimal, not “%s”"), part);
      else
        g_set_error (error, KW_SCORE_PAIR_ERROR, code, _("Give the effort with at most one decimal, not “%s”"), part);
      break;
    case KW_SCORE_PAIR_ERROR_RANGE:
      if (is_impact)
        g_set_error (error, KW_SCORE_PAIR_ERROR, code, _("The impact must be from 0 to 10, not “%s”"), part);
      else
        g_set_error (error, KW_SCORE_PAIR_ERROR, code, _("The effort must be from 0 to 10, not “%s”"), part);
      break;
    default:
      g_return_if_reached ();
    }
}

static gboolean
parse_score (const char  *part,
             gboolean     is_impact,
             double      *value,
             GError     **error)
{
  guint decimals = 0;

  if (!is_plain_decimal (part, &decimals))
    set_score_error (error, is_impact, KW_SCORE_PAIR_ERROR_NUMBER, part);
  else if (decimals > 1)
    set_score_error (error, is_impact, KW_SCORE_PAIR_ERROR_DECIMALS, part);
  else if (!kw_score_parse (part, value))
    set_score_error (error, is_impact, KW_SCORE_PAIR_ERROR_RANGE, part);
  else
    return TRUE;

  return FALSE;
}

gboolean
kw_score_pair_parse (const char  *text,
                     double      *impact,
                     double      *effort,
                     GError     **error)
{
  g_auto(GStrv) parts = NULL;
  double parsed_impact, parsed_effort;

  g_return_val_if_fail (impact != NULL && effort != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parts = split_parts (text != NULL ? text : "");
  if (g_strv_length (parts) != 2)
    {
      g_set_error_literal (error, KW_SCORE_PAIR_ERROR, KW_SCORE_PAIR_ERROR_COUNT,
                           _("Type the impact, a space and the effort, e.g. “8 2,5”"));
      return FALSE;
    }

  if (!parse_score (parts[0], TRUE, &parsed_impact, error) ||
      !parse_score (parts[1], FALSE, &parsed_effort, error))
    return FALSE;

  *impact = parsed_impact;
  *effort = parsed_effort;
  return TRUE;
}
