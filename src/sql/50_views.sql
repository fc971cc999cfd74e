-- goalmetrics SQL API, chapter 5: views for BI tools and the annual report.
--
-- Every view has plain column types (text, integer, numeric) that any BI
-- tool shows, and runs with the rights of the user who reads it
-- (security_invoker, PostgreSQL 15+), so the row-level security of the
-- tables applies through it.  Reference: doc/schema.md.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

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
	   g.title AS goal,
	   m.metric_id,
	   m.name AS metric,
	   k.year,
	   k.value AS outcome,
	   goalmetrics.target_value(k.target) AS target,
	   goalmetrics.format_target(k.target) AS target_text,
	   goalmetrics.target_comparator(k.target) AS target_comparator,
	   goalmetrics.target_unit(k.target) AS target_unit,
	   goalmetrics.fulfilment(k.value, k.target) AS fulfilment,
	   s.status::text AS status,
	   goalmetrics.status_label(s.status) AS status_label,
	   goalmetrics.status_colour(s.status) AS status_colour,
	   tr.trend::text AS trend,
	   k.note AS outcome_note,
	   c.sort AS committee_sort,
	   p.sort AS perspective_sort,
	   g.sort AS goal_sort,
	   m.sort AS metric_sort
  FROM (SELECT metric_id, year, t.target, o.value, o.note
		  FROM goalmetrics.target t
		  FULL JOIN goalmetrics.outcome o USING (metric_id, year)) k
  JOIN goalmetrics.metric m ON m.metric_id OPERATOR(pg_catalog.=) k.metric_id
  JOIN goalmetrics.goal g ON g.goal_id OPERATOR(pg_catalog.=) m.goal_id
  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
 CROSS JOIN LATERAL (
		SELECT CASE WHEN k.target IS NOT NULL THEN goalmetrics.status(k.value, k.target) END AS status,
			   coalesce(k.target,
						(SELECT t2.target FROM goalmetrics.target t2
						  WHERE t2.metric_id OPERATOR(pg_catalog.=) k.metric_id
						  ORDER BY t2.year OPERATOR(pg_catalog.<=) k.year DESC,
								   pg_catalog.abs(t2.year OPERATOR(pg_catalog.-) k.year)
						  LIMIT 1)) AS direction) s
 CROSS JOIN LATERAL (
		SELECT goalmetrics.trend(o3.year, o3.value, s.direction) AS trend
		  FROM goalmetrics.outcome o3
		 WHERE o3.metric_id OPERATOR(pg_catalog.=) k.metric_id
		   AND o3.year OPERATOR(pg_catalog.>=) (k.year OPERATOR(pg_catalog.-) 2)
		   AND o3.year OPERATOR(pg_catalog.<=) k.year) tr;
COMMENT ON VIEW metric_status IS 'One row per metric and year with a target or an outcome: outcome, target, fulfilment, status, label, colour and three-year trend';

-- The goal roll-ups as goalmetrics.rollup_result values, for SQL that rolls
-- up further (perspective_status and committee_status do; a city level
-- can).  A goal has a row for each year in which one of its metrics has a
-- target; metrics with a target but no outcome count as not followed up.
CREATE VIEW goal_rollup AS
SELECT g.committee_id,
	   g.perspective_id,
	   g.goal_id,
	   t.year,
	   goalmetrics.rollup(o.value, t.target, coalesce(m.weight, 1)) AS result
  FROM goalmetrics.target t
  JOIN goalmetrics.metric m ON m.metric_id OPERATOR(pg_catalog.=) t.metric_id
  JOIN goalmetrics.goal g ON g.goal_id OPERATOR(pg_catalog.=) m.goal_id
  LEFT JOIN goalmetrics.outcome o
		 ON o.metric_id OPERATOR(pg_catalog.=) t.metric_id AND o.year OPERATOR(pg_catalog.=) t.year
 GROUP BY g.committee_id, g.perspective_id, g.goal_id, t.year;
COMMENT ON VIEW goal_rollup IS 'Each goal''s roll-up of its metrics per year, as a rollup_result (the composite form of goal_status)';

CREATE VIEW goal_status AS
SELECT c.committee_id,
	   c.name AS committee,
	   p.perspective_id,
	   p.name_sv AS perspective,
	   p.name_en AS perspective_en,
	   g.goal_id,
	   g.title AS goal,
	   r.year,
	   (r.result).fulfilment,
	   ((r.result).status)::text AS status,
	   goalmetrics.status_label((r.result).status) AS status_label,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).parts,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   c.sort AS committee_sort,
	   p.sort AS perspective_sort,
	   g.sort AS goal_sort
  FROM goalmetrics.goal_rollup r
  JOIN goalmetrics.goal g ON g.goal_id OPERATOR(pg_catalog.=) r.goal_id
  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id;
COMMENT ON VIEW goal_status IS 'One row per goal and year: the roll-up of its metrics (fulfilment, status, label, colour, counts)';

