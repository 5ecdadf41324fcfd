/* kw-import.c: plans and applies an import of spreadsheet rows into a board.
 *
 * Every import goes through here: the app's import into an open board (a
 * header that may be missing, columns the user chooses, matching rows to
 * findings already on the board, errors kept per row) and the command
 * line's new board from a file (kw_csv_import_bytes(), stricter about the
 * header, and all or nothing). The cells are read by the CSV reader's rules
 * (kw-csv-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-import"

#include "config.h"

#include "kw-i18n.h"
#include <string.h>

#include "kw-board-private.h"
#include "kw-csv-private.h"
#include "kw-finding-private.h"
#include "kw-import-private.h"
#include "kw-text.h"

typedef struct
{
  KwImportRowKind  kind;
  char            *error;         /* "column: detail", for the preview */
  char            *error_detail;
  int              error_column;  /* -1 when the row as a whole is wrong */
  KwFinding       *match;
  /* The row's values; NULL (or not placed, no status) where its cell is
   * blank or its column is not imported: an update leaves those alone. */
  char            *texts[KW_N_FINDING_TEXTS];
  char            *id;
  GStrv            tags;
  double           impact;
  double           effort;
  KwStatus         status;
  guint            placed : 1;
  guint            has_status : 1;
} RowPlan;

struct _KwImport
{
  GObject      parent_instance;

  KwBoard     *board;
  char        *display_name;
  GPtrArray   *rows;         /* GStrv of cells, the header included */
  GArray      *row_numbers;  /* guint, as the spreadsheet counts */
  gboolean     has_header;
  guint        n_columns;
  GPtrArray   *labels;       /* char *, one per column */
  KwCsvColumn  kinds[KW_CSV_MAX_COLUMNS];  /* UNNAMED only for a new board */
  int          column_of_kind[KW_CSV_N_COLUMNS];  /* -1 when none */
  char        *problem;
  RowPlan     *plans;        /* one per row below the header */
  guint        counts[KW_IMPORT_ROW_ERROR + 1];
};

G_DEFINE_FINAL_TYPE (KwImport, kw_import, G_TYPE_OBJECT)

/* Which texts each kind of column fills. */
static const struct {
  KwCsvColumn   kind;
  KwFindingText which;
  gboolean      single_line;
} text_columns[] = {
  { KW_CSV_COLUMN_TITLE, KW_FINDING_TEXT_TITLE, TRUE },
  { KW_CSV_COLUMN_DESCRIPTION, KW_FINDING_TEXT_DESCRIPTION, FALSE },
  { KW_CSV_COLUMN_OWNER, KW_FINDING_TEXT_OWNER, TRUE },
  { KW_CSV_COLUMN_SOURCE, KW_FINDING_TEXT_SOURCE, TRUE },
  { KW_CSV_COLUMN_DROP_REASON, KW_FINDING_TEXT_DROP_REASON, FALSE },
};

static void
row_plan_clear (RowPlan *plan)
{
  g_clear_pointer (&plan->error, g_free);
  g_clear_pointer (&plan->error_detail, g_free);
  g_clear_object (&plan->match);
  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    g_clear_pointer (&plan->texts[i], g_free);
  g_clear_pointer (&plan->id, g_free);
  g_clear_pointer (&plan->tags, g_strfreev);
  memset (plan, 0, sizeof *plan);
}

static void
clear_plans (KwImport *self)
{
  guint n_rows = self->plans != NULL ? kw_import_get_n_rows (self) : 0;

  for (guint i = 0; i < n_rows; i++)
    row_plan_clear (&self->plans[i]);
  g_clear_pointer (&self->plans, g_free);
}

static void
kw_import_finalize (GObject *object)
{
  KwImport *self = KW_IMPORT (object);

  clear_plans (self);
  g_clear_object (&self->board);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_numbers, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (kw_import_parent_class)->finalize (object);
}

