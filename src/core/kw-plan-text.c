/* kw-plan-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "kw-plan-text.h"
#include "kw-text.h"

/* ---- The language of an export ---------------------------------------- */

#ifdef __GLIBC__
/* glibc caches translations; bumping this counter makes it look again after
 * LANGUAGE changed. It is exported for exactly this purpose. */
extern int _nl_msg_cat_cntr;
#endif

static const char * const known_languages[] = { "nl", "en" };

struct _KwPlanLanguage
{
  char     *language;         /* LANGUAGE before the push, or NULL */
  char     *messages_locale;  /* LC_MESSAGES before, when it had to change */
};

gboolean
kw_plan_language_is_known (const char *lang)
{
  if (lang == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (known_languages); i++)
    {
      if (g_str_equal (lang, known_languages[i]))
        return TRUE;
    }

  return FALSE;
}

static void
forget_cached_translations (void)
{
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#endif
}

static gboolean
messages_locale_is_plain_c (void)
{
  const char *current = setlocale (LC_MESSAGES, NULL);

  return current == NULL || g_str_equal (current, "C") || g_str_equal (current, "POSIX");
}

KwPlanLanguage *
kw_plan_language_push (const char *lang)
{
  KwPlanLanguage *saved = g_new0 (KwPlanLanguage, 1);

  if (lang == NULL || lang[0] == '\0')
    return saved;

  g_return_val_if_fail (kw_plan_language_is_known (lang), saved);

  saved->language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", lang, TRUE);

  /* gettext ignores LANGUAGE in the plain C locale (a script's LC_ALL=C);
   * C.UTF-8 is built into glibc and lets it through. */
  if (messages_locale_is_plain_c () && setlocale (LC_MESSAGES, NULL) != NULL)
    {
      char *before = g_strdup (setlocale (LC_MESSAGES, NULL));

      if (setlocale (LC_MESSAGES, "C.UTF-8") != NULL)
        saved->messages_locale = before;
      else
        g_free (before);
    }

  forget_cached_translations ();

  return saved;
}

