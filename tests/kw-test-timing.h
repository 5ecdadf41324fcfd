/* kw-test-timing.h: how long the widget tests wait before they call a
 * wait a hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* AddressSanitizer and UBSan builds run everything several times slower
 * (the suite runs so in CI too): the guards stretch with them, so that
 * only a real hang trips them. */
#if defined(__SANITIZE_ADDRESS__)
#define KW_TEST_SLOWDOWN 5
#else
#define KW_TEST_SLOWDOWN 1
#endif
