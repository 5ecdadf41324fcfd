#!/usr/bin/env bash
# test-cli-snapshot.sh: kwadrant --snapshot NAME BOARD, run the way a
# script runs it: the snapshot in the saved file, the file replaced
# atomically, and every refusal (a name already taken, a board from a newer
# Kwadrant, a broken or missing board, usage errors) with its message, its
# exit status and the file left as it was. Prints TAP; exits 1 when a check
# fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

bin=${KWADRANT:?KWADRANT is not set: run this through meson test}
src=${KW_SOURCE_DIR:?KW_SOURCE_DIR is not set: run this through meson test}

work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

export LC_ALL=C.UTF-8
unset LANGUAGE LANG

boards="$src/tests/data/format"
examples="$src/data/examples"
schema="$src/data/kwadrant.rng"

. "$src/tests/kw-tap.sh"

# unchanged FILE: the file has the bytes of its copy FILE.before.
unchanged() {
  same_file "$1" "$1.before"
}

run "$bin" --help
check "--help lists --snapshot NAME" contains "$out" "--snapshot=NAME"

# Taking snapshots

board="$work/klantcontact.kwadrant"
cp "$examples/klantcontact-nl.kwadrant" "$board"
chmod 640 "$board"
inode_before=$(stat -c %i "$board")
day_before=$(date -u +%F)
run "$bin" --snapshot "Na de workshop" "$board"
day_after=$(date -u +%F)
check "--snapshot exits 0" test "$status" -eq 0
check "--snapshot says what it did on stdout" test "$out" = "$board: snapshot “Na de workshop” added"
check "--snapshot prints nothing on stderr" test -z "$err"
check "the board is now format version 3" grep -q 'format-version="3"' "$board"
taken=$(sed -n 's/.*<snapshot name="Na de workshop" taken="\([^"]*\)">.*/\1/p' "$board")
check "the snapshot is in the file with the time it was taken, in UTC" \
  eval 'case "$taken" in "$day_before"T*Z|"$day_after"T*Z) true ;; *) false ;; esac'
check "the snapshot holds the board's 21 findings" test "$(grep -c '<entry ' "$board")" -eq 21
check "the snapshot has no note" eval '! grep -q "<note>" "$board"'
check "the saved board passes the schema" eval 'xmllint --noout --relaxng "$schema" "$board" 2> /dev/null'
run "$bin" --check "$board"
check "the saved board passes --check with the same findings" test "$out" = \
"$board: 21 findings (quick-win 5, small-fix 3, long-term 5, future 3, drop 3, unplaced 2)"
check "the board was replaced by a new file (atomic rename), not rewritten in place" \
  test "$(stat -c %i "$board")" != "$inode_before"
check "the board keeps its permissions" test "$(stat -c %a "$board")" = 640
check "no temporary file is left beside the board" test "$(ls -A "$work" | grep -c saving)" -eq 0

run "$bin" --snapshot "  Na de pilot " "$board"
check "a second snapshot exits 0, named without the spaces around it" \
  test "$status" -eq 0 -a "$out" = "$board: snapshot “Na de pilot” added"
check "the snapshots are in the order they were taken" \
  test "$(grep -o '<snapshot name="[^"]*"' "$board" | tr '\n' '|')" = \
       '<snapshot name="Na de workshop"|<snapshot name="Na de pilot"|'

# Refusals: exit 1, a message naming the board, the file as it was

cp "$board" "$board.before"
for name in "Na de workshop" " Na de workshop	"; do
  run "$bin" --snapshot "$name" "$board"
  check "a name already taken (“$name”) exits 1" test "$status" -eq 1
  check "a name already taken says so" test "$err" = \
    "$board: the board already has a snapshot named “Na de workshop”; choose another name"
  check "a name already taken leaves the file as it was" unchanged "$board"
  check "a name already taken prints nothing on stdout" test -z "$out"
done

newer="$work/toekomst.kwadrant"
cp "$boards/newer-format-version.kwadrant" "$newer"
cp "$newer" "$newer.before"
run "$bin" --snapshot "Eerste" "$newer"
check "a board from a newer Kwadrant exits 1" test "$status" -eq 1
check "a board from a newer Kwadrant: the message says why" test "$err" = \
  "$newer: written by a newer version of Kwadrant (format version 4), which this version opens read-only, so no snapshot was added"
check "a board from a newer Kwadrant is left as it was" unchanged "$newer"

broken="$work/kapot.kwadrant"
cp "$boards/missing-title.kwadrant" "$broken"
cp "$broken" "$broken.before"
run "$bin" --snapshot "Eerste" "$broken"
check "a broken board exits 1 with the format's error" \
  eval 'test "$status" -eq 1 && contains "$err" "kapot.kwadrant:6: the finding “f-1” has no <title>"'
check "a broken board is left as it was" unchanged "$broken"

full="$work/vol.kwadrant"
{
  echo '<board xmlns="https://kwadrant.github.io/ns/board" format-version="2"><snapshots>'
  for i in $(seq 1000); do
    echo "<snapshot name=\"Week $i\" taken=\"2026-11-20T16:02:00Z\"/>"
  done
  echo '</snapshots></board>'
} > "$full"
cp "$full" "$full.before"
run "$bin" --snapshot "Week 1001" "$full"
check "a board with 1,000 snapshots exits 1: no room for another" \
  eval 'test "$status" -eq 1 && contains "$err" "vol.kwadrant: the board has no room for another snapshot"'
check "a board with 1,000 snapshots is left as it was" unchanged "$full"

run "$bin" --snapshot "Eerste" "$work/bestaat-niet.kwadrant"
check "a missing board exits 1 and says so" \
  eval 'test "$status" -eq 1 && contains "$err" "there is no such file"'
check "a missing board is not created" test ! -e "$work/bestaat-niet.kwadrant"

if [ "$(id -u)" -ne 0 ]; then
  chmod 444 "$board"
  run "$bin" --snapshot "Alleen-lezen" "$board"
  check "a read-only board file exits 1 and says so" \
    eval 'test "$status" -eq 1 && contains "$err" "the board is read-only"'
  check "a read-only board file is left as it was" unchanged "$board"
  chmod 640 "$board"
else
  # root may write any file: the permission cannot be tested here.
  ok "a read-only board file: not testable as root # SKIP"
fi

# Usage errors: exit 2, nothing written

run "$bin" --snapshot "Eerste"
check "--snapshot without a board exits 2" test "$status" -eq 2
run "$bin" --snapshot "Eerste" "$board" "$newer"
check "--snapshot with two boards exits 2" test "$status" -eq 2
run "$bin" --snapshot "  " "$board"
check "--snapshot with an empty name exits 2 and says so" \
  eval 'test "$status" -eq 2 && contains "$err" "--snapshot needs a name that is not empty."'
run "$bin" --snapshot "Eerste" --check "$board"
check "--snapshot with --check exits 2" test "$status" -eq 2
run "$bin" --snapshot "Eerste" --export-csv "$work/x.csv" "$board"
check "--snapshot with an export exits 2 and writes nothing" test "$status" -eq 2 -a ! -e "$work/x.csv"
check "usage errors leave the board as it was" unchanged "$board"
check "usage errors leave the other board as it was" unchanged "$newer"

tap_finish
