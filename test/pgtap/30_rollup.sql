-- rollup() and trend(): the rules with their SQLSTATEs, the precision
-- contract, the catalogue entries (labels, combine and inverse functions,
-- state types), and parallel against serial results on 120 000 rows.
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SELECT plan(53);

-- -------------------------------------------------------------- the rules
SELECT results_eq(
	$$SELECT (r).fulfilment, (r).status::text FROM (SELECT rollup(o, 'Minst 100') AS r FROM (VALUES (80::numeric), (100)) v(o)) s$$,
	$$VALUES (90::numeric, 'not_fulfilled')$$,
	'80 and 100: mean 90, not fulfilled');
SELECT results_eq(
	$$SELECT (r).fulfilment, (r).status::text FROM (SELECT rollup(o, 'Minst 100') AS r FROM (VALUES (70::numeric), (100), (100)) v(o)) s$$,
	$$VALUES (90::numeric, 'not_fulfilled')$$,
	'70, 100, 100: mean 90, not fulfilled');
SELECT results_eq(
	$$SELECT (r).fulfilment, (r).status::text FROM (SELECT rollup(o, 'Minst 100') AS r FROM (VALUES (81::numeric), (100)) v(o)) s$$,
	$$VALUES (90.5, 'partly')$$,
	'81 and 100: 90.5, partly');
SELECT is((SELECT (rollup(o, t::metric_target)).status::text FROM (VALUES (5::numeric, 'Över 5'), (10, 'Minst 10')) v(o, t)),
		  'partly', 'a mean of 100 with an unmet metric is partly');
SELECT is((SELECT (rollup(o, 'Minst 100')).status::text FROM (VALUES (100::numeric), (120)) v(o)),
		  'fulfilled', 'every metric met: fulfilled');
SELECT results_eq(
	$$SELECT (r).fulfilment, (r).status::text, (r).parts, (r).not_followed_up FROM (SELECT rollup(o, 'Minst 100') AS r FROM (VALUES (NULL::numeric), (NULL)) v(o)) s$$,
	$$VALUES (NULL::numeric, 'not_followed_up', 2, 2)$$,
	'no outcome: not followed up, fulfilment NULL, counted');
SELECT results_eq(
	$$SELECT (r).fulfilment, (r).status::text, (r).parts FROM (SELECT rollup(o, t) AS r FROM (SELECT 1::numeric, 'Minst 1'::metric_target WHERE false) v(o, t)) s$$,
	$$VALUES (NULL::numeric, 'not_followed_up', 0)$$,
	'no rows: not followed up with zero counts');
SELECT is((SELECT (rollup(o, t::metric_target)).parts FROM (VALUES (1::numeric, NULL::text), (1, 'Minst 1')) v(o, t)),
		  1, 'a row without target is skipped');

-- ---------------------------------------------------------------- weights
SELECT is((SELECT (rollup(o, 'Minst 100', w)).fulfilment FROM (VALUES (80::numeric, 1::numeric), (100, 3)) v(o, w)),
		  95::numeric, 'weights: (80 + 3 * 100) / 4 = 95');
SELECT results_eq(
	$$SELECT (r).fulfilment, (r).status::text, (r).not_fulfilled FROM (SELECT rollup(o, 'Minst 100', w) AS r FROM (VALUES (50::numeric, 0::numeric), (100, 1)) v(o, w)) s$$,
	$$VALUES (100::numeric, 'fulfilled', 1)$$,
	'weight 0: out of the value, in the counts');
SELECT is((SELECT (rollup(o, 'Minst 100', w)).fulfilment FROM (VALUES (80::numeric, NULL::numeric), (100, 1)) v(o, w)),
		  90::numeric, 'a NULL weight is 1');
SELECT throws_ok($$SELECT goalmetrics.rollup(o, 'Minst 100', w) FROM (VALUES (80::numeric, -1::numeric)) v(o, w)$$,
				 '22023', NULL, 'a negative weight: 22023');
