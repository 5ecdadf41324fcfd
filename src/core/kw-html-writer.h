/* kw-html-writer.h: writing HTML with libxml2's text writer, for the HTML
 * plan and the pages phones vote on. User text goes in only through
 * kw_html_writer_text() and kw_html_writer_attribute(), which clean it of
 * control characters and escape it: nothing a user typed can become
 * markup. A write that fails sets failed; check it once at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/xmlwriter.h>

G_BEGIN_DECLS

typedef struct {
  xmlTextWriterPtr writer;
  gboolean         failed;
} KwHtmlWriter;

void kw_html_writer_check            (KwHtmlWriter *self,
                                      int           result);
void kw_html_writer_start            (KwHtmlWriter *self,
                                      const char   *name);
void kw_html_writer_start_with_class (KwHtmlWriter *self,
                                      const char   *name,
                                      const char   *class_name);
/* Always "</p>", never "<p/>": HTML reads the latter as an open tag. */
void kw_html_writer_end              (KwHtmlWriter *self);
/* For the void elements (meta, input, link): "<meta …/>" is valid HTML5. */
void kw_html_writer_end_void         (KwHtmlWriter *self);
void kw_html_writer_attribute        (KwHtmlWriter *self,
                                      const char   *name,
                                      const char   *value);
void kw_html_writer_text             (KwHtmlWriter *self,
                                      const char   *content);
/* <name class="class_name">content</name>; class_name may be NULL. */
void kw_html_writer_element          (KwHtmlWriter *self,
                                      const char   *name,
                                      const char   *class_name,
                                      const char   *content);
/* Constant text of ours only (a style sheet): written as it is. */
void kw_html_writer_raw              (KwHtmlWriter *self,
                                      const char   *markup);

G_END_DECLS
