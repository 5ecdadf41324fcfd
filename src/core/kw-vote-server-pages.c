/* kw-vote-server-pages.c: what each of the phone's pages does: the room
 * code, joining, and scoring. kw-vote-server.c has already refused what
 * breaks the limits; here every request is checked for who sends it (the
 * participant's cookie, the form's CSRF token) and every value for what
 * it may be, before anything changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-vote-server"

#include "config.h"

#include "kw-i18n.h"

#include "kw-participant.h"
#include "kw-text.h"
#include "kw-vote-random.h"
#include "kw-vote-server-private.h"

/* Seconds between reloads of a phone waiting for the facilitator. */
#define WAITING_REFRESH 4

static gboolean
is_post (SoupServerMessage *msg)
{
  return g_str_equal (soup_server_message_get_method (msg), "POST");
}

static KwVotePageContext
make_context (KwVoteServer      *self,
              SoupServerMessage *msg,
              const char        *csrf_token)
{
  KwVotePageContext ctx = {
    kw_vote_server_language_of (msg),
    kw_board_get_title (kw_round_get_board (self->round)),
    csrf_token,
    0,
  };
  return ctx;
}

/* The token a form carries before joining, kept in a cookie too (a double
 * submit): a page of another site can neither read the cookie nor set it,
 * so it cannot make a form that matches. */
static char *
ensure_form_token (SoupServerMessage *msg)
{
  char *token = kw_vote_server_dup_cookie (msg, "kw-form");

  if (!kw_vote_random_token_is_valid (token))
    {
      g_free (token);
      token = kw_vote_random_token ();
      kw_vote_server_set_cookie (msg, "kw-form", token);
    }
  return token;
}

static gboolean
form_token_matches (SoupServerMessage *msg,
                    GHashTable        *form)
{
  g_autofree char *cookie = kw_vote_server_dup_cookie (msg, "kw-form");

  return kw_vote_random_token_is_valid (cookie)
         && kw_vote_random_equal (cookie, g_hash_table_lookup (form, "csrf"));
}

/* ---- The room code ------------------------------------------------------ */

static void
show_room_code (KwVoteServer      *self,
                SoupServerMessage *msg,
                guint              status,
                const char        *error)
{
  g_autofree char *token = ensure_form_token (msg);
  KwVotePageContext ctx = make_context (self, msg, token);

  kw_vote_server_respond_page (msg, status, kw_vote_page_room_code (&ctx, error));
}

void
kw_vote_server_serve_room_code (KwVoteServer      *self,
                                SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *code = NULL;

  if (!is_post (msg))
    {
      show_room_code (self, msg, SOUP_STATUS_OK, NULL);
      return;
    }

  form = kw_vote_server_read_form (msg);
  if (form == NULL)
    kw_vote_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST);
  else if (!form_token_matches (msg, form))
    kw_vote_server_respond_error (msg, SOUP_STATUS_FORBIDDEN);
  else if (kw_vote_server_is_code_locked (self, host))
    kw_vote_server_respond_error (msg, KW_VOTE_STATUS_TOO_MANY_REQUESTS);
  else if ((code = g_strstrip (g_strdup (g_hash_table_lookup (form, "code")))) != NULL
           && kw_vote_random_equal (self->room_code, code))
    kw_vote_server_redirect (msg, self->join_path);
  else
    {
      kw_vote_server_record_wrong_code (self, host);
      show_room_code (self, msg, SOUP_STATUS_FORBIDDEN,
                      _("That is not the room code. Look again at the projector."));
    }
}

/* ---- Joining ------------------------------------------------------------ */

static KwVoteVoter *
lookup_voter (KwVoteServer      *self,
              SoupServerMessage *msg)
{
  g_autofree char *token = kw_vote_server_dup_cookie (msg, "kw-token");

  return kw_vote_random_token_is_valid (token) ? g_hash_table_lookup (self->voters, token) : NULL;
}

/* The board's participants no phone has joined as yet, to pick from. */
static GStrv
dup_free_names (KwVoteServer *self)
{
  KwParticipantList *participants = kw_board_get_participants (kw_round_get_board (self->round));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < kw_participant_list_get_n_items (participants); i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (participants, i);

      if (!kw_vote_server_has_joined (self, kw_participant_get_id (participant)))
        g_strv_builder_add (names, kw_participant_get_name (participant));
    }
  return g_strv_builder_end (names);
}

static void
show_join (KwVoteServer      *self,
           SoupServerMessage *msg,
           guint              status,
           const char        *name,
           const char        *error)
{
  g_autofree char *token = ensure_form_token (msg);
  KwVotePageContext ctx = make_context (self, msg, token);
  g_auto(GStrv) names = dup_free_names (self);

  kw_vote_server_respond_page (msg, status,
                               kw_vote_page_join (&ctx, self->join_path, name, error,
                                                  (const char * const *) names));
}

