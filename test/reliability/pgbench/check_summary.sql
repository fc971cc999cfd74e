-- A reader of the summary never sees a half-written year: within one
-- snapshot, each committee row counts exactly the metrics of its goal rows
-- and each perspective row those of its goals.  A violation divides by
-- zero, which pgbench counts as an error.
\set y random(2014, 2016)
SELECT 1 / (count(*) = 0)::integer
  FROM (SELECT c.committee_id
		  FROM goalmetrics.summary c
		  JOIN goalmetrics.summary g
			ON g.level = 'goal' AND g.year = c.year AND g.committee_id = c.committee_id
		 WHERE c.level = 'committee' AND c.year = :y
		 GROUP BY c.committee_id, c.metrics, c.parts
		HAVING c.metrics <> sum(g.metrics) OR c.parts <> count(*)
		UNION ALL
		SELECT p.committee_id
		  FROM goalmetrics.summary p
		  JOIN goalmetrics.summary g
			ON g.level = 'goal' AND g.year = p.year AND g.committee_id = p.committee_id
		   AND g.perspective_id = p.perspective_id
		 WHERE p.level = 'perspective' AND p.year = :y
		 GROUP BY p.committee_id, p.perspective_id, p.metrics, p.parts
		HAVING p.metrics <> sum(g.metrics) OR p.parts <> count(*)) bad;
