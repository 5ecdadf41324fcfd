/* kw-export-svg.c: the matrix as SVG, written with libxml2's text writer,
 * so every piece of user text is escaped by the writer itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-export-svg"

#include "config.h"

#include "kw-i18n.h"
#include <math.h>

#include "kw-export-svg.h"
#include "kw-matrix-render.h"
#include "kw-text.h"

#define SVG_NAMESPACE "http://www.w3.org/2000/svg"

/* The writer reports failure with a negative count; these helpers fold
 * those counts into one flag so the drawing code reads straight on. */
typedef struct
{
  xmlTextWriterPtr writer;
  gboolean         failed;
} Svg;

static void
check (Svg *svg,
       int  result)
{
  if (result < 0)
    svg->failed = TRUE;
}

static void
start (Svg        *svg,
       const char *name)
{
  check (svg, xmlTextWriterStartElement (svg->writer, BAD_CAST name));
}

static void
end (Svg *svg)
{
  check (svg, xmlTextWriterFullEndElement (svg->writer));
}

/* An empty element: the self-closing form is fine in SVG, also in HTML. */
static void
end_empty (Svg *svg)
{
  check (svg, xmlTextWriterEndElement (svg->writer));
}

static void
attribute (Svg        *svg,
           const char *name,
           const char *value)
{
  check (svg, xmlTextWriterWriteAttribute (svg->writer, BAD_CAST name, BAD_CAST value));
}

/* "%.2f" with a point, whatever the locale. A matrix of 10,000 findings has
 * 60,000 of these numbers, so the usual case is done with whole hundredths
 * rather than printf; a value that printf might round differently (a half
 * hundredth, give or take the error of the multiplication), a negative one
 * ("-0.00") or a huge one goes to g_ascii_formatd() so the text stays the
 * same to the byte. */
static const char *
format_hundredths (char   buffer[G_ASCII_DTOSTR_BUF_SIZE],
                   double value)
{
  double scaled = value * 100.0;
  double rounded = round (scaled);
  guint64 hundredths;
  char digits[24];
  guint n = 0;
  char *out = buffer;

  if (!(value >= 0.0 && value < 1e6) || fabs (fabs (scaled - rounded) - 0.5) < 1e-6)
    return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", value);

  hundredths = (guint64) rounded;
  do
    {
      digits[n++] = (char) ('0' + hundredths % 10);
      hundredths /= 10;
    }
  while (hundredths > 0 || n < 3);

  while (n > 2)
    *out++ = digits[--n];
  *out++ = '.';
  *out++ = digits[1];
  *out++ = digits[0];
  *out = '\0';

  return buffer;
}

static void
number_attribute (Svg        *svg,
                  const char *name,
                  double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  attribute (svg, name, format_hundredths (buffer, value));
}

typedef enum
{
  TEXT_PLAIN,     /* the writer would copy it byte for byte */
  TEXT_ESCAPED,   /* clean, but the writer escapes some of it */
  TEXT_UNCLEAN,   /* kw_text_clean() would change it */
} TextKind;

/* What the writer escapes in content is '<', '>', '&', '"' and '\r' (see
 * xmlEncodeSpecialChars()); what kw_text_clean() drops is the C0 controls
 * but tab and newline, DEL, the C1 controls (U+0080 to U+009F, "\xC2\x80"
 * to "\xC2\x9F"), U+FFFE and U+FFFF ("\xEF\xBF\xBE", "\xEF\xBF\xBF") and
 * anything that is not UTF-8 ('\r' too, which it turns into a newline). */
static TextKind
classify_text (const char *content,
               gsize      *length)
{
  const guchar *start = (const guchar *) content;
  const guchar *p;
  gboolean ascii = TRUE;
  gboolean escaped = FALSE;

  for (p = start; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x80)
        {
          ascii = FALSE;
          if ((c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) ||
              (c == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf)))
            return TEXT_UNCLEAN;
        }
      else if (c == '<' || c == '>' || c == '&' || c == '"')
        escaped = TRUE;
      else if (c == 0x7f || (c < 0x20 && c != '\n' && c != '\t'))
        return TEXT_UNCLEAN;
    }
  *length = (gsize) (p - start);

  if (*length > G_MAXINT || !(ascii || g_utf8_validate_len (content, *length, NULL)))
    return TEXT_UNCLEAN;

  return escaped ? TEXT_ESCAPED : TEXT_PLAIN;
}

