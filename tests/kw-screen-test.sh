# kw-screen-test.sh: what test-present.sh and test-present-room.sh share,
# sourced by both: a display of their own (Xvfb on a free display number,
# so no lock files are guessed) with the openbox window manager, the
# clean-up of everything they started, failing with the logs, and
# screenshots into KW_SCREENSHOT_DIR when it is set.
#
#   . kw-screen-test.sh
#   kw_require_tools TOOL...
#   kw_start_screen WIDTHxHEIGHT     exports DISPLAY; sets xvfb_pid, wm_pid
#   kw_start_app BOARD TITLE         sets pid (killed on exit too) and wid
#   pid=...                          the app's, killed on exit too
#
# SPDX-License-Identifier: GPL-3.0-or-later

: "${KWADRANT:?KWADRANT must name the kwadrant binary}"
src=${KW_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}

tmp=$(mktemp -d)
xvfb_pid=
wm_pid=
pid=
kw_cleanup() {
  for p in $pid $wm_pid $xvfb_pid; do
    kill "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap kw_cleanup EXIT INT TERM

fail() {
  echo "FAIL: $*"
  for log in app wm; do
    if [ -s "$tmp/$log.log" ]; then sed "s/^/# $log: /" "$tmp/$log.log"; fi
  done
  exit 1
}

kw_require_tools() { # TOOL...
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing"
  done
}

shot() { # NAME
  if [ -n "${KW_SCREENSHOT_DIR:-}" ]; then
    mkdir -p "$KW_SCREENSHOT_DIR"
    import -window root "$KW_SCREENSHOT_DIR/$1.png"
    echo "# screenshot: $KW_SCREENSHOT_DIR/$1.png"
  fi
}

kw_start_screen() { # WIDTHxHEIGHT
  # Xvfb picks a free display and writes its number to the pipe.
  mkfifo "$tmp/display"
  Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
  xvfb_pid=$!
  read -r number < "$tmp/display" || fail "Xvfb did not start"
  export DISPLAY=":$number"
  echo "# display $DISPLAY"

  openbox >"$tmp/wm.log" 2>&1 &
  wm_pid=$!
  # openbox owns the screen once it has set _NET_SUPPORTING_WM_CHECK.
  i=0
  until xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; do
    i=$((i + 1))
    [ "$i" -lt 100 ] || fail "openbox did not start"
    sleep 0.1
  done
}

# kw_start_app BOARD TITLE: the app on BOARD in English, its drafts in the
# test's folder, the cairo renderer; sets pid, and wid to its window once
# a window whose name holds TITLE shows, activated.
kw_start_app() {
  LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data" GSK_RENDERER=cairo \
    "$KWADRANT" "$1" >"$tmp/app.log" 2>&1 &
  pid=$!
  wid=$(timeout 30 xdotool search --sync --onlyvisible --name "$2" | head -n 1) || true
  [ -n "$wid" ] || fail "the window did not appear"
  xdotool windowactivate --sync "$wid" || fail "the window could not be activated"
}
