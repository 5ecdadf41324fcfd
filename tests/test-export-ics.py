#!/usr/bin/python3
# test-export-ics.py: `kwadrant --export-ics` read back with two readers
# nobody here wrote, Python's icalendar (Debian's python3-icalendar) and
# vobject (python3-vobject), and every event checked against what the same
# board gives as CSV (which test-export-csv reads back into the same
# findings): which findings give events (the due date of each quick win,
# small fix and long-term plan that is not done, the review date of each
# finding that is not done), their dates as whole days, summaries,
# descriptions and categories in the export's language, UIDs unique and
# the same in every export of the board, and text with commas, semicolons,
# backslashes, newlines, emoji and 500 characters coming back as it was.
#
# The text is compared as vobject reads it: icalendar 4.0.3 unescapes
# "\\n" (an escaped backslash, then n) as a newline (its unescape_char()
# replaces \n before \\), so for text with a backslash it only has to
# agree with vobject where that cannot happen.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import datetime
import os
import subprocess
import sys
import tempfile

import icalendar
import vobject

KWADRANT = os.environ['KWADRANT']
SOURCE = os.environ['KW_SOURCE_DIR']
ACTIONS = {'Quick wins': 'Quick win: ', 'Small fixes': 'Small fix: ', 'Long-term plan': 'Long-term plan: '}
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
          'October', 'November', 'December']

LONG_TITLE = 'Lange titel ' + 'x' * 488  # 500 characters
# Every outcome, every status, dates where they count and where they do not,
# and text a calendar file has to escape.
AWKWARD_CSV = f'''title,description,impact,effort,owner,due,review,status
"Bel terug, dezelfde dag; altijd \\ echt","Eerste regel
tweede regel, met; tekens \\n geen escape",8,2,"Team A, team B; en C",2027-01-15,2027-03-01,open
Al gedaan,,8,2,Iemand,2027-01-20,2027-04-01,done
Klein \U0001f600 klusje \u2014 caf\u00e9,,2,0.5,Jan,2026-12-10,,in progress
"{LONG_TITLE}",,9,8,,2027-06-30,,open
Zonder datum,,9,8,Piet,,,open
Later bekijken,,3,3,,2027-01-01,2027-05-01,open
Geschrapt,,2,9,,2027-01-01,2027-02-01,open
Niet geplaatst,,,,,2027-01-01,2027-02-02,open
'''
# What the awkward board must give: (the title's first word, kind). The
# importer gives the findings ids of their own, and the small fix without a
# review date the next one (as placing it in the app does).
AWKWARD_EVENTS = {('Bel', 'due'), ('Bel', 'review'), ('Klein', 'due'), ('Klein', 'review'), ('Lange', 'due'),
                  ('Later', 'review'), ('Geschrapt', 'review'), ('Niet', 'review')}


