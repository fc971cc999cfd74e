#!/usr/bin/env bash
# Benchmark: the goal roll-up over outcomes sharded with postgres_fdw, on one
# shard and on two, against the same rows on one server.
#
#   bash bench/shard.sh            (after make install)
#
# Three throwaway clusters on 127.0.0.1 (test/shard/lib.sh: removed on exit,
# failure and interrupt): a coordinator and two shards.  Each node makes its
# own rows with the deterministic generator test/shard/sql/generate.sql, so
# the shards' parts and the coordinator's local copy are the same rows:
#   two shards: partition 1 (committees 1, 3, 5, 7) on shard1, partition 2
#               (committees 2, 4, 6, 8) on shard2 (shard_test.outcome)
#   one shard:  both partitions on shard1 (bench.outcome_one)
#   local:      all rows in one table on the coordinator
# In each of ROUNDS rounds over all configurations, every query runs RUNS
# times after one warm-up run in one session; the median, min and max of all
# ROUNDS x RUNS times go to bench/results/<date>-shard.md.
#
# Environment: COMMITTEES (8), GOALS per committee (250), METRICS per goal
# (50), YEARS (10, ending 2016): 8 x 250 x 50 x 10 = 1 000 000 rows; RUNS (3),
# ROUNDS (3); OUT (the results file).
set -uo pipefail
cd "$(dirname "$0")/.."
. test/shard/lib.sh

COMMITTEES=${COMMITTEES:-8}
GOALS=${GOALS:-250}
METRICS=${METRICS:-50}
YEARS=${YEARS:-10}
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-3}
OUT=${OUT:-bench/results/$(date +%F)-shard.md}
first_year=$((2016 - YEARS + 1))
rows=$((COMMITTEES * GOALS * METRICS * YEARS))
gen="shard_test.outcomes($COMMITTEES, $GOALS, $METRICS, $first_year, 2016)"
odd="committee IN (SELECT shard_test.committee_name(c) FROM generate_series(1, 8, 2) c)"
even="committee IN (SELECT shard_test.committee_name(c) FROM generate_series(2, 8, 2) c)"

die() {
	echo "bench/shard: $*" >&2
	exit 1
}

sharedir=$("$SHARD_BINDIR/pg_config" --sharedir)
[ -f "$sharedir/extension/goalmetrics.control" ] ||
	die "goalmetrics is not installed: run make install first"

shard_begin || die "no temp dir"
# as many parallel workers as cores for the one-server baseline
for node in coord shard1 shard2; do
	shard_start "$node" max_parallel_workers_per_gather=2 max_worker_processes=8 \
		work_mem=64MB || die "cluster $node did not start"
done

echo "bench/shard: loading $rows rows (each node makes its own)"
t0=$(date +%s)
for node in shard1 shard2; do
	shard_psql "$node" -c 'CREATE DATABASE goalmetrics_shard' &&
		shard_psql "$node" -d goalmetrics_shard -f test/shard/sql/shard.sql &&
		shard_psql "$node" -d goalmetrics_shard -f test/shard/sql/generate.sql ||
		die "set-up of $node failed"
done
shard_psql coord -c 'CREATE DATABASE goalmetrics_coord' &&
	shard_psql coord -d goalmetrics_coord \
		-v shard1_port="$(shard_port shard1)" -v shard2_port="$(shard_port shard2)" \
		-v shard_db=goalmetrics_shard -f test/shard/sql/coordinator.sql &&
	shard_psql coord -d goalmetrics_coord -f test/shard/sql/generate.sql &&
	shard_psql coord -d goalmetrics_coord -f bench/shard.sql ||
	die "set-up of the coordinator failed"

# The four loads run side by side (two cores).
shard_psql shard1 -d goalmetrics_shard \
	-c "INSERT INTO shard_test.outcome SELECT * FROM $gen WHERE $odd" \
	-c "CREATE TABLE shard_test.outcome_p2 (LIKE shard_test.outcome)" \
	-c "INSERT INTO shard_test.outcome_p2 SELECT * FROM $gen WHERE $even" \
	-c "VACUUM ANALYZE shard_test.outcome" -c "VACUUM ANALYZE shard_test.outcome_p2" &
p1=$!
shard_psql shard2 -d goalmetrics_shard \
	-c "INSERT INTO shard_test.outcome SELECT * FROM $gen WHERE $even" \
	-c "VACUUM ANALYZE shard_test.outcome" &
