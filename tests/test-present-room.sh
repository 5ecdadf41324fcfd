#!/bin/sh
# The presented matrix as the room sees it, on a 1920×1080 projector under
# a real window manager (openbox), read through AT-SPI as a screen reader
# reads it: on a board of 30 findings every label is shown, no two labels
# overlap, all lie inside the matrix, and their text is at least 24 px
# high; keys 1 to 5 zoom into one outcome's zone and Escape comes back;
# Tab steps through the findings one at a time, the current one shown
# large beside the matrix; a second Escape leaves the presentation.
#
# Like test-present.sh it starts its own Xvfb and openbox on a free
# display. KW_SCREENSHOT_DIR (optional) keeps screenshots of each step.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop import
kw_start_screen 1920x1080

# A workshop board of 30 findings, made with the app's own CSV import:
# titles of the length facilitators write, at seeded spots.
/usr/bin/python3 - "$tmp/board.csv" <<'PY'
import random, sys
rng = random.Random(31)
titles = [
    "Call back within the hour", "Show the queue length on the website",
    "One knowledge base for agents and customers", "Answer e-mails within one working day",
    "Let agents grant payment arrangements themselves", "Keep the chat open until 9 pm",
    "Plain-language letters", "A shorter identity check on the phone", "Route calls by skill",
    "Coach new agents every week", "Publish the same opening hours everywhere",
    "Self-service address change", "Offer a callback instead of waiting in the queue",
    "Close the loop with unhappy customers", "Track first-contact resolution",
    "Outage messages in the app", "Listen back to one call together every week",
    "Better hold music", "Build our own telephony platform", "Write scripts for every type of call",
    "Welcome call in the first month", "Steer on resolution instead of handling time",
    "Recruit on attitude rather than CVs", "The whole customer on one screen",
    "Announce the expected waiting time", "Chatbot for simple questions outside office hours",
    "Link straight to the meter reading form",
    "State the real response time in the acknowledgement",
    "Weekly top-5 of complaint reasons", "Quiet room for difficult calls",
]
with open(sys.argv[1], 'w') as out:
    out.write('title,impact,effort\n')
    for title in titles:
        out.write('"%s",%.1f,%.1f\n' % (title, rng.uniform(0.3, 9.7), rng.uniform(0.3, 9.7)))
PY
LC_ALL=C.UTF-8 "$KWADRANT" --import-csv "$tmp/board.csv" --output "$tmp/board.kwadrant" >/dev/null \
  || fail "the board could not be made"

LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data" GSK_RENDERER=cairo \
  "$KWADRANT" "$tmp/board.kwadrant" >"$tmp/app.log" 2>&1 &
pid=$!

wid=$(timeout 30 xdotool search --sync --onlyvisible --pid "$pid" | head -n 1) || true
[ -n "$wid" ] || fail "the window did not appear"
xdotool windowactivate --sync "$wid" || fail "the window could not be activated"
xdotool mousemove 0 0

fullscreen() {
  xprop -id "$wid" _NET_WM_STATE | grep -q _NET_WM_STATE_FULLSCREEN
}

xdotool key F5
i=0
until fullscreen; do
  i=$((i + 1))
  [ "$i" -lt 150 ] || fail "F5 did not make the window fullscreen"
  sleep 0.1
done
echo "ok - F5: fullscreen"

# The checks read the tree through AT-SPI and send keys with xdotool; each
# waits for what the app reports (states and extents), with a deadline.
PYTHONPATH="$src/tests" KW_SHOT="${KW_SCREENSHOT_DIR:-}" /usr/bin/python3 - "$pid" <<'PY' || fail "a presentation check failed"
import os, subprocess, sys, time
import pyatspi
from kw_atspi import wait_for_app, walk, find_node, extents, showing_cards

pid = int(sys.argv[1])
app = wait_for_app(pid)
if app is None:
    print('FAIL: the app is not on the accessibility bus'); sys.exit(1)

# Label boxes are (padding + lines × line height + padding) × text size; a
# one-line label's height gives the text size (kw-matrix-placement.h).
PADDING, LINE_HEIGHT = 0.25, 1.2

