/* kw-estimates.h: what a room's estimates of one finding say together.
 *
 * In a workshop each participant scores a finding's impact and effort on
 * their own (or says "no idea"); the group's position is the median, and
 * how far apart the estimates lie is what the room talks about first. The
 * rules live here, once, for the matrix, the "Discuss first" list and the
 * exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One participant's estimate of one finding. */
typedef struct {
  gboolean known;   /* FALSE: "no idea" */
  double   impact;  /* 0..10 when known */
  double   effort;  /* 0..10 when known */
} KwEstimate;

/* What a finding's estimates say together. */
typedef struct {
  guint  n_estimates;    /* given, "no idea" included */
  guint  n_known;        /* with scores */
  double median_impact;  /* the group's position; 0 when n_known is 0 */
  double median_effort;
  /* How far apart: the interquartile range (Q3 - Q1, quartiles as
   * spreadsheets' QUARTILE.INC has them) from four known estimates on,
   * the full range (highest - lowest) below that; 0 for one. */
  double spread_impact;
  double spread_effort;
  /* Both spreads in one figure from 0 (all agree) to 10 (as far apart as
   * the scale allows on both axes): their root mean square. */
  double disagreement;
} KwEstimateSummary;

/* From four known estimates on, the spread is the interquartile range. */
#define KW_ESTIMATES_MIN_FOR_QUARTILES 4

/* Summarizes n estimates; FALSE (and a summary of zeros but the counts)
 * when none of them is known. */
gboolean kw_estimates_summarize (const KwEstimate  *estimates,
                                 guint              n,
                                 KwEstimateSummary *summary);

/* The q-quantile (0..1) of n sorted values, linear between the closest
 * ranks (QUARTILE.INC, R's type 7): 0.5 is the median. */
double   kw_estimates_quantile  (const double *sorted,
                                 guint         n,
                                 double        q);

/* What a facilitator types for one participant: "7 3" (impact, then
 * effort), "7,5 3", "7.5/3", or "?" for "no idea". Scores 0..10, kept in
 * tenths. FALSE for anything else. */
gboolean kw_estimate_parse      (const char   *text,
                                 KwEstimate   *estimate);

G_END_DECLS
