/*-------------------------------------------------------------------------
 *
 * fulfilment.c
 *	  Scoring one outcome against one target, exactly: fulfilment percent,
 *	  meets and status (whose band gm_band decides, status.h).
 *
 * The rules are in doc/fulfilment.md.  Every rule reduces to a few sign
 * tests on the outcome and one fraction num / den whose terms are small
 * integer multiples of the outcome O, a target bound X and the baseline B
 * (decide_rule).  That fraction is then evaluated either
 *
 *	- on the fast path: O, X and B brought to one decimal scale as int128
 *	  integers (below 10^36 each), the fraction truncated by integer long
 *	  division; nothing is allocated and no numeric arithmetic is done; or
 *
 *	- on the slow path, for values that do not fit: the same fraction in
 *	  numeric arithmetic, with exact truncating division (div() and mod()).
 *
 * Both give the same result: the percent truncated toward zero to units
 * of 1e-15 percent, plus a flag saying whether anything was truncated,
 * which decides every band edge exactly (fulfilment.h).  The uncapped
 * fulfilment always takes the slow path.
 *
 * Outcomes are read exactly: a numeric from its on-disk digits
 * (gm_numeric_to_int128), an integer as it is, and a float as its shortest
 * round-trip decimal, the text PostgreSQL prints for it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "encoding.h"
#include "fulfilment.h"
#include "metric_target.h"
#include "numeric_io.h"
#include "settings.h"
#include "status.h"

/* Operands of the fast path stay below 10^36, so that sums of up to three
 * of them with coefficients up to 2 stay below 10^37 */
#define GM_FAST_DIGITS 36

/* 10^17: the percent unit 1e-15 % as a fraction of 1 */
#define GM_FRAC_DIGITS (GM_PCT_SCALE + 2)

/* ----------------------------------------------------------------------
 * Outcomes of every input type
 * ----------------------------------------------------------------------
 */

typedef enum GmOutcomeType
{
	GM_OUT_NUMERIC,
	GM_OUT_FLOAT8,
	GM_OUT_FLOAT4,
	GM_OUT_INT4,
	GM_OUT_INT8
} GmOutcomeType;

/* One outcome: exact decimal when it fits, numeric on demand */
typedef struct GmOutcome
{
	bool   fits; /* coef and scale hold the value */
	int128 coef;
	int    scale;
	Datum  num;  /* the value as numeric, or 0 until built */
	int64  ival; /* integer outcomes */
	char   text[DOUBLE_SHORTEST_DECIMAL_LEN + 1]; /* float outcomes */
} GmOutcome;

void
gm_outcome_not_finite(const char *value)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("outcome must be a finite number, not \"%s\"", value),
			 errhint("Use NULL for an outcome that was not followed up.")));
}

/*
 * Parse the shortest round-trip text of a float ("81.9", "1e+100",
 * "-1.5e-07") into coef * 10^-scale; false when it does not fit.
 */
static bool
parse_shortest(const char *s, int128 *coef, int *scale)
{
	bool    neg = false;
	bool    dot = false;
	uint128 c = 0;
	int     frac = 0;
	int     exp = 0;
	int     sc;

	if (*s == '-')
	{
		neg = true;
		s++;
	}
	for (; *s; s++)
	{
		if (*s >= '0' && *s <= '9')
		{
			c = c * 10 + (uint128)(*s - '0'); /* at most 17 digits */
			if (dot)
				frac++;
		}
		else if (*s == '.')
			dot = true;
		else if (*s == 'e' || *s == 'E')
		{
			exp = (int)strtol(s + 1, NULL, 10);
			break;
		}
	}
	sc = frac - exp;
	if (sc < 0)
	{
		if (-sc > GM_COEF_DIGITS ||
			c > (gm_pow10_u128(GM_COEF_DIGITS) - 1) / gm_pow10_u128(-sc))
			return false;
		c *= gm_pow10_u128(-sc);
		sc = 0;
	}
	*coef = neg ? -(int128)c : (int128)c;
	*scale = sc;
	return true;
}

/*
 * Read a datum of the given type as an outcome.  Raises the error for NaN
 * and infinities.  A numeric is read in place (also with a 1-byte header).
 */
