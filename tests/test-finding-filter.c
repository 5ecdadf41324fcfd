/* test-finding-filter.c: KwFindingFilter, the search and tag filter: what
 * the search finds (ignoring case, in which texts), what a tag restricts,
 * and "changed" only on a real change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "kw-finding-filter.h"

static KwFinding *
new_finding (const char         *title,
             KwFindingText       which,
             const char         *text,
             const char * const *tags)
{
  KwFinding *finding = kw_finding_new (title);

  if (text != NULL)
    kw_finding_set_text (finding, which, text);
  if (tags != NULL)
    kw_finding_set_tags (finding, tags);

  return finding;
}

static void
changed_cb (GtkFilter       *filter,
            GtkFilterChange  change,
            guint           *n_changed)
{
  (*n_changed)++;
}

static void
test_search (void)
{
  g_autoptr(KwFindingFilter) filter = kw_finding_filter_new ();
  const char * const tags[] = { "Telefonie", NULL };
  g_autoptr(KwFinding) by_title = new_finding ("Wachttijd ÉÉN minuut", KW_FINDING_TEXT_TITLE, NULL, NULL);
  g_autoptr(KwFinding) by_owner = new_finding ("Iets anders", KW_FINDING_TEXT_OWNER, "Een minuut-team", NULL);
  g_autoptr(KwFinding) by_source = new_finding ("Nog iets", KW_FINDING_TEXT_SOURCE, "minuutmeting", NULL);
  g_autoptr(KwFinding) by_tag = new_finding ("Bellen", KW_FINDING_TEXT_TITLE, NULL, tags);
  g_autoptr(KwFinding) none = new_finding ("Niets", KW_FINDING_TEXT_DESCRIPTION, "helemaal niets", NULL);

  /* No search: everything matches. */
  g_assert_true (kw_finding_filter_matches (filter, none));
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);

  kw_finding_filter_set_search (filter, "  MINUUT ");
  g_assert_cmpstr (kw_finding_filter_get_search (filter), ==, "MINUUT");
  g_assert_true (kw_finding_filter_matches (filter, by_title));
  g_assert_true (kw_finding_filter_matches (filter, by_owner));
  g_assert_true (kw_finding_filter_matches (filter, by_source));
  g_assert_false (kw_finding_filter_matches (filter, none));

  /* Accents fold by case too; tags are searched. */
  kw_finding_filter_set_search (filter, "één");
  g_assert_true (kw_finding_filter_matches (filter, by_title));
  kw_finding_filter_set_search (filter, "telefon");
  g_assert_true (kw_finding_filter_matches (filter, by_tag));
  g_assert_false (kw_finding_filter_matches (filter, by_title));

  /* Only spaces is no search. */
  kw_finding_filter_set_search (filter, "   ");
  g_assert_null (kw_finding_filter_get_search (filter));
  g_assert_true (kw_finding_filter_matches (filter, none));
}

static void
test_tag (void)
{
  g_autoptr(KwFindingFilter) filter = kw_finding_filter_new ();
  const char * const phone[] = { "Telefonie", NULL };
  const char * const mail[] = { "Mail", NULL };
  g_autoptr(KwFinding) calls = new_finding ("Terugbellen", KW_FINDING_TEXT_TITLE, NULL, phone);
  g_autoptr(KwFinding) mails = new_finding ("Terugmailen", KW_FINDING_TEXT_TITLE, NULL, mail);

  kw_finding_filter_set_tag (filter, "Telefonie");
  g_assert_true (kw_finding_filter_matches (filter, calls));
  g_assert_false (kw_finding_filter_matches (filter, mails));
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_SOME);

  /* Tag and search together: both must hold. */
  kw_finding_filter_set_search (filter, "mailen");
  g_assert_false (kw_finding_filter_matches (filter, calls));
  g_assert_false (kw_finding_filter_matches (filter, mails));

  kw_finding_filter_set_tag (filter, NULL);
  g_assert_true (kw_finding_filter_matches (filter, mails));
  /* As a GtkFilter, over any item. */
  g_assert_true (gtk_filter_match (GTK_FILTER (filter), mails));
  g_assert_false (gtk_filter_match (GTK_FILTER (filter), calls));
}

static void
test_changed_only_on_change (void)
{
  g_autoptr(KwFindingFilter) filter = kw_finding_filter_new ();
  guint n_changed = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &n_changed);

  kw_finding_filter_set_search (filter, "wacht");
  kw_finding_filter_set_search (filter, "wacht ");
  g_assert_cmpuint (n_changed, ==, 1);
  kw_finding_filter_set_tag (filter, "Mail");
  kw_finding_filter_set_tag (filter, "Mail");
  g_assert_cmpuint (n_changed, ==, 2);
  kw_finding_filter_set_search (filter, NULL);
  kw_finding_filter_set_tag (filter, NULL);
  g_assert_cmpuint (n_changed, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finding-filter/search", test_search);
  g_test_add_func ("/finding-filter/tag", test_tag);
  g_test_add_func ("/finding-filter/changed-only-on-change", test_changed_only_on_change);

  return g_test_run ();
}
