-- Soft input errors: metric_target's input function saves its errors into
-- the caller's escontext, so pg_input_is_valid() and pg_input_error_info()
-- (PostgreSQL 16+) and COPY ... ON_ERROR (17+) see them without a raised
-- error.  The Makefile runs this file on PostgreSQL 17 and later only.
SET search_path = public, goalmetrics;

SELECT pg_input_is_valid('ungefär 65', 'goalmetrics.metric_target') AS unknown_comparator,
       pg_input_is_valid('Minst 65 %', 'goalmetrics.metric_target') AS valid;

SELECT * FROM pg_input_error_info('ungefär 65', 'goalmetrics.metric_target');

-- Every class of input error in doc/metric_target.md, softly, with the
-- SQLSTATE the hard error has (sql/metric_target.sql raises them).
SELECT t AS written, e.sql_error_code, e.message
FROM (VALUES (''), ('   '), ('Minst Högst 5'), ('Minst'), ('Minst index'),
             ('Minst 1,2,3'), ('Minst 5.'), ('Minst 1e5'), ('Minst NaN'),
             ('Minst ∞'), ('Minst 1234567890123456'),
             ('Minst 0,0000000000000001'), ('Minst 5 ' || repeat('x', 65)),
             ('Mellan 10 och 5'), ('Mellan 5 % och 10 st'),
             ('Öka från 75 till 70'), ('från 5 till 5'),
             ('Minst 65 %; DROP TABLE x'), (E'Minst \x01 65')) AS s(t),
     pg_input_error_info(t, 'goalmetrics.metric_target') AS e;

-- A valid input has no error info; the soft path reads what the hard one does.
SELECT * FROM pg_input_error_info('Mellan 95 och 105 %', 'goalmetrics.metric_target');
SELECT pg_input_is_valid(t, 'goalmetrics.metric_target') AS soft,
       try_metric_target(t) IS NOT NULL AS try
FROM (VALUES ('Minst 65 %'), ('Öka från 70 % till 75 %'), ('Högst'), ('Minst 1e5')) AS s(t);

-- COPY ... ON_ERROR ignore skips the rows it cannot read and loads the rest.
CREATE TEMP TABLE soft_copy (metric text, target metric_target);
COPY soft_copy FROM STDIN WITH (FORMAT csv, ON_ERROR ignore);
a,Minst 65 %
b,ungefär 65
c,Högst 2 100 barn
d,Minst 1e5
\.
SELECT * FROM soft_copy ORDER BY metric;

-- Without ON_ERROR the same input is still a hard error.
COPY soft_copy FROM STDIN WITH (FORMAT csv);
e,ungefär 65
\.