def shot(name):
    if os.environ.get('KW_SHOT'):
        subprocess.run(['import', '-window', 'root', os.path.join(os.environ['KW_SHOT'], name + '.png')])

def key(name):
    subprocess.run(['xdotool', 'key', name], check=True)

def wait(what, check, timeout=20):
    deadline = time.time() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.time() > deadline:
            print('FAIL: %s' % what); sys.exit(1)
        time.sleep(0.2)

matrix = find_node(pid, lambda n: n.name == 'Impact/effort matrix')
if matrix is None:
    print('FAIL: no matrix in the tree'); sys.exit(1)

def overlap(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]

def check_apart(cards):
    mx, my, mw, mh = extents(matrix)
    boxes = [(c.name, extents(c)) for c in cards]
    for name, (x, y, w, h) in boxes:
        if w <= 0 or h <= 0 or x < mx or y < my or x + w > mx + mw or y + h > my + mh:
            print('FAIL: the label of %r (%r) is not inside the matrix %r' % (name, (x, y, w, h), (mx, my, mw, mh)))
            sys.exit(1)
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            if overlap(boxes[i][1], boxes[j][1]):
                print('FAIL: %r and %r overlap: %r %r' % (boxes[i][0], boxes[j][0], boxes[i][1], boxes[j][1]))
                sys.exit(1)
    return boxes

# All 30 shown, apart, at the projector's size: one line of text is the
# smallest label, and its text is >= 24 px at 1080 rows.
# The matrix fills the screen once the window manager has made the window
# fullscreen and GTK has laid it out again; the labels are placed in the
# same allocation.
wait('the matrix filling the 1080 rows of the screen', lambda: extents(matrix)[3] >= 1000)
cards = wait('all 30 labels showing on the presented matrix',
             lambda: (lambda c: c if len(c) == 30 else None)(showing_cards(matrix)))
boxes = check_apart(cards)
text_size = min(h for _, (x, y, w, h) in boxes) / (LINE_HEIGHT + 2 * PADDING)
print('# text size %.1f px from the smallest label' % text_size)
if text_size < 23.5:
    print('FAIL: label text is %.1f px, under 24' % text_size); sys.exit(1)
print('ok - 30 labels, none overlapping, inside the matrix, text %.1f px' % text_size)
shot('presentation')

# Key 1 zooms into the quick wins: only theirs show, whole titles.
key('1')
zoomed = wait('key 1 showing only the quick wins',
              lambda: (lambda c: c if c and len(c) < 30 and all('quick win' in x.description for x in c) else None)(showing_cards(matrix)))
check_apart(zoomed)
print('ok - key 1: %d quick wins, apart' % len(zoomed))
shot('zoomed')

key('Escape')
wait('Escape giving back the whole matrix', lambda: len(showing_cards(matrix)) == 30)
print('ok - Escape: the whole matrix again')

# Tab: the first finding of the plan, focused and shown large beside it.
def focused_card():
    for c in showing_cards(matrix):
        if c.getState().contains(pyatspi.STATE_FOCUSED):
            return c
    return None

def panel_shows(title):
    return find_node(pid, lambda n: n.getRoleName() == 'label' and n.name == title, timeout=0.5) is not None

key('Tab')
first = wait('Tab focusing a finding', focused_card)
wait('the current finding %r shown large' % first.name, lambda: panel_shows(first.name))
key('Tab')
second = wait('a second Tab going on to the next finding',
              lambda: (lambda c: c if c is not None and c.name != first.name else None)(focused_card()))
wait('the current finding %r shown large' % second.name, lambda: panel_shows(second.name))
print('ok - Tab: %r, then %r, each shown large' % (first.name, second.name))
shot('current')
PY

# Escape leaves the current finding; a second Escape the presentation.
xdotool key Escape
fullscreen || fail "the first Escape left the presentation"
xdotool key Escape
i=0
while fullscreen; do
  i=$((i + 1))
  [ "$i" -lt 150 ] || fail "the second Escape did not leave the presentation"
  sleep 0.1
done
echo "ok - Escape: back to the matrix, then out of the presentation"

kill -0 "$pid" 2>/dev/null || fail "the app exited"
echo "PASS"
