/* kw-format.c: the .kwadrant format (see data/FORMAT.md): its grammar, the
 * one table of element and attribute names that the reader
 * (kw-format-reader.c) and the writer (kw-format-writer.c) share, the
 * syntax of its values, and loading and saving files.
 *
 * Boards are untrusted input (they are mailed around between
 * facilitators): files are checked for size before reading and streamed
 * through the reader in pieces. Saving turns the board into XML in the
 * caller's thread and replaces the file atomically (kw-file-replace.c), so
 * an old board is never left half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "kw-file-replace.h"
#include "kw-follow-up.h"
#include "kw-format-private.h"
#include "kw-i18n.h"
#include "kw-text.h"

/* Values quoted in error messages are cut to this many characters. */
#define MAX_QUOTED_CHARS 40

G_DEFINE_QUARK (kw-format-error-quark, kw_format_error)

void
kw_format_init_libxml (void)
{
  static gsize initialized = 0;

  /* xmlInitParser is not safe to run for the first time in two threads
   * at once, and the async loaders run in worker threads. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* --- The grammar ------------------------------------------------------ */

const ElementInfo kw_format_elements[N_ELEMENTS] = {
  [EL_NONE]          = { "",              EL_NONE,     CONTENT_ELEMENTS, -1, FALSE },
  [EL_BOARD]         = { "board",         EL_NONE,     CONTENT_ELEMENTS, -1, FALSE },
  [EL_BOARD_TITLE]   = { "title",         EL_BOARD,    CONTENT_LINE,  KW_BOARD_TEXT_TITLE, FALSE },
  [EL_ORGANISATION]  = { "organisation",  EL_BOARD,    CONTENT_LINE,  KW_BOARD_TEXT_ORGANISATION, FALSE },
  [EL_FACILITATOR]   = { "facilitator",   EL_BOARD,    CONTENT_LINE,  KW_BOARD_TEXT_FACILITATOR, FALSE },
  [EL_WORKSHOP_DATE] = { "workshop-date", EL_BOARD,    CONTENT_DATE,  KW_BOARD_TEXT_WORKSHOP_DATE, FALSE },
  [EL_NOTES]         = { "notes",         EL_BOARD,    CONTENT_LINES, KW_BOARD_TEXT_NOTES, FALSE },
  [EL_THRESHOLDS]    = { "thresholds",    EL_BOARD,    CONTENT_EMPTY, -1, FALSE },
  [EL_REVIEW_INTERVAL] = { "review-interval", EL_BOARD,  CONTENT_EMPTY, -1, FALSE },
  [EL_FINDINGS]      = { "findings",      EL_BOARD,    CONTENT_ELEMENTS, -1, FALSE },
  [EL_FINDING]       = { "finding",       EL_FINDINGS, CONTENT_ELEMENTS, -1, TRUE },
  [EL_FINDING_TITLE] = { "title",         EL_FINDING,  CONTENT_LINE,  KW_FINDING_TEXT_TITLE, FALSE },
  [EL_DESCRIPTION]   = { "description",   EL_FINDING,  CONTENT_LINES, KW_FINDING_TEXT_DESCRIPTION, FALSE },
  [EL_POSITION]      = { "position",      EL_FINDING,  CONTENT_EMPTY, -1, FALSE },
  [EL_OWNER]         = { "owner",         EL_FINDING,  CONTENT_LINE,  KW_FINDING_TEXT_OWNER, FALSE },
  [EL_DUE]           = { "due",           EL_FINDING,  CONTENT_DATE,  KW_FINDING_TEXT_DUE_DATE, FALSE },
  [EL_REVIEW]        = { "review",        EL_FINDING,  CONTENT_DATE,  KW_FINDING_TEXT_REVIEW_DATE, FALSE },
  [EL_SOURCE]        = { "source",        EL_FINDING,  CONTENT_LINE,  KW_FINDING_TEXT_SOURCE, FALSE },
  [EL_DROP_REASON]   = { "drop-reason",   EL_FINDING,  CONTENT_LINES, KW_FINDING_TEXT_DROP_REASON, FALSE },
  [EL_TAGS]          = { "tags",          EL_FINDING,  CONTENT_ELEMENTS, -1, FALSE },
  [EL_TAG]           = { "tag",           EL_TAGS,     CONTENT_LINE,  -1, TRUE },
  [EL_SNAPSHOTS]     = { "snapshots",     EL_BOARD,    CONTENT_ELEMENTS, -1, FALSE },
  [EL_SNAPSHOT]      = { "snapshot",      EL_SNAPSHOTS, CONTENT_ELEMENTS, -1, TRUE },
  [EL_SNAPSHOT_NOTE] = { "note",          EL_SNAPSHOT, CONTENT_LINES, -1, FALSE },
  [EL_SNAPSHOT_THRESHOLDS] = { "thresholds", EL_SNAPSHOT, CONTENT_EMPTY, -1, FALSE },
  [EL_ENTRY]         = { "entry",         EL_SNAPSHOT, CONTENT_ELEMENTS, -1, TRUE },
  [EL_ENTRY_TITLE]   = { "title",         EL_ENTRY,    CONTENT_LINE,  KW_FINDING_TEXT_TITLE, FALSE },
  [EL_ENTRY_OWNER]   = { "owner",         EL_ENTRY,    CONTENT_LINE,  KW_FINDING_TEXT_OWNER, FALSE },
  [EL_ENTRY_DUE]     = { "due",           EL_ENTRY,    CONTENT_DATE,  KW_FINDING_TEXT_DUE_DATE, FALSE },
  [EL_ENTRY_REVIEW]  = { "review",        EL_ENTRY,    CONTENT_DATE,  KW_FINDING_TEXT_REVIEW_DATE, FALSE },
  [EL_PARTICIPANTS]  = { "participants",  EL_BOARD,    CONTENT_ELEMENTS, -1, FALSE },
  [EL_PARTICIPANT]   = { "participant",   EL_PARTICIPANTS, CONTENT_EMPTY, -1, TRUE },
  [EL_ESTIMATES]     = { "estimates",     EL_FINDING,  CONTENT_ELEMENTS, -1, FALSE },
  [EL_ESTIMATE]      = { "estimate",      EL_ESTIMATES, CONTENT_EMPTY, -1, TRUE },
};

static const char * const board_attributes[] = { "format-version", NULL };
static const char * const thresholds_attributes[] = { "impact", "effort", "tiny-effort", NULL };
static const char * const finding_attributes[] = { "id", "status", "created", "modified", NULL };
static const char * const position_attributes[] = { "impact", "effort", NULL };
static const char * const review_interval_attributes[] = { "months", NULL };
static const char * const snapshot_attributes[] = { "name", "taken", NULL };
static const char * const entry_attributes[] = { "id", "status", "impact", "effort", NULL };
static const char * const participant_attributes[] = { "id", "name", "team", NULL };
static const char * const estimate_attributes[] = { "participant", "impact", "effort", "no-idea", NULL };
static const char * const no_attributes[] = { NULL };

gboolean
kw_format_element_has_text (Element element)
{
  Content content = kw_format_elements[element].content;

  return content == CONTENT_LINE || content == CONTENT_LINES || content == CONTENT_DATE;
}

Element
kw_format_lookup_child (Element     parent,
                        const char *name)
{
  for (guint i = EL_BOARD; i < N_ELEMENTS; i++)
    {
      if (kw_format_elements[i].parent == parent && strcmp (name, kw_format_elements[i].name) == 0)
        return (Element) i;
    }

  return EL_NONE;
}

const char * const *
kw_format_attributes_of (Element element)
{
  switch (element)
    {
    case EL_BOARD:      return board_attributes;
    case EL_THRESHOLDS: return thresholds_attributes;
    case EL_FINDING:    return finding_attributes;
    case EL_POSITION:   return position_attributes;
    case EL_REVIEW_INTERVAL: return review_interval_attributes;
    case EL_SNAPSHOT:   return snapshot_attributes;
    case EL_SNAPSHOT_THRESHOLDS: return thresholds_attributes;
    case EL_ENTRY:      return entry_attributes;
    case EL_PARTICIPANT: return participant_attributes;
    case EL_ESTIMATE:   return estimate_attributes;
    default:            return no_attributes;
    }
}

gboolean
kw_format_attribute_is_optional (Element element,
                                 guint   index)
{
  /* An entry without impact and effort was unplaced; an estimate has
   * either both or no-idea, which kw-format-estimates.c checks. */
  return (element == EL_FINDING && index == ATTR_STATUS) ||
         (element == EL_ENTRY && index != ATTR_ENTRY_ID) ||
         (element == EL_PARTICIPANT && index == ATTR_PARTICIPANT_TEAM) ||
         (element == EL_ESTIMATE && index != ATTR_ESTIMATE_PARTICIPANT);
}

/* --- Values ----------------------------------------------------------- */

void
kw_format_set_error (GError        **error,
                     KwFormatError   code,
                     const char     *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (KW_FORMAT_ERROR, code, format, args));
  va_end (args);
}

