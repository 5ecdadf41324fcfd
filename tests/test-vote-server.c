/* test-vote-server.c: the voting server on the loopback, spoken to as
 * phones and as an attacker would: raw HTTP/1.1 over sockets, from a
 * thread of the test while the server runs in the main loop, as it does
 * in the app. Honest phones join and score; every hostile request is
 * refused and leaves the board and the round as they were, and the
 * server goes on answering the honest ones.
 *
 * Other phones are other loopback addresses (127.0.0.2, …; see
 * kw-vote-client.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <libintl.h>

#include "kw-round.h"
#include "kw-test-timing.h"
#include "kw-vote-client.h"
#include "kw-vote-server.h"

typedef struct {
  KwBoard      *board;
  KwHistory    *history;
  KwRound      *round;
  KwVoteServer *server;
  KwFinding    *findings[3];
  guint16       port;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *titles[] = { "Callback within 2 hours", "Knowledge base <b>update</b>", "NPS survey per channel" };
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  f->board = kw_board_new ();
  kw_board_set_title (f->board, "Workshop Q1");
  f->history = kw_history_new (f->board);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      f->findings[i] = kw_finding_new (titles[i]);
      kw_board_append_finding (f->board, f->findings[i]);
    }
  kw_participant_list_add (kw_board_get_participants (f->board), anna, G_MAXUINT);
  f->round = kw_round_new (f->board, NULL, 0);
  f->server = kw_vote_server_new (f->round, f->history);
  g_assert_true (kw_vote_server_start (f->server, 0, TRUE, &error));
  g_assert_no_error (error);
  address = kw_vote_server_dup_short_address (f->server);
  g_assert_true (g_str_has_prefix (address, "127.0.0.1:"));
  f->port = (guint16) atoi (address + strlen ("127.0.0.1:"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->server);
  g_clear_object (&f->round);
  for (guint i = 0; i < G_N_ELEMENTS (f->findings); i++)
    g_clear_object (&f->findings[i]);
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

/* ---- A client in a thread ----------------------------------------------- */

typedef struct {
  guint16     port;
  const char *source;    /* the phone's loopback address */
  GBytes     *request;
  guint       trickle;   /* > 0: send a header line every trickle ms until cut off */
  GByteArray *reply;
  gboolean    refused;   /* the connection could not be made */
  gboolean    cut_off;   /* a trickling client was cut off in time */
  gint        done;
} Exchange;

