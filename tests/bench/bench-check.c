/* bench-check.c: times “kwadrant --check” against “xmllint --noout” on
 * boards of 10,000 and 100,000 findings, and on one of 1,000 findings with
 * 50 snapshots (format version 2), written by Kwadrant's own writer.
 *
 * Usage: bench-check [KWADRANT]   (or KWADRANT in the environment)
 * With KW_BENCH_KEEP=1 the boards stay in the temporary directory.
 *
 * Prints one line per figure, “bench NAME VALUE UNIT”, and exits with 1
 * when a board cannot be made or a child does not exit with 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-check"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kw-board.h"
#include "kw-format.h"

typedef struct {
  guint       n_findings;
  const char *label;     /* goes into the figure names: "10k" */
  guint       n_runs;    /* timed runs of each program, after one warm-up */
  guint32     seed;
  guint       n_snapshots;  /* taken as the board changes, oldest first */
} BoardSize;

static const BoardSize board_sizes[] = {
  { 10000, "10k", 7, 20261120, 0 },
  { 100000, "100k", 5, 20261121, 0 },
  { 1000, "1k_50snapshots", 9, 20261122, 50 },
};

typedef struct {
  double wall_ms;
  long   peak_rss_kb;
} RunResult;

typedef struct {
  GArray *wall_ms;      /* double */
  GArray *peak_rss_kb;  /* double, to share the median code */
} Samples;

/* ---------------------------------------------------------------------- */
/* Realistic board content                                                */
/* ---------------------------------------------------------------------- */

static const char * const title_phrases[] = {
  "Duidelijkere uitgaande brieven",
  "Terugbelverzoek automatisch inplannen",
  "Wachtrijmelding verkorten",
  "Kennisbank actualiseren voor nieuwe medewerkers",
  "IVR-menu vereenvoudigen",
  "Klachten sneller doorzetten naar de tweede lijn",
  "Dubbele registratie in het CRM voorkomen",
  "Openingstijden beter tonen op de website",
  "Chatbot laten doorverwijzen naar een medewerker",
  "Factuuruitleg in begrijpelijke taal",
  "Één vast aanspreekpunt voor zakelijke klanten",
  "Notities na het gesprek standaardiseren",
  "Shorter hold-music loop",
  "Route billing calls to specialists",
  "Stop duplicate tickets after e-mail replies",
  "Self-service password reset",
  "Callback window in the confirmation e-mail",
  "Train agents on the new returns policy",
  "Q&A page for “where is my order?”",
  "Escalation matrix for <urgent> complaints",
};

static const char * const title_qualifiers[] = {
  "pilot",
  "fase 2",
  "na overleg met IT",
  "alleen voor zakelijke klanten",
  "voor de zomerpiek van juli en augustus, samen met planning en de teamleiders",
  "phase 1",
  "check with legal & privacy first",
  "quick experiment",
};

static const char * const description_sentences[] = {
  "Uit de gespreksanalyse blijkt dat klanten vaak terugbellen omdat de brief niet duidelijk is.",
  "Ongeveer 18% van de gesprekken gaat over dezelfde vraag.",
  "Medewerkers zoeken nu gemiddeld 45 seconden in drie verschillende systemen.",
  "Het team communicatie heeft al een voorstel voor een nieuwe tekst.",
  "De klant wil weten wanneer het pakket komt & of het bezorgd wordt als hij niet thuis is.",
  "Volgens de teamleider is dit “al jaren een doorn in het oog”.",
  "Dit raakt ook de afdeling facturatie; afstemmen vóór de volgende release.",
  "Klanten met een zakelijk abonnement hebben een apart nummer, maar dat weet bijna niemand.",
  "Customers hang up after the third IVR option, see the call logs from week 12.",
  "Agents asked for a single screen with the order history.",
  "The vendor can switch this on in the current contract; no extra licence is needed.",
  "Average handling time would drop by an estimated 20 seconds per call.",
  "Needs a decision from the steering group before Q3.",
  "Complaints with the keyword <storing> should reach the second line within 4 hours.",
  "Tested with 5 agents in the Utrecht team: positive, but the script needs work.",
  "Zie ook de resultaten van het klanttevredenheidsonderzoek (NPS −12 → +3 bij de pilot).",
};

static const char * const owners[] = {
  "Team communicatie",
  "Rajaa El Amrani",
  "Pieter de Vries",
  "Sanne Jansen",
  "IT-servicedesk",
  "Operations",
  "Kwaliteit & Training",
  "Ömer Yılmaz",
  "Anouk van den Berg",
  "Workforce management",
};

