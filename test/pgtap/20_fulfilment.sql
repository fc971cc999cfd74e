-- fulfilment, meets, status and the labels: rules, band edges both ways,
-- NULLs, overloads, errors with their SQLSTATEs, function labels, and the
-- status enum's OIDs across DROP/CREATE EXTENSION in one session.
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SET LOCAL extra_float_digits = 1;
SELECT plan(88);

-- the explicit variant can index and generate
SELECT lives_ok($$CREATE TEMP TABLE gen_col (o numeric, t goalmetrics.metric_target,
                  s goalmetrics.status_band GENERATED ALWAYS AS (goalmetrics.status(o, t, 90, 100)) STORED)$$,
                'status with explicit thresholds works in a generated column');
SELECT throws_ok($$CREATE TEMP TABLE gen_col2 (o numeric, t goalmetrics.metric_target,
                  s goalmetrics.status_band GENERATED ALWAYS AS (goalmetrics.status(o, t)) STORED)$$,
                 '42P17', NULL, 'status by the settings is refused there (not immutable)');
INSERT INTO gen_col VALUES (68, 'Minst 75 %'), (81.9, 'Minst 91'), (NULL, 'Minst 1');
SELECT results_eq($$SELECT s::text FROM gen_col ORDER BY o NULLS LAST$$,
                  ARRAY['partly', 'not_fulfilled', 'not_followed_up'], 'the generated column holds the bands');

-- ------------------------------------------------------------- the rules
SELECT is(fulfilment(48, 'Minst 65 %'), 73.846153846153846, 'at least: 48 / 65');
SELECT is(fulfilment(80, 'Minst 65 %'), 100::numeric, 'at least: capped at 100');
SELECT is(fulfilment(80, 'Minst 65 %', false), 123.076923076923076, 'at least: uncapped');
SELECT is(fulfilment(-3, 'Minst 65 %'), 0::numeric, 'at least: a negative outcome scores 0');
SELECT is(fulfilment(0, 'Minst 0'), 100::numeric, 'zero target met: 100');
SELECT is(fulfilment(-1, 'Minst 0'), 0::numeric, 'zero target unmet: 0');
SELECT is(fulfilment(44, 'Max 42 %'), 95.454545454545454, 'at most: 42 / 44');
SELECT is(fulfilment(0, 'Max 42 %'), 100::numeric, 'at most: zero outcome is met');
SELECT is(fulfilment(1, 'Högst 0'), 0::numeric, 'at most 0 unmet: 0');
SELECT is(fulfilment(-4, 'Högst -5'), 0::numeric, 'at most -5, -4 unmet: 0');
SELECT is(meets(5, 'Över 5'), false, 'above is strict');
SELECT is(status(5, 'Över 5')::text, 'partly', 'above: equal is ratio 100 but unmet: partly');
SELECT is(meets(5, 'Under 5'), false, 'below is strict');
SELECT is(meets(4.999, 'Under 5'), true, 'below: a hair under is met');
SELECT is(fulfilment(8, 'Exakt 10'), 80::numeric, 'exactly: 1 - 2/10');
SELECT is(fulfilment(25, 'Exakt 10'), 0::numeric, 'exactly: clamped at 0');
SELECT is(fulfilment(0.1, 'Exakt 0'), 0::numeric, 'exactly 0 unmet: 0');
SELECT is(meets(105, 'Mellan 95 och 105 %'), true, 'a range is inclusive');
SELECT is(fulfilment(94, 'Mellan 95 och 105 %'), 98.947368421052631, 'below a range: 1 - 1/95');
SELECT is(fulfilment(106, 'Mellan 95 och 105 %'), 99.047619047619047, 'above a range: 1 - 1/105');
SELECT is(fulfilment(73, 'Öka från 70 % till 75 %'), 60::numeric, 'baseline: 3 of 5');
SELECT is(fulfilment(60, 'Öka från 70 % till 75 %'), 0::numeric, 'baseline: backwards is 0, never negative');
SELECT is(fulfilment(35, 'Minska från 40 till 30'), 50::numeric, 'baseline downwards: (35-40)/(30-40)');
SELECT is(fulfilment(97, '100 %'), 97::numeric, 'a bare target is at least');

-- ------------------------------------------------------- band edges
SELECT is(status(81.9, 'Minst 91')::text, 'not_fulfilled', '81.9 / 91 is exactly 90: not fulfilled');
SELECT is(status(81.900000000000000000001, 'Minst 91')::text, 'partly', 'a hair above 90: partly');
SELECT is(status(35, 'Högst 31,5')::text, 'not_fulfilled', '31.5 / 35 is exactly 90: not fulfilled');
SELECT is(status(34.999999999999999999999, 'Högst 31,5')::text, 'partly', 'a hair under 35: partly');
SELECT is(status(68, 'Minst 75 %')::text, 'partly', '90.67 %: partly');
SELECT is(status(99.7, 'Minst 100')::text, 'partly', 'an unmet 99.7 % is partly, not rounded up');
SELECT is(status(90.999999999999999999999, 'Minst 91')::text, 'partly', 'a hair under the target: partly');
SELECT is(status(91, 'Minst 91')::text, 'fulfilled', 'on the target: fulfilled');
SELECT is(status(2.70000000000000000001, 'Minst 3')::text, 'partly',
          'above 90 by less than 1e-15 %: partly, though fulfilment() shows 90');
