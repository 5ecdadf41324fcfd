/* kw-format.h: the .kwadrant XML file format (see data/FORMAT.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"

G_BEGIN_DECLS

#define KW_FORMAT_NAMESPACE "https://kwadrant.github.io/ns/board"
#define KW_FORMAT_VERSION 3
#define KW_FORMAT_MIME_TYPE "application/x-kwadrant"
#define KW_FORMAT_SUFFIX ".kwadrant"

/* Limits on untrusted files, checked before and while reading. */
#define KW_FORMAT_MAX_FILE_SIZE (256 * 1024 * 1024)  /* bytes in a file */
#define KW_FORMAT_MAX_FIELD_SIZE (1024 * 1024)       /* bytes in one text or attribute */

#define KW_FORMAT_ERROR (kw_format_error_quark ())
GQuark kw_format_error_quark (void);

typedef enum {
  KW_FORMAT_ERROR_NOT_XML,        /* not well-formed, or not UTF-8 */
  KW_FORMAT_ERROR_NOT_A_BOARD,    /* wrong root element or namespace */
  KW_FORMAT_ERROR_NEWER_VERSION,  /* written by a newer Kwadrant */
  KW_FORMAT_ERROR_FORBIDDEN,      /* DTD, entities, processing tricks */
  KW_FORMAT_ERROR_TOO_LARGE,      /* file, text or nesting over the limits */
  KW_FORMAT_ERROR_INVALID,        /* an element or value the format does not allow */
} KwFormatError;

/* Parses a board from memory. display_name names the file in errors. */
KwBoard *kw_format_load_bytes  (GBytes               *bytes,
                                const char           *display_name,
                                GError              **error);
KwBoard *kw_format_load_file   (GFile                *file,
                                GCancellable         *cancellable,
                                GError              **error);
void     kw_format_load_file_async   (GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
KwBoard *kw_format_load_file_finish  (GFile               *file,
                                      GAsyncResult        *result,
                                      GError             **error);

/* Serialises a board as UTF-8 XML. */
GBytes  *kw_format_save_bytes  (KwBoard              *board,
                                GError              **error);
/* Replaces the file atomically; new_etag (may be NULL) receives the etag. */
gboolean kw_format_save_file   (KwBoard              *board,
                                GFile                *file,
                                const char           *expected_etag,
                                char                **new_etag,
                                GCancellable         *cancellable,
                                GError              **error);
void     kw_format_save_file_async   (KwBoard             *board,
                                      GFile               *file,
                                      const char          *expected_etag,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean kw_format_save_file_finish  (GFile               *file,
                                      GAsyncResult        *result,
                                      char               **new_etag,
                                      GError             **error);

/* Whether two etags name the same version of a file. A WebDAV server may
 * call an etag weak ("W/…") while the file is less than a second old and
 * strong later, for the same version: the two match. NULL matches NULL. */
gboolean kw_format_etags_match (const char *etag,
                                const char *other);

G_END_DECLS
