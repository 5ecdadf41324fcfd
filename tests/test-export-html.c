/* test-export-html.c: the HTML action plan: its structure on the example
 * board, and that hostile text in every field stays text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#include "kw-export-html.h"
#include "kw-export-svg.h"
#include "kw-follow-up.h"
#include "kw-format.h"
#include "kw-plan-text.h"
#include "kw-text.h"

/* Helpers */

static KwBoard *
load_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  const char *source_dir = g_getenv ("KW_SOURCE_DIR");
  g_autofree char *path = g_build_filename (source_dir != NULL ? source_dir : SOURCE_EXAMPLES_DIR "/../..",
                                            "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KwBoard *board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return board;
}

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_utc (2026, 11, 22, 10, 0, 0);
}

static char *
export_html (KwBoard    *board,
             const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  KwExportHtmlOptions options = { lang, now, NULL };
  g_autoptr(GBytes) bytes = kw_export_html_bytes (board, &options, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));

  return g_strndup (data, size);
}

static htmlDocPtr
parse_html (const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, (int) strlen (html), "plan.html", "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  g_assert_nonnull (doc);

  return doc;
}

static const char *
attr (xmlNodePtr  node,
      const char *name)
{
  /* The document owns the values; keeping them in a per-test table is
   * overkill for this short-lived test, so they are looked up directly. */
  for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
    {
      if (g_ascii_strcasecmp ((const char *) a->name, name) == 0 &&
          a->children != NULL && a->children->type == XML_TEXT_NODE)
        return (const char *) a->children->content;
    }

  return NULL;
}

static gboolean
has_class (xmlNodePtr  node,
           const char *class_name)
{
  const char *classes = attr (node, "class");
  g_auto(GStrv) words = NULL;

  if (classes == NULL)
    return FALSE;
  words = g_strsplit (classes, " ", -1);

  return g_strv_contains ((const char * const *) words, class_name);
}

typedef void (*Visit) (xmlNodePtr node, gpointer data);

static void
walk (xmlNodePtr node,
      Visit      visit,
      gpointer   data)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        visit (node, data);
      walk (node->children, visit, data);
    }
}

static char *
text_of (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) content);

  xmlFree (content);

  return copy;
}

/* Structure */

typedef struct
{
  GPtrArray *section_ids;    /* the ids of the <section>s, in order */
  GArray    *item_numbers;   /* the number shown on each item, in order */
  GPtrArray *item_ids;       /* the ids of the items, in order */
  GHashTable *dot_targets;   /* number on the matrix → href */
  GHashTable *links;         /* href of each finding on the matrix */
  GHashTable *counts;        /* outcome id → count shown in the summary */
  guint      n_h1;
} Structure;

static void
visit_structure (xmlNodePtr node,
                 gpointer   data)
{
  Structure *s = data;
  const char *name = (const char *) node->name;

  if (g_str_equal (name, "h1"))
    s->n_h1++;
  else if (g_str_equal (name, "section"))
    g_ptr_array_add (s->section_ids, g_strdup (attr (node, "id")));
  else if (g_str_equal (name, "li") && has_class (node, "item"))
    g_ptr_array_add (s->item_ids, g_strdup (attr (node, "id")));
  else if (g_str_equal (name, "span") && has_class (node, "number"))
    {
      g_autofree char *number = text_of (node);
      guint value = (guint) g_ascii_strtoull (number, NULL, 10);

      g_array_append_val (s->item_numbers, value);
    }
  else if (g_str_equal (name, "g") && has_class (node, "finding"))
    {
      /* The finding's group names its item; its badge's number, when it
       * shows one, is the text drawn in the badge. */
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        {
          if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "text") &&
              has_class (child, "number"))
            g_hash_table_insert (s->dot_targets, text_of (child), g_strdup (attr (node, "data-item")));
        }
      g_hash_table_add (s->links, g_strdup (attr (node, "data-item")));
    }
  else if (g_str_equal (name, "tr") && attr (node, "class") != NULL &&
           g_str_has_prefix (attr (node, "class"), "outcome-"))
    {
      xmlNodePtr cell = node->children;

      while (cell != NULL && (cell->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) cell->name, "td")))
        cell = cell->next;
      g_assert_nonnull (cell);
      g_hash_table_insert (s->counts, g_strdup (attr (node, "class") + strlen ("outcome-")), text_of (cell));
    }
}

