"""Drives test-e2e-vote.sh: a phone votes in the app's round.

    test-e2e-vote.py PID WINDOW_ID FOLDER

FOLDER holds the board (board.kwadrant); its random name is left out of
what is read. The board has no digit 7 anywhere; the phone scores the
round's first finding 7 and 3. So before the reveal no accessible name or
description of the app may hold a 7; after it, and in the saved board and
its plan, Dana's 7 is there.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import json
import os
import re
import socket
import subprocess
import sys
import time

from kw_atspi import Script

pid, wid, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]
script = Script(pid)
fail, ok, key, shot, wait, said = script.fail, script.ok, script.key, script.shot, script.wait, script.said
board = os.path.join(folder, 'board.kwadrant')
kwadrant = os.environ['KWADRANT']
browser = subprocess.run(['sh', '-c', 'command -v chromium || command -v chromium-browser'],
                         capture_output=True, text=True).stdout.strip()


def sevens(found, address, room_code, join_uri):
    """What holds a 7, but for the board's folder (the window's subtitle
    and the recent boards name it) and the voting address, room code and
    join address (random, and shown on purpose)."""
    def clean(text):
        for known in (folder, join_uri, address, room_code):
            text = text.replace(known, '')
        return text
    return ['%s %r %r' % item for item in found if '7' in clean(item[1]) or '7' in clean(item[2])]


def address_label(found):
    for role, name, _ in found:
        match = re.match(r'^Or go to (\S+) and give the room code (\d{3} \d{3})$', name)
        if match:
            return match
    return None


def scan_screen():
    """What zbarimg reads on the screen: the QR code's text, or None."""
    png = os.path.join(folder, 'screen.png')
    subprocess.run(['import', '-window', 'root', png], check=True)
    read = subprocess.run(['zbarimg', '--raw', '-q', '-Sbinary', png], capture_output=True, text=True)
    return read.stdout.strip() if read.returncode == 0 else None


def refused(address):
    host, port = address.rsplit(':', 1)
    try:
        with socket.create_connection((host, int(port)), timeout=5):
            return False
    except OSError:
        return True


# 1. Ctrl+Shift+R starts a round, Ctrl+Shift+P voting from phones: the
# header bar's popover shows the code, the address and the room code.
key('ctrl+shift+r')
wait(lambda found: any(name == 'Impact/effort matrix' and 'Round on “Callback queue”' in description
                       for role, name, description in found), 'the round to start on "Callback queue"')
key('ctrl+shift+p')
match = wait(address_label, 'the address and room code to show')
address, room_code = match.group(1), match.group(2)
ok('Ctrl+Shift+R, Ctrl+Shift+P: voting at %s, room code %s' % (address, room_code))

# 2. A phone's camera: the QR code on the screen holds the join address.
join_uri = None
deadline = time.time() + script.timeout
while join_uri is None and time.time() < deadline:
    join_uri = scan_screen()
if join_uri is None or not join_uri.startswith('http://%s/j/' % address):
    fail('the QR code on the screen reads %r, not a join address at %s' % (join_uri, address))
if len(join_uri.rsplit('/', 1)[1]) < 22:
    fail('the secret in %r is shorter than 128 bits' % join_uri)
shot('voting-window')
ok('zbarimg reads the join address in the QR code on the screen')

# 3. The phone joins as Dana and scores 7 and 3, with taps.
profile = os.path.join(folder, 'phone-profile')
phone_png = os.path.join(os.environ.get('KW_SCREENSHOT_DIR') or folder, 'voting-phone.png')
run = subprocess.run(['timeout', str(int(script.timeout * 2)), sys.executable,
                      os.path.join(os.path.dirname(__file__), 'chromium-phone.py'),
                      browser, join_uri, 'Dana', '7', '3', 'en-GB,en;q=0.9', phone_png, '--',
                      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
                      '--disable-component-update', '--disable-sync', '--user-data-dir=' + profile],
                     capture_output=True, text=True,
                     env=dict(os.environ, KW_PHONE_WIDTH='360'))  # the narrowest phone the page is for
