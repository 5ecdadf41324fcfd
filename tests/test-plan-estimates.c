/* test-plan-estimates.c: the room's estimates in the action plan, on the
 * board of kw-estimates-board.c whose figures are worked out by hand:
 * each finding's facts (how many estimates, the group's median, the
 * spread), the section "Where we disagreed" (which findings, in which
 * order, who lay furthest apart), both in the HTML plan with its headings
 * in order and the awkward name escaped, in English and Dutch; and that a
 * board without participants leaves no trace in the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "kw-estimates-board.h"
#include "kw-export-html.h"
#include "kw-format.h"
#include "kw-plan-estimates.h"

typedef struct {
  const char *id;
  guint       number;     /* in the plan */
  const char *estimates;  /* the facts; NULL: none such */
  const char *median;
  const char *spread;
} ExpectedFacts;

/* In the plan's order. The median effort of "Tiny doubt" is 1.25: the
 * plan shows tenths, as "Use the group's median" would place it. */
static const ExpectedFacts expected_facts[] = {
  { "f-1", 1, "4 (1 “no idea”)", "impact 7.0, effort 2.0", "impact 4.0, effort 4.0" },
  { "f-5", 2, "3", "impact 6.0, effort 4.0", "impact 0.0, effort 0.0" },
  { "f-2", 3, "4", "impact 5.0, effort 4.0", "impact 3.0, effort 3.0" },
  { "f-4", 4, "2", "impact 4.0, effort 3.0", "impact 2.0, effort 0.0" },
  { "f-9", 5, "2", "impact 1.5, effort 1.0", "impact 1.0, effort 0.0" },
  { "f-3", 6, "2", "impact 5.0, effort 6.0", "impact 0.0, effort 2.0" },
  { "f-6", 7, "2 (1 “no idea”)", "impact 7.0, effort 7.0", NULL },
  { "f-10", 8, "2", "impact 1.0, effort 1.3", "impact 0.0, effort 0.5" },
  { "f-7", 9, "none", NULL, NULL },
  { "f-8", 10, "2 (2 “no idea”)", NULL, NULL },
};

typedef struct {
  const char *id;
  const char *furthest_apart;
} ExpectedDisputed;

/* The most disputed first; "New telephony" (4) before "Shorter hold
 * music" (6), equal, in the plan's order; "Tiny doubt" is the sixth. */
static const ExpectedDisputed expected_disputed[] = {
  { "f-1", "Anna (impact 9.0, effort 2.0) and Dirk (impact 7.0, effort 6.0)" },
  { "f-2", "Anna (impact 2.0, effort 7.0) and <b>&\" (impact 8.0, effort 1.0)" },
  { "f-4", "Anna (impact 3.0, effort 3.0) and Dirk (impact 5.0, effort 3.0)" },
  { "f-3", "Anna (impact 5.0, effort 5.0) and Bram (impact 5.0, effort 7.0)" },
  { "f-9", "Anna (impact 1.0, effort 1.0) and Bram (impact 2.0, effort 1.0)" },
};

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
  data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
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

static void
assert_fact (GArray     *facts,
             const char *key,
             const char *expected)
{
  const KwPlanFact *fact = find_fact (facts, key);

  if (expected == NULL)
    g_assert_null (fact);
  else
    {
      g_assert_nonnull (fact);
      g_assert_cmpstr (fact->value, ==, expected);
    }
}

/* Each finding's facts, in the plan's order: the estimates come last. */
static void
test_facts (void)
{
  g_autoptr(KwBoard) board = kw_estimates_board_new ();
  g_autoptr(KwPlan) plan = NULL;
  g_autoptr(KwPlanLanguage) language = kw_plan_language_push ("en");

  plan = kw_plan_new (board);
  g_assert_true (kw_plan_has_estimates (plan));
  for (guint i = 0; i < G_N_ELEMENTS (expected_facts); i++)
    {
      const ExpectedFacts *expected = &expected_facts[i];
      KwFinding *finding = kw_board_lookup_finding (board, expected->id);
      g_autoptr(GArray) facts = kw_plan_get_facts (plan, kw_board_classify_finding (board, finding), finding);
      const KwPlanFact *last = &g_array_index (facts, KwPlanFact, facts->len - 1);

      g_test_message ("%s", kw_finding_get_title (finding));
      g_assert_cmpuint (kw_plan_get_number (plan, finding), ==, expected->number);
      assert_fact (facts, "estimates", expected->estimates);
      assert_fact (facts, "median", expected->median);
      assert_fact (facts, "spread", expected->spread);
      g_assert_cmpstr (find_fact (facts, "estimates")->label, ==, "Estimates");
      g_assert_cmpstr (last->key, ==, expected->spread != NULL ? "spread"
                                      : expected->median != NULL ? "median" : "estimates");
      g_assert_null (find_fact (facts, "furthest-apart"));
    }
}

