/* kw-vote-page.c: the pages a phone votes on; see kw-vote-page.h.
 *
 * The pages are small and built fresh for every request, in the phone's
 * language (kw_plan_language_push(), which switches only this thread: the
 * facilitator's window stays in its own). Scores are radio buttons drawn
 * as large buttons, so a thumb hits them and no script is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-vote-page"

#include "config.h"

#include "kw-i18n.h"

#include "kw-html-writer.h"
#include "kw-plan-text.h"
#include "kw-vote-page.h"

/* Nothing but the page's own style sheet may load; forms post only back
 * here; the page cannot be framed by another site. */
#define VOTE_PAGE_CSP \
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " \
  "base-uri 'none'; frame-ancestors 'none'"

/* Text at 4.5:1 or more on white (WCAG 2.1 AA), and the edges of the
 * score buttons and fields at 4.5:1 too, above the 3:1 controls need. */
static const char stylesheet[] =
  ":root { color-scheme: light; --ink: #241f31; --muted: #5e5c64; --rule: #c0bfbc; --accent: #1a5fb4; }\n"
  "* { box-sizing: border-box; }\n"
  "body { margin: 0 auto; max-width: 34rem; padding: 1rem; background: #fff; color: var(--ink);"
  " font: 18px/1.45 Cantarell, \"Segoe UI\", Roboto, \"DejaVu Sans\", Arial, sans-serif; overflow-wrap: anywhere; }\n"
  ".board { margin: 0; color: var(--muted); font-size: .9rem; }\n"
  "h1 { font-size: 1.5rem; line-height: 1.25; margin: .3rem 0 .6rem; }\n"
  ".progress { margin: 0; color: var(--muted); font-size: .9rem; }\n"
  ".description { white-space: pre-line; margin: 0 0 1rem; }\n"
  ".notice { background: #e6f2e6; border-left: .3rem solid #26a269; padding: .5rem .75rem; }\n"
  ".error { background: #fbe9eb; border-left: .3rem solid #a51d2d; padding: .5rem .75rem; color: #7a1421; }\n"
  "form { margin: 1rem 0; }\n"
  "fieldset { border: 0; margin: 0 0 1.2rem; padding: 0; }\n"
  "legend { font-weight: bold; font-size: 1.1rem; padding: 0; }\n"
  ".hint { display: block; font-weight: normal; font-size: .9rem; color: var(--muted); }\n"
  ".choices { display: grid; grid-template-columns: repeat(6, 1fr); gap: .4rem; margin-top: .5rem; }\n"
  ".choices label { position: relative; display: block; }\n"
  ".choices input { position: absolute; opacity: 0; width: 100%; height: 100%; margin: 0; }\n"
  ".choices span { display: flex; align-items: center; justify-content: center; min-height: 3rem;"
  " border: 2px solid #77767b; border-radius: .5rem; font-weight: bold; font-variant-numeric: tabular-nums; }\n"
  ".choices input:checked + span { background: var(--accent); border-color: var(--accent); color: #fff; }\n"
  ".choices input:focus-visible + span, .no-idea input:focus-visible { outline: 3px solid #e66100; outline-offset: 2px; }\n"
  ".ends { display: flex; justify-content: space-between; font-size: .85rem; color: var(--muted); }\n"
  ".no-idea { display: flex; align-items: center; gap: .6rem; min-height: 3rem; margin-bottom: 1rem; }\n"
  ".no-idea input { width: 1.6rem; height: 1.6rem; }\n"
  "label.field { display: block; font-weight: bold; margin-bottom: .3rem; }\n"
  "input[type=text], input[inputmode=numeric] { width: 100%; font: inherit; padding: .6rem; min-height: 3rem;"
  " border: 2px solid #77767b; border-radius: .5rem; }\n"
  "button { width: 100%; min-height: 3.2rem; font: inherit; font-weight: bold; color: #fff;"
  " background: var(--accent); border: 0; border-radius: .5rem; margin-top: .5rem; }\n"
  "nav { display: flex; justify-content: space-between; gap: 1rem; margin-top: 1rem; }\n"
  "a { color: var(--accent); min-height: 3rem; display: inline-flex; align-items: center; }\n"
  ".you { color: var(--muted); font-size: .9rem; margin-top: 2rem; }\n";

const char *
kw_vote_page_get_csp (void)
{
  return VOTE_PAGE_CSP;
}

const char *
kw_vote_page_get_stylesheet (void)
{
  return stylesheet;
}

/* ---- The language ------------------------------------------------------- */

