-- bench/sql/queries.sql: the query catalogue.  Templates: {t} the outcome
-- table of a size, {file} its COPY source, {name} a fragment of
-- alternatives.sql.  Queries whose goalmetrics functions are not installed
-- yet (needs) are skipped and reported as not measured.
--
-- Status counts are GROUP BY status: the expression is evaluated once per
-- row and the aggregate runs partially in parallel workers.  The form with
-- four count(*) FILTERs over a subquery (OFFSET 0 keeps the planner from
-- copying the expression into each FILTER, which would evaluate it four
-- times) is timed too (q2_status_gm_filter, q3_status_case_filter): on
-- PostgreSQL 15 the planner does not aggregate partially above such a
-- subquery, so with workers every row travels through the Gather to the
-- leader, and it gains nothing from parallelism.
\set ON_ERROR_STOP on

INSERT INTO bench.query (pos, name, grp, impl, label, workers, floor_ref, plain_ref, needs, prep, sql) VALUES

-- 1. the scan floor
(10, 'q1_count', '1 floor', 'floor', 'count(*)', '{0,2}', NULL, NULL, NULL, NULL,
 $q$SELECT count(*) FROM {t}$q$),
(11, 'q1_sum', '1 floor', 'floor', 'sum(outcome)', '{0,2}', NULL, NULL, NULL, NULL,
 $q$SELECT sum(outcome) FROM {t}$q$),

-- 2. goalmetrics per row
-- (first the shape's own floor: the same subquery and four FILTERs over the
-- same two columns, but a constant status instead of a function call: no
-- status() can be faster than this)
(19, 'q2_shape_floor', '2 per row', 'floor', 'GROUP BY query shape, no function (constant status)', '{0,2}',
 'q1_sum', NULL, '{"goalmetrics.status(numeric,goalmetrics.metric_target)"}', NULL,
 $q$SELECT CASE WHEN outcome IS NULL OR target IS NULL THEN 'not_followed_up'::goalmetrics.status_band ELSE 'fulfilled'::goalmetrics.status_band END AS status, count(*)
  FROM {t} GROUP BY 1$q$),
(24, 'q2_shape_floor_filter', '2 per row', 'floor', 'FILTER query shape, no function (constant status)', '{0}',
 'q1_sum', NULL, '{"goalmetrics.status(numeric,goalmetrics.metric_target)"}', NULL,
 $q$SELECT count(*) FILTER (WHERE s = 'fulfilled') AS fulfilled,
       count(*) FILTER (WHERE s = 'partly') AS partly,
       count(*) FILTER (WHERE s = 'not_fulfilled') AS not_fulfilled,
       count(*) FILTER (WHERE s = 'not_followed_up') AS not_followed_up
  FROM (SELECT CASE WHEN outcome IS NULL OR target IS NULL THEN 'not_followed_up'::goalmetrics.status_band
                    ELSE 'fulfilled'::goalmetrics.status_band END AS s FROM {t} OFFSET 0) x$q$),
-- (and the same shape with one built-in numeric comparison in the CASE:
-- what reading the outcome once costs any function of it)
(25, 'q2_shape_cmp_filter', '2 per row', 'floor', 'FILTER query shape, one numeric comparison (outcome >= target_value)', '{0}',
 'q1_sum', NULL, '{"goalmetrics.status(numeric,goalmetrics.metric_target)"}', NULL,
 $q$SELECT count(*) FILTER (WHERE s = 'fulfilled') AS fulfilled,
       count(*) FILTER (WHERE s = 'partly') AS partly,
       count(*) FILTER (WHERE s = 'not_fulfilled') AS not_fulfilled,
       count(*) FILTER (WHERE s = 'not_followed_up') AS not_followed_up
  FROM (SELECT CASE WHEN outcome IS NULL OR target IS NULL THEN 'not_followed_up'::goalmetrics.status_band
                    WHEN outcome >= target_value THEN 'fulfilled'::goalmetrics.status_band
                    ELSE 'not_fulfilled'::goalmetrics.status_band END AS s FROM {t} OFFSET 0) x$q$),
(20, 'q2_status_gm', '2 per row', 'goalmetrics', 'status() counted: GROUP BY status', '{0,2}',
 'q1_sum', 'q3_status_case', '{"goalmetrics.status(numeric,goalmetrics.metric_target)"}', NULL,
 $q$SELECT goalmetrics.status(outcome, target) AS status, count(*)
  FROM {t} GROUP BY 1$q$),
(21, 'q2_fulfil_gm', '2 per row', 'goalmetrics', 'fulfilment() > 90 by count(*) FILTER', '{0,2}',
 'q1_sum', 'q3_fulfil_case', '{"goalmetrics.fulfilment(numeric,goalmetrics.metric_target,boolean)"}', NULL,
 $q$SELECT count(*) FILTER (WHERE goalmetrics.fulfilment(outcome, target) > 90) AS above_90
  FROM {t}$q$),

