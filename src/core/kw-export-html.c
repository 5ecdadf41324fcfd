/* kw-export-html.c: the action plan as one HTML file that travels as an
 * e-mail attachment: inline CSS, the matrix as inline SVG, no scripts and
 * nothing fetched from elsewhere, which its Content-Security-Policy also
 * forbids.
 *
 * The document is written with libxml2's text writer, never pasted
 * together: the writer escapes every piece of user text, in content and in
 * attributes, so a title cannot become markup. Only the tags repeated for
 * every item (the facts, the item heading) go in as constant pieces of
 * markup, from string literals, for speed; the text between them still
 * takes the writer's escaping. It is written straight into the file. The writer's XML is also
 * valid HTML5 as long as elements that may not be empty in HTML are closed
 * with a full end tag, which end() always does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-export-html"

#include "config.h"

#include "kw-i18n.h"
#include <libxml/xmlwriter.h>

#include "kw-export-html.h"
#include "kw-export-svg.h"
#include "kw-html-writer.h"
#include "kw-matrix-render.h"
#include "kw-plan-changes.h"
#include "kw-plan-estimates.h"
#include "kw-plan-text.h"
#include "kw-text.h"

/* Everything the page needs is in the page; nothing may run or load. */
#define CONTENT_SECURITY_POLICY "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/* The matrix's drawing size; CSS scales it to the page. */
#define MATRIX_WIDTH 720.0
#define MATRIX_HEIGHT 540.0

typedef struct
{
  KwHtmlWriter out;
  GArray      *facts;    /* of the item being written, reused for all */
  GString     *scratch;  /* for ids and classes, reused likewise */
} Html;

/* Short names for the plan's many elements: the writing itself, and the
 * cleaning and escaping of user text, is kw-html-writer.c's. */
static void
check (Html *html,
       int   result)
{
  kw_html_writer_check (&html->out, result);
}

static void
start (Html       *html,
       const char *name)
{
  kw_html_writer_start (&html->out, name);
}

static void
start_with_class (Html       *html,
                  const char *name,
                  const char *class_name)
{
  kw_html_writer_start_with_class (&html->out, name, class_name);
}

static void
end (Html *html)
{
  kw_html_writer_end (&html->out);
}

static void
end_void (Html *html)
{
  kw_html_writer_end_void (&html->out);
}

static void
attribute (Html       *html,
           const char *name,
           const char *value)
{
  kw_html_writer_attribute (&html->out, name, value);
}

static void
text (Html       *html,
      const char *content)
{
  kw_html_writer_text (&html->out, content);
}

static void
element (Html       *html,
         const char *name,
         const char *class_name,
         const char *content)
{
  kw_html_writer_element (&html->out, name, class_name, content);
}

static void
element_uint (Html       *html,
              const char *name,
              const char *class_name,
              guint       value)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", value);
  element (html, name, class_name, number);
}

/* ---- The style sheet ----------------------------------------------------- */

static void
append_outcome_colors (GString *css)
{
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    g_string_append_printf (css, ".outcome-%s { --accent: %s; --accent-ink: %s; }\n",
                            kw_outcome_to_id ((KwOutcome) i),
                            kw_outcome_get_color ((KwOutcome) i, FALSE),
                            kw_outcome_get_badge_color ((KwOutcome) i));
}

