/* kw-matrix-labels.c: where each finding's label goes. The core places
 * them (kw_matrix_placement_new(): markers on their true spots, labels
 * that overlap nothing, leader lines, numbers and a legend when titles no
 * longer fit); this file feeds it the board, allocates each card to its
 * label box, keeps the other labels still while a card is dragged, and
 * lets them settle, briefly animated, once it is dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "kw-follow-up.h"
#include "kw-matrix-card.h"
#include "kw-matrix-placement.h"
#include "kw-matrix-private.h"

#define SETTLE_DURATION_MS 200
/* A placement slower than a frame is not made on every change. */
#define SLOW_PLACEMENT_US 16000
#define ZOOM_TEXT_SCALE 1.25
/* How long the changes must pause before a slow placement is made again:
 * twice what the last one took, so placing never takes more than a third
 * of the time of someone adding one finding after another (a slow machine,
 * a board of thousands), within these bounds. */
#define SETTLE_PAUSE_MIN_MS 250
#define SETTLE_PAUSE_MAX_MS 5000
/* The column of the current finding in presentation, in label text sizes. */
#define CURRENT_PANEL_WIDTH 16.0

/* The drag badge's text size follows the labels' through CSS classes. */
static const char *
text_class_for_size (double text_size)
{
  if (text_size >= 28)
    return "text-huge";
  if (text_size >= 20)
    return "text-larger";
  if (text_size >= 15)
    return "text-large";
  return NULL;
}

static gboolean
apply_text_class_cb (gpointer data)
{
  KwMatrix *self = data;
  static const char * const classes[] = { "text-large", "text-larger", "text-huge" };

  self->text_class_id = 0;
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_strcmp0 (classes[i], self->text_class) == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
    }

  return G_SOURCE_REMOVE;
}

static KwMatrixLabelMode
requested_mode (KwMatrix *self)
{
  /* A zone in focus shows its findings' whole titles. */
  if (self->zoom != KW_OUTCOME_UNPLACED)
    return KW_MATRIX_LABELS_CARDS;

  switch (self->style)
    {
    case KW_MATRIX_STYLE_CARDS: return KW_MATRIX_LABELS_CARDS;
    case KW_MATRIX_STYLE_DOTS:  return KW_MATRIX_LABELS_NUMBERS;
    case KW_MATRIX_STYLE_AUTO:
    default:                    return KW_MATRIX_LABELS_AUTO;
    }
}

/* The scores a zone covers: the view of a zoom into it. */
static void
get_zone_view (KwMatrix  *self,
               KwOutcome  outcome,
               double    *min_impact,
               double    *max_impact,
               double    *min_effort,
               double    *max_effort)
{
  const KwThresholds *t = &self->thresholds;
  gboolean high = outcome == KW_OUTCOME_QUICK_WIN || outcome == KW_OUTCOME_LONG_TERM;

  *min_impact = high ? t->impact : KW_SCORE_MIN;
  *max_impact = high ? KW_SCORE_MAX : t->impact;
  switch (outcome)
    {
    case KW_OUTCOME_SMALL_FIX:
      *min_effort = KW_SCORE_MIN;
      *max_effort = t->tiny_effort;
      break;
    case KW_OUTCOME_FUTURE:
      *min_effort = t->tiny_effort;
      *max_effort = t->effort;
      break;
    case KW_OUTCOME_QUICK_WIN:
      *min_effort = KW_SCORE_MIN;
      *max_effort = t->effort;
      break;
    case KW_OUTCOME_LONG_TERM:
    case KW_OUTCOME_DROP:
    default:
      *min_effort = t->effort;
      *max_effort = KW_SCORE_MAX;
      break;
    }

  /* Exactly the zone, no margin: the scale then reads whole steps
   * (5, 5.5, 6 … for a zone of five points) instead of 4.7, 5.2, 5.8 …
   * A finding on the zone's edge keeps its marker on the plot's frame;
   * its label is placed inside like any other. */
}

/* The layout the placement starts from, for a widget of width × height:
 * text sized for the room (kw_matrix_placement_text_size_for()), room on
 * the right for the current finding while one is shown, the view of the
 * zone in focus. */
