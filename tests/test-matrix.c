/* test-matrix.c: the matrix widget under Xvfb: cards, selection, moving
 * with the pointer and the keys, threshold lines, snap, dots, filter.
 *
 * The pointer is driven through the entry points the matrix's gestures
 * call (kw-matrix-private.h); tests/test-e2e-drag.sh drags with real X
 * pointer events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "kw-history.h"
#include "kw-matrix-card.h"
#include "kw-matrix-private.h"
#include "kw-matrix.h"
#include "kw-gui-test.h"
#include "kw-matrix-test.h"

typedef struct {
  GtkWindow         *window;
  GtkWidget         *box;
  KwMatrix          *matrix;
  GtkWidget         *tray;     /* stands in for the window's tray */
  KwBoard           *board;
  KwHistory         *history;
  GtkSelectionModel *selection;
  KwFinding         *quick;    /* impact 8, effort 2: quick win */
  KwFinding         *quick2;   /* impact 7, effort 3: quick win */
  KwFinding         *drop;     /* impact 2, effort 8: drop */
  KwFinding         *future;   /* impact 3, effort 3: future */
  KwFinding         *loose;    /* unplaced */
} Fixture;

/* Iterates until the matrix is laid out again (after a change); the
 * quick win's label is placed too while the fixture's board is shown. */
static void
wait_for_layout (Fixture *f)
{
  kw_matrix_test_wait_for_layout (f->matrix, kw_matrix_get_board (f->matrix) == f->board ? f->quick : NULL);
}

static KwFinding *
add_finding (KwBoard    *board,
             const char *title,
             double      impact,
             double      effort)
{
  g_autoptr(KwFinding) finding = kw_finding_new (title);

  if (impact >= 0)
    kw_finding_place (finding, impact, effort);
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->board = kw_board_new ();
  f->quick = add_finding (f->board, "Callback within one hour", 8, 2);
  f->quick2 = add_finding (f->board, "Show the queue length on the website", 7, 3);
  f->drop = add_finding (f->board, "Rebuild the telephony platform", 2, 8);
  f->future = add_finding (f->board, "New hold music", 3, 3);
  f->loose = add_finding (f->board, "Not yet discussed", -1, 0);

  f->history = kw_history_new (f->board);
  f->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (f->board))));

  f->matrix = KW_MATRIX (kw_matrix_new ());
  kw_matrix_set_board (f->matrix, f->board);
  kw_matrix_set_history (f->matrix, f->history);
  kw_matrix_set_selection (f->matrix, f->selection);

  f->tray = gtk_label_new ("Tray");
  gtk_widget_set_size_request (f->tray, 160, -1);
  kw_matrix_set_unplace_target (f->matrix, f->tray);

  f->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (f->box), f->tray);
  gtk_box_append (GTK_BOX (f->box), GTK_WIDGET (f->matrix));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 960, 640);
  gtk_window_set_child (f->window, f->box);
  gtk_window_present (f->window);

  wait_for_layout (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->selection);
  g_clear_object (&f->history);
  g_clear_object (&f->board);
}

/* Where the finding's card is, in the matrix's coordinates. */
static void
card_centre (Fixture   *f,
             KwFinding *finding,
             double    *x,
             double    *y)
{
  GtkWidget *card = kw_matrix_get_card (f->matrix, finding);
  graphene_rect_t bounds;

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (f->matrix), &bounds));
  *x = bounds.origin.x + bounds.size.width / 2;
  *y = bounds.origin.y + bounds.size.height / 2;
}

static void
click_card (Fixture         *f,
            KwFinding       *finding,
            GdkModifierType  state)
{
  double x, y;

  card_centre (f, finding, &x, &y);
  kw_matrix_pointer_press (f->matrix, x, y, state);
  kw_matrix_pointer_release (f->matrix, 1, 0); /* a jitter, not a drag */
}

/* Drags the finding's card by a score difference, in several steps as a
 * pointer does; returns the offset in pixels. */
static void
drag_card (Fixture   *f,
           KwFinding *finding,
           double     d_impact,
           double     d_effort,
           gboolean   release)
{
  double x, y, x0, y0, x1, y1;
  const guint steps = 8;

  card_centre (f, finding, &x, &y);
  kw_matrix_score_to_point (f->matrix, 0, 0, &x0, &y0);
  kw_matrix_score_to_point (f->matrix, d_impact, d_effort, &x1, &y1);

  kw_matrix_pointer_press (f->matrix, x, y, 0);
  for (guint i = 1; i <= steps; i++)
    kw_matrix_pointer_motion (f->matrix, (x1 - x0) * i / steps, (y1 - y0) * i / steps);
  if (release)
    kw_matrix_pointer_release (f->matrix, x1 - x0, y1 - y0);
}

/* Moves the card being dragged on, to a score difference from where the
 * drag began. */
static void
drag_card_on (Fixture *f,
              double   d_impact,
              double   d_effort)
{
  double x0, y0, x1, y1;

  kw_matrix_score_to_point (f->matrix, 0, 0, &x0, &y0);
  kw_matrix_score_to_point (f->matrix, d_impact, d_effort, &x1, &y1);
  kw_matrix_pointer_motion (f->matrix, x1 - x0, y1 - y0);
}

