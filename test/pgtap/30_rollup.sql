-- rollup() and trend(): the rules with their SQLSTATEs, the precision
-- contract, the catalogue entries (labels, combine and inverse functions,
-- state types), parallel against serial results on 120 000 rows, and the
-- aggregates with rules as arguments (issue 16).
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SELECT plan(95);

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
SELECT is(length(rollup_state_send(rollup_accum(NULL, 1, 'Minst 1'))), 155, 'binary rollup_state: version, level, method, 13 int64, 3 int128 = 155 bytes');

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

-- ----------------------------------------------- parallel, rules as arguments
-- the explicit-rules aggregates split over workers give the serial answers
-- of the setting-reading ones under the same rules, whatever the session says
SET LOCAL goalmetrics.partly_above = 50;
SET LOCAL goalmetrics.rollup_method = share_met;
SET LOCAL goalmetrics.trend_tolerance = 40;
SELECT ok((SELECT bool_or(l ~ 'Partial')
		   FROM pg_temp.tap_explain($$SELECT goal, rollup(outcome, target, weight, 90, 100, 'mean') FROM tap_rollup_big GROUP BY goal$$) l),
		  'rollup with rule arguments runs as a parallel partial aggregate');
SELECT results_eq(
	$$SELECT goal, rollup(outcome, target, 1, 90, 100, 'mean'), rollup(outcome, target, weight, 90, 100, 'mean') FROM tap_rollup_big GROUP BY goal ORDER BY goal$$,
	'SELECT goal, r, rw FROM tap_serial ORDER BY goal',
	'parallel roll-ups with rules (90, 100, mean) equal the serial ones under the default settings');
SELECT results_eq(
	$$SELECT goal, rollup(outcome, target, NULL, 90, 100, 'worst'), rollup(outcome, target, weight, 90, 100, 'worst') FROM tap_rollup_big GROUP BY goal ORDER BY goal$$,
	'SELECT goal, r, rw FROM tap_serial_worst ORDER BY goal',
	'... and with method worst');
SELECT results_eq(
	'SELECT metric, trend(year, outcome, target, 2) FROM tap_rollup_big GROUP BY metric ORDER BY metric',
	'SELECT metric, t FROM tap_serial_trend ORDER BY metric',
	'parallel trends with tolerance 2 equal the serial ones under the default setting');
RESET goalmetrics.partly_above;
RESET goalmetrics.rollup_method;
RESET goalmetrics.trend_tolerance;
SET LOCAL max_parallel_workers_per_gather = 0;

-- -------------------------------------------------------- rules as arguments
CREATE TEMP TABLE tap_rules (g int, o numeric, t metric_target, w numeric, y int);
INSERT INTO tap_rules VALUES
	(1, 95, 'Minst 100', 1, 2015), (1, 50, 'Minst 100', 2, 2016), (1, 100, 'Minst 100', NULL, 2017),
	(2, 85, 'Minst 100', 1, 2015), (2, NULL, 'Minst 100', 1, 2016), (2, 30, 'Högst 10', 0, 2017),
	(3, 120, 'Minst 100', 1, 2015), (3, 100, 'Minst 100', 3, 2016);
CREATE FUNCTION pg_temp.tap_rollup_with(grp int, m rollup_method) RETURNS rollup_result LANGUAGE plpgsql AS $$
DECLARE
	r rollup_result;
BEGIN
	PERFORM set_config('goalmetrics.partly_above', '80', true);
	PERFORM set_config('goalmetrics.rollup_method', m::text, true);
	r := (SELECT rollup(o, t, w) FROM tap_rules WHERE g = grp);
	PERFORM set_config('goalmetrics.partly_above', '90', true);
	PERFORM set_config('goalmetrics.rollup_method', 'mean', true);
	RETURN r;
