-- goalmetrics SQL API, chapter 5: views for BI tools and the annual report.
--
-- What a BI tool reads, filtered to a committee (by name or id), a year, a
-- perspective or a goal, often as a reader under row-level security.  Every
-- view column has a built-in type (text, integer, numeric with a declared
-- scale where it is a computed percent) and a COMMENT; every view runs with
-- the rights of the user who reads it (security_invoker, PostgreSQL 15+),
-- so the row-level security of the tables applies through it.  Reference:
-- doc/schema.md, "Views for BI tools".
--
-- Written so that a filter reaches the base tables' indexes: every column
-- a user filters on is a plain column of a base table or a GROUP BY key
-- (PostgreSQL pushes a qual on a grouping key below the aggregation), and
-- per-metric work (the years a metric has, its trend, its nearest target)
-- is a LATERAL join on the metric's key, never a join on an expression.
-- The goal roll-up is written once, in goal_results(), an inlinable SQL
-- function that goal_status, goal_rollup, group_results() and
-- refresh_summary() (60_summary.sql) read; the perspective and committee
-- roll-ups are written once, in group_results(), which perspective_status,
-- committee_status and refresh_summary() read.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- A status as a rank for sorting, best first (fulfilled 1, partly 2,
-- not_fulfilled 3, not_followed_up 4).  Text in, so that it does not
-- depend on the enum's name.
CREATE FUNCTION status_rank(status text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE status WHEN 'fulfilled' THEN 1 WHEN 'partly' THEN 2 WHEN 'not_fulfilled' THEN 3
	WHEN 'not_followed_up' THEN 4 END;
COMMENT ON FUNCTION status_rank(text) IS 'Sort rank of a status, best first: fulfilled 1, partly 2, not_fulfilled 3, not_followed_up 4';

-- ------------------------------------------------------------ metric level
-- One row per metric and year that has a target or an outcome.  A target
-- without an outcome is "not followed up"; an outcome without a target has
-- no status (NULL).  trend compares the outcomes of the last three years
-- (year - 2 .. year), in the direction of the year's target (or, for a
-- year without one, the metric's nearest target).
CREATE VIEW metric_status AS
SELECT c.committee_id,
	   c.name AS committee,
	   p.perspective_id,
	   p.name_sv AS perspective,
	   p.name_en AS perspective_en,
	   g.goal_id,
	   g.parent_goal_id,
	   g.title AS goal,
	   g.description AS goal_description,
	   m.metric_id,
	   m.name AS metric,
	   m.description AS metric_description,
	   coalesce(m.weight, 1) AS weight,
	   k.year,
	   w.outcome,
	   goalmetrics.format_target(t.target) AS target,
	   goalmetrics.target_value(t.target) AS target_value,
	   goalmetrics.target_comparator(t.target) AS target_comparator,
	   goalmetrics.target_unit(t.target) AS target_unit,
	   pg_catalog.round(f.fulfilment, 4)::numeric(7, 4) AS fulfilment,
	   pg_catalog.round(f.fulfilment OPERATOR(pg_catalog./) 100, 6)::numeric(7, 6) AS fulfilment_fraction,
	   f.status::text AS status,
	   goalmetrics.status_rank(f.status::text) AS status_rank,
	   goalmetrics.status_label(f.status) AS status_label,
	   goalmetrics.status_label(f.status, 'en') AS status_label_en,
	   goalmetrics.status_colour(f.status) AS status_colour,
	   w.trend,
	   w.outcome_note,
	   k.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   w.outcome_prev1,
	   pg_catalog.round(goalmetrics.fulfilment(w.outcome_prev1, t.target_prev1), 4)::numeric(7, 4) AS fulfilment_prev1,
	   k.year OPERATOR(pg_catalog.-) 2 AS year_prev2,
	   w.outcome_prev2,
	   c.sort AS committee_sort,
	   p.sort AS perspective_sort,
	   g.sort AS goal_sort,
	   m.sort AS metric_sort
  FROM goalmetrics.metric m
  JOIN goalmetrics.goal g ON g.goal_id OPERATOR(pg_catalog.=) m.goal_id
  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
 CROSS JOIN LATERAL (
		SELECT t1.year FROM goalmetrics.target t1 WHERE t1.metric_id OPERATOR(pg_catalog.=) m.metric_id
		UNION
		SELECT o1.year FROM goalmetrics.outcome o1 WHERE o1.metric_id OPERATOR(pg_catalog.=) m.metric_id) k
  -- the year's and the year before's targets, in one pass (each read of a
  -- table costs a reader its row-level security check once)
 CROSS JOIN LATERAL (
		SELECT (pg_catalog.array_agg(t1.target) FILTER (WHERE t1.year OPERATOR(pg_catalog.=) k.year))[1] AS target,
			   (pg_catalog.array_agg(t1.target) FILTER (WHERE t1.year OPERATOR(pg_catalog.=) (k.year OPERATOR(pg_catalog.-) 1)))[1] AS target_prev1
		  FROM goalmetrics.target t1
		 WHERE t1.metric_id OPERATOR(pg_catalog.=) m.metric_id
		   AND t1.year OPERATOR(pg_catalog.>=) (k.year OPERATOR(pg_catalog.-) 1)
		   AND t1.year OPERATOR(pg_catalog.<=) k.year) t
  -- the trend's direction in a year without a target: the nearest target
  -- (looked up only then)
  LEFT JOIN LATERAL (
		SELECT t2.target FROM goalmetrics.target t2
		 WHERE t.target IS NULL AND t2.metric_id OPERATOR(pg_catalog.=) m.metric_id
		 ORDER BY t2.year OPERATOR(pg_catalog.<=) k.year DESC,
				  pg_catalog.abs(t2.year OPERATOR(pg_catalog.-) k.year)
		 LIMIT 1) nt ON true
  -- the outcomes of year - 2 .. year, in one pass: the year's, the two
  -- before, and the trend over them
 CROSS JOIN LATERAL (
		SELECT goalmetrics.trend(o3.year, o3.value, coalesce(t.target, nt.target))::text AS trend,
			   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) k.year) AS outcome,
			   pg_catalog.max(o3.note) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) k.year) AS outcome_note,
			   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) (k.year OPERATOR(pg_catalog.-) 1)) AS outcome_prev1,
			   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) (k.year OPERATOR(pg_catalog.-) 2)) AS outcome_prev2
		  FROM goalmetrics.outcome o3
		 WHERE o3.metric_id OPERATOR(pg_catalog.=) m.metric_id
		   AND o3.year OPERATOR(pg_catalog.>=) (k.year OPERATOR(pg_catalog.-) 2)
		   AND o3.year OPERATOR(pg_catalog.<=) k.year) w
 CROSS JOIN LATERAL (
		SELECT CASE WHEN t.target IS NOT NULL THEN goalmetrics.status(w.outcome, t.target) END AS status,
			   goalmetrics.fulfilment(w.outcome, t.target) AS fulfilment) f;