static const char * const tag_pool[] = {
  "communicatie", "brieven", "ivr", "wachttijd", "crm", "kennisbank",
  "training", "website", "chat", "facturen", "klachten", "self-service",
  "escalatie", "planning", "quality", "telefonie",
};

/* Each followed by a number. */
static const char * const source_prefixes[] = {
  "Gespreksanalyse, week",
  "Call analysis, week",
  "Klanttevredenheidsonderzoek, meting",
  "Mystery calls, ronde",
};

static const char * const drop_reasons[] = {
  "Te duur voor wat het oplevert.",
  "Already covered by the new telephony platform.",
  "Past niet in de planning van IT dit jaar; volgend jaar opnieuw bekijken.",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* TRUE with the given chance, in percent. */
static gboolean
chance (GRand *rand,
        int    percent)
{
  return g_rand_int_range (rand, 0, 100) < percent;
}

static char *
make_title (GRand *rand)
{
  const char *phrase = PICK (rand, title_phrases);

  if (chance (rand, 30))
    return g_strdup_printf ("%s (%s)", phrase, PICK (rand, title_qualifiers));

  return g_strdup (phrase);
}

/* Mostly one to three sentences, sometimes none, sometimes a long text in
 * paragraphs: the mix a real workshop produces. */
static guint
pick_sentence_count (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 15)
    return 0;
  if (roll < 75)
    return g_rand_int_range (rand, 1, 4);
  if (roll < 95)
    return g_rand_int_range (rand, 4, 7);

  return g_rand_int_range (rand, 8, 16);
}

static char *
make_description (GRand *rand)
{
  guint n = pick_sentence_count (rand);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, chance (rand, 20) ? "\n\n" : " ");
      g_string_append (text, PICK (rand, description_sentences));
    }

  return g_string_free (text, FALSE);
}

static void
set_random_tags (GRand     *rand,
                 KwFinding *finding)
{
  guint n = g_rand_int_range (rand, 0, 5);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const char *tag = PICK (rand, tag_pool);

      if (!g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
        g_ptr_array_add (tags, (gpointer) tag);
    }
  g_ptr_array_add (tags, NULL);

  kw_finding_set_tags (finding, (const char * const *) tags->pdata);
}

static char *
make_iso_date_after (GRand     *rand,
                     GDateTime *start,
                     int        max_days)
{
  g_autoptr(GDateTime) date = g_date_time_add_days (start, g_rand_int_range (rand, 1, max_days));

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
set_random_dates (GRand     *rand,
                  KwFinding *finding)
{
  g_autoptr(GDateTime) origin = g_date_time_new_utc (2026, 1, 5, 8, 0, 0);
  g_autoptr(GDateTime) created = g_date_time_add_seconds (origin, g_rand_int_range (rand, 0, 300 * 86400));
  g_autoptr(GDateTime) modified = g_date_time_add_seconds (created, g_rand_int_range (rand, 0, 30 * 86400));

  if (chance (rand, 50))
    {
      g_autofree char *due = make_iso_date_after (rand, created, 365);
      kw_finding_set_due_date (finding, due);
    }
  if (chance (rand, 30))
    {
      g_autofree char *review = make_iso_date_after (rand, created, 540);
      kw_finding_set_review_date (finding, review);
    }

  /* Last: every other setter stamps "modified" with the current time. */
  kw_finding_set_created (finding, created);
  kw_finding_set_modified (finding, modified);
}

static KwStatus
pick_status (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 60)
    return KW_STATUS_OPEN;
  if (roll < 85)
    return KW_STATUS_IN_PROGRESS;

  return KW_STATUS_DONE;
}

static void
set_random_texts (GRand     *rand,
                  KwFinding *finding)
{
  g_autofree char *description = make_description (rand);

  kw_finding_set_description (finding, description);

  if (chance (rand, 80))
    kw_finding_set_owner (finding, PICK (rand, owners));

  if (chance (rand, 60))
    {
      g_autofree char *source = g_strdup_printf ("%s %d", PICK (rand, source_prefixes),
                                                 g_rand_int_range (rand, 1, 53));
      kw_finding_set_source (finding, source);
    }

  if (chance (rand, 5))
    kw_finding_set_drop_reason (finding, PICK (rand, drop_reasons));
}

