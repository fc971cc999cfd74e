-- bench/sql/report.sql: the markdown report's body, computed from the raw
-- measurements in bench.result and the facts in bench.fact.  No number in
-- the report is typed by hand.  bench/run.sh writes the header (machine,
-- load) and appends bench.report().
\set ON_ERROR_STOP on

CREATE VIEW bench.median AS
SELECT r.nrows, r.name, r.workers,
	   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.ms) AS med,
	   min(r.ms) AS lo, max(r.ms) AS hi, count(*) AS reps,
	   min(r.workers_launched) AS wl_min, max(r.workers_launched) AS wl_max,
	   string_agg(DISTINCT r.plan, '/') FILTER (WHERE r.plan <> 'serial') AS plans,
	   string_agg(round(r.ms::numeric, 1)::text, ' ' ORDER BY r.rep) AS runs
  FROM bench.result r
 GROUP BY r.nrows, r.name, r.workers;

CREATE FUNCTION bench.med(qname text, n bigint, w int) RETURNS float8
LANGUAGE sql STABLE AS $$
	SELECT med FROM bench.median WHERE name = qname AND nrows = n AND workers = w
$$;

CREATE FUNCTION bench.fmt_ms(v float8) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN v IS NULL THEN '–'
				WHEN v >= 100 THEN to_char(v, 'FM999999990')
				WHEN v >= 10 THEN to_char(v, 'FM999990.0')
				ELSE to_char(v, 'FM990.00') END
$$;

CREATE FUNCTION bench.fmt_x(v float8) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN v IS NULL THEN '–' ELSE to_char(v, 'FM9999990.00') || ' ×' END
$$;

-- One goal of the issue: measured value against a limit.
CREATE FUNCTION bench.goal_row(goal text, size text, measured float8, op text, lim float8, hi float8 DEFAULT NULL)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT format('| %s | %s | %s | %s | %s |', goal, size,
				  CASE WHEN measured IS NULL THEN 'not measured' ELSE to_char(measured, 'FM999990.00') END,
				  CASE op WHEN 'between' THEN format('%s – %s', to_char(lim, 'FM999990.09'), to_char(hi, 'FM999990.09'))
						  ELSE op || ' ' || to_char(lim, 'FM999990.09') END,
				  CASE WHEN measured IS NULL THEN '**not measured**'
					   WHEN (op = '≤' AND measured <= lim) OR (op = '≥' AND measured >= lim)
							OR (op = 'between' AND measured BETWEEN lim AND hi) THEN 'pass'
					   ELSE '**FAIL**' END)
$$;

CREATE FUNCTION bench.report() RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
	sizes bigint[];
	n bigint;
	nmax bigint;
	nmin bigint;
	r record;
	line text;
	goals text[] := '{}';
	g text;
