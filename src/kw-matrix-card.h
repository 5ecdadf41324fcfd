/* kw-matrix-card.h: the label of one finding on the matrix: its title
 * wrapped as the placement wrapped it, or its number in a badge. The
 * matrix places it and draws its marker; the card shows the text, and is
 * what a screen reader and the keyboard reach (named by the whole title).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-finding.h"
#include "kw-outcome.h"

G_BEGIN_DECLS

#define KW_TYPE_MATRIX_CARD (kw_matrix_card_get_type ())
G_DECLARE_FINAL_TYPE (KwMatrixCard, kw_matrix_card, KW, MATRIX_CARD, GtkWidget)

GtkWidget *kw_matrix_card_new               (KwFinding    *finding);
KwFinding *kw_matrix_card_get_finding       (KwMatrixCard *self);

/* 0 shows the title's lines; any other number shows a numbered badge. */
void       kw_matrix_card_set_number        (KwMatrixCard *self,
                                             guint         number);
guint      kw_matrix_card_get_number        (KwMatrixCard *self);
/* The lines to show (NULL-terminated) and their text size, in pixels. */
void       kw_matrix_card_set_text          (KwMatrixCard       *self,
                                             const char * const *lines,
                                             double              text_size);

void       kw_matrix_card_set_selected      (KwMatrixCard *self,
                                             gboolean      selected);
gboolean   kw_matrix_card_get_selected      (KwMatrixCard *self);
void       kw_matrix_card_set_dimmed        (KwMatrixCard *self,
                                             gboolean      dimmed);
void       kw_matrix_card_set_dragging      (KwMatrixCard *self,
                                             gboolean      dragging);
gboolean   kw_matrix_card_get_dragging      (KwMatrixCard *self);

/* Changes every time GTK draws the card anew (its state, style or text
 * changed); 0 before the first time. */
guint64    kw_matrix_card_get_draw_serial   (KwMatrixCard *self);

/* Refreshes the description a screen reader gives ("Impact 7.5, effort
 * 2.0, quick win") and the outcome style class. */
void       kw_matrix_card_update_position   (KwMatrixCard *self,
                                             KwOutcome     outcome);

/* The position to show while a drag moves the card smoothly between the
 * tenths the model stores; cleared when the drag ends. */
void       kw_matrix_card_set_drag_position (KwMatrixCard *self,
                                             gboolean      active,
                                             double        impact,
                                             double        effort);
/* The position to show for another moment of the board (a snapshot in
 * the presentation): placed FALSE hides the card; a drag still wins. */
void       kw_matrix_card_set_state_position (KwMatrixCard *self,
                                              gboolean      active,
                                              gboolean      placed,
                                              double        impact,
                                              double        effort);
gboolean   kw_matrix_card_get_shown_position (KwMatrixCard *self,
                                             double       *impact,
                                             double       *effort);

/* How far the finding has been followed through, shown on its label
 * (kw-follow-up.h has the rules): a mark before the title and a style
 * class each ("done": muted, "overdue" and "review": outlined), and
 * said in its accessible description. */
typedef enum {
  KW_MATRIX_CARD_DONE    = 1 << 0,
  KW_MATRIX_CARD_OVERDUE = 1 << 1,
  KW_MATRIX_CARD_REVIEW  = 1 << 2,  /* due for review */
} KwMatrixCardMarks;

/* TRUE when the marks changed (the label's text, so its size, did). */
gboolean   kw_matrix_card_set_marks         (KwMatrixCard      *self,
                                             KwMatrixCardMarks  marks);
KwMatrixCardMarks kw_matrix_card_get_marks  (KwMatrixCard      *self);
/* What the label says: the marks' symbols, then the title. The placement
 * measures and wraps this, so the marks take room no other label
 * overlaps. Free with g_free(). */
char      *kw_matrix_card_dup_label_text    (KwMatrixCard      *self);

/* Black or white, whichever reads better on fill (WCAG contrast). */
GdkRGBA    kw_matrix_card_ink_for           (const GdkRGBA *fill);

G_END_DECLS