COMMENT ON VIEW metric_status IS 'One row per metric and year with a target or an outcome: outcome, target, fulfilment, status, labels, colour, three-year trend and the two previous years'' outcomes';

-- -------------------------------------------------------------- goal level
-- Each goal's roll-up of its metrics for every year in which one of its
-- metrics has a target (current = true), and for the year after each such
-- year (the previous year's result, result_prev1), as rollup_result
-- values.  Every column a filter may name is a GROUP BY key, so a filter
-- on the committee, perspective, goal or year reaches the tables.  Metrics
-- with a target but no outcome count as not followed up.  An internal
-- building block, inlined where it is read; not for BI tools (composite
-- columns): they read goal_status.
CREATE FUNCTION goal_results()
RETURNS TABLE (committee_id integer, committee text, committee_sort integer,
			   perspective_id integer, perspective text, perspective_en text, perspective_sort integer,
			   goal_id integer, parent_goal_id integer, goal text, goal_description text, goal_sort integer,
			   year integer, current boolean, result goalmetrics.rollup_result,
			   result_prev1 goalmetrics.rollup_result)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.committee_id, c.name, c.sort, p.perspective_id, p.name_sv, p.name_en, p.sort,
		   g.goal_id, g.parent_goal_id, g.title, g.description, g.sort, y.year,
		   pg_catalog.bool_or(y.lag OPERATOR(pg_catalog.=) 0),
		   goalmetrics.rollup(o.value, t.target, coalesce(m.weight, 1)) FILTER (WHERE y.lag OPERATOR(pg_catalog.=) 0),
		   CASE WHEN pg_catalog.bool_or(y.lag OPERATOR(pg_catalog.=) 1)
				THEN goalmetrics.rollup(o.value, t.target, coalesce(m.weight, 1)) FILTER (WHERE y.lag OPERATOR(pg_catalog.=) 1) END
	  FROM goalmetrics.goal g
	  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
	  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
	  JOIN goalmetrics.metric m ON m.goal_id OPERATOR(pg_catalog.=) g.goal_id
	  JOIN goalmetrics.target t ON t.metric_id OPERATOR(pg_catalog.=) m.metric_id
	 CROSS JOIN LATERAL (VALUES (t.year, 0), (t.year OPERATOR(pg_catalog.+) 1, 1)) y(year, lag)
	  LEFT JOIN goalmetrics.outcome o
			 ON o.metric_id OPERATOR(pg_catalog.=) t.metric_id AND o.year OPERATOR(pg_catalog.=) t.year
	 GROUP BY c.committee_id, c.name, c.sort, p.perspective_id, p.name_sv, p.name_en, p.sort,
			  g.goal_id, g.parent_goal_id, g.title, g.description, g.sort, y.year;
END;
COMMENT ON FUNCTION goal_results() IS 'Internal: each goal''s roll-up per year (current) and the year before (result_prev1), with every filterable column a grouping key; read by the views and refresh_summary()';

-- The goal roll-ups as goalmetrics.rollup_result values, for SQL that rolls
-- up further (a city level, say).  Not granted to readers and writers:
-- BI tools cannot read a composite column; they read goal_status.
CREATE VIEW goal_rollup AS
SELECT r.committee_id, r.perspective_id, r.goal_id, r.year, r.result
  FROM goalmetrics.goal_results() r
 WHERE r.current;
COMMENT ON VIEW goal_rollup IS 'Each goal''s roll-up of its metrics per year, as a rollup_result (the composite form of goal_status), for SQL that rolls up further; admin only';
COMMENT ON COLUMN goal_rollup.committee_id IS 'The goal''s committee';
COMMENT ON COLUMN goal_rollup.perspective_id IS 'The goal''s perspective';
COMMENT ON COLUMN goal_rollup.goal_id IS 'The goal';
COMMENT ON COLUMN goal_rollup.year IS 'The year: one of its metrics has a target in it';
COMMENT ON COLUMN goal_rollup.result IS 'rollup(outcome, target, weight) over the goal''s metrics with a target that year';

CREATE VIEW goal_status AS
SELECT r.committee_id,
	   r.committee,
	   r.perspective_id,
	   r.perspective,
	   r.perspective_en,
	   r.goal_id,
	   r.parent_goal_id,
	   r.goal,
	   r.goal_description,
	   r.year,
	   pg_catalog.round((r.result).fulfilment, 4)::numeric(7, 4) AS fulfilment,
	   pg_catalog.round((r.result).fulfilment OPERATOR(pg_catalog./) 100, 6)::numeric(7, 6) AS fulfilment_fraction,
	   ((r.result).status)::text AS status,
	   goalmetrics.status_rank(((r.result).status)::text) AS status_rank,
	   goalmetrics.status_label((r.result).status) AS status_label,
	   goalmetrics.status_label((r.result).status, 'en') AS status_label_en,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   r.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   pg_catalog.round((r.result_prev1).fulfilment, 4)::numeric(7, 4) AS fulfilment_prev1,
	   ((r.result_prev1).status)::text AS status_prev1,
	   r.committee_sort,
	   r.perspective_sort,
	   r.goal_sort
  FROM goalmetrics.goal_results() r
 WHERE r.current;
COMMENT ON VIEW goal_status IS 'One row per goal and year in which one of its metrics has a target: the roll-up of its metrics (fulfilment, status, labels, colour, counts) and the year before';

-- ------------------------------------------ perspective and committee level
-- The roll-up of a committee's goals, per perspective (per_perspective
-- true) or all of them (false), per year, and the year before: each goal
-- counts once however many metrics it has (DOMAIN: a committee's result is
-- the mean of its goals', not of its perspectives').  Written once, read by
-- perspective_status, committee_status and refresh_summary()
-- (60_summary.sql).  An inlinable SQL function called with a constant: the
-- perspective key folds to the column (or to NULL), so it stays a plain
-- GROUP BY key and a filter on the committee, the perspective or the year
-- reaches the tables through goal_results().
CREATE FUNCTION group_results(per_perspective boolean)
RETURNS TABLE (committee_id integer, committee text, committee_sort integer,
			   perspective_id integer, perspective text, perspective_en text, perspective_sort integer,
			   year integer, result goalmetrics.rollup_result, result_prev1 goalmetrics.rollup_result)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT gr.committee_id, gr.committee, gr.committee_sort,
		   CASE WHEN group_results.per_perspective THEN gr.perspective_id END,
		   CASE WHEN group_results.per_perspective THEN gr.perspective END,
		   CASE WHEN group_results.per_perspective THEN gr.perspective_en END,
		   CASE WHEN group_results.per_perspective THEN gr.perspective_sort END,
		   gr.year,
		   goalmetrics.rollup(gr.result) FILTER (WHERE gr.current),
		   CASE WHEN pg_catalog.bool_or(gr.result_prev1 IS NOT NULL)
				THEN goalmetrics.rollup(gr.result_prev1) FILTER (WHERE gr.result_prev1 IS NOT NULL) END
	  FROM goalmetrics.goal_results() gr
	 GROUP BY gr.committee_id, gr.committee, gr.committee_sort, 4, 5, 6, 7, gr.year
	HAVING pg_catalog.bool_or(gr.current);
