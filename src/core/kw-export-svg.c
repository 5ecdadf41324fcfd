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
#include "kw-export-file.h"
#include "kw-matrix-render.h"
#include "kw-matrix-text.h"
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

/* The width the text was measured at, which the browser must keep
 * whatever font it picks: a wider font is squeezed into it rather than
 * running into the next label. */
static void
length_attributes (Svg    *svg,
                   double  width)
{
  if (!(width > 0.0))
    return;
  number_attribute (svg, "textLength", width);
  attribute (svg, "lengthAdjust", "spacingAndGlyphs");
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

/* Over the markers, which may lie under a zone's name, with a halo in the
 * background colour under the letters (the stroke painted first), as in
 * the cairo drawing. The names let clicks through to the findings. */
static void
write_zone_labels (Svg                     *svg,
                   const KwMatrixPlacement *placement,
                   KwMatrixText            *measure)
{
  double size = placement->zone_text_size;

  start (svg, "g");
  attribute (svg, "class", "zone-labels");
  number_attribute (svg, "font-size", size);
  attribute (svg, "stroke", KW_MATRIX_RENDER_BACKGROUND);
  number_attribute (svg, "stroke-width", KW_MATRIX_RENDER_HALO_WIDTH (size));
  attribute (svg, "stroke-linejoin", "round");
  attribute (svg, "paint-order", "stroke");
  attribute (svg, "pointer-events", "none");
  for (guint i = 0; i < placement->n_zone_labels; i++)
    {
      const KwMatrixZoneLabel *zone = &placement->zone_labels[i];

      start (svg, "text");
      number_attribute (svg, "x", zone->rect.x);
      number_attribute (svg, "y", zone->rect.y + KW_MATRIX_PLACEMENT_BASELINE * size);
      attribute (svg, "fill", kw_outcome_get_badge_color (zone->outcome));
      length_attributes (svg, MIN (kw_matrix_text_measure (measure, zone->text), zone->rect.width));
      text (svg, zone->text);
      end (svg);
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
             const KwMatrixScene  *scene,
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
      char impact[16], effort[16];

      g_snprintf (impact, sizeof impact, "%d", (int) ticks[i].impact_value);
      g_snprintf (effort, sizeof effort, "%d", (int) ticks[i].value);
      write_label (svg, plot->x - 0.4 * size, ticks[i].y + 0.35 * small, "end", small, NULL, impact);
      write_label (svg, ticks[i].x, plot->y + plot->height + 1.3 * size, "middle", small, NULL, effort);
    }

  write_label (svg, plot->x + plot->width / 2.0, plot->y + plot->height + 2.9 * size, "middle",
               size, NULL, kw_matrix_scene_get_axis_title (scene, KW_MATRIX_AXIS_EFFORT));

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
    text (svg, kw_matrix_scene_get_axis_title (scene, KW_MATRIX_AXIS_IMPACT));
    end (svg);
  }
  end (svg);
}

/* ---- Changes since a snapshot ---------------------------------------------- */

static void
color_attribute (Svg          *svg,
                 const char   *name,
                 const double  rgba[4])
{
  char hex[8];

  g_snprintf (hex, sizeof hex, "#%02x%02x%02x",
              (guint) round (CLAMP (rgba[0], 0.0, 1.0) * 255.0),
              (guint) round (CLAMP (rgba[1], 0.0, 1.0) * 255.0),
              (guint) round (CLAMP (rgba[2], 0.0, 1.0) * 255.0));
  attribute (svg, name, hex);
}