/* A name as a person types it: one line, no control characters, 1 to
 * KW_PARTICIPANT_NAME_MAX characters once the outer spaces are gone. */
static gboolean
name_is_acceptable (const char *name)
{
  glong length = g_utf8_strlen (name, -1);

  if (length < 1 || length > KW_PARTICIPANT_NAME_MAX || !kw_participant_name_is_valid (name))
    return FALSE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        return FALSE;
    }
  return TRUE;
}

/* The participant called name, added to the board (one undo step, "Add
 * Participant") when it has none; NULL when the board is full. */
static KwParticipant *
find_or_add_participant (KwVoteServer *self,
                         const char   *name)
{
  KwParticipantList *participants = kw_board_get_participants (kw_round_get_board (self->round));
  KwParticipant *participant = kw_participant_list_lookup_by_name (participants, name);
  g_autofree char *id = NULL;
  g_autoptr(KwParticipant) added = NULL;

  if (participant != NULL)
    return participant;
  id = kw_participant_list_dup_new_id (participants);
  added = kw_participant_new (id, name, NULL);
  if (!kw_history_add_participant (self->history, added, G_MAXUINT))
    return NULL;
  return added;
}

static void
join (KwVoteServer      *self,
      SoupServerMessage *msg,
      GHashTable        *form)
{
  g_autofree char *name = g_strstrip (g_strdup (g_hash_table_lookup (form, "name")));
  KwParticipant *participant;
  KwVoteVoter *voter;

  if (name == NULL || !name_is_acceptable (name))
    {
      show_join (self, msg, SOUP_STATUS_UNPROCESSABLE_ENTITY, NULL,
                 _("Give a name of 1 to 60 letters, digits or spaces."));
      return;
    }
  if (kw_round_get_state (self->round) != KW_ROUND_OPEN)
    {
      kw_vote_server_redirect (msg, "/vote");
      return;
    }
  participant = find_or_add_participant (self, name);
  if (participant == NULL)
    {
      show_join (self, msg, SOUP_STATUS_CONFLICT, name, _("This board has no room for more participants."));
      return;
    }
  if (kw_vote_server_has_joined (self, kw_participant_get_id (participant)))
    {
      show_join (self, msg, SOUP_STATUS_CONFLICT, name,
                 _("Someone has joined under this name already. Add a letter, or ask the facilitator."));
      return;
    }

  voter = g_new0 (KwVoteVoter, 1);
  voter->token = kw_vote_random_token ();
  voter->csrf = kw_vote_random_token ();
  voter->participant_id = g_strdup (kw_participant_get_id (participant));
  voter->estimates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  kw_vote_server_add_voter (self, voter);
  kw_vote_server_set_cookie (msg, "kw-token", voter->token);
  kw_vote_server_redirect (msg, "/vote");
}

void
kw_vote_server_serve_join (KwVoteServer      *self,
                           SoupServerMessage *msg)
{
  g_autoptr(GHashTable) form = NULL;

  if (lookup_voter (self, msg) != NULL)
    kw_vote_server_redirect (msg, "/vote");
  else if (!is_post (msg))
    show_join (self, msg, SOUP_STATUS_OK, NULL, NULL);
  else if ((form = kw_vote_server_read_form (msg)) == NULL)
    kw_vote_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST);
  else if (!form_token_matches (msg, form))
    kw_vote_server_respond_error (msg, SOUP_STATUS_FORBIDDEN);
  else
    join (self, msg, form);
}

/* ---- Scoring -------------------------------------------------------------- */

static KwFinding *
lookup_round_finding (KwVoteServer *self,
                      const char   *id)
{
  KwFinding *finding = id != NULL ? kw_board_lookup_finding (kw_round_get_board (self->round), id) : NULL;

  return finding != NULL && kw_round_covers (self->round, finding) ? finding : NULL;
}

static gint
round_index_of (KwVoteServer *self,
                KwFinding    *finding)
{
  for (guint i = 0; i < kw_round_get_n_findings (self->round); i++)
    {
      if (kw_round_get_finding (self->round, i) == finding)
        return (gint) i;
    }
  return -1;
}

static const char *
round_finding_id (KwVoteServer *self,
                  gint          i)
{
  if (i < 0 || (guint) i >= kw_round_get_n_findings (self->round))
    return NULL;
  return kw_finding_get_id (kw_round_get_finding (self->round, (guint) i));
}

