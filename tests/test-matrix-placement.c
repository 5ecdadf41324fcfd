/* test-matrix-placement.c: where markers, labels, leader lines and the
 * legend go on the matrix, on generated boards of many sizes and seeds and
 * on a realistic workshop board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "kw-matrix-placement.h"
#include "kw-matrix-placement-private.h"
#include "kw-matrix-text.h"

#define EPSILON 1e-6

/* ---- Boards ------------------------------------------------------------------ */

/* Words to build titles from; generated boards need only their lengths
 * and spread to be like real ones. */
static const char *const words[] = {
  "klant", "wachtrij", "terugbellen", "kennisbank", "agent", "chat", "e-mail", "planning",
  "rapportage", "klacht", "script", "coaching", "telefonie", "website", "formulier", "app",
  "overdracht", "escalatie", "piekuren", "enquête", "factuur", "adreswijziging", "self-service",
  "de", "het", "een", "voor", "met", "naar", "beter", "sneller", "inzetten", "verbeteren",
};

typedef struct {
  GPtrArray             *titles;
  KwMatrixPlacementItem *items;
  guint                  n_items;
  KwThresholds           thresholds;
} Board;

static void
board_free (Board *board)
{
  g_ptr_array_unref (board->titles);
  g_free (board->items);
  g_free (board);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Board, board_free)

static Board *
board_new (guint n_items)
{
  Board *board = g_new0 (Board, 1);

  board->titles = g_ptr_array_new_with_free_func (g_free);
  board->items = g_new0 (KwMatrixPlacementItem, MAX (n_items, 1));
  board->n_items = n_items;
  kw_thresholds_init_default (&board->thresholds);

  return board;
}

static void
board_set (Board      *board,
           guint       i,
           double      impact,
           double      effort,
           const char *title)
{
  KwMatrixPlacementItem *item = &board->items[i];
  char *copy = g_strdup (title);

  g_ptr_array_add (board->titles, copy);
  item->data = GUINT_TO_POINTER (i + 1);
  item->impact = impact;
  item->effort = effort;
  item->outcome = kw_outcome_classify (TRUE, impact, effort, &board->thresholds);
  item->title = copy;
}

/* Numbers in the plan's order: by outcome, then by input order. */
static void
board_number (Board *board)
{
  guint number = 1;

  for (KwOutcome outcome = 0; outcome < KW_OUTCOME_UNPLACED; outcome++)
    for (guint i = 0; i < board->n_items; i++)
      if (board->items[i].outcome == outcome)
        board->items[i].number = number++;
}

/* Scores as a workshop gives them: on halves, clustered around a few
 * spots, some findings on the very same spot. */
static Board *
board_generate (guint n_items,
                guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Board *board = board_new (n_items);
  double centres[4][2];

  for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
    {
      centres[c][0] = g_rand_double_range (rand, 1, 9);
      centres[c][1] = g_rand_double_range (rand, 1, 9);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      guint target = (guint) g_rand_int_range (rand, 25, 61);
      double impact, effort;

      while (title->len < target)
        {
          if (title->len > 0)
            g_string_append_c (title, ' ');
          g_string_append (title, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      if (title->len > 0)
        title->str[0] = g_ascii_toupper (title->str[0]);

      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          impact = g_rand_double_range (rand, 0, 10);
          effort = g_rand_double_range (rand, 0, 10);
        }
      else
        {
          guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (centres));

          impact = CLAMP (centres[c][0] + g_rand_double_range (rand, -1.5, 1.5), 0, 10);
          effort = CLAMP (centres[c][1] + g_rand_double_range (rand, -1.5, 1.5), 0, 10);
        }
      board_set (board, i, round (impact * 2) / 2, round (effort * 2) / 2, title->str);
    }
  board_number (board);

  return board;
}

/* ---- What every placement must hold ------------------------------------------- */

static KwMatrixRect
marker_rect (const KwMatrixPlacedLabel *label)
{
  double r = label->marker_radius;

  return (KwMatrixRect) { label->x - r, label->y - r, 2 * r, 2 * r };
}

static gboolean
rect_inside (const KwMatrixRect *inner,
             const KwMatrixRect *outer)
{
  return inner->x >= outer->x - EPSILON && inner->y >= outer->y - EPSILON &&
         inner->x + inner->width <= outer->x + outer->width + EPSILON &&
         inner->y + inner->height <= outer->y + outer->height + EPSILON;
}

static double
distance_to_rect (const KwMatrixRect *rect,
                  double              x,
                  double              y)
{
  double dx = MAX (MAX (rect->x - x, 0), x - (rect->x + rect->width));
  double dy = MAX (MAX (rect->y - y, 0), y - (rect->y + rect->height));

  return hypot (dx, dy);
}

static gboolean
on_rect_edge (const KwMatrixRect *rect,
              double              x,
              double              y)
{
  gboolean inside = x >= rect->x - EPSILON && x <= rect->x + rect->width + EPSILON &&
                    y >= rect->y - EPSILON && y <= rect->y + rect->height + EPSILON;
  gboolean on_edge = fabs (x - rect->x) < EPSILON || fabs (x - rect->x - rect->width) < EPSILON ||
                     fabs (y - rect->y) < EPSILON || fabs (y - rect->y - rect->height) < EPSILON;

  return inside && on_edge;
}

