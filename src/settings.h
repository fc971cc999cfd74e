/*-------------------------------------------------------------------------
 *
 * settings.h
 *	  The goalmetrics.* settings (GUCs) and the exact thresholds read
 *	  from them.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_SETTINGS_H
#define GOALMETRICS_SETTINGS_H

#include "postgres.h"

#include "visibility.h"

GM_INTERNAL_BEGIN

typedef enum GmRollupMethod
{
	GM_ROLLUP_MEAN = 0,     /* mean of the parts' capped fulfilment */
	GM_ROLLUP_WORST = 1,    /* the weakest part decides */
	GM_ROLLUP_SHARE_MET = 2 /* share of metrics whose target is met */
} GmRollupMethod;

/*
 * Band thresholds as exact integers in millionths of a percent, so that a
 * band is decided in integer arithmetic: 90 % is 90000000.
 */
#define GM_MICRO 1000000

typedef struct GmThresholds
{
	int64 partly_above; /* above this (and not met): partly */
	int64 fulfilled_at; /* at or above this: fulfilled (tolerance) */
} GmThresholds;

extern double gm_partly_above;
extern double gm_fulfilled_at;
extern int    gm_rollup_method;
extern double gm_trend_tolerance;

extern void gm_settings_init(void);

/* The thresholds from the settings; errors if they are inconsistent. */
extern void gm_thresholds_from_settings(GmThresholds *out);

/* Thresholds from explicit numeric arguments (the IMMUTABLE variants). */
extern void gm_thresholds_from_numeric(Datum partly_above, Datum fulfilled_at,
									   GmThresholds *out);

/*
 * An explicit percent argument (a numeric in 0..100, name for the error)
 * in millionths, rounded half away from zero.  Allocates nothing.
 */
extern int64 gm_percent_from_numeric(Datum num, const char *name);

/* Millionths of a percent as the shortest decimal text (90.5), palloc'd. */
extern char *gm_format_micro(int64 micro);

/* Percent as a double (a setting) to millionths, exactly as printed. */
extern int64 gm_percent_to_micro(double percent);

GM_INTERNAL_END

#endif /* GOALMETRICS_SETTINGS_H */
