#!/bin/sh
# The shortcuts window (Ctrl+?) on a 1366×768 laptop screen, under the
# openbox window manager, in English and in Dutch (whose titles are
# longer): the whole window, its close button included, lies on the
# screen. The window manager places it and reports its frame; xdotool
# reads the client window's geometry.
#
# KW_SCREENSHOT_DIR (optional) keeps a screenshot of each language.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop import
# Guards against a hang wait longer under the sanitizers.
slowdown=${KW_TEST_SLOWDOWN:-1}
screen_w=1366
screen_h=768
kw_start_screen "${screen_w}x${screen_h}"

board="$tmp/board.kwadrant"
cp "$src/data/examples/klantcontact-nl.kwadrant" "$board"

# Prints "X Y WIDTH HEIGHT" of a window, as xdotool reads it.
geometry_of() { # WINDOW
  xdotool getwindowgeometry --shell "$1" |
    awk -F= '/^X=/ { x = $2 } /^Y=/ { y = $2 } /^WIDTH=/ { w = $2 } /^HEIGHT=/ { h = $2 }
             END { print x, y, w, h }'
}

# Waits up to 30 s (more under the sanitizers) for a visible window of
# the app other than the main window, and prints its id.
wait_for_other_window() { # MAIN
  i=0
  while [ "$i" -lt $((300 * slowdown)) ]; do
    for w in $(xdotool search --onlyvisible --pid "$pid" 2>/dev/null || true); do
      if [ "$w" != "$1" ] && [ "$(geometry_of "$w" | cut -d' ' -f3)" -gt 100 ]; then
        echo "$w"
        return 0
      fi
    done
    i=$((i + 1))
    sleep 0.1
  done
  return 1
}

check_language() { # LANGUAGE LOCALE
  LC_ALL="$2" LANGUAGE="$1" GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data-$1" \
    KWADRANT_LOCALEDIR="${KWADRANT_LOCALEDIR:-}" "$KWADRANT" "$board" >"$tmp/app.log" 2>&1 &
  pid=$!

  wid=$(timeout $((30 * slowdown)) xdotool search --sync --onlyvisible --pid "$pid" | head -n 1) || true
  [ -n "$wid" ] || fail "the board window did not appear ($1)"
  xdotool windowactivate --sync "$wid" || fail "the window could not be activated ($1)"
  xdotool mousemove 0 0
  xdotool key --clearmodifiers ctrl+question

  shortcuts=$(wait_for_other_window "$wid") || fail "Ctrl+? showed no shortcuts window ($1)"
  # GTK sizes the window before it maps it, and the window manager has
  # placed it once it is viewable, which wait_for_other_window waited for.
  now=$(geometry_of "$shortcuts")
  set -- "$1" $now
  echo "# $1: shortcuts window at $2,$3, $4x$5 on a ${screen_w}x${screen_h} screen"
  shot "shortcuts-$1"

  [ "$2" -ge 0 ] && [ "$3" -ge 0 ] || fail "the shortcuts window starts off the screen ($1: $2,$3)"
  [ $(($2 + $4)) -le "$screen_w" ] ||
    fail "the shortcuts window is wider than the screen ($1: right edge at $(($2 + $4)))"
  [ $(($3 + $5)) -le "$screen_h" ] ||
    fail "the shortcuts window is taller than the screen ($1: bottom edge at $(($3 + $5)))"

  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

check_language C C.UTF-8
if locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  check_language nl nl_NL.UTF-8
else
  echo "# no nl_NL.UTF-8 locale: Dutch not checked"
fi
echo "PASS: the shortcuts window fits a ${screen_w}x${screen_h} screen in English and in Dutch"