static void
check_placement (const KwMatrixPlacement *placement,
                 const KwMatrixLayout    *layout,
                 const Board             *board)
{
  const KwMatrixLayout *used = &placement->layout;

  g_assert_cmpuint (placement->labels->len, ==, board->n_items);
  g_assert_true (placement->mode == KW_MATRIX_LABELS_CARDS || placement->mode == KW_MATRIX_LABELS_NUMBERS);

  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *a = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);
      const KwMatrixPlacementItem *item = &board->items[i];
      double x, y;

      /* The marker is the truth: exactly at the finding's scores. */
      kw_matrix_layout_score_to_point (used, item->impact, item->effort, &x, &y);
      g_assert_cmpfloat (a->x, ==, x);
      g_assert_cmpfloat (a->y, ==, y);
      g_assert_true (a->data == item->data);
      g_assert_cmpuint (a->number, ==, item->number);
      g_assert_cmpint (a->outcome, ==, item->outcome);
      g_assert_cmpfloat (a->marker_radius, >, 0);

      if (!a->placed)
        continue;

      g_assert_true (rect_inside (&a->label, &used->plot));
      if (placement->mode == KW_MATRIX_LABELS_CARDS)
        {
          g_assert_cmpuint (a->n_lines, >=, 1);
          g_assert_cmpuint (a->n_lines, <=, KW_MATRIX_PLACEMENT_MAX_LINES);
          for (guint l = 0; l < a->n_lines; l++)
            g_assert_nonnull (a->lines[l]);
        }
      else
        g_assert_cmpuint (a->n_lines, ==, 0);

      /* Away from the marker: a leader from the marker's edge to the
       * label's edge. Next to it: none. */
      if (distance_to_rect (&a->label, a->x, a->y) > a->marker_radius + 0.5 * placement->text_size)
        g_assert_true (a->has_leader);
      if (a->has_leader)
        {
          g_assert_cmpfloat_with_epsilon (hypot (a->leader_x1 - a->x, a->leader_y1 - a->y), a->marker_radius, 1e-6);
          g_assert_true (on_rect_edge (&a->label, a->leader_x2, a->leader_y2));
          g_assert_cmpfloat_with_epsilon (hypot (a->leader_x2 - a->x, a->leader_y2 - a->y),
                                          distance_to_rect (&a->label, a->x, a->y), 1e-6);
        }

      for (guint z = 0; z < placement->n_zone_labels; z++)
        g_assert_false (kw_matrix_rect_intersects (&a->label, &placement->zone_labels[z].rect));

      for (KwMatrixLine line = 0; line < KW_MATRIX_N_LINES; line++)
        {
          double hx, hy, r;
          KwMatrixRect handle;

          kw_matrix_layout_get_handle (used, &board->thresholds, line, &hx, &hy, &r);
          handle = (KwMatrixRect) { hx - r, hy - r, 2 * r, 2 * r };
          g_assert_false (kw_matrix_rect_intersects (&a->label, &handle));
        }

      for (guint j = 0; j < placement->labels->len; j++)
        {
          const KwMatrixPlacedLabel *b = &g_array_index (placement->labels, KwMatrixPlacedLabel, j);
          KwMatrixRect marker = marker_rect (b);

          g_assert_false (kw_matrix_rect_intersects (&a->label, &marker));
          if (j != i && b->placed)
            g_assert_false (kw_matrix_rect_intersects (&a->label, &b->label));
        }
    }

  for (guint z = 0; z < placement->n_zone_labels; z++)
    {
      g_assert_true (rect_inside (&placement->zone_labels[z].rect, &used->plot));
      g_assert_nonnull (placement->zone_labels[z].text);
    }

  /* The layout is the caller's, or the caller's with a legend column. */
  g_assert_cmpfloat (used->width, ==, layout->width);
  g_assert_cmpfloat (used->height, ==, layout->height);
}

/* Whether the leader passes through the inside of rect, checked at
 * points a tenth of a pixel apart. */
static gboolean
leader_crosses (const KwMatrixPlacedLabel *label,
                const KwMatrixRect        *rect)
{
  double length = hypot (label->leader_x2 - label->leader_x1, label->leader_y2 - label->leader_y1);
  guint n = (guint) ceil (length * 10) + 1;

  for (guint k = 1; k < n; k++)
    {
      double t = (double) k / n;
      double x = label->leader_x1 + t * (label->leader_x2 - label->leader_x1);
      double y = label->leader_y1 + t * (label->leader_y2 - label->leader_y1);

      if (x > rect->x + 0.01 && x < rect->x + rect->width - 0.01 &&
          y > rect->y + 0.01 && y < rect->y + rect->height - 0.01)
        return TRUE;
    }

  return FALSE;
}

/* Titles AUTO settled on: no leader crosses another label, or the marker
 * of a finding on another spot. */
static void
check_leaders_clear (const KwMatrixPlacement *placement)
{
  for (guint i = 0; i < placement->labels->len; i++)
    {
      const KwMatrixPlacedLabel *a = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);

      if (!a->has_leader)
        continue;
      for (guint j = 0; j < placement->labels->len; j++)
        {
          const KwMatrixPlacedLabel *b = &g_array_index (placement->labels, KwMatrixPlacedLabel, j);
          KwMatrixRect marker = marker_rect (b);

          if (j == i)
            continue;
          if (b->placed)
            g_assert_false (leader_crosses (a, &b->label));
          if (b->x != a->x || b->y != a->y)
            g_assert_false (leader_crosses (a, &marker));
        }
    }
}

/* The item numbered number. */
static const KwMatrixPlacementItem *
board_find_number (const Board *board,
                   guint        number)
{
  for (guint i = 0; i < board->n_items; i++)
    if (board->items[i].number == number)
      return &board->items[i];

  g_assert_not_reached ();
}

static char *
without_spaces (char *str)
{
  char *to = str;

  for (const char *from = str; *from != '\0'; from++)
    if (*from != ' ')
      *to++ = *from;
  *to = '\0';

  return str;
}

