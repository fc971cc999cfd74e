-- Targets over time in the views: direction targets judged against the
-- previous year's outcome (and corrected with it), multi-year targets on
-- their glide path, the metric's direction for maintain and improve, and
-- the same judgement in metric_status, goal_status, the annual report and
-- the summary.
SET search_path = public, goalmetrics;
BEGIN;
INSERT INTO committee (committee_id, name) VALUES (801, 'Tidsnämnden');
INSERT INTO goal (goal_id, committee_id, perspective_id, title)
SELECT 801, 801, perspective_id, 'Mål över tid' FROM perspective ORDER BY sort LIMIT 1;
INSERT INTO metric (metric_id, goal_id, name, sort, lower_is_better) VALUES
	(8101, 801, 'Öka', 1, NULL),
	(8102, 801, 'Minska', 2, NULL),
	(8103, 801, 'Bibehålla, lägre är bättre', 3, true),
	(8104, 801, 'Förbättras, lägre är bättre', 4, true),
	(8105, 801, 'Glidbana', 5, NULL),
	(8106, 801, 'Öka utan föregående år', 6, NULL);
INSERT INTO target (metric_id, year, target)
SELECT m, y, t::metric_target FROM (VALUES
	(8101, 'Öka'), (8102, 'ska minska'), (8103, 'Bibehålla'), (8104, 'ska förbättras'),
	(8105, 'Öka från 81 % 2016 till 85 % 2019')) v(m, t),
	generate_series(2017, 2019) y;
INSERT INTO target (metric_id, year, target) VALUES (8106, 2017, 'Öka');
INSERT INTO outcome (metric_id, year, value) VALUES
	(8101, 2016, 70), (8101, 2017, 72), (8101, 2018, 72), (8101, 2019, 71),
	(8102, 2016, 30), (8102, 2017, 28), (8102, 2018, 31), (8102, 2019, 31),
	(8103, 2016, 12), (8103, 2017, 12), (8103, 2018, 13), (8103, 2019, 11),
	(8104, 2016, 20), (8104, 2017, 18), (8104, 2018, 19), (8104, 2019, 19),
	(8105, 2016, 81), (8105, 2017, 82.4), (8105, 2018, 83), (8105, 2019, 85),
	(8106, 2017, 50);
-- each year judged against what applies that year: "Över <last year>" for
-- increase, "Under" for decrease, "Högst" for maintain where lower is
-- better, "Under" for improve where lower is better, the glide path's value
SELECT metric, year, outcome, target, target_applied, target_value, round(fulfilment, 2) AS fulfilment, status, trend
  FROM metric_status WHERE committee = 'Tidsnämnden' ORDER BY metric_sort, year;
-- the one rule: a status in the view equals status() against the applied
-- target written by hand, and status() with the previous outcome
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE s.status = status(s.outcome, s.target_applied::metric_target)::text) AS as_hand_written,
	   count(*) FILTER (WHERE s.status = status(s.outcome, t.target, 90, 100, s.outcome_prev1, coalesce(m.lower_is_better, false))::text) AS with_previous
  FROM metric_status s JOIN metric m USING (metric_id) JOIN target t USING (metric_id, year)
 WHERE s.committee = 'Tidsnämnden' AND s.target_applied IS NOT NULL AND target_start_year(t.target) IS NULL;
-- a corrected previous year corrects the judgement (nothing goes stale)
UPDATE outcome SET value = 73 WHERE metric_id = 8101 AND year = 2017;
SELECT year, target_applied, status FROM metric_status WHERE metric_id = 8101 AND year = 2018;
-- the goal rolls up the same judgements; the direction without a previous
-- year counts as not followed up
SELECT year, round(fulfilment, 2) AS fulfilment, computed_status, metrics, fulfilled, partly, not_fulfilled, not_followed_up
  FROM goal_status WHERE committee = 'Tidsnämnden' ORDER BY year;
SELECT metric, status, fulfilled FROM (
	SELECT m.name AS metric, s.status,
		   (SELECT fulfilled FROM goal_status g WHERE g.goal_id = 801 AND g.year = 2017) AS fulfilled
	  FROM metric_status s JOIN metric m USING (metric_id) WHERE s.metric_id = 8106) x;
-- the annual report shows the target as written and judges as the view does
SELECT a.metric, a.target, a.status, a.trend, a.status = s.status AS same_status, a.trend = s.trend AS same_trend
  FROM annual_report(2019, 'Tidsnämnden') a JOIN metric_status s ON s.metric_id = a.metric_id AND s.year = 2019
 ORDER BY a.report_order;
-- and the summary stores what the views show
SELECT refresh_summary(2019) > 0 AS refreshed;
SELECT count(*) AS metrics, count(*) FILTER (WHERE su.status = s.status) AS same_status
  FROM summary su JOIN metric_status s ON s.metric_id = su.metric_id AND s.year = su.year
 WHERE su.level = 'metric' AND su.year = 2019 AND s.committee = 'Tidsnämnden';
ROLLBACK;