p2=$!
shard_psql coord -d goalmetrics_coord \
	-c "INSERT INTO shard_test.outcome_local SELECT * FROM $gen" \
	-c "VACUUM ANALYZE shard_test.outcome_local" &
p3=$!
wait $p1 && wait $p2 && wait $p3 || die "loading failed"
shard_psql coord -d goalmetrics_coord -c 'ANALYZE shard_test.outcome' \
	-c 'ANALYZE bench.outcome_one' || die "ANALYZE failed"
echo "bench/shard: loaded in $(($(date +%s) - t0)) s"

# The queries; %1$s is the table.
declare -A query
query[goal]='SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) FROM %1$s GROUP BY committee, goal_id, year'
query[committee]='SELECT committee, year, goalmetrics.rollup(r) FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r FROM %1$s GROUP BY committee, goal_id, year) g GROUP BY committee, year'
query[partly]='SELECT committee, count(*) FROM %1$s WHERE goalmetrics.status(outcome, target, 90, 100) = '"'"'partly'"'"' GROUP BY committee'
queries="goal committee partly"

# The configurations: a name, the table, the session settings.
configs=(
	"local-serial|shard_test.outcome_local|-c max_parallel_workers_per_gather=0"
	"local-parallel|shard_test.outcome_local|-c max_parallel_workers_per_gather=2"
	"one-shard|bench.outcome_one|-c enable_partitionwise_aggregate=on"
	"two-shards|shard_test.outcome|-c enable_partitionwise_aggregate=on"
	"half-on-one-shard|shard_test.outcome_shard1|-c enable_partitionwise_aggregate=on"
	"two-shards-no-pushdown|shard_test.outcome|-c enable_partitionwise_aggregate=off"
)

# run_query CONFIG QUERY: prints the RUNS timings in ms, one a line.
run_query() {
	local table=$2 settings=$3 q=$4 sql
	sql=$(printf "${query[$q]//%1\$s/%s}" "$table")
	{
		echo '\timing on'
		echo '\o /dev/null'
		for _ in $(seq 0 "$RUNS"); do echo "$sql;"; done
	} | SHARD_PGOPTIONS="$settings" shard_psql coord -d goalmetrics_coord |
		sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n +2
}

# plan_of TABLE SETTINGS QUERY: the plan's node lines, compacted.
plan_of() {
	local sql
	sql=$(printf "${query[$3]//%1\$s/%s}" "$1")
	SHARD_PGOPTIONS="$2" shard_psql coord -d goalmetrics_coord -At \
		-c "EXPLAIN (COSTS OFF) $sql" |
		grep -E '^\s*(->\s+)?[A-Z]' | grep -vE '^\s*(Group|Sort|Hash|Filter|Relations|Workers)( Key)?:' |
		sed -E 's/^\s*(->\s+)?//; s/ on [a-z_.0-9 ]+//' | paste -sd '>' | sed 's/>/ > /g'
}

stats() { # stdin: numbers; prints "median min max"
	sort -n | awk '{ a[NR] = $1 } END {
		m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
		printf "%.1f %.1f %.1f\n", m, a[1], a[NR] }'
}

# ROUNDS rounds over all configurations, so that other work on the machine
# (which only ever adds time) falls on all of them alike.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A all median low high plan
for round in $(seq 1 "$ROUNDS"); do
	for c in "${configs[@]}"; do
		IFS='|' read -r name table settings <<<"$c"
		for q in $queries; do
			echo "bench/shard: round $round: $name $q"
			times=$(run_query "$name" "$table" "$settings" "$q")
			[ "$(echo "$times" | grep -c .)" -eq "$RUNS" ] || die "$name $q: no timings"
			all[$name.$q]+="$times"$'\n'
		done
	done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
for c in "${configs[@]}"; do
	IFS='|' read -r name table settings <<<"$c"
	for q in $queries; do
		read -r median[$name.$q] low[$name.$q] high[$name.$q] \
			<<<"$(printf '%s' "${all[$name.$q]}" | grep . | stats)"
		plan[$name.$q]=$(plan_of "$table" "$settings" "$q")
	done
done

# The answers agree: the goal roll-up on each layout against the local one.
diffs() {
	local a b
	a=$(printf "${query[goal]//%1\$s/%s}" "$1")
	b=$(printf "${query[goal]//%1\$s/%s}" shard_test.outcome_local)
	SHARD_PGOPTIONS='-c enable_partitionwise_aggregate=on' shard_psql coord -d goalmetrics_coord -At \
		-c "SELECT (SELECT count(*) FROM (($a) EXCEPT ALL ($b)) x) + (SELECT count(*) FROM (($b) EXCEPT ALL ($a)) x)"
}
diff_one=$(diffs bench.outcome_one)
diff_two=$(diffs shard_test.outcome)

