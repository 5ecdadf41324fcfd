/* test-file-names.c: the names kw-file-names.c gives files: the one rule
 * for a chosen file's extension, and the stem a board saved untitled
 * takes as its title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "kw-file-names.h"

/* The basename kw_file_ensure_suffix() gives typed in /tmp/kw. */
static char *
ensured (const char *typed,
         const char *suffix)
{
  g_autofree char *path = g_build_filename ("/tmp", "kw", typed, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) result = kw_file_ensure_suffix (file, suffix);
  g_autoptr(GFile) parent = g_file_get_parent (result);
  g_autofree char *parent_path = g_file_get_path (parent);

  g_assert_cmpstr (parent_path, ==, "/tmp/kw");

  return g_file_get_basename (result);
}

#define assert_ensured(typed, suffix, expected) \
  G_STMT_START { \
    g_autofree char *_name = ensured (typed, suffix); \
    g_assert_cmpstr (_name, ==, expected); \
  } G_STMT_END

static void
test_suffix_added (void)
{
  assert_ensured ("workshop-december", ".kwadrant", "workshop-december.kwadrant");
  assert_ensured ("plan", ".html", "plan.html");
  /* A dot in the name is not an extension. */
  assert_ensured ("plan v1.2", ".html", "plan v1.2.html");
  assert_ensured ("plan.htm", ".html", "plan.htm.html");
}

static void
test_suffix_kept (void)
{
  assert_ensured ("workshop-december.kwadrant", ".kwadrant", "workshop-december.kwadrant");
  /* As typed: upper case stays. */
  assert_ensured ("Matrix.SVG", ".svg", "Matrix.SVG");
  assert_ensured (".kwadrant", ".kwadrant", ".kwadrant");
}

/* Typed over the chooser's "Untitled board.kwadrant", whose extension
 * GTK leaves unselected: the suffix counts once (issue 12). */
static void
test_suffix_not_doubled (void)
{
  assert_ensured ("workshop-december.kwadrant.kwadrant", ".kwadrant", "workshop-december.kwadrant");
  assert_ensured ("plan.html.html", ".html", "plan.html");
  assert_ensured ("plan.HTML.html", ".html", "plan.html");
  assert_ensured ("x.csv.csv.csv", ".csv", "x.csv");
}

static void
test_display_stem (void)
{
  g_autoptr(GFile) board = g_file_new_for_path ("/tmp/kw/workshop-december.kwadrant");
  g_autoptr(GFile) upper = g_file_new_for_path ("/tmp/kw/Workshop.KWADRANT");
  g_autoptr(GFile) other = g_file_new_for_path ("/tmp/kw/notes.txt");
  g_autoptr(GFile) remote = g_file_new_for_uri ("sftp://server/werkbord%20maart.kwadrant");
  g_autofree char *board_stem = kw_file_dup_display_stem (board, ".kwadrant");
  g_autofree char *upper_stem = kw_file_dup_display_stem (upper, ".kwadrant");
  g_autofree char *other_stem = kw_file_dup_display_stem (other, ".kwadrant");
  g_autofree char *remote_stem = kw_file_dup_display_stem (remote, ".kwadrant");

  g_assert_cmpstr (board_stem, ==, "workshop-december");
  g_assert_cmpstr (upper_stem, ==, "Workshop");
  g_assert_cmpstr (other_stem, ==, "notes.txt");
  g_assert_cmpstr (remote_stem, ==, "werkbord maart");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-names/suffix-added", test_suffix_added);
  g_test_add_func ("/file-names/suffix-kept", test_suffix_kept);
  g_test_add_func ("/file-names/suffix-not-doubled", test_suffix_not_doubled);
  g_test_add_func ("/file-names/display-stem", test_display_stem);

  return g_test_run ();
}