static void
outcome_from_datum(Datum d, GmOutcomeType type, GmOutcome *o)
{
	o->num = (Datum)0;
	o->fits = false;
	o->text[0] = '\0';

	switch (type)
	{
		case GM_OUT_NUMERIC:
		{
			GmNumView v;
			int64     c;

			o->num = d;
			if (gm_numeric_read_short(d, &c, &o->scale))
			{
				o->coef = c;
				o->fits = true;
				break;
			}
			gm_numeric_view((Numeric)DatumGetPointer(d), &v);
			if (v.kind == GM_NUM_NAN)
				gm_outcome_not_finite("NaN");
			else if (v.kind == GM_NUM_PINF)
				gm_outcome_not_finite("Infinity");
			else if (v.kind == GM_NUM_NINF)
				gm_outcome_not_finite("-Infinity");
			o->fits = gm_view_to_int128(&v, &o->coef, &o->scale);
			break;
		}
		case GM_OUT_FLOAT8:
		case GM_OUT_FLOAT4:
		{
			/* a float4 widens to float8 exactly; its text is float4's own */
			float8 f = type == GM_OUT_FLOAT8 ? DatumGetFloat8(d)
											 : (float8)DatumGetFloat4(d);

			if (isnan(f))
				gm_outcome_not_finite("NaN");
			if (isinf(f))
				gm_outcome_not_finite(f > 0 ? "Infinity" : "-Infinity");
			if (type == GM_OUT_FLOAT8)
				double_to_shortest_decimal_buf(f, o->text);
			else
				float_to_shortest_decimal_buf(DatumGetFloat4(d), o->text);
			o->fits = parse_shortest(o->text, &o->coef, &o->scale);
			break;
		}
		case GM_OUT_INT4:
		case GM_OUT_INT8:
			o->ival = type == GM_OUT_INT4 ? (int64)DatumGetInt32(d)
										  : DatumGetInt64(d);
			o->coef = o->ival;
			o->scale = 0;
			o->fits = true;
			break;
	}
}

/* The outcome as a numeric datum (slow path only; allocates) */
static Datum
outcome_numeric(GmOutcome *o)
{
	if (o->num == (Datum)0)
	{
		if (o->text[0] != '\0')
			o->num = DirectFunctionCall3(numeric_in, CStringGetDatum(o->text),
										 ObjectIdGetDatum(InvalidOid),
										 Int32GetDatum(-1));
		else
			o->num = NumericGetDatum(int64_to_numeric(o->ival));
	}
	return o->num;
}

/* ----------------------------------------------------------------------
 * The rules
 * ----------------------------------------------------------------------
 */

/*
 * What a rule asks for, given the signs of the outcome against the target:
 * whether the target is met, and the fulfilment as a constant or as
 *	 num / den, num = no*O + nx*X + nb*B, den = dox*O + dx*X + db*B
 * where X is one of the target's decimals (*x) and B its baseline.  The
 * fraction is clamped at 0 below, and at 1 (100 %) when capped.
 */
typedef struct GmRule
{
	bool             met;
	int              konst; /* 0 or 100 percent; -1: the fraction */
	const GmDecimal *x;
	int              no, nx, nb;
	int              dox, dx, db;
} GmRule;

static inline int
decimal_sign(GmDecimal d)
{
	return (d.coef > 0) - (d.coef < 0);
}

/*
 * The rule of a target (doc/fulfilment.md).  so = sign(O), sov =
 * sign(O - value), sou = sign(O - upper) (ranges only).
 */
static void
decide_rule(const GmTarget *t, int so, int sov, int sou, GmRule *r)
{
	int st = decimal_sign(t->value);

	memset(r, 0, sizeof(*r));
	r->konst = -1;
	r->x = &t->value;

	/* a direction target is judged as its plain target (judged_target) */
	if (unlikely(GM_IS_DIRECTION(t->cmp)))
		elog(ERROR, "direction target %d reached the scoring rules",
			 (int)t->cmp);

	switch (t->cmp)
	{
		case GM_AT_LEAST:
			r->met = sov >= 0;
			break;
		case GM_ABOVE:
			r->met = sov > 0;
			break;
		case GM_AT_MOST:
			r->met = sov <= 0;
			break;
		case GM_BELOW:
			r->met = sov < 0;
			break;
		case GM_EXACTLY:
			r->met = sov == 0;
			break;
		case GM_BETWEEN:
			r->met = sov >= 0 && sou <= 0;
			break;
		default:
			break; /* directions: refused above */
	}

	if (t->has_baseline)
	{
		/* progress from B toward X: (O - B) / (X - B) */
		if (t->cmp == GM_BETWEEN)
		{
			if (gm_decimal_cmp(t->baseline, t->value) <= 0)
				r->x = &t->value;
			else if (gm_decimal_cmp(t->baseline, t->upper) >= 0)
				r->x = &t->upper;
			else
				r->x = NULL; /* baseline inside the range */
		}
		if (r->x == NULL || gm_decimal_cmp(*r->x, t->baseline) == 0)
			r->konst = r->met ? 100 : 0;
		else
		{
			r->no = 1;
			r->nb = -1;
			r->dx = 1;
			r->db = -1;
		}
		return;
	}

	switch (t->cmp)
	{
		case GM_AT_LEAST:
		case GM_ABOVE:
			/* O / T when T > 0; outcome <= 0 scores 0 */
			if (st <= 0)
				r->konst = r->met ? 100 : 0;
			else if (so <= 0)
				r->konst = 0;
			else
			{
				r->no = 1;
				r->dx = 1;
			}
			break;
		case GM_AT_MOST:
		case GM_BELOW:
			/* T / O when T > 0 and O > 0 */
			if (st > 0 && so > 0)
			{
				r->nx = 1;
				r->dox = 1;
			}
			else
				r->konst = r->met ? 100 : 0;
			break;
		case GM_EXACTLY:
		case GM_BETWEEN:
		{
			/*
				 * 1 - |O - X| / |X| = (|X| - s (O - X)) / |X| with X the
				 * nearest bound and s = sign(O - X)
				 */
			int s;
			int sx;

			if (r->met)
			{
				r->konst = 100;
				break;
			}
			if (t->cmp == GM_BETWEEN && sov > 0)
			{
				r->x = &t->upper;
				s = sou;
			}
			else
				s = sov;
			sx = decimal_sign(*r->x);
			if (sx == 0)
			{
				r->konst = 0;
				break;
			}
			r->no = -s;
			r->nx = sx + s;
			r->dx = sx;
			break;
		}
		default:
			break; /* directions: refused above */
	}
}

