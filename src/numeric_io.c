/*-------------------------------------------------------------------------
 *
 * numeric_io.c
 *	  Numeric helpers: reading numeric's on-disk format, converting between
 *	  numeric and exact decimals or fixed-point integers, decimal text.
 *
 * The only file that knows numeric's bytes (numeric_io.h describes them).
 * Everything that reads a number goes through gm_numeric_view and one of
 * gm_view_to_int128 (exact), gm_numeric_to_fixed (fixed-point, truncated)
 * or, on the per-row paths, the inline gm_numeric_read_short; everything
 * that builds one from an exact decimal goes through
 * gm_numeric_from_int128 or gm_numeric_from_scaled.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

#include "numeric_io.h"

/* ----------------------------------------------------------------------
 * Powers of ten
 * ----------------------------------------------------------------------
 */

uint128 gm_pow10_u128_table[GM_COEF_DIGITS + 1];
uint128 gm_coef_limit_div[GM_COEF_DIGITS + 1];
uint128 gm_u128_max_div[GM_COEF_DIGITS + 1];

/*
 * Fill the tables above; called once from _PG_init, so that no path can
 * reach them unfilled.
 */
void
gm_numeric_io_init(void)
{
	uint128 p = 1;

	for (int i = 0; i <= GM_COEF_DIGITS; i++)
	{
		gm_pow10_u128_table[i] = p;
		p *= 10;
	}
	for (int i = 0; i <= GM_COEF_DIGITS; i++)
	{
		gm_coef_limit_div[i] =
			(gm_pow10_u128_table[GM_COEF_DIGITS] - 1) / gm_pow10_u128_table[i];
		gm_u128_max_div[i] = ~(uint128)0 / gm_pow10_u128_table[i];
	}
}

/* ----------------------------------------------------------------------
 * Reading a numeric
 * ----------------------------------------------------------------------
 */

/*
 * The payload (what follows the varlena header) of an uncompressed,
 * in-line numeric with a 1-byte or 4-byte header.  Compressed or external
 * values are detoasted first (an allocation; numerics are never stored
 * that way in practice, being at most a few dozen bytes).
 */
static void
numeric_payload(const struct varlena *v, const char **data, Size *len)
{
	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		v = pg_detoast_datum_packed(unconstify(struct varlena *, v));

	if (VARATT_IS_SHORT(v))
	{
		*data = VARDATA_SHORT(v);
		*len = VARSIZE_SHORT(v) - VARHDRSZ_SHORT;
	}
	else
	{
		*data = VARDATA(v);
		*len = VARSIZE(v) - VARHDRSZ;
	}
}

/*
 * Decode the header of a numeric payload (see the layout above).
 */
static void
view_of_payload(const char *data, Size len, GmNumView *out)
{
	uint16 header;

	if (len < sizeof(uint16))
		ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED),
						errmsg("invalid numeric value of %zu bytes", len)));
	header = gm_read_u16(data);
	memset(out, 0, sizeof(*out));

	if ((header & NUM_SIGN_MASK) == NUM_SPECIAL)
	{
		switch (header & NUM_EXT_SIGN_MASK)
		{
			case NUM_PINF:
				out->kind = GM_NUM_PINF;
				break;
			case NUM_NINF:
				out->kind = GM_NUM_NINF;
				break;
			default:
				out->kind = GM_NUM_NAN;
				break;
		}
		return;
	}

	out->kind = GM_NUM_FINITE;
	if ((header & NUM_SIGN_MASK) == NUM_SHORT)
	{
		out->neg = (header & NUM_SHORT_SIGN_MASK) != 0;
		out->dscale =
			(header & NUM_SHORT_DSCALE_MASK) >> NUM_SHORT_DSCALE_SHIFT;
		out->weight = (header & NUM_SHORT_WEIGHT_MASK);
		if (header & NUM_SHORT_WEIGHT_SIGN)
			out->weight |= ~NUM_SHORT_WEIGHT_MASK;
		out->digits = data + sizeof(uint16);
		out->ndigits = (int)((len - sizeof(uint16)) / sizeof(int16));
	}
	else
	{
		int16 weight;

		if (len < 2 * sizeof(uint16))
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("invalid numeric value of %zu bytes", len)));
		out->neg = (header & NUM_SIGN_MASK) == NUM_NEG;
		out->dscale = header & NUM_DSCALE_MASK;
		memcpy(&weight, data + sizeof(uint16), sizeof(weight));
		out->weight = weight;
		out->digits = data + 2 * sizeof(uint16);
		out->ndigits = (int)((len - 2 * sizeof(uint16)) / sizeof(int16));
	}
}

