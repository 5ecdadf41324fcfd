/* kw-plan-text.h: what the action plan says, shared by its HTML, PDF and
 * image exports: the language it is written in, its sections in the
 * method's order, one number per finding (the same in the list and on the
 * matrix), dates and the facts shown for each item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-board.h"
#include "kw-changes.h"

G_BEGIN_DECLS

/* ---- The language of an export ---------------------------------------- */

/* The languages the plan can be written in, besides the UI language. */
gboolean        kw_plan_language_is_known   (const char *lang);

/* Reads the translation of a known lang, if it is not English and not read
 * yet. FALSE, with an error that names the file, when it cannot be read:
 * a plan pushed in that language would come out in English, so whoever
 * asked for the language by name should stop first. */
gboolean        kw_plan_language_load       (const char  *lang,
                                             GError     **error);

typedef struct _KwPlanLanguage KwPlanLanguage;

/* Switches the core's translations to lang ("nl", "en"; NULL or "" keeps
 * the UI language; one whose translation cannot be read gives English, see
 * kw_plan_language_load()) until kw_plan_language_pop(): every _() and C_() of
 * src/core/ in between, in this thread only, is in that language. Other
 * threads, the window's among them, go on in theirs. Pushes nest; pop in
 * the same thread, in reverse order. */
KwPlanLanguage *kw_plan_language_push       (const char *lang);
void            kw_plan_language_pop        (KwPlanLanguage *saved);
/* The code for <html lang>, of the catalogue in use: call between push and
 * pop. */
const char     *kw_plan_language_get_code   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwPlanLanguage, kw_plan_language_pop)

/* ---- Dates and scores, in the current language ------------------------- */

/* "22 November 2026" / "22 november 2026"; NULL for an invalid date. */
char           *kw_plan_text_format_iso_date     (const char *iso_date);
char           *kw_plan_text_format_date_time    (GDateTime  *date_time);
/* "7.5" / "7,5" */
char           *kw_plan_text_format_score        (double      score);

/* ---- The plan ------------------------------------------------------------ */

typedef struct {
  KwOutcome  outcome;
  GPtrArray *findings;      /* borrowed KwFinding, in the method's order */
  guint      first_number;  /* the number of the first finding */
} KwPlanSection;

/* Private: the texts every item repeats, looked up once per plan. */
typedef struct _KwPlanTexts KwPlanTexts;

typedef struct {
  KwBoard       *board;
  KwPlanSection  sections[KW_N_OUTCOMES];  /* in the method's order */
  guint          counts[KW_N_OUTCOMES];
  guint          n_findings;
  GHashTable    *numbers;                  /* KwFinding → number, from 1 */
  char           today[11];                /* "YYYY-MM-DD": what is overdue */
  KwPlanTexts   *texts;                    /* private */
  /* Following through (kw-follow-up.h), as of today: */
  guint          done[KW_N_OUTCOMES];      /* findings done, per outcome */
  guint          n_overdue;                /* findings whose due date says "overdue" */
  GPtrArray     *due_for_review;           /* borrowed KwFinding, in the plan's order */
  /* What changed since the snapshot chosen (kw_plan_set_since(),
   * kw-plan-changes.h); NULL: no snapshot, no such section. */
  KwChanges     *changes;
} KwPlan;

/* Numbers the findings 1, 2, … through the sections in the method's
 * order: quick wins first, unplaced findings last. The plan's labels and
 * dates are in the language in use when it is made: make it after
 * kw_plan_language_push(). */
KwPlan         *kw_plan_new                 (KwBoard     *board);
void            kw_plan_free                (KwPlan      *plan);
guint           kw_plan_get_number          (const KwPlan *plan,
                                             KwFinding   *finding);

/* Overdue is judged against the export's time (kw_plan_new() takes the
 * local date of now). */
void            kw_plan_set_today           (KwPlan      *plan,
                                             GDateTime   *now);

/* "Quick wins: now", … translated. */
const char     *kw_plan_section_get_heading (KwOutcome    outcome);
/* The heading as the plans show it: "1. Quick wins: now", the five steps
 * of the method numbered, the unplaced findings not. */
char           *kw_plan_section_dup_numbered_heading (KwOutcome outcome);

/* ---- Following through ---------------------------------------------------- */

/* "Quick wins: 3 of 5 done", for each outcome with progress
 * (kw_follow_up_outcome_has_progress()) that has findings; NULL for the
 * others. */
char           *kw_plan_get_progress_text   (const KwPlan *plan,
                                             KwOutcome     outcome);
/* "2 actions are overdue" / "No action is overdue": the findings whose due
 * date the plan marks overdue. */
char           *kw_plan_get_overdue_text    (const KwPlan *plan);
/* "1 finding is due for review" / "No finding is due for review". */
char           *kw_plan_get_review_text     (const KwPlan *plan);
/* The heading and the advice of the plan's section of findings due for
 * review (plan->due_for_review). */
const char     *kw_plan_review_get_heading  (void);
const char     *kw_plan_review_get_advice   (void);
/* The facts of a finding in that section: the list it is on and its
 * review date. */
void            kw_plan_fill_review_facts   (const KwPlan *plan,
                                             KwFinding    *finding,
                                             GArray       *facts);

typedef struct {
  const char *key;      /* for style classes and tests: "impact", "owner", … */
  const char *label;    /* translated: "Impact" */
  char       *value;    /* translated, already formatted */
  gboolean    not_set;  /* a required fact left empty: value says "not set" */
  gboolean    overdue;  /* the due date, past: value says "overdue" */
  gboolean    review_due;  /* the review date has come: value says so */
} KwPlanFact;

/* The facts listed under an item's title, in order; always impact and
 * effort (when placed) and status; owner and due date for quick wins and
 * the long-term plan even when empty (the method asks for them: who does
 * it, by when); the review date on the future list and the small fixes (saying
 * "due for review" once it has come) and the reason on the drop list
 * likewise; the rest when set. A due date past on a finding not
 * done says "overdue" (kw_follow_up_is_overdue()). On a board with
 * participants, the room's estimates last (kw-plan-estimates.h). */
GArray         *kw_plan_get_facts           (const KwPlan *plan,
                                             KwOutcome     outcome,
                                             KwFinding    *finding);
/* The same into facts (from kw_plan_facts_new()), emptied first: one array
 * for every item of a long plan. */
GArray         *kw_plan_facts_new           (void);
void            kw_plan_fill_facts          (const KwPlan *plan,
                                             KwOutcome     outcome,
                                             KwFinding    *finding,
                                             GArray       *facts);

/* The lines of the header: title, organisation, … as label/value facts,
 * the empty ones left out. now is the export time. */
GArray         *kw_plan_get_header_facts    (const KwPlan *plan,
                                             GDateTime    *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwPlan, kw_plan_free)

G_END_DECLS
