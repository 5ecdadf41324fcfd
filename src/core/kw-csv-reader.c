/* kw-csv-reader.c: the rows of CSV or tab-separated text, cell by cell.
 *
 * What a spreadsheet writes: RFC 4180 quoting, a tab, "," or ";" between
 * cells, CRLF or LF line ends, UTF-8 with or without a byte order mark.
 * Read for KwImport (kw-import.c), which every import goes through: the
 * command line's new board from a file as much as the app's import into an
 * open board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-csv"

#include "config.h"

#include "kw-i18n.h"
#include <string.h>

#include "kw-csv-private.h"
#include "kw-text.h"

/* Error values are quoted back to the user, but only so much of them. */
#define MAX_QUOTED_CHARS 40

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  char        separator;    /* '\t', ',' or ';', or '\0' when the first line has one column */
  guint       row;          /* spreadsheet row of the last record read; the header is 1 */
  const char *display_name;
  GString    *cell;         /* scratch space for the cell being read */
} KwCsvReader;

/* Messages */

gboolean
_kw_csv_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* "A", "B", … "Z", "AA": how a spreadsheet names a column without a header. */
char *
_kw_csv_column_letters (guint index)
{
  char buffer[16];
  guint pos = sizeof buffer - 1;

  buffer[pos] = '\0';
  index++;
  while (index > 0 && pos > 0)
    {
      index--;
      buffer[--pos] = (char) ('A' + index % 26);
      index /= 26;
    }

  return g_strdup (buffer + pos);
}

/* A cell as it may appear in a message: one line and not too long. */
char *
_kw_csv_quote_value (const char *value)
{
  g_autofree char *line = kw_text_clean (value, TRUE);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (line, -1) <= MAX_QUOTED_CHARS)
    return g_steal_pointer (&line);

  start = g_utf8_substring (line, 0, MAX_QUOTED_CHARS - 1);

  return g_strconcat (start, "…", NULL);
}

void
_kw_csv_set_cell_error (GError      **error,
                        KwCsvError    code,
                        const char   *display_name,
                        guint         row,
                        const char   *column_label,
                        const char   *detail)
{
  if (column_label == NULL)
    {
      /* TRANSLATORS: the file name, the row number in the spreadsheet, and
       * what is wrong with that row. */
      g_set_error (error, KW_CSV_ERROR, code, _("%s: row %u: %s"), display_name, row, detail);
      return;
    }

  /* TRANSLATORS: the file name, the row number in the spreadsheet, the
   * column's name from the header row, and what is wrong with the cell. */
  g_set_error (error, KW_CSV_ERROR, code, _("%s: row %u, column “%s”: %s"),
               display_name, row, column_label, detail);
}

static void set_row_error (KwCsvReader  *reader,
                           GError      **error,
                           KwCsvError    code,
                           const char   *format,
                           ...) G_GNUC_PRINTF (4, 5);

static void
set_row_error (KwCsvReader  *reader,
               GError      **error,
               KwCsvError    code,
               const char   *format,
               ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  _kw_csv_set_cell_error (error, code, reader->display_name, reader->row, NULL, detail);
}

/* Reading records */

static gboolean
reader_at_end (KwCsvReader *reader)
{
  return reader->pos >= reader->len;
}

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

static gboolean
is_separator (const KwCsvReader *reader,
              char               c)
{
  return c == reader->separator && c != '\0';
}

/* The separator is a tab when the first line has one (outside quotes):
 * that is how a spreadsheet puts copied rows on the clipboard, and titles
 * there may hold "," and ";". Otherwise it is the one of "," and ";" that
 * the first line uses; header names contain neither. */
