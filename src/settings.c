/*-------------------------------------------------------------------------
 *
 * settings.c
 *	  The goalmetrics.* settings.
 *
 * Every number in the product rules is a setting (doc/settings.md).  The
 * functions that read them are STABLE; the explicit-threshold variants read
 * none and are IMMUTABLE.  _PG_init touches no catalog.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/numeric.h"

#include "numeric_io.h"
#include "settings.h"

double gm_partly_above = 90.0;
double gm_fulfilled_at = 100.0;
int    gm_rollup_method = GM_ROLLUP_MEAN;
double gm_trend_tolerance = 2.0;

static const char *format_micro_buf(int64 micro);

static const struct config_enum_entry rollup_method_options[] = {
	{ "mean", GM_ROLLUP_MEAN, false },
	{ "worst", GM_ROLLUP_WORST, false },
	{ "share_met", GM_ROLLUP_SHARE_MET, false },
	{ NULL, 0, false }
};

/*
 * A threshold setting is used in millionths of a percent (settings.h): one
 * with more decimals would be rounded, so that SHOW, and the settings
 * refresh_summary() records, would not be the value in force.  Refuse it.
 */
static bool
check_percent_micro(double *newval, void **extra, GucSource source)
{
	double micro = *newval * GM_MICRO;

	(void)extra;
	(void)source;
	/* six decimals: micro is within 1e-7 of an integer (doubles up to 100) */
	if (fabs(micro - (double)llround(micro)) > 1e-6)
	{
		char shortest[DOUBLE_SHORTEST_DECIMAL_LEN];

		double_to_shortest_decimal_buf(*newval, shortest);
		GUC_check_errdetail("%s has more than 6 decimals.", shortest);
		GUC_check_errhint("A percent is used to the millionth: round it, "
						  "for example to %s.",
						  format_micro_buf(llround(micro)));
		return false;
	}
	return true;
}

/*
 * SHOW and current_setting() of a threshold: the value in force, exactly
 * (90.000001, not %g's 90), as refresh_summary() records it.
 */
static const char *
show_partly_above(void)
{
	static char buf[64];

	strlcpy(buf, format_micro_buf(gm_percent_to_micro(gm_partly_above)),
			sizeof(buf));
	return buf;
}

static const char *
show_fulfilled_at(void)
{
	static char buf[64];

	strlcpy(buf, format_micro_buf(gm_percent_to_micro(gm_fulfilled_at)),
			sizeof(buf));
	return buf;
}

/* trend_tolerance is used in millionths too (trend(), rollup.c) */
static const char *
show_trend_tolerance(void)
{
	static char buf[64];

	strlcpy(buf, format_micro_buf(gm_percent_to_micro(gm_trend_tolerance)),
			sizeof(buf));
	return buf;
}

/*
 * Define the settings.  Called from _PG_init.
 */
void
gm_settings_init(void)
{
	DefineCustomRealVariable(
		"goalmetrics.partly_above",
		"Fulfilment percent above which an unmet target counts as partly fulfilled.",
		"At or below it the status is not_fulfilled. Must be below goalmetrics.fulfilled_at.",
		&gm_partly_above, 90.0, 0.0, 100.0, PGC_USERSET, 0,
		check_percent_micro, NULL, show_partly_above);

	DefineCustomRealVariable(
		"goalmetrics.fulfilled_at",
		"Fulfilment percent at which a metric counts as fulfilled.",
		"At the default 100 a metric is fulfilled exactly when its target is met; below 100 it is a tolerance.",
		&gm_fulfilled_at, 100.0, 0.0, 100.0, PGC_USERSET, 0,
		check_percent_micro, NULL, show_fulfilled_at);

	DefineCustomEnumVariable(
		"goalmetrics.rollup_method",
		"How roll-ups combine their parts: mean, worst or share_met.", NULL,
		&gm_rollup_method, GM_ROLLUP_MEAN, rollup_method_options, PGC_USERSET,
		0, NULL, NULL, NULL);

	DefineCustomRealVariable(
		"goalmetrics.trend_tolerance",
		"Change, in percent of the earlier outcome, that trend() still calls stable.",
		NULL, &gm_trend_tolerance, 2.0, 0.0, 100.0, PGC_USERSET, 0,
		check_percent_micro, NULL, show_trend_tolerance);

	MarkGUCPrefixReserved("goalmetrics");
}

