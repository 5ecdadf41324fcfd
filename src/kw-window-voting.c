/* kw-window-voting.c: voting from phones during a blind round.
 *
 * Start Voting serves the open round to the room's phones (KwVoteServer)
 * until the round closes, is revealed, or the window goes: nothing
 * listens when no round is open. While it runs, a button in the header
 * bar opens the QR code, the address and who has joined, and the
 * presentation shows the same beside the current finding. The phones'
 * estimates go into the round as the facilitator's grid's do, hidden
 * until the reveal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-voting"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-message-dialog.h"
#include "kw-vote-panel.h"
#include "kw-window-private.h"

/* Tried first, so the address people type stays the same from one
 * workshop to the next; any free port when it is taken. */
#define PREFERRED_PORT 8421

KwVoteServer *
kw_window_get_vote_server (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);
  return self->vote_server;
}

static void
joined_cb (KwWindow   *self,
           const char *participant_id)
{
  KwParticipantList *participants = kw_board_get_participants (kw_window_board (self));
  KwParticipant *participant = kw_participant_list_lookup (participants, participant_id);
  g_autofree char *text = NULL;

  if (participant == NULL)
    return;
  /* Translators: said by the screen reader as a phone joins the vote. */
  text = g_strdup_printf (_("%s joined from a phone"), kw_participant_get_name (participant));
  kw_a11y_announce (GTK_WIDGET (self), text);
}

static gboolean
start_server (KwVoteServer  *server,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (kw_vote_server_start (server, PREFERRED_PORT, FALSE, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return kw_vote_server_start (server, 0, FALSE, error);
}

static void
show_panels (KwWindow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *window_panel = kw_vote_panel_new (self->vote_server);
  GtkWidget *own_pace = gtk_check_button_new_with_mnemonic (_("Participants Go at Their _Own Pace"));

  /* The facilitator's choice, where voting is: not on the projector. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (own_pace), "win.voting-own-pace");
  gtk_widget_set_size_request (window_panel, 320, -1);
  gtk_box_append (GTK_BOX (box), window_panel);
  gtk_box_append (GTK_BOX (box), own_pace);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  kw_a11y_name_buttons_once (box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->voting_button), popover);
  gtk_widget_set_visible (self->voting_button, TRUE);
  kw_matrix_set_vote_panel (self->matrix, kw_vote_panel_new (self->vote_server));
}

void
kw_window_start_voting (KwWindow *self)
{
  g_autoptr(KwVoteServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *toast = NULL;

  if (self->round == NULL || self->vote_server != NULL || kw_round_get_state (self->round) != KW_ROUND_OPEN)
    return;

  server = kw_vote_server_new (self->round, kw_window_history (self));
  kw_vote_server_set_pace (server, self->voting_own_pace ? KW_VOTE_PACE_OWN : KW_VOTE_PACE_FACILITATOR);
  if (!start_server (server, &error))
    {
      kw_message_dialog_show_error (GTK_WINDOW (self), _("Voting Could Not Start"), error);
      return;
    }
  self->vote_server = g_steal_pointer (&server);
  g_signal_connect_swapped (self->vote_server, "joined", G_CALLBACK (joined_cb), self);
  show_panels (self);
  kw_window_update_actions (self);

  address = kw_vote_panel_dup_address_text (self->vote_server);
  /* Translators: %s is "Or go to 192.168.1.20:8421 and give the room code
   * 123 456". */
  toast = g_strdup_printf (_("Voting started: scan the QR code. %s"), address);
  kw_window_show_toast (self, toast);
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->voting_button));
}

void
kw_window_stop_voting (KwWindow *self)
{
  if (self->vote_server == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->vote_server, self);
  kw_vote_server_stop (self->vote_server);
  g_clear_object (&self->vote_server);
  kw_matrix_set_vote_panel (self->matrix, NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->voting_button));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->voting_button), NULL);
  gtk_widget_set_visible (self->voting_button, FALSE);
  kw_window_update_actions (self);
}

/* ---- Actions ------------------------------------------------------------ */

static void
start_voting_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  kw_window_start_voting (KW_WINDOW (widget));
}

static void
stop_voting_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  gboolean was_voting = self->vote_server != NULL;

  kw_window_stop_voting (self);
  if (was_voting)
    kw_window_show_toast (self, _("Voting stopped: phones can no longer reach this computer"));
}

static void
own_pace_change_state_cb (GSimpleAction *action,
                          GVariant      *state,
                          gpointer       user_data)
{
  KwWindow *self = user_data;

  self->voting_own_pace = g_variant_get_boolean (state);
  g_simple_action_set_state (action, state);
  if (self->vote_server != NULL)
    kw_vote_server_set_pace (self->vote_server,
                             self->voting_own_pace ? KW_VOTE_PACE_OWN : KW_VOTE_PACE_FACILITATOR);
}

void
kw_window_class_add_voting_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start-voting", NULL, start_voting_action_cb);
  gtk_widget_class_install_action (widget_class, "win.stop-voting", NULL, stop_voting_action_cb);
}

void
kw_window_update_voting_actions (KwWindow *self,
                                 gboolean  editable)
{
  gboolean open = self->round != NULL && kw_round_get_state (self->round) == KW_ROUND_OPEN;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-voting",
                                 editable && open && self->vote_server == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-voting", self->vote_server != NULL);
}

void
kw_window_setup_voting (KwWindow *self)
{
  g_autoptr(GSimpleAction) own_pace = g_simple_action_new_stateful ("voting-own-pace", NULL,
                                                                    g_variant_new_boolean (FALSE));

  g_signal_connect (own_pace, "change-state", G_CALLBACK (own_pace_change_state_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (own_pace));

  self->voting_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->voting_button), "phone-symbolic");
  gtk_widget_set_tooltip_text (self->voting_button, _("Voting from Phones"));
  gtk_widget_set_visible (self->voting_button, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (self->header_bar), self->voting_button);
}

void
kw_window_dispose_voting (KwWindow *self)
{
  if (self->vote_server != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->vote_server, self);
      kw_vote_server_stop (self->vote_server);
    }
  g_clear_object (&self->vote_server);
}
