-- A populated goalmetrics database for the reliability scripts: the
-- Helsingborg 2016 seed pages through the import path, then generated
-- committees (psql variable committees, default 20), each with two goals in
-- each of the four perspectives and metrics_per_goal metrics (default 5),
-- targets for 2014-2016 in every form the type reads, and outcomes for
-- most metrics and years (some left out: not followed up).  Deterministic
-- (setseed), so that two runs give the same database.
--   psql -v committees=20 -v metrics_per_goal=5 -f test/reliability/populate.sql
\set ON_ERROR_STOP 1
\if :{?committees}
\else
\set committees 20
\endif
\if :{?metrics_per_goal}
\else
\set metrics_per_goal 5
\endif
\ir ../../data/helsingborg-2016.sql
SELECT setseed(0.42);

INSERT INTO goalmetrics.committee (name, sort)
SELECT format('Genererad nämnd %s', lpad(c::text, 4, '0')), 100 + c
FROM generate_series(1, :committees) c;

INSERT INTO goalmetrics.goal (committee_id, perspective_id, title, sort)
SELECT c.committee_id, p.perspective_id, format('Mål %s.%s', p.sort, k), p.sort * 10 + k
FROM goalmetrics.committee c
CROSS JOIN goalmetrics.perspective p
CROSS JOIN generate_series(1, 2) k
WHERE c.name LIKE 'Genererad nämnd %';

INSERT INTO goalmetrics.metric (goal_id, name, weight, sort)
SELECT g.goal_id, format('Mätetal %s', k), CASE WHEN k = 3 THEN 2 END, k
FROM goalmetrics.goal g
JOIN goalmetrics.committee c USING (committee_id)
CROSS JOIN generate_series(1, :metrics_per_goal) k
WHERE c.name LIKE 'Genererad nämnd %';

-- targets in every form: at least, at most, percent, unit before, ranges,
-- strict comparators, bare, change targets, zero and negative values
INSERT INTO goalmetrics.target (metric_id, year, target)
SELECT m.metric_id, y,
	   (ARRAY['Minst 65 %', 'Högst 2 100 barn', 'Minst index 79', 'Mellan 95 och 105 %',
			  'Öka från 70 % till 75 %', 'Under 13', 'Över 4,5', '100 %', 'Minst 0 tkr',
			  'Högst -2', 'Exakt 42', 'Minst 72,3', 'ska minska från 40 till 32 dagar',
			  'Högst 13,2 %', 'Minst NKI 75'])[1 + (m.metric_id * 7 + y) % 15]::goalmetrics.metric_target
FROM goalmetrics.metric m
JOIN goalmetrics.goal g USING (goal_id)
JOIN goalmetrics.committee c USING (committee_id)
CROSS JOIN generate_series(2014, 2016) y
WHERE c.name LIKE 'Genererad nämnd %';

-- outcomes around the targets: met, nearly met, far off, and some missing
INSERT INTO goalmetrics.outcome (metric_id, year, value)
SELECT t.metric_id, t.year,
	   round((goalmetrics.target_value(t.target) * (0.7 + random() * 0.6) + random() * 4 - 2)::numeric, 1)
FROM goalmetrics.target t
JOIN goalmetrics.metric m USING (metric_id)
JOIN goalmetrics.goal g USING (goal_id)
JOIN goalmetrics.committee c USING (committee_id)
WHERE c.name LIKE 'Genererad nämnd %' AND random() < 0.9;

SELECT goalmetrics.refresh_summary(y) FROM generate_series(2014, 2016) y;
ANALYZE;
