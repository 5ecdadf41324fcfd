/* kw-format-estimates.c: a board's participants and their estimates in
 * the .kwadrant format (version 3 on, see data/FORMAT.md), read and
 * written:
 *
 *   <participants>
 *     <participant id="p1" name="Anna" team="Team Zorg"/>
 *     <participant id="p2" name="Sem"/>
 *   </participants>
 *   <findings>
 *     <finding …>
 *       …
 *       <estimates>
 *         <estimate participant="p1" impact="7.0" effort="3.0"/>
 *         <estimate participant="p2" no-idea="true"/>
 *       </estimates>
 *     </finding>
 *   </findings>
 *
 * The streaming reader (kw-format-reader.c) checks the grammar from the
 * table in kw-format.c and hands every element of these over; what is
 * checked here is what the table cannot say: ids valid and unique, names
 * valid and unique without case, at most KW_PARTICIPANT_LIST_MAX
 * participants, and every estimate of a participant the board has, once
 * per finding, with both scores or "no idea". The participants come
 * before the findings, so each estimate is checked as it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-format"

#include "config.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "kw-board.h"
#include "kw-finding-private.h"
#include "kw-format-private.h"
#include "kw-i18n.h"
#include "kw-participant-list.h"
#include "kw-text.h"

#define NAME(element) (kw_format_elements[element].name)
#define ATTRIBUTE(element, index) (kw_format_attributes_of (element)[index])

/* The first format version with participants and estimates. */
#define ESTIMATES_SINCE_VERSION 3

/* The one value of no-idea: an estimate with scores leaves it out. */
#define NO_IDEA_TRUE "true"

struct _KwEstimateReader
{
  KwBoard    *board;         /* borrowed: the reader's */
  /* Participant id (the participant's own string) -> position + 1. */
  GHashTable *positions;
  /* Per participant, the number of the last <estimates> that had one of
   * theirs: a repeat within one finding is found without a search. */
  guint      *last_estimates;
  guint       n_estimates_elements;
};

KwEstimateReader *
kw_estimate_reader_new (KwBoard *board)
{
  KwEstimateReader *self = g_new0 (KwEstimateReader, 1);

  self->board = board;
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
  self->last_estimates = g_new0 (guint, KW_PARTICIPANT_LIST_MAX);

  return self;
}

void
kw_estimate_reader_free (KwEstimateReader *self)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_free (self->last_estimates);
  g_free (self);
}

gboolean
kw_estimate_reader_owns (Element element)
{
  return element >= EL_PARTICIPANTS && element <= EL_ESTIMATE;
}

static gboolean
start_participants (ElementSet   siblings,
                    GError     **error)
{
  if ((siblings & ELEMENT_BIT (EL_FINDINGS)) == 0)
    return TRUE;

  kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                       _("the <%s> element must come before <%s>"),
                       NAME (EL_PARTICIPANTS), NAME (EL_FINDINGS));
  return FALSE;
}

/* A name or team as the model keeps it: one line of clean text. */
static char *
read_participant_text (Slice value)
{
  g_autofree char *raw = value.text != NULL ? kw_format_attribute_text (value) : g_strdup ("");

  return kw_text_clean (raw, TRUE);
}

static gboolean
check_participant_id (KwParticipantList  *participants,
                      Slice               id_text,
                      const char         *id,
                      GError            **error)
{
  if (!kw_finding_id_is_valid (id))
    {
      g_autofree char *quoted = kw_format_slice_quote (id_text);

      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("the participant id “%s” is not valid: use 1 to 64 letters, digits, dots, dashes or underscores"),
                           quoted);
      return FALSE;
    }
  if (kw_participant_list_lookup (participants, id) != NULL)
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("two participants have the id “%s”; every participant needs their own id"), id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
start_participant (KwEstimateReader  *self,
                   const Slice       *values,
                   GError           **error)
{
  KwParticipantList *participants = kw_board_get_participants (self->board);
  guint n = kw_participant_list_get_n_items (participants);
  Slice id_text = kw_format_slice_trim (values[ATTR_PARTICIPANT_ID]);
  g_autofree char *id = g_strndup (id_text.text, id_text.len);
  g_autofree char *name = NULL;
  g_autofree char *team = NULL;
  g_autoptr(KwParticipant) participant = NULL;

  if (n >= KW_PARTICIPANT_LIST_MAX)
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_TOO_LARGE,
                           _("the board has more than %d participants"), KW_PARTICIPANT_LIST_MAX);
      return FALSE;
    }
  if (!check_participant_id (participants, id_text, id, error))
    return FALSE;

  name = read_participant_text (values[ATTR_PARTICIPANT_NAME]);
  team = read_participant_text (values[ATTR_PARTICIPANT_TEAM]);
  if (name[0] == '\0')
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID, _("the participant “%s” has an empty name"), id);
      return FALSE;
    }
  if (!kw_participant_name_is_valid (name))
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("the name of the participant “%s” is longer than %d characters"),
                           id, KW_PARTICIPANT_NAME_MAX);
      return FALSE;
    }
  if (!kw_participant_team_is_valid (team))
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("the team of the participant “%s” is longer than %d characters"),
                           id, KW_PARTICIPANT_TEAM_MAX);
      return FALSE;
    }

  if (kw_participant_list_lookup_by_name (participants, name) != NULL)
    {
      g_autofree char *quoted = kw_format_slice_quote ((Slice) { name, strlen (name) });

      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("two participants are named “%s”; every participant needs their own name"), quoted);
      return FALSE;
    }

  participant = kw_participant_new (id, name, team);
  /* The id, the name and the bounds were checked above. */
  if (!kw_participant_list_add (participants, participant, G_MAXUINT))
    g_assert_not_reached ();
  g_hash_table_insert (self->positions, (gpointer) kw_participant_get_id (participant), GUINT_TO_POINTER (n + 1));

  return TRUE;
}

