/* kw-vote-panel.c: see kw-vote-panel.h. It follows the server: a new
 * phone's name appears as it joins, and the code goes when the server
 * stops.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-vote-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-qr-view.h"
#include "kw-vote-panel.h"

struct _KwVotePanel
{
  GtkWidget     parent_instance;

  /* Template children */
  GtkLabel     *heading;
  KwQrView     *qr_view;
  GtkLabel     *address_label;
  GtkLabel     *joined_label;

  KwVoteServer *server;
};

G_DEFINE_FINAL_TYPE (KwVotePanel, kw_vote_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SERVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
kw_vote_panel_dup_address_text (KwVoteServer *server)
{
  g_autofree char *address = kw_vote_server_dup_short_address (server);
  const char *code = kw_vote_server_get_room_code (server);
  g_autofree char *spaced = NULL;

  if (address == NULL)
    return NULL;
  /* "123 456": read out and typed in two halves. */
  spaced = g_strdup_printf ("%.3s %.3s", code, code + 3);
  /* Translators: under the QR code; the address to type in a phone's
   * browser instead, and the six-digit room code it asks for. */
  return g_strdup_printf (_("Or go to %s and give the room code %s"), address, spaced);
}

static char *
dup_joined_text (KwVotePanel *self)
{
  KwBoard *board = kw_round_get_board (kw_vote_server_get_round (self->server));
  KwParticipantList *participants = kw_board_get_participants (board);
  guint n = kw_vote_server_get_n_joined (self->server);
  g_autoptr(GString) names = g_string_new (NULL);

  if (n == 0)
    return g_strdup (_("No phone has joined yet."));
  for (guint i = 0; i < n; i++)
    {
      KwParticipant *participant = kw_participant_list_lookup (participants, kw_vote_server_get_joined (self->server, i));

      if (participant == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, kw_participant_get_name (participant));
    }
  /* Translators: who has joined from a phone, e.g. "3 joined: Anna,
   * Bram, Carla". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u joined: %s", "%u joined: %s", n), n, names->str);
}

static void
update_joined (KwVotePanel *self)
{
  g_autofree char *text = dup_joined_text (self);

  gtk_label_set_text (self->joined_label, text);
}

static void
update_address (KwVotePanel *self)
{
  g_autofree char *uri = kw_vote_server_dup_join_uri (self->server);
  g_autofree char *text = kw_vote_panel_dup_address_text (self->server);
  g_autoptr(KwQrCode) code = NULL;
  g_autoptr(GError) error = NULL;

  if (uri != NULL && (code = kw_qr_code_new (uri, &error)) == NULL)
    g_warning ("No QR code for the voting address: %s", error->message);
  kw_qr_view_set_code (self->qr_view, code);
  gtk_widget_set_visible (GTK_WIDGET (self->qr_view), code != NULL);
  gtk_label_set_text (self->address_label, text != NULL ? text : _("Voting has stopped."));
}

static void
joined_cb (KwVotePanel *self)
{
  update_joined (self);
}

static void
running_cb (KwVotePanel *self)
{
  update_address (self);
}

static void
set_server (KwVotePanel  *self,
            KwVoteServer *server)
{
  self->server = g_object_ref (server);
  g_signal_connect_object (server, "joined", G_CALLBACK (joined_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (server, "notify::running", G_CALLBACK (running_cb), self, G_CONNECT_SWAPPED);
  update_address (self);
  update_joined (self);
}

KwVoteServer *
kw_vote_panel_get_server (KwVotePanel *self)
{
  g_return_val_if_fail (KW_IS_VOTE_PANEL (self), NULL);
  return self->server;
}

static void
kw_vote_panel_dispose (GObject *object)
{
  KwVotePanel *self = KW_VOTE_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_VOTE_PANEL);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (kw_vote_panel_parent_class)->dispose (object);
}

static void
kw_vote_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KwVotePanel *self = KW_VOTE_PANEL (object);

  switch (prop_id)
    {
    case PROP_SERVER:
      g_value_set_object (value, self->server);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_vote_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KwVotePanel *self = KW_VOTE_PANEL (object);

  switch (prop_id)
    {
    case PROP_SERVER:
      set_server (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_vote_panel_class_init (KwVotePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_vote_panel_dispose;
  object_class->get_property = kw_vote_panel_get_property;
  object_class->set_property = kw_vote_panel_set_property;

  properties[PROP_SERVER] =
    g_param_spec_object ("server", NULL, NULL, KW_TYPE_VOTE_SERVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KW_TYPE_QR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-vote-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KwVotePanel, heading);
  gtk_widget_class_bind_template_child (widget_class, KwVotePanel, qr_view);
  gtk_widget_class_bind_template_child (widget_class, KwVotePanel, address_label);
  gtk_widget_class_bind_template_child (widget_class, KwVotePanel, joined_label);
  gtk_widget_class_set_css_name (widget_class, "kw-vote-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kw_vote_panel_init (KwVotePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kw_vote_panel_new (KwVoteServer *server)
{
  g_return_val_if_fail (KW_IS_VOTE_SERVER (server), NULL);
  return g_object_new (KW_TYPE_VOTE_PANEL, "server", server, NULL);
}
