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

-- ------------------------------------------------------- the year's rules
-- The rules that decide a year: its row in goalmetrics.rules, else the
-- settings in force (current_rules(), 30_rollup.sql; fixed false).  Every view, annual_report(), the
-- report pages and refresh_summary() take a year's rules from here.  An
-- inlinable SQL function: joined per year, the settings are read once per
-- query (uncorrelated sub-selects).
CREATE FUNCTION rules_for(year integer)
RETURNS TABLE (partly_above numeric, fulfilled_at numeric, rollup_method goalmetrics.rollup_method,
			   trend_tolerance numeric, fixed boolean)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT coalesce(r.partly_above, (SELECT s.partly_above FROM goalmetrics.current_rules() s)),
		   coalesce(r.fulfilled_at, (SELECT s.fulfilled_at FROM goalmetrics.current_rules() s)),
		   coalesce(r.rollup_method, (SELECT s.rollup_method FROM goalmetrics.current_rules() s)),
		   coalesce(r.trend_tolerance, (SELECT s.trend_tolerance FROM goalmetrics.current_rules() s)),
		   r.year IS NOT NULL
	  FROM (VALUES (rules_for.year)) y(year)
	  LEFT JOIN goalmetrics.rules r ON r.year OPERATOR(pg_catalog.=) y.year;
END;
COMMENT ON FUNCTION rules_for(integer) IS 'The rules of a year: its row in goalmetrics.rules (fixed true), else the settings in force (fixed false)';

-- Fixes a year's rules when it is published: inserts the settings in force
-- as the year's row when it has none, and returns the year's row.  A year
-- that has one keeps it (a published report does not change); to change
-- it, an admin updates the row, which the history records.
CREATE FUNCTION publish_rules(year integer) RETURNS goalmetrics.rules
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	result	goalmetrics.rules;
BEGIN
	INSERT INTO goalmetrics.rules (year, partly_above, fulfilled_at, rollup_method, trend_tolerance)
	SELECT publish_rules.year, s.partly_above, s.fulfilled_at, s.rollup_method, s.trend_tolerance
	  FROM goalmetrics.current_rules() s
	ON CONFLICT DO NOTHING;
	SELECT * INTO STRICT result FROM goalmetrics.rules r WHERE r.year = publish_rules.year;
	RETURN result;
END
$$;
COMMENT ON FUNCTION publish_rules(integer) IS 'Fixes the rules of a year: inserts the settings in force as its goalmetrics.rules row when it has none; returns the year''s row';
REVOKE EXECUTE ON FUNCTION publish_rules(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION publish_rules(integer) TO goalmetrics_admin;

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
	   goalmetrics.target_value(a.target) AS target_value,
	   goalmetrics.target_comparator(t.target) AS target_comparator,
	   goalmetrics.target_unit(t.target) AS target_unit,
	   goalmetrics.format_target(a.target) AS target_applied,
	   pg_catalog.round(f.fulfilment, 4)::numeric(7, 4) AS fulfilment,
	   pg_catalog.round(f.fulfilment OPERATOR(pg_catalog./) 100, 6)::numeric(7, 6) AS fulfilment_fraction,
	   f.status::text AS status,
	   goalmetrics.status_rank(f.status::text) AS status_rank,
	   goalmetrics.status_label(f.status, 'sv', ru.partly_above, ru.fulfilled_at) AS status_label,
	   goalmetrics.status_label(f.status, 'en', ru.partly_above, ru.fulfilled_at) AS status_label_en,
	   goalmetrics.status_colour(f.status) AS status_colour,
	   w.trend,
	   w.outcome_note,
	   k.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   w.outcome_prev1,
	   pg_catalog.round(goalmetrics.fulfilment(w.outcome_prev1, a.target_prev1), 4)::numeric(7, 4) AS fulfilment_prev1,
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
 CROSS JOIN LATERAL goalmetrics.rules_for(k.year) ru
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
  -- before, and the trend over them (trend() reads only the target's
  -- direction: a direction target judged against any value, here 0, gives
  -- it, maintain and improve in the metric's direction)
 CROSS JOIN LATERAL (
		SELECT goalmetrics.trend(o3.year, o3.value,
								 goalmetrics.judged_target(coalesce(t.target, nt.target), 0, coalesce(m.lower_is_better, false)),
								 ru.trend_tolerance)::text AS trend,
			   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) k.year) AS outcome,
			   pg_catalog.max(o3.note) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) k.year) AS outcome_note,
			   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) (k.year OPERATOR(pg_catalog.-) 1)) AS outcome_prev1,
			   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) (k.year OPERATOR(pg_catalog.-) 2)) AS outcome_prev2
		  FROM goalmetrics.outcome o3
		 WHERE o3.metric_id OPERATOR(pg_catalog.=) m.metric_id
		   AND o3.year OPERATOR(pg_catalog.>=) (k.year OPERATOR(pg_catalog.-) 2)
		   AND o3.year OPERATOR(pg_catalog.<=) k.year) w
  -- the targets the year and the year before are judged against
  -- (target_applied(): a glide path's value, a direction after the
  -- previous outcome)
 CROSS JOIN LATERAL (
		SELECT goalmetrics.target_applied(t.target, k.year, w.outcome_prev1, m.lower_is_better) AS target,
			   goalmetrics.target_applied(t.target_prev1, k.year OPERATOR(pg_catalog.-) 1, w.outcome_prev2,
										  m.lower_is_better) AS target_prev1) a
 CROSS JOIN LATERAL (
		SELECT CASE WHEN a.target IS NOT NULL
					THEN goalmetrics.status(w.outcome, a.target, ru.partly_above, ru.fulfilled_at) END AS status,
			   goalmetrics.fulfilment(w.outcome, a.target) AS fulfilment) f;
