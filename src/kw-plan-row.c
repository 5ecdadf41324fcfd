/* kw-plan-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-plan-row"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-follow-up.h"
#include "kw-plan-row.h"
#include "kw-plan-text.h"
#include "kw-text.h"

/* One widget type for every kind of plan item: a list view recycles its
 * rows, and the row rebuilds its children only when the kind changes. */
struct _KwPlanRow
{
  GtkWidget       parent_instance;

  KwPlanItemKind  kind;
  gboolean        built;
  char           *accessible_text;
  char           *css_outcome;

  GtkWidget      *title;
  GtkWidget      *subtitle;
  GtkWidget      *count;
  GtkWidget      *outcome_counts[KW_N_OUTCOMES];
};

G_DEFINE_FINAL_TYPE (KwPlanRow, kw_plan_row, GTK_TYPE_WIDGET)

/* Formatted in the user's locale, so Dutch readers see "7,5". */
char *
kw_plan_format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

/* "20 November 2026" in the user's language; unknown text as it is. */
char *
kw_plan_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;

  if (kw_date_is_valid_iso (iso_date) &&
      sscanf (iso_date, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 12, 0, 0);

  if (date == NULL)
    return g_strdup (iso_date);

  /* Translators: a date as in "20 November 2026", see g_date_time_format(). */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* The outcome of one finding, as a screen reader says it after the
 * finding's scores. */
const char *
kw_plan_outcome_singular (KwOutcome outcome)
{
  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN: return _("quick win");
    case KW_OUTCOME_SMALL_FIX: return _("small fix");
    case KW_OUTCOME_LONG_TERM: return _("long-term plan");
    case KW_OUTCOME_FUTURE:    return _("future list");
    case KW_OUTCOME_DROP:      return _("drop");
    case KW_OUTCOME_UNPLACED:  return _("not placed yet");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char * const kind_classes[] = { "summary", "group", "finding", "empty" };

static GtkWidget *
new_label (const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
new_outcome_dot (void)
{
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (dot, "outcome-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);

  return dot;
}

static GtkWidget *
new_outcome_tile (KwOutcome   outcome,
                  GtkWidget **count_label)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *caption = new_label ("caption", FALSE);

  gtk_widget_add_css_class (tile, "outcome-tile");
  gtk_widget_add_css_class (tile, kw_outcome_to_id (outcome));

  *count_label = new_label ("title-2", FALSE);
  gtk_widget_add_css_class (*count_label, "numeric");
  gtk_box_append (GTK_BOX (tile), *count_label);

  gtk_label_set_text (GTK_LABEL (caption), kw_outcome_get_title (outcome));
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (caption_box), new_outcome_dot ());
  gtk_box_append (GTK_BOX (caption_box), caption);
  gtk_box_append (GTK_BOX (tile), caption_box);

  return tile;
}

static void
build_summary (KwPlanRow *self)
{
  GtkWidget *tiles = gtk_flow_box_new ();

  self->title = new_label ("title-1", TRUE);
  self->subtitle = new_label ("dim-label", TRUE);
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
  gtk_widget_set_parent (self->subtitle, GTK_WIDGET (self));

  /* The tiles are a picture of the counts, which the row's accessible
   * text already reads out: no stops for the keyboard in between. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (tiles), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (tiles), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (tiles), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (tiles), KW_N_OUTCOMES / 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (tiles), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (tiles), 6);
  gtk_widget_set_can_target (tiles, FALSE);
  gtk_widget_set_can_focus (tiles, FALSE);
  gtk_widget_add_css_class (tiles, "outcome-tiles");

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      GtkWidget *tile = new_outcome_tile ((KwOutcome) i, &self->outcome_counts[i]);

      gtk_flow_box_append (GTK_FLOW_BOX (tiles), tile);
      gtk_widget_set_focusable (gtk_widget_get_parent (tile), FALSE);
    }

  gtk_widget_set_parent (tiles, GTK_WIDGET (self));
}

static void
build_group (KwPlanRow *self)
{
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->title = new_label ("heading", TRUE);
  self->count = new_label ("dim-label", FALSE);
  gtk_widget_add_css_class (self->count, "numeric");
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_box_append (GTK_BOX (heading), new_outcome_dot ());
  gtk_box_append (GTK_BOX (heading), self->title);
  gtk_box_append (GTK_BOX (heading), self->count);
  gtk_widget_set_parent (heading, GTK_WIDGET (self));

  self->subtitle = new_label ("dim-label", TRUE);
  gtk_widget_set_parent (self->subtitle, GTK_WIDGET (self));
}

/* The whole title, for one cut short. Asked for when the tooltip shows:
 * setting a tooltip text on every bind asks the X server where the
 * pointer is, a round trip per row, whenever the list changes. */
static gboolean
title_query_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_tooltip,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  const char *title = gtk_label_get_text (GTK_LABEL (label));

  if (*title == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, title);
  return TRUE;
}

static void
build_finding (KwPlanRow *self)
{
  self->title = new_label (NULL, FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (self->title, TRUE);
  g_signal_connect (self->title, "query-tooltip", G_CALLBACK (title_query_tooltip_cb), NULL);
  gtk_widget_add_css_class (self->title, "title");
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));

  self->subtitle = new_label ("dim-label", FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->subtitle, "subtitle");
  gtk_widget_set_parent (self->subtitle, GTK_WIDGET (self));
}

static void
build_empty (KwPlanRow *self)
{
  self->title = new_label ("dim-label", FALSE);
  gtk_label_set_text (GTK_LABEL (self->title), C_("findings in an outcome", "None"));
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
}

static void
kw_plan_row_clear (KwPlanRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  self->title = NULL;
  self->subtitle = NULL;
  self->count = NULL;
  memset (self->outcome_counts, 0, sizeof self->outcome_counts);

  if (self->built)
    gtk_widget_remove_css_class (GTK_WIDGET (self), kind_classes[self->kind]);
  self->built = FALSE;
}

static void
kw_plan_row_build (KwPlanRow      *self,
                   KwPlanItemKind  kind)
{
  kw_plan_row_clear (self);

  switch (kind)
    {
    case KW_PLAN_ITEM_SUMMARY: build_summary (self); break;
    case KW_PLAN_ITEM_GROUP:   build_group (self); break;
    case KW_PLAN_ITEM_FINDING: build_finding (self); break;
    case KW_PLAN_ITEM_EMPTY:   build_empty (self); break;
    default:
      g_return_if_reached ();
    }

  self->kind = kind;
  self->built = TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (self), kind_classes[kind]);
}

