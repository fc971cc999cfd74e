-- metric_target: reading targets as people write them, printing them back.
SET search_path = public, goalmetrics;

-- Every target in the seed reports and in DOMAIN.md reads, and prints in
-- the canonical Swedish form.
SELECT t AS written, t::metric_target AS canonical,
       target_comparator(t::metric_target) AS cmp,
       target_value(t::metric_target) AS value,
       target_unit(t::metric_target) AS unit
FROM (VALUES ('Minst 65 %'), ('Max 31 %'), ('Max 42 %'), ('Högst 2 100 barn'),
             ('Högst 170 vårddygn'), ('Minst index 79'), ('Minst NKI 75'),
             ('Minst 3 500 tkr'), (E'Minst 0\ntkr'), ('100 %'), ('50 %'),
             ('Minst 6'), ('Minst 1'), ('Minst 0'), ('Minst 3'), ('Minst 5'),
             ('Minst 40'), ('Minst 2 400'), ('Minst 73'), ('Minst 57 %'),
             ('Max 13,2 %'), ('Minst 72,3'), ('Minst 69 000'), ('Minst 25 st'),
             ('Lägst 5'), ('Högst 40 %'), ('at least 65 %'), ('>= 65 %'),
             ('≥ 65 %'), ('<= 42 %'), ('≤ 42')) AS s(t);

-- Every comparator spelling, any case, any white space.
SELECT t AS written, t::metric_target AS canonical
FROM (VALUES ('minst 1'), ('LÄGST 1'), ('Min 1'), ('Min. 1'), ('at   least 1'),
             ('>=1'), ('≥1'), ('=> 1'), ('HÖGST 1'), ('max 1'), ('Max. 1'),
             ('Maximalt 1'), ('AT MOST 1'), ('<= 1'), ('≤ 1'), ('=< 1'),
             ('Över 1'), ('ÖVER 1'), ('Mer än 1'), ('above 1'), ('More Than 1'),
             ('> 1'), ('Under 1'), ('Mindre än 1'), ('below 1'), ('less than 1'),
             ('< 1'), ('Exakt 1'), ('exactly 1'), ('= 1'),
             (E'  Minst index\n41  '), (E'Minst\t65\r\n%')) AS s(t);

-- Ranges, bare targets and change targets.
SELECT t AS written, t::metric_target AS canonical,
       target_comparator(t::metric_target) AS cmp,
       target_value(t::metric_target) AS value,
       target_upper(t::metric_target) AS upper,
       target_baseline(t::metric_target) AS baseline,
       target_is_bare(t::metric_target) AS bare
FROM (VALUES ('Mellan 95 och 105 %'), ('between 95 and 105 %'), ('95–105 %'),
             ('95-105 %'), ('95—105 %'), ('95 – 105 %'), ('Mellan 5 och 5'),
             ('100 %'), ('13'),
             ('Öka från 70 % till 75 %'), ('ska minska från 40 till 32 dagar'),
             ('från 70 % till 75 %'), ('från 40 till 32 dagar'),
             ('increase from 70 % to 75 %'), ('reduce from 40 to 32 days'),
             ('Öka från index 70 till 75')) AS s(t);

-- Numbers: Swedish and English, thousands separators (space, no-break
-- space, thin spaces), signs including U+2212, decimals kept as written.
SELECT t AS written, t::metric_target AS canonical, target_value(t::metric_target) AS value
FROM (VALUES ('Minst 2 100'), (U&'Minst 2\00A0100'), (U&'Minst 2\2009100'),
             (U&'Minst 2\202F100'), ('Minst 1 234 567,5'), ('Minst 72,3'),
             ('Minst 72.3'), ('Minst 42,0'), ('Minst 0,1'), ('Minst -5'),
             ('Minst +5'), (U&'Minst \22125'), ('Minst -0'), ('Minst 007'),
             ('Minst 123 456 789 012 345'), ('Minst 0,000000000000001'),
             ('Minst 999'), ('Minst 1000'), ('Minst 2,100')) AS s(t);

