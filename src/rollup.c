/*-------------------------------------------------------------------------
 *
 * rollup.c
 *	  The roll-up aggregates rollup(outcome, target [, weight]) and
 *	  rollup(rollup_result), the trend aggregate, and their fixed-size
 *	  transition state types rollup_state and trend_state.
 *
 * A metric's score (GmScore, fulfilment.h) is its capped fulfilment in
 * units of 1e-15 percent, truncated, with a flag saying whether the exact
 * value lies a little above.  The roll-up state keeps exact 128-bit sums of
 * weight * score, the weakest score and the metric counts, so that every
 * method (goalmetrics.rollup_method: mean, worst, share_met) can be applied
 * at final time, states combine exactly across parallel workers and rows can
 * be removed again for moving windows.  The band of a roll-up follows the
 * precision contract of doc/rollup.md: a value within 1e-9 percentage
 * points of a band edge counts as on the edge.
 *
 * The transition functions allocate nothing per row: the state is created
 * once in the aggregate context (from the INITCOND) and updated in place,
 * numeric arguments with short headers are read through a stack buffer and
 * targets are unpacked in place.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <limits.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/int.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/typcache.h"

#include "encoding.h"
#include "fulfilment.h"
#include "metric_target.h"
#include "rollup.h"
#include "settings.h"
#include "target.h"

#ifndef HAVE_INT128
#error "goalmetrics needs a 128-bit integer type"
#endif

StaticAssertDecl(sizeof(GmRollupState) == GM_ROLLUP_STATE_SIZE,
				 "rollup_state size must match INTERNALLENGTH");
StaticAssertDecl(sizeof(GmTrendState) == GM_TREND_STATE_SIZE,
				 "trend_state size must match INTERNALLENGTH");
StaticAssertDecl(GM_MAX_ENCODED <= GM_TREND_TARGET_BYTES,
				 "a packed target must fit in trend_state");

PG_FUNCTION_INFO_V1(gm_rollup_state_in);
PG_FUNCTION_INFO_V1(gm_rollup_state_out);
PG_FUNCTION_INFO_V1(gm_rollup_state_recv);
PG_FUNCTION_INFO_V1(gm_rollup_state_send);
PG_FUNCTION_INFO_V1(gm_rollup_accum);
PG_FUNCTION_INFO_V1(gm_rollup_accum_weighted);
PG_FUNCTION_INFO_V1(gm_rollup_accum_result);
PG_FUNCTION_INFO_V1(gm_rollup_inverse);
PG_FUNCTION_INFO_V1(gm_rollup_inverse_weighted);
PG_FUNCTION_INFO_V1(gm_rollup_inverse_result);
PG_FUNCTION_INFO_V1(gm_rollup_combine);
PG_FUNCTION_INFO_V1(gm_rollup_final);

PG_FUNCTION_INFO_V1(gm_trend_state_in);
PG_FUNCTION_INFO_V1(gm_trend_state_out);
PG_FUNCTION_INFO_V1(gm_trend_state_recv);
PG_FUNCTION_INFO_V1(gm_trend_state_send);
PG_FUNCTION_INFO_V1(gm_trend_accum);
PG_FUNCTION_INFO_V1(gm_trend_combine);
PG_FUNCTION_INFO_V1(gm_trend_final);
PG_FUNCTION_INFO_V1(gm_trend_symbol);
PG_FUNCTION_INFO_V1(gm_check_outcome);

/* The largest int128 (PostgreSQL 13-15 have no PG_INT128_MAX) */
#define GM_INT128_MAX ((int128)(((uint128)1 << 127) - 1))

/* Number of columns of goalmetrics.rollup_result */
#define GM_RESULT_NATTS 8

/* ----------------------------------------------------------------
 * Small helpers
 * ----------------------------------------------------------------
 */

static inline int128
i128_get(const GmInt128 *v)
{
	return (int128)(((uint128)(uint64)v->hi << 64) | (uint128)v->lo);
}

static inline void
i128_set(GmInt128 *v, int128 x)
{
	v->hi = (int64)(x >> 64);
	v->lo = (uint64)x;
}

/* 10^n as int128, 0 <= n <= 38 */
static int128
pow10_128(int n)
{
	int128 r = 1;

	Assert(n >= 0 && n <= 38);
	while (n-- > 0)
		r *= 10;
	return r;
}

/*
 * Format a non-negative or negative int128 in decimal into buf (at least
 * 41 bytes); returns buf.
 */
static char *
i128_to_cstring(int128 v, char *buf)
{
	char    tmp[41];
	int     n = 0;
	int     i = 0;
	uint128 u = v < 0 ? (uint128)0 - (uint128)v : (uint128)v;

	do
	{
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u != 0);
	if (v < 0)
		buf[i++] = '-';
	while (n > 0)
		buf[i++] = tmp[--n];
	buf[i] = '\0';
	return buf;
}

/*
 * Append the decimal coef * 10^-scale in the canonical form of trend_state
 * ("-12.50", "7e3"), which numeric_in reads too.  The buffer grows as
 * needed: nothing here can overflow, whatever the scale.
 */
static void
format_decimal(StringInfo buf, int128 coef, int scale)
{
	char  digits[41];
	char *d;
	int   len;

	if (scale <= 0)
	{
		appendStringInfoString(buf, i128_to_cstring(coef, digits));
		if (scale < 0)
			appendStringInfo(buf, "e%d", -scale);
		return;
	}
	d = i128_to_cstring(coef, digits);
	if (coef < 0)
		appendStringInfoChar(buf, *d++);
	len = (int)strlen(d);
	if (len > scale)
		appendBinaryStringInfo(buf, d, len - scale);
	else
		appendStringInfoChar(buf, '0');
	appendStringInfoChar(buf, '.');
	for (int i = len; i < scale; i++)
		appendStringInfoChar(buf, '0');
	appendStringInfoString(buf, len > scale ? d + len - scale : d);
}

/*
 * An exact decimal coef * 10^-scale as a numeric (final-time only).
 */
