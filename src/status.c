/*-------------------------------------------------------------------------
 *
 * status.c
 *	  The status bands: the SQL enum goalmetrics.status (its OIDs, cached),
 *	  status(percent), and the labels, colours and symbols of the bands.
 *
 * The one band decision, gm_band, is inline in status.h; scoring an
 * outcome against a target is in fulfilment.c, rolling up in rollup.c.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/syscache.h"

#include "encoding.h"
#include "numeric_io.h"
#include "settings.h"
#include "status.h"

/* ----------------------------------------------------------------------
 * The status enum
 *
 * The OIDs of goalmetrics.status and its labels, looked up by name once
 * and kept until pg_type or pg_enum says the type changed (DROP EXTENSION
 * and CREATE EXTENSION in the same session give new OIDs).
 * ----------------------------------------------------------------------
 */

static const char *const status_names[GM_STATUS_COUNT] = {
	"fulfilled", "partly", "not_fulfilled", "not_followed_up"
};

GmStatusCache gm_status_cache;

/*
 * Syscache invalidation: forget the OIDs when the type or one of its
 * labels changes, or on a full reset (hashvalue 0).
 */
static void
status_cache_invalidate(Datum arg, int cacheid, uint32 hashvalue)
{
	(void)arg;
	if (!gm_status_cache.valid)
		return;
	if (hashvalue == 0)
		gm_status_cache.valid = false;
	else if (cacheid == TYPEOID)
	{
		if (hashvalue == gm_status_cache.type_hash)
			gm_status_cache.valid = false;
	}
	else
	{
		for (int i = 0; i < GM_STATUS_COUNT; i++)
			if (hashvalue == gm_status_cache.label_hash[i])
				gm_status_cache.valid = false;
	}
}

static void
status_cache_load(void)
{
	Oid nsp;
	Oid type;

	if (!gm_status_cache.callbacks)
	{
		CacheRegisterSyscacheCallback(TYPEOID, status_cache_invalidate,
									  (Datum)0);
		CacheRegisterSyscacheCallback(ENUMOID, status_cache_invalidate,
									  (Datum)0);
		gm_status_cache.callbacks = true;
	}

	nsp = get_namespace_oid("goalmetrics", true);
	type = OidIsValid(nsp) ? GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
											 CStringGetDatum("status"),
											 ObjectIdGetDatum(nsp))
						   : InvalidOid;
	if (!OidIsValid(type))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type goalmetrics.status does not exist"),
				 errhint(
					 "Create the extension: CREATE EXTENSION goalmetrics.")));

	for (int i = 0; i < GM_STATUS_COUNT; i++)
	{
		Oid label = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
									ObjectIdGetDatum(type),
									CStringGetDatum(status_names[i]));

		if (!OidIsValid(label))
			ereport(ERROR, (errcode(ERRCODE_UNDEFINED_OBJECT),
							errmsg("goalmetrics.status has no label \"%s\"",
								   status_names[i]),
							errhint("Reinstall the extension goalmetrics.")));
		gm_status_cache.labels[i] = label;
		gm_status_cache.label_hash[i] =
			GetSysCacheHashValue1(ENUMOID, ObjectIdGetDatum(label));
	}
	gm_status_cache.type = type;
	gm_status_cache.type_hash =
		GetSysCacheHashValue1(TYPEOID, ObjectIdGetDatum(type));
	gm_status_cache.valid = true;
}

/* The label's OID after a (re)load of the cache (status.h) */
Datum
gm_status_datum_load(GmStatus status)
{
	Assert(status >= 0 && status < GM_STATUS_COUNT);
	status_cache_load();
	return ObjectIdGetDatum(gm_status_cache.labels[status]);
}

GmStatus
gm_status_from_datum(Datum d)
{
	Oid oid = DatumGetObjectId(d);

	for (int attempt = 0; attempt < 2; attempt++)
	{
		if (!gm_status_cache.valid)
			status_cache_load();
		for (int i = 0; i < GM_STATUS_COUNT; i++)
			if (gm_status_cache.labels[i] == oid)
				return (GmStatus)i;
		gm_status_cache.valid = false;
	}
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("%u is not a value of goalmetrics.status", oid)));
	pg_unreachable();
}

/* ----------------------------------------------------------------------
 * status(percent)
 * ----------------------------------------------------------------------
 */

/*
 * sign(pct - micro / 10^6) for a finite numeric percent, exactly: pct in
 * millionths, truncated, and the sign of what that cut off.
 */
static int
percent_cmp_micro(const GmNumView *v, int64 micro)
{
	int128 units;
	int    dropped;

	if (gm_numeric_to_fixed(v, 6, &units, &dropped))
		return units != micro ? gm_sign_of(units - micro) : dropped;
	/* |pct| >= 10^32: beyond every threshold */
	return v->neg ? -1 : 1;
}

/*
 * status(fulfilment) and status(fulfilment, partly_above, fulfilled_at):
 * the band of a percent computed elsewhere.  Not STRICT: NULL is not
 * followed up.
 */
