/* kw-round.h: a blind estimation round.
 *
 * A round covers some or all of a board's findings. While it is open,
 * participants' estimates are collected here, not on the board, and
 * nothing but whether someone has given one can be read back: the first
 * estimate said aloud must not anchor the rest. Revealing puts them all on
 * the board at once, as one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-history.h"

G_BEGIN_DECLS

typedef enum {
  KW_ROUND_OPEN,
  KW_ROUND_REVEALED,
} KwRoundState;

#define KW_TYPE_ROUND_STATE (kw_round_state_get_type ())
GType kw_round_state_get_type (void) G_GNUC_CONST;

#define KW_TYPE_ROUND (kw_round_get_type ())
G_DECLARE_FINAL_TYPE (KwRound, kw_round, KW, ROUND, GObject)

/* A round over the n findings (in that order), or over every finding the
 * board has now when n is 0. The first finding is the current one. */
KwRound      *kw_round_new               (KwBoard           *board,
                                          KwFinding * const *findings,
                                          guint              n);
KwBoard      *kw_round_get_board         (KwRound           *self);
guint         kw_round_get_n_findings    (KwRound           *self);
KwFinding    *kw_round_get_finding       (KwRound           *self,
                                          guint              i);
gboolean      kw_round_covers            (KwRound           *self,
                                          KwFinding         *finding);

/* Property "state". */
KwRoundState  kw_round_get_state         (KwRound           *self);

/* Property "current": the finding the room is estimating now, the one
 * presentation mode puts in focus. FALSE for a finding the round does not
 * cover. */
KwFinding    *kw_round_get_current       (KwRound           *self);
gboolean      kw_round_set_current       (KwRound           *self,
                                          KwFinding         *finding);
/* Moves the current finding by delta in the round's order; FALSE at
 * either end. */
gboolean      kw_round_step_current      (KwRound           *self,
                                          int                delta);

/* Gives, changes or (estimate NULL) takes back a participant's estimate.
 * FALSE, changing nothing, once revealed, for a finding the round does not
 * cover or a participant the board does not have. Signal "submitted"
 * (KwFinding *finding, const char *participant_id) follows every real
 * change. */
gboolean      kw_round_submit            (KwRound           *self,
                                          KwFinding         *finding,
                                          const char        *participant_id,
                                          const KwEstimate  *estimate);
gboolean      kw_round_has_submitted     (KwRound           *self,
                                          KwFinding         *finding,
                                          const char        *participant_id);
guint         kw_round_count_submitted   (KwRound           *self,
                                          KwFinding         *finding);
/* Whether every participant of the board has given an estimate of the
 * finding (FALSE for a board without participants). */
gboolean      kw_round_is_complete       (KwRound           *self,
                                          KwFinding         *finding);

/* Puts every estimate given in the round on the board as one undo step
 * ("Reveal Estimates"), replacing the participants' earlier estimates of
 * those findings, and closes the round to new ones. Estimates of findings
 * or participants no longer on the board are dropped. Returns how many
 * went on the board; 0 and nothing done when already revealed. */
guint         kw_round_reveal            (KwRound           *self,
                                          KwHistory         *history);

/* Property "deadline": the monotonic time (g_get_monotonic_time()) the
 * countdown ends, 0 for an untimed round. */
gint64        kw_round_get_deadline      (KwRound           *self);
void          kw_round_set_deadline      (KwRound           *self,
                                          gint64             deadline);
/* Whole seconds left at now (rounded up), 0 once passed or untimed. */
guint         kw_round_get_seconds_left  (KwRound           *self,
                                          gint64             now);
/* What a countdown shows at now: "4:05" while it runs, "Time is up" once
 * it has passed; NULL for an untimed round. One text for the header bar
 * and the presentation. */
char         *kw_round_format_time_left  (KwRound           *self,
                                          gint64             now);

G_END_DECLS
