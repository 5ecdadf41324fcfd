/* kw-matrix-legend.c
 *
 * Every entry carries its whole title, wrapped as many lines as it needs:
 * the legend is where a finding drawn as a number is read in full. To
 * fit, the text shrinks (down to the floor the caller allows) and the
 * entries spread over more columns; only when even that cannot hold them
 * all on one page do they go on pages.
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
                                   * letters a line */
#define SHRINK_STEP         0.9   /* text size from one try to the next */

/* How close the balanced column height is searched, in pixels. */
#define BALANCE_PRECISION   0.01

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
  double                      *em_widths; /* each title on one line, in
                                           * ems (number order) */
} Legend;

typedef struct {
  double size;
  guint  n_columns;
  /* The outcome. */
  guint  n_pages;
  double text_width;  /* the wrap width of the titles */
  double badge_width;
} Try;

/* The titles wrapped at one try's width, in number order. */
typedef struct {
  KwWrappedText *wrapped;
  double        *heights;
  guint          n;
  double         gap;
  double         tallest;
} Entries;

static void
entries_clear (Entries *entries)
{
  for (guint k = 0; k < entries->n; k++)
    kw_wrapped_text_clear (&entries->wrapped[k]);
  g_clear_pointer (&entries->wrapped, g_free);
  g_clear_pointer (&entries->heights, g_free);
}

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

/* Wraps every title, whole, at try's column width. */
static void
wrap_entries (const Legend *legend,
              Try          *try,
              Entries      *entries)
{
  g_autoptr(KwMatrixText) text = kw_matrix_text_new (legend->font_family, try->size);
  double size = try->size, width = column_width (legend, size, try->n_columns);
  char widest[16];

  g_snprintf (widest, sizeof widest, "%u",
              legend->n_items > 0 ? legend->items[legend->order[legend->n_items - 1]].number : 0);
  for (char *c = widest; *c != '\0'; c++)
    *c = '0';
  try->badge_width = kw_matrix_legend_badge_width (kw_matrix_text_measure (text, widest), size);
  try->text_width = MAX (width - try->badge_width - KW_MATRIX_PLACEMENT_PADDING * size, size);

  entries->n = legend->n_items;
  entries->wrapped = g_new0 (KwWrappedText, MAX (entries->n, 1));
  entries->heights = g_new0 (double, MAX (entries->n, 1));
  entries->gap = ENTRY_GAP * size;
  entries->tallest = 0.0;
  for (guint k = 0; k < entries->n; k++)
    {
      kw_matrix_text_wrap (text, legend->items[legend->order[k]].title, try->text_width, G_MAXUINT,
                           &entries->wrapped[k]);
      entries->heights[k] = MAX (1, entries->wrapped[k].n_lines) * KW_MATRIX_PLACEMENT_LINE_HEIGHT * size;
      entries->tallest = MAX (entries->tallest, entries->heights[k]);
    }
}

/* How many columns the entries take, in order, when a column holds no
 * more than capacity (an entry taller than that still gets one of its
 * own). */
static guint
count_columns (const Entries *entries,
               double         capacity)
{
  guint n_columns = 1;
  double y = 0.0;

  for (guint k = 0; k < entries->n; k++)
    {
      if (y > 0.0 && y + entries->heights[k] > capacity)
        {
          n_columns++;
          y = 0.0;
        }
      y += entries->heights[k] + entries->gap;
    }

  return n_columns;
}

/* The least column height at which the entries take no more than
 * n_columns columns: the columns then end as evenly as the entries allow
 * instead of the last one standing short. */
static double
balanced_height (const Entries *entries,
                 guint          n_columns)
{
  double low = entries->tallest, high = 0.0;

  for (guint k = 0; k < entries->n; k++)
    high += entries->heights[k] + entries->gap;
  if (count_columns (entries, low) <= n_columns)
    return low;

  while (high - low > BALANCE_PRECISION)
    {
      double middle = (low + high) / 2;

      if (count_columns (entries, middle) <= n_columns)
        high = middle;
      else
        low = middle;
    }

  return high;
}