static void
test_structure (void)
{
  g_autoptr(KwBoard) board = load_example ("klantcontact-nl.kwadrant");
  g_autofree char *html = export_html (board, NULL);
  htmlDocPtr doc = parse_html (html);
  Structure s = {
    g_ptr_array_new_with_free_func (g_free),
    g_array_new (FALSE, FALSE, sizeof (guint)),
    g_ptr_array_new_with_free_func (g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    0,
  };
  const char * const expected_sections[] = {
    "summary", "quick-win", "small-fix", "long-term", "future", "drop", "unplaced",
  };
  guint counts[KW_N_OUTCOMES];
  guint n_placed;

  /* The document itself */
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_nonnull (strstr (html, "<meta charset=\"utf-8\"/>"));
  g_assert_nonnull (strstr (html, "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""));
  g_assert_nonnull (strstr (html, "name=\"viewport\""));
  g_assert_nonnull (strstr (html, "@page { size: A4;"));
  g_assert_nonnull (strstr (html, "@media print"));
  g_assert_nonnull (strstr (html, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  /* Nothing from elsewhere, nothing that runs. */
  {
    /* The one address in the file is the SVG namespace, never fetched. */
    g_autoptr(GString) rest = g_string_new (html);

    g_string_replace (rest, "xmlns=\"http://www.w3.org/2000/svg\"", "", 0);
    g_assert_null (strstr (rest->str, "http:"));
    g_assert_null (strstr (rest->str, "https:"));
    g_assert_null (strstr (rest->str, "//"));
  }
  /* The items' numbers are white on the outcome's ink, which reads at
   * 4.5:1 (test-export-image computes it), not on its lighter colour. */
  g_assert_nonnull (strstr (html, "background: var(--accent-ink); color: #fff;"));
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      g_autofree char *rule = g_strdup_printf (".outcome-%s { --accent: %s; --accent-ink: %s; }",
                                               kw_outcome_to_id ((KwOutcome) i),
                                               kw_outcome_get_color ((KwOutcome) i, FALSE),
                                               kw_outcome_get_badge_color ((KwOutcome) i));

      g_assert_nonnull (strstr (html, rule));
    }
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "url("));
  g_assert_null (strstr (html, "@import"));
  /* The header's dates, in words. */
  g_assert_nonnull (strstr (html, "<dd>18 November 2026</dd>"));
  g_assert_nonnull (strstr (html, "<dd>22 November 2026</dd>"));

  walk (xmlDocGetRootElement (doc), visit_structure, &s);

  g_assert_cmpuint (s.n_h1, ==, 1);
  g_assert_cmpuint (s.section_ids->len, ==, G_N_ELEMENTS (expected_sections));
  for (guint i = 0; i < G_N_ELEMENTS (expected_sections); i++)
    g_assert_cmpstr (g_ptr_array_index (s.section_ids, i), ==, expected_sections[i]);

  /* Numbered 1..n without gaps, in the method's order. */
  g_assert_cmpuint (s.item_numbers->len, ==, kw_board_get_n_findings (board));
  for (guint i = 0; i < s.item_numbers->len; i++)
    g_assert_cmpuint (g_array_index (s.item_numbers, guint, i), ==, i + 1);

  /* The summary's counts are those of --check. */
  kw_board_count_outcomes (board, counts);
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u", counts[i]);

      g_assert_cmpstr (g_hash_table_lookup (s.counts, kw_outcome_to_id ((KwOutcome) i)), ==, expected);
    }

  /* Every placed finding is on the matrix, linking to its item; where the
   * matrix shows numbers, each is the number of the item it links to. */
  n_placed = kw_board_get_n_findings (board) - counts[KW_OUTCOME_UNPLACED];
  g_assert_cmpuint (g_hash_table_size (s.links), ==, n_placed);
  g_assert_true (g_hash_table_size (s.dot_targets) == 0 || g_hash_table_size (s.dot_targets) == n_placed);
  for (guint i = 0; i < n_placed; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *target = g_strconcat ("#", (char *) g_ptr_array_index (s.item_ids, i), NULL);

      g_assert_true (g_hash_table_contains (s.links, target));
      if (g_hash_table_size (s.dot_targets) > 0)
        g_assert_cmpstr (g_hash_table_lookup (s.dot_targets, number), ==, target);
    }

  g_ptr_array_unref (s.section_ids);
  g_array_unref (s.item_numbers);
  g_ptr_array_unref (s.item_ids);
  g_hash_table_unref (s.dot_targets);
  g_hash_table_unref (s.links);
  g_hash_table_unref (s.counts);
  xmlFreeDoc (doc);
}

static void
test_plan_order (void)
{
  g_autoptr(KwBoard) board = load_example ("customer-contact-en.kwadrant");
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  guint expected = 1;

  /* The sections follow kw_board_collect_outcome(), numbered on. */
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      g_autoptr(GPtrArray) findings = kw_board_collect_outcome (board, (KwOutcome) i);

      g_assert_cmpuint (plan->sections[i].first_number, ==, expected);
      g_assert_cmpuint (plan->sections[i].findings->len, ==, findings->len);
      for (guint j = 0; j < findings->len; j++)
        {
          g_assert_true (g_ptr_array_index (plan->sections[i].findings, j) == g_ptr_array_index (findings, j));
          g_assert_cmpuint (kw_plan_get_number (plan, g_ptr_array_index (findings, j)), ==, expected++);
        }
    }
  g_assert_cmpuint (plan->n_findings, ==, kw_board_get_n_findings (board));
}

static void
test_empty_board (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autofree char *html = export_html (board, NULL);

  /* No unplaced section without unplaced findings; the others say so. */
  g_assert_null (strstr (html, "id=\"unplaced\""));
  g_assert_nonnull (strstr (html, "id=\"drop\""));
  g_assert_nonnull (strstr (html, "No findings."));
  g_assert_nonnull (strstr (html, "<h1>Untitled board</h1>"));
}

static void
test_dates (void)
{
  g_autofree char *date = kw_plan_text_format_iso_date ("2026-11-22");
  g_autofree char *leap = kw_plan_text_format_iso_date ("2028-02-29");
  g_autofree char *score = kw_plan_text_format_score (7.5);

  g_assert_cmpstr (date, ==, "22 November 2026");
  g_assert_cmpstr (leap, ==, "29 February 2028");
  g_assert_null (kw_plan_text_format_iso_date ("2027-02-30"));
  g_assert_null (kw_plan_text_format_iso_date (""));
  g_assert_cmpstr (score, ==, "7.5");
}