static void
release_card (Fixture *f,
              double   d_impact,
              double   d_effort)
{
  double x0, y0, x1, y1;

  kw_matrix_score_to_point (f->matrix, 0, 0, &x0, &y0);
  kw_matrix_score_to_point (f->matrix, d_impact, d_effort, &x1, &y1);
  kw_matrix_pointer_release (f->matrix, x1 - x0, y1 - y0);
}

static gboolean
is_selected (Fixture   *f,
             KwFinding *finding)
{
  guint position;

  g_assert_true (kw_board_find_position (f->board, finding, &position));
  return gtk_selection_model_is_selected (f->selection, position);
}

static guint
n_selected (Fixture *f)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (f->selection);

  return (guint) gtk_bitset_get_size (selected);
}

static void
select_findings (Fixture   *f,
                 KwFinding *first,
                 ...)
{
  va_list args;

  gtk_selection_model_unselect_all (f->selection);
  va_start (args, first);
  for (KwFinding *finding = first; finding != NULL; finding = va_arg (args, KwFinding *))
    {
      guint position;

      g_assert_true (kw_board_find_position (f->board, finding, &position));
      gtk_selection_model_select_item (f->selection, position, FALSE);
    }
  va_end (args);
}

/* Tests */

static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *card = kw_matrix_get_card (f->matrix, f->quick);
  double x, y, cx, cy;

  g_assert_null (kw_matrix_get_card (f->matrix, f->loose));
  g_assert_true (KW_IS_MATRIX_CARD (card));
  g_assert_true (gtk_widget_get_focusable (card));
  /* The title shows as a tooltip, asked for when it shows (no text set). */
  g_assert_true (gtk_widget_get_has_tooltip (card));

  /* The label lies near its marker, which is on its score, and shows
   * the whole title (there is room for it on this board). */
  kw_matrix_score_to_point (f->matrix, 8, 2, &x, &y);
  card_centre (f, f->quick, &cx, &cy);
  g_assert_cmpfloat (fabs (cx - x), <=, gtk_widget_get_width (card));
  g_assert_cmpfloat (fabs (cy - y), <=, 3 * gtk_widget_get_height (card));
  g_assert_cmpuint (kw_matrix_card_get_number (KW_MATRIX_CARD (card)), ==, 0);
  g_assert_false (kw_matrix_get_shows_numbers (f->matrix));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Impact/effort matrix");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Callback within one hour");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Impact 8.0, effort 2.0, quick win");

  /* Placing the loose finding makes its card; unplacing hides it. */
  kw_history_place (f->history, f->loose, 6, 6);
  wait_for_layout (f);
  g_assert_nonnull (kw_matrix_get_card (f->matrix, f->loose));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kw_matrix_get_card (f->matrix, f->loose)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Impact 6.0, effort 6.0, long-term plan");
  kw_history_unplace (f->history, f->loose);
  g_assert_null (kw_matrix_get_card (f->matrix, f->loose));

  /* A removed finding loses its card, an added one gets one. */
  kw_history_remove (f->history, f->future);
  g_assert_null (kw_matrix_get_card (f->matrix, f->future));
  g_assert_true (kw_history_undo (f->history));
  wait_for_layout (f);
  g_assert_nonnull (kw_matrix_get_card (f->matrix, f->future));

  /* The title follows the finding. */
  kw_history_set_text (f->history, f->quick, KW_FINDING_TEXT_TITLE, "Call back within the hour");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Call back within the hour");
}

static void
test_click_selection (Fixture       *f,
                      gconstpointer  data)
{
  double x, y;

  click_card (f, f->quick, 0);
  g_assert_true (is_selected (f, f->quick));
  g_assert_cmpuint (n_selected (f), ==, 1);
  g_assert_true (gtk_widget_has_focus (kw_matrix_get_card (f->matrix, f->quick)));
  g_assert_true (gtk_widget_get_state_flags (kw_matrix_get_card (f->matrix, f->quick)) & GTK_STATE_FLAG_SELECTED);

  /* Ctrl-click adds, and a second Ctrl-click takes away again. */
  click_card (f, f->drop, GDK_CONTROL_MASK);
  g_assert_true (is_selected (f, f->quick));
  g_assert_true (is_selected (f, f->drop));
  click_card (f, f->quick, GDK_CONTROL_MASK);
  g_assert_false (is_selected (f, f->quick));
  g_assert_true (is_selected (f, f->drop));

  /* A plain click selects one alone. */
  click_card (f, f->future, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_selected (f), ==, 2);
  click_card (f, f->quick2, 0);
  g_assert_cmpuint (n_selected (f), ==, 1);
  g_assert_true (is_selected (f, f->quick2));

  /* A click on the empty background clears the selection. */
  kw_matrix_score_to_point (f->matrix, 9.5, 9.5, &x, &y);
  kw_matrix_pointer_press (f->matrix, x, y, 0);
  kw_matrix_pointer_release (f->matrix, 0, 0);
  g_assert_cmpuint (n_selected (f), ==, 0);

  /* The selection made elsewhere (the lists) shows on the cards. */
  select_findings (f, f->drop, NULL);
  g_assert_true (kw_matrix_card_get_selected (KW_MATRIX_CARD (kw_matrix_get_card (f->matrix, f->drop))));
  g_assert_false (kw_matrix_card_get_selected (KW_MATRIX_CARD (kw_matrix_get_card (f->matrix, f->quick))));
}

