#!/usr/bin/env bash
# Runs inside pg_virtualenv (PGHOST, PGPORT, PGUSER, PGPASSWORD are set):
# the pg_regress suite, then the pgTAP suite.  Writes "passed failed" counts
# to $1/regress.count and $1/pgtap.count.
set -uo pipefail
log=$1
cd "$(dirname "$0")/.."

# pg_regress (installcheck); results/ and regression.diffs stay for reading
make -s installcheck PG_CONFIG="$PG_CONFIG" 2>&1 | tee "$log/regress.out"
ok=$(grep -cE '\.\.\. ok|^ok ' "$log/regress.out")
bad=$(grep -cE '\.\.\. FAILED|^not ok ' "$log/regress.out")
echo "$ok $bad" >"$log/regress.count"
[ -f regression.diffs ] && [ "$bad" -gt 0 ] && head -n 200 regression.diffs

# pgTAP: a fresh database with pgtap; each file plans, runs in a
# transaction and rolls back.
createdb goalmetrics_tap
psql -q -X -v ON_ERROR_STOP=1 -d goalmetrics_tap \
	-c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION goalmetrics' >/dev/null
pg_prove -v -d goalmetrics_tap test/pgtap/*.sql >"$log/pgtap.out" 2>&1
status=$?
grep -vE '^ok ' "$log/pgtap.out" | grep -vE '^\s*$' | tail -n 60
ok=$(grep -cE '^ok ' "$log/pgtap.out")
bad=$(grep -cE '^not ok ' "$log/pgtap.out")
# a file that died before its plan was done fails without "not ok" lines
if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
echo "pgTAP: $ok passed, $bad failed"
echo "$ok $bad" >"$log/pgtap.count"

# Checks that need a shell or several sessions (dump/restore, update path,
# concurrency, pg_cron): writes $log/cluster.count
bash test/cluster.sh "$log" 2>&1 | tee "$log/cluster.out" | grep -vE '^ok '

# The report in headless Chromium and LibreOffice Calc: writes $log/report.count
bash test/report/run.sh "$log" 2>&1 | tee "$log/report.out" | grep -vE '^ok '
