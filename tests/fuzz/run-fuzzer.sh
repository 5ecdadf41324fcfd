#!/usr/bin/env bash
# run-fuzzer.sh FUZZER SEED_DIR...: runs a libFuzzer target over a fresh
# copy of its seed corpus for KW_FUZZ_SECONDS (default 30) seconds. Exits
# non-zero on any crash, leak, timeout (over 1 s per input) or running out
# of memory; the input that did it is kept in KW_FUZZ_ARTIFACTS (default:
# fuzz-artifacts/ in the build directory) to add to tests/data.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

fuzzer=$1
shift
seconds=${KW_FUZZ_SECONDS:-30}
name=$(basename "$fuzzer")
artifacts=${KW_FUZZ_ARTIFACTS:-${KW_BUILD_DIR:-.}/fuzz-artifacts}/$name

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$artifacts"

# Only the regular files: the seed folders also hold folders of their own.
for dir in "$@"; do
  find "$dir" -maxdepth 1 -type f ! -name '*.md' ! -name '*.txt' -exec cp -t "$corpus" {} +
done
echo "# $name: $(ls "$corpus" | wc -l) seeds, $seconds s"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

exec "$fuzzer" -max_total_time="$seconds" -timeout=1 -error_exitcode=1 -timeout_exitcode=1 -rss_limit_mb=2048 -max_len=262144 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus"