static void
make_base_layout (KwMatrix       *self,
                  int             width,
                  int             height,
                  KwMatrixLayout *layout)
{
  double text_size = kw_matrix_placement_text_size_for (height, self->presentation);
  double plot_width = width;

  /* A zone in focus has room for larger titles. */
  if (self->zoom != KW_OUTCOME_UNPLACED)
    text_size = round (text_size * ZOOM_TEXT_SCALE);

  if (self->current != NULL)
    plot_width = MAX (width - CURRENT_PANEL_WIDTH * text_size, width * 0.5);

  kw_matrix_layout_init (layout, plot_width, height, 1.0, FALSE);
  if (layout->text_size > 0)
    kw_matrix_layout_init (layout, plot_width, height, text_size / layout->text_size, FALSE);
  layout->text_size = text_size;

  if (self->zoom != KW_OUTCOME_UNPLACED)
    {
      double min_impact, max_impact, min_effort, max_effort;

      get_zone_view (self, self->zoom, &min_impact, &max_impact, &min_effort, &max_effort);
      kw_matrix_layout_set_view (layout, min_impact, max_impact, min_effort, max_effort);
    }
}

/* texts keeps the labels' texts (the marks and the title) for as long as
 * items is used. */
static void
collect_items (KwMatrix  *self,
               GArray    *items,
               GPtrArray *texts)
{
  KwPlan *plan = kw_matrix_get_plan (self);

  for (guint i = 0; i < self->findings->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (self->findings, i);
      KwMatrixCard *card = kw_matrix_lookup_card (self, finding);
      KwMatrixPlacementItem item = { 0 };

      if (card == NULL || !gtk_widget_get_visible (GTK_WIDGET (card)) ||
          !kw_matrix_card_get_shown_position (card, &item.impact, &item.effort))
        continue;

      item.data = card;
      item.outcome = kw_outcome_classify (TRUE, item.impact, item.effort, &self->thresholds);
      if (self->zoom != KW_OUTCOME_UNPLACED && item.outcome != self->zoom)
        continue;
      item.number = plan != NULL ? kw_plan_get_number (plan, finding) : i + 1;
      item.title = kw_matrix_card_dup_label_text (card);
      g_ptr_array_add (texts, (char *) item.title);
      g_array_append_val (items, item);
    }
}

/* A card without a label is neither drawn nor read out: a screen
 * reader's list is what the room sees. */
static void
set_card_shown (GtkWidget *card,
                gboolean   shown)
{
  if (gtk_widget_get_child_visible (card) == shown)
    return;

  gtk_widget_set_child_visible (card, shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

/* Hands each card what its label shows; cards without a label (outside
 * a zoom, or with no room left even for a number) are not shown: their
 * marker still is, and can be dragged. */
static void
apply_placement (KwMatrix *self)
{
  const KwMatrixPlacement *placement = self->placement;
  gboolean numbers = placement->mode == KW_MATRIX_LABELS_NUMBERS;

  g_hash_table_remove_all (self->labels);
  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);

      g_hash_table_insert (self->labels, label->data, (gpointer) label);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KwMatrixCard *card;
      const KwMatrixPlacedLabel *label;

      if (!KW_IS_MATRIX_CARD (child))
        continue;
      card = KW_MATRIX_CARD (child);
      label = g_hash_table_lookup (self->labels, card);
      set_card_shown (child, label != NULL && label->placed);
      if (label == NULL || !label->placed)
        continue;

      kw_matrix_card_set_number (card, numbers ? label->number : 0);
      if (!numbers)
        {
          const char *lines[KW_MATRIX_PLACEMENT_MAX_LINES + 1] = { NULL };

          for (guint l = 0; l < label->n_lines; l++)
            lines[l] = label->lines[l];
          kw_matrix_card_set_text (card, lines, placement->text_size);
        }
      else
        kw_matrix_card_set_text (card, NULL, placement->text_size);
    }
}

static void
settle_cb (double    value,
           gpointer  data)
{
  KwMatrix *self = data;

  self->settle_progress = value;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
settle_done_cb (KwMatrix *self)
{
  g_hash_table_remove_all (self->settle_from);
  kw_matrix_invalidate_markers (self);
}

/* Remembers where every shown card is now, so the new places can be
 * reached in a short animation instead of a jump. */
static void
start_settling (KwMatrix *self)
{
  g_hash_table_remove_all (self->settle_from);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      KwMatrixRect *from;

      if (!KW_IS_MATRIX_CARD (child) || !gtk_widget_get_child_visible (child) ||
          !gtk_widget_get_visible (child) ||
          !gtk_widget_compute_bounds (child, GTK_WIDGET (self), &bounds) ||
          bounds.size.width <= 0)
        continue;

      from = g_new (KwMatrixRect, 1);
      *from = (KwMatrixRect) { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };
      g_hash_table_insert (self->settle_from, child, from);
    }

  if (self->settle == NULL)
    {
      AdwAnimationTarget *target = adw_callback_animation_target_new (settle_cb, self, NULL);

      self->settle = adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, SETTLE_DURATION_MS, target);
      adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->settle), ADW_EASE_OUT_CUBIC);
      g_signal_connect_swapped (self->settle, "done", G_CALLBACK (settle_done_cb), self);
    }

  self->settle_progress = 0.0;
  /* libadwaita skips to the end when gtk-enable-animations is off. */
  adw_animation_reset (self->settle);
  adw_animation_play (self->settle);
}

