/* test-vote-page.c: the pages a phone votes on, read back with libxml2's
 * HTML parser as a browser would: the language chosen from the browser's,
 * user text that stays text, every form with its CSRF token, the scores
 * as choices and nothing loaded from elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libintl.h>
#include <locale.h>

#include "kw-plan-text.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
#include "kw-vote-page.h"

static const KwVotePageContext english = { "en", "Workshop <Q1> & co", "csrf-123" };
static const KwVotePageContext dutch = { "nl", "Werksessie Q1", "csrf-456" };

static htmlDocPtr
parse (const char *html)
{
  htmlDocPtr doc;

  g_assert_nonnull (html);
  doc = htmlReadMemory (html, (int) strlen (html), "page.html", "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  return doc;
}

static guint
count (htmlDocPtr  doc,
       const char *xpath)
{
  g_autoptr(xmlXPathContext) context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST xpath, context);
  guint n;

  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? (guint) result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  return n;
}

/* The text of the first node xpath finds, or NULL. */
static char *
text_of (htmlDocPtr  doc,
         const char *xpath)
{
  g_autoptr(xmlXPathContext) context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression (BAD_CAST xpath, context);
  char *text = NULL;

  if (result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);
      text = g_strdup ((const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return text;
}

static void
assert_text (htmlDocPtr  doc,
             const char *xpath,
             const char *expected)
{
  g_autofree char *text = text_of (doc, xpath);

  g_assert_cmpstr (text, ==, expected);
}

/* What every page must be: whole, in its language, nothing loaded but the
 * style sheet, every form posting back with the token. */
static void
assert_page (htmlDocPtr  doc,
             const char *language,
             const char *csrf)
{
  g_autofree char *lang = text_of (doc, "/html/@lang");
  g_autofree char *xpath = NULL;

  g_assert_cmpstr (lang, ==, language);
  g_assert_cmpuint (count (doc, "//script | //iframe | //img | //object | //*[@style] | //*[@onclick]"), ==, 0);
  g_assert_cmpuint (count (doc, "//link"), ==, 1);
  assert_text (doc, "//link/@href", "/style.css");
  g_assert_cmpuint (count (doc, "//meta[@name='viewport']"), ==, 1);
  g_assert_cmpuint (count (doc, "/html/head/title"), ==, 1);
  g_assert_cmpuint (count (doc, "//form[@method!='post']"), ==, 0);
  if (csrf != NULL)
    {
      xpath = g_strdup_printf ("//form[not(input[@type='hidden'][@name='csrf'][@value='%s'])]", csrf);
      g_assert_cmpuint (count (doc, xpath), ==, 0);
    }
}

static void
test_choose_language (void)
{
  g_assert_cmpstr (kw_vote_page_choose_language (NULL), ==, "en");
  g_assert_cmpstr (kw_vote_page_choose_language (""), ==, "en");
  g_assert_cmpstr (kw_vote_page_choose_language ("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7"), ==, "nl");
  g_assert_cmpstr (kw_vote_page_choose_language ("nl-BE"), ==, "nl");
  g_assert_cmpstr (kw_vote_page_choose_language ("en-GB,en;q=0.9,nl;q=0.8"), ==, "en");
  g_assert_cmpstr (kw_vote_page_choose_language ("de-DE,de;q=0.9,nl;q=0.5"), ==, "nl");
  g_assert_cmpstr (kw_vote_page_choose_language ("en;q=0.2, nl;q=0.7"), ==, "nl");
  g_assert_cmpstr (kw_vote_page_choose_language ("fr-FR"), ==, "en");
  g_assert_cmpstr (kw_vote_page_choose_language ("nl;q=0"), ==, "en");
  /* "nld" and "enx" are other languages, not Dutch or English. */
  g_assert_cmpstr (kw_vote_page_choose_language ("nld, nlx-foo"), ==, "en");
}

static void
test_room_code (void)
{
  g_autofree char *html = kw_vote_page_room_code (&english, "That is not the room code.");
  htmlDocPtr doc = parse (html);

  assert_page (doc, "en", "csrf-123");
  assert_text (doc, "//form/@action", "/");
  g_assert_cmpuint (count (doc, "//form//input[@name='code'][@inputmode='numeric']"), ==, 1);
  g_assert_cmpuint (count (doc, "//label[@for='code']"), ==, 1);
  assert_text (doc, "//*[@role='alert']", "That is not the room code.");
  xmlFreeDoc (doc);
}

static void
test_join_escapes (void)
{
  const char *known[] = { "Ann <b>", "\"Bob\" & 'Eve'", NULL };
  g_autofree char *html = kw_vote_page_join (&english, "/j/SECRET", "<script>alert(1)</script>",
                                             NULL, known);
  htmlDocPtr doc = parse (html);

  assert_page (doc, "en", "csrf-123");
  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<Q1>"));
  assert_text (doc, "//p[@class='board']", "Workshop <Q1> & co");
  assert_text (doc, "//input[@name='name']/@value", "<script>alert(1)</script>");
  assert_text (doc, "//form/@action", "/j/SECRET");
  g_assert_cmpuint (count (doc, "//datalist[@id='known-names']/option"), ==, 2);
  assert_text (doc, "//datalist/option[2]/@value", "\"Bob\" & 'Eve'");
  g_assert_cmpuint (count (doc, "//input[@name='name'][@list='known-names']"), ==, 1);
  g_assert_cmpuint (count (doc, "//*[@role='alert']"), ==, 0);
  xmlFreeDoc (doc);
}

static KwVotePageFinding
sample_finding (void)
{
  KwVotePageFinding finding = {
    .participant_name = "Ann",
    .finding_id = "f-3",
    .title = "Callback within 2 hours </h1><script>x()</script>",
    .description = "Customers who call twice\nrate NPS lower.",
    .position = 3,
    .n_findings = 12,
    .n_scored = 2,
  };
  return finding;
}

static void
test_finding_form (void)
{
  KwVotePageFinding finding = sample_finding ();
  g_autofree char *html = kw_vote_page_finding (&english, &finding);
  htmlDocPtr doc = parse (html);

  assert_page (doc, "en", "csrf-123");
  assert_text (doc, "//h1", "Callback within 2 hours </h1><script>x()</script>");
  assert_text (doc, "/html/head/title", "Callback within 2 hours </h1><script>x()</script>");
  assert_text (doc, "//p[@class='description']", "Customers who call twice\nrate NPS lower.");
  assert_text (doc, "//p[@class='progress']", "Finding 3 of 12 · 2 scored");
  assert_text (doc, "//form/@action", "/vote");
  assert_text (doc, "//form/input[@name='finding']/@value", "f-3");
  g_assert_cmpuint (count (doc, "//input[@type='radio'][@name='impact']"), ==, 11);
  g_assert_cmpuint (count (doc, "//input[@type='radio'][@name='effort']"), ==, 11);
  g_assert_cmpuint (count (doc, "//input[@checked]"), ==, 0);
  g_assert_cmpuint (count (doc, "//fieldset/legend"), ==, 2);
  g_assert_cmpuint (count (doc, "//input[@type='checkbox'][@name='no-idea'][@value='1']"), ==, 1);
  g_assert_cmpuint (count (doc, "//button[@type='submit']"), ==, 1);
  g_assert_cmpuint (count (doc, "//nav"), ==, 0);
  assert_text (doc, "//p[@class='you']", "Scoring as Ann");
  xmlFreeDoc (doc);
}

/* A participant's own estimate comes back checked, a half as a choice of
 * its own; "no idea" as the box ticked. */
static void
test_finding_own_estimate (void)
{
  KwVotePageFinding finding = sample_finding ();
  g_autofree char *html = NULL;
  g_autofree char *no_idea_html = NULL;
  htmlDocPtr doc;

  finding.has_estimate = TRUE;
  finding.known = TRUE;
  finding.impact = 7.5;
  finding.effort = 2;
  finding.notice = "Saved";
  html = kw_vote_page_finding (&english, &finding);
  doc = parse (html);
  g_assert_cmpuint (count (doc, "//input[@type='radio'][@name='impact']"), ==, 12);
  assert_text (doc, "//input[@name='impact'][@checked]/@value", "7.5");
  assert_text (doc, "//input[@name='impact'][@checked]/following-sibling::span", "7.5");
  assert_text (doc, "//input[@name='effort'][@checked]/@value", "2.0");
  /* A whole score reads as one on its button: "2", not "2.0". */
  assert_text (doc, "//input[@name='effort'][@checked]/following-sibling::span", "2");
  g_assert_cmpuint (count (doc, "//input[@checked]"), ==, 2);
  assert_text (doc, "//*[@role='status']", "Saved");
  assert_text (doc, "//button", "Change My Score");
  /* The half sits between 7 and 8. */
  assert_text (doc, "//div[@class='choices'][1]/label[9]/input/@value", "7.5");
  xmlFreeDoc (doc);

  finding.known = FALSE;
  no_idea_html = kw_vote_page_finding (&english, &finding);
  doc = parse (no_idea_html);
  g_assert_cmpuint (count (doc, "//input[@checked]"), ==, 1);
  g_assert_cmpuint (count (doc, "//input[@name='no-idea'][@checked]"), ==, 1);
  xmlFreeDoc (doc);
}

static void
test_finding_own_pace (void)
{
  KwVotePageFinding finding = sample_finding ();
  g_autofree char *html = NULL;
  htmlDocPtr doc;

  finding.previous_id = "f 2&x";
  finding.next_id = "f-4";
  html = kw_vote_page_finding (&english, &finding);
  doc = parse (html);
  g_assert_cmpuint (count (doc, "//nav/a"), ==, 2);
  assert_text (doc, "//nav/a[1]/@href", "/vote?finding=f%202%26x");
  assert_text (doc, "//nav/a[2]/@href", "/vote?finding=f-4");
  xmlFreeDoc (doc);
}

static void
test_dutch (void)
{
  KwVotePageFinding finding = sample_finding ();
  g_autofree char *html = NULL;
  g_autofree char *error = NULL;
  htmlDocPtr doc;

  finding.has_estimate = TRUE;
  finding.known = TRUE;
  finding.impact = 6.5;
  finding.effort = 3;
  html = kw_vote_page_finding (&dutch, &finding);
  doc = parse (html);
  assert_page (doc, "nl", "csrf-456");
  assert_text (doc, "//p[@class='progress']", "Bevinding 3 van 12 · 2 gescoord");
  assert_text (doc, "//fieldset[1]/legend/text()", "Impact");
  assert_text (doc, "//fieldset[2]/legend/text()", "Inspanning");
  /* The label in Dutch, the value as the server reads it. */
  assert_text (doc, "//input[@name='impact'][@checked]/following-sibling::span", "6,5");
  assert_text (doc, "//input[@name='impact'][@checked]/@value", "6.5");
  assert_text (doc, "//button", "Score wijzigen");
  xmlFreeDoc (doc);

  error = kw_vote_page_error ("nl", 403);
  doc = parse (error);
  assert_page (doc, "nl", NULL);
  assert_text (doc, "//h1", "Kan niet verder");
  xmlFreeDoc (doc);
}

static void
test_message (void)
{
  g_autofree char *html = kw_vote_page_message (&english, "Waiting", "The facilitator <b>picks</b> the next one.");
  htmlDocPtr doc = parse (html);

  assert_page (doc, "en", NULL);
  assert_text (doc, "//h1", "Waiting");
  assert_text (doc, "//*[@role='status']", "The facilitator <b>picks</b> the next one.");
  assert_text (doc, "//a/@href", "/vote");
  g_assert_cmpuint (count (doc, "//form"), ==, 0);
  xmlFreeDoc (doc);
}

static void
test_errors (void)
{
  const guint statuses[] = { 400, 403, 404, 405, 408, 413, 429, 431, 500 };
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *html = kw_vote_page_error ("en", statuses[i]);
      htmlDocPtr doc = parse (html);
      char *message = text_of (doc, "//*[@role='alert']");

      assert_page (doc, "en", NULL);
      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);
      g_hash_table_add (messages, message);
      xmlFreeDoc (doc);
    }
  /* 413 and 431 say the same; every other status its own. */
  g_assert_cmpuint (g_hash_table_size (messages), ==, G_N_ELEMENTS (statuses) - 1);
}