gboolean
kw_export_svg_write_text (xmlTextWriterPtr  writer,
                          const char       *content)
{
  g_autofree char *clean = NULL;
  gsize length = 0;

  switch (classify_text (content, &length))
    {
    case TEXT_PLAIN:
      /* Most text: in as it is, as the writer would copy it, but without
       * its allocation and second scan. */
      return xmlTextWriterWriteRawLen (writer, BAD_CAST content, (int) length) >= 0;

    case TEXT_UNCLEAN:
      /* The model keeps its text clean already: this is the exception. */
      content = clean = kw_text_clean (content, FALSE);
      break;

    case TEXT_ESCAPED:
    default:
      break;
    }

  return xmlTextWriterWriteString (writer, BAD_CAST content) >= 0;
}

/* User text is cleaned of control characters, which XML 1.0 and HTML both
 * forbid, and then escaped by the writer. */
static void
text (Svg        *svg,
      const char *content)
{
  if (!kw_export_svg_write_text (svg->writer, content))
    svg->failed = TRUE;
}

static void
write_rect (Svg                *svg,
            const KwMatrixRect *rect,
            const char         *fill,
            double              fill_opacity)
{
  start (svg, "rect");
  number_attribute (svg, "x", rect->x);
  number_attribute (svg, "y", rect->y);
  number_attribute (svg, "width", rect->width);
  number_attribute (svg, "height", rect->height);
  attribute (svg, "fill", fill);
  if (fill_opacity < 1.0)
    number_attribute (svg, "fill-opacity", fill_opacity);
  end_empty (svg);
}

static void
write_label (Svg        *svg,
             double      x,
             double      y,
             const char *anchor,
             double      size,
             const char *fill,
             const char *label)
{
  start (svg, "text");
  number_attribute (svg, "x", x);
  number_attribute (svg, "y", y);
  attribute (svg, "text-anchor", anchor);
  number_attribute (svg, "font-size", size);
  if (fill != NULL)
    attribute (svg, "fill", fill);
  text (svg, label);
  end (svg);
}

static void
write_zones (Svg                  *svg,
             const KwMatrixLayout *layout,
             const KwThresholds   *thresholds)
{
  KwMatrixZone zones[KW_MATRIX_N_ZONES];

  kw_matrix_layout_get_zones (layout, thresholds, zones);

  start (svg, "g");
  attribute (svg, "class", "zones");
  for (guint i = 0; i < KW_MATRIX_N_ZONES; i++)
    write_rect (svg, &zones[i].rect, kw_outcome_get_color (zones[i].outcome, FALSE),
                KW_OUTCOME_ZONE_ALPHA);
  end (svg);
}

/* After the dots, so a dot never hides a zone's name, and with a halo in
 * the background colour under the letters (the stroke painted first) so
 * the name stays readable on top of dots, as in the cairo drawing. The
 * names let clicks through to the dots, which link to their items. */
static void
write_zone_labels (Svg                  *svg,
                   const KwMatrixLayout *layout,
                   const KwThresholds   *thresholds)
{
  KwMatrixZone zones[KW_MATRIX_N_ZONES];
  double size = layout->text_size;

  kw_matrix_layout_get_zones (layout, thresholds, zones);

  start (svg, "g");
  attribute (svg, "class", "zone-labels");
  attribute (svg, "stroke", KW_MATRIX_RENDER_BACKGROUND);
  number_attribute (svg, "stroke-width", KW_MATRIX_RENDER_HALO_WIDTH (size));
  attribute (svg, "stroke-linejoin", "round");
  attribute (svg, "paint-order", "stroke");
  attribute (svg, "pointer-events", "none");
  for (guint i = 0; i < KW_MATRIX_N_ZONES; i++)
    {
      const char *label = kw_outcome_get_title (zones[i].outcome);

      if (!kw_matrix_render_zone_has_room (layout, &zones[i], label))
        continue;
      write_label (svg, zones[i].rect.x + 0.5 * size, zones[i].rect.y + 1.3 * size, "start",
                   size, kw_outcome_get_color (zones[i].outcome, FALSE), label);
    }
  end (svg);
}