/* ----------------------------------------------------------------------
 * The fast path: int128
 * ----------------------------------------------------------------------
 */

/* coef * 10^shift into *out, below 10^GM_FAST_DIGITS; false if too big */
static inline bool
scale_up(int128 coef, int shift, int128 *out)
{
	uint128 a = gm_abs_u128(coef);

	if (a == 0)
	{
		*out = 0;
		return true;
	}
	if (shift > GM_FAST_DIGITS)
		return false;
	if (a >= gm_pow10_u128(GM_FAST_DIGITS - shift))
		return false;
	*out = coef * (int128)gm_pow10_u128(shift);
	return true;
}

/*
 * floor(num * 10^17 / den) for 0 < num < den < 10^37, by long division in
 * as few steps as fit: one for any den below 3.4e21.
 */
static int64
fraction_units(uint128 num, uint128 den, bool *inexact)
{
	uint128 q = 0;
	uint128 r = num;
	int     remaining = GM_FRAC_DIGITS;

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
	!defined(GM_PORTABLE_ARITH)

	/*
	 * A denominator below 2^64: num * 10^17 < 2^121 and the quotient is
	 * below 10^17, so one 128-by-64-bit divq gives quotient and remainder
	 * (it cannot overflow: the high word is below den).  The sanitizer run
	 * (test/reliability/asan.sh) builds with GM_PORTABLE_ARITH to test the
	 * portable path below.
	 */
	if (den <= (uint128)PG_UINT64_MAX)
	{
		uint128 x = num * (uint128)gm_pow10_u64[GM_FRAC_DIGITS];
		uint64  hi = (uint64)(x >> 64);
		uint64  lo = (uint64)x;
		uint64  q64;
		uint64  r64;

		__asm__("divq %4"
				: "=a"(q64), "=d"(r64)
				: "a"(lo), "d"(hi), "rm"((uint64)den));
		*inexact = r64 != 0;
		return (int64)q64;
	}
#endif

	/*
	 * Most denominators are small: then r * 10^9 < 2^64 and 64-bit
	 * division, much cheaper than 128-bit, does it in two steps.
	 */
	if (den <= UINT64CONST(18000000000))
	{
		uint64 d = (uint64)den;
		uint64 r64 = (uint64)num;
		uint64 q64 = 0;

		while (remaining > 0)
		{
			int    k = Min(remaining, 9);
			uint64 p = (uint64)gm_pow10_u128(k);
			uint64 x = r64 * p;
			uint64 qq = x / d;

			r64 = x - qq * d;
			q64 = q64 * p + qq;
			remaining -= k;
		}
		*inexact = r64 != 0;
		return (int64)q64;
	}

	while (remaining > 0)
	{
		int     k = remaining;
		uint128 x, qq;

		while (den > gm_u128_max_div[k])
			k--;
		Assert(k >= 1);
		x = r * gm_pow10_u128(k);
		qq = x / den;
		r = x - qq * den;
		q = q * gm_pow10_u128(k) + qq;
		remaining -= k;
	}
	*inexact = r != 0;
	return (int64)q;
}

/*
 * A rule evaluated on the fast path: met, and the fulfilment as konst
 * percent (0 or 100) or, when konst < 0, as num / den with den > 0 (not
 * yet clamped to 0 .. 1).
 */
typedef struct GmFraction
{
	bool   met;
	int    konst;
	int128 num;
	int128 den;
} GmFraction;

/*
 * The rule of a one-directional target without a baseline, as decide_rule
 * has it, for an outcome o and a target value v at one scale: met by the
 * comparator; the fraction O / T for at least and above, T / O for at most
 * and below, when both are positive; else a constant (100 % only when met
 * and the sign of T or O, not the outcome's size, decides it).
 */
static inline void
one_way_fraction(int128 o, int128 v, GmComparator cmp, GmFraction *f)
{
	bool upward = cmp == GM_AT_LEAST || cmp == GM_ABOVE;

	Assert(cmp <= GM_BELOW);
	switch (cmp)
	{
		case GM_AT_LEAST:
			f->met = o >= v;
			break;
		case GM_ABOVE:
			f->met = o > v;
			break;
		case GM_AT_MOST:
			f->met = o <= v;
			break;
		default:
			f->met = o < v;
			break;
	}
	if (v <= 0 || o <= 0)
	{
		/* upward: 100 % only when met with T <= 0; downward: when met */
		f->konst = (f->met && (v <= 0 || !upward)) ? 100 : 0;
		return;
	}
	f->konst = -1;
	f->num = upward ? o : v;
	f->den = upward ? v : o;
}