static void
kw_import_class_init (KwImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_import_finalize;
}

static void
kw_import_init (KwImport *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
}

static const char *
row_cell (KwImport *self,
          guint     index,
          guint     column)
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
index_columns (KwImport *self)
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
read_header (KwImport *self)
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
      const char *cell = row_cell (self, 0, i);
      KwCsvColumn kind;

      if (!_kw_csv_column_from_header (cell, &kind) || kind <= KW_CSV_COLUMN_IGNORED ||
          self->column_of_kind[kind] >= 0)
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
sample_column (KwImport *self,
               guint     column)
{
  ColumnSample sample = { 0 };

  for (guint row = 0; row < self->rows->len; row++)
    {
      const char *cell = row_cell (self, row, column);

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
guess_columns (KwImport *self)
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
find_problem (KwImport *self)
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

static void set_header_error (KwImport    *self,
                              GError     **error,
                              int          column,
                              const char  *format,
                              ...) G_GNUC_PRINTF (4, 5);

/* column is -1 for a problem of the header as a whole. */
static void
set_header_error (KwImport    *self,
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
find_repeated_column (KwImport *self,
                      guint     column)
{
  KwCsvColumn kind = self->kinds[column];

  if (kind == KW_CSV_COLUMN_UNNAMED)
    return -1;

  for (guint i = 0; i < column; i++)
    {
      if (self->kinds[i] == kind &&
          (kind != KW_CSV_COLUMN_IGNORED ||
           _kw_csv_same_header (row_cell (self, 0, i), row_cell (self, 0, column))))
        return (int) i;
    }

  return -1;
}

static gboolean
check_named_columns (KwImport  *self,
                     GError   **error)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *cell = row_cell (self, 0, i);
      int earlier;

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

      earlier = find_repeated_column (self, i);
      if (earlier >= 0)
        {
          g_autofree char *letters = _kw_csv_column_letters ((guint) earlier);

          set_header_error (self, error, (int) i,
                            _("this column is already in column %s (“%s”); keep only one of them"),
                            letters, (const char *) g_ptr_array_index (self->labels, (guint) earlier));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_required_columns (KwImport  *self,
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
read_named_header (KwImport  *self,
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
    self->kinds[id_column] = KW_CSV_COLUMN_IGNORED;

  return TRUE;
}

/* Planning the rows */

static const char *
value_of (KwImport   *self,
          guint       index,
          KwCsvColumn kind)
{
  int column = self->column_of_kind[kind];

  if (column < 0)
    return "";

  return _kw_csv_unguard (row_cell (self, index, (guint) column));
}

/* column is -1 when the row as a whole is wrong. */
static void
take_row_error (KwImport *self,
                RowPlan  *plan,
                int       column,
                char     *detail)
{
  plan->kind = KW_IMPORT_ROW_ERROR;
  plan->error_column = column;
  plan->error_detail = detail;

  if (column < 0)
    plan->error = g_strdup (detail);
  else
    /* TRANSLATORS: the column's name (its header cell, or a letter such as
     * "C"), and what is wrong with the row's cell in it. */
    plan->error = g_strdup_printf (_("%s: %s"), (const char *) g_ptr_array_index (self->labels, (guint) column),
                                   detail);
}

static void set_row_error (KwImport    *self,
                           RowPlan     *plan,
                           KwCsvColumn  kind,
                           const char  *format,
                           ...) G_GNUC_PRINTF (4, 5);

static void
set_row_error (KwImport    *self,
               RowPlan     *plan,
               KwCsvColumn  kind,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  take_row_error (self, plan, self->column_of_kind[kind], g_strdup_vprintf (format, args));
  va_end (args);
}

/* In a new board's file, a cell under an empty header cell would be lost
 * without a word. (Elsewhere such a column is ignored, for the user to
 * choose what it holds.) */
static gboolean
check_unnamed_cells (KwImport *self,
                     guint     index,
                     RowPlan  *plan)
{
  GStrv cells = g_ptr_array_index (self->rows, index);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *letters = NULL;
      g_autofree char *shown = NULL;

      if (self->kinds[i] != KW_CSV_COLUMN_UNNAMED || _kw_csv_is_blank (cells[i]))
        continue;

      letters = _kw_csv_column_letters (i);
      shown = _kw_csv_quote_value (cells[i]);
      take_row_error (self, plan, -1,
                      g_strdup_printf (_("column %s holds “%s” but has no name in row 1, "
                                         "so Kwadrant does not know what it means"),
                                       letters, shown));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_score (KwImport    *self,
            guint        index,
            KwCsvColumn  kind,
            double      *score,
            RowPlan     *plan)
{
  const char *text = value_of (self, index, kind);
  g_autofree char *shown = NULL;

  if (kw_score_parse (text, score))
    return TRUE;

  shown = _kw_csv_quote_value (text);
  set_row_error (self, plan, kind, _("“%s” is not a number from 0 to 10"), shown);

  return FALSE;
}

static gboolean
read_position (KwImport *self,
               guint     index,
               RowPlan  *plan)
{
  gboolean no_impact = _kw_csv_is_blank (value_of (self, index, KW_CSV_COLUMN_IMPACT));
  gboolean no_effort = _kw_csv_is_blank (value_of (self, index, KW_CSV_COLUMN_EFFORT));

  if (no_impact && no_effort)
    return TRUE;

  if (no_impact || no_effort)
    {
      set_row_error (self, plan, no_impact ? KW_CSV_COLUMN_IMPACT : KW_CSV_COLUMN_EFFORT, "%s",
                     no_impact
                     ? _("the impact is empty but the effort is not; fill in both or leave both empty")
                     : _("the effort is empty but the impact is not; fill in both or leave both empty"));
      return FALSE;
    }

  if (!read_score (self, index, KW_CSV_COLUMN_IMPACT, &plan->impact, plan) ||
      !read_score (self, index, KW_CSV_COLUMN_EFFORT, &plan->effort, plan))
    return FALSE;

  plan->impact = kw_score_normalize (plan->impact);
  plan->effort = kw_score_normalize (plan->effort);
  plan->placed = TRUE;

  return TRUE;
}

static gboolean
read_date (KwImport      *self,
           guint          index,
           KwCsvColumn    kind,
           KwFindingText  which,
           RowPlan       *plan)
{
  const char *text = value_of (self, index, kind);
  g_autofree char *shown = NULL;

  if (_kw_csv_is_blank (text))
    return TRUE;

  plan->texts[which] = kw_date_parse_to_iso (text);
  if (plan->texts[which] != NULL)
    return TRUE;

  shown = _kw_csv_quote_value (text);
  set_row_error (self, plan, kind, _("“%s” is not a date; write a date as 31-12-2026 or 2026-12-31"), shown);

  return FALSE;
}

static gboolean
read_status (KwImport *self,
             guint     index,
             RowPlan  *plan)
{
  const char *text = value_of (self, index, KW_CSV_COLUMN_STATUS);
  g_autofree char *shown = NULL;

  if (_kw_csv_is_blank (text))
    return TRUE;

  if (_kw_csv_parse_status (text, &plan->status))
    {
      plan->has_status = TRUE;
      return TRUE;
    }

  shown = _kw_csv_quote_value (text);
  set_row_error (self, plan, KW_CSV_COLUMN_STATUS, _("“%s” is not a status; use open, in progress or done"), shown);

  return FALSE;
}

static gboolean
read_texts (KwImport *self,
            guint     index,
            RowPlan  *plan)
{
  const char *tags = value_of (self, index, KW_CSV_COLUMN_TAGS);
  const char *id = value_of (self, index, KW_CSV_COLUMN_ID);

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    {
      g_autofree char *text = kw_text_clean (value_of (self, index, text_columns[i].kind),
                                             text_columns[i].single_line);

      if (!_kw_csv_is_blank (text))
        plan->texts[text_columns[i].which] = g_steal_pointer (&text);
    }

  if (!_kw_csv_is_blank (tags))
    plan->tags = _kw_csv_split_tags (tags);

  /* An id another tool made up can still match by title. */
  plan->id = g_strstrip (g_strdup (id));
  if (!kw_finding_id_is_valid (plan->id))
    g_clear_pointer (&plan->id, g_free);

  if (plan->texts[KW_FINDING_TEXT_TITLE] == NULL)
    {
      set_row_error (self, plan, KW_CSV_COLUMN_TITLE, "%s", _("the title is empty, and every finding needs a title"));
      return FALSE;
    }

  return TRUE;
}

/* The board's findings by id and by title, for matching. */
typedef struct
{
  GHashTable *by_title;  /* casefolded title -> KwFinding, the first wins */
  GHashTable *claimed;   /* finding or key -> row number that took it */
} Matcher;

static char *
title_key (const char *title)
{
  return g_utf8_casefold (title, -1);
}

static void
matcher_init (Matcher *matcher,
              KwBoard *board)
{
  matcher->by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  matcher->claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);
      char *key = title_key (kw_finding_get_title (finding));

      if (g_hash_table_contains (matcher->by_title, key))
        g_free (key);
      else
        g_hash_table_insert (matcher->by_title, key, finding);
    }
}

static void
matcher_clear (Matcher *matcher)
{
  g_clear_pointer (&matcher->by_title, g_hash_table_unref);
  g_clear_pointer (&matcher->claimed, g_hash_table_unref);
}

/* Each finding, id and new title once: a second row for the same finding
 * is an error rather than a silent overwrite or a duplicate. */
static gboolean
claim (Matcher    *matcher,
       const char *key,
       guint       row_number,
       guint      *earlier)
{
  gpointer value;

  if (g_hash_table_lookup_extended (matcher->claimed, key, NULL, &value))
    {
      *earlier = GPOINTER_TO_UINT (value);
      return FALSE;
    }

  g_hash_table_insert (matcher->claimed, g_strdup (key), GUINT_TO_POINTER (row_number));

  return TRUE;
}

static gboolean
differs (RowPlan   *plan,
         KwFinding *finding)
{
  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    {
      if (plan->texts[i] != NULL && g_strcmp0 (plan->texts[i], kw_finding_get_text (finding, i)) != 0)
        return TRUE;
    }

  if (plan->placed && (!kw_finding_get_placed (finding) ||
                       plan->impact != kw_finding_get_impact (finding) ||
                       plan->effort != kw_finding_get_effort (finding)))
    return TRUE;

  if (plan->has_status && plan->status != kw_finding_get_status (finding))
    return TRUE;

  return plan->tags != NULL &&
         !g_strv_equal ((const char * const *) plan->tags, kw_finding_get_tags (finding));
}

static void
match_row (KwImport *self,
           Matcher  *matcher,
           guint     index,
           RowPlan  *plan)
{
  guint row_number = g_array_index (self->row_numbers, guint, index);
  g_autofree char *title = title_key (plan->texts[KW_FINDING_TEXT_TITLE]);
  KwFinding *finding = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id_key = plan->id != NULL ? g_strconcat ("id:", plan->id, NULL) : NULL;
  guint earlier = 0;

  if (plan->id != NULL)
    finding = kw_board_lookup_finding (self->board, plan->id);
  if (finding == NULL)
    finding = g_hash_table_lookup (matcher->by_title, title);

  /* A match claims its finding; a new row its title, and its id if any. */
  if (finding != NULL)
    key = g_strconcat ("id:", kw_finding_get_id (finding), NULL);
  else
    key = g_strconcat ("title:", title, NULL);

  if (!claim (matcher, key, row_number, &earlier) ||
      (finding == NULL && plan->id != NULL && !claim (matcher, id_key, row_number, &earlier)))
    {
      set_row_error (self, plan, KW_CSV_COLUMN_TITLE,
                     _("row %u already imports this finding; keep only one of the two rows"), earlier);
      return;
    }

  if (finding == NULL)
    {
      plan->kind = KW_IMPORT_ROW_NEW;
      return;
    }

  /* Matched by its title, the finding keeps the title's own spelling. */
  if (plan->id == NULL || !g_str_equal (plan->id, kw_finding_get_id (finding)))
    g_clear_pointer (&plan->texts[KW_FINDING_TEXT_TITLE], g_free);

  plan->match = g_object_ref (finding);
  plan->kind = differs (plan, finding) ? KW_IMPORT_ROW_UPDATE : KW_IMPORT_ROW_UNCHANGED;
}

static void
plan_row (KwImport *self,
          Matcher  *matcher,
          guint     index,
          RowPlan  *plan)
{
  if (!check_unnamed_cells (self, index, plan) ||
      !read_texts (self, index, plan) ||
      !read_position (self, index, plan) ||
      !read_status (self, index, plan) ||
      !read_date (self, index, KW_CSV_COLUMN_DUE, KW_FINDING_TEXT_DUE_DATE, plan) ||
      !read_date (self, index, KW_CSV_COLUMN_REVIEW, KW_FINDING_TEXT_REVIEW_DATE, plan))
    return;

  match_row (self, matcher, index, plan);
}

/* While the columns cannot be imported, no row is planned: every count is
 * 0 and every row an error without a message of its own. */
static void
replan (KwImport *self)
{
  guint n_rows = kw_import_get_n_rows (self);
  guint offset = self->has_header ? 1 : 0;
  Matcher matcher;

  clear_plans (self);
  g_clear_pointer (&self->problem, g_free);
  memset (self->counts, 0, sizeof self->counts);
  index_columns (self);

  self->plans = g_new0 (RowPlan, MAX (n_rows, 1));
  self->problem = describe_problem (find_problem (self));
  if (self->problem != NULL)
    {
      for (guint i = 0; i < n_rows; i++)
        self->plans[i].kind = KW_IMPORT_ROW_ERROR;
      return;
    }

  matcher_init (&matcher, self->board);
  for (guint i = 0; i < n_rows; i++)
    {
      plan_row (self, &matcher, i + offset, &self->plans[i]);
      self->counts[self->plans[i].kind]++;
    }
  matcher_clear (&matcher);
}

/* Construction */

/* Without a header row, the columns are guessed. */
static gboolean
find_columns (KwImport  *self,
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

static KwImport *
import_new (KwBoard     *board,
            GBytes      *bytes,
            const char  *display_name,
            gboolean     for_new_board,
            GError     **error)
{
  g_autoptr(KwImport) self = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KW_TYPE_IMPORT, NULL);
  self->board = g_object_ref (board);
  self->display_name = g_strdup (display_name != NULL ? display_name : "CSV");
  self->rows = _kw_csv_read_table (bytes, self->display_name, for_new_board, &self->row_numbers, error);
  if (self->rows == NULL)
    return NULL;

  for (guint i = 0; i < self->rows->len; i++)
    self->n_columns = MAX (self->n_columns, g_strv_length (g_ptr_array_index (self->rows, i)));

  index_columns (self);
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

  replan (self);

  return g_steal_pointer (&self);
}

/* Public API */

KwImport *
kw_import_new (KwBoard     *board,
               GBytes      *bytes,
               const char  *display_name,
               GError     **error)
{
  return import_new (board, bytes, display_name, FALSE, error);
}

KwImport *
kw_import_new_from_text (KwBoard     *board,
                         const char  *text,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  bytes = g_bytes_new (text, strlen (text));

  /* TRANSLATORS: names pasted text in messages, as a file name would be. */
  return kw_import_new (board, bytes, _("The pasted text"), error);
}

gboolean
kw_import_has_header (KwImport *self)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), FALSE);

  return self->has_header;
}

guint
kw_import_get_n_columns (KwImport *self)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), 0);

  return self->n_columns;
}

