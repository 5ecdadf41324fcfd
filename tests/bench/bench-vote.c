/* bench-vote.c: voting from phones under the load of a full room, on a
 * board of 1,000 findings in a 1200×800 window.
 *
 * Thirty phones (threads, each from its own loopback address, as each
 * phone on a Wi-Fi network has its own) join at once and score a round of
 * 40 findings at their own pace as fast as the server answers: 1,200
 * scores. Meanwhile a card is dragged back and forth across the matrix,
 * a frame at a time, as in bench-drag. Baselines of the same run: one
 * phone scoring the 40 findings alone, and the same drag with no phone.
 *
 * Prints the time from a score's connection to its answer (p50 and p99),
 * the drag's frame (its model change and paint, median and 90th
 * percentile) and the drag's step (from the move to its frame painted,
 * the scores taken in between included), each against its baseline, and checks that every phone's every score arrived exactly
 * once, with its value. Run it under a display (xvfb-run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-vote"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "kw-bench-drag.h"
#include "kw-frame-memory.h"
#include "kw-round.h"
#include "kw-vote-client.h"
#include "kw-vote-server.h"

#define N_PHONES      30
#define N_ROUND       40
#define N_QUIET_STEPS 200
/* Whole runs of the load: the guard against a hang, not a budget. */
#define LOAD_TIMEOUT_US (120 * G_USEC_PER_SEC)

typedef struct {
  guint16      port;
  const char  *join_path;
  char        *finding_ids[N_ROUND];
} Room;

typedef struct {
  const Room *room;
  guint       index;        /* the phone's number: its scores and address */
  char        source[16];
  double      latencies[N_ROUND];
  guint       n_scored;     /* answered with 303 */
  gboolean    failed;
  gboolean    done;
} Phone;

/* The phone's score of finding f: different for every phone and finding,
 * so a score that lands twice or with another's value shows. */
static void
expected_score (guint   phone,
                guint   f,
                double *impact,
                double *effort)
{
  *impact = (phone * 7 + f) % 11;
  *effort = (phone * 3 + f * 5) % 11;
}

static KwVoteResponse *
ask (Phone      *phone,
     const char *method,
     const char *path,
     const char *cookies,
     const char *form,
     double     *ms)
{
  g_autoptr(GString) raw = kw_vote_client_format_request (method, path, phone->room->port, "en", cookies, form);
  g_autoptr(GBytes) request = g_bytes_new (raw->str, raw->len);
  g_autoptr(GByteArray) reply = g_byte_array_new ();
  gboolean refused;
  gint64 begin = g_get_monotonic_time ();

  kw_vote_client_exchange (phone->source, phone->room->port, request, 0, reply, &refused);
  if (ms != NULL)
    *ms = (g_get_monotonic_time () - begin) / 1000.0;
  return refused ? NULL : kw_vote_client_parse (reply);
}

/* Joins as "Phone N"; the cookie and the token of its forms. */
static gboolean
join (Phone  *phone,
      char  **cookie,
      char  **csrf)
{
  g_autoptr(KwVoteResponse) page = ask (phone, "GET", phone->room->join_path, NULL, NULL, NULL);
  g_autofree char *form_token = page != NULL ? kw_vote_response_dup_set_cookie (page, "kw-form") : NULL;
  g_autofree char *form_cookie = g_strconcat ("kw-form=", form_token, NULL);
  g_autofree char *form = g_strdup_printf ("csrf=%s&name=Phone+%u", form_token, phone->index + 1);
  g_autoptr(KwVoteResponse) joined = NULL;
  g_autoptr(KwVoteResponse) vote = NULL;
  g_autofree char *token = NULL;

  if (form_token == NULL)
    return FALSE;
  joined = ask (phone, "POST", phone->room->join_path, form_cookie, form, NULL);
  if (joined == NULL || joined->status != 303 || (token = kw_vote_response_dup_set_cookie (joined, "kw-token")) == NULL)
    return FALSE;
  *cookie = g_strconcat ("kw-token=", token, NULL);
  vote = ask (phone, "GET", "/vote", *cookie, NULL, NULL);
  if (vote == NULL || vote->status != 200)
    return FALSE;
  *csrf = kw_vote_response_dup_csrf (vote);
  return TRUE;
}

