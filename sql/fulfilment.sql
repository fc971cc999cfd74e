-- fulfilment, meets, status: judging an outcome against its target exactly.
-- Expected values are worked out from the rules in doc/fulfilment.md and
-- ../shared/DOMAIN.md; the comments give the arithmetic.
SET search_path = public, goalmetrics;
SET extra_float_digits = 1;
RESET goalmetrics.partly_above;
RESET goalmetrics.fulfilled_at;

-- ================================================ doc/fulfilment.md, verbatim
-- Synopsis
SELECT fulfilment(48, 'Minst 65 %');               -- 73.846153846153846
SELECT status(48, 'Minst 65 %');                   -- not_fulfilled
SELECT fulfilment(68, 'Minst 75 %'), status(68, 'Minst 75 %');
SELECT fulfilment(81.9, 'Minst 91'), status(81.9, 'Minst 91');
SELECT status(81.9::float8, 'Minst 91');           -- not_fulfilled
SELECT meets(2086, 'Högst 2 100 barn');            -- true
SELECT status(NULL::numeric, 'Minst 65 %');        -- not_followed_up
SELECT status_label(status(68, 'Minst 75 %'));     -- Uppfyllelse 91–99 procent
-- Worked examples
SELECT fulfilment(48, 'Minst 65 %');                          -- 73.846153846153846
SELECT fulfilment(68, 'Minst 75 %');                          -- 90.666666666666666
SELECT fulfilment(81.9, 'Minst 91'), status(81.9, 'Minst 91');   -- 90 | not_fulfilled
SELECT fulfilment(35, 'Högst 31,5'), status(35, 'Högst 31,5');   -- 90 | not_fulfilled
SELECT fulfilment(44, 'Max 42 %'), status(44, 'Max 42 %');       -- 95.454545454545454 | partly
SELECT fulfilment(2086, 'Högst 2 100 barn');                  -- 100
SELECT fulfilment(8127, 'Minst 0 tkr'), fulfilment(-5, 'Minst 0 tkr');  -- 100 | 0
SELECT fulfilment(5, 'Över 5'), meets(5, 'Över 5'), status(5, 'Över 5');  -- 100 | f | partly
SELECT fulfilment(12, 'Exakt 10');                            -- 80
SELECT fulfilment(90, 'Mellan 95 och 105 %');                 -- 94.736842105263157
SELECT fulfilment(110, 'Mellan 95 och 105 %');                -- 95.238095238095238
SELECT fulfilment(73, 'Öka från 70 % till 75 %');             -- 60
SELECT fulfilment(65, 'Öka från 70 % till 75 %');             -- 0
SELECT fulfilment(35, 'Minska från 40 till 30');              -- 50
SELECT fulfilment(120, 'Minst 100', false);                   -- 120
SELECT fulfilment(2.70000000000000000001, 'Minst 3'),
       status(2.70000000000000000001, 'Minst 3');             -- 90 | partly
SELECT status_of_percent(90.666666666666666), status_of_percent(90), status_of_percent(100);   -- partly | not_fulfilled | fulfilled

-- ===================================================== every rule, both sides
-- o: outcome, t: target; expected columns worked out by hand from the rules.
CREATE TEMP TABLE rule_case (note text, o numeric, t metric_target,
                             pct numeric, uncapped numeric, met boolean, st status_band);
