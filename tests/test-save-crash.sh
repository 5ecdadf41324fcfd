#!/usr/bin/env bash
# test-save-crash.sh: a save that is killed never leaves a broken board.
#
# tests/test-save-crash saves a large board over one file in a loop,
# alternating between two versions, B and A, starting from A on disk. It reports each stage of a
# save as the file-replacement code tells it (temporary file created, a
# piece written, all written, flushed, renamed over the board) and waits
# at each for this script's "go". So this script kills it with SIGKILL
# (what a crash, the OOM killer or a power cut does to the process) at
# points chosen by those events, never by the clock: exactly at a stage,
# or at a random moment between one stage and the next. A fast machine and
# a busy one see the same kills.
#
# After every kill it checks that the file on disk is exactly A or exactly
# B (checksums), and exactly the one the stage implies (A before the
# rename, B from it on), that kwadrant --check accepts it, and that the
# temporary files killed saves leave behind do not pile up: the next save
# removes them.
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

shopt -s nullglob

# The temporary files saves make next to board.kwadrant.
count_temps() {
  local temps=("$work"/.board.kwadrant.*)
  echo ${#temps[@]}
}

start_saver() {
  coproc SAVER { exec "$saver" loop "$work/board.kwadrant" "$findings"; }
  saver_pid=$SAVER_PID
  read -r line <&"${SAVER[0]}" && [ "$line" = ready ] || fail "the saver did not start"
}

kill_saver() {
  kill -9 "$saver_pid"
  wait "$saver_pid" 2>/dev/null
  saver_pid=
}

# Reads the saver's next line into $kind, $name, $written and $total.
next_event() {
  read -r kind name written total <&"${SAVER[0]}" || fail "the saver stopped: $1"
}

# The time in microseconds, in $now, without starting a process.
read_clock() {
  local t=${EPOCHREALTIME/./}
  now=$((10#$t))
}

# Lets the saver through every stage of one whole save; fills $stages with
# the stages it reported, $lasted with how long the saver took from each
# to the next (in microseconds) and $size with the board's size.
let_one_save_through() {
  local went=
  stages=()
  lasted=()
  while next_event "in a save of version $1"; read_clock; [ -n "$went" ] && lasted+=($((now - went)))
        [ "$kind" = stage ]; do
    stages+=("$name")
    size=$total
    read_clock
    went=$now
    echo go >&"${SAVER[1]}"
  done
  [ "$kind $name" = "saved $1" ] || fail "expected 'saved $1', the saver said '$kind $name'"
}

# Spins until a random moment up to $1 microseconds from now, or until the
# saver reports its next stage (it then waits there): the kill lands
# somewhere between the stage let through and the next one. Where exactly
# is left to chance, and nothing checked below depends on it.
spin_until_random_or_next_stage() {
  read_clock
  local target=$((now + (RANDOM * 32768 + RANDOM) % ($1 + 1)))
  while ((now < target)) && ! read -t 0 -u "${SAVER[0]}"; do read_clock; done
}

# The reference versions, and the stages one save goes through.
"$saver" references "$work" "$findings" || fail "could not save the reference boards"
sum_a=$(sha256sum < "$work/a.kwadrant")
sum_b=$(sha256sum < "$work/b.kwadrant")
[ "$sum_a" != "$sum_b" ] || fail "versions A and B are the same file"
for version in a b; do
  "$bin" --check "$work/$version.kwadrant" >/dev/null || fail "version $version does not pass --check"
done
cp "$work/a.kwadrant" "$work/board.kwadrant"

start_saver
let_one_save_through B
kill_saver
save_stages=("${stages[@]}")
n_stages=${#save_stages[@]}
[ "${save_stages[0]}" = created ] && [ "${save_stages[n_stages - 1]}" = renamed ] ||
  fail "a save reported the stages ${save_stages[*]}"
((kills >= 2 * n_stages)) || fail "$kills kills cannot cover the $n_stages stages twice over"
[ "$(sha256sum < "$work/board.kwadrant")" = "$sum_b" ] || fail "a whole save did not write version B"
echo "board: $findings findings, $size bytes; a save goes through: ${save_stages[*]}"

mid_write=0
random=0
inside=0
seen_a=0
seen_b=0
max_temps=0
start=$SECONDS

for ((kill_no = 0; kill_no < kills; kill_no++)); do
  # Every stage in turn: first held there, then a round at random moments
  # after it, and so on.
  target=$((kill_no % n_stages))
  exactly=$(( (kill_no / n_stages) % 2 == 0 ))

  cp "$work/a.kwadrant" "$work/board.kwadrant"
  start_saver
  for ((i = 0; i <= target; i++)); do
    next_event "before stage $i of version B"
    [ "$kind $name" = "stage ${save_stages[i]}" ] ||
      fail "stage $i of version B: expected ${save_stages[i]}, the saver said '$kind $name'"
    ((i < target)) && echo go >&"${SAVER[1]}"
  done
  stage=${save_stages[target]}

  if ((exactly)); then
    # The saver waits at the stage: the temporary file holds exactly what
    # it says, up to the rename.
    temps=("$work"/.board.kwadrant.*.saving)
    if [ "$stage" = renamed ]; then
      ((${#temps[@]} == 0)) || fail "after the rename the temporary file is still there"
    else
      ((${#temps[@]} == 1)) || fail "at stage $stage, ${#temps[@]} temporary files instead of 1"
      [ "$(stat -c %s "${temps[0]}")" = "$written" ] ||
        fail "at stage $stage the temporary file does not hold the $written bytes written"
    fi
  else
    # Up to twice as long as the same stage took in the first save of
    # version B: many kills land inside the stage, the others where the
    # saver waits at the next one.
    echo go >&"${SAVER[1]}"
    spin_until_random_or_next_stage $((2 * lasted[target]))
    # Told only: whether it fell inside the stage, or the saver had already
    # got to the next one.
    read -t 0 -u "${SAVER[0]}" || inside=$((inside + 1))
    random=$((random + 1))
  fi
  kill_saver

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
    version=A
    seen_a=$((seen_a + 1))
  elif [ "$sum" = "$sum_b" ]; then
    version=B
    seen_b=$((seen_b + 1))
  else
    cp "$work/board.kwadrant" "${KW_BUILD_DIR:-/tmp}/save-crash-broken.kwadrant"
    fail "after kill $kill_no (at stage $stage) the board is neither version A nor B" \
         "($(stat -c %s "$work/board.kwadrant") bytes, kept as save-crash-broken.kwadrant)"
  fi

  # Which version the stage implies: before the rename the old one, from
  # it on the new one; a random kill after "flushed" may fall either side.
  if [ "$stage" = renamed ]; then
    [ "$version" = B ] || fail "killed after the rename of version B, the board is version A"
  elif ((exactly)) || [ "$stage" != flushed ]; then
    [ "$version" = A ] || fail "killed at stage $stage of version B, before its rename, the board is already B"
    ((temps == 1)) || fail "killed at stage $stage, before the rename, no temporary file is left"
  fi

  "$bin" --check "$work/board.kwadrant" >/dev/null ||
    fail "after kill $kill_no, kwadrant --check refuses the board"
done

echo "$kills kills in $((SECONDS - start)) s, at each of the $n_stages stages held and at random" \
     "moments after it ($inside of $random before the saver got to the next stage): $mid_write landed in the middle of writing (a temporary file was left);" \
     "the board was whole version A $seen_a times, whole version B $seen_b times, never anything" \
     "else; at most $max_temps temporary file at a time"

# Or the test proved nothing (the checks per kill above make these sure).
((mid_write >= kills / 10)) || fail "only $mid_write of $kills kills landed while writing"
((seen_a > 0 && seen_b > 0)) || fail "the board was never seen in both versions"

# A save that completes removes what the last killed one left.
"$saver" once "$work/board.kwadrant" "$findings" || fail "could not save after the kills"
[ "$(sha256sum < "$work/board.kwadrant")" = "$sum_a" ] || fail "the last save did not write version A"
temps=$(count_temps)
((temps == 0)) || fail "$temps temporary files are left after a completed save: $(ls -A "$work")"

echo "test-save-crash: OK"
