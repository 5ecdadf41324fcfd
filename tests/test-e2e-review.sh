#!/bin/sh
# End to end, review mode by the keyboard alone: the real app under
# openbox on a board with four findings whose review date has come
# (tests/data/boards/review-due-en.kwadrant, the dates moved to just before
# today). Ctrl+R starts the review; K keeps the first finding, P and "8 2"
# move the second, D marks the third done, X and a reason drop the fourth
# (an empty reason is refused first). The summary is read on screen; Ctrl+Z
# takes the drop back to the fourth finding; Escape cancels a question,
# then leaves. Ctrl+R again reviews the one finding still due, X drops it,
# Enter closes the summary and Ctrl+S saves. The saved file is read back.
#
# Each step waits for what a screen reader is told (the announcer's
# accessible name, read through AT-SPI) or for the file, never for a time.
# KW_SCREENSHOT_DIR (optional) keeps screenshots of a finding and the
# summary.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop import /usr/bin/python3
kw_start_screen 1280x720

# The review dates of the fixture, moved to days before today: due now,
# whatever the date the test runs on.
board="$tmp/board.kwadrant"
/usr/bin/python3 - "$src/tests/data/boards/review-due-en.kwadrant" "$board" <<'EOF'
import datetime, re, sys
text = open(sys.argv[1], encoding='utf-8').read()
findings, rest = text.split('<snapshots>', 1)
today = datetime.date.today()
count = [0]
def before_today(match):
    count[0] += 1
    return '<review>%s</review>' % (today - datetime.timedelta(days=10 * count[0]))
findings = re.sub(r'<review>[^<]*</review>', before_today, findings)
assert count[0] == 4, count[0]
open(sys.argv[2], 'w', encoding='utf-8').write(findings + '<snapshots>' + rest)
EOF

LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data" GSK_RENDERER=cairo \
  "$KWADRANT" "$board" >"$tmp/app.log" 2>&1 &
pid=$!

wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Customer contact: review' | head -n 1) || true
[ -n "$wid" ] || fail "the window did not appear"
xdotool windowactivate --sync "$wid" || fail "the window could not be activated"

# Waits until the announcer (the alert whose name a screen reader is told)
# says something matching the regular expression; prints the first group
# (or the whole message). Listens to the name changes, and reads the
# alerts too for a message that came before the listener.
said() { # REGEX
  PYTHONPATH="$src/tests" /usr/bin/python3 - "$pid" "$1" <<'EOF'
import re, sys, time
import pyatspi
from kw_atspi import walk, wait_for_app
pid, pattern = int(sys.argv[1]), re.compile(sys.argv[2])
app = wait_for_app(pid)
heard = []
def on_name(event):
    try:
        if event.source.getRoleName() == 'alert' and isinstance(event.any_data, str):
            heard.append(event.any_data)
    except Exception:
        pass
pyatspi.Registry.registerEventListener(on_name, 'object:property-change:accessible-name')
deadline = time.time() + 30
while time.time() < deadline:
    names = list(heard)
    if app is not None:
        for node in walk(app):
            try:
                if node.getRoleName() == 'alert' and node.name:
                    names.append(node.name)
            except Exception:
                pass
    for name in names:
        match = pattern.search(name)
        if match:
            print(match.group(1) if match.groups() else name)
            sys.exit(0)
    pyatspi.Registry.pumpQueuedEvents()
    time.sleep(0.1)
print('last heard: %r' % names, file=sys.stderr)
sys.exit(1)
EOF
}

# A label with exactly this text is on the screen: GTK 4.8 sets no
# "showing" state on labels, but a label on a page never shown has no size.
shown() { # TEXT
  PYTHONPATH="$src/tests" /usr/bin/python3 - "$pid" "$1" <<'EOF'
import sys
from kw_atspi import extents, find_node
pid, text = int(sys.argv[1]), sys.argv[2]
node = find_node(pid, lambda n: n.getRoleName() == 'label' and n.name == text and
                 extents(n)[2] > 0 and extents(n)[3] > 0, timeout=30)
sys.exit(0 if node is not None else 1)
EOF
}

re_quote() { printf '%s' "$1" | sed 's/[][\.*^$()+?{}|]/\\&/g'; }

# 1. Ctrl+R: the first of four findings, said with its place.
xdotool key ctrl+r
first=$(said '^Finding 1 of 4: (.+)\. Impact [0-9.]+, effort [0-9.]+, (small fix|future list)$') ||
  fail "Ctrl+R did not start the review on the first of four findings"
shown 'Finding 1 of 4' || fail "the screen does not say 'Finding 1 of 4'"
echo "ok - Ctrl+R starts the review: $first"
shot review-finding

# 2. K keeps it.
xdotool key k
second=$(said "^“$(re_quote "$first")” kept; next review on [^.]+\. Finding 2 of 4: (.+)\. Impact") ||
  fail "K did not keep the first finding"
echo "ok - K keeps it; next: $second"

# 3. P, "8 2" and Enter move the second into the quick wins.
xdotool key p
said '^New impact and effort' >/dev/null || fail "P did not ask for the impact and effort"
xdotool type --delay 30 '8 2'
xdotool key Return
third=$(said "^“$(re_quote "$second")” moved to quick win: impact 8\.0, effort 2\.0\. Finding 3 of 4: (.+)\. Impact") ||
  fail "P 8 2 did not move the second finding into the quick wins"
