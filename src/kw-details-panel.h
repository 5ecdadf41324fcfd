/* kw-details-panel.h: edits every field of one finding, and the board's
 * own details and lines. Every edit goes through the history; changes
 * made elsewhere (a drag, an undo) show here at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kw-history.h"

G_BEGIN_DECLS

#define KW_TYPE_DETAILS_PANEL (kw_details_panel_get_type ())
G_DECLARE_FINAL_TYPE (KwDetailsPanel, kw_details_panel, KW, DETAILS_PANEL, GtkWidget)

GtkWidget *kw_details_panel_new          (void);
/* The board edited is the history's. */
void       kw_details_panel_set_history  (KwDetailsPanel *self,
                                          KwHistory      *history);
/* NULL shows a hint to select a finding. */
void       kw_details_panel_set_finding  (KwDetailsPanel *self,
                                          KwFinding      *finding);
KwFinding *kw_details_panel_get_finding  (KwDetailsPanel *self);
/* "editable" (default TRUE): FALSE shows every field read-only. */
gboolean   kw_details_panel_get_editable (KwDetailsPanel *self);
void       kw_details_panel_set_editable (KwDetailsPanel *self,
                                          gboolean        editable);
/* "finding" or "board". */
void       kw_details_panel_show_page    (KwDetailsPanel *self,
                                          const char     *name);
/* Focuses the first field of the page shown. */
void       kw_details_panel_focus_first  (KwDetailsPanel *self);
/* Shows the finding's page and focuses its review date. */
void       kw_details_panel_focus_review_date (KwDetailsPanel *self);

/* "Use the group's median" for the finding (tests). */
GtkWidget      *kw_details_panel_get_median_button (KwDetailsPanel *self);

G_END_DECLS
