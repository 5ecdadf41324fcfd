#!/usr/bin/python3
# test-plan-estimates.py: the room's estimates in the exports, end to end
# through the command line, on the board of kw-estimates-board.c (written
# by make-estimates-board; its figures are worked out by hand there), each
# export read with a reader nobody here wrote:
#
# - `--export-plan`, read with Python's own HTML parser: the section
#   "Where we disagreed" (id "disagreement") right after the summary, its
#   h2, its five items in order as one list, each with its number, title
#   and facts, the name <b>&" read back as text; headings that never skip
#   a level;
# - `--export-pdf` (pdftotext, pdfinfo -struct-text): the same section in
#   the same order, tagged as a heading and a list, under each finding the
#   number of estimates, the median and the spread; every page renders
#   (pdftoppm);
# - `--export-csv`, read with Python's csv module: the medians and each
#   participant's columns, "?" for no idea;
# - all of it in English and Dutch (--lang); and a board without
#   participants (the Dutch example) has none of it.
#
#   test-plan-estimates.py MAKE-ESTIMATES-BOARD
#
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import html.parser
import os
import re
import subprocess
import sys
import tempfile

# The section's items: number, title and facts, the most disputed first.
DISPUTED = {
    'en': [
        ('1', 'Callback queue', ['Estimates: 4 (1 “no idea”)', "Group's median: impact 7.0, effort 2.0",
                                 'Spread: impact 4.0, effort 4.0',
                                 'Furthest apart: Anna (impact 9.0, effort 2.0) and Dirk (impact 7.0, effort 6.0)']),
        ('3', 'Clearer letters', ['Estimates: 4', "Group's median: impact 5.0, effort 4.0",
                                  'Spread: impact 3.0, effort 3.0',
                                  'Furthest apart: Anna (impact 2.0, effort 7.0) and <b>&" (impact 8.0, effort 1.0)']),
        ('4', 'New telephony', ['Estimates: 2', "Group's median: impact 4.0, effort 3.0",
                                'Spread: impact 2.0, effort 0.0',
                                'Furthest apart: Anna (impact 3.0, effort 3.0) and Dirk (impact 5.0, effort 3.0)']),
        ('6', 'Shorter hold music', ['Estimates: 2', "Group's median: impact 5.0, effort 6.0",
                                     'Spread: impact 0.0, effort 2.0',
                                     'Furthest apart: Anna (impact 5.0, effort 5.0) and Bram (impact 5.0, effort 7.0)']),
        ('5', 'Slight doubt', ['Estimates: 2', "Group's median: impact 1.5, effort 1.0",
                               'Spread: impact 1.0, effort 0.0',
                               'Furthest apart: Anna (impact 1.0, effort 1.0) and Bram (impact 2.0, effort 1.0)']),
    ],
    'nl': [
        ('1', 'Callback queue', ['Schattingen: 4 (1 keer “geen idee”)',
                                 'Mediaan van de groep: impact 7,0, inspanning 2,0',
                                 'Spreiding: impact 4,0, inspanning 4,0',
                                 'Het verst uiteen: Anna (impact 9,0, inspanning 2,0) en Dirk (impact 7,0, '
                                 'inspanning 6,0)']),
        ('3', 'Clearer letters', None),
        ('4', 'New telephony', None),
        ('6', 'Shorter hold music', None),
        ('5', 'Slight doubt', None),
    ],
}
HEADING = {'en': 'Where we disagreed', 'nl': 'Waar we het oneens waren'}
FIRST_SECTION = {'en': '1. Quick wins: now', 'nl': '1. Quick wins: nu aanpakken'}
# Under each finding in its outcome's section: its facts end with the
# estimates, then comes what follows (the next item, or the page's foot).
ITEM_FACTS = {
    'en': [
        ('1 Callback queue', "Estimates: 4 (1 “no idea”) Group's median: impact 7.0, effort 2.0 "
                             'Spread: impact 4.0, effort 4.0', '2 All agree'),
        ('2 All agree', "Estimates: 3 Group's median: impact 6.0, effort 4.0 Spread: impact 0.0, effort 0.0",
         'Estimates, page'),
        ('7 One known', "Estimates: 2 (1 “no idea”) Group's median: impact 7.0, effort 7.0", '8 Tiny doubt'),
        ('8 Tiny doubt', "Estimates: 2 Group's median: impact 1.0, effort 1.3 Spread: impact 0.0, effort 0.5",
         'Estimates, page'),
        ('9 Nobody estimated', 'Estimates: none', '10 Nobody knows'),
        ('10 Nobody knows', 'Estimates: 2 (2 “no idea”)', 'Estimates, page'),
    ],
    'nl': [
        ('9 Nobody estimated', 'Schattingen: geen', '10 Nobody knows'),
        ('10 Nobody knows', 'Schattingen: 2 (2 keer “geen idee”)', 'Estimates, pagina'),
    ],
}
# The CSV's estimate columns and the cells of some findings, by id.
CSV_HEADER = {
    'en': ['median impact', 'median effort', 'impact (Anna)', 'effort (Anna)', 'impact (Bram)', 'effort (Bram)',
           'impact (<b>&")', 'effort (<b>&")', 'impact (Dirk)', 'effort (Dirk)'],
    'nl': ['mediaan impact', 'mediaan inspanning', 'impact (Anna)', 'inspanning (Anna)', 'impact (Bram)',
           'inspanning (Bram)', 'impact (<b>&")', 'inspanning (<b>&")', 'impact (Dirk)', 'inspanning (Dirk)'],
}
CSV_ROWS = {
    'f-1': ['7.0', '2.0', '9.0', '2.0', '5.0', '2.0', '?', '?', '7.0', '6.0'],
    'f-2': ['5.0', '4.0', '2.0', '7.0', '4.0', '5.0', '8.0', '1.0', '6.0', '3.0'],
    'f-7': [''] * 10,
    'f-8': ['', '', '?', '?', '', '', '?', '?', '', ''],
    'f-10': ['1.0', '1.3', '', '', '1.0', '1.0', '', '', '1.0', '1.5'],
}