static gpointer
phone_thread (gpointer data)
{
  Phone *phone = data;
  g_autofree char *cookie = NULL;
  g_autofree char *csrf = NULL;

  if (!join (phone, &cookie, &csrf))
    phone->failed = TRUE;
  for (guint f = 0; !phone->failed && f < N_ROUND; f++)
    {
      double impact, effort;
      g_autofree char *form = NULL;
      g_autoptr(KwVoteResponse) answer = NULL;

      expected_score (phone->index, f, &impact, &effort);
      form = g_strdup_printf ("csrf=%s&finding=%s&impact=%g&effort=%g", csrf, phone->room->finding_ids[f],
                              impact, effort);
      answer = ask (phone, "POST", "/vote", cookie, form, &phone->latencies[f]);
      if (answer == NULL || answer->status != 303)
        phone->failed = TRUE;
      else
        phone->n_scored++;
    }
  g_atomic_int_set (&phone->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

static gboolean
all_done (Phone  *phones,
          guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      if (!g_atomic_int_get (&phones[i].done))
        return FALSE;
    }
  return TRUE;
}

static GThread **
start_phones (Phone      *phones,
              guint       n,
              guint       first_index,
              const Room *room)
{
  GThread **threads = g_new0 (GThread *, n);

  for (guint i = 0; i < n; i++)
    {
      phones[i] = (Phone) { .room = room, .index = first_index + i };
      g_snprintf (phones[i].source, sizeof phones[i].source, "127.0.1.%u", first_index + i + 1);
      threads[i] = g_thread_new ("phone", phone_thread, &phones[i]);
    }
  return threads;
}

static gboolean
join_phones (GThread **threads,
             Phone    *phones,
             guint     n)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_thread_join (threads[i]);
      if (phones[i].failed || phones[i].n_scored != N_ROUND)
        {
          g_printerr ("Phone %u scored %u of %u findings\n", phones[i].index + 1, phones[i].n_scored, N_ROUND);
          ok = FALSE;
        }
    }
  g_free (threads);
  return ok;
}

/* Every phone's every score, exactly once and as sent, on the board
 * after the reveal. */
static gboolean
check_arrivals (KwRound   *round,
                KwHistory *history,
                guint      n_phones)
{
  KwParticipantList *participants = kw_board_get_participants (kw_round_get_board (round));

  for (guint f = 0; f < N_ROUND; f++)
    {
      if (kw_round_count_submitted (round, kw_round_get_finding (round, f)) != n_phones)
        {
          g_printerr ("Finding %u has %u scores, not %u\n", f + 1,
                      kw_round_count_submitted (round, kw_round_get_finding (round, f)), n_phones);
          return FALSE;
        }
    }
  if (kw_round_reveal (round, history) != n_phones * N_ROUND)
    return FALSE;
  for (guint p = 0; p < n_phones; p++)
    {
      g_autofree char *name = g_strdup_printf ("Phone %u", p + 1);
      KwParticipant *participant = kw_participant_list_lookup_by_name (participants, name);

      for (guint f = 0; participant != NULL && f < N_ROUND; f++)
        {
          KwEstimate estimate;
          double impact, effort;

          expected_score (p, f, &impact, &effort);
          if (!kw_finding_get_estimate (kw_round_get_finding (round, f), kw_participant_get_id (participant), &estimate)
              || estimate.impact != impact || estimate.effort != effort)
            {
              g_printerr ("%s's score of finding %u is wrong or missing\n", name, f + 1);
              return FALSE;
            }
        }
      if (participant == NULL)
        return FALSE;
    }
  return TRUE;
}

/* One phone alone: the baseline of a score's time. */
static double
measure_alone (const Room *room)
{
  Phone phone;
  GThread **thread = start_phones (&phone, 1, N_PHONES, room);
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_US;

  /* The phone wakes the main loop when it is done. */
  while (!all_done (&phone, 1) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!all_done (&phone, 1))
    {
      g_printerr ("The phone alone did not finish within %d s\n", (int) (LOAD_TIMEOUT_US / G_USEC_PER_SEC));
      return -1;
    }
  if (!join_phones (thread, &phone, 1))
    return -1;
  return kw_bench_quantile (phone.latencies, N_ROUND, 0.5);
}

