/* kw-matrix.c
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
#include "kw-matrix.h"
#include "kw-text.h"

/* How far the pointer must travel before a press on a card becomes a
 * drag, so a slightly shaky click still only selects. */
#define DRAG_START_DISTANCE 4.0
#define KEY_STEP 0.1
#define KEY_STEP_LARGE 1.0

typedef enum {
  POINTER_NONE,
  POINTER_CARD_PRESSED,  /* on a card, not moved yet */
  POINTER_CARD_MOVING,
  POINTER_LINE,
  POINTER_BACKGROUND,    /* on the background: a rubber band once it moves */
} PointerMode;

/* How many cards one texture holds, and from how many cards on the board
 * they always go through textures. GTK 4.8's GL renderer gives up on a
 * frame of some 32,000 draw batches; a card takes a few. */
#define CARDS_PER_CHUNK 1000
#define CHUNKED_CARDS_THRESHOLD 2000

/* What a card looked like when its chunk was rendered. */
typedef struct {
  GtkWidget       *card;     /* only compared, never dereferenced */
  guint64          serial;
  graphene_rect_t  bounds;
  double           opacity;
} CardChunkEntry;

typedef struct {
  GArray          *entries;  /* of CardChunkEntry */
  GdkTexture      *texture;  /* NULL when its cards draw nothing */
  graphene_rect_t  bounds;   /* where the texture goes */
  int              scale;
  int              width;    /* the matrix's, which clips the texture */
  int              height;
} CardChunk;

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
  guint              numbers_dirty : 1;
  guint              pointer_selecting : 1;
  guint              pointer_ctrl : 1;
  guint              editable : 1;

  GHashTable        *cards;            /* KwFinding → KwMatrixCard (owned by the widget tree) */
  /* The board's findings as its last items-changed left them: a change
   * names only positions, and the removed findings are gone from the
   * board by then. */
  GPtrArray         *findings;
  GHashTable        *numbers;          /* KwFinding → GUINT_TO_POINTER (number) */
  GPtrArray         *numbered;         /* the placed findings in number order */
  guint              renumber_id;
  guint              text_class_id;
  const char        *text_class;

  KwThresholds       thresholds;       /* the board's, as last drawn */
  KwMatrixLayout     layout;
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

G_DEFINE_FINAL_TYPE (KwMatrix, kw_matrix, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (KwMatrixStyle, kw_matrix_style,
  G_DEFINE_ENUM_VALUE (KW_MATRIX_STYLE_CARDS, "cards"),
  G_DEFINE_ENUM_VALUE (KW_MATRIX_STYLE_DOTS, "dots"))

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
  N_PROPS
};

enum {
  FINDING_ACTIVATED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void kw_matrix_update_card (KwMatrix     *self,
                                   KwMatrixCard *card);

/* Small helpers */

static KwMatrixCard *
lookup_card (KwMatrix  *self,
             KwFinding *finding)
{
  return g_hash_table_lookup (self->cards, finding);
}

static KwOutcome
classify_at (KwMatrix *self,
             double    impact,
             double    effort)
{
  return kw_outcome_classify (TRUE, impact, effort, &self->thresholds);
}

static void
invalidate_background (KwMatrix *self)
{
  g_clear_pointer (&self->background, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Every change goes through the history when there is one; a matrix
 * without one (a preview) changes the model directly. */
static void
place_finding (KwMatrix  *self,
               KwFinding *finding,
               double     impact,
               double     effort)
{
  if (self->history != NULL)
    kw_history_place (self->history, finding, impact, effort);
  else
    kw_finding_place (finding, impact, effort);
}

static void
begin_step (KwMatrix   *self,
            const char *label)
{
  if (self->history != NULL)
    kw_history_begin_group (self->history, label);
}

static void
end_step (KwMatrix *self)
{
  if (self->history != NULL)
    kw_history_end_group (self->history);
}

/* Numbering, for the dots style and its legend */

static void
kw_matrix_renumber (KwMatrix *self)
{
  guint number = 0;

  self->numbers_dirty = FALSE;
  g_hash_table_remove_all (self->numbers);
  g_ptr_array_set_size (self->numbered, 0);

  if (self->board == NULL)
    return;

  for (guint outcome = 0; outcome < KW_OUTCOME_UNPLACED; outcome++)
    {
      g_autoptr(GPtrArray) findings = kw_board_collect_outcome (self->board, outcome);

      for (guint i = 0; i < findings->len; i++)
        {
          KwFinding *finding = g_ptr_array_index (findings, i);

          g_hash_table_insert (self->numbers, finding, GUINT_TO_POINTER (++number));
          g_ptr_array_add (self->numbered, finding);
        }
    }

  if (self->style == KW_MATRIX_STYLE_DOTS)
    {
      GHashTableIter iter;
      gpointer finding, card;

      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, &finding, &card))
        kw_matrix_card_set_number (card, GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, finding)));
      invalidate_background (self);
    }
}

static gboolean
renumber_cb (gpointer data)
{
  KwMatrix *self = data;

  self->renumber_id = 0;
  kw_matrix_renumber (self);

  return G_SOURCE_REMOVE;
}

/* Numbers follow the plan's order, which any move can change; renumbering
 * once before the next layout keeps a drag from sorting on every event. */
static void
queue_renumber (KwMatrix *self)
{
  self->numbers_dirty = TRUE;

  if (self->style == KW_MATRIX_STYLE_DOTS && self->renumber_id == 0)
    self->renumber_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, renumber_cb, self, NULL);
}

/* Cards */

static gboolean
card_is_shown (KwMatrixCard *card)
{
  double impact, effort;

  return kw_matrix_card_get_shown_position (card, &impact, &effort);
}

static void
kw_matrix_update_card (KwMatrix     *self,
                       KwMatrixCard *card)
{
  KwFinding *finding = kw_matrix_card_get_finding (card);

  gtk_widget_set_visible (GTK_WIDGET (card), card_is_shown (card));
  kw_matrix_card_update_position (card, kw_board_classify_finding (self->board, finding));
}

static void
refilter_card (KwMatrix     *self,
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
      queue_renumber (self);
      return;
    }

  refilter_card (self, card);
  if (g_str_equal (pspec->name, "title"))
    invalidate_background (self); /* the legend shows titles */
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
  refilter_card (self, KW_MATRIX_CARD (card));
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

static void
remove_all_cards (KwMatrix *self)
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

static void
sync_selection (KwMatrix *self,
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
      KwMatrixCard *card = finding != NULL ? lookup_card (self, finding) : NULL;

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
      if (lookup_card (self, finding) == NULL)
        add_card (self, finding);
    }

  sync_selection (self, position, added);
  queue_renumber (self);
}

/* Makes one card per finding on a board just set. */
static void
sync_cards_with_board (KwMatrix *self)
{
  remove_all_cards (self);
  if (self->board != NULL)
    splice_cards (self, 0, 0, kw_board_get_n_findings (self->board));
}

