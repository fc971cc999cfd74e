-- The views, annual_report() and refresh_summary() on the Helsingborg 2016
-- data.  Every expected status below is worked out by hand from the rules
-- (DOMAIN.md): at least T: outcome / T; at most T: T / outcome; met = 100;
-- > 90 and not met = partly; <= 90 = not fulfilled; a goal is the mean of
-- its metrics (capped), a perspective and a committee the mean of their
-- goals, fulfilled only at 100 with every metric met.
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SELECT plan(71);

\o /dev/null
\ir ../../data/helsingborg-2016.sql
\o

-- -------------------------------------------------------- metric_status
-- One row per metric, 2016, in the report's order: status, fulfilment
-- (rounded to 2 decimals) and trend 2014-2016.
SELECT results_eq($$
	SELECT metric, outcome, target, round(fulfilment, 2), status, trend
	  FROM goalmetrics.metric_status WHERE year = 2016
	 ORDER BY committee_sort, perspective_sort, goal_sort, metric_sort
$$, $$ VALUES
	-- Arbetsmarknadsnämnden, invånare
	('Egenförsörjning efter gymnasial vuxenutbildning'::text, 75::numeric, 'Minst 65 %'::text, 100.00::numeric, 'fulfilled'::text, 'improving'::text), -- 75 >= 65; 65 -> 75
	('Egenförsörjning efter jobbprojekt', 48, 'Minst 65 %', 73.85, 'not_fulfilled', 'worsening'),          -- 48/65 = 73.85 %; 59 -> 48
	('Aktiva försörjningsstödstagare', 92, 'Minst 90 %', 100.00, 'fulfilled', 'improving'),                -- 87 -> 92 (+5.7 %)
	('Egenförsörjning efter försörjningsstödsinsats', 36, 'Minst 42 %', 85.71, 'not_fulfilled', 'worsening'), -- 36/42; 39 -> 36
	('Egenförsörjning efter studieväg 2 och 3 i SFI', 81, 'Minst 65 %', 100.00, 'fulfilled', NULL),       -- one year: no trend
	('Godkända studieresultat inom vuxenutbildning', 86, 'Minst 84 %', 100.00, 'fulfilled', NULL),
	('Minskat återflöde', 31, 'Högst 31 %', 100.00, 'fulfilled', NULL),                                    -- 31 <= 31
	('Andel hushåll med långvarigt försörjningsstöd', 44, 'Högst 42 %', 95.45, 'partly', NULL),            -- 42/44 = 95.45 %
	('Utvecklingsprocesser där invånarna aktivt medverkar', 8, 'Minst 6', 100.00, 'fulfilled', 'improving'), -- 1 -> 8
	('Barn i försörjningsstödshushåll', 2086, 'Högst 2 100 barn', 100.00, 'fulfilled', 'improving'),       -- at most: 2315 -> 2086 falls
	-- omvärld
	('Andel av insats- och utbildningsbudgeten som utförs av externa leverantörer.', 56, 'Minst 57 %', 98.25, 'partly', NULL), -- 56/57
	('Fokus på arbete och studier i stadens områdes- och mötesplatsarbete.', 3, 'Minst 1', 100.00, 'fulfilled', 'improving'),  -- 0 -> 3
	('Samverkansavtal eller överenskommelser inom Familjen Helsingborg.', 3, 'Minst 3', 100.00, 'fulfilled', NULL),
	('Samverkansavtal eller överenskommelser med lokala myndigheter', 3, 'Minst 3', 100.00, 'fulfilled', NULL),
	('Utarbeta råd med branscher inför och under utbildnings- och insatsplanering', 0, 'Minst 5', 0.00, 'not_fulfilled', NULL), -- 0/5
	-- organisation
	('Index för hållbart medarbetarengagemang', 77, 'Minst index 79', 97.47, 'partly', 'improving'),      -- 77/79 = 97.47 %; 73 -> 77
	('Nöjda besökare', 85, 'Minst 85 %', 100.00, 'fulfilled', 'improving'),                                -- 85 >= 85
	('Utveckla nya e-tjänster utifrån invånarens behov', 1, 'Minst 1', 100.00, 'fulfilled', 'stable'),    -- 1 -> 1
	-- ekonomi
	('Ekonomiskt resultat', 8127, 'Minst 0 tkr', 100.00, 'fulfilled', 'improving'),                        -- T = 0: met -> 100; 2 -> 8 127
	('Invånare som får sysselsättning genom socialt ansvarstagande kopplat till upphandling', 13, 'Minst 40', 32.50, 'not_fulfilled', 'worsening'), -- 13/40
	('Intäkt av EU-bidrag eller annan extern finansiering', 3518, 'Minst 3 500 tkr', 100.00, 'fulfilled', 'worsening'), -- 6 757 -> 3 518
	-- Socialnämnden, invånare
	('Andel klienter som bor sex månader eller kortare vid förvaltningens egna akutboende (Fenix)', 58, 'Minst 60 %', 96.67, 'partly', 'stable'), -- 58/60; 59 -> 58 is -1.7 %, within 2 %
	('Andel barn och unga i identifierade riskzoner med förbättrade skolresultat', 100, '100 %', 100.00, 'fulfilled', 'improving'), -- bare 100 % = at least
	('Andel klienter inom Vuxen som fullföljer sin insats', 57, 'Minst 55 %', 100.00, 'fulfilled', 'improving'),
	('Klienternas helhetsintryck av förvaltningens arbete (Nöjd-Kund-Index; NKI)', 79, 'Minst NKI 75', 100.00, 'fulfilled', 'stable'), -- 78 -> 79: +1.3 %
	('Andel klienter inom Barn, unga och familj som fullföljer sin insats', 68, 'Minst 75 %', 90.67, 'partly', 'stable'), -- 68/75 = 90.67 % > 90
	('Andel berörda kontaktade inom 7 arbetsdagar sedan beslut om att inleda utredning är fattat (tjänstegaranti)', 80, '100 %', 80.00, 'not_fulfilled', NULL),
	('Andel ärenden om stadigvarande serveringstillstånd med högst två månaders handläggningstid (tjänstegaranti)', 97, '100 %', 97.00, 'partly', NULL),
	-- omvärld
	('Andel invånare i innovationsgrupper/utvecklingsprojekt', 70, '50 %', 100.00, 'fulfilled', NULL),
	('Andelen inköpta ekologiska och/eller närodlade livsmedel ska öka', 24, 'Minst 40 %', 60.00, 'not_fulfilled', 'worsening'),
	-- organisation
	('Hållbart medarbetarengagemang (HME)', 77, 'Minst 73', 100.00, 'fulfilled', 'improving'),
	('Andel enheter med ett HME (hållbart medarbetarengagemang) lika med eller högre än stadens utfall', 24, 'Minst 75 %', 32.00, 'not_fulfilled', NULL),
	('Andel enheter med sjukfrånvaro lägre än fem procent', 51, 'Minst 75 %', 68.00, 'not_fulfilled', 'worsening'),
	('Antal uppdrag inom våra serviceverksamheter', 2305, 'Minst 2 400', 96.04, 'partly', 'improving'),  -- 2305/2400
	-- ekonomi
	('Andel öppenvård av den totala vårdvolymen (biståndsbedömd vård)', 61, 'Minst 60 %', 100.00, 'fulfilled', 'improving'),
	('Genomsnittlig insatstid inom extern heldygnsvård (institutionsplaceringar)', 151, 'Högst 170 vårddygn', 100.00, 'fulfilled', NULL)
$$, 'metric_status 2016: every metric''s outcome, target, fulfilment, status and trend, row by row');

