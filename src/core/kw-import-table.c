/* kw-import-table.c: the rows of a file being imported, and which column
 * holds what: a header read, or columns guessed for the user to correct,
 * or, for a new board, a header that must name every column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-import"

#include "config.h"

#include "kw-i18n.h"

#include "kw-finding.h"
#include "kw-import-table.h"
#include "kw-text.h"

const char *
_kw_import_table_get_cell (KwImportTable *self,
                           guint          index,
                           guint          column)
{
  GStrv cells = g_ptr_array_index (self->rows, index);

  for (guint i = 0; i <= column; i++)
    {
      if (cells[i] == NULL)
        return "";
    }

  return cells[column];
}

static gboolean
is_score (const char *text)
{
  double score;

  return kw_score_parse (text, &score);
}

static gboolean
is_date (const char *text)
{
  g_autofree char *iso = kw_date_parse_to_iso (text);

  return iso != NULL;
}

/* Columns */

static void
index_columns (KwImportTable *self)
{
  for (guint i = 0; i < KW_CSV_N_COLUMNS; i++)
    self->column_of_kind[i] = -1;

  for (guint i = 0; i < self->n_columns; i++)
    {
      if (self->kinds[i] > KW_CSV_COLUMN_IGNORED)
        self->column_of_kind[self->kinds[i]] = (int) i;
    }
}

/* The first row names the columns when it names the title column and
 * holds no number: "Title\t7\t2" is a finding called "Title". Header cells
 * Kwadrant does not know are ignored, and so is a second column of a kind. */
static gboolean
read_header (KwImportTable *self)
{
  GStrv cells = g_ptr_array_index (self->rows, 0);
  gboolean has_title = FALSE;

  for (guint i = 0; cells[i] != NULL; i++)
    {
      KwCsvColumn kind;

      if (is_score (cells[i]))
        return FALSE;
      if (_kw_csv_column_from_header (cells[i], &kind) && kind == KW_CSV_COLUMN_TITLE)
        has_title = TRUE;
    }

  if (!has_title)
    return FALSE;

  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *cell = _kw_import_table_get_cell (self, 0, i);
      KwCsvColumn kind;

      /* Findings have no participants: that column is for the estimates
       * import (kw-estimates-import.c). */
      if (!_kw_csv_column_from_header (cell, &kind) || kind <= KW_CSV_COLUMN_IGNORED ||
          kind == KW_CSV_COLUMN_PARTICIPANT || self->column_of_kind[kind] >= 0)
        kind = KW_CSV_COLUMN_IGNORED;
      self->kinds[i] = kind;
      if (kind > KW_CSV_COLUMN_IGNORED)
        self->column_of_kind[kind] = (int) i;
      g_ptr_array_add (self->labels, kw_text_clean (cell, TRUE));
    }

  return TRUE;
}

typedef struct
{
  guint n_filled;
  guint n_scores;
  guint n_dates;
} ColumnSample;

static ColumnSample
sample_column (KwImportTable *self,
               guint     column)
{
  ColumnSample sample = { 0 };

  for (guint row = 0; row < self->rows->len; row++)
    {
      const char *cell = _kw_import_table_get_cell (self, row, column);

      if (_kw_csv_is_blank (cell))
        continue;
      sample.n_filled++;
      if (is_score (cell))
        sample.n_scores++;
      else if (is_date (cell))
        sample.n_dates++;
    }

  return sample;
}

/* Without a header, a guess the user corrects in the preview: the first
 * column of text holds the titles, the first two of numbers from 0 to 10
 * impact and effort, the first of dates the due date. */
static void
guess_columns (KwImportTable *self)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      ColumnSample sample = sample_column (self, i);
      KwCsvColumn kind = KW_CSV_COLUMN_IGNORED;

      if (sample.n_filled == 0)
        kind = KW_CSV_COLUMN_IGNORED;
      else if (sample.n_scores == sample.n_filled)
        kind = self->column_of_kind[KW_CSV_COLUMN_IMPACT] < 0 ? KW_CSV_COLUMN_IMPACT : KW_CSV_COLUMN_EFFORT;
      else if (sample.n_dates == sample.n_filled)
        kind = KW_CSV_COLUMN_DUE;
      else if (sample.n_scores == 0)
        kind = KW_CSV_COLUMN_TITLE;

      if (self->column_of_kind[kind] >= 0)
        kind = KW_CSV_COLUMN_IGNORED;
      self->kinds[i] = kind;
      if (kind > KW_CSV_COLUMN_IGNORED)
        self->column_of_kind[kind] = (int) i;
      g_ptr_array_add (self->labels, _kw_csv_column_letters (i));
    }
}

