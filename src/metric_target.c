/*-------------------------------------------------------------------------
 *
 * metric_target.c
 *	  The metric_target SQL type: text and binary I/O, comparison and hash
 *	  support, accessors and constructors.
 *
 * All the grammar, formatting and validation lives in the pure module
 * (target.h); this file only moves values between it and the server and
 * turns its error classes into SQLSTATEs.
 *
 * Storage: a varlena (1-byte header when stored, and short varlenas are
 * stored unaligned, so no padding) whose payload is the packed form of
 * target_codec.c.  "Minst
 * 65 %" takes 5 bytes on disk.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/hash.h"
#include "common/unicode_norm.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/sortsupport.h"

#include "encoding.h"
#include "metric_target.h"
#include "numeric_io.h"

/* The first byte of the binary (send/recv) form */
#define METRIC_TARGET_BINARY_VERSION 1

/* How much of a bad input an error message quotes, in bytes */
#define ERROR_QUOTE_BYTES 100

PG_FUNCTION_INFO_V1(metric_target_in);
PG_FUNCTION_INFO_V1(metric_target_out);
PG_FUNCTION_INFO_V1(metric_target_recv);
PG_FUNCTION_INFO_V1(metric_target_send);
PG_FUNCTION_INFO_V1(try_metric_target);

PG_FUNCTION_INFO_V1(metric_target_eq);
PG_FUNCTION_INFO_V1(metric_target_ne);
PG_FUNCTION_INFO_V1(metric_target_lt);
PG_FUNCTION_INFO_V1(metric_target_le);
PG_FUNCTION_INFO_V1(metric_target_gt);
PG_FUNCTION_INFO_V1(metric_target_ge);
PG_FUNCTION_INFO_V1(metric_target_cmp);
PG_FUNCTION_INFO_V1(metric_target_hash);
PG_FUNCTION_INFO_V1(metric_target_hash_extended);
PG_FUNCTION_INFO_V1(metric_target_sortsupport);

PG_FUNCTION_INFO_V1(metric_target_format);
PG_FUNCTION_INFO_V1(metric_target_comparator);
PG_FUNCTION_INFO_V1(metric_target_value);
PG_FUNCTION_INFO_V1(metric_target_upper);
PG_FUNCTION_INFO_V1(metric_target_baseline);
PG_FUNCTION_INFO_V1(metric_target_unit);
PG_FUNCTION_INFO_V1(metric_target_higher_is_better);
PG_FUNCTION_INFO_V1(metric_target_is_bare);
PG_FUNCTION_INFO_V1(metric_target_qualifier);
PG_FUNCTION_INFO_V1(metric_target_start_year);
PG_FUNCTION_INFO_V1(metric_target_end_year);
PG_FUNCTION_INFO_V1(metric_target_for_year);

PG_FUNCTION_INFO_V1(metric_target_make);
PG_FUNCTION_INFO_V1(metric_target_make_range);
PG_FUNCTION_INFO_V1(metric_target_with_comparator);

/*
 * The SQLSTATE of each error class of the pure module; doc/metric_target.md
 * has the same table.
 */
int
gm_error_sqlstate(GmErrorCode code)
{
	switch (code)
	{
		case GM_ERR_TOO_MANY_DIGITS:
		case GM_ERR_SCALE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case GM_ERR_UNIT_TOO_LONG:
			return ERRCODE_STRING_DATA_RIGHT_TRUNCATION;
		case GM_ERR_ENCODING:
			return ERRCODE_CHARACTER_NOT_IN_REPERTOIRE;
		case GM_ERR_BINARY:
			return ERRCODE_INVALID_BINARY_REPRESENTATION;
		default:
			return ERRCODE_INVALID_TEXT_REPRESENTATION;
	}
}

/*
 * The input as an error message quotes it: valid UTF-8 only (the message
 * must itself be valid), and at most ERROR_QUOTE_CHARS characters, so that
 * a megabyte of digits does not become a megabyte of log.
 */
