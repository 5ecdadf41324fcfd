/* kw-matrix-private.h: KwMatrix's insides, shared by the files that make
 * it up (kw-matrix.c: the GObject and its API; kw-matrix-cards.c: the
 * cards and where they go; kw-matrix-draw.c: what the matrix draws;
 * kw-matrix-cache.c: still cards in textures; kw-matrix-input.c: the
 * pointer, the keys and drops; kw-matrix-compare.c: the changes since a
 * snapshot, and a snapshot shown in the presentation), and the pointer
 * entry points for tests.
 *
 * The matrix's gestures call exactly kw_matrix_pointer_*(), so a test that
 * drives them drives the same code as a real pointer, without
 * synthesising events (which GTK 4 does not support).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-changes.h"
#include "kw-matrix-changes.h"
#include "kw-matrix-card.h"
#include "kw-matrix-placement.h"
#include "kw-matrix-tiles.h"
#include "kw-matrix-layout.h"
#include "kw-matrix.h"
#include "kw-plan-text.h"
#include "kw-round.h"

G_BEGIN_DECLS

typedef enum {
  POINTER_NONE,
  POINTER_CARD_PRESSED,  /* on a card, not moved yet */
  POINTER_CARD_MOVING,
  POINTER_LINE,
  POINTER_BACKGROUND,    /* on the background: a rubber band once it moves */
} PointerMode;

typedef struct {
  KwFinding    *finding;
  KwMatrixCard *card;
  gboolean      was_placed;
  double        impact;
  double        effort;
} MovedFinding;

struct _KwMatrix
{
  GtkWidget          parent_instance;

  KwBoard           *board;
  KwHistory         *history;
  GtkSelectionModel *selection;
  GtkFilter         *filter;
  GtkWidget         *unplace_target;   /* weak */

  KwMatrixStyle      style;
  guint              snap : 1;
  guint              presentation : 1;
  guint              plan_dirty : 1;
  guint              pointer_selecting : 1;
  guint              pointer_ctrl : 1;
  guint              pointer_free : 1;     /* Shift: place without snapping */
  guint              editable : 1;
  guint              hide_done : 1;        /* done findings not shown */

  GHashTable        *cards;            /* KwFinding → KwMatrixCard (owned by the widget tree) */
  /* The board's findings as its last items-changed left them: a change
   * names only positions, and the removed findings are gone from the
   * board by then. */
  GPtrArray         *findings;
  KwPlan            *plan;             /* its numbers; see kw_matrix_get_plan() */
  guint              text_class_id;
  const char        *text_class;

  KwThresholds       thresholds;       /* the board's, as last drawn */
  KwMatrixLayout     base_layout;      /* what the placement started from */
  KwMatrixLayout     layout;           /* the placement's: with a legend in NUMBERS */
  KwMatrixPlacement *placement;        /* where every label goes */
  GHashTable        *labels;           /* KwMatrixCard → its KwMatrixPlacedLabel */
  guint              placement_dirty : 1;
  guint              placement_due : 1;    /* a slow one's pause is over */
  gint64             placement_cost;       /* µs the last one took */
  guint              placement_timeout_id;
  /* The labels' short way from where they were to where a new placement
   * puts them. */
  AdwAnimation      *settle;
  GHashTable        *settle_from;      /* KwMatrixCard → KwMatrixRect (owned) */
  double             settle_progress;
  GskRenderNode     *markers;          /* markers and leaders of still cards */
  guint              legend_page;
  /* Presentation: the zone in focus (KW_OUTCOME_UNPLACED: none) and the
   * finding shown large beside the matrix (NULL: none). */
  KwOutcome          zoom;
  KwFinding         *current;
  GtkWidget         *current_column;   /* the panel beside the matrix: current_panel, scrolled, and the countdown */
  GtkWidget         *current_panel;    /* a box of the labels below */
  GtkWidget         *current_title;
  GtkWidget         *current_outcome;
  GtkWidget         *current_description;
  GtkWidget         *current_owner;
  GtkWidget         *current_due;
  GskRenderNode     *background;       /* zones, scale and labels, until they change */
  /* While a drag moves some cards or a line, the others stand still: they
   * are drawn once into these textures, so a frame costs the same on a
   * board of 5,000 findings as on one of 5 (a software GL renderer
   * repaints the whole window every frame). On a large board the cards
   * always go through them, a chunk at a time. */
  GPtrArray         *chunks;           /* of CardChunk, in stacking order */
  GdkTexture        *flat_chunks;      /* all of them in one, when more than one */
  guint              freeze_cards : 1;
  guint              chunks_checked : 1;
  int                allocated_width;
  int                allocated_height;
  GtkWidget         *badge;

