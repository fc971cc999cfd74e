/*-------------------------------------------------------------------------
 *
 * outcome_io.c
 *	  Outcomes and sheet cells for the import, in SQL: read_outcome(),
 *	  outcome_problem(), format_outcome() and import_clean(), with the
 *	  number grammar of targets (target.h) and the text conversions of the
 *	  metric_target type (metric_target.h).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "encoding.h"
#include "metric_target.h"
#include "numeric_io.h"

PG_FUNCTION_INFO_V1(read_outcome);
PG_FUNCTION_INFO_V1(outcome_problem);
PG_FUNCTION_INFO_V1(format_outcome);
PG_FUNCTION_INFO_V1(import_clean);

/*
 * Read an outcome cell with the number grammar of targets
 * (gm_outcome_parse).  Returns false with *err filled in for text the
 * grammar refuses; *none for a cell with no value.
 */
static bool
outcome_read(text *arg, GmDecimal *d, bool *none, GmError *err,
			 const char **input, size_t *len)
{
	*len = VARSIZE_ANY_EXHDR(arg);
	*input = gm_server_to_utf8(VARDATA_ANY(arg), *len);
	if (*input != VARDATA_ANY(arg))
		*len = strlen(*input);
	return gm_outcome_parse(*input, *len, d, none, err);
}

/*
 * read_outcome(text) → numeric: an outcome as reports write it ("59 %",
 * "2 315", "72,3", "−4"); NULL for no value ("-", "–", "—", empty).  Text
 * the grammar refuses ("59 60", "1 23", "ungefär 5") is an error, never a
 * guess; outcome_problem() says why without raising.
 */
Datum
read_outcome(PG_FUNCTION_ARGS)
{
	const char *input;
	size_t      len;
	GmDecimal   d;
	bool        none;
	GmError     err;

	if (!outcome_read(PG_GETARG_TEXT_PP(0), &d, &none, &err, &input, &len))
	{
		int   sqlstate = gm_error_sqlstate(err.code);
		char *quoted = gm_quotable_input(input, len);

		ereport(
			ERROR,
			(errcode(sqlstate),
			 errmsg("%s: \"%s\"%s",
					sqlstate == ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
						? "outcome out of range"
						: "invalid input syntax for an outcome",
					quoted, strlen(quoted) < len ? "..." : ""),
			 errdetail("%s.", gm_utf8_to_server_text(err.message, NULL)),
			 errhint(
				 "Write a number as a report does, e.g. \"59 %%\", \"2 315\", \"72,3\" or \"-4\": digit groups of three after a space, no-break, figure or thin space, a decimal comma or point, at most %d significant digits, an optional unit after it; \"-\" or an empty cell means no value.",
				 GM_MAX_DIGITS)));
	}
	if (none)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(gm_numeric_from_decimal(d));
}

/*
 * outcome_problem(text) → text: why read_outcome() refuses the text, or
 * NULL when it reads it (a value or none).  The import flags a row with it.
 */
Datum
outcome_problem(PG_FUNCTION_ARGS)
{
	const char *input;
	size_t      len;
	GmDecimal   d;
	bool        none;
	GmError     err;

	if (outcome_read(PG_GETARG_TEXT_PP(0), &d, &none, &err, &input, &len))
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(
		cstring_to_text(gm_utf8_to_server(err.message, strlen(err.message))));
}

/*
 * format_outcome(value, target DEFAULT NULL, style DEFAULT 'swedish') →
 * text: an outcome written the way the report writes it (gm_outcome_format):
 * "2 315", "72,3 %", "3 518 tkr"; 'english' with a decimal point, 'sheet'
 * as a Swedish spreadsheet reads a number ("2315", "72,3").  NULL for no
 * outcome (the page writes "-"); a NULL target writes no unit.
 */
Datum
format_outcome(PG_FUNCTION_ARGS)
{
	GmTarget        t;
	const GmTarget *tp = NULL;
	char           *plain;
	char           *style;
	GmOutcomeStyle  s;
	size_t          n = 0;
	char           *buf;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	style = text_to_cstring(PG_GETARG_TEXT_PP(2));
	if (pg_strcasecmp(style, "swedish") == 0 ||
		pg_strcasecmp(style, "sv") == 0)
		s = GM_OUTCOME_SWEDISH;
	else if (pg_strcasecmp(style, "english") == 0 ||
			 pg_strcasecmp(style, "en") == 0)
		s = GM_OUTCOME_ENGLISH;
	else if (pg_strcasecmp(style, "sheet") == 0)
		s = GM_OUTCOME_SHEET;
	else
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("unknown outcome style \"%s\"", style),
						errhint("Use 'swedish', 'english' or 'sheet'.")));
	if (!PG_ARGISNULL(1))
	{
		PG_GETARG_METRIC_TARGET(1, &t);
		tp = &t;
	}
	plain =
		DatumGetCString(DirectFunctionCall1(numeric_out, PG_GETARG_DATUM(0)));
	if (!gm_outcome_format(plain, strlen(plain), tp, s, NULL, 0, &n))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot write outcome \"%s\"", plain),
				 errdetail("An outcome is a finite number."),
				 errhint("Store a missing outcome as NULL: it is written as "
						 "no value.")));
	buf = palloc(n + 1);
	gm_outcome_format(plain, strlen(plain), tp, s, buf, n + 1, &n);
	PG_RETURN_TEXT_P(cstring_to_text(gm_utf8_to_server(buf, n)));
}

/*
 * import_clean(text) → text: a name from a sheet with runs of white space
 * (the grammar's: every Unicode space, tab, newline) made one space,
 * trimmed, and in a UTF8 database in NFC, so that a decomposed
 * "Socialnämnden" is the committee it looks like; NULL when nothing is
 * left.  In SQL_ASCII the bytes are kept: only valid UTF-8 sequences are
 * read as characters.
 */
Datum
import_clean(PG_FUNCTION_ARGS)
{
	text       *arg = PG_GETARG_TEXT_PP(0);
	int         enc = GetDatabaseEncoding();
	size_t      len = VARSIZE_ANY_EXHDR(arg);
	const char *input = gm_server_to_utf8(VARDATA_ANY(arg), len);
	char       *clean;
	const char *result;

	if (input != VARDATA_ANY(arg))
		len = strlen(input);
	clean = palloc(len + 1);
	len = gm_text_clean(input, len, clean);
	clean[len] = '\0';
	if (len == 0)
		PG_RETURN_NULL();
	if (enc == PG_UTF8)
		result = gm_utf8_nfc(clean, &len);
	else if (enc == PG_SQL_ASCII)
		result = clean;
	else
	{
		result = gm_utf8_to_server(clean, len);
		len = strlen(result);
	}
	PG_RETURN_TEXT_P(cstring_to_text_with_len(result, (int)len));
}
