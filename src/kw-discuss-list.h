/* kw-discuss-list.h: "Discuss first": the findings the room disagrees on
 * most, highest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-board.h"

G_BEGIN_DECLS

#define KW_TYPE_DISCUSS_LIST (kw_discuss_list_get_type ())
G_DECLARE_FINAL_TYPE (KwDiscussList, kw_discuss_list, KW, DISCUSS_LIST, GtkWidget)

/* Signal "finding-activated" (KwFinding *finding): a row was activated. */
KwDiscussList *kw_discuss_list_new          (void);
KwBoard       *kw_discuss_list_get_board    (KwDiscussList *self);
void           kw_discuss_list_set_board    (KwDiscussList *self,
                                             KwBoard       *board);
/* The findings in the order the list shows them, now (it follows the
 * board's changes in an idle; this brings it up to date first). */
GPtrArray     *kw_discuss_list_dup_findings (KwDiscussList *self);
GtkListBox    *kw_discuss_list_get_list     (KwDiscussList *self);

/* The one ranking rule: findings with at least two known estimates, the
 * highest disagreement first, then in the board's order. */
GPtrArray     *kw_discuss_rank_findings     (KwBoard       *board);

G_END_DECLS
