/* kw-document.h: one open board with everything that keeps it safe.
 *
 * A KwDocument owns the board and its undo history, the file it belongs
 * to and that file's etag (the version we read or wrote), a counter of the
 * board's changes, and whether it is modified, loading, saving or
 * read-only (a board from a newer format). It writes the autosave draft a
 * moment after each change and watches the file for changes by someone
 * else. It has no UI: the window shows what it says (its properties and
 * signals) and asks the questions (save, replace, reload).
 *
 * Loading, restoring a draft and saving are asynchronous. A new load or
 * restore supersedes one under way, which then finishes with
 * G_IO_ERROR_CANCELLED and changes nothing. A failed load leaves the
 * document as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"
#include "kw-draft.h"
#include "kw-draft-store.h"
#include "kw-file-watch.h"
#include "kw-history.h"

G_BEGIN_DECLS

/* A draft is written after a pause of KW_DOCUMENT_DRAFT_PAUSE_MS in the
 * changes, and at most KW_DOCUMENT_DRAFT_MAX_DELAY_MS after a change (the
 * promise is 2 seconds; the write itself takes the rest). */
#define KW_DOCUMENT_DRAFT_PAUSE_MS 500
#define KW_DOCUMENT_DRAFT_MAX_DELAY_MS 1500

guint kw_document_draft_wait_ms (gint64 first_change_us,
                                 gint64 now_us);

#define KW_DOCUMENT_ERROR (kw_document_error_quark ())
GQuark kw_document_error_quark (void);

typedef enum {
  KW_DOCUMENT_ERROR_CHANGED_ON_DISK,  /* someone else saved the file since we read or wrote it */
  KW_DOCUMENT_ERROR_READ_ONLY,        /* a board from a newer format is never saved */
} KwDocumentError;

#define KW_TYPE_DOCUMENT (kw_document_get_type ())
G_DECLARE_FINAL_TYPE (KwDocument, kw_document, KW, DOCUMENT, GObject)

/* Properties (all read-only but "draft-store", construct-only):
 *   "board"       KwBoard*     replaced by a load or a restore
 *   "history"     KwHistory*   the board's own; replaced with it
 *   "file"        GFile*       loaded from or last saved to, NULL if none
 *   "title"       char*        the board's title, or "Untitled board"
 *   "modified"    gboolean     changes not saved yet
 *   "loading"     gboolean     a load or restore is under way
 *   "saving"      gboolean     a save is under way
 *   "read-only"   gboolean     the board is from a newer format
 *   "file-state"  KwFileState  the file on disk as last checked
 *   "draft-id"    char*        the board's autosave draft, NULL if none
 *   "draft-store" KwDraftStore* where drafts go (default: the user's)
 *
 * Signals:
 *   "file-changed" (KwFileState state)  the file on disk changed: saved
 *                  by someone else (again), deleted or moved, or back to
 *                  the version we know. The window shows or hides its bar.
 *   "draft-written"                     a draft reached the disk.
 *   "draft-failed" (GError *error)      a draft could not be written;
 *                  once until a write succeeds again.
 */

KwDocument  *kw_document_new              (void);

KwBoard     *kw_document_get_board        (KwDocument *self);
KwHistory   *kw_document_get_history      (KwDocument *self);
GFile       *kw_document_get_file         (KwDocument *self);
const char  *kw_document_get_etag         (KwDocument *self);
const char  *kw_document_get_title        (KwDocument *self);
gboolean     kw_document_get_modified     (KwDocument *self);
gboolean     kw_document_get_loading      (KwDocument *self);
gboolean     kw_document_get_saving       (KwDocument *self);
gboolean     kw_document_get_read_only    (KwDocument *self);
KwFileState  kw_document_get_file_state   (KwDocument *self);
const char  *kw_document_get_draft_id     (KwDocument *self);

/* Reads file (etag first, then the board). mount_operation (may be NULL)
 * mounts a network share that is not mounted yet, asking for a password
 * if the server wants one; the user closing that question gives
 * G_IO_ERROR_FAILED_HANDLED. */
void         kw_document_load_async       (KwDocument          *self,
                                           GFile               *file,
                                           GMountOperation     *mount_operation,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     kw_document_load_finish      (KwDocument          *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* Reads the document's own file again; the changes are lost. */
void         kw_document_reload_async     (KwDocument          *self,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     kw_document_reload_finish    (KwDocument          *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Opens an autosaved draft: the board shows modified, with the file and
 * etag it had, and the draft stays until it is saved or discarded. */
void         kw_document_restore_draft_async  (KwDocument          *self,
                                               KwDraft             *draft,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     kw_document_restore_draft_finish (KwDocument          *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Saves to the document's own file, refusing with
 * KW_DOCUMENT_ERROR_CHANGED_ON_DISK when someone else changed it since we
 * read or wrote it. A read-only document gives KW_DOCUMENT_ERROR_READ_ONLY. */
void         kw_document_save_async       (KwDocument          *self,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Saves to file, replacing whatever is there (the user said so); the
 * document belongs to file from then on. */
void         kw_document_save_as_async    (KwDocument          *self,
                                           GFile               *file,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     kw_document_save_finish      (KwDocument          *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* The changes are given up (closing without saving): the draft goes. */
void         kw_document_discard_changes  (KwDocument          *self);
/* Looks at the file on disk now, e.g. when the window gains the focus:
 * on a network share a monitor may be slow or missing. */
void         kw_document_check_file       (KwDocument          *self);
/* The window goes: loads and saves under way are cancelled, changes not
 * yet in the draft are written to it, and the file is no longer watched. */
void         kw_document_close            (KwDocument          *self);

G_END_DECLS
