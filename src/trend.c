/*-------------------------------------------------------------------------
 *
 * trend.c
 *	  The trend aggregate trend(year, outcome, target), its fixed-size
 *	  transition state type trend_state, check_outcome() and
 *	  trend_symbol().
 *
 * The state keeps the earliest and the latest followed-up outcome as exact
 * decimals (up to 38 digits, trend.h) and the latest target, packed, so
 * that it combines across parallel workers and Citus shards in any order.
 * The final function compares the two in numeric arithmetic, direction-
 * aware (doc/rollup.md, "trend").  The transition allocates nothing per
 * row.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "encoding.h"
#include "fulfilment.h"
#include "metric_target.h"
#include "numeric_io.h"
#include "settings.h"
#include "status.h"
#include "target.h"
#include "trend.h"

StaticAssertDecl(sizeof(GmTrendState) == GM_TREND_STATE_SIZE,
				 "trend_state size must match INTERNALLENGTH");
StaticAssertDecl(GM_MAX_ENCODED <= GM_TREND_TARGET_BYTES,
				 "a packed target must fit in trend_state");

PG_FUNCTION_INFO_V1(gm_trend_state_in);
PG_FUNCTION_INFO_V1(gm_trend_state_out);
PG_FUNCTION_INFO_V1(gm_trend_state_recv);
PG_FUNCTION_INFO_V1(gm_trend_state_send);
PG_FUNCTION_INFO_V1(gm_trend_accum);
PG_FUNCTION_INFO_V1(gm_trend_combine);
PG_FUNCTION_INFO_V1(gm_trend_final);
PG_FUNCTION_INFO_V1(gm_trend_accum_rules);
PG_FUNCTION_INFO_V1(gm_trend_final_rules);
PG_FUNCTION_INFO_V1(gm_trend_symbol);
PG_FUNCTION_INFO_V1(gm_check_outcome);

/* ----------------------------------------------------------------
 * trend_state: validation, text and binary forms
 * ----------------------------------------------------------------
 */

/* Compare exact decimals a = ca * 10^-sa and b = cb * 10^-sb */
static int
decimal_cmp128(int128 ca, int sa, int128 cb, int sb)
{
	/* bring to the larger scale; an overflow means that side is larger */
	while (sa < sb)
	{
		if (ca > GM_INT128_MAX / 10 || ca < -(GM_INT128_MAX / 10))
			return ca > 0 ? 1 : -1;
		ca *= 10;
		sa++;
	}
	while (sb < sa)
	{
		if (cb > GM_INT128_MAX / 10 || cb < -(GM_INT128_MAX / 10))
			return cb > 0 ? -1 : 1;
		cb *= 10;
		sb++;
	}
	return ca < cb ? -1 : ca > cb ? 1 : 0;
}

static int
point_cmp(const GmTrendPoint *a, const GmTrendPoint *b)
{
	return decimal_cmp128(gm_i128_get(&a->coef), a->scale,
						  gm_i128_get(&b->coef), b->scale);
}

/*
 * Is candidate a better choice than cur for the earliest (earliest=true) or
 * the latest end?  Years decide; within a year the greater outcome (then
 * the one written with more decimals), so that neither the result nor the
 * state depends on input order.
 */
static bool
point_better(const GmTrendPoint *cand, const GmTrendPoint *cur, bool earliest)
{
	int c;

	if (!cur->present)
		return cand->present;
	if (!cand->present)
		return false;
	if (cand->year != cur->year)
		return earliest ? cand->year < cur->year : cand->year > cur->year;
	c = point_cmp(cand, cur);
	return c > 0 || (c == 0 && cand->scale > cur->scale);
}