static Numeric
decimal_to_numeric(int128 coef, int scale)
{
	StringInfoData buf;
	Numeric        num;

	initStringInfo(&buf);
	format_decimal(&buf, coef, scale);
	num = DatumGetNumeric(
		DirectFunctionCall3(numeric_in, CStringGetDatum(buf.data),
							ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	pfree(buf.data);
	return num;
}

/*
 * A numeric argument with a 4-byte header, without allocating for the
 * common case: values stored with a short (1-byte) header, as nearly all
 * numerics in tables are, are copied into the caller's stack buffer.
 * Only toasted or compressed values (never small numbers) are detoasted.
 */
typedef union GmNumericBuf
{
	struct varlena hdr;
	char           data[VARHDRSZ + 128];
	double         align;
} GmNumericBuf;

static Numeric
numeric_arg(Datum d, GmNumericBuf *buf)
{
	struct varlena *p = (struct varlena *)DatumGetPointer(d);

	if (!VARATT_IS_EXTENDED(p))
		return (Numeric)p;
	if (VARATT_IS_SHORT(p))
	{
		Size len = VARSIZE_SHORT(p) - VARHDRSZ_SHORT;

		if (len + VARHDRSZ <= sizeof(buf->data))
		{
			SET_VARSIZE(&buf->hdr, len + VARHDRSZ);
			memcpy(VARDATA(&buf->hdr), VARDATA_SHORT(p), len);
			return (Numeric)buf->data;
		}
	}
	return DatumGetNumeric(d);
}

static const char *
numeric_cstring(Numeric num)
{
	return DatumGetCString(
		DirectFunctionCall1(numeric_out, NumericGetDatum(num)));
}

/* ----------------------------------------------------------------
 * rollup_state: validation, text and binary forms
 * ----------------------------------------------------------------
 */

/*
 * Check every invariant of a roll-up state.  Returns NULL when the state is
 * consistent, else a description of the first violation (for errdetail).
 * in and recv call this, so that no inconsistent state enters a query.
 */
static const char *
rollup_state_problem(const GmRollupState *s)
{
	int128 weight = i128_get(&s->weight);
	int128 wpct = i128_get(&s->weighted_pct);
	int128 wmet = i128_get(&s->weighted_met);
	int64  sum = 0;

	if (s->version != GM_ROLLUP_STATE_VERSION)
		return "unknown format version";
	if (s->level > GM_LEVEL_ROLLUPS)
		return "level must be 0, 1 or 2";
	for (int i = 0; i < (int)sizeof(s->reserved); i++)
		if (s->reserved[i] != 0)
			return "reserved bytes must be zero";
	if (s->reserved2 != 0)
		return "reserved bytes must be zero";
	if (s->level == GM_LEVEL_EMPTY)
	{
		if (s->partly_above != 0 || s->fulfilled_at != 0 || s->parts != 0 ||
			s->metrics != 0 || s->count[0] != 0 || s->count[1] != 0 ||
			s->count[2] != 0 || s->count[3] != 0 || s->valued != 0 ||
			s->valued_met != 0 || s->worst != 0 || s->worst_n != 0 ||
			s->worst_exact != 0 || weight != 0 || wpct != 0 || wmet != 0)
			return "an empty state (level 0) must have every field zero";
		return NULL;
	}

	if (s->partly_above < 0 || s->fulfilled_at > 100 * GM_MICRO ||
		s->partly_above >= s->fulfilled_at)
		return "thresholds must satisfy 0 <= partly_above < fulfilled_at <= 100000000";
	if (s->parts < 0 || s->metrics < 0 || s->valued < 0 || s->valued_met < 0 ||
		s->worst_n < 0 || s->worst_exact < 0)
		return "counts must not be negative";
	for (int i = 0; i < GM_STATUS_COUNT; i++)
	{
		if (s->count[i] < 0)
			return "counts must not be negative";
		if (pg_add_s64_overflow(sum, s->count[i], &sum))
			return "counts out of range";
	}
	if (sum != s->metrics)
		return "the status counts must add up to metrics";
	/* a valued part holds at least one followed-up metric */
	if (s->valued > s->metrics - s->count[GM_STATUS_NOT_FOLLOWED_UP])
		return "valued must not exceed the followed-up metrics";
	if (s->level == GM_LEVEL_METRICS)
	{
		if (s->parts != s->metrics)
			return "at level 1 parts must equal metrics";
		if (s->valued_met > s->count[GM_STATUS_FULFILLED])
			return "valued_met must not exceed the fulfilled metrics";
	}
	else
	{
		if (s->valued > s->parts)
			return "valued must not exceed parts";
		if (s->parts == 0 && s->metrics != 0)
			return "without parts there are no metrics";
	}
	if (s->valued_met > s->valued)
		return "valued_met must not exceed valued";

	if (s->valued == 0)
	{
		if (weight != 0 || wpct != 0 || wmet != 0 || s->worst != 0 ||
			s->worst_n != 0 || s->worst_exact != 0)
			return "without valued parts weights and worst must be zero";
		return NULL;
	}

	/* weights: each valued part weighs 1 .. GM_WEIGHT_MAX units */
	if (weight < (int128)s->valued ||
		weight > (int128)s->valued * GM_WEIGHT_MAX)
		return "weight out of range for the valued parts";
	if (s->level == GM_LEVEL_ROLLUPS &&
		weight != (int128)s->valued * GM_WEIGHT_ONE)
		return "at level 2 every valued part weighs 1";
	if (wmet < (int128)s->valued_met ||
		wmet > (int128)s->valued_met * GM_WEIGHT_MAX || wmet > weight)
		return "weighted_met out of range";
	if ((s->valued_met == s->valued) != (wmet == weight))
		return "weighted_met must equal weight exactly when every valued part is met";

	/* the weakest part */
	if (s->worst < 0 || s->worst > GM_PCT_100)
		return "worst must be between 0 and 100000000000000000";
	if (s->worst_n < 1 || s->worst_n > s->valued ||
		s->worst_exact > s->worst_n)
		return "worst_n and worst_exact out of range";
	if (s->worst == GM_PCT_100 && s->worst_exact != s->worst_n)
		return "a score of 100 % is exact";

	/*
	 * At level 1 each valued part is one metric whose status is the band of
	 * its score under these thresholds (gm_status_of_score): a valued
	 * not_fulfilled metric scores at most partly_above, and below
	 * fulfilled_at 100 a valued metric that is not fulfilled scores below
	 * fulfilled_at.  So the worst score must allow the counts.
	 */
	if (s->level == GM_LEVEL_METRICS)
	{
		int64 not_met = (int64)s->valued - s->count[GM_STATUS_FULFILLED];
		int64 low = not_met - s->count[GM_STATUS_PARTLY];

		if (low > 0 && s->worst > GM_MICRO_TO_PCT(s->partly_above))
			return "the not_fulfilled metrics must score at most partly_above";
		if (not_met > 0 && s->fulfilled_at < 100 * GM_MICRO &&
			s->worst >= GM_MICRO_TO_PCT(s->fulfilled_at))
			return "the metrics that are not fulfilled must score below fulfilled_at";
	}

	/* the mean lies between the worst and 100 % */
	if (wpct < 0)
		return "weighted_pct must not be negative";
	{
		int128 q = wpct / weight;
		int128 r = wpct % weight;

		if (q > GM_PCT_100 || (q == GM_PCT_100 && r != 0))
			return "weighted_pct exceeds 100 % of the weight";
		if (q < s->worst)
			return "the weighted mean lies below worst";
		if (s->worst_n == s->valued && (q != s->worst || r != 0))
			return "when every valued part is at worst the mean must equal worst";
	}
	return NULL;
}

typedef enum RsFieldKind
{
	RS_U8,
	RS_I32, /* an int64 in the binary form, range-checked */
	RS_I64,
	RS_I128
} RsFieldKind;

typedef struct RsField
{
	const char *name;
	RsFieldKind kind;
	size_t      offset;
} RsField;

/* The canonical text form: these keys, in this order, space-separated */
static const RsField rs_fields[] = {
	{ "v", RS_U8, offsetof(GmRollupState, version) },
	{ "level", RS_U8, offsetof(GmRollupState, level) },
	{ "partly_above", RS_I32, offsetof(GmRollupState, partly_above) },
	{ "fulfilled_at", RS_I32, offsetof(GmRollupState, fulfilled_at) },
	{ "parts", RS_I32, offsetof(GmRollupState, parts) },
	{ "metrics", RS_I32, offsetof(GmRollupState, metrics) },
	{ "fulfilled", RS_I32,
	  offsetof(GmRollupState, count) + GM_STATUS_FULFILLED * sizeof(int32) },
	{ "partly", RS_I32,
	  offsetof(GmRollupState, count) + GM_STATUS_PARTLY * sizeof(int32) },
	{ "not_fulfilled", RS_I32,
	  offsetof(GmRollupState, count) +
		  GM_STATUS_NOT_FULFILLED * sizeof(int32) },
	{ "not_followed_up", RS_I32,
	  offsetof(GmRollupState, count) +
		  GM_STATUS_NOT_FOLLOWED_UP * sizeof(int32) },
	{ "valued", RS_I32, offsetof(GmRollupState, valued) },
	{ "valued_met", RS_I32, offsetof(GmRollupState, valued_met) },
	{ "worst", RS_I64, offsetof(GmRollupState, worst) },
	{ "worst_n", RS_I32, offsetof(GmRollupState, worst_n) },
	{ "worst_exact", RS_I32, offsetof(GmRollupState, worst_exact) },
	{ "weight", RS_I128, offsetof(GmRollupState, weight) },
	{ "weighted_pct", RS_I128, offsetof(GmRollupState, weighted_pct) },
	{ "weighted_met", RS_I128, offsetof(GmRollupState, weighted_met) },
};

#define RS_NFIELDS lengthof(rs_fields)

/*
 * Parse a canonical non-negative decimal (no sign, no leading zeros) at *p
 * that must not exceed max.  Advances *p; false on any deviation.
 */
static bool
parse_canonical_uint(const char **p, uint128 max, uint128 *out)
{
	const char *s = *p;
	uint128     v = 0;

	if (*s < '0' || *s > '9')
		return false;
	if (*s == '0' && s[1] >= '0' && s[1] <= '9')
		return false;
	while (*s >= '0' && *s <= '9')
	{
		int digit = *s - '0';

		if (v > (max - digit) / 10)
			return false;
		v = v * 10 + digit;
		s++;
	}
	*p = s;
	*out = v;
	return true;
}

static void
rs_parse_error(const char *input, const char *detail)
{
	ereport(ERROR, (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					errmsg("invalid input syntax for type %s: \"%s\"",
						   "rollup_state", input),
					errdetail("%s", detail)));
}

/*
 * rollup_state_in: the canonical text form only (what rollup_state_out
 * writes), then every invariant.
 */
Datum
gm_rollup_state_in(PG_FUNCTION_ARGS)
{
	const char    *input = PG_GETARG_CSTRING(0);
	const char    *p = input;
	GmRollupState *s = palloc0(sizeof(GmRollupState));
	const char    *problem;

	for (int i = 0; i < (int)RS_NFIELDS; i++)
	{
		const RsField *f = &rs_fields[i];
		size_t         klen = strlen(f->name);
		uint128        v;
		uint128        max;

		if (i > 0)
		{
			if (*p != ' ')
				rs_parse_error(input,
							   psprintf("expected a space before \"%s\"",
										f->name));
			p++;
		}
		if (strncmp(p, f->name, klen) != 0 || p[klen] != '=')
			rs_parse_error(input, psprintf("expected \"%s=\" at position %d",
										   f->name, (int)(p - input) + 1));
		p += klen + 1;
		max = f->kind == RS_U8    ? (uint128)PG_UINT8_MAX
			  : f->kind == RS_I32 ? (uint128)PG_INT32_MAX
			  : f->kind == RS_I64 ? (uint128)PG_INT64_MAX
								  : (uint128)GM_INT128_MAX;
		if (!parse_canonical_uint(&p, max, &v))
			rs_parse_error(
				input,
				psprintf(
					"\"%s\" must be a non-negative integer in canonical form and range",
					f->name));
		switch (f->kind)
		{
			case RS_U8:
				*((uint8 *)s + f->offset) = (uint8)v;
				break;
			case RS_I32:
				*(int32 *)((char *)s + f->offset) = (int32)v;
				break;
			case RS_I64:
				*(int64 *)((char *)s + f->offset) = (int64)v;
				break;
			case RS_I128:
				i128_set((GmInt128 *)((char *)s + f->offset), (int128)v);
				break;
		}
	}
	if (*p != '\0')
		rs_parse_error(input, psprintf("unexpected text at position %d",
									   (int)(p - input) + 1));
	if ((problem = rollup_state_problem(s)) != NULL)
		rs_parse_error(input, problem);
	PG_RETURN_POINTER(s);
}

/*
 * rollup_state_out: canonical text, every field as a decimal integer.
 */
Datum
gm_rollup_state_out(PG_FUNCTION_ARGS)
{
	const GmRollupState *s = (const GmRollupState *)PG_GETARG_POINTER(0);
	StringInfoData       buf;
	char                 num[41];

	initStringInfo(&buf);
	for (int i = 0; i < (int)RS_NFIELDS; i++)
	{
		const RsField *f = &rs_fields[i];
		int128         v = 0;

		switch (f->kind)
		{
			case RS_U8:
				v = *((const uint8 *)s + f->offset);
				break;
			case RS_I32:
				v = *(const int32 *)((const char *)s + f->offset);
				break;
			case RS_I64:
				v = *(const int64 *)((const char *)s + f->offset);
				break;
			case RS_I128:
				v = i128_get((const GmInt128 *)((const char *)s + f->offset));
				break;
		}
		appendStringInfo(&buf, "%s%s=%s", i > 0 ? " " : "", f->name,
						 i128_to_cstring(v, num));
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * rollup_state_recv: format-version byte, then the fields in the order of
 * the text form, integers in network byte order (128-bit ones as high and
 * low halves); validated as strictly as the text form.
 */
Datum
gm_rollup_state_recv(PG_FUNCTION_ARGS)
{
	StringInfo     buf = (StringInfo)PG_GETARG_POINTER(0);
	GmRollupState *s = palloc0(sizeof(GmRollupState));
	const char    *problem;

	for (int i = 0; i < (int)RS_NFIELDS; i++)
	{
		const RsField *f = &rs_fields[i];

		switch (f->kind)
		{
			case RS_U8:
				*((uint8 *)s + f->offset) = (uint8)pq_getmsgbyte(buf);
				break;
			case RS_I32:
			{
				int64 v = pq_getmsgint64(buf);

				if (v < 0 || v > PG_INT32_MAX)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
							 errmsg("invalid binary rollup_state"),
							 errdetail("\"%s\" is out of range: " INT64_FORMAT,
									   f->name, v)));
				*(int32 *)((char *)s + f->offset) = (int32)v;
				break;
			}
			case RS_I64:
				*(int64 *)((char *)s + f->offset) = pq_getmsgint64(buf);
				break;
			case RS_I128:
			{
				GmInt128 *v = (GmInt128 *)((char *)s + f->offset);

				v->hi = pq_getmsgint64(buf);
				v->lo = (uint64)pq_getmsgint64(buf);
				break;
			}
		}
		if (i == 0 && s->version != GM_ROLLUP_STATE_VERSION)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid binary rollup_state"),
					 errdetail("unknown format version %d", s->version)));
	}
	if ((problem = rollup_state_problem(s)) != NULL)
		ereport(ERROR, (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
						errmsg("invalid binary rollup_state"),
						errdetail("%s", problem)));
	PG_RETURN_POINTER(s);
}

