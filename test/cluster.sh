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
UPDATE goalmetrics.outcome SET note = 'granskad' WHERE year = 2016;
INSERT INTO goalmetrics.goal_assessment (goal_id, year, analysis) VALUES (1, 2016, 'Analys av målet');
SELECT goalmetrics.publish_rules(2016);
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gm_backup') THEN
		CREATE ROLE gm_backup LOGIN PASSWORD 'gm_backup' IN ROLE goalmetrics_admin;
	END IF;
END $$;
SQL

tables="committee perspective goal metric target outcome goal_assessment rules committee_member summary report_import history"
counts() {
	local t out=""
	for t in $tables; do out="$out $t=$(q "$1" "SELECT count(*) FROM goalmetrics.$t")"; done
	echo "$out"
}
report() { q "$1" "SELECT string_agg(r::text, E'\n') FROM goalmetrics.annual_report(2016) r"; }

# doc/schema.md: goalmetrics_admin backs up (with --enable-row-security, as
# the policies apply to it), a superuser restores
PGUSER=gm_backup PGPASSWORD=gm_backup pg_dump -Fc -f "$log/gm_src.dump" gm_src 2>"$log/pg_dump.err"
check "pg_dump by goalmetrics_admin without --enable-row-security fails, as documented" [ $? -ne 0 ]
PGUSER=gm_backup PGPASSWORD=gm_backup pg_dump --enable-row-security -Fc -f "$log/gm_src.dump" gm_src 2>"$log/pg_dump.err"
check "pg_dump --enable-row-security by goalmetrics_admin succeeds" eq "$?" 0
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
	eq "$(q gm_dst "SELECT string_agg(s::text, ',' ORDER BY level, metric_id, goal_id, perspective_id, committee_id) FROM goalmetrics.summary s")" \
	"$(q gm_src "SELECT string_agg(s::text, ',' ORDER BY level, metric_id, goal_id, perspective_id, committee_id) FROM goalmetrics.summary s")"
rows_md5() { q "$1" "SELECT md5(string_agg(r::text, E'\n' ORDER BY r::text)) FROM goalmetrics.$2 r"; }
check "history is restored as it was, nothing added by the restore" eq "$(rows_md5 gm_dst history)" "$(rows_md5 gm_src history)"
check "targets and outcomes keep their changed_at and changed_by" \
	eq "$(rows_md5 gm_dst target)$(rows_md5 gm_dst outcome)" "$(rows_md5 gm_src target)$(rows_md5 gm_src outcome)"
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
		eq "$(q gm_src "SELECT cardinality(extconfig) FROM pg_extension WHERE extname = 'goalmetrics'")" 20
	check "... and the annual report" eq "$(report gm_src)" "$(report gm_dst)"
	rm -f "$upd"
else
	echo "# skipped the update path: cannot write $extdir"
fi

# moving the data into a database that has goalmetrics, no rows (doc/schema.md)
dropdb --if-exists gm_move 2>/dev/null
createdb gm_move
q gm_move "CREATE EXTENSION goalmetrics" >/dev/null
pg_dump --data-only -Fc --table='goalmetrics.*' -f "$log/gm_move.dump" gm_src 2>>"$log/pg_dump.err"
pg_restore --data-only --disable-triggers --exit-on-error -d gm_move "$log/gm_move.dump" 2>"$log/gm_move.err"
check "moving the data: pg_dump --data-only --table='goalmetrics.*', pg_restore --data-only --disable-triggers" \
	eq "$?|$(counts gm_move)|$(rows_md5 gm_move history)$(rows_md5 gm_move outcome)" \
	"0|$(counts gm_src)|$(rows_md5 gm_src history)$(rows_md5 gm_src outcome)"
dropdb gm_move