/* The column height the entries are laid out at: balanced when they fit
 * one page, otherwise the whole area (pages filled in turn). */
static double
page_capacity (const Legend  *legend,
               const Entries *entries,
               guint          n_columns)
{
  double balanced = balanced_height (entries, n_columns);

  return balanced <= legend->area->height ? balanced : legend->area->height;
}

/* Lays entries (wrapped at try) out at try's size and columns; with
 * out, fills it in (the lines move over). Returns the number of pages. */
static guint
flow_wrapped (const Legend *legend,
              Try          *try,
              Entries      *entries,
              GArray       *out)
{
  double size = try->size, width = column_width (legend, size, try->n_columns);
  double capacity, top = legend->area->y, y = 0.0;
  guint page = 0, column = 0;

  capacity = page_capacity (legend, entries, try->n_columns);

  for (guint k = 0; k < entries->n; k++)
    {
      const KwMatrixPlacementItem *item = &legend->items[legend->order[k]];

      /* Next column, or next page. */
      if (y > 0.0 && y + entries->heights[k] > capacity)
        {
          y = 0.0;
          if (++column == try->n_columns)
            {
              column = 0;
              page++;
            }
        }

      if (out != NULL)
        {
          KwMatrixLegendEntry entry = {
            .number = item->number,
            .outcome = item->outcome,
            .page = page,
            .rect = { legend->area->x + column * (width + COLUMN_GAP * size), top + y,
                      width, entries->heights[k] },
            .n_lines = entries->wrapped[k].n_lines,
            .lines = g_steal_pointer (&entries->wrapped[k].lines),
          };

          g_array_append_val (out, entry);
        }
      y += entries->heights[k] + entries->gap;
    }

  try->n_pages = page + 1;
  return try->n_pages;
}

/* Whether the entries could fit one page at try at all, without wrapping
 * them: every line but the last of a title is filled to no more than the
 * wrap width plus the space it broke at, so a title takes at least its
 * one-line width over that many lines (a little less, for what shaping
 * may gain at a break). */
static gboolean
might_fit_one_page (const Legend *legend,
                    const Try    *try)
{
  double size = try->size, line_height = KW_MATRIX_PLACEMENT_LINE_HEIGHT * size;
  double width = column_width (legend, size, try->n_columns);
  double per_line = MAX (width - KW_MATRIX_PLACEMENT_LINE_HEIGHT * size - KW_MATRIX_PLACEMENT_PADDING * size,
                         size) + 0.5 * size;
  double needed = 0.0, room = try->n_columns * (legend->area->height + ENTRY_GAP * size);

  for (guint k = 0; k < legend->n_items && needed <= room; k++)
    {
      double lines = MAX (1.0, ceil (0.97 * legend->em_widths[k] * size / per_line));

      needed += lines * line_height + ENTRY_GAP * size;
    }

  return needed <= room;
}

