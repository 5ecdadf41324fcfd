/* kw-frame-memory.h: how the process's allocator treats the large
 * buffers every frame of the matrix allocates and frees again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call once, first thing in main(), in the app and in every benchmark
 * that measures its frames: they must run as the app does. */
void kw_frame_memory_init (void);

G_END_DECLS
