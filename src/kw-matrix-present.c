/* kw-matrix-present.c: the matrix on the projector. Keys 1 to 5 (or a
 * click on a zone's name) zoom into one outcome's zone with its findings'
 * whole titles; Tab and the arrow keys step through the findings one at a
 * time, the current one shown large beside the matrix (title,
 * description, owner, due date), so the room discusses one item at a
 * time; Page Up and Page Down step through the board's snapshots (or, with
 * none or with Shift, turn the legend's pages); Escape goes back to the whole
 * matrix, and only then leaves the presentation (the window's Escape).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-matrix-private.h"
#include "kw-plan-text.h"

static GtkWidget *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

/* The panel is a column: what is said of the finding scrolls when it is
 * longer than the screen (a long description, thirty participants'
 * estimates) rather than being cut off, and the round's countdown stays
 * at the bottom, always in view. */
void
kw_matrix_present_init (KwMatrix *self)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_add_css_class (column, "kw-matrix-current");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* A scrollbar always there when there is more: the room sees the text
   * goes on. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (column), scroller);
  self->current_title = add_label (box, "current-title");
  self->current_outcome = add_label (box, "current-outcome");
  self->current_description = add_label (box, "current-description");
  self->current_owner = add_label (box, "current-fact");
  self->current_due = add_label (box, "current-fact");

  gtk_widget_set_visible (column, FALSE);
  gtk_widget_set_parent (column, GTK_WIDGET (self));
  self->current_column = column;
  self->current_panel = box;
}

void
kw_matrix_set_vote_panel (KwMatrix  *self,
                          GtkWidget *panel)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  if (self->vote_panel != NULL)
    gtk_box_remove (GTK_BOX (self->current_column), self->vote_panel);
  self->vote_panel = panel;
  if (panel == NULL)
    return;
  /* Between what is said of the finding and the countdown: both the code
   * and the time left stay in view while the text scrolls. */
  gtk_widget_add_css_class (panel, "kw-matrix-vote");
  gtk_box_insert_child_after (GTK_BOX (self->current_column), panel,
                              gtk_widget_get_first_child (self->current_column));
}

static void
set_fact (GtkWidget  *label,
          const char *name,
          const char *value)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (label, value != NULL && *value != '\0');
  if (value == NULL || *value == '\0')
    return;

  /* Translators: a fact of the current finding in presentation, e.g.
   * "Owner: Anna". */
  text = g_strdup_printf (_("%s: %s"), name, value);
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
fill_current_panel (KwMatrix *self)
{
  KwFinding *finding = self->current;
  g_autofree char *due = NULL;

  if (finding == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (self->current_title), kw_finding_get_title (finding));
  gtk_label_set_text (GTK_LABEL (self->current_outcome),
                      kw_outcome_get_title (kw_board_classify_finding (self->board, finding)));
  gtk_label_set_text (GTK_LABEL (self->current_description), kw_finding_get_description (finding));
  gtk_widget_set_visible (self->current_description, *kw_finding_get_description (finding) != '\0');
  set_fact (self->current_owner, _("Owner"), kw_finding_get_owner (finding));
  due = kw_plan_text_format_iso_date (kw_finding_get_due_date (finding));
  set_fact (self->current_due, _("Due date"), due);
}

void
kw_matrix_set_current (KwMatrix  *self,
                       KwFinding *finding)
{
  if (!g_set_object (&self->current, finding))
    return;

  gtk_widget_set_visible (self->current_column, finding != NULL);
  fill_current_panel (self);
  /* The plot gets narrower to leave the panel its column. */
  kw_matrix_queue_placement (self);
}

void
kw_matrix_allocate_current (KwMatrix *self,
                            int       width,
                            int       height)
{
  double pad = self->base_layout.text_size;
  int x = (int) (self->base_layout.width + pad / 2);

  if (!gtk_widget_get_visible (self->current_column))
    return;

  gtk_widget_size_allocate (self->current_column,
                            &(GtkAllocation) { x, (int) pad, MAX (width - x - (int) pad, 1), MAX (height - 2 * (int) pad, 1) },
                            -1);
}

