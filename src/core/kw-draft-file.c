/* kw-draft-file.c: what a draft file holds, and who wrote it.
 *
 * The draft store (kw-draft-store.c) decides when drafts are written,
 * listed and removed; this is the file itself: its contents, their
 * checks, and the process that wrote them, so that a draft of a window
 * still open elsewhere is not offered for recovery.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-draft-file"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "kw-i18n.h"

#include "kw-draft-file.h"
#include "kw-draft-private.h"
#include "kw-draft-store.h"
#include "kw-format.h"

/* A draft file is a serialised GVariant dictionary (a{sv}): the board's
 * .kwadrant XML under "board" (ay) and the metadata next to it, so that
 * one atomic replace writes both together. */
#define DRAFT_KIND "kwadrant-draft"
#define DRAFT_VERSION 1
#define MAX_DRAFT_SIZE (KW_FORMAT_MAX_FILE_SIZE + 1024 * 1024)

/* This process and the others */

static char *
read_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return g_strdup ("");

  return g_strdup (g_strstrip (contents));
}

/* Reads the command name and start time (in clock ticks since boot) of a
 * running process from /proc/PID/stat; FALSE when there is no such
 * process, or only its zombie. */
static gboolean
read_process (guint     pid,
              char    **comm,
              guint64  *start_time)
{
  g_autofree char *path = g_strdup_printf ("/proc/%u/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *open_paren;
  const char *close_paren;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  /* "PID (COMM) STATE PPID …": the name may itself hold parentheses. */
  open_paren = strchr (contents, '(');
  close_paren = strrchr (contents, ')');
  if (open_paren == NULL || close_paren == NULL || close_paren < open_paren)
    return FALSE;

  fields = g_strsplit (close_paren + 1 + strspn (close_paren + 1, " "), " ", 0);
  /* Field 3 is the state, field 22 the start time. */
  if (g_strv_length (fields) < 20 || fields[0][0] == 'Z' || fields[0][0] == 'X')
    return FALSE;

  if (comm != NULL)
    *comm = g_strndup (open_paren + 1, close_paren - open_paren - 1);
  if (start_time != NULL)
    *start_time = g_ascii_strtoull (fields[19], NULL, 10);

  return TRUE;
}

static const KwDraftOwner *
get_self_owner (void)
{
  static KwDraftOwner self_owner;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      self_owner.pid = (guint) getpid ();
      if (!read_process (self_owner.pid, NULL, &self_owner.start_time))
        self_owner.start_time = 0;
      self_owner.boot_id = read_boot_id ();
      g_once_init_leave (&initialized, 1);
    }

  return &self_owner;
}

gboolean
kw_draft_owner_is_self (const KwDraftOwner *owner)
{
  const KwDraftOwner *self_owner = get_self_owner ();

  return owner->pid == self_owner->pid &&
         owner->start_time == self_owner->start_time &&
         g_strcmp0 (owner->boot_id, self_owner->boot_id) == 0;
}

/* TRUE when the writer still runs as this same program (another Kwadrant
 * window process, or another instance of a test). */
gboolean
kw_draft_owner_is_alive (const KwDraftOwner *owner)
{
  const KwDraftOwner *self_owner = get_self_owner ();
  g_autofree char *comm = NULL;
  g_autofree char *self_comm = NULL;
  guint64 start_time = 0;

  if (g_strcmp0 (owner->boot_id, self_owner->boot_id) != 0)
    return FALSE;  /* written before a reboot */

  if (!read_process (owner->pid, &comm, &start_time) || start_time != owner->start_time)
    return FALSE;

  if (!read_process (self_owner->pid, &self_comm, NULL))
    return TRUE;  /* cannot tell: better not to take another's draft */

  return g_strcmp0 (comm, self_comm) == 0;
}

void
kw_draft_owner_clear (KwDraftOwner *owner)
{
  g_clear_pointer (&owner->boot_id, g_free);
}

/* The draft file */

