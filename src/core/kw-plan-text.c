/* kw-plan-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-text"

#include "config.h"

#include "kw-i18n.h"
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kw-catalog.h"
#include "kw-follow-up.h"
#include "kw-plan-estimates.h"
#include "kw-plan-text.h"
#include "kw-text.h"

/* ---- The language of an export ---------------------------------------- */

static const char * const known_languages[] = { "nl", "en" };

/* The source strings are English: an English plan needs no catalog. */
#define SOURCE_LANGUAGE "en"

struct _KwPlanLanguage
{
  const char     *lang;      /* interned */
  KwCatalog      *catalog;   /* not owned: cached for the process; NULL for English */
  KwPlanLanguage *previous;  /* the push this one covers, in this thread */
};

/* The innermost push of each thread. */
static GPrivate current_language = G_PRIVATE_INIT (NULL);

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

/* The catalog of lang where gettext finds the UI's (bindtextdomain), read
 * once for the process. One that cannot be read is not remembered: the
 * error says why each time it is asked for. */
static KwCatalog *
get_catalog (const char  *lang,
             GError     **error)
{
  static GMutex lock;
  static GHashTable *catalogs;  /* interned lang → KwCatalog */
  KwCatalog *catalog;

  g_mutex_lock (&lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (NULL, NULL);

  catalog = g_hash_table_lookup (catalogs, lang);
  if (catalog == NULL)
    {
      const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
      g_autofree char *path = g_build_filename (dir != NULL ? dir : LOCALEDIR, lang, "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);

      catalog = kw_catalog_new_from_file (path, error);
      if (catalog != NULL)
        g_hash_table_insert (catalogs, (gpointer) lang, catalog);
    }
  g_mutex_unlock (&lock);

  return catalog;
}

gboolean
kw_plan_language_load (const char  *lang,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (kw_plan_language_is_known (lang), FALSE);

  if (g_str_equal (lang, SOURCE_LANGUAGE) || get_catalog (g_intern_string (lang), &local_error) != NULL)
    return TRUE;

  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: %s is a language code such as "nl", then
                * why its translation could not be read. */
               _("The plan cannot be written in “%s”: its translation could not be read (%s)."),
               lang, local_error->message);
  return FALSE;
}

const char *
kw_plan_gettext (const char *msgid)
{
  KwPlanLanguage *language = g_private_get (&current_language);
  const char *translation;

  if (language == NULL)
    return dgettext (GETTEXT_PACKAGE, msgid);
  if (language->catalog == NULL)
    return msgid;

  translation = kw_catalog_lookup (language->catalog, msgid);
  return translation != NULL ? translation : msgid;
}

const char *
kw_plan_ngettext (const char *msgid,
                  const char *msgid_plural,
                  gulong      n)
{
  KwPlanLanguage *language = g_private_get (&current_language);
  const char *translation;

  if (language == NULL)
    return dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  if (language->catalog != NULL &&
      (translation = kw_catalog_lookup_plural (language->catalog, msgid, n)) != NULL)
    return translation;

  return n == 1 ? msgid : msgid_plural;
}

KwPlanLanguage *
kw_plan_language_push (const char *lang)
{
  KwPlanLanguage *previous = g_private_get (&current_language);
  KwPlanLanguage *language;

  g_return_val_if_fail (lang == NULL || lang[0] == '\0' || kw_plan_language_is_known (lang), NULL);

  language = g_new0 (KwPlanLanguage, 1);
  language->previous = previous;
  if (lang != NULL && lang[0] != '\0')
    {
      language->lang = g_intern_string (lang);
      g_autoptr(GError) error = NULL;

      language->catalog = g_str_equal (lang, SOURCE_LANGUAGE) ? NULL : get_catalog (language->lang, &error);
      if (error != NULL)
        g_debug ("No %s translation for the plan: %s", lang, error->message);
    }
  else if (previous != NULL)
    {
      /* No language asked for: the one in force goes on. */
      language->lang = previous->lang;
      language->catalog = previous->catalog;
    }
  else
    {
      /* Nothing pushed before: the UI's gettext stays; pop only frees. */
      return language;
    }

  g_private_set (&current_language, language);
  return language;
}

void
kw_plan_language_pop (KwPlanLanguage *language)
{
  if (language == NULL)
    return;

  if (language->lang != NULL)
    {
      g_warn_if_fail (g_private_get (&current_language) == language);
      g_private_set (&current_language, language->previous);
    }

  g_free (language);
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

static char
decimal_separator (void)
{
  /* Translators: the decimal separator in scores such as 7.5 (Dutch: ",") */
  const char *separator = C_("decimal separator", ".");

  if ((separator[0] == ',' || separator[0] == '.') && separator[1] == '\0')
    return separator[0];

  return '.';
}

/* kw_score_normalize() gives whole tenths from 0 to 10, so "%.1f" is two
 * digits and a separator: no printf for each of the 20,000 scores of a
 * long plan. */
static char *
format_score_with (double score,
                   char   separator)
{
  int tenths = (int) round (kw_score_normalize (score) * 10.0);
  char text[8];
  char *out = text;

  if (tenths >= 100)
    *out++ = (char) ('0' + tenths / 100);
  *out++ = (char) ('0' + tenths / 10 % 10);
  *out++ = separator;
  *out++ = (char) ('0' + tenths % 10);
  *out = '\0';

  return g_strdup (text);
}

char *
kw_plan_text_format_score (double score)
{
  return format_score_with (score, decimal_separator ());
}

/* ---- The plan ------------------------------------------------------------ */

typedef enum
{
  FACT_IMPACT,
  FACT_EFFORT,
  FACT_OWNER,
  FACT_DUE,
  FACT_REVIEW,
  FACT_STATUS,
  FACT_TAGS,
  FACT_SOURCE,
  FACT_DROP_REASON,
  FACT_LIST,
  N_FACTS
} Fact;

/* A plan of 10,000 findings repeats the same dozen labels 60,000 times and
 * mostly a handful of dates: gettext and printf once each is enough. */
struct _KwPlanTexts
{
  const char *labels[N_FACTS];
  const char *status_labels[KW_N_STATUSES];
  const char *not_set;
  char        decimal_separator;
  GHashTable *dates;  /* ISO date → the date as the plan shows it */
};

static KwPlanTexts *
plan_texts_new (void)
{
  KwPlanTexts *texts = g_new0 (KwPlanTexts, 1);

  texts->labels[FACT_IMPACT] = _("Impact");
  texts->labels[FACT_EFFORT] = _("Effort");
  texts->labels[FACT_OWNER] = _("Owner");
  texts->labels[FACT_DUE] = _("Due date");
  texts->labels[FACT_REVIEW] = _("Review date");
  texts->labels[FACT_STATUS] = _("Status");
  texts->labels[FACT_TAGS] = _("Tags");
  texts->labels[FACT_SOURCE] = _("Source");
  texts->labels[FACT_DROP_REASON] = _("Reason for dropping");
  /* Translators: in the plan's list of findings due for review: the
   * outcome a finding has, e.g. "List: Future list". */
  texts->labels[FACT_LIST] = _("List");
  for (guint i = 0; i < KW_N_STATUSES; i++)
    texts->status_labels[i] = kw_status_get_label ((KwStatus) i);
  texts->not_set = _("not set");
  texts->decimal_separator = decimal_separator ();
  texts->dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return texts;
}

static void
plan_texts_free (KwPlanTexts *texts)
{
  g_hash_table_unref (texts->dates);
  g_free (texts);
}

/* What is done, overdue and due for review, as of plan->today. */
static void
count_follow_up (KwPlan *plan)
{
  if (plan->sections[0].findings == NULL)
    return;  /* kw_plan_new() is still making the sections */

  if (plan->due_for_review == NULL)
    plan->due_for_review = g_ptr_array_new ();
  g_ptr_array_set_size (plan->due_for_review, 0);
  plan->n_overdue = 0;

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      GPtrArray *findings = plan->sections[i].findings;

      plan->done[i] = 0;
      for (guint j = 0; j < findings->len; j++)
        {
          KwFinding *finding = g_ptr_array_index (findings, j);

          if (kw_finding_get_status (finding) == KW_STATUS_DONE)
            plan->done[i]++;
          if (kw_follow_up_is_overdue (finding, plan->today))
            plan->n_overdue++;
          if (kw_follow_up_is_due_for_review (plan->board, finding, plan->today))
            g_ptr_array_add (plan->due_for_review, finding);
        }
    }
}

KwPlan *
kw_plan_new (KwBoard *board)
{
  KwPlan *plan;
  guint number = 1;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  plan = g_new0 (KwPlan, 1);
  plan->board = g_object_ref (board);
  plan->numbers = g_hash_table_new (NULL, NULL);
  plan->texts = plan_texts_new ();
  kw_plan_set_today (plan, NULL);

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
  count_follow_up (plan);

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
  g_clear_pointer (&plan->texts, plan_texts_free);
  g_clear_pointer (&plan->due_for_review, g_ptr_array_unref);
  g_clear_object (&plan->changes);
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

void
kw_plan_set_today (KwPlan    *plan,
                   GDateTime *now)
{
  g_autofree char *today = kw_follow_up_today_iso (now);

  g_return_if_fail (plan != NULL);

  g_strlcpy (plan->today, today, sizeof plan->today);
  count_follow_up (plan);
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

char *
kw_plan_section_dup_numbered_heading (KwOutcome outcome)
{
  /* Unplaced findings are not a step but work left over from the
   * workshop. */
  if (outcome == KW_OUTCOME_UNPLACED)
    return g_strdup (kw_plan_section_get_heading (outcome));

  return g_strdup_printf (C_("numbered section heading", "%u. %s"),
                          (guint) outcome + 1, kw_plan_section_get_heading (outcome));
}

static void
clear_fact (gpointer data)
{
  KwPlanFact *fact = data;

  g_clear_pointer (&fact->value, g_free);
}

GArray *
kw_plan_facts_new (void)
{
  GArray *facts = g_array_new (FALSE, TRUE, sizeof (KwPlanFact));

  g_array_set_clear_func (facts, clear_fact);

  return facts;
}

/* Takes value; an empty or NULL value is shown as “not set” when required,
 * and left out otherwise. */
static void
add_fact (GArray            *facts,
          const KwPlanTexts *texts,
          const char        *key,
          const char        *label,
          char              *value,
          gboolean           required)
{
  KwPlanFact fact = { key, label, value, FALSE, FALSE, FALSE };

  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      if (!required)
        return;
      fact.value = g_strdup (texts->not_set);
      fact.not_set = TRUE;
    }

  g_array_append_val (facts, fact);
}

static char *
format_date_fact (const KwPlanTexts *texts,
                  const char        *iso_date)
{
  const char *known;
  char *formatted;

  if (iso_date == NULL || iso_date[0] == '\0')
    return NULL;

  if ((known = g_hash_table_lookup (texts->dates, iso_date)) != NULL)
    return g_strdup (known);

  formatted = kw_plan_text_format_iso_date (iso_date);
  if (formatted == NULL)
    formatted = g_strdup (iso_date);
  g_hash_table_insert (texts->dates, g_strdup (iso_date), g_strdup (formatted));

  return formatted;
}

/* The due date, said to be overdue in words (not only in colour). */
static void
add_due_fact (GArray            *facts,
              const KwPlan      *plan,
              KwFinding         *finding,
              gboolean           required)
{
  const KwPlanTexts *texts = plan->texts;
  char *value = format_date_fact (texts, kw_finding_get_due_date (finding));
  KwPlanFact *fact;

  add_fact (facts, texts, "due", texts->labels[FACT_DUE], value, required);
  if (facts->len == 0 || !kw_follow_up_is_overdue (finding, plan->today))
    return;

  fact = &g_array_index (facts, KwPlanFact, facts->len - 1);
  if (!g_str_equal (fact->key, "due"))
    return;
  /* Translators: a due date already past, e.g. "3 December 2026, overdue". */
  value = g_strdup_printf (_("%s, overdue"), fact->value);
  g_free (fact->value);
  fact->value = value;
  fact->overdue = TRUE;
}

/* The review date, said to be due in words once it has come. */
static void
add_review_fact (GArray            *facts,
                 const KwPlan      *plan,
                 KwFinding         *finding,
                 gboolean           required)
{
  const KwPlanTexts *texts = plan->texts;
  char *value = format_date_fact (texts, kw_finding_get_review_date (finding));
  KwPlanFact *fact;

  add_fact (facts, texts, "review", texts->labels[FACT_REVIEW], value, required);
  if (facts->len == 0 || !kw_follow_up_is_due_for_review (plan->board, finding, plan->today))
    return;

  fact = &g_array_index (facts, KwPlanFact, facts->len - 1);
  if (!g_str_equal (fact->key, "review"))
    return;
  /* Translators: a review date that has come, e.g. "3 December 2026, due
   * for review". */
  value = g_strdup_printf (_("%s, due for review"), fact->value);
  g_free (fact->value);
  fact->value = value;
  fact->review_due = TRUE;
}

static char *
join_tags (KwFinding *finding)
{
  const char * const *tags = kw_finding_get_tags (finding);

  if (tags == NULL || tags[0] == NULL)
    return NULL;

  return g_strjoinv (", ", (char **) tags);
}

void
kw_plan_fill_facts (const KwPlan *plan,
                    KwOutcome     outcome,
                    KwFinding    *finding,
                    GArray       *facts)
{
  const KwPlanTexts *texts;
  const char * const *labels;
  /* Who does it and by when: asked for where the method plans action. */
  gboolean action = outcome == KW_OUTCOME_LONG_TERM || outcome == KW_OUTCOME_QUICK_WIN;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (KW_IS_FINDING (finding));
  g_return_if_fail (facts != NULL);

  texts = plan->texts;
  labels = texts->labels;
  g_array_set_size (facts, 0);

  if (kw_finding_get_placed (finding))
    {
      add_fact (facts, texts, "impact", labels[FACT_IMPACT],
                format_score_with (kw_finding_get_impact (finding), texts->decimal_separator), TRUE);
      add_fact (facts, texts, "effort", labels[FACT_EFFORT],
                format_score_with (kw_finding_get_effort (finding), texts->decimal_separator), TRUE);
    }

  add_fact (facts, texts, "owner", labels[FACT_OWNER], g_strdup (kw_finding_get_owner (finding)), action);
  add_due_fact (facts, plan, finding, action);
  add_review_fact (facts, plan, finding, kw_follow_up_outcome_has_review (outcome));
  add_fact (facts, texts, "status", labels[FACT_STATUS],
            g_strdup (texts->status_labels[kw_finding_get_status (finding)]), TRUE);
  add_fact (facts, texts, "tags", labels[FACT_TAGS], join_tags (finding), FALSE);
  add_fact (facts, texts, "source", labels[FACT_SOURCE], g_strdup (kw_finding_get_source (finding)), FALSE);
  add_fact (facts, texts, "drop-reason", labels[FACT_DROP_REASON],
            g_strdup (kw_finding_get_drop_reason (finding)), outcome == KW_OUTCOME_DROP);
  kw_plan_append_estimate_facts (plan, finding, facts);
}

GArray *
kw_plan_get_facts (const KwPlan *plan,
                   KwOutcome     outcome,
                   KwFinding    *finding)
{
  GArray *facts = kw_plan_facts_new ();

  kw_plan_fill_facts (plan, outcome, finding, facts);

  return facts;
}

/* ---- Following through ---------------------------------------------------- */

char *
kw_plan_get_progress_text (const KwPlan *plan,
                           KwOutcome     outcome)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, NULL);

  if (!kw_follow_up_outcome_has_progress (outcome) || plan->counts[outcome] == 0)
    return NULL;

  return kw_follow_up_progress_text (outcome, plan->done[outcome], plan->counts[outcome]);
}