char *
gm_quotable_input(const char *input, size_t len)
{
	int   ilen = (int)Min(len, (size_t)(MaxAllocSize / 2));
	int   cut;
	char *quoted;

	if (pg_encoding_verifymbstr(PG_UTF8, input, ilen) != ilen)
		return pstrdup("(invalid UTF-8)");

	cut = pg_encoding_mbcliplen(PG_UTF8, input, ilen,
								Min(ilen, ERROR_QUOTE_BYTES));
	quoted = pnstrdup(input, cut);
	/* control characters would garble the message: show them as '?' */
	for (char *p = quoted; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return quoted;
}

/*
 * The pure module speaks UTF-8; a database in another encoding converts
 * at the boundary (SQL_ASCII bytes pass through unchanged).
 */
const char *
gm_server_to_utf8(const char *s, size_t len)
{
	/*
	 * SQL_ASCII bytes are taken as they are: the parser checks UTF-8 itself
	 * and reports it softly (try_metric_target gives NULL), where the
	 * server's own check would raise a hard error first.
	 */
	if (GetDatabaseEncoding() == PG_SQL_ASCII)
		return s;
	return (const char *)pg_server_to_any(s, (int)len, PG_UTF8);
}

char *
gm_utf8_to_server(const char *s, size_t len)
{
	return (char *)pg_any_to_server(s, (int)len, PG_UTF8);
}

/*
 * UTF-8 text in Unicode normalisation form NFC, with PostgreSQL's own
 * tables: units and names compare byte for byte, so a decomposed
 * "vårddygn" (a, combining ring) must become the precomposed one.  Text
 * whose code points are all below U+0300 (every byte below 0xCC) is in NFC
 * already, which is nearly all text: it is returned as it is, and so is
 * invalid UTF-8, which the parser reports.  *len is updated.
 */
const char *
gm_utf8_nfc(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t               n = *len;
	size_t               chars = 0;
	pg_wchar            *wide;
	pg_wchar            *nfc;
	unsigned char       *out;
	size_t               i;
	size_t               k;

	for (i = 0; i < n && p[i] < 0xCC; i++)
		;
	if (i == n || n > (size_t)(MaxAllocSize / (4 * sizeof(pg_wchar))) ||
		pg_encoding_verifymbstr(PG_UTF8, s, (int)n) != (int)n)
		return s;

	wide = palloc((n + 1) * sizeof(pg_wchar));
	for (i = 0; i < n; i += pg_utf_mblen(p + i))
		wide[chars++] = utf8_to_unicode(p + i);
	wide[chars] = 0;
	nfc = unicode_normalize(UNICODE_NFC, wide);
	for (k = 0; nfc[k] != 0; k++)
		;
	out = palloc(4 * k + 1);
	for (i = 0, k = 0; nfc[k] != 0; k++)
	{
		unicode_to_utf8(nfc[k], out + i);
		i += pg_utf_mblen(out + i);
	}
	out[i] = '\0';
	pfree(wide);
	pfree(nfc);
	*len = i;
	return (const char *)out;
}

/*
 * The unit of a target received in binary, in NFC as text input makes it
 * (the text is normalised before it is parsed): the normalised unit is
 * checked again, since normalising may make it longer or turn a character
 * into one a unit may not hold.
 */
static bool
unit_to_nfc(GmTarget *t, GmError *err)
{
	size_t      len = t->unit_len;
	const char *nfc = gm_utf8_nfc(t->unit, &len);
	char        copy[GM_MAX_UNIT_LEN + 1];

	if (nfc == t->unit)
		return true;
	if (len > GM_MAX_UNIT_LEN)
	{
		err->code = GM_ERR_UNIT_TOO_LONG;
		err->pos = 0;
		snprintf(err->message, sizeof(err->message),
				 "the unit in NFC is %zu bytes, at most %d expected", len,
				 GM_MAX_UNIT_LEN);
		return false;
	}
	memcpy(copy, nfc, len + 1);
	return gm_target_set_unit(t, copy, len, t->unit_pos, err);
}

/*
 * The qualifier of a target received in binary, in NFC as text input
 * makes it; the target is checked again, since normalising may change the
 * qualifier's length or its words.
 */
static bool
qualifier_to_nfc(GmTarget *t, GmError *err)
{
	size_t      len = t->qual_len;
	const char *nfc = gm_utf8_nfc(t->qualifier, &len);

	if (nfc == t->qualifier)
		return true;
	if (len > GM_MAX_QUALIFIER_LEN)
	{
		err->code = GM_ERR_UNIT_TOO_LONG;
		err->pos = 0;
		snprintf(err->message, sizeof(err->message),
				 "the qualifier in NFC is %zu bytes, at most %d expected", len,
				 GM_MAX_QUALIFIER_LEN);
		return false;
	}
	memset(t->qualifier, 0, sizeof(t->qualifier));
	memcpy(t->qualifier, nfc, len);
	t->qual_len = (uint8_t)len;
	return gm_target_validate(t, err);
}

/* The hint for text that does not read as a target */
#define GENERIC_HINT \
	"Write an optional comparator (Minst, Högst, Över, Under, Exakt, at least, at most, >=, <=, >, <, =), a number, an optional unit and qualifier, e.g. \"Minst 65 %\", \"Minst 2 % av skatteintäkterna\"; or a range \"Mellan 95 och 105 %\", a change \"Öka från 70 % till 75 %\", or a direction \"Öka\", \"Minska\", \"Bibehålla\", \"Förbättra\".  A sentence such as \"Resultatet ska uppgå till minst 2 %\" reads too."

/*
 * Raise (or, on PostgreSQL 16+, save softly into escontext) the error for
 * an input the parser refused.  Returns only when saved softly.
 */
static void
report_parse_error(Node *escontext, const char *input, size_t len,
				   const GmError *err)
{
	int         sqlstate = gm_error_sqlstate(err->code);
	char       *quoted = gm_quotable_input(input, len);
	const char *what;
	const char *hint;

	if (sqlstate == ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE)
		what = "value out of range for type metric_target";
	else if (sqlstate == ERRCODE_STRING_DATA_RIGHT_TRUNCATION)
		what = "unit too long for type metric_target";
	else
		what = "invalid input syntax for type metric_target";

	if (err->code == GM_ERR_CONTROL_CHAR)
		hint =
			"Remove the control or invisible character (a zero-width space, a direction mark or a byte order mark is often copied along with text): it would make a target look like another one.";
	else if (err->code == GM_ERR_BAD_UNIT)
		hint =
			"Write \"%\" once, as a word of its own: \"Minst 65 %\", \"Minst 2 % per år\".";
	else if (err->code == GM_ERR_BAD_YEAR)
		hint =
			"Write a year from 1900 to 2199 after the value: \"Minst 85 % år 2019\", or both years of a glide path: \"Öka från 81 % år 2016 till 85 % år 2019\".";
	else if (err->suggestion[0] != '\0')
		hint = psprintf("Did you mean \"%s\"?  %s", err->suggestion,
						GENERIC_HINT);
	else
		hint = GENERIC_HINT;

#if PG_VERSION_NUM >= 160000
	errsave(escontext,
			(errcode(sqlstate),
			 errmsg("%s: \"%s\"%s", what, quoted,
					strlen(quoted) < len ? "..." : ""),
			 errdetail("%s.", gm_utf8_to_server_text(err->message, NULL)),
			 errhint("%s", gm_utf8_to_server_text(hint, NULL))));
#else
	(void)escontext;
	ereport(ERROR,
			(errcode(sqlstate),
			 errmsg("%s: \"%s\"%s", what, quoted,
					strlen(quoted) < len ? "..." : ""),
			 errdetail("%s.", gm_utf8_to_server_text(err->message, NULL)),
			 errhint("%s", gm_utf8_to_server_text(hint, NULL))));
#endif
}

/*
 * The packed bytes of a metric_target datum, read in place (stored values
 * have a 1-byte header); allocates only for a compressed or external
 * value, which values of at most GM_MAX_ENCODED bytes never are.
 */
static inline const uint8_t *
packed_bytes(Datum datum, size_t *len)
{
	struct varlena *v = (struct varlena *)DatumGetPointer(datum);

	if (VARATT_IS_EXTENDED(v) && !VARATT_IS_SHORT(v))
		v = pg_detoast_datum_packed(v);
	*len = VARSIZE_ANY_EXHDR(v);
	return (const uint8_t *)VARDATA_ANY(v);
}

static pg_noreturn void report_corrupt(const GmError *err);

static void
report_corrupt(const GmError *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("corrupt metric_target value"),
			 errdetail("%s.", gm_utf8_to_server_text(err->message, NULL))));
}