static const char base_css[] =
  ":root { color-scheme: light; --ink: #241f31; --muted: #5e5c64; --rule: #deddda; --accent: #3584e4; --accent-ink: #1a5fb4; }\n"
  "* { box-sizing: border-box; }\n"
  "body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1rem 3rem;"
  " font: 16px/1.5 Cantarell, \"Segoe UI\", \"DejaVu Sans\", Arial, sans-serif; color: var(--ink); background: #fff;"
  " overflow-wrap: anywhere; }\n"
  "header { border-bottom: 3px solid var(--ink); margin-bottom: 1.5rem; }\n"
  ".kind { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: var(--muted); }\n"
  "h1 { font-size: 2rem; line-height: 1.2; margin: .2rem 0 1rem; }\n"
  "h2 { font-size: 1.35rem; margin: 0 0 .5rem; padding-left: .6rem; border-left: .35rem solid var(--accent); }\n"
  "h3 { font-size: 1.05rem; margin: 0; display: flex; gap: .6rem; align-items: baseline; }\n"
  "dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }\n"
  "dl.meta div { display: contents; }\n"
  "dl.meta dt { color: var(--muted); }\n"
  "dl.meta dd { margin: 0; }\n"
  "section { margin: 2rem 0; }\n"
  "table.counts { border-collapse: collapse; margin: .5rem 0 1rem; min-width: 16rem; }\n"
  "table.counts th, table.counts td { text-align: left; padding: .25rem .75rem .25rem 0; border-bottom: 1px solid var(--rule); }\n"
  "table.counts td { text-align: right; font-variant-numeric: tabular-nums; }\n"
  "table.counts tbody th { padding-left: .6rem; border-left: .35rem solid var(--accent); font-weight: normal; }\n"
  "table.counts tfoot th, table.counts tfoot td { font-weight: bold; border-bottom: 0; }\n"
  "figure.matrix { margin: 1rem 0; }\n"
  "figure.matrix svg { display: block; width: 100%; height: auto; max-width: 45rem; border: 1px solid var(--rule); }\n"
  "figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }\n"
  ".advice { color: var(--muted); margin: 0 0 1rem; }\n"
  "ol.items, ul.items { list-style: none; margin: 0; padding: 0; }\n"
  "li.item { padding: .8rem 0; border-top: 1px solid var(--rule); }\n"
  ".number { flex: none; display: inline-block; min-width: 2rem; padding: 0 .4rem; border-radius: 1rem;"
  " background: var(--accent-ink); color: #fff; text-align: center; font-weight: bold; }\n"
  ".description { white-space: pre-line; margin: .4rem 0 0 2.6rem; }\n"
  "dl.facts { display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; margin: .4rem 0 0 2.6rem; font-size: .92rem; }\n"
  "dl.facts div { display: flex; gap: .35rem; }\n"
  "dl.facts dt { color: var(--muted); }\n"
  "dl.facts dt::after { content: \":\"; }\n"
  "dl.facts dd { margin: 0; }\n"
  "dl.facts .overdue dd, ul.follow-up .overdue { color: #a51d2d; font-weight: bold; }\n"
  "dl.facts .review-due dd, ul.follow-up .review-due { font-weight: bold; }\n"
  "ul.follow-up { margin: 0 0 1rem; padding-left: 1.2rem; }\n"
  ".follow-up h3 { margin-top: 1rem; }\n"
  ".empty { color: var(--muted); font-style: italic; }\n"
  "footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); padding-top: .5rem; }\n"
  "@media (max-width: 36rem) {\n"
  "  body { padding: 1rem .75rem 2rem; font-size: 15px; }\n"
  "  h1 { font-size: 1.5rem; }\n"
  "  dl.meta { grid-template-columns: 1fr; gap: 0; }\n"
  "  dl.meta dd { margin-bottom: .4rem; }\n"
  "  .description, dl.facts { margin-left: 0; }\n"
  "}\n"
  "@page { size: A4; margin: 16mm 15mm 18mm; }\n"
  "@media print {\n"
  "  body { max-width: none; padding: 0; font-size: 10.5pt; }\n"
  /* The matrix on page 1 (README): a compact header, and the matrix
   * straight under the summary's heading, the counts after it. */
  "  h1 { font-size: 18pt; margin: .1rem 0 .5rem; }\n"
  "  header { margin-bottom: .8rem; }\n"
  "  dl.meta { margin-bottom: .5rem; gap: 0 1rem; }\n"
  "  section.summary { display: flex; flex-direction: column; margin-top: 0; }\n"
  "  section.summary figure.matrix { order: 1; margin: .3rem 0 .6rem; break-inside: avoid; }\n"
  "  section.summary table.counts { order: 2; margin: 0; align-self: flex-start; }\n"
  "  section.summary .follow-up { order: 3; }\n"
  "  table.counts th, table.counts td { padding-top: .05rem; padding-bottom: .05rem; }\n"
  "  figure.matrix svg { max-width: 100%; max-height: 115mm; width: auto; margin: 0 auto; }\n"
  "  section.plan { break-before: page; }\n"
  "  section.plan.empty-section { break-before: auto; }\n"
  "  h2, h3 { break-after: avoid; }\n"
  "  li.item { break-inside: avoid; }\n"
  "  .number, h2, table.counts tbody th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }\n"
  "  footer { display: none; }\n"
  "}\n";

