#!/usr/bin/env bash
# test-cli.sh: the kwadrant command line, run the way a user or a script
# runs it: --version, --help, --check and --import-csv, their output, exit
# statuses and files, in English and in Dutch. Prints TAP; exits 1 when a
# check fails.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

bin=${KWADRANT:?KWADRANT is not set: run this through meson test}
src=${KW_SOURCE_DIR:?KW_SOURCE_DIR is not set: run this through meson test}
build=${KW_BUILD_DIR:?KW_BUILD_DIR is not set: run this through meson test}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export LC_ALL=C
unset LANGUAGE LANG

csv="$src/tests/data/csv"
boards="$src/tests/data/format"
examples="$src/data/examples"

# ok, not_ok, check, run, contains, same_file and the TAP plan.
. "$src/tests/kw-tap.sh"

# --version and --help

version=$(sed -n "s/^  version: '\(.*\)',$/\1/p" "$src/meson.build")
run "$bin" --version
check "--version exits 0" test "$status" -eq 0
check "--version prints the name and the project version $version" test "$out" = "kwadrant $version"

run "$bin" --help
english_help=$out
check "--help exits 0" test "$status" -eq 0
check "--help lists --check" contains "$out" "--check"
check "--help lists --import-csv and --output" eval 'contains "$out" "--import-csv" && contains "$out" "--output"'
check "--help names the board arguments once" test "$(grep -o 'BOARD' <<< "$(head -2 <<< "$out")" | wc -l)" -eq 1

# --check

run "$bin" --check "$examples/klantcontact-nl.kwadrant" "$examples/customer-contact-en.kwadrant" \
                   "$boards/valid-minimal.kwadrant"
check "--check on valid boards exits 0" test "$status" -eq 0
check "--check on valid boards prints one exact line per board" test "$out" = \
"$examples/klantcontact-nl.kwadrant: 21 findings (quick-win 5, small-fix 3, long-term 5, future 3, drop 3, unplaced 2)
$examples/customer-contact-en.kwadrant: 21 findings (quick-win 5, small-fix 3, long-term 5, future 3, drop 3, unplaced 2)
$boards/valid-minimal.kwadrant: 1 finding (quick-win 0, small-fix 0, long-term 0, future 0, drop 0, unplaced 1)"
check "--check on valid boards prints nothing on stderr" test -z "$err"

for bad in missing-title not-xml empty-file newer-format-version-broken doctype-entity-bomb; do
  run "$bin" --check "$boards/$bad.kwadrant"
  check "--check on $bad.kwadrant exits 1" test "$status" -eq 1
  check "--check on $bad.kwadrant names the file on stderr" contains "$err" "$bad.kwadrant"
  check "--check on $bad.kwadrant prints nothing on stdout" test -z "$out"
done

run "$bin" --check "$boards/valid-minimal.kwadrant" "$boards/missing-title.kwadrant" \
                   "$work/does-not-exist.kwadrant" "$examples/klantcontact-nl.kwadrant"
check "--check on valid and invalid boards exits 1" test "$status" -eq 1
check "--check still prints one line per valid board" test "$out" = \
"$boards/valid-minimal.kwadrant: 1 finding (quick-win 0, small-fix 0, long-term 0, future 0, drop 0, unplaced 1)
$examples/klantcontact-nl.kwadrant: 21 findings (quick-win 5, small-fix 3, long-term 5, future 3, drop 3, unplaced 2)"
check "--check names each invalid board on stderr" \
  eval 'contains "$err" "missing-title.kwadrant" && contains "$err" "does-not-exist.kwadrant"'

# A board from a newer Kwadrant is valid, but opens read-only
run "$bin" --check "$boards/newer-format-version.kwadrant"
check "--check on a newer format version exits 0" test "$status" -eq 0
check "--check on a newer format version prints the counts line" test "$out" = \
"$boards/newer-format-version.kwadrant: 2 findings (quick-win 1, small-fix 0, long-term 0, future 0, drop 0, unplaced 1)"
check "--check on a newer format version says it opens read-only" test "$err" = \
"$boards/newer-format-version.kwadrant: written by a newer version of Kwadrant (format version 4); this version opens it read-only"
run "$bin" --export-csv "$work/newer.csv" "$boards/newer-format-version.kwadrant"
check "a board from a newer format version still exports" test "$status" -eq 0 -a -s "$work/newer.csv"
rm -f "$work/newer.csv"

# Usage errors

run "$bin" --check
check "--check without a board exits 2" test "$status" -eq 2
check "--check without a board says why" test -n "$err"

run "$bin" --no-such-option
check "an unknown option exits 2" test "$status" -eq 2
check "an unknown option is named" contains "$err" "--no-such-option"

run "$bin" --output "$work/x.kwadrant"
check "--output without --import-csv exits 2" test "$status" -eq 2

