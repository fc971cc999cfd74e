-- Security (issue 7): every function under a hostile search_path, no
-- SECURITY DEFINER without a pinned search_path, no write privilege for
-- PUBLIC, nothing created outside the schema goalmetrics, and row-level
-- security through every view and against leaky functions.  The basic
-- "member of one committee" rules are in 40_schema.sql; this file adds the
-- catalogue-wide rules that also hold for objects added later.
BEGIN;
SET LOCAL search_path = public, goalmetrics;
SET LOCAL client_min_messages = warning;

\ir ../../data/helsingborg-2016.sql
DO $$ BEGIN PERFORM goalmetrics.refresh_summary(y) FROM generate_series(2014, 2016) y; END $$;

-- ===================================================== hostile search_path
-- A schema "evil" goes first on the path, before pg_catalog, filled with
-- look-alikes of what a function body could name without qualifying it:
-- operators on the types in use, functions with pg_catalog's and
-- goalmetrics' names and signatures, aggregates, domains named like types
-- (a cast to one runs its CHECK), and views named like the extension's
-- relations (also as temporary views, which the path searches first for
-- relations).  Each look-alike calls evil.caught(), which counts the call
-- in a sequence (that survives rollbacks) and raises an error.
CREATE SCHEMA evil;
CREATE SEQUENCE evil.calls;
CREATE FUNCTION evil.caught(what text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_catalog.nextval('evil.calls');
	RAISE EXCEPTION 'look-alike % was called', what USING ERRCODE = 'EV001';
END
$$;

DO $evil$
DECLARE
	ty		text;
	op		text;
	f		record;
	n		int := 0;
BEGIN
	-- operators
	FOREACH ty IN ARRAY ARRAY['pg_catalog.text', 'pg_catalog.int4', 'pg_catalog.int8', 'pg_catalog.numeric',
							  'pg_catalog.name', 'pg_catalog.oid', 'pg_catalog.bool', 'pg_catalog.float8',
							  'pg_catalog.regclass', 'pg_catalog.tid', 'goalmetrics.metric_target', 'goalmetrics.status_band']
	LOOP
		FOREACH op IN ARRAY ARRAY['=', '<>', '<', '>', '<=', '>=', '+', '-', '*', '/', '||', '~', '~~', '%']
		LOOP
			n := n + 1;
			EXECUTE pg_catalog.format(
				'CREATE FUNCTION evil.op_%s(a %s, b %s) RETURNS boolean LANGUAGE sql AS %L',
				n, ty, ty, pg_catalog.format('SELECT evil.caught(%L)', 'operator ' || op || ' on ' || ty));
			EXECUTE pg_catalog.format('CREATE OPERATOR evil.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = evil.op_%s)',
									  op, ty, ty, n);
		END LOOP;
	END LOOP;
	EXECUTE 'CREATE FUNCTION evil.neg(a pg_catalog.numeric) RETURNS pg_catalog.numeric LANGUAGE sql AS $$ SELECT 0 WHERE evil.caught(''unary -'') $$';
	EXECUTE 'CREATE OPERATOR evil.- (RIGHTARG = pg_catalog.numeric, FUNCTION = evil.neg)';

	-- functions with the names and signatures of every goalmetrics
	-- function and of pg_catalog functions a body could use unqualified
	FOR f IN
		SELECT p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS args,
			   pg_catalog.format_type(p.prorettype, NULL) AS ret, p.proretset
		  FROM pg_catalog.pg_proc p
		 WHERE p.prokind = 'f'
		   AND (p.pronamespace = 'goalmetrics'::regnamespace
				OR (p.pronamespace = 'pg_catalog'::regnamespace
					AND p.proname IN ('lower', 'upper', 'btrim', 'length', 'now', 'regexp_replace', 'regexp_match',
									  'translate', 'current_setting', 'to_regclass', 'format', 'numeric_mul',
									  'numeric_div', 'numeric_add', 'numeric_sub', 'int4eq', 'texteq', 'textcat',
									  'abs', 'round', 'trunc', 'pg_has_role', 'pg_advisory_xact_lock', 'nullif',
									  'concat', 'concat_ws', 'string_to_array', 'array_to_string', 'replace',
									  'substr', 'position', 'strpos', 'left', 'right', 'lpad', 'repeat',
									  'clock_timestamp', 'statement_timestamp', 'set_config', 'version',
									  'current_database', 'current_schemas', 'pg_backend_pid', 'quote_ident',
									  'quote_literal', 'md5', 'numeric_in', 'numeric_out', 'textin', 'textout')))
		   AND NOT EXISTS (SELECT FROM pg_catalog.unnest(p.proargtypes::oid[]) a(t)
						   WHERE a.t IN ('pg_catalog.internal'::regtype, 'pg_catalog.cstring'::regtype,
										 'pg_catalog."any"'::regtype, 'pg_catalog.anyelement'::regtype,
										 'pg_catalog.anyarray'::regtype, 'pg_catalog.anynonarray'::regtype,
										 'pg_catalog.anycompatible'::regtype))
		   AND p.prorettype NOT IN ('pg_catalog.internal'::regtype, 'pg_catalog.cstring'::regtype,
									'pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype,
									'pg_catalog.anyelement'::regtype,
									'pg_catalog.void'::regtype, 'pg_catalog.record'::regtype)
		   AND p.provariadic = 0
	LOOP
		BEGIN
			EXECUTE pg_catalog.format(
				'CREATE FUNCTION evil.%I(%s) RETURNS %s%s LANGUAGE sql AS %L',
				f.proname, f.args, CASE WHEN f.proretset THEN 'SETOF ' ELSE '' END, f.ret,
				pg_catalog.format('SELECT NULL::%s WHERE evil.caught(%L)', f.ret,
								  'function ' || f.proname || '(' || f.args || ')'));
		EXCEPTION WHEN duplicate_function THEN NULL;
		END;
	END LOOP;

	-- aggregates
	EXECUTE 'CREATE FUNCTION evil.agg_t(s pg_catalog.text, a pg_catalog.text, b pg_catalog.text) RETURNS pg_catalog.text LANGUAGE sql AS $$ SELECT NULL::pg_catalog.text WHERE evil.caught(''aggregate string_agg'') $$';
	EXECUTE 'CREATE AGGREGATE evil.string_agg(pg_catalog.text, pg_catalog.text) (SFUNC = evil.agg_t, STYPE = pg_catalog.text)';
	EXECUTE 'CREATE FUNCTION evil.agg_c(s pg_catalog.int8) RETURNS pg_catalog.int8 LANGUAGE sql AS $$ SELECT NULL::pg_catalog.int8 WHERE evil.caught(''aggregate count(*)'') $$';
	EXECUTE 'CREATE AGGREGATE evil.count(*) (SFUNC = evil.agg_c, STYPE = pg_catalog.int8, INITCOND = ''0'')';
	EXECUTE 'CREATE FUNCTION evil.agg_n(s pg_catalog.numeric, a pg_catalog.numeric) RETURNS pg_catalog.numeric LANGUAGE sql AS $$ SELECT NULL::pg_catalog.numeric WHERE evil.caught(''aggregate on numeric'') $$';
	EXECUTE 'CREATE AGGREGATE evil.sum(pg_catalog.numeric) (SFUNC = evil.agg_n, STYPE = pg_catalog.numeric)';
	EXECUTE 'CREATE AGGREGATE evil.max(pg_catalog.numeric) (SFUNC = evil.agg_n, STYPE = pg_catalog.numeric)';
	EXECUTE 'CREATE AGGREGATE evil.avg(pg_catalog.numeric) (SFUNC = evil.agg_n, STYPE = pg_catalog.numeric)';
	EXECUTE 'CREATE FUNCTION evil.agg_r(s goalmetrics.rollup_state, a pg_catalog.numeric, b goalmetrics.metric_target) RETURNS goalmetrics.rollup_state LANGUAGE sql AS $$ SELECT NULL::goalmetrics.rollup_state WHERE evil.caught(''aggregate rollup'') $$';
	EXECUTE 'CREATE AGGREGATE evil.rollup(pg_catalog.numeric, goalmetrics.metric_target) (SFUNC = evil.agg_r, STYPE = goalmetrics.rollup_state)';

	-- domains named like types: a cast to one runs its CHECK
	FOREACH ty IN ARRAY ARRAY['text', 'int4', 'int8', 'int2', 'float8', 'float4', 'bool', 'name', 'oid',
							  'regclass', 'date', 'timestamptz', 'jsonb', 'bytea']
	LOOP
		EXECUTE pg_catalog.format('CREATE DOMAIN evil.%I AS pg_catalog.%I CHECK (evil.caught(%L))',
								  ty, ty, 'domain evil.' || ty);
	END LOOP;
	FOREACH ty IN ARRAY ARRAY['metric_target', 'status', 'rollup_state', 'trend_state', 'rollup_result',
							  'annual_report_line']
	LOOP
		IF pg_catalog.to_regtype('goalmetrics.' || ty) IS NOT NULL THEN
			EXECUTE pg_catalog.format('CREATE DOMAIN evil.%I AS goalmetrics.%I CHECK (evil.caught(%L))',
									  ty, ty, 'domain evil.' || ty);
		END IF;
	END LOOP;

	-- relations with the extension's names, in evil and in pg_temp
	FOR f IN SELECT c.relname FROM pg_catalog.pg_class c
			  WHERE c.relnamespace = 'goalmetrics'::regnamespace AND c.relkind IN ('r', 'v')
	LOOP
		EXECUTE pg_catalog.format('CREATE VIEW evil.%I AS SELECT * FROM goalmetrics.%I WHERE evil.caught(%L)',
								  f.relname, f.relname, 'relation evil.' || f.relname);
		EXECUTE pg_catalog.format('CREATE TEMP VIEW %I AS SELECT * FROM goalmetrics.%I WHERE evil.caught(%L)',
								  f.relname, f.relname, 'relation pg_temp.' || f.relname);
	END LOOP;

	-- pg_temp functions (the path never finds functions there)
	EXECUTE 'CREATE FUNCTION pg_temp.lower(pg_catalog.text) RETURNS pg_catalog.text LANGUAGE sql AS $$ SELECT NULL::pg_catalog.text WHERE evil.caught(''pg_temp.lower'') $$';
	EXECUTE 'CREATE FUNCTION pg_temp.now() RETURNS pg_catalog.timestamptz LANGUAGE sql AS $$ SELECT NULL::pg_catalog.timestamptz WHERE evil.caught(''pg_temp.now'') $$';
END
$evil$;

-- run(q, hostile): the value of q (one text value) with the hostile path or
-- the normal one, or 'ERROR <sqlstate>'.  Each run happens in a
-- subtransaction that is rolled back, so that runs of writing functions
-- (refresh_summary, import_report) see the same data; the path goes back
-- with it.
CREATE FUNCTION pg_temp.run(q text, hostile boolean) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	r	text;
BEGIN
	BEGIN
		IF hostile THEN
			PERFORM pg_catalog.set_config('search_path', 'evil, pg_catalog, goalmetrics, public', true);
		END IF;
		EXECUTE q INTO r;
		RAISE EXCEPTION USING ERRCODE = 'GMRB1';
	EXCEPTION
		WHEN SQLSTATE 'GMRB1' THEN NULL;
		WHEN OTHERS THEN r := 'ERROR ' || SQLSTATE;
	END;
	RETURN coalesce(r, '(null)');
END
$$;

-- The calls: every function of the extension with meaningful arguments,
-- every view, the annual report, the writing functions and the trigger.
-- Written so that the calling statement itself names nothing through the
-- path (qualified functions, no operators, pg_catalog.text casts).
CREATE TEMP TABLE calls (id serial, q text NOT NULL, generated boolean DEFAULT false) ON COMMIT DROP;
INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target, lower_is_better)
VALUES ('Säkerhetsnämnden', 'invånare', 'Trygghet', 'Anmälda brott', 2016, E'2\u00a0315', '13', true),
	   ('Säkerhetsnämnden', 'Finance', 'Budget', 'Resultat', 2016, '−4,5', 'Minst 0 tkr', NULL),
	   ('Säkerhetsnämnden', 'Invånare', 'Trygghet', 'Oläsbar', 2016, 'fem', 'ungefär 5', NULL);
