/* kw-details-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-details-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-details-panel.h"
#include "kw-estimates-text.h"
#include "kw-text.h"

typedef enum {
  FIELD_FINDING_TEXT,
  FIELD_FINDING_DATE,
  FIELD_FINDING_TAGS,
  FIELD_BOARD_TEXT,
  FIELD_BOARD_DATE,
} FieldKind;

/* One text field and the model value it last showed: a refresh only
 * overwrites the field when the model changed since, so what someone is
 * typing (a trailing space, half a date) is never taken from under them. */
typedef struct
{
  KwDetailsPanel *self;
  GtkWidget      *widget;   /* a GtkEditable or a GtkTextView */
  FieldKind       kind;
  int             which;    /* KwFindingText or KwBoardText */
  char           *seen;
} Field;

#define N_FIELDS 13

struct _KwDetailsPanel
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkStack       *stack;
  GtkStack       *finding_stack;
  GtkWidget      *title_row;
  GtkTextView    *description_view;
  GtkSwitch      *placed_switch;
  GtkSpinButton  *impact_spin;
  GtkSpinButton  *effort_spin;
  GtkLabel       *outcome_label;
  GtkWidget      *median_row;
  GtkWidget      *median_button;
  GtkWidget      *owner_row;
  GtkWidget      *due_row;
  GtkDropDown    *status_dropdown;
  GtkWidget      *review_row;
  GtkWidget      *tags_row;
  GtkWidget      *source_row;
  GtkWidget      *drop_reason_row;
  GtkWidget      *board_title_row;
  GtkWidget      *organisation_row;
  GtkWidget      *facilitator_row;
  GtkWidget      *workshop_date_row;
  GtkTextView    *notes_view;
  GtkSpinButton  *impact_line_spin;
  GtkSpinButton  *effort_line_spin;
  GtkSpinButton  *tiny_line_spin;
  GtkSpinButton  *review_interval_spin;

  KwHistory      *history;
  KwBoard        *board;
  KwFinding      *finding;

  Field           fields[N_FIELDS];
  Field          *committing;
  guint           loading;   /* > 0 while the panel sets its own widgets */
  gboolean        editable;
};

