/* kw-cli-estimates.h: kwadrant --import-estimates ESTIMATES.csv BOARD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Imports the participants' estimates of the CSV files in csv_paths into
 * the one board in paths and saves the board over its file atomically.
 * Any problem of a row (printed, each with its file and row) or a file
 * that cannot be read leaves the board file as it was. Returns a
 * KW_CLI_EXIT_* status. */
int kw_cli_run_import_estimates (const char * const *csv_paths,
                                 const char * const *paths);

G_END_DECLS
