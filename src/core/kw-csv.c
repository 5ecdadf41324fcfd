/* kw-csv.c: makes a board from the CSV a spreadsheet writes.
 *
 * The input is what Excel, LibreOffice and Google Sheets write: RFC 4180
 * quoting, "," or ";" between cells (Dutch Excel uses ";"), CRLF or LF line
 * ends, UTF-8 with or without a byte order mark. The import is all or
 * nothing: the first problem is reported with the file, the row (counted the
 * way the spreadsheet counts, the header is row 1) and the column, and no
 * board is returned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-csv"

#include "config.h"

#include "kw-i18n.h"
#include <string.h>

#include "kw-board-private.h"
#include "kw-csv.h"
#include "kw-csv-private.h"
#include "kw-file-names.h"
#include "kw-finding-private.h"
#include "kw-text.h"

G_DEFINE_QUARK (kw-csv-error-quark, kw_csv_error)


typedef struct
{
  const char  *name;
  KwCsvColumn  field;
} ColumnName;

/* Header names after normalize_name(): lower case, "-" and "_" as spaces.
 * A new board ignores the id because every finding on it gets a fresh one
 * (KwImport, importing into a board, matches findings by it); the
 * outcome because it follows from impact and effort; the times because an
 * imported finding is new on this board. */
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

/* Tags are short labels: none of these belong inside one, and a cell with
 * the file's own separator in it is quoted, so all three can split tags
 * whichever separator the file uses. */
#define TAG_SEPARATORS ",;|"

typedef struct
{
  char        *label;  /* the header cell, trimmed, for messages */
  char        *name;   /* the header cell, normalized */
  KwCsvColumn  field;
} Column;

typedef struct
{
  KwCsvReader  reader;
  Column       columns[KW_CSV_MAX_COLUMNS];
  guint        n_columns;
  int          column_of_field[KW_CSV_N_COLUMNS];  /* -1 when the file has no such column */
  GDateTime   *now;
} Importer;

static void
importer_clear (Importer *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_clear_pointer (&self->columns[i].label, g_free);
      g_clear_pointer (&self->columns[i].name, g_free);
    }
  self->n_columns = 0;
  g_clear_pointer (&self->now, g_date_time_unref);
  if (self->reader.cell != NULL)
    g_string_free (g_steal_pointer (&self->reader.cell), TRUE);
}

/* Messages */

static void set_cell_error (Importer    *self,
                            guint        column,
                            GError     **error,
                            KwCsvError   code,
                            const char  *format,
                            ...) G_GNUC_PRINTF (5, 6);

static void
set_cell_error (Importer    *self,
                guint        column,
                GError     **error,
                KwCsvError   code,
                const char  *format,
                ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: the file name, the row number in the spreadsheet, the
   * column's name from the header row, and what is wrong with the cell. */
  g_set_error (error, KW_CSV_ERROR, code, _("%s: row %u, column “%s”: %s"),
               self->reader.display_name, self->reader.row,
               self->columns[column].label, detail);
}

/* The header */

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

  return FALSE;
}

/* Returns the earlier column holding the same data, or -1. */
static int
find_repeated_column (Importer *self,
                      guint     column)
{
  const Column *current = &self->columns[column];

  if (current->field == KW_CSV_COLUMN_UNNAMED)
    return -1;

  for (guint i = 0; i < column; i++)
    {
      const Column *earlier = &self->columns[i];

      if (current->field == KW_CSV_COLUMN_IGNORED
          ? g_str_equal (earlier->name, current->name)
          : earlier->field == current->field)
        return (int) i;
    }

  return -1;
}