SELECT throws_ok($$SELECT goalmetrics.rollup(o, 'Minst 100', w) FROM (VALUES (80::numeric, 0.0000001::numeric)) v(o, w)$$,
				 '22023', NULL, 'a weight with 7 decimals: 22023');
SELECT throws_ok($$SELECT goalmetrics.rollup(o, 'Minst 100', w) FROM (VALUES (80::numeric, 1000001::numeric)) v(o, w)$$,
				 '22023', NULL, 'a weight above 1000000: 22023');
SELECT throws_ok($$SELECT goalmetrics.rollup(o, 'Minst 100', w) FROM (VALUES (80::numeric, 'NaN'::numeric)) v(o, w)$$,
				 '22023', NULL, 'a NaN weight: 22023');

-- ---------------------------------------------------------------- methods
SET LOCAL goalmetrics.rollup_method = worst;
SELECT results_eq(
	$$SELECT (r).fulfilment, (r).status::text FROM (SELECT rollup(o, 'Minst 100') AS r FROM (VALUES (80::numeric), (100), (100)) v(o)) s$$,
	$$VALUES (80::numeric, 'not_fulfilled')$$,
	'worst: the weakest metric decides');
SET LOCAL goalmetrics.rollup_method = share_met;
SELECT results_eq(
	$$SELECT (r).fulfilment, (r).status::text FROM (SELECT rollup(o, 'Minst 100') AS r FROM (VALUES (80::numeric), (100), (100), (100)) v(o)) s$$,
	$$VALUES (75::numeric, 'not_fulfilled')$$,
	'share_met: 3 of 4 met');
SET LOCAL goalmetrics.rollup_method = mean;
SELECT throws_ok($$SET LOCAL goalmetrics.rollup_method = median$$, '22023', NULL, 'unknown method refused');

-- -------------------------------------------------- precision contract
SELECT is((SELECT (rollup(o, 'Minst 75')).status::text FROM (VALUES (68::numeric), (67)) v(o)),
		  'not_fulfilled', '68/75 and 67/75: exactly 90, not fulfilled');
SET LOCAL goalmetrics.partly_above = 80;
SET LOCAL goalmetrics.fulfilled_at = 90;
SELECT is((SELECT (rollup(o, 'Minst 75')).status::text FROM (VALUES (68::numeric), (67)) v(o)),
		  'fulfilled', 'the exact mean 90 reaches fulfilled_at 90');
SELECT is((SELECT (rollup(o, 'Minst 100')).status::text FROM (VALUES (79.999999998::numeric), (100)) v(o)),
		  'fulfilled', '1e-9 below an edge is on it');
SELECT is((SELECT (rollup(o, 'Minst 100')).status::text FROM (VALUES (79.999999996::numeric), (100)) v(o)),
		  'partly', '2e-9 below an edge is below it');
RESET goalmetrics.partly_above;
RESET goalmetrics.fulfilled_at;
SELECT is((SELECT (rollup(o, 'Minst 100')).status::text FROM (VALUES (80.000000002::numeric), (100)) v(o)),
		  'not_fulfilled', '1e-9 above partly_above is on it');
SELECT is((SELECT (rollup(o, 'Minst 100')).status::text FROM (VALUES (80.000000004::numeric), (100)) v(o)),
		  'partly', '2e-9 above partly_above is above it');
SELECT is((SELECT (rollup(g)).status::text
		   FROM (SELECT rollup(o, 'Minst 75') AS g FROM (VALUES (1, 68::numeric), (2, 68), (3, 66.5)) v(k, o) GROUP BY k) goals),
		  'not_fulfilled', 'goals of 90.67, 90.67 and 88.67 (rounded inputs) give exactly 90');
SELECT is((SELECT (rollup(o, 'Minst 75')).fulfilment FROM (VALUES (68::numeric)) v(o)),
		  90.666666666667, 'fulfilment rounded to 12 decimals');