/* Only in a plan compared with a snapshot: without one the plan is the
 * same to the byte as before there were comparisons. */
static const char changes_css[] =
  "ul.changes { list-style: none; margin: 0 0 1rem; padding: 0; }\n"
  "ul.changes li { display: flex; gap: .6rem; align-items: baseline; padding: .25rem 0; }\n"
  "ul.changes .number { min-width: 2.4rem; }\n"
  "ul.changes li.removed .change-text { padding-left: 3rem; }\n"
  "section.changes h3 { margin-top: 1rem; }\n";

static void
write_style (Html         *html,
             const KwPlan *plan)
{
  g_autoptr(GString) css = g_string_new (base_css);

  append_outcome_colors (css);
  if (plan->changes != NULL)
    g_string_append (css, changes_css);

  /* Constant text of ours, raw: the writer's escaping would turn CSS
   * quotes and ">" into entities that a style element does not decode. */
  start (html, "style");
  kw_html_writer_raw (&html->out, css->str);
  end (html);
}

/* ---- The head -------------------------------------------------------------- */

static void
write_meta (Html       *html,
            const char *name_attribute,
            const char *name,
            const char *content)
{
  start (html, "meta");
  attribute (html, name_attribute, name);
  attribute (html, "content", content);
  end_void (html);
}

static const char *
board_title (const KwPlan *plan)
{
  return kw_board_get_display_title (plan->board);
}

static void
write_head (Html         *html,
            const KwPlan *plan)
{
  g_autofree char *title = g_strdup_printf (_("Action plan: %s"), board_title (plan));

  start (html, "head");
  start (html, "meta");
  attribute (html, "charset", "utf-8");
  end_void (html);
  write_meta (html, "http-equiv", "Content-Security-Policy", CONTENT_SECURITY_POLICY);
  write_meta (html, "name", "viewport", "width=device-width, initial-scale=1");
  write_meta (html, "name", "referrer", "no-referrer");
  write_meta (html, "name", "generator", "Kwadrant " PACKAGE_VERSION);
  element (html, "title", NULL, title);
  write_style (html, plan);
  end (html);
}

/* ---- The body -------------------------------------------------------------- */

static void
write_facts (Html       *html,
             const char *class_name,
             GArray     *facts)
{
  if (facts->len == 0)
    return;

  start_with_class (html, "dl", class_name);
  for (guint i = 0; i < facts->len; i++)
    {
      const KwPlanFact *fact = &g_array_index (facts, KwPlanFact, i);

      /* The group keeps a term with its value where the list wraps; the
       * page's style needs no class on it, and 60,000 of them would slow
       * a big plan down. An overdue date is the exception. */
      if (fact->overdue)
        start_with_class (html, "div", "overdue");
      else if (fact->review_due)
        start_with_class (html, "div", "review-due");
      else
        start (html, "div");
      element (html, "dt", NULL, fact->label);
      element (html, "dd", NULL, fact->value);
      end (html);
    }
  end (html);
}

static void
write_header (Html         *html,
              const KwPlan *plan,
              GDateTime    *now)
{
  g_autoptr(GArray) facts = kw_plan_get_header_facts (plan, now);

  start (html, "header");
  element (html, "p", "kind", _("Action plan"));
  element (html, "h1", NULL, board_title (plan));
  write_facts (html, "meta", facts);
  end (html);
}

/* Header cells say what they head, for screen readers' table navigation. */
static void
write_column_header (Html       *html,
                     const char *label)
{
  start (html, "th");
  attribute (html, "scope", "col");
  text (html, label);
  end (html);
}

