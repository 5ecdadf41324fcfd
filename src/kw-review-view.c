/* kw-review-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-review-view"

#include "config.h"

#include <glib/gi18n.h>

#include "kw-a11y.h"
#include "kw-matrix-layout.h"
#include "kw-plan-row.h"
#include "kw-plan-text.h"
#include "kw-review-view.h"
#include "kw-score-pair.h"
#include "kw-text.h"

/* What the entry above the key hints asks for. */
typedef enum
{
  PROMPT_NONE,
  PROMPT_PLACE,
  PROMPT_DROP,
  PROMPT_DATE,
} Prompt;

struct _KwReviewView
{
  AdwBin      parent_instance;

  /* Template children */
  GtkStack   *pages;
  GtkLabel   *counter_label;
  GtkLabel   *title_label;
  GtkWidget  *outcome_box;
  GtkLabel   *outcome_label;
  GtkGrid    *facts_grid;
  GtkLabel   *decision_label;
  GtkWidget  *history_heading;
  GtkGrid    *history_grid;
  GtkDrawingArea *track_area;
  GtkWidget  *prompt_box;
  GtkLabel   *prompt_label;
  GtkEntry   *prompt_entry;
  GtkLabel   *prompt_error;
  GtkLabel   *keys_label;
  AdwStatusPage *summary_page;
  GtkWidget  *close_button;
  GtkLabel   *summary_keys_label;

  KwReview   *review;
  GArray     *track;          /* of KwReviewMoment: the current finding's */
  Prompt      prompt;
  gboolean    large;          /* the "review-large" class applies */
  guint       large_idle_id;
};

G_DEFINE_FINAL_TYPE (KwReviewView, kw_review_view, ADW_TYPE_BIN)

