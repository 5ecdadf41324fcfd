/* kw-follow-up.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-follow-up"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kw-i18n.h"

#include "kw-follow-up.h"
#include "kw-text.h"

void
kw_follow_up_count (KwBoard   *board,
                    KwOutcome  outcome,
                    guint     *done,
                    guint     *total)
{
  guint n_done = 0, n_total = 0;

  g_return_if_fail (KW_IS_BOARD (board));

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);

      if (kw_board_classify_finding (board, finding) != outcome)
        continue;
      n_total++;
      if (kw_finding_get_status (finding) == KW_STATUS_DONE)
        n_done++;
    }

  if (done != NULL)
    *done = n_done;
  if (total != NULL)
    *total = n_total;
}

char *
kw_follow_up_progress_text (KwOutcome outcome,
                            guint     done,
                            guint     total)
{
  g_return_val_if_fail (done <= total, NULL);

  /* Translators: the progress of one outcome in the action plan and the
   * window: %1$s is the outcome's name ("Quick wins"), %2$u how many of
   * its findings are done, %3$u how many it has, as in "Quick wins: 3 of
   * 5 done". The plural follows %3$u. */
  return g_strdup_printf (ngettext ("%1$s: %2$u of %3$u done", "%1$s: %2$u of %3$u done", total),
                          kw_outcome_get_title (outcome), done, total);
}

gboolean
kw_follow_up_outcome_has_progress (KwOutcome outcome)
{
  return outcome == KW_OUTCOME_QUICK_WIN || outcome == KW_OUTCOME_SMALL_FIX ||
         outcome == KW_OUTCOME_LONG_TERM || outcome == KW_OUTCOME_FUTURE;
}

/* ISO dates compare as text. */
gboolean
kw_follow_up_is_overdue (KwFinding  *finding,
                         const char *today_iso)
{
  const char *due;

  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);
  g_return_val_if_fail (today_iso != NULL, FALSE);

  due = kw_finding_get_due_date (finding);

  return due != NULL && kw_date_is_valid_iso (due) &&
         kw_finding_get_status (finding) != KW_STATUS_DONE &&
         strcmp (due, today_iso) < 0;
}

char *
kw_follow_up_today_iso (GDateTime *now)
{
  g_autoptr(GDateTime) local = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();

  return g_date_time_format (local, "%Y-%m-%d");
}

gboolean
kw_follow_up_outcome_has_review (KwOutcome outcome)
{
  return outcome == KW_OUTCOME_FUTURE || outcome == KW_OUTCOME_SMALL_FIX;
}

gboolean
kw_follow_up_is_due_for_review (KwBoard    *board,
                                KwFinding  *finding,
                                const char *today_iso)
{
  const char *review;

  g_return_val_if_fail (KW_IS_BOARD (board), FALSE);
  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);
  g_return_val_if_fail (today_iso != NULL, FALSE);

  review = kw_finding_get_review_date (finding);

  return review != NULL && kw_date_is_valid_iso (review) &&
         kw_finding_get_status (finding) != KW_STATUS_DONE &&
         strcmp (review, today_iso) <= 0 &&
         kw_follow_up_outcome_has_review (kw_board_classify_finding (board, finding));
}

gboolean
kw_follow_up_wants_review_date (KwBoard   *board,
                                KwFinding *finding)
{
  g_return_val_if_fail (KW_IS_BOARD (board), FALSE);
  g_return_val_if_fail (KW_IS_FINDING (finding), FALSE);

  return kw_follow_up_outcome_has_review (kw_board_classify_finding (board, finding)) &&
         kw_finding_get_review_date (finding)[0] == '\0';
}

guint
kw_follow_up_give_review_dates (KwBoard    *board,
                                const char *today_iso)
{
  g_autofree char *date = NULL;
  guint n_given = 0;

  g_return_val_if_fail (KW_IS_BOARD (board), 0);

  date = kw_follow_up_next_review_date (board, today_iso);
  for (guint i = 0; date != NULL && i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);

      if (!kw_follow_up_wants_review_date (board, finding))
        continue;
      kw_finding_set_review_date (finding, date);
      n_given++;
    }

  return n_given;
}

char *
kw_follow_up_next_review_date (KwBoard    *board,
                               const char *today_iso)
{
  GDate date;
  guint year, month, day;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  if (today_iso == NULL || !kw_date_is_valid_iso (today_iso) ||
      sscanf (today_iso, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;

  /* GDate clamps to the month's last day: 31 January plus a month is the
   * end of February, not 3 March. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_date_add_months (&date, kw_board_get_review_interval (board));
  if (g_date_get_year (&date) > 9999)
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}