SELECT is((SELECT status_label FROM goalmetrics.metric_status WHERE metric = 'Egenförsörjning efter jobbprojekt' AND year = 2016),
	'Uppfyllelse 90 procent eller lägre', 'status_label is the report''s legend');
SELECT is((SELECT status_label FROM goalmetrics.metric_status WHERE metric = 'Nöjda besökare' AND year = 2016),
	'Uppfyllelse 100 procent', 'status_label of a met target');
SELECT is((SELECT count(*) FROM goalmetrics.metric_status WHERE year < 2016 AND status IS NOT NULL), 0::bigint,
	'an outcome without a target (2014, 2015) has no status');
SELECT is((SELECT count(*) FROM goalmetrics.metric_status), 72::bigint, 'one row per metric and year with a target or an outcome');

-- a target without an outcome is not followed up
INSERT INTO target SELECT metric_id, 2017, 'Minst 65 %' FROM metric WHERE name = 'Egenförsörjning efter jobbprojekt';
SELECT results_eq($$
	SELECT outcome, status, status_label, trend FROM goalmetrics.metric_status
	 WHERE metric = 'Egenförsörjning efter jobbprojekt' AND year = 2017
$$, $$ VALUES (NULL::numeric, 'not_followed_up'::text, 'Uppföljning är inte genomförd'::text, 'worsening'::text) $$,
	'a target without an outcome shows as not followed up (trend over 2015-2016: 60 -> 48)');
SELECT results_eq($$
	SELECT goal, status, metrics, not_followed_up FROM goalmetrics.goal_status WHERE year = 2017
$$, $$ VALUES ('Invånarnas egenförsörjning ska öka'::text, 'not_followed_up'::text, 1, 1) $$,
	'a goal with no followed-up metric is not followed up');
DELETE FROM target WHERE year = 2017;

-- ------------------------------------------------------------ goal_status
SELECT results_eq($$
	SELECT committee, goal, round(fulfilment, 2), status, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	  FROM goalmetrics.goal_status WHERE year = 2016 ORDER BY committee_sort, perspective_sort, goal_sort
$$, $$ VALUES
	-- (100 + 73.846 + 100 + 85.714 + 100 + 100 + 100) / 7 = 94.22: above 90, not all met
	('Arbetsmarknadsnämnden'::text, 'Invånarnas egenförsörjning ska öka'::text, 94.22::numeric, 'partly'::text, 7, 5, 0, 2, 0),
	('Arbetsmarknadsnämnden', 'Färre hushåll med långvarigt försörjningsstöd', 95.45, 'partly', 1, 0, 1, 0, 0),
	('Arbetsmarknadsnämnden', 'Invånarna ska ha inflytande på verksamhetens utveckling', 100.00, 'fulfilled', 1, 1, 0, 0, 0),
	('Arbetsmarknadsnämnden', 'Barn och ungas situation ska förbättras', 100.00, 'fulfilled', 1, 1, 0, 0, 0),
	-- (98.246 + 100 + 100 + 100 + 0) / 5 = 79.65
	('Arbetsmarknadsnämnden', 'Vi ska vara en ledande samarbetspartner', 79.65, 'not_fulfilled', 5, 3, 1, 1, 0),
	('Arbetsmarknadsnämnden', 'Vi ska vara en attraktiv arbetsgivare', 97.47, 'partly', 1, 0, 1, 0, 0),
	('Arbetsmarknadsnämnden', 'Vi ska öka tillgängligheten utifrån invånarnas förväntningar', 100.00, 'fulfilled', 2, 2, 0, 0, 0),
	-- (100 + 32.5 + 100) / 3 = 77.50
	('Arbetsmarknadsnämnden', 'Vår ekonomi ska vara balanserad och ta hänsyn till social och miljömässig hållbarhet', 77.50, 'not_fulfilled', 3, 2, 0, 1, 0),
	-- (96.667 + 100 + 100 + 100) / 4 = 99.17: not every metric met
	('Socialnämnden', 'Socialnämnden ska öka den enskildes möjlighet till sysselsättning, bostad och utbildning', 99.17, 'partly', 4, 3, 1, 0, 0),
	('Socialnämnden', 'Socialnämnden ska förbättra levnadsvillkoren för utsatta barn och unga', 90.67, 'partly', 1, 0, 1, 0, 0),
	-- (80 + 97) / 2 = 88.5
	('Socialnämnden', 'Utfästelsen kring nämndens tjänstegarantier ska hållas', 88.50, 'not_fulfilled', 2, 0, 1, 1, 0),
	('Socialnämnden', 'Socialnämnden ska öka invånarnas delaktighet och medskapande', 100.00, 'fulfilled', 1, 1, 0, 0, 0),
	('Socialnämnden', 'Socialnämnden ska minska sin miljöpåverkan', 60.00, 'not_fulfilled', 1, 0, 0, 1, 0),
	-- (100 + 32 + 68) / 3 = 66.67
	('Socialnämnden', 'Socialnämnden ska vara en attraktiv arbetsgivare', 66.67, 'not_fulfilled', 3, 1, 0, 2, 0),
	('Socialnämnden', 'Socialnämnden ska öka den enskildes möjlighet till personlig och elektronisk kontakt', 96.04, 'partly', 1, 0, 1, 0, 0),
	('Socialnämnden', 'Socialnämnden ska ha kostnadseffektiva lösningar', 100.00, 'fulfilled', 2, 2, 0, 0, 0)
$$, 'goal_status 2016: each goal rolled up from its metrics, row by row');

