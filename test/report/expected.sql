-- What a report_html(:year, NULL, :'lang') page must show, worked out from
-- the tables and the status views, not from report_html()'s own query
-- (test/report/run.sh): one JSON object for test/report/checks.js.
\set ON_ERROR_STOP 1
WITH shown AS (	-- the metrics with a target or an outcome in year - 2 .. year
	SELECT m.metric_id, m.goal_id, m.name, m.sort
	  FROM goalmetrics.metric m
	 WHERE EXISTS (SELECT FROM goalmetrics.target t WHERE t.metric_id = m.metric_id AND t.year BETWEEN :year - 2 AND :year)
		OR EXISTS (SELECT FROM goalmetrics.outcome o WHERE o.metric_id = m.metric_id AND o.year BETWEEN :year - 2 AND :year)
), style AS (
	SELECT CASE WHEN :'lang' = 'en' THEN 'english' ELSE 'swedish' END AS s,
		   CASE WHEN :'lang' = 'en' THEN ' – the committee''s goals and metrics'
				ELSE ' – nämndens mål och mätetal' END AS persp
)
SELECT replace(json_build_object(
	'lang', :'lang',
	'order', (SELECT json_agg(s ORDER BY s) FROM unnest(enum_range(NULL::goalmetrics.status_band)) s),
	'statuses', (SELECT json_object_agg(s, json_build_object(
						'colour', goalmetrics.status_colour(s), 'symbol', goalmetrics.status_symbol(s),
						'label', goalmetrics.status_label(s, :'lang')))
				   FROM unnest(enum_range(NULL::goalmetrics.status_band)) s),
	'committees', (SELECT json_agg(json_build_object(
						'name', c.name,
						'status', (SELECT cs.status FROM goalmetrics.committee_status cs
									WHERE cs.committee_id = c.committee_id AND cs.year = :year),
						'perspectives', (SELECT json_agg(CASE WHEN :'lang' = 'en' THEN p.name_en ELSE p.name_sv END
														 || (SELECT persp FROM style) ORDER BY p.sort, p.perspective_id)
										   FROM goalmetrics.perspective p
										  WHERE EXISTS (SELECT FROM goalmetrics.goal g JOIN shown USING (goal_id)
														 WHERE g.committee_id = c.committee_id
														   AND g.perspective_id = p.perspective_id)))
						ORDER BY c.sort, c.name)
					 FROM goalmetrics.committee c
					WHERE EXISTS (SELECT FROM goalmetrics.goal g JOIN shown USING (goal_id) WHERE g.committee_id = c.committee_id)),
	'goals', (SELECT json_agg(json_build_object(
					'id', g.goal_id, 'title', g.title, 'status', gs.status,
					'rollup', goalmetrics.format_outcome(trunc(gs.fulfilment, 1), NULL, (SELECT s FROM style)) || ' %',
					'analysis', ga.analysis, 'assessed', ga.status, 'computed', gs.computed_status) ORDER BY g.goal_id)
				FROM goalmetrics.goal g
				LEFT JOIN goalmetrics.goal_status gs ON gs.goal_id = g.goal_id AND gs.year = :year
				LEFT JOIN goalmetrics.goal_assessment ga ON ga.goal_id = g.goal_id AND ga.year = :year
			   WHERE EXISTS (SELECT FROM shown WHERE shown.goal_id = g.goal_id)),
	'metrics', (SELECT json_agg(json_build_object(
					'id', m.metric_id, 'goal', m.goal_id, 'name', m.name,
					'outcomes', (SELECT json_agg(coalesce(goalmetrics.format_outcome(o.value, t.target, (SELECT s FROM style)), '-') ORDER BY y)
								   FROM generate_series(:year - 2, :year) y
								   LEFT JOIN goalmetrics.outcome o ON o.metric_id = m.metric_id AND o.year = y),
					'target', coalesce(goalmetrics.format_target(t.target, (SELECT s FROM style)), '-'),
					'status', CASE WHEN t.target IS NOT NULL THEN goalmetrics.status(
								  (SELECT o.value FROM goalmetrics.outcome o WHERE o.metric_id = m.metric_id AND o.year = :year),
								  t.target) END,
					'trend', (SELECT json_build_object('symbol', goalmetrics.trend_symbol(ms.trend::goalmetrics.trend_direction),
													   'label', goalmetrics.trend_label(ms.trend::goalmetrics.trend_direction, :'lang'))
								FROM goalmetrics.metric_status ms
							   WHERE ms.metric_id = m.metric_id AND ms.year = :year AND ms.trend IS NOT NULL))
					ORDER BY m.metric_id)
				  FROM shown m
				  LEFT JOIN goalmetrics.target t ON t.metric_id = m.metric_id AND t.year = :year)
)::text, '</', '<\/');
