/*-------------------------------------------------------------------------
 *
 * target_time.c
 *	  Targets over time: the target that applies in a year on a
 *	  multi-year glide path, and a direction target as the plain target it
 *	  stands for once the previous outcome is known (target.h).
 *
 * Both give a plain target (a comparator, a value, the unit and the
 * qualifier), so that judging an outcome against them is judging it
 * against a hand-written target of the same value with the same
 * comparator: one rule (doc/fulfilment.md, "Targets over time").
 *
 *-------------------------------------------------------------------------
 */
#include "target.h"

#include <string.h>

/* 10^15: every valid |coef| is below it */
#define COEF_LIMIT INT64_C(1000000000000000)

/* Decimals added to the written ones on a glide path: 81 → 85 is 82,33 */
#define PATH_EXTRA_DECIMALS 2

__extension__ typedef __int128 gm_i128;

/* t without its years and baseline: the plain target of the same kind */
static void
plain_copy(const GmTarget *t, GmTarget *out)
{
	*out = *t;
	out->has_baseline = false;
	out->baseline.coef = 0;
	out->baseline.scale = 0;
	out->start_year = 0;
	out->end_year = 0;
}

/*
 * round(num / den) half away from zero, den > 0; both exact
 */
static gm_i128
div_round(gm_i128 num, gm_i128 den)
{
	gm_i128 q = num / den;
	gm_i128 r = num % den;

	if (r < 0)
		r = -r;
	if (2 * r >= den)
		q += num < 0 ? -1 : 1;
	return q;
}

/*
 * The value of the path from b (year s) to v (year e) in year y, s < y <
 * e, rounded half away from zero to PATH_EXTRA_DECIMALS more decimals
 * than the more precise of b and v (at most GM_MAX_SCALE), trailing zeros
 * trimmed back to the written decimals.  False when the result does not
 * fit GM_MAX_DIGITS digits even at the written decimals.
 */
static bool
path_value(GmDecimal b, GmDecimal v, int s, int e, int y, GmDecimal *out)
{
	int written = b.scale > v.scale ? b.scale : v.scale;
	int scale = written + PATH_EXTRA_DECIMALS;

	if (scale > GM_MAX_SCALE)
		scale = GM_MAX_SCALE;
	for (; scale >= written; scale--)
	{
		gm_i128 bb = (gm_i128)b.coef;
		gm_i128 vv = (gm_i128)v.coef;
		gm_i128 r;
		int     k;

		for (k = b.scale; k < scale; k++)
			bb *= 10;
		for (k = v.scale; k < scale; k++)
			vv *= 10;
		/* (b (e - y) + v (y - s)) / (e - s): |b|, |v| < 10^30 */
		r = div_round(bb * (e - y) + vv * (y - s), (gm_i128)(e - s));
		if (r >= COEF_LIMIT || r <= -COEF_LIMIT)
			continue;
		out->scale = (uint8_t)scale;
		while (out->scale > written && r % 10 == 0)
		{
			r /= 10;
			out->scale--;
		}
		out->coef = (int64_t)r;
		return true;
	}
	return false;
}

bool
gm_target_for_year(const GmTarget *t, int year, GmTarget *out)
{
	/* no years (a direction target has none): as it is, every year */
	if (t->end_year == 0)
	{
		*out = *t;
		return true;
	}
	if (year >= t->end_year)
	{
		plain_copy(t, out);
		return true;
	}
	if (t->start_year == 0 || year < t->start_year)
		return false;
	plain_copy(t, out);
	if (year == t->start_year)
		out->value = t->baseline;
	else if (!path_value(t->baseline, t->value, t->start_year, t->end_year,
						 year, &out->value))
		return false;
	return true;
}

void
gm_target_resolve_years(const GmTarget *t, GmTarget *out)
{
	if (t->end_year == 0 || !gm_target_for_year(t, t->end_year, out))
		*out = *t;
}

void
gm_target_against_previous(const GmTarget *t, GmDecimal previous,
						   bool lower_is_better, GmTarget *out)
{
	GmComparator cmp;

	switch (t->cmp)
	{
		case GM_INCREASE:
			cmp = GM_ABOVE;
			break;
		case GM_DECREASE:
			cmp = GM_BELOW;
			break;
		case GM_MAINTAIN:
			cmp = lower_is_better ? GM_AT_MOST : GM_AT_LEAST;
			break;
		case GM_IMPROVE:
			cmp = lower_is_better ? GM_BELOW : GM_ABOVE;
			break;
		default:
			*out = *t;
			return;
	}
	memset(out, 0, sizeof(*out));
	out->cmp = cmp;
	out->value = previous;
}
