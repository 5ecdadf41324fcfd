/* kw-matrix-cards.c: one card per finding, kept in step with the
 * board and the selection, and where each card goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kw-matrix-card.h"
#include "kw-matrix-layout.h"
#include "kw-matrix-private.h"
#include "kw-text.h"

KwMatrixCard *
kw_matrix_lookup_card (KwMatrix  *self,
                       KwFinding *finding)
{
  return g_hash_table_lookup (self->cards, finding);
}

/* Cards */

static gboolean
card_is_shown (KwMatrixCard *card)
{
  double impact, effort;

  return kw_matrix_card_get_shown_position (card, &impact, &effort);
}

void
kw_matrix_update_card (KwMatrix     *self,
                       KwMatrixCard *card)
{
  KwFinding *finding = kw_matrix_card_get_finding (card);

  gtk_widget_set_visible (GTK_WIDGET (card), card_is_shown (card));
  kw_matrix_card_update_position (card, kw_board_classify_finding (self->board, finding));
}

void
kw_matrix_refilter_card (KwMatrix     *self,
                         KwMatrixCard *card)
{
  KwFinding *finding = kw_matrix_card_get_finding (card);

  kw_matrix_card_set_dimmed (card, self->filter != NULL && !gtk_filter_match (self->filter, finding));
}

static void
finding_notify_cb (KwFinding    *finding,
                   GParamSpec   *pspec,
                   KwMatrixCard *card)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (card));
  KwMatrix *self;

  if (!KW_IS_MATRIX (parent))
    return;
  self = KW_MATRIX (parent);

  if (g_str_equal (pspec->name, "modified"))
    return;

  if (g_str_equal (pspec->name, "impact") ||
      g_str_equal (pspec->name, "effort") ||
      g_str_equal (pspec->name, "placed"))
    {
      /* Only this card moves: reallocating reuses every other card's
       * measurement and render node. */
      kw_matrix_update_card (self, card);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      kw_matrix_queue_renumber (self);
      return;
    }

  kw_matrix_refilter_card (self, card);
  if (g_str_equal (pspec->name, "title"))
    kw_matrix_invalidate_background (self); /* the legend shows titles */
}

static void
add_card (KwMatrix  *self,
          KwFinding *finding)
{
  GtkWidget *card = kw_matrix_card_new (finding);

  /* Before the badge, so the badge stays on top. */
  gtk_widget_insert_before (card, GTK_WIDGET (self), self->badge);
  g_hash_table_insert (self->cards, finding, card);
  g_signal_connect_object (finding, "notify", G_CALLBACK (finding_notify_cb), card, 0);

  kw_matrix_update_card (self, KW_MATRIX_CARD (card));
  kw_matrix_refilter_card (self, KW_MATRIX_CARD (card));
}

static void
remove_card (KwMatrix  *self,
             KwFinding *finding)
{
  GtkWidget *card = g_hash_table_lookup (self->cards, finding);

  if (card == NULL)
    return;
  if (self->press_card == KW_MATRIX_CARD (card))
    self->press_card = NULL;
  g_hash_table_steal (self->cards, finding);
  gtk_widget_unparent (card);
}

void
kw_matrix_remove_all_cards (KwMatrix *self)
{
  GHashTableIter iter;
  gpointer card;

  self->press_card = NULL;
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    {
      g_hash_table_iter_steal (&iter);
      gtk_widget_unparent (card);
    }
  g_ptr_array_set_size (self->findings, 0);
}

void
kw_matrix_sync_selection (KwMatrix *self,
                          guint     position,
                          guint     n_items)
{
  GListModel *model;
  guint n;

  if (self->selection == NULL)
    return;

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = position; i < position + n_items && i < n; i++)
    {
      g_autoptr(KwFinding) finding = g_list_model_get_item (model, i);
      KwMatrixCard *card = finding != NULL ? kw_matrix_lookup_card (self, finding) : NULL;

      if (card != NULL)
        kw_matrix_card_set_selected (card, gtk_selection_model_is_selected (self->selection, i));
    }
}

/* The cards of the findings in the board's positions [position,
 * position + removed) go, cards for the added ones come: a change costs
 * what it changes, so adding one finding after another to a board of
 * thousands stays as quick as on an empty one. */
static void
splice_cards (KwMatrix *self,
              guint     position,
              guint     removed,
              guint     added)
{
  g_return_if_fail (position + removed <= self->findings->len);

  for (guint i = position; i < position + removed; i++)
    remove_card (self, g_ptr_array_index (self->findings, i));
  g_ptr_array_remove_range (self->findings, position, removed);

  for (guint i = position; i < position + added; i++)
    {
      KwFinding *finding = kw_board_get_finding (self->board, i);

      g_ptr_array_insert (self->findings, i, g_object_ref (finding));
      /* A board holds each finding once; this only guards the hash. */
      if (kw_matrix_lookup_card (self, finding) == NULL)
        add_card (self, finding);
    }

  kw_matrix_sync_selection (self, position, added);
  kw_matrix_queue_renumber (self);
}

/* Makes one card per finding on a board just set. */
void
kw_matrix_sync_cards_with_board (KwMatrix *self)
{
  kw_matrix_remove_all_cards (self);
  if (self->board != NULL)
    splice_cards (self, 0, 0, kw_board_get_n_findings (self->board));
}