/*
 * Unpack a metric_target datum.  Stored values have a 1-byte header and
 * are read in place; nothing is allocated unless the value was compressed.
 *
 * Decoding validates every field, which costs more than the fulfilment
 * arithmetic itself, and a column of targets repeats a limited set of
 * values: a small direct-mapped cache keyed by the packed bytes keeps
 * decoded targets (decoding is a pure function of the bytes, so a hit is
 * exactly what decoding would give).
 */
#define UNPACK_CACHE_SIZE 256 /* a power of two */

typedef struct UnpackCacheEntry
{
	uint8_t  len; /* 0: empty (no valid encoding is empty) */
	uint8_t  bytes[GM_MAX_ENCODED];
	GmTarget target;
} UnpackCacheEntry;

static UnpackCacheEntry unpack_cache[UNPACK_CACHE_SIZE];

void
metric_target_unpack(Datum datum, GmTarget *out)
{
	size_t            len;
	const uint8_t    *data = packed_bytes(datum, &len);
	uint32            h = 2166136261u;
	UnpackCacheEntry *e;
	GmError           err;

	if (len == 0 || len > GM_MAX_ENCODED)
		e = NULL;
	else
	{
		for (size_t i = 0; i < len; i++)
			h = (h ^ data[i]) * 16777619u;
		e = &unpack_cache[(h ^ (h >> 16)) & (UNPACK_CACHE_SIZE - 1)];
		if (e->len == len && memcmp(data, e->bytes, len) == 0)
		{
			*out = e->target;
			return;
		}
	}
	if (!gm_target_decode(data, len, out, &err))
		report_corrupt(&err);
	if (e != NULL)
	{
		memcpy(e->bytes, data, len);
		e->target = *out;
		e->len = (uint8_t)len;
	}
}