run "$bin" --check --import-csv "$csv/bevindingen-excel.csv" "$examples/klantcontact-nl.kwadrant"
check "--check with --import-csv exits 2" test "$status" -eq 2

run "$bin" --import-csv "$csv/bevindingen-excel.csv"
check "--import-csv without --output exits 2" test "$status" -eq 2
check "--import-csv without --output mentions --output" contains "$err" "--output"

run "$bin" --import-csv "$csv/bevindingen-excel.csv" --output "$work/extra.kwadrant" "$examples/klantcontact-nl.kwadrant"
check "--import-csv with another file exits 2" test "$status" -eq 2
check "a usage error writes no board" test ! -e "$work/extra.kwadrant"

# --import-csv, then --check on the result

import_and_check() {
  local name=$1 expected=$2 board="$work/$3"

  run "$bin" --import-csv "$csv/$name" --output "$board"
  check "--import-csv $name exits 0" test "$status" -eq 0
  check "--import-csv $name reports what it wrote" test "$out" = "$board: ${expected%% (*} imported"
  run "$bin" --check "$board"
  check "the board made from $name passes --check with the expected counts" \
    test "$status" -eq 0 -a "$out" = "$board: $expected"
}

import_and_check bevindingen-excel.csv \
  "7 findings (quick-win 2, small-fix 1, long-term 1, future 1, drop 1, unplaced 1)" excel.kwadrant
import_and_check findings-export.csv \
  "4 findings (quick-win 1, small-fix 0, long-term 1, future 0, drop 1, unplaced 1)" export.kwadrant

check "the board is named after the CSV file" grep -q '<title>bevindingen-excel</title>' "$work/excel.kwadrant"
# The future list's finding and the small fix come back for review, as
# findings placed in the app do: both on one date, in the months ahead
# (test-follow-up checks the date's arithmetic).
reviews=$(grep -o '<review>[0-9-]*</review>' "$work/excel.kwadrant" | sort -u)
in_two_months=$(date -d '+2 months' +%Y-%m-%d)
check "the future list and the small fixes get a review date" \
  test "$(grep -c '<review>' "$work/excel.kwadrant")" -eq 2 -a "$(echo "$reviews" | wc -l)" -eq 1
check "the review date is months ahead" test "${reviews:8:10}" \> "$in_two_months"
if command -v xmllint > /dev/null; then
  run xmllint --noout --relaxng "$src/data/kwadrant.rng" "$work/excel.kwadrant" "$work/export.kwadrant"
  check "the imported boards are valid against the schema" test "$status" -eq 0
fi

printf 'titel;impact;inspanning\r\n' > "$work/alleen-kop.csv"
run "$bin" --import-csv "$work/alleen-kop.csv" --output "$work/leeg.kwadrant"
check "a CSV with only a header row gives an empty board" \
  test "$status" -eq 0 -a "$out" = "$work/leeg.kwadrant: 0 findings imported"

# A bad CSV writes nothing, and leaves an existing board as it was

run env LC_ALL=C.UTF-8 "$bin" --import-csv "$csv/slechte-inspanning.csv" --output "$work/nieuw.kwadrant"
check "a bad CSV exits 1" test "$status" -eq 1
check "a bad CSV names the file, row, column and value" test "$err" = \
  "slechte-inspanning.csv: row 7, column “inspanning”: “veel” is not a number from 0 to 10"
check "a bad CSV creates no board" test ! -e "$work/nieuw.kwadrant"

cp "$work/excel.kwadrant" "$work/excel.before"
ls -A "$work" > "$work/listing.before"
for bad in slechte-inspanning.csv windows-1252.csv does-not-exist.csv; do
  run "$bin" --import-csv "$csv/$bad" --output "$work/excel.kwadrant"
  check "$bad exits 1" test "$status" -eq 1
  check "$bad is named on stderr" contains "$err" "$bad"
  check "$bad leaves the existing board byte for byte" same_file "$work/excel.kwadrant" "$work/excel.before"
  check "$bad leaves no other file behind" eval 'ls -A "$work" | cmp -s - "$work/listing.before"'
done
run "$bin" --import-csv "$csv/windows-1252.csv" --output "$work/excel.kwadrant"
check "a CSV that is not UTF-8 says how to save it" contains "$err" "UTF-8"

# The exports: --export-plan, --export-csv, --export-image, --export-pdf

nl_board="$examples/klantcontact-nl.kwadrant"

run "$bin" --help
check "--help lists the export options" \
  eval 'contains "$out" "--export-plan" && contains "$out" "--export-csv" && contains "$out" "--export-image" &&
        contains "$out" "--export-pdf" && contains "$out" "--lang"'

run "$bin" --export-plan "$work/plan.html" --export-csv "$work/plan.csv" --export-image "$work/matrix.svg" \
           --export-pdf "$work/plan.pdf" "$nl_board"