/* Order of stored targets for ties within a year: target order, then bytes */
static int
stored_target_cmp(const uint8 *a, int alen, const uint8 *b, int blen)
{
	GmTarget ta;
	GmTarget tb;
	GmError  err;
	int      c;

	if (!gm_target_decode(a, alen, &ta, &err) ||
		!gm_target_decode(b, blen, &tb, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt target in trend_state: %s", err.message)));
	c = gm_target_cmp(&ta, &tb);
	if (c != 0)
		return c;
	if (alen != blen)
		return alen < blen ? -1 : 1;
	return memcmp(a, b, alen);
}

static void
trend_take_target(GmTrendState *s, int32 year, const uint8 *bytes, int len)
{
	if (!s->has_target || year > s->target_year ||
		(year == s->target_year &&
		 stored_target_cmp(bytes, len, s->target, s->target_len) > 0))
	{
		s->has_target = 1;
		s->target_year = year;
		s->target_len = (uint8)len;
		memset(s->target, 0, sizeof(s->target));
		memcpy(s->target, bytes, len);
	}
}

/*
 * Is a point's decimal one a trend can hold (rollup.h, GM_TREND_MAX_*)?
 * NULL when it is, else why not.  An absent point is all zero.
 */
static const char *
trend_point_problem(const GmTrendPoint *pt)
{
	int128 coef = gm_i128_get(&pt->coef);
	int128 limit = (int128)gm_pow10_u128(GM_TREND_MAX_DIGITS);

	if (pt->scale < -GM_TREND_MAX_SCALE || pt->scale > GM_TREND_MAX_SCALE)
		return "the scale of an outcome must be between -127 and 127";
	if (coef <= -limit || coef >= limit)
		return "an outcome has at most 38 digits";
	if (pt->scale < 0 && coef == 0)
		return "zero has no negative scale";
	return NULL;
}

/*
 * Check every invariant of a trend state: NULL when it is consistent, else
 * a description of the first violation.  in, recv and the final function
 * call this, so that text and binary accept the same states and no support
 * function sees another.
 */
static const char *
trend_state_problem(const GmTrendState *s)
{
	const char *problem;

	if (s->version != GM_TREND_STATE_VERSION)
		return "unknown format version";
	if (s->reserved != 0 || s->first.reserved != 0 || s->last.reserved != 0)
		return "reserved bytes must be zero";
	if (s->first.present > 1 || s->last.present > 1 || s->has_target > 1 ||
		s->has_tolerance > 1)
		return "flags must be 0 or 1";
	if (s->tolerance < 0 || s->tolerance > 100 * GM_MICRO ||
		(!s->has_tolerance && s->tolerance != 0))
		return "tolerance must be - or 0 .. 100000000 (millionths of a percent)";
	if (s->first.present != s->last.present)
		return "first and last are present together";
	if (!s->first.present &&
		(s->first.year != 0 || s->first.scale != 0 || s->first.coef.hi != 0 ||
		 s->first.coef.lo != 0 || s->last.year != 0 || s->last.scale != 0 ||
		 s->last.coef.hi != 0 || s->last.coef.lo != 0))
		return "absent ends must be zero";
	if (s->first.present)
	{
		if ((problem = trend_point_problem(&s->first)) != NULL ||
			(problem = trend_point_problem(&s->last)) != NULL)
			return problem;
		if (s->first.year > s->last.year)
			return "first year must not be after last year";
		if (s->first.year == s->last.year &&
			(point_cmp(&s->first, &s->last) != 0 ||
			 s->first.scale != s->last.scale))
			return "with a single year first and last must be equal";
	}
	if (s->has_target)
	{
		GmTarget t;
		GmError  err;
		uint8    again[GM_MAX_ENCODED];

		if (s->target_len == 0 || s->target_len > GM_MAX_ENCODED)
			return "target length out of range";
		if (!gm_target_decode(s->target, s->target_len, &t, &err))
			return "target is not a valid packed metric_target";
		if (gm_target_encode(&t, again) != s->target_len ||
			memcmp(again, s->target, s->target_len) != 0)
			return "target is not in canonical packed form";
	}
	else if (s->target_year != 0 || s->target_len != 0)
		return "absent target must be zero";
	for (int i = s->has_target ? s->target_len : 0; i < GM_TREND_TARGET_BYTES;
		 i++)
		if (s->target[i] != 0)
			return "unused target bytes must be zero";
	return NULL;
}

/*
 * A finite numeric as a present trend point (year 0); false when it has
 * more digits or decimals than a trend can hold (GM_TREND_MAX_*).
 */
static bool
trend_point_of_numeric(Numeric num, GmTrendPoint *pt)
{
	int128 coef;
	int    scale;

	memset(pt, 0, sizeof(GmTrendPoint));
	if (!gm_numeric_to_int128(num, &coef, &scale))
		return false;
	if (coef == 0 && scale > GM_TREND_MAX_SCALE)
		scale = GM_TREND_MAX_SCALE; /* a zero written with many decimals */
	pt->present = 1;
	pt->scale = (int16)Max(Min(scale, PG_INT16_MAX), PG_INT16_MIN);
	gm_i128_set(&pt->coef, coef);
	return trend_point_problem(pt) == NULL;
}

/* The one error for an outcome that trend() and the outcome table refuse */
static pg_noreturn void
outcome_out_of_range(Numeric num)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("outcome \"%s\" is out of range", gm_numeric_cstring(num)),
			 errdetail("An outcome has at most %d digits from its first "
					   "significant digit to its last decimal, and at most "
					   "%d decimals.",
					   GM_TREND_MAX_DIGITS, GM_TREND_MAX_SCALE),
			 errhint("Round the outcome, for example round(value, 6).")));
}

