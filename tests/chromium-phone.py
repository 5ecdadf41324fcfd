#!/usr/bin/python3
"""A phone in the room, voting: headless Chromium at a phone's size opens
the join address (from the QR code), types a name, taps Join, taps the
impact and the effort and taps Send, as a thumb would (real touch
events at the elements' places). Reports one JSON object on stdout: the
texts it met on each page, how wide each page was laid out against the
screen, every request the browser made, and what the console said.

    chromium-phone.py BROWSER JOIN_URL NAME IMPACT EFFORT LANGUAGE [SCREENSHOT.png] [-- BROWSER_ARGS...]

The phone is 390 pixels wide, or KW_PHONE_WIDTH.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import base64
import json
import os
import sys

from kw_chromium import Browser

WIDTH = int(os.environ.get("KW_PHONE_WIDTH", "390"))
HEIGHT = 844

PAGE_STATE = '''(() => ({
  url: location.pathname + location.search,
  heading: (document.querySelector('h1') || {}).textContent || '',
  alert: (document.querySelector('[role=alert]') || {}).textContent || '',
  status: (document.querySelector('[role=status]') || {}).textContent || '',
  progress: (document.querySelector('.progress') || {}).textContent || '',
  lang: document.documentElement.lang,
  scroll_width: document.documentElement.scrollWidth,
  scripts: document.scripts.length,
}))()'''


def centre_of(browser, session, selector):
    expression = '''(() => {
      const e = document.querySelector(%s);
      if (!e) return null;
      e.scrollIntoView({block: 'center'});
      const r = e.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2];
    })()''' % json.dumps(selector)
    point = browser.call('Runtime.evaluate', session, expression=expression, returnByValue=True)['result']['value']
    if point is None:
        raise RuntimeError('nothing on the page matches ' + selector)
    return point


def tap(browser, session, selector):
    x, y = centre_of(browser, session, selector)
    for kind in ('touchStart', 'touchEnd'):
        points = [{'x': x, 'y': y}] if kind == 'touchStart' else []
        browser.call('Input.dispatchTouchEvent', session, type=kind, touchPoints=points)


def state(browser, session):
    return browser.call('Runtime.evaluate', session, expression=PAGE_STATE, returnByValue=True)['result']['value']


def tap_and_wait(browser, session, selector):
    """Taps what submits a form and waits for the page that follows."""
    tap(browser, session, selector)
    browser.wait_for_event('Page.loadEventFired', session)
    return state(browser, session)


def main():
    args = sys.argv[1:]
    browser_args = []
    if '--' in args:
        browser_args = args[args.index('--') + 1:]
        args = args[:args.index('--')]
    browser_path, url, name, impact, effort, language = args[:6]
    screenshot = args[6] if len(args) > 6 else None

    browser = Browser(browser_path, browser_args)
    pages = []
    requests = []
    console = []
    try:
        session = browser.attach_page()
        browser.call('Page.enable', session)
        browser.call('Network.enable', session)
        browser.call('Log.enable', session)
        browser.call('Emulation.setDeviceMetricsOverride', session, width=WIDTH, height=HEIGHT,
                     deviceScaleFactor=1, mobile=True)
        browser.call('Emulation.setTouchEmulationEnabled', session, enabled=True, maxTouchPoints=1)
        browser.call('Network.setUserAgentOverride', session,
                     userAgent='Mozilla/5.0 (Linux; Android 14) Mobile', acceptLanguage=language)

        browser.call('Page.navigate', session, url=url)
        browser.wait_for_event('Page.loadEventFired', session)
        pages.append(state(browser, session))

        tap(browser, session, 'input[name=name]')
        browser.call('Input.insertText', session, text=name)
        pages.append(tap_and_wait(browser, session, 'form button'))

        tap(browser, session, 'input[name=impact][value="%s.0"] + span' % impact)
        tap(browser, session, 'input[name=effort][value="%s.0"] + span' % effort)
        pages.append(tap_and_wait(browser, session, 'form button'))

        if screenshot:
            shot = browser.call('Page.captureScreenshot', session, format='png')
            with open(screenshot, 'wb') as out:
                out.write(base64.b64decode(shot['data']))

        for event in browser.events:
            if event.get('method') == 'Network.requestWillBeSent':
                requests.append(event['params']['request']['url'])
            elif event.get('method') == 'Log.entryAdded':
                console.append(event['params']['entry'].get('text', ''))
        print(json.dumps({'pages': pages, 'requests': requests, 'console': console, 'width': WIDTH}))
    finally:
        browser.close()


if __name__ == '__main__':
    main()