-- ------------------------------------------------------ one more level
SELECT results_eq(
	$$SELECT (p).fulfilment, (p).status::text, (p).parts, (p).metrics
	  FROM (SELECT rollup(g) AS p FROM (SELECT k, rollup(o, 'Minst 100') AS g
			FROM (VALUES (1, 100::numeric), (1, 100), (1, 100), (2, 80), (3, NULL)) v(k, o) GROUP BY k) goals) s$$,
	$$VALUES (90::numeric, 'not_fulfilled', 3, 5)$$,
	'each goal counts once: 100 and 80 give 90 (5 metrics, 3 goals)');
SELECT throws_ok($$SELECT goalmetrics.rollup(ROW(95, 'partly', 1, 2, 0, 1, 0, 0)::goalmetrics.rollup_result)$$,
				 '22023', NULL, 'inconsistent rollup_result: 22023');

-- ---------------------------------------------------------------- trend
SELECT is((SELECT trend(y, o, 'Minst 110') FROM (VALUES (2015, 100::numeric), (2016, 102.01)) v(y, o)),
		  'improving', 'rising by more than 2 %: improving');
SELECT is((SELECT trend(y, o, 'Minst 110') FROM (VALUES (2015, 100::numeric), (2016, 102)) v(y, o)),
		  'stable', 'rising by exactly 2 %: stable');
SELECT is((SELECT trend(y, o, 'Högst 2 100 barn') FROM (VALUES (2014, 2315::numeric), (2015, 2175), (2016, 2086)) v(y, o)),
		  'improving', 'at most: falling improves');
SELECT is((SELECT trend(y, o, 'Exakt 100') FROM (VALUES (2015, 97::numeric), (2016, 106)) v(y, o)),
		  'worsening', 'exactly: further from the target worsens');
SELECT is((SELECT trend(y, o, 'Minst 1') FROM (VALUES (2015, NULL::numeric), (2016, 5)) v(y, o)),
		  NULL, 'one followed-up year: NULL');
SELECT is((SELECT trend(y, o, 'Minst 1' ORDER BY y DESC) FROM (VALUES (2015, 1::numeric), (2016, 5)) v(y, o)),
		  'improving', 'years decide, not input order');
SELECT is(trend_symbol('improving') || trend_symbol('stable') || trend_symbol('worsening'), '↑→↓', 'trend symbols');
SELECT is(trend_symbol(NULL), NULL, 'trend_symbol(NULL) is NULL');
SELECT throws_ok($$SELECT goalmetrics.trend_symbol('sideways')$$, '22P02', NULL, 'unknown trend: 22P02, not a trend_direction');

-- ------------------------------------------------------------ state types
SELECT throws_ok($$SELECT 'v=1 level=0'::goalmetrics.rollup_state$$, '22P02', NULL, 'truncated state text: 22P02');
SELECT throws_ok($$SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=2 metrics=2 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::goalmetrics.rollup_state$$,
				 '22P02', NULL, 'inconsistent state: 22P02');
SELECT throws_ok($$SELECT 'v=1 first=2016:1 last=2015:1 target=- tolerance=-'::goalmetrics.trend_state$$, '22P02', NULL, 'inconsistent trend state: 22P02');
SELECT is((SELECT s::text::rollup_state::text FROM (SELECT rollup_accum(rollup_accum(NULL, 68, 'Minst 75', 0.5), NULL, 'Minst 1') AS s) x),
		  (SELECT s::text FROM (SELECT rollup_accum(rollup_accum(NULL, 68, 'Minst 75', 0.5), NULL, 'Minst 1') AS s) x),
		  'rollup_state text round trip');
SELECT is(length(rollup_state_send(rollup_accum(NULL, 1, 'Minst 1'))), 154, 'binary rollup_state: version, level, 13 int64, 3 int128 = 154 bytes');

-- ------------------------------------------------------- catalogue entries
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'goalmetrics'::regnamespace AND a.aggcombinefn = 0), 0::bigint,
		  'every aggregate has a combine function');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'goalmetrics'::regnamespace AND p.proname = 'rollup' AND a.aggminvtransfn = 0), 0::bigint,
		  'every rollup has an inverse transition');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'goalmetrics'::regnamespace AND a.aggtranstype = 'internal'::regtype), 0::bigint,
		  'no aggregate state is internal');