/*
 * The fraction of a rule on the fast path; false (nothing decided) when an
 * operand does not fit.
 */
static inline bool
fraction_fast(int128 oc, int os, const GmTarget *t, GmFraction *f)
{
	int    s = os;
	int128 o, v, u = 0, b = 0, x;
	GmRule r;

	/* zero needs no decimals, however many its display scale shows */
	if (oc == 0)
		s = os = 0;
	s = Max(s, t->value.scale);
	if (t->cmp == GM_BETWEEN)
		s = Max(s, t->upper.scale);
	if (t->has_baseline)
		s = Max(s, t->baseline.scale);

	if (!scale_up(oc, s - os, &o) ||
		!scale_up(t->value.coef, s - t->value.scale, &v))
		return false;

	if (!t->has_baseline && t->cmp <= GM_BELOW)
	{
		one_way_fraction(o, v, t->cmp, f);
		return true;
	}

	if (t->cmp == GM_BETWEEN &&
		!scale_up(t->upper.coef, s - t->upper.scale, &u))
		return false;
	if (t->has_baseline &&
		!scale_up(t->baseline.coef, s - t->baseline.scale, &b))
		return false;

	decide_rule(t, gm_sign_of(o), gm_sign_of(o - v),
				t->cmp == GM_BETWEEN ? gm_sign_of(o - u) : 0, &r);

	f->met = r.met;
	f->konst = r.konst;
	if (r.konst >= 0)
		return true;

	x = (r.x == &t->upper) ? u : v;
	f->num = r.no * o + r.nx * x + r.nb * b;
	f->den = r.dox * o + r.dx * x + r.db * b;
	Assert(f->den != 0);
	if (f->den < 0)
	{
		f->num = -f->num;
		f->den = -f->den;
	}
	return true;
}

/*
 * Score on the fast path; false (nothing decided) when an operand does not
 * fit.
 */
static bool
score_fast(int128 oc, int os, const GmTarget *t, GmScore *out)
{
	GmFraction f;

	if (!fraction_fast(oc, os, t, &f))
		return false;
	out->followed_up = true;
	out->met = f.met;
	out->inexact = false;
	if (f.konst >= 0)
		out->pct = f.konst * GM_PCT_ONE;
	else if (f.num <= 0)
		out->pct = 0;
	else if (f.num >= f.den)
		out->pct = GM_PCT_100;
	else
		out->pct =
			fraction_units((uint128)f.num, (uint128)f.den, &out->inexact);
	return true;
}

/*
 * The band of an unmet target's fulfilment num / den, 0 < num <= den <
 * 2^64, decided exactly by cross-multiplication as gm_status_of_score
 * decides it on the truncated percent:
 *	 num / den * 100 % >= e micro-percent  <=>  num * 10^8 >= den * e
 * (and the same with >); the thresholds are at most 10^8 micro-percent, so
 * nothing overflows int128.
 */
static inline GmStatus
band_of_fraction(int128 num, int128 den, const GmThresholds *th)
{
	int128 lhs = num * (int128)(100 * GM_MICRO);

	Assert(num > 0 && num <= den && den <= (int128)PG_UINT64_MAX);
	/* the product for fulfilled_at only when it is a tolerance (below 100) */
	return gm_band(false,
				   th->fulfilled_at < 100 * GM_MICRO &&
					   lhs >= den * (int128)th->fulfilled_at,
				   lhs > den * (int128)th->partly_above, th);
}

/*
 * The status on the fast path; false when an operand does not fit.  A
 * status needs only the band, so instead of the division a fulfilment
 * needs, the edges are compared by cross-multiplication (band_of_fraction)
 * when num and den are below 2^64.
 */
static bool
status_fast(int128 oc, int os, const GmTarget *t, const GmThresholds *th,
			GmStatus *out)
{
	GmFraction f;

	if (!fraction_fast(oc, os, t, &f))
		return false;
	if (f.met)
	{
		*out = GM_STATUS_FULFILLED;
		return true;
	}
	if (f.konst >= 0 || f.num <= 0 || f.num >= f.den ||
		f.den > (int128)PG_UINT64_MAX)
	{
		/* a constant, clamped or huge fraction: the general rule */
		GmScore score;

		if (!score_fast(oc, os, t, &score))
			return false;
		*out = gm_status_of_score(&score, th);
		return true;
	}
	/* 0 < num < den < 2^64 */
	*out = band_of_fraction(f.num, f.den, th);
	return true;
}

/*
 * The fraction of a numeric outcome against a one-directional target (at
 * least, at most, above, below; no baseline), straight through: the
 * outcome read by numeric_read_short, both operands brought to one decimal
 * scale in int128 (below 10^31 each), the rule as decide_rule has it: O / T
 * upward, T / O downward, a constant when a sign rules it out.  False
 * (nothing decided) for anything else: the general path then takes it.
 */
