/* kw-export-ics.c: the follow-up of a board as an iCalendar file.
 *
 * What a facilitator wants in the agenda after the workshop: who does what
 * by when, and when to look at a finding again. So, in the action plan's
 * order:
 *
 * - one event on the due date of each action that is not done: quick wins,
 *   small fixes and the long-term plan (a due date elsewhere plans
 *   nothing: the future list and the drop list are not acted on);
 * - one event on the review date of each finding that is not done.
 *
 * Done findings are left out: their follow-up is over, and a calendar
 * full of finished work hides what is still to do. An event imported
 * earlier stays in the calendar when its finding is done later (importing
 * only adds and updates); the description says which board it came from.
 *
 * Each event is a whole day (DTSTART;VALUE=DATE and DTEND the next day, as
 * RFC 5545 has it for one-day events), shown as free (TRANSP:TRANSPARENT):
 * a deadline does not make anyone busy. Its UID is the finding's id, the
 * kind of date and a key of the board (its title and workshop date), so
 * importing an updated export updates the events instead of adding them
 * again, and two boards with the same finding ids (the examples, a board
 * copied from another) do not overwrite each other's events. Renaming the
 * board, or changing its workshop date, starts a new set of events.
 *
 * The owner is free text ("Customer contact team leaders"), not an e-mail
 * address: it goes into the description, never into ATTENDEE or ORGANIZER,
 * and without an ORGANIZER the file has no METHOD (a PUBLISH needs one):
 * it is a calendar to import, not an invitation.
 *
 * libical writes the file: it escapes text (commas, semicolons, newlines,
 * backslashes), folds long lines without splitting a UTF-8 character and
 * ends lines with CRLF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kw-export-ics"

#include "config.h"

#include "kw-i18n.h"
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kw-export-file.h"
#include "kw-export-ics.h"
#include "kw-plan-text.h"
#include "kw-text.h"

/* Where the UIDs are unique: the project's own domain. */
#define UID_DOMAIN "kwadrant.github.io"

/* Hexadecimal digits of the board's key in each UID. */
#define BOARD_KEY_LENGTH 16

G_DEFINE_QUARK (kw-export-ics-error-quark, kw_export_ics_error)

typedef enum {
  EVENT_DUE,     /* the due date of an action */
  EVENT_REVIEW,  /* the review date of any finding */
} EventKind;

#define N_EVENT_KINDS 2

/* The part of the UID that tells the two events of a finding apart;
 * never translated: a UID must not change with the language. */
static const char * const event_kind_ids[N_EVENT_KINDS] = { "due", "review" };

static gboolean
outcome_is_action (KwOutcome outcome)
{
  return outcome == KW_OUTCOME_QUICK_WIN || outcome == KW_OUTCOME_SMALL_FIX || outcome == KW_OUTCOME_LONG_TERM;
}

/* The one rule of which findings give which events. */
static const char *
event_date (KwFinding *finding,
            KwOutcome  outcome,
            EventKind  kind)
{
  const char *date;

  if (kw_finding_get_status (finding) == KW_STATUS_DONE)
    return NULL;

  if (kind == EVENT_DUE && !outcome_is_action (outcome))
    return NULL;

  date = kind == EVENT_DUE ? kw_finding_get_due_date (finding) : kw_finding_get_review_date (finding);

  return kw_date_is_valid_iso (date) ? date : NULL;
}

guint
kw_export_ics_count_events (KwBoard *board)
{
  guint n = 0;

  g_return_val_if_fail (KW_IS_BOARD (board), 0);

  for (guint i = 0; i < kw_board_get_n_findings (board); i++)
    {
      KwFinding *finding = kw_board_get_finding (board, i);
      KwOutcome outcome = kw_board_classify_finding (board, finding);

      for (guint kind = 0; kind < N_EVENT_KINDS; kind++)
        {
          if (event_date (finding, outcome, (EventKind) kind) != NULL)
            n++;
        }
    }

  return n;
}

/* ---- Writing ------------------------------------------------------------- */

typedef struct
{
  const KwPlan         *plan;
  icalcomponent        *calendar;
  struct icaltimetype   stamp;
  char                 *board_key;
  GArray               *facts;  /* one array for every event */
} Writer;

/* What names the workshop, hashed: in every UID of the board, so the same
 * finding id on another board gives other events. */
static char *
board_key (KwBoard *board)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *title = kw_board_get_title (board);
  const char *workshop_date = kw_board_get_workshop_date (board);

  g_checksum_update (checksum, (const guchar *) title, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) workshop_date, -1);

  return g_strndup (g_checksum_get_string (checksum), BOARD_KEY_LENGTH);
}

static struct icaltimetype
utc_time (GDateTime *time)
{
  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (time), FALSE,
                                        icaltimezone_get_utc_timezone ());
}

/* A valid ISO date (event_date() checked it) as an iCalendar DATE. */
static struct icaltimetype
calendar_date (const char *iso_date)
{
  struct icaltimetype date = icaltime_null_date ();

  if (sscanf (iso_date, "%4d-%2d-%2d", &date.year, &date.month, &date.day) != 3)
    g_return_val_if_reached (date);

  return date;
}

static char *
event_summary (KwFinding *finding,
               KwOutcome  outcome,
               EventKind  kind)
{
  const char *title = kw_finding_get_title (finding);

  if (kind == EVENT_REVIEW)
    return g_strdup_printf (C_("calendar event", "Review: %s"), title);

  switch (outcome)
    {
    case KW_OUTCOME_QUICK_WIN:
      return g_strdup_printf (C_("calendar event", "Quick win: %s"), title);
    case KW_OUTCOME_SMALL_FIX:
      return g_strdup_printf (C_("calendar event", "Small fix: %s"), title);
    case KW_OUTCOME_LONG_TERM:
      return g_strdup_printf (C_("calendar event", "Long-term plan: %s"), title);
    case KW_OUTCOME_FUTURE:
    case KW_OUTCOME_DROP:
    case KW_OUTCOME_UNPLACED:
    default:
      g_return_val_if_reached (g_strdup (title));
    }
}

