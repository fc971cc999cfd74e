-- The report people read: format_outcome() in SQL (the number rule itself
-- is tested in test/unit/test_target.c), html_escape(), trend_label(),
-- report_csv() line by line and report_html()'s pieces on the Helsingborg
-- 2016 data.  The page in a browser: test/report/run.sh.
SET search_path = public, goalmetrics;
BEGIN;
\set ON_ERROR_ROLLBACK on
\set SHOW_CONTEXT never
\set ECHO none
\o /dev/null
\i data/helsingborg-2016.sql
\o
\set ECHO all
-- outcomes as the report writes them: the unit of percent and money, not of a count
SELECT format_outcome(2315, 'Högst 2 100 barn') AS barn, format_outcome(72.3, 'Minst 65 %') AS pct,
       format_outcome(3518, 'Minst 3 500 tkr') AS tkr, format_outcome(77, 'Minst index 79') AS idx,
       format_outcome(-4.50, NULL) AS none, format_outcome(1234567.5, 'Minst 5 %', 'english') AS en,
       format_outcome(1234567.5, 'Minst 5 %', 'sheet') AS sheet, format_outcome(2315) AS plain;
-- no outcome: NULL (the page writes "-"); a NULL style too
SELECT format_outcome(NULL, 'Minst 65 %') IS NULL AS no_outcome, format_outcome(5, 'Minst 65 %', NULL) IS NULL AS no_style;
-- the largest outcome the table stores, exactly
SELECT format_outcome(12345678901234567890123456789012345678, NULL) AS large,
       format_outcome(0.000000000000000000001, NULL) AS small;
-- errors
SELECT format_outcome('NaN', 'Minst 65 %');
SELECT format_outcome('Infinity', NULL);
SELECT format_outcome(5, NULL, 'danish');
-- every outcome of the demo, as the page shows it
SELECT m.name, string_agg(coalesce(format_outcome(o.value, t.target), '-'), ' | ' ORDER BY y) AS outcomes
  FROM metric m JOIN target t ON t.metric_id = m.metric_id AND t.year = 2016
 CROSS JOIN generate_series(2014, 2016) y
  LEFT JOIN outcome o ON o.metric_id = m.metric_id AND o.year = y
 WHERE m.name IN ('Barn i försörjningsstödshushåll', 'Intäkt av EU-bidrag eller annan extern finansiering',
                  'Egenförsörjning efter jobbprojekt', 'Klienternas helhetsintryck av förvaltningens arbete (Nöjd-Kund-Index; NKI)',
                  'Genomsnittlig insatstid inom extern heldygnsvård (institutionsplaceringar)')
 GROUP BY m.metric_id, m.name ORDER BY m.metric_id;

-- html_escape and trend_label
SELECT html_escape($$<script>alert("x")</script> & 'y'$$) AS escaped;
SELECT t, trend_label(t), trend_label(t, 'en'), trend_symbol(t)
  FROM unnest(enum_range(NULL::trend_direction)) t;
SELECT trend_label(NULL) IS NULL AS no_trend;
SELECT trend_label('better');
SELECT trend_label('stable', 'de');

-- the spreadsheet: byte order mark, header, one CRLF line per metric
SELECT encode(substr(convert_to(report_csv(2016), 'UTF8'), 1, 3), 'hex') AS bom,
       length(report_csv(2016)) - length(replace(report_csv(2016), E'\r\n', '')) AS crlf_bytes;
SELECT line FROM regexp_split_to_table(substr(report_csv(2016, 'Socialnämnden'), 2), E'\r\n') WITH ORDINALITY AS l(line, n)
 ORDER BY n;
-- a text cell that a spreadsheet would run as a formula is defused; quotes doubled
SELECT report_csv_text('=SUM(A1)'), report_csv_text('-1'), report_csv_text('@x'), report_csv_text('a "b"; c'),
       report_csv_text(NULL) = '' AS empty;

-- the page: one document, the legend by the labels in force, every metric
-- and goal row, the data as text
SELECT left(report_html(2016), 15) AS doctype, right(report_html(2016), 15) AS ending,
       (SELECT count(*) FROM regexp_matches(report_html(2016), '<tr class="metric"', 'g')) AS metric_rows,
       (SELECT count(*) FROM regexp_matches(report_html(2016), '<tbody class="goal"', 'g')) AS goal_rows,
       (SELECT count(*) FROM regexp_matches(report_html(2016), '<svg class="chart"', 'g')) AS charts,
       (SELECT count(*) FROM regexp_matches(report_html(2016), '<details', 'g')) AS analyses,
       report_html(2016) ~ '(https?:)?//|<script|<link|<img|url\(' AS fetches;
SELECT m[1] AS legend FROM regexp_matches(report_html(2016), '<li data-status="[a-z_]+">.*?</li>', 'g') m;
SELECT m[1] AS status, m[2] AS metric_row
  FROM regexp_matches(report_html(2016, 'arbetsmarknadsnämnden'), 'data-status="([a-z_]*)">(<th scope="row" class="name">Barn i f.*?</tr>)', 'g') m;
SELECT m[1] AS goal_head
  FROM regexp_matches(report_html(2016, 'Socialnämnden', 'en'), '<tr class="goal-row">.*?</tr>', 'g') m LIMIT 2;
SELECT (regexp_match(report_html(2016, 'Socialnämnden', 'en'), '<h1>.*?</h1>'))[1] AS heading,
       (regexp_match(report_html(2016, 'Socialnämnden', 'en'), '<h3>.*?</h3>'))[1] AS first_perspective;
-- the chart of a metric with two or more outcomes; none with one
SELECT report_chart(59, 60, 48, 'Minst 65 %', '#C62828', 'Utfall 2014-2016: 59 %, 60 %, 48 %.') AS chart;
SELECT report_chart(NULL, NULL, 48, 'Minst 65 %', '#C62828', 'x') IS NULL AS no_chart,
       report_chart(90, 100, NULL, 'Mellan 95 och 105 %', NULL, 'x') ~ 'target-band' AS range_band;
-- an empty year is a page that says so; an unknown committee or language is an error
SELECT (regexp_match(report_html(1999), '<p class="empty">.*?</p>'))[1] AS empty_year;
SELECT report_html(2016, 'Nämnden som inte finns');
SELECT report_html(2016, NULL, 'de');
SELECT report_csv(2016, 'Nämnden som inte finns');

-- row-level security: a reader mapped to one committee gets that
-- committee's page and lines, nothing of the other
INSERT INTO committee_member SELECT 'goalmetrics_reader', committee_id FROM committee WHERE name = 'Socialnämnden';
SET ROLE goalmetrics_reader;
SELECT (SELECT count(*) FROM regexp_matches(report_html(2016), '<section class="committee"', 'g')) AS committees,
       report_html(2016) LIKE '%Arbetsmarknadsn%' AS sees_other,
       (SELECT count(*) FROM regexp_split_to_table(report_csv(2016), E'\r\n') l WHERE l <> '') - 1 AS csv_lines;
SELECT report_html(2016, 'Arbetsmarknadsnämnden');
RESET ROLE;
ROLLBACK;