static void
test_rubber_band (Fixture       *f,
                  gconstpointer  data)
{
  double x0, y0, x1, y1;

  /* From impact 9.5/effort 0.5 to impact 1/effort 3.6: both quick wins
   * and the future finding, not the drop one. */
  kw_matrix_score_to_point (f->matrix, 9.5, 0.5, &x0, &y0);
  kw_matrix_score_to_point (f->matrix, 1, 3.6, &x1, &y1);
  kw_matrix_pointer_press (f->matrix, x0, y0, 0);
  kw_matrix_pointer_motion (f->matrix, (x1 - x0) / 2, (y1 - y0) / 2);
  kw_matrix_pointer_release (f->matrix, x1 - x0, y1 - y0);

  g_assert_cmpuint (n_selected (f), ==, 3);
  g_assert_true (is_selected (f, f->quick));
  g_assert_true (is_selected (f, f->quick2));
  g_assert_true (is_selected (f, f->future));
  g_assert_false (is_selected (f, f->drop));

  /* With Ctrl, a band adds to the selection. */
  kw_matrix_score_to_point (f->matrix, 3, 7, &x0, &y0);
  kw_matrix_score_to_point (f->matrix, 1, 9, &x1, &y1);
  kw_matrix_pointer_press (f->matrix, x0, y0, GDK_CONTROL_MASK);
  kw_matrix_pointer_release (f->matrix, x1 - x0, y1 - y0);
  g_assert_cmpuint (n_selected (f), ==, 4);
}

static void
test_drag_one (Fixture       *f,
               gconstpointer  data)
{
  /* Quick win (8, 2) to the long-term plan (8, 7). */
  drag_card (f, f->quick, 0, 5, FALSE);

  /* The model follows live, and the badge tells the coming outcome. */
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 7.0);
  g_assert_cmpstr (kw_matrix_get_drag_badge_text (f->matrix), ==, "Long-term plan");
  g_assert_false (kw_history_get_can_undo (f->history));

  kw_matrix_pointer_release (f->matrix, 0, 0); /* back where it started: no step */
  g_assert_null (kw_matrix_get_drag_badge_text (f->matrix));
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 2.0);
  g_assert_false (kw_history_get_can_undo (f->history));

  drag_card (f, f->quick, -1, 5, TRUE);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 7.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 7.0);
  g_assert_cmpint (kw_board_classify_finding (f->board, f->quick), ==, KW_OUTCOME_LONG_TERM);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Move Finding");
  g_assert_cmpuint (n_selected (f), ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kw_matrix_get_card (f->matrix, f->quick)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Impact 7.0, effort 7.0, long-term plan");

  g_assert_true (kw_history_undo (f->history));
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 2.0);
  g_assert_false (kw_history_get_can_undo (f->history));

  /* Past the edge: clamped to the matrix. */
  drag_card (f, f->quick, 5, -5, TRUE);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 10.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 0.0);

  /* Escape (a cancelled gesture) puts it back and records nothing. */
  g_assert_true (kw_history_undo (f->history));
  drag_card (f, f->quick, -4, 4, FALSE);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 4.0);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Escape, 0));
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 8.0);
  g_assert_false (kw_history_get_can_undo (f->history));
}

static void
test_drag_selection (Fixture       *f,
                     gconstpointer  data)
{
  select_findings (f, f->quick, f->quick2, f->future, NULL);

  /* Dragging one selected card moves all three by the same amount. */
  drag_card (f, f->quick2, -1, 4, TRUE);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 7.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 6.0);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick2), ==, 6.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick2), ==, 7.0);
  g_assert_cmpfloat (kw_finding_get_impact (f->future), ==, 2.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->future), ==, 7.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->drop), ==, 8.0);
  g_assert_cmpuint (n_selected (f), ==, 3);

  /* One step undoes and redoes all three. */
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Move 3 Findings");
  g_assert_true (kw_history_undo (f->history));
  g_assert_false (kw_history_get_can_undo (f->history));
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 2.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick2), ==, 3.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->future), ==, 3.0);
  g_assert_true (kw_history_redo (f->history));
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 6.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick2), ==, 7.0);
  g_assert_cmpfloat (kw_finding_get_impact (f->future), ==, 2.0);

  /* The group keeps its shape at the edge: future stops at effort 10, so
   * the others stop 3 short of it too. */
  drag_card (f, f->quick, 0, 6, TRUE);
  g_assert_cmpfloat (kw_finding_get_effort (f->future), ==, 10.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 9.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick2), ==, 10.0);

  /* Dragging an unselected card moves it alone, and selects it. */
  drag_card (f, f->drop, 1, -1, TRUE);
  g_assert_cmpfloat (kw_finding_get_impact (f->drop), ==, 3.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 9.0);
  g_assert_cmpuint (n_selected (f), ==, 1);
  g_assert_true (is_selected (f, f->drop));
}

