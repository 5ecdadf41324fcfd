/* kw-estimates-grid.c: the facilitator's grid for typing in the room's
 * estimates.
 *
 * Findings run down, participants across, one cell per participant and
 * finding. The room calls out its numbers one person after another, so
 * the keyboard stays in one entry that edits the current cell: "7 3" and
 * Tab or Enter commit it (one undo step) and go on to the next participant
 * of the same finding, wrapping to the first participant of the next one;
 * Shift goes back, the arrows move. The cells are labels in a GtkColumnView,
 * recycled as it scrolls: 200 findings by 30 participants are a few
 * hundred widgets, never 6,000 entries.
 *
 * While a blind round is open, what is typed for a finding it covers goes
 * to the round, and its cells say only whether someone has given an
 * estimate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-estimates-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-estimates-grid-private.h"
#include "kw-estimates-text.h"

/* Fixed widths keep the columns still while typing, and tell where a
 * participant's column starts without asking the layout. */
#define TITLE_WIDTH   300
#define SUMMARY_WIDTH 190
#define CELL_WIDTH    96

typedef enum {
  KIND_TITLE,
  KIND_SUMMARY,
  KIND_CELL,
} LabelKind;


G_DEFINE_FINAL_TYPE (KwEstimatesGrid, kw_estimates_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_ROUND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FINDING_KEY     "kw-finding"
#define PARTICIPANT_KEY "kw-participant"
#define KIND_KEY        "kw-kind"

/* ---- Words ------------------------------------------------------------- */

static KwParticipantList *
participants (KwEstimatesGrid *self)
{
  return self->board != NULL ? kw_board_get_participants (self->board) : NULL;
}

static guint
n_participants (KwEstimatesGrid *self)
{
  return self->board != NULL ? kw_participant_list_get_n_items (participants (self)) : 0;
}

static guint
n_findings (KwEstimatesGrid *self)
{
  return self->board != NULL ? kw_board_get_n_findings (self->board) : 0;
}

/* Whether the finding's values are the round's secret now. */
gboolean
kw_estimates_grid_round_hides (KwEstimatesGrid *self,
                               KwFinding       *finding)
{
  return self->round != NULL && kw_round_get_state (self->round) == KW_ROUND_OPEN &&
         kw_round_covers (self->round, finding);
}

static guint
finding_number (KwEstimatesGrid *self,
                KwFinding       *finding)
{
  guint position = 0;

  kw_board_find_position (self->board, finding, &position);
  return position + 1;
}

static char *
dup_finding_heading (KwEstimatesGrid *self,
                     KwFinding       *finding)
{
  /* Translators: a finding in the estimates grid: its number, its title. */
  return g_strdup_printf (_("%u. %s"), finding_number (self, finding), kw_finding_get_title (finding));
}

char *
kw_estimates_grid_dup_cell_text (KwEstimatesGrid *self,
                                 KwFinding       *finding,
                                 KwParticipant   *participant)
{
  const char *id = kw_participant_get_id (participant);
  KwEstimate estimate;

  g_return_val_if_fail (KW_IS_ESTIMATES_GRID (self), NULL);

  if (kw_estimates_grid_round_hides (self, finding))
    return g_strdup (kw_round_has_submitted (self->round, finding, id) ? "●" : "");

  if (!kw_finding_get_estimate (finding, id, &estimate))
    return g_strdup ("");
  return kw_estimates_dup_display (&estimate);
}

static char *
dup_value_words (KwEstimatesGrid *self,
                 KwFinding       *finding,
                 KwParticipant   *participant)
{
  const char *id = kw_participant_get_id (participant);
  KwEstimate estimate;

  if (kw_estimates_grid_round_hides (self, finding))
    return g_strdup (kw_round_has_submitted (self->round, finding, id) ? _("given, hidden until the reveal")
                                                                       : _("not given yet"));
  if (!kw_finding_get_estimate (finding, id, &estimate))
    return g_strdup (_("no estimate"));
  return kw_estimates_describe (&estimate);
}

char *
kw_estimates_grid_dup_cell_label (KwEstimatesGrid *self,
                                  KwFinding       *finding,
                                  KwParticipant   *participant)
{
  g_autofree char *heading = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (KW_IS_ESTIMATES_GRID (self), NULL);

  heading = dup_finding_heading (self, finding);
  value = dup_value_words (self, finding, participant);
  /* Translators: a cell of the estimates grid: participant, finding, value. */
  return g_strdup_printf (_("%s, %s: %s"), kw_participant_get_name (participant), heading, value);
}

static char *
dup_summary_text (KwEstimatesGrid *self,
                  KwFinding       *finding)
{
  KwEstimateSummary summary;
  g_autofree char *words = NULL;

  if (kw_estimates_grid_round_hides (self, finding))
    /* Translators: the estimates grid's group column during a blind round. */
    return g_strdup_printf (_("Round open: %u of %u given"), kw_round_count_submitted (self->round, finding),
                            n_participants (self));

  kw_finding_summarize_estimates (finding, &summary);
  if (summary.n_estimates == 0)
    return g_strdup ("");
  words = kw_estimates_describe_summary (&summary);
  if (words == NULL)
    return g_strdup (_("No idea yet"));
  return g_steal_pointer (&words);
}

/* ---- Cells ------------------------------------------------------------- */

gboolean
kw_estimates_grid_get_cursor_cell (KwEstimatesGrid  *self,
                                   KwFinding       **finding,
                                   KwParticipant   **participant)
{
  if (self->cursor_finding >= n_findings (self) || self->cursor_participant >= n_participants (self))
    return FALSE;

  *finding = kw_board_get_finding (self->board, self->cursor_finding);
  *participant = kw_participant_list_get_participant (participants (self), self->cursor_participant);
  return TRUE;
}

static void
refresh_label (KwEstimatesGrid *self,
               GtkWidget       *label)
{
  KwFinding *finding = g_object_get_data (G_OBJECT (label), FINDING_KEY);
  LabelKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), KIND_KEY));
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (finding == NULL)
    return;

  switch (kind)
    {
    case KIND_TITLE:
      text = dup_finding_heading (self, finding);
      break;

    case KIND_SUMMARY:
      text = dup_summary_text (self, finding);
      break;

    case KIND_CELL:
      {
        KwParticipant *participant = g_object_get_data (G_OBJECT (label), PARTICIPANT_KEY);
        KwFinding *current_finding;
        KwParticipant *current_participant;
        gboolean current = kw_estimates_grid_get_cursor_cell (self, &current_finding, &current_participant) &&
                           current_finding == finding && current_participant == participant;

        text = kw_estimates_grid_dup_cell_text (self, finding, participant);
        accessible = kw_estimates_grid_dup_cell_label (self, finding, participant);
        if (current)
          gtk_widget_add_css_class (GTK_WIDGET (label), "kw-current");
        else
          gtk_widget_remove_css_class (GTK_WIDGET (label), "kw-current");
        g_object_set_data_full (G_OBJECT (label), KW_ESTIMATES_GRID_LABEL_KEY, g_steal_pointer (&accessible), g_free);
        gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        g_object_get_data (G_OBJECT (label), KW_ESTIMATES_GRID_LABEL_KEY), -1);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (GTK_IS_INSCRIPTION (label))
    gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  else
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
refresh_all (KwEstimatesGrid *self)
{
  GHashTableIter iter;
  gpointer label;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    refresh_label (self, label);
}

/* The labels of one finding, or (participant not NULL) of one cell: a
 * commit redraws a row, not the grid. */
static void
refresh_finding (KwEstimatesGrid *self,
                 KwFinding       *finding,
                 KwParticipant   *participant)
{
  GHashTableIter iter;
  gpointer label;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    {
      if (g_object_get_data (label, FINDING_KEY) != finding)
        continue;
      if (participant != NULL && g_object_get_data (label, PARTICIPANT_KEY) != participant)
        continue;
      refresh_label (self, label);
    }
}

static void
label_finding_changed_cb (GtkWidget *label)
{
  KwEstimatesGrid *self = KW_ESTIMATES_GRID (gtk_widget_get_ancestor (GTK_WIDGET (label), KW_TYPE_ESTIMATES_GRID));

  if (self != NULL)
    refresh_label (self, label);
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 KwEstimatesGrid *self)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  KwFinding *finding = g_object_get_data (G_OBJECT (label), FINDING_KEY);
  KwParticipant *participant = g_object_get_data (G_OBJECT (label), PARTICIPANT_KEY);
  guint finding_position;
  guint participant_position;

  if (finding == NULL || !kw_board_find_position (self->board, finding, &finding_position) ||
      !kw_participant_list_find_position (participants (self), participant, &participant_position))
    return;

  kw_estimates_grid_set_cursor (self, finding_position, participant_position);
  kw_estimates_grid_focus (self);
}

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               KwEstimatesGrid          *self)
{
  LabelKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), KIND_KEY));
  /* Cells are GtkInscriptions, made for list cells: a grid of 200
   * findings has thousands of them (GTK 4.8's list views keep up to 200
   * rows alive), and labels cost several times more. */
  GtkWidget *label = kind == KIND_CELL ? gtk_inscription_new (NULL) : gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), KIND_KEY, GINT_TO_POINTER (kind));
  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);

  if (kind == KIND_CELL)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      g_object_set_data (G_OBJECT (label), PARTICIPANT_KEY, g_object_get_data (G_OBJECT (factory), PARTICIPANT_KEY));
      gtk_widget_add_css_class (label, "kw-estimate-cell");
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 0.5);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 3);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 7);
      gtk_widget_set_hexpand (label, TRUE);
      g_signal_connect_object (click, "pressed", G_CALLBACK (cell_pressed_cb), self, 0);
      gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      if (kind == KIND_SUMMARY)
        gtk_widget_add_css_class (label, "caption");
    }
}

