#!/usr/bin/env bash
# Concurrent imports (issue 15): several sessions stage rows and run
# import_report() in one transaction, others only stage, all at once
# (pgbench, no retries).  Passes when no transaction fails (no "deadlock
# detected", no other error) and no acknowledged row is lost: after a final
# import_report(), every row a committed transaction staged is a metric
# with its outcome and target, and report_import is empty.
#   IMPORT_CLIENTS (default 4)  clients running import_stage.sql
#   IMPORT_TX (default 15)      transactions per client
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/lib.sh

IMPORT_CLIENTS=${IMPORT_CLIENTS:-4}
IMPORT_TX=${IMPORT_TX:-15}
PGB_DIR=test/reliability/pgbench

import_concurrency_test() {
	"$REL_BINDIR/createdb" gm_imp || return 1
	rel_psql gm_imp -c 'CREATE EXTENSION goalmetrics' -f data/helsingborg-2016.sql >/dev/null || return 1
	local out=$REL_DIR/pgbench-import.out
	# importers and stagers side by side: 2 stagers for every 4 importers
	local stagers=$(((IMPORT_CLIENTS + 1) / 2))
	"$REL_BINDIR/pgbench" -n -c "$IMPORT_CLIENTS" -j 2 -t "$IMPORT_TX" --max-tries=1 --failures-detailed \
		-f "$PGB_DIR/import_stage.sql" gm_imp >"$out" 2>"$out.err" &
	local p1=$!
	"$REL_BINDIR/pgbench" -n -c "$stagers" -j 1 -t "$IMPORT_TX" --max-tries=1 --failures-detailed \
		-f "$PGB_DIR/stage_only.sql" gm_imp >"$out.stage" 2>"$out.stage.err"
	local rc2=$?
	wait "$p1"
	local rc1=$?
	local processed failed deadlocks sprocessed sfailed
	processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out")
	failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out")
	sprocessed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out.stage")
	sfailed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$out.stage")
	processed=${processed:-0} failed=${failed:-0} sprocessed=${sprocessed:-0} sfailed=${sfailed:-0}
	deadlocks=$(grep -c 'deadlock detected' "$REL_DIR/server.log")
	grep -v '^progress' "$out.err" "$out.stage.err" | head -n 10
	# what is left staged (by a transaction that committed after the last
	# import saw it) is imported by one more call
	local final
	final=$(rel_value gm_imp "SELECT goalmetrics.import_report()")
	local staged imported left
	staged=$(( (processed + sprocessed) * 20 ))
	imported=$(rel_value gm_imp "SELECT count(*) FROM goalmetrics.metric m JOIN goalmetrics.target t USING (metric_id)
		JOIN goalmetrics.outcome o USING (metric_id, year) WHERE m.name LIKE 'Lastmätetal %' OR m.name LIKE 'Stegmätetal %'")
	left=$(rel_value gm_imp "SELECT count(*) FROM goalmetrics.report_import")
	echo "import: $IMPORT_CLIENTS sessions staging and importing ($processed imports, $failed failed), $stagers sessions only staging ($sprocessed, $sfailed failed); final import_report(): $final rows; $staged rows acknowledged, $imported imported, $left left in report_import, $((staged - imported)) lost; $deadlocks deadlocks in the server log"
	rel_check "import: pgbench exit status $rc1 and $rc2" [ "$rc1" -eq 0 -a "$rc2" -eq 0 ]
	rel_check "import: $processed of $((IMPORT_CLIENTS * IMPORT_TX)) staging+import transactions, none failed" \
		[ "$processed" -eq $((IMPORT_CLIENTS * IMPORT_TX)) -a "$failed" -eq 0 ]
	rel_check "import: $sprocessed of $((stagers * IMPORT_TX)) staging transactions, none failed" \
		[ "$sprocessed" -eq $((stagers * IMPORT_TX)) -a "$sfailed" -eq 0 ]
	rel_check "import: no deadlock detected" [ "$deadlocks" -eq 0 ]
	rel_check "import: every acknowledged row is imported ($imported of $staged), none left" \
		[ "$imported" -eq "$staged" -a "$left" -eq 0 ]
	rel_check "import: history holds one insert per imported metric" \
		[ "$(rel_value gm_imp "SELECT count(*) FROM goalmetrics.history WHERE table_name = 'metric' AND operation = 'INSERT'
			AND (new_row ->> 'name' LIKE 'Lastmätetal %' OR new_row ->> 'name' LIKE 'Stegmätetal %')")" = "$staged" ]
	"$REL_BINDIR/dropdb" gm_imp
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	ensure_test_packages || exit 1
	rel_build_and_install || exit 1
	rel_init import "max_connections = 50" || exit 1
	rel_start || exit 1
	import_concurrency_test
	rel_summary import
fi