/*
 * Unpack what judging an outcome needs (gm_target_decode_rule): the
 * per-row path of fulfilment(), status(), meets() and the roll-ups.  Its
 * checks are bounded and cheap, so it needs no cache; the unit's bytes
 * are not read (out->unit is empty).
 */
void
metric_target_unpack_rule(Datum datum, GmTarget *out)
{
	size_t         len;
	const uint8_t *data = packed_bytes(datum, &len);
	GmError        err;

	if (unlikely(!gm_target_decode_rule(data, len, out, &err)))
		report_corrupt(&err);
}

/*
 * Pack a target into a new varlena with a 4-byte header; heap_form_tuple
 * shortens the header when the value is stored.
 */
Datum
metric_target_pack(const GmTarget *t)
{
	uint8_t         buf[GM_MAX_ENCODED];
	size_t          len = gm_target_encode(t, buf);
	struct varlena *result = (struct varlena *)palloc(VARHDRSZ + len);

	SET_VARSIZE(result, VARHDRSZ + len);
	memcpy(VARDATA(result), buf, len);
	return PointerGetDatum(result);
}

/*
 * Text input.  Errors are soft on PostgreSQL 16+, so pg_input_is_valid()
 * and COPY ... ON_ERROR can use them.
 */
Datum
metric_target_in(PG_FUNCTION_ARGS)
{
	char       *raw = PG_GETARG_CSTRING(0);
	size_t      len = strlen(raw);
	const char *input = gm_server_to_utf8(raw, len);
	GmTarget    t;
	GmError     err;

	if (input != raw)
		len = strlen(input);
	input = gm_utf8_nfc(input, &len);
	if (!gm_target_parse(input, len, &t, &err))
	{
		report_parse_error(fcinfo->context, input, len, &err);
		PG_RETURN_NULL();
	}
	PG_RETURN_DATUM(metric_target_pack(&t));
}

/*
 * Text output: the canonical Swedish form.  It depends on the value alone
 * (no setting, locale or table), so dumps and statistics re-read it.
 */
Datum
metric_target_out(PG_FUNCTION_ARGS)
{
	GmTarget t;
	char    *buf = palloc(GM_MAX_FORMATTED);

	PG_GETARG_METRIC_TARGET(0, &t);
	gm_target_format(&t, GM_STYLE_SWEDISH, buf, GM_MAX_FORMATTED);
	PG_RETURN_CSTRING(gm_utf8_to_server(buf, strlen(buf)));
}

/*
 * try_metric_target(text): NULL instead of an error, for messy sheets.
 */
Datum
try_metric_target(PG_FUNCTION_ARGS)
{
	text       *arg = PG_GETARG_TEXT_PP(0);
	size_t      len = VARSIZE_ANY_EXHDR(arg);
	const char *input = gm_server_to_utf8(VARDATA_ANY(arg), len);
	GmTarget    t;
	GmError     err;

	if (input != VARDATA_ANY(arg))
		len = strlen(input);
	input = gm_utf8_nfc(input, &len);
	if (!gm_target_parse(input, len, &t, &err))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(metric_target_pack(&t));
}

