#!/usr/bin/python3
# test-export-xlsx.py: `kwadrant --export-xlsx` read back with openpyxl, a
# reader nobody here wrote, and every cell compared with what the same
# board gives as CSV (which test-export-csv reads back into the same
# findings): text as text, impact and effort as numbers, due and review
# dates as dates, created and modified as date-times in local time; rows in
# the plan's order and numbered as in it; the header frozen, an autofilter
# over every row and column, and each outcome cell in the outcome's badge
# colour (as the HTML plan's style sheet has it) with white bold text.
# On a board with participants (the English example; kw-estimates-board.c,
# written by make-estimates-board, the first argument, worked out by hand)
# the medians and each participant's impact and effort follow: numbers as
# numbers, "no idea" as the text "?", no estimate empty, equal to the CSV
# export's cells, under headings that say the same as the CSV's.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import datetime
import os
import re
import subprocess
import sys
import tempfile
import zoneinfo

import openpyxl
import openpyxl.utils

KWADRANT = os.environ['KWADRANT']
SOURCE = os.environ['KW_SOURCE_DIR']
ZONE = 'Europe/Amsterdam'
OUTCOMES = ['quick-win', 'small-fix', 'long-term', 'future', 'drop', 'unplaced']
OUTCOME_TITLES = ['Quick wins', 'Small fixes', 'Long-term plan', 'Future list', 'Drop', 'Unplaced']
HEADER_EN = ['No.', 'Title', 'Description', 'Impact', 'Effort', 'Outcome', 'Owner', 'Due date',
             'Review date', 'Status', 'Tags', 'Source', 'Reason for dropping', 'Created', 'Modified', 'ID']
# The importer's status words, as the CSV has them, and the workbook's.
STATUS = {'open': 'Open', 'in progress': 'In progress', 'done': 'Done'}

# Titles a spreadsheet could take for something else, as a client types them.
AWKWARD_CSV = '''title,description,impact,effort,owner,due,review,status,tags,source,drop reason
"=HYPERLINK(""http://example.com"",""klik"")",formula as text,8,2,@team,2027-01-15,,open,x,,
-10% herhaalcontact,"two
lines",7.5,1.5,+31 20 123 4567,2026-12-01,,in progress,"a, b",bron,
Caf\u00e9 \u00e9\u00e9n \u2014 \U0001f600,,2,0.5,,,2027-03-01,done,,,
Unplaced one,,,,,,,open,,,
Dropped,,2,9,,,,open,,,too dear
'''

tests = []


