#!/usr/bin/env bash
# Crashes: the postmaster is killed with SIGKILL in the middle of
# refresh_summary() and in the middle of a bulk import_report(), while a
# writer commits outcomes one by one and logs each commit the server
# acknowledged.  After restart (crash recovery) the summary of the year is
# wholly the old one or wholly the new one, the import is wholly done or
# not at all, and no acknowledged outcome is lost.
#
# Scenarios:
#   A  refresh_summary(2016) held mid-way (after its DELETE, waiting for a
#      lock on goalmetrics.target); postmaster and all its processes
#      killed at once, as a power cut would.  Expected: wholly old.
#   B  refresh_summary(2015) on 80 000 metrics, killed at a random moment
#      100-500 ms into it; only the postmaster is killed, its orphaned
#      processes get 5 s to notice before they are killed too.
#      Expected: wholly old, or wholly new (then also if reported).
#   C  import_report() of CRASH_IMPORT_ROWS rows, killed at a random moment
#      into it, postmaster and processes at once.  Expected: all or nothing.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/lib.sh

CRASH_COMMITTEES=${CRASH_COMMITTEES:-2000}
CRASH_IMPORT_ROWS=${CRASH_IMPORT_ROWS:-60000}

# The postmaster's children (backends, auxiliary processes)
server_children() { ps -o pid= --ppid "$1" | tr -d ' '; }

# kill_server all|postmaster: SIGKILL the postmaster (and its children at
# once, or after a grace period), by pid
kill_server() {
	local pm kids k
	pm=$(rel_postmaster_pid)
	kids=$(server_children "$pm")
	kill -KILL "$pm"
	if [ "$1" = postmaster ]; then
		for k in 1 2 3 4 5 6 7 8 9 10; do
			[ -z "$(for p in $kids; do [ -d /proc/$p ] && echo "$p"; done)" ] && break
			sleep 0.5
		done
	fi
	for k in $kids; do kill -KILL "$k" 2>/dev/null; done
	for k in 1 2 3 4 5 6 7 8 9 10; do
		[ -z "$(for p in $pm $kids; do [ -d /proc/$p ] && echo "$p"; done)" ] && break
		sleep 0.5
	done
}

# A writer: commits outcomes of the writer's metrics (20 metrics, 300
# years from FIRST_YEAR) one transaction at a time; psql echoes each only after the server acknowledged its commit, and
# stops at the first error (the crash).
start_writer() { # start_writer LOGFILE FIRST_YEAR
	local log=$1 y0=$2
	{
		echo '\set ON_ERROR_STOP 1'
		local i m y
		for ((i = 0; i < 6000; i++)); do
			m=$((i % 20))
			y=$((y0 + i / 20))
			echo "INSERT INTO goalmetrics.outcome (metric_id, year, value) SELECT metric_id, $y, $i FROM goalmetrics.metric WHERE name = 'Skrivare $m';"
			echo "\\echo committed $m $y $i"
		done
	} >"$REL_DIR/writer.sql"
	"$REL_BINDIR/psql" -X -q -d gm_crash -f "$REL_DIR/writer.sql" >"$log" 2>"$log.err" &
	WRITER_PID=$!
	# let it commit some
	for _ in $(seq 1 50); do
		[ "$(grep -c '^committed' "$log")" -ge 50 ] && break
		sleep 0.1
	done
}