static void
board_items_changed_cb (KwMatrix   *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  splice_cards (self, position, removed, added);
}

/* The board says "changed" for every change; only a threshold change
 * concerns every card (their outcome), so look for that alone. */
static void
board_changed_cb (KwMatrix *self,
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

  queue_renumber (self);
  invalidate_background (self);
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

static void
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

static void
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

static void
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

/* Drawing */

typedef struct {
  GdkRGBA fg;
  GdkRGBA zones[KW_MATRIX_N_ZONES];
} Palette;

/* The outcome colours of the core (kw_outcome_get_color), the same hues as
 * the lists and every export, at strengths chosen so the zones also differ
 * in lightness: quick wins the strongest, drop the faintest. The labels
 * name every zone, so colour never carries the meaning alone. */
static void
get_palette (KwMatrix *self,
             Palette  *palette)
{
  static const double light_strength[KW_MATRIX_N_ZONES] = { 0.30, 0.24, 0.20, 0.24, 0.10 };
  static const double dark_strength[KW_MATRIX_N_ZONES] = { 0.34, 0.30, 0.30, 0.22, 0.16 };
  gboolean is_dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &palette->fg);

  for (guint outcome = 0; outcome < KW_MATRIX_N_ZONES; outcome++)
    {
      GdkRGBA *zone = &palette->zones[outcome];

      gdk_rgba_parse (zone, kw_outcome_get_color (outcome, is_dark));
      zone->alpha = is_dark ? dark_strength[outcome] : light_strength[outcome];
    }
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static PangoLayout *
create_text (KwMatrix   *self,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoFontDescription) font = NULL;
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));

  font = base != NULL ? pango_font_description_copy (base) : pango_font_description_new ();
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);

  return layout;
}

/* Draws text with its top left at (x, y), or aligned by xalign and
 * yalign (0 = left/top, 0.5 = centre, 1 = right/bottom) around it. */
static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           double         xalign,
           double         yalign,
           const GdkRGBA *color)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - xalign * w), round (y - yalign * h)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static graphene_rect_t
to_graphene (const KwMatrixRect *rect)
{
  return GRAPHENE_RECT_INIT (rect->x, rect->y, rect->width, rect->height);
}

static void
draw_zones (KwMatrix      *self,
            GtkSnapshot   *snapshot,
            const Palette *palette)
{
  KwMatrixZone zones[KW_MATRIX_N_ZONES];
  double text = self->layout.text_size;
  double pad = text * 0.5;

  kw_matrix_layout_get_zones (&self->layout, &self->thresholds, zones);

  for (guint z = 0; z < KW_MATRIX_N_ZONES; z++)
    {
      graphene_rect_t bounds = to_graphene (&zones[z].rect);

      gtk_snapshot_append_color (snapshot, &palette->zones[zones[z].outcome], &bounds);
    }

  for (guint z = 0; z < KW_MATRIX_N_ZONES; z++)
    {
      const KwMatrixRect *r = &zones[z].rect;
      g_autoptr(PangoLayout) label = NULL;
      GdkRGBA color = with_alpha (&palette->fg, 0.62);
      KwOutcome outcome = zones[z].outcome;
      double size = outcome == KW_OUTCOME_SMALL_FIX ? text * 0.9 : text * 1.15;
      /* Each label sits in its zone's outer corner, away from the lines
       * where the findings that are debated gather. */
      double xalign = (outcome == KW_OUTCOME_LONG_TERM || outcome == KW_OUTCOME_DROP) ? 1 : 0;
      double yalign = (outcome == KW_OUTCOME_QUICK_WIN || outcome == KW_OUTCOME_LONG_TERM) ? 0 : 1;
      int label_width;

      if (r->width < 2 * pad || r->height < 2 * pad)
        continue;

      label = create_text (self, kw_outcome_get_title (outcome), size, TRUE);
      pango_layout_get_pixel_size (label, &label_width, NULL);
      if (label_width > r->width - 2 * pad)
        {
          /* A narrow zone (the small-fix strip) wraps its label. */
          pango_layout_set_width (label, (int) ((r->width - 2 * pad) * PANGO_SCALE));
          pango_layout_set_wrap (label, PANGO_WRAP_WORD);
          /* Words are never broken; a word wider than the zone makes the
           * whole label smaller instead, down to a readable minimum. */
          pango_layout_get_pixel_size (label, &label_width, NULL);
          if (label_width > r->width - 2 * pad)
            {
              double smaller = MAX (size * (r->width - 2 * pad) / label_width, text * 0.6);

              g_clear_object (&label);
              label = create_text (self, kw_outcome_get_title (outcome), smaller, TRUE);
              pango_layout_set_width (label, (int) ((r->width - 2 * pad) * PANGO_SCALE));
              pango_layout_set_wrap (label, PANGO_WRAP_WORD);
            }
          draw_text (snapshot, label, r->x + pad, yalign > 0 ? r->y + r->height - pad : r->y + pad,
                     0, yalign, &color);
          continue;
        }

      draw_text (snapshot, label,
                 xalign > 0 ? r->x + r->width - pad : r->x + pad,
                 yalign > 0 ? r->y + r->height - pad : r->y + pad,
                 xalign, yalign, &color);
    }
}

static void
draw_scale (KwMatrix      *self,
            GtkSnapshot   *snapshot,
            const Palette *palette)
{
  KwMatrixTick ticks[KW_MATRIX_N_TICKS];
  const KwMatrixRect *plot = &self->layout.plot;
  double text = self->layout.text_size;
  double hairline = MAX (1.0, round (text / 14.0));
  GdkRGBA grid = with_alpha (&palette->fg, 0.10);
  GdkRGBA frame = with_alpha (&palette->fg, 0.35);
  GdkRGBA numbers = with_alpha (&palette->fg, 0.55);
  GdkRGBA titles = with_alpha (&palette->fg, 0.85);
  g_autoptr(PangoLayout) impact_title = NULL;
  g_autoptr(PangoLayout) effort_title = NULL;
  int title_w, title_h;

  kw_matrix_layout_get_ticks (&self->layout, ticks);

  for (guint i = 0; i < KW_MATRIX_N_TICKS; i++)
    {
      char value[8];
      g_autoptr(PangoLayout) vertical = NULL;
      g_autoptr(PangoLayout) horizontal = NULL;
      const GdkRGBA *line = (i == 0 || i == KW_MATRIX_N_TICKS - 1) ? &frame : &grid;

      gtk_snapshot_append_color (snapshot, line,
                                 &GRAPHENE_RECT_INIT (ticks[i].x - hairline / 2, plot->y, hairline, plot->height));
      gtk_snapshot_append_color (snapshot, line,
                                 &GRAPHENE_RECT_INIT (plot->x, ticks[i].y - hairline / 2, plot->width, hairline));

      g_snprintf (value, sizeof value, "%g", ticks[i].value);
      vertical = create_text (self, value, text * 0.8, FALSE);
      horizontal = create_text (self, value, text * 0.8, FALSE);
      draw_text (snapshot, vertical, plot->x - text * 0.4, ticks[i].y, 1, 0.5, &numbers);
      draw_text (snapshot, horizontal, ticks[i].x, plot->y + plot->height + text * 0.3, 0.5, 0, &numbers);
    }

  /* Impact reads bottom to top, beside the scale. */
  impact_title = create_text (self, _("Impact"), text, TRUE);
  pango_layout_get_pixel_size (impact_title, &title_w, &title_h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (text * 0.3),
                                                         round (plot->y + plot->height / 2 + title_w / 2.0)));
  gtk_snapshot_rotate (snapshot, -90);
  gtk_snapshot_append_layout (snapshot, impact_title, &titles);
  gtk_snapshot_restore (snapshot);

  effort_title = create_text (self, _("Effort"), text, TRUE);
  draw_text (snapshot, effort_title, plot->x + plot->width / 2,
             plot->y + plot->height + text * 1.6, 0.5, 0, &titles);
}

