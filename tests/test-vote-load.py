"""Drives test-vote-load.sh: thirty phones score forty findings at once.

    test-vote-load.py PID WINDOW_ID BOARD

The facilitator starts a round and voting by keyboard and lets the phones
go at their own pace (the check box in the voting popover, through
AT-SPI). Thirty threads, each a phone with its own loopback address,
join and send their scores with Python's http.client, as fast as the
server answers. While they do, the window is read through AT-SPI (it must
keep answering, and the matrix's count for the current finding goes up);
then Ctrl+Shift+Return reveals, Ctrl+S saves, and the saved board must
hold every phone's every score exactly once, as sent.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import http.client
import re
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET

import pyatspi

from kw_atspi import Script, walk

N_PHONES = 30
NS = {'k': 'https://kwadrant.github.io/ns/board'}

pid, wid, board = int(sys.argv[1]), sys.argv[2], sys.argv[3]
script = Script(pid)
fail, ok, key, wait, said = script.fail, script.ok, script.key, script.wait, script.said
finding_ids = [f.get('id') for f in ET.parse(board).getroot().find('k:findings', NS)]


def score(phone, f):
    """Phone's score of finding f: different for every pair, so a score
    that lands twice or under another's name shows."""
    return (phone * 7 + f) % 11, (phone * 3 + f * 5) % 11


def matrix_description(found):
    for role, name, description in found:
        if name == 'Impact/effort matrix':
            return description
    return ''


def node_named(role, prefix):
    for node in walk(script.app):
        try:
            if node.getRoleName() == role and (node.name or '').startswith(prefix):
                return node
        except Exception:
            pass
    return None


class Phone(threading.Thread):
    def __init__(self, index, port, join_path):
        super().__init__()
        self.index, self.port, self.join_path = index, port, join_path
        self.source = '127.0.2.%d' % (index + 1)
        self.cookies = {}
        self.statuses = []
        self.error = None

    def ask(self, method, path, form=None):
        connection = http.client.HTTPConnection('127.0.0.1', self.port, timeout=60,
                                                source_address=(self.source, 0))
        headers = {'Accept-Language': 'nl-NL,nl;q=0.9'}
        if self.cookies:
            headers['Cookie'] = '; '.join('%s=%s' % item for item in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers['Content-Type'] = 'application/x-www-form-urlencoded'
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode('utf-8')
        for cookie in response.headers.get_all('Set-Cookie') or []:
            name, value = cookie.split(';', 1)[0].split('=', 1)
            self.cookies[name] = value
        connection.close()
        return response.status, text

    @staticmethod
    def csrf(page):
        return re.search(r'name="csrf" value="([^"]+)"', page).group(1)

    def run(self):
        try:
            status, page = self.ask('GET', self.join_path)
            status, _ = self.ask('POST', self.join_path, {'csrf': self.csrf(page), 'name': 'Phone %d' % (self.index + 1)})
            if status != 303 or 'kw-token' not in self.cookies:
                raise RuntimeError('joining gave %d' % status)
            status, page = self.ask('GET', '/vote')
            token = self.csrf(page)
            for f, finding in enumerate(finding_ids):
                impact, effort = score(self.index, f)
                status, _ = self.ask('POST', '/vote', {'csrf': token, 'finding': finding,
                                                       'impact': impact, 'effort': effort})
                self.statuses.append(status)
        except Exception as error:
            self.error = '%s: %s' % (type(error).__name__, error)


# 1. Ctrl+Shift+R, Ctrl+Shift+P; the phones go at their own pace.
key('ctrl+shift+r')
wait(lambda found: 'Round on' in matrix_description(found), 'the round to start')
key('ctrl+shift+p')
qr = wait(lambda found: node_named('image', 'QR code of http://'), 'the QR code')
join_uri = qr.name[len('QR code of '):]
address = urllib.parse.urlparse(join_uri)
own_pace = wait(lambda found: node_named('check box', 'Participants Go at Their Own Pace'),
                'the own-pace check box')
# The popover opens with the focus on its one control, the check box
# (GTK 4.8 gives it no AT-SPI action): Space ticks it, as for a keyboard
# user.
wait(lambda found: own_pace.getState().contains(pyatspi.STATE_FOCUSED), 'the own-pace check box to have the focus')
key('space')
wait(lambda found: own_pace.getState().contains(pyatspi.STATE_CHECKED), 'the own-pace check box to be ticked')
ok('a round of %d findings, voting at %s, the phones at their own pace' % (len(finding_ids), address.netloc))

# 2. The room scores, all at once; the window is read meanwhile.
phones = [Phone(i, address.port, address.path) for i in range(N_PHONES)]
begin = time.time()
for phone in phones:
    phone.start()
counts = []
while any(phone.is_alive() for phone in phones):
    pyatspi.Registry.pumpQueuedEvents()
    match = re.search(r'(\d+) of \d+ in', matrix_description(script.texts()))
    if match:
        counts.append(int(match.group(1)))
    if time.time() - begin > script.timeout * 4:
        fail('the phones did not finish')
for phone in phones:
    phone.join()
elapsed = time.time() - begin
errors = [(phone.index, phone.error) for phone in phones if phone.error]
if errors:
    fail('phones failed: %r' % errors[:5])
wrong = [(phone.index, s) for phone in phones for s in phone.statuses if s != 303]
if wrong or sum(len(phone.statuses) for phone in phones) != N_PHONES * len(finding_ids):
    fail('not every score was taken: %r' % wrong[:5])
final = wait(lambda found: re.search(r'%d of %d in' % (N_PHONES, N_PHONES), matrix_description(found)),
             'the matrix to count every phone in')
if not counts:
    fail('the window did not answer a screen reader while the phones scored')
ok('%d phones sent %d scores in %.1f s, each answered 303; meanwhile the window read out its matrix %d times '
   '(%s in); then the matrix says "%s"'
   % (N_PHONES, N_PHONES * len(finding_ids), elapsed, len(counts), ', '.join(map(str, counts)), final.group(0)))

# 3. Reveal, save: every score exactly once, as sent.
key('Escape')
key('ctrl+shift+Return')
said(r'^%d estimates revealed$' % (N_PHONES * len(finding_ids)), 'the reveal of every score')
key('ctrl+s')
deadline = time.time() + script.timeout
while True:
    root = ET.parse(board).getroot()
    names = {p.get('id'): p.get('name') for p in root.iter('{%s}participant' % NS['k'])}
    if len(names) == N_PHONES:
        break
    if time.time() > deadline:
        fail('the saved board has %d participants' % len(names))
    time.sleep(0.1)
found = {}
for f, finding in enumerate(root.find('k:findings', NS)):
    for estimate in finding.iter('{%s}estimate' % NS['k']):
        pair = (names[estimate.get('participant')], finding.get('id'))
        if pair in found:
            fail('%s scored %s twice' % pair)
        found[pair] = (float(estimate.get('impact')), float(estimate.get('effort')))
for i in range(N_PHONES):
    for f, finding in enumerate(finding_ids):
        if found.get(('Phone %d' % (i + 1), finding)) != tuple(float(v) for v in score(i, f)):
            fail('Phone %d\'s score of %s is %r' % (i + 1, finding, found.get(('Phone %d' % (i + 1), finding))))
ok('revealed and saved: %d estimates, every phone\'s every score exactly once and as sent' % len(found))
print('1..%d' % script.step)
