-- Periods within a year (tertials, quarters, months): codes as people
-- write them, period outcomes and targets beside the year's, the year
-- value derived from complete periods, who may write them, and
-- metric_period_status.
SET search_path = public, goalmetrics;
\set SHOW_CONTEXT never
-- ------------------------------------------------------------ period codes
SELECT w AS written, period_code(w) AS code, period_kind(period_code(w)) AS kind,
       period_end(2016, period_code(w)) AS ends
  FROM unnest(ARRAY['T1', 't2', 'Tertial 3', 'tertial1', 'Q1', 'kvartal 4', 'Kv 2', 'quarter 3',
                    'M03', 'm12', 'Månad 2', 'MÅNAD 11', 'januari', 'Februari', 'mars', 'May', 'okt.', 'December',
                    '  T2  ', E'\tQ3\n', U&'Tertial\00A02', '', E' \t ', NULL]) w;
-- period_read() is the same reading without the error: NULL for what is
-- not a period, and for an empty text
SELECT w AS written, period_read(w) AS code FROM unnest(ARRAY['T4', 'halvår 1', 'maj', '', NULL]) w;
-- leap years: the end of February and of Q1
SELECT period_end(2016, 'M02') AS leap, period_end(2015, 'M02') AS common, period_end(2016, 'Q1') AS q1;
-- what is not a period is refused, saying what it can be
\set VERBOSITY sqlstate
SELECT period_code('T4');
\set VERBOSITY default
SELECT period_code('T4');
SELECT period_code('Q0');
SELECT period_code('M13');
SELECT period_code('halvår 1');
SELECT period_code('2016');
\set VERBOSITY default
-- period_kind is the one rule of what a code is
SELECT p, period_kind(p) FROM unnest(ARRAY['T0', 'T4', 'Q5', 'M00', 'M1', 't1', 'year', 'T3']) p;
BEGIN;

-- --------------------------------------------------------------- fixture
INSERT INTO committee (committee_id, name) VALUES (901, 'Periodnämnden'), (902, 'Andra nämnden');
INSERT INTO goal (goal_id, committee_id, perspective_id, title)
SELECT 901, 901, perspective_id, 'Periodmål' FROM perspective ORDER BY sort LIMIT 1;
INSERT INTO goal (goal_id, committee_id, perspective_id, title)
SELECT 902, 902, perspective_id, 'Annat mål' FROM perspective ORDER BY sort LIMIT 1;
INSERT INTO metric (metric_id, goal_id, name, year_from_periods) VALUES
	(9101, 901, 'Besök (summa)', 'sum'),
	(9102, 901, 'Nöjdhet (medel)', 'mean'),
	(9103, 901, 'Antal platser (sista)', 'last'),
	(9104, 901, 'Utan regel', NULL),
	(9201, 902, 'Annan', 'sum');
INSERT INTO target (metric_id, year, target) VALUES
	(9101, 2016, 'Minst 1 200'), (9102, 2016, 'Minst 75 %'), (9103, 2016, 'Högst 40'), (9104, 2016, 'Minst 10');
-- a period is stored as its code, whatever way it was written
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9104, 2015, 'tertial 1', 1);
INSERT INTO target_period (metric_id, year, period, target) VALUES (9104, 2015, 'Kvartal 2', 'Minst 1');
SELECT period FROM outcome_period WHERE metric_id = 9104 UNION ALL SELECT period FROM target_period WHERE metric_id = 9104;
SAVEPOINT written;
UPDATE outcome_period SET period = 'T5' WHERE metric_id = 9104;
ROLLBACK TO written;
DELETE FROM outcome_period WHERE metric_id = 9104;
DELETE FROM target_period WHERE metric_id = 9104;

-- ------------------------------------------------- the year from periods
-- incomplete: no year value yet (two tertials of three)
INSERT INTO outcome_period (metric_id, year, period, value) VALUES
	(9101, 2016, 'T1', 400), (9101, 2016, 'T2', 350),
	(9102, 2016, 'T1', 70), (9102, 2016, 'T2', 80),
	(9103, 2016, 'T1', 45), (9103, 2016, 'T2', 42),
	(9104, 2016, 'T1', 4);
SELECT metric_id, value, from_periods FROM outcome WHERE metric_id BETWEEN 9101 AND 9104 ORDER BY 1;
-- the year-end tertial completes them: sum, mean, last; no rule, no value
INSERT INTO outcome_period (metric_id, year, period, value) VALUES
	(9101, 2016, 'T3', 500), (9102, 2016, 'T3', 81), (9103, 2016, 'T3', 38), (9104, 2016, 'T3', 5);