if run.returncode != 0:
    fail('the phone could not vote: %s' % run.stderr[-2000:])
phone = json.loads(run.stdout)
pages = phone['pages']
origin = 'http://%s/' % address
if [p['heading'] for p in pages] != ['Who are you?', 'Callback queue', 'Callback queue']:
    fail('the phone saw these headings: %r' % [p['heading'] for p in pages])
if pages[2]['status'] != 'Your score is in.':
    fail('after sending, the phone says %r' % pages[2]['status'])
if any(p['scroll_width'] > phone['width'] or p['scripts'] for p in pages):
    fail('a page is wider than the phone or has a script: %r' % pages)
if any(not url.startswith(origin) for url in phone['requests']):
    fail('the phone was made to ask elsewhere: %r' % phone['requests'])
if phone['console']:
    fail('the phone\'s console says: %r' % phone['console'])
ok('the phone joined as Dana and sent 7 and 3: %d requests, all to %s, no script, no console message, '
   'every page %d px wide' % (len(phone['requests']), origin, phone['width']))

# 4. The window hears her: joined and in, and still no 7 anywhere.
said(r'^Dana joined from a phone$', 'Dana\'s joining to be announced')
said(r'^Dana has given an estimate$', 'Dana\'s estimate to be announced')
leaks = sevens(script.texts(), address, room_code, join_uri)
if leaks:
    fail('a value is readable before the reveal: %s' % '; '.join(leaks))
ok('announced: "Dana joined from a phone", "Dana has given an estimate"; no 7 readable before the reveal')

# 5. Ctrl+Shift+Return reveals (the popover closed first with Escape);
# the server stops listening.
key('Escape')
subprocess.run(['xdotool', 'windowactivate', '--sync', wid], check=True)
key('ctrl+shift+Return')
said(r'^1 estimate revealed$', 'the reveal to be announced')
deadline = time.time() + script.timeout
while not refused(address):
    if time.time() > deadline:
        fail('%s still answers after the reveal' % address)
    time.sleep(0.1)
ok('Ctrl+Shift+Return reveals Dana\'s estimate; nothing listens at %s any more' % address)

# 6. Ctrl+S saves; the board and its plan hold her 7.
key('ctrl+s')
deadline = time.time() + script.timeout
while 'name="Dana"' not in open(board, encoding='utf-8').read():
    if time.time() > deadline:
        fail('the saved board has no Dana')
    time.sleep(0.1)
check = subprocess.run([kwadrant, '--check', board], capture_output=True, text=True)
if check.returncode != 0:
    fail('kwadrant --check: %s%s' % (check.stdout, check.stderr))
saved = open(board, encoding='utf-8').read()
if not re.search(r'<estimate participant="p4" impact="7(\.0)?" effort="3(\.0)?"', saved):
    fail('the saved board has no 7/3 estimate of Dana: %s' % saved)
plan = os.path.join(folder, 'plan.html')
export = subprocess.run([kwadrant, '--export-plan', plan, board], capture_output=True, text=True)
if export.returncode != 0:
    fail('kwadrant --export-plan: %s' % export.stderr)
text = re.sub(r'<[^>]*>', ' ', open(plan, encoding='utf-8').read())
item = re.search(r'Callback queue\s+Impact.{0,400}', text)
facts = re.sub(r'\s+', ' ', item.group(0)) if item else ''
if 'Estimates 1 ' not in facts or "Group's median impact 7.0, effort 3.0" not in facts:
    fail('the plan does not give the phone\'s estimate of "Callback queue": %r' % facts)
ok('Ctrl+S: --check passes, the board holds Dana\'s 7 and 3, the plan reads "Estimates 1, Group\'s median '
   'impact 7.0, effort 3.0" under "Callback queue"')
print('1..%d' % script.step)
