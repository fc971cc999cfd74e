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
 * The extension's enums (status_band here, trend_direction in trend.c)
 *
 * The OIDs of an enum type and its labels, looked up by name once and kept
 * until pg_type or pg_enum says the type changed (DROP EXTENSION and CREATE
 * EXTENSION in the same session give new OIDs).
 * ----------------------------------------------------------------------
 */

static const char *const status_names[GM_STATUS_COUNT] = {
	"fulfilled", "partly", "not_fulfilled", "not_followed_up"
};

GmEnumCache gm_status_cache = { .type_name = "status_band",
								.names = status_names,
								.count = GM_STATUS_COUNT };

/*
 * Syscache invalidation: forget the OIDs when the type or one of its
 * labels changes, or on a full reset (hashvalue 0).
 */
static void
enum_cache_invalidate(Datum arg, int cacheid, uint32 hashvalue)
{
	GmEnumCache *c = (GmEnumCache *)DatumGetPointer(arg);

	if (!c->valid)
		return;
	if (hashvalue == 0)
		c->valid = false;
	else if (cacheid == TYPEOID)
	{
		if (hashvalue == c->type_hash)
			c->valid = false;
	}
	else
	{
		for (int i = 0; i < c->count; i++)
			if (hashvalue == c->label_hash[i])
				c->valid = false;
	}
}

static void
enum_cache_load(GmEnumCache *c)
{
	Oid nsp;
	Oid type;

	Assert(c->count <= GM_ENUM_MAX_LABELS);
	if (!c->callbacks)
	{
		CacheRegisterSyscacheCallback(TYPEOID, enum_cache_invalidate,
									  PointerGetDatum(c));
		CacheRegisterSyscacheCallback(ENUMOID, enum_cache_invalidate,
									  PointerGetDatum(c));
		c->callbacks = true;
	}

	nsp = get_namespace_oid("goalmetrics", true);
	type = OidIsValid(nsp) ? GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
											 CStringGetDatum(c->type_name),
											 ObjectIdGetDatum(nsp))
						   : InvalidOid;
	if (!OidIsValid(type))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("type goalmetrics.%s does not exist", c->type_name),
				 errhint(
					 "Create the extension: CREATE EXTENSION goalmetrics.")));

	for (int i = 0; i < c->count; i++)
	{
		Oid label = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
									ObjectIdGetDatum(type),
									CStringGetDatum(c->names[i]));

		if (!OidIsValid(label))
			ereport(ERROR, (errcode(ERRCODE_UNDEFINED_OBJECT),
							errmsg("goalmetrics.%s has no label \"%s\"",
								   c->type_name, c->names[i]),
							errhint("Reinstall the extension goalmetrics.")));
		c->labels[i] = label;
		c->label_hash[i] =
			GetSysCacheHashValue1(ENUMOID, ObjectIdGetDatum(label));
	}
	c->type = type;
	c->type_hash = GetSysCacheHashValue1(TYPEOID, ObjectIdGetDatum(type));
	c->valid = true;
}

Datum
gm_enum_datum(GmEnumCache *c, int i)
{
	Assert(i >= 0 && i < c->count);
	if (unlikely(!c->valid))
		enum_cache_load(c);
	return ObjectIdGetDatum(c->labels[i]);
}

int
gm_enum_index(GmEnumCache *c, Datum d)
{
	Oid oid = DatumGetObjectId(d);

	for (int attempt = 0; attempt < 2; attempt++)
	{
		if (!c->valid)
			enum_cache_load(c);
		for (int i = 0; i < c->count; i++)
			if (c->labels[i] == oid)
				return i;
		c->valid = false;
	}
	ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					errmsg("%u is not a value of goalmetrics.%s", oid,
						   c->type_name)));
	pg_unreachable();
}

/* The label's OID after a (re)load of the cache (status.h) */
Datum
gm_status_datum_load(GmStatus status)
{
	return gm_enum_datum(&gm_status_cache, status);
}

GmStatus
gm_status_from_datum(Datum d)
{
	return (GmStatus)gm_enum_index(&gm_status_cache, d);
}

/* ----------------------------------------------------------------------
 * status_of_percent(percent)
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
 * status_of_percent(percent [, partly_above, fulfilled_at]): the band of a
 * percent computed elsewhere.  Not STRICT: NULL is not followed up.
 */
