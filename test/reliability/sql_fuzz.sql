-- Random targets through the server: the libFuzzer harness (make fuzz)
-- drives the pure parser; this drives the backend glue (metric_target.c,
-- fulfilment.c, rollup.c) with random text, and asan.sh runs it against the
-- sanitized library.  psql variable n: how many strings (default 50 000);
-- setseed makes a run repeatable.  Prints "sql_fuzz <name> <count>" lines;
-- every "violations" line must be 0, and any error fails the script.
\set ON_ERROR_STOP 1
\if :{?n}
\else
\set n 50000
\endif
\if :{?seed}
\else
\set seed 0.7
\endif
SET search_path = public, goalmetrics;
SELECT setseed(:seed);

-- Strings glued from the grammar's own pieces and some that do not belong
CREATE TEMP TABLE fuzz_tokens AS
SELECT array_agg(t) AS tok FROM unnest(ARRAY[
	'Minst', 'Högst', 'Lägst', 'Max', 'Max.', 'Min', 'Min.', 'Maximalt', 'at least', 'at most', 'AT LEAST',
	'>=', '<=', '=>', '=<', '>', '<', '=', U&'\2265', U&'\2264', 'Över', 'Under', 'Mer än', 'Mindre än',
	'above', 'below', 'more than', 'less than', 'Exakt', 'exactly', 'Mellan', 'between', 'och', 'and',
	'Öka', 'öka', 'Minska', 'increase', 'reduce', 'decrease', 'ska', 'från', 'till', 'from', 'to',
	'%', 'procent', 'percent', 'procentenheter', 'pp', 'barn', 'tkr', 'index', 'NKI', 'st', 'vårddygn',
	'kronor per invånare', 'kWh/m2', '(st)', 'covid-19', 'e', 'E',
	'0', '1', '5', '9', '42', '65', '100', '2 100', '2' || U&'\00A0' || '100', '2' || U&'\202F' || '100',
	'72,3', '72.3', '0,1', ',5', '5,', '1 23', '1,2,3', '000', '999 999 999 999 999', '1234567890123456',
	'0,000000000000001', '1e5', 'NaN', 'Infinity', 'inf', U&'\221E', '-', U&'\2212', U&'\2013', U&'\2014', '+',
	' ', '  ', E'\n', E'\t', U&'\00A0', U&'\2009', '', '', '',
	';', '''', '"', '\', '/', '*', '(', ')', '[', ']', '{', '}', '$', '#', '!', '?', '@', '&', '|', '^', '~',
	'å', 'Ä', 'ö', 'ß', 'é', U&'\00AD', U&'\200B', U&'\FEFF', U&'\0085', E'\x01', E'\x7f', U&'\1F600',
	repeat('9', 20), repeat('x', 70), repeat(' ', 50)]) t;

CREATE TEMP TABLE fuzz AS
SELECT i, (SELECT string_agg(tok[1 + floor(random() * array_length(tok, 1))::int + 0 * k],
							 CASE WHEN random() < 0.7 THEN ' ' ELSE '' END)
			 FROM generate_series(1, 1 + floor(random() * 7)::int) k
			WHERE i > 0) AS s,
	   round((random() * 4000 - 1000)::numeric, (random() * 4)::int) AS outcome
FROM fuzz_tokens, generate_series(1, :n) i;
-- and some strings of random code points (no NUL, no surrogates)
INSERT INTO fuzz
SELECT :n + i, (SELECT string_agg(chr(CASE WHEN random() < 0.5 THEN 32 + floor(random() * 95)::int
										   ELSE 160 + floor(random() * 55000)::int END), '')
				  FROM generate_series(1, 1 + floor(random() * 20)::int) k WHERE i > 0),
	   round((random() * 200)::numeric, 1)
FROM generate_series(1, :n / 5) i;

-- and targets built by the grammar, a third of them with a stray token
-- put in somewhere
INSERT INTO fuzz
SELECT 2 * :n + i,
	   CASE WHEN random() < 0.33
			THEN overlay(g.s PLACING ' ' || tok[1 + floor(random() * array_length(tok, 1))::int] || ' '
						 FROM 1 + floor(random() * (length(g.s) + 1))::int FOR 0)
			ELSE g.s END,
	   round((random() * 3000 - 500)::numeric, (random() * 3)::int)
FROM fuzz_tokens, generate_series(1, :n) i,
	 LATERAL (SELECT CASE floor(random() * 6)::int + 0 * i
		WHEN 0 THEN c || ' ' || n1 || ' ' || u
		WHEN 1 THEN c || ' ' || ub || ' ' || n1
		WHEN 2 THEN 'Mellan ' || least(n1v, n2v) || ' och ' || greatest(n1v, n2v) || ' ' || u
		WHEN 3 THEN least(n1v, n2v) || U&'\2013' || greatest(n1v, n2v) || ' ' || u
		WHEN 4 THEN d || ' från ' || n1 || ' ' || u || ' till ' || n2 || ' ' || u
		ELSE n1 || ' ' || u END AS s
	 FROM (SELECT (ARRAY['Minst', 'Högst', 'Lägst', 'Max', 'at least', 'at most', '>=', '<=', U&'\2265', U&'\2264',
						 'Över', 'Under', 'Exakt', 'more than', 'below', '=', '>', '<'])[1 + floor(random() * 18)::int + 0 * i] AS c,
				  (ARRAY['Öka', 'Minska', 'increase', 'reduce', 'ska öka', ''])[1 + floor(random() * 6)::int + 0 * i] AS d,
				  (ARRAY['%', 'procent', 'barn', 'tkr', 'st', 'vårddygn', 'kronor per invånare', 'pp', '', '', ''])[1 + floor(random() * 11)::int + 0 * i] AS u,
				  (ARRAY['index', 'NKI', 'HME'])[1 + floor(random() * 3)::int + 0 * i] AS ub,
				  (ARRAY['0', '1', '65', '2 100', '72,3', '0,1', '-5', U&'\22123,5', '999 999 999 999 999', '13,2', '100', '42,0'])[1 + floor(random() * 12)::int + 0 * i] AS n1,
				  (ARRAY['0', '2', '75', '3 500', '80,25', '0,2', '-1', '1 000 000', '31'])[1 + floor(random() * 9)::int + 0 * i] AS n2,
				  round((random() * 200 - 50)::numeric, floor(random() * 3)::int + 0 * i) AS n1v,
				  round((random() * 200 - 50)::numeric, floor(random() * 3)::int + 0 * i) AS n2v) parts) g;

-- the SQLSTATE a cast raises ('' when it does not)
CREATE FUNCTION pg_temp.cast_state(s text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM s::goalmetrics.metric_target;
	RETURN '';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$$;

CREATE TEMP TABLE fuzz_parsed AS
SELECT i, s, outcome, goalmetrics.try_metric_target(s) AS t FROM fuzz;

SELECT 'sql_fuzz strings ' || count(*) FROM fuzz_parsed;
SELECT 'sql_fuzz parsed ' || count(*) FROM fuzz_parsed WHERE t IS NOT NULL;
SELECT 'sql_fuzz distinct_targets ' || count(DISTINCT t) FROM fuzz_parsed WHERE t IS NOT NULL;

-- refused text: the cast raises a documented SQLSTATE, never anything else
SELECT 'sql_fuzz violations_refused_state ' || count(*)
  FROM fuzz_parsed WHERE t IS NULL AND pg_temp.cast_state(s) NOT IN ('22P02', '22003', '22001');
-- read text: the cast agrees with try_, and every style reads back equal,
-- with the same hash and the same bytes
SELECT 'sql_fuzz violations_round_trip ' || count(*)
  FROM fuzz_parsed
 WHERE t IS NOT NULL
   AND (s::metric_target IS DISTINCT FROM t
		OR t::text::metric_target IS DISTINCT FROM t
		OR try_metric_target(format_target(t, 'english')) IS DISTINCT FROM t
		OR try_metric_target(format_target(t, 'symbolic')) IS DISTINCT FROM t
		OR metric_target_send(t::text::metric_target) IS DISTINCT FROM metric_target_send(t)
		OR metric_target_hash(try_metric_target(format_target(t, 'english'))) IS DISTINCT FROM metric_target_hash(t)
		OR metric_target_cmp(t, t) <> 0);
-- every function of an outcome and a target answers (no error for a finite
-- outcome), fulfilment stays within 0..100 capped and >= 0 uncapped, and
-- the status agrees with meets() at the default thresholds; a direction
-- target (Öka, Bibehålla) without a previous outcome has no fulfilment and
-- is not followed up (doc/fulfilment.md, "Targets over time")
SELECT 'sql_fuzz violations_judgement ' || count(*)
  FROM fuzz_parsed,
	   LATERAL (SELECT fulfilment(outcome, t) AS f, fulfilment(outcome, t, false) AS fu,
					   meets(outcome, t) AS m, status(outcome, t) AS st,
					   status(outcome::float8, t) AS st8, fulfilment(round(outcome)::integer, t) AS fi,
					   status(outcome, t, 80, 95) AS st2,
					   target_comparator(t) IN ('increase', 'decrease', 'maintain', 'improve') AS direction) j
 WHERE t IS NOT NULL
   AND (f < 0 OR f > 100 OR fu < f OR (m AND st <> 'fulfilled') OR (NOT m AND st = 'fulfilled')
		OR st IS DISTINCT FROM st8 OR st2 IS NULL
		OR (NOT direction AND fi IS NULL)
		OR (direction AND (f IS NOT NULL OR m IS NOT NULL OR st <> 'not_followed_up')));
-- accessors answer and agree with each other
-- (a direction target has no value; maintain and improve take their
-- direction from the metric, so higher_is_better is NULL for them)
SELECT 'sql_fuzz violations_accessors ' || count(*)
  FROM fuzz_parsed,
	   LATERAL (SELECT target_comparator(t) IN ('increase', 'decrease', 'maintain', 'improve') AS direction) d
 WHERE t IS NOT NULL
   AND (target_comparator(t) IS NULL OR (target_value(t) IS NULL) <> d.direction
		OR (target_comparator(t) = 'between') <> (target_upper(t) IS NOT NULL)
		OR (target_baseline(t) IS NOT NULL AND target_comparator(t) NOT IN ('at_least', 'at_most'))
		OR (target_is_bare(t) AND target_comparator(t) <> 'at_least')
		OR (higher_is_better(t) IS NULL) <> (target_comparator(t) IN ('exactly', 'between', 'maintain', 'improve'))
		OR (NOT d.direction AND target_comparator(t) NOT IN ('between') AND NOT target_is_bare(t)
			AND target_baseline(t) IS NULL
			AND metric_target(target_comparator(t), target_value(t)) IS NULL));
-- roll-ups over random groups answer, serially and in parallel alike
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE fuzz_serial AS
SELECT i % 997 AS g, rollup(outcome, t) AS r, rollup(outcome, t, (i % 4)::numeric) AS rw,
	   trend(2014 + i % 3, outcome, t) AS tr
  FROM fuzz_parsed WHERE t IS NOT NULL GROUP BY 1;
SELECT 'sql_fuzz rollup_groups ' || count(*) FROM fuzz_serial;
SELECT 'sql_fuzz violations_rollup ' || count(*)
  FROM fuzz_serial WHERE (r).fulfilment < 0 OR (r).fulfilment > 100 OR (r).metrics <> (r).parts
		OR (r).fulfilled + (r).partly + (r).not_fulfilled + (r).not_followed_up <> (r).metrics;
SELECT 'sql_fuzz levels_up ' || count(*) FROM (SELECT g % 10, rollup(r) FROM fuzz_serial GROUP BY 1) x;
-- the same roll-ups split over parallel workers (partial states combined):
-- identical results (workers cannot read temporary tables, hence a copy)
CREATE UNLOGGED TABLE public.sql_fuzz_targets AS SELECT i, outcome, t FROM fuzz_parsed WHERE t IS NOT NULL;
ANALYZE public.sql_fuzz_targets;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
CREATE TEMP TABLE fuzz_parallel AS
SELECT i % 997 AS g, rollup(outcome, t) AS r, rollup(outcome, t, (i % 4)::numeric) AS rw,
	   trend(2014 + i % 3, outcome, t) AS tr
  FROM public.sql_fuzz_targets GROUP BY 1;
SELECT 'sql_fuzz violations_parallel ' || count(*)
  FROM fuzz_serial s FULL JOIN fuzz_parallel p USING (g)
 WHERE s.r::text IS DISTINCT FROM p.r::text OR s.rw::text IS DISTINCT FROM p.rw::text
	OR s.tr IS DISTINCT FROM p.tr;
DROP TABLE public.sql_fuzz_targets;