static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              KwEstimatesGrid          *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  KwFinding *finding = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (label), FINDING_KEY, finding);
  g_hash_table_add (self->bound, label);
  /* Each label follows its own finding: typing one estimate redraws its
   * row only. */
  g_signal_connect_object (finding, "estimates-changed", G_CALLBACK (label_finding_changed_cb), label,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (finding, "notify::title", G_CALLBACK (label_finding_changed_cb), label,
                           G_CONNECT_SWAPPED);
  refresh_label (self, label);
}

static void
item_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                KwEstimatesGrid          *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  KwFinding *finding = g_object_get_data (G_OBJECT (label), FINDING_KEY);

  if (finding != NULL)
    g_signal_handlers_disconnect_by_data (finding, label);
  g_hash_table_remove (self->bound, label);
  g_object_set_data (G_OBJECT (label), FINDING_KEY, NULL);
}

static GtkListItemFactory *
new_factory (KwEstimatesGrid *self,
             LabelKind        kind,
             KwParticipant   *participant)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), KIND_KEY, GINT_TO_POINTER (kind));
  if (participant != NULL)
    g_object_set_data_full (G_OBJECT (factory), PARTICIPANT_KEY, g_object_ref (participant), g_object_unref);
  g_signal_connect_object (factory, "setup", G_CALLBACK (item_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (item_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (item_unbind_cb), self, 0);

  return factory;
}

static void
append_column (KwEstimatesGrid *self,
               const char      *title,
               LabelKind        kind,
               KwParticipant   *participant,
               int              width)
{
  g_autoptr(GtkColumnViewColumn) column =
    gtk_column_view_column_new (title, new_factory (self, kind, participant));

  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_resizable (column, kind != KIND_CELL);
  if (participant != NULL)
    g_object_set_data_full (G_OBJECT (column), PARTICIPANT_KEY, g_object_ref (participant), g_object_unref);
  gtk_column_view_append_column (self->column_view, column);
}

static void
remove_columns (KwEstimatesGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

/* How many of the participant columns stand for the board's first
 * participants, in order. */
static guint
count_matching_columns (KwEstimatesGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n_columns = g_list_model_get_n_items (columns);
  guint n = n_columns >= 2 ? MIN (n_columns - 2, n_participants (self)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i + 2);

      if (g_object_get_data (G_OBJECT (column), PARTICIPANT_KEY) !=
          kw_participant_list_get_participant (participants (self), i))
        return i;
    }

  return n;
}

/* Renaming only retitles and adding at the end appends a column (a
 * column of a large board is hundreds of cells); removing or reordering
 * rebuilds. */
static void
sync_columns (KwEstimatesGrid *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n = n_participants (self);
  guint matching = count_matching_columns (self);

  if (self->board == NULL || g_list_model_get_n_items (columns) != matching + 2)
    {
      remove_columns (self);
      matching = 0;
      if (self->board == NULL)
        return;

      append_column (self, _("Finding"), KIND_TITLE, NULL, TITLE_WIDTH);
      append_column (self, _("Group"), KIND_SUMMARY, NULL, SUMMARY_WIDTH);
    }

  for (guint i = matching; i < n; i++)
    append_column (self, NULL, KIND_CELL, kw_participant_list_get_participant (participants (self), i), CELL_WIDTH);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i + 2);
      KwParticipant *participant = kw_participant_list_get_participant (participants (self), i);

      gtk_column_view_column_set_title (column, kw_participant_get_name (participant));
    }
}

