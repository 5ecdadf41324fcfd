#!/usr/bin/env bash
# test-save-crash.sh: a save that is killed never leaves a broken board.
#
# tests/test-save-crash saves a large board over one file in a loop,
# alternating between two versions, A and B. This script kills it with
# SIGKILL (what a crash, the OOM killer or a power cut does to the process)
# at random moments spread over a save, many times, and after every kill
# checks that the file on disk is exactly A or exactly B (checksums), that
# kwadrant --check accepts it, and that the temporary files killed saves
# leave behind do not pile up: the next save removes them.
#
#   usage: test-save-crash.sh PATH-TO-test-save-crash
#   KW_SAVE_CRASH_KILLS     number of kills (default 100)
#   KW_SAVE_CRASH_FINDINGS  findings on the board (default 10000, 5 MB)
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

bin=${KWADRANT:?KWADRANT is not set: run this through meson test}
saver=${1:?usage: test-save-crash.sh PATH-TO-test-save-crash}
kills=${KW_SAVE_CRASH_KILLS:-100}
findings=${KW_SAVE_CRASH_FINDINGS:-10000}

# On the build tree's file system, not a tmpfs: fsync and rename must be
# the real ones.
work=$(mktemp -d "${KW_BUILD_DIR:-/tmp}/save-crash-XXXXXX")
saver_pid=
cleanup() {
  if [ -n "$saver_pid" ]; then
    kill -9 "$saver_pid" 2>/dev/null
    wait "$saver_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "test-save-crash: FAIL: $*" >&2
  exit 1
}