static inline bool
simple_fraction(Datum outcome, const GmTarget *t, GmFraction *f)
{
	int64  oc;
	int    os;
	int    s;
	int128 o, v;

	if (t->has_baseline || t->cmp > GM_BELOW ||
		!gm_numeric_read_short(outcome, &oc, &os))
		return false;

	s = Max(os, (int)t->value.scale);
	o = (int128)oc * (int64)gm_pow10_u64[s - os];
	v = (int128)t->value.coef * (int64)gm_pow10_u64[s - t->value.scale];

	one_way_fraction(o, v, t->cmp, f);
	return true;
}

/*
 * status() of a numeric outcome against a one-directional target, from
 * simple_fraction, with the band edges decided by cross-multiplication as
 * in status_fast.  False when simple_fraction is, or the fraction's terms
 * reach 2^64.  Agrees with score_outcome and gm_status_of_score (tested in
 * sql/fulfilment.sql).
 */
static bool
status_numeric_fast(Datum outcome, const GmTarget *t, const GmThresholds *th,
					GmStatus *out)
{
	GmFraction f;

	if (!simple_fraction(outcome, t, &f))
		return false;
	if (f.met)
	{
		*out = GM_STATUS_FULFILLED;
		return true;
	}
	if (f.konst >= 0)
	{
		GmScore score = { true, false, false, f.konst * GM_PCT_ONE };

		*out = gm_status_of_score(&score, th);
		return true;
	}
	if (f.den > (int128)PG_UINT64_MAX)
		return false;
	/* not met, so 0 < num <= den < 2^64 */
	*out = band_of_fraction(f.num, f.den, th);
	return true;
}

/* ----------------------------------------------------------------------
 * The slow path: numeric
 * ----------------------------------------------------------------------
 */

static inline int
ncmp(Datum a, Datum b)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, a, b));
}

/* k * v for a small integer k, exactly */
static Datum
nterm(int k, Datum v, Datum acc, bool *have)
{
	Datum term;

	if (k == 0)
		return acc;
	if (k == 1)
		term = v;
	else if (k == -1)
		term = DirectFunctionCall1(numeric_uminus, v);
	else
		term = DirectFunctionCall2(numeric_mul, v,
								   NumericGetDatum(int64_to_numeric(k)));
	if (!*have)
	{
		*have = true;
		return term;
	}
	return DirectFunctionCall2(numeric_add, acc, term);
}

static Datum
nlinear(int ko, Datum o, int kx, Datum x, int kb, Datum b)
{
	bool  have = false;
	Datum acc = (Datum)0;

	acc = nterm(ko, o, acc, &have);
	acc = nterm(kx, x, acc, &have);
	acc = nterm(kb, b, acc, &have);
	if (!have)
		acc = NumericGetDatum(int64_to_numeric(0));
	return acc;
}

/*
 * Score in numeric arithmetic.  When uncapped is not NULL, also set it to
 * the uncapped fulfilment (a numeric, truncated to 15 decimals, trailing
 * zeros trimmed).
 */
static void
score_slow(Datum o, const GmTarget *t, GmScore *out, Datum *uncapped)
{
	Datum  zero = NumericGetDatum(int64_to_numeric(0));
	Datum  v = gm_numeric_from_decimal(t->value);
	Datum  u = (Datum)0;
	Datum  b = (Datum)0;
	Datum  x, num, den, q, rem;
	GmRule r;

	if (t->cmp == GM_BETWEEN)
		u = gm_numeric_from_decimal(t->upper);
	if (t->has_baseline)
		b = gm_numeric_from_decimal(t->baseline);

	decide_rule(t, ncmp(o, zero), ncmp(o, v),
				t->cmp == GM_BETWEEN ? ncmp(o, u) : 0, &r);

	out->followed_up = true;
	out->met = r.met;
	out->inexact = false;
	if (r.konst >= 0)
	{
		out->pct = r.konst * GM_PCT_ONE;
		if (uncapped)
			*uncapped = NumericGetDatum(int64_to_numeric(r.konst));
		return;
	}

	x = (r.x == &t->upper) ? u : v;
	num = nlinear(r.no, o, r.nx, x, r.nb, b);
	den = nlinear(r.dox, o, r.dx, x, r.db, b);
	if (ncmp(den, zero) < 0)
	{
		num = DirectFunctionCall1(numeric_uminus, num);
		den = DirectFunctionCall1(numeric_uminus, den);
	}
	if (ncmp(num, zero) <= 0)
	{
		out->pct = 0;
		if (uncapped)
			*uncapped = zero;
		return;
	}
	if (ncmp(num, den) >= 0)
	{
		out->pct = GM_PCT_100;
		if (!uncapped)
			return;
	}

	/* q = trunc(num * 10^17 / den), exactly; rem != 0: truncated */
	num = DirectFunctionCall2(numeric_mul, num,
							  NumericGetDatum(int64_to_numeric(
								  INT64CONST(100000000000000000))));
	q = DirectFunctionCall2(numeric_div_trunc, num, den);
	rem = DirectFunctionCall2(numeric_mod, num, den);

	if (ncmp(q, NumericGetDatum(int64_to_numeric(GM_PCT_100))) < 0)
	{
		out->pct = DatumGetInt64(DirectFunctionCall1(numeric_int8, q));
		out->inexact = ncmp(rem, zero) != 0;
	}
	else
	{
		out->pct = GM_PCT_100;
		out->inexact = false;
	}

	if (uncapped)
	{
		/* q * 10^-15 is exact (multiplication keeps all decimals) */
		Datum res;

		res = DirectFunctionCall2(numeric_mul, q,
								  gm_numeric_from_scaled(1, GM_PCT_SCALE));
		*uncapped = DirectFunctionCall1(numeric_trim_scale, res);
	}
}

