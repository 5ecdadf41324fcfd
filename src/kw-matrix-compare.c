/* kw-matrix-compare.c: the matrix compared with a snapshot, and the
 * presentation's steps through the snapshots.
 *
 * Compared: each finding that moved is drawn where it was as a faint
 * outline with an arrow to where it is now, and each finding new since is
 * ringed. All of it is drawn under the cards, so no title is ever hidden
 * by it, and it follows the KwChanges the window hands over (made again
 * whenever the board changes).
 *
 * Stepping: Page Up and Page Down in the presentation show the board as a
 * snapshot had it, the findings moving there in a short animation on the
 * frame clock; the cards take the positions as "state" positions, so the
 * labels are placed for them as for any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-compare"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kw-matrix-changes.h"
#include "kw-matrix-private.h"
#include "kw-snapshots-dialog.h"

#define STATE_ANIMATION_US (450 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  gboolean placed;
  double   impact;
  double   effort;
} StatePosition;

/* ---- Compared with a snapshot ------------------------------------------- */

KwChanges *
kw_matrix_get_changes (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->changes;
}

void
kw_matrix_set_changes (KwMatrix  *self,
                       KwChanges *changes)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (changes == NULL || KW_IS_CHANGES (changes));

  if (g_set_object (&self->changes, changes))
    {
      g_clear_pointer (&self->changes_node, gsk_render_node_unref);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
kw_matrix_forget_changes_drawing (KwMatrix *self)
{
  g_clear_pointer (&self->changes_node, gsk_render_node_unref);
  g_clear_pointer (&self->change_marks, g_hash_table_unref);
}

static void
style_changes (KwMatrix             *self,
               const GdkRGBA        *fg,
               KwMatrixChangesStyle *style)
{
  GdkRGBA accent;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "accent_color", &accent))
    gdk_rgba_parse (&accent, "#1c71d8");
  *style = (KwMatrixChangesStyle) {
    { fg->red, fg->green, fg->blue, fg->alpha },
    { accent.red, accent.green, accent.blue, accent.alpha },
    kw_matrix_changes_radius (self->placement->text_size),
  };
}

/* The shaft as a plain rectangle turned along the arrow: a cairo node
 * would cover the arrow's whole box, half the matrix for a long one. */
static void
append_shaft (GtkSnapshot                *snapshot,
              const KwMatrixChangeMark   *mark,
              const KwMatrixChangesStyle *style)
{
  double dx = mark->arrow_x2 - mark->arrow_x1, dy = mark->arrow_y2 - mark->arrow_y1;
  double rgba[4];

  kw_matrix_change_part_get_color (style, KW_MATRIX_CHANGE_PART_SHAFT, rgba);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (mark->arrow_x1, mark->arrow_y1));
  gtk_snapshot_rotate (snapshot, atan2 (dy, dx) * 180 / G_PI);
  gtk_snapshot_append_color (snapshot,
                             &(GdkRGBA) { rgba[0], rgba[1], rgba[2], rgba[3] },
                             &GRAPHENE_RECT_INIT (0, -mark->arrow_width / 2, hypot (dx, dy), mark->arrow_width));
  gtk_snapshot_restore (snapshot);
}

/* The outline, the head and the ring: each a cairo node of its own few
 * pixels, drawn by the same code as the plan's matrix. */
static void
append_part (GtkSnapshot                *snapshot,
             const KwMatrixChangeMark   *mark,
             const KwMatrixChangesStyle *style,
             KwMatrixChangePart          part)
{
  double x, y, width, height;
  cairo_t *cr;

  kw_matrix_change_part_get_extents (mark, part, &x, &y, &width, &height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, width, height));
  kw_matrix_changes_draw_part (cr, mark, style, part);
  cairo_destroy (cr);
}

