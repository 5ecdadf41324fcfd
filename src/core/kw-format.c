/* kw-format.c: reading and writing .kwadrant boards (see data/FORMAT.md).
 *
 * Reading streams the file through libxml2's SAX2 push parser: no tree is
 * built, so a board of 100,000 findings needs little more memory than the
 * findings themselves. Boards are untrusted input (they are mailed around
 * between facilitators), so the parser never loads anything from outside
 * the file, never expands entities and refuses any DOCTYPE; the first
 * problem stops it and becomes the one error the user sees.
 *
 * Writing goes through xmlTextWriter into memory and then replaces the file
 * atomically, so an old board is never left half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "kw-i18n.h"
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kw-board-private.h"
#include "kw-finding-private.h"
#include "kw-format.h"
#include "kw-file-replace.h"
#include "kw-text.h"

/* Files are fed to the parser in pieces this big: measured, larger pieces
 * do not load faster, they only take more memory. */
#define READ_CHUNK_SIZE (64 * 1024)
#define MAX_QUOTED_CHARS 40

G_DEFINE_QUARK (kw-format-error-quark, kw_format_error)

static void
ensure_libxml_initialized (void)
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

typedef enum {
  EL_NONE,          /* outside the root element */
  EL_BOARD,
  EL_BOARD_TITLE,
  EL_ORGANISATION,
  EL_FACILITATOR,
  EL_WORKSHOP_DATE,
  EL_NOTES,
  EL_THRESHOLDS,
  EL_FINDINGS,
  EL_FINDING,
  EL_FINDING_TITLE,
  EL_DESCRIPTION,
  EL_POSITION,
  EL_OWNER,
  EL_DUE,
  EL_REVIEW,
  EL_SOURCE,
  EL_DROP_REASON,
  EL_TAGS,
  EL_TAG,
  N_ELEMENTS
} Element;

typedef enum {
  CONTENT_ELEMENTS, /* child elements only (and blanks between them) */
  CONTENT_EMPTY,    /* nothing but blanks */
  CONTENT_LINE,     /* one line of text */
  CONTENT_LINES,    /* free text over several lines */
  CONTENT_DATE,     /* an ISO date, or nothing */
} Content;

typedef struct {
  const char *name;
  Element     parent;
  Content     content;
  int         field;      /* KwBoardText or KwFindingText, after the parent */
  gboolean    repeatable;
} ElementInfo;

static const ElementInfo elements[N_ELEMENTS] = {
  [EL_NONE]          = { "",              EL_NONE,     CONTENT_ELEMENTS, -1, FALSE },
  [EL_BOARD]         = { "board",         EL_NONE,     CONTENT_ELEMENTS, -1, FALSE },
  [EL_BOARD_TITLE]   = { "title",         EL_BOARD,    CONTENT_LINE,  KW_BOARD_TEXT_TITLE, FALSE },
  [EL_ORGANISATION]  = { "organisation",  EL_BOARD,    CONTENT_LINE,  KW_BOARD_TEXT_ORGANISATION, FALSE },
  [EL_FACILITATOR]   = { "facilitator",   EL_BOARD,    CONTENT_LINE,  KW_BOARD_TEXT_FACILITATOR, FALSE },
  [EL_WORKSHOP_DATE] = { "workshop-date", EL_BOARD,    CONTENT_DATE,  KW_BOARD_TEXT_WORKSHOP_DATE, FALSE },
  [EL_NOTES]         = { "notes",         EL_BOARD,    CONTENT_LINES, KW_BOARD_TEXT_NOTES, FALSE },
  [EL_THRESHOLDS]    = { "thresholds",    EL_BOARD,    CONTENT_EMPTY, -1, FALSE },
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
};

/* The deepest element is board/findings/finding/tags/tag; anything deeper
 * is refused by the grammar before it is pushed, which bounds the stack. */
#define MAX_DEPTH 6

/* libxml2 compares each attribute of a start tag with all the ones before
 * it, so thousands of attributes on one element take seconds; the input
 * is scanned for that before the parser sees it. No element of any
 * version needs more than a few. */
#define MAX_ATTRIBUTES_PER_ELEMENT 256

/* A newer format may nest deeper; what this version skips may nest this
 * deep, as deep as libxml2 allows a tree. */
#define MAX_SKIPPED_DEPTH 256

static gboolean
element_has_text (Element element)
{
  Content content = elements[element].content;

  return content == CONTENT_LINE || content == CONTENT_LINES || content == CONTENT_DATE;
}

static Element
lookup_child (Element        parent,
              const xmlChar *name)
{
  for (guint i = EL_BOARD; i < N_ELEMENTS; i++)
    {
      if (elements[i].parent == parent && strcmp ((const char *) name, elements[i].name) == 0)
        return (Element) i;
    }

  return EL_NONE;
}

/* The attributes each element has; all are required but the status. */
#define MAX_ATTRIBUTES 4

enum { ATTR_FORMAT_VERSION = 0 };
enum { ATTR_LINE_IMPACT = 0, ATTR_LINE_EFFORT, ATTR_LINE_TINY_EFFORT };
enum { ATTR_ID = 0, ATTR_STATUS, ATTR_CREATED, ATTR_MODIFIED };
enum { ATTR_POSITION_IMPACT = 0, ATTR_POSITION_EFFORT };

static const char * const board_attributes[] = { "format-version", NULL };
static const char * const thresholds_attributes[] = { "impact", "effort", "tiny-effort", NULL };
static const char * const finding_attributes[] = { "id", "status", "created", "modified", NULL };
static const char * const position_attributes[] = { "impact", "effort", NULL };
static const char * const no_attributes[] = { NULL };