static void
start_estimates (KwEstimateReader *self)
{
  self->n_estimates_elements++;
}

/* Both scores, or no-idea="true" and neither. */
static gboolean
read_estimate_values (const Slice  *values,
                      KwEstimate   *estimate,
                      GError      **error)
{
  Slice no_idea = values[ATTR_ESTIMATE_NO_IDEA];
  gboolean has_impact = values[ATTR_ESTIMATE_IMPACT].text != NULL;
  gboolean has_effort = values[ATTR_ESTIMATE_EFFORT].text != NULL;

  *estimate = (KwEstimate) { FALSE, 0.0, 0.0 };

  if (no_idea.text != NULL)
    {
      Slice trimmed = kw_format_slice_trim (no_idea);

      if (trimmed.len != strlen (NO_IDEA_TRUE) || memcmp (trimmed.text, NO_IDEA_TRUE, trimmed.len) != 0)
        {
          g_autofree char *quoted = kw_format_slice_quote (trimmed);

          kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                               _("the no-idea “%s” can only be “true”; an estimate with scores leaves it out"),
                               quoted);
          return FALSE;
        }
      if (has_impact || has_effort)
        {
          kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                               _("an <estimate> with no-idea cannot also have an impact or an effort"));
          return FALSE;
        }
      return TRUE;
    }

  if (!has_impact || !has_effort)
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("the <estimate> element needs both an impact and an effort, or no-idea=“true”"));
      return FALSE;
    }

  estimate->known = TRUE;
  return kw_format_read_score (values[ATTR_ESTIMATE_IMPACT], "impact", &estimate->impact, error) &&
         kw_format_read_score (values[ATTR_ESTIMATE_EFFORT], "effort", &estimate->effort, error);
}

static gboolean
start_estimate (KwEstimateReader  *self,
                KwFinding         *finding,
                const Slice       *values,
                GError           **error)
{
  Slice id_text = kw_format_slice_trim (values[ATTR_ESTIMATE_PARTICIPANT]);
  g_autofree char *id = g_strndup (id_text.text, id_text.len);
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, id));
  KwEstimate estimate;

  if (position == 0)
    {
      g_autofree char *quoted = kw_format_slice_quote (id_text);

      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("an estimate of the finding “%s” is by the participant “%s”, who is not among the board’s <participants>"),
                           kw_finding_get_id (finding), quoted);
      return FALSE;
    }
  if (self->last_estimates[position - 1] == self->n_estimates_elements)
    {
      kw_format_set_error (error, KW_FORMAT_ERROR_INVALID,
                           _("the finding “%s” has two estimates by the participant “%s”"),
                           kw_finding_get_id (finding), id);
      return FALSE;
    }
  if (!read_estimate_values (values, &estimate, error))
    return FALSE;

  self->last_estimates[position - 1] = self->n_estimates_elements;
  _kw_finding_append_estimate_loading (finding, id, &estimate);

  return TRUE;
}

gboolean
kw_estimate_reader_start (KwEstimateReader  *self,
                          Element            element,
                          const Slice       *values,
                          guint              format_version,
                          KwFinding         *finding,
                          ElementSet         siblings,
                          GError           **error)
{
  switch (element)
    {
    case EL_PARTICIPANTS:
      return kw_format_check_since (element, ESTIMATES_SINCE_VERSION, format_version, error) &&
             start_participants (siblings, error);
    case EL_PARTICIPANT:
      return start_participant (self, values, error);
    case EL_ESTIMATES:
      if (!kw_format_check_since (element, ESTIMATES_SINCE_VERSION, format_version, error))
        return FALSE;
      start_estimates (self);
      return TRUE;
    case EL_ESTIMATE:
      return start_estimate (self, finding, values, error);
    default:
      g_assert_not_reached ();
      return FALSE;
    }
}