-- Units: before or after, compound, percent spellings, percentage points.
SELECT t AS written, t::metric_target AS canonical, target_unit(t::metric_target) AS unit
FROM (VALUES ('Minst 65 procent'), ('Minst 65 percent'), ('Minst 65%'),
             ('Högst 3 procentenheter'), ('Högst 3 pp'),
             ('Högst 12 000 kronor per invånare'), ('Högst 120 kWh per kvadratmeter'),
             ('Minst index 79'), ('Minst NKI 75'), ('Högst 2 100 Barn')) AS s(t);

-- The three styles, and every style parsed again gives an equal value.
CREATE TEMP TABLE style_cases (t metric_target);
INSERT INTO style_cases VALUES ('Minst 65 %'), ('Högst 2 100 barn'), ('Över 5'),
  ('Under -1,5'), ('Exakt 42,0'), ('Minst index 79'), ('Mellan 95 och 105 %'),
  ('Mellan -5 och -3'), ('Öka från 70 % till 75 %'), ('Minska från 40 till 32 dagar'),
  ('Öka från index 70 till 75'), ('100 %'), ('13'), ('Högst 1 234 567,25 kr'),
  ('Minst 0,1'), ('Högst 3 pp');
SELECT t AS swedish, format_target(t, 'english') AS english,
       format_target(t, 'symbolic') AS symbolic
FROM style_cases;
SELECT count(*) AS round_trips_not_equal
FROM style_cases, unnest(ARRAY['swedish', 'english', 'symbolic']) AS style
WHERE format_target(t, style)::metric_target <> t
   OR target_is_bare(format_target(t, style)::metric_target) <> target_is_bare(t)
   OR format_target(format_target(t, style)::metric_target, style) <> format_target(t, style);
-- the symbolic style is ASCII only (the unit is data and stays as written)
SELECT format_target(t, 'symbolic') FROM style_cases
WHERE format_target(t, 'symbolic') !~ '^[ -~]*$' AND target_unit(t) ~ '^[ -~]*$';

-- Equality is numeric and respects comparator, bareness and unit.
SELECT 'Minst 42,0'::metric_target = 'Minst 42' AS decimals_equal,
       'Minst 42'::metric_target = '>= 42' AS spellings_equal,
       '42'::metric_target = 'Minst 42' AS bare_equals_explicit,
       'Minst 65 procent'::metric_target = 'Minst 65 %' AS percent_normalised,
       'Minst 65 pp'::metric_target = 'Minst 65 %' AS pp_is_not_percent,
       'Minst index 79'::metric_target = 'Minst 79 index' AS unit_position_matters,
       'Minst 5 barn'::metric_target = 'Minst 5 Barn' AS units_case_sensitive,
       'Minst 1'::metric_target < 'Högst 1' AS at_least_sorts_first,
       'Minst 2'::metric_target < 'Minst 10' AS numeric_order;

-- Accessors.
SELECT higher_is_better('Minst 65 %'), higher_is_better('Högst 2 100 barn'),
       higher_is_better('Över 1'), higher_is_better('Under 1'),
       higher_is_better('Exakt 1'), higher_is_better('95-105 %'),
       higher_is_better('Minska från 40 till 32 dagar'), higher_is_better('100 %');
SELECT target_unit('Minst 6') IS NULL AS no_unit, target_upper('Minst 6') IS NULL AS no_upper,
       target_baseline('Minst 6') IS NULL AS no_baseline;

-- Constructors and with_comparator.
SELECT metric_target('at_least', 65, '%'), metric_target('at_most', 2100, 'barn'),
       metric_target('above', 4.50), metric_target('exactly', -3, 'procent'),
       metric_target('at_least', 79, 'kronor  per   invånare'),
       metric_target_range(95, 105, '%'), metric_target_range(-5, -3),
       metric_target('at_least', NULL), metric_target('at_least', 1, NULL);
