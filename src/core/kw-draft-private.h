/* kw-draft-private.h: for the draft store only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-draft.h"

G_BEGIN_DECLS

KwDraft *_kw_draft_new (const char *id,
                        const char *title,
                        GFile      *file,
                        const char *etag,
                        GDateTime  *written,
                        guint       pid);

G_END_DECLS
