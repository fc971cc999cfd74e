/*-------------------------------------------------------------------------
 *
 * status.h
 *	  The status bands: the one function that decides a band, the SQL enum
 *	  goalmetrics.status and its labels, colours and symbols.
 *
 * Layer 4 of src/README.md, beside scoring (fulfilment.h): status(),
 * status(percent) and the roll-ups each compare their value with the two
 * thresholds in their own exact arithmetic, and gm_band decides.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_STATUS_H
#define GOALMETRICS_STATUS_H

#include "postgres.h"

#include "settings.h"

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
 * The band of a followed-up value under thresholds th (doc/fulfilment.md,
 * "Status"), from the caller's exact answers to three questions:
 *	 met			   the target is met (a roll-up: it reaches fulfilled_at
 *					   and every part that counts is met);
 *	 reaches_fulfilled the value is at or above fulfilled_at;
 *	 above_partly	   the value is above partly_above.
 * Met is fulfilled.  fulfilled_at below 100 % is a tolerance: reaching it
 * is fulfilled too; at 100 % only met is.  Else above partly_above is
 * partly, and anything lower not fulfilled.  Inline: status() decides a
 * band per row.
 */
static inline GmStatus
gm_band(bool met, bool reaches_fulfilled, bool above_partly,
		const GmThresholds *th)
{
	if (met)
		return GM_STATUS_FULFILLED;
	if (reaches_fulfilled && th->fulfilled_at < 100 * GM_MICRO)
		return GM_STATUS_FULFILLED;
	if (above_partly)
		return GM_STATUS_PARTLY;
	return GM_STATUS_NOT_FULFILLED;
}

/*
 * The OIDs of goalmetrics.status and its labels, looked up by name once
 * and kept until pg_type or pg_enum says the type changed (status.c).
 */
typedef struct GmStatusCache
{
	bool   valid;
	bool   callbacks;
	Oid    type;
	uint32 type_hash;
	Oid    labels[GM_STATUS_COUNT];
	uint32 label_hash[GM_STATUS_COUNT];
} GmStatusCache;

extern GmStatusCache gm_status_cache;
extern Datum         gm_status_datum_load(GmStatus status);
extern GmStatus      gm_status_from_datum(Datum d);

/* The enum value of a status; inline: status() returns one per row. */
static inline Datum
gm_status_datum(GmStatus status)
{
	Assert(status >= 0 && status < GM_STATUS_COUNT);
	if (likely(gm_status_cache.valid))
		return ObjectIdGetDatum(gm_status_cache.labels[status]);
	return gm_status_datum_load(status);
}

GM_INTERNAL_END

#endif /* GOALMETRICS_STATUS_H */