-- ----------------------------------------------------- perspective_status
SELECT results_eq($$
	SELECT committee, perspective, round(fulfilment, 2), status, goals, metrics
	  FROM goalmetrics.perspective_status WHERE year = 2016 ORDER BY committee_sort, perspective_sort
$$, $$ VALUES
	-- (94.223 + 95.455 + 100 + 100) / 4 = 97.42
	('Arbetsmarknadsnämnden'::text, 'Invånare'::text, 97.42::numeric, 'partly'::text, 4, 10),
	('Arbetsmarknadsnämnden', 'Omvärld', 79.65, 'not_fulfilled', 1, 5),
	-- (97.468 + 100) / 2 = 98.73
	('Arbetsmarknadsnämnden', 'Organisation', 98.73, 'partly', 2, 3),
	('Arbetsmarknadsnämnden', 'Ekonomi', 77.50, 'not_fulfilled', 1, 3),
	-- (99.167 + 90.667 + 88.5) / 3 = 92.78
	('Socialnämnden', 'Invånare', 92.78, 'partly', 3, 7),
	-- (100 + 60) / 2 = 80
	('Socialnämnden', 'Omvärld', 80.00, 'not_fulfilled', 2, 2),
	-- (66.667 + 96.042) / 2 = 81.35
	('Socialnämnden', 'Organisation', 81.35, 'not_fulfilled', 2, 4),
	('Socialnämnden', 'Ekonomi', 100.00, 'fulfilled', 1, 2)
$$, 'perspective_status 2016: the mean of the perspective''s goals, each goal once');

-- ------------------------------------------------------- committee_status
SELECT results_eq($$
	SELECT committee, round(fulfilment, 2), status, goals, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	  FROM goalmetrics.committee_status WHERE year = 2016 ORDER BY committee_sort
$$, $$ VALUES
	-- (94.223 + 95.455 + 100 + 100 + 79.649 + 97.468 + 100 + 77.5) / 8 = 93.04
	('Arbetsmarknadsnämnden'::text, 93.04::numeric, 'partly'::text, 8, 21, 14, 3, 4, 0),
	-- (99.167 + 90.667 + 88.5 + 100 + 60 + 66.667 + 96.042 + 100) / 8 = 87.63
	('Socialnämnden', 87.63, 'not_fulfilled', 8, 15, 7, 4, 4, 0)
$$, 'committee_status 2016: the mean of all the committee''s goals, each goal once');

-- ---------------------------------------------------------- annual_report
SELECT results_eq($$
	SELECT committee, perspective, goal, metric, outcome_prev2, outcome_prev1, outcome, target, status, status_label, trend
	  FROM goalmetrics.annual_report(2016)
$$, $$
	SELECT committee, perspective, goal, metric,
		   (SELECT o.value FROM goalmetrics.outcome o WHERE o.metric_id = ms.metric_id AND o.year = 2014),
		   (SELECT o.value FROM goalmetrics.outcome o WHERE o.metric_id = ms.metric_id AND o.year = 2015),
		   outcome, target, status, status_label, trend
	  FROM goalmetrics.metric_status ms WHERE year = 2016
	 ORDER BY committee_sort, perspective_sort, goal_sort, metric_sort
$$, 'annual_report(2016): every metric, three outcomes, target, status, label and trend, in the report''s order');
SELECT results_eq($$ SELECT metric, outcome_prev2, outcome_prev1, outcome FROM goalmetrics.annual_report(2016) LIMIT 3 $$,
	$$ VALUES ('Egenförsörjning efter gymnasial vuxenutbildning'::text, 65::numeric, 72::numeric, 75::numeric),
			  ('Egenförsörjning efter jobbprojekt', 59, 60, 48),
			  ('Aktiva försörjningsstödstagare', 87, 90, 92) $$,
	'the report starts as the seed page does, with the three years'' outcomes');
SELECT is((SELECT count(*) FROM goalmetrics.annual_report(2016, 'socialnämnden')), 15::bigint,
	'annual_report for one committee, named in any case');
SELECT is((SELECT string_agg(DISTINCT perspective, ',') FROM goalmetrics.annual_report(2016, 'Socialnämnden')),
	'Ekonomi,Invånare,Omvärld,Organisation', 'all four perspectives');
SELECT is((SELECT count(*) FROM goalmetrics.annual_report(2018)), 36::bigint,
	'a year whose window holds only 2016 still lists every metric');
SELECT is((SELECT count(*) FROM goalmetrics.annual_report(2019)), 0::bigint, 'a year with nothing in its window is empty');
SELECT results_eq($$ SELECT outcome_prev2, outcome_prev1, outcome, target, status
					  FROM goalmetrics.annual_report(2017) WHERE metric = 'Nöjda besökare' $$,
	$$ VALUES (83::numeric, 85::numeric, NULL::numeric, NULL::text, NULL::text) $$,
	'2017 shows 2015 and 2016 and an empty current year');

