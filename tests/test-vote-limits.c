/* test-vote-limits.c: how much one address may ask of the voting server,
 * with the clock passed in: exactly 60 requests in any minute, refusals
 * that last while a flood goes on, ten wrong room codes, and a table of
 * addresses that does not grow without end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kw-vote-limits.h"

#define SECOND G_USEC_PER_SEC

static void
test_requests_per_minute (void)
{
  g_autoptr(KwVoteLimits) limits = kw_vote_limits_new ();
  gint64 start = 1000 * SECOND;

  /* Sixty in the first second are fine; the sixty-first is not. */
  for (guint i = 0; i < KW_VOTE_LIMIT_REQUESTS; i++)
    g_assert_true (kw_vote_limits_allow_request (limits, "10.0.0.5", start + i * 1000));
  g_assert_false (kw_vote_limits_allow_request (limits, "10.0.0.5", start + SECOND));
  /* Another address has its own count. */
  g_assert_true (kw_vote_limits_allow_request (limits, "10.0.0.6", start + SECOND));

  /* The refused one counts, in the place of the first: a minute after the
   * second request, one slot is free again, and only one. */
  g_assert_true (kw_vote_limits_allow_request (limits, "10.0.0.5", start + 60 * SECOND + 1000));
  g_assert_false (kw_vote_limits_allow_request (limits, "10.0.0.5", start + 60 * SECOND + 1000));
}

/* One request a second, all day: never refused. */
static void
test_steady_pace (void)
{
  g_autoptr(KwVoteLimits) limits = kw_vote_limits_new ();

  for (guint i = 0; i < 3600; i++)
    g_assert_true (kw_vote_limits_allow_request (limits, "10.0.0.5", (gint64) i * SECOND));
}

/* A flood is refused as long as it goes on: refused requests count. */
static void
test_flood_stays_refused (void)
{
  g_autoptr(KwVoteLimits) limits = kw_vote_limits_new ();
  guint allowed = 0;

  for (guint i = 0; i < 600; i++)
    allowed += kw_vote_limits_allow_request (limits, "10.0.0.5", (gint64) i * SECOND / 5);
  /* 120 seconds of five a second: 60 at the start, none after. */
  g_assert_cmpuint (allowed, ==, KW_VOTE_LIMIT_REQUESTS);
}

static void
test_wrong_codes (void)
{
  g_autoptr(KwVoteLimits) limits = kw_vote_limits_new ();
  gint64 start = 50 * SECOND;

  for (guint i = 0; i < KW_VOTE_LIMIT_WRONG_CODES - 1; i++)
    kw_vote_limits_record_wrong_code (limits, "10.0.0.5", start + i * SECOND);
  g_assert_false (kw_vote_limits_is_code_locked (limits, "10.0.0.5", start + 10 * SECOND));
  kw_vote_limits_record_wrong_code (limits, "10.0.0.5", start + 10 * SECOND);
  g_assert_true (kw_vote_limits_is_code_locked (limits, "10.0.0.5", start + 10 * SECOND));
  g_assert_false (kw_vote_limits_is_code_locked (limits, "10.0.0.6", start + 10 * SECOND));
  /* The minute from the first wrong code over, the address may try again. */
  g_assert_true (kw_vote_limits_is_code_locked (limits, "10.0.0.5", start + 59 * SECOND));
  g_assert_false (kw_vote_limits_is_code_locked (limits, "10.0.0.5", start + 60 * SECOND));
  kw_vote_limits_record_wrong_code (limits, "10.0.0.5", start + 61 * SECOND);
  g_assert_false (kw_vote_limits_is_code_locked (limits, "10.0.0.5", start + 61 * SECOND));
}

/* Addresses not seen for a minute are forgotten as new ones come. */
static void
test_forgets (void)
{
  g_autoptr(KwVoteLimits) limits = kw_vote_limits_new ();

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *address = g_strdup_printf ("10.%u.%u.%u", i >> 16, (i >> 8) & 255, i & 255);

      kw_vote_limits_allow_request (limits, address, (gint64) i * SECOND / 100);
    }
  /* 100 new addresses a second: about a minute's worth are kept. */
  g_assert_cmpuint (kw_vote_limits_get_n_hosts (limits), <=, 6000 + 256);
  g_assert_cmpuint (kw_vote_limits_get_n_hosts (limits), >=, 6000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vote-limits/requests-per-minute", test_requests_per_minute);
  g_test_add_func ("/vote-limits/steady-pace", test_steady_pace);
  g_test_add_func ("/vote-limits/flood-stays-refused", test_flood_stays_refused);
  g_test_add_func ("/vote-limits/wrong-codes", test_wrong_codes);
  g_test_add_func ("/vote-limits/forgets", test_forgets);

  return g_test_run ();
}
