/* kw-estimates-import.h: participants' estimates from spreadsheets into
 * an open board.
 *
 * A KwEstimatesImport reads one or more CSV files of estimates in the
 * dialects of the finding importer (UTF-8 with or without a byte order
 * mark, "," or ";", decimal commas, English or Dutch headers): either one
 * file per participant, named after them ("Anna de Vries.csv"), or one
 * file with a participant ("deelnemer") column. Its columns are id, title
 * ("titel"), impact, effort ("inspanning") and participant; a row with both
 * scores empty, or "?", "no idea" or "geen idee", is "no idea". Rows match
 * findings by id first, then by title as the finding importer matches
 * titles.
 *
 * The plan, before anything changes: the estimates that will be set, the
 * participants that will be added (names not on the board yet, compared
 * without case), and every problem with its file and spreadsheet row.
 * kw_estimates_import_apply() refuses while there are problems and
 * otherwise applies the plan as one undo step, "Import Estimates".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-csv.h"
#include "kw-history.h"

G_BEGIN_DECLS

typedef enum {
  KW_ESTIMATES_PROBLEM_NO_FINDING,         /* matches no finding by id or title */
  KW_ESTIMATES_PROBLEM_AMBIGUOUS_TITLE,    /* the title matches two findings or more */
  KW_ESTIMATES_PROBLEM_SCORE,              /* not a number from 0 to 10, or only one score */
  KW_ESTIMATES_PROBLEM_PARTICIPANT,        /* no participant name, or not a valid one */
  KW_ESTIMATES_PROBLEM_REPEATED,           /* a second row for the same participant and finding */
  KW_ESTIMATES_PROBLEM_TOO_MANY_PARTICIPANTS,
} KwEstimatesProblemKind;

/* Something that keeps the import from going ahead. */
typedef struct {
  KwEstimatesProblemKind  kind;
  const char             *file;     /* the file's display name */
  guint                   row;      /* as the spreadsheet counts; the header is 1 */
  const char             *message;  /* translated: "file: row N: what is wrong" */
} KwEstimatesProblem;

/* An estimate the import will set. */
typedef struct {
  const char *participant;  /* the name as the board has it, or as a new participant gets it */
  KwFinding  *finding;
  KwEstimate  estimate;
  const char *file;
  guint       row;
} KwEstimatesEntry;

#define KW_TYPE_ESTIMATES_IMPORT (kw_estimates_import_get_type ())
G_DECLARE_FINAL_TYPE (KwEstimatesImport, kw_estimates_import, KW, ESTIMATES_IMPORT, GObject)

/* An import of no files yet into board. */
KwEstimatesImport        *kw_estimates_import_new                  (KwBoard            *board);
/* Adds a file's rows and replans. Fails, adding nothing, only when the
 * text cannot be read as estimates at all (not UTF-8, broken quoting, too
 * large, empty, a header that does not name the columns); problems of
 * single rows are in the plan. display_name names the file in messages,
 * and without a participant column, its name without the extension names
 * the participant. */
gboolean                  kw_estimates_import_add_bytes            (KwEstimatesImport  *self,
                                                                    GBytes             *bytes,
                                                                    const char         *display_name,
                                                                    GError            **error);
gboolean                  kw_estimates_import_add_file             (KwEstimatesImport  *self,
                                                                    GFile              *file,
                                                                    GCancellable       *cancellable,
                                                                    GError            **error);

/* Whether a file is best imported as estimates rather than findings: its
 * first row names a participant column, or it names estimate columns only
 * and the file is named after a participant of board. */
gboolean                  kw_estimates_import_is_estimates         (KwBoard            *board,
                                                                    GBytes             *bytes,
                                                                    const char         *display_name);

/* The plan */
guint                     kw_estimates_import_get_n_entries        (KwEstimatesImport  *self);
const KwEstimatesEntry   *kw_estimates_import_get_entry            (KwEstimatesImport  *self,
                                                                    guint               index);
/* Every participant with an estimate in the files, in the order they first
 * appear, each with how many estimates the import sets for them and
 * whether they are new to the board. */
guint                     kw_estimates_import_get_n_participants   (KwEstimatesImport  *self);
const char               *kw_estimates_import_get_participant      (KwEstimatesImport  *self,
                                                                    guint               index,
                                                                    guint              *n_estimates,
                                                                    gboolean           *is_new);
guint                     kw_estimates_import_get_n_new_participants (KwEstimatesImport *self);
guint                     kw_estimates_import_get_n_problems       (KwEstimatesImport  *self);
const KwEstimatesProblem *kw_estimates_import_get_problem          (KwEstimatesImport  *self,
                                                                    guint               index);
/* FALSE with the first problem as a KW_CSV_ERROR_VALUE error. */
gboolean                  kw_estimates_import_check                (KwEstimatesImport  *self,
                                                                    GError            **error);

/* Replans against the board as it is now and, when there is no problem,
 * adds the new participants and sets the estimates through history as
 * one undo step. Returns how many estimates it set (0 when a problem
 * stops it). */
guint                     kw_estimates_import_apply                (KwEstimatesImport  *self,
                                                                    KwHistory          *history);

G_END_DECLS