static gboolean
add_column (Importer    *self,
            const char  *header_cell,
            GError     **error)
{
  guint index = self->n_columns;
  Column *column = &self->columns[index];
  int earlier;

  column->label = kw_text_clean (header_cell, TRUE);
  column->name = normalize_name (header_cell);
  self->n_columns++;

  if (!lookup_field (column->name, &column->field))
    {
      set_cell_error (self, index, error, KW_CSV_ERROR_HEADER,
                      _("Kwadrant does not know this column. The columns are title, description, "
                        "impact, effort, owner, due, status, tags, source, review and drop reason "
                        "(in Dutch: titel, omschrijving, impact, inspanning, eigenaar, deadline, "
                        "status, labels, bron, herbeoordeling and reden schrappen)"));
      return FALSE;
    }

  earlier = find_repeated_column (self, index);
  if (earlier >= 0)
    {
      g_autofree char *letters = _kw_csv_column_letters ((guint) earlier);

      set_cell_error (self, index, error, KW_CSV_ERROR_HEADER,
                      _("this column is already in column %s (“%s”); keep only one of them"),
                      letters, self->columns[earlier].label);
      return FALSE;
    }

  if (column->field > KW_CSV_COLUMN_IGNORED)
    self->column_of_field[column->field] = (int) index;

  return TRUE;
}

