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
