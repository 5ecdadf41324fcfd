/* kw-matrix-test.h: what the matrix's widget tests share (test-matrix,
 * test-matrix-card): waiting for the labels to be placed, where a card
 * lies, boards of many findings, and the check that no two labels
 * overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-board.h"
#include "kw-matrix.h"

G_BEGIN_DECLS

/* Iterates until the matrix is laid out again after a change: two frames
 * later, its placement current. probe (or NULL) is a finding whose label
 * must have been placed too, unless a crowd left it no room. */
void     kw_matrix_test_wait_for_layout      (KwMatrix        *matrix,
                                              KwFinding       *probe);
/* The shown card's bounds in the matrix's coordinates; FALSE when the
 * finding has no card or it is not shown. */
gboolean kw_matrix_test_card_bounds          (KwMatrix        *matrix,
                                              KwFinding       *finding,
                                              graphene_rect_t *bounds);
/* Fills the board with n findings at seeded random spots, titles of
 * workshop length (some long enough to wrap to three lines). */
void     kw_matrix_test_fill_board           (KwBoard         *board,
                                              guint            n,
                                              guint32          seed);
/* No two shown labels overlap, and every one lies inside the plot;
 * returns how many are shown. */
guint    kw_matrix_test_assert_labels_apart  (KwMatrix        *matrix);

G_END_DECLS