static guint
count_scored (KwVoteServer *self,
              KwVoteVoter  *voter)
{
  guint n = 0;

  for (guint i = 0; i < kw_round_get_n_findings (self->round); i++)
    n += kw_round_has_submitted (self->round, kw_round_get_finding (self->round, i), voter->participant_id);
  return n;
}

/* The first of the round's findings this phone has not scored, or NULL. */
static KwFinding *
first_unscored (KwVoteServer *self,
                KwVoteVoter  *voter)
{
  for (guint i = 0; i < kw_round_get_n_findings (self->round); i++)
    {
      KwFinding *finding = kw_round_get_finding (self->round, i);

      if (!kw_round_has_submitted (self->round, finding, voter->participant_id))
        return finding;
    }
  return NULL;
}

static void
show_message (KwVoteServer      *self,
              SoupServerMessage *msg,
              guint              refresh,
              const char        *heading,
              const char        *message)
{
  KwVotePageContext ctx = make_context (self, msg, NULL);

  ctx.refresh = refresh;
  kw_vote_server_respond_page (msg, SOUP_STATUS_OK, kw_vote_page_message (&ctx, heading, message));
}

static void
show_round_closed (KwVoteServer      *self,
                   SoupServerMessage *msg)
{
  show_message (self, msg, 0, _("The scores are shown"),
                _("The facilitator has shown everyone’s scores on the projector. Thank you for taking part!"));
}

static const char *
participant_name (KwVoteServer *self,
                  KwVoteVoter  *voter)
{
  KwParticipantList *participants = kw_board_get_participants (kw_round_get_board (self->round));
  KwParticipant *participant = kw_participant_list_lookup (participants, voter->participant_id);

  return participant != NULL ? kw_participant_get_name (participant) : NULL;
}

static void
show_finding (KwVoteServer      *self,
              SoupServerMessage *msg,
              KwVoteVoter       *voter,
              KwFinding         *finding,
              guint              status,
              const char        *error)
{
  KwVotePageContext ctx = make_context (self, msg, voter->csrf);
  gint index = round_index_of (self, finding);
  gboolean own_pace = self->pace == KW_VOTE_PACE_OWN;
  const KwEstimate *own = g_hash_table_lookup (voter->estimates, kw_finding_get_id (finding));
  g_autofree char *notice = g_steal_pointer (&voter->notice);
  KwVotePageFinding page = {
    .participant_name = participant_name (self, voter),
    .finding_id = kw_finding_get_id (finding),
    .title = kw_finding_get_title (finding),
    .description = kw_finding_get_description (finding),
    .position = (guint) index + 1,
    .n_findings = kw_round_get_n_findings (self->round),
    .n_scored = count_scored (self, voter),
    .previous_id = own_pace ? round_finding_id (self, index - 1) : NULL,
    .next_id = own_pace ? round_finding_id (self, index + 1) : NULL,
    .notice = notice,
    .error = error,
  };

  /* What this phone sent, shown back to it alone; the round itself never
   * tells anyone's values before the reveal. */
  if (own != NULL && kw_round_has_submitted (self->round, finding, voter->participant_id))
    {
      page.has_estimate = TRUE;
      page.known = own->known;
      page.impact = own->impact;
      page.effort = own->effort;
    }
  /* Scored, in the facilitator's pace: reload to see the next finding
   * when the room moves on. */
  if (!own_pace && page.has_estimate)
    ctx.refresh = WAITING_REFRESH;
  kw_vote_server_respond_page (msg, status, kw_vote_page_finding (&ctx, &page));
}

/* The finding a GET /vote shows, or NULL when there is none to show. */
static KwFinding *
choose_finding (KwVoteServer *self,
                KwVoteVoter  *voter,
                GHashTable   *query)
{
  KwFinding *finding;

  if (self->pace == KW_VOTE_PACE_FACILITATOR)
    return kw_round_get_current (self->round);
  if (query != NULL && (finding = lookup_round_finding (self, g_hash_table_lookup (query, "finding"))) != NULL)
    return finding;
  if ((finding = first_unscored (self, voter)) != NULL)
    return finding;
  /* All scored: the first again, to change any score until the reveal. */
  voter->notice = g_strdup (_("You have scored every finding. You can change a score until the facilitator shows them."));
  return kw_round_get_n_findings (self->round) > 0 ? kw_round_get_finding (self->round, 0) : NULL;
}

static void
show_vote (KwVoteServer      *self,
           SoupServerMessage *msg,
           KwVoteVoter       *voter,
           GHashTable        *query)
{
  KwFinding *finding;

  if (kw_round_get_state (self->round) != KW_ROUND_OPEN)
    {
      show_round_closed (self, msg);
      return;
    }
  finding = choose_finding (self, voter, query);
  if (finding == NULL)
    show_message (self, msg, WAITING_REFRESH, _("Waiting for the facilitator"),
                  _("The next finding shows here as soon as the facilitator puts it up."));
  else
    show_finding (self, msg, voter, finding, SOUP_STATUS_OK, NULL);
}

