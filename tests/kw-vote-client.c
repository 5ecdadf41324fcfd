/* kw-vote-client.c: see kw-vote-client.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kw-test-timing.h"
#include "kw-vote-client.h"

void
kw_vote_response_free (KwVoteResponse *response)
{
  g_clear_pointer (&response->headers, g_hash_table_unref);
  g_free (response->body);
  g_free (response);
}

GSocketConnection *
kw_vote_client_connect (const char  *source,
                        guint16      port,
                        GError     **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) local_inet = g_inet_address_new_from_string (source);
  g_autoptr(GSocketAddress) local = g_inet_socket_address_new (local_inet, 0);
  g_autoptr(GInetAddress) server_inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) server = g_inet_socket_address_new (server_inet, port);

  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_local_address (client, local);
  return g_socket_client_connect (client, G_SOCKET_CONNECTABLE (server), NULL, error);
}

static void
read_all (GSocket    *socket,
          GByteArray *reply)
{
  guint8 buffer[4096];
  gssize n;

  while ((n = g_socket_receive (socket, (char *) buffer, sizeof buffer, NULL, NULL)) > 0)
    g_byte_array_append (reply, buffer, (guint) n);
}

/* A header line every trickle_ms until the server cuts the connection;
 * FALSE when it has not after minutes. */
static gboolean
trickle (GSocket *socket,
         guint    trickle_ms)
{
  const guint limit = 600 * KW_TEST_SLOWDOWN;

  for (guint i = 0; i < limit; i++)
    {
      char byte;

      g_usleep (trickle_ms * 1000);
      if (g_socket_send (socket, "X-a: b\r\n", 8, NULL, NULL) < 0)
        return TRUE;
      if (g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR) != 0
          && g_socket_receive (socket, &byte, 1, NULL, NULL) <= 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
kw_vote_client_exchange (const char *source,
                         guint16     port,
                         GBytes     *request,
                         guint       trickle_ms,
                         GByteArray *reply,
                         gboolean   *refused)
{
  g_autoptr(GSocketConnection) connection = kw_vote_client_connect (source, port, NULL);
  GOutputStream *out;
  gsize length;
  const char *data = g_bytes_get_data (request, &length);
  GSocket *socket;

  *refused = connection == NULL;
  if (connection == NULL)
    return TRUE;
  socket = g_socket_connection_get_socket (connection);
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  if (!g_output_stream_write_all (out, data, length, NULL, NULL, NULL))
    return TRUE;
  if (trickle_ms > 0)
    return trickle (socket, trickle_ms);
  read_all (socket, reply);
  return TRUE;
}

GString *
kw_vote_client_format_request (const char *method,
                               const char *path,
                               guint16     port,
                               const char *language,
                               const char *cookies,
                               const char *form)
{
  GString *raw = g_string_new (NULL);

  g_string_append_printf (raw, "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nConnection: close\r\n", method, path, port);
  if (language != NULL)
    g_string_append_printf (raw, "Accept-Language: %s\r\n", language);
  if (cookies != NULL)
    g_string_append_printf (raw, "Cookie: %s\r\n", cookies);
  if (form != NULL)
    g_string_append_printf (raw, "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n",
                            strlen (form));
  g_string_append (raw, "\r\n");
  if (form != NULL)
    g_string_append (raw, form);
  return raw;
}

KwVoteResponse *
kw_vote_client_parse (GByteArray *reply)
{
  KwVoteResponse *response;
  g_autofree char *text = NULL;
  char *end;
  g_auto(GStrv) lines = NULL;

  if (reply->len == 0)
    return NULL;
  text = g_strndup ((const char *) reply->data, reply->len);
  end = strstr (text, "\r\n\r\n");
  response = g_new0 (KwVoteResponse, 1);
  response->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (end == NULL)
    return response;
  *end = '\0';
  response->body = g_strdup (end + 4);
  lines = g_strsplit (text, "\r\n", -1);
  /* HTTP/1.0 for a request libsoup could not read a version from. */
  g_assert_true (g_str_has_prefix (lines[0], "HTTP/1.1 ") || g_str_has_prefix (lines[0], "HTTP/1.0 "));
  response->status = (guint) atoi (lines[0] + strlen ("HTTP/1.1 "));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');
      g_autofree char *name = NULL;
      const char *old;

      g_assert_nonnull (colon);
      name = g_ascii_strdown (lines[i], colon - lines[i]);
      old = g_hash_table_lookup (response->headers, name);
      g_hash_table_insert (response->headers, g_strdup (name),
                           old != NULL ? g_strconcat (old, "\n", g_strstrip (colon + 1), NULL)
                                       : g_strdup (g_strstrip (colon + 1)));
    }
  return response;
}

/* One request as raw bytes from source; the answer, or NULL when the
 * server closed the connection without one. */
const char *
kw_vote_response_header (KwVoteResponse *response,
                         const char     *name)
{
  return g_hash_table_lookup (response->headers, name);
}

/* The value the response's Set-Cookie gives name, checking its flags. */
char *
kw_vote_response_dup_set_cookie (KwVoteResponse *response,
                                 const char     *name)
{
  const char *cookies = kw_vote_response_header (response, "set-cookie");
  g_auto(GStrv) lines = cookies != NULL ? g_strsplit (cookies, "\n", -1) : NULL;
  g_autofree char *prefix = g_strconcat (name, "=", NULL);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        {
          g_assert_nonnull (strstr (lines[i], "; HttpOnly"));
          g_assert_nonnull (strstr (lines[i], "; SameSite=Strict"));
          return g_strndup (lines[i] + strlen (prefix), strcspn (lines[i] + strlen (prefix), ";"));
        }
    }
  return NULL;
}

/* The value of the page's hidden csrf field. */
char *
kw_vote_response_dup_csrf (KwVoteResponse *response)
{
  const char *field = strstr (response->body, "name=\"csrf\" value=\"");

  g_assert_nonnull (field);
  field += strlen ("name=\"csrf\" value=\"");
  return g_strndup (field, strcspn (field, "\""));
}
