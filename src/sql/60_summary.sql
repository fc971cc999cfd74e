-- goalmetrics SQL API, chapter 6: the yearly summary for scheduled jobs.
--
-- refresh_summary(year) recomputes one year's goal, perspective and
-- committee results into the table summary, in the caller's transaction,
-- and records when it ran and the rule settings it used.  Reference:
-- doc/schema.md, "Yearly summary"; README, "Scheduling with pg_cron".
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

CREATE TABLE summary (
	year		integer NOT NULL,
	level		text NOT NULL,
	committee_id integer NOT NULL REFERENCES committee ON DELETE CASCADE,
	perspective_id integer REFERENCES perspective ON DELETE CASCADE,
	goal_id		integer REFERENCES goal ON DELETE CASCADE,
	fulfilment	numeric,
	status		status_band NOT NULL,
	status_label text NOT NULL,
	parts		integer NOT NULL,
	metrics		integer NOT NULL,
	fulfilled	integer NOT NULL,
	partly		integer NOT NULL,
	not_fulfilled integer NOT NULL,
	not_followed_up integer NOT NULL,
	-- the run: when, by whom, with which rule settings and version
	ran_at		timestamptz NOT NULL,
	ran_by		name NOT NULL,
	partly_above numeric NOT NULL,
	fulfilled_at numeric NOT NULL,
	rollup_method text NOT NULL,
	trend_tolerance numeric NOT NULL,
	extension_version text NOT NULL,
	CONSTRAINT summary_level_valid CHECK (
		level OPERATOR(pg_catalog.=) 'goal' AND goal_id IS NOT NULL AND perspective_id IS NOT NULL
		OR level OPERATOR(pg_catalog.=) 'perspective' AND goal_id IS NULL AND perspective_id IS NOT NULL
		OR level OPERATOR(pg_catalog.=) 'committee' AND goal_id IS NULL AND perspective_id IS NULL)
);
CREATE UNIQUE INDEX summary_goal_key ON summary (year, goal_id) WHERE level OPERATOR(pg_catalog.=) 'goal';
CREATE UNIQUE INDEX summary_perspective_key ON summary (year, committee_id, perspective_id)
	WHERE level OPERATOR(pg_catalog.=) 'perspective';
CREATE UNIQUE INDEX summary_committee_key ON summary (year, committee_id) WHERE level OPERATOR(pg_catalog.=) 'committee';
CREATE INDEX summary_committee_idx ON summary (committee_id);
CREATE INDEX summary_goal_idx ON summary (goal_id);
COMMENT ON TABLE summary IS 'Goal, perspective and committee results per year as refresh_summary() last computed them, with the settings it used';

SELECT pg_catalog.pg_extension_config_dump('summary', '');

ALTER TABLE summary ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_all ON summary TO goalmetrics_admin USING (true) WITH CHECK (true);
CREATE POLICY member_read ON summary FOR SELECT
	USING (committee_id IN (SELECT cm.committee_id FROM goalmetrics.committee_member cm));
GRANT SELECT ON summary TO goalmetrics_reader, goalmetrics_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON summary TO goalmetrics_admin;

-- Runs inside the caller's transaction: all or nothing.  A transaction-
-- level advisory lock (key 1196249941, year) serialises calls for the same
-- year: a second concurrent call waits until the first commits, then
-- recomputes (in READ COMMITTED, each statement sees the first call's
-- rows).  Only summary rows are written; targets and outcomes are only
-- read, so writers are never blocked.
CREATE FUNCTION refresh_summary(year integer) RETURNS integer
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	written		integer;
	v_partly_above numeric;
	v_fulfilled_at numeric;
	v_rollup_method text;
	v_trend_tolerance numeric;
BEGIN
	PERFORM pg_catalog.pg_advisory_xact_lock(1196249941, refresh_summary.year);

	-- the settings exist once the module is loaded: a value of the type
	-- loads it
	PERFORM 'Minst 0'::goalmetrics.metric_target;
	v_partly_above := current_setting('goalmetrics.partly_above')::numeric;
	v_fulfilled_at := current_setting('goalmetrics.fulfilled_at')::numeric;
	v_rollup_method := current_setting('goalmetrics.rollup_method');
	v_trend_tolerance := current_setting('goalmetrics.trend_tolerance')::numeric;

	DELETE FROM goalmetrics.summary s WHERE s.year = refresh_summary.year;

	INSERT INTO goalmetrics.summary
		(year, level, committee_id, perspective_id, goal_id, fulfilment, status, status_label,
		 parts, metrics, fulfilled, partly, not_fulfilled, not_followed_up,
		 ran_at, ran_by, partly_above, fulfilled_at, rollup_method, trend_tolerance, extension_version)
	SELECT refresh_summary.year, r.level, r.committee_id, r.perspective_id, r.goal_id,
		   (r.result).fulfilment, (r.result).status, goalmetrics.status_label((r.result).status),
		   (r.result).parts, (r.result).metrics, (r.result).fulfilled, (r.result).partly,
		   (r.result).not_fulfilled, (r.result).not_followed_up,
		   now(), CURRENT_USER, v_partly_above, v_fulfilled_at, v_rollup_method, v_trend_tolerance,
		   goalmetrics.goalmetrics_version()
	  FROM (SELECT 'goal' AS level, gr.committee_id, gr.perspective_id, gr.goal_id, gr.result
			  FROM goalmetrics.goal_rollup gr
			 WHERE gr.year = refresh_summary.year
			UNION ALL
			SELECT 'perspective', gr.committee_id, gr.perspective_id, NULL, goalmetrics.rollup(gr.result)
			  FROM goalmetrics.goal_rollup gr
			 WHERE gr.year = refresh_summary.year
			 GROUP BY gr.committee_id, gr.perspective_id
			UNION ALL
			SELECT 'committee', gr.committee_id, NULL, NULL, goalmetrics.rollup(gr.result)
			  FROM goalmetrics.goal_rollup gr
			 WHERE gr.year = refresh_summary.year
			 GROUP BY gr.committee_id) r;
	GET DIAGNOSTICS written = ROW_COUNT;
	RETURN written;
END
$$;
COMMENT ON FUNCTION refresh_summary(integer) IS 'Recomputes one year''s goal, perspective and committee results into summary (idempotent; concurrent calls for a year wait for each other); returns the rows written';
REVOKE EXECUTE ON FUNCTION refresh_summary(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_summary(integer) TO goalmetrics_admin;
