/* kw-export-dialog.c
 *
 * The dialog gathers the format and its options; kw-export-file.c does
 * the export itself. The dialog stays busy while it runs, and closing it
 * cancels it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-export-dialog.h"
#include "kw-export-file.h"
#include "kw-export-ics.h"
#include "kw-export-pdf.h"
#include "kw-file-names.h"
#include "kw-message-dialog.h"
#include "kw-plan-text.h"
#include "kw-save-chooser.h"

typedef struct
{
  KwExportFormat  format;
  const char     *name;
  const char     *description;
  const char     *suffix;
  const char     *mime_type;
  const char     *filter_name;
} FormatInfo;

/* In the order of KwExportFormat, which is the order of the list. */
static const FormatInfo formats[] = {
  { KW_EXPORT_FORMAT_HTML, N_("Action plan (HTML)"),
    N_("A page to mail, readable in any browser"),
    ".html", "text/html", N_("Web pages") },
  { KW_EXPORT_FORMAT_PDF, N_("Action plan (PDF)"),
    N_("Pages to print or to send"),
    ".pdf", "application/pdf", N_("PDF documents") },
  { KW_EXPORT_FORMAT_CSV, N_("Findings (CSV)"),
    N_("The findings and outcomes, for a spreadsheet"),
    ".csv", "text/csv", N_("CSV files") },
  { KW_EXPORT_FORMAT_XLSX, N_("Findings (Excel)"),
    N_("A workbook of the findings and outcomes"),
    ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", N_("Excel workbooks") },
  { KW_EXPORT_FORMAT_ICS, N_("Follow-up (iCalendar)"),
    N_("Due and review dates, for a calendar"),
    ".ics", "text/calendar", N_("iCalendar files") },
  { KW_EXPORT_FORMAT_SVG, N_("Matrix image (SVG)"),
    N_("The matrix, sharp at any size"),
    ".svg", "image/svg+xml", N_("SVG images") },
  { KW_EXPORT_FORMAT_PNG, N_("Matrix image (PNG)"),
    N_("The matrix as a picture, for slides"),
    ".png", "image/png", N_("PNG images") },
};

static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "nl", N_("Dutch") },
  { "en", N_("English") },
};

static const struct {
  char        separator;
  const char *name;
} separators[] = {
  { ';', N_("Semicolon, for Dutch Excel") },
  { ',', N_("Comma") },
};

/* The last one, without a size, is "Custom size". */
static const struct {
  int         width;
  int         height;
  const char *name;
} image_sizes[] = {
  { 1600, 1200, N_("1600 × 1200, a 4:3 slide") },
  { 1920, 1080, N_("1920 × 1080, a 16:9 slide") },
  { 1280, 720, N_("1280 × 720, a small 16:9 slide") },
  { 1024, 768, N_("1024 × 768, a small 4:3 slide") },
  { 0, 0, N_("Custom size") },
};

static const struct {
  KwPaper     paper;
  const char *name;
} papers[] = {
  { KW_PAPER_A4, N_("A4") },
  { KW_PAPER_LETTER, N_("Letter") },
};

struct _KwExportDialog
{
  AdwWindow             parent_instance;

  /* Template children */
  GtkWidget            *export_button;
  GtkWidget            *spinner;
  AdwComboRow          *format_row;
  AdwComboRow          *language_row;
  AdwComboRow          *since_row;
  GtkWidget            *csv_group;
  AdwComboRow          *separator_row;
  GtkSwitch            *bom_switch;
  GtkWidget            *image_group;
  AdwComboRow          *size_row;
  GtkWidget            *width_row;
  GtkWidget            *height_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  GtkWidget            *pdf_group;
  AdwComboRow          *paper_row;
  GtkSwitch            *open_switch;

  KwBoard              *board;
  GFile                *board_file;
  AdwToastOverlay      *toast_overlay;
  GCancellable         *cancellable;
  /* What since_row lists: NULL ("None"), then the board's snapshots,
   * newest first. */
  GPtrArray            *since_choices;

  guint                 busy : 1;
};

G_DEFINE_FINAL_TYPE (KwExportDialog, kw_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_BOARD_FILE,
  PROP_TOAST_OVERLAY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Lists */

static GListModel *
new_name_list (const char * const *names,
               guint               n_names)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_names; i++)
    gtk_string_list_append (list, _(names[i]));

  return G_LIST_MODEL (list);
}

