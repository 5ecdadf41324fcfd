/* kw-i18n.h: translation in the core.
 *
 * Two things set the core apart from the UI here:
 *
 * - An export may be in another language than the UI ("--lang nl", the
 *   export dialog's choice), and may run in a thread while the window goes
 *   on in its own language. kw_plan_language_push() therefore switches
 *   only the calling thread, to a catalog read by KwCatalog; gettext's own
 *   switch, the LANGUAGE variable, is process-wide.
 * - GLib's g_dgettext() decides once per process whether to translate at
 *   all, from the locale in force at its first call; the core asks gettext
 *   directly instead.
 *
 * Use this header instead of <glib/gi18n-lib.h> in src/core/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>
#include <libintl.h>

G_BEGIN_DECLS

/* The language pushed in this thread (kw-plan-text.h), or gettext. */
const char *kw_plan_gettext (const char *msgid) G_GNUC_FORMAT (1);
const char *kw_dpgettext    (const char *context_and_msgid,
                             gsize       msgid_offset) G_GNUC_FORMAT (1);
const char *kw_plan_ngettext (const char *msgid,
                              const char *msgid_plural,
                              gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

G_END_DECLS

#undef _
#undef C_
#define _(String) ((char *) kw_plan_gettext (String))
#define C_(Context, String) kw_dpgettext (Context "\004" String, sizeof (Context))
#undef ngettext
#define ngettext(String, Plural, N) ((char *) kw_plan_ngettext (String, Plural, N))