static gpointer
exchange_thread (gpointer data)
{
  Exchange *exchange = data;

  exchange->cut_off = kw_vote_client_exchange (exchange->source, exchange->port, exchange->request,
                                               exchange->trickle, exchange->reply, &exchange->refused);
  g_atomic_int_set (&exchange->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* Runs the server's main loop until the exchange is over. */
static void
run_exchange (Exchange *exchange)
{
  g_autoptr(GThread) thread = NULL;

  exchange->reply = g_byte_array_new ();
  thread = g_thread_new ("phone", exchange_thread, exchange);
  while (!g_atomic_int_get (&exchange->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
}

/* One request as raw bytes from source; the answer, or NULL when the
 * server closed the connection without one. */
static KwVoteResponse *
send_raw_from (Fixture    *f,
               const char *source,
               const char *raw,
               gsize       length)
{
  Exchange exchange = { f->port, source, g_bytes_new (raw, length), 0, NULL, FALSE, FALSE, 0 };
  KwVoteResponse *response;

  run_exchange (&exchange);
  g_bytes_unref (exchange.request);
  g_assert_false (exchange.refused);
  response = kw_vote_client_parse (exchange.reply);
  g_byte_array_unref (exchange.reply);
  return response;
}

static KwVoteResponse *
request_from (Fixture    *f,
              const char *source,
              const char *method,
              const char *path,
              const char *cookies,
              const char *form)
{
  g_autoptr(GString) raw = kw_vote_client_format_request (method, path, f->port, "en-GB,en;q=0.9", cookies, form);
  KwVoteResponse *response;

  response = send_raw_from (f, source, raw->str, raw->len);
  g_assert_nonnull (response);
  return response;
}

static KwVoteResponse *
request (Fixture    *f,
         const char *method,
         const char *path,
         const char *cookies,
         const char *form)
{
  return request_from (f, "127.0.0.1", method, path, cookies, form);
}

static char *
dup_join_path (Fixture *f)
{
  g_autofree char *uri = kw_vote_server_dup_join_uri (f->server);

  return g_strdup (strstr (uri + strlen ("http://"), "/"));
}

typedef struct {
  char *cookie;  /* "kw-token=…" */
  char *csrf;
} Phone;

static void
phone_clear (Phone *phone)
{
  g_free (phone->cookie);
  g_free (phone->csrf);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Phone, phone_clear)

/* Joins as name from source, as a browser does: the join page, then its
 * form; then the vote page for the form token. */
static void
join_from (Fixture    *f,
           const char *source,
           const char *name,
           Phone      *phone)
{
  g_autofree char *path = dup_join_path (f);
  g_autoptr(KwVoteResponse) page = request_from (f, source, "GET", path, NULL, NULL);
  g_autofree char *form_token = kw_vote_response_dup_set_cookie (page, "kw-form");
  g_autofree char *csrf = kw_vote_response_dup_csrf (page);
  g_autofree char *cookie = g_strconcat ("kw-form=", form_token, NULL);
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *form = g_strdup_printf ("csrf=%s&name=%s", csrf, escaped);
  g_autoptr(KwVoteResponse) joined = request_from (f, source, "POST", path, cookie, form);
  g_autofree char *token = kw_vote_response_dup_set_cookie (joined, "kw-token");
  g_autoptr(KwVoteResponse) vote = NULL;

  g_assert_cmpuint (page->status, ==, 200);
  g_assert_cmpstr (form_token, ==, csrf);
  g_assert_cmpuint (joined->status, ==, 303);
  g_assert_cmpstr (kw_vote_response_header (joined, "location"), ==, "/vote");
  g_assert_nonnull (token);
  phone->cookie = g_strconcat ("kw-token=", token, NULL);
  vote = request_from (f, source, "GET", "/vote", phone->cookie, NULL);
  g_assert_cmpuint (vote->status, ==, 200);
  phone->csrf = kw_vote_response_dup_csrf (vote);
}

static KwVoteResponse *
score_from (Fixture    *f,
            const char *source,
            Phone      *phone,
            KwFinding  *finding,
            const char *scores)
{
  g_autofree char *form = g_strdup_printf ("csrf=%s&finding=%s&%s", phone->csrf,
                                           kw_finding_get_id (finding), scores);

  return request_from (f, source, "POST", "/vote", phone->cookie, form);
}

static KwParticipant *
participant_named (Fixture    *f,
                   const char *name)
{
  return kw_participant_list_lookup_by_name (kw_board_get_participants (f->board), name);
}

/* ---- Honest phones ------------------------------------------------------ */

static void
count_joined_cb (KwVoteServer *server,
                 const char   *participant_id,
                 guint        *count)
{
  (*count)++;
}

static void
test_join_and_score (Fixture *f, gconstpointer data)
{
  g_auto(Phone) anna = { NULL, NULL };
  g_auto(Phone) bram = { NULL, NULL };
  g_autoptr(KwVoteResponse) scored = NULL;
  g_autoptr(KwVoteResponse) page = NULL;
  KwEstimate estimate;
  guint joined = 0;

  g_signal_connect (f->server, "joined", G_CALLBACK (count_joined_cb), &joined);
  join_from (f, "127.0.0.2", "  anna ", &anna);   /* the board's Anna */
  join_from (f, "127.0.0.3", "Bram", &bram);      /* new: added, undoably */
  g_assert_cmpuint (joined, ==, 2);
  g_assert_cmpuint (kw_vote_server_get_n_joined (f->server), ==, 2);
  g_assert_cmpstr (kw_vote_server_get_joined (f->server, 0), ==, "p1");
  g_assert_nonnull (participant_named (f, "Bram"));
  g_assert_true (kw_history_get_can_undo (f->history));

  scored = score_from (f, "127.0.0.2", &anna, f->findings[0], "impact=7%2C5&effort=3");
  g_assert_cmpuint (scored->status, ==, 303);
  g_assert_true (kw_round_has_submitted (f->round, f->findings[0], "p1"));
  g_assert_false (kw_finding_get_estimate (f->findings[0], "p1", &estimate));

  /* The phone sees its own score back, and that it is in. */
  page = request_from (f, "127.0.0.2", "GET", "/vote", anna.cookie, NULL);
  g_assert_nonnull (strstr (page->body, "value=\"7.5\" checked"));
  g_assert_nonnull (strstr (page->body, "Your score is in."));
  g_assert_nonnull (strstr (page->body, "http-equiv=\"refresh\""));

  g_clear_pointer (&scored, kw_vote_response_free);
  scored = score_from (f, "127.0.0.3", &bram, f->findings[0], "no-idea=1");
  g_assert_cmpuint (scored->status, ==, 303);

  g_assert_cmpuint (kw_round_reveal (f->round, f->history), ==, 2);
  g_assert_true (kw_finding_get_estimate (f->findings[0], "p1", &estimate));
  g_assert_true (estimate.known);
  g_assert_cmpfloat (estimate.impact, ==, 7.5);
  g_assert_cmpfloat (estimate.effort, ==, 3);
  g_assert_true (kw_finding_get_estimate (f->findings[0], kw_participant_get_id (participant_named (f, "Bram")),
                                          &estimate));
  g_assert_false (estimate.known);

  /* After the reveal: nothing more goes in. */
  g_clear_pointer (&scored, kw_vote_response_free);
  scored = score_from (f, "127.0.0.2", &anna, f->findings[0], "impact=1&effort=1");
  g_assert_cmpuint (scored->status, ==, 200);
  g_assert_nonnull (strstr (scored->body, "The scores are shown"));
  g_assert_true (kw_finding_get_estimate (f->findings[0], "p1", &estimate));
  g_assert_cmpfloat (estimate.impact, ==, 7.5);
}

static void
test_headers (Fixture *f, gconstpointer data)
{
  const char *paths[] = { "/", "/style.css", "/vote", "/nothing", "/j/wrong" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(KwVoteResponse) response = request (f, "GET", paths[i], NULL, NULL);

      g_assert_nonnull (response);
      g_assert_cmpstr (kw_vote_response_header (response, "content-security-policy"), ==,
                       "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                       "base-uri 'none'; frame-ancestors 'none'");
      g_assert_cmpstr (kw_vote_response_header (response, "x-content-type-options"), ==, "nosniff");
      g_assert_cmpstr (kw_vote_response_header (response, "referrer-policy"), ==, "no-referrer");
      g_assert_nonnull (kw_vote_response_header (response, "cache-control"));
      g_assert_null (kw_vote_response_header (response, "server"));
    }
}

static void
test_own_pace (Fixture *f, gconstpointer data)
{
  g_auto(Phone) anna = { NULL, NULL };
  g_autoptr(KwVoteResponse) first = NULL;
  g_autoptr(KwVoteResponse) third = NULL;
  g_autofree char *third_path = g_strconcat ("/vote?finding=", kw_finding_get_id (f->findings[2]), NULL);

  kw_vote_server_set_pace (f->server, KW_VOTE_PACE_OWN);
  join_from (f, "127.0.0.2", "Anna", &anna);
  first = score_from (f, "127.0.0.2", &anna, f->findings[0], "impact=8&effort=2");
  g_assert_cmpuint (first->status, ==, 303);
  g_assert_true (g_str_has_suffix (kw_vote_response_header (first, "location"), kw_finding_get_id (f->findings[1])));

  /* Any finding of the round, in any order: the current one is not it. */
  third = request (f, "GET", third_path, anna.cookie, NULL);
  g_assert_nonnull (strstr (third->body, "NPS survey per channel"));
  g_assert_nonnull (strstr (third->body, "Finding 3 of 3"));
  g_clear_pointer (&third, kw_vote_response_free);
  third = score_from (f, "127.0.0.2", &anna, f->findings[2], "impact=4&effort=6");
  g_assert_cmpuint (third->status, ==, 303);
  g_assert_cmpstr (kw_vote_response_header (third, "location"), ==, "/vote");
  g_assert_true (kw_round_has_submitted (f->round, f->findings[2], "p1"));
  g_assert_false (kw_round_has_submitted (f->round, f->findings[1], "p1"));
}

/* In the facilitator's pace, only the finding in focus takes scores. */
static void
test_facilitator_pace (Fixture *f, gconstpointer data)
{
  g_auto(Phone) anna = { NULL, NULL };
  g_autoptr(KwVoteResponse) early = NULL;
  g_autoptr(KwVoteResponse) page = NULL;

  join_from (f, "127.0.0.2", "Anna", &anna);
  early = score_from (f, "127.0.0.2", &anna, f->findings[1], "impact=8&effort=2");
  g_assert_cmpuint (early->status, ==, 303);
  g_assert_false (kw_round_has_submitted (f->round, f->findings[1], "p1"));
  page = request (f, "GET", "/vote", anna.cookie, NULL);
  g_assert_nonnull (strstr (page->body, "The facilitator had moved on"));
  g_assert_nonnull (strstr (page->body, "Callback within 2 hours"));

  g_assert_true (kw_round_step_current (f->round, 1));
  g_clear_pointer (&page, kw_vote_response_free);
  page = request (f, "GET", "/vote", anna.cookie, NULL);
  g_assert_nonnull (strstr (page->body, "Knowledge base &lt;b&gt;update&lt;/b&gt;"));
}

static void
test_room_code (Fixture *f, gconstpointer data)
{
  g_autoptr(KwVoteResponse) page = request (f, "GET", "/", NULL, NULL);
  g_autofree char *token = kw_vote_response_dup_set_cookie (page, "kw-form");
  g_autofree char *cookie = g_strconcat ("kw-form=", token, NULL);
  g_autofree char *right = g_strdup_printf ("csrf=%s&code=+%s+", token, kw_vote_server_get_room_code (f->server));
  g_autofree char *wrong = g_strdup_printf ("csrf=%s&code=000000", token);
  g_autofree char *join_path = dup_join_path (f);
  g_autoptr(KwVoteResponse) response = NULL;

  g_assert_cmpuint (strlen (kw_vote_server_get_room_code (f->server)), ==, 6);
  if (g_str_equal (kw_vote_server_get_room_code (f->server), "000000"))
    wrong[strlen (wrong) - 1] = '1';

  response = request (f, "POST", "/", cookie, right);
  g_assert_cmpuint (response->status, ==, 303);
  g_assert_cmpstr (kw_vote_response_header (response, "location"), ==, join_path);

  /* Ten wrong codes, and the right one no longer helps for a minute. */
  for (guint i = 0; i < 10; i++)
    {
      g_clear_pointer (&response, kw_vote_response_free);
      response = request (f, "POST", "/", cookie, wrong);
      g_assert_cmpuint (response->status, ==, 403);
      g_assert_nonnull (strstr (response->body, "That is not the room code."));
    }
  g_clear_pointer (&response, kw_vote_response_free);
  response = request (f, "POST", "/", cookie, right);
  g_assert_cmpuint (response->status, ==, 429);
  g_assert_null (kw_vote_response_header (response, "location"));

  /* Another phone is not locked out. */
  g_clear_pointer (&response, kw_vote_response_free);
  response = request_from (f, "127.0.0.9", "POST", "/", cookie, right);
  g_assert_cmpuint (response->status, ==, 303);
}

/* A phone that asks for Dutch gets every text in Dutch, the server's own
 * messages too, whatever the window speaks. */
static void
test_dutch_phone (Fixture *f, gconstpointer data)
{
  g_autoptr(KwVoteResponse) page = request (f, "GET", "/", NULL, NULL);
  g_autofree char *token = kw_vote_response_dup_set_cookie (page, "kw-form");
  g_autofree char *raw = g_strdup_printf ("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                          "Accept-Language: nl-NL,nl;q=0.9,en;q=0.5\r\n"
                                          "Cookie: kw-form=%s\r\n"
                                          "Content-Type: application/x-www-form-urlencoded\r\n"
                                          "Content-Length: %zu\r\n\r\ncsrf=%s&code=abc",
                                          token, strlen ("csrf=&code=abc") + strlen (token), token);
  g_autoptr(KwVoteResponse) wrong = send_raw_from (f, "127.0.0.2", raw, strlen (raw));

  g_assert_nonnull (wrong);
  g_assert_cmpuint (wrong->status, ==, 403);
  g_assert_nonnull (strstr (wrong->body, "<html lang=\"nl\">"));
  g_assert_nonnull (strstr (wrong->body, "Dat is niet de zaalcode."));
  g_assert_nonnull (strstr (wrong->body, "Zaalcode"));
}

static void
test_same_name (Fixture *f, gconstpointer data)
{
  g_auto(Phone) anna = { NULL, NULL };
  g_autofree char *path = dup_join_path (f);
  g_autoptr(KwVoteResponse) page = request_from (f, "127.0.0.3", "GET", path, NULL, NULL);
  g_autofree char *token = kw_vote_response_dup_set_cookie (page, "kw-form");
  g_autofree char *cookie = g_strconcat ("kw-form=", token, NULL);
  g_autofree char *form = g_strdup_printf ("csrf=%s&name=ANNA", token);
  g_autoptr(KwVoteResponse) second = NULL;

  join_from (f, "127.0.0.2", "Anna", &anna);
  second = request_from (f, "127.0.0.3", "POST", path, cookie, form);
  g_assert_cmpuint (second->status, ==, 409);
  g_assert_null (kw_vote_response_dup_set_cookie (second, "kw-token"));
  g_assert_cmpuint (kw_vote_server_get_n_joined (f->server), ==, 1);
}

/* ---- Hostile requests --------------------------------------------------- */

/* Whatever was refused, the board is as it was and an honest phone is
 * still served. */
static void
assert_unharmed (Fixture *f)
{
  g_auto(Phone) honest = { NULL, NULL };
  g_autoptr(KwVoteResponse) scored = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (f->findings); i++)
    g_assert_cmpuint (kw_round_count_submitted (f->round, f->findings[i]), ==, 0);
  join_from (f, "127.0.0.200", "Honest", &honest);
  scored = score_from (f, "127.0.0.200", &honest, f->findings[0], "impact=5&effort=5");
  g_assert_cmpuint (scored->status, ==, 303);
  g_assert_cmpuint (kw_round_count_submitted (f->round, f->findings[0]), ==, 1);
}

static void
test_tokens (Fixture *f, gconstpointer data)
{
  g_auto(Phone) anna = { NULL, NULL };
  g_autofree char *path = dup_join_path (f);
  g_autofree char *wrong_csrf = NULL;
  g_autofree char *other_participant = NULL;
  const char *forbidden[][4] = {
    /* method, path, cookie, form */
    { "GET", "/vote", NULL, NULL },
    { "GET", "/vote", "kw-token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL },
    { "GET", "/vote", "kw-token=../../etc/passwd", NULL },
    { "POST", "/vote", NULL, "impact=1&effort=1" },
    { "GET", "/j/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL, NULL },
    { "POST", path, NULL, "name=Mallory" },
    { "POST", path, "kw-form=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "name=Mallory&csrf=BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB" },
    { "POST", "/", NULL, "code=123456" },
  };

  join_from (f, "127.0.0.2", "Anna", &anna);
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_autoptr(KwVoteResponse) response = request_from (f, "127.0.0.5", forbidden[i][0], forbidden[i][1],
                                                    forbidden[i][2], forbidden[i][3]);

      g_test_message ("%s %s", forbidden[i][0], forbidden[i][1]);
      g_assert_cmpuint (response->status, ==, 403);
      g_assert_null (kw_vote_response_header (response, "location"));
    }

  /* A participant's own cookie with a form of the wrong token, or naming
   * another participant: nothing goes in, or only as themselves. */
  wrong_csrf = g_strdup_printf ("csrf=%s&finding=%s&impact=1&effort=1", "x", kw_finding_get_id (f->findings[0]));
  {
    g_autoptr(KwVoteResponse) response = request_from (f, "127.0.0.2", "POST", "/vote", anna.cookie, wrong_csrf);
    g_assert_cmpuint (response->status, ==, 403);
  }
  other_participant = g_strdup_printf ("csrf=%s&finding=%s&impact=1&effort=1&participant=p2", anna.csrf,
                                       kw_finding_get_id (f->findings[0]));
  {
    g_autoptr(KwVoteResponse) response = request_from (f, "127.0.0.2", "POST", "/vote", anna.cookie, other_participant);
    g_assert_cmpuint (response->status, ==, 303);
    g_assert_true (kw_round_has_submitted (f->round, f->findings[0], "p1"));
    g_assert_cmpuint (kw_round_count_submitted (f->round, f->findings[0]), ==, 1);
  }
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (f->board)), ==, 1);
  g_assert_null (participant_named (f, "Mallory"));
}

static void
test_bad_values (Fixture *f, gconstpointer data)
{
  g_auto(Phone) anna = { NULL, NULL };
  const char *scores[] = {
    "impact=11&effort=3", "impact=-1&effort=3", "impact=7.55&effort=3", "impact=abc&effort=3",
    "impact=nan&effort=3", "impact=1e1&effort=3", "impact=7", "effort=7", "impact=&effort=",
    "impact=0x5&effort=3", "impact=7%00&effort=3",
  };

  join_from (f, "127.0.0.2", "Anna", &anna);
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autoptr(KwVoteResponse) response = score_from (f, "127.0.0.2", &anna, f->findings[0], scores[i]);

      g_test_message ("%s", scores[i]);
      g_assert_cmpuint (response->status, ==, i == G_N_ELEMENTS (scores) - 1 ? 400 : 422);
      g_assert_cmpuint (kw_round_count_submitted (f->round, f->findings[0]), ==, 0);
    }
  {
    /* A finding the round does not have. */
    g_autofree char *form = g_strdup_printf ("csrf=%s&finding=nope&impact=1&effort=1", anna.csrf);
    g_autoptr(KwVoteResponse) response = request_from (f, "127.0.0.2", "POST", "/vote", anna.cookie, form);
    g_assert_cmpuint (response->status, ==, 400);
  }
  assert_unharmed (f);
}

static void
test_bad_names (Fixture *f, gconstpointer data)
{
  g_autofree char *path = dup_join_path (f);
  g_autofree char *long_name = g_strnfill (61, 'a');
  const char *names[] = { "", "%20%20", "Bad%01name", "Line%0Abreak", "%C3%28", "%FF%FE", long_name };
  const guint statuses[] = { 422, 422, 422, 422, 400, 400, 422 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(KwVoteResponse) page = request_from (f, "127.0.0.4", "GET", path, NULL, NULL);
      g_autofree char *token = kw_vote_response_dup_set_cookie (page, "kw-form");
      g_autofree char *cookie = g_strconcat ("kw-form=", token, NULL);
      g_autofree char *form = g_strdup_printf ("csrf=%s&name=%s", token, names[i]);
      g_autoptr(KwVoteResponse) response = request_from (f, "127.0.0.4", "POST", path, cookie, form);

      g_test_message ("name=%s", names[i]);
      g_assert_cmpuint (response->status, ==, statuses[i]);
      g_assert_null (kw_vote_response_dup_set_cookie (response, "kw-token"));
    }
  g_assert_cmpuint (kw_participant_list_get_n_items (kw_board_get_participants (f->board)), ==, 1);

  /* Script in a name is a name: kept as text, shown as text. */
  {
    g_auto(Phone) phone = { NULL, NULL };
    g_autoptr(KwVoteResponse) page = NULL;

    join_from (f, "127.0.0.4", "<script>alert(1)</script>", &phone);
    g_assert_nonnull (participant_named (f, "<script>alert(1)</script>"));
    page = request_from (f, "127.0.0.4", "GET", "/vote", phone.cookie, NULL);
    g_assert_null (strstr (page->body, "<script>"));
    g_assert_nonnull (strstr (page->body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  }
}

static void
test_paths_and_methods (Fixture *f, gconstpointer data)
{
  const char *paths[] = { "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/style.css/../../x", "/index.html",
                          "/j/", "/j/../vote", "//etc/passwd", "/vote/../../../etc/passwd" };
  const char *methods[] = { "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(KwVoteResponse) response = request (f, "GET", paths[i], NULL, NULL);

      g_test_message ("GET %s", paths[i]);
      g_assert_nonnull (response);
      g_assert_cmpuint (response->status, >=, 400);
      g_assert_cmpuint (response->status, <, 500);
      g_assert_null (strstr (response->body, "root:"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(KwVoteResponse) response = request (f, methods[i], "/vote", NULL, NULL);

      g_assert_cmpuint (response->status, ==, 405);
      g_assert_cmpstr (kw_vote_response_header (response, "allow"), ==, "GET, POST");
    }
  assert_unharmed (f);
}

static void
test_sizes (Fixture *f, gconstpointer data)
{
  g_auto(Phone) anna = { NULL, NULL };
  g_autofree char *big_form = NULL;
  g_autofree char *big_header = g_strnfill (9000, 'a');
  g_autofree char *raw = NULL;
  g_autoptr(KwVoteResponse) response = NULL;
  g_autoptr(GString) padded = NULL;

  join_from (f, "127.0.0.2", "Anna", &anna);
  padded = g_string_new (NULL);
  g_string_append_printf (padded, "csrf=%s&finding=%s&impact=1&effort=1&pad=", anna.csrf,
                          kw_finding_get_id (f->findings[0]));
  while (padded->len <= 16 * 1024)
    g_string_append_c (padded, 'x');
  response = request_from (f, "127.0.0.2", "POST", "/vote", anna.cookie, padded->str);
  g_assert_cmpuint (response->status, ==, 413);

  raw = g_strdup_printf ("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: %s\r\n\r\n", big_header);
  g_clear_pointer (&response, kw_vote_response_free);
  response = send_raw_from (f, "127.0.0.2", raw, strlen (raw));
  g_assert_cmpuint (response->status, ==, 431);

  /* A body without a length, and garbage for a request. */
  g_clear_pointer (&raw, g_free);
  raw = g_strdup_printf ("POST /vote HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: %s\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", anna.cookie);
  g_clear_pointer (&response, kw_vote_response_free);
  response = send_raw_from (f, "127.0.0.2", raw, strlen (raw));
  g_assert_cmpuint (response->status, ==, 411);

  g_clear_pointer (&response, kw_vote_response_free);
  response = send_raw_from (f, "127.0.0.2", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n", 22);
  g_assert_true (response == NULL || response->status == 400);

  /* libsoup 3.2 warns of the negative length itself, before the server
   * sees the request: the warning is libsoup's, the refusal ours. */
  g_clear_pointer (&response, kw_vote_response_free);
  g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*content-length*");
  response = send_raw_from (f, "127.0.0.2", "GET /vote HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                          "Content-Length: -5\r\n\r\n", 70);
  g_test_assert_expected_messages ();
  g_assert_true (response == NULL || response->status == 400);

  g_assert_cmpuint (kw_round_count_submitted (f->round, f->findings[0]), ==, 0);
  g_clear_pointer (&anna.cookie, g_free);
  assert_unharmed (f);
}

static void
test_flood (Fixture *f, gconstpointer data)
{
  guint refused = 0;

  for (guint i = 0; i < 70; i++)
    {
      g_autoptr(KwVoteResponse) response = request_from (f, "127.0.0.66", "GET", "/style.css", NULL, NULL);

      if (i < 60)
        g_assert_cmpuint (response->status, ==, 200);
      else
        refused += response->status == 429;
    }
  g_assert_cmpuint (refused, ==, 10);
  assert_unharmed (f);
}

/* A client that sends its request a header at a time, slower than the
 * server's deadline, is cut off; meanwhile the others are served. */
static void
test_slow_client (Fixture *f, gconstpointer data)
{
  Exchange slow = { f->port, "127.0.0.7", g_bytes_new_static ("GET / HTTP/1.1\r\n", 16), 50, NULL, FALSE, FALSE, 0 };
  Exchange silent = { f->port, "127.0.0.8", g_bytes_new_static ("", 0), 0, NULL, FALSE, FALSE, 0 };
  g_autoptr(GThread) slow_thread = NULL;
  g_autoptr(GThread) silent_thread = NULL;
  g_autoptr(KwVoteResponse) honest = NULL;

  kw_vote_server_set_request_deadline (f->server, 400);
  slow.reply = g_byte_array_new ();
  silent.reply = g_byte_array_new ();
  slow_thread = g_thread_new ("slow", exchange_thread, &slow);
  silent_thread = g_thread_new ("silent", exchange_thread, &silent);

  honest = request (f, "GET", "/", NULL, NULL);
  g_assert_cmpuint (honest->status, ==, 200);

  while (!g_atomic_int_get (&slow.done) || !g_atomic_int_get (&silent.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&slow_thread));
  g_thread_join (g_steal_pointer (&silent_thread));
  g_assert_true (slow.cut_off);
  g_assert_cmpuint (kw_vote_server_get_n_timed_out (f->server), ==, 2);
  g_assert_cmpuint (silent.reply->len, ==, 0);
  g_byte_array_unref (slow.reply);
  g_byte_array_unref (silent.reply);
  g_bytes_unref (slow.request);
  g_bytes_unref (silent.request);
}

typedef struct {
  guint16            port;
  GSocketConnection *held[16];
  gint               done;
} Holder;

static gpointer
hold_thread (gpointer data)
{
  Holder *holder = data;

  for (guint i = 0; i < G_N_ELEMENTS (holder->held); i++)
    holder->held[i] = kw_vote_client_connect ("127.0.0.11", holder->port, NULL);
  g_atomic_int_set (&holder->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
test_connections_per_address (Fixture *f, gconstpointer data)
{
  Holder holder = { f->port, { NULL }, 0 };
  g_autoptr(GThread) thread = g_thread_new ("holder", hold_thread, &holder);
  g_autoptr(KwVoteResponse) response = NULL;

  /* Sixteen idle connections from one address (made while the server
   * accepts them): the seventeenth from it is closed unanswered, one
   * from elsewhere is answered. */
  while (!g_atomic_int_get (&holder.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  for (guint i = 0; i < G_N_ELEMENTS (holder.held); i++)
    g_assert_nonnull (holder.held[i]);
  response = send_raw_from (f, "127.0.0.11", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 37);
  g_assert_null (response);
  response = request_from (f, "127.0.0.12", "GET", "/", NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  for (guint i = 0; i < G_N_ELEMENTS (holder.held); i++)
    g_object_unref (holder.held[i]);
}

/* ---- Starting and stopping ---------------------------------------------- */

static void
test_stop (Fixture *f, gconstpointer data)
{
  Exchange after = { f->port, "127.0.0.1", g_bytes_new_static ("GET / HTTP/1.1\r\n\r\n", 18), 0, NULL, FALSE, FALSE, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KwVoteServer) closed = NULL;

  g_assert_true (kw_vote_server_get_running (f->server));
  kw_vote_server_stop (f->server);
  kw_vote_server_stop (f->server);
  g_assert_false (kw_vote_server_get_running (f->server));
  g_assert_null (kw_vote_server_dup_join_uri (f->server));
  run_exchange (&after);
  g_assert_true (after.refused);
  g_byte_array_unref (after.reply);
  g_bytes_unref (after.request);

  /* Revealed: nothing to vote on, nothing listens. */
  kw_round_reveal (f->round, f->history);
  closed = kw_vote_server_new (f->round, f->history);
  g_assert_false (kw_vote_server_start (closed, 0, TRUE, &error));
  g_assert_error (error, KW_VOTE_SERVER_ERROR, KW_VOTE_SERVER_ERROR_ROUND_CLOSED);
  g_assert_false (kw_vote_server_get_running (closed));
}

static void
test_secrets (Fixture *f, gconstpointer data)
{
  g_autofree char *uri = kw_vote_server_dup_join_uri (f->server);
  g_autoptr(KwVoteServer) other = kw_vote_server_new (f->round, f->history);
  const char *secret = strrchr (uri, '/') + 1;

  g_assert_true (g_str_has_prefix (uri, "http://127.0.0.1:"));
  /* 32 base64url characters: 192 bits. */
  g_assert_cmpuint (strlen (secret), ==, 32);
  g_assert_cmpuint (strspn (secret, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), ==, 32);
  g_assert_true (kw_vote_server_start (other, 0, TRUE, NULL));
  {
    g_autofree char *other_uri = kw_vote_server_dup_join_uri (other);
    g_assert_cmpstr (strrchr (other_uri, '/'), !=, strrchr (uri, '/'));
  }
}

#define ADD(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KWADRANT_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  /* The build's own Dutch catalogue (meson test says where). */
  if (localedir == NULL)
    g_error ("KWADRANT_LOCALEDIR is not set: run through meson test");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  ADD ("/vote-server/join-and-score", test_join_and_score);
  ADD ("/vote-server/headers", test_headers);
  ADD ("/vote-server/own-pace", test_own_pace);
  ADD ("/vote-server/facilitator-pace", test_facilitator_pace);
  ADD ("/vote-server/room-code", test_room_code);
  ADD ("/vote-server/dutch-phone", test_dutch_phone);
  ADD ("/vote-server/same-name", test_same_name);
  ADD ("/vote-server/tokens", test_tokens);
  ADD ("/vote-server/bad-values", test_bad_values);
  ADD ("/vote-server/bad-names", test_bad_names);
  ADD ("/vote-server/paths-and-methods", test_paths_and_methods);
  ADD ("/vote-server/sizes", test_sizes);
  ADD ("/vote-server/flood", test_flood);
  ADD ("/vote-server/slow-client", test_slow_client);
  ADD ("/vote-server/connections-per-address", test_connections_per_address);
  ADD ("/vote-server/stop", test_stop);
  ADD ("/vote-server/secrets", test_secrets);

  return g_test_run ();
}