SELECT with_comparator('13', 'at_most') AS crime_rate,
       with_comparator('Minst 5', 'below'),
       target_is_bare(with_comparator('13', 'at_least')) AS still_bare;

-- try_metric_target: NULL instead of an error.
SELECT t, try_metric_target(t)
FROM (VALUES ('Minst 65 %'), ('ungefär 65'), (''), ('Minst'), ('Minst 1e5'), (NULL)) AS s(t);

-- Errors: each class, with its message, detail and hint.
\set SHOW_CONTEXT never
SELECT ''::metric_target;
SELECT '   '::metric_target;
SELECT 'Ungefär 65 %'::metric_target;
SELECT 'Minst'::metric_target;
SELECT 'Minst index'::metric_target;
SELECT 'Minst 1,2,3'::metric_target;
SELECT 'Minst 1 23'::metric_target;
SELECT 'Minst 5.'::metric_target;
SELECT 'Minst 1e5'::metric_target;
SELECT 'Minst 6,5E3 %'::metric_target;
SELECT 'Minst NaN'::metric_target;
SELECT 'Minst Infinity'::metric_target;
SELECT 'Minst ∞'::metric_target;
SELECT 'Minst 1234567890123456'::metric_target;
SELECT 'Minst 0,0000000000000001'::metric_target;
SELECT ('Minst 1 ' || repeat('x', 65))::metric_target;
SELECT 'Mellan 10 och 5'::metric_target;
SELECT 'Mellan 5 % och 10 st'::metric_target;
SELECT 'Öka från 75 till 70'::metric_target;
SELECT 'från 5 till 5'::metric_target;
SELECT 'Minst 65 %; DROP TABLE x'::metric_target;
SELECT 'Minst 65 % 12'::metric_target;
SELECT E'Minst \x01 65'::metric_target;
SELECT metric_target('between', 1);
SELECT metric_target('roughly', 1);
SELECT metric_target('at_least', 1234567890123456);
SELECT metric_target('at_least', 'NaN');
SELECT metric_target('at_least', 1, '5 %');
SELECT metric_target_range(10, 5);
SELECT with_comparator('Mellan 1 och 2', 'at_most');
SELECT format_target('Minst 1', 'klingon');
-- a megabyte of digits is refused, and the message quotes only its start
SELECT length(repeat('9', 1000000)), (SELECT count(*) FROM (SELECT try_metric_target(repeat('9', 1000000))) s WHERE try_metric_target IS NULL) AS refused;

-- Storage: a short varlena; 'Minst 65 %' takes 5 bytes on disk.
CREATE TEMP TABLE stored (t metric_target);
INSERT INTO stored VALUES ('Minst 65 %'), ('Högst 2 100 barn'), ('Mellan 95 och 105 %');
SELECT t, pg_column_size(t) FROM stored;

-- COPY BINARY round trip.
CREATE TEMP TABLE copied (LIKE stored);
COPY stored TO '/tmp/goalmetrics_regress_copy.bin' WITH (FORMAT binary);
COPY copied FROM '/tmp/goalmetrics_regress_copy.bin' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE s.t = c.t) AS equal
FROM stored s JOIN copied c ON format_target(s.t) = format_target(c.t);

-- Indexes, grouping, DISTINCT and joins.
CREATE TEMP TABLE targets AS
SELECT i, (CASE i % 4 WHEN 0 THEN 'Minst ' WHEN 1 THEN 'Högst ' WHEN 2 THEN 'Över ' ELSE '' END
           || (i % 500)::text || CASE WHEN i % 3 = 0 THEN ' %' ELSE ' st' END)::metric_target AS t