const char *
kw_import_get_column_label (KwImport *self,
                            guint     column)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return g_ptr_array_index (self->labels, column);
}

KwCsvColumn
kw_import_get_column (KwImport *self,
                      guint     column)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), KW_CSV_COLUMN_IGNORED);
  g_return_val_if_fail (column < self->n_columns, KW_CSV_COLUMN_IGNORED);

  return self->kinds[column];
}

void
kw_import_set_column (KwImport    *self,
                      guint        column,
                      KwCsvColumn  kind)
{
  g_return_if_fail (KW_IS_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (kind >= KW_CSV_COLUMN_IGNORED && kind < KW_CSV_N_COLUMNS);

  if (self->kinds[column] == kind)
    return;

  if (kind > KW_CSV_COLUMN_IGNORED && self->column_of_kind[kind] >= 0)
    self->kinds[self->column_of_kind[kind]] = KW_CSV_COLUMN_IGNORED;
  self->kinds[column] = kind;

  replan (self);
}

const char *
kw_import_get_problem (KwImport *self)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), NULL);

  return self->problem;
}

guint
kw_import_get_n_rows (KwImport *self)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), 0);

  return self->rows->len - (self->has_header ? 1 : 0);
}

guint
kw_import_get_row_number (KwImport *self,
                          guint     row)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), 0);
  g_return_val_if_fail (row < kw_import_get_n_rows (self), 0);

  return g_array_index (self->row_numbers, guint, row + (self->has_header ? 1 : 0));
}

