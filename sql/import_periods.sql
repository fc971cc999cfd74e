-- The import's period column (issue 17): periods as written, a cell that
-- is no period as a problem on its row, period outcomes and targets, the
-- year derived from imported tertials, one value per metric, year and
-- period, a year's periods of one kind, the metric's direction
-- (lower_is_better), and a derived year value an import enters.
SET search_path = public, goalmetrics;
BEGIN;
DELETE FROM report_import;

-- ------------------------------------------------- 1. year rows, as before
INSERT INTO report_import (committee, perspective, goal, metric, year, outcome, target, period) VALUES
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2016, '1 000', 'Minst 900', NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Nöjdhet', 2016, '80 %', 'Minst 75 %', '');
SELECT import_report() AS imported;
-- the count's year is the sum of its tertials
UPDATE metric SET year_from_periods = 'sum' WHERE name = 'Besök';

-- ------------------------------------------------------------ 2. periods
INSERT INTO report_import (committee, perspective, goal, metric, year, outcome, target, period, lower_is_better, analysis) VALUES
	-- periods as written; an empty period is the year itself
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, '300', 'Minst 280', 'Tertial 1', false, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, '350', NULL, 'T2', NULL, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, '400', NULL, E' t3\u00a0', NULL, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, NULL, 'Minst 1 000', '', NULL, NULL),
	-- text that is no period: a problem on the row
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, '600', NULL, 'halvår 1', NULL, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, '600', NULL, 'T4', NULL, NULL),
	-- one value per metric, year and period: an identical repeat is
	-- fine, two values for Q2 are not; the year's row beside them is
	('Importnämnden', 'Invånare', 'Importmål', 'Nöjdhet', 2017, '78 %', 'Minst 75 %', 'kvartal 1', false, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Nöjdhet', 2017, '78%', 'minst 75 %', 'Q1', NULL, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Nöjdhet', 2017, '79 %', NULL, 'kvartal 2', NULL, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Nöjdhet', 2017, '81 %', NULL, 'Q2', NULL, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Nöjdhet', 2017, '80 %', 'Minst 75 %', NULL, NULL, NULL),
	-- months by name; lower_is_better gives the bare target's direction
	-- and the (new) metric's
	('Importnämnden', 'Invånare', 'Importmål', 'Kostnad', 2017, '12', '15', 'mars', true, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Kostnad', 2017, '14', 'Högst 15', 'April', NULL, NULL),
	-- a year followed up by tertials and quarters at once
	('Importnämnden', 'Invånare', 'Importmål', 'Blandat', 2017, '1', NULL, 'T1', NULL, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Blandat', 2017, '2', NULL, 'Q2', NULL, NULL),
	-- one direction per metric in a load
	('Importnämnden', 'Invånare', 'Importmål', 'Riktning', 2017, '5', NULL, 'T1', true, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Riktning', 2017, '6', NULL, 'T2', false, NULL),
	('Importnämnden', 'Invånare', 'Importmål', 'Riktning', 2017, '7', NULL, 'T3', NULL, NULL),
	-- a goal's analysis is for the year, not a period
	('Importnämnden', 'Invånare', 'Importmål', 'Analys', 2017, '1', NULL, 'T1', NULL, 'Det gick bra');
SELECT import_report() AS imported;
SELECT metric, period, outcome, problem FROM report_import ORDER BY line;
SELECT m.name AS metric, op.year, op.period, op.value
  FROM outcome_period op JOIN metric m USING (metric_id) JOIN goal g USING (goal_id)
 WHERE g.title = 'Importmål' ORDER BY m.sort, op.year, op.period;
SELECT m.name AS metric, tp.year, tp.period, tp.target
  FROM target_period tp JOIN metric m USING (metric_id) JOIN goal g USING (goal_id)
 WHERE g.title = 'Importmål' ORDER BY m.sort, tp.year, tp.period;
-- the year rows: Besök's 2017 is the sum of its three tertials (derived),
-- its target the year row's; Nöjdhet's year row as given
SELECT m.name AS metric, o.year, o.value, o.from_periods, t.target
  FROM outcome o JOIN metric m USING (metric_id) JOIN goal g USING (goal_id)
  LEFT JOIN target t USING (metric_id, year)
 WHERE g.title = 'Importmål' ORDER BY m.sort, o.year;
SELECT metric, year, outcome, target, status FROM metric_status
 WHERE goal = 'Importmål' AND year = 2017 AND metric = 'Besök';
-- the metrics' direction: set where the load gives it (Besök and Nöjdhet
-- existed), unchanged where it conflicts (Riktning) or is not given
SELECT name, lower_is_better FROM metric m JOIN goal g USING (goal_id)
 WHERE g.title = 'Importmål' ORDER BY m.sort;

-- ------------------------------------- 3. an import enters a derived year
-- the year's value as the sheet gives it, the same as the periods' sum:
-- it is entered now (from_periods false), and stays when a tertial changes
INSERT INTO report_import (committee, perspective, goal, metric, year, outcome, target) VALUES
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, '1 050', NULL);
SELECT import_report() AS imported;
SELECT o.value, o.from_periods FROM outcome o JOIN metric m USING (metric_id) WHERE m.name = 'Besök' AND o.year = 2017;
INSERT INTO report_import (committee, perspective, goal, metric, year, outcome, period) VALUES
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, '410', 'T3');
SELECT import_report() AS imported;
SELECT o.value, o.from_periods FROM outcome o JOIN metric m USING (metric_id) WHERE m.name = 'Besök' AND o.year = 2017;

-- ------------------------- 4. periods of another kind than those there
-- (Besök's year is the sum of its tertials: a quarter beside them would
-- make the derivation refuse the whole load; it is a problem on the row)
INSERT INTO report_import (committee, perspective, goal, metric, year, outcome, period) VALUES
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2017, '10', 'Q1'),
	('Importnämnden', 'Invånare', 'Importmål', 'Besök', 2018, '10', 'Q1');
SELECT import_report() AS imported;
SELECT metric, year, period, problem FROM report_import WHERE metric = 'Besök' ORDER BY line;
ROLLBACK;
