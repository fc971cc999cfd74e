-- The bad input catalogue (issue 7): malformed text and binary targets,
-- NaN / Infinity / huge outcomes to every function, bad settings and bad
-- arguments.  Each input asserts its exact SQLSTATE; after every group the
-- server must still answer (a crash would end the connection and fail the
-- rest of the plan).  doc/reliability.md describes the catalogue; the
-- SQLSTATEs are those documented in doc/metric_target.md and
-- doc/fulfilment.md.
BEGIN;
SET LOCAL search_path = public, goalmetrics;

-- ------------------------------------------------------------------ text
-- Every row is one malformed text target and the SQLSTATE it must raise.
-- Megabyte inputs are built with repeat() so the file stays small.
CREATE TEMP TABLE bad_text (
	id		serial PRIMARY KEY,
	input	text NOT NULL,
	state	text NOT NULL,
	what	text NOT NULL
) ON COMMIT DROP;

INSERT INTO bad_text (input, state, what) VALUES
	-- empty input
	('', '22P02', 'empty string'),
	(' ', '22P02', 'one space'),
	(E'\t\n\r ', '22P02', 'only tab, newline, return'),
	(U&'\00A0\2009\202F', '22P02', 'only no-break and thin spaces'),
	(E'\n\n\n', '22P02', 'only newlines'),
	(repeat(' ', 1048576), '22P02', 'a megabyte of spaces'),
	(repeat(U&'\00A0', 100000), '22P02', '100 000 no-break spaces'),
	-- a comparator (or a unit) and no number
	('Minst', '22P02', 'only Minst'),
	('Högst', '22P02', 'only Högst'),
	('Max.', '22P02', 'only Max.'),
	('>=', '22P02', 'only >='),
	(U&'\2265', '22P02', 'only ≥'),
	('<', '22P02', 'only <'),
	('at least', '22P02', 'only at least'),
	('Exakt', '22P02', 'only Exakt'),
	('Minst index', '22P02', 'comparator and unit, no number'),
	('Minst %', '22P02', 'comparator and %, no number'),
	('Mellan', '22P02', 'only Mellan'),
	('Mellan 5 och', '22P02', 'range without its upper bound'),
	('between 5 and', '22P02', 'english range without its upper bound'),
	('Mellan och 5', '22P02', 'range without its lower bound'),
	('Öka från 70 % till', '22P02', 'change without its target'),
	('från till', '22P02', 'change without numbers'),
	('Öka till 75', '22P02', 'change without från'),
	('-', '22P02', 'only a minus sign'),
	(U&'\2212', '22P02', 'only U+2212 minus'),
	('+', '22P02', 'only a plus sign'),
	('%', '22P02', 'only a percent sign'),
	('Minst -', '22P02', 'comparator and a sign'),
	('5–', '22P02', 'dash range without upper bound'),
	(U&'Minst \00A0\00A0 tkr', '22P02', 'comparator, spaces, unit, no number'),
	-- units and spaces (issue 12): refused, never kept in a unit
	('Minst 65 % %', '22P02', 'percent twice in a unit'),
	('Minst 65 %%', '22P02', 'percent glued twice'),
	('Minst 65 procent %', '22P02', 'procent and %'),
	(U&'Minst 65 %\200B', '22P02', 'zero-width space after the unit'),
	(U&'Minst 5 \202Enrab001', '22P02', 'right-to-left override in the unit'),
	(U&'Minst 5 \2066kr\2069', '22P02', 'directional isolates around the unit'),
	(U&'\FEFFMinst 5', '22P02', 'byte order mark'),
	(U&'Minst 5 k\00ADr', '22P02', 'soft hyphen in the unit'),
	(U&'Minst 5\2003000', '22P02', 'em space between digit groups'),
	(U&'Minst 5\3000000', '22P02', 'ideographic space between digit groups'),
	(U&'Minst 5\1680000', '22P02', 'ogham space mark between digit groups'),
	(E'Minst 5\n000', '22P02', 'newline between digit groups'),
	-- no comparator where one belongs
	('Ungefär 65', '22P02', 'unknown Swedish word'),
	('about 65 %', '22P02', 'unknown English word'),
	('~65', '22P02', 'tilde'),
	('!= 5', '22P02', '!='),
	('== 5', '22P02', '=='),
	(U&'\2260 5', '22P02', '≠'),
	('<> 5', '22P02', '<>'),
	('>>= 5', '22P02', '>>='),
	('index 79', '22P02', 'bare target starting with a unit'),
	('Minst5', '22P02', 'comparator glued to the number'),
	('Minimum 65', '22P02', 'word that only starts like Min'),
	('Minska 65', '22P02', 'direction word without från'),
	('Minst Högst 5', '22P02', 'two comparators (Högst is no unit)'),
	('Högst max 5 %', '22P02', 'two comparators, lower case'),
	('Minst index Högst 5', '22P02', 'comparator after a unit word'),
	('Mellan minst 5 och 10', '22P02', 'comparator before a range bound'),
	(repeat(U&'\2265', 100000), '22P02', '100 000 ≥ signs'),
	-- two numbers, stray numbers, malformed numbers
	('Minst 65 70', '22P02', 'two numbers'),
	('Minst 65 % 70 %', '22P02', 'two numbers with units'),
	('65 65 65', '22P02', 'three numbers'),
	('Minst 65  70', '22P02', 'two numbers, two spaces apart'),
	(E'Minst 65\n70', '22P02', 'two numbers on two lines'),
	('Minst 1 23', '22P02', 'thousands group of two digits'),
	('Minst 1000 000', '22P02', 'thousands separator after four digits'),
	('Minst 0,123 456', '22P02', 'thousands separator in the decimals'),
	('Minst 1,2,3', '22P02', 'two decimal commas'),
	('Minst 1.2.3', '22P02', 'two decimal points'),
	('Minst 5.', '22P02', 'trailing decimal point'),
	('Minst 5,', '22P02', 'trailing decimal comma'),
	('Minst --5', '22P02', 'two minus signs'),
	('Minst +-5', '22P02', 'plus and minus'),
	('Minst 5-', '22P02', 'trailing hyphen'),
	(repeat('5 ', 100000), '22P02', '100 000 single digits'),
	('Minst ' || repeat('-', 100000) || '5', '22P02', '100 000 minus signs'),
	-- more than 15 significant digits or decimals: out of range
	('Minst 1234567890123456', '22003', '16 digits'),
	('9999999999999999', '22003', '16 nines, bare'),
	('Högst 1 234 567 890 123 456 barn', '22003', '16 digits in thousands groups'),
	('Minst 12345678901234,56', '22003', '16 digits with decimals'),
	('Minst -1234567890123456', '22003', '16 digits, negative'),
	('Minst 0,0000000000000001', '22003', '16 decimals'),
	('Minst 1,0000000000000000', '22003', '16 decimals of zeros'),
	('Mellan 1 och 12345678901234567', '22003', 'range bound of 17 digits'),
	('Öka från 1 till 99999999999999999', '22003', 'change target of 17 digits'),
	('Öka från 99999999999999999 till 1', '22003', 'baseline of 17 digits'),
	('Minst ' || repeat('9', 1048576), '22003', 'a megabyte of digits'),
	(repeat('1', 1048576), '22003', 'a megabyte of digits, bare'),
	('Minst 1,' || repeat('5', 100000), '22003', '100 000 decimals'),
	('Minst ' || repeat('123 ', 100000) || '456', '22003', '100 000 thousands groups'),
	-- scientific notation
	('Minst 1e400', '22P02', '1e400'),
	('Minst 1E5', '22P02', '1E5'),
	('Minst 6,5E-3', '22P02', '6,5E-3'),
	('1e5 %', '22P02', 'bare 1e5 %'),
	('Högst 2.5e+3 barn', '22P02', '2.5e+3'),
	('Minst 1e-400', '22P02', '1e-400'),
	-- NaN and infinities
	('NaN', '22P02', 'NaN'),
	('Minst NaN', '22P02', 'Minst NaN'),
	('Minst nan %', '22P02', 'Minst nan %'),
	('Infinity', '22P02', 'Infinity'),
	('Högst -Infinity', '22P02', 'Högst -Infinity'),
	('Minst inf', '22P02', 'Minst inf'),
	('Minst +inf', '22P02', 'Minst +inf'),
	(U&'Minst \221E', '22P02', 'Minst ∞'),
	(U&'-\221E', '22P02', '-∞'),
	('Mellan -Infinity och 5', '22P02', 'range from -Infinity'),
	('Öka från 1 till Infinity', '22P02', 'change to Infinity'),
	-- control characters (C0 other than white space, DEL, C1)
	(E'Minst \x01 65', '22P02', 'U+0001'),
	(E'Minst 65 %\x7f', '22P02', 'DEL'),
	(E'\x1b[31mMinst 65', '22P02', 'ANSI escape'),
	(E'Minst 6\x085', '22P02', 'backspace'),
	(E'Minst 65 %\x07', '22P02', 'bell'),
	(E'Minst 65\x1f', '22P02', 'unit separator U+001F'),
	(U&'Minst 65 \0085', '22P02', 'C1 next line U+0085'),
	(U&'Minst \009B65', '22P02', 'C1 CSI U+009B'),
	(E'Minst 65 b\x01arn', '22P02', 'control character inside a unit'),
	-- stray text and SQL-looking text
	('Minst 65 %;', '22P02', 'trailing semicolon'),
	('Minst 65 %; DROP TABLE x', '22P02', 'statement after the target'),
	($$Minst 65'); DROP TABLE goalmetrics.outcome; --$$, '22P02', 'quote and statement'),
	($$Minst 65 %' OR '1'='1$$, '22P02', 'quoted tautology'),
	('Minst 65 OR 1=1', '22P02', 'tautology'),
	('1; SELECT pg_sleep(10)', '22P02', 'number and statement'),
	('/* */ 65', '22P02', 'comment first'),
	('Minst 65 -- comment', '22P02', 'line comment'),
	('<script>alert(1)</script>', '22P02', 'markup'),
	('Minst 65 % $$', '22P02', 'dollar quotes'),
	(E'Minst 65 %\\', '22P02', 'backslash'),
	('Minst {65}', '22P02', 'braces'),
	('Minst "65"', '22P02', 'double-quoted number'),
	('[1,2]', '22P02', 'array-looking'),
	(U&'Minst 65 % \2265', '22P02', 'trailing ≥'),
	(U&'Minst 65 \2192 70', '22P02', 'arrow'),
	(repeat('(', 10000) || '5', '22P02', '10 000 parentheses'),
	('Minst 65 % 1', '22P02', 'digit after the unit'),
	-- units: too long (> 64 bytes), or misplaced
	('Minst 5 ' || repeat('x', 65), '22001', '65-byte unit after'),
	('Minst 5 ' || repeat('å', 33), '22001', '66-byte unit of two-byte letters'),
	('Minst ' || repeat('y', 65) || ' 5', '22001', '65-byte unit before'),
	('5 ' || repeat('ord ', 20), '22001', 'twenty unit words, 79 bytes'),
	('Minst 5 ' || repeat('x', 1048576), '22001', 'a megabyte of unit'),
	-- after a comparator, words before the number are a unit (grammar), but
	-- not a comparator word (two comparators are 22P02, above)
	(repeat('Minst ', 10000) || '5', '22P02', '10 000 comparators: the second is no unit word'),
	('Minst ' || repeat('index ', 10000) || '5', '22001', '10 000 unit words before the number'),
	('Mellan 1 och 2 ' || repeat('z', 65), '22001', 'overlong unit of a range'),
	('Minst index 79 %', '22P02', 'unit before and after'),
	('Mellan 5 % och 10 st', '22P02', 'range with two units'),
	('Mellan index 5 och 10 st', '22P02', 'range with units before and after'),
	('Mellan 5 och index 10', '22P02', 'unit before the upper bound'),
	('Öka från 70 % till 75 st', '22P02', 'change with two units'),
	(U&'5 kr\201310 st', '22P02', 'dash range with two units'),
	-- ranges and changes that say nothing or contradict themselves
	('Mellan 10 och 5', '22P02', 'reversed range'),
	(U&'105\201395 %', '22P02', 'reversed dash range'),
	('Mellan 5 och 10 och 15', '22P02', 'three range bounds'),
	('between 1 and 2 and 3', '22P02', 'three english range bounds'),
	('Öka från 75 till 70', '22P02', 'increase to a lower value'),
	('Minska från 30 till 40', '22P02', 'decrease to a higher value'),
	('från 5 till 5', '22P02', 'no change'),
	('increase from 70 % to 60 %', '22P02', 'english increase downwards'),
	('reduce from 40 to 50 days', '22P02', 'english reduce upwards'),
	('Öka från 70 till 75 till 80', '22P02', 'two targets');


-- ---------------------------------------------------------------- binary
-- The binary form is a format-version byte (1) and the packed form
-- (doc/metric_target.md, "Storage").  recv is reached the way a driver
-- reaches it, through COPY ... (FORMAT binary): a one-column bytea COPY
-- file carries exactly the bytes given, and copying it into a
-- metric_target column hands those bytes to recv.
CREATE TEMP TABLE recv_out (t metric_target) ON COMMIT DROP;
CREATE FUNCTION pg_temp.recv(b bytea) RETURNS goalmetrics.metric_target
LANGUAGE plpgsql AS $$
DECLARE
	f	text := '/tmp/goalmetrics_90_bad_input_' || pg_backend_pid() || '.bin';
	r	goalmetrics.metric_target;
BEGIN
	TRUNCATE recv_out;
	EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', b, f);
	EXECUTE format('COPY recv_out FROM PROGRAM %L (FORMAT binary)',
				   'cat ' || f || '; rm -f ' || f);
	SELECT t INTO r FROM recv_out;
	RETURN r;
END
$$;

CREATE TEMP TABLE bad_binary (
	id		serial PRIMARY KEY,
	bytes	bytea NOT NULL,
	what	text NOT NULL
) ON COMMIT DROP;

-- Every truncation of valid values, up to and including the cut that
-- leaves the unit empty (a cut inside an ASCII unit is a shorter valid
-- unit, so those are not malformed).
INSERT INTO bad_binary (bytes, what)
SELECT substr(b, 1, n), pg_catalog.format('%s cut to %s of %s bytes', v, n, length(b))
FROM (VALUES ('Minst 65 %'), ('Högst 2 100 barn'), ('Minst index 79'),
			 ('Mellan 95 och 105 %'), ('Öka från 70 % till 75 %'),
			 ('Minst 123 456 789 012 345'), ('100 %'), ('Exakt -0,5'),
			 ('Minst 0'), ('Under -1 234,5 kr')) AS v(v),
	 LATERAL (SELECT metric_target_send(v::metric_target) AS b,
					 coalesce(octet_length(target_unit(v::metric_target)), 0) AS ulen) AS s,
	 LATERAL generate_series(0, length(b) - ulen - (ulen = 0)::integer) AS n
ORDER BY v, n;

INSERT INTO bad_binary (bytes, what) VALUES
	-- Högst 170 vårddygn is 01 41 10 aa 76 c3 a5 ...: cut inside "å"
	('\x014110aa76c3', 'cut inside a two-byte character of the unit'),
	-- the version byte
	('\x0040104125', 'format version 0'),
	('\x0240104125', 'format version 2'),
	('\xff40104125', 'format version 255'),
	-- the flags byte
	('\x0146104125', 'comparator code 6'),
	('\x0147104125', 'comparator code 7'),
	('\x01c0104125', 'reserved flag bit 7 set'),
	('\x0160104125', 'unit position 3'),
	('\x0100104125', 'unit position none, but unit bytes follow'),
	('\x0120104125', '% written before the number'),
	('\x01091005', 'bare at_most'),
	('\x0118104b1046', 'bare with a baseline'),
	('\x0128100578', 'bare with a unit before'),
	('\x0120100548c3b6677374', 'unit "Högst" before the number: a comparator'),
	('\x01', 'only the version byte'),
	-- decimals
	('\x010070ffffffffffffff', 'magnitude 2^56 - 1, above 10^15'),
	('\x0100700080c6a47e8d03', 'magnitude exactly 10^15'),
	('\x0100204100', 'non-minimal magnitude (zero high byte)'),
	('\x01001000', 'zero written with one byte'),
	('\x010080', 'negative zero'),
	('\x010085', 'negative zero with a scale'),
	('\x0100304100', 'magnitude shorter than its length says'),
	('\x0100f0', 'length 7 and sign, no bytes'),
	-- ranges and baselines
	('\x01051005', 'range without its upper bound'),
	('\x010510', 'range with a cut lower bound'),
	('\x0105100a1005', 'reversed range 10 to 5'),
	('\x0105100520ff', 'range with an upper bound cut short'),
	('\x0105100510070a', 'range without unit, trailing byte'),
	('\x0110104b1050', 'increase whose baseline is above the target'),
	('\x0110104b104b', 'increase from a value to itself'),
	('\x0111104b1046', 'decrease whose baseline is below the target'),
	('\x0114104b1046', 'exactly with a baseline'),
	('\x0115100510071003', 'range with a baseline'),
	('\x0110104b', 'baseline flag without a baseline'),
	-- units: bad UTF-8, not in normal form, too long
	('\x01401005ff', 'unit byte 0xff'),
	('\x01401005c3', 'unit with a truncated two-byte sequence'),
	('\x01401005c0af', 'unit with an overlong encoding'),
	('\x01401005eda080', 'unit with a UTF-16 surrogate'),
	('\x01401005f4908080', 'unit beyond U+10FFFF'),
	('\x01401005610062', 'unit with a NUL byte'),
	('\x014010052061', 'unit with a leading space'),
	('\x014010056120', 'unit with a trailing space'),
	('\x0140100561202062', 'unit with two spaces'),
	('\x0140100561090062', 'unit with a tab and a NUL'),
	('\x014010056101', 'unit with a control character'),
	('\x01401005c2a0', 'unit of a no-break space'),
	('\x01401005e289a5', 'unit of ≥'),
	('\x01401005e28093', 'unit of an en dash'),
	('\x014010053578', 'unit starting with a digit'),
	('\x01401005' || convert_to('procent', 'UTF8'), 'unit procent, not in normal form'),
	('\x01401005' || convert_to('PERCENT', 'UTF8'), 'unit PERCENT, not in normal form'),
	('\x01401005' || convert_to(repeat('x', 65), 'UTF8'), 'unit of 65 bytes'),
	('\x01401005' || convert_to(repeat('x', 200), 'UTF8'), 'unit of 200 bytes'),
	('\x01' || convert_to(repeat('x', 1048576), 'UTF8'), 'a megabyte of bytes');


-- ------------------------------------------------------------- functions
-- NaN, infinite and out-of-range arguments to every function, bad state
-- values, bad constructor arguments and bad settings: each a statement and
-- the SQLSTATE it must raise (doc/fulfilment.md, doc/rollup.md,
-- doc/metric_target.md, doc/settings.md).
CREATE TEMP TABLE bad_call (
	id		serial PRIMARY KEY,
	sql		text NOT NULL,
	state	text NOT NULL,
	what	text NOT NULL
) ON COMMIT DROP;

INSERT INTO bad_call (sql, state, what) VALUES
	-- read_outcome(): the number grammar of targets (issue 12)
	($$SELECT goalmetrics.read_outcome('59 60')$$, '22P02', 'read_outcome of two cells glued, 59 60'),
	($$SELECT goalmetrics.read_outcome('1 23')$$, '22P02', 'read_outcome of a short digit group'),
	($$SELECT goalmetrics.read_outcome('2014 2015')$$, '22P02', 'read_outcome of two years'),
	($$SELECT goalmetrics.read_outcome(U&'5\2003000')$$, '22P02', 'read_outcome with an em space'),
	($$SELECT goalmetrics.read_outcome('65 % %')$$, '22P02', 'read_outcome with percent twice'),
	($$SELECT goalmetrics.read_outcome(U&'65 %\200B')$$, '22P02', 'read_outcome with a zero-width space'),
	($$SELECT goalmetrics.read_outcome('ungefär 5')$$, '22P02', 'read_outcome of words'),
	($$SELECT goalmetrics.read_outcome('NaN')$$, '22P02', 'read_outcome of NaN'),
	($$SELECT goalmetrics.read_outcome('1e5')$$, '22P02', 'read_outcome in scientific notation'),
	($$SELECT goalmetrics.read_outcome(repeat('9', 39))$$, '22003', 'read_outcome of 39 digits'),
	-- fulfilment(), every overload
	($$SELECT goalmetrics.fulfilment('NaN'::numeric, 'Minst 5')$$, '22023', 'fulfilment(numeric NaN)'),
	($$SELECT goalmetrics.fulfilment('Infinity'::numeric, 'Minst 5')$$, '22023', 'fulfilment(numeric Infinity)'),
	($$SELECT goalmetrics.fulfilment('-Infinity'::numeric, 'Högst 5')$$, '22023', 'fulfilment(numeric -Infinity)'),
	($$SELECT goalmetrics.fulfilment('NaN'::numeric, 'Minst 5', false)$$, '22023', 'fulfilment(numeric NaN, uncapped)'),
	($$SELECT goalmetrics.fulfilment('Infinity'::numeric, 'Mellan 1 och 2', false)$$, '22023', 'fulfilment(numeric Infinity, range, uncapped)'),
	($$SELECT goalmetrics.fulfilment('NaN'::float8, 'Minst 5')$$, '22023', 'fulfilment(float8 NaN)'),
	($$SELECT goalmetrics.fulfilment('Infinity'::float8, 'Minst 5')$$, '22023', 'fulfilment(float8 Infinity)'),
	($$SELECT goalmetrics.fulfilment('-Infinity'::float8, 'Exakt 5')$$, '22023', 'fulfilment(float8 -Infinity)'),
	($$SELECT goalmetrics.fulfilment('NaN'::float8, 'Minst 5', false)$$, '22023', 'fulfilment(float8 NaN, uncapped)'),
	($$SELECT goalmetrics.fulfilment('NaN'::real, 'Minst 5')$$, '22023', 'fulfilment(real NaN)'),
	($$SELECT goalmetrics.fulfilment('Infinity'::real, 'Öka från 1 till 2')$$, '22023', 'fulfilment(real Infinity, change)'),
	($$SELECT goalmetrics.fulfilment('-Infinity'::real, 'Minst 5', false)$$, '22023', 'fulfilment(real -Infinity, uncapped)'),
	($$SELECT goalmetrics.fulfilment(1e131071, 'Minst 0,000000000000001', false)$$, '22003', 'uncapped fulfilment beyond numeric'),
	-- meets()
	($$SELECT goalmetrics.meets('NaN'::numeric, 'Minst 5')$$, '22023', 'meets(numeric NaN)'),
	($$SELECT goalmetrics.meets('Infinity'::numeric, 'Högst 5')$$, '22023', 'meets(numeric Infinity)'),
	($$SELECT goalmetrics.meets('NaN'::float8, 'Minst 5')$$, '22023', 'meets(float8 NaN)'),
	($$SELECT goalmetrics.meets('-Infinity'::float8, 'Under 5')$$, '22023', 'meets(float8 -Infinity)'),
	($$SELECT goalmetrics.meets('NaN'::real, 'Över 5')$$, '22023', 'meets(real NaN)'),
	-- status() of outcomes, with settings and with explicit thresholds
	($$SELECT goalmetrics.status('NaN'::numeric, 'Minst 5')$$, '22023', 'status(numeric NaN)'),
	($$SELECT goalmetrics.status('-Infinity'::numeric, 'Minst 5')$$, '22023', 'status(numeric -Infinity)'),
	($$SELECT goalmetrics.status('Infinity'::numeric, 'Minst 5', 90, 100)$$, '22023', 'status(numeric Infinity, thresholds)'),
	($$SELECT goalmetrics.status('NaN'::float8, 'Minst 5')$$, '22023', 'status(float8 NaN)'),
	($$SELECT goalmetrics.status('Infinity'::float8, 'Minst 5', 90, 100)$$, '22023', 'status(float8 Infinity, thresholds)'),
	($$SELECT goalmetrics.status('NaN'::real, 'Minst 5')$$, '22023', 'status(real NaN)'),
	($$SELECT goalmetrics.status('-Infinity'::real, 'Minst 5', 90, 100)$$, '22023', 'status(real -Infinity, thresholds)'),
	($$SELECT goalmetrics.status(5, 'Minst 5', 'NaN', 100)$$, '22023', 'threshold partly_above NaN'),
	($$SELECT goalmetrics.status(5, 'Minst 5', 90, 'Infinity')$$, '22023', 'threshold fulfilled_at Infinity'),
	($$SELECT goalmetrics.status(5, 'Minst 5', -1, 100)$$, '22023', 'threshold partly_above -1'),
	($$SELECT goalmetrics.status(5, 'Minst 5', 90, 101)$$, '22023', 'threshold fulfilled_at 101'),
	($$SELECT goalmetrics.status(5, 'Minst 5', 90, 1e1000)$$, '22023', 'threshold fulfilled_at 1e1000'),
	($$SELECT goalmetrics.status(5, 'Minst 5', 100, 90)$$, '22023', 'partly_above above fulfilled_at'),
	($$SELECT goalmetrics.status(5, 'Minst 5', 95, 95)$$, '22023', 'partly_above equal to fulfilled_at'),
	($$SELECT goalmetrics.status(5::bigint, 'Minst 5', 90, -5)$$, '22023', 'status(bigint) with a negative threshold'),
	($$SELECT goalmetrics.status(5::integer, 'Minst 5', 'NaN', 'NaN')$$, '22023', 'status(integer) with NaN thresholds'),
	-- status() of a percent
	($$SELECT goalmetrics.status_of_percent('NaN'::numeric)$$, '22023', 'status_of_percent(NaN)'),
	($$SELECT goalmetrics.status_of_percent('Infinity'::numeric)$$, '22023', 'status_of_percent(Infinity)'),
	($$SELECT goalmetrics.status_of_percent('-Infinity'::numeric, 90, 100)$$, '22023', 'status_of_percent(-Infinity, thresholds)'),
	($$SELECT goalmetrics.status_of_percent(50::numeric, 95, 90)$$, '22023', 'status_of_percent() with crossed thresholds'),
	($$SELECT goalmetrics.status_of_percent(50::numeric, 90, 'NaN')$$, '22023', 'status_of_percent() with NaN threshold'),
	-- labels and symbols
	($$SELECT goalmetrics.status_label('fulfilled', 'de')$$, '22023', 'status_label in German'),
	($$SELECT goalmetrics.status_label('fulfilled', '')$$, '22023', 'status_label with empty language'),
	($$SELECT goalmetrics.status_label('fulfilled', repeat('x', 1048576))$$, '22023', 'status_label with a megabyte language'),
	($$SELECT 'done'::goalmetrics.status_band$$, '22P02', 'an unknown status label'),
	($$SELECT goalmetrics.trend_symbol('sideways')$$, '22P02', 'trend_symbol of an unknown trend'),
	($$SELECT goalmetrics.trend_symbol('')$$, '22P02', 'trend_symbol of empty text'),
	-- rollup() over metrics
	($$SELECT goalmetrics.rollup(o, 'Minst 5') FROM (VALUES (1::numeric), ('NaN')) v(o)$$, '22023', 'rollup of a NaN outcome'),
	($$SELECT goalmetrics.rollup(o, 'Minst 5') FROM (VALUES ('Infinity'::numeric)) v(o)$$, '22023', 'rollup of an infinite outcome'),
	($$SELECT goalmetrics.rollup(5, 'Minst 5', -1)$$, '22023', 'rollup weight -1'),
	($$SELECT goalmetrics.rollup(NULL::numeric, 'Minst 5', -1)$$, '22023', 'rollup weight -1 without outcome'),
	($$SELECT goalmetrics.rollup(5, 'Minst 5', 'NaN')$$, '22023', 'rollup weight NaN'),
	($$SELECT goalmetrics.rollup(5, 'Minst 5', 'Infinity')$$, '22023', 'rollup weight Infinity'),
	($$SELECT goalmetrics.rollup(5, 'Minst 5', 1e7)$$, '22023', 'rollup weight above 1 000 000'),
	($$SELECT goalmetrics.rollup(5, 'Minst 5', 0.0000001)$$, '22023', 'rollup weight with 7 decimals'),
	-- rollup() over roll-up results
	($$SELECT goalmetrics.rollup(ROW(100, 'fulfilled', 1, -1, 1, 0, 0, 0)::goalmetrics.rollup_result)$$, '22023', 'rollup_result with a negative count'),
	($$SELECT goalmetrics.rollup(ROW('NaN', 'fulfilled', 1, 1, 1, 0, 0, 0)::goalmetrics.rollup_result)$$, '22023', 'rollup_result with NaN fulfilment'),
	($$SELECT goalmetrics.rollup(ROW(150, 'fulfilled', 1, 1, 1, 0, 0, 0)::goalmetrics.rollup_result)$$, '22023', 'rollup_result above 100'),
	($$SELECT goalmetrics.rollup(ROW(-1, 'not_fulfilled', 1, 1, 0, 0, 1, 0)::goalmetrics.rollup_result)$$, '22023', 'rollup_result below 0'),
	($$SELECT goalmetrics.rollup(ROW(100, 'fulfilled', 1, 5, 1, 0, 0, 0)::goalmetrics.rollup_result)$$, '22023', 'rollup_result counts not adding up'),
	($$SELECT goalmetrics.rollup(ROW(100, NULL, 1, 1, 1, 0, 0, 0)::goalmetrics.rollup_result)$$, '22023', 'rollup_result without status'),
	($$SELECT goalmetrics.rollup(ROW(NULL, 'fulfilled', 1, 1, 1, 0, 0, 0)::goalmetrics.rollup_result)$$, '22023', 'rollup_result fulfilled without fulfilment'),
	($$SELECT goalmetrics.rollup(r) FROM (VALUES (ROW(100, 'fulfilled', 2147483647, 2147483647, 2147483647, 0, 0, 0)::goalmetrics.rollup_result), (ROW(100, 'fulfilled', 1, 2147483647, 2147483647, 0, 0, 0)::goalmetrics.rollup_result)) v(r)$$, '22003', 'rollup counts beyond integer'),
	($$SELECT goalmetrics.rollup_combine(goalmetrics.rollup_accum(NULL, 5, 'Minst 5'), goalmetrics.rollup_accum(NULL, ROW(100, 'fulfilled', 1, 1, 1, 0, 0, 0)::goalmetrics.rollup_result))$$, '22023', 'combining a metric state with a roll-up state'),
	-- trend()
	($$SELECT goalmetrics.trend(y, o, 'Minst 5') FROM (VALUES (2014, 'NaN'::numeric), (2015, 5)) v(y, o)$$, '22023', 'trend of a NaN outcome, as fulfilment()'),
	($$SELECT goalmetrics.trend(y, o, 'Minst 5') FROM (VALUES (2014, 'Infinity'::numeric), (2015, 5)) v(y, o)$$, '22023', 'trend of an infinite outcome, as fulfilment()'),
	($$SELECT goalmetrics.trend(y, o, 'Minst 5') FROM (VALUES (2014, '-Infinity'::numeric), (2015, 5)) v(y, o)$$, '22023', 'trend of a -Infinity outcome, as fulfilment()'),
	($$SELECT goalmetrics.trend(y, o, 'Minst 5') FROM (VALUES (2014, 1e1000), (2015, 5)) v(y, o)$$, '22003', 'trend of a 1001-digit outcome'),
	($$SELECT goalmetrics.trend(y, o, 'Minst 5') FROM (VALUES (2014, 1e-1000), (2015, 5)) v(y, o)$$, '22003', 'trend of an outcome with 1000 decimals'),
	-- the aggregate state types' text forms
	($$SELECT 'garbage'::goalmetrics.rollup_state$$, '22P02', 'rollup_state garbage'),
	($$SELECT ''::goalmetrics.rollup_state$$, '22P02', 'rollup_state empty'),
	($$SELECT repeat('v=1 ', 100000)::goalmetrics.rollup_state$$, '22P02', 'rollup_state 400 kB of repeats'),
	($$SELECT replace(goalmetrics.rollup_accum(NULL, 5, 'Minst 5')::text, 'v=1', 'v=2')::goalmetrics.rollup_state$$, '22P02', 'rollup_state version 2'),
	($$SELECT replace(goalmetrics.rollup_accum(NULL, 5, 'Minst 5')::text, 'level=1', 'level=7')::goalmetrics.rollup_state$$, '22P02', 'rollup_state level 7'),
	($$SELECT replace(goalmetrics.rollup_accum(NULL, 5, 'Minst 5')::text, 'parts=1', 'parts=-1')::goalmetrics.rollup_state$$, '22P02', 'rollup_state negative parts'),
	($$SELECT replace(goalmetrics.rollup_accum(NULL, 5, 'Minst 5')::text, 'fulfilled=1', 'fulfilled=2')::goalmetrics.rollup_state$$, '22P02', 'rollup_state counts not adding up'),
	($$SELECT (goalmetrics.rollup_accum(NULL, 5, 'Minst 5')::text || ' extra=1')::goalmetrics.rollup_state$$, '22P02', 'rollup_state with an extra field'),
	($$SELECT regexp_replace(goalmetrics.rollup_accum(NULL, 5, 'Minst 5')::text, ' weighted_met=.*$', '')::goalmetrics.rollup_state$$, '22P02', 'rollup_state missing a field'),
	($$SELECT regexp_replace(goalmetrics.rollup_accum(NULL, 5, 'Minst 5')::text, 'weighted_pct=[0-9]+', 'weighted_pct=999999999999999999999999999999999999999999')::goalmetrics.rollup_state$$, '22P02', 'rollup_state sum beyond 128 bits'),
	($$SELECT replace(replace(goalmetrics.rollup_accum(NULL, 5, 'Minst 5')::text, 'partly_above=90000000', 'partly_above=X'), 'fulfilled_at=100000000', 'partly_above=100000000')::goalmetrics.rollup_state$$, '22P02', 'rollup_state fields out of order'),
	($$SELECT 'x'::goalmetrics.trend_state$$, '22P02', 'trend_state garbage'),
	($$SELECT ''::goalmetrics.trend_state$$, '22P02', 'trend_state empty'),
	($$SELECT 'v=1 first=2014:5 last=2013:5 target=2014:001005 tolerance=-'::goalmetrics.trend_state$$, '22P02', 'trend_state last before first'),
	($$SELECT 'v=1 first=2014:5 last=2014:5 target=2014:ff1005 tolerance=-'::goalmetrics.trend_state$$, '22P02', 'trend_state with a corrupt packed target'),
	($$SELECT 'v=1 first=2014:NaN last=2014:5 target=2014:001005 tolerance=-'::goalmetrics.trend_state$$, '22P02', 'trend_state NaN outcome'),
	($$SELECT 'v=1 first=2014:5 last=2014:5 target=2014: tolerance=-'::goalmetrics.trend_state$$, '22P02', 'trend_state empty target'),
	($$SELECT 'v=1 first=2014:5 last=2014:5 target=2014:0010 tolerance=-'::goalmetrics.trend_state$$, '22P02', 'trend_state cut target'),
	-- constructors and format_target
	($$SELECT goalmetrics.metric_target('between', 1)$$, '22023', 'metric_target(between) without upper bound'),
	($$SELECT goalmetrics.metric_target('bogus', 1)$$, '22023', 'metric_target with an unknown comparator'),
	($$SELECT goalmetrics.metric_target('', 1)$$, '22023', 'metric_target with an empty comparator'),
	($$SELECT goalmetrics.metric_target('at_least', 'NaN')$$, '22023', 'metric_target of NaN'),
	($$SELECT goalmetrics.metric_target('at_most', '-Infinity')$$, '22023', 'metric_target of -Infinity'),
	($$SELECT goalmetrics.metric_target('at_least', 1e15)$$, '22003', 'metric_target of 16 digits'),
	($$SELECT goalmetrics.metric_target('at_least', 1e-16)$$, '22003', 'metric_target of 16 decimals'),
	($$SELECT goalmetrics.metric_target('at_least', 1e131071)$$, '22003', 'metric_target of 131072 digits'),
	($$SELECT goalmetrics.metric_target('at_least', 1, repeat('x', 65))$$, '22001', 'metric_target with a 65-byte unit'),
	($$SELECT goalmetrics.metric_target('at_least', 1, E'x\x01')$$, '22023', 'metric_target unit with a control character'),
	($$SELECT goalmetrics.metric_target('at_least', 1, '')$$, '22023', 'metric_target with an empty unit'),
	($$SELECT goalmetrics.metric_target('at_least', 1, ' ')$$, '22023', 'metric_target with a blank unit'),
	($$SELECT goalmetrics.metric_target('at_least', 1, '5 kr')$$, '22023', 'metric_target unit starting with a digit'),
	($$SELECT goalmetrics.metric_target_range(5, 1)$$, '22023', 'metric_target_range reversed'),
	($$SELECT goalmetrics.metric_target_range('NaN', 1)$$, '22023', 'metric_target_range from NaN'),
	($$SELECT goalmetrics.metric_target_range(1, 'Infinity')$$, '22023', 'metric_target_range to Infinity'),
	($$SELECT goalmetrics.metric_target_range(1, 1e20)$$, '22003', 'metric_target_range to 1e20'),
	($$SELECT goalmetrics.with_comparator('5', 'bogus')$$, '22023', 'with_comparator unknown'),
	($$SELECT goalmetrics.with_comparator('5', 'between')$$, '22023', 'with_comparator between'),
	($$SELECT goalmetrics.with_comparator('Mellan 1 och 2', 'at_most')$$, '22023', 'with_comparator on a range'),
	($$SELECT goalmetrics.with_comparator('Öka från 1 till 2', 'at_most')$$, '22023', 'with_comparator on a change target'),
	($$SELECT goalmetrics.format_target('Minst 5', 'klingon')$$, '22023', 'format_target unknown style'),
	($$SELECT goalmetrics.format_target('Minst 5', '')$$, '22023', 'format_target empty style'),
	-- settings: refused when set
	($$SET goalmetrics.partly_above = 'abc'$$, '22023', 'partly_above abc'),
	($$SET goalmetrics.partly_above = 101$$, '22023', 'partly_above 101'),
	($$SET goalmetrics.partly_above = -1$$, '22023', 'partly_above -1'),
	($$SET goalmetrics.partly_above = 'NaN'$$, '22023', 'partly_above NaN'),
	($$SET goalmetrics.partly_above = 'Infinity'$$, '22023', 'partly_above Infinity'),
	($$SET goalmetrics.partly_above = ''$$, '22023', 'partly_above empty'),
	($$SET goalmetrics.fulfilled_at = 100.5$$, '22023', 'fulfilled_at 100.5'),
	($$SET goalmetrics.fulfilled_at = '1e400'$$, '22023', 'fulfilled_at 1e400'),
	($$SET goalmetrics.rollup_method = 'median'$$, '22023', 'rollup_method median'),
	($$SET goalmetrics.rollup_method = ''$$, '22023', 'rollup_method empty'),
	($$SET goalmetrics.trend_tolerance = -0.1$$, '22023', 'trend_tolerance -0.1'),
	($$SET goalmetrics.trend_tolerance = 'x'$$, '22023', 'trend_tolerance x'),
	($$SELECT set_config('goalmetrics.partly_above', '1e999', true)$$, '22023', 'set_config partly_above 1e999'),
	($$SET goalmetrics.no_such_setting = 1$$, '42602', 'an unknown goalmetrics setting (reserved prefix)'),
	-- settings: consistent one by one, inconsistent together, refused when used
	($$SET LOCAL goalmetrics.partly_above = 100; SELECT goalmetrics.status(5, 'Minst 5')$$, '22023', 'status with partly_above = fulfilled_at'),
	($$SET LOCAL goalmetrics.fulfilled_at = 50; SELECT goalmetrics.status_of_percent(50::numeric)$$, '22023', 'status_of_percent() with fulfilled_at below partly_above'),
	($$SET LOCAL goalmetrics.fulfilled_at = 80; SELECT goalmetrics.rollup(5, 'Minst 5')$$, '22023', 'rollup with crossed settings');

-- ---------------------------------------------------------------- schema
-- Bad rows for the reference schema's tables: refused with the check or
-- key violation, never stored.  A committee, goal and metric to write to:
INSERT INTO goalmetrics.committee (committee_id, name) VALUES (990001, 'Nämnden för dåliga indata');
INSERT INTO goalmetrics.goal (goal_id, committee_id, perspective_id, title)
	SELECT 990001, 990001, perspective_id, 'Alla indata avvisas' FROM goalmetrics.perspective WHERE name_sv = 'Invånare';
INSERT INTO goalmetrics.metric (metric_id, goal_id, name) VALUES (990001, 990001, 'Avvisade indata');

INSERT INTO bad_call (sql, state, what) VALUES
	($$INSERT INTO goalmetrics.outcome (metric_id, year, value) VALUES (990001, 2016, 'NaN')$$, '23514', 'outcome NaN'),
	($$INSERT INTO goalmetrics.outcome (metric_id, year, value) VALUES (990001, 2016, 'Infinity')$$, '23514', 'outcome Infinity'),
	($$INSERT INTO goalmetrics.outcome (metric_id, year, value) VALUES (990001, 2016, '-Infinity')$$, '23514', 'outcome -Infinity'),
	($$INSERT INTO goalmetrics.outcome (metric_id, year, value) VALUES (990001, 1800, 5)$$, '23514', 'outcome year 1800'),
	($$INSERT INTO goalmetrics.outcome (metric_id, year, value) VALUES (990001, 3000, 5)$$, '23514', 'outcome year 3000'),
	($$INSERT INTO goalmetrics.outcome (metric_id, year, value) VALUES (-1, 2016, 5)$$, '23503', 'outcome of an unknown metric'),
	($$INSERT INTO goalmetrics.outcome (metric_id, year, value) VALUES (990001, NULL, 5)$$, '23502', 'outcome without a year'),
	($$INSERT INTO goalmetrics.outcome (metric_id, year, value) VALUES (990001, 2016, 'fem')$$, '22P02', 'outcome as a word'),
	($$INSERT INTO goalmetrics.target (metric_id, year, target) VALUES (990001, 2016, 'Ungefär 5')$$, '22P02', 'target text that is no target'),
	($$INSERT INTO goalmetrics.target (metric_id, year, target) VALUES (990001, 2016, 'Minst 1e400')$$, '22P02', 'target 1e400'),
	($$INSERT INTO goalmetrics.target (metric_id, year, target) VALUES (990001, 1899, 'Minst 5')$$, '23514', 'target year 1899'),
	($$INSERT INTO goalmetrics.target (metric_id, year, target) VALUES (990001, 2016, NULL)$$, '23502', 'target NULL'),
	($$INSERT INTO goalmetrics.metric (goal_id, name, weight) VALUES (990001, 'Negativ vikt', -1)$$, '22023', 'metric weight -1'),
	($$INSERT INTO goalmetrics.metric (goal_id, name, weight) VALUES (990001, 'NaN-vikt', 'NaN')$$, '22023', 'metric weight NaN'),
	($$INSERT INTO goalmetrics.metric (goal_id, name, weight) VALUES (990001, 'Oändlig vikt', 'Infinity')$$, '22023', 'metric weight Infinity'),
	($$INSERT INTO goalmetrics.metric (goal_id, name) VALUES (990001, '')$$, '23514', 'metric with an empty name'),
	($$INSERT INTO goalmetrics.metric (goal_id, name) VALUES (990001, ' Avvisade indata')$$, '23514', 'metric name with a leading space'),
	($$INSERT INTO goalmetrics.committee (name) VALUES ('')$$, '23514', 'committee with an empty name'),
	($$INSERT INTO goalmetrics.committee (name) VALUES ('Nämnden för dåliga indata')$$, '23505', 'committee name twice'),
	($$UPDATE goalmetrics.goal SET parent_goal_id = goal_id WHERE goal_id = 990001$$, '23514', 'goal that is its own parent'),
	($$INSERT INTO goalmetrics.perspective (name_sv, name_en) VALUES ('INVÅNARE', 'People')$$, '23505', 'perspective name twice, other case');

-- ---------------------------------------------------------------- import
-- One bad row never fails the load: every unreadable row stays in
-- report_import with its problem, the readable one is imported.
DELETE FROM goalmetrics.report_import;
INSERT INTO goalmetrics.report_import (committee, perspective, goal, metric, year, outcome, target) VALUES
	('Importnämnden', 'Invånare', 'Mål', 'Läsbar', 2016, '59 %', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'Dålig målvärdestext', 2016, '59 %', 'Ungefär 65'),
	('Importnämnden', 'Invånare', 'Mål', 'Målvärde 1e400', 2016, '59 %', 'Minst 1e400'),
	('Importnämnden', 'Invånare', 'Mål', 'Megabyte-målvärde', 2016, '59 %', 'Minst ' || repeat('9', 1048576)),
	('Importnämnden', 'Okänt perspektiv', 'Mål', 'Perspektivet', 2016, '59 %', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'Utfall NaN', 2016, 'NaN', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'Utfall Infinity', 2016, 'Infinity', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'Utfall 1e5', 2016, '1e5', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'Utfall i ord', 2016, 'ungefär sextio', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'Megabyte-utfall', 2016, repeat('9', 1048576), 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', '200 000 siffror', 2016, repeat('9', 200000), 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', '17 000 decimaler', 2016, '0,' || repeat('0', 17000) || '1', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'Kontrolltecken', 2016, E'5\x01', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'År 1800', 1800, '59 %', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', 'Inget år', NULL, '59 %', 'Minst 65 %'),
	(NULL, 'Invånare', 'Mål', 'Ingen nämnd', 2016, '59 %', 'Minst 65 %'),
	('Importnämnden', 'Invånare', NULL, 'Inget mål', 2016, '59 %', 'Minst 65 %'),
	('Importnämnden', 'Invånare', 'Mål', NULL, 2016, '59 %', 'Minst 65 %'),
	('   ', 'Invånare', 'Mål', 'Blank nämnd', 2016, '59 %', 'Minst 65 %');

-- ================================================================ plan
SELECT plan(
	2 * (SELECT count(*)::integer FROM bad_text)	-- cast and try_
	+ 3	-- bounded error message, varchar and assignment casts
	+ 3	-- invalid UTF-8, refused by the server
	+ 9	-- boundaries that are valid
	+ (SELECT count(*)::integer FROM bad_binary) + 3	-- binary
	+ (SELECT count(*)::integer FROM bad_call) + 6	-- functions
	+ 4	-- import
	+ 4	-- server still answers
);

-- ------------------------------------------------------- text assertions
SELECT throws_ok(pg_catalog.format('SELECT %L::goalmetrics.metric_target', input),
				 state, NULL, pg_catalog.format('text %s: %s', id, what))
FROM bad_text ORDER BY id;

SELECT is(try_metric_target(input), NULL,
		  pg_catalog.format('try_metric_target is NULL for text %s: %s', id, what))
FROM bad_text ORDER BY id;

-- a megabyte of digits does not become a megabyte of error message
CREATE FUNCTION pg_temp.error_length(input text) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM input::goalmetrics.metric_target;
	RETURN 0;
EXCEPTION WHEN OTHERS THEN
	RETURN length(SQLERRM);
END
$$;
SELECT cmp_ok(pg_temp.error_length('Minst ' || repeat('9', 1048576)), '<', 300,
			  'the error message quotes a megabyte input cut short');

-- other routes into the input function
SELECT throws_ok($$SELECT 'Minst'::varchar::goalmetrics.metric_target$$, '22P02', NULL,
				 'varchar cast: 22P02');
CREATE TEMP TABLE t_assign (t metric_target) ON COMMIT DROP;
SELECT throws_ok($$INSERT INTO t_assign VALUES ('Ungefär 65'::text)$$, '22P02', NULL,
				 'assignment cast into a column: 22P02');

-- Invalid UTF-8 never reaches the type in a UTF-8 database: the server
-- refuses it first (the type's own 22021 is checked in a SQL_ASCII
-- database by test/reliability/bad_input.sh).
SELECT throws_ok($$SELECT E'Minst 65 \xff'::goalmetrics.metric_target$$, '22021', NULL,
				 'invalid UTF-8 byte 0xff: 22021');
SELECT throws_ok($$SELECT E'Minst 65 \xc3'::goalmetrics.metric_target$$, '22021', NULL,
				 'truncated UTF-8 sequence: 22021');
SELECT throws_ok($$SELECT convert_from('\x4d696e737420c0af'::bytea, 'UTF8')::goalmetrics.metric_target$$,
				 '22021', NULL, 'overlong UTF-8 encoding: 22021');

-- the edges of the limits are valid
SELECT lives_ok($$SELECT 'Minst 999999999999999'::goalmetrics.metric_target$$, '15 nines read');
SELECT lives_ok($$SELECT 'Minst -999 999 999 999 999'::goalmetrics.metric_target$$, '15 digits, negative, grouped');
SELECT lives_ok($$SELECT 'Minst 0,000000000000001'::goalmetrics.metric_target$$, '15 decimals read');
SELECT lives_ok($$SELECT 'Minst 0000000000000000001'::goalmetrics.metric_target$$, 'leading zeros are not significant');
SELECT lives_ok($$SELECT ('Minst 5 ' || repeat('x', 64))::goalmetrics.metric_target$$, '64-byte unit read');
SELECT lives_ok($$SELECT ('Minst 5 ' || repeat('å', 32))::goalmetrics.metric_target$$, '64-byte unit of two-byte letters read');
SELECT lives_ok($$SELECT ('Minst ' || repeat('y', 64) || ' 5')::goalmetrics.metric_target$$, '64-byte unit before read');
SELECT lives_ok($$SELECT (repeat(' ', 100000) || 'Minst 5' || repeat(E'\n', 100000))::goalmetrics.metric_target$$,
				'white space around a target is skipped');
SELECT lives_ok($$SELECT 'Minst 65 inf'::goalmetrics.metric_target$$, 'inf after the number is a unit word');

SELECT lives_ok('SELECT 1', 'the server still answers after the text inputs');

-- binary: the inputs are set up above
SELECT throws_ok(pg_catalog.format('SELECT pg_temp.recv(%L::bytea)', bytes), '22P03', NULL,
				 pg_catalog.format('binary %s: %s', id, what))
FROM bad_binary ORDER BY id;

SELECT is(pg_temp.recv('\x010070ff7fc6a47e8d03'), 'Minst 999999999999999'::metric_target,
		  'binary: magnitude 10^15 - 1 is read');
SELECT is(pg_temp.recv(metric_target_send('Högst 170 vårddygn')), 'Högst 170 vårddygn'::metric_target,
		  'binary: a valid value round-trips');
SELECT is(pg_temp.recv(substr(metric_target_send('Högst 2 100 barn'), 1, 6)), 'Högst 2 100 b'::metric_target,
		  'binary: a cut inside an ASCII unit is a shorter unit');
SELECT lives_ok('SELECT 1', 'the server still answers after the binary inputs');

-- ------------------------------------------------- function assertions
SELECT throws_ok(sql, state, NULL, pg_catalog.format('call %s: %s', id, what))
FROM bad_call ORDER BY id;

-- huge but finite outcomes are judged, not refused
SELECT is(fulfilment(1e1000, 'Minst 5'), 100::numeric, 'a 1001-digit outcome against at least: 100');
SELECT is(fulfilment(-1e1000, 'Minst 5'), 0::numeric, 'a -1e1000 outcome against at least: 0');
SELECT is(status(1e131071, 'Minst 5'), 'fulfilled'::status_band, 'the largest numeric outcome is fulfilled against at least');
SELECT is(meets(1e-16383, 'Över 0'), true, 'the smallest positive numeric is above 0');
SELECT is(fulfilment('-9223372036854775808'::bigint, 'Högst -0,000000000000001'), 100::numeric,
		  'the smallest bigint meets at most -0,000000000000001');
SELECT is(fulfilment('1.7976931348623157e308'::float8, 'Högst 0,000000000000001'), 0::numeric,
		  'the largest float8 against a tiny at most: 0');
SELECT lives_ok('SELECT 1', 'the server still answers after the function inputs');

-- ------------------------------------------------------ import assertions
SELECT lives_ok('SELECT goalmetrics.import_report()', 'import_report() with 18 unreadable rows of 19 does not fail');
SELECT is((SELECT count(*)::integer FROM goalmetrics.outcome o JOIN goalmetrics.metric m USING (metric_id)
		   JOIN goalmetrics.goal g USING (goal_id) JOIN goalmetrics.committee c USING (committee_id)
		   WHERE c.name = 'Importnämnden'), 1, 'the one readable row is imported');
SELECT is((SELECT count(*)::integer FROM goalmetrics.report_import WHERE problem IS NOT NULL), 18,
		  'every unreadable row stays with its problem');
SELECT is((SELECT count(*)::integer FROM goalmetrics.report_import), 18, 'and nothing else stays');
SELECT lives_ok('SELECT 1', 'the server still answers after the schema and import inputs');

SELECT * FROM finish();
ROLLBACK;