static gboolean
is_xml_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

gboolean
kw_format_is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!is_xml_blank (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Values that are not free text may have blanks around them, as the
 * schema's data types allow. */
Slice
kw_format_slice_trim (Slice value)
{
  while (value.len > 0 && is_xml_blank (value.text[0]))
    {
      value.text++;
      value.len--;
    }
  while (value.len > 0 && is_xml_blank (value.text[value.len - 1]))
    value.len--;

  return value;
}

/* For messages: the value as found, shortened so a hostile file cannot
 * flood the error, valid UTF-8 whatever it was cut at, and on one line so
 * the error stays one line (line breaks and tabs become spaces). */
char *
kw_format_slice_quote (Slice value)
{
  g_autofree char *copy = g_strndup (value.text, MIN (value.len, 4 * MAX_QUOTED_CHARS));
  g_autofree char *utf8 = g_utf8_make_valid (copy, -1);
  g_autofree char *valid = kw_text_clean (utf8, TRUE);

  if (g_utf8_strlen (valid, -1) <= MAX_QUOTED_CHARS && value.len <= 4 * MAX_QUOTED_CHARS)
    return g_steal_pointer (&valid);

  {
    g_autofree char *start = g_utf8_substring (valid, 0, MAX_QUOTED_CHARS);

    return g_strconcat (start, "…", NULL);
  }
}

char *
kw_format_attribute_text (Slice value)
{
  static const char ampersand[] = "&#38;";
  GString *text = g_string_sized_new (value.len);
  const char *end = value.text + value.len;
  const char *p = value.text;

  while (p < end)
    {
      const char *found = g_strstr_len (p, end - p, ampersand);

      if (found == NULL)
        {
          g_string_append_len (text, p, end - p);
          break;
        }
      g_string_append_len (text, p, found - p);
      g_string_append_c (text, '&');
      p = found + strlen (ampersand);
    }

  return g_string_free (text, FALSE);
}

static int
digit_at (Slice value,
          gsize i)
{
  return i < value.len && g_ascii_isdigit (value.text[i]) ? value.text[i] - '0' : -1;
}

/* Exactly what the schema allows: "0" to "10", with at most one decimal
 * after a point. Computing tenths / 10.0 gives the same double as
 * kw_score_normalize, so loaded scores compare equal to computed ones. */
gboolean
kw_format_parse_score (Slice   value,
             double *score)
{
  int whole, tenths = 0;
  gsize i;

  value = kw_format_slice_trim (value);

  if (value.len >= 2 && value.text[0] == '1' && value.text[1] == '0')
    {
      whole = 10;
      i = 2;
    }
  else if ((whole = digit_at (value, 0)) >= 0)
    {
      i = 1;
    }
  else
    {
      return FALSE;
    }

  if (i < value.len)
    {
      if (value.text[i] != '.' || (tenths = digit_at (value, i + 1)) < 0 || i + 2 != value.len)
        return FALSE;
    }

  if (whole * 10 + tenths > 100)
    return FALSE;

  *score = (whole * 10 + tenths) / 10.0;

  return TRUE;
}

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              int        *number)
{
  int result = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + (text[i] - '0');
    }

  *number = result;

  return TRUE;
}

