-- Scale-out test and benchmark: a deterministic generator of outcome rows,
-- loaded on every node (coordinator and shards) so that any node can make
-- the same rows: the coordinator's local reference copy and the shards'
-- parts are then the same data, row for row.  Not part of the extension.
--
--   shard_test.outcomes(committees, goals, metrics, first_year, last_year)
--
-- committees: how many committees (1..8, named as Swedish committees are);
-- goals: goals per committee; metrics: metrics per goal; one outcome per
-- metric and year.  Rows = committees * goals * metrics * years.
--
-- The targets are the seed reports' forms (DOMAIN.md), with outcomes
-- spread around them so that every band occurs at goal level: in a
-- quarter of the goals every outcome meets its target (100-129 % of it), in
-- another quarter outcomes lie at 88-117 % (mostly partly), in the rest at
-- 60-129 %; there a few outcomes lie exactly on the 90 % edge (81,9
-- against Minst 91; 35 against Högst 31,5).  Some outcomes are missing (not
-- followed up), some goals have none at all; there are zero targets
-- (Minst 0 tkr) and zero weights.
-- Only integer arithmetic decides which row gets what, so every server
-- makes the same rows.

CREATE SCHEMA IF NOT EXISTS shard_test;

CREATE OR REPLACE FUNCTION shard_test.committee_name(c int)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (ARRAY['Arbetsmarknadsnämnden', 'Socialnämnden', 'Kulturnämnden',
	'Skol- och fritidsnämnden', 'Stadsbyggnadsnämnden',
	'Vård- och omsorgsnämnden', 'Miljönämnden', 'Fastighetsnämnden'])[c];

CREATE OR REPLACE FUNCTION shard_test.outcomes(committees int, goals int,
	metrics int, first_year int, last_year int)
RETURNS TABLE (committee text, goal_id int, metric_id int, year int,
	outcome numeric, target goalmetrics.metric_target, weight numeric)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
WITH targets (k, target, value, higher) AS (
	VALUES (0, 'Minst 65 %', 65::numeric, true),
		(1, 'Max 31 %', 31, false),
		(2, 'Högst 2 100 barn', 2100, false),
		(3, 'Minst index 79', 79, true),
		(4, 'Minst NKI 75', 75, true),
		(5, 'Minst 3 500 tkr', 3500, true),
		(6, 'Minst 0 tkr', 0, true),
		(7, '100 %', 100, true),
		(8, 'Minst 6', 6, true),
		(9, 'Max 13,2 %', 13.2, false),
		(10, 'Minst 72,3', 72.3, true),
		(11, 'Högst 170 vårddygn', 170, false),
		(12, 'Minst 91', 91, true),
		(13, 'Högst 31,5', 31.5, false)
),
grid AS (
	SELECT c, (c - 1) * goals + g AS goal_id,
		((c - 1) * goals + g - 1) * metrics + m AS metric_id, y
	FROM generate_series(1, committees) c,
		generate_series(1, goals) g,
		generate_series(1, metrics) m,
		generate_series(first_year, last_year) y
),
scored AS (
	SELECT r.*, t.*, q.low,
		-- outcome at low..low+width-1 % of the target, from metric and year
		q.low + (r.metric_id * 7919 + r.y * 104729) % q.width AS pct
	FROM grid r
	JOIN targets t ON t.k = r.metric_id % 14
	JOIN (VALUES (0, 100, 30), (1, 88, 30), (2, 60, 70), (3, 60, 70))
		q (quality, low, width) ON q.quality = r.goal_id % 4
)
SELECT shard_test.committee_name(s.c), s.goal_id, s.metric_id, s.y,
	CASE
		WHEN s.goal_id % 23 = 0 THEN NULL               -- goal never followed up
		WHEN (s.metric_id * 13 + s.y) % 11 = 0 THEN NULL  -- outcome missing
		WHEN s.low = 60 AND s.k = 12 AND (s.metric_id + s.y) % 5 = 0
			THEN 81.9                                  -- exactly 90 %
		WHEN s.low = 60 AND s.k = 13 AND (s.metric_id + s.y) % 5 = 0
			THEN 35                                    -- exactly 90 %
		WHEN s.k = 6 THEN (s.pct - 100) * 100          -- zero target
		WHEN s.higher THEN round(s.value * s.pct / 100, 1)
		ELSE round(s.value * 100 / s.pct, 1)
	END,
	s.target::goalmetrics.metric_target,
	CASE WHEN s.metric_id % 29 = 0 THEN 0 ELSE 1 + s.metric_id % 3 END
FROM scored s
$$;