static const char * const *
attributes_of (Element element)
{
  switch (element)
    {
    case EL_BOARD:      return board_attributes;
    case EL_THRESHOLDS: return thresholds_attributes;
    case EL_FINDING:    return finding_attributes;
    case EL_POSITION:   return position_attributes;
    default:            return no_attributes;
    }
}

static gboolean
attribute_is_optional (Element element,
                       guint   index)
{
  return element == EL_FINDING && index == ATTR_STATUS;
}

/* A view into the parser's buffers, valid during one callback only. */
typedef struct {
  const char *text;
  gsize       len;
} Slice;

/* --- Values ----------------------------------------------------------- */

static gboolean
is_xml_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_blank (const char *text,
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
static Slice
slice_trim (Slice value)
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
static char *
slice_quote (Slice value)
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

static int
digit_at (Slice value,
          gsize i)
{
  return i < value.len && g_ascii_isdigit (value.text[i]) ? value.text[i] - '0' : -1;
}

/* Exactly what the schema allows: "0" to "10", with at most one decimal
 * after a point. Computing tenths / 10.0 gives the same double as
 * kw_score_normalize, so loaded scores compare equal to computed ones. */
static gboolean
parse_score (Slice   value,
             double *score)
{
  int whole, tenths = 0;
  gsize i;

  value = slice_trim (value);

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
static GDateTime *
parse_timestamp (Slice value)
{
  int year, month, day, hour, minute, second, usec = 0;
  const char *t;
  gsize fraction_digits = 0;

  value = slice_trim (value);
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
static gboolean
text_is_clean (const char *text,
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

/* --- The loader ------------------------------------------------------- */

typedef struct {
  xmlParserCtxtPtr  ctxt;
  const char       *display_name;
  GError           *error;

  KwBoard          *board;
  gsize             n_bytes;
  gboolean          seen_content;      /* anything but blanks fed yet */
  gboolean          terminating;       /* all input is in */

  /* A file from a newer format version is read leniently: what this
   * version does not know is skipped, with everything inside it. */
  gboolean          lenient;
  guint             skip_depth;        /* open elements being skipped */

  Element           stack[MAX_DEPTH];
  guint32           seen[MAX_DEPTH];   /* bit per child element already met */
  int               lines[MAX_DEPTH];  /* where each open element started */
  guint             depth;

  GString          *text;              /* of the open text element */

  /* The scan ahead of the parser that counts attributes per start tag,
   * kept across chunks. */
  enum { SCAN_TEXT, SCAN_TAG_START, SCAN_MARKUP, SCAN_TAG, SCAN_VALUE } scan;
  char              scan_quote;
  guint             scan_attributes;
  int               scan_line;

  KwFinding        *finding;           /* being read, owned */
  GPtrArray        *tags;              /* of the finding being read */

  /* The element names and the namespace in the parser's dictionary, where
   * it takes the names it reports from: a pointer comparison finds them. */
  const xmlChar    *interned[N_ELEMENTS];
  const xmlChar    *interned_namespace;
} Loader;

static gboolean
loader_is_own_namespace (Loader        *self,
                         const xmlChar *uri)
{
  return uri != NULL && (uri == self->interned_namespace ||
                         g_str_equal ((const char *) uri, KW_FORMAT_NAMESPACE));
}

static Element
loader_lookup_child (Loader        *self,
                     Element        parent,
                     const xmlChar *name)
{
  for (guint i = EL_BOARD; i < N_ELEMENTS; i++)
    {
      if (self->interned[i] == name && elements[i].parent == parent)
        return (Element) i;
    }

  /* A name the dictionary did not give: compared as text. */
  return lookup_child (parent, name);
}

static Element
loader_current (Loader *self)
{
  return self->stack[self->depth];
}

static int
loader_line (Loader *self)
{
  return self->ctxt->input != NULL ? self->ctxt->input->line : 0;
}

static void loader_fail (Loader       *self,
                         int           line,
                         KwFormatError code,
                         const char   *format,
                         ...) G_GNUC_PRINTF (4, 5);

/* Keeps the first problem only and stops the parser: one broken file gives
 * one clear error, not a cascade. */
static void
loader_fail (Loader        *self,
             int            line,
             KwFormatError  code,
             const char    *format,
             ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (self->error != NULL)
    return;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* "FILE:LINE: problem", the form editors and compilers use, so
   * both people and tools can find the place. */
  self->error = g_error_new (KW_FORMAT_ERROR, code, "%s:%d: %s",
                             self->display_name, line, problem);

  xmlStopParser (self->ctxt);
}

static gboolean
loader_failed (Loader *self)
{
  return self->error != NULL;
}

static gboolean
loader_read_attributes (Loader         *self,
                        Element         element,
                        int             n_attributes,
                        const xmlChar **attributes,
                        Slice          *values)
{
  const char * const *names = attributes_of (element);
  const char *element_name = elements[element].name;
  int line = loader_line (self);

  for (int i = 0; i < n_attributes; i++)
    {
      const char *name = (const char *) attributes[i * 5];
      const char *uri = (const char *) attributes[i * 5 + 2];
      Slice value = { (const char *) attributes[i * 5 + 3],
                      (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]) };
      guint j;

      for (j = 0; names[j] != NULL; j++)
        {
          if (uri == NULL && g_str_equal (name, names[j]))
            break;
        }

      if (names[j] == NULL && self->lenient)
        continue;
      if (names[j] == NULL)
        {
          loader_fail (self, line, KW_FORMAT_ERROR_INVALID,
                       _("the <%s> element cannot have an attribute “%s”"), element_name, name);
          return FALSE;
        }
      if (value.len > KW_FORMAT_MAX_FIELD_SIZE)
        {
          g_autofree char *limit = g_format_size_full (KW_FORMAT_MAX_FIELD_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          loader_fail (self, line, KW_FORMAT_ERROR_TOO_LARGE,
                       _("the attribute “%s” of <%s> is longer than the limit of %s"),
                       name, element_name, limit);
          return FALSE;
        }

      values[j] = value;
    }

  for (guint j = 0; names[j] != NULL; j++)
    {
      if (values[j].text == NULL && !attribute_is_optional (element, j))
        {
          loader_fail (self, line, KW_FORMAT_ERROR_INVALID,
                       _("the <%s> element needs an attribute “%s”"), element_name, names[j]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
loader_parse_score (Loader     *self,
                    Slice       value,
                    const char *what,
                    double     *score)
{
  g_autofree char *quoted = NULL;

  if (parse_score (value, score))
    return TRUE;

  quoted = slice_quote (value);
  loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
               _("the %s “%s” is not a number from 0 to 10 with at most one decimal, like 7.5"),
               what, quoted);

  return FALSE;
}

static void
loader_start_board (Loader *self,
                    Slice  *values)
{
  Slice version = slice_trim (values[ATTR_FORMAT_VERSION]);
  g_autofree char *quoted = slice_quote (version);
  guint64 number = 0;
  gsize i;

  for (i = 0; i < version.len && g_ascii_isdigit (version.text[i]) && number <= G_MAXINT; i++)
    number = number * 10 + (guint64) (version.text[i] - '0');

  if (version.len == 0 || i != version.len || number > G_MAXINT)
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the format-version “%s” is not a whole number"), quoted);
      return;
    }
  if (number == 0)
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the format-version “%s” does not exist; versions start at 1"), quoted);
      return;
    }

  self->board = kw_board_new ();
  kw_board_set_format_version (self->board, (guint) number);
}

/* Looks at format-version before the other attributes of <board> are
 * checked: a newer version may have attributes this one does not know.
 * loader_start_board checks the value properly. */
static void
loader_peek_format_version (Loader         *self,
                            int             n_attributes,
                            const xmlChar **attributes)
{
  for (int i = 0; i < n_attributes; i++)
    {
      Slice value = { (const char *) attributes[i * 5 + 3],
                      (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]) };
      guint64 number = 0;
      gsize j;

      if (attributes[i * 5 + 2] != NULL || !g_str_equal ((const char *) attributes[i * 5], "format-version"))
        continue;

      value = slice_trim (value);
      for (j = 0; j < value.len && g_ascii_isdigit (value.text[j]) && number <= G_MAXINT; j++)
        number = number * 10 + (guint64) (value.text[j] - '0');

      self->lenient = value.len > 0 && j == value.len && number > KW_FORMAT_VERSION;
      return;
    }
}

static void
loader_start_thresholds (Loader *self,
                         Slice  *values)
{
  KwThresholds thresholds;

  if (!loader_parse_score (self, values[ATTR_LINE_IMPACT], "impact", &thresholds.impact) ||
      !loader_parse_score (self, values[ATTR_LINE_EFFORT], "effort", &thresholds.effort) ||
      !loader_parse_score (self, values[ATTR_LINE_TINY_EFFORT], "tiny-effort", &thresholds.tiny_effort))
    return;

  if (!kw_board_set_thresholds (self->board, &thresholds))
    {
      g_autofree char *tiny = kw_score_format (thresholds.tiny_effort);
      g_autofree char *effort = kw_score_format (thresholds.effort);

      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the tiny-effort line (%s) must be below the effort line (%s)"),
                   tiny, effort);
    }
}

static GDateTime *
loader_parse_timestamp (Loader     *self,
                        Slice       value,
                        const char *what)
{
  GDateTime *timestamp = parse_timestamp (value);

  if (timestamp == NULL)
    {
      g_autofree char *quoted = slice_quote (value);

      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the %s time “%s” is not a UTC date and time like 2026-11-20T09:12:00Z"),
                   what, quoted);
    }

  return timestamp;
}

static gboolean
loader_read_times (Loader    *self,
                   Slice     *values,
                   KwFinding *finding)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  Slice created_text = slice_trim (values[ATTR_CREATED]);
  Slice modified_text = slice_trim (values[ATTR_MODIFIED]);

  if ((created = loader_parse_timestamp (self, created_text, "created")) == NULL)
    return FALSE;

  /* Most findings were never edited after the workshop: share the value. */
  if (created_text.len == modified_text.len &&
      memcmp (created_text.text, modified_text.text, created_text.len) == 0)
    modified = g_date_time_ref (created);
  else if ((modified = loader_parse_timestamp (self, modified_text, "modified")) == NULL)
    return FALSE;

  _kw_finding_take_times_loading (finding, g_steal_pointer (&created), g_steal_pointer (&modified));

  return TRUE;
}

static void
loader_start_finding (Loader *self,
                      Slice  *values)
{
  Slice id_text = slice_trim (values[ATTR_ID]);
  g_autofree char *id = g_strndup (id_text.text, id_text.len);
  g_autoptr(KwFinding) finding = NULL;
  KwStatus status = KW_STATUS_OPEN;

  if (!kw_finding_id_is_valid (id))
    {
      g_autofree char *quoted = slice_quote (id_text);

      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the finding id “%s” is not valid: use 1 to 64 letters, digits, dots, dashes or underscores"),
                   quoted);
      return;
    }
  if (kw_board_lookup_finding (self->board, id) != NULL)
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("two findings have the id “%s”; every finding needs its own id"), id);
      return;
    }

  if (values[ATTR_STATUS].text != NULL)
    {
      Slice status_text = slice_trim (values[ATTR_STATUS]);
      g_autofree char *status_id = g_strndup (status_text.text, status_text.len);

      if (!kw_status_from_id (status_id, &status))
        {
          g_autofree char *quoted = slice_quote (status_text);

          loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                       _("the status “%s” is not one of open, in-progress or done"), quoted);
          return;
        }
    }

  finding = _kw_finding_new_loading (id);
  _kw_finding_set_status_loading (finding, status);
  if (!loader_read_times (self, values, finding))
    return;

  self->finding = g_steal_pointer (&finding);
  g_ptr_array_set_size (self->tags, 0);
}