-- ------------------------------------------------------- views for BI tools
SELECT is_empty($$
	SELECT c.relname, a.attname, t.typname
	  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
	  JOIN pg_type t ON t.oid = a.atttypid
	 WHERE n.nspname = 'goalmetrics'
	   AND c.relname IN ('metric_status', 'goal_status', 'perspective_status', 'committee_status', 'summary')
	   AND t.typname NOT IN ('text', 'int4', 'numeric', 'timestamptz')
$$, 'the BI views and summary have only text, integer, numeric (and the run''s timestamptz) columns');
SELECT is_empty($$
	SELECT * FROM (VALUES ('metric_status', 'committee'), ('metric_status', 'perspective'), ('metric_status', 'goal'),
		('metric_status', 'metric'), ('metric_status', 'year'), ('metric_status', 'outcome'), ('metric_status', 'target'),
		('metric_status', 'target_value'), ('metric_status', 'fulfilment'), ('metric_status', 'status'),
		('metric_status', 'status_label'), ('metric_status', 'status_colour'), ('metric_status', 'trend'),
		('goal_status', 'committee'), ('goal_status', 'perspective'), ('goal_status', 'goal'), ('goal_status', 'year'),
		('goal_status', 'fulfilment'), ('goal_status', 'status'), ('goal_status', 'status_label'), ('goal_status', 'status_colour'),
		('perspective_status', 'committee'), ('perspective_status', 'perspective'), ('perspective_status', 'year'),
		('perspective_status', 'fulfilment'), ('perspective_status', 'status'), ('perspective_status', 'status_colour'),
		('committee_status', 'committee'), ('committee_status', 'year'), ('committee_status', 'fulfilment'),
		('committee_status', 'status'), ('committee_status', 'status_label'), ('committee_status', 'status_colour')) v(t, c)
	EXCEPT
	SELECT table_name::text COLLATE "default", column_name::text COLLATE "default"
	  FROM information_schema.columns WHERE table_schema = 'goalmetrics'
$$, 'the views have the columns the issue lists');
SELECT is((SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'goalmetrics' AND c.relkind = 'v' AND 'security_invoker=true' = ANY (c.reloptions)),
		  (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'goalmetrics' AND c.relkind = 'v'),
		  'every view is security_invoker');
SELECT is((SELECT status_colour FROM goalmetrics.goal_status WHERE year = 2016 AND goal = 'Socialnämnden ska minska sin miljöpåverkan'),
		  goalmetrics.status_colour('not_fulfilled'), 'status_colour as the fulfilment functions give it');

-- --------------------------------------------------------- refresh_summary
SELECT is(refresh_summary(2016), 62, 'refresh_summary(2016) writes 36 metrics, 16 goals, 8 perspectives and 2 committees');
CREATE TEMP TABLE first_run AS
	SELECT year, level, committee_id, perspective_id, goal_id, metric_id, fulfilment, status, parts, metrics, fulfilled, partly,
		   not_fulfilled, not_followed_up FROM summary;
SELECT is(refresh_summary(2016), 62, 'a second call writes the same number');
SELECT results_eq($$
	SELECT year, level, committee_id, perspective_id, goal_id, metric_id, fulfilment, status, parts, metrics, fulfilled, partly,
		   not_fulfilled, not_followed_up FROM goalmetrics.summary ORDER BY level, committee_id, perspective_id, goal_id, metric_id
$$, $$ SELECT * FROM first_run ORDER BY level, committee_id, perspective_id, goal_id, metric_id $$,
	'refresh_summary is idempotent: the same rows, not twice as many');
SELECT results_eq($$
	SELECT s.status::text, round(s.fulfilment, 2) FROM goalmetrics.summary s JOIN goalmetrics.committee c USING (committee_id)
	 WHERE s.level = 'committee' ORDER BY c.sort
$$, $$ VALUES ('partly'::text, 93.04::numeric), ('not_fulfilled', 87.63) $$,
	'the summary holds what committee_status shows');
SELECT results_eq($$
	SELECT DISTINCT partly_above, fulfilled_at, rollup_method, trend_tolerance, ran_at = now(), extension_version = goalmetrics.goalmetrics_version()
	  FROM goalmetrics.summary
$$, $$ VALUES (90::numeric, 100::numeric, 'mean'::text, 2::numeric, true, true) $$,
	'each row records when it ran and the settings and version it used');

SET LOCAL goalmetrics.partly_above = 95;
SELECT is(refresh_summary(2016), 62, 'a refresh under other settings ...');
SELECT results_eq($$
	SELECT DISTINCT partly_above FROM goalmetrics.summary
$$, $$ VALUES (95::numeric) $$, '... records them');
-- 94.22 was partly at 90 and is not fulfilled at 95; 95.45 stays partly
SELECT results_eq($$
	SELECT g.title, s.status::text FROM goalmetrics.summary s JOIN goalmetrics.goal g USING (goal_id)
	 WHERE s.level = 'goal' AND g.title IN ('Invånarnas egenförsörjning ska öka', 'Färre hushåll med långvarigt försörjningsstöd') ORDER BY g.sort
$$, $$ VALUES ('Invånarnas egenförsörjning ska öka'::text, 'not_fulfilled'::text),
			  ('Färre hushåll med långvarigt försörjningsstöd', 'partly') $$,
	'... and its statuses follow them');
-- the value in force, exactly: replaying what was recorded gives the same
-- status (a percent of 90.0000005 is not fulfilled at 90.000001, partly at 90)
SET LOCAL goalmetrics.partly_above = 90.000001;
SELECT is(refresh_summary(2016), 62, 'a refresh with partly_above = 90.000001 ...');
SELECT results_eq($$
	SELECT DISTINCT partly_above::text, status_of_percent(90.0000005, partly_above, fulfilled_at)::text FROM goalmetrics.summary
$$, $$ VALUES ('90.000001'::text, 'not_fulfilled'::text) $$,
	'... records 90.000001 exactly, not 90, so a replay gives the same status');
