/* kw-matrix-round.c: the matrix during a blind round and after it.
 *
 * While the round is open, the current finding carries a chip per
 * participant by its card: filled for who has given an estimate, hollow
 * for who has not, with "2 of 3 in"; never a value (the round holds them
 * apart from the board until the reveal). The screen reader hears each
 * estimate come in, and the matrix's description says who is in.
 *
 * Revealed, the estimates fly out of their findings on the frame clock
 * (kw-matrix-spreads.c draws them, and the spreads).
 *
 * In the presentation, the round's current finding is the one shown large
 * beside the matrix, with who is in and the countdown; Tab and the arrows
 * step through the round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-round"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kw-a11y.h"
#include "kw-matrix-private.h"
#include "kw-matrix-spread.h"

#define REVEAL_US (700 * G_TIME_SPAN_MILLISECOND)
/* Chips in a row by the card before the next row starts. */
#define CHIPS_PER_ROW 10



gboolean
kw_matrix_round_is_open (KwMatrix *self)
{
  return self->round != NULL && kw_round_get_state (self->round) == KW_ROUND_OPEN;
}

/* ---- Initials ----------------------------------------------------------- */

/* "Anna de Vries" → "AV", "Bram" → "B": the first letters of the first
 * and last words. */
char *
kw_matrix_dup_initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t-", -1);
  GString *initials = g_string_new (NULL);
  const char *first = NULL, *last = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      /* Lower-case words ("de", "van") are not part of the initials. */
      if (*words[i] == '\0' || (first != NULL && g_unichar_islower (g_utf8_get_char (words[i]))))
        continue;
      if (first == NULL)
        first = words[i];
      else
        last = words[i];
    }
  if (first == NULL)
    first = name;

  g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));

  return g_string_free (initials, FALSE);
}

void
kw_matrix_show_centered_text (cairo_t     *cr,
                              PangoLayout *layout,
                              const char  *text,
                              double       x,
                              double       y)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width / 2.0, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
  /* No current point left for the next shape to start from. */
  cairo_new_path (cr);
}

PangoLayout *
kw_matrix_create_initials_layout (KwMatrix *self,
                                  double    pixel_size)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, MAX (pixel_size, 6) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  KwMatrix *self = KW_MATRIX (widget);
  gint64 elapsed = gdk_frame_clock_get_frame_time (clock) - self->reveal_start_us;

  self->reveal_progress = CLAMP ((double) elapsed / REVEAL_US, 0, 1);
  kw_matrix_forget_round_drawing (self);
  if (self->reveal_progress < 1)
    return G_SOURCE_CONTINUE;

  self->reveal_tick_id = 0;
  g_object_notify (G_OBJECT (self), "revealing");

  return G_SOURCE_REMOVE;
}

static void
stop_reveal (KwMatrix *self)
{
  if (self->reveal_tick_id == 0)
    return;

  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
  self->reveal_tick_id = 0;
  kw_matrix_forget_round_drawing (self);
  g_object_notify (G_OBJECT (self), "revealing");
}

/* All at once: every marker flies out of its finding. Without animations
 * (or off screen) they are simply there. */
static void
start_reveal (KwMatrix *self)
{
  stop_reveal (self);
  self->show_spreads = TRUE;
  kw_matrix_forget_round_drawing (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !adw_get_enable_animations (GTK_WIDGET (self)))
    return;

  self->reveal_progress = 0;
  self->reveal_start_us = g_get_monotonic_time ();
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

    if (clock != NULL)
      self->reveal_start_us = gdk_frame_clock_get_frame_time (clock);
  }
  self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
  g_object_notify (G_OBJECT (self), "revealing");
}

gboolean
kw_matrix_get_revealing (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  return self->reveal_tick_id != 0;
}

gboolean
kw_matrix_get_show_spreads (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), FALSE);

  return self->show_spreads;
}

void
kw_matrix_set_show_spreads (KwMatrix *self,
                            gboolean  show_spreads)
{
  g_return_if_fail (KW_IS_MATRIX (self));

  show_spreads = !!show_spreads;
  if (self->show_spreads == show_spreads)
    return;

  self->show_spreads = show_spreads;
  kw_matrix_forget_round_drawing (self);
  g_object_notify (G_OBJECT (self), "show-spreads");
}