static char *
join_details (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between details on one line. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
show_summary (KwPlanRow  *self,
              KwPlanItem *item,
              KwBoard    *board)
{
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) spoken = g_string_new (NULL);
  g_autofree char *date = kw_plan_format_date (kw_board_get_workshop_date (board));
  g_autofree char *details_text = NULL;
  const char *title = kw_board_get_title (board);
  const char *organisation = kw_board_get_organisation (board);
  const char *facilitator = kw_board_get_facilitator (board);

  title = kw_board_display_title (title);
  gtk_label_set_text (GTK_LABEL (self->title), title);

  if (organisation != NULL && *organisation != '\0')
    g_ptr_array_add (details, g_strdup (organisation));
  if (facilitator != NULL && *facilitator != '\0')
    g_ptr_array_add (details, g_strdup_printf (_("Facilitated by %s"), facilitator));
  if (date != NULL)
    g_ptr_array_add (details, g_strdup_printf (_("Workshop on %s"), date));

  gtk_widget_set_visible (self->subtitle, details->len > 0);
  details_text = join_details (details);
  gtk_label_set_text (GTK_LABEL (self->subtitle), details_text);

  g_string_append_printf (spoken, "%s. ", title);
  if (*details_text != '\0')
    g_string_append_printf (spoken, "%s. ", details_text);

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      guint count = kw_plan_item_get_count (item, (KwOutcome) i);
      g_autofree char *number = g_strdup_printf ("%u", count);

      gtk_label_set_text (GTK_LABEL (self->outcome_counts[i]), number);
      /* Translators: a count in the board summary, "Quick wins: 3". */
      g_string_append_printf (spoken, _("%s: %u"), kw_outcome_get_title ((KwOutcome) i), count);
      g_string_append (spoken, i + 1 < KW_N_OUTCOMES ? ", " : ".");
    }

  g_free (self->accessible_text);
  self->accessible_text = g_string_free (g_steal_pointer (&spoken), FALSE);
}