RESET goalmetrics.partly_above;
SELECT is(refresh_summary(2015), 23, 'a year without targets writes only the report''s lines (the 23 metrics with outcomes in 2013-2015) ...');
SELECT is((SELECT count(*) FROM goalmetrics.summary WHERE year = 2015 AND (level <> 'metric' OR status IS NOT NULL)), 0::bigint,
	'... with no status, and no goal, perspective or committee rows');

-- ------------------------------------------- the summary serves the report
RESET goalmetrics.partly_above;
SELECT is(refresh_summary(2016), 62, 'refresh_summary(2016) under the default settings again');
SELECT results_eq($$
	SELECT committee, perspective, goal, metric, year_prev2, outcome_prev2, year_prev1, outcome_prev1, outcome, target,
		   target_value, fulfilment, status, status_label, status_label_en, status_colour, trend
	  FROM goalmetrics.summary WHERE level = 'metric' AND year = 2016 ORDER BY report_order
$$, $$
	SELECT committee, perspective, goal, metric, year_prev2, outcome_prev2, year_prev1, outcome_prev1, outcome, target,
		   target_value, fulfilment, status, status_label, status_label_en, status_colour, trend
	  FROM goalmetrics.annual_report(2016)
$$, 'the summary''s metric level is the annual report, line by line, in its order');
-- the summary against the views, every level (status as text, filterable
-- with a varchar parameter)
SELECT is_empty($$
	(SELECT 'goal' AS level, goal_id, perspective_id, committee_id, fulfilment, status, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	   FROM goalmetrics.goal_status WHERE year = 2016
	 UNION ALL
	 SELECT 'perspective', NULL, perspective_id, committee_id, fulfilment, status, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	   FROM goalmetrics.perspective_status WHERE year = 2016
	 UNION ALL
	 SELECT 'committee', NULL, NULL, committee_id, fulfilment, status, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	   FROM goalmetrics.committee_status WHERE year = 2016)
	EXCEPT ALL
	SELECT level, goal_id, perspective_id, committee_id, fulfilment, status, metrics, fulfilled, partly, not_fulfilled, not_followed_up
	  FROM goalmetrics.summary WHERE year = 2016 AND level <> 'metric'
$$, 'every goal, perspective and committee row of the views is in the summary');
SELECT is((SELECT count(*) FROM goalmetrics.summary WHERE year = 2016 AND level <> 'metric'), 26::bigint, '... and nothing else');
SELECT is((SELECT count(*) FROM goalmetrics.summary WHERE status = 'partly'::varchar AND level = 'committee'), 1::bigint,
	'summary.status compares with a varchar parameter (text, not the enum)');
SELECT is((SELECT pg_typeof(ran_by)::text FROM goalmetrics.summary LIMIT 1), 'text', 'summary.ran_by is text');

-- it says when what it summarised changed: an outcome, a target (which has
-- no change time) and a deleted outcome
SELECT is((SELECT changed FROM goalmetrics.summary_changed(2016)), false, 'summary_changed: nothing changed after the run');
SAVEPOINT changes;
UPDATE target SET target = 'Minst 66 %' WHERE year = 2016 AND metric_id = (SELECT metric_id FROM metric WHERE name = 'Egenförsörjning efter jobbprojekt');
SELECT is((SELECT changed FROM goalmetrics.summary_changed(2016)), true, 'summary_changed: a changed target is seen');
ROLLBACK TO SAVEPOINT changes;
DELETE FROM outcome WHERE year = 2014 AND metric_id = (SELECT metric_id FROM metric WHERE name = 'Egenförsörjning efter jobbprojekt');
SELECT is((SELECT changed FROM goalmetrics.summary_changed(2016)), true, 'summary_changed: a deleted outcome in the trend''s window is seen');
ROLLBACK TO SAVEPOINT changes;
SELECT is((SELECT changed FROM goalmetrics.summary_changed(2013)), NULL::boolean, 'summary_changed: NULL for a year without a summary');

-- --------------------------------------- every view against a reference
-- Straightforward queries written from the rules, compared column by
-- column with the views on the same data (outcomes in 2014-2016, targets
-- in 2016, one extra target in 2015 and a 2017 target without outcome).
INSERT INTO target SELECT metric_id, 2015, 'Minst 50 %' FROM metric WHERE name = 'Egenförsörjning efter jobbprojekt';
INSERT INTO target SELECT metric_id, 2017, 'Högst 40 %' FROM metric WHERE name = 'Minskat återflöde';
UPDATE metric SET weight = 2 WHERE name = 'Egenförsörjning efter jobbprojekt';
CREATE TEMP VIEW ref_metric AS
SELECT m.metric_id, k.year, o.value AS outcome, format_target(t.target) AS target, target_value(t.target) AS target_value,
	   round(fulfilment(o.value, t.target), 4) AS fulfilment,
	   CASE WHEN t.target IS NOT NULL THEN status(o.value, t.target)::text END AS status,
	   (SELECT trend(o3.year, o3.value, coalesce(t.target,
				(SELECT t2.target FROM target t2 WHERE t2.metric_id = m.metric_id
				  ORDER BY t2.year <= k.year DESC, abs(t2.year - k.year) LIMIT 1)))::text
		  FROM outcome o3 WHERE o3.metric_id = m.metric_id AND o3.year BETWEEN k.year - 2 AND k.year) AS trend,
	   (SELECT o1.value FROM outcome o1 WHERE o1.metric_id = m.metric_id AND o1.year = k.year - 1) AS outcome_prev1,
	   (SELECT o2.value FROM outcome o2 WHERE o2.metric_id = m.metric_id AND o2.year = k.year - 2) AS outcome_prev2,
	   round(fulfilment((SELECT o1.value FROM outcome o1 WHERE o1.metric_id = m.metric_id AND o1.year = k.year - 1),
						(SELECT t1.target FROM target t1 WHERE t1.metric_id = m.metric_id AND t1.year = k.year - 1)), 4) AS fulfilment_prev1
  FROM (SELECT metric_id, year FROM target UNION SELECT metric_id, year FROM outcome) k
  JOIN metric m USING (metric_id)
  LEFT JOIN target t ON t.metric_id = k.metric_id AND t.year = k.year
  LEFT JOIN outcome o ON o.metric_id = k.metric_id AND o.year = k.year;
