#!/bin/sh
# End to end, a blind round for three participants by the keyboard: the
# real app under openbox on tests/data/boards/round-three.kwadrant (three
# participants, three findings, no 7 anywhere). Ctrl+Shift+R starts the
# round; Ctrl+Shift+E opens the estimates grid, where "7 3", Tab, "6 2",
# Tab, "9 4", Enter give the three estimates of the first finding. Read
# through AT-SPI: each arrival is announced and no accessible name or
# description of the grid, the matrix or the details panel holds a 7
# before the reveal; Ctrl+Shift+Return reveals, and the 7 is read in the
# grid and on the matrix; Ctrl+Z undoes the reveal, and it is gone again.
# tests/test-e2e-round.py drives it; every step waits for what the app
# reports through AT-SPI, never for a time.
#
# KW_SCREENSHOT_DIR (optional) keeps screenshots before and after the
# reveal.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop import /usr/bin/python3
kw_start_screen 1280x800

board="$tmp/board.kwadrant"
cp "$src/tests/data/boards/round-three.kwadrant" "$board"

kw_start_app "$board" 'Customer contact: round'

PYTHONPATH="$src/tests" /usr/bin/python3 "$src/tests/test-e2e-round.py" "$pid" "$wid" "$tmp" ||
  fail "the round did not go as it should (see above)"
