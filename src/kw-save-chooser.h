/* kw-save-chooser.h: the one Save As chooser, for boards and exports.
 *
 * A native file chooser in save mode, near a file and with a suggested
 * name. The chooser asks about replacing the name as typed only: when the
 * name gets the format's suffix added and that file exists, this asks
 * again, with the caller's words. The answer comes back once: the file to
 * write, or NULL when the user cancelled anywhere on the way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct
{
  const char    *title;           /* the chooser's title, "Save Board" */
  const char    *accept_label;    /* "_Save" */
  GtkFileFilter *filter;          /* the format's files, or NULL */
  GFile         *near_file;       /* the chooser opens in its folder; may be NULL */
  const char    *name;            /* suggested, without suffix ("Untitled board") */
  const char    *suffix;          /* ".kwadrant", added when missing */
  const char    *replace_body;    /* the replace question's text */
} KwSaveChooserOptions;

/* file is NULL when the user cancelled. */
typedef void (*KwSaveChooserFunc) (GtkWindow *parent,
                                   GFile     *file);

void kw_save_chooser_show    (GtkWindow                  *parent,
                              const KwSaveChooserOptions *options,
                              KwSaveChooserFunc           callback);
/* What happens after the chooser, for a chosen file (tests call it, as a
 * native chooser cannot be driven): adds the suffix, asks before
 * replacing a file the chooser did not ask about. */
void kw_save_chooser_confirm (GtkWindow                  *parent,
                              GFile                      *chosen,
                              const char                 *suffix,
                              const char                 *replace_body,
                              KwSaveChooserFunc           callback);

G_END_DECLS