FROM generate_series(1, 20000) i;
CREATE INDEX targets_t ON targets (t);
ANALYZE targets;
SELECT count(DISTINCT t) AS distinct_targets FROM targets;
SELECT count(*) FROM (SELECT t FROM targets GROUP BY t) g;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM targets WHERE t = 'Minst 100 %';
SELECT count(*) FROM targets WHERE t = 'Minst 100 %';
-- 'Minst 100,0 %' is the same target
SELECT count(*) FROM targets WHERE t = 'at least 100,0 procent';
EXPLAIN (COSTS OFF) SELECT * FROM targets WHERE t > 'Högst 497 st' AND t < 'Över 0 %' ORDER BY t;
DROP INDEX targets_t;
CREATE INDEX targets_t_hash ON targets USING hash (t);
EXPLAIN (COSTS OFF) SELECT * FROM targets WHERE t = 'Minst 100 %';
SELECT count(*) FROM targets WHERE t = '>= 100,00 %';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM targets a JOIN stored s ON a.t = s.t;
SELECT count(*) FROM targets a JOIN (SELECT DISTINCT t FROM targets) s ON a.t = s.t;
RESET enable_mergejoin;
RESET enable_nestloop;
-- the documented total order: comparator, bare after explicit, value,
-- upper bound, baseline, unit position, unit
SELECT t FROM unnest(ARRAY['Mellan 1 och 3', 'Mellan 1 och 2', 'Exakt 1', 'Under 1', 'Över 1',
    'Högst 1', '5', 'Minst 5', 'Minst 5 %', 'Minst index 5', 'Minst 5 barn', 'Minst 5 Barn',
    'Öka från 3 till 5', 'Minst -1', 'Minst 10', 'Minst 4,99']::metric_target[]) AS t
ORDER BY t;

-- Sorts and index builds use sort support with abbreviated keys (the
-- comparator, bare and the value as a double cut to 60 bits; equal keys go
-- to the full comparator).  30 000 targets with every comparator, negative
-- and zero values, equal values written with other scales, and neighbours
-- closer than the key resolves (1 apart near 10^15; 1e-14 apart near 1):
-- every adjacent pair of the sorted rows is in order by the full comparator
-- (the < operator), and the B-tree built by the same sort passes amcheck.
CREATE TEMP TABLE sort_t AS
SELECT (CASE i % 7
          WHEN 0 THEN 'Minst '
          WHEN 1 THEN 'Högst '
          WHEN 2 THEN 'Över '
          WHEN 3 THEN 'Under '
          WHEN 4 THEN 'Exakt '
          WHEN 5 THEN ''
          ELSE 'Mellan ' END)
       || CASE WHEN i % 7 = 5 THEN '' ELSE CASE WHEN i % 5 = 0 THEN '-' ELSE '' END END
       || CASE i % 4
            WHEN 0 THEN (999999999999990 + i % 10)::text
            WHEN 1 THEN replace((1 + (i % 10) * 0.00000000000001)::text, '.', ',')
            WHEN 2 THEN replace(round((i % 97)::numeric / 7, i % 4)::text, '.', ',')
            ELSE (i % 50)::text END
       || CASE WHEN i % 7 = 6 THEN ' och 999999999999999' ELSE '' END
       || CASE i % 3 WHEN 0 THEN ' %' WHEN 1 THEN ' barn' ELSE '' END
       AS src
FROM generate_series(1, 30000) i;
ALTER TABLE sort_t ADD COLUMN t metric_target;
UPDATE sort_t SET t = try_metric_target(src);
SELECT count(*) AS targets, count(t) AS read, count(DISTINCT t) AS distinct_targets FROM sort_t;
SELECT count(*) AS adjacent_pairs, count(*) FILTER (WHERE b < a) AS out_of_order,
       count(*) FILTER (WHERE a = b) AS equal_neighbours
FROM (SELECT t AS a, lead(t) OVER (ORDER BY t) AS b FROM sort_t WHERE t IS NOT NULL) x
WHERE b IS NOT NULL;
CREATE INDEX sort_t_idx ON sort_t (t);
CREATE EXTENSION IF NOT EXISTS amcheck;
SELECT bt_index_check('sort_t_idx', true);
DROP EXTENSION amcheck;