SELECT is(status(81.9::float8, 'Minst 91')::text, 'not_fulfilled', 'float8 81.9 is read as 81.9');
SELECT is(status(81.90000000000002::float8, 'Minst 91')::text, 'partly', 'the next float8 up is partly');
SELECT is(status(81.9::real, 'Minst 91')::text, 'not_fulfilled', 'real 81.9 is read as 81.9');

-- ---------------------------------------------------------- thresholds
SELECT is(status(57, 'Minst 60', 90, 95)::text, 'fulfilled', 'fulfilled_at 95: 95 % is fulfilled');
SELECT is(status(56.99, 'Minst 60', 90, 95)::text, 'partly', 'fulfilled_at 95: 94.98 % is partly');
SELECT is(status(57, 'Minst 60', 95, 99)::text, 'not_fulfilled', 'partly_above 95: 95 % is not fulfilled');
SELECT throws_ok($$SELECT goalmetrics.status(5, 'Minst 5', 95, 90)$$, '22023', NULL,
                 'partly_above not below fulfilled_at: 22023');
SELECT throws_ok($$SELECT goalmetrics.status(5, 'Minst 5', 90, 101)$$, '22023', NULL,
                 'a threshold above 100: 22023');
SELECT throws_ok($$SELECT goalmetrics.status(5, 'Minst 5', -0.5, 100)$$, '22023', NULL,
                 'a negative threshold: 22023');
SELECT is(status_of_percent(93, 90, 95)::text, 'partly', 'status of a percent, explicit thresholds');
SELECT is(status_of_percent(95, 90, 95)::text, 'fulfilled', 'a percent at fulfilled_at is fulfilled');

-- --------------------------------------------------------------- NULLs
SELECT is(status(NULL::numeric, 'Minst 5')::text, 'not_followed_up', 'no outcome: not followed up');
SELECT is(status(NULL::float8, 'Minst 5')::text, 'not_followed_up', 'no float8 outcome: not followed up');
SELECT is(status(NULL::integer, 'Minst 5', 90, 100)::text, 'not_followed_up', 'explicit, no outcome: not followed up');
SELECT is(status(5, NULL::metric_target), NULL, 'no target: NULL');
SELECT is(status_of_percent(NULL::numeric)::text, 'not_followed_up', 'no percent: not followed up');
SELECT is(fulfilment(NULL::numeric, 'Minst 5'), NULL, 'fulfilment of no outcome: NULL');
SELECT is(meets(NULL::integer, 'Minst 5'), NULL, 'meets of no outcome: NULL');

-- -------------------------------------------------------------- errors
SELECT throws_ok($$SELECT goalmetrics.fulfilment('NaN'::numeric, 'Minst 5')$$, '22023',
                 'outcome must be a finite number, not "NaN"', 'NaN outcome: 22023');
SELECT throws_ok($$SELECT goalmetrics.status('Infinity'::numeric, 'Minst 5')$$, '22023',
                 'outcome must be a finite number, not "Infinity"', 'Infinity outcome: 22023');
SELECT throws_ok($$SELECT goalmetrics.meets('-Infinity'::float8, 'Minst 5')$$, '22023',
                 'outcome must be a finite number, not "-Infinity"', 'float8 -Infinity: 22023');
SELECT throws_ok($$SELECT goalmetrics.fulfilment('NaN'::real, 'Minst 5', false)$$, '22023', NULL,
                 'real NaN: 22023');
SELECT throws_ok($$SELECT goalmetrics.status_of_percent('NaN'::numeric)$$, '22023', NULL, 'NaN percent: 22023');
SELECT throws_ok($$SELECT goalmetrics.status_label('fulfilled', 'fr')$$, '22023', NULL,
                 'unknown label language: 22023');

-- ------------------------------------------------ huge and tiny outcomes
SELECT is(fulfilment(1e100, 'Minst 91'), 100::numeric, '1e100 meets at least 91');
SELECT is(fulfilment(-1e100, 'Minst 91'), 0::numeric, '-1e100 scores 0');
SELECT is(fulfilment(1e100, 'Högst 91', false), 0::numeric, '91 / 1e100 truncates to 0');
SELECT is(status(81.9 + 1e-1000, 'Minst 91')::text, 'partly', '1e-1000 above the edge is partly');
SELECT is(fulfilment(0.000000000000000000000000000001, 'Minst 0,000000000000002'), 0.00000000000005,
          '30 decimals: 1e-30 / 2e-15');
SELECT is(fulfilment(123456789012345678901234567890.5, 'Minst 65'),
          least(100, fulfilment(123456789012345678901234567890.5, 'Minst 65', false)),
          'capped and uncapped agree beyond 128 bits');