/* A score as a phone sends it: 0 to 10 with at most one decimal, "7",
 * "7.5" or "7,5". */
static gboolean
parse_score (const char *text,
             double     *score)
{
  const char *separator;

  if (text == NULL || !kw_score_parse (text, score))
    return FALSE;
  separator = strpbrk (text, ".,");
  return separator == NULL || strspn (separator + 1, "0123456789") <= 1;
}

/* The estimate in the form; FALSE with error saying what is missing. */
static gboolean
read_estimate (GHashTable  *form,
               KwEstimate  *estimate,
               const char **error)
{
  const char *impact = g_hash_table_lookup (form, "impact");
  const char *effort = g_hash_table_lookup (form, "effort");

  if (g_strcmp0 (g_hash_table_lookup (form, "no-idea"), "1") == 0)
    {
      *estimate = (KwEstimate) { FALSE, 0, 0 };
      return TRUE;
    }
  estimate->known = TRUE;
  if (impact == NULL || effort == NULL)
    *error = _("Choose both an impact and an effort, or tick “No idea”.");
  else if (!parse_score (impact, &estimate->impact) || !parse_score (effort, &estimate->effort))
    *error = _("Scores go from 0 to 10.");
  else
    return TRUE;
  return FALSE;
}

static void
remember_estimate (KwVoteVoter      *voter,
                   KwFinding        *finding,
                   const KwEstimate *estimate)
{
  g_hash_table_insert (voter->estimates, g_strdup (kw_finding_get_id (finding)),
                       g_memdup2 (estimate, sizeof *estimate));
}

/* Where a phone goes after scoring: at its own pace, the next finding. */
static char *
dup_next_location (KwVoteServer *self,
                   KwFinding    *finding)
{
  const char *next_id = self->pace == KW_VOTE_PACE_OWN ? round_finding_id (self, round_index_of (self, finding) + 1)
                                                        : NULL;
  g_autofree char *escaped = next_id != NULL ? g_uri_escape_string (next_id, NULL, FALSE) : NULL;

  return escaped != NULL ? g_strconcat ("/vote?finding=", escaped, NULL) : g_strdup ("/vote");
}

static void
submit (KwVoteServer      *self,
        SoupServerMessage *msg,
        KwVoteVoter       *voter,
        GHashTable        *form)
{
  KwFinding *finding = lookup_round_finding (self, g_hash_table_lookup (form, "finding"));
  const char *error = NULL;
  g_autofree char *location = NULL;
  KwEstimate estimate;

  if (finding == NULL)
    kw_vote_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST);
  else if (kw_round_get_state (self->round) != KW_ROUND_OPEN)
    show_round_closed (self, msg);
  else if (self->pace == KW_VOTE_PACE_FACILITATOR && finding != kw_round_get_current (self->round))
    {
      g_free (voter->notice);
      voter->notice = g_strdup (_("The facilitator had moved on: your score was not sent. This is the finding now."));
      kw_vote_server_redirect (msg, "/vote");
    }
  else if (!read_estimate (form, &estimate, &error))
    show_finding (self, msg, voter, finding, SOUP_STATUS_UNPROCESSABLE_ENTITY, error);
  else if (!kw_round_submit (self->round, finding, voter->participant_id, &estimate)
           && !kw_round_has_submitted (self->round, finding, voter->participant_id))
    kw_vote_server_respond_error (msg, SOUP_STATUS_CONFLICT);
  else
    {
      remember_estimate (voter, finding, &estimate);
      g_free (voter->notice);
      voter->notice = g_strdup (_("Your score is in."));
      location = dup_next_location (self, finding);
      kw_vote_server_redirect (msg, location);
    }
}

void
kw_vote_server_serve_vote (KwVoteServer      *self,
                           SoupServerMessage *msg,
                           GHashTable        *query)
{
  KwVoteVoter *voter = lookup_voter (self, msg);
  g_autoptr(GHashTable) form = NULL;

  if (voter == NULL)
    kw_vote_server_respond_error (msg, SOUP_STATUS_FORBIDDEN);
  else if (!is_post (msg))
    show_vote (self, msg, voter, query);
  else if ((form = kw_vote_server_read_form (msg)) == NULL)
    kw_vote_server_respond_error (msg, SOUP_STATUS_BAD_REQUEST);
  else if (!kw_vote_random_equal (voter->csrf, g_hash_table_lookup (form, "csrf")))
    kw_vote_server_respond_error (msg, SOUP_STATUS_FORBIDDEN);
  else
    submit (self, msg, voter, form);
}