def run(*args, env=None):
    result = subprocess.run([KWADRANT, *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise AssertionError(f'kwadrant {" ".join(args)} exited {result.returncode}: {result.stderr}')


def badge_colours(html_path):
    """The outcome's badge colour from the HTML plan's style sheet."""
    with open(html_path, encoding='utf-8') as f:
        html = f.read()
    found = dict(re.findall(r'\.outcome-([a-z-]+) \{ --accent: #[0-9a-f]{6}; --accent-ink: #([0-9a-f]{6})', html))
    assert set(found) == set(OUTCOMES), found
    return found


def unguarded(text):
    """A CSV cell without the formula guard the CSV export adds (and the
    importer drops); the workbook needs none: its text is never a formula."""
    if text.startswith("'") and text[1:2] in ('=', '+', '-', '@', "'"):
        return text[1:]
    return text


def expected_time(text):
    utc = datetime.datetime.fromisoformat(text.replace('Z', '+00:00'))
    return utc.astimezone(zoneinfo.ZoneInfo(ZONE)).replace(tzinfo=None, microsecond=0)


def check_cell(where, cell, expected, kind):
    value = cell.value
    if expected in ('', None):
        assert value is None, f'{where}: expected an empty cell, got {value!r}'
        return
    if kind == 'text':
        assert cell.data_type == 's' and value == expected, f'{where}: {value!r} ({cell.data_type}) != {expected!r}'
    elif kind == 'number':
        assert isinstance(value, (int, float)) and not isinstance(value, bool), f'{where}: {value!r} is no number'
        assert abs(value - float(expected)) < 1e-9, f'{where}: {value!r} != {expected!r}'
    elif kind == 'date':
        assert cell.is_date, f'{where}: {value!r} is not a date ({cell.number_format})'
        assert value == datetime.datetime.fromisoformat(expected), f'{where}: {value!r} != {expected!r}'
    elif kind == 'time':
        assert cell.is_date, f'{where}: {value!r} is not a date-time ({cell.number_format})'
        assert value.replace(microsecond=0) == expected_time(expected), f'{where}: {value!r} != {expected!r}'
    else:
        raise ValueError(kind)


def compare(board, tmp, name):
    xlsx = os.path.join(tmp, name + '.xlsx')
    csv_path = os.path.join(tmp, name + '.csv')
    html = os.path.join(tmp, name + '.html')
    run('--export-xlsx', xlsx, '--lang', 'en', board)
    run('--export-csv', csv_path, '--lang', 'en', '--csv-separator', 'comma', board)
    run('--export-plan', html, '--lang', 'en', board)
    colours = badge_colours(html)

    with open(csv_path, encoding='utf-8', newline='') as f:
        rows = {row['id']: row for row in csv.DictReader(f)}

    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.title == 'Findings', sheet.title
    assert sheet.freeze_panes == 'A2', sheet.freeze_panes
    last = len(rows) + 1
    # The room's estimates after the CSV's own 15 columns and the
    # workbook's 16, under the same names but for the capital.
    csv_estimates = list(next(iter(rows.values())).keys())[15:]
    width = len(HEADER_EN) + len(csv_estimates)
    assert sheet.auto_filter.ref == f'A1:{openpyxl.utils.get_column_letter(width)}{last}', sheet.auto_filter.ref
    assert sheet.max_row == last and sheet.max_column == width, (sheet.max_row, sheet.max_column)
    header = [c.value for c in sheet[1]]
    assert header == HEADER_EN + [name[0].upper() + name[1:] for name in csv_estimates], header
    assert all(c.font.b for c in sheet[1])

    seen = set()
    previous_outcome = 0
    cells = 0
    for number, cells_of_row in enumerate(sheet.iter_rows(min_row=2), start=1):
        by_name = dict(zip(HEADER_EN, cells_of_row))
        finding_id = by_name['ID'].value
        assert finding_id in rows and finding_id not in seen, finding_id
        seen.add(finding_id)
        row = {key: unguarded(value) for key, value in rows[finding_id].items()}
        where = f'{name} row {number + 1}'

        check_cell(where + ' No.', by_name['No.'], str(number), 'number')
        for column, key in [('Title', 'title'), ('Description', 'description'), ('Owner', 'owner'),
                            ('Tags', 'tags'), ('Source', 'source'), ('Reason for dropping', 'drop reason'),
                            ('Outcome', 'outcome')]:
            check_cell(f'{where} {column}', by_name[column], row[key], 'text')
        check_cell(where + ' Impact', by_name['Impact'], row['impact'], 'number')
        check_cell(where + ' Effort', by_name['Effort'], row['effort'], 'number')
        check_cell(where + ' Due date', by_name['Due date'], row['due'], 'date')
        check_cell(where + ' Review date', by_name['Review date'], row['review'], 'date')
        check_cell(where + ' Status', by_name['Status'], STATUS[row['status']], 'text')
        check_cell(where + ' Created', by_name['Created'], row['created'], 'time')
        check_cell(where + ' Modified', by_name['Modified'], row['modified'], 'time')
        check_cell(where + ' ID', by_name['ID'], row['id'], 'text')
        for cell, name in zip(cells_of_row[len(HEADER_EN):], csv_estimates):
            kind = 'text' if row[name] in ('', '?') else 'number'
            check_cell(f'{where} {name}', cell, row[name], kind)
            if kind == 'number':
                assert cell.number_format == '0.0', f'{where} {name}: {cell.number_format}'
        cells += len(cells_of_row)

        # The plan's order: the outcomes in the method's order.
        outcome_cell = by_name['Outcome']
        index = OUTCOME_TITLES.index(outcome_cell.value)
        assert index >= previous_outcome, f'{where}: {outcome_cell.value} after a later outcome'
        previous_outcome = index
        fill = outcome_cell.fill
        assert fill.fill_type == 'solid', f'{where}: outcome cell not filled'
        assert fill.fgColor.rgb.upper() == 'FF' + colours[OUTCOMES[index]].upper(), \
            f'{where}: {fill.fgColor.rgb} for {OUTCOMES[index]} ({colours[OUTCOMES[index]]})'
        assert outcome_cell.font.color.rgb.upper() == 'FFFFFFFF' and outcome_cell.font.b, where

    assert seen == set(rows), set(rows) - seen
    return len(rows), cells


def test_example(tmp):
    board = os.path.join(SOURCE, 'data', 'examples', 'customer-contact-en.kwadrant')
    n, cells = compare(board, tmp, 'example')
    return f'{n} findings, {cells} cells equal to the CSV'


def test_awkward(tmp):
    source = os.path.join(tmp, 'awkward.csv')
    board = os.path.join(tmp, 'awkward.kwadrant')
    with open(source, 'w', encoding='utf-8') as f:
        f.write(AWKWARD_CSV)
    run('--import-csv', source, '--output', board)
    n, cells = compare(board, tmp, 'awkward')
    sheet = openpyxl.load_workbook(os.path.join(tmp, 'awkward.xlsx')).active
    assert sheet['B2'].data_type == 's', 'a title starting with = must stay text'
    return f'{n} findings, {cells} cells; "=HYPERLINK(...)" stays text'


def test_dutch(tmp):
    board = os.path.join(SOURCE, 'data', 'examples', 'klantcontact-nl.kwadrant')
    xlsx = os.path.join(tmp, 'nl.xlsx')
    run('--export-xlsx', xlsx, '--lang', 'nl', board)
    sheet = openpyxl.load_workbook(xlsx).active
    header = [c.value for c in sheet[1]]
    assert sheet.title == 'Bevindingen', sheet.title
    assert header[1] == 'Titel' and header[4] == 'Inspanning', header
    assert not any(h in HEADER_EN for h in header if h not in ('Impact', 'Status', 'ID')), header
    return 'headers and sheet in Dutch'


ESTIMATE_HEADER = {
    'en': ['Median impact', 'Median effort', 'Impact (Anna)', 'Effort (Anna)', 'Impact (Bram)', 'Effort (Bram)',
           'Impact (<b>&")', 'Effort (<b>&")', 'Impact (Dirk)', 'Effort (Dirk)'],
    'nl': ['Mediaan impact', 'Mediaan inspanning', 'Impact (Anna)', 'Inspanning (Anna)', 'Impact (Bram)',
           'Inspanning (Bram)', 'Impact (<b>&")', 'Inspanning (<b>&")', 'Impact (Dirk)', 'Inspanning (Dirk)'],
}
# Worked out by hand in kw-estimates-board.c: None is an empty cell.
ESTIMATES = {
    'f-1': [7.0, 2.0, 9.0, 2.0, 5.0, 2.0, '?', '?', 7.0, 6.0],
    'f-2': [5.0, 4.0, 2.0, 7.0, 4.0, 5.0, 8.0, 1.0, 6.0, 3.0],
    'f-6': [7.0, 7.0, 7.0, 7.0, '?', '?', None, None, None, None],
    'f-7': [None] * 10,
    'f-8': [None, None, '?', '?', None, None, '?', '?', None, None],
    'f-10': [1.0, 1.3, None, None, 1.0, 1.0, None, None, 1.0, 1.5],
}


def test_estimates(tmp):
    board = os.path.join(tmp, 'estimates.kwadrant')
    subprocess.run([sys.argv[1], board], check=True)
    n, cells = compare(board, tmp, 'estimates')
    sheet = openpyxl.load_workbook(os.path.join(tmp, 'estimates.xlsx')).active
    header = [c.value for c in sheet[1]]
    assert header[len(HEADER_EN):] == ESTIMATE_HEADER['en'], header
    for row in sheet.iter_rows(min_row=2):
        finding_id = row[len(HEADER_EN) - 1].value
        if finding_id in ESTIMATES:
            values = [c.value for c in row[len(HEADER_EN):]]
            assert values == ESTIMATES[finding_id], f'{finding_id}: {values}'

    dutch = os.path.join(tmp, 'estimates-nl.xlsx')
    run('--export-xlsx', dutch, '--lang', 'nl', board)
    header = [c.value for c in openpyxl.load_workbook(dutch).active[1]]
    assert header[len(HEADER_EN):] == ESTIMATE_HEADER['nl'], header
    return f'{n} findings, {cells} cells equal to the CSV; the medians and four participants\' columns as ' \
           'worked out by hand, in English and Dutch'


def main():
    os.environ['TZ'] = ZONE
    cases = [test_example, test_awkward, test_dutch, test_estimates]
    print(f'1..{len(cases)}')
    failed = 0
    with tempfile.TemporaryDirectory(prefix='kw-xlsx-') as tmp:
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
