/*-------------------------------------------------------------------------
 *
 * numeric_io.h
 *	  Numeric helpers: the one reader of numeric's on-disk format, the one
 *	  set of conversions between numeric and exact decimals or fixed-point
 *	  integers, and the power-of-ten tables.
 *
 * Layer 2 of src/README.md: above the pure target code, below everything
 * that reads or builds a numeric.  An exact decimal is coef * 10^-scale
 * with an int128 coefficient below 10^38.  Reading never allocates for
 * values stored in line, and never goes through text.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_NUMERIC_IO_H
#define GOALMETRICS_NUMERIC_IO_H

#include "postgres.h"

#include "lib/stringinfo.h"
#include "utils/numeric.h"

#include "pg_compat.h"
#include "target.h"

#include "visibility.h"

#ifndef HAVE_INT128
#error "goalmetrics needs a compiler with a 128-bit integer type"
#endif

GM_INTERNAL_BEGIN

/* ----------------------------------------------------------------------
 * The numeric on-disk format
 *
 * Copied from src/backend/utils/adt/numeric.c (PostgreSQL 15-18), where
 * it is private.  The format is stable: pg_upgrade keeps numeric columns
 * as they are, so every release reads the bytes of every earlier one.
 *
 * After the varlena header comes a uint16 header word:
 *
 *	 bits 15-14  00 positive, 01 negative: NumericLong, the word is
 *				 n_sign_dscale (low 14 bits the display scale), followed
 *				 by an int16 weight;
 *				 10: NumericShort, the word holds everything: bit 13 the
 *				 sign, bits 12-7 the display scale (0..63), bit 6 the
 *				 weight's sign and bits 5-0 the weight (-64..63);
 *				 11: a special value: the top four bits are 1100 NaN,
 *				 1101 +Infinity, 1111 -Infinity.
 *
 * Then the digits: int16 values 0..9999 in base NBASE = 10000, most
 * significant first; the first has weight "weight" (its value is
 * digit * 10000^weight).  Leading and trailing zero digits are stripped
 * (zero has no digits).  The display scale is the number of decimal
 * digits shown after the point.  In a stored value the digits are always
 * within the display scale; should a digit extend beyond it, we widen the
 * scale rather than lose it.
 *
 * Digits follow the header without alignment padding when the datum has
 * a 1-byte varlena header (how short values are stored on disk), so we
 * read them with memcpy.
 * ----------------------------------------------------------------------
 */
#define NUM_SIGN_MASK          0xC000
#define NUM_NEG                0x4000
#define NUM_SHORT              0x8000
#define NUM_SPECIAL            0xC000
#define NUM_EXT_SIGN_MASK      0xF000
#define NUM_NAN                0xC000
#define NUM_PINF               0xD000
#define NUM_NINF               0xF000
#define NUM_SHORT_SIGN_MASK    0x2000
#define NUM_SHORT_DSCALE_MASK  0x1F80
#define NUM_SHORT_DSCALE_SHIFT 7
#define NUM_SHORT_WEIGHT_SIGN  0x0040
#define NUM_SHORT_WEIGHT_MASK  0x003F
#define NUM_DSCALE_MASK        0x3FFF
#define NUM_NBASE              10000
#define NUM_DEC_DIGITS         4

typedef enum GmNumKind
{
	GM_NUM_FINITE,
	GM_NUM_NAN,
	GM_NUM_PINF,
	GM_NUM_NINF
} GmNumKind;

/* A numeric's fields, read in place */
typedef struct GmNumView
{
	GmNumKind   kind;
	bool        neg;
	int         weight;
	int         dscale;
	int         ndigits;
	const char *digits; /* ndigits int16, possibly unaligned */
} GmNumView;

/* ----------------------------------------------------------------------
 * Powers of ten
 * ----------------------------------------------------------------------
 */

/* The largest decimal coefficient of an exact decimal: 38 digits */
#define GM_COEF_DIGITS 38

/* 10^n for 0 <= n <= 19: gm_pow10_u64, target.h */

/* 10^n for 0 <= n <= GM_COEF_DIGITS, and (10^38 - 1) / 10^n */
extern uint128 gm_pow10_u128_table[GM_COEF_DIGITS + 1];
extern uint128 gm_coef_limit_div[GM_COEF_DIGITS + 1];

/* (2^128 - 1) / 10^n: overflow checks without a 128-bit division */
extern uint128 gm_u128_max_div[GM_COEF_DIGITS + 1];

/* Fill the tables; called once from _PG_init, before any use. */
extern void gm_numeric_io_init(void);

