/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kwadrant"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kw-application.h"
#include "kw-frame-memory.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KwApplication) app = NULL;
  /* Lets the tests run the app from the build tree in Dutch, before the
   * catalogs are installed. */
  const char *localedir = g_getenv ("KWADRANT_LOCALEDIR");

  kw_frame_memory_init ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
