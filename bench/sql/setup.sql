-- bench/sql/setup.sql: the benchmark's own schema in the throwaway cluster:
-- the query catalogue, the shuffled plan, the raw results and the one
-- function that times a query.  Loaded first by bench/run.sh.
\set ON_ERROR_STOP on

CREATE EXTENSION IF NOT EXISTS pg_prewarm;
CREATE SCHEMA bench;

-- Key/value facts recorded by run.sh (work directory, seed, host ...).
CREATE TABLE bench.env (key text PRIMARY KEY, value text);

-- Text fragments substituted into query templates as {name}: the plain-SQL
-- expressions (alternatives.sql), so that every query that uses one uses
-- exactly the same text.
CREATE TABLE bench.fragment (name text PRIMARY KEY, body text NOT NULL);

-- The query catalogue (queries.sql).  sql is a template: {t} is the outcome
-- table of the size being measured, {file} the COPY source of that size,
-- {<fragment>} a fragment.
CREATE TABLE bench.query (
	name	  text PRIMARY KEY,
	pos		  int NOT NULL,			-- order in the report
	grp		  text NOT NULL,		-- 1 floor, 2 goalmetrics per row, ...
	label	  text NOT NULL,		-- what it is, for the report
	impl	  text NOT NULL,		-- goalmetrics | plain SQL | SQL function | PL/pgSQL | floor
	workers	  int[] NOT NULL,		-- max_parallel_workers_per_gather values to run
	floor_ref text,					-- query it is compared with as its floor
	plain_ref text,					-- plain-SQL equivalent (for goalmetrics queries)
	needs	  text[],				-- regprocedure signatures that must exist
	prep	  text,					-- run in the same transaction before timing (COPY)
	sql		  text NOT NULL
);

-- One row per measurement, in run order (ord shuffled per repetition).
CREATE TABLE bench.plan (
	id		serial PRIMARY KEY,
	rep		int NOT NULL,
	nrows	bigint NOT NULL,
	name	text NOT NULL REFERENCES bench.query,
	workers int NOT NULL,
	ord		float8 NOT NULL
);

