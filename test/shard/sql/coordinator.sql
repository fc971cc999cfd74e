-- Scale-out test: set-up of the coordinator (run in its database), with
-- the psql variables shard1_port, shard2_port (the shards listen on
-- 127.0.0.1) and shard_db (the shards' database).  When shard2_port equals
-- shard1_port both partitions live on the one shard (the benchmark's
-- one-shard case).
--
-- shard_test.outcome is partitioned by committee; each partition is a
-- postgres_fdw foreign table on one shard.  The foreign servers name the
-- extension in their `extensions` option: only then does postgres_fdw ship
-- goalmetrics's functions, operators, types and aggregates to the shards.
CREATE EXTENSION goalmetrics;
CREATE EXTENSION postgres_fdw;

CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port :'shard1_port', dbname :'shard_db',
		extensions 'goalmetrics', async_capable 'true',
		fetch_size '10000', batch_size '1000');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port :'shard2_port', dbname :'shard_db',
		extensions 'goalmetrics', async_capable 'true',
		fetch_size '10000', batch_size '1000');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user 'postgres');

CREATE SCHEMA shard_test;

-- The sharded table: committees 1, 3, 5, 7 on shard1, 2, 4, 6, 8 on shard2
-- (names from generate.sql).
CREATE TABLE shard_test.outcome (
	committee text NOT NULL,
	goal_id   int NOT NULL,
	metric_id int NOT NULL,
	year      int NOT NULL,
	outcome   numeric,
	target    goalmetrics.metric_target NOT NULL,
	weight    numeric NOT NULL DEFAULT 1
) PARTITION BY LIST (committee);

CREATE FOREIGN TABLE shard_test.outcome_shard1
	PARTITION OF shard_test.outcome
	FOR VALUES IN ('Arbetsmarknadsnämnden', 'Kulturnämnden',
		'Stadsbyggnadsnämnden', 'Miljönämnden')
	SERVER shard1 OPTIONS (schema_name 'shard_test', table_name 'outcome');
CREATE FOREIGN TABLE shard_test.outcome_shard2
	PARTITION OF shard_test.outcome
	FOR VALUES IN ('Socialnämnden', 'Skol- och fritidsnämnden',
		'Vård- och omsorgsnämnden', 'Fastighetsnämnden')
	SERVER shard2 OPTIONS (schema_name 'shard_test', table_name 'outcome');

-- The same rows on one server, for comparison.
CREATE TABLE shard_test.outcome_local (LIKE shard_test.outcome);

-- The extension as installed on each shard, read through the shard itself.
CREATE FOREIGN TABLE shard_test.extension_shard1 (extname name, extversion text)
	SERVER shard1 OPTIONS (schema_name 'pg_catalog', table_name 'pg_extension');
CREATE FOREIGN TABLE shard_test.extension_shard2 (extname name, extversion text)
	SERVER shard2 OPTIONS (schema_name 'pg_catalog', table_name 'pg_extension');

-- The lines of EXPLAIN (VERBOSE, COSTS OFF) of a query, for the checks.
CREATE FUNCTION shard_test.plan(query text)
RETURNS SETOF text
LANGUAGE plpgsql
AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || query LOOP
		RETURN NEXT line;
	END LOOP;
END
$$;

-- compare(template): run a query on the sharded table and on the local
-- copy (template names the table as %1$s) and compare the results with
-- EXCEPT ALL both ways.  'same N rows' when they are equal, row for row.
CREATE FUNCTION shard_test.compare(template text)
RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
	sharded_q text := format(template, 'shard_test.outcome');
	local_q   text := format(template, 'shard_test.outcome_local');
	n_sharded bigint;
	n_local   bigint;
	only_sharded bigint;
	only_local bigint;
BEGIN
	EXECUTE format('SELECT count(*) FROM (%s) q', sharded_q) INTO n_sharded;
	EXECUTE format('SELECT count(*) FROM (%s) q', local_q) INTO n_local;
	EXECUTE format('SELECT count(*) FROM ((%s) EXCEPT ALL (%s)) q',
		sharded_q, local_q) INTO only_sharded;
	EXECUTE format('SELECT count(*) FROM ((%s) EXCEPT ALL (%s)) q',
		local_q, sharded_q) INTO only_local;
	IF only_sharded = 0 AND only_local = 0 THEN
		RETURN format('same %s rows', n_local);
	END IF;
	RETURN format('differ: %s sharded rows, %s local rows, %s only sharded, %s only local',
		n_sharded, n_local, only_sharded, only_local);
END
$$;

-- remote(template): the Remote SQL lines of the query's plan on the sharded
-- table; local_lines(template): the other lines (work on the coordinator).
CREATE FUNCTION shard_test.remote(template text)
RETURNS SETOF text
LANGUAGE sql
AS $$
	SELECT l FROM shard_test.plan(format(template, 'shard_test.outcome')) l
	WHERE l ~ '^\s*Remote SQL: '
$$;
CREATE FUNCTION shard_test.local_lines(template text)
RETURNS SETOF text
LANGUAGE sql
AS $$
	SELECT l FROM shard_test.plan(format(template, 'shard_test.outcome')) l
	WHERE l !~ '^\s*Remote SQL: '
$$;