/* Follow-up marks: who and by when asked for on quick wins as on the
 * long-term plan ("not set" when missing), and a due date before the
 * export's day on a finding not done says "overdue". fixed_now() is
 * 22 November 2026. */
typedef struct {
  const char *title;
  double      impact, effort;
  const char *owner, *due;
  KwStatus    status;
  const char *owner_fact;  /* NULL: no owner fact */
  const char *due_fact;
  gboolean    overdue;
} FollowUp;

static const FollowUp follow_ups[] = {
  { "Bare quick win", 8, 2, "", "", KW_STATUS_OPEN, "not set", "not set", FALSE },
  { "Late quick win", 8, 2, "Ann", "2026-11-21", KW_STATUS_OPEN, "Ann", "21 November 2026, overdue", TRUE },
  { "Late but done", 8, 2, "Ann", "2026-11-01", KW_STATUS_DONE, "Ann", "1 November 2026", FALSE },
  { "Due today", 8, 2, "Ann", "2026-11-22", KW_STATUS_IN_PROGRESS, "Ann", "22 November 2026", FALSE },
  { "Late long-term", 8, 8, "", "2026-10-01", KW_STATUS_IN_PROGRESS, "not set", "1 October 2026, overdue", TRUE },
  { "Bare small fix", 2, 0.5, "", "", KW_STATUS_OPEN, NULL, NULL, FALSE },
};

static KwBoard *
make_follow_up_board (void)
{
  KwBoard *board = kw_board_new ();

  kw_board_set_title (board, "Follow-up");
  for (guint i = 0; i < G_N_ELEMENTS (follow_ups); i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (follow_ups[i].title);

      kw_finding_place (finding, follow_ups[i].impact, follow_ups[i].effort);
      kw_finding_set_owner (finding, follow_ups[i].owner);
      kw_finding_set_due_date (finding, follow_ups[i].due);
      kw_finding_set_status (finding, follow_ups[i].status);
      g_assert_true (kw_board_append_finding (board, finding));
    }

  return board;
}