-- The examples of README.md and doc/metric_target.md, verbatim.
SELECT 'at least 65 percent'::metric_target;          -- Minst 65 %
SELECT 'Högst 2 100 barn'::metric_target;             -- Högst 2 100 barn
SELECT '95–105 %'::metric_target;                     -- Mellan 95 och 105 %
SELECT 'increase from 70 % to 75 %'::metric_target;   -- Öka från 70 % till 75 %
SELECT format_target('Minst index 79', 'symbolic');   -- >= index 79
SELECT target_value('Max 13,2 %'), target_unit('Max 13,2 %');  -- 13.2, %
SELECT try_metric_target('ungefär 65');               -- NULL, no error
SELECT 'Minst 65 %'::goalmetrics.metric_target;               -- Minst 65 %
SELECT 'at least 65 percent'::goalmetrics.metric_target;      -- Minst 65 %
SELECT '>= 2100 barn'::goalmetrics.metric_target;             -- Minst 2 100 barn
SELECT goalmetrics.format_target('Högst 2 100 barn', 'english');  -- at most 2 100 barn
SELECT goalmetrics.target_value('Minst 72,3');                -- 72.3
SELECT goalmetrics.try_metric_target('ungefär 65');           -- NULL
SELECT goalmetrics.with_comparator('13', 'at_most');          -- Högst 13
CREATE TEMP TABLE target (
    metric_id int,
    year      int,
    target    goalmetrics.metric_target NOT NULL,
    PRIMARY KEY (metric_id, year)
);
INSERT INTO target VALUES (1, 2016, 'Minst 65 %'), (2, 2016, 'Högst 2 100 barn');
SELECT * FROM target ORDER BY metric_id;

-- Spaces, invisible characters and percent signs (issue 12): the error says
-- what and where, with a hint
SELECT U&'Minst 5\2007000'::metric_target;            -- figure space: Minst 5 000
SELECT U&'Minst 5\2003000'::metric_target;            -- an em space groups no digits
SELECT 'Minst 65 % %'::metric_target;
SELECT U&'Minst 5 \202Enrab001'::metric_target;
SELECT U&'Minst 65 %\200B'::metric_target;
SELECT U&'Högst 170 va\030Arddygn'::metric_target OPERATOR(goalmetrics.=) 'Högst 170 vårddygn' AS nfc;
SELECT goalmetrics.read_outcome('59 60');

-- ===================================================== issue 17
-- Targets written as prose: the issue's real phrasings and variants.  The
-- subject and the modal verb are dropped, filler is read, "procent" and
-- "procents" are %, and the qualifier after the unit is kept.
SELECT t AS written, t::metric_target AS canonical,
       target_comparator(t::metric_target) AS cmp,
       target_unit(t::metric_target) AS unit,
       target_qualifier(t::metric_target) AS qualifier
FROM (VALUES
  ('Resultatet ska uppgå till minst 2 % av skatteintäkter och generella statsbidrag'),
  ('ska lägst uppgå till 2 %'),
  ('bör uppgå till minst 2 procent av skatter och kommunalekonomisk utjämning'),
  ('Soliditeten ska förbättras'),
  ('minst 100 procents konsolidering'),
  ('Resultatet skall uppgå till lägst 2 %.'),
  ('Resultatet ska uppgå till 2 %'),
  ('Nettokostnaden ska uppgå till högst 98 % av skatteintäkterna'),
  ('Minst 5 % per år'),
  ('Minst 3 500 tkr av budgeten'),
  ('The result should be at least 2 % of tax revenue'),
  ('Equity must amount to at least 30 %')) AS s(t);

-- Direction targets, judged against the previous outcome (fulfilment.sql)
SELECT t AS written, t::metric_target AS canonical,
       format_target(t::metric_target, 'english') AS english,
       target_comparator(t::metric_target) AS cmp,
       target_value(t::metric_target) AS value,
       higher_is_better(t::metric_target) AS higher