G_DEFINE_FINAL_TYPE (KwDetailsPanel, kw_details_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kw_details_panel_refresh (KwDetailsPanel *self);

/* Field values */

static gboolean
field_is_finding (Field *field)
{
  return field->kind == FIELD_FINDING_TEXT ||
         field->kind == FIELD_FINDING_DATE ||
         field->kind == FIELD_FINDING_TAGS;
}

static char *
field_dup_model_value (Field *field)
{
  KwDetailsPanel *self = field->self;

  if (field_is_finding (field) && self->finding == NULL)
    return NULL;
  if (!field_is_finding (field) && self->board == NULL)
    return NULL;

  switch (field->kind)
    {
    case FIELD_FINDING_TEXT:
    case FIELD_FINDING_DATE:
      return g_strdup (kw_finding_get_text (self->finding, (KwFindingText) field->which));

    case FIELD_FINDING_TAGS:
      return g_strjoinv (", ", (char **) kw_finding_get_tags (self->finding));

    case FIELD_BOARD_TEXT:
    case FIELD_BOARD_DATE:
      return g_strdup (kw_board_get_text (self->board, (KwBoardText) field->which));

    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
field_dup_widget_text (Field *field)
{
  if (GTK_IS_TEXT_VIEW (field->widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
}

static void
field_set_widget_text (Field      *field,
                       const char *text)
{
  field->self->loading++;
  if (GTK_IS_TEXT_VIEW (field->widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  field->self->loading--;
}

static void
field_set_error (Field    *field,
                 gboolean  error)
{
  if (error)
    gtk_widget_add_css_class (field->widget, "error");
  else
    gtk_widget_remove_css_class (field->widget, "error");
}

static void
field_refresh (Field *field)
{
  g_autofree char *value = field_dup_model_value (field);

  if (field == field->self->committing || g_strcmp0 (value, field->seen) == 0)
    return;

  if (field->kind == FIELD_FINDING_DATE || field->kind == FIELD_BOARD_DATE)
    {
      /* In the form of the UI's language; the model keeps ISO. */
      g_autofree char *shown = kw_date_format_for_entry (value);

      field_set_widget_text (field, shown);
    }
  else
    field_set_widget_text (field, value != NULL ? value : "");
  field_set_error (field, FALSE);
  g_free (field->seen);
  field->seen = g_steal_pointer (&value);
}

static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GPtrArray *tags = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = kw_text_clean (parts[i], TRUE);

      if (*tag != '\0')
        g_ptr_array_add (tags, tag);
      else
        g_free (tag);
    }
  g_ptr_array_add (tags, NULL);

  return (char **) g_ptr_array_free (tags, FALSE);
}

/* Dates take ISO or day-month-year (the form Dutch shows); returns NULL
 * when the text is neither, "" for an empty field. */
static char *
parse_date (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    return g_strdup ("");

  return kw_date_parse_to_iso (trimmed);
}

static void
field_apply (Field      *field,
             const char *text)
{
  KwDetailsPanel *self = field->self;
  g_autofree char *date = NULL;

  switch (field->kind)
    {
    case FIELD_FINDING_TEXT:
      kw_history_set_text (self->history, self->finding, (KwFindingText) field->which, text);
      break;

    case FIELD_FINDING_DATE:
    case FIELD_BOARD_DATE:
      date = parse_date (text);
      field_set_error (field, date == NULL);
      if (date == NULL)
        return;
      if (field->kind == FIELD_FINDING_DATE)
        kw_history_set_text (self->history, self->finding, (KwFindingText) field->which, date);
      else
        kw_history_set_board_text (self->history, (KwBoardText) field->which, date);
      break;

    case FIELD_FINDING_TAGS:
      {
        g_auto(GStrv) tags = split_tags (text);

        kw_history_set_tags (self->history, self->finding, (const char * const *) tags);
      }
      break;

    case FIELD_BOARD_TEXT:
      kw_history_set_board_text (self->history, (KwBoardText) field->which, text);
      break;

    default:
      g_return_if_reached ();
    }
}

static void
field_commit (Field *field)
{
  KwDetailsPanel *self = field->self;
  g_autofree char *text = NULL;

  if (self->loading > 0 || self->history == NULL || !self->editable)
    return;
  if (field_is_finding (field) && self->finding == NULL)
    return;

  text = field_dup_widget_text (field);

  self->committing = field;
  field_apply (field, text);
  self->committing = NULL;

  /* The model may have cleaned the text; the field keeps what was typed. */
  g_free (field->seen);
  field->seen = field_dup_model_value (field);
}

/* Tags change as a whole list: they are applied on Enter, with the apply
 * button or when the focus leaves, not on every key. */
static gboolean
field_commits_live (Field *field)
{
  return field->kind != FIELD_FINDING_TAGS;
}

static void
field_changed_cb (Field *field)
{
  if (field_commits_live (field))
    field_commit (field);
}

static void
field_apply_cb (Field *field)
{
  field_commit (field);
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller,
                      Field                   *field)
{
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  if (field_commits_live (field))
    return;

  /* Only when edited: leaving "a, b" as it showed records nothing. */
  text = field_dup_widget_text (field);
  value = field_dup_model_value (field);
  if (g_strcmp0 (text, value) != 0)
    field_commit (field);
}

static void
field_init (KwDetailsPanel *self,
            Field          *field,
            GtkWidget      *widget,
            FieldKind       kind,
            int             which)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  field->self = self;
  field->widget = widget;
  field->kind = kind;
  field->which = which;
  field->seen = NULL;

  if (GTK_IS_TEXT_VIEW (widget))
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                              G_CALLBACK (field_changed_cb), field);
  else
    g_signal_connect_swapped (widget, "changed", G_CALLBACK (field_changed_cb), field);

  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_signal_connect_swapped (widget, "apply", G_CALLBACK (field_apply_cb), field);
      g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (field_apply_cb), field);
    }

  g_signal_connect (focus, "leave", G_CALLBACK (field_focus_leave_cb), field);
  gtk_widget_add_controller (widget, focus);
}

/* Placement, status and lines */

static void
refresh_placement (KwDetailsPanel *self)
{
  KwOutcome outcome;

  if (self->finding == NULL)
    return;

  self->loading++;
  gtk_switch_set_active (self->placed_switch, kw_finding_get_placed (self->finding));
  if (kw_finding_get_placed (self->finding))
    {
      gtk_spin_button_set_value (self->impact_spin, kw_finding_get_impact (self->finding));
      gtk_spin_button_set_value (self->effort_spin, kw_finding_get_effort (self->finding));
    }
  gtk_drop_down_set_selected (self->status_dropdown, kw_finding_get_status (self->finding));
  self->loading--;

  outcome = kw_board_classify_finding (self->board, self->finding);
  gtk_label_set_text (self->outcome_label, kw_outcome_get_title (outcome));
}

static void
refresh_thresholds (KwDetailsPanel *self)
{
  KwThresholds thresholds;

  if (self->board == NULL)
    return;

  kw_board_get_thresholds (self->board, &thresholds);
  self->loading++;
  gtk_spin_button_set_value (self->impact_line_spin, thresholds.impact);
  gtk_spin_button_set_value (self->effort_line_spin, thresholds.effort);
  gtk_spin_button_set_value (self->tiny_line_spin, thresholds.tiny_effort);
  self->loading--;
}

static gboolean
can_edit_finding (KwDetailsPanel *self)
{
  return self->loading == 0 && self->editable && self->history != NULL && self->finding != NULL;
}

/* Typing an impact or effort places the finding there: with the keyboard
 * alone, this is how a finding gets onto the matrix. */
static void
score_changed_cb (KwDetailsPanel *self)
{
  if (!can_edit_finding (self))
    return;

  kw_history_place (self->history, self->finding,
                    kw_score_normalize (gtk_spin_button_get_value (self->impact_spin)),
                    kw_score_normalize (gtk_spin_button_get_value (self->effort_spin)));
}

static void
placed_changed_cb (KwDetailsPanel *self)
{
  if (!can_edit_finding (self))
    return;

  if (gtk_switch_get_active (self->placed_switch))
    score_changed_cb (self);
  else
    kw_history_unplace (self->history, self->finding);
}

static void
status_changed_cb (KwDetailsPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (!can_edit_finding (self) || selected >= KW_N_STATUSES)
    return;

  kw_history_set_status (self->history, self->finding, (KwStatus) selected);
}

static void
line_changed_cb (KwDetailsPanel *self)
{
  KwThresholds thresholds = {
    .impact = kw_score_normalize (gtk_spin_button_get_value (self->impact_line_spin)),
    .effort = kw_score_normalize (gtk_spin_button_get_value (self->effort_line_spin)),
    .tiny_effort = kw_score_normalize (gtk_spin_button_get_value (self->tiny_line_spin)),
  };

  if (self->loading > 0 || self->history == NULL || !self->editable)
    return;

  /* The tiny-effort line must stay left of the effort line: refuse, and
   * show the lines as they are. */
  if (!kw_history_set_thresholds (self->history, &thresholds))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      refresh_thresholds (self);
    }
}