static void
write_frame_and_lines (Svg                  *svg,
                       const KwMatrixLayout *layout,
                       const KwThresholds   *thresholds)
{
  const KwMatrixRect *plot = &layout->plot;
  double width = kw_matrix_render_line_width (layout);

  start (svg, "rect");
  attribute (svg, "class", "frame");
  number_attribute (svg, "x", plot->x);
  number_attribute (svg, "y", plot->y);
  number_attribute (svg, "width", plot->width);
  number_attribute (svg, "height", plot->height);
  attribute (svg, "fill", "none");
  attribute (svg, "stroke", KW_MATRIX_RENDER_FRAME);
  number_attribute (svg, "stroke-width", width / 2.0);
  end_empty (svg);

  for (guint i = 0; i < KW_MATRIX_N_LINES; i++)
    {
      double x1, y1, x2, y2;

      kw_matrix_layout_get_line (layout, thresholds, (KwMatrixLine) i, &x1, &y1, &x2, &y2);
      start (svg, "line");
      number_attribute (svg, "x1", x1);
      number_attribute (svg, "y1", y1);
      number_attribute (svg, "x2", x2);
      number_attribute (svg, "y2", y2);
      attribute (svg, "stroke", KW_MATRIX_RENDER_LINE);
      number_attribute (svg, "stroke-width", width);
      /* The tiny-effort line is a finer division than the other two. */
      if (i == KW_MATRIX_LINE_TINY_EFFORT)
        {
          g_autofree char *dashes = NULL;
          char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];

          dashes = g_strconcat (format_hundredths (a, 3.0 * width), " ",
                                format_hundredths (b, 2.0 * width), NULL);
          attribute (svg, "stroke-dasharray", dashes);
        }
      end_empty (svg);
    }
}

static void
write_scale (Svg                  *svg,
             const KwMatrixLayout *layout)
{
  KwMatrixTick ticks[KW_MATRIX_N_TICKS];
  const KwMatrixRect *plot = &layout->plot;
  double size = layout->text_size;
  double small = 0.85 * size;

  kw_matrix_layout_get_ticks (layout, ticks);

  start (svg, "g");
  attribute (svg, "class", "scale");
  attribute (svg, "fill", KW_MATRIX_RENDER_INK);
  for (guint i = 0; i < KW_MATRIX_N_TICKS; i++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%d", (int) ticks[i].value);
      write_label (svg, plot->x - 0.4 * size, ticks[i].y + 0.35 * small, "end", small, NULL, number);
      write_label (svg, ticks[i].x, plot->y + plot->height + 1.3 * size, "middle", small, NULL, number);
    }

  write_label (svg, plot->x + plot->width / 2.0, plot->y + plot->height + 2.9 * size, "middle",
               size, NULL, kw_matrix_render_axis_title (KW_MATRIX_AXIS_EFFORT));

  /* The impact title reads upwards along the vertical axis. */
  {
    char transform[3 * G_ASCII_DTOSTR_BUF_SIZE + 16];
    char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
    double cx = 1.1 * size;
    double cy = plot->y + plot->height / 2.0;

    g_snprintf (transform, sizeof transform, "rotate(-90 %s %s)",
                format_hundredths (x, cx), format_hundredths (y, cy));
    start (svg, "text");
    number_attribute (svg, "x", cx);
    number_attribute (svg, "y", cy);
    attribute (svg, "text-anchor", "middle");
    number_attribute (svg, "font-size", size);
    attribute (svg, "transform", transform);
    text (svg, kw_matrix_render_axis_title (KW_MATRIX_AXIS_IMPACT));
    end (svg);
  }
  end (svg);
}

/* A matrix can hold 10,000 dots, so what every dot shares (outline, font,
 * the numbers' colour) is said once on the groups around them and in
 * DOT_STYLE, leaving each dot its position, radius and number. */
#define DOT_STYLE "svg.matrix .dot text { fill: " KW_MATRIX_RENDER_DOT_TEXT "; stroke: none; }"

static gboolean
dot_label_is_small (guint number)
{
  /* Three digits and more only fit in the dot a size smaller. */
  return number >= 100;
}

static double
dot_font_size (const KwMatrixLayout *layout,
               guint                 number)
{
  return kw_matrix_render_dot_radius (layout) * (dot_label_is_small (number) ? 0.75 : 1.0);
}

static void
write_dot (Svg                  *svg,
           const KwMatrixLayout *layout,
           const KwPlan         *plan,
           KwFinding            *finding,
           gboolean              link_items)
{
  double radius = kw_matrix_render_dot_radius (layout);
  guint number = kw_plan_get_number (plan, finding);
  double font_size = dot_font_size (layout, number);
  char label[16];
  double x, y;

  kw_matrix_layout_score_to_point (layout, kw_finding_get_impact (finding),
                                   kw_finding_get_effort (finding), &x, &y);
  g_snprintf (label, sizeof label, "%u", number);

  /* The link, when there is one, is the dot's group itself: its title is
   * the tooltip of the circle and the number alike. */
  if (link_items)
    {
      /* Ids are [A-Za-z0-9._-]: safe in a fragment as they are. */
      g_autofree char *target = g_strconcat ("#finding-", kw_finding_get_id (finding), NULL);

      start (svg, "a");
      attribute (svg, "href", target);
    }
  else
    {
      start (svg, "g");
    }
  attribute (svg, "class", "dot");
  start (svg, "title");
  text (svg, kw_finding_get_title (finding));
  end (svg);
  start (svg, "circle");
  number_attribute (svg, "cx", x);
  number_attribute (svg, "cy", y);
  number_attribute (svg, "r", radius);
  end_empty (svg);
  /* Shifted down by a third of the size rather than with
   * dominant-baseline, which not every SVG viewer knows. */
  start (svg, "text");
  number_attribute (svg, "x", x);
  number_attribute (svg, "y", y + 0.35 * font_size);
  if (!dot_label_is_small (number))
    number_attribute (svg, "font-size", font_size);
  text (svg, label);
  end (svg);
  end (svg);
}

