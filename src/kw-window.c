/* kw-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-application.h"
#include "kw-file-names.h"
#include "kw-placement-entry.h"
#include "kw-plan-row.h"
#include "kw-plan-selection.h"
#include "kw-window-private.h"

G_DEFINE_FINAL_TYPE (KwWindow, kw_window, ADW_TYPE_APPLICATION_WINDOW)

GParamSpec *kw_window_properties[N_PROPS];

/* State */

void
kw_window_update_title (KwWindow *self)
{
  const char *board_name = kw_document_get_title (self->document);
  GFile *file = kw_window_file (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (!self->started)
    {
      adw_window_title_set_title (self->window_title, _("Kwadrant"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Kwadrant"));
      return;
    }

  if (kw_document_get_modified (self->document))
    /* Translators: the window title of a board with unsaved changes. */
    title = g_strdup_printf (_("• %s"), board_name);
  else
    title = g_strdup (board_name);

  if (file != NULL)
    subtitle = kw_file_dup_folder_name (file);
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the title window lists show, "Board title — Kwadrant". */
  window_title = g_strdup_printf (_("%s — Kwadrant"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
kw_window_update_page (KwWindow *self)
{
  gboolean loading = kw_document_get_loading (self->document);
  const char *page;

  if (loading)
    page = "loading";
  else if (self->reviewing)
    page = "review";
  else if (self->started)
    page = "board";
  else
    page = "welcome";

  gtk_stack_set_visible_child_name (self->stack, page);

  /* The welcome page has no board to undo, search or present. */
  gtk_widget_set_visible (self->undo_box, self->started);
  gtk_widget_set_visible (self->search_button, self->started);
  gtk_widget_set_visible (self->details_button, self->started);
  gtk_widget_set_visible (self->present_button, self->started);

  if (loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);

  /* What acts on a board follows whether there is one. */
  kw_window_update_actions (self);
}

/* Opening a board at start-up, the window waits for the board (up to
 * PRESENT_DELAY_MS, then it shows the loading page): its first frame is
 * the board, not a welcome page or a spinner cross-fading into it. */
#define PRESENT_DELAY_MS 300

void
kw_window_present_pending (KwWindow *self)
{
  if (!self->present_pending)
    return;

  self->present_pending = FALSE;
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);
  gtk_window_present (GTK_WINDOW (self));
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  KwWindow *self = user_data;

  self->present_timeout_id = 0;
  kw_window_present_pending (self);

  return G_SOURCE_REMOVE;
}

void
kw_window_present_when_loaded (KwWindow *self)
{
  g_return_if_fail (KW_IS_WINDOW (self));

  if (!kw_document_get_loading (self->document) || gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  if (self->present_pending)
    return;
  self->present_pending = TRUE;
  self->present_timeout_id = g_timeout_add (PRESENT_DELAY_MS, present_timeout_cb, self);
}


/* Dialogs and toasts */

void
kw_window_show_toast (KwWindow   *self,
                      const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Closing */

static void
save_window_state (KwWindow *self)
{
  int width, height;
  gboolean maximized;

  if (self->settings == NULL)
    return;

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The maximised size says nothing about the size to restore to. */
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

static void
restore_window_state (KwWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static GSettings *
new_settings_if_installed (void)
{
  static const char * const keys[] = { "window-width", "window-height", "window-maximized", "hide-done-findings" };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed: the window size is not remembered", APP_ID);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (!g_settings_schema_has_key (schema, keys[i]))
        {
          g_warning ("Schema %s has no key %s: the window size is not remembered", APP_ID, keys[i]);
          return NULL;
        }
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
kw_window_close_request (GtkWindow *window)
{
  KwWindow *self = KW_WINDOW (window);

  if (kw_document_get_modified (self->document) && !self->close_confirmed)
    {
      /* Saving already, e.g. a second Ctrl+W: wait for that save. */
      if (!kw_document_get_saving (self->document))
        kw_window_ask_to_save_changes (self);
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (kw_window_parent_class)->close_request (window);
}

/* The outcome lists */

static void
plan_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, kw_plan_row_new ());
}

/* Screen readers announce the focused row, and in a GTK 4.8 list view
 * that is the list item's own widget, the parent of our row: it needs
 * the label too. */
static void
label_list_item_widget (GtkWidget  *row,
                        const char *text)
{
  GtkWidget *item_widget = gtk_widget_get_parent (row);

  if (item_widget == NULL)
    return;

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item_widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (item_widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
plan_item_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   KwWindow                 *self)
{
  KwPlanRow *row = KW_PLAN_ROW (gtk_list_item_get_child (list_item));
  KwPlanItem *item = gtk_list_item_get_item (list_item);
  gboolean is_finding = kw_plan_item_get_kind (item) == KW_PLAN_ITEM_FINDING;

  /* Headings stay focusable (a GTK 4.8 list item takes the focus only when
   * selectable or activatable), so the keyboard reads them too; only
   * findings open their details. */
  gtk_list_item_set_activatable (list_item, is_finding);
  gtk_list_item_set_selectable (list_item, TRUE);

  kw_plan_row_bind (row, item, kw_window_board (self));
  label_list_item_widget (GTK_WIDGET (row), kw_plan_row_get_accessible_text (row));
}

static void
plan_item_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  KwPlanRow *row = KW_PLAN_ROW (gtk_list_item_get_child (list_item));

  kw_plan_row_bind (row, NULL, NULL);
  label_list_item_widget (GTK_WIDGET (row), NULL);
}

/* Details */

KwDetailsPanel *
kw_window_ensure_details_panel (KwWindow *self)
{
  KwFinding *selected;

  if (self->details_panel != NULL)
    return self->details_panel;

  self->details_panel = g_object_new (KW_TYPE_DETAILS_PANEL, "width-request", 360, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->details_panel), "kw-details");
  gtk_box_append (GTK_BOX (self->details_box), GTK_WIDGET (self->details_panel));

  /* What the panel would have been told so far. */
  kw_details_panel_set_history (self->details_panel, kw_window_history (self));
  kw_details_panel_set_editable (self->details_panel, !kw_document_get_read_only (self->document));
  selected = kw_window_get_first_selected (self);
  if (selected != NULL)
    kw_details_panel_set_finding (self->details_panel, selected);

  return self->details_panel;
}

void
kw_window_show_details (KwWindow   *self,
                        const char *page,
                        gboolean    focus)
{
  if (self->presenting)
    return;

  kw_details_panel_show_page (kw_window_ensure_details_panel (self), page);
  if (!self->details_visible)
    {
      self->details_visible = TRUE;
      gtk_widget_set_visible (self->details_box, TRUE);
      gtk_revealer_set_reveal_child (self->details_revealer, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), kw_window_properties[PROP_DETAILS_VISIBLE]);
    }

  if (focus)
    kw_details_panel_focus_first (self->details_panel);
}

/* The welcome page shows the app icon. */
static void
welcome_page_map_cb (GtkWidget *page)
{
  kw_application_add_icon_resources ();
}

/* Folded away, the panel leaves layout: see the template. */
static void
details_child_revealed_cb (KwWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->details_revealer) &&
      !gtk_revealer_get_child_revealed (self->details_revealer))
    gtk_widget_set_visible (self->details_box, FALSE);
}

void
kw_window_select_only (KwWindow  *self,
                       KwFinding *finding)
{
  guint position;

  if (kw_board_find_position (kw_window_board (self), finding, &position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

/* Enter or a double-click on a finding, on the matrix or in a list. */
static void
finding_activated_cb (KwWindow  *self,
                      KwFinding *finding)
{
  kw_window_select_only (self, finding);
  kw_details_panel_set_finding (kw_window_ensure_details_panel (self), finding);
  kw_window_show_details (self, "finding", TRUE);
}

static void
plan_view_activate_cb (KwWindow    *self,
                       guint        position,
                       GtkListView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(KwPlanItem) item = g_list_model_get_item (model, position);

  if (item != NULL && kw_plan_item_get_kind (item) == KW_PLAN_ITEM_FINDING)
    finding_activated_cb (self, kw_plan_item_get_finding (item));
}

KwFinding *
kw_window_get_first_selected (KwWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(KwFinding) finding = NULL;

  if (gtk_bitset_is_empty (selected))
    return NULL;

  /* The model keeps the finding alive after the reference is dropped. */
  finding = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
  return finding;
}

static void
selection_changed_cb (KwWindow          *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  KwFinding *finding = kw_window_get_first_selected (self);

  kw_window_update_actions (self);
  if (finding != NULL && self->details_panel != NULL)
    kw_details_panel_set_finding (self->details_panel, finding);
}

/* Presentation */

void
kw_window_set_presenting (KwWindow *self,
                          gboolean  presenting)
{
  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;

  /* Hiding the focused button would pass the focus on to the first card,
   * and focusing a card selects it: highlighted for the whole room. */
  if (presenting)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);

  /* Only the matrix, as large as the projector allows. */
  gtk_widget_set_visible (self->header_bar, !presenting);
  gtk_widget_set_visible (self->sidebar, !presenting);
  gtk_widget_set_visible (self->sidebar_separator, !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->search_bar), !presenting);
  kw_matrix_set_presentation (self->matrix, presenting);
  kw_window_estimates_follow_presentation (self);

  if (presenting)
    {
      KwFinding *selected = kw_window_get_first_selected (self);

      gtk_window_fullscreen (GTK_WINDOW (self));
      /* The selected finding stays under the keyboard. With none, no card
       * takes the focus; Tab still reaches the cards. */
      if (selected != NULL)
        kw_matrix_focus_finding (self->matrix, selected);
    }
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));

  kw_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), kw_window_properties[PROP_PRESENTING]);
}

/* Editing */

void
kw_window_start_board (KwWindow *self)
{
  if (self->started)
    return;

  self->started = TRUE;
  kw_window_update_page (self);
  kw_window_update_title (self);
}

static void
delete_requested_cb (KwWindow *self)
{
  kw_window_delete_selected (self);
}

static void
kw_window_set_details_visible (KwWindow *self,
                               gboolean  visible)
{
  if (self->details_visible == !!visible)
    return;

  if (visible)
    kw_window_show_details (self, "finding", FALSE);
  else
    {
      self->details_visible = FALSE;
      gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), kw_window_properties[PROP_DETAILS_VISIBLE]);
    }
}