BEGIN
	SELECT array_agg(DISTINCT nrows ORDER BY nrows) INTO sizes FROM bench.result;
	IF sizes IS NULL THEN
		RETURN NEXT 'No measurements.';
		RETURN;
	END IF;
	nmin := sizes[1];
	nmax := sizes[array_length(sizes, 1)];

	-- ------------------------------------------------------------ goals
	-- The status goals as the issue words them: counted by four count(*)
	-- FILTER (serial).  With workers, the GROUP BY form: PostgreSQL 15 does
	-- not aggregate partially above the FILTER form's OFFSET 0 subquery.
	FOREACH n IN ARRAY sizes LOOP
		goals := goals || bench.goal_row('per-row `status()` ÷ `sum(outcome)`, four `count(*) FILTER`, serial', bench.size_label(n),
			bench.med('q2_status_gm_filter', n, 0) / bench.med('q1_sum', n, 0), '≤', 1.3);
		goals := goals || bench.goal_row('plain-SQL `CASE` ÷ `status()` (speed-up), four `count(*) FILTER`, serial', bench.size_label(n),
			bench.med('q3_status_case_filter', n, 0) / bench.med('q2_status_gm_filter', n, 0), '≥', 4);
		goals := goals || bench.goal_row('`rollup() GROUP BY goal` ÷ `avg(outcome) GROUP BY goal`, serial', bench.size_label(n),
			bench.med('q4_rollup_gm', n, 0) / bench.med('q4_avg_goal', n, 0), '≤', 1.5);
		goals := goals || bench.goal_row('plain-SQL roll-up ÷ `rollup()` (speed-up), serial', bench.size_label(n),
			bench.med('q4_rollup_plain', n, 0) / bench.med('q4_rollup_gm', n, 0), '≥', 2.5);
		goals := goals || bench.goal_row('`COPY` into `metric_target` ÷ `COPY` into `text`', bench.size_label(n),
			bench.med('q6_copy_target', n, 0) / bench.med('q6_copy_text', n, 0), '≤', 1.5);
	END LOOP;
	goals := goals || bench.goal_row('`status()` `GROUP BY status`: 0 workers ÷ 2 workers', bench.size_label(nmax),
		bench.med('q2_status_gm', nmax, 0) / bench.med('q2_status_gm', nmax, 2), '≥', 1.6);
	goals := goals || bench.goal_row('`rollup() GROUP BY goal`: 0 workers ÷ 2 workers', bench.size_label(nmax),
		bench.med('q4_rollup_gm', nmax, 0) / bench.med('q4_rollup_gm', nmax, 2), '≥', 1.6);
	IF nmax > nmin THEN
		FOR r IN SELECT * FROM (VALUES ('q2_status_gm_filter', '`status()` (`FILTER`)', 0),
										('q2_status_gm', '`status()` (`GROUP BY`)', 0),
										('q2_status_gm', '`status()` (`GROUP BY`)', 2),
										('q4_rollup_gm', '`rollup() GROUP BY goal`', 0),
										('q4_rollup_gm', '`rollup() GROUP BY goal`', 2)) v(q, l, w) LOOP
			goals := goals || bench.goal_row(format('%s linear: time %s ÷ time %s, %s workers', r.l,
				bench.size_label(nmax), bench.size_label(nmin), r.w), '',
				bench.med(r.q, nmax, r.w) / bench.med(r.q, nmin, r.w), 'between',
				0.8 * nmax / nmin, 1.2 * nmax / nmin);
		END LOOP;
	END IF;

	RETURN NEXT '## Goals (issue 6)';
	RETURN NEXT '';
	RETURN NEXT format('%s of %s met.', (SELECT count(*) FROM unnest(goals) x WHERE x LIKE '%| pass |'),
					   array_length(goals, 1));
	RETURN NEXT '';
	RETURN NEXT 'For scale, each status query''s shape with a constant instead of any function call (the scan, '
				'deforming both columns and the counting: `q2_shape_floor_filter`, `q2_shape_floor`) bounds what any '
				'`status()` can reach, serial: '
		|| coalesce((SELECT string_agg(format('%s rows: `FILTER` form %s × `sum(outcome)`, so at most %s × faster than the `CASE`; '
											  '`GROUP BY` form %s × `sum(outcome)`, at most %s × faster',
					bench.size_label(s),
					to_char(bench.med('q2_shape_floor_filter', s, 0) / bench.med('q1_sum', s, 0), 'FM990.00'),
					to_char(bench.med('q3_status_case_filter', s, 0) / bench.med('q2_shape_floor_filter', s, 0), 'FM990.00'),
					to_char(bench.med('q2_shape_floor', s, 0) / bench.med('q1_sum', s, 0), 'FM990.00'),
					to_char(bench.med('q3_status_case', s, 0) / bench.med('q2_shape_floor', s, 0), 'FM990.00')), '. ')
			FROM unnest(sizes) s), 'not measured') || '.';
	RETURN NEXT '';
	RETURN NEXT 'Reading the outcome costs every implementation something: the `FILTER` shape with a single built-in '
				'numeric comparison (`outcome >= target_value`, `q2_shape_cmp_filter`) instead of a constant takes '
		|| coalesce((SELECT string_agg(format('%s × `sum(outcome)` at %s rows (`status()` %s ×)',
					to_char(bench.med('q2_shape_cmp_filter', s, 0) / bench.med('q1_sum', s, 0), 'FM990.00'),
					bench.size_label(s),
					to_char(bench.med('q2_status_gm_filter', s, 0) / bench.med('q1_sum', s, 0), 'FM990.00')), ', ')
			FROM unnest(sizes) s), 'not measured') || '.';
	RETURN NEXT '';
	RETURN NEXT '| goal | rows | measured | limit | result |';
	RETURN NEXT '| --- | --- | ---: | --- | --- |';
	FOREACH g IN ARRAY goals LOOP
		RETURN NEXT g;
	END LOOP;
	RETURN NEXT '';

	-- ---------------------------------------------------------- medians
	FOREACH n IN ARRAY sizes LOOP
		RETURN NEXT format('## Medians at %s rows', bench.size_label(n));
		RETURN NEXT '';
		RETURN NEXT '× sum: time ÷ `sum(outcome)` with the same workers.  × floor: time ÷ the query''s own floor '
					'(`avg(outcome) GROUP BY goal` for roll-ups, `COPY` into `text` for parsing).  '
					'plain ÷ this: the plain-SQL equivalent''s time ÷ this one''s (the speed-up of goalmetrics; '
					'for the other alternatives, below 1 means slower than the `CASE`).';
		RETURN NEXT '';
		RETURN NEXT '| query | implementation | workers (launched) | median ms | min – max ms | × sum | × floor | plain ÷ this | runs ms (in rep order) |';
		RETURN NEXT '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |';
		FOR r IN
			SELECT q.name, q.label, q.impl, q.floor_ref, q.plain_ref, m.*
			  FROM bench.median m JOIN bench.query q USING (name)
			 WHERE m.nrows = n ORDER BY q.pos, m.workers
		LOOP
			RETURN NEXT format('| %s `%s` | %s | %s | %s | %s – %s | %s | %s | %s | %s |',
				r.label, r.name, r.impl,
				r.workers || CASE WHEN r.wl_max IS NULL THEN ''
								  WHEN r.wl_min = r.wl_max THEN format(' (%s, %s)', r.wl_min, r.plans)
								  ELSE format(' (%s–%s, %s)', r.wl_min, r.wl_max, r.plans) END,
				bench.fmt_ms(r.med), bench.fmt_ms(r.lo), bench.fmt_ms(r.hi),
				CASE WHEN r.name LIKE 'q6%' THEN '' ELSE bench.fmt_x(r.med / bench.med('q1_sum', n, r.workers)) END,
				CASE WHEN r.floor_ref IS NULL OR r.floor_ref = 'q1_sum' THEN ''
					 ELSE bench.fmt_x(r.med / bench.med(r.floor_ref, n, r.workers)) END,
				CASE WHEN r.plain_ref IS NULL THEN ''
					 ELSE bench.fmt_x(bench.med(r.plain_ref, n, r.workers) / r.med) END,
				r.runs);
		END LOOP;
		RETURN NEXT '';
	END LOOP;

	-- --------------------------------------------------------- parallel
	RETURN NEXT '## Parallel: 0 vs 2 workers';
	RETURN NEXT '';
	RETURN NEXT 'Launched: workers actually started.  Plan: *partial* = each process aggregates its share and the '
				'leader combines the partial states (Partial/Finalize Aggregate); *to leader* = the planner sent every '
				'row through the Gather and the leader aggregates alone (the plain roll-ups and the `FILTER` forms, '
				'whose `OFFSET 0` subquery PostgreSQL 15 does not aggregate partially, and the plain `GROUP BY CASE`).';
	RETURN NEXT '';
	RETURN NEXT '| query | rows | 0 workers ms | 2 workers ms (launched, plan) | speed-up |';
	RETURN NEXT '| --- | --- | ---: | ---: | ---: |';
	FOR r IN
		SELECT q.name, q.label, m0.nrows, m0.med AS m0, m2.med AS m2, m2.wl_min, m2.wl_max, m2.plans
		  FROM bench.median m0
		  JOIN bench.median m2 ON m2.name = m0.name AND m2.nrows = m0.nrows AND m2.workers = 2
		  JOIN bench.query q ON q.name = m0.name
		 WHERE m0.workers = 0
		 ORDER BY m0.nrows, q.pos
	LOOP
		RETURN NEXT format('| %s `%s` | %s | %s | %s (%s, %s) | %s |', r.label, r.name, bench.size_label(r.nrows),
			bench.fmt_ms(r.m0), bench.fmt_ms(r.m2),
			CASE WHEN r.wl_min = r.wl_max THEN r.wl_min::text ELSE r.wl_min || '–' || r.wl_max END, r.plans,
			bench.fmt_x(r.m0 / r.m2));
	END LOOP;
	RETURN NEXT '';

	-- ---------------------------------------------------------- scaling
	IF nmax > nmin THEN
		RETURN NEXT format('## Scaling: %s ÷ %s rows (linear: %s; goal %s – %s)', bench.size_label(nmax),
			bench.size_label(nmin), round(nmax::numeric / nmin, 2), round(0.8 * nmax / nmin, 2), round(1.2 * nmax / nmin, 2));
		RETURN NEXT '';
		RETURN NEXT format('| query | workers | %s ms | %s ms | ratio |', bench.size_label(nmin), bench.size_label(nmax));
		RETURN NEXT '| --- | --- | ---: | ---: | ---: |';
		FOR r IN
			SELECT q.name, q.label, a.workers, a.med AS lo, b.med AS hi
			  FROM bench.median a
			  JOIN bench.median b ON b.name = a.name AND b.workers = a.workers AND b.nrows = nmax
			  JOIN bench.query q ON q.name = a.name
			 WHERE a.nrows = nmin
			 ORDER BY q.pos, a.workers
		LOOP
			RETURN NEXT format('| %s `%s` | %s | %s | %s | %s |', r.label, r.name, r.workers,
				bench.fmt_ms(r.lo), bench.fmt_ms(r.hi), to_char(r.hi / r.lo, 'FM99990.00'));
		END LOOP;
		RETURN NEXT '';
	END IF;

	-- ----------------------------------------------------------- memory
	RETURN NEXT '## Memory';
	RETURN NEXT '';
	RETURN NEXT 'Aggregate transition states (catalog; `pg_column_size` of a real state where it can be built):';
	RETURN NEXT '';
	RETURN NEXT '| aggregate | state type | typlen | aggtransspace | pg_column_size | combine | serial | moving |';
	RETURN NEXT '| --- | --- | ---: | ---: | --- | --- | --- | --- |';
	FOR r IN SELECT key, value::json AS v FROM bench.fact WHERE section = 'state' ORDER BY pos LOOP
		RETURN NEXT format('| `%s` | `%s` | %s | %s | %s | %s | %s | %s |', r.key, r.v ->> 'state type',
			r.v ->> 'typlen', r.v ->> 'aggtransspace', coalesce(r.v ->> 'pg_column_size', '–'),
			r.v ->> 'combine', r.v ->> 'serial', r.v ->> 'moving');
	END LOOP;
	RETURN NEXT '';
	RETURN NEXT 'A roll-up into min(rows, 1 000 000) groups (`GROUP BY id % 1000000`), serial, `work_mem = 4GB`, '
				'hash aggregation: the HashAggregate''s peak memory from EXPLAIN ANALYZE, and the backend''s peak '
				'anonymous RSS above its idle level, sampled from `/proc/<pid>/status` every 10 ms while the '
				'same EXPLAIN ANALYZE ran.  PostgreSQL sizes the hash table from the planner''s estimate of the '
				'groups (for `id % 1000000` it guesses from the row count), so the peak per group differs between '
				'sizes even for `count(*)`; *above count(*)* subtracts `count(*)`''s peak with the same grouping: '
				'what the aggregate''s own states cost per group.';
	RETURN NEXT '';
	RETURN NEXT '| query | rows | groups | hash table peak | bytes / group | above count(*), bytes / group | batches | disk | backend peak RSS growth | ms |';
	RETURN NEXT '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
	FOR r IN
		SELECT f.nrows, f.key, f.value::json AS v, q.label,
			   (SELECT value FROM bench.fact x WHERE x.section = 'rss' AND x.nrows = f.nrows AND x.key = f.key) AS rss,
			   (SELECT (value::json ->> 'peak_kb')::numeric FROM bench.fact x
				 WHERE x.section = 'memory' AND x.nrows = f.nrows AND x.key = 'm8_count_1m') AS count_kb
		  FROM bench.fact f JOIN bench.query q ON q.name = f.key
		 WHERE f.section = 'memory' ORDER BY f.nrows, q.pos
	LOOP
		RETURN NEXT format('| %s `%s` | %s | %s | %s MB | %s | %s | %s | %s kB | %s | %s |', r.label, r.key,
			bench.size_label(r.nrows), r.v ->> 'groups',
			to_char((r.v ->> 'peak_kb')::numeric / 1024, 'FM99990.0'),
			round((r.v ->> 'peak_kb')::numeric * 1024 / nullif((r.v ->> 'groups')::numeric, 0)),
			CASE WHEN r.key = 'm8_count_1m' THEN '' ELSE
				round(((r.v ->> 'peak_kb')::numeric - r.count_kb) * 1024 / nullif((r.v ->> 'groups')::numeric, 0))::text END,
			r.v ->> 'batches', coalesce(r.v ->> 'disk_kb', '0'),
			coalesce(r.rss, '–'), bench.fmt_ms((r.v ->> 'ms')::float8));
	END LOOP;
	RETURN NEXT '';

	-- ------------------------------------------------------------- data
	RETURN NEXT '## Data';
	RETURN NEXT '';
	RETURN NEXT '| | ' || (SELECT string_agg(bench.size_label(s), ' | ') FROM unnest(sizes) s) || ' |';
	RETURN NEXT '| --- | ' || (SELECT string_agg('---', ' | ') FROM unnest(sizes) s) || ' |';
	FOR r IN
		SELECT key, min(pos) AS p, string_agg(coalesce(value, ''), ' | ' ORDER BY nrows) AS vals
		  FROM bench.fact WHERE section = 'data' GROUP BY key ORDER BY p
	LOOP
		RETURN NEXT format('| %s | %s |', r.key, r.vals);
	END LOOP;
	RETURN NEXT '';

	-- ----------------------------------------------------------- checks
	RETURN NEXT '## Agreement checks (run before timing; the run stops on any difference)';
	RETURN NEXT '';
	RETURN NEXT '| rows | check | result |';
	RETURN NEXT '| --- | --- | --- |';
	FOR r IN SELECT nrows, key, value FROM bench.fact WHERE section = 'check' ORDER BY nrows, pos LOOP
		RETURN NEXT format('| %s | %s | `%s` |', bench.size_label(r.nrows), r.key, r.value);
	END LOOP;
	RETURN NEXT '';

	-- ---------------------------------------------------------- queries
	RETURN NEXT '## Queries';
	RETURN NEXT '';
	RETURN NEXT 'As run (`{t}` is the outcome table of the size).  Queries whose goalmetrics functions were '
				'not installed are marked.';
	RETURN NEXT '';
	FOR r IN SELECT * FROM bench.query ORDER BY pos LOOP
		RETURN NEXT format('**%s** — %s (%s)%s', r.name, r.label, r.impl,
			CASE WHEN bench.available(r.needs) THEN '' ELSE ' — *not measured: goalmetrics function missing*' END);
		RETURN NEXT '';
		RETURN NEXT '```sql';
		RETURN NEXT CASE WHEN r.prep IS NOT NULL THEN r.prep || '; ' ELSE '' END
			|| replace(replace(bench.expand(replace(r.sql, '{t}', '<<t>>'), 0), '<<t>>', '{t}'),
					   quote_literal(bench.copy_file(0)), '''targets_<rows>.txt''');
		RETURN NEXT '```';
		RETURN NEXT '';
	END LOOP;
END
$$;
