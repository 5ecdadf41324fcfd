/* kw-estimates-board.h: one board with four participants and their
 * estimates, worked out by hand (medians, spreads, who lies furthest
 * apart and the order of disagreement), shared by test-plan-estimates and
 * test-export-csv, which check the exports in the core, and
 * make-estimates-board, which writes it for the tests that run
 * `kwadrant --export-…` on it and read the exports with readers nobody
 * here wrote (pdftotext, openpyxl, Chromium).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-board.h"

G_BEGIN_DECLS

/* Four participants: Anna, Bram, <b>&" (a name that needs escaping in
 * HTML and quoting in CSV) and Dirk, in that order; ten findings on the
 * default lines, with ids f-1 … f-10 in the board's order. The plan
 * numbers them (the values are in kw-estimates-board.c):
 *
 * no. id    title               outcome    estimates             disagreement
 *  1  f-1   Callback queue      quick win  4, 1 of them no idea  4.0
 *  2  f-5   All agree           quick win  3, all the same       0
 *  3  f-2   Clearer letters     small fix  4 (quartiles)         3.0
 *  4  f-4   New telephony       long-term  2                     √2
 *  5  f-9   Slight doubt        future     2                     √½
 *  6  f-3   Shorter hold music  future     2                     √2
 *  7  f-6   One known           drop       1 known, 1 no idea    -
 *  8  f-10  Tiny doubt          drop       2                     √⅛ (sixth: left out)
 *  9  f-7   Nobody estimated    unplaced   none                  -
 * 10  f-8   Nobody knows        unplaced   2, both no idea       -
 *
 * so "Where we disagreed" lists 1, 3, 4, 6, 5 (4 and 6 are equal: the
 * plan's order, though 6 comes first on the board). */
KwBoard *kw_estimates_board_new (void);

/* The name that needs escaping. */
#define KW_ESTIMATES_BOARD_AWKWARD_NAME "<b>&\""

G_END_DECLS
