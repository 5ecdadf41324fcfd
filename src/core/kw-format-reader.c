/* kw-format-reader.c: reading .kwadrant boards (see data/FORMAT.md).
 *
 * Reading streams the file through libxml2's SAX2 push parser: no tree is
 * built, so a board of 100,000 findings needs little more memory than the
 * findings themselves. Boards are untrusted input (they are mailed around
 * between facilitators), so the parser never loads anything from outside
 * the file, never expands entities and refuses any DOCTYPE; the first
 * problem stops it and becomes the one error the user sees. The elements
 * and attributes it knows are the table of kw-format.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "kw-board-private.h"
#include "kw-finding-private.h"
#include "kw-follow-up.h"
#include "kw-format-private.h"
#include "kw-format-scan.h"
#include "kw-i18n.h"
#include "kw-text.h"

/* --- The grammar's limits ------------------------------------------------ */

/* The deepest elements are board/findings/finding/tags/tag and
 * board/findings/finding/estimates/estimate and
 * board/snapshots/snapshot/entry/title; anything deeper is refused by the
 * grammar before it is pushed, which bounds the stack. */
#define MAX_DEPTH 6

/* A newer format may nest deeper; what this version skips may nest this
 * deep, as deep as libxml2 allows a tree. */
#define MAX_SKIPPED_DEPTH 256

/* --- The loader ------------------------------------------------------- */

struct _KwFormatReader
{
  xmlParserCtxtPtr  ctxt;
  const char       *display_name;
  GError           *error;

  KwBoard          *board;
  gsize             n_bytes;
  gboolean          seen_content;      /* anything but blanks fed yet */
  gboolean          terminating;       /* all input is in */

  guint             format_version;    /* of <board>, once read */
  gboolean          format_version_valid;

  /* A file from a newer format version is read leniently: what this
   * version does not know is skipped, with everything inside it. */
  gboolean          lenient;
  guint             skip_depth;        /* open elements being skipped */

  Element           stack[MAX_DEPTH];
  ElementSet        seen[MAX_DEPTH];   /* bit per child element already met */
  int               lines[MAX_DEPTH];  /* where each open element started */
  guint             depth;

  GString          *text;              /* of the open text element */

  /* The scan ahead of the parser that counts attributes per start tag,
   * kept across chunks. */
  KwFormatScan      scan;

  KwFinding        *finding;           /* being read, owned */
  GPtrArray        *tags;              /* of the finding being read */
  KwSnapshotReader *snapshots;         /* once <snapshots> starts */
  KwEstimateReader *estimates;         /* once participants or estimates start */

  /* The element names and the namespace in the parser's dictionary, where
   * it takes the names it reports from: a pointer comparison finds them. */
  const xmlChar    *interned[N_ELEMENTS];
  const xmlChar    *interned_namespace;
};

/* The reader's own short name for itself, in its static functions. */
typedef KwFormatReader Loader;

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
      if (self->interned[i] == name && kw_format_elements[i].parent == parent)
        return (Element) i;
    }

  /* A name the dictionary did not give: compared as text. */
  return kw_format_lookup_child (parent, (const char *) name);
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

/* The same for an error of the value readers (kw-format.c) and the
 * snapshot reader, which say what is wrong but not where. */
static void
loader_fail_with (Loader *self,
                  int     line,
                  GError *error)
{
  loader_fail (self, line, error->code, "%s", error->message);
  g_error_free (error);
}

static gboolean
loader_read_attributes (Loader         *self,
                        Element         element,
                        int             n_attributes,
                        const xmlChar **attributes,
                        Slice          *values)
{
  const char * const *names = kw_format_attributes_of (element);
  const char *element_name = kw_format_elements[element].name;
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
      if (values[j].text == NULL && !kw_format_attribute_is_optional (element, j))
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
  GError *error = NULL;

  if (kw_format_read_score (value, what, score, &error))
    return TRUE;

  loader_fail_with (self, loader_line (self), error);

  return FALSE;
}

static void
loader_start_board (Loader *self,
                    Slice  *values)
{
  g_autofree char *quoted = kw_format_slice_quote (kw_format_slice_trim (values[ATTR_FORMAT_VERSION]));

  if (!self->format_version_valid)
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the format-version “%s” is not a whole number"), quoted);
      return;
    }
  if (self->format_version == 0)
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the format-version “%s” does not exist; versions start at 1"), quoted);
      return;
    }

  self->board = kw_board_new ();
  kw_board_set_format_version (self->board, self->format_version);
}

