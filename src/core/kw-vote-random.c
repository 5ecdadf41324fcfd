/* kw-vote-random.c: see kw-vote-random.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-vote-random"

#include "config.h"

#include <errno.h>
#include <sys/random.h>

#include "kw-vote-random.h"

#define TOKEN_BYTES 24  /* 192 bits: 32 base64 characters, no padding */

static void
fill_random (guint8 *buffer,
             gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      /* Only a signal interrupts getrandom on Linux; anything else means
       * no secret can be made, and serving without one is not an option. */
      if (n < 0 && errno != EINTR)
        g_error ("No random numbers from the kernel: %s", g_strerror (errno));
      if (n > 0)
        done += (gsize) n;
    }
}

char *
kw_vote_random_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  char *token;

  fill_random (bytes, sizeof bytes);
  token = g_base64_encode (bytes, sizeof bytes);
  /* base64url: safe in paths and cookies without escaping. */
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  return token;
}

gboolean
kw_vote_random_token_is_valid (const char *text)
{
  gsize i;

  if (text == NULL)
    return FALSE;
  for (i = 0; text[i] != '\0'; i++)
    {
      if (i >= KW_VOTE_TOKEN_LENGTH
          || !(g_ascii_isalnum (text[i]) || text[i] == '-' || text[i] == '_'))
        return FALSE;
    }
  return i == KW_VOTE_TOKEN_LENGTH;
}

void
kw_vote_random_room_code (char room_code[7])
{
  guint32 value;

  /* Rejection keeps every code equally likely: 4,294,000,000 is the
   * largest multiple of a million below 2^32. */
  do
    fill_random ((guint8 *) &value, sizeof value);
  while (value >= 4294000000u);
  g_snprintf (room_code, 7, "%06u", value % 1000000u);
}

gboolean
kw_vote_random_equal (const char *known,
                      const char *given)
{
  gsize known_length, given_length;
  guint8 difference = 0;

  if (known == NULL || given == NULL)
    return FALSE;
  known_length = strlen (known);
  given_length = strlen (given);
  for (gsize i = 0; i < known_length; i++)
    difference |= (guint8) known[i] ^ (guint8) (i < given_length ? given[i] : 0);
  return difference == 0 && known_length == given_length;
}
