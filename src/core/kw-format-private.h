/* kw-format-private.h: what the reader, the writer and the file API of the
 * .kwadrant format share: the one table of element and attribute names,
 * the syntax of values, and the streaming reader's entry points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-format.h"

G_BEGIN_DECLS

/* Files are fed to the reader in pieces this big: measured, larger pieces
 * do not load faster, they only take more memory. */
#define KW_FORMAT_READ_CHUNK_SIZE (64 * 1024)

/* ---- The grammar: every element and attribute, named once --------------- */

typedef enum {
  EL_NONE,          /* outside the root element */
  EL_BOARD,
  EL_BOARD_TITLE,
  EL_ORGANISATION,
  EL_FACILITATOR,
  EL_WORKSHOP_DATE,
  EL_NOTES,
  EL_THRESHOLDS,
  EL_REVIEW_INTERVAL,  /* new in version 2 */
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

/* Indexed by Element: names, parents, content, fields. */
extern const ElementInfo kw_format_elements[N_ELEMENTS];

/* The attributes each element has; all are required but the status. */
#define MAX_ATTRIBUTES 4

enum { ATTR_FORMAT_VERSION = 0 };
enum { ATTR_LINE_IMPACT = 0, ATTR_LINE_EFFORT, ATTR_LINE_TINY_EFFORT };
enum { ATTR_ID = 0, ATTR_STATUS, ATTR_CREATED, ATTR_MODIFIED };
enum { ATTR_POSITION_IMPACT = 0, ATTR_POSITION_EFFORT };
enum { ATTR_REVIEW_MONTHS = 0 };

/* The attributes of element, NULL-terminated, in the order of its ATTR_*
 * indices. */
const char * const *kw_format_attributes_of          (Element element);
gboolean            kw_format_attribute_is_optional  (Element element,
                                                      guint   index);

/* xmlInitParser() once, from whichever thread comes first. */
void                kw_format_init_libxml            (void);

/* A view into the parser's buffers, valid during one callback only. */
typedef struct {
  const char *text;
  gsize       len;
} Slice;

/* ---- Values (kw-format.c) ------------------------------------------------ */

gboolean   kw_format_is_blank        (const char *text,
                                      gsize       len);
Slice      kw_format_slice_trim      (Slice       value);
char      *kw_format_slice_quote     (Slice       value);
gboolean   kw_format_parse_score     (Slice       value,
                                      double     *score);
GDateTime *kw_format_parse_timestamp (Slice       value);
gboolean   kw_format_text_is_clean   (const char *text,
                                      gsize       len,
                                      gboolean    single_line);
/* A format-version: digits only, at most G_MAXINT; 0 is a number here
 * (the caller says it is no version). FALSE when it is no whole number. */
gboolean   kw_format_parse_version   (Slice       value,
                                      guint      *version);

/* ---- The streaming reader (kw-format-reader.c) ---------------------------- */

typedef struct _KwFormatReader KwFormatReader;

/* display_name names the file in errors; it must outlive the reader. */
KwFormatReader *kw_format_reader_new         (const char      *display_name);
/* Parses the next piece of the file; FALSE once the file is known to be
 * bad (kw_format_reader_finish() then says why). */
gboolean        kw_format_reader_feed        (KwFormatReader  *self,
                                              const char      *data,
                                              gsize            len);
gsize           kw_format_reader_get_n_bytes (KwFormatReader  *self);
/* The board, once all input is in, or the first error. */
KwBoard        *kw_format_reader_finish      (KwFormatReader  *self,
                                              GError         **error);
void            kw_format_reader_free        (KwFormatReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwFormatReader, kw_format_reader_free)

G_END_DECLS
