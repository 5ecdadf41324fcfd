/* kw-plan-columns.c: the columns of the tabular exports.
 *
 * The CSV file and the spreadsheet write the same fields of a finding in
 * the same order; they differ only in the key around them: the CSV file
 * starts with the id (what the importer matches a row on), the
 * spreadsheet with the plan's number, so it reads like the plan, and
 * keeps the id at the end for a round trip by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-columns"

#include "config.h"

#include "kw-i18n.h"
#include "kw-plan-columns.h"

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