/*
 * check_outcome(numeric): true, or the error above for an outcome no trend
 * could hold.  The CHECK of goalmetrics.outcome.value, so that such a value
 * is refused when it is written rather than failing every report that
 * reads it.  NaN and the infinities pass here: outcome_value_finite
 * refuses them.
 */
Datum
gm_check_outcome(PG_FUNCTION_ARGS)
{
	GmNumericBuf nbuf;
	Numeric      num = gm_numeric_arg(PG_GETARG_DATUM(0), &nbuf);
	GmTrendPoint pt;

	if (!numeric_is_nan(num) && !numeric_is_inf(num) &&
		!trend_point_of_numeric(num, &pt))
		outcome_out_of_range(num);
	PG_RETURN_BOOL(true);
}

static void
ts_parse_error(const char *input, const char *detail)
{
	ereport(ERROR, (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"",
						   "trend_state", input),
					errdetail("%s", detail)));
}

/* Parse "<year>" as a canonical int32 (optional '-'). */
static bool
parse_year(const char **p, int32 *out)
{
	bool    neg = **p == '-';
	uint128 v;

	if (neg)
		(*p)++;
	if (!gm_parse_canonical_uint(
			p, neg ? (uint128)PG_INT32_MAX + 1 : PG_INT32_MAX, &v))
		return false;
	if (neg && v == 0)
		return false;
	*out = neg ? (int32)(-(int64)v) : (int32)v;
	return true;
}

/*
 * Parse a canonical decimal: optional '-', an integer part without leading
 * zeros, optionally '.' and at least one digit (the scale is the number of
 * digits after the point, trailing zeros included); or an integer followed
 * by "e<n>", 1 <= n <= 127, for a negative scale -n.  Negative zero is not
 * canonical.  At most GM_TREND_MAX_DIGITS digits and GM_TREND_MAX_SCALE
 * decimals (trend_point_problem judges the binary form alike).
 */
static bool
parse_decimal(const char **p, GmTrendPoint *pt)
{
	const char *s = *p;
	bool        neg = *s == '-';
	int128      coef = 0;
	int         scale = 0;
	int128      max = (int128)gm_pow10_u128(GM_TREND_MAX_DIGITS) - 1;

	if (neg)
		s++;
	if (*s < '0' || *s > '9' || (*s == '0' && s[1] >= '0' && s[1] <= '9'))
		return false;
	while (*s >= '0' && *s <= '9')
	{
		if (coef > (max - (*s - '0')) / 10)
			return false;
		coef = coef * 10 + (*s++ - '0');
	}
	if (*s == '.')
	{
		s++;
		if (*s < '0' || *s > '9')
			return false;
		while (*s >= '0' && *s <= '9')
		{
			if (coef > (max - (*s - '0')) / 10 || scale >= GM_TREND_MAX_SCALE)
				return false;
			coef = coef * 10 + (*s++ - '0');
			scale++;
		}
	}
	else if (*s == 'e')
	{
		uint128 e;

		s++;
		if (!gm_parse_canonical_uint(&s, GM_TREND_MAX_SCALE, &e) || e < 1 ||
			coef == 0)
			return false;
		scale = -(int)e;
	}
	if (neg && coef == 0)
		return false;
	gm_i128_set(&pt->coef, neg ? -coef : coef);
	pt->scale = (int16)scale;
	*p = s;
	return true;
}

