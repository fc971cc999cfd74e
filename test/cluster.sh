#!/usr/bin/env bash
# Checks of the reference schema that need more than one session or a
# shell: pg_dump / pg_restore into a second database, ALTER EXTENSION
# UPDATE, refresh_summary() beside concurrent writers and a concurrent
# refresh, and the README's pg_cron recipe.  Runs inside pg_virtualenv
# (PGHOST, PGPORT, PGUSER, PGPASSWORD set), started with
# shared_preload_libraries=pg_cron and cron.use_background_workers=on
# (test/run.sh).  Prints TAP-like lines and writes "passed failed" to
# $1/cluster.count.
set -uo pipefail
log=$1
cd "$(dirname "$0")/.."

passed=0
failed=0
check() { # check DESCRIPTION CONDITION...
	local desc=$1
	shift
	if "$@"; then
		echo "ok - $desc"
		passed=$((passed + 1))
	else
		echo "not ok - $desc"
		failed=$((failed + 1))
	fi
}
q() { # q DB SQL: one value, unaligned
	psql -X -qAt -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}
eq() { [ "$1" = "$2" ] || { echo "#   have: $1" >&2; echo "#   want: $2" >&2; return 1; }; }

for db in gm_src gm_dst gm_conc; do dropdb --if-exists "$db" 2>/dev/null; done

# --------------------------------------------------------------- dump/restore
createdb gm_src
psql -X -q -v ON_ERROR_STOP=1 -d gm_src >/dev/null <<'SQL'
CREATE EXTENSION goalmetrics;
\i data/helsingborg-2016.sql
INSERT INTO goalmetrics.perspective (name_sv, name_en, sort) VALUES ('Medarbetare', 'Staff', 5);
INSERT INTO goalmetrics.committee_member VALUES ('goalmetrics_reader', 1);
INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome)
	VALUES ('X', 'Medborgare', 'G', 'M', 2016, '1');
SELECT goalmetrics.import_report();
SELECT goalmetrics.refresh_summary(2016);
SQL

tables="committee perspective goal metric target outcome committee_member summary report_import"
counts() {
	local t out=""
	for t in $tables; do out="$out $t=$(q "$1" "SELECT count(*) FROM goalmetrics.$t")"; done
	echo "$out"
}
report() { q "$1" "SELECT string_agg(r::text, E'\n') FROM goalmetrics.annual_report(2016) r"; }

pg_dump -Fc -f "$log/gm_src.dump" gm_src 2>"$log/pg_dump.err"
createdb gm_dst
pg_restore --exit-on-error -d gm_dst "$log/gm_src.dump" 2>"$log/pg_restore.err"
rc=$?
[ -s "$log/pg_restore.err" ] && sed 's/^/#   /' "$log/pg_restore.err"
check "pg_restore of a database with goalmetrics data succeeds" eq "$rc" 0
check "every table has the same rows after restore" eq "$(counts gm_dst)" "$(counts gm_src)"
check "shipped perspectives are not duplicated, a user's is kept" \
	eq "$(q gm_dst "SELECT string_agg(name_sv, ',' ORDER BY sort) FROM goalmetrics.perspective")" \
	"Invånare,Omvärld,Organisation,Ekonomi,Medarbetare"
check "the restored annual report is identical" eq "$(report gm_dst)" "$(report gm_src)"
check "the restored summary and its recorded settings are identical" \
	eq "$(q gm_dst "SELECT string_agg(s::text, ',' ORDER BY level, goal_id, perspective_id, committee_id) FROM goalmetrics.summary s")" \
	"$(q gm_src "SELECT string_agg(s::text, ',' ORDER BY level, goal_id, perspective_id, committee_id) FROM goalmetrics.summary s")"
check "sequences continue after restore (no key collision)" \
	eq "$(q gm_dst "INSERT INTO goalmetrics.goal (committee_id, perspective_id, title) VALUES (1, 1, 'Nytt mål') RETURNING goal_id")" \
	"$(( $(q gm_src "SELECT max(goal_id) FROM goalmetrics.goal") + 1 ))"
check "row-level security is in force after restore" \
	eq "$(q gm_dst "SET ROLE goalmetrics_reader; SELECT count(*) FROM goalmetrics.committee")" "1"

# ---------------------------------------------------------------- update path
# A no-op update script stands in for the next version's: data, dump
# registration and policies must survive ALTER EXTENSION ... UPDATE.
extdir=$(pg_config --sharedir)/extension
cur=$(q gm_src "SELECT extversion FROM pg_extension WHERE extname = 'goalmetrics'")
upd="$extdir/goalmetrics--$cur--$cur-updatetest.sql"
if touch "$upd" 2>/dev/null; then
	trap 'rm -f "$upd"' EXIT
	before=$(counts gm_src)
	q gm_src "ALTER EXTENSION goalmetrics UPDATE TO '$cur-updatetest'" >/dev/null
	check "ALTER EXTENSION UPDATE keeps every row" eq "$(counts gm_src)" "$before"
	check "... and the dump registration" \
		eq "$(q gm_src "SELECT cardinality(extconfig) FROM pg_extension WHERE extname = 'goalmetrics'")" 13
	check "... and the annual report" eq "$(report gm_src)" "$(report gm_dst)"
	rm -f "$upd"
