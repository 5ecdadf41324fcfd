/* kw-matrix.c: the matrix as a GObject: its properties, signals and API.
 * The rest of it lives beside it (see kw-matrix-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kw-matrix-card.h"
#include "kw-matrix-layout.h"
#include "kw-matrix-private.h"
#include "kw-matrix.h"
#include "kw-plan-text.h"

G_DEFINE_FINAL_TYPE (KwMatrix, kw_matrix, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (KwMatrixStyle, kw_matrix_style,
  G_DEFINE_ENUM_VALUE (KW_MATRIX_STYLE_AUTO, "automatic"),
  G_DEFINE_ENUM_VALUE (KW_MATRIX_STYLE_CARDS, "titles"),
  G_DEFINE_ENUM_VALUE (KW_MATRIX_STYLE_DOTS, "numbers"))

enum {
  PROP_0,
  PROP_BOARD,
  PROP_HISTORY,
  PROP_SELECTION,
  PROP_FILTER,
  PROP_STYLE,
  PROP_SNAP,
  PROP_PRESENTATION,
  PROP_UNPLACE_TARGET,
  PROP_EDITABLE,
  PROP_HIDE_DONE,
  PROP_ROUND,
  PROP_SHOW_SPREADS,
  PROP_REVEALING,
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
kw_matrix_emit_finding_activated (KwMatrix  *self,
                                  KwFinding *finding)
{
  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

void
kw_matrix_emit_delete_requested (KwMatrix *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

/* Numbering: the action plan's (kw_plan_new()), so a number on the
 * matrix is the number of the same finding in every export. */

/* The plan of the board as it is now; remade after the first change since
 * the last call. */
KwPlan *
kw_matrix_get_plan (KwMatrix *self)
{
  if (self->plan_dirty || (self->plan == NULL && self->board != NULL))
    {
      g_clear_pointer (&self->plan, kw_plan_free);
      if (self->board != NULL)
        self->plan = kw_plan_new (self->board);
      self->plan_dirty = FALSE;
    }

  return self->plan;
}

/* Numbers follow the plan's order, which any move can change; the plan is
 * made again when next asked for, not on every event of a drag. */
void
kw_matrix_queue_renumber (KwMatrix *self)
{
  self->plan_dirty = TRUE;
}

static void
kw_matrix_unrealize (GtkWidget *widget)
{
  KwMatrix *self = KW_MATRIX (widget);

  /* The textures belong to the renderer that goes away with the surface. */
  kw_matrix_clear_card_chunks (self);

  GTK_WIDGET_CLASS (kw_matrix_parent_class)->unrealize (widget);
}

static void
kw_matrix_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kw_matrix_parent_class)->css_changed (widget, change);

  /* The text colour and the font may have changed. */
  kw_matrix_invalidate_background (KW_MATRIX (widget));
}

/* GObject */

static void
kw_matrix_dispose (GObject *object)
{
  KwMatrix *self = KW_MATRIX (object);

  g_clear_handle_id (&self->text_class_id, g_source_remove);
  if (self->moved != NULL)
    g_clear_pointer (&self->moved, g_array_unref);

  kw_matrix_set_board (self, NULL);
  kw_matrix_set_selection (self, NULL);
  kw_matrix_set_filter (self, NULL);
  g_clear_object (&self->history);
  g_clear_weak_pointer (&self->unplace_target);
  g_clear_pointer (&self->badge, gtk_widget_unparent);
  g_clear_pointer (&self->background, gsk_render_node_unref);
  g_clear_pointer (&self->markers, gsk_render_node_unref);
  g_clear_pointer (&self->placement, kw_matrix_placement_free);
  g_clear_handle_id (&self->placement_timeout_id, g_source_remove);
  g_clear_object (&self->settle);
  self->current_panel = NULL;
  g_clear_pointer (&self->current_column, gtk_widget_unparent);
  kw_matrix_compare_dispose (self);
  kw_matrix_round_dispose (self);
  g_clear_object (&self->current);
  kw_matrix_clear_card_chunks (self);

  G_OBJECT_CLASS (kw_matrix_parent_class)->dispose (object);
}

