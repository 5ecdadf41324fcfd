/* kw-plan-columns.h: the columns a finding's row has in the tabular
 * exports (CSV, spreadsheet), named once for both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kw-board.h"

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

/* ---- The room's estimates ----------------------------------------------- */

/* After a finding's fields, on a board with participants only: the
 * group's median impact and effort, then each participant's impact and
 * effort, in the board's order. Both formats write them the same way. */

/* What a participant's cells hold for "no idea"; cells of a participant
 * who gave no estimate are empty. */
#define KW_PLAN_NO_IDEA_CELL "?"

typedef enum {
  KW_PLAN_ESTIMATE_CELL_EMPTY,
  KW_PLAN_ESTIMATE_CELL_NUMBER,
  KW_PLAN_ESTIMATE_CELL_NO_IDEA,
} KwPlanEstimateCell;

/* 0 for a board without participants, else 2 + 2 per participant. */
guint              kw_plan_estimate_columns_count     (KwBoard    *board);
/* The importer's name of column i: "median impact", "effort (Anna)";
 * Dutch "mediaan impact", "inspanning (Anna)". */
char              *kw_plan_estimate_column_dup_name   (KwBoard    *board,
                                                       guint       i,
                                                       gboolean    dutch);
/* Its heading in the language in use: "Median impact", "Effort (Anna)". */
char              *kw_plan_estimate_column_dup_title  (KwBoard    *board,
                                                       guint       i);
/* What column i holds for finding: a score in tenths (in *value), "no
 * idea", or nothing (no estimate; a median without a known estimate). */
KwPlanEstimateCell kw_plan_estimate_column_get_cell   (KwBoard    *board,
                                                       guint       i,
                                                       KwFinding  *finding,
                                                       double     *value);
/* Whether a header cell, lower case with single spaces (as the importer
 * reads it), names one of these columns in either language: the importer
 * skips them. */
gboolean           kw_plan_estimate_column_is_name    (const char *name);

G_END_DECLS
