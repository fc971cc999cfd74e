#!/usr/bin/env bash
# Memory flatness: in one session (one backend), 10 million status() calls
# (ten statements of one million) and one million rollup() groups (at the
# metric level, by hash and by sort, and one million roll-up results
# rolled up one more level).  The backend's private memory (RssAnon from
# /proc, which leaves out shared buffers the backend merely touched) and
# the sum of its memory contexts (pg_backend_memory_contexts) are measured
# after a warm-up and after the work; both must stay flat.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/reliability/lib.sh

# Bounds: what a session may keep after the work (catalog caches of the
# plans, a resized hash table) without counting as a leak.  A leak of one
# byte per call would be 10 MB.
MEM_CONTEXT_SLACK=${MEM_CONTEXT_SLACK:-1048576}	# 1 MB
MEM_RSS_SLACK=${MEM_RSS_SLACK:-2097152}			# 2 MB
# The heap after spilling aggregations drifts by a few MB from pass to
# pass, built-in avg(numeric) in the same shapes as much; the roll-ups may
# drift no more than that plus 4 MB.  A leak of one byte per group would
# add 3 MB a pass, 9 MB from pass 1 to pass 4.
MEM_AGG_SLACK=${MEM_AGG_SLACK:-4194304}			# 4 MB

memory_check() {
	"$REL_BINDIR/createdb" gm_memory || return 1
	rel_psql gm_memory -c 'CREATE EXTENSION goalmetrics' || return 1
	local out
	out=$("$REL_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d gm_memory 2>&1 <<'SQL'
SET work_mem = '4MB';
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE mem (step text, contexts bigint, rss_anon_kb bigint, hwm_kb bigint, seconds numeric);
CREATE FUNCTION pg_temp.proc_kb(field text) RETURNS bigint LANGUAGE sql AS $$
	SELECT (regexp_match(pg_read_file('/proc/self/status'), field || ':\s+(\d+) kB'))[1]::bigint $$;
CREATE FUNCTION pg_temp.sample(step text, t0 timestamptz) RETURNS void LANGUAGE sql AS $$
	INSERT INTO mem SELECT step, (SELECT sum(total_bytes) FROM pg_backend_memory_contexts),
		pg_temp.proc_kb('RssAnon'), pg_temp.proc_kb('VmHWM'),
		round(extract(epoch FROM clock_timestamp() - t0)::numeric, 1) $$;
-- 12 000 distinct targets (six kinds x 2 000 values), so that no per-value
-- cache can hide growth; rows pick one by key
CREATE TEMP TABLE targets AS
	SELECT (row_number() OVER (ORDER BY v, k) - 1)::int AS k, format(k, v)::goalmetrics.metric_target AS t
	FROM unnest(ARRAY['Minst %s %%', 'Högst %s barn', 'Mellan %s och 2 105 %%', 'Öka från 1 %% till %s %%',
					  'Minst index %s', 'Exakt %s,5']) k,
		 generate_series(2, 2001) v;
ANALYZE targets;
-- warm-up: load the library, fill the caches the statements need
SELECT count(goalmetrics.status((x % 200)::numeric, t)) FROM generate_series(1, 100000) x JOIN targets ON targets.k = x % 12000;
SELECT sum((r).metrics) FROM (SELECT x % 1000 AS g, goalmetrics.rollup((x % 200)::numeric, t) AS r
	FROM generate_series(1, 100000) x JOIN targets ON targets.k = x % 12000 GROUP BY 1) s;
SELECT sum((r2).metrics) FROM (SELECT g % 10, goalmetrics.rollup(r) AS r2 FROM (SELECT x % 1000 AS g,
	goalmetrics.rollup((x % 200)::numeric, t) AS r FROM generate_series(1, 100000) x JOIN targets ON targets.k = x % 12000 GROUP BY 1) s GROUP BY 1) s2;
SELECT pg_temp.sample('before', clock_timestamp());
-- control: 10 x 1 000 000 rows of built-in arithmetic in the same shape,
-- to tell the server's own drift from ours
DO $$
DECLARE
	i	int;
	t0	timestamptz;
BEGIN
	FOR i IN 1..10 LOOP
		t0 := clock_timestamp();
		PERFORM count(((x % 2000)::numeric / 10 > 65) AND t IS NOT NULL)
		FROM generate_series(1, 1000000) x JOIN targets ON targets.k = x % 12000;
		IF i = 10 THEN PERFORM pg_temp.sample('control 10 M', t0); END IF;
	END LOOP;
END $$;
-- 10 x 1 000 000 status() calls, outcomes with decimals, six kinds of target
DO $$
DECLARE
	i	int;
	t0	timestamptz;
BEGIN
	FOR i IN 1..10 LOOP
		t0 := clock_timestamp();
		PERFORM count(goalmetrics.status((x % 2000)::numeric / 10, t))
		FROM generate_series(1, 1000000) x JOIN targets ON targets.k = x % 12000;
		PERFORM pg_temp.sample('status ' || i || ' M', t0);
	END LOOP;
END $$;
-- control for the roll-ups: the same shapes with built-in avg(numeric)
DO $$
DECLARE
	pass	int;
	t0		timestamptz;
BEGIN
	FOR pass IN 1..4 LOOP
		t0 := clock_timestamp();
		SET LOCAL enable_hashagg = on;
		PERFORM sum(a) FROM (SELECT x % 1000000 AS g, avg((x % 200)::numeric) AS a
			FROM generate_series(1, 2000000) x JOIN targets ON targets.k = x % 12000 GROUP BY 1) s;
		SET LOCAL enable_hashagg = off;
		PERFORM sum(a) FROM (SELECT x % 1000000 AS g, avg((x % 200)::numeric * (x % 3 + 1)) AS a
			FROM generate_series(1, 2000000) x JOIN targets ON targets.k = x % 12000 GROUP BY 1) s;
		SET LOCAL enable_hashagg = on;
		PERFORM sum(a2) FROM (SELECT g % 1000, avg(a) AS a2 FROM (SELECT x % 1000000 AS g,
			avg((x % 200)::numeric) AS a
			FROM generate_series(1, 2000000) x JOIN targets ON targets.k = x % 12000 GROUP BY 1) s GROUP BY 1) s2;
		PERFORM pg_temp.sample(format('control pass %s (avg)', pass), t0);
	END LOOP;
END $$;
-- 1 000 000 groups of two metrics: hash aggregation (spills to disk), sort
-- aggregation with weights, and 1 000 000 goal results rolled up into
-- 1 000 perspectives; four passes, so that what the allocator keeps (and
-- its wander, which built-in aggregates show as much) is told apart from
-- growth
DO $$
DECLARE
	pass	int;
	t0		timestamptz;
BEGIN
	FOR pass IN 1..4 LOOP
		t0 := clock_timestamp();
		SET LOCAL enable_hashagg = on;
		PERFORM sum((r).metrics) FROM (SELECT x % 1000000 AS g, goalmetrics.rollup((x % 200)::numeric, t) AS r
			FROM generate_series(1, 2000000) x JOIN targets ON targets.k = x % 12000 GROUP BY 1) s;
		SET LOCAL enable_hashagg = off;
		PERFORM sum((r).metrics) FROM (SELECT x % 1000000 AS g,
			goalmetrics.rollup((x % 200)::numeric, t, (x % 3 + 1)::numeric) AS r
			FROM generate_series(1, 2000000) x JOIN targets ON targets.k = x % 12000 GROUP BY 1) s;
		SET LOCAL enable_hashagg = on;
		PERFORM sum((r2).metrics) FROM (SELECT g % 1000, goalmetrics.rollup(r) AS r2 FROM (SELECT x % 1000000 AS g,
			goalmetrics.rollup((x % 200)::numeric, t) AS r
			FROM generate_series(1, 2000000) x JOIN targets ON targets.k = x % 12000 GROUP BY 1) s GROUP BY 1) s2;
		PERFORM pg_temp.sample(format('rollup pass %s (3 M groups)', pass), t0);
	END LOOP;
END $$;
SELECT pg_temp.sample('after', clock_timestamp());
DELETE FROM mem WHERE step = '-';
SELECT format('%-26s %12s %14s %10s %8s', step, contexts, rss_anon_kb || ' kB', hwm_kb || ' kB', seconds) FROM mem;
CREATE FUNCTION pg_temp.m(s text, c text) RETURNS bigint LANGUAGE sql AS $$
	SELECT CASE c WHEN 'ctx' THEN contexts ELSE rss_anon_kb * 1024 END FROM mem WHERE step = s $$;
SELECT format('DELTA %s %s %s %s',
	pg_temp.m('after', 'ctx') - pg_temp.m('before', 'ctx'),
	(pg_temp.m('status 10 M', 'rss') - pg_temp.m('control 10 M', 'rss'))
		- (pg_temp.m('control 10 M', 'rss') - pg_temp.m('before', 'rss')),
	pg_temp.m('rollup pass 4 (3 M groups)', 'rss') - pg_temp.m('rollup pass 1 (3 M groups)', 'rss'),
	pg_temp.m('control pass 4 (avg)', 'rss') - pg_temp.m('control pass 1 (avg)', 'rss'));
SQL
	)
	local status=$?
	echo "memory:                      contexts (B)    RssAnon       VmHWM  seconds"
	grep -v '^DELTA' <<<"$out" | grep -vE '^[0-9]+$|^$' | sed 's/^/memory: /'
	if [ $status -ne 0 ]; then
		rel_fail "memory: the session failed"
		return 1
	fi
	local dctx dstatus drollup dcontrol
	read -r dctx dstatus drollup dcontrol < <(sed -n 's/^DELTA //p' <<<"$out")
	rel_check "memory: memory contexts grew by $dctx bytes over 10 M status() calls and 4 x 3 M-group roll-ups (bound $MEM_CONTEXT_SLACK)" \
		[ "$dctx" -le "$MEM_CONTEXT_SLACK" ]
	rel_check "memory: RssAnon over 10 M status() calls grew $dstatus bytes more than over 10 M built-in calls (bound $MEM_RSS_SLACK)" \
		[ "$dstatus" -le "$MEM_RSS_SLACK" ]
	rel_check "memory: RssAnon from roll-up pass 1 to 4: $drollup bytes; avg(numeric) in the same shapes: $dcontrol bytes (bound: that + $MEM_AGG_SLACK)" \
		[ "$drollup" -le $((dcontrol + MEM_AGG_SLACK)) ]
	"$REL_BINDIR/dropdb" gm_memory
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	ensure_test_packages || exit 1
	rel_build_and_install || exit 1
	rel_init memory || exit 1
	# glibc returns freed memory to the system at once, so that RssAnon
	# follows what is really allocated instead of the allocator's cache
	REL_ENV=${REL_ENV:-GLIBC_TUNABLES=glibc.malloc.trim_threshold=0:glibc.malloc.mmap_threshold=131072}
	rel_start || exit 1
	memory_check
	rel_summary memory
fi