static void
loader_start_position (Loader *self,
                       Slice  *values)
{
  double impact, effort;

  if (!loader_parse_score (self, values[ATTR_POSITION_IMPACT], "impact", &impact) ||
      !loader_parse_score (self, values[ATTR_POSITION_EFFORT], "effort", &effort))
    return;

  _kw_finding_place_loading (self->finding, impact, effort);
}

static gboolean
loader_check_root (Loader        *self,
                   const xmlChar *name,
                   const xmlChar *uri)
{
  if (!g_str_equal ((const char *) name, "board"))
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_NOT_A_BOARD,
                   _("this is not a Kwadrant board: the file starts with a <%s> element instead of <board>"),
                   (const char *) name);
      return FALSE;
    }
  if (uri == NULL || !g_str_equal ((const char *) uri, KW_FORMAT_NAMESPACE))
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_NOT_A_BOARD,
                   _("this is not a Kwadrant board: its <board> element is not in the namespace “%s”"),
                   KW_FORMAT_NAMESPACE);
      return FALSE;
    }

  return TRUE;
}

/* Finds which element of the format this is, or explains why it is not
 * allowed here. */
static Element
loader_identify (Loader        *self,
                 const xmlChar *name,
                 const xmlChar *uri)
{
  Element parent = loader_current (self);
  const char *parent_name = elements[parent].name;
  Element element;

  if (parent == EL_NONE)
    return loader_check_root (self, name, uri) ? EL_BOARD : EL_NONE;

  if (self->lenient &&
      (!loader_is_own_namespace (self, uri) || loader_lookup_child (self, parent, name) == EL_NONE))
    return EL_NONE;  /* from the newer format: the caller skips it */

  if (!loader_is_own_namespace (self, uri))
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the element <%s> inside <%s> is not part of the Kwadrant format (it is in another namespace)"),
                   (const char *) name, parent_name);
      return EL_NONE;
    }

  element = loader_lookup_child (self, parent, name);
  if (element == EL_NONE)
    {
      if (elements[parent].content == CONTENT_ELEMENTS)
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("a <%s> element cannot be inside <%s>"), (const char *) name, parent_name);
      else if (elements[parent].content == CONTENT_EMPTY)
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("the <%s> element must be empty, but it contains a <%s> element"),
                     parent_name, (const char *) name);
      else
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("the <%s> element may contain only text, not a <%s> element"),
                     parent_name, (const char *) name);
      return EL_NONE;
    }

  if (!elements[element].repeatable && (self->seen[self->depth] & (1u << element)) != 0)
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the <%s> element appears more than once inside <%s>"),
                   elements[element].name, parent_name);
      return EL_NONE;
    }

  return element;
}