SELECT set_eq($$
	SELECT metric_id, year, outcome, target, target_value, fulfilment, status, trend, outcome_prev1, outcome_prev2, fulfilment_prev1
	  FROM goalmetrics.metric_status
$$, $$ SELECT * FROM ref_metric $$, 'metric_status equals the reference query, every row and column');
CREATE TEMP VIEW ref_goal AS
SELECT g.goal_id, g.perspective_id, g.committee_id, t.year, rollup(o.value, t.target, coalesce(m.weight, 1)) AS r
  FROM goal g JOIN metric m USING (goal_id) JOIN target t USING (metric_id)
  LEFT JOIN outcome o ON o.metric_id = t.metric_id AND o.year = t.year
 GROUP BY g.goal_id, g.perspective_id, g.committee_id, t.year;
SELECT set_eq($$
	SELECT goal_id, year, fulfilment, status, metrics, fulfilled, partly, not_fulfilled, not_followed_up, fulfilment_prev1, status_prev1
	  FROM goalmetrics.goal_status
$$, $$
	SELECT a.goal_id, a.year, round((a.r).fulfilment, 4) AS f, (a.r).status::text AS s, (a.r).metrics, (a.r).fulfilled, (a.r).partly,
		   (a.r).not_fulfilled, (a.r).not_followed_up, round((b.r).fulfilment, 4) AS f1, (b.r).status::text AS s1
	  FROM ref_goal a LEFT JOIN ref_goal b ON b.goal_id = a.goal_id AND b.year = a.year - 1
$$, 'goal_status equals the reference query (with the year before), every row');
CREATE TEMP VIEW ref_perspective AS
SELECT committee_id, perspective_id, year, rollup(r) AS r FROM ref_goal GROUP BY committee_id, perspective_id, year;
SELECT set_eq($$
	SELECT committee_id, perspective_id, year, fulfilment, status, goals, metrics, fulfilled, partly, not_fulfilled,
		   not_followed_up, fulfilment_prev1, status_prev1
	  FROM goalmetrics.perspective_status
$$, $$
	SELECT a.committee_id, a.perspective_id, a.year, round((a.r).fulfilment, 4) AS f, (a.r).status::text AS s, (a.r).parts, (a.r).metrics,
		   (a.r).fulfilled, (a.r).partly, (a.r).not_fulfilled, (a.r).not_followed_up, round((b.r).fulfilment, 4) AS f1, (b.r).status::text AS s1
	  FROM ref_perspective a
	  LEFT JOIN ref_perspective b ON b.committee_id = a.committee_id AND b.perspective_id = a.perspective_id AND b.year = a.year - 1
$$, 'perspective_status equals the reference query (with the year before), every row');
CREATE TEMP VIEW ref_committee AS
SELECT committee_id, year, rollup(r) AS r FROM ref_goal GROUP BY committee_id, year;
SELECT set_eq($$
	SELECT committee_id, year, fulfilment, status, goals, metrics, fulfilled, partly, not_fulfilled, not_followed_up,
		   fulfilment_prev1, status_prev1
	  FROM goalmetrics.committee_status
$$, $$
	SELECT a.committee_id, a.year, round((a.r).fulfilment, 4) AS f, (a.r).status::text AS s, (a.r).parts, (a.r).metrics,
		   (a.r).fulfilled, (a.r).partly, (a.r).not_fulfilled, (a.r).not_followed_up, round((b.r).fulfilment, 4) AS f1, (b.r).status::text AS s1
	  FROM ref_committee a LEFT JOIN ref_committee b ON b.committee_id = a.committee_id AND b.year = a.year - 1
$$, 'committee_status equals the reference query (with the year before), every row');
SELECT set_eq($$ SELECT goal_id, year, result FROM goalmetrics.goal_rollup $$,
	$$ SELECT goal_id, year, r FROM ref_goal $$, 'goal_rollup equals the reference query');
SELECT results_eq($$
	SELECT metric_id, outcome_prev2, outcome_prev1, outcome, target, status, trend FROM goalmetrics.annual_report(2017)
$$, $$
	SELECT m.metric_id,
		   (SELECT o.value FROM outcome o WHERE o.metric_id = m.metric_id AND o.year = 2015),
		   (SELECT o.value FROM outcome o WHERE o.metric_id = m.metric_id AND o.year = 2016),
		   r.outcome, r.target, r.status, r.trend
	  FROM metric m JOIN goal g USING (goal_id) JOIN committee c USING (committee_id) JOIN perspective p USING (perspective_id)
	  LEFT JOIN ref_metric r ON r.metric_id = m.metric_id AND r.year = 2017
	 WHERE EXISTS (SELECT FROM target t WHERE t.metric_id = m.metric_id AND t.year BETWEEN 2015 AND 2017)
		OR EXISTS (SELECT FROM outcome o WHERE o.metric_id = m.metric_id AND o.year BETWEEN 2015 AND 2017)
	 ORDER BY c.sort, c.name, p.sort, p.perspective_id, g.sort, g.goal_id, m.sort, m.metric_id
$$, 'annual_report(2017) equals the reference query (a 2017 target without outcome, the others empty)');

-- ------------------------------------------------------ what BI tools see
SELECT is_empty($$
	SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	 WHERE n.nspname = 'goalmetrics' AND c.relkind = 'v' AND col_description(c.oid, a.attnum) IS NULL
$$, 'every view column has a comment');
SELECT ok(NOT has_table_privilege('goalmetrics_reader', 'goalmetrics.goal_rollup', 'SELECT')
		  AND has_table_privilege('goalmetrics_reader', 'goalmetrics.goal_status', 'SELECT'),
	'readers do not get goal_rollup (a composite column): they read goal_status');
