#!/usr/bin/env bash
# test-cli-estimates.sh: kwadrant --import-estimates ESTIMATES.csv BOARD,
# run the way a script runs it: the estimates in the saved board, the file
# replaced atomically, and every refusal (a row that matches no finding, a
# bad score, a missing participant, a repeated row, a file that cannot be
# read, usage errors) with its message naming the file and row, its exit
# status and the board byte for byte as it was. Prints TAP; exits 1 when a
# check fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

bin=${KWADRANT:?KWADRANT is not set: run this through meson test}
src=${KW_SOURCE_DIR:?KW_SOURCE_DIR is not set: run this through meson test}

work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

export LC_ALL=C.UTF-8
unset LANGUAGE LANG

examples="$src/data/examples"
estimates="$src/tests/data/csv/estimates"
schema="$src/data/kwadrant.rng"

. "$src/tests/kw-tap.sh"

# unchanged FILE: the file has the bytes of its copy FILE.before.
unchanged() {
  same_file "$1" "$1.before"
}

check_line="$work/board.kwadrant: 21 findings (quick-win 5, small-fix 3, long-term 5, future 3, drop 3, unplaced 2)"

run "$bin" --help
check "--help lists --import-estimates ESTIMATES.csv" contains "$out" "--import-estimates=ESTIMATES.csv"
check "--help says what --import-estimates exits with" contains "$out" "--import-estimates takes one board"

# Importing

board="$work/board.kwadrant"
cp "$examples/klantcontact-nl.kwadrant" "$board"
chmod 640 "$board"
inode_before=$(stat -c %i "$board")

# One file per participant (named by the file, English, a byte order mark,
# a decimal comma in quotes) and one with a Dutch participant column.
anna="$work/Anna de Vries.csv"
printf '\357\273\277id,title,impact,effort\r\nf-0001,,7,3\r\n,elke week één gesprek samen naluisteren,"5,5",2\r\nf-0003,,?,?\r\n' > "$anna"
team="$work/team.csv"
printf 'deelnemer;titel;impact;inspanning\nBram Jansen;Uitgaande brieven en e-mails begrijpelijk maken;8;2,5\nanna de vries;Watermeloenrapportage doorprikken;4;6\n' > "$team"

run "$bin" --import-estimates "$anna" --import-estimates "$team" "$board"
check "--import-estimates exits 0" test "$status" -eq 0
check "--import-estimates says what it did on stdout" test "$out" = \
  "$board: 5 estimates imported, 2 new participants"
check "--import-estimates prints nothing on stderr" test -z "$err"
check "the board was replaced by a new file (atomic rename), not rewritten in place" \
  test "$(stat -c %i "$board")" != "$inode_before"
check "the board keeps its permissions" test "$(stat -c %a "$board")" = 640
check "no temporary file is left beside the board" test "$(ls -A "$work" | grep -c saving)" -eq 0
run "$bin" --check "$board"
check "the saved board passes --check with the same findings" test "$out" = "$check_line"
check "the saved board passes the schema" eval 'xmllint --noout --relaxng "$schema" "$board" 2> /dev/null'
check "the board is now format version 3" grep -q 'format-version="3"' "$board"
check "the participants are in the file in the order they first appear, spelt as first written" \
  test "$(grep -o '<participant [^>]*>' "$board" | tr '\n' '|')" = \
       '<participant id="p1" name="Anna de Vries"/>|<participant id="p2" name="Bram Jansen"/>|'
check "the five estimates are in the file" test "$(grep -c '<estimate ' "$board")" -eq 5
check "Anna's estimate of f-0002, matched by its title, with the decimal comma read" \
  grep -q '<estimate participant="p1" impact="5.5" effort="2.0"/>' "$board"
check "Anna's “?” is no idea" grep -q '<estimate participant="p1" no-idea="true"/>' "$board"
check "Bram's estimate has its decimal comma read" \
  grep -q '<estimate participant="p2" impact="8.0" effort="2.5"/>' "$board"

# Again, onto the saved board: nobody is new, an estimate changes.
printf 'titel;impact;inspanning\nWatermeloenrapportage doorprikken;6;6\n' > "$work/ANNA DE VRIES.csv"
run "$bin" --import-estimates "$work/ANNA DE VRIES.csv" "$board"
check "a second import exits 0: the participant is on the board, whatever the case" test "$status" -eq 0 -a \
  "$out" = "$board: 1 estimate imported, 0 new participants"
check "still two participants" test "$(grep -c '<participant ' "$board")" -eq 2
check "still five estimates, one of them changed" eval \
  'test "$(grep -c "<estimate " "$board")" -eq 5 && grep -q "<estimate participant=\"p1\" impact=\"6.0\" effort=\"6.0\"/>" "$board"'

# Refusals: exit 1, every problem with its file and row, the board as it was