/* Reads format-version before the other attributes of <board> are
 * checked: a newer version may have attributes this one does not know.
 * loader_start_board says what is wrong with it, if anything. */
static void
loader_read_format_version (Loader         *self,
                            int             n_attributes,
                            const xmlChar **attributes)
{
  const char *name = kw_format_attributes_of (EL_BOARD)[ATTR_FORMAT_VERSION];

  for (int i = 0; i < n_attributes; i++)
    {
      Slice value = { (const char *) attributes[i * 5 + 3],
                      (gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]) };

      if (attributes[i * 5 + 2] != NULL || !g_str_equal ((const char *) attributes[i * 5], name))
        continue;

      self->format_version_valid = kw_format_parse_version (value, &self->format_version);
      self->lenient = self->format_version_valid && self->format_version > KW_FORMAT_VERSION;
      return;
    }
}

static void
loader_start_thresholds (Loader *self,
                         Slice  *values)
{
  KwThresholds thresholds;
  GError *error = NULL;

  if (!kw_format_read_thresholds (values, &thresholds, &error))
    loader_fail_with (self, loader_line (self), error);
  else if (!kw_board_set_thresholds (self->board, &thresholds))
    g_assert_not_reached ();
}

static void
loader_start_review_interval (Loader *self,
                              Slice  *values)
{
  GError *error = NULL;
  guint months;

  if (!kw_format_read_review_interval (values, self->format_version, &months, &error))
    loader_fail_with (self, loader_line (self), error);
  else if (!kw_board_set_review_interval (self->board, months))
    g_assert_not_reached ();
}

static GDateTime *
loader_parse_timestamp (Loader     *self,
                        Slice       value,
                        const char *what)
{
  GError *error = NULL;
  GDateTime *timestamp = kw_format_read_timestamp (value, what, &error);

  if (timestamp == NULL)
    loader_fail_with (self, loader_line (self), error);

  return timestamp;
}