def run(*args):
    result = subprocess.run([KWADRANT, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f'kwadrant {" ".join(args)} exited {result.returncode}: {result.stderr}')
    return result


def unguarded(text):
    """A CSV cell without the formula guard the CSV export adds."""
    if text.startswith("'") and text[1:2] in ('=', '+', '-', '@', "'"):
        return text[1:]
    return text


def english_date(iso):
    day = datetime.date.fromisoformat(iso)
    return f'{day.day} {MONTHS[day.month - 1]} {day.year}'


def csv_rows(board, tmp, name):
    path = os.path.join(tmp, name + '.csv')
    run('--export-csv', path, '--lang', 'en', '--csv-separator', 'comma', board)
    with open(path, encoding='utf-8', newline='') as f:
        return {row['id']: {k: unguarded(v) for k, v in row.items()} for row in csv.DictReader(f)}


def expected_events(rows):
    """The rule, stated once more from the outside."""
    events = {}
    for row in rows.values():
        if row['status'] == 'done':
            continue
        if row['outcome'] in ACTIONS and row['due']:
            events[(row['id'], 'due')] = row
        if row['review']:
            events[(row['id'], 'review')] = row
    return events


def check_lines(path):
    """RFC 5545's lines: CRLF, at most 75 octets, folded between whole
    UTF-8 characters (each physical line decodes on its own)."""
    with open(path, 'rb') as f:
        data = f.read()
    assert data.endswith(b'\r\n'), 'the file does not end with CRLF'
    lines = data[:-2].split(b'\r\n')
    for number, line in enumerate(lines, start=1):
        assert b'\n' not in line and b'\r' not in line, f'line {number}: a bare line end'
        assert len(line) <= 75, f'line {number}: {len(line)} octets'
        line.decode('utf-8')
    return data, len(lines)


def read_both(path):
    """The events by UID, as icalendar reads them, and as vobject does."""
    data, n_lines = check_lines(path)
    calendar = icalendar.Calendar.from_ical(data)
    events = {}
    for event in calendar.walk('VEVENT'):
        uid = str(event['UID'])
        assert uid not in events, f'UID {uid} twice'
        events[uid] = event

    other = vobject.readOne(data.decode('utf-8'))
    other_events = {e.uid.value: e for e in other.vevent_list}
    assert set(other_events) == set(events), 'vobject and icalendar read other UIDs'
    for uid, event in events.items():
        theirs = other_events[uid]
        for name in ('SUMMARY', 'DESCRIPTION'):
            text = theirs.contents[name.lower()][0].value
            if '\\' not in text:
                assert text == str(event[name]), f'{uid}: vobject reads another {name}'
            # The text as RFC 5545 reads it (see the top).
            event[name] = icalendar.vText(text)
        assert theirs.dtstart.value == event['DTSTART'].dt, f'{uid}: vobject reads another start'
        assert theirs.dtend.value == event['DTEND'].dt, f'{uid}: vobject reads another end'
    # libical writes X- values with their commas unescaped (a list
    # separator there); vobject takes X-WR-CALNAME for TEXT and keeps only
    # what comes before the first one.
    name = str(calendar['X-WR-CALNAME'])
    assert other.contents['x-wr-calname'][0].value == name.split(',')[0], \
        f'vobject reads the calendar as {other.contents["x-wr-calname"][0].value!r}, not {name!r}'
    return calendar, events, n_lines


def categories(event):
    value = event['CATEGORIES']
    return [str(c) for c in (value.cats if hasattr(value, 'cats') else [value])]


def check_event(where, event, row, kind, board_title):
    date = row['due'] if kind == 'due' else row['review']
    start = event['DTSTART']
    assert start.params.get('VALUE') == 'DATE', f'{where}: DTSTART is not VALUE=DATE'
    assert type(start.dt) is datetime.date and start.dt == datetime.date.fromisoformat(date), \
        f'{where}: starts {start.dt!r}, not {date}'
    assert event['DTEND'].dt == start.dt + datetime.timedelta(days=1), f'{where}: not one whole day'
    prefix = ACTIONS[row['outcome']] if kind == 'due' else 'Review: '
    assert str(event['SUMMARY']) == prefix + row['title'], f'{where}: summary {str(event["SUMMARY"])!r}'
    assert categories(event) == [row['outcome']], f'{where}: categories {categories(event)}'
    assert str(event['TRANSP']) == 'TRANSPARENT', f'{where}: a deadline shown as busy'
    assert isinstance(event['DTSTAMP'].dt, datetime.datetime) and event['DTSTAMP'].dt.tzinfo is not None, where
    for invented in ('ATTENDEE', 'ORGANIZER', 'RRULE', 'VALARM'):
        assert invented not in event, f'{where}: has {invented}'

    description = str(event['DESCRIPTION'])
    lines = description.split('\n')
    if row['description']:
        assert description.startswith(row['description'] + '\n\n'), f'{where}: description {description!r}'
    if row['owner']:
        assert f'Owner: {row["owner"]}' in lines, f'{where}: no owner in {lines}'
    elif row['outcome'] in ('Quick wins', 'Long-term plan'):
        assert 'Owner: not set' in lines, f'{where}: no "Owner: not set" in {lines}'
    if row['due']:
        assert any(line.startswith(f'Due date: {english_date(row["due"])}') for line in lines), \
            f'{where}: no due date in {lines}'
    if row['impact']:
        assert any(line.startswith('Impact: ') for line in lines) and \
            any(line.startswith('Effort: ') for line in lines), f'{where}: no impact/effort in {lines}'
    assert f'Outcome: {row["outcome"]}' in lines, f'{where}: no outcome in {lines}'
    assert lines[-1] == f'Board: {board_title}', f'{where}: last line {lines[-1]!r}'


def check_export(board, tmp, name, board_title):
    rows = csv_rows(board, tmp, name)
    path = os.path.join(tmp, name + '.ics')
    run('--export-ics', path, '--lang', 'en', board)
    calendar, events, n_lines = read_both(path)

    assert str(calendar['VERSION']) == '2.0' and str(calendar['PRODID']).startswith('-//Kwadrant//')
    assert str(calendar['X-WR-CALNAME']) == board_title, str(calendar['X-WR-CALNAME'])
    assert 'METHOD' not in calendar, 'METHOD without an ORGANIZER'

    expected = expected_events(rows)
    by_key = {}
    for uid, event in events.items():
        finding_id, kind = uid.split('@')[0].rsplit('-', 2)[:2]
        assert (finding_id, kind) not in by_key, f'{uid}: a second {kind} event of {finding_id}'
        by_key[(finding_id, kind)] = event
    assert set(by_key) == set(expected), \
        f'missing {set(expected) - set(by_key)}, unexpected {set(by_key) - set(expected)}'
    for (finding_id, kind), event in by_key.items():
        check_event(f'{name} {finding_id} {kind}', event, expected[(finding_id, kind)], kind, board_title)
    return rows, events, n_lines


def test_example(tmp):
    board = os.path.join(SOURCE, 'data', 'examples', 'customer-contact-en.kwadrant')
    rows, events, n_lines = check_export(board, tmp, 'example',
                                         'Customer contact 2027: from findings to an action plan')
    done = sum(1 for r in rows.values() if r['status'] == 'done' and r['due'])
    assert done > 0, 'the example has no done action to leave out'
    return f'{len(events)} events from {len(rows)} findings ({done} done ones left out), {n_lines} lines'


def make_awkward(tmp, title):
    source = os.path.join(tmp, 'awkward.csv')
    board = os.path.join(tmp, 'awkward.kwadrant')
    with open(source, 'w', encoding='utf-8') as f:
        f.write(AWKWARD_CSV)
    run('--import-csv', source, '--output', board)
    if title is not None:
        with open(board, encoding='utf-8') as f:
            text = f.read()
        with open(board, 'w', encoding='utf-8') as f:
            f.write(text.replace('<title>awkward</title>', f'<title>{title}</title>', 1))
    return board


def test_awkward(tmp):
    title = 'Workshop, dag 2; \\ \U0001f4c5'
    board = make_awkward(tmp, title.replace('&', '&amp;'))
    rows, events, _ = check_export(board, tmp, 'awkward', title)
    got = {(rows[u.split('@')[0].rsplit('-', 2)[0]]['title'].split()[0], u.split('@')[0].rsplit('-', 2)[1])
           for u in events}
    assert got == AWKWARD_EVENTS, got
    # Not vacuous: the awkward text did reach the board and the file.
    by_title = {row['title'].split()[0]: row for row in rows.values()}
    assert by_title['Bel']['title'] == 'Bel terug, dezelfde dag; altijd \\ echt', by_title['Bel']['title']
    assert '\n' in by_title['Bel']['description'] and '\\n' in by_title['Bel']['description']
    assert len(by_title['Lange']['title']) == 500, len(by_title['Lange']['title'])
    assert '\U0001f600' in by_title['Klein']['title']
    with open(os.path.join(tmp, 'awkward.ics'), 'rb') as f:
        raw = f.read().decode('utf-8')
    assert 'SUMMARY:Quick win: Bel terug\\, dezelfde dag\\; altijd \\\\ echt' in raw, 'escaping not as RFC 5545 has it'
    return f'{len(events)} events; commas, semicolons, backslashes, newlines, emoji and 500 characters read back'


def uids(path):
    with open(path, 'rb') as f:
        return {str(e['UID']) for e in icalendar.Calendar.from_ical(f.read()).walk('VEVENT')}


def test_stable_uids(tmp):
    board = os.path.join(SOURCE, 'data', 'examples', 'customer-contact-en.kwadrant')
    first, second, dutch = (os.path.join(tmp, n) for n in ('first.ics', 'second.ics', 'dutch.ics'))
    run('--export-ics', first, '--lang', 'en', board)
    run('--export-ics', second, '--lang', 'en', board)
    run('--export-ics', dutch, '--lang', 'nl', board)
    assert uids(first) == uids(second) == uids(dutch), 'the UIDs change between exports'

    # The Dutch example has the same finding ids, but is another board.
    other = os.path.join(tmp, 'other.ics')
    run('--export-ics', other, '--lang', 'en', os.path.join(SOURCE, 'data', 'examples', 'klantcontact-nl.kwadrant'))
    assert not uids(first) & uids(other), 'two boards share UIDs'
    return f'{len(uids(first))} UIDs the same in three exports, none shared with the Dutch example'


def test_dutch(tmp):
    board = make_awkward(tmp, None)
    path = os.path.join(tmp, 'nl.ics')
    run('--export-ics', path, '--lang', 'nl', board)
    _, events, _ = read_both(path)
    summaries = sorted(str(e['SUMMARY']).split(':')[0] for e in events.values())
    assert summaries == ['Herbeoordelen'] * 5 + ['Klein klusje', 'Lange termijn', 'Quick win'], summaries
    qw = next(e for e in events.values() if str(e['SUMMARY']).startswith('Quick win: Bel'))
    lines = str(qw['DESCRIPTION']).split('\n')
    assert 'Eigenaar: Team A, team B; en C' in lines and 'Uitkomst: Quick wins' in lines, lines
    assert 'Deadline: 15 januari 2027' in lines, lines
    return 'summaries and descriptions in Dutch'


def test_nothing_to_export(tmp):
    source = os.path.join(tmp, 'none.csv')
    board = os.path.join(tmp, 'none.kwadrant')
    path = os.path.join(tmp, 'none.ics')
    with open(source, 'w', encoding='utf-8') as f:
        # Done, and dropped: neither is an action, nor comes back for review.
        f.write('title,impact,effort,due,status\nKlaar,8,2,2027-01-01,done\nGeschrapt,2,9,2027-01-01,open\n')
    run('--import-csv', source, '--output', board)
    result = subprocess.run([KWADRANT, '--export-ics', path, '--lang', 'en', board], capture_output=True, text=True)
    assert result.returncode == 1, result.returncode
    assert 'nothing for a calendar' in result.stderr, result.stderr
    assert not os.path.exists(path), 'an empty calendar was written'
    return 'exit 1, says why, writes nothing'


def main():
    os.environ['TZ'] = 'Europe/Amsterdam'
    cases = [test_example, test_awkward, test_stable_uids, test_dutch, test_nothing_to_export]
    print(f'1..{len(cases)}')
    failed = 0
    with tempfile.TemporaryDirectory(prefix='kw-ics-') as tmp:
        for number, case in enumerate(cases, start=1):
            try:
                detail = case(tmp)
                print(f'ok {number} {case.__name__}: {detail}')
            except AssertionError as error:
                failed += 1
                print(f'not ok {number} {case.__name__}: {error}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