enum {
  SIGNAL_CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Showing a finding ----------------------------------------------------- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A label in one cell (or the whole row, columns wide) of grid. */
static GtkWidget *
grid_label_span (GtkGrid    *grid,
                 const char *text,
                 int         column,
                 int         row,
                 int         columns,
                 const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (grid, label, column, row, columns, 1);

  return label;
}

static GtkWidget *
grid_label (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            const char *css_class)
{
  return grid_label_span (grid, text, column, row, 1, css_class);
}

static void
add_fact (KwReviewView *self,
          int           row,
          const char   *name,
          const char   *value)
{
  GtkWidget *value_label;

  grid_label (self->facts_grid, name, 0, row, "review-fact-name");
  /* An em dash where nothing is set, so the row does not look broken. */
  value_label = grid_label (self->facts_grid, value != NULL && *value != '\0' ? value : "—", 1, row, NULL);
  gtk_widget_set_hexpand (value_label, TRUE);
}

static void
fill_facts (KwReviewView *self,
            KwFinding    *finding)
{
  g_autofree char *impact = kw_plan_format_score (kw_finding_get_impact (finding));
  g_autofree char *effort = kw_plan_format_score (kw_finding_get_effort (finding));
  g_autofree char *review = kw_plan_text_format_iso_date (kw_finding_get_review_date (finding));
  const char *reason = kw_finding_get_drop_reason (finding);
  int row = 0;

  clear_grid (self->facts_grid);
  add_fact (self, row++, _("Impact"), impact);
  add_fact (self, row++, _("Effort"), effort);
  add_fact (self, row++, _("Owner"), kw_finding_get_owner (finding));
  add_fact (self, row++, _("Review date"), review);
  add_fact (self, row++, _("Status"), kw_status_get_label (kw_finding_get_status (finding)));
  if (reason != NULL && *reason != '\0')
    add_fact (self, row++, _("Reason to drop"), reason);
}

/* One row of the history: a snapshot's name and date (or "Now"), then
 * where the finding was. */
static void
add_history_row (KwReviewView *self,
                 int           row,
                 const char   *name,
                 const char   *date,
                 const char   *where)
{
  grid_label (self->history_grid, name, 0, row, "review-snapshot-name");
  /* Not dimmed: a projector washes out grey text. */
  grid_label (self->history_grid, date, 1, row, NULL);
  gtk_widget_set_hexpand (grid_label (self->history_grid, where, 2, row, NULL), TRUE);
}

static char *
describe_place (KwOutcome outcome,
                double    impact,
                double    effort,
                KwStatus  status)
{
  g_autofree char *shown_impact = kw_plan_format_score (impact);
  g_autofree char *shown_effort = kw_plan_format_score (effort);

  /* Translators: where a finding was in a snapshot: its outcome, its
   * impact / effort and its status, e.g. "Future list · 2.0 / 3.0 · Open". */
  return g_strdup_printf (_("%s · %s / %s · %s"), kw_outcome_get_singular_title (outcome), shown_impact,
                          shown_effort, kw_status_get_label (status));
}

static void
add_moment (KwReviewView         *self,
            int                   row,
            const KwReviewMoment *moment)
{
  g_autofree char *taken = kw_plan_text_format_date_time (kw_snapshot_get_taken (moment->snapshot));
  g_autofree char *where = NULL;

  if (!moment->present)
    where = g_strdup (_("not on the board"));
  else if (!moment->placed)
    where = g_strdup (kw_outcome_get_singular_title (KW_OUTCOME_UNPLACED));
  else
    where = describe_place (moment->outcome, moment->impact, moment->effort, moment->status);

  add_history_row (self, row, kw_snapshot_get_name (moment->snapshot), taken, where);
}

static void
fill_history (KwReviewView *self,
              KwFinding    *finding)
{
  KwBoard *board = kw_history_get_board (kw_review_get_history (self->review));
  GArray *track = kw_review_track_finding (board, finding);

  g_autofree char *today = kw_plan_text_format_iso_date (kw_review_get_today (self->review));
  g_autofree char *now = describe_place (kw_board_classify_finding (board, finding), kw_finding_get_impact (finding),
                                         kw_finding_get_effort (finding), kw_finding_get_status (finding));

  clear_grid (self->history_grid);
  for (guint i = 0; i < track->len; i++)
    add_moment (self, (int) i, &g_array_index (track, KwReviewMoment, i));

  if (track->len == 0)
    grid_label_span (self->history_grid, _("The board has no snapshots yet."), 0, 0, 3, NULL);
  /* Translators: the last row of a finding's history in review mode:
   * where it is today. */
  add_history_row (self, (int) MAX (track->len, 1), C_("review history", "Now"), today, now);

  g_clear_pointer (&self->track, g_array_unref);
  self->track = track;
  gtk_widget_queue_draw (GTK_WIDGET (self->track_area));
}

/* ---- The track: the finding's way over the snapshots on a small matrix ---- */

static void
set_source_color (cairo_t    *cr,
                  const char *color,
                  double      alpha)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, color);
  cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, alpha);
}

static void
draw_plot (cairo_t              *cr,
           const KwMatrixLayout *layout,
           const KwThresholds   *thresholds,
           gboolean              dark)
{
  KwMatrixZone zones[KW_MATRIX_N_ZONES];

  kw_matrix_layout_get_zones (layout, thresholds, zones);
  for (guint i = 0; i < KW_MATRIX_N_ZONES; i++)
    {
      set_source_color (cr, kw_outcome_get_color (zones[i].outcome, dark), KW_OUTCOME_ZONE_ALPHA * 2);
      cairo_rectangle (cr, zones[i].rect.x, zones[i].rect.y, zones[i].rect.width, zones[i].rect.height);
      cairo_fill (cr);
    }

  cairo_set_source_rgba (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.6);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < KW_MATRIX_N_LINES; i++)
    {
      double x1, y1, x2, y2;

      kw_matrix_layout_get_line (layout, thresholds, (KwMatrixLine) i, &x1, &y1, &x2, &y2);
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
    }
  cairo_rectangle (cr, layout->plot.x, layout->plot.y, layout->plot.width, layout->plot.height);
  cairo_stroke (cr);
}

/* Earlier spots small and hollow, joined in time order, ending in the
 * spot now, large and in its outcome's colour. */
