-- Scale-out over postgres_fdw with the rules as arguments (issue 16): the
-- shards' sessions get goalmetrics.* settings unlike the coordinator's and
-- unlike each other (the foreign servers' libpq options), and the
-- aggregates with rule arguments still give the one-server answer, while the
-- setting-reading ones follow each server.  The shards and the coordinator
-- preload goalmetrics (test/shard/run.sh): this file's first statements, in
-- a new session before any goalmetrics call, see the settings.
BEGIN;
SELECT plan(11);

SELECT is(current_setting('goalmetrics.partly_above'), '90',
	'a new session on the coordinator (preloaded) knows goalmetrics.partly_above before any goalmetrics call');
SELECT is((SELECT count(*)::int FROM pg_settings WHERE name LIKE 'goalmetrics.%'), 4,
	'... and pg_settings lists the four settings');

SET LOCAL enable_partitionwise_aggregate = on;
ALTER SERVER shard1 OPTIONS (ADD options '-c goalmetrics.partly_above=50 -c goalmetrics.rollup_method=worst -c goalmetrics.trend_tolerance=30');
ALTER SERVER shard2 OPTIONS (ADD options '-c goalmetrics.fulfilled_at=95 -c goalmetrics.rollup_method=share_met -c goalmetrics.trend_tolerance=0');

\set goal_settings 'SELECT committee, goal_id, year, (r).* FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target, weight) AS r FROM %1$s GROUP BY committee, goal_id, year) g'
\set goal_rules 'SELECT committee, goal_id, year, (r).* FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target, weight, 90, 100, ''mean'') AS r FROM %1$s GROUP BY committee, goal_id, year) g'
\set goal_rules_worst 'SELECT committee, goal_id, year, (r).* FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target, weight, 80, 100, ''worst'') AS r FROM %1$s GROUP BY committee, goal_id, year) g'
\set committee_rules 'SELECT committee, year, (goalmetrics.rollup(r, 90, 100, ''share_met'')).* FROM (SELECT committee, goal_id, year, goalmetrics.rollup(outcome, target, NULL, 90, 100, ''mean'') AS r FROM %1$s GROUP BY committee, goal_id, year) g GROUP BY committee, year'
\set trend_rules 'SELECT committee, metric_id, goalmetrics.trend(year, outcome, target, 2) AS t FROM %1$s GROUP BY committee, metric_id'

SELECT is((SELECT count(*)::int FROM shard_test.remote(:'goal_rules') l
		WHERE l ~ 'goalmetrics\.rollup\(outcome, target, weight, 90(::numeric)?, 100(::numeric)?, ''mean''::goalmetrics\.rollup_method\)'),
	2, 'rollup with rule arguments is sent to both shards, rules and all');
SELECT is(shard_test.compare(:'goal_rules'), 'same 2000 rows',
	'rollup(..., 90, 100, mean): the sharded goal roll-ups equal the one-server ones whatever the shards'' settings');
SELECT is(shard_test.compare(:'goal_rules_worst'), 'same 2000 rows',
	'rollup(..., 80, 100, worst): likewise');
SELECT is(shard_test.compare(:'committee_rules'), 'same 40 rows',
	'rollup(rollup_result, 90, 100, share_met) over the goals: likewise');
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'trend_rules') l
		WHERE l ~ 'goalmetrics\.trend\(year, outcome, target, 2(::numeric)?\)'),
	2, 'trend with a tolerance is sent to both shards');
SELECT matches(shard_test.compare(:'trend_rules'), '^same [1-9][0-9]* rows$',
	'trend(..., 2): the sharded trends equal the one-server ones whatever the shards'' trend_tolerance');

-- the setting-reading aggregates follow each server: here they differ
SELECT is((SELECT count(*)::int FROM shard_test.remote(:'goal_settings') l
		WHERE l ~ 'goalmetrics\.rollup\(outcome, target, weight\)'),
	2, 'the setting-reading rollup is sent to both shards too');
SELECT doesnt_match(shard_test.compare(:'goal_settings'), '^same',
	'... and answers with each shard''s settings, unlike the one-server answer');
SELECT doesnt_match(shard_test.compare('SELECT committee, metric_id, goalmetrics.trend(year, outcome, target) AS t FROM %1$s GROUP BY committee, metric_id'),
	'^same',
	'trend without a tolerance follows the shards'' trend_tolerance (30 and 0), unlike trend(..., 2)');

SELECT * FROM finish();
ROLLBACK;
