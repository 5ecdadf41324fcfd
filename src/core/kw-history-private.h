/* kw-history-private.h: for the parts of KwHistory kept in files of their
 * own (kw-history-estimates.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-history.h"

G_BEGIN_DECLS

/* Sets the board to the state before (forward FALSE) or after a change. */
typedef void (*KwHistoryApplyFunc) (gpointer  data,
                                    KwBoard  *board,
                                    gboolean  forward);

/* Records a change already made to the board: a step of its own named
 * label, or part of the open group. Takes data; destroy frees it with the
 * step. */
void _kw_history_push_custom (KwHistory          *self,
                              const char         *label,
                              KwHistoryApplyFunc  apply,
                              gpointer            data,
                              GDestroyNotify      destroy);

G_END_DECLS
