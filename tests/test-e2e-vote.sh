#!/bin/sh
# End to end, voting from a phone: the real app under openbox on
# tests/data/boards/round-three.kwadrant (three participants, three
# findings, no 7 anywhere). Ctrl+Shift+R starts a round and Ctrl+Shift+P
# starts voting; the QR code on the screen is read with zbarimg, and
# headless Chromium at a phone's size, 360 pixels wide
# (tests/chromium-phone.py), opens the
# address it holds, joins as Dana and scores the current finding 7 and 3
# with taps. The app is read through AT-SPI as a screen reader would:
# Dana's joining and her estimate are announced, and no 7 is readable
# anywhere before the reveal; Ctrl+Shift+Return reveals, the server stops
# listening, Ctrl+S saves, and `kwadrant --check` and the exported HTML
# plan show Dana's estimate. tests/test-e2e-vote.py drives it; every step
# waits for what the app reports, never for a time.
#
# KW_SCREENSHOT_DIR (optional) keeps the screen with the QR code and the
# phone's page.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop import zbarimg chromium /usr/bin/python3
kw_start_screen 1280x800

board="$tmp/board.kwadrant"
cp "$src/tests/data/boards/round-three.kwadrant" "$board"

kw_start_app "$board" 'Customer contact: round'

PYTHONPATH="$src/tests" /usr/bin/python3 "$src/tests/test-e2e-vote.py" "$pid" "$wid" "$tmp" ||
  fail "voting from the phone did not go as it should (see above)"
