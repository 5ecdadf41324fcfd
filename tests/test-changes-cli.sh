#!/usr/bin/env bash
# test-changes-cli.sh: `kwadrant --changes BOARD [--since NAME]` as a script
# reads it: the exact lines, byte for byte, on a board with two snapshots
# written by the core's own writer (make-changes-board, from the scenario
# of kw-changes-scenario.c); the same bytes in a Dutch session; the errors
# and exit statuses. Prints TAP; exits 1 when a check fails.
#
#   test-changes-cli.sh MAKE-CHANGES-BOARD
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

bin=${KWADRANT:?KWADRANT is not set: run this through meson test}
src=${KW_SOURCE_DIR:?KW_SOURCE_DIR is not set: run this through meson test}
build=${KW_BUILD_DIR:?KW_BUILD_DIR is not set: run this through meson test}
make_board=${1:?usage: test-changes-cli.sh MAKE-CHANGES-BOARD}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export LC_ALL=C
unset LANGUAGE LANG

status=0
out=
err=
. "$src/tests/kw-tap.sh"

# same_output EXPECTED-FILE: stdout is exactly that file; shows the diff.
same_output() {
  if cmp -s "$1" "$work/stdout"; then
    return 0
  fi
  diff -u "$1" "$work/stdout" | sed 's/^/#   /'
  return 1
}

board="$work/board.kwadrant"
if ! "$make_board" "$board"; then
  not_ok "make-changes-board writes the board"
  echo "1..$n"
  exit 1
fi

run "$bin" --check "$board"
check "the board with snapshots is valid" test "$status" -eq 0

# Since the latest snapshot ("Tweede sessie · januari"): only what
# happened after it. The rename alone is no line; the title is the new one.
printf '%s\t%s\t%s\t%s\t%s\n' > "$work/latest.txt" \
  status f-3 in-progress done "Greeting script" \
  owner f-9 "" Eva "Wachtwoord zelf herstellen – self-service"

run "$bin" --changes "$board"
check "--changes exits 0" test "$status" -eq 0
check "--changes compares with the latest snapshot, line for line" same_output "$work/latest.txt"
check "--changes writes nothing on stderr" test -z "$err"

run "$bin" --changes --since "Tweede sessie · januari" "$board"
check "--since the latest snapshot's name gives the same lines" same_output "$work/latest.txt"

# Since "Workshop 1": every kind, in the method's order.
printf '%s\t%s\t%s\t%s\t%s\n' > "$work/since-first.txt" \
  outcome f-1 long-term quick-win "Clearer outgoing letters" \
  outcome f-2 quick-win long-term "Shorter hold music" \
  outcome f-6 unplaced quick-win "Callback queue" \
  outcome f-7 drop unplaced "Rebuild the website" \
  outcome f-8 quick-win future "Holiday opening hours" \
  moved f-4 "8.0 6.3" "8.0 7.3" "New telephony platform" \
  moved f-5 "6.0 8.0" "8.5 7.0" "Knowledge base" \
  moved f-15 "9.0 2.0" "7.5 2.0" "Answer mail within a day" \
  new f-11 "" unplaced "Callback at a set time" \
  new f-9 "" small-fix "Wachtwoord zelf herstellen – self-service" \
  new f-10 "" unplaced "Satisfaction survey" \
  removed f-12 future "" "Fax line" \
  removed f-13 unplaced "" "Old survey" \
  status f-3 open done "Greeting script" \
  status f-4 in-progress done "New telephony platform" \
  status f-15 done open "Answer mail within a day" \
  owner f-1 Anna Bram "Clearer outgoing letters" \
  owner f-4 Dirk "" "New telephony platform" \
  owner f-6 "" Carla "Callback queue" \
  due f-1 2027-01-31 2027-02-15 "Clearer outgoing letters" \
  due f-5 "" 2027-03-01 "Knowledge base" \
  due f-15 2027-01-10 "" "Answer mail within a day"

run "$bin" --changes "$board" --since "Workshop 1"
check "--since Workshop 1 exits 0" test "$status" -eq 0
check "--since Workshop 1 lists every change in the method's order" same_output "$work/since-first.txt"
check "every line has five tab-separated fields" \
  awk -F '\t' 'NF != 5 { exit 1 } END { if (NR == 0) exit 1 }' "$work/stdout"

# Scripts do not break in another language: the same bytes in Dutch.
dutch_env=(env LANGUAGE=nl LC_ALL=nl_NL.UTF-8 KWADRANT_LOCALEDIR="$build/po")
if ! locale -a 2> /dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  if localedef -i nl_NL -f UTF-8 "$work/locale/nl_NL.UTF-8" > /dev/null 2>&1 ||
     [ -d "$work/locale/nl_NL.UTF-8" ]; then
    dutch_env+=(LOCPATH="$work/locale")
  fi
fi
run "${dutch_env[@]}" "$bin" --changes --since "Workshop 1" "$board"
check "--changes in a Dutch session prints the same bytes" same_output "$work/since-first.txt"

run "${dutch_env[@]}" "$bin" --changes --since "Workshop 3" "$board"
check "an unknown snapshot in Dutch is explained in Dutch" \
  eval 'test "$status" -eq 1 && contains "$err" "Workshop 3" && ! contains "$err" "no snapshot called"'

# Errors.
run "$bin" --changes --since "Workshop 3" "$board"
check "an unknown snapshot name exits 1" test "$status" -eq 1
check "an unknown snapshot name is named, with the board" \
  eval 'contains "$err" "board.kwadrant: the board has no snapshot called " && contains "$err" "Workshop 3"'
check "an unknown snapshot name prints no lines" test -z "$out"

run "$bin" --changes "$src/data/examples/customer-contact-en.kwadrant"
check "a board without snapshots exits 1" test "$status" -eq 1
check "a board without snapshots says so" \
  contains "$err" "customer-contact-en.kwadrant: the board has no snapshots to compare with"

run "$bin" --changes "$work/no-such-board.kwadrant"
check "a missing board exits 1" test "$status" -eq 1
check "a missing board is named" contains "$err" "no-such-board.kwadrant"

run "$bin" --changes "$board" "$board"
check "--changes with two boards is a usage error (2)" test "$status" -eq 2
run "$bin" --changes
check "--changes without a board is a usage error (2)" test "$status" -eq 2
run "$bin" --since "Workshop 1" "$board"
check "--since without --changes is a usage error (2)" test "$status" -eq 2
run "$bin" --changes --check "$board"
check "--changes with --check is a usage error (2)" test "$status" -eq 2
run "$bin" --changes --export-csv "$work/x.csv" "$board"
check "--changes with an --export option is a usage error (2)" \
  eval 'test "$status" -eq 2 && test ! -e "$work/x.csv"'

cp "$board" "$work/before-snapshot.kwadrant"
run "$bin" --snapshot "Derde" --changes "$board"
check "--changes with --snapshot is a usage error (2) and saves nothing" \
  eval 'test "$status" -eq 2 && cmp -s "$board" "$work/before-snapshot.kwadrant"'

run "$bin" --help
check "--help shows --changes and --since" \
  eval 'contains "$out" "--changes" && contains "$out" "--since=NAME" && contains "$out" "--changes takes one board and exits with 0"'
check "--help says --since goes with the plan exports too" \
  eval 'contains "$out" "With --changes, --export-plan or --export-pdf" && contains "$out" "With --since, the action plan of --export-plan and --export-pdf"'

tap_finish
