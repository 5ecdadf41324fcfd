/* bad-files.h: the hostile corpus listed in tests/data/bad-files.txt, for
 * the C tests that run it (test-format, test-csv, test-hostile-window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *file;   /* relative to tests/data, e.g. "format/truncated.kwadrant" */
  char *code;   /* the error code's name without its prefix, e.g. "NOT_XML" */
  int   line;   /* line or spreadsheet row in the message, 0 for none */
  char *words;  /* the problem, as the message states it */
} BadFile;

static void G_GNUC_UNUSED
bad_file_free (BadFile *bad)
{
  g_free (bad->file);
  g_free (bad->code);
  g_free (bad->words);
  g_free (bad);
}

static char * G_GNUC_UNUSED
bad_files_data_path (const char *relative)
{
  const char *root = g_getenv ("KW_SOURCE_DIR");

  g_assert_nonnull (root);

  return g_build_filename (root, "tests", "data", relative, NULL);
}

/* The entries whose file starts with prefix ("format/", "csv/bad/"), in
 * the order of the list. A malformed line fails the test. */
static GPtrArray * G_GNUC_UNUSED
bad_files_load (const char *prefix)
{
  g_autofree char *list = bad_files_data_path ("bad-files.txt");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) bad_file_free);

  g_file_get_contents (list, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      BadFile *bad;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 4);
      if (g_strv_length (fields) != 4)
        g_error ("bad-files.txt line %u does not have four tab-separated fields", i + 1);
      if (!g_str_has_prefix (fields[0], prefix))
        continue;

      bad = g_new0 (BadFile, 1);
      bad->file = g_strdup (fields[0]);
      bad->code = g_strdup (fields[1]);
      bad->line = atoi (fields[2]);
      bad->words = g_strdup (fields[3]);
      g_ptr_array_add (result, bad);
    }

  g_assert_cmpuint (result->len, >, 0);

  return result;
}

/* Checks that every file in the folder (tests/data/DIR) with the suffix is
 * listed, but for the ones in except: a file added to the corpus without
 * its expected error would otherwise go untested. */
static void G_GNUC_UNUSED
bad_files_assert_complete (GPtrArray          *bad_files,
                           const char         *dir,
                           const char         *suffix,
                           const char * const *except)
{
  g_autofree char *path = bad_files_data_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = g_dir_open (path, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *relative = g_strconcat (dir, "/", name, NULL);
      gboolean listed = g_strv_contains (except, name);

      if (!g_str_has_suffix (name, suffix))
        continue;
      for (guint i = 0; i < bad_files->len && !listed; i++)
        listed = g_str_equal (((BadFile *) g_ptr_array_index (bad_files, i))->file, relative);
      if (!listed)
        g_error ("%s is in the corpus but not in tests/data/bad-files.txt", relative);
    }
}
