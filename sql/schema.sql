-- The reference schema on the Helsingborg 2016 data, loaded through the
-- import path: the annual report and the roll-ups as people read them.
-- Statuses follow from the rules (see test/pgtap/41_reports.sql for the
-- arithmetic, row by row).
SET search_path = public, goalmetrics;
BEGIN;
\set ECHO none
\o /dev/null
\i data/helsingborg-2016.sql
\o
\set ECHO all
SELECT count(*) AS rows_left_in_report_import FROM report_import;
-- the report, 2016, Socialnämnden (outcomes 2014, 2015, 2016, target 2016)
SELECT metric, outcome_prev2, outcome_prev1, outcome, target, status, trend
  FROM annual_report(2016, 'Socialnämnden');
SELECT committee, perspective, round(fulfilment, 2) AS fulfilment, status, goals, metrics
  FROM perspective_status WHERE year = 2016 ORDER BY committee_sort, perspective_sort;
SELECT committee, round(fulfilment, 2) AS fulfilment, status, status_label, goals, metrics,
       fulfilled, partly, not_fulfilled, not_followed_up
  FROM committee_status WHERE year = 2016 ORDER BY committee_sort;
-- outcomes as reports write them
SELECT t AS written, read_outcome(t)
  FROM unnest(ARRAY['59 %', '2 315', '72,3', '-', U&'\22124', '3 518 tkr', U&'5\2007000']) t;
-- with the number grammar of targets: what it refuses is never guessed
SELECT t AS written, outcome_problem(t)
  FROM unnest(ARRAY['ungefär 5', '59 60', '1 23', '2014 2015', U&'\2212 4', U&'5\2003000']) t;
-- one bad row does not fail the load; it stays, saying why
INSERT INTO report_import (committee, perspective, goal, metric, year, outcome, target) VALUES
	('Socialnämnden', 'Omvärld', 'Socialnämnden ska minska sin miljöpåverkan', 'Andel fossilfria fordon', 2016, '54 %', 'Minst 50 %'),
	('Socialnämnden', 'Omvärld', 'Socialnämnden ska minska sin miljöpåverkan', 'Andel återvunnet', 2016, '54 %', 'ungefär 50 %');
SELECT import_report();
SELECT metric, problem FROM report_import;
SELECT metric, outcome, target, status FROM metric_status WHERE metric = 'Andel fossilfria fordon';
SELECT refresh_summary(2016) AS summary_rows;
SELECT level, count(*) FROM summary GROUP BY level ORDER BY level;
ROLLBACK;
