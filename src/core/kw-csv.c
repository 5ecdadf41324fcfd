/* kw-csv.c: makes a board from the CSV a spreadsheet writes, and says
 * what the cells of such a file mean.
 *
 * The input is what Excel, LibreOffice and Google Sheets write: RFC 4180
 * quoting, "," or ";" between cells (Dutch Excel uses ";"), CRLF or LF line
 * ends, UTF-8 with or without a byte order mark. The import is all or
 * nothing: the first problem is reported with the file, the row (counted the
 * way the spreadsheet counts, the header is row 1) and the column, and no
 * board is returned. The rows are read, checked and turned into findings by
 * KwImport, as an import into an open board is; the header names, statuses
 * and tags it reads by are here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-csv"

#include "config.h"

#include <string.h>

#include "kw-csv.h"
#include "kw-csv-private.h"
#include "kw-file-names.h"
#include "kw-import-private.h"
#include "kw-plan-columns.h"
#include "kw-text.h"

G_DEFINE_QUARK (kw-csv-error-quark, kw_csv_error)


typedef struct
{
  const char  *name;
  KwCsvColumn  field;
} ColumnName;

/* Header names after normalize_name(): lower case, "-" and "_" as spaces.
 * The outcome is ignored because it follows from impact and effort; the
 * times because an imported finding is new on the board. (The id matches
 * findings on an open board; a new board gives fresh ones, see
 * kw-import-private.h.) */
static const ColumnName column_names[] = {
  { "title", KW_CSV_COLUMN_TITLE },
  { "titel", KW_CSV_COLUMN_TITLE },
  { "description", KW_CSV_COLUMN_DESCRIPTION },
  { "omschrijving", KW_CSV_COLUMN_DESCRIPTION },
  { "beschrijving", KW_CSV_COLUMN_DESCRIPTION },
  { "impact", KW_CSV_COLUMN_IMPACT },
  { "effort", KW_CSV_COLUMN_EFFORT },
  { "inspanning", KW_CSV_COLUMN_EFFORT },
  { "owner", KW_CSV_COLUMN_OWNER },
  { "eigenaar", KW_CSV_COLUMN_OWNER },
  { "due", KW_CSV_COLUMN_DUE },
  { "due date", KW_CSV_COLUMN_DUE },
  { "deadline", KW_CSV_COLUMN_DUE },
  { "status", KW_CSV_COLUMN_STATUS },
  { "tags", KW_CSV_COLUMN_TAGS },
  { "labels", KW_CSV_COLUMN_TAGS },
  { "source", KW_CSV_COLUMN_SOURCE },
  { "bron", KW_CSV_COLUMN_SOURCE },
  { "review", KW_CSV_COLUMN_REVIEW },
  { "review date", KW_CSV_COLUMN_REVIEW },
  { "herbeoordeling", KW_CSV_COLUMN_REVIEW },
  { "drop reason", KW_CSV_COLUMN_DROP_REASON },
  { "reden schrappen", KW_CSV_COLUMN_DROP_REASON },
  { "id", KW_CSV_COLUMN_ID },
  { "participant", KW_CSV_COLUMN_PARTICIPANT },
  { "deelnemer", KW_CSV_COLUMN_PARTICIPANT },
  { "outcome", KW_CSV_COLUMN_IGNORED },
  { "uitkomst", KW_CSV_COLUMN_IGNORED },
  { "created", KW_CSV_COLUMN_IGNORED },
  { "aangemaakt", KW_CSV_COLUMN_IGNORED },
  { "modified", KW_CSV_COLUMN_IGNORED },
  { "gewijzigd", KW_CSV_COLUMN_IGNORED },
};

typedef struct
{
  const char *name;
  KwStatus    status;
} StatusName;

static const StatusName status_names[] = {
  { "open", KW_STATUS_OPEN },
  { "in progress", KW_STATUS_IN_PROGRESS },
  { "bezig", KW_STATUS_IN_PROGRESS },
  { "in behandeling", KW_STATUS_IN_PROGRESS },
  { "done", KW_STATUS_DONE },
  { "klaar", KW_STATUS_DONE },
  { "afgerond", KW_STATUS_DONE },
  { "gedaan", KW_STATUS_DONE },
};

/* What a participant writes for a score they cannot give: the estimate
 * is "no idea" (kw-estimates.h). */
