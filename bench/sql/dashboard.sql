-- bench/sql/dashboard.sql: the dashboard section's queries and timing.
-- One committee's dashboard for one year, read through every view and
-- annual_report() as a superuser and as a reader mapped to that committee
-- under row-level security, each against the hand-written query that
-- filters to the committee first and calls the same functions; plus full
-- extracts (what an import-mode BI tool reads) and refresh_summary(year).
\set ON_ERROR_STOP on
CREATE SCHEMA IF NOT EXISTS dash;

-- The reader: a login role mapped to the measured committee only.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dash_reader') THEN
		CREATE ROLE dash_reader LOGIN IN ROLE goalmetrics_reader;
	END IF;
END
$$;
GRANT USAGE ON SCHEMA dash TO dash_reader;

-- The measured committee and year ({c}, {y} in the templates).
CREATE TABLE dash.env (key text PRIMARY KEY, value text NOT NULL);

-- name: the view (or annual_report); variant: view (as superuser), hand
-- (hand-written), extract (the whole view), refresh.  Measured as the
-- superuser, and view and hand also as dash_reader (variants reader and
-- hand_reader in dash.result).
CREATE TABLE dash.query (
	name	text NOT NULL,
	pos		int NOT NULL,
	variant text NOT NULL CHECK (variant IN ('view', 'hand', 'extract', 'refresh')),
	sql		text NOT NULL,
	PRIMARY KEY (name, variant)
);

CREATE TABLE dash.result (
	name	text NOT NULL,
	variant text NOT NULL,
	rep		int NOT NULL,
	ms		float8,					-- NULL: timed out
	rows	bigint,
	at		timestamptz NOT NULL DEFAULT clock_timestamp()
);
GRANT SELECT ON dash.query, dash.env TO dash_reader;
GRANT INSERT ON dash.result TO dash_reader;

CREATE FUNCTION dash.expand(tmpl text) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT replace(replace(tmpl, '{c}', quote_literal((SELECT value FROM dash.env WHERE key = 'committee'))),
				   '{y}', (SELECT value FROM dash.env WHERE key = 'year'))
$$;

-- The executor's time ("Execution Time" of EXPLAIN (ANALYZE, TIMING OFF))
-- and the rows returned; refresh: clock time around the call.
CREATE FUNCTION dash.time(q text, variant text, OUT ms float8, OUT nrows bigint)
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
	t0 timestamptz;
BEGIN
	IF variant = 'refresh' THEN
		t0 := clock_timestamp();
		EXECUTE q INTO nrows;
		ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
		RETURN;
	END IF;
	EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON, FORMAT JSON) ' || q INTO plan;
	ms := (plan -> 0 ->> 'Execution Time')::float8;
	nrows := (plan -> 0 -> 'Plan' ->> 'Actual Rows')::bigint;
END
$$;

-- One measurement; the reader's runs SET ROLE for the statement.  A run
-- cancelled by statement_timeout (set by the caller) is recorded with ms
-- NULL.
CREATE FUNCTION dash.measure(p_name text, p_variant text, p_rep int)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	q text := dash.expand((SELECT sql FROM dash.query WHERE name = p_name
						   AND variant = CASE p_variant WHEN 'reader' THEN 'view' WHEN 'hand_reader' THEN 'hand' ELSE p_variant END));
	v_ms float8;
	v_rows bigint;
BEGIN
	IF p_variant IN ('reader', 'hand_reader') THEN
		SET LOCAL ROLE dash_reader;
	END IF;
	BEGIN
		SELECT t.ms, t.nrows INTO v_ms, v_rows FROM dash.time(q, p_variant) t;
	EXCEPTION WHEN query_canceled THEN
		v_ms := NULL;
	END;
	RESET ROLE;
	INSERT INTO dash.result (name, variant, rep, ms, rows) VALUES (p_name, p_variant, p_rep, v_ms, v_rows);
	RETURN format('%s %s %s: %s ms, %s rows', p_name, p_variant, p_rep, coalesce(round(v_ms::numeric, 1)::text, 'timeout'), v_rows);
