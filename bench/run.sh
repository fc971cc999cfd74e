#!/usr/bin/env bash
# make bench: goalmetrics against the scan floor and against what users would
# write without it.  Builds and installs the extension, creates a throwaway
# cluster with fixed settings, generates data at each size, checks that every
# alternative agrees with goalmetrics, times every query in shuffled order
# and writes a markdown report.  See bench/README.md.
#
# Parameters (environment, or make variables: make bench BENCH_ROWS=100000):
#   BENCH_ROWS            outcome rows per size, space or comma separated
#                         (default "1000000 10000000")
#   BENCH_REPS            timed repetitions of each query (default 5; >= 5
#                         for a report worth committing)
#   BENCH_SEED            seed for data and run order (default 0.42)
#   BENCH_SHARED_BUFFERS  (default 4GB: holds the 10M-row table)
#   BENCH_OUT             report path (default bench/results/<date>-<host>.md
#                         for the default sizes, bench/work/... otherwise)
#   BENCH_QUIET_CORES     before each measurement, wait until other processes
#                         use at most this many cores (default 0.1), and
#                         redo it (up to 3 times) if they did right after
#   BENCH_QUIET_WAIT      ... but wait at most this many seconds per
#                         measurement (default 300)
#   BENCH_QUIET_BUDGET    ... and this many seconds in all (default 3600)
#   BENCH_KEEP=1          leave the cluster running afterwards (for perf)
#   BENCH_SECTIONS        "outcomes", "dashboard" or both (default): see
#                         bench/dashboard.sh for the dashboard's variables
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

