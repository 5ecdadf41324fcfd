/* bench-export.c: times “kwadrant --export-plan” (the HTML action plan)
 * against “xmllint --noout” on the same board of 10,000 findings, in
 * turns, in the same run.
 *
 * Usage: bench-export [KWADRANT]   (or KWADRANT in the environment)
 *
 * Prints “bench NAME VALUE UNIT” lines and exits with 1 when the board
 * cannot be made or a program fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "kw-board.h"
#include "kw-format.h"

#define N_FINDINGS 10000
#define N_RUNS 5
#define SEED 20261122

/* Text of the length and mix of a real board: Dutch and English, with the
 * characters the exporter must escape. */
static const char * const titles[] = {
  "Duidelijkere uitgaande brieven",
  "Terugbelverzoek automatisch inplannen",
  "Kennisbank actualiseren voor nieuwe medewerkers",
  "Klachten sneller doorzetten naar de tweede lijn",
  "Self-service password reset",
  "Escalation matrix for <urgent> complaints",
  "Q&A page for “where is my order?”",
  "Één vast aanspreekpunt voor zakelijke klanten",
};

static const char * const sentences[] = {
  "Uit de gespreksanalyse blijkt dat klanten vaak terugbellen omdat de brief niet duidelijk is.",
  "Medewerkers zoeken nu gemiddeld 45 seconden in drie verschillende systemen.",
  "De klant wil weten wanneer het pakket komt & of het bezorgd wordt als hij niet thuis is.",
  "Customers hang up after the third IVR option, see the call logs from week 12.",
  "Average handling time would drop by an estimated 20 seconds per call.",
  "Complaints with the keyword <storing> should reach the second line within 4 hours.",
};

static const char * const owners[] = {
  "Team communicatie", "Rajaa El Amrani", "IT-servicedesk", "Kwaliteit & Training", "Ömer Yılmaz",
};

static const char * const tag_words[] = {
  "brieven", "ivr", "kennisbank", "coaching", "self-service", "facturatie",
};

static KwBoard *
make_board (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  KwBoard *board = kw_board_new ();

  kw_board_set_title (board, "Benchmark: 10.000 bevindingen");
  kw_board_set_organisation (board, "Voorbeeld BV");
  kw_board_set_facilitator (board, "Rajaa");
  kw_board_set_workshop_date (board, "2026-11-20");

  for (guint i = 0; i < N_FINDINGS; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s (%u)", titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))], i + 1);
      g_autoptr(KwFinding) finding = kw_finding_new (title);
      g_autoptr(GString) description = g_string_new (NULL);
      const char *tags[] = {
        tag_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_words))],
        tag_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (tag_words))],
        NULL,
      };
      guint n_sentences = (guint) g_rand_int_range (rand, 1, 4);

      for (guint s = 0; s < n_sentences; s++)
        g_string_append_printf (description, "%s%s", s > 0 ? " " : "",
                                sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
      kw_finding_set_description (finding, description->str);
      kw_finding_set_owner (finding, owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))]);
      if (g_rand_int_range (rand, 0, 3) == 0)
        kw_finding_set_due_date (finding, "2027-03-31");
      kw_finding_set_tags (finding, tags);
      /* One in twenty is still unplaced. */
      if (g_rand_int_range (rand, 0, 20) != 0)
        kw_finding_place (finding, g_rand_int_range (rand, 0, 101) / 10.0, g_rand_int_range (rand, 0, 101) / 10.0);
      kw_board_append_finding (board, finding);
    }

  return board;
}

static gboolean
run_timed (char * const *argv,
           double       *ms,
           GError      **error)
{
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, error))
    return FALSE;
  *ms = (g_get_monotonic_time () - start) / 1000.0;

  return g_spawn_check_wait_status (status, error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

static gboolean
run_benchmark (const char  *kwadrant_name,
               GError     **error)
{
  g_autofree char *kwadrant = g_find_program_in_path (kwadrant_name);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *tmpdir = NULL;
  g_autofree char *board_path = NULL;
  g_autofree char *plan_path = NULL;
  g_autoptr(KwBoard) board = NULL;
  g_autoptr(GFile) board_file = NULL;
  g_autofree char *plan = NULL;
  double export_ms[N_RUNS], xmllint_ms[N_RUNS], ignored;
  gsize plan_size = 0;
  gboolean ok;

  if (kwadrant == NULL || xmllint == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Cannot find %s.",
                   kwadrant == NULL ? kwadrant_name : "xmllint (apt-get install libxml2-utils)");
      return FALSE;
    }

  if ((tmpdir = g_dir_make_tmp ("kwadrant-bench-export-XXXXXX", error)) == NULL)
    return FALSE;
  board_path = g_build_filename (tmpdir, "board-10k.kwadrant", NULL);
  plan_path = g_build_filename (tmpdir, "plan-10k.html", NULL);

  board = make_board ();
  board_file = g_file_new_for_path (board_path);
  ok = kw_format_save_file (board, board_file, NULL, NULL, NULL, error);

  {
    char *export_argv[] = { kwadrant, (char *) "--export-plan", plan_path, board_path, NULL };
    char *xmllint_argv[] = { xmllint, (char *) "--noout", board_path, NULL };

    /* One warm-up of each, then in turns, so a slow spell of a noisy
     * machine hits both alike. */
    ok = ok && run_timed (export_argv, &ignored, error) && run_timed (xmllint_argv, &ignored, error);
    for (guint i = 0; ok && i < N_RUNS; i++)
      ok = run_timed (export_argv, &export_ms[i], error) && run_timed (xmllint_argv, &xmllint_ms[i], error);
  }

  /* A fast failure must not pass for a fast export: the plan has every
   * finding. */
  if (ok && g_file_get_contents (plan_path, &plan, &plan_size, error))
    {
      g_autofree char *last = g_strdup_printf ("<span class=\"number\">%u</span>", N_FINDINGS);

      if (strstr (plan, last) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The plan does not number %u findings.", N_FINDINGS);
          ok = FALSE;
        }
    }
  else
    ok = FALSE;

  if (ok)
    {
      double e = median (export_ms, N_RUNS);
      double x = median (xmllint_ms, N_RUNS);

      printf ("bench export_plan_10k_wall_ms %.1f ms\n", e);
      printf ("bench xmllint_10k_wall_ms %.1f ms\n", x);
      printf ("bench export_plan_vs_xmllint_10k_time_ratio %.2f x\n", e / x);
      printf ("bench export_plan_10k_size_mb %.1f MB\n", plan_size / (1024.0 * 1024.0));
    }

  g_unlink (board_path);
  g_unlink (plan_path);
  g_rmdir (tmpdir);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *kwadrant = argc > 1 ? argv[1] : g_getenv ("KWADRANT");

  if (kwadrant == NULL)
    {
      fprintf (stderr, "Usage: %s KWADRANT (the path of the kwadrant program; or set KWADRANT)\n", argv[0]);
      return 2;
    }

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!run_benchmark (kwadrant, &error))
    {
      fprintf (stderr, "bench-export: %s\n", error->message);
      return 1;
    }

  return 0;
}
