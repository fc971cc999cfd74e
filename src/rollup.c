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
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/typcache.h"

#include "fulfilment.h"
#include "metric_target.h"
#include "numeric_io.h"
#include "rollup.h"
#include "settings.h"
#include "status.h"
#include "target.h"

PG_FUNCTION_INFO_V1(gm_rollup_accum);
PG_FUNCTION_INFO_V1(gm_rollup_accum_weighted);
PG_FUNCTION_INFO_V1(gm_rollup_accum_result);
PG_FUNCTION_INFO_V1(gm_rollup_inverse);
PG_FUNCTION_INFO_V1(gm_rollup_inverse_weighted);
PG_FUNCTION_INFO_V1(gm_rollup_inverse_result);
PG_FUNCTION_INFO_V1(gm_rollup_combine);
PG_FUNCTION_INFO_V1(gm_rollup_final);
PG_FUNCTION_INFO_V1(gm_rollup_accum_rules);
PG_FUNCTION_INFO_V1(gm_rollup_accum_result_rules);
PG_FUNCTION_INFO_V1(gm_rollup_inverse_rules);
PG_FUNCTION_INFO_V1(gm_rollup_inverse_result_rules);
PG_FUNCTION_INFO_V1(gm_rollup_final_rules);
PG_FUNCTION_INFO_V1(gm_current_rules);

/* Number of columns of goalmetrics.rollup_result */
#define GM_RESULT_NATTS 8

/* goalmetrics.rollup_method (30_rollup.sql), in GmRollupMethod order */
static const char *const method_names[] = { "mean", "worst", "share_met" };

static GmEnumCache method_cache = { .type_name = "rollup_method",
									.names = method_names,
									.count = lengthof(method_names) };

/* Per-call-site cache of a transition function, in fn_extra */
typedef struct RollupResultCache
{
	Oid       typid;
	int32     typmod;
	TupleDesc desc; /* NULL until the first rollup_result */
} RollupResultCache;

typedef struct RollupCallCache
{
	Oid  outcome_type;        /* argument 1's declared type, or 0 */
	int8 rules_stable;        /* -1 unknown; 1: rule arguments constant */
	RollupResultCache result; /* rollup(rollup_result) */
} RollupCallCache;

static RollupCallCache *
call_cache(FunctionCallInfo fcinfo)
{
	RollupCallCache *c = (RollupCallCache *)fcinfo->flinfo->fn_extra;

	if (unlikely(c == NULL))
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt,
								   sizeof(RollupCallCache));
		c->rules_stable = -1;
		fcinfo->flinfo->fn_extra = c;
	}
	return c;
}

/* ----------------------------------------------------------------
 * rollup_state: transition, inverse, combine
 * ----------------------------------------------------------------
 */

/* The rules a state is made with (rollup_state's fields of that name) */
typedef struct RollupRules
{
	int32 partly_above;
	int32 fulfilled_at;
	uint8 method; /* GM_METHOD_FROM_SETTING or 1 + GmRollupMethod */
} RollupRules;

static const char *const rule_names[] = { "partly_above", "fulfilled_at",
										  "method" };

static const char *
method_name(uint8 method)
{
	return method == GM_METHOD_FROM_SETTING ? "(the setting)"
											: method_names[method - 1];
}

/*
 * The rule arguments argno .. argno + 2 (partly_above, fulfilled_at,
 * method) of a transition with rules.  Every row must pass them (22004) and,
 * in a group, the same ones (22023).  On the state's first input they are
 * read into *r (rollup_state_begin records them); afterwards they are read
 * and compared with the state's, except where they are constants or
 * external parameters of an aggregate call: then every row passes the ones
 * the state was begun with, and nothing is read.  Allocates nothing.
 */
