-- Scale-out test: set-up of one shard (run in its database).  The shard
-- holds plain tables; the coordinator sees them as foreign tables.  The
-- extension must be installed here too, at the same version: the
-- coordinator ships goalmetrics functions and aggregates in the remote SQL,
-- and they run here.
CREATE EXTENSION goalmetrics;

-- (generate.sql is loaded next, for the benchmark's local generation)
CREATE SCHEMA shard_test;
CREATE TABLE shard_test.outcome (
	committee text NOT NULL,
	goal_id   int NOT NULL,
	metric_id int NOT NULL,
	year      int NOT NULL,
	outcome   numeric,
	target    goalmetrics.metric_target NOT NULL,
	weight    numeric NOT NULL DEFAULT 1
);
