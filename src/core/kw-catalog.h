/* kw-catalog.h: one language's translations, read from its compiled
 * gettext catalog (.mo), for an export in a language other than the UI's.
 *
 * gettext itself follows the process-wide LANGUAGE variable; switching it
 * for an export running in a thread races with every other thread that
 * translates (the window, while it shows the export's progress). A
 * KwCatalog is read once and then only looked up in, from any thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KwCatalog KwCatalog;

/* Reads the catalog at path (GNU .mo, either byte order); an error says
 * why a file is not one. */
KwCatalog  *kw_catalog_new_from_file (const char *path,
                                      GError    **error);
/* The translation of msgid ("context\004msgid" for one with a context),
 * or NULL when the catalog has none. */
const char *kw_catalog_lookup        (KwCatalog  *self,
                                      const char *msgid);
/* The translation of msgid (the singular) for the number n, or NULL. The
 * plan's languages (kw_plan_language_is_known()) share one plural rule,
 * "nplurals=2; plural=(n != 1)": the second form for every n but 1. */
const char *kw_catalog_lookup_plural (KwCatalog  *self,
                                      const char *msgid,
                                      gulong      n);
void        kw_catalog_free          (KwCatalog  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwCatalog, kw_catalog_free)

G_END_DECLS
