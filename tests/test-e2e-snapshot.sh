#!/bin/sh
# End to end, as a facilitator revisits a board: the real app under
# openbox on the example board; Ctrl+T takes a snapshot (a name typed over
# the default one, Enter); one card dragged with real X pointer events
# across the effort line, from the quick wins into the long-term plan;
# Ctrl+Shift+T lists the snapshots, Enter compares with the one taken; the
# "Changes since …" list is read through AT-SPI as a screen reader reads
# it: the move in the method's words. Escape leaves the comparison. F5 and
# Page Up show the snapshot, Page Down comes back to now.
#
# Waits for what the app shows (window title, AT-SPI names and
# descriptions), never for a time. KW_SCREENSHOT_DIR (optional) keeps a
# screenshot of the comparison.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop import /usr/bin/python3
kw_start_screen 1366x768

board="$tmp/board.kwadrant"
cp "$src/data/examples/klantcontact-nl.kwadrant" "$board"
LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data" GSK_RENDERER=cairo \
  "$KWADRANT" "$board" >"$tmp/app.log" 2>&1 &
pid=$!

wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Klantcontact 2027' | head -n 1) || true
[ -n "$wid" ] || fail "the window did not appear"
xdotool windowactivate --sync "$wid" || fail "the window could not be activated"

# Asks the app's AT-SPI tree; prints what the Python code prints, fails
# with its exit status. Each query waits (up to 30 s) for what it needs.
atspi() { # PYTHON-CODE ARGS...
  code=$1; shift
  PYTHONPATH="$src/tests" /usr/bin/python3 -c "
import sys, time
import pyatspi
from kw_atspi import find_node, walk, wait_for_app, our_app
pid = $pid
$code" "$@"
}

