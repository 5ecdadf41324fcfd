/* kw-cli-snapshot.h: kwadrant --snapshot NAME BOARD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Adds a snapshot named name (taken now, no note) to the one board in
 * paths and saves the board over its file atomically; the file is left
 * as it was when anything fails. Returns a KW_CLI_EXIT_* status. */
int kw_cli_run_snapshot (const char         *name,
                         const char * const *paths);

G_END_DECLS