END $$;
-- the same answers as the setting-reading aggregates, for every outcome type and method
SELECT results_eq(
	$$SELECT g, m, rollup(o, t, w, 80, 100, m), rollup(o::float8, t, w, 80, 100, m), rollup(o::float4, t, w, 80, 100, m),
			 rollup(round(o)::int4, t, w, 80, 100, m), rollup(round(o)::int8, t, w, 80, 100, m)
	  FROM tap_rules, unnest(enum_range(NULL::rollup_method)) m GROUP BY g, m ORDER BY g, m$$,
	$$SELECT g, m, r, r, r, r, r FROM (SELECT g, m, pg_temp.tap_rollup_with(g, m) AS r FROM (SELECT DISTINCT g FROM tap_rules) x,
			 unnest(enum_range(NULL::rollup_method)) m) y ORDER BY g, m$$,
	'rollup(outcome, target, weight, 80, 100, method) equals rollup(outcome, target, weight) under those settings, for all five outcome types');
SET LOCAL goalmetrics.partly_above = 10;
SET LOCAL goalmetrics.fulfilled_at = 20;
SET LOCAL goalmetrics.rollup_method = worst;
SELECT results_eq(
	$$SELECT g, rollup(o, t, w, 90, 100, 'share_met') FROM tap_rules GROUP BY g ORDER BY g$$,
	$$VALUES (1, '(25,not_fulfilled,3,3,1,1,1,0)'::rollup_result), (2, '(0,not_fulfilled,3,3,0,0,2,1)'), (3, '(100,fulfilled,2,2,2,0,0,0)')$$,
	'rules as arguments: the session settings (10, 20, worst) are not read');
SELECT results_eq(
	$$SELECT rollup(r, 90, 100, 'worst') FROM (SELECT g, rollup(o, t, w, 90, 100, 'mean') AS r FROM tap_rules GROUP BY g) x$$,
	$$VALUES ('(73.75,not_fulfilled,3,8,3,1,3,1)'::rollup_result)$$,
	'rollup(rollup_result, 90, 100, worst): the weakest goal, not the session''s method');
SELECT is((SELECT trend(y, o, 'Minst 100', 2) FROM tap_rules WHERE g = 3), 'worsening'::trend_direction,
		  'trend(..., 2): 120 to 100 worsens under tolerance 2 ...');
SELECT is((SELECT trend(y, o, 'Minst 100', 20) FROM tap_rules WHERE g = 3), 'stable'::trend_direction,
		  '... and is stable under tolerance 20, whatever goalmetrics.trend_tolerance says');
SELECT is((SELECT rollup(o, t, w, p, 100.000, 'mean')::text
		   FROM tap_rules, (VALUES (90::numeric), (90.0), (90.0000001)) v(p) WHERE g = 1),
		  '(73.75,not_fulfilled,9,9,3,3,3,0)',
		  'rule arguments from a column: 90, 90.0 and 90.0000001 are the same rule');