/* The start of trend_state's text: the version, then the first point */
#define TS_PREFIX "v=" CppAsString2(GM_TREND_STATE_VERSION) " first="

/*
 * trend_state_in: "v=1 first=<year>:<decimal> last=<year>:<decimal>
 * target=<year>:<hex of the packed target> tolerance=<millionths>", an
 * absent part as "-".
 */
Datum
gm_trend_state_in(PG_FUNCTION_ARGS)
{
	const char   *input = PG_GETARG_CSTRING(0);
	const char   *p = input;
	GmTrendState *s = palloc0(sizeof(GmTrendState));
	const char   *problem;

	if (strncmp(p, TS_PREFIX, strlen(TS_PREFIX)) != 0)
		ts_parse_error(input, "expected \"" TS_PREFIX "\"");
	s->version = GM_TREND_STATE_VERSION;
	p += strlen(TS_PREFIX);
	for (int end = 0; end < 2; end++)
	{
		GmTrendPoint *pt = end == 0 ? &s->first : &s->last;

		if (end == 1)
		{
			if (strncmp(p, " last=", 6) != 0)
				ts_parse_error(input, "expected \" last=\"");
			p += 6;
		}
		if (*p == '-' && (p[1] == ' ' || p[1] == '\0'))
		{
			p++;
			continue;
		}
		pt->present = 1;
		if (!parse_year(&p, &pt->year) || *p++ != ':' ||
			!parse_decimal(&p, pt))
			ts_parse_error(
				input,
				psprintf("%s must be - or <year>:<decimal> in canonical form",
						 end == 0 ? "first" : "last"));
	}
	if (strncmp(p, " target=", 8) != 0)
		ts_parse_error(input, "expected \" target=\"");
	p += 8;
	if (*p == '-' && p[1] == ' ')
		p++;
	else
	{
		int len = 0;

		s->has_target = 1;
		if (!parse_year(&p, &s->target_year) || *p++ != ':')
			ts_parse_error(input, "target must be - or <year>:<hex>");
		while (
			((p[0] >= '0' && p[0] <= '9') || (p[0] >= 'a' && p[0] <= 'f')) &&
			((p[1] >= '0' && p[1] <= '9') || (p[1] >= 'a' && p[1] <= 'f')))
		{
			if (len >= GM_MAX_ENCODED)
				ts_parse_error(input, "target too long");
			s->target[len++] =
				(uint8)((p[0] <= '9' ? p[0] - '0' : p[0] - 'a' + 10) * 16 +
						(p[1] <= '9' ? p[1] - '0' : p[1] - 'a' + 10));
			p += 2;
		}
		s->target_len = (uint8)len;
	}
	if (strncmp(p, " tolerance=", 11) != 0)
		ts_parse_error(input, "expected \" tolerance=\"");
	p += 11;
	if (*p == '-')
		p++;
	else
	{
		uint128 v;

		if (!gm_parse_canonical_uint(&p, 100 * GM_MICRO, &v))
			ts_parse_error(
				input,
				"tolerance must be - or 0 .. 100000000 in canonical form");
		s->has_tolerance = 1;
		s->tolerance = (int32)v;
	}
	if (*p != '\0')
		ts_parse_error(input, psprintf("unexpected text at position %d",
									   (int)(p - input) + 1));
	if ((problem = trend_state_problem(s)) != NULL)
		ts_parse_error(input, problem);
	PG_RETURN_POINTER(s);
}