else
	echo "# skipped the update path: cannot write $extdir"
fi

# ---------------------------------------------- refresh_summary and writers
createdb gm_conc
psql -X -q -v ON_ERROR_STOP=1 -d gm_conc -c 'CREATE EXTENSION goalmetrics' -f data/helsingborg-2016.sql >/dev/null
# A: refreshes, then holds its transaction open for 4 seconds
psql -X -qAt -d gm_conc >"$log/conc_a.out" 2>&1 <<'SQL' &
BEGIN;
SELECT goalmetrics.refresh_summary(2016);
SELECT pg_sleep(4);
COMMIT;
SQL
a=$!
sleep 1
# B: a writer changes outcomes and targets meanwhile, with a 1 s lock timeout
t0=$(date +%s%N)
psql -X -qAt -v ON_ERROR_STOP=1 -d gm_conc >"$log/conc_b.out" 2>&1 <<'SQL'
SET lock_timeout = '1s';
UPDATE goalmetrics.outcome SET value = value + 1 WHERE year = 2016;
INSERT INTO goalmetrics.target SELECT metric_id, 2017, target FROM goalmetrics.target WHERE year = 2016;
SQL
brc=$?
tb=$(( ($(date +%s%N) - t0) / 1000000 ))
check "writers keep working while refresh_summary's transaction is open (${tb} ms)" [ "$brc" -eq 0 -a "$tb" -lt 1000 ]
# C: a second refresh of the same year waits for A, then recomputes
t0=$(date +%s%N)
psql -X -qAt -d gm_conc -c 'SELECT goalmetrics.refresh_summary(2016)' >"$log/conc_c.out" 2>&1 &
c=$!
sleep 1
waiting=$(q gm_conc "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 1196249941 AND objid = 2016 AND NOT granted")
wait "$c"
crc=$?
tc=$(( ($(date +%s%N) - t0) / 1000000 ))
wait "$a"
check "a concurrent refresh_summary of the same year waits on the advisory lock" eq "$waiting" 1
check "... until the first commits (${tc} ms), then succeeds" [ "$crc" -eq 0 -a "$tc" -ge 1500 ]
check "... and writes the full year once, not twice" eq "$(cat "$log/conc_c.out")" 26
check "the summary holds one row per entity" eq "$(q gm_conc "SELECT count(*) FROM goalmetrics.summary WHERE year = 2016")" 26
# with every 2016 outcome one higher: (57/57, 4/1, 4/3, 4/3 met, 1/5 = 20 %) / 5 = 84
check "the second refresh saw the writer's changes" \
	eq "$(q gm_conc "SELECT round(s.fulfilment, 2) FROM goalmetrics.summary s JOIN goalmetrics.goal g USING (goal_id) WHERE g.title = 'Vi ska vara en ledande samarbetspartner'")" \
	"84.00"

# -------------------------------------------------------------- pg_cron recipe
if [ "$(q postgres "SHOW shared_preload_libraries")" = "pg_cron" ] ||
	q postgres "SHOW shared_preload_libraries" | grep -q pg_cron; then
	q gm_conc "DELETE FROM goalmetrics.summary" >/dev/null
	# The README's recipe, with a schedule of every minute
	q postgres "CREATE EXTENSION IF NOT EXISTS pg_cron" >/dev/null
	jobid=$(q postgres "SELECT cron.schedule_in_database('goalmetrics-summary-test', '* * * * *', 'SELECT goalmetrics.refresh_summary(2016)', 'gm_conc')")
	n=0
	for _ in $(seq 1 90); do
		n=$(q gm_conc "SELECT count(*) FROM goalmetrics.summary")
		[ "$n" -gt 0 ] && break
		sleep 1
	done
	check "pg_cron runs the scheduled refresh_summary and the summary appears" eq "$n" 26
	st=""
	for _ in $(seq 1 10); do
		st=$(q postgres "SELECT status FROM cron.job_run_details WHERE jobid = $jobid ORDER BY runid DESC LIMIT 1")
		[ "$st" = succeeded ] && break
		sleep 1
	done
	check "... and pg_cron records the run as succeeded" eq "$st" succeeded
	q postgres "SELECT cron.unschedule($jobid)" >/dev/null
else
	check "pg_cron is preloaded in the test cluster" false
fi

echo "cluster checks: $passed passed, $failed failed"
echo "$passed $failed" >"$log/cluster.count"