/* An outcome whose findings are followed through shows its progress as
 * its heading, "Quick wins: 3 of 5 done" (kw_follow_up_progress_text(),
 * the plan's words and rule, kw_follow_up_outcome_has_progress()); one
 * without findings, and the drop list, show the name and the count. */
static void
show_group (KwPlanRow  *self,
            KwPlanItem *item)
{
  KwOutcome outcome = kw_plan_item_get_outcome (item);
  guint count = kw_plan_item_get_count (item, outcome);
  guint done = kw_plan_item_get_done (item);
  gboolean progress = count > 0 && kw_follow_up_outcome_has_progress (outcome);
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autofree char *findings = g_strdup_printf (ngettext ("%u finding", "%u findings", count), count);
  g_autofree char *heading = progress ? kw_follow_up_progress_text (outcome, done, count)
                                      : g_strdup (kw_outcome_get_title (outcome));

  gtk_label_set_text (GTK_LABEL (self->title), heading);
  gtk_label_set_text (GTK_LABEL (self->count), number);
  gtk_widget_set_visible (self->count, !progress);
  gtk_label_set_text (GTK_LABEL (self->subtitle), kw_outcome_get_advice (outcome));

  g_free (self->accessible_text);
  if (progress)
    self->accessible_text = g_strdup_printf ("%s. %s", heading, kw_outcome_get_advice (outcome));
  else
    self->accessible_text = g_strdup_printf ("%s, %s. %s", heading, findings, kw_outcome_get_advice (outcome));
}

static void
set_css_flag (GtkWidget  *widget,
              const char *css_class,
              gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
show_finding (KwPlanRow  *self,
              KwPlanItem *item)
{
  KwFinding *finding = kw_plan_item_get_finding (item);
  KwOutcome outcome = kw_plan_item_get_outcome (item);
  g_autoptr(GPtrArray) details = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) spoken = g_string_new (NULL);
  g_autofree char *details_text = NULL;
  g_autofree char *due = kw_plan_format_date (kw_finding_get_due_date (finding));
  const char *title = kw_finding_get_title (finding);
  const char *owner = kw_finding_get_owner (finding);
  g_autofree char *today = kw_follow_up_today_iso (NULL);
  gboolean overdue;

  if (title == NULL || *title == '\0')
    title = _("Untitled finding");

  gtk_label_set_text (GTK_LABEL (self->title), title);

  if (kw_finding_get_placed (finding))
    {
      g_autofree char *impact = kw_plan_format_score (kw_finding_get_impact (finding));
      g_autofree char *effort = kw_plan_format_score (kw_finding_get_effort (finding));

      g_ptr_array_add (details, g_strdup_printf (_("Impact %s · Effort %s"), impact, effort));
      /* Translators: what a screen reader says for a finding: its title,
       * scores and outcome, e.g. "Clearer letters. Impact 7.5, effort 2.0, quick win". */
      g_string_append_printf (spoken, _("%s. Impact %s, effort %s, %s"),
                              title, impact, effort, kw_plan_outcome_singular (outcome));
    }
  else
    {
      g_ptr_array_add (details, g_strdup (_("Not placed yet")));
      /* Translators: what a screen reader says for a finding not yet on the matrix. */
      g_string_append_printf (spoken, _("%s. Not placed yet"), title);
    }

  if (owner != NULL && *owner != '\0')
    {
      g_ptr_array_add (details, g_strdup (owner));
      g_string_append_printf (spoken, ". %s", owner);
    }

  /* Past its due date and not done: said in words, not only in colour
   * (the plan's rule, kw_follow_up_is_overdue()), and first, where a
   * narrow list does not cut it off. */
  overdue = due != NULL && kw_follow_up_is_overdue (finding, today);
  if (overdue)
    {
      /* Translators: a finding's due date already past, e.g. "Overdue, due 3 December 2026". */
      g_ptr_array_insert (details, 0, g_strdup_printf (_("Overdue, due %s"), due));
      g_string_append (spoken, ". ");
      g_string_append_printf (spoken, _("Overdue, due %s"), due);
    }
  else if (due != NULL)
    {
      g_ptr_array_add (details, g_strdup_printf (_("Due %s"), due));
      g_string_append (spoken, ". ");
      g_string_append_printf (spoken, _("Due %s"), due);
    }

  details_text = join_details (details);
  gtk_label_set_text (GTK_LABEL (self->subtitle), details_text);
  set_css_flag (self->subtitle, "overdue", overdue);

  g_free (self->accessible_text);
  self->accessible_text = g_string_free (g_steal_pointer (&spoken), FALSE);
}