pgver=$(shard_psql coord -At -c 'SHOW server_version')
gmver=$(shard_psql coord -d goalmetrics_coord -At -c 'SELECT goalmetrics.goalmetrics_version()')
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

mkdir -p "$(dirname "$OUT")"
{
	echo "# Sharded roll-up: one shard against two ($(date +%F))"
	echo
	echo "\`bash bench/shard.sh\` (ROUNDS=$ROUNDS, RUNS=$RUNS): $rows outcome rows"
	echo "($COMMITTEES committees x $GOALS goals x $METRICS metrics x $YEARS years),"
	echo "goalmetrics $gmver, PostgreSQL $pgver, $(nproc) cores (${cpu:-unknown CPU}), all three"
	echo "clusters on this one machine.  Times are the median (min-max) of"
	echo "$((ROUNDS * RUNS)) runs ($ROUNDS rounds over all configurations, $RUNS runs each after a"
	echo "warm-up run), in ms, measured by psql on the coordinator."
	echo "Load average (1, 5, 15 min) before the timed runs: $load_before; after: $load_after"
	echo "(the benchmark itself keeps at most two processes busy: anything well above"
	echo "that means other work shared the cores)."
	echo
	echo "Queries (\`T\` is the table):"
	echo
	for q in $queries; do
		echo "- $q: \`${query[$q]//%1\$s/T}\`"
	done
	echo
	echo "| configuration | goal | committee | partly |"
	echo "| --- | --- | --- | --- |"
	for c in "${configs[@]}"; do
		IFS='|' read -r name _ _ <<<"$c"
		line="| $name |"
		for q in $queries; do
			line="$line ${median[$name.$q]} (${low[$name.$q]}-${high[$name.$q]}) |"
		done
		echo "$line"
	done
	echo
	echo "Speed-up of two shards (time of the other / time of two-shards; by"
	echo "medians, and in brackets by minimums, which other work on the machine"
	echo "disturbs least):"
	echo
	echo "| query | over one shard | over one server, serial | over one server, 2 workers | bound (one shard / half-on-one-shard) |"
	echo "| --- | --- | --- | --- | --- |"
	for q in $queries; do
		echo "| $q | $(ratio "${median[one-shard.$q]}" "${median[two-shards.$q]}") ($(ratio "${low[one-shard.$q]}" "${low[two-shards.$q]}"))" \
			"| $(ratio "${median[local-serial.$q]}" "${median[two-shards.$q]}") ($(ratio "${low[local-serial.$q]}" "${low[two-shards.$q]}"))" \
			"| $(ratio "${median[local-parallel.$q]}" "${median[two-shards.$q]}") ($(ratio "${low[local-parallel.$q]}" "${low[two-shards.$q]}"))" \
			"| $(ratio "${median[one-shard.$q]}" "${median[half-on-one-shard.$q]}") ($(ratio "${low[one-shard.$q]}" "${low[half-on-one-shard.$q]}")) |"
	done
	echo
	echo "The goal roll-up's answer on one shard and on two equals the one-server"
	echo "answer: $diff_one and $diff_two rows differ (EXCEPT ALL both ways)."
	echo
	echo "Plans (EXPLAIN, node lines):"
	echo
	for c in "${configs[@]}"; do
		IFS='|' read -r name _ _ <<<"$c"
		for q in $queries; do
			echo "- $name, $q: \`${plan[$name.$q]}\`"
		done
	done
	echo
	echo "Configurations: local-serial and local-parallel run on the coordinator's"
	echo "own table (max_parallel_workers_per_gather 0 and 2); one-shard and"
	echo "two-shards run through postgres_fdw with enable_partitionwise_aggregate on,"
	echo "so each partition's aggregate runs on its shard (async_capable foreign"
	echo "servers: the two shards work at the same time); two-shards-no-pushdown"
	echo "turns partitionwise aggregation off, so the shards send every row and the"
	echo "coordinator aggregates.  half-on-one-shard runs the queries on shard1's"
	echo "partition alone (half the rows, one shard busy): the time two shards would"
	echo "take if they ran side by side at no cost, the bound for two-shards."
} >"$OUT"
cat "$OUT"
echo "bench/shard: wrote $OUT"