/* ---- The cursor -------------------------------------------------------- */

void
kw_estimates_grid_set_error (KwEstimatesGrid *self,
                             const char      *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);

  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error, -1);
      kw_a11y_announce (GTK_WIDGET (self), error);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
update_cursor_label (KwEstimatesGrid *self)
{
  KwFinding *finding;
  KwParticipant *participant;
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (!kw_estimates_grid_get_cursor_cell (self, &finding, &participant))
    {
      gtk_label_set_text (self->cursor_label, n_participants (self) == 0
                                              ? _("Add the participants first (Participants in the main menu)")
                                              : _("The board has no findings yet"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->entry), FALSE);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), TRUE);
  heading = dup_finding_heading (self, finding);
  /* Translators: above the estimates grid's entry: whose estimate of which
   * finding is being typed. */
  text = g_strdup_printf (_("%s — %s"), kw_participant_get_name (participant), heading);
  gtk_label_set_text (self->cursor_label, text);

  accessible = kw_estimates_grid_dup_cell_label (self, finding, participant);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GtkWidget *
find_list_view (KwEstimatesGrid *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

/* Keeps the current cell on screen: the row through the list's own
 * action, the column from the fixed widths. */
static void
scroll_to_cursor (KwEstimatesGrid *self)
{
  GtkWidget *list = find_list_view (self);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  double x = TITLE_WIDTH + SUMMARY_WIDTH + self->cursor_participant * (double) CELL_WIDTH;
  double value = gtk_adjustment_get_value (hadjustment);
  double page = gtk_adjustment_get_page_size (hadjustment);

  if (list != NULL && self->cursor_finding < n_findings (self))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", self->cursor_finding);

  if (page <= 0)
    return;
  if (self->cursor_participant == 0)
    gtk_adjustment_set_value (hadjustment, 0);
  else if (x + CELL_WIDTH > value + page)
    gtk_adjustment_set_value (hadjustment, x + CELL_WIDTH - page);
  else if (x < value)
    gtk_adjustment_set_value (hadjustment, x);
}

static void
clamp_cursor (KwEstimatesGrid *self)
{
  guint findings = n_findings (self);
  guint people = n_participants (self);

  self->cursor_finding = findings > 0 ? MIN (self->cursor_finding, findings - 1) : 0;
  self->cursor_participant = people > 0 ? MIN (self->cursor_participant, people - 1) : 0;
}

gboolean
kw_estimates_grid_get_cursor (KwEstimatesGrid *self,
                              guint           *finding,
                              guint           *participant)
{
  KwFinding *current_finding;
  KwParticipant *current_participant;

  g_return_val_if_fail (KW_IS_ESTIMATES_GRID (self), FALSE);

  if (!kw_estimates_grid_get_cursor_cell (self, &current_finding, &current_participant))
    return FALSE;

  if (finding != NULL)
    *finding = self->cursor_finding;
  if (participant != NULL)
    *participant = self->cursor_participant;
  return TRUE;
}

void
kw_estimates_grid_set_cursor (KwEstimatesGrid *self,
                              guint            finding,
                              guint            participant)
{
  KwFinding *old_finding = NULL;
  KwParticipant *old_participant = NULL;
  KwFinding *new_finding;
  KwParticipant *new_participant;

  g_return_if_fail (KW_IS_ESTIMATES_GRID (self));

  kw_estimates_grid_get_cursor_cell (self, &old_finding, &old_participant);
  self->cursor_finding = finding;
  self->cursor_participant = participant;
  clamp_cursor (self);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  kw_estimates_grid_set_error (self, NULL);
  if (old_finding != NULL)
    refresh_finding (self, old_finding, old_participant);
  if (kw_estimates_grid_get_cursor_cell (self, &new_finding, &new_participant))
    refresh_finding (self, new_finding, new_participant);
  update_cursor_label (self);
  scroll_to_cursor (self);
}

/* Moves by delta cells in the order the room calls out its numbers:
 * along a finding's participants, then on to the next finding. */
void
kw_estimates_grid_move (KwEstimatesGrid *self,
                        int              delta)
{
  gint64 people = n_participants (self);
  gint64 last = (gint64) n_findings (self) * people - 1;
  gint64 index = (gint64) self->cursor_finding * people + self->cursor_participant + delta;

  if (people == 0 || last < 0)
    return;

  index = CLAMP (index, 0, last);
  kw_estimates_grid_set_cursor (self, index / people, index % people);
}

void
kw_estimates_grid_move_down (KwEstimatesGrid *self,
                             int              delta)
{
  gint64 finding = (gint64) self->cursor_finding + delta;

  if (finding < 0 || finding >= n_findings (self))
    return;
  kw_estimates_grid_set_cursor (self, finding, self->cursor_participant);
}

/* ---- Following the board ------------------------------------------------ */

static void
board_changed_cb (KwEstimatesGrid *self)
{
  update_cursor_label (self);
}

/* The findings' numbers change with their positions. */
static void
board_items_changed_cb (KwEstimatesGrid *self)
{
  clamp_cursor (self);
  refresh_all (self);
  update_cursor_label (self);
}

static void
participants_changed_cb (KwEstimatesGrid *self)
{
  sync_columns (self);
  clamp_cursor (self);
  refresh_all (self);
  update_cursor_label (self);
}

static void
set_board (KwEstimatesGrid *self,
           KwBoard         *board)
{
  g_autoptr(GtkNoSelection) model = NULL;

  if (self->board == board)
    return;

  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->board, self);
      g_signal_handlers_disconnect_by_data (kw_board_get_participants (self->board), self);
    }
  gtk_column_view_set_model (self->column_view, NULL);
  g_set_object (&self->board, board);
  self->cursor_finding = 0;
  self->cursor_participant = 0;

  if (board != NULL)
    {
      g_signal_connect_object (board, "changed", G_CALLBACK (board_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (board, "items-changed", G_CALLBACK (board_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (kw_board_get_participants (board), "changed",
                               G_CALLBACK (participants_changed_cb), self, G_CONNECT_SWAPPED);
      model = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (board)));
    }

  sync_columns (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (model));
  kw_estimates_grid_set_cursor (self, 0, 0);
}

KwHistory *
kw_estimates_grid_get_history (KwEstimatesGrid *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_GRID (self), NULL);

  return self->history;
}