END;
COMMENT ON FUNCTION group_results(boolean) IS 'Internal: the roll-up of each committee''s goals per perspective (true) or in all (false), per year, and the year before; each goal counts once; read by perspective_status, committee_status and refresh_summary()';

CREATE VIEW perspective_status AS
SELECT r.committee_id,
	   r.committee,
	   r.perspective_id,
	   r.perspective,
	   r.perspective_en,
	   r.year,
	   pg_catalog.round((r.result).fulfilment, 4)::numeric(7, 4) AS fulfilment,
	   pg_catalog.round((r.result).fulfilment OPERATOR(pg_catalog./) 100, 6)::numeric(7, 6) AS fulfilment_fraction,
	   ((r.result).status)::text AS status,
	   goalmetrics.status_rank(((r.result).status)::text) AS status_rank,
	   goalmetrics.status_label((r.result).status) AS status_label,
	   goalmetrics.status_label((r.result).status, 'en') AS status_label_en,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).parts AS goals,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   r.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   pg_catalog.round((r.result_prev1).fulfilment, 4)::numeric(7, 4) AS fulfilment_prev1,
	   ((r.result_prev1).status)::text AS status_prev1,
	   r.committee_sort,
	   r.perspective_sort
  FROM goalmetrics.group_results(true) r;
