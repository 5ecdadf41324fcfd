/* test-save-crash.c: the saving half of tests/test-save-crash.sh.
 *
 * Builds a large board in two versions, A and B, that differ in every
 * finding, so a file mixing the two (or cut short) can never pass for
 * either of them.
 *
 *   test-save-crash references DIR N   saves A and B as DIR/a.kwadrant and
 *                                      DIR/b.kwadrant
 *   test-save-crash loop FILE N        saves B, A, B, A… over FILE until it
 *                                      is killed, in step with whoever reads
 *                                      its output: prints "ready" once the
 *                                      boards are built; at each stage of a
 *                                      save prints "stage NAME WRITTEN TOTAL"
 *                                      (NAME one of created, writing, written,
 *                                      flushed, renamed; WRITTEN of TOTAL
 *                                      bytes in the temporary file) and
 *                                      waits for a line "go" on its input
 *                                      before it goes on; after each save
 *                                      prints "saved A" or "saved B"
 *   test-save-crash once FILE N        saves A over FILE once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "kw-file-replace.h"
#include "kw-format.h"

/* Every finding carries text, tags and dates, so the board is several MB
 * at 20,000 findings, as a long programme of workshops would be. */
static KwBoard *
build_board (char  version,
             guint n_findings)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 3, 1, 9, 30, 0);
  g_autofree char *title = g_strdup_printf ("Bord %c", version);
  const char *tags[] = { "telefonie", "e-mail", NULL };

  kw_board_set_title (board, title);
  kw_board_set_organisation (board, "Klantcontact Noord");

  for (guint i = 0; i < n_findings; i++)
    {
      g_autofree char *id = g_strdup_printf ("f%05u", i);
      g_autofree char *finding_title = g_strdup_printf ("Bevinding %u, versie %c", i, version);
      g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, finding_title);

      kw_finding_set_description (finding,
                                  "Klanten wachten te lang in de wachtrij na 17:00 uur, "
                                  "omdat de avonddienst kleiner is dan het aanbod vraagt.");
      kw_finding_set_owner (finding, version == 'A' ? "Teamleider A" : "Teamleider B");
      kw_finding_set_source (finding, "Workshop klantreis");
      kw_finding_set_tags (finding, tags);
      if (i % 10 != 0)
        kw_finding_place (finding, (i * 7 % 101) / 100.0, version == 'A' ? 0.25 : 0.75);
      /* Last: every change above stamps the finding as modified now, and
       * the two processes must write byte for byte the same board. */
      kw_finding_set_created (finding, created);
      kw_finding_set_modified (finding, created);
      g_assert_true (kw_board_append_finding (board, finding));
    }

  return g_steal_pointer (&board);
}

static void
save_or_die (KwBoard *board,
             GFile   *file)
{
  g_autoptr(GError) error = NULL;

  if (!kw_format_save_file (board, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("test-save-crash: %s\n", error->message);
      exit (1);
    }
}

static int
save_references (const char *dir,
                 guint       n_findings)
{
  g_autoptr(KwBoard) a = build_board ('A', n_findings);
  g_autoptr(KwBoard) b = build_board ('B', n_findings);
  g_autofree char *a_path = g_build_filename (dir, "a.kwadrant", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.kwadrant", NULL);
  g_autoptr(GFile) a_file = g_file_new_for_path (a_path);
  g_autoptr(GFile) b_file = g_file_new_for_path (b_path);

  save_or_die (a, a_file);
  save_or_die (b, b_file);
  return 0;
}

static const char *
stage_name (KwFileReplaceStage stage)
{
  switch (stage)
    {
    case KW_FILE_REPLACE_CREATED: return "created";
    case KW_FILE_REPLACE_WRITING: return "writing";
    case KW_FILE_REPLACE_WRITTEN: return "written";
    case KW_FILE_REPLACE_FLUSHED: return "flushed";
    case KW_FILE_REPLACE_RENAMED: return "renamed";
    default: g_assert_not_reached ();
    }
}

/* Holds the save at each stage until the driver says "go": the driver's
 * SIGKILL lands exactly at the stage it picked, or at a moment it picked
 * between this stage and the next, however fast the machine is. */
static void
report_stage_and_wait (KwFileReplaceStage stage,
                       gsize              written,
                       gsize              total,
                       gpointer           user_data)
{
  char line[16];

  printf ("stage %s %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "\n", stage_name (stage), written, total);
  fflush (stdout);

  if (fgets (line, sizeof line, stdin) == NULL || !g_str_equal (line, "go\n"))
    {
      g_printerr ("test-save-crash: expected \"go\" after stage %s\n", stage_name (stage));
      exit (1);
    }
}

/* The same path as kw_format_save_file(), with an observer. */
static void
save_in_step_or_die (KwBoard *board,
                     GFile   *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = kw_format_save_bytes (board, &error);
  if (bytes == NULL ||
      !kw_file_replace (file, bytes, NULL, NULL, report_stage_and_wait, NULL, NULL, &error))
    {
      g_printerr ("test-save-crash: %s\n", error->message);
      exit (1);
    }
}

static int
save_in_a_loop (const char *path,
                guint       n_findings)
{
  g_autoptr(KwBoard) a = build_board ('A', n_findings);
  g_autoptr(KwBoard) b = build_board ('B', n_findings);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  printf ("ready\n");
  fflush (stdout);

  for (guint64 i = 0; ; i++)
    {
      save_in_step_or_die (i % 2 == 0 ? b : a, file);
      printf ("saved %c\n", i % 2 == 0 ? 'B' : 'A');
      fflush (stdout);
    }

  return 0;
}

static int
save_once (const char *path,
           guint       n_findings)
{
  g_autoptr(KwBoard) a = build_board ('A', n_findings);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  save_or_die (a, file);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  guint64 n_findings;

  if (argc != 4 || !g_ascii_string_to_unsigned (argv[3], 10, 1, 1000000, &n_findings, NULL))
    {
      g_printerr ("usage: test-save-crash references DIR N | loop FILE N | once FILE N\n");
      return 2;
    }

  if (g_str_equal (argv[1], "references"))
    return save_references (argv[2], (guint) n_findings);
  if (g_str_equal (argv[1], "once"))
    return save_once (argv[2], (guint) n_findings);
  if (g_str_equal (argv[1], "loop"))
    return save_in_a_loop (argv[2], (guint) n_findings);

  g_printerr ("test-save-crash: unknown mode %s\n", argv[1]);
  return 2;
}