static inline int
view_digit(const GmNumView *v, int i)
{
	return (int)(int16)gm_read_u16(v->digits + i * sizeof(int16));
}

/*
 * A finite numeric as coef * 10^-scale.  The scale is the display scale
 * when the coefficient fits in 38 digits there (so that the decimal is
 * the one numeric_out prints), else the smallest scale that keeps the
 * value exact; false when even that does not fit.  Scale is never
 * negative.  No allocation, no numeric arithmetic.
 */
bool
gm_view_to_int128(const GmNumView *v, int128 *coef, int *scale)
{
	int     last = v->ndigits - 1;
	int     need;
	int     trailing;
	int     sc;
	uint128 acc = 0;
	uint128 limit;

	/*
	 * The common case, up to four base-10000 digits whose value stays below
	 * 10^18 at the display scale, straight through: the digits as one
	 * integer (below 10^16), then shifted to the scale.  Same result as the
	 * general code below.
	 */
	if (likely(last >= 0 && last < 4 && view_digit(v, last) != 0))
	{
		uint64 acc64 = 0;
		int    d = view_digit(v, last);
		int    tz = d % 10 != 0 ? 0 : d % 100 != 0 ? 1 : d % 1000 != 0 ? 2 : 3;
		int    e;

		need = Max(-NUM_DEC_DIGITS * (v->weight - last) - tz, 0);
		sc = Max(v->dscale, need);
		if (NUM_DEC_DIGITS * (v->weight + 1) + sc <= 18)
		{
			for (int i = 0; i <= last; i++)
			{
				d = view_digit(v, i);
				if (unlikely(d < 0 || d >= NUM_NBASE))
					ereport(ERROR,
							(errcode(ERRCODE_DATA_CORRUPTED),
							 errmsg("invalid digit %d in numeric value", d)));
				acc64 = acc64 * NUM_NBASE + (uint64)d;
			}
			/* acc64 is the value * 10^(-4 (weight - last)); e >= -3 */
			e = NUM_DEC_DIGITS * (v->weight - last) + sc;
			if (e >= 0)
				acc64 *= gm_pow10_u64[e];
			else
				acc64 /= gm_pow10_u64[-e];
			*coef = v->neg ? -(int128)acc64 : (int128)acc64;
			*scale = sc;
			return true;
		}
	}

	limit = gm_pow10_u128(GM_COEF_DIGITS) - 1;

	/* ignore zero digits at the end (the format strips them anyway) */
	while (last >= 0 && view_digit(v, last) == 0)
		last--;
	if (last < 0)
	{
		*coef = 0;
		*scale = v->dscale;
		return true;
	}

	/* decimals the digits need: last digit's unit is 10^(4 * exponent) */
	need = -NUM_DEC_DIGITS * (v->weight - last);
	for (trailing = view_digit(v, last); trailing % 10 == 0; trailing /= 10)
		need--;
	if (need < 0)
		need = 0;

	/*
	 * The common case, a value below 10^18 at the display scale: every
	 * partial sum is below |value| * 10^scale < 10^18, so plain uint64
	 * arithmetic gives the same coefficient as the general loop below.
	 */
	sc = Max(v->dscale, need);
	if (NUM_DEC_DIGITS * (v->weight + 1) + sc <= 18)
	{
		uint64 acc64 = 0;

		for (int i = 0; i <= last; i++)
		{
			int d = view_digit(v, i);
			int e = NUM_DEC_DIGITS * (v->weight - i) + sc; /* 10^e */

			if (d < 0 || d >= NUM_NBASE)
				ereport(ERROR,
						(errcode(ERRCODE_DATA_CORRUPTED),
						 errmsg("invalid digit %d in numeric value", d)));
			if (i > 0)
				acc64 *= (uint64)gm_pow10_u128(
					Min(NUM_DEC_DIGITS, NUM_DEC_DIGITS + Min(e, 0)));
			if (e < 0)
				d /= (int)gm_pow10_u128(-e);
			acc64 += (uint64)d;
			if (i == last && e > 0)
				acc64 *= (uint64)gm_pow10_u128(e);
		}
		*coef = v->neg ? -(int128)acc64 : (int128)acc64;
		*scale = sc;
		return true;
	}

	/* prefer the display scale; fall back to the exact minimum */
	for (int attempt = 0; attempt < 2; attempt++)
	{
		bool ok = true;

		sc = attempt == 0 ? Max(v->dscale, need) : need;
		acc = 0;
		for (int i = 0; i <= last && ok; i++)
		{
			int d = view_digit(v, i);
			int e = NUM_DEC_DIGITS * (v->weight - i) + sc; /* 10^e */

			if (d < 0 || d >= NUM_NBASE)
				ereport(ERROR,
						(errcode(ERRCODE_DATA_CORRUPTED),
						 errmsg("invalid digit %d in numeric value", d)));
			if (i > 0)
			{
				/* shift the previous digits by this digit's width */
				int w = Min(NUM_DEC_DIGITS, NUM_DEC_DIGITS + Min(e, 0));

				if (acc > gm_coef_limit_div[w])
				{
					ok = false;
					break;
				}
				acc *= gm_pow10_u128(w);
			}
			if (e < 0)
			{
				/* only the last digit reaches past the point, by -e < 4 */
				Assert(i == last && -e < NUM_DEC_DIGITS);
				d /= (int)gm_pow10_u128(-e);
			}
			acc += (uint128)d;
			if (acc > limit)
				ok = false;
			else if (i == last && e > 0)
			{
				if (e > GM_COEF_DIGITS || acc > gm_coef_limit_div[e])
					ok = false;
				else
					acc *= gm_pow10_u128(e);
			}
		}
		if (ok)
		{
			*coef = v->neg ? -(int128)acc : (int128)acc;
			*scale = sc;
			return true;
		}
		if (sc == need)
			break;
	}
	return false;
}