static void
add_delete_shortcut (KwWindow  *self,
                     GtkWidget *widget)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                            gtk_named_action_new ("win.delete"));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (widget, controller);
}

/* GObject */

static void
kw_window_dispose (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  /* Pending loads and saves hold a reference and come back later: the
   * cancellable tells them the window is gone. */
  /* Destroyed without asking (the session ends): the document still
   * keeps the last changes safe. */
  if (self->document != NULL)
    kw_document_close (self->document);
  if (self->shortcuts_window != NULL)
    {
      GtkWindow *shortcuts = self->shortcuts_window;

      g_object_remove_weak_pointer (G_OBJECT (shortcuts), (gpointer *) &self->shortcuts_window);
      self->shortcuts_window = NULL;
      gtk_window_destroy (shortcuts);
    }

  kw_window_forget_review_dates (self);
  kw_window_forget_date (self);
  kw_window_dispose_round (self);
  kw_window_forget_estimates (self);
  if (self->recent_boards != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_boards, self);
  g_clear_object (&self->recent_boards);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (kw_document_get_board (self->document), self);
      g_signal_handlers_disconnect_by_data (kw_document_get_history (self->document), self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_WINDOW);
  g_clear_handle_id (&self->tags_idle_id, g_source_remove);
  g_clear_handle_id (&self->present_timeout_id, g_source_remove);

  G_OBJECT_CLASS (kw_window_parent_class)->dispose (object);
}