static void
test_csp_and_style (void)
{
  const char *csp = kw_vote_page_get_csp ();
  const char *css = kw_vote_page_get_stylesheet ();

  g_assert_nonnull (strstr (csp, "default-src 'none'"));
  g_assert_nonnull (strstr (csp, "form-action 'self'"));
  g_assert_nonnull (strstr (csp, "frame-ancestors 'none'"));
  g_assert_null (strstr (csp, "script-src"));
  g_assert_null (strstr (csp, "unsafe"));
  /* Nothing fetched by the style sheet either. */
  g_assert_null (strstr (css, "url("));
  g_assert_null (strstr (css, "@import"));
  g_assert_null (strstr (css, "@font-face"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("KWADRANT_LOCALEDIR");

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* The build's own Dutch catalogue (meson test says where). */
  if (localedir == NULL)
    g_error ("KWADRANT_LOCALEDIR is not set: run through meson test");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (!kw_plan_language_load ("nl", &error))
    g_error ("%s", error->message);

  g_test_add_func ("/vote-page/choose-language", test_choose_language);
  g_test_add_func ("/vote-page/room-code", test_room_code);
  g_test_add_func ("/vote-page/join-escapes", test_join_escapes);
  g_test_add_func ("/vote-page/finding-form", test_finding_form);
  g_test_add_func ("/vote-page/finding-own-estimate", test_finding_own_estimate);
  g_test_add_func ("/vote-page/finding-own-pace", test_finding_own_pace);
  g_test_add_func ("/vote-page/dutch", test_dutch);
  g_test_add_func ("/vote-page/message", test_message);
  g_test_add_func ("/vote-page/errors", test_errors);
  g_test_add_func ("/vote-page/csp-and-style", test_csp_and_style);

  return g_test_run ();
}