const char *
kw_import_get_cell (KwImport *self,
                    guint     row,
                    guint     column)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), "");
  g_return_val_if_fail (row < kw_import_get_n_rows (self), "");

  return row_cell (self, row + (self->has_header ? 1 : 0), column);
}

KwImportRowKind
kw_import_get_row_kind (KwImport *self,
                        guint     row)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), KW_IMPORT_ROW_ERROR);
  g_return_val_if_fail (row < kw_import_get_n_rows (self), KW_IMPORT_ROW_ERROR);

  return self->plans[row].kind;
}

const char *
kw_import_get_row_error (KwImport *self,
                         guint     row)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), NULL);
  g_return_val_if_fail (row < kw_import_get_n_rows (self), NULL);

  return self->plans[row].error;
}

KwFinding *
kw_import_get_row_match (KwImport *self,
                         guint     row)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), NULL);
  g_return_val_if_fail (row < kw_import_get_n_rows (self), NULL);

  return self->plans[row].match;
}

guint
kw_import_count (KwImport        *self,
                 KwImportRowKind  kind)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), 0);
  g_return_val_if_fail (kind <= KW_IMPORT_ROW_ERROR, 0);

  return self->counts[kind];
}

/* Applying */

/* The plan's values are clean and valid already (kw_text_clean(), ISO
 * dates, scores in tenths, tags split by the finding's rules), and nobody
 * watches a finding being made: set without cleaning again or notifying,
 * which keeps a file of 200,000 findings fast. */
