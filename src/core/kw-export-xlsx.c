/* kw-export-xlsx.c: one sheet, a row per finding in the action plan's
 * order and with its number, so the spreadsheet and the plan agree.
 *
 * Numbers are numbers (impact, effort, the plan's number), dates are dates
 * (due, review; created and modified with their time, in local time), in
 * the short date format of whoever opens the file (Excel's built-in
 * formats 14 and 22 follow the reader's locale). Text is always written
 * as text: a title such as "=1+1" stays a string, so the workbook needs
 * no formula guard. The outcome cell carries the outcome's badge colour
 * with white text (kw_outcome_get_badge_color(), 4.5:1 or more).
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
#include "kw-plan-text.h"
#include "kw-text.h"

typedef enum {
  COLUMN_NUMBER,
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
  COLUMN_ID,
  N_COLUMNS
} Column;

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

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_NUMBER:      return C_("spreadsheet column", "No.");
    case COLUMN_TITLE:       return _("Title");
    case COLUMN_DESCRIPTION: return C_("spreadsheet column", "Description");
    case COLUMN_IMPACT:      return _("Impact");
    case COLUMN_EFFORT:      return _("Effort");
    case COLUMN_OUTCOME:     return _("Outcome");
    case COLUMN_OWNER:       return _("Owner");
    case COLUMN_DUE:         return _("Due date");
    case COLUMN_REVIEW:      return _("Review date");
    case COLUMN_STATUS:      return _("Status");
    case COLUMN_TAGS:        return _("Tags");
    case COLUMN_SOURCE:      return _("Source");
    case COLUMN_DROP_REASON: return _("Reason for dropping");
    case COLUMN_CREATED:     return C_("spreadsheet column", "Created");
    case COLUMN_MODIFIED:    return C_("spreadsheet column", "Modified");
    case COLUMN_ID:          return C_("spreadsheet column", "ID");
    case N_COLUMNS:
    default:
      g_return_val_if_reached ("");
    }
}

/* Characters wide, for the text the column usually holds; never
 * narrower than its header (which does not wrap: a wrapped header runs
 * into the first row where the row's height is not computed). */
static const double column_widths[N_COLUMNS] = {
  5, 45, 50, 8, 8, 24, 20, 12, 12, 12, 20, 20, 30, 17, 17, 38,
};

static double
column_width (Column column)
{
  return MAX (column_widths[column], 2.0 + 1.1 * g_utf8_strlen (column_title (column), -1));
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
            Column      column,
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
              Column      column,
              double      value,
              lxw_format *format)
{
  keep_error (self, worksheet_write_number (self->sheet, row, column, value, format));
}

/* "2026-11-22" as a date; anything else (never in a valid board) as text. */
static void
write_iso_date (Sheet      *self,
                guint       row,
                Column      column,
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
            Column     column,
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

static void
write_header (Sheet *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      keep_error (self, worksheet_write_string (self->sheet, 0, i, column_title ((Column) i), self->header));
      keep_error (self, worksheet_set_column (self->sheet, i, i, column_width ((Column) i), NULL));
    }
}

static void
write_finding (Sheet        *self,
               const KwPlan *plan,
               KwOutcome     outcome,
               KwFinding    *finding,
               guint         row)
{
  const char * const *tags = kw_finding_get_tags (finding);
  g_autofree char *joined_tags = tags != NULL ? g_strjoinv (", ", (char **) tags) : NULL;

  write_number (self, row, COLUMN_NUMBER, kw_plan_get_number (plan, finding), self->text);
  write_text (self, row, COLUMN_TITLE, kw_finding_get_title (finding), NULL);
  write_text (self, row, COLUMN_DESCRIPTION, kw_finding_get_description (finding), NULL);
  if (kw_finding_get_placed (finding))
    {
      write_number (self, row, COLUMN_IMPACT, kw_finding_get_impact (finding), self->score);
      write_number (self, row, COLUMN_EFFORT, kw_finding_get_effort (finding), self->score);
    }
  write_text (self, row, COLUMN_OUTCOME, kw_outcome_get_title (outcome), self->outcomes[outcome]);
  write_text (self, row, COLUMN_OWNER, kw_finding_get_owner (finding), NULL);
  write_iso_date (self, row, COLUMN_DUE, kw_finding_get_due_date (finding));
  write_iso_date (self, row, COLUMN_REVIEW, kw_finding_get_review_date (finding));
  write_text (self, row, COLUMN_STATUS, kw_status_get_label (kw_finding_get_status (finding)), NULL);
  write_text (self, row, COLUMN_TAGS, joined_tags, NULL);
  write_text (self, row, COLUMN_SOURCE, kw_finding_get_source (finding), NULL);
  write_text (self, row, COLUMN_DROP_REASON, kw_finding_get_drop_reason (finding), NULL);
  write_time (self, row, COLUMN_CREATED, kw_finding_get_created (finding));
  write_time (self, row, COLUMN_MODIFIED, kw_finding_get_modified (finding));
  write_text (self, row, COLUMN_ID, kw_finding_get_id (finding), NULL);
}

/* The rows, the header frozen above them and an autofilter over all. */
static void
write_sheet (Sheet        *self,
             const KwPlan *plan)
{
  guint row = 0;

  add_formats (self);
  write_header (self);

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
  keep_error (self, worksheet_autofilter (self->sheet, 0, 0, row, N_COLUMNS - 1));
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

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