static void
kw_window_finalize (GObject *object)
{
  KwWindow *self = KW_WINDOW (object);

  g_clear_handle_id (&self->tags_idle_id, g_source_remove);
  g_clear_object (&self->plan);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->lists_filter);
  g_clear_object (&self->tray_filter);
  g_clear_object (&self->tags);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->snapshot_offered_for, g_free);

  G_OBJECT_CLASS (kw_window_parent_class)->finalize (object);
}

static void
kw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KwWindow *self = KW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, kw_document_get_modified (self->document));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, kw_document_get_loading (self->document));
      break;

    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;

    case PROP_DETAILS_VISIBLE:
      g_value_set_boolean (value, self->details_visible);
      break;

    case PROP_MATRIX_LABELS:
      g_value_set_enum (value, self->matrix_labels);
      break;

    case PROP_SNAP:
      g_value_set_boolean (value, self->snap);
      break;

    case PROP_HIDE_DONE:
      g_value_set_boolean (value, self->hide_done);
      break;

    case PROP_ROUND:
      g_value_set_object (value, self->round);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KwWindow *self = KW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      kw_window_set_presenting (self, g_value_get_boolean (value));
      break;

    case PROP_DETAILS_VISIBLE:
      kw_window_set_details_visible (self, g_value_get_boolean (value));
      break;

    case PROP_MATRIX_LABELS:
      if (self->matrix_labels != (KwMatrixStyle) g_value_get_enum (value))
        {
          self->matrix_labels = g_value_get_enum (value);
          kw_matrix_set_style (self->matrix, self->matrix_labels);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SNAP:
      if (self->snap != g_value_get_boolean (value))
        {
          self->snap = g_value_get_boolean (value);
          kw_matrix_set_snap (self->matrix, self->snap);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_HIDE_DONE:
      if (self->hide_done != g_value_get_boolean (value))
        {
          self->hide_done = g_value_get_boolean (value);
          kw_matrix_set_hide_done (self->matrix, self->hide_done);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_window_class_init (KwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kw_window_dispose;
  object_class->finalize = kw_window_finalize;
  object_class->get_property = kw_window_get_property;
  object_class->set_property = kw_window_set_property;

  window_class->close_request = kw_window_close_request;

  /**
   * KwWindow:modified:
   *
   * Whether the board has changes that are not saved yet.
   */
  kw_window_properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:loading:
   *
   * Whether a file is being loaded into the window.
   */
  kw_window_properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:presenting:
   *
   * Whether the window shows only the matrix, fullscreen (F5; Esc leaves).
   */
  kw_window_properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:details-visible:
   *
   * Whether the details panel is shown beside the matrix.
   */
  kw_window_properties[PROP_DETAILS_VISIBLE] =
    g_param_spec_boolean ("details-visible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:matrix-labels:
   *
   * How the matrix labels its findings: titles while they fit, else
   * numbers ("automatic"), always "titles", or always "numbers".
   */
  kw_window_properties[PROP_MATRIX_LABELS] =
    g_param_spec_enum ("matrix-labels", NULL, NULL,
                       KW_TYPE_MATRIX_STYLE, KW_MATRIX_STYLE_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:snap:
   *
   * Whether findings moved on the matrix snap to the grid, off the lines:
   * on by default, see the README's "Snap to the grid".
   */
  kw_window_properties[PROP_SNAP] =
    g_param_spec_boolean ("snap", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KwWindow:hide-done:
   *
   * Whether the matrix leaves out the findings that are done (View, Ctrl+H);
   * remembered in GSettings, like the window's size: it is how the
   * facilitator likes to look at boards, not part of one board.
   */
  kw_window_properties[PROP_HIDE_DONE] =
    g_param_spec_boolean ("hide-done", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* KwWindow:round: the blind round it runs (kw-window-round.c). */
  kw_window_properties[PROP_ROUND] =
    g_param_spec_object ("round", NULL, NULL, KW_TYPE_ROUND,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, kw_window_properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, review_view);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, loading_label);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, tray);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, matrix);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, file_bar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, file_bar_label);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, keep_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, file_save_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, file_save_as_button);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, KwWindow, changes_panel);
  /* Not kept in the struct, but found by name (tests). */
  gtk_widget_class_bind_template_child_full (widget_class, "undo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "redo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "read_only_label", FALSE, 0);
  gtk_widget_class_bind_template_callback_full (widget_class, "recent_row_activated_cb",
                                                G_CALLBACK (kw_window_recent_row_activated_cb));
  gtk_widget_class_bind_template_callback (widget_class, details_child_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_page_map_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_item_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_requested_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb", G_CALLBACK (kw_window_search_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "stop_search_cb", G_CALLBACK (kw_window_stop_search_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "tag_selected_cb", G_CALLBACK (kw_window_tag_selected_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "file_bar_response_cb",
                                                G_CALLBACK (kw_window_file_bar_response_cb));

  kw_window_class_add_actions (widget_class);

  g_type_ensure (KW_TYPE_PLAN_ROW);
  g_type_ensure (KW_TYPE_TRAY);
  g_type_ensure (KW_TYPE_MATRIX);
  g_type_ensure (KW_TYPE_DETAILS_PANEL);
  g_type_ensure (KW_TYPE_CHANGES_PANEL);
  g_type_ensure (KW_TYPE_REVIEW_VIEW);
}

/* Keyboard placement in the outcome lists: only while the board can change. */
static KwHistory *
placement_history (gpointer user_data)
{
  KwWindow *self = user_data;

  return kw_document_get_read_only (self->document) ? NULL : kw_window_history (self);
}

static void
setup_models (KwWindow *self)
{
  g_autoptr(GtkFilterListModel) lists = NULL;
  g_autoptr(GtkFilterListModel) unplaced = NULL;
  g_autoptr(KwPlanSelection) lists_selection = NULL;
  g_autoptr(KwPlanSelection) tray_selection = NULL;

  self->plan = kw_plan_model_new (NULL);
  self->selection = gtk_multi_selection_new (NULL);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  kw_window_setup_search (self);

  lists = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->plan)), g_object_ref (self->lists_filter));
  unplaced = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->plan)), g_object_ref (self->tray_filter));
  lists_selection = kw_plan_selection_new (G_LIST_MODEL (lists), GTK_SELECTION_MODEL (self->selection));
  tray_selection = kw_plan_selection_new (G_LIST_MODEL (unplaced), GTK_SELECTION_MODEL (self->selection));

  gtk_list_view_set_model (self->plan_view, GTK_SELECTION_MODEL (lists_selection));
  kw_tray_set_model (self->tray, GTK_SELECTION_MODEL (tray_selection));

  kw_matrix_set_selection (self->matrix, GTK_SELECTION_MODEL (self->selection));
  kw_matrix_set_filter (self->matrix, GTK_FILTER (self->filter));
  kw_matrix_set_unplace_target (self->matrix, GTK_WIDGET (self->tray));

  kw_plan_selection_track_rows (self->plan_view);
  kw_placement_entry_attach_list (self->plan_view, placement_history, self);
  add_delete_shortcut (self, GTK_WIDGET (self->plan_view));
  add_delete_shortcut (self, kw_tray_get_list (self->tray));
}

