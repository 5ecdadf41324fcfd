/* kw-format-snapshots.c: a board's snapshots in the .kwadrant format
 * (version 2 on, see data/FORMAT.md), read and written:
 *
 *   <snapshots>
 *     <snapshot name="2026-11-20 · Klantcontact" taken="2026-11-20T16:02:00Z">
 *       <note>…</note>
 *       <thresholds impact="5.0" effort="5.0" tiny-effort="1.0"/>
 *       <entry id="f-0001" status="open" impact="8.0" effort="2.5">
 *         <title>…</title> <owner>…</owner> <due>…</due> <review>…</review>
 *       </entry>
 *     </snapshot>
 *   </snapshots>
 *
 * The streaming reader (kw-format-reader.c) checks the grammar from the
 * table in kw-format.c and hands every element of these over; what is
 * checked here is what the table cannot say: names unique and not empty,
 * entry ids valid and once per snapshot, impact and effort together, and
 * the bounds that keep a hostile file from making the board huge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <libxml/xmlwriter.h>
#include <string.h>

#include "kw-board.h"
#include "kw-format-private.h"
#include "kw-i18n.h"
#include "kw-snapshot-private.h"
#include "kw-text.h"

#define NAME(element) (kw_format_elements[element].name)
#define ATTRIBUTE(element, index) (kw_format_attributes_of (element)[index])

/* The first format version with snapshots. */
#define SNAPSHOTS_SINCE_VERSION 2

struct _KwSnapshotReader
{
  KwBoard    *board;      /* borrowed: the reader's */
  KwSnapshot *snapshot;   /* being read, owned */
  guint       n_snapshots;
  guint       n_entries;  /* in all snapshots so far */
};

KwSnapshotReader *
kw_snapshot_reader_new (KwBoard *board)
{
  KwSnapshotReader *self = g_new0 (KwSnapshotReader, 1);

  self->board = board;

  return self;
}

void
kw_snapshot_reader_free (KwSnapshotReader *self)
{
  g_clear_object (&self->snapshot);
  g_free (self);
}

gboolean
kw_snapshot_reader_owns (Element element)
{
  return element >= EL_SNAPSHOTS && element <= EL_ENTRY_REVIEW;
}


static gboolean
start_snapshot (KwSnapshotReader  *self,
                const Slice       *values,
                GError           **error)
{
  g_autofree char *raw_name = kw_format_attribute_text (values[ATTR_SNAPSHOT_NAME]);
  g_autofree char *name = kw_text_clean (raw_name, TRUE);
  GDateTime *taken;

  if (self->n_snapshots >= KW_SNAPSHOT_MAX_PER_BOARD)
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_TOO_LARGE,
                           _("the board has more than %d snapshots"), KW_SNAPSHOT_MAX_PER_BOARD);
      return FALSE;
    }
  if (name[0] == '\0')
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID, _("a <snapshot> has an empty name"));
      return FALSE;
    }
  if (kw_board_lookup_snapshot (self->board, name) != NULL)
    {
      g_autofree char *quoted = kw_format_slice_quote ((Slice) { name, strlen (name) });

      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("two snapshots are named “%s”; every snapshot needs its own name"), quoted);
      return FALSE;
    }

  taken = kw_format_read_timestamp (values[ATTR_SNAPSHOT_TAKEN], "taken", error);
  if (taken == NULL)
    return FALSE;

  self->n_snapshots++;
  self->snapshot = _kw_snapshot_new_loading (g_steal_pointer (&name), NULL, taken);

  return TRUE;
}

static gboolean
start_thresholds (KwSnapshotReader  *self,
                  const Slice       *values,
                  GError           **error)
{
  KwThresholds thresholds;

  if (!kw_format_read_thresholds (values, &thresholds, error))
    return FALSE;

  _kw_snapshot_set_thresholds_loading (self->snapshot, &thresholds);

  return TRUE;
}

/* Impact and effort together, or neither: an entry without them was
 * unplaced. */