/* "2026-11-20T09:12:00Z", optionally with up to six decimals of seconds:
 * the UTC form of xsd:dateTime that the writer produces. */
GDateTime *
kw_format_parse_timestamp (Slice value)
{
  int year, month, day, hour, minute, second, usec = 0;
  const char *t;
  gsize fraction_digits = 0;

  value = kw_format_slice_trim (value);
  t = value.text;

  if (value.len < 20 || value.len > 27 || t[value.len - 1] != 'Z')
    return NULL;
  if (t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':')
    return NULL;
  if (!parse_digits (t, 4, &year) || !parse_digits (t + 5, 2, &month) ||
      !parse_digits (t + 8, 2, &day) || !parse_digits (t + 11, 2, &hour) ||
      !parse_digits (t + 14, 2, &minute) || !parse_digits (t + 17, 2, &second))
    return NULL;

  if (value.len > 20)
    {
      fraction_digits = value.len - 21;
      if (t[19] != '.' || fraction_digits == 0 || !parse_digits (t + 20, fraction_digits, &usec))
        return NULL;
      for (gsize i = fraction_digits; i < 6; i++)
        usec *= 10;
    }

  if (year < 1 || month < 1 || month > 12 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) ||
      hour > 23 || minute > 59 || second > 59)
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second + usec / 1e6);
}