static void
write_change_mark (Svg                        *svg,
                   const KwMatrixChangeMark   *mark,
                   const KwMatrixChangesStyle *style)
{
  if (mark->was_shown)
    {
      char on[G_ASCII_DTOSTR_BUF_SIZE], off[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *dashes = g_strconcat (format_hundredths (on, KW_MATRIX_CHANGES_DASH_ON), " ",
                                             format_hundredths (off, KW_MATRIX_CHANGES_DASH_OFF), NULL);

      start (svg, "circle");
      attribute (svg, "class", "was");
      number_attribute (svg, "cx", mark->was_x);
      number_attribute (svg, "cy", mark->was_y);
      number_attribute (svg, "r", mark->radius);
      attribute (svg, "fill", "none");
      color_attribute (svg, "stroke", style->ink);
      number_attribute (svg, "stroke-opacity", style->ink[3] * KW_MATRIX_CHANGES_OUTLINE_ALPHA);
      number_attribute (svg, "stroke-width", mark->outline_width);
      attribute (svg, "stroke-dasharray", dashes);
      end_empty (svg);
    }

  if (mark->arrow_shown)
    {
      g_autoptr(GString) points = g_string_new (NULL);

      start (svg, "g");
      attribute (svg, "class", "arrow");
      color_attribute (svg, "fill", style->ink);
      color_attribute (svg, "stroke", style->ink);
      /* Each part faint on its own, as cairo draws them, not the group. */
      number_attribute (svg, "fill-opacity", style->ink[3] * KW_MATRIX_CHANGES_ARROW_ALPHA);
      number_attribute (svg, "stroke-opacity", style->ink[3] * KW_MATRIX_CHANGES_ARROW_ALPHA);
      start (svg, "line");
      number_attribute (svg, "x1", mark->arrow_x1);
      number_attribute (svg, "y1", mark->arrow_y1);
      number_attribute (svg, "x2", mark->arrow_x2);
      number_attribute (svg, "y2", mark->arrow_y2);
      number_attribute (svg, "stroke-width", mark->arrow_width);
      attribute (svg, "stroke-linecap", "butt");
      end_empty (svg);
      for (guint i = 0; i < G_N_ELEMENTS (mark->head); i++)
        {
          char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_printf (points, "%s%s,%s", i > 0 ? " " : "",
                                  format_hundredths (x, mark->head[i][0]), format_hundredths (y, mark->head[i][1]));
        }
      start (svg, "polygon");
      attribute (svg, "points", points->str);
      attribute (svg, "stroke", "none");
      end_empty (svg);
      end (svg);
    }

  if (mark->ring_shown)
    {
      start (svg, "circle");
      attribute (svg, "class", "new");
      number_attribute (svg, "cx", mark->ring_x);
      number_attribute (svg, "cy", mark->ring_y);
      number_attribute (svg, "r", mark->ring_radius);
      attribute (svg, "fill", "none");
      color_attribute (svg, "stroke", style->accent);
      number_attribute (svg, "stroke-width", mark->ring_width);
      end_empty (svg);
    }
}

/* The marks kw_matrix_changes_draw() draws with cairo, the same ones;
 * under the leaders and markers, as there. Decoration: the plan's list
 * of changes says it in words. */
static void
write_changes (Svg                     *svg,
               KwMatrixScene           *scene,
               const KwMatrixPlacement *placement)
{
  GArray *spots = kw_matrix_scene_get_change_spots (scene);
  KwMatrixChangesStyle style;

  if (spots == NULL || spots->len == 0)
    return;

  kw_matrix_render_changes_style (placement, &style);
  start (svg, "g");
  attribute (svg, "class", "changes");
  attribute (svg, "stroke-linecap", "round");
  for (guint i = 0; i < spots->len; i++)
    {
      KwMatrixChangeMark mark;

      if (kw_matrix_change_mark (&placement->layout, &g_array_index (spots, KwMatrixChangeSpot, i),
                                 style.radius, &mark))
        write_change_mark (svg, &mark, &style);
    }
  end (svg);
}

static void
write_leaders (Svg                     *svg,
               const KwMatrixPlacement *placement)
{
  start (svg, "g");
  attribute (svg, "class", "leaders");
  number_attribute (svg, "stroke-width", kw_matrix_render_outline_width (placement->text_size));
  attribute (svg, "stroke-linecap", "round");
  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);

      if (!label->placed || !label->has_leader)
        continue;
      start (svg, "line");
      number_attribute (svg, "x1", label->leader_x1);
      number_attribute (svg, "y1", label->leader_y1);
      number_attribute (svg, "x2", label->leader_x2);
      number_attribute (svg, "y2", label->leader_y2);
      attribute (svg, "stroke", kw_outcome_get_badge_color (label->outcome));
      end_empty (svg);
    }
  end (svg);
}