# The temporary files saves make next to board.kwadrant.
count_temps() {
  local temps=("$work"/.board.kwadrant.*)
  echo ${#temps[@]}
}

# The time in microseconds, in $now, without starting a process: $(...)
# would fork, and take longer than the part of the save the kills aim at.
read_clock() {
  local t=${EPOCHREALTIME/./}
  now=$((10#$t))
}

# Waits, spinning, until a random moment from $1 to $2 microseconds from
# now. sleep(1) would start a process too.
wait_random() {
  read_clock
  local target=$((now + $1 + (RANDOM * 32768 + RANDOM) % ($2 - $1 + 1)))
  while ((now < target)); do read_clock; done
}

# Waits until the running save has created its temporary file.
wait_for_temp() {
  local temps
  for ((spin = 0; spin < 2000000; spin++)); do
    temps=("$work"/.board.kwadrant.*.saving)
    ((${#temps[@]} > 0)) && return 0
  done
  return 1
}

# Waits until the temporary file is gone: renamed over the board.
wait_for_no_temp() {
  local temps
  for ((spin = 0; spin < 2000000; spin++)); do
    temps=("$work"/.board.kwadrant.*.saving)
    ((${#temps[@]} == 0)) && return 0
  done
  return 1
}

shopt -s nullglob

timings=$("$saver" references "$work" "$findings") || fail "could not save the reference boards"
save_ms=$(sed -n 's/^save-ms //p' <<< "$timings")
serialise_ms=$(sed -n 's/^serialise-ms //p' <<< "$timings")
[ -n "$save_ms" ] && [ -n "$serialise_ms" ] || fail "the saver printed no timings: $timings"
save_us=$((save_ms * 1000))
sum_a=$(sha256sum < "$work/a.kwadrant")
sum_b=$(sha256sum < "$work/b.kwadrant")
[ "$sum_a" != "$sum_b" ] || fail "versions A and B are the same file"
for version in a b; do
  "$bin" --check "$work/$version.kwadrant" >/dev/null || fail "version $version does not pass --check"
done
echo "board: $findings findings, $(stat -c %s "$work/a.kwadrant") bytes;" \
     "one save takes $save_ms ms, $serialise_ms ms of it building the XML"

cp "$work/a.kwadrant" "$work/board.kwadrant"

# How long the temporary file exists in a save (writing, flushing,
# renaming), measured as the kills will see it: the median of five, as
# the longest may be a save the machine's other work held up.
coproc SAVER { exec "$saver" loop "$work/board.kwadrant" "$findings"; }
saver_pid=$SAVER_PID
read -r line <&"${SAVER[0]}" && [ "$line" = ready ] || fail "the saver did not start"
windows=()
for ((i = 0; i < 5; i++)); do
  read -r line <&"${SAVER[0]}" || fail "the saver stopped"
  wait_for_temp || fail "the saver never wrote a temporary file"
  read_clock
  from=$now
  wait_for_no_temp || fail "the saver never renamed its temporary file"
  read_clock
  windows+=($((now - from)))
done
write_us=$(printf '%s\n' "${windows[@]}" | sort -n | sed -n 3p)
kill -9 "$saver_pid"
wait "$saver_pid" 2>/dev/null
saver_pid=
cp "$work/a.kwadrant" "$work/board.kwadrant"
echo "the temporary file exists for $((write_us / 1000)).$(printf '%03d' $((write_us % 1000))) ms of a save"

mid_write=0
seen_a=0
seen_b=0
max_temps=0
start=$SECONDS

for ((kill_no = 1; kill_no <= kills; kill_no++)); do
  coproc SAVER { exec "$saver" loop "$work/board.kwadrant" "$findings"; }
  saver_pid=$SAVER_PID
  read -r line <&"${SAVER[0]}" && [ "$line" = ready ] || fail "the saver did not start"

  # Once it has saved A, it starts saving B. Every other kill lands at a
  # random moment of that save, or just after it, so B is seen whole too;
  # the others at a random moment after it created the temporary file:
  # while writing, flushing and renaming it.
  read -r line <&"${SAVER[0]}" || fail "the saver stopped before its first save"
  if ((kill_no % 2)); then
    wait_random 0 $((save_us * 5 / 4))
  else
    wait_for_temp || fail "the saver never wrote a temporary file"
    wait_random 0 "$write_us"
  fi
  kill -9 "$saver_pid"
  wait "$saver_pid" 2>/dev/null
  saver_pid=

  # A temporary file still there means the kill landed between creating
  # it and renaming it over the board: in the middle of writing.
  temps=$(count_temps)
  ((temps > 0)) && mid_write=$((mid_write + 1))
  ((temps > max_temps)) && max_temps=$temps
  # Each save first removes what killed saves left, so only the one of
  # the last kill may be there.
  ((temps <= 1)) || fail "after kill $kill_no, $temps temporary files are left: $(ls -A "$work")"

  sum=$(sha256sum < "$work/board.kwadrant")
  if [ "$sum" = "$sum_a" ]; then
    seen_a=$((seen_a + 1))
  elif [ "$sum" = "$sum_b" ]; then
    seen_b=$((seen_b + 1))
  else
    cp "$work/board.kwadrant" "${KW_BUILD_DIR:-/tmp}/save-crash-broken.kwadrant"
    fail "after kill $kill_no the board is neither version A nor B" \
         "($(stat -c %s "$work/board.kwadrant") bytes, kept as save-crash-broken.kwadrant)"
  fi
  "$bin" --check "$work/board.kwadrant" >/dev/null ||
    fail "after kill $kill_no, kwadrant --check refuses the board"
done

echo "$kills kills in $((SECONDS - start)) s: $mid_write landed in the middle of writing" \
     "(a temporary file was left); the board was whole version A $seen_a times," \
     "whole version B $seen_b times, never anything else; at most $max_temps temporary file at a time"

# Or the test proved nothing: kills must have landed while writing, and
# both versions must have been on disk.
((mid_write >= kills / 10)) || fail "only $mid_write of $kills kills landed while writing"
((seen_a > 0 && seen_b > 0)) || fail "the board was never seen in both versions"

# A save that completes removes what the last killed one left.
"$saver" once "$work/board.kwadrant" "$findings" || fail "could not save after the kills"
[ "$(sha256sum < "$work/board.kwadrant")" = "$sum_a" ] || fail "the last save did not write version A"
temps=$(count_temps)
((temps == 0)) || fail "$temps temporary files are left after a completed save: $(ls -A "$work")"

echo "test-save-crash: OK"