static void
kw_window_init (KwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->snap = TRUE;
  kw_matrix_set_snap (self->matrix, self->snap);
  kw_a11y_name_buttons_once (GTK_WIDGET (self));
  kw_a11y_name_drop_down (self->tag_dropdown, _("Tag"));

  setup_models (self);
  self->document = kw_document_new ();
  kw_window_follow_document (self);
  kw_window_show_board (self);
  /* "All tags" shows from the start. */
  kw_window_update_tags_now (self);

  /* The application is set after construction. */
  g_signal_connect (self, "notify::application", G_CALLBACK (kw_window_follow_recent_boards), NULL);

  self->settings = new_settings_if_installed ();
  restore_window_state (self);
  if (self->settings != NULL)
    g_settings_bind (self->settings, "hide-done-findings", self, "hide-done", G_SETTINGS_BIND_DEFAULT);

  kw_window_setup_import (self);
  kw_window_setup_snapshots (self);
  kw_window_setup_review (self);
  kw_window_setup_round (self);
  kw_window_watch_date (self);
  /* Remote locations may have no monitor: look again whenever the
   * facilitator comes back to the window. */
  g_signal_connect (self, "notify::is-active", G_CALLBACK (kw_window_check_file_when_active), NULL);

  kw_window_update_page (self);
  kw_window_update_title (self);
  kw_window_update_actions (self);
}

