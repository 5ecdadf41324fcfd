/* kw-estimates-window.h: the window where the facilitator types in the
 * room's estimates (the grid) and sees what to discuss first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-discuss-list.h"
#include "kw-estimates-grid.h"

G_BEGIN_DECLS

#define KW_TYPE_ESTIMATES_WINDOW (kw_estimates_window_get_type ())
G_DECLARE_FINAL_TYPE (KwEstimatesWindow, kw_estimates_window, KW, ESTIMATES_WINDOW, AdwWindow)

KwEstimatesWindow *kw_estimates_window_new              (GtkWindow         *parent);
/* Property "history": the board's history; its board is shown. */
KwHistory         *kw_estimates_window_get_history      (KwEstimatesWindow *self);
void               kw_estimates_window_set_history      (KwEstimatesWindow *self,
                                                         KwHistory         *history);
KwEstimatesGrid   *kw_estimates_window_get_grid         (KwEstimatesWindow *self);
KwDiscussList     *kw_estimates_window_get_discuss_list (KwEstimatesWindow *self);
/* "grid" or "discuss", with the keyboard in it. */
void               kw_estimates_window_show_page        (KwEstimatesWindow *self,
                                                         const char        *page);

G_END_DECLS
