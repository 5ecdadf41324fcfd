/* kw-estimates-import.c: plans and applies participants' estimates from
 * CSV files.
 *
 * The files are read by the finding importer's machinery (kw-import-table.c
 * with the CSV reader's dialects and header names); what is particular to
 * estimates is here: whose estimate a row is, which finding it is of, and
 * what keeps the whole import from going ahead. Every file's rows are
 * planned again on each change (a file added, the import applied), so the
 * plan always describes the board as it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-estimates-import"

#include "config.h"

#include "kw-i18n.h"
#include <string.h>

#include "kw-csv-private.h"
#include "kw-estimates-import.h"
#include "kw-file-names.h"
#include "kw-import-private.h"
#include "kw-import-table.h"
#include "kw-text.h"

/* One file of estimates. */
typedef struct
{
  KwImportTable *table;
  char          *participant;  /* named by the file's name; NULL with a participant column */
} SourceFile;

/* One participant in the files. */
typedef struct
{
  char     *name;
  guint     n_estimates;
  gboolean  is_new;
} ParticipantPlan;

struct _KwEstimatesImport
{
  GObject     parent_instance;

  KwBoard    *board;
  GPtrArray  *files;         /* SourceFile */
  GArray     *entries;       /* KwEstimatesEntry, each holding a reference to its finding */
  GPtrArray  *participants;  /* ParticipantPlan */
  GPtrArray  *problems;      /* KwEstimatesProblem, each owning its message */
  guint       n_new;
};

G_DEFINE_FINAL_TYPE (KwEstimatesImport, kw_estimates_import, G_TYPE_OBJECT)

static void
source_file_free (SourceFile *file)
{
  g_clear_pointer (&file->table, _kw_import_table_free);
  g_free (file->participant);
  g_free (file);
}

static void
participant_plan_free (ParticipantPlan *plan)
{
  g_free (plan->name);
  g_free (plan);
}

static void
problem_free (KwEstimatesProblem *problem)
{
  g_free ((char *) problem->message);
  g_free (problem);
}

static void
entry_clear (KwEstimatesEntry *entry)
{
  g_clear_object (&entry->finding);
}

static void
kw_estimates_import_finalize (GObject *object)
{
  KwEstimatesImport *self = KW_ESTIMATES_IMPORT (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->participants, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (kw_estimates_import_parent_class)->finalize (object);
}

static void
kw_estimates_import_class_init (KwEstimatesImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kw_estimates_import_finalize;
}

static void
kw_estimates_import_init (KwEstimatesImport *self)
{
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) source_file_free);
  self->entries = g_array_new (FALSE, TRUE, sizeof (KwEstimatesEntry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) participant_plan_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

/* Planning */

/* What one round of planning keeps track of. */
typedef struct
{
  GHashTable        *by_title;  /* title key -> KwFinding, or AMBIGUOUS */
  KwParticipantList *seen;      /* one per participant of the files, for the board's name rule */
  GHashTable        *pairs;     /* "participant index/finding id" -> the earlier row's SourceFile */
  GHashTable        *pair_rows; /* the same keys -> the earlier row's number */
} Planner;

/* Marks a title that more than one finding has. */
static char ambiguous_marker;
#define AMBIGUOUS ((gpointer) &ambiguous_marker)

static void
planner_init (Planner *planner,
              KwBoard *board)
{
  planner->by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  planner->seen = kw_participant_list_new ();
  planner->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  planner->pair_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);
      char *key = _kw_import_title_key (kw_finding_get_title (finding));

      if (g_hash_table_contains (planner->by_title, key))
        g_hash_table_insert (planner->by_title, key, AMBIGUOUS);
      else
        g_hash_table_insert (planner->by_title, key, finding);
    }
}

static void
planner_clear (Planner *planner)
{
  g_clear_pointer (&planner->by_title, g_hash_table_unref);
  g_clear_object (&planner->seen);
  g_clear_pointer (&planner->pairs, g_hash_table_unref);
  g_clear_pointer (&planner->pair_rows, g_hash_table_unref);
}

static void add_problem (KwEstimatesImport      *self,
                         KwEstimatesProblemKind  kind,
                         SourceFile             *file,
                         guint                   row,
                         KwCsvColumn             column,
                         const char             *format,
                         ...) G_GNUC_PRINTF (6, 7);