static void
draw_disc (GtkSnapshot   *snapshot,
           double         cx,
           double         cy,
           double         radius,
           const GdkRGBA *color)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);
  GskRoundedRect disc;

  gsk_rounded_rect_init_from_rect (&disc, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static double
line_width (KwMatrix *self)
{
  return MAX (2.0, round (self->layout.text_size / 6.0));
}

static double
handle_radius (KwMatrix *self)
{
  return MAX (5.0, self->layout.text_size * 0.4);
}

/* Where the line's handle sits: on the plot's edge, by the scale. */
static void
get_handle_point (KwMatrix     *self,
                  KwMatrixLine  line,
                  double       *x,
                  double       *y)
{
  double x1, y1, x2, y2;

  kw_matrix_layout_get_line (&self->layout, &self->thresholds, line, &x1, &y1, &x2, &y2);
  if (line == KW_MATRIX_LINE_IMPACT)
    {
      *x = x1;
      *y = y1;
    }
  else
    {
      *x = x2;
      *y = y2;
    }
}

static void
draw_lines (KwMatrix      *self,
            GtkSnapshot   *snapshot,
            const Palette *palette)
{
  double width = line_width (self);
  GdkRGBA color = with_alpha (&palette->fg, 0.7);
  GdkRGBA tiny_color = with_alpha (&palette->fg, 0.45);

  for (KwMatrixLine line = 0; line < KW_MATRIX_N_LINES; line++)
    {
      const GdkRGBA *c = line == KW_MATRIX_LINE_TINY_EFFORT ? &tiny_color : &color;
      double x1, y1, x2, y2, hx, hy;
      double w = line == KW_MATRIX_LINE_TINY_EFFORT ? MAX (1.0, width / 2) : width;

      kw_matrix_layout_get_line (&self->layout, &self->thresholds, line, &x1, &y1, &x2, &y2);
      gtk_snapshot_append_color (snapshot, c,
                                 &GRAPHENE_RECT_INIT (MIN (x1, x2) - w / 2, MIN (y1, y2) - w / 2,
                                                      fabs (x2 - x1) + w, fabs (y2 - y1) + w));
      get_handle_point (self, line, &hx, &hy);
      draw_disc (snapshot, hx, hy, handle_radius (self), c);
    }
}

static void
draw_legend (KwMatrix      *self,
             GtkSnapshot   *snapshot,
             const Palette *palette)
{
  const KwMatrixRect *r = &self->layout.legend;
  double text = self->layout.text_size * 0.85;
  double y = r->y;
  g_autoptr(PangoLayout) heading = NULL;
  GdkRGBA color = with_alpha (&palette->fg, 0.9);
  GdkRGBA dim = with_alpha (&palette->fg, 0.6);
  int h, number_width = 0;

  if (r->width < 4 * text || r->height < 4 * text)
    return;

  if (self->numbers_dirty)
    kw_matrix_renumber (self);

  heading = create_text (self, _("Legend"), text, TRUE);
  draw_text (snapshot, heading, r->x + text * 0.5, y, 0, 0, &color);
  pango_layout_get_pixel_size (heading, NULL, &h);
  y += h + text * 0.4;

  /* Numbers right-aligned in a column as wide as the largest one. */
  {
    char widest[16];
    g_autoptr(PangoLayout) probe = NULL;

    g_snprintf (widest, sizeof widest, "%u", MAX (self->numbered->len, 1));
    probe = create_text (self, widest, text, TRUE);
    pango_layout_get_pixel_size (probe, &number_width, NULL);
  }

  for (guint i = 0; i < self->numbered->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (self->numbered, i);
      char number[16];
      g_autoptr(PangoLayout) entry = create_text (self, kw_finding_get_title (finding), text, FALSE);
      g_autoptr(PangoLayout) number_text = NULL;
      double title_x = r->x + text * 0.5 + number_width + text * 0.5;

      g_snprintf (number, sizeof number, "%u", i + 1);
      number_text = create_text (self, number, text, TRUE);
      pango_layout_set_width (entry, (int) (MAX (r->x + r->width - title_x, text) * PANGO_SCALE));
      pango_layout_set_ellipsize (entry, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (entry, NULL, &h);

      /* Keep room for the line that says how many did not fit. */
      if (y + 2 * h > r->y + r->height && i + 1 < self->numbered->len)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("And %u more finding",
                                                             "And %u more findings",
                                                             self->numbered->len - i),
                                                   self->numbered->len - i);
          g_autoptr(PangoLayout) rest = create_text (self, more, text, FALSE);

          draw_text (snapshot, rest, r->x + text * 0.5, y, 0, 0, &dim);
          break;
        }

      draw_text (snapshot, number_text, r->x + text * 0.5 + number_width, y, 1, 0, &dim);
      draw_text (snapshot, entry, title_x, y, 0, 0, &color);
      y += h;
    }
}

static GskRenderNode *
create_background (KwMatrix *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  Palette palette;

  get_palette (self, &palette);
  draw_zones (self, snapshot, &palette);
  draw_scale (self, snapshot, &palette);
  draw_lines (self, snapshot, &palette);
  if (self->style == KW_MATRIX_STYLE_DOTS)
    draw_legend (self, snapshot, &palette);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
draw_rubber_band (KwMatrix    *self,
                  GtkSnapshot *snapshot)
{
  graphene_rect_t band = GRAPHENE_RECT_INIT (MIN (self->press_x, self->pointer_x),
                                             MIN (self->press_y, self->pointer_y),
                                             fabs (self->pointer_x - self->press_x),
                                             fabs (self->pointer_y - self->press_y));
  GskRoundedRect outline;
  GdkRGBA fill = { 0.208, 0.518, 0.894, 0.15 };
  GdkRGBA border = { 0.208, 0.518, 0.894, 0.8 };
  float w = 1;

  gtk_snapshot_append_color (snapshot, &fill, &band);
  gsk_rounded_rect_init_from_rect (&outline, &band, 0);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { w, w, w, w },
                              (GdkRGBA[4]) { border, border, border, border });
}

