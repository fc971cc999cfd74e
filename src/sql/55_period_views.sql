-- goalmetrics SQL API, chapter 5b: periods within a year, for BI tools.
--
-- metric_period_status is metric_status for the periods of a year (T1-T3,
-- Q1-Q4, M01-M12; 47_periods.sql): one row per metric, year and period
-- with a period outcome or a period target.  A period is judged against
-- its own target (target_period) when it has one, else against the year's
-- target, except for a metric whose year is the sum of its periods: a
-- part of a sum is not comparable to the year's target, so without a
-- period target it has no status.  The year's rules (rules_for()) decide
-- the statuses and labels, as for the year rows.  Reference:
-- doc/periods.md.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- The target that applies to a period, the rule written once: the
-- period's own (target_period), else the year's, except for a metric whose
-- year is the sum of its periods (a part of a sum is not comparable to the
-- year's target).  Inlined where it is called.
CREATE FUNCTION period_target(period_target goalmetrics.metric_target, year_target goalmetrics.metric_target,
							  year_from_periods text) RETURNS goalmetrics.metric_target
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN period_target IS NOT NULL THEN period_target
			WHEN year_from_periods IS DISTINCT FROM 'sum' THEN year_target END;
COMMENT ON FUNCTION period_target(goalmetrics.metric_target, goalmetrics.metric_target, text) IS 'The target that applies to a period: its own, else the year''s unless the metric''s year is the sum of its periods';

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
	   goalmetrics.target_value(a.target) AS target_value,
	   goalmetrics.target_comparator(j.target) AS target_comparator,
	   j.target_of_period,
	   goalmetrics.format_target(a.target) AS target_applied,
	   pg_catalog.round(goalmetrics.fulfilment(op.value, a.target), 4)::numeric(7, 4) AS fulfilment,
	   f.status::text AS status,
	   goalmetrics.status_rank(f.status::text) AS status_rank,
	   goalmetrics.status_label(f.status, 'sv', ru.partly_above, ru.fulfilled_at) AS status_label,
	   goalmetrics.status_label(f.status, 'en', ru.partly_above, ru.fulfilled_at) AS status_label_en,
	   goalmetrics.status_colour(f.status) AS status_colour,
	   tr.trend,
	   k.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   prev.value AS outcome_prev1,
	   prev2.value AS outcome_prev2,
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
  LEFT JOIN goalmetrics.outcome_period prev2
		 ON prev2.metric_id OPERATOR(pg_catalog.=) m.metric_id AND prev2.year OPERATOR(pg_catalog.=) (k.year OPERATOR(pg_catalog.-) 2)
		AND prev2.period OPERATOR(pg_catalog.=) k.period
  LEFT JOIN goalmetrics.target_period tp
		 ON tp.metric_id OPERATOR(pg_catalog.=) m.metric_id AND tp.year OPERATOR(pg_catalog.=) k.year
		AND tp.period OPERATOR(pg_catalog.=) k.period
  LEFT JOIN goalmetrics.target ty
		 ON ty.metric_id OPERATOR(pg_catalog.=) m.metric_id AND ty.year OPERATOR(pg_catalog.=) k.year
 CROSS JOIN LATERAL goalmetrics.rules_for(k.year) ru
 CROSS JOIN LATERAL (
		SELECT goalmetrics.period_target(tp.target, ty.target, m.year_from_periods) AS target,
			   tp.target IS NOT NULL AS target_of_period) j
  -- judged as a year is (target_applied()), a direction target against the
  -- same period a year before
 CROSS JOIN LATERAL (
		SELECT goalmetrics.target_applied(j.target, k.year, prev.value, m.lower_is_better) AS target) a
 CROSS JOIN LATERAL (
		SELECT CASE WHEN a.target IS NOT NULL
					THEN goalmetrics.status(op.value, a.target, ru.partly_above, ru.fulfilled_at) END AS status) f
  -- the trend over the same period of year - 2 .. year, in the direction of
  -- the target that applies (as metric_status's)
 CROSS JOIN LATERAL (
		SELECT goalmetrics.trend(v.year, v.value,
								 goalmetrics.judged_target(coalesce(j.target, ty.target), 0, coalesce(m.lower_is_better, false)),
								 ru.trend_tolerance)::text AS trend
		  FROM (VALUES (k.year OPERATOR(pg_catalog.-) 2, prev2.value), (k.year OPERATOR(pg_catalog.-) 1, prev.value),
					   (k.year, op.value)) v(year, value)) tr;
COMMENT ON VIEW metric_period_status IS 'One row per metric, year and period (T1-T3, Q1-Q4, M01-M12) with a period outcome or target: outcome, the target that applies (the period''s, else the year''s unless the year is a sum), fulfilment, status, labels, colour, and the same period a year before';

-- A goal's roll-up per period: in each year and period in which one of its
-- metrics has a period outcome or target, every metric of the goal with a
-- target that applies to the period (as in metric_period_status) counts;
-- one without a period outcome is not followed up.
CREATE VIEW goal_period_status AS
SELECT r.committee_id,
	   r.committee,
	   r.perspective_id,
	   r.perspective,
	   r.goal_id,
	   r.goal,
	   r.year,
	   r.period,
	   goalmetrics.period_end(r.year, r.period) AS period_end,
	   pg_catalog.round((r.result).fulfilment, 4)::numeric(7, 4) AS fulfilment,
	   ((r.result).status)::text AS status,
	   goalmetrics.status_rank(((r.result).status)::text) AS status_rank,
	   goalmetrics.status_label((r.result).status, 'sv', r.partly_above, r.fulfilled_at) AS status_label,
	   goalmetrics.status_label((r.result).status, 'en', r.partly_above, r.fulfilled_at) AS status_label_en,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   r.committee_sort,
	   r.perspective_sort,
	   r.goal_sort
  FROM (SELECT c.committee_id, c.name AS committee, c.sort AS committee_sort,
			   p.perspective_id, p.name_sv AS perspective, p.sort AS perspective_sort,
			   g.goal_id, g.title AS goal, g.sort AS goal_sort, k.year, k.period, ru.partly_above, ru.fulfilled_at,
			   goalmetrics.rollup(op.value, a.target, coalesce(m.weight, 1), ru.partly_above, ru.fulfilled_at, ru.rollup_method)
				   FILTER (WHERE a.target IS NOT NULL) AS result
		  FROM goalmetrics.goal g
		  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
		  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
		 CROSS JOIN LATERAL (
				SELECT o1.year, o1.period FROM goalmetrics.outcome_period o1
				  JOIN goalmetrics.metric m1 ON m1.metric_id OPERATOR(pg_catalog.=) o1.metric_id
				 WHERE m1.goal_id OPERATOR(pg_catalog.=) g.goal_id
				UNION
				SELECT t1.year, t1.period FROM goalmetrics.target_period t1
				  JOIN goalmetrics.metric m1 ON m1.metric_id OPERATOR(pg_catalog.=) t1.metric_id
				 WHERE m1.goal_id OPERATOR(pg_catalog.=) g.goal_id) k
		  JOIN goalmetrics.metric m ON m.goal_id OPERATOR(pg_catalog.=) g.goal_id
		  LEFT JOIN goalmetrics.outcome_period op
				 ON op.metric_id OPERATOR(pg_catalog.=) m.metric_id AND op.year OPERATOR(pg_catalog.=) k.year
				AND op.period OPERATOR(pg_catalog.=) k.period
		  LEFT JOIN goalmetrics.target_period tp
				 ON tp.metric_id OPERATOR(pg_catalog.=) m.metric_id AND tp.year OPERATOR(pg_catalog.=) k.year
				AND tp.period OPERATOR(pg_catalog.=) k.period
		  LEFT JOIN goalmetrics.target ty
				 ON ty.metric_id OPERATOR(pg_catalog.=) m.metric_id AND ty.year OPERATOR(pg_catalog.=) k.year
		 CROSS JOIN LATERAL (
				SELECT goalmetrics.period_target(tp.target, ty.target, m.year_from_periods) AS target) j
		  LEFT JOIN goalmetrics.outcome_period prev
				 ON prev.metric_id OPERATOR(pg_catalog.=) m.metric_id
				AND prev.year OPERATOR(pg_catalog.=) (k.year OPERATOR(pg_catalog.-) 1)
				AND prev.period OPERATOR(pg_catalog.=) k.period
		 CROSS JOIN LATERAL (
				SELECT goalmetrics.target_applied(j.target, k.year, prev.value, m.lower_is_better) AS target) a
		 CROSS JOIN LATERAL goalmetrics.rules_for(k.year) ru
		 GROUP BY c.committee_id, c.name, c.sort, p.perspective_id, p.name_sv, p.sort,
				  g.goal_id, g.title, g.sort, k.year, k.period, ru.partly_above, ru.fulfilled_at
		HAVING pg_catalog.count(a.target) OPERATOR(pg_catalog.>) 0) r;
COMMENT ON VIEW goal_period_status IS 'One row per goal, year and period in which one of its metrics has a period outcome or target: the roll-up of its metrics with a target that applies to the period (the delarsrapport''s goal level)';

-- ------------------------------------------------------- the interim report
-- annual_report()'s lines for a period (the delarsrapport at T2): one line
-- per metric with an outcome or a target for the period, the outcomes of
-- the same period in the three years, the target that applies to the
-- period, its status and trend, in the report's order; the goal's
-- assessment is the year's and is not shown.
CREATE FUNCTION report_lines_of_period(year integer, period text, committee text)
RETURNS SETOF goalmetrics.annual_report_line
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT s.committee, s.perspective, s.goal, s.metric,
		   s.year OPERATOR(pg_catalog.-) 2, s.outcome_prev2, s.year_prev1, s.outcome_prev1, s.outcome,
		   s.target, s.target_value, s.fulfilment, s.status, s.status_label, s.status_label_en, s.status_colour,
		   s.trend, s.perspective_en, s.committee_id, s.perspective_id, s.goal_id, s.metric_id,
		   (pg_catalog.row_number() OVER (ORDER BY s.committee_sort, s.committee, s.perspective_sort, s.perspective_id,
											s.goal_sort, s.goal_id, s.metric_sort, s.metric_id))::integer,
		   goalmetrics.format_outcome(s.outcome_prev2, pt.target), goalmetrics.format_outcome(s.outcome_prev1, pt.target),
		   goalmetrics.format_outcome(s.outcome, pt.target), s.outcome_note, NULL::text, NULL::text
	  FROM goalmetrics.metric_period_status s
	  -- the unit from the target as written (the view's text reads back)
	 CROSS JOIN LATERAL (SELECT s.target::goalmetrics.metric_target AS target) pt
	 WHERE s.year OPERATOR(pg_catalog.=) report_lines_of_period.year
	   AND s.period OPERATOR(pg_catalog.=) goalmetrics.period_code(report_lines_of_period.period)
	   AND (report_lines_of_period.committee IS NULL
			OR pg_catalog.lower(s.committee) OPERATOR(pg_catalog.=) pg_catalog.lower(report_lines_of_period.committee))
	 ORDER BY s.committee_sort, s.committee, s.perspective_sort, s.perspective_id, s.goal_sort, s.goal_id,
			  s.metric_sort, s.metric_id;
END;
COMMENT ON FUNCTION report_lines_of_period(integer, text, text) IS 'Internal: annual_report()''s lines for a period (T1-T3, Q1-Q4, M01-M12, as written): the same period''s outcomes in three years, the target that applies, status and trend';

-- The report's own layout: one row per metric, in the report's order
-- (committee, perspective, goal, metric).  period NULL: the year
-- (report_lines_of_year(), 50_views.sql); a period as written (T2,
-- "Tertial 2"): the delarsrapport (report_lines_of_period()).  committee
-- NULL: all committees; otherwise the committee of that name (in any
-- case).  An inlinable SQL function: the call's constant period leaves
-- one of the two branches, and the committee reaches the tables as a
-- filter.  BI tools that list only relations read the same columns from
-- metric_status and metric_period_status.
CREATE FUNCTION annual_report(year integer, committee text DEFAULT NULL, period text DEFAULT NULL)
RETURNS SETOF goalmetrics.annual_report_line
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT y.* FROM goalmetrics.report_lines_of_year(annual_report.year, annual_report.committee) y
	 WHERE annual_report.period IS NULL
	UNION ALL
	SELECT p.* FROM goalmetrics.report_lines_of_period(annual_report.year, annual_report.period, annual_report.committee) p
	 WHERE annual_report.period IS NOT NULL;
END;
COMMENT ON FUNCTION annual_report(integer, text, text) IS 'The annual report''s layout for a year (or, with period, the interim report of a period: T2 is the delarsrapport): each metric''s outcomes for the last three years, as numbers and as the report writes them, target, status, labels, colour and trend, the outcome''s note, and the goal''s assessed status and analysis (the year''s), in the report''s order';

-- Column comments: a column named as one of metric_status's or
-- goal_status's means the same and says so; the period's own are here.
DO $comments$
DECLARE
	a	record;
	txt	text;
BEGIN
	FOR a IN
		SELECT c.relname, att.attname FROM pg_catalog.pg_attribute att
		  JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) att.attrelid
		 WHERE c.oid OPERATOR(pg_catalog.=) ANY (ARRAY['goalmetrics.metric_period_status'::pg_catalog.regclass,
													   'goalmetrics.goal_period_status'::pg_catalog.regclass])
		   AND att.attnum OPERATOR(pg_catalog.>) 0
	LOOP
		txt := CASE a.attname
			WHEN 'period' THEN 'The period: T1-T3 (tertial), Q1-Q4 (quarter) or M01-M12 (month)'
			WHEN 'period_end' THEN 'The last day of the period (T1 30 April, T2 31 August, T3 31 December)'
			WHEN 'outcome' THEN 'The period''s outcome; NULL when not followed up'
			WHEN 'outcome_note' THEN 'The note on the period''s outcome'
			WHEN 'target' THEN 'The target that applies, as written: the period''s own, else the year''s (not for a metric whose year is the sum of its periods)'
			WHEN 'target_of_period' THEN 'true when the period has its own target (target_period)'
			WHEN 'year_prev1' THEN 'The previous year, for the same period'
			WHEN 'outcome_prev1' THEN 'The same period''s outcome a year before'
			WHEN 'outcome_prev2' THEN 'The same period''s outcome two years before'
			WHEN 'trend' THEN 'improving, stable or worsening over the same period of year - 2 .. year; NULL with fewer than two'
			WHEN 'metrics' THEN 'Metrics with a target that applies to the period'
			ELSE coalesce(pg_catalog.col_description('goalmetrics.metric_status'::pg_catalog.regclass,
													 (SELECT x.attnum FROM pg_catalog.pg_attribute x
													   WHERE x.attrelid OPERATOR(pg_catalog.=) 'goalmetrics.metric_status'::pg_catalog.regclass
														 AND x.attname OPERATOR(pg_catalog.=) a.attname)),
						  pg_catalog.col_description('goalmetrics.goal_status'::pg_catalog.regclass,
													 (SELECT x.attnum FROM pg_catalog.pg_attribute x
													   WHERE x.attrelid OPERATOR(pg_catalog.=) 'goalmetrics.goal_status'::pg_catalog.regclass
														 AND x.attname OPERATOR(pg_catalog.=) a.attname)))
		END;
		IF txt IS NULL THEN
			RAISE EXCEPTION 'goalmetrics: view column %.% has no comment', a.relname, a.attname;
		END IF;
		EXECUTE pg_catalog.format('COMMENT ON COLUMN goalmetrics.%I.%I IS %L', a.relname, a.attname, txt);
	END LOOP;
END
$comments$;

DO $grants$
BEGIN
	IF pg_catalog.current_setting('server_version_num')::integer OPERATOR(pg_catalog.>=) 150000 THEN
		ALTER VIEW goalmetrics.metric_period_status SET (security_invoker = true);
		ALTER VIEW goalmetrics.goal_period_status SET (security_invoker = true);
		GRANT SELECT ON goalmetrics.metric_period_status, goalmetrics.goal_period_status
			TO goalmetrics_reader, goalmetrics_writer;
	END IF;
	GRANT SELECT ON goalmetrics.metric_period_status, goalmetrics.goal_period_status TO goalmetrics_admin;
END
$grants$;