INSERT INTO rule_case VALUES
 -- at least T > 0: O / T × 100
 ('at least, met above',        80, 'Minst 65',   100, 123.076923076923076, true,  'fulfilled'),
 ('at least, met on the value', 65, 'Minst 65',   100, 100,                 true,  'fulfilled'),
 ('at least, unmet 99.x',       64.9, 'Minst 65', 99.846153846153846, 99.846153846153846, false, 'partly'),
 ('at least, unmet 50',         32.5, 'Minst 65', 50, 50,                   false, 'not_fulfilled'),
 ('at least, zero outcome',     0, 'Minst 65',    0, 0,                     false, 'not_fulfilled'),
 ('at least, negative outcome', -10, 'Minst 65',  0, 0,                     false, 'not_fulfilled'),
 -- at least T <= 0: 100 if met else 0
 ('at least 0, met',            0, 'Minst 0',     100, 100,                 true,  'fulfilled'),
 ('at least 0, unmet',          -0.001, 'Minst 0', 0, 0,                    false, 'not_fulfilled'),
 ('at least -5, met',           -3, 'Minst -5',   100, 100,                 true,  'fulfilled'),
 ('at least -5, unmet',         -5.5, 'Minst -5', 0, 0,                     false, 'not_fulfilled'),
 -- at most T > 0, O > 0: T / O × 100
 ('at most, met below',         20, 'Högst 31',   100, 155,                 true,  'fulfilled'),
 ('at most, met on the value',  31, 'Högst 31',   100, 100,                 true,  'fulfilled'),
 ('at most, unmet 96.875',      32, 'Högst 31',   96.875, 96.875,           false, 'partly'),
 ('at most, unmet 31',          100, 'Högst 31',  31, 31,                   false, 'not_fulfilled'),
 ('at most, zero outcome met',  0, 'Högst 31',    100, 100,                 true,  'fulfilled'),
 ('at most, negative outcome',  -4, 'Högst 31',   100, 100,                 true,  'fulfilled'),
 -- at most T <= 0: 100 if met else 0
 ('at most 0, met',             0, 'Högst 0',     100, 100,                 true,  'fulfilled'),
 ('at most 0, unmet',           0.5, 'Högst 0',   0, 0,                     false, 'not_fulfilled'),
 ('at most -5, met',            -6, 'Högst -5',   100, 100,                 true,  'fulfilled'),
 ('at most -5, unmet',          -4, 'Högst -5',   0, 0,                     false, 'not_fulfilled'),
 -- above: O / T, met strictly
 ('above, met',                 5.01, 'Över 5',   100, 100.2,               true,  'fulfilled'),
 ('above, equal: unmet at 100', 5, 'Över 5',      100, 100,                 false, 'partly'),
 ('above, unmet',               4, 'Över 5',      80, 80,                   false, 'not_fulfilled'),
 ('above 0, met',               0.1, 'Över 0',    100, 100,                 true,  'fulfilled'),
 ('above 0, equal',             0, 'Över 0',      0, 0,                     false, 'not_fulfilled'),
 ('above -2, met',              -1, 'Över -2',    100, 100,                 true,  'fulfilled'),
 -- below: T / O, met strictly
 ('below, met',                 4, 'Under 5',     100, 125,                 true,  'fulfilled'),
 ('below, equal: unmet at 100', 5, 'Under 5',     100, 100,                 false, 'partly'),
 ('below, unmet',               8, 'Under 5',     62.5, 62.5,               false, 'not_fulfilled'),
 ('below 0, equal',             0, 'Under 0',     0, 0,                     false, 'not_fulfilled'),
 ('below 0, met',               -1, 'Under 0',    100, 100,                 true,  'fulfilled'),
 ('below, zero outcome met',    0, 'Under 5',     100, 100,                 true,  'fulfilled'),
 -- exactly: 100 × (1 − |O − T| / |T|), at least 0
 ('exactly, met',               10, 'Exakt 10',   100, 100,                 true,  'fulfilled'),
 ('exactly, met 10.000',        10.000, 'Exakt 10', 100, 100,               true,  'fulfilled'),
 ('exactly, below',             8, 'Exakt 10',    80, 80,                   false, 'not_fulfilled'),
 ('exactly, above',             10.5, 'Exakt 10', 95, 95,                   false, 'partly'),
 ('exactly, far: clamped',      25, 'Exakt 10',   0, 0,                     false, 'not_fulfilled'),
 ('exactly, far below: clamped', -3, 'Exakt 10',  0, 0,                     false, 'not_fulfilled'),
 ('exactly negative, near',     -9.5, 'Exakt -10', 95, 95,                  false, 'partly'),
 ('exactly negative, beyond',   -10.5, 'Exakt -10', 95, 95,                 false, 'partly'),
 ('exactly 0, met',             0, 'Exakt 0',     100, 100,                 true,  'fulfilled'),
 ('exactly 0, unmet',           0.001, 'Exakt 0', 0, 0,                     false, 'not_fulfilled'),
 -- between L..U inclusive; outside: relative distance to the nearer bound
 ('range, lower bound',         95, 'Mellan 95 och 105 %', 100, 100,        true,  'fulfilled'),
 ('range, upper bound',         105, 'Mellan 95 och 105 %', 100, 100,       true,  'fulfilled'),
 ('range, inside',              100, 'Mellan 95 och 105 %', 100, 100,       true,  'fulfilled'),
 ('range, below: 1 - 1/95',     94, 'Mellan 95 och 105 %', 98.947368421052631, 98.947368421052631, false, 'partly'),
 ('range, above: 1 - 1/105',    106, 'Mellan 95 och 105 %', 99.047619047619047, 99.047619047619047, false, 'partly'),
 ('range, far above: clamped',  300, 'Mellan 95 och 105 %', 0, 0,           false, 'not_fulfilled'),
 ('range from 0, below',        -1, 'Mellan 0 och 10', 0, 0,                false, 'not_fulfilled'),
 ('range from 0, above',        11, 'Mellan 0 och 10', 90, 90,              false, 'not_fulfilled'),
 ('negative range, below',      -11, 'Mellan -10 och -5', 90, 90,           false, 'not_fulfilled'),
 ('negative range, above',      -4.5, 'Mellan -10 och -5', 90, 90,          false, 'not_fulfilled'),
 ('negative range, above, 96',  -4.8, 'Mellan -10 och -5', 96, 96,          false, 'partly'),
 -- change targets: (O − B) / (T − B), clamped 0..100 (uncapped: >= 0)
 ('increase, on target',        75, 'Öka från 70 % till 75 %', 100, 100,    true,  'fulfilled'),
 ('increase, beyond',           80, 'Öka från 70 % till 75 %', 100, 200,    true,  'fulfilled'),
 ('increase, 60 % of the way',  73, 'Öka från 70 % till 75 %', 60, 60,      false, 'not_fulfilled'),
 ('increase, 96 % of the way',  74.8, 'Öka från 70 % till 75 %', 96, 96,    false, 'partly'),
 ('increase, no change',        70, 'Öka från 70 % till 75 %', 0, 0,        false, 'not_fulfilled'),
 ('increase, went backwards',   65, 'Öka från 70 % till 75 %', 0, 0,        false, 'not_fulfilled'),
 ('decrease, half way',         35, 'Minska från 40 till 30', 50, 50,       false, 'not_fulfilled'),
 ('decrease, on target',        30, 'Minska från 40 till 30', 100, 100,     true,  'fulfilled'),
 ('decrease, beyond',           20, 'Minska från 40 till 30', 100, 200,     true,  'fulfilled'),
 ('decrease, went up',          45, 'Minska från 40 till 30', 0, 0,         false, 'not_fulfilled'),
 ('decrease, 91 % of the way',  30.9, 'Minska från 40 till 30', 91, 91,     false, 'partly'),
 ('decrease, 90 % of the way',  31, 'Minska från 40 till 30', 90, 90,       false, 'not_fulfilled'),
 -- bare targets are "at least"
 ('bare, met',                  100, '100 %',     100, 100,                 true,  'fulfilled'),
 ('bare, 97',                   97, '100 %',      97, 97,                   false, 'partly'),
 ('bare, 80',                   80, '100 %',      80, 80,                   false, 'not_fulfilled'),
 ('bare made at most',          12, with_comparator('13', 'at_most'), 100, 108.333333333333333, true, 'fulfilled'),
 ('bare made at most, unmet',   14, with_comparator('13', 'at_most'), 92.857142857142857, 92.857142857142857, false, 'partly');

SELECT note, o, t,
       fulfilment(o, t) AS pct, fulfilment(o, t, false) AS uncapped,
       meets(o, t) AS met, status(o, t) AS status,
       fulfilment(o, t) = pct AND fulfilment(o, t, false) = uncapped
         AND meets(o, t) = met AND status(o, t) = st AS as_expected
FROM rule_case ORDER BY note;
SELECT count(*) AS cases, count(*) FILTER (WHERE fulfilment(o, t) = pct
         AND fulfilment(o, t, true) = pct AND fulfilment(o, t, false) = uncapped
         AND meets(o, t) = met AND status(o, t) = st
         AND status(o, t, 90, 100) = st) AS as_expected
FROM rule_case;

-- the percent is never negative and, capped, never above 100
SELECT count(*) FILTER (WHERE fulfilment(o, t) < 0 OR fulfilment(o, t) > 100
                          OR fulfilment(o, t, false) < 0) AS out_of_range
FROM rule_case;

-- ===================================================== band edges, both ways
-- 81.9 / 91 = 0.9 exactly; 31.5 / 35 = 0.9 exactly
SELECT o, status(o, 'Minst 91') AS vs_minst_91
FROM (VALUES (81.9), (81.900000000000000000001), (81.899999999999999999999),
             (81.9000000000000000000000000000000000000000000000000000000001),
             (81.90000000000000000000000000000000000000000000000000000000000000000)) v(o);
