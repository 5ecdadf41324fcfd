#!/bin/sh
# A room of phones against the real app: 30 simulated participants
# (tests/test-vote-load.py, Python's http.client, each from its own
# loopback address) score a round of 40 findings at their own pace, all at
# once, while the window is read through AT-SPI. Every estimate must
# arrive exactly once, with its value, through the reveal and the saved
# board; the window must keep answering during the load.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop import /usr/bin/python3
kw_start_screen 1280x800

board="$tmp/board.kwadrant"
# The 60-finding workshop, cut to its first 40 findings.
/usr/bin/python3 - "$src/tests/data/boards/workshop-60-nl.kwadrant" "$board" <<'PY'
import re
import sys
text = open(sys.argv[1], encoding='utf-8').read()
findings = re.findall(r'    <finding id=.*?</finding>\n', text, re.S)
for finding in findings[40:]:
    text = text.replace(finding, '')
open(sys.argv[2], 'w', encoding='utf-8').write(text)
PY

kw_start_app "$board" 'Workshop klantcontact'

PYTHONPATH="$src/tests" /usr/bin/python3 "$src/tests/test-vote-load.py" "$pid" "$wid" "$board" ||
  fail "the room's scores did not all arrive (see above)"