/*
 * The fields of a numeric (numeric_io.h).
 */
void
gm_numeric_view(Numeric num, GmNumView *out)
{
	const char *data;
	Size        len;

	numeric_payload((const struct varlena *)num, &data, &len);
	view_of_payload(data, len, out);
}

/*
 * Exact decimal view of a numeric (numeric_io.h).  num may also point to a
 * packed (1-byte header) datum.
 */
bool
gm_numeric_to_int128(Numeric num, int128 *coef, int *scale)
{
	GmNumView v;

	gm_numeric_view(num, &v);
	if (v.kind != GM_NUM_FINITE)
		return false;
	return gm_view_to_int128(&v, coef, scale);
}

/*
 * A finite numeric as a count of 10^-scale units, truncated toward zero
 * (numeric_io.h).  The exact view when the value fits 38 digits, else the
 * digits one decimal at a time, from the most significant.
 */
bool
gm_numeric_to_fixed(const GmNumView *v, int scale, int128 *out, int *dropped)
{
	int128  coef;
	int     sc;
	uint128 acc = 0;
	int     kmin = 0;
	bool    cut = false;

	Assert(v->kind == GM_NUM_FINITE && scale >= 0);
	*dropped = 0;
	if (gm_view_to_int128(v, &coef, &sc))
	{
		if (sc > scale)
		{
			int    drop = sc - scale;
			int128 p;

			if (drop > GM_COEF_DIGITS)
			{
				*dropped = gm_sign_of(coef);
				*out = 0;
				return true;
			}
			p = (int128)gm_pow10_u128(drop);
			*dropped = gm_sign_of(coef % p);
			coef /= p;
		}
		else if (coef != 0)
		{
			int up = scale - sc;

			if (up > GM_COEF_DIGITS ||
				gm_abs_u128(coef) > gm_coef_limit_div[up])
				return false;
			coef *= (int128)gm_pow10_u128(up);
		}
		*out = coef;
		return true;
	}

	/* more than 38 digits: keep the decimals down to 10^-scale */
	for (int i = 0; i < v->ndigits; i++)
	{
		int d = view_digit(v, i);

		if (d < 0 || d >= NUM_NBASE)
			ereport(ERROR, (errcode(ERRCODE_DATA_CORRUPTED),
							errmsg("invalid digit %d in numeric value", d)));
		for (int j = NUM_DEC_DIGITS - 1; j >= 0; j--)
		{
			int dd = (int)(d / gm_pow10_u64[j]) % 10;
			int k = NUM_DEC_DIGITS * (v->weight - i) + j + scale; /* 10^k */

			if (k < 0)
			{
				cut = cut || dd != 0;
				continue;
			}
			if (acc > (gm_coef_limit_div[0] - (uint128)dd) / 10)
				return false;
			acc = acc * 10 + (uint128)dd;
			kmin = k;
		}
	}
	if (acc != 0 && kmin > 0)
	{
		if (kmin > GM_COEF_DIGITS || acc > gm_coef_limit_div[kmin])
			return false;
		acc *= gm_pow10_u128(kmin);
	}
	*out = v->neg ? -(int128)acc : (int128)acc;
	*dropped = cut ? (v->neg ? -1 : 1) : 0;
	return true;
}