/* What keeps the columns from being imported. */
typedef enum {
  PROBLEM_NONE,
  PROBLEM_NO_TITLE,
  PROBLEM_NO_EFFORT,
  PROBLEM_NO_IMPACT,
} Problem;

static Problem
find_problem (KwImportTable *self)
{
  gboolean has_impact = self->column_of_kind[KW_CSV_COLUMN_IMPACT] >= 0;
  gboolean has_effort = self->column_of_kind[KW_CSV_COLUMN_EFFORT] >= 0;

  if (self->column_of_kind[KW_CSV_COLUMN_TITLE] < 0)
    return PROBLEM_NO_TITLE;
  if (has_impact && !has_effort)
    return PROBLEM_NO_EFFORT;
  if (has_effort && !has_impact)
    return PROBLEM_NO_IMPACT;

  return PROBLEM_NONE;
}

/* For the preview, where the user chooses the columns. */
static char *
describe_problem (Problem problem)
{
  switch (problem)
    {
    case PROBLEM_NO_TITLE:
      return g_strdup (_("Choose the column that holds the titles: every finding needs one."));
    case PROBLEM_NO_EFFORT:
      return g_strdup (_("Choose the column that holds the effort as well, or ignore the impact."));
    case PROBLEM_NO_IMPACT:
      return g_strdup (_("Choose the column that holds the impact as well, or ignore the effort."));
    case PROBLEM_NONE:
    default:
      return NULL;
    }
}

/* A new board's header */

static void set_header_error (KwImportTable    *self,
                              GError     **error,
                              int          column,
                              const char  *format,
                              ...) G_GNUC_PRINTF (4, 5);

/* column is -1 for a problem of the header as a whole. */
static void
set_header_error (KwImportTable    *self,
                  GError     **error,
                  int          column,
                  const char  *format,
                  ...)
{
  g_autofree char *detail = NULL;
  guint row = self->rows->len > 0 ? g_array_index (self->row_numbers, guint, 0) : 1;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  _kw_csv_set_cell_error (error, KW_CSV_ERROR_HEADER, self->display_name, row,
                          column >= 0 ? g_ptr_array_index (self->labels, (guint) column) : NULL,
                          detail);
}

/* The earlier column of the same kind, or -1. Ignored columns repeat only
 * under the same name: an export's "outcome" and "created" are fine. */
static int
find_repeated_column (KwImportTable *self,
                      guint     column)
{
  KwCsvColumn kind = self->kinds[column];

  if (kind == KW_CSV_COLUMN_UNNAMED)
    return -1;

  for (guint i = 0; i < column; i++)
    {
      if (self->kinds[i] == kind &&
          (kind != KW_CSV_COLUMN_IGNORED ||
           _kw_csv_same_header (_kw_import_table_get_cell (self, 0, i), _kw_import_table_get_cell (self, 0, column))))
        return (int) i;
    }

  return -1;
}

static gboolean
check_repeated_column (KwImportTable  *self,
                       guint           column,
                       GError        **error)
{
  int earlier = find_repeated_column (self, column);
  g_autofree char *letters = NULL;

  if (earlier < 0)
    return TRUE;

  letters = _kw_csv_column_letters ((guint) earlier);
  set_header_error (self, error, (int) column,
                    _("this column is already in column %s (“%s”); keep only one of them"),
                    letters, (const char *) g_ptr_array_index (self->labels, (guint) earlier));

  return FALSE;
}

