/* test-export-ics.c: the iCalendar export's rules, read back with
 * libical's parser: which findings give which events, the dates and the
 * export time, UIDs that survive edits of a finding but not a change of
 * board, "overdue" as of the export, text through escaping and folding,
 * and a board with nothing to export. (test-export-ics.py reads the file
 * with two parsers from elsewhere.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "kw-export-ics.h"

#define NOW_UNIX 1796983200  /* 2026-12-11T10:00:00Z */

static KwFinding *
add_finding (KwBoard    *board,
             const char *id,
             const char *title,
             double      impact,
             double      effort,
             const char *due,
             const char *review,
             KwStatus    status)
{
  g_autoptr(KwFinding) finding = kw_finding_new_with_id (id, title);

  if (impact >= 0)
    kw_finding_place (finding, impact, effort);
  kw_finding_set_due_date (finding, due);
  kw_finding_set_review_date (finding, review);
  kw_finding_set_status (finding, status);
  kw_finding_set_owner (finding, "Team A, team B");
  g_assert_true (kw_board_append_finding (board, finding));

  return finding;
}

/* Every outcome, every status, dates where they count and where not. */
static KwBoard *
make_board (void)
{
  KwBoard *board = kw_board_new ();

  kw_board_set_title (board, "Klantcontact");
  kw_board_set_workshop_date (board, "2026-11-18");
  add_finding (board, "qw", "Quick", 8, 2, "2027-01-15", "2027-03-01", KW_STATUS_OPEN);
  add_finding (board, "qw-done", "Done", 8, 2, "2027-01-20", "2027-04-01", KW_STATUS_DONE);
  add_finding (board, "sf", "Small", 2, 0.5, "2026-12-10", "", KW_STATUS_IN_PROGRESS);
  add_finding (board, "lt", "Long", 9, 8, "2027-06-30", "", KW_STATUS_OPEN);
  add_finding (board, "lt-nodate", "Long, no date", 9, 8, "", "", KW_STATUS_OPEN);
  add_finding (board, "fu", "Future", 3, 3, "2027-01-01", "2027-05-01", KW_STATUS_OPEN);
  add_finding (board, "dr", "Dropped", 2, 9, "2027-01-01", "2027-02-01", KW_STATUS_OPEN);
  add_finding (board, "un", "Unplaced", -1, -1, "2027-01-01", "2027-02-02", KW_STATUS_OPEN);

  return board;
}

static icalcomponent *
export_and_parse (KwBoard   *board,
                  GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  KwExportIcsOptions options = { "en", now };
  g_autoptr(GBytes) bytes = kw_export_ics_bytes (board, &options, &error);
  g_autofree char *text = NULL;
  icalcomponent *calendar;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);

  return calendar;
}

static GDateTime *
export_time (void)
{
  return g_date_time_new_from_unix_utc (NOW_UNIX);
}

/* UID → SUMMARY of every event. */
static GHashTable *
summaries_by_uid (icalcomponent *calendar)
{
  GHashTable *summaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_false (g_hash_table_contains (summaries, icalcomponent_get_uid (event)));
      g_hash_table_insert (summaries, g_strdup (icalcomponent_get_uid (event)),
                           g_strdup (icalcomponent_get_summary (event)));
    }

  return summaries;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *summary)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_strcmp0 (icalcomponent_get_summary (event), summary) == 0)
        return event;
    }

  return NULL;
}

static void
assert_whole_day (icalcomponent *event,
                  int            year,
                  int            month,
                  int            day)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype end = icalcomponent_get_dtend (event);

  g_assert_true (start.is_date && end.is_date);
  g_assert_cmpint (start.year, ==, year);
  g_assert_cmpint (start.month, ==, month);
  g_assert_cmpint (start.day, ==, day);
  icaltime_adjust (&start, 1, 0, 0, 0);
  g_assert_cmpint (icaltime_compare_date_only (start, end), ==, 0);
}

static void
test_events (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(GDateTime) now = export_time ();
  icalcomponent *calendar = export_and_parse (board, now);
  const char * const expected[] = {
    "Quick win: Quick", "Review: Quick", "Small fix: Small", "Long-term plan: Long",
    "Review: Future", "Review: Dropped", "Review: Unplaced",
  };
  icalcomponent *event;
  struct icaltimetype stamp;
  g_autoptr(GHashTable) summaries = summaries_by_uid (calendar);

  g_assert_cmpuint (kw_export_ics_count_events (board), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (g_hash_table_size (summaries), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (find_event (calendar, expected[i]));

  event = find_event (calendar, "Quick win: Quick");
  assert_whole_day (event, 2027, 1, 15);
  assert_whole_day (find_event (calendar, "Review: Quick"), 2027, 3, 1);
  g_assert_true (g_str_has_prefix (icalcomponent_get_uid (event), "qw-due-"));
  g_assert_true (g_str_has_prefix (icalcomponent_get_uid (find_event (calendar, "Review: Quick")), "qw-review-"));

  stamp = icalcomponent_get_dtstamp (event);
  g_assert_true (icaltime_is_utc (stamp));
  g_assert_cmpint ((gint64) icaltime_as_timet (stamp), ==, NOW_UNIX);
  g_assert_cmpint (icalproperty_get_transp (icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY)), ==,
                   ICAL_TRANSP_TRANSPARENT);
  g_assert_cmpstr (icalproperty_get_categories (icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY)),
                   ==, "Quick wins");
  g_assert_null (icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY));
  g_assert_null (icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Owner: Team A, team B\n"));
  g_assert_true (g_str_has_suffix (icalcomponent_get_description (event), "\nBoard: Klantcontact"));

  icalcomponent_free (calendar);
}

