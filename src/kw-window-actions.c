/* kw-window-actions.c: the window's actions (win.*) and the one function that
 * decides which of them are enabled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-export-dialog.h"
#include "kw-new-board-dialog.h"
#include "kw-print.h"
#include "kw-window-private.h"

/* The one place that decides which actions are enabled: called whenever
 * anything they depend on changes. */
void
kw_window_update_actions (KwWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  KwHistory *history = kw_window_history (self);
  gboolean loading = kw_document_get_loading (self->document);
  gboolean idle = !loading && !kw_document_get_saving (self->document);
  /* An older Kwadrant never writes a newer format's board: it would lose
   * what it does not know. Export and print stay. */
  gboolean editable = !kw_document_get_read_only (self->document);
  /* The welcome page has no board: saving, exporting or presenting it
   * would write or show an empty one. */
  gboolean has_board = self->started;

  gtk_widget_action_set_enabled (widget, "win.save", has_board && idle && editable);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_board && idle && editable);
  gtk_widget_action_set_enabled (widget, "win.reload", idle && kw_window_file (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.new-board", !loading);
  gtk_widget_action_set_enabled (widget, "win.import", idle && editable);
  gtk_widget_action_set_enabled (widget, "win.export", has_board && !loading);
  gtk_widget_action_set_enabled (widget, "win.print", has_board && !loading);
  gtk_widget_action_set_enabled (widget, "win.find", has_board && !self->presenting);
  gtk_widget_action_set_enabled (widget, "win.present", has_board);
  gtk_widget_action_set_enabled (widget, "win.undo", editable && history != NULL && kw_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", editable && history != NULL && kw_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.delete", editable && self->selection != NULL &&
                                                       kw_window_get_first_selected (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.add-finding", editable);
  gtk_widget_action_set_enabled (widget, "win.quick-add", editable);
  gtk_widget_action_set_enabled (widget, "win.leave-presentation", self->presenting);
  gtk_widget_action_set_enabled (widget, "win.take-snapshot", has_board && !loading && editable);
  gtk_widget_action_set_enabled (widget, "win.snapshots", has_board && !loading && !self->presenting);
  gtk_widget_action_set_enabled (widget, "win.compare", has_board && !loading);
  gtk_widget_action_set_enabled (widget, "win.leave-compare", !self->presenting && kw_window_get_compare (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.review", has_board && !loading && editable && !self->reviewing);
  kw_window_update_round_actions (self, !loading && editable);
  gtk_widget_action_set_enabled (widget, "win.participants", !loading && editable && !self->presenting);
  gtk_widget_action_set_enabled (widget, "win.estimates", !loading && !self->presenting);
  gtk_widget_action_set_enabled (widget, "win.discuss-first", !loading && !self->presenting);
  gtk_widget_action_set_enabled (widget, "win.use-median", editable && !loading && self->selection != NULL &&
                                                           kw_window_get_first_selected (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.use-median-all", editable && !loading);

  /* Review mode decides with its own keys, and undoes its own steps. */
  if (self->reviewing)
    {
      static const char * const off[] = {
        "win.undo", "win.redo", "win.delete", "win.add-finding", "win.quick-add", "win.find", "win.present",
        "win.take-snapshot", "win.snapshots", "win.compare", "win.import", "win.new-board",
        "win.participants", "win.use-median", "win.use-median-all",
      };

      for (guint i = 0; i < G_N_ELEMENTS (off); i++)
        gtk_widget_action_set_enabled (widget, off[i], FALSE);
    }
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kw_window_save (KW_WINDOW (widget));
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  kw_window_save_as (KW_WINDOW (widget));
}

static void
new_board_response_cb (KwNewBoardDialog *dialog,
                       const char       *response,
                       KwWindow         *self)
{
  /* Set on the new board, not as an undo step: it is how the board
   * starts. Cancel leaves it untitled. */
  if (g_str_equal (response, "create"))
    kw_new_board_dialog_apply (dialog, kw_window_board (self));

  gtk_widget_grab_focus (GTK_WIDGET (kw_tray_get_entry (self->tray)));
}

static void
ask_new_board (KwWindow *self)
{
  KwNewBoardDialog *dialog;

  kw_window_start_board (self);

  dialog = kw_new_board_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_board_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+N, GNOME's New: a new board in a new window, or in this one while
 * it shows the untouched welcome page. */
static void
new_board_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  KwWindow *target = self;

  if (self->started || !kw_window_is_blank (self))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (app == NULL)
        return;

      target = kw_window_new (app);
      gtk_window_present (GTK_WINDOW (target));
    }

  ask_new_board (target);
}

static void
open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  kw_window_open (KW_WINDOW (widget), file);
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kw_window_reload (KW_WINDOW (widget));
}

/* Hides the bar and nothing else: the document still knows the version
 * we read, so a later Save still asks before it replaces the other one. */
static void
keep_mine_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_window_set_bar_shown (self->file_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix));
}

/* Esc leaves the presentation; the action is enabled only while
 * presenting, so everywhere else Esc goes on to mean what it always means. */
static void
leave_presentation_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  kw_window_set_presenting (KW_WINDOW (widget), FALSE);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_history_undo (kw_window_history (self));
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_history_redo (kw_window_history (self));
}

/* Insert adds a finding at once, as one undo step: it waits in the tray,
 * selected, with its title ready to be typed over in the details. */
static void
add_finding_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  g_autoptr(KwFinding) finding = NULL;

  if (kw_document_get_loading (self->document) || kw_document_get_read_only (self->document))
    return;

  kw_window_set_presenting (self, FALSE);
  kw_window_start_board (self);

  finding = kw_finding_new (_("New finding"));
  kw_history_add (kw_window_history (self), finding, G_MAXUINT);
  kw_window_select_only (self, finding);
  kw_details_panel_set_finding (kw_window_ensure_details_panel (self), finding);
  kw_window_show_details (self, "finding", TRUE);
}

/* Ctrl+L goes to the quick-add entry: type a title, Enter, the next
 * title, Enter; the findings wait in the tray. */
static void
quick_add_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  if (kw_document_get_loading (self->document) || kw_document_get_read_only (self->document))
    return;

  kw_window_set_presenting (self, FALSE);
  kw_window_start_board (self);
  gtk_widget_grab_focus (GTK_WIDGET (kw_tray_get_entry (self->tray)));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  kw_window_delete_selected (KW_WINDOW (widget));
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  if (!self->started || self->presenting)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
board_details_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_window_start_board (self);
  kw_window_show_details (self, "board", TRUE);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  KwExportDialog *dialog;

  dialog = kw_export_dialog_new (GTK_WINDOW (self), kw_window_board (self), kw_window_file (self), self->toast_overlay);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_shortcuts_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/kwadrant/Kwadrant/kw-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      /* GTK owns toplevels; the pointer clears should it go first. */
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window), (gpointer *) &self->shortcuts_window);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);

  kw_print_board (GTK_WINDOW (self), kw_window_board (self));
}