/* The q value of one Accept-Language entry ("nl-NL;q=0.8"), 1 without. */
static double
parse_quality (const char *parameters)
{
  const char *q = strstr (parameters, "q=");
  double value;

  if (q == NULL)
    return 1.0;
  value = g_ascii_strtod (q + 2, NULL);
  return CLAMP (value, 0.0, 1.0);
}

const char *
kw_vote_page_choose_language (const char *accept_language)
{
  g_auto(GStrv) entries = NULL;
  const char *best = "en";
  double best_quality = 0.0;

  if (accept_language == NULL)
    return best;

  entries = g_strsplit (accept_language, ",", 32);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (entries[i]));
      char *parameters = strchr (tag, ';');
      double quality = parameters != NULL ? parse_quality (parameters) : 1.0;
      const char *language = NULL;

      if (parameters != NULL)
        *parameters = '\0';
      if (g_ascii_strncasecmp (tag, "nl", 2) == 0 && (tag[2] == '\0' || tag[2] == '-'))
        language = "nl";
      else if (g_ascii_strncasecmp (tag, "en", 2) == 0 && (tag[2] == '\0' || tag[2] == '-'))
        language = "en";

      /* The first of the highest: browsers list in order of preference. */
      if (language != NULL && quality > best_quality)
        {
          best = language;
          best_quality = quality;
        }
    }

  return best;
}

/* ---- Building a page ---------------------------------------------------- */

typedef struct {
  KwHtmlWriter    out;
  xmlBufferPtr    buffer;
  KwPlanLanguage *language;
} Page;

/* Switches this thread to the page's language: call before the first _()
 * of the page's texts. */
static void
page_init (Page       *page,
           const char *language)
{
  page->language = kw_plan_language_push (language);
  page->buffer = xmlBufferCreate ();
  page->out.writer = page->buffer != NULL ? xmlNewTextWriterMemory (page->buffer, 0) : NULL;
  page->out.failed = page->out.writer == NULL;
}

/* The document up to the start of <main>. */
static void
page_begin (Page       *page,
            const char *title,
            guint       refresh)
{
  const char *language = kw_plan_language_get_code ();

  if (page->out.failed)
    return;

  kw_html_writer_check (&page->out, xmlTextWriterWriteDTD (page->out.writer, BAD_CAST "html", NULL, NULL, NULL));
  kw_html_writer_raw (&page->out, "\n");
  kw_html_writer_start (&page->out, "html");
  kw_html_writer_attribute (&page->out, "lang", language);
  kw_html_writer_start (&page->out, "head");
  kw_html_writer_start (&page->out, "meta");
  kw_html_writer_attribute (&page->out, "charset", "utf-8");
  kw_html_writer_end_void (&page->out);
  kw_html_writer_start (&page->out, "meta");
  kw_html_writer_attribute (&page->out, "name", "viewport");
  kw_html_writer_attribute (&page->out, "content", "width=device-width, initial-scale=1");
  kw_html_writer_end_void (&page->out);
  kw_html_writer_start (&page->out, "meta");
  kw_html_writer_attribute (&page->out, "name", "referrer");
  kw_html_writer_attribute (&page->out, "content", "no-referrer");
  kw_html_writer_end_void (&page->out);
  if (refresh > 0)
    {
      char seconds[16];

      g_snprintf (seconds, sizeof seconds, "%u", refresh);
      kw_html_writer_start (&page->out, "meta");
      kw_html_writer_attribute (&page->out, "http-equiv", "refresh");
      kw_html_writer_attribute (&page->out, "content", seconds);
      kw_html_writer_end_void (&page->out);
    }
  kw_html_writer_element (&page->out, "title", NULL, title);
  kw_html_writer_start (&page->out, "link");
  kw_html_writer_attribute (&page->out, "rel", "stylesheet");
  kw_html_writer_attribute (&page->out, "href", "/style.css");
  kw_html_writer_end_void (&page->out);
  kw_html_writer_end (&page->out);
  kw_html_writer_start (&page->out, "body");
  kw_html_writer_start (&page->out, "main");
}

/* The whole document, or NULL when out of memory. */
static char *
page_end (Page *page)
{
  char *html = NULL;

  if (page->out.writer != NULL)
    {
      kw_html_writer_end (&page->out);  /* main */
      kw_html_writer_end (&page->out);  /* body */
      kw_html_writer_end (&page->out);  /* html */
      kw_html_writer_raw (&page->out, "\n");
      kw_html_writer_check (&page->out, xmlTextWriterFlush (page->out.writer));
      xmlFreeTextWriter (page->out.writer);
    }
  if (!page->out.failed)
    html = g_strndup ((const char *) xmlBufferContent (page->buffer), xmlBufferLength (page->buffer));
  g_clear_pointer (&page->buffer, xmlBufferFree);
  g_clear_pointer (&page->language, kw_plan_language_pop);

  return html;
}

