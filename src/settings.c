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

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/numeric.h"

#include "settings.h"

double gm_partly_above = 90.0;
double gm_fulfilled_at = 100.0;
int    gm_rollup_method = GM_ROLLUP_MEAN;
double gm_trend_tolerance = 2.0;

static const struct config_enum_entry rollup_method_options[] = {
	{ "mean", GM_ROLLUP_MEAN, false },
	{ "worst", GM_ROLLUP_WORST, false },
	{ "share_met", GM_ROLLUP_SHARE_MET, false },
	{ NULL, 0, false }
};

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
		&gm_partly_above, 90.0, 0.0, 100.0, PGC_USERSET, 0, NULL, NULL, NULL);

	DefineCustomRealVariable(
		"goalmetrics.fulfilled_at",
		"Fulfilment percent at which a metric counts as fulfilled.",
		"At the default 100 a metric is fulfilled exactly when its target is met; below 100 it is a tolerance.",
		&gm_fulfilled_at, 100.0, 0.0, 100.0, PGC_USERSET, 0, NULL, NULL, NULL);

	DefineCustomEnumVariable(
		"goalmetrics.rollup_method",
		"How roll-ups combine their parts: mean, worst or share_met.", NULL,
		&gm_rollup_method, GM_ROLLUP_MEAN, rollup_method_options, PGC_USERSET,
		0, NULL, NULL, NULL);

	DefineCustomRealVariable(
		"goalmetrics.trend_tolerance",
		"Change, in percent of the earlier outcome, that trend() still calls stable.",
		NULL, &gm_trend_tolerance, 2.0, 0.0, 100.0, PGC_USERSET, 0, NULL, NULL,
		NULL);

#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("goalmetrics");
#else
	EmitWarningsOnPlaceholders("goalmetrics");
#endif
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

static void
check_thresholds(const GmThresholds *t, const char *source)
{
	if (t->partly_above >= t->fulfilled_at)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: partly_above (%s) must be below fulfilled_at (%s)",
					source,
					psprintf("%.6g", (double)t->partly_above / GM_MICRO),
					psprintf("%.6g", (double)t->fulfilled_at / GM_MICRO)),
			 errhint(
				 "Lower goalmetrics.partly_above or raise goalmetrics.fulfilled_at.")));
}

void
gm_thresholds_from_settings(GmThresholds *out)
{
	out->partly_above = gm_percent_to_micro(gm_partly_above);
	out->fulfilled_at = gm_percent_to_micro(gm_fulfilled_at);
	check_thresholds(out, "goalmetrics settings");
}

/*
 * Explicit thresholds: numerics in 0..100 with at most six decimals used
 * exactly (more decimals are rounded to millionths).
 */
static int64
numeric_percent_to_micro(Datum num, const char *name)
{
	Datum scaled;
	int64 micro;

	if (numeric_is_nan(DatumGetNumeric(num)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a number between 0 and 100, not NaN",
						name)));

	scaled = DirectFunctionCall2(numeric_mul, num,
								 NumericGetDatum(int64_to_numeric(GM_MICRO)));
	scaled = DirectFunctionCall2(numeric_round, scaled, Int32GetDatum(0));
	if (DatumGetBool(
			DirectFunctionCall2(numeric_lt, scaled,
								NumericGetDatum(int64_to_numeric(0)))) ||
		DatumGetBool(DirectFunctionCall2(numeric_gt, scaled,
										 NumericGetDatum(int64_to_numeric(
											 (int64)100 * GM_MICRO)))))
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s must be between 0 and 100, not %s", name,
							   DatumGetCString(
								   DirectFunctionCall1(numeric_out, num)))));
	micro = DatumGetInt64(DirectFunctionCall1(numeric_int8, scaled));
	return micro;
}

void
gm_thresholds_from_numeric(Datum partly_above, Datum fulfilled_at,
						   GmThresholds *out)
{
	out->partly_above = numeric_percent_to_micro(partly_above, "partly_above");
	out->fulfilled_at = numeric_percent_to_micro(fulfilled_at, "fulfilled_at");
	check_thresholds(out, "status thresholds");
}