static gboolean
loader_read_times (Loader    *self,
                   Slice     *values,
                   KwFinding *finding)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  Slice created_text = kw_format_slice_trim (values[ATTR_CREATED]);
  Slice modified_text = kw_format_slice_trim (values[ATTR_MODIFIED]);

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
  Slice id_text = kw_format_slice_trim (values[ATTR_ID]);
  g_autofree char *id = g_strndup (id_text.text, id_text.len);
  g_autoptr(KwFinding) finding = NULL;
  GError *error = NULL;
  KwStatus status;

  if (!kw_finding_id_is_valid (id))
    {
      g_autofree char *quoted = kw_format_slice_quote (id_text);

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

  if (!kw_format_read_status (values[ATTR_STATUS], &status, &error))
    {
      loader_fail_with (self, loader_line (self), error);
      return;
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

static void
loader_start_snapshot_part (Loader  *self,
                            Element  element,
                            Slice   *values)
{
  GError *error = NULL;

  if (self->snapshots == NULL)
    self->snapshots = kw_snapshot_reader_new (self->board);

  if (!kw_snapshot_reader_start (self->snapshots, element, values, self->format_version, &error))
    loader_fail_with (self, loader_line (self), error);
}

static void
loader_end_snapshot_part (Loader  *self,
                          Element  element,
                          char    *text)
{
  GError *error = NULL;

  if (!kw_snapshot_reader_end (self->snapshots, element, self->seen[self->depth], text, &error))
    loader_fail_with (self, self->lines[self->depth], error);
}

/* Participants and estimates: all is checked as each element starts. */
static void
loader_start_estimate_part (Loader  *self,
                            Element  element,
                            Slice   *values)
{
  GError *error = NULL;

  if (self->estimates == NULL)
    self->estimates = kw_estimate_reader_new (self->board);

  if (!kw_estimate_reader_start (self->estimates, element, values, self->format_version,
                                 self->finding, self->seen[self->depth], &error))
    loader_fail_with (self, loader_line (self), error);
}

static gboolean
loader_check_root (Loader        *self,
                   const xmlChar *name,
                   const xmlChar *uri)
{
  if (!g_str_equal ((const char *) name, kw_format_elements[EL_BOARD].name))
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
  const char *parent_name = kw_format_elements[parent].name;
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
      if (kw_format_elements[parent].content == CONTENT_ELEMENTS)
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("a <%s> element cannot be inside <%s>"), (const char *) name, parent_name);
      else if (kw_format_elements[parent].content == CONTENT_EMPTY)
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("the <%s> element must be empty, but it contains a <%s> element"),
                     parent_name, (const char *) name);
      else
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("the <%s> element may contain only text, not a <%s> element"),
                     parent_name, (const char *) name);
      return EL_NONE;
    }

  if (!kw_format_elements[element].repeatable && (self->seen[self->depth] & ELEMENT_BIT (element)) != 0)
    {
      loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                   _("the <%s> element appears more than once inside <%s>"),
                   kw_format_elements[element].name, parent_name);
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
    loader_read_format_version (self, n_attributes, attributes);

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
    case EL_REVIEW_INTERVAL: loader_start_review_interval (self, values); break;
    case EL_FINDING:    loader_start_finding (self, values); break;
    case EL_POSITION:   loader_start_position (self, values); break;
    default:
      if (kw_snapshot_reader_owns (element))
        loader_start_snapshot_part (self, element, values);
      else if (kw_estimate_reader_owns (element))
        loader_start_estimate_part (self, element, values);
      break;
    }

  if (loader_failed (self))
    return;

  g_assert (self->depth + 1 < MAX_DEPTH);

  self->seen[self->depth] |= ELEMENT_BIT (element);
  self->depth++;
  self->stack[self->depth] = element;
  self->seen[self->depth] = 0;
  self->lines[self->depth] = loader_line (self);

  if (kw_format_element_has_text (element))
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

  if (kw_format_element_has_text (element))
    {
      if (self->text->len + (gsize) len > KW_FORMAT_MAX_FIELD_SIZE)
        {
          g_autofree char *limit = g_format_size_full (KW_FORMAT_MAX_FIELD_SIZE, G_FORMAT_SIZE_IEC_UNITS);

          loader_fail (self, self->lines[self->depth], KW_FORMAT_ERROR_TOO_LARGE,
                       _("the text in <%s> is longer than the limit of %s"),
                       kw_format_elements[element].name, limit);
          return;
        }
      g_string_append_len (self->text, (const char *) chars, len);
    }
  else if (!kw_format_is_blank ((const char *) chars, (gsize) len))
    {
      if (kw_format_elements[element].content == CONTENT_EMPTY)
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("the <%s> element must be empty, but it contains text"),
                     kw_format_elements[element].name);
      else
        loader_fail (self, loader_line (self), KW_FORMAT_ERROR_INVALID,
                     _("text is not allowed directly inside <%s>"),
                     kw_format_elements[element == EL_NONE ? EL_BOARD : element].name);
    }
}

/* The text of the element just closed, cleaned as the model would clean
 * it; NULL (with the error set) when it is not a valid date. */
