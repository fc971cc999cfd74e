-- A BI tool reads the views and the annual report of one committee.
\set y random(2014, 2016)
\set c random(1, 22)
SELECT count(*), sum(fulfilment) FROM goalmetrics.metric_status WHERE year = :y;
SELECT committee, perspective, goal, fulfilment, status FROM goalmetrics.goal_status
 WHERE year = :y AND committee_id = (SELECT committee_id FROM goalmetrics.committee ORDER BY committee_id OFFSET :c - 1 LIMIT 1);
SELECT * FROM goalmetrics.perspective_status WHERE year = :y;
SELECT * FROM goalmetrics.committee_status WHERE year = :y;
SELECT count(*) FROM goalmetrics.annual_report(:y, 'Arbetsmarknadsnämnden');