n = 0
failed = False


def check(ok, what, detail=None):
    global n, failed
    n += 1
    print(('ok' if ok else 'not ok') + f' {n} - {what}')
    if not ok:
        failed = True
        if detail is not None:
            for line in str(detail).splitlines():
                print('#   ' + line)


def words(text):
    return re.sub(r'\s+', ' ', text).strip()


class PlanReader(html.parser.HTMLParser):
    """Every heading's level, the sections' ids, and the disagreement
    section's items (number, title, facts) and their list."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.levels = []
        self.sections = []
        self.items = []
        self.lists = []
        self.bold = 0
        self.text = None

    def in_section(self):
        return any(tag == 'section' and attrs.get('id') == 'disagreement' for tag, attrs in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'meta':
            return
        self.stack.append((tag, attrs))
        if re.fullmatch(r'h[1-6]', tag):
            self.levels.append(int(tag[1]))
        if tag == 'b':
            self.bold += 1
        if tag == 'section':
            self.sections.append(attrs.get('id'))
        if not self.in_section():
            return
        if tag == 'h2':
            self.heading = ''
            self.text = 'heading'
        elif tag in ('ol', 'ul'):
            self.lists.append(tag)
        elif tag == 'li':
            self.items.append({'parent': self.stack[-2][0], 'number': '', 'title': '', 'facts': []})
        elif tag == 'span' and 'number' in (attrs.get('class') or '').split():
            self.text = 'number'
        elif tag == 'span' and 'title' in (attrs.get('class') or '').split():
            self.text = 'title'
        elif tag == 'dt':
            self.items[-1]['facts'].append('')
            self.text = 'fact'

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in ('h2', 'span', 'dd'):
            self.text = None
        if tag == 'dt' and self.text == 'fact':
            self.items[-1]['facts'][-1] += ': '

    def handle_data(self, data):
        if self.text == 'heading':
            self.heading += data
        elif self.text in ('number', 'title'):
            self.items[-1][self.text] += data
        elif self.text == 'fact':
            self.items[-1]['facts'][-1] += data


def check_html(path, lang):
    reader = PlanReader()
    with open(path, encoding='utf-8') as f:
        reader.feed(f.read())
    check(reader.sections[:2] == ['summary', 'disagreement'] and reader.sections[2] == 'quick-win',
          f'{lang} HTML: the section comes right after the summary', reader.sections)
    check(reader.levels[0] == 1 and all(b <= a + 1 for a, b in zip(reader.levels, reader.levels[1:])),
          f'{lang} HTML: headings never skip a level', reader.levels)
    check(reader.heading == HEADING[lang], f'{lang} HTML: the section is headed "{HEADING[lang]}"', reader.heading)
    check(reader.lists == ['ol'] and all(item['parent'] == 'ol' for item in reader.items),
          f'{lang} HTML: its items are one ordered list', reader.lists)
    got = [(item['number'], item['title']) for item in reader.items]
    check(got == [(number, title) for number, title, _ in DISPUTED[lang]],
          f'{lang} HTML: the five most disputed findings, most disputed first, numbered as in the plan', got)
    for (number, title, facts), item in zip(DISPUTED[lang], reader.items):
        if facts is not None:
            check(item['facts'] == facts, f'{lang} HTML: the facts of {number} {title}', item['facts'])
    check(reader.bold == 0, f'{lang} HTML: the name <b>&" is text, not markup')


def pdf_text(path):
    """The text in reading order, the pages' form feeds as line ends."""
    text = subprocess.run(['pdftotext', '-raw', path, '-'], capture_output=True, text=True, check=True).stdout
    return text.replace('\f', '\n')