static char *
loader_take_text (Loader  *self,
                  Element  element)
{
  Content content = kw_format_elements[element].content;
  const char *text = self->text->str;
  gsize len = self->text->len;

  if (content == CONTENT_DATE)
    {
      Slice date = kw_format_slice_trim ((Slice) { text, len });
      g_autofree char *iso = g_strndup (date.text, date.len);

      if (iso[0] != '\0' && !kw_date_is_valid_iso (iso))
        {
          g_autofree char *quoted = kw_format_slice_quote (date);

          loader_fail (self, self->lines[self->depth], KW_FORMAT_ERROR_INVALID,
                       _("the <%s> date “%s” is not a date like 2027-01-31"),
                       kw_format_elements[element].name, quoted);
          return NULL;
        }

      return g_steal_pointer (&iso);
    }

  if (kw_format_text_is_clean (text, len, content == CONTENT_LINE))
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

  if ((self->seen[self->depth] & ELEMENT_BIT (EL_FINDING_TITLE)) == 0)
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

  if (kw_format_element_has_text (element) && (text = loader_take_text (self, element)) == NULL)
    return;

  if (element == EL_FINDING)
    loader_end_finding (self);
  else if (element == EL_TAG)
    loader_add_tag (self, text);
  else if (kw_snapshot_reader_owns (element))
    loader_end_snapshot_part (self, element, text);
  else if (text != NULL && kw_format_elements[element].parent == EL_BOARD)
    _kw_board_take_text_loading (self->board, kw_format_elements[element].field, text);
  else if (text != NULL)
    _kw_finding_take_text_loading (self->finding, kw_format_elements[element].field, text);

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

/* libxml2 quotes the offending input on a line of its own after some of
 * its messages ("Comment not terminated\n<!--"), and the quote may hold
 * bytes that are not UTF-8: an error is one line of text, so only the
 * message's first line is kept, made valid. */
static char *
xml_message_first_line (const char *xml_message)
{
  const char *text = xml_message != NULL ? xml_message : "";
  g_autofree char *line = g_strndup (text, strcspn (text, "\r\n"));

  return g_strstrip (g_utf8_make_valid (line, -1));
}

static void
loader_fail_not_well_formed (Loader      *self,
                             int          line,
                             const char  *xml_message)
{
  g_autofree char *message = xml_message_first_line (xml_message);

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
    case XML_ERR_COMMENT_NOT_FINISHED:
      /* A comment only goes unfinished at the end of the input. */
      loader_fail_truncated (self, line);
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

KwFormatReader *
kw_format_reader_new (const char *display_name)
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

  KwFormatReader *self = g_new0 (KwFormatReader, 1);

  kw_format_init_libxml ();

  self->display_name = display_name;
  self->text = g_string_sized_new (256);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->stack[0] = EL_NONE;
  kw_format_scan_init (&self->scan);

  self->ctxt = xmlCreatePushParserCtxt (&handler, self, NULL, 0, NULL);
  g_assert (self->ctxt != NULL);

  for (guint i = EL_BOARD; i < N_ELEMENTS; i++)
    self->interned[i] = xmlDictLookup (self->ctxt->dict, BAD_CAST kw_format_elements[i].name, -1);
  self->interned_namespace = xmlDictLookup (self->ctxt->dict, BAD_CAST KW_FORMAT_NAMESPACE, -1);

  /* Never XML_PARSE_NOENT, DTDLOAD, DTDATTR or HUGE: no entity expansion,
   * no DTD loading, and libxml2's own size and depth limits stay on.
   * Boards are UTF-8 whatever their declaration says (IGNORE_ENC), so a
   * Latin-1 file is refused as not UTF-8 instead of quietly converted. */
  xmlCtxtUseOptions (self->ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR |
                                 XML_PARSE_IGNORE_ENC);

  return self;
}

void
kw_format_reader_free (KwFormatReader *self)
{
  g_clear_pointer (&self->ctxt, xmlFreeParserCtxt);
  g_clear_error (&self->error);
  g_clear_object (&self->board);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, kw_snapshot_reader_free);
  g_clear_pointer (&self->estimates, kw_estimate_reader_free);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_free (self);
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

gboolean
kw_format_reader_feed (KwFormatReader *self,
                       const char     *data,
                       gsize           len)
{
  if (self->n_bytes == 0 && len > 0 && !loader_check_not_utf16 (self, data, len))
    return FALSE;

  while (len > 0 && !loader_failed (self))
    {
      int chunk = (int) MIN (len, KW_FORMAT_READ_CHUNK_SIZE);

      if (!self->seen_content)
        self->seen_content = !kw_format_is_blank (data, (gsize) chunk);
      if (!kw_format_scan_feed (&self->scan, data, (gsize) chunk))
        {
          loader_fail (self, self->scan.line, KW_FORMAT_ERROR_TOO_LARGE,
                       _("an element has more than %d attributes"), KW_FORMAT_MAX_ATTRIBUTES_PER_ELEMENT);
          break;
        }
      xmlParseChunk (self->ctxt, data, chunk, 0);
      self->n_bytes += (gsize) chunk;
      data += chunk;
      len -= (gsize) chunk;
    }

  return !loader_failed (self);
}

gsize
kw_format_reader_get_n_bytes (KwFormatReader *self)
{
  return self->n_bytes;
}

KwBoard *
kw_format_reader_finish (KwFormatReader  *self,
                         GError         **error)
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