COMMENT ON VIEW metric_status IS 'One row per metric and year with a target or an outcome: outcome, target, fulfilment, status, labels, colour, three-year trend and the two previous years'' outcomes';

-- -------------------------------------------------------------- goal level
-- Each goal's roll-up of its metrics for every year in which one of its
-- metrics has a target (current = true), and for the year after each such
-- year (the previous year's result, result_prev1), as rollup_result
-- values.  Every column a filter may name is a GROUP BY key, so a filter
-- on the committee, perspective, goal or year reaches the tables.  Metrics
-- with a target but no outcome count as not followed up.  Beside the
-- computed roll-up: the committee's assessment of the goal for the year
-- (goal_assessment) and the status that counts, the assessed status when
-- there is one, else the computed (status; status_prev1 the same for the
-- year before).  An internal building block, inlined where it is read; not
-- for BI tools (composite columns): they read goal_status.
CREATE FUNCTION goal_results()
RETURNS TABLE (committee_id integer, committee text, committee_sort integer,
			   perspective_id integer, perspective text, perspective_en text, perspective_sort integer,
			   goal_id integer, parent_goal_id integer, goal text, goal_description text, goal_sort integer,
			   year integer, current boolean, result goalmetrics.rollup_result,
			   result_prev1 goalmetrics.rollup_result,
			   assessed_status goalmetrics.status_band, status goalmetrics.status_band,
			   analysis text, reason text, status_prev1 goalmetrics.status_band)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.committee_id, r.committee, r.committee_sort, r.perspective_id, r.perspective, r.perspective_en,
		   r.perspective_sort, r.goal_id, r.parent_goal_id, r.goal, r.goal_description, r.goal_sort, r.year,
		   r.current, r.result, r.result_prev1,
		   a.status, coalesce(a.status, (r.result).status), a.analysis, a.reason,
		   coalesce(a1.status, (r.result_prev1).status)
	  FROM (SELECT c.committee_id, c.name AS committee, c.sort AS committee_sort, p.perspective_id,
				   p.name_sv AS perspective, p.name_en AS perspective_en, p.sort AS perspective_sort,
				   g.goal_id, g.parent_goal_id, g.title AS goal, g.description AS goal_description,
				   g.sort AS goal_sort, y.year,
				   pg_catalog.bool_or(y.lag OPERATOR(pg_catalog.=) 0) AS current,
				   goalmetrics.rollup(o.value, ta.target, coalesce(m.weight, 1), ru.partly_above, ru.fulfilled_at, ru.rollup_method)
					   FILTER (WHERE y.lag OPERATOR(pg_catalog.=) 0) AS result,
				   CASE WHEN pg_catalog.bool_or(y.lag OPERATOR(pg_catalog.=) 1)
						THEN goalmetrics.rollup(o.value, ta.target, coalesce(m.weight, 1), ru.partly_above, ru.fulfilled_at, ru.rollup_method)
								 FILTER (WHERE y.lag OPERATOR(pg_catalog.=) 1) END AS result_prev1
			  FROM goalmetrics.goal g
			  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
			  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
			  JOIN goalmetrics.metric m ON m.goal_id OPERATOR(pg_catalog.=) g.goal_id
			  JOIN goalmetrics.target t ON t.metric_id OPERATOR(pg_catalog.=) m.metric_id
			 -- the rules of the target's year: the year's for result, the
			 -- year before's for result_prev1
			 CROSS JOIN LATERAL goalmetrics.rules_for(t.year) ru
			 CROSS JOIN LATERAL (VALUES (t.year, 0), (t.year OPERATOR(pg_catalog.+) 1, 1)) y(year, lag)
			  LEFT JOIN goalmetrics.outcome o
					 ON o.metric_id OPERATOR(pg_catalog.=) t.metric_id AND o.year OPERATOR(pg_catalog.=) t.year
			 -- the target the year is judged against, as in metric_status
			  LEFT JOIN goalmetrics.outcome op
					 ON op.metric_id OPERATOR(pg_catalog.=) t.metric_id
					AND op.year OPERATOR(pg_catalog.=) (t.year OPERATOR(pg_catalog.-) 1)
			 CROSS JOIN LATERAL (
					SELECT goalmetrics.target_applied(t.target, t.year, op.value, m.lower_is_better) AS target) ta
			 GROUP BY c.committee_id, c.name, c.sort, p.perspective_id, p.name_sv, p.name_en, p.sort,
					  g.goal_id, g.parent_goal_id, g.title, g.description, g.sort, y.year) r
	  LEFT JOIN goalmetrics.goal_assessment a
			 ON a.goal_id OPERATOR(pg_catalog.=) r.goal_id AND a.year OPERATOR(pg_catalog.=) r.year
	  LEFT JOIN goalmetrics.goal_assessment a1
			 ON a1.goal_id OPERATOR(pg_catalog.=) r.goal_id AND a1.year OPERATOR(pg_catalog.=) (r.year OPERATOR(pg_catalog.-) 1);
END;
COMMENT ON FUNCTION goal_results() IS 'Internal: each goal''s roll-up per year (current) and the year before (result_prev1), with every filterable column a grouping key, and the committee''s assessment (assessed_status, the status that counts, analysis, reason); read by the views and refresh_summary()';

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

-- An assessed status that differs from the computed one needs its reason.
-- Checked when the assessment is written, against the goal's computed
-- status of that year as the writer's goal_results() gives it (a goal
-- without targets that year has none, so any assessed status differs).
-- SQLSTATE 23514 (check_violation), like a CHECK constraint.
CREATE FUNCTION goal_assessment_check() RETURNS trigger
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	computed	goalmetrics.status_band;
BEGIN
	IF NEW.status IS NULL OR NEW.reason IS NOT NULL THEN
		RETURN NEW;
	END IF;
	SELECT (r.result).status INTO computed FROM goalmetrics.goal_results() r
	 WHERE r.goal_id = NEW.goal_id AND r.year = NEW.year AND r.current;
	IF computed IS DISTINCT FROM NEW.status THEN
		RAISE EXCEPTION 'goal % is assessed as "%" in %, but its computed status is %', NEW.goal_id, NEW.status, NEW.year,
			coalesce('"' || computed::text || '"', 'none (no target that year)')
			USING ERRCODE = 'check_violation',
				  DETAIL = 'An assessed status that differs from the computed one needs a reason.',
				  HINT = 'Set goal_assessment.reason to say why, or leave status NULL to let the computed status count.';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION goal_assessment_check() IS 'Trigger: an assessed status of a goal that differs from its computed status needs a reason (23514)';

