-- Every SQL example of README.md, verbatim (the ALTER DATABASE, \copy
-- and pg_cron examples need a database name or a file; test/cluster.sh runs
-- the import and pg_cron recipes).  The roll-up examples read
-- metric_outcome: one row per metric and year 2014-2016 of the Helsingborg
-- data, with the year's outcome and target.
SET search_path = public, goalmetrics;
BEGIN;
\set ECHO none
\o /dev/null
\i data/helsingborg-2016.sql
\o
\set ECHO all
-- ids are numbered in the report's order, independent of the sequences
-- (which other tests advance)
CREATE TEMP VIEW metric_outcome AS
SELECT dense_rank() OVER (ORDER BY c.name, p.sort, g.sort, g.goal_id) AS goal_id,
       p.name_sv AS perspective,
       dense_rank() OVER (ORDER BY c.name, p.sort, g.sort, g.goal_id, m.sort, m.metric_id) AS metric_id,
       y.year, o.value AS outcome, t.target
  FROM goalmetrics.metric m
  JOIN goalmetrics.goal g USING (goal_id)
  JOIN goalmetrics.committee c USING (committee_id)
  JOIN goalmetrics.perspective p USING (perspective_id)
  CROSS JOIN generate_series(2014, 2016) AS y(year)
  LEFT JOIN goalmetrics.outcome o ON o.metric_id = m.metric_id AND o.year = y.year
  LEFT JOIN goalmetrics.target t ON t.metric_id = m.metric_id AND t.year = y.year;

SELECT 'at least 65 percent'::metric_target;          -- Minst 65 %
SELECT 'Högst 2 100 barn'::metric_target;             -- Högst 2 100 barn
SELECT '95–105 %'::metric_target;                     -- Mellan 95 och 105 %
SELECT 'increase from 70 % to 75 %'::metric_target;   -- Öka från 70 % till 75 %
SELECT format_target('Minst index 79', 'symbolic');   -- >= index 79
SELECT target_value('Max 13,2 %'), target_unit('Max 13,2 %');  -- 13.2, %
SELECT try_metric_target('ungefär 65');               -- NULL, no error

SELECT fulfilment(48, 'Minst 65 %');                 -- 73.846153846153846
SELECT status(68, 'Minst 75 %');                     -- partly (90.67 %)
SELECT meets(2086, 'Högst 2 100 barn');              -- true
SELECT status(NULL::numeric, 'Minst 65 %');          -- not_followed_up
SELECT status_label(status(81.9, 'Minst 91'));       -- Uppfyllelse 90 procent eller lägre

SELECT goal_id, (rollup(outcome, target)).*               -- or rollup(outcome, target, weight)
FROM metric_outcome WHERE year = 2016 GROUP BY goal_id ORDER BY goal_id;
-- fulfilment | status | parts | metrics | fulfilled | partly | not_fulfilled | not_followed_up

SELECT perspective, (rollup(g)).*                          -- each goal counts once
FROM (SELECT perspective, goal_id, rollup(outcome, target) AS g
      FROM metric_outcome WHERE year = 2016 GROUP BY 1, 2) goals
GROUP BY perspective ORDER BY perspective;

SELECT metric_id, trend(year, outcome, target)             -- improving / stable / worsening
FROM metric_outcome GROUP BY metric_id ORDER BY metric_id;

SELECT metric, outcome_prev2, outcome_prev1, outcome, target, status_label, trend
  FROM goalmetrics.annual_report(2016, 'Socialnämnden');
SELECT committee, perspective, fulfilment, status
  FROM goalmetrics.perspective_status WHERE year = 2016 ORDER BY 1, 2;

ROLLBACK;
