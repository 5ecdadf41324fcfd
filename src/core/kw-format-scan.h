/* kw-format-scan.h: counting attributes per start tag ahead of the
 * parser, for the format reader only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* No element of any format version needs more than a few. */
#define KW_FORMAT_MAX_ATTRIBUTES_PER_ELEMENT 256

typedef enum {
  KW_FORMAT_SCAN_TEXT,
  KW_FORMAT_SCAN_TAG_START,
  KW_FORMAT_SCAN_MARKUP,
  KW_FORMAT_SCAN_TAG,
  KW_FORMAT_SCAN_VALUE,
} KwFormatScanState;

/* Kept across chunks: a tag may be cut anywhere between two. */
typedef struct
{
  KwFormatScanState state;
  char              quote;       /* that opened the value being passed */
  guint             attributes;  /* in the tag being read */
  int               line;        /* of the byte being read */
} KwFormatScan;

void     kw_format_scan_init (KwFormatScan *self);
gboolean kw_format_scan_feed (KwFormatScan *self,
                              const char   *data,
                              gsize         len);

G_END_DECLS
