/* kw-participants-dialog.h: the people in the room who give estimates:
 * add, rename and remove them, each an undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-history.h"

G_BEGIN_DECLS

#define KW_TYPE_PARTICIPANTS_DIALOG (kw_participants_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwParticipantsDialog, kw_participants_dialog, KW, PARTICIPANTS_DIALOG, AdwWindow)

KwParticipantsDialog *kw_participants_dialog_new        (GtkWindow            *parent,
                                                         KwHistory            *history);

/* What the buttons and Enter do (tests): FALSE, with the reason shown
 * beside the entry, when the board refuses. */
gboolean              kw_participants_dialog_add        (KwParticipantsDialog *self,
                                                         const char           *name,
                                                         const char           *team);
gboolean              kw_participants_dialog_rename     (KwParticipantsDialog *self,
                                                         KwParticipant        *participant,
                                                         const char           *name);
/* Changes the team or role ("" for none) as one undo step. */
gboolean              kw_participants_dialog_set_team   (KwParticipantsDialog *self,
                                                         KwParticipant        *participant,
                                                         const char           *team);
void                  kw_participants_dialog_remove     (KwParticipantsDialog *self,
                                                         KwParticipant        *participant);
/* The refusal shown now, or NULL. */
const char           *kw_participants_dialog_get_error  (KwParticipantsDialog *self);
GtkWidget            *kw_participants_dialog_get_name_row (KwParticipantsDialog *self);
GtkWidget            *kw_participants_dialog_get_team_row (KwParticipantsDialog *self);
GtkListBox           *kw_participants_dialog_get_list   (KwParticipantsDialog *self);

G_END_DECLS