static void
write_marker (Svg                       *svg,
              const KwMatrixPlacedLabel *label)
{
  double points[KW_MATRIX_RENDER_MAX_MARKER_POINTS][2];
  guint n = kw_matrix_render_marker_points (kw_matrix_marker_shape (label->outcome),
                                            label->x, label->y, label->marker_radius, points);

  if (n == 0)
    {
      start (svg, "circle");
      number_attribute (svg, "cx", label->x);
      number_attribute (svg, "cy", label->y);
      number_attribute (svg, "r", label->marker_radius);
    }
  else
    {
      g_autoptr(GString) list = g_string_sized_new (16 * n);

      for (guint i = 0; i < n; i++)
        {
          char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_printf (list, "%s%s,%s", i > 0 ? " " : "",
                                  format_hundredths (x, points[i][0]), format_hundredths (y, points[i][1]));
        }
      start (svg, "polygon");
      attribute (svg, "points", list->str);
    }
  attribute (svg, "class", "marker");
  attribute (svg, "fill", kw_outcome_get_color (label->outcome, FALSE));
  number_attribute (svg, "stroke-width", MAX (0.75, label->marker_radius / 4.0));
  end_empty (svg);
}

/* What badges' numbers are measured with: digits are as wide as each
 * other in nearly every font, so one digit's width serves all numbers. */
typedef struct
{
  KwMatrixText *text;        /* the labels' */
  KwMatrixText *legend;      /* the legend's */
  KwMatrixText *zone;        /* the zone names' */
  KwMatrixText *digits;      /* bold, in badges */
} Measure;

static void
write_badge (Svg                *svg,
             Measure            *measure,
             const KwMatrixRect *badge,
             KwOutcome           outcome,
             guint               number)
{
  double size = kw_matrix_render_badge_text_size (badge, number);
  double digit = kw_matrix_text_measure (measure->digits, "0") / kw_matrix_text_size (measure->digits);
  char label[16];
  int n_digits = g_snprintf (label, sizeof label, "%u", number);

  start (svg, "rect");
  attribute (svg, "class", "badge");
  number_attribute (svg, "x", badge->x);
  number_attribute (svg, "y", badge->y);
  number_attribute (svg, "width", badge->width);
  number_attribute (svg, "height", badge->height);
  number_attribute (svg, "rx", badge->height / 2.0);
  attribute (svg, "fill", kw_outcome_get_badge_color (outcome));
  end_empty (svg);

  start (svg, "text");
  attribute (svg, "class", "number");
  number_attribute (svg, "x", badge->x + badge->width / 2.0);
  number_attribute (svg, "y", badge->y + badge->height / 2.0 + 0.35 * size);
  number_attribute (svg, "font-size", size);
  length_attributes (svg, MIN (n_digits * digit * size, badge->width - 0.2 * badge->height));
  text (svg, label);
  end (svg);
}

static void
write_card (Svg                       *svg,
            Measure                   *measure,
            const KwMatrixPlacement   *placement,
            const KwMatrixPlacedLabel *label)
{
  double size = placement->text_size;
  double outline = kw_matrix_render_outline_width (size);
  double inner = label->label.width - 2.0 * KW_MATRIX_PLACEMENT_PADDING * size;

  /* The outline inside the box, as in the cairo drawing. */
  start (svg, "rect");
  attribute (svg, "class", "label");
  number_attribute (svg, "x", label->label.x + outline / 2.0);
  number_attribute (svg, "y", label->label.y + outline / 2.0);
  number_attribute (svg, "width", label->label.width - outline);
  number_attribute (svg, "height", label->label.height - outline);
  number_attribute (svg, "rx", 0.3 * size);
  attribute (svg, "stroke", kw_outcome_get_color (label->outcome, FALSE));
  number_attribute (svg, "stroke-width", outline);
  end_empty (svg);

  start (svg, "text");
  attribute (svg, "class", "title");
  for (guint i = 0; i < label->n_lines; i++)
    {
      double x, baseline;

      kw_matrix_render_label_line (&label->label, size, i, &x, &baseline);
      start (svg, "tspan");
      number_attribute (svg, "x", x);
      number_attribute (svg, "y", baseline);
      length_attributes (svg, MIN (kw_matrix_text_measure (measure->text, label->lines[i]), inner));
      text (svg, label->lines[i]);
      end (svg);
    }
  end (svg);
}

/* A matrix can hold 10,000 findings, so what they share (the label's fill
 * and ink, the badge's number style, the markers' outline) is said once
 * in FINDING_STYLE, leaving each finding its position and text. */