void
kw_matrix_board_items_changed_cb (KwMatrix   *self,
                                  guint       position,
                                  guint       removed,
                                  guint       added,
                                  GListModel *model)
{
  splice_cards (self, position, removed, added);
}

/* The board says "changed" for every change; only a threshold change
 * concerns every card (their outcome), so look for that alone. */
void
kw_matrix_board_changed_cb (KwMatrix *self,
                            KwBoard  *board)
{
  KwThresholds thresholds;
  GHashTableIter iter;
  gpointer card;

  kw_board_get_thresholds (board, &thresholds);
  if (memcmp (&thresholds, &self->thresholds, sizeof thresholds) == 0)
    return;

  self->thresholds = thresholds;
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    kw_matrix_card_update_position (card, kw_board_classify_finding (board, kw_matrix_card_get_finding (card)));

  kw_matrix_queue_renumber (self);
  kw_matrix_invalidate_background (self);
}

/* Selection */

static gboolean
find_in_selection (KwMatrix  *self,
                   KwFinding *finding,
                   guint     *position)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  /* The usual case: the selection wraps the board itself. */
  if (self->board != NULL && kw_board_find_position (self->board, finding, position) &&
      *position < n)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, *position);

      if (item == (GObject *) finding)
        return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *) finding)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
kw_matrix_select_only (KwMatrix     *self,
                       KwMatrixCard *card)
{
  guint position;

  if (self->selection != NULL &&
      find_in_selection (self, kw_matrix_card_get_finding (card), &position))
    gtk_selection_model_select_item (self->selection, position, TRUE);
}

void
kw_matrix_toggle_selected (KwMatrix     *self,
                           KwMatrixCard *card)
{
  guint position;

  if (self->selection == NULL ||
      !find_in_selection (self, kw_matrix_card_get_finding (card), &position))
    return;

  if (gtk_selection_model_is_selected (self->selection, position))
    gtk_selection_model_unselect_item (self->selection, position);
  else
    gtk_selection_model_select_item (self->selection, position, FALSE);
}

/* The selection follows the board; when it gains items, their cards may
 * have been made before it knew them. */
void
kw_matrix_selection_items_changed_cb (KwMatrix   *self,
                                      guint       position,
                                      guint       removed,
                                      guint       added,
                                      GListModel *model)
{
  kw_matrix_sync_selection (self, position, added);
}

void
kw_matrix_selection_changed_cb (KwMatrix          *self,
                                guint              position,
                                guint              n_items,
                                GtkSelectionModel *selection)
{
  kw_matrix_sync_selection (self, position, n_items);
}

/* Layout */

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

void
kw_matrix_update_layout (KwMatrix *self,
                         int       width,
                         int       height)
{
  KwMatrixLayout layout;
  const char *text_class;

  kw_matrix_layout_init (&layout, width, height,
                         self->presentation ? 1.5 : 1.0,
                         self->style == KW_MATRIX_STYLE_DOTS);

  if (memcmp (&layout, &self->layout, sizeof layout) != 0)
    {
      self->layout = layout;
      g_clear_pointer (&self->background, gsk_render_node_unref);
    }

  /* Cards take the text size from CSS; changing a class re-measures them,
   * which must not happen in the middle of this allocation. */
  text_class = text_class_for_size (layout.text_size);
  if (g_strcmp0 (text_class, self->text_class) != 0)
    {
      self->text_class = text_class;
      if (self->text_class_id == 0)
        self->text_class_id = g_idle_add (apply_text_class_cb, self);
    }
}

static void
allocate_card (KwMatrix     *self,
               KwMatrixCard *card,
               int           width,
               int           height,
               int           max_card_width)
{
  GtkWidget *widget = GTK_WIDGET (card);
  double impact, effort, x, y;
  int min_w, nat_w, min_h, nat_h, w, h;

  if (!gtk_widget_get_visible (widget) ||
      !kw_matrix_card_get_shown_position (card, &impact, &effort))
    return;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  w = MAX (min_w, MIN (nat_w, max_card_width));
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, w, &min_h, &nat_h, NULL, NULL);
  h = nat_h;

  kw_matrix_layout_score_to_point (&self->layout, impact, effort, &x, &y);
  /* Centred on its score, but kept inside the widget, so a finding at
   * impact 10 is still readable. */
  x = CLAMP (round (x - w / 2.0), 0, MAX (width - w, 0));
  y = CLAMP (round (y - h / 2.0), 0, MAX (height - h, 0));

  gtk_widget_size_allocate (widget, &(GtkAllocation) { (int) x, (int) y, w, h }, -1);
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
  int max_card_width;

  kw_matrix_update_layout (self, width, height);
  max_card_width = MAX (80, (int) (self->layout.plot.width * 0.2));

  /* During a drag, only the dragged cards move; the others keep the
   * allocation they have (GTK re-allocates any that asked for it). */
  if (self->pointer_mode == POINTER_CARD_MOVING && self->moved != NULL &&
      width == self->allocated_width && height == self->allocated_height)
    {
      for (guint i = 0; i < self->moved->len; i++)
        allocate_card (self, g_array_index (self->moved, MovedFinding, i).card, width, height, max_card_width);
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
        allocate_card (self, KW_MATRIX_CARD (child), width, height, max_card_width);
    }

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
