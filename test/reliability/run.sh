#!/usr/bin/env bash
# make reliability: the reliability checks of issue 7 that take longer than
# make test (doc/reliability.md).  Each script runs in its own throwaway
# cluster; the sanitizer run builds its own copy of the extension.  Prints
# one line "N passed, M failed" and exits non-zero on any failure.
#
#   make reliability                      everything (about 5 minutes)
#   make reliability RELIABILITY="load crash"   some of it
#   LOAD_SECONDS=300 make reliability     a longer load
#
# The libFuzzer run is `make fuzz` (CI runs it); the bad-input and security
# pgTAP suites (test/pgtap/90_bad_input.sql, 91_security.sql) run in
# make test.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/lib.sh

ALL="bad_input memory load import crash dump asan"
WHICH=${RELIABILITY:-$ALL}

ensure_test_packages || exit 1
build_and_install || { echo "0 passed, 1 failed (build)"; exit 1; }

log=$(mktemp -d /tmp/goalmetrics-reliability.XXXXXX)
trap 'rm -rf "$log"' EXIT
passed=0
failed=0
for name in $WHICH; do
	script=test/reliability/$name.sh
	if [ ! -f "$script" ]; then
		echo "reliability: no such check: $name (choose from: $ALL)" >&2
		failed=$((failed + 1))
		continue
	fi
	echo "== $name"
	start=$SECONDS
	REL_SKIP_BUILD=1 bash "$script" 2>&1 | tee "$log/$name.out"
	status=${PIPESTATUS[0]}
	line=$(grep -E '^[a-z_]+: [0-9]+ passed, [0-9]+ failed' "$log/$name.out" | tail -n 1)
	if [ -n "$line" ]; then
		passed=$((passed + $(sed -E 's/^[a-z_]+: ([0-9]+) passed.*/\1/' <<<"$line")))
		failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
	fi
	if [ "$status" -ne 0 ] && ! grep -qE ' [1-9][0-9]* failed' <<<"$line"; then
		failed=$((failed + 1))	# died without reporting its failures
	fi
	echo "== $name: $((SECONDS - start)) s"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