INSERT INTO calls (q) VALUES
	($$SELECT goalmetrics.goalmetrics_version()$$),
	($$SELECT CAST('Högst 2 100 barn' AS goalmetrics.metric_target)::pg_catalog.text$$),
	($$SELECT goalmetrics.try_metric_target('Öka från 70 % till 75 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.format_target('Mellan 95 och 105 %', 'english')$$),
	($$SELECT goalmetrics.format_target('Minst index 79', 'symbolic')$$),
	($$SELECT goalmetrics.target_comparator('ska minska från 40 till 32 dagar')$$),
	($$SELECT goalmetrics.target_value('Minst 72,3')::pg_catalog.text$$),
	($$SELECT goalmetrics.target_upper('Mellan 95 och 105 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.target_baseline('Öka från 70 % till 75 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.target_unit('Minst 65 procent')$$),
	($$SELECT goalmetrics.higher_is_better('Högst 31 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.target_is_bare('100 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.metric_target('at_least', 65, '%')::pg_catalog.text$$),
	($$SELECT goalmetrics.metric_target_range(95, 105, '%')::pg_catalog.text$$),
	($$SELECT goalmetrics.with_comparator('13', 'at_most')::pg_catalog.text$$),
	($$SELECT goalmetrics.metric_target_send('Minst 65 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.metric_target_cmp('Minst 65 %', 'Minst 65,0 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.metric_target_hash_extended('Minst 65 %', 7)::pg_catalog.text$$),
	($$SELECT goalmetrics.fulfilment(68, 'Minst 75 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.fulfilment(35, 'Högst 31,5', false)::pg_catalog.text$$),
	($$SELECT goalmetrics.fulfilment(81.9::pg_catalog.float8, 'Minst 91')::pg_catalog.text$$),
	($$SELECT goalmetrics.fulfilment(4.1::pg_catalog.float4, 'Minst 5')::pg_catalog.text$$),
	($$SELECT goalmetrics.fulfilment(2086::pg_catalog.int8, 'Högst 2 100 barn')::pg_catalog.text$$),
	($$SELECT goalmetrics.meets(74, 'Öka från 70 % till 75 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.status(68, 'Minst 75 %')::pg_catalog.text$$),
	($$SELECT goalmetrics.status(68, 'Minst 75 %', 95, 100)::pg_catalog.text$$),
	($$SELECT goalmetrics.status_of_percent(90.5)::pg_catalog.text$$),
	($$SELECT goalmetrics.status_of_percent(90.5, 80, 95)::pg_catalog.text$$),
	($$SELECT goalmetrics.status_label('partly', 'en')$$),
	($$SELECT goalmetrics.status_colour('not_fulfilled')$$),
	($$SELECT goalmetrics.status_symbol('not_followed_up')$$),
	($$SELECT goalmetrics.trend_symbol('improving')$$),
	($$SELECT goalmetrics.rollup(o, t)::pg_catalog.text FROM (VALUES (59::pg_catalog.numeric, 'Minst 65 %'::goalmetrics.metric_target), (2086, 'Högst 2 100 barn'), (NULL, 'Minst 6')) v(o, t)$$),
	($$SELECT goalmetrics.rollup(o, t, w)::pg_catalog.text FROM (VALUES (59::pg_catalog.numeric, 'Minst 65 %'::goalmetrics.metric_target, 2::pg_catalog.numeric), (2086, 'Högst 2 100 barn', 1)) v(o, t, w)$$),
	($$SELECT goalmetrics.rollup(r)::pg_catalog.text FROM (SELECT goalmetrics.rollup(o, t) AS r FROM (VALUES (1, 59::pg_catalog.numeric, 'Minst 65 %'::goalmetrics.metric_target), (2, 90, 'Högst 31')) v(g, o, t) GROUP BY g) s$$),
	($$SELECT goalmetrics.trend(y, o, t) FROM (VALUES (2014, 59::pg_catalog.numeric, 'Minst 65 %'::goalmetrics.metric_target), (2015, 60, 'Minst 65 %'), (2016, 48, 'Minst 65 %')) v(y, o, t)$$),
	($$SELECT goalmetrics.rollup_final(goalmetrics.rollup_combine(goalmetrics.rollup_accum(NULL, 59, 'Minst 65 %'), goalmetrics.rollup_inverse(goalmetrics.rollup_accum(goalmetrics.rollup_accum(NULL, 1, 'Minst 5'), 2, 'Minst 5'), 1, 'Minst 5')))::pg_catalog.text$$),
	($$SELECT goalmetrics.trend_final(goalmetrics.trend_combine(goalmetrics.trend_accum(NULL, 2014, 59, 'Minst 65 %'), goalmetrics.trend_accum(NULL, 2016, 70, 'Minst 65 %')))$$),
	($$SELECT goalmetrics.rollup_state_out(goalmetrics.rollup_accum(NULL, 59, 'Minst 65 %'))::pg_catalog.text$$),
	($$SELECT goalmetrics.import_clean(E'  Minst\t65 %  ')$$),
	($$SELECT goalmetrics.outcome_problem('59 60')$$),
	($$SELECT goalmetrics.read_outcome('−4,5')::pg_catalog.text$$),
	($$SELECT goalmetrics.format_outcome(3518, 'Minst 3 500 tkr') OPERATOR(pg_catalog.||) goalmetrics.format_outcome(72.3, 'Minst 65 %', 'sheet')$$),
	($$SELECT goalmetrics.html_escape('<a title="x">&</a>') OPERATOR(pg_catalog.||) goalmetrics.trend_label('improving', 'en')$$),
	($$SELECT pg_catalog.md5(goalmetrics.report_html(2016)) OPERATOR(pg_catalog.||) pg_catalog.md5(goalmetrics.report_html(2016, 'SOCIALNÄMNDEN', 'en'))$$),
	($$SELECT pg_catalog.md5(goalmetrics.report_csv(2016))$$),
	($$SELECT pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text) FROM goalmetrics.annual_report(2016) r$$),
	($$SELECT pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text) FROM goalmetrics.annual_report(2016, 'SOCIALNÄMNDEN') r$$),
	($$SELECT goalmetrics.refresh_summary(2016)::pg_catalog.text OPERATOR(pg_catalog.||) (SELECT pg_catalog.string_agg(s::pg_catalog.text, E'\n' ORDER BY s::pg_catalog.text) FROM (SELECT year, level, committee_id, perspective_id, goal_id, fulfilment, status, status_label, parts, metrics, fulfilled, partly, not_fulfilled, not_followed_up, partly_above, fulfilled_at, rollup_method FROM goalmetrics.summary) s)$$),
	($$SELECT goalmetrics.import_report()::pg_catalog.text OPERATOR(pg_catalog.||) (SELECT pg_catalog.string_agg(r::pg_catalog.text, E'\n' ORDER BY r::pg_catalog.text) FROM goalmetrics.report_import r) OPERATOR(pg_catalog.||) (SELECT pg_catalog.string_agg(t::pg_catalog.text, E'\n' ORDER BY t::pg_catalog.text) FROM goalmetrics.target t)$$),
	($$WITH u AS (UPDATE goalmetrics.outcome SET value = 1 WHERE year OPERATOR(pg_catalog.=) 2016 RETURNING changed_by) SELECT pg_catalog.count(*)::pg_catalog.text FROM u$$);

-- every view of the extension, in full
INSERT INTO calls (q)
SELECT pg_catalog.format($$SELECT pg_catalog.md5(pg_catalog.string_agg(v::pg_catalog.text, E'\n' ORDER BY v::pg_catalog.text)) FROM goalmetrics.%I v$$, c.relname)
  FROM pg_catalog.pg_class c
 WHERE c.relnamespace = 'goalmetrics'::regnamespace AND c.relkind = 'v';

-- any function not named above (added later): called with one sample per
-- argument type, so that it too runs under the hostile path
INSERT INTO calls (q, generated)
SELECT pg_catalog.format('SELECT goalmetrics.%I(%s)::pg_catalog.text', p.proname,
		 pg_catalog.string_agg(CASE a.t
			WHEN 'numeric'::regtype THEN '59::pg_catalog.numeric'
			WHEN 'integer'::regtype THEN '2016'
			WHEN 'bigint'::regtype THEN '59::pg_catalog.int8'
			WHEN 'double precision'::regtype THEN '81.9::pg_catalog.float8'
			WHEN 'real'::regtype THEN '4.1::pg_catalog.float4'
			WHEN 'boolean'::regtype THEN 'false'
			WHEN 'text'::regtype THEN '''Minst 65 %''::pg_catalog.text'
			WHEN 'cstring'::regtype THEN '''Minst 65 %''::pg_catalog.cstring'
			WHEN 'goalmetrics.metric_target'::regtype THEN '''Minst 65 %''::goalmetrics.metric_target'
			WHEN 'goalmetrics.status_band'::regtype THEN '''partly''::goalmetrics.status_band'
			ELSE (SELECT pg_catalog.format('NULL::%I.%I', n.nspname, t.typname)
					FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
				   WHERE t.oid = a.t) END, ', ' ORDER BY a.n)), true
  FROM pg_catalog.pg_proc p
  CROSS JOIN LATERAL pg_catalog.unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, n)
 WHERE p.pronamespace = 'goalmetrics'::regnamespace AND p.prokind = 'f'
   AND p.prorettype NOT IN ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype, 'pg_catalog.internal'::regtype)
   AND NOT 'pg_catalog.internal'::regtype = ANY (p.proargtypes::oid[])
   AND NOT EXISTS (SELECT FROM calls c WHERE c.q LIKE '%goalmetrics.' || p.proname || '(%')
 GROUP BY p.oid;

SELECT plan(
	(SELECT count(*)::integer FROM calls)	-- same result with the hostile path
	+ 3		-- calls succeed, traps never fired, traps do fire
	+ 5		-- SECURITY DEFINER, pinned search_path
	+ 6		-- PUBLIC privileges
	+ (SELECT count(*)::integer FROM pg_catalog.pg_class c
		WHERE c.relnamespace = 'goalmetrics'::regnamespace AND c.relkind = 'r') * 4	-- a role without grants
	+ 4		-- nothing outside the schema
	+ 9		-- row-level security, views and leaks
	+ 4		-- CREATE EXTENSION under a hostile path
);

-- ------------------------------------------------------------ assertions
SELECT is(pg_temp.run(q, true), pg_temp.run(q, false),
		  pg_catalog.format('same result with look-alikes first on the path: %s',
							pg_catalog.left(pg_catalog.regexp_replace(q, '\s+', ' ', 'g'), 150)))
  FROM calls ORDER BY id;

SELECT is((SELECT pg_catalog.array_agg(q ORDER BY id) FROM calls
			WHERE NOT generated AND pg_temp.run(q, false) LIKE 'ERROR %'), NULL,
		  'every call above works (so that the comparison means something)');
SELECT is((SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM evil.calls), 0::bigint,
		  'no look-alike was ever called');
-- the traps work: unqualified names in a query of our own do reach them
SELECT is(ARRAY[pg_temp.run($$SELECT 'x'::text$$, true), pg_temp.run($$SELECT lower('X')$$, true),
				pg_temp.run($$SELECT (1 = 1)::pg_catalog.text$$, true),
				pg_temp.run($$SELECT count(*)::pg_catalog.text FROM outcome$$, true)],
		  ARRAY['ERROR EV001', 'ERROR EV001', 'ERROR EV001', 'ERROR EV001'],
		  'positive control: a domain, a function, an operator and a relation look-alike are caught');
CREATE TEMP TABLE calls_after_controls AS
	SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM evil.calls;

-- ============================================ SECURITY DEFINER and path
CREATE TEMP VIEW ext_functions AS
SELECT p.oid, p.oid::regprocedure AS fn, p.prosecdef, p.proconfig, p.prosqlbody IS NOT NULL AS sql_body,
	   l.lanname,
	   (SELECT pg_catalog.substr(c, 13) FROM pg_catalog.unnest(p.proconfig) c WHERE c LIKE 'search_path=%') AS path
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_language l ON l.oid = p.prolang
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
 WHERE d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'goalmetrics');

SELECT is((SELECT pg_catalog.array_agg(fn::text) FROM ext_functions WHERE prosecdef AND path IS NULL), NULL,
		  'no SECURITY DEFINER function without a pinned search_path');
SELECT is((SELECT pg_catalog.array_agg(fn::text) FROM ext_functions
			WHERE path IS NOT NULL AND path !~ '(^|,\s*)pg_temp$'), NULL,
		  'every pinned search_path names pg_temp, last (else temporary objects come first)');
SELECT is((SELECT pg_catalog.array_agg(fn::text) FROM ext_functions
			WHERE path IS NOT NULL AND path !~ '^(pg_catalog|"pg_catalog")'), NULL,
		  'every pinned search_path starts with pg_catalog');
SELECT is((SELECT pg_catalog.array_agg(fn::text) FROM ext_functions WHERE lanname = 'plpgsql' AND path IS NULL), NULL,
		  'every PL/pgSQL function pins its search_path');
-- (SQL functions with a string body, such as version(), are parsed at each
-- call with the caller's path: the hostile-path calls above are what
-- proves them safe.)
SELECT is((SELECT pg_catalog.array_agg(fn::text) FROM ext_functions f
			WHERE f.prosecdef AND pg_catalog.has_function_privilege('public', f.oid, 'EXECUTE')
			  AND (SELECT provolatile FROM pg_catalog.pg_proc WHERE oid = f.oid) = 'v'), NULL,
		  'no volatile SECURITY DEFINER function is executable by PUBLIC');

-- ===================================================== PUBLIC privileges
CREATE TEMP VIEW ext_relations AS
SELECT c.oid, c.oid::regclass AS rel, c.relkind, c.relacl, c.relrowsecurity, c.reloptions
  FROM pg_catalog.pg_class c
 WHERE c.relnamespace = 'goalmetrics'::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S', 'p', 'f');

SELECT is((SELECT pg_catalog.array_agg(r.rel::text || ': ' || a.privilege_type)
			 FROM ext_relations r, pg_catalog.aclexplode(r.relacl) a
			WHERE a.grantee = 0 AND a.privilege_type <> 'SELECT'), NULL,
		  'PUBLIC holds no privilege but SELECT on any table, view or sequence');
SELECT is((SELECT pg_catalog.array_agg(r.rel::text) FROM ext_relations r, pg_catalog.aclexplode(r.relacl) a
			WHERE a.grantee = 0 AND r.relkind IN ('r', 'p', 'S', 'm')), NULL,
		  'PUBLIC holds no privilege at all on the tables and sequences');
SELECT is((SELECT pg_catalog.array_agg(a.privilege_type) FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
			WHERE n.nspname = 'goalmetrics' AND a.grantee = 0 AND a.privilege_type = 'CREATE'), NULL,
		  'PUBLIC cannot create objects in the schema goalmetrics');
SELECT is((SELECT pg_catalog.array_agg(t.oid::regtype::text) FROM pg_catalog.pg_type t, pg_catalog.aclexplode(t.typacl) a
			WHERE t.typnamespace = 'goalmetrics'::regnamespace AND a.grantee = 0 AND a.privilege_type <> 'USAGE'), NULL,
		  'PUBLIC holds nothing but USAGE on the types');
SELECT is((SELECT pg_catalog.array_agg(fn::text ORDER BY fn::text) FROM ext_functions f
			WHERE (SELECT provolatile FROM pg_catalog.pg_proc WHERE oid = f.oid) = 'v'
			  AND pg_catalog.has_function_privilege('public', f.oid, 'EXECUTE')
			  AND (SELECT prorettype FROM pg_catalog.pg_proc WHERE oid = f.oid)
				  NOT IN ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype)), NULL,
		  'PUBLIC executes no volatile (writing) function');
SELECT is((SELECT pg_catalog.count(*) FROM pg_catalog.pg_default_acl d WHERE d.defaclnamespace = 'goalmetrics'::regnamespace),
		  0::bigint, 'no default privileges in the schema grant anything to anyone later');

-- a role with nothing but PUBLIC's privileges (and USAGE on the schema, so
-- that table privileges are what is tested) writes nothing anywhere
CREATE ROLE regress_gm_nobody;
GRANT USAGE ON SCHEMA goalmetrics TO regress_gm_nobody;
CREATE FUNCTION pg_temp.as_nobody(q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	SET LOCAL ROLE regress_gm_nobody;
	EXECUTE q;
END
$$;
SELECT throws_ok(pg_catalog.format('SELECT pg_temp.as_nobody(%L)',
					pg_catalog.format(q, 'goalmetrics.' || pg_catalog.quote_ident(c.relname),
									  (SELECT pg_catalog.quote_ident(a.attname) FROM pg_catalog.pg_attribute a
										WHERE a.attrelid = c.oid AND a.attnum = 1))), '42501', NULL,
				 pg_catalog.format('a role without grants cannot %s %s', w, c.relname))
  FROM pg_catalog.pg_class c,
	   (VALUES ('INSERT INTO %s DEFAULT VALUES', 'INSERT INTO'), ('UPDATE %s SET %2$s = %2$s', 'UPDATE'),
			   ('DELETE FROM %s', 'DELETE FROM'), ('TRUNCATE %s', 'TRUNCATE')) v(q, w)
 WHERE c.relnamespace = 'goalmetrics'::regnamespace AND c.relkind = 'r'
 ORDER BY c.relname, w;

-- ============================================ nothing outside the schema
CREATE TEMP VIEW ext_members AS
SELECT o.type, o.schema, o.identity
  FROM pg_catalog.pg_depend d, LATERAL pg_catalog.pg_identify_object(d.classid, d.objid, 0) o
 WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
   AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'goalmetrics');

SELECT cmp_ok((SELECT pg_catalog.count(*) FROM ext_members), '>', 100::bigint, 'the extension has its members');
SELECT is((SELECT pg_catalog.array_agg(type || ' ' || identity) FROM ext_members
			WHERE schema IS NOT NULL AND schema <> 'goalmetrics'), NULL,
		  'every member in a schema is in goalmetrics');
SELECT is((SELECT pg_catalog.array_agg(DISTINCT type || CASE WHEN type = 'event trigger' THEN ' ' || identity ELSE '' END)
			 FROM ext_members WHERE schema IS NULL),
		  ARRAY['cast', 'event trigger goalmetrics_drop_guard', 'event trigger goalmetrics_drop_guard_end'],
		  'the members outside any schema are casts (of its own types) and the two event triggers of the DROP EXTENSION guard only');
SELECT is((SELECT pg_catalog.array_agg(identity) FROM ext_members WHERE type = 'cast'
			AND identity !~ 'goalmetrics\.'), NULL, 'every cast involves a goalmetrics type');

-- ============================================== row-level security, more
SELECT is((SELECT pg_catalog.array_agg(rel::text) FROM ext_relations
			WHERE relkind = 'v' AND NOT coalesce('security_invoker=true' = ANY (reloptions), false)), NULL,
		  'every view is security_invoker, so row-level security applies through it');
SELECT is((SELECT pg_catalog.array_agg(r.rel::text) FROM ext_relations r
			WHERE r.relkind = 'r' AND NOT r.relrowsecurity
			  AND EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid = r.oid AND NOT a.attisdropped
						  AND a.attname IN ('committee_id', 'goal_id', 'metric_id', 'committee'))
			  AND (pg_catalog.has_table_privilege('goalmetrics_reader', r.oid, 'SELECT')
				   OR pg_catalog.has_table_privilege('goalmetrics_writer', r.oid, 'SELECT')
				   OR pg_catalog.has_table_privilege('goalmetrics_writer', r.oid, 'INSERT'))), NULL,
		  'every table of committee data that readers or writers reach has row-level security');

-- a member of one committee, and a role mapped to none
CREATE ROLE regress_gm91_amn IN ROLE goalmetrics_writer;
CREATE ROLE regress_gm91_none IN ROLE goalmetrics_reader;
INSERT INTO goalmetrics.committee_member (member, committee_id)
	SELECT 'regress_gm91_amn', committee_id FROM goalmetrics.committee WHERE name = 'Arbetsmarknadsnämnden';

-- foreign committee data seen by a role, through every relation of the
-- extension that has a committee column (views added later included)
CREATE FUNCTION pg_temp.foreign_rows(r text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	rel		record;
	n		bigint;
	total	bigint := 0;
	own		integer := (SELECT committee_id FROM goalmetrics.committee WHERE name = 'Arbetsmarknadsnämnden');
BEGIN
	EXECUTE pg_catalog.format('SET LOCAL ROLE %I', r);
	FOR rel IN
		SELECT c.oid::regclass AS rel, a.attname
		  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
		 WHERE c.relnamespace = 'goalmetrics'::regnamespace AND c.relkind IN ('r', 'v')
		   AND a.attname IN ('committee_id', 'committee') AND NOT a.attisdropped
		   AND pg_catalog.has_table_privilege(r, c.oid, 'SELECT')
	LOOP
		IF rel.attname = 'committee_id' THEN
			EXECUTE pg_catalog.format('SELECT count(*) FROM %s WHERE committee_id IS DISTINCT FROM %s', rel.rel, own) INTO n;
		ELSE
			EXECUTE pg_catalog.format($q$SELECT count(*) FROM %s WHERE committee IS DISTINCT FROM 'Arbetsmarknadsnämnden'$q$, rel.rel) INTO n;
		END IF;
		total := total + n;
	END LOOP;
	EXECUTE $q$SELECT count(*) FROM goalmetrics.annual_report(2016) WHERE committee IS DISTINCT FROM 'Arbetsmarknadsnämnden'$q$ INTO n;
	total := total + n;
	-- a member must see its own rows, or the zero above proves nothing
	IF pg_catalog.pg_has_role(r, 'goalmetrics_writer', 'MEMBER')
	   AND NOT EXISTS (SELECT FROM goalmetrics.metric_status) THEN
		total := -1;
	END IF;
	RESET ROLE;
	RETURN total;
END
$$;
SELECT is(pg_temp.foreign_rows('regress_gm91_amn'), 0::bigint,
		  'a committee member sees no other committee''s row in any table, view or the annual report');
SELECT is(pg_temp.foreign_rows('regress_gm91_none'), 0::bigint, 'an unmapped reader sees none either');

-- a leaky function in a query's condition sees only rows the policies let
-- through (row-level security quals act as security barriers): it records
-- every value it is shown
CREATE TEMP TABLE leaked (value numeric) ON COMMIT DROP;
GRANT INSERT, SELECT ON leaked TO regress_gm91_amn;
CREATE FUNCTION pg_temp.leak(v numeric) RETURNS boolean LANGUAGE plpgsql VOLATILE COST 0.0000001 AS $$
BEGIN
	INSERT INTO leaked VALUES (v);
	RETURN true;
END
$$;
CREATE FUNCTION pg_temp.leak_through(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n	bigint;
BEGIN
	DELETE FROM leaked;
	SET LOCAL ROLE regress_gm91_amn;
	EXECUTE q;
	RESET ROLE;
	IF NOT EXISTS (SELECT FROM leaked) THEN
		RETURN -1;	-- the function saw nothing at all: the test would prove nothing
	END IF;
	SELECT count(*) INTO n FROM leaked l
	 WHERE l.value IS NOT NULL AND NOT EXISTS (
		SELECT FROM goalmetrics.outcome o JOIN goalmetrics.metric m USING (metric_id)
		  JOIN goalmetrics.goal g USING (goal_id) JOIN goalmetrics.committee c USING (committee_id)
		 WHERE c.name = 'Arbetsmarknadsnämnden' AND o.value = l.value);
	RETURN n;
END
$$;
SELECT is(pg_temp.leak_through('SELECT count(*) FROM goalmetrics.outcome WHERE pg_temp.leak(value)'), 0::bigint,
		  'a leaky function on outcome sees only the member''s own values');
SELECT is(pg_temp.leak_through('SELECT count(*) FROM goalmetrics.metric_status WHERE pg_temp.leak(outcome)'), 0::bigint,
		  'nor through metric_status');
SELECT is(pg_temp.leak_through('UPDATE goalmetrics.outcome SET note = note WHERE pg_temp.leak(value)'), 0::bigint,
		  'nor in an UPDATE''s condition');

-- the planner's estimates tell a member nothing about other committees'
-- targets and outcomes: 'Högst 7 777 barn' and 7777 in 300 rows of another
-- committee are estimated as a value that occurs nowhere (the columns keep
-- no statistics; with them, the LEAKPROOF operators let the planner use
-- them through row-level security and the estimate was about 300)
INSERT INTO goalmetrics.target (metric_id, year, target)
	SELECT m.metric_id, y, 'Högst 7 777 barn' FROM goalmetrics.metric m JOIN goalmetrics.goal g USING (goal_id)
	  JOIN goalmetrics.committee c USING (committee_id), generate_series(1900, 1919) y
	 WHERE c.name = 'Socialnämnden';
INSERT INTO goalmetrics.outcome (metric_id, year, value) SELECT metric_id, year, 7777 FROM goalmetrics.target WHERE year < 1920;
ANALYZE goalmetrics.target;
ANALYZE goalmetrics.outcome;
CREATE FUNCTION pg_temp.estimate_as(r text, q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	plan	json;
BEGIN
	EXECUTE pg_catalog.format('SET LOCAL ROLE %I', r);
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
	RESET ROLE;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric;
END
$$;
SELECT is(pg_temp.estimate_as('regress_gm91_amn', $$SELECT * FROM goalmetrics.target WHERE target = 'Högst 7 777 barn'$$),
		  pg_temp.estimate_as('regress_gm91_amn', $$SELECT * FROM goalmetrics.target WHERE target = 'Högst 1 barn'$$),
		  'a member''s estimate for another committee''s frequent target equals one for a target that exists nowhere');
SELECT is(pg_temp.estimate_as('regress_gm91_amn', $$SELECT * FROM goalmetrics.outcome WHERE value = 7777$$),
		  pg_temp.estimate_as('regress_gm91_amn', $$SELECT * FROM goalmetrics.outcome WHERE value = 1234567$$),
		  '... and likewise for outcomes');

-- =========================== CREATE EXTENSION with look-alikes on the path
-- the catalogue as a text, with every name qualified (the path is empty
-- while it is written)
CREATE FUNCTION pg_temp.catalog_print() RETURNS TABLE (members bigint, relations text, policies text,
													  other_relations bigint, other_functions bigint)
LANGUAGE sql SET search_path = pg_catalog AS $$
SELECT (SELECT count(*) FROM pg_temp.ext_members),
	   (SELECT string_agg(format('%s %s %s', c.relname, c.relrowsecurity, c.relacl), ',' ORDER BY c.relname)
		  FROM pg_class c WHERE c.relnamespace = 'goalmetrics'::regnamespace),
	   (SELECT string_agg(format('%s %s %s %s %s', c.relname, p.polname, p.polcmd, pg_get_expr(p.polqual, p.polrelid),
				pg_get_expr(p.polwithcheck, p.polrelid)), ',' ORDER BY c.relname, p.polname)
		  FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid),
	   (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname NOT IN ('goalmetrics', 'evil') AND n.nspname !~ '^pg_(toast_)?temp'),
	   (SELECT count(*) FROM pg_proc p WHERE p.pronamespace NOT IN ('goalmetrics'::regnamespace, 'evil'::regnamespace))
$$;
CREATE TEMP TABLE catalog_before AS SELECT * FROM pg_temp.catalog_print();
DROP EXTENSION goalmetrics CASCADE;
SET LOCAL search_path = evil, pg_catalog, public;
CREATE EXTENSION goalmetrics;
RESET search_path;
SET LOCAL search_path = public, goalmetrics;
CREATE TEMP TABLE catalog_after AS SELECT * FROM pg_temp.catalog_print();
SELECT is((SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM evil.calls), (SELECT n FROM calls_after_controls),
		  'CREATE EXTENSION with look-alikes first on the path called none of them');
SELECT is((SELECT members FROM catalog_after), (SELECT members FROM catalog_before), 'it creates the same members');
SELECT is((SELECT relations || policies FROM catalog_after), (SELECT relations || policies FROM catalog_before),
		  'with the same privileges, row-level security and policies');
SELECT is((SELECT ARRAY[other_relations, other_functions] FROM catalog_after),
		  (SELECT ARRAY[other_relations, other_functions] FROM catalog_before),
		  'and nothing in any other schema');

SELECT * FROM finish();
ROLLBACK;
