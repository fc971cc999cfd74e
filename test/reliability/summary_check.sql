-- Rows in which goalmetrics.summary and a fresh recomputation through the
-- views (goal_status, perspective_status, committee_status) differ, for
-- the years the summary holds; prints their number (0 when they agree).
-- Compared: level, keys, fulfilment, status and every count.
WITH summary AS (
	SELECT year, level, committee_id, perspective_id, goal_id, fulfilment, status::text AS status,
		   parts, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	  FROM goalmetrics.summary WHERE level <> 'metric'
), fresh AS (
	SELECT year, 'goal' AS level, committee_id, perspective_id, goal_id, fulfilment, status,
		   metrics, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	  FROM goalmetrics.goal_status
	UNION ALL
	SELECT year, 'perspective', committee_id, perspective_id, NULL, fulfilment, status,
		   goals, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	  FROM goalmetrics.perspective_status
	UNION ALL
	SELECT year, 'committee', committee_id, NULL, NULL, fulfilment, status,
		   goals, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	  FROM goalmetrics.committee_status
), fresh_years AS (
	SELECT * FROM fresh WHERE year IN (SELECT year FROM goalmetrics.summary)
)
SELECT (SELECT count(*) FROM (SELECT * FROM summary EXCEPT ALL SELECT * FROM fresh_years) a)
	 + (SELECT count(*) FROM (SELECT * FROM fresh_years EXCEPT ALL SELECT * FROM summary) b);