static GskRenderNode *
create_mark_node (const KwMatrixChangeMark   *mark,
                  const KwMatrixChangesStyle *style)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  for (guint part = 0; part < KW_MATRIX_CHANGE_N_PARTS; part++)
    {
      if (!kw_matrix_change_mark_has_part (mark, part))
        continue;
      if (part == KW_MATRIX_CHANGE_PART_SHAFT)
        append_shaft (snapshot, mark, style);
      else
        append_part (snapshot, mark, style, part);
    }

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* One finding's mark and its node. */
typedef struct {
  char               *finding_id;
  KwMatrixChangeMark  mark;
  GskRenderNode      *node;
} DrawnMark;

static void
drawn_mark_free (gpointer data)
{
  DrawnMark *drawn = data;

  g_free (drawn->finding_id);
  g_clear_pointer (&drawn->node, gsk_render_node_unref);
  g_free (drawn);
}

static int
compare_drawn_marks (gconstpointer a,
                     gconstpointer b)
{
  return strcmp ((*(DrawnMark * const *) a)->finding_id, (*(DrawnMark * const *) b)->finding_id);
}

/* The same drawing as the plan's matrix (kw-matrix-changes.c), in the
 * window's colours, a few small nodes per mark. A mark that looks as it
 * did keeps its node, so after an edit only the finding that moved is
 * drawn again. The marks stay in their findings' order (by id), whatever
 * the order of the list: the renderer compares the old and the new marks
 * pairwise in order, and a list shifted by one would make it repaint all
 * of them. */
static GskRenderNode *
create_changes_node (KwMatrix      *self,
                     const GdkRGBA *fg)
{
  g_autoptr(GHashTable) drawn = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, drawn_mark_free);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  GListModel *changes = G_LIST_MODEL (self->changes);
  KwMatrixChangesStyle style;

  style_changes (self, fg, &style);
  if (self->change_marks != NULL && memcmp (&style, &self->changes_style, sizeof style) != 0)
    g_clear_pointer (&self->change_marks, g_hash_table_unref);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (changes, i);
      const char *id = kw_change_get_finding_id (change);
      KwMatrixChangeSpot spot;
      DrawnMark *mark, *was;

      if (g_hash_table_contains (drawn, id) || !kw_matrix_change_spot_init (&spot, change))
        continue;
      mark = g_new0 (DrawnMark, 1);
      if (!kw_matrix_change_mark (&self->layout, &spot, style.radius, &mark->mark))
        {
          g_free (mark);
          continue;
        }

      was = self->change_marks != NULL ? g_hash_table_lookup (self->change_marks, id) : NULL;
      mark->node = was != NULL && kw_matrix_change_mark_equal (&was->mark, &mark->mark)
                   ? gsk_render_node_ref (was->node)
                   : create_mark_node (&mark->mark, &style);
      mark->finding_id = g_strdup (id);
      g_hash_table_insert (drawn, mark->finding_id, mark);
      if (mark->node != NULL)
        g_ptr_array_add (ordered, mark);
    }

  g_ptr_array_sort (ordered, compare_drawn_marks);
  for (guint i = 0; i < ordered->len; i++)
    g_ptr_array_add (children, ((DrawnMark *) g_ptr_array_index (ordered, i))->node);

  g_clear_pointer (&self->change_marks, g_hash_table_unref);
  self->change_marks = g_steal_pointer (&drawn);
  self->changes_style = style;

  return gsk_container_node_new ((GskRenderNode **) children->pdata, children->len);
}

/* Made once per comparison and size: a frame that redraws the matrix for
 * anything else (a selection, a hover) reuses it. */
void
kw_matrix_draw_changes (KwMatrix      *self,
                        GtkSnapshot   *snapshot,
                        const GdkRGBA *fg)
{
  if (self->changes == NULL || self->placement == NULL || self->shown_state != NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->changes)) == 0)
    return;

  if (self->changes_node == NULL)
    self->changes_node = create_changes_node (self, fg);
  if (self->changes_node != NULL)
    gtk_snapshot_append_node (snapshot, self->changes_node);
}

/* ---- The presentation's steps through the snapshots ----------------------- */

KwSnapshot *
kw_matrix_get_shown_snapshot (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->shown_state;
}

