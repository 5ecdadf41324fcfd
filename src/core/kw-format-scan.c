/* kw-format-scan.c: the scan of a board's bytes ahead of the parser.
 *
 * libxml2 compares each attribute of a start tag with all the ones before
 * it, so thousands of attributes on one element take seconds: the reader
 * (kw-format-reader.c) counts them here, in each chunk before libxml2
 * sees it, and refuses the file at the first tag with too many.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <string.h>

#include "kw-format-scan.h"

void
kw_format_scan_init (KwFormatScan *self)
{
  *self = (KwFormatScan) { .state = KW_FORMAT_SCAN_TEXT, .line = 1 };
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
skip_to (KwFormatScan *self,
         const char   *data,
         gsize         i,
         gsize         len,
         char          wanted)
{
  const char *found = memchr (data + i, wanted, len - i);
  gsize end = found != NULL ? (gsize) (found - data) : len;

  self->line += count_newlines (data + i, end - i);

  return end;
}

/* Counts the quoted values in each start tag, one per attribute: FALSE
 * at a tag with too many, self->line where it is. Comments, CDATA and
 * processing instructions are passed over up to their first '>', which
 * can only make the count err on the side of a fake tag inside them. */
gboolean
kw_format_scan_feed (KwFormatScan *self,
                     const char   *data,
                     gsize         len)
{
  gsize i = 0;

  while (i < len)
    {
      char c;

      switch (self->state)
        {
        case KW_FORMAT_SCAN_TEXT:
          if ((i = skip_to (self, data, i, len, '<')) < len)
            self->state = KW_FORMAT_SCAN_TAG_START;
          break;
        case KW_FORMAT_SCAN_MARKUP:
          if ((i = skip_to (self, data, i, len, '>')) < len)
            self->state = KW_FORMAT_SCAN_TEXT;
          break;
        case KW_FORMAT_SCAN_VALUE:
          if ((i = skip_to (self, data, i, len, self->quote)) < len)
            self->state = KW_FORMAT_SCAN_TAG;
          break;
        case KW_FORMAT_SCAN_TAG_START:
          c = data[i];
          if (c == '\n')
            self->line++;
          self->state = (c == '!' || c == '?' || c == '/') ? KW_FORMAT_SCAN_MARKUP : KW_FORMAT_SCAN_TAG;
          self->attributes = 0;
          break;
        case KW_FORMAT_SCAN_TAG:
          c = data[i];
          if (c == '\n')
            self->line++;
          if (c == '>')
            {
              self->state = KW_FORMAT_SCAN_TEXT;
            }
          else if (c == '"' || c == '\'')
            {
              self->state = KW_FORMAT_SCAN_VALUE;
              self->quote = c;
              if (++self->attributes > KW_FORMAT_MAX_ATTRIBUTES_PER_ELEMENT)
                return FALSE;
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
