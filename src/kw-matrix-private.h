/* kw-matrix-private.h: the pointer entry points of KwMatrix, for tests.
 *
 * The matrix's gestures call exactly these, so a test that drives them
 * drives the same code as a real pointer, without synthesising events
 * (which GTK 4 does not support).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-matrix.h"

G_BEGIN_DECLS

/* x and y in the matrix's coordinates; offsets relative to the press. */
void     kw_matrix_pointer_press   (KwMatrix        *self,
                                    double           x,
                                    double           y,
                                    GdkModifierType  state);
void     kw_matrix_pointer_motion  (KwMatrix        *self,
                                    double           offset_x,
                                    double           offset_y);
void     kw_matrix_pointer_release (KwMatrix        *self,
                                    double           offset_x,
                                    double           offset_y);
void     kw_matrix_pointer_cancel  (KwMatrix        *self);

/* What a key press on the matrix does (the key controller calls it):
 * TRUE when the matrix handled it. */
gboolean kw_matrix_handle_key      (KwMatrix        *self,
                                    guint            keyval,
                                    GdkModifierType  state);

/* The text of the outcome badge shown during a drag; NULL when hidden. */
const char *kw_matrix_get_drag_badge_text (KwMatrix *self);

G_END_DECLS
