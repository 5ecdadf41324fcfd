/* kw-file-names.h: how a file is named for people, in one place for the
 * window, the export dialog and the importers' error messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The file's name as people read it: "werkbord maart.kwadrant", also on a
 * network share whose parse name is a URI with %-escapes. */
char  *kw_file_dup_display_name  (GFile      *file);
/* Where the file is: a local path as it is, a location on a network share
 * as its URI without the %-escapes ("sftp://server/Workshops maart"). */
char  *kw_file_dup_location_name (GFile      *file);
/* Its folder as GNOME shows it: "~/Documents" rather than the full path. */
char  *kw_file_dup_folder_name   (GFile      *file);
/* Whether the file's name ends in suffix, ignoring ASCII case. */
gboolean kw_file_has_suffix      (GFile      *file,
                                  const char *suffix);
/* The file whose name ends in suffix exactly once: added when missing,
 * "plan.html.html" becomes "plan.html". The one rule for every save and
 * export chooser. */
GFile *kw_file_ensure_suffix     (GFile      *file,
                                  const char *suffix);
/* The display name without a trailing suffix: "workshop-december" for
 * "workshop-december.kwadrant", a title for a board saved untitled. */
char  *kw_file_dup_display_stem  (GFile      *file,
                                  const char *suffix);

G_END_DECLS
