#!/usr/bin/python3
# chromium-focus.py BROWSER URL [ARGS...]: opens URL in headless Chromium
# and reports, as one JSON object on stdout, what a keyboard and a screen
# reader user meet there: the elements Tab stops on, pressing real Tab key
# events until the focus comes round again (at most 100), and from the
# accessibility tree the links and the images with their names and
# descriptions, the headings with their levels in the document's order, and
# the colours the text of the page's follow-up parts is drawn in (its
# colour and the first opaque background behind it, as rendered), for a
# contrast check. Talks to the browser over --remote-debugging-pipe (the
# DevTools protocol on file descriptors 3 and 4), so nothing listens on
# the network. ARGS go to the browser (offline flags, a profile folder).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import subprocess
import sys

MAX_TABS = 100


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


DESCRIBE_FOCUS = '''(() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return '';
  return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '');
})()'''


DESCRIBE_HEADINGS = '''[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .map(h => [parseInt(h.tagName.slice(1)), h.textContent.trim()])'''

# The text of the summary's progress list, of the list of findings due
# for review and of "Where we disagreed", with the colours it is drawn in.
DESCRIBE_COLOURS = '''(() => {
  const opaque = (e) => {
    for (; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const selectors = '.follow-up h3, ul.follow-up li, #due-for-review h2, #due-for-review p, ' +
    '#due-for-review .number, #due-for-review .title, #due-for-review dt, #due-for-review dd, ' +
    '.review-due dt, .review-due dd, .overdue dt, .overdue dd, ' +
    '#disagreement h2, #disagreement p, #disagreement .number, #disagreement .title, ' +
    '#disagreement dt, #disagreement dd';
  return [...document.querySelectorAll(selectors)].map(e => ({
    selector: e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ').join('.') : ''),
    text: e.textContent.trim().slice(0, 60),
    color: getComputedStyle(e).color,
    background: opaque(e),
    size: parseFloat(getComputedStyle(e).fontSize),
    weight: parseInt(getComputedStyle(e).fontWeight),
  }));
})()'''


def press_tab(browser, session):
    for kind in ('rawKeyDown', 'keyUp'):
        browser.call('Input.dispatchKeyEvent', session, type=kind, key='Tab', code='Tab',
                     windowsVirtualKeyCode=9, nativeVirtualKeyCode=9)


def focused(browser, session):
    result = browser.call('Runtime.evaluate', session, expression=DESCRIBE_FOCUS, returnByValue=True)
    return result['result']['value']


def ax_value(node, key):
    return (node.get(key) or {}).get('value', '')


def main():
    browser_path, url, *args = sys.argv[1:]
    browser = Browser(browser_path, args)
    try:
        page = next(t for t in browser.call('Target.getTargets')['targetInfos'] if t['type'] == 'page')
        session = browser.call('Target.attachToTarget', targetId=page['targetId'], flatten=True)['sessionId']
        browser.call('Page.enable', session)
        browser.call('Page.navigate', session, url=url)
        browser.wait_for_event('Page.loadEventFired', session)

        stops = []
        for _ in range(MAX_TABS):
            press_tab(browser, session)
            stop = focused(browser, session)
            if stop == '' and stops:
                break          # past the last stop, back to the page itself
            if stop in stops:
                break          # round again
            if stop:
                stops.append(stop)

        nodes = browser.call('Accessibility.getFullAXTree', session)['nodes']
        roles = [ax_value(n, 'role') for n in nodes if not n.get('ignored')]
        images = [{'name': ax_value(n, 'name'), 'description': ax_value(n, 'description'),
                   'children': len(n.get('childIds', []))}
                  for n in nodes if not n.get('ignored') and ax_value(n, 'role') in ('image', 'img')]
        # In the document's order, which the full tree does not keep.
        headings = browser.call('Runtime.evaluate', session, expression=DESCRIBE_HEADINGS,
                                returnByValue=True)['result']['value']
        colours = browser.call('Runtime.evaluate', session, expression=DESCRIBE_COLOURS,
                               returnByValue=True)['result']['value']
        print(json.dumps({'tab_stops': stops, 'links': roles.count('link'), 'images': images,
                          'headings': headings, 'colours': colours}))
    finally:
        browser.close()


if __name__ == '__main__':
    main()