static void
test_drag_to_tray (Fixture       *f,
                   gconstpointer  data)
{
  double x, y;
  graphene_point_t tray_point;

  select_findings (f, f->quick, f->drop, NULL);
  g_assert_true (gtk_widget_compute_point (f->tray, GTK_WIDGET (f->matrix),
                                           &GRAPHENE_POINT_INIT (80, 200), &tray_point));
  card_centre (f, f->drop, &x, &y);

  kw_matrix_pointer_press (f->matrix, x, y, 0);
  kw_matrix_pointer_motion (f->matrix, (tray_point.x - x) / 2, 0);
  kw_matrix_pointer_motion (f->matrix, tray_point.x - x, tray_point.y - y);
  g_assert_cmpstr (kw_matrix_get_drag_badge_text (f->matrix), ==, "Unplaced");
  kw_matrix_pointer_release (f->matrix, tray_point.x - x, tray_point.y - y);

  g_assert_false (kw_finding_get_placed (f->quick));
  g_assert_false (kw_finding_get_placed (f->drop));
  g_assert_null (kw_matrix_get_card (f->matrix, f->quick));
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Take 2 Findings off the Matrix");

  g_assert_true (kw_history_undo (f->history));
  g_assert_true (kw_finding_get_placed (f->quick));
  g_assert_cmpfloat (kw_finding_get_impact (f->drop), ==, 2.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->drop), ==, 8.0);
  g_assert_nonnull (kw_matrix_get_card (f->matrix, f->drop));
}

static void
test_threshold_drag (Fixture       *f,
                     gconstpointer  data)
{
  KwThresholds thresholds;
  double x, y, x1, y1;

  /* Grab the impact line where no card is, and lift it to 8.5: the quick
   * wins at 8 and 7 become low impact. */
  kw_matrix_score_to_point (f->matrix, 5, 5.5, &x, &y);
  kw_matrix_score_to_point (f->matrix, 8.5, 5.5, &x1, &y1);
  kw_matrix_pointer_press (f->matrix, x, y, 0);
  kw_matrix_pointer_motion (f->matrix, 0, (y1 - y) / 2);
  kw_board_get_thresholds (f->board, &thresholds);
  g_assert_cmpfloat (fabs (thresholds.impact - 6.8), <=, 0.1);
  kw_matrix_pointer_motion (f->matrix, 0, y1 - y);

  /* Live: outcomes and the screen reader's description follow. */
  kw_board_get_thresholds (f->board, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 8.5);
  g_assert_cmpint (kw_board_classify_finding (f->board, f->quick), ==, KW_OUTCOME_FUTURE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kw_matrix_get_card (f->matrix, f->quick)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Impact 8.0, effort 2.0, future list");
  g_assert_false (kw_history_get_can_undo (f->history));

  kw_matrix_pointer_release (f->matrix, 0, y1 - y);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Move Threshold");
  g_assert_true (kw_history_undo (f->history));
  kw_board_get_thresholds (f->board, &thresholds);
  g_assert_cmpfloat (thresholds.impact, ==, 5.0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kw_matrix_get_card (f->matrix, f->quick)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Impact 8.0, effort 2.0, quick win");

  /* The effort line cannot pass the tiny-effort line. */
  kw_matrix_score_to_point (f->matrix, 4.5, 5, &x, &y);
  kw_matrix_score_to_point (f->matrix, 4.5, 0, &x1, &y1);
  kw_matrix_pointer_press (f->matrix, x, y, 0);
  kw_matrix_pointer_release (f->matrix, x1 - x, 0);
  kw_board_get_thresholds (f->board, &thresholds);
  g_assert_cmpfloat (thresholds.effort, ==, 1.1);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 1.0);

  /* Nor the tiny-effort line the effort line; it is grabbed below the
   * impact line only. */
  g_assert_true (kw_history_undo (f->history));
  kw_matrix_score_to_point (f->matrix, 2, 1, &x, &y);
  kw_matrix_score_to_point (f->matrix, 2, 9, &x1, &y1);
  kw_matrix_pointer_press (f->matrix, x, y, 0);
  kw_matrix_pointer_release (f->matrix, x1 - x, 0);
  kw_board_get_thresholds (f->board, &thresholds);
  g_assert_cmpfloat (thresholds.tiny_effort, ==, 4.9);
  g_assert_cmpfloat (thresholds.effort, ==, 5.0);
}

static void
finding_activated_cb (KwMatrix   *matrix,
                      KwFinding  *finding,
                      KwFinding **activated)
{
  *activated = finding;
}

static void
delete_requested_cb (KwMatrix *matrix,
                     guint    *deletes)
{
  (*deletes)++;
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *card = kw_matrix_get_card (f->matrix, f->quick);
  KwFinding *activated = NULL;
  guint deletes = 0;

  /* Focusing a card selects it. */
  g_assert_true (kw_matrix_focus_finding (f->matrix, f->quick));
  g_assert_true (gtk_widget_has_focus (card));
  g_assert_true (is_selected (f, f->quick));
  g_assert_cmpuint (n_selected (f), ==, 1);
  g_assert_false (kw_matrix_focus_finding (f->matrix, f->loose));

  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Right, 0));
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 2.1);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Up, GDK_SHIFT_MASK));
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 9.0);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Down, 0));
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 8.9);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 1.1);
  g_assert_true (gtk_widget_has_focus (card));

  /* Each key press is one step. */
  g_assert_true (kw_history_undo (f->history));
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 2.1);
  g_assert_true (kw_history_undo (f->history));
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 9.0);
  g_assert_true (kw_history_undo (f->history));
  g_assert_true (kw_history_undo (f->history));
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 8.0);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 2.0);
  g_assert_false (kw_history_get_can_undo (f->history));

  /* At the edge nothing happens and nothing is recorded. */
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 0.0);
  g_assert_true (kw_history_undo (f->history));
  g_assert_true (kw_history_undo (f->history));
  g_assert_false (kw_history_get_can_undo (f->history));

  /* A selected focused card moves the whole selection, as one step. */
  select_findings (f, f->quick, f->drop, NULL);
  g_assert_true (kw_matrix_focus_finding (f->matrix, f->drop));
  g_assert_cmpuint (n_selected (f), ==, 2);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Up, GDK_SHIFT_MASK));
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 9.0);
  g_assert_cmpfloat (kw_finding_get_impact (f->drop), ==, 3.0);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Move 2 Findings");
  g_assert_true (kw_history_undo (f->history));
  g_assert_false (kw_history_get_can_undo (f->history));

  /* Enter opens, Delete asks to delete; Ctrl shortcuts pass through. */
  g_signal_connect (f->matrix, "finding-activated", G_CALLBACK (finding_activated_cb), &activated);
  g_signal_connect (f->matrix, "delete-requested", G_CALLBACK (delete_requested_cb), &deletes);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Return, 0));
  g_assert_true (activated == f->drop);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Delete, 0));
  g_assert_cmpuint (deletes, ==, 1);
  g_assert_false (kw_matrix_handle_key (f->matrix, GDK_KEY_z, GDK_CONTROL_MASK));
}

