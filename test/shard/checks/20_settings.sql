-- Scale-out over postgres_fdw: pushed-down work runs with the shards' own
-- goalmetrics.* settings, not the coordinator session's.  The shards run
-- with the defaults (partly_above 90); this session changes its own.
BEGIN;
SELECT plan(5);

SET LOCAL enable_partitionwise_aggregate = on;

\set goal_rollup 'SELECT committee, goal_id, year, (r).* FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r FROM %1$s GROUP BY committee, goal_id, year) g'

-- The goal roll-up under the default settings, on one server.
CREATE TEMP TABLE rollup_default ON COMMIT DROP AS
SELECT * FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r
	FROM shard_test.outcome_local GROUP BY committee, goal_id, year) g;

SET LOCAL goalmetrics.partly_above = 50;

SELECT isnt((SELECT count(*)::int
		FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r
			FROM shard_test.outcome_local GROUP BY committee, goal_id, year) g
		JOIN rollup_default d USING (committee, goal_id, year)
		WHERE (g.r).status IS DISTINCT FROM (d.r).status), 0,
	'partly_above 50 changes goal statuses on one server (so the next tests can tell)');

SELECT is((SELECT count(*)::int FROM shard_test.remote(:'goal_rollup') l
		WHERE l ~ 'goalmetrics\.rollup\(outcome, target\)'),
	2, 'the roll-up is still sent to both shards');

-- The shards judged with their own partly_above 90: the sharded answer is
-- the default one, not this session's.
CREATE TEMP TABLE rollup_sharded ON COMMIT DROP AS
SELECT * FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r
	FROM shard_test.outcome GROUP BY committee, goal_id, year) g;
SELECT is((SELECT count(*)::int FROM (
		(SELECT committee, goal_id, year, (r).* FROM rollup_sharded
		 EXCEPT ALL SELECT committee, goal_id, year, (r).* FROM rollup_default)
		UNION ALL
		(SELECT committee, goal_id, year, (r).* FROM rollup_default
		 EXCEPT ALL SELECT committee, goal_id, year, (r).* FROM rollup_sharded)) x), 0,
	'the pushed-down roll-up used the shards'' settings (partly_above 90), not the session''s 50');
SELECT isnt(shard_test.compare(:'goal_rollup'), 'same 2000 rows',
	'so with unequal settings the sharded and one-server answers differ');

-- The explicit-threshold status() reads no setting: shipped or not, it
-- answers the same everywhere.
SELECT matches(shard_test.compare('SELECT committee, metric_id, year FROM %1$s WHERE goalmetrics.status(outcome, target, 50, 100) = ''partly'''),
	'^same [1-9][0-9]* rows$',
	'status(outcome, target, 50, 100): the sharded result equals the one-server result whatever the settings');

SELECT * FROM finish();
ROLLBACK;