static void
write_count_row (Html       *html,
                 const char *class_name,
                 const char *label,
                 guint       count)
{
  if (class_name != NULL)
    start_with_class (html, "tr", class_name);
  else
    start (html, "tr");
  start (html, "th");
  attribute (html, "scope", "row");
  text (html, label);
  end (html);
  element_uint (html, "td", NULL, count);
  end (html);
}

/* Titles on the matrix where they fit, numbered badges otherwise: the
 * plan's numbered list below is their legend. */
static void
write_matrix (Html         *html,
              const KwPlan *plan)
{
  g_autoptr(KwMatrixScene) scene = kw_matrix_scene_new (plan);
  g_autofree char *caption = NULL;
  const KwMatrixPlacement *placement;

  kw_matrix_scene_set_legend (scene, FALSE);
  placement = kw_matrix_scene_get_placement (scene, MATRIX_WIDTH, MATRIX_HEIGHT);

  /* One image, described by its caption; the numbered lists below are
   * its accessible version (no links in it: no hidden tab stops). */
  caption = g_strdup_printf ("%s %s%s%s",
                             placement->mode == KW_MATRIX_LABELS_NUMBERS
                             ? _("The numbers on the matrix are those of the findings in the plan below.")
                             : _("Each finding's title stands beside its mark on the matrix."),
                             _("The numbered lists below give every finding in words, outcome by outcome."),
                             plan->changes != NULL ? " " : "",
                             plan->changes != NULL ? kw_plan_changes_get_matrix_text () : "");
  start_with_class (html, "figure", "matrix");
  check (html, kw_export_svg_write (html->out.writer, scene, MATRIX_WIDTH, MATRIX_HEIGHT, TRUE) ? 0 : -1);
  start (html, "figcaption");
  attribute (html, "id", KW_EXPORT_SVG_PLAN_CAPTION_ID);
  text (html, caption);
  end (html);
  end (html);
}

/* Progress per outcome, what is overdue and what is due for review, each
 * said in words (the colour only repeats it). */
static void
write_follow_up (Html         *html,
                 const KwPlan *plan)
{
  g_autofree char *overdue = kw_plan_get_overdue_text (plan);
  g_autofree char *review = kw_plan_get_review_text (plan);

  start_with_class (html, "div", "follow-up");
  element (html, "h3", NULL, _("Progress"));
  start_with_class (html, "ul", "follow-up");
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      g_autofree char *progress = kw_plan_get_progress_text (plan, (KwOutcome) i);

      if (progress != NULL)
        element (html, "li", "progress", progress);
    }
  element (html, "li", plan->n_overdue > 0 ? "overdue" : NULL, overdue);
  /* No link to the list that names them: the plan has no tab stops, and
   * the list is the last section, in the document's order. */
  element (html, "li", plan->due_for_review->len > 0 ? "review-due" : NULL, review);
  end (html);
  end (html);
}

static void
write_summary (Html         *html,
               const KwPlan *plan)
{
  start_with_class (html, "section", "summary");
  attribute (html, "id", "summary");
  element (html, "h2", NULL, _("Summary"));

  start_with_class (html, "table", "counts");
  start (html, "thead");
  start (html, "tr");
  write_column_header (html, _("Outcome"));
  write_column_header (html, _("Findings"));
  end (html);
  end (html);

  start (html, "tbody");
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      g_autofree char *row_class = g_strconcat ("outcome-", kw_outcome_to_id ((KwOutcome) i), NULL);

      /* Unplaced findings only count when there are any. */
      if (i == KW_OUTCOME_UNPLACED && plan->counts[i] == 0)
        continue;
      write_count_row (html, row_class, kw_outcome_get_title ((KwOutcome) i), plan->counts[i]);
    }
  end (html);
  start (html, "tfoot");
  write_count_row (html, "total", _("Total"), plan->n_findings);
  end (html);
  end (html);

  write_matrix (html, plan);
  write_follow_up (html, plan);
  end (html);
}

