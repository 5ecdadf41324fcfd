#!/bin/sh
# GNOME's document keys on the real app, pressed with xdotool under openbox:
# on the welcome page Ctrl+S does nothing (no board to save); Ctrl+N starts
# a board in this window and asks its title, which Enter takes; Ctrl+N on a
# board opens a second window whose dialog Escape leaves untitled; Insert
# adds a finding there.
#
# Each step waits for the window title the app sets (polled, with a guard
# against a hang); KW_SCREENSHOT_DIR (optional) keeps the dialog.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

. "$(dirname "$0")/kw-screen-test.sh"
kw_require_tools Xvfb openbox xdotool xprop import
kw_start_screen 1366x768

LC_ALL=C.UTF-8 LANGUAGE=C GSETTINGS_BACKEND=memory XDG_DATA_HOME="$tmp/data" \
  "$KWADRANT" >"$tmp/app.log" 2>&1 &
pid=$!

# Waits (up to 30 s, longer under the sanitizers) until COUNT visible
# windows have a title matching PATTERN; prints the first one's id.
wait_for_windows() { # PATTERN COUNT
  limit=$((300 * ${KW_TEST_SLOWDOWN:-1}))
  i=0
  while :; do
    ids=$(xdotool search --onlyvisible --name "$1" 2>/dev/null || true)
    n=$(printf '%s' "$ids" | grep -c . || true)
    if [ "$n" -ge "$2" ]; then
      printf '%s\n' "$ids" | head -n 1
      return 0
    fi
    i=$((i + 1))
    [ "$i" -lt "$limit" ] || return 1
    sleep 0.1
  done
}

wid=$(wait_for_windows '^Kwadrant$' 1) || fail "the welcome window did not appear"
xdotool windowactivate --sync "$wid" || fail "the window could not be activated"
xdotool mousemove 0 0

# Keys are handled in order: once Ctrl+N's board shows, Ctrl+S has had its
# turn, and no Save chooser came.
xdotool key ctrl+s
xdotool key ctrl+n
wait_for_windows '^Untitled board — Kwadrant$' 1 >/dev/null || fail "Ctrl+N did not start a board in the welcome window"
if xdotool search --onlyvisible --name 'Save Board' >/dev/null 2>&1; then
  fail "Ctrl+S on the welcome page opened the Save chooser"
fi
echo "ok - Ctrl+S on the welcome page does nothing"
# The dialog is a window of its own, over the board.
i=0
until [ "$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | grep -c .)" -ge 2 ]; do
  i=$((i + 1))
  [ "$i" -lt $((300 * ${KW_TEST_SLOWDOWN:-1})) ] || fail "Ctrl+N did not show the New Board dialog"
  sleep 0.1
done
shot new-board-dialog

xdotool type --delay 20 'Workshop december'
xdotool key Return
wait_for_windows 'Workshop december — Kwadrant$' 1 >/dev/null || fail "Enter did not create the board with its title"
echo "ok - Ctrl+N, a title and Enter: the board has its title"

xdotool key ctrl+n
second=$(wait_for_windows '^Untitled board — Kwadrant$' 1) || fail "Ctrl+N on a board did not open a second window"
wait_for_windows 'Workshop december — Kwadrant$' 1 >/dev/null || fail "the first board lost its title"
echo "ok - Ctrl+N on a board opens a new window"

# The second window's own dialog: Escape is for it, so wait until it is
# there (three windows: the first board, the second, its dialog) and then
# until Escape has closed it, before Insert goes to the board.
wait_for_pid_windows() { # COUNT: waits until the app shows exactly COUNT
  i=0
  until [ "$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | grep -c .)" -eq "$1" ]; do
    i=$((i + 1))
    [ "$i" -lt $((300 * ${KW_TEST_SLOWDOWN:-1})) ] || return 1
    sleep 0.1
  done
}
wait_for_pid_windows 3 || fail "Ctrl+N on a board did not show the second window's New Board dialog"
xdotool key Escape
wait_for_pid_windows 2 || fail "Escape did not close the New Board dialog"
xdotool key Insert
wait_for_windows '^• Untitled board — Kwadrant$' 1 >/dev/null || fail "Escape and Insert did not leave an untitled board with a finding"
[ "$(xdotool getwindowname "$second")" = "• Untitled board — Kwadrant" ] || fail "the finding went to another window"
echo "ok - Escape leaves it untitled; Insert adds a finding"

kill -0 "$pid" 2>/dev/null || fail "the app exited"
echo "PASS"