/* A numeric as text, for messages (numeric_io.h) */
const char *
gm_numeric_cstring(Numeric num)
{
	return DatumGetCString(
		DirectFunctionCall1(numeric_out, NumericGetDatum(num)));
}

/* ----------------------------------------------------------------------
 * Building a numeric
 * ----------------------------------------------------------------------
 */

/*
 * coef * 10^-scale as a numeric of display scale "scale" (0..18).
 */
Datum
gm_numeric_from_scaled(int64 coef, int scale)
{
	Assert(scale >= 0 && scale <= 18);
	return NumericGetDatum(int64_div_fast_to_numeric(coef, scale));
}

/* 10^n as a numeric, n >= 0 (display scale 0) */
static Datum
numeric_pow10(int n)
{
	Datum r = NumericGetDatum(int64_to_numeric(1));

	for (; n > 0; n -= Min(n, 18))
		r = DirectFunctionCall2(numeric_mul, r,
								NumericGetDatum(int64_to_numeric(
									(int64)gm_pow10_u64[Min(n, 18)])));
	return r;
}

/*
 * coef * 10^-scale as a numeric of display scale Max(scale, 0), in numeric
 * arithmetic: exact, since a product keeps every decimal of its factors
 * (its display scale is the sum of theirs).
 */
Numeric
gm_numeric_from_int128(int128 coef, int scale)
{
	int128 e18 = (int128)gm_pow10_u64[18];
	Datum  n;

	/* the common case: no product can overflow in int64_div_fast_to_numeric */
	if (scale >= 0 && scale <= 18 && gm_abs_u128(coef) < gm_pow10_u64[14])
		return DatumGetNumeric(gm_numeric_from_scaled((int64)coef, scale));

	/* the coefficient as hi * 10^18 + lo */
	n = NumericGetDatum(int64_to_numeric((int64)(coef % e18)));
	if (coef / e18 != 0)
		n = DirectFunctionCall2(
			numeric_add, n,
			DirectFunctionCall2(numeric_mul,
								NumericGetDatum(
									int64_to_numeric((int64)(coef / e18))),
								numeric_pow10(18)));
	if (scale < 0)
		return DatumGetNumeric(
			DirectFunctionCall2(numeric_mul, n, numeric_pow10(-scale)));
	/* times 10^-18 (display scale 18) as often as needed */
	for (int s = scale; s > 0; s -= Min(s, 18))
		n = DirectFunctionCall2(numeric_mul, n,
								NumericGetDatum(
									int64_div_fast_to_numeric(1, Min(s, 18))));
	return DatumGetNumeric(n);
}

Datum
gm_numeric_from_decimal(GmDecimal d)
{
	return NumericGetDatum(gm_numeric_from_int128(d.coef, d.scale));
}

/* ----------------------------------------------------------------------
 * Decimal text
 * ----------------------------------------------------------------------
 */

/*
 * Format a non-negative or negative int128 in decimal into buf (at least
 * 41 bytes); returns buf.
 */
char *
gm_int128_to_cstring(int128 v, char *buf)
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
void
gm_append_decimal(StringInfo buf, int128 coef, int scale)
{
	char  digits[41];
	char *d;
	int   len;

	if (scale <= 0)
	{
		appendStringInfoString(buf, gm_int128_to_cstring(coef, digits));
		if (scale < 0)
			appendStringInfo(buf, "e%d", -scale);
		return;
	}
	d = gm_int128_to_cstring(coef, digits);
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
 * Parse a canonical non-negative decimal integer (numeric_io.h).
 */
bool
gm_parse_canonical_uint(const char **p, uint128 max, uint128 *out)
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

/*
 * An exact value as a GmDecimal, dropping only trailing zeros (numeric_io.h)
 */
bool
gm_int128_to_decimal(int128 coef, int scale, GmDecimal *out)
{
	if (scale < 0)
		return false;
	while (coef % 10 == 0 && scale > 0 &&
		   (scale > GM_MAX_SCALE ||
			gm_abs_u128(coef) >= gm_pow10_u128(GM_MAX_DIGITS)))
	{
		coef /= 10;
		scale--;
	}
	if (coef == 0)
		scale = Min(scale, GM_MAX_SCALE);
	if (scale > GM_MAX_SCALE ||
		gm_abs_u128(coef) >= gm_pow10_u128(GM_MAX_DIGITS))
		return false;
	out->coef = (int64)coef;
	out->scale = (uint8)scale;
	return true;
}