/*
 * rollup_state_send: see rollup_state_recv.
 */
Datum
gm_rollup_state_send(PG_FUNCTION_ARGS)
{
	const GmRollupState *s = (const GmRollupState *)PG_GETARG_POINTER(0);
	StringInfoData       buf;

	pq_begintypsend(&buf);
	for (int i = 0; i < (int)RS_NFIELDS; i++)
	{
		const RsField *f = &rs_fields[i];

		switch (f->kind)
		{
			case RS_U8:
				pq_sendbyte(&buf, *((const uint8 *)s + f->offset));
				break;
			case RS_I32:
				pq_sendint64(&buf,
							 *(const int32 *)((const char *)s + f->offset));
				break;
			case RS_I64:
				pq_sendint64(&buf,
							 *(const int64 *)((const char *)s + f->offset));
				break;
			case RS_I128:
			{
				const GmInt128 *v =
					(const GmInt128 *)((const char *)s + f->offset);

				pq_sendint64(&buf, v->hi);
				pq_sendint64(&buf, (int64)v->lo);
				break;
			}
		}
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ----------------------------------------------------------------
 * rollup_state: transition, inverse, combine
 * ----------------------------------------------------------------
 */

/*
 * The state to update.  Called as an aggregate, the state argument lives in
 * the aggregate context (copied there from the INITCOND once per group) and
 * is updated in place; called as a plain function it is copied first.
 */
static GmRollupState *
rollup_state_arg(FunctionCallInfo fcinfo)
{
	GmRollupState *s;

	if (AggCheckCallContext(fcinfo, NULL) && !PG_ARGISNULL(0))
		return (GmRollupState *)PG_GETARG_POINTER(0);
	s = palloc0(sizeof(GmRollupState));
	if (PG_ARGISNULL(0))
		s->version = GM_ROLLUP_STATE_VERSION;
	else
		memcpy(s, PG_GETARG_POINTER(0), sizeof(GmRollupState));
	return s;
}

/*
 * Start a non-empty state on its first input: record the level and the
 * thresholds the metric counts are made with (the settings, read once per
 * group, not per row).
 */
static void
rollup_state_begin(GmRollupState *s, int level)
{
	if (s->level == GM_LEVEL_EMPTY)
	{
		GmThresholds th;

		gm_thresholds_from_settings(&th);
		s->level = (uint8)level;
		s->partly_above = th.partly_above;
		s->fulfilled_at = th.fulfilled_at;
	}
	else if (s->level != level)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot add a %s to a roll-up state of %s",
						level == GM_LEVEL_METRICS ? "metric" : "rollup_result",
						s->level == GM_LEVEL_METRICS ? "metrics"
													 : "roll-ups")));
}