  /* Compared with a snapshot, and the snapshot the presentation shows
   * (kw-matrix-compare.c) */
  KwChanges         *changes;
  GskRenderNode     *changes_node;     /* its earlier spots and arrows, until they change */
  KwMatrixTiles     *changes_tiles;    /* the image changes_node paints, as tiles */
  GHashTable        *change_marks;     /* finding id → the mark drawn into changes_tiles */
  KwMatrixChangesStyle changes_style;  /* what change_marks were drawn with */
  int                changes_scale;
  KwSnapshot        *shown_state;      /* NULL: the board now */
  GHashTable        *state_from;       /* KwFinding → where its card started */
  guint              state_tick_id;
  gint64             state_start_us;
  GtkWidget         *state_caption;

  /* A blind round, and the estimates revealed (kw-matrix-round.c) */
  KwRound           *round;
  GskRenderNode     *spreads_node;     /* every finding's markers and cross, until they change */
  GskRenderNode     *focus_spread_node; /* the round's current finding's, over the cards */
  KwMatrixTiles     *spreads_tiles;    /* the image spreads_node paints, as tiles */
  guint              show_spreads : 1;
  guint              reveal_tick_id;
  gint64             reveal_start_us;
  double             reveal_progress;  /* 0..1 while the reveal animates */
  GtkWidget         *current_round;    /* who is in, in the presentation's panel */
  GtkWidget         *current_count;    /* "3 of 7 in", below it, always in view */
  GtkWidget         *current_countdown;
  GtkWidget         *vote_panel;       /* in current_column while phones vote; borrowed */
  guint              countdown_id;
  guint              round_idle_id;

  /* The pointer gesture in progress */
  PointerMode        pointer_mode;
  double             press_x;
  double             press_y;
  double             pointer_x;
  double             pointer_y;
  KwMatrixCard      *press_card;
  GArray            *moved;            /* of MovedFinding */
  KwMatrixLine       line;
  KwThresholds       old_thresholds;
  gboolean           band_visible;
};

/* ---- For tests --------------------------------------------------------- */

/* x and y in the matrix's coordinates; offsets relative to the press. */
void     kw_matrix_pointer_press   (KwMatrix        *self,
                                    double           x,
                                    double           y,
                                    GdkModifierType  state);
/* The modifiers held now (Shift places freely); the gesture passes them
 * before each motion and the release. */
void     kw_matrix_pointer_modifiers (KwMatrix        *self,
                                      GdkModifierType  state);
void     kw_matrix_pointer_motion  (KwMatrix        *self,
                                    double           offset_x,
                                    double           offset_y);
void     kw_matrix_pointer_release (KwMatrix        *self,
                                    double           offset_x,
                                    double           offset_y);
void     kw_matrix_pointer_cancel  (KwMatrix        *self);

/* What a key press on the matrix does (the key controller calls it):
 * TRUE when the matrix handled it. */
gboolean kw_matrix_handle_key      (KwMatrix        *self,
                                    guint            keyval,
                                    GdkModifierType  state);

/* The text of the outcome badge shown during a drag; NULL when hidden. */
const char *kw_matrix_get_drag_badge_text (KwMatrix *self);

/* ---- kw-matrix.c ------------------------------------------------------- */

void          kw_matrix_emit_finding_activated   (KwMatrix     *self,
                                                  KwFinding    *finding);
void          kw_matrix_emit_delete_requested    (KwMatrix     *self);
KwPlan       *kw_matrix_get_plan                 (KwMatrix     *self);
void          kw_matrix_queue_renumber           (KwMatrix     *self);

/* ---- kw-matrix-labels.c: placement and allocation (see also cards.c) --- */

/* ---- kw-matrix-cards.c ------------------------------------------------- */

KwMatrixCard *kw_matrix_lookup_card              (KwMatrix     *self,
                                                  KwFinding    *finding);