SELECT is_empty($$
	SELECT c.relname, a.attname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
	 WHERE n.nspname = 'goalmetrics' AND c.relkind = 'v' AND a.attname LIKE 'fulfilment%'
	   AND format_type(a.atttypid, a.atttypmod) NOT IN ('numeric(7,4)', 'numeric(7,6)')
$$, 'fulfilment columns have a declared precision and scale (percent 7,4; fraction 7,6)');
SELECT is((SELECT fulfilment_fraction FROM goalmetrics.goal_status WHERE year = 2016 AND goal = 'Socialnämnden ska minska sin miljöpåverkan'),
		  0.600000::numeric, 'fulfilment_fraction is the percent / 100');
INSERT INTO target SELECT metric_id, 2017, 'Minst 65 %' FROM metric WHERE name = 'Egenförsörjning efter jobbprojekt';
SELECT results_eq($$ SELECT DISTINCT status, status_rank, status_label_en FROM goalmetrics.metric_status WHERE status IS NOT NULL ORDER BY status_rank $$,
	$$ SELECT s::text, r::integer, goalmetrics.status_label(s, 'en')
		 FROM unnest(enum_range(NULL::goalmetrics.status_band)) WITH ORDINALITY u(s, r) $$,
	'status_rank sorts best first (1 fulfilled .. 4 not followed up); English labels beside the Swedish');
DELETE FROM target WHERE year = 2017 AND metric_id = (SELECT metric_id FROM metric WHERE name = 'Egenförsörjning efter jobbprojekt');
SELECT is((SELECT count(*) FROM information_schema.columns WHERE table_schema = 'goalmetrics'
			AND column_name IN ('parts') AND table_name IN ('goal_status', 'perspective_status', 'committee_status')), 0::bigint,
	'one name for the goal count (goals), no parts in the views');
SELECT results_eq($$
	SELECT (SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'goalmetrics.metric_status'::regclass AND attname = 'target'),
		   (SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'goalmetrics.annual_report_line'::regclass AND attname = 'target')
$$, $$ VALUES ('text'::text, 'text'::text) $$, 'target is text (as written) in metric_status and annual_report alike');

-- ------------------------------------------ row-level security and plans
-- A reader mapped to Socialnämnden sees exactly its rows in every view and
-- in annual_report(); the plan for one committee reaches every table's
-- index and decides membership once (hashed subplans, no subquery per
-- row).  enable_seqscan = off makes the planner show whether an index
-- path exists at all on this small data.
CREATE ROLE gm_test_bi_reader LOGIN IN ROLE goalmetrics_reader;
INSERT INTO committee_member SELECT 'gm_test_bi_reader', committee_id FROM committee WHERE name = 'Socialnämnden';
CREATE TEMP TABLE as_super AS
SELECT 'metric' AS v, md5(string_agg(x::text, ',' ORDER BY x::text)) AS h FROM goalmetrics.metric_status x WHERE committee = 'Socialnämnden'
UNION ALL SELECT 'goal', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.goal_status x WHERE committee = 'Socialnämnden'
UNION ALL SELECT 'perspective', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.perspective_status x WHERE committee = 'Socialnämnden'
UNION ALL SELECT 'committee', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.committee_status x WHERE committee = 'Socialnämnden'
UNION ALL SELECT 'report', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.annual_report(2016, 'Socialnämnden') x;
GRANT SELECT ON as_super TO gm_test_bi_reader;
CREATE FUNCTION pg_temp.plan_problems(q text) RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE
	line text;
	hashed text[] := '{}';
	named text[] := '{}';
	pending text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		-- an index scan without an Index Cond reads the whole index
		IF pending IS NOT NULL AND line !~ 'Index Cond' THEN
			RETURN NEXT 'whole index: ' || pending;
		END IF;
		pending := CASE WHEN line ~ 'Index (Only )?Scan using \w+ on (goal|metric|target|outcome) ' THEN btrim(line) END;
		-- committee is small and annual_report() matches its name in any
		-- case (lower()): it may be read whole
		IF line ~ 'Seq Scan on (goal|metric|target|outcome) ' THEN
			RETURN NEXT 'full scan: ' || btrim(line);
		END IF;
		hashed := hashed || ARRAY(SELECT m[1] FROM regexp_matches(line, 'hashed (SubPlan \d+)', 'g') m);
		named := named || ARRAY(SELECT m[1] FROM regexp_matches(line, '^\s*(?:->\s+)?(SubPlan \d+)\s*$', 'g') m);
	END LOOP;
	RETURN QUERY SELECT 'per-row subplan: ' || s FROM unnest(named) s WHERE s <> ALL (hashed);
END
$f$;
GRANT EXECUTE ON FUNCTION pg_temp.plan_problems(text) TO gm_test_bi_reader;
SET LOCAL enable_seqscan = off;
SELECT is_empty($$
	SELECT q, p FROM (VALUES
		('SELECT * FROM goalmetrics.metric_status WHERE committee = ''Socialnämnden'' AND year = 2016'),
		('SELECT * FROM goalmetrics.metric_status WHERE committee_id = 2 AND goal_id = 9 AND year = 2016'),
		('SELECT * FROM goalmetrics.goal_status WHERE committee = ''Socialnämnden'' AND year = 2016'),
		('SELECT * FROM goalmetrics.goal_status WHERE goal_id = 9 AND year = 2016'),
		('SELECT * FROM goalmetrics.perspective_status WHERE committee = ''Socialnämnden'' AND perspective = ''Ekonomi'' AND year = 2016'),
		('SELECT * FROM goalmetrics.committee_status WHERE committee_id = 2 AND year = 2016'),
		('SELECT * FROM goalmetrics.annual_report(2016, ''Socialnämnden'')')) v(q), pg_temp.plan_problems(q) p
$$, 'as superuser, a filter on committee, goal or perspective reaches every table''s index; no subplan per row');
SET LOCAL ROLE gm_test_bi_reader;
SELECT is_empty($$
	SELECT q, p FROM (VALUES
		('SELECT * FROM goalmetrics.metric_status WHERE committee = ''Socialnämnden'' AND year = 2016'),
		('SELECT * FROM goalmetrics.goal_status WHERE committee = ''Socialnämnden'' AND year = 2016'),
		('SELECT * FROM goalmetrics.perspective_status WHERE committee = ''Socialnämnden'' AND year = 2016'),
		('SELECT * FROM goalmetrics.committee_status WHERE committee = ''Socialnämnden'' AND year = 2016'),
		('SELECT * FROM goalmetrics.annual_report(2016, ''Socialnämnden'')')) v(q), pg_temp.plan_problems(q) p
$$, 'as a reader under row-level security too: membership is decided once per query (hashed), not per row');
RESET enable_seqscan;
SELECT is_empty($$
	SELECT 'metric', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.metric_status x
	UNION ALL SELECT 'goal', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.goal_status x
	UNION ALL SELECT 'perspective', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.perspective_status x
	UNION ALL SELECT 'committee', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.committee_status x
	UNION ALL SELECT 'report', md5(string_agg(x::text, ',' ORDER BY x::text)) FROM goalmetrics.annual_report(2016) x
	EXCEPT SELECT * FROM as_super
$$, 'the reader sees exactly its committee''s rows in every view and in annual_report(), nothing else');
RESET ROLE;

