-- The views, annual_report() and refresh_summary() on the Helsingborg 2016
-- data.  Every expected status below is worked out by hand from the rules
-- (DOMAIN.md): at least T: outcome / T; at most T: T / outcome; met = 100;
-- > 90 and not met = partly; <= 90 = not fulfilled; a goal is the mean of
-- its metrics (capped), a perspective and a committee the mean of their
-- goals, fulfilled only at 100 with every metric met.
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SELECT plan(32);

\o /dev/null
\ir ../../data/helsingborg-2016.sql
\o

-- -------------------------------------------------------- metric_status
-- One row per metric, 2016, in the report's order: status, fulfilment
-- (rounded to 2 decimals) and trend 2014-2016.
SELECT results_eq($$
	SELECT metric, outcome, target_text, round(fulfilment, 2), status, trend
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
		   outcome, target_text, status, status_label, trend
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
	   AND c.relname IN ('metric_status', 'goal_status', 'perspective_status', 'committee_status')
	   AND t.typname NOT IN ('text', 'int4', 'numeric')
$$, 'the BI views have only text, integer and numeric columns');
SELECT is_empty($$
	SELECT * FROM (VALUES ('metric_status', 'committee'), ('metric_status', 'perspective'), ('metric_status', 'goal'),
		('metric_status', 'metric'), ('metric_status', 'year'), ('metric_status', 'outcome'), ('metric_status', 'target'),
		('metric_status', 'target_text'), ('metric_status', 'fulfilment'), ('metric_status', 'status'),
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
SELECT is(refresh_summary(2016), 26, 'refresh_summary(2016) writes 16 goals, 8 perspectives and 2 committees');
CREATE TEMP TABLE first_run AS
	SELECT year, level, committee_id, perspective_id, goal_id, fulfilment, status, parts, metrics, fulfilled, partly,
		   not_fulfilled, not_followed_up FROM summary;
SELECT is(refresh_summary(2016), 26, 'a second call writes the same number');
SELECT results_eq($$
	SELECT year, level, committee_id, perspective_id, goal_id, fulfilment, status, parts, metrics, fulfilled, partly,
		   not_fulfilled, not_followed_up FROM goalmetrics.summary ORDER BY level, committee_id, perspective_id, goal_id
$$, $$ SELECT * FROM first_run ORDER BY level, committee_id, perspective_id, goal_id $$,
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
SELECT is(refresh_summary(2016), 26, 'a refresh under other settings ...');
SELECT results_eq($$
	SELECT DISTINCT partly_above FROM goalmetrics.summary
$$, $$ VALUES (95::numeric) $$, '... records them');
-- 94.22 was partly at 90 and is not fulfilled at 95; 95.45 stays partly
SELECT results_eq($$
	SELECT g.title, s.status::text FROM goalmetrics.summary s JOIN goalmetrics.goal g USING (goal_id)
	 WHERE g.title IN ('Invånarnas egenförsörjning ska öka', 'Färre hushåll med långvarigt försörjningsstöd') ORDER BY g.sort
$$, $$ VALUES ('Invånarnas egenförsörjning ska öka'::text, 'not_fulfilled'::text),
			  ('Färre hushåll med långvarigt försörjningsstöd', 'partly') $$,
	'... and its statuses follow them');
-- the value in force, exactly: replaying what was recorded gives the same
-- status (a percent of 90.0000005 is not fulfilled at 90.000001, partly at 90)
SET LOCAL goalmetrics.partly_above = 90.000001;
SELECT is(refresh_summary(2016), 26, 'a refresh with partly_above = 90.000001 ...');
SELECT results_eq($$
	SELECT DISTINCT partly_above::text, status_of_percent(90.0000005, partly_above, fulfilled_at)::text FROM goalmetrics.summary
$$, $$ VALUES ('90.000001'::text, 'not_fulfilled'::text) $$,
	'... records 90.000001 exactly, not 90, so a replay gives the same status');
RESET goalmetrics.partly_above;
SELECT is(refresh_summary(2015), 0, 'a year without targets writes nothing');

SELECT * FROM finish();
ROLLBACK;