/* ---- Who is in: chips by the current finding ---------------------------- */

/* Where the chips go: beside the current finding's label where they cover
 * the fewest other titles (below it when nothing is in the way), in one
 * row or folded into two or three when that covers less; at the top of
 * the plot for a finding in the tray. Returns the chips a row; *covered
 * is the area of other titles they still cover. */
static guint
place_chips (KwMatrix     *self,
             KwFinding    *finding,
             guint         n,
             double        size,
             double        gap,
             double        text_width,
             KwMatrixRect *placed,
             double       *covered)
{
  KwMatrixCard *card = kw_matrix_lookup_card (self, finding);
  KwMatrixRect box;
  KwMatrixRect widget = { 0, 0, self->layout.width, self->layout.height };
  g_autoptr(GArray) titles = NULL;
  guint best_columns = MIN (n, CHIPS_PER_ROW);
  double best = G_MAXDOUBLE;

  *covered = 0;
  if (card == NULL || !gtk_widget_get_visible (GTK_WIDGET (card)) || !kw_matrix_get_label_box (self, card, &box))
    {
      *placed = (KwMatrixRect) { self->layout.plot.x + self->layout.text_size,
                                 self->layout.plot.y + self->layout.text_size,
                                 best_columns * (size + gap) + text_width + 2 * gap,
                                 ((n + best_columns - 1) / best_columns) * (size + gap) + gap };
      return best_columns;
    }
  titles = kw_matrix_collect_title_rects (self);
  for (guint rows = 1; rows <= 3 && best > 0; rows++)
    {
      guint columns = MIN ((n + rows - 1) / rows, CHIPS_PER_ROW);
      double width = columns * (size + gap) + text_width + 2 * gap;
      double height = ((n + columns - 1) / columns) * (size + gap) + gap;
      KwMatrixRect rect;
      double area = kw_matrix_rect_place_beside (&box, width, height, self->layout.text_size * 0.3,
                                                 (KwMatrixRect *) titles->data, titles->len, &widget, &rect);

      if (area < best)
        {
          best = area;
          best_columns = columns;
          *placed = rect;
        }
    }
  *covered = best;
  return best_columns;
}

static char *
dup_count_text (KwMatrix  *self,
                KwFinding *finding)
{
  guint n = kw_participant_list_get_n_items (kw_board_get_participants (self->board));
  guint in = kw_round_count_submitted (self->round, finding);

  /* Translators: how many participants have given an estimate of the
   * current finding in a blind round, "2 of 3 in". */
  return g_strdup_printf (_("%u of %u in"), in, n);
}

void
kw_matrix_draw_round_chips (KwMatrix    *self,
                            GtkSnapshot *snapshot)
{
  KwParticipantList *participants;
  KwFinding *finding;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *count = NULL;
  double size, x, y, gap, width, height, covered;
  KwMatrixRect placed = { 0 };
  guint n, columns;
  GdkRGBA accent = { 0.102, 0.373, 0.706, 1 };
  cairo_t *cr;

  if (!kw_matrix_round_is_open (self) || self->board == NULL || self->placement == NULL)
    return;
  finding = kw_round_get_current (self->round);
  participants = kw_board_get_participants (self->board);
  n = kw_participant_list_get_n_items (participants);
  if (finding == NULL || n == 0)
    return;

  size = self->layout.text_size * 1.9;
  gap = size * 0.2;
  layout = kw_matrix_create_initials_layout (self, size * 0.42);
  count = dup_count_text (self, finding);
  pango_layout_set_text (layout, count, -1);
  {
    int text_width, text_height;

    pango_layout_get_pixel_size (layout, &text_width, &text_height);
    columns = place_chips (self, finding, n, size, gap, text_width, &placed, &covered);
  }
  /* On the projector the panel beside the matrix says who is in: there
   * the chips give way rather than cover a title. */
  if (self->presentation && covered > 0)
    return;
  x = placed.x;
  y = placed.y;
  width = placed.width;
  height = placed.height;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, width, height));
  /* A white plate under it all: readable over zones, lines and cards. */
  cairo_rectangle (cr, x, y, width, height);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill (cr);
  for (guint i = 0; i < n; i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (participants, i);
      gboolean in = kw_round_has_submitted (self->round, finding, kw_participant_get_id (participant));
      g_autofree char *initials = kw_matrix_dup_initials (kw_participant_get_name (participant));
      double cx = x + gap + (i % columns) * (size + gap) + size / 2;
      double cy = y + gap + (i / columns) * (size + gap) + size / 2;

      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, size / 2 - 1.5, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 3);
      if (in)
        cairo_fill_preserve (cr);
      cairo_stroke (cr);
      if (in)
        cairo_set_source_rgb (cr, 1, 1, 1);
      kw_matrix_show_centered_text (cr, layout, initials, cx, cy);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  kw_matrix_show_centered_text (cr, layout, count,
                      x + gap + columns * (size + gap) + (width - gap - columns * (size + gap)) / 2,
                      y + gap + size / 2);
  cairo_destroy (cr);
}

