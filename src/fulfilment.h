/*-------------------------------------------------------------------------
 *
 * fulfilment.h
 *	  Judging one outcome against one target, exactly: the fulfilment
 *	  percent, whether the target is met, and the status band.
 *
 * The per-row functions (fulfilment.c) and the roll-up aggregates
 * (rollup.c) share this core, so a metric counts the same everywhere.
 * Layer 4 of src/README.md, beside the bands (status.h).
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_FULFILMENT_H
#define GOALMETRICS_FULFILMENT_H

#include "postgres.h"

#include "utils/numeric.h"

#include "pg_compat.h"
#include "settings.h"
#include "status.h"
#include "target.h"

#include "visibility.h"

GM_INTERNAL_BEGIN

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

/* The band of a score under thresholds (settings.h), by gm_band. */
extern GmStatus gm_status_of_score(const GmScore      *score,
								   const GmThresholds *th);

GM_INTERNAL_END

#endif /* GOALMETRICS_FULFILMENT_H */