/* Presented, the zones carry their progress, "Quick wins: 2 of 5 done",
 * where their names fit it (the room sees how far each list has come);
 * names holds them, by outcome, NULL for a zone that keeps its name. */
static void
collect_zone_progress (KwMatrix *self,
                       char     *names[KW_N_OUTCOMES])
{
  for (guint outcome = 0; outcome < KW_N_OUTCOMES; outcome++)
    {
      guint done, total;

      names[outcome] = NULL;
      if (!self->presentation || self->board == NULL || !kw_follow_up_outcome_has_progress (outcome))
        continue;
      kw_follow_up_count (self->board, outcome, &done, &total);
      if (total > 0)
        names[outcome] = kw_follow_up_progress_text (outcome, done, total);
    }
}

/* Places the labels again, for the board as it is and the size given. */
static void
update_placement (KwMatrix             *self,
                  const KwMatrixLayout *base,
                  gboolean              animate)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (KwMatrixPlacementItem));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  char *zone_names[KW_N_OUTCOMES];
  KwMatrixPlacementOptions options = { 0 };
  gint64 start;

  collect_items (self, items, texts);
  collect_zone_progress (self, zone_names);
  options.zone_names = (const char * const *) zone_names;

  options.requested = requested_mode (self);
  options.text_size = base->text_size;
  options.with_legend = TRUE;
  /* On the projector the legend pages rather than shrink below what the
   * back of the room reads. */
  options.min_text_size = self->presentation ? base->text_size : KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE;

  if (animate && self->placement != NULL)
    start_settling (self);

  g_clear_pointer (&self->placement, kw_matrix_placement_free);
  start = g_get_monotonic_time ();
  self->placement = kw_matrix_placement_new (base, &self->thresholds,
                                             (const KwMatrixPlacementItem *) items->data, items->len,
                                             &options);
  self->placement_cost = g_get_monotonic_time () - start;
  for (guint outcome = 0; outcome < KW_N_OUTCOMES; outcome++)
    g_free (zone_names[outcome]);
  self->base_layout = *base;
  self->layout = self->placement->layout;
  self->placement_dirty = FALSE;
  self->legend_page = MIN (self->legend_page, MAX (self->placement->n_legend_pages, 1) - 1);

  apply_placement (self);
  kw_matrix_invalidate_background (self);
  kw_matrix_invalidate_markers (self);
}

void
kw_matrix_update_layout (KwMatrix *self,
                         int       width,
                         int       height)
{
  KwMatrixLayout base;
  const char *text_class;
  gboolean resized;

  make_base_layout (self, width, height, &base);
  resized = memcmp (&base, &self->base_layout, sizeof base) != 0;

  /* While a drag is under way the other labels stay where they are; they
   * settle once it ends. A board whose placement takes longer than a
   * frame waits for a pause in its changes (adding one finding after
   * another to thousands), unless its size changed. */
  if ((resized || self->placement_dirty || self->placement == NULL) &&
      self->pointer_mode != POINTER_CARD_MOVING && self->pointer_mode != POINTER_LINE &&
      (resized || self->placement == NULL || self->placement_cost < SLOW_PLACEMENT_US ||
       self->placement_due))
    {
      g_clear_handle_id (&self->placement_timeout_id, g_source_remove);
      self->placement_due = FALSE;
      update_placement (self, &base, !resized && self->placement != NULL);
    }

  /* The badge takes its text size from CSS; changing a class re-measures
   * it, which must not happen in the middle of this allocation. */
  text_class = text_class_for_size (base.text_size);
  if (g_strcmp0 (text_class, self->text_class) != 0)
    {
      self->text_class = text_class;
      if (self->text_class_id == 0)
        self->text_class_id = g_idle_add (apply_text_class_cb, self);
    }
}

/* The placement names cards: when one goes, so does the placement, until
 * the next allocation makes a new one. */
void
kw_matrix_forget_placement (KwMatrix *self)
{
  if (self->placement == NULL)
    return;

  g_hash_table_remove_all (self->labels);
  g_clear_pointer (&self->placement, kw_matrix_placement_free);
  kw_matrix_invalidate_background (self);
  kw_matrix_queue_placement (self);
}