/* Whatever libxml2 makes of the last, unfinished token (an attribute
 * without a value, a tag without its '>'), a file that stops there was cut
 * off, and saying so helps the user more. */
static gboolean
loader_input_ended (Loader *self)
{
  return self->terminating && self->ctxt->input != NULL &&
         self->ctxt->input->cur >= self->ctxt->input->end;
}

static void
loader_fail_truncated (Loader *self,
                       int     line)
{
  loader_fail (self, line, KW_FORMAT_ERROR_NOT_XML,
               _("the file ends before the board is complete; it may have been cut off"));
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  Loader *self = user_data;
  Slice values[MAX_ATTRIBUTES] = { { NULL, 0 } };
  Element element;

  if (loader_failed (self))
    return;

  /* libxml2 reports a start tag before it reads its closing '>'. */
  if (loader_input_ended (self))
    {
      loader_fail_truncated (self, loader_line (self));
      return;
    }

  /* Inside an element of a newer format: nothing in it is ours. The push
   * parser does not bound the nesting itself, and each level costs it
   * memory, so the depth is bounded here. */
  if (self->skip_depth > 0)
    {
      if (++self->skip_depth > MAX_SKIPPED_DEPTH)
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_TOO_LARGE,
                     _("elements are nested more than %d deep"), MAX_SKIPPED_DEPTH);
      return;
    }

  if (loader_current (self) == EL_NONE)
    loader_peek_format_version (self, n_attributes, attributes);

  if ((element = loader_identify (self, name, uri)) == EL_NONE)
    {
      if (!loader_failed (self))
        self->skip_depth = 1;
      return;
    }

  if (!loader_read_attributes (self, element, n_attributes, attributes, values))
    return;

  switch (element)
    {
    case EL_BOARD:      loader_start_board (self, values); break;
    case EL_THRESHOLDS: loader_start_thresholds (self, values); break;
    case EL_FINDING:    loader_start_finding (self, values); break;
    case EL_POSITION:   loader_start_position (self, values); break;
    default:            break;
    }

  if (loader_failed (self))
    return;

  g_assert (self->depth + 1 < MAX_DEPTH);

  self->seen[self->depth] |= 1u << element;
  self->depth++;
  self->stack[self->depth] = element;
  self->seen[self->depth] = 0;
  self->lines[self->depth] = loader_line (self);

  if (element_has_text (element))
    g_string_truncate (self->text, 0);
}

