/* kw-export-pdf.c: the action plan in pages, in the same order and with
 * the same numbers as the HTML plan: the header, the matrix and the
 * summary on the first page, then each outcome's section from a new page.
 *
 * The page is a list of blocks (a paragraph, the matrix), measured with
 * pango and put on pages one after the other; a block is never split, and
 * a heading stays with the block after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include "kw-i18n.h"
#include <pango/pangocairo.h>

#include "kw-export-pdf.h"
#include "kw-export-file.h"
#include "kw-matrix-render.h"
#include "kw-plan-changes.h"
#include "kw-plan-estimates.h"
#include "kw-plan-text.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define BODY_SIZE 10.0
#define INK "#241f31"
#define MUTED "#5e5c64"
#define ITEM_INDENT 26.0
/* The matrix's labels: a little smaller than the body, as a figure's. */
#define MATRIX_TEXT_SIZE (0.9 * BODY_SIZE)

typedef enum {
  BLOCK_TEXT,
  BLOCK_MATRIX,
} BlockKind;

typedef struct
{
  BlockKind   kind;
  char       *markup;            /* BLOCK_TEXT: pango markup, user text escaped */
  double      size;              /* font size, in drawing units */
  double      indent;
  double      space_before;
  const char *bar_color;         /* a bar left of a heading, or NULL */
  gboolean    page_break_before;
  gboolean    keep_with_next;
  /* The block's element in the PDF's structure, for screen readers and
   * reflow: "P" unless set ("H1", "H2", "Figure", "LI"). Items of a list
   * are wrapped in an "L" per page; first_in_list starts a new one. */
  const char *tag;
  gboolean    first_in_list;

  /* Set by pagination */
  guint       page;
  double      y;
  double      height;
} Block;

/* Everything is looked up and copied from the board in kw_plan_pages_new(),
 * in the export's language: laying out and drawing the pages needs neither
 * the board nor translations, so a worker thread can do it. */
struct _KwPlanPages
{
  KwMatrixScene *matrix;
  char          *title;          /* the board's, or "Untitled board" */
  char          *footer_format;  /* translated, see footer_format() */

  GArray    *blocks;   /* Block */
  GPtrArray *footers;  /* char *, one per page */
  double     width;
  double     height;
  double     margin;
  guint      n_pages;

  /* While kw_plan_pages_render_pdf() runs: laying out a plan of thousands
   * of findings takes seconds (minutes under the sanitizers), so closing
   * the export dialog must not wait for all of it. */
  GCancellable *cancellable;
};

/* ---- Paper ----------------------------------------------------------------- */

void
kw_paper_get_size (KwPaper  paper,
                   double  *width,
                   double  *height)
{
  /* A4 is 210 × 297 mm; Letter 8.5 × 11 inch. */
  *width = paper == KW_PAPER_LETTER ? 612.0 : 210.0 / 25.4 * 72.0;
  *height = paper == KW_PAPER_LETTER ? 792.0 : 297.0 / 25.4 * 72.0;
}

gboolean
kw_paper_from_name (const char *name,
                    KwPaper    *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = KW_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = KW_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/* ---- Blocks ---------------------------------------------------------------- */

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->markup, g_free);
}