# -------------------------------------------------------- DROP EXTENSION
# a plain DROP EXTENSION refuses while there is user data; CASCADE drops
before=$(counts gm_dst)
err=$(psql -X -q -d gm_dst -c 'DROP EXTENSION goalmetrics' 2>&1)
echo "$err" | sed 's/^/#   /'
check "DROP EXTENSION without CASCADE is refused while the tables hold user data" \
	eq "$(echo "$err" | grep -c -e '^ERROR:  cannot drop extension goalmetrics because other objects depend on it' \
		-e '^NOTICE:  goalmetrics holds user data: .*goalmetrics.outcome: 72')" 2
check "... and every row is still there" eq "$(counts gm_dst)" "$before"
q gm_dst "CREATE EXTENSION amcheck; DROP EXTENSION amcheck" >/dev/null
check "dropping another extension leaves no guard view behind" \
	eq "$(q gm_dst "SELECT to_regclass('goalmetrics.user_data') IS NULL")" t
check "DROP EXTENSION goalmetrics CASCADE removes it with the data (doc/schema.md, Uninstalling)" \
	eq "$(q gm_dst "DROP EXTENSION goalmetrics CASCADE; SELECT to_regclass('goalmetrics.outcome') IS NULL" 2>/dev/null)" t

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
check "... and writes the full year once, not twice" eq "$(cat "$log/conc_c.out")" 62
check "the summary holds one row per entity" eq "$(q gm_conc "SELECT count(*) FROM goalmetrics.summary WHERE year = 2016")" 62
# with every 2016 outcome one higher: (57/57, 4/1, 4/3, 4/3 met, 1/5 = 20 %) / 5 = 84
check "the second refresh saw the writer's changes" \
	eq "$(q gm_conc "SELECT round(s.fulfilment, 2) FROM goalmetrics.summary s JOIN goalmetrics.goal g USING (goal_id) WHERE s.level = 'goal' AND g.title = 'Vi ska vara en ledande samarbetspartner'")" \
	"84.00"

# ------------------------------------------- periods written concurrently
# Two writers enter the last two tertials of a metric whose year is their
# sum, at once: neither sees the other's uncommitted period, so without the
# derivation's advisory lock (47_periods.sql) no year value would follow.
psql -X -q -v ON_ERROR_STOP=1 -d gm_conc >/dev/null <<'SQL'
INSERT INTO goalmetrics.committee (committee_id, name) VALUES (990, 'Tertialnämnden');
INSERT INTO goalmetrics.goal (goal_id, committee_id, perspective_id, title)
SELECT 990, 990, min(perspective_id), 'Tertialmål' FROM goalmetrics.perspective;
INSERT INTO goalmetrics.metric (metric_id, goal_id, name, year_from_periods) VALUES (990, 990, 'Besök', 'sum');
INSERT INTO goalmetrics.outcome_period (metric_id, year, period, value) VALUES (990, 2016, 'T1', 1);
SQL
psql -X -qAt -d gm_conc >"$log/period_a.out" 2>&1 <<'SQL' &
BEGIN;
INSERT INTO goalmetrics.outcome_period (metric_id, year, period, value) VALUES (990, 2016, 'T2', 20);
SELECT pg_sleep(2);
COMMIT;
SQL
pa=$!
sleep 0.5
q gm_conc "INSERT INTO goalmetrics.outcome_period (metric_id, year, period, value) VALUES (990, 2016, 'T3', 300)" \
	>"$log/period_b.out" 2>&1
wait "$pa"
check "two writers entering a year's last periods at once: the year's sum follows (outcome.from_periods)" \
	eq "$(q gm_conc "SELECT value || ' ' || from_periods FROM goalmetrics.outcome WHERE metric_id = 990 AND year = 2016")" "321 true"
q gm_conc "DELETE FROM goalmetrics.metric WHERE metric_id = 990; DELETE FROM goalmetrics.goal WHERE goal_id = 990; DELETE FROM goalmetrics.committee WHERE committee_id = 990" >/dev/null

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
	check "pg_cron runs the scheduled refresh_summary and the summary appears" eq "$n" 62
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

