/* kw-outcome.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-outcome"

#include "config.h"

#include "kw-i18n.h"
#include <math.h>

#include "kw-outcome.h"

G_DEFINE_ENUM_TYPE (KwOutcome, kw_outcome,
  G_DEFINE_ENUM_VALUE (KW_OUTCOME_QUICK_WIN, "quick-win"),
  G_DEFINE_ENUM_VALUE (KW_OUTCOME_SMALL_FIX, "small-fix"),
  G_DEFINE_ENUM_VALUE (KW_OUTCOME_LONG_TERM, "long-term"),
  G_DEFINE_ENUM_VALUE (KW_OUTCOME_FUTURE, "future"),
  G_DEFINE_ENUM_VALUE (KW_OUTCOME_DROP, "drop"),
  G_DEFINE_ENUM_VALUE (KW_OUTCOME_UNPLACED, "unplaced"))

static const char * const outcome_ids[KW_N_OUTCOMES] = {
  "quick-win", "small-fix", "long-term", "future", "drop", "unplaced",
};

void
kw_thresholds_init_default (KwThresholds *thresholds)
{
  g_return_if_fail (thresholds != NULL);

  thresholds->impact = KW_DEFAULT_IMPACT_LINE;
  thresholds->effort = KW_DEFAULT_EFFORT_LINE;
  thresholds->tiny_effort = KW_DEFAULT_TINY_EFFORT_LINE;
}

static gboolean
score_is_valid (double value)
{
  return isfinite (value) && value >= KW_SCORE_MIN && value <= KW_SCORE_MAX;
}

/* The small-fix strip lies inside the low-effort half: a tiny-effort line
 * above the effort line would make the strip overlap the drop zone. */
gboolean
kw_thresholds_are_valid (const KwThresholds *thresholds)
{
  g_return_val_if_fail (thresholds != NULL, FALSE);

  return score_is_valid (thresholds->impact) &&
         score_is_valid (thresholds->effort) &&
         score_is_valid (thresholds->tiny_effort) &&
         thresholds->tiny_effort < thresholds->effort;
}

/* A finding exactly on the impact line counts as high impact, and exactly
 * on the effort line as high effort: ties go to the more demanding side,
 * so a debatable finding is never promoted to a quick win by rounding. */
KwOutcome
kw_outcome_classify (gboolean            placed,
                     double              impact,
                     double              effort,
                     const KwThresholds *thresholds)
{
  gboolean high_impact;
  gboolean high_effort;

  g_return_val_if_fail (thresholds != NULL, KW_OUTCOME_UNPLACED);

  if (!placed || !isfinite (impact) || !isfinite (effort))
    return KW_OUTCOME_UNPLACED;

  high_impact = impact >= thresholds->impact;
  high_effort = effort >= thresholds->effort;

  if (high_impact)
    return high_effort ? KW_OUTCOME_LONG_TERM : KW_OUTCOME_QUICK_WIN;

  if (high_effort)
    return KW_OUTCOME_DROP;

  return effort <= thresholds->tiny_effort ? KW_OUTCOME_SMALL_FIX : KW_OUTCOME_FUTURE;
}

const char *
kw_outcome_to_id (KwOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, NULL);

  return outcome_ids[outcome];
}

