/* kw-matrix-legend.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-legend"

#include "config.h"

#include <math.h>

#include "kw-matrix-legend.h"
#include "kw-matrix-text.h"

/* In units of the legend's text size. */
#define BADGE_EXTRA_WIDTH   0.5   /* around the number */
#define ENTRY_GAP           0.3   /* between entries */
#define COLUMN_GAP          1.0
#define MIN_COLUMN_WIDTH    12.0  /* the narrowest column: about 20
                                   * letters a line, so three lines hold
                                   * most titles whole */
#define SHRINK_STEP         0.9   /* text size from one try to the next */

double
kw_matrix_legend_badge_width (double number_width,
                              double size)
{
  return MAX (KW_MATRIX_PLACEMENT_LINE_HEIGHT * size, number_width + BADGE_EXTRA_WIDTH * size);
}

typedef struct {
  const KwMatrixPlacementItem *items;
  guint                       *order;     /* item indices in number order */
  guint                        n_items;
  const KwMatrixRect          *area;
  const char                  *font_family;
} Legend;

typedef struct {
  double size;
  guint  n_columns;
  /* The outcome. */
  guint  n_pages;
  double text_width;  /* the wrap width of the titles */
  double badge_width;
} Try;

static gint
compare_by_number (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const KwMatrixPlacementItem *items = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (items[ia].number != items[ib].number)
    return items[ia].number < items[ib].number ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static double
column_width (const Legend *legend,
              double        size,
              guint         n_columns)
{
  return (legend->area->width - (n_columns - 1) * COLUMN_GAP * size) / n_columns;
}

/* Lays the entries out at try's size and columns; with entries, fills
 * them in. Returns the number of pages. */
static guint
flow (const Legend *legend,
      Try          *try,
      GArray       *entries)
{
  g_autoptr(KwMatrixText) text = kw_matrix_text_new (legend->font_family, try->size);
  double size = try->size, line_height = KW_MATRIX_PLACEMENT_LINE_HEIGHT * size;
  double width = column_width (legend, size, try->n_columns);
  double badge_width, top = legend->area->y, bottom = legend->area->y + legend->area->height;
  char widest[16];
  guint page = 0, column = 0;
  double y = top;

  g_snprintf (widest, sizeof widest, "%u",
              legend->n_items > 0 ? legend->items[legend->order[legend->n_items - 1]].number : 0);
  for (char *c = widest; *c != '\0'; c++)
    *c = '0';
  badge_width = kw_matrix_legend_badge_width (kw_matrix_text_measure (text, widest), size);
  try->text_width = MAX (width - badge_width - KW_MATRIX_PLACEMENT_PADDING * size, size);
  try->badge_width = badge_width;

  for (guint k = 0; k < legend->n_items; k++)
    {
      const KwMatrixPlacementItem *item = &legend->items[legend->order[k]];
      KwWrappedText wrapped;
      double height;

      kw_matrix_text_wrap (text, item->title, try->text_width, KW_MATRIX_PLACEMENT_MAX_LINES, &wrapped);
      height = MAX (1, wrapped.n_lines) * line_height;

      /* Next column, or next page; an entry taller than a whole column
       * still goes at the top of one. */
      if (y + height > bottom && y > top)
        {
          y = top;
          if (++column == try->n_columns)
            {
              column = 0;
              page++;
            }
        }

      if (entries != NULL)
        {
          KwMatrixLegendEntry entry = {
            .number = item->number,
            .outcome = item->outcome,
            .page = page,
            .rect = { legend->area->x + column * (width + COLUMN_GAP * size), y, width, height },
            .n_lines = wrapped.n_lines,
          };

          for (guint l = 0; l < wrapped.n_lines; l++)
            entry.lines[l] = g_steal_pointer (&wrapped.lines[l]);
          g_array_append_val (entries, entry);
        }
      kw_wrapped_text_clear (&wrapped);
      y += height + ENTRY_GAP * size;
    }

  try->n_pages = page + 1;
  return try->n_pages;
}

static guint
max_columns (const Legend *legend,
             double        size)
{
  guint n = 1;

  while (column_width (legend, size, n + 1) >= MIN_COLUMN_WIDTH * size)
    n++;
  return n;
}

/* Whether the entries can fit one page at all: each takes a line at least. */
static gboolean
might_fit_one_page (const Legend *legend,
                    double        size,
                    guint         n_columns)
{
  double per_entry = (KW_MATRIX_PLACEMENT_LINE_HEIGHT + ENTRY_GAP) * size;
  double per_column = floor ((legend->area->height + ENTRY_GAP * size) / per_entry);

  return per_column * n_columns >= legend->n_items;
}

/* The largest size (then the fewest columns) that holds every entry on
 * one page; when none does, the smallest size in as many columns as fit
 * (the most entries a page). */
static Try
choose (const Legend *legend,
        double        start_size,
        double        min_size)
{
  Try most = { .size = min_size, .n_columns = max_columns (legend, min_size) };

  for (double size = start_size; ; size = MAX (size * SHRINK_STEP, min_size))
    {
      guint n_max = max_columns (legend, size);

      for (guint n = 1; n <= n_max; n++)
        {
          Try try = { .size = size, .n_columns = n };

          if (might_fit_one_page (legend, size, n) && flow (legend, &try, NULL) == 1)
            return try;
        }
      if (size <= min_size)
        break;
    }

  return most;
}

void
kw_matrix_legend_lay_out (KwMatrixPlacement           *placement,
                          const KwMatrixPlacementItem *items,
                          guint                        n_items,
                          const char                  *font_family,
                          double                       min_text_size)
{
  g_autofree guint *order = g_new (guint, MAX (n_items, 1));
  Legend legend = { items, order, n_items, &placement->layout.legend, font_family };
  double start_size = placement->text_size;
  Try chosen;

  g_array_set_size (placement->legend, 0);
  placement->n_legend_pages = 0;
  if (n_items == 0 || legend.area->width <= 0 || legend.area->height <= 0)
    return;

  for (guint i = 0; i < n_items; i++)
    order[i] = i;
  g_qsort_with_data (order, n_items, sizeof (guint), compare_by_number, (gpointer) items);

  min_text_size = CLAMP (min_text_size, 1.0, start_size);
  chosen = choose (&legend, start_size, min_text_size);
  placement->n_legend_pages = flow (&legend, &chosen, placement->legend);
  placement->legend_text_size = chosen.size;
  placement->wrap_width = chosen.text_width;
  placement->legend_badge_width = chosen.badge_width;
}