static void
rollup_rules_arg(FunctionCallInfo fcinfo, const GmRollupState *s, int argno,
				 RollupRules *r)
{
	RollupCallCache *c = call_cache(fcinfo);
	GmThresholds     th;

	for (int i = 0; i < 3; i++)
		if (PG_ARGISNULL(argno + i))
			ereport(
				ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("roll-up rule %s must not be NULL", rule_names[i]),
				 errhint(
					 "Pass the rules of the year, or (goalmetrics.current_rules()).%s for the setting in force.",
					 i == 2 ? "rollup_method" : rule_names[i])));
	if (s->level != GM_LEVEL_EMPTY)
	{
		if (unlikely(c->rules_stable < 0))
		{
			bool stable = true;

			for (int i = 0; i < 3; i++)
				stable = stable &&
						 get_fn_expr_arg_stable(fcinfo->flinfo, argno + i);
			c->rules_stable = stable ? 1 : 0;
		}
		if (c->rules_stable == 1 && AggCheckCallContext(fcinfo, NULL))
			return;
	}
	gm_thresholds_from_numeric(PG_GETARG_DATUM(argno),
							   PG_GETARG_DATUM(argno + 1), &th);
	r->partly_above = (int32)th.partly_above;
	r->fulfilled_at = (int32)th.fulfilled_at;
	r->method =
		(uint8)(1 + gm_enum_index(&method_cache, PG_GETARG_DATUM(argno + 2)));
	if (s->level != GM_LEVEL_EMPTY &&
		(r->partly_above != s->partly_above ||
		 r->fulfilled_at != s->fulfilled_at || r->method != s->method))
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("roll-up rules differ within one roll-up"),
			 errdetail(
				 "This row passes partly_above %s, fulfilled_at %s, method %s; the roll-up was begun with %s, %s, %s.",
				 gm_format_micro(r->partly_above),
				 gm_format_micro(r->fulfilled_at), method_name(r->method),
				 gm_format_micro(s->partly_above),
				 gm_format_micro(s->fulfilled_at), method_name(s->method)),
			 errhint("Pass the same rules in every row of a group, for "
					 "example the rules of the group's year.")));
}

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
 * rules the metric counts are made with, once per group, not per row:
 * *rules, or without them the threshold settings (the method then stays
 * GM_METHOD_FROM_SETTING: the final function reads it).
 */
static void
rollup_state_begin(GmRollupState *s, int level, const RollupRules *rules)
{
	if (s->level == GM_LEVEL_EMPTY)
	{
		s->level = (uint8)level;
		if (rules != NULL)
		{
			s->partly_above = rules->partly_above;
			s->fulfilled_at = rules->fulfilled_at;
			s->method = rules->method;
		}
		else
		{
			GmThresholds th;

			gm_thresholds_from_settings(&th);
			s->partly_above = th.partly_above;
			s->fulfilled_at = th.fulfilled_at;
		}
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
	int128 cur = gm_i128_get(v);

	Assert(x >= 0 && cur >= 0);
	if (cur > GM_INT128_MAX - x)
		rollup_overflow();
	gm_i128_set(v, cur + x);
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
	int128 total = gm_i128_get(&s->weight);
	int128 wpct = gm_i128_get(&s->weighted_pct);
	int128 wmet = gm_i128_get(&s->weighted_met);

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
	gm_i128_set(&s->weight, total - w);
	gm_i128_set(&s->weighted_pct, wpct - w * pct);
	if (met)
	{
		s->valued_met--;
		gm_i128_set(&s->weighted_met, wmet - w);
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
	const char *problem = gm_rollup_state_problem(s);

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
	GmNumView    v;
	int128       units;
	int          dropped;
	bool         ok;

	if (PG_ARGISNULL(argno))
		return GM_WEIGHT_ONE;
	num = gm_numeric_arg(PG_GETARG_DATUM(argno), &nbuf);
	gm_numeric_view(num, &v);
	if (v.kind != GM_NUM_FINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("roll-up weight must be a finite number, not \"%s\"",
						gm_numeric_cstring(num))));
	if (v.neg && v.ndigits > 0)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("roll-up weight must not be negative: \"%s\"",
					gm_numeric_cstring(num)),
			 errhint(
				 "Use weight 0 to leave a metric out of the value while keeping it in the counts.")));
	/* to millionths, exactly */
	ok = gm_numeric_to_fixed(&v, GM_WEIGHT_SCALE, &units, &dropped);
	if (ok && dropped != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("roll-up weight \"%s\" has more than 6 decimals",
						gm_numeric_cstring(num)),
				 errhint("Round the weight, for example round(weight, 6).")));
	if (!ok || units > GM_WEIGHT_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("roll-up weight \"%s\" is out of range",
						gm_numeric_cstring(num)),
				 errhint(
					 "A weight is at most 1000000 with at most 6 decimals.")));
	return (int64)units;
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
 * The type of argument 1, the outcome: the one the transition function is
 * declared with (30_rollup.sql), read from the catalog once per call site
 * and kept in fn_extra, so that callers without an expression tree (fmgr
 * calls of the support functions) get it too.
 */
