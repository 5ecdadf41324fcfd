/* kw-matrix-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-matrix-text"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "kw-matrix-text.h"

#define ELLIPSIS "\xe2\x80\xa6"

struct _KwMatrixText {
  PangoContext *context;
  PangoLayout  *layout;   /* reused for every measurement */
  double        size;
  double        ellipsis_width;  /* 0 until measured */
};

/* A PangoFontMap must not be shared between threads, and exports place
 * labels in worker threads: each thread gets its own, kept for the
 * thread's life (making one costs more than a whole placement). */
static GPrivate font_map_key = G_PRIVATE_INIT (g_object_unref);

static PangoFontMap *
thread_font_map (void)
{
  PangoFontMap *map = g_private_get (&font_map_key);

  if (map == NULL)
    {
      map = pango_cairo_font_map_new ();
      g_private_set (&font_map_key, map);
    }

  return map;
}

KwMatrixText *
kw_matrix_text_new (const char *family,
                    double      size)
{
  KwMatrixText *text = g_new0 (KwMatrixText, 1);
  PangoFontDescription *font;
  cairo_font_options_t *options;

  text->size = size;
  text->context = pango_font_map_create_context (thread_font_map ());

  /* Unhinted metrics at fractional positions: widths then scale with the
   * size and match what SVG, PDF and the screen draw. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (text->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (text->context, FALSE);

  font = pango_font_description_from_string (family);
  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  text->layout = pango_layout_new (text->context);
  pango_layout_set_font_description (text->layout, font);
  pango_font_description_free (font);

  return text;
}

void
kw_matrix_text_free (KwMatrixText *text)
{
  if (text == NULL)
    return;

  g_clear_object (&text->layout);
  g_clear_object (&text->context);
  g_free (text);
}

double
kw_matrix_text_size (const KwMatrixText *text)
{
  return text->size;
}

double
kw_matrix_text_measure (KwMatrixText *text,
                        const char   *str)
{
  PangoRectangle logical;

  pango_layout_set_width (text->layout, -1);
  pango_layout_set_text (text->layout, str, -1);
  pango_layout_get_extents (text->layout, NULL, &logical);

  return logical.width / (double) PANGO_SCALE;
}

/* The longest start of rest that fits width with "…" after it: where the
 * x of width less the ellipsis falls in rest set on one line. */
static char *
ellipsise (KwMatrixText *text,
           const char   *rest,
           double        width)
{
  double room;
  int index = 0, trailing = 0;
  g_autofree char *prefix = NULL;

  if (text->ellipsis_width == 0)
    text->ellipsis_width = kw_matrix_text_measure (text, ELLIPSIS);
  room = width - text->ellipsis_width;

  pango_layout_set_width (text->layout, -1);
  pango_layout_set_text (text->layout, rest, -1);
  if (room > 0 &&
      !pango_layout_xy_to_index (text->layout, (int) (room * PANGO_SCALE), 0, &index, &trailing))
    index = (int) strlen (rest);  /* beyond the end: all of it fits */
  if (room <= 0)
    index = 0;

  /* The character under x straddles it: it stays out. */
  prefix = g_strndup (rest, index);
  return g_strconcat (g_strchomp (prefix), ELLIPSIS, NULL);
}

void
kw_matrix_text_wrap (KwMatrixText  *text,
                     const char    *title,
                     double         width,
                     guint          max_lines,
                     KwWrappedText *wrapped)
{
  g_autofree char *flat = g_strstrip (g_strdelimit (g_strdup (title != NULL ? title : ""), "\n\r\t", ' '));
  GPtrArray *lines = g_ptr_array_new ();
  GSList *layout_lines;
  guint n_layout_lines;

  memset (wrapped, 0, sizeof *wrapped);

  pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (text->layout, flat, -1);
  layout_lines = pango_layout_get_lines_readonly (text->layout);
  n_layout_lines = g_slist_length (layout_lines);

  /* Copy the lines out before measuring again: measuring reuses the
   * layout. A line's logical width leaves out the spaces it broke at. */
  for (GSList *l = layout_lines; l != NULL && lines->len < max_lines; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle logical;

      if (lines->len + 1 == max_lines && n_layout_lines > max_lines)
        {
          g_ptr_array_add (lines, g_strstrip (g_strdup (flat + line->start_index)));
          break;
        }
      g_ptr_array_add (lines, g_strstrip (g_strndup (flat + line->start_index, line->length)));
      pango_layout_line_get_extents (line, NULL, &logical);
      wrapped->width = MAX (wrapped->width, logical.width / (double) PANGO_SCALE);
    }
  if (lines->len == 0)
    g_ptr_array_add (lines, g_strdup (""));

  if (n_layout_lines > max_lines)
    {
      char *last = lines->pdata[lines->len - 1];

      lines->pdata[lines->len - 1] = ellipsise (text, last, width);
      g_free (last);
      wrapped->ellipsised = TRUE;
      wrapped->width = MAX (wrapped->width, kw_matrix_text_measure (text, lines->pdata[lines->len - 1]));
    }

  wrapped->n_lines = lines->len;
  g_ptr_array_add (lines, NULL);
  wrapped->lines = (char **) g_ptr_array_free (lines, FALSE);
}

void
kw_wrapped_text_clear (KwWrappedText *wrapped)
{
  g_clear_pointer (&wrapped->lines, g_strfreev);
  wrapped->n_lines = 0;
}