static Block *
add_text (KwPlanPages *self,
          char        *markup,
          double       size,
          double       space_before)
{
  Block block = { BLOCK_TEXT, markup, size, 0.0, space_before };

  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static char *
format_fact (const KwPlanFact *fact)
{
  /* A no-break space keeps each label on the line of its value. An
   * overdue date is bold in the drop list's red as well as saying so. */
  if (fact->overdue)
    return g_markup_printf_escaped ("<span foreground=\"" MUTED "\">%s:</span>\xc2\xa0"
                                    "<span foreground=\"%s\"><b>%s</b></span>",
                                    fact->label, kw_outcome_get_badge_color (KW_OUTCOME_DROP), fact->value);
  if (fact->review_due)
    return g_markup_printf_escaped ("<span foreground=\"" MUTED "\">%s:</span>\xc2\xa0<b>%s</b>",
                                    fact->label, fact->value);
  return g_markup_printf_escaped ("<span foreground=\"" MUTED "\">%s:</span>\xc2\xa0%s",
                                  fact->label, fact->value);
}

static void
add_facts_line (KwPlanPages *self,
                GArray      *facts,
                double       indent,
                double       space_before)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  Block *block;

  if (facts->len == 0)
    return;

  for (guint i = 0; i < facts->len; i++)
    {
      const KwPlanFact *fact = &g_array_index (facts, KwPlanFact, i);
      g_autofree char *piece = NULL;

      piece = format_fact (fact);
      if (i > 0)
        g_string_append (markup, "   ");
      g_string_append (markup, piece);
    }

  block = add_text (self, g_string_free (g_steal_pointer (&markup), FALSE), 0.92 * BODY_SIZE, space_before);
  block->indent = indent;
}

static void
add_header (KwPlanPages  *self,
            const KwPlan *plan,
            GDateTime    *now)
{
  g_autoptr(GArray) facts = kw_plan_get_header_facts (plan, now);
  g_autofree char *kind = g_utf8_strup (_("Action plan"), -1);

  add_text (self, g_markup_printf_escaped ("<span foreground=\"" MUTED "\" letter_spacing=\"1024\">%s</span>",
                                           kind),
            0.8 * BODY_SIZE, 0.0);
  add_text (self, g_markup_printf_escaped ("<b>%s</b>", self->title), 2.2 * BODY_SIZE, 2.0)->tag = "H1";
  add_facts_line (self, facts, 0.0, 6.0);
}

static Block *
add_list_row (KwPlanPages *self,
              char        *markup,
              gboolean     first)
{
  Block *row = add_text (self, markup, BODY_SIZE, 2.0);

  row->indent = 8.0;
  row->tag = "LI";
  row->first_in_list = first;

  return row;
}

/* Progress per outcome, what is overdue and what is due for review, as in
 * the HTML plan: said in words, the colour only repeats it. */
static void
add_follow_up (KwPlanPages  *self,
               const KwPlan *plan)
{
  g_autofree char *overdue = kw_plan_get_overdue_text (plan);
  g_autofree char *review = kw_plan_get_review_text (plan);
  gboolean first_row = TRUE;
  Block *heading;

  heading = add_text (self, g_markup_printf_escaped ("<b>%s</b>", _("Progress")), 1.1 * BODY_SIZE, 10.0);
  heading->keep_with_next = TRUE;
  heading->tag = "H3";

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      g_autofree char *progress = kw_plan_get_progress_text (plan, (KwOutcome) i);

      if (progress == NULL)
        continue;
      add_list_row (self, g_markup_printf_escaped ("<span foreground=\"%s\">●</span>  %s",
                                                   kw_outcome_get_color ((KwOutcome) i, FALSE), progress),
                    first_row);
      first_row = FALSE;
    }

  if (plan->n_overdue > 0)
    add_list_row (self, g_markup_printf_escaped ("<span foreground=\"%s\"><b>%s</b></span>",
                                                 kw_outcome_get_badge_color (KW_OUTCOME_DROP), overdue),
                  first_row);
  else
    add_list_row (self, g_markup_escape_text (overdue, -1), first_row);
  add_list_row (self, g_markup_printf_escaped (plan->due_for_review->len > 0 ? "<b>%s</b>" : "%s", review),
                FALSE);
}

