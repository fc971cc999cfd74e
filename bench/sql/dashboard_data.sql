-- bench/sql/dashboard_data.sql: the national dataset of the dashboard
-- section, generated through the reference schema (goalmetrics.committee,
-- goal, metric, target, outcome) as an import would write it: per
-- committee, 10 goals in each of the 4 shipped perspectives, 10 metrics per
-- goal, a target and an outcome for every metric in each of 5 years,
-- written year by year (one yearly import after the other).  At 290
-- committees: 11 600 goals, 116 000 metrics, 580 000 targets and outcomes.
\set ON_ERROR_STOP on
CREATE SCHEMA IF NOT EXISTS dash;

CREATE FUNCTION dash.generate(committees int, seed float8, first_year int DEFAULT 2012, last_year int DEFAULT 2016)
RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM setseed(seed);
	INSERT INTO goalmetrics.committee (name, sort)
	SELECT 'Kommun ' || i, i FROM generate_series(1, committees) i;
	-- the first goal of each perspective has the city-level goal 1 of
	-- committee 1 as its parent (a goal chain)
	INSERT INTO goalmetrics.goal (committee_id, perspective_id, title, sort, description)
	SELECT c.committee_id, p.perspective_id, format('Mål %s.%s', p.sort, j), p.sort * 100 + j,
		   CASE WHEN j = 1 THEN 'Ett mål med en beskrivning' END
	  FROM goalmetrics.committee c CROSS JOIN goalmetrics.perspective p CROSS JOIN generate_series(1, 10) j
	 WHERE p.shipped
	 ORDER BY c.committee_id, p.sort, j;
	UPDATE goalmetrics.goal g SET parent_goal_id = top.goal_id
	  FROM goalmetrics.goal top
	 WHERE top.committee_id = 1 AND top.perspective_id = g.perspective_id AND top.sort % 100 = 1
	   AND g.committee_id <> 1 AND g.sort % 100 = 1;
	INSERT INTO goalmetrics.metric (goal_id, name, sort, weight)
	SELECT g.goal_id, 'Mätetal ' || k, k, CASE WHEN k = 10 THEN 2 END
	  FROM goalmetrics.goal g CROSS JOIN generate_series(1, 10) k
	 ORDER BY g.goal_id, k;
	-- each metric: a kind (at least / at most, percent / count) and a base
	CREATE TEMP TABLE dash_kind ON COMMIT DROP AS
	SELECT metric_id, metric_id % 4 AS kind, 20 + floor(random() * 70)::int AS base
	  FROM goalmetrics.metric;
	FOR y IN first_year .. last_year LOOP
		INSERT INTO goalmetrics.target (metric_id, year, target)
		SELECT metric_id, y,
			   (CASE kind WHEN 0 THEN format('Minst %s %%', base) WHEN 1 THEN format('Högst %s %%', base)
						  WHEN 2 THEN format('Minst %s', base * 10) ELSE format('Högst %s barn', base * 10) END)::goalmetrics.metric_target
		  FROM dash_kind ORDER BY metric_id;
		-- about 5 % of outcomes are missing values (not followed up)
		INSERT INTO goalmetrics.outcome (metric_id, year, value)
		SELECT metric_id, y,
			   CASE WHEN random() >= 0.05
					THEN round(base * (CASE WHEN kind >= 2 THEN 10 ELSE 1 END) * (0.6 + 0.8 * random())::numeric, 1) END
		  FROM dash_kind ORDER BY metric_id;
	END LOOP;
	RETURN format('%s committees, %s goals, %s metrics, %s targets, %s outcomes',
				  (SELECT count(*) FROM goalmetrics.committee), (SELECT count(*) FROM goalmetrics.goal),
				  (SELECT count(*) FROM goalmetrics.metric), (SELECT count(*) FROM goalmetrics.target),
				  (SELECT count(*) FROM goalmetrics.outcome));
END
$$;