static gboolean
is_still_card (GtkWidget *child)
{
  return KW_IS_MATRIX_CARD (child) && !kw_matrix_card_get_dragging (KW_MATRIX_CARD (child));
}

static void
card_chunk_free (gpointer data)
{
  CardChunk *chunk = data;

  g_clear_pointer (&chunk->entries, g_array_unref);
  g_clear_object (&chunk->texture);
  g_free (chunk);
}

static void
clear_card_chunks (KwMatrix *self)
{
  g_ptr_array_set_size (self->chunks, 0);
  g_clear_object (&self->flat_chunks);
  self->chunks_checked = FALSE;
}

/* The renderer to draw cards into textures with, or NULL to draw them
 * straight into the frame. The cairo renderer has no command queue to
 * overflow, only redraws what changed anyway, and would copy a texture
 * into an image surface on every frame. */
static GskRenderer *
get_card_renderer (KwMatrix *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  if (renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer))
    return NULL;

  return renderer;
}

static gboolean
card_chunk_is_current (KwMatrix  *self,
                       CardChunk *chunk,
                       GArray    *entries,
                       int        scale)
{
  return chunk->scale == scale
         && chunk->width == gtk_widget_get_width (GTK_WIDGET (self))
         && chunk->height == gtk_widget_get_height (GTK_WIDGET (self))
         && chunk->entries->len == entries->len
         && memcmp (chunk->entries->data, entries->data,
                    sizeof (CardChunkEntry) * entries->len) == 0;
}

/* Renders what one chunk's cards drew into a texture as small as they
 * are, in device pixels, so it is as sharp as the cards it stands in for. */
static void
render_card_chunk (KwMatrix      *self,
                   GskRenderer   *renderer,
                   CardChunk     *chunk,
                   GskRenderNode *node,
                   int            scale)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0,
                                             gtk_widget_get_width (GTK_WIDGET (self)) * scale,
                                             gtk_widget_get_height (GTK_WIDGET (self)) * scale);
  graphene_rect_t bounds;
  graphene_rect_t pixels;

  g_clear_object (&chunk->texture);
  if (node == NULL)
    return;

  gsk_render_node_get_bounds (node, &bounds);
  if (!graphene_rect_intersection (&bounds, &area, &bounds))
    return;

  pixels.origin.x = floorf (bounds.origin.x);
  pixels.origin.y = floorf (bounds.origin.y);
  pixels.size.width = ceilf (bounds.origin.x + bounds.size.width) - pixels.origin.x;
  pixels.size.height = ceilf (bounds.origin.y + bounds.size.height) - pixels.origin.y;
  if (pixels.size.width < 1 || pixels.size.height < 1)
    return;

  chunk->texture = gsk_renderer_render_texture (renderer, node, &pixels);
  graphene_rect_scale (&pixels, 1.0f / scale, 1.0f / scale, &chunk->bounds);
}

/* Snapshots the next CARDS_PER_CHUNK still cards from *child on, and
 * renders them again only when one of them was redrawn, moved, appeared
 * or went: then returns TRUE. Leaves *child after the last card it took. */
static gboolean
update_card_chunk (KwMatrix     *self,
                   GskRenderer  *renderer,
                   guint         index,
                   GtkWidget   **child,
                   int           scale)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, TRUE, sizeof (CardChunkEntry), CARDS_PER_CHUNK);
  g_autoptr(GskRenderNode) node = NULL;
  CardChunk *chunk;

  gtk_snapshot_scale (snapshot, scale, scale);
  for (; *child != NULL && entries->len < CARDS_PER_CHUNK; *child = gtk_widget_get_next_sibling (*child))
    {
      CardChunkEntry entry;

      if (!is_still_card (*child) || !gtk_widget_is_drawable (*child))
        continue;

      /* GTK only draws the card anew (and so changes its serial) when it
       * changed; otherwise this reuses what it drew last time. */
      gtk_widget_snapshot_child (widget, *child, snapshot);

      /* Zeroed first: the entries are compared byte by byte. */
      memset (&entry, 0, sizeof entry);
      entry.card = *child;
      entry.serial = kw_matrix_card_get_draw_serial (KW_MATRIX_CARD (*child));
      entry.opacity = gtk_widget_get_opacity (*child);
      if (!gtk_widget_compute_bounds (*child, widget, &entry.bounds))
        graphene_rect_init (&entry.bounds, 0, 0, 0, 0);
      g_array_append_val (entries, entry);
    }

  if (index == self->chunks->len)
    {
      chunk = g_new0 (CardChunk, 1);
      chunk->entries = g_array_new (FALSE, TRUE, sizeof (CardChunkEntry));
      g_ptr_array_add (self->chunks, chunk);
    }
  chunk = g_ptr_array_index (self->chunks, index);

  if (card_chunk_is_current (self, chunk, entries, scale))
    return FALSE;

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  render_card_chunk (self, renderer, chunk, node, scale);
  g_array_unref (chunk->entries);
  chunk->entries = g_steal_pointer (&entries);
  chunk->scale = scale;
  chunk->width = gtk_widget_get_width (widget);
  chunk->height = gtk_widget_get_height (widget);

  return TRUE;
}

static void
append_card_chunks (KwMatrix    *self,
                    GtkSnapshot *snapshot)
{
  for (guint i = 0; i < self->chunks->len; i++)
    {
      CardChunk *chunk = g_ptr_array_index (self->chunks, i);

      if (chunk->texture != NULL)
        gtk_snapshot_append_texture (snapshot, chunk->texture, &chunk->bounds);
    }
}

/* Puts the chunks together into one texture: a frame that blends one
 * texture instead of several costs less, above all on a software GL
 * renderer, and a drag draws many frames for each time this runs. */