/* str with every run of whitespace made one space, none at the ends. */
static char *
normalise_spaces (const char *str)
{
  g_auto(GStrv) parts = g_strsplit_set (str, " \t\n\r", -1);
  g_autoptr(GString) result = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_string_append_printf (result, "%s%s", result->len > 0 ? " " : "", parts[i]);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* The entry's lines are its item's whole title, no line wider than the
 * wrap: joined with spaces they give the title (a line may end after a
 * hyphen, where no space was), and no "…". */
static void
check_legend_entry_whole (const KwMatrixPlacement   *placement,
                          const KwMatrixLegendEntry *entry,
                          const Board               *board,
                          KwMatrixText              *text)
{
  const KwMatrixPlacementItem *item = board_find_number (board, entry->number);
  g_autofree char *joined = NULL;
  g_autofree char *expected = normalise_spaces (item->title);

  g_assert_nonnull (entry->lines);
  g_assert_cmpuint (g_strv_length (entry->lines), ==, entry->n_lines);
  for (guint l = 0; l < entry->n_lines; l++)
    {
      g_assert_null (strstr (entry->lines[l], "\xe2\x80\xa6"));
      g_assert_cmpfloat (kw_matrix_text_measure (text, entry->lines[l]), <=, placement->wrap_width + 0.01);
    }
  g_assert_cmpfloat (entry->rect.height, >=,
                     entry->n_lines * KW_MATRIX_PLACEMENT_LINE_HEIGHT * placement->legend_text_size - 1e-6);

  joined = g_strjoinv (" ", entry->lines);
  if (g_strcmp0 (joined, expected) != 0)
    {
      /* Broken after a hyphen, where the title has no space: the same
       * characters in the same order. */
      g_assert_cmpstr (without_spaces (joined), ==, without_spaces (expected));
    }
}

static void
check_legend (const KwMatrixPlacement *placement,
              const Board             *board)
{
  const KwMatrixRect *area = &placement->layout.legend;
  g_autoptr(KwMatrixText) text = kw_matrix_text_new (KW_MATRIX_PLACEMENT_FONT, placement->legend_text_size);
  guint previous = 0;

  g_assert_cmpint (placement->mode, ==, KW_MATRIX_LABELS_NUMBERS);
  g_assert_cmpuint (placement->legend->len, ==, board->n_items);
  g_assert_cmpuint (placement->n_legend_pages, >=, 1);
  g_assert_cmpfloat (area->width, >, 0);
  g_assert_false (kw_matrix_rect_intersects (area, &placement->layout.plot));

  for (guint i = 0; i < placement->legend->len; i++)
    {
      const KwMatrixLegendEntry *entry = &g_array_index (placement->legend, KwMatrixLegendEntry, i);

      g_assert_cmpuint (entry->number, >, previous);
      previous = entry->number;
      g_assert_cmpuint (entry->page, <, placement->n_legend_pages);
      g_assert_cmpuint (entry->n_lines, >=, 1);
      g_assert_true (rect_inside (&entry->rect, area));
      check_legend_entry_whole (placement, entry, board, text);
      /* The badge and the text beside it fit the entry. */
      g_assert_cmpfloat (placement->legend_badge_width, >=,
                         KW_MATRIX_PLACEMENT_LINE_HEIGHT * placement->legend_text_size - 1e-9);
      g_assert_cmpfloat (placement->legend_badge_width +
                         KW_MATRIX_PLACEMENT_PADDING * placement->legend_text_size + placement->wrap_width,
                         <=, entry->rect.width + 1e-6);

      for (guint j = 0; j < i; j++)
        {
          const KwMatrixLegendEntry *other = &g_array_index (placement->legend, KwMatrixLegendEntry, j);

          if (other->page == entry->page)
            g_assert_false (kw_matrix_rect_intersects (&entry->rect, &other->rect));
        }
    }
}

static void
check_same (const KwMatrixPlacement *a,
            const KwMatrixPlacement *b)
{
  g_assert_cmpint (a->mode, ==, b->mode);
  g_assert_cmpfloat (a->wrap_width, ==, b->wrap_width);
  g_assert_cmpuint (a->labels->len, ==, b->labels->len);
  g_assert_cmpuint (a->n_unplaced, ==, b->n_unplaced);
  for (guint i = 0; i < a->labels->len; i++)
    {
      const KwMatrixPlacedLabel *la = &g_array_index (a->labels, KwMatrixPlacedLabel, i);
      const KwMatrixPlacedLabel *lb = &g_array_index (b->labels, KwMatrixPlacedLabel, i);

      g_assert_cmpint (la->placed, ==, lb->placed);
      g_assert_cmpmem (&la->label, sizeof la->label, &lb->label, sizeof lb->label);
      g_assert_cmpint (la->has_leader, ==, lb->has_leader);
      g_assert_cmpuint (la->n_lines, ==, lb->n_lines);
      for (guint l = 0; l < la->n_lines; l++)
        g_assert_cmpstr (la->lines[l], ==, lb->lines[l]);
    }
  g_assert_cmpuint (a->legend->len, ==, b->legend->len);
  for (guint i = 0; i < a->legend->len; i++)
    {
      const KwMatrixLegendEntry *ea = &g_array_index (a->legend, KwMatrixLegendEntry, i);
      const KwMatrixLegendEntry *eb = &g_array_index (b->legend, KwMatrixLegendEntry, i);

      g_assert_cmpmem (&ea->rect, sizeof ea->rect, &eb->rect, sizeof eb->rect);
      g_assert_cmpuint (ea->page, ==, eb->page);
    }
}

/* ---- Generated boards ------------------------------------------------------------ */

typedef struct {
  const char *name;
  double      width;
  double      height;
  double      text_size;  /* 0: the layout's */
} Size;

static const Size sizes[] = {
  { "laptop window", 1000, 620, 13 },           /* the matrix in a 1366×768 window */
  { "presentation", 1920, 1080, 24 },
  { "A4 page", 523, 400, 0 },                   /* in points */
  { "PNG", 1600, 1200, 0 },
};

static void
place_generated (guint n_items,
                 guint n_seeds)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint seed = 1; seed <= n_seeds; seed++)
      {
        g_autoptr(Board) board = board_generate (n_items, seed * 7919 + n_items);
        KwMatrixPlacementOptions options = { .text_size = sizes[s].text_size, .with_legend = TRUE };
        g_autoptr(KwMatrixPlacement) placement = NULL;
        KwMatrixLayout layout;

        kw_matrix_layout_init (&layout, sizes[s].width, sizes[s].height, 1.0, FALSE);
        placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
        check_placement (placement, &layout, board);
        if (placement->mode == KW_MATRIX_LABELS_NUMBERS)
          check_legend (placement, board);
        else
          {
            g_assert_cmpuint (placement->n_unplaced, ==, 0);
            check_leaders_clear (placement);
          }
        /* AUTO leaves a label out only on boards no size could hold. */
        if (n_items <= 60)
          g_assert_cmpuint (placement->n_unplaced, ==, 0);
      }
}