CREATE TRIGGER goal_assessment_reason BEFORE INSERT OR UPDATE ON goal_assessment
	FOR EACH ROW EXECUTE FUNCTION goal_assessment_check();

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
	   r.status::text AS status,
	   goalmetrics.status_rank(r.status::text) AS status_rank,
	   goalmetrics.status_label(r.status, 'sv', ru.partly_above, ru.fulfilled_at) AS status_label,
	   goalmetrics.status_label(r.status, 'en', ru.partly_above, ru.fulfilled_at) AS status_label_en,
	   goalmetrics.status_colour(r.status) AS status_colour,
	   ((r.result).status)::text AS computed_status,
	   r.assessed_status::text AS assessed_status,
	   r.reason,
	   r.analysis,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   r.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   pg_catalog.round((r.result_prev1).fulfilment, 4)::numeric(7, 4) AS fulfilment_prev1,
	   r.status_prev1::text AS status_prev1,
	   r.committee_sort,
	   r.perspective_sort,
	   r.goal_sort
  FROM goalmetrics.goal_results() r
 CROSS JOIN LATERAL goalmetrics.rules_for(r.year) ru
 WHERE r.current;
COMMENT ON VIEW goal_status IS 'One row per goal and year in which one of its metrics has a target: the roll-up of its metrics (fulfilment, counts), the status that counts (the committee''s assessed status, else the computed one) with labels and colour, the computed and assessed status, the analysis, and the year before';

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
--
-- Assessed goals (goal_assessment.status) enter by one rule: the numbers
-- stay the computed ones, and the goals are counted by the status that
-- counts.  The fulfilment, status and metric counts (result) are rolled up
-- from the goals' computed results, so they follow from the outcomes and
-- the rules alone and are reproducible from the data; goals_fulfilled ..
-- goals_not_followed_up count the goals by the status that counts (the
-- committee's assessment where there is one), the figure a report states
-- in the committee's words ("3 of 4 goals reached"); goals_assessed says
-- how many goals of the count are the committee's assessment.
CREATE FUNCTION group_results(per_perspective boolean)
RETURNS TABLE (committee_id integer, committee text, committee_sort integer,
			   perspective_id integer, perspective text, perspective_en text, perspective_sort integer,
			   year integer, result goalmetrics.rollup_result, result_prev1 goalmetrics.rollup_result,
			   goals_fulfilled integer, goals_partly integer, goals_not_fulfilled integer,
			   goals_not_followed_up integer, goals_assessed integer)
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT gr.committee_id, gr.committee, gr.committee_sort,
		   CASE WHEN group_results.per_perspective THEN gr.perspective_id END,
		   CASE WHEN group_results.per_perspective THEN gr.perspective END,
		   CASE WHEN group_results.per_perspective THEN gr.perspective_en END,
		   CASE WHEN group_results.per_perspective THEN gr.perspective_sort END,
		   gr.year,
		   goalmetrics.rollup(gr.result, ru.partly_above, ru.fulfilled_at, ru.rollup_method) FILTER (WHERE gr.current),
		   CASE WHEN pg_catalog.bool_or(gr.result_prev1 IS NOT NULL)
				THEN goalmetrics.rollup(gr.result_prev1, ru1.partly_above, ru1.fulfilled_at, ru1.rollup_method)
						 FILTER (WHERE gr.result_prev1 IS NOT NULL) END,
		   (pg_catalog.count(*) FILTER (WHERE gr.current AND gr.status OPERATOR(pg_catalog.=) 'fulfilled'))::integer,
		   (pg_catalog.count(*) FILTER (WHERE gr.current AND gr.status OPERATOR(pg_catalog.=) 'partly'))::integer,
		   (pg_catalog.count(*) FILTER (WHERE gr.current AND gr.status OPERATOR(pg_catalog.=) 'not_fulfilled'))::integer,
		   (pg_catalog.count(*) FILTER (WHERE gr.current AND gr.status OPERATOR(pg_catalog.=) 'not_followed_up'))::integer,
		   (pg_catalog.count(*) FILTER (WHERE gr.current AND gr.assessed_status IS NOT NULL))::integer
	  FROM goalmetrics.goal_results() gr
	 -- the year's rules, and the year before's for result_prev1
	 CROSS JOIN LATERAL goalmetrics.rules_for(gr.year) ru
	 CROSS JOIN LATERAL goalmetrics.rules_for(gr.year OPERATOR(pg_catalog.-) 1) ru1
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
	   goalmetrics.status_label((r.result).status, 'sv', ru.partly_above, ru.fulfilled_at) AS status_label,
	   goalmetrics.status_label((r.result).status, 'en', ru.partly_above, ru.fulfilled_at) AS status_label_en,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).parts AS goals,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   r.goals_fulfilled,
	   r.goals_partly,
	   r.goals_not_fulfilled,
	   r.goals_not_followed_up,
	   r.goals_assessed,
	   r.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   pg_catalog.round((r.result_prev1).fulfilment, 4)::numeric(7, 4) AS fulfilment_prev1,
	   ((r.result_prev1).status)::text AS status_prev1,
	   r.committee_sort,
	   r.perspective_sort
  FROM goalmetrics.group_results(true) r
 CROSS JOIN LATERAL goalmetrics.rules_for(r.year) ru;