gboolean
kw_draft_id_is_valid (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

GFile *
kw_draft_file_get (GFile      *directory,
                   const char *id)
{
  g_autofree char *name = g_strconcat (id, KW_DRAFT_SUFFIX, NULL);

  return g_file_get_child (directory, name);
}

GBytes *
kw_draft_file_serialize (const char  *id,
                         KwBoard     *board,
                         GFile       *file,
                         const char  *etag,
                         GError     **error)
{
  g_autoptr(GBytes) board_bytes = NULL;
  g_autoptr(GVariant) dict = NULL;
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
  const KwDraftOwner *owner = get_self_owner ();
  GVariantBuilder builder;

  board_bytes = kw_format_save_bytes (board, error);
  if (board_bytes == NULL)
    return NULL;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "kind", g_variant_new_string (DRAFT_KIND));
  g_variant_builder_add (&builder, "{sv}", "version", g_variant_new_uint32 (DRAFT_VERSION));
  g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (&builder, "{sv}", "title", g_variant_new_string (kw_board_get_title (board)));
  g_variant_builder_add (&builder, "{sv}", "uri", g_variant_new_string (uri != NULL ? uri : ""));
  g_variant_builder_add (&builder, "{sv}", "etag", g_variant_new_string (etag != NULL ? etag : ""));
  g_variant_builder_add (&builder, "{sv}", "written", g_variant_new_int64 (g_get_real_time ()));
  g_variant_builder_add (&builder, "{sv}", "pid", g_variant_new_uint32 (owner->pid));
  g_variant_builder_add (&builder, "{sv}", "start-time", g_variant_new_uint64 (owner->start_time));
  g_variant_builder_add (&builder, "{sv}", "boot-id", g_variant_new_string (owner->boot_id));
  g_variant_builder_add (&builder, "{sv}", "board",
                         g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, board_bytes, TRUE));
  dict = g_variant_ref_sink (g_variant_builder_end (&builder));

  return g_variant_get_data_as_bytes (dict);
}

static void
set_corrupt_error (GError     **error,
                   const char  *id)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The draft %s is damaged and cannot be restored."), id);
}

static GDateTime *
new_date_time_from_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  if (seconds == NULL)
    return NULL;

  return g_date_time_add (seconds, usec % G_USEC_PER_SEC);
}

/* Checks a draft's contents and reads what it says. board_bytes (may be
 * NULL) receives the board's XML. */
KwDraft *
kw_draft_file_parse (GBytes        *contents,
                     const char    *id,
                     KwDraftOwner  *owner,
                     GBytes       **board_bytes,
                     GError       **error)
{
  g_autoptr(GVariant) dict = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, contents, FALSE));
  g_autoptr(GVariant) board = NULL;
  g_autoptr(GDateTime) written = NULL;
  g_autoptr(GFile) file = NULL;
  const char *kind, *stored_id, *title, *uri, *etag, *boot_id;
  guint32 version, pid;
  guint64 start_time;
  gint64 written_usec;

  /* A damaged file would read as a dictionary with missing entries;
   * the normal-form check catches any inconsistency in the framing. */
  if (!g_variant_is_normal_form (dict) ||
      !g_variant_lookup (dict, "kind", "&s", &kind) || !g_str_equal (kind, DRAFT_KIND) ||
      !g_variant_lookup (dict, "version", "u", &version) || version != DRAFT_VERSION ||
      !g_variant_lookup (dict, "id", "&s", &stored_id) || !g_str_equal (stored_id, id) ||
      !g_variant_lookup (dict, "title", "&s", &title) ||
      !g_variant_lookup (dict, "uri", "&s", &uri) ||
      !g_variant_lookup (dict, "etag", "&s", &etag) ||
      !g_variant_lookup (dict, "written", "x", &written_usec) ||
      !g_variant_lookup (dict, "pid", "u", &pid) ||
      !g_variant_lookup (dict, "start-time", "t", &start_time) ||
      !g_variant_lookup (dict, "boot-id", "&s", &boot_id) ||
      (board = g_variant_lookup_value (dict, "board", G_VARIANT_TYPE_BYTESTRING)) == NULL ||
      g_variant_get_size (board) == 0 ||
      (written = new_date_time_from_usec (written_usec)) == NULL)
    {
      set_corrupt_error (error, id);
      return NULL;
    }

  if (*uri != '\0')
    file = g_file_new_for_uri (uri);

  if (owner != NULL)
    {
      owner->pid = pid;
      owner->start_time = start_time;
      owner->boot_id = g_strdup (boot_id);
    }
  if (board_bytes != NULL)
    *board_bytes = g_variant_get_data_as_bytes (board);

  return _kw_draft_new (id, title, file, etag, written, pid);
}

GBytes *
kw_draft_file_read (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > MAX_DRAFT_SIZE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The draft is larger than any board Kwadrant can open."));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}
