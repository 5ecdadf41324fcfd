/* kw-format-writer.c: writing a board as .kwadrant XML (see
 * data/FORMAT.md), into memory, through libxml2's xmlTextWriter, so user
 * text is escaped by construction. Every element and attribute name comes
 * from the table the reader uses (kw-format.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <libxml/xmlwriter.h>

#include "kw-follow-up.h"
#include "kw-format-private.h"
#include "kw-i18n.h"
#include "kw-text.h"

#define NAME(element) (kw_format_elements[element].name)
#define ATTRIBUTE(element, index) (kw_format_attributes_of (element)[index])


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

gboolean
kw_format_write_text_element (xmlTextWriterPtr  writer,
                              const char       *name,
                              const char       *text)
{
  return xmlTextWriterWriteElement (writer, BAD_CAST name, BAD_CAST text) >= 0;
}

/* Optional fields are left out when empty: reading an absent element
 * gives the same empty value back. */
gboolean
kw_format_write_optional_text_element (xmlTextWriterPtr  writer,
                                       const char       *name,
                                       const char       *text)
{
  return text == NULL || text[0] == '\0' || kw_format_write_text_element (writer, name, text);
}

gboolean
kw_format_write_attribute (xmlTextWriterPtr  writer,
                           const char       *name,
                           const char       *value)
{
  return xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST value) >= 0;
}

/* The title is always written, even empty; the other texts are left out
 * when empty: reading an absent element gives the same empty value back. */
static gboolean
write_field (xmlTextWriterPtr  writer,
             Element           element,
             const char       *text)
{
  if (element == EL_BOARD_TITLE || element == EL_FINDING_TITLE)
    return kw_format_write_text_element (writer, NAME (element), text);

  return kw_format_write_optional_text_element (writer, NAME (element), text);
}

/* The element's field of the table says which text it holds. */
static gboolean
write_board_text (xmlTextWriterPtr  writer,
                  Element           element,
                  KwBoard          *board)
{
  return write_field (writer, element, kw_board_get_text (board, kw_format_elements[element].field));
}

static gboolean
write_finding_text (xmlTextWriterPtr  writer,
                    Element           element,
                    KwFinding        *finding)
{
  return write_field (writer, element, kw_finding_get_text (finding, kw_format_elements[element].field));
}

/* Integer arithmetic only, so no locale can turn the point into a comma. */
gboolean
kw_format_write_score_attribute (xmlTextWriterPtr  writer,
                                 const char       *name,
                                 double            score)
{
  int tenths = (int) (kw_score_normalize (score) * 10.0 + 0.5);
  char buffer[8];

  g_snprintf (buffer, sizeof buffer, "%d.%d", tenths / 10, tenths % 10);

  return kw_format_write_attribute (writer, name, buffer);
}

gboolean
kw_format_write_timestamp_attribute (xmlTextWriterPtr  writer,
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

  return kw_format_write_attribute (writer, name, buffer);
}

static gboolean
write_tags (xmlTextWriterPtr  writer,
            KwFinding        *finding)
{
  const char * const *tags = kw_finding_get_tags (finding);

  if (tags == NULL || tags[0] == NULL)
    return TRUE;

  if (xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_TAGS)) < 0)
    return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!kw_format_write_text_element (writer, NAME (EL_TAG), tags[i]))
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

  return xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_POSITION)) >= 0 &&
         kw_format_write_score_attribute (writer, ATTRIBUTE (EL_POSITION, ATTR_POSITION_IMPACT),
                                          kw_finding_get_impact (finding)) &&
         kw_format_write_score_attribute (writer, ATTRIBUTE (EL_POSITION, ATTR_POSITION_EFFORT),
                                          kw_finding_get_effort (finding)) &&
         xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_finding (xmlTextWriterPtr  writer,
               KwFinding        *finding,
               GHashTable       *participant_positions)
{
  return xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_FINDING)) >= 0 &&
         kw_format_write_attribute (writer, ATTRIBUTE (EL_FINDING, ATTR_ID), kw_finding_get_id (finding)) &&
         kw_format_write_attribute (writer, ATTRIBUTE (EL_FINDING, ATTR_STATUS),
                                    kw_status_to_id (kw_finding_get_status (finding))) &&
         kw_format_write_timestamp_attribute (writer, ATTRIBUTE (EL_FINDING, ATTR_CREATED),
                                              kw_finding_get_created (finding)) &&
         kw_format_write_timestamp_attribute (writer, ATTRIBUTE (EL_FINDING, ATTR_MODIFIED),
                                              kw_finding_get_modified (finding)) &&
         write_finding_text (writer, EL_FINDING_TITLE, finding) &&
         write_finding_text (writer, EL_DESCRIPTION, finding) &&
         write_position (writer, finding) &&
         write_finding_text (writer, EL_OWNER, finding) &&
         write_finding_text (writer, EL_DUE, finding) &&
         write_finding_text (writer, EL_REVIEW, finding) &&
         write_finding_text (writer, EL_SOURCE, finding) &&
         write_finding_text (writer, EL_DROP_REASON, finding) &&
         write_tags (writer, finding) &&
         kw_format_write_estimates (writer, finding, participant_positions) &&
         xmlTextWriterEndElement (writer) >= 0;
}