static KwFinding *
new_finding (RowPlan *plan)
{
  KwFinding *finding = _kw_finding_new_loading (plan->id);
  GDateTime *now = g_date_time_new_now_utc ();

  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    {
      if (plan->texts[i] != NULL)
        _kw_finding_take_text_loading (finding, i, g_strdup (plan->texts[i]));
    }
  if (plan->placed)
    _kw_finding_place_loading (finding, plan->impact, plan->effort);
  if (plan->has_status)
    _kw_finding_set_status_loading (finding, plan->status);
  if (plan->tags != NULL)
    _kw_finding_take_tags_loading (finding, g_strdupv (plan->tags));
  _kw_finding_take_times_loading (finding, g_date_time_ref (now), now);

  return finding;
}

static void
update_finding (KwHistory *history,
                RowPlan   *plan)
{
  for (guint i = 0; i < KW_N_FINDING_TEXTS; i++)
    {
      if (plan->texts[i] != NULL)
        kw_history_set_text (history, plan->match, i, plan->texts[i]);
    }
  if (plan->placed)
    kw_history_place (history, plan->match, plan->impact, plan->effort);
  if (plan->has_status)
    kw_history_set_status (history, plan->match, plan->status);
  if (plan->tags != NULL)
    kw_history_set_tags (history, plan->match, (const char * const *) plan->tags);
}

