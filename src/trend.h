/*-------------------------------------------------------------------------
 *
 * trend.h
 *	  The trend aggregate: its fixed-size transition state type
 *	  goalmetrics.trend_state.
 *
 * Layer 5 of src/README.md, beside the roll-ups (rollup.h, which describes
 * what the two state types share: real base types, fixed-size, aligned to
 * double, canonical text and binary forms; doc/rollup.md has the layout).
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_TREND_H
#define GOALMETRICS_TREND_H

#include "postgres.h"

#include "numeric_io.h"
#include "target.h"

#include "visibility.h"

GM_INTERNAL_BEGIN

/* Format version, first in the text and binary forms; never reuse. */
#define GM_TREND_STATE_VERSION 1

/* One end of a trend: the outcome of a year as an exact decimal. */
typedef struct GmTrendPoint
{
	int32    year;
	int16    scale;   /* value = coef * 10^-scale */
	uint8    present; /* 0 or 1 */
	uint8    reserved;
	GmInt128 coef;
} GmTrendPoint;

#define GM_TREND_TARGET_BYTES 96

/*
 * The outcomes a trend can hold, exactly: at most GM_TREND_MAX_DIGITS
 * digits from the first significant digit to the last decimal (|coef| <
 * 10^38) and a scale within +-GM_TREND_MAX_SCALE.  trend_state's text and
 * binary forms accept exactly these, and goalmetrics.outcome refuses other
 * values at write time (check_outcome), so that one row cannot take a
 * trend, and every report built on it, down.
 */
#define GM_TREND_MAX_DIGITS 38
#define GM_TREND_MAX_SCALE  127

/*
 * goalmetrics.trend_state: 160 bytes.  trend(year, outcome, target) leaves
 * has_tolerance 0 and its final function reads goalmetrics.trend_tolerance;
 * trend(year, outcome, target, tolerance) records the tolerance (millionths
 * of a percent) on its first input, so that the state alone decides.
 */
typedef struct GmTrendState
{
	uint8        version; /* GM_TREND_STATE_VERSION */
	uint8        has_target;
	uint8        target_len; /* bytes of target used */
	uint8        has_tolerance;
	int32        target_year;
	int32        tolerance; /* 0 .. 100000000 when has_tolerance, else 0 */
	int32        reserved;  /* zero */
	GmTrendPoint first;     /* earliest followed-up year */
	GmTrendPoint last;      /* latest followed-up year */
	uint8        target[GM_TREND_TARGET_BYTES]; /* packed (target.h) */
} GmTrendState;

#define GM_TREND_STATE_SIZE 160

/* The empty trend state's canonical text: trend()'s INITCOND (as above) */
#define GM_TREND_STATE_EMPTY \
	"v=" CppAsString2(       \
		GM_TREND_STATE_VERSION) " first=- last=- target=- tolerance=-"

GM_INTERNAL_END

#endif /* GOALMETRICS_TREND_H */