/* "Where we disagreed": which findings, in which order, and their facts. */
static void
test_disputed (void)
{
  g_autoptr(KwBoard) board = kw_estimates_board_new ();
  g_autoptr(KwPlanLanguage) language = kw_plan_language_push ("en");
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  g_autoptr(GPtrArray) disputed = kw_plan_dup_disputed (plan);
  g_autoptr(GArray) facts = kw_plan_facts_new ();

  g_assert_cmpuint (disputed->len, ==, KW_PLAN_DISPUTED_MAX);
  g_assert_cmpuint (disputed->len, ==, G_N_ELEMENTS (expected_disputed));
  for (guint i = 0; i < disputed->len; i++)
    {
      KwFinding *finding = g_ptr_array_index (disputed, i);
      const ExpectedFacts *expected = NULL;

      g_assert_cmpstr (kw_finding_get_id (finding), ==, expected_disputed[i].id);
      for (guint j = 0; j < G_N_ELEMENTS (expected_facts); j++)
        if (g_str_equal (expected_facts[j].id, expected_disputed[i].id))
          expected = &expected_facts[j];
      kw_plan_fill_disputed_facts (plan, finding, facts);
      g_assert_cmpuint (facts->len, ==, 4);
      assert_fact (facts, "estimates", expected->estimates);
      assert_fact (facts, "median", expected->median);
      assert_fact (facts, "spread", expected->spread);
      assert_fact (facts, "furthest-apart", expected_disputed[i].furthest_apart);
    }

  /* Fewer disputed than the most: all of them. "Callback queue" and
   * "Clearer letters" agree now; "Tiny doubt" comes in fifth. */
  {
    KwParticipantList *participants = kw_board_get_participants (board);
    KwFinding *callback = kw_board_lookup_finding (board, "f-1");
    KwFinding *letters = kw_board_lookup_finding (board, "f-2");
    g_autoptr(KwPlan) again = NULL;
    g_autoptr(GPtrArray) fewer = NULL;
    const char * const ids[] = { "f-4", "f-3", "f-9", "f-10" };

    for (guint p = 0; p < kw_participant_list_get_n_items (participants); p++)
      {
        const char *id = kw_participant_get_id (kw_participant_list_get_participant (participants, p));

        kw_finding_set_estimate (callback, id, p == 0 ? &(KwEstimate) { TRUE, 8, 2 } : NULL);
        kw_finding_set_estimate (letters, id, &(KwEstimate) { TRUE, 3, 0.5 });
      }
    again = kw_plan_new (board);
    fewer = kw_plan_dup_disputed (again);
    g_assert_cmpuint (fewer->len, ==, G_N_ELEMENTS (ids));
    for (guint i = 0; i < fewer->len; i++)
      g_assert_cmpstr (kw_finding_get_id (g_ptr_array_index (fewer, i)), ==, ids[i]);
  }
}

/* ---- The HTML plan ------------------------------------------------------- */

typedef struct {
  GString   *levels;       /* "1223…": every heading's level, in order */
  GPtrArray *section_ids;
  GString   *disputed;     /* "number title|…" of the section's items */
  GString   *facts;        /* "dt=dd|…" of the whole document */
  gboolean   in_disputed;
  guint      n_bold;       /* <b> elements: none may come from a name */
} Reader;

static char *
text_of (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) content);

  xmlFree (content);

  return copy;
}

static const char *
attr (xmlNodePtr  node,
      const char *name)
{
  xmlAttrPtr a = xmlHasProp (node, BAD_CAST name);

  return a != NULL && a->children != NULL ? (const char *) a->children->content : NULL;
}

