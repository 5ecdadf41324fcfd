"""Headless Chromium driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: commands on file descriptor 3, replies on 4), so
nothing listens on the network. Shared by chromium-focus.py (the HTML
plan) and chromium-phone.py (a phone voting).

SPDX-License-Identifier: GPL-3.0-or-later
"""

import json
import os
import subprocess


class Browser:
    def __init__(self, browser, args):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        # The browser reads commands on fd 3 and writes on fd 4 (kept open
        # by pass_fds: the child closes the others after preexec_fn).
        os.set_inheritable(to_browser_r, True)
        os.set_inheritable(from_browser_w, True)

        def arrange_fds():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.process = subprocess.Popen([browser, '--headless', '--remote-debugging-pipe', *args, 'about:blank'],
                                        preexec_fn=arrange_fds, pass_fds=(3, 4),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.buffer = b''
        self.events = []

    def _read_message(self):
        while b'\0' not in self.buffer:
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise RuntimeError('the browser closed its pipe')
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b'\0', 1)
        return json.loads(message)

    def call(self, method, session=None, **params):
        self.next_id += 1
        message = {'id': self.next_id, 'method': method, 'params': params}
        if session:
            message['sessionId'] = session
        os.write(self.to_browser, json.dumps(message).encode() + b'\0')
        while True:
            reply = self._read_message()
            if reply.get('id') == self.next_id:
                if 'error' in reply:
                    raise RuntimeError(f'{method}: {reply["error"]}')
                return reply.get('result', {})
            self.events.append(reply)

    def wait_for_event(self, method, session):
        while True:
            for i, event in enumerate(self.events):
                if event.get('method') == method and event.get('sessionId') == session:
                    del self.events[i]
                    return event
            self.events.append(self._read_message())

    def close(self):
        try:
            self.call('Browser.close')
        except RuntimeError:
            pass
        self.process.wait(timeout=30)

    def attach_page(self):
        """The session of the browser's first page."""
        page = next(t for t in self.call('Target.getTargets')['targetInfos'] if t['type'] == 'page')
        return self.call('Target.attachToTarget', targetId=page['targetId'], flatten=True)['sessionId']