static void
on_characters (void          *user_data,
               const xmlChar *chars,
               int            len)
{
  Loader *self = user_data;
  Element element = loader_current (self);

  if (loader_failed (self) || self->skip_depth > 0)
    return;

  if (element_has_text (element))
    {
      if (self->text->len + (gsize) len > KW_FORMAT_MAX_FIELD_SIZE)
        {
          g_autofree char *limit = g_format_size_full (KW_FORMAT_MAX_FIELD_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          loader_fail (self, self->lines[self->depth], KW_FORMAT_ERROR_TOO_LARGE,
                       _("the text in <%s> is longer than the limit of %s"),
                       elements[element].name, limit);
          return;
        }
      g_string_append_len (self->text, (const char *) chars, len);
    }
  else if (!is_blank ((const char *) chars, (gsize) len))
    {
      if (elements[element].content == CONTENT_EMPTY)
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("the <%s> element must be empty, but it contains text"),
                     elements[element].name);
      else
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("text is not allowed directly inside <%s>"),
                     element == EL_NONE ? "board" : elements[element].name);
    }
}

/* The text of the element just closed, cleaned as the model would clean
 * it; NULL (with the error set) when it is not a valid date. */
static char *
loader_take_text (Loader  *self,
                  Element  element)
{
  Content content = elements[element].content;
  const char *text = self->text->str;
  gsize len = self->text->len;

  if (content == CONTENT_DATE)
    {
      Slice date = slice_trim ((Slice) { text, len });
      g_autofree char *iso = g_strndup (date.text, date.len);

      if (iso[0] != '\0' && !kw_date_is_valid_iso (iso))
        {
          g_autofree char *quoted = slice_quote (date);

          loader_fail (self, self->lines[self->depth], KW_FORMAT_ERROR_INVALID,
                       _("the <%s> date “%s” is not a date like 2027-01-31"),
                       elements[element].name, quoted);
          return NULL;
        }

      return g_steal_pointer (&iso);
    }

  if (text_is_clean (text, len, content == CONTENT_LINE))
    return g_strndup (text, len);

  return kw_text_clean (text, content == CONTENT_LINE);
}

static void
loader_add_tag (Loader *self,
                char   *tag)
{
  if (tag[0] == '\0')
    {
      g_free (tag);
      return;
    }

  /* Like kw_finding_set_tags: repeats are dropped, first one wins. */
  for (guint i = 0; i < self->tags->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->tags, i), tag))
        {
          g_free (tag);
          return;
        }
    }

  g_ptr_array_add (self->tags, tag);
}

static void
loader_end_finding (Loader *self)
{
  KwFinding *finding = g_steal_pointer (&self->finding);

  if ((self->seen[self->depth] & (1u << EL_FINDING_TITLE)) == 0)
    {
      loader_fail (self, self->lines[self->depth], KW_FORMAT_ERROR_INVALID,
                   _("the finding “%s” has no <title>"), kw_finding_get_id (finding));
      g_object_unref (finding);
      return;
    }

  if (self->tags->len > 0)
    {
      g_ptr_array_add (self->tags, NULL);
      _kw_finding_take_tags_loading (finding, (GStrv) g_ptr_array_steal (self->tags, NULL));
    }

  /* Ids were checked for repeats when the finding started. */
  if (!_kw_board_take_finding_loading (self->board, finding))
    g_assert_not_reached ();
}

static void
on_end_element (void          *user_data,
                const xmlChar *name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Loader *self = user_data;
  Element element = loader_current (self);
  char *text = NULL;

  if (loader_failed (self))
    return;

  if (self->skip_depth > 0)
    {
      self->skip_depth--;
      return;
    }

  if (element_has_text (element) && (text = loader_take_text (self, element)) == NULL)
    return;

  if (element == EL_FINDING)
    loader_end_finding (self);
  else if (element == EL_TAG)
    loader_add_tag (self, text);
  else if (text != NULL && elements[element].parent == EL_BOARD)
    _kw_board_take_text_loading (self->board, elements[element].field, text);
  else if (text != NULL)
    _kw_finding_take_text_loading (self->finding, elements[element].field, text);

  self->depth--;
}

/* Called as soon as a DOCTYPE starts: before any entity in it is declared,
 * let alone expanded or fetched. */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Loader *self = user_data;

  loader_fail (self, loader_line (self), KW_FORMAT_ERROR_FORBIDDEN,
               _("the file contains a <!DOCTYPE> declaration, which board files may not have "
                 "(it can make a program read other files or expand text without end)"));
}

static void
loader_fail_not_well_formed (Loader      *self,
                             int          line,
                             const char  *xml_message)
{
  g_autofree char *message = g_strchomp (g_strdup (xml_message != NULL ? xml_message : ""));

  loader_fail (self, line, KW_FORMAT_ERROR_NOT_XML,
               _("the file is not well-formed XML (%s)"), message);
}

/* libxml2's messages are English and sometimes quote raw bytes; the common
 * problems get a message of ours instead. */
