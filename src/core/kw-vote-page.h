/* kw-vote-page.h: the pages a phone sees when voting, built with libxml2's
 * writer (names and titles are escaped by construction, as in the HTML
 * plan). Plain HTML forms that work without JavaScript, readable on a
 * 360-pixel-wide phone, in Dutch or English by the browser's language, with
 * no external fonts, scripts or requests (the server sends a
 * Content-Security-Policy that forbids them: kw_vote_page_get_csp()).
 *
 * Every builder returns a whole UTF-8 HTML document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "nl" or "en", the first of the Accept-Language header's languages (by
 * its q values) that the pages speak; "en" when none or no header. */
const char *kw_vote_page_choose_language (const char *accept_language);

/* The Content-Security-Policy header every page is sent with. */
const char *kw_vote_page_get_csp         (void);
/* The one style sheet, served at "/style.css". */
const char *kw_vote_page_get_stylesheet  (void);

typedef struct {
  const char *language;      /* "nl" or "en" */
  const char *board_title;   /* the workshop's board, for the heading */
  const char *csrf_token;    /* put in every form as field "csrf" */
  guint       refresh;       /* seconds until the page reloads itself (no
                              * script needed), 0 for never: a phone waiting
                              * for the facilitator sees the next finding */
} KwVotePageContext;

/* Asks for the room code (field "code", POST to "/"); error NULL or what
 * was wrong with the last try. */
char *kw_vote_page_room_code (const KwVotePageContext *ctx,
                              const char              *error);

/* Asks for the participant's name (field "name", POST to action, the join
 * address). name is the last try, kept in the field; error NULL or why it
 * was refused. known_names, NULL-terminated, are the board's participants,
 * offered to pick from. */
char *kw_vote_page_join      (const KwVotePageContext *ctx,
                              const char              *action,
                              const char              *name,
                              const char              *error,
                              const char * const      *known_names);

typedef struct {
  const char *participant_name;
  const char *finding_id;      /* field "finding" */
  const char *title;
  const char *description;     /* NULL when none */
  guint       position;        /* 1-based, in the round's order */
  guint       n_findings;
  guint       n_scored;        /* of them, by this participant */
  gboolean    has_estimate;    /* this participant's own, if given */
  gboolean    known;           /* FALSE: "no idea" */
  double      impact;          /* 0..10, one decimal */
  double      effort;
  const char *previous_id;     /* at the participant's own pace: the   */
  const char *next_id;         /* neighbours to link to, NULL at an end */
  const char *notice;          /* NULL, or "Saved" and the like */
  const char *error;           /* NULL, or what was wrong with the form */
} KwVotePageFinding;

/* One finding to score: impact and effort (fields "impact" and "effort",
 * 0 to 10 in steps of 0.5 offered, any value with one decimal accepted),
 * "no idea" (field "no-idea"=1) and submit, POST to "/vote". */
char *kw_vote_page_finding   (const KwVotePageContext  *ctx,
                              const KwVotePageFinding  *finding);

/* A page with a heading and one message and a link to reload ("/vote"):
 * waiting for the facilitator, the round is closed, all done. */
char *kw_vote_page_message   (const KwVotePageContext *ctx,
                              const char              *heading,
                              const char              *message);

/* An error page for status (403, 404, 405, 413, 429, ...). */
char *kw_vote_page_error     (const char *language,
                              guint       status);

G_END_DECLS