SELECT results_eq(
	$$SELECT g, rollup(o, t, w, 90, 100, 'worst') OVER (ORDER BY g, y ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM tap_rules ORDER BY g, y$$,
	$$SELECT g, (SELECT rollup(b.o, b.t, b.w, 90, 100, 'worst') FROM tap_rules b
				 WHERE (b.g, b.y) IN (SELECT c.g, c.y FROM tap_rules c WHERE (c.g, c.y) <= (a.g, a.y) ORDER BY c.g DESC, c.y DESC LIMIT 2))
	  FROM tap_rules a ORDER BY g, y$$,
	'a moving window with rules (inverse transition) equals each frame rolled up alone');
RESET goalmetrics.partly_above;
RESET goalmetrics.fulfilled_at;
RESET goalmetrics.rollup_method;

-- the state carries the rules; text and binary forms round-trip
SELECT is(rollup_accum(NULL, 95::numeric, 'Minst 100'::metric_target, 1, 80, 100, 'share_met')::text,
		  'v=1 level=1 partly_above=80000000 fulfilled_at=100000000 method=3 parts=1 metrics=1 fulfilled=0 partly=1 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=0 worst=95000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=95000000000000000000000 weighted_met=0',
		  'rollup_state carries the method (3: share_met) beside the thresholds');
SELECT is(trend_accum(NULL, 2016, 5, 'Minst 5', 2.5)::text, 'v=1 first=2016:5 last=2016:5 target=2016:001005 tolerance=2500000',
		  'trend_state carries the tolerance in millionths');
SELECT throws_ok($$SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=4 parts=1 metrics=1 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=1 worst=100000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=100000000000000000000000 weighted_met=1000000'::rollup_state$$,
		  '22P02', NULL, 'rollup_state method 4: refused');
SELECT throws_ok($$SELECT 'v=1 level=0 partly_above=0 fulfilled_at=0 method=1 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state$$,
		  '22P02', NULL, 'an empty rollup_state with a method: refused');
SELECT throws_ok($$SELECT 'v=1 first=- last=- target=- tolerance=100000001'::trend_state$$, '22P02', NULL, 'trend_state tolerance above 100 %: refused');
SELECT throws_ok($$SELECT 'v=1 first=- last=- target=- tolerance=02'::trend_state$$, '22P02', NULL, 'trend_state tolerance not canonical: refused');
SELECT throws_ok($$SELECT 'v=1 first=- last=- target=-'::trend_state$$, '22P02', NULL, 'trend_state without its tolerance: refused');

-- bad rules
SELECT throws_ok($$SELECT rollup(o, t, w, NULL, 100, 'mean') FROM tap_rules$$, '22004', 'roll-up rule partly_above must not be NULL', 'NULL partly_above: 22004');
SELECT throws_ok($$SELECT rollup(o, t, w, 90, NULL, 'mean') FROM tap_rules$$, '22004', 'roll-up rule fulfilled_at must not be NULL', 'NULL fulfilled_at: 22004');
SELECT throws_ok($$SELECT rollup(o, t, w, 90, 100, NULL) FROM tap_rules$$, '22004', 'roll-up rule method must not be NULL', 'NULL method: 22004');
SELECT throws_ok($$SELECT rollup(r, 90, 100, NULL) FROM (SELECT rollup(o, t) AS r FROM tap_rules) x$$, '22004', NULL, 'NULL method of rollup(rollup_result, ...): 22004');
SELECT throws_ok($$SELECT rollup(o, t, w, 90 - g, 100, 'mean') FROM tap_rules$$, '22023', 'roll-up rules differ within one roll-up', 'partly_above differing between rows: 22023');
SELECT throws_ok($$SELECT rollup(o, t, w, 50, 100 - g, 'mean') FROM tap_rules$$, '22023', 'roll-up rules differ within one roll-up', 'fulfilled_at differing between rows: 22023');
SELECT throws_ok($$SELECT rollup(o, t, w, 90, 100, CASE WHEN g = 1 THEN 'mean' ELSE 'worst' END::rollup_method) FROM tap_rules$$, '22023', 'roll-up rules differ within one roll-up', 'method differing between rows: 22023');
SELECT throws_ok($$SELECT rollup(r, 90, 100, CASE WHEN (r).parts = 3 THEN 'mean' ELSE 'worst' END::rollup_method) FROM (SELECT g, rollup(o, t) AS r FROM tap_rules GROUP BY g) x$$,
		  '22023', 'roll-up rules differ within one roll-up', 'rollup(rollup_result, ...) with differing methods: 22023');
SELECT throws_ok($$SELECT rollup(o, t, w, 100, 90, 'mean') FROM tap_rules$$, '22023', NULL, 'partly_above above fulfilled_at: 22023');
SELECT throws_ok($$SELECT rollup(o, t, w, 90, 100.5, 'mean') FROM tap_rules$$, '22023', NULL, 'fulfilled_at above 100: 22023');
SELECT throws_ok($$SELECT rollup_combine(rollup_accum(NULL, 90::numeric, 'Minst 100'::metric_target, 1, 80, 100, 'worst'),
										 rollup_accum(NULL, 90::numeric, 'Minst 100'::metric_target, 1, 80, 100, 'mean'))$$,
		  '22023', 'cannot combine roll-up states made with different rules', 'combine: states with different methods are refused');
SELECT throws_ok($$SELECT rollup_combine(rollup_accum(NULL, 90::numeric, 'Minst 100'::metric_target, 1, 90, 100, 'mean'),
										 rollup_accum(NULL, 90::numeric, 'Minst 100'::metric_target))$$,
		  '22023', 'cannot combine roll-up states made with different rules', 'combine: a state with rules and one of the settings are refused');
SELECT throws_ok($$SELECT rollup_final_rules(rollup_accum(NULL, 90::numeric, 'Minst 100'::metric_target))$$,
		  '22023', 'roll-up state carries no method', 'rollup_final_rules of a state without a method: 22023');
SELECT is((rollup_final(rollup_accum(NULL, 90::numeric, 'Minst 100'::metric_target, 1, 50, 100, 'worst'))).status::text, 'partly',
		  'rollup_final applies the method and thresholds a state carries');
SELECT throws_ok($$SELECT trend(y, o, t, NULL) FROM tap_rules$$, '22004', 'trend tolerance must not be NULL', 'NULL tolerance: 22004');
SELECT throws_ok($$SELECT trend(y, o, t, g) FROM tap_rules$$, '22023', 'trend tolerance differs within one trend', 'tolerance differing between rows: 22023');
SELECT throws_ok($$SELECT trend_combine(trend_accum(NULL, 2016, 5, 'Minst 5', 2.5), trend_accum(NULL, 2015, 5, 'Minst 5', 3))$$,
		  '22023', 'cannot combine trend states made with different tolerances', 'trend_combine: different tolerances are refused');
SELECT throws_ok($$SELECT trend_combine(trend_accum(NULL, 2016, 5, 'Minst 5', 2), trend_accum(NULL, 2015, 5, 'Minst 5'))$$,
		  '22023', 'cannot combine trend states made with different tolerances', 'trend_combine: a tolerance and the setting are refused');
SELECT throws_ok($$SELECT trend_final_rules(trend_accum(trend_accum(NULL, 2015, 4, 'Minst 5'), 2016, 5, 'Minst 5'))$$,
		  '22023', 'trend state carries no tolerance', 'trend_final_rules of a state without a tolerance: 22023');

-- volatility: a function that reads a setting is STABLE, one that reads none IMMUTABLE
SELECT is((SELECT array_agg(DISTINCT p.provolatile::text) FROM pg_aggregate a JOIN pg_proc f ON f.oid = a.aggfnoid
		   JOIN pg_proc p ON p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn)
		   WHERE f.pronamespace = 'goalmetrics'::regnamespace
			 AND ('rollup_method'::regtype = ANY (f.proargtypes) OR (f.proname = 'trend' AND f.pronargs = 4))),
		  ARRAY['i'], 'the aggregates with rule arguments: transition, inverse, combine and final are IMMUTABLE');
