/* kw-frame-memory.c: keeps the frames' large buffers in the heap.
 *
 * Each frame of the cairo renderer, and each repaint of the round's
 * spreads, allocates and frees buffers of the window's size (3.8 MB at
 * 1200×800, 8 MB at 1920×1080). glibc hands out buffers over its mmap
 * threshold as fresh pages from the kernel and returns them on free, so
 * every frame paid for a few thousand page faults: a full repaint of the
 * matrix took 57 ms instead of 29 (bench-round, cairo renderer). glibc
 * raises that threshold by itself once such a buffer is freed, but only
 * to the size of that one buffer, and the trimming of the heap's top gave
 * the pages back again. Here both are set from the start to what glibc
 * would settle at for the largest buffers (its own ceiling of 32 MB, and
 * twice that before the heap's top is returned), so the pages are reused
 * from one frame to the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-frame-memory"

#include "config.h"

#include "kw-frame-memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#define FRAME_BUFFER_CEILING (32 * 1024 * 1024)

void
kw_frame_memory_init (void)
{
#ifdef __GLIBC__
  if (mallopt (M_MMAP_THRESHOLD, FRAME_BUFFER_CEILING) != 1 ||
      mallopt (M_TRIM_THRESHOLD, 2 * FRAME_BUFFER_CEILING) != 1)
    g_debug ("The allocator kept its own thresholds for large buffers");
#endif
}