static gboolean
placement_timeout_cb (gpointer data)
{
  KwMatrix *self = data;

  self->placement_timeout_id = 0;
  self->placement_due = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

void
kw_matrix_queue_placement (KwMatrix *self)
{
  self->placement_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  /* A slow placement is made again once the changes pause. */
  if (self->placement_cost >= SLOW_PLACEMENT_US)
    {
      guint pause_ms = CLAMP (2 * self->placement_cost / 1000, SETTLE_PAUSE_MIN_MS, SETTLE_PAUSE_MAX_MS);

      g_clear_handle_id (&self->placement_timeout_id, g_source_remove);
      self->placement_timeout_id = g_timeout_add (pause_ms, placement_timeout_cb, self);
    }
}

/* Where a card's label is now: its placed box, moved along with the
 * marker while it is dragged, on its way there while settling. */
gboolean
kw_matrix_get_label_box (KwMatrix     *self,
                         KwMatrixCard *card,
                         KwMatrixRect *box)
{
  const KwMatrixPlacedLabel *label = g_hash_table_lookup (self->labels, card);
  const KwMatrixRect *from;

  if (label == NULL || !label->placed)
    return FALSE;

  *box = label->label;

  if (kw_matrix_card_get_dragging (card))
    {
      double impact, effort, x, y;

      kw_matrix_card_get_shown_position (card, &impact, &effort);
      kw_matrix_layout_score_to_point (&self->layout, impact, effort, &x, &y);
      box->x += x - label->x;
      box->y += y - label->y;
    }
  else if ((from = g_hash_table_lookup (self->settle_from, card)) != NULL)
    {
      double t = self->settle_progress;

      box->x = from->x + (box->x - from->x) * t;
      box->y = from->y + (box->y - from->y) * t;
      box->width = from->width + (box->width - from->width) * t;
      box->height = from->height + (box->height - from->height) * t;
    }

  return TRUE;
}

static void
allocate_card (KwMatrix     *self,
               KwMatrixCard *card)
{
  GtkWidget *widget = GTK_WIDGET (card);
  KwMatrixRect box;
  int x, y;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  /* A card that came or showed since the labels were placed (during a
   * drag they are not placed again) waits for the next placement. */
  if (!kw_matrix_get_label_box (self, card, &box))
    {
      set_card_shown (widget, FALSE);
      return;
    }

  /* Whole pixels, never smaller than the box: the text stays inside. */
  x = (int) floor (box.x);
  y = (int) floor (box.y);
  gtk_widget_size_allocate (widget,
                            &(GtkAllocation) { x, y,
                                               (int) ceil (box.x + box.width) - x,
                                               (int) ceil (box.y + box.height) - y },
                            -1);
}

static void
allocate_badge (KwMatrix *self,
                int       width,
                int       height)
{
  graphene_rect_t bounds;
  int w, h, x, y;

  if (!gtk_widget_get_visible (self->badge))
    return;

  gtk_widget_measure (self->badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
  gtk_widget_measure (self->badge, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);

  if (self->press_card != NULL &&
      gtk_widget_compute_bounds (GTK_WIDGET (self->press_card), GTK_WIDGET (self), &bounds))
    {
      x = bounds.origin.x + bounds.size.width / 2 - w / 2;
      y = bounds.origin.y - h - 4;
      if (y < 0)
        y = bounds.origin.y + bounds.size.height + 4;
    }
  else
    {
      x = self->pointer_x - w / 2;
      y = self->pointer_y - h - 12;
    }

  x = CLAMP (x, 0, MAX (width - w, 0));
  y = CLAMP (y, 0, MAX (height - h, 0));
  gtk_widget_size_allocate (self->badge, &(GtkAllocation) { x, y, w, h }, -1);
}

void
kw_matrix_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  KwMatrix *self = KW_MATRIX (widget);

  kw_matrix_update_layout (self, width, height);

  /* During a drag, only the dragged cards move; the others keep the
   * allocation they have (GTK re-allocates any that asked for it). */
  if (self->pointer_mode == POINTER_CARD_MOVING && self->moved != NULL &&
      width == self->allocated_width && height == self->allocated_height)
    {
      for (guint i = 0; i < self->moved->len; i++)
        allocate_card (self, g_array_index (self->moved, MovedFinding, i).card);
      allocate_badge (self, width, height);
      return;
    }

  self->allocated_width = width;
  self->allocated_height = height;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KW_IS_MATRIX_CARD (child))
        allocate_card (self, KW_MATRIX_CARD (child));
    }

  kw_matrix_allocate_current (self, width, height);
  kw_matrix_allocate_state_caption (self, width, height);
  allocate_badge (self, width, height);
}

void
kw_matrix_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  /* The matrix takes the space it gets: its children are placed by score,
   * never sized into it. A small minimum keeps it usable on a laptop. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 280;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 540;
}

/* The zone in focus (KW_OUTCOME_UNPLACED: the whole matrix). */
void
kw_matrix_set_zoom (KwMatrix  *self,
                    KwOutcome  zoom)
{
  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  kw_matrix_queue_placement (self);
}