SELECT metric_id, value, from_periods FROM outcome WHERE metric_id BETWEEN 9101 AND 9104 ORDER BY 1;
-- a corrected period corrects the year; a period without a value
-- (not followed up) leaves a sum incomplete, not smaller
UPDATE outcome_period SET value = 450 WHERE metric_id = 9101 AND period = 'T2';
SELECT value FROM outcome WHERE metric_id = 9101 AND year = 2016;
UPDATE outcome_period SET value = NULL WHERE metric_id = 9101 AND period = 'T2';
SELECT count(*) AS year_rows FROM outcome WHERE metric_id = 9101 AND year = 2016;
UPDATE outcome_period SET value = 450 WHERE metric_id = 9101 AND period = 'T2';
-- an entered year value wins, and is kept when the periods change
UPDATE outcome SET value = 1500 WHERE metric_id = 9101 AND year = 2016;
UPDATE outcome_period SET value = 460 WHERE metric_id = 9101 AND period = 'T2';
SELECT value, from_periods FROM outcome WHERE metric_id = 9101 AND year = 2016;
-- nobody writes a derived row by hand: from_periods is the trigger's
UPDATE outcome SET from_periods = true WHERE metric_id = 9101 AND year = 2016;
INSERT INTO outcome (metric_id, year, value, from_periods) VALUES (9104, 2015, 1, true);
SELECT metric_id, year, from_periods FROM outcome WHERE metric_id IN (9101, 9104) ORDER BY 1, 2;
-- deleting the entered value brings the periods' value back
DELETE FROM outcome WHERE metric_id = 9101 AND year = 2016;
SELECT value, from_periods FROM outcome WHERE metric_id = 9101 AND year = 2016;
-- a changed rule re-derives the metric's years; no rule removes them
UPDATE metric SET year_from_periods = 'mean' WHERE metric_id = 9101;
SELECT value, from_periods FROM outcome WHERE metric_id = 9101 AND year = 2016;
UPDATE metric SET year_from_periods = NULL WHERE metric_id = 9101;
SELECT count(*) AS year_rows FROM outcome WHERE metric_id = 9101 AND year = 2016;
UPDATE metric SET year_from_periods = 'sum' WHERE metric_id = 9101;
-- deleting the periods removes what they gave
DELETE FROM outcome_period WHERE metric_id = 9103;
SELECT count(*) AS year_rows FROM outcome WHERE metric_id = 9103;
-- a year is followed up by one kind of period
SAVEPOINT mixed;
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9101, 2016, 'Q1', 100);
ROLLBACK TO mixed;
-- months: twelve make a year
INSERT INTO outcome_period (metric_id, year, period, value)
SELECT 9101, 2017, 'M' || lpad(i::text, 2, '0'), 10 * i FROM generate_series(1, 11) i;
SELECT count(*) AS year_rows_after_11_months FROM outcome WHERE metric_id = 9101 AND year = 2017;
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9101, 2017, 'december', 120);
-- a period refused as a code
SAVEPOINT code;
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9101, 2017, 'M13', 1);
ROLLBACK TO code;
SELECT metric_id, year, value, from_periods FROM outcome WHERE metric_id = 9101 ORDER BY year;
-- NaN and the infinities, as for the year's outcomes
SAVEPOINT nan;
\set VERBOSITY terse
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9102, 2017, 'T1', 'NaN');
\set VERBOSITY default
ROLLBACK TO nan;

-- --------------------------------------------------- metric_period_status
INSERT INTO target_period (metric_id, year, period, target) VALUES (9101, 2016, 'T1', 'Minst 380');
SELECT metric, year, period, period_end, outcome, target, target_of_period, fulfilment, status, outcome_prev1
  FROM metric_period_status WHERE committee = 'Periodnämnden' AND year = 2016
 ORDER BY metric_sort, metric_id, period;
-- the goal at each tertial: every metric with a target that applies counts
-- (the sum's T2 and T3 have none; 9103's periods were deleted, so it is
-- not followed up at T1, against its year target)
SELECT goal, year, period, period_end, round(fulfilment, 2) AS fulfilment, status, metrics,
       fulfilled, partly, not_fulfilled, not_followed_up
  FROM goal_period_status WHERE committee = 'Periodnämnden' ORDER BY year, period;
-- the interim report: annual_report() for a period, as written
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9102, 2015, 'T1', 72), (9102, 2014, 'T1', 60);
SELECT metric, year_prev2, outcome_prev2, year_prev1, outcome_prev1, outcome, outcome_text, target,
       round(fulfilment, 2) AS fulfilment, status, status_label, trend, report_order
  FROM annual_report(2016, 'periodnämnden', 'Tertial 1');
-- without a period, the year's report, as before
SELECT metric, outcome, target, status FROM annual_report(2016, 'Periodnämnden') ORDER BY report_order;
SAVEPOINT bad_period;
SELECT * FROM annual_report(2016, NULL, 'halvår 1');
ROLLBACK TO bad_period;
-- the year rows are the same as ever, with the derived values
SELECT metric, year, outcome, target, status FROM metric_status
 WHERE committee = 'Periodnämnden' AND year = 2016 ORDER BY metric_id;

-- ------------------------------------------------------- history and roles
SELECT table_name, operation, key ->> 'period' AS period, new_row ->> 'value' AS value
  FROM history WHERE table_name = 'outcome_period' AND key ->> 'metric_id' = '9102' ORDER BY history_id;
SELECT operation, new_row ->> 'from_periods' AS from_periods
  FROM history WHERE table_name = 'outcome' AND key ->> 'metric_id' = '9102' ORDER BY history_id;
CREATE ROLE gm_period_writer;
GRANT goalmetrics_writer TO gm_period_writer;
INSERT INTO committee_member VALUES ('gm_period_writer', 902);
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9201, 2016, 'T1', 1);
SET LOCAL ROLE gm_period_writer;
-- a writer sees and writes only its committee's periods
SELECT DISTINCT committee FROM metric_period_status;
SELECT count(*) AS visible FROM outcome_period;
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9201, 2016, 'T2', 2), (9201, 2016, 'T3', 3);
SELECT value, from_periods FROM outcome WHERE metric_id = 9201;
SAVEPOINT other;
INSERT INTO outcome_period (metric_id, year, period, value) VALUES (9101, 2018, 'T1', 1);
ROLLBACK TO other;
RESET ROLE;
ROLLBACK;