COMMENT ON VIEW perspective_status IS 'One row per committee, perspective and year: the roll-up of its goals, each goal counting once, and the year before';

CREATE VIEW committee_status AS
SELECT r.committee_id,
	   r.committee,
	   r.year,
	   pg_catalog.round((r.result).fulfilment, 4)::numeric(7, 4) AS fulfilment,
	   pg_catalog.round((r.result).fulfilment OPERATOR(pg_catalog./) 100, 6)::numeric(7, 6) AS fulfilment_fraction,
	   ((r.result).status)::text AS status,
	   goalmetrics.status_rank(((r.result).status)::text) AS status_rank,
	   goalmetrics.status_label((r.result).status) AS status_label,
	   goalmetrics.status_label((r.result).status, 'en') AS status_label_en,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).parts AS goals,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   r.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   pg_catalog.round((r.result_prev1).fulfilment, 4)::numeric(7, 4) AS fulfilment_prev1,
	   ((r.result_prev1).status)::text AS status_prev1,
	   r.committee_sort
  FROM goalmetrics.group_results(false) r;
COMMENT ON VIEW committee_status IS 'One row per committee and year: the roll-up of all its goals, each goal counting once, and the year before';

-- ------------------------------------------------------- the annual report
CREATE TYPE annual_report_line AS (
	committee	text,
	perspective text,
	goal		text,
	metric		text,
	year_prev2	integer,
	outcome_prev2 numeric,
	year_prev1	integer,
	outcome_prev1 numeric,
	outcome		numeric,
	target		text,
	target_value numeric,
	fulfilment	numeric(7, 4),
	status		text,
	status_label text,
	status_label_en text,
	status_colour text,
	trend		text,
	perspective_en text,
	committee_id integer,
	perspective_id integer,
	goal_id		integer,
	metric_id	integer,
	report_order integer
);
COMMENT ON TYPE annual_report_line IS 'A line of annual_report(): a metric with three years'' outcomes (and their years), target, fulfilment, status, labels, colour and trend, its ids and its place in the report (report_order)';