#define SET_NAME_LIST(row, table)                                           \
  G_STMT_START {                                                            \
    const char *names[G_N_ELEMENTS (table)];                                \
    g_autoptr(GListModel) model = NULL;                                     \
                                                                            \
    for (guint i_ = 0; i_ < G_N_ELEMENTS (table); i_++)                     \
      names[i_] = table[i_].name;                                           \
    model = new_name_list (names, G_N_ELEMENTS (table));                    \
    adw_combo_row_set_model (row, model);                                   \
  } G_STMT_END

static const FormatInfo *
get_format_info (KwExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return &formats[MIN (selected, G_N_ELEMENTS (formats) - 1)];
}

static char
get_separator (KwExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->separator_row);

  return separators[MIN (selected, G_N_ELEMENTS (separators) - 1)].separator;
}

static KwPaper
get_paper (KwExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->paper_row);

  return papers[MIN (selected, G_N_ELEMENTS (papers) - 1)].paper;
}

static gboolean
size_is_custom (KwExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->size_row);

  return selected >= G_N_ELEMENTS (image_sizes) - 1;
}

/* The snapshot to compare with */

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static gboolean
format_is_plan (const FormatInfo *info)
{
  return info->format == KW_EXPORT_FORMAT_HTML || info->format == KW_EXPORT_FORMAT_PDF;
}

/* "None", then the snapshots newest first: a plan for a review meeting is
 * mostly compared with the last session. The default stays None: a plan
 * is the same as without snapshots unless the facilitator asks for the
 * comparison, and right after taking a snapshot the latest would only
 * add a section saying nothing changed. */
static void
fill_since_choices (KwExportDialog *self)
{
  GListModel *snapshots = kw_board_get_snapshots (self->board);
  guint n = g_list_model_get_n_items (snapshots);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->since_choices, 0);
  g_ptr_array_add (self->since_choices, NULL);
  /* Translators: the export dialog's "Compare with" choice: no snapshot. */
  gtk_string_list_append (names, C_("compare with", "None"));
  for (guint i = n; i-- > 0;)
    {
      KwSnapshot *snapshot = g_list_model_get_item (snapshots, i);

      gtk_string_list_append (names, kw_snapshot_get_name (snapshot));
      g_ptr_array_add (self->since_choices, snapshot);
    }

  adw_combo_row_set_model (self->since_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->since_row, 0);
}

static KwSnapshot *
get_since (KwExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->since_row);

  if (!format_is_plan (get_format_info (self)) || selected >= self->since_choices->len)
    return NULL;

  return g_ptr_array_index (self->since_choices, selected);
}

/* Showing what goes with the format */

/* A calendar of a board without dates would be empty: say so before a
 * file is chosen, instead of an error after. */
static gboolean
format_has_nothing (KwExportDialog   *self,
                    const FormatInfo *info)
{
  return info->format == KW_EXPORT_FORMAT_ICS && self->board != NULL &&
         kw_export_ics_count_events (self->board) == 0;
}

static void
update_export_button (KwExportDialog *self)
{
  gtk_widget_set_sensitive (self->export_button,
                            !self->busy && !format_has_nothing (self, get_format_info (self)));
}

static void
format_changed_cb (KwExportDialog *self)
{
  const FormatInfo *info = get_format_info (self);
  gboolean image = info->format == KW_EXPORT_FORMAT_SVG || info->format == KW_EXPORT_FORMAT_PNG;
  gboolean nothing = format_has_nothing (self, info);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                               nothing ? _("No dates on work still to do")
                                       : _(info->description));
  update_export_button (self);
  gtk_widget_set_visible (self->csv_group, info->format == KW_EXPORT_FORMAT_CSV);
  gtk_widget_set_visible (self->image_group, image);
  gtk_widget_set_visible (self->pdf_group, info->format == KW_EXPORT_FORMAT_PDF);
  /* Only the plans show changes, and only a board with snapshots has
   * something to compare with. */
  gtk_widget_set_visible (GTK_WIDGET (self->since_row),
                          format_is_plan (info) && self->since_choices->len > 1);
}

/* Dutch Excel splits on semicolons, English Excel on commas: the separator
 * follows the language, and the user can still pick the other one. */
static void
language_changed_cb (KwExportDialog *self)
{
  char wanted = g_str_equal (kw_export_dialog_get_language (self), "nl") ? ';' : ',';

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      if (separators[i].separator == wanted)
        adw_combo_row_set_selected (self->separator_row, i);
    }
}

