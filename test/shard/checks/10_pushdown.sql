-- Scale-out over postgres_fdw: goalmetrics work is shipped to the shards,
-- and the answers equal the same queries on one server.  Runs on the
-- coordinator (test/shard/run.sh); shard_test.* comes from
-- test/shard/sql/coordinator.sql.  Query templates name the table as %1$s:
-- shard_test.outcome (partitioned by committee, partitions on two shards)
-- or shard_test.outcome_local (the same 20 000 rows on the coordinator).
BEGIN;
SELECT plan(36);

SET LOCAL enable_partitionwise_aggregate = on;

-- The set-up the rest relies on.
SELECT is((SELECT extversion FROM shard_test.extension_shard1
		WHERE extname = 'goalmetrics'), goalmetrics.goalmetrics_version(),
	'shard1 has goalmetrics at the coordinator''s version');
SELECT is((SELECT extversion FROM shard_test.extension_shard2
		WHERE extname = 'goalmetrics'), goalmetrics.goalmetrics_version(),
	'shard2 has goalmetrics at the coordinator''s version');
SELECT is((SELECT count(*)::int FROM pg_foreign_server
		WHERE srvname IN ('shard1', 'shard2')
		AND 'extensions=goalmetrics' = ANY (srvoptions)), 2,
	'both foreign servers list goalmetrics in their extensions option');
SELECT is((SELECT string_agg(p.provolatile::text, ',' ORDER BY f.ord)
		FROM unnest(ARRAY[
			'goalmetrics.status(numeric, goalmetrics.metric_target)',
			'goalmetrics.status(numeric, goalmetrics.metric_target, numeric, numeric)',
			'goalmetrics.fulfilment(numeric, goalmetrics.metric_target, boolean)',
			'goalmetrics.meets(numeric, goalmetrics.metric_target)']::regprocedure[])
			WITH ORDINALITY f(fn, ord)
		JOIN pg_proc p ON p.oid = f.fn), 's,i,i,i',
	'status(outcome, target) reads the settings (STABLE); status with thresholds, fulfilment and meets are IMMUTABLE');

-- The data: the same 20 000 rows, half on each shard.
SELECT is((SELECT count(*)::int FROM shard_test.outcome_local), 20000,
	'20 000 rows in the local copy');
SELECT is((SELECT count(*)::int FROM shard_test.outcome_shard1), 10000,
	'10 000 rows on shard1 (two committees)');
SELECT is((SELECT count(*)::int FROM shard_test.outcome_shard2), 10000,
	'10 000 rows on shard2 (two committees)');
SELECT is(shard_test.compare('SELECT * FROM %1$s'), 'same 20000 rows',
	'the sharded table holds exactly the local rows (EXCEPT ALL both ways)');
SELECT is((SELECT string_agg(DISTINCT (r).status::text, ',' ORDER BY (r).status::text)
		FROM (SELECT goalmetrics.rollup(outcome, target) AS r
			FROM shard_test.outcome_local GROUP BY goal_id, year) g),
	'fulfilled,not_followed_up,not_fulfilled,partly',
	'the data has goal-years in every band, so equal results mean something');

-- 1. The goal roll-up (a goal's status per year), grouped by the partition
-- key and more, is sent to the shards.
\set goal_rollup 'SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r FROM %1$s GROUP BY committee, goal_id, year'
SELECT diag(l) FROM shard_test.plan(format(:'goal_rollup', 'shard_test.outcome')) l;
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'goal_rollup') l
		WHERE l ~ 'Remote SQL: SELECT committee, goal_id, year, goalmetrics\.rollup\(outcome, target\) FROM shard_test\.outcome GROUP BY 1, 2, 3$'),
	2, 'goal roll-up: the Remote SQL to each shard runs goalmetrics.rollup(outcome, target) GROUP BY committee, goal, year');
SELECT is((SELECT count(*)::int FROM shard_test.local_lines(:'goal_rollup') l
		WHERE l ~ '^\s*Relations: Aggregate on \(shard_test\.outcome_shard[12] '),
	2, 'goal roll-up: each shard''s partition is aggregated remotely');
SELECT is((SELECT count(*)::int FROM shard_test.local_lines(:'goal_rollup') l
		WHERE l ~ '^\s*(->\s+)?[A-Za-z]*Aggregate\M'),
	0, 'goal roll-up: no aggregation is left to the coordinator');