guint
kw_import_apply (KwImport  *self,
                 KwHistory *history)
{
  g_autofree char *label = NULL;
  guint n_changes;

  g_return_val_if_fail (KW_IS_IMPORT (self), 0);
  g_return_val_if_fail (KW_IS_HISTORY (history), 0);
  g_return_val_if_fail (kw_history_get_board (history) == self->board, 0);

  /* The board may have changed since the preview was planned. */
  replan (self);

  n_changes = self->counts[KW_IMPORT_ROW_NEW] + self->counts[KW_IMPORT_ROW_UPDATE];
  if (self->problem != NULL || n_changes == 0)
    return 0;

  label = g_strdup_printf (ngettext ("Import %u Finding", "Import %u Findings", n_changes), n_changes);
  kw_history_begin_group (history, label);
  for (guint i = 0; i < kw_import_get_n_rows (self); i++)
    {
      RowPlan *plan = &self->plans[i];

      if (plan->kind == KW_IMPORT_ROW_NEW)
        {
          g_autoptr(KwFinding) finding = new_finding (plan);

          kw_history_add (history, finding, G_MAXUINT);
        }
      else if (plan->kind == KW_IMPORT_ROW_UPDATE)
        {
          update_finding (history, plan);
        }
    }
  kw_history_end_group (history);

  /* Applied once: a second call plans against the changed board. */
  replan (self);

  return n_changes;
}