static void
rollup_overflow(void)
{
	ereport(ERROR, (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					errmsg("roll-up sums out of range")));
}

static inline void
i128_add(GmInt128 *v, int128 x)
{
	int128 cur = i128_get(v);

	Assert(x >= 0 && cur >= 0);
	if (cur > GM_INT128_MAX - x)
		rollup_overflow();
	i128_set(v, cur + x);
}

/* Add to an int32 count of the state; out of range is "sums out of range" */
static inline void
count_add(int32 *v, int64 x)
{
	int64 sum = (int64)*v + x;

	if (x > PG_INT32_MAX || x < PG_INT32_MIN || sum > PG_INT32_MAX ||
		sum < PG_INT32_MIN)
		rollup_overflow();
	*v = (int32)sum;
}

/*
 * Add one valued part (followed up, positive weight) to the value sums.
 */
static void
rollup_add_value(GmRollupState *s, int64 weight, int64 pct, bool inexact,
				 bool met)
{
	int128 w = weight;

	Assert(weight > 0 && pct >= 0 && pct <= GM_PCT_100);
	if (s->valued == 0 || pct < s->worst)
	{
		s->worst = pct;
		s->worst_n = 1;
		s->worst_exact = inexact ? 0 : 1;
	}
	else if (pct == s->worst)
	{
		count_add(&s->worst_n, 1);
		if (!inexact)
			count_add(&s->worst_exact, 1);
	}
	count_add(&s->valued, 1);
	i128_add(&s->weight, w);
	i128_add(&s->weighted_pct, w * pct);
	if (met)
	{
		count_add(&s->valued_met, 1);
		i128_add(&s->weighted_met, w);
	}
}

/* What removing a part from a state came to */
typedef enum RemoveResult
{
	REMOVE_DONE,
	REMOVE_RECOMPUTE, /* the last part at the worst score left: recompute */
	REMOVE_ABSENT     /* the state holds no such part */
} RemoveResult;

/*
 * Remove one valued part again.  REMOVE_RECOMPUTE when that cannot be done
 * without the other parts (the last part at the worst score goes while
 * others remain), REMOVE_ABSENT when the state cannot hold such a part.
 */
static RemoveResult
rollup_remove_value(GmRollupState *s, int64 weight, int64 pct, bool inexact,
					bool met)
{
	int128 w = weight;
	int128 total = i128_get(&s->weight);
	int128 wpct = i128_get(&s->weighted_pct);
	int128 wmet = i128_get(&s->weighted_met);

	if (s->valued < 1 || total < w || wpct < w * pct || pct < s->worst ||
		(met && (s->valued_met < 1 || wmet < w)) ||
		(pct == s->worst && !inexact && s->worst_exact < 1))
		return REMOVE_ABSENT;
	if (pct == s->worst)
	{
		s->worst_n--;
		if (!inexact)
			s->worst_exact--;
		if (s->worst_n == 0 && s->valued > 1)
			return REMOVE_RECOMPUTE; /* the new worst is unknown */
	}
	s->valued--;
	i128_set(&s->weight, total - w);
	i128_set(&s->weighted_pct, wpct - w * pct);
	if (met)
	{
		s->valued_met--;
		i128_set(&s->weighted_met, wmet - w);
	}
	if (s->valued == 0)
	{
		s->worst = 0;
		s->worst_n = 0;
		s->worst_exact = 0;
	}
	return REMOVE_DONE;
}

/*
 * The error of an inverse transition asked to remove what the state does
 * not hold: a value never added, or more weight than was added.  detail
 * says what gave it away.
 */
static pg_noreturn void
rollup_not_held(const char *what, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot remove a %s that the roll-up state does not hold",
					what),
			 detail ? errdetail("%s", detail) : 0,
			 errhint("rollup_inverse only takes out rows that were added "
					 "with the same arguments.")));
}

/*
 * After an inverse transition: the state must still be one the type
 * accepts (rollup_state_problem); else what was removed was never added.
 */
static void
rollup_check_removed(const GmRollupState *s, const char *what)
{
	const char *problem = rollup_state_problem(s);

	if (problem != NULL)
		rollup_not_held(what, problem);
}

/*
 * A weight argument in millionths.  NULL means 1; negative, NaN, infinite,
 * too large or too finely divided weights are errors.
 */
static int64
weight_arg(FunctionCallInfo fcinfo, int argno)
{
	GmNumericBuf nbuf;
	Numeric      num;
	int128       coef;
	int          scale;

	if (PG_ARGISNULL(argno))
		return GM_WEIGHT_ONE;
	num = numeric_arg(PG_GETARG_DATUM(argno), &nbuf);
	if (numeric_is_nan(num) || numeric_is_inf(num))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("roll-up weight must be a finite number, not \"%s\"",
						numeric_cstring(num))));
	if (!gm_numeric_to_int128(num, &coef, &scale))
	{
		/* more than 38 digits: only the sign matters for the message */
		coef = DatumGetInt32(
			DirectFunctionCall2(numeric_cmp, NumericGetDatum(num),
								NumericGetDatum(int64_to_numeric(0))));
		if (coef >= 0)
			ereport(
				ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("roll-up weight \"%s\" is out of range",
						numeric_cstring(num)),
				 errhint(
					 "A weight is at most 1000000 with at most 6 decimals.")));
		scale = 0;
	}
	if (coef < 0)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("roll-up weight must not be negative: \"%s\"",
					numeric_cstring(num)),
			 errhint(
				 "Use weight 0 to leave a metric out of the value while keeping it in the counts.")));
	/* to millionths, exactly */
	if (scale > GM_WEIGHT_SCALE)
	{
		int    drop = scale - GM_WEIGHT_SCALE;
		int128 p = drop > 38 ? 0 : pow10_128(drop);

		if (coef != 0 && (p == 0 || coef % p != 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("roll-up weight \"%s\" has more than 6 decimals",
							numeric_cstring(num)),
					 errhint(
						 "Round the weight, for example round(weight, 6).")));
		coef = p == 0 ? 0 : coef / p;
	}
	else
	{
		int up = GM_WEIGHT_SCALE - scale;

		if (coef != 0 &&
			(up > 18 || coef > (int128)GM_WEIGHT_MAX / pow10_128(up)))
			coef = GM_WEIGHT_MAX + 1;
		else
			coef *= pow10_128(up);
	}
	if (coef > GM_WEIGHT_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("roll-up weight \"%s\" is out of range",
						numeric_cstring(num)),
				 errhint(
					 "A weight is at most 1000000 with at most 6 decimals.")));
	return (int64)coef;
}

