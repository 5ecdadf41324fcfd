#!/bin/sh
# Presentation mode under a real window manager: F5 makes the window
# fullscreen (the window manager says so in _NET_WM_STATE and the window
# covers the screen), Escape gives back the window as it was, and F5 twice
# leaves it as well.
#
# The test display of the other tests has no window manager, and one there
# would move and focus their windows, so this test starts its own Xvfb with
# openbox on a free display, larger than the window. KW_SCREENSHOT_DIR (optional) keeps the
# screenshot of the presented matrix.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop xwininfo import
kw_start_screen 1600x1000

board="$tmp/board.kwadrant"
cp "$src/data/examples/klantcontact-nl.kwadrant" "$board"
LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data" \
  "$KWADRANT" "$board" >"$tmp/app.log" 2>&1 &
pid=$!

wid=$(timeout 30 xdotool search --sync --onlyvisible --name 'Klantcontact 2027' | head -n 1) || true
[ -n "$wid" ] || fail "the window did not appear"
xdotool windowactivate --sync "$wid" || fail "the window could not be activated"
# The pointer off the cards: no tooltip in the screenshot.
xdotool mousemove 0 0

state() {
  xprop -id "$wid" _NET_WM_STATE
}
# WIDTHxHEIGHT of the window (xwininfo -id ID) or the screen (-root).
geometry() {
  xwininfo "$@" | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }'
}
size() {
  geometry -id "$wid"
}
# Waits up to 15 s (a sanitizer build is slow) for the window manager's
# state and the window's size.
wait_for() { # fullscreen|windowed SIZE
  i=0
  while :; do
    if state | grep -q _NET_WM_STATE_FULLSCREEN; then now=fullscreen; else now=windowed; fi
    [ "$now" = "$1" ] && [ "$(size)" = "$2" ] && return 0
    i=$((i + 1))
    [ "$i" -lt 150 ] || return 1
    sleep 0.1
  done
}

# The names of the selected cards, as a screen reader learns them.
selected_cards() {
  PYTHONPATH="$src/tests" /usr/bin/python3 - "$pid" <<'PY'
import sys
import pyatspi
from kw_atspi import wait_for_app, walk

app = wait_for_app(int(sys.argv[1]))
if app is None:
    sys.exit(1)
for node in walk(app):
    try:
        if node.getRoleName() == 'push button' and node.getState().contains(pyatspi.STATE_SELECTED):
            print(node.name)
    except Exception:
        pass
PY
}

screen=$(geometry -root)
before=$(size)
echo "# window $before on a $screen screen"
[ "$before" != "$screen" ] || fail "the window already covers the screen"

xdotool key F5
wait_for fullscreen "$screen" || fail "F5 did not make the window fullscreen: $(state), $(size)"
echo "ok - F5: fullscreen, $(size)"
# Presenting selects nothing by itself: before F5 the focus was in the
# header bar, which hides, and the focus must not fall onto a card.
selected=$(selected_cards) || fail "the AT-SPI tree could not be read"
[ -z "$selected" ] || fail "presenting selected a finding: $selected"
echo "ok - no finding selected by presenting"
shot presentation

xdotool key Escape
wait_for windowed "$before" || fail "Escape did not give back the window: $(state), $(size)"
echo "ok - Escape: back to $(size)"

xdotool key F5
wait_for fullscreen "$screen" || fail "F5 did not present again: $(state), $(size)"
xdotool key F5
wait_for windowed "$before" || fail "a second F5 did not leave the presentation: $(state), $(size)"
echo "ok - F5 twice: presented and back"

kill -0 "$pid" 2>/dev/null || fail "the app exited"
echo "PASS"