static void
draw_track_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  KwReviewView *self = data;
  KwFinding *finding = self->review != NULL ? kw_review_get_current (self->review) : NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  KwBoard *board;
  KwThresholds thresholds;
  KwMatrixLayout layout;
  double x, y;
  gboolean first = TRUE;

  if (finding == NULL || self->track == NULL || !kw_finding_get_placed (finding))
    return;

  board = kw_history_get_board (kw_review_get_history (self->review));
  kw_board_get_thresholds (board, &thresholds);
  kw_matrix_layout_init (&layout, width, height, 1.0, FALSE);
  /* Only the plot: no scale or axis names, the facts beside it give the
   * numbers. */
  layout.plot = (KwMatrixRect) { 2, 2, width - 4, height - 4 };
  draw_plot (cr, &layout, &thresholds, dark);

  cairo_set_source_rgba (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.75);
  cairo_set_line_width (cr, 3);
  for (guint i = 0; i < self->track->len; i++)
    {
      const KwReviewMoment *moment = &g_array_index (self->track, KwReviewMoment, i);

      if (!moment->present || !moment->placed)
        continue;
      kw_matrix_layout_score_to_point (&layout, moment->impact, moment->effort, &x, &y);
      if (first)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      first = FALSE;
    }
  kw_matrix_layout_score_to_point (&layout, kw_finding_get_impact (finding), kw_finding_get_effort (finding), &x, &y);
  if (!first)
    {
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->track->len; i++)
    {
      const KwReviewMoment *moment = &g_array_index (self->track, KwReviewMoment, i);
      double sx, sy;

      if (!moment->present || !moment->placed)
        continue;
      kw_matrix_layout_score_to_point (&layout, moment->impact, moment->effort, &sx, &sy);
      cairo_new_sub_path (cr);
      cairo_arc (cr, sx, sy, 6, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, dark ? 0.2 : 1, dark ? 0.2 : 1, dark ? 0.2 : 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.75);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, 12, 0, 2 * G_PI);
  set_source_color (cr, kw_outcome_get_color (kw_board_classify_finding (board, finding), dark), 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
}

static const char *
decision_name (KwReviewDecision decision)
{
  switch (decision)
    {
    case KW_REVIEW_KEEP:
      return C_("review decision", "kept");
    case KW_REVIEW_PLACE:
      return C_("review decision", "moved");
    case KW_REVIEW_DONE:
      return C_("review decision", "done");
    case KW_REVIEW_DROP:
      return C_("review decision", "dropped");
    case KW_REVIEW_RESCHEDULE:
      return C_("review decision", "new review date");
    default:
      return "";
    }
}

/* The outcome's name after a dot in its colour (the class named after
 * the outcome colours it, as in the outcome lists). */
static void
show_outcome (KwReviewView *self,
              KwOutcome     outcome)
{
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    gtk_widget_remove_css_class (self->outcome_box, kw_outcome_to_id ((KwOutcome) i));
  gtk_widget_add_css_class (self->outcome_box, kw_outcome_to_id (outcome));
  gtk_label_set_text (self->outcome_label, kw_outcome_get_singular_title (outcome));
}

/* "Finding 2 of 5" */
static char *
counter_text (KwReviewView *self)
{
  return g_strdup_printf (_("Finding %u of %u"), kw_review_get_position (self->review) + 1,
                          kw_review_get_n_findings (self->review));
}

/* What a screen reader says of the finding: "Finding 2 of 5: Title.
 * Impact 2.0, effort 3.0, future list". */
static char *
describe_current (KwReviewView *self)
{
  KwFinding *finding = kw_review_get_current (self->review);
  KwBoard *board = kw_history_get_board (kw_review_get_history (self->review));
  g_autofree char *counter = counter_text (self);
  g_autofree char *impact = kw_score_format (kw_finding_get_impact (finding));
  g_autofree char *effort = kw_score_format (kw_finding_get_effort (finding));
  g_autofree char *position = NULL;

  /* The same words as a card on the matrix. */
  position = g_strdup_printf (_("Impact %s, effort %s, %s"), impact, effort,
                              kw_outcome_get_singular_name (kw_board_classify_finding (board, finding)));

  /* Translators: said for each finding of the review: "Finding 2 of 5:
   * Callback queue. Impact 2.0, effort 3.0, future list". */
  return g_strdup_printf (_("%s: %s. %s"), counter, kw_finding_get_title (finding), position);
}

