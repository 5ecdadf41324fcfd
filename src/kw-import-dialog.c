/* kw-import-dialog.c: shows a KwImport's plan and lets the user choose
 * its columns; the plan itself is the core's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-import-dialog.h"

/* A preview, not the whole list: enough to see the columns are right and
 * the first errors; the counts cover every row. */
#define MAX_ROWS_SHOWN 300

/* The grid: the row number, what happens to the row, then its cells. */
#define FIRST_CELL_COLUMN 2
/* The grid rows above the first spreadsheet row: names and choices. */
#define FIRST_ROW 2

struct _KwImportDialog
{
  AdwWindow   parent_instance;

  GtkWidget  *import_button;
  GtkLabel   *summary_label;
  GtkLabel   *hint_label;
  GtkGrid    *grid;

  KwImport   *import;
  KwEstimatesImport *estimates;  /* instead of import, for estimates */
  KwHistory  *history;
  GPtrArray  *dropdowns;    /* one GtkDropDown per column */
  GPtrArray  *row_widgets;  /* the widgets of the rows, rebuilt on each change */
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (KwImportDialog, kw_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a column can hold, in the order the list offers it. */
static const struct {
  KwCsvColumn  kind;
  const char  *label;
} choices[] = {
  { KW_CSV_COLUMN_IGNORED, N_("Ignore") },
  { KW_CSV_COLUMN_TITLE, N_("Title") },
  { KW_CSV_COLUMN_IMPACT, N_("Impact") },
  { KW_CSV_COLUMN_EFFORT, N_("Effort") },
  { KW_CSV_COLUMN_OWNER, N_("Owner") },
  { KW_CSV_COLUMN_DUE, N_("Due date") },
  { KW_CSV_COLUMN_DESCRIPTION, N_("Notes") },
  { KW_CSV_COLUMN_STATUS, N_("Status") },
  { KW_CSV_COLUMN_TAGS, N_("Tags") },
  { KW_CSV_COLUMN_SOURCE, N_("Source") },
  { KW_CSV_COLUMN_REVIEW, N_("Review date") },
  { KW_CSV_COLUMN_DROP_REASON, N_("Drop reason") },
  { KW_CSV_COLUMN_ID, N_("Id") },
};

static guint
choice_of_kind (KwCsvColumn kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      if (choices[i].kind == kind)
        return i;
    }

  return 0;
}

/* The summary */

static char *
describe_counts (KwImport *import)
{
  guint n_new = kw_import_count (import, KW_IMPORT_ROW_NEW);
  guint n_updated = kw_import_count (import, KW_IMPORT_ROW_UPDATE);
  guint n_unchanged = kw_import_count (import, KW_IMPORT_ROW_UNCHANGED);
  guint n_errors = kw_import_count (import, KW_IMPORT_ROW_ERROR);
  g_autofree char *added = g_strdup_printf (ngettext ("%u new", "%u new", n_new), n_new);
  g_autofree char *updated = g_strdup_printf (ngettext ("%u updated", "%u updated", n_updated), n_updated);
  g_autofree char *errors = g_strdup_printf (ngettext ("%u with an error", "%u with errors", n_errors), n_errors);
  g_autofree char *unchanged = NULL;

  if (n_unchanged == 0)
    /* TRANSLATORS: "3 new, 2 updated, 1 with errors". */
    return g_strdup_printf (_("%s, %s, %s"), added, updated, errors);

  unchanged = g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", n_unchanged), n_unchanged);

  /* TRANSLATORS: "3 new, 2 updated, 1 with errors, 4 unchanged". */
  return g_strdup_printf (_("%s, %s, %s, %s"), added, updated, errors, unchanged);
}

static void
update_summary (KwImportDialog *self)
{
  const char *problem = kw_import_get_problem (self->import);
  guint n_rows = kw_import_get_n_rows (self->import);
  guint n_changes = kw_import_count (self->import, KW_IMPORT_ROW_NEW) +
                    kw_import_count (self->import, KW_IMPORT_ROW_UPDATE);
  g_autofree char *counts = NULL;
  g_autoptr(GString) hint = g_string_new (NULL);

  if (problem != NULL)
    {
      gtk_label_set_text (self->summary_label, problem);
    }
  else
    {
      counts = describe_counts (self->import);
      gtk_label_set_text (self->summary_label, counts);
    }

  g_string_append (hint, kw_import_has_header (self->import)
                         ? _("The first row names the columns. Choose what a column holds to change it.")
                         : _("There is no header row: choose what each column holds."));
  if (n_rows > MAX_ROWS_SHOWN)
    {
      g_string_append_c (hint, ' ');
      g_string_append_printf (hint, _("The first %u of %u rows are shown."), MAX_ROWS_SHOWN, n_rows);
    }
  gtk_label_set_text (self->hint_label, hint->str);

  gtk_widget_set_sensitive (self->import_button, problem == NULL && n_changes > 0);
}

/* The rows */

static const char *
describe_row_kind (KwImportRowKind kind,
                   const char    **css_class)
{
  switch (kind)
    {
    case KW_IMPORT_ROW_NEW:
      *css_class = "success";
      return C_("import row", "New");
    case KW_IMPORT_ROW_UPDATE:
      *css_class = "accent";
      return C_("import row", "Update");
    case KW_IMPORT_ROW_UNCHANGED:
      *css_class = "dim-label";
      return C_("import row", "Unchanged");
    case KW_IMPORT_ROW_ERROR:
    default:
      *css_class = "error";
      return C_("import row", "Error");
    }
}

static void
attach (KwImportDialog *self,
        GtkWidget      *widget,
        guint           column,
        guint           row,
        guint           width)
{
  gtk_grid_attach (self->grid, widget, (int) column, (int) row, (int) width, 1);
  g_ptr_array_add (self->row_widgets, widget);
}

static GtkWidget *
cell_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);

  return label;
}

