/* kw-matrix-placement-private.h: for the benchmark and the tests only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kw-matrix-placement.h"

G_BEGIN_DECLS

/* kw_matrix_placement_new() with the spatial index on (its normal way)
 * or off: every collision test then scans everything placed so far. The
 * result is the same either way; only the time differs. */
KwMatrixPlacement *kw_matrix_placement_new_full (const KwMatrixLayout           *layout,
                                                 const KwThresholds             *thresholds,
                                                 const KwMatrixPlacementItem    *items,
                                                 guint                           n_items,
                                                 const KwMatrixPlacementOptions *options,
                                                 gboolean                        use_index);

G_END_DECLS
