/* kw-window-round.c: a blind round, run from the window.
 *
 * Start Round covers the selected findings, or all of them when none is
 * selected. It needs no participants: they can join from their phones
 * (kw-window-voting.c) as well as be added by hand. The window owns the KwRound (the
 * matrix shows it, the estimates grid fills it) until Close Round; Reveal
 * puts its estimates on the board as one undo step. Next and Previous
 * move the round's current finding and select it. A countdown the
 * facilitator sets runs in the header bar and in the presentation's panel,
 * ending in "Time is up".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-round"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-window-private.h"

KwRound *
kw_window_get_round (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return self->round;
}

/* ---- The countdown in the header bar ------------------------------------ */

static void
update_countdown_label (KwWindow *self)
{
  g_autofree char *text = NULL;
  gboolean up;

  if (self->round != NULL)
    text = kw_round_format_time_left (self->round, g_get_monotonic_time ());
  gtk_widget_set_visible (self->countdown_label, text != NULL);
  if (text == NULL)
    return;

  up = kw_round_get_seconds_left (self->round, g_get_monotonic_time ()) == 0;
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->countdown_label)), text) == 0)
    return;

  gtk_label_set_text (GTK_LABEL (self->countdown_label), text);
  if (up)
    {
      gtk_widget_add_css_class (self->countdown_label, "time-up");
      kw_a11y_announce (GTK_WIDGET (self), text);
    }
  else
    gtk_widget_remove_css_class (self->countdown_label, "time-up");
}

static gboolean
countdown_tick_cb (gpointer user_data)
{
  KwWindow *self = user_data;

  update_countdown_label (self);
  if (self->round != NULL && kw_round_get_seconds_left (self->round, g_get_monotonic_time ()) > 0)
    return G_SOURCE_CONTINUE;

  self->countdown_id = 0;
  return G_SOURCE_REMOVE;
}

static void
follow_deadline (KwWindow *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  update_countdown_label (self);
  if (self->round != NULL && kw_round_get_seconds_left (self->round, g_get_monotonic_time ()) > 0)
    self->countdown_id = g_timeout_add (250, countdown_tick_cb, self);
}

/* ---- The round ---------------------------------------------------------- */

static void
round_current_cb (KwWindow *self)
{
  KwFinding *current = kw_round_get_current (self->round);

  if (current != NULL && current != kw_window_get_first_selected (self))
    kw_window_select_only (self, current);
}

/* Revealed, the round takes no more estimates: the phones' server stops. */
static void
round_state_cb (KwWindow *self)
{
  if (kw_round_get_state (self->round) != KW_ROUND_OPEN)
    kw_window_stop_voting (self);
  kw_window_update_actions (self);
}

static void
set_round (KwWindow *self,
           KwRound  *round)
{
  if (round != self->round)
    kw_window_stop_voting (self);
  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  g_set_object (&self->round, round);
  if (round != NULL)
    {
      g_signal_connect_swapped (round, "notify::current", G_CALLBACK (round_current_cb), self);
      g_signal_connect_swapped (round, "notify::state", G_CALLBACK (round_state_cb), self);
      g_signal_connect_swapped (round, "notify::deadline", G_CALLBACK (follow_deadline), self);
    }

  kw_matrix_set_round (self->matrix, round);
  follow_deadline (self);
  kw_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), kw_window_properties[PROP_ROUND]);
}

void
kw_window_start_round (KwWindow *self)
{
  KwBoard *board = kw_window_board (self);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(KwRound) round = NULL;

  if (kw_board_get_n_findings (board) == 0)
    return;

  findings = kw_window_collect_selected (self);
  round = kw_round_new (board, (KwFinding * const *) findings->pdata, findings->len);
  set_round (self, round);
  round_current_cb (self);
  kw_window_show_toast (self, _("Round started: estimates stay hidden until the reveal"));
}

void
kw_window_close_round (KwWindow *self)
{
  if (self->round == NULL)
    return;

  set_round (self, NULL);
}

/* A round is about one board: another one loaded ends it. The actions
 * follow the participants as they come and go (the estimates grid needs
 * them). */
static void
board_replaced_cb (KwWindow *self)
{
  KwParticipantList *participants = kw_board_get_participants (kw_window_board (self));

  if (self->round != NULL && kw_round_get_board (self->round) != kw_window_board (self))
    kw_window_close_round (self);

  if (self->participants != NULL)
    g_signal_handlers_disconnect_by_data (self->participants, self);
  g_set_object (&self->participants, participants);
  g_signal_connect_swapped (participants, "changed", G_CALLBACK (kw_window_update_actions), self);
  kw_window_update_actions (self);
}

/* ---- Setting the countdown ---------------------------------------------- */

typedef struct {
  KwWindow         *self;
  GtkSpinButton *minutes;
  GtkSpinButton *seconds;
} CountdownDialog;

static void
countdown_dialog_free (gpointer data)
{
  CountdownDialog *dialog = data;

  g_object_unref (dialog->self);
  g_free (dialog);
}

static void
countdown_response_cb (AdwMessageDialog *message_dialog,
                       const char       *response,
                       CountdownDialog  *dialog)
{
  KwRound *round = dialog->self->round;
  gint64 seconds;

  if (round == NULL || g_str_equal (response, "cancel"))
    return;

  if (g_str_equal (response, "clear"))
    {
      kw_round_set_deadline (round, 0);
      return;
    }

  seconds = 60 * gtk_spin_button_get_value_as_int (dialog->minutes) +
            gtk_spin_button_get_value_as_int (dialog->seconds);
  kw_round_set_deadline (round, seconds > 0 ? g_get_monotonic_time () + seconds * G_USEC_PER_SEC : 0);
}