/* ---- What the screen reader hears -------------------------------------- */

static void
append_names (GString           *text,
              KwMatrix          *self,
              KwFinding         *finding,
              gboolean           given)
{
  KwParticipantList *participants = kw_board_get_participants (self->board);
  gboolean first = TRUE;

  for (guint i = 0; i < kw_participant_list_get_n_items (participants); i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (participants, i);

      if (kw_round_has_submitted (self->round, finding, kw_participant_get_id (participant)) != given)
        continue;
      if (!first)
        g_string_append (text, ", ");
      g_string_append (text, kw_participant_get_name (participant));
      first = FALSE;
    }
}

/* Revealed: each participant's estimate and the median, as the markers
 * show them. */
static void
append_estimates (GString   *text,
                  KwMatrix  *self,
                  KwFinding *finding)
{
  KwParticipantList *participants = kw_board_get_participants (self->board);
  KwEstimateSummary summary;

  for (guint i = 0; i < kw_participant_list_get_n_items (participants); i++)
    {
      KwParticipant *participant = kw_participant_list_get_participant (participants, i);
      KwEstimate estimate;

      if (!kw_finding_get_estimate (finding, kw_participant_get_id (participant), &estimate))
        continue;
      if (estimate.known)
        /* Translators: one participant's revealed estimate. */
        g_string_append_printf (text, _("%s: impact %.1f, effort %.1f. "),
                                kw_participant_get_name (participant), estimate.impact, estimate.effort);
      else
        /* Translators: a participant who said "no idea", revealed. */
        g_string_append_printf (text, _("%s: no idea. "), kw_participant_get_name (participant));
    }
  if (kw_finding_summarize_estimates (finding, &summary))
    /* Translators: the group's median after a reveal. */
    g_string_append_printf (text, _("Median impact %.1f, effort %.1f."), summary.median_impact, summary.median_effort);
}

char *
kw_matrix_dup_round_description (KwMatrix *self)
{
  g_autoptr(GString) text = g_string_new (_(KW_MATRIX_DESCRIPTION));
  KwFinding *finding = self->round != NULL ? kw_round_get_current (self->round) : NULL;

  if (finding != NULL && kw_matrix_round_is_open (self))
    {
      g_autofree char *count = dup_count_text (self, finding);

      /* Translators: the matrix's description during a blind round. */
      g_string_append_printf (text, _(" Round on “%s”: %s."), kw_finding_get_title (finding), count);
      if (kw_round_count_submitted (self->round, finding) > 0)
        {
          g_string_append (text, " ");
          g_string_append (text, _("Given:"));
          g_string_append (text, " ");
          append_names (text, self, finding, TRUE);
          g_string_append (text, ".");
        }
    }
  else if (finding != NULL && kw_finding_get_n_estimates (finding) > 0)
    {
      /* Translators: the matrix's description after a reveal. */
      g_string_append_printf (text, _(" Estimates of “%s”: "), kw_finding_get_title (finding));
      append_estimates (text, self, finding);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
describe_round (KwMatrix *self)
{
  g_autofree char *text = kw_matrix_dup_round_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* ---- The presentation's panel ------------------------------------------ */

static void
update_countdown (KwMatrix *self)
{
  g_autofree char *text = NULL;
  gboolean up;

  if (self->round != NULL)
    text = kw_round_format_time_left (self->round, g_get_monotonic_time ());
  gtk_widget_set_visible (self->current_countdown, text != NULL);
  if (text == NULL)
    return;

  up = kw_round_get_seconds_left (self->round, g_get_monotonic_time ()) == 0;
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->current_countdown)), text) != 0)
    gtk_label_set_text (GTK_LABEL (self->current_countdown), text);
  if (up)
    gtk_widget_add_css_class (self->current_countdown, "time-up");
  else
    gtk_widget_remove_css_class (self->current_countdown, "time-up");
}