static char
detect_separator (const KwCsvReader *reader)
{
  guint commas = 0;
  guint semicolons = 0;
  guint tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = reader->pos; i < reader->len; i++)
    {
      char c = reader->data[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (is_line_end (c))
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (tabs > 0)
    return '\t';
  if (semicolons > commas)
    return ';';
  if (commas > 0)
    return ',';

  /* One column: nothing separates cells, so a "," or ";" in a title stays. */
  return '\0';
}

static gboolean
append_to_cell (KwCsvReader  *reader,
                GString      *cell,
                char          c,
                GError      **error)
{
  if (cell->len >= KW_CSV_MAX_CELL_BYTES)
    {
      set_row_error (reader, error, KW_CSV_ERROR_TOO_LARGE,
                     _("a cell is longer than %u kB, which is more than a finding can hold"),
                     (guint) (KW_CSV_MAX_CELL_BYTES / 1024));
      return FALSE;
    }

  g_string_append_c (cell, c);

  return TRUE;
}

static gboolean
read_quoted_cell (KwCsvReader  *reader,
                  GString      *cell,
                  GError      **error)
{
  /* Skip the opening quote. */
  reader->pos++;

  for (;;)
    {
      char c;

      if (reader_at_end (reader))
        {
          set_row_error (reader, error, KW_CSV_ERROR_SYNTAX,
                         _("a cell starts with a double quote (\") that is never closed"));
          return FALSE;
        }

      c = reader->data[reader->pos++];
      if (c == '"')
        {
          /* A doubled quote is a quote; a single one closes the cell. */
          if (reader->pos < reader->len && reader->data[reader->pos] == '"')
            reader->pos++;
          else
            break;
        }

      if (!append_to_cell (reader, cell, c, error))
        return FALSE;
    }

  if (!reader_at_end (reader) &&
      !is_separator (reader, reader->data[reader->pos]) &&
      !is_line_end (reader->data[reader->pos]))
    {
      set_row_error (reader, error, KW_CSV_ERROR_SYNTAX,
                     _("there is text after the closing double quote of a cell; "
                       "inside a quoted cell, write a double quote twice (\"\")"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_plain_cell (KwCsvReader  *reader,
                 GString      *cell,
                 GError      **error)
{
  while (!reader_at_end (reader))
    {
      char c = reader->data[reader->pos];

      if (is_separator (reader, c) || is_line_end (c))
        break;

      if (!append_to_cell (reader, cell, c, error))
        return FALSE;
      reader->pos++;
    }

  return TRUE;
}

static void
skip_line_end (KwCsvReader *reader)
{
  if (reader->data[reader->pos] == '\r')
    reader->pos++;
  if (reader->pos < reader->len && reader->data[reader->pos] == '\n')
    reader->pos++;
}

static gboolean
check_record_encoding (KwCsvReader  *reader,
                       gsize         start,
                       GError      **error)
{
  /* Rejects NUL bytes too, since a length is given. */
  if (g_utf8_validate_len (reader->data + start, reader->pos - start, NULL))
    return TRUE;

  /* No spreadsheet writes a NUL into CSV text: this is some other file. */
  if (memchr (reader->data + start, '\0', reader->pos - start) != NULL)
    {
      set_row_error (reader, error, KW_CSV_ERROR_ENCODING,
                     _("the file contains NUL bytes, so it is not CSV text; "
                       "save the spreadsheet as “CSV UTF-8” and import that file"));
      return FALSE;
    }

  set_row_error (reader, error, KW_CSV_ERROR_ENCODING,
                 _("the text is not UTF-8. Save the spreadsheet as “CSV UTF-8” and import that file"));

  return FALSE;
}

static gboolean
add_cell (KwCsvReader  *reader,
          GPtrArray    *cells,
          GString      *cell,
          guint         max_cells,
          GError      **error)
{
  if (cells->len >= max_cells)
    {
      if (reader->row == 1)
        set_row_error (reader, error, KW_CSV_ERROR_TOO_LARGE,
                       _("there are more than %u columns"), max_cells);
      else
        set_row_error (reader, error, KW_CSV_ERROR_SYNTAX,
                       _("this row has more cells than row 1 has columns; "
                         "a cell that contains “%c” must be between double quotes"),
                       reader->separator);
      return FALSE;
    }

  g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
  g_string_truncate (cell, 0);

  return TRUE;
}

/* Reads one record (one spreadsheet row, which may span several lines)
 * into cells. */
static gboolean
read_record (KwCsvReader  *reader,
             GPtrArray    *cells,
             guint         max_cells,
             GError      **error)
{
  GString *cell = reader->cell;
  gsize start = reader->pos;

  reader->row++;
  g_string_truncate (cell, 0);

  for (;;)
    {
      gboolean ok;

      if (!reader_at_end (reader) && reader->data[reader->pos] == '"')
        ok = read_quoted_cell (reader, cell, error);
      else
        ok = read_plain_cell (reader, cell, error);

      if (!ok || !add_cell (reader, cells, cell, max_cells, error))
        return FALSE;

      if (reader_at_end (reader))
        break;

      if (is_line_end (reader->data[reader->pos]))
        {
          skip_line_end (reader);
          break;
        }

      /* Only the separator is left: another cell follows. */
      reader->pos++;
    }

  return check_record_encoding (reader, start, error);
}

/* An empty line is an empty row: skipped without building cells, so a
 * file of nothing but line ends is read quickly. */
static gboolean
skip_empty_line (KwCsvReader *reader)
{
  if (reader_at_end (reader) || !is_line_end (reader->data[reader->pos]))
    return FALSE;

  reader->row++;
  skip_line_end (reader);

  return TRUE;
}

static gboolean
cells_are_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      if (!_kw_csv_is_blank (g_ptr_array_index (cells, i)))
        return FALSE;
    }

  return TRUE;
}

/* The whole file */

static gboolean
check_start (KwCsvReader  *reader,
             GError      **error)
{
  const guchar *bytes = (const guchar *) reader->data;

  if (reader->len >= 2 &&
      ((bytes[0] == 0xff && bytes[1] == 0xfe) || (bytes[0] == 0xfe && bytes[1] == 0xff)))
    {
      g_set_error (error, KW_CSV_ERROR, KW_CSV_ERROR_ENCODING,
                   _("%s is UTF-16 text, not UTF-8. Save the spreadsheet as “CSV UTF-8” "
                     "and import that file."),
                   reader->display_name);
      return FALSE;
    }

  /* A workbook renamed or picked by mistake: .xlsx and .ods are ZIP files,
   * .xls is an OLE compound file. */
  if ((reader->len >= 4 && memcmp (reader->data, "PK\x03\x04", 4) == 0) ||
      (reader->len >= 8 && memcmp (reader->data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0))
    {
      g_set_error (error, KW_CSV_ERROR, KW_CSV_ERROR_ENCODING,
                   _("%s is a spreadsheet workbook, not a CSV file. In the spreadsheet, "
                     "choose Save As “CSV UTF-8” and import that file."),
                   reader->display_name);
      return FALSE;
    }

  /* Excel's "CSV UTF-8" starts with a byte order mark. */
  if (reader->len >= 3 && memcmp (reader->data, "\xef\xbb\xbf", 3) == 0)
    reader->pos = 3;

  for (gsize i = reader->pos; i < reader->len; i++)
    {
      if (!g_ascii_isspace (reader->data[i]))
        return TRUE;
    }

  g_set_error (error, KW_CSV_ERROR, KW_CSV_ERROR_HEADER,
               _("%s is empty. Its first row must name the columns, for example "
                 "“title,impact,effort”, and each further row holds one finding."),
               reader->display_name);

  return FALSE;
}

static void
set_too_large_error (const char  *display_name,
                     GError     **error)
{
  g_set_error (error, KW_CSV_ERROR, KW_CSV_ERROR_TOO_LARGE,
               _("%s is larger than %u MB; Kwadrant imports CSV files up to that size."),
               display_name, (guint) (KW_CSV_MAX_BYTES / (1024 * 1024)));
}

/* Reads at most one byte more than the limit, so a huge file or an endless
 * pipe is refused without being read into memory. */
GBytes *
_kw_csv_read_bounded (GFileInputStream  *stream,
                      const char        *display_name,
                      GCancellable      *cancellable,
                      GError           **error)
{
  const gsize chunk = 64 * 1024;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GFileInfo) info = NULL;

  /* A regular file says its size: refuse a big one before reading it. */
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > KW_CSV_MAX_BYTES)
    {
      set_too_large_error (display_name, error);
      return NULL;
    }

  for (;;)
    {
      guint old_len = buffer->len;
      gsize n_read = 0;

      g_byte_array_set_size (buffer, old_len + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_len, chunk,
                                    &n_read, cancellable, error))
        {
          g_prefix_error (error, "%s: ", display_name);
          return NULL;
        }
      g_byte_array_set_size (buffer, old_len + n_read);

      if (buffer->len > KW_CSV_MAX_BYTES)
        {
          set_too_large_error (display_name, error);
          return NULL;
        }

      if (n_read < chunk)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GPtrArray *
_kw_csv_read_table (GBytes      *bytes,
                    const char  *display_name,
                    gboolean     header_sets_width,
                    GArray     **row_numbers,
                    GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) cell = g_string_new (NULL);
  KwCsvReader reader = { 0 };
  guint max_cells = KW_CSV_MAX_COLUMNS;
  gsize len;

  reader.data = g_bytes_get_data (bytes, &len);
  reader.len = len;
  reader.display_name = display_name != NULL ? display_name : "CSV";
  reader.cell = cell;
  if (reader.data == NULL)
    reader.data = "";

  if (len > KW_CSV_MAX_BYTES)
    {
      set_too_large_error (reader.display_name, error);
      return NULL;
    }

  if (!check_start (&reader, error))
    return NULL;

  reader.separator = detect_separator (&reader);

  while (!reader_at_end (&reader))
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (skip_empty_line (&reader))
        continue;

      cells = g_ptr_array_new_with_free_func (g_free);
      if (!read_record (&reader, cells, max_cells, error))
        return NULL;

      if (cells_are_blank (cells))
        continue;

      /* One row more than findings: the first may name the columns. */
      if (rows->len > KW_CSV_MAX_FINDINGS)
        {
          g_set_error (error, KW_CSV_ERROR, KW_CSV_ERROR_TOO_LARGE,
                       _("%s has more than %u findings; split it into smaller files"),
                       reader.display_name, (guint) KW_CSV_MAX_FINDINGS);
          return NULL;
        }

      /* A cell too many is a cell with the separator in it that lacks its
       * quotes: better refused than read into the wrong column. */
      if (header_sets_width && rows->len == 0)
        max_cells = cells->len;

      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&cells), FALSE));
      g_array_append_val (numbers, reader.row);
    }

  if (row_numbers != NULL)
    *row_numbers = g_steal_pointer (&numbers);

  return g_steal_pointer (&rows);
}