static void
show_empty (KwPlanRow  *self,
            KwPlanItem *item)
{
  g_free (self->accessible_text);
  /* Translators: read out for an outcome without findings. */
  self->accessible_text = g_strdup_printf (_("No findings in %s."),
                                           kw_outcome_get_title (kw_plan_item_get_outcome (item)));
}

static void
set_outcome_class (KwPlanRow  *self,
                   const char *outcome_id)
{
  if (g_strcmp0 (self->css_outcome, outcome_id) == 0)
    return;

  if (self->css_outcome != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->css_outcome);
  g_free (self->css_outcome);
  self->css_outcome = g_strdup (outcome_id);
  if (outcome_id != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), outcome_id);
}

void
kw_plan_row_bind (KwPlanRow  *self,
                  KwPlanItem *item,
                  KwBoard    *board)
{
  KwPlanItemKind kind;

  g_return_if_fail (KW_IS_PLAN_ROW (self));
  g_return_if_fail (item == NULL || KW_IS_PLAN_ITEM (item));
  g_return_if_fail (item == NULL || KW_IS_BOARD (board));

  if (item == NULL)
    {
      kw_plan_row_clear (self);
      set_outcome_class (self, NULL);
      g_clear_pointer (&self->accessible_text, g_free);
      return;
    }

  kind = kw_plan_item_get_kind (item);
  if (!self->built || self->kind != kind)
    kw_plan_row_build (self, kind);

  set_css_flag (GTK_WIDGET (self), "first", kw_plan_item_is_first (item));
  set_css_flag (GTK_WIDGET (self), "last", kw_plan_item_is_last (item));
  set_outcome_class (self, kind == KW_PLAN_ITEM_SUMMARY ? NULL
                                                         : kw_outcome_to_id (kw_plan_item_get_outcome (item)));

  switch (kind)
    {
    case KW_PLAN_ITEM_SUMMARY: show_summary (self, item, board); break;
    case KW_PLAN_ITEM_GROUP:   show_group (self, item); break;
    case KW_PLAN_ITEM_FINDING: show_finding (self, item); break;
    case KW_PLAN_ITEM_EMPTY:   show_empty (self, item); break;
    default:
      g_return_if_reached ();
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_text,
                                  -1);
}

const char *
kw_plan_row_get_accessible_text (KwPlanRow *self)
{
  g_return_val_if_fail (KW_IS_PLAN_ROW (self), NULL);

  return self->accessible_text;
}

static void
kw_plan_row_dispose (GObject *object)
{
  KwPlanRow *self = KW_PLAN_ROW (object);

  kw_plan_row_clear (self);

  G_OBJECT_CLASS (kw_plan_row_parent_class)->dispose (object);
}

static void
kw_plan_row_finalize (GObject *object)
{
  KwPlanRow *self = KW_PLAN_ROW (object);

  g_clear_pointer (&self->accessible_text, g_free);
  g_clear_pointer (&self->css_outcome, g_free);

  G_OBJECT_CLASS (kw_plan_row_parent_class)->finalize (object);
}

static void
kw_plan_row_class_init (KwPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_plan_row_dispose;
  object_class->finalize = kw_plan_row_finalize;

  gtk_widget_class_set_css_name (widget_class, "kw-plan-row");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kw_plan_row_init (KwPlanRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
}

GtkWidget *
kw_plan_row_new (void)
{
  return g_object_new (KW_TYPE_PLAN_ROW, NULL);
}