# Every acknowledged outcome is in the database, with its value
check_writer() { # check_writer LOGFILE SCENARIO
	local log=$1 name=$2 n missing
	wait "$WRITER_PID" 2>/dev/null
	n=$(grep -c '^committed' "$log")
	rel_psql gm_crash -c "CREATE TEMP TABLE acked (m int, y int, v numeric)" \
		-c "\\copy acked FROM PROGRAM 'sed -n \"s/^committed //p\" $log' (DELIMITER ' ')" \
		-c "SET client_min_messages = warning" \
		-c "CREATE TABLE IF NOT EXISTS acked_all AS SELECT * FROM acked WITH NO DATA" \
		-c "INSERT INTO acked_all SELECT * FROM acked" >/dev/null
	missing=$(rel_value gm_crash "SELECT count(*) FROM acked_all a
		WHERE NOT EXISTS (SELECT FROM goalmetrics.outcome o JOIN goalmetrics.metric m USING (metric_id)
						  WHERE m.name = 'Skrivare ' || a.m AND o.year = a.y AND o.value = a.v)")
	rel_check "crash $name: all $n outcomes the writer saw committed are there (missing: $missing)" \
		[ "$n" -gt 0 -a "$missing" = "0" ]
}

# Start again; true when the server went through crash recovery
restart_and_wait() {
	local off
	off=$(stat -c %s "$REL_DIR/server.log")
	rel_start || return 1
	tail -c +$((off + 1)) "$REL_DIR/server.log" |
		grep -q 'database system was not properly shut down; automatic recovery in progress'
}

snapshot_summary() { # snapshot_summary TABLE YEAR
	rel_psql gm_crash -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS $1" \
		-c "CREATE TABLE $1 AS SELECT * FROM goalmetrics.summary WHERE year = $2" >/dev/null
}

# 0 when the year's summary equals the snapshot in every column
summary_vs_snapshot() { # TABLE YEAR
	rel_value gm_crash "SELECT (SELECT count(*) FROM (SELECT * FROM goalmetrics.summary WHERE year = $2
		EXCEPT ALL SELECT * FROM $1) a) + (SELECT count(*) FROM (SELECT * FROM $1
		EXCEPT ALL SELECT * FROM goalmetrics.summary WHERE year = $2) b)"
}

# 0 when the summary equals a fresh recomputation (all years)
summary_vs_fresh() {
	rel_value gm_crash "$(cat test/reliability/summary_check.sql)"
}

# Change outcomes of the year so that the new summary differs from the old
change_year() {
	rel_psql gm_crash -c "UPDATE goalmetrics.outcome SET value = value * 0.5 + 1
		WHERE year = $1 AND metric_id % 3 = 0" >/dev/null
}

crash_setup() {
	"$REL_BINDIR/createdb" gm_crash || return 1
	rel_psql gm_crash -c 'CREATE EXTENSION goalmetrics' >/dev/null || return 1
	rel_psql gm_crash -v committees="$CRASH_COMMITTEES" -f test/reliability/populate.sql >/dev/null || return 1
	# the writer's metrics
	rel_psql gm_crash -c "INSERT INTO goalmetrics.metric (goal_id, name)
		SELECT min(goal_id), 'Skrivare ' || k FROM goalmetrics.goal, generate_series(0, 19) k GROUP BY k" >/dev/null
	echo "crash: $(rel_value gm_crash 'SELECT count(*) FROM goalmetrics.metric') metrics, $(rel_value gm_crash 'SELECT count(*) FROM goalmetrics.summary') summary rows"
}