static void
on_xml_error (void       *user_data,
              xmlErrorPtr xml_error)
{
  Loader *self = user_data;
  int line = xml_error->line;

  if (xml_error->level < XML_ERR_ERROR || loader_failed (self))
    return;

  if (!self->seen_content)
    {
      loader_fail (self, line, KW_FORMAT_ERROR_NOT_XML, _("the file is empty"));
      return;
    }

  if (loader_input_ended (self) && xml_error->code != XML_ERR_DOCUMENT_EMPTY)
    {
      loader_fail_truncated (self, line);
      return;
    }

  switch (xml_error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      loader_fail (self, line, KW_FORMAT_ERROR_NOT_XML,
                   _("this is not an XML file; a board file starts with <?xml or <board"));
      break;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      if (xml_error->message != NULL && strstr (xml_error->message, "UTF-8") != NULL)
        loader_fail (self, line, KW_FORMAT_ERROR_NOT_XML,
                     _("the file contains bytes that are not UTF-8 text"));
      else
        loader_fail (self, line, KW_FORMAT_ERROR_NOT_XML,
                     _("the file contains a character that XML does not allow"));
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      loader_fail (self, line, KW_FORMAT_ERROR_FORBIDDEN,
                   _("the file uses the entity “&%s;”; board files may only use &lt; &gt; &amp; &quot; &apos; "
                     "and numeric character references"),
                   xml_error->str1 != NULL ? xml_error->str1 : "");
      break;
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_TAG_NOT_FINISHED:
      if (self->depth > 0 || self->board == NULL)
        loader_fail_truncated (self, line);
      else
        loader_fail (self, line, KW_FORMAT_ERROR_NOT_XML,
                     _("there is more in the file after the end of the board"));
      break;
    default:
      loader_fail_not_well_formed (self, line, xml_error->message);
      break;
    }
}

static void
loader_init (Loader     *self,
             const char *display_name)
{
  static xmlSAXHandler handler = {
    .initialized = XML_SAX2_MAGIC,
    .startElementNs = on_start_element,
    .endElementNs = on_end_element,
    /* The same handler for both, which also makes libxml2 report all
     * whitespace rather than guess which is ignorable. */
    .characters = on_characters,
    .ignorableWhitespace = on_characters,
    .cdataBlock = on_characters,
    .internalSubset = on_internal_subset,
    .serror = on_xml_error,
    /* Deliberately unset: externalSubset, resolveEntity, getEntity,
     * entityDecl, reference: nothing is ever loaded or expanded. */
  };

  ensure_libxml_initialized ();

  memset (self, 0, sizeof *self);
  self->display_name = display_name;
  self->text = g_string_sized_new (256);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->stack[0] = EL_NONE;
  self->scan = SCAN_TEXT;
  self->scan_line = 1;

  self->ctxt = xmlCreatePushParserCtxt (&handler, self, NULL, 0, NULL);
  g_assert (self->ctxt != NULL);

  for (guint i = EL_BOARD; i < N_ELEMENTS; i++)
    self->interned[i] = xmlDictLookup (self->ctxt->dict, BAD_CAST elements[i].name, -1);
  self->interned_namespace = xmlDictLookup (self->ctxt->dict, BAD_CAST KW_FORMAT_NAMESPACE, -1);

  /* Never XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: no entity expansion,
   * no DTD loading, and libxml2's own size and depth limits stay on.
   * Boards are UTF-8 whatever their declaration says (IGNORE_ENC), so a
   * Latin-1 file is refused as not UTF-8 instead of quietly converted. */
  xmlCtxtUseOptions (self->ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR |
                                 XML_PARSE_IGNORE_ENC);
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->ctxt, xmlFreeParserCtxt);
  g_clear_error (&self->error);
  g_clear_object (&self->board);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
}

/* libxml2 recognises UTF-16 and UTF-32 by their first bytes, before any
 * option applies: look at them first. Both have a NUL byte among the first
 * four bytes (as "<" or as part of a byte order mark), UTF-8 XML never. */
static gboolean
loader_check_not_utf16 (Loader     *self,
                        const char *data,
                        gsize       len)
{
  const guchar *bytes = (const guchar *) data;

  if ((len >= 2 && ((bytes[0] == 0xff && bytes[1] == 0xfe) || (bytes[0] == 0xfe && bytes[1] == 0xff))) ||
      memchr (data, '\0', MIN (len, 4)) != NULL)
    {
      loader_fail (self, 1, KW_FORMAT_ERROR_NOT_XML,
                   _("the file is UTF-16 or UTF-32 text; board files are always UTF-8"));
      return FALSE;
    }

  return TRUE;
}

static guint
count_newlines (const char *data,
                gsize       len)
{
  const char *end = data + len;
  guint n = 0;

  while ((data = memchr (data, '\n', (gsize) (end - data))) != NULL)
    {
      n++;
      data++;
    }

  return n;
}

/* Where the byte that ends the current state lies, from data[i] on, or len:
 * text, values and comments are passed over with memchr() rather than a
 * byte at a time, and their lines counted the same way. */
static gsize
loader_skip_to (Loader     *self,
                const char *data,
                gsize       i,
                gsize       len,
                char        wanted)
{
  const char *found = memchr (data + i, wanted, len - i);
  gsize end = found != NULL ? (gsize) (found - data) : len;

  self->scan_line += count_newlines (data + i, end - i);

  return end;
}

/* Counts the quoted values in each start tag: one per attribute. Comments,
 * CDATA and processing instructions are passed over up to their first '>',
 * which can only make the count err on the side of a fake tag inside them. */
