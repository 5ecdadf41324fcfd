#!/bin/sh
# End to end: the real app on a copy of the Dutch example board, one card
# dragged with real X pointer events from the quick wins into the long-term
# plan, Ctrl+S, and the saved file checked with kwadrant --check.
#
# Runs under the test display (xvfb-run + dbus-run-session). Finds the
# cards through the AT-SPI tree, so it does not depend on the window's
# layout.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

: "${KWADRANT:?KWADRANT must name the kwadrant binary}"
src=${KW_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
python=/usr/bin/python3

if [ -z "${DISPLAY:-}" ]; then
  echo "SKIP: no display (run under xvfb-run)"
  exit 77
fi
for tool in xdotool "$python"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: $tool is missing"
    exit 1
  fi
done

tmp=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

board="$tmp/board.kwadrant"
cp "$src/data/examples/klantcontact-nl.kwadrant" "$board"

counts() {
  LC_ALL=C.UTF-8 LANGUAGE=C "$KWADRANT" --check "$board"
}
count_of() { # OUTCOME LINE
  printf '%s\n' "$2" | sed -n "s/.*[(,] *$1 \([0-9]*\).*/\1/p"
}

before=$(counts)
echo "# before: $before"

# Its own data folder: the board's autosaved draft stays out of other tests.
LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data" \
  "$KWADRANT" "$board" >"$tmp/app.log" 2>&1 &
pid=$!

wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Klantcontact 2027' | head -n 1) || true
if [ -z "$wid" ]; then
  echo "FAIL: the window did not appear"; cat "$tmp/app.log"; exit 1
fi
eval "$(xdotool getwindowgeometry --shell "$wid")"
win_x=$X
win_y=$Y

# The centre of a card (a button on the matrix, named after its finding),
# in window coordinates, from the AT-SPI tree; waits for it to show.
card_centre() {
  PYTHONPATH="$src/tests" "$python" - "$1" "$pid" <<'PY'
import sys, time
import pyatspi
from kw_atspi import find_node

title = sys.argv[1]
pid = int(sys.argv[2])

def is_card(node):
    return node.getRoleName() == 'push button' and node.name == title

deadline = time.time() + 30
while time.time() < deadline:
    card = find_node(pid, is_card, timeout=0)
    if card is not None:
        e = card.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if e.width > 0:
            print(e.x + e.width // 2, e.y + e.height // 2)
            sys.exit(0)
    time.sleep(0.3)
sys.exit(1)
PY
}

dragged='Watermeloenrapportage doorprikken'   # impact 6.0, effort 2.0: quick win
landmark='Werven op houding in plaats van op cv' # impact 6.5, effort 6.0: long-term

if ! from=$(card_centre "$dragged") || ! to=$(card_centre "$landmark"); then
  echo "FAIL: the cards are not in the AT-SPI tree"; sed 's/^/# app: /' "$tmp/app.log"; exit 1
fi
set -- $from; x0=$(( $1 + win_x )); y0=$(( $2 + win_y ))
set -- $to;   x1=$(( $1 + win_x ))
echo "# dragging from $x0,$y0 to $x1,$y0"

# Drag in steps, as a hand does: the card follows the pointer live.
xdotool mousemove --sync "$x0" "$y0"
sleep 0.3
xdotool mousedown 1
steps=12
i=1
while [ $i -le $steps ]; do
  xdotool mousemove --sync $(( x0 + (x1 - x0) * i / steps )) "$y0"
  sleep 0.05
  i=$((i + 1))
done
sleep 0.2
xdotool mouseup 1
sleep 0.5

saved() {
  [ "$(counts)" != "$before" ]
}

xdotool key --window "$wid" ctrl+s
n=0
while ! saved && [ $n -lt 20 ]; do sleep 0.25; n=$((n + 1)); done
if ! saved; then
  # Some X servers drop synthetic key events; send it as real input.
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  xdotool key --clearmodifiers ctrl+s
  n=0
  while ! saved && [ $n -lt 40 ]; do sleep 0.25; n=$((n + 1)); done
fi

after=$(counts)
echo "# after: $after"

fail=0
expect() { # OUTCOME EXPECTED
  got=$(count_of "$1" "$after")
  if [ "$got" != "$2" ]; then
    echo "FAIL: $1 should be $2 after the drag, is ${got:-missing}"
    fail=1
  fi
}
qw=$(count_of quick-win "$before")
lt=$(count_of long-term "$before")
expect quick-win $((qw - 1))
expect long-term $((lt + 1))
expect small-fix "$(count_of small-fix "$before")"
expect drop "$(count_of drop "$before")"

[ $fail -eq 0 ] && echo "PASS: the dragged finding moved from the quick wins to the long-term plan"
exit $fail