/* --- Writing ---------------------------------------------------------- */

static gboolean
write_participant (KwXmlWriter    writer,
                   KwParticipant *participant)
{
  const char *team = kw_participant_get_team (participant);

  return xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_PARTICIPANT)) >= 0 &&
         kw_format_write_attribute (writer, ATTRIBUTE (EL_PARTICIPANT, ATTR_PARTICIPANT_ID),
                                    kw_participant_get_id (participant)) &&
         kw_format_write_attribute (writer, ATTRIBUTE (EL_PARTICIPANT, ATTR_PARTICIPANT_NAME),
                                    kw_participant_get_name (participant)) &&
         (team[0] == '\0' ||
          kw_format_write_attribute (writer, ATTRIBUTE (EL_PARTICIPANT, ATTR_PARTICIPANT_TEAM), team)) &&
         xmlTextWriterEndElement (writer) >= 0;
}

gboolean
kw_format_write_participants (KwXmlWriter  writer,
                              KwBoard     *board)
{
  KwParticipantList *participants = kw_board_get_participants (board);
  guint n = kw_participant_list_get_n_items (participants);

  /* Empty is absent: a board without participants has no <participants>. */
  if (n == 0)
    return TRUE;

  if (xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_PARTICIPANTS)) < 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (!write_participant (writer, kw_participant_list_get_participant (participants, i)))
        return FALSE;
    }

  return xmlTextWriterEndElement (writer) >= 0;
}

GHashTable *
kw_format_participant_positions (KwBoard *board)
{
  KwParticipantList *participants = kw_board_get_participants (board);
  guint n = kw_participant_list_get_n_items (participants);
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (participants, i);

      g_hash_table_insert (positions, (gpointer) kw_participant_get_id (participant), GUINT_TO_POINTER (i + 1));
    }

  return positions;
}

typedef struct {
  guint position;  /* of the participant in the board's list, from 1 */
  guint index;     /* of the estimate in the finding */
} EstimateOrder;

static int
compare_estimate_order (const void *a,
                        const void *b)
{
  const EstimateOrder *x = a;
  const EstimateOrder *y = b;

  return (x->position > y->position) - (x->position < y->position);
}

static gboolean
write_estimate (KwXmlWriter       writer,
                const char       *participant_id,
                const KwEstimate *estimate)
{
  if (xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_ESTIMATE)) < 0 ||
      !kw_format_write_attribute (writer, ATTRIBUTE (EL_ESTIMATE, ATTR_ESTIMATE_PARTICIPANT), participant_id))
    return FALSE;

  if (!estimate->known)
    {
      if (!kw_format_write_attribute (writer, ATTRIBUTE (EL_ESTIMATE, ATTR_ESTIMATE_NO_IDEA), NO_IDEA_TRUE))
        return FALSE;
    }
  else if (!kw_format_write_score_attribute (writer, ATTRIBUTE (EL_ESTIMATE, ATTR_ESTIMATE_IMPACT), estimate->impact) ||
           !kw_format_write_score_attribute (writer, ATTRIBUTE (EL_ESTIMATE, ATTR_ESTIMATE_EFFORT), estimate->effort))
    {
      return FALSE;
    }

  return xmlTextWriterEndElement (writer) >= 0;
}

/* In the board's order of participants, whatever order they were given
 * in; an estimate of someone not on the board (which KwBoard does not
 * keep) could not be read back, so it is left out. */
gboolean
kw_format_write_estimates (KwXmlWriter  writer,
                           KwFinding   *finding,
                           GHashTable  *positions)
{
  guint n = kw_finding_get_n_estimates (finding);
  g_autofree EstimateOrder *order = NULL;
  guint n_ordered = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *participant_id = kw_finding_get_nth_estimate (finding, i, NULL);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, participant_id));

      if (position == 0)
        continue;
      if (order == NULL)
        order = g_new (EstimateOrder, n);
      order[n_ordered++] = (EstimateOrder) { position, i };
    }

  if (n_ordered == 0)
    return TRUE;

  qsort (order, n_ordered, sizeof *order, compare_estimate_order);

  if (xmlTextWriterStartElement (writer, BAD_CAST NAME (EL_ESTIMATES)) < 0)
    return FALSE;
  for (guint i = 0; i < n_ordered; i++)
    {
      KwEstimate estimate;
      const char *participant_id = kw_finding_get_nth_estimate (finding, order[i].index, &estimate);

      if (!write_estimate (writer, participant_id, &estimate))
        return FALSE;
    }

  return xmlTextWriterEndElement (writer) >= 0;
}