static const KwPlanFact *
find_fact (GArray     *facts,
           const char *key)
{
  for (guint i = 0; i < facts->len; i++)
    {
      const KwPlanFact *fact = &g_array_index (facts, KwPlanFact, i);

      if (g_str_equal (fact->key, key))
        return fact;
    }

  return NULL;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_follow_up (void)
{
  g_autoptr(KwBoard) board = make_follow_up_board ();
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  g_autofree char *html = NULL;
  guint n_overdue = 0;

  kw_plan_set_today (plan, now);
  g_assert_cmpstr (plan->today, ==, "2026-11-22");

  for (guint i = 0; i < G_N_ELEMENTS (follow_ups); i++)
    {
      const FollowUp *expected = &follow_ups[i];
      KwFinding *finding = kw_board_get_finding (board, i);
      g_autoptr(GArray) facts = kw_plan_get_facts (plan, kw_board_classify_finding (board, finding), finding);
      const KwPlanFact *owner = find_fact (facts, "owner");
      const KwPlanFact *due = find_fact (facts, "due");

      g_test_message ("%s", expected->title);
      g_assert_cmpint (kw_follow_up_is_overdue (finding, plan->today), ==, expected->overdue);
      if (expected->owner_fact == NULL)
        g_assert_null (owner);
      else
        g_assert_cmpstr (owner->value, ==, expected->owner_fact);
      if (expected->due_fact == NULL)
        {
          g_assert_null (due);
          continue;
        }
      g_assert_cmpstr (due->value, ==, expected->due_fact);
      g_assert_cmpint (due->overdue, ==, expected->overdue);
      g_assert_cmpint (due->not_set, ==, expected->due[0] == '\0');
      n_overdue += expected->overdue;
    }

  /* In the page: the word, and a class the style sheet colours. */
  html = export_html (board, "en");
  g_assert_cmpuint (count_occurrences (html, "<div class=\"overdue\"><dt>Due date</dt><dd>"), ==, n_overdue);
  g_assert_cmpuint (count_occurrences (html, ", overdue</dd>"), ==, n_overdue);
  g_assert_nonnull (strstr (html, "<dt>Owner</dt><dd>not set</dd>"));
  g_assert_nonnull (strstr (html, "dl.facts .overdue dd, ul.follow-up .overdue {"));

  /* The summary counts them, and says how far each list has come. */
  g_assert_nonnull (strstr (html, "<li class=\"overdue\">2 actions are overdue</li>"));
  g_assert_nonnull (strstr (html, "<li class=\"progress\">Quick wins: 1 of 4 done</li>"));
  g_assert_nonnull (strstr (html, "<li class=\"progress\">Small fixes: 0 of 1 done</li>"));
  g_assert_nonnull (strstr (html, "<li class=\"progress\">Long-term plan: 0 of 1 done</li>"));
  g_assert_null (strstr (html, "Future list: "));
  g_assert_nonnull (strstr (html, "<li>No finding is due for review</li>"));
  g_assert_null (strstr (html, "id=\"due-for-review\""));
  /* A small fix asks for its review date, as the future list does. */
  g_assert_nonnull (strstr (html, "<dt>Review date</dt><dd>not set</dd>"));

  /* Overdue from the day after the due date. */
  {
    g_autoptr(KwFinding) odd = kw_finding_new ("odd");

    g_assert_false (kw_follow_up_is_overdue (odd, "2026-11-22"));
    kw_finding_set_due_date (odd, "2026-11-21");
    g_assert_true (kw_follow_up_is_overdue (odd, "2026-11-22"));
    g_assert_false (kw_follow_up_is_overdue (odd, "2026-11-21"));
  }
}

/* The review cycle in the plan: fixed_now() is 22 November 2026. On the
 * future list one finding reviewed today (due), one next week (not yet)
 * and one done (never due); the quick win's review date does not count. */
static KwBoard *
make_review_board (void)
{
  KwBoard *board = make_follow_up_board ();
  const struct { const char *title; double effort; const char *review; KwStatus status; } future[] = {
    { "Review next week", 3.5, "2026-11-29", KW_STATUS_OPEN },
    { "Review today", 3.0, "2026-11-22", KW_STATUS_OPEN },
    { "Reviewed and done", 4.0, "2026-10-01", KW_STATUS_DONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (future); i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (future[i].title);

      kw_finding_place (finding, 2.0, future[i].effort);
      kw_finding_set_review_date (finding, future[i].review);
      kw_finding_set_status (finding, future[i].status);
      g_assert_true (kw_board_append_finding (board, finding));
    }
  kw_finding_set_review_date (kw_board_get_finding (board, 0), "2026-11-01");

  return board;
}

static void
test_due_for_review (void)
{
  g_autoptr(KwBoard) board = make_review_board ();
  g_autofree char *html = export_html (board, "en");
  const char *section;

  /* Numbered as in the plan: quick wins 1-4, the small fix 5, the
   * long-term finding 6, the future list by effort 7-9. */
  g_assert_nonnull (strstr (html, "<li class=\"progress\">Future list: 1 of 3 done</li>"));
  g_assert_nonnull (strstr (html, "<li class=\"review-due\">1 finding is due for review</li>"));
  g_assert_nonnull (strstr (html, "<div class=\"review-due\"><dt>Review date</dt>"
                                  "<dd>22 November 2026, due for review</dd></div>"));
  g_assert_cmpuint (count_occurrences (html, ", due for review</dd>"), ==, 1);

  section = strstr (html, "<section class=\"review\" id=\"due-for-review\"><h2>Due for review</h2>");
  g_assert_nonnull (section);
  /* After every outcome's section, and holding only the one due. */
  g_assert_null (strstr (section != NULL ? section + 1 : "", "<section"));
  g_assert_nonnull (strstr (section, "<li class=\"item outcome-future\"><h3><span class=\"number\">7</span>"
                                     "<span class=\"title\">Review today</span></h3>"));
  g_assert_nonnull (strstr (section, "<div><dt>List</dt><dd>Future list</dd></div>"
                                     "<div><dt>Review date</dt><dd>22 November 2026</dd></div>"));
  g_assert_null (strstr (section, "Review next week"));
  g_assert_null (strstr (section, "Reviewed and done"));
  g_assert_null (strstr (section, "Bare quick win"));
}

/* The Dutch catalogue, when it is built and has the plan's strings. */
static void
test_dutch (void)
{
  const char *build_dir = g_getenv ("KW_BUILD_DIR");
  g_autofree char *localedir = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autofree char *html = NULL;
  gboolean translated;

  if (build_dir == NULL)
    {
      g_test_skip ("KW_BUILD_DIR is not set: run through meson test");
      return;
    }

  localedir = g_build_filename (build_dir, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  {
    g_autoptr(KwPlanLanguage) language = kw_plan_language_push ("nl");
    translated = g_str_equal (kw_plan_language_get_code (), "nl");
  }
  if (!translated)
    {
      g_test_skip ("po/nl.po does not translate the action plan yet");
      return;
    }

  board = load_example ("klantcontact-nl.kwadrant");
  html = export_html (board, "nl");
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"nl\">"));
  g_assert_nonnull (strstr (html, "<dd>22 november 2026</dd>"));

  /* Following through, in the plan's language. */
  g_clear_pointer (&html, g_free);
  g_clear_object (&board);
  board = make_review_board ();
  html = export_html (board, "nl");
  g_assert_nonnull (strstr (html, "<h3>Voortgang</h3>"));
  g_assert_nonnull (strstr (html, "<li class=\"progress\">Quick wins: 1 van de 4 klaar</li>"));
  g_assert_nonnull (strstr (html, "<li class=\"progress\">Kleine klusjes: 0 van 1 klaar</li>"));
  g_assert_nonnull (strstr (html, "<li class=\"overdue\">2 acties zijn te laat</li>"));
  g_assert_nonnull (strstr (html, ">1 bevinding is toe aan herbeoordeling</li>"));
  g_assert_nonnull (strstr (html, "<h2>Toe aan herbeoordeling</h2>"));
  g_assert_nonnull (strstr (html, "<dt>Lijst</dt><dd>Lijst voor later</dd>"));
  g_assert_nonnull (strstr (html, "<dd>22 november 2026, toe aan herbeoordeling</dd>"));

  /* And back: the push was undone. */
  g_clear_pointer (&html, g_free);
  html = export_html (board, "en");
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en\">"));
  g_assert_nonnull (strstr (html, "<dd>22 November 2026</dd>"));
}

/* Escaping */