static void
test_generated_10 (void)
{
  place_generated (10, 50);
}

static void
test_generated_30 (void)
{
  place_generated (30, 50);
}

static void
test_generated_60 (void)
{
  place_generated (60, 50);
}

static void
test_generated_200 (void)
{
  place_generated (200, 20);
}

/* The same input gives the same output, with or without the spatial index. */
static void
test_deterministic (void)
{
  for (guint seed = 1; seed <= 10; seed++)
    {
      g_autoptr(Board) board = board_generate (10 + 5 * seed, seed);
      KwMatrixPlacementOptions options = { .text_size = 24, .with_legend = TRUE };
      KwMatrixLayout layout;
      g_autoptr(KwMatrixPlacement) a = NULL;
      g_autoptr(KwMatrixPlacement) b = NULL;
      g_autoptr(KwMatrixPlacement) c = NULL;

      kw_matrix_layout_init (&layout, 1920, 1080, 1.0, FALSE);
      a = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
      b = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
      c = kw_matrix_placement_new_full (&layout, &board->thresholds, board->items, board->n_items, &options, FALSE);
      check_same (a, b);
      check_same (a, c);
    }
}

/* Findings on one spot fan out around it, each with its label. */
static void
test_stacked (void)
{
  g_autoptr(Board) board = board_new (8);
  KwMatrixPlacementOptions options = { .text_size = 24 };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  KwMatrixLayout layout;

  for (guint i = 0; i < board->n_items; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bevinding %u op dezelfde plek", i + 1);

      board_set (board, i, 7.5, 2.5, title);
    }
  board_number (board);

  kw_matrix_layout_init (&layout, 1920, 1080, 1.0, FALSE);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);
  g_assert_cmpint (placement->mode, ==, KW_MATRIX_LABELS_CARDS);
  check_leaders_clear (placement);
  for (guint i = 0; i < board->n_items; i++)
    {
      const KwMatrixPlacedLabel *label = kw_matrix_placement_lookup (placement, board->items[i].data);

      g_assert_true (label->placed);
      g_assert_false (label->ellipsised);
    }
}

/* ---- A real workshop ---------------------------------------------------------------- */

static const struct {
  double      impact;
  double      effort;
  const char *title;
} workshop[] = {
  { 8.5, 1.5, "Terugbelverzoeken automatisch inplannen" },
  { 7.5, 2.0, "Wachtmuziek vervangen door je plek in de wachtrij" },
  { 8.0, 3.5, "Kennisbank voor agents opschonen en actueel houden" },
  { 9.0, 2.5, "Keuzemenu terugbrengen naar drie opties" },
  { 6.5, 3.0, "Standaardmails herschrijven in begrijpelijke taal" },
  { 7.5, 2.0, "Klanttevredenheid meten na elk gesprek" },
  { 6.0, 4.0, "Nieuwe collega's twee weken laten meeluisteren" },
  { 9.5, 4.5, "Wachttijd tonen op de contactpagina" },
  { 3.5, 0.5, "Handtekening in alle e-mails gelijktrekken" },
  { 2.0, 1.0, "Afwezigheidsbericht van de servicedesk aanpassen" },
  { 4.0, 0.5, "Tevredenheidsenquête inkorten tot twee vragen" },
  { 1.5, 0.5, "Openingstijden op de website kloppend maken" },
  { 8.0, 6.5, "Dubbele registratie in CRM en ticketsysteem stoppen" },
  { 9.0, 8.0, "Oude telefooncentrale vervangen door een cloudplatform" },
  { 7.0, 7.0, "Chat op de website uitbreiden naar de avonduren" },
  { 6.5, 5.5, "Spraakherkenning inzetten om gesprekken te routeren" },
  { 8.5, 9.0, "Klantportaal met eigen dossier en facturen bouwen" },
  { 5.5, 6.0, "Social-mediaberichten in dezelfde wachtrij opnemen" },
  { 7.5, 6.0, "Personeelsplanning afstemmen op de piek van maandag" },
  { 3.0, 3.0, "Rapportage over herhaalcontacten per maand" },
  { 4.0, 2.5, "Gespreksnotities automatisch laten samenvatten" },
  { 2.5, 4.0, "Formulier voor opzeggingen vereenvoudigen" },
  { 3.5, 2.0, "Teamleiders wekelijks laten coachen op gesprekken" },
  { 1.5, 3.5, "Veelgestelde vragen bovenaan de helppagina zetten" },
  { 2.0, 8.5, "Eigen app voor het melden van storingen laten bouwen" },
  { 3.0, 7.0, "Alle klantbrieven opnieuw laten vormgeven" },
  { 1.0, 9.0, "Volledig nieuw CRM-pakket selecteren en invoeren" },
  { 4.0, 6.5, "Tweede vestiging openen voor de avonddienst" },
  { 4.5, 8.0, "Verzuim verlagen met vaste thuiswerkdagen per team" },
  { 2.0, 6.0, "Klantgegevens koppelen aan het inkomende nummer" },
};

static Board *
workshop_board (void)
{
  Board *board = board_new (G_N_ELEMENTS (workshop));

  for (guint i = 0; i < G_N_ELEMENTS (workshop); i++)
    {
      g_assert_cmpuint (g_utf8_strlen (workshop[i].title, -1), >=, 25);
      g_assert_cmpuint (g_utf8_strlen (workshop[i].title, -1), <=, 60);
      board_set (board, i, workshop[i].impact, workshop[i].effort, workshop[i].title);
    }
  board_number (board);

  return board;
}

