/* kw-outcome.h: the six outcomes of the impact/effort method and the one
 * function that decides which outcome a position gets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* In the method's order: the order of the action plan and of every list. */
typedef enum {
  KW_OUTCOME_QUICK_WIN,
  KW_OUTCOME_SMALL_FIX,
  KW_OUTCOME_LONG_TERM,
  KW_OUTCOME_FUTURE,
  KW_OUTCOME_DROP,
  KW_OUTCOME_UNPLACED,
} KwOutcome;

#define KW_N_OUTCOMES 6

#define KW_TYPE_OUTCOME (kw_outcome_get_type ())
GType kw_outcome_get_type (void) G_GNUC_CONST;

/* Scores run from KW_SCORE_MIN to KW_SCORE_MAX in steps of one tenth. */
#define KW_SCORE_MIN 0.0
#define KW_SCORE_MAX 10.0

#define KW_DEFAULT_IMPACT_LINE 5.0
#define KW_DEFAULT_EFFORT_LINE 5.0
#define KW_DEFAULT_TINY_EFFORT_LINE 1.0

typedef struct {
  double impact;      /* at or above: high impact */
  double effort;      /* at or above: high effort */
  double tiny_effort; /* at or below (with low impact): a small fix */
} KwThresholds;

void        kw_thresholds_init_default (KwThresholds *thresholds);
gboolean    kw_thresholds_are_valid    (const KwThresholds *thresholds);

KwOutcome   kw_outcome_classify        (gboolean            placed,
                                        double              impact,
                                        double              effort,
                                        const KwThresholds *thresholds);

const char *kw_outcome_to_id           (KwOutcome           outcome);
gboolean    kw_outcome_from_id         (const char         *id,
                                        KwOutcome          *outcome);
const char *kw_outcome_get_title       (KwOutcome           outcome);
const char *kw_outcome_get_advice      (KwOutcome           outcome);
/* One finding's outcome as a sentence names it, translated and in lower
 * case: "quick win", "long-term plan", "not placed". */
const char *kw_outcome_get_singular_name  (KwOutcome        outcome);
/* The same at the start of a line: "Quick win", "Not placed". */
const char *kw_outcome_get_singular_title (KwOutcome        outcome);

/* The outcome's colour as "#rrggbb", the one palette of the matrix widget
 * and of every export: dots and marks in full, the zones of the plot with
 * KW_OUTCOME_ZONE_ALPHA over the background. */
#define KW_OUTCOME_ZONE_ALPHA 0.16
const char *kw_outcome_get_color       (KwOutcome           outcome,
                                        gboolean            dark);

/* The outcome's colour behind KW_OUTCOME_BADGE_TEXT and for text on
 * white: a darker shade of kw_outcome_get_color(), at 4.5:1 or more
 * (WCAG AA) with white, in every export. On screen a badge in
 * kw_outcome_get_color() takes black or white text, whichever reads
 * better (at least 4.5:1 on each of those colours too). */
#define KW_OUTCOME_BADGE_TEXT "#ffffff"
const char *kw_outcome_get_badge_color (KwOutcome           outcome);

G_END_DECLS