# ------------------------------------------------------------------ encodings
# The install script is ASCII (src/sql/00_extension.sql), so that it reads
# the same in every database encoding and the encoding check runs first.
script=$(pg_config --sharedir)/extension/goalmetrics--$(q postgres "SELECT default_version FROM pg_available_extensions WHERE name = 'goalmetrics'").sql
check "the installed script is ASCII" eq "$(LC_ALL=C grep -c '[^[:print:][:space:]]' "$script")" 0
# LATIN1, LATIN9, WIN1252 and SQL_ASCII databases work fully: the demo data
# loads through the import, the views and annual_report() work, and labels
# and symbols use characters the encoding has (stand-ins where it lacks
# them: "91-99" for the en dash, + ~ x o and ^ = v for the symbols).
u() { PGCLIENTENCODING=UTF8 q "$@"; }
for enc in UTF8 LATIN1 LATIN9 WIN1252 SQL_ASCII EUC_JP; do dropdb --if-exists gm_enc_$enc 2>/dev/null; done
ref=gm_enc_UTF8
createdb -E UTF8 -T template0 --locale=C $ref
psql -X -q -v ON_ERROR_STOP=1 -d $ref -c 'CREATE EXTENSION goalmetrics' -f data/helsingborg-2016.sql >/dev/null
ref_partly=$(u $ref "SELECT count(*) FROM goalmetrics.metric_status WHERE status = 'partly'")
for enc in LATIN1 LATIN9 WIN1252 SQL_ASCII; do
	db=gm_enc_$enc
	case $enc in
	LATIN1 | LATIN9) dash="-" sym="+ ~ x o" arrows="^=v" ;;
	WIN1252) dash="–" sym="+ ~ x o" arrows="^=v" ;;
	SQL_ASCII) dash="–" sym="✓ ◐ ✗ ○" arrows="↑→↓" ;;
	esac
	createdb -E "$enc" -T template0 --locale=C "$db"
	PGCLIENTENCODING=UTF8 psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION goalmetrics' \
		-f data/helsingborg-2016.sql >"$log/enc_$enc.out" 2>&1
	check "$enc: CREATE EXTENSION and the demo load succeed" eq "$?" 0
	check "$enc: the shipped perspectives are stored as text, not mojibake" \
		eq "$(u "$db" "SELECT string_agg(name_sv, ',' ORDER BY sort) FROM goalmetrics.perspective")" \
		"Invånare,Omvärld,Organisation,Ekonomi"
	check "$enc: every demo row is imported (none left in report_import)" \
		eq "$(u "$db" "SELECT count(*) FROM goalmetrics.report_import")" 0
	check "$enc: the annual report has the same rows as in UTF8" \
		eq "$(u "$db" "SELECT string_agg(r::text, E'\n') FROM goalmetrics.annual_report(2016) r")" "$(report $ref | sed "s/–/$dash/g")"
	check "$enc: metric_status, goal_status, perspective_status and committee_status work" \
		eq "$(u "$db" "SELECT (SELECT count(*) FROM goalmetrics.metric_status WHERE status = 'partly') || ',' ||
			(SELECT count(*) FROM goalmetrics.goal_status WHERE year = 2016) || ',' ||
			(SELECT count(*) FROM goalmetrics.perspective_status WHERE year = 2016) || ',' ||
			(SELECT count(*) FROM goalmetrics.committee_status WHERE year = 2016)")" "$ref_partly,16,8,2"
	check "$enc: refresh_summary writes the year" eq "$(u "$db" "SELECT goalmetrics.refresh_summary(2016)")" 62
	check "$enc: the labels" eq "$(u "$db" "SELECT string_agg(goalmetrics.status_label(s) || '|' || goalmetrics.status_label(s, 'en'), ';' ORDER BY s) FROM unnest(enum_range(NULL::goalmetrics.status_band)) s")" \
		"Uppfyllelse 100 procent|Fulfilled (100 %);Uppfyllelse 91${dash}99 procent|Partly fulfilled (91${dash}99 %);Uppfyllelse 90 procent eller lägre|Not fulfilled (90 % or lower);Uppföljning är inte genomförd|Not followed up"
	check "$enc: the labels of the bands in force keep the stand-in" \
		eq "$(u "$db" "SET goalmetrics.partly_above = 50; SET goalmetrics.fulfilled_at = 95; SELECT goalmetrics.status_label('partly') || '|' || goalmetrics.status_label('fulfilled', 'en')")" \
		"Uppfyllelse 51${dash}94 procent|Fulfilled (95${dash}100 %)"
	check "$enc: the status symbols and trend arrows" \
		eq "$(u "$db" "SELECT string_agg(goalmetrics.status_symbol(s), ' ' ORDER BY s) || ' ' || goalmetrics.trend_symbol('improving') || goalmetrics.trend_symbol('stable') || goalmetrics.trend_symbol('worsening') FROM unnest(enum_range(NULL::goalmetrics.status_band)) s")" \
		"$sym $arrows"
	check "$enc: a hint with Swedish letters arrives intact" \
		eq "$(PGCLIENTENCODING=UTF8 psql -X -qAt -d "$db" -c "SELECT 'ungefär 5'::goalmetrics.metric_target" 2>&1 | grep -c 'HINT:.*Högst, Över')" 1
