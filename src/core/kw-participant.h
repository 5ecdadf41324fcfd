/* kw-participant.h: one person in the room who gives estimates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A name is what the exports' columns and the phones show: one line of
 * clean text, 1 to this many characters. */
#define KW_PARTICIPANT_NAME_MAX 60
/* A team or role, optional. */
#define KW_PARTICIPANT_TEAM_MAX 60

#define KW_TYPE_PARTICIPANT (kw_participant_get_type ())
G_DECLARE_FINAL_TYPE (KwParticipant, kw_participant, KW, PARTICIPANT, GObject)

/* id as kw_finding_id_is_valid() has it; name must be valid
 * (kw_participant_name_is_valid()); team may be NULL for "". */
KwParticipant *kw_participant_new               (const char    *id,
                                                 const char    *name,
                                                 const char    *team);
/* TRUE for text that, cleaned to one line, has 1 to
 * KW_PARTICIPANT_NAME_MAX characters. */
gboolean       kw_participant_name_is_valid     (const char    *name);
gboolean       kw_participant_team_is_valid     (const char    *team);

const char    *kw_participant_get_id            (KwParticipant *self);
/* Properties "name" and "team", notified on real change only. Setting an
 * invalid value is a programming error and changes nothing; KwBoard's
 * participant list keeps the names unique. */
const char    *kw_participant_get_name          (KwParticipant *self);
const char    *kw_participant_get_team          (KwParticipant *self);
/* "Anna (Team Care)", or the name alone without a team. */
char          *kw_participant_dup_display_name  (KwParticipant *self);

G_END_DECLS
