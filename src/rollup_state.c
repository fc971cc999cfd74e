/*-------------------------------------------------------------------------
 *
 * rollup_state.c
 *	  The roll-up aggregates' transition state type goalmetrics.rollup_state:
 *	  its invariants, and its canonical text and binary forms.
 *
 * Every state that enters (in, recv) or leaves a support function that
 * could break it (the inverse transitions, the final function) is checked
 * by gm_rollup_state_problem, so that a table of states always dumps and
 * restores, and a state shipped between servers (Citus) cannot crash or
 * mislead the final function.  doc/rollup.md describes the forms.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/int.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "numeric_io.h"
#include "rollup.h"
#include "status.h"

StaticAssertDecl(sizeof(GmRollupState) == GM_ROLLUP_STATE_SIZE,
				 "rollup_state size must match INTERNALLENGTH");

PG_FUNCTION_INFO_V1(gm_rollup_state_in);
PG_FUNCTION_INFO_V1(gm_rollup_state_out);
PG_FUNCTION_INFO_V1(gm_rollup_state_recv);
PG_FUNCTION_INFO_V1(gm_rollup_state_send);

/* ----------------------------------------------------------------
 * Validation
 * ----------------------------------------------------------------
 */

/*
 * Check every invariant of a roll-up state.  Returns NULL when the state is
 * consistent, else a description of the first violation (for errdetail).
 * in and recv call this, so that no inconsistent state enters a query.
 */
const char *
gm_rollup_state_problem(const GmRollupState *s)
{
	int128 weight = gm_i128_get(&s->weight);
	int128 wpct = gm_i128_get(&s->weighted_pct);
	int128 wmet = gm_i128_get(&s->weighted_met);
	int64  sum = 0;

	if (s->version != GM_ROLLUP_STATE_VERSION)
		return "unknown format version";
	if (s->level > GM_LEVEL_ROLLUPS)
		return "level must be 0, 1 or 2";
	if (s->method > GM_METHOD_MAX)
		return "method must be 0 (the setting), 1 (mean), 2 (worst) or 3 (share_met)";
	if (s->reserved != 0 || s->reserved2 != 0)
		return "reserved bytes must be zero";
	if (s->level == GM_LEVEL_EMPTY)
	{
		if (s->partly_above != 0 || s->fulfilled_at != 0 || s->method != 0 ||
			s->parts != 0 || s->metrics != 0 || s->count[0] != 0 ||
			s->count[1] != 0 || s->count[2] != 0 || s->count[3] != 0 ||
			s->valued != 0 || s->valued_met != 0 || s->worst != 0 ||
			s->worst_n != 0 || s->worst_exact != 0 || weight != 0 ||
			wpct != 0 || wmet != 0)
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
	{ "method", RS_U8, offsetof(GmRollupState, method) },
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
		if (!gm_parse_canonical_uint(&p, max, &v))
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
				gm_i128_set((GmInt128 *)((char *)s + f->offset), (int128)v);
				break;
		}
	}
	if (*p != '\0')
		rs_parse_error(input, psprintf("unexpected text at position %d",
									   (int)(p - input) + 1));
	if ((problem = gm_rollup_state_problem(s)) != NULL)
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
				v = gm_i128_get(
					(const GmInt128 *)((const char *)s + f->offset));
				break;
		}
		appendStringInfo(&buf, "%s%s=%s", i > 0 ? " " : "", f->name,
						 gm_int128_to_cstring(v, num));
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
	if ((problem = gm_rollup_state_problem(s)) != NULL)
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