/* 30 findings on a projector: every title whole, as cards. */
static void
test_workshop_presentation (void)
{
  g_autoptr(Board) board = workshop_board ();
  KwMatrixPlacementOptions options = { .text_size = kw_matrix_placement_text_size_for (1080, TRUE),
                                       .with_legend = TRUE };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  KwMatrixLayout layout;

  g_assert_cmpfloat (options.text_size, ==, 24);
  /* Presentation's larger margins: a plot of about 1700×900. */
  kw_matrix_layout_init (&layout, 1920, 1080, 1.5, FALSE);
  g_assert_cmpfloat (layout.plot.width, >=, 1700);
  g_assert_cmpfloat (layout.plot.width, <=, 1800);
  g_assert_cmpfloat (layout.plot.height, >=, 900);
  g_assert_cmpfloat (layout.plot.height, <=, 950);

  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);
  g_assert_cmpint (placement->mode, ==, KW_MATRIX_LABELS_CARDS);
  g_assert_cmpuint (placement->n_unplaced, ==, 0);
  check_leaders_clear (placement);
  g_assert_cmpfloat (placement->text_size, ==, 24);
  g_assert_cmpfloat (placement->zone_text_size, >, 24);
  /* The small-fix strip is too narrow for its name at this size. */
  g_assert_cmpuint (placement->n_zone_labels, >=, KW_MATRIX_N_ZONES - 1);

  for (guint i = 0; i < board->n_items; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);
      g_autofree char *joined = NULL;
      g_autofree char *expected = g_strdup (workshop[i].title);

      g_assert_true (label->placed);
      g_assert_false (label->ellipsised);
      /* The whole title, only broken into lines (at spaces or after a
       * hyphen). */
      joined = g_strjoinv ("", (char **) label->lines);
      g_assert_cmpstr (without_spaces (joined), ==, without_spaces (expected));
    }
}

/* Zones may carry other names (presentation: their progress): copied
 * into the placement, measured as obstacles to the labels like the
 * titles, and a name the zone has no room for falls back to the title. */
static void
test_zone_names (void)
{
  g_autoptr(Board) board = workshop_board ();
  KwMatrixPlacementOptions options = { .text_size = kw_matrix_placement_text_size_for (1080, TRUE),
                                       .with_legend = TRUE };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  char *names[KW_N_OUTCOMES] = { NULL };
  KwMatrixLayout layout;
  gboolean seen_quick = FALSE, seen_long = FALSE;

  names[KW_OUTCOME_QUICK_WIN] = g_strdup ("Quick wins: 3 of 5 done");
  names[KW_OUTCOME_LONG_TERM] = g_strnfill (400, 'x');   /* no zone holds it */
  options.zone_names = (const char * const *) names;
  kw_matrix_layout_init (&layout, 1920, 1080, 1.5, FALSE);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  for (guint o = 0; o < KW_N_OUTCOMES; o++)
    g_free (names[o]);

  check_placement (placement, &layout, board);
  for (guint z = 0; z < placement->n_zone_labels; z++)
    {
      const KwMatrixZoneLabel *zone = &placement->zone_labels[z];

      if (zone->outcome == KW_OUTCOME_QUICK_WIN)
        {
          g_assert_cmpstr (zone->text, ==, "Quick wins: 3 of 5 done");
          seen_quick = TRUE;
        }
      else if (zone->outcome == KW_OUTCOME_LONG_TERM)
        {
          g_assert_cmpstr (zone->text, ==, "Long-term plan");
          seen_long = TRUE;
        }
      else
        g_assert_true (zone->text == kw_outcome_get_title (zone->outcome));
    }
  g_assert_true (seen_quick && seen_long);
}

/* The workshop twice over (a second round half a point higher), with
 * titles up to 75 characters like a real 60-finding board's. */
static Board *
sixty_board (void)
{
  Board *board = board_new (60);

  for (guint i = 0; i < 60; i++)
    {
      const char *title = i == 16 ? "Klantportaal volledig vernieuwen zodat klanten alles zelf kunnen regelen"
                                  : workshop[i % 30].title;
      g_autofree char *numbered = g_strdup_printf ("%s (ronde %u)", title, i / 30 + 1);

      board_set (board, i, CLAMP (workshop[i % 30].impact + (i / 30) * 0.5, 0, 10),
                 workshop[i % 30].effort, numbered);
    }
  board_number (board);

  return board;
}

/* 60 findings do not fit as cards: numbers, and every one in the legend. */
static void
test_sixty_step_down (void)
{
  g_autoptr(Board) board = sixty_board ();
  KwMatrixPlacementOptions options = { .text_size = 24, .with_legend = TRUE };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  KwMatrixLayout layout;

  kw_matrix_layout_init (&layout, 1920, 1080, 1.0, FALSE);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);
  check_legend (placement, board);
  g_assert_cmpuint (placement->n_unplaced, ==, 0);
  g_assert_cmpfloat (placement->legend_text_size, >=, KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE);
  for (guint i = 0; i < 60; i++)
    {
      const KwMatrixLegendEntry *entry = &g_array_index (placement->legend, KwMatrixLegendEntry, i);

      /* In the plan's numbering, each once. */
      g_assert_cmpuint (entry->number, ==, i + 1);
    }
}

/* The 60-finding board where it is shown: a projector, the matrix in a
 * 1366×768 window and a 1600×1000 image, with the floor left to the
 * placement (min_text_size 0). Every entry carries its whole title
 * (check_legend()). On the projector and the image they all fit one
 * page: the text shrinks, the columns multiply and the legend widens
 * before anything pages. The window's 620 pixels cannot hold 60 whole
 * titles at 13 px: there, and only there, it pages. */