static Oid
outcome_type(FunctionCallInfo fcinfo)
{
	RollupCallCache *c = call_cache(fcinfo);

	if (unlikely(!OidIsValid(c->outcome_type)))
	{
		Oid *argtypes;
		int  nargs;

		get_func_signature(fcinfo->flinfo->fn_oid, &argtypes, &nargs);
		Assert(nargs >= 2);
		c->outcome_type = argtypes[1];
		pfree(argtypes);
	}
	return c->outcome_type;
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
	Oid          type;

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
	type = outcome_type(fcinfo);
	if (likely(type == NUMERICOID))
		/* read in place, also with a 1-byte header (gm_score_numeric) */
		gm_score_numeric((Numeric)DatumGetPointer(PG_GETARG_DATUM(1)), &target,
						 score);
	else
		gm_score_datum(PG_GETARG_DATUM(1), type, &target, score);
	th.partly_above = s->partly_above;
	th.fulfilled_at = s->fulfilled_at;
	*status = gm_status_of_score(score, &th);
	return true;
}

/*
 * Transition of rollup(outcome, target [, weight] [, rules]): with_rules,
 * the rules are arguments 4 .. 6.
 */
static Datum
rollup_accum_metric(FunctionCallInfo fcinfo, bool weighted, bool with_rules)
{
	GmRollupState *s = rollup_state_arg(fcinfo);
	RollupRules    rules;
	GmScore        score;
	GmStatus       status;
	int64          weight;

	if (with_rules)
		rollup_rules_arg(fcinfo, s, 4, &rules);
	if (PG_ARGISNULL(2))
		PG_RETURN_POINTER(s);
	weight = weighted ? weight_arg(fcinfo, 3) : GM_WEIGHT_ONE;
	rollup_state_begin(s, GM_LEVEL_METRICS, with_rules ? &rules : NULL);
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
	return rollup_accum_metric(fcinfo, false, false);
}

Datum
gm_rollup_accum_weighted(PG_FUNCTION_ARGS)
{
	return rollup_accum_metric(fcinfo, true, false);
}

/* rollup(outcome, target, weight, partly_above, fulfilled_at, method) */
Datum
gm_rollup_accum_rules(PG_FUNCTION_ARGS)
{
	return rollup_accum_metric(fcinfo, true, true);
}

/*
 * Inverse transition of rollup(outcome, target [, weight]) for moving
 * windows: the row is scored again under the state's thresholds and taken
 * out.  Returns NULL (PostgreSQL then recomputes the frame) when the
 * weakest part leaves and the next weakest is unknown.
 */
static Datum
rollup_inverse_metric(FunctionCallInfo fcinfo, bool weighted, bool with_rules)
{
	GmRollupState *s;
	RollupRules    rules;
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
	if (with_rules)
		rollup_rules_arg(fcinfo, s, 4, &rules);
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
	return rollup_inverse_metric(fcinfo, false, false);
}

Datum
gm_rollup_inverse_weighted(PG_FUNCTION_ARGS)
{
	return rollup_inverse_metric(fcinfo, true, false);
}