static void
write_board_title (Page                    *page,
                   const KwVotePageContext *ctx)
{
  if (ctx->board_title != NULL && ctx->board_title[0] != '\0')
    kw_html_writer_element (&page->out, "p", "board", ctx->board_title);
}

/* A paragraph a screen reader reads out as soon as the page shows: role
 * "alert" for what went wrong, "status" for what went right. */
static void
write_announcement (Page       *page,
                    const char *class_name,
                    const char *role,
                    const char *content)
{
  if (content == NULL)
    return;
  kw_html_writer_start_with_class (&page->out, "p", class_name);
  kw_html_writer_attribute (&page->out, "role", role);
  kw_html_writer_text (&page->out, content);
  kw_html_writer_end (&page->out);
}

static void
write_error (Page       *page,
             const char *error)
{
  write_announcement (page, "error", "alert", error);
}

static void
write_input (Page       *page,
             const char *type,
             const char *name,
             const char *value)
{
  kw_html_writer_start (&page->out, "input");
  kw_html_writer_attribute (&page->out, "type", type);
  kw_html_writer_attribute (&page->out, "name", name);
  if (value != NULL)
    kw_html_writer_attribute (&page->out, "value", value);
  kw_html_writer_end_void (&page->out);
}

static void
form_begin (Page                    *page,
            const KwVotePageContext *ctx,
            const char              *action)
{
  kw_html_writer_start (&page->out, "form");
  kw_html_writer_attribute (&page->out, "method", "post");
  kw_html_writer_attribute (&page->out, "action", action);
  write_input (page, "hidden", "csrf", ctx->csrf_token);
}

static void
write_submit (Page       *page,
              const char *label)
{
  kw_html_writer_start (&page->out, "button");
  kw_html_writer_attribute (&page->out, "type", "submit");
  kw_html_writer_text (&page->out, label);
  kw_html_writer_end (&page->out);
}

/* A labelled text field; the label and the field are tied by id. */
static void
write_text_field (Page       *page,
                  const char *name,
                  const char *label,
                  const char *value,
                  const char *extra_name,
                  const char *extra_value)
{
  kw_html_writer_start_with_class (&page->out, "label", "field");
  kw_html_writer_attribute (&page->out, "for", name);
  kw_html_writer_text (&page->out, label);
  kw_html_writer_end (&page->out);
  kw_html_writer_start (&page->out, "input");
  kw_html_writer_attribute (&page->out, "type", "text");
  kw_html_writer_attribute (&page->out, "id", name);
  kw_html_writer_attribute (&page->out, "name", name);
  kw_html_writer_attribute (&page->out, "required", "required");
  if (value != NULL)
    kw_html_writer_attribute (&page->out, "value", value);
  if (extra_name != NULL)
    kw_html_writer_attribute (&page->out, extra_name, extra_value);
  kw_html_writer_end_void (&page->out);
}

char *
kw_vote_page_room_code (const KwVotePageContext *ctx,
                        const char              *error)
{
  Page page = { { NULL, FALSE }, NULL, NULL };

  page_init (&page, ctx->language);
  page_begin (&page, _("Join the vote"), 0);
  kw_html_writer_element (&page.out, "h1", NULL, _("Join the vote"));
  write_error (&page, error);
  form_begin (&page, ctx, "/");
  write_text_field (&page, "code", _("Room code"), NULL, "inputmode", "numeric");
  kw_html_writer_element (&page.out, "p", "hint", _("The six digits shown on the projector."));
  write_submit (&page, _("Continue"));
  kw_html_writer_end (&page.out);

  return page_end (&page);
}

/* The board's participants, offered as the name field's suggestions. */
static void
write_known_names (Page               *page,
                   const char * const *known_names)
{
  kw_html_writer_start (&page->out, "datalist");
  kw_html_writer_attribute (&page->out, "id", "known-names");
  for (guint i = 0; known_names != NULL && known_names[i] != NULL; i++)
    {
      kw_html_writer_start (&page->out, "option");
      kw_html_writer_attribute (&page->out, "value", known_names[i]);
      kw_html_writer_end (&page->out);
    }
  kw_html_writer_end (&page->out);
}