/*
 * weight_valid(weight): metric.weight's CHECK, so that the table takes
 * exactly the weights rollup() takes (true, or weight_arg's error).
 */
PG_FUNCTION_INFO_V1(gm_weight_valid);
Datum
gm_weight_valid(PG_FUNCTION_ARGS)
{
	(void)weight_arg(fcinfo, 0);
	PG_RETURN_BOOL(true);
}

/*
 * Score the metric of arguments 1 (outcome) and 2 (target) under the
 * state's thresholds.  Returns false when the target is NULL: such a row is
 * no metric (a LEFT JOIN's goal without metrics) and is skipped.
 */
static bool
score_args(FunctionCallInfo fcinfo, const GmRollupState *s, GmScore *score,
		   GmStatus *status)
{
	GmTarget     target;
	GmThresholds th;

	if (PG_ARGISNULL(2))
	{
		*status = GM_STATUS_NOT_FOLLOWED_UP; /* not used; no metric */
		return false;
	}
	if (PG_ARGISNULL(1))
	{
		memset(score, 0, sizeof(GmScore));
		*status = GM_STATUS_NOT_FOLLOWED_UP;
		return true;
	}
	metric_target_unpack_rule(PG_GETARG_DATUM(2), &target);
	/* read in place, also with a 1-byte header (gm_score_numeric) */
	gm_score_numeric((Numeric)DatumGetPointer(PG_GETARG_DATUM(1)), &target,
					 score);
	th.partly_above = s->partly_above;
	th.fulfilled_at = s->fulfilled_at;
	*status = gm_status_of_score(score, &th);
	return true;
}

/*
 * Transition of rollup(outcome, target [, weight]).
 */
static Datum
rollup_accum_metric(FunctionCallInfo fcinfo, bool weighted)
{
	GmRollupState *s = rollup_state_arg(fcinfo);
	GmScore        score;
	GmStatus       status;
	int64          weight;

	if (PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	weight = weighted ? weight_arg(fcinfo, 3) : GM_WEIGHT_ONE;
	rollup_state_begin(s, GM_LEVEL_METRICS);
	score_args(fcinfo, s, &score, &status);

	count_add(&s->parts, 1);
	count_add(&s->metrics, 1);
	count_add(&s->count[status], 1);
	if (status != GM_STATUS_NOT_FOLLOWED_UP && weight > 0)
		rollup_add_value(s, weight, score.pct, score.inexact, score.met);
	PG_RETURN_POINTER(s);
}

Datum
gm_rollup_accum(PG_FUNCTION_ARGS)
{
	return rollup_accum_metric(fcinfo, false);
}

Datum
gm_rollup_accum_weighted(PG_FUNCTION_ARGS)
{
	return rollup_accum_metric(fcinfo, true);
}

/*
 * Inverse transition of rollup(outcome, target [, weight]) for moving
 * windows: the row is scored again under the state's thresholds and taken
 * out.  Returns NULL (PostgreSQL then recomputes the frame) when the
 * weakest part leaves and the next weakest is unknown.
 */
static Datum
rollup_inverse_metric(FunctionCallInfo fcinfo, bool weighted)
{
	GmRollupState *s;
	GmScore        score;
	GmStatus       status;
	int64          weight;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = rollup_state_arg(fcinfo);
	if (PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	if (s->level != GM_LEVEL_METRICS)
		rollup_not_held("metric", s->level == GM_LEVEL_EMPTY
									  ? "The state is empty."
									  : "The state holds roll-ups.");
	weight = weighted ? weight_arg(fcinfo, 3) : GM_WEIGHT_ONE;
	score_args(fcinfo, s, &score, &status);

	if (s->parts < 1 || s->count[status] < 1)
		rollup_not_held("metric", "No metric with that status was added.");
	if (status != GM_STATUS_NOT_FOLLOWED_UP && weight > 0)
	{
		switch (rollup_remove_value(s, weight, score.pct, score.inexact,
									score.met))
		{
			case REMOVE_DONE:
				break;
			case REMOVE_RECOMPUTE:
				PG_RETURN_NULL();
			case REMOVE_ABSENT:
				rollup_not_held(
					"metric", "No part with that score and weight was added.");
		}
	}
	s->parts--;
	s->metrics--;
	s->count[status]--;
	rollup_check_removed(s, "metric");
	PG_RETURN_POINTER(s);
}

Datum
gm_rollup_inverse(PG_FUNCTION_ARGS)
{
	return rollup_inverse_metric(fcinfo, false);
}

Datum
gm_rollup_inverse_weighted(PG_FUNCTION_ARGS)
{
	return rollup_inverse_metric(fcinfo, true);
}

/*
 * A rollup_result argument, read and checked.
 */
typedef struct RollupInput
{
	int64 metrics;
	int64 count[GM_STATUS_COUNT];
	bool  valued; /* fulfilment is not NULL */
	bool  met;    /* status fulfilled */
	bool  inexact;
	int64 pct;
} RollupInput;

/* Per-call cache of the rollup_result row type */
typedef struct RollupResultCache
{
	Oid       typid;
	int32     typmod;
	TupleDesc desc;
} RollupResultCache;

static TupleDesc
rollup_result_desc(FunctionCallInfo fcinfo, HeapTupleHeader th)
{
	RollupResultCache *c = (RollupResultCache *)fcinfo->flinfo->fn_extra;
	Oid                typid = HeapTupleHeaderGetTypeId(th);
	int32              typmod = HeapTupleHeaderGetTypMod(th);

	if (c == NULL || c->typid != typid || c->typmod != typmod)
	{
		TupleDesc     desc = lookup_rowtype_tupdesc(typid, typmod);
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);

		if (c == NULL)
			c = palloc0(sizeof(RollupResultCache));
		c->typid = typid;
		c->typmod = typmod;
		c->desc = CreateTupleDescCopy(desc);
		MemoryContextSwitchTo(old);
		ReleaseTupleDesc(desc);
		if (c->desc->natts != GM_RESULT_NATTS ||
			TupleDescAttr(c->desc, 0)->atttypid != NUMERICOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg(
						 "rollup input must be a goalmetrics.rollup_result")));
		for (int i = 2; i < GM_RESULT_NATTS; i++)
			if (TupleDescAttr(c->desc, i)->atttypid != INT4OID)
				ereport(
					ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg(
						 "rollup input must be a goalmetrics.rollup_result")));
		fcinfo->flinfo->fn_extra = c;
	}
	return c->desc;
}

