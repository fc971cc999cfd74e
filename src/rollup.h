/*-------------------------------------------------------------------------
 *
 * rollup.h
 *	  The roll-up aggregates: their fixed-size transition state type
 *	  goalmetrics.rollup_state.
 *
 * Layer 5 of src/README.md.  Both aggregate states (this one and
 * trend_state, trend.h) are real SQL base types (not internal), fixed-size and
 * aligned to double, with canonical text and binary forms that round-trip
 * exactly and are validated strictly on input, so that an engine that ships
 * partial aggregate states between servers as values (Citus) can split the
 * aggregates.  doc/rollup.md describes the layouts and the text forms.
 *
 * 128-bit sums are stored as two 64-bit halves: the types are aligned to 8
 * bytes only, so an int128 member could be misaligned.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_ROLLUP_H
#define GOALMETRICS_ROLLUP_H

#include "postgres.h"

#include "fulfilment.h"
#include "numeric_io.h"
#include "target.h"

#include "visibility.h"

GM_INTERNAL_BEGIN

/* Format version, first in the text and binary forms; never reuse. */
#define GM_ROLLUP_STATE_VERSION 1

/* rollup_state.level */
#define GM_LEVEL_EMPTY   0 /* no input yet (the INITCOND) */
#define GM_LEVEL_METRICS 1 /* rollup(outcome, target [, weight]) */
#define GM_LEVEL_ROLLUPS 2 /* rollup(rollup_result) */

/*
 * Weights are exact decimals in millionths: weight 1 is 10^6 units, the
 * largest weight (10^6) is 10^12 units.
 */
#define GM_WEIGHT_SCALE 6
#define GM_WEIGHT_ONE   INT64CONST(1000000)
#define GM_WEIGHT_MAX   INT64CONST(1000000000000)

/*
 * A roll-up's fulfilment is shown rounded half up to this many decimals,
 * trailing zeros trimmed ("90", "90.666666666667"); a metric's fulfilment
 * (fulfilment()) shows every one of its GM_PCT_SCALE decimals.
 */
#define GM_ROLLUP_DECIMALS 12

/*
 * Precision contract: a roll-up value within this many GM_PCT units
 * (1e-9 percentage points) of a band edge counts as on the edge.
 */
#define GM_EDGE_TOLERANCE INT64CONST(1000000)

/*
 * goalmetrics.rollup_state: 112 bytes.  The counts are of metrics (summed
 * through the levels); parts counts inputs.  "Valued" parts are those that
 * take part in the value: followed up, and with a positive weight.  Counts
 * are int32, as in rollup_result: a roll-up of more than 2^31 - 1 parts
 * raises "roll-up sums out of range" (22003) as soon as a count would
 * exceed it.  Small, so that a hash aggregate's per-group states stay
 * within two cache lines' worth of data and memory.
 */
typedef struct GmRollupState
{
	uint8    version;      /* GM_ROLLUP_STATE_VERSION */
	uint8    level;        /* GM_LEVEL_* */
	uint8    method;       /* GM_METHOD_FROM_SETTING or 1 + GmRollupMethod */
	uint8    reserved;     /* zero */
	int32    partly_above; /* thresholds (millionths of a percent) */
	int32    fulfilled_at; /* the counts were made with; 0 when empty */
	int32    parts;        /* inputs rolled up */
	int32    metrics;      /* metrics, summed through the levels */
	int32    count[GM_STATUS_COUNT]; /* metrics by status (GmStatus order) */
	int32    valued;                 /* parts that take part in the value */
	int32    valued_met;   /* of those: target met / roll-up fulfilled */
	int32    worst_n;      /* valued parts at worst */
	int32    worst_exact;  /* of those, the ones whose pct is exact */
	int32    reserved2;    /* zero */
	int64    worst;        /* lowest pct among valued parts */
	GmInt128 weight;       /* sum of weights of valued parts */
	GmInt128 weighted_pct; /* sum of weight * pct */
	GmInt128 weighted_met; /* sum of weights of met valued parts */
} GmRollupState;

#define GM_ROLLUP_STATE_SIZE 112

/*
 * rollup_state.method: the aggregates without rule arguments leave it 0
 * and their final function applies goalmetrics.rollup_method; the ones with
 * rule arguments (rollup(..., partly_above, fulfilled_at, method)) record
 * 1 + the method with the thresholds on their first input, so that the
 * state alone decides the result wherever it is finished.
 */
#define GM_METHOD_FROM_SETTING 0
#define GM_METHOD_MAX          3 /* 1 + GM_ROLLUP_SHARE_MET */

/*
 * Check every invariant of a roll-up state (rollup_state.c): NULL when the
 * state is consistent, else what is wrong.
 */
extern const char *gm_rollup_state_problem(const GmRollupState *s);

/*
 * The empty state's canonical text (rollup_state_out of an all-zero state
 * of this version): the aggregates' INITCOND, put into the install script
 * by the Makefile (src/sql/constants.sh).
 */
#define GM_ROLLUP_STATE_EMPTY                                                                       \
	"v=" CppAsString2(                                                                              \
		GM_ROLLUP_STATE_VERSION) " level=0 partly_above=0 "                                         \
								 "fulfilled_at=0 method=0 parts=0 metrics=0 fulfilled=0 partly=0 "  \
								 "not_fulfilled=0 not_followed_up=0 valued=0 valued_met=0 worst=0 " \
								 "worst_n=0 worst_exact=0 weight=0 weighted_pct=0 weighted_met=0"

GM_INTERNAL_END

#endif /* GOALMETRICS_ROLLUP_H */