static void
add_matrix_and_summary (KwPlanPages  *self,
                        const KwPlan *plan)
{
  Block matrix = { BLOCK_MATRIX, NULL, 0.0, 0.0, 14.0 };
  Block *heading;
  gboolean first_row = TRUE;

  matrix.tag = "Figure";
  g_array_append_val (self->blocks, matrix);

  heading = add_text (self, g_markup_printf_escaped ("<b>%s</b>", _("Summary")), 1.5 * BODY_SIZE, 14.0);
  heading->keep_with_next = TRUE;
  heading->bar_color = INK;
  heading->tag = "H2";

  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      Block *row;

      if (i == KW_OUTCOME_UNPLACED && plan->counts[i] == 0)
        continue;
      row = add_text (self, g_markup_printf_escaped ("<span foreground=\"%s\">●</span>  %s: <b>%u</b>",
                                                     kw_outcome_get_color ((KwOutcome) i, FALSE),
                                                     kw_outcome_get_title ((KwOutcome) i),
                                                     plan->counts[i]),
                      BODY_SIZE, 2.0);
      row->indent = 8.0;
      row->tag = "LI";
      row->first_in_list = first_row;
      first_row = FALSE;
    }
  add_text (self, g_markup_printf_escaped ("<b>%s: %u</b>", _("Total"), plan->n_findings),
            BODY_SIZE, 4.0)->indent = 8.0;
  add_follow_up (self, plan);
}

/* What moved since the snapshot chosen, as in the HTML plan: grouped by
 * kind in the method's order, each change with its finding's number in
 * its outcome's ink (none for a removed finding); left out without a
 * snapshot. The matrix's arrows only repeat it. */
static guint
count_digits (guint n)
{
  guint digits = 1;

  for (; n >= 10; n /= 10)
    digits++;

  return digits;
}

static void
add_change_row (KwPlanPages  *self,
                const KwPlan *plan,
                KwChange     *change,
                gboolean      first)
{
  g_autofree char *text = kw_change_get_text (change);
  guint number = kw_plan_changes_get_number (plan, change);
  g_autoptr(GString) padded = g_string_new (NULL);

  /* The texts in one column: numbers padded with figure spaces (as wide
   * as a digit) to the widest number of the plan; a removed finding has
   * none, its text starts at the numbers' column. */
  for (guint i = count_digits (number); i < count_digits (plan->n_findings); i++)
    g_string_append (padded, "\u2007");
  g_string_append_printf (padded, "%u", number);

  if (number > 0)
    add_list_row (self, g_markup_printf_escaped ("<span foreground=\"%s\"><b>%s</b></span>  %s",
                                                 kw_outcome_get_badge_color (kw_plan_changes_get_outcome (change)),
                                                 padded->str, text),
                  first);
  else
    add_list_row (self, g_markup_escape_text (text, -1), first);
}

static void
add_changes_section (KwPlanPages  *self,
                     const KwPlan *plan)
{
  GListModel *changes = G_LIST_MODEL (plan->changes);
  g_autofree char *heading = NULL;
  Block *block;
  guint n;
  int kind = -1;

  if (changes == NULL)
    return;

  heading = kw_plan_changes_dup_heading (plan);
  n = g_list_model_get_n_items (changes);
  block = add_text (self, g_markup_printf_escaped ("<b>%s</b>", heading), 1.5 * BODY_SIZE, 18.0);
  block->tag = "H2";
  block->bar_color = INK;
  block->keep_with_next = TRUE;
  block = add_text (self, g_markup_printf_escaped ("<span foreground=\"" MUTED "\">%s</span>",
                                                   n > 0 ? kw_plan_changes_get_advice ()
                                                         : kw_plan_changes_get_empty_text ()),
                    BODY_SIZE, 3.0);
  block->keep_with_next = n > 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (changes, i);
      gboolean first = (int) kw_change_get_kind (change) != kind;

      /* The list comes in the method's order, kind after kind. */
      if (first)
        {
          kind = (int) kw_change_get_kind (change);
          block = add_text (self, g_markup_printf_escaped ("<b>%s</b>",
                                                           kw_plan_changes_get_kind_heading ((KwChangeKind) kind)),
                            1.1 * BODY_SIZE, 10.0);
          block->keep_with_next = TRUE;
          block->tag = "H3";
        }
      add_change_row (self, plan, change, first);
    }
}

/* The number in the outcome's ink, as the matrix's badges (the outcome
 * colours themselves are too light for text on white), and the title. */