/* column is KW_CSV_COLUMN_IGNORED for a problem of the row as a whole. */
static void
add_problem (KwEstimatesImport      *self,
             KwEstimatesProblemKind  kind,
             SourceFile             *file,
             guint                   row,
             KwCsvColumn             column,
             const char             *format,
             ...)
{
  KwEstimatesProblem *problem = g_new0 (KwEstimatesProblem, 1);
  int column_index = column > KW_CSV_COLUMN_IGNORED ? file->table->column_of_kind[column] : -1;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  _kw_csv_set_cell_error (&error, KW_CSV_ERROR_VALUE, file->table->display_name, row,
                          column_index >= 0 ? g_ptr_array_index (file->table->labels, (guint) column_index) : NULL,
                          detail);
  problem->kind = kind;
  problem->file = file->table->display_name;
  problem->row = row;
  problem->message = g_steal_pointer (&error->message);
  g_ptr_array_add (self->problems, problem);
}

static const char *
value_of (SourceFile  *file,
          guint        index,
          KwCsvColumn  kind)
{
  return _kw_import_table_get_value (file->table, index, kind);
}

/* The participant's place in self->participants, added when new to the
 * files; -1 with a problem. */
static int
find_participant (KwEstimatesImport *self,
                  Planner           *planner,
                  SourceFile        *file,
                  guint              index,
                  guint              row)
{
  KwParticipantList *board_list = kw_board_get_participants (self->board);
  g_autofree char *name = NULL;
  g_autoptr(KwParticipant) participant = NULL;
  g_autofree char *id = NULL;
  KwParticipant *known;
  ParticipantPlan *plan;
  guint position;

  if (file->participant == NULL)
    name = kw_text_clean (value_of (file, index, KW_CSV_COLUMN_PARTICIPANT), TRUE);
  else
    name = g_strdup (file->participant);

  if (name[0] == '\0')
    {
      add_problem (self, KW_ESTIMATES_PROBLEM_PARTICIPANT, file, row, KW_CSV_COLUMN_PARTICIPANT, "%s",
                   _("the participant is empty; every estimate needs the name of whoever gave it"));
      return -1;
    }
  if (!kw_participant_name_is_valid (name))
    {
      g_autofree char *shown = _kw_csv_quote_value (name);

      add_problem (self, KW_ESTIMATES_PROBLEM_PARTICIPANT, file, row, KW_CSV_COLUMN_PARTICIPANT,
                   _("the participant’s name “%s” is longer than %d characters"), shown,
                   KW_PARTICIPANT_NAME_MAX);
      return -1;
    }

  known = kw_participant_list_lookup_by_name (planner->seen, name);
  if (known != NULL)
    return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (known), "kw-position"));

  plan = g_new0 (ParticipantPlan, 1);
  known = kw_participant_list_lookup_by_name (board_list, name);
  plan->is_new = known == NULL;
  plan->name = g_strdup (known != NULL ? kw_participant_get_name (known) : name);

  if (plan->is_new && kw_participant_list_get_n_items (board_list) + self->n_new >= KW_PARTICIPANT_LIST_MAX)
    {
      add_problem (self, KW_ESTIMATES_PROBLEM_TOO_MANY_PARTICIPANTS, file, row, KW_CSV_COLUMN_PARTICIPANT,
                   _("“%s” would be participant number %u, and a board has at most %d participants"),
                   plan->name, kw_participant_list_get_n_items (board_list) + self->n_new + 1,
                   KW_PARTICIPANT_LIST_MAX);
      participant_plan_free (plan);
      return -1;
    }

  /* The files' own list of names, by the board's rule of what is the
   * same name. */
  id = kw_participant_list_dup_new_id (planner->seen);
  participant = kw_participant_new (id, plan->name, NULL);
  position = self->participants->len;
  g_object_set_data (G_OBJECT (participant), "kw-position", GUINT_TO_POINTER (position));
  kw_participant_list_add (planner->seen, participant, G_MAXUINT);

  if (plan->is_new)
    self->n_new++;
  g_ptr_array_add (self->participants, plan);

  return (int) position;
}