static gboolean
loader_scan_attributes (Loader     *self,
                        const char *data,
                        gsize       len)
{
  gsize i = 0;

  while (i < len)
    {
      char c;

      switch (self->scan)
        {
        case SCAN_TEXT:
          if ((i = loader_skip_to (self, data, i, len, '<')) < len)
            self->scan = SCAN_TAG_START;
          break;
        case SCAN_MARKUP:
          if ((i = loader_skip_to (self, data, i, len, '>')) < len)
            self->scan = SCAN_TEXT;
          break;
        case SCAN_VALUE:
          if ((i = loader_skip_to (self, data, i, len, self->scan_quote)) < len)
            self->scan = SCAN_TAG;
          break;
        case SCAN_TAG_START:
          c = data[i];
          if (c == '\n')
            self->scan_line++;
          self->scan = (c == '!' || c == '?' || c == '/') ? SCAN_MARKUP : SCAN_TAG;
          self->scan_attributes = 0;
          break;
        case SCAN_TAG:
          c = data[i];
          if (c == '\n')
            self->scan_line++;
          if (c == '>')
            {
              self->scan = SCAN_TEXT;
            }
          else if (c == '"' || c == '\'')
            {
              self->scan = SCAN_VALUE;
              self->scan_quote = c;
              if (++self->scan_attributes > MAX_ATTRIBUTES_PER_ELEMENT)
                {
                  loader_fail (self, self->scan_line, KW_FORMAT_ERROR_TOO_LARGE,
                               _("an element has more than %d attributes"), MAX_ATTRIBUTES_PER_ELEMENT);
                  return FALSE;
                }
            }
          break;
        default:
          g_assert_not_reached ();
        }
      /* Past the byte that changed the state (none is a newline). */
      i++;
    }

  return TRUE;
}

static gboolean
loader_feed (Loader     *self,
             const char *data,
             gsize       len)
{
  if (self->n_bytes == 0 && len > 0 && !loader_check_not_utf16 (self, data, len))
    return FALSE;

  while (len > 0 && !loader_failed (self))
    {
      int chunk = (int) MIN (len, READ_CHUNK_SIZE);

      if (!self->seen_content)
        self->seen_content = !is_blank (data, (gsize) chunk);
      if (!loader_scan_attributes (self, data, (gsize) chunk))
        break;
      xmlParseChunk (self->ctxt, data, chunk, 0);
      self->n_bytes += (gsize) chunk;
      data += chunk;
      len -= (gsize) chunk;
    }

  return !loader_failed (self);
}

static KwBoard *
loader_finish (Loader  *self,
               GError **error)
{
  self->terminating = TRUE;
  if (!loader_failed (self))
    xmlParseChunk (self->ctxt, NULL, 0, 1);

  if (!loader_failed (self) && (!self->ctxt->wellFormed || self->board == NULL))
    loader_fail_not_well_formed (self, loader_line (self), NULL);

  if (loader_failed (self))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  return g_steal_pointer (&self->board);
}

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
  Loader loader;
  KwBoard *board;
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

  loader_init (&loader, display_name);
  loader_feed (&loader, data, size);
  board = loader_finish (&loader, error);
  loader_clear (&loader);

  return board;
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
loader_feed_stream (Loader        *self,
                    GInputStream  *stream,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *buffer = g_malloc (READ_CHUNK_SIZE);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n_read = g_input_stream_read (stream, buffer, READ_CHUNK_SIZE, cancellable, &local_error);

      if (n_read < 0)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not read the board %s: "), self->display_name);
          return FALSE;
        }
      if (n_read == 0)
        return TRUE;
      if (self->n_bytes + (gsize) n_read > KW_FORMAT_MAX_FILE_SIZE)
        {
          set_too_large_error (error, self->display_name, self->n_bytes + (gsize) n_read);
          return FALSE;
        }
      if (!loader_feed (self, buffer, (gsize) n_read))
        return TRUE;  /* loader_finish reports the parse error */
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
  Loader loader;
  KwBoard *board = NULL;

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

  loader_init (&loader, display_name);
  if (loader_feed_stream (&loader, G_INPUT_STREAM (stream), cancellable, error))
    board = loader_finish (&loader, error);
  loader_clear (&loader);

  return board;
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

  ensure_libxml_initialized ();

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

/* --- The writer ------------------------------------------------------- */

static int
on_output_write (void       *context,
                 const char *buffer,
                 int         len)
{
  g_byte_array_append (context, (const guint8 *) buffer, (guint) len);

  return len;
}

static int
on_output_close (void *context)
{
  return 0;
}

static gboolean
write_text_element (xmlTextWriterPtr  writer,
                    const char       *name,
                    const char       *text)
{
  return xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST text) >= 0;
}

/* Optional fields are left out when empty: reading an absent element
 * gives the same empty value back. */
static gboolean
write_optional_text_element (xmlTextWriterPtr  writer,
                             const char       *name,
                             const char       *text)
{
  return text == NULL || text[0] == '\0' || write_text_element (writer, name, text);
}

static gboolean
write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *value)
{
  return xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST value) >= 0;
}

/* Integer arithmetic only, so no locale can turn the point into a comma. */
static gboolean
write_score_attribute (xmlTextWriterPtr  writer,
                       const char       *name,
                       double            score)
{
  int tenths = (int) (kw_score_normalize (score) * 10.0 + 0.5);
  char buffer[8];

  g_snprintf (buffer, sizeof buffer, "%d.%d", tenths / 10, tenths % 10);

  return write_attribute (writer, name, buffer);
}

static gboolean
write_timestamp_attribute (xmlTextWriterPtr  writer,
                           const char       *name,
                           GDateTime        *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  char buffer[40];
  int usec;

  /* A finding made with g_object_new() has no times yet; give it the
   * moment of saving rather than writing a file that cannot be read. */
  utc = timestamp != NULL ? g_date_time_to_utc (timestamp) : g_date_time_new_now_utc ();
  usec = g_date_time_get_microsecond (utc);

  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d",
              g_date_time_get_year (utc), g_date_time_get_month (utc),
              g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
              g_date_time_get_minute (utc), g_date_time_get_second (utc));
  if (usec != 0)
    g_snprintf (buffer + 19, sizeof buffer - 19, ".%06dZ", usec);
  else
    g_strlcpy (buffer + 19, "Z", sizeof buffer - 19);

  return write_attribute (writer, name, buffer);
}