/* Returns the grid rows it took: one, or two with the error below. */
static guint
add_row (KwImportDialog *self,
         guint           row,
         guint           grid_row)
{
  KwImportRowKind kind = kw_import_get_row_kind (self->import, row);
  const char *error = kw_import_get_row_error (self->import, row);
  guint n_columns = kw_import_get_n_columns (self->import);
  g_autofree char *number = g_strdup_printf ("%u", kw_import_get_row_number (self->import, row));
  const char *css_class = NULL;
  GtkWidget *label;

  label = cell_label (number);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  attach (self, label, 0, grid_row, 1);

  label = cell_label (describe_row_kind (kind, &css_class));
  gtk_widget_add_css_class (label, css_class);
  attach (self, label, 1, grid_row, 1);

  for (guint column = 0; column < n_columns; column++)
    {
      label = cell_label (kw_import_get_cell (self->import, row, column));
      if (kw_import_get_column (self->import, column) == KW_CSV_COLUMN_IGNORED)
        gtk_widget_add_css_class (label, "dim-label");
      attach (self, label, FIRST_CELL_COLUMN + column, grid_row, 1);
    }

  if (error == NULL)
    return 1;

  label = gtk_label_new (error);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  attach (self, label, FIRST_CELL_COLUMN, grid_row + 1, n_columns);

  return 2;
}

static void
rebuild_rows (KwImportDialog *self)
{
  guint n_shown = MIN (kw_import_get_n_rows (self->import), MAX_ROWS_SHOWN);
  guint grid_row = FIRST_ROW;

  for (guint i = 0; i < self->row_widgets->len; i++)
    gtk_grid_remove (self->grid, g_ptr_array_index (self->row_widgets, i));
  g_ptr_array_set_size (self->row_widgets, 0);

  for (guint row = 0; row < n_shown; row++)
    grid_row += add_row (self, row, grid_row);
}

static void
sync_dropdowns (KwImportDialog *self)
{
  self->updating = TRUE;
  for (guint column = 0; column < self->dropdowns->len; column++)
    gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, column),
                                choice_of_kind (kw_import_get_column (self->import, column)));
  self->updating = FALSE;
}

static void
refresh (KwImportDialog *self)
{
  sync_dropdowns (self);
  rebuild_rows (self);
  update_summary (self);
}

/* The columns */

static void
column_chosen_cb (GtkDropDown    *dropdown,
                  GParamSpec     *pspec,
                  KwImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "kw-column"));
  guint choice = gtk_drop_down_get_selected (dropdown);

  if (self->updating || choice >= G_N_ELEMENTS (choices))
    return;

  kw_import_set_column (self->import, column, choices[choice].kind);
  refresh (self);
}