static void
test_sixty_whole_legend (void)
{
  static const Size shown[] = {
    { "presentation", 1920, 1080, 24 },
    { "1366×768 window", 1000, 620, 13 },
    { "1600×1000 image", 1600, 1000, 0 },
  };
  static const gboolean one_page[] = { TRUE, FALSE, TRUE };
  g_autoptr(Board) board = sixty_board ();

  G_STATIC_ASSERT (G_N_ELEMENTS (one_page) == G_N_ELEMENTS (shown));
  for (guint s = 0; s < G_N_ELEMENTS (shown); s++)
    {
      KwMatrixPlacementOptions options = { .text_size = shown[s].text_size, .with_legend = TRUE,
                                           .requested = KW_MATRIX_LABELS_NUMBERS };
      g_autoptr(KwMatrixPlacement) placement = NULL;
      KwMatrixLayout layout;

      g_test_message ("%s", shown[s].name);
      kw_matrix_layout_init (&layout, shown[s].width, shown[s].height, 1.0, FALSE);
      placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
      check_placement (placement, &layout, board);
      check_legend (placement, board);
      g_test_message ("%s: legend at %.1f px, %u page(s)", shown[s].name,
                      placement->legend_text_size, placement->n_legend_pages);
      g_assert_cmpfloat (placement->legend_text_size, >=, KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE);
      if (one_page[s])
        g_assert_cmpuint (placement->n_legend_pages, ==, 1);
      else
        g_assert_cmpfloat (placement->legend_text_size, ==, KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE);
    }
}

/* Columns end evenly: no column of a one-page legend is shorter than
 * the tallest by more than the entry that would have to move into it. */
static void
test_legend_balanced (void)
{
  g_autoptr(Board) board = sixty_board ();
  KwMatrixPlacementOptions options = { .text_size = 24, .with_legend = TRUE,
                                       .requested = KW_MATRIX_LABELS_NUMBERS };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  g_autoptr(GArray) bottoms = g_array_new (FALSE, TRUE, sizeof (double));
  double tallest_entry = 0.0, lowest = 0.0;
  KwMatrixLayout layout;

  kw_matrix_layout_init (&layout, 1920, 1080, 1.0, FALSE);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_legend (placement, board);
  g_assert_cmpuint (placement->n_legend_pages, ==, 1);

  for (guint i = 0; i < placement->legend->len; i++)
    {
      const KwMatrixLegendEntry *entry = &g_array_index (placement->legend, KwMatrixLegendEntry, i);
      double bottom = entry->rect.y + entry->rect.height;

      tallest_entry = MAX (tallest_entry, entry->rect.height);
      /* A new column starts at the top again. */
      if (i == 0 || entry->rect.x > g_array_index (placement->legend, KwMatrixLegendEntry, i - 1).rect.x)
        g_array_append_val (bottoms, bottom);
      else
        g_array_index (bottoms, double, bottoms->len - 1) = bottom;
    }
  g_assert_cmpuint (bottoms->len, >, 1);
  for (guint c = 0; c < bottoms->len; c++)
    lowest = MAX (lowest, g_array_index (bottoms, double, c));
  for (guint c = 0; c < bottoms->len; c++)
    g_assert_cmpfloat (lowest - g_array_index (bottoms, double, c), <=,
                       tallest_entry + placement->legend_text_size);
}

typedef struct {
  const Board          *board;
  const KwMatrixLayout *layout;
} ThreadData;

static gpointer
place_in_thread (gpointer user_data)
{
  const ThreadData *data = user_data;
  KwMatrixPlacementOptions options = { .text_size = 24, .with_legend = TRUE };

  return kw_matrix_placement_new (data->layout, &data->board->thresholds, data->board->items,
                                  data->board->n_items, &options);
}

/* Exports place labels in worker threads, each with its own fonts: the
 * result is the one the main thread gets. */
static void
test_threads (void)
{
  g_autoptr(Board) cards = workshop_board ();
  g_autoptr(Board) numbers = board_generate (80, 3);
  const Board *boards[] = { cards, numbers };
  KwMatrixLayout layout;

  kw_matrix_layout_init (&layout, 1920, 1080, 1.0, FALSE);
  for (guint b = 0; b < G_N_ELEMENTS (boards); b++)
    {
      ThreadData data = { boards[b], &layout };
      g_autoptr(KwMatrixPlacement) here = place_in_thread (&data);
      GThread *threads[3];

      for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
        threads[t] = g_thread_new ("placement", place_in_thread, &data);
      for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
        {
          g_autoptr(KwMatrixPlacement) there = g_thread_join (threads[t]);

          check_same (here, there);
        }
    }
}

/* A legend allowed to shrink to 13 px needs fewer pages than one kept at
 * the labels' 24 px, and never goes under its floor; 0 is that 13 px
 * floor. Only when 13 px cannot hold them all does it page. */
static void
test_legend_floor (void)
{
  g_autoptr(Board) board = board_generate (90, 5);
  g_autoptr(Board) crowd = board_generate (400, 6);
  KwMatrixPlacementOptions options = { .text_size = 24, .with_legend = TRUE,
                                       .requested = KW_MATRIX_LABELS_NUMBERS, .min_text_size = 24 };
  g_autoptr(KwMatrixPlacement) kept = NULL;
  g_autoptr(KwMatrixPlacement) shrunk = NULL;
  g_autoptr(KwMatrixPlacement) by_default = NULL;
  g_autoptr(KwMatrixPlacement) paged = NULL;
  KwMatrixLayout layout;

  kw_matrix_layout_init (&layout, 1920, 1080, 1.0, FALSE);
  kept = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_legend (kept, board);
  g_assert_cmpfloat (kept->legend_text_size, ==, 24);
  g_assert_cmpuint (kept->n_legend_pages, >, 1);

  options.min_text_size = 13;
  shrunk = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_legend (shrunk, board);
  g_assert_cmpfloat (shrunk->legend_text_size, >=, 13);
  g_assert_cmpfloat (shrunk->legend_text_size, <, 24);
  g_assert_cmpuint (shrunk->n_legend_pages, <, kept->n_legend_pages);

  options.min_text_size = 0;
  by_default = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_same (shrunk, by_default);
  g_assert_cmpfloat (by_default->legend_text_size, ==, shrunk->legend_text_size);

  paged = kw_matrix_placement_new (&layout, &crowd->thresholds, crowd->items, crowd->n_items, &options);
  check_legend (paged, crowd);
  g_assert_cmpuint (paged->n_legend_pages, >, 1);
  g_assert_cmpfloat (paged->legend_text_size, ==, KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE);
}

