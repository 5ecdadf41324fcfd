/* kw-catalog.c
 *
 * The GNU .mo layout: a header of 32-bit words (magic, revision, number of
 * strings N, offset of the table of originals, offset of the table of
 * translations, then a hash table this reader does not need). Each table
 * holds N (length, offset) pairs; the originals are sorted by strcmp(), so
 * a lookup is a binary search. Every offset and length is checked against
 * the file's size before it is used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-catalog"

#include "config.h"

#include <string.h>

#include "kw-i18n.h"
#include "kw-catalog.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U
#define MO_HEADER_WORDS  5

struct _KwCatalog
{
  GMappedFile *file;
  const char  *data;
  gsize        size;
  gboolean     swapped;
  guint32      n_strings;
  guint32      originals;     /* offset of the table of originals */
  guint32      translations;  /* offset of the table of translations */
};

static guint32
read_word (const KwCatalog *self,
           gsize            offset)
{
  guint32 word;

  memcpy (&word, self->data + offset, sizeof word);
  return self->swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The string of entry i of the table at table_offset, or NULL when the
 * entry points outside the file or its string is not NUL-terminated. */
static const char *
table_string (const KwCatalog *self,
              guint32          table_offset,
              guint32          i)
{
  gsize entry = (gsize) table_offset + (gsize) i * 8;
  guint32 length = read_word (self, entry);
  guint32 offset = read_word (self, entry + 4);

  if ((gsize) offset + length >= self->size || self->data[offset + length] != '\0')
    return NULL;

  return self->data + offset;
}

static gboolean
table_fits (const KwCatalog *self,
            guint32          table_offset)
{
  return (gsize) table_offset + (gsize) self->n_strings * 8 <= self->size;
}

static gboolean
parse_header (KwCatalog   *self,
              const char  *path,
              GError     **error)
{
  guint32 magic;

  if (self->size < MO_HEADER_WORDS * 4)
    goto not_a_catalog;

  memcpy (&magic, self->data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto not_a_catalog;

  self->swapped = magic == MO_MAGIC_SWAPPED;
  self->n_strings = read_word (self, 8);
  self->originals = read_word (self, 12);
  self->translations = read_word (self, 16);
  if (!table_fits (self, self->originals) || !table_fits (self, self->translations))
    goto not_a_catalog;

  return TRUE;

not_a_catalog:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("%s is not a compiled translation catalog."), path);
  return FALSE;
}

KwCatalog *
kw_catalog_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(KwCatalog) self = g_new0 (KwCatalog, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->file = g_mapped_file_new (path, FALSE, error);
  if (self->file == NULL)
    return NULL;

  self->data = g_mapped_file_get_contents (self->file);
  self->size = g_mapped_file_get_length (self->file);
  if (!parse_header (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The index of msgid's entry, or -1. An entry with plural forms has
 * "singular\0plural" as its original: strcmp() stops at the singular. */
static gint64
find_entry (KwCatalog  *self,
            const char *msgid)
{
  guint32 low = 0;
  guint32 high;

  high = self->n_strings;
  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      const char *original = table_string (self, self->originals, middle);
      int order;

      if (original == NULL)
        return -1;

      order = strcmp (msgid, original);
      if (order == 0)
        return middle;
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }

  return -1;
}

const char *
kw_catalog_lookup (KwCatalog  *self,
                   const char *msgid)
{
  gint64 entry;
  const char *translation;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  entry = find_entry (self, msgid);
  if (entry < 0)
    return NULL;

  translation = table_string (self, self->translations, (guint32) entry);

  /* An empty translation means "not translated". */
  return translation != NULL && translation[0] != '\0' ? translation : NULL;
}

const char *
kw_catalog_lookup_plural (KwCatalog  *self,
                          const char *msgid,
                          gulong      n)
{
  gint64 entry;
  const char *form;
  const char *end;
  guint32 length;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  entry = find_entry (self, msgid);
  if (entry < 0 || table_string (self, self->translations, (guint32) entry) == NULL)
    return NULL;

  /* table_string() has checked that the forms lie inside the file. */
  length = read_word (self, (gsize) self->translations + (gsize) entry * 8);
  form = self->data + read_word (self, (gsize) self->translations + (gsize) entry * 8 + 4);
  end = form + length;

  if (n != 1)
    {
      form = memchr (form, '\0', (gsize) (end - form));
      if (form == NULL || form + 1 >= end)
        return NULL;
      form++;
    }

  return form[0] != '\0' ? form : NULL;
}

void
kw_catalog_free (KwCatalog *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self);
}
