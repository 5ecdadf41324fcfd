/* kw-export-xlsx.c: one sheet, a row per finding in the action plan's
 * order and with its number, so the spreadsheet and the plan agree.
 *
 * Numbers are numbers (impact, effort, the plan's number), dates are dates
 * (due, review; created and modified with their time, in local time), in
 * the short date format of whoever opens the file (Excel's built-in
 * formats 14 and 22 follow the reader's locale). Text is always written
 * as text: a title such as "=1+1" stays a string, so the workbook needs
 * no formula guard. The outcome cell carries the outcome's badge colour
 * with white text (kw_outcome_get_badge_color(), 4.5:1 or more). On a
 * board with participants the room's estimates follow (kw-plan-columns.h).
 *
 * libxlsxwriter writes only to a local file name: the workbook is made in
 * a private temporary folder and read back, so the caller can write it
 * anywhere GIO reaches, as a whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-export-xlsx"

#include "config.h"

#include "kw-i18n.h"
#include <glib/gstdio.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "kw-export-xlsx.h"
#include "kw-export-file.h"
#include "kw-plan-columns.h"
#include "kw-plan-text.h"
#include "kw-text.h"

/* Excel's built-in formats that follow the reader's locale. */
#define FORMAT_SHORT_DATE 14
#define FORMAT_DATE_TIME  22

/* The most characters a cell holds (Excel's limit; libxlsxwriter refuses
 * more). */
#define MAX_CELL_CHARS 32767

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *header;
  lxw_format    *text;
  lxw_format    *score;
  lxw_format    *date;
  lxw_format    *date_time;
  lxw_format    *outcomes[KW_N_OUTCOMES];
  lxw_error      error;  /* the first one */
} Sheet;

/* Characters wide, for the text the column usually holds; never
 * narrower than its header (which does not wrap: a wrapped header runs
 * into the first row where the row's height is not computed). */
static const double column_widths[KW_N_PLAN_COLUMNS] = {
  [KW_PLAN_COLUMN_NUMBER] = 5,
  [KW_PLAN_COLUMN_ID] = 38,
  [KW_PLAN_COLUMN_TITLE] = 45,
  [KW_PLAN_COLUMN_DESCRIPTION] = 50,
  [KW_PLAN_COLUMN_IMPACT] = 8,
  [KW_PLAN_COLUMN_EFFORT] = 8,
  [KW_PLAN_COLUMN_OUTCOME] = 24,
  [KW_PLAN_COLUMN_OWNER] = 20,
  [KW_PLAN_COLUMN_DUE] = 12,
  [KW_PLAN_COLUMN_REVIEW] = 12,
  [KW_PLAN_COLUMN_STATUS] = 12,
  [KW_PLAN_COLUMN_TAGS] = 20,
  [KW_PLAN_COLUMN_SOURCE] = 20,
  [KW_PLAN_COLUMN_DROP_REASON] = 30,
  [KW_PLAN_COLUMN_CREATED] = 17,
  [KW_PLAN_COLUMN_MODIFIED] = 17,
};

static double
column_width (KwPlanColumn column)
{
  return MAX (column_widths[column], 2.0 + 1.1 * g_utf8_strlen (kw_plan_column_get_title (column), -1));
}

static void
keep_error (Sheet     *self,
            lxw_error  error)
{
  if (self->error == LXW_NO_ERROR)
    self->error = error;
}

static lxw_color_t
color_from_hex (const char *hex)
{
  return (lxw_color_t) g_ascii_strtoull (hex + 1, NULL, 16);
}