static char *
item_title (KwOutcome  outcome,
            guint      number,
            KwFinding *finding)
{
  return g_markup_printf_escaped ("<span foreground=\"%s\"><b>%u</b></span>  <b>%s</b>",
                                  kw_outcome_get_badge_color (outcome), number, kw_finding_get_title (finding));
}

/* An item's facts, on a smaller line of their own under its title. */
static void
append_item_facts (GString *markup,
                   GArray  *facts)
{
  for (guint i = 0; i < facts->len; i++)
    {
      g_autofree char *piece = format_fact (&g_array_index (facts, KwPlanFact, i));

      g_string_append (markup, i == 0 ? "\n<span size=\"smaller\">" : "   ");
      g_string_append (markup, piece);
      if (i == facts->len - 1)
        g_string_append (markup, "</span>");
    }
}

static void
add_item (KwPlanPages         *self,
          const KwPlan        *plan,
          const KwPlanSection *section,
          KwFinding           *finding)
{
  g_autoptr(GArray) facts = kw_plan_get_facts (plan, section->outcome, finding);
  const char *description = kw_finding_get_description (finding);
  GString *markup = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *escaped_description = NULL;
  Block *block;

  /* One block per item, so an item never breaks across pages. */
  title = item_title (section->outcome, kw_plan_get_number (plan, finding), finding);
  g_string_append (markup, title);

  if (description[0] != '\0')
    {
      escaped_description = g_markup_escape_text (description, -1);
      g_string_append_printf (markup, "\n%s", escaped_description);
    }

  append_item_facts (markup, facts);

  block = add_text (self, g_string_free (markup, FALSE), BODY_SIZE, 9.0);
  block->indent = 0.0;
  block->tag = "LI";
  block->first_in_list = kw_plan_get_number (plan, finding) == section->first_number;
}

static void
add_section (KwPlanPages         *self,
             const KwPlan        *plan,
             const KwPlanSection *section)
{
  g_autofree char *heading = kw_plan_section_dup_numbered_heading (section->outcome);
  Block *block;

  block = add_text (self, g_markup_printf_escaped ("<b>%s</b>", heading), 1.5 * BODY_SIZE, 18.0);
  block->tag = "H2";
  block->bar_color = kw_outcome_get_color (section->outcome, FALSE);
  block->keep_with_next = TRUE;
  /* Like the HTML plan's print style: a section with findings starts on
   * a page of its own. */
  block->page_break_before = section->findings->len > 0;

  block = add_text (self, g_markup_printf_escaped ("<span foreground=\"" MUTED "\">%s</span>",
                                                   kw_outcome_get_advice (section->outcome)),
                    BODY_SIZE, 3.0);
  block->keep_with_next = section->findings->len > 0;

  if (section->findings->len == 0)
    add_text (self, g_markup_printf_escaped ("<i>%s</i>", _("No findings.")), BODY_SIZE, 4.0);

  for (guint i = 0; i < section->findings->len; i++)
    add_item (self, plan, section, g_ptr_array_index (section->findings, i));
}

/* A finding listed again outside its section (due for review, disputed),
 * numbered as there, with its facts: one block, never split. */
static void
add_listed_item (KwPlanPages  *self,
                 const KwPlan *plan,
                 KwFinding    *finding,
                 GArray       *facts,
                 gboolean      first)
{
  KwOutcome outcome = kw_board_classify_finding (plan->board, finding);
  GString *markup = g_string_new (NULL);
  g_autofree char *title = item_title (outcome, kw_plan_get_number (plan, finding), finding);
  Block *block;

  g_string_append (markup, title);
  append_item_facts (markup, facts);

  block = add_text (self, g_string_free (markup, FALSE), BODY_SIZE, 9.0);
  block->tag = "LI";
  block->first_in_list = first;
}

/* The findings whose review date has come, numbered as in their
 * sections; left out when there are none. */