COMMENT ON VIEW perspective_status IS 'One row per committee, perspective and year: the roll-up of its goals, each goal counting once, and the year before';

CREATE VIEW committee_status AS
SELECT r.committee_id,
	   r.committee,
	   r.year,
	   pg_catalog.round((r.result).fulfilment, 4)::numeric(7, 4) AS fulfilment,
	   pg_catalog.round((r.result).fulfilment OPERATOR(pg_catalog./) 100, 6)::numeric(7, 6) AS fulfilment_fraction,
	   ((r.result).status)::text AS status,
	   goalmetrics.status_rank(((r.result).status)::text) AS status_rank,
	   goalmetrics.status_label((r.result).status, 'sv', ru.partly_above, ru.fulfilled_at) AS status_label,
	   goalmetrics.status_label((r.result).status, 'en', ru.partly_above, ru.fulfilled_at) AS status_label_en,
	   goalmetrics.status_colour((r.result).status) AS status_colour,
	   (r.result).parts AS goals,
	   (r.result).metrics,
	   (r.result).fulfilled,
	   (r.result).partly,
	   (r.result).not_fulfilled,
	   (r.result).not_followed_up,
	   r.goals_fulfilled,
	   r.goals_partly,
	   r.goals_not_fulfilled,
	   r.goals_not_followed_up,
	   r.goals_assessed,
	   r.year OPERATOR(pg_catalog.-) 1 AS year_prev1,
	   pg_catalog.round((r.result_prev1).fulfilment, 4)::numeric(7, 4) AS fulfilment_prev1,
	   ((r.result_prev1).status)::text AS status_prev1,
	   r.committee_sort
  FROM goalmetrics.group_results(false) r
 CROSS JOIN LATERAL goalmetrics.rules_for(r.year) ru;