Datum
gm_rollup_inverse_rules(PG_FUNCTION_ARGS)
{
	return rollup_inverse_metric(fcinfo, true, true);
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

/* The rollup_result row type, cached per call site (RollupCallCache) */
static TupleDesc
rollup_result_desc(FunctionCallInfo fcinfo, HeapTupleHeader th)
{
	RollupResultCache *c = &call_cache(fcinfo)->result;
	Oid                typid = HeapTupleHeaderGetTypeId(th);
	int32              typmod = HeapTupleHeaderGetTypMod(th);

	if (c->desc == NULL || c->typid != typid || c->typmod != typmod)
	{
		TupleDesc     desc = lookup_rowtype_tupdesc(typid, typmod);
		MemoryContext old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		TupleDesc     copy = CreateTupleDescCopy(desc);

		MemoryContextSwitchTo(old);
		ReleaseTupleDesc(desc);
		if (copy->natts != GM_RESULT_NATTS ||
			TupleDescAttr(copy, 0)->atttypid != NUMERICOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg(
						 "rollup input must be a goalmetrics.rollup_result")));
		for (int i = 2; i < GM_RESULT_NATTS; i++)
			if (TupleDescAttr(copy, i)->atttypid != INT4OID)
				ereport(
					ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg(
						 "rollup input must be a goalmetrics.rollup_result")));
		if (c->desc != NULL)
			FreeTupleDesc(c->desc);
		c->typid = typid;
		c->typmod = typmod;
		c->desc = copy;
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
	GmNumView v;
	int128    units;
	int       dropped;

	gm_numeric_view(num, &v);
	if (v.kind != GM_NUM_FINITE || (v.neg && v.ndigits > 0) ||
		!gm_numeric_to_fixed(&v, GM_PCT_SCALE, &units, &dropped) ||
		units > GM_PCT_100 || (units == GM_PCT_100 && dropped != 0))
		bad_result("fulfilment must be a number between 0 and 100");
	*pct = (int64)units;
	*inexact = dropped != 0;
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
		percent_to_pct(gm_numeric_arg(values[0], &nbuf), &in->pct,
					   &in->inexact);

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
 * Transition of rollup(rollup_result [, rules]): one more level, each input
 * counting once in the value, its metric counts summed.  A NULL input is
 * skipped.  with_rules, the rules are arguments 2 .. 4.
 */
static Datum
rollup_accum_result(FunctionCallInfo fcinfo, bool with_rules)
{
	GmRollupState *s = rollup_state_arg(fcinfo);
	RollupRules    rules;
	RollupInput    in;

	if (with_rules)
		rollup_rules_arg(fcinfo, s, 2, &rules);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(s);
	read_result(fcinfo, 1, &in);
	rollup_state_begin(s, GM_LEVEL_ROLLUPS, with_rules ? &rules : NULL);
	count_add(&s->parts, 1);
	count_add(&s->metrics, in.metrics);
	for (int i = 0; i < GM_STATUS_COUNT; i++)
		count_add(&s->count[i], in.count[i]);
	if (in.valued)
		rollup_add_value(s, GM_WEIGHT_ONE, in.pct, in.inexact, in.met);
	PG_RETURN_POINTER(s);
}

Datum
gm_rollup_accum_result(PG_FUNCTION_ARGS)
{
	return rollup_accum_result(fcinfo, false);
}

/* rollup(rollup_result, partly_above, fulfilled_at, method) */
Datum
gm_rollup_accum_result_rules(PG_FUNCTION_ARGS)
{
	return rollup_accum_result(fcinfo, true);
}

/*
 * Inverse transition of rollup(rollup_result [, rules]).
 */
static Datum
rollup_inverse_result(FunctionCallInfo fcinfo, bool with_rules)
{
	GmRollupState *s;
	RollupRules    rules;
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
	if (with_rules)
		rollup_rules_arg(fcinfo, s, 2, &rules);
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

Datum
gm_rollup_inverse_result(PG_FUNCTION_ARGS)
{
	return rollup_inverse_result(fcinfo, false);
}

Datum
gm_rollup_inverse_result_rules(PG_FUNCTION_ARGS)
{
	return rollup_inverse_result(fcinfo, true);
}

/*
 * Combine two partial states (parallel workers, or states shipped between
 * servers).  Exact and order-independent.  States made under different
 * rules cannot be combined: their metric counts would disagree, or their
 * methods.
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
		a->fulfilled_at != b->fulfilled_at || a->method != b->method)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("cannot combine roll-up states made with different rules"),
			 errdetail(
				 "partly_above %s and %s, fulfilled_at %s and %s, method %s and %s.",
				 gm_format_micro(a->partly_above),
				 gm_format_micro(b->partly_above),
				 gm_format_micro(a->fulfilled_at),
				 gm_format_micro(b->fulfilled_at), method_name(a->method),
				 method_name(b->method)),
			 errhint(
				 "Pass the rules as arguments, rollup(..., partly_above, fulfilled_at, method), or set goalmetrics.partly_above and goalmetrics.fulfilled_at alike on every server.")));

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
		i128_add(&a->weight, gm_i128_get(&b->weight));
		i128_add(&a->weighted_pct, gm_i128_get(&b->weighted_pct));
		i128_add(&a->weighted_met, gm_i128_get(&b->weighted_met));
	}
	Assert(gm_rollup_state_problem(a) == NULL);
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
	int128 weight = gm_i128_get(&s->weight);

	Assert(s->valued > 0 && weight > 0);
	switch (method)
	{
		case GM_ROLLUP_WORST:
			*q = s->worst;
			*frac = s->worst_exact == 0;
			break;
		case GM_ROLLUP_SHARE_MET:
		{
			int128 met = gm_i128_get(&s->weighted_met);
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
			int128 wpct = gm_i128_get(&s->weighted_pct);

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
	GmThresholds th = { s->partly_above, s->fulfilled_at };
	int64        fulfilled_edge =
		GM_MICRO_TO_PCT(th.fulfilled_at) - GM_EDGE_TOLERANCE;
	int64 partly_edge = GM_MICRO_TO_PCT(th.partly_above) + GM_EDGE_TOLERANCE;
	bool  reaches = q >= fulfilled_edge;

	return gm_band(reaches && s->valued_met == s->valued, reaches,
				   q > partly_edge || (q == partly_edge && frac), &th);
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
 * The rollup_result of a state under a method (GmRollupMethod).
 */
static Datum
rollup_result_of(FunctionCallInfo fcinfo, const GmRollupState *s, int method)
{
	TupleDesc desc = (TupleDesc)fcinfo->flinfo->fn_extra;
	Datum     values[GM_RESULT_NATTS];
	bool      nulls[GM_RESULT_NATTS] = { false };
	GmStatus  status;

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

	if (s->level == GM_LEVEL_EMPTY || s->valued == 0)
	{
		nulls[0] = true;
		status = GM_STATUS_NOT_FOLLOWED_UP;
	}
	else
	{
		int64 q;
		bool  frac;

		rollup_value(s, method, &q, &frac);
		status = rollup_band(s, q, frac);
		values[0] = gm_numeric_from_fixed(q, GM_PCT_SCALE, GM_ROLLUP_DECIMALS);
	}
	values[1] = gm_status_datum(status);
	values[2] = Int32GetDatum(count_to_int4(s->parts));
	values[3] = Int32GetDatum(count_to_int4(s->metrics));
	for (int i = 0; i < GM_STATUS_COUNT; i++)
		values[4 + i] = Int32GetDatum(count_to_int4(s->count[i]));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

/* every state comes through in, recv or the support functions */
static const GmRollupState *
final_state_arg(FunctionCallInfo fcinfo)
{
	const GmRollupState *s = (const GmRollupState *)PG_GETARG_POINTER(0);
	const char          *problem;

	if ((problem = gm_rollup_state_problem(s)) != NULL)
		ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED),
						errmsg("inconsistent rollup_state"),
						errdetail("%s", problem)));
	return s;
}

