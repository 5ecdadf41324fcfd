/* kw-export-csv.c: one row per finding, in the board's order, RFC 4180
 * quoting, CRLF line ends, UTF-8.
 *
 * The column names and status words are the importer's own (kw-csv.c), in
 * English or Dutch, so the file reads back into the same findings. They are
 * not translated through gettext for that reason: a translation the
 * importer does not know would break the round trip.
 *
 * A cell that starts with = + - or @ would be run as a formula by Excel
 * and LibreOffice, a known way to attack whoever opens the file; such cells
 * get a leading apostrophe, which spreadsheets hide and the importer drops.
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

static gboolean
starts_formula (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@", cell[0]) != NULL;
}

/* Also a cell that looks guarded already, so the importer's removal of one
 * apostrophe gives back exactly the text. */
static gboolean
needs_formula_guard (const char *cell)
{
  return starts_formula (cell) || (cell[0] == '\'' && starts_formula (cell + 1));
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