static const char * const hostile_texts[] = {
  "<script>document.body.setAttribute('data-pwned', 'script')</script>",
  "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\">",
  "\"><svg onload=alert(1)><a href=\"javascript:alert(1)\">click</a>",
  "javascript:alert(document.cookie)",
  "' onmouseover='alert(1)' x='",
  "]]><script>alert('cdata')</script><![CDATA[",
  "</title></style></svg><script>alert(2)</script>",
  "<!-- comment --><iframe src=\"https://evil.example/\"></iframe>",
  "<style>@import url(https://evil.example/x.css);</style>",
  "bell\x07 escape\x1b[31m null-ish\x01 form\x0c feed & ampersand < less > more",
};

/* The elements and attributes the plan is made of: anything else came
 * from the text. */
static const char * const allowed_elements[] = {
  "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section",
  "h1", "h2", "h3", "p", "dl", "dt", "dd", "div", "span", "table", "thead", "tbody", "tfoot",
  "tr", "th", "td", "figure", "figcaption", "ol", "ul", "li",
  "svg", "desc", "rect", "g", "text", "tspan", "line", "circle", "polygon",
};

typedef struct
{
  guint   n_elements;
  GString *problems;
} Audit;

static void
visit_audit (xmlNodePtr node,
             gpointer   data)
{
  Audit *audit = data;
  const char *name = (const char *) node->name;

  audit->n_elements++;
  if (!g_strv_contains (allowed_elements, name))
    g_string_append_printf (audit->problems, "element <%s>; ", name);

  for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
    {
      const char *attribute = (const char *) a->name;
      const char *value = attr (node, attribute);
      g_autofree char *lower = g_ascii_strdown (value != NULL ? value : "", -1);

      if (g_ascii_strncasecmp (attribute, "on", 2) == 0)
        g_string_append_printf (audit->problems, "attribute %s on <%s>; ", attribute, name);
      if ((g_str_equal (attribute, "href") || g_str_equal (attribute, "src")) &&
          !g_str_has_prefix (lower, "#"))
        g_string_append_printf (audit->problems, "%s=\"%s\" on <%s>; ", attribute, value, name);
      if (strstr (lower, "javascript:") != NULL && !g_str_equal (name, "meta"))
        g_string_append_printf (audit->problems, "javascript: in %s; ", attribute);
    }
}

static KwBoard *
make_hostile_board (void)
{
  KwBoard *board = kw_board_new ();
  guint n = G_N_ELEMENTS (hostile_texts);

  kw_board_set_title (board, hostile_texts[0]);
  kw_board_set_organisation (board, hostile_texts[1]);
  kw_board_set_facilitator (board, hostile_texts[2]);
  kw_board_set_notes (board, hostile_texts[3]);
  kw_board_set_workshop_date (board, "2026-11-20");

  /* Each hostile text in each field of a finding in every outcome. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KwFinding) finding = kw_finding_new (hostile_texts[i]);
      const char *tags[] = { hostile_texts[(i + 1) % n], hostile_texts[(i + 2) % n], NULL };
      static const double positions[][2] = {
        { 8.0, 2.0 }, { 2.0, 0.5 }, { 8.0, 8.0 }, { 2.0, 3.0 }, { 2.0, 8.0 },
      };

      kw_finding_set_description (finding, hostile_texts[(i + 3) % n]);
      kw_finding_set_owner (finding, hostile_texts[(i + 4) % n]);
      kw_finding_set_source (finding, hostile_texts[(i + 5) % n]);
      kw_finding_set_drop_reason (finding, hostile_texts[(i + 6) % n]);
      kw_finding_set_tags (finding, tags);
      kw_finding_set_due_date (finding, "2027-01-31");
      kw_finding_set_review_date (finding, "2027-06-01");
      if (i % 6 != 5)
        kw_finding_place (finding, positions[i % 6][0], positions[i % 6][1]);
      g_assert_true (kw_board_append_finding (board, finding));
    }

  return board;
}

static void
test_hostile_text (void)
{
  g_autoptr(KwBoard) board = make_hostile_board ();
  g_autofree char *html = export_html (board, NULL);
  g_autofree char *h1 = NULL;
  g_autofree char *expected_h1 = kw_text_clean (hostile_texts[0], TRUE);
  htmlDocPtr doc = parse_html (html);
  Audit audit = { 0, g_string_new (NULL) };
  xmlNodePtr root = xmlDocGetRootElement (doc);

  /* No control character reaches the file. */
  for (const char *p = html; *p != '\0'; p++)
    g_assert_true (*p == '\n' || *p == '\t' || (guchar) *p >= 0x20);

  walk (root, visit_audit, &audit);
  g_assert_cmpuint (audit.n_elements, >, 100);
  g_assert_cmpstr (audit.problems->str, ==, "");

  /* The text itself survives, as text. */
  {
    Structure s = { g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (guint)),
                    g_ptr_array_new_with_free_func (g_free),
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), 0 };

    walk (root, visit_structure, &s);
    g_assert_cmpuint (s.n_h1, ==, 1);
    g_assert_cmpuint (s.item_numbers->len, ==, G_N_ELEMENTS (hostile_texts));
    g_ptr_array_unref (s.section_ids);
    g_array_unref (s.item_numbers);
    g_ptr_array_unref (s.item_ids);
    g_hash_table_unref (s.dot_targets);
    g_hash_table_unref (s.links);
    g_hash_table_unref (s.counts);
  }
  for (xmlNodePtr body = root->children; body != NULL; body = body->next)
    {
      if (body->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) body->name, "body"))
        continue;
      for (xmlNodePtr header = body->children; header != NULL; header = header->next)
        {
          if (header->type == XML_ELEMENT_NODE && g_str_equal ((const char *) header->name, "header"))
            for (xmlNodePtr child = header->children; child != NULL; child = child->next)
              if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "h1"))
                h1 = text_of (child);
        }
    }
  g_assert_cmpstr (h1, ==, expected_h1);
  g_assert_nonnull (strstr (html, "&lt;script&gt;document.body.setAttribute"));

  g_string_free (audit.problems, TRUE);
  xmlFreeDoc (doc);
}