/* Where the finding is in the state shown (the snapshot, or now). */
static void
target_position (KwMatrix      *self,
                 KwFinding     *finding,
                 StatePosition *position)
{
  const KwSnapshotEntry *entry;

  if (self->shown_state == NULL)
    {
      position->placed = kw_finding_get_placed (finding);
      position->impact = kw_finding_get_impact (finding);
      position->effort = kw_finding_get_effort (finding);
      return;
    }

  entry = kw_snapshot_lookup (self->shown_state, kw_finding_get_id (finding));
  position->placed = entry != NULL && entry->placed;
  position->impact = entry != NULL ? entry->impact : 0;
  position->effort = entry != NULL ? entry->effort : 0;
}

static double
ease_out_cubic (double t)
{
  double u = 1.0 - t;

  return 1.0 - u * u * u;
}

/* t from 0 (where the cards were) to 1 (the state shown). A finding that
 * is only on one side shows at its place there, appearing or going at
 * the half-way point. */
static void
apply_state (KwMatrix *self,
             double    t)
{
  double e = ease_out_cubic (t);

  for (guint i = 0; i < self->findings->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (self->findings, i);
      KwMatrixCard *card = kw_matrix_lookup_card (self, finding);
      StatePosition *from = g_hash_table_lookup (self->state_from, finding);
      StatePosition to;

      if (card == NULL)
        continue;

      target_position (self, finding, &to);
      if (t >= 1.0 || from == NULL)
        kw_matrix_card_set_state_position (card, self->shown_state != NULL, to.placed, to.impact, to.effort);
      else if (from->placed && to.placed)
        kw_matrix_card_set_state_position (card, TRUE, TRUE,
                                           from->impact + (to.impact - from->impact) * e,
                                           from->effort + (to.effort - from->effort) * e);
      else if (t < 0.5)
        kw_matrix_card_set_state_position (card, TRUE, from->placed, from->impact, from->effort);
      else
        kw_matrix_card_set_state_position (card, TRUE, to.placed, to.impact, to.effort);

      /* Its outcome and what a screen reader says of it once it is
       * there; on the way only whether it shows. */
      if (t >= 1.0)
        kw_matrix_update_card (self, card);
      else
        {
          double impact, effort;

          gtk_widget_set_visible (GTK_WIDGET (card), kw_matrix_card_get_shown_position (card, &impact, &effort));
        }
    }

  kw_matrix_queue_placement (self);
  kw_matrix_invalidate_markers (self);
}

static gboolean
state_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  KwMatrix *self = KW_MATRIX (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t;

  if (self->state_start_us == 0)
    self->state_start_us = now;
  t = CLAMP ((double) (now - self->state_start_us) / STATE_ANIMATION_US, 0.0, 1.0);

  apply_state (self, t);
  if (t < 1.0)
    return G_SOURCE_CONTINUE;

  self->state_tick_id = 0;
  g_hash_table_remove_all (self->state_from);
  return G_SOURCE_REMOVE;
}

static void
update_caption (KwMatrix *self)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->shown_state == NULL)
    {
      gtk_widget_set_visible (self->state_caption, FALSE);
      return;
    }

  when = kw_snapshot_dup_display_time (self->shown_state);
  /* Translators: in the presentation, which snapshot the matrix shows:
   * its name, then when it was taken. */
  text = g_strdup_printf (_("Snapshot: %s (%s)"), kw_snapshot_get_name (self->shown_state), when);
  gtk_label_set_label (GTK_LABEL (self->state_caption), text);
  gtk_widget_set_visible (self->state_caption, TRUE);
}