static gboolean
check_named_columns (KwImportTable  *self,
                     GError   **error)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *cell = _kw_import_table_get_cell (self, 0, i);

      g_ptr_array_add (self->labels, kw_text_clean (cell, TRUE));

      if (!_kw_csv_column_from_header (cell, &self->kinds[i]))
        {
          set_header_error (self, error, (int) i, "%s",
                            _("Kwadrant does not know this column. The columns are title, description, "
                              "impact, effort, owner, due, status, tags, source, review and drop reason "
                              "(in Dutch: titel, omschrijving, impact, inspanning, eigenaar, deadline, "
                              "status, labels, bron, herbeoordeling and reden schrappen)"));
          return FALSE;
        }

      if (self->kinds[i] == KW_CSV_COLUMN_PARTICIPANT)
        {
          set_header_error (self, error, (int) i, "%s",
                            _("this column names participants, so the file holds estimates rather than "
                              "findings; import it with --import-estimates"));
          return FALSE;
        }

      if (!check_repeated_column (self, i, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_required_columns (KwImportTable  *self,
                        GError   **error)
{
  switch (find_problem (self))
    {
    case PROBLEM_NO_TITLE:
      set_header_error (self, error, -1, "%s",
                        _("there is no “title” (or “titel”) column, and every finding needs a title"));
      return FALSE;
    case PROBLEM_NO_EFFORT:
      set_header_error (self, error, self->column_of_kind[KW_CSV_COLUMN_IMPACT], "%s",
                        _("there is an impact column but no effort column; give both or neither"));
      return FALSE;
    case PROBLEM_NO_IMPACT:
      set_header_error (self, error, self->column_of_kind[KW_CSV_COLUMN_EFFORT], "%s",
                        _("there is an effort column but no impact column; give both or neither"));
      return FALSE;
    case PROBLEM_NONE:
    default:
      return TRUE;
    }
}

/* A new board's file names every column in its first row: a misspelt
 * "inspaning" would otherwise lose every effort without a word. Its id
 * column is left out: the findings of a new board get fresh ids, so that
 * a row copied in the spreadsheet and then changed does not clash. */
static gboolean
read_named_header (KwImportTable  *self,
                   GError   **error)
{
  int id_column;

  if (!check_named_columns (self, error))
    return FALSE;

  index_columns (self);
  if (!check_required_columns (self, error))
    return FALSE;

  id_column = self->column_of_kind[KW_CSV_COLUMN_ID];
  if (id_column >= 0)
    {
      self->kinds[id_column] = KW_CSV_COLUMN_IGNORED;
      self->column_of_kind[KW_CSV_COLUMN_ID] = -1;
    }

  return TRUE;
}

/* Values */

const char *
_kw_import_table_get_value (KwImportTable *self,
                            guint          index,
                            KwCsvColumn    kind)
{
  int column = self->column_of_kind[kind];

  if (column < 0)
    return "";

  return _kw_csv_unguard (_kw_import_table_get_cell (self, index, (guint) column));
}

/* Reading */

/* Without a header row, the columns are guessed. */
static gboolean
find_columns (KwImportTable  *self,
              GError   **error)
{
  /* Only separators: rows, but none with anything in it. */
  if (self->rows->len == 0)
    {
      g_set_error (error, KW_CSV_ERROR, KW_CSV_ERROR_HEADER, _("%s holds no findings to import."),
                   self->display_name);
      return FALSE;
    }

  self->has_header = read_header (self);
  if (!self->has_header)
    {
      g_ptr_array_set_size (self->labels, 0);
      index_columns (self);
      guess_columns (self);
    }

  return TRUE;
}

static KwImportTable *
read_table (GBytes      *bytes,
            const char  *display_name,
            gboolean     header_sets_width,
            GError     **error)
{
  g_autoptr(KwImportTable) self = g_new0 (KwImportTable, 1);

  self->display_name = g_strdup (display_name != NULL ? display_name : "CSV");
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->rows = _kw_csv_read_table (bytes, self->display_name, header_sets_width, &self->row_numbers, error);
  if (self->rows == NULL)
    return NULL;

  for (guint i = 0; i < self->rows->len; i++)
    self->n_columns = MAX (self->n_columns, g_strv_length (g_ptr_array_index (self->rows, i)));

  index_columns (self);

  return g_steal_pointer (&self);
}

KwImportTable *
_kw_import_table_new (GBytes      *bytes,
                      const char  *display_name,
                      gboolean     for_new_board,
                      GError     **error)
{
  g_autoptr(KwImportTable) self = read_table (bytes, display_name, for_new_board, error);

  if (self == NULL)
    return NULL;

  if (for_new_board)
    {
      self->has_header = TRUE;
      if (!read_named_header (self, error))
        return NULL;
    }
  else if (!find_columns (self, error))
    {
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* An estimates file (kw-estimates-import.c) */

/* Like a new board's file, the first row names every column, each once:
 * a misspelt "inspaning" would otherwise lose every effort. */
static gboolean
check_estimate_columns (KwImportTable  *self,
                        GError        **error)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *cell = _kw_import_table_get_cell (self, 0, i);

      g_ptr_array_add (self->labels, kw_text_clean (cell, TRUE));

      if (!_kw_csv_column_from_header (cell, &self->kinds[i]))
        {
          set_header_error (self, error, (int) i, "%s",
                            _("Kwadrant does not know this column. The columns of estimates are id, title, "
                              "impact, effort and participant (in Dutch: id, titel, impact, inspanning and "
                              "deelnemer)"));
          return FALSE;
        }

      if (!check_repeated_column (self, i, error))
        return FALSE;
    }

  return TRUE;
}

/* The other columns of a finding are left out: a board's own CSV export,
 * filled in by a participant, has them. */
static gboolean
keep_estimate_columns (KwImportTable  *self,
                       GError        **error)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      switch (self->kinds[i])
        {
        case KW_CSV_COLUMN_UNNAMED:
        case KW_CSV_COLUMN_ID:
        case KW_CSV_COLUMN_TITLE:
        case KW_CSV_COLUMN_IMPACT:
        case KW_CSV_COLUMN_EFFORT:
        case KW_CSV_COLUMN_PARTICIPANT:
          break;
        default:
          self->kinds[i] = KW_CSV_COLUMN_IGNORED;
          break;
        }
    }
  index_columns (self);

  if (self->column_of_kind[KW_CSV_COLUMN_IMPACT] < 0 || self->column_of_kind[KW_CSV_COLUMN_EFFORT] < 0)
    {
      set_header_error (self, error, -1, "%s",
                        _("estimates need an “impact” and an “effort” (or “inspanning”) column"));
      return FALSE;
    }

  if (self->column_of_kind[KW_CSV_COLUMN_ID] < 0 && self->column_of_kind[KW_CSV_COLUMN_TITLE] < 0)
    {
      set_header_error (self, error, -1, "%s",
                        _("there is no “id” or “title” (or “titel”) column to find the findings by"));
      return FALSE;
    }

  return TRUE;
}