static void
refresh_review_interval (KwDetailsPanel *self)
{
  if (self->board == NULL)
    return;

  self->loading++;
  gtk_spin_button_set_value (self->review_interval_spin, kw_board_get_review_interval (self->board));
  self->loading--;
}

static void
review_interval_changed_cb (KwDetailsPanel *self)
{
  if (self->loading > 0 || self->history == NULL || !self->editable)
    return;

  kw_history_set_review_interval (self->history, gtk_spin_button_get_value_as_int (self->review_interval_spin));
}

/* Following the board */

/* "Use the group's median", shown with the median it would use when the
 * finding has known estimates. */
static void
refresh_median (KwDetailsPanel *self)
{
  KwEstimateSummary summary;
  g_autofree char *words = NULL;
  g_autofree char *tooltip = NULL;
  gboolean known = self->finding != NULL && kw_finding_summarize_estimates (self->finding, &summary);

  gtk_widget_set_visible (self->median_row, known);
  if (!known)
    return;

  words = kw_estimates_describe_summary (&summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->median_row), words);
  /* Translators: the tooltip of the details' Use button; %s is the
   * group's median and spread. */
  tooltip = g_strdup_printf (_("Place the finding at the group’s median: %s"), words);
  gtk_widget_set_tooltip_text (self->median_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->median_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_sensitive (self->median_button, self->editable && self->history != NULL);
}