/* What moved since the snapshot chosen, grouped by kind in the method's
 * order, each change with its finding's number (none for a removed one);
 * left out without a snapshot. The matrix's arrows only repeat it. */
static void
write_change (Html         *html,
              const KwPlan *plan,
              KwChange     *change)
{
  g_autofree char *change_text = kw_change_get_text (change);
  guint number = kw_plan_changes_get_number (plan, change);

  g_string_assign (html->scratch, "change ");
  g_string_append (html->scratch, kw_change_kind_to_id (kw_change_get_kind (change)));
  g_string_append (html->scratch, " outcome-");
  g_string_append (html->scratch, kw_outcome_to_id (kw_plan_changes_get_outcome (change)));
  start_with_class (html, "li", html->scratch->str);
  attribute (html, "data-finding", kw_change_get_finding_id (change));
  /* A space between the two, for whatever reads the text without the
   * style (a screen reader's browse mode, a copy). */
  if (number > 0)
    {
      element_uint (html, "span", "number", number);
      text (html, " ");
    }
  element (html, "span", "change-text", change_text);
  end (html);
}

static void
write_changes_section (Html         *html,
                       const KwPlan *plan)
{
  GListModel *changes = G_LIST_MODEL (plan->changes);
  g_autofree char *heading = NULL;
  guint n;
  int kind = -1;

  if (changes == NULL)
    return;

  heading = kw_plan_changes_dup_heading (plan);
  n = g_list_model_get_n_items (changes);
  start_with_class (html, "section", "changes");
  attribute (html, "id", "changes");
  element (html, "h2", NULL, heading);
  element (html, "p", "advice", kw_plan_changes_get_advice ());
  if (n == 0)
    element (html, "p", "empty", kw_plan_changes_get_empty_text ());

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwChange) change = g_list_model_get_item (changes, i);

      /* The list comes in the method's order, kind after kind. */
      if ((int) kw_change_get_kind (change) != kind)
        {
          if (kind >= 0)
            end (html);
          kind = (int) kw_change_get_kind (change);
          element (html, "h3", NULL, kw_plan_changes_get_kind_heading ((KwChangeKind) kind));
          start_with_class (html, "ul", "changes");
        }
      write_change (html, plan, change);
    }
  if (kind >= 0)
    end (html);
  end (html);
}

/* An item's heading: its number in the plan and its title. */
static void
write_item_heading (Html         *html,
                    const KwPlan *plan,
                    KwFinding    *finding)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", kw_plan_get_number (plan, finding));
  start (html, "h3");
  element (html, "span", "number", number);
  element (html, "span", "title", kw_finding_get_title (finding));
  end (html);
}

static void
write_item (Html                *html,
            const KwPlan        *plan,
            const KwPlanSection *section,
            KwFinding           *finding)
{
  const char *description = kw_finding_get_description (finding);

  g_string_assign (html->scratch, "finding-");
  g_string_append (html->scratch, kw_finding_get_id (finding));
  start_with_class (html, "li", "item");
  attribute (html, "id", html->scratch->str);
  write_item_heading (html, plan, finding);
  if (description[0] != '\0')
    element (html, "p", "description", description);
  kw_plan_fill_facts (plan, section->outcome, finding, html->facts);
  write_facts (html, "facts", html->facts);
  end (html);
}

static void
write_section (Html                *html,
               const KwPlan        *plan,
               const KwPlanSection *section)
{
  const char *id = kw_outcome_to_id (section->outcome);
  gboolean empty = section->findings->len == 0;
  g_autofree char *classes = g_strdup_printf ("plan outcome-%s%s", id, empty ? " empty-section" : "");
  g_autofree char *heading = kw_plan_section_dup_numbered_heading (section->outcome);

  start_with_class (html, "section", classes);
  attribute (html, "id", id);
  element (html, "h2", NULL, heading);
  element (html, "p", "advice", kw_outcome_get_advice (section->outcome));

  if (empty)
    {
      element (html, "p", "empty", _("No findings."));
    }
  else
    {
      char first[16];

      g_snprintf (first, sizeof first, "%u", section->first_number);
      start_with_class (html, "ol", "items");
      attribute (html, "start", first);
      for (guint i = 0; i < section->findings->len; i++)
        write_item (html, plan, section, g_ptr_array_index (section->findings, i));
      end (html);
    }
  end (html);
}