static gboolean
check_required_columns (Importer  *self,
                        GError   **error)
{
  int impact = self->column_of_field[KW_CSV_COLUMN_IMPACT];
  int effort = self->column_of_field[KW_CSV_COLUMN_EFFORT];

  if (self->column_of_field[KW_CSV_COLUMN_TITLE] < 0)
    {
      _kw_csv_set_row_error (&self->reader, error, KW_CSV_ERROR_HEADER,
                     _("there is no “title” (or “titel”) column, and every finding needs a title"));
      return FALSE;
    }

  if ((impact < 0) != (effort < 0))
    {
      set_cell_error (self, (guint) MAX (impact, effort), error, KW_CSV_ERROR_HEADER,
                      impact < 0
                      ? _("there is an effort column but no impact column; give both or neither")
                      : _("there is an impact column but no effort column; give both or neither"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_header (Importer  *self,
             GError   **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  self->reader.separator = _kw_csv_detect_separator (&self->reader);

  if (!_kw_csv_read_record (&self->reader, cells, KW_CSV_MAX_COLUMNS, error))
    return FALSE;

  for (guint i = 0; i < cells->len; i++)
    {
      if (!add_column (self, g_ptr_array_index (cells, i), error))
        return FALSE;
    }

  return check_required_columns (self, error);
}

/* The rows */

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

static const char *
row_value (Importer    *self,
           GPtrArray   *cells,
           KwCsvColumn  field)
{
  int column = self->column_of_field[field];

  const char *cell;

  /* A missing column, or a row cut short, reads as an empty cell. */
  if (column < 0 || (guint) column >= cells->len)
    return "";

  cell = g_ptr_array_index (cells, column);

  return _kw_csv_unguard (cell);
}

static gboolean
check_unnamed_cells (Importer   *self,
                     GPtrArray  *cells,
                     GError    **error)
{
  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *letters = NULL;
      g_autofree char *shown = NULL;

      if (self->columns[i].field != KW_CSV_COLUMN_UNNAMED || _kw_csv_is_blank (g_ptr_array_index (cells, i)))
        continue;

      letters = _kw_csv_column_letters (i);
      shown = _kw_csv_quote_value (g_ptr_array_index (cells, i));
      _kw_csv_set_row_error (&self->reader, error, KW_CSV_ERROR_VALUE,
                     _("column %s holds “%s” but has no name in row 1, "
                       "so Kwadrant does not know what it means"),
                     letters, shown);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_title (Importer   *self,
            GPtrArray  *cells,
            KwFinding  *finding,
            GError    **error)
{
  char *title = kw_text_clean (row_value (self, cells, KW_CSV_COLUMN_TITLE), TRUE);

  if (title[0] == '\0')
    {
      g_free (title);
      set_cell_error (self, (guint) self->column_of_field[KW_CSV_COLUMN_TITLE], error, KW_CSV_ERROR_VALUE,
                      _("the title is empty, and every finding needs a title"));
      return FALSE;
    }

  _kw_finding_take_text_loading (finding, KW_FINDING_TEXT_TITLE, title);

  return TRUE;
}

static gboolean
read_score (Importer     *self,
            GPtrArray    *cells,
            KwCsvColumn   field,
            double       *score,
            GError      **error)
{
  const char *text = row_value (self, cells, field);
  g_autofree char *shown = NULL;

  if (kw_score_parse (text, score))
    return TRUE;

  shown = _kw_csv_quote_value (text);
  set_cell_error (self, (guint) self->column_of_field[field], error, KW_CSV_ERROR_VALUE,
                  _("“%s” is not a number from 0 to 10"), shown);

  return FALSE;
}

static gboolean
read_position (Importer   *self,
               GPtrArray  *cells,
               KwFinding  *finding,
               GError    **error)
{
  gboolean no_impact = _kw_csv_is_blank (row_value (self, cells, KW_CSV_COLUMN_IMPACT));
  gboolean no_effort = _kw_csv_is_blank (row_value (self, cells, KW_CSV_COLUMN_EFFORT));
  double impact, effort;

  /* Both empty: the finding waits, unplaced, for the workshop. */
  if (no_impact && no_effort)
    return TRUE;

  if (no_impact || no_effort)
    {
      KwCsvColumn empty = no_impact ? KW_CSV_COLUMN_IMPACT : KW_CSV_COLUMN_EFFORT;

      set_cell_error (self, (guint) self->column_of_field[empty], error, KW_CSV_ERROR_VALUE,
                      no_impact
                      ? _("the impact is empty but the effort is not; fill in both or leave both empty")
                      : _("the effort is empty but the impact is not; fill in both or leave both empty"));
      return FALSE;
    }

  if (!read_score (self, cells, KW_CSV_COLUMN_IMPACT, &impact, error) ||
      !read_score (self, cells, KW_CSV_COLUMN_EFFORT, &effort, error))
    return FALSE;

  _kw_finding_place_loading (finding, impact, effort);

  return TRUE;
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

static gboolean
read_status (Importer   *self,
             GPtrArray  *cells,
             KwFinding  *finding,
             GError    **error)
{
  const char *text = row_value (self, cells, KW_CSV_COLUMN_STATUS);
  g_autofree char *shown = NULL;
  KwStatus status;

  if (_kw_csv_parse_status (text, &status))
    {
      _kw_finding_set_status_loading (finding, status);
      return TRUE;
    }

  shown = _kw_csv_quote_value (text);
  set_cell_error (self, (guint) self->column_of_field[KW_CSV_COLUMN_STATUS], error, KW_CSV_ERROR_VALUE,
                  _("“%s” is not a status; use open, in progress or done"), shown);

  return FALSE;
}

static gboolean
read_date (Importer       *self,
           GPtrArray      *cells,
           KwCsvColumn     field,
           KwFindingText   which,
           KwFinding      *finding,
           GError        **error)
{
  const char *text = row_value (self, cells, field);
  g_autofree char *shown = NULL;
  char *iso;

  if (_kw_csv_is_blank (text))
    return TRUE;

  iso = kw_date_parse_to_iso (text);
  if (iso != NULL)
    {
      _kw_finding_take_text_loading (finding, which, iso);
      return TRUE;
    }

  shown = _kw_csv_quote_value (text);
  set_cell_error (self, (guint) self->column_of_field[field], error, KW_CSV_ERROR_VALUE,
                  _("“%s” is not a date; write a date as 31-12-2026 or 2026-12-31"), shown);

  return FALSE;
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

static void
read_texts (Importer  *self,
            GPtrArray *cells,
            KwFinding *finding)
{
  static const struct {
    KwCsvColumn         field;
    KwFindingText which;
    gboolean      single_line;
  } texts[] = {
    { KW_CSV_COLUMN_DESCRIPTION, KW_FINDING_TEXT_DESCRIPTION, FALSE },
    { KW_CSV_COLUMN_OWNER, KW_FINDING_TEXT_OWNER, TRUE },
    { KW_CSV_COLUMN_SOURCE, KW_FINDING_TEXT_SOURCE, TRUE },
    { KW_CSV_COLUMN_DROP_REASON, KW_FINDING_TEXT_DROP_REASON, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    _kw_finding_take_text_loading (finding, texts[i].which,
                                   kw_text_clean (row_value (self, cells, texts[i].field),
                                                  texts[i].single_line));

  _kw_finding_take_tags_loading (finding, _kw_csv_split_tags (row_value (self, cells, KW_CSV_COLUMN_TAGS)));
}

static KwFinding *
finding_from_row (Importer   *self,
                  GPtrArray  *cells,
                  GError    **error)
{
  g_autoptr(KwFinding) finding = _kw_finding_new_loading (NULL);

  if (!check_unnamed_cells (self, cells, error) ||
      !read_title (self, cells, finding, error) ||
      !read_position (self, cells, finding, error) ||
      !read_status (self, cells, finding, error) ||
      !read_date (self, cells, KW_CSV_COLUMN_DUE, KW_FINDING_TEXT_DUE_DATE, finding, error) ||
      !read_date (self, cells, KW_CSV_COLUMN_REVIEW, KW_FINDING_TEXT_REVIEW_DATE, finding, error))
    return NULL;

  read_texts (self, cells, finding);
  _kw_finding_take_times_loading (finding, g_date_time_ref (self->now), g_date_time_ref (self->now));

  return g_steal_pointer (&finding);
}

/* Counts the findings ahead, so that a file with too many is refused
 * before any is built. A broken row ends the count: reading the rows for
 * real reports it in its turn. */
static gboolean
check_finding_count (Importer  *self,
                     GError   **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  KwCsvReader ahead = self->reader;
  guint n_findings = 0;

  while (!_kw_csv_reader_at_end (&ahead))
    {
      if (_kw_csv_skip_empty_line (&ahead))
        continue;

      g_ptr_array_set_size (cells, 0);
      if (!_kw_csv_read_record (&ahead, cells, self->n_columns, NULL))
        break;

      if (_kw_csv_cells_are_blank (cells))
        continue;

      if (++n_findings > KW_CSV_MAX_FINDINGS)
        {
          g_set_error (error, KW_CSV_ERROR, KW_CSV_ERROR_TOO_LARGE,
                       _("%s has more than %u findings; split it into smaller files"),
                       self->reader.display_name, (guint) KW_CSV_MAX_FINDINGS);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_rows (Importer  *self,
           KwBoard   *board,
           GError   **error)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  while (!_kw_csv_reader_at_end (&self->reader))
    {
      KwFinding *finding;

      if (_kw_csv_skip_empty_line (&self->reader))
        continue;

      g_ptr_array_set_size (cells, 0);
      if (!_kw_csv_read_record (&self->reader, cells, self->n_columns, error))
        return FALSE;

      /* Spreadsheets write empty rows as a line of separators. */
      if (_kw_csv_cells_are_blank (cells))
        continue;

      finding = finding_from_row (self, cells, error);
      if (finding == NULL)
        return FALSE;

      /* Fresh random ids never clash. */
      if (!_kw_board_take_finding_loading (board, finding))
        g_return_val_if_reached (FALSE);
    }

  return TRUE;
}

/* The whole file */

KwBoard *
kw_csv_import_bytes (GBytes      *bytes,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(KwBoard) board = NULL;
  Importer importer = { { 0 } };
  gsize len;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  importer.reader.data = g_bytes_get_data (bytes, &len);
  importer.reader.len = len;
  importer.reader.display_name = display_name != NULL ? display_name : "CSV";
  for (guint i = 0; i < KW_CSV_N_COLUMNS; i++)
    importer.column_of_field[i] = -1;

  if (len > KW_CSV_MAX_BYTES)
    {
      _kw_csv_set_too_large_error (importer.reader.display_name, error);
      return NULL;
    }

  if (importer.reader.data == NULL)
    importer.reader.data = "";

  board = kw_board_new ();
  importer.now = g_date_time_new_now_utc ();
  importer.reader.cell = g_string_new (NULL);

  ok = _kw_csv_check_start (&importer.reader, error) &&
       read_header (&importer, error) &&
       check_finding_count (&importer, error) &&
       read_rows (&importer, board, error);

  importer_clear (&importer);

  return ok ? g_steal_pointer (&board) : NULL;
}

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

/* For KwImport: the same reading, row by row, with the choices left to it */

gboolean
_kw_csv_column_from_header (const char  *cell,
                            KwCsvColumn *column)
{
  g_autofree char *name = normalize_name (cell);

  return lookup_field (name, column);
}