/* For kw_csv_import_bytes() */

KwImport *
_kw_import_new_for_new_board (KwBoard     *board,
                              GBytes      *bytes,
                              const char  *display_name,
                              GError     **error)
{
  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (kw_board_get_n_findings (board) == 0, NULL);

  return import_new (board, bytes, display_name, TRUE, error);
}

gboolean
_kw_import_check_rows (KwImport  *self,
                       GError   **error)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->problem == NULL, FALSE);

  for (guint i = 0; i < kw_import_get_n_rows (self); i++)
    {
      const RowPlan *plan = &self->plans[i];
      const char *label = NULL;

      if (plan->kind != KW_IMPORT_ROW_ERROR)
        continue;

      if (plan->error_column >= 0)
        label = g_ptr_array_index (self->labels, (guint) plan->error_column);
      _kw_csv_set_cell_error (error, KW_CSV_ERROR_VALUE, self->display_name,
                              kw_import_get_row_number (self, i), label, plan->error_detail);
      return FALSE;
    }

  return TRUE;
}

guint
_kw_import_apply_to_new_board (KwImport *self)
{
  guint n_added = 0;

  g_return_val_if_fail (KW_IS_IMPORT (self), 0);
  /* The plan was made for the empty board: no row updates a finding. */
  g_return_val_if_fail (kw_board_get_n_findings (self->board) == 0, 0);
  g_return_val_if_fail (self->problem == NULL, 0);

  for (guint i = 0; i < kw_import_get_n_rows (self); i++)
    {
      RowPlan *plan = &self->plans[i];

      if (plan->kind != KW_IMPORT_ROW_NEW)
        continue;

      /* Each id once: the plan claimed them, and fresh ones never clash. */
      if (!_kw_board_take_finding_loading (self->board, new_finding (plan)))
        g_return_val_if_reached (n_added);
      n_added++;
    }

  return n_added;
}