static GdkTexture *
flatten_card_chunks (KwMatrix    *self,
                     GskRenderer *renderer,
                     int          scale)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  if (self->chunks->len < 2 || width <= 0 || height <= 0)
    return NULL;

  gtk_snapshot_scale (snapshot, scale, scale);
  append_card_chunks (self, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

/* Brings the chunks up to date with the still cards; FALSE when cards
 * cannot go through textures here and must be drawn straight away. */
static gboolean
update_card_chunks (KwMatrix *self)
{
  GskRenderer *renderer = get_card_renderer (self);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GtkWidget *child;
  gboolean changed = FALSE;
  guint n = 0;

  if (renderer == NULL)
    {
      clear_card_chunks (self);
      return FALSE;
    }

  /* During a drag the still cards stay as they were when it started:
   * checking them again on every frame would cost what the textures
   * save. */
  if (self->freeze_cards && self->chunks_checked)
    return TRUE;

  child = gtk_widget_get_first_child (GTK_WIDGET (self));
  while (child != NULL)
    changed |= update_card_chunk (self, renderer, n++, &child, scale);
  if (n != self->chunks->len)
    {
      g_ptr_array_set_size (self->chunks, n);
      changed = TRUE;
    }
  if (changed || self->flat_chunks == NULL)
    {
      g_clear_object (&self->flat_chunks);
      self->flat_chunks = flatten_card_chunks (self, renderer, scale);
    }
  self->chunks_checked = self->freeze_cards;

  return TRUE;
}

static void
freeze_still_cards (KwMatrix *self,
                    gboolean  freeze)
{
  self->freeze_cards = !!freeze;
  /* The chunks themselves stay: the next frame renders again only the
   * ones that lost or got back a dragged card. */
  self->chunks_checked = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The cards go through textures while a drag holds them still, and
 * always on a large board: GTK 4.8's GL renderer aborts when one frame
 * holds too many draw commands (some 10,000 cards), but renders each
 * texture with a queue of its own. */
static gboolean
wants_card_chunks (KwMatrix *self)
{
  return self->freeze_cards || g_hash_table_size (self->cards) > CHUNKED_CARDS_THRESHOLD;
}

static void
draw_card_chunks (KwMatrix    *self,
                  GtkSnapshot *snapshot)
{
  if (self->flat_chunks != NULL)
    gtk_snapshot_append_texture (snapshot, self->flat_chunks,
                                 &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                                                      gtk_widget_get_height (GTK_WIDGET (self))));
  else
    append_card_chunks (self, snapshot);
}

static void
kw_matrix_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  KwMatrix *self = KW_MATRIX (widget);
  gboolean from_textures = FALSE;

  if (self->background == NULL)
    self->background = create_background (self);
  if (self->background != NULL)
    gtk_snapshot_append_node (snapshot, self->background);

  if (wants_card_chunks (self))
    from_textures = update_card_chunks (self);
  else
    clear_card_chunks (self);
  if (from_textures)
    draw_card_chunks (self, snapshot);

  /* The dragged cards, the badge and anything else on top. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!from_textures || !is_still_card (child))
        gtk_widget_snapshot_child (widget, child, snapshot);
    }

  if (self->band_visible)
    draw_rubber_band (self, snapshot);
}

static void
kw_matrix_unrealize (GtkWidget *widget)
{
  KwMatrix *self = KW_MATRIX (widget);

  /* The textures belong to the renderer that goes away with the surface. */
  clear_card_chunks (self);

  GTK_WIDGET_CLASS (kw_matrix_parent_class)->unrealize (widget);
}

static void
kw_matrix_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kw_matrix_parent_class)->css_changed (widget, change);

  /* The text colour and the font may have changed. */
  invalidate_background (KW_MATRIX (widget));
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

static void
select_only (KwMatrix     *self,
             KwMatrixCard *card)
{
  guint position;

  if (self->selection != NULL &&
      find_in_selection (self, kw_matrix_card_get_finding (card), &position))
    gtk_selection_model_select_item (self->selection, position, TRUE);
}

static void
toggle_selected (KwMatrix     *self,
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

/* Selects the shown cards whose centre lies in the band; with Ctrl they
 * join the selection, otherwise they replace it. */
static void
select_in_band (KwMatrix *self,
                gboolean  add)
{
  GListModel *model;
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  graphene_rect_t band = GRAPHENE_RECT_INIT (MIN (self->press_x, self->pointer_x),
                                             MIN (self->press_y, self->pointer_y),
                                             fabs (self->pointer_x - self->press_x),
                                             fabs (self->pointer_y - self->press_y));
  guint n;

  if (self->selection == NULL)
    return;

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwFinding) finding = g_list_model_get_item (model, i);
      KwMatrixCard *card = lookup_card (self, finding);
      graphene_rect_t bounds;
      graphene_point_t centre;

      if (card == NULL || !gtk_widget_get_visible (GTK_WIDGET (card)) ||
          !gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (self), &bounds))
        continue;

      graphene_rect_get_center (&bounds, &centre);
      if (graphene_rect_contains_point (&band, &centre))
        gtk_bitset_add (selected, i);
    }

  mask = add ? gtk_bitset_copy (selected) : gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (self->selection, selected, mask);
}

/* The selection follows the board; when it gains items, their cards may
 * have been made before it knew them. */
static void
selection_items_changed_cb (KwMatrix   *self,
                            guint       position,
                            guint       removed,
                            guint       added,
                            GListModel *model)
{
  sync_selection (self, position, added);
}

static void
selection_changed_cb (KwMatrix          *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  sync_selection (self, position, n_items);
}

/* Moving findings together */

/* The findings a gesture or key press on the card moves: the whole
 * selection when the card is part of it, otherwise the card alone. */
static GArray *
collect_moved (KwMatrix     *self,
               KwMatrixCard *card)
{
  GArray *moved = g_array_new (FALSE, FALSE, sizeof (MovedFinding));
  GHashTableIter iter;
  gpointer finding, other;

  if (!kw_matrix_card_get_selected (card))
    {
      KwFinding *f = kw_matrix_card_get_finding (card);
      MovedFinding m = { f, card, kw_finding_get_placed (f), kw_finding_get_impact (f), kw_finding_get_effort (f) };

      g_array_append_val (moved, m);
      return moved;
    }

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &finding, &other))
    {
      if (kw_matrix_card_get_selected (other) && kw_finding_get_placed (finding))
        {
          MovedFinding m = { finding, other, TRUE, kw_finding_get_impact (finding), kw_finding_get_effort (finding) };

          g_array_append_val (moved, m);
        }
    }

  return moved;
}

/* Narrows a shift so every moved finding stays on the matrix, which keeps
 * the group's shape when it reaches an edge. */
static void
clamp_shift (GArray *moved,
             double *d_impact,
             double *d_effort)
{
  for (guint i = 0; i < moved->len; i++)
    {
      const MovedFinding *m = &g_array_index (moved, MovedFinding, i);

      *d_impact = CLAMP (*d_impact, KW_SCORE_MIN - m->impact, KW_SCORE_MAX - m->impact);
      *d_effort = CLAMP (*d_effort, KW_SCORE_MIN - m->effort, KW_SCORE_MAX - m->effort);
    }
}

/* One finding shares its label with the history's own "Move Finding";
 * several get a count (and their plural forms in every language). */
static char *
move_step_label (guint n)
{
  if (n == 1)
    return g_strdup (_("Move Finding"));

  return g_strdup_printf (ngettext ("Move %u Finding", "Move %u Findings", n), n);
}

