/* kw-cli.h: the commands that run without a display (--check,
 * --import-csv) and the options of the kwadrant command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of the command-line paths. */
#define KW_CLI_EXIT_OK 0
#define KW_CLI_EXIT_INVALID 1
#define KW_CLI_EXIT_USAGE 2

void kw_cli_add_options           (GApplication *application);
/* Runs a command-line path named in the options and returns its exit
 * status, or -1 when the options ask for the app's window. */
int  kw_cli_handle_local_options  (GApplication *application,
                                   GVariantDict *options);
/* Prints message and where to find the options; returns KW_CLI_EXIT_USAGE. */
int  kw_cli_usage_error           (const char   *message);
/* Before a command changes a board file and saves it over itself: FALSE
 * when the file is read-only; otherwise its etag, taken before the board
 * is read, never after, so that a change made in between makes the save
 * refuse rather than overwrite it (NULL when the file cannot be queried:
 * the loader then says why). */
gboolean kw_cli_query_board_file  (GFile        *file,
                                   char        **etag);
/* The files named on the command line, relative to cwd (NULL for the
 * current directory). */
GPtrArray *kw_cli_get_files       (GVariantDict *options,
                                   const char   *cwd);

G_END_DECLS