gboolean      kw_matrix_update_card              (KwMatrix     *self,
                                                  KwMatrixCard *card);
void          kw_matrix_update_all_cards         (KwMatrix     *self);
void          kw_matrix_refilter_card            (KwMatrix     *self,
                                                  KwMatrixCard *card);
void          kw_matrix_restack_card             (KwMatrix     *self,
                                                  KwMatrixCard *card);
void          kw_matrix_remove_all_cards         (KwMatrix     *self);
void          kw_matrix_sync_cards_with_board    (KwMatrix     *self);
void          kw_matrix_board_items_changed_cb   (KwMatrix     *self,
                                                  guint         position,
                                                  guint         removed,
                                                  guint         added,
                                                  GListModel   *model);
void          kw_matrix_board_changed_cb         (KwMatrix     *self,
                                                  KwBoard      *board);
void          kw_matrix_set_shown_thresholds     (KwMatrix           *self,
                                                  const KwThresholds *thresholds);
void          kw_matrix_sync_selection           (KwMatrix     *self,
                                                  guint         position,
                                                  guint         n_items);
void          kw_matrix_selection_items_changed_cb (KwMatrix   *self,
                                                  guint         position,
                                                  guint         removed,
                                                  guint         added,
                                                  GListModel   *model);
void          kw_matrix_selection_changed_cb     (KwMatrix     *self,
                                                  guint         position,
                                                  guint         n_items,
                                                  GtkSelectionModel *selection);
void          kw_matrix_select_only              (KwMatrix     *self,
                                                  KwMatrixCard *card);
void          kw_matrix_toggle_selected          (KwMatrix     *self,
                                                  KwMatrixCard *card);
void          kw_matrix_queue_placement          (KwMatrix     *self);
void          kw_matrix_forget_placement         (KwMatrix     *self);
gboolean      kw_matrix_get_label_box            (KwMatrix     *self,
                                                  KwMatrixCard *card,
                                                  KwMatrixRect *box);
void          kw_matrix_set_zoom                 (KwMatrix     *self,
                                                  KwOutcome     zoom);
void          kw_matrix_update_layout            (KwMatrix     *self,
                                                  int           width,
                                                  int           height);
void          kw_matrix_size_allocate            (GtkWidget    *widget,
                                                  int           width,
                                                  int           height,
                                                  int           baseline);
void          kw_matrix_measure                  (GtkWidget      *widget,
                                                  GtkOrientation  orientation,
                                                  int             for_size,
                                                  int            *minimum,
                                                  int            *natural,
                                                  int            *minimum_baseline,
                                                  int            *natural_baseline);

/* ---- kw-matrix-draw.c -------------------------------------------------- */

void          kw_matrix_invalidate_background    (KwMatrix     *self);
void          kw_matrix_invalidate_markers       (KwMatrix     *self);
double        kw_matrix_handle_radius            (KwMatrix     *self);
void          kw_matrix_get_handle_point         (KwMatrix     *self,
                                                  KwMatrixLine  line,
                                                  double       *x,
                                                  double       *y);
void          kw_matrix_snapshot                 (GtkWidget    *widget,
                                                  GtkSnapshot  *snapshot);

/* ---- kw-matrix-cache.c ------------------------------------------------- */

void          kw_matrix_card_chunk_free          (gpointer      chunk);
gboolean      kw_matrix_is_still_card            (GtkWidget    *child);
void          kw_matrix_clear_card_chunks        (KwMatrix     *self);
void          kw_matrix_freeze_still_cards       (KwMatrix     *self,
                                                  gboolean      freeze);
gboolean      kw_matrix_wants_card_chunks        (KwMatrix     *self);
gboolean      kw_matrix_update_card_chunks       (KwMatrix     *self);
void          kw_matrix_draw_card_chunks         (KwMatrix     *self,
                                                  GtkSnapshot  *snapshot);

/* ---- kw-matrix-present.c ---------------------------------------------- */

void          kw_matrix_present_init             (KwMatrix     *self);
gboolean      kw_matrix_present_handle_key       (KwMatrix        *self,
                                                  guint            keyval,
                                                  GdkModifierType  state);
void          kw_matrix_allocate_current         (KwMatrix     *self,
                                                  int           width,
                                                  int           height);