SELECT o, status(o, 'Högst 31,5') AS vs_hogst_31_5
FROM (VALUES (35), (34.999999999999999999999), (35.000000000000000000001)) v(o);
-- the fulfilled edge: met exactly at the value, a hair below is partly
SELECT o, status(o, 'Minst 91') AS vs_minst_91
FROM (VALUES (91), (90.999999999999999999999999), (91.000000000000000000000001)) v(o);
SELECT o, status(o, 'Högst 31,5') AS vs_hogst_31_5
FROM (VALUES (31.5), (31.500000000000000000000001), (31.499999999999999999999999)) v(o);
-- an unmet 99.7 % is partly, never rounded up; 90.67 % is partly
SELECT status(99.7, 'Minst 100') AS unmet_99_7, status(99.999999999999999999, 'Minst 100') AS unmet_99_99,
       status(68, 'Minst 75 %') AS pct_90_67;
-- a percent that truncates to exactly 90 but lies above it is partly
SELECT fulfilment(2.70000000000000000001, 'Minst 3') AS shown,
       status(2.70000000000000000001, 'Minst 3') AS st_above,
       status(2.7, 'Minst 3') AS st_on,
       status(2.69999999999999999999, 'Minst 3') AS st_below;
-- the same through T / O: 9 / 10.000...01 is a hair below 90, 9 / 9.999...9 above
SELECT status(10, 'Högst 9') AS st_on, status(9.99999999999999999999, 'Högst 9') AS st_above,
       status(10.00000000000000000001, 'Högst 9') AS st_below;
-- ranges and exactly at the edge: 1 - 10/100 = 90
SELECT status(90, 'Exakt 100') AS on_edge, status(90.0000000000000000001, 'Exakt 100') AS above,
       status(110, 'Exakt 100') AS on_edge_above, status(109.9999999999999999999, 'Exakt 100') AS inside;
-- float8 outcomes: read as their shortest decimal
-- (81.90000000000001 is the same double as 81.9; the neighbours are
-- 81.90000000000002 and 81.89999999999999)
SELECT 81.90000000000001::float8 AS same_double, status(81.9::float8, 'Minst 91') AS f81_9,
       status(81.90000000000002::float8, 'Minst 91') AS f81_90000000000002,
       status(81.89999999999999::float8, 'Minst 91') AS f81_89999999999999,
       status(35::float8, 'Högst 31,5') AS f35, status(0.1::float8 + 0.2::float8, 'Minst 0,3') AS f0_30000000000000004,
       fulfilment(0.1::float8 + 0.2::float8, 'Minst 0,3', false) AS pct;