static void
bad_result(const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("inconsistent rollup_result"), errdetail("%s", detail)));
}

/*
 * A roll-up fulfilment percent (0..100) in GM_PCT units, truncated, with
 * the inexact flag set when digits beyond 1e-15 % were dropped.
 */
static void
percent_to_pct(Numeric num, int64 *pct, bool *inexact)
{
	int128 coef;
	int    scale;
	bool   dropped = false;

	if (numeric_is_nan(num) || numeric_is_inf(num))
		bad_result("fulfilment must be a number between 0 and 100");
	if (!gm_numeric_to_int128(num, &coef, &scale))
	{
		/* more than 38 digits: truncate to 15 decimals first (rare) */
		Numeric t = DatumGetNumeric(
			DirectFunctionCall2(numeric_trunc, NumericGetDatum(num),
								Int32GetDatum(GM_PCT_SCALE)));

		dropped =
			DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(t),
											  NumericGetDatum(num))) != 0;
		if (!gm_numeric_to_int128(t, &coef, &scale))
			bad_result("fulfilment must be a number between 0 and 100");
	}
	if (coef < 0)
		bad_result("fulfilment must be a number between 0 and 100");
	if (scale > GM_PCT_SCALE)
	{
		int    drop = scale - GM_PCT_SCALE;
		int128 p = drop > 38 ? 0 : pow10_128(drop);

		if (p == 0)
		{
			dropped = dropped || coef != 0;
			coef = 0;
		}
		else
		{
			dropped = dropped || coef % p != 0;
			coef /= p;
		}
	}
	else
	{
		int up = GM_PCT_SCALE - scale;

		if (coef != 0 && (up > 17 || coef > GM_PCT_100 / (int64)pow10_128(up)))
			bad_result("fulfilment must be a number between 0 and 100");
		coef *= pow10_128(up);
	}
	if (coef > GM_PCT_100 || (coef == GM_PCT_100 && dropped))
		bad_result("fulfilment must be a number between 0 and 100");
	*pct = (int64)coef;
	*inexact = dropped;
}

/*
 * Read a rollup_result datum into *in.  Allocates nothing for results
 * stored as plain tuples (the output of rollup()).
 */
static void
read_result(FunctionCallInfo fcinfo, int argno, RollupInput *in)
{
	HeapTupleHeader th = PG_GETARG_HEAPTUPLEHEADER(argno);
	HeapTupleData   tup;
	TupleDesc       desc = rollup_result_desc(fcinfo, th);
	Datum           values[GM_RESULT_NATTS];
	bool            nulls[GM_RESULT_NATTS];
	GmStatus        status;
	int64           sum = 0;

	tup.t_len = HeapTupleHeaderGetDatumLength(th);
	ItemPointerSetInvalid(&tup.t_self);
	tup.t_tableOid = InvalidOid;
	tup.t_data = th;
	heap_deform_tuple(&tup, desc, values, nulls);

	for (int i = 2; i < GM_RESULT_NATTS; i++)
		if (nulls[i] || DatumGetInt32(values[i]) < 0)
			bad_result("parts and the counts must be non-negative integers");
	if (nulls[1])
		bad_result("status must not be NULL");
	status = gm_status_from_datum(values[1]);
	in->metrics = DatumGetInt32(values[3]);
	for (int i = 0; i < GM_STATUS_COUNT; i++)
	{
		in->count[i] = DatumGetInt32(values[4 + i]);
		sum += in->count[i];
	}
	if (sum != in->metrics)
		bad_result(
			"fulfilled + partly + not_fulfilled + not_followed_up must equal metrics");
	in->valued = !nulls[0];
	if (in->valued != (status != GM_STATUS_NOT_FOLLOWED_UP))
		bad_result(
			"fulfilment is NULL exactly when status is not_followed_up");
	in->met = status == GM_STATUS_FULFILLED;
	in->pct = 0;
	in->inexact = false;
	if (DatumGetInt32(values[2]) == 0 &&
		(in->metrics != 0 || status != GM_STATUS_NOT_FOLLOWED_UP))
		bad_result(
			"a roll-up of no parts has no metrics and is not_followed_up");
	if (in->valued)
	{
		GmNumericBuf nbuf;

		if (in->metrics - in->count[GM_STATUS_NOT_FOLLOWED_UP] < 1)
			bad_result("a fulfilment needs at least one followed-up metric");
		percent_to_pct(numeric_arg(values[0], &nbuf), &in->pct, &in->inexact);

		/*
		 * Whatever the thresholds (0 <= partly_above < fulfilled_at <= 100),
		 * a roll-up at 100 % is not not_fulfilled, and one at 0 % is neither
		 * fulfilled nor partly.
		 */
		if (status == GM_STATUS_NOT_FULFILLED && in->pct == GM_PCT_100)
			bad_result("status not_fulfilled contradicts fulfilment 100");
		if (status != GM_STATUS_NOT_FULFILLED && in->pct == 0 && !in->inexact)
			bad_result(psprintf("status %s contradicts fulfilment 0",
								status == GM_STATUS_FULFILLED ? "fulfilled"
															  : "partly"));
	}
}

/*
 * Transition of rollup(rollup_result): one more level, each input counting
 * once in the value, its metric counts summed.  A NULL input is skipped.
 */
Datum
gm_rollup_accum_result(PG_FUNCTION_ARGS)
{
	GmRollupState *s = rollup_state_arg(fcinfo);
	RollupInput    in;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);
	read_result(fcinfo, 1, &in);
	rollup_state_begin(s, GM_LEVEL_ROLLUPS);
	count_add(&s->parts, 1);
	count_add(&s->metrics, in.metrics);
	for (int i = 0; i < GM_STATUS_COUNT; i++)
		count_add(&s->count[i], in.count[i]);
	if (in.valued)
		rollup_add_value(s, GM_WEIGHT_ONE, in.pct, in.inexact, in.met);
	PG_RETURN_POINTER(s);
}

/*
 * Inverse transition of rollup(rollup_result).
 */
Datum
gm_rollup_inverse_result(PG_FUNCTION_ARGS)
{
	GmRollupState *s;
	RollupInput    in;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = rollup_state_arg(fcinfo);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);
	if (s->level != GM_LEVEL_ROLLUPS)
		rollup_not_held("rollup_result", s->level == GM_LEVEL_EMPTY
											 ? "The state is empty."
											 : "The state holds metrics.");
	read_result(fcinfo, 1, &in);
	if (s->parts < 1 || s->metrics < in.metrics)
		rollup_not_held("rollup_result", "It counts more than the state.");
	for (int i = 0; i < GM_STATUS_COUNT; i++)
		if (s->count[i] < in.count[i])
			rollup_not_held("rollup_result", "It counts more than the state.");
	if (in.valued)
	{
		switch (
			rollup_remove_value(s, GM_WEIGHT_ONE, in.pct, in.inexact, in.met))
		{
			case REMOVE_DONE:
				break;
			case REMOVE_RECOMPUTE:
				PG_RETURN_NULL();
			case REMOVE_ABSENT:
				rollup_not_held("rollup_result",
								"No part with that fulfilment was added.");
		}
	}
	s->parts--;
	s->metrics -= in.metrics;
	for (int i = 0; i < GM_STATUS_COUNT; i++)
		s->count[i] -= in.count[i];
	rollup_check_removed(s, "rollup_result");
	PG_RETURN_POINTER(s);
}

/*
 * Combine two partial states (parallel workers, or states shipped between
 * servers).  Exact and order-independent.  States made under different
 * thresholds cannot be combined: their metric counts would disagree.
 */