static inline uint128
gm_pow10_u128(int n)
{
	Assert(n >= 0 && n <= GM_COEF_DIGITS);
	return gm_pow10_u128_table[n];
}

static inline uint128
gm_abs_u128(int128 v)
{
	return v < 0 ? (uint128)(-v) : (uint128)v;
}

static inline int
gm_sign_of(int128 v)
{
	return (v > 0) - (v < 0);
}

/* The largest int128 (PostgreSQL 15 has no PG_INT128_MAX) */
#define GM_INT128_MAX ((int128)(((uint128)1 << 127) - 1))

/*
 * A 128-bit integer stored as two halves (value = hi * 2^64 + lo), for
 * structures aligned to 8 bytes only (the aggregate states), where an
 * int128 member could be misaligned.
 */
typedef struct GmInt128
{
	int64  hi;
	uint64 lo;
} GmInt128;

static inline int128
gm_i128_get(const GmInt128 *v)
{
	return (int128)(((uint128)(uint64)v->hi << 64) | (uint128)v->lo);
}

static inline void
gm_i128_set(GmInt128 *v, int128 x)
{
	v->hi = (int64)(x >> 64);
	v->lo = (uint64)x;
}

/* ----------------------------------------------------------------------
 * Reading a numeric
 * ----------------------------------------------------------------------
 */