-- A perspective's result is rolled up from its goals, each goal counting
-- once however many metrics it has.
CREATE VIEW perspective_status AS
SELECT c.committee_id,
	   c.name AS committee,
	   p.perspective_id,
	   p.name_sv AS perspective,
	   p.name_en AS perspective_en,
	   r.year,
	   (r.result).fulfilment,
	   ((r.result).status)::text AS status,
	   goalmetrics.status_label((r.result).status) AS status_label,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).parts AS goals,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   c.sort AS committee_sort,
	   p.sort AS perspective_sort
  FROM (SELECT gr.committee_id, gr.perspective_id, gr.year, goalmetrics.rollup(gr.result) AS result
		  FROM goalmetrics.goal_rollup gr
		 GROUP BY gr.committee_id, gr.perspective_id, gr.year) r
  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) r.committee_id
  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) r.perspective_id;
COMMENT ON VIEW perspective_status IS 'One row per committee, perspective and year: the roll-up of its goals, each goal counting once';

-- A committee's result is rolled up from all its goals (DOMAIN: the mean
-- of its goals', each goal counting once), not from its perspectives.
CREATE VIEW committee_status AS
SELECT c.committee_id,
	   c.name AS committee,
	   r.year,
	   (r.result).fulfilment,
	   ((r.result).status)::text AS status,
	   goalmetrics.status_label((r.result).status) AS status_label,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).parts AS goals,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   c.sort AS committee_sort
  FROM (SELECT gr.committee_id, gr.year, goalmetrics.rollup(gr.result) AS result
		  FROM goalmetrics.goal_rollup gr
		 GROUP BY gr.committee_id, gr.year) r
  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) r.committee_id;
COMMENT ON VIEW committee_status IS 'One row per committee and year: the roll-up of all its goals, each goal counting once';

-- ------------------------------------------------------- the annual report
CREATE TYPE annual_report_line AS (
	committee	text,
	perspective text,
	goal		text,
	metric		text,
	outcome_prev2 numeric,
	outcome_prev1 numeric,
	outcome		numeric,
	target		text,
	status		text,
	status_label text,
	trend		text
);
COMMENT ON TYPE annual_report_line IS 'A line of annual_report(): a metric with three years'' outcomes, target, status and trend';

-- The report's own layout: one row per metric that has a target or an
-- outcome in the three years year - 2 .. year, in the report's order
-- (committee, perspective, goal, metric).  committee NULL: all committees;
-- otherwise the committee of that name (in any case).
CREATE FUNCTION annual_report(year integer, committee text DEFAULT NULL)
RETURNS SETOF annual_report_line
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.name, p.name_sv, g.title, m.name,
		   o2.value, o1.value, ms.outcome, ms.target_text, ms.status, ms.status_label, ms.trend
	  FROM goalmetrics.metric m
	  JOIN goalmetrics.goal g ON g.goal_id OPERATOR(pg_catalog.=) m.goal_id
	  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
	  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
	  LEFT JOIN goalmetrics.metric_status ms
			 ON ms.metric_id OPERATOR(pg_catalog.=) m.metric_id AND ms.year OPERATOR(pg_catalog.=) annual_report.year
	  LEFT JOIN goalmetrics.outcome o1
			 ON o1.metric_id OPERATOR(pg_catalog.=) m.metric_id
			AND o1.year OPERATOR(pg_catalog.=) (annual_report.year OPERATOR(pg_catalog.-) 1)
	  LEFT JOIN goalmetrics.outcome o2
			 ON o2.metric_id OPERATOR(pg_catalog.=) m.metric_id
			AND o2.year OPERATOR(pg_catalog.=) (annual_report.year OPERATOR(pg_catalog.-) 2)
	 WHERE (annual_report.committee IS NULL
			OR pg_catalog.lower(c.name) OPERATOR(pg_catalog.=) pg_catalog.lower(annual_report.committee))
	   AND (ms.metric_id IS NOT NULL OR o1.metric_id IS NOT NULL OR o2.metric_id IS NOT NULL
			OR EXISTS (SELECT FROM goalmetrics.target t
						WHERE t.metric_id OPERATOR(pg_catalog.=) m.metric_id
						  AND t.year OPERATOR(pg_catalog.>=) (annual_report.year OPERATOR(pg_catalog.-) 2)
						  AND t.year OPERATOR(pg_catalog.<) annual_report.year))
	 ORDER BY c.sort, c.name, p.sort, p.perspective_id, g.sort, g.goal_id, m.sort, m.metric_id;
END;
COMMENT ON FUNCTION annual_report(integer, text) IS 'The annual report''s layout for a year: each metric''s outcomes for the last three years, target, status and trend, in the report''s order';

-- ------------------------------------------------------------- privileges
-- security_invoker exists from PostgreSQL 15 on.  Before it, a view reads
-- its tables with its owner's rights, which would bypass row-level
-- security: there the views are created without it and are granted to
-- goalmetrics_admin only (readers and writers query the tables).
DO $views$
DECLARE
	v	text;
BEGIN
	FOREACH v IN ARRAY ARRAY['metric_status', 'goal_rollup', 'goal_status', 'perspective_status', 'committee_status']
	LOOP
		IF pg_catalog.current_setting('server_version_num')::integer OPERATOR(pg_catalog.>=) 150000 THEN
			EXECUTE pg_catalog.format('ALTER VIEW goalmetrics.%I SET (security_invoker = true)', v);
			EXECUTE pg_catalog.format('GRANT SELECT ON goalmetrics.%I TO goalmetrics_reader, goalmetrics_writer', v);
		END IF;
		EXECUTE pg_catalog.format('GRANT SELECT ON goalmetrics.%I TO goalmetrics_admin', v);
	END LOOP;
END
$views$;
