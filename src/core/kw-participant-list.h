/* kw-participant-list.h: a board's participants, in the order the
 * facilitator listed them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-participant.h"

G_BEGIN_DECLS

/* The most participants a board holds: a large workshop is 30; the file
 * format refuses more. */
#define KW_PARTICIPANT_LIST_MAX 200

#define KW_TYPE_PARTICIPANT_LIST (kw_participant_list_get_type ())
G_DECLARE_FINAL_TYPE (KwParticipantList, kw_participant_list, KW, PARTICIPANT_LIST, GObject)

/* A GListModel of KwParticipant. Names are unique, compared without case:
 * they head the exports' columns. Signal "changed" follows any change to
 * the list or to one of its participants. */
KwParticipantList *kw_participant_list_new            (void);
guint              kw_participant_list_get_n_items    (KwParticipantList *self);
KwParticipant     *kw_participant_list_get_participant (KwParticipantList *self,
                                                        guint              position);
KwParticipant     *kw_participant_list_lookup         (KwParticipantList *self,
                                                       const char        *id);
KwParticipant     *kw_participant_list_lookup_by_name (KwParticipantList *self,
                                                       const char        *name);
gboolean           kw_participant_list_find_position  (KwParticipantList *self,
                                                       KwParticipant     *participant,
                                                       guint             *position);
/* An id no participant of the list has, "p1", "p2", … */
char              *kw_participant_list_dup_new_id     (KwParticipantList *self);
/* Inserts at position (G_MAXUINT appends); FALSE, changing nothing, when
 * the id or the name is taken or the list is full. */
gboolean           kw_participant_list_add            (KwParticipantList *self,
                                                       KwParticipant     *participant,
                                                       guint              position);
gboolean           kw_participant_list_remove         (KwParticipantList *self,
                                                       KwParticipant     *participant);
/* FALSE, changing nothing, when the participant is not in the list, the
 * name or team is not valid, or another participant has the name. team
 * may be NULL for "". */
gboolean           kw_participant_list_edit           (KwParticipantList *self,
                                                       KwParticipant     *participant,
                                                       const char        *name,
                                                       const char        *team);

G_END_DECLS