static void
size_changed_cb (KwExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->size_row);
  gboolean custom = size_is_custom (self);

  /* A preset fills in the numbers, so a custom size starts from it. */
  if (!custom)
    {
      gtk_spin_button_set_value (self->width_spin, image_sizes[selected].width);
      gtk_spin_button_set_value (self->height_spin, image_sizes[selected].height);
    }

  gtk_widget_set_visible (self->width_row, custom);
  gtk_widget_set_visible (self->height_row, custom);
}

static void
kw_export_dialog_set_busy (KwExportDialog *self,
                           gboolean        busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  update_export_button (self);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Naming things */

/* Opening the result */

static void
launch_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) toast_overlay = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  g_warning ("Could not open the exported file: %s", error->message);
  if (toast_overlay != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      g_autofree char *title = g_strdup_printf (_("Could not open the file: %s"), escaped);

      adw_toast_overlay_add_toast (toast_overlay, adw_toast_new (title));
    }
}

static void
launch_file (GFile           *file,
             AdwToastOverlay *toast_overlay)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gdk_display_get_default ());

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, launch_finished_cb,
                                           toast_overlay != NULL ? g_object_ref (toast_overlay) : NULL);
}

static void
toast_open_clicked_cb (AdwToast *toast,
                       GFile    *file)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "kw-toast-overlay");

  launch_file (file, overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL);
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

static void
show_exported_toast (KwExportDialog *self,
                     GFile          *file,
                     gboolean        opened)
{
  g_autofree char *name = kw_file_dup_display_name (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->toast_overlay == NULL)
    return;

  /* An AdwToast title is markup: a file may be called "Q&A.html". */
  title = g_strdup_printf (_("Exported “%s”"), escaped);
  toast = adw_toast_new (title);
  if (!opened)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data (G_OBJECT (toast), "kw-toast-overlay", self->toast_overlay);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_open_clicked_cb),
                             g_object_ref (file), unref_closure_data, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Exporting */

static void
show_export_error (KwExportDialog *self,
                   GFile          *file,
                   const GError   *error)
{
  g_autofree char *name = kw_file_dup_display_name (file);
  g_autofree char *heading = g_strdup_printf (_("Could not export “%s”"), name);

  kw_message_dialog_show_error (GTK_WINDOW (self), heading, error);
}