-- ------------------------------------------------ a published year's rules
-- What a year's statuses, labels, roll-ups and trends read as: every
-- view, annual_report(), report_csv() and report_html(); as the session's
-- role or as another.
CREATE FUNCTION pg_temp.published(r text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE t text;
BEGIN
	IF r IS NOT NULL THEN
		EXECUTE format('SET LOCAL ROLE %I', r);
	END IF;
	SELECT concat_ws(E'\n',
		(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM goalmetrics.metric_status x WHERE year = 2016),
		(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM goalmetrics.goal_status x WHERE year = 2016),
		(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM goalmetrics.perspective_status x WHERE year = 2016),
		(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM goalmetrics.committee_status x WHERE year = 2016),
		(SELECT string_agg(x::text, ',' ORDER BY x::text) FROM goalmetrics.annual_report(2016) x),
		goalmetrics.report_csv(2016),
		goalmetrics.report_html(2016))
	  INTO t;
	RESET ROLE;
	RETURN t;
END
$f$;
GRANT EXECUTE ON FUNCTION pg_temp.published(text) TO gm_test_bi_reader;
CREATE TEMP TABLE published_before AS SELECT pg_temp.published(NULL) AS super, pg_temp.published('gm_test_bi_reader') AS reader;
SET LOCAL goalmetrics.partly_above = 50;
SET LOCAL goalmetrics.fulfilled_at = 95;
SET LOCAL goalmetrics.rollup_method = 'worst';
SET LOCAL goalmetrics.trend_tolerance = 50;
SELECT isnt(pg_temp.published(NULL), (SELECT super FROM published_before),
	'without a rules row, 2016 follows the session''s settings (statuses, labels, roll-ups and trends change)');
RESET goalmetrics.partly_above;
RESET goalmetrics.fulfilled_at;
RESET goalmetrics.rollup_method;
RESET goalmetrics.trend_tolerance;
SELECT results_eq($$ SELECT year, partly_above, fulfilled_at, rollup_method FROM goalmetrics.publish_rules(2016) $$,
	$$ VALUES (2016, 90::numeric, 100::numeric, 'mean'::goalmetrics.rollup_method) $$, 'publish_rules(2016) fixes the settings in force as 2016''s rules');
SET LOCAL goalmetrics.partly_above = 50;
SET LOCAL goalmetrics.fulfilled_at = 95;
SET LOCAL goalmetrics.rollup_method = 'worst';
SET LOCAL goalmetrics.trend_tolerance = 50;
SELECT results_eq($$ SELECT year, partly_above, fulfilled_at FROM goalmetrics.publish_rules(2016) $$,
	$$ VALUES (2016, 90::numeric, 100::numeric) $$, '... once: publishing again under other settings keeps them');
SELECT is(pg_temp.published(NULL), (SELECT super FROM published_before),
	'a published year''s statuses, labels, roll-ups and trends (views, annual report, pages, CSV) do not change when the session SETs goalmetrics.*');
SELECT is(pg_temp.published('gm_test_bi_reader'), (SELECT reader FROM published_before),
	'... nor for a reader under row-level security');
SELECT results_eq($$ SELECT y, partly_above, fulfilled_at, fixed FROM unnest(ARRAY[2016, 2015]) y, goalmetrics.rules_for(y) $$,
	$$ VALUES (2016, 90::numeric, 100::numeric, true), (2015, 50, 95, false) $$,
	'rules_for(): the year''s row, else the settings in force');
SELECT ok(refresh_summary(2016) > 0, '(the summary of 2016 under other settings)');
SELECT results_eq($$
	SELECT DISTINCT partly_above, fulfilled_at FROM goalmetrics.summary WHERE year = 2016 $$,
	$$ VALUES (90::numeric, 100::numeric) $$, 'the summary records the year''s rules, not the session''s settings');
SELECT is_empty($$
	SELECT metric_id, status, status_label FROM goalmetrics.summary WHERE year = 2016 AND level = 'metric'
	EXCEPT SELECT metric_id, status, status_label FROM goalmetrics.annual_report(2016)
$$, '... and its metric rows are the published report''s');
SELECT results_eq($$ SELECT DISTINCT rollup_method, trend_tolerance FROM goalmetrics.summary WHERE year = 2016 $$,
	$$ VALUES ('mean'::text, 2::numeric) $$, '... its roll-up method and trend tolerance too');
RESET goalmetrics.partly_above;
RESET goalmetrics.fulfilled_at;
RESET goalmetrics.rollup_method;
RESET goalmetrics.trend_tolerance;
SELECT is((SELECT changed FROM goalmetrics.summary_changed(2016)), false, '(nothing changed since the refresh)');
UPDATE goalmetrics.rules SET partly_above = 80 WHERE year = 2016;
SELECT is((SELECT changed FROM goalmetrics.summary_changed(2016)), true, 'summary_changed: a changed rules row of the year is seen');

SELECT * FROM finish();
ROLLBACK;
