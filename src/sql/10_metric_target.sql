-- goalmetrics SQL API, chapter 1: the metric_target type.
--
-- A target as people write it: "Minst 65 %", "H\u00f6gst 2 100 barn",
-- "Mellan 95 och 105 %", "\u00d6ka fr\u00e5n 70 % till 75 %".  Reference:
-- doc/metric_target.md.  Nothing here reads a setting, a table or the
-- locale: every function is IMMUTABLE.
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- ---------------------------------------------------------------- the type
CREATE TYPE metric_target;

CREATE FUNCTION metric_target_in(cstring) RETURNS metric_target
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION metric_target_out(metric_target) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION metric_target_recv(internal) RETURNS metric_target
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION metric_target_send(metric_target) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- A varlena of a few bytes.  Varlenas must declare int alignment, but a
-- stored value this small gets the 1-byte header and short varlenas are
-- stored unaligned, so no padding is spent; STORAGE main keeps it inline
-- (plain would forbid the short header).
CREATE TYPE metric_target (
	INPUT = metric_target_in,
	OUTPUT = metric_target_out,
	RECEIVE = metric_target_recv,
	SEND = metric_target_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = main,
	CATEGORY = 'U'
);
COMMENT ON TYPE metric_target IS 'A metric''s target: comparator, exact value or range, optional baseline and unit, e.g. ''Minst 65 %''';

-- ------------------------------------------------------ text conversions
CREATE FUNCTION try_metric_target(text) RETURNS metric_target
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION try_metric_target(text) IS 'The text read as a metric_target, or NULL where it cannot be read';

CREATE CAST (text AS metric_target) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS metric_target) WITH INOUT AS ASSIGNMENT;
CREATE CAST (metric_target AS text) WITH INOUT AS ASSIGNMENT;

CREATE FUNCTION format_target(metric_target, style text DEFAULT 'swedish') RETURNS text
	AS 'MODULE_PATHNAME', 'metric_target_format' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION format_target(metric_target, text) IS 'The target written in a style: swedish (canonical), english or symbolic (ASCII)';

-- ------------------------------------------------------------- accessors
CREATE FUNCTION target_comparator(metric_target) RETURNS text
	AS 'MODULE_PATHNAME', 'metric_target_comparator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_comparator(metric_target) IS 'at_least, at_most, above, below, exactly or between; for a direction target (judged against the previous outcome) increase, decrease, maintain or improve';

