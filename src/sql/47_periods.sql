-- goalmetrics SQL API, chapter 4c: periods within a year.
--
-- Municipalities follow up per tertial (T1 to 30 April, T2 to 31 August,
-- the delarsrapport, T3 the year end), some per quarter or month.  A
-- period's outcome and target live beside the year's own (outcome_period,
-- target_period); the year rows in outcome and target keep their meaning.
-- A metric may declare how its year value follows from its periods
-- (metric.year_from_periods: sum, mean or last); the derived value is
-- written to outcome (from_periods = true) whenever no year value was
-- entered, so every view, the summary and the report read one table.
-- Reference: doc/schema.md, "Periods".
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- ----------------------------------------------------------- period codes
-- The canonical codes: T1-T3 (tertials), Q1-Q4 (quarters), M01-M12
-- (months).  period_kind() is the one definition of a code: NULL for
-- anything else.
CREATE FUNCTION period_kind(period text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
	WHEN period OPERATOR(pg_catalog.~) '^T[1-3]$' THEN 'tertial'
	WHEN period OPERATOR(pg_catalog.~) '^Q[1-4]$' THEN 'quarter'
	WHEN period OPERATOR(pg_catalog.~) '^M(0[1-9]|1[0-2])$' THEN 'month'
END;
COMMENT ON FUNCTION period_kind(text) IS 'tertial, quarter or month for a period code (T1-T3, Q1-Q4, M01-M12); NULL for anything else';

-- How many periods of a kind make a year.
CREATE FUNCTION periods_per_year(kind text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE kind WHEN 'tertial' THEN 3 WHEN 'quarter' THEN 4 WHEN 'month' THEN 12 END;
COMMENT ON FUNCTION periods_per_year(text) IS 'The number of periods of a kind in a year: tertial 3, quarter 4, month 12';

-- The month a period ends in: T1 April, T2 August, T3 December; Qn month
-- 3n; Mnn month nn.
CREATE FUNCTION period_end_month(period text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE goalmetrics.period_kind(period)
	WHEN 'tertial' THEN 4 OPERATOR(pg_catalog.*) pg_catalog.substr(period, 2)::integer
	WHEN 'quarter' THEN 3 OPERATOR(pg_catalog.*) pg_catalog.substr(period, 2)::integer
	WHEN 'month' THEN pg_catalog.substr(period, 2)::integer
END;
COMMENT ON FUNCTION period_end_month(text) IS 'The month (1-12) a period code ends in: T1 4, T2 8, T3 12, Qn 3n, Mnn nn';

CREATE FUNCTION period_end(year integer, period text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (pg_catalog.make_date(year, goalmetrics.period_end_month(period), 1)
		OPERATOR(pg_catalog.+) '1 month'::interval OPERATOR(pg_catalog.-) '1 day'::interval)::date;
COMMENT ON FUNCTION period_end(integer, text) IS 'The last day of a period of a year: period_end(2016, ''T2'') is 2016-08-31';

-- A period as people write it, read to its code: T1, "Tertial 1",
-- "tertial1", Q3, "Kvartal 3", "kv3", "quarter 3", M03, "Manad 3", "mars",
-- "March", "mar".  NULL for anything else and for an empty text: the
-- import tells the two apart (an empty cell is the year itself), and
-- period_code() below raises for the former.  White space as the import
-- reads it (import_clean(), 70_import.sql: every Unicode space; a string
-- body, so bound when called).  Non-ASCII letters are written as
-- regular-expression escapes (the install script is ASCII).
CREATE FUNCTION period_read(written text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT CASE
		WHEN goalmetrics.period_kind(pg_catalog.upper(x.w)) IS NOT NULL THEN pg_catalog.upper(x.w)
		WHEN x.w OPERATOR(pg_catalog.~) '^(t|tertial) ?[1-3]$' THEN 'T' OPERATOR(pg_catalog.||) pg_catalog.right(x.w, 1)
		WHEN x.w OPERATOR(pg_catalog.~) '^(q|k|kv|kvartal|quarter) ?[1-4]$' THEN 'Q' OPERATOR(pg_catalog.||) pg_catalog.right(x.w, 1)
		WHEN x.w OPERATOR(pg_catalog.~) '^(m|m\u00e5nad|m\u00c5nad|manad|month) ?(0?[1-9]|1[0-2])$'
			THEN 'M' OPERATOR(pg_catalog.||) pg_catalog.lpad(pg_catalog.substring(x.w, '([0-9]+)$')::integer::text, 2, '0')
		ELSE (SELECT 'M' OPERATOR(pg_catalog.||) pg_catalog.lpad(n.i::text, 2, '0')
				FROM pg_catalog.unnest(ARRAY['januari|january|jan', 'februari|february|feb', 'mars|march|mar',
								  'april|apr', 'maj|may', 'juni|june|jun', 'juli|july|jul',
								  'augusti|august|aug', 'september|sept|sep', 'oktober|october|okt|oct',
								  'november|nov', 'december|dec']) WITH ORDINALITY n(names, i)
			   WHERE x.w OPERATOR(pg_catalog.~) ('^(' OPERATOR(pg_catalog.||) n.names OPERATOR(pg_catalog.||) ')\.?$'))
	END
	FROM (SELECT pg_catalog.lower(goalmetrics.import_clean(written)) AS w) x
$$;
COMMENT ON FUNCTION period_read(text) IS 'A period as written (T2, Tertial 2, Q3, kvartal 3, mars, March, M03) as its code; NULL when it is none (or empty)';

-- The same, refusing what is not a period: NULL and an empty or blank text
-- are NULL (the year itself); anything else that period_read() cannot
-- read is an error saying what a period can be.
CREATE FUNCTION period_code(written text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code	text := goalmetrics.period_read(written);
BEGIN
	IF code IS NULL AND goalmetrics.import_clean(written) IS NOT NULL THEN
		RAISE EXCEPTION 'invalid period: "%"', written
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'A period is a tertial, a quarter or a month of the year; an empty period is the year itself.',
				  HINT = 'Write T1, T2 or T3 (tertial), Q1 to Q4 (kvartal), or M01 to M12 or the month''s name (januari, March).';
	END IF;
	RETURN code;
END
$$;
COMMENT ON FUNCTION period_code(text) IS 'A period as written (T2, Tertial 2, Q3, kvartal 3, mars, March, M03) as its code; NULL for an empty text (the year); 22023 for anything else';

-- ------------------------------------------------------------------ tables
ALTER TABLE metric ADD COLUMN year_from_periods text
	CONSTRAINT metric_year_from_periods_valid
		CHECK (year_from_periods OPERATOR(pg_catalog.=) ANY (ARRAY['sum', 'mean', 'last']));
COMMENT ON COLUMN metric.year_from_periods IS 'How the year''s outcome follows from the periods when none is entered: sum, mean or last (the year-end period''s); NULL: it does not';

ALTER TABLE outcome ADD COLUMN from_periods boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN outcome.from_periods IS 'true: the value was derived from the year''s periods (metric.year_from_periods), not entered; an entered value replaces it';

-- Same rules for values as outcome (40_schema.sql).
CREATE TABLE outcome_period (
	metric_id	integer NOT NULL REFERENCES metric ON DELETE CASCADE,
	year		integer NOT NULL,
	period		text NOT NULL,
	value		numeric,
	note		text,
	changed_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	changed_by	name NOT NULL DEFAULT CURRENT_USER,
	PRIMARY KEY (metric_id, year, period),
	CONSTRAINT outcome_period_year_valid CHECK (year OPERATOR(pg_catalog.>=) 1900 AND year OPERATOR(pg_catalog.<=) 2999),
	CONSTRAINT outcome_period_code_valid CHECK (goalmetrics.period_kind(period) IS NOT NULL),
	CONSTRAINT outcome_period_value_finite
		CHECK ((value OPERATOR(pg_catalog.-) value) OPERATOR(pg_catalog.=) 0),
	CONSTRAINT outcome_period_value_in_range CHECK (goalmetrics.check_outcome(value))
);
CREATE INDEX outcome_period_year_idx ON outcome_period (year, period);
ALTER TABLE outcome_period ALTER COLUMN value SET STATISTICS 0;
COMMENT ON TABLE outcome_period IS 'A metric''s outcome for a period within a year (T1-T3, Q1-Q4, M01-M12); the year''s own outcome is in outcome';

CREATE TABLE target_period (
	metric_id	integer NOT NULL REFERENCES metric ON DELETE CASCADE,
	year		integer NOT NULL,
	period		text NOT NULL,
	target		metric_target NOT NULL,
	changed_at	timestamptz NOT NULL DEFAULT pg_catalog.now(),
	changed_by	name NOT NULL DEFAULT CURRENT_USER,
	PRIMARY KEY (metric_id, year, period),
	CONSTRAINT target_period_year_valid CHECK (year OPERATOR(pg_catalog.>=) 1900 AND year OPERATOR(pg_catalog.<=) 2999),
	CONSTRAINT target_period_code_valid CHECK (goalmetrics.period_kind(period) IS NOT NULL)
);
CREATE INDEX target_period_year_idx ON target_period (year, period);
ALTER TABLE target_period ALTER COLUMN target SET STATISTICS 0;
COMMENT ON TABLE target_period IS 'A metric''s target for a period within a year; without one, a period is judged against the year''s target (except for metrics whose year is the sum of its periods)';

-- A period as written is stored as its code ('Tertial 2' as T2); what is
-- not a period is refused with period_code()'s error.
CREATE FUNCTION period_normalise() RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	NEW.period := coalesce(goalmetrics.period_code(NEW.period), NEW.period);
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION period_normalise() IS 'Trigger: stores a period as written as its code (period_code())';
CREATE TRIGGER outcome_period_code BEFORE INSERT OR UPDATE OF period ON outcome_period
	FOR EACH ROW EXECUTE FUNCTION period_normalise();
CREATE TRIGGER target_period_code BEFORE INSERT OR UPDATE OF period ON target_period
	FOR EACH ROW EXECUTE FUNCTION period_normalise();
CREATE TRIGGER outcome_period_stamp_insert BEFORE INSERT ON outcome_period
	FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER outcome_period_stamp_update BEFORE UPDATE ON outcome_period
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION stamp_change();
CREATE TRIGGER target_period_stamp_insert BEFORE INSERT ON target_period
	FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER target_period_stamp_update BEFORE UPDATE ON target_period
	FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION stamp_change();

SELECT pg_catalog.pg_extension_config_dump('outcome_period', '');
SELECT pg_catalog.pg_extension_config_dump('target_period', '');
SELECT goalmetrics.history_attach('goalmetrics.outcome_period');
SELECT goalmetrics.history_attach('goalmetrics.target_period');

-- The same privileges and row-level security as outcome and target.
GRANT SELECT ON outcome_period, target_period TO goalmetrics_reader, goalmetrics_writer;
GRANT INSERT, UPDATE, DELETE ON outcome_period, target_period TO goalmetrics_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON outcome_period, target_period TO goalmetrics_admin;
ALTER TABLE outcome_period ENABLE ROW LEVEL SECURITY;
ALTER TABLE target_period ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_all ON outcome_period TO goalmetrics_admin USING (true) WITH CHECK (true);
CREATE POLICY admin_all ON target_period TO goalmetrics_admin USING (true) WITH CHECK (true);
CREATE POLICY member_read ON outcome_period FOR SELECT
	USING (metric_id IN (SELECT goalmetrics.member_metrics()));
CREATE POLICY member_read ON target_period FOR SELECT
	USING (metric_id IN (SELECT goalmetrics.member_metrics()));
CREATE POLICY member_insert ON outcome_period FOR INSERT
	WITH CHECK (metric_id IN (SELECT m.metric_id FROM goalmetrics.metric m));
CREATE POLICY member_update ON outcome_period FOR UPDATE
	USING (metric_id IN (SELECT m.metric_id FROM goalmetrics.metric m))
	WITH CHECK (metric_id IN (SELECT m.metric_id FROM goalmetrics.metric m));
CREATE POLICY member_delete ON outcome_period FOR DELETE
	USING (metric_id IN (SELECT m.metric_id FROM goalmetrics.metric m));
CREATE POLICY member_insert ON target_period FOR INSERT
	WITH CHECK (metric_id IN (SELECT m.metric_id FROM goalmetrics.metric m));
CREATE POLICY member_update ON target_period FOR UPDATE
	USING (metric_id IN (SELECT m.metric_id FROM goalmetrics.metric m))
	WITH CHECK (metric_id IN (SELECT m.metric_id FROM goalmetrics.metric m));
CREATE POLICY member_delete ON target_period FOR DELETE
	USING (metric_id IN (SELECT m.metric_id FROM goalmetrics.metric m));

-- ---------------------------------------------- the year from its periods
-- The rule, written once: a year's value follows from its periods only
-- when the metric says how (year_from_periods) and the year is complete:
-- sum and mean need every period of the kind (3 tertials, 4 quarters, 12
-- months) with a value; last needs the year-end period (T3, Q4, M12) with
-- a value.  A year's periods are of one kind.  Not derivable: no value
-- (the year is not followed up until it is complete).
CREATE FUNCTION year_value_from_periods(metric_id integer, year integer) RETURNS numeric
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	how		text;
	kinds	text[];
	n		integer;
	valued	integer;
	total	numeric;
	average	numeric;
	year_end numeric;
BEGIN
	SELECT m.year_from_periods INTO how FROM goalmetrics.metric m WHERE m.metric_id = year_value_from_periods.metric_id;
	IF how IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT array_agg(DISTINCT goalmetrics.period_kind(op.period) ORDER BY goalmetrics.period_kind(op.period)),
		   count(*), count(op.value), sum(op.value), avg(op.value),
		   max(op.value) FILTER (WHERE goalmetrics.period_end_month(op.period) = 12)
	  INTO kinds, n, valued, total, average, year_end
	  FROM goalmetrics.outcome_period op
	 WHERE op.metric_id = year_value_from_periods.metric_id AND op.year = year_value_from_periods.year;
	IF n = 0 THEN
		RETURN NULL;
	END IF;
	IF cardinality(kinds) > 1 THEN
		RAISE EXCEPTION 'the periods of metric % in % are of more than one kind (%)',
			metric_id, year, array_to_string(kinds, ', ')
			USING ERRCODE = 'integrity_constraint_violation',
				  HINT = 'Follow a metric''s year up by tertial, quarter or month: delete the periods of the other kind.';
	END IF;
	IF how = 'last' THEN
		RETURN year_end;
	END IF;
	IF valued <> goalmetrics.periods_per_year(kinds[1]) THEN
		RETURN NULL;
	END IF;
	-- the mean without trailing zeros (77, not 77.0000000000000000)
	RETURN CASE how WHEN 'sum' THEN total ELSE trim_scale(average) END;
END
$$;
COMMENT ON FUNCTION year_value_from_periods(integer, integer) IS 'The year value a metric''s periods give (metric.year_from_periods over a complete year); NULL when they give none';

-- Writes the derived year values of the given metrics and years: inserts
-- or updates a derived row, deletes a derived row that no longer follows;
-- never touches an entered year value.  Concurrency: two transactions
-- writing different periods of one metric would each miss the other's
-- (uncommitted) period and neither would see a complete year; so each
-- first takes a transaction-level advisory lock per metric (key
-- 1196249943, metric_id; in metric order, so they cannot deadlock), and
-- the statements after it (VOLATILE: each with a new snapshot) see what
-- the other committed.
CREATE FUNCTION derive_year_outcomes(metric_ids integer[], years integer[]) RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
	SELECT pg_catalog.pg_advisory_xact_lock(1196249943, l.metric_id)
	  FROM (SELECT DISTINCT k.metric_id FROM unnest(metric_ids) k(metric_id) ORDER BY k.metric_id) l;
	DELETE FROM goalmetrics.outcome o
	 USING unnest(metric_ids, years) k(metric_id, year)
	 WHERE o.metric_id = k.metric_id AND o.year = k.year AND o.from_periods
	   AND goalmetrics.year_value_from_periods(k.metric_id, k.year) IS NULL;
	INSERT INTO goalmetrics.outcome AS o (metric_id, year, value, from_periods)
	SELECT d.metric_id, d.year, d.value, true
	  FROM (SELECT DISTINCT k.metric_id, k.year, goalmetrics.year_value_from_periods(k.metric_id, k.year) AS value
			  FROM unnest(metric_ids, years) k(metric_id, year)) d
	 WHERE d.value IS NOT NULL
	ON CONFLICT (metric_id, year) DO UPDATE SET value = excluded.value
	 WHERE o.from_periods AND o.value IS DISTINCT FROM excluded.value;
END;
COMMENT ON FUNCTION derive_year_outcomes(integer[], integer[]) IS 'Internal: writes the year outcomes that follow from periods (outcome.from_periods) for the given metrics and years';
REVOKE EXECUTE ON FUNCTION derive_year_outcomes(integer[], integer[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION derive_year_outcomes(integer[], integer[]) TO goalmetrics_writer, goalmetrics_admin;

-- After a change of periods: one call per statement, over its rows.
CREATE FUNCTION outcome_period_changed() RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ids		integer[];
	years	integer[];
BEGIN
	IF current_setting('row_security') = 'off' THEN
		RETURN NULL;			-- a restore: the derived rows are restored too
	END IF;
	IF TG_OP = 'INSERT' THEN
		SELECT array_agg(r.metric_id), array_agg(r.year) INTO ids, years FROM new_rows r;
	ELSIF TG_OP = 'DELETE' THEN
		SELECT array_agg(r.metric_id), array_agg(r.year) INTO ids, years FROM old_rows r;
	ELSE
		SELECT array_agg(r.metric_id), array_agg(r.year) INTO ids, years
		  FROM (SELECT metric_id, year FROM old_rows UNION SELECT metric_id, year FROM new_rows) r;
	END IF;
	IF ids IS NOT NULL THEN
		PERFORM goalmetrics.derive_year_outcomes(ids, years);
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER outcome_period_derive_insert AFTER INSERT ON outcome_period
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_period_changed();
CREATE TRIGGER outcome_period_derive_update AFTER UPDATE ON outcome_period
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_period_changed();
CREATE TRIGGER outcome_period_derive_delete AFTER DELETE ON outcome_period
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_period_changed();

-- After a metric's rule changed: all its years with periods.
CREATE FUNCTION metric_year_rule_changed() RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ids		integer[];
	years	integer[];
BEGIN
	IF current_setting('row_security') = 'off' THEN
		RETURN NULL;
	END IF;
	SELECT array_agg(p.metric_id), array_agg(p.year) INTO ids, years
	  FROM (SELECT DISTINCT op.metric_id, op.year
			  FROM goalmetrics.outcome_period op
			  JOIN new_rows n ON n.metric_id = op.metric_id
			  JOIN old_rows o ON o.metric_id = n.metric_id
			 WHERE n.year_from_periods IS DISTINCT FROM o.year_from_periods) p;
	IF ids IS NOT NULL THEN
		PERFORM goalmetrics.derive_year_outcomes(ids, years);
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER metric_year_rule_changed AFTER UPDATE ON metric
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_year_rule_changed();

-- A year value a user writes is entered (from_periods = false), whatever
-- the row says: only the derivation, from its trigger, writes derived rows.
-- When an entered year value is deleted, the periods' value (if any) takes
-- its place.
CREATE FUNCTION outcome_entered() RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF current_setting('row_security') <> 'off' AND pg_trigger_depth() = 1 THEN
		NEW.from_periods := false;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER outcome_entered_insert BEFORE INSERT ON outcome
	FOR EACH ROW EXECUTE FUNCTION outcome_entered();
CREATE TRIGGER outcome_entered_update BEFORE UPDATE ON outcome
	FOR EACH ROW EXECUTE FUNCTION outcome_entered();

CREATE FUNCTION outcome_deleted() RETURNS trigger
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ids		integer[];
	years	integer[];
BEGIN
	IF current_setting('row_security') = 'off' OR pg_trigger_depth() > 1 THEN
		RETURN NULL;
	END IF;
	SELECT array_agg(r.metric_id), array_agg(r.year) INTO ids, years
	  FROM old_rows r WHERE NOT r.from_periods;
	IF ids IS NOT NULL THEN
		PERFORM goalmetrics.derive_year_outcomes(ids, years);
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER outcome_deleted AFTER DELETE ON outcome
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION outcome_deleted();
