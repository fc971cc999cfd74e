/*-------------------------------------------------------------------------
 *
 * metric_target.h
 *	  The metric_target SQL type: a varlena whose payload is the packed
 *	  target of target.h (see doc/metric_target.md, "Storage").
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_METRIC_TARGET_H
#define GOALMETRICS_METRIC_TARGET_H

#include "postgres.h"

#include "fmgr.h"

#include "pg_compat.h"
#include "target.h"

#include "visibility.h"

GM_INTERNAL_BEGIN

/*
 * Unpack a metric_target datum into *out.  Reads the short (1-byte header)
 * varlena in place; allocates only if the value was toasted, which values
 * of at most GM_MAX_ENCODED bytes never are.  Corrupt bytes raise
 * ERRCODE_DATA_CORRUPTED.
 */
extern void metric_target_unpack(Datum datum, GmTarget *out);
extern void metric_target_unpack_rule(Datum datum, GmTarget *out);

/* Pack a valid target into a new varlena in CurrentMemoryContext. */
extern Datum metric_target_pack(const GmTarget *t);

#define PG_GETARG_METRIC_TARGET(n, out) \
	metric_target_unpack(PG_GETARG_DATUM(n), (out))

/*
 * Text between the server and the pure module, shared with outcome_io.c:
 * the SQLSTATE of an error class; the input as an error message quotes
 * it; server encoding to UTF-8 and back; UTF-8 in NFC (*len updated).
 */
extern int         gm_error_sqlstate(GmErrorCode code);
extern char       *gm_quotable_input(const char *input, size_t len);
extern const char *gm_server_to_utf8(const char *s, size_t len);
extern char       *gm_utf8_to_server(const char *s, size_t len);
extern const char *gm_utf8_nfc(const char *s, size_t *len);

GM_INTERNAL_END

#endif /* GOALMETRICS_METRIC_TARGET_H */