static void
test_hidden_zone_labels (void)
{
  g_autoptr(Board) board = workshop_board ();
  KwMatrixPlacementOptions options = { .text_size = 24, .hide_zone_labels = TRUE };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  KwMatrixLayout layout;

  kw_matrix_layout_init (&layout, 1920, 1080, 1.0, FALSE);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);
  g_assert_cmpuint (placement->n_zone_labels, ==, 0);
}

/* ---- Text --------------------------------------------------------------------------------- */

static void
test_wrap_and_ellipsis (void)
{
  g_autoptr(Board) board = board_new (2);
  KwMatrixPlacementOptions options = { .text_size = 20, .requested = KW_MATRIX_LABELS_CARDS };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  const KwMatrixPlacedLabel *shorter, *longer;
  KwMatrixLayout layout;

  board_set (board, 0, 8, 2, "Kort");
  board_set (board, 1, 2, 8,
             "Een bijzonder lange titel die over veel meer dan drie regels zou lopen als je hem "
             "helemaal zou uitschrijven, met nog een paar extra woorden erachter");
  board_number (board);

  kw_matrix_layout_init (&layout, 1600, 1200, 1.0, FALSE);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);

  shorter = &g_array_index (placement->labels, KwMatrixPlacedLabel, 0);
  g_assert_cmpuint (shorter->n_lines, ==, 1);
  g_assert_cmpstr (shorter->lines[0], ==, "Kort");
  g_assert_false (shorter->ellipsised);

  longer = &g_array_index (placement->labels, KwMatrixPlacedLabel, 1);
  g_assert_cmpuint (longer->n_lines, ==, KW_MATRIX_PLACEMENT_MAX_LINES);
  g_assert_true (longer->ellipsised);
  g_assert_true (g_str_has_suffix (longer->lines[2], "…"));
  g_assert_true (g_str_has_prefix (longer->lines[0], "Een bijzonder"));
  /* Wrapped at a readable width: a label is wider than tall. */
  g_assert_cmpfloat (longer->label.width, >, longer->label.height);
  g_assert_cmpfloat (longer->label.width, <=, placement->wrap_width + 2 * KW_MATRIX_PLACEMENT_PADDING * 20 + 1e-6);
}

static void
test_text_sizes (void)
{
  g_assert_cmpfloat (kw_matrix_placement_text_size_for (1080, TRUE), ==, 24);
  g_assert_cmpfloat (kw_matrix_placement_text_size_for (2160, TRUE), >=, 0.022 * 2160);
  g_assert_cmpfloat (kw_matrix_placement_text_size_for (768, TRUE), >=, 0.022 * 768);
  g_assert_cmpfloat (kw_matrix_placement_text_size_for (700, FALSE), >=, KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE);
  g_assert_cmpfloat (kw_matrix_placement_text_size_for (300, FALSE), ==, KW_MATRIX_PLACEMENT_MIN_TEXT_SIZE);
  g_assert_cmpfloat (kw_matrix_placement_text_size_for (1080, FALSE), <, kw_matrix_placement_text_size_for (1080, TRUE));
}

static void
test_marker_shapes (void)
{
  for (KwOutcome a = 0; a < KW_OUTCOME_UNPLACED; a++)
    for (KwOutcome b = 0; b < a; b++)
      g_assert_cmpint (kw_matrix_marker_shape (a), !=, kw_matrix_marker_shape (b));
}

/* ---- Modes and views ------------------------------------------------------------------------ */

static void
test_forced_numbers (void)
{
  g_autoptr(Board) board = workshop_board ();
  KwMatrixPlacementOptions options = { .text_size = 13, .requested = KW_MATRIX_LABELS_NUMBERS,
                                       .with_legend = TRUE, .min_text_size = 13 };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  KwMatrixLayout layout;

  kw_matrix_layout_init (&layout, 1000, 620, 1.0, FALSE);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);
  check_legend (placement, board);
  g_assert_cmpuint (placement->n_unplaced, ==, 0);
  g_assert_cmpfloat (placement->legend_text_size, >=, 13);

  /* Without a legend column: the badges alone (the plan lists the titles). */
  options.with_legend = FALSE;
  g_clear_pointer (&placement, kw_matrix_placement_free);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);
  g_assert_cmpuint (placement->legend->len, ==, 0);
  g_assert_cmpfloat (placement->layout.legend.width, ==, 0);
}

/* A board far too full for cards, forced to cards: what fits is placed,
 * the rest counted, nothing overlaps. */
static void
test_forced_cards (void)
{
  g_autoptr(Board) board = board_generate (120, 42);
  KwMatrixPlacementOptions options = { .text_size = 16, .requested = KW_MATRIX_LABELS_CARDS };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  KwMatrixLayout layout;
  guint n_unplaced = 0;

  kw_matrix_layout_init (&layout, 1000, 700, 1.0, FALSE);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);
  g_assert_cmpint (placement->mode, ==, KW_MATRIX_LABELS_CARDS);
  for (guint i = 0; i < placement->labels->len; i++)
    if (!g_array_index (placement->labels, KwMatrixPlacedLabel, i).placed)
      n_unplaced++;
  g_assert_cmpuint (n_unplaced, ==, placement->n_unplaced);
  g_assert_cmpuint (n_unplaced, >, 0);
  g_assert_cmpuint (n_unplaced, <, board->n_items);
}