scenario_a() {
	local y=2016
	snapshot_summary old_a $y
	change_year $y
	start_writer "$REL_DIR/writer-a.log" 1900
	# hold refresh_summary after its DELETE, before its first INSERT: a
	# test-only statement trigger on summary waits for a gate table the
	# locker holds (refresh_summary reads every source table before it
	# deletes, so a lock on one of them would hold it before the DELETE)
	rel_psql gm_crash -c "CREATE TABLE public.crash_gate ();
		CREATE FUNCTION public.crash_gate_wait() RETURNS trigger LANGUAGE plpgsql AS
		  'BEGIN LOCK TABLE public.crash_gate IN ACCESS SHARE MODE; RETURN NULL; END';
		CREATE TRIGGER crash_gate BEFORE INSERT ON goalmetrics.summary
		  FOR EACH STATEMENT EXECUTE FUNCTION public.crash_gate_wait();" >/dev/null
	"$REL_BINDIR/psql" -X -q -d gm_crash -c "BEGIN; LOCK TABLE public.crash_gate IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(600);" >/dev/null 2>&1 &
	local locker=$!
	sleep 0.5
	"$REL_BINDIR/psql" -X -At -d gm_crash -c "SELECT goalmetrics.refresh_summary($y)" >"$REL_DIR/refresh-a.out" 2>&1 &
	local refresher=$! held=""
	for _ in $(seq 1 100); do
		held=$(rel_value gm_crash "SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
			WHERE a.query LIKE '%refresh_summary($y)%' AND a.wait_event_type = 'Lock'
			  AND l.relation = 'goalmetrics.summary'::regclass AND l.mode = 'RowExclusiveLock' AND l.granted")
		[ "$held" = "1" ] && break
		sleep 0.1
	done
	rel_check "crash A: refresh_summary($y) has deleted the old rows and waits mid-way" [ "$held" = "1" ]
	kill_server all
	wait "$refresher" "$locker" 2>/dev/null
	rel_check "crash A: the server restarts and recovers" restart_and_wait
	rel_check "crash A: refresh_summary was not reported done" \
		bash -c "! grep -qx '[0-9]*' '$REL_DIR/refresh-a.out'"
	local d
	d=$(summary_vs_snapshot old_a $y)
	rel_check "crash A: the $y summary is wholly the old one ($d rows differ from it)" [ "$d" = "0" ]
	check_writer "$REL_DIR/writer-a.log" A
	rel_check "crash A: and it is stale (a fresh recomputation differs in $(summary_vs_fresh) rows)" \
		[ "$(summary_vs_fresh)" != "0" ]
	rel_psql gm_crash -c "DROP TRIGGER crash_gate ON goalmetrics.summary; DROP FUNCTION public.crash_gate_wait(); DROP TABLE public.crash_gate" >/dev/null
	rel_psql gm_crash -c "SELECT goalmetrics.refresh_summary(y) FROM generate_series(2014, 2016) y" >/dev/null
	rel_check "crash A: after a refresh the summary equals a fresh recomputation" [ "$(summary_vs_fresh)" = "0" ]
}

scenario_b() {
	local y=2015 delay
	snapshot_summary old_b $y
	change_year $y
	start_writer "$REL_DIR/writer-b.log" 2200
	delay=$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.1 + (r % 400) / 1000 }')
	"$REL_BINDIR/psql" -X -At -d gm_crash -c "SELECT goalmetrics.refresh_summary($y)" >"$REL_DIR/refresh-b.out" 2>&1 &
	local refresher=$!
	sleep "$delay"
	local active
	active=$(rel_value gm_crash "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%refresh_summary($y)%' AND state = 'active' AND pid <> pg_backend_pid()")
	kill_server postmaster
	wait "$refresher" 2>/dev/null
	echo "crash B: killed $delay s into refresh_summary($y) (active then: $active); client saw: $(head -c 200 "$REL_DIR/refresh-b.out" | tr '\n' ' ')"
	rel_check "crash B: the server restarts and recovers" restart_and_wait
	local d_old d_new ran reported
	d_old=$(summary_vs_snapshot old_b $y)
	d_new=$(summary_vs_fresh)
	ran=$(rel_value gm_crash "SELECT count(DISTINCT ran_at) FROM goalmetrics.summary WHERE year = $y")
	reported=no
	grep -qx '[0-9][0-9]*' "$REL_DIR/refresh-b.out" && reported=yes
	echo "crash B: rows differing from the old summary: $d_old; from a fresh recomputation: $d_new; refresh reported done: $reported"
	rel_check "crash B: the $y summary is wholly old or wholly new (one run)" \
		[ \( "$d_old" = "0" -o "$d_new" = "0" \) -a "$ran" = "1" ]
	rel_check "crash B: a refresh the client saw done is kept" \
		[ "$reported" = "no" -o "$d_new" = "0" ]
	check_writer "$REL_DIR/writer-b.log" B
}