/* Wraps and lays out at try. */
static guint
flow (const Legend *legend,
      Try          *try,
      GArray       *out)
{
  Entries entries = { 0 };
  guint n_pages;

  wrap_entries (legend, try, &entries);
  n_pages = flow_wrapped (legend, try, &entries, out);
  entries_clear (&entries);
  return n_pages;
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

/* At the smallest size, when no page holds them all: as many columns as
 * fit while every entry still fits a column's height (the most entries a
 * page, none cut off at the bottom). Lays them out in out. */
static guint
flow_pages (const Legend *legend,
            double        min_size,
            Try          *try,
            GArray       *out)
{
  Entries entries = { 0 };
  guint n_pages;

  try->size = min_size;
  for (guint n = max_columns (legend, min_size); n >= 1; n--)
    {
      entries_clear (&entries);
      try->n_columns = n;
      wrap_entries (legend, try, &entries);
      if (entries.tallest <= legend->area->height)
        break;
    }

  n_pages = flow_wrapped (legend, try, &entries, out);
  entries_clear (&entries);
  return n_pages;
}

/* The largest size (then the fewest columns) that holds every entry on
 * one page, if any does. */
static gboolean
choose_one_page (const Legend *legend,
                 double        start_size,
                 double        min_size,
                 Try          *chosen)
{
  for (double size = start_size; ; size = MAX (size * SHRINK_STEP, min_size))
    {
      guint n_max = max_columns (legend, size);

      for (guint n = 1; n <= n_max; n++)
        {
          Try try = { .size = size, .n_columns = n };

          if (might_fit_one_page (legend, &try) && flow (legend, &try, NULL) == 1)
            {
              *chosen = try;
              return TRUE;
            }
        }
      if (size <= min_size)
        return FALSE;
    }
}

/* The items in number order, each title's one-line width measured once
 * (unhinted text scales with its size). */
static void
legend_init (Legend                      *legend,
             const KwMatrixPlacementItem *items,
             guint                        n_items,
             const KwMatrixRect          *area,
             const char                  *font_family,
             double                       size)
{
  g_autoptr(KwMatrixText) text = kw_matrix_text_new (font_family, size);

  *legend = (Legend) { items, g_new (guint, MAX (n_items, 1)), n_items, area, font_family,
                       g_new (double, MAX (n_items, 1)) };
  for (guint i = 0; i < n_items; i++)
    legend->order[i] = i;
  g_qsort_with_data (legend->order, n_items, sizeof (guint), compare_by_number, (gpointer) items);
  for (guint k = 0; k < n_items; k++)
    {
      const char *title = items[legend->order[k]].title;

      legend->em_widths[k] = kw_matrix_text_measure (text, title != NULL ? title : "") / size;
    }
}

static void
legend_clear (Legend *legend)
{
  g_clear_pointer (&legend->order, g_free);
  g_clear_pointer (&legend->em_widths, g_free);
}

gboolean
kw_matrix_legend_fits_one_page (const KwMatrixRect          *area,
                                const KwMatrixPlacementItem *items,
                                guint                        n_items,
                                const char                  *font_family,
                                double                       start_size,
                                double                       min_text_size)
{
  Legend legend;
  Try chosen;
  gboolean fits;

  if (n_items == 0)
    return TRUE;
  if (area->width <= 0 || area->height <= 0)
    return FALSE;

  /* Smaller text never needs more room: the floor decides. */
  min_text_size = CLAMP (min_text_size, 1.0, start_size);
  legend_init (&legend, items, n_items, area, font_family, min_text_size);
  fits = choose_one_page (&legend, min_text_size, min_text_size, &chosen);
  legend_clear (&legend);
  return fits;
}

void
kw_matrix_legend_lay_out (KwMatrixPlacement           *placement,
                          const KwMatrixPlacementItem *items,
                          guint                        n_items,
                          const char                  *font_family,
                          double                       min_text_size)
{
  const KwMatrixRect *area = &placement->layout.legend;
  double start_size = placement->text_size;
  Legend legend;
  Try chosen;

  g_array_set_size (placement->legend, 0);
  placement->n_legend_pages = 0;
  if (n_items == 0 || area->width <= 0 || area->height <= 0)
    return;

  legend_init (&legend, items, n_items, area, font_family, start_size);
  min_text_size = CLAMP (min_text_size, 1.0, start_size);
  if (choose_one_page (&legend, start_size, min_text_size, &chosen))
    placement->n_legend_pages = flow (&legend, &chosen, placement->legend);
  else
    placement->n_legend_pages = flow_pages (&legend, min_text_size, &chosen, placement->legend);
  legend_clear (&legend);
  placement->legend_text_size = chosen.size;
  placement->wrap_width = chosen.text_width;
  placement->legend_badge_width = chosen.badge_width;
}