static GtkWidget *
column_header (KwImportDialog *self,
               guint           column)
{
  const char *name = kw_import_get_column_label (self->import, column);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autofree char *accessible = NULL;
  GtkWidget *label = cell_label (name);
  GtkWidget *dropdown;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_string_list_append (list, _(choices[i].label));

  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->grid, label, (int) (FIRST_CELL_COLUMN + column), 0, 1, 1);

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
  /* TRANSLATORS: the accessible name of the list that says what a
   * column holds; the column's header, or its letter such as "B". */
  accessible = g_strdup_printf (_("Column %s holds"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (dropdown), "kw-column", GUINT_TO_POINTER (column));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (column_chosen_cb), self, 0);
  gtk_grid_attach (self->grid, dropdown, (int) (FIRST_CELL_COLUMN + column), 1, 1, 1);

  return dropdown;
}

static void
build_header (KwImportDialog *self)
{
  GtkWidget *label;

  label = cell_label (_("Row"));
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->grid, label, 0, 0, 1, 1);

  label = cell_label (_("Import as"));
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->grid, label, 1, 0, 1, 1);

  for (guint column = 0; column < kw_import_get_n_columns (self->import); column++)
    g_ptr_array_add (self->dropdowns, column_header (self, column));
}

/* Importing */

static void
import_clicked_cb (KwImportDialog *self)
{
  guint n_changes;

  if (self->estimates != NULL)
    n_changes = kw_estimates_import_apply (self->estimates, self->history);
  else
    n_changes = kw_import_apply (self->import, self->history);

  g_signal_emit (self, signals[IMPORTED], 0, n_changes);
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static void
kw_import_dialog_dispose (GObject *object)
{
  KwImportDialog *self = KW_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->estimates);
  g_clear_object (&self->history);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->row_widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_import_dialog_parent_class)->dispose (object);
}