static void
read_node (Reader     *reader,
           xmlNodePtr  node)
{
  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;
      gboolean section = FALSE;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (strlen (name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')
        g_string_append_c (reader->levels, name[1]);
      if (g_str_equal (name, "b"))
        reader->n_bold++;
      if (g_str_equal (name, "section"))
        {
          g_ptr_array_add (reader->section_ids, g_strdup (attr (node, "id")));
          section = g_strcmp0 (attr (node, "id"), "disagreement") == 0;
          reader->in_disputed = section;
        }
      if (g_str_equal (name, "h3") && reader->in_disputed)
        {
          g_autofree char *heading = text_of (node);

          g_string_append_printf (reader->disputed, "%s|", heading);
        }
      if (g_str_equal (name, "dt"))
        {
          g_autofree char *term = text_of (node);
          g_autofree char *value = text_of (xmlNextElementSibling (node));

          g_string_append_printf (reader->facts, "%s=%s|", term, value);
        }
      read_node (reader, node->children);
      if (section)
        reader->in_disputed = FALSE;
    }
}

static void
read_html (Reader     *reader,
           const char *html)
{
  htmlDocPtr doc = htmlReadMemory (html, (int) strlen (html), "plan.html", "UTF-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  g_assert_nonnull (doc);
  reader->levels = g_string_new (NULL);
  reader->section_ids = g_ptr_array_new_with_free_func (g_free);
  reader->disputed = g_string_new (NULL);
  reader->facts = g_string_new (NULL);
  read_node (reader, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);
}

static void
reader_clear (Reader *reader)
{
  g_string_free (reader->levels, TRUE);
  g_ptr_array_unref (reader->section_ids);
  g_string_free (reader->disputed, TRUE);
  g_string_free (reader->facts, TRUE);
}

static void
test_html (void)
{
  g_autoptr(KwBoard) board = kw_estimates_board_new ();
  g_autofree char *html = export_html (board, "en");
  const char * const sections[] = {
    "summary", "disagreement", "quick-win", "small-fix", "long-term", "future", "drop", "unplaced", NULL,
  };
  const char *section;
  Reader reader = { 0 };

  read_html (&reader, html);

  /* The section after the summary, with an id; headings never skip a
   * level: h1, then h2 for each section, h3 for items and groups. */
  g_ptr_array_add (reader.section_ids, NULL);
  g_assert_cmpstrv (reader.section_ids->pdata, sections);
  g_assert_true (g_str_has_prefix (reader.levels->str, "12"));
  for (guint i = 1; i < reader.levels->len; i++)
    g_assert_cmpint (reader.levels->str[i], <=, reader.levels->str[i - 1] + 1);

  /* The items: number and title, the most disputed first. */
  g_assert_cmpstr (reader.disputed->str, ==,
                   "1Callback queue|3Clearer letters|4New telephony|6Shorter hold music|5Slight doubt|");
  section = strstr (html, "<section class=\"disagreement\" id=\"disagreement\"><h2>Where we disagreed</h2>"
                          "<p class=\"advice\">");
  g_assert_nonnull (section);
  /* As a list in that order, each number in its outcome's ink. */
  g_assert_nonnull (strstr (section, "<ol class=\"items\"><li class=\"item outcome-quick-win\"><h3>"
                                     "<span class=\"number\">1</span><span class=\"title\">Callback queue"));
  g_assert_nonnull (strstr (section, "<li class=\"item outcome-future\"><h3><span class=\"number\">5</span>"));

  /* The facts, in the section and under every item; the name that looks
   * like markup is text. */
  g_assert_nonnull (strstr (reader.facts->str,
                            "Estimates=4|Group's median=impact 5.0, effort 4.0|Spread=impact 3.0, effort 3.0|"
                            "Furthest apart=Anna (impact 2.0, effort 7.0) and <b>&\" (impact 8.0, effort 1.0)|"));
  g_assert_nonnull (strstr (reader.facts->str, "Estimates=4 (1 “no idea”)|Group's median=impact 7.0, effort 2.0|"
                                               "Spread=impact 4.0, effort 4.0|Furthest apart="));
  g_assert_nonnull (strstr (reader.facts->str, "Status=Open|Estimates=none|"));
  g_assert_nonnull (strstr (reader.facts->str, "Status=Open|Estimates=2 (2 “no idea”)|"));
  g_assert_nonnull (strstr (html, "and &lt;b&gt;&amp;&quot; (impact 8.0, effort 1.0)</dd>"));
  g_assert_cmpuint (reader.n_bold, ==, 0);
  /* "Furthest apart" only in the section: five times. */
  {
    guint n = 0;

    for (const char *p = strstr (reader.facts->str, "Furthest apart="); p != NULL;
         p = strstr (p + 1, "Furthest apart="))
      n++;
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected_disputed));
  }

  reader_clear (&reader);
}