static void
export_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KwExportDialog *self = KW_EXPORT_DIALOG (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  gboolean open;

  /* Cancelled: the dialog was closed. The task checks its cancellable, so
   * a write that finished just before lands here too. */
  if (!kw_export_file_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  kw_export_dialog_set_busy (self, FALSE);

  if (error != NULL)
    {
      show_export_error (self, file, error);
      return;
    }

  open = gtk_switch_get_active (self->open_switch);
  if (open)
    launch_file (file, self->toast_overlay);
  show_exported_toast (self, file, open);

  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
get_image_size (KwExportDialog *self,
                int            *width,
                int            *height)
{
  *width = gtk_spin_button_get_value_as_int (self->width_spin);
  *height = gtk_spin_button_get_value_as_int (self->height_spin);
}

void
kw_export_dialog_export_to_file (KwExportDialog *self,
                                 GFile          *file)
{
  KwExportFileOptions options = { 0 };

  g_return_if_fail (KW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy);

  options.format = get_format_info (self)->format;
  options.lang = kw_export_dialog_get_language (self);
  options.separator = get_separator (self);
  options.bom = gtk_switch_get_active (self->bom_switch);
  get_image_size (self, &options.width, &options.height);
  options.paper = get_paper (self);
  options.since = get_since (self);

  kw_export_dialog_set_busy (self, TRUE);
  kw_export_file_async (self->board, &options, file, self, self->cancellable, export_finished_cb,
                        g_object_ref (file));
}

static void
export_chosen_cb (GtkWindow *parent,
                  GFile     *file)
{
  KwExportDialog *self = KW_EXPORT_DIALOG (parent);

  if (file != NULL && !self->busy)
    kw_export_dialog_export_to_file (self, file);
}

static const char *
get_replace_body (void)
{
  return _("A file with this name already exists in this folder. Replacing it overwrites its contents.");
}

void
kw_export_dialog_export_to_chosen (KwExportDialog *self,
                                   GFile          *chosen)
{
  g_return_if_fail (KW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (chosen));

  if (self->busy)
    return;

  kw_save_chooser_confirm (GTK_WINDOW (self), chosen, get_format_info (self)->suffix, get_replace_body (),
                           export_chosen_cb);
}

static void
export_clicked_cb (KwExportDialog *self)
{
  const FormatInfo *info = get_format_info (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*", info->suffix, NULL);
  KwSaveChooserOptions options = {
    .title = _("Export"),
    .accept_label = _("_Export"),
    .filter = filter,
    .near_file = self->board_file,
    .name = kw_board_get_display_title (self->board),
    .suffix = info->suffix,
    .replace_body = get_replace_body (),
  };

  gtk_file_filter_set_name (filter, _(info->filter_name));
  gtk_file_filter_add_mime_type (filter, info->mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  kw_save_chooser_show (GTK_WINDOW (self), &options, export_chosen_cb);
}

/* GObject */

/* Cancel (or Escape) while a file is written stops the write: there is
 * no toast, and never half a file (the file is replaced as a whole). */
static gboolean
kw_export_dialog_close_request (GtkWindow *window)
{
  KwExportDialog *self = KW_EXPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (kw_export_dialog_parent_class)->close_request (window);
}

static void
kw_export_dialog_dispose (GObject *object)
{
  KwExportDialog *self = KW_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (kw_export_dialog_parent_class)->dispose (object);
}

static void
kw_export_dialog_finalize (GObject *object)
{
  KwExportDialog *self = KW_EXPORT_DIALOG (object);

  g_clear_object (&self->board);
  g_clear_object (&self->board_file);
  g_clear_object (&self->toast_overlay);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->since_choices, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_export_dialog_parent_class)->finalize (object);
}

static void
kw_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KwExportDialog *self = KW_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    case PROP_BOARD_FILE:
      g_value_set_object (value, self->board_file);
      break;

    case PROP_TOAST_OVERLAY:
      g_value_set_object (value, self->toast_overlay);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KwExportDialog *self = KW_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      self->board = g_value_dup_object (value);
      break;

    case PROP_BOARD_FILE:
      self->board_file = g_value_dup_object (value);
      break;

    case PROP_TOAST_OVERLAY:
      self->toast_overlay = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_export_dialog_constructed (GObject *object)
{
  KwExportDialog *self = KW_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (kw_export_dialog_parent_class)->constructed (object);

  /* An empty board rather than a crash when built without one. */
  if (self->board == NULL)
    self->board = kw_board_new ();

  fill_since_choices (self);
  format_changed_cb (self);
}

static void
kw_export_dialog_class_init (KwExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kw_export_dialog_dispose;
  object_class->finalize = kw_export_dialog_finalize;
  object_class->get_property = kw_export_dialog_get_property;
  object_class->set_property = kw_export_dialog_set_property;
  object_class->constructed = kw_export_dialog_constructed;

  window_class->close_request = kw_export_dialog_close_request;

  /**
   * KwExportDialog:board:
   *
   * The board to export.
   */
  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         KW_TYPE_BOARD,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KwExportDialog:board-file:
   *
   * Where the board is saved, or %NULL: exports go next to it.
   */
  properties[PROP_BOARD_FILE] =
    g_param_spec_object ("board-file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KwExportDialog:toast-overlay:
   *
   * Where the toast of a finished export shows, or %NULL.
   */
  properties[PROP_TOAST_OVERLAY] =
    g_param_spec_object ("toast-overlay", NULL, NULL,
                         ADW_TYPE_TOAST_OVERLAY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KwExportDialog:busy:
   *
   * Whether an export is being written.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KwExportDialog::exported:
   * @file: the file written
   *
   * Emitted when an export was written, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, pdf_group);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, KwExportDialog, open_switch);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static guint
ui_language_index (void)
{
  /* Without a pushed language this is the code of the UI's catalogue;
   * a UI in a language the plan is not written in gets English. */
  const char *code = kw_plan_language_get_code ();

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_str_equal (languages[i].code, code))
        return i;
    }

  return 1;
}

static void
kw_export_dialog_init (KwExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kw_a11y_name_buttons_once (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->since_choices = g_ptr_array_new_with_free_func (unref_if_set);

  /* The separator list first: choosing a language picks a separator. */
  SET_NAME_LIST (self->separator_row, separators);
  SET_NAME_LIST (self->format_row, formats);
  SET_NAME_LIST (self->language_row, languages);
  SET_NAME_LIST (self->size_row, image_sizes);
  SET_NAME_LIST (self->paper_row, papers);

  adw_combo_row_set_selected (self->format_row, KW_EXPORT_FORMAT_HTML);
  adw_combo_row_set_selected (self->language_row, ui_language_index ());
  adw_combo_row_set_selected (self->size_row, 0);

  /* set_selected only notifies on a change: bring everything in line. */
  format_changed_cb (self);
  language_changed_cb (self);
  size_changed_cb (self);
}

KwExportDialog *
kw_export_dialog_new (GtkWindow       *parent,
                      KwBoard         *board,
                      GFile           *board_file,
                      AdwToastOverlay *toast_overlay)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_BOARD (board), NULL);
  g_return_val_if_fail (board_file == NULL || G_IS_FILE (board_file), NULL);
  g_return_val_if_fail (toast_overlay == NULL || ADW_IS_TOAST_OVERLAY (toast_overlay), NULL);

  return g_object_new (KW_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "board", board,
                       "board-file", board_file,
                       "toast-overlay", toast_overlay,
                       NULL);
}

KwExportFormat
kw_export_dialog_get_format (KwExportDialog *self)
{
  g_return_val_if_fail (KW_IS_EXPORT_DIALOG (self), KW_EXPORT_FORMAT_HTML);

  return get_format_info (self)->format;
}

void
kw_export_dialog_set_format (KwExportDialog *self,
                             KwExportFormat  format)
{
  g_return_if_fail (KW_IS_EXPORT_DIALOG (self));
  g_return_if_fail ((guint) format < G_N_ELEMENTS (formats));

  adw_combo_row_set_selected (self->format_row, format);
}

const char *
kw_export_dialog_get_language (KwExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (KW_IS_EXPORT_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->language_row);

  return languages[MIN (selected, G_N_ELEMENTS (languages) - 1)].code;
}

void
kw_export_dialog_set_language (KwExportDialog *self,
                               const char     *lang)
{
  g_return_if_fail (KW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (kw_plan_language_is_known (lang));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_str_equal (languages[i].code, lang))
        adw_combo_row_set_selected (self->language_row, i);
    }
}