static void
show_finding (KwReviewView *self)
{
  KwFinding *finding = kw_review_get_current (self->review);
  KwBoard *board = kw_history_get_board (kw_review_get_history (self->review));
  KwReviewDecision decision;
  g_autofree char *counter = counter_text (self);

  gtk_label_set_text (self->counter_label, counter);
  gtk_label_set_text (self->title_label, kw_finding_get_title (finding));
  show_outcome (self, kw_board_classify_finding (board, finding));
  fill_facts (self, finding);
  fill_history (self, finding);

  if (kw_review_get_decision (self->review, kw_review_get_position (self->review), &decision))
    {
      /* Translators: on a finding already decided on in this review,
       * e.g. "Decided in this review: kept". */
      g_autofree char *text = g_strdup_printf (_("Decided in this review: %s"), decision_name (decision));

      gtk_label_set_text (self->decision_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->decision_label),
                          kw_review_get_decision (self->review, kw_review_get_position (self->review), NULL));
  gtk_stack_set_visible_child_name (self->pages, "finding");
}

static void
show_summary (KwReviewView *self)
{
  g_autofree char *summary = kw_review_dup_summary (self->review);

  adw_status_page_set_description (self->summary_page, summary);
  gtk_stack_set_visible_child_name (self->pages, "summary");
}

/* Shows where the review is and says it, after what just happened
 * (said first; may be NULL). */