/*
 * Binary output: a format-version byte, then the packed form.
 */
Datum
metric_target_send(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(0));
	GmTarget        t;
	StringInfoData  buf;

	/* decode first: never send bytes that would not be received */
	PG_GETARG_METRIC_TARGET(0, &t);
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, METRIC_TARGET_BINARY_VERSION);
	pq_sendbytes(&buf, VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * Binary input: every field is validated as strictly as text input is
 * (gm_target_decode), and the value is stored re-encoded.
 */
Datum
metric_target_recv(PG_FUNCTION_ARGS)
{
	StringInfo buf = (StringInfo)PG_GETARG_POINTER(0);
	int        version;
	int        len;
	GmTarget   t;
	GmError    err;

	if (buf->cursor >= buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary metric_target: empty message")));
	version = pq_getmsgbyte(buf);
	if (version != METRIC_TARGET_BINARY_VERSION)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary metric_target: unknown format version %d",
					version),
			 errhint("This server reads version %d.",
					 METRIC_TARGET_BINARY_VERSION)));
	len = buf->len - buf->cursor;
	if (len > GM_MAX_ENCODED)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg(
				 "invalid binary metric_target: %d bytes, at most %d expected",
				 len, GM_MAX_ENCODED)));
	if (!gm_target_decode((const uint8_t *)buf->data + buf->cursor, len, &t,
						  &err) ||
		!unit_to_nfc(&t, &err) || !qualifier_to_nfc(&t, &err) ||
		!gm_target_validate(&t, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary metric_target"),
				 errdetail("%s.", gm_utf8_to_server_text(err.message, NULL))));
	/* the unit must be text the database can hold, as text input's is */
	if (t.unit_len > 0 && !gm_utf8_in_server_encoding(t.unit, t.unit_len))
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 errmsg("invalid binary metric_target: unit \"%s\" has a "
						"character that encoding \"%s\" lacks",
						gm_utf8_to_server_text(t.unit, NULL),
						GetDatabaseEncodingName())));
	if (t.qual_len > 0 && !gm_utf8_in_server_encoding(t.qualifier, t.qual_len))
		ereport(ERROR,
				(errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
				 errmsg("invalid binary metric_target: qualifier \"%s\" has "
						"a character that encoding \"%s\" lacks",
						gm_utf8_to_server_text(t.qualifier, NULL),
						GetDatabaseEncodingName())));
	buf->cursor = buf->len;
	PG_RETURN_DATUM(metric_target_pack(&t));
}

/* ---------- comparison and hashing ---------- */

/*
 * Unpack for comparing and hashing (gm_target_decode_for_order): sorts,
 * index builds and hash joins call these for every pair or row, and need
 * the unit's bytes but not their re-normalisation.
 */
static void
unpack_for_order(Datum datum, GmTarget *out)
{
	size_t         len;
	const uint8_t *data = packed_bytes(datum, &len);
	GmError        err;

	if (unlikely(!gm_target_decode_for_order(data, len, out, &err)))
		report_corrupt(&err);
}

static int
compare_args(FunctionCallInfo fcinfo)
{
	GmTarget a;
	GmTarget b;

	unpack_for_order(PG_GETARG_DATUM(0), &a);
	unpack_for_order(PG_GETARG_DATUM(1), &b);
	return gm_target_cmp(&a, &b);
}

Datum
metric_target_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) == 0);
}

Datum
metric_target_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) != 0);
}

Datum
metric_target_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) < 0);
}

Datum
metric_target_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) <= 0);
}

Datum
metric_target_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) > 0);
}

Datum
metric_target_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(compare_args(fcinfo) >= 0);
}

Datum
metric_target_cmp(PG_FUNCTION_ARGS)
{
	int c = compare_args(fcinfo);

	PG_RETURN_INT32(c < 0 ? -1 : (c > 0 ? 1 : 0));
}

/*
 * Sort support: a comparator without the fmgr call, and abbreviated keys,
 * so that sorts and index builds compare most pairs without touching the
 * values (a sort of stored targets otherwise waits on memory for each).
 *
 * The abbreviated key follows the total order's first fields: comparator
 * code (3 bits), bare (1 bit), then the value as its nearest double made
 * order-preserving as an unsigned integer, cut to 60 bits.  Conversion to
 * double is correctly rounded, so monotone (never reversing an order), and
 * numerically equal values ("42", "42,0") get equal keys; equal keys go to
 * the full comparator.  Only where a Datum has 64 bits.
 */
