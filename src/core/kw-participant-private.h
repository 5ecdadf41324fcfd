/* kw-participant-private.h: for KwParticipantList, which keeps names
 * unique, and the loader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-participant.h"

G_BEGIN_DECLS

/* Both already valid and cleaned; returns whether anything changed. */
gboolean _kw_participant_set_name_and_team (KwParticipant *self,
                                            const char    *name,
                                            const char    *team);

G_END_DECLS
