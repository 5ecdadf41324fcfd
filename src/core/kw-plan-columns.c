/* kw-plan-columns.c: the columns of the tabular exports.
 *
 * The CSV file and the spreadsheet write the same fields of a finding in
 * the same order; they differ only in the key around them: the CSV file
 * starts with the id (what the importer matches a row on), the
 * spreadsheet with the plan's number, so it reads like the plan, and
 * keeps the id at the end for a round trip by hand. On a board with
 * participants the room's estimates follow, in both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-columns"

#include "config.h"

#include <string.h>

#include "kw-i18n.h"
#include "kw-plan-columns.h"
#include "kw-text.h"

/* The fields in between the keys, in the order both formats write them. */
#define FIRST_FIELD KW_PLAN_COLUMN_TITLE
#define LAST_FIELD  KW_PLAN_COLUMN_MODIFIED

/* English and Dutch, each a name the importer (kw-csv.c) knows; not
 * translated through gettext, so the file always reads back. */
static const char * const column_names[KW_N_PLAN_COLUMNS][2] = {
  { NULL, NULL },
  { "id", "id" },
  { "title", "titel" },
  { "description", "omschrijving" },
  { "impact", "impact" },
  { "effort", "inspanning" },
  { "outcome", "uitkomst" },
  { "owner", "eigenaar" },
  { "due", "deadline" },
  { "review", "herbeoordeling" },
  { "status", "status" },
  { "tags", "labels" },
  { "source", "bron" },
  { "drop reason", "reden schrappen" },
  { "created", "aangemaakt" },
  { "modified", "gewijzigd" },
};

/**
 * kw_plan_columns_get:
 * @layout: the format
 * @columns: (out caller-allocates): where the columns go
 *
 * Returns: how many columns @layout has, stored in @columns in its order
 */
guint
kw_plan_columns_get (KwPlanColumnsLayout layout,
                     KwPlanColumn        columns[KW_N_PLAN_COLUMNS])
{
  guint n = 0;

  columns[n++] = layout == KW_PLAN_COLUMNS_CSV ? KW_PLAN_COLUMN_ID : KW_PLAN_COLUMN_NUMBER;
  for (KwPlanColumn column = FIRST_FIELD; column <= LAST_FIELD; column++)
    columns[n++] = column;
  if (layout == KW_PLAN_COLUMNS_SPREADSHEET)
    columns[n++] = KW_PLAN_COLUMN_ID;

  return n;
}

/* The importer's name of @column, in English or Dutch; %NULL for the
 * plan's number, which the CSV file does not have. */
const char *
kw_plan_column_get_name (KwPlanColumn column,
                         gboolean     dutch)
{
  g_return_val_if_fail (column < KW_N_PLAN_COLUMNS, NULL);

  return column_names[column][dutch ? 1 : 0];
}

/* The heading of @column in the UI's language. */
const char *
kw_plan_column_get_title (KwPlanColumn column)
{
  switch (column)
    {
    case KW_PLAN_COLUMN_NUMBER:      return C_("spreadsheet column", "No.");
    case KW_PLAN_COLUMN_TITLE:       return _("Title");
    case KW_PLAN_COLUMN_DESCRIPTION: return C_("spreadsheet column", "Description");
    case KW_PLAN_COLUMN_IMPACT:      return _("Impact");
    case KW_PLAN_COLUMN_EFFORT:      return _("Effort");
    case KW_PLAN_COLUMN_OUTCOME:     return _("Outcome");
    case KW_PLAN_COLUMN_OWNER:       return _("Owner");
    case KW_PLAN_COLUMN_DUE:         return _("Due date");
    case KW_PLAN_COLUMN_REVIEW:      return _("Review date");
    case KW_PLAN_COLUMN_STATUS:      return _("Status");
    case KW_PLAN_COLUMN_TAGS:        return _("Tags");
    case KW_PLAN_COLUMN_SOURCE:      return _("Source");
    case KW_PLAN_COLUMN_DROP_REASON: return _("Reason for dropping");
    case KW_PLAN_COLUMN_CREATED:     return C_("spreadsheet column", "Created");
    case KW_PLAN_COLUMN_MODIFIED:    return C_("spreadsheet column", "Modified");
    case KW_PLAN_COLUMN_ID:          return C_("spreadsheet column", "ID");
    case KW_N_PLAN_COLUMNS:
    default:
      g_return_val_if_reached ("");
    }
}

/* ---- The room's estimates ----------------------------------------------- */

/* Column i of the estimates: the medians first, then a participant's
 * impact and effort; NULL for the medians. */
static KwParticipant *
estimate_column_participant (KwBoard  *board,
                             guint     i,
                             gboolean *effort)
{
  *effort = i % 2 == 1;
  if (i < 2)
    return NULL;

  return kw_participant_list_get_participant (kw_board_get_participants (board), i / 2 - 1);
}