static void
median_clicked_cb (KwDetailsPanel *self)
{
  KwFinding *findings[1] = { self->finding };

  if (self->finding != NULL && self->history != NULL && self->editable)
    kw_history_use_median (self->history, findings, 1);
}

static void
kw_details_panel_refresh (KwDetailsPanel *self)
{
  if (self->finding != NULL && self->board != NULL &&
      !kw_board_find_position (self->board, self->finding, NULL))
    {
      /* Deleted: nothing left to edit. */
      kw_details_panel_set_finding (self, NULL);
      return;
    }

  for (guint i = 0; i < N_FIELDS; i++)
    field_refresh (&self->fields[i]);

  refresh_placement (self);
  refresh_median (self);
  refresh_thresholds (self);
  refresh_review_interval (self);
}

static void
board_changed_cb (KwDetailsPanel *self,
                  KwBoard        *board)
{
  kw_details_panel_refresh (self);
}

/* GObject */

static void
kw_details_panel_dispose (GObject *object)
{
  KwDetailsPanel *self = KW_DETAILS_PANEL (object);
  GtkWidget *child;

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, board_changed_cb, self);
  g_clear_object (&self->board);
  g_clear_object (&self->history);
  g_clear_object (&self->finding);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_DETAILS_PANEL);
  /* The stack switcher is not a bound child: unparent what is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kw_details_panel_parent_class)->dispose (object);
}

static void
kw_details_panel_finalize (GObject *object)
{
  KwDetailsPanel *self = KW_DETAILS_PANEL (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->fields[i].seen, g_free);

  G_OBJECT_CLASS (kw_details_panel_parent_class)->finalize (object);
}

static void
kw_details_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KwDetailsPanel *self = KW_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_details_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KwDetailsPanel *self = KW_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      kw_details_panel_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_details_panel_class_init (KwDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_details_panel_dispose;
  object_class->finalize = kw_details_panel_finalize;
  object_class->get_property = kw_details_panel_get_property;
  object_class->set_property = kw_details_panel_set_property;

  /**
   * KwDetailsPanel:editable:
   *
   * Whether the fields can be changed; FALSE shows them read-only (text
   * can still be selected and copied).
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, finding_stack);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, description_view);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, placed_switch);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, impact_spin);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, effort_spin);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, median_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, median_button);
  gtk_widget_class_bind_template_callback (widget_class, median_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, owner_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, due_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, review_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, tags_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, source_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, drop_reason_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, board_title_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, workshop_date_row);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, impact_line_spin);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, effort_line_spin);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, tiny_line_spin);
  gtk_widget_class_bind_template_child (widget_class, KwDetailsPanel, review_interval_spin);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kw-details-panel");
}

static void
setup_status_model (KwDetailsPanel *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  for (guint i = 0; i < KW_N_STATUSES; i++)
    gtk_string_list_append (statuses, kw_status_get_label ((KwStatus) i));

  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  kw_a11y_name_drop_down (self->status_dropdown, _("Status"));
}

/* GTK 4.8 reads a control that a row's mnemonic title labels twice,
 * "Impact Impact": from the row's label property and from the title label
 * pointing at it. The label alone reads right. */
