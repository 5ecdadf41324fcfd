/* test-catalog.c: the translations of an export in another language than
 * the UI's: KwCatalog reading the built Dutch catalog and broken ones, and
 * kw_plan_language_push() switching the calling thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kw-catalog.h"
#include "kw-i18n.h"
#include "kw-plan-text.h"

static char *
built_catalog_path (void)
{
  const char *build_dir = g_getenv ("KW_BUILD_DIR");

  if (build_dir == NULL)
    return NULL;
  return g_build_filename (build_dir, "po", "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

static KwCatalog *
load_built_catalog (void)
{
  g_autofree char *path = built_catalog_path ();
  g_autoptr(GError) error = NULL;
  KwCatalog *catalog;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  catalog = kw_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  return catalog;
}

static void
test_lookup (void)
{
  g_autoptr(KwCatalog) catalog = load_built_catalog ();

  if (catalog == NULL)
    {
      g_test_skip ("KW_BUILD_DIR has no built Dutch catalog");
      return;
    }

  g_assert_cmpstr (kw_catalog_lookup (catalog, "Future list"), ==, "Lijst voor later");
  g_assert_cmpstr (kw_catalog_lookup (catalog, "Drop"), ==, "Schrappen");
  /* With a context, as C_() asks. */
  g_assert_cmpstr (kw_catalog_lookup (catalog, "decimal separator\004."), ==, ",");
  g_assert_null (kw_catalog_lookup (catalog, "A string nobody translated"));
  /* The header entry is no translation of "". */
  g_assert_nonnull (kw_catalog_lookup (catalog, ""));

  /* Plural forms, by the singular: the first for 1, the second for the
   * rest (Dutch: nplurals=2; plural=(n != 1)). */
  g_assert_cmpstr (kw_catalog_lookup_plural (catalog, "%u action is overdue", 1), ==, "%u actie is te laat");
  g_assert_cmpstr (kw_catalog_lookup_plural (catalog, "%u action is overdue", 0), ==, "%u acties zijn te laat");
  g_assert_cmpstr (kw_catalog_lookup_plural (catalog, "%u action is overdue", 7), ==, "%u acties zijn te laat");
  g_assert_null (kw_catalog_lookup_plural (catalog, "A string nobody translated", 2));
  /* An entry without plural forms has no second one. */
  g_assert_cmpstr (kw_catalog_lookup_plural (catalog, "Drop", 1), ==, "Schrappen");
  g_assert_null (kw_catalog_lookup_plural (catalog, "Drop", 2));
}

/* A catalog file with the given bytes; returns its path. */
static char *
write_catalog (const char   *dir,
               const char   *name,
               const guint8 *bytes,
               gsize         length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) bytes, (gssize) length, &error);
  g_assert_no_error (error);
  return path;
}

#define WORD(w) (guint8) ((w) & 0xff), (guint8) (((w) >> 8) & 0xff), \
                (guint8) (((w) >> 16) & 0xff), (guint8) (((w) >> 24) & 0xff)

