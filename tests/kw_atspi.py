"""The AT-SPI tree of the app a test started, read as a screen reader does.

Shared by the end-to-end tests (test-a11y.py and the Python parts of
test-e2e-drag.sh, test-recovery.sh, test-present.sh and test-gvfs.sh; the
shell scripts put tests/ on PYTHONPATH). Other programs of a test run may
have left entries on the accessibility bus that vanish while they are read,
so everything here matches the process the test started and steps over
nodes that are gone.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import time

import pyatspi


def walk(node, max_depth=None, depth=0):
    """Yields node and everything under it, depth first."""
    try:
        children = list(node) if max_depth is None or depth < max_depth else []
    except Exception:
        return
    yield node
    for child in children:
        if child is not None:
            yield from walk(child, max_depth, depth + 1)


def our_app(pid):
    """The application of process pid on the bus, or None."""
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def wait_for_app(pid, timeout=30):
    """Waits for the app to join the bus (a moment after its window shows)."""
    deadline = time.time() + timeout
    app = our_app(pid)
    while app is None and time.time() < deadline:
        time.sleep(0.3)
        app = our_app(pid)
    return app


def matches(predicate, node):
    try:
        return predicate(node)
    except Exception:
        return False


def find_node(pid, predicate, timeout=20, max_depth=None):
    """Waits for a node of the app's tree that predicate accepts."""
    deadline = time.time() + timeout
    while True:
        app = our_app(pid)
        if app is not None:
            for node in walk(app, max_depth):
                if matches(predicate, node):
                    return node
        if time.time() >= deadline:
            return None
        time.sleep(0.3)


def extents(node):
    """(x, y, width, height) of node, relative to its window."""
    box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return (box.x, box.y, box.width, box.height)


def showing_cards(matrix):
    """The findings' labels on the matrix now: the matrix leaves out of
    the tree the findings it shows no label for (outside a zoomed zone)."""
    cards = []
    for node in walk(matrix):
        try:
            if node.getRoleName() == 'push button' and node.getState().contains(pyatspi.STATE_VISIBLE):
                cards.append(node)
        except Exception:
            pass
    return cards


class Script:
    """An end-to-end test's steps against the app of pid, as a person at
    the keyboard with a screen reader: TAP lines, real keys (xdotool),
    screenshots into KW_SCREENSHOT_DIR when it is set, and waits for what
    the app reports (names, descriptions, the announcer's messages), with a
    deadline only against a hang. Shared by test-e2e-round.py and
    test-e2e-vote.py."""

    def __init__(self, pid, timeout=30):
        import os
        import sys
        self.sys = sys
        self.os = os
        self.timeout = timeout * float(os.environ.get('KW_TEST_SLOWDOWN', '1'))
        self.app = wait_for_app(pid)
        self.step = 0
        self.heard = []
        if self.app is None:
            self.fail('the app did not appear on the accessibility bus')
        pyatspi.Registry.registerEventListener(self._on_name, 'object:property-change:accessible-name')

    def _on_name(self, event):
        try:
            if event.source.getRoleName() == 'alert' and isinstance(event.any_data, str):
                self.heard.append(event.any_data)
        except Exception:
            pass

    def fail(self, message):
        print('not ok - %s' % message)
        self.sys.exit(1)

    def ok(self, message):
        self.step += 1
        print('ok %d - %s' % (self.step, message))

    def key(self, *keys):
        import subprocess
        subprocess.run(['xdotool', 'key', '--clearmodifiers'] + list(keys), check=True)

    def type_text(self, text):
        import subprocess
        subprocess.run(['xdotool', 'type', '--delay', '40', text], check=True)

    def shot(self, name):
        import subprocess
        folder = self.os.environ.get('KW_SCREENSHOT_DIR')
        if folder:
            self.os.makedirs(folder, exist_ok=True)
            subprocess.run(['import', '-window', 'root', self.os.path.join(folder, name + '.png')], check=True)
            print('# screenshot: %s' % self.os.path.join(folder, name + '.png'))

    def texts(self):
        """Every (role, name, description) the app shows now."""
        found = []
        for node in walk(self.app):
            try:
                found.append((node.getRoleName(), node.name or '', node.description or ''))
            except Exception:
                pass
        return found

    def wait(self, predicate, what, describe=None):
        """Waits until predicate(texts()) holds; returns what it returned."""
        deadline = time.time() + self.timeout
        found = []
        while time.time() < deadline:
            pyatspi.Registry.pumpQueuedEvents()
            found = self.texts()
            result = predicate(found)
            if result:
                return result
            time.sleep(0.1)
        self.fail('timed out waiting for %s%s' % (what, ': ' + describe(found) if describe else ''))

    def said(self, pattern, what):
        """Waits until the announcer has said something matching pattern."""
        import re
        regex = re.compile(pattern)

        def check(found):
            names = list(self.heard) + [name for role, name, _ in found if role == 'alert']
            return any(regex.search(name) for name in names)
        self.wait(check, what)