static void
test_hostile_svg (void)
{
  g_autoptr(KwBoard) board = make_hostile_board ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kw_export_svg_bytes (board, NULL, 800, 600, &error);
  gsize size;
  const char *data;
  xmlDocPtr doc;
  Audit audit = { 0, g_string_new (NULL) };

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  /* A standalone SVG is XML: it must parse strictly. */
  doc = xmlReadMemory (data, (int) size, "matrix.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
  walk (xmlDocGetRootElement (doc), visit_audit, &audit);
  g_assert_cmpstr (audit.problems->str, ==, "");
  {
    g_autofree char *svg = g_strndup (data, size);

    g_assert_null (strstr (svg, "<script"));
  }

  g_string_free (audit.problems, TRUE);
  xmlFreeDoc (doc);
}

/* The matrix read back from its SVG, as a browser would lay it out: the
 * boxes of labels and badges, the numbers they show and the width every
 * line of text is held to. */

typedef struct
{
  double x, y, width, height;
} Box;

typedef struct
{
  Box         plot;
  gboolean    has_plot;
  double      svg_width;
  double      svg_height;
  GArray     *boxes;          /* Box: labels and badges on the plot */
  GHashTable *numbers;        /* href → number its badge shows */
  GHashTable *legend_numbers; /* number → TRUE, from the legend */
  guint       n_findings;
  guint       n_lines;        /* lines of text in labels and the legend */
  GString    *problems;
} SvgMatrix;

static double
number_attr (xmlNodePtr  node,
             const char *name)
{
  const char *value = attr (node, name);

  g_assert_nonnull (value);

  return g_ascii_strtod (value, NULL);
}

static Box
box_of (xmlNodePtr node)
{
  return (Box) { number_attr (node, "x"), number_attr (node, "y"),
                 number_attr (node, "width"), number_attr (node, "height") };
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* A line of text must carry the width it was measured at, and that width
 * must end inside its box (right edge). */
static void
check_line (SvgMatrix  *m,
            xmlNodePtr  tspan,
            double      right)
{
  const char *length = attr (tspan, "textLength");

  m->n_lines++;
  if (length == NULL || g_strcmp0 (attr (tspan, "lengthAdjust"), "spacingAndGlyphs") != 0)
    {
      g_autofree char *line = text_of (tspan);

      g_string_append_printf (m->problems, "line \"%s\" without textLength; ", line);
      return;
    }
  if (number_attr (tspan, "x") + g_ascii_strtod (length, NULL) > right + 0.01)
    g_string_append_printf (m->problems, "a line ends at %.2f beyond its box (%.2f); ",
                            number_attr (tspan, "x") + g_ascii_strtod (length, NULL), right);
}

static void
read_finding (SvgMatrix  *m,
              xmlNodePtr  finding)
{
  const char *href = attr (finding, "data-item");
  double right = 0.0;

  m->n_findings++;
  for (xmlNodePtr child = finding->children; child != NULL; child = child->next)
    {
      const char *name = (const char *) child->name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal (name, "rect") && (has_class (child, "label") || has_class (child, "badge")))
        {
          Box box = box_of (child);

          g_array_append_val (m->boxes, box);
          right = box.x + box.width;
        }
      else if (g_str_equal (name, "text") && has_class (child, "number") && href != NULL)
        g_hash_table_insert (m->numbers, g_strdup (href), text_of (child));
      else if (g_str_equal (name, "text") && has_class (child, "title"))
        for (xmlNodePtr tspan = child->children; tspan != NULL; tspan = tspan->next)
          if (tspan->type == XML_ELEMENT_NODE)
            check_line (m, tspan, right);
    }
}

static void
read_legend (SvgMatrix  *m,
             xmlNodePtr  legend)
{
  for (xmlNodePtr entry = legend->children; entry != NULL; entry = entry->next)
    {
      if (entry->type != XML_ELEMENT_NODE)
        continue;
      for (xmlNodePtr child = entry->children; child != NULL; child = child->next)
        {
          if (child->type != XML_ELEMENT_NODE)
            continue;
          if (g_str_equal ((const char *) child->name, "text") && has_class (child, "number"))
            {
              g_autofree char *number = text_of (child);

              g_hash_table_add (m->legend_numbers, GUINT_TO_POINTER (atoi (number)));
            }
          else if (g_str_equal ((const char *) child->name, "text"))
            for (xmlNodePtr tspan = child->children; tspan != NULL; tspan = tspan->next)
              if (tspan->type == XML_ELEMENT_NODE)
                check_line (m, tspan, m->svg_width);
        }
    }
}

static void
visit_matrix (xmlNodePtr node,
              gpointer   data)
{
  SvgMatrix *m = data;
  const char *name = (const char *) node->name;

  if (g_str_equal (name, "svg"))
    {
      m->svg_width = number_attr (node, "width");
      m->svg_height = number_attr (node, "height");
    }
  else if (g_str_equal (name, "rect") && has_class (node, "frame"))
    {
      m->plot = box_of (node);
      m->has_plot = TRUE;
    }
  else if ((g_str_equal (name, "a") || g_str_equal (name, "g")) && has_class (node, "finding"))
    read_finding (m, node);
  else if (g_str_equal (name, "g") && has_class (node, "legend"))
    read_legend (m, node);
}

static void
svg_matrix_init (SvgMatrix *m)
{
  *m = (SvgMatrix) { { 0 } };
  m->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  m->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->legend_numbers = g_hash_table_new (NULL, NULL);
  m->problems = g_string_new (NULL);
}

static void
svg_matrix_clear (SvgMatrix *m)
{
  g_array_unref (m->boxes);
  g_hash_table_unref (m->numbers);
  g_hash_table_unref (m->legend_numbers);
  g_string_free (m->problems, TRUE);
}

/* No two boxes overlap, and all lie inside the plot. */
static void
assert_boxes_apart (const SvgMatrix *m)
{
  g_assert_true (m->has_plot);
  for (guint i = 0; i < m->boxes->len; i++)
    {
      const Box *a = &g_array_index (m->boxes, Box, i);

      g_assert_cmpfloat (a->x, >=, m->plot.x - 0.01);
      g_assert_cmpfloat (a->y, >=, m->plot.y - 0.01);
      g_assert_cmpfloat (a->x + a->width, <=, m->plot.x + m->plot.width + 0.01);
      g_assert_cmpfloat (a->y + a->height, <=, m->plot.y + m->plot.height + 0.01);
      for (guint j = i + 1; j < m->boxes->len; j++)
        g_assert_false (boxes_overlap (a, &g_array_index (m->boxes, Box, j)));
    }
}

static KwBoard *
load_test_board (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "tests", "data", "boards", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KwBoard *board = kw_format_load_file (file, NULL, &error);

  g_assert_no_error (error);

  return board;
}

/* The number each item of the plan shows, by the href that links to it. */
static GHashTable *
plan_numbers_by_href (KwBoard *board)
{
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < KW_OUTCOME_UNPLACED; i++)
    for (guint j = 0; j < plan->sections[i].findings->len; j++)
      {
        KwFinding *finding = g_ptr_array_index (plan->sections[i].findings, j);

        g_hash_table_insert (numbers, g_strconcat ("#finding-", kw_finding_get_id (finding), NULL),
                             g_strdup_printf ("%u", kw_plan_get_number (plan, finding)));
      }

  return numbers;
}