/* The drag alone: the baseline of its frame. */
static double
measure_quiet_drag (KwBenchDrag *drag,
                    double      *p90,
                    double      *wall_median)
{
  double frames[N_QUIET_STEPS];
  double walls[N_QUIET_STEPS];

  for (guint step = 0; step < N_QUIET_STEPS; step++)
    {
      /* Back and forth, as under the load. */
      double t = (step % 100) / 100.0;
      gint64 begin = g_get_monotonic_time ();

      frames[step] = kw_bench_drag_step (drag, step / 100 % 2 == 0 ? t : 1 - t);
      walls[step] = (g_get_monotonic_time () - begin) / 1000.0;
      if (frames[step] < 0)
        return -1;
    }
  *wall_median = kw_bench_quantile (walls, N_QUIET_STEPS, 0.5);
  *p90 = kw_bench_quantile (frames, N_QUIET_STEPS, 0.9);
  return kw_bench_quantile (frames, N_QUIET_STEPS, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwHistory) history = NULL;
  g_autoptr(KwRound) round = NULL;
  g_autoptr(KwVoteServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uri = NULL;
  KwFinding *round_findings[N_ROUND];
  KwFinding *dragged;
  KwBenchDrag drag;
  Room room = { 0 };
  Phone phones[N_PHONES];
  GThread **threads;
  double latencies[N_PHONES * N_ROUND];
  double alone, quiet, quiet_p90, quiet_wall, voting, voting_p90, voting_wall, p50, p99;
  gint64 deadline;
  guint step = 0;

  kw_frame_memory_init ();
  gtk_init ();
  adw_init ();

  board = kw_bench_drag_make_board (1000, &dragged);
  history = kw_history_new (board);
  for (guint f = 0; f < N_ROUND; f++)
    {
      round_findings[f] = kw_board_get_finding (board, f);
      room.finding_ids[f] = g_strdup (kw_finding_get_id (round_findings[f]));
    }
  round = kw_round_new (board, round_findings, N_ROUND);
  server = kw_vote_server_new (round, history);
  kw_vote_server_set_pace (server, KW_VOTE_PACE_OWN);
  if (!kw_vote_server_start (server, 0, TRUE, &error))
    {
      g_printerr ("The server did not start: %s\n", error->message);
      return EXIT_FAILURE;
    }
  uri = kw_vote_server_dup_join_uri (server);
  room.join_path = strstr (uri + strlen ("http://"), "/");
  room.port = (guint16) atoi (strchr (uri + strlen ("http://"), ':') + 1);

  if (!kw_bench_drag_begin (&drag, board, history, dragged))
    return EXIT_FAILURE;
  alone = measure_alone (&room);
  quiet = measure_quiet_drag (&drag, &quiet_p90, &quiet_wall);
  if (alone < 0 || quiet < 0)
    {
      kw_bench_drag_abort (&drag);
      return EXIT_FAILURE;
    }

  /* The room: thirty phones at once, the card moving all the while. */
  threads = start_phones (phones, N_PHONES, 0, &room);
  deadline = g_get_monotonic_time () + LOAD_TIMEOUT_US;
  while (!all_done (phones, N_PHONES) && g_get_monotonic_time () < deadline)
    {
      double t = (step % 100) / 100.0;
      gint64 begin = g_get_monotonic_time ();
      double frame = kw_bench_drag_step (&drag, step / 100 % 2 == 0 ? t : 1 - t);
      double wall = (g_get_monotonic_time () - begin) / 1000.0;

      if (frame < 0)
        break;
      g_array_append_val (frames, frame);
      g_array_append_val (walls, wall);
      step++;
    }
  if (!all_done (phones, N_PHONES))
    {
      g_printerr ("The phones did not finish within %d s\n", (int) (LOAD_TIMEOUT_US / G_USEC_PER_SEC));
      kw_bench_drag_abort (&drag);
      return EXIT_FAILURE;
    }
  if (!join_phones (threads, phones, N_PHONES) || frames->len == 0)
    {
      kw_bench_drag_abort (&drag);
      return EXIT_FAILURE;
    }
  kw_bench_drag_step (&drag, 1);
  if (!kw_bench_drag_end (&drag))
    return EXIT_FAILURE;

  /* Before the reveal the phone alone's scores are in the round too. */
  if (!check_arrivals (round, history, N_PHONES + 1))
    return EXIT_FAILURE;

  for (guint i = 0; i < N_PHONES; i++)
    memcpy (latencies + i * N_ROUND, phones[i].latencies, sizeof phones[i].latencies);
  p50 = kw_bench_quantile (latencies, G_N_ELEMENTS (latencies), 0.5);
  p99 = kw_bench_quantile (latencies, G_N_ELEMENTS (latencies), 0.99);
  voting_p90 = kw_bench_quantile ((double *) frames->data, frames->len, 0.9);
  voting = kw_bench_quantile ((double *) frames->data, frames->len, 0.5);
  voting_wall = kw_bench_quantile ((double *) walls->data, walls->len, 0.5);

  g_print ("# %u phones × %u findings: %u scores arrived, each once and as sent; %u drag frames under the load\n",
           N_PHONES, N_ROUND, N_PHONES * N_ROUND, frames->len);
  g_print ("bench vote_submit_alone_p50_ms %.2f ms\n", alone);
  g_print ("bench vote_submit_p50_ms %.2f ms\n", p50);
  g_print ("bench vote_submit_p99_ms %.2f ms\n", p99);
  g_print ("bench vote_submit_p99_vs_alone %.2f x\n", p99 / alone);
  g_print ("bench vote_drag_frame_1000_quiet_ms %.2f ms\n", quiet);
  g_print ("bench vote_drag_frame_1000_voting_ms %.2f ms\n", voting);
  g_print ("bench vote_drag_frame_1000_voting_p90_ms %.2f ms (quiet: %.2f)\n", voting_p90, quiet_p90);
  g_print ("bench vote_drag_frame_voting_vs_quiet %.2f x\n", voting / quiet);
  /* From the pointer's move to its frame painted, the scores taken in
   * between included: how often the matrix is drawn while the room scores. */
  g_print ("bench vote_drag_step_quiet_ms %.2f ms\n", quiet_wall);
  g_print ("bench vote_drag_step_voting_ms %.2f ms\n", voting_wall);
  g_print ("bench vote_drag_step_voting_vs_quiet %.2f x\n", voting_wall / quiet_wall);

  for (guint f = 0; f < N_ROUND; f++)
    g_free (room.finding_ids[f]);
  return EXIT_SUCCESS;
}
