/* kw-window-follow-up.c: telling the facilitator, once, that a finding
 * got a review date. The history gives it (a finding that lands on the
 * future list or the small fixes, kw-follow-up.h); the window shows a
 * notification with "Change", which opens the finding's review date in
 * the details, and a screen reader hears the same words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-follow-up"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-plan-row.h"
#include "kw-window-private.h"

/* One step (a drag of several cards, an import, a moved line) may give
 * many findings their date: they are told together once it is over. */
static gboolean
show_review_toast_cb (gpointer data)
{
  KwWindow *self = data;
  g_autoptr(GPtrArray) findings = g_steal_pointer (&self->review_given);
  KwFinding *first;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  self->review_toast_id = 0;
  if (findings == NULL || findings->len == 0)
    return G_SOURCE_REMOVE;

  first = findings->pdata[0];
  date = kw_plan_format_date (kw_finding_get_review_date (first));
  if (date == NULL)
    return G_SOURCE_REMOVE;

  if (findings->len == 1)
    /* Translators: a finding just got a review date, e.g. "“Callback
     * queue” will be reviewed on 4 March 2027". */
    message = g_strdup_printf (_("“%s” will be reviewed on %s"), kw_finding_get_title (first), date);
  else
    message = g_strdup_printf (ngettext ("%u finding will be reviewed on %s",
                                         "%u findings will be reviewed on %s", findings->len),
                               findings->len, date);

  /* An AdwToast title is markup: a finding may be called "Q&A". */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  if (findings->len == 1 && !kw_document_get_read_only (self->document))
    {
      adw_toast_set_button_label (toast, _("_Change"));
      adw_toast_set_action_name (toast, "win.change-review-date");
      adw_toast_set_action_target_value (toast, g_variant_new_string (kw_finding_get_id (first)));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  kw_a11y_announce (GTK_WIDGET (self), message);

  return G_SOURCE_REMOVE;
}

static void
review_date_given_cb (KwWindow  *self,
                      KwFinding *finding,
                      KwHistory *history)
{
  if (self->review_given == NULL)
    self->review_given = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->review_given, g_object_ref (finding));

  if (self->review_toast_id == 0)
    self->review_toast_id = g_idle_add (show_review_toast_cb, self);
}

void
kw_window_follow_review_dates (KwWindow *self)
{
  g_signal_connect_object (kw_window_history (self), "review-date-given",
                           G_CALLBACK (review_date_given_cb), self, G_CONNECT_SWAPPED);
}

void
kw_window_forget_review_dates (KwWindow *self)
{
  g_clear_handle_id (&self->review_toast_id, g_source_remove);
  g_clear_pointer (&self->review_given, g_ptr_array_unref);
}

/* "Change" on the notification: that finding, selected, its review date
 * focused in the details. */
void
kw_window_change_review_date_action_cb (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  KwFinding *finding = kw_board_lookup_finding (kw_window_board (self), g_variant_get_string (parameter, NULL));
  KwDetailsPanel *panel;

  if (finding == NULL)
    return;

  kw_window_set_presenting (self, FALSE);
  kw_window_select_only (self, finding);
  panel = kw_window_ensure_details_panel (self);
  kw_details_panel_set_finding (panel, finding);
  kw_window_show_details (self, "finding", FALSE);
  kw_details_panel_focus_review_date (panel);
}