/*
 * Final function of the rollup aggregates without rule arguments: the
 * state's method where it carries one, else goalmetrics.rollup_method (read
 * here, so the function is STABLE).
 */
Datum
gm_rollup_final(PG_FUNCTION_ARGS)
{
	const GmRollupState *s = final_state_arg(fcinfo);

	return rollup_result_of(fcinfo, s,
							s->method == GM_METHOD_FROM_SETTING
								? gm_rollup_method
								: s->method - 1);
}

/*
 * Final function of the rollup aggregates with rule arguments: the state's
 * method, no setting (IMMUTABLE).  A state of the aggregates without rules
 * has none.
 */
Datum
gm_rollup_final_rules(PG_FUNCTION_ARGS)
{
	const GmRollupState *s = final_state_arg(fcinfo);

	if (s->level != GM_LEVEL_EMPTY && s->method == GM_METHOD_FROM_SETTING)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("roll-up state carries no method"),
			 errdetail(
				 "It was made by a rollup aggregate without rule arguments."),
			 errhint(
				 "Finish it with goalmetrics.rollup_final, which applies goalmetrics.rollup_method.")));
	return rollup_result_of(fcinfo, s, s->method - 1);
}

/*
 * current_rules(): the settings in force as the rule arguments of the
 * aggregates take them.  Calling it loads the module, so it answers also
 * in a session where nothing loaded it before.
 */
Datum
gm_current_rules(PG_FUNCTION_ARGS)
{
	TupleDesc desc;
	Datum     values[4];
	bool      nulls[4] = { false };
	double    percent[3] = { gm_partly_above, gm_fulfilled_at,
							 gm_trend_tolerance };

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						errmsg("current_rules must return a record")));
	desc = BlessTupleDesc(desc);
	for (int i = 0; i < 3; i++)
		values[i == 2 ? 3 : i] = DirectFunctionCall3(
			numeric_in,
			CStringGetDatum(gm_format_micro(gm_percent_to_micro(percent[i]))),
			ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	values[2] = gm_enum_datum(&method_cache, gm_rollup_method);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