void
kw_plan_language_pop (KwPlanLanguage *saved)
{
  if (saved == NULL)
    return;

  if (saved->messages_locale != NULL)
    setlocale (LC_MESSAGES, saved->messages_locale);

  if (saved->language != NULL)
    g_setenv ("LANGUAGE", saved->language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  forget_cached_translations ();

  g_free (saved->language);
  g_free (saved->messages_locale);
  g_free (saved);
}

const char *
kw_plan_language_get_code (void)
{
  /* Translators: the language code of your translation, for the
   * lang attribute of the exported action plan ("nl" for Dutch). */
  const char *code = C_("language code", "en");

  /* A translation that is not a plain code must not end up in markup. */
  for (const char *p = code; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-')
        return "en";
    }

  return code[0] != '\0' ? code : "en";
}

/* ---- Dates and scores ----------------------------------------------------- */

/* The month names are strings of their own so the plan does not depend on
 * which system locales happen to be installed. */
static const char *
month_name (GDateMonth month)
{
  switch (month)
    {
    case G_DATE_JANUARY:   return C_("month name in a date", "January");
    case G_DATE_FEBRUARY:  return C_("month name in a date", "February");
    case G_DATE_MARCH:     return C_("month name in a date", "March");
    case G_DATE_APRIL:     return C_("month name in a date", "April");
    case G_DATE_MAY:       return C_("month name in a date", "May");
    case G_DATE_JUNE:      return C_("month name in a date", "June");
    case G_DATE_JULY:      return C_("month name in a date", "July");
    case G_DATE_AUGUST:    return C_("month name in a date", "August");
    case G_DATE_SEPTEMBER: return C_("month name in a date", "September");
    case G_DATE_OCTOBER:   return C_("month name in a date", "October");
    case G_DATE_NOVEMBER:  return C_("month name in a date", "November");
    case G_DATE_DECEMBER:  return C_("month name in a date", "December");
    case G_DATE_BAD_MONTH:
    default:
      g_return_val_if_reached ("?");
    }
}

static char *
format_day_month_year (guint       day,
                       GDateMonth  month,
                       guint       year)
{
  /* Translators: a date in the action plan: %1$u is the day, %2$s the
   * month name, %3$u the year, as in “22 November 2026”. */
  return g_strdup_printf (C_("date in the action plan", "%1$u %2$s %3$u"),
                          day, month_name (month), year);
}

char *
kw_plan_text_format_iso_date (const char *iso_date)
{
  guint year, month, day;

  if (iso_date == NULL || !kw_date_is_valid_iso (iso_date))
    return NULL;

  /* kw_date_is_valid_iso() has checked the form and that the day exists. */
  if (sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;

  return format_day_month_year (day, (GDateMonth) month, year);
}

char *
kw_plan_text_format_date_time (GDateTime *date_time)
{
  g_return_val_if_fail (date_time != NULL, NULL);

  return format_day_month_year ((guint) g_date_time_get_day_of_month (date_time),
                                (GDateMonth) g_date_time_get_month (date_time),
                                (guint) g_date_time_get_year (date_time));
}

char *
kw_plan_text_format_score (double score)
{
  char *text = kw_score_format (score);
  /* Translators: the decimal separator in scores such as 7.5 (Dutch: ",") */
  const char *separator = C_("decimal separator", ".");
  char *point = strchr (text, '.');

  if (point != NULL && (separator[0] == ',' || separator[0] == '.') && separator[1] == '\0')
    *point = separator[0];

  return text;
}

/* ---- The plan ------------------------------------------------------------ */

KwPlan *
kw_plan_new (KwBoard *board)
{
  KwPlan *plan;
  guint number = 1;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  plan = g_new0 (KwPlan, 1);
  plan->board = g_object_ref (board);
  plan->numbers = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      KwPlanSection *section = &plan->sections[i];

      section->outcome = (KwOutcome) i;
      section->findings = kw_board_collect_outcome (board, section->outcome);
      section->first_number = number;
      plan->counts[i] = section->findings->len;

      for (guint j = 0; j < section->findings->len; j++)
        g_hash_table_insert (plan->numbers, g_ptr_array_index (section->findings, j),
                             GUINT_TO_POINTER (number++));
    }

  plan->n_findings = number - 1;

  return plan;
}

void
kw_plan_free (KwPlan *plan)
{
  if (plan == NULL)
    return;

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    g_clear_pointer (&plan->sections[i].findings, g_ptr_array_unref);
  g_clear_pointer (&plan->numbers, g_hash_table_unref);
  g_clear_object (&plan->board);
  g_free (plan);
}

guint
kw_plan_get_number (const KwPlan *plan,
                    KwFinding    *finding)
{
  g_return_val_if_fail (plan != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (plan->numbers, finding));
}

const char *
kw_plan_section_get_heading (KwOutcome outcome)
{
  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN: return _("Quick wins: now");
    case KW_OUTCOME_SMALL_FIX: return _("Small fixes: straight after");
    case KW_OUTCOME_LONG_TERM: return _("The long-term plan");
    case KW_OUTCOME_FUTURE:    return _("The future list");
    case KW_OUTCOME_DROP:      return _("Dropped");
    case KW_OUTCOME_UNPLACED:  return _("Not yet placed");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
clear_fact (gpointer data)
{
  KwPlanFact *fact = data;

  g_clear_pointer (&fact->value, g_free);
}

static GArray *
facts_new (void)
{
  GArray *facts = g_array_new (FALSE, TRUE, sizeof (KwPlanFact));

  g_array_set_clear_func (facts, clear_fact);

  return facts;
}

/* Takes value; an empty or NULL value is shown as “not set” when required,
 * and left out otherwise. */
static void
add_fact (GArray     *facts,
          const char *key,
          const char *label,
          char       *value,
          gboolean    required)
{
  KwPlanFact fact = { key, label, value };

  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      if (!required)
        return;
      fact.value = g_strdup (_("not set"));
    }

  g_array_append_val (facts, fact);
}

static char *
format_date_fact (const char *iso_date)
{
  char *formatted = kw_plan_text_format_iso_date (iso_date);

  return formatted != NULL ? formatted : g_strdup (iso_date);
}

static char *
join_tags (KwFinding *finding)
{
  const char * const *tags = kw_finding_get_tags (finding);

  if (tags == NULL || tags[0] == NULL)
    return NULL;

  return g_strjoinv (", ", (char **) tags);
}

GArray *
kw_plan_get_facts (const KwPlan *plan,
                   KwOutcome     outcome,
                   KwFinding    *finding)
{
  GArray *facts = facts_new ();
  gboolean long_term = outcome == KW_OUTCOME_LONG_TERM;

  g_return_val_if_fail (plan != NULL, facts);
  g_return_val_if_fail (KW_IS_FINDING (finding), facts);

  if (kw_finding_get_placed (finding))
    {
      add_fact (facts, "impact", _("Impact"),
                kw_plan_text_format_score (kw_finding_get_impact (finding)), TRUE);
      add_fact (facts, "effort", _("Effort"),
                kw_plan_text_format_score (kw_finding_get_effort (finding)), TRUE);
    }

  add_fact (facts, "owner", _("Owner"), g_strdup (kw_finding_get_owner (finding)), long_term);
  add_fact (facts, "due", _("Due date"), format_date_fact (kw_finding_get_due_date (finding)), long_term);
  add_fact (facts, "review", _("Review date"), format_date_fact (kw_finding_get_review_date (finding)),
            outcome == KW_OUTCOME_FUTURE);
  add_fact (facts, "status", _("Status"),
            g_strdup (kw_status_get_label (kw_finding_get_status (finding))), TRUE);
  add_fact (facts, "tags", _("Tags"), join_tags (finding), FALSE);
  add_fact (facts, "source", _("Source"), g_strdup (kw_finding_get_source (finding)), FALSE);
  add_fact (facts, "drop-reason", _("Reason for dropping"),
            g_strdup (kw_finding_get_drop_reason (finding)), outcome == KW_OUTCOME_DROP);

  return facts;
}

GArray *
kw_plan_get_header_facts (const KwPlan *plan,
                          GDateTime    *now)
{
  GArray *facts = facts_new ();
  KwBoard *board;

  g_return_val_if_fail (plan != NULL, facts);
  g_return_val_if_fail (now != NULL, facts);

  board = plan->board;
  add_fact (facts, "organisation", _("Organisation"), g_strdup (kw_board_get_organisation (board)), FALSE);
  add_fact (facts, "workshop-date", _("Workshop date"),
            format_date_fact (kw_board_get_workshop_date (board)), FALSE);
  add_fact (facts, "facilitator", _("Facilitator"), g_strdup (kw_board_get_facilitator (board)), FALSE);
  add_fact (facts, "exported", _("Exported on"), kw_plan_text_format_date_time (now), TRUE);

  return facts;
}