/* A finding listed again outside its section (due for review, disputed),
 * with html->facts: the number in its outcome's ink, as in the section. */
static void
write_listed_item (Html         *html,
                   const KwPlan *plan,
                   KwFinding    *finding)
{
  KwOutcome outcome = kw_board_classify_finding (plan->board, finding);

  g_string_assign (html->scratch, "item outcome-");
  g_string_append (html->scratch, kw_outcome_to_id (outcome));
  start_with_class (html, "li", html->scratch->str);
  write_item_heading (html, plan, finding);
  write_facts (html, "facts", html->facts);
  end (html);
}

/* The findings whose review date has come, with the list each is on and
 * the date: numbered as in the sections above. Left out when there are
 * none. */
static void
write_review_section (Html         *html,
                      const KwPlan *plan)
{
  if (plan->due_for_review->len == 0)
    return;

  start_with_class (html, "section", "review");
  attribute (html, "id", "due-for-review");
  element (html, "h2", NULL, kw_plan_review_get_heading ());
  element (html, "p", "advice", kw_plan_review_get_advice ());
  start_with_class (html, "ul", "items");
  for (guint i = 0; i < plan->due_for_review->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (plan->due_for_review, i);

      kw_plan_fill_review_facts (plan, finding, html->facts);
      write_listed_item (html, plan, finding);
    }
  end (html);
  end (html);
}

/* The findings the room disagreed on most, numbered as in their
 * sections, with the group's median, the spread and who lay furthest
 * apart; left out on a board without participants. */
static void
write_disputed_section (Html         *html,
                        const KwPlan *plan)
{
  g_autoptr(GPtrArray) disputed = NULL;

  if (!kw_plan_has_estimates (plan))
    return;

  disputed = kw_plan_dup_disputed (plan);
  start_with_class (html, "section", "disagreement");
  attribute (html, "id", "disagreement");
  element (html, "h2", NULL, kw_plan_disputed_get_heading ());
  element (html, "p", "advice", kw_plan_disputed_get_advice ());
  if (disputed->len == 0)
    element (html, "p", "empty", kw_plan_disputed_get_empty_text ());
  else
    start_with_class (html, "ol", "items");
  for (guint i = 0; i < disputed->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (disputed, i);

      kw_plan_fill_disputed_facts (plan, finding, html->facts);
      write_listed_item (html, plan, finding);
    }
  if (disputed->len > 0)
    end (html);
  end (html);
}

static void
write_body (Html         *html,
            const KwPlan *plan,
            GDateTime    *now)
{
  start (html, "body");
  write_header (html, plan, now);
  start (html, "main");
  write_summary (html, plan);
  write_changes_section (html, plan);
  write_disputed_section (html, plan);
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      if (i == KW_OUTCOME_UNPLACED && plan->counts[i] == 0)
        continue;
      write_section (html, plan, &plan->sections[i]);
    }
  write_review_section (html, plan);
  end (html);
  start (html, "footer");
  text (html, _("Made with Kwadrant, the impact/effort matrix for improvement findings."));
  end (html);
  end (html);
}

static gboolean
write_document (xmlTextWriterPtr  writer,
                const KwPlan     *plan,
                GDateTime        *now)
{
  g_autoptr(GArray) facts = kw_plan_facts_new ();
  g_autoptr(GString) scratch = g_string_sized_new (64);
  Html html = { { writer, FALSE }, facts, scratch };

  /* "<!DOCTYPE html>": no public or system id. */
  check (&html, xmlTextWriterWriteDTD (writer, BAD_CAST "html", NULL, NULL, NULL));
  check (&html, xmlTextWriterWriteRaw (writer, BAD_CAST "\n"));
  start (&html, "html");
  attribute (&html, "lang", kw_plan_language_get_code ());
  write_head (&html, plan);
  write_body (&html, plan, now);
  end (&html);
  check (&html, xmlTextWriterWriteRaw (writer, BAD_CAST "\n"));
  check (&html, xmlTextWriterFlush (writer));

  return !html.out.failed;
}

