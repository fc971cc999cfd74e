-- bench/sql/memory.sql: the aggregate states' declared and actual sizes,
-- and the hash table memory of a roll-up of min(rows, 1 000 000) groups
-- (EXPLAIN ANALYZE's HashAggregate "Peak Memory Usage" and batches).  The
-- backend's peak anonymous RSS during the same queries is sampled from
-- /proc by bench/run.sh.
\set ON_ERROR_STOP on

CREATE FUNCTION bench.state_sizes() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	a record;
	sz text;
BEGIN
	FOR a IN
		SELECT s AS sig, p.oid::regprocedure AS agg, g.aggtransfn::regproc AS transfn,
			   g.aggtranstype::regtype AS state_type, t.typlen, g.aggtransspace,
			   g.aggcombinefn <> 0 AS has_combine, g.aggserialfn <> 0 AS has_serial,
			   g.aggmtransfn <> 0 AS has_moving, g.agginitval
		  FROM unnest(ARRAY['goalmetrics.rollup(numeric,goalmetrics.metric_target)',
							'goalmetrics.rollup(goalmetrics.rollup_result)',
							'pg_catalog.avg(numeric)', 'pg_catalog.sum(numeric)',
							'pg_catalog.count()']) WITH ORDINALITY u(s, o)
		  JOIN pg_proc p ON p.oid = to_regprocedure(s)
		  JOIN pg_aggregate g ON g.aggfnoid = p.oid
		  JOIN pg_type t ON t.oid = g.aggtranstype
		 ORDER BY o
	LOOP
		sz := NULL;
		IF a.sig = 'goalmetrics.rollup(numeric,goalmetrics.metric_target)' THEN
			-- the state after one row, where the transition function can be
			-- called outside an aggregate; else the initial state
			BEGIN
				EXECUTE format('SELECT pg_column_size(%s(%s, 65::numeric, %L::goalmetrics.metric_target))',
							   a.transfn,
							   CASE WHEN a.agginitval IS NULL THEN format('NULL::%s', a.state_type)
									ELSE format('%L::%s', a.agginitval, a.state_type) END,
							   'Minst 70 %')
					INTO sz;
				sz := sz || ' (after one row)';
			EXCEPTION WHEN OTHERS THEN
				IF a.agginitval IS NOT NULL THEN
					EXECUTE format('SELECT pg_column_size(%L::%s)', a.agginitval, a.state_type) INTO sz;
					sz := sz || ' (initial state)';
				END IF;
			END;
		END IF;
		INSERT INTO bench.fact (section, key, value) VALUES
			('state', a.agg::text,
			 json_build_object('state type', a.state_type::text,
							   'typlen', CASE WHEN a.typlen < 0 THEN 'variable' ELSE a.typlen::text END,
							   'aggtransspace', a.aggtransspace,
							   'pg_column_size', sz,
							   'combine', a.has_combine, 'serial', a.has_serial,
							   'moving', a.has_moving)::text);
	END LOOP;
END
$$;

CREATE FUNCTION bench.hashagg_memory(qname text, n bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	j jsonb;
	node jsonb;
BEGIN
	IF NOT bench.available((SELECT needs FROM bench.query WHERE name = qname)) THEN
		RETURN NULL;
	END IF;
	PERFORM set_config('max_parallel_workers_per_gather', '0', true);
	PERFORM set_config('work_mem', '4GB', true);
	PERFORM set_config('enable_sort', 'off', true);
	EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) '
		|| bench.expand((SELECT sql FROM bench.query WHERE name = qname), n) INTO j;
	node := jsonb_path_query_first(j,
		'lax $.**?(@."Node Type" == "Aggregate" && @."Strategy" == "Hashed")');
	INSERT INTO bench.fact (section, nrows, key, value)
	VALUES ('memory', n, qname,
			json_build_object('groups', node -> 'Actual Rows',
							  'peak_kb', node -> 'Peak Memory Usage',
							  'batches', node -> 'HashAgg Batches',
							  'disk_kb', node -> 'Disk Usage',
							  'ms', j -> 0 -> 'Execution Time')::text);
	RETURN format('%s at %s rows: %s groups, %s kB, %s batch(es)', qname, n,
				  node -> 'Actual Rows', node -> 'Peak Memory Usage', node -> 'HashAgg Batches');
END
$$;
