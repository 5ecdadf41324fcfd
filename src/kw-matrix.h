/* kw-matrix.h: the impact/effort matrix, the heart of the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-board.h"
#include "kw-history.h"

G_BEGIN_DECLS

typedef enum {
  KW_MATRIX_STYLE_CARDS,  /* a card with the title at each finding */
  KW_MATRIX_STYLE_DOTS,   /* numbered dots, for dense boards */
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
 *   "presentation"   gboolean            larger text, for the projector
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

/* The finding's number in the action plan's order (outcomes in KwOutcome
 * order, each in kw_board_collect_outcome() order), as the dots style
 * shows it; 1 for the first, 0 for an unplaced finding. The dots style
 * draws its own numbered legend beside the plot. */
guint              kw_matrix_get_number         (KwMatrix          *self,
                                                 KwFinding         *finding);

G_END_DECLS
