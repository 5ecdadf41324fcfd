/* kw-window-review.c: review mode in the window. "Review Due Findings"
 * (Ctrl+R, the main menu) puts the findings due for review on the whole
 * window, one at a time (KwReviewView over a KwReview); Escape or Close
 * comes back to the board. While reviewing, the window's own undo, adding
 * and presenting are off: the review's keys decide, and Ctrl+Z undoes the
 * review's steps one by one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-review"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-follow-up.h"
#include "kw-review-view.h"
#include "kw-window-private.h"

static void
set_reviewing (KwWindow *self,
               gboolean  reviewing)
{
  self->reviewing = !!reviewing;

  /* The review takes the whole window: on a projector every pixel counts. */
  gtk_widget_set_visible (self->header_bar, !self->reviewing);
  kw_window_update_page (self);
}

void
kw_window_start_review (KwWindow *self)
{
  g_autofree char *today = NULL;
  g_autoptr(KwReview) review = NULL;

  if (self->reviewing || !self->started || kw_document_get_loading (self->document) ||
      kw_document_get_read_only (self->document))
    return;

  kw_window_set_presenting (self, FALSE);
  today = kw_follow_up_today_iso (NULL);
  review = kw_review_new (kw_window_history (self), today);
  if (kw_review_get_n_findings (review) == 0)
    {
      const char *message = _("No finding is due for review");

      kw_window_show_toast (self, message);
      kw_a11y_announce (GTK_WIDGET (self), message);
      return;
    }

  set_reviewing (self, TRUE);
  kw_review_view_set_review (self->review_view, review);
}

/* A board opened with findings due for review says so, with the way in:
 * the facilitator of the next workshop may not know Ctrl+R. */
void
kw_window_offer_review (KwWindow *self)
{
  g_autofree char *today = NULL;
  g_autofree char *message = NULL;
  g_autoptr(KwReview) review = NULL;
  AdwToast *toast;
  guint n_due;

  if (self->reviewing || kw_document_get_read_only (self->document))
    return;

  today = kw_follow_up_today_iso (NULL);
  review = kw_review_new (kw_window_history (self), today);
  n_due = kw_review_get_n_findings (review);
  if (n_due == 0)
    return;

  message = g_strdup_printf (ngettext ("%u finding is due for review",
                                       "%u findings are due for review", n_due), n_due);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Review"));
  adw_toast_set_action_name (toast, "win.review");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  kw_a11y_announce (GTK_WIDGET (self), message);
}

void
kw_window_leave_review (KwWindow *self)
{
  if (!self->reviewing)
    return;

  kw_review_view_set_review (self->review_view, NULL);
  set_reviewing (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix));
  kw_a11y_announce (GTK_WIDGET (self), _("Review mode left"));
}

static void
review_close_cb (KwWindow     *self,
                 KwReviewView *view)
{
  kw_window_leave_review (self);
}

void
kw_window_setup_review (KwWindow *self)
{
  g_signal_connect_object (self->review_view, "close", G_CALLBACK (review_close_cb), self, G_CONNECT_SWAPPED);
}

void
kw_window_review_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  kw_window_start_review (KW_WINDOW (widget));
}
