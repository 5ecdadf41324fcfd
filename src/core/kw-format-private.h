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
  EL_SNAPSHOTS,     /* format version 2 on, kw-format-snapshots.c */
  EL_SNAPSHOT,
  EL_SNAPSHOT_NOTE,
  EL_SNAPSHOT_THRESHOLDS,
  EL_ENTRY,
  EL_ENTRY_TITLE,
  EL_ENTRY_OWNER,
  EL_ENTRY_DUE,
  EL_ENTRY_REVIEW,
  EL_PARTICIPANTS,  /* format version 3 on, kw-format-estimates.c */
  EL_PARTICIPANT,
  EL_ESTIMATES,
  EL_ESTIMATE,
  N_ELEMENTS
} Element;

/* The reader keeps a bit per element it has met among an element's
 * children. */
typedef guint64 ElementSet;
#define ELEMENT_BIT(element) (G_GUINT64_CONSTANT (1) << (element))
G_STATIC_ASSERT (N_ELEMENTS <= 64);

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
  int         field;      /* KwBoardText or KwFindingText (also for an
                           * <entry>'s texts), after the parent */
  gboolean    repeatable;
} ElementInfo;

/* Indexed by Element: names, parents, content, fields. */
extern const ElementInfo kw_format_elements[N_ELEMENTS];

/* The attributes each element has; all are required but the status and
 * an <entry>'s impact and effort. */
#define MAX_ATTRIBUTES 4

enum { ATTR_FORMAT_VERSION = 0 };
enum { ATTR_LINE_IMPACT = 0, ATTR_LINE_EFFORT, ATTR_LINE_TINY_EFFORT };  /* both <thresholds> */
enum { ATTR_ID = 0, ATTR_STATUS, ATTR_CREATED, ATTR_MODIFIED };
enum { ATTR_POSITION_IMPACT = 0, ATTR_POSITION_EFFORT };
enum { ATTR_REVIEW_MONTHS = 0 };
enum { ATTR_SNAPSHOT_NAME = 0, ATTR_SNAPSHOT_TAKEN };
enum { ATTR_ENTRY_ID = 0, ATTR_ENTRY_STATUS, ATTR_ENTRY_IMPACT, ATTR_ENTRY_EFFORT };
enum { ATTR_PARTICIPANT_ID = 0, ATTR_PARTICIPANT_NAME, ATTR_PARTICIPANT_TEAM };
enum { ATTR_ESTIMATE_PARTICIPANT = 0, ATTR_ESTIMATE_IMPACT, ATTR_ESTIMATE_EFFORT, ATTR_ESTIMATE_NO_IDEA };

/* Whether the element holds text (a line, lines or a date). */
gboolean            kw_format_element_has_text       (Element     element);
/* The element of the format called name inside parent, or EL_NONE. */
Element             kw_format_lookup_child           (Element     parent,
                                                      const char *name);

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
/* The text of a free-text attribute value. Without entity replacement
 * (which the reader never turns on) libxml2 hands "&amp;" in an attribute
 * over as "&#38;", every other reference replaced. */
char      *kw_format_attribute_text  (Slice       value);
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

/* Sets an error of the format, without the file and line (the reader
 * adds them). */
