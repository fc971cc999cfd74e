-- Scale-out over postgres_fdw: settings made equal through the foreign
-- servers' libpq options ('-c goalmetrics.partly_above=50'), which apply to
-- every shard session the coordinator opens.  This file must open its
-- shard connections only after the ALTER SERVER (a connection already open
-- keeps its settings until the transaction ends).
BEGIN;
SELECT plan(3);

SET LOCAL enable_partitionwise_aggregate = on;
SET LOCAL goalmetrics.partly_above = 50;
ALTER SERVER shard1 OPTIONS (ADD options '-c goalmetrics.partly_above=50');
ALTER SERVER shard2 OPTIONS (ADD options '-c goalmetrics.partly_above=50');

\set goal_rollup 'SELECT committee, goal_id, year, (r).* FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r FROM %1$s GROUP BY committee, goal_id, year) g'

SELECT is((SELECT count(*)::int FROM shard_test.remote(:'goal_rollup') l
		WHERE l ~ 'goalmetrics\.rollup\(outcome, target\)'),
	2, 'the roll-up is sent to both shards');
SELECT is(shard_test.compare(:'goal_rollup'), 'same 2000 rows',
	'with partly_above 50 on the coordinator and the shards, sharded and one-server goal roll-ups are equal');
SELECT is(shard_test.compare('SELECT committee, year, (goalmetrics.rollup(r)).* FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target) AS r FROM %1$s GROUP BY committee, goal_id, year) g GROUP BY committee, year'),
	'same 40 rows',
	'and so are the committee roll-ups');

SELECT * FROM finish();
ROLLBACK;
