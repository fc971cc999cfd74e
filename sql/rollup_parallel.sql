-- rollup() and trend() under parallel query: PostgreSQL plans them as
-- Partial / Finalize Aggregate, and the results are the same as without
-- parallelism, for every method, on a generated table of 120 000 rows.
SET search_path = public, goalmetrics;

CREATE FUNCTION pg_temp.explain_lines(q text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END
$$;

-- 997 goals in five classes: met targets (fulfilled), 92-99.99 % of
-- "Minst 100" (partly), 42-60 against "Högst 42 %" (mostly not fulfilled),
-- and two classes with ten kinds of target and scattered outcomes, one in
-- which every fourth goal has no outcome at all (not followed up).  Weights
-- 0, 0.5, 1, 1.5, 2.  Not temporary tables: parallel workers cannot read
-- those.
CREATE TABLE rollup_big AS
SELECT i AS id, i % 7 AS committee, g AS goal, i % 4999 AS metric,
	   2000 + i % 17 AS year,
	   CASE g % 5
		   WHEN 0 THEN 50 + round(h % 5000 / 100.0, 2)
		   WHEN 1 THEN 92 + round(h % 800 / 100.0, 2)
		   WHEN 2 THEN 42 + round(h % 1800 / 100.0, 2)
		   WHEN 3 THEN CASE WHEN i % 13 <> 0 THEN round(h % 10007 / 100.0, 2) END
		   ELSE CASE WHEN g % 20 <> 4 AND i % 11 <> 0 THEN round(h % 12000 / 100.0, 2) END
	   END AS outcome,
	   (CASE g % 5
		   WHEN 0 THEN 'Minst 50'
		   WHEN 1 THEN 'Minst 100'
		   WHEN 2 THEN 'Högst 42 %'
		   ELSE (ARRAY['Minst 65 %', 'Högst 2 100 barn', 'Max 42 %', 'Minst index 79',
					   'Exakt 50', 'Mellan 40 och 60', 'Över 30', 'Öka från 20 till 80',
					   'Minst 0 tkr', 'Under 70'])[1 + i % 10]
	   END)::metric_target AS target,
	   (i % 5)::numeric / 2 AS weight
FROM (SELECT i, i % 997 AS g, (i::bigint * 7919) % 100003 AS h
	  FROM generate_series(1, 120000) i) s;
ANALYZE rollup_big;
SELECT count(*) AS rows, count(outcome) AS followed_up FROM rollup_big;

-- ------------------------------------------------------------ serially
SET max_parallel_workers_per_gather = 0;
CREATE TABLE rollup_big_goals AS
SELECT committee, goal, rollup(outcome, target) AS g
FROM rollup_big GROUP BY committee, goal;
ANALYZE rollup_big_goals;

CREATE TABLE serial_goal AS
SELECT goal, rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw
FROM rollup_big GROUP BY goal;
CREATE TABLE serial_committee AS
SELECT committee, rollup(g) AS c FROM rollup_big_goals GROUP BY committee;
CREATE TABLE serial_all AS
SELECT rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw,
	   trend(year, outcome, target) AS t, (SELECT rollup(g) FROM rollup_big_goals) AS city
FROM rollup_big;
CREATE TABLE serial_trend AS
SELECT metric, trend(year, outcome, target) AS t FROM rollup_big GROUP BY metric;
SET goalmetrics.rollup_method = worst;
CREATE TABLE serial_goal_worst AS
SELECT goal, rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw
FROM rollup_big GROUP BY goal;
CREATE TABLE serial_committee_worst AS
SELECT committee, rollup(g) AS c FROM rollup_big_goals GROUP BY committee;
SET goalmetrics.rollup_method = share_met;
CREATE TABLE serial_goal_share AS
SELECT goal, rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw
FROM rollup_big GROUP BY goal;
CREATE TABLE serial_committee_share AS
SELECT committee, rollup(g) AS c FROM rollup_big_goals GROUP BY committee;
RESET goalmetrics.rollup_method;
SELECT (r).*, t FROM serial_all;
SELECT (city).* FROM serial_all;

-- --------------------------------------------------- in parallel, forced
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- every partial state comes from a worker and crosses to the leader
SET parallel_leader_participation = off;

EXPLAIN (COSTS OFF) SELECT rollup(outcome, target) FROM rollup_big;
EXPLAIN (COSTS OFF) SELECT rollup(outcome, target, weight) FROM rollup_big;
EXPLAIN (COSTS OFF) SELECT rollup(g) FROM rollup_big_goals;
EXPLAIN (COSTS OFF) SELECT trend(year, outcome, target) FROM rollup_big;
-- grouped: partial aggregates in the workers, below the Gather
SELECT count(*) FILTER (WHERE line ~ 'Partial (Hash|Group)?Aggregate') AS partial,
	   count(*) FILTER (WHERE line ~ 'Finalize (Hash|Group)?Aggregate') AS finalize,
	   count(*) FILTER (WHERE line ~ 'Gather') AS gather
FROM pg_temp.explain_lines('SELECT goal, rollup(outcome, target, weight) FROM rollup_big GROUP BY goal') e(line);
SELECT count(*) FILTER (WHERE line ~ 'Partial (Hash|Group)?Aggregate') AS partial,
	   count(*) FILTER (WHERE line ~ 'Finalize (Hash|Group)?Aggregate') AS finalize
FROM pg_temp.explain_lines('SELECT committee, rollup(g) FROM rollup_big_goals GROUP BY committee') e(line);
SELECT count(*) FILTER (WHERE line ~ 'Partial (Hash|Group)?Aggregate') AS partial,
	   count(*) FILTER (WHERE line ~ 'Finalize (Hash|Group)?Aggregate') AS finalize
FROM pg_temp.explain_lines('SELECT metric, trend(year, outcome, target) FROM rollup_big GROUP BY metric') e(line);

-- debug_parallel_query (PostgreSQL 16+; force_parallel_mode before) runs
-- even the serial parts of the plans in a worker
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
					   THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
				  'on', false) AS forced;

