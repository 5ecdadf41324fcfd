/* kw-estimates-board.c: see kw-estimates-board.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "kw-estimates-board.h"

enum { NONE, KNOWN, NO_IDEA };

typedef struct {
  int    kind;
  double impact, effort;
} Given;

#define E(i, e) { KNOWN, i, e }
#define NO { NO_IDEA, 0, 0 }
#define __ { NONE, 0, 0 }

static const char * const names[] = { "Anna", "Bram", KW_ESTIMATES_BOARD_AWKWARD_NAME, "Dirk" };

static const struct {
  const char *title;
  gboolean    placed;
  double      impact, effort;
  Given       given[4];  /* Anna, Bram, <b>&", Dirk */
} findings[] = {
  /* Impact 5, 7, 9: median 7, range 4; effort 2, 2, 6: median 2, range
   * 4; disagreement 4. Furthest apart: Anna–Dirk and Bram–Dirk, both
   * √20: the first pair in the board's order. */
  { "Callback queue", TRUE, 8, 2, { E (9, 2), E (5, 2), NO, E (7, 6) } },
  /* Impact 2, 4, 6, 8: median 5, quartiles 3.5 and 6.5 (QUARTILE.INC),
   * spread 3; effort 1, 3, 5, 7: median 4, spread 3; disagreement 3.
   * Furthest apart: Anna and <b>&" (6 and 6 apart). */
  { "Clearer letters", TRUE, 3, 0.5, { E (2, 7), E (4, 5), E (8, 1), E (6, 3) } },
  /* Impact 5, 5; effort 5, 7: spread 0 and 2, disagreement √2. */
  { "Shorter hold music", TRUE, 3, 3, { E (5, 5), E (5, 7), __, __ } },
  /* Impact 3, 5; effort 3, 3: spread 2 and 0, disagreement √2. */
  { "New telephony", TRUE, 8, 8, { E (3, 3), __, __, E (5, 3) } },
  { "All agree", TRUE, 6, 4, { E (6, 4), E (6, 4), __, E (6, 4) } },
  { "One known", TRUE, 2, 8, { E (7, 7), NO, __, __ } },
  { "Nobody estimated", FALSE, 0, 0, { __, __, __, __ } },
  { "Nobody knows", FALSE, 0, 0, { NO, __, NO, __ } },
  /* Impact 1, 2: median 1.5, spread 1; effort 1, 1: disagreement √½. */
  { "Slight doubt", TRUE, 2, 2, { E (1, 1), E (2, 1), __, __ } },
  /* Effort 1, 1.5: spread 0.5, disagreement √⅛. */
  { "Tiny doubt", TRUE, 2, 9, { __, E (1, 1), __, E (1, 1.5) } },
};

KwBoard *
kw_estimates_board_new (void)
{
  KwBoard *board = kw_board_new ();
  KwParticipantList *participants = kw_board_get_participants (board);

  kw_board_set_title (board, "Estimates");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = kw_participant_list_dup_new_id (participants);
      g_autoptr(KwParticipant) participant = kw_participant_new (id, names[i], NULL);

      g_assert_true (kw_participant_list_add (participants, participant, G_MAXUINT));
    }

  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      g_autofree char *id = g_strdup_printf ("f-%u", i + 1);
      g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, findings[i].title);

      if (findings[i].placed)
        kw_finding_place (finding, findings[i].impact, findings[i].effort);
      for (guint p = 0; p < G_N_ELEMENTS (names); p++)
        {
          const Given *given = &findings[i].given[p];
          KwEstimate estimate = { given->kind == KNOWN, given->impact, given->effort };
          KwParticipant *participant = kw_participant_list_get_participant (participants, p);

          if (given->kind != NONE)
            kw_finding_set_estimate (finding, kw_participant_get_id (participant), &estimate);
        }
      g_assert_true (kw_board_append_finding (board, finding));
    }

  return board;
}