/* ----------------------------------------------------------------------
 * Targets over time: the target an outcome is judged against
 * ----------------------------------------------------------------------
 */

/* The previous outcome, for a direction target */
typedef struct GmPrevious
{
	bool      given; /* false: NULL, or not passed */
	GmDecimal value;
	bool      lower_is_better;
} GmPrevious;

/*
 * Read the previous outcome (argument argno, of the outcome's type) and
 * lower_is_better (argno + 1, not NULL: the callers give NULL for it).  The previous outcome
 * becomes the value of a plain target, so it must fit one: at most 15
 * significant digits and 15 decimals once trailing zeros are dropped.
 */
static void
previous_from_args(FunctionCallInfo fcinfo, int argno, GmOutcomeType type,
				   GmPrevious *p)
{
	GmOutcome o;

	p->given = !PG_ARGISNULL(argno);
	/* the callers return NULL for a NULL lower_is_better */
	p->lower_is_better = PG_NARGS() > argno + 1 && !PG_ARGISNULL(argno + 1) &&
						 PG_GETARG_BOOL(argno + 1);
	if (!p->given)
		return;
	outcome_from_datum(PG_GETARG_DATUM(argno), type, &o);
	if (!o.fits || !gm_int128_to_decimal(o.coef, o.scale, &p->value))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("previous outcome %s has more than %d significant "
						"digits or decimals",
						gm_numeric_cstring(
							DatumGetNumeric(outcome_numeric(&o))),
						GM_MAX_DIGITS),
				 errhint("%s", gm_utf8_to_server_text(
								   "A direction target (Öka, Minska, "
								   "Bibehålla, Förbättra) is judged against "
								   "the previous outcome as a target of that "
								   "value, which has at most 15 digits.",
								   NULL))));
	/*
	 * The outcome's fixed-point form carries the fast path's scale ("72.5"
	 * as 72,5000); the target it becomes is written without the zeros.
	 */
	while (p->value.scale > 0 && p->value.coef % 10 == 0)
	{
		p->value.coef /= 10;
		p->value.scale--;
	}
}

/*
 * The target an outcome is judged against (doc/fulfilment.md, "Targets
 * over time"), the one rule every judging function applies:
 *	- a direction target stands for the plain target of the previous
 *	  outcome (gm_target_against_previous: "Öka" after 72,5 is "Över
 *	  72,5"); without a previous outcome it cannot be judged and false is
 *	  returned (not followed up);
 *	- a multi-year target is judged at its end year's value
 *	  (gm_target_resolve_years), the target of that year on its path;
 *	- any other target is itself.
 * *out points to t or to buf.
 */
static inline bool
judged_target(const GmTarget *t, const GmPrevious *prev, GmTarget *buf,
			  const GmTarget **out)
{
	*out = t;
	if (likely(!GM_IS_DIRECTION(t->cmp) && t->end_year == 0))
		return true;
	if (GM_IS_DIRECTION(t->cmp))
	{
		if (prev == NULL || !prev->given)
			return false;
		gm_target_against_previous(t, prev->value, prev->lower_is_better, buf);
	}
	else
		gm_target_resolve_years(t, buf);
	*out = buf;
	return true;
}

/* ----------------------------------------------------------------------
 * The shared core (fulfilment.h)
 * ----------------------------------------------------------------------
 */

static void
score_outcome(GmOutcome *o, const GmTarget *t, GmScore *out)
{
	if (o->fits && score_fast(o->coef, o->scale, t, out))
		return;
	score_slow(outcome_numeric(o), t, out, NULL);
}

/*
 * Score a numeric outcome.  outcome may be a packed (1-byte header) datum
 * as read from a tuple; it is read in place.
 */
void
gm_score_numeric(Numeric outcome, const GmTarget *target, GmScore *out)
{
	GmOutcome  o;
	GmFraction f;
	GmTarget   buf;

	/* a direction target needs the previous outcome: not followed up */
	if (unlikely(!judged_target(target, NULL, &buf, &target)))
	{
		memset(out, 0, sizeof(*out));
		return;
	}
	if (simple_fraction(NumericGetDatum(outcome), target, &f))
	{
		out->followed_up = true;
		out->met = f.met;
		out->inexact = false;
		if (f.konst >= 0)
			out->pct = f.konst * GM_PCT_ONE;
		else if (f.num >= f.den)
			out->pct = GM_PCT_100;
		else
			out->pct =
				fraction_units((uint128)f.num, (uint128)f.den, &out->inexact);
		return;
	}
	outcome_from_datum(NumericGetDatum(outcome), GM_OUT_NUMERIC, &o);
	score_outcome(&o, target, out);
}

/*
 * Score an outcome of one of the types status() takes, given by its type
 * OID: numeric, float8 and float4 (read as the decimal they print as),
 * int4 and int8.
 */