static void
add_review_section (KwPlanPages  *self,
                    const KwPlan *plan)
{
  g_autoptr(GArray) facts = kw_plan_facts_new ();
  Block *block;

  if (plan->due_for_review->len == 0)
    return;

  block = add_text (self, g_markup_printf_escaped ("<b>%s</b>", kw_plan_review_get_heading ()),
                    1.5 * BODY_SIZE, 18.0);
  block->tag = "H2";
  block->bar_color = INK;
  block->keep_with_next = TRUE;
  block = add_text (self, g_markup_printf_escaped ("<span foreground=\"" MUTED "\">%s</span>",
                                                   kw_plan_review_get_advice ()),
                    BODY_SIZE, 3.0);
  block->keep_with_next = TRUE;

  for (guint i = 0; i < plan->due_for_review->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (plan->due_for_review, i);

      kw_plan_fill_review_facts (plan, finding, facts);
      add_listed_item (self, plan, finding, facts, i == 0);
    }
}

/* The findings the room disagreed on most, as in the HTML plan: numbered
 * as in their sections, most disputed first; left out on a board without
 * participants. */
static void
add_disputed_section (KwPlanPages  *self,
                      const KwPlan *plan)
{
  g_autoptr(GArray) facts = NULL;
  g_autoptr(GPtrArray) disputed = NULL;
  Block *block;

  if (!kw_plan_has_estimates (plan))
    return;

  facts = kw_plan_facts_new ();
  disputed = kw_plan_dup_disputed (plan);
  block = add_text (self, g_markup_printf_escaped ("<b>%s</b>", kw_plan_disputed_get_heading ()),
                    1.5 * BODY_SIZE, 18.0);
  block->tag = "H2";
  block->bar_color = INK;
  block->keep_with_next = TRUE;
  block = add_text (self, g_markup_printf_escaped ("<span foreground=\"" MUTED "\">%s</span>",
                                                   kw_plan_disputed_get_advice ()),
                    BODY_SIZE, 3.0);
  block->keep_with_next = TRUE;
  if (disputed->len == 0)
    add_text (self, g_markup_printf_escaped ("<i>%s</i>", kw_plan_disputed_get_empty_text ()), BODY_SIZE, 4.0);

  for (guint i = 0; i < disputed->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (disputed, i);

      kw_plan_fill_disputed_facts (plan, finding, facts);
      add_listed_item (self, plan, finding, facts, i == 0);
    }
}

static void
build_blocks (KwPlanPages  *self,
              const KwPlan *plan,
              GDateTime    *now)
{
  g_array_set_size (self->blocks, 0);

  add_header (self, plan, now);
  add_matrix_and_summary (self, plan);
  add_changes_section (self, plan);
  add_disputed_section (self, plan);
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      if (i == KW_OUTCOME_UNPLACED && plan->counts[i] == 0)
        continue;
      add_section (self, plan, &plan->sections[i]);
    }
  add_review_section (self, plan);
}

/* ---- Layout ---------------------------------------------------------------- */

static double
content_width (KwPlanPages *self)
{
  return MAX (self->width - 2.0 * self->margin, 1.0);
}

/* As tall as the first page allows beside the header and the summary:
 * the taller the plot, the more titles fit on it instead of numbers. */
static double
matrix_height (KwPlanPages *self)
{
  return MIN (0.9 * content_width (self), 0.58 * (self->height - 2.0 * self->margin));
}

static PangoLayout *
create_block_layout (KwPlanPages *self,
                     cairo_t     *cr,
                     const Block *block)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, block->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((content_width (self) - block->indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, (int) (0.2 * block->size * PANGO_SCALE));
  pango_layout_set_markup (layout, block->markup, -1);

  return layout;
}

static double
measure_block (KwPlanPages *self,
               cairo_t     *cr,
               const Block *block)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (block->kind == BLOCK_MATRIX)
    return matrix_height (self);

  layout = create_block_layout (self, cr, block);
  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static void
