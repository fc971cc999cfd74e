-- rollup() and trend(): roll-ups of metrics to goals and of goals to
-- perspectives, committees and the city, and trends over the years.
-- Expected results are worked out from the rules (DOMAIN.md, doc/rollup.md)
-- in the comments.
SET search_path = public, goalmetrics;

-- First in this backend: a roll-up whose one fraction has a denominator
-- above 2^64 (20 000 000 at the outcome's 12 decimals: 2 * 10^19), which
-- takes the 128-bit long division before any other path has run.
-- 9 999.999999999999 / 20 000 000 = 0.0499999999999999995 %, shown to 12
-- decimals: 0.05
SELECT (rollup(o, 'Minst 20 000 000')).fulfilment,
       (rollup(o, 'Minst 20 000 000')).status
FROM (VALUES (9999.999999999999::numeric)) v(o);

-- ===================================================================
-- The mean and its band
-- ===================================================================

-- 80 and 100 against Minst 100: mean exactly 90, "90 procent eller lägre"
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (80::numeric), (100)) v(o);
-- 70, 100, 100: exactly 90 again -> not_fulfilled
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (70::numeric), (100), (100)) v(o);
-- 81 and 100: 90.5 -> partly
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (81::numeric), (100)) v(o);
-- every metric met: 100 -> fulfilled; outcomes above target are capped
SELECT (rollup(o, t::metric_target)).*
FROM (VALUES (75::numeric, 'Minst 65 %'), (2086, 'Högst 2 100 barn'), (8, 'Minst 6')) v(o, t);
-- capped at 100: 150 and 50 against Minst 100 is 75, not 100
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (150::numeric), (50)) v(o);
-- a mean of 100 is not enough: 5 against "Över 5" scores 100 but is not
-- met, so the goal is partly (100 > 90), never fulfilled
SELECT (rollup(o, t::metric_target)).*
FROM (VALUES (5::numeric, 'Över 5'), (10, 'Minst 10')) v(o, t);
-- one unmet metric at 99.7 % keeps the goal from fulfilled
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (99.7::numeric), (100), (100)) v(o);

-- ===================================================================
-- Not followed up, NULLs and empty groups
-- ===================================================================

-- no outcome at all: not_followed_up, fulfilment NULL, counts kept
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (NULL::numeric), (NULL)) v(o);
-- the mean is over the followed-up metrics only: 80 and 100 -> 90
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (80::numeric), (NULL), (100)) v(o);
-- a missing outcome does not stop a goal from being fulfilled
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (100::numeric), (NULL)) v(o);
-- a row without a target is no metric (a LEFT JOIN's goal without
-- metrics): skipped
SELECT (rollup(o, t::metric_target)).*
FROM (VALUES (50::numeric, NULL::text), (100, 'Minst 100')) v(o, t);
SELECT (rollup(o, t::metric_target)).*
FROM (VALUES (50::numeric, NULL::text)) v(o, t);
-- no rows at all: not followed up, every count 0 (not a NULL result)
SELECT (rollup(o, t)).* FROM (SELECT 1::numeric, 'Minst 1'::metric_target WHERE false) v(o, t);
-- per group, as analysts use it
SELECT g, (rollup(o, 'Minst 10')).*
FROM (VALUES ('a', 10::numeric), ('a', 8), ('b', NULL), ('c', 9.5), ('c', 9.1)) v(g, o)
GROUP BY g ORDER BY g;
-- NaN is refused as an outcome
SELECT (rollup(o, 'Minst 10')).* FROM (VALUES ('NaN'::numeric)) v(o);

-- ===================================================================
-- Weights
-- ===================================================================

-- 80 with weight 1 and 100 with weight 3: (80 + 300) / 4 = 95 -> partly
SELECT (rollup(o, 'Minst 100', w)).*
FROM (VALUES (80::numeric, 1::numeric), (100, 3)) v(o, w);
-- fractional weights: 0.5 * 60 + 1.5 * 100 = 180, / 2 = 90 -> not_fulfilled
SELECT (rollup(o, 'Minst 100', w)).*
FROM (VALUES (60::numeric, 0.5::numeric), (100, 1.5)) v(o, w);
-- weight 0: out of the value, still in the counts; the remaining metric
-- is met, so the goal is fulfilled
SELECT (rollup(o, 'Minst 100', w)).*
FROM (VALUES (50::numeric, 0::numeric), (100, 1)) v(o, w);
-- a NULL weight is 1: 80 and 100 -> 90
SELECT (rollup(o, 'Minst 100', w)).*
FROM (VALUES (80::numeric, NULL::numeric), (100, 1)) v(o, w);
-- every followed-up metric weighs 0: no value, not_followed_up
SELECT (rollup(o, 'Minst 100', w)).*
FROM (VALUES (80::numeric, 0::numeric), (NULL, 1)) v(o, w);
-- equal weights give the unweighted result
SELECT (rollup(o, 'Minst 100', 7)) = (rollup(o, 'Minst 100')) AS same
FROM (VALUES (80::numeric), (93), (100)) v(o);
-- trailing zeros are no extra decimals; 6 decimals and 1000000 are the limits
SELECT (rollup(o, 'Minst 100', w)).fulfilment
FROM (VALUES (80::numeric, 1.0000000000::numeric), (100, 0.000001)) v(o, w);
SELECT (rollup(o, 'Minst 100', w)).fulfilment
FROM (VALUES (80::numeric, 1000000::numeric), (100, 1)) v(o, w);
-- errors: negative, too many decimals, too large, NaN
SELECT (rollup(o, 'Minst 100', w)).* FROM (VALUES (80::numeric, -1::numeric)) v(o, w);
SELECT (rollup(o, 'Minst 100', w)).* FROM (VALUES (80::numeric, 0.0000001::numeric)) v(o, w);
SELECT (rollup(o, 'Minst 100', w)).* FROM (VALUES (80::numeric, 1000000.5::numeric)) v(o, w);
SELECT (rollup(o, 'Minst 100', w)).* FROM (VALUES (80::numeric, 'NaN'::numeric)) v(o, w);
-- a negative weight is an error even for a metric without outcome
SELECT (rollup(o, 'Minst 100', w)).* FROM (VALUES (NULL::numeric, -0.5::numeric)) v(o, w);