static int
metric_target_fastcmp(Datum x, Datum y, SortSupport ssup)
{
	GmTarget a;
	GmTarget b;

	(void)ssup;
	unpack_for_order(x, &a);
	unpack_for_order(y, &b);
	return gm_target_cmp(&a, &b);
}

#if SIZEOF_DATUM >= 8
static Datum
metric_target_abbrev_convert(Datum original, SortSupport ssup)
{
	GmTarget t;
	double   d;
	uint64   bits;

	(void)ssup;
	unpack_for_order(original, &t);
	/* |coef| < 10^15 < 2^53 and 10^scale (<= 15) are exact doubles */
	d = (double)t.value.coef;
	if (t.value.scale > 0)
	{
		double p = 1;

		for (int i = 0; i < t.value.scale; i++)
			p *= 10;
		d /= p;
	}
	memcpy(&bits, &d, sizeof(bits));
	/* negative: reverse all bits; positive (zero is +0): set the sign bit */
	bits = (bits & UINT64CONST(0x8000000000000000))
			   ? ~bits
			   : bits | UINT64CONST(0x8000000000000000);
	return UInt64GetDatum(((uint64)t.cmp << 61) |
						  ((uint64)(t.bare ? 1 : 0) << 60) | (bits >> 4));
}

static int
metric_target_abbrev_cmp(Datum x, Datum y, SortSupport ssup)
{
	uint64 a = DatumGetUInt64(x);
	uint64 b = DatumGetUInt64(y);

	(void)ssup;
	return (a > b) - (a < b);
}

static bool
metric_target_abbrev_abort(int memtupcount, SortSupport ssup)
{
	/* converting costs one decode, which the full comparisons save many
	 * times over even when many keys are equal */
	(void)memtupcount;
	(void)ssup;
	return false;
}
#endif

Datum
metric_target_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport)PG_GETARG_POINTER(0);

	ssup->comparator = metric_target_fastcmp;
#if SIZEOF_DATUM >= 8
	if (ssup->abbreviate)
	{
		ssup->abbrev_full_comparator = metric_target_fastcmp;
		ssup->comparator = metric_target_abbrev_cmp;
		ssup->abbrev_converter = metric_target_abbrev_convert;
		ssup->abbrev_abort = metric_target_abbrev_abort;
	}
#endif
	PG_RETURN_VOID();
}

/*
 * The 32-bit hash is the low half of the extended hash with seed 0, as the
 * hash opclass contract requires.
 */
Datum
metric_target_hash(PG_FUNCTION_ARGS)
{
	GmTarget t;

	unpack_for_order(PG_GETARG_DATUM(0), &t);
	PG_RETURN_INT32((int32)(uint32)gm_target_hash(&t, 0));
}

Datum
metric_target_hash_extended(PG_FUNCTION_ARGS)
{
	GmTarget t;

	unpack_for_order(PG_GETARG_DATUM(0), &t);
	PG_RETURN_INT64((int64)gm_target_hash(&t, (uint64)PG_GETARG_INT64(1)));
}

/* ---------- conversions between GmDecimal and numeric ---------- */

/*
 * A numeric argument as an exact decimal, keeping its display scale:
 * 42.0 stays 42,0.  Errors as text input would for the same number.
 */
static GmDecimal
numeric_to_decimal(Numeric num, const char *argname)
{
	GmNumView v;
	int128    coef;
	int       scale;
	int       sig = 0;
	GmDecimal d;

	gm_numeric_view(num, &v);
	if (v.kind != GM_NUM_FINITE)
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("%s must be a finite number", argname)));

	/* the digits at the display scale, as numeric_out prints them */
	if (gm_view_to_int128(&v, &coef, &scale) && scale == v.dscale)
		for (uint128 m = gm_abs_u128(coef); m != 0; m /= 10)
			sig++;
	else
		sig = GM_MAX_DIGITS + 1; /* more than 38 digits at that scale */
	if (sig > GM_MAX_DIGITS)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s has more than %d significant digits", argname,
						gm_numeric_cstring(num), GM_MAX_DIGITS)));
	if (scale > GM_MAX_SCALE)
		ereport(ERROR, (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
						errmsg("%s %s has more than %d decimals", argname,
							   gm_numeric_cstring(num), GM_MAX_SCALE)));
	d.coef = (int64)coef;
	d.scale = (uint8_t)scale;
	return d;
}