-- The report's own layout: one row per metric that has a target or an
-- outcome in the three years year - 2 .. year, in the report's order
-- (committee, perspective, goal, metric).  committee NULL: all committees;
-- otherwise the committee of that name (in any case).  An inlinable SQL
-- function: the committee reaches the tables as a filter.  BI tools that
-- list only relations read the same columns from metric_status (a row per
-- metric and year with a target or an outcome; doc/schema.md).
CREATE FUNCTION annual_report(year integer, committee text DEFAULT NULL)
RETURNS SETOF annual_report_line
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.name, p.name_sv, g.title, m.name,
		   annual_report.year OPERATOR(pg_catalog.-) 2, w.outcome_prev2,
		   annual_report.year OPERATOR(pg_catalog.-) 1, w.outcome_prev1, o.value,
		   goalmetrics.format_target(t.target), goalmetrics.target_value(t.target),
		   pg_catalog.round(goalmetrics.fulfilment(o.value, t.target), 4)::numeric(7, 4),
		   f.status::text, goalmetrics.status_label(f.status), goalmetrics.status_label(f.status, 'en'),
		   goalmetrics.status_colour(f.status),
		   CASE WHEN t.target IS NOT NULL OR o.metric_id IS NOT NULL THEN w.trend END,
		   p.name_en, c.committee_id, p.perspective_id, g.goal_id, m.metric_id,
		   (pg_catalog.row_number() OVER (ORDER BY c.sort, c.name, p.sort, p.perspective_id, g.sort, g.goal_id, m.sort, m.metric_id))::integer
	  FROM goalmetrics.metric m
	  JOIN goalmetrics.goal g ON g.goal_id OPERATOR(pg_catalog.=) m.goal_id
	  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
	  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
	  LEFT JOIN goalmetrics.target t
			 ON t.metric_id OPERATOR(pg_catalog.=) m.metric_id AND t.year OPERATOR(pg_catalog.=) annual_report.year
	  LEFT JOIN goalmetrics.outcome o
			 ON o.metric_id OPERATOR(pg_catalog.=) m.metric_id AND o.year OPERATOR(pg_catalog.=) annual_report.year
	  LEFT JOIN LATERAL (
			SELECT t2.target FROM goalmetrics.target t2
			 WHERE t.target IS NULL AND t2.metric_id OPERATOR(pg_catalog.=) m.metric_id
			 ORDER BY t2.year OPERATOR(pg_catalog.<=) annual_report.year DESC,
					  pg_catalog.abs(t2.year OPERATOR(pg_catalog.-) annual_report.year)
			 LIMIT 1) nt ON true
	 CROSS JOIN LATERAL (
			SELECT CASE WHEN t.target IS NOT NULL THEN goalmetrics.status(o.value, t.target) END AS status) f
	 CROSS JOIN LATERAL (
			SELECT goalmetrics.trend(o3.year, o3.value, coalesce(t.target, nt.target))::text AS trend,
				   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) (annual_report.year OPERATOR(pg_catalog.-) 1)) AS outcome_prev1,
				   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) (annual_report.year OPERATOR(pg_catalog.-) 2)) AS outcome_prev2,
				   pg_catalog.count(*) AS outcomes
			  FROM goalmetrics.outcome o3
			 WHERE o3.metric_id OPERATOR(pg_catalog.=) m.metric_id
			   AND o3.year OPERATOR(pg_catalog.>=) (annual_report.year OPERATOR(pg_catalog.-) 2)
			   AND o3.year OPERATOR(pg_catalog.<=) annual_report.year) w
	 CROSS JOIN LATERAL (
			SELECT pg_catalog.count(*) AS targets
			  FROM goalmetrics.target t3
			 WHERE t.metric_id IS NULL AND t3.metric_id OPERATOR(pg_catalog.=) m.metric_id
			   AND t3.year OPERATOR(pg_catalog.>=) (annual_report.year OPERATOR(pg_catalog.-) 2)
			   AND t3.year OPERATOR(pg_catalog.<=) annual_report.year) tw
	 WHERE (annual_report.committee IS NULL
			OR pg_catalog.lower(c.name) OPERATOR(pg_catalog.=) pg_catalog.lower(annual_report.committee))
	   AND (t.metric_id IS NOT NULL OR w.outcomes OPERATOR(pg_catalog.>) 0 OR tw.targets OPERATOR(pg_catalog.>) 0)
	 ORDER BY c.sort, c.name, p.sort, p.perspective_id, g.sort, g.goal_id, m.sort, m.metric_id;