/* Writes the plan in the language of options, and frees writer. */
static gboolean
write_plan (xmlTextWriterPtr           writer,
            KwBoard                   *board,
            const KwExportHtmlOptions *options)
{
  g_autoptr(KwPlanLanguage) language = NULL;
  g_autoptr(KwPlan) plan = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean ok;

  now = options != NULL && options->now != NULL ? g_date_time_ref (options->now)
                                                : g_date_time_new_now_local ();
  language = kw_plan_language_push (options != NULL ? options->lang : NULL);
  plan = kw_plan_new (board);
  kw_plan_set_today (plan, now);
  kw_plan_set_since (plan, options != NULL ? options->since : NULL);
  ok = write_document (writer, plan, now);
  xmlFreeTextWriter (writer);

  return ok;
}

static void
set_out_of_memory_error (GError **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               _("The action plan could not be made: out of memory."));
}

GBytes *
kw_export_html_bytes (KwBoard                   *board,
                      const KwExportHtmlOptions *options,
                      GError                   **error)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean ok = FALSE;
  GBytes *bytes = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  buffer = xmlBufferCreate ();
  if (buffer != NULL && (writer = xmlNewTextWriterMemory (buffer, 0)) != NULL)
    {
      /* Doubling, not the exact growth that copies the whole plan again
       * for each piece added to it. */
      xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
      ok = write_plan (writer, board, options);
    }

  if (ok)
    {
      gsize length = (gsize) xmlBufferLength (buffer);
      xmlChar *content = xmlBufferDetach (buffer);

      bytes = g_bytes_new_with_free_func (content, length, xmlFree, content);
    }
  else
    set_out_of_memory_error (error);
  g_clear_pointer (&buffer, xmlBufferFree);

  return bytes;
}

/* The writer's output, in pieces of a few kilobytes, straight into the
 * file: a plan of 10,000 findings is 10 MB that need not be held in
 * memory and copied once more. */
typedef struct
{
  GOutputStream *stream;
  GError        *error;
} Sink;

static int
sink_write (void       *context,
            const char *buffer,
            int         len)
{
  Sink *sink = context;

  if (sink->error != NULL || len < 0 ||
      !g_output_stream_write_all (sink->stream, buffer, (gsize) len, NULL, NULL, &sink->error))
    return -1;

  return len;
}

/* A failed export leaves no half plan behind: a file it replaces stays as
 * it was, and one it created goes again. */
static void
abandon_file (GOutputStream *stream,
              GFile         *file,
              gboolean       existed)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
}

gboolean
kw_export_html_file (KwBoard                   *board,
                     const KwExportHtmlOptions *options,
                     GFile                     *file,
                     GError                   **error)
{
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  Sink sink = { NULL, NULL };
  xmlOutputBufferPtr output;
  xmlTextWriterPtr writer = NULL;
  gboolean existed;
  gboolean ok = FALSE;

  g_return_val_if_fail (KW_IS_BOARD (board), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  existed = g_file_query_exists (file, NULL);
  file_stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (file_stream == NULL)
    return FALSE;

  /* Larger writes than the writer's own pieces, for fewer system calls. */
  stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 64 * 1024);
  sink.stream = stream;

  output = xmlOutputBufferCreateIO (sink_write, NULL, &sink, NULL);
  if (output != NULL && (writer = xmlNewTextWriter (output)) == NULL)
    xmlOutputBufferClose (output);
  if (writer != NULL)
    ok = write_plan (writer, board, options);

  if (ok && sink.error == NULL)
    return g_output_stream_close (stream, NULL, error);

  abandon_file (stream, file, existed);
  if (sink.error != NULL)
    g_propagate_error (error, sink.error);
  else
    set_out_of_memory_error (error);

  return FALSE;
}