Datum
gm_trend_state_out(PG_FUNCTION_ARGS)
{
	const GmTrendState *s = (const GmTrendState *)PG_GETARG_POINTER(0);
	StringInfoData      buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "v=%d", s->version);
	for (int end = 0; end < 2; end++)
	{
		const GmTrendPoint *pt = end == 0 ? &s->first : &s->last;

		appendStringInfoString(&buf, end == 0 ? " first=" : " last=");
		if (!pt->present)
			appendStringInfoChar(&buf, '-');
		else
		{
			appendStringInfo(&buf, "%d:", pt->year);
			gm_append_decimal(&buf, gm_i128_get(&pt->coef), pt->scale);
		}
	}
	appendStringInfoString(&buf, " target=");
	if (!s->has_target)
		appendStringInfoChar(&buf, '-');
	else
	{
		appendStringInfo(&buf, "%d:", s->target_year);
		for (int i = 0; i < s->target_len; i++)
			appendStringInfo(&buf, "%02x", s->target[i]);
	}
	if (s->has_tolerance)
		appendStringInfo(&buf, " tolerance=%d", s->tolerance);
	else
		appendStringInfoString(&buf, " tolerance=-");
	PG_RETURN_CSTRING(buf.data);
}

/*
 * trend_state_recv / send: version byte, then first and last (present byte,
 * year, scale, coefficient high and low), then the target (present byte,
 * year, length byte, bytes), then the tolerance (present byte, int32).
 */
Datum
gm_trend_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo    buf = (StringInfo)PG_GETARG_POINTER(0);
	GmTrendState *s = palloc0(sizeof(GmTrendState));
	const char   *problem;

	s->version = (uint8)pq_getmsgbyte(buf);
	if (s->version != GM_TREND_STATE_VERSION)
		ereport(ERROR, (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						errmsg("invalid binary trend_state"),
						errdetail("unknown format version %d", s->version)));
	for (int end = 0; end < 2; end++)
	{
		GmTrendPoint *pt = end == 0 ? &s->first : &s->last;

		pt->present = (uint8)pq_getmsgbyte(buf);
		pt->year = pq_getmsgint(buf, 4);
		pt->scale = (int16)pq_getmsgint(buf, 2);
		pt->coef.hi = pq_getmsgint64(buf);
		pt->coef.lo = (uint64)pq_getmsgint64(buf);
	}
	s->has_target = (uint8)pq_getmsgbyte(buf);
	s->target_year = pq_getmsgint(buf, 4);
	s->target_len = (uint8)pq_getmsgbyte(buf);
	if (s->target_len > GM_MAX_ENCODED)
		ereport(ERROR, (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						errmsg("invalid binary trend_state"),
						errdetail("target length out of range")));
	pq_copymsgbytes(buf, (char *)s->target, s->target_len);
	s->has_tolerance = (uint8)pq_getmsgbyte(buf);
	s->tolerance = (int32)pq_getmsgint(buf, 4);
	if ((problem = trend_state_problem(s)) != NULL)
		ereport(ERROR, (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						errmsg("invalid binary trend_state"),
						errdetail("%s", problem)));
	PG_RETURN_POINTER(s);
}

Datum
gm_trend_state_send(PG_FUNCTION_ARGS)
{
	const GmTrendState *s = (const GmTrendState *)PG_GETARG_POINTER(0);
	StringInfoData      buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, s->version);
	for (int end = 0; end < 2; end++)
	{
		const GmTrendPoint *pt = end == 0 ? &s->first : &s->last;

		pq_sendbyte(&buf, pt->present);
		pq_sendint32(&buf, pt->year);
		pq_sendint16(&buf, pt->scale);
		pq_sendint64(&buf, pt->coef.hi);
		pq_sendint64(&buf, (int64)pt->coef.lo);
	}
	pq_sendbyte(&buf, s->has_target);
	pq_sendint32(&buf, s->target_year);
	pq_sendbyte(&buf, s->target_len);
	pq_sendbytes(&buf, (const char *)s->target, s->target_len);
	pq_sendbyte(&buf, s->has_tolerance);
	pq_sendint32(&buf, s->tolerance);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static GmTrendState *