/* kw_text_is_clean without allocating: most text in a board is clean, and
 * checking it in place saves a copy per field on big boards. Mirrors the
 * rules of kw_text_clean; libxml2 hands us valid UTF-8 without NULs. */
gboolean
kw_format_text_is_clean (const char *text,
               gsize       len,
               gboolean    single_line)
{
  const guchar *p = (const guchar *) text;

  for (gsize i = 0; i < len; i++)
    {
      if (p[i] < 0x20 && !(!single_line && (p[i] == '\t' || p[i] == '\n')))
        return FALSE;
      if (p[i] == 0x7f)
        return FALSE;
      /* U+0080 to U+009F, the C1 controls, are C2 80 to C2 9F. */
      if (p[i] == 0xc2 && i + 1 < len && p[i + 1] <= 0x9f)
        return FALSE;
      /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
      if (p[i] == 0xef && i + 2 < len && p[i + 1] == 0xbf && p[i + 2] >= 0xbe)
        return FALSE;
    }

  if (single_line && len > 0 && (p[0] == ' ' || p[len - 1] == ' '))
    return FALSE;

  return TRUE;
}

gboolean
kw_format_parse_version (Slice  value,
                         guint *version)
{
  guint64 number = 0;
  gsize i;

  value = kw_format_slice_trim (value);
  for (i = 0; i < value.len && g_ascii_isdigit (value.text[i]) && number <= G_MAXINT; i++)
    number = number * 10 + (guint64) (value.text[i] - '0');

  if (value.len == 0 || i != value.len || number > G_MAXINT)
    return FALSE;

  *version = (guint) number;
  return TRUE;
}

static void set_invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (KW_FORMAT_ERROR, KW_FORMAT_ERROR_INVALID, format, args));
  va_end (args);
}

gboolean
kw_format_read_score (Slice        value,
                      const char  *what,
                      double      *score,
                      GError     **error)
{
  g_autofree char *quoted = NULL;

  if (kw_format_parse_score (value, score))
    return TRUE;

  quoted = kw_format_slice_quote (value);
  set_invalid (error, _("the %s “%s” is not a number from 0 to 10 with at most one decimal, like 7.5"),
               what, quoted);

  return FALSE;
}

GDateTime *
kw_format_read_timestamp (Slice        value,
                          const char  *what,
                          GError     **error)
{
  GDateTime *timestamp = kw_format_parse_timestamp (value);

  if (timestamp == NULL)
    {
      g_autofree char *quoted = kw_format_slice_quote (value);

      set_invalid (error, _("the %s time “%s” is not a UTC date and time like 2026-11-20T09:12:00Z"),
                   what, quoted);
    }

  return timestamp;
}