static KwFinding *
make_finding (GRand *rand,
              guint  index)
{
  g_autofree char *id = g_strdup_printf ("f-%06u", index + 1);
  g_autofree char *title = make_title (rand);
  KwFinding *finding = kw_finding_new_with_id (id, title);

  set_random_texts (rand, finding);
  set_random_tags (rand, finding);
  kw_finding_set_status (finding, pick_status (rand));

  /* About one in ten is still waiting to be placed. */
  if (!chance (rand, 10))
    kw_finding_place (finding,
                      g_rand_int_range (rand, 0, 101) / 10.0,
                      g_rand_int_range (rand, 0, 101) / 10.0);

  set_random_dates (rand, finding);

  return finding;
}

/* Between two review meetings: a tenth of the findings move, change
 * status or get another owner, as they do when a board is followed up. */
static void
follow_up (GRand   *rand,
           KwBoard *board)
{
  guint n = kw_board_get_n_findings (board);

  for (guint i = 0; i < n / 10; i++)
    {
      KwFinding *finding = kw_board_get_finding (board, g_rand_int_range (rand, 0, n));

      kw_finding_place (finding,
                        g_rand_int_range (rand, 0, 101) / 10.0,
                        g_rand_int_range (rand, 0, 101) / 10.0);
      kw_finding_set_status (finding, pick_status (rand));
      if (chance (rand, 30))
        kw_finding_set_owner (finding, PICK (rand, owners));
    }
}

/* One snapshot a week from the workshop on, each after a follow-up. */
static void
take_snapshots (GRand           *rand,
                KwBoard         *board,
                const BoardSize *size)
{
  g_autoptr(GDateTime) workshop = g_date_time_new_utc (2026, 11, 20, 16, 0, 0);

  for (guint i = 0; i < size->n_snapshots; i++)
    {
      g_autoptr(GDateTime) taken = g_date_time_add_weeks (workshop, (int) i);
      g_autofree char *name = g_strdup_printf ("Review %u", i + 1);
      g_autofree char *note = chance (rand, 30) ? g_strdup ("Besproken met de teamleiders.") : NULL;
      g_autoptr(KwSnapshot) snapshot = kw_snapshot_new_from_board (board, name, note, taken);

      if (!kw_board_add_snapshot (board, snapshot, G_MAXUINT))
        g_error ("Snapshot %s was refused.", name);
      follow_up (rand, board);
    }
}

static KwBoard *
make_board (const BoardSize *size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (size->seed);
  g_autofree char *title = g_strdup_printf ("Benchmark met %u bevindingen", size->n_findings);
  KwBoard *board = kw_board_new ();

  kw_board_set_title (board, title);
  kw_board_set_organisation (board, "Voorbeeld Klantcontact BV");
  kw_board_set_facilitator (board, "Rajaa");
  kw_board_set_workshop_date (board, "2026-11-20");
  kw_board_set_notes (board, "Gegenereerd voor de benchmark.\nGenerated for the benchmark.");

  for (guint i = 0; i < size->n_findings; i++)
    {
      g_autoptr(KwFinding) finding = make_finding (rand, i);

      if (!kw_board_append_finding (board, finding))
        g_error ("Finding %s is on the board twice.", kw_finding_get_id (finding));
    }

  take_snapshots (rand, board, size);

  return board;
}

/* ---------------------------------------------------------------------- */
/* Running children                                                       */
/* ---------------------------------------------------------------------- */

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static char *
describe_status (int status)
{
  if (WIFEXITED (status))
    return g_strdup_printf ("exit status %d", WEXITSTATUS (status));
  if (WIFSIGNALED (status))
    return g_strdup_printf ("signal %d", WTERMSIG (status));

  return g_strdup_printf ("wait status %d", status);
}

/* Only async-signal-safe calls between fork and exec. */
static void G_GNUC_NORETURN
exec_child (char * const *argv,
            const char   *stdout_path)
{
  int null_fd = open ("/dev/null", O_RDWR);
  int out_fd = stdout_path != NULL
               ? open (stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0600)
               : null_fd;

  if (null_fd < 0 || out_fd < 0
      || dup2 (null_fd, STDIN_FILENO) < 0
      || dup2 (out_fd, STDOUT_FILENO) < 0
      || dup2 (null_fd, STDERR_FILENO) < 0)
    _exit (126);

  /* The measured program gets only stdin, stdout and stderr. */
  if (out_fd > STDERR_FILENO && out_fd != null_fd)
    close (out_fd);
  if (null_fd > STDERR_FILENO)
    close (null_fd);

  execv (argv[0], argv);
  _exit (127);
}