static KwFinding *
find_finding (KwEstimatesImport *self,
              Planner           *planner,
              SourceFile        *file,
              guint              index,
              guint              row)
{
  g_autofree char *id = g_strstrip (g_strdup (value_of (file, index, KW_CSV_COLUMN_ID)));
  g_autofree char *title = kw_text_clean (value_of (file, index, KW_CSV_COLUMN_TITLE), TRUE);
  g_autofree char *shown_id = _kw_csv_quote_value (id);
  g_autofree char *shown_title = _kw_csv_quote_value (title);
  KwFinding *finding = NULL;

  if (id[0] != '\0' && kw_finding_id_is_valid (id))
    finding = kw_board_lookup_finding (self->board, id);
  if (finding != NULL)
    return finding;

  if (title[0] != '\0')
    {
      g_autofree char *key = _kw_import_title_key (title);

      finding = g_hash_table_lookup (planner->by_title, key);
    }

  if (finding == AMBIGUOUS)
    {
      add_problem (self, KW_ESTIMATES_PROBLEM_AMBIGUOUS_TITLE, file, row, KW_CSV_COLUMN_TITLE,
                   _("more than one finding has the title “%s”; give the finding’s id"), shown_title);
      return NULL;
    }
  if (finding != NULL)
    return finding;

  if (id[0] != '\0' && title[0] != '\0')
    add_problem (self, KW_ESTIMATES_PROBLEM_NO_FINDING, file, row, KW_CSV_COLUMN_IGNORED,
                 _("no finding on the board has the id “%s” or the title “%s”"), shown_id, shown_title);
  else if (id[0] != '\0')
    add_problem (self, KW_ESTIMATES_PROBLEM_NO_FINDING, file, row, KW_CSV_COLUMN_ID,
                 _("no finding on the board has the id “%s”"), shown_id);
  else if (title[0] != '\0')
    add_problem (self, KW_ESTIMATES_PROBLEM_NO_FINDING, file, row, KW_CSV_COLUMN_TITLE,
                 _("no finding on the board has the title “%s”"), shown_title);
  else
    add_problem (self, KW_ESTIMATES_PROBLEM_NO_FINDING, file, row, KW_CSV_COLUMN_IGNORED, "%s",
                 _("the row has neither an id nor a title, so it matches no finding"));

  return NULL;
}

static gboolean
is_no_score (const char *text)
{
  return _kw_csv_is_blank (text) || _kw_csv_is_no_idea (text);
}

static gboolean
read_score (KwEstimatesImport *self,
            SourceFile        *file,
            guint              index,
            guint              row,
            KwCsvColumn        kind,
            double            *score)
{
  const char *text = value_of (file, index, kind);
  g_autofree char *shown = NULL;

  if (kw_score_parse (text, score))
    return TRUE;

  shown = _kw_csv_quote_value (text);
  if (is_no_score (text))
    add_problem (self, KW_ESTIMATES_PROBLEM_SCORE, file, row, kind, "%s",
                 kind == KW_CSV_COLUMN_IMPACT
                 ? _("there is an effort but no impact; give both scores, or neither for “no idea”")
                 : _("there is an impact but no effort; give both scores, or neither for “no idea”"));
  else
    add_problem (self, KW_ESTIMATES_PROBLEM_SCORE, file, row, kind,
                 _("“%s” is not a number from 0 to 10"), shown);

  return FALSE;
}

/* Both scores, or "no idea" when neither cell holds one. */
static gboolean
read_estimate (KwEstimatesImport *self,
               SourceFile        *file,
               guint              index,
               guint              row,
               KwEstimate        *estimate)
{
  gboolean impact_ok;
  gboolean effort_ok;

  memset (estimate, 0, sizeof *estimate);
  if (is_no_score (value_of (file, index, KW_CSV_COLUMN_IMPACT)) &&
      is_no_score (value_of (file, index, KW_CSV_COLUMN_EFFORT)))
    return TRUE;

  impact_ok = read_score (self, file, index, row, KW_CSV_COLUMN_IMPACT, &estimate->impact);
  effort_ok = read_score (self, file, index, row, KW_CSV_COLUMN_EFFORT, &estimate->effort);
  estimate->known = impact_ok && effort_ok;

  return estimate->known;
}

/* Each participant's estimate of a finding once. */
static gboolean
claim_pair (KwEstimatesImport *self,
            Planner           *planner,
            SourceFile        *file,
            guint              row,
            int                participant,
            KwFinding         *finding)
{
  g_autofree char *key = g_strdup_printf ("%d/%s", participant, kw_finding_get_id (finding));
  SourceFile *earlier_file = g_hash_table_lookup (planner->pairs, key);
  ParticipantPlan *plan = g_ptr_array_index (self->participants, (guint) participant);
  guint earlier_row;

  if (earlier_file == NULL)
    {
      g_hash_table_insert (planner->pairs, g_strdup (key), file);
      g_hash_table_insert (planner->pair_rows, g_steal_pointer (&key), GUINT_TO_POINTER (row));
      return TRUE;
    }

  earlier_row = GPOINTER_TO_UINT (g_hash_table_lookup (planner->pair_rows, key));
  if (earlier_file == file)
    add_problem (self, KW_ESTIMATES_PROBLEM_REPEATED, file, row, KW_CSV_COLUMN_IGNORED,
                 _("row %u already has %s’s estimate of this finding; keep only one of the two rows"),
                 earlier_row, plan->name);
  else
    add_problem (self, KW_ESTIMATES_PROBLEM_REPEATED, file, row, KW_CSV_COLUMN_IGNORED,
                 _("%s row %u already has %s’s estimate of this finding; keep only one of the two rows"),
                 earlier_file->table->display_name, earlier_row, plan->name);

  return FALSE;
}

