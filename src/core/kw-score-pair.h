/* kw-score-pair.h: reading an impact and an effort typed as one text,
 * "8 2,5" or "8;2.5", as the keyboard placement takes them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KW_SCORE_PAIR_ERROR (kw_score_pair_error_quark ())

typedef enum
{
  KW_SCORE_PAIR_ERROR_COUNT,     /* not exactly two numbers */
  KW_SCORE_PAIR_ERROR_NUMBER,    /* a part that is not a number */
  KW_SCORE_PAIR_ERROR_DECIMALS,  /* more than one decimal */
  KW_SCORE_PAIR_ERROR_RANGE,     /* outside 0..10 */
} KwScorePairError;

GQuark   kw_score_pair_error_quark (void);

/* Impact first, then effort, separated by spaces or one semicolon; each
 * a number from 0 to 10 with at most one decimal, after a point or a
 * comma. On error nothing is written to impact or effort and the message
 * says what to type instead. */
gboolean kw_score_pair_parse       (const char  *text,
                                    double      *impact,
                                    double      *effort,
                                    GError     **error);

G_END_DECLS