COMMENT ON VIEW committee_status IS 'One row per committee and year: the roll-up of all its goals, each goal counting once, and the year before';

-- ---------------------------------------------------------- format_outcome
-- An outcome written as the report writes it ("2 315", "72,3 %",
-- "3 518 tkr"), with the number rule of the target type (C:
-- src/target_format.c); annual_report() and report_html() use it.
-- Not STRICT in the target: a NULL target writes the number without a unit.
-- A NULL outcome is NULL (no value; the page writes "-").
CREATE FUNCTION format_outcome(value numeric, target metric_target DEFAULT NULL, style text DEFAULT 'swedish')
RETURNS text
	AS 'MODULE_PATHNAME', 'format_outcome' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION format_outcome(numeric, metric_target, text) IS 'An outcome written as the report writes it, with the target''s unit where the report shows it (percent, money): 2 315, 72,3 %, 3 518 tkr; style swedish (default), english (decimal point) or sheet (2315, 72,3 for a spreadsheet); NULL for no outcome';

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
	report_order integer,
	outcome_prev2_text text,
	outcome_prev1_text text,
	outcome_text text,
	outcome_note text,
	goal_assessed_status text,
	goal_analysis text
);
COMMENT ON TYPE annual_report_line IS 'A line of annual_report(): a metric with three years'' outcomes (and their years, and as the report writes them), target, fulfilment, status, labels, colour and trend, its ids and its place in the report (report_order), the outcome''s note, and its goal''s assessed status and analysis';