-- ======================================================= fulfilled_at, partly_above
-- (the settings' effects are in sql/settings.sql; here the explicit variants)
SELECT status(57, 'Minst 60', 90, 95) AS pct_95_tol_95, status(56.999, 'Minst 60', 90, 95) AS below_tol,
       status(57, 'Minst 60', 90, 100) AS pct_95_default,
       status(54, 'Minst 60', 90, 95) AS pct_90, status(54.000001, 'Minst 60', 90, 95) AS pct_above_90;
SELECT status(5, 'Över 5', 90, 100) AS strict_at_100, status(5, 'Över 5', 90, 99.5) AS strict_tolerated;
SELECT status(50, 'Minst 100', 49.999999, 60) AS above_49_999999, status(50, 'Minst 100', 50, 60) AS on_50;

-- ============================================================ NULL handling
SELECT fulfilment(NULL::numeric, 'Minst 5') IS NULL AS f_null_outcome,
       fulfilment(5, NULL) IS NULL AS f_null_target,
       fulfilment(5, 'Minst 5', NULL) IS NULL AS f_null_capped,
       meets(NULL::numeric, 'Minst 5') IS NULL AS m_null_outcome,
       meets(5, NULL) IS NULL AS m_null_target;
SELECT status(NULL::numeric, 'Minst 5') AS numeric_null, status(NULL::float8, 'Minst 5') AS float8_null,
       status(NULL::real, 'Minst 5') AS real_null,
       status(NULL::integer, 'Minst 5') AS int_null, status(NULL::bigint, 'Minst 5') AS bigint_null,
       status(NULL, 'Minst 5') AS unknown_null, status(NULL::numeric, 'Minst 5', 90, 100) AS explicit_null;
SELECT status(5, NULL) IS NULL AS null_target, status(NULL::numeric, NULL) IS NULL AS both_null,
       status(5, 'Minst 5', NULL, 100) IS NULL AS null_partly_above,
       status(5, 'Minst 5', 90, NULL) IS NULL AS null_fulfilled_at,
       status_of_percent(NULL::numeric) AS null_percent,
       status_of_percent(NULL::numeric, 90, 100) AS null_percent_explicit,
       status_of_percent(95, NULL, 100) IS NULL AS null_percent_threshold;

-- ================================================== status of a percent
SELECT p, status_of_percent(p) AS by_settings, status_of_percent(p, 90, 95) AS tolerance_95
FROM (VALUES (100), (100.5), (99.999999999), (95), (94.99), (90.000000000000000000001),
             (90), (89.9), (0), (-5)) v(p);

-- ============================================== integer, bigint, real, float8
SELECT fulfilment(48, 'Minst 65 %') AS int4, fulfilment(48::bigint, 'Minst 65 %') AS int8,
       fulfilment(48::real, 'Minst 65 %') AS real, fulfilment(48::float8, 'Minst 65 %') AS float8,
       fulfilment(48::numeric, 'Minst 65 %') AS numeric;
SELECT fulfilment(4.1::real, 'Minst 4,1') AS real_4_1, meets(4.1::real, 'Exakt 4,1') AS real_exact,
       meets(4.1::real::float8, 'Exakt 4,1') AS widened_exact;
SELECT fulfilment(9007199254740993::bigint, 'Minst 100', false) AS bigint_exact,
       fulfilment(9223372036854775807::bigint, 'Minst 1', false) AS bigint_max_uncapped,
       fulfilment(-2147483648, 'Högst 5') AS int4_min;
SELECT fulfilment(1e300::float8, 'Minst 5') AS f_huge, fulfilment(1e-300::float8, 'Minst 5') AS f_tiny,
       fulfilment(-0::float8, 'Högst 0') AS f_neg_zero,
       fulfilment(1.5e-7::float8, 'Minst 0,000000300') AS f_small,
       fulfilment(1e20::float8, 'Högst 1', false) AS f_1e20;

-- ============================================ huge and tiny: the numeric path
SELECT fulfilment(1e100, 'Minst 91') AS p1, meets(1e100, 'Minst 91') AS m1, status(1e100, 'Minst 91') AS s1,
       fulfilment(-1e100, 'Minst 91') AS p2, status(-1e100, 'Minst 91') AS s2,
       fulfilment(1e100, 'Högst 91') AS p3, status(-1e100, 'Högst 91') AS s3;
SELECT fulfilment(1e100, 'Minst 3', false) AS uncapped_1e100;
SELECT fulfilment(1e100, 'Högst 3', false) AS inverse_1e100;
SELECT fulfilment(0.000000000000000000000000000001, 'Minst 91') AS thirty_decimals,
       fulfilment(0.000000000000000000000000000001, 'Högst 0,000000000000001') AS at_most_tiny,
       fulfilment(0.000000000000000000000000000001, 'Högst 0,000000000000001', false) AS at_most_tiny_uncapped,
       meets(0.000000000000000000000000000001, 'Över 0') AS above_zero;
-- 40 and 1000 decimals do not fit 128 bits; the result agrees with the exact rule
SELECT status(81.9000000000000000000000000000000000000001, 'Minst 91') AS forty_decimals_above,
       status(81.8999999999999999999999999999999999999999, 'Minst 91') AS forty_decimals_below,
       status(81.9 + 1e-1000, 'Minst 91') AS thousand_decimals_above,
       fulfilment(81.9 + 1e-1000, 'Minst 91') AS shown,
       meets(65 - 1e-1000, 'Minst 65') AS just_below, meets(65 + 0 * 1e-1000, 'Minst 65') AS on_value_long_scale;
SELECT status(123456789012345678901234567890123456789012345.6, 'Minst 123 456 789 012 345') AS huge_met,
       fulfilment(123456789012345, 'Högst 1', false) AS ratio_small,
       fulfilment(0.5, 'Högst 123 456 789 012 345', false) AS ratio_large;

-- =============================== generated values: decoder round trip (numeric_out)
-- For 0 < O < 100 with at most 15 decimals, O / 100 × 100 is O exactly, so
-- fulfilment(O, 'Minst 100') prints O as numeric_out does; O is stored in a
-- table (1-byte varlena header) with extra trailing zeros of many widths
-- (display scales beyond 63 use numeric's long header).
CREATE TEMP TABLE gen AS
SELECT i, round(v, s + pad) AS o, v
FROM (SELECT i, (((i::bigint * 2654435761) % power(10, 1 + i % 17)::bigint)::text
                 || 'e-' || (i % 18))::numeric AS v,
             i % 18 AS s, (i % 7) * 11 AS pad
      FROM generate_series(1, 30000) i) g;
SELECT count(*) AS tested,
       count(*) FILTER (WHERE scale(v) <= 15) AS fifteen_decimals_or_fewer,
       count(*) FILTER (WHERE fulfilment(o, 'Minst 100')::text = trim_scale(trunc(v, 15))::text) AS round_trip,
       count(*) FILTER (WHERE fulfilment(-o, 'Exakt -100') = trunc(v, 15)) AS negative_round_trip,
       count(*) FILTER (WHERE scale(o) > 63) AS long_header
FROM gen WHERE v > 0 AND v < 100;
-- any magnitude: O × 10^(2-k) with T = 10^k just above |O|, truncated to 15 decimals
SELECT count(*) AS tested,
       count(*) FILTER (WHERE fulfilment(o, metric_target('at_least', power(10::numeric, k)::numeric(20,0)))
                        = trunc(o * power(10::numeric, 2 - k), 15)) AS as_numeric
FROM (SELECT o, greatest(length(trunc(o)::text), 1) AS k FROM gen WHERE v > 0 AND v < 1e14) g;

-- ================================= generated values: every path against numeric
-- Outcomes of every sign, magnitude and scale, including ones that do not
-- fit the fast path; targets of every kind.  The capped percent (fast path
-- where it fits) must equal least(100, uncapped) (always the numeric path),
-- and both must equal the rule evaluated in SQL numeric arithmetic with
-- exact truncating division.
CREATE TEMP TABLE gen_o AS
SELECT DISTINCT o FROM (
  SELECT (CASE WHEN i % 3 = 0 THEN -1 ELSE 1 END) *
         ((((i::bigint * 40503) % 100000)::text || 'e-' || (i % 6))::numeric) AS o
  FROM generate_series(1, 3000) i
  UNION ALL SELECT unnest(ARRAY[0, 1e100, -1e100, 1e-40, -1e-40, 81.9, 65, 64.999999999999999999,
                                 12345678901234567890123456789012345678901234567890.5,
                                 0.000000000000000000000000000001, 31.5, 35, 95, 105, 70, 75])
) s;
CREATE TEMP TABLE gen_t (t metric_target);
INSERT INTO gen_t VALUES ('Minst 65'), ('Minst 0,003'), ('Minst 0'), ('Minst -12,5'), ('Högst 31,5'),
  ('Högst 2 100'), ('Högst 0'), ('Högst -3'), ('Över 5'), ('Under 5'), ('Över -1'), ('Under 0'),
  ('Exakt 10'), ('Exakt -7,25'), ('Exakt 0'), ('Mellan 95 och 105 %'), ('Mellan -10 och -5'),
  ('Mellan 0 och 10'), ('Öka från 70 % till 75 %'), ('Minska från 40 till 32 dagar'),
  ('100 %'), ('Minst 999 999 999 999 999'), ('Högst 0,000000000000001'), ('Minst 123,456789012345');
CREATE TEMP TABLE gen_r AS
SELECT o, t, target_comparator(t) AS c, target_value(t) AS tv, target_upper(t) AS tu,
       target_baseline(t) AS tb,
       fulfilment(o, t) AS capped, fulfilment(o, t, false) AS uncapped, meets(o, t) AS met,
       status(o, t) AS st
FROM gen_o, gen_t;
-- the rules in SQL: met, then num/den, evaluated with div() (exact)
CREATE TEMP TABLE gen_x AS
SELECT *, CASE WHEN frac_num IS NULL THEN konst
               WHEN frac_num <= 0 THEN 0
               ELSE trim_scale(div(frac_num * 1e17, frac_den) * 1e-15) END AS want_uncapped,
          CASE WHEN frac_num IS NOT NULL AND frac_num > 0
               THEN frac_num * 100 > 90 * frac_den END AS above_90
FROM (
  SELECT r.*, x.want_met,
         CASE WHEN x.want_met AND (tb IS NULL AND c IN ('exactly', 'between')) THEN 100
              WHEN tb IS NOT NULL THEN NULL
              WHEN c IN ('at_least', 'above') AND tv <= 0 THEN CASE WHEN x.want_met THEN 100 ELSE 0 END
              WHEN c IN ('at_least', 'above') AND o <= 0 THEN 0
              WHEN c IN ('at_most', 'below') AND NOT (tv > 0 AND o > 0) THEN CASE WHEN x.want_met THEN 100 ELSE 0 END
              WHEN c = 'exactly' AND tv = 0 THEN 0
              WHEN c = 'between' AND o < tv AND tv = 0 THEN 0
              WHEN c = 'between' AND o > tu AND tu = 0 THEN 0
         END AS konst,
         CASE WHEN tb IS NOT NULL THEN (o - tb) * sign(tv - tb)
              WHEN c IN ('at_least', 'above') AND tv > 0 AND o > 0 THEN o
              WHEN c IN ('at_most', 'below') AND tv > 0 AND o > 0 THEN tv
              WHEN x.want_met THEN NULL
              WHEN c = 'exactly' AND tv <> 0 THEN abs(tv) - abs(o - tv)
              WHEN c = 'between' AND o < tv AND tv <> 0 THEN abs(tv) - abs(o - tv)
              WHEN c = 'between' AND o > tu AND tu <> 0 THEN abs(tu) - abs(o - tu)
         END AS frac_num,
         CASE WHEN tb IS NOT NULL THEN abs(tv - tb)
              WHEN c IN ('at_least', 'above') THEN tv
              WHEN c IN ('at_most', 'below') THEN o
              WHEN c = 'exactly' THEN abs(tv)
              WHEN c = 'between' AND o < tv THEN abs(tv)
              WHEN c = 'between' THEN abs(tu)
         END AS frac_den
  FROM gen_r r,
  LATERAL (SELECT CASE c WHEN 'at_least' THEN o >= tv WHEN 'above' THEN o > tv
                         WHEN 'at_most' THEN o <= tv WHEN 'below' THEN o < tv
                         WHEN 'exactly' THEN o = tv ELSE o BETWEEN tv AND tu END AS want_met) x
) y;
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE capped = least(100, uncapped)) AS fast_equals_slow,
       count(*) FILTER (WHERE uncapped = want_uncapped) AS rule_in_sql,
       count(*) FILTER (WHERE met = want_met) AS met_in_sql,
       count(*) FILTER (WHERE st = CASE WHEN want_met THEN 'fulfilled'
                                        WHEN coalesce(above_90, false) THEN 'partly'
                                        ELSE 'not_fulfilled' END::status_band) AS status_in_sql,
       count(*) FILTER (WHERE st = 'partly') AS partly,
       count(*) FILTER (WHERE capped > 0 AND capped < 100) AS fractional
FROM gen_x;
-- anything that disagreed (none)
SELECT o, t, capped, uncapped, want_uncapped, met, want_met, st FROM gen_x
WHERE capped <> least(100, uncapped) OR uncapped <> want_uncapped OR met <> want_met
LIMIT 5;

-- status() under other thresholds, against the rule in SQL: met, else the
-- capped exact percent >= fulfilled_at (below 100 only), else > partly_above.
-- Band edges are compared exactly (frac_num * 100 against edge * frac_den).
CREATE TEMP TABLE gen_th (p numeric, f numeric);
INSERT INTO gen_th VALUES (90, 100), (0, 100), (50, 95), (0, 0.000001), (99.999999, 100),
  (12.345678, 12.345679), (89.999999, 90), (90, 90.000001);
SELECT p, f, count(*) AS pairs,
       count(*) FILTER (WHERE status(o, t, p, f) = CASE
           WHEN want_met THEN 'fulfilled'
           WHEN f < 100 AND CASE WHEN frac_num IS NULL THEN konst >= f
                                 WHEN frac_num <= 0 THEN 0 >= f
                                 ELSE least(frac_num, frac_den) * 100 >= f * frac_den END THEN 'fulfilled'
           WHEN CASE WHEN frac_num IS NULL THEN konst > p
                     WHEN frac_num <= 0 THEN 0 > p
                     ELSE least(frac_num, frac_den) * 100 > p * frac_den END THEN 'partly'
           ELSE 'not_fulfilled' END::status_band) AS status_in_sql,
       count(*) FILTER (WHERE NOT want_met AND frac_num > 0 AND frac_num < frac_den
                          AND frac_num * 100 IN (p * frac_den, f * frac_den)) AS exactly_on_an_edge
FROM gen_x, gen_th GROUP BY p, f ORDER BY p, f;
-- and at and around every edge: one-directional targets, outcomes at the
-- edge (to 6 decimals) and a millionth either side
SELECT count(*) AS cases,
       count(*) FILTER (WHERE status(o, t, p, f) = want) AS status_in_sql,
       count(*) FILTER (WHERE NOT met AND num * 100 IN (p * den, f * den)) AS exactly_on_an_edge
FROM (
  SELECT *, CASE WHEN met THEN 'fulfilled'
                 WHEN f < 100 AND num * 100 >= f * den THEN 'fulfilled'
                 WHEN num * 100 > p * den THEN 'partly'
                 ELSE 'not_fulfilled' END::status_band AS want
  FROM (
    SELECT t, p, f, o,
           CASE c WHEN 'at_least' THEN o >= tv WHEN 'above' THEN o > tv
                  WHEN 'at_most' THEN o <= tv ELSE o < tv END AS met,
           CASE WHEN c IN ('at_least', 'above') THEN greatest(o, 0) ELSE tv END AS num,
           CASE WHEN c IN ('at_least', 'above') THEN tv ELSE o END AS den
    FROM (
      SELECT DISTINCT t, target_comparator(t) AS c, target_value(t) AS tv, p, f,
             round(CASE WHEN target_comparator(t) IN ('at_least', 'above')
                        THEN target_value(t) * e / 100 ELSE target_value(t) * 100 / e END, 6) + d AS o
      FROM gen_t, gen_th, LATERAL (VALUES (p), (f)) ee(e), (VALUES (-0.000001), (0), (0.000001)) dd(d)
      WHERE target_comparator(t) IN ('at_least', 'above', 'at_most', 'below')
        AND target_baseline(t) IS NULL AND target_value(t) > 0 AND e > 0
    ) a
  ) b
  WHERE den > 0
) c;

-- float8, real, integer and bigint overloads decide as numeric decides the printed value
SELECT count(*) AS tested,
       count(*) FILTER (WHERE status(f, t) = status(f::text::numeric, t)
                          AND fulfilment(f, t) = fulfilment(f::text::numeric, t)
                          AND fulfilment(f, t, false) = fulfilment(f::text::numeric, t, false)
                          AND meets(f, t) = meets(f::text::numeric, t)) AS float8_agrees,
       count(*) FILTER (WHERE status(f, t, 90, 100) = status(f::text::numeric, t, 90, 100)) AS explicit_agrees
FROM (SELECT o::float8 AS f FROM gen_o WHERE abs(o) < 1e300 AND (o = 0 OR abs(o) > 1e-300)
      UNION ALL SELECT 81.9 UNION ALL SELECT 0.1::float8 + 0.2::float8
      UNION ALL SELECT 81.90000000000002 UNION ALL SELECT 1e300 UNION ALL SELECT 1e-300) f, gen_t;
SELECT count(*) AS tested,
       count(*) FILTER (WHERE status(r, t) = status(r::text::numeric, t)
                          AND fulfilment(r, t) = fulfilment(r::text::numeric, t)
                          AND fulfilment(r, t, false) = fulfilment(r::text::numeric, t, false)
                          AND meets(r, t) = meets(r::text::numeric, t)) AS real_agrees
FROM (SELECT o::real AS r FROM gen_o WHERE abs(o) < 1e30 AND (o = 0 OR abs(o) > 1e-30)
      UNION ALL SELECT 81.9 UNION ALL SELECT 4.1) f, gen_t;
SELECT count(*) AS tested,
       count(*) FILTER (WHERE status(i, t) = status(i::numeric, t)
                          AND fulfilment(i, t) = fulfilment(i::numeric, t)
                          AND fulfilment(i::bigint, t) = fulfilment(i::numeric, t)
                          AND fulfilment(i, t, false) = fulfilment(i::numeric, t, false)
                          AND status(i::bigint, t) = status(i::numeric, t)
                          AND meets(i, t) = meets(i::numeric, t)
                          AND meets(i::bigint, t) = meets(i::numeric, t)) AS integers_agree
FROM generate_series(-120, 2200, 7) i, gen_t;

-- ================================ the seeds: both committees' 2016 outcomes
-- Outcome 2016 and target from ../shared/seeds; status worked out by hand:
--   at least: met if O >= T, else O/T: > 90 partly, <= 90 not fulfilled;
--   at most: met if O <= T, else T/O.
CREATE TEMP TABLE seed (committee text, metric text, o numeric, t metric_target,
                        want_pct numeric, want status_band);
INSERT INTO seed VALUES
 ('AMN', 'Egenförsörjning efter gymnasial vuxenutbildning', 75, 'Minst 65 %', 100, 'fulfilled'),
 ('AMN', 'Egenförsörjning efter jobbprojekt', 48, 'Minst 65 %', 73.846153846153846, 'not_fulfilled'),  -- 48/65
 ('AMN', 'Aktiva försörjningsstödstagare', 92, 'Minst 90 %', 100, 'fulfilled'),
 ('AMN', 'Egenförsörjning efter försörjningsstödsinsats', 36, 'Minst 42 %', 85.714285714285714, 'not_fulfilled'),  -- 36/42
 ('AMN', 'Egenförsörjning efter studieväg 2 och 3 i SFI', 81, 'Minst 65 %', 100, 'fulfilled'),
 ('AMN', 'Godkända studieresultat inom vuxenutbildning', 86, 'Minst 84 %', 100, 'fulfilled'),
 ('AMN', 'Minskat återflöde', 31, 'Max 31 %', 100, 'fulfilled'),  -- 31 <= 31
 ('AMN', 'Andel hushåll med långvarigt försörjningsstöd', 44, 'Max 42 %', 95.454545454545454, 'partly'),  -- 42/44
 ('AMN', 'Utvecklingsprocesser där invånarna aktivt medverkar', 8, 'Minst 6', 100, 'fulfilled'),  -- -, 1, 8
 ('AMN', 'Barn i försörjningsstödshushåll', 2086, 'Högst 2 100 barn', 100, 'fulfilled'),
 ('AMN', 'Andel av insats- och utbildningsbudgeten som utförs av externa leverantörer.', 56, 'Minst 57 %', 98.245614035087719, 'partly'),  -- 56/57
 ('AMN', 'Fokus på arbete och studier i stadens områdes- och mötesplatsarbete.', 3, 'Minst 1', 100, 'fulfilled'),  -- -, 0, 3
 ('AMN', 'Samverkansavtal eller överenskommelser inom Familjen Helsingborg.', 3, 'Minst 3', 100, 'fulfilled'),
 ('AMN', 'Samverkansavtal eller överenskommelser med lokala myndigheter', 3, 'Minst 3', 100, 'fulfilled'),
 ('AMN', 'Utarbeta råd med branscher inför och under utbildnings- och insatsplanering', 0, 'Minst 5', 0, 'not_fulfilled'),
 ('AMN', 'Index för hållbart medarbetarengagemang', 77, 'Minst index 79', 97.468354430379746, 'partly'),  -- 77/79
 ('AMN', 'Nöjda besökare', 85, 'Minst 85 %', 100, 'fulfilled'),
 ('AMN', 'Utveckla nya e-tjänster utifrån invånarens behov', 1, 'Minst 1', 100, 'fulfilled'),  -- -, 1, 1
 -- "217 5598 127": 2016 is 8 127 in either reading of 2014/2015; a zero target: met
 ('AMN', 'Ekonomiskt resultat', 8127, E'Minst 0\ntkr', 100, 'fulfilled'),
 ('AMN', 'Invånare som får sysselsättning genom socialt ansvarstagande kopplat till upphandling', 13, 'Minst 40', 32.5, 'not_fulfilled'),  -- -, 24, 13
 ('AMN', 'Intäkt av EU-bidrag eller annan extern finansiering', 3518, 'Minst 3 500 tkr', 100, 'fulfilled'),  -- 6 757, 0, 3 518
 ('SN', 'Andel klienter som bor sex månader eller kortare vid förvaltningens egna akutboende (Fenix)', 58, 'Minst 60 %', 96.666666666666666, 'partly'),  -- 58/60
 ('SN', 'Andel barn och unga i identifierade riskzoner med förbättrade skolresultat', 100, '100 %', 100, 'fulfilled'),
 ('SN', 'Andel klienter inom Vuxen som fullföljer sin insats', 57, 'Minst 55 %', 100, 'fulfilled'),
 ('SN', 'Klienternas helhetsintryck av förvaltningens arbete (Nöjd-Kund-Index; NKI)', 79, 'Minst NKI 75', 100, 'fulfilled'),
 ('SN', 'Andel klienter inom Barn, unga och familj som fullföljer sin insats', 68, 'Minst 75 %', 90.666666666666666, 'partly'),  -- 68/75
 ('SN', 'Andel berörda kontaktade inom 7 arbetsdagar sedan beslut om att inleda utredning är fattat (tjänstegaranti)', 80, '100 %', 80, 'not_fulfilled'),
 ('SN', 'Andel ärenden om stadigvarande serveringstillstånd med högst två månaders handläggningstid (tjänstegaranti)', 97, '100 %', 97, 'partly'),
 ('SN', 'Andel invånare i innovationsgrupper/utvecklingsprojekt', 70, '50 %', 100, 'fulfilled'),
 ('SN', 'Andelen inköpta ekologiska och/eller närodlade livsmedel ska öka', 24, 'Minst 40 %', 60, 'not_fulfilled'),  -- 24/40
 ('SN', 'Hållbart medarbetarengagemang (HME)', 77, 'Minst 73', 100, 'fulfilled'),
 ('SN', 'Andel enheter med ett HME (hållbart medarbetarengagemang) lika med eller högre än stadens utfall', 24, 'Minst 75 %', 32, 'not_fulfilled'),  -- 24/75
 ('SN', 'Andel enheter med sjukfrånvaro lägre än fem procent', 51, 'Minst 75 %', 68, 'not_fulfilled'),  -- 51/75
 ('SN', 'Antal uppdrag inom våra serviceverksamheter', 2305, 'Minst 2 400', 96.041666666666666, 'partly'),  -- 2305/2400
 ('SN', 'Andel öppenvård av den totala vårdvolymen (biståndsbedömd vård)', 61, 'Minst 60 %', 100, 'fulfilled'),
 ('SN', 'Genomsnittlig insatstid inom extern heldygnsvård (institutionsplaceringar)', 151, 'Högst 170 vårddygn', 100, 'fulfilled');
SELECT committee, left(metric, 45) AS metric, o, t, fulfilment(o, t) AS pct, status(o, t) AS status,
       fulfilment(o, t) = want_pct AND status(o, t) = want AS as_worked_out
FROM seed ORDER BY committee, metric;
SELECT committee, status(o, t) AS status, count(*) FROM seed GROUP BY 1, 2 ORDER BY 1, 2;
-- a metric whose 2016 outcome is missing ("-") is not followed up
SELECT status(NULL::numeric, 'Minst 65 %') AS missing_outcome;

-- ====================================================== labels, colours, symbols
SELECT s, status_label(s) AS sv, status_label(s, 'en') AS en, status_label(s, 'SV') AS sv_upper,
       status_colour(s) AS colour, status_symbol(s) AS symbol
FROM unnest(enum_range(NULL::status_band)) s;
SELECT count(DISTINCT status_symbol(s)) AS distinct_symbols, count(DISTINCT status_colour(s)) AS distinct_colours,
       bool_and(status_colour(s) ~ '^#[0-9A-F]{6}$') AS hex
FROM unnest(enum_range(NULL::status_band)) s;
SELECT status_label('fulfilled', 'de');
SELECT status_label('fulfilled', NULL) IS NULL AS null_lang;
-- the enum's order: best first, not followed up last
SELECT enum_range(NULL::status_band) AS in_order,
       'fulfilled'::status_band < 'partly'::status_band AND 'partly'::status_band < 'not_fulfilled'::status_band
         AND 'not_fulfilled'::status_band < 'not_followed_up'::status_band AS ordered;
SELECT max(status(o, t)) AS weakest, min(status(o, t)) AS best FROM seed;

-- ================================================================= errors
SELECT fulfilment('NaN'::numeric, 'Minst 5');
SELECT status('Infinity'::numeric, 'Minst 5');
SELECT meets('-Infinity'::numeric, 'Högst 5');
SELECT fulfilment('NaN'::float8, 'Minst 5');
SELECT status('Infinity'::float8, 'Minst 5');
SELECT meets('-Infinity'::real, 'Minst 5');
SELECT status_of_percent('NaN'::numeric);
SELECT status(5, 'Minst 5', 95, 90);
SELECT status(5, 'Minst 5', 90, 90);
SELECT status(5, 'Minst 5', -1, 100);
SELECT status(5, 'Minst 5', 90, 100.5);
SELECT status(5, 'Minst 5', 'NaN', 100);
SELECT status_of_percent(95, 95, 90);

-- ============================================================ overloads
-- one function per outcome type, capped by default: integer and bigint
-- outcomes keep their own (else PostgreSQL would pick double precision)
SELECT fulfilment(80, 'Minst 65 %') AS capped, fulfilment(80, 'Minst 65 %', false) AS uncapped,
       fulfilment(80::bigint, 'Minst 65 %', capped => false) AS bigint_uncapped,
       fulfilment(80.5::real, 'Minst 65 %', false) AS real_uncapped;
SELECT fulfilment(9007199254740993, 'Högst 999999999999999') AS bigint_exact,
       fulfilment(9007199254740993::float8, 'Högst 999999999999999') AS as_float8;
-- 11.102230246251553 | 11.102230246251554: 2^53 + 1 as a float8 is 2^53
-- a percent has its own name: status_of_percent(48) is the band of 48 %,
-- status(48, target) that of the outcome 48
SELECT status_of_percent(48) AS percent_48, status(48, 'Minst 50') AS outcome_48;
SELECT status(48);

-- =========================================== labels describe the bands in force
SET goalmetrics.partly_above = 50;
SELECT status_of_percent(60) AS s, status_label(status_of_percent(60)) AS sv,
       status_label(status_of_percent(60), 'en') AS en;
-- partly | Uppfyllelse 51–99 procent | Partly fulfilled (51–99 %)
SELECT s, status_label(s) AS sv, status_label(s, 'en') AS en FROM unnest(enum_range(NULL::status_band)) s;
SET goalmetrics.fulfilled_at = 95.5;
SELECT s, status_label(s) AS sv, status_label(s, 'en') AS en FROM unnest(enum_range(NULL::status_band)) s;
RESET goalmetrics.partly_above;
RESET goalmetrics.fulfilled_at;
-- explicit thresholds, as status(o, t, partly_above, fulfilled_at) takes them
SELECT s, status_label(s, 'sv', 97, 99) AS sv, status_label(s, 'en', 98, 99) AS en
FROM unnest(enum_range(NULL::status_band)) s;
SELECT status_label('partly', 'sv', 95, 90);

-- doc/fulfilment.md, Planning: without statistics the planner takes a
-- tenth of the rows as groups; expression statistics give GROUP BY status
-- its real number of groups (3 here: every outcome is followed up)
CREATE TEMP TABLE plan_o AS SELECT o, t FROM gen_o, gen_t;
ANALYZE plan_o;
CREATE FUNCTION pg_temp.estimated_groups(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
  EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
  RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric;
END $$;
SELECT pg_temp.estimated_groups('SELECT status(o, t), count(*) FROM plan_o GROUP BY 1') AS without_statistics;
CREATE STATISTICS plan_o_status ON (status(o, t)) FROM plan_o;
CREATE STATISTICS plan_o_status_explicit ON (status(o, t, 90, 100)) FROM plan_o;
ANALYZE plan_o;
SELECT pg_temp.estimated_groups('SELECT status(o, t), count(*) FROM plan_o GROUP BY 1') AS with_statistics,
       pg_temp.estimated_groups('SELECT status(o, t, 90, 100), count(*) FROM plan_o GROUP BY 1') AS explicit_form;

-- ============================================ targets over time (issue 17)
-- Direction targets are judged against the previous outcome: as the plain
-- target they stand for (judged_target).  increase is "Över previous",
-- decrease "Under previous", maintain "Minst previous" ("Högst" when lower
-- is better), improve "Över" ("Under" when lower is better).
SELECT t, o, p, lb,
       judged_target(t, p, lb) AS judged,
       fulfilment(o, t, previous => p, lower_is_better => lb) AS fulfilment,
       meets(o, t, previous => p, lower_is_better => lb) AS meets,
       status(o, t, 90, 100, previous => p, lower_is_better => lb) AS status
FROM (VALUES ('Öka'::metric_target, 80::numeric, 75::numeric, false),
             ('Öka', 75, 75, false),          -- no increase: 75/75 but not met
             ('Öka', 70, 75, false),          -- 93.3 %: partly
             ('Öka', 60, 75, false),          -- 80 %: not fulfilled
             ('ska minska', 70, 75, false),
             ('ska minska', 80, 75, false),   -- 75/80 = 93.75 %: partly
             ('Bibehålla', 75, 75, false),    -- held: met
             ('Bibehålla', 76, 75, false),    -- better: met
             ('Bibehålla', 74, 75, false),    -- 98.7 %: partly
             ('Bibehålla', 76, 75, true),     -- lower is better: worse
             ('ska förbättras', 76, 75, false),
             ('ska förbättras', 74, 75, true),
             ('ska förbättras', 76, 75, true),
             ('ska förbättras', 76, 75, NULL), -- NULL direction: NULL, as a NULL threshold
             ('Öka', 80, NULL, false),        -- no previous: not followed up
             ('Öka', NULL, 75, false),
             ('Minst 65 %', 70, NULL, false), -- not a direction: previous ignored
             ('Minst 65 %', 70, 90, true)) AS v(t, o, p, lb);

-- the one rule: a direction target judges as the target it stands for
SELECT status(70, 'Öka', previous => 75) = status(70, 'Över 75') AS same_status,
       fulfilment(70, 'Öka', previous => 75, lower_is_better => false) = fulfilment(70, 'Över 75') AS same_fulfilment,
       status(74, 'Bibehålla', previous => 75.0) = status(74, 'Minst 75,0') AS same_maintain;
-- without the previous outcome a direction target is not followed up
SELECT status(80, 'Öka') AS status, fulfilment(80, 'Öka') AS fulfilment,
       meets(80, 'Öka') AS meets, status(80, 'Öka', 85, 100, previous => NULL) AS explicit;
-- every outcome type, and explicit thresholds
SELECT status(74::float8, 'Öka', previous => 75::float8) AS float8,
       status(74::real, 'Öka', previous => 75::real) AS real,
       status(74, 'Öka', previous => 75) AS int4,
       status(74::bigint, 'Öka', previous => 75::bigint) AS int8,
       status(74, 'Öka', 98, 100, previous => 75) AS explicit_98,
       fulfilment(74::bigint, 'Minska', previous => 75::bigint, lower_is_better => false) AS decreased,
       fulfilment(90, 'Öka', previous => 75, capped => false, lower_is_better => false) AS uncapped,
       meets(0.1::float8, 'Öka', previous => 0.09::float8) AS float_exact;
-- a previous outcome of more digits than a target holds, trailing zeros dropped
SELECT status(5, 'Öka', previous => 4.50000000000000000000) AS trailing_zeros;

-- Multi-year targets: a year's target on the glide path judges as the
-- hand-written target of the same value (82,33 % in 2017).
SELECT o,
       status(o, target_for_year('Öka från 81 % 2016 till 85 % 2019', 2017)) AS path_2017,
       status(o, 'Minst 82,33 %') AS hand_written,
       fulfilment(o, target_for_year('Öka från 81 % 2016 till 85 % 2019', 2017)) =
           fulfilment(o, 'Minst 82,33 %') AS same
FROM (VALUES (82.4), (82.33), (82.0), (75.0)) AS v(o);
-- without a year, a multi-year target is judged at its end year's value,
-- with the plain comparator (not by progress from the baseline)
SELECT status(82, 'Öka från 81 % 2016 till 85 % 2019') AS multi_year,
       status(82, 'Minst 85 %') AS end_target,
       status(82, 'Öka från 81 % till 85 %') AS change_target,
       fulfilment(82, 'Öka från 81 % 2016 till 85 % 2019') AS fulfilment,
       judged_target('Öka från 81 % 2016 till 85 % 2019', NULL) AS judged;
-- the roll-ups count a direction target without its previous outcome as
-- not followed up, and judge a multi-year target at its end year
SELECT (rollup(o, t)).* FROM (VALUES (80::numeric, 'Öka'::metric_target),
                                   (82, 'Öka från 81 % 2016 till 85 % 2019')) AS v(o, t);
SELECT (rollup(o, judged_target(t, p))).* FROM (VALUES (80::numeric, 'Öka'::metric_target, 75::numeric),
                                   (82, 'Minst 80', NULL)) AS v(o, t, p);
-- a NULL threshold or lower_is_better gives NULL; the positional forms
SELECT status(5, 'Minst 5', 90, NULL) AS null_threshold,
       status(5, 'Minst 5', 90, 100, previous => 4, lower_is_better => NULL) AS null_direction,
       status(5::integer, 'Öka', previous => 4) AS settings_int4,
       status(5, 'Minst 5', 90, 100, 4) AS positional,
       fulfilment(5, 'Minst 5', NULL) AS null_capped;