BENCH_ROWS=${BENCH_ROWS:-1000000 10000000}
BENCH_REPS=${BENCH_REPS:-5}
BENCH_SEED=${BENCH_SEED:-0.42}
BENCH_SHARED_BUFFERS=${BENCH_SHARED_BUFFERS:-4GB}
BENCH_KEEP=${BENCH_KEEP:-0}
BENCH_QUIET_CORES=${BENCH_QUIET_CORES:-0.1}
BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-300}
BENCH_QUIET_BUDGET=${BENCH_QUIET_BUDGET:-3600}
read -r -a sizes <<<"$(echo "$BENCH_ROWS" | tr ',' ' ')"
[ ${#sizes[@]} -ge 1 ] || { echo "bench: BENCH_ROWS is empty" >&2; exit 1; }
for n in "${sizes[@]}"; do
	[[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 1000 ] ||
		{ echo "bench: BENCH_ROWS: '$n' is not a row count >= 1000" >&2; exit 1; }
done
mapfile -t sizes < <(printf '%s\n' "${sizes[@]}" | sort -n | uniq)
[ "$BENCH_REPS" -ge 5 ] 2>/dev/null ||
	echo "bench: BENCH_REPS=$BENCH_REPS: fewer than 5 repetitions, medians are rough" >&2

host=$(hostname -s)
today=$(date +%F)
if [ -z "${BENCH_OUT:-}" ]; then
	if [ "${sizes[*]}" = "1000000 10000000" ]; then
		BENCH_OUT=bench/results/$today-$host.md
	else
		BENCH_OUT=bench/work/$today-$host-$(echo "${sizes[*]}" | tr ' ' '-').md
	fi
fi
mkdir -p "$(dirname "$BENCH_OUT")"

t_start=$(date +%s)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== goalmetrics bench: rows ${sizes[*]}, $BENCH_REPS reps, seed $BENCH_SEED; load $load_at_start"

# ------------------------------------------------ build and install
. test/lib.sh
ensure_test_packages
echo "== build and install"
build_and_install
so=$($PG_CONFIG --pkglibdir)/goalmetrics.so
so_md5_start=$(md5sum "$so" | cut -c1-12)

# ------------------------------------------------ the throwaway cluster
run_pg() { # run a server binary as the cluster's owner
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
work=$(mktemp -d /tmp/goalmetrics-bench.XXXXXX)
chmod 755 "$work"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work"
pgdata=$work/data
port=
for p in $(seq 55432 55531); do
	if ! ss -Hltn "sport = :$p" 2>/dev/null | grep -q . && [ ! -e "/tmp/.s.PGSQL.$p" ]; then
		port=$p
		break
	fi
done
[ -n "$port" ] || { echo "bench: no free port in 55432-55531" >&2; exit 1; }

cleanup() {
	local rc=$?
	if [ "$BENCH_KEEP" = 1 ] && [ -f "$pgdata/postmaster.pid" ]; then
		echo "== cluster kept: psql -h $work -p $port -U postgres bench"
		echo "   stop with: runuser -u postgres -- $PG_BINDIR/pg_ctl -D $pgdata stop && rm -rf $work"
	else
		[ -f "$pgdata/postmaster.pid" ] && run_pg "$PG_BINDIR/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1
		rm -rf "$work"
	fi
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== initdb in $work, port $port"
run_pg "$PG_BINDIR/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 ||
	{ cat "$work/initdb.log" >&2; exit 1; }
# The settings, all printed in the report.  jit = off: JIT compilation is
# decided by the plan's cost estimate, so the alternatives (whose estimates
# differ) would pay it differently, and it adds a per-query compile time
# (tens to hundreds of ms) that says nothing about the functions measured;
# goalmetrics' C functions are opaque calls to it in any case.
# wal_level = minimal, fsync/full_page_writes off: loading and COPY write no
# WAL that would drown the parse cost (nothing here needs to survive a crash).
cat >>"$pgdata/postgresql.conf" <<EOF
# ---- goalmetrics bench ----
port = $port
listen_addresses = ''
unix_socket_directories = '$work'
shared_buffers = $BENCH_SHARED_BUFFERS
work_mem = 64MB
maintenance_work_mem = 1GB
max_worker_processes = 8
max_parallel_workers = 8
max_parallel_workers_per_gather = 2
parallel_leader_participation = on
jit = off
wal_level = minimal
max_wal_senders = 0
fsync = off
synchronous_commit = off
full_page_writes = off
autovacuum = off
max_wal_size = 20GB
checkpoint_timeout = 1h
lc_messages = 'C'
log_min_messages = warning
EOF
run_pg "$PG_BINDIR/pg_ctl" -D "$pgdata" -l "$work/server.log" -w start >/dev/null ||
	{ cat "$work/server.log" >&2; exit 1; }

export PGHOST=$work PGPORT=$port PGUSER=postgres
createdb bench
export PGDATABASE=bench
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
q() { "${PSQL[@]}" -At -c "$1"; }

# ------------------------------------------------ sections
# BENCH_SECTIONS: "outcomes" (everything below), "dashboard" (one
# committee's dashboard at national scale, bench/dashboard.sh), or both
# (the default, the dashboard last).
BENCH_SECTIONS=${BENCH_SECTIONS:-outcomes dashboard}
dash_out=${BENCH_DASH_OUT:-$(dirname "$BENCH_OUT")/$today-$host-dashboard.md}
if [[ " $BENCH_SECTIONS " == *" dashboard "* && " $BENCH_SECTIONS " != *" outcomes "* ]]; then
	bash bench/dashboard.sh "$dash_out"
	exit 0
fi

"${PSQL[@]}" -c 'CREATE EXTENSION goalmetrics' ||
	{ echo "bench: CREATE EXTENSION goalmetrics failed (the metric_target type is required)" >&2; exit 1; }
for f in setup alternatives queries data check memory report; do
	"${PSQL[@]}" -f "bench/sql/$f.sql"
done
q "INSERT INTO bench.env VALUES ('workdir', '$work'), ('seed', '$BENCH_SEED'),
   ('quiet_cores', '$BENCH_QUIET_CORES'), ('quiet_wait_s', '$BENCH_QUIET_WAIT'),
   ('quiet_budget_s', '$BENCH_QUIET_BUDGET')" >/dev/null
missing=$(q "SELECT string_agg(name, ', ' ORDER BY pos) FROM bench.query WHERE NOT bench.available(needs)")
[ -n "$missing" ] && echo "== goalmetrics functions not installed yet, skipping: $missing"

# ------------------------------------------------ data, checks
for n in "${sizes[@]}"; do
	t0=$(date +%s)
	echo "== data: $n rows"
	q "SELECT bench.generate($n, $BENCH_SEED)"
	"${PSQL[@]}" -c "VACUUM (FREEZE, ANALYZE) bench.outcome_$n" -c "VACUUM (FREEZE, ANALYZE) bench.metric_$n"
	q "SELECT bench.profile($n)" >/dev/null
	echo "   $(q "SELECT string_agg(key || ' ' || value, '; ' ORDER BY pos) FROM bench.fact WHERE section = 'data' AND nrows = $n AND key IN ('table size', 'statuses')") ($(($(date +%s) - t0)) s)"
	echo "== checks: $n rows"
	q "SELECT bench.check($n)"
done
"${PSQL[@]}" -c CHECKPOINT

# ------------------------------------------------ timing
# Warm cache: every table read into shared buffers (pg_prewarm), and the
# checks above have already run every query shape once in this cluster.
# Each measurement is its own statement (and transaction) in one session.
for n in "${sizes[@]}"; do
	q "SELECT pg_prewarm('bench.outcome_$n')" >/dev/null
done
nplan=$(q "SELECT bench.make_plan('{$(IFS=,; echo "${sizes[*]}")}', $BENCH_REPS, $BENCH_SEED)")
load_before_timing=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== timing: $nplan measurements in shuffled order; load $load_before_timing"
t_timing=$(date +%s)
"${PSQL[@]}" -At <<'SQL'
SELECT format('SELECT bench.measure(%s)', id) FROM bench.plan ORDER BY rep, ord \gexec
SQL
t_timing=$(($(date +%s) - t_timing))
load_after_timing=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------ memory
echo "== memory"
q "SELECT bench.state_sizes()" >/dev/null
rss_anon() { # RssAnon of a process in kB
	local k v rest
	if [ -r "/proc/$1/status" ]; then
		while read -r k v rest; do
			[ "$k" = "RssAnon:" ] && { echo "$v"; return; }
		done 2>/dev/null <"/proc/$1/status"
	fi
	echo 0
}
for n in "${sizes[@]}"; do
	for name in m8_count_1m m8_avg_1m m8_rollup_gm_1m m8_rollup_plain_1m; do
		res=$(q "SELECT bench.hashagg_memory('$name', $n)")
		[ -n "$res" ] || continue
		echo "   $res"
		# the same query in a fresh backend whose RSS is sampled meanwhile
		sql=$(q "SELECT bench.expand(sql, $n) FROM bench.query WHERE name = '$name'")
		pidf=$work/rss.pid
		rm -f "$pidf"
		printf '\\o %s\nSELECT pg_backend_pid();\n\\o /dev/null\nSELECT pg_sleep(0.5);\nSET max_parallel_workers_per_gather = 0;\nSET work_mem = %s;\nSET enable_sort = off;\nEXPLAIN (ANALYZE, TIMING OFF) %s;\n' \
			"$pidf" "'4GB'" "$sql" | "${PSQL[@]}" -At >/dev/null &
		cpid=$!
		for _ in $(seq 200); do [ -s "$pidf" ] && break; sleep 0.01; done
		bpid=$(cat "$pidf")
		sleep 0.2
		base=$(rss_anon "$bpid")
		peak=$base
		while kill -0 "$cpid" 2>/dev/null; do
			v=$(rss_anon "$bpid")
			[ "$v" -gt "$peak" ] && peak=$v
			sleep 0.01
		done
		wait "$cpid"
		q "INSERT INTO bench.fact (section, nrows, key, value) VALUES ('rss', $n, '$name', '$(awk -v k=$((peak - base)) 'BEGIN { printf "%.1f MB", k / 1024 }')')"
	done
done
so_md5_end=$(md5sum "$so" | cut -c1-12)

# ------------------------------------------------ report
echo "== report: $BENCH_OUT"
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- src sql Makefile goalmetrics.control 2>/dev/null | wc -l)
loads=$(q "SELECT format('min %s, median %s, max %s', min(load1), percentile_cont(0.5) WITHIN GROUP (ORDER BY load1), max(load1)) FROM bench.result")
others=$(q "SELECT format('before: median %s, max %s; after: median %s, max %s; %s of %s measurements waited (%s s in all), %s redone, %s still taken with others above %s cores (after %s tries, %s s, or the run''s %s s budget)',
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY others_before), max(others_before),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY others_after), max(others_after),
                   count(*) FILTER (WHERE waited_s >= 1), count(*), round(sum(waited_s)::numeric),
                   count(*) FILTER (WHERE attempts > 1),
                   count(*) FILTER (WHERE others_before > $BENCH_QUIET_CORES OR others_after > $BENCH_QUIET_CORES),
                   $BENCH_QUIET_CORES, 3, $BENCH_QUIET_WAIT, $BENCH_QUIET_BUDGET)
            FROM bench.result")
{
	echo "# goalmetrics benchmark: $today on $host"
	echo
	echo "Generated by \`bench/run.sh\` (\`make bench\`); every figure below is computed by the"
	echo "script from its own measurements. How to rerun and read it: [bench/README.md](../README.md)."
	echo
	echo "## Machine and run"
	echo
	echo "| | |"
	echo "| --- | --- |"
	echo "| CPU | $cpu, $(nproc) cores ($(lscpu | sed -n 's/^Thread(s) per core: *//p') thread(s) per core) |"
	echo "| RAM | $mem |"
	echo "| OS | $os, kernel $(uname -r) |"
	echo "| PostgreSQL | $(q 'SELECT version()') |"
	echo "| goalmetrics | $(q "SELECT extversion FROM pg_extension WHERE extname = 'goalmetrics'"), commit $commit$([ "$dirty" -gt 0 ] && echo " plus $dirty uncommitted file(s) in src/ sql/"), goalmetrics.so md5 $so_md5_start$([ "$so_md5_start" != "$so_md5_end" ] && echo " (**changed to $so_md5_end during the run**)") |"
	echo "| rows | ${sizes[*]} |"
	echo "| repetitions | $BENCH_REPS per query, size and worker setting, each repetition in its own shuffled order (seed $BENCH_SEED) |"
	echo "| load average (1, 5, 15 min) | $load_at_start at start; $load_before_timing before timing; $load_after_timing after |"
	echo "| 1-min load before each measurement | $loads (the benchmark itself adds up to ~1 with 0 workers, ~3 with 2) |"
	echo "| other processes' CPU (cores) around each measurement | $others |"
	echo "| timing phase | $t_timing s ($nplan measurements) |"
	echo "| command | \`make bench$([ "${sizes[*]}" = "1000000 10000000" ] || echo " BENCH_ROWS=\"${sizes[*]}\"")$([ "$BENCH_REPS" = 5 ] || echo " BENCH_REPS=$BENCH_REPS")\` |"
	echo
	echo "## Method"
	echo
	echo "- A throwaway cluster (\`initdb\` in a temporary directory, removed afterwards) with the settings"
	echo "  below; both tables fit in shared buffers and are read into them with \`pg_prewarm\` before timing."
	echo "- Time = \"Execution Time\" of \`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)\`: the executor's time in"
	echo "  the server, without planning, sending rows to the client or client-side formatting (which"
	echo "  \`\\timing\` would add, unequally: the roll-ups return 20 000 rows, the counts one). \`TIMING OFF\`"
	echo "  avoids per-node clock calls. COPY: \`clock_timestamp()\` around a server-side \`COPY FROM\` file after a"
	echo "  \`TRUNCATE\` in the same transaction (no WAL at \`wal_level = minimal\`)."
	echo "- Every query runs once per repetition at every size and worker setting, in an order shuffled per"
	echo "  repetition; the median is reported (with min – max and every run)."
	echo "- The machine is shared: before each measurement the script waits until other processes use at most"
	echo "  $BENCH_QUIET_CORES cores (sampled from \`/proc/stat\` for 0.2 s while the benchmark sleeps), and redoes the"
	echo "  measurement (up to 3 times) when they do right after it. The figures are in the table above."
	echo "- 0 workers: \`max_parallel_workers_per_gather = 0\`; 2 workers: \`= 2\` (the table has"
	echo "  \`parallel_workers = 2\`, and \`parallel_setup_cost\` and \`parallel_tuple_cost\` are 0 in these runs so that"
	echo "  the planner takes a parallel plan wherever one exists; the leader participates, so 3 processes"
	echo "  share the 2 cores). The workers actually launched are shown next to each figure."
	echo "- \`jit = off\`: JIT compilation is decided by each plan's cost estimate, so the alternatives would"
	echo "  pay a different compile time (tens to hundreds of ms) that measures nothing about the functions."
	echo "- Before timing, every alternative is checked to give exactly goalmetrics' results (see Agreement checks)."
	echo
	echo "## Settings"
	echo
	echo "| setting | value |"
	echo "| --- | --- |"
	q "SELECT format('| %s | %s |', name, setting || coalesce(' ' || unit, '')) FROM pg_settings
	   WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_worker_processes',
	                  'max_parallel_workers', 'max_parallel_workers_per_gather', 'parallel_leader_participation',
	                  'parallel_setup_cost', 'parallel_tuple_cost', 'min_parallel_table_scan_size', 'jit',
	                  'wal_level', 'fsync', 'synchronous_commit', 'full_page_writes', 'autovacuum', 'huge_pages',
	                  'hash_mem_multiplier', 'effective_cache_size', 'random_page_cost', 'server_encoding', 'lc_collate')
	   ORDER BY name"
	echo
	q "SELECT * FROM bench.report()"
} >"$BENCH_OUT"
echo
sed -n '/^## Goals/,/^## Medians/p' "$BENCH_OUT" | sed '$d'
if [[ " $BENCH_SECTIONS " == *" dashboard "* ]]; then
	bash bench/dashboard.sh "$dash_out"
fi
echo "== done in $(($(date +%s) - t_start)) s: $BENCH_OUT"
