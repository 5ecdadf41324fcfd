/* kw-export-csv.c: one row per finding, in the board's order, RFC 4180
 * quoting, CRLF line ends, UTF-8.
 *
 * The column names and status words are the importer's own (kw-csv.c), in
 * English or Dutch, so the file reads back into the same findings. They are
 * not translated through gettext for that reason: a translation the
 * importer does not know would break the round trip.
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
#include "kw-plan-text.h"
#include "kw-text.h"

#define BOM "\xef\xbb\xbf"

typedef enum {
  COLUMN_ID,
  COLUMN_TITLE,
  COLUMN_DESCRIPTION,
  COLUMN_IMPACT,
  COLUMN_EFFORT,
  COLUMN_OUTCOME,
  COLUMN_OWNER,
  COLUMN_DUE,
  COLUMN_REVIEW,
  COLUMN_STATUS,
  COLUMN_TAGS,
  COLUMN_SOURCE,
  COLUMN_DROP_REASON,
  COLUMN_CREATED,
  COLUMN_MODIFIED,
  N_COLUMNS
} Column;

/* English and Dutch, each a name kw-csv.c knows. */
static const char * const column_names[N_COLUMNS][2] = {
  { "id", "id" },
  { "title", "titel" },
  { "description", "omschrijving" },
  { "impact", "impact" },
  { "effort", "inspanning" },
  { "outcome", "uitkomst" },
  { "owner", "eigenaar" },
  { "due", "deadline" },
  { "review", "herbeoordeling" },
  { "status", "status" },
  { "tags", "labels" },
  { "source", "bron" },
  { "drop reason", "reden schrappen" },
  { "created", "aangemaakt" },
  { "modified", "gewijzigd" },
};

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
write_header (Writer *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    write_cell (self, column_names[i][self->dutch]);
  end_row (self);
}

static void
write_finding (Writer    *self,
               KwBoard   *board,
               KwFinding *finding)
{
  gboolean placed = kw_finding_get_placed (finding);

  write_cell (self, kw_finding_get_id (finding));
  write_cell (self, kw_finding_get_title (finding));
  write_cell (self, kw_finding_get_description (finding));
  if (placed)
    {
      write_score (self, kw_finding_get_impact (finding));
      write_score (self, kw_finding_get_effort (finding));
    }
  else
    {
      write_cell (self, NULL);
      write_cell (self, NULL);
    }
  write_cell (self, kw_outcome_get_title (kw_board_classify_finding (board, finding)));
  write_cell (self, kw_finding_get_owner (finding));
  write_cell (self, kw_finding_get_due_date (finding));
  write_cell (self, kw_finding_get_review_date (finding));
  write_cell (self, status_words[kw_finding_get_status (finding)][self->dutch]);
  write_tags (self, finding);
  write_cell (self, kw_finding_get_source (finding));
  write_cell (self, kw_finding_get_drop_reason (finding));
  write_time (self, kw_finding_get_created (finding));
  write_time (self, kw_finding_get_modified (finding));
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

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (separator == '\0' || separator == ',' || separator == ';', NULL);

  language = kw_plan_language_push (lang);
  /* The column names follow the language asked for, or the UI's. */
  writer.dutch = lang != NULL && lang[0] != '\0' ? g_str_equal (lang, "nl")
                                                 : g_str_equal (kw_plan_language_get_code (), "nl");
  writer.separator = separator != '\0' ? separator : (writer.dutch ? ';' : ',');
  writer.first_cell = TRUE;
  writer.out = g_string_new (options != NULL && options->bom ? BOM : "");

  write_header (&writer);
  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    write_finding (&writer, board, kw_board_get_finding (board, i));

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

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