KwImportTable *
_kw_import_table_new_for_estimates (GBytes      *bytes,
                                    const char  *display_name,
                                    GError     **error)
{
  g_autoptr(KwImportTable) self = read_table (bytes, display_name, TRUE, error);

  if (self == NULL)
    return NULL;

  self->has_header = TRUE;
  if (!check_estimate_columns (self, error) || !keep_estimate_columns (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
_kw_import_table_free (KwImportTable *self)
{
  if (self == NULL)
    return;

  g_free (self->display_name);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_numbers, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_free (self);
}

guint
_kw_import_table_get_n_rows (KwImportTable *self)
{
  return self->rows->len - (self->has_header ? 1 : 0);
}

gboolean
_kw_import_table_set_column (KwImportTable *self,
                             guint          column,
                             KwCsvColumn    kind)
{
  g_return_val_if_fail (column < self->n_columns, FALSE);

  if (self->kinds[column] == kind)
    return FALSE;

  if (kind > KW_CSV_COLUMN_IGNORED && self->column_of_kind[kind] >= 0)
    self->kinds[self->column_of_kind[kind]] = KW_CSV_COLUMN_IGNORED;
  self->kinds[column] = kind;
  index_columns (self);

  return TRUE;
}

char *
_kw_import_table_describe_problem (KwImportTable *self)
{
  return describe_problem (find_problem (self));
}