static gboolean
wait_for_child (pid_t          pid,
                int           *status,
                struct rusage *usage,
                GError       **error)
{
  while (wait4 (pid, status, 0, usage) < 0)
    {
      if (errno != EINTR)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "wait4 failed: %s", g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* Runs argv (argv[0] a full path) with stdin and stderr on /dev/null and
 * stdout on stdout_path or /dev/null. Fails unless it exits with 0. */
static gboolean
run_child (char * const *argv,
           const char   *stdout_path,
           RunResult    *result,
           GError      **error)
{
  struct rusage usage = { 0 };
  int status = 0;
  double start;
  pid_t pid;

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot start %s: %s", argv[0], g_strerror (saved_errno));
      return FALSE;
    }
  if (pid == 0)
    exec_child (argv, stdout_path);

  if (!wait_for_child (pid, &status, &usage, error))
    return FALSE;

  result->wall_ms = now_ms () - start;
  result->peak_rss_kb = usage.ru_maxrss;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *how = describe_status (status);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "“%s %s %s” ended with %s; keep the board with KW_BENCH_KEEP=1 and run it by hand to see why.",
                   argv[0], argv[1], argv[2], how);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Writing the boards                                                     */
/* ---------------------------------------------------------------------- */

/* "bench check_10k_wall_ms 41.2 ms": the size sits inside the name. */
static void
print_figure (const char *what,
              const char *label,
              const char *measure,
              double      value,
              const char *unit)
{
  int digits = g_str_equal (unit, "x") ? 2 : 1;

  printf ("bench %s_%s_%s %.*f %s\n", what, label, measure, digits, value, unit);
  fflush (stdout);
}

static gboolean
save_board (const BoardSize *size,
            const char      *path,
            GError         **error)
{
  g_autoptr(KwBoard) board = make_board (size);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  double start = now_ms ();

  if (!kw_format_save_file (board, file, NULL, NULL, NULL, error))
    return FALSE;
  print_figure ("save", size->label, "wall_ms", now_ms () - start, "ms");

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  print_figure ("board", size->label, "size_mb", g_file_info_get_size (info) / (1024.0 * 1024.0), "MB");

  return TRUE;
}

/* The board is made in a child process that then exits, so that its
 * memory is not in this process: a forked child starts with a copy of
 * its parent's pages, and they would count in the measured peak memory. */
static gboolean
write_board (const BoardSize *size,
             const char      *path,
             GError         **error)
{
  struct rusage usage;
  int status = 0;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot fork: %s", g_strerror (saved_errno));
      return FALSE;
    }
  if (pid == 0)
    {
      g_autoptr(GError) child_error = NULL;
      gboolean saved = save_board (size, path, &child_error);

      if (!saved)
        fprintf (stderr, "Cannot write %s: %s\n", path,
                 child_error != NULL ? child_error->message : "the writer gave no reason");
      fflush (NULL);
      _exit (saved ? 0 : 1);
    }

  if (!wait_for_child (pid, &status, &usage, error))
    return FALSE;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *how = describe_status (status);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Making the board of %u findings ended with %s.",
                   size->n_findings, how);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Measuring                                                              */
/* ---------------------------------------------------------------------- */

static void
samples_init (Samples *samples)
{
  samples->wall_ms = g_array_new (FALSE, FALSE, sizeof (double));
  samples->peak_rss_kb = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
samples_clear (Samples *samples)
{
  g_clear_pointer (&samples->wall_ms, g_array_unref);
  g_clear_pointer (&samples->peak_rss_kb, g_array_unref);
}

static void
samples_add (Samples         *samples,
             const RunResult *result)
{
  double rss_kb = result->peak_rss_kb;

  g_array_append_val (samples->wall_ms, result->wall_ms);
  g_array_append_val (samples->peak_rss_kb, rss_kb);
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
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_assert (n > 0);
  g_array_sort (sorted, compare_doubles);

  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);

  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2.0;
}

/* The warm-up run of --check also proves that the loader read every
 * finding: a fast failure must not pass for a fast success. */
static gboolean
warm_up_check (char * const    *argv,
               const BoardSize *size,
               const char      *output_path,
               GError         **error)
{
  RunResult ignored;
  g_autofree char *output = NULL;
  g_autofree char *expected = g_strdup_printf (": %u findings (", size->n_findings);

  if (!run_child (argv, output_path, &ignored, error))
    return FALSE;
  if (!g_file_get_contents (output_path, &output, NULL, error))
    return FALSE;

  if (strstr (output, expected) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "kwadrant --check did not report %u findings; it printed: “%s”",
                   size->n_findings, g_strchomp (output));
      return FALSE;
    }

  return TRUE;
}

/* Alternates the two programs, A B A B, so that a slow spell of a noisy
 * machine hits both alike. */
