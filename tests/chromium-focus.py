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
import sys

from kw_chromium import Browser

MAX_TABS = 100


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
        session = browser.attach_page()
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