gboolean
kw_format_read_status (Slice      value,
                       KwStatus  *status,
                       GError   **error)
{
  Slice trimmed;
  g_autofree char *id = NULL;

  *status = KW_STATUS_OPEN;
  if (value.text == NULL)
    return TRUE;

  trimmed = kw_format_slice_trim (value);
  id = g_strndup (trimmed.text, trimmed.len);
  if (!kw_status_from_id (id, status))
    {
      g_autofree char *quoted = kw_format_slice_quote (trimmed);

      set_invalid (error, _("the status “%s” is not one of open, in-progress or done"), quoted);
      return FALSE;
    }

  return TRUE;
}

gboolean
kw_format_read_thresholds (const Slice   *values,
                           KwThresholds  *thresholds,
                           GError       **error)
{
  g_autofree char *tiny = NULL;
  g_autofree char *effort = NULL;

  if (!kw_format_read_score (values[ATTR_LINE_IMPACT], "impact", &thresholds->impact, error) ||
      !kw_format_read_score (values[ATTR_LINE_EFFORT], "effort", &thresholds->effort, error) ||
      !kw_format_read_score (values[ATTR_LINE_TINY_EFFORT], "tiny-effort", &thresholds->tiny_effort, error))
    return FALSE;

  if (kw_thresholds_are_valid (thresholds))
    return TRUE;

  tiny = kw_score_format (thresholds->tiny_effort);
  effort = kw_score_format (thresholds->effort);
  set_invalid (error, _("the tiny-effort line (%s) must be below the effort line (%s)"), tiny, effort);

  return FALSE;
}

gboolean
kw_format_check_since (Element   element,
                       guint     since_version,
                       guint     format_version,
                       GError  **error)
{
  if (format_version >= since_version)
    return TRUE;

  set_invalid (error, _("the <%s> element is new in format-version %d, but this board says format-version %u"),
               kw_format_elements[element].name, (int) since_version, format_version);
  return FALSE;
}

/* The first format version with <review-interval>. */
#define REVIEW_INTERVAL_SINCE_VERSION 2

gboolean
kw_format_read_review_interval (const Slice  *values,
                                guint         format_version,
                                guint        *months,
                                GError      **error)
{
  g_autofree char *quoted = NULL;

  if (!kw_format_check_since (EL_REVIEW_INTERVAL, REVIEW_INTERVAL_SINCE_VERSION, format_version, error))
    return FALSE;

  /* The one parser of whole numbers in the format, format-version's. */
  if (kw_format_parse_version (values[ATTR_REVIEW_MONTHS], months) &&
      *months >= KW_REVIEW_INTERVAL_MIN && *months <= KW_REVIEW_INTERVAL_MAX)
    return TRUE;

  quoted = kw_format_slice_quote (kw_format_slice_trim (values[ATTR_REVIEW_MONTHS]));
  set_invalid (error, _("the review interval “%s” is not a whole number of months from %d to %d"),
               quoted, KW_REVIEW_INTERVAL_MIN, KW_REVIEW_INTERVAL_MAX);

  return FALSE;
}

/* --- Loading ---------------------------------------------------------- */

static void
set_too_large_error (GError     **error,
                     const char  *display_name,
                     guint64      size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (KW_FORMAT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_TOO_LARGE,
               _("%s: the file is %s, larger than the limit of %s for a board"),
               display_name, size_text, limit);
}

KwBoard *
kw_format_load_bytes (GBytes      *bytes,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(KwFormatReader) reader = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("(unnamed board)");

  data = g_bytes_get_data (bytes, &size);
  if (size > KW_FORMAT_MAX_FILE_SIZE)
    {
      set_too_large_error (error, display_name, size);
      return NULL;
    }

  reader = kw_format_reader_new (display_name);
  kw_format_reader_feed (reader, data, size);
  return kw_format_reader_finish (reader, error);
}

/* GIO's own messages repeat the file name; say what matters once, and keep
 * the code so the caller can tell a missing file from the rest. */