done
# a binary metric_target whose unit the encoding cannot hold is refused on
# receipt (before: accepted, then SELECT and pg_dump of the table failed)
PGCLIENTENCODING=UTF8 psql -X -q -d $ref -c "\\copy (SELECT 'Minst 5 ✓'::goalmetrics.metric_target) TO '$log/check.bin' (FORMAT binary)"
bt() { # bt DB: load check.bin into a new table bt
	PGCLIENTENCODING=UTF8 psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c 'CREATE TABLE bt (t goalmetrics.metric_target)' \
		-c "\\copy bt FROM '$log/check.bin' (FORMAT binary)" 2>&1
}
err=$(bt gm_enc_LATIN1)
check "LATIN1: a binary metric_target with unit ✓ is refused (22P05)" \
	eq "$(echo "$err" | grep -c 'invalid binary metric_target: unit "?" has a character that encoding "LATIN1" lacks')" 1
check "LATIN1: ... so the table still dumps" pg_dump -d gm_enc_LATIN1 -f "$log/gm_enc_LATIN1.sql" 2>"$log/gm_enc_LATIN1.err"
check "SQL_ASCII: the same binary value is taken (bytes are UTF-8 there)" \
	eq "$(bt gm_enc_SQL_ASCII; u gm_enc_SQL_ASCII "SELECT t FROM bt")" "Minst 5 ✓"
# an encoding the extension cannot serve: one clear error at CREATE EXTENSION
createdb -E EUC_JP -T template0 --locale=C gm_enc_EUC_JP
err=$(psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d gm_enc_EUC_JP -c 'CREATE EXTENSION goalmetrics' 2>&1)
echo "$err" | sed 's/^/#   /'
check "EUC_JP: CREATE EXTENSION fails with one clear error (0A000, the encoding, the supported ones)" \
	eq "$(echo "$err" | grep -c -e '^ERROR:  0A000: goalmetrics cannot be installed in a database with encoding "EUC_JP"' \
		-e '^HINT:  Create the database with one of the encodings UTF8, LATIN1, LATIN9, WIN1252, SQL_ASCII')" 2
check "EUC_JP: ... and installs nothing" eq "$(q gm_enc_EUC_JP "SELECT count(*) FROM pg_namespace WHERE nspname = 'goalmetrics'")" 0
for enc in UTF8 LATIN1 LATIN9 WIN1252 SQL_ASCII EUC_JP; do dropdb --if-exists gm_enc_$enc; done

