/* kw-export-ics.h: the follow-up as an iCalendar file (RFC 5545), written
 * with libical, for Outlook's, GNOME Calendar's or any agenda: an all-day
 * event on the due date of each open action and on each review date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kw-board.h"

G_BEGIN_DECLS

#define KW_EXPORT_ICS_ERROR (kw_export_ics_error_quark ())

typedef enum {
  /* No finding gives an event: a calendar needs at least one (RFC 5545),
   * and an empty file would only puzzle whoever imports it. */
  KW_EXPORT_ICS_ERROR_NO_EVENTS,
} KwExportIcsError;

GQuark    kw_export_ics_error_quark  (void);

typedef struct {
  const char *lang;  /* "nl", "en", or NULL for the UI language */
  GDateTime  *now;   /* the events' DTSTAMP; NULL for now */
} KwExportIcsOptions;

/* How many events the board gives: one per quick win, small fix or
 * long-term plan finding that has a due date and is not done, one per
 * finding not done that has a review date. */
guint     kw_export_ics_count_events (KwBoard                  *board);

GBytes   *kw_export_ics_bytes        (KwBoard                  *board,
                                      const KwExportIcsOptions *options,
                                      GError                  **error);
gboolean  kw_export_ics_file         (KwBoard                  *board,
                                      const KwExportIcsOptions *options,
                                      GFile                    *file,
                                      GError                  **error);

G_END_DECLS