-- ===================================================================
-- Methods: goalmetrics.rollup_method, read when the result is made
-- ===================================================================
CREATE TEMP TABLE method_case (g text, o numeric, w numeric);
INSERT INTO method_case VALUES
	('a', 80, 1), ('a', 100, 1), ('a', 100, 1),   -- mean 93.33, worst 80, 2 of 3 met
	('b', 95, 1), ('b', 100, 1),                  -- mean 97.5, worst 95, 1 of 2 met
	('c', 100, 1), ('c', 120, 1),                 -- all met
	('d', 50, 1), ('d', 100, 9);                  -- weighted: mean 95, share 90

SET goalmetrics.rollup_method = mean;
SELECT g, (rollup(o, 'Minst 100', w)).* FROM method_case GROUP BY g ORDER BY g;
-- worst: the weakest metric decides
SET goalmetrics.rollup_method = worst;
SELECT g, (rollup(o, 'Minst 100', w)).* FROM method_case GROUP BY g ORDER BY g;
-- share_met: the (weighted) share of metrics whose target is met
SET goalmetrics.rollup_method = share_met;
SELECT g, (rollup(o, 'Minst 100', w)).* FROM method_case GROUP BY g ORDER BY g;
-- 9 of 10 met is a share of exactly 90: not_fulfilled
SELECT (rollup(o, 'Minst 1')).*
FROM (SELECT CASE WHEN i = 1 THEN 0 ELSE 1 END::numeric FROM generate_series(1, 10) i) v(o);
-- zero weights stay out of the share too
SELECT (rollup(o, 'Minst 100', w)).*
FROM (VALUES (50::numeric, 0::numeric), (100, 1)) v(o, w);
SET goalmetrics.rollup_method = worst;
SELECT (rollup(o, 'Minst 100', w)).*
FROM (VALUES (50::numeric, 0::numeric), (97, 1)) v(o, w);
RESET goalmetrics.rollup_method;
SHOW goalmetrics.rollup_method;
SET goalmetrics.rollup_method = median;

-- ===================================================================
-- Thresholds: goalmetrics.partly_above and goalmetrics.fulfilled_at
-- ===================================================================

-- fulfilled_at 95 is a tolerance: a mean of 96 is fulfilled although a
-- metric is not met; the metric counts follow the same thresholds
-- (97 is fulfilled, 92 partly, 85 not_fulfilled... with partly_above 90)
SET goalmetrics.fulfilled_at = 95;
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (92::numeric), (97), (99), (100)) v(o);
-- below the tolerance: partly
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (85::numeric), (100)) v(o);
SET goalmetrics.partly_above = 80;
SELECT (rollup(o, 'Minst 100')).*
FROM (VALUES (70::numeric), (100)) v(o);
RESET goalmetrics.fulfilled_at;
RESET goalmetrics.partly_above;
-- inconsistent settings are an error when used
SET goalmetrics.partly_above = 95;
SET goalmetrics.fulfilled_at = 90;
SELECT (rollup(o, 'Minst 100')).* FROM (VALUES (85::numeric)) v(o);
RESET goalmetrics.fulfilled_at;
RESET goalmetrics.partly_above;

-- ===================================================================
-- Precision contract (doc/rollup.md)
-- ===================================================================

-- 68 and 67 against Minst 75: 90.666... and 89.333..., mean exactly 90
SELECT (rollup(o, 'Minst 75')).*
FROM (VALUES (68::numeric), (67)) v(o);
-- 2.8 and 2.6 against Minst 3: 93.333... and 86.666..., mean exactly 90
SELECT (rollup(o, 'Minst 3')).*
FROM (VALUES (2.8::numeric), (2.6)) v(o);
-- with fulfilled_at 90 the exact mean 90 reaches it: fulfilled (the sum of
-- the truncated scores is 1e-15 short, within the tolerance)
SET goalmetrics.partly_above = 80;
SET goalmetrics.fulfilled_at = 90;
SELECT (rollup(o, 'Minst 75')).*
FROM (VALUES (68::numeric), (67)) v(o);
SELECT (rollup(o, 'Minst 3')).*
FROM (VALUES (2.8::numeric), (2.6)) v(o);
-- 89.999999999 is within 1e-9 of 90: fulfilled; 89.999999998 is not
SELECT (rollup(o, 'Minst 100')).fulfilment, (rollup(o, 'Minst 100')).status
FROM (VALUES (79.999999998::numeric), (100)) v(o);
SELECT (rollup(o, 'Minst 100')).fulfilment, (rollup(o, 'Minst 100')).status
FROM (VALUES (79.999999996::numeric), (100)) v(o);
RESET goalmetrics.fulfilled_at;
RESET goalmetrics.partly_above;
-- 90.000000001 is within 1e-9 of 90: on the edge, not_fulfilled;
-- 90.000000002 is above it: partly
SELECT (rollup(o, 'Minst 100')).fulfilment, (rollup(o, 'Minst 100')).status
FROM (VALUES (80.000000002::numeric), (100)) v(o);
SELECT (rollup(o, 'Minst 100')).fulfilment, (rollup(o, 'Minst 100')).status
FROM (VALUES (80.000000004::numeric), (100)) v(o);
-- the fulfilment is rounded to 12 decimals, trailing zeros trimmed
SELECT (rollup(o, t::metric_target)).fulfilment
FROM (VALUES (68::numeric, 'Minst 75')) v(o, t);
SELECT (rollup(o, t::metric_target)).fulfilment
FROM (VALUES (2::numeric, 'Minst 3'), (2, 'Minst 3'), (1, 'Minst 3')) v(o, t);
SELECT (rollup(o, t::metric_target)).fulfilment
FROM (VALUES (1::numeric, 'Minst 3'), (3, 'Minst 3'), (3, 'Minst 3')) v(o, t);
-- weights that make repeating fractions: (1 * 80 + 2 * 95) / 3 = 90
SELECT (rollup(o, 'Minst 100', w)).*
FROM (VALUES (80::numeric, 1::numeric), (95, 2)) v(o, w);
-- weights 1/3 apart: 0.333333 and 0.666667 are taken exactly as written
SELECT (rollup(o, 'Minst 100', w)).fulfilment
FROM (VALUES (70::numeric, 0.333333::numeric), (100, 0.666667)) v(o, w);

