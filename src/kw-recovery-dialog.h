/* kw-recovery-dialog.h: offers the drafts a crashed Kwadrant left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-draft-store.h"

G_BEGIN_DECLS

#define KW_TYPE_RECOVERY_DIALOG (kw_recovery_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KwRecoveryDialog, kw_recovery_dialog, KW, RECOVERY_DIALOG, AdwMessageDialog)

/* Lists drafts (a GPtrArray of KwDraft, newest first) with Restore and
 * Discard for each, and Restore All. Restoring emits "restore-draft"
 * (KwDraft *) for the application to open it; discarding asks first, then
 * removes the draft from store. The dialog closes once every draft is
 * handled; "Not Now" keeps them for the next start. */
KwRecoveryDialog *kw_recovery_dialog_new (GtkWindow    *parent,
                                          KwDraftStore *store,
                                          GPtrArray    *drafts);

G_END_DECLS