END;
COMMENT ON FUNCTION annual_report(integer, text) IS 'The annual report''s layout for a year: each metric''s outcomes for the last three years (with their years), target, status, labels, colour and trend, in the report''s order';

-- ------------------------------------------------------ column comments
-- What JDBC's REMARKS and ODBC's remarks show.  One text per column name;
-- where a column means the same in every view it has the same comment.
DO $comments$
DECLARE
	v	text;
	a	record;
	txt text;
BEGIN
	FOREACH v IN ARRAY ARRAY['metric_status', 'goal_status', 'perspective_status', 'committee_status']
	LOOP
		FOR a IN SELECT attname FROM pg_catalog.pg_attribute
				  WHERE attrelid OPERATOR(pg_catalog.=) pg_catalog.format('goalmetrics.%I', v)::regclass
					AND attnum OPERATOR(pg_catalog.>) 0 AND NOT attisdropped
		LOOP
			txt := CASE a.attname::text
				WHEN 'committee_id' THEN 'Id of the committee (committee.committee_id)'
				WHEN 'committee' THEN 'The committee''s name'
				WHEN 'perspective_id' THEN 'Id of the perspective (perspective.perspective_id)'
				WHEN 'perspective' THEN 'The perspective''s name in Swedish'
				WHEN 'perspective_en' THEN 'The perspective''s name in English'
				WHEN 'goal_id' THEN 'Id of the goal (goal.goal_id)'
				WHEN 'parent_goal_id' THEN 'The goal this goal contributes to (goal chain city -> committee -> unit); NULL: none'
				WHEN 'goal' THEN 'The goal''s title'
				WHEN 'goal_description' THEN 'The goal''s description'
				WHEN 'metric_id' THEN 'Id of the metric (metric.metric_id)'
				WHEN 'metric' THEN 'The metric''s name'
				WHEN 'metric_description' THEN 'The metric''s description'
				WHEN 'weight' THEN 'The metric''s weight in its goal''s mean (1 when not set; 0: counted, not in the mean)'
				WHEN 'year' THEN 'The year'
				WHEN 'outcome' THEN 'The outcome (utfall) in the year; NULL: none'
				WHEN 'target' THEN 'The year''s target as written in the report (Minst 65 %); NULL: none'
				WHEN 'target_value' THEN 'The target''s number (the lower bound of a range)'
				WHEN 'target_comparator' THEN 'at_least, at_most, above, below, exactly or between'
				WHEN 'target_unit' THEN 'The target''s unit (%, barn, tkr ...); NULL: none'
				WHEN 'fulfilment' THEN 'Fulfilment in percent, 0 to 100 (capped), 4 decimals'
				WHEN 'fulfilment_fraction' THEN 'Fulfilment as a fraction, 0 to 1, 6 decimals (for a BI percent format)'
				WHEN 'status' THEN 'fulfilled, partly, not_fulfilled or not_followed_up; NULL: no target'
				WHEN 'status_rank' THEN 'The status as a sort rank, best first: 1 fulfilled, 2 partly, 3 not_fulfilled, 4 not_followed_up'
				WHEN 'status_label' THEN 'The report''s legend of the status in Swedish'
				WHEN 'status_label_en' THEN 'The report''s legend of the status in English'
				WHEN 'status_colour' THEN 'The status colour as hex (#2E7D32 green, #F9A825 yellow, #C62828 red, #9E9E9E grey)'
				WHEN 'trend' THEN 'improving, stable or worsening over the outcomes of year - 2 .. year; NULL with fewer than two'
				WHEN 'outcome_note' THEN 'The note on the outcome'
				WHEN 'year_prev1' THEN 'The previous year (year - 1)'
				WHEN 'outcome_prev1' THEN 'The outcome in year_prev1'
				WHEN 'fulfilment_prev1' THEN 'Fulfilment in percent in year_prev1 (NULL: no target or result then)'
				WHEN 'status_prev1' THEN 'The status in year_prev1 (NULL: no result then)'
				WHEN 'year_prev2' THEN 'The year before the previous (year - 2)'
				WHEN 'outcome_prev2' THEN 'The outcome in year_prev2'
				WHEN 'goals' THEN 'Goals rolled up (each counts once)'
				WHEN 'metrics' THEN 'Metrics rolled up'
				WHEN 'fulfilled' THEN 'Metrics fulfilled'
				WHEN 'partly' THEN 'Metrics partly fulfilled'
				WHEN 'not_fulfilled' THEN 'Metrics not fulfilled'
				WHEN 'not_followed_up' THEN 'Metrics not followed up (a target, no outcome)'
				WHEN 'committee_sort' THEN 'Sort key of the committee (report order)'
				WHEN 'perspective_sort' THEN 'Sort key of the perspective (report order)'
				WHEN 'goal_sort' THEN 'Sort key of the goal within its committee (report order)'
				WHEN 'metric_sort' THEN 'Sort key of the metric within its goal (report order)'
			END;
			IF txt IS NULL THEN
				RAISE EXCEPTION 'goalmetrics: view column %.% has no comment', v, a.attname;
			END IF;
			EXECUTE pg_catalog.format('COMMENT ON COLUMN goalmetrics.%I.%I IS %L', v, a.attname, txt);
		END LOOP;
	END LOOP;
END
$comments$;

-- ------------------------------------------------------------- privileges
-- security_invoker exists from PostgreSQL 15 on.  Before it, a view reads
-- its tables with its owner's rights, which would bypass row-level
-- security: there the views are created without it and are granted to
-- goalmetrics_admin only (readers and writers query the tables).
-- goal_rollup (a composite column) is for SQL, granted to the admin only.
DO $views$
DECLARE
	v	text;
BEGIN
	FOREACH v IN ARRAY ARRAY['metric_status', 'goal_rollup', 'goal_status', 'perspective_status', 'committee_status']
	LOOP
		IF pg_catalog.current_setting('server_version_num')::integer OPERATOR(pg_catalog.>=) 150000 THEN
			EXECUTE pg_catalog.format('ALTER VIEW goalmetrics.%I SET (security_invoker = true)', v);
			IF v OPERATOR(pg_catalog.<>) 'goal_rollup' THEN
				EXECUTE pg_catalog.format('GRANT SELECT ON goalmetrics.%I TO goalmetrics_reader, goalmetrics_writer', v);
			END IF;
		END IF;
		EXECUTE pg_catalog.format('GRANT SELECT ON goalmetrics.%I TO goalmetrics_admin', v);
	END LOOP;
END
$views$;