/* The board's <thresholds> or a snapshot's, by element. */
gboolean
kw_format_write_thresholds (xmlTextWriterPtr    writer,
                            Element             element,
                            const KwThresholds *thresholds)
{
  return xmlTextWriterStartElement (writer, BAD_CAST NAME (element)) >= 0 &&
         kw_format_write_score_attribute (writer, ATTRIBUTE (element, ATTR_LINE_IMPACT), thresholds->impact) &&
         kw_format_write_score_attribute (writer, ATTRIBUTE (element, ATTR_LINE_EFFORT), thresholds->effort) &&
         kw_format_write_score_attribute (writer, ATTRIBUTE (element, ATTR_LINE_TINY_EFFORT),
                                          thresholds->tiny_effort) &&
         xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_thresholds (xmlTextWriterPtr  writer,
                  KwBoard          *board)
{
  KwThresholds thresholds;

  kw_board_get_thresholds (board, &thresholds);

  return kw_format_write_thresholds (writer, EL_THRESHOLDS, &thresholds);
}

/* Left out at the default: a board that never changed it is written as
 * before the setting existed. */
static gboolean
write_review_interval (xmlTextWriterPtr  writer,
                       KwBoard          *board)
{
  guint months = kw_board_get_review_interval (board);
  char text[16];

  if (months == KW_REVIEW_INTERVAL_DEFAULT)
    return TRUE;

  g_snprintf (text, sizeof text, "%u", months);

  return xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_REVIEW_INTERVAL)) >= 0 &&
         kw_format_write_attribute (writer, ATTRIBUTE (EL_REVIEW_INTERVAL, ATTR_REVIEW_MONTHS), text) &&
         xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_findings (xmlTextWriterPtr  writer,
                KwBoard          *board)
{
  g_autoptr(GHashTable) participant_positions = kw_format_participant_positions (board);
  guint n = kw_board_get_n_findings (board);

  if (xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_FINDINGS)) < 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!write_finding (writer, kw_board_get_finding (board, i), participant_positions))
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
         xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_BOARD)) >= 0 &&
         /* Declared by hand so it comes first, as in every example. */
         kw_format_write_attribute (writer, "xmlns", KW_FORMAT_NAMESPACE) &&
         kw_format_write_attribute (writer, ATTRIBUTE (EL_BOARD, ATTR_FORMAT_VERSION), version) &&
         write_board_text (writer, EL_BOARD_TITLE, board) &&
         write_board_text (writer, EL_ORGANISATION, board) &&
         write_board_text (writer, EL_FACILITATOR, board) &&
         write_board_text (writer, EL_WORKSHOP_DATE, board) &&
         write_board_text (writer, EL_NOTES, board) &&
         write_thresholds (writer, board) &&
         write_review_interval (writer, board) &&
         /* Before the findings, so a reader checks each estimate as it
          * reads it. */
         kw_format_write_participants (writer, board) &&
         write_findings (writer, board) &&
         kw_format_write_snapshots (writer, board) &&
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

  /* Written as this version, the parts of the newer format that this version
   * skipped when reading would be lost without a word. */
  if (kw_board_is_from_newer_format (board))
    {
      g_set_error (error, KW_FORMAT_ERROR, KW_FORMAT_ERROR_NEWER_VERSION,
                   _("This board was made with a newer version of Kwadrant (format version %u), "
                     "so this version can show it but not save it. Export it, or update Kwadrant."),
                   kw_board_get_format_version (board));
      return NULL;
    }

  kw_format_init_libxml ();

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