cp "$board" "$board.before"

refused() {
  local what=$1 message=$2
  shift 2
  run "$bin" "$@" "$board"
  check "$what exits 1" test "$status" -eq 1
  check "$what: the message names the file and the row" contains "$err" "$message"
  check "$what prints nothing on stdout" test -z "$out"
  check "$what leaves the board as it was" unchanged "$board"
}

no_finding="$work/geen bevinding.csv"
printf 'deelnemer,id,impact,effort\nBram Jansen,f-0001,5,5\nBram Jansen,f-9999,5,5\n' > "$no_finding"
refused "a row that matches no finding" \
  "geen bevinding.csv: row 3, column “id”: no finding on the board has the id “f-9999”" \
  --import-estimates "$no_finding"
check "a row that matches no finding: the last line says nothing was imported" contains "$err" \
  "$board: no estimates were imported because of the problem above"

refused "the same row in the repository's example" \
  "no-such-finding.csv: row 3, column “id”: no finding on the board has the id “f-9”" \
  --import-estimates "$estimates/no-such-finding.csv"

bad_score="$work/Carla.csv"
printf 'id;impact;inspanning\nf-0001;11;2\nf-0002;7;\n' > "$bad_score"
refused "a score out of range" "Carla.csv: row 2, column “impact”: “11” is not a number from 0 to 10" \
  --import-estimates "$bad_score"
check "a score out of range: the half score on the next row is listed too" contains "$err" \
  "Carla.csv: row 3, column “inspanning”: there is an impact but no effort"
check "a score out of range: the count of problems" contains "$err" \
  "$board: no estimates were imported because of the 2 problems above"

no_name="$work/naamloos.csv"
printf 'participant,id,impact,effort\n,f-0001,5,5\n' > "$no_name"
refused "a row without a participant" "naamloos.csv: row 2, column “participant”: the participant is empty" \
  --import-estimates "$no_name"

refused "a participant's estimate given twice (the same file twice)" \
  "team.csv: row 2: team.csv row 2 already has Bram Jansen’s estimate of this finding" \
  --import-estimates "$team" --import-estimates "$team"

printf 'id,impact,inspaning\nf-0001,1,1\n' > "$work/kapot.csv"
refused "a header with a misspelt column" \
  "kapot.csv: row 1, column “inspaning”: Kwadrant does not know this column" \
  --import-estimates "$work/kapot.csv"

refused "a CSV file that does not exist" "bestaat-niet.csv" --import-estimates "$work/bestaat-niet.csv"

printf 'id,impact,effort\nf-0001,\377,1\n' > "$work/latin1.csv"
refused "a CSV file that is not UTF-8" "latin1.csv: row 2: the text is not UTF-8" \
  --import-estimates "$work/latin1.csv"

run "$bin" --check "$board"
check "after every refusal the board still passes --check" test "$out" = "$check_line"

newer="$work/toekomst.kwadrant"
cp "$src/tests/data/format/newer-format-version.kwadrant" "$newer"
cp "$newer" "$newer.before"
run "$bin" --import-estimates "$team" "$newer"
check "a board from a newer Kwadrant exits 1 and says why" \
  eval 'test "$status" -eq 1 && contains "$err" "$newer: written by a newer version of Kwadrant"'
check "a board from a newer Kwadrant is left as it was" unchanged "$newer"

if [ "$(id -u)" -ne 0 ]; then
  chmod 444 "$board"
  run "$bin" --import-estimates "$team" "$board"
  check "a read-only board file exits 1 and says so" \
    eval 'test "$status" -eq 1 && contains "$err" "the board is read-only"'
  check "a read-only board file is left as it was" unchanged "$board"
  chmod 640 "$board"
else
  # root may write any file: the permission cannot be tested here.
  ok "a read-only board file: not testable as root # SKIP"
fi

run "$bin" --import-estimates "$team" "$work/bestaat-niet.kwadrant"
check "a missing board exits 1 and says so" \
  eval 'test "$status" -eq 1 && contains "$err" "there is no such file"'
check "a missing board is not created" test ! -e "$work/bestaat-niet.kwadrant"

# Usage errors: exit 2, nothing written

run "$bin" --import-estimates "$team"
check "--import-estimates without a board exits 2" test "$status" -eq 2
run "$bin" --import-estimates "$team" "$board" "$board.before"
check "--import-estimates with two boards exits 2" test "$status" -eq 2
run "$bin" --import-estimates "$team" --check "$board"
check "--import-estimates with --check exits 2" test "$status" -eq 2
run "$bin" --import-estimates "$team" --snapshot "Eerste" "$board"
check "--import-estimates with --snapshot exits 2 and says so" \
  eval 'test "$status" -eq 2 && contains "$err" "--import-estimates cannot be used with other options."'
check "usage errors leave the board as it was" unchanged "$board"

tap_finish
