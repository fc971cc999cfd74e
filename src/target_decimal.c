/*-------------------------------------------------------------------------
 *
 * target_decimal.c
 *	  Exact decimals (GmDecimal, target.h): their comparison and the
 *	  powers of ten of 64-bit arithmetic.
 *
 * The bottom of the pure target code (src/README.md, "Layers"): the parser
 * and the codec both compare decimals, and numeric_io.c shares the table,
 * so that there is one set of powers of ten.
 *
 *-------------------------------------------------------------------------
 */
#include "target.h"

/* 10^n for 0 <= n <= 19: every power of ten that fits in uint64_t */
const uint64_t gm_pow10_u64[20] = { UINT64_C(1),
									UINT64_C(10),
									UINT64_C(100),
									UINT64_C(1000),
									UINT64_C(10000),
									UINT64_C(100000),
									UINT64_C(1000000),
									UINT64_C(10000000),
									UINT64_C(100000000),
									UINT64_C(1000000000),
									UINT64_C(10000000000),
									UINT64_C(100000000000),
									UINT64_C(1000000000000),
									UINT64_C(10000000000000),
									UINT64_C(100000000000000),
									UINT64_C(1000000000000000),
									UINT64_C(10000000000000000),
									UINT64_C(100000000000000000),
									UINT64_C(1000000000000000000),
									UINT64_C(10000000000000000000) };

/*
 * Split |coef| * 10^-scale into its integer part and its fraction scaled
 * to 18 digits.  Exact for every valid decimal (scale <= 15); a scale above
 * 18 (invalid anyway) drops digits but stays well defined.
 */
static void
split_magnitude(uint64_t mag, unsigned int scale, uint64_t *ipart,
				uint64_t *frac)
{
	if (scale > 18)
	{
		unsigned int drop = scale - 18;

		mag = drop < 20 ? mag / gm_pow10_u64[drop] : 0;
		scale = 18;
	}
	*ipart = mag / gm_pow10_u64[scale];
	/* the remainder is below 10^scale, so this stays below 10^18 */
	*frac = (mag % gm_pow10_u64[scale]) * gm_pow10_u64[18 - scale];
}

/*
 * Compare two decimals numerically: 42,0 equals 42.  No floating point and
 * no overflow: the integer parts and the fractions are compared apart.
 */
int
gm_decimal_cmp(GmDecimal a, GmDecimal b)
{
	int      sa = a.coef < 0 ? -1 : (a.coef > 0 ? 1 : 0);
	int      sb = b.coef < 0 ? -1 : (b.coef > 0 ? 1 : 0);
	uint64_t ia, fa, ib, fb;
	int      r;

	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (sa == 0)
		return 0;
	split_magnitude(gm_decimal_magnitude(a.coef), a.scale, &ia, &fa);
	split_magnitude(gm_decimal_magnitude(b.coef), b.scale, &ib, &fb);
	if (ia != ib)
		r = ia < ib ? -1 : 1;
	else if (fa != fb)
		r = fa < fb ? -1 : 1;
	else
		r = 0;
	return sa > 0 ? r : -r;
}