void       kw_format_set_error       (GError       **error,
                                      KwFormatError  code,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (3, 4);

/* The same, with the format's error for a value that is wrong (code
 * KW_FORMAT_ERROR_INVALID, the message without the file and line, which
 * the reader adds). what names the value in the message: "impact". */
gboolean   kw_format_read_score      (Slice          value,
                                      const char    *what,
                                      double        *score,
                                      GError       **error);
GDateTime *kw_format_read_timestamp  (Slice          value,
                                      const char    *what,
                                      GError       **error);
/* An absent value (text NULL) is KW_STATUS_OPEN. */
gboolean   kw_format_read_status     (Slice          value,
                                      KwStatus      *status,
                                      GError       **error);
/* The impact, effort and tiny-effort attributes of a <thresholds>. */
gboolean   kw_format_read_thresholds (const Slice   *values,
                                      KwThresholds  *thresholds,
                                      GError       **error);
/* The months of a <review-interval>, which the board's format_version
 * must have. */
gboolean   kw_format_read_review_interval (const Slice  *values,
                                           guint         format_version,
                                           guint        *months,
                                           GError      **error);
/* Whether an element new in since_version may be in a board of
 * format_version; the error says it is not. */
gboolean   kw_format_check_since     (Element        element,
                                      guint          since_version,
                                      guint          format_version,
                                      GError       **error);

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

/* ---- Writing (kw-format-writer.c) ---------------------------------------- */

typedef struct _xmlTextWriter *KwXmlWriter;

gboolean kw_format_write_text_element          (KwXmlWriter  writer,
                                                const char  *name,
                                                const char  *text);
/* Leaves the element out when text is empty. */
gboolean kw_format_write_optional_text_element (KwXmlWriter  writer,
                                                const char  *name,
                                                const char  *text);
gboolean kw_format_write_attribute             (KwXmlWriter  writer,
                                                const char  *name,
                                                const char  *value);
gboolean kw_format_write_score_attribute       (KwXmlWriter  writer,
                                                const char  *name,
                                                double       score);
gboolean kw_format_write_timestamp_attribute   (KwXmlWriter  writer,
                                                const char  *name,
                                                GDateTime   *timestamp);
gboolean kw_format_write_thresholds            (KwXmlWriter         writer,
                                                Element             element,
                                                const KwThresholds *thresholds);

/* ---- Snapshots (kw-format-snapshots.c) ------------------------------------ */

/* The reader's part for <snapshots> and everything inside: the streaming
 * reader checks the grammar (which element where, attributes present,
 * text cleaned, dates valid) and hands each element of these over. */
typedef struct _KwSnapshotReader KwSnapshotReader;

KwSnapshotReader *kw_snapshot_reader_new    (KwBoard           *board);
void              kw_snapshot_reader_free   (KwSnapshotReader  *self);
gboolean          kw_snapshot_reader_owns   (Element            element);
/* values as the element's attributes, in the order of its ATTR_* indices
 * (absent ones with text NULL); format_version is the file's. */
gboolean          kw_snapshot_reader_start  (KwSnapshotReader  *self,
                                             Element            element,
                                             const Slice       *values,
                                             guint              format_version,
                                             GError           **error);
/* children: a bit per kind of child element met. Takes text (the text
 * element's cleaned text, NULL for the others). */
gboolean          kw_snapshot_reader_end    (KwSnapshotReader  *self,
                                             Element            element,
                                             ElementSet         children,
                                             char              *text,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwSnapshotReader, kw_snapshot_reader_free)

/* Writes the board's <snapshots>, or nothing when it has none. */
gboolean          kw_format_write_snapshots (KwXmlWriter        writer,
                                             KwBoard           *board);

/* ---- Participants and estimates (kw-format-estimates.c) ------------------- */

/* The reader's part for <participants> and <estimates> and what is
 * inside them, as for snapshots. It keeps what checking every estimate
 * against the board's participants needs, so a board loads in time
 * linear in its estimates. */
typedef struct _KwEstimateReader KwEstimateReader;

KwEstimateReader *kw_estimate_reader_new    (KwBoard           *board);
void              kw_estimate_reader_free   (KwEstimateReader  *self);
gboolean          kw_estimate_reader_owns   (Element            element);
/* As kw_snapshot_reader_start(); finding is the finding being read (for
 * <estimates> and <estimate>), siblings the bits of the elements met
 * before this one inside its parent. */
gboolean          kw_estimate_reader_start  (KwEstimateReader  *self,
                                             Element            element,
                                             const Slice       *values,
                                             guint              format_version,
                                             KwFinding         *finding,
                                             ElementSet         siblings,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwEstimateReader, kw_estimate_reader_free)

/* Writes the board's <participants>, or nothing when it has none. */
gboolean          kw_format_write_participants (KwXmlWriter     writer,
                                                KwBoard        *board);
/* The position of each participant of the board by id, for writing
 * estimates in the board's order: the keys are the participants' own. */
GHashTable       *kw_format_participant_positions (KwBoard      *board);
/* Writes the finding's <estimates> in the order of positions, or nothing
 * when it has none. */
gboolean          kw_format_write_estimates    (KwXmlWriter     writer,
                                                KwFinding      *finding,
                                                GHashTable     *positions);

G_END_DECLS
