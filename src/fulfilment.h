/*-------------------------------------------------------------------------
 *
 * fulfilment.h
 *	  Judging one outcome against one target, exactly: the fulfilment
 *	  percent, whether the target is met, and the status band.
 *
 * The per-row functions (fulfilment.c) and the roll-up aggregates
 * (rollup.c) share this core, so a metric counts the same everywhere.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_FULFILMENT_H
#define GOALMETRICS_FULFILMENT_H

#include "postgres.h"

#include "utils/numeric.h"

#include "pg_compat.h"
#include "settings.h"
#include "target.h"

#include "visibility.h"

GM_INTERNAL_BEGIN

/*
 * Status bands, in the order of the SQL enum goalmetrics.status (fixed:
 * the enum's labels and order never change once released).
 */
typedef enum GmStatus
{
	GM_STATUS_FULFILLED = 0,
	GM_STATUS_PARTLY = 1,
	GM_STATUS_NOT_FULFILLED = 2,
	GM_STATUS_NOT_FOLLOWED_UP = 3
} GmStatus;

#define GM_STATUS_COUNT 4

/*
 * Capped fulfilment percents are fixed-point integers in units of 1e-15
 * percent: 100 % is 10^17, which fits int64 with room for sums in int128.
 */
#define GM_PCT_SCALE 15
#define GM_PCT_ONE   INT64CONST(1000000000000000) /* 1 % */
#define GM_PCT_100   (100 * GM_PCT_ONE)

/* A micro-percent threshold (settings.h) in GM_PCT units */
#define GM_MICRO_TO_PCT(m) ((int64)(m)*INT64CONST(1000000000))

/*
 * The score of one outcome against one target.  pct is the capped
 * fulfilment truncated toward zero; inexact says the exact value lies a
 * little above pct (the division left a remainder), so that every band
 * edge, being a multiple of the unit, is decided exactly:
 *	 exact > edge  <=>  pct > edge || (pct == edge && inexact)
 *	 exact >= edge <=>  pct >= edge
 */
typedef struct GmScore
{
	bool  followed_up; /* false: outcome was NULL; nothing else set */
	bool  met;         /* the target's comparator holds */
	bool  inexact;
	int64 pct; /* 0 .. GM_PCT_100 */
} GmScore;

/*
 * Score a numeric outcome (NaN and infinities raise an error, 22023).
 * Allocates nothing on the common path: outcome and target fit 36 digits
 * at their common scale (any outcome of up to 21 digits does).  outcome may
 * be a packed datum with a 1-byte varlena header, as read from a tuple
 * ((Numeric) DatumGetPointer(d)); it is read in place, so there is no need
 * to detoast or copy it first.
 */
extern void gm_score_numeric(Numeric outcome, const GmTarget *target,
							 GmScore *out);

/*
 * Raise the error for an outcome that is NaN or infinite (22023), with the
 * value as text ("NaN", "Infinity", "-Infinity").  Shared by every function
 * that reads outcomes, so they all report it alike.
 */
extern pg_noreturn void gm_outcome_not_finite(const char *value);

/*
 * coef * 10^-scale as a numeric of display scale "scale" (0..18), built
 * without going through text.
 */
extern Datum gm_numeric_from_scaled(int64 coef, int scale);

/* The band of a score under thresholds (settings.h). */
extern GmStatus gm_status_of_score(const GmScore      *score,
								   const GmThresholds *th);

/*
 * Exact decimal view of a numeric, read from its on-disk digits without
 * numeric arithmetic or allocation: value = *coef * 10^-(*scale), |coef| <
 * 10^38, *scale >= 0.  The scale is the display scale when the coefficient
 * fits there (81.90 gives 8190, 2), else the smallest exact one (81.9 with
 * 60 trailing zeros gives 819, 1).  Returns false for NaN, infinities, or
 * values that do not fit in 38 digits (callers then take a numeric slow
 * path or raise an error).  num may be a packed (1-byte header) datum.
 */
extern bool gm_numeric_to_int128(Numeric num, int128 *coef, int *scale);

/* Build the power-of-ten tables of the exact arithmetic; from _PG_init. */
extern void gm_fulfilment_init(void);

/* The enum OID for a status, looked up by label once per backend. */
extern Datum    gm_status_datum(GmStatus status);
extern GmStatus gm_status_from_datum(Datum d);

GM_INTERNAL_END

#endif /* GOALMETRICS_FULFILMENT_H */