static void
test_snap (Fixture       *f,
           gconstpointer  data)
{
  double x, y;

  kw_matrix_set_snap (f->matrix, TRUE);

  /* (8, 2) by (-2.9, +2.8) gives (5.1, 4.8): snapped off both lines to
   * (5.5, 4.5), still a quick win. */
  drag_card (f, f->quick, -2.9, 2.8, FALSE);
  g_assert_cmpstr (kw_matrix_get_drag_badge_text (f->matrix), ==, "Quick wins");
  kw_matrix_pointer_release (f->matrix, 0, 0);
  drag_card (f, f->quick, -2.9, 2.8, TRUE);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 5.5);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 4.5);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Move Finding");
  g_assert_true (kw_history_undo (f->history));
  g_assert_false (kw_history_get_can_undo (f->history));

  /* Exactly onto the impact line: high impact, so it snaps above. */
  drag_card (f, f->quick, -3, 0, TRUE);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick), ==, 5.5);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick), ==, 2.0);

  /* Shift held at the drop places it exactly where it was let go. */
  drag_card (f, f->quick2, -2.3, 0.2, FALSE);
  kw_matrix_pointer_modifiers (f->matrix, GDK_SHIFT_MASK);
  drag_card_on (f, -2.3, 0.2);
  g_assert_cmpstr (kw_matrix_get_drag_badge_text (f->matrix), ==, "Future list");
  release_card (f, -2.3, 0.2);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick2), ==, 4.7);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick2), ==, 3.2);
  g_assert_true (kw_history_undo (f->history));

  /* Shift held from the press onto the impact line: exactly on it. */
  card_centre (f, f->quick2, &x, &y);
  kw_matrix_pointer_press (f->matrix, x, y, GDK_SHIFT_MASK);
  drag_card_on (f, -2, 0);
  g_assert_cmpstr (kw_matrix_get_drag_badge_text (f->matrix), ==, "Quick wins");
  release_card (f, -2, 0);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick2), ==, 5.0);
  g_assert_true (kw_history_undo (f->history));

  /* Shift let go before the drop: snapped again. */
  drag_card (f, f->quick2, -2.3, 0.2, FALSE);
  kw_matrix_pointer_modifiers (f->matrix, GDK_SHIFT_MASK);
  drag_card_on (f, -2.3, 0.2);
  kw_matrix_pointer_modifiers (f->matrix, 0);
  release_card (f, -2.3, 0.2);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick2), ==, 4.5);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick2), ==, 3.0);
  g_assert_true (kw_history_undo (f->history));

  /* Without snap, it stays exactly where it was let go. */
  kw_matrix_set_snap (f->matrix, FALSE);
  drag_card (f, f->quick2, -2.3, 0.2, TRUE);
  g_assert_cmpfloat (kw_finding_get_impact (f->quick2), ==, 4.7);
  g_assert_cmpfloat (kw_finding_get_effort (f->quick2), ==, 3.2);
}

