/* kw-follow-up.h: following a board through after the workshop: how many
 * findings of each outcome are done, which actions are overdue, and the
 * review cycle of the lists the method assesses again later (the future
 * list and the small fixes).
 *
 * The one place of these rules, for the window's lists and badges, the
 * action plan and the history (which gives a finding that lands on a
 * reviewed list its review date).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-board.h"

G_BEGIN_DECLS

/* The board setting "review interval", in months. */
#define KW_REVIEW_INTERVAL_MIN     1
#define KW_REVIEW_INTERVAL_MAX     60
#define KW_REVIEW_INTERVAL_DEFAULT 3

/* How many findings have that outcome (total) and how many of those are
 * done. */
void      kw_follow_up_count              (KwBoard    *board,
                                           KwOutcome   outcome,
                                           guint      *done,
                                           guint      *total);
/* "Quick wins: 3 of 5 done", in the language in use (kw-plan-text.h). */
char     *kw_follow_up_progress_text      (KwOutcome   outcome,
                                           guint       done,
                                           guint       total);

/* The outcomes whose progress the plan and the window show: those the
 * method acts on (quick wins, small fixes, the long-term plan) and the
 * future list, which is reviewed; not the drop list nor unplaced ones. */
gboolean  kw_follow_up_outcome_has_progress (KwOutcome outcome);

/* The one rule of what is overdue, for the plan and the app's lists: a due
 * date before today (an ISO date, as kw_follow_up_today_iso() gives) on a
 * finding that is not done. */
gboolean  kw_follow_up_is_overdue         (KwFinding  *finding,
                                           const char *today_iso);
/* now's local date as "YYYY-MM-DD"; now NULL means the current time. */
char     *kw_follow_up_today_iso          (GDateTime  *now);

/* The outcomes whose findings are assessed again later and so carry a
 * review date: the future list and the small fixes. */
gboolean  kw_follow_up_outcome_has_review (KwOutcome   outcome);
/* A finding on a list that gets reviews, not done, whose review date is
 * set and not after today_iso. */
gboolean  kw_follow_up_is_due_for_review  (KwBoard    *board,
                                           KwFinding  *finding,
                                           const char *today_iso);
/* A finding on a reviewed list that has no review date yet: it gets the
 * next one (kw_follow_up_next_review_date()) when it lands there. */
gboolean  kw_follow_up_wants_review_date  (KwBoard    *board,
                                           KwFinding  *finding);
/* Gives every finding that wants one the next review date from today_iso,
 * for a board made outside the history (a CSV imported on the command
 * line); how many got one. */
guint     kw_follow_up_give_review_dates  (KwBoard    *board,
                                           const char *today_iso);
/* today_iso plus the board's review interval, as an ISO date (the 31st
 * plus a month is the month's last day); NULL for an invalid today_iso. */
char     *kw_follow_up_next_review_date   (KwBoard    *board,
                                           const char *today_iso);

G_END_DECLS