static void
add_formats (Sheet *self)
{
  self->header = workbook_add_format (self->workbook);
  format_set_bold (self->header);
  format_set_bottom (self->header, LXW_BORDER_THIN);
  format_set_align (self->header, LXW_ALIGN_VERTICAL_TOP);

  self->text = workbook_add_format (self->workbook);
  format_set_align (self->text, LXW_ALIGN_VERTICAL_TOP);

  self->score = workbook_add_format (self->workbook);
  format_set_num_format (self->score, "0.0");
  format_set_align (self->score, LXW_ALIGN_VERTICAL_TOP);

  self->date = workbook_add_format (self->workbook);
  format_set_num_format_index (self->date, FORMAT_SHORT_DATE);
  format_set_align (self->date, LXW_ALIGN_VERTICAL_TOP);

  self->date_time = workbook_add_format (self->workbook);
  format_set_num_format_index (self->date_time, FORMAT_DATE_TIME);
  format_set_align (self->date_time, LXW_ALIGN_VERTICAL_TOP);

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      lxw_format *format = workbook_add_format (self->workbook);

      format_set_bold (format);
      format_set_font_color (format, color_from_hex (KW_OUTCOME_BADGE_TEXT));
      format_set_pattern (format, LXW_PATTERN_SOLID);
      format_set_bg_color (format, color_from_hex (kw_outcome_get_badge_color ((KwOutcome) i)));
      format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
      self->outcomes[i] = format;
    }
}

/* A cell holds at most MAX_CELL_CHARS characters: longer text is cut there. */
static void
write_text (Sheet      *self,
            guint       row,
            lxw_col_t   column,
            const char *text,
            lxw_format *format)
{
  g_autofree char *cut = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    text = cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
  keep_error (self, worksheet_write_string (self->sheet, row, column, text, format != NULL ? format : self->text));
}

static void
write_number (Sheet      *self,
              guint       row,
              lxw_col_t   column,
              double      value,
              lxw_format *format)
{
  keep_error (self, worksheet_write_number (self->sheet, row, column, value, format));
}

/* "2026-11-22" as a date; anything else (never in a valid board) as text. */
static void
write_iso_date (Sheet      *self,
                guint       row,
                lxw_col_t   column,
                const char *iso_date)
{
  lxw_datetime date = { 0 };
  int year, month, day;

  if (iso_date == NULL || iso_date[0] == '\0')
    return;

  if (!kw_date_is_valid_iso (iso_date) || sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3)
    {
      write_text (self, row, column, iso_date, NULL);
      return;
    }

  date.year = year;
  date.month = month;
  date.day = day;
  keep_error (self, worksheet_write_datetime (self->sheet, row, column, &date, self->date));
}

static void
write_time (Sheet     *self,
            guint      row,
            lxw_col_t  column,
            GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  lxw_datetime date;

  if (time == NULL)
    return;

  /* A spreadsheet has no time zones: the reader's local time. */
  local = g_date_time_to_local (time);
  date.year = g_date_time_get_year (local);
  date.month = g_date_time_get_month (local);
  date.day = g_date_time_get_day_of_month (local);
  date.hour = g_date_time_get_hour (local);
  date.min = g_date_time_get_minute (local);
  date.sec = g_date_time_get_second (local);
  keep_error (self, worksheet_write_datetime (self->sheet, row, column, &date, self->date_time));
}

/* The columns' headings and widths; returns how many there are. */
static guint
write_header (Sheet   *self,
              KwBoard *board)
{
  KwPlanColumn columns[KW_N_PLAN_COLUMNS];
  guint n_columns = kw_plan_columns_get (KW_PLAN_COLUMNS_SPREADSHEET, columns);
  guint n_estimates = kw_plan_estimate_columns_count (board);

  for (guint i = 0; i < n_columns; i++)
    {
      const char *title = kw_plan_column_get_title (columns[i]);

      keep_error (self, worksheet_write_string (self->sheet, 0, i, title, self->header));
      keep_error (self, worksheet_set_column (self->sheet, i, i, column_width (columns[i]), NULL));
    }

  for (guint i = 0; i < n_estimates; i++)
    {
      g_autofree char *title = kw_plan_estimate_column_dup_title (board, i);
      lxw_col_t at = (lxw_col_t) (n_columns + i);
      double width = MAX (column_widths[KW_PLAN_COLUMN_IMPACT], 2.0 + 1.1 * g_utf8_strlen (title, -1));

      write_text (self, 0, at, title, self->header);
      keep_error (self, worksheet_set_column (self->sheet, at, at, width, NULL));
    }

  return n_columns + n_estimates;
}