static gboolean
read_entry_position (const Slice  *values,
                     gboolean     *placed,
                     double       *impact,
                     double       *effort,
                     GError      **error)
{
  gboolean has_impact = values[ATTR_ENTRY_IMPACT].text != NULL;
  gboolean has_effort = values[ATTR_ENTRY_EFFORT].text != NULL;

  *placed = has_impact && has_effort;
  *impact = *effort = 0.0;
  if (has_impact != has_effort)
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("the <entry> element needs both an impact and an effort, or neither"));
      return FALSE;
    }

  return !*placed ||
         (kw_format_read_score (values[ATTR_ENTRY_IMPACT], "impact", impact, error) &&
          kw_format_read_score (values[ATTR_ENTRY_EFFORT], "effort", effort, error));
}

static gboolean
start_entry (KwSnapshotReader  *self,
             const Slice       *values,
             GError           **error)
{
  Slice id_text = kw_format_slice_trim (values[ATTR_ENTRY_ID]);
  g_autofree char *id = g_strndup (id_text.text, id_text.len);
  KwStatus status;
  gboolean placed;
  double impact, effort;

  if (self->n_entries >= KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD)
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_TOO_LARGE,
                           _("the snapshots hold more than %d findings together"), KW_SNAPSHOT_MAX_ENTRIES_PER_BOARD);
      return FALSE;
    }
  /* A finding no longer on the board is fine: it was removed since. */
  if (!kw_finding_id_is_valid (id))
    {
      g_autofree char *quoted = kw_format_slice_quote (id_text);

      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("the snapshot entry id “%s” is not valid: use 1 to 64 letters, digits, dots, dashes or underscores"),
                           quoted);
      return FALSE;
    }
  if (!kw_format_read_status (values[ATTR_ENTRY_STATUS], &status, error) ||
      !read_entry_position (values, &placed, &impact, &effort, error))
    return FALSE;

  if (!_kw_snapshot_add_entry_loading (self->snapshot, id, status, placed, impact, effort))
    {
      const char *name = kw_snapshot_get_name (self->snapshot);
      g_autofree char *quoted = kw_format_slice_quote ((Slice) { name, strlen (name) });

      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("the snapshot “%s” has two entries for the finding “%s”"), quoted, id);
      return FALSE;
    }

  self->n_entries++;

  return TRUE;
}

gboolean
kw_snapshot_reader_start (KwSnapshotReader  *self,
                          Element            element,
                          const Slice       *values,
                          guint              format_version,
                          GError           **error)
{
  switch (element)
    {
    case EL_SNAPSHOTS:           return kw_format_check_since (element, SNAPSHOTS_SINCE_VERSION,
                                                              format_version, error);
    case EL_SNAPSHOT:            return start_snapshot (self, values, error);
    case EL_SNAPSHOT_THRESHOLDS: return start_thresholds (self, values, error);
    case EL_ENTRY:               return start_entry (self, values, error);
    default:                     return TRUE;  /* texts: at their end */
    }
}

static gboolean
end_entry (KwSnapshotReader  *self,
           ElementSet         children,
           GError           **error)
{
  guint n = kw_snapshot_get_n_entries (self->snapshot);

  if ((children & ELEMENT_BIT (EL_ENTRY_TITLE)) != 0)
    return TRUE;

  kw_format_set_error (error, KW_FORMAT_ERROR_INVALID, _("the snapshot entry “%s” has no <title>"),
                       kw_snapshot_get_entry (self->snapshot, n - 1)->id);
  return FALSE;
}

static void
end_snapshot (KwSnapshotReader *self)
{
  g_autoptr(KwSnapshot) snapshot = g_steal_pointer (&self->snapshot);

  /* The name and the bounds were checked when the snapshot started. */
  if (!kw_board_add_snapshot (self->board, snapshot, G_MAXUINT))
    g_assert_not_reached ();
}