guint
kw_plan_estimate_columns_count (KwBoard *board)
{
  guint n;

  g_return_val_if_fail (KW_IS_BOARD (board), 0);

  n = kw_participant_list_get_n_items (kw_board_get_participants (board));

  return n > 0 ? 2 + 2 * n : 0;
}

char *
kw_plan_estimate_column_dup_name (KwBoard  *board,
                                  guint     i,
                                  gboolean  dutch)
{
  KwParticipant *participant;
  gboolean effort;
  const char *axis;

  g_return_val_if_fail (i < kw_plan_estimate_columns_count (board), NULL);

  participant = estimate_column_participant (board, i, &effort);
  axis = kw_plan_column_get_name (effort ? KW_PLAN_COLUMN_EFFORT : KW_PLAN_COLUMN_IMPACT, dutch);
  if (participant == NULL)
    return g_strconcat (dutch ? "mediaan " : "median ", axis, NULL);

  return g_strdup_printf ("%s (%s)", axis, kw_participant_get_name (participant));
}

char *
kw_plan_estimate_column_dup_title (KwBoard *board,
                                   guint    i)
{
  KwParticipant *participant;
  gboolean effort;

  g_return_val_if_fail (i < kw_plan_estimate_columns_count (board), NULL);

  participant = estimate_column_participant (board, i, &effort);
  if (participant == NULL)
    return g_strdup (effort ? C_("spreadsheet column", "Median effort")
                            : C_("spreadsheet column", "Median impact"));

  if (effort)
    /* Translators: a spreadsheet column of one participant's effort
     * estimates; %s is the participant's name. */
    return g_strdup_printf (C_("spreadsheet column", "Effort (%s)"), kw_participant_get_name (participant));

  /* Translators: a spreadsheet column of one participant's impact
   * estimates; %s is the participant's name. */
  return g_strdup_printf (C_("spreadsheet column", "Impact (%s)"), kw_participant_get_name (participant));
}

KwPlanEstimateCell
kw_plan_estimate_column_get_cell (KwBoard   *board,
                                  guint      i,
                                  KwFinding *finding,
                                  double    *value)
{
  KwParticipant *participant;
  KwEstimateSummary summary;
  KwEstimate estimate;
  gboolean effort;

  g_return_val_if_fail (i < kw_plan_estimate_columns_count (board), KW_PLAN_ESTIMATE_CELL_EMPTY);
  g_return_val_if_fail (KW_IS_FINDING (finding), KW_PLAN_ESTIMATE_CELL_EMPTY);

  *value = 0;
  participant = estimate_column_participant (board, i, &effort);
  if (participant == NULL)
    {
      if (!kw_finding_summarize_estimates (finding, &summary))
        return KW_PLAN_ESTIMATE_CELL_EMPTY;
      /* In tenths, as "Use the group's median" places the finding. */
      *value = kw_score_normalize (effort ? summary.median_effort : summary.median_impact);
      return KW_PLAN_ESTIMATE_CELL_NUMBER;
    }

  if (!kw_finding_get_estimate (finding, kw_participant_get_id (participant), &estimate))
    return KW_PLAN_ESTIMATE_CELL_EMPTY;
  if (!estimate.known)
    return KW_PLAN_ESTIMATE_CELL_NO_IDEA;
  *value = effort ? estimate.effort : estimate.impact;

  return KW_PLAN_ESTIMATE_CELL_NUMBER;
}

/* "impact", "effort" or "inspanning": the axes' names in both languages. */
static gboolean
is_axis_name (const char *name,
              gsize       length)
{
  const KwPlanColumn axes[] = { KW_PLAN_COLUMN_IMPACT, KW_PLAN_COLUMN_EFFORT };

  for (guint a = 0; a < G_N_ELEMENTS (axes); a++)
    for (guint dutch = 0; dutch < 2; dutch++)
      {
        const char *axis = column_names[axes[a]][dutch];

        if (strlen (axis) == length && strncmp (name, axis, length) == 0)
          return TRUE;
      }

  return FALSE;
}

gboolean
kw_plan_estimate_column_is_name (const char *name)
{
  const char * const medians[] = { "median ", "mediaan " };
  const char *open;
  gsize length;

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (medians); i++)
    {
      if (g_str_has_prefix (name, medians[i]))
        return is_axis_name (name + strlen (medians[i]), strlen (name) - strlen (medians[i]));
    }

  /* "impact (anna)": an axis, a space, a name in brackets. */
  open = strstr (name, " (");
  length = strlen (name);
  return open != NULL && is_axis_name (name, (gsize) (open - name)) &&
         length > (gsize) (open - name) + 3 && name[length - 1] == ')';
}
