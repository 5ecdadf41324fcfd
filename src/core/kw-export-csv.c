/* kw-export-csv.c: one row per finding, in the board's order, RFC 4180
 * quoting, CRLF line ends, UTF-8.
 *
 * The column names (kw-plan-columns.c) and status words are the
 * importer's own (kw-csv.c), in English or Dutch, so the file reads back
 * into the same findings. They are
 * not translated through gettext for that reason: a translation the
 * importer does not know would break the round trip.
 *
 * On a board with participants the room's estimates follow the fields
 * (kw-plan-columns.h), which the importer skips.
 *
 * A cell that a spreadsheet would run as a formula is a known way to
 * attack whoever opens the file; such cells get a leading apostrophe, which
 * spreadsheets hide and the importer drops. Only those: a guard on every
 * cell that starts with a sign shows as a stray apostrophe in LibreOffice
 * ("'-10% herhaalcontact"), so cell_is_formula() says which really are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-export-csv"

#include "config.h"

#include <string.h>

#include "kw-export-csv.h"
#include "kw-export-file.h"
#include "kw-plan-columns.h"
#include "kw-plan-text.h"
#include "kw-text.h"

#define BOM "\xef\xbb\xbf"

static const char * const status_words[KW_N_STATUSES][2] = {
  { "open", "open" },
  { "in progress", "bezig" },
  { "done", "klaar" },
};

typedef struct
{
  GString *out;
  char     separator;
  gboolean dutch;
  gboolean first_cell;
} Writer;

/* What the importer (kw-csv.c) takes for a guarded cell when an
 * apostrophe comes before it. */
static gboolean
starts_with_sign (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@", cell[0]) != NULL;
}

static gboolean
is_operator (char c)
{
  return c != '\0' && strchr ("+-*/^&<>", c) != NULL;
}

/* A number ("10", "2,5", "10%"), a cell ("A1", "$B$2", "A1:B3") or a
 * name ("owner", "Sheet1.A1"): something a formula can compute with. */
static gboolean
is_operand (const char *start,
            const char *end)
{
  const char *p = start;

  if (p == end)
    return FALSE;

  if (g_ascii_isdigit (*p) || *p == '.' || *p == ',')
    {
      while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == ','))
        p++;
      if (p < end && *p == '%')
        p++;
      return p == end;
    }

  for (; p < end; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_$.:", *p) == NULL)
      return FALSE;

  return TRUE;
}

/* Whether the text after a leading + or - reads as an expression: operands
 * joined by operators, at least one operator or one name. "+1+2", "-2+3"
 * and "-A1" do; "-10%" (a number, read as one) and "-10% herhaalcontact"
 * (words after a number: no formula parses) do not. */
static gboolean
is_expression (const char *text)
{
  gboolean has_operator = FALSE;
  gboolean has_name = FALSE;
  const char *p = text;

  for (;;)
    {
      const char *start, *end;

      while (*p == ' ')
        p++;
      start = p;
      while (*p != '\0' && !is_operator (*p))
        p++;
      end = p;
      while (end > start && end[-1] == ' ')
        end--;
      if (!is_operand (start, end))
        return FALSE;
      has_name |= !g_ascii_isdigit (*start) && *start != '.' && *start != ',';
      if (*p == '\0')
        return has_operator || has_name;
      has_operator = TRUE;
      p++;
    }
}

/* What Excel or LibreOffice would evaluate on opening the file: "=..."
 * always; "@" before a name or a call (Excel's old function prefix);
 * "+" or "-" before an expression. A function call, DDE ("|") or a
 * reference to another sheet ("!") after any of them makes it a formula
 * whatever else the cell holds. */
static gboolean
cell_is_formula (const char *cell)
{
  switch (cell[0])
    {
    case '=':
      return TRUE;
    case '@':
      return g_ascii_isalpha (cell[1]) || cell[1] == '_' || strpbrk (cell, "(|!") != NULL;
    case '+':
    case '-':
      return strpbrk (cell, "(|!=") != NULL || is_expression (cell + 1);
    default:
      return FALSE;
    }
}

/* Also a cell that looks guarded already, so the importer's removal of one
 * apostrophe gives back exactly the text. */