/*
 * Set the unit (after the number) with the grammar text input uses:
 * "procent" becomes "%", white space is normalised, and words the parser
 * would not take as a unit are refused.
 */
static void
set_unit(GmTarget *t, text *unit)
{
	char       *u = text_to_cstring(unit);
	const char *u8 = gm_server_to_utf8(u, strlen(u));
	size_t      len = strlen(u8);
	GmError     err;
	bool        ok;

	err.code = GM_OK;
	err.message[0] = '\0';
	u8 = gm_utf8_nfc(u8, &len);
	ok = gm_target_set_unit(t, u8, len, GM_UNIT_AFTER, &err);

	if (!ok || t->unit_pos == GM_UNIT_NONE)
		ereport(
			ERROR,
			(errcode(err.code == GM_ERR_UNIT_TOO_LONG
						 ? ERRCODE_STRING_DATA_RIGHT_TRUNCATION
						 : ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid unit for metric_target: \"%s\"", u),
			 ok ? errdetail("The unit is empty.")
				: errdetail("%s.", gm_utf8_to_server_text(err.message, NULL)),
			 errhint(
				 "%s",
				 gm_utf8_to_server_text(
					 "A unit is one or more words such as \"%\", \"barn\" or \"kronor per invånare\"; pass NULL for none.",
					 NULL))));
	pfree(u);
}

static void
check_valid(const GmTarget *t)
{
	GmError err;

	if (!gm_target_validate(t, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid metric_target"),
				 errdetail("%s.", gm_utf8_to_server_text(err.message, NULL))));
}

static GmComparator
comparator_arg(text *name, bool allow_between)
{
	char        *s = text_to_cstring(name);
	GmComparator cmp;

	if (gm_comparator_from_name(s, &cmp) && GM_IS_DIRECTION(cmp))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("\"%s\" is a direction target, which has no value", s),
				 errhint("%s", gm_utf8_to_server_text(
								   "Write it as text: 'Öka'::metric_target, "
								   "'Minska', 'Bibehålla' or 'Förbättra'.",
								   NULL))));
	if (!gm_comparator_from_name(s, &cmp) ||
		(!allow_between && cmp == GM_BETWEEN))
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown comparator \"%s\"", s),
			 errhint("Use one of at_least, at_most, above, below, exactly%s.",
					 allow_between
						 ? ", between"
						 : "; a range is made by metric_target_range()")));
	return cmp;
}

/* ---------- accessors ---------- */

/*
 * format_target(t, style): 'swedish' (the canonical output), 'english' or
 * 'symbolic' (ASCII).
 */
Datum
metric_target_format(PG_FUNCTION_ARGS)
{
	GmTarget t;
	char    *style = text_to_cstring(PG_GETARG_TEXT_PP(1));
	GmStyle  s;
	char     buf[GM_MAX_FORMATTED];

	PG_GETARG_METRIC_TARGET(0, &t);
	if (pg_strcasecmp(style, "swedish") == 0 ||
		pg_strcasecmp(style, "sv") == 0)
		s = GM_STYLE_SWEDISH;
	else if (pg_strcasecmp(style, "english") == 0 ||
			 pg_strcasecmp(style, "en") == 0)
		s = GM_STYLE_ENGLISH;
	else if (pg_strcasecmp(style, "symbolic") == 0)
		s = GM_STYLE_SYMBOLIC;
	else
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("unknown target style \"%s\"", style),
						errhint("Use 'swedish', 'english' or 'symbolic'.")));
	gm_target_format(&t, s, buf, sizeof(buf));
	PG_RETURN_TEXT_P(cstring_to_text(gm_utf8_to_server(buf, strlen(buf))));
}

Datum
metric_target_comparator(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	PG_RETURN_TEXT_P(cstring_to_text(gm_comparator_name(t.cmp)));
}

Datum
metric_target_value(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	if (GM_IS_DIRECTION(t.cmp))
		PG_RETURN_NULL(); /* "Öka" has no value */
	PG_RETURN_DATUM(gm_numeric_from_decimal(t.value));
}

Datum
metric_target_upper(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	if (t.cmp != GM_BETWEEN)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(gm_numeric_from_decimal(t.upper));
}