static void
set_open_error (GError       **error,
                const char    *display_name,
                const GError  *io_error)
{
  const char *reason = io_error->message;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("there is no such file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("you do not have permission to read it");

  g_set_error (error, io_error->domain, io_error->code,
               _("Could not open the board %s: %s"), display_name, reason);
}

static gboolean
check_file_before_reading (GFile         *file,
                           const char    *display_name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_open_error (error, display_name, local_error);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder, not a board file"), display_name);
      return FALSE;
    }

  if ((guint64) g_file_info_get_size (info) > KW_FORMAT_MAX_FILE_SIZE)
    {
      set_too_large_error (error, display_name, (guint64) g_file_info_get_size (info));
      return FALSE;
    }

  return TRUE;
}

/* Reads the file in chunks straight into the parser, so the whole file is
 * never in memory at once; the size is checked again while reading in case
 * the file grew after it was measured. */
static gboolean
feed_stream (KwFormatReader  *reader,
             const char      *display_name,
             GInputStream    *stream,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autofree char *buffer = g_malloc (KW_FORMAT_READ_CHUNK_SIZE);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n_read = g_input_stream_read (stream, buffer, KW_FORMAT_READ_CHUNK_SIZE, cancellable,
                                           &local_error);

      if (n_read < 0)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not read the board %s: "), display_name);
          return FALSE;
        }
      if (n_read == 0)
        return TRUE;
      if (kw_format_reader_get_n_bytes (reader) + (gsize) n_read > KW_FORMAT_MAX_FILE_SIZE)
        {
          set_too_large_error (error, display_name, kw_format_reader_get_n_bytes (reader) + (gsize) n_read);
          return FALSE;
        }
      if (!kw_format_reader_feed (reader, buffer, (gsize) n_read))
        return TRUE;  /* kw_format_reader_finish reports the parse error */
    }
}

KwBoard *
kw_format_load_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KwFormatReader) reader = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);

  if (!check_file_before_reading (file, display_name, cancellable, error))
    return NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_open_error (error, display_name, local_error);
      return NULL;
    }

  reader = kw_format_reader_new (display_name);
  if (!feed_stream (reader, display_name, G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  return kw_format_reader_finish (reader, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  KwBoard *board = kw_format_load_file (G_FILE (source_object), cancellable, &error);

  if (board != NULL)
    g_task_return_pointer (task, board, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
kw_format_load_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  kw_format_init_libxml ();

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_format_load_file_async);
  g_task_run_in_thread (task, load_file_thread);
}

KwBoard *
kw_format_load_file_finish (GFile         *file,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_format_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- Saving ----------------------------------------------------------- */

gboolean
kw_format_save_file (KwBoard       *board,
                     GFile         *file,
                     const char    *expected_etag,
                     char         **new_etag,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  bytes = kw_format_save_bytes (board, error);
  if (bytes == NULL)
    return FALSE;

  return kw_file_replace (file, bytes, expected_etag, new_etag, NULL, NULL, cancellable, error);
}

typedef struct {
  GBytes *bytes;
  char   *expected_etag;
  char   *new_etag;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->expected_etag, g_free);
  g_clear_pointer (&data->new_etag, g_free);
  g_free (data);
}

static void
save_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (kw_file_replace (G_FILE (source_object), data->bytes, data->expected_etag,
                       &data->new_etag, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The board is turned into XML here, in the caller's thread: the user may
 * go on editing it while the file is written, and KwBoard is not safe to
 * read from another thread. Only the disk work runs in the worker. */
void
kw_format_save_file_async (KwBoard             *board,
                           GFile               *file,
                           const char          *expected_etag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (KW_IS_BOARD (board));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_format_save_file_async);

  data = g_new0 (SaveData, 1);
  data->bytes = kw_format_save_bytes (board, &error);
  data->expected_etag = g_strdup (expected_etag);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  if (data->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, save_file_thread);
}

gboolean
kw_format_save_file_finish (GFile         *file,
                            GAsyncResult  *result,
                            char         **new_etag,
                            GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_format_save_file_async, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (new_etag != NULL)
    *new_etag = g_steal_pointer (&data->new_etag);

  return TRUE;
}