char *
kw_vote_page_join (const KwVotePageContext *ctx,
                   const char              *action,
                   const char              *name,
                   const char              *error,
                   const char * const      *known_names)
{
  Page page = { { NULL, FALSE }, NULL, NULL };

  page_init (&page, ctx->language);
  page_begin (&page, _("Join the vote"), 0);
  write_board_title (&page, ctx);
  kw_html_writer_element (&page.out, "h1", NULL, _("Who are you?"));
  write_error (&page, error);
  form_begin (&page, ctx, action);
  write_text_field (&page, "name", _("Your name"), name, "list", "known-names");
  write_known_names (&page, known_names);
  kw_html_writer_element (&page.out, "p", "hint",
                          _("Your scores stay hidden from the room until the facilitator shows them all at once."));
  write_submit (&page, _("Join"));
  kw_html_writer_end (&page.out);

  return page_end (&page);
}

/* ---- The finding to score ---------------------------------------------- */

/* Whole scores as choices: one decimal is accepted, but a thumb picks from
 * eleven buttons faster than it sets a slider. A score given elsewhere
 * with a half is kept as a choice of its own, so sending again keeps it. */
static void
write_choice (Page       *page,
              const char *name,
              double      value,
              gboolean    checked)
{
  g_autofree char *id = NULL;
  /* "7" on a button, not "7,0"; a half in the language's own way. */
  g_autofree char *label = value == (int) value ? g_strdup_printf ("%d", (int) value)
                                                 : kw_plan_text_format_score (value);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.1f", value);
  id = g_strdup_printf ("%s-%s", name, number);
  kw_html_writer_start (&page->out, "label");
  kw_html_writer_start (&page->out, "input");
  kw_html_writer_attribute (&page->out, "type", "radio");
  kw_html_writer_attribute (&page->out, "name", name);
  kw_html_writer_attribute (&page->out, "id", id);
  kw_html_writer_attribute (&page->out, "value", number);
  if (checked)
    kw_html_writer_attribute (&page->out, "checked", "checked");
  kw_html_writer_end_void (&page->out);
  kw_html_writer_element (&page->out, "span", NULL, label);
  kw_html_writer_end (&page->out);
}

static void
write_score (Page       *page,
             const char *name,
             const char *legend,
             const char *hint,
             const char *low,
             const char *high,
             gboolean    has_value,
             double      value)
{
  gboolean half = has_value && value != (double) (int) value;

  kw_html_writer_start (&page->out, "fieldset");
  kw_html_writer_start (&page->out, "legend");
  kw_html_writer_text (&page->out, legend);
  kw_html_writer_element (&page->out, "span", "hint", hint);
  kw_html_writer_end (&page->out);
  kw_html_writer_start_with_class (&page->out, "div", "choices");
  for (int score = 0; score <= 10; score++)
    {
      write_choice (page, name, score, has_value && !half && value == score);
      if (half && value > score && value < score + 1)
        write_choice (page, name, value, TRUE);
    }
  kw_html_writer_end (&page->out);
  kw_html_writer_start_with_class (&page->out, "p", "ends");
  kw_html_writer_attribute (&page->out, "aria-hidden", "true");
  kw_html_writer_element (&page->out, "span", NULL, low);
  kw_html_writer_element (&page->out, "span", NULL, high);
  kw_html_writer_end (&page->out);
  kw_html_writer_end (&page->out);
}

static void
write_no_idea (Page     *page,
               gboolean  checked)
{
  kw_html_writer_start_with_class (&page->out, "label", "no-idea");
  kw_html_writer_start (&page->out, "input");
  kw_html_writer_attribute (&page->out, "type", "checkbox");
  kw_html_writer_attribute (&page->out, "name", "no-idea");
  kw_html_writer_attribute (&page->out, "value", "1");
  if (checked)
    kw_html_writer_attribute (&page->out, "checked", "checked");
  kw_html_writer_end_void (&page->out);
  kw_html_writer_text (&page->out, _("No idea: I cannot judge this one"));
  kw_html_writer_end (&page->out);
}

static void
write_link (Page       *page,
            const char *href,
            const char *label)
{
  kw_html_writer_start (&page->out, "a");
  kw_html_writer_attribute (&page->out, "href", href);
  kw_html_writer_text (&page->out, label);
  kw_html_writer_end (&page->out);
}

static void
write_finding_link (Page       *page,
                    const char *finding_id,
                    const char *label)
{
  g_autofree char *escaped = g_uri_escape_string (finding_id, NULL, FALSE);
  g_autofree char *href = g_strconcat ("/vote?finding=", escaped, NULL);

  write_link (page, href, label);
}