END
$$;

-- ---------------------------------------------------------- the queries
-- Hand-written: what someone writes for one committee's dashboard: filter
-- the committee first, then join down by the keys and call the same
-- functions for the same columns (including the previous year's) as the
-- view.  They assume what the data guarantees: every metric has a target
-- in the year (dash.check() compares their results with the views').
CREATE FUNCTION dash.q(p_name text, p_pos int, p_variant text, p_sql text) RETURNS void
LANGUAGE sql AS $$ INSERT INTO dash.query VALUES (p_name, p_pos, p_variant, p_sql) $$;

SELECT dash.q('metric_status', 1, 'view', $q$SELECT * FROM goalmetrics.metric_status WHERE committee = {c} AND year = {y}$q$);
SELECT dash.q('metric_status', 1, 'extract', $q$SELECT * FROM goalmetrics.metric_status$q$);
SELECT dash.q('metric_status', 1, 'hand', $q$
SELECT c.committee_id, c.name AS committee, p.perspective_id, p.name_sv AS perspective, p.name_en AS perspective_en,
       g.goal_id, g.parent_goal_id, g.title AS goal, g.description AS goal_description,
       m.metric_id, m.name AS metric, m.description AS metric_description, coalesce(m.weight, 1) AS weight, t.year,
       o.value AS outcome, goalmetrics.format_target(t.target) AS target, goalmetrics.target_value(t.target) AS target_value,
       goalmetrics.target_comparator(t.target) AS target_comparator, goalmetrics.target_unit(t.target) AS target_unit,
       goalmetrics.format_target(t.target) AS target_applied,
       round(x.f, 4)::numeric(7,4) AS fulfilment, round(x.f / 100, 6)::numeric(7,6) AS fulfilment_fraction,
       x.s::text AS status, CASE x.s::text WHEN 'fulfilled' THEN 1 WHEN 'partly' THEN 2 WHEN 'not_fulfilled' THEN 3 ELSE 4 END AS status_rank,
       goalmetrics.status_label(x.s) AS status_label, goalmetrics.status_label(x.s, 'en') AS status_label_en,
       goalmetrics.status_colour(x.s) AS status_colour, tr.trend::text AS trend, o.note AS outcome_note,
       t.year - 1 AS year_prev1, o1.value AS outcome_prev1, round(goalmetrics.fulfilment(o1.value, tp.target), 4)::numeric(7,4) AS fulfilment_prev1,
       t.year - 2 AS year_prev2, o2.value AS outcome_prev2,
       c.sort AS committee_sort, p.sort AS perspective_sort, g.sort AS goal_sort, m.sort AS metric_sort
  FROM goalmetrics.committee c
  JOIN goalmetrics.goal g ON g.committee_id = c.committee_id
  JOIN goalmetrics.perspective p ON p.perspective_id = g.perspective_id
  JOIN goalmetrics.metric m ON m.goal_id = g.goal_id
  JOIN goalmetrics.target t ON t.metric_id = m.metric_id AND t.year = {y}
  LEFT JOIN goalmetrics.outcome o ON o.metric_id = m.metric_id AND o.year = {y}
  LEFT JOIN goalmetrics.target tp ON tp.metric_id = m.metric_id AND tp.year = {y} - 1
  LEFT JOIN goalmetrics.outcome o1 ON o1.metric_id = m.metric_id AND o1.year = {y} - 1
  LEFT JOIN goalmetrics.outcome o2 ON o2.metric_id = m.metric_id AND o2.year = {y} - 2
  CROSS JOIN LATERAL (SELECT goalmetrics.status(o.value, t.target) AS s, goalmetrics.fulfilment(o.value, t.target) AS f) x
  CROSS JOIN LATERAL (SELECT goalmetrics.trend(o3.year, o3.value, t.target) AS trend FROM goalmetrics.outcome o3
                       WHERE o3.metric_id = m.metric_id AND o3.year BETWEEN {y} - 2 AND {y}) tr
 WHERE c.name = {c}$q$);

SELECT dash.q('metric_status by id', 2, 'view', $q$SELECT * FROM goalmetrics.metric_status WHERE committee_id = (SELECT committee_id FROM goalmetrics.committee WHERE name = {c}) AND year = {y}$q$);
SELECT dash.q('metric_status by id', 2, 'hand', (SELECT sql FROM dash.query WHERE name = 'metric_status' AND variant = 'hand'));

-- the goal level for the committee: the year and the year before, and the
-- committee's assessments of the goal in both (ga, ga1)
CREATE FUNCTION dash.goal_level(cols text, outer_group text) RETURNS text LANGUAGE sql AS $f$
SELECT format($q$
SELECT %1$s
  FROM (SELECT g.goal_id,
               goalmetrics.rollup(o.value, t.target, coalesce(m.weight, 1)) FILTER (WHERE t.year = {y}) AS r,
               CASE WHEN bool_or(t.year = {y} - 1)
                    THEN goalmetrics.rollup(o.value, t.target, coalesce(m.weight, 1)) FILTER (WHERE t.year = {y} - 1) END AS rp
          FROM goalmetrics.committee c
          JOIN goalmetrics.goal g ON g.committee_id = c.committee_id
          JOIN goalmetrics.metric m ON m.goal_id = g.goal_id
          JOIN goalmetrics.target t ON t.metric_id = m.metric_id AND t.year IN ({y} - 1, {y})
          LEFT JOIN goalmetrics.outcome o ON o.metric_id = t.metric_id AND o.year = t.year
         WHERE c.name = {c}
         GROUP BY g.goal_id) x
  JOIN goalmetrics.goal g ON g.goal_id = x.goal_id
  JOIN goalmetrics.committee c ON c.committee_id = g.committee_id
  JOIN goalmetrics.perspective p ON p.perspective_id = g.perspective_id
  LEFT JOIN goalmetrics.goal_assessment ga ON ga.goal_id = g.goal_id AND ga.year = {y}
  LEFT JOIN goalmetrics.goal_assessment ga1 ON ga1.goal_id = g.goal_id AND ga1.year = {y} - 1
  %2$s$q$, cols, outer_group)
$f$;

-- the status columns of a result r and a previous result rp
CREATE FUNCTION dash.status_cols(r text, rp text) RETURNS text LANGUAGE sql AS $f$
SELECT replace(replace($c$round((R).fulfilment, 4)::numeric(7,4) AS fulfilment, round((R).fulfilment / 100, 6)::numeric(7,6) AS fulfilment_fraction,
       (R).status::text AS status, CASE (R).status::text WHEN 'fulfilled' THEN 1 WHEN 'partly' THEN 2 WHEN 'not_fulfilled' THEN 3 ELSE 4 END AS status_rank,
       goalmetrics.status_label((R).status) AS status_label, goalmetrics.status_label((R).status, 'en') AS status_label_en,
       goalmetrics.status_colour((R).status) AS status_colour, (R).parts AS goals, (R).metrics, (R).fulfilled, (R).partly, (R).not_fulfilled,
       (R).not_followed_up, {y} - 1 AS year_prev1, round((RP).fulfilment, 4)::numeric(7,4) AS fulfilment_prev1, (RP).status::text AS status_prev1$c$,
       'RP', rp), '(R)', '(' || r || ')')
$f$;

-- the goals of a perspective or committee counted by the status that
-- counts, after the metric counts
CREATE FUNCTION dash.goal_counts(cols text) RETURNS text LANGUAGE sql AS $f$
SELECT replace(cols, '(y.r).not_followed_up, ',
			   '(y.r).not_followed_up, y.goals_fulfilled, y.goals_partly, y.goals_not_fulfilled, y.goals_not_followed_up, y.goals_assessed, ')
$f$;

SELECT dash.q('goal_status', 3, 'view', $q$SELECT * FROM goalmetrics.goal_status WHERE committee = {c} AND year = {y}$q$);
SELECT dash.q('goal_status', 3, 'extract', $q$SELECT * FROM goalmetrics.goal_status$q$);
SELECT dash.q('goal_status', 3, 'hand', dash.goal_level(
	'c.committee_id, c.name AS committee, p.perspective_id, p.name_sv AS perspective, p.name_en AS perspective_en, g.goal_id, g.parent_goal_id, g.title AS goal, g.description AS goal_description, {y} AS year, '
	-- the status that counts: the assessed one, else the computed
	|| replace(replace(replace(replace(dash.status_cols('x.r', 'x.rp'), '(x.r).parts AS goals, ', ''),
							   '(x.r).status', 'coalesce(ga.status, (x.r).status)'),
					   'AS status_colour, ', 'AS status_colour, (x.r).status::text AS computed_status, ga.status::text AS assessed_status, ga.reason, ga.analysis, '),
			   '(x.rp).status::text AS status_prev1', 'coalesce(ga1.status, (x.rp).status)::text AS status_prev1')
	|| ', c.sort AS committee_sort, p.sort AS perspective_sort, g.sort AS goal_sort', ''));

SELECT dash.q('perspective_status', 4, 'view', $q$SELECT * FROM goalmetrics.perspective_status WHERE committee = {c} AND year = {y}$q$);
SELECT dash.q('perspective_status', 4, 'extract', $q$SELECT * FROM goalmetrics.perspective_status$q$);
SELECT dash.q('perspective_status', 4, 'hand', format($q$
SELECT y.committee_id, y.committee, y.perspective_id, y.perspective, y.perspective_en, {y} AS year, %s, y.committee_sort, y.perspective_sort
  FROM (%s) y$q$, dash.goal_counts(dash.status_cols('y.r', 'y.rp')), dash.goal_level(
	'c.committee_id, c.name AS committee, c.sort AS committee_sort, p.perspective_id, p.name_sv AS perspective, p.name_en AS perspective_en, p.sort AS perspective_sort, goalmetrics.rollup(x.r) AS r, CASE WHEN bool_or(x.rp IS NOT NULL) THEN goalmetrics.rollup(x.rp) FILTER (WHERE x.rp IS NOT NULL) END AS rp, (count(*) FILTER (WHERE coalesce(ga.status, (x.r).status) = ''fulfilled''))::int AS goals_fulfilled, (count(*) FILTER (WHERE coalesce(ga.status, (x.r).status) = ''partly''))::int AS goals_partly, (count(*) FILTER (WHERE coalesce(ga.status, (x.r).status) = ''not_fulfilled''))::int AS goals_not_fulfilled, (count(*) FILTER (WHERE coalesce(ga.status, (x.r).status) = ''not_followed_up''))::int AS goals_not_followed_up, count(ga.status)::int AS goals_assessed',
	'GROUP BY c.committee_id, c.name, c.sort, p.perspective_id, p.name_sv, p.name_en, p.sort')));

SELECT dash.q('committee_status', 5, 'view', $q$SELECT * FROM goalmetrics.committee_status WHERE committee = {c} AND year = {y}$q$);
SELECT dash.q('committee_status', 5, 'extract', $q$SELECT * FROM goalmetrics.committee_status$q$);
SELECT dash.q('committee_status', 5, 'hand', format($q$
SELECT y.committee_id, y.committee, {y} AS year, %s, y.committee_sort
  FROM (%s) y$q$, dash.goal_counts(dash.status_cols('y.r', 'y.rp')), dash.goal_level(
	'c.committee_id, c.name AS committee, c.sort AS committee_sort, goalmetrics.rollup(x.r) AS r, CASE WHEN bool_or(x.rp IS NOT NULL) THEN goalmetrics.rollup(x.rp) FILTER (WHERE x.rp IS NOT NULL) END AS rp, (count(*) FILTER (WHERE coalesce(ga.status, (x.r).status) = ''fulfilled''))::int AS goals_fulfilled, (count(*) FILTER (WHERE coalesce(ga.status, (x.r).status) = ''partly''))::int AS goals_partly, (count(*) FILTER (WHERE coalesce(ga.status, (x.r).status) = ''not_fulfilled''))::int AS goals_not_fulfilled, (count(*) FILTER (WHERE coalesce(ga.status, (x.r).status) = ''not_followed_up''))::int AS goals_not_followed_up, count(ga.status)::int AS goals_assessed',
	'GROUP BY c.committee_id, c.name, c.sort')));

SELECT dash.q('annual_report', 6, 'view', $q$SELECT * FROM goalmetrics.annual_report({y}, {c})$q$);
SELECT dash.q('annual_report', 6, 'extract', $q$SELECT * FROM goalmetrics.annual_report({y})$q$);
SELECT dash.q('annual_report', 6, 'hand', $q$
SELECT c.name AS committee, p.name_sv AS perspective, g.title AS goal, m.name AS metric,
       {y} - 2 AS year_prev2, o2.value AS outcome_prev2, {y} - 1 AS year_prev1, o1.value AS outcome_prev1, o.value AS outcome,
       goalmetrics.format_target(t.target) AS target, goalmetrics.target_value(t.target) AS target_value,
       round(goalmetrics.fulfilment(o.value, t.target), 4)::numeric(7,4) AS fulfilment, x.s::text AS status, goalmetrics.status_label(x.s) AS status_label, goalmetrics.status_label(x.s, 'en') AS status_label_en,
       goalmetrics.status_colour(x.s) AS status_colour, tr.trend::text AS trend,
       p.name_en AS perspective_en, c.committee_id, p.perspective_id, g.goal_id, m.metric_id,
       (row_number() OVER (ORDER BY c.sort, c.name, p.sort, p.perspective_id, g.sort, g.goal_id, m.sort, m.metric_id))::int AS report_order,
       goalmetrics.format_outcome(o2.value, t.target) AS outcome_prev2_text, goalmetrics.format_outcome(o1.value, t.target) AS outcome_prev1_text,
       goalmetrics.format_outcome(o.value, t.target) AS outcome_text, o.note AS outcome_note,
       ga.status::text AS goal_assessed_status, ga.analysis AS goal_analysis
  FROM goalmetrics.committee c
  JOIN goalmetrics.goal g ON g.committee_id = c.committee_id
  JOIN goalmetrics.perspective p ON p.perspective_id = g.perspective_id
  JOIN goalmetrics.metric m ON m.goal_id = g.goal_id
  JOIN goalmetrics.target t ON t.metric_id = m.metric_id AND t.year = {y}
  LEFT JOIN goalmetrics.outcome o ON o.metric_id = m.metric_id AND o.year = {y}
  LEFT JOIN goalmetrics.outcome o1 ON o1.metric_id = m.metric_id AND o1.year = {y} - 1
  LEFT JOIN goalmetrics.outcome o2 ON o2.metric_id = m.metric_id AND o2.year = {y} - 2
  LEFT JOIN goalmetrics.goal_assessment ga ON ga.goal_id = g.goal_id AND ga.year = {y}
  CROSS JOIN LATERAL (SELECT goalmetrics.status(o.value, t.target) AS s) x
  CROSS JOIN LATERAL (SELECT goalmetrics.trend(o3.year, o3.value, t.target) AS trend FROM goalmetrics.outcome o3
                       WHERE o3.metric_id = m.metric_id AND o3.year BETWEEN {y} - 2 AND {y}) tr
 WHERE lower(c.name) = lower({c})
 ORDER BY c.sort, c.name, p.sort, p.perspective_id, g.sort, g.goal_id, m.sort, m.metric_id$q$);

SELECT dash.q('refresh_summary', 7, 'refresh', $q$SELECT goalmetrics.refresh_summary({y})$q$);

-- Do the view and the hand-written query give the same rows?  (The
-- dashboard's figures are only worth comparing when they do.)
CREATE FUNCTION dash.agrees(p_name text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	a text;
	b text;
BEGIN
	EXECUTE format('SELECT md5(string_agg(x::text, %L ORDER BY x::text)) FROM (%s) x', E'\n',
				   dash.expand((SELECT sql FROM dash.query WHERE name = p_name AND variant = 'view'))) INTO a;
	EXECUTE format('SELECT md5(string_agg(x::text, %L ORDER BY x::text)) FROM (%s) x', E'\n',
				   dash.expand((SELECT sql FROM dash.query WHERE name = p_name AND variant = 'hand'))) INTO b;
	RETURN a IS NOT DISTINCT FROM b;
EXCEPTION WHEN OTHERS THEN
	RETURN false;
END
$$;

-- The report: medians (and every run), ratios against the hand-written
-- query, and the issue's limits (2 x as superuser, 3 x as a reader).
CREATE FUNCTION dash.med(p_name text, p_variant text) RETURNS float8 LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN bool_or(ms IS NULL) THEN NULL
				ELSE percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) END
	  FROM dash.result WHERE name = p_name AND variant = p_variant
$$;
CREATE FUNCTION dash.fmt(v float8) RETURNS text LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN v IS NULL THEN 'timeout' WHEN v >= 100 THEN to_char(v, 'FM999G999') || ' ms' ELSE to_char(v, 'FM990.0') || ' ms' END
$$;
CREATE FUNCTION dash.report() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	r record;
	h float8;
	v float8;
	rd float8;
BEGIN
	RETURN NEXT '| query for one committee | view, superuser | view, reader under RLS | hand-written, superuser | hand-written, reader | view ÷ hand (≤ 2) | reader ÷ hand (≤ 3) | same rows |';
	RETURN NEXT '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
	FOR r IN SELECT DISTINCT name, pos FROM dash.query WHERE variant = 'hand' ORDER BY pos LOOP
		h := dash.med(r.name, 'hand');
		v := dash.med(r.name, 'view');
		rd := dash.med(r.name, 'reader');
		RETURN NEXT format('| `%s` | %s | %s | %s | %s | %s %s | %s %s | %s |', r.name, dash.fmt(v), dash.fmt(rd), dash.fmt(h),
						   dash.fmt(dash.med(r.name, 'hand_reader')),
						   coalesce(to_char(v / h, 'FM990.00'), '—'), CASE WHEN v / h <= 2 THEN 'pass' ELSE 'FAIL' END,
						   coalesce(to_char(rd / h, 'FM990.00'), '—'), CASE WHEN rd / h <= 3 THEN 'pass' ELSE 'FAIL' END,
						   CASE (SELECT value FROM dash.env WHERE key = 'agrees ' || r.name) WHEN 'true' THEN 'yes' ELSE '**no**' END);
	END LOOP;
	RETURN NEXT '';
	RETURN NEXT '| full extract / refresh | median | runs (ms) | rows |';
	RETURN NEXT '| --- | ---: | --- | ---: |';
	FOR r IN SELECT q.name, q.variant FROM dash.query q WHERE q.variant IN ('extract', 'refresh') ORDER BY q.pos LOOP
		RETURN NEXT format('| `%s` | %s | %s | %s |',
						   CASE r.variant WHEN 'refresh' THEN dash.expand((SELECT sql FROM dash.query WHERE name = r.name AND variant = r.variant))
										  WHEN 'extract' THEN dash.expand((SELECT sql FROM dash.query WHERE name = r.name AND variant = r.variant)) END,
						   dash.fmt(dash.med(r.name, r.variant)),
						   (SELECT string_agg(coalesce(round(ms::numeric)::text, 'timeout'), ', ' ORDER BY rep) FROM dash.result WHERE name = r.name AND variant = r.variant),
						   (SELECT max(rows) FROM dash.result WHERE name = r.name AND variant = r.variant));
	END LOOP;
	RETURN NEXT '';
	RETURN NEXT 'Every run (ms), in order:';
	RETURN NEXT '';
	FOR r IN SELECT name, variant, string_agg(coalesce(round(ms::numeric, 1)::text, 'timeout'), ', ' ORDER BY rep) AS runs
			   FROM dash.result WHERE variant NOT IN ('extract', 'refresh') GROUP BY name, variant ORDER BY name, variant LOOP
		RETURN NEXT format('- `%s` %s: %s', r.name, r.variant, r.runs);
	END LOOP;
END
$$;