/* The medians and each participant's estimates (kw-plan-columns.h):
 * scores as numbers, "no idea" as KW_PLAN_NO_IDEA_CELL in text, which
 * sums and averages skip, no estimate empty. */
static void
write_estimates (Sheet     *self,
                 KwBoard   *board,
                 KwFinding *finding,
                 guint      row,
                 lxw_col_t  first)
{
  guint n_estimates = kw_plan_estimate_columns_count (board);

  for (guint i = 0; i < n_estimates; i++)
    {
      double value;

      switch (kw_plan_estimate_column_get_cell (board, i, finding, &value))
        {
        case KW_PLAN_ESTIMATE_CELL_NUMBER:
          write_number (self, row, (lxw_col_t) (first + i), value, self->score);
          break;
        case KW_PLAN_ESTIMATE_CELL_NO_IDEA:
          write_text (self, row, (lxw_col_t) (first + i), KW_PLAN_NO_IDEA_CELL, NULL);
          break;
        case KW_PLAN_ESTIMATE_CELL_EMPTY:
        default:
          break;
        }
    }
}

static void
write_column (Sheet        *self,
              const KwPlan *plan,
              KwOutcome     outcome,
              KwFinding    *finding,
              guint         row,
              lxw_col_t     at,
              KwPlanColumn  column)
{
  const char * const *tags = NULL;
  g_autofree char *joined_tags = NULL;

  switch (column)
    {
    case KW_PLAN_COLUMN_NUMBER:
      write_number (self, row, at, kw_plan_get_number (plan, finding), self->text);
      break;
    case KW_PLAN_COLUMN_TITLE:       write_text (self, row, at, kw_finding_get_title (finding), NULL); break;
    case KW_PLAN_COLUMN_DESCRIPTION: write_text (self, row, at, kw_finding_get_description (finding), NULL); break;
    case KW_PLAN_COLUMN_IMPACT:
      if (kw_finding_get_placed (finding))
        write_number (self, row, at, kw_finding_get_impact (finding), self->score);
      break;
    case KW_PLAN_COLUMN_EFFORT:
      if (kw_finding_get_placed (finding))
        write_number (self, row, at, kw_finding_get_effort (finding), self->score);
      break;
    case KW_PLAN_COLUMN_OUTCOME:
      write_text (self, row, at, kw_outcome_get_title (outcome), self->outcomes[outcome]);
      break;
    case KW_PLAN_COLUMN_OWNER:       write_text (self, row, at, kw_finding_get_owner (finding), NULL); break;
    case KW_PLAN_COLUMN_DUE:         write_iso_date (self, row, at, kw_finding_get_due_date (finding)); break;
    case KW_PLAN_COLUMN_REVIEW:      write_iso_date (self, row, at, kw_finding_get_review_date (finding)); break;
    case KW_PLAN_COLUMN_STATUS:
      write_text (self, row, at, kw_status_get_label (kw_finding_get_status (finding)), NULL);
      break;
    case KW_PLAN_COLUMN_TAGS:
      tags = kw_finding_get_tags (finding);
      if (tags != NULL)
        joined_tags = g_strjoinv (", ", (char **) tags);
      write_text (self, row, at, joined_tags, NULL);
      break;
    case KW_PLAN_COLUMN_SOURCE:      write_text (self, row, at, kw_finding_get_source (finding), NULL); break;
    case KW_PLAN_COLUMN_DROP_REASON: write_text (self, row, at, kw_finding_get_drop_reason (finding), NULL); break;
    case KW_PLAN_COLUMN_CREATED:     write_time (self, row, at, kw_finding_get_created (finding)); break;
    case KW_PLAN_COLUMN_MODIFIED:    write_time (self, row, at, kw_finding_get_modified (finding)); break;
    case KW_PLAN_COLUMN_ID:          write_text (self, row, at, kw_finding_get_id (finding), NULL); break;
    case KW_N_PLAN_COLUMNS:
    default:
      g_return_if_reached ();
    }
}