-- ===================================================================
-- One more level: goals -> perspective -> committee -> city
-- ===================================================================
CREATE TEMP TABLE plan (committee text, perspective text, goal text, metric text,
						outcome numeric, target metric_target);
INSERT INTO plan VALUES
	('AMN', 'invånare', 'G1', 'm1', 100, 'Minst 100'),
	('AMN', 'invånare', 'G1', 'm2', 100, 'Minst 100'),
	('AMN', 'invånare', 'G1', 'm3', 100, 'Minst 100'),
	('AMN', 'invånare', 'G2', 'm4', 80, 'Minst 100'),
	('AMN', 'invånare', 'G3', 'm5', NULL, 'Minst 100'),
	('AMN', 'omvärld', 'G4', 'm6', 5, 'Över 5'),
	('AMN', 'omvärld', 'G5', 'm7', 7, 'Minst 7'),
	('SN', 'ekonomi', 'G6', 'm8', NULL, 'Minst 0 tkr'),
	('SN', 'organisation', 'G7', 'm9', 68, 'Minst 75'),
	('SN', 'organisation', 'G8', 'm10', 68, 'Minst 75'),
	('SN', 'organisation', 'G9', 'm11', 66.5, 'Minst 75');

-- goals
SELECT goal, (rollup(outcome, target)).*
FROM plan GROUP BY goal ORDER BY goal;
-- perspectives: each goal counts once.  invånare: G1 100, G2 80, G3 not
-- followed up -> mean 90, not_fulfilled (a flat mean of its metrics would
-- be 95); omvärld: G4 100 but partly (5 is not "Över 5"), G5 100 -> mean
-- 100 but not every part fulfilled -> partly; ekonomi: not followed up;
-- organisation: 90.666..., 90.666..., 88.666... -> exactly 90 (the inputs
-- are rounded to 12 decimals, their plain sum is 270.000000000001)
SELECT committee, perspective, (rollup(g)).*
FROM (SELECT committee, perspective, goal, rollup(outcome, target) AS g
	  FROM plan GROUP BY 1, 2, 3) goals
GROUP BY 1, 2 ORDER BY 1, 2;
-- committees: AMN (90, partly) -> 95, partly; SN (ekonomi not followed
-- up, organisation 90) -> 90, not_fulfilled
SELECT committee, (rollup(p)).*
FROM (SELECT committee, perspective, rollup(g) AS p
	  FROM (SELECT committee, perspective, goal, rollup(outcome, target) AS g
			FROM plan GROUP BY 1, 2, 3) goals
	  GROUP BY 1, 2) perspectives
GROUP BY 1 ORDER BY 1;
-- the city: AMN 95 and SN 90 -> 92.5, partly; 11 metrics
SELECT (rollup(c)).*
FROM (SELECT committee, rollup(p) AS c
	  FROM (SELECT committee, perspective, rollup(g) AS p
			FROM (SELECT committee, perspective, goal, rollup(outcome, target) AS g
				  FROM plan GROUP BY 1, 2, 3) goals
			GROUP BY 1, 2) perspectives
	  GROUP BY 1) committees;
-- worst and share_met one level up: the weakest goal; the share of
-- fulfilled goals (invånare: G1 of G1, G2 -> 50)
SET goalmetrics.rollup_method = worst;
SELECT perspective, (rollup(g)).fulfilment, (rollup(g)).status
FROM (SELECT perspective, goal, rollup(outcome, target) AS g FROM plan GROUP BY 1, 2) goals
GROUP BY 1 ORDER BY 1;
SET goalmetrics.rollup_method = share_met;
SELECT perspective, (rollup(g)).fulfilment, (rollup(g)).status
FROM (SELECT perspective, goal, rollup(outcome, target) AS g FROM plan GROUP BY 1, 2) goals
GROUP BY 1 ORDER BY 1;
RESET goalmetrics.rollup_method;
-- a NULL input is skipped; hand-made results are checked
SELECT (rollup(r)).*
FROM (VALUES (NULL::rollup_result), (ROW(95, 'partly', 2, 2, 1, 1, 0, 0)::rollup_result)) v(r);
SELECT (rollup(ROW(95, 'not_followed_up', 1, 1, 0, 0, 0, 1)::rollup_result)).*;
SELECT (rollup(ROW(NULL, 'partly', 1, 1, 0, 1, 0, 0)::rollup_result)).*;
SELECT (rollup(ROW(95, 'partly', 1, 2, 0, 1, 0, 0)::rollup_result)).*;
SELECT (rollup(ROW(100.5, 'partly', 1, 1, 0, 1, 0, 0)::rollup_result)).*;
SELECT (rollup(ROW(95, NULL, 1, 1, 0, 1, 0, 0)::rollup_result)).*;
SELECT (rollup(ROW(95, 'partly', -1, 1, 0, 1, 0, 0)::rollup_result)).*;