# Waits for a node whose role and name match; prints its centre in window
# coordinates, or its description with --description.
wait_node() { # ROLE NAME [--description]
  atspi '
role, name = sys.argv[1], sys.argv[2]
node = find_node(pid, lambda n: n.getRoleName() == role and n.name == name, timeout=30)
if node is None:
    sys.exit(1)
if len(sys.argv) > 3:
    print(node.description)
else:
    e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    print(e.x + e.width // 2, e.y + e.height // 2)
' "$@"
}

# Waits until a card's description (what a screen reader says of its
# place) ends with the outcome given.
wait_outcome() { # TITLE OUTCOME
  atspi '
title, outcome = sys.argv[1], sys.argv[2]
deadline = time.time() + 30
while time.time() < deadline:
    card = find_node(pid, lambda n: n.getRoleName() == "push button" and n.name == title, timeout=5)
    # The outcome is one part of the description; marks such as
    # "overdue" may follow it.
    if card is not None and (", " + outcome + ",") in (card.description + ","):
        sys.exit(0)
    time.sleep(0.2)
sys.exit(1)
' "$@"
}

wait_title() { # PATTERN
  i=0
  until xdotool getwindowname "$wid" | grep -q "$1"; do
    i=$((i + 1))
    [ "$i" -lt 300 ] || return 1
    sleep 0.1
  done
}

# 1. Ctrl+T: the dialog with the default name selected; a name typed
# over it; Enter takes the snapshot, which marks the board changed.
xdotool key ctrl+t
wait_node 'text' 'Name' >/dev/null || fail "Ctrl+T showed no dialog with a Name field"
xdotool key ctrl+a
xdotool type --delay 20 'Nulmeting'
xdotool key Return
wait_title '^• ' || fail "the snapshot did not change the board (title: $(xdotool getwindowname "$wid"))"
echo "ok - Ctrl+T took a snapshot"

# 2. A real drag across the effort line, to the effort of a card in the
# long-term plan.
dragged='Watermeloenrapportage doorprikken'    # impact 6.0, effort 2.0: quick win
landmark='Werven op houding in plaats van op cv' # impact 6.5, effort 6.0: long-term plan
wait_outcome "$dragged" 'quick win' || fail "$dragged is not a quick win to start with"
from=$(wait_node 'push button' "$dragged") || fail "no card $dragged"
to=$(wait_node 'push button' "$landmark") || fail "no card $landmark"
eval "$(xdotool getwindowgeometry --shell "$wid")"
# The card's label is to the right of its marker: drag by the label.
set -- $from; x0=$(( $1 + X )); y0=$(( $2 + Y ))
set -- $to;   x1=$(( $1 + X ))
echo "# dragging from $x0,$y0 to $x1,$y0"
xdotool mousemove --sync "$x0" "$y0"
xdotool mousedown 1
i=1
while [ $i -le 12 ]; do
  xdotool mousemove --sync $(( x0 + (x1 - x0) * i / 12 )) "$y0"
  i=$((i + 1))
done
xdotool mouseup 1
wait_outcome "$dragged" 'long-term plan' ||
  fail "the drag did not take $dragged into the long-term plan: $(wait_node 'push button' "$dragged" --description)"
echo "ok - the card was dragged into the long-term plan"

# 3. Ctrl+Shift+T lists the snapshots, the one taken first; Enter on it
# compares.
xdotool key ctrl+shift+t
wait_node 'label' 'Nulmeting' >/dev/null || fail "Ctrl+Shift+T did not list the snapshot"
xdotool key Return

# 4. The list of changes, read as a screen reader reads it.
changes=$(atspi '
deadline = time.time() + 30
while time.time() < deadline:
    lst = find_node(pid, lambda n: n.name == "Changes since the snapshot", timeout=5)
    names = []
    if lst is not None:
        names = [n.name for n in walk(lst) if n.getRoleName() == "label" and n.name]
    if names:
        print("\n".join(names))
        sys.exit(0)
    time.sleep(0.2)
sys.exit(1)
') || fail "no list of changes in the AT-SPI tree"
echo "$changes" | sed 's/^/# change: /'
expected="“$dragged”: outcome changed from quick win to long-term plan."
[ "$(echo "$changes" | head -n 1)" = "$expected" ] ||
  fail "the first change should read: $expected"
[ "$(echo "$changes" | wc -l)" -eq 1 ] || fail "only the one finding changed"
heading=$(wait_node 'label' 'Changes since Nulmeting') || fail "no heading Changes since Nulmeting"
echo "ok - the comparison lists: $expected"
xdotool mousemove 0 0
shot compare

# 5. Escape leaves the comparison: the outcome lists come back.
xdotool key Escape
atspi '
deadline = time.time() + 30
while time.time() < deadline:
    if find_node(pid, lambda n: n.name == "Changes since the snapshot" and n.getState().contains(pyatspi.STATE_SHOWING), timeout=0) is None:
        sys.exit(0)
    time.sleep(0.2)
sys.exit(1)
' || fail "Escape did not leave the comparison"
echo "ok - Escape left the comparison"

# 6. Presenting, Page Up shows the snapshot: the card is where it was
# (as a screen reader hears it), the caption names the snapshot; Page Down
# comes back to now.
xdotool key F5
xdotool key Page_Up
wait_outcome "$dragged" 'quick win' ||
  fail "Page Up did not show $dragged where it was: $(wait_node 'push button' "$dragged" --description)"
caption=$(atspi '
deadline = time.time() + 30
while time.time() < deadline:
    node = find_node(pid, lambda n: n.getRoleName() == "label" and n.name.startswith("Snapshot: Nulmeting ("), timeout=5)
    if node is not None:
        print(node.name)
        sys.exit(0)
sys.exit(1)
') || fail "no caption names the snapshot shown"
echo "ok - presenting, Page Up shows the snapshot ($caption)"
shot present-snapshot
xdotool key Page_Down
wait_outcome "$dragged" 'long-term plan' || fail "Page Down did not come back to now"
echo "ok - Page Down comes back to now"
echo "PASS"