/* Zoomed into the quick wins: only those are drawn, with room to spare. */
static void
test_zoomed_view (void)
{
  g_autoptr(Board) board = workshop_board ();
  KwMatrixPlacementOptions options = { .text_size = 24 };
  g_autoptr(KwMatrixPlacement) placement = NULL;
  KwMatrixLayout layout;

  kw_matrix_layout_init (&layout, 1920, 1080, 1.0, FALSE);
  kw_matrix_layout_set_view (&layout, 5, 10, 0, 5);
  placement = kw_matrix_placement_new (&layout, &board->thresholds, board->items, board->n_items, &options);
  check_placement (placement, &layout, board);
  g_assert_cmpint (placement->mode, ==, KW_MATRIX_LABELS_CARDS);
  for (guint i = 0; i < board->n_items; i++)
    {
      const KwMatrixPlacedLabel *label = &g_array_index (placement->labels, KwMatrixPlacedLabel, i);
      gboolean in_view = board->items[i].impact >= 5 && board->items[i].effort <= 5;

      g_assert_cmpint (label->placed, ==, in_view);
    }
  /* Only the quick-win zone is in view (the others are empty). */
  g_assert_cmpuint (placement->n_zone_labels, ==, 1);
  g_assert_cmpint (placement->zone_labels[0].outcome, ==, KW_OUTCOME_QUICK_WIN);
}

static void
test_empty (void)
{
  KwMatrixLayout layout;
  KwThresholds thresholds;
  g_autoptr(KwMatrixPlacement) placement = NULL;

  kw_thresholds_init_default (&thresholds);
  kw_matrix_layout_init (&layout, 800, 600, 1.0, FALSE);
  placement = kw_matrix_placement_new (&layout, &thresholds, NULL, 0, NULL);
  g_assert_cmpuint (placement->labels->len, ==, 0);
  g_assert_cmpint (placement->mode, ==, KW_MATRIX_LABELS_CARDS);
  g_assert_null (kw_matrix_placement_lookup (placement, GUINT_TO_POINTER (1)));
}

/* The chips of who is in: below the title when nothing is in the way,
 * else the side that covers least, always inside the bounds. */
static void
test_place_beside (void)
{
  const KwMatrixRect bounds = { 0, 0, 1000, 600 };
  const KwMatrixRect anchor = { 400, 300, 200, 40 };
  KwMatrixRect placed;
  KwMatrixRect below_blocked[] = { { 380, 345, 300, 50 } };
  KwMatrixRect all_but_left[] = { { 380, 345, 300, 50 }, { 380, 200, 300, 95 }, { 605, 280, 200, 80 } };
  KwMatrixRect everywhere[] = { { 0, 0, 1000, 600 } };
  const KwMatrixRect corner = { 950, 570, 50, 30 };

  g_assert_cmpfloat (kw_matrix_rect_place_beside (&anchor, 150, 40, 4, NULL, 0, &bounds, &placed), ==, 0);
  g_assert_cmpfloat (placed.x, ==, 400);
  g_assert_cmpfloat (placed.y, ==, 344);

  /* A card right under the title: above it instead. */
  g_assert_cmpfloat (kw_matrix_rect_place_beside (&anchor, 150, 40, 4, below_blocked, 1, &bounds, &placed), ==, 0);
  g_assert_cmpfloat (placed.y, ==, 256);
  g_assert_false (kw_matrix_rect_intersects (&placed, &below_blocked[0]));

  /* Below, above and right taken: left. */
  g_assert_cmpfloat (kw_matrix_rect_place_beside (&anchor, 150, 40, 4, all_but_left, 3, &bounds, &placed), ==, 0);
  g_assert_cmpfloat (placed.x, ==, 246);
  g_assert_cmpfloat (placed.y, ==, 300);

  /* No room anywhere: below, the first, covering what it must. */
  g_assert_cmpfloat (kw_matrix_rect_place_beside (&anchor, 150, 40, 4, everywhere, 1, &bounds, &placed), ==, 150 * 40);
  g_assert_cmpfloat (placed.y, ==, 344);

  /* In a corner: kept inside. */
  kw_matrix_rect_place_beside (&corner, 150, 40, 4, NULL, 0, &bounds, &placed);
  g_assert_cmpfloat (placed.x + placed.width, <=, 1000);
  g_assert_cmpfloat (placed.y + placed.height, <=, 600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matrix-placement/generated-10", test_generated_10);
  g_test_add_func ("/matrix-placement/generated-30", test_generated_30);
  g_test_add_func ("/matrix-placement/generated-60", test_generated_60);
  g_test_add_func ("/matrix-placement/generated-200", test_generated_200);
  g_test_add_func ("/matrix-placement/deterministic", test_deterministic);
  g_test_add_func ("/matrix-placement/threads", test_threads);
  g_test_add_func ("/matrix-placement/stacked", test_stacked);
  g_test_add_func ("/matrix-placement/workshop-presentation", test_workshop_presentation);
  g_test_add_func ("/matrix-placement/sixty-step-down", test_sixty_step_down);
  g_test_add_func ("/matrix-placement/sixty-whole-legend", test_sixty_whole_legend);
  g_test_add_func ("/matrix-placement/legend-balanced", test_legend_balanced);
  g_test_add_func ("/matrix-placement/legend-floor", test_legend_floor);
  g_test_add_func ("/matrix-placement/hidden-zone-labels", test_hidden_zone_labels);
  g_test_add_func ("/matrix-placement/wrap-and-ellipsis", test_wrap_and_ellipsis);
  g_test_add_func ("/matrix-placement/text-sizes", test_text_sizes);
  g_test_add_func ("/matrix-placement/marker-shapes", test_marker_shapes);
  g_test_add_func ("/matrix-placement/forced-numbers", test_forced_numbers);
  g_test_add_func ("/matrix-placement/forced-cards", test_forced_cards);
  g_test_add_func ("/matrix-placement/zoomed-view", test_zoomed_view);
  g_test_add_func ("/matrix-placement/empty", test_empty);
  g_test_add_func ("/matrix-placement/zone-names", test_zone_names);
  g_test_add_func ("/matrix-placement/place-beside", test_place_beside);

  return g_test_run ();
}