static void
name_once_by_its_label (GtkWidget *widget)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
kw_details_panel_init (KwDetailsPanel *self)
{
  GtkLayoutManager *layout;
  guint n = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  kw_a11y_name_buttons_once (GTK_WIDGET (self));
  self->editable = TRUE;

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  setup_status_model (self);

  field_init (self, &self->fields[n++], self->title_row, FIELD_FINDING_TEXT, KW_FINDING_TEXT_TITLE);
  field_init (self, &self->fields[n++], GTK_WIDGET (self->description_view), FIELD_FINDING_TEXT, KW_FINDING_TEXT_DESCRIPTION);
  field_init (self, &self->fields[n++], self->owner_row, FIELD_FINDING_TEXT, KW_FINDING_TEXT_OWNER);
  field_init (self, &self->fields[n++], self->due_row, FIELD_FINDING_DATE, KW_FINDING_TEXT_DUE_DATE);
  field_init (self, &self->fields[n++], self->review_row, FIELD_FINDING_DATE, KW_FINDING_TEXT_REVIEW_DATE);
  field_init (self, &self->fields[n++], self->tags_row, FIELD_FINDING_TAGS, 0);
  field_init (self, &self->fields[n++], self->source_row, FIELD_FINDING_TEXT, KW_FINDING_TEXT_SOURCE);
  field_init (self, &self->fields[n++], self->drop_reason_row, FIELD_FINDING_TEXT, KW_FINDING_TEXT_DROP_REASON);
  field_init (self, &self->fields[n++], self->board_title_row, FIELD_BOARD_TEXT, KW_BOARD_TEXT_TITLE);
  field_init (self, &self->fields[n++], self->organisation_row, FIELD_BOARD_TEXT, KW_BOARD_TEXT_ORGANISATION);
  field_init (self, &self->fields[n++], self->facilitator_row, FIELD_BOARD_TEXT, KW_BOARD_TEXT_FACILITATOR);
  field_init (self, &self->fields[n++], self->workshop_date_row, FIELD_BOARD_DATE, KW_BOARD_TEXT_WORKSHOP_DATE);
  field_init (self, &self->fields[n++], GTK_WIDGET (self->notes_view), FIELD_BOARD_TEXT, KW_BOARD_TEXT_NOTES);
  g_assert (n == N_FIELDS);

  {
    /* The hint gives an example in the form the field shows. */
    g_autofree char *example = kw_date_entry_example ();
    g_autofree char *due_title = g_strdup_printf (_("Due date (e.g. %s)"), example);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), due_title);
  }

  name_once_by_its_label (GTK_WIDGET (self->impact_spin));
  name_once_by_its_label (GTK_WIDGET (self->effort_spin));
  name_once_by_its_label (GTK_WIDGET (self->status_dropdown));
  name_once_by_its_label (GTK_WIDGET (self->impact_line_spin));
  name_once_by_its_label (GTK_WIDGET (self->effort_line_spin));
  name_once_by_its_label (GTK_WIDGET (self->tiny_line_spin));
  name_once_by_its_label (GTK_WIDGET (self->review_interval_spin));

  g_signal_connect_swapped (self->impact_spin, "value-changed", G_CALLBACK (score_changed_cb), self);
  g_signal_connect_swapped (self->effort_spin, "value-changed", G_CALLBACK (score_changed_cb), self);
  g_signal_connect_swapped (self->placed_switch, "notify::active", G_CALLBACK (placed_changed_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (status_changed_cb), self);
  g_signal_connect_swapped (self->impact_line_spin, "value-changed", G_CALLBACK (line_changed_cb), self);
  g_signal_connect_swapped (self->effort_line_spin, "value-changed", G_CALLBACK (line_changed_cb), self);
  g_signal_connect_swapped (self->tiny_line_spin, "value-changed", G_CALLBACK (line_changed_cb), self);
  g_signal_connect_swapped (self->review_interval_spin, "value-changed", G_CALLBACK (review_interval_changed_cb), self);

  self->loading++;
  gtk_spin_button_set_value (self->impact_spin, KW_DEFAULT_IMPACT_LINE);
  gtk_spin_button_set_value (self->effort_spin, KW_DEFAULT_EFFORT_LINE);
  self->loading--;
}

GtkWidget *
kw_details_panel_new (void)
{
  return g_object_new (KW_TYPE_DETAILS_PANEL, NULL);
}

void
kw_details_panel_set_history (KwDetailsPanel *self,
                              KwHistory      *history)
{
  g_return_if_fail (KW_IS_DETAILS_PANEL (self));
  g_return_if_fail (history == NULL || KW_IS_HISTORY (history));

  if (self->history == history)
    return;

  kw_details_panel_set_finding (self, NULL);

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_func (self->board, board_changed_cb, self);
  g_set_object (&self->history, history);
  {
    KwBoard *board = history != NULL ? kw_history_get_board (history) : NULL;

    g_set_object (&self->board, board);
  }
  if (self->board != NULL)
    g_signal_connect_object (self->board, "changed", G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->fields[i].seen, g_free);
  kw_details_panel_refresh (self);
}