Datum
gm_rollup_combine(PG_FUNCTION_ARGS)
{
	GmRollupState       *a;
	const GmRollupState *b = (const GmRollupState *)PG_GETARG_POINTER(1);

	a = rollup_state_arg(fcinfo);
	if (b->level == GM_LEVEL_EMPTY)
		PG_RETURN_POINTER(a);
	if (a->level == GM_LEVEL_EMPTY)
	{
		memcpy(a, b, sizeof(GmRollupState));
		PG_RETURN_POINTER(a);
	}
	if (a->level != b->level)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(
				 "cannot combine a roll-up state of metrics with one of roll-ups")));
	if (a->partly_above != b->partly_above ||
		a->fulfilled_at != b->fulfilled_at)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(
				 "cannot combine roll-up states made with different thresholds"),
			 errdetail(
				 "partly_above %s and %s, fulfilled_at %s and %s (millionths of a percent).",
				 psprintf("%d", a->partly_above),
				 psprintf("%d", b->partly_above),
				 psprintf("%d", a->fulfilled_at),
				 psprintf("%d", b->fulfilled_at)),
			 errhint(
				 "Set goalmetrics.partly_above and goalmetrics.fulfilled_at alike on every server.")));

	count_add(&a->parts, b->parts);
	count_add(&a->metrics, b->metrics);
	for (int i = 0; i < GM_STATUS_COUNT; i++)
		count_add(&a->count[i], b->count[i]);
	if (b->valued > 0)
	{
		if (a->valued == 0 || b->worst < a->worst)
		{
			a->worst = b->worst;
			a->worst_n = b->worst_n;
			a->worst_exact = b->worst_exact;
		}
		else if (b->worst == a->worst)
		{
			count_add(&a->worst_n, b->worst_n);
			count_add(&a->worst_exact, b->worst_exact);
		}
		count_add(&a->valued, b->valued);
		count_add(&a->valued_met, b->valued_met);
		i128_add(&a->weight, i128_get(&b->weight));
		i128_add(&a->weighted_pct, i128_get(&b->weighted_pct));
		i128_add(&a->weighted_met, i128_get(&b->weighted_met));
	}
	Assert(rollup_state_problem(a) == NULL);
	PG_RETURN_POINTER(a);
}

/* ----------------------------------------------------------------
 * rollup_state: final function
 * ----------------------------------------------------------------
 */

/*
 * The roll-up value under a method, in GM_PCT units: floor(value) in *q and
 * whether a fraction remains in *frac.
 */
static void
rollup_value(const GmRollupState *s, int method, int64 *q, bool *frac)
{
	int128 weight = i128_get(&s->weight);

	Assert(s->valued > 0 && weight > 0);
	switch (method)
	{
		case GM_ROLLUP_WORST:
			*q = s->worst;
			*frac = s->worst_exact == 0;
			break;
		case GM_ROLLUP_SHARE_MET:
		{
			int128 met = i128_get(&s->weighted_met);
			int128 v = 0;
			int128 r = met;

			if (met == weight)
			{
				*q = GM_PCT_100;
				*frac = false;
				break;
			}
			/* 10^17 * met / weight by long division: no overflow */
			for (int i = 0; i < 2 + GM_PCT_SCALE; i++)
			{
				r *= 10;
				v = v * 10 + r / weight;
				r %= weight;
			}
			*q = (int64)v;
			*frac = r != 0;
			break;
		}
		case GM_ROLLUP_MEAN:
		default:
		{
			int128 wpct = i128_get(&s->weighted_pct);

			*q = (int64)(wpct / weight);
			*frac = wpct % weight != 0;
			break;
		}
	}
}

/*
 * The band of a roll-up value (doc/rollup.md, "Precision contract"): within
 * GM_EDGE_TOLERANCE of an edge counts as on it.  Fulfilled when the value
 * reaches fulfilled_at and, at fulfilled_at 100, every valued part is met;
 * else partly when it is above partly_above; else not fulfilled.
 */
static GmStatus
rollup_band(const GmRollupState *s, int64 q, bool frac)
{
	int64 fulfilled_edge =
		GM_MICRO_TO_PCT(s->fulfilled_at) - GM_EDGE_TOLERANCE;
	int64 partly_edge = GM_MICRO_TO_PCT(s->partly_above) + GM_EDGE_TOLERANCE;

	if (q >= fulfilled_edge &&
		(s->fulfilled_at < 100 * GM_MICRO || s->valued_met == s->valued))
		return GM_STATUS_FULFILLED;
	if (q > partly_edge || (q == partly_edge && frac))
		return GM_STATUS_PARTLY;
	return GM_STATUS_NOT_FULFILLED;
}

/*
 * The value as a numeric rounded half up to 12 decimals, trailing zeros
 * trimmed ("90", "90.666666666667").
 */
static Numeric
pct_to_numeric(int64 q)
{
	int64 units = q / 1000 + (q % 1000 >= 500 ? 1 : 0); /* 1e-12 % */
	int   scale = 12;

	while (scale > 0 && units % 10 == 0)
	{
		units /= 10;
		scale--;
	}
	return DatumGetNumeric(gm_numeric_from_scaled(units, scale));
}

static int32
count_to_int4(int64 v)
{
	if (v > PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("roll-up count %s is out of range for type integer",
						psprintf(INT64_FORMAT, v))));
	return (int32)v;
}

/*
 * Final function of every rollup aggregate: applies goalmetrics.rollup_method
 * (read here, so the final function is STABLE) and returns a rollup_result.
 */
Datum
gm_rollup_final(PG_FUNCTION_ARGS)
{
	const GmRollupState *s = (const GmRollupState *)PG_GETARG_POINTER(0);
	TupleDesc            desc = (TupleDesc)fcinfo->flinfo->fn_extra;
	Datum                values[GM_RESULT_NATTS];
	bool                 nulls[GM_RESULT_NATTS] = { false };
	GmStatus             status;
	const char          *problem;

	if (desc == NULL)
	{
		TupleDesc     rdesc;
		MemoryContext old;

		if (get_call_result_type(fcinfo, NULL, &rdesc) != TYPEFUNC_COMPOSITE)
			ereport(
				ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg(
					 "rollup_final must return goalmetrics.rollup_result")));
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		desc = BlessTupleDesc(CreateTupleDescCopy(rdesc));
		MemoryContextSwitchTo(old);
		fcinfo->flinfo->fn_extra = desc;
	}

	/* every state comes through in, recv or the support functions */
	if ((problem = rollup_state_problem(s)) != NULL)
		ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED),
						errmsg("inconsistent rollup_state"),
						errdetail("%s", problem)));
	if (s->level == GM_LEVEL_EMPTY || s->valued == 0)
	{
		nulls[0] = true;
		status = GM_STATUS_NOT_FOLLOWED_UP;
	}
	else
	{
		int64 q;
		bool  frac;

		rollup_value(s, gm_rollup_method, &q, &frac);
		status = rollup_band(s, q, frac);
		values[0] = NumericGetDatum(pct_to_numeric(q));
	}
	values[1] = gm_status_datum(status);
	values[2] = Int32GetDatum(count_to_int4(s->parts));
	values[3] = Int32GetDatum(count_to_int4(s->metrics));
	for (int i = 0; i < GM_STATUS_COUNT; i++)
		values[4 + i] = Int32GetDatum(count_to_int4(s->count[i]));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/* ----------------------------------------------------------------
 * trend_state
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
	return decimal_cmp128(i128_get(&a->coef), a->scale, i128_get(&b->coef),
						  b->scale);
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
	int128 coef = i128_get(&pt->coef);
	int128 limit = pow10_128(GM_TREND_MAX_DIGITS);

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
	if (s->first.present > 1 || s->last.present > 1 || s->has_target > 1)
		return "flags must be 0 or 1";
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
	i128_set(&pt->coef, coef);
	return trend_point_problem(pt) == NULL;
}

/* The one error for an outcome that trend() and the outcome table refuse */
static pg_noreturn void
outcome_out_of_range(Numeric num)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("outcome \"%s\" is out of range", numeric_cstring(num)),
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
	Numeric      num = numeric_arg(PG_GETARG_DATUM(0), &nbuf);
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
	if (!parse_canonical_uint(p,
							  neg ? (uint128)PG_INT32_MAX + 1 : PG_INT32_MAX,
							  &v))
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
	int128      max = pow10_128(GM_TREND_MAX_DIGITS) - 1;

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
		if (!parse_canonical_uint(&s, GM_TREND_MAX_SCALE, &e) || e < 1 ||
			coef == 0)
			return false;
		scale = -(int)e;
	}
	if (neg && coef == 0)
		return false;
	i128_set(&pt->coef, neg ? -coef : coef);
	pt->scale = (int16)scale;
	*p = s;
	return true;
}