void
kw_matrix_show_snapshot (KwMatrix   *self,
                         KwSnapshot *snapshot,
                         gboolean    animate)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (snapshot == NULL || KW_IS_SNAPSHOT (snapshot));

  if (self->shown_state == snapshot)
    return;

  /* Start from where the cards are on screen now, mid-animation too. */
  g_hash_table_remove_all (self->state_from);
  for (guint i = 0; animate && self->findings != NULL && i < self->findings->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (self->findings, i);
      KwMatrixCard *card = kw_matrix_lookup_card (self, finding);
      StatePosition *from = g_new0 (StatePosition, 1);

      if (card != NULL)
        from->placed = kw_matrix_card_get_shown_position (card, &from->impact, &from->effort);
      g_hash_table_insert (self->state_from, g_object_ref (finding), from);
    }

  g_set_object (&self->shown_state, snapshot);
  update_caption (self);
  if (self->board != NULL)
    {
      KwThresholds thresholds;

      if (snapshot != NULL)
        kw_snapshot_get_thresholds (snapshot, &thresholds);
      else
        kw_board_get_thresholds (self->board, &thresholds);
      kw_matrix_set_shown_thresholds (self, &thresholds);
    }
  /* Another moment's board is looked at, not edited. */
  if (snapshot != NULL && self->pointer_mode != POINTER_NONE)
    kw_matrix_pointer_cancel (self);

  if (self->findings == NULL)
    return;

  if (animate && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      adw_get_enable_animations (GTK_WIDGET (self)))
    {
      self->state_start_us = 0;
      if (self->state_tick_id == 0)
        self->state_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), state_tick_cb, NULL, NULL);
      return;
    }

  if (self->state_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->state_tick_id);
      self->state_tick_id = 0;
    }
  g_hash_table_remove_all (self->state_from);
  apply_state (self, 1.0);
}

/* Page Down: the next snapshot, then now; Page Up: back, from now to the
 * latest snapshot. TRUE when the board has snapshots to step through. */
gboolean
kw_matrix_step_snapshot (KwMatrix *self,
                         int       direction)
{
  GListModel *snapshots;
  guint n, position;

  if (self->board == NULL)
    return FALSE;

  snapshots = kw_board_get_snapshots (self->board);
  n = g_list_model_get_n_items (snapshots);
  if (n == 0)
    return FALSE;

  /* Positions 0 … n - 1 are the snapshots, n is now. */
  position = n;
  for (guint i = 0; self->shown_state != NULL && i < n; i++)
    {
      g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (snapshots, i);

      if (snapshot == self->shown_state)
        position = i;
    }

  if (direction < 0 && position > 0)
    position--;
  else if (direction > 0 && position < n)
    position++;

  if (position == n)
    kw_matrix_show_snapshot (self, NULL, TRUE);
  else
    {
      g_autoptr(KwSnapshot) snapshot = g_list_model_get_item (snapshots, position);

      kw_matrix_show_snapshot (self, snapshot, TRUE);
    }

  return TRUE;
}

void
kw_matrix_allocate_state_caption (KwMatrix *self,
                                  int       width,
                                  int       height)
{
  int minimum, natural, h;
  double pad = self->base_layout.text_size;

  if (!gtk_widget_get_visible (self->state_caption))
    return;

  gtk_widget_measure (self->state_caption, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  natural = MIN (MAX (natural, minimum), width);
  gtk_widget_measure (self->state_caption, GTK_ORIENTATION_VERTICAL, natural, &h, NULL, NULL, NULL);
  /* Bottom right, beside the effort axis's name: over no zone and no
   * finding. */
  gtk_widget_size_allocate (self->state_caption,
                            &(GtkAllocation) { (int) MAX (0, width - natural - pad / 2), MAX (0, height - h - (int) (pad / 4)),
                                               natural, h },
                            -1);
}

void
kw_matrix_compare_init (KwMatrix *self)
{
  self->state_from = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->state_caption = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->state_caption, "kw-matrix-state");
  gtk_label_set_ellipsize (GTK_LABEL (self->state_caption), PANGO_ELLIPSIZE_END);
  gtk_widget_set_visible (self->state_caption, FALSE);
  gtk_widget_set_parent (self->state_caption, GTK_WIDGET (self));
}

void
kw_matrix_compare_dispose (KwMatrix *self)
{
  if (self->state_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->state_tick_id);
      self->state_tick_id = 0;
    }
  g_clear_pointer (&self->state_from, g_hash_table_unref);
  g_clear_pointer (&self->state_caption, gtk_widget_unparent);
  g_clear_object (&self->shown_state);
  g_clear_object (&self->changes);
  kw_matrix_forget_changes_drawing (self);
}
