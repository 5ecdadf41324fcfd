/* kw-draft-store.h: autosaved drafts of open boards, for recovery after a
 * crash.
 *
 * Each open board that has changes gets one draft, named by an id from
 * kw_draft_store_new_id(). A draft holds the board in the normal
 * .kwadrant format together with the original file's URI, the etag the
 * board was opened or last saved with, the title, the time and the
 * writing process; it lives in the store's folder and never touches the
 * board's own file. Drafts are written atomically (replace through GIO),
 * one after the other per id, so a crash at any moment leaves either the
 * previous draft or the new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"
#include "kw-draft.h"

G_BEGIN_DECLS

#define KW_DRAFT_SUFFIX ".draft"

#define KW_TYPE_DRAFT_STORE (kw_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (KwDraftStore, kw_draft_store, KW, DRAFT_STORE, GObject)

/* The store over g_get_user_data_dir()/kwadrant/drafts, shared by the
 * whole process. */
KwDraftStore *kw_draft_store_get_default   (void);
/* A store over another folder (tests); the folder is made when needed. */
KwDraftStore *kw_draft_store_new           (GFile               *directory);
GFile        *kw_draft_store_get_directory (KwDraftStore        *self);

/* A fresh id for a board that has no draft yet; this process owns it. */
char         *kw_draft_store_new_id        (KwDraftStore        *self);
/* Takes over a draft listed from a process that is gone (restoring it):
 * it is not listed again while this process runs. */
void          kw_draft_store_adopt         (KwDraftStore        *self,
                                            const char          *id);

/* Writes the board as draft id. file and etag (both may be NULL) are
 * what the board belongs to. Writes of one id happen in the order they
 * were asked for. */
void          kw_draft_store_save_async    (KwDraftStore        *self,
                                            const char          *id,
                                            KwBoard             *board,
                                            GFile               *file,
                                            const char          *etag,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      kw_draft_store_save_finish   (KwDraftStore        *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Removes draft id, after any write of it still under way. Removing a
 * draft that does not exist succeeds. */
void          kw_draft_store_remove_async  (KwDraftStore        *self,
                                            const char          *id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      kw_draft_store_remove_finish (KwDraftStore        *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* The drafts left behind by processes that are gone, newest first, as a
 * GPtrArray of KwDraft. Leaves out the drafts of this process and of any
 * other Kwadrant still running; removes unreadable drafts and temporary
 * files that an interrupted write left behind. */
GPtrArray    *kw_draft_store_list          (KwDraftStore        *self,
                                            GCancellable        *cancellable,
                                            GError             **error);
void          kw_draft_store_list_async    (KwDraftStore        *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray    *kw_draft_store_list_finish   (KwDraftStore        *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* Reads the board of draft id; draft (may be NULL) receives what the
 * draft says about it. */
KwBoard      *kw_draft_store_load          (KwDraftStore        *self,
                                            const char          *id,
                                            KwDraft            **draft,
                                            GCancellable        *cancellable,
                                            GError             **error);
void          kw_draft_store_load_async    (KwDraftStore        *self,
                                            const char          *id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
KwBoard      *kw_draft_store_load_finish   (KwDraftStore        *self,
                                            GAsyncResult        *result,
                                            KwDraft            **draft,
                                            GError             **error);

G_END_DECLS