static void
show_and_announce (KwReviewView *self,
                   const char   *before)
{
  g_autofree char *state = NULL;
  g_autofree char *message = NULL;

  if (self->review == NULL)
    return;

  if (kw_review_is_finished (self->review))
    {
      g_autofree char *summary = kw_review_dup_summary (self->review);

      show_summary (self);
      /* Translators: said when the review is over: "Review finished. 4
       * findings reviewed: …". */
      state = g_strdup_printf (_("Review finished. %s"), summary);
    }
  else
    {
      show_finding (self);
      state = describe_current (self);
    }

  message = before != NULL ? g_strdup_printf ("%s. %s", before, state) : g_steal_pointer (&state);
  kw_a11y_announce (GTK_WIDGET (self), message);
  /* At the end, Enter (or Space) closes. */
  if (kw_review_is_finished (self->review))
    gtk_widget_grab_focus (self->close_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* ---- Asking for a position, a reason or a date ----------------------------- */

static void
close_prompt (KwReviewView *self)
{
  self->prompt = PROMPT_NONE;
  gtk_widget_set_visible (self->prompt_box, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
open_prompt (KwReviewView *self,
             Prompt        prompt)
{
  g_autofree char *example = NULL;
  g_autofree char *text = NULL;

  if (kw_review_is_finished (self->review))
    return;

  self->prompt = prompt;
  switch (prompt)
    {
    case PROMPT_PLACE:
      text = g_strdup (_("New _impact and effort, such as “8 2,5”; Enter places, Escape cancels"));
      break;
    case PROMPT_DROP:
      text = g_strdup (_("_Why is it dropped? Enter drops, Escape cancels"));
      break;
    case PROMPT_DATE:
      example = kw_date_entry_example ();
      /* Translators: %s is a date as typed, e.g. "22-11-2026". */
      text = g_strdup_printf (_("Next _review date, such as %s; Enter sets it, Escape cancels"), example);
      break;
    case PROMPT_NONE:
    default:
      return;
    }

  gtk_label_set_text_with_mnemonic (self->prompt_label, text);
  gtk_editable_set_text (GTK_EDITABLE (self->prompt_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_error), FALSE);
  gtk_widget_set_visible (self->prompt_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->prompt_entry));
  kw_a11y_announce (GTK_WIDGET (self), gtk_label_get_text (self->prompt_label));
}

static void
show_error (KwReviewView *self,
            const GError *error)
{
  if (self->prompt != PROMPT_NONE)
    {
      gtk_label_set_text (self->prompt_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->prompt_error), TRUE);
    }
  else
    {
      gtk_label_set_text (self->decision_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->decision_label), TRUE);
    }
  kw_a11y_announce (GTK_WIDGET (self), error->message);
}

/* After a decision: what it did, then the next finding or the summary. */
static void
decided (KwReviewView *self,
         gboolean      ok,
         const GError *error)
{
  if (!ok)
    {
      show_error (self, error);
      return;
    }

  if (self->prompt != PROMPT_NONE)
    close_prompt (self);
  show_and_announce (self, kw_review_get_last_message (self->review));
}

static void
prompt_activate_cb (KwReviewView *self,
                    GtkEntry     *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;
  double impact, effort;

  switch (self->prompt)
    {
    case PROMPT_PLACE:
      ok = kw_score_pair_parse (text, &impact, &effort, &error) &&
           kw_review_place (self->review, impact, effort, &error);
      break;
    case PROMPT_DROP:
      ok = kw_review_drop (self->review, text, &error);
      break;
    case PROMPT_DATE:
      ok = kw_review_reschedule (self->review, text, &error);
      break;
    case PROMPT_NONE:
    default:
      return;
    }

  decided (self, ok, error);
}

/* ---- Keys ---------------------------------------------------------------- */

static void
undo (KwReviewView *self)
{
  g_autofree char *label = g_strdup (kw_review_get_undo_label (self->review));
  g_autofree char *message = NULL;

  if (self->prompt != PROMPT_NONE)
    close_prompt (self);

  if (kw_review_undo (self->review) == NULL)
    {
      kw_a11y_announce (GTK_WIDGET (self), _("Nothing of this review to undo"));
      return;
    }

  /* Translators: said after Ctrl+Z in review mode, e.g. "Undone: Review:
   * Keep". */
  message = g_strdup_printf (_("Undone: %s"), label);
  show_and_announce (self, message);
}

static gboolean
key_pressed_cb (KwReviewView          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->review == NULL)
    return FALSE;

  if (mods == GDK_CONTROL_MASK && (keyval == GDK_KEY_z || keyval == GDK_KEY_Z))
    {
      undo (self);
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape)
    {
      if (self->prompt != PROMPT_NONE)
        {
          close_prompt (self);
          kw_a11y_announce (GTK_WIDGET (self), _("Cancelled"));
        }
      else
        g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
      return TRUE;
    }

  /* Typing in the entry, or pressing the summary's button. */
  if (self->prompt != PROMPT_NONE || mods != 0 || kw_review_is_finished (self->review))
    {
      if (kw_review_is_finished (self->review) && mods == 0 && keyval == GDK_KEY_Left)
        {
          kw_review_back (self->review);
          show_and_announce (self, NULL);
          return TRUE;
        }
      return FALSE;
    }

  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_k:
      ok = kw_review_keep (self->review, &error);
      decided (self, ok, error);
      return TRUE;
    case GDK_KEY_d:
      ok = kw_review_done (self->review, &error);
      decided (self, ok, error);
      return TRUE;
    case GDK_KEY_p:
      open_prompt (self, PROMPT_PLACE);
      return TRUE;
    case GDK_KEY_x:
      open_prompt (self, PROMPT_DROP);
      return TRUE;
    case GDK_KEY_r:
      open_prompt (self, PROMPT_DATE);
      return TRUE;
    case GDK_KEY_s:
    case GDK_KEY_Right:
      kw_review_next (self->review);
      show_and_announce (self, _("Skipped"));
      return TRUE;
    case GDK_KEY_Left:
      kw_review_back (self->review);
      show_and_announce (self, NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The key hints under the finding: "K Keep   P New position   …". */
static char *
key_hints_markup (const char * const *hints)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; hints[i] != NULL; i += 2)
    {
      g_autofree char *key = g_markup_escape_text (hints[i], -1);
      g_autofree char *action = g_markup_escape_text (hints[i + 1], -1);
      g_auto(GStrv) words = g_strsplit (action, " ", -1);
      g_autofree char *unbroken = g_strjoinv ("\u00a0", words);

      if (i > 0)
        g_string_append (markup, "    ");
      /* Lines break between hints only, never inside one. */
      g_string_append_printf (markup, "<b>%s</b>\u00a0%s", key, unbroken);
    }

  return g_string_free (markup, FALSE);
}

/* The keys are shown as printed on the keyboard (and bound the same in
 * every language); what they do is translated. */
