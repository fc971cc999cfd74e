-- goalmetrics SQL API, chapter 6: the yearly summary for scheduled jobs.
--
-- refresh_summary(year) recomputes one year's goal, perspective and
-- committee results into the table summary, in the caller's transaction,
-- and records when it ran and the rule settings it used.  Reference:
-- doc/schema.md, "Yearly summary"; README, "Scheduling with pg_cron".
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- A fingerprint of what a refresh of the year reads: the committees',
-- perspectives', goals' and metrics' names, keys, sort and weights, the
-- targets and outcomes (with their notes) of year - 2 .. year (the trend's
-- window), the goal assessments of year - 1 .. year, and the year's rules
-- row.  Targets
-- carry no change time, and a deleted row leaves none: the fingerprint
-- sees both.  A sum of 64-bit hashes and a count, independent of row order.
CREATE FUNCTION summary_fingerprint(year integer) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT pg_catalog.format('%s:%s', pg_catalog.count(*), pg_catalog.sum(h))
	  FROM (SELECT pg_catalog.hashtextextended(pg_catalog.format('c|%s|%s|%s', c.committee_id, c.name, c.sort), 0) AS h
			  FROM goalmetrics.committee c
			UNION ALL
			SELECT pg_catalog.hashtextextended(pg_catalog.format('p|%s|%s|%s|%s', p.perspective_id, p.name_sv, p.name_en, p.sort), 0)
			  FROM goalmetrics.perspective p
			UNION ALL
			SELECT pg_catalog.hashtextextended(pg_catalog.format('g|%s|%s|%s|%s|%s|%s|%s', g.goal_id, g.committee_id, g.perspective_id,
																 g.title, g.parent_goal_id, g.sort, g.description), 0)
			  FROM goalmetrics.goal g
			UNION ALL
			SELECT pg_catalog.hashtextextended(pg_catalog.format('m|%s|%s|%s|%s|%s', m.metric_id, m.goal_id, m.name, m.weight, m.sort), 0)
			  FROM goalmetrics.metric m
			UNION ALL
			SELECT pg_catalog.hashtextextended(pg_catalog.format('t|%s|%s|%s', t.metric_id, t.year, t.target), 0)
			  FROM goalmetrics.target t
			 WHERE t.year OPERATOR(pg_catalog.>=) (summary_fingerprint.year OPERATOR(pg_catalog.-) 2)
			   AND t.year OPERATOR(pg_catalog.<=) summary_fingerprint.year
			UNION ALL
			SELECT pg_catalog.hashtextextended(pg_catalog.format('o|%s|%s|%s|%s', o.metric_id, o.year, o.value, o.note), 0)
			  FROM goalmetrics.outcome o
			 WHERE o.year OPERATOR(pg_catalog.>=) (summary_fingerprint.year OPERATOR(pg_catalog.-) 2)
			   AND o.year OPERATOR(pg_catalog.<=) summary_fingerprint.year
			UNION ALL
			SELECT pg_catalog.hashtextextended(pg_catalog.format('a|%s|%s|%s|%s|%s', a.goal_id, a.year, a.status, a.analysis, a.reason), 0)
			  FROM goalmetrics.goal_assessment a
			 WHERE a.year OPERATOR(pg_catalog.>=) (summary_fingerprint.year OPERATOR(pg_catalog.-) 1)
			   AND a.year OPERATOR(pg_catalog.<=) summary_fingerprint.year
			UNION ALL
			SELECT pg_catalog.hashtextextended(pg_catalog.format('r|%s|%s|%s|%s|%s', r.year, r.partly_above, r.fulfilled_at,
																 r.rollup_method, r.trend_tolerance), 0)
			  FROM goalmetrics.rules r
			 WHERE r.year OPERATOR(pg_catalog.=) summary_fingerprint.year) x;