static void
move_by_keys (KwMatrix     *self,
              KwMatrixCard *card,
              double        d_impact,
              double        d_effort)
{
  g_autoptr(GArray) moved = collect_moved (self, card);
  g_autofree char *label = NULL;

  clamp_shift (moved, &d_impact, &d_effort);
  if (moved->len == 0 || (d_impact == 0 && d_effort == 0))
    return;

  label = move_step_label (moved->len);
  begin_step (self, label);
  for (guint i = 0; i < moved->len; i++)
    {
      const MovedFinding *m = &g_array_index (moved, MovedFinding, i);

      place_finding (self, m->finding, m->impact + d_impact, m->effort + d_effort);
    }
  end_step (self);
}

/* The pointer */

static KwMatrixCard *
card_at (KwMatrix *self,
         double    x,
         double    y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  for (; picked != NULL && picked != GTK_WIDGET (self); picked = gtk_widget_get_parent (picked))
    {
      if (KW_IS_MATRIX_CARD (picked) && gtk_widget_get_parent (picked) == GTK_WIDGET (self))
        return KW_MATRIX_CARD (picked);
    }

  return NULL;
}

static double
distance_to_segment (double px,
                     double py,
                     double x1,
                     double y1,
                     double x2,
                     double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - x1) * dx + (py - y1) * dy) / length2, 0, 1) : 0;

  return hypot (px - (x1 + t * dx), py - (y1 + t * dy));
}

/* The threshold line (or its handle) under the point, if any. */
static gboolean
line_at (KwMatrix     *self,
         double        x,
         double        y,
         KwMatrixLine *found)
{
  double tolerance = MAX (6.0, handle_radius (self) + 2);
  double best = G_MAXDOUBLE;

  for (KwMatrixLine line = 0; line < KW_MATRIX_N_LINES; line++)
    {
      double x1, y1, x2, y2, hx, hy, d;

      kw_matrix_layout_get_line (&self->layout, &self->thresholds, line, &x1, &y1, &x2, &y2);
      get_handle_point (self, line, &hx, &hy);
      d = MIN (distance_to_segment (x, y, x1, y1, x2, y2), hypot (x - hx, y - hy));
      if (d <= tolerance && d < best)
        {
          best = d;
          *found = line;
        }
    }

  return best <= tolerance;
}

static gboolean
pointer_over_unplace_target (KwMatrix *self)
{
  graphene_point_t point;

  if (self->unplace_target == NULL || !gtk_widget_get_mapped (self->unplace_target))
    return FALSE;

  if (!gtk_widget_compute_point (GTK_WIDGET (self), self->unplace_target,
                                 &GRAPHENE_POINT_INIT (self->pointer_x, self->pointer_y), &point))
    return FALSE;

  return gtk_widget_contains (self->unplace_target, point.x, point.y);
}

static void
show_badge (KwMatrix   *self,
            const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->badge)), text) != 0)
    gtk_label_set_label (GTK_LABEL (self->badge), text);
  gtk_widget_set_visible (self->badge, TRUE);
}

static void
start_card_move (KwMatrix *self)
{
  self->moved = collect_moved (self, self->press_card);

  for (guint i = 0; i < self->moved->len; i++)
    {
      MovedFinding *m = &g_array_index (self->moved, MovedFinding, i);

      kw_matrix_card_set_dragging (m->card, TRUE);
      /* Raise it above the others, under the badge. */
      gtk_widget_insert_before (GTK_WIDGET (m->card), GTK_WIDGET (self), self->badge);
    }

  self->pointer_mode = POINTER_CARD_MOVING;
  freeze_still_cards (self, TRUE);
}

/* Moves the findings live, so the lists follow; the cards themselves
 * follow the pointer exactly rather than the tenths the model keeps. */
