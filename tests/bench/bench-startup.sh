#!/usr/bin/env bash
# Start-up to the first frame: kwadrant on the Dutch example board against
# gtk4-demo, in turns (A B A B ...) in the same run, after a warm-up.
#
# The moment counted is when the program's window is mapped and visible
# (GTK maps a toplevel once its first frame is ready), found by polling the
# X server every 2 ms. Needs a display (the test command provides Xvfb).
#
#   bench-startup.sh KWADRANT BOARD [RUNS]
set -euo pipefail

kwadrant=${1:?path of the kwadrant binary}
board=${2:?board to open}
runs=${3:-7}

for tool in xdotool gtk4-demo python3 awk; do
  command -v "$tool" >/dev/null || { echo "bench-startup: $tool is missing" >&2; exit 1; }
done
[ -n "${DISPLAY:-}" ] || { echo "bench-startup: needs a display (run under xvfb-run)" >&2; exit 1; }

errlog=$(mktemp)
trap 'rm -f "$errlog"' EXIT

now_ms() {
  date +%s.%N | awk '{ printf "%.3f", $1 * 1000 }'
}

# Prints the milliseconds from exec to a visible window of that process.
time_to_window() {
  local start pid waited=0
  start=$(now_ms)
  "$@" >/dev/null 2>"$errlog" &
  pid=$!
  until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
    sleep 0.002
    waited=$((waited + 1))
    if [ "$waited" -gt 5000 ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "bench-startup: no window from $1" >&2
      cat "$errlog" >&2
      kill "$pid" 2>/dev/null || true
      exit 1
    fi
  done
  awk -v end="$(now_ms)" -v start="$start" 'BEGIN { printf "%.3f\n", end - start }'
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

median() {
  python3 -c 'import statistics, sys; print("%.1f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"
}

kw=()
demo=()
time_to_window "$kwadrant" "$board" >/dev/null   # warm-up: caches, fonts, shaders
time_to_window gtk4-demo >/dev/null
for _ in $(seq "$runs"); do
  kw+=("$(time_to_window "$kwadrant" "$board")")
  demo+=("$(time_to_window gtk4-demo)")
done

kw_median=$(median "${kw[@]}")
demo_median=$(median "${demo[@]}")
echo "bench startup_kwadrant_ms $kw_median ms"
echo "bench startup_gtk4_demo_ms $demo_median ms"
echo "bench startup_vs_gtk4_demo_ratio $(python3 -c "print('%.2f' % ($kw_median / $demo_median))") x"