static void
append_line (GString    *text,
             const char *label,
             const char *value)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append_printf (text, _("%s: %s"), label, value);
}

/* The finding's description, then what the action plan lists under it
 * (impact, effort, owner, dates, status, …), its outcome and the board. */
static char *
event_description (Writer    *self,
                   KwFinding *finding,
                   KwOutcome  outcome)
{
  GString *text = g_string_new (kw_finding_get_description (finding));
  gboolean first_fact = TRUE;

  kw_plan_fill_facts (self->plan, outcome, finding, self->facts);
  for (guint i = 0; i < self->facts->len; i++)
    {
      const KwPlanFact *fact = &g_array_index (self->facts, KwPlanFact, i);

      /* A blank line between the description and the facts. */
      if (first_fact && text->len > 0)
        g_string_append_c (text, '\n');
      first_fact = FALSE;
      append_line (text, fact->label, fact->value);
    }
  append_line (text, _("Outcome"), kw_outcome_get_title (outcome));
  append_line (text, _("Board"), kw_board_get_display_title (self->plan->board));

  return g_string_free (text, FALSE);
}

static void
add_event (Writer     *self,
           KwFinding  *finding,
           KwOutcome   outcome,
           EventKind   kind,
           const char *iso_date)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  struct icaltimetype start = calendar_date (iso_date);
  struct icaltimetype end = start;
  GDateTime *created = kw_finding_get_created (finding);
  g_autofree char *uid = g_strdup_printf ("%s-%s-%s@" UID_DOMAIN, kw_finding_get_id (finding),
                                          event_kind_ids[kind], self->board_key);
  g_autofree char *summary = event_summary (finding, outcome, kind);
  g_autofree char *description = event_description (self, finding, outcome);

  icaltime_adjust (&end, 1, 0, 0, 0);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (self->stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  /* One category, the outcome's title (none has a comma, which would make
   * it two). */
  icalcomponent_add_property (event, icalproperty_new_categories (kw_outcome_get_title (outcome)));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  if (created != NULL)
    icalcomponent_add_property (event, icalproperty_new_created (utc_time (created)));

  icalcomponent_add_component (self->calendar, event);
}

static void
add_calendar_properties (Writer *self)
{
  g_autofree char *language = g_ascii_strup (kw_plan_language_get_code (), -1);
  g_autofree char *prodid = g_strdup_printf ("-//Kwadrant//Kwadrant %s//%s", PACKAGE_VERSION, language);
  icalproperty *name = icalproperty_new_x (kw_board_get_display_title (self->plan->board));

  icalcomponent_add_property (self->calendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (self->calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (self->calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* The name a calendar app gives the imported calendar (Outlook, GNOME
   * Calendar and Google read it). */
  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalcomponent_add_property (self->calendar, name);
}

static void
add_events (Writer *self)
{
  for (guint i = 0; i < KW_N_OUTCOMES; i++)
    {
      const KwPlanSection *section = &self->plan->sections[i];

      for (guint j = 0; j < section->findings->len; j++)
        {
          KwFinding *finding = g_ptr_array_index (section->findings, j);

          for (guint kind = 0; kind < N_EVENT_KINDS; kind++)
            {
              const char *date = event_date (finding, section->outcome, (EventKind) kind);

              if (date != NULL)
                add_event (self, finding, section->outcome, (EventKind) kind, date);
            }
        }
    }
}

static GBytes *
write_calendar (KwBoard   *board,
                GDateTime *now)
{
  g_autoptr(KwPlan) plan = kw_plan_new (board);
  g_autoptr(GArray) facts = kw_plan_facts_new ();
  g_autofree char *key = board_key (board);
  Writer writer = { plan, icalcomponent_new_vcalendar (), utc_time (now), key, facts };
  char *text;
  GBytes *bytes;

  /* "overdue" in the descriptions, as of the export's time. */
  kw_plan_set_today (plan, now);
  add_calendar_properties (&writer);
  add_events (&writer);

  text = icalcomponent_as_ical_string_r (writer.calendar);
  bytes = g_bytes_new (text, strlen (text));
  free (text);
  icalcomponent_free (writer.calendar);

  return bytes;
}

GBytes *
kw_export_ics_bytes (KwBoard                  *board,
                     const KwExportIcsOptions *options,
                     GError                  **error)
{
  g_autoptr(KwPlanLanguage) language = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (KW_IS_BOARD (board), NULL);

  if (kw_export_ics_count_events (board) == 0)
    {
      g_set_error_literal (error, KW_EXPORT_ICS_ERROR, KW_EXPORT_ICS_ERROR_NO_EVENTS,
                           _("This board has nothing for a calendar: no quick win, small fix or long-term plan "
                             "that is not done has a due date, and no finding that is not done has a "
                             "review date."));
      return NULL;
    }

  now = options != NULL && options->now != NULL ? g_date_time_ref (options->now) : g_date_time_new_now_utc ();
  language = kw_plan_language_push (options != NULL ? options->lang : NULL);

  return write_calendar (board, now);
}

gboolean
kw_export_ics_file (KwBoard                  *board,
                    const KwExportIcsOptions *options,
                    GFile                    *file,
                    GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = kw_export_ics_bytes (board, options, error);
  if (bytes == NULL)
    return FALSE;

  return kw_export_file_write_bytes (file, bytes, error);
}
