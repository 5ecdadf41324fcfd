/* kw-draft-file.h: a draft file's contents and its writer, for the draft
 * store only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"
#include "kw-draft.h"

G_BEGIN_DECLS

/* Who wrote a draft: a process id alone may be reused after a crash or a
 * reboot, the start time and the boot id tell the processes apart. */
typedef struct
{
  guint    pid;
  guint64  start_time;
  char    *boot_id;
} KwDraftOwner;

void      kw_draft_owner_clear    (KwDraftOwner        *owner);
gboolean  kw_draft_owner_is_self  (const KwDraftOwner  *owner);
gboolean  kw_draft_owner_is_alive (const KwDraftOwner  *owner);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KwDraftOwner, kw_draft_owner_clear)

gboolean  kw_draft_id_is_valid    (const char          *id);

GFile    *kw_draft_file_get       (GFile               *directory,
                                   const char          *id);
GBytes   *kw_draft_file_serialize (const char          *id,
                                   KwBoard             *board,
                                   GFile               *file,
                                   const char          *etag,
                                   GError             **error);
KwDraft  *kw_draft_file_parse     (GBytes              *contents,
                                   const char          *id,
                                   KwDraftOwner        *owner,
                                   GBytes             **board_bytes,
                                   GError             **error);
GBytes   *kw_draft_file_read      (GFile               *file,
                                   GCancellable        *cancellable,
                                   GError             **error);

G_END_DECLS