CREATE TABLE parallel_goal AS
SELECT goal, rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw
FROM rollup_big GROUP BY goal;
CREATE TABLE parallel_committee AS
SELECT committee, rollup(g) AS c FROM rollup_big_goals GROUP BY committee;
CREATE TABLE parallel_all AS
SELECT rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw,
	   trend(year, outcome, target) AS t, (SELECT rollup(g) FROM rollup_big_goals) AS city
FROM rollup_big;
CREATE TABLE parallel_trend AS
SELECT metric, trend(year, outcome, target) AS t FROM rollup_big GROUP BY metric;
SET goalmetrics.rollup_method = worst;
CREATE TABLE parallel_goal_worst AS
SELECT goal, rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw
FROM rollup_big GROUP BY goal;
CREATE TABLE parallel_committee_worst AS
SELECT committee, rollup(g) AS c FROM rollup_big_goals GROUP BY committee;
SET goalmetrics.rollup_method = share_met;
CREATE TABLE parallel_goal_share AS
SELECT goal, rollup(outcome, target) AS r, rollup(outcome, target, weight) AS rw
FROM rollup_big GROUP BY goal;
CREATE TABLE parallel_committee_share AS
SELECT committee, rollup(g) AS c FROM rollup_big_goals GROUP BY committee;
RESET goalmetrics.rollup_method;

RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT set_config(CASE WHEN current_setting('server_version_num')::int >= 160000
					   THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END,
				  'off', false) AS unforced;

