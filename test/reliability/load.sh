#!/usr/bin/env bash
# Load: pgbench with 8 clients for LOAD_SECONDS (default 60) mixing outcome
# and target writes, view and annual-report reads, refresh_summary() calls
# and a check that no reader ever sees a half-written summary
# (test/reliability/pgbench/*.sql).  Passes with zero failed transactions;
# the only failures pgbench may retry are serialization failures and
# deadlocks (--max-tries), and at READ COMMITTED none are expected: every
# retry is reported.  Then a second phase of concurrent refresh_summary()
# calls and summary checks only, after which the summary must equal a
# fresh recomputation through the views (summary_check.sql).
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/lib.sh

LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_CLIENTS=${LOAD_CLIENTS:-8}
PGB_DIR=test/reliability/pgbench

# pgbench_run NAME ARGS...: run, print the summary lines, check failures
pgbench_run() {
	local name=$1
	shift
	local out=$REL_DIR/pgbench-$name.out
	"$REL_BINDIR/pgbench" -n -c "$LOAD_CLIENTS" -j 2 --max-tries=10 \
		--failures-detailed -r "$@" gm_load >"$out" 2>"$out.err"
	local rc=$?
	grep -E '^(number of|latency average|tps|maximum number of tries)' "$out" | sed "s/^/load $name: /"
	local processed failed retried
	processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
	failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
	retried=$(sed -n 's/^number of transactions retried: \([0-9]*\).*/\1/p' "$out")
	processed=${processed:-0} failed=${failed:-0} retried=${retried:-0}
	if [ "$rc" -ne 0 ] || grep -qv '^progress' "$out.err"; then
		grep -v '^progress' "$out.err" | head -n 20
	fi
	rel_check "load $name: pgbench exit status $rc" [ "$rc" -eq 0 ]
	rel_check "load $name: $processed transactions, $failed failed, $retried retried (serialization/deadlock)" \
		[ "$processed" -gt 0 -a "$failed" -eq 0 ]
}

load_test() {
	"$REL_BINDIR/createdb" gm_load || return 1
	rel_psql gm_load -c 'CREATE EXTENSION goalmetrics' >/dev/null || return 1
	rel_psql gm_load -f test/reliability/populate.sql >/dev/null || return 1
	local minm maxm
	minm=$(rel_value gm_load 'SELECT min(metric_id) FROM goalmetrics.metric')
	maxm=$(rel_value gm_load 'SELECT max(metric_id) FROM goalmetrics.metric')
	echo "load: $(rel_value gm_load 'SELECT count(*) FROM goalmetrics.metric') metrics, $(rel_value gm_load 'SELECT count(*) FROM goalmetrics.outcome') outcomes; $LOAD_CLIENTS clients for $LOAD_SECONDS s"

	pgbench_run mixed -T "$LOAD_SECONDS" -P 10 \
		-D min_metric="$minm" -D max_metric="$maxm" \
		-f "$PGB_DIR/write_outcome.sql@10" -f "$PGB_DIR/write_target.sql@1" \
		-f "$PGB_DIR/read_views.sql@4" -f "$PGB_DIR/refresh.sql@2" \
		-f "$PGB_DIR/check_summary.sql@3"

	# the writers have stopped: concurrent refreshes leave the summary of
	# what is in the tables
	pgbench_run refresh -T 10 \
		-f "$PGB_DIR/refresh.sql@1" -f "$PGB_DIR/check_summary.sql@1"
	local diff rows
	diff=$(rel_value gm_load "$(cat test/reliability/summary_check.sql)")
	rows=$(rel_value gm_load 'SELECT count(*) FROM goalmetrics.summary')
	rel_check "load: the summary ($rows rows) equals a fresh recomputation ($diff rows differ)" \
		[ "$diff" = "0" ]
	rel_check "load: one run per year: every year's summary rows share one ran_at" \
		[ "$(rel_value gm_load 'SELECT count(*) FROM (SELECT year FROM goalmetrics.summary GROUP BY year HAVING count(DISTINCT ran_at) > 1) x')" = "0" ]
	"$REL_BINDIR/dropdb" gm_load
}

# A large spreadsheet imported right after report_import was analyzed
# empty (autoanalyze after the previous import, or a database-wide
# ANALYZE): the statistics then say "1 row"; an import that trusted them
# joined report_import with its work table in a nested loop, quadratic in
# the rows (20 000 rows: 32 s instead of 1.5 s; 60 000: 400 s).
# import_report() analyzes its work table and joins the staged rows by
# their line (issue 15); bench/import.sh times the shapes of a sheet.
import_scale_test() {
	"$REL_BINDIR/createdb" gm_import || return 1
	rel_psql gm_import -c 'CREATE EXTENSION goalmetrics' -f data/helsingborg-2016.sql >/dev/null || return 1
	rel_psql gm_import -c "ANALYZE goalmetrics.report_import" \
		-c "INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target)
			SELECT 'Importerad nämnd', (ARRAY['Invånare', 'omvärld', 'Organisation', 'Finance'])[1 + k % 4],
				   'Importmål ' || (k % 4) || '.' || (k / 4 % 50), 'Importmätetal ' || (k / 3),
				   2014 + k % 3, (k % 97) || ' %', 'Minst ' || (k % 90 + 5) || ' %'
			FROM generate_series(0, 19999) k" >/dev/null || return 1
	local t0=$SECONDS n
	n=$(rel_value gm_import "SET statement_timeout = '20s'; SELECT goalmetrics.import_report()" 2>/dev/null)
	rel_check "load: import_report() of 20 000 rows after report_import was analyzed empty: within 20 s ($((SECONDS - t0)) s, $n rows)" \
		[ "$n" = "20000" ]
	"$REL_BINDIR/dropdb" gm_import
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	ensure_test_packages || exit 1
	rel_build_and_install || exit 1
	rel_init load "max_connections = 50" "shared_buffers = 128MB" || exit 1
	rel_start || exit 1
	load_test
	import_scale_test
	rel_summary load
fi