check "all four exports at once exit 0" test "$status" -eq 0
check "each export reports its file" test "$out" = \
"$work/plan.html: written
$work/plan.csv: written
$work/matrix.svg: written
$work/plan.pdf: written"
check "the exports print nothing on stderr" test -z "$err"
check "the HTML plan starts as HTML5" eval '[ "$(head -c 15 "$work/plan.html")" = "<!DOCTYPE html>" ]'
check "the HTML plan has no script element" eval '! grep -qi "<script" "$work/plan.html"'
check "the HTML plan has the Content-Security-Policy" \
  grep -q "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"" "$work/plan.html"
check "the PDF is a PDF" eval '[ "$(head -c 5 "$work/plan.pdf")" = "%PDF-" ]'
check "the SVG is an SVG" grep -q '<svg xmlns="http://www.w3.org/2000/svg"' "$work/matrix.svg"

# The plan's counts are those of --check.
run "$bin" --check "$nl_board"
check_counts=$(sed -n 's/.*(quick-win \([0-9]*\), small-fix \([0-9]*\), long-term \([0-9]*\), future \([0-9]*\), drop \([0-9]*\), unplaced \([0-9]*\))/\1 \2 \3 \4 \5 \6/p' <<< "$out")
plan_counts=""
for outcome in quick-win small-fix long-term future drop unplaced; do
  count=$(grep -o "<tr class=\"outcome-$outcome\"><th scope=\"row\">[^<]*</th><td>[0-9]*</td>" "$work/plan.html" |
          sed 's/.*<td>\([0-9]*\)<\/td>/\1/')
  plan_counts="$plan_counts${plan_counts:+ }${count:-0}"
done
check "the plan's summary counts are those of --check ($check_counts)" test "$plan_counts" = "$check_counts"
check "the plan numbers every finding once, 1 to 21" \
  test "$(grep -o '<span class="number">[0-9]*</span>' "$work/plan.html" | sed 's/[^0-9]//g' | tr '\n' ' ')" = \
       "$(seq -s ' ' 1 21) "

if command -v xmllint > /dev/null; then
  run xmllint --noout "$work/matrix.svg"
  check "the SVG is well-formed XML" test "$status" -eq 0
fi

# The CSV reads back into a board with the same outcomes.
run "$bin" --import-csv "$work/plan.csv" --output "$work/from-csv.kwadrant"
check "the exported CSV imports with --import-csv" test "$status" -eq 0
run "$bin" --check "$work/from-csv.kwadrant"
check "the board from the CSV has the same counts" \
  contains "$out" "21 findings (quick-win 5, small-fix 3, long-term 5, future 3, drop 3, unplaced 2)"

run "$bin" --export-csv "$work/nl.csv" --lang nl --bom "$nl_board"
check "--export-csv --lang nl --bom exits 0" test "$status" -eq 0
check "the Dutch CSV has a BOM, Dutch names and semicolons" \
  eval '[ "$(head -c 17 "$work/nl.csv")" = "$(printf "\xef\xbb\xbfid;titel;omsch")" ]'
run "$bin" --export-csv "$work/comma.csv" --lang nl --csv-separator comma "$nl_board"
check "--csv-separator comma overrides the Dutch default" \
  eval '[ "$(head -c 9 "$work/comma.csv")" = "id,titel," ]'

run "$bin" --export-image "$work/matrix.png" --size 640x480 "$nl_board"
check "--export-image .png --size 640x480 exits 0" test "$status" -eq 0
check "the PNG is 640 by 480" eval '[ "$(od -An -tx1 -j16 -N8 "$work/matrix.png" | tr -d " \n")" = "00000280000001e0" ]'
run "$bin" --export-pdf "$work/letter.pdf" --paper letter "$nl_board"
check "--export-pdf --paper letter makes Letter pages" grep -aq "MediaBox \[ 0 0 612 792 \]" "$work/letter.pdf"

# Export usage errors, and what they leave behind

ls -A "$work" > "$work/listing.before"
usage() {
  local description=$1
  shift
  run "$bin" "$@"
  check "$description exits 2" test "$status" -eq 2
  check "$description says why" test -n "$err"
}
usage "--export-plan without a board" --export-plan "$work/x.html"
usage "--export-plan with two boards" --export-plan "$work/x.html" "$nl_board" "$nl_board"
usage "--lang de" --export-plan "$work/x.html" --lang de "$nl_board"
usage "--lang without an export" --lang nl "$nl_board"