# ------------------------------------------- settings in a fresh session
# The test cluster preloads goalmetrics (session_preload_libraries, test/run.sh;
# doc/settings.md, "Install"): in a new session, before any goalmetrics call
# and in a database without the extension, SHOW, ALTER SYSTEM + reload and
# the pg_settings query work.
createdb gm_fresh
check "fresh session: SHOW goalmetrics.partly_above is 90" eq "$(q gm_fresh 'SHOW goalmetrics.partly_above')" 90
check "fresh session: pg_settings lists the four settings" \
	eq "$(q gm_fresh "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings WHERE name LIKE 'goalmetrics.%'")" \
	"goalmetrics.fulfilled_at=100 goalmetrics.partly_above=90 goalmetrics.rollup_method=mean goalmetrics.trend_tolerance=2"
psql -X -q -v ON_ERROR_STOP=1 -d gm_fresh -c 'ALTER SYSTEM SET goalmetrics.partly_above = 85' \
	-c 'SELECT pg_reload_conf()' >/dev/null 2>"$log/alter_system.err"
arc=$?
check "fresh session: ALTER SYSTEM SET goalmetrics.partly_above = 85, then reload" [ "$arc" -eq 0 ]
sleep 1
check "... a new session shows 85" eq "$(q gm_fresh 'SHOW goalmetrics.partly_above')" 85
check "... and pg_settings says it came from the configuration file" \
	eq "$(q gm_fresh "SELECT setting || ' ' || source FROM pg_settings WHERE name = 'goalmetrics.partly_above'")" "85 configuration file"
check "fresh session: a misspelt goalmetrics setting is refused (reserved prefix, 42602)" \
	eq "$(psql -X -q -d gm_fresh -v VERBOSITY=verbose -c 'SET goalmetrics.partly_abov = 1' 2>&1 | grep -c '^ERROR:  42602')" 1
# Where the library is not preloaded (here: this session turns it off),
# CREATE EXTENSION says so with a hint, SHOW does not know the setting (an
# error, never a wrong value), and current_rules() answers with the value in
# force: it loads the library.
export PGOPTIONS='-c session_preload_libraries='
createdb gm_nopreload
err=$(psql -X -q -v ON_ERROR_STOP=1 -d gm_nopreload -c 'CREATE EXTENSION goalmetrics' 2>&1)
check "not preloaded: CREATE EXTENSION warns, with a hint to preload" \
	eq "$(echo "$err" | grep -c -e '^WARNING:  goalmetrics is not preloaded' -e '^HINT:  Add goalmetrics to shared_preload_libraries')" 2
check "not preloaded: SHOW goalmetrics.fulfilled_at in a new session is an error" \
	eq "$(psql -X -q -d gm_nopreload -c 'SHOW goalmetrics.fulfilled_at' 2>&1 | grep -c 'unrecognized configuration parameter')" 1
check "not preloaded: SHOW goalmetrics.partly_above shows the configuration file's 85 as placeholder text" \
	eq "$(q gm_nopreload 'SHOW goalmetrics.partly_above')" 85
check "not preloaded: current_rules() in a new session shows the 85 in force" \
	eq "$(q gm_nopreload 'SELECT partly_above FROM goalmetrics.current_rules()')" 85
unset PGOPTIONS
check "preloaded: CREATE EXTENSION gives no warning" \
	eq "$(psql -X -q -v ON_ERROR_STOP=1 -d gm_fresh -c 'CREATE EXTENSION goalmetrics' 2>&1 | grep -c -e '^WARNING' -e '^ERROR')" 0
psql -X -q -d gm_fresh -c 'ALTER SYSTEM RESET goalmetrics.partly_above' -c 'SELECT pg_reload_conf()' >/dev/null
dropdb gm_fresh
dropdb gm_nopreload

echo "cluster checks: $passed passed, $failed failed"
echo "$passed $failed" >"$log/cluster.count"