-- ------------------------------------------- overloads agree with numeric
SELECT is((SELECT count(*) FROM generate_series(-50, 250) i,
                (VALUES ('Minst 65 %'::metric_target), ('Högst 31,5'), ('Exakt 100'), ('Över 0'),
                        ('Mellan 95 och 105 %'), ('Öka från 70 % till 75 %')) t(t)
           WHERE status(i, t) <> status(i::numeric, t) OR status(i::bigint, t) <> status(i::numeric, t)
              OR fulfilment(i, t) <> fulfilment(i::numeric, t)
              OR status((i / 10.0)::float8, t) <> status((i / 10.0)::float8::text::numeric, t)
              OR fulfilment((i / 10.0)::float8, t) <> fulfilment((i / 10.0)::float8::text::numeric, t)),
          0::bigint, 'integer, bigint and float8 overloads decide as numeric');

-- ------------------------------------------------ labels
SELECT is(status_label('fulfilled'), 'Uppfyllelse 100 procent', 'Swedish label, fulfilled');
SELECT is(status_label('partly'), 'Uppfyllelse 91–99 procent', 'Swedish label, partly');
SELECT is(status_label('not_fulfilled'), 'Uppfyllelse 90 procent eller lägre', 'Swedish label, not fulfilled');
SELECT is(status_label('not_followed_up'), 'Uppföljning är inte genomförd', 'Swedish label, not followed up');
SELECT is(status_label('partly', 'en'), 'Partly fulfilled (91–99 %)', 'English label');
SELECT is(status_colour('fulfilled'), '#2E7D32', 'green');
SELECT is(status_colour('not_followed_up'), '#9E9E9E', 'grey');
SELECT is(status_symbol('not_fulfilled'), '✗', 'symbol');

-- ------------------------------------------ targets over time (issue 17)
SELECT lives_ok($$CREATE TEMP TABLE gen_prev (o numeric, p numeric, t goalmetrics.metric_target,
                  s goalmetrics.status_band GENERATED ALWAYS AS
                    (goalmetrics.status(o, t, 90, 100, previous => p, lower_is_better => false)) STORED)$$,
                'status with thresholds and a previous outcome works in a generated column');
INSERT INTO gen_prev VALUES (80, 75, 'Öka'), (70, 75, 'Öka'), (70, NULL, 'Öka'), (70, 75, 'Minst 65 %');
SELECT results_eq($$SELECT s::text FROM gen_prev ORDER BY o DESC, p NULLS LAST, t$$,
                  ARRAY['fulfilled', 'fulfilled', 'partly', 'not_followed_up'],
                  'increase after 75: 80 met, 70 partly; plain: previous ignored; no previous: not followed up');
SELECT is((SELECT string_agg(DISTINCT p.provolatile::text, ',')
           FROM pg_proc p WHERE p.pronamespace = 'goalmetrics'::regnamespace
             AND p.proname = 'status' AND 'previous' = ANY (p.proargnames) AND p.pronargs = 3),
          's', 'status(outcome, target, previous) reads the settings: STABLE');
SELECT is((SELECT string_agg(DISTINCT p.provolatile::text, ',')
           FROM pg_proc p WHERE p.pronamespace = 'goalmetrics'::regnamespace
             AND p.proname IN ('status', 'fulfilment', 'meets', 'judged_target')
             AND 'previous' = ANY (p.proargnames)
             AND NOT (p.proname = 'status' AND p.pronargs = 3)),
          'i', 'fulfilment, meets, judged_target and status with thresholds, with a previous outcome: IMMUTABLE');
SELECT is((SELECT count(*)::int FROM pg_proc p WHERE p.pronamespace = 'goalmetrics'::regnamespace
             AND p.proname IN ('status', 'fulfilment', 'meets') AND 'previous' = ANY (p.proargnames)),
          20, 'a variant with previous of fulfilment, meets and both status for each of the five outcome types');
SELECT is(status(80, 'Öka')::text, 'not_followed_up', 'a direction target without previous: not followed up');
SELECT is(fulfilment(80, 'Öka'), NULL::numeric, '... and no fulfilment');
SELECT is(meets(76::bigint, 'Bibehålla', previous => 75::bigint), true, 'maintain: better is met');
SELECT is(status(82, target_for_year('Öka från 81 % 2016 till 85 % 2019', 2017)),
          status(82, 'Minst 82,33 %'), 'a year on the glide path judges as the hand-written target');
SELECT is(((rollup(o, t)).not_followed_up), 1,
          'the roll-up counts a direction target without previous as not followed up')
FROM (SELECT 80::numeric AS o, 'Öka'::goalmetrics.metric_target AS t) v;

-- ------------------------- the enum's OIDs survive DROP/CREATE in one session
SELECT is(status(68, 'Minst 75 %')::text, 'partly', 'before re-creating the extension');
DROP TABLE gen_col;
DROP TABLE gen_prev;
DROP EXTENSION goalmetrics;
CREATE EXTENSION goalmetrics;
SELECT is(goalmetrics.status(68, 'Minst 75 %')::text, 'partly',
          'after DROP and CREATE EXTENSION the new enum is returned');
SELECT is(goalmetrics.status_label(goalmetrics.status(81.9, 'Minst 91')),
          'Uppfyllelse 90 procent eller lägre', 'and labels read the new enum');

SELECT * FROM finish();
ROLLBACK;