static void
assert_numbers_match (const SvgMatrix *m,
                      GHashTable      *expected)
{
  GHashTableIter iter;
  gpointer href, number;

  g_assert_cmpuint (g_hash_table_size (m->numbers), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &href, &number))
    g_assert_cmpstr (g_hash_table_lookup (m->numbers, href), ==, number);
}

static xmlNodePtr
find_element (xmlNodePtr  node,
              const char *name)
{
  for (; node != NULL; node = node->next)
    {
      xmlNodePtr found;

      if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name))
        return node;
      if ((found = find_element (node->children, name)) != NULL)
        return found;
    }

  return NULL;
}

/* The HTML plan's matrix: titles where they fit, numbered badges on a
 * busy board, and either way nothing overlaps and the numbers are the
 * plan's. */
static void
test_plan_matrix (gconstpointer data)
{
  const char *name = data;
  g_autoptr(KwBoard) board = g_str_has_prefix (name, "workshop") ? load_test_board (name) : load_example (name);
  g_autofree char *html = export_html (board, NULL);
  g_autoptr(GHashTable) expected = plan_numbers_by_href (board);
  htmlDocPtr doc = parse_html (html);
  SvgMatrix m;

  svg_matrix_init (&m);
  walk (find_element (xmlDocGetRootElement (doc), "svg"), visit_matrix, &m);

  g_assert_cmpuint (m.n_findings, ==, g_hash_table_size (expected));
  assert_boxes_apart (&m);
  g_assert_cmpuint (m.n_lines + g_hash_table_size (m.numbers), >, 0);
  g_assert_cmpstr (m.problems->str, ==, "");
  /* Numbers on the matrix, or titles: never a mixture. */
  if (g_hash_table_size (m.numbers) > 0)
    {
      assert_numbers_match (&m, expected);
      g_assert_nonnull (strstr (html, "The numbers on the matrix are those of the findings in the plan below."));
    }
  else
    {
      g_assert_cmpuint (m.n_lines, >=, m.n_findings);
      g_assert_nonnull (strstr (html, "Each finding's title stands beside its mark on the matrix."));
    }
  /* The plan's list is the legend: none beside the matrix. */
  g_assert_cmpuint (g_hash_table_size (m.legend_numbers), ==, 0);
  if (g_str_equal (name, "workshop-60-nl.kwadrant"))
    g_assert_cmpuint (g_hash_table_size (m.numbers), ==, 60);

  svg_matrix_clear (&m);
  xmlFreeDoc (doc);
}

/* The image export: at the default size and a small one, with a legend
 * in NUMBERS mode that holds every finding. */