def check_pdf(path, lang, work):
    text = pdf_text(path)
    start = text.find('\n' + HEADING[lang] + '\n')
    end = text.find('\n' + FIRST_SECTION[lang] + '\n')
    check(0 < start < end, f'{lang} PDF: the section comes before the first outcome', (start, end))
    section = words(text[start:end])
    positions = [section.find(f'{number} {title} ') for number, title, _ in DISPUTED[lang]]
    check(all(p > 0 for p in positions) and positions == sorted(positions),
          f'{lang} PDF: the five most disputed findings in order', positions)
    check('Tiny doubt' not in section and 'All agree' not in section,
          f'{lang} PDF: the sixth and the undisputed findings are left out')
    for number, title, facts in DISPUTED[lang]:
        if facts is not None:
            expected = words(f'{number} {title} ' + ' '.join(facts))
            check(expected in section, f'{lang} PDF: the facts of {number} {title}', section)

    rest = words(text[end:])
    for item, facts, following in ITEM_FACTS[lang]:
        start_item = rest.find(item + ' ')
        end_item = rest.find(' ' + following, start_item)
        item_text = rest[start_item:end_item]
        check(0 <= start_item < end_item and item_text.endswith(' ' + facts),
              f'{lang} PDF: under "{item}": {facts}', item_text)

    structure = subprocess.run(['pdfinfo', '-struct-text', path], capture_output=True, text=True).stdout
    tagged = re.search(r'H2 \(block\)\n\s*"' + re.escape(HEADING[lang]) + r'"\n\s*P \(block\)\n.*?\n\s*L \(block\)\n'
                       r'((?:\s*LI \(block\)\n\s*".*"\n){5})', structure)
    check(tagged is not None, f'{lang} PDF: the section is tagged as a heading, its advice and a list of five')

    pages = int(re.search(r'Pages:\s+(\d+)', subprocess.run(['pdfinfo', path], capture_output=True,
                                                            text=True).stdout).group(1))
    prefix = os.path.join(work, f'page-{lang}')
    subprocess.run(['pdftoppm', '-r', '30', '-png', path, prefix], check=True)
    rendered = [f for f in os.listdir(work) if f.startswith(f'page-{lang}') and
                os.path.getsize(os.path.join(work, f)) > 0]
    check(len(rendered) == pages, f'{lang} PDF: every page renders ({pages})', rendered)


def check_csv(path, lang):
    delimiter = ';' if lang == 'nl' else ','
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    header = rows[0]
    check(header[15:] == CSV_HEADER[lang], f'{lang} CSV: the medians, then each participant\'s columns', header)
    by_id = {row[0]: row[15:] for row in rows[1:]}
    for finding_id, expected in CSV_ROWS.items():
        if lang == 'nl':
            expected = [cell.replace('.', ',') for cell in expected]
        check(by_id.get(finding_id) == expected, f'{lang} CSV: the estimates of {finding_id}', by_id.get(finding_id))


def kwadrant(*args):
    env = dict(os.environ, TZ='UTC', LC_ALL='C.UTF-8')
    env.pop('LANGUAGE', None)
    result = subprocess.run([os.environ['KWADRANT'], *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise AssertionError(f'kwadrant {" ".join(args)} exited {result.returncode}: {result.stderr}')


def check_without_participants(work):
    board = os.path.join(os.environ['KW_SOURCE_DIR'], 'data', 'examples', 'klantcontact-nl.kwadrant')
    plan, pdf, table = (os.path.join(work, 'plain.' + ext) for ext in ('html', 'pdf', 'csv'))
    kwadrant('--export-plan', plan, '--lang', 'en', board)
    kwadrant('--export-pdf', pdf, '--lang', 'en', board)
    kwadrant('--export-csv', table, '--lang', 'en', board)
    with open(plan, encoding='utf-8') as f:
        text = f.read()
    check('disagree' not in text and '<dt>Estimates</dt>' not in text,
          'without participants: the HTML plan has no estimates and no section')
    text = pdf_text(pdf)
    check('Where we disagreed' not in text and 'Estimates:' not in text,
          'without participants: the PDF has no estimates and no section')
    with open(table, encoding='utf-8', newline='') as f:
        header = next(csv.reader(f))
    check(header[-1] == 'modified' and len(header) == 15, 'without participants: the CSV has its 15 columns', header)


def main():
    with tempfile.TemporaryDirectory(prefix='kw-estimates-') as work:
        board = os.path.join(work, 'estimates.kwadrant')
        subprocess.run([sys.argv[1], board], check=True)
        for lang in ('en', 'nl'):
            path = os.path.join(work, f'estimates-{lang}.')
            kwadrant('--export-plan', path + 'html', '--lang', lang, board)
            kwadrant('--export-pdf', path + 'pdf', '--lang', lang, board)
            kwadrant('--export-csv', path + 'csv', '--lang', lang, board)
            check_html(path + 'html', lang)
            check_pdf(path + 'pdf', lang, work)
            check_csv(path + 'csv', lang)
        check_without_participants(work)
    print(f'1..{n}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