#define FINDING_STYLE \
  "svg.matrix .marker { stroke: " KW_MATRIX_RENDER_BACKGROUND "; stroke-linejoin: round; }\n" \
  "svg.matrix .label { fill: " KW_MATRIX_RENDER_LABEL_FILL "; }\n" \
  "svg.matrix text.title { fill: " KW_MATRIX_RENDER_INK "; stroke: none; }\n" \
  "svg.matrix text.number { fill: " KW_MATRIX_RENDER_BADGE_TEXT "; stroke: none; font-weight: bold;" \
  " text-anchor: middle; }\n" \
  "svg.matrix .legend text.title { fill: " KW_MATRIX_RENDER_INK "; }\n"

static void
write_finding (Svg                       *svg,
               Measure                   *measure,
               const KwMatrixPlacement   *placement,
               const KwMatrixPlacedLabel *label,
               gboolean                   in_plan)
{
  const KwMatrixSceneItem *item = label->data;

  /* In the plan the matrix is one image, its numbered lists the
   * accessible version: no links, so no tab stops nobody can see. The
   * group names the item it shows (for tests and style sheets). */
  start (svg, "g");
  if (in_plan)
    {
      /* Ids are [A-Za-z0-9._-]: safe in a fragment as they are. */
      g_autofree char *target = g_strconcat ("#finding-", item->id, NULL);

      attribute (svg, "data-item", target);
    }
  attribute (svg, "class", "finding");
  start (svg, "title");
  text (svg, item->title);
  end (svg);
  write_marker (svg, label);
  if (label->placed && placement->mode == KW_MATRIX_LABELS_NUMBERS)
    write_badge (svg, measure, &label->label, label->outcome, label->number);
  else if (label->placed)
    write_card (svg, measure, placement, label);
  end (svg);
}

static void
write_findings (Svg                     *svg,
                Measure                 *measure,
                const KwMatrixPlacement *placement,
                gboolean                 in_plan)
{
  start (svg, "style");
  text (svg, FINDING_STYLE);
  end (svg);

  start (svg, "g");
  attribute (svg, "class", "findings");
  number_attribute (svg, "font-size", placement->text_size);
  /* From the last to the first, so the first findings (quick wins) end
   * on top where markers overlap. */
  for (guint i = placement->labels->len; i-- > 0;)
    write_finding (svg, measure, placement,
                   &g_array_index (placement->labels, KwMatrixPlacedLabel, i), in_plan);
  end (svg);
}

/* The pages of a legend too long for one, together in its area. */
static void
legend_page_attribute (Svg                     *svg,
                       const KwMatrixPlacement *placement,
                       guint                    page)
{
  char transform[4 * G_ASCII_DTOSTR_BUF_SIZE + 32];
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
  double scale, dx, dy;

  kw_matrix_render_legend_page_transform (placement, page, &scale, &dx, &dy);
  /* Four decimals for the scale: hundredths would move far entries. */
  g_snprintf (transform, sizeof transform, "translate(%s %s) scale(%s)",
              format_hundredths (a, dx), format_hundredths (b, dy),
              g_ascii_formatd (c, sizeof c, "%.4f", scale));
  attribute (svg, "transform", transform);
}

static void
write_legend (Svg                     *svg,
              Measure                 *measure,
              const KwMatrixPlacement *placement)
{
  double size = placement->legend_text_size;

  if (placement->legend == NULL || placement->legend->len == 0)
    return;

  start (svg, "g");
  attribute (svg, "class", "legend");
  number_attribute (svg, "font-size", size);
  for (guint i = 0; i < placement->legend->len; i++)
    {
      const KwMatrixLegendEntry *entry = &g_array_index (placement->legend, KwMatrixLegendEntry, i);
      KwMatrixRect badge;
      double text_x, text_width;

      kw_matrix_render_legend_badge (placement, entry, &badge);
      text_x = badge.x + badge.width + KW_MATRIX_PLACEMENT_PADDING * size;
      text_width = entry->rect.x + entry->rect.width - text_x;

      start (svg, "g");
      attribute (svg, "class", "entry");
      if (placement->n_legend_pages > 1)
        legend_page_attribute (svg, placement, entry->page);
      write_badge (svg, measure, &badge, entry->outcome, entry->number);
      start (svg, "text");
      attribute (svg, "class", "title");
      for (guint j = 0; j < entry->n_lines; j++)
        {
          start (svg, "tspan");
          number_attribute (svg, "x", text_x);
          number_attribute (svg, "y", entry->rect.y + (j * KW_MATRIX_PLACEMENT_LINE_HEIGHT +
                                                       KW_MATRIX_PLACEMENT_BASELINE) * size);
          length_attributes (svg, MIN (kw_matrix_text_measure (measure->legend, entry->lines[j]), text_width));
          text (svg, entry->lines[j]);
          end (svg);
        }
      end (svg);
      end (svg);
    }
  end (svg);
}

