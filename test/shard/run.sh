#!/usr/bin/env bash
# The scale-out test: goalmetrics over postgres_fdw shards.
#
#   bash test/shard/run.sh [LOGDIR]
#
# Starts three throwaway clusters on 127.0.0.1 (a coordinator and two
# shards; test/shard/lib.sh), installs goalmetrics on all three, shards a
# partitioned outcome table by committee over the two (foreign server option
# extensions 'goalmetrics'), loads the same 20 000 rows into a local table on
# the coordinator, and runs the pgTAP checks in test/shard/checks/ on the
# coordinator.  Prints "shard: N passed, M failed" and, given LOGDIR, writes
# "N M" to LOGDIR/shard.count (test/run.sh adds it to the totals).  The
# clusters are stopped and removed on exit, failure and interrupt.
#
# Needs the extension installed (make install; test/run.sh does it), the
# server's postgres_fdw (in Debian's postgresql-15 package), pgTAP and
# pg_prove.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/shard/lib.sh

logdir=${1:-}
here=test/shard

report() {
	echo "shard: $1 passed, $2 failed"
	[ -n "$logdir" ] && echo "$1 $2" >"$logdir/shard.count"
	[ "$2" -eq 0 ]
}

fail_setup() {
	echo "shard: set-up failed: $1" >&2
	if [ -n "$SHARD_DIR" ]; then
		for f in "$SHARD_DIR"/*.log; do
			[ -f "$f" ] || continue
			echo "--- $f" >&2
			tail -n 15 "$f" >&2
		done
	fi
	report 0 1
	exit 1
}

sharedir=$("$SHARD_BINDIR/pg_config" --sharedir 2>/dev/null ||
	echo "/usr/share/postgresql/$SHARD_PG_MAJOR")
for ext in goalmetrics postgres_fdw pgtap; do
	[ -f "$sharedir/extension/$ext.control" ] ||
		fail_setup "extension $ext is not installed in $sharedir"
done
command -v pg_prove >/dev/null 2>&1 || fail_setup "pg_prove is not installed"

shard_begin || fail_setup "no temp dir"
for node in coord shard1 shard2; do
	# goalmetrics preloaded, the supported setup (doc/settings.md, "Install")
	shard_start "$node" shared_preload_libraries=goalmetrics ||
		fail_setup "cluster $node did not start"
done

out=$SHARD_DIR/setup.out
(
	for node in shard1 shard2; do
		shard_psql "$node" -c 'CREATE DATABASE goalmetrics_shard' &&
			shard_psql "$node" -d goalmetrics_shard -f "$here/sql/shard.sql" &&
			shard_psql "$node" -d goalmetrics_shard -f "$here/sql/generate.sql" ||
			exit 1
	done
	shard_psql coord -c 'CREATE DATABASE goalmetrics_coord' &&
		shard_psql coord -d goalmetrics_coord \
			-v shard1_port="$(shard_port shard1)" \
			-v shard2_port="$(shard_port shard2)" \
			-v shard_db=goalmetrics_shard \
			-f "$here/sql/coordinator.sql" &&
		shard_psql coord -d goalmetrics_coord -f "$here/sql/generate.sql" &&
		shard_psql coord -d goalmetrics_coord -f "$here/sql/load.sql" &&
		shard_psql coord -d goalmetrics_coord -c 'CREATE EXTENSION pgtap' || exit 1
	for node in shard1 shard2; do
		shard_psql "$node" -d goalmetrics_shard -c 'ANALYZE shard_test.outcome' || exit 1
	done
) >"$out" 2>&1 || { cat "$out" >&2; fail_setup "loading the clusters"; }

PGHOST=127.0.0.1 PGPORT=$(shard_port coord) PGUSER=postgres \
	pg_prove -v -d goalmetrics_coord "$here"/checks/*.sql >"$SHARD_DIR/prove.out" 2>&1
status=$?
# the EXPLAIN evidence (diag lines) and anything that is not a pass
grep -vE '^ok ' "$SHARD_DIR/prove.out" | grep -vE '^\s*$'
ok=$(grep -cE '^ok ' "$SHARD_DIR/prove.out")
bad=$(grep -cE '^not ok ' "$SHARD_DIR/prove.out")
# a file that died before its plan was done fails without "not ok" lines
if [ "$status" -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
report "$ok" "$bad"