CREATE FUNCTION target_value(metric_target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'metric_target_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_value(metric_target) IS 'The target value; the lower bound of a range; the end value of a multi-year target; NULL for a direction target';

CREATE FUNCTION target_upper(metric_target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'metric_target_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_upper(metric_target) IS 'The upper bound of a range; NULL for other targets';

CREATE FUNCTION target_baseline(metric_target) RETURNS numeric
	AS 'MODULE_PATHNAME', 'metric_target_baseline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_baseline(metric_target) IS 'The baseline of a change target (from 70 % to 75 %: 70); NULL for other targets';

CREATE FUNCTION target_unit(metric_target) RETURNS text
	AS 'MODULE_PATHNAME', 'metric_target_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_unit(metric_target) IS 'The unit (''%'' for percent); NULL when none was written';

CREATE FUNCTION target_qualifier(metric_target) RETURNS text
	AS 'MODULE_PATHNAME', 'metric_target_qualifier' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_qualifier(metric_target) IS 'What the value is measured against, written after the unit (''Minst 2 % av skatter'': ''av skatter''); NULL when none was written';

CREATE FUNCTION target_start_year(metric_target) RETURNS integer
	AS 'MODULE_PATHNAME', 'metric_target_start_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_start_year(metric_target) IS 'The year of the baseline of a glide path (''increase from 81 % in 2016 to 85 % in 2019'': 2016); NULL for other targets';

CREATE FUNCTION target_end_year(metric_target) RETURNS integer
	AS 'MODULE_PATHNAME', 'metric_target_end_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_end_year(metric_target) IS 'The year the target value applies to (''85 % in 2019'': 2019); NULL for a target without a year';

CREATE FUNCTION target_for_year(target metric_target, year integer) RETURNS metric_target
	AS 'MODULE_PATHNAME', 'metric_target_for_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_for_year(metric_target, integer) IS 'The plain target that applies in a year: on a glide path the value of that year (rounded half away from zero to two more decimals than written), from the end year on the end value, before the start year (or before the end year without a start) NULL; a target without years (a direction target too) as it is';

CREATE FUNCTION higher_is_better(metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME', 'metric_target_higher_is_better' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION higher_is_better(metric_target) IS 'true for at_least/above/increase, false for at_most/below/decrease, NULL for exactly, between, maintain and improve';

CREATE FUNCTION target_is_bare(metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME', 'metric_target_is_bare' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION target_is_bare(metric_target) IS 'true when no comparator was written (''100 %''), which counts as at least';

-- ---------------------------------------------------------- constructors
CREATE FUNCTION metric_target(comparator text, value numeric, unit text DEFAULT NULL) RETURNS metric_target
	AS 'MODULE_PATHNAME', 'metric_target_make' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION metric_target(text, numeric, text) IS 'A target from its parts: metric_target(''at_least'', 65, ''%'') is ''Minst 65 %''';

CREATE FUNCTION metric_target_range(low numeric, high numeric, unit text DEFAULT NULL) RETURNS metric_target
	AS 'MODULE_PATHNAME', 'metric_target_make_range' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION metric_target_range(numeric, numeric, text) IS 'An inclusive range target: ''Mellan low och high unit''';

CREATE FUNCTION with_comparator(metric_target, comparator text) RETURNS metric_target
	AS 'MODULE_PATHNAME', 'metric_target_with_comparator' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION with_comparator(metric_target, text) IS 'The target with an explicit comparator, e.g. a bare ''13'' where lower is better: with_comparator(''13'', ''at_most'')';

-- ---------------------------------------------- comparison and indexing
-- A total order (doc/metric_target.md, "Order"): comparator, bare, value,
-- upper bound, baseline, unit position, unit.  Numerically equal values are
-- equal: 'Minst 42,0' = 'Minst 42'.
CREATE FUNCTION metric_target_eq(metric_target, metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_ne(metric_target, metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_lt(metric_target, metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_le(metric_target, metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_gt(metric_target, metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_ge(metric_target, metric_target) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_cmp(metric_target, metric_target) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_hash(metric_target) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_hash_extended(metric_target, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION metric_target_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION metric_target_sortsupport(internal) IS 'Sort support of the btree operator class: a direct comparator and abbreviated keys';

CREATE OPERATOR = (
	LEFTARG = metric_target, RIGHTARG = metric_target, PROCEDURE = metric_target_eq,
	COMMUTATOR = OPERATOR(goalmetrics.=), NEGATOR = OPERATOR(goalmetrics.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR <> (
	LEFTARG = metric_target, RIGHTARG = metric_target, PROCEDURE = metric_target_ne,
	COMMUTATOR = OPERATOR(goalmetrics.<>), NEGATOR = OPERATOR(goalmetrics.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = metric_target, RIGHTARG = metric_target, PROCEDURE = metric_target_lt,
	COMMUTATOR = OPERATOR(goalmetrics.>), NEGATOR = OPERATOR(goalmetrics.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = metric_target, RIGHTARG = metric_target, PROCEDURE = metric_target_le,
	COMMUTATOR = OPERATOR(goalmetrics.>=), NEGATOR = OPERATOR(goalmetrics.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = metric_target, RIGHTARG = metric_target, PROCEDURE = metric_target_gt,
	COMMUTATOR = OPERATOR(goalmetrics.<), NEGATOR = OPERATOR(goalmetrics.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = metric_target, RIGHTARG = metric_target, PROCEDURE = metric_target_ge,
	COMMUTATOR = OPERATOR(goalmetrics.<=), NEGATOR = OPERATOR(goalmetrics.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS metric_target_ops
	DEFAULT FOR TYPE metric_target USING btree AS
		OPERATOR 1 < ,
		OPERATOR 2 <= ,
		OPERATOR 3 = ,
		OPERATOR 4 >= ,
		OPERATOR 5 > ,
		FUNCTION 1 metric_target_cmp(metric_target, metric_target),
		FUNCTION 2 metric_target_sortsupport(internal);

CREATE OPERATOR CLASS metric_target_hash_ops
	DEFAULT FOR TYPE metric_target USING hash AS
		OPERATOR 1 = ,
		FUNCTION 1 metric_target_hash(metric_target),
		FUNCTION 2 metric_target_hash_extended(metric_target, bigint);
