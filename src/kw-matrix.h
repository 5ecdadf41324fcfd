/* kw-matrix.h: the impact/effort matrix, the heart of the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-board.h"
#include "kw-changes.h"
#include "kw-history.h"
#include "kw-outcome.h"
#include "kw-round.h"

G_BEGIN_DECLS

/* How findings are labelled (see kw-matrix-placement.h). */
typedef enum {
  KW_MATRIX_STYLE_AUTO,   /* titles while they fit, else numbers */
  KW_MATRIX_STYLE_CARDS,  /* each finding's title beside its marker */
  KW_MATRIX_STYLE_DOTS,   /* numbered badges and a legend of all */
} KwMatrixStyle;

#define KW_TYPE_MATRIX_STYLE (kw_matrix_style_get_type ())
GType kw_matrix_style_get_type (void) G_GNUC_CONST;

#define KW_TYPE_MATRIX (kw_matrix_get_type ())
G_DECLARE_FINAL_TYPE (KwMatrix, kw_matrix, KW, MATRIX, GtkWidget)

/* Properties:
 *   "board"          KwBoard*            the board shown
 *   "history"        KwHistory*          every change goes through it
 *   "selection"      GtkSelectionModel*  a GtkMultiSelection over the board,
 *                                        shared with the outcome lists
 *   "filter"         GtkFilter*          findings it does not match are dimmed
 *   "style"          KwMatrixStyle
 *   "snap"           gboolean            keep findings off the lines
 *   "presentation"   gboolean            text sized for the room, high contrast;
 *                                        keys 1 to 5 focus a zone, Tab and the
 *                                        arrows step through the findings
 *   "unplace-target" GtkWidget*          dropping dragged cards on it takes
 *                                        them off the matrix (the tray)
 *   "editable"       gboolean            FALSE: cards and lines stay where
 *                                        they are (no drags, drops, arrow
 *                                        keys or Delete); selecting still works
 *
 * Signals:
 *   "finding-activated" (KwFinding *finding)   Enter or double-click
 *   "delete-requested"                         Delete on a focused card
 */

GtkWidget         *kw_matrix_new                (void);

KwBoard           *kw_matrix_get_board          (KwMatrix          *self);
void               kw_matrix_set_board          (KwMatrix          *self,
                                                 KwBoard           *board);
KwHistory         *kw_matrix_get_history        (KwMatrix          *self);
void               kw_matrix_set_history        (KwMatrix          *self,
                                                 KwHistory         *history);
GtkSelectionModel *kw_matrix_get_selection      (KwMatrix          *self);
void               kw_matrix_set_selection      (KwMatrix          *self,
                                                 GtkSelectionModel *selection);
GtkFilter         *kw_matrix_get_filter         (KwMatrix          *self);
void               kw_matrix_set_filter         (KwMatrix          *self,
                                                 GtkFilter         *filter);
KwMatrixStyle      kw_matrix_get_style          (KwMatrix          *self);
void               kw_matrix_set_style          (KwMatrix          *self,
                                                 KwMatrixStyle      style);
gboolean           kw_matrix_get_snap           (KwMatrix          *self);
void               kw_matrix_set_snap           (KwMatrix          *self,
                                                 gboolean           snap);
/* Property "hide-done": done findings are not shown (nor read out). */
/* Marks each card again (overdue, due for review): the date turned. */
void               kw_matrix_refresh_follow_up  (KwMatrix          *self);
gboolean           kw_matrix_get_hide_done      (KwMatrix          *self);
void               kw_matrix_set_hide_done      (KwMatrix          *self,
                                                 gboolean           hide_done);
gboolean           kw_matrix_get_presentation   (KwMatrix          *self);
void               kw_matrix_set_presentation   (KwMatrix          *self,
                                                 gboolean           presentation);
gboolean           kw_matrix_get_editable       (KwMatrix          *self);
void               kw_matrix_set_editable       (KwMatrix          *self,
                                                 gboolean           editable);