usage "--export-image to .gif" --export-image "$work/x.gif" "$nl_board"
usage "--size 10x10" --export-image "$work/x.png" --size 10x10 "$nl_board"
usage "--size without --export-image" --export-plan "$work/x.html" --size 800x600 "$nl_board"
usage "--paper a3" --export-pdf "$work/x.pdf" --paper a3 "$nl_board"
usage "--csv-separator tab" --export-csv "$work/x.csv" --csv-separator tab "$nl_board"
usage "--export-plan with --check" --check --export-plan "$work/x.html" "$nl_board"
check "an export usage error writes no file" eval 'ls -A "$work" | cmp -s - "$work/listing.before"'

# A language whose translation cannot be read (the build tree's binary,
# the catalogs not installed) stops the export: never a plan in another
# language than the one asked for.
mkdir "$work/no-catalogs"
for export in --export-plan:no-catalog.html --export-pdf:no-catalog.pdf --export-csv:no-catalog.csv; do
  run env KWADRANT_LOCALEDIR="$work/no-catalogs" "$bin" "${export%%:*}" "$work/${export#*:}" --lang nl "$nl_board"
  check "${export%%:*} --lang nl without the Dutch catalog exits 1" test "$status" -eq 1
  check "${export%%:*} --lang nl without the Dutch catalog says why, naming the file" \
    eval 'contains "$err" "cannot be written in" && contains "$err" "$work/no-catalogs/nl/LC_MESSAGES/kwadrant.mo"'
  check "${export%%:*} --lang nl without the Dutch catalog writes nothing" test ! -e "$work/${export#*:}"
done
run env KWADRANT_LOCALEDIR="$work/no-catalogs" "$bin" --export-plan "$work/en.html" --lang en "$nl_board"
check "--lang en needs no catalog" \
  eval 'test "$status" -eq 0 && grep -q "<html lang=\"en\">" "$work/en.html"'

run "$bin" --export-plan "$work/x.html" "$boards/missing-title.kwadrant"
check "exporting an invalid board exits 1" test "$status" -eq 1
check "exporting an invalid board names it" contains "$err" "missing-title.kwadrant"
check "exporting an invalid board writes nothing" test ! -e "$work/x.html"
run "$bin" --export-plan "$work/no-such-dir/x.html" "$nl_board"
check "exporting into a missing folder exits 1" test "$status" -eq 1

# Dutch

dutch_env=(env LANGUAGE=nl LC_ALL=nl_NL.UTF-8 KWADRANT_LOCALEDIR="$build/po")
if ! locale -a 2> /dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  # Without root, a private copy of the locale does as well.
  if localedef -i nl_NL -f UTF-8 "$work/locale/nl_NL.UTF-8" > /dev/null 2>&1 ||
     [ -d "$work/locale/nl_NL.UTF-8" ]; then
    dutch_env+=(LOCPATH="$work/locale")
  fi
fi

if [ ! -f "$build/po/nl/LC_MESSAGES/kwadrant.mo" ]; then
  not_ok "the Dutch catalog is built" "$build/po/nl/LC_MESSAGES/kwadrant.mo is missing"
else
  run "${dutch_env[@]}" "$bin" --help
  check "--help in Dutch exits 0" test "$status" -eq 0
  check "--help in Dutch differs from English" test "$out" != "$english_help"
  check "--help in Dutch has the translated summary" \
    eval '! contains "$out" "Sort improvement findings on an impact/effort matrix"'

  run "${dutch_env[@]}" "$bin" --check "$examples/klantcontact-nl.kwadrant"
  check "--check in Dutch keeps the outcome ids scripts read" \
    contains "$out" "(quick-win 5, small-fix 3, long-term 5, future 3, drop 3, unplaced 2)"
  check "--check in Dutch is translated" eval '! contains "$out" " findings ("'

  run "${dutch_env[@]}" "$bin" --import-csv "$csv/slechte-inspanning.csv" --output "$work/nl.kwadrant"
  check "a bad CSV in Dutch exits 1" test "$status" -eq 1
  check "a bad CSV in Dutch still names file, row, column and value" \
    eval 'contains "$err" "slechte-inspanning.csv" && contains "$err" "7" &&
          contains "$err" "“inspanning”" && contains "$err" "“veel”"'
  check "a bad CSV in Dutch is explained in Dutch" \
    eval '! contains "$err" "is not a number from 0 to 10" && ! contains "$err" "row 7"'
  run "${dutch_env[@]}" "$bin" --export-plan "$work/nl.html" --lang en "$nl_board"
  check "--lang en in a Dutch session writes an English plan" \
    eval 'grep -q "<html lang=\"en\">" "$work/nl.html" && grep -q "Quick wins: now" "$work/nl.html"'
  run env LC_ALL=C KWADRANT_LOCALEDIR="$build/po" "$bin" --export-plan "$work/nl.html" --lang nl "$nl_board"
  check "--lang nl writes a Dutch plan, also under LC_ALL=C" \
    eval 'grep -q "<html lang=\"nl\">" "$work/nl.html" && grep -q "Quick wins: nu aanpakken" "$work/nl.html"'
fi

tap_finish
