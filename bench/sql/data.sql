-- bench/sql/data.sql: data generation.  bench.generate(n) creates
--   bench.metric_<n>   one row per metric (ceil(n / 3)), with its target as
--                      people write it (text), parsed (metric_target) and as
--                      the plain columns (target_value, at_most)
--   bench.outcome_<n>  n outcome rows: each metric over 3 years (2014-2016)
-- and writes the n target texts (one per outcome row) to the COPY source
-- file.  Deterministic for a seed.
--
-- Shape: 20 000 goals in 2 000 committees (10 goals each, spread over the
-- four perspectives), metrics dealt round-robin to goals; half the targets
-- "at most", half percent and half counts (barn, vårddygn, st, tkr, index,
-- NKI or no unit); ~2 % of count targets are zero ("Minst 0 tkr") and ~4 %
-- of percent at-least targets bare ("80 %"); 30 % of percent targets have a
-- decimal ("Max 13,2 %").  Outcomes: ~10 % NULL (not followed up), else
-- target x U(0.6, 1.4) rounded to 0.1 (percent) or 1 (counts), so that
-- fulfilled, partly and not fulfilled all occur; zero targets get outcomes
-- in -1000..3000 tkr.
\set ON_ERROR_STOP on

-- A non-negative number written the Swedish way: 2 100, 13,2
CREATE FUNCTION bench.sv_number(v numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT regexp_replace(trunc(v)::text, '(\d)(?=(\d{3})+$)', '\1 ', 'g')
		   || CASE WHEN scale(v) > 0 THEN ',' || split_part(v::text, '.', 2) ELSE '' END
$$;

CREATE TABLE bench.copy_text (target text);
CREATE TABLE bench.copy_target (target goalmetrics.metric_target);

CREATE FUNCTION bench.generate(n bigint, seed float8) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	nmetrics bigint := (n + 2) / 3;
	mt text := 'bench.metric_' || n;
	ot text := bench.outcome_table(n);
BEGIN
	PERFORM setseed(seed);
	PERFORM set_config('work_mem', '1GB', true);
	PERFORM set_config('max_parallel_workers_per_gather', '0', true);

	EXECUTE format($s$
	CREATE TABLE %1$s AS
	WITH r AS MATERIALIZED (
		SELECT i AS metric_id, random() AS r_kind, random() AS r_dir, random() AS r_val,
			   random() AS r_dec, random() AS r_word, random() AS r_unit, random() AS r_zero
		  FROM generate_series(1, %2$s) i
	), v AS (
		SELECT metric_id, r_word, r_unit,
			   r_kind < 0.5 AS pct,
			   CASE WHEN r_kind >= 0.5 AND r_zero < 0.02 THEN false ELSE r_dir < 0.5 END AS at_most,
			   CASE WHEN r_kind < 0.5
					THEN round((20 + r_val * 75)::numeric, CASE WHEN r_dec < 0.3 THEN 1 ELSE 0 END)
					WHEN r_zero < 0.02 THEN 0
					ELSE round(exp(r_val * ln(20000)))::numeric END AS target_value,
			   r_kind >= 0.5 AND r_zero < 0.02 AS zero
		  FROM r
	)
	SELECT metric_id,
		   ((metric_id - 1) %% 20000 + 1)::int AS goal_id,
		   (((metric_id - 1) %% 20000) / 10 + 1)::int AS committee_id,
		   (((metric_id - 1) %% 20000) %% 4 + 1)::smallint AS perspective,
		   pct, at_most, target_value,
		   CASE
			 WHEN zero THEN 'Minst 0 tkr'
			 WHEN pct AND NOT at_most AND r_word < 0.04 THEN bench.sv_number(target_value) || ' %%'
			 ELSE (CASE WHEN at_most THEN (ARRAY['Högst', 'Max', '<='])[1 + floor(r_word * 3)::int]
						ELSE (ARRAY['Minst', 'Lägst', '>='])[1 + floor(r_word * 3)::int] END)
				  || ' '
				  || CASE WHEN NOT pct AND r_unit >= 0.8 THEN
							 CASE WHEN r_unit < 0.9 THEN 'index ' ELSE 'NKI ' END
						  ELSE '' END
				  || bench.sv_number(target_value)
				  || CASE WHEN pct THEN ' %%'
						  WHEN r_unit < 0.2 THEN ' barn'
						  WHEN r_unit < 0.35 THEN ' vårddygn'
						  WHEN r_unit < 0.5 THEN ' st'
						  WHEN r_unit < 0.65 THEN ' tkr'
						  ELSE '' END
		   END AS target_text
	  FROM v ORDER BY metric_id$s$, mt, nmetrics);
	EXECUTE format('ALTER TABLE %s ADD COLUMN target goalmetrics.metric_target', mt);
	EXECUTE format('UPDATE %s SET target = target_text::goalmetrics.metric_target', mt);
	EXECUTE format('ALTER TABLE %s ADD PRIMARY KEY (metric_id)', mt);

	-- The outcome table: plain comparison columns and the metric_target
	-- side by side in the same rows, so every query scans the same table.
	EXECUTE format($s$
	CREATE TABLE %1$s (
		id			 int NOT NULL,
		committee_id int NOT NULL,
		goal_id		 int NOT NULL,
		metric_id	 int NOT NULL,
		perspective	 smallint NOT NULL,
		year		 smallint NOT NULL,
		at_most		 boolean NOT NULL,
		outcome		 numeric,
		target_value numeric NOT NULL,
		target		 goalmetrics.metric_target NOT NULL
	) WITH (parallel_workers = 2, autovacuum_enabled = off)$s$, ot);
	EXECUTE format($s$
	INSERT INTO %1$s
	SELECT i, m.committee_id, m.goal_id, m.metric_id, m.perspective, (2014 + (i - 1) %% 3)::smallint,
		   m.at_most,
		   CASE WHEN random() < 0.10 THEN NULL
				WHEN m.target_value = 0 THEN round((random() * 4000 - 1000)::numeric)
				WHEN m.pct THEN round(m.target_value * (0.6 + random() * 0.8)::numeric, 1)
				ELSE round(m.target_value * (0.6 + random() * 0.8)::numeric) END,
		   m.target_value, m.target
	  FROM generate_series(1, %2$s) i
	  JOIN %3$s m ON m.metric_id = (i - 1) / 3 + 1$s$, ot, n, mt);

	EXECUTE format('COPY (SELECT m.target_text FROM %s o JOIN %s m USING (metric_id) ORDER BY o.id) TO %L',
				   ot, mt, bench.copy_file(n));
	RETURN format('generated %s: %s rows, %s metrics', ot, n, nmetrics);
END
$$;

-- Figures about the generated data, for the report.
CREATE FUNCTION bench.profile(n bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	ot text := bench.outcome_table(n);
	r record;
BEGIN
	EXECUTE format($s$
		SELECT count(*) AS rows,
			   count(DISTINCT metric_id) AS metrics,
			   count(DISTINCT goal_id) AS goals,
			   count(DISTINCT committee_id) AS committees,
			   count(DISTINCT year) AS years,
			   round(100.0 * count(*) FILTER (WHERE outcome IS NULL) / count(*), 1) AS null_pct,
			   round(100.0 * count(*) FILTER (WHERE at_most) / count(*), 1) AS at_most_pct,
			   round(100.0 * count(*) FILTER (WHERE goalmetrics.target_unit(target) = '%%') / count(*), 1) AS percent_pct,
			   pg_size_pretty(pg_relation_size(%L)) AS table_size
		  FROM %s$s$, ot, ot) INTO r;
	INSERT INTO bench.fact (section, nrows, key, value) VALUES
		('data', n, 'outcome rows', r.rows),
		('data', n, 'metrics', r.metrics),
		('data', n, 'goals', r.goals),
		('data', n, 'committees', r.committees),
		('data', n, 'years', r.years),
		('data', n, 'NULL outcomes %', r.null_pct),
		('data', n, '"at most" targets %', r.at_most_pct),
		('data', n, 'percent targets %', r.percent_pct),
		('data', n, 'table size', r.table_size);
	EXECUTE format($s$
		SELECT string_agg(format('%%s %%s', s, c), ', ' ORDER BY s) AS dist
		  FROM (SELECT %s AS s, count(*) AS c FROM %s GROUP BY 1) x$s$,
		(SELECT body FROM bench.fragment WHERE name = 'status_case'), ot) INTO r;
	INSERT INTO bench.fact (section, nrows, key, value) VALUES ('data', n, 'statuses', r.dist);
	EXECUTE format($s$
		SELECT string_agg(t, ', ') AS ex FROM (
			SELECT DISTINCT ON (metric_id %% 12) target_text AS t
			  FROM bench.metric_%s WHERE metric_id <= 200 ORDER BY metric_id %% 12, metric_id) x$s$, n) INTO r;
	INSERT INTO bench.fact (section, nrows, key, value) VALUES ('data', n, 'sample targets', r.ex);
END
$$;