CREATE TABLE bench.result (
	plan_id			 int PRIMARY KEY REFERENCES bench.plan,
	rep				 int NOT NULL,
	nrows			 bigint NOT NULL,
	name			 text NOT NULL,
	workers			 int NOT NULL,
	ms				 float8 NOT NULL,
	workers_planned	 int,
	workers_launched int,
	plan			 text,				-- serial | partial | to leader (all rows through Gather)
	load1			 float8,
	others_before	 float8,			-- cores other processes kept busy just before
	others_after	 float8,			-- ... and just after the measurement
	waited_s		 float8,			-- seconds waited for the others to go quiet
	attempts		 int,				-- measurements taken (redone when others were busy after)			-- 1-minute load average before the run
	at				 timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Facts gathered once: data profile, checks, memory figures.
CREATE TABLE bench.fact (
	section text NOT NULL,
	nrows	bigint,
	key		text NOT NULL,
	value	text,
	pos		serial
);

CREATE FUNCTION bench.size_label(n bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE
		WHEN n % 1000000 = 0 THEN (n / 1000000)::text || 'M'
		WHEN n % 1000 = 0 THEN (n / 1000)::text || 'k'
		ELSE n::text END
$$;

CREATE FUNCTION bench.outcome_table(n bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'bench.outcome_' || n $$;

CREATE FUNCTION bench.copy_file(n bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT value || '/targets_' || n || '.txt' FROM bench.env WHERE key = 'workdir'
$$;

-- Is every function a query needs installed?  (The goalmetrics queries are
-- skipped, and reported as not measured, until their functions exist.)
CREATE FUNCTION bench.available(needs text[]) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT coalesce(bool_and(to_regprocedure(s) IS NOT NULL), true)
	FROM unnest(needs) s
$$;

-- A query template made concrete for a size.
CREATE FUNCTION bench.expand(tmpl text, n bigint) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
	f record;
	s text := tmpl;
BEGIN
	-- fragments may use fragments: substitute until nothing changes
	FOR i IN 1..3 LOOP
		FOR f IN SELECT name, body FROM bench.fragment LOOP
			s := replace(s, '{' || f.name || '}', f.body);
		END LOOP;
	END LOOP;
	s := replace(s, '{t}', bench.outcome_table(n));
	s := replace(s, '{file}', quote_literal(bench.copy_file(n)));
	IF s ~ '\{[a-z_]+\}' THEN
		RAISE EXCEPTION 'unexpanded placeholder in: %', s;
	END IF;
	RETURN s;
END
$$;

-- How many cores other processes kept busy during a short window in which
-- this session sleeps (from /proc/stat; the benchmark's own psql client and
-- the server's background processes are idle then).
CREATE FUNCTION bench.others_busy(win float8 DEFAULT 0.2) RETURNS float8
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	a1 bigint[];
	a2 bigint[];
	ncpu int;
	st text;
BEGIN
	st := pg_read_file('/proc/stat');
	ncpu := (SELECT count(*) FROM regexp_matches(st, '^cpu[0-9]+ ', 'gn'));
	a1 := (regexp_split_to_array(split_part(st, E'\n', 1), '\s+'))[2:9]::bigint[];
	PERFORM pg_sleep(win);
	st := pg_read_file('/proc/stat');
	a2 := (regexp_split_to_array(split_part(st, E'\n', 1), '\s+'))[2:9]::bigint[];
	-- fields: user nice system idle iowait irq softirq steal
	RETURN round((((a2[1] + a2[2] + a2[3] + a2[6] + a2[7] + a2[8]) - (a1[1] + a1[2] + a1[3] + a1[6] + a1[7] + a1[8]))::numeric
				  / nullif((SELECT sum(x) FROM unnest(a2) x) - (SELECT sum(x) FROM unnest(a1) x), 0) * ncpu), 2);
END
$$;

CREATE FUNCTION bench.load1() RETURNS float8
LANGUAGE sql VOLATILE AS $$
	SELECT split_part(pg_read_file('/proc/loadavg'), ' ', 1)::float8
$$;

-- Time one planned measurement.
--
-- Queries: EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) and its "Execution
-- Time": the executor's own time in the server, without parsing, planning,
-- sending rows to the client or the client's formatting (psql's \timing
-- would include all of those, and a GROUP BY goal query returns 20 000 rows
-- while count(*) returns one).  TIMING OFF leaves out the per-node clock
-- calls that would otherwise cost most on the cheapest queries and bias
-- every ratio to the floor.
-- COPY (EXPLAIN cannot run it): clock_timestamp() around the COPY FROM the
-- server-side file, after a TRUNCATE in the same transaction; with
-- wal_level = minimal the COPY then writes no WAL, so what is timed is
-- reading, parsing and forming tuples.
CREATE FUNCTION bench.measure(p_id int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	p	bench.plan;
	q	bench.query;
	sql text;
	j	jsonb;
	ms	float8;
	t0	timestamptz;
	wp	int;
	wl	int;
	pl	text;
	ld	float8 := bench.load1();
	quiet float8 := coalesce((SELECT value FROM bench.env WHERE key = 'quiet_cores')::float8, 0.1);
	-- per measurement, and no more than what is left of the run's budget
	maxwait float8 := greatest(0, least(
		coalesce((SELECT value FROM bench.env WHERE key = 'quiet_wait_s')::float8, 300),
		coalesce((SELECT value FROM bench.env WHERE key = 'quiet_budget_s')::float8, 3600)
			- coalesce((SELECT sum(waited_s) FROM bench.result), 0)));
	ob	float8;
	oa	float8;
	waited float8 := 0;
	tries int := 0;
	w0	timestamptz;
BEGIN
	SELECT * INTO STRICT p FROM bench.plan WHERE id = p_id;
	SELECT * INTO STRICT q FROM bench.query WHERE name = p.name;
	PERFORM set_config('max_parallel_workers_per_gather', p.workers::text, true);
	IF p.workers > 0 THEN
		-- with workers allowed, take a parallel plan wherever there is one:
		-- at the default costs the planner keeps these plans serial, and
		-- the 0/2-worker comparison would then compare nothing
		PERFORM set_config('parallel_setup_cost', '0', true);
		PERFORM set_config('parallel_tuple_cost', '0', true);
	END IF;
	sql := bench.expand(q.sql, p.nrows);
	LOOP
		tries := tries + 1;
		-- wait (up to quiet_wait_s in all) until no other process is busy
		w0 := clock_timestamp();
		LOOP
			ob := bench.others_busy();
			EXIT WHEN ob <= quiet OR waited + extract(epoch FROM clock_timestamp() - w0) >= maxwait;
			PERFORM pg_sleep(1);
		END LOOP;
		waited := waited + extract(epoch FROM clock_timestamp() - w0);
		IF q.prep IS NOT NULL THEN
			EXECUTE bench.expand(q.prep, p.nrows);
		END IF;
		IF q.grp = '6 parse' THEN
			t0 := clock_timestamp();
			EXECUTE sql;
			ms := 1000 * extract(epoch FROM clock_timestamp() - t0);
		ELSE
			EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ' || sql INTO j;
			ms := (j -> 0 ->> 'Execution Time')::float8;
			wp := (jsonb_path_query_first(j, 'lax $.**."Workers Planned"'))::int;
			wl := (jsonb_path_query_first(j, 'lax $.**."Workers Launched"'))::int;
			pl := CASE WHEN wp IS NULL THEN 'serial'
					   WHEN jsonb_path_exists(j, 'lax $.**?(@."Partial Mode" == "Partial")') THEN 'partial'
					   ELSE 'to leader' END;
		END IF;
		-- someone else busy right after: they probably overlapped; redo
		oa := bench.others_busy();
		EXIT WHEN oa <= quiet OR tries >= 3 OR waited >= maxwait;
	END LOOP;
	INSERT INTO bench.result (plan_id, rep, nrows, name, workers, ms, workers_planned,
							  workers_launched, plan, load1, others_before, others_after,
							  waited_s, attempts)
	VALUES (p.id, p.rep, p.nrows, p.name, p.workers, ms, wp, wl, pl, ld, ob, oa, waited, tries);
	RETURN format('rep %s  %-4s  %-22s w%s  %s ms%s  others %s/%s cores%s', p.rep,
				  bench.size_label(p.nrows), p.name, p.workers, to_char(ms, '999990.0'),
				  CASE WHEN wl IS NOT NULL THEN format('  (%s launched)', wl) ELSE '' END,
				  ob, oa,
				  CASE WHEN waited >= 1 OR tries > 1 THEN format('  (waited %s s, %s tries)', round(waited::numeric), tries) ELSE '' END);
END
$$;

-- The shuffled plan: every available query, at every size and worker
-- setting, once per repetition; each repetition in its own random order.
CREATE FUNCTION bench.make_plan(sizes bigint[], reps int, seed float8)
RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
	n int;
BEGIN
	PERFORM setseed(seed);
	FOR r IN 1..reps LOOP
		INSERT INTO bench.plan (rep, nrows, name, workers, ord)
		SELECT r, s, q.name, w, random()
		FROM bench.query q, unnest(sizes) s, unnest(q.workers) w
		WHERE bench.available(q.needs)
		ORDER BY q.pos, s, w;			-- deterministic input to random()
	END LOOP;
	SELECT count(*) INTO n FROM bench.plan;
	RETURN n;
END
$$;