static void
write_finding (Sheet        *self,
               const KwPlan *plan,
               KwOutcome     outcome,
               KwFinding    *finding,
               guint         row)
{
  KwPlanColumn columns[KW_N_PLAN_COLUMNS];
  guint n_columns = kw_plan_columns_get (KW_PLAN_COLUMNS_SPREADSHEET, columns);

  for (guint i = 0; i < n_columns; i++)
    write_column (self, plan, outcome, finding, row, i, columns[i]);
  write_estimates (self, plan->board, finding, row, n_columns);
}

/* The rows, the header frozen above them and an autofilter over all. */
static void
write_sheet (Sheet        *self,
             const KwPlan *plan)
{
  guint row = 0;
  guint n_columns;

  add_formats (self);
  n_columns = write_header (self, plan->board);

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      const KwPlanSection *section = &plan->sections[i];

      for (guint j = 0; j < section->findings->len; j++)
        write_finding (self, plan, section->outcome, g_ptr_array_index (section->findings, j), ++row);
    }

  worksheet_freeze_panes (self->sheet, 1, 0);
  /* Printed: A4 across, the header on every page. */
  worksheet_set_landscape (self->sheet);
  worksheet_set_paper (self->sheet, 9);
  keep_error (self, worksheet_repeat_rows (self->sheet, 0, 0));
  keep_error (self, worksheet_autofilter (self->sheet, 0, 0, row, (lxw_col_t) (n_columns - 1)));
}

static void
set_properties (lxw_workbook *workbook,
                KwBoard      *board)
{
  lxw_doc_properties properties = { 0 };
  const char *title = kw_board_get_title (board);

  properties.title = (char *) kw_board_display_title (title);
  properties.company = (char *) kw_board_get_organisation (board);
  properties.author = (char *) kw_board_get_facilitator (board);
  properties.subject = (char *) _("Findings");
  workbook_set_properties (workbook, &properties);
}

static gboolean
write_workbook (KwBoard     *board,
                const char  *path,
                const char  *tmpdir,
                GError     **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = (char *) tmpdir };
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  Sheet sheet = { 0 };
  lxw_error closed;

  sheet.workbook = workbook_new_opt (path, &options);
  if (sheet.workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The workbook could not be made: %s."),
                   lxw_strerror (LXW_ERROR_CREATING_XLSX_FILE));
      return FALSE;
    }

  set_properties (sheet.workbook, board);
  sheet.sheet = workbook_add_worksheet (sheet.workbook, _("Findings"));
  write_sheet (&sheet, plan);

  closed = workbook_close (sheet.workbook);
  keep_error (&sheet, closed);
  if (sheet.error != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The workbook could not be made: %s."),
                   lxw_strerror (sheet.error));
      return FALSE;
    }

  return TRUE;
}

GBytes *
kw_export_xlsx_bytes (KwBoard     *board,
                      const char  *lang,
                      GError     **error)
{
  g_autoptr(KwPlanLanguage) language = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean written;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  dir = g_dir_make_tmp ("kwadrant-xlsx-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "export.xlsx", NULL);

  language = kw_plan_language_push (lang);
  written = write_workbook (board, path, dir, error) &&
            g_file_get_contents (path, &contents, &length, error);
  g_clear_pointer (&language, kw_plan_language_pop);

  g_unlink (path);
  g_rmdir (dir);

  if (!written)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

gboolean
kw_export_xlsx_file (KwBoard     *board,
                     const char  *lang,
                     GFile       *file,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = kw_export_xlsx_bytes (board, lang, error);
  if (bytes == NULL)
    return FALSE;

  return kw_export_file_write_bytes (file, bytes, error);
}
