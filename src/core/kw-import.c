/* kw-import.c: plans and applies an import of spreadsheet rows into a board.
 *
 * Every import goes through here: the app's import into an open board (a
 * header that may be missing, columns the user chooses, matching rows to
 * findings already on the board, errors kept per row) and the command
 * line's new board from a file (kw_csv_import_bytes(), stricter about the
 * header, and all or nothing). The file's rows and columns are read in
 * kw-import-table.c, each cell by the CSV reader's rules (kw-csv-private.h).
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
#include "kw-import-table.h"
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

  KwBoard       *board;
  KwImportTable *table;
  char          *problem;
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
  g_clear_pointer (&self->table, _kw_import_table_free);
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
}

/* Planning the rows */

static const char *
value_of (KwImport    *self,
          guint        index,
          KwCsvColumn  kind)
{
  return _kw_import_table_get_value (self->table, index, kind);
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
    plan->error = g_strdup_printf (_("%s: %s"), (const char *) g_ptr_array_index (self->table->labels, (guint) column),
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
  take_row_error (self, plan, self->table->column_of_kind[kind], g_strdup_vprintf (format, args));
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
  GStrv cells = g_ptr_array_index (self->table->rows, index);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *letters = NULL;
      g_autofree char *shown = NULL;

      if (self->table->kinds[i] != KW_CSV_COLUMN_UNNAMED || _kw_csv_is_blank (cells[i]))
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

/* Titles match whatever their case: a title key is the title cleaned
 * to one line, then casefolded. */
char *
_kw_import_title_key (const char *title)
{
  g_autofree char *clean = kw_text_clean (title, TRUE);

  return g_utf8_casefold (clean, -1);
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
      char *key = _kw_import_title_key (kw_finding_get_title (finding));

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
  guint row_number = g_array_index (self->table->row_numbers, guint, index);
  g_autofree char *title = _kw_import_title_key (plan->texts[KW_FINDING_TEXT_TITLE]);
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
  guint offset = self->table->has_header ? 1 : 0;
  Matcher matcher;

  clear_plans (self);
  g_clear_pointer (&self->problem, g_free);
  memset (self->counts, 0, sizeof self->counts);

  self->plans = g_new0 (RowPlan, MAX (n_rows, 1));
  self->problem = _kw_import_table_describe_problem (self->table);
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
  self->table = _kw_import_table_new (bytes, display_name, for_new_board, error);
  if (self->table == NULL)
    return NULL;

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

  return self->table->has_header;
}

guint
kw_import_get_n_columns (KwImport *self)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), 0);

  return self->table->n_columns;
}

const char *
kw_import_get_column_label (KwImport *self,
                            guint     column)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->table->n_columns, NULL);

  return g_ptr_array_index (self->table->labels, column);
}

KwCsvColumn
kw_import_get_column (KwImport *self,
                      guint     column)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), KW_CSV_COLUMN_IGNORED);
  g_return_val_if_fail (column < self->table->n_columns, KW_CSV_COLUMN_IGNORED);

  return self->table->kinds[column];
}

void
kw_import_set_column (KwImport    *self,
                      guint        column,
                      KwCsvColumn  kind)
{
  g_return_if_fail (KW_IS_IMPORT (self));
  g_return_if_fail (column < self->table->n_columns);
  g_return_if_fail (kind >= KW_CSV_COLUMN_IGNORED && kind < KW_CSV_N_COLUMNS);

  if (_kw_import_table_set_column (self->table, column, kind))
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

  return _kw_import_table_get_n_rows (self->table);
}

guint
kw_import_get_row_number (KwImport *self,
                          guint     row)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), 0);
  g_return_val_if_fail (row < kw_import_get_n_rows (self), 0);

  return g_array_index (self->table->row_numbers, guint, row + (self->table->has_header ? 1 : 0));
}

const char *
kw_import_get_cell (KwImport *self,
                    guint     row,
                    guint     column)
{
  g_return_val_if_fail (KW_IS_IMPORT (self), "");
  g_return_val_if_fail (row < kw_import_get_n_rows (self), "");

  return _kw_import_table_get_cell (self->table, row + (self->table->has_header ? 1 : 0), column);
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
        label = g_ptr_array_index (self->table->labels, (guint) plan->error_column);
      _kw_csv_set_cell_error (error, KW_CSV_ERROR_VALUE, self->table->display_name,
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