static gboolean
measure_alternating (char * const    *check_argv,
                     char * const    *xmllint_argv,
                     guint            n_runs,
                     Samples         *check,
                     Samples         *xmllint,
                     GError         **error)
{
  for (guint i = 0; i < n_runs; i++)
    {
      RunResult result;

      if (!run_child (check_argv, NULL, &result, error))
        return FALSE;
      samples_add (check, &result);

      if (!run_child (xmllint_argv, NULL, &result, error))
        return FALSE;
      samples_add (xmllint, &result);
    }

  return TRUE;
}

static void
report (const BoardSize *size,
        const Samples   *check,
        const Samples   *xmllint)
{
  double check_ms = median (check->wall_ms);
  double xmllint_ms = median (xmllint->wall_ms);
  double check_mb = median (check->peak_rss_kb) / 1024.0;
  double xmllint_mb = median (xmllint->peak_rss_kb) / 1024.0;

  print_figure ("check", size->label, "wall_ms", check_ms, "ms");
  print_figure ("xmllint", size->label, "wall_ms", xmllint_ms, "ms");
  print_figure ("check_vs_xmllint", size->label, "time_ratio", check_ms / xmllint_ms, "x");
  print_figure ("check", size->label, "peak_rss_mb", check_mb, "MB");
  print_figure ("xmllint", size->label, "peak_rss_mb", xmllint_mb, "MB");
  print_figure ("check_vs_xmllint", size->label, "rss_ratio", check_mb / xmllint_mb, "x");
}

static gboolean
measure_board (const BoardSize *size,
               const char      *kwadrant,
               const char      *xmllint,
               const char      *board_path,
               const char      *output_path,
               GError         **error)
{
  char *check_argv[] = { (char *) kwadrant, (char *) "--check", (char *) board_path, NULL };
  char *xmllint_argv[] = { (char *) xmllint, (char *) "--noout", (char *) board_path, NULL };
  RunResult ignored;
  Samples check, xml;
  gboolean ok;

  if (!write_board (size, board_path, error))
    return FALSE;

  if (!warm_up_check (check_argv, size, output_path, error)
      || !run_child (xmllint_argv, NULL, &ignored, error))
    return FALSE;

  samples_init (&check);
  samples_init (&xml);
  ok = measure_alternating (check_argv, xmllint_argv, size->n_runs, &check, &xml, error);
  if (ok)
    report (size, &check, &xml);
  samples_clear (&check);
  samples_clear (&xml);

  return ok;
}

/* Set KW_BENCH_KEEP=1 to keep the boards, e.g. to profile the loader on
 * exactly the boards measured here. */
static gboolean
keep_boards (void)
{
  return g_strcmp0 (g_getenv ("KW_BENCH_KEEP"), "1") == 0;
}

static gboolean
bench_size (const BoardSize *size,
            const char      *kwadrant,
            const char      *xmllint,
            const char      *tmpdir,
            GError         **error)
{
  g_autofree char *name = g_strdup_printf ("board-%s.kwadrant", size->label);
  g_autofree char *board_path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *output_path = g_build_filename (tmpdir, "check-output.txt", NULL);
  gboolean ok;

  ok = measure_board (size, kwadrant, xmllint, board_path, output_path, error);

  /* Boards of 100,000 findings are large: never leave one behind unasked. */
  if (!keep_boards ())
    g_unlink (board_path);
  g_unlink (output_path);

  return ok;
}

/* Short names are resolved on PATH, so "bench-check kwadrant" works too. */
static char *
find_program (const char *name,
              const char *hint,
              GError    **error)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "Cannot find the program %s (%s).", name, hint);

  return path;
}

static gboolean
run_benchmark (const char  *kwadrant_name,
               GError     **error)
{
  g_autofree char *kwadrant = NULL;
  g_autofree char *xmllint = NULL;
  g_autofree char *tmpdir = NULL;
  gboolean ok = TRUE;

  if ((kwadrant = find_program (kwadrant_name, "build kwadrant first", error)) == NULL
      || (xmllint = find_program ("xmllint", "apt-get install libxml2-utils", error)) == NULL)
    return FALSE;

  if ((tmpdir = g_dir_make_tmp ("kwadrant-bench-XXXXXX", error)) == NULL)
    return FALSE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (board_sizes); i++)
    ok = bench_size (&board_sizes[i], kwadrant, xmllint, tmpdir, error);

  if (keep_boards ())
    fprintf (stderr, "bench-check: the boards are in %s\n", tmpdir);
  else
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

  /* The children inherit these: the same conditions as the tests. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!run_benchmark (kwadrant, &error))
    {
      fprintf (stderr, "bench-check: %s\n", error->message);
      return 1;
    }

  return 0;
}