trend_state_arg(FunctionCallInfo fcinfo)
{
	GmTrendState *s;

	if (AggCheckCallContext(fcinfo, NULL) && !PG_ARGISNULL(0))
		return (GmTrendState *)PG_GETARG_POINTER(0);
	s = palloc0(sizeof(GmTrendState));
	if (PG_ARGISNULL(0))
		s->version = GM_TREND_STATE_VERSION;
	else
		memcpy(s, PG_GETARG_POINTER(0), sizeof(GmTrendState));
	return s;
}

/* Does a trend state hold anything but (perhaps) its tolerance? */
static inline bool
trend_has_input(const GmTrendState *s)
{
	return s->first.present || s->has_target;
}

static const char *
tolerance_text(const GmTrendState *s)
{
	return s->has_tolerance ? gm_format_micro(s->tolerance) : "(the setting)";
}

/*
 * The tolerance argument (4) of trend(year, outcome, target, tolerance):
 * recorded in the state on its first input; afterwards every row must pass
 * the same (22023), which is not read again where it is a constant or an
 * external parameter of an aggregate call.  NULL is 22004.
 */
static void
trend_tolerance_arg(FunctionCallInfo fcinfo, GmTrendState *s)
{
	int64 tolerance;

	if (PG_ARGISNULL(4))
		ereport(
			ERROR,
			(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
			 errmsg("trend tolerance must not be NULL"),
			 errhint(
				 "Pass the rules of the year, or (goalmetrics.current_rules()).trend_tolerance for the setting in force.")));
	if (s->has_tolerance)
	{
		/* fn_extra: 0 unknown, 1 constant, 2 varies */
		intptr_t stable = (intptr_t)fcinfo->flinfo->fn_extra;

		if (unlikely(stable == 0))
		{
			stable = get_fn_expr_arg_stable(fcinfo->flinfo, 4) ? 1 : 2;
			fcinfo->flinfo->fn_extra = (void *)stable;
		}
		if (stable == 1 && AggCheckCallContext(fcinfo, NULL))
			return;
	}
	tolerance = gm_percent_from_numeric(PG_GETARG_DATUM(4), "trend tolerance");
	if (!s->has_tolerance && !trend_has_input(s))
	{
		s->has_tolerance = 1;
		s->tolerance = (int32)tolerance;
	}
	else if (!s->has_tolerance || s->tolerance != tolerance)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("trend tolerance differs within one trend"),
				 errdetail("This row passes %s; the trend was begun with %s.",
						   gm_format_micro(tolerance), tolerance_text(s)),
				 errhint(
					 "Pass the same tolerance in every row of a group, for "
					 "example the rules of the group's year.")));
}

/*
 * Transition of trend(year, outcome, target [, tolerance]): keeps the
 * earliest and the latest followed-up outcome and the target of the latest
 * year that has one.  Rows without a year are skipped.
 */
static Datum
trend_accum(FunctionCallInfo fcinfo, bool with_tolerance)
{
	GmTrendState *s = trend_state_arg(fcinfo);
	int32         year;

	if (with_tolerance)
		trend_tolerance_arg(fcinfo, s);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);
	year = PG_GETARG_INT32(1);
	if (!PG_ARGISNULL(2))
	{
		GmNumericBuf nbuf;
		Numeric      num = gm_numeric_arg(PG_GETARG_DATUM(2), &nbuf);
		GmTrendPoint pt;

		if (numeric_is_nan(num) || numeric_is_inf(num))
			gm_outcome_not_finite(gm_numeric_cstring(num));
		if (!trend_point_of_numeric(num, &pt))
			outcome_out_of_range(num);
		pt.year = year;
		if (point_better(&pt, &s->first, true))
			s->first = pt;
		if (point_better(&pt, &s->last, false))
			s->last = pt;
	}
	if (!PG_ARGISNULL(3) && (!s->has_target || year >= s->target_year))
	{
		GmTarget t;
		uint8    bytes[GM_MAX_ENCODED];
		size_t   len;

		metric_target_unpack(PG_GETARG_DATUM(3), &t);
		len = gm_target_encode(&t, bytes);
		trend_take_target(s, year, bytes, (int)len);
	}
	PG_RETURN_POINTER(s);
}