PG_FUNCTION_INFO_V1(gm_status_percent);
Datum
gm_status_percent(PG_FUNCTION_ARGS)
{
	GmThresholds th;
	GmNumView    v;
	int          cmp_fulfilled;
	bool explicit = PG_NARGS() == 3;

	if (explicit && (PG_ARGISNULL(1) || PG_ARGISNULL(2)))
		PG_RETURN_NULL();
	if (explicit)
		gm_thresholds_from_numeric(PG_GETARG_DATUM(1), PG_GETARG_DATUM(2),
								   &th);
	else
		gm_thresholds_from_settings(&th);

	if (PG_ARGISNULL(0))
		PG_RETURN_DATUM(gm_status_datum(GM_STATUS_NOT_FOLLOWED_UP));

	/* read in place, also a packed (1-byte header) datum */
	gm_numeric_view((Numeric)DatumGetPointer(PG_GETARG_DATUM(0)), &v);
	if (v.kind != GM_NUM_FINITE)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("fulfilment must be a finite number, not \"%s\"",
						v.kind == GM_NUM_NAN    ? "NaN"
						: v.kind == GM_NUM_PINF ? "Infinity"
												: "-Infinity")));

	cmp_fulfilled = percent_cmp_micro(&v, th.fulfilled_at);
	PG_RETURN_DATUM(gm_status_datum(
		gm_band(cmp_fulfilled >= 0, cmp_fulfilled >= 0,
				percent_cmp_micro(&v, th.partly_above) > 0, &th)));
}

/* ----------------------------------------------------------------------
 * Labels, colours and symbols
 *
 * Written in UTF-8, each with a stand-in in characters that every encoding
 * the extension installs in has (00_extension.sql): the text itself where
 * the database encoding has all its characters, else the stand-in
 * (doc/fulfilment.md, "Labels in other encodings").
 * ----------------------------------------------------------------------
 */

static const char *const label_sv[GM_STATUS_COUNT] = {
	"Uppfyllelse 100 procent", "Uppfyllelse 91–99 procent",
	"Uppfyllelse 90 procent eller lägre", "Uppföljning är inte genomförd"
};

static const char *const label_en[GM_STATUS_COUNT] = {
	"Fulfilled (100 %)", "Partly fulfilled (91–99 %)",
	"Not fulfilled (90 % or lower)", "Not followed up"
};

/* The en dash of the partly band as a hyphen, for LATIN1 and LATIN9 */
static const char *const label_sv_standin[GM_STATUS_COUNT] = {
	NULL, "Uppfyllelse 91-99 procent", NULL, NULL
};

static const char *const label_en_standin[GM_STATUS_COUNT] = {
	NULL, "Partly fulfilled (91-99 %)", NULL, NULL
};

/* Green, yellow, red, grey: the report's legend, readable on white */
static const char *const status_colours[GM_STATUS_COUNT] = {
	"#2E7D32", "#F9A825", "#C62828", "#9E9E9E"
};

/* Told apart by shape as well as colour: check, half, cross, empty */
static const char *const status_symbols[GM_STATUS_COUNT] = { "✓", "◐", "✗",
															 "○" };

/* ... and in ASCII: plus, tilde, x, o */
static const char *const status_symbols_standin[GM_STATUS_COUNT] = { "+", "~",
																	 "x",
																	 "o" };

PG_FUNCTION_INFO_V1(gm_status_label);
PG_FUNCTION_INFO_V1(gm_status_colour);
PG_FUNCTION_INFO_V1(gm_status_symbol);

/*
 * status_label(status, lang): the report's legend text, 'sv' or 'en'.
 */
Datum
gm_status_label(PG_FUNCTION_ARGS)
{
	GmStatus    st = gm_status_from_datum(PG_GETARG_DATUM(0));
	text       *lang = PG_GETARG_TEXT_PP(1);
	const char *l = VARDATA_ANY(lang);
	int         len = VARSIZE_ANY_EXHDR(lang);

	if (len == 2 && pg_strncasecmp(l, "sv", 2) == 0)
		PG_RETURN_TEXT_P(gm_utf8_text(label_sv[st], label_sv_standin[st]));
	if (len == 2 && pg_strncasecmp(l, "en", 2) == 0)
		PG_RETURN_TEXT_P(gm_utf8_text(label_en[st], label_en_standin[st]));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown language \"%s\" for status labels",
					text_to_cstring(lang)),
			 errhint("Use 'sv' (Swedish, the default) or 'en' (English).")));
	pg_unreachable();
}

/*
 * status_colour(status): a hex colour.
 */
Datum
gm_status_colour(PG_FUNCTION_ARGS)
{
	GmStatus st = gm_status_from_datum(PG_GETARG_DATUM(0));

	PG_RETURN_TEXT_P(gm_utf8_text(status_colours[st], NULL));
}

/*
 * status_symbol(status): one character that tells the bands apart
 * without colour.
 */
Datum
gm_status_symbol(PG_FUNCTION_ARGS)
{
	GmStatus st = gm_status_from_datum(PG_GETARG_DATUM(0));

	PG_RETURN_TEXT_P(
		gm_utf8_text(status_symbols[st], status_symbols_standin[st]));
}