echo "ok - P 8 2 moves it into the quick wins; next: $third"

# 4. D marks the third done.
xdotool key d
fourth=$(said "^“$(re_quote "$third")” marked done\. Finding 4 of 4: (.+)\. Impact") ||
  fail "D did not mark the third finding done"
echo "ok - D marks it done; next: $fourth"

# 5. X asks why; an empty reason is refused; a reason drops it.
summary='4 findings reviewed: 1 kept, 1 moved to quick wins, 1 done, 1 dropped'
xdotool key x
said '^Why is it dropped' >/dev/null || fail "X did not ask for a reason"
xdotool key Return
said '^Say why the finding is dropped$' >/dev/null || fail "an empty reason was not refused"
xdotool type --delay 30 'No budget this year'
xdotool key Return
said "^“$(re_quote "$fourth")” dropped: No budget this year\. Review finished\. $(re_quote "$summary")$" >/dev/null ||
  fail "X with a reason did not drop the fourth finding and end with the summary"
shown "$summary" || fail "the summary is not on the screen: $summary"
echo "ok - X drops it with a reason; the summary reads: $summary"
shot review-summary

# 6. Ctrl+Z takes the drop back, to the fourth finding. X then Escape
# cancels the question; Escape again leaves review mode.
xdotool key ctrl+z
said "^Undone: Review: Drop\. Finding 4 of 4: $(re_quote "$fourth")\. Impact" >/dev/null ||
  fail "Ctrl+Z did not take the drop back to the fourth finding"
echo "ok - Ctrl+Z undoes the drop and shows the fourth finding again"
xdotool key x
said '^Why is it dropped' >/dev/null || fail "X did not ask for a reason the second time"
xdotool key Escape
said '^Cancelled$' >/dev/null || fail "Escape did not cancel the question"
xdotool key Escape
said '^Review mode left$' >/dev/null || fail "Escape did not leave review mode"
echo "ok - Escape cancels the question, then leaves review mode"

# 7. Only the fourth is due now: Ctrl+R reviews it alone; X drops it;
# Enter on the summary closes it; Ctrl+S saves, and the title loses its
# mark of changes.
xdotool key ctrl+r
said "^Finding 1 of 1: $(re_quote "$fourth")\. Impact" >/dev/null ||
  fail "Ctrl+R again did not review the one finding still due"
xdotool key x
said '^Why is it dropped' >/dev/null || fail "X did not ask for a reason"
xdotool type --delay 30 'Not this year'
xdotool key Return
said "^“$(re_quote "$fourth")” dropped: Not this year\. Review finished\. 1 finding reviewed: 1 dropped$" >/dev/null ||
  fail "the second review did not end with its summary"
xdotool key Return
said '^Review mode left$' >/dev/null || fail "Enter on the summary did not close review mode"
xdotool key ctrl+s
i=0
until ! xdotool getwindowname "$wid" | grep -q '^• '; do
  i=$((i + 1))
  [ "$i" -lt 300 ] || fail "Ctrl+S did not save (title: $(xdotool getwindowname "$wid"))"
  sleep 0.1
done
echo "ok - a second review drops the last one; Enter closes it, Ctrl+S saves"

# 8. The saved file has every decision.
/usr/bin/python3 - "$board" "$first" "$second" "$third" "$fourth" <<'EOF' || fail "the saved board does not hold the decisions"
import calendar, datetime, sys
import xml.etree.ElementTree as ET
ns = {'k': 'https://kwadrant.github.io/ns/board'}
board, titles = sys.argv[1], sys.argv[2:]
root = ET.parse(board).getroot()
findings = {f.findtext('k:title', namespaces=ns): f for f in root.find('k:findings', ns)}
def review(f):
    return f.findtext('k:review', default='', namespaces=ns)
def position(f):
    p = f.find('k:position', ns)
    return float(p.get('impact')), float(p.get('effort'))
# Kept: reviewed again three months (the board's interval) from today; the
# 31st plus a month is the month's last day.
today = datetime.date.today()
month = today.month - 1 + 3
year, month = today.year + month // 12, month % 12 + 1
next_review = datetime.date(year, month, min(today.day, calendar.monthrange(year, month)[1]))
kept, moved, done, dropped = (findings[t] for t in titles)
checks = [
    (review(kept) == next_review.isoformat(), 'kept: review %r, expected %s' % (review(kept), next_review)),
    (position(moved) == (8.0, 2.0) and review(moved) == '', 'moved: %r %r' % (position(moved), review(moved))),
    (done.get('status') == 'done' and review(done) == '', 'done: %r %r' % (done.get('status'), review(done))),
    (dropped.findtext('k:drop-reason', namespaces=ns) == 'Not this year' and position(dropped)[1] == 5.0
     and position(dropped)[0] < 5.0 and review(dropped) == '',
     'dropped: %r %r' % (dropped.findtext('k:drop-reason', namespaces=ns), position(dropped))),
]
failed = [what for ok, what in checks if not ok]
for what in failed:
    print('# ' + what)
sys.exit(1 if failed else 0)
EOF
echo "ok - the saved board holds the four decisions"
echo "PASS"