static void
test_dots (Fixture       *f,
           gconstpointer  data)
{
  KwMatrixCard *card;

  /* Plan order: quick wins by impact/effort ratio (8/2 before 7/3), then
   * the future list, then drop; unplaced findings have no number. */
  g_assert_cmpuint (kw_matrix_get_number (f->matrix, f->quick), ==, 1);
  g_assert_cmpuint (kw_matrix_get_number (f->matrix, f->quick2), ==, 2);
  g_assert_cmpuint (kw_matrix_get_number (f->matrix, f->future), ==, 3);
  g_assert_cmpuint (kw_matrix_get_number (f->matrix, f->drop), ==, 4);
  g_assert_cmpuint (kw_matrix_get_number (f->matrix, f->loose), ==, 0);

  kw_matrix_set_style (f->matrix, KW_MATRIX_STYLE_DOTS);
  wait_for_layout (f);
  card = KW_MATRIX_CARD (kw_matrix_get_card (f->matrix, f->quick2));
  g_assert_cmpuint (kw_matrix_card_get_number (card), ==, 2);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "dot"));
  /* The title stays the card's name and tooltip. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Show the queue length on the website");

  /* Moving the future finding up to impact 9, effort 1 makes it the best
   * quick win: it becomes number 1. */
  kw_history_place (f->history, f->future, 9, 1);
  wait_for_layout (f);
  g_assert_cmpuint (kw_matrix_get_number (f->matrix, f->future), ==, 1);
  g_assert_cmpuint (kw_matrix_get_number (f->matrix, f->quick), ==, 2);
  g_assert_cmpuint (kw_matrix_card_get_number (card), ==, 3);

  g_assert_true (kw_matrix_get_shows_numbers (f->matrix));

  kw_matrix_set_style (f->matrix, KW_MATRIX_STYLE_CARDS);
  wait_for_layout (f);
  g_assert_false (kw_matrix_get_shows_numbers (f->matrix));
  g_assert_cmpuint (kw_matrix_card_get_number (card), ==, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (card), "dot"));
}

static gboolean
title_mentions_call (gpointer item,
                     gpointer data)
{
  return strstr (kw_finding_get_title (item), "Call") != NULL;
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GtkCustomFilter) filter = gtk_custom_filter_new (title_mentions_call, NULL, NULL);
  GtkWidget *quick = kw_matrix_get_card (f->matrix, f->quick);
  GtkWidget *drop = kw_matrix_get_card (f->matrix, f->drop);

  kw_matrix_set_filter (f->matrix, GTK_FILTER (filter));
  g_assert_false (gtk_widget_has_css_class (quick, "dimmed"));
  g_assert_true (gtk_widget_has_css_class (drop, "dimmed"));

  /* A renamed finding is filtered again. */
  kw_history_set_text (f->history, f->drop, KW_FINDING_TEXT_TITLE, "Call centre telephony");
  g_assert_false (gtk_widget_has_css_class (drop, "dimmed"));

  kw_matrix_set_filter (f->matrix, NULL);
  g_assert_false (gtk_widget_has_css_class (quick, "dimmed"));
}

/* The matrix draws its cards, and picks them, in the order of its
 * children: no card the filter dims may come after a match. */
static void
assert_matches_above_dimmed (Fixture *f)
{
  GtkWidget *first_match = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->matrix));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!KW_IS_MATRIX_CARD (child))
        continue;
      if (!gtk_widget_has_css_class (child, "dimmed"))
        first_match = first_match != NULL ? first_match : child;
      else if (first_match != NULL)
        g_error ("the dimmed card of \"%s\" is drawn above the match \"%s\"",
                 kw_finding_get_title (kw_matrix_card_get_finding (KW_MATRIX_CARD (child))),
                 kw_finding_get_title (kw_matrix_card_get_finding (KW_MATRIX_CARD (first_match))));
    }
}

static void
test_filter_stacking (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GtkCustomFilter) filter = gtk_custom_filter_new (title_mentions_call, NULL, NULL);

  /* A selected non-match, and the one match first on the board. */
  select_findings (f, f->drop, NULL);
  kw_matrix_set_filter (f->matrix, GTK_FILTER (filter));
  g_assert_false (gtk_widget_has_css_class (kw_matrix_get_card (f->matrix, f->quick), "dimmed"));
  g_assert_true (gtk_widget_has_css_class (kw_matrix_get_card (f->matrix, f->drop), "dimmed"));
  assert_matches_above_dimmed (f);

  /* Dragged, the non-match rides on top; dropped, it goes back under. */
  drag_card (f, f->drop, 1, -1, TRUE);
  wait_for_layout (f);
  assert_matches_above_dimmed (f);

  /* A finding that comes to match rises above the dimmed ones. */
  kw_history_set_text (f->history, f->future, KW_FINDING_TEXT_TITLE, "Call music");
  assert_matches_above_dimmed (f);
  g_assert_true (gtk_widget_get_next_sibling (kw_matrix_get_card (f->matrix, f->future)) == NULL ||
                 !KW_IS_MATRIX_CARD (gtk_widget_get_next_sibling (kw_matrix_get_card (f->matrix, f->future))));

  /* A new finding that does not match goes under the matches too. */
  add_finding (f->board, "Shorter greeting", 6, 6);
  assert_matches_above_dimmed (f);

  kw_matrix_set_filter (f->matrix, NULL);
  g_assert_false (gtk_widget_has_css_class (kw_matrix_get_card (f->matrix, f->drop), "dimmed"));
}