place_blocks (KwPlanPages *self,
              cairo_t     *cr)
{
  double top = self->margin;
  /* Room for the footer under the text. */
  double bottom = self->height - self->margin - 1.6 * BODY_SIZE;
  double y = top;
  guint page = 0;

  for (guint i = 0; i < self->blocks->len && !g_cancellable_is_cancelled (self->cancellable); i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      double needed;

      block->height = measure_block (self, cr, block);
      needed = block->space_before + block->height;

      if (block->keep_with_next && i + 1 < self->blocks->len)
        {
          Block *next = &g_array_index (self->blocks, Block, i + 1);

          needed += next->space_before + measure_block (self, cr, next);
        }

      if (y > top && (block->page_break_before || y + needed > bottom))
        {
          page++;
          y = top;
        }

      /* No space above a block at the top of a page. */
      if (y > top)
        y += block->space_before;

      block->page = page;
      block->y = y;
      y += block->height;
    }

  self->n_pages = page + 1;
}

/* The translation looked up in kw_plan_pages_new(), checked by the
 * compiler against the arguments of msgid as if it came from _(). */
static const char *
footer_format (const char *msgid,
               const char *translation) G_GNUC_FORMAT (1);

static const char *
footer_format (const char *msgid,
               const char *translation)
{
  return translation;
}

static void
make_footers (KwPlanPages *self)
{
  g_ptr_array_set_size (self->footers, 0);
  for (guint i = 0; i < self->n_pages; i++)
    g_ptr_array_add (self->footers,
                     g_strdup_printf (footer_format ("%s, page %u of %u", self->footer_format),
                                      self->title, i + 1, self->n_pages));
}

/* ---- Public API -------------------------------------------------------------- */

KwPlanPages *
kw_plan_pages_new (KwBoard    *board,
                   const char *lang,
                   GDateTime  *now,
                   KwSnapshot *since)
{
  g_autoptr(KwPlanLanguage) language = NULL;
  g_autoptr(KwPlan) plan = NULL;
  g_autoptr(GDateTime) export_time = NULL;
  KwPlanPages *self;
  const char *title;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  export_time = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  language = kw_plan_language_push (lang);
  plan = kw_plan_new (board);
  kw_plan_set_today (plan, export_time);
  /* Before the matrix's scene, which copies the changes' spots. */
  kw_plan_set_since (plan, since);
  title = kw_board_get_title (board);

  self = g_new0 (KwPlanPages, 1);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->footers = g_ptr_array_new_with_free_func (g_free);
  self->title = g_strdup (kw_board_display_title (title));
  /* Translators: the foot of each printed page: the board's title, the page */
  self->footer_format = g_strdup (_("%s, page %u of %u"));
  self->matrix = kw_matrix_scene_new (plan);
  /* The numbered items on the next pages are the matrix's legend, as in
   * the HTML plan: the page keeps its width for the plot. */
  kw_matrix_scene_set_legend (self->matrix, FALSE);
  kw_matrix_scene_set_text_size (self->matrix, MATRIX_TEXT_SIZE);
  build_blocks (self, plan, export_time);

  return self;
}

void
kw_plan_pages_free (KwPlanPages *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->matrix, kw_matrix_scene_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->footer_format, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->footers, g_ptr_array_unref);
  g_free (self);
}

guint
kw_plan_pages_paginate (KwPlanPages *self,
                        cairo_t     *cr,
                        double       width,
                        double       height,
                        double       margin)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->width = width;
  self->height = height;
  self->margin = CLAMP (margin, 0.0, MIN (width, height) / 4.0);

  place_blocks (self, cr);
  make_footers (self);

  return self->n_pages;
}

guint
kw_plan_pages_get_n_pages (KwPlanPages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

const KwMatrixPlacement *
kw_plan_pages_get_matrix_placement (KwPlanPages *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_pages == 0)
    return NULL;

  return kw_matrix_scene_get_placement (self->matrix, content_width (self), matrix_height (self));
}

static void
draw_bar (cairo_t     *cr,
          const Block *block,
          double       x,
          double       y)
{
  guint rgb = (guint) g_ascii_strtoull (block->bar_color + 1, NULL, 16);

  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
  cairo_rectangle (cr, x - 10.0, y + 1.0, 4.0, block->height - 2.0);
  cairo_fill (cr);
}