/* Whatever happens to a finding, its events keep their UIDs, so a calendar
 * that imports the new export updates them; another board (the same ids,
 * another title or workshop date) gives other UIDs. */
static void
test_uids_stable (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  icalcomponent *first = export_and_parse (board, now);
  icalcomponent *second;
  g_autoptr(GHashTable) before = summaries_by_uid (first);
  g_autoptr(GHashTable) after = NULL;
  KwFinding *quick = kw_board_lookup_finding (board, "qw");
  GHashTableIter iter;
  gpointer uid;

  kw_finding_set_title (quick, "Quick, renamed");
  kw_finding_place (quick, 9, 8);  /* now on the long-term plan */
  kw_finding_set_due_date (quick, "2027-02-01");
  second = export_and_parse (board, later);
  after = summaries_by_uid (second);

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &uid, NULL))
    g_assert_true (g_hash_table_contains (after, uid));
  g_assert_nonnull (find_event (second, "Long-term plan: Quick, renamed"));
  assert_whole_day (find_event (second, "Long-term plan: Quick, renamed"), 2027, 2, 1);
  g_assert_cmpstr (icalcomponent_get_uid (find_event (second, "Long-term plan: Quick, renamed")), ==,
                   icalcomponent_get_uid (find_event (first, "Quick win: Quick")));
  icalcomponent_free (second);

  for (guint change = 0; change < 2; change++)
    {
      g_autoptr(KwBoard) other = make_board ();
      g_autoptr(GHashTable) others = NULL;
      icalcomponent *calendar;

      if (change == 0)
        kw_board_set_title (other, "Klantcontact 2");
      else
        kw_board_set_workshop_date (other, "2026-11-19");
      calendar = export_and_parse (other, now);
      others = summaries_by_uid (calendar);
      g_hash_table_iter_init (&iter, others);
      while (g_hash_table_iter_next (&iter, &uid, NULL))
        g_assert_false (g_hash_table_contains (before, uid));
      icalcomponent_free (calendar);
    }

  icalcomponent_free (first);
}

/* "overdue" is judged at the export's time, not the test's. */
static void
test_overdue (void)
{
  g_autoptr(KwBoard) board = make_board ();
  g_autoptr(GDateTime) before = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2026, 12, 20, 12, 0, 0);
  icalcomponent *early = export_and_parse (board, before);
  icalcomponent *late = export_and_parse (board, after);

  g_assert_nonnull (strstr (icalcomponent_get_description (find_event (early, "Small fix: Small")),
                            "Due date: 10 December 2026\n"));
  g_assert_nonnull (strstr (icalcomponent_get_description (find_event (late, "Small fix: Small")),
                            "Due date: 10 December 2026, overdue\n"));

  icalcomponent_free (early);
  icalcomponent_free (late);
}

/* Text a calendar has to escape and fold comes back as it was. */
static void
test_text_round_trip (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GString) title = g_string_new ("Comma, semicolon; backslash \\ \\n emoji \xf0\x9f\x98\x80 ");
  g_autoptr(GDateTime) now = export_time ();
  g_autofree char *summary = NULL;
  const char *description = "First line\nsecond, with; \\ and \xc3\xa9\n\nlast";
  KwFinding *finding;
  icalcomponent *calendar;
  icalcomponent *event;

  while (g_utf8_strlen (title->str, -1) < 500)
    g_string_append (title, "\xc3\xa9");
  kw_board_set_title (board, "Board, with; all \\ of it");
  finding = add_finding (board, "text", title->str, 8, 2, "2027-01-15", "", KW_STATUS_OPEN);
  kw_finding_set_description (finding, description);
  g_assert_cmpstr (kw_finding_get_title (finding), ==, title->str);

  calendar = export_and_parse (board, now);
  summary = g_strconcat ("Quick win: ", title->str, NULL);
  event = find_event (calendar, summary);
  g_assert_nonnull (event);
  g_assert_true (g_str_has_prefix (icalcomponent_get_description (event), description));
  g_assert_true (g_str_has_suffix (icalcomponent_get_description (event), "\nBoard: Board, with; all \\ of it"));

  icalcomponent_free (calendar);
}

static void
test_nothing_to_export (void)
{
  g_autoptr(KwBoard) board = kw_board_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  add_finding (board, "done", "Done", 8, 2, "2027-01-20", "2027-04-01", KW_STATUS_DONE);
  add_finding (board, "future", "Future", 3, 3, "2027-01-01", "", KW_STATUS_OPEN);

  g_assert_cmpuint (kw_export_ics_count_events (board), ==, 0);
  bytes = kw_export_ics_bytes (board, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, KW_EXPORT_ICS_ERROR, KW_EXPORT_ICS_ERROR_NO_EVENTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-ics/events", test_events);
  g_test_add_func ("/export-ics/uids-stable", test_uids_stable);
  g_test_add_func ("/export-ics/overdue", test_overdue);
  g_test_add_func ("/export-ics/text-round-trip", test_text_round_trip);
  g_test_add_func ("/export-ics/nothing-to-export", test_nothing_to_export);

  return g_test_run ();
}