static void
test_presentation_scales (Fixture       *f,
                          gconstpointer  data)
{
  double x0, y0, x1, y1, px0, py0, px1, py1;

  kw_matrix_score_to_point (f->matrix, 0, 0, &x0, &y0);
  kw_matrix_score_to_point (f->matrix, 10, 10, &x1, &y1);

  /* Larger text takes larger margins, so the plot shrinks a little. */
  kw_matrix_set_presentation (f->matrix, TRUE);
  wait_for_layout (f);
  kw_matrix_score_to_point (f->matrix, 0, 0, &px0, &py0);
  kw_matrix_score_to_point (f->matrix, 10, 10, &px1, &py1);
  g_assert_cmpfloat (px0, >, x0);
  g_assert_cmpfloat (px1 - px0, <, x1 - x0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->matrix), "presentation"));

  /* A larger window gives a larger plot. */
  kw_matrix_set_presentation (f->matrix, FALSE);
  gtk_window_set_default_size (f->window, 1240, 760);
  wait_for_layout (f);
  while (gtk_widget_get_width (GTK_WIDGET (f->window)) < 1240)
    g_main_context_iteration (NULL, TRUE);
  wait_for_layout (f);
  kw_matrix_score_to_point (f->matrix, 0, 0, &px0, &py0);
  kw_matrix_score_to_point (f->matrix, 10, 10, &px1, &py1);
  g_assert_cmpfloat (px1 - px0, >, x1 - x0);
}

/* What the matrix shows now, rendered by the window's own renderer. */
static GdkTexture *
render_matrix (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->matrix);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint
count_different_pixels (GdkTexture *a,
                        GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  gsize stride = width * 4;
  g_autofree guchar *pa = g_malloc (stride * height);
  g_autofree guchar *pb = g_malloc (stride * height);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);
  gdk_texture_download (a, pa, stride);
  gdk_texture_download (b, pb, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    n += memcmp (pa + i, pb + i, 4) != 0;

  return n;
}

/* GTK 4.8's GL renderer aborts on a frame with too many draw commands;
 * a board of 10,000 findings has to draw and drag all the same. So many
 * leave no room for labels, not even numbers: their markers show, and a
 * marker can be dragged. */
static void
test_large_board (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GdkTexture) empty = NULL;
  g_autoptr(GdkTexture) full = NULL;
  KwFinding *top;
  double x, y, x0, y0, x1, y1;

  kw_matrix_set_board (f->matrix, NULL);
  wait_for_layout (f);
  empty = render_matrix (f);

  /* Filled while off the matrix, the way a board is opened: the matrix
   * then makes its cards in one go. */
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bulk %u", i);

      add_finding (f->board, title, (i % 101) / 10.0, (i / 101 % 101) / 10.0);
    }
  /* At effort 10, where none of the others lie. */
  top = add_finding (f->board, "On top", 8, 10);
  kw_matrix_set_board (f->matrix, f->board);
  wait_for_layout (f);
  full = render_matrix (f);
  g_assert_true (kw_matrix_get_shows_numbers (f->matrix));
  g_assert_cmpuint (count_different_pixels (empty, full), >, 10000);

  /* Dragging a marker works as on a small board. */
  kw_matrix_score_to_point (f->matrix, 8, 10, &x, &y);
  kw_matrix_score_to_point (f->matrix, 0, 0, &x0, &y0);
  kw_matrix_score_to_point (f->matrix, -1, -5, &x1, &y1);
  kw_matrix_pointer_press (f->matrix, x, y, 0);
  for (guint i = 1; i <= 8; i++)
    kw_matrix_pointer_motion (f->matrix, (x1 - x0) * i / 8, (y1 - y0) * i / 8);
  wait_for_layout (f);
  g_assert_cmpstr (kw_matrix_get_drag_badge_text (f->matrix), ==, "Long-term plan");
  kw_matrix_pointer_release (f->matrix, x1 - x0, y1 - y0);
  wait_for_layout (f);
  g_assert_cmpfloat (kw_finding_get_impact (top), ==, 7.0);
  g_assert_cmpfloat (kw_finding_get_effort (top), ==, 5.0);
  g_assert_cmpstr (kw_history_get_undo_label (f->history), ==, "Move Finding");
}

/* Boards of several sizes in a window the size of a 1366×768 laptop's:
 * whatever the labels become (titles, then numbers), none overlap and all
 * stay inside the plot. */
static void
test_no_overlaps (Fixture       *f,
                  gconstpointer  data)
{
  static const guint sizes[] = { 15, 30, 60, 150 };

  gtk_window_set_default_size (f->window, 1366, 768);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint shown;

      g_autoptr(KwBoard) board = kw_board_new ();

      kw_matrix_test_fill_board (board, sizes[s], 2026 + s);
      kw_matrix_set_board (f->matrix, board);
      wait_for_layout (f);

      shown = kw_matrix_test_assert_labels_apart (f->matrix);
      /* Automatic: every finding gets its label, as a title or a number. */
      g_assert_cmpuint (shown, ==, sizes[s]);
      g_test_message ("%u findings: %s", sizes[s],
                      kw_matrix_get_shows_numbers (f->matrix) ? "numbers" : "titles");
    }
}

