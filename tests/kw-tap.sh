# kw-tap.sh: what the shell tests of the command line share, sourced
# after they set $work (a temporary folder): TAP output and running the
# binary. Each check prints one TAP line; tap_finish prints the plan and
# exits 1 when a check failed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

n=0
failures=0

ok() {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok() {
  n=$((n + 1))
  echo "not ok $n - $1"
  shift
  local line
  for line in "$@"; do
    printf '%s\n' "$line" | sed 's/^/#   /'
  done
  failures=$((failures + 1))
}

# check DESCRIPTION CONDITION...: one TAP line for a test(1)-style condition.
check() {
  local description=$1
  shift
  if "$@"; then
    ok "$description"
  else
    not_ok "$description" "status: $status" "stdout: $out" "stderr: $err"
  fi
}

# run COMMAND...: runs it and keeps $status, $out and $err.
run() {
  "$@" > "$work/stdout" 2> "$work/stderr"
  status=$?
  out=$(cat "$work/stdout")
  err=$(cat "$work/stderr")
}

contains() {
  case "$1" in
    *"$2"*) return 0 ;;
    *) return 1 ;;
  esac
}

same_file() {
  cmp -s "$1" "$2"
}

# The plan, and the exit status: 1 when any check failed.
tap_finish() {
  echo "1..$n"
  if [ "$failures" -gt 0 ]; then
    echo "# $failures of $n checks failed"
    exit 1
  fi
}