SELECT is((SELECT provolatile::text FROM pg_proc WHERE oid = 'trend_final_rules(trend_state)'::regprocedure), 'i', 'trend_final_rules is IMMUTABLE');
SELECT is((SELECT array_agg(DISTINCT provolatile::text ORDER BY provolatile::text) FROM pg_proc
		   WHERE oid IN ('rollup_final(rollup_state)'::regprocedure, 'trend_final(trend_state)'::regprocedure,
						 'rollup_accum(rollup_state, numeric, metric_target)'::regprocedure,
						 'rollup_accum(rollup_state, rollup_result)'::regprocedure, 'current_rules()'::regprocedure)),
		  ARRAY['s'], 'the setting-reading transition and final functions and current_rules() are STABLE');

-- current_rules(): the settings in force
SET LOCAL goalmetrics.partly_above = 85.5;
SET LOCAL goalmetrics.rollup_method = worst;
SELECT is(current_rules()::text, '(85.5,100,worst,2)', 'current_rules() shows the settings in force');
SELECT is((SELECT rollup(o, t, w, r.partly_above, r.fulfilled_at, r.rollup_method)::text FROM tap_rules, current_rules() r WHERE g = 2),
		  (SELECT rollup(o, t, w)::text FROM tap_rules WHERE g = 2),
		  'rollup(..., current_rules()) equals rollup() under the settings');
RESET goalmetrics.partly_above;
RESET goalmetrics.rollup_method;

SELECT * FROM finish();
ROLLBACK;
