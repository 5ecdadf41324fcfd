/* kw-plan-columns.h: the columns a finding's row has in the tabular
 * exports (CSV, spreadsheet), named once for both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KW_PLAN_COLUMN_NUMBER,  /* the plan's number: the spreadsheet only */
  KW_PLAN_COLUMN_ID,
  KW_PLAN_COLUMN_TITLE,
  KW_PLAN_COLUMN_DESCRIPTION,
  KW_PLAN_COLUMN_IMPACT,
  KW_PLAN_COLUMN_EFFORT,
  KW_PLAN_COLUMN_OUTCOME,
  KW_PLAN_COLUMN_OWNER,
  KW_PLAN_COLUMN_DUE,
  KW_PLAN_COLUMN_REVIEW,
  KW_PLAN_COLUMN_STATUS,
  KW_PLAN_COLUMN_TAGS,
  KW_PLAN_COLUMN_SOURCE,
  KW_PLAN_COLUMN_DROP_REASON,
  KW_PLAN_COLUMN_CREATED,
  KW_PLAN_COLUMN_MODIFIED,
  KW_N_PLAN_COLUMNS
} KwPlanColumn;

typedef enum {
  KW_PLAN_COLUMNS_CSV,          /* id first, the key the importer matches on */
  KW_PLAN_COLUMNS_SPREADSHEET,  /* the plan's number first, the id last */
} KwPlanColumnsLayout;

guint       kw_plan_columns_get      (KwPlanColumnsLayout layout,
                                      KwPlanColumn        columns[KW_N_PLAN_COLUMNS]);
const char *kw_plan_column_get_name  (KwPlanColumn        column,
                                      gboolean            dutch);
const char *kw_plan_column_get_title (KwPlanColumn        column);

G_END_DECLS