SELECT is((SELECT count(*) FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'goalmetrics'::regnamespace AND a.aggtransspace = 0), 0::bigint,
		  'every aggregate declares its state size');
SELECT is((SELECT count(*) FROM pg_proc p
		   WHERE p.pronamespace = 'goalmetrics'::regnamespace
			 AND (p.proname LIKE 'rollup%' OR p.proname LIKE 'trend%') AND p.proparallel <> 's'), 0::bigint,
		  'every roll-up and trend function is PARALLEL SAFE');
SELECT is((SELECT count(*) FROM pg_proc p LEFT JOIN pg_description d ON d.objoid = p.oid AND d.classoid = 'pg_proc'::regclass
		   WHERE p.pronamespace = 'goalmetrics'::regnamespace
			 AND (p.proname LIKE 'rollup%' OR p.proname LIKE 'trend%') AND d.description IS NULL), 0::bigint,
		  'every roll-up and trend function has a comment');

-- ----------------------------------------- parallel against serial results
CREATE FUNCTION pg_temp.tap_explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END
$$;
-- not temporary: parallel workers cannot read temporary tables
CREATE TABLE tap_rollup_big AS
SELECT i % 499 AS goal, i % 2999 AS metric, 2000 + i % 11 AS year,
	   CASE WHEN i % 17 <> 0 THEN round(((i::bigint * 7919) % 100003) % 12000 / 100.0, 2) END AS outcome,
	   ((ARRAY['Minst 65 %', 'Högst 42 %', 'Exakt 50', 'Mellan 40 och 60', 'Över 30',
			   'Minst 100', 'Minst 0 tkr'])[1 + i % 7])::metric_target AS target,
	   (i % 4)::numeric AS weight
FROM generate_series(1, 110000) i;
ANALYZE tap_rollup_big;
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TABLE tap_serial AS
SELECT goal, rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw FROM tap_rollup_big GROUP BY goal;
CREATE TABLE tap_serial_trend AS
SELECT metric, trend(year, outcome, target) AS t FROM tap_rollup_big GROUP BY metric;
SET LOCAL goalmetrics.rollup_method = worst;
CREATE TABLE tap_serial_worst AS
SELECT goal, rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw FROM tap_rollup_big GROUP BY goal;
SET LOCAL goalmetrics.rollup_method = mean;

SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT ok((SELECT bool_or(l ~ 'Partial (Hash|Group)?Aggregate') AND bool_or(l ~ 'Finalize (Hash|Group)?Aggregate')
		   FROM pg_temp.tap_explain('SELECT goal, rollup(outcome, target) FROM tap_rollup_big GROUP BY goal') l),
		  'grouped rollup plans as Partial and Finalize Aggregate');
SELECT ok((SELECT bool_or(l ~ 'Partial Aggregate') FROM pg_temp.tap_explain('SELECT trend(year, outcome, target) FROM tap_rollup_big') l),
		  'trend plans as a Partial Aggregate');
SELECT results_eq(
	'SELECT goal, rollup(outcome, target), rollup(outcome, target, weight) FROM tap_rollup_big GROUP BY goal ORDER BY goal',
	'SELECT goal, r, rw FROM tap_serial ORDER BY goal',
	'parallel roll-ups of 110 000 rows equal the serial ones (mean)');
SET LOCAL goalmetrics.rollup_method = worst;
SELECT results_eq(
	'SELECT goal, rollup(outcome, target), rollup(outcome, target, weight) FROM tap_rollup_big GROUP BY goal ORDER BY goal',
	'SELECT goal, r, rw FROM tap_serial_worst ORDER BY goal',
	'parallel roll-ups equal the serial ones (worst)');
SET LOCAL goalmetrics.rollup_method = mean;
SELECT results_eq(
	'SELECT metric, trend(year, outcome, target) FROM tap_rollup_big GROUP BY metric ORDER BY metric',
	'SELECT metric, t FROM tap_serial_trend ORDER BY metric',
	'parallel trends equal the serial ones');

SELECT * FROM finish();
ROLLBACK;