-- 3. the same without goalmetrics
(30, 'q3_status_case', '3 per row, plain', 'plain SQL', 'status as CASE, GROUP BY', '{0,2}',
 'q1_sum', NULL, NULL, NULL,
 $q$SELECT {status_case} AS status, count(*)
  FROM {t} GROUP BY 1$q$),
(31, 'q3_status_nodiv', '3 per row, plain', 'plain SQL', 'status as CASE, tuned: no division', '{0}',
 'q1_sum', 'q3_status_case', NULL, NULL,
 $q$SELECT {status_nodiv} AS status, count(*)
  FROM {t} GROUP BY 1$q$),
(32, 'q3_status_sqlfn', '3 per row, plain', 'SQL function', 'status, inlinable SQL function', '{0}',
 'q1_sum', 'q3_status_case', NULL, NULL,
 $q$SELECT bench.status_sql(outcome, target_value, at_most) AS status, count(*)
  FROM {t} GROUP BY 1$q$),
(33, 'q3_status_plpgsql', '3 per row, plain', 'PL/pgSQL', 'status, PL/pgSQL function', '{0}',
 'q1_sum', 'q3_status_case', NULL, NULL,
 $q$SELECT bench.status_plpgsql(outcome, target_value, at_most) AS status, count(*)
  FROM {t} GROUP BY 1$q$),
(35, 'q3_fulfil_case', '3 per row, plain', 'plain SQL', 'fulfilment as CASE', '{0,2}',
 'q1_sum', NULL, NULL, NULL,
 $q$SELECT count(*) FILTER (WHERE {pct_case} > 90) AS above_90
  FROM {t}$q$),
(36, 'q3_fulfil_sqlfn', '3 per row, plain', 'SQL function', 'fulfilment, inlinable SQL function', '{0}',
 'q1_sum', 'q3_fulfil_case', NULL, NULL,
 $q$SELECT count(*) FILTER (WHERE bench.fulfilment_sql(outcome, target_value, at_most) > 90) AS above_90
  FROM {t}$q$),
(37, 'q3_fulfil_plpgsql', '3 per row, plain', 'PL/pgSQL', 'fulfilment, PL/pgSQL function', '{0}',
 'q1_sum', 'q3_fulfil_case', NULL, NULL,
 $q$SELECT count(*) FILTER (WHERE bench.fulfilment_plpgsql(outcome, target_value, at_most) > 90) AS above_90
  FROM {t}$q$),

(25, 'q2_status_gm_filter', '2 per row', 'goalmetrics', 'status() by four count(*) FILTER over an OFFSET 0 subquery', '{0,2}',
 'q1_sum', 'q3_status_case_filter', '{"goalmetrics.status(numeric,goalmetrics.metric_target)"}', NULL,
 $q$SELECT count(*) FILTER (WHERE s = 'fulfilled') AS fulfilled,
       count(*) FILTER (WHERE s = 'partly') AS partly,
       count(*) FILTER (WHERE s = 'not_fulfilled') AS not_fulfilled,
       count(*) FILTER (WHERE s = 'not_followed_up') AS not_followed_up
  FROM (SELECT goalmetrics.status(outcome, target) AS s FROM {t} OFFSET 0) x$q$),
(34, 'q3_status_case_filter', '3 per row, plain', 'plain SQL', 'status as CASE by four count(*) FILTER over an OFFSET 0 subquery', '{0,2}',
 'q1_sum', NULL, NULL, NULL,
 $q$SELECT count(*) FILTER (WHERE s = 'fulfilled') AS fulfilled,
       count(*) FILTER (WHERE s = 'partly') AS partly,
       count(*) FILTER (WHERE s = 'not_fulfilled') AS not_fulfilled,
       count(*) FILTER (WHERE s = 'not_followed_up') AS not_followed_up
  FROM (SELECT {status_case} AS s FROM {t} OFFSET 0) x$q$),

-- 4. goal roll-up
(40, 'q4_avg_goal', '4 goal roll-up', 'floor', 'avg(outcome) GROUP BY goal', '{0,2}',
 'q1_sum', NULL, NULL, NULL,
 $q$SELECT goal_id, avg(outcome) FROM {t} GROUP BY goal_id$q$),
(41, 'q4_rollup_gm', '4 goal roll-up', 'goalmetrics', 'rollup() GROUP BY goal', '{0,2}',
 'q4_avg_goal', 'q4_rollup_plain', '{"goalmetrics.rollup(numeric,goalmetrics.metric_target)"}', NULL,
 $q$SELECT goal_id, (goalmetrics.rollup(outcome, target)).*
  FROM {t} GROUP BY goal_id$q$),
(42, 'q4_rollup_plain', '4 goal roll-up', 'plain SQL', 'avg(least(100, ...)) + count(*) FILTER GROUP BY goal', '{0,2}',
 'q4_avg_goal', NULL, NULL, NULL,
 $q$SELECT goal_id, avg(pct) AS fulfilment, {rollup_status} AS status,
       count(*) AS parts, count(*) AS metrics,
       count(*) FILTER (WHERE met) AS fulfilled,
       count(*) FILTER (WHERE NOT met AND pct > 90) AS partly,
       count(*) FILTER (WHERE NOT met AND pct <= 90) AS not_fulfilled,
       count(*) FILTER (WHERE outcome IS NULL) AS not_followed_up
  FROM (SELECT goal_id, outcome, {pct_case} AS pct, {met_case} AS met FROM {t} OFFSET 0) x
 GROUP BY goal_id$q$),

