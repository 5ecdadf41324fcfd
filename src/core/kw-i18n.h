/* kw-i18n.h: translation in the core.
 *
 * GLib's g_dgettext() decides once per process whether to translate at
 * all, from the locale in force at its first call; under a C locale that
 * decision is "no", and an action plan exported with --lang nl from a
 * script (LC_ALL=C.UTF-8) would stay English. The core therefore asks
 * gettext directly, which follows LANGUAGE as kw_plan_language_push()
 * sets it. Use this header instead of <glib/gi18n-lib.h> in src/core/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <libintl.h>

G_BEGIN_DECLS

const char *kw_dpgettext (const char *context_and_msgid,
                          gsize       msgid_offset) G_GNUC_FORMAT (1);

G_END_DECLS

#undef _
#undef C_
#define _(String) ((char *) dgettext (GETTEXT_PACKAGE, String))
#define C_(Context, String) kw_dpgettext (Context "\004" String, sizeof (Context))