SELECT is(shard_test.compare('SELECT committee, goal_id, year, (r).* FROM ('
		|| :'goal_rollup' || ') g'), 'same 2000 rows',
	'goal roll-up: the sharded result equals the one-server result');

-- with weights
\set weighted 'SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target, weight) AS r FROM %1$s GROUP BY committee, goal_id, year'
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'weighted') l
		WHERE l ~ 'goalmetrics\.rollup\(outcome, target, weight\) FROM shard_test\.outcome GROUP BY 1, 2, 3$'),
	2, 'weighted goal roll-up: goalmetrics.rollup(outcome, target, weight) is sent to both shards');
SELECT is(shard_test.compare('SELECT committee, goal_id, year, (r).* FROM ('
		|| :'weighted' || ') g'), 'same 2000 rows',
	'weighted goal roll-up: the sharded result equals the one-server result');

-- goals -> committee: the goal level is shipped, the committee level (one
-- row in per goal and year) runs on the coordinator
\set committee_rollup 'SELECT committee, year, (goalmetrics.rollup(r)).* FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r FROM %1$s GROUP BY committee, goal_id, year) g GROUP BY committee, year'
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'committee_rollup') l
		WHERE l ~ 'goalmetrics\.rollup\(outcome, target\) FROM shard_test\.outcome GROUP BY 1, 2, 3$'),
	2, 'committee roll-up: the goal level is sent to both shards');
SELECT is(shard_test.compare(:'committee_rollup'), 'same 40 rows',
	'committee roll-up: the sharded result equals the one-server result');

-- trend() is an aggregate of the extension too
\set trend 'SELECT committee, metric_id, goalmetrics.trend(year, outcome, target) AS trend FROM %1$s GROUP BY committee, metric_id'
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'trend') l
		WHERE l ~ 'goalmetrics\.trend\(year, outcome, target\) FROM shard_test\.outcome GROUP BY 1, 2$'),
	2, 'trend(year, outcome, target) grouped by committee and metric is sent to both shards');
SELECT is(shard_test.compare(:'trend'), 'same 2000 rows',
	'trend: the sharded result equals the one-server result');

-- Without the partition key in GROUP BY, PostgreSQL 15 aggregates partially
-- on the coordinator over every row (postgres_fdw sends no partial
-- aggregates): the answer is right, the work is not spread.
\set by_goal_only 'SELECT goal_id, year, goalmetrics.rollup(outcome, target) AS r FROM %1$s GROUP BY goal_id, year'
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'by_goal_only') l
		WHERE l ~ 'goalmetrics\.rollup'),
	0, 'grouped without committee, rollup() is not sent to the shards');
SELECT is(shard_test.compare('SELECT goal_id, year, (r).* FROM (' || :'by_goal_only' || ') g'),
	'same 2000 rows',
	'grouped without committee: the result still equals the one-server result');

-- Partitionwise aggregation is what lets the aggregate go: without it the
-- coordinator fetches the rows and aggregates them itself.
SET LOCAL enable_partitionwise_aggregate = off;
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'goal_rollup') l
		WHERE l ~ 'goalmetrics\.rollup'),
	0, 'with enable_partitionwise_aggregate off, rollup() is not sent to the shards');
SELECT isnt((SELECT count(*)::int FROM shard_test.local_lines(:'goal_rollup') l
		WHERE l ~ '^\s*(->\s+)?[A-Za-z]*Aggregate\M'),
	0, 'with enable_partitionwise_aggregate off, the coordinator aggregates');
SET LOCAL enable_partitionwise_aggregate = on;

-- 2. IMMUTABLE filters are sent to the shards: status() with explicit
-- thresholds and fulfilment().
\set partly_explicit 'SELECT committee, goal_id, count(*) AS partly FROM %1$s WHERE goalmetrics.status(outcome, target, 90, 100) = ''partly'' GROUP BY committee, goal_id'
SELECT diag(l) FROM shard_test.plan(format(:'partly_explicit', 'shard_test.outcome')) l;
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'partly_explicit') l
		WHERE l ~ 'WHERE \(\(goalmetrics\.status\(outcome, target, 90(::numeric)?, 100(::numeric)?\) = ''partly''::goalmetrics\.status_band\)\) GROUP BY 1, 2$'),
	2, 'status(outcome, target, 90, 100) = ''partly'' is evaluated on both shards (with the count)');
