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
#include "kw-follow-up.h"
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

/* ---- The date turning -------------------------------------------------------
 *
 * Overdue actions and findings due for review are so as of today. A window
 * left open overnight, or a laptop woken the next morning (a timer does not
 * run while it sleeps), looks again: at midnight, and whenever the window
 * becomes active on another day than the one it last looked on. */

static void schedule_day_change (KwWindow *self);

static void
look_at_date (KwWindow *self)
{
  g_autofree char *today = kw_follow_up_today_iso (NULL);

  if (g_strcmp0 (today, self->follow_up_day) == 0)
    return;

  g_free (self->follow_up_day);
  self->follow_up_day = g_steal_pointer (&today);
  kw_matrix_refresh_follow_up (self->matrix);
  kw_plan_model_refresh (self->plan);
}

static gboolean
day_changed_cb (gpointer user_data)
{
  KwWindow *self = user_data;

  self->day_change_id = 0;
  look_at_date (self);
  schedule_day_change (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_day_change (KwWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);
  GTimeSpan wait = g_date_time_difference (next, now);

  g_clear_handle_id (&self->day_change_id, g_source_remove);
  /* A second late rather than early: the date has turned by then. */
  self->day_change_id = g_timeout_add_seconds ((guint) (wait / G_USEC_PER_SEC) + 1, day_changed_cb, self);
}

static void
active_changed_cb (KwWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    look_at_date (self);
}

void
kw_window_watch_date (KwWindow *self)
{
  self->follow_up_day = kw_follow_up_today_iso (NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  schedule_day_change (self);
}

void
kw_window_forget_date (KwWindow *self)
{
  g_clear_handle_id (&self->day_change_id, g_source_remove);
  g_clear_pointer (&self->follow_up_day, g_free);
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
