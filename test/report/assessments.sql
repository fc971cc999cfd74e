-- Goal assessments for the report's browser and spreadsheet checks
-- (test/report/run.sh), over the demo data: two analyses (one of several
-- paragraphs), one assessed status that differs from the computed one
-- (with its reason) and one assessed status alone.  Test text, not
-- Helsingborg's own analyses.
INSERT INTO goalmetrics.goal_assessment (goal_id, year, analysis, status, reason)
SELECT g.goal_id, 2016, a.analysis, a.status::goalmetrics.status_band, a.reason
  FROM goalmetrics.goal g
  JOIN (VALUES
	('Invånarnas egenförsörjning ska öka',
	 E'Testanalys: egenförsörjningen efter gymnasial vuxenutbildning ökade.\n\nEgenförsörjningen efter jobbprojekt minskade; se åtgärderna för 2017.',
	 'fulfilled', 'Testskäl: nämnden väger in resultatet efter årsskiftet.'),
	('Vi ska vara en ledande samarbetspartner', 'Testanalys: två av fem mätetal nådde målvärdet & <b>inte</b> fler.', NULL, NULL),
	('Socialnämnden ska ha kostnadseffektiva lösningar', NULL, 'fulfilled', NULL)) a(title, analysis, status, reason)
	ON a.title = g.title;