/* While a card is dragged the other labels stay where they are; once it
 * is dropped they settle, apart again. */
static void
test_drag_keeps_others_still (Fixture       *f,
                              gconstpointer  data)
{
  guint n;
  g_autofree graphene_rect_t *before = NULL;

  kw_matrix_test_fill_board (f->board, 26, 7);
  wait_for_layout (f);
  n = kw_board_get_n_findings (f->board);
  before = g_new0 (graphene_rect_t, n);
  for (guint i = 0; i < n; i++)
    kw_matrix_test_card_bounds (f->matrix, kw_board_get_finding (f->board, i), &before[i]);

  drag_card (f, f->quick, -4, 5, FALSE);
  wait_for_layout (f);
  for (guint i = 0; i < n; i++)
    {
      KwFinding *finding = kw_board_get_finding (f->board, i);
      graphene_rect_t now;

      if (finding == f->quick || !kw_finding_get_placed (finding))
        continue;
      g_assert_true (kw_matrix_test_card_bounds (f->matrix, finding, &now));
      g_assert_true (graphene_rect_equal (&now, &before[i]));
    }

  kw_matrix_pointer_release (f->matrix, 0, 0);
  drag_card (f, f->quick, -4, 5, TRUE);
  wait_for_layout (f);
  kw_matrix_test_assert_labels_apart (f->matrix);
}

/* Presenting, keys 1 to 5 zoom into a zone, Tab steps through the
 * findings in the plan's order, Escape goes back one step at a time. */
static void
test_present_keys (Fixture       *f,
                   gconstpointer  data)
{
  kw_matrix_set_presentation (f->matrix, TRUE);
  wait_for_layout (f);

  /* Key 1: the quick wins only. */
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_1, 0));
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_get_zoom (f->matrix), ==, KW_OUTCOME_QUICK_WIN);
  g_assert_true (gtk_widget_get_child_visible (kw_matrix_get_card (f->matrix, f->quick)));
  g_assert_true (gtk_widget_get_child_visible (kw_matrix_get_card (f->matrix, f->quick2)));
  g_assert_false (gtk_widget_get_child_visible (kw_matrix_get_card (f->matrix, f->drop)));
  g_assert_false (gtk_widget_get_child_visible (kw_matrix_get_card (f->matrix, f->future)));
  kw_matrix_test_assert_labels_apart (f->matrix);

  /* Tab within the zone: its findings in the plan's order, round again. */
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Tab, 0));
  g_assert_true (kw_matrix_get_current (f->matrix) == f->quick);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Tab, 0));
  g_assert_true (kw_matrix_get_current (f->matrix) == f->quick2);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Tab, 0));
  g_assert_true (kw_matrix_get_current (f->matrix) == f->quick);
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Left, 0));
  g_assert_true (kw_matrix_get_current (f->matrix) == f->quick2);
  /* Stepping moves nothing. */
  g_assert_cmpfloat (kw_finding_get_impact (f->quick2), ==, 7.0);

  /* Escape: back to the whole matrix; then it is the window's again. */
  g_assert_true (kw_matrix_handle_key (f->matrix, GDK_KEY_Escape, 0));
  wait_for_layout (f);
  g_assert_cmpint (kw_matrix_get_zoom (f->matrix), ==, KW_OUTCOME_UNPLACED);
  g_assert_null (kw_matrix_get_current (f->matrix));
  g_assert_true (gtk_widget_get_child_visible (kw_matrix_get_card (f->matrix, f->drop)));
  g_assert_false (kw_matrix_handle_key (f->matrix, GDK_KEY_Escape, 0));

  /* Not presenting, the digits do nothing. */
  kw_matrix_set_presentation (f->matrix, FALSE);
  g_assert_false (kw_matrix_handle_key (f->matrix, GDK_KEY_1, 0));
  g_assert_cmpint (kw_matrix_get_zoom (f->matrix), ==, KW_OUTCOME_UNPLACED);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The labels settle at once: each test checks where they end up. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add ("/matrix/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("cards", test_cards);
  ADD ("click-selection", test_click_selection);
  ADD ("rubber-band", test_rubber_band);
  ADD ("drag-one", test_drag_one);
  ADD ("drag-selection", test_drag_selection);
  ADD ("drag-to-tray", test_drag_to_tray);
  ADD ("threshold-drag", test_threshold_drag);
  ADD ("keyboard", test_keyboard);
  ADD ("snap", test_snap);
  ADD ("dots", test_dots);
  ADD ("filter", test_filter);
  ADD ("filter-stacking", test_filter_stacking);
  ADD ("presentation-scales", test_presentation_scales);
  ADD ("large-board", test_large_board);
  ADD ("no-overlaps", test_no_overlaps);
  ADD ("drag-keeps-others-still", test_drag_keeps_others_still);
  ADD ("present-keys", test_present_keys);

#undef ADD

  return g_test_run ();
}