static gboolean
needs_formula_guard (const char *cell)
{
  return cell_is_formula (cell) ||
         (cell[0] == '\'' && (starts_with_sign (cell + 1) ||
                              (cell[1] == '\'' && starts_with_sign (cell + 2))));
}

static gboolean
needs_quotes (const Writer *self,
              const char   *cell)
{
  gsize len = strlen (cell);

  if (len == 0)
    return FALSE;

  /* Spaces at the ends are kept only inside quotes by some spreadsheets. */
  return strchr (cell, self->separator) != NULL || strpbrk (cell, "\"\r\n") != NULL ||
         g_ascii_isspace (cell[0]) || g_ascii_isspace (cell[len - 1]);
}

static void
write_cell (Writer     *self,
            const char *cell)
{
  g_autoptr(GString) value = g_string_new (NULL);

  if (!self->first_cell)
    g_string_append_c (self->out, self->separator);
  self->first_cell = FALSE;

  if (cell == NULL)
    return;

  if (needs_formula_guard (cell))
    g_string_append_c (value, '\'');
  g_string_append (value, cell);

  if (!needs_quotes (self, value->str))
    {
      g_string_append (self->out, value->str);
      return;
    }

  g_string_append_c (self->out, '"');
  for (const char *p = value->str; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->out, '"');
      g_string_append_c (self->out, *p);
    }
  g_string_append_c (self->out, '"');
}

static void
end_row (Writer *self)
{
  g_string_append (self->out, "\r\n");
  self->first_cell = TRUE;
}

static void
write_score (Writer *self,
             double  score)
{
  g_autofree char *text = kw_score_format (score);

  /* Dutch Excel, the one that wants ";", reads "7,5" as a number. */
  if (self->separator == ';')
    g_strdelimit (text, ".", ',');
  write_cell (self, text);
}

static void
write_time (Writer    *self,
            GDateTime *time)
{
  g_autofree char *text = time != NULL ? g_date_time_format_iso8601 (time) : NULL;

  write_cell (self, text);
}

static void
write_tags (Writer    *self,
            KwFinding *finding)
{
  const char * const *tags = kw_finding_get_tags (finding);
  g_autofree char *joined = NULL;

  /* The importer splits on "," ";" and "|", whichever the separator. */
  if (tags != NULL)
    joined = g_strjoinv (", ", (char **) tags);
  write_cell (self, joined);
}

static void
write_header (Writer  *self,
              KwBoard *board)
{
  KwPlanColumn columns[KW_N_PLAN_COLUMNS];
  guint n_columns = kw_plan_columns_get (KW_PLAN_COLUMNS_CSV, columns);
  guint n_estimates = kw_plan_estimate_columns_count (board);

  for (guint i = 0; i < n_columns; i++)
    write_cell (self, kw_plan_column_get_name (columns[i], self->dutch));
  for (guint i = 0; i < n_estimates; i++)
    {
      g_autofree char *name = kw_plan_estimate_column_dup_name (board, i, self->dutch);

      write_cell (self, name);
    }
  end_row (self);
}

/* The medians and each participant's estimates, on a board with
 * participants: "no idea" as KW_PLAN_NO_IDEA_CELL, no estimate empty. */
static void
write_estimates (Writer    *self,
                 KwBoard   *board,
                 KwFinding *finding,
                 guint      n_estimates)
{
  for (guint i = 0; i < n_estimates; i++)
    {
      double value;

      switch (kw_plan_estimate_column_get_cell (board, i, finding, &value))
        {
        case KW_PLAN_ESTIMATE_CELL_NUMBER:
          write_score (self, value);
          break;
        case KW_PLAN_ESTIMATE_CELL_NO_IDEA:
          write_cell (self, KW_PLAN_NO_IDEA_CELL);
          break;
        case KW_PLAN_ESTIMATE_CELL_EMPTY:
        default:
          write_cell (self, NULL);
          break;
        }
    }
}