static void
test_broken_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kw-catalog-XXXXXX", NULL);
  static const guint8 empty[] = { 0 };
  static const guint8 not_mo[] = "# a .po file, not compiled\nmsgid \"\"\n";
  /* The right magic, one string, tables far beyond the end. */
  static const guint8 tables_outside[] = {
    WORD (0x950412deU), WORD (0), WORD (1), WORD (0x7fffff00U), WORD (0x7fffff00U),
  };
  /* Tables inside, but the string they point at runs past the end. */
  static const guint8 string_outside[] = {
    WORD (0x950412deU), WORD (0), WORD (1), WORD (20), WORD (28),
    WORD (200), WORD (0), WORD (200), WORD (0),
  };
  struct {
    const char   *name;
    const guint8 *bytes;
    gsize         length;
  } cases[] = {
    { "empty.mo", empty, 0 },
    { "po.mo", not_mo, sizeof not_mo - 1 },
    { "tables-outside.mo", tables_outside, sizeof tables_outside },
  };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = write_catalog (dir, cases[i].name, cases[i].bytes, cases[i].length);
      g_autoptr(GError) error = NULL;
      g_autoptr(KwCatalog) catalog = kw_catalog_new_from_file (path, &error);

      g_assert_null (catalog);
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
      g_unlink (path);
    }

  {
    g_autofree char *path = write_catalog (dir, "string-outside.mo", string_outside, sizeof string_outside);
    g_autoptr(GError) error = NULL;
    g_autoptr(KwCatalog) catalog = kw_catalog_new_from_file (path, &error);

    /* It opens (its tables fit) but finds nothing, reading nothing past
     * the end (AddressSanitizer would say). */
    g_assert_no_error (error);
    g_assert_null (kw_catalog_lookup (catalog, "Drop"));
    g_unlink (path);
  }

  {
    g_autofree char *path = g_build_filename (dir, "missing.mo", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_null (kw_catalog_new_from_file (path, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }

  g_rmdir (dir);
}

static void
test_push_nests (void)
{
  g_autofree char *path = built_catalog_path ();

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("KW_BUILD_DIR has no built Dutch catalog");
      return;
    }

  /* The tests run in C.UTF-8: the UI language is English. */
  g_assert_cmpstr (_("Future list"), ==, "Future list");
  {
    g_autoptr(KwPlanLanguage) dutch = kw_plan_language_push ("nl");

    g_assert_cmpstr (_("Future list"), ==, "Lijst voor later");
    g_assert_cmpstr (kw_plan_language_get_code (), ==, "nl");
    {
      g_autoptr(KwPlanLanguage) english = kw_plan_language_push ("en");

      g_assert_cmpstr (_("Future list"), ==, "Future list");
      g_assert_cmpstr (kw_plan_language_get_code (), ==, "en");
    }
    {
      /* No language: the one in force goes on. */
      g_autoptr(KwPlanLanguage) same = kw_plan_language_push (NULL);

      g_assert_cmpstr (_("Future list"), ==, "Lijst voor later");
    }
    g_assert_cmpstr (_("Future list"), ==, "Lijst voor later");
  }
  g_assert_cmpstr (_("Future list"), ==, "Future list");
}

typedef struct
{
  gint      stop;
  gint      dutch_seen;
  gboolean  english_only;
} Race;

/* Translates with Dutch pushed in its own thread, over and over. */
static gpointer
dutch_export_thread (gpointer user_data)
{
  Race *race = user_data;

  while (!g_atomic_int_get (&race->stop))
    {
      g_autoptr(KwPlanLanguage) dutch = kw_plan_language_push ("nl");

      if (g_str_equal (_("Future list"), "Lijst voor later"))
        g_atomic_int_inc (&race->dutch_seen);
    }
  return NULL;
}

/* An export in Dutch in a thread while the main thread goes on in English:
 * the main thread never sees a Dutch string. */
static void
test_push_is_per_thread (void)
{
  g_autofree char *path = built_catalog_path ();
  Race race = { 0, 0, TRUE };
  GThread *thread;
  gint64 end;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("KW_BUILD_DIR has no built Dutch catalog");
      return;
    }

  thread = g_thread_new ("dutch-export", dutch_export_thread, &race);
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < end || g_atomic_int_get (&race.dutch_seen) == 0)
    {
      if (!g_str_equal (_("Future list"), "Future list"))
        race.english_only = FALSE;
    }
  g_atomic_int_set (&race.stop, 1);
  g_thread_join (thread);

  g_assert_true (race.english_only);
  g_assert_cmpint (race.dutch_seen, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* Where the app binds its domain (main.c): the build tree's catalogs. */
  if (g_getenv ("KW_BUILD_DIR") != NULL)
    {
      po_dir = g_build_filename (g_getenv ("KW_BUILD_DIR"), "po", NULL);
      bindtextdomain (GETTEXT_PACKAGE, po_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    }

  g_test_add_func ("/catalog/lookup", test_lookup);
  g_test_add_func ("/catalog/broken-files", test_broken_files);
  g_test_add_func ("/catalog/push-nests", test_push_nests);
  g_test_add_func ("/catalog/push-is-per-thread", test_push_is_per_thread);

  return g_test_run ();
}
