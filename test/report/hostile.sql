-- Names a user could type, for the report's browser checks
-- (test/report/run.sh): markup, quotes, ampersands, a formula; and
-- outcomes with decimals, a negative one and a large one for the
-- spreadsheet.  The demo data is not loaded in this database.
INSERT INTO goalmetrics.perspective (name_sv, name_en, sort)
	VALUES ('Per<s>spektiv & "x"', 'Per<s>spective & "x"', 5);
INSERT INTO goalmetrics.committee (name, sort)
	VALUES ('<script>window.gmPwned=1</script>Nämnd & "Co" ''Q''', 1);
INSERT INTO goalmetrics.goal (committee_id, perspective_id, title, sort)
SELECT c.committee_id, p.perspective_id, t.title, t.sort
  FROM goalmetrics.committee c, goalmetrics.perspective p,
	   (VALUES ('<img src=x onerror="window.gmPwned=2">Mål & <b>fet</b>', 1)) t(title, sort)
 WHERE p.name_en = 'Residents';
INSERT INTO goalmetrics.goal (committee_id, perspective_id, title, sort)
SELECT c.committee_id, p.perspective_id, 'Mål i eget perspektiv', 2
  FROM goalmetrics.committee c, goalmetrics.perspective p WHERE p.sort = 5;
INSERT INTO goalmetrics.metric (goal_id, name, sort)
SELECT g.goal_id, m.name, m.sort
  FROM goalmetrics.goal g,
	   (VALUES ('"Andel" <i>kursiv</i> & ''citat'' </td></tr></table>', 1),
			   ('Andel med decimaler', 2),
			   ('=SUM(A1:A2)', 3)) m(name, sort)
 WHERE g.sort = 1;
INSERT INTO goalmetrics.metric (goal_id, name, sort)
SELECT g.goal_id, 'Ett enda utfall', 1 FROM goalmetrics.goal g WHERE g.sort = 2;
INSERT INTO goalmetrics.target (metric_id, year, target)
SELECT m.metric_id, 2016, t.target::goalmetrics.metric_target
  FROM goalmetrics.metric m
  JOIN (VALUES ('"Andel" <i>kursiv</i> & ''citat'' </td></tr></table>', 'Minst 65 %'),
			   ('Andel med decimaler', 'Minst 72,3 %'),
			   ('=SUM(A1:A2)', 'Minst 0 tkr'),
			   ('Ett enda utfall', 'Högst 5')) t(name, target) USING (name);
INSERT INTO goalmetrics.outcome (metric_id, year, value)
SELECT m.metric_id, o.year, o.value
  FROM goalmetrics.metric m
  JOIN (VALUES ('"Andel" <i>kursiv</i> & ''citat'' </td></tr></table>', 2015, 60::numeric),
			   ('"Andel" <i>kursiv</i> & ''citat'' </td></tr></table>', 2016, 66),
			   ('Andel med decimaler', 2014, 70.5),
			   ('Andel med decimaler', 2015, 71.25),
			   ('Andel med decimaler', 2016, 72.3),
			   ('=SUM(A1:A2)', 2015, -4.5),
			   ('=SUM(A1:A2)', 2016, 1234567.89),
			   ('Ett enda utfall', 2016, 7)) o(name, year, value) USING (name);
