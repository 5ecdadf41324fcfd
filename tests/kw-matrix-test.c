/* kw-matrix-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "kw-gui-test.h"
#include "kw-matrix-private.h"
#include "kw-matrix-test.h"

typedef struct {
  KwMatrix  *matrix;
  KwFinding *probe;
  guint      ticks;
} LayoutWait;

static gboolean
matrix_is_laid_out (LayoutWait *wait)
{
  GtkWidget *card = wait->probe != NULL ? kw_matrix_get_card (wait->matrix, wait->probe) : NULL;

  /* The probe's label is shown, unless a crowd left it no room; a slow
   * placement (a busy machine, the sanitizers) may still wait for a pause
   * in the changes. */
  return gtk_widget_get_mapped (GTK_WIDGET (wait->matrix)) &&
         kw_matrix_get_placement_current (wait->matrix) &&
         gtk_widget_get_width (GTK_WIDGET (wait->matrix)) > 400 &&
         (wait->probe == NULL ||
          (card != NULL && (!gtk_widget_get_child_visible (card) || gtk_widget_get_width (card) > 0)));
}

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  guint *ticks = data;

  (*ticks)++;
  return *ticks < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
layout_is_done (gpointer data)
{
  LayoutWait *wait = data;

  return wait->ticks >= 2 && matrix_is_laid_out (wait);
}

void
kw_matrix_test_wait_for_layout (KwMatrix  *matrix,
                                KwFinding *probe)
{
  LayoutWait wait = { matrix, probe, 0 };

  /* Two frames: the second one's layout has seen every change. No frame
   * has come yet, so the wait iterates at least once. */
  gtk_widget_add_tick_callback (GTK_WIDGET (matrix), count_tick_cb, &wait.ticks, NULL);
  kw_gui_test_wait_until (layout_is_done, &wait);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (matrix_is_laid_out (&wait));
}

void
kw_matrix_test_fill_board (KwBoard *board,
                           guint    n,
                           guint32  seed)
{
  static const char * const words[] = {
    "call", "back", "customers", "within", "the", "hour", "queue", "website",
    "agents", "payment", "arrangement", "letters", "e-mails", "self-service",
    "telephony", "platform", "knowledge", "base", "opening", "hours", "chat",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      g_autoptr(KwFinding) finding = NULL;
      guint n_words = g_rand_int_range (rand, 2, 12);

      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (title, "%s%s", w > 0 ? " " : "",
                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      finding = kw_finding_new (title->str);
      kw_finding_place (finding,
                        round (g_rand_double_range (rand, 0, 10) * 10) / 10,
                        round (g_rand_double_range (rand, 0, 10) * 10) / 10);
      g_assert_true (kw_board_append_finding (board, finding));
    }
}

gboolean
kw_matrix_test_card_bounds (KwMatrix        *matrix,
                            KwFinding       *finding,
                            graphene_rect_t *bounds)
{
  GtkWidget *card = kw_matrix_get_card (matrix, finding);

  return card != NULL && gtk_widget_get_child_visible (card) && gtk_widget_get_visible (card) &&
         gtk_widget_compute_bounds (card, GTK_WIDGET (matrix), bounds);
}

static gboolean
rects_overlap (const graphene_rect_t *a,
               const graphene_rect_t *b)
{
  /* Touching edges do not overlap. */
  return a->origin.x < b->origin.x + b->size.width && b->origin.x < a->origin.x + a->size.width &&
         a->origin.y < b->origin.y + b->size.height && b->origin.y < a->origin.y + a->size.height;
}

guint
kw_matrix_test_assert_labels_apart (KwMatrix *matrix)
{
  KwBoard *board = kw_matrix_get_board (matrix);
  guint n = kw_board_get_n_findings (board), shown = 0;
  double left, top, right, bottom;

  kw_matrix_score_to_point (matrix, 10, 0, &left, &top);
  kw_matrix_score_to_point (matrix, 0, 10, &right, &bottom);

  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t a;

      if (!kw_matrix_test_card_bounds (matrix, kw_board_get_finding (board, i), &a))
        continue;
      shown++;
      g_assert_cmpfloat (a.origin.x, >=, left - 0.5);
      g_assert_cmpfloat (a.origin.y, >=, top - 0.5);
      g_assert_cmpfloat (a.origin.x + a.size.width, <=, right + 0.5);
      g_assert_cmpfloat (a.origin.y + a.size.height, <=, bottom + 0.5);

      for (guint j = i + 1; j < n; j++)
        {
          graphene_rect_t b;

          if (kw_matrix_test_card_bounds (matrix, kw_board_get_finding (board, j), &b) && rects_overlap (&a, &b))
            g_error ("The labels of “%s” and “%s” overlap",
                     kw_finding_get_title (kw_board_get_finding (board, i)),
                     kw_finding_get_title (kw_board_get_finding (board, j)));
        }
    }

  return shown;
}
