/* kw-estimates-grid-private.h: what the files of KwEstimatesGrid share.
 *
 * kw-estimates-grid.c builds the grid (columns, cells, the cursor, the
 * board and the round it follows); kw-estimates-grid-keys.c handles the
 * keys typed into its entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-estimates-grid.h"

G_BEGIN_DECLS

struct _KwEstimatesGrid
{
  GtkWidget          parent_instance;

  /* Template children */
  GtkWidget         *editor_box;
  GtkLabel          *cursor_label;
  GtkEntry          *entry;
  GtkLabel          *error_label;
  GtkScrolledWindow *scroller;
  GtkColumnView     *column_view;

  GtkWidget         *announcer;
  KwHistory         *history;
  KwBoard           *board;
  KwRound           *round;
  /* The labels bound to a finding now, to refresh when it changes. */
  GHashTable        *bound;
  guint              cursor_finding;
  guint              cursor_participant;
  char              *error;
};

/* kw-estimates-grid.c */
gboolean kw_estimates_grid_round_hides     (KwEstimatesGrid  *self,
                                            KwFinding        *finding);
gboolean kw_estimates_grid_get_cursor_cell (KwEstimatesGrid  *self,
                                            KwFinding       **finding,
                                            KwParticipant   **participant);
/* Shows (and says) error beside the entry, NULL clears it. */
void     kw_estimates_grid_set_error       (KwEstimatesGrid  *self,
                                            const char       *error);
/* By delta cells along the participants, on to the next finding. */
void     kw_estimates_grid_move            (KwEstimatesGrid  *self,
                                            int               delta);
/* By delta findings, the same participant. */
void     kw_estimates_grid_move_down       (KwEstimatesGrid  *self,
                                            int               delta);

/* kw-estimates-grid-keys.c */
gboolean kw_estimates_grid_key_pressed_cb  (GtkEventControllerKey *controller,
                                            guint                  keyval,
                                            guint                  keycode,
                                            GdkModifierType        state,
                                            KwEstimatesGrid       *self);

G_END_DECLS