-- The report's own layout: one row per metric that has a target or an
-- outcome in the three years year - 2 .. year, in the report's order
-- (committee, perspective, goal, metric).  committee NULL: all committees;
-- otherwise the committee of that name (in any case).  An inlinable SQL
-- function: the committee reaches the tables as a filter.  BI tools that
-- list only relations read the same columns from metric_status (a row per
-- metric and year with a target or an outcome; doc/schema.md).
CREATE FUNCTION report_lines_of_year(year integer, committee text)
RETURNS SETOF annual_report_line
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT c.name, p.name_sv, g.title, m.name,
		   report_lines_of_year.year OPERATOR(pg_catalog.-) 2, w.outcome_prev2,
		   report_lines_of_year.year OPERATOR(pg_catalog.-) 1, w.outcome_prev1, o.value,
		   goalmetrics.format_target(t.target), goalmetrics.target_value(a.target),
		   pg_catalog.round(goalmetrics.fulfilment(o.value, a.target), 4)::numeric(7, 4),
		   f.status::text, goalmetrics.status_label(f.status, 'sv', ru.partly_above, ru.fulfilled_at),
		   goalmetrics.status_label(f.status, 'en', ru.partly_above, ru.fulfilled_at),
		   goalmetrics.status_colour(f.status),
		   CASE WHEN t.target IS NOT NULL OR o.metric_id IS NOT NULL THEN w.trend END,
		   p.name_en, c.committee_id, p.perspective_id, g.goal_id, m.metric_id,
		   (pg_catalog.row_number() OVER (ORDER BY c.sort, c.name, p.sort, p.perspective_id, g.sort, g.goal_id, m.sort, m.metric_id))::integer,
		   goalmetrics.format_outcome(w.outcome_prev2, coalesce(t.target, nt.target)),
		   goalmetrics.format_outcome(w.outcome_prev1, coalesce(t.target, nt.target)),
		   goalmetrics.format_outcome(o.value, coalesce(t.target, nt.target)),
		   o.note, ga.status::text, ga.analysis
	  FROM goalmetrics.metric m
	  JOIN goalmetrics.goal g ON g.goal_id OPERATOR(pg_catalog.=) m.goal_id
	  JOIN goalmetrics.committee c ON c.committee_id OPERATOR(pg_catalog.=) g.committee_id
	  JOIN goalmetrics.perspective p ON p.perspective_id OPERATOR(pg_catalog.=) g.perspective_id
	  LEFT JOIN goalmetrics.target t
			 ON t.metric_id OPERATOR(pg_catalog.=) m.metric_id AND t.year OPERATOR(pg_catalog.=) report_lines_of_year.year
	  LEFT JOIN goalmetrics.outcome o
			 ON o.metric_id OPERATOR(pg_catalog.=) m.metric_id AND o.year OPERATOR(pg_catalog.=) report_lines_of_year.year
	  LEFT JOIN goalmetrics.goal_assessment ga
			 ON ga.goal_id OPERATOR(pg_catalog.=) g.goal_id AND ga.year OPERATOR(pg_catalog.=) report_lines_of_year.year
	  LEFT JOIN LATERAL (
			SELECT t2.target FROM goalmetrics.target t2
			 WHERE t.target IS NULL AND t2.metric_id OPERATOR(pg_catalog.=) m.metric_id
			 ORDER BY t2.year OPERATOR(pg_catalog.<=) report_lines_of_year.year DESC,
					  pg_catalog.abs(t2.year OPERATOR(pg_catalog.-) report_lines_of_year.year)
			 LIMIT 1) nt ON true
	 CROSS JOIN goalmetrics.rules_for(report_lines_of_year.year) ru
	 CROSS JOIN LATERAL (
			SELECT goalmetrics.trend(o3.year, o3.value,
									 goalmetrics.judged_target(coalesce(t.target, nt.target), 0, coalesce(m.lower_is_better, false)),
									 ru.trend_tolerance)::text AS trend,
				   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) (report_lines_of_year.year OPERATOR(pg_catalog.-) 1)) AS outcome_prev1,
				   pg_catalog.max(o3.value) FILTER (WHERE o3.year OPERATOR(pg_catalog.=) (report_lines_of_year.year OPERATOR(pg_catalog.-) 2)) AS outcome_prev2,
				   pg_catalog.count(*) AS outcomes
			  FROM goalmetrics.outcome o3
			 WHERE o3.metric_id OPERATOR(pg_catalog.=) m.metric_id
			   AND o3.year OPERATOR(pg_catalog.>=) (report_lines_of_year.year OPERATOR(pg_catalog.-) 2)
			   AND o3.year OPERATOR(pg_catalog.<=) report_lines_of_year.year) w
	 CROSS JOIN LATERAL (
			SELECT goalmetrics.target_applied(t.target, report_lines_of_year.year, w.outcome_prev1, m.lower_is_better) AS target) a
	 CROSS JOIN LATERAL (
			SELECT CASE WHEN a.target IS NOT NULL
						THEN goalmetrics.status(o.value, a.target, ru.partly_above, ru.fulfilled_at) END AS status) f
	 CROSS JOIN LATERAL (
			SELECT pg_catalog.count(*) AS targets
			  FROM goalmetrics.target t3
			 WHERE t.metric_id IS NULL AND t3.metric_id OPERATOR(pg_catalog.=) m.metric_id
			   AND t3.year OPERATOR(pg_catalog.>=) (report_lines_of_year.year OPERATOR(pg_catalog.-) 2)
			   AND t3.year OPERATOR(pg_catalog.<=) report_lines_of_year.year) tw
	 WHERE (report_lines_of_year.committee IS NULL
			OR pg_catalog.lower(c.name) OPERATOR(pg_catalog.=) pg_catalog.lower(report_lines_of_year.committee))
	   AND (t.metric_id IS NOT NULL OR w.outcomes OPERATOR(pg_catalog.>) 0 OR tw.targets OPERATOR(pg_catalog.>) 0)
	 ORDER BY c.sort, c.name, p.sort, p.perspective_id, g.sort, g.goal_id, m.sort, m.metric_id;