static gboolean
write_tags (xmlTextWriterPtr  writer,
            KwFinding        *finding)
{
  const char * const *tags = kw_finding_get_tags (finding);

  if (tags == NULL || tags[0] == NULL)
    return TRUE;

  if (xmlTextWriterStartElement (writer, BAD_CAST "tags") < 0)
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!write_text_element (writer, "tag", tags[i]))
        return FALSE;
    }

  return xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_position (xmlTextWriterPtr  writer,
                KwFinding        *finding)
{
  if (!kw_finding_get_placed (finding))
    return TRUE;

  return xmlTextWriterStartElement (writer, BAD_CAST "position") >= 0 &&
         write_score_attribute (writer, "impact", kw_finding_get_impact (finding)) &&
         write_score_attribute (writer, "effort", kw_finding_get_effort (finding)) &&
         xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_finding (xmlTextWriterPtr  writer,
               KwFinding        *finding)
{
  return xmlTextWriterStartElement (writer, BAD_CAST "finding") >= 0 &&
         write_attribute (writer, "id", kw_finding_get_id (finding)) &&
         write_attribute (writer, "status", kw_status_to_id (kw_finding_get_status (finding))) &&
         write_timestamp_attribute (writer, "created", kw_finding_get_created (finding)) &&
         write_timestamp_attribute (writer, "modified", kw_finding_get_modified (finding)) &&
         write_text_element (writer, "title", kw_finding_get_title (finding)) &&
         write_optional_text_element (writer, "description", kw_finding_get_description (finding)) &&
         write_position (writer, finding) &&
         write_optional_text_element (writer, "owner", kw_finding_get_owner (finding)) &&
         write_optional_text_element (writer, "due", kw_finding_get_due_date (finding)) &&
         write_optional_text_element (writer, "review", kw_finding_get_review_date (finding)) &&
         write_optional_text_element (writer, "source", kw_finding_get_source (finding)) &&
         write_optional_text_element (writer, "drop-reason", kw_finding_get_drop_reason (finding)) &&
         write_tags (writer, finding) &&
         xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_thresholds (xmlTextWriterPtr  writer,
                  KwBoard          *board)
{
  KwThresholds thresholds;

  kw_board_get_thresholds (board, &thresholds);

  return xmlTextWriterStartElement (writer, BAD_CAST "thresholds") >= 0 &&
         write_score_attribute (writer, "impact", thresholds.impact) &&
         write_score_attribute (writer, "effort", thresholds.effort) &&
         write_score_attribute (writer, "tiny-effort", thresholds.tiny_effort) &&
         xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_findings (xmlTextWriterPtr  writer,
                KwBoard          *board)
{
  guint n = kw_board_get_n_findings (board);

  if (xmlTextWriterStartElement (writer, BAD_CAST "findings") < 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!write_finding (writer, kw_board_get_finding (board, i)))
        return FALSE;
    }

  return xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_board (xmlTextWriterPtr  writer,
             KwBoard          *board)
{
  char version[16];

  g_snprintf (version, sizeof version, "%d", KW_FORMAT_VERSION);

  return xmlTextWriterSetIndent (writer, 1) >= 0 &&
         xmlTextWriterSetIndentString (writer, BAD_CAST "  ") >= 0 &&
         xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) >= 0 &&
         xmlTextWriterStartElement (writer, BAD_CAST "board") >= 0 &&
         /* Declared by hand so it comes first, as in every example. */
         write_attribute (writer, "xmlns", KW_FORMAT_NAMESPACE) &&
         write_attribute (writer, "format-version", version) &&
         write_text_element (writer, "title", kw_board_get_title (board)) &&
         write_optional_text_element (writer, "organisation", kw_board_get_organisation (board)) &&
         write_optional_text_element (writer, "facilitator", kw_board_get_facilitator (board)) &&
         write_optional_text_element (writer, "workshop-date", kw_board_get_workshop_date (board)) &&
         write_optional_text_element (writer, "notes", kw_board_get_notes (board)) &&
         write_thresholds (writer, board) &&
         write_findings (writer, board) &&
         xmlTextWriterEndDocument (writer) >= 0;
}

GBytes *
kw_format_save_bytes (KwBoard  *board,
                      GError  **error)
{
  g_autoptr(GByteArray) output = NULL;
  xmlOutputBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean written;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Written as version 1, the parts of the newer format that this version
   * skipped when reading would be lost without a word. */
  if (kw_board_is_from_newer_format (board))
    {
      g_set_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION,
                   _("This board was made with a newer version of Kwadrant (format version %u), "
                     "so this version can show it but not save it. Export it, or update Kwadrant."),
                   kw_board_get_format_version (board));
      return NULL;
    }

  ensure_libxml_initialized ();

  /* About 330 bytes per finding: start near the final size. */
  output = g_byte_array_sized_new (1024 + 400 * kw_board_get_n_findings (board));
  buffer = xmlOutputBufferCreateIO (on_output_write, on_output_close, output, NULL);
  writer = buffer != NULL ? xmlNewTextWriter (buffer) : NULL;
  if (writer == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not prepare the board for saving: out of memory"));
      return NULL;
    }

  written = write_board (writer, board);
  xmlFreeTextWriter (writer);  /* flushes into output and frees buffer */

  if (!written)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not turn the board into XML; the computer may be out of memory"));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}

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