static gboolean
countdown_tick_cb (gpointer user_data)
{
  KwMatrix *self = user_data;

  update_countdown (self);
  if (self->round != NULL && kw_round_get_seconds_left (self->round, g_get_monotonic_time ()) > 0)
    return G_SOURCE_CONTINUE;

  self->countdown_id = 0;
  return G_SOURCE_REMOVE;
}

static void
follow_deadline (KwMatrix *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  update_countdown (self);
  /* Four looks a second: the seconds turn within a quarter of one. */
  if (self->round != NULL && kw_round_get_seconds_left (self->round, g_get_monotonic_time ()) > 0)
    self->countdown_id = g_timeout_add (250, countdown_tick_cb, self);
}

static void
update_round_count (KwMatrix  *self,
                    KwFinding *finding)
{
  g_autofree char *count = NULL;

  if (finding != NULL && kw_matrix_round_is_open (self))
    count = dup_count_text (self, finding);
  gtk_label_set_text (GTK_LABEL (self->current_count), count != NULL ? count : "");
  gtk_widget_set_visible (self->current_count, count != NULL);
}

static void
update_round_panel (KwMatrix *self)
{
  KwFinding *finding = self->round != NULL ? kw_round_get_current (self->round) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (finding != NULL && kw_matrix_round_is_open (self))
    {
      g_autofree char *count = dup_count_text (self, finding);

      g_string_append (text, count);
      if (kw_round_count_submitted (self->round, finding) > 0)
        {
          g_string_append (text, ": ");
          append_names (text, self, finding, TRUE);
        }
    }
  else if (finding != NULL)
    append_estimates (text, self, finding);

  gtk_label_set_text (GTK_LABEL (self->current_round), text->str);
  gtk_widget_set_visible (self->current_round, text->len > 0);
  update_round_count (self, finding);
}

/* In the presentation, the round's current finding is the one in focus. */
static void
present_current (KwMatrix *self)
{
  KwFinding *finding = self->round != NULL ? kw_round_get_current (self->round) : NULL;

  if (!self->presentation || finding == NULL)
    return;

  kw_matrix_set_current (self, finding);
  kw_matrix_focus_finding (self, finding);
}

void
kw_matrix_round_presentation_changed (KwMatrix *self)
{
  present_current (self);
}

gboolean
kw_matrix_round_step (KwMatrix *self,
                      int       direction)
{
  if (self->round == NULL)
    return FALSE;

  kw_round_step_current (self->round, direction);
  /* At either end it stays: still the round's finding in focus. */
  present_current (self);

  return TRUE;
}

/* ---- Following the round ------------------------------------------------ */