static void
take_snapshot_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  kw_window_take_snapshot (KW_WINDOW (widget));
}

static void
snapshots_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  kw_window_show_snapshots (KW_WINDOW (widget));
}

/* win.compare("NAME") compares with the snapshot of that name,
 * win.compare("") leaves the comparison. */
static void
compare_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KwWindow *self = KW_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  kw_window_set_compare (self, *name != '\0' ? kw_board_lookup_snapshot (kw_window_board (self), name) : NULL);
}

static void
leave_compare_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  kw_window_set_compare (KW_WINDOW (widget), NULL);
}

static void
participants_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  kw_window_show_participants (KW_WINDOW (widget));
}

static void
estimates_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  kw_window_show_estimates (KW_WINDOW (widget), g_str_equal (action_name, "win.discuss-first") ? "discuss" : "grid");
}

static void
use_median_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  kw_window_use_median (KW_WINDOW (widget), g_str_equal (action_name, "win.use-median-all"));
}

typedef struct
{
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
} ActionEntry;

static const ActionEntry actions[] = {
  { "win.save", NULL, save_action_cb },
  { "win.save-as", NULL, save_as_action_cb },
  { "win.new-board", NULL, new_board_action_cb },
  { "win.open-recent", "s", open_recent_action_cb },
  { "win.undo", NULL, undo_action_cb },
  { "win.redo", NULL, redo_action_cb },
  { "win.add-finding", NULL, add_finding_action_cb },
  { "win.quick-add", NULL, quick_add_action_cb },
  { "win.delete", NULL, delete_action_cb },
  { "win.find", NULL, find_action_cb },
  { "win.board-details", NULL, board_details_action_cb },
  { "win.import", NULL, kw_window_import_action_cb },
  { "win.export", NULL, export_action_cb },
  { "win.print", NULL, print_action_cb },
  { "win.show-help-overlay", NULL, show_shortcuts_action_cb },
  { "win.reload", NULL, reload_action_cb },
  { "win.keep-mine", NULL, keep_mine_action_cb },
  { "win.leave-presentation", NULL, leave_presentation_action_cb },
  { "win.change-review-date", "s", kw_window_change_review_date_action_cb },
  { "win.take-snapshot", NULL, take_snapshot_action_cb },
  { "win.snapshots", NULL, snapshots_action_cb },
  { "win.compare", "s", compare_action_cb },
  { "win.leave-compare", NULL, leave_compare_action_cb },
  { "win.review", NULL, kw_window_review_action_cb },
  { "win.participants", NULL, participants_action_cb },
  { "win.estimates", NULL, estimates_action_cb },
  { "win.discuss-first", NULL, estimates_action_cb },
  { "win.use-median", NULL, use_median_action_cb },
  { "win.use-median-all", NULL, use_median_action_cb },
};

/* Actions that toggle a property of the window. */
static const char * const property_actions[][2] = {
  { "win.present", "presenting" },
  { "win.show-details", "details-visible" },
  { "win.matrix-labels", "matrix-labels" },
  { "win.snap", "snap" },
  { "win.hide-done", "hide-done" },
};

void
kw_window_class_add_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);

  for (guint i = 0; i < G_N_ELEMENTS (property_actions); i++)
    gtk_widget_class_install_property_action (widget_class, property_actions[i][0], property_actions[i][1]);
  kw_window_class_add_round_actions (widget_class);

  /* Esc leaves the presentation; the action is enabled only while
   * presenting, so everywhere else Esc goes on to mean what it always means. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-presentation", NULL);
  /* The same for the comparison: enabled only while comparing. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.leave-compare", NULL);

  /* The room's estimates (kw-window-estimates.c). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.participants", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.estimates", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.discuss-first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.use-median", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.use-median-all", NULL);
}