gboolean
kw_snapshot_reader_end (KwSnapshotReader  *self,
                        Element            element,
                        ElementSet         children,
                        char              *text,
                        GError           **error)
{
  g_autofree char *owned_text = text;

  switch (element)
    {
    case EL_SNAPSHOT:
      end_snapshot (self);
      return TRUE;
    case EL_SNAPSHOT_NOTE:
      _kw_snapshot_take_note_loading (self->snapshot, g_steal_pointer (&owned_text));
      return TRUE;
    case EL_ENTRY:
      return end_entry (self, children, error);
    case EL_ENTRY_TITLE:
    case EL_ENTRY_OWNER:
    case EL_ENTRY_DUE:
    case EL_ENTRY_REVIEW:
      _kw_snapshot_set_entry_text_loading (self->snapshot, kw_format_elements[element].field, owned_text);
      return TRUE;
    default:
      return TRUE;
    }
}

/* --- Writing ---------------------------------------------------------- */

static gboolean
write_entry (KwXmlWriter            writer,
             const KwSnapshotEntry *entry)
{
  if (xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_ENTRY)) < 0 ||
      !kw_format_write_attribute (writer, ATTRIBUTE (EL_ENTRY, ATTR_ENTRY_ID), entry->id) ||
      !kw_format_write_attribute (writer, ATTRIBUTE (EL_ENTRY, ATTR_ENTRY_STATUS), kw_status_to_id (entry->status)))
    return FALSE;

  if (entry->placed &&
      (!kw_format_write_score_attribute (writer, ATTRIBUTE (EL_ENTRY, ATTR_ENTRY_IMPACT), entry->impact) ||
       !kw_format_write_score_attribute (writer, ATTRIBUTE (EL_ENTRY, ATTR_ENTRY_EFFORT), entry->effort)))
    return FALSE;

  /* The title always, like a finding's; the rest when not empty. */
  return kw_format_write_text_element (writer, NAME (EL_ENTRY_TITLE), entry->title) &&
         kw_format_write_optional_text_element (writer, NAME (EL_ENTRY_OWNER), entry->owner) &&
         kw_format_write_optional_text_element (writer, NAME (EL_ENTRY_DUE), entry->due) &&
         kw_format_write_optional_text_element (writer, NAME (EL_ENTRY_REVIEW), entry->review) &&
         xmlTextWriterEndElement (writer) >= 0;
}

static gboolean
write_snapshot (KwXmlWriter  writer,
                KwSnapshot  *snapshot)
{
  KwThresholds thresholds;
  guint n = kw_snapshot_get_n_entries (snapshot);

  kw_snapshot_get_thresholds (snapshot, &thresholds);

  if (xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_SNAPSHOT)) < 0 ||
      !kw_format_write_attribute (writer, ATTRIBUTE (EL_SNAPSHOT, ATTR_SNAPSHOT_NAME),
                                  kw_snapshot_get_name (snapshot)) ||
      !kw_format_write_timestamp_attribute (writer, ATTRIBUTE (EL_SNAPSHOT, ATTR_SNAPSHOT_TAKEN),
                                            kw_snapshot_get_taken (snapshot)) ||
      !kw_format_write_optional_text_element (writer, NAME (EL_SNAPSHOT_NOTE), kw_snapshot_get_note (snapshot)) ||
      !kw_format_write_thresholds (writer, EL_SNAPSHOT_THRESHOLDS, &thresholds))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (!write_entry (writer, kw_snapshot_get_entry (snapshot, i)))
        return FALSE;
    }

  return xmlTextWriterEndElement (writer) >= 0;
}

gboolean
kw_format_write_snapshots (KwXmlWriter  writer,
                           KwBoard     *board)
{
  GListModel *snapshots = kw_board_get_snapshots (board);
  guint n = g_list_model_get_n_items (snapshots);

  /* Empty is absent: a board without snapshots has no <snapshots>. */
  if (n == 0)
    return TRUE;

  if (xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_SNAPSHOTS)) < 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (snapshots, i);

      if (!write_snapshot (writer, snapshot))
        return FALSE;
    }

  return xmlTextWriterEndElement (writer) >= 0;
}
