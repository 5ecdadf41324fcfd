"""Drives test-e2e-round.sh's blind round with real keys and reads it back
through AT-SPI, as a screen reader would.

    test-e2e-round.py PID WINDOW_ID FOLDER

FOLDER holds the board: its random name is left out of what is read.

The board has no digit 7 anywhere; Anna's estimate of the first finding is
"7 3". So before the reveal no accessible name or description of the app
(the grid's cells, the matrix and its cards, the details panel, the lists)
may hold a 7; after it the grid and the matrix read it; after Ctrl+Z they
no longer do. Every wait is for what the app reports (the announcer's
messages, names and descriptions), with a deadline only against a hang.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import re
import subprocess
import sys

from kw_atspi import Script, walk

pid, wid, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]
script = Script(pid)
app = script.app
fail, ok, key, type_text, shot = script.fail, script.ok, script.key, script.type_text, script.shot
texts, wait, said = script.texts, script.wait, script.said


def matrix_description(found):
    for role, name, description in found:
        if name == 'Impact/effort matrix':
            return description
    return None


def matrix_says(pattern):
    regex = re.compile(pattern)
    return lambda found: (matrix_description(found) or '') and regex.search(matrix_description(found))


def cell(found, who):
    for role, name, _ in found:
        if name.startswith(who + ', 1. Callback queue: '):
            return name
    return None


def sevens(found):
    """What holds a 7, but for the board's folder (the window's subtitle
    and the recent boards name it)."""
    return ['%s %r %r' % item for item in found
            if '7' in item[1].replace(folder, '') or '7' in item[2].replace(folder, '')]


# 1. Ctrl+Shift+R starts a round over every finding (none is selected).
key('ctrl+shift+r')
wait(matrix_says(r'Round on “Callback queue”: 0 of 3 in\.'), 'the round to start on "Callback queue"')
ok('Ctrl+Shift+R starts the round; the matrix says 0 of 3 in')

# 2. The details panel shows the current finding (its toggle, as a screen
# reader user presses it), so its texts are read too.
for node in walk(app):
    try:
        if node.name == 'Show Details' and node.getRoleName() in ('push button', 'toggle button'):
            node.queryAction().doAction(0)
            break
    except Exception:
        pass
wait(lambda found: ('spin button', 'Impact') in [(role, name) for role, name, _ in found],
     "the details panel's impact field")
ok('the details panel shows the current finding')

# 3. Ctrl+Shift+E opens the grid; the room calls out its numbers.
key('ctrl+shift+e')
wait(lambda found: cell(found, 'Anna'), "the grid's cell of Anna and the first finding")
type_text('7 3')
key('Tab')
said(r'^Anna has given an estimate$', 'Anna\'s estimate to be announced')
type_text('6 2')
key('Tab')
said(r'^Bram has given an estimate$', 'Bram\'s estimate to be announced')
type_text('9 4')
key('Return')
said(r'^Carla has given an estimate$', 'Carla\'s estimate to be announced')
ok('three estimates typed into the grid, each announced as it came in')

# 4. Blind: 3 of 3 in, the cells say "given", and no 7 anywhere.
wait(matrix_says(r'3 of 3 in\. Given: Anna, Bram, Carla\.'), 'the matrix to say 3 of 3 in')
anna = wait(lambda found: cell(found, 'Anna'), "Anna's cell")
if 'given' not in anna:
    fail("Anna's cell does not say her estimate was given: %r" % anna)
leaks = sevens(texts())
if leaks:
    fail('a value is readable before the reveal: %s' % '; '.join(leaks))
ok('before the reveal: "3 of 3 in", Anna\'s cell reads %r, no 7 in any name or description' % anna)
shot('round-before-reveal')

# 5. Back in the board's window, Ctrl+Shift+Return reveals all at once.
subprocess.run(['xdotool', 'windowactivate', '--sync', wid], check=True)
key('ctrl+shift+Return')
said(r'^3 estimates revealed$', 'the reveal to be announced')
wait(matrix_says(r'Anna: impact 7\.0, effort 3\.0\. Bram: impact 6\.0, effort 2\.0\. '
                 r'Carla: impact 9\.0, effort 4\.0\. Median impact 7\.0, effort 3\.0\.'),
     'the matrix to read every estimate and the median')
anna = wait(lambda found: (cell(found, 'Anna') or '') if '7' in (cell(found, 'Anna') or '') else None,
            "Anna's cell to read her 7")
ok('Ctrl+Shift+Return reveals: the matrix reads every estimate and the median, Anna\'s cell reads %r' % anna)
shot('round-after-reveal')

# 6. Ctrl+Z takes the reveal back: no 7 anywhere again.
key('ctrl+z')
wait(lambda found: not sevens(found) and matrix_description(found) is not None and
     'Estimates of' not in matrix_description(found),
     'every 7 to be gone after Ctrl+Z',
     lambda found: 'matrix: %r; 7 in %s' % (matrix_description(found), '; '.join(sevens(found))))
ok('Ctrl+Z undoes the reveal: no 7 left in any name or description, the matrix reads no estimate')