/* Participants, but no estimates that differ: the section says so. */
static void
test_html_agreed (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autoptr(KwFinding) finding = kw_finding_new_with_id ("f-1", "Agreed");
  g_autofree char *html = NULL;

  kw_participant_list_add (kw_board_get_participants (board), anna, G_MAXUINT);
  kw_finding_place (finding, 8, 2);
  kw_finding_set_estimate (finding, "p1", &(KwEstimate) { TRUE, 8, 2 });
  kw_board_append_finding (board, finding);
  html = export_html (board, "en");

  g_assert_nonnull (strstr (html, "<h2>Where we disagreed</h2><p class=\"advice\">"));
  g_assert_nonnull (strstr (html, "<p class=\"empty\">No finding has estimates that differ.</p></section>"));
  g_assert_nonnull (strstr (html, "<div><dt>Estimates</dt><dd>1</dd></div>"
                                  "<div><dt>Group's median</dt><dd>impact 8.0, effort 2.0</dd></div></dl>"));
}

/* A board without participants: no section, no facts, the same plan to
 * the byte as the board had before a participant came and went. */
static void
test_html_without_participants (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("KW_SOURCE_DIR"), "data", "examples",
                                            "klantcontact-nl.kwadrant", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KwBoard) board = kw_format_load_file (file, NULL, &error);
  g_autoptr(KwParticipant) anna = kw_participant_new ("p1", "Anna", NULL);
  g_autofree char *before = NULL;
  g_autofree char *with = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  before = export_html (board, "en");
  g_assert_null (strstr (before, "disagree"));
  g_assert_null (strstr (before, "<dt>Estimates</dt>"));

  g_assert_true (kw_participant_list_add (kw_board_get_participants (board), anna, G_MAXUINT));
  kw_finding_set_estimate (kw_board_get_finding (board, 0), "p1", &(KwEstimate) { TRUE, 5, 5 });
  with = export_html (board, "en");
  g_assert_nonnull (strstr (with, "id=\"disagreement\""));
  g_assert_nonnull (strstr (with, "<dt>Estimates</dt><dd>none</dd>"));

  g_assert_true (kw_board_remove_participant (board, anna));
  after = export_html (board, "en");
  g_assert_cmpstr (after, ==, before);

  /* And the board of estimates, its participants gone. */
  {
    g_autoptr(KwBoard) estimates = kw_estimates_board_new ();
    KwParticipantList *participants = kw_board_get_participants (estimates);
    g_autofree char *plain = NULL;

    while (kw_participant_list_get_n_items (participants) > 0)
      kw_board_remove_participant (estimates, kw_participant_list_get_participant (participants, 0));
    plain = export_html (estimates, "en");
    g_assert_null (strstr (plain, "disagree"));
    g_assert_null (strstr (plain, "<dt>Estimates</dt>"));
    g_assert_null (strstr (plain, "Group's median"));
  }
}

/* In Dutch, when the build's catalogue has the plan's strings. */
static void
test_dutch (void)
{
  const char *build_dir = g_getenv ("KW_BUILD_DIR");
  g_autofree char *localedir = NULL;
  g_autoptr(KwBoard) board = kw_estimates_board_new ();
  g_autofree char *html = NULL;
  Reader reader = { 0 };

  if (build_dir == NULL)
    {
      g_test_skip ("KW_BUILD_DIR is not set: run through meson test");
      return;
    }
  localedir = g_build_filename (build_dir, "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  html = export_html (board, "nl");
  read_html (&reader, html);
  g_assert_nonnull (strstr (html, "<h2>Waar we het oneens waren</h2>"));
  g_assert_nonnull (strstr (reader.facts->str,
                            "Schattingen=4 (1 keer “geen idee”)|Mediaan van de groep=impact 7,0, inspanning 2,0|"
                            "Spreiding=impact 4,0, inspanning 4,0|"
                            "Het verst uiteen=Anna (impact 9,0, inspanning 2,0) en Dirk (impact 7,0, inspanning 6,0)|"));
  g_assert_nonnull (strstr (reader.facts->str, "Schattingen=geen|"));
  reader_clear (&reader);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/estimates/facts", test_facts);
  g_test_add_func ("/plan/estimates/disputed", test_disputed);
  g_test_add_func ("/plan/estimates/html", test_html);
  g_test_add_func ("/plan/estimates/html-agreed", test_html_agreed);
  g_test_add_func ("/plan/estimates/html-without-participants", test_html_without_participants);
  g_test_add_func ("/plan/estimates/dutch", test_dutch);

  return g_test_run ();
}