static void
write_dots (Svg                  *svg,
            const KwMatrixLayout *layout,
            const KwPlan         *plan,
            gboolean              link_items)
{
  double radius = kw_matrix_render_dot_radius (layout);

  start (svg, "style");
  text (svg, DOT_STYLE);
  end (svg);

  start (svg, "g");
  attribute (svg, "class", "dots");
  attribute (svg, "font-weight", "bold");
  attribute (svg, "text-anchor", "middle");
  number_attribute (svg, "font-size", 0.75 * radius);
  attribute (svg, "stroke", KW_MATRIX_RENDER_BACKGROUND);
  number_attribute (svg, "stroke-width", radius / 6.0);
  /* Drawn from the last section to the first, so quick wins end on top
   * where dots overlap. */
  for (guint i = KW_OUTCOME_UNPLACED; i-- > 0;)
    {
      const KwPlanSection *section = &plan->sections[i];

      if (section->findings->len == 0)
        continue;

      start (svg, "g");
      attribute (svg, "fill", kw_outcome_get_color (section->outcome, FALSE));
      for (guint j = section->findings->len; j-- > 0;)
        write_dot (svg, layout, plan, g_ptr_array_index (section->findings, j), link_items);
      end (svg);
    }
  end (svg);
}

gboolean
kw_export_svg_write (xmlTextWriterPtr  writer,
                     const KwPlan     *plan,
                     double            width,
                     double            height,
                     gboolean          link_items)
{
  Svg svg = { writer, FALSE };
  KwMatrixLayout layout;
  KwThresholds thresholds;
  KwMatrixRect all = { 0.0, 0.0, width, height };
  char view_box[4 * G_ASCII_DTOSTR_BUF_SIZE];
  char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  kw_matrix_layout_init (&layout, width, height, 1.0, FALSE);
  kw_board_get_thresholds (plan->board, &thresholds);

  g_snprintf (view_box, sizeof view_box, "0 0 %s %s",
              format_hundredths (w, width), format_hundredths (h, height));

  start (&svg, "svg");
  attribute (&svg, "xmlns", SVG_NAMESPACE);
  attribute (&svg, "viewBox", view_box);
  number_attribute (&svg, "width", width);
  number_attribute (&svg, "height", height);
  attribute (&svg, "role", "img");
  attribute (&svg, "font-family", KW_MATRIX_RENDER_FONT);
  attribute (&svg, "class", "matrix");

  start (&svg, "title");
  text (&svg, _("The impact/effort matrix: the numbers are those of the action plan"));
  end (&svg);

  write_rect (&svg, &all, KW_MATRIX_RENDER_BACKGROUND, 1.0);
  write_zones (&svg, &layout, &thresholds);
  write_frame_and_lines (&svg, &layout, &thresholds);
  write_scale (&svg, &layout);
  write_dots (&svg, &layout, plan, link_items);
  write_zone_labels (&svg, &layout, &thresholds);
  end (&svg);

  return !svg.failed;
}

GBytes *
kw_export_svg_bytes (KwBoard     *board,
                     const char  *lang,
                     double       width,
                     double       height,
                     GError     **error)
{
  g_autoptr(KwPlanLanguage) language = NULL;
  g_autoptr(KwPlan) plan = NULL;
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean ok;
  GBytes *bytes = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  language = kw_plan_language_push (lang);
  plan = kw_plan_new (board);

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  ok = writer != NULL &&
       xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) >= 0 &&
       kw_export_svg_write (writer, plan, width, height, FALSE) &&
       xmlTextWriterEndDocument (writer) >= 0;
  g_clear_pointer (&writer, xmlFreeTextWriter);

  if (ok)
    bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The image of the matrix could not be made: out of memory."));
  xmlBufferFree (buffer);

  return bytes;
}

gboolean
kw_export_svg_file (KwBoard     *board,
                    const char  *lang,
                    double       width,
                    double       height,
                    GFile       *file,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = kw_export_svg_bytes (board, lang, width, height, error);

  if (bytes == NULL)
    return FALSE;

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
