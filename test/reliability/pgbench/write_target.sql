-- A target is changed: one of several forms, by text.
\set m random(:min_metric, :max_metric)
\set y random(2014, 2016)
\set k random(1, 6)
INSERT INTO goalmetrics.target (metric_id, year, target)
VALUES (:m, :y, (ARRAY['Minst 60 %', 'Högst 2 000 barn', 'Mellan 90 och 110 %',
					   'Öka från 60 % till 80 %', '50 %', 'Under 15'])[:k])
ON CONFLICT (metric_id, year) DO UPDATE SET target = excluded.target;
