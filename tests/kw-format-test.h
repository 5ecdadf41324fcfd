/* kw-format-test.h: what the tests of the .kwadrant format share
 * (test-format, test-format-snapshots, test-format-estimates): paths in the source tree, the
 * schema check with xmllint, and comparing boards field by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-board.h"

G_BEGIN_DECLS

/* KW_SOURCE_DIR/first/…, NULL-terminated. */
char    *kw_format_test_source_path      (const char *first,
                                          ...) G_GNUC_NULL_TERMINATED;
/* tests/data/format/name. */
char    *kw_format_test_corpus_path      (const char *name);
/* Whether xmllint accepts the file against data/kwadrant.rng; output (may
 * be NULL) receives what xmllint said. */
gboolean kw_format_test_xmllint_validates (const char  *path,
                                           char       **output);

void     kw_format_test_assert_same_time  (GDateTime  *expected,
                                           GDateTime  *got);
/* Every field, the findings' (their estimates too), the participants'
 * and, in order, the snapshots'. */
void     kw_format_test_assert_same_board (KwBoard    *expected,
                                           KwBoard    *got);
/* Saves to bytes and loads them back; saved (may be NULL) gets the bytes. */
KwBoard *kw_format_test_round_trip        (KwBoard    *board,
                                           GBytes    **saved);

G_END_DECLS
