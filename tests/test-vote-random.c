/* test-vote-random.c: the secrets of a voting session: tokens of 192
 * bits in base64url that do not repeat, room codes of six digits spread
 * over all of them, and comparisons that accept only the very text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kw-vote-random.h"

static void
test_tokens (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 10000; i++)
    {
      char *token = kw_vote_random_token ();

      g_assert_cmpuint (strlen (token), ==, KW_VOTE_TOKEN_LENGTH);
      g_assert_true (kw_vote_random_token_is_valid (token));
      g_assert_true (g_hash_table_add (seen, token));
    }
}

static void
test_token_validity (void)
{
  g_autofree char *short_token = g_strnfill (KW_VOTE_TOKEN_LENGTH - 1, 'a');
  g_autofree char *long_token = g_strnfill (KW_VOTE_TOKEN_LENGTH + 1, 'a');
  g_autofree char *good = g_strnfill (KW_VOTE_TOKEN_LENGTH, '-');

  g_assert_false (kw_vote_random_token_is_valid (NULL));
  g_assert_false (kw_vote_random_token_is_valid (""));
  g_assert_false (kw_vote_random_token_is_valid (short_token));
  g_assert_false (kw_vote_random_token_is_valid (long_token));
  g_assert_false (kw_vote_random_token_is_valid ("../../../../../../../etc/passwd.."));
  g_assert_false (kw_vote_random_token_is_valid ("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
  g_assert_true (kw_vote_random_token_is_valid (good));
}

/* Every digit in every place, about as often as the others. */
static void
test_room_codes (void)
{
  guint counts[6][10] = { { 0 } };
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      char code[7];

      kw_vote_random_room_code (code);
      g_assert_cmpuint (strlen (code), ==, 6);
      for (guint place = 0; place < 6; place++)
        {
          g_assert_true (g_ascii_isdigit (code[place]));
          counts[place][code[place] - '0']++;
        }
    }
  for (guint place = 0; place < 6; place++)
    for (guint digit = 0; digit < 10; digit++)
      {
        /* 2,000 expected; 1,700 is over six standard deviations off. */
        g_assert_cmpuint (counts[place][digit], >, 1700);
        g_assert_cmpuint (counts[place][digit], <, 2300);
      }
}

static void
test_equal (void)
{
  g_assert_true (kw_vote_random_equal ("123456", "123456"));
  g_assert_false (kw_vote_random_equal ("123456", "123457"));
  g_assert_false (kw_vote_random_equal ("123456", "12345"));
  g_assert_false (kw_vote_random_equal ("123456", "1234567"));
  g_assert_false (kw_vote_random_equal ("123456", ""));
  g_assert_false (kw_vote_random_equal ("123456", NULL));
  g_assert_false (kw_vote_random_equal (NULL, NULL));
  g_assert_true (kw_vote_random_equal ("", ""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vote-random/tokens", test_tokens);
  g_test_add_func ("/vote-random/token-validity", test_token_validity);
  g_test_add_func ("/vote-random/room-codes", test_room_codes);
  g_test_add_func ("/vote-random/equal", test_equal);

  return g_test_run ();
}