Datum
gm_trend_accum(PG_FUNCTION_ARGS)
{
	return trend_accum(fcinfo, false);
}

Datum
gm_trend_accum_rules(PG_FUNCTION_ARGS)
{
	return trend_accum(fcinfo, true);
}

/*
 * Combine two trend states; order-independent like the transition.  States
 * made with different tolerances, or one with and one without (that holds
 * input), are refused.
 */
Datum
gm_trend_combine(PG_FUNCTION_ARGS)
{
	GmTrendState       *a = trend_state_arg(fcinfo);
	const GmTrendState *b = (const GmTrendState *)PG_GETARG_POINTER(1);

	if (a->has_tolerance != b->has_tolerance || a->tolerance != b->tolerance)
	{
		if (!a->has_tolerance && !trend_has_input(a))
		{
			a->has_tolerance = b->has_tolerance;
			a->tolerance = b->tolerance;
		}
		else if (b->has_tolerance || trend_has_input(b))
			ereport(
				ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg(
					 "cannot combine trend states made with different tolerances"),
				 errdetail("tolerance %s and %s.", tolerance_text(a),
						   tolerance_text(b)),
				 errhint(
					 "Pass the tolerance as an argument, trend(year, outcome, target, tolerance), or set goalmetrics.trend_tolerance alike on every server.")));
	}

	if (point_better(&b->first, &a->first, true))
		a->first = b->first;
	if (point_better(&b->last, &a->last, false))
		a->last = b->last;
	if (b->has_target)
		trend_take_target(a, b->target_year, b->target, b->target_len);
	PG_RETURN_POINTER(a);
}

static Numeric
num_sub(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_sub, NumericGetDatum(a),
											   NumericGetDatum(b)));
}

static Numeric
num_abs(Numeric a)
{
	return DatumGetNumeric(
		DirectFunctionCall1(numeric_abs, NumericGetDatum(a)));
}

static Numeric
num_mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a),
											   NumericGetDatum(b)));
}

static int
num_cmp(Numeric a, Numeric b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(a),
											 NumericGetDatum(b)));
}

/* Distance of x from the target's good value or range (exactly, between) */
static Numeric
distance(Numeric x, const GmTarget *t)
{
	Numeric lo = DatumGetNumeric(gm_numeric_from_decimal(t->value));
	Numeric zero = int64_to_numeric(0);

	if (t->cmp == GM_EXACTLY)
		return num_abs(num_sub(x, lo));
	else
	{
		Numeric hi = DatumGetNumeric(gm_numeric_from_decimal(t->upper));

		if (num_cmp(x, lo) < 0)
			return num_sub(lo, x);
		if (num_cmp(x, hi) > 0)
			return num_sub(x, hi);
		return zero;
	}
}

/* trend_direction (30_rollup.sql), in the enum's order */
typedef enum GmTrend
{
	GM_TREND_IMPROVING = 0,
	GM_TREND_STABLE = 1,
	GM_TREND_WORSENING = 2,
	GM_TREND_COUNT
} GmTrend;

static const char *const trend_names[GM_TREND_COUNT] = { "improving", "stable",
														 "worsening" };

static GmEnumCache trend_cache = { .type_name = "trend_direction",
								   .names = trend_names,
								   .count = GM_TREND_COUNT };

/*
 * The direction of a trend state under a tolerance (millionths of a
 * percent): direction-aware comparison of the latest with the earliest
 * followed-up outcome (doc/rollup.md, "trend").  NULL (*isnull) with fewer
 * than two followed-up years or no target.
 */