SELECT matches(shard_test.compare(:'partly_explicit'), '^same [1-9][0-9]* rows$',
	'status filter with thresholds: the sharded result equals the one-server result');

\set low 'SELECT committee, metric_id, year, outcome FROM %1$s WHERE goalmetrics.fulfilment(outcome, target) <= 90'
SELECT diag(l) FROM shard_test.plan(format(:'low', 'shard_test.outcome')) l;
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'low') l
		WHERE l ~ 'WHERE \(\(goalmetrics\.fulfilment\(outcome, target, true\) <= 90(::numeric)?\)\)$'),
	2, 'fulfilment(outcome, target) <= 90 is evaluated on both shards');
SELECT matches(shard_test.compare(:'low'), '^same [1-9][0-9]* rows$',
	'fulfilment filter: the sharded result equals the one-server result');

\set unmet 'SELECT committee, metric_id, year FROM %1$s WHERE NOT goalmetrics.meets(outcome, target)'
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'unmet') l
		WHERE l ~ 'WHERE \(\(NOT goalmetrics\.meets\(outcome, target\)\)\)$'),
	2, 'NOT meets(outcome, target) is evaluated on both shards');
SELECT matches(shard_test.compare(:'unmet'), '^same [1-9][0-9]* rows$',
	'meets filter: the sharded result equals the one-server result');

\set filtered_rollup 'SELECT committee, goal_id, goalmetrics.rollup(outcome, target) AS r FROM %1$s WHERE year = 2016 AND goalmetrics.fulfilment(outcome, target) > 50 GROUP BY committee, goal_id'
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'filtered_rollup') l
		WHERE l ~ 'goalmetrics\.rollup\(outcome, target\) FROM shard_test\.outcome WHERE .*goalmetrics\.fulfilment\(outcome, target, true\) > 50'),
	2, 'a roll-up with a fulfilment() filter is sent whole to both shards');
SELECT matches(shard_test.compare('SELECT committee, goal_id, (r).* FROM ('
		|| :'filtered_rollup' || ') g'), '^same [1-9][0-9]* rows$',
	'filtered roll-up: the sharded result equals the one-server result');

-- 3. The settings-reading status(outcome, target) is STABLE: postgres_fdw
-- does not ship it.  The shards send every row and the coordinator filters
-- (with its own settings); a roll-up over such a filter is not shipped
-- either.  The answer is still right, only the work is not spread.
\set partly_settings 'SELECT committee, metric_id, year, outcome FROM %1$s WHERE goalmetrics.status(outcome, target) = ''partly'''
SELECT diag(l) FROM shard_test.plan(format(:'partly_settings', 'shard_test.outcome')) l;
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'partly_settings') l
		WHERE l !~ 'goalmetrics\.status\('),
	2, 'status(outcome, target) is not in the Remote SQL to either shard');
SELECT is((SELECT count(*)::int FROM shard_test.local_lines(:'partly_settings') l
		WHERE l ~ '^\s*Filter: \(goalmetrics\.status\(outcome_[0-9]+\.outcome, outcome_[0-9]+\.target\) = ''partly''::goalmetrics\.status_band\)$'),
	2, 'status(outcome, target) filters on the coordinator, above each shard''s scan');
SELECT matches(shard_test.compare(:'partly_settings'), '^same [1-9][0-9]* rows$',
	'settings-reading status filter: the sharded result equals the one-server result');

\set rollup_settings 'SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r FROM %1$s WHERE goalmetrics.status(outcome, target) <> ''not_followed_up'' GROUP BY committee, goal_id, year'
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'rollup_settings') l
		WHERE l ~ 'goalmetrics\.(rollup|status)'),
	0, 'a roll-up over a status(outcome, target) filter is not sent to the shards');
SELECT is(shard_test.compare('SELECT committee, goal_id, year, (r).* FROM ('
		|| :'rollup_settings' || ') g'), 'same 1920 rows',
	'roll-up over a settings-reading filter: the sharded result equals the one-server result');

SELECT * FROM finish();
ROLLBACK;