/* The findings shown now, in the plan's order (the order of their
 * numbers): those of the zone in focus, or all; not the done ones while
 * they are hidden. */
static GPtrArray *
collect_shown (KwMatrix *self)
{
  GPtrArray *shown = g_ptr_array_new ();
  KwPlan *plan = kw_matrix_get_plan (self);

  for (guint outcome = 0; plan != NULL && outcome < KW_OUTCOME_UNPLACED; outcome++)
    {
      GPtrArray *findings = plan->sections[outcome].findings;

      if (self->zoom != KW_OUTCOME_UNPLACED && self->zoom != outcome)
        continue;
      for (guint i = 0; i < findings->len; i++)
        {
          KwMatrixCard *card = kw_matrix_lookup_card (self, g_ptr_array_index (findings, i));

          if (card != NULL && gtk_widget_get_visible (GTK_WIDGET (card)))
            g_ptr_array_add (shown, g_ptr_array_index (findings, i));
        }
    }

  return shown;
}

static void
step (KwMatrix *self,
      int       direction)
{
  g_autoptr(GPtrArray) shown = collect_shown (self);
  guint index = 0;
  KwFinding *next;

  /* During a round the room goes through the round's findings. */
  if (kw_matrix_round_step (self, direction))
    return;
  if (shown->len == 0)
    return;

  if (self->current != NULL && g_ptr_array_find (shown, self->current, &index))
    index = (index + shown->len + direction) % shown->len;
  else
    index = direction > 0 ? 0 : shown->len - 1;

  next = g_ptr_array_index (shown, index);
  kw_matrix_set_current (self, next);
  /* The screen reader follows the card; focusing it selects it. */
  kw_matrix_focus_finding (self, next);
}

static void
zoom_to (KwMatrix  *self,
         KwOutcome  zoom)
{
  kw_matrix_set_current (self, NULL);
  kw_matrix_set_zoom (self, zoom);
}

static void
turn_legend_page (KwMatrix *self,
                  int       direction)
{
  guint n = self->placement != NULL ? MAX (self->placement->n_legend_pages, 1) : 1;

  self->legend_page = (self->legend_page + n + direction) % n;
  kw_matrix_invalidate_background (self);
}

gboolean
kw_matrix_present_handle_key (KwMatrix        *self,
                              guint            keyval,
                              GdkModifierType  state)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if (!self->presentation || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_KP_1:
    case GDK_KEY_2: case GDK_KEY_KP_2:
    case GDK_KEY_3: case GDK_KEY_KP_3:
    case GDK_KEY_4: case GDK_KEY_KP_4:
    case GDK_KEY_5: case GDK_KEY_KP_5:
      {
        guint digit = keyval >= GDK_KEY_KP_0 ? keyval - GDK_KEY_KP_1 : keyval - GDK_KEY_1;

        zoom_to (self, (KwOutcome) digit);
        return GDK_EVENT_STOP;
      }
    case GDK_KEY_Escape:
      if (self->zoom == KW_OUTCOME_UNPLACED && self->current == NULL)
        return GDK_EVENT_PROPAGATE;
      zoom_to (self, KW_OUTCOME_UNPLACED);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      step (self, shift ? -1 : 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_ISO_Left_Tab:
      step (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      step (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      step (self, -1);
      return GDK_EVENT_STOP;
    /* Page Up and Page Down step through the board's snapshots when it
     * has any; the legend's pages then turn with Shift. */
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down:
      if (shift || !kw_matrix_step_snapshot (self, 1))
        turn_legend_page (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      if (shift || !kw_matrix_step_snapshot (self, -1))
        turn_legend_page (self, -1);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* A click on a zone's name zooms into that zone. */
gboolean
kw_matrix_zoom_at (KwMatrix *self,
                   double    x,
                   double    y)
{
  if (!self->presentation || self->placement == NULL || self->zoom != KW_OUTCOME_UNPLACED)
    return FALSE;

  for (guint z = 0; z < self->placement->n_zone_labels; z++)
    {
      const KwMatrixRect *r = &self->placement->zone_labels[z].rect;

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        {
          zoom_to (self, self->placement->zone_labels[z].outcome);
          return TRUE;
        }
    }

  return FALSE;
}
