#!/usr/bin/env bash
# make bench-import: import_report()'s time against the shape of the sheet
# (issue 15: 20 000 rows over 200 goals took 2.4 s, of one goal 61 s, 20 000
# identical rows 124 s).  Each case stages IMPORT_ROWS rows in a fresh
# database of a throwaway cluster that holds the demo data, right after
# report_import was analyzed empty (as after the previous import), and
# times one import_report():
#   spread     the rows over 200 goals (3 years of a metric per goal)
#   one goal   the same rows, all of one goal
#   identical  IMPORT_ROWS copies of one row
# It prints a table and fails when one goal or identical rows take more
# than 2 x the spread case (the time must grow with the rows, not with the
# rows per goal).  Not part of make test (timings belong here).
set -uo pipefail
cd "$(dirname "$0")/.."
. test/reliability/lib.sh

IMPORT_ROWS=${IMPORT_ROWS:-20000}

stage() { # DB GOAL METRIC YEAR OUTCOME TARGET (SQL expressions of k)
	rel_psql "$1" -c "ANALYZE goalmetrics.report_import" \
		-c "INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target)
			SELECT 'Bänknämnden', 'Invånare', $2, $3, $4, $5, $6
			FROM generate_series(0, $IMPORT_ROWS - 1) k" >/dev/null
}

# time_import DB: seconds (3 decimals) of one import_report(), and its rows
time_import() {
	rel_value "$1" "DO \$\$ DECLARE t0 timestamptz := clock_timestamp(); n integer; BEGIN
		n := goalmetrics.import_report();
		RAISE NOTICE 'import %', round(extract(epoch FROM clock_timestamp() - t0)::numeric, 3) || ' ' || n;
		END \$\$" 2>&1 | sed -n 's/.*NOTICE:  import //p'
}

declare -A secs rows
run_case() { # NAME GOAL METRIC YEAR [OUTCOME TARGET]
	local db=gm_bench_$RANDOM
	# the demo data first: report_import has held rows, then an ANALYZE
	# finds it empty (statistics that say "0 rows" on pages it has)
	"$REL_BINDIR/createdb" "$db" &&
		rel_psql "$db" -c 'CREATE EXTENSION goalmetrics' -f data/helsingborg-2016.sql >/dev/null || return 1
	stage "$db" "$2" "$3" "$4" "${5:-(k % 97) || ' %'}" "${6:-'Minst ' || (k % 90 + 5) || ' %'}"
	read -r secs[$1] rows[$1] <<<"$(time_import "$db")"
	"$REL_BINDIR/dropdb" "$db"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	ensure_test_packages || exit 1
	rel_build_and_install || exit 1
	rel_init bench-import "shared_buffers = 256MB" || exit 1
	rel_start || exit 1
	run_case spread "'Bänkmål ' || (k % 200)" "'Mätetal ' || (k / 3)" "2014 + k % 3"
	run_case one_goal "'Bänkmål'" "'Mätetal ' || (k / 3)" "2014 + k % 3"
	run_case identical "'Bänkmål'" "'Mätetal'" "2016" "'48 %'" "'Minst 65 %'"
	echo "import_report(), $IMPORT_ROWS staged rows, load $(cut -d' ' -f1-3 /proc/loadavg):"
	echo
	echo "| sheet | rows imported | seconds | ratio to spread |"
	echo "| --- | --- | --- | --- |"
	ok=0
	for c in spread one_goal identical; do
		ratio=$(echo "scale=2; ${secs[$c]} / ${secs[spread]}" | bc)
		echo "| $c | ${rows[$c]} | ${secs[$c]} | $ratio |"
		[ "$(echo "$ratio <= 2" | bc)" = 1 ] || ok=1
	done
	echo
	[ "$ok" -eq 0 ] && echo "bench-import: linear (one goal and identical rows within 2 x spread)" ||
		echo "bench-import: NOT linear (a ratio above 2)"
	exit "$ok"
fi