static Datum
trend_direction_of(const GmTrendState *s, int64 tolerance, bool *isnull)
{
	GmTarget t;
	GmError  err;
	Numeric  first;
	Numeric  last;
	Numeric  gain;
	Numeric  lhs;
	Numeric  rhs;

	*isnull = false;
	if (!s->first.present || s->first.year == s->last.year || !s->has_target)
	{
		*isnull = true;
		return (Datum)0;
	}
	if (!gm_target_decode(s->target, s->target_len, &t, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt target in trend_state: %s", err.message)));
	first =
		gm_numeric_from_int128(gm_i128_get(&s->first.coef), s->first.scale);
	last = gm_numeric_from_int128(gm_i128_get(&s->last.coef), s->last.scale);

	switch (t.cmp)
	{
		case GM_AT_LEAST:
		case GM_ABOVE:
		case GM_INCREASE:
			gain = num_sub(last, first);
			break;
		case GM_AT_MOST:
		case GM_BELOW:
		case GM_DECREASE:
			gain = num_sub(first, last);
			break;

			/*
			 * maintain and improve take their direction from the metric,
			 * which the state does not hold: higher counts as better, as in
			 * status(outcome, target, previous); for a metric where lower
			 * is better, pass judged_target(target, previous, true), whose
			 * comparator (at most, below) says so.
			 */
		case GM_MAINTAIN:
		case GM_IMPROVE:
			gain = num_sub(last, first);
			break;
		case GM_EXACTLY:
		case GM_BETWEEN:
		default:
			gain = num_sub(distance(first, &t), distance(last, &t));
			break;
	}

	/* gain against tolerance% of |first|: gain * 10^8 vs |first| * micro */
	lhs = num_mul(gain, int64_to_numeric(100 * (int64)GM_MICRO));
	rhs = num_mul(num_abs(first), int64_to_numeric(tolerance));
	if (num_cmp(lhs, rhs) > 0)
		return gm_enum_datum(&trend_cache, GM_TREND_IMPROVING);
	if (num_cmp(lhs, num_sub(int64_to_numeric(0), rhs)) < 0)
		return gm_enum_datum(&trend_cache, GM_TREND_WORSENING);
	return gm_enum_datum(&trend_cache, GM_TREND_STABLE);
}

/* every state comes through in, recv or the support functions */
static const GmTrendState *
trend_final_arg(FunctionCallInfo fcinfo)
{
	const GmTrendState *s = (const GmTrendState *)PG_GETARG_POINTER(0);
	const char         *problem;

	if ((problem = trend_state_problem(s)) != NULL)
		ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED),
						errmsg("inconsistent trend_state"),
						errdetail("%s", problem)));
	return s;
}

/*
 * Final function of trend(year, outcome, target): the state's tolerance
 * where it carries one, else goalmetrics.trend_tolerance (STABLE).
 */
Datum
gm_trend_final(PG_FUNCTION_ARGS)
{
	const GmTrendState *s = trend_final_arg(fcinfo);
	Datum               d;
	bool                isnull;

	d = trend_direction_of(s,
						   s->has_tolerance
							   ? s->tolerance
							   : gm_percent_to_micro(gm_trend_tolerance),
						   &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

/*
 * Final function of trend(year, outcome, target, tolerance): the state's
 * tolerance, no setting (IMMUTABLE).
 */
Datum
gm_trend_final_rules(PG_FUNCTION_ARGS)
{
	const GmTrendState *s = trend_final_arg(fcinfo);
	Datum               d;
	bool                isnull;

	if (!s->has_tolerance && trend_has_input(s))
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("trend state carries no tolerance"),
			 errdetail("It was made by trend() without a tolerance argument."),
			 errhint(
				 "Finish it with goalmetrics.trend_final, which applies goalmetrics.trend_tolerance.")));
	d = trend_direction_of(s, s->tolerance, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

/*
 * trend_symbol(trend_direction): an arrow for a trend.
 */
Datum
gm_trend_symbol(PG_FUNCTION_ARGS)
{
	switch ((GmTrend)gm_enum_index(&trend_cache, PG_GETARG_DATUM(0)))
	{
		case GM_TREND_IMPROVING:
			PG_RETURN_TEXT_P(gm_utf8_text("\u2191", "^")); /* ↑ */
		case GM_TREND_STABLE:
			PG_RETURN_TEXT_P(gm_utf8_text("\u2192", "=")); /* → */
		case GM_TREND_WORSENING:
		default:
			PG_RETURN_TEXT_P(gm_utf8_text("\u2193", "v")); /* ↓ */
	}
}