static void
update_card_move (KwMatrix *self)
{
  double d_effort = (self->pointer_x - self->press_x) / kw_matrix_layout_effort_scale (&self->layout);
  double d_impact = -(self->pointer_y - self->press_y) / kw_matrix_layout_impact_scale (&self->layout);
  double shown_impact = 0, shown_effort = 0;

  if (!isfinite (d_effort) || !isfinite (d_impact))
    return;

  clamp_shift (self->moved, &d_impact, &d_effort);

  for (guint i = 0; i < self->moved->len; i++)
    {
      MovedFinding *m = &g_array_index (self->moved, MovedFinding, i);
      double impact = m->impact + d_impact;
      double effort = m->effort + d_effort;

      kw_matrix_card_set_drag_position (m->card, TRUE, impact, effort);
      kw_finding_place (m->finding, impact, effort);
      if (m->card == self->press_card)
        {
          shown_impact = impact;
          shown_effort = effort;
        }
    }

  if (pointer_over_unplace_target (self))
    show_badge (self, kw_outcome_get_title (KW_OUTCOME_UNPLACED));
  else if (self->snap)
    show_badge (self, kw_outcome_get_title (classify_at (self,
                                                         kw_matrix_snap (shown_impact, KW_MATRIX_AXIS_IMPACT, &self->thresholds),
                                                         kw_matrix_snap (shown_effort, KW_MATRIX_AXIS_EFFORT, &self->thresholds))));
  else
    show_badge (self, kw_outcome_get_title (classify_at (self, shown_impact, shown_effort)));

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
end_card_move (KwMatrix *self,
               gboolean  cancelled)
{
  g_autoptr(GArray) moved = g_steal_pointer (&self->moved);
  gboolean unplace = !cancelled && pointer_over_unplace_target (self);
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->badge, FALSE);
  freeze_still_cards (self, FALSE);

  if (unplace && moved->len == 1)
    label = g_strdup (_("Take Finding off the Matrix"));
  else if (unplace)
    label = g_strdup_printf (ngettext ("Take %u Finding off the Matrix", "Take %u Findings off the Matrix",
                                       moved->len),
                             moved->len);
  else
    label = move_step_label (moved->len);

  begin_step (self, label);
  for (guint i = 0; i < moved->len; i++)
    {
      MovedFinding *m = &g_array_index (moved, MovedFinding, i);
      double impact, effort;

      kw_matrix_card_get_shown_position (m->card, &impact, &effort);
      kw_matrix_card_set_drag_position (m->card, FALSE, 0, 0);
      kw_matrix_card_set_dragging (m->card, FALSE);

      if (cancelled)
        kw_finding_place (m->finding, m->impact, m->effort);
      else if (unplace)
        kw_finding_unplace (m->finding);
      else if (self->snap)
        kw_finding_place (m->finding,
                          kw_matrix_snap (impact, KW_MATRIX_AXIS_IMPACT, &self->thresholds),
                          kw_matrix_snap (effort, KW_MATRIX_AXIS_EFFORT, &self->thresholds));
      else
        kw_finding_place (m->finding, impact, effort);

      if (self->history != NULL)
        kw_history_record_place (self->history, m->finding, m->was_placed, m->impact, m->effort);
      kw_matrix_update_card (self, m->card);
    }
  end_step (self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
update_line_move (KwMatrix *self)
{
  KwThresholds thresholds = self->old_thresholds;
  double impact, effort;

  kw_matrix_layout_point_to_score (&self->layout, self->pointer_x, self->pointer_y, &impact, &effort);

  /* Keep the small-fix strip inside the low-effort half. */
  switch (self->line)
    {
    case KW_MATRIX_LINE_IMPACT:
      thresholds.impact = kw_score_normalize (impact);
      break;
    case KW_MATRIX_LINE_EFFORT:
      thresholds.effort = MAX (kw_score_normalize (effort), thresholds.tiny_effort + 0.1);
      break;
    case KW_MATRIX_LINE_TINY_EFFORT:
      thresholds.tiny_effort = MIN (kw_score_normalize (effort), thresholds.effort - 0.1);
      break;
    default:
      g_assert_not_reached ();
    }

  thresholds.effort = kw_score_normalize (thresholds.effort);
  thresholds.tiny_effort = kw_score_normalize (MAX (thresholds.tiny_effort, KW_SCORE_MIN));
  if (kw_thresholds_are_valid (&thresholds))
    kw_board_set_thresholds (self->board, &thresholds);
}

static void
set_cursor_for_point (KwMatrix *self,
                      double    x,
                      double    y)
{
  KwMatrixLine line;
  const char *name = NULL;

  if (self->pointer_mode == POINTER_LINE)
    line = self->line;
  else if (self->pointer_mode != POINTER_NONE || !self->editable ||
           card_at (self, x, y) != NULL || !line_at (self, x, y, &line))
    line = KW_MATRIX_N_LINES;

  if (line != KW_MATRIX_N_LINES)
    name = line == KW_MATRIX_LINE_IMPACT ? "row-resize" : "col-resize";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

void
kw_matrix_pointer_press (KwMatrix        *self,
                         double           x,
                         double           y,
                         GdkModifierType  state)
{
  KwMatrixCard *card;
  KwMatrixLine line;

  g_return_if_fail (KW_IS_MATRIX (self));

  if (self->pointer_mode != POINTER_NONE)
    kw_matrix_pointer_cancel (self);

  self->press_x = self->pointer_x = x;
  self->press_y = self->pointer_y = y;
  self->pointer_ctrl = (state & GDK_CONTROL_MASK) != 0;
  card = card_at (self, x, y);

  if (card != NULL)
    {
      self->pointer_mode = POINTER_CARD_PRESSED;
      self->press_card = card;

      /* A plain press on an unselected card selects it at once, so the
       * drag that may follow moves it alone. */
      self->pointer_selecting = TRUE;
      if (!self->pointer_ctrl && !kw_matrix_card_get_selected (card))
        select_only (self, card);
      gtk_widget_grab_focus (GTK_WIDGET (card));
      self->pointer_selecting = FALSE;
    }
  else if (self->board != NULL && self->editable && line_at (self, x, y, &line))
    {
      self->pointer_mode = POINTER_LINE;
      self->line = line;
      kw_board_get_thresholds (self->board, &self->old_thresholds);
    }
  else
    {
      self->pointer_mode = POINTER_BACKGROUND;
    }
}

void
kw_matrix_pointer_motion (KwMatrix *self,
                          double    offset_x,
                          double    offset_y)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  self->pointer_x = self->press_x + offset_x;
  self->pointer_y = self->press_y + offset_y;

  switch (self->pointer_mode)
    {
    case POINTER_CARD_PRESSED:
      /* A board that cannot be changed still lets cards be selected. */
      if (self->press_card == NULL || !self->editable || hypot (offset_x, offset_y) < DRAG_START_DISTANCE)
        break;
      start_card_move (self);
      G_GNUC_FALLTHROUGH;
    case POINTER_CARD_MOVING:
      update_card_move (self);
      break;

    case POINTER_LINE:
      if (!self->freeze_cards)
        freeze_still_cards (self, TRUE);
      update_line_move (self);
      break;

    case POINTER_BACKGROUND:
      self->band_visible = hypot (offset_x, offset_y) >= DRAG_START_DISTANCE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case POINTER_NONE:
    default:
      break;
    }
}

void
kw_matrix_pointer_release (KwMatrix *self,
                           double    offset_x,
                           double    offset_y)
{
  PointerMode mode;

  g_return_if_fail (KW_IS_MATRIX (self));

  kw_matrix_pointer_motion (self, offset_x, offset_y);
  mode = self->pointer_mode;
  self->pointer_mode = POINTER_NONE;

  switch (mode)
    {
    case POINTER_CARD_PRESSED:
      /* A click: Ctrl toggles, a plain click selects the card alone. */
      if (self->press_card != NULL)
        {
          if (self->pointer_ctrl)
            toggle_selected (self, self->press_card);
          else
            select_only (self, self->press_card);
        }
      break;

    case POINTER_CARD_MOVING:
      end_card_move (self, FALSE);
      break;

    case POINTER_LINE:
      freeze_still_cards (self, FALSE);
      if (self->history != NULL)
        kw_history_record_thresholds (self->history, &self->old_thresholds);
      break;

    case POINTER_BACKGROUND:
      if (self->band_visible)
        select_in_band (self, self->pointer_ctrl);
      else if (!self->pointer_ctrl && self->selection != NULL)
        gtk_selection_model_unselect_all (self->selection);
      self->band_visible = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case POINTER_NONE:
    default:
      break;
    }

  self->press_card = NULL;
}

/* Puts everything back as it was before the press, recording nothing. */
void
kw_matrix_pointer_cancel (KwMatrix *self)
{
  PointerMode mode;

  g_return_if_fail (KW_IS_MATRIX (self));

  mode = self->pointer_mode;
  self->pointer_mode = POINTER_NONE;

  if (mode == POINTER_CARD_MOVING)
    {
      KwHistory *history = g_steal_pointer (&self->history);

      end_card_move (self, TRUE);
      self->history = history;
    }
  else if (mode == POINTER_LINE && self->board != NULL)
    {
      kw_board_set_thresholds (self->board, &self->old_thresholds);
    }

  self->band_visible = FALSE;
  self->press_card = NULL;
  freeze_still_cards (self, FALSE);
}

const char *
kw_matrix_get_drag_badge_text (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  if (!gtk_widget_get_visible (self->badge))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (self->badge));
}

static void
drag_begin_cb (KwMatrix       *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  kw_matrix_pointer_press (self, x, y, state);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (KwMatrix       *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  kw_matrix_pointer_motion (self, offset_x, offset_y);
}

static void
drag_end_cb (KwMatrix       *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  if (self->pointer_mode != POINTER_NONE)
    kw_matrix_pointer_release (self, offset_x, offset_y);
}

static void
drag_cancel_cb (KwMatrix         *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  kw_matrix_pointer_cancel (self);
}

static void
double_click_cb (KwMatrix        *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  KwMatrixCard *card;

  if (n_press != 2)
    return;

  card = card_at (self, x, y);
  if (card != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, kw_matrix_card_get_finding (card));
}

static void
motion_cb (KwMatrix                 *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  set_cursor_for_point (self, x, y);
}

/* The keyboard */

static KwMatrixCard *
focused_card (KwMatrix *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return KW_IS_MATRIX_CARD (child) ? KW_MATRIX_CARD (child) : NULL;
}

/* On a board that cannot be changed, Enter still opens the details;
 * the keys that would move or delete only sound the bell, so the
 * keyboard user learns the board stays as it is. */
static gboolean
refuse_key (KwMatrix *self,
            guint     keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[FINDING_ACTIVATED], 0, kw_matrix_card_get_finding (focused_card (self)));
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      gtk_widget_error_bell (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

gboolean
kw_matrix_handle_key (KwMatrix        *self,
                      guint            keyval,
                      GdkModifierType  state)
{
  KwMatrixCard *card = focused_card (self);
  double step = (state & GDK_SHIFT_MASK) ? KEY_STEP_LARGE : KEY_STEP;

  if (keyval == GDK_KEY_Escape && self->pointer_mode != POINTER_NONE)
    {
      kw_matrix_pointer_cancel (self);
      return GDK_EVENT_STOP;
    }

  /* Leave Ctrl and Alt shortcuts (undo, save) to the window. */
  if (card == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (!self->editable)
    return refuse_key (self, keyval);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_by_keys (self, card, 0, -step);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_by_keys (self, card, 0, step);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_by_keys (self, card, step, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_by_keys (self, card, -step, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[FINDING_ACTIVATED], 0, kw_matrix_card_get_finding (card));
      return GDK_EVENT_STOP;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      g_signal_emit (self, signals[DELETE_REQUESTED], 0);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
key_pressed_cb (KwMatrix              *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return kw_matrix_handle_key (self, keyval, state);
}

/* Focusing a card selects it, unless it already belongs to the selection
 * (so the keyboard can move a multi-selection), or the pointer is busy
 * choosing the selection itself. */
static void
kw_matrix_set_focus_child (GtkWidget *widget,
                           GtkWidget *child)
{
  KwMatrix *self = KW_MATRIX (widget);

  GTK_WIDGET_CLASS (kw_matrix_parent_class)->set_focus_child (widget, child);

  if (KW_IS_MATRIX_CARD (child) && !self->pointer_selecting &&
      !kw_matrix_card_get_selected (KW_MATRIX_CARD (child)))
    select_only (self, KW_MATRIX_CARD (child));
}

/* Dropping a finding from the tray */

static gboolean
drop_cb (KwMatrix      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  KwFinding *finding = g_value_get_object (value);
  double impact, effort;
  KwMatrixCard *card;

  if (finding == NULL || self->board == NULL || !self->editable || lookup_card (self, finding) == NULL)
    return FALSE;

  kw_matrix_layout_point_to_score (&self->layout, x, y, &impact, &effort);
  if (self->snap)
    {
      impact = kw_matrix_snap (impact, KW_MATRIX_AXIS_IMPACT, &self->thresholds);
      effort = kw_matrix_snap (effort, KW_MATRIX_AXIS_EFFORT, &self->thresholds);
    }

  place_finding (self, finding, impact, effort);

  card = lookup_card (self, finding);
  if (card != NULL)
    {
      select_only (self, card);
      gtk_widget_grab_focus (GTK_WIDGET (card));
    }

  return TRUE;
}

/* GObject */

static void
kw_matrix_dispose (GObject *object)
{
  KwMatrix *self = KW_MATRIX (object);

  g_clear_handle_id (&self->renumber_id, g_source_remove);
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
  clear_card_chunks (self);

  G_OBJECT_CLASS (kw_matrix_parent_class)->dispose (object);
}

static void
kw_matrix_finalize (GObject *object)
{
  KwMatrix *self = KW_MATRIX (object);

  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->numbered, g_ptr_array_unref);
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
  widget_class->set_focus_child = kw_matrix_set_focus_child;

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
    g_param_spec_enum ("style", NULL, NULL, KW_TYPE_MATRIX_STYLE, KW_MATRIX_STYLE_CARDS,
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_FINDING);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "kw-matrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kw_matrix_init (KwMatrix *self)
{
  GtkGesture *drag, *click;
  GtkEventController *motion, *key;
  GtkDropTarget *drop;

  self->cards = g_hash_table_new (NULL, NULL);
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->chunks = g_ptr_array_new_with_free_func (card_chunk_free);
  self->numbers = g_hash_table_new (NULL, NULL);
  self->numbered = g_ptr_array_new ();
  self->numbers_dirty = TRUE;
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
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Move the focused finding with the arrow keys, by 1 with Shift."),
                                  -1);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect_swapped (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (double_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  /* Together, so claiming the drag does not deny the double-click. */
  gtk_gesture_group (click, drag);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  drop = gtk_drop_target_new (KW_TYPE_FINDING, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate_background), self, G_CONNECT_SWAPPED);
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

  if (self->board != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->board, self);
      remove_all_cards (self);
    }

  g_set_object (&self->board, board);

  if (board != NULL)
    {
      g_signal_connect_swapped (board, "items-changed", G_CALLBACK (board_items_changed_cb), self);
      g_signal_connect_swapped (board, "changed", G_CALLBACK (board_changed_cb), self);
      kw_board_get_thresholds (board, &self->thresholds);
    }
  else
    {
      kw_thresholds_init_default (&self->thresholds);
    }

  sync_cards_with_board (self);
  invalidate_background (self);
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
      g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
      g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (selection_items_changed_cb), self);
      sync_selection (self, 0, g_list_model_get_n_items (G_LIST_MODEL (selection)));
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
    refilter_card (self, card);
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
  g_return_val_if_fail (KW_IS_MATRIX (self), KW_MATRIX_STYLE_CARDS);

  return self->style;
}

void
kw_matrix_set_style (KwMatrix      *self,
                     KwMatrixStyle  style)
{
  GHashTableIter iter;
  gpointer card;

  g_return_if_fail (KW_IS_MATRIX (self));

  if (self->style == style)
    return;

  self->style = style;

  if (style == KW_MATRIX_STYLE_DOTS)
    {
      kw_matrix_renumber (self);
    }
  else
    {
      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, NULL, &card))
        kw_matrix_card_set_number (card, 0);
    }

  invalidate_background (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
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

  invalidate_background (self);
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

  card = lookup_card (self, finding);
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
                         gtk_widget_get_height (GTK_WIDGET (self)),
                         self->presentation ? 1.5 : 1.0, self->style == KW_MATRIX_STYLE_DOTS);
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
  g_return_val_if_fail (KW_IS_MATRIX (self), 0);
  g_return_val_if_fail (KW_IS_FINDING (finding), 0);

  if (self->numbers_dirty)
    kw_matrix_renumber (self);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, finding));
}