static void
kw_matrix_finalize (GObject *object)
{
  KwMatrix *self = KW_MATRIX (object);

  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->plan, kw_plan_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->settle_from, g_hash_table_unref);
  g_clear_pointer (&self->chunks, g_ptr_array_unref);

  G_OBJECT_CLASS (kw_matrix_parent_class)->finalize (object);
}

static void
kw_matrix_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KwMatrix *self = KW_MATRIX (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_SNAP:
      g_value_set_boolean (value, self->snap);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    case PROP_UNPLACE_TARGET:
      g_value_set_object (value, self->unplace_target);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_HIDE_DONE:
      g_value_set_boolean (value, self->hide_done);
      break;
    case PROP_ROUND:
      g_value_set_object (value, self->round);
      break;
    case PROP_SHOW_SPREADS:
      g_value_set_boolean (value, self->show_spreads);
      break;
    case PROP_REVEALING:
      g_value_set_boolean (value, kw_matrix_get_revealing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_matrix_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KwMatrix *self = KW_MATRIX (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      kw_matrix_set_board (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      kw_matrix_set_history (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      kw_matrix_set_selection (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      kw_matrix_set_filter (self, g_value_get_object (value));
      break;
    case PROP_STYLE:
      kw_matrix_set_style (self, g_value_get_enum (value));
      break;
    case PROP_SNAP:
      kw_matrix_set_snap (self, g_value_get_boolean (value));
      break;
    case PROP_PRESENTATION:
      kw_matrix_set_presentation (self, g_value_get_boolean (value));
      break;
    case PROP_UNPLACE_TARGET:
      kw_matrix_set_unplace_target (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      kw_matrix_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_HIDE_DONE:
      kw_matrix_set_hide_done (self, g_value_get_boolean (value));
      break;
    case PROP_ROUND:
      kw_matrix_set_round (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SPREADS:
      kw_matrix_set_show_spreads (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_matrix_class_init (KwMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_matrix_dispose;
  object_class->finalize = kw_matrix_finalize;
  object_class->get_property = kw_matrix_get_property;
  object_class->set_property = kw_matrix_set_property;

  widget_class->measure = kw_matrix_measure;
  widget_class->size_allocate = kw_matrix_size_allocate;
  widget_class->snapshot = kw_matrix_snapshot;
  widget_class->css_changed = kw_matrix_css_changed;
  widget_class->unrealize = kw_matrix_unrealize;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, KW_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, KW_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, GTK_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL, KW_TYPE_MATRIX_STYLE, KW_MATRIX_STYLE_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAP] =
    g_param_spec_boolean ("snap", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNPLACE_TARGET] =
    g_param_spec_object ("unplace-target", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Done findings are neither drawn nor read out: what is left to do. */
  properties[PROP_HIDE_DONE] =
    g_param_spec_boolean ("hide-done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A blind round and its revealed estimates: kw-matrix-round.c. */
  properties[PROP_ROUND] =
    g_param_spec_object ("round", NULL, NULL, KW_TYPE_ROUND,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SPREADS] =
    g_param_spec_boolean ("show-spreads", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALING] =
    g_param_spec_boolean ("revealing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_FINDING);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  kw_matrix_input_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "kw-matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kw_matrix_init (KwMatrix *self)
{
  self->cards = g_hash_table_new (NULL, NULL);
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->labels = g_hash_table_new (NULL, NULL);
  self->settle_from = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->zoom = KW_OUTCOME_UNPLACED;
  self->chunks = g_ptr_array_new_with_free_func (kw_matrix_card_chunk_free);
  self->editable = TRUE;
  kw_thresholds_init_default (&self->thresholds);

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  self->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->badge, "kw-matrix-badge");
  gtk_widget_set_can_target (self->badge, FALSE);
  gtk_widget_set_visible (self->badge, FALSE);
  gtk_widget_set_parent (self->badge, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Impact/effort matrix"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(KW_MATRIX_DESCRIPTION),
                                  -1);

  kw_matrix_input_init (self);
  kw_matrix_present_init (self);
  kw_matrix_compare_init (self);
  kw_matrix_round_init (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (kw_matrix_invalidate_background), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
kw_matrix_new (void)
{
  return g_object_new (KW_TYPE_MATRIX, NULL);
}

KwBoard *
kw_matrix_get_board (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->board;
}

void
kw_matrix_set_board (KwMatrix *self,
                     KwBoard  *board)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (board == NULL || KW_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->pointer_mode != POINTER_NONE)
    kw_matrix_pointer_cancel (self);
  /* Another board's snapshots and changes mean nothing on this one. */
  kw_matrix_show_snapshot (self, NULL, FALSE);
  kw_matrix_set_changes (self, NULL);

  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->board, self);
      kw_matrix_remove_all_cards (self);
    }

  g_set_object (&self->board, board);

  if (board != NULL)
    {
      g_signal_connect_swapped (board, "items-changed", G_CALLBACK (kw_matrix_board_items_changed_cb), self);
      g_signal_connect_swapped (board, "changed", G_CALLBACK (kw_matrix_board_changed_cb), self);
      kw_board_get_thresholds (board, &self->thresholds);
    }
  else
    {
      kw_thresholds_init_default (&self->thresholds);
    }

  kw_matrix_sync_cards_with_board (self);
  kw_matrix_invalidate_background (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

KwHistory *
kw_matrix_get_history (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->history;
}

void
kw_matrix_set_history (KwMatrix  *self,
                       KwHistory *history)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (history == NULL || KW_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

GtkSelectionModel *
kw_matrix_get_selection (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->selection;
}

void
kw_matrix_set_selection (KwMatrix          *self,
                         GtkSelectionModel *selection)
{
  GHashTableIter iter;
  gpointer card;

  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (selection == NULL || GTK_IS_SELECTION_MODEL (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_set_object (&self->selection, selection);

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    kw_matrix_card_set_selected (card, FALSE);

  if (selection != NULL)
    {
      g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (kw_matrix_selection_changed_cb), self);
      g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (kw_matrix_selection_items_changed_cb), self);
      kw_matrix_sync_selection (self, 0, g_list_model_get_n_items (G_LIST_MODEL (selection)));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

GtkFilter *
kw_matrix_get_filter (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->filter;
}

static void
refilter_all (KwMatrix *self)
{
  GHashTableIter iter;
  gpointer card;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    kw_matrix_refilter_card (self, card);
}

void
kw_matrix_set_filter (KwMatrix  *self,
                      GtkFilter *filter)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);

  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (refilter_all), self);

  refilter_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

KwMatrixStyle
kw_matrix_get_style (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), KW_MATRIX_STYLE_AUTO);

  return self->style;
}

void
kw_matrix_set_style (KwMatrix      *self,
                     KwMatrixStyle  style)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  if (self->style == style)
    return;

  self->style = style;
  kw_matrix_queue_placement (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

gboolean
kw_matrix_get_snap (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  return self->snap;
}

void
kw_matrix_set_snap (KwMatrix *self,
                    gboolean  snap)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  snap = !!snap;
  if (self->snap == snap)
    return;

  self->snap = snap;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP]);
}

void
kw_matrix_refresh_follow_up (KwMatrix *self)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  if (self->cards != NULL)
    kw_matrix_update_all_cards (self);
}

gboolean
kw_matrix_get_hide_done (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  return self->hide_done;
}

void
kw_matrix_set_hide_done (KwMatrix *self,
                         gboolean  hide_done)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  hide_done = !!hide_done;
  if (self->hide_done == hide_done)
    return;

  self->hide_done = hide_done;
  kw_matrix_update_all_cards (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDE_DONE]);
}

gboolean
kw_matrix_get_presentation (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  return self->presentation;
}

void
kw_matrix_set_presentation (KwMatrix *self,
                            gboolean  presentation)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  presentation = !!presentation;
  if (self->presentation == presentation)
    return;

  self->presentation = presentation;
  if (presentation)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");

  /* Presenting, the matrix itself takes the keys (zoom, step) without
   * selecting a card; leaving, it leaves its zoom and current finding. */
  gtk_widget_set_focusable (GTK_WIDGET (self), presentation);
  if (presentation)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  else
    {
      kw_matrix_set_zoom (self, KW_OUTCOME_UNPLACED);
      kw_matrix_set_current (self, NULL);
      kw_matrix_show_snapshot (self, NULL, FALSE);
    }
  kw_matrix_round_presentation_changed (self);
  self->legend_page = 0;
  kw_matrix_queue_placement (self);
  kw_matrix_invalidate_background (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

GtkWidget *
kw_matrix_get_unplace_target (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->unplace_target;
}

void
kw_matrix_set_unplace_target (KwMatrix  *self,
                              GtkWidget *target)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (target == NULL || GTK_IS_WIDGET (target));

  if (g_set_weak_pointer (&self->unplace_target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNPLACE_TARGET]);
}

gboolean
kw_matrix_get_editable (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  return self->editable;
}

void
kw_matrix_set_editable (KwMatrix *self,
                        gboolean  editable)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  /* A drag under way when the board turns read-only goes back. */
  if (!editable && self->pointer_mode != POINTER_NONE)
    kw_matrix_pointer_cancel (self);

  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

GtkWidget *
kw_matrix_get_card (KwMatrix  *self,
                    KwFinding *finding)
{
  KwMatrixCard *card;

  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);
  g_return_val_if_fail (KW_IS_FINDING (finding), NULL);

  card = kw_matrix_lookup_card (self, finding);
  if (card == NULL || !kw_finding_get_placed (finding))
    return NULL;

  return GTK_WIDGET (card);
}

gboolean
kw_matrix_focus_finding (KwMatrix  *self,
                         KwFinding *finding)
{
  GtkWidget *card;

  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  card = kw_matrix_get_card (self, finding);
  if (card == NULL)
    return FALSE;

  return gtk_widget_grab_focus (card);
}

/* Before the first allocation there is no layout yet; use the size the
 * widget has, or would get. */
static const KwMatrixLayout *
current_layout (KwMatrix       *self,
                KwMatrixLayout *scratch)
{
  if (self->layout.width > 0)
    return &self->layout;

  kw_matrix_layout_init (scratch, gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)), 1.0, FALSE);
  return scratch;
}

void
kw_matrix_score_to_point (KwMatrix *self,
                          double    impact,
                          double    effort,
                          double   *x,
                          double   *y)
{
  KwMatrixLayout scratch;

  g_return_if_fail (KW_IS_MATRIX (self));

  kw_matrix_layout_score_to_point (current_layout (self, &scratch), impact, effort, x, y);
}

gboolean
kw_matrix_point_to_score (KwMatrix *self,
                          double    x,
                          double    y,
                          double   *impact,
                          double   *effort)
{
  KwMatrixLayout scratch;

  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  return kw_matrix_layout_point_to_score (current_layout (self, &scratch), x, y, impact, effort);
}

guint
kw_matrix_get_number (KwMatrix  *self,
                      KwFinding *finding)
{
  KwPlan *plan;

  g_return_val_if_fail (KW_IS_MATRIX (self), 0);
  g_return_val_if_fail (KW_IS_FINDING (finding), 0);

  plan = kw_matrix_get_plan (self);
  if (plan == NULL || !kw_finding_get_placed (finding))
    return 0;

  return kw_plan_get_number (plan, finding);
}

gboolean
kw_matrix_get_shows_numbers (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  return self->placement != NULL && self->placement->mode == KW_MATRIX_LABELS_NUMBERS;
}

gboolean
kw_matrix_get_placement_current (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  /* During a drag the other labels are held still on purpose. */
  if (self->pointer_mode == POINTER_CARD_MOVING || self->pointer_mode == POINTER_LINE)
    return self->placement != NULL;

  return self->board == NULL || (self->placement != NULL && !self->placement_dirty);
}

KwOutcome
kw_matrix_get_zoom (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), KW_OUTCOME_UNPLACED);

  return self->zoom;
}

KwFinding *
kw_matrix_get_current (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->current;
}
