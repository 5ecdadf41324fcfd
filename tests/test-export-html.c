/* test-export-html.c: the HTML action plan: its structure on the example
 * board, and that hostile text in every field stays text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "kw-export-html.h"
#include "kw-export-svg.h"
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
  KwExportHtmlOptions options = { lang, now };
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
  GHashTable *dot_targets;   /* dot number → href */
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
  else if (g_str_equal (name, "a") && has_class (node, "dot"))
    {
      /* The dot is a link; its number is the text it draws. */
      xmlNodePtr label = node->children;

      while (label != NULL && (label->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) label->name, "text")))
        label = label->next;
      g_assert_nonnull (label);
      g_hash_table_insert (s->dot_targets, text_of (label), g_strdup (attr (node, "href")));
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

  /* Every placed finding has a dot with its number, linking to its item. */
  n_placed = kw_board_get_n_findings (board) - counts[KW_OUTCOME_UNPLACED];
  g_assert_cmpuint (g_hash_table_size (s.dot_targets), ==, n_placed);
  for (guint i = 0; i < n_placed; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *target = g_strconcat ("#", (char *) g_ptr_array_index (s.item_ids, i), NULL);

      g_assert_cmpstr (g_hash_table_lookup (s.dot_targets, number), ==, target);
    }

  g_ptr_array_unref (s.section_ids);
  g_array_unref (s.item_numbers);
  g_ptr_array_unref (s.item_ids);
  g_hash_table_unref (s.dot_targets);
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
  "tr", "th", "td", "figure", "figcaption", "ol", "li",
  "svg", "rect", "g", "text", "line", "circle", "a",
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
                    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), 0 };

    walk (root, visit_structure, &s);
    g_assert_cmpuint (s.n_h1, ==, 1);
    g_assert_cmpuint (s.item_numbers->len, ==, G_N_ELEMENTS (hostile_texts));
    g_ptr_array_unref (s.section_ids);
    g_array_unref (s.item_numbers);
    g_ptr_array_unref (s.item_ids);
    g_hash_table_unref (s.dot_targets);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/html/structure", test_structure);
  g_test_add_func ("/export/html/plan-order", test_plan_order);
  g_test_add_func ("/export/html/empty-board", test_empty_board);
  g_test_add_func ("/export/html/dates", test_dates);
  g_test_add_func ("/export/html/dutch", test_dutch);
  g_test_add_func ("/export/html/hostile-text", test_hostile_text);
  g_test_add_func ("/export/svg/hostile-text", test_hostile_svg);

  return g_test_run ();
}