static void
write_pace_links (Page                    *page,
                  const KwVotePageFinding *finding)
{
  if (finding->previous_id == NULL && finding->next_id == NULL)
    return;

  kw_html_writer_start (&page->out, "nav");
  kw_html_writer_attribute (&page->out, "aria-label", _("Findings"));
  if (finding->previous_id != NULL)
    write_finding_link (page, finding->previous_id, _("← Previous"));
  else
    kw_html_writer_element (&page->out, "span", NULL, "");
  if (finding->next_id != NULL)
    write_finding_link (page, finding->next_id, _("Next →"));
  kw_html_writer_end (&page->out);
}

static void
write_participant (Page       *page,
                   const char *participant_name)
{
  g_autofree char *you = NULL;

  if (participant_name == NULL)
    return;
  /* Translators: at the foot of the phone's page, who is scoring. */
  you = g_strdup_printf (_("Scoring as %s"), participant_name);
  kw_html_writer_element (&page->out, "p", "you", you);
}

static void
write_progress (Page                    *page,
                const KwVotePageFinding *finding)
{
  g_autofree char *position = NULL;
  g_autofree char *scored = NULL;
  g_autofree char *progress = NULL;

  /* Translators: "Finding 3 of 12" on the phone's page. */
  position = g_strdup_printf (_("Finding %u of %u"), finding->position, finding->n_findings);
  /* Translators: how many of the round's findings this phone has scored. */
  scored = g_strdup_printf (ngettext ("%u scored", "%u scored", finding->n_scored), finding->n_scored);
  progress = g_strconcat (position, " · ", scored, NULL);
  kw_html_writer_element (&page->out, "p", "progress", progress);
}

char *
kw_vote_page_finding (const KwVotePageContext *ctx,
                      const KwVotePageFinding *finding)
{
  Page page = { { NULL, FALSE }, NULL, NULL };
  gboolean has_scores = finding->has_estimate && finding->known;

  page_init (&page, ctx->language);
  page_begin (&page, finding->title, ctx->refresh);
  write_board_title (&page, ctx);
  write_progress (&page, finding);
  kw_html_writer_element (&page.out, "h1", NULL, finding->title);
  if (finding->description != NULL && finding->description[0] != '\0')
    kw_html_writer_element (&page.out, "p", "description", finding->description);
  write_announcement (&page, "notice", "status", finding->notice);
  write_error (&page, finding->error);

  form_begin (&page, ctx, "/vote");
  write_input (&page, "hidden", "finding", finding->finding_id);
  write_score (&page, "impact", _("Impact"), _("How much does solving this help the customers and the centre?"),
               _("0: none"), _("10: very high"), has_scores, finding->impact);
  write_score (&page, "effort", _("Effort"), _("How much work, time and money does it take?"),
               _("0: none"), _("10: very much"), has_scores, finding->effort);
  write_no_idea (&page, finding->has_estimate && !finding->known);
  write_submit (&page, finding->has_estimate ? _("Change My Score") : _("Send My Score"));
  kw_html_writer_end (&page.out);

  write_pace_links (&page, finding);
  write_participant (&page, finding->participant_name);

  return page_end (&page);
}

/* ---- Messages and errors ------------------------------------------------- */

char *
kw_vote_page_message (const KwVotePageContext *ctx,
                      const char              *heading,
                      const char              *message)
{
  Page page = { { NULL, FALSE }, NULL, NULL };

  page_init (&page, ctx->language);
  page_begin (&page, heading, ctx->refresh);
  write_board_title (&page, ctx);
  kw_html_writer_element (&page.out, "h1", NULL, heading);
  write_announcement (&page, "message", "status", message);
  write_link (&page, "/vote", _("Check again"));

  return page_end (&page);
}

static const char *
describe_status (guint status)
{
  switch (status)
    {
    case 400:
      return _("Your phone sent something this page cannot read. Go back and try again.");
    case 403:
      return _("This page needs the link from the projector. Scan the QR code again, or type the address and the room code.");
    case 404:
      return _("There is no such page here.");
    case 405:
      return _("That cannot be done here.");
    case 408:
      return _("That took too long. Try again.");
    case 413:
    case 431:
      return _("That was too much to send at once.");
    case 429:
      return _("Too many tries at once. Wait a minute, then try again.");
    default:
      return _("Something went wrong. Try again.");
    }
}

char *
kw_vote_page_error (const char *language,
                    guint       status)
{
  Page page = { { NULL, FALSE }, NULL, NULL };

  page_init (&page, language);
  page_begin (&page, _("Cannot continue"), 0);
  kw_html_writer_element (&page.out, "h1", NULL, _("Cannot continue"));
  write_error (&page, describe_status (status));

  return page_end (&page);
}