FROM (VALUES ('Öka'), ('ska öka'), ('Minska'), ('ska minska'), ('Bibehålla'),
             ('oförändrad'), ('ska förbättras'), ('Andelen ska öka.'),
             ('increase'), ('decrease'), ('maintain'), ('improve'),
             ('The share shall increase'), ('should be maintained')) AS s(t);

-- Multi-year targets: the years are read in every form and printed "år".
SELECT t AS written, t::metric_target AS canonical,
       format_target(t::metric_target, 'symbolic') AS symbolic,
       target_baseline(t::metric_target) AS baseline,
       target_value(t::metric_target) AS value,
       target_start_year(t::metric_target) AS start_year,
       target_end_year(t::metric_target) AS end_year
FROM (VALUES ('Öka från 81 % 2016 till 85 % 2019'), ('85 % år 2019'),
             ('Minst 85 % till 2019'), ('Minst 85 % till år 2019'),
             ('Öka till 85 % senast 2019'), ('Minst 85 % (2019)'),
             ('Minska från 40 dagar (2016) till 32 dagar (2019)'),
             ('Mellan 95 och 105 % av normen år 2020'),
             ('increase from 81 % in 2016 to 85 % in 2019')) AS s(t);

-- The glide path: 81 % in 2016 to 85 % in 2019.  Before the start year no
-- target applies; from the end year on, the end value; in between the
-- value rounded half away from zero to two decimals more than written.
SELECT y, target_for_year('Öka från 81 % 2016 till 85 % 2019', y) AS target
FROM generate_series(2015, 2020) AS y;
SELECT y, target_for_year('Minska från 10 år 2016 till 9 år 2019', y) AS decrease,
          target_for_year('Öka från 81 % år 2016 till 84 % år 2019', y) AS whole,
          target_for_year('85 % år 2019', y) AS end_only,
          target_for_year('Minst 65 %', y) AS plain,
          target_for_year('Öka', y) AS direction
FROM generate_series(2016, 2019) AS y;
-- the year's target equals the hand-written one
SELECT target_for_year('Öka från 81 % 2016 till 85 % 2019', 2017) = 'Minst 82,33 %' AS same;

-- Round trip: every value the type returns is one it accepts, in every style.
SELECT t, s, format_target(t::metric_target, s)::metric_target = t::metric_target AS round_trip
FROM (VALUES ('Resultatet ska uppgå till minst 2 % av skatteintäkter och generella statsbidrag'),
             ('minst 100 procents konsolidering'), ('Öka'), ('Bibehålla'),
             ('ska förbättras'), ('Minska'),
             ('Öka från 81 % 2016 till 85 % 2019'),
             ('Minska från 40 dagar (2016) till 32 dagar (2019)'),
             ('Mellan 95 och 105 % av normen år 2020'),
             ('Högst 5 år år 2019')) AS v(t),
     (VALUES ('swedish'), ('english'), ('symbolic')) AS st(s);

-- Binary: send and recv carry the new fields; recv refuses what in refuses
SELECT t::metric_target AS target, metric_target_send(t::metric_target) AS sent
FROM (VALUES ('Öka'), ('Minska'), ('Bibehålla'), ('Förbättra'),
             ('Öka från 81 % 2016 till 85 % 2019'), ('Minst 2 % av skatter')) AS v(t);

-- Not understood: which word, and the canonical form when the rest reads.
SELECT 'ska ungefär minst 2 %'::metric_target;
SELECT 'Resultatet minst 2 % av skatteintäkter'::metric_target;
SELECT 'Resultatet ska cirka 2 %'::metric_target;
SELECT 'ska minst'::metric_target;
SELECT 'Öka med 5 %'::metric_target;
SELECT 'Bibehålla 80 %'::metric_target;
SELECT 'Öka från 81 % 2019 till 85 % 2016'::metric_target;
SELECT 'Öka från 81 % 2016 till 85 %'::metric_target;
SELECT 'Minst 85 % år 1800'::metric_target;
SELECT metric_target('increase', 5);
SELECT with_comparator('Öka', 'at_least');