static void
set_key_hints (KwReviewView *self)
{
  const char *finding_hints[] = {
    "K", C_("review key hint", "Keep"),
    "P", C_("review key hint", "New position"),
    "D", C_("review key hint", "Done"),
    "X", C_("review key hint", "Drop"),
    "R", C_("review key hint", "Next review date"),
    "S / →", C_("review key hint", "Skip"),
    "←", C_("review key hint", "Back"),
    "Ctrl+Z", C_("review key hint", "Undo"),
    "Esc", C_("review key hint", "Leave"),
    NULL,
  };
  const char *summary_hints[] = {
    "←", C_("review key hint", "Back"),
    "Ctrl+Z", C_("review key hint", "Undo"),
    "Esc", C_("review key hint", "Leave"),
    NULL,
  };
  g_autofree char *finding_markup = key_hints_markup (finding_hints);
  g_autofree char *summary_markup = key_hints_markup (summary_hints);

  gtk_label_set_markup (self->keys_label, finding_markup);
  gtk_label_set_markup (self->summary_keys_label, summary_markup);
}

static void
close_clicked_cb (KwReviewView *self,
                  GtkButton    *button)
{
  g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
}

/* ---- Size ---------------------------------------------------------------- */

/* On a full-HD projector everything grows by a third: text that reads
 * from the back of the room at 1280×720 would look small at 1920×1080. */
#define LARGE_WIDTH  1600
#define LARGE_HEIGHT 900

static gboolean
apply_large_cb (gpointer data)
{
  KwReviewView *self = data;

  self->large_idle_id = 0;
  if (self->large)
    gtk_widget_add_css_class (GTK_WIDGET (self), "review-large");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "review-large");

  return G_SOURCE_REMOVE;
}

static void
measure_cb (GtkWidget      *widget,
            GtkOrientation  orientation,
            int             for_size,
            int            *minimum,
            int            *natural,
            int            *minimum_baseline,
            int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* AdwBin's layout, and the size class. A class changed while allocating
 * would change sizes in the middle of the layout: it changes in an idle,
 * as the matrix's text classes do. */
static void
allocate_cb (GtkWidget *widget,
             int        width,
             int        height,
             int        baseline)
{
  KwReviewView *self = KW_REVIEW_VIEW (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  gboolean large = width >= LARGE_WIDTH && height >= LARGE_HEIGHT;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  if (large != self->large)
    {
      self->large = large;
      if (self->large_idle_id == 0)
        self->large_idle_id = g_idle_add (apply_large_cb, self);
    }
}

/* ---- The type ------------------------------------------------------------ */

void
kw_review_view_set_review (KwReviewView *self,
                           KwReview     *review)
{
  g_return_if_fail (KW_IS_REVIEW_VIEW (self));
  g_return_if_fail (review == NULL || KW_IS_REVIEW (review));

  if (self->prompt != PROMPT_NONE)
    close_prompt (self);
  if (!g_set_object (&self->review, review) || review == NULL)
    return;

  show_and_announce (self, NULL);
}

KwReview *
kw_review_view_get_review (KwReviewView *self)
{
  g_return_val_if_fail (KW_IS_REVIEW_VIEW (self), NULL);

  return self->review;
}

static void
kw_review_view_dispose (GObject *object)
{
  KwReviewView *self = KW_REVIEW_VIEW (object);

  g_clear_object (&self->review);
  g_clear_pointer (&self->track, g_array_unref);
  g_clear_handle_id (&self->large_idle_id, g_source_remove);

  G_OBJECT_CLASS (kw_review_view_parent_class)->dispose (object);
}

static void
kw_review_view_class_init (KwReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_review_view_dispose;

  /**
   * KwReviewView::close:
   *
   * Escape, or the summary's Close button: leave review mode.
   */
  signals[SIGNAL_CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kwadrant/Kwadrant/kw-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, pages);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, counter_label);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, outcome_box);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, decision_label);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, history_heading);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, history_grid);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, track_area);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, prompt_box);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, prompt_entry);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, prompt_error);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, keys_label);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, summary_page);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, close_button);
  gtk_widget_class_bind_template_child (widget_class, KwReviewView, summary_keys_label);
  gtk_widget_class_bind_template_callback (widget_class, prompt_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_set_css_name (widget_class, "kw-review-view");
}

static void
kw_review_view_init (KwReviewView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (NULL, measure_cb, allocate_cb));

  /* Before the entry and the window's shortcuts: Escape closes the entry
   * first, Ctrl+Z undoes this review's steps only. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_drawing_area_set_draw_func (self->track_area, draw_track_cb, self, NULL);
  set_key_hints (self);
}