scenario_c() {
	local delay before_outcomes
	# a spreadsheet of CRASH_IMPORT_ROWS rows for one new committee
	rel_psql gm_crash -c "INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target)
		SELECT 'Importerad nämnd', (ARRAY['Invånare', 'omvärld', 'Organisation', 'Finance'])[1 + k % 4],
			   'Importmål ' || (k % 4) || '.' || (k / 4 % 50), 'Importmätetal ' || (k / 3),
			   2014 + k % 3, (k % 97) || ' %', 'Minst ' || (k % 90 + 5) || ' %'
		FROM generate_series(0, $CRASH_IMPORT_ROWS - 1) k" \
		-c "ANALYZE goalmetrics.report_import" >/dev/null
	local n_import
	n_import=$(rel_value gm_crash "SELECT count(*) FROM goalmetrics.report_import")
	before_outcomes=$(rel_value gm_crash "SELECT count(*) FROM goalmetrics.outcome o JOIN goalmetrics.metric m USING (metric_id) WHERE m.name NOT LIKE 'Skrivare %'")
	start_writer "$REL_DIR/writer-c.log" 2500
	delay=$(awk -v r="$RANDOM" 'BEGIN { printf "%.3f", 0.2 + (r % 800) / 1000 }')
	"$REL_BINDIR/psql" -X -At -d gm_crash -c "SELECT goalmetrics.import_report()" >"$REL_DIR/import-c.out" 2>&1 &
	local importer=$!
	sleep "$delay"
	local active
	active=$(rel_value gm_crash "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%import_report()%' AND state = 'active' AND pid <> pg_backend_pid()")
	kill_server all
	wait "$importer" 2>/dev/null
	echo "crash C: killed $delay s into import_report() of $n_import rows (active then: $active); client saw: $(head -c 200 "$REL_DIR/import-c.out" | tr '\n' ' ')"
	rel_check "crash C: the server restarts and recovers" restart_and_wait
	local left metrics outcomes
	left=$(rel_value gm_crash "SELECT count(*) FROM goalmetrics.report_import")
	metrics=$(rel_value gm_crash "SELECT count(*) FROM goalmetrics.metric m JOIN goalmetrics.goal g USING (goal_id) JOIN goalmetrics.committee c USING (committee_id) WHERE c.name = 'Importerad nämnd'")
	outcomes=$(rel_value gm_crash "SELECT count(*) FROM goalmetrics.outcome o JOIN goalmetrics.metric m USING (metric_id) WHERE m.name NOT LIKE 'Skrivare %'")
	echo "crash C: after restart: $left rows left in report_import, $metrics metrics of the import, $outcomes outcomes (before: $before_outcomes)"
	rel_check "crash C: the import is all or nothing" \
		[ \( "$left" = "$n_import" -a "$metrics" = "0" -a "$outcomes" = "$before_outcomes" \) -o \
		  \( "$left" = "0" -a "$metrics" -gt 0 -a "$outcomes" -gt "$before_outcomes" \) ]
	check_writer "$REL_DIR/writer-c.log" C
	if [ "$left" != "0" ]; then
		rel_check "crash C: the import runs to its end after the restart" \
			[ "$(rel_value gm_crash 'SELECT goalmetrics.import_report()')" = "$n_import" ]
	fi
}

crash_test() {
	local t0=$SECONDS
	crash_setup || return 1
	echo "crash: set-up took $((SECONDS - t0)) s"
	t0=$SECONDS
	scenario_a
	echo "crash: scenario A took $((SECONDS - t0)) s"
	t0=$SECONDS
	scenario_b
	echo "crash: scenario B took $((SECONDS - t0)) s"
	t0=$SECONDS
	scenario_c
	echo "crash: scenario C took $((SECONDS - t0)) s"
	rel_check "crash: amcheck finds the summary and outcome indexes intact" \
		rel_psql gm_crash -c "CREATE EXTENSION IF NOT EXISTS amcheck" \
		-c "SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			JOIN pg_am am ON am.oid = c.relam WHERE am.amname = 'btree'
			AND i.indrelid IN ('goalmetrics.summary'::regclass, 'goalmetrics.outcome'::regclass,
							   'goalmetrics.metric'::regclass, 'goalmetrics.report_import'::regclass)" >/dev/null
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	ensure_test_packages || exit 1
	rel_build_and_install || exit 1
	rel_init crash "shared_buffers = 128MB" || exit 1
	rel_start || exit 1
	crash_test
	rel_summary crash
fi