void
kw_details_panel_set_finding (KwDetailsPanel *self,
                              KwFinding      *finding)
{
  g_return_if_fail (KW_IS_DETAILS_PANEL (self));
  g_return_if_fail (finding == NULL || KW_IS_FINDING (finding));

  if (self->finding == finding)
    return;

  /* Tags typed but not applied yet belong to the finding they were typed for. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (self->fields[i].kind == FIELD_FINDING_TAGS)
        field_focus_leave_cb (NULL, &self->fields[i]);
    }

  g_set_object (&self->finding, finding);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (field_is_finding (&self->fields[i]))
        {
          g_clear_pointer (&self->fields[i].seen, g_free);
          field_set_error (&self->fields[i], FALSE);
        }
    }

  gtk_stack_set_visible_child_name (self->finding_stack, finding != NULL ? "finding" : "none");

  if (finding != NULL)
    {
      /* An unplaced finding shows zero until it is placed; setting
       * either score (or the switch) places it. */
      if (!kw_finding_get_placed (finding))
        {
          self->loading++;
          gtk_spin_button_set_value (self->impact_spin, 0.0);
          gtk_spin_button_set_value (self->effort_spin, 0.0);
          self->loading--;
        }
      kw_details_panel_refresh (self);
    }
}

gboolean
kw_details_panel_get_editable (KwDetailsPanel *self)
{
  g_return_val_if_fail (KW_IS_DETAILS_PANEL (self), FALSE);

  return self->editable;
}

/* Text stays selectable, so a title can still be copied; switches,
 * numbers and lists have nothing to read beyond what they show. */
void
kw_details_panel_set_editable (KwDetailsPanel *self,
                               gboolean        editable)
{
  GtkWidget *controls[] = {
    GTK_WIDGET (self->placed_switch),
    GTK_WIDGET (self->impact_spin),
    GTK_WIDGET (self->effort_spin),
    GTK_WIDGET (self->status_dropdown),
    GTK_WIDGET (self->impact_line_spin),
    GTK_WIDGET (self->effort_line_spin),
    GTK_WIDGET (self->tiny_line_spin),
    GTK_WIDGET (self->review_interval_spin),
  };

  g_return_if_fail (KW_IS_DETAILS_PANEL (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *widget = self->fields[i].widget;

      if (GTK_IS_TEXT_VIEW (widget))
        {
          gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), editable);
          gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (widget), editable);
        }
      else
        gtk_editable_set_editable (GTK_EDITABLE (widget), editable);
    }

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    gtk_widget_set_sensitive (controls[i], editable);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

KwFinding *
kw_details_panel_get_finding (KwDetailsPanel *self)
{
  g_return_val_if_fail (KW_IS_DETAILS_PANEL (self), NULL);

  return self->finding;
}

void
kw_details_panel_show_page (KwDetailsPanel *self,
                            const char     *name)
{
  g_return_if_fail (KW_IS_DETAILS_PANEL (self));

  gtk_stack_set_visible_child_name (self->stack, name);
}

void
kw_details_panel_focus_first (KwDetailsPanel *self)
{
  g_return_if_fail (KW_IS_DETAILS_PANEL (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "board") == 0)
    gtk_widget_grab_focus (self->board_title_row);
  else if (self->finding != NULL)
    gtk_widget_grab_focus (self->title_row);
}

/* For "Change" on the notice of a new review date: the finding's page,
 * its review date focused. */
void
kw_details_panel_focus_review_date (KwDetailsPanel *self)
{
  g_return_if_fail (KW_IS_DETAILS_PANEL (self));

  gtk_stack_set_visible_child_name (self->stack, "finding");
  if (self->finding != NULL)
    gtk_widget_grab_focus (self->review_row);
}

GtkWidget *
kw_details_panel_get_median_button (KwDetailsPanel *self)
{
  g_return_val_if_fail (KW_IS_DETAILS_PANEL (self), NULL);

  return self->median_button;
}