static GtkSpinButton *
add_spin (GtkWidget  *grid,
          const char *title,
          int         row,
          double      max,
          double      value)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_hexpand (spin, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), spin, 1, row, 1, 1);
  /* Enter in either field starts the countdown (GTK 4.8's spin button
   * has no activates-default of its own: its text does). */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (spin))), TRUE);

  return GTK_SPIN_BUTTON (spin);
}

void
kw_window_ask_countdown (KwWindow *self)
{
  AdwMessageDialog *message_dialog;
  CountdownDialog *dialog;
  GtkWidget *grid;
  guint left;

  if (self->round == NULL)
    return;

  left = kw_round_get_seconds_left (self->round, g_get_monotonic_time ());
  message_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Set Countdown"),
                                                               _("The time the room has for this round.")));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  dialog = g_new0 (CountdownDialog, 1);
  dialog->self = g_object_ref (self);
  /* Two minutes unless one runs already. */
  dialog->minutes = add_spin (grid, _("_Minutes"), 0, 99, left > 0 ? left / 60 : 2);
  dialog->seconds = add_spin (grid, _("_Seconds"), 1, 59, left > 0 ? left % 60 : 0);
  adw_message_dialog_set_extra_child (message_dialog, grid);

  adw_message_dialog_add_responses (message_dialog,
                                    "cancel", _("_Cancel"),
                                    "clear", _("_No Countdown"),
                                    "set", _("_Start Countdown"),
                                    NULL);
  adw_message_dialog_set_response_appearance (message_dialog, "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message_dialog, "set");
  adw_message_dialog_set_close_response (message_dialog, "cancel");
  g_signal_connect_data (message_dialog, "response", G_CALLBACK (countdown_response_cb),
                         dialog, (GClosureNotify) (void (*) (void)) countdown_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (message_dialog));
  gtk_widget_grab_focus (GTK_WIDGET (dialog->minutes));
}

/* ---- Actions ------------------------------------------------------------ */

static void
start_round_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kw_window_start_round (KW_WINDOW (widget));
}

static void
reveal_round_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  guint revealed;
  g_autofree char *text = NULL;

  if (self->round == NULL)
    return;

  revealed = kw_round_reveal (self->round, kw_window_history (self));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u estimate revealed", "%u estimates revealed", revealed),
                          revealed);
  kw_a11y_announce (widget, text);
}

static void
close_round_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kw_window_close_round (KW_WINDOW (widget));
}

static void
step_round (KwWindow *self,
            int       direction)
{
  if (self->round == NULL)
    return;

  kw_round_step_current (self->round, direction);
  /* At either end the current finding stays, selected all the same. */
  round_current_cb (self);
}

static void
next_in_round_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  step_round (KW_WINDOW (widget), 1);
}

static void
previous_in_round_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  step_round (KW_WINDOW (widget), -1);
}

static void
round_countdown_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  kw_window_ask_countdown (KW_WINDOW (widget));
}

void
kw_window_class_add_round_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start-round", NULL, start_round_action_cb);
  gtk_widget_class_install_action (widget_class, "win.reveal-round", NULL, reveal_round_action_cb);
  gtk_widget_class_install_action (widget_class, "win.close-round", NULL, close_round_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-in-round", NULL, next_in_round_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-in-round", NULL, previous_in_round_action_cb);
  gtk_widget_class_install_action (widget_class, "win.round-countdown", NULL, round_countdown_action_cb);
  kw_window_class_add_voting_actions (widget_class);
}

void
kw_window_update_round_actions (KwWindow *self,
                                gboolean  editable)
{
  GtkWidget *widget = GTK_WIDGET (self);
  KwBoard *board = kw_window_board (self);
  gboolean has_round = self->round != NULL;
  gboolean open = has_round && kw_round_get_state (self->round) == KW_ROUND_OPEN;
  gboolean can_start = editable && self->started && !self->reviewing && !has_round &&
                       kw_board_get_n_findings (board) > 0;

  gtk_widget_action_set_enabled (widget, "win.start-round", can_start);
  gtk_widget_action_set_enabled (widget, "win.reveal-round", editable && open);
  gtk_widget_action_set_enabled (widget, "win.close-round", has_round);
  gtk_widget_action_set_enabled (widget, "win.next-in-round", has_round);
  gtk_widget_action_set_enabled (widget, "win.previous-in-round", has_round);
  gtk_widget_action_set_enabled (widget, "win.round-countdown", open);
  kw_window_update_voting_actions (self, editable);
}

void
kw_window_setup_round (KwWindow *self)
{
  g_autoptr(GPropertyAction) show_estimates = g_property_action_new ("show-estimates", self->matrix, "show-spreads");

  /* The revealed estimates on the matrix, a view option (View menu). */
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_estimates));

  self->countdown_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->countdown_label, "kw-countdown");
  gtk_widget_add_css_class (self->countdown_label, "numeric");
  gtk_widget_set_visible (self->countdown_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Time left in the round"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header_bar), self->countdown_label);

  kw_window_setup_voting (self);
  g_signal_connect_object (self->document, "notify::board", G_CALLBACK (board_replaced_cb), self, G_CONNECT_SWAPPED);
  board_replaced_cb (self);
}

void
kw_window_dispose_round (KwWindow *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  kw_window_dispose_voting (self);
  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  g_clear_object (&self->round);
  if (self->participants != NULL)
    g_signal_handlers_disconnect_by_data (self->participants, self);
  g_clear_object (&self->participants);
}