char *
kw_plan_get_overdue_text (const KwPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->n_overdue == 0)
    return g_strdup (_("No action is overdue"));

  /* Translators: in the action plan's summary: how many findings have a
   * due date already past. */
  return g_strdup_printf (ngettext ("%u action is overdue", "%u actions are overdue", plan->n_overdue),
                          plan->n_overdue);
}

char *
kw_plan_get_review_text (const KwPlan *plan)
{
  guint n;

  g_return_val_if_fail (plan != NULL, NULL);

  n = plan->due_for_review->len;
  if (n == 0)
    return g_strdup (_("No finding is due for review"));

  /* Translators: in the action plan's summary: how many findings on the
   * future list and the small fixes have come to their review date. */
  return g_strdup_printf (ngettext ("%u finding is due for review", "%u findings are due for review", n), n);
}

const char *
kw_plan_review_get_heading (void)
{
  return _("Due for review");
}

const char *
kw_plan_review_get_advice (void)
{
  return _("The review date of these findings has come: assess them again, then keep them, "
           "move them or drop them, and set their next review date.");
}

void
kw_plan_fill_review_facts (const KwPlan *plan,
                           KwFinding    *finding,
                           GArray       *facts)
{
  const KwPlanTexts *texts;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (KW_IS_FINDING (finding));
  g_return_if_fail (facts != NULL);

  texts = plan->texts;
  g_array_set_size (facts, 0);
  add_fact (facts, texts, "list", texts->labels[FACT_LIST],
            g_strdup (kw_outcome_get_title (kw_board_classify_finding (plan->board, finding))), TRUE);
  add_fact (facts, texts, "review", texts->labels[FACT_REVIEW],
            format_date_fact (texts, kw_finding_get_review_date (finding)), TRUE);
}

GArray *
kw_plan_get_header_facts (const KwPlan *plan,
                          GDateTime    *now)
{
  GArray *facts = kw_plan_facts_new ();
  KwBoard *board;

  g_return_val_if_fail (plan != NULL, facts);
  g_return_val_if_fail (now != NULL, facts);

  board = plan->board;
  add_fact (facts, plan->texts, "organisation", _("Organisation"),
            g_strdup (kw_board_get_organisation (board)), FALSE);
  add_fact (facts, plan->texts, "workshop-date", _("Workshop date"),
            format_date_fact (plan->texts, kw_board_get_workshop_date (board)), FALSE);
  add_fact (facts, plan->texts, "facilitator", _("Facilitator"),
            g_strdup (kw_board_get_facilitator (board)), FALSE);
  add_fact (facts, plan->texts, "exported", _("Exported on"), kw_plan_text_format_date_time (now), TRUE);

  return facts;
}