static void
plan_row (KwEstimatesImport *self,
          Planner           *planner,
          SourceFile        *file,
          guint              index)
{
  guint row = g_array_index (file->table->row_numbers, guint, index);
  int participant = find_participant (self, planner, file, index, row);
  KwFinding *finding = find_finding (self, planner, file, index, row);
  KwEstimate estimate;
  gboolean scores_ok = read_estimate (self, file, index, row, &estimate);
  KwEstimatesEntry entry = { 0 };
  ParticipantPlan *plan;

  if (participant < 0 || finding == NULL ||
      !claim_pair (self, planner, file, row, participant, finding) ||
      !scores_ok)
    return;

  plan = g_ptr_array_index (self->participants, (guint) participant);
  plan->n_estimates++;
  entry.participant = plan->name;
  entry.finding = g_object_ref (finding);
  entry.estimate = estimate;
  entry.file = file->table->display_name;
  entry.row = row;
  g_array_append_val (self->entries, entry);
}

/* A file named after its participant whose name is no participant's:
 * one problem, on its header row, rather than one on every row. */
static gboolean
check_file_participant (KwEstimatesImport *self,
                        SourceFile        *file)
{
  guint header_row = g_array_index (file->table->row_numbers, guint, 0);
  g_autofree char *shown = NULL;

  if (file->participant == NULL || kw_participant_name_is_valid (file->participant))
    return TRUE;

  shown = _kw_csv_quote_value (file->participant);
  add_problem (self, KW_ESTIMATES_PROBLEM_PARTICIPANT, file, header_row, KW_CSV_COLUMN_IGNORED,
               _("there is no “participant” (or “deelnemer”) column, and the file’s name “%s” cannot name "
                 "the participant (a name has 1 to %d characters); add the column or rename the file"),
               shown, KW_PARTICIPANT_NAME_MAX);

  return FALSE;
}

static void
replan (KwEstimatesImport *self)
{
  Planner planner;

  g_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->participants, 0);
  g_ptr_array_set_size (self->problems, 0);
  self->n_new = 0;

  planner_init (&planner, self->board);
  for (guint i = 0; i < self->files->len; i++)
    {
      SourceFile *file = g_ptr_array_index (self->files, i);

      if (!check_file_participant (self, file))
        continue;

      /* Row 0 names the columns. */
      for (guint index = 1; index < file->table->rows->len; index++)
        plan_row (self, &planner, file, index);
    }
  planner_clear (&planner);
}

/* Construction */

KwEstimatesImport *
kw_estimates_import_new (KwBoard *board)
{
  KwEstimatesImport *self;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  self = g_object_new (KW_TYPE_ESTIMATES_IMPORT, NULL);
  self->board = g_object_ref (board);

  return self;
}

/* "Anna de Vries" for "Anna de Vries.csv". */
static char *
name_from_display_name (const char *display_name)
{
  g_autofree char *name = g_strdup (display_name);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';

  return kw_text_clean (name, TRUE);
}

gboolean
kw_estimates_import_add_bytes (KwEstimatesImport  *self,
                               GBytes             *bytes,
                               const char         *display_name,
                               GError            **error)
{
  SourceFile *file;
  KwImportTable *table;

  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = _kw_import_table_new_for_estimates (bytes, display_name, error);
  if (table == NULL)
    return FALSE;

  file = g_new0 (SourceFile, 1);
  file->table = table;
  if (table->column_of_kind[KW_CSV_COLUMN_PARTICIPANT] < 0)
    file->participant = name_from_display_name (display_name);
  g_ptr_array_add (self->files, file);

  replan (self);

  return TRUE;
}

gboolean
kw_estimates_import_add_file (KwEstimatesImport  *self,
                              GFile              *file,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = kw_file_dup_display_name (file);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", display_name);
      return FALSE;
    }

  bytes = _kw_csv_read_bounded (stream, display_name, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  return kw_estimates_import_add_bytes (self, bytes, display_name, error);
}

