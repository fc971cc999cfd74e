#!/usr/bin/env bash
# The dashboard section of make bench (bench/README.md, "Dashboard"): the
# national dataset through the reference schema, one committee's dashboard
# through every view and annual_report() as a superuser and as a reader
# under row-level security, against the hand-written filter-first query;
# full extracts and refresh_summary(year).  Run by bench/run.sh inside its
# throwaway cluster (PGHOST, PGPORT, PGUSER set); writes a markdown report
# to $1.
#
#   BENCH_DASH_COMMITTEES  committees (default 290: the issue's national
#                          scale, 116 000 metrics, 580 000 targets and outcomes)
#   BENCH_DASH_COMMITTEE   the measured committee (default 'Kommun 137')
#   BENCH_DASH_YEAR        the measured year (default 2016)
#   BENCH_DASH_REPS        timed repetitions per query (default 5; extracts
#                          and refresh_summary: 3)
#   BENCH_DASH_TIMEOUT     statement_timeout per measurement (default 20s;
#                          extracts and refresh_summary: BENCH_DASH_EXTRACT_TIMEOUT, 120s)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
committees=${BENCH_DASH_COMMITTEES:-290}
committee=${BENCH_DASH_COMMITTEE:-Kommun 137}
year=${BENCH_DASH_YEAR:-2016}
reps=${BENCH_DASH_REPS:-5}
timeout=${BENCH_DASH_TIMEOUT:-20s}
extract_timeout=${BENCH_DASH_EXTRACT_TIMEOUT:-120s}
seed=${BENCH_SEED:-0.42}
[[ $committees =~ ^[0-9]+$ ]] && [ "$committees" -ge 1 ] ||
	{ echo "bench: BENCH_DASH_COMMITTEES: '$committees' is not a count" >&2; exit 1; }

db=dashboard
P=(psql -X -q -v ON_ERROR_STOP=1 -d "$db")
dq() { "${P[@]}" -At -c "$1"; }
dropdb --if-exists "$db" 2>/dev/null
createdb "$db"
"${P[@]}" -c 'CREATE EXTENSION goalmetrics' -c 'CREATE EXTENSION IF NOT EXISTS pg_prewarm'
"${P[@]}" -f bench/sql/dashboard_data.sql
t0=$(date +%s)
echo "== dashboard: data, $committees committees"
gen=$(dq "SELECT dash.generate($committees, $seed)")
# every tenth goal assessed in the measured year (an analysis, a status and
# its reason), so that the views' and the hand-written queries' status that
# counts is compared on assessed goals too
dq "INSERT INTO goalmetrics.goal_assessment (goal_id, year, analysis, status, reason)
    SELECT goal_id, $year, 'Analys ' || goal_id, (ARRAY['fulfilled', 'partly', 'not_fulfilled'])[1 + goal_id / 10 % 3]::goalmetrics.status_band,
           'Bedömning ' || goal_id
      FROM goalmetrics.goal WHERE goal_id % 10 = 0" >/dev/null
"${P[@]}" -c 'VACUUM (FREEZE, ANALYZE)'
gen_s=$(($(date +%s) - t0))
echo "   $gen ($gen_s s)"
"${P[@]}" -o /dev/null -f bench/sql/dashboard.sql
# the committee's name goes into SQL as a literal (dash.expand quotes it)
dq "INSERT INTO dash.env VALUES ('committee', \$n\$$committee\$n\$), ('year', '$year');
    DELETE FROM goalmetrics.committee_member WHERE member = 'dash_reader';
    INSERT INTO goalmetrics.committee_member SELECT 'dash_reader', committee_id FROM goalmetrics.committee WHERE name = \$n\$$committee\$n\$" >/dev/null
[ "$(dq "SELECT count(*) FROM goalmetrics.committee_member WHERE member = 'dash_reader'")" = 1 ] ||
	{ echo "bench: no committee named '$committee'" >&2; exit 1; }
for t in committee goal metric target outcome; do dq "SELECT pg_prewarm('goalmetrics.$t')" >/dev/null; done

echo "== dashboard: checks (view and hand-written query give the same rows)"
dq "SELECT name FROM dash.query WHERE variant = 'hand' ORDER BY pos" | while IFS= read -r n; do
	a=$(dq "SELECT dash.agrees('$n')")
	dq "INSERT INTO dash.env VALUES ('agrees $n', '$a')" >/dev/null
	[ "$a" = t ] || echo "   $n: the view and the hand-written query DIFFER (figures not comparable)"
done
dq "UPDATE dash.env SET value = 'true' WHERE key LIKE 'agrees %' AND value = 't'" >/dev/null

measure() { # name variant rep [timeout]
	"${P[@]}" -At -c "SET statement_timeout = '${4:-$timeout}'" -c "SELECT dash.measure('$1', '$2', $3)" </dev/null ||
		echo "$1 $2 $3: failed"
}
echo "== dashboard: timing, $reps repetitions"
mapfile -t names < <(dq "SELECT name FROM dash.query WHERE variant = 'hand' ORDER BY pos")
for rep in $(seq "$reps"); do
	# each repetition in its own order
	mapfile -t order < <(printf '%s\n' "${names[@]}" | shuf --random-source=<(yes "$seed$rep"))
	for n in "${order[@]}"; do
		for v in view reader hand hand_reader; do
			line=$(measure "$n" "$v" "$rep")
			if [ "$rep" -eq 1 ]; then echo "   $line"; fi
		done
	done
done
echo "== dashboard: full extracts and refresh_summary"
for rep in 1 2 3; do
	dq "SELECT name FROM dash.query WHERE variant = 'extract' ORDER BY pos" | while IFS= read -r n; do
		line=$(measure "$n" extract "$rep" "$extract_timeout")
		if [ "$rep" -eq 1 ]; then echo "   $line"; fi
	done
	line=$(measure refresh_summary refresh "$rep" "$extract_timeout")
	if [ "$rep" -eq 1 ]; then echo "   $line"; fi
done

# the plans of one committee's dashboard, as superuser and as the reader
explain() { # role query
	"${P[@]}" -At -c "SET ROLE $1" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $(dq "SELECT dash.expand(\$q\$$2\$q\$)")"
}
{
	echo "## Dashboard: one committee at national scale"
	echo
	echo "Generated by \`bench/dashboard.sh\` (\`make bench\`; how to read it: bench/README.md, \"Dashboard\")."
	echo "Data through the reference schema: $gen (generated in $gen_s s). Measured: \`$committee\`, $year;"
	echo "median of $reps runs (extracts and \`refresh_summary\`: 3), the executor's time of"
	echo "\`EXPLAIN (ANALYZE, TIMING OFF)\` (\`refresh_summary\`: the call's clock time), statement_timeout $timeout."
	echo "The reader is a login role in \`goalmetrics_reader\` mapped to that committee only (\`committee_member\`)."
	echo
	dq "SELECT * FROM dash.report()"
	echo
	echo "### Plans for one committee"
	echo
	for v in "SELECT * FROM goalmetrics.metric_status WHERE committee = {c} AND year = {y}" \
		"SELECT * FROM goalmetrics.committee_status WHERE committee = {c} AND year = {y}"; do
		for role in postgres dash_reader; do
			echo "\`$v\` as \`$role\`:"
			echo
			echo '```'
			explain "$role" "$v"
			echo '```'
			echo
		done
	done
} >"$out"
echo "== dashboard: report $out"