static const char * const no_idea_names[] = {
  "?",
  "no idea",
  "geen idee",
  NULL
};

/* Tags are short labels: none of these belong inside one, and a cell with
 * the file's own separator in it is quoted, so all three can split tags
 * whichever separator the file uses. */
#define TAG_SEPARATORS ",;|"

/* Header names */

/* Lower case, "-" and "_" as spaces, runs of spaces as one, trimmed:
 * "Drop_Reason " and "drop reason" are the same column. */
static char *
normalize_name (const char *text)
{
  g_autofree char *line = kw_text_clean (text, TRUE);
  g_autofree char *lower = g_utf8_strdown (line, -1);
  GString *name = g_string_sized_new (strlen (lower));

  for (const char *p = lower; *p != '\0'; p++)
    {
      char c = (*p == '-' || *p == '_' || g_ascii_isspace (*p)) ? ' ' : *p;

      if (c == ' ' && (name->len == 0 || name->str[name->len - 1] == ' '))
        continue;
      g_string_append_c (name, c);
    }
  if (name->len > 0 && name->str[name->len - 1] == ' ')
    g_string_truncate (name, name->len - 1);

  return g_string_free (name, FALSE);
}

static gboolean
lookup_field (const char  *name,
              KwCsvColumn *field)
{
  if (name[0] == '\0')
    {
      *field = KW_CSV_COLUMN_UNNAMED;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    {
      if (g_str_equal (name, column_names[i].name))
        {
          *field = column_names[i].field;
          return TRUE;
        }
    }

  /* The room's estimates that the CSV export adds (kw-plan-columns.h):
   * not the board's own fields, so the file reads back as it is. */
  if (kw_plan_estimate_column_is_name (name))
    {
      *field = KW_CSV_COLUMN_IGNORED;
      return TRUE;
    }

  return FALSE;
}

gboolean
_kw_csv_column_from_header (const char  *cell,
                            KwCsvColumn *column)
{
  g_autofree char *name = normalize_name (cell);

  return lookup_field (name, column);
}

gboolean
_kw_csv_same_header (const char *a,
                     const char *b)
{
  g_autofree char *name_a = normalize_name (a);
  g_autofree char *name_b = normalize_name (b);

  return g_str_equal (name_a, name_b);
}

/* Cells */

static gboolean
starts_formula (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@", cell[0]) != NULL;
}

/* Kwadrant's CSV export guards a cell that a spreadsheet would run as a
 * formula (or that looks guarded) with an apostrophe, see kw-export-csv.c;
 * the apostrophe is not part of the text. */
const char *
_kw_csv_unguard (const char *cell)
{
  if (cell[0] == '\'' && (starts_formula (cell + 1) ||
                          (cell[1] == '\'' && starts_formula (cell + 2))))
    return cell + 1;

  return cell;
}

gboolean
_kw_csv_parse_status (const char *text,
                      KwStatus   *status)
{
  g_autofree char *name = normalize_name (text);

  if (name[0] == '\0')
    {
      *status = KW_STATUS_OPEN;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (name, status_names[i].name))
        {
          *status = status_names[i].status;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
_kw_csv_is_no_idea (const char *text)
{
  g_autofree char *name = normalize_name (text);

  return g_strv_contains (no_idea_names, name);
}

/* The same rules as kw_finding_set_tags(): one line each, no empty tags,
 * no repeats, the order of first appearance. */
GStrv
_kw_csv_split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, TAG_SEPARATORS, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *tag = kw_text_clean (parts[i], TRUE);

      if (tag[0] == '\0' || g_hash_table_contains (seen, tag))
        continue;

      g_strv_builder_add (builder, tag);
      g_hash_table_add (seen, g_steal_pointer (&tag));
    }

  return g_strv_builder_end (builder);
}

/* The whole file */

KwBoard *
kw_csv_import_file (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  display_name = kw_file_dup_display_name (file);
  bytes = _kw_csv_read_bounded (stream, display_name, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return kw_csv_import_bytes (bytes, display_name, error);
}

KwBoard *
kw_csv_import_bytes (GBytes      *bytes,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(KwImport) import = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  board = kw_board_new ();
  import = _kw_import_new_for_new_board (board, bytes, display_name, error);
  if (import == NULL || !_kw_import_check_rows (import, error))
    return NULL;

  _kw_import_apply_to_new_board (import);

  return g_steal_pointer (&board);
}
