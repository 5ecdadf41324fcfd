/* kw-changes-scenario.h: one scripted board and what happens on it after
 * a snapshot (every kind of change, ties on the lines, a move too small to
 * list, a rename), shared by test-changes, which compares in the core,
 * and make-changes-board, which writes the board file test-changes-cli
 * runs `kwadrant --changes` on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-changes.h"

G_BEGIN_DECLS

/* Twelve findings on the default lines. */
KwBoard *kw_changes_scenario_new_board (void);
/* What happens after the snapshot. */
void     kw_changes_scenario_edit      (KwBoard *board);

/* The changes between the two, as kw_change_format_line() gives them, in
 * order. */
extern const char * const kw_changes_scenario_lines[];
extern const guint        kw_changes_scenario_n_lines;

G_END_DECLS