static const char *
svg_title (const KwMatrixPlacement *placement)
{
  if (placement->mode == KW_MATRIX_LABELS_NUMBERS)
    return _("The impact/effort matrix: the numbers are those of the action plan");

  return _("The impact/effort matrix: each finding's title beside its mark");
}

static void
measure_init (Measure                 *measure,
              const KwMatrixPlacement *placement)
{
  measure->text = kw_matrix_text_new (KW_MATRIX_RENDER_FONT, placement->text_size);
  measure->legend = kw_matrix_text_new (KW_MATRIX_RENDER_FONT, MAX (placement->legend_text_size, 1.0));
  measure->zone = kw_matrix_text_new (KW_MATRIX_RENDER_FONT, MAX (placement->zone_text_size, 1.0));
  measure->digits = kw_matrix_text_new (KW_MATRIX_RENDER_FONT " Bold", 100.0);
}

static void
measure_clear (Measure *measure)
{
  g_clear_pointer (&measure->text, kw_matrix_text_free);
  g_clear_pointer (&measure->legend, kw_matrix_text_free);
  g_clear_pointer (&measure->zone, kw_matrix_text_free);
  g_clear_pointer (&measure->digits, kw_matrix_text_free);
}

gboolean
kw_export_svg_write (xmlTextWriterPtr  writer,
                     KwMatrixScene    *scene,
                     double            width,
                     double            height,
                     gboolean          in_plan)
{
  Svg svg = { writer, FALSE };
  const KwMatrixPlacement *placement;
  Measure measure;
  KwMatrixRect all = { 0.0, 0.0, width, height };
  char view_box[4 * G_ASCII_DTOSTR_BUF_SIZE];
  char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);

  placement = kw_matrix_scene_get_placement (scene, width, height);
  measure_init (&measure, placement);

  g_snprintf (view_box, sizeof view_box, "0 0 %s %s",
              format_hundredths (w, width), format_hundredths (h, height));

  start (&svg, "svg");
  attribute (&svg, "xmlns", SVG_NAMESPACE);
  attribute (&svg, "viewBox", view_box);
  number_attribute (&svg, "width", width);
  number_attribute (&svg, "height", height);
  attribute (&svg, "role", "img");
  /* The plan's caption says where the findings are listed in words. */
  if (in_plan)
    attribute (&svg, "aria-describedby", KW_EXPORT_SVG_PLAN_CAPTION_ID);
  attribute (&svg, "font-family", KW_MATRIX_RENDER_FONT);
  attribute (&svg, "class", "matrix");

  start (&svg, "title");
  text (&svg, svg_title (placement));
  end (&svg);
  start (&svg, "desc");
  text (&svg, _("Each finding is a mark at its impact and effort: a circle for a quick win, a square for "
                "a small fix, a diamond for the long-term plan, a triangle for the future list and a cross "
                "for a finding to drop."));
  end (&svg);

  write_rect (&svg, &all, KW_MATRIX_RENDER_BACKGROUND, 1.0);
  write_zones (&svg, &placement->layout, kw_matrix_scene_get_thresholds (scene));
  write_frame_and_lines (&svg, &placement->layout, kw_matrix_scene_get_thresholds (scene));
  write_scale (&svg, scene, &placement->layout);
  write_changes (&svg, scene, placement);
  write_leaders (&svg, placement);
  write_findings (&svg, &measure, placement, in_plan);
  write_zone_labels (&svg, placement, measure.zone);
  write_legend (&svg, &measure, placement);
  end (&svg);

  measure_clear (&measure);

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
  g_autoptr(KwMatrixScene) scene = NULL;
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean ok;
  GBytes *bytes = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  language = kw_plan_language_push (lang);
  plan = kw_plan_new (board);
  scene = kw_matrix_scene_new (plan);

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  ok = writer != NULL &&
       xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) >= 0 &&
       kw_export_svg_write (writer, scene, width, height, FALSE) &&
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

  return kw_export_file_write_bytes (file, bytes, error);
}
