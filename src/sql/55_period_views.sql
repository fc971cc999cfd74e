-- goalmetrics SQL API, chapter 5b: periods within a year, for BI tools.
--
-- metric_period_status is metric_status for the periods of a year (T1-T3,
-- Q1-Q4, M01-M12; 47_periods.sql): one row per metric, year and period
-- with a period outcome or a period target.  A period is judged against
-- its own target (target_period) when it has one, else against the year's
-- target, except for a metric whose year is the sum of its periods: a
-- part of a sum is not comparable to the year's target, so without a
-- period target it has no status.  Reference: doc/schema.md, "Periods".
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

CREATE VIEW metric_period_status AS
SELECT c.committee_id,
	   c.name AS committee,
	   p.perspective_id,
	   p.name_sv AS perspective,
	   p.name_en AS perspective_en,
	   g.goal_id,
	   g.title AS goal,
	   m.metric_id,
	   m.name AS metric,
	   k.year,
	   k.period,
	   goalmetrics.period_end(k.year, k.period) AS period_end,
	   op.value AS outcome,
	   op.note AS outcome_note,
	   goalmetrics.format_target(j.target) AS target,
	   goalmetrics.target_value(j.target) AS target_value,
	   goalmetrics.target_comparator(j.target) AS target_comparator,
	   j.target_of_period,
	   pg_catalog.round(goalmetrics.fulfilment(op.value, j.target), 4)::numeric(7, 4) AS fulfilment,
	   f.status::text AS status,
	   goalmetrics.status_rank(f.status::text) AS status_rank,
	   goalmetrics.status_label(f.status) AS status_label,
	   goalmetrics.status_label(f.status, 'en') AS status_label_en,
	   goalmetrics.status_colour(f.status) AS status_colour,
	   k.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   prev.value AS outcome_prev1,
	   c.sort AS committee_sort,
	   p.sort AS perspective_sort,
	   g.sort AS goal_sort,
	   m.sort AS metric_sort
  FROM goalmetrics.metric m
  JOIN goalmetrics.goal g ON g.goal_id OPERATOR(pg_catalog.=) m.goal_id
  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
 CROSS JOIN LATERAL (
		SELECT o1.year, o1.period FROM goalmetrics.outcome_period o1 WHERE o1.metric_id OPERATOR(pg_catalog.=) m.metric_id
		UNION
		SELECT t1.year, t1.period FROM goalmetrics.target_period t1 WHERE t1.metric_id OPERATOR(pg_catalog.=) m.metric_id) k
  LEFT JOIN goalmetrics.outcome_period op
		 ON op.metric_id OPERATOR(pg_catalog.=) m.metric_id AND op.year OPERATOR(pg_catalog.=) k.year
		AND op.period OPERATOR(pg_catalog.=) k.period
  LEFT JOIN goalmetrics.outcome_period prev
		 ON prev.metric_id OPERATOR(pg_catalog.=) m.metric_id AND prev.year OPERATOR(pg_catalog.=) (k.year OPERATOR(pg_catalog.-) 1)
		AND prev.period OPERATOR(pg_catalog.=) k.period
  LEFT JOIN goalmetrics.target_period tp
		 ON tp.metric_id OPERATOR(pg_catalog.=) m.metric_id AND tp.year OPERATOR(pg_catalog.=) k.year
		AND tp.period OPERATOR(pg_catalog.=) k.period
  LEFT JOIN goalmetrics.target ty
		 ON ty.metric_id OPERATOR(pg_catalog.=) m.metric_id AND ty.year OPERATOR(pg_catalog.=) k.year
 CROSS JOIN LATERAL (
		SELECT CASE WHEN tp.target IS NOT NULL THEN tp.target
					WHEN m.year_from_periods IS DISTINCT FROM 'sum' THEN ty.target END AS target,
			   tp.target IS NOT NULL AS target_of_period) j
 CROSS JOIN LATERAL (
		SELECT CASE WHEN j.target IS NOT NULL THEN goalmetrics.status(op.value, j.target) END AS status) f;
COMMENT ON VIEW metric_period_status IS 'One row per metric, year and period (T1-T3, Q1-Q4, M01-M12) with a period outcome or target: outcome, the target that applies (the period''s, else the year''s unless the year is a sum), fulfilment, status, labels, colour, and the same period a year before';

DO $comments$
DECLARE
	c	record;
BEGIN
	FOR c IN SELECT * FROM (VALUES
		('period', 'The period: T1-T3 (tertial), Q1-Q4 (quarter) or M01-M12 (month)'),
		('period_end', 'The last day of the period (T1 30 April, T2 31 August, T3 31 December)'),
		('outcome', 'The period''s outcome; NULL when not followed up'),
		('target', 'The target that applies, as written: the period''s own, else the year''s (not for a metric whose year is the sum of its periods)'),
		('target_of_period', 'true when the period has its own target (target_period)'),
		('fulfilment', 'Percent of the target reached (capped at 100), 4 decimals'),
		('status', 'fulfilled, partly, not_fulfilled or not_followed_up; NULL without a target'),
		('outcome_prev1', 'The same period''s outcome a year before')) v(col, txt)
	LOOP
		EXECUTE pg_catalog.format('COMMENT ON COLUMN goalmetrics.metric_period_status.%I IS %L', c.col, c.txt);
	END LOOP;
END
$comments$;

DO $grants$
BEGIN
	IF pg_catalog.current_setting('server_version_num')::integer OPERATOR(pg_catalog.>=) 150000 THEN
		ALTER VIEW goalmetrics.metric_period_status SET (security_invoker = true);
		GRANT SELECT ON goalmetrics.metric_period_status TO goalmetrics_reader, goalmetrics_writer;
	END IF;
	GRANT SELECT ON goalmetrics.metric_period_status TO goalmetrics_admin;
END
$grants$;
