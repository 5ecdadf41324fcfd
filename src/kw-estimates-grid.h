/* kw-estimates-grid.h: the facilitator's grid for typing in the room's
 * estimates, findings down and participants across.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-history.h"
#include "kw-round.h"

G_BEGIN_DECLS

#define KW_TYPE_ESTIMATES_GRID (kw_estimates_grid_get_type ())
G_DECLARE_FINAL_TYPE (KwEstimatesGrid, kw_estimates_grid, KW, ESTIMATES_GRID, GtkWidget)

KwEstimatesGrid *kw_estimates_grid_new            (void);

/* The history's board is the one shown; every commit is one undo step. */
KwHistory       *kw_estimates_grid_get_history    (KwEstimatesGrid *self);
void             kw_estimates_grid_set_history    (KwEstimatesGrid *self,
                                                   KwHistory       *history);

/* Property "round": while it is open, what is typed for a finding it
 * covers goes to the round, and the cell shows only that an estimate was
 * given. NULL: straight onto the board. */
KwRound         *kw_estimates_grid_get_round      (KwEstimatesGrid *self);
void             kw_estimates_grid_set_round      (KwEstimatesGrid *self,
                                                   KwRound         *round);

/* The cell being typed in: the board's finding and participant positions.
 * FALSE without one (no findings or no participants). */
gboolean         kw_estimates_grid_get_cursor     (KwEstimatesGrid *self,
                                                   guint           *finding,
                                                   guint           *participant);
void             kw_estimates_grid_set_cursor     (KwEstimatesGrid *self,
                                                   guint            finding,
                                                   guint            participant);
/* The entry that edits the current cell (where the keyboard goes). */
GtkWidget       *kw_estimates_grid_get_entry      (KwEstimatesGrid *self);
void             kw_estimates_grid_focus          (KwEstimatesGrid *self);

/* What a cell shows, and what a screen reader says of it. */
char            *kw_estimates_grid_dup_cell_text  (KwEstimatesGrid *self,
                                                   KwFinding       *finding,
                                                   KwParticipant   *participant);
char            *kw_estimates_grid_dup_cell_label (KwEstimatesGrid *self,
                                                   KwFinding       *finding,
                                                   KwParticipant   *participant);
/* Each cell widget keeps its accessible label (kw_estimates_grid_dup_cell_label())
 * under this key too: GTK 4.8 cannot read it back. */
#define KW_ESTIMATES_GRID_LABEL_KEY "kw-estimates-grid-label"

/* The error shown for the last value that did not parse, or NULL. */
const char      *kw_estimates_grid_get_error      (KwEstimatesGrid *self);

G_END_DECLS
