/* kw-tray.h: the quick-add entry and the tray of unplaced findings beside
 * the matrix. Typing a title and pressing Enter adds a finding to the
 * tray; pasting several lines adds one finding per line. Rows are dragged
 * onto the matrix to place them, and cards dropped on the tray are taken
 * off the matrix (the tray is the matrix's "unplace-target").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-history.h"

G_BEGIN_DECLS

#define KW_TYPE_TRAY (kw_tray_get_type ())
G_DECLARE_FINAL_TYPE (KwTray, kw_tray, KW, TRAY, GtkWidget)

/* Properties:
 *   "editable"  gboolean  FALSE: no quick-add, no drags onto the matrix
 *
 * Signals:
 *   "finding-activated" (KwFinding *finding)   Enter or double-click on a row
 */

GtkWidget   *kw_tray_new           (void);
/* Adding goes through the history, onto its board. */
void         kw_tray_set_history   (KwTray            *self,
                                    KwHistory         *history);
/* A selection model of KwPlanItem: the unplaced findings to show. */
void         kw_tray_set_model     (KwTray            *self,
                                    GtkSelectionModel *model);
gboolean     kw_tray_get_editable  (KwTray            *self);
void         kw_tray_set_editable  (KwTray            *self,
                                    gboolean           editable);
GtkEditable *kw_tray_get_entry     (KwTray            *self);
GtkWidget   *kw_tray_get_list      (KwTray            *self);
/* Adds one finding per non-empty line of text, as one undo step;
 * returns how many were added. */
guint        kw_tray_add_findings  (KwTray            *self,
                                    const char        *text);

G_END_DECLS