gboolean
kw_outcome_from_id (const char *id,
                    KwOutcome  *outcome)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      if (g_str_equal (id, outcome_ids[i]))
        {
          if (outcome != NULL)
            *outcome = (KwOutcome) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The heading of the outcome's list, translated. */
const char *
kw_outcome_get_title (KwOutcome outcome)
{
  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN: return _("Quick wins");
    case KW_OUTCOME_SMALL_FIX: return _("Small fixes");
    case KW_OUTCOME_LONG_TERM: return _("Long-term plan");
    case KW_OUTCOME_FUTURE:    return _("Future list");
    case KW_OUTCOME_DROP:      return _("Drop");
    case KW_OUTCOME_UNPLACED:  return _("Unplaced");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* One line telling the facilitator what the method does with the outcome. */
const char *
kw_outcome_get_advice (KwOutcome outcome)
{
  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN: return _("High impact for little effort: tackle these now.");
    case KW_OUTCOME_SMALL_FIX: return _("Tiny effort: do these straight after the quick wins, every little helps.");
    case KW_OUTCOME_LONG_TERM: return _("High impact that takes real effort: plan these for the longer term.");
    case KW_OUTCOME_FUTURE:    return _("Low impact for now: keep these on a list and assess them again later.");
    case KW_OUTCOME_DROP:      return _("Low impact for high effort: drop these.");
    case KW_OUTCOME_UNPLACED:  return _("Not yet placed on the matrix.");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
kw_outcome_get_singular_name (KwOutcome outcome)
{
  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN: return C_("outcome of one finding", "quick win");
    case KW_OUTCOME_SMALL_FIX: return C_("outcome of one finding", "small fix");
    case KW_OUTCOME_LONG_TERM: return C_("outcome of one finding", "long-term plan");
    case KW_OUTCOME_FUTURE:    return C_("outcome of one finding", "future list");
    case KW_OUTCOME_DROP:      return C_("outcome of one finding", "drop");
    case KW_OUTCOME_UNPLACED:  return C_("outcome of one finding", "not placed");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
kw_outcome_get_singular_title (KwOutcome outcome)
{
  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN: return C_("outcome of one finding, capitalised", "Quick win");
    case KW_OUTCOME_SMALL_FIX: return C_("outcome of one finding, capitalised", "Small fix");
    case KW_OUTCOME_LONG_TERM: return C_("outcome of one finding, capitalised", "Long-term plan");
    case KW_OUTCOME_FUTURE:    return C_("outcome of one finding, capitalised", "Future list");
    case KW_OUTCOME_DROP:      return C_("outcome of one finding, capitalised", "Drop");
    case KW_OUTCOME_UNPLACED:  return C_("outcome of one finding, capitalised", "Not placed");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* GNOME's palette: green, blue, purple, yellow and red tell the outcomes
 * apart also for most colour-blind readers because their lightness differs
 * too; the dark variants are lighter, to stand out on a dark background. */
static const char * const outcome_colors[KW_N_OUTCOMES][2] = {
  { "#26a269", "#57e389" },  /* quick-win: Green 5 / Green 2 */
  { "#1c71d8", "#62a0ea" },  /* small-fix: Blue 4 / Blue 2 */
  { "#813d9c", "#c061cb" },  /* long-term: Purple 4 / Purple 2 */
  { "#c88800", "#f8e45c" },  /* future: Yellow 5 / Yellow 2 */
  { "#c01c28", "#f66151" },  /* drop: Red 4 / Red 1 */
  { "#5e5c64", "#9a9996" },  /* unplaced: Dark 2 / Light 5 */
};

const char *
kw_outcome_get_color (KwOutcome outcome,
                      gboolean  dark)
{
  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, NULL);

  return outcome_colors[outcome][dark ? 1 : 0];
}

/* Darker shades of the same hues, behind white text (numbered badges, the
 * plan's item numbers, the spreadsheet's outcome cells) and as text on
 * white or on the zone's tint: each at 5:1 or more against white
 * (test-outcome computes it). The outcome colours above are too light for
 * white text: white on Green 5 reads at 3.3:1, on Yellow 5 at 3.0:1. */
static const char * const badge_colors[KW_N_OUTCOMES] = {
  "#1b714a",  /* quick win: Green 5, darker */
  "#1a5fb4",  /* small fix: Blue 5 */
  "#813d9c",  /* long-term: Purple 4, as it is */
  "#865b00",  /* future: Yellow 5, darkened to brown */
  "#a51d2d",  /* drop: Red 5 */
  "#5e5c64",  /* unplaced: Dark 2, as it is */
};

const char *
kw_outcome_get_badge_color (KwOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < KW_N_OUTCOMES, NULL);

  return badge_colors[outcome];
}