GtkWidget         *kw_matrix_get_unplace_target (KwMatrix          *self);
void               kw_matrix_set_unplace_target (KwMatrix          *self,
                                                 GtkWidget         *target);

/* The card widget of a placed finding (NULL for an unplaced one), for
 * focus handling and tests. */
GtkWidget         *kw_matrix_get_card           (KwMatrix          *self,
                                                 KwFinding         *finding);
/* Gives keyboard focus to the finding's card. */
gboolean           kw_matrix_focus_finding      (KwMatrix          *self,
                                                 KwFinding         *finding);
/* Where a score lands in the widget, and back (for tests and drops). */
void               kw_matrix_score_to_point     (KwMatrix          *self,
                                                 double             impact,
                                                 double             effort,
                                                 double            *x,
                                                 double            *y);
gboolean           kw_matrix_point_to_score     (KwMatrix          *self,
                                                 double             x,
                                                 double             y,
                                                 double            *impact,
                                                 double            *effort);

/* The finding's number in the action plan (kw_plan_new()), as the
 * numbered badges show it; 1 for the first, 0 for an unplaced finding. */
guint              kw_matrix_get_number         (KwMatrix          *self,
                                                 KwFinding         *finding);

/* Whether the labels are numbered badges now (in "automatic" style, when
 * titles did not fit). */
gboolean           kw_matrix_get_shows_numbers  (KwMatrix          *self);
/* Whether the labels are placed for the board as it is now (during a drag,
 * where they are held still until the drop). A placement slower than a
 * frame waits for a pause in the changes, so after a change it may be a
 * while behind: tests wait for this, not for frames. */
gboolean           kw_matrix_get_placement_current (KwMatrix       *self);

/* Presentation: the zone in focus (KW_OUTCOME_UNPLACED for the whole
 * matrix), and the finding shown large beside it (NULL for none). */
KwOutcome          kw_matrix_get_zoom           (KwMatrix          *self);
KwFinding         *kw_matrix_get_current        (KwMatrix          *self);

/* Compared with a snapshot: the changes since (KwChanges, made by the
 * window's KwChangesPanel) drawn as faint earlier spots with arrows to
 * where findings are now and rings around new findings. NULL: none. */
KwChanges         *kw_matrix_get_changes        (KwMatrix          *self);
void               kw_matrix_set_changes        (KwMatrix          *self,
                                                 KwChanges         *changes);

/* The board as a snapshot had it (NULL: as it is now), named in a
 * caption; with animate the findings move there on the frame clock.
 * Nothing can be moved meanwhile. The presentation's Page Up and Page
 * Down step through the board's snapshots; leaving it returns to now. */
KwSnapshot        *kw_matrix_get_shown_snapshot (KwMatrix          *self);
void               kw_matrix_show_snapshot      (KwMatrix          *self,
                                                 KwSnapshot        *snapshot,
                                                 gboolean           animate);

/* A blind round (NULL: none; the window's). While it is open the current
 * finding shows who has given an estimate, never a value; revealed, every
 * finding's estimates appear around it, animated, with the spread as a
 * cross through the median. Property "round". */
KwRound           *kw_matrix_get_round          (KwMatrix          *self);
void               kw_matrix_set_round          (KwMatrix          *self,
                                                 KwRound           *round);
/* How phones join the vote (a KwVotePanel), shown in the presentation
 * under the current finding, above the countdown; NULL takes it away. */
void               kw_matrix_set_vote_panel     (KwMatrix          *self,
                                                 GtkWidget         *panel);
/* Property "show-spreads": the revealed estimates drawn on the matrix
 * (not while a round is open); a reveal turns it on. */
gboolean           kw_matrix_get_show_spreads   (KwMatrix          *self);
void               kw_matrix_set_show_spreads   (KwMatrix          *self,
                                                 gboolean           show_spreads);
/* Property "revealing": the reveal's animation is running. */
gboolean           kw_matrix_get_revealing      (KwMatrix          *self);

G_END_DECLS