void
kw_estimates_grid_set_history (KwEstimatesGrid *self,
                               KwHistory       *history)
{
  g_return_if_fail (KW_IS_ESTIMATES_GRID (self));
  g_return_if_fail (history == NULL || KW_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;

  set_board (self, history != NULL ? kw_history_get_board (history) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

KwRound *
kw_estimates_grid_get_round (KwEstimatesGrid *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_GRID (self), NULL);

  return self->round;
}

static void
round_changed_cb (KwEstimatesGrid *self)
{
  refresh_all (self);
  update_cursor_label (self);
}

static void
round_submitted_cb (KwEstimatesGrid *self,
                    KwFinding       *finding,
                    const char      *participant_id)
{
  refresh_finding (self, finding, NULL);
  update_cursor_label (self);
}

void
kw_estimates_grid_set_round (KwEstimatesGrid *self,
                             KwRound         *round)
{
  g_return_if_fail (KW_IS_ESTIMATES_GRID (self));
  g_return_if_fail (round == NULL || KW_IS_ROUND (round));

  if (self->round == round)
    return;

  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  g_set_object (&self->round, round);
  if (round != NULL)
    {
      g_signal_connect_object (round, "submitted", G_CALLBACK (round_submitted_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (round, "notify::state", G_CALLBACK (round_changed_cb), self, G_CONNECT_SWAPPED);
    }

  round_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUND]);
}

GtkWidget *
kw_estimates_grid_get_entry (KwEstimatesGrid *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_GRID (self), NULL);

  return GTK_WIDGET (self->entry);
}

void
kw_estimates_grid_focus (KwEstimatesGrid *self)
{
  g_return_if_fail (KW_IS_ESTIMATES_GRID (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

const char *
kw_estimates_grid_get_error (KwEstimatesGrid *self)
{
  g_return_val_if_fail (KW_IS_ESTIMATES_GRID (self), NULL);

  return self->error;
}

/* ---- GObject ------------------------------------------------------------ */

static void
kw_estimates_grid_dispose (GObject *object)
{
  KwEstimatesGrid *self = KW_ESTIMATES_GRID (object);

  kw_estimates_grid_set_round (self, NULL);
  if (self->column_view != NULL)
    {
      set_board (self, NULL);
      remove_columns (self);
    }
  g_clear_object (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_ESTIMATES_GRID);
  g_clear_pointer (&self->announcer, gtk_widget_unparent);

  G_OBJECT_CLASS (kw_estimates_grid_parent_class)->dispose (object);
}

static void
kw_estimates_grid_finalize (GObject *object)
{
  KwEstimatesGrid *self = KW_ESTIMATES_GRID (object);

  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_free (self->error);

  G_OBJECT_CLASS (kw_estimates_grid_parent_class)->finalize (object);
}

static void
kw_estimates_grid_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KwEstimatesGrid *self = KW_ESTIMATES_GRID (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_ROUND:
      g_value_set_object (value, self->round);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_estimates_grid_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KwEstimatesGrid *self = KW_ESTIMATES_GRID (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      kw_estimates_grid_set_history (self, g_value_get_object (value));
      break;

    case PROP_ROUND:
      kw_estimates_grid_set_round (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_estimates_grid_class_init (KwEstimatesGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_estimates_grid_dispose;
  object_class->finalize = kw_estimates_grid_finalize;
  object_class->get_property = kw_estimates_grid_get_property;
  object_class->set_property = kw_estimates_grid_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KW_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUND] =
    g_param_spec_object ("round", NULL, NULL, KW_TYPE_ROUND,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-estimates-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesGrid, editor_box);
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesGrid, cursor_label);
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesGrid, entry);
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesGrid, error_label);
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesGrid, scroller);
  gtk_widget_class_bind_template_child (widget_class, KwEstimatesGrid, column_view);
  gtk_widget_class_set_css_name (widget_class, "kw-estimates-grid");
}

static void
kw_estimates_grid_init (KwEstimatesGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound = g_hash_table_new (NULL, NULL);

  /* Before the entry's text and the window's focus keys see them. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (kw_estimates_grid_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->error_label, NULL, -1);

  self->announcer = kw_a11y_announcer_new ();
  gtk_widget_insert_before (self->announcer, GTK_WIDGET (self), NULL);

  update_cursor_label (self);
}

KwEstimatesGrid *
kw_estimates_grid_new (void)
{
  return g_object_new (KW_TYPE_ESTIMATES_GRID, NULL);
}