gboolean
kw_estimates_import_is_estimates (KwBoard     *board,
                                  GBytes      *bytes,
                                  const char  *display_name)
{
  g_autoptr(KwImportTable) table = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  table = _kw_import_table_new_for_estimates (bytes, display_name, NULL);
  if (table == NULL)
    return FALSE;

  if (table->column_of_kind[KW_CSV_COLUMN_PARTICIPANT] >= 0)
    return TRUE;

  /* A list of findings has more to say than these columns. */
  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->kinds[i] == KW_CSV_COLUMN_IGNORED)
        return FALSE;
    }

  name = name_from_display_name (display_name);

  return kw_participant_list_lookup_by_name (kw_board_get_participants (board), name) != NULL;
}

/* The plan */

guint
kw_estimates_import_get_n_entries (KwEstimatesImport *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), 0);

  return self->entries->len;
}

const KwEstimatesEntry *
kw_estimates_import_get_entry (KwEstimatesImport *self,
                               guint              index)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, KwEstimatesEntry, index);
}

guint
kw_estimates_import_get_n_participants (KwEstimatesImport *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), 0);

  return self->participants->len;
}

const char *
kw_estimates_import_get_participant (KwEstimatesImport *self,
                                     guint              index,
                                     guint             *n_estimates,
                                     gboolean          *is_new)
{
  ParticipantPlan *plan;

  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->participants->len, NULL);

  plan = g_ptr_array_index (self->participants, index);
  if (n_estimates != NULL)
    *n_estimates = plan->n_estimates;
  if (is_new != NULL)
    *is_new = plan->is_new;

  return plan->name;
}

guint
kw_estimates_import_get_n_new_participants (KwEstimatesImport *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), 0);

  return self->n_new;
}

guint
kw_estimates_import_get_n_problems (KwEstimatesImport *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), 0);

  return self->problems->len;
}

const KwEstimatesProblem *
kw_estimates_import_get_problem (KwEstimatesImport *self,
                                 guint              index)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return g_ptr_array_index (self->problems, index);
}

gboolean
kw_estimates_import_check (KwEstimatesImport  *self,
                           GError            **error)
{
  const KwEstimatesProblem *problem;

  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->problems->len == 0)
    return TRUE;

  problem = g_ptr_array_index (self->problems, 0);
  g_set_error_literal (error, KW_CSV_ERROR, KW_CSV_ERROR_VALUE, problem->message);

  return FALSE;
}

/* Applying */

static void
add_new_participants (KwEstimatesImport *self,
                      KwHistory         *history)
{
  KwParticipantList *list = kw_board_get_participants (self->board);

  for (guint i = 0; i < self->participants->len; i++)
    {
      ParticipantPlan *plan = g_ptr_array_index (self->participants, i);
      g_autoptr(KwParticipant) participant = NULL;
      g_autofree char *id = NULL;

      if (!plan->is_new)
        continue;

      id = kw_participant_list_dup_new_id (list);
      participant = kw_participant_new (id, plan->name, NULL);
      if (!kw_history_add_participant (history, participant, G_MAXUINT))
        g_warn_if_reached ();
    }
}

guint
kw_estimates_import_apply (KwEstimatesImport *self,
                           KwHistory         *history)
{
  KwParticipantList *list;
  guint n_set;

  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (self), 0);
  g_return_val_if_fail (KW_IS_HISTORY (history), 0);
  g_return_val_if_fail (kw_history_get_board (history) == self->board, 0);

  /* The board may have changed since the preview was planned. */
  replan (self);
  n_set = self->entries->len;
  if (self->problems->len > 0 || n_set == 0)
    return 0;

  list = kw_board_get_participants (self->board);
  kw_history_begin_group (history, _("Import Estimates"));
  add_new_participants (self, history);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const KwEstimatesEntry *entry = &g_array_index (self->entries, KwEstimatesEntry, i);
      KwParticipant *participant = kw_participant_list_lookup_by_name (list, entry->participant);

      /* Added above, or on the board already: the plan was just made. */
      if (participant == NULL)
        {
          g_warn_if_reached ();
          continue;
        }
      kw_history_set_estimate (history, entry->finding, kw_participant_get_id (participant), &entry->estimate);
    }
  kw_history_end_group (history);

  /* Applied once: the plan now describes the changed board. */
  replan (self);

  return n_set;
}