void
kw_export_dialog_set_csv_options (KwExportDialog *self,
                                  char            separator,
                                  gboolean        bom)
{
  g_return_if_fail (KW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (separator == ',' || separator == ';');

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      if (separators[i].separator == separator)
        adw_combo_row_set_selected (self->separator_row, i);
    }
  gtk_switch_set_active (self->bom_switch, bom);
}

void
kw_export_dialog_set_image_size (KwExportDialog *self,
                                 int             width,
                                 int             height)
{
  guint preset = G_N_ELEMENTS (image_sizes) - 1;

  g_return_if_fail (KW_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i + 1 < G_N_ELEMENTS (image_sizes); i++)
    {
      if (image_sizes[i].width == width && image_sizes[i].height == height)
        preset = i;
    }

  adw_combo_row_set_selected (self->size_row, preset);
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
}

void
kw_export_dialog_set_paper (KwExportDialog *self,
                            KwPaper         paper)
{
  g_return_if_fail (KW_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      if (papers[i].paper == paper)
        adw_combo_row_set_selected (self->paper_row, i);
    }
}

void
kw_export_dialog_set_open_when_done (KwExportDialog *self,
                                     gboolean        open_when_done)
{
  g_return_if_fail (KW_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->open_switch, open_when_done);
}

gboolean
kw_export_dialog_get_busy (KwExportDialog *self)
{
  g_return_val_if_fail (KW_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

KwSnapshot *
kw_export_dialog_get_since (KwExportDialog *self)
{
  g_return_val_if_fail (KW_IS_EXPORT_DIALOG (self), NULL);

  return get_since (self);
}

gboolean
kw_export_dialog_set_since (KwExportDialog *self,
                            KwSnapshot     *snapshot)
{
  g_return_val_if_fail (KW_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (snapshot == NULL || KW_IS_SNAPSHOT (snapshot), FALSE);

  for (guint i = 0; i < self->since_choices->len; i++)
    {
      if (g_ptr_array_index (self->since_choices, i) == snapshot)
        {
          adw_combo_row_set_selected (self->since_row, i);
          return TRUE;
        }
    }

  return FALSE;
}