-- every pair: rows, rows only in the serial result, rows only in the
-- parallel one
SELECT name, total, serial_only, parallel_only FROM (
	SELECT 1, 'goal (mean)', (SELECT count(*) FROM serial_goal),
		   (SELECT count(*) FROM (TABLE serial_goal EXCEPT TABLE parallel_goal) d),
		   (SELECT count(*) FROM (TABLE parallel_goal EXCEPT TABLE serial_goal) d)
	UNION ALL
	SELECT 2, 'goal (worst)', (SELECT count(*) FROM serial_goal_worst),
		   (SELECT count(*) FROM (TABLE serial_goal_worst EXCEPT TABLE parallel_goal_worst) d),
		   (SELECT count(*) FROM (TABLE parallel_goal_worst EXCEPT TABLE serial_goal_worst) d)
	UNION ALL
	SELECT 3, 'goal (share_met)', (SELECT count(*) FROM serial_goal_share),
		   (SELECT count(*) FROM (TABLE serial_goal_share EXCEPT TABLE parallel_goal_share) d),
		   (SELECT count(*) FROM (TABLE parallel_goal_share EXCEPT TABLE serial_goal_share) d)
	UNION ALL
	SELECT 4, 'committee (mean)', (SELECT count(*) FROM serial_committee),
		   (SELECT count(*) FROM (TABLE serial_committee EXCEPT TABLE parallel_committee) d),
		   (SELECT count(*) FROM (TABLE parallel_committee EXCEPT TABLE serial_committee) d)
	UNION ALL
	SELECT 5, 'committee (worst)', (SELECT count(*) FROM serial_committee_worst),
		   (SELECT count(*) FROM (TABLE serial_committee_worst EXCEPT TABLE parallel_committee_worst) d),
		   (SELECT count(*) FROM (TABLE parallel_committee_worst EXCEPT TABLE serial_committee_worst) d)
	UNION ALL
	SELECT 6, 'committee (share_met)', (SELECT count(*) FROM serial_committee_share),
		   (SELECT count(*) FROM (TABLE serial_committee_share EXCEPT TABLE parallel_committee_share) d),
		   (SELECT count(*) FROM (TABLE parallel_committee_share EXCEPT TABLE serial_committee_share) d)
	UNION ALL
	SELECT 7, 'all rows', (SELECT count(*) FROM serial_all),
		   (SELECT count(*) FROM (TABLE serial_all EXCEPT TABLE parallel_all) d),
		   (SELECT count(*) FROM (TABLE parallel_all EXCEPT TABLE serial_all) d)
	UNION ALL
	SELECT 8, 'trend per metric', (SELECT count(*) FROM serial_trend),
		   (SELECT count(*) FROM (TABLE serial_trend EXCEPT TABLE parallel_trend) d),
		   (SELECT count(*) FROM (TABLE parallel_trend EXCEPT TABLE serial_trend) d)
) c(n, name, total, serial_only, parallel_only) ORDER BY n;
-- the results are not trivial: every status and every trend occurs
SELECT (r).status, count(*) FROM serial_goal GROUP BY 1 ORDER BY 1;
SELECT (rw).status, count(*) FROM serial_goal_worst GROUP BY 1 ORDER BY 1;
SELECT (rw).status, count(*) FROM serial_goal_share GROUP BY 1 ORDER BY 1;
SELECT (c).status, count(*) FROM serial_committee GROUP BY 1 ORDER BY 1;
SELECT t, count(*) FROM serial_trend GROUP BY 1 ORDER BY 1;

-- Partitionwise aggregation: one partial aggregate per partition
CREATE TABLE rollup_parted (committee int, outcome numeric, target metric_target)
	PARTITION BY LIST (committee);
CREATE TABLE rollup_parted_0 PARTITION OF rollup_parted FOR VALUES IN (0, 1, 2);
CREATE TABLE rollup_parted_1 PARTITION OF rollup_parted FOR VALUES IN (3, 4, 5, 6);
INSERT INTO rollup_parted SELECT committee, outcome, target FROM rollup_big;
ANALYZE rollup_parted;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF) SELECT rollup(outcome, target) FROM rollup_parted;
SELECT (SELECT rollup(outcome, target) FROM rollup_parted) = (SELECT r FROM serial_all) AS partitionwise_same;
RESET enable_partitionwise_aggregate;

DROP TABLE rollup_parted, rollup_big, rollup_big_goals,
	serial_goal, serial_goal_worst, serial_goal_share,
	serial_committee, serial_committee_worst, serial_committee_share,
	serial_all, serial_trend,
	parallel_goal, parallel_goal_worst, parallel_goal_share,
	parallel_committee, parallel_committee_worst, parallel_committee_share,
	parallel_all, parallel_trend;
