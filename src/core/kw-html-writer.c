/* kw-html-writer.c: see kw-html-writer.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-html-writer"

#include "config.h"

#include "kw-html-writer.h"

#include "kw-export-svg.h"
#include "kw-text.h"

void
kw_html_writer_check (KwHtmlWriter *self,
                      int           result)
{
  if (result < 0)
    self->failed = TRUE;
}

void
kw_html_writer_start (KwHtmlWriter *self,
                      const char   *name)
{
  kw_html_writer_check (self, xmlTextWriterStartElement (self->writer, BAD_CAST name));
}

void
kw_html_writer_start_with_class (KwHtmlWriter *self,
                                 const char   *name,
                                 const char   *class_name)
{
  kw_html_writer_start (self, name);
  kw_html_writer_check (self, xmlTextWriterWriteAttribute (self->writer, BAD_CAST "class",
                                                           BAD_CAST class_name));
}

void
kw_html_writer_end (KwHtmlWriter *self)
{
  kw_html_writer_check (self, xmlTextWriterFullEndElement (self->writer));
}

void
kw_html_writer_end_void (KwHtmlWriter *self)
{
  kw_html_writer_check (self, xmlTextWriterEndElement (self->writer));
}

void
kw_html_writer_attribute (KwHtmlWriter *self,
                          const char   *name,
                          const char   *value)
{
  g_autofree char *clean = NULL;

  if (!kw_text_is_clean (value, TRUE))
    value = clean = kw_text_clean (value, TRUE);
  kw_html_writer_check (self, xmlTextWriterWriteAttribute (self->writer, BAD_CAST name, BAD_CAST value));
}

void
kw_html_writer_text (KwHtmlWriter *self,
                     const char   *content)
{
  if (!kw_export_svg_write_text (self->writer, content))
    self->failed = TRUE;
}

void
kw_html_writer_element (KwHtmlWriter *self,
                        const char   *name,
                        const char   *class_name,
                        const char   *content)
{
  if (class_name != NULL)
    kw_html_writer_start_with_class (self, name, class_name);
  else
    kw_html_writer_start (self, name);
  kw_html_writer_text (self, content);
  kw_html_writer_end (self);
}

void
kw_html_writer_raw (KwHtmlWriter *self,
                    const char   *markup)
{
  kw_html_writer_check (self, xmlTextWriterWriteRaw (self->writer, BAD_CAST markup));
}