PG_FUNCTION_INFO_V1(gm_status_of_percent);
Datum
gm_status_of_percent(PG_FUNCTION_ARGS)
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
 * A threshold in a label: its shortest decimal, with a decimal comma in
 * Swedish (90,5).
 */
static char *
label_percent(int64 micro, bool sv)
{
	char *p = gm_format_micro(micro);

	if (sv)
		for (char *c = p; *c; c++)
			if (*c == '.')
				*c = ',';
	return p;
}

/*
 * The legend text of a band under thresholds, in UTF-8 (dash "–") or,
 * with dash "-", its stand-in.  The report writes whole percents: with
 * whole thresholds 90 and 100 the partly band is "91–99"; with others it
 * names its edges ("över 90,5 och under 100").
 */
static char *
label_text(GmStatus st, bool sv, const GmThresholds *th, const char *dash)
{
	const int64 one = GM_MICRO;
	char       *p = label_percent(th->partly_above, sv);
	char       *f = label_percent(th->fulfilled_at, sv);

	switch (st)
	{
		case GM_STATUS_FULFILLED:
			if (th->fulfilled_at == 100 * one)
				return pstrdup(sv ? "Uppfyllelse 100 procent"
								  : "Fulfilled (100 %)");
			return psprintf(sv ? "Uppfyllelse %s%s100 procent"
							   : "Fulfilled (%s%s100 %%)",
							f, dash);
		case GM_STATUS_PARTLY:
			if (th->partly_above % one == 0 && th->fulfilled_at % one == 0 &&
				th->fulfilled_at - th->partly_above >= 2 * one)
			{
				int64 lo = th->partly_above / one + 1;
				int64 hi = th->fulfilled_at / one - 1;

				if (lo == hi)
					return psprintf(sv ? "Uppfyllelse " INT64_FORMAT " procent"
									   : "Partly fulfilled (" INT64_FORMAT
										 " %%)",
									lo);
				return psprintf(sv ? "Uppfyllelse " INT64_FORMAT
									 "%s" INT64_FORMAT " procent"
								   : "Partly fulfilled (" INT64_FORMAT
									 "%s" INT64_FORMAT " %%)",
								lo, dash, hi);
			}
			return psprintf(
				sv ? "Uppfyllelse över %s och under %s procent"
				   : "Partly fulfilled (above %s %% and below %s %%)",
				p, f);
		case GM_STATUS_NOT_FULFILLED:
			return psprintf(sv ? "Uppfyllelse %s procent eller lägre"
							   : "Not fulfilled (%s %% or lower)",
							p);
		case GM_STATUS_NOT_FOLLOWED_UP:
		default:
			return pstrdup(sv ? "Uppföljning är inte genomförd"
							  : "Not followed up");
	}
}

/*
 * status_label(status, lang [, partly_above, fulfilled_at]): the report's
 * legend text, 'sv' or 'en', of the bands under the settings (STABLE) or
 * under explicit thresholds (IMMUTABLE).
 */
Datum
gm_status_label(PG_FUNCTION_ARGS)
{
	GmStatus     st = gm_status_from_datum(PG_GETARG_DATUM(0));
	text        *lang = PG_GETARG_TEXT_PP(1);
	const char  *l = VARDATA_ANY(lang);
	int          len = VARSIZE_ANY_EXHDR(lang);
	GmThresholds th;
	bool         sv;

	if (len == 2 && pg_strncasecmp(l, "sv", 2) == 0)
		sv = true;
	else if (len == 2 && pg_strncasecmp(l, "en", 2) == 0)
		sv = false;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown language \"%s\" for status labels",
						text_to_cstring(lang)),
				 errhint(
					 "Use 'sv' (Swedish, the default) or 'en' (English).")));
	if (PG_NARGS() == 4)
		gm_thresholds_from_numeric(PG_GETARG_DATUM(2), PG_GETARG_DATUM(3),
								   &th);
	else
		gm_thresholds_from_settings(&th);
	PG_RETURN_TEXT_P(gm_utf8_text(label_text(st, sv, &th, "\u2013"),
								  label_text(st, sv, &th, "-")));
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