static void
write_column (Writer       *self,
              KwBoard      *board,
              KwFinding    *finding,
              KwPlanColumn  column)
{
  gboolean placed = kw_finding_get_placed (finding);

  switch (column)
    {
    case KW_PLAN_COLUMN_ID:          write_cell (self, kw_finding_get_id (finding)); break;
    case KW_PLAN_COLUMN_TITLE:       write_cell (self, kw_finding_get_title (finding)); break;
    case KW_PLAN_COLUMN_DESCRIPTION: write_cell (self, kw_finding_get_description (finding)); break;
    case KW_PLAN_COLUMN_IMPACT:
      if (placed)
        write_score (self, kw_finding_get_impact (finding));
      else
        write_cell (self, NULL);
      break;
    case KW_PLAN_COLUMN_EFFORT:
      if (placed)
        write_score (self, kw_finding_get_effort (finding));
      else
        write_cell (self, NULL);
      break;
    case KW_PLAN_COLUMN_OUTCOME:
      write_cell (self, kw_outcome_get_title (kw_board_classify_finding (board, finding)));
      break;
    case KW_PLAN_COLUMN_OWNER:       write_cell (self, kw_finding_get_owner (finding)); break;
    case KW_PLAN_COLUMN_DUE:         write_cell (self, kw_finding_get_due_date (finding)); break;
    case KW_PLAN_COLUMN_REVIEW:      write_cell (self, kw_finding_get_review_date (finding)); break;
    case KW_PLAN_COLUMN_STATUS:
      write_cell (self, status_words[kw_finding_get_status (finding)][self->dutch]);
      break;
    case KW_PLAN_COLUMN_TAGS:        write_tags (self, finding); break;
    case KW_PLAN_COLUMN_SOURCE:      write_cell (self, kw_finding_get_source (finding)); break;
    case KW_PLAN_COLUMN_DROP_REASON: write_cell (self, kw_finding_get_drop_reason (finding)); break;
    case KW_PLAN_COLUMN_CREATED:     write_time (self, kw_finding_get_created (finding)); break;
    case KW_PLAN_COLUMN_MODIFIED:    write_time (self, kw_finding_get_modified (finding)); break;
    case KW_PLAN_COLUMN_NUMBER:
    case KW_N_PLAN_COLUMNS:
    default:
      g_return_if_reached ();
    }
}

static void
write_finding (Writer    *self,
               KwBoard   *board,
               KwFinding *finding,
               guint      n_estimates)
{
  KwPlanColumn columns[KW_N_PLAN_COLUMNS];
  guint n_columns = kw_plan_columns_get (KW_PLAN_COLUMNS_CSV, columns);

  for (guint i = 0; i < n_columns; i++)
    write_column (self, board, finding, columns[i]);
  write_estimates (self, board, finding, n_estimates);
  end_row (self);
}

GBytes *
kw_export_csv_bytes (KwBoard                  *board,
                     const KwExportCsvOptions *options,
                     GError                  **error)
{
  g_autoptr(KwPlanLanguage) language = NULL;
  Writer writer = { 0 };
  const char *lang = options != NULL ? options->lang : NULL;
  char separator = options != NULL ? options->separator : '\0';
  guint n_estimates;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (separator == '\0' || separator == ',' || separator == ';', NULL);

  language = kw_plan_language_push (lang);
  /* The column names follow the language asked for, or the UI's. */
  writer.dutch = lang != NULL && lang[0] != '\0' ? g_str_equal (lang, "nl")
                                                 : g_str_equal (kw_plan_language_get_code (), "nl");
  writer.separator = separator != '\0' ? separator : (writer.dutch ? ';' : ',');
  writer.first_cell = TRUE;
  writer.out = g_string_new (options != NULL && options->bom ? BOM : "");

  n_estimates = kw_plan_estimate_columns_count (board);
  write_header (&writer, board);
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    write_finding (&writer, board, kw_board_get_finding (board, i), n_estimates);

  return g_string_free_to_bytes (writer.out);
}

gboolean
kw_export_csv_file (KwBoard                  *board,
                    const KwExportCsvOptions *options,
                    GFile                    *file,
                    GError                  **error)
{
  g_autoptr(GBytes) bytes = kw_export_csv_bytes (board, options, error);

  if (bytes == NULL)
    return FALSE;

  return kw_export_file_write_bytes (file, bytes, error);
}