/*
 * A percent setting in millionths, rounded: the settings are doubles, and
 * 90.1 is not exact in binary, but it is within a millionth of 90.1.
 */
int64
gm_percent_to_micro(double percent)
{
	return (int64)llround(percent * GM_MICRO);
}

/*
 * A threshold in millionths as the shortest decimal text: 90000000 is
 * "90", 90500000 "90.5".
 */
static const char *
format_micro_buf(int64 micro)
{
	static char buf[64];
	int         len;

	len =
		snprintf(buf, sizeof(buf), "%s" INT64_FORMAT ".%06d",
				 micro < 0 ? "-" : "", (micro < 0 ? -micro : micro) / GM_MICRO,
				 (int)((micro < 0 ? -micro : micro) % GM_MICRO));
	while (len > 0 && buf[len - 1] == '0')
		buf[--len] = '\0';
	if (len > 0 && buf[len - 1] == '.')
		buf[--len] = '\0';
	return buf;
}

char *
gm_format_micro(int64 micro)
{
	return pstrdup(format_micro_buf(micro));
}

/*
 * partly_above must lie below fulfilled_at, or no value could be partly.
 */
static void
check_thresholds(const GmThresholds *t, const char *source)
{
	if (t->partly_above >= t->fulfilled_at)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: partly_above (%s) must be below fulfilled_at (%s)",
					source, gm_format_micro(t->partly_above),
					gm_format_micro(t->fulfilled_at)),
			 errhint(
				 "Lower goalmetrics.partly_above or raise goalmetrics.fulfilled_at.")));
}

/*
 * The thresholds from the settings.  Allocates nothing unless they are
 * inconsistent.
 */
void
gm_thresholds_from_settings(GmThresholds *out)
{
	/* called per row by status(): convert only when a setting changed */
	static double       last_partly_above = -1;
	static double       last_fulfilled_at = -1;
	static GmThresholds last;
	static bool         last_ok = false;

	if (gm_partly_above != last_partly_above ||
		gm_fulfilled_at != last_fulfilled_at)
	{
		last.partly_above = gm_percent_to_micro(gm_partly_above);
		last.fulfilled_at = gm_percent_to_micro(gm_fulfilled_at);
		last_ok = last.partly_above < last.fulfilled_at;
		last_partly_above = gm_partly_above;
		last_fulfilled_at = gm_fulfilled_at;
	}
	*out = last;
	if (unlikely(!last_ok))
		check_thresholds(out, "goalmetrics settings");
}

static void
threshold_out_of_range(Datum num, const char *name)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s must be between 0 and 100, not %s", name,
					DatumGetCString(DirectFunctionCall1(numeric_out, num)))));
}

/*
 * An explicit threshold: a numeric in 0..100, used exactly when it has at
 * most six decimals, else rounded (half away from zero) to millionths: read
 * to ten-millionths (gm_numeric_to_fixed, truncated) and rounded from there.
 * Allocates nothing.
 */
int64
gm_percent_from_numeric(Datum num, const char *name)
{
	GmNumView v;
	int128    tenth_micro;
	int128    micro;
	int       dropped;

	/* read in place, also a packed (1-byte header) datum */
	gm_numeric_view((Numeric)DatumGetPointer(num), &v);
	if (v.kind == GM_NUM_NAN)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a number between 0 and 100, not NaN",
						name)));
	if (v.kind != GM_NUM_FINITE ||
		!gm_numeric_to_fixed(&v, 7, &tenth_micro, &dropped))
		threshold_out_of_range(num, name);
	/* half away from zero: what was cut off lies below the next unit */
	micro = (gm_abs_u128(tenth_micro) + 5) / 10;
	if (micro > (int128)100 * GM_MICRO || (v.neg && micro != 0))
		threshold_out_of_range(num, name);
	return (int64)micro;
}

void
gm_thresholds_from_numeric(Datum partly_above, Datum fulfilled_at,
						   GmThresholds *out)
{
	out->partly_above = gm_percent_from_numeric(partly_above, "partly_above");
	out->fulfilled_at = gm_percent_from_numeric(fulfilled_at, "fulfilled_at");
	check_thresholds(out, "status thresholds");
}
