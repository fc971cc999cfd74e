-- goalmetrics SQL API, chapter 7: loading a spreadsheet.
--
-- COPY rows into the staging table report_import (one row per metric and
-- year, cells as the reports write them), then import_report() upserts
-- what it can read into the reference schema and returns the number of
-- rows imported.  Rows it cannot read stay in report_import with problem
-- saying why; one bad row never fails the load.  Reference: doc/schema.md,
-- "Loading a spreadsheet".
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

CREATE TABLE report_import (
	committee	text,
	perspective text,
	goal		text,
	metric		text,
	year		integer,
	outcome		text,
	target		text,
	problem		text,
	lower_is_better boolean
);
COMMENT ON TABLE report_import IS 'Staging table for import_report(): one row per metric and year; rows that cannot be read stay, with problem saying why';
COMMENT ON COLUMN report_import.outcome IS 'As reports write it: 59 %, 2 315, 72,3, -4 (also with a minus sign U+2212); - or empty for none';
COMMENT ON COLUMN report_import.target IS 'A metric_target as written: Minst 65 %, Mellan 95 och 105 %; empty for none';
COMMENT ON COLUMN report_import.lower_is_better IS 'Direction of a target written without a comparator (a bare 13 for a crime rate): true makes it "at most"';
-- rows left with a problem are user data too
SELECT pg_catalog.pg_extension_config_dump('report_import', '');
GRANT SELECT, INSERT, UPDATE, DELETE ON report_import TO goalmetrics_admin;

-- A name from a sheet with runs of white space (every Unicode space, tab,
-- newline) made one space, trimmed, and in a UTF8 database in NFC; NULL for
-- an empty cell.  In C, with the target grammar's definition of white space;
-- bytes that are not UTF-8 (SQL_ASCII) are kept as they are.
CREATE FUNCTION import_clean(text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION import_clean(text) IS 'A spreadsheet cell with white space runs made one space, trimmed and in NFC (UTF8 databases); NULL when empty';

-- An outcome as reports write it, read with the number grammar of
-- metric_target (doc/metric_target.md, "Numbers"): "59 %", "2 315",
-- "72,3", "-4" (also with U+2212); a unit after the number is dropped.
-- NULL for none ("-", an en or em dash, or empty); text the grammar refuses ("59 60") is an error.
CREATE FUNCTION read_outcome(text) RETURNS numeric
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION read_outcome(text) IS 'An outcome as reports write it (59 %, 2 315, 72,3) as numeric; NULL for none (-); an error for text the number grammar refuses';

CREATE FUNCTION outcome_problem(text) RETURNS text
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION outcome_problem(text) IS 'Why read_outcome() refuses the text, or NULL when it reads it';

-- Every statement inside is a bulk operation over the staging rows, joined
-- by ctid; when report_import's statistics say it is empty (autoanalyze
-- right after the previous import), nested loops made a 20 000-row load
-- quadratic (32 s instead of 1.5 s), so the function plans without them.
CREATE FUNCTION import_report() RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
SET enable_nestloop = off
AS $$
DECLARE
	imported	integer;