-- ===================================================================
-- The seeds: Arbetsmarknadsnämnden 2016, perspective invånare
-- ===================================================================
-- Egenförsörjning ska öka: 75/65 met, 48/65 = 73.846..., 92/90 met,
-- 36/42 = 85.714..., 81/65 met, 86/84 met, 31 vs Max 31 met:
-- mean (500 + 73.846153846153846 + 85.714285714285714) / 7
-- = 94.2229199372056514..., not every metric met -> partly.
-- Långvarigt försörjningsstöd: 42/44 = 95.4545... -> partly.
-- Inflytande: 8 vs Minst 6 met -> fulfilled.  Barn och unga: 2 086 vs
-- Högst 2 100 barn met -> fulfilled.
-- The perspective: (94.2229... + 95.4545... + 100 + 100) / 4
-- = 97.4193663479377765..., partly (the goals' values enter rounded to 12
-- decimals, so the perspective's mean is 97.41936634793775 -> 97.419366347938).
CREATE TEMP TABLE seed (goal int, metric text, outcome numeric, target metric_target);
INSERT INTO seed VALUES
	(1, 'Egenförsörjning efter gymnasial vuxenutbildning', 75, 'Minst 65 %'),
	(1, 'Egenförsörjning efter jobbprojekt', 48, 'Minst 65 %'),
	(1, 'Aktiva försörjningsstödstagare', 92, 'Minst 90 %'),
	(1, 'Egenförsörjning efter försörjningsstödsinsats', 36, 'Minst 42 %'),
	(1, 'Egenförsörjning efter studieväg 2 och 3 i SFI', 81, 'Minst 65 %'),
	(1, 'Godkända studieresultat inom vuxenutbildning', 86, 'Minst 84 %'),
	(1, 'Minskat återflöde', 31, 'Max 31 %'),
	(2, 'Andel hushåll med långvarigt försörjningsstöd', 44, 'Max 42 %'),
	(3, 'Utvecklingsprocesser där invånarna aktivt medverkar', 8, 'Minst 6'),
	(4, 'Barn i försörjningsstödshushåll', 2086, 'Högst 2 100 barn');
SELECT goal, (rollup(outcome, target)).* FROM seed GROUP BY goal ORDER BY goal;
SELECT (rollup(g)).*
FROM (SELECT goal, rollup(outcome, target) AS g FROM seed GROUP BY goal) goals;

-- ===================================================================
-- The state type rollup_state
-- ===================================================================

-- text round trip of states made by the transition functions
SELECT s, s::text::rollup_state::text = s::text AS round_trip
FROM (VALUES
	(rollup_accum(NULL, NULL, NULL)),
	(rollup_accum(rollup_accum(NULL, 68, 'Minst 75'), 67, 'Minst 75')),
	(rollup_accum(rollup_accum(NULL, 80, 'Minst 100', 2.5), NULL, 'Minst 1', 1)),
	(rollup_accum(NULL, ROW(90.666666666667, 'partly', 1, 1, 0, 1, 0, 0)::rollup_result))
) v(s);
-- combining two partial states gives the state of all rows
SELECT rollup_combine(rollup_accum(NULL, 80, 'Minst 100'), rollup_accum(NULL, 100, 'Minst 100'))::text
	 = rollup_accum(rollup_accum(NULL, 80, 'Minst 100'), 100, 'Minst 100')::text AS combine_exact;
SELECT (rollup_final(rollup_combine(rollup_accum(NULL, 80, 'Minst 100'),
									rollup_accum(NULL, 100, 'Minst 100')))).*;
-- states made under different thresholds do not combine
SELECT rollup_combine(
	'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=1 metrics=1 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=1 worst=100000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=100000000000000000000000 weighted_met=1000000',
	'v=1 level=1 partly_above=80000000 fulfilled_at=100000000 method=0 parts=1 metrics=1 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=1 worst=100000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=100000000000000000000000 weighted_met=1000000');
-- a state of metrics does not combine with one of roll-ups
SELECT rollup_combine(rollup_accum(NULL, 80, 'Minst 100'),
					  rollup_accum(NULL, ROW(80, 'not_fulfilled', 1, 1, 0, 0, 1, 0)::rollup_result));
-- the binary form: a version byte, then the fields
SELECT rollup_state_send(rollup_accum(NULL, 100, 'Minst 100'));
-- malformed text is rejected, each with the reason
SELECT 'v=1 level=0'::rollup_state;
SELECT 'v=2 level=0 partly_above=0 fulfilled_at=0 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state;
SELECT 'v=1 level=0  partly_above=0 fulfilled_at=0 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state;
SELECT 'v=1 level=0 partly_above=00 fulfilled_at=0 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state;
SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=-1 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state;
SELECT 'v=1 level=0 partly_above=0 fulfilled_at=0 method=0 parts=1 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state;
SELECT 'v=1 level=3 partly_above=90000000 fulfilled_at=100000000 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state;
SELECT 'v=1 level=1 partly_above=100000000 fulfilled_at=90000000 method=0 parts=0 metrics=0 fulfilled=0 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state;
SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=2 metrics=2 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0'::rollup_state;
SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=1 metrics=1 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=1 worst=100000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=100000000000000000000001 weighted_met=1000000'::rollup_state;
SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=2 metrics=2 fulfilled=0 partly=1 not_fulfilled=1 not_followed_up=0 valued=2 valued_met=0 worst=90000000000000000 worst_n=1 worst_exact=1 weight=2000000 weighted_pct=170000000000000000000000 weighted_met=0'::rollup_state;
SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=1 metrics=1 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=1 worst=100000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=100000000000000000000000 weighted_met=1000000 extra=1'::rollup_state;
SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=1 metrics=1 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=1 worst=100000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=100000000000000000000000 weighted_met=999999'::rollup_state;
SELECT 'v=1 level=2 partly_above=90000000 fulfilled_at=100000000 method=0 parts=1 metrics=1 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=1 worst=100000000000000000 worst_n=1 worst_exact=1 weight=2000000 weighted_pct=200000000000000000000000 weighted_met=2000000'::rollup_state;
SELECT 'v=1 level=1 partly_above=90000000 fulfilled_at=100000000 method=0 parts=1 metrics=1 fulfilled=1 partly=0 not_fulfilled=0 not_followed_up=0 valued=1 valued_met=1 worst=100000000000000000 worst_n=1 worst_exact=1 weight=1000000 weighted_pct=100000000000000000000000 weighted_met=1000000000000000000000000000000000000000'::rollup_state;

-- the binary form round-trips through COPY BINARY, and malformed binary
-- states are rejected by the receive function
CREATE TEMP TABLE state_io (s rollup_state);
INSERT INTO state_io
SELECT rollup_accum(rollup_accum(rollup_accum(NULL, 68, 'Minst 75'), 67, 'Minst 75', 2), NULL, 'Minst 1');
INSERT INTO state_io VALUES (rollup_accum(NULL, NULL, NULL));
SELECT '/tmp/goalmetrics_rollup_' || pg_backend_pid() || '.bin' AS state_file \gset
COPY state_io TO :'state_file' (FORMAT binary);
CREATE TEMP TABLE state_back (s rollup_state);
COPY state_back FROM :'state_file' (FORMAT binary);
SELECT (SELECT array_agg(s::text ORDER BY s::text) FROM state_io)
	 = (SELECT array_agg(s::text ORDER BY s::text) FROM state_back) AS binary_round_trip;
-- bytes with version 2, then bytes whose counts do not add up, then a
-- truncated state: each is refused (COPY BINARY hands a bytea's bytes to
-- rollup_state_recv)
COPY (SELECT overlay(rollup_state_send(rollup_accum(NULL, 100, 'Minst 100')) PLACING '\x02' FROM 1 FOR 1)) TO :'state_file' (FORMAT binary);
COPY state_back FROM :'state_file' (FORMAT binary);
COPY (SELECT overlay(rollup_state_send(rollup_accum(NULL, 100, 'Minst 100')) PLACING '\x0000000000000002' FROM 36 FOR 8)) TO :'state_file' (FORMAT binary);
COPY state_back FROM :'state_file' (FORMAT binary);
COPY (SELECT substr(rollup_state_send(rollup_accum(NULL, 100, 'Minst 100')), 1, 100)) TO :'state_file' (FORMAT binary);
COPY state_back FROM :'state_file' (FORMAT binary);
-- counts are 32-bit in the state (as in rollup_result): 2^31 parts is
-- refused in the binary form (parts at bytes 20-27) and in the text form
COPY (SELECT overlay(rollup_state_send(rollup_accum(NULL, 100, 'Minst 100')) PLACING '\x0000000080000000' FROM 20 FOR 8)) TO :'state_file' (FORMAT binary);
COPY state_back FROM :'state_file' (FORMAT binary);
SELECT replace(rollup_accum(NULL, 100, 'Minst 100')::text, 'parts=1', 'parts=2147483648')::rollup_state;
-- 2^31 - 1 of everything is a valid state; one more part is out of range
CREATE TEMP TABLE state_max AS
SELECT replace(rollup_accum(NULL, 100, 'Minst 100')::text,
			   'parts=1 metrics=1 fulfilled=1', 'parts=2147483647 metrics=2147483647 fulfilled=2147483647')::rollup_state AS s;
SELECT s::text LIKE '%parts=2147483647 metrics=2147483647%' AS int32_max_read FROM state_max;
SELECT rollup_accum(s, 100, 'Minst 100') FROM state_max;
SELECT rollup_combine(s, rollup_accum(NULL, 100, 'Minst 100')) FROM state_max;
SELECT count(*) AS states_back FROM state_back;

-- ===================================================================
-- Moving windows: the inverse transition gives what recomputing gives
-- ===================================================================
CREATE TEMP TABLE series (metric int, year int, outcome numeric, target metric_target, w numeric);
INSERT INTO series
SELECT m, y,
	   CASE WHEN (m * 7 + y * 3) % 11 = 0 THEN NULL
			ELSE 60 + ((m * 37 + y * 53) % 50) END,
	   CASE WHEN m % 3 = 0 THEN 'Minst 90'::metric_target
			WHEN m % 3 = 1 THEN 'Högst 70'::metric_target
			ELSE 'Minst 75 %'::metric_target END,
	   (m + y) % 4
FROM generate_series(1, 12) m, generate_series(2001, 2020) y;

CREATE TEMP VIEW moving_vs_recomputed AS
WITH moving AS (
	SELECT metric, year,
		   rollup(outcome, target) OVER w AS r,
		   rollup(outcome, target, w) OVER w AS rw
	FROM series
	WINDOW w AS (PARTITION BY metric ORDER BY year ROWS 2 PRECEDING)
), recomputed AS (
	SELECT s.metric, s.year,
		   (SELECT rollup(x.outcome, x.target) FROM series x
			WHERE x.metric = s.metric AND x.year BETWEEN s.year - 2 AND s.year) AS r,
		   (SELECT rollup(x.outcome, x.target, x.w) FROM series x
			WHERE x.metric = s.metric AND x.year BETWEEN s.year - 2 AND s.year) AS rw
	FROM series s
)
SELECT 'moving only' AS side, * FROM (SELECT * FROM moving EXCEPT SELECT * FROM recomputed) a
UNION ALL
SELECT 'recomputed only', * FROM (SELECT * FROM recomputed EXCEPT SELECT * FROM moving) b;

SELECT count(*) AS differences FROM moving_vs_recomputed;
SET goalmetrics.rollup_method = worst;
SELECT count(*) AS differences FROM moving_vs_recomputed;
SET goalmetrics.rollup_method = share_met;
SELECT count(*) AS differences FROM moving_vs_recomputed;
RESET goalmetrics.rollup_method;
-- the inverse transition itself: removing a row gives the state without it;
-- where the weakest metric leaves and others stay it cannot know the next
-- weakest, and returns NULL (PostgreSQL then recomputes the frame)
SELECT rollup_inverse(rollup_accum(rollup_accum(NULL, 80, 'Minst 100'), 100, 'Minst 100'), 100, 'Minst 100')::text
	 = rollup_accum(NULL, 80, 'Minst 100')::text AS inverse_exact;
SELECT rollup_inverse(rollup_accum(rollup_accum(NULL, 80, 'Minst 100', 2), NULL, 'Minst 1', 1), NULL, 'Minst 1', 1)::text
	 = rollup_accum(NULL, 80, 'Minst 100', 2)::text AS inverse_weighted_exact;
SELECT rollup_inverse(rollup_accum(rollup_accum(NULL, 80, 'Minst 100'), 100, 'Minst 100'), 80, 'Minst 100') IS NULL AS worst_left;
-- removing the only row leaves nothing to roll up
SELECT (rollup_final(rollup_inverse(rollup_accum(NULL, 80, 'Minst 100'), 80, 'Minst 100'))).*;
-- a window whose worst metric leaves (80 leaves the frame, 90 stays)
SELECT year, (rollup(o, 'Minst 100') OVER w).fulfilment AS mean
FROM (VALUES (1, 80::numeric), (2, 90), (3, 100), (4, 95), (5, NULL)) v(year, o)
WINDOW w AS (ORDER BY year ROWS 1 PRECEDING) ORDER BY year;
SET goalmetrics.rollup_method = worst;
SELECT year, (rollup(o, 'Minst 100') OVER w).fulfilment AS worst
FROM (VALUES (1, 80::numeric), (2, 90), (3, 100), (4, 95), (5, NULL)) v(year, o)
WINDOW w AS (ORDER BY year ROWS 1 PRECEDING) ORDER BY year;
RESET goalmetrics.rollup_method;
-- and one level up
SELECT p, (rollup(g) OVER (ORDER BY p ROWS 1 PRECEDING)).fulfilment
FROM (SELECT goal AS p, rollup(outcome, target) AS g FROM plan GROUP BY goal) goals
ORDER BY p;

-- ===================================================================
-- trend(year, outcome, target)
-- ===================================================================

-- at least: rising improves.  2 % of the earlier 100 is 2: a change of
-- exactly 2 is stable, more is improving / worsening
SELECT t.label, trend(y, o, 'Minst 110') AS trend
FROM (VALUES ('+2.01', 2015, 100::numeric), ('+2.01', 2016, 102.01),
			 ('+2', 2015, 100), ('+2', 2016, 102),
			 ('-2', 2015, 100), ('-2', 2016, 98),
			 ('-2.01', 2015, 100), ('-2.01', 2016, 97.99)) t(label, y, o)
GROUP BY t.label ORDER BY t.label;
-- at most: falling improves
SELECT t.label, trend(y, o, 'Högst 2 100 barn') AS trend
FROM (VALUES ('falls 3 %', 2015, 2200::numeric), ('falls 3 %', 2016, 2134),
			 ('rises 3 %', 2015, 2200), ('rises 3 %', 2016, 2266),
			 ('falls 1 %', 2015, 2200), ('falls 1 %', 2016, 2178)) t(label, y, o)
GROUP BY t.label ORDER BY t.label;
-- below (strict) like at most, above like at least
SELECT trend(y, o, 'Under 5') AS below, trend(y, o, 'Över 5') AS above
FROM (VALUES (2015, 10::numeric), (2016, 6)) t(y, o);
-- exactly: closer to the target is better, from either side
SELECT t.label, trend(y, o, 'Exakt 100') AS trend
FROM (VALUES ('90 -> 97', 2015, 90::numeric), ('90 -> 97', 2016, 97),
			 ('110 -> 104', 2015, 110), ('110 -> 104', 2016, 104),
			 ('97 -> 106', 2015, 97), ('97 -> 106', 2016, 106),
			 ('95 -> 105', 2015, 95), ('95 -> 105', 2016, 105),
			 ('100 -> 100', 2015, 100), ('100 -> 100', 2016, 100)) t(label, y, o)
GROUP BY t.label ORDER BY t.label;
-- between: inside the range is distance 0; moving within it is stable
SELECT t.label, trend(y, o, 'Mellan 95 och 105 %') AS trend
FROM (VALUES ('80 -> 96', 2015, 80::numeric), ('80 -> 96', 2016, 96),
			 ('96 -> 104', 2015, 96), ('96 -> 104', 2016, 104),
			 ('104 -> 120', 2015, 104), ('104 -> 120', 2016, 120)) t(label, y, o)
GROUP BY t.label ORDER BY t.label;
-- a baseline target follows its comparator: "Minska från 40 till 30" is at most
SELECT trend(y, o, 'Öka från 70 % till 75 %') AS increase,
	   trend(y, o, 'Minska från 40 till 30') AS decrease
FROM (VALUES (2015, 72::numeric), (2016, 74)) t(y, o);
-- direction targets: "Öka" like at least, "Minska" like at most; maintain
-- and improve count higher as better (a metric where lower is better
-- passes judged_target(target, previous, true), at most or below)
SELECT trend(y, o, 'Öka') AS increase, trend(y, o, 'ska minska') AS decrease,
	   trend(y, o, 'Bibehålla') AS maintain, trend(y, o, 'ska förbättras') AS improve,
	   trend(y, o, judged_target('ska förbättras', 72, true)) AS improve_lower_better
FROM (VALUES (2015, 72::numeric), (2016, 80)) t(y, o);
-- fewer than two followed-up years: NULL
SELECT trend(y, o, 'Minst 1') AS trend
FROM (VALUES (2014, NULL::numeric), (2015, NULL), (2016, 5)) t(y, o);
SELECT trend(y, o, 'Minst 1') AS trend
FROM (VALUES (2016, 4::numeric), (2016, 5)) t(y, o);
SELECT trend(y, o, 'Minst 1') AS trend FROM (VALUES (2016, 4::numeric)) t(y, o) WHERE false;
-- years, not input order, decide; years without outcome are skipped
SELECT trend(y, o, 'Minst 1' ORDER BY y DESC) AS newest_first,
	   trend(y, o, 'Minst 1' ORDER BY o) AS by_outcome
FROM (VALUES (2014, 10::numeric), (2015, 20), (2016, NULL), (2013, NULL)) t(y, o);
-- the target is the latest year's: the metric changed from "Minst" to "Högst"
SELECT trend(y, o, t::metric_target) AS trend
FROM (VALUES (2014, 50::numeric, 'Minst 60'), (2016, 40, 'Högst 45'), (2015, 45, 'Minst 60')) v(y, o, t);
-- even when the latest year has no outcome yet
SELECT trend(y, o, t::metric_target) AS trend
FROM (VALUES (2014, 50::numeric, 'Minst 60'), (2015, 40, 'Minst 60'), (2016, NULL, 'Högst 45')) v(y, o, t);
-- without any target there is no direction: NULL
SELECT trend(y, o, NULL) AS trend FROM (VALUES (2015, 1::numeric), (2016, 2)) v(y, o);
-- an earlier outcome of 0: any change counts; a negative one: its size
SELECT trend(y, o, 'Minst 0 tkr') AS from_zero
FROM (VALUES (2015, 0::numeric), (2016, 0.01)) v(y, o);
SELECT trend(y, o, 'Minst 0 tkr') AS from_zero_200_decimals
FROM (VALUES (2015, round(0, 200)), (2016, 0.01)) v(y, o);
SELECT trend(y, o, 'Minst 0 tkr') AS from_negative
FROM (VALUES (2015, -100::numeric), (2016, -98)) v(y, o);
-- goalmetrics.trend_tolerance
SET goalmetrics.trend_tolerance = 0;
SELECT trend(y, o, 'Minst 1') AS tol_0 FROM (VALUES (2015, 100::numeric), (2016, 100.000001)) v(y, o);
SET goalmetrics.trend_tolerance = 10;
SELECT trend(y, o, 'Minst 1') AS tol_10 FROM (VALUES (2015, 100::numeric), (2016, 110)) v(y, o);
SELECT trend(y, o, 'Minst 1') AS tol_10 FROM (VALUES (2015, 100::numeric), (2016, 89.99)) v(y, o);
RESET goalmetrics.trend_tolerance;
-- the seeds (2014, 2015, 2016 outcomes; 2 % of the earliest)
SELECT metric, trend(y, o, t) AS trend, trend_symbol(trend(y, o, t)) AS symbol
FROM (VALUES
	('Egenförsörjning efter jobbprojekt', 2014, 59::numeric, 'Minst 65 %'::metric_target),
	('Egenförsörjning efter jobbprojekt', 2015, 60, 'Minst 65 %'),
	('Egenförsörjning efter jobbprojekt', 2016, 48, 'Minst 65 %'),
	('Barn i försörjningsstödshushåll', 2014, 2315, 'Högst 2 100 barn'),
	('Barn i försörjningsstödshushåll', 2015, 2175, 'Högst 2 100 barn'),
	('Barn i försörjningsstödshushåll', 2016, 2086, 'Högst 2 100 barn'),
	('NKI', 2014, 78, 'Minst NKI 75'),
	('NKI', 2015, 77, 'Minst NKI 75'),
	('NKI', 2016, 79, 'Minst NKI 75'),
	('Andel klienter inom Barn, unga och familj', 2014, NULL, 'Minst 75 %'),
	('Andel klienter inom Barn, unga och familj', 2015, 68, 'Minst 75 %'),
	('Andel klienter inom Barn, unga och familj', 2016, 68, 'Minst 75 %'),
	('Ekologiska livsmedel', 2014, 36, 'Minst 40 %'),
	('Ekologiska livsmedel', 2015, 34, 'Minst 40 %'),
	('Ekologiska livsmedel', 2016, 24, 'Minst 40 %'),
	('Utvecklingsprocesser', 2014, NULL, 'Minst 6'),
	('Utvecklingsprocesser', 2015, 1, 'Minst 6'),
	('Utvecklingsprocesser', 2016, 8, 'Minst 6')) v(metric, y, o, t)
GROUP BY metric ORDER BY metric;
-- over a moving window of three years
SELECT y, trend(y, o, 'Minst 65 %') OVER (ORDER BY y ROWS 2 PRECEDING) AS trend
FROM (VALUES (2012, 60::numeric), (2013, 59), (2014, 59), (2015, 60), (2016, 48)) v(y, o)
ORDER BY y;
-- trend_symbol
SELECT trend_symbol('improving') AS up, trend_symbol('stable') AS flat,
	   trend_symbol('worsening') AS down, trend_symbol(NULL) AS none;
SELECT trend_symbol('sideways');
-- NaN outcomes are refused
SELECT trend(y, o, 'Minst 1') FROM (VALUES (2015, 'NaN'::numeric), (2016, 1)) v(y, o);

-- the state type trend_state
SELECT s, s::text::trend_state::text = s::text AS round_trip
FROM (VALUES
	(trend_accum(NULL, NULL, NULL, NULL)),
	(trend_accum(trend_accum(NULL, 2016, 48, 'Minst 65 %'), 2014, 59.50, 'Minst 60 %')),
	(trend_accum(NULL, 2016, -0.001, 'Mellan 95 och 105 %'))
) v(s);
SELECT 'v=1 first=2016:1 last=2015:1 target=- tolerance=-'::trend_state;
SELECT 'v=1 first=2015:1 last=- target=- tolerance=-'::trend_state;
SELECT 'v=1 first=2016:1 last=2016:2 target=- tolerance=-'::trend_state;
SELECT 'v=1 first=2015:01 last=2016:2 target=- tolerance=-'::trend_state;
SELECT 'v=1 first=2015:-0 last=2016:2 target=- tolerance=-'::trend_state;
SELECT 'v=1 first=- last=- target=2016:ff tolerance=-'::trend_state;
SELECT 'v=2 first=- last=- target=- tolerance=-'::trend_state;
SELECT trend_final(trend_combine(trend_accum(NULL, 2014, 59, 'Minst 65 %'),
								 trend_accum(NULL, 2016, 48, 'Minst 65 %'))) AS combined;

-- ===================================================================
-- doc/rollup.md, worked examples (verbatim; the comments give the results)
-- ===================================================================
SELECT (rollup(o, 'Minst 100')).fulfilment, (rollup(o, 'Minst 100')).status FROM (VALUES (80::numeric), (100)) v(o);
-- 90 | not_fulfilled
SELECT (rollup(o, 'Minst 100')).fulfilment, (rollup(o, 'Minst 100')).status FROM (VALUES (70::numeric), (100), (100)) v(o);
-- 90 | not_fulfilled
SELECT (rollup(o, 'Minst 75')).fulfilment, (rollup(o, 'Minst 75')).status FROM (VALUES (68::numeric), (67)) v(o);
-- 90 | not_fulfilled
SELECT (rollup(o, 'Minst 75')).fulfilment FROM (VALUES (68::numeric)) v(o);
-- 90.666666666667
SELECT (rollup(o, t)).fulfilment, (rollup(o, t)).status FROM (VALUES (5::numeric, 'Över 5'::metric_target), (10, 'Minst 10')) v(o, t);
-- 100 | partly
SELECT (rollup(o, 'Minst 100')).* FROM (VALUES (80::numeric), (NULL), (100)) v(o);
-- 90 | not_fulfilled | 3 | 3 | 1 | 0 | 1 | 1
SELECT (rollup(o, 'Minst 100', w)).fulfilment FROM (VALUES (80::numeric, 1::numeric), (100, 3)) v(o, w);
-- 95
SELECT (rollup(o, 'Minst 100', w)).status FROM (VALUES (50::numeric, 0::numeric), (100, 1)) v(o, w);
-- fulfilled
SELECT (rollup(g)).fulfilment, (rollup(g)).status, (rollup(g)).parts, (rollup(g)).metrics
FROM (SELECT k, rollup(o, 'Minst 100') AS g
      FROM (VALUES (1, 100::numeric), (1, 100), (1, 100), (2, 80)) v(k, o) GROUP BY k) goals;
-- 90 | not_fulfilled | 2 | 4
SELECT (rollup(g)).fulfilment, (rollup(g)).status
FROM (SELECT k, rollup(o, 'Minst 75') AS g
      FROM (VALUES (1, 68::numeric), (2, 68), (3, 66.5)) v(k, o) GROUP BY k) goals;
-- 90 | not_fulfilled
SET goalmetrics.rollup_method = worst;
SELECT (rollup(o, 'Minst 100')).fulfilment FROM (VALUES (80::numeric), (100), (100)) v(o);
-- 80
SET goalmetrics.rollup_method = share_met;
SELECT (rollup(o, 'Minst 100')).fulfilment FROM (VALUES (80::numeric), (100), (100)) v(o);
-- 66.666666666667
RESET goalmetrics.rollup_method;
SELECT trend(y, o, 'Högst 2 100 barn') FROM (VALUES (2014, 2315::numeric), (2015, 2175), (2016, 2086)) v(y, o);
-- improving
SELECT trend(y, o, 'Minst 65 %') FROM (VALUES (2014, 59::numeric), (2015, 60), (2016, 48)) v(y, o);
-- worsening
SELECT trend(y, o, 'Minst NKI 75') FROM (VALUES (2014, 78::numeric), (2015, 77), (2016, 79)) v(y, o);
-- stable
SELECT trend(y, o, 'Exakt 100') FROM (VALUES (2015, 110::numeric), (2016, 104)) v(y, o);
-- improving
SELECT trend_symbol('improving'), trend_symbol('stable'), trend_symbol('worsening');
-- ↑ | → | ↓

-- ===================================================================
-- trend() is a trend_direction: ordered best first
-- ===================================================================
SELECT pg_typeof(trend(y, o, 'Minst 1')) AS type
FROM (VALUES (2015, 1::numeric), (2016, 2)) v(y, o);
SELECT m, trend(y, o, t) AS trend
FROM (VALUES ('up', 2015, 10::numeric, 'Minst 20'::metric_target), ('up', 2016, 12, 'Minst 20'),
			 ('flat', 2015, 10, 'Minst 20'), ('flat', 2016, 10, 'Minst 20'),
			 ('down', 2015, 10, 'Minst 20'), ('down', 2016, 8, 'Minst 20')) v(m, y, o, t)
GROUP BY m ORDER BY 2;
-- up | improving, flat | stable, down | worsening
SELECT enum_range(NULL::trend_direction) AS in_order;
-- a trend in a table of its own, ordered and grouped by it
CREATE TEMP TABLE trend_table AS
SELECT m, trend(y, o, 'Högst 5') AS tr
FROM (VALUES ('a', 2015, 10::numeric), ('a', 2016, 4), ('b', 2015, 4), ('b', 2016, 10)) v(m, y, o) GROUP BY m;
SELECT tr, trend_symbol(tr) AS symbol, count(*) FROM trend_table GROUP BY tr ORDER BY tr;
-- improving | ↑ | 1, worsening | ↓ | 1
SELECT trend_symbol('sideways');

-- ===================================================================
-- rollup() takes the outcome types status() takes
-- ===================================================================
-- integer and bigint outcomes are exact; float8 and real are read as the
-- decimal they print as (81.9, not 81.900000000000006): the same roll-up
-- as the numeric one, row for row and weighted
CREATE TEMP TABLE typed (g int, o numeric, t metric_target, w numeric);
INSERT INTO typed VALUES
	(1, 81.9, 'Minst 91', 1), (1, 4.1, 'Högst 4', 2), (1, 68, 'Minst 75 %', NULL),
	(2, 12, 'Mellan 10 och 14', 1), (2, NULL, 'Minst 5', 1), (2, 95, 'Över 95', 0.5),
	(3, 9007199254740993, 'Högst 999999999999999', 1);
SELECT g, (rollup(o, t)).fulfilment AS by_numeric,
	   rollup(o::float8, t) = rollup(o, t) AS float8_same,
	   rollup(o::real, t) = rollup(o::real::text::numeric, t) AS real_same,
	   rollup(o::float8, t, w) = rollup(o, t, w) AS float8_weighted_same
FROM typed WHERE g < 3 GROUP BY g ORDER BY g;
SELECT g, rollup(o::int, t) = rollup(o::int::numeric, t) AS int_same,
	   rollup(o::int, t, w) = rollup(o::int::numeric, t, w) AS int_weighted_same
FROM typed WHERE g = 2 GROUP BY g;
-- a bigint beyond 2^53 is read exactly, as the numeric is
SELECT rollup(o::bigint, t) = rollup(o, t) AS bigint_same, (rollup(o::bigint, t)).fulfilment
FROM typed WHERE g = 3;
-- a moving window over float8 outcomes takes rows out again
SELECT o, (rollup(o::float8, t) OVER (ORDER BY g, o ROWS 1 PRECEDING)).fulfilment AS moving,
	   (rollup(o, t) OVER (ORDER BY g, o ROWS 1 PRECEDING)).fulfilment AS moving_numeric
FROM typed WHERE g < 3 ORDER BY g, o;
SELECT rollup('NaN'::float8, 'Minst 1');
