/* kw-core-test.h: what the core's tests of files on disk share (no GTK).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A failure guard, not a synchronisation: the event ends every wait. */
#define KW_CORE_TEST_GUARD_SECONDS 30

/* Another program: runs `sh -c script sh ARGS...` (the files as "$1",
 * "$2", …, NULL-terminated) and asserts that it succeeded. */
void kw_core_test_run_shell  (const char     *script,
                              GFile          *file,
                              ...) G_GNUC_NULL_TERMINATED;
/* Runs the main loop until *done is set; fails after the guard, naming what. */
void kw_core_test_wait_until (const gboolean *done,
                              const char     *what);
/* Removes dir and everything in it. */
void kw_core_test_remove_tree (GFile         *dir);

G_END_DECLS