static void
round_changed (KwMatrix *self)
{
  g_clear_handle_id (&self->round_idle_id, g_source_remove);
  describe_round (self);
  update_round_panel (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
round_changed_idle_cb (gpointer user_data)
{
  KwMatrix *self = user_data;

  self->round_idle_id = 0;
  round_changed (self);

  return G_SOURCE_REMOVE;
}

/* The board changed: estimates may have come or gone (a reveal, its
 * undo). Told once for a reveal's thousands of changes. */
void
kw_matrix_round_board_changed (KwMatrix *self)
{
  kw_matrix_clear_spread_nodes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->round != NULL && self->round_idle_id == 0)
    self->round_idle_id = g_idle_add (round_changed_idle_cb, self);
}

static void
submitted_cb (KwMatrix   *self,
              KwFinding  *finding,
              const char *participant_id,
              KwRound    *round)
{
  KwParticipant *participant = kw_participant_list_lookup (kw_board_get_participants (self->board), participant_id);
  g_autofree char *message = NULL;

  round_changed (self);
  if (participant == NULL || finding != kw_round_get_current (round))
    return;

  if (kw_round_has_submitted (round, finding, participant_id))
    /* Translators: said by the screen reader in a blind round. */
    message = g_strdup_printf (_("%s has given an estimate"), kw_participant_get_name (participant));
  else
    /* Translators: said by the screen reader in a blind round. */
    message = g_strdup_printf (_("%s has taken back an estimate"), kw_participant_get_name (participant));
  kw_a11y_announce (GTK_WIDGET (self), message);
}

static void
current_cb (KwMatrix *self)
{
  /* Its spread comes to the front. */
  kw_matrix_forget_round_drawing (self);
  round_changed (self);
  present_current (self);
}

static void
state_cb (KwMatrix *self)
{
  if (kw_round_get_state (self->round) == KW_ROUND_REVEALED)
    {
      start_reveal (self);
      g_object_notify (G_OBJECT (self), "show-spreads");
    }
  round_changed (self);
}

KwRound *
kw_matrix_get_round (KwMatrix *self)
{
  g_return_val_if_fail (KW_IS_MATRIX (self), NULL);

  return self->round;
}

void
kw_matrix_set_round (KwMatrix *self,
                     KwRound  *round)
{
  g_return_if_fail (KW_IS_MATRIX (self));
  g_return_if_fail (round == NULL || KW_IS_ROUND (round));

  if (self->round == round)
    return;

  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  stop_reveal (self);
  g_set_object (&self->round, round);
  if (round != NULL)
    {
      g_signal_connect_swapped (round, "submitted", G_CALLBACK (submitted_cb), self);
      g_signal_connect_swapped (round, "notify::current", G_CALLBACK (current_cb), self);
      g_signal_connect_swapped (round, "notify::state", G_CALLBACK (state_cb), self);
      g_signal_connect_swapped (round, "notify::deadline", G_CALLBACK (follow_deadline), self);
    }
  else if (self->presentation)
    kw_matrix_set_current (self, NULL);

  follow_deadline (self);
  round_changed (self);
  present_current (self);
  kw_matrix_forget_round_drawing (self);
  g_object_notify (G_OBJECT (self), "round");
}

void
kw_matrix_round_init (KwMatrix *self)
{
  self->show_spreads = TRUE;

  self->current_round = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->current_round), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->current_round), 0);
  gtk_widget_add_css_class (self->current_round, "current-round");
  gtk_widget_set_visible (self->current_round, FALSE);
  gtk_box_append (GTK_BOX (self->current_panel), self->current_round);

  /* "3 of 7 in", out of the scrolled part: always in view, whatever the
   * length of the finding's description (the names are above, with it). */
  self->current_count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->current_count), 0);
  gtk_widget_add_css_class (self->current_count, "current-count");
  gtk_widget_set_visible (self->current_count, FALSE);
  gtk_box_append (GTK_BOX (self->current_column), self->current_count);

  self->current_countdown = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->current_countdown), 0);
  gtk_widget_add_css_class (self->current_countdown, "current-countdown");
  gtk_widget_set_visible (self->current_countdown, FALSE);
  /* Out of the scrolled part: always in view. */
  gtk_box_append (GTK_BOX (self->current_column), self->current_countdown);
}

void
kw_matrix_round_dispose (KwMatrix *self)
{
  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  g_clear_object (&self->round);
  if (self->reveal_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
  self->reveal_tick_id = 0;
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_handle_id (&self->round_idle_id, g_source_remove);
  kw_matrix_clear_spread_nodes (self);
  g_clear_pointer (&self->spreads_tiles, kw_matrix_tiles_free);
}
