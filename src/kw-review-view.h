/* kw-review-view.h: review mode on screen. One finding due for review at a
 * time, large enough for the back of the room, with its history over the
 * snapshots; single keys decide (K keep, P new position, D done, X drop,
 * R next review date, S or Right skip, Left back, Ctrl+Z undo, Escape
 * leaves); a summary at the end. Every state is announced to the screen
 * reader. The decisions are KwReview's (the core).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-review.h"

G_BEGIN_DECLS

#define KW_TYPE_REVIEW_VIEW (kw_review_view_get_type ())
G_DECLARE_FINAL_TYPE (KwReviewView, kw_review_view, KW, REVIEW_VIEW, AdwBin)

/* Signal "close": Escape or the summary's Close button; the window
 * leaves review mode. */

/* Shows review's current finding (or its summary), announces it and takes
 * the keyboard focus. NULL clears. */
void      kw_review_view_set_review (KwReviewView *self,
                                     KwReview     *review);
KwReview *kw_review_view_get_review (KwReviewView *self);

G_END_DECLS