void
gm_score_datum(Datum outcome, Oid type, const GmTarget *target, GmScore *out)
{
	GmOutcome o;
	GmTarget  buf;

	if (unlikely(!judged_target(target, NULL, &buf, &target)))
	{
		memset(out, 0, sizeof(*out));
		return;
	}
	switch (type)
	{
		case NUMERICOID:
			gm_score_numeric((Numeric)DatumGetPointer(outcome), target, out);
			return;
		case FLOAT8OID:
			outcome_from_datum(outcome, GM_OUT_FLOAT8, &o);
			break;
		case FLOAT4OID:
			outcome_from_datum(outcome, GM_OUT_FLOAT4, &o);
			break;
		case INT4OID:
			outcome_from_datum(outcome, GM_OUT_INT4, &o);
			break;
		case INT8OID:
			outcome_from_datum(outcome, GM_OUT_INT8, &o);
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("an outcome of type %s cannot be scored",
							format_type_be(type)),
					 errhint("Outcomes are numeric, double precision, real, "
							 "integer or bigint.")));
	}
	score_outcome(&o, target, out);
}

/*
 * The band of a score; the edges are decided exactly (fulfilment.h).
 */
GmStatus
gm_status_of_score(const GmScore *score, const GmThresholds *th)
{
	int64 partly = GM_MICRO_TO_PCT(th->partly_above);
	int64 fulfilled = GM_MICRO_TO_PCT(th->fulfilled_at);

	if (!score->followed_up)
		return GM_STATUS_NOT_FOLLOWED_UP;
	/* exact >= edge, exact > edge */
	return gm_band(score->met, score->pct >= fulfilled,
				   score->pct > partly ||
					   (score->pct == partly && score->inexact),
				   th);
}

/* ----------------------------------------------------------------------
 * SQL functions: fulfilment, meets, status
 * ----------------------------------------------------------------------
 */

/*
 * fulfilment(outcome, target [, capped]): STRICT.  With a previous outcome
 * (with_prev): fulfilment(outcome, target, previous, lower_is_better,
 * capped DEFAULT true), not STRICT: a NULL outcome, target,
 * lower_is_better or capped gives NULL, and so does a direction target
 * without a previous outcome (not followed up).  lower_is_better has no
 * default there: one would make fulfilment(5, t, NULL) ambiguous.
 */
static Datum
fulfilment_common(FunctionCallInfo fcinfo, GmOutcomeType type, bool with_prev)
{
	GmOutcome       o;
	GmTarget        t;
	GmTarget        buf;
	const GmTarget *jt;
	GmPrevious      prev = { 0 };
	GmScore         s;
	int             capped_arg = with_prev ? 4 : 2;
	bool            capped;

	if (with_prev && (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3) ||
					  (PG_NARGS() > capped_arg && PG_ARGISNULL(capped_arg))))
		PG_RETURN_NULL();
	capped = PG_NARGS() <= capped_arg || PG_GETARG_BOOL(capped_arg);
	outcome_from_datum(PG_GETARG_DATUM(0), type, &o);
	metric_target_unpack_rule(PG_GETARG_DATUM(1), &t);
	if (with_prev && GM_IS_DIRECTION(t.cmp))
		previous_from_args(fcinfo, 2, type, &prev);
	if (!judged_target(&t, &prev, &buf, &jt))
		PG_RETURN_NULL();
	if (capped)
	{
		score_outcome(&o, jt, &s);
		return gm_numeric_from_fixed(s.pct, GM_PCT_SCALE, GM_PCT_SCALE);
	}
	else
	{
		Datum result;

		score_slow(outcome_numeric(&o), jt, &s, &result);
		return result;
	}
}

/*
 * meets(outcome, target): STRICT.  meets(outcome, target, previous,
 * lower_is_better): not STRICT; NULL outcome, target or lower_is_better
 * gives NULL, and so does a direction target without a previous outcome.
 */
static Datum
meets_common(FunctionCallInfo fcinfo, GmOutcomeType type, bool with_prev)
{
	GmOutcome       o;
	GmTarget        t;
	GmTarget        buf;
	const GmTarget *jt;
	GmPrevious      prev = { 0 };
	GmScore         s;

	if (with_prev &&
		(PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(PG_NARGS() - 1)))
		PG_RETURN_NULL();
	outcome_from_datum(PG_GETARG_DATUM(0), type, &o);
	metric_target_unpack_rule(PG_GETARG_DATUM(1), &t);
	if (with_prev && GM_IS_DIRECTION(t.cmp))
		previous_from_args(fcinfo, 2, type, &prev);
	if (!judged_target(&t, &prev, &buf, &jt))
		PG_RETURN_NULL();
	score_outcome(&o, jt, &s);
	PG_RETURN_BOOL(s.met);
}

/*
 * status(outcome, target [, partly_above, fulfilled_at]) and, with_prev,
 * status(outcome, target, previous) and status(outcome, target,
 * partly_above, fulfilled_at, previous, lower_is_better): not STRICT; a
 * NULL outcome is not followed up, and so is a direction target without a
 * previous outcome; a NULL target, threshold or lower_is_better gives
 * NULL.  (A four-argument status(outcome, target, previous,
 * lower_is_better) would make status(5, t, 'NaN', 'NaN') ambiguous.)  Allocates
 * nothing on the fast path.
 */