END;
COMMENT ON FUNCTION summary_fingerprint(integer) IS 'Fingerprint of what refresh_summary(year) reads (names, keys, weights, and targets and outcomes of year - 2 .. year); summary.data_fingerprint records it';
REVOKE EXECUTE ON FUNCTION summary_fingerprint(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION summary_fingerprint(integer) TO goalmetrics_admin;

-- One row per metric (the annual report's lines, level = 'metric'), goal,
-- perspective and committee of a year.  Built-in types only: BI tools read
-- it as they read the views (status is text, ran_by text).
CREATE TABLE summary (
	year		integer NOT NULL,
	level		text NOT NULL,
	committee_id integer NOT NULL REFERENCES committee ON DELETE CASCADE,
	perspective_id integer REFERENCES perspective ON DELETE CASCADE,
	goal_id		integer REFERENCES goal ON DELETE CASCADE,
	metric_id	integer REFERENCES metric ON DELETE CASCADE,
	committee	text NOT NULL,
	perspective text,
	perspective_en text,
	goal		text,
	metric		text,
	report_order integer,
	year_prev2	integer,
	outcome_prev2 numeric,
	year_prev1	integer,
	outcome_prev1 numeric,
	outcome		numeric,
	target		text,
	target_value numeric,
	fulfilment	numeric(7, 4),
	status		text,
	status_rank integer,
	status_label text,
	status_label_en text,
	status_colour text,
	trend		text,
	parts		integer,
	metrics		integer,
	fulfilled	integer,
	partly		integer,
	not_fulfilled integer,
	not_followed_up integer,
	-- the metric's note (metric rows); the goal's computed and assessed
	-- status beside status, the status that counts, and its analysis and
	-- reason (goal rows); goals by the status that counts (perspective and
	-- committee rows, group_results())
	outcome_note text,
	computed_status text,
	assessed_status text,
	analysis	text,
	reason		text,
	goals_fulfilled integer,
	goals_partly integer,
	goals_not_fulfilled integer,
	goals_not_followed_up integer,
	goals_assessed integer,
	-- the run: when, by whom, with which rule settings and version, and a
	-- fingerprint of what it read (summary_changed())
	ran_at		timestamptz NOT NULL,
	ran_by		text NOT NULL,
	partly_above numeric NOT NULL,
	fulfilled_at numeric NOT NULL,
	rollup_method text NOT NULL,
	trend_tolerance numeric NOT NULL,
	extension_version text NOT NULL,
	data_fingerprint text NOT NULL,
	CONSTRAINT summary_status_valid CHECK (status IN ('fulfilled', 'partly', 'not_fulfilled', 'not_followed_up')),
	CONSTRAINT summary_computed_status_valid
		CHECK (computed_status IN ('fulfilled', 'partly', 'not_fulfilled', 'not_followed_up')),
	CONSTRAINT summary_assessed_status_valid
		CHECK (assessed_status IN ('fulfilled', 'partly', 'not_fulfilled', 'not_followed_up')),
	CONSTRAINT summary_level_valid CHECK (
		level OPERATOR(pg_catalog.=) 'metric' AND metric_id IS NOT NULL AND goal_id IS NOT NULL AND perspective_id IS NOT NULL
		OR level OPERATOR(pg_catalog.=) 'goal' AND metric_id IS NULL AND goal_id IS NOT NULL AND perspective_id IS NOT NULL
		   AND status IS NOT NULL
		OR level OPERATOR(pg_catalog.=) 'perspective' AND metric_id IS NULL AND goal_id IS NULL AND perspective_id IS NOT NULL
		   AND status IS NOT NULL
		OR level OPERATOR(pg_catalog.=) 'committee' AND metric_id IS NULL AND goal_id IS NULL AND perspective_id IS NULL
		   AND status IS NOT NULL)
);
CREATE UNIQUE INDEX summary_metric_key ON summary (year, metric_id) WHERE level OPERATOR(pg_catalog.=) 'metric';
CREATE UNIQUE INDEX summary_goal_key ON summary (year, goal_id) WHERE level OPERATOR(pg_catalog.=) 'goal';
CREATE UNIQUE INDEX summary_perspective_key ON summary (year, committee_id, perspective_id)
	WHERE level OPERATOR(pg_catalog.=) 'perspective';
CREATE UNIQUE INDEX summary_committee_key ON summary (year, committee_id) WHERE level OPERATOR(pg_catalog.=) 'committee';
CREATE INDEX summary_committee_idx ON summary (committee_id);
CREATE INDEX summary_goal_idx ON summary (goal_id);
CREATE INDEX summary_metric_idx ON summary (metric_id);
COMMENT ON TABLE summary IS 'Metric (annual report lines), goal, perspective and committee results per year as refresh_summary() last computed them, with the settings it used';

SELECT pg_catalog.pg_extension_config_dump('summary', '');

ALTER TABLE summary ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_all ON summary TO goalmetrics_admin USING (true) WITH CHECK (true);
CREATE POLICY member_read ON summary FOR SELECT
	USING (committee_id OPERATOR(pg_catalog.=) ANY ((SELECT goalmetrics.member_committees())::integer[]));
GRANT SELECT ON summary TO goalmetrics_reader, goalmetrics_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON summary TO goalmetrics_admin;

-- Runs inside the caller's transaction: all or nothing.  A transaction-
-- level advisory lock (key 1196249941, year) serialises calls for the same
-- year: a second concurrent call waits until the first commits, then
-- recomputes (in READ COMMITTED, each statement sees the first call's
-- rows).  Only summary rows are written; targets and outcomes are only
-- read, so writers are never blocked.  The goal rows are goal_results(),
-- the perspective and committee rows group_results() (50_views.sql), the
-- functions the views read, so the summary and the views roll up by one
-- rule.  The metric level is annual_report(year).
CREATE FUNCTION refresh_summary(year integer) RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	written		integer;
	n			integer;
	v_partly_above numeric;
	v_fulfilled_at numeric;
	v_rollup_method text;
	v_trend_tolerance numeric;
	v_fingerprint text;
BEGIN
	PERFORM pg_catalog.pg_advisory_xact_lock(1196249941, refresh_summary.year);

	-- the year's rules (its goalmetrics.rules row, else the settings),
	-- recorded beside every row
	SELECT r.partly_above, r.fulfilled_at, r.rollup_method::text, r.trend_tolerance
	  INTO v_partly_above, v_fulfilled_at, v_rollup_method, v_trend_tolerance
	  FROM goalmetrics.rules_for(refresh_summary.year) r;
	v_fingerprint := goalmetrics.summary_fingerprint(refresh_summary.year);

	DELETE FROM goalmetrics.summary s WHERE s.year = refresh_summary.year;

	-- the annual report's lines
	INSERT INTO goalmetrics.summary
		(year, level, committee_id, perspective_id, goal_id, metric_id, committee, perspective, perspective_en,
		 goal, metric, report_order, year_prev2, outcome_prev2, year_prev1, outcome_prev1, outcome, target,
		 target_value, fulfilment, status, status_rank, status_label, status_label_en, status_colour, trend,
		 outcome_note, ran_at, ran_by, partly_above, fulfilled_at, rollup_method, trend_tolerance, extension_version, data_fingerprint)
	SELECT refresh_summary.year, 'metric', a.committee_id, a.perspective_id, a.goal_id, a.metric_id, a.committee,
		   a.perspective, a.perspective_en, a.goal, a.metric, a.report_order, a.year_prev2, a.outcome_prev2,
		   a.year_prev1, a.outcome_prev1, a.outcome, a.target, a.target_value, a.fulfilment, a.status,
		   goalmetrics.status_rank(a.status), a.status_label, a.status_label_en, a.status_colour, a.trend,
		   a.outcome_note, now(), CURRENT_USER, v_partly_above, v_fulfilled_at, v_rollup_method, v_trend_tolerance,
		   goalmetrics.goalmetrics_version(), v_fingerprint
	  FROM goalmetrics.annual_report(refresh_summary.year) a;
	GET DIAGNOSTICS written = ROW_COUNT;

	-- the goal level from goal_results(), the perspective and committee
	-- levels from group_results(): the roll-ups the views show, by their
	-- rule for assessed goals (50_views.sql)
	WITH r AS (
		SELECT 'goal' AS level, g.committee_id, g.committee, g.perspective_id, g.perspective, g.perspective_en,
			   g.goal_id, g.goal, g.result, g.status, g.assessed_status, g.analysis, g.reason,
			   NULL::integer AS goals_fulfilled, NULL::integer AS goals_partly, NULL::integer AS goals_not_fulfilled,
			   NULL::integer AS goals_not_followed_up, NULL::integer AS goals_assessed
		  FROM goalmetrics.goal_results() g
		 WHERE g.year = refresh_summary.year AND g.current
		UNION ALL
		SELECT CASE WHEN a.perspective_id IS NULL THEN 'committee' ELSE 'perspective' END,
			   a.committee_id, a.committee, a.perspective_id, a.perspective, a.perspective_en, NULL, NULL, a.result,
			   (a.result).status, NULL, NULL, NULL,
			   a.goals_fulfilled, a.goals_partly, a.goals_not_fulfilled, a.goals_not_followed_up, a.goals_assessed
		  FROM (SELECT * FROM goalmetrics.group_results(true) p WHERE p.year = refresh_summary.year
				UNION ALL
				SELECT * FROM goalmetrics.group_results(false) c WHERE c.year = refresh_summary.year) a
	)
	INSERT INTO goalmetrics.summary
		(year, level, committee_id, perspective_id, goal_id, committee, perspective, perspective_en, goal,
		 fulfilment, status, status_rank, status_label, status_label_en, status_colour,
		 parts, metrics, fulfilled, partly, not_fulfilled, not_followed_up,
		 computed_status, assessed_status, analysis, reason,
		 goals_fulfilled, goals_partly, goals_not_fulfilled, goals_not_followed_up, goals_assessed,
		 ran_at, ran_by, partly_above, fulfilled_at, rollup_method, trend_tolerance, extension_version, data_fingerprint)
	SELECT refresh_summary.year, r.level, r.committee_id, r.perspective_id, r.goal_id, r.committee, r.perspective,
		   r.perspective_en, r.goal,
		   round((r.result).fulfilment, 4), r.status::text, goalmetrics.status_rank(r.status::text),
		   goalmetrics.status_label(r.status, 'sv', v_partly_above, v_fulfilled_at),
		   goalmetrics.status_label(r.status, 'en', v_partly_above, v_fulfilled_at),
		   goalmetrics.status_colour(r.status),
		   (r.result).parts, (r.result).metrics, (r.result).fulfilled, (r.result).partly,
		   (r.result).not_fulfilled, (r.result).not_followed_up,
		   (r.result).status::text, r.assessed_status::text, r.analysis, r.reason,
		   r.goals_fulfilled, r.goals_partly, r.goals_not_fulfilled, r.goals_not_followed_up, r.goals_assessed,
		   now(), CURRENT_USER, v_partly_above, v_fulfilled_at, v_rollup_method, v_trend_tolerance,
		   goalmetrics.goalmetrics_version(), v_fingerprint
	  FROM r;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN written + n;
END
$$;
COMMENT ON FUNCTION refresh_summary(integer) IS 'Recomputes one year''s metric (annual report), goal, perspective and committee results into summary (idempotent; concurrent calls for a year wait for each other); returns the rows written';
REVOKE EXECUTE ON FUNCTION refresh_summary(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_summary(integer) TO goalmetrics_admin;

-- Whether what refresh_summary(year) read has changed since it ran: true
-- when a name, key, weight, target or outcome it summarised differs now
-- (also a changed target or a deleted row, which carry no change time),
-- false when not, NULL when the year has no summary.  changed_at: the
-- latest outcome change after the run, when there is one.
CREATE FUNCTION summary_changed(year integer, OUT changed boolean, OUT ran_at timestamptz, OUT changed_at timestamptz)
LANGUAGE sql STABLE
BEGIN ATOMIC
	SELECT s.data_fingerprint OPERATOR(pg_catalog.<>) goalmetrics.summary_fingerprint(summary_changed.year), s.ran_at,
		   (SELECT pg_catalog.max(o.changed_at) FROM goalmetrics.outcome o
			 WHERE o.year OPERATOR(pg_catalog.>=) (summary_changed.year OPERATOR(pg_catalog.-) 2)
			   AND o.year OPERATOR(pg_catalog.<=) summary_changed.year AND o.changed_at OPERATOR(pg_catalog.>) s.ran_at)
	  FROM (SELECT pg_catalog.min(s1.ran_at) AS ran_at, pg_catalog.min(s1.data_fingerprint) AS data_fingerprint
			  FROM goalmetrics.summary s1 WHERE s1.year OPERATOR(pg_catalog.=) summary_changed.year
			HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0) s;
END;
COMMENT ON FUNCTION summary_changed(integer) IS 'Whether the data refresh_summary(year) summarised has changed since it ran (changed), when it ran, and the latest outcome change after it (changed_at); admin only';
REVOKE EXECUTE ON FUNCTION summary_changed(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION summary_changed(integer) TO goalmetrics_admin;