END;
COMMENT ON FUNCTION report_lines_of_year(integer, text) IS 'Internal: annual_report()''s lines for a year (period NULL): each metric''s outcomes for the last three years (with their years, as numbers and as the report writes them), target, status, labels, colour and trend, the outcome''s note, and the goal''s assessed status and analysis, in the report''s order';

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
				WHEN 'target_value' THEN 'The number of the target the year is judged against (target_applied; the lower bound of a range)'
				WHEN 'target_applied' THEN 'The target the year is judged against: a multi-year target''s value for the year, a direction target after the previous year''s outcome (Over 72), else the target as written'
				WHEN 'target_comparator' THEN 'at_least, at_most, above, below, exactly or between'
				WHEN 'target_unit' THEN 'The target''s unit (%, barn, tkr ...); NULL: none'
				WHEN 'fulfilment' THEN 'Fulfilment in percent, 0 to 100 (capped), 4 decimals'
				WHEN 'fulfilment_fraction' THEN 'Fulfilment as a fraction, 0 to 1, 6 decimals (for a BI percent format)'
				WHEN 'status' THEN 'fulfilled, partly, not_fulfilled or not_followed_up; NULL: no target. A goal''s is the status that counts: the committee''s assessed status, else the computed one'
				WHEN 'computed_status' THEN 'The status computed from the metrics (the roll-up''s)'
				WHEN 'assessed_status' THEN 'The committee''s assessed status (goal_assessment); NULL: none, the computed status counts'
				WHEN 'reason' THEN 'Why the assessed status differs from the computed one'
				WHEN 'analysis' THEN 'The committee''s analysis of the goal for the year (goal_assessment)'
				WHEN 'goals_fulfilled' THEN 'Goals whose status that counts is fulfilled'
				WHEN 'goals_partly' THEN 'Goals whose status that counts is partly'
				WHEN 'goals_not_fulfilled' THEN 'Goals whose status that counts is not_fulfilled'
				WHEN 'goals_not_followed_up' THEN 'Goals whose status that counts is not_followed_up'
				WHEN 'goals_assessed' THEN 'Goals whose status that counts is the committee''s assessment'
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
