/* kw-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kw-recent-boards.h"

G_BEGIN_DECLS

#define KW_TYPE_APPLICATION (kw_application_get_type ())
G_DECLARE_FINAL_TYPE (KwApplication, kw_application, KW, APPLICATION, AdwApplication)

KwApplication *kw_application_new       (void);
/* Opens the file in the window that has it, a blank window, or a new one. */
void           kw_application_open_file (KwApplication *self,
                                         GFile         *file);
void           kw_application_add_icon_resources (void);
/* The boards opened or saved lately, one list for every window. */
KwRecentBoards *kw_application_get_recent_boards (KwApplication *self);

G_END_DECLS
