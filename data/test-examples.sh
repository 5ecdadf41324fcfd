#!/bin/sh
# The example boards load in Kwadrant and every outcome of the method shows
# up in them the number of times the examples were written for, with the
# boundary findings (exactly on a line) landing on the side the method says.
# Both boards hold the same findings, in Dutch and in English.
# Usage: test-examples.sh KWADRANT BOARD...
set -u

kwadrant=$1
shift
expected='21 findings (quick-win 5, small-fix 3, long-term 5, future 3, drop 3, unplaced 2)'
failures=0

for board in "$@"; do
  # --check prints "FILE: N findings (...)"; the outcome ids stay in English.
  if ! line=$(LC_ALL=C.UTF-8 LANGUAGE=C "$kwadrant" --check "$board"); then
    echo "FAIL: $board does not load"
    failures=$((failures + 1))
    continue
  fi
  echo "$line"
  case "$line" in
    *": $expected") ;;
    *)
      echo "FAIL: $board should have $expected"
      failures=$((failures + 1))
      ;;
  esac
done

[ "$failures" -eq 0 ]