static void
test_svg_matrix (gconstpointer data)
{
  const char *name = data;
  g_autoptr(KwBoard) board = load_test_board (name);
  g_autoptr(GHashTable) expected = plan_numbers_by_href (board);
  const double sizes[][2] = { { 1600, 1200 }, { 1024, 768 }, { 800, 600 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = kw_export_svg_bytes (board, NULL, sizes[i][0], sizes[i][1], &error);
      gsize size;
      const char *svg;
      xmlDocPtr doc;
      SvgMatrix m;

      g_assert_no_error (error);
      svg = g_bytes_get_data (bytes, &size);
      doc = xmlReadMemory (svg, (int) size, "matrix.svg", NULL, XML_PARSE_NONET);
      g_assert_nonnull (doc);

      svg_matrix_init (&m);
      walk (xmlDocGetRootElement (doc), visit_matrix, &m);
      g_assert_cmpfloat (m.svg_width, ==, sizes[i][0]);
      g_assert_cmpuint (m.n_findings, ==, g_hash_table_size (expected));
      assert_boxes_apart (&m);
      g_assert_cmpstr (m.problems->str, ==, "");

      if (g_hash_table_size (m.numbers) > 0)
        {
          /* Every finding in the legend, with its number. */
          assert_numbers_match (&m, expected);
          g_assert_cmpuint (g_hash_table_size (m.legend_numbers), ==, g_hash_table_size (expected));
          for (guint n = 1; n <= g_hash_table_size (expected); n++)
            g_assert_true (g_hash_table_contains (m.legend_numbers, GUINT_TO_POINTER (n)));
        }
      else
        {
          g_assert_cmpuint (m.n_lines, >=, m.n_findings);
        }

      svg_matrix_clear (&m);
      xmlFreeDoc (doc);
    }
}

/* The matrix is one image with a text alternative, and nothing in the
 * page takes a tab stop a sighted keyboard user could not see; every
 * header cell of the summary says what it heads. */
typedef struct
{
  guint       n_svg;
  guint       n_focusable;
  guint       n_th;
  guint       n_th_scoped;
  xmlNodePtr  svg;
  xmlNodePtr  caption;
} Access;

static void
visit_access (xmlNodePtr node,
              gpointer   data)
{
  Access *a = data;
  const char *name = (const char *) node->name;
  const char *scope = attr (node, "scope");

  if (g_str_equal (name, "svg"))
    {
      a->n_svg++;
      a->svg = node;
    }
  if (g_str_equal (name, "a") || g_str_equal (name, "button") || g_str_equal (name, "input") ||
      attr (node, "tabindex") != NULL || attr (node, "href") != NULL)
    a->n_focusable++;
  if (g_str_equal (name, "figcaption") && g_strcmp0 (attr (node, "id"), "matrix-caption") == 0)
    a->caption = node;
  if (g_str_equal (name, "th"))
    {
      gboolean in_head = g_str_equal ((const char *) node->parent->parent->name, "thead");

      a->n_th++;
      if (g_strcmp0 (scope, in_head ? "col" : "row") == 0)
        a->n_th_scoped++;
    }
}

static void
test_accessible_matrix (void)
{
  const char * const boards[] = { "klantcontact-nl.kwadrant", "workshop-60-nl.kwadrant" };

  for (guint i = 0; i < G_N_ELEMENTS (boards); i++)
    {
      g_autoptr(KwBoard) board = i == 0 ? load_example (boards[i]) : load_test_board (boards[i]);
      g_autofree char *html = export_html (board, "en");
      htmlDocPtr doc = parse_html (html);
      Access a = { 0 };
      g_autofree char *caption = NULL;
      g_autofree char *title = NULL;

      walk (xmlDocGetRootElement (doc), visit_access, &a);
      g_assert_cmpuint (a.n_svg, ==, 1);
      g_assert_cmpuint (a.n_focusable, ==, 0);
      g_assert_cmpstr (attr (a.svg, "role"), ==, "img");
      g_assert_cmpstr (attr (a.svg, "aria-describedby"), ==, "matrix-caption");
      g_assert_nonnull (a.caption);
      caption = text_of (a.caption);
      g_assert_nonnull (strstr (caption, "The numbered lists below give every finding in words"));
      title = text_of (find_element (a.svg->children, "title"));
      g_assert_true (g_str_has_prefix (title, "The impact/effort matrix"));
      g_assert_cmpuint (a.n_th, ==, 2 + KW_N_OUTCOMES + 1 - (strstr (html, "outcome-unplaced\"><th") == NULL));
      g_assert_cmpuint (a.n_th_scoped, ==, a.n_th);
      xmlFreeDoc (doc);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/html/structure", test_structure);
  g_test_add_func ("/export/html/plan-order", test_plan_order);
  g_test_add_func ("/export/html/accessible-matrix", test_accessible_matrix);
  g_test_add_func ("/export/html/empty-board", test_empty_board);
  g_test_add_func ("/export/html/dates", test_dates);
  g_test_add_func ("/export/html/follow-up", test_follow_up);
  g_test_add_func ("/export/html/due-for-review", test_due_for_review);
  g_test_add_func ("/export/html/dutch", test_dutch);
  g_test_add_func ("/export/html/hostile-text", test_hostile_text);
  g_test_add_func ("/export/svg/hostile-text", test_hostile_svg);
  g_test_add_data_func ("/export/html/matrix/example", "klantcontact-nl.kwadrant", test_plan_matrix);
  g_test_add_data_func ("/export/html/matrix/30", "workshop-30-nl.kwadrant", test_plan_matrix);
  g_test_add_data_func ("/export/html/matrix/60", "workshop-60-nl.kwadrant", test_plan_matrix);
  g_test_add_data_func ("/export/svg/matrix/30", "workshop-30-nl.kwadrant", test_svg_matrix);
  g_test_add_data_func ("/export/svg/matrix/60", "workshop-60-nl.kwadrant", test_svg_matrix);

  return g_test_run ();
}