Datum
metric_target_baseline(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	if (!t.has_baseline)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(gm_numeric_from_decimal(t.baseline));
}

Datum
metric_target_unit(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	if (t.unit_pos == GM_UNIT_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(gm_utf8_to_server(t.unit, t.unit_len)));
}

Datum
metric_target_higher_is_better(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	switch (t.cmp)
	{
		case GM_AT_LEAST:
		case GM_ABOVE:
		case GM_INCREASE:
			PG_RETURN_BOOL(true);
		case GM_AT_MOST:
		case GM_BELOW:
		case GM_DECREASE:
			PG_RETURN_BOOL(false);
		default:
			PG_RETURN_NULL();
	}
}

Datum
metric_target_is_bare(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	PG_RETURN_BOOL(t.bare);
}

Datum
metric_target_qualifier(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	if (t.qual_len == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(
		cstring_to_text(gm_utf8_to_server(t.qualifier, t.qual_len)));
}

Datum
metric_target_start_year(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	if (t.start_year == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(t.start_year);
}

Datum
metric_target_end_year(PG_FUNCTION_ARGS)
{
	GmTarget t;

	PG_GETARG_METRIC_TARGET(0, &t);
	if (t.end_year == 0)
		PG_RETURN_NULL();
	PG_RETURN_INT32(t.end_year);
}

/* ---------- targets over time (target_time.c) ---------- */

/*
 * target_for_year(t, year): the target that applies in a year
 * (gm_target_for_year); NULL when none does, and for a direction target.
 */
Datum
metric_target_for_year(PG_FUNCTION_ARGS)
{
	GmTarget t;
	GmTarget y;

	PG_GETARG_METRIC_TARGET(0, &t);
	if (!gm_target_for_year(&t, PG_GETARG_INT32(1), &y))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(metric_target_pack(&y));
}

/* ---------- constructors ---------- */

/*
 * metric_target(comparator, value, unit DEFAULT NULL); the unit stands
 * after the number.  Not strict in the unit.
 */
Datum
metric_target_make(PG_FUNCTION_ARGS)
{
	GmTarget t;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	memset(&t, 0, sizeof(t));
	t.cmp = comparator_arg(PG_GETARG_TEXT_PP(0), false);
	t.value = numeric_to_decimal(PG_GETARG_NUMERIC(1), "target value");
	if (!PG_ARGISNULL(2))
		set_unit(&t, PG_GETARG_TEXT_PP(2));
	check_valid(&t);
	PG_RETURN_DATUM(metric_target_pack(&t));
}

/*
 * metric_target_range(low, high, unit DEFAULT NULL): inclusive range.
 */
Datum
metric_target_make_range(PG_FUNCTION_ARGS)
{
	GmTarget t;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	memset(&t, 0, sizeof(t));
	t.cmp = GM_BETWEEN;
	t.value = numeric_to_decimal(PG_GETARG_NUMERIC(0), "lower bound");
	t.upper = numeric_to_decimal(PG_GETARG_NUMERIC(1), "upper bound");
	if (gm_decimal_cmp(t.value, t.upper) > 0)
		ereport(
			ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(
				 "lower bound of a target range must not exceed its upper bound")));
	if (!PG_ARGISNULL(2))
		set_unit(&t, PG_GETARG_TEXT_PP(2));
	check_valid(&t);
	PG_RETURN_DATUM(metric_target_pack(&t));
}

/*
 * with_comparator(t, comparator): make the direction explicit, e.g. for a
 * bare "13" where lower is better.  Ranges and change targets have their
 * direction built in and are refused.
 */
Datum
metric_target_with_comparator(PG_FUNCTION_ARGS)
{
	GmTarget t;
	char     buf[GM_MAX_FORMATTED];

	PG_GETARG_METRIC_TARGET(0, &t);
	if (t.cmp == GM_BETWEEN || t.has_baseline || GM_IS_DIRECTION(t.cmp))
	{
		gm_target_format(&t, GM_STYLE_SWEDISH, buf, sizeof(buf));
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot change the comparator of \"%s\"", buf),
				 errdetail("Ranges, change targets and direction targets have "
						   "their direction built in.")));
	}
	t.cmp = comparator_arg(PG_GETARG_TEXT_PP(1), false);
	t.bare = false;
	/* a unit written before the number needs a comparator; it has one now */
	check_valid(&t);
	PG_RETURN_DATUM(metric_target_pack(&t));
}