BEGIN
	-- Concurrent writers of the staging table wait until this transaction
	-- ends, so the rows read here are the rows deleted below; readers don't.
	LOCK TABLE goalmetrics.report_import IN SHARE ROW EXCLUSIVE MODE;

	-- Read every staging row once, in arrival order (the physical order a
	-- COPY leaves; nothing moves them while the lock is held).
	IF pg_catalog.to_regclass('pg_temp.goalmetrics_import') IS NOT NULL THEN
		DROP TABLE pg_temp.goalmetrics_import;
	END IF;
	CREATE TEMP TABLE goalmetrics_import ON COMMIT DROP AS
	SELECT r.ctid AS row_ctid,
		   pg_catalog.row_number() OVER (ORDER BY r.ctid) AS line,
		   goalmetrics.import_clean(r.committee) AS committee,
		   goalmetrics.import_clean(r.perspective) AS perspective_text,
		   goalmetrics.import_clean(r.goal) AS goal,
		   goalmetrics.import_clean(r.metric) AS metric,
		   r.year,
		   goalmetrics.import_clean(r.outcome) AS outcome_text,
		   -- outcomes and targets are read from the cells as written, by the
		   -- one grammar (a newline or two spaces inside a number are no
		   -- thousands separator); a cell it refuses is a problem, not a guess
		   goalmetrics.outcome_problem(r.outcome) AS outcome_problem,
		   CASE WHEN goalmetrics.outcome_problem(r.outcome) IS NULL
				THEN goalmetrics.read_outcome(r.outcome) END AS outcome_value,
		   goalmetrics.import_clean(r.target) AS target_text,
		   goalmetrics.try_metric_target(r.target) AS target,
		   r.lower_is_better,
		   p.perspective_id,
		   NULL::text AS problem
	FROM goalmetrics.report_import r
	LEFT JOIN goalmetrics.perspective p
		   ON pg_catalog.lower(goalmetrics.import_clean(r.perspective)) IN (pg_catalog.lower(p.name_sv), pg_catalog.lower(p.name_en));

	-- The direction of a bare target ("13") from lower_is_better
	UPDATE pg_temp.goalmetrics_import i
	   SET target = goalmetrics.with_comparator(i.target, CASE WHEN i.lower_is_better THEN 'at_most' ELSE 'at_least' END)
	 WHERE i.target IS NOT NULL AND i.lower_is_better IS NOT NULL AND goalmetrics.target_is_bare(i.target);

	-- Each row checked on its own
	UPDATE pg_temp.goalmetrics_import i
	   SET problem = nullif(concat_ws('; ',
			CASE WHEN i.committee IS NULL THEN 'committee is missing' END,
			CASE WHEN i.perspective_text IS NULL THEN 'perspective is missing'
				 WHEN i.perspective_id IS NULL
				 THEN format('unknown perspective "%s" (expected one of %s, or their English names)', i.perspective_text,
							 (SELECT string_agg(p.name_sv, ', ' ORDER BY p.sort, p.perspective_id) FROM goalmetrics.perspective p))
			END,
			CASE WHEN i.goal IS NULL THEN 'goal is missing' END,
			CASE WHEN i.metric IS NULL THEN 'metric is missing' END,
			CASE WHEN i.year IS NULL THEN 'year is missing'
				 WHEN i.year < 1900 OR i.year > 2999 THEN format('year %s is out of range (1900-2999)', i.year)
			END,
			CASE WHEN i.outcome_problem IS NOT NULL
				 THEN format('outcome "%s" cannot be read as a number: %s', i.outcome_text, i.outcome_problem) END,
			CASE WHEN i.target_text IS NOT NULL AND i.target IS NULL
				 THEN format('target "%s" cannot be read as a metric_target', i.target_text)
				 WHEN i.lower_is_better IS NOT NULL AND goalmetrics.higher_is_better(i.target) = i.lower_is_better
				 THEN format('lower_is_better = %s contradicts the target "%s"', CASE WHEN i.lower_is_better THEN 'true' ELSE 'false' END, i.target_text)
			END), '');

	-- A goal sits in one perspective: the one it has, or one per load
	UPDATE pg_temp.goalmetrics_import i
	   SET problem = format('goal "%s" of %s is in perspective %s, not %s', i.goal, i.committee, p.name_sv, i.perspective_text)
	  FROM goalmetrics.goal g
	  JOIN goalmetrics.committee c ON c.committee_id = g.committee_id
	  JOIN goalmetrics.perspective p ON p.perspective_id = g.perspective_id
	 WHERE i.problem IS NULL AND c.name = i.committee AND g.title = i.goal
	   AND g.perspective_id <> i.perspective_id;
	UPDATE pg_temp.goalmetrics_import i
	   SET problem = format('goal "%s" of %s is given in more than one perspective in this load', i.goal, i.committee)
	 WHERE i.problem IS NULL
	   AND EXISTS (SELECT FROM pg_temp.goalmetrics_import j
				   WHERE j.problem IS NULL AND j.committee = i.committee AND j.goal = i.goal
					 AND j.perspective_id <> i.perspective_id);

	-- One value per metric and year: rows that say different things about
	-- the same metric and year all stay (identical repeats are fine)
	UPDATE pg_temp.goalmetrics_import i
	   SET problem = format('more than one row for metric "%s" in %s with different outcome or target', i.metric, i.year)
	 WHERE i.problem IS NULL
	   AND EXISTS (SELECT FROM pg_temp.goalmetrics_import j
				   WHERE j.problem IS NULL AND j.committee = i.committee AND j.goal = i.goal
					 AND j.metric = i.metric AND j.year = i.year
					 AND (j.outcome_value IS DISTINCT FROM i.outcome_value
						  OR (j.target IS NULL) <> (i.target IS NULL)
						  OR j.target OPERATOR(goalmetrics.<>) i.target));

	-- Committees, goals and metrics that are new are numbered after the
	-- existing ones, in the order their first rows arrived
	INSERT INTO goalmetrics.committee (name, sort)
	SELECT n.committee,
		   coalesce((SELECT max(c.sort) FROM goalmetrics.committee c), 0) + row_number() OVER (ORDER BY n.first_line)
	  FROM (SELECT i.committee, min(i.line) AS first_line
			  FROM pg_temp.goalmetrics_import i
			 WHERE i.problem IS NULL
			   AND NOT EXISTS (SELECT FROM goalmetrics.committee c WHERE c.name = i.committee)
			 GROUP BY i.committee) n
	ON CONFLICT (name) DO NOTHING;

	INSERT INTO goalmetrics.goal (committee_id, perspective_id, title, sort)
	SELECT n.committee_id, n.perspective_id, n.goal,
		   coalesce((SELECT max(g.sort) FROM goalmetrics.goal g WHERE g.committee_id = n.committee_id), 0)
		   + row_number() OVER (PARTITION BY n.committee_id ORDER BY n.first_line)
	  FROM (SELECT c.committee_id, i.perspective_id, i.goal, min(i.line) AS first_line
			  FROM pg_temp.goalmetrics_import i
			  JOIN goalmetrics.committee c ON c.name = i.committee
			 WHERE i.problem IS NULL
			   AND NOT EXISTS (SELECT FROM goalmetrics.goal g WHERE g.committee_id = c.committee_id AND g.title = i.goal)
			 GROUP BY c.committee_id, i.perspective_id, i.goal) n
	ON CONFLICT (committee_id, title) DO NOTHING;

	INSERT INTO goalmetrics.metric (goal_id, name, sort)
	SELECT n.goal_id, n.metric,
		   coalesce((SELECT max(m.sort) FROM goalmetrics.metric m WHERE m.goal_id = n.goal_id), 0)
		   + row_number() OVER (PARTITION BY n.goal_id ORDER BY n.first_line)
	  FROM (SELECT g.goal_id, i.metric, min(i.line) AS first_line
			  FROM pg_temp.goalmetrics_import i
			  JOIN goalmetrics.committee c ON c.name = i.committee
			  JOIN goalmetrics.goal g ON g.committee_id = c.committee_id AND g.title = i.goal
			 WHERE i.problem IS NULL
			   AND NOT EXISTS (SELECT FROM goalmetrics.metric m WHERE m.goal_id = g.goal_id AND m.name = i.metric)
			 GROUP BY g.goal_id, i.metric) n
	ON CONFLICT (goal_id, name) DO NOTHING;

	-- Targets and outcomes: upserted; an empty or "-" cell writes nothing
	INSERT INTO goalmetrics.target AS t (metric_id, year, target)
	SELECT DISTINCT ON (m.metric_id, i.year) m.metric_id, i.year, i.target
	  FROM pg_temp.goalmetrics_import i
	  JOIN goalmetrics.committee c ON c.name = i.committee
	  JOIN goalmetrics.goal g ON g.committee_id = c.committee_id AND g.title = i.goal
	  JOIN goalmetrics.metric m ON m.goal_id = g.goal_id AND m.name = i.metric
	 WHERE i.problem IS NULL AND i.target IS NOT NULL
	 ORDER BY m.metric_id, i.year
	ON CONFLICT (metric_id, year) DO UPDATE SET target = excluded.target
	 WHERE t.target OPERATOR(goalmetrics.<>) excluded.target;

	INSERT INTO goalmetrics.outcome AS o (metric_id, year, value)
	SELECT DISTINCT ON (m.metric_id, i.year) m.metric_id, i.year, i.outcome_value
	  FROM pg_temp.goalmetrics_import i
	  JOIN goalmetrics.committee c ON c.name = i.committee
	  JOIN goalmetrics.goal g ON g.committee_id = c.committee_id AND g.title = i.goal
	  JOIN goalmetrics.metric m ON m.goal_id = g.goal_id AND m.name = i.metric
	 WHERE i.problem IS NULL AND i.outcome_value IS NOT NULL
	 ORDER BY m.metric_id, i.year
	ON CONFLICT (metric_id, year) DO UPDATE SET value = excluded.value
	 WHERE o.value IS DISTINCT FROM excluded.value;

	-- Imported rows leave the staging table; the others say why they stay
	UPDATE goalmetrics.report_import r
	   SET problem = i.problem
	  FROM pg_temp.goalmetrics_import i
	 WHERE r.ctid = i.row_ctid AND i.problem IS NOT NULL
	   AND r.problem IS DISTINCT FROM i.problem;
	DELETE FROM goalmetrics.report_import r
	 USING pg_temp.goalmetrics_import i
	 WHERE r.ctid = i.row_ctid AND i.problem IS NULL;
	GET DIAGNOSTICS imported = ROW_COUNT;

	DROP TABLE pg_temp.goalmetrics_import;
	RETURN imported;
END
$$;
COMMENT ON FUNCTION import_report() IS 'Upserts the readable rows of report_import into committee, goal, metric, target and outcome, and removes them; returns their number. Unreadable rows stay with problem set';
REVOKE EXECUTE ON FUNCTION import_report() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_report() TO goalmetrics_admin;
