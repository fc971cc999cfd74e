-- The one set of numeric conversions (src/numeric_io.c) at its edges: the
-- fixed-point reader (truncated toward zero, with the sign of what was
-- cut off) behind explicit thresholds, roll-up percents and weights, also
-- for values of more than 38 digits; the exact decimal <-> numeric
-- conversions behind the target accessors, metric_target() and trend().
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SELECT plan(17);

-- ------------------------------------- explicit thresholds (to millionths)
SELECT is(status(90.0000004, 'Minst 100', 90.0000005, 100)::text, 'not_fulfilled',
	'a threshold with 7 decimals rounds half away from zero: 90.0000005 is 90.000001');
SELECT is(status(90.0000004, 'Minst 100', 90.00000049999999999999999999999999999999999999, 100)::text, 'partly',
	'a threshold of more than 38 digits rounds too: 90.00000049... is 90');
SELECT is(status(50, 'Minst 100', -0.00000000000000000000000000000000000000000000000001, 100)::text, 'partly',
	'a negative threshold that rounds to 0 is 0');
SELECT throws_ok($$SELECT status(50, 'Minst 100', 1e40, 100)$$, '22023', NULL,
	'a threshold of 41 digits is out of range');

-- ------------------------------------ roll-up percents (to 1e-15 percent)
SELECT is((SELECT (rollup(r)).fulfilment FROM (VALUES (ROW(90.00000000000000000000000000000000000000000000000001, 'not_fulfilled', 1, 1, 0, 0, 1, 0)::rollup_result)) v(r)),
	90::numeric, 'a roll-up percent of 52 digits is read, truncated to 1e-15 %');
SELECT throws_ok($$SELECT rollup(r) FROM (VALUES (ROW(100.00000000000000000000000000000000000000000000000001, 'fulfilled', 1, 1, 1, 0, 0, 0)::goalmetrics.rollup_result)) v(r)$$,
	'22023', NULL, 'a roll-up percent a little above 100 is refused, however far down the excess');
SELECT throws_ok($$SELECT rollup(r) FROM (VALUES (ROW(-0.00000000000000000000000000000000000000000000000001, 'not_fulfilled', 1, 1, 0, 0, 1, 0)::goalmetrics.rollup_result)) v(r)$$,
	'22023', NULL, 'a roll-up percent a little below 0 is refused, however far down');

-- --------------------------------------------------- weights (millionths)
SELECT is((SELECT (rollup(o, 'Minst 100', w)).fulfilment FROM (VALUES (80::numeric, 0.000001::numeric), (100, 0.000003)) v(o, w)),
	95::numeric, 'weights of one millionth are exact');
SELECT throws_ok($$SELECT rollup(80, 'Minst 100', 0.00000000000000000000000000000000000000000000000001)$$,
	'22023', 'roll-up weight "0.00000000000000000000000000000000000000000000000001" has more than 6 decimals',
	'a weight of 50 decimals has more than 6 decimals');
SELECT throws_ok($$SELECT rollup(80, 'Minst 100', -0.00000000000000000000000000000000000000000000000001)$$,
	'22023', 'roll-up weight must not be negative: "-0.00000000000000000000000000000000000000000000000001"',
	'a weight a little below 0 is negative, however far down');
SELECT throws_ok($$SELECT rollup(80, 'Minst 100', 1e40)$$,
	'22023', 'roll-up weight "10000000000000000000000000000000000000000" is out of range',
	'a weight of 41 digits is out of range');

-- ------------------------------------- exact decimals <-> numeric, no text
SELECT is(target_value('Minst 0,005')::text, '0.005', 'target_value keeps the scale as written');
SELECT is(target_value('Minst -123456789012345')::text, '-123456789012345', 'target_value of 15 digits');
SELECT is(metric_target('at_least', 42.0)::text, 'Minst 42,0', 'metric_target() keeps the display scale of its numeric');
SELECT throws_ok($$SELECT metric_target('at_least', 1.00000000000000000000000000000000000000000000000000)$$,
	'22003', NULL, 'a numeric with 51 digits at its display scale has too many significant digits');
SELECT is((SELECT trend(y, o, 'Minst 1') FROM (VALUES (2014, 12345678901234567.890123456789012345678), (2016, 12345678901234567.890123456789012345679)) v(y, o))::text,
	'stable', 'trend of 38-digit outcomes: a last-digit gain is within the tolerance');
SELECT is((SELECT trend(y, o, 'Högst 1') FROM (VALUES (2014, 12345678901234567890123456789012345678), (2016, 22345678901234567890123456789012345678)) v(y, o))::text,
	'worsening', 'trend of 38-digit integers, downward target');

SELECT * FROM finish();
ROLLBACK;
