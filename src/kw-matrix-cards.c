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

#include "kw-follow-up.h"
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

/* How far the finding is followed through, by the rules of kw-follow-up.h,
 * as of today. */
static KwMatrixCardMarks
follow_up_marks (KwMatrix  *self,
                 KwFinding *finding)
{
  g_autofree char *today = kw_follow_up_today_iso (NULL);
  KwMatrixCardMarks marks = 0;

  if (kw_finding_get_status (finding) == KW_STATUS_DONE)
    marks |= KW_MATRIX_CARD_DONE;
  if (kw_follow_up_is_overdue (finding, today))
    marks |= KW_MATRIX_CARD_OVERDUE;
  if (kw_follow_up_is_due_for_review (self->board, finding, today))
    marks |= KW_MATRIX_CARD_REVIEW;

  return marks;
}

/* Returns TRUE when what the card's label shows changed (its marks, or
 * whether it is shown at all): the labels must be placed again. */
gboolean
kw_matrix_update_card (KwMatrix     *self,
                       KwMatrixCard *card)
{
  KwFinding *finding = kw_matrix_card_get_finding (card);
  gboolean was_visible = gtk_widget_get_visible (GTK_WIDGET (card));
  gboolean marks_changed;
  gboolean visible;
  double impact, effort;

  /* A snapshot shown in the presentation: the outcome it had then. */
  if (self->shown_state != NULL && kw_matrix_card_get_shown_position (card, &impact, &effort))
    kw_matrix_card_update_position (card, kw_outcome_classify (TRUE, impact, effort, &self->thresholds));
  else
    kw_matrix_card_update_position (card, kw_board_classify_finding (self->board, finding));
  marks_changed = kw_matrix_card_set_marks (card, follow_up_marks (self, finding));
  visible = card_is_shown (card) &&
            !(self->hide_done && (kw_matrix_card_get_marks (card) & KW_MATRIX_CARD_DONE));
  gtk_widget_set_visible (GTK_WIDGET (card), visible);

  return marks_changed || visible != was_visible;
}

void
kw_matrix_update_all_cards (KwMatrix *self)
{
  GHashTableIter iter;
  gpointer card;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    changed |= kw_matrix_update_card (self, card);

  if (changed)
    kw_matrix_queue_placement (self);
}

/* The cards are drawn, and picked, in the order of the matrix's
 * children: a finding the search dims goes to the bottom, a match rises
 * to the top (under the badge), so every match lies above every dimmed
 * card, whichever is selected. A label may overlap another while the
 * labels settle or a card is dragged; the match then stays readable and
 * is what a click takes. */
void
kw_matrix_restack_card (KwMatrix     *self,
                        KwMatrixCard *card)
{
  GtkWidget *widget = GTK_WIDGET (card);

  if (gtk_widget_has_css_class (widget, "dimmed"))
    gtk_widget_insert_after (widget, GTK_WIDGET (self), NULL);
  else
    gtk_widget_insert_before (widget, GTK_WIDGET (self), self->badge);
}

void
kw_matrix_refilter_card (KwMatrix     *self,
                         KwMatrixCard *card)
{
  KwFinding *finding = kw_matrix_card_get_finding (card);
  gboolean dimmed = self->filter != NULL && !gtk_filter_match (self->filter, finding);

  if (dimmed == gtk_widget_has_css_class (GTK_WIDGET (card), "dimmed"))
    return;

  kw_matrix_card_set_dimmed (card, dimmed);
  kw_matrix_restack_card (self, card);
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
      /* The labels are placed again once the change is over (not during
       * a drag: the others stay put until it ends). */
      kw_matrix_update_card (self, card);
      kw_matrix_queue_renumber (self);
      kw_matrix_queue_placement (self);
      return;
    }

  /* Its marks: done, overdue, due for review. */
  if (g_str_equal (pspec->name, "status") ||
      g_str_equal (pspec->name, "due-date") ||
      g_str_equal (pspec->name, "review-date"))
    {
      if (kw_matrix_update_card (self, card))
        kw_matrix_queue_placement (self);
      return;
    }

  kw_matrix_refilter_card (self, card);
  if (g_str_equal (pspec->name, "title"))
    kw_matrix_queue_placement (self); /* labels and the legend show titles */
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
  if (self->current == finding)
    kw_matrix_set_current (self, NULL);
  kw_matrix_forget_placement (self);
  g_hash_table_remove (self->settle_from, card);
  gtk_widget_unparent (card);
}

void
kw_matrix_remove_all_cards (KwMatrix *self)
{
  GHashTableIter iter;
  gpointer card;

  self->press_card = NULL;
  kw_matrix_set_current (self, NULL);
  kw_matrix_forget_placement (self);
  g_hash_table_remove_all (self->settle_from);
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
  kw_matrix_queue_placement (self);
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

  /* Estimates may have changed (a reveal, its undo). */
  kw_matrix_round_board_changed (self);

  /* A snapshot shown in the presentation keeps its own lines. */
  if (self->shown_state != NULL)
    return;

  kw_board_get_thresholds (board, &thresholds);
  kw_matrix_set_shown_thresholds (self, &thresholds);
}

/* The lines drawn and every card's outcome: the board's, or those of the
 * snapshot the presentation shows. */
void
kw_matrix_set_shown_thresholds (KwMatrix           *self,
                                const KwThresholds *thresholds)
{
  if (memcmp (thresholds, &self->thresholds, sizeof *thresholds) == 0)
    return;

  /* The outcomes change, and with them which findings are due for
   * review (only the future list and the small fixes are). */
  self->thresholds = *thresholds;
  kw_matrix_update_all_cards (self);
  kw_matrix_queue_renumber (self);
  kw_matrix_queue_placement (self);
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
