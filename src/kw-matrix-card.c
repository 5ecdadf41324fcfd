/* kw-matrix-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-card"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kw-matrix-card.h"
#include "kw-matrix-placement.h"
#include "kw-text.h"

struct _KwMatrixCard
{
  GtkWidget  parent_instance;

  KwFinding *finding;
  /* What the placement gave it to show: the wrapped title's lines, or
   * the number; drawn in text_size by the placement's rules, so the text
   * fills exactly the box the placement measured. */
  GStrv      lines;
  double     text_size;

  guint      number;
  KwOutcome  outcome;
  KwMatrixCardMarks marks;
  guint64    draw_serial;
  double     drag_impact;
  double     drag_effort;
  guint      selected : 1;
  guint      dimmed : 1;
  guint      drag_active : 1;
  /* Where a snapshot shown in the presentation puts it (state_active). */
  double     state_impact;
  double     state_effort;
  guint      state_active : 1;
  guint      state_placed : 1;
  guint      dragging : 1;
};

G_DEFINE_FINAL_TYPE (KwMatrixCard, kw_matrix_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The symbols before a marked title, joined to it (and to each other) by
 * no-break spaces so a wrap never leaves a symbol alone on a line. They
 * say the state in a shape, not only in the outline's colour. */
static const struct {
  KwMatrixCardMarks  mark;
  const char        *symbol;
  const char        *css_class;
} mark_info[] = {
  { KW_MATRIX_CARD_DONE,    "\u2713", "done" },     /* ✓ */
  { KW_MATRIX_CARD_OVERDUE, "\u26a0", "overdue" },  /* ⚠ */
  { KW_MATRIX_CARD_REVIEW,  "\u21bb", "review" },   /* ↻ */
};

/* Shared by all cards, so a serial never repeats, not even for a new card
 * that happens to get the address of a freed one. */
static guint64 last_draw_serial;

/* The whole title is the accessible name and the tooltip, whatever part
 * of it the card shows. */
static void
kw_matrix_card_sync_title (KwMatrixCard *self)
{
  const char *title = kw_finding_get_title (self->finding);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

/* The tooltip is asked for when it shows: setting one on every card
 * asks the X server where the pointer is, a round trip per card, which
 * made a board of thousands slow to open. */
static gboolean
kw_matrix_card_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  KwMatrixCard *self = KW_MATRIX_CARD (widget);
  const char *title = self->finding != NULL ? kw_finding_get_title (self->finding) : NULL;

  if (title == NULL || *title == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, title);
  return TRUE;
}

static void
finding_title_cb (KwFinding    *finding,
                  GParamSpec   *pspec,
                  KwMatrixCard *self)
{
  kw_matrix_card_sync_title (self);
}

static void
kw_matrix_card_set_finding (KwMatrixCard *self,
                            KwFinding    *finding)
{
  g_return_if_fail (KW_IS_FINDING (finding));
  g_return_if_fail (self->finding == NULL);

  self->finding = g_object_ref (finding);
  g_signal_connect_object (finding, "notify::title", G_CALLBACK (finding_title_cb), self, 0);
  kw_matrix_card_sync_title (self);
}

static void
kw_matrix_card_finalize (GObject *object)
{
  KwMatrixCard *self = KW_MATRIX_CARD (object);

  g_clear_object (&self->finding);
  g_clear_pointer (&self->lines, g_strfreev);

  G_OBJECT_CLASS (kw_matrix_card_parent_class)->finalize (object);
}

static void
kw_matrix_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KwMatrixCard *self = KW_MATRIX_CARD (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_matrix_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KwMatrixCard *self = KW_MATRIX_CARD (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      kw_matrix_card_set_finding (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static double
relative_luminance (const GdkRGBA *c)
{
  double channel[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.04045 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

GdkRGBA
kw_matrix_card_ink_for (const GdkRGBA *fill)
{
  double l = relative_luminance (fill);

  /* WCAG contrast against black, (l + 0.05) / 0.05, and white,
   * 1.05 / (l + 0.05): the better of the two. */
  if ((l + 0.05) / 0.05 >= 1.05 / (l + 0.05))
    return (GdkRGBA) { 0, 0, 0, 1 };
  return (GdkRGBA) { 1, 1, 1, 1 };
}

static PangoLayout *
create_line (KwMatrixCard *self,
             const char   *text,
             gboolean      bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (KW_MATRIX_PLACEMENT_FONT);

  pango_font_description_set_absolute_size (font, self->text_size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);

  return layout;
}

static void
append_line (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         baseline,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (round (x), round (baseline - pango_layout_get_baseline (layout) / (double) PANGO_SCALE)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A done finding's badge: its outcome's colour faded towards white, the
 * number still at 4.5:1 or more (kw_matrix_card_ink_for()). */
static GdkRGBA
mute_fill (const GdkRGBA *fill)
{
  return (GdkRGBA) { 0.45 * fill->red + 0.55, 0.45 * fill->green + 0.55, 0.45 * fill->blue + 0.55, 1 };
}

/* An overdue (or due for review) finding's badge: a dark ring inside its
 * box, red or blue, then a thin white one, so it reads on white and on
 * every outcome's colour (the drop list's red too); rounded is shrunk to
 * what is left inside. The legend beside the badges shows the mark's
 * symbol too. */
static void
append_badge_ring (GtkSnapshot       *snapshot,
                   GskRoundedRect    *rounded,
                   KwMatrixCardMarks  marks,
                   double             size)
{
  GdkRGBA ring, gap = { 1, 1, 1, 1 };
  double width = MAX (2.0, round (size * 0.09));
  double gap_width = MAX (1.0, round (size * 0.04));

  gdk_rgba_parse (&ring, (marks & KW_MATRIX_CARD_OVERDUE) ? "#a51d2d" : "#1a5fb4");
  gtk_snapshot_push_rounded_clip (snapshot, rounded);
  gtk_snapshot_append_color (snapshot, &ring, &rounded->bounds);
  gtk_snapshot_pop (snapshot);
  gsk_rounded_rect_shrink (rounded, width, width, width, width);
  gtk_snapshot_push_rounded_clip (snapshot, rounded);
  gtk_snapshot_append_color (snapshot, &gap, &rounded->bounds);
  gtk_snapshot_pop (snapshot);
  gsk_rounded_rect_shrink (rounded, gap_width, gap_width, gap_width, gap_width);
}

/* GTK calls this only when the card's look changed (its state, style or
 * text); the matrix compares the serial to know which of its cached card
 * textures to render again. GTK has drawn the CSS box already. */
static void
kw_matrix_card_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KwMatrixCard *self = KW_MATRIX_CARD (widget);
  double size = self->text_size;
  GdkRGBA color;

  self->draw_serial = ++last_draw_serial;
  if (size <= 0)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->number != 0)
    {
      char text[16];
      g_autoptr(PangoLayout) layout = NULL;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      GskRoundedRect rounded;
      GdkRGBA fill;
      int w, h;

      /* The outcome's colour, the number in black or white, whichever
       * reads better on it (at least 4.6:1 on any colour). */
      gdk_rgba_parse (&fill, kw_outcome_get_color (self->outcome, FALSE));
      gsk_rounded_rect_init_from_rect (&rounded, &bounds, MIN (bounds.size.width, bounds.size.height) / 2);
      if (self->marks & (KW_MATRIX_CARD_OVERDUE | KW_MATRIX_CARD_REVIEW))
        append_badge_ring (snapshot, &rounded, self->marks, size);
      if (self->marks & KW_MATRIX_CARD_DONE)
        fill = mute_fill (&fill);
      color = kw_matrix_card_ink_for (&fill);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &fill, &rounded.bounds);
      gtk_snapshot_pop (snapshot);

      g_snprintf (text, sizeof text, "%u", self->number);
      layout = create_line (self, text, TRUE);
      pango_layout_get_pixel_size (layout, &w, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round ((gtk_widget_get_width (widget) - w) / 2.0),
                                                             round ((gtk_widget_get_height (widget) - h) / 2.0)));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
      return;
    }

  for (guint i = 0; self->lines != NULL && self->lines[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = create_line (self, self->lines[i], FALSE);
      double baseline = (KW_MATRIX_PLACEMENT_PADDING + i * KW_MATRIX_PLACEMENT_LINE_HEIGHT +
                         KW_MATRIX_PLACEMENT_BASELINE) * size;

      append_line (snapshot, layout, KW_MATRIX_PLACEMENT_PADDING * size, baseline, &color);
    }
}

static void
kw_matrix_card_class_init (KwMatrixCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kw_matrix_card_finalize;
  object_class->get_property = kw_matrix_card_get_property;
  object_class->set_property = kw_matrix_card_set_property;

  widget_class->snapshot = kw_matrix_card_snapshot;
  widget_class->query_tooltip = kw_matrix_card_query_tooltip;

  properties[PROP_FINDING] =
    g_param_spec_object ("finding", NULL, NULL, KW_TYPE_FINDING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kw-matrix-card");
  /* A button: Enter opens the finding, and screen readers announce it as
   * something to act on. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
kw_matrix_card_init (KwMatrixCard *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
kw_matrix_card_new (KwFinding *finding)
{
  g_return_val_if_fail (KW_IS_FINDING (finding), NULL);

  return g_object_new (KW_TYPE_MATRIX_CARD, "finding", finding, NULL);
}

KwFinding *
kw_matrix_card_get_finding (KwMatrixCard *self)
{
  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), NULL);

  return self->finding;
}

void
kw_matrix_card_set_number (KwMatrixCard *self,
                           guint         number)
{
  g_return_if_fail (KW_IS_MATRIX_CARD (self));

  if (self->number == number)
    return;

  if ((self->number == 0) != (number == 0))
    {
      if (number != 0)
        gtk_widget_add_css_class (GTK_WIDGET (self), "dot");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "dot");
    }

  self->number = number;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kw_matrix_card_set_text (KwMatrixCard       *self,
                         const char * const *lines,
                         double              text_size)
{
  g_return_if_fail (KW_IS_MATRIX_CARD (self));

  if (self->text_size == text_size &&
      ((lines == NULL && self->lines == NULL) ||
       (lines != NULL && self->lines != NULL && g_strv_equal (lines, (const char * const *) self->lines))))
    return;

  g_clear_pointer (&self->lines, g_strfreev);
  self->lines = g_strdupv ((char **) lines);
  self->text_size = text_size;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
kw_matrix_card_get_number (KwMatrixCard *self)
{
  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), 0);

  return self->number;
}

void
kw_matrix_card_set_selected (KwMatrixCard *self,
                             gboolean      selected)
{
  g_return_if_fail (KW_IS_MATRIX_CARD (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
}

gboolean
kw_matrix_card_get_selected (KwMatrixCard *self)
{
  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), FALSE);

  return self->selected;
}

void
kw_matrix_card_set_dimmed (KwMatrixCard *self,
                           gboolean      dimmed)
{
  g_return_if_fail (KW_IS_MATRIX_CARD (self));

  dimmed = !!dimmed;
  if (self->dimmed == dimmed)
    return;

  self->dimmed = dimmed;
  if (dimmed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dimmed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dimmed");
}

void
kw_matrix_card_set_dragging (KwMatrixCard *self,
                             gboolean      dragging)
{
  g_return_if_fail (KW_IS_MATRIX_CARD (self));

  self->dragging = !!dragging;
  /* A tooltip popping up under the pointer would hide where it goes. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), !dragging);
  if (dragging)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

guint64
kw_matrix_card_get_draw_serial (KwMatrixCard *self)
{
  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), 0);

  return self->draw_serial;
}

gboolean
kw_matrix_card_get_dragging (KwMatrixCard *self)
{
  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), FALSE);

  return self->dragging;
}

/* What a screen reader says about a card besides its title. */
static char *
describe_position (KwMatrixCard *self,
                   KwOutcome     outcome)
{
  /* A snapshot shown in the presentation: where the finding was then. */
  gboolean then = self->state_active && !self->drag_active;
  g_autofree char *impact = kw_score_format (then ? self->state_impact : kw_finding_get_impact (self->finding));
  g_autofree char *effort = kw_score_format (then ? self->state_effort : kw_finding_get_effort (self->finding));
  const char *outcome_name = kw_outcome_get_singular_name (outcome);

  /* Translators: how a screen reader describes a finding on the matrix,
   * e.g. "Impact 7.5, effort 2.0, quick win": impact, effort, outcome. */
  return g_strdup_printf (_("Impact %s, effort %s, %s"), impact, effort, outcome_name);
}

/* The position, then each mark in words: "Impact 7.5, effort 2.0, quick
 * win, overdue". */
static void
kw_matrix_card_sync_description (KwMatrixCard *self)
{
  g_autofree char *position = describe_position (self, self->outcome);
  g_autoptr(GString) description = g_string_new (position);

  if (self->marks & KW_MATRIX_CARD_DONE)
    /* Translators: appended to a finding's description on the matrix. */
    g_string_append_printf (description, ", %s", C_("state of one finding", "done"));
  if (self->marks & KW_MATRIX_CARD_OVERDUE)
    /* Translators: appended to a finding's description on the matrix:
     * its due date has passed. */
    g_string_append_printf (description, ", %s", C_("state of one finding", "overdue"));
  if (self->marks & KW_MATRIX_CARD_REVIEW)
    /* Translators: appended to a finding's description on the matrix:
     * its review date has come. */
    g_string_append_printf (description, ", %s", C_("state of one finding", "due for review"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

void
kw_matrix_card_update_position (KwMatrixCard *self,
                                KwOutcome     outcome)
{
  g_return_if_fail (KW_IS_MATRIX_CARD (self));

  if (self->outcome != outcome)
    {
      self->outcome = outcome;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  kw_matrix_card_sync_description (self);
}

gboolean
kw_matrix_card_set_marks (KwMatrixCard      *self,
                          KwMatrixCardMarks  marks)
{
  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), FALSE);

  if (self->marks == marks)
    return FALSE;

  self->marks = marks;
  for (guint i = 0; i < G_N_ELEMENTS (mark_info); i++)
    {
      if (marks & mark_info[i].mark)
        gtk_widget_add_css_class (GTK_WIDGET (self), mark_info[i].css_class);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), mark_info[i].css_class);
    }
  kw_matrix_card_sync_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

KwMatrixCardMarks
kw_matrix_card_get_marks (KwMatrixCard *self)
{
  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), 0);

  return self->marks;
}

char *
kw_matrix_card_dup_label_text (KwMatrixCard *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (mark_info); i++)
    {
      if (self->marks & mark_info[i].mark)
        g_string_append_printf (text, "%s\u00a0", mark_info[i].symbol);
    }
  g_string_append (text, kw_finding_get_title (self->finding));

  return g_string_free (text, FALSE);
}

void
kw_matrix_card_set_drag_position (KwMatrixCard *self,
                                  gboolean      active,
                                  double        impact,
                                  double        effort)
{
  g_return_if_fail (KW_IS_MATRIX_CARD (self));

  self->drag_active = !!active;
  self->drag_impact = impact;
  self->drag_effort = effort;
}

/* Returns FALSE when there is nothing to show: the finding is unplaced and
 * no drag holds it. */
gboolean
kw_matrix_card_get_shown_position (KwMatrixCard *self,
                                   double       *impact,
                                   double       *effort)
{
  g_return_val_if_fail (KW_IS_MATRIX_CARD (self), FALSE);

  if (self->drag_active)
    {
      *impact = self->drag_impact;
      *effort = self->drag_effort;
      return TRUE;
    }

  if (self->state_active)
    {
      *impact = self->state_impact;
      *effort = self->state_effort;
      return self->state_placed;
    }

  *impact = kw_finding_get_impact (self->finding);
  *effort = kw_finding_get_effort (self->finding);
  return kw_finding_get_placed (self->finding);
}

void
kw_matrix_card_set_state_position (KwMatrixCard *self,
                                   gboolean      active,
                                   gboolean      placed,
                                   double        impact,
                                   double        effort)
{
  g_return_if_fail (KW_IS_MATRIX_CARD (self));

  self->state_active = !!active;
  self->state_placed = !!placed;
  self->state_impact = impact;
  self->state_effort = effort;
}