-- 5. two levels: metrics -> goal, then goals -> perspective and goals ->
-- committee (each the mean of its goals, DOMAIN.md) in one GROUPING SETS
(50, 'q5_twolevel_gm', '5 two-level roll-up', 'goalmetrics', 'rollup(rollup()) goal -> perspective, committee', '{0,2}',
 'q4_avg_goal', 'q5_twolevel_plain',
 '{"goalmetrics.rollup(numeric,goalmetrics.metric_target)","goalmetrics.rollup(goalmetrics.rollup_result)"}', NULL,
 $q$SELECT committee_id, perspective, (goalmetrics.rollup(r)).*
  FROM (SELECT committee_id, perspective, goal_id, goalmetrics.rollup(outcome, target) AS r
          FROM {t} GROUP BY committee_id, perspective, goal_id) g
 GROUP BY GROUPING SETS ((committee_id, perspective), (committee_id))$q$),
(51, 'q5_twolevel_plain', '5 two-level roll-up', 'plain SQL', 'avg of goal avgs, sums of counts', '{0,2}',
 'q4_avg_goal', NULL, NULL, NULL,
 $q$SELECT committee_id, perspective, avg(pct) AS fulfilment, {rollup_status} AS status,
       count(*) AS parts, sum(metrics) AS metrics, sum(fulfilled) AS fulfilled, sum(partly) AS partly,
       sum(not_fulfilled) AS not_fulfilled, sum(not_followed_up) AS not_followed_up
  FROM (SELECT committee_id, perspective, goal_id, avg(pct) AS pct, count(*) AS metrics,
               count(*) FILTER (WHERE met) AS fulfilled,
               count(*) FILTER (WHERE NOT met AND pct > 90) AS partly,
               count(*) FILTER (WHERE NOT met AND pct <= 90) AS not_fulfilled,
               count(*) FILTER (WHERE outcome IS NULL) AS not_followed_up
          FROM (SELECT committee_id, perspective, goal_id, outcome, {pct_case} AS pct, {met_case} AS met
                  FROM {t} OFFSET 0) x
         GROUP BY committee_id, perspective, goal_id) g
 GROUP BY GROUPING SETS ((committee_id, perspective), (committee_id))$q$),

-- 6. parsing: COPY of the size's target texts (one per outcome row)
(60, 'q6_copy_text', '6 parse', 'floor', 'COPY target texts into text', '{0}',
 NULL, NULL, NULL, 'TRUNCATE bench.copy_text',
 $q$COPY bench.copy_text FROM {file}$q$),
(61, 'q6_copy_target', '6 parse', 'goalmetrics', 'COPY target texts into metric_target', '{0}',
 'q6_copy_text', NULL, '{"goalmetrics.metric_target_in(cstring)"}', 'TRUNCATE bench.copy_target',
 $q$COPY bench.copy_target FROM {file}$q$),

-- 8. memory: a roll-up of min(rows, 1 000 000) groups, measured once per
-- size (memory.sql), not timed in the loop (workers '{}')
(79, 'm8_count_1m', '8 memory', 'floor', 'count(*), 1M groups (baseline: hash table and keys)', '{}',
 NULL, NULL, NULL, NULL,
 $q$SELECT id % 1000000 AS k, count(*) FROM {t} GROUP BY 1$q$),
(80, 'm8_avg_1m', '8 memory', 'floor', 'avg(outcome), 1M groups', '{}',
 NULL, NULL, NULL, NULL,
 $q$SELECT id % 1000000 AS k, avg(outcome) FROM {t} GROUP BY 1$q$),
(81, 'm8_rollup_gm_1m', '8 memory', 'goalmetrics', 'rollup(), 1M groups', '{}',
 NULL, NULL, '{"goalmetrics.rollup(numeric,goalmetrics.metric_target)"}', NULL,
 $q$SELECT id % 1000000 AS k, goalmetrics.rollup(outcome, target) FROM {t} GROUP BY 1$q$),
(82, 'm8_rollup_plain_1m', '8 memory', 'plain SQL', 'plain-SQL roll-up, 1M groups', '{}',
 NULL, NULL, NULL, NULL,
 $q$SELECT k, avg(pct) AS fulfilment, {rollup_status} AS status,
       count(*) AS parts, count(*) AS metrics,
       count(*) FILTER (WHERE met) AS fulfilled,
       count(*) FILTER (WHERE NOT met AND pct > 90) AS partly,
       count(*) FILTER (WHERE NOT met AND pct <= 90) AS not_fulfilled,
       count(*) FILTER (WHERE outcome IS NULL) AS not_followed_up
  FROM (SELECT id % 1000000 AS k, outcome, {pct_case} AS pct, {met_case} AS met FROM {t} OFFSET 0) x
 GROUP BY k$q$);