KwWindow *
kw_window_new (GtkApplication *application)
{
  return g_object_new (KW_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

GFile *
kw_window_get_file (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return kw_window_file (self);
}

KwBoard *
kw_window_get_board (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return kw_window_board (self);
}

gboolean
kw_window_is_blank (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), FALSE);

  return kw_window_file (self) == NULL && !kw_document_get_modified (self->document) &&
         !kw_document_get_loading (self->document);
}

gboolean
kw_window_get_modified (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), FALSE);

  return kw_document_get_modified (self->document);
}

gboolean
kw_window_get_loading (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), FALSE);

  return kw_document_get_loading (self->document);
}

GListModel *
kw_window_get_plan_model (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->plan);
}

KwHistory *
kw_window_get_history (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return kw_window_history (self);
}

GtkSelectionModel *
kw_window_get_selection (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

GtkFilter *
kw_window_get_filter (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_FILTER (self->filter);
}

GtkWidget *
kw_window_get_matrix (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->matrix);
}

GtkWidget *
kw_window_get_tray (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->tray);
}

GtkWidget *
kw_window_get_details_panel (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (kw_window_ensure_details_panel (self));
}

GtkWidget *
kw_window_get_outcome_lists (KwWindow *self)
{
  g_return_val_if_fail (KW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->plan_view);
}