static inline uint16
gm_read_u16(const char *p)
{
	uint16 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/*
 * The fields of a numeric, read in place; num may be a packed (1-byte
 * header) datum.  Compressed or external values are detoasted first.
 * Corrupt headers raise ERRCODE_DATA_CORRUPTED.
 */
extern void gm_numeric_view(Numeric num, GmNumView *out);

/*
 * A finite numeric's view as coef * 10^-scale: the display scale when the
 * coefficient fits 38 digits there (so that the decimal is the one
 * numeric_out prints), else the smallest scale that keeps the value exact;
 * false when even that does not fit.  Scale is never negative.
 */
extern bool gm_view_to_int128(const GmNumView *v, int128 *coef, int *scale);

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

/*
 * The one numeric to fixed-point conversion: a finite numeric as an integer
 * count of 10^-scale units, truncated toward zero (the one rounding; a
 * caller that rounds otherwise reads one more decimal and rounds that).
 * *dropped is the sign of what was cut off: 0 when exact, 1 when the value
 * lies a little above *out * 10^-scale, -1 when a little below.  False when
 * the result does not fit 38 digits.  Never allocates nor goes through
 * numeric arithmetic, however many digits the value has.
 */
extern bool gm_numeric_to_fixed(const GmNumView *v, int scale, int128 *out,
								int *dropped);

/*
 * A numeric argument with a 4-byte header, without allocating for the
 * common case: values stored with a short (1-byte) header, as nearly all
 * numerics in tables are, are copied into the caller's stack buffer.
 * Only toasted or compressed values (never small numbers) are detoasted.
 */
typedef union GmNumericBuf
{
	struct varlena hdr;
	char           data[VARHDRSZ + 128];
	double         align;
} GmNumericBuf;

static inline Numeric
gm_numeric_arg(Datum d, GmNumericBuf *buf)
{
	struct varlena *p = (struct varlena *)DatumGetPointer(d);

	if (!VARATT_IS_EXTENDED(p))
		return (Numeric)p;
	if (VARATT_IS_SHORT(p))
	{
		Size len = VARSIZE_SHORT(p) - VARHDRSZ_SHORT;

		if (len + VARHDRSZ <= sizeof(buf->data))
		{
			SET_VARSIZE(&buf->hdr, len + VARHDRSZ);
			memcpy(VARDATA(&buf->hdr), VARDATA_SHORT(p), len);
			return (Numeric)buf->data;
		}
	}
	return DatumGetNumeric(d);
}

/* A numeric as text, for messages (allocates) */
extern const char *gm_numeric_cstring(Numeric num);

/*
 * The common numeric straight through: a short-format finite numeric
 * (1-byte or 4-byte varlena header, as stored or as a constant) of at most
 * four base-10000 digits, read as one 64-bit integer *coef (below 10^16)
 * at *scale decimals, a multiple of four up to 16 rather than the display
 * scale.  False for anything else: the general reader then takes it, or
 * raises the error for NaN, infinities and corrupt digits.  Inline: the
 * per-row paths of status(), fulfilment() and rollup() start here.
 */
static inline bool
gm_numeric_read_short(Datum d, int64 *coef, int *scale)
{
	const struct varlena *vl = (const struct varlena *)DatumGetPointer(d);
	const char           *data;
	Size                  len;
	uint16                header;
	int                   ndigits;
	int                   os = 0;
	uint64                acc = 0;

	if (VARATT_IS_SHORT(vl))
	{
		data = VARDATA_SHORT(vl);
		len = VARSIZE_SHORT(vl) - VARHDRSZ_SHORT;
	}
	else if (!VARATT_IS_EXTENDED(vl))
	{
		data = VARDATA(vl);
		len = VARSIZE(vl) - VARHDRSZ;
	}
	else
		return false;
	if (len < sizeof(uint16))
		return false;
	header = gm_read_u16(data);
	ndigits = (int)((len - sizeof(uint16)) / sizeof(int16));
	if ((header & NUM_SIGN_MASK) != NUM_SHORT || ndigits > 4)
		return false;

	if (ndigits > 0)
	{
		int weight = header & NUM_SHORT_WEIGHT_MASK;
		int exp4;

		if (header & NUM_SHORT_WEIGHT_SIGN)
			weight |= ~NUM_SHORT_WEIGHT_MASK;
		for (int i = 0; i < ndigits; i++)
		{
			uint16 digit =
				gm_read_u16(data + sizeof(uint16) + i * sizeof(int16));

			if (digit >= NUM_NBASE)
				return false;
			acc = acc * NUM_NBASE + digit;
		}
		/* acc * 10000^exp4 is the value; below 10^16 as read */
		exp4 = weight - (ndigits - 1);
		if (exp4 > 0)
		{
			if (weight > 3)
				return false;
			acc *= gm_pow10_u64[NUM_DEC_DIGITS * exp4];
		}
		else
			os = -NUM_DEC_DIGITS * exp4;
		if (os > 18)
			return false;
	}

	*coef = (header & NUM_SHORT_SIGN_MASK) ? -(int64)acc : (int64)acc;
	*scale = os;
	return true;
}

/* ----------------------------------------------------------------------
 * Building a numeric (final functions and slow paths: these allocate)
 * ----------------------------------------------------------------------
 */

/*
 * coef * 10^-scale as a numeric of display scale Max(scale, 0), without
 * going through text.  Every exact decimal becomes a numeric here.
 */
extern Numeric gm_numeric_from_int128(int128 coef, int scale);

/* The same for a 64-bit coefficient, as a Datum */
extern Datum gm_numeric_from_scaled(int64 coef, int scale);

/* A target's decimal (target.h) as a numeric */
extern Datum gm_numeric_from_decimal(GmDecimal d);

/*
 * coef * 10^-scale (scale >= 0) as a GmDecimal: trailing zeros dropped
 * while it has more than GM_MAX_SCALE decimals or GM_MAX_DIGITS digits;
 * false when it still does not fit.  Exact: nothing is rounded.
 */
extern bool gm_int128_to_decimal(int128 coef, int scale, GmDecimal *out);

/*
 * A fixed-point value units * 10^-scale rounded half away from zero to at
 * most "decimals" decimals, trailing zeros trimmed ("90",
 * "90.666666666667").  Inline: fulfilment() returns one per row.
 */
static inline Datum
gm_numeric_from_fixed(int64 units, int scale, int decimals)
{
	if (scale > decimals)
	{
		int64 p = (int64)gm_pow10_u64[scale - decimals];
		int64 r = units % p;

		units /= p;
		if (r >= p / 2)
			units++;
		else if (r <= -(p / 2))
			units--;
		scale = decimals;
	}
	while (scale > 0 && units % 10 == 0)
	{
		units /= 10;
		scale--;
	}
	return gm_numeric_from_scaled(units, scale);
}

/* ----------------------------------------------------------------------
 * Decimal text
 * ----------------------------------------------------------------------
 */

/*
 * An int128 in decimal into buf (at least 41 bytes); returns buf.
 */
extern char *gm_int128_to_cstring(int128 v, char *buf);

/*
 * Append the decimal coef * 10^-scale in canonical form ("-12.50", "7e3"),
 * which numeric_in reads too.
 */
extern void gm_append_decimal(StringInfo buf, int128 coef, int scale);

/*
 * Parse a canonical non-negative decimal integer (no sign, no leading
 * zeros) at *p that must not exceed max.  Advances *p; false on any
 * deviation.  The state types' text forms are read with it.
 */
extern bool gm_parse_canonical_uint(const char **p, uint128 max, uint128 *out);

GM_INTERNAL_END

#endif /* GOALMETRICS_NUMERIC_IO_H */