static void
draw_footer (KwPlanPages *self,
             cairo_t     *cr,
             guint        page_nr)
{
  Block footer = { BLOCK_TEXT, NULL, 0.8 * BODY_SIZE };
  g_autoptr(PangoLayout) layout = NULL;

  footer.markup = g_markup_printf_escaped ("<span foreground=\"" MUTED "\">%s</span>",
                                           (const char *) g_ptr_array_index (self->footers, page_nr));
  layout = create_block_layout (self, cr, &footer);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, self->margin, self->height - self->margin - footer.size);
  pango_cairo_show_layout (cr, layout);
  g_free (footer.markup);
}

static void
draw_block (KwPlanPages *self,
            cairo_t     *cr,
            const Block *block)
{
  double x = self->margin + block->indent;
  g_autoptr(PangoLayout) layout = NULL;
  guint rgb;

  if (block->kind == BLOCK_MATRIX)
    {
      cairo_save (cr);
      cairo_translate (cr, x, block->y);
      kw_matrix_scene_draw (self->matrix, cr, content_width (self), block->height);
      cairo_restore (cr);
      return;
    }

  if (block->bar_color != NULL)
    draw_bar (cr, block, x, block->y);

  layout = create_block_layout (self, cr, block);
  rgb = (guint) g_ascii_strtoull (&INK[1], NULL, 16);
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
  cairo_move_to (cr, x, block->y);
  pango_cairo_show_layout (cr, layout);
}

/* The structure tags (cairo_tag_begin) open and close on the page they
 * are drawn on: a printer may draw any page alone, in any order, and an
 * unbalanced tag would put the PDF surface in error. Other surfaces ignore
 * them. */
void
kw_plan_pages_draw_page (KwPlanPages *self,
                         cairo_t     *cr,
                         guint        page_nr)
{
  gboolean in_list = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_nr < self->n_pages);

  cairo_save (cr);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);
      const char *tag = block->tag != NULL ? block->tag : "P";
      gboolean list_item = g_str_equal (tag, "LI");

      if (block->page != page_nr)
        continue;

      if (in_list && (!list_item || block->first_in_list))
        {
          cairo_tag_end (cr, "L");
          in_list = FALSE;
        }
      if (list_item && !in_list)
        {
          cairo_tag_begin (cr, "L", NULL);
          in_list = TRUE;
        }

      cairo_tag_begin (cr, tag, NULL);
      draw_block (self, cr, block);
      cairo_tag_end (cr, tag);
    }
  if (in_list)
    cairo_tag_end (cr, "L");
  draw_footer (self, cr, page_nr);
  cairo_restore (cr);
}

GBytes *
kw_plan_pages_render_pdf (KwPlanPages   *self,
                          KwPaper        paper,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GByteArray *pdf;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (self != NULL, NULL);

  kw_paper_get_size (paper, &width, &height);

  pdf = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (kw_matrix_render_append_to_array, pdf, width, height);
  /* What a PDF reader shows in its title bar and says first. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kwadrant");
  cr = cairo_create (surface);

  self->cancellable = cancellable;
  n_pages = kw_plan_pages_paginate (self, cr, width, height, KW_PLAN_PAGES_MARGIN);
  self->cancellable = NULL;
  cairo_tag_begin (cr, "Document", NULL);
  for (guint i = 0; i < n_pages && !g_cancellable_is_cancelled (cancellable); i++)
    {
      kw_plan_pages_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_byte_array_unref (pdf);
      return NULL;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (pdf);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be made: %s."), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (pdf);
}

gboolean
kw_export_pdf_file (KwBoard     *board,
                    const char  *lang,
                    KwSnapshot  *since,
                    KwPaper      paper,
                    GFile       *file,
                    GError     **error)
{
  g_autoptr(KwPlanPages) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), FALSE);

  pages = kw_plan_pages_new (board, lang, NULL, since);

  /* Into memory first, so a failure never leaves half a file behind. */
  pdf = kw_plan_pages_render_pdf (pages, paper, NULL, error);
  if (pdf == NULL)
    return FALSE;

  return kw_export_file_write_bytes (file, pdf, error);
}