void          kw_matrix_set_current              (KwMatrix     *self,
                                                  KwFinding    *finding);
gboolean      kw_matrix_zoom_at                  (KwMatrix     *self,
                                                  double        x,
                                                  double        y);

/* ---- kw-matrix-compare.c ---------------------------------------------- */

void          kw_matrix_compare_init             (KwMatrix     *self);
void          kw_matrix_compare_dispose          (KwMatrix     *self);
/* Draws the comparison's marks anew on the next frame (the colours or
 * the scale changed). */
void          kw_matrix_forget_changes_drawing   (KwMatrix     *self);
void          kw_matrix_draw_changes             (KwMatrix      *self,
                                                  GtkSnapshot   *snapshot,
                                                  const GdkRGBA *fg);
gboolean      kw_matrix_step_snapshot            (KwMatrix     *self,
                                                  int           direction);
void          kw_matrix_allocate_state_caption   (KwMatrix     *self,
                                                  int           width,
                                                  int           height);

/* ---- kw-matrix-spreads.c ---------------------------------------------- */

/* The titles what is drawn over the cards keeps off: every card shown and
 * every zone's name (KwMatrixRect). */
GArray       *kw_matrix_collect_title_rects      (KwMatrix     *self);

void          kw_matrix_draw_spreads             (KwMatrix     *self,
                                                  GtkSnapshot  *snapshot);
void          kw_matrix_draw_focus_spread        (KwMatrix     *self,
                                                  GtkSnapshot  *snapshot);
void          kw_matrix_clear_spread_nodes       (KwMatrix     *self);

/* ---- kw-matrix-round.c ------------------------------------------------ */

/* The matrix's accessible description; a round adds to it. */
#define KW_MATRIX_DESCRIPTION N_("Move the focused finding with the arrow keys, by 1 with Shift.")

void          kw_matrix_round_init               (KwMatrix     *self);
void          kw_matrix_round_dispose            (KwMatrix     *self);
void          kw_matrix_forget_round_drawing     (KwMatrix     *self);
void          kw_matrix_round_board_changed      (KwMatrix     *self);
gboolean      kw_matrix_round_is_open            (KwMatrix     *self);
/* A participant's initials ("AV" for "Anna de Vries") and the text they
 * are drawn with, for the chips and the markers. */
char         *kw_matrix_dup_initials             (const char   *name);
PangoLayout  *kw_matrix_create_initials_layout   (KwMatrix     *self,
                                                  double        pixel_size);
void          kw_matrix_show_centered_text       (cairo_t      *cr,
                                                  PangoLayout  *layout,
                                                  const char   *text,
                                                  double        x,
                                                  double        y);
void          kw_matrix_draw_round_chips         (KwMatrix     *self,
                                                  GtkSnapshot  *snapshot);
void          kw_matrix_round_presentation_changed (KwMatrix   *self);
/* The matrix's accessible description as the round makes it (tests). */
char         *kw_matrix_dup_round_description    (KwMatrix     *self);
/* The presentation's Tab and arrows during a round: FALSE without one. */
gboolean      kw_matrix_round_step               (KwMatrix     *self,
                                                  int           direction);

/* Whether the user may move findings and lines now: not on a read-only
 * board, nor while the presentation shows a snapshot. */
static inline gboolean
kw_matrix_can_edit (KwMatrix *self)
{
  return self->editable && self->shown_state == NULL;
}

/* ---- kw-matrix-keys.c ------------------------------------------------- */

gboolean      kw_matrix_key_pressed_cb           (KwMatrix              *self,
                                                  guint                  keyval,
                                                  guint                  keycode,
                                                  GdkModifierType        state,
                                                  GtkEventControllerKey *controller);
void          kw_matrix_set_focus_child          (GtkWidget    *widget,
                                                  GtkWidget    *child);

/* ---- kw-matrix-input.c ------------------------------------------------- */

void          kw_matrix_move_by_keys             (KwMatrix     *self,
                                                  KwMatrixCard *card,
                                                  double        d_impact,
                                                  double        d_effort);
void          kw_matrix_input_class_init         (GtkWidgetClass *widget_class);
void          kw_matrix_input_init               (KwMatrix     *self);

G_END_DECLS