static void
kw_import_dialog_class_init (KwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_import_dialog_dispose;

  /**
   * KwImportDialog::imported:
   * @n_changes: how many findings were added or changed (estimates set,
   *   for estimates)
   *
   * The user confirmed and the import was applied.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, KwImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, KwImportDialog, grid);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_import_dialog_init (KwImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dropdowns = g_ptr_array_new ();
  self->row_widgets = g_ptr_array_new ();
}

KwImportDialog *
kw_import_dialog_new (GtkWindow *parent,
                      KwImport  *import,
                      KwHistory *history)
{
  KwImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_IMPORT (import), NULL);
  g_return_val_if_fail (KW_IS_HISTORY (history), NULL);

  self = g_object_new (KW_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->import = g_object_ref (import);
  self->history = g_object_ref (history);

  build_header (self);
  refresh (self);

  /* Enter confirms what the preview shows. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  gtk_widget_grab_focus (self->import_button);

  return self;
}

KwImport *
kw_import_dialog_get_import (KwImportDialog *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/* Estimates */

static GtkWidget *
heading_label (const char *text)
{
  GtkWidget *label = cell_label (text);

  gtk_widget_add_css_class (label, "heading");

  return label;
}

static void
describe_estimates (KwImportDialog *self)
{
  guint n_problems = kw_estimates_import_get_n_problems (self->estimates);
  guint n_entries = kw_estimates_import_get_n_entries (self->estimates);
  guint n_participants = kw_estimates_import_get_n_participants (self->estimates);
  guint n_new = kw_estimates_import_get_n_new_participants (self->estimates);
  g_autofree char *summary = NULL;
  g_autofree char *hint = NULL;

  if (n_problems > 0)
    summary = g_strdup_printf (ngettext ("%u problem: nothing is imported until it is fixed in the spreadsheet",
                                         "%u problems: nothing is imported until they are fixed in the spreadsheet",
                                         n_problems),
                               n_problems);
  else if (n_entries == 0)
    summary = g_strdup (_("The file holds no estimates"));
  else
    {
      g_autofree char *estimates = g_strdup_printf (ngettext ("%u estimate", "%u estimates", n_entries), n_entries);
      g_autofree char *participants = g_strdup_printf (ngettext ("%u participant", "%u participants",
                                                                 n_participants),
                                                       n_participants);

      /* TRANSLATORS: "12 estimates" from "3 participants". */
      summary = g_strdup_printf (_("%s from %s"), estimates, participants);
    }
  gtk_label_set_text (self->summary_label, summary);

  if (n_new == 0)
    hint = g_strdup (_("Every participant is on the board already."));
  else
    hint = g_strdup_printf (ngettext ("%u participant is new and will be added to the board.",
                                      "%u participants are new and will be added to the board.", n_new),
                            n_new);
  gtk_label_set_text (self->hint_label, hint);

  gtk_widget_set_sensitive (self->import_button, n_problems == 0 && n_entries > 0);
}

/* Returns the next grid row. */
static guint
add_participant_rows (KwImportDialog *self,
                      guint           grid_row)
{
  guint n_participants = kw_estimates_import_get_n_participants (self->estimates);

  GtkWidget *filler = cell_label ("");

  gtk_grid_attach (self->grid, heading_label (_("Participant")), 0, (int) grid_row, 1, 1);
  gtk_grid_attach (self->grid, heading_label (_("Estimates")), 1, (int) grid_row, 1, 1);
  /* The problems' messages span the columns: the width they need beyond
   * the participants' goes to an empty last column, not between them. */
  gtk_widget_set_hexpand (filler, TRUE);
  gtk_grid_attach (self->grid, filler, 3, (int) grid_row, 1, 1);
  grid_row++;

  for (guint i = 0; i < n_participants && i < MAX_ROWS_SHOWN; i++, grid_row++)
    {
      guint n_estimates = 0;
      gboolean is_new = FALSE;
      const char *name = kw_estimates_import_get_participant (self->estimates, i, &n_estimates, &is_new);
      g_autofree char *count = g_strdup_printf ("%u", n_estimates);
      GtkWidget *label;

      gtk_grid_attach (self->grid, cell_label (name), 0, (int) grid_row, 1, 1);
      label = cell_label (count);
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (self->grid, label, 1, (int) grid_row, 1, 1);
      if (is_new)
        {
          label = cell_label (C_("participant", "New"));
          gtk_widget_add_css_class (label, "success");
          gtk_grid_attach (self->grid, label, 2, (int) grid_row, 1, 1);
        }
    }

  return grid_row;
}

static void
add_problem_rows (KwImportDialog *self,
                  guint           grid_row)
{
  guint n_problems = kw_estimates_import_get_n_problems (self->estimates);

  if (n_problems == 0)
    return;

  /* A blank line between the participants and the problems. */
  gtk_grid_attach (self->grid, cell_label (""), 0, (int) grid_row++, 1, 1);
  gtk_grid_attach (self->grid, heading_label (_("Row")), 0, (int) grid_row, 1, 1);
  gtk_grid_attach (self->grid, heading_label (_("Problem")), 1, (int) grid_row, 3, 1);
  grid_row++;

  for (guint i = 0; i < n_problems && i < MAX_ROWS_SHOWN; i++, grid_row++)
    {
      const KwEstimatesProblem *problem = kw_estimates_import_get_problem (self->estimates, i);
      g_autofree char *row = g_strdup_printf ("%u", problem->row);
      GtkWidget *label = cell_label (row);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, 0, (int) grid_row, 1, 1);

      /* The whole message: it names the file and the column as well. */
      label = gtk_label_new (problem->message);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_grid_attach (self->grid, label, 1, (int) grid_row, 3, 1);
    }
}

KwImportDialog *
kw_import_dialog_new_for_estimates (GtkWindow         *parent,
                                    KwEstimatesImport *estimates,
                                    KwHistory         *history)
{
  KwImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_ESTIMATES_IMPORT (estimates), NULL);
  g_return_val_if_fail (KW_IS_HISTORY (history), NULL);

  self = g_object_new (KW_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "title", _("Import Estimates"),
                       NULL);
  self->estimates = g_object_ref (estimates);
  self->history = g_object_ref (history);

  add_problem_rows (self, add_participant_rows (self, 0));
  describe_estimates (self);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  gtk_widget_grab_focus (self->import_button);

  return self;
}

KwEstimatesImport *
kw_import_dialog_get_estimates_import (KwImportDialog *self)
{
  g_return_val_if_fail (KW_IS_IMPORT_DIALOG (self), NULL);

  return self->estimates;
}