static Datum
status_common(FunctionCallInfo fcinfo, GmOutcomeType type, bool with_prev)
{
	GmThresholds    th;
	GmOutcome       o;
	GmTarget        t;
	GmTarget        buf;
	const GmTarget *jt;
	GmPrevious      prev = { 0 };
	GmScore         s;
	GmStatus        status;
	bool explicit = PG_NARGS() == (with_prev ? 6 : 4);

	/* a NULL target, threshold or lower_is_better: NULL */
	if (PG_ARGISNULL(1) ||
		(explicit && (PG_ARGISNULL(2) || PG_ARGISNULL(3))) ||
		(with_prev && explicit && PG_ARGISNULL(5)))
		PG_RETURN_NULL();
	if (explicit)
		gm_thresholds_from_numeric(PG_GETARG_DATUM(2), PG_GETARG_DATUM(3),
								   &th);
	else
		gm_thresholds_from_settings(&th);

	if (PG_ARGISNULL(0))
		PG_RETURN_DATUM(gm_status_datum(GM_STATUS_NOT_FOLLOWED_UP));

	metric_target_unpack_rule(PG_GETARG_DATUM(1), &t);
	if (with_prev && GM_IS_DIRECTION(t.cmp))
		previous_from_args(fcinfo, explicit ? 4 : 2, type, &prev);
	if (unlikely(!judged_target(&t, &prev, &buf, &jt)))
	{
		/* still read the outcome: NaN is an error whatever the target */
		outcome_from_datum(PG_GETARG_DATUM(0), type, &o);
		PG_RETURN_DATUM(gm_status_datum(GM_STATUS_NOT_FOLLOWED_UP));
	}
	if (type == GM_OUT_NUMERIC &&
		status_numeric_fast(PG_GETARG_DATUM(0), jt, &th, &status))
		PG_RETURN_DATUM(gm_status_datum(status));
	outcome_from_datum(PG_GETARG_DATUM(0), type, &o);
	if (o.fits && status_fast(o.coef, o.scale, jt, &th, &status))
		PG_RETURN_DATUM(gm_status_datum(status));
	score_outcome(&o, jt, &s);
	PG_RETURN_DATUM(gm_status_datum(gm_status_of_score(&s, &th)));
}

/*
 * judged_target(target, previous numeric, lower_is_better DEFAULT false):
 * the plain target an outcome is judged against, by judged_target(): a
 * direction target after the previous outcome, a multi-year target at its
 * end year, any other target as it is.  Not STRICT: NULL target or
 * lower_is_better gives NULL; a direction target without a previous
 * outcome is returned as it is (it judges as not followed up).
 */
PG_FUNCTION_INFO_V1(gm_judged_target);
Datum
gm_judged_target(PG_FUNCTION_ARGS)
{
	GmTarget        t;
	GmTarget        buf;
	const GmTarget *jt;
	GmPrevious      prev = { 0 };

	if (PG_ARGISNULL(0) || PG_ARGISNULL(2))
		PG_RETURN_NULL();
	metric_target_unpack(PG_GETARG_DATUM(0), &t);
	if (GM_IS_DIRECTION(t.cmp))
		previous_from_args(fcinfo, 1, GM_OUT_NUMERIC, &prev);
	/* no previous outcome: the direction target, which judges as not
	 * followed up wherever it is passed (status, the roll-ups) */
	if (!judged_target(&t, &prev, &buf, &jt))
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	if (jt == &t)
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	PG_RETURN_DATUM(metric_target_pack(jt));
}

/*
 * The SQL entry points, one per outcome type and function (each SQL
 * overload with and without its optional arguments shares one); the
 * _prev ones take the previous outcome and lower_is_better.
 */
#define GM_ENTRY(name, common, type, with_prev) \
	PG_FUNCTION_INFO_V1(name);                  \
	Datum name(PG_FUNCTION_ARGS)                \
	{                                           \
		return common(fcinfo, type, with_prev); \
	}

#define GM_ENTRIES(suffix, type)                                         \
	GM_ENTRY(gm_fulfilment_##suffix, fulfilment_common, type, false)     \
	GM_ENTRY(gm_fulfilment_prev_##suffix, fulfilment_common, type, true) \
	GM_ENTRY(gm_meets_##suffix, meets_common, type, false)               \
	GM_ENTRY(gm_meets_prev_##suffix, meets_common, type, true)           \
	GM_ENTRY(gm_status_##suffix, status_common, type, false)             \
	GM_ENTRY(gm_status_prev_##suffix, status_common, type, true)

GM_ENTRIES(numeric, GM_OUT_NUMERIC)
GM_ENTRIES(float8, GM_OUT_FLOAT8)
GM_ENTRIES(float4, GM_OUT_FLOAT4)
GM_ENTRIES(int4, GM_OUT_INT4)
GM_ENTRIES(int8, GM_OUT_INT8)
