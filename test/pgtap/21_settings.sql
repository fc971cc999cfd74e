-- The goalmetrics.* settings: in pg_settings with their bounds, refused
-- outside them, and what partly_above and fulfilled_at change.
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SELECT plan(35);

-- load the library (the settings are defined by it)
SELECT is(status_of_percent(100)::text, 'fulfilled', 'the library is loaded');

SELECT results_eq(
	$$SELECT name::text, boot_val, min_val, max_val, vartype, context
	  FROM pg_settings WHERE name LIKE 'goalmetrics.%' ORDER BY name$$,
	$$VALUES ('goalmetrics.fulfilled_at', '100', '0', '100', 'real', 'user'),
	         ('goalmetrics.partly_above', '90', '0', '100', 'real', 'user'),
	         ('goalmetrics.rollup_method', 'mean', NULL, NULL, 'enum', 'user'),
	         ('goalmetrics.trend_tolerance', '2', '0', '100', 'real', 'user')$$,
	'four settings in pg_settings, with defaults and bounds');
SELECT is((SELECT enumvals FROM pg_settings WHERE name = 'goalmetrics.rollup_method'),
          ARRAY['mean', 'worst', 'share_met'], 'rollup_method: mean, worst, share_met');
SELECT is((SELECT count(*) FROM pg_settings WHERE name LIKE 'goalmetrics.%'
           AND (short_desc IS NULL OR short_desc = '')), 0::bigint, 'every setting is described');

-- refused on SET with the server's error
SELECT throws_ok($$SET goalmetrics.partly_above = 100.5$$, '22023', NULL, 'partly_above above 100: refused');
SELECT throws_ok($$SET goalmetrics.partly_above = -1$$, '22023', NULL, 'partly_above below 0: refused');
SELECT throws_ok($$SET goalmetrics.fulfilled_at = 101$$, '22023', NULL, 'fulfilled_at above 100: refused');
SELECT throws_ok($$SET goalmetrics.fulfilled_at = 'all'$$, '22023', NULL, 'fulfilled_at not a number: refused');
SELECT throws_ok($$SET goalmetrics.trend_tolerance = 100.01$$, '22023', NULL, 'trend_tolerance above 100: refused');
SELECT throws_ok($$SET goalmetrics.trend_tolerance = -0.01$$, '22023', NULL, 'trend_tolerance below 0: refused');
SELECT throws_ok($$SET goalmetrics.rollup_method = 'median'$$, '22023', NULL, 'an unknown method: refused');
SELECT throws_ok($$SET goalmetrics.no_such_setting = 1$$, '42602', NULL, 'the goalmetrics prefix is reserved');
SELECT lives_ok($$SET LOCAL goalmetrics.rollup_method = 'share_met'$$, 'share_met accepted');
SELECT is(current_setting('goalmetrics.rollup_method'), 'share_met', 'and set');
SELECT lives_ok($$SET LOCAL goalmetrics.trend_tolerance = 0$$, 'trend_tolerance 0 accepted');
SELECT is(current_setting('goalmetrics.trend_tolerance'), '0', 'and set');

-- partly_above
SET LOCAL goalmetrics.partly_above = 95;
SELECT is(status(68, 'Minst 75 %')::text, 'not_fulfilled', 'partly_above 95: 90.67 % is not fulfilled');
SELECT is(status(96, 'Minst 100')::text, 'partly', 'partly_above 95: 96 % is partly');
SELECT is(status_of_percent(95)::text, 'not_fulfilled', 'partly_above 95: a percent of 95 is not fulfilled');
SET LOCAL goalmetrics.partly_above = 85;
SELECT is(status(81.9, 'Minst 91')::text, 'partly', 'partly_above 85: exactly 90 % is partly');

-- fulfilled_at
SET LOCAL goalmetrics.partly_above = 90;
SET LOCAL goalmetrics.fulfilled_at = 95;
SELECT is(status(57, 'Minst 60')::text, 'fulfilled', 'fulfilled_at 95: 95 % is fulfilled');
SELECT is(status(56.99, 'Minst 60')::text, 'partly', 'fulfilled_at 95: 94.98 % is partly');
SELECT is(status(5, 'Över 5')::text, 'fulfilled', 'fulfilled_at 95: an unmet strict target at 100 % is fulfilled');
SELECT is(status_of_percent(95)::text, 'fulfilled', 'fulfilled_at 95: a percent of 95 is fulfilled');

-- the pair is checked when used
SET LOCAL goalmetrics.partly_above = 95;
SELECT throws_ok($$SELECT goalmetrics.status(5, 'Minst 5')$$, '22023',
                 'goalmetrics settings: partly_above (95) must be below fulfilled_at (95)',
                 'partly_above equal to fulfilled_at: 22023 when used');
SELECT throws_ok($$SELECT goalmetrics.status_of_percent(50.5)$$, '22023', NULL,
                 'also for the status of a percent');
SELECT is(status(5, 'Minst 5', 90, 100)::text, 'fulfilled', 'explicit thresholds read no setting');

-- exact values: SHOW and current_setting() give the value in force, which
-- refresh_summary() records (41_reports.sql); more than six decimals (the
-- thresholds are used in millionths) is refused, not rounded
SET LOCAL goalmetrics.fulfilled_at = 100;
SET LOCAL goalmetrics.partly_above = 90.000001;
SELECT is(current_setting('goalmetrics.partly_above'), '90.000001', 'partly_above 90.000001 shows as 90.000001, not 90');
SELECT is(status_of_percent(90.0000005)::text, 'not_fulfilled', '... and 90.0000005 % is not fulfilled under it');
SET LOCAL goalmetrics.fulfilled_at = 99.999999;
SELECT is(current_setting('goalmetrics.fulfilled_at'), '99.999999', 'fulfilled_at 99.999999 shows exactly');
SET LOCAL goalmetrics.trend_tolerance = 2.000001;
SELECT is(current_setting('goalmetrics.trend_tolerance'), '2.000001', 'trend_tolerance 2.000001 shows exactly');
SELECT throws_ok($$SET goalmetrics.partly_above = 90.0000001$$, '22023', NULL,
                 'partly_above with 7 decimals: refused, not rounded to 90');
SELECT throws_ok($$SET goalmetrics.fulfilled_at = 99.9999995$$, '22023', NULL, 'fulfilled_at with 7 decimals: refused');
SELECT throws_ok($$SET goalmetrics.trend_tolerance = 2.0000004$$, '22023', NULL, 'trend_tolerance with 7 decimals: refused');
SELECT is(current_setting('goalmetrics.partly_above'), '90.000001', 'a refused SET changes nothing');

SELECT * FROM finish();
ROLLBACK;