/*
 * trend_state_in: "v=1 first=<year>:<decimal> last=<year>:<decimal>
 * target=<year>:<hex of the packed target>", an absent part as "-".
 */
Datum
gm_trend_state_in(PG_FUNCTION_ARGS)
{
	const char   *input = PG_GETARG_CSTRING(0);
	const char   *p = input;
	GmTrendState *s = palloc0(sizeof(GmTrendState));
	const char   *problem;

	if (strncmp(p, "v=1 first=", 10) != 0)
		ts_parse_error(input, "expected \"v=1 first=\"");
	s->version = GM_TREND_STATE_VERSION;
	p += 10;
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
	if (*p == '-' && p[1] == '\0')
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
			format_decimal(&buf, i128_get(&pt->coef), pt->scale);
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
	PG_RETURN_CSTRING(buf.data);
}

/*
 * trend_state_recv / send: version byte, then first and last (present byte,
 * year, scale, coefficient high and low), then the target (present byte,
 * year, length byte, bytes).
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

/*
 * Transition of trend(year, outcome, target): keeps the earliest and the
 * latest followed-up outcome and the target of the latest year that has
 * one.  Rows without a year are skipped.
 */
Datum
gm_trend_accum(PG_FUNCTION_ARGS)
{
	GmTrendState *s = trend_state_arg(fcinfo);
	int32         year;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);
	year = PG_GETARG_INT32(1);
	if (!PG_ARGISNULL(2))
	{
		GmNumericBuf nbuf;
		Numeric      num = numeric_arg(PG_GETARG_DATUM(2), &nbuf);
		GmTrendPoint pt;

		if (numeric_is_nan(num) || numeric_is_inf(num))
			gm_outcome_not_finite(numeric_cstring(num));
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

/*
 * Combine two trend states; order-independent like the transition.
 */
Datum
gm_trend_combine(PG_FUNCTION_ARGS)
{
	GmTrendState       *a = trend_state_arg(fcinfo);
	const GmTrendState *b = (const GmTrendState *)PG_GETARG_POINTER(1);

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

static Numeric
gm_decimal_numeric(GmDecimal d)
{
	return decimal_to_numeric(d.coef, d.scale);
}

/* Distance of x from the target's good value or range (exactly, between) */
static Numeric
distance(Numeric x, const GmTarget *t)
{
	Numeric lo = gm_decimal_numeric(t->value);
	Numeric zero = int64_to_numeric(0);

	if (t->cmp == GM_EXACTLY)
		return num_abs(num_sub(x, lo));
	else
	{
		Numeric hi = gm_decimal_numeric(t->upper);

		if (num_cmp(x, lo) < 0)
			return num_sub(lo, x);
		if (num_cmp(x, hi) > 0)
			return num_sub(x, hi);
		return zero;
	}
}

/*
 * Final function of trend(): direction-aware comparison of the latest with
 * the earliest followed-up outcome (doc/rollup.md, "trend").  Reads
 * goalmetrics.trend_tolerance: STABLE.
 */
Datum
gm_trend_final(PG_FUNCTION_ARGS)
{
	const GmTrendState *s = (const GmTrendState *)PG_GETARG_POINTER(0);
	GmTarget            t;
	GmError             err;
	Numeric             first;
	Numeric             last;
	Numeric             gain;
	Numeric             lhs;
	Numeric             rhs;
	const char         *problem;

	/* every state comes through in, recv or the support functions */
	if ((problem = trend_state_problem(s)) != NULL)
		ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED),
						errmsg("inconsistent trend_state"),
						errdetail("%s", problem)));
	if (!s->first.present || s->first.year == s->last.year || !s->has_target)
		PG_RETURN_NULL();
	if (!gm_target_decode(s->target, s->target_len, &t, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt target in trend_state: %s", err.message)));
	first = decimal_to_numeric(i128_get(&s->first.coef), s->first.scale);
	last = decimal_to_numeric(i128_get(&s->last.coef), s->last.scale);

	switch (t.cmp)
	{
		case GM_AT_LEAST:
		case GM_ABOVE:
			gain = num_sub(last, first);
			break;
		case GM_AT_MOST:
		case GM_BELOW:
			gain = num_sub(first, last);
			break;
		case GM_EXACTLY:
		case GM_BETWEEN:
		default:
			gain = num_sub(distance(first, &t), distance(last, &t));
			break;
	}

	/* gain against tolerance% of |first|: gain * 10^8 vs |first| * micro */
	lhs = num_mul(gain, int64_to_numeric(100 * (int64)GM_MICRO));
	rhs = num_mul(num_abs(first),
				  int64_to_numeric(gm_percent_to_micro(gm_trend_tolerance)));
	if (num_cmp(lhs, rhs) > 0)
		PG_RETURN_TEXT_P(cstring_to_text("improving"));
	if (num_cmp(lhs, num_sub(int64_to_numeric(0), rhs)) < 0)
		PG_RETURN_TEXT_P(cstring_to_text("worsening"));
	PG_RETURN_TEXT_P(cstring_to_text("stable"));
}

/* An arrow as text in the database encoding, or its ASCII stand-in */
static text *
arrow_text(const char *utf8, const char *standin)
{
	return cstring_to_text(gm_utf8_to_server_text(utf8, standin));
}

/*
 * trend_symbol(text): an arrow for a trend.
 */
Datum
gm_trend_symbol(PG_FUNCTION_ARGS)
{
	text       *t = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(t);
	int         len = VARSIZE_ANY_EXHDR(t);

	if (len == 9 && memcmp(s, "improving", 9) == 0)
		PG_RETURN_TEXT_P(arrow_text("\u2191", "^")); /* ↑ */
	if (len == 6 && memcmp(s, "stable", 6) == 0)
		PG_RETURN_TEXT_P(arrow_text("\u2192", "=")); /* → */
	if (len == 9 && memcmp(s, "worsening", 9) == 0)
		PG_RETURN_TEXT_P(arrow_text("\u2193", "v")); /* ↓ */
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("unknown trend \"%s\"", text_to_cstring(t)),
					errhint("A trend is improving, stable or worsening.")));
	PG_RETURN_NULL();
}
