#!/usr/bin/env bash
# make test: install what is missing, build and install the extension, check
# the layers (test/layers.sh), run the C unit tests, then the pg_regress and
# pgTAP suites in a throwaway cluster that is removed afterwards (also on
# failure or interrupt, by pg_virtualenv's own trap), and print one line
# "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
. test/lib.sh

ensure_test_packages || exit 1
build_and_install || { echo "0 passed, 1 failed (build)"; exit 1; }

log=$(mktemp -d /tmp/goalmetrics-test.XXXXXX)
trap 'rm -rf "$log"' EXIT
chmod 755 "$log"

passed=0
failed=0

# 0. the layers of src/ have no cycle (objects and headers)
bash test/layers.sh >"$log/layers.out" 2>&1
cat "$log/layers.out"
line=$(grep -E '^layers: [0-9]+ passed, [0-9]+ failed' "$log/layers.out" | tail -n 1)
if [ -n "$line" ]; then
	passed=$((passed + $(echo "$line" | awk '{print $2}')))
	failed=$((failed + $(echo "$line" | awk '{print $4}')))
else
	failed=$((failed + 1))
fi

# 1. C unit tests of the pure target module
if [ -f test/unit/test_target.c ]; then
	make -s unit >"$log/unit.out" 2>&1
	cat "$log/unit.out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log/unit.out" | tail -n 1)
	if [ -n "$line" ]; then
		passed=$((passed + $(echo "$line" | awk '{print $1}')))
		failed=$((failed + $(echo "$line" | awk '{print $3}')))
	else
		failed=$((failed + 1))
	fi
fi

# 2. pg_regress and pgTAP in one throwaway cluster
# (pg_cron for the scheduling recipe's check in test/cluster.sh; its jobs run
# in background workers, so they need no password; goalmetrics preloaded in
# every session, the supported setup of doc/settings.md, "Install", which
# test/cluster.sh checks and, for one session, turns off)
pg_virtualenv -t -v "$PG_MAJOR" -o 'max_worker_processes=16' \
	-o 'shared_preload_libraries=pg_cron' -o 'cron.use_background_workers=on' \
	-o 'session_preload_libraries=goalmetrics' \
	bash test/suites.sh "$log" || true

# 3. scale-out: a coordinator and two postgres_fdw shards of its own
bash test/shard/run.sh "$log" || true

for f in "$log/regress.count" "$log/pgtap.count" "$log/cluster.count" "$log/report.count" "$log/shard.count"; do
	if [ -f "$f" ]; then
		read -r p m <"$f"
		passed=$((passed + p))
		failed=$((failed + m))
	else
		echo "goalmetrics: suite did not report ($f)" >&2
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
