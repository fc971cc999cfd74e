/*-------------------------------------------------------------------------
 *
 * target_codec.c
 *	  Invariants, packed storage form, total order and hash of GmTarget.
 *
 * Packed form (stored on disk after the varlena header and sent, behind a
 * format-version byte, by the binary send/recv functions; never change it
 * without a new format version):
 *
 *	 byte 0     flags: bits 0-2 comparator code (GmComparator, 0-5),
 *				bit 3 bare, bit 4 has_baseline, bits 5-6 unit_pos
 *				(GmUnitPos, 0-2), bit 7 extension: an extension byte
 *				follows
 *	 extension  only when bit 7 is set, and then never 0: bit 0 a
 *				direction target, whose code less 6 (increase 0, decrease
 *				1, maintain 2, improve 3) is in bits 1-2 (the flags'
 *				comparator bits, bare, has_baseline and unit_pos are 0,
 *				no decimal, year or qualifier follows, and bits 1-2 are
 *				0 for any other target); bit 3 an end year follows; bit 4
 *				a start year follows (only with an end year and a
 *				baseline); bit 5 a qualifier follows; bits 6-7 reserved,
 *				0
 *	 decimals   value; then upper (only when the comparator is between);
 *				then baseline (only when has_baseline).  Each decimal is
 *				one header byte: bits 0-3 scale (0-15), bits 4-6 the
 *				number L of bytes of |coef| (0-7), bit 7 sign (1 =
 *				negative); then L bytes of |coef|, little-endian and
 *				minimal (no zero high byte; zero is L = 0 with sign 0)
 *	 years      the start year, then the end year, each 2 bytes
 *				little-endian, GM_YEAR_MIN..GM_YEAR_MAX, start < end
 *	 qualifier  one length byte (1-96), then the qualifier's bytes
 *	 unit       the unit bytes, to the end; present exactly when unit_pos
 *				is not none, 1-64 bytes, no terminating NUL
 *
 * Since every field has exactly one encoding, a valid target has exactly
 * one packed form, and equal packed forms mean identical targets (the
 * scale as written included).  gm_target_decode() refuses every byte
 * string that is not the packed form of a valid target.
 *
 * Total order (gm_target_cmp): comparator code, then bare (false first),
 * value (numerically), upper bound, has_baseline (false first), baseline,
 * unit_pos, unit bytes (memcmp, a prefix first), qualifier bytes (the
 * same way, none first), start year, end year (none first).  Numerically equal
 * decimals compare equal, so "Minst 42" = "Minst 42,0"; the hash strips
 * trailing zeros to agree with that.
 *
 *-------------------------------------------------------------------------
 */
#include "target.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define FLAG_CMP_MASK   0x07
#define FLAG_BARE       0x08
#define FLAG_BASELINE   0x10
#define FLAG_UNIT_SHIFT 5
#define FLAG_UNIT_MASK  0x60
#define FLAG_EXT        0x80

#define EXT_DIRECTION  0x01
#define EXT_DIR_SHIFT  1
#define EXT_DIR_MASK   0x06
#define EXT_END_YEAR   0x08
#define EXT_START_YEAR 0x10
#define EXT_QUALIFIER  0x20
#define EXT_RESERVED   0xC0

#define DEC_SCALE_MASK 0x0F
#define DEC_LEN_SHIFT  4
#define DEC_LEN_MASK   0x70
#define DEC_SIGN       0x80

/* 10^15: every valid |coef| is below it */
#define COEF_LIMIT INT64_C(1000000000000000)

static const char *const comparator_names[] = {
	"at_least", "at_most",  "above",    "below",    "exactly",
	"between",  "increase", "decrease", "maintain", "improve"
};

#if defined(__GNUC__) || defined(__clang__)
static bool set_error(GmError *err, GmErrorCode code, size_t pos,
					  const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
#endif

/* Record an error (err may be NULL) and return false */
static bool
set_error(GmError *err, GmErrorCode code, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return false;
	err->code = code;
	err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return false;
}

static void
clear_error(GmError *err)
{
	if (err != NULL)
	{
		err->code = GM_OK;
		err->pos = 0;
		err->message[0] = '\0';
	}
}

/* The unit bytes that count: none without a unit, never past the array */
static size_t
unit_bytes(const GmTarget *t)
{
	if (t->unit_pos == GM_UNIT_NONE)
		return 0;
	return t->unit_len > GM_MAX_UNIT_LEN ? GM_MAX_UNIT_LEN : t->unit_len;
}

/* The qualifier bytes that count, never past the array */
static size_t
qual_bytes(const GmTarget *t)
{
	return t->qual_len > GM_MAX_QUALIFIER_LEN ? GM_MAX_QUALIFIER_LEN
											  : t->qual_len;
}

/* ---------------------------------------------------------------------
 * Names
 * ---------------------------------------------------------------------
 */

/*
 * The SQL name of a comparator ("at_least", ...), or NULL for a code that
 * is not one.
 */
const char *
gm_comparator_name(GmComparator cmp)
{
	if ((unsigned int)cmp > GM_COMPARATOR_MAX)
		return NULL;
	return comparator_names[cmp];
}

/* The comparator named name (ASCII case-insensitive); false if none */
bool
gm_comparator_from_name(const char *name, GmComparator *out)
{
	size_t k;

	if (name == NULL)
		return false;
	for (k = 0; k <= GM_COMPARATOR_MAX; k++)
	{
		const char *a = name;
		const char *b = comparator_names[k];

		while (*a != '\0' && *b != '\0')
		{
			char c = *a;

			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c != *b)
				break;
			a++;
			b++;
		}
		if (*a == '\0' && *b == '\0')
		{
			*out = (GmComparator)k;
			return true;
		}
	}
	return false;
}

/* ---------------------------------------------------------------------
 * Order and hash
 * ---------------------------------------------------------------------
 */

/*
 * The total order of targets (see the top of this file).  Fields a target
 * does not use (upper outside a range, baseline without has_baseline, unit
 * bytes past unit_len) play no part.
 */
int
gm_target_cmp(const GmTarget *a, const GmTarget *b)
{
	size_t la = unit_bytes(a);
	size_t lb = unit_bytes(b);
	int    r;

	if (a->cmp != b->cmp)
		return (int)a->cmp < (int)b->cmp ? -1 : 1;
	if (a->bare != b->bare)
		return a->bare ? 1 : -1;
	if ((r = gm_decimal_cmp(a->value, b->value)) != 0)
		return r;
	if (a->cmp == GM_BETWEEN && (r = gm_decimal_cmp(a->upper, b->upper)) != 0)
		return r;
	if (a->has_baseline != b->has_baseline)
		return a->has_baseline ? 1 : -1;
	if (a->has_baseline && (r = gm_decimal_cmp(a->baseline, b->baseline)) != 0)
		return r;
	if (a->unit_pos != b->unit_pos)
		return (int)a->unit_pos < (int)b->unit_pos ? -1 : 1;
	if ((r = memcmp(a->unit, b->unit, la < lb ? la : lb)) != 0)
		return r < 0 ? -1 : 1;
	if (la != lb)
		return la < lb ? -1 : 1;
	la = qual_bytes(a);
	lb = qual_bytes(b);
	if ((r = memcmp(a->qualifier, b->qualifier, la < lb ? la : lb)) != 0)
		return r < 0 ? -1 : 1;
	if (la != lb)
		return la < lb ? -1 : 1;
	if (a->start_year != b->start_year)
		return a->start_year < b->start_year ? -1 : 1;
	if (a->end_year != b->end_year)
		return a->end_year < b->end_year ? -1 : 1;
	return 0;
}

/* 64-bit FNV-1a, one byte */
static uint64_t
fnv_byte(uint64_t h, uint8_t b)
{
	h ^= b;
	return h * UINT64_C(0x100000001b3);
}

/* A 64-bit value, little-endian, so that the hash is the same everywhere */
static uint64_t
fnv_u64(uint64_t h, uint64_t v)
{
	int k;

	for (k = 0; k < 8; k++)
		h = fnv_byte(h, (uint8_t)(v >> (8 * k)));
	return h;
}

/* MurmurHash3's 64-bit finaliser: spreads FNV's weak high bits */
static uint64_t
fmix64(uint64_t k)
{
	k ^= k >> 33;
	k *= UINT64_C(0xff51afd7ed558ccd);
	k ^= k >> 33;
	k *= UINT64_C(0xc4ceb9fe1a85ec53);
	k ^= k >> 33;
	return k;
}

/* Hash a decimal by its value: trailing zeros stripped, as cmp sees it */
static uint64_t
hash_decimal(uint64_t h, GmDecimal d)
{
	int64_t      coef = d.coef;
	unsigned int scale = d.scale;

	while (scale > 0 && coef % 10 == 0)
	{
		coef /= 10;
		scale--;
	}
	if (coef == 0)
		scale = 0;
	h = fnv_u64(h, (uint64_t)coef);
	return fnv_byte(h, (uint8_t)scale);
}

/*
 * A 64-bit hash consistent with gm_target_cmp() == 0, the same on every
 * platform.  The seed is mixed into the initial state; seed 0 gives the
 * plain hash (fmix64(0) is 0).
 */
uint64_t
gm_target_hash(const GmTarget *t, uint64_t seed)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325) ^ fmix64(seed);
	size_t   ulen = unit_bytes(t);
	size_t   k;

	h = fnv_byte(h, (uint8_t)t->cmp);
	h = fnv_byte(h, t->bare ? 1 : 0);
	h = hash_decimal(h, t->value);
	if (t->cmp == GM_BETWEEN)
		h = hash_decimal(h, t->upper);
	h = fnv_byte(h, t->has_baseline ? 1 : 0);
	if (t->has_baseline)
		h = hash_decimal(h, t->baseline);
	h = fnv_byte(h, (uint8_t)t->unit_pos);
	h = fnv_byte(h, (uint8_t)ulen);
	for (k = 0; k < ulen; k++)
		h = fnv_byte(h, (uint8_t)t->unit[k]);
	/* only when present, so that the hashes of older forms stay */
	if (qual_bytes(t) > 0 || t->start_year != 0 || t->end_year != 0)
	{
		size_t qlen = qual_bytes(t);

		h = fnv_byte(h, (uint8_t)qlen);
		for (k = 0; k < qlen; k++)
			h = fnv_byte(h, (uint8_t)t->qualifier[k]);
		h = fnv_u64(h, ((uint64_t)t->start_year << 16) | t->end_year);
	}
	return fmix64(h);
}

/* ---------------------------------------------------------------------
 * Validation
 * ---------------------------------------------------------------------
 */

static bool
validate_decimal(GmDecimal d, const char *field, GmError *err)
{
	if (d.scale > GM_MAX_SCALE)
		return set_error(err, GM_ERR_SCALE, 0,
						 "expected at most %d decimals in the %s, found %u",
						 GM_MAX_SCALE, field, (unsigned int)d.scale);
	if (d.coef >= COEF_LIMIT || d.coef <= -COEF_LIMIT)
		return set_error(err, GM_ERR_TOO_MANY_DIGITS, 0,
						 "expected at most %d significant digits in the %s",
						 GM_MAX_DIGITS, field);
	return true;
}

/*
 * The invariants of everything but the unit: comparator and unit position
 * codes, the decimals, the bare form, the range order and the direction
 * of a change.
 */
static bool
validate_rule(const GmTarget *t, GmError *err)
{
	if ((unsigned int)t->cmp > GM_COMPARATOR_MAX)
		return set_error(err, GM_ERR_BINARY, 0,
						 "expected a comparator code from 0 to %d, found %d",
						 GM_COMPARATOR_MAX, (int)t->cmp);
	if ((unsigned int)t->unit_pos > GM_UNIT_AFTER)
		return set_error(err, GM_ERR_BINARY, 0,
						 "expected a unit position code from 0 to 2, found %d",
						 (int)t->unit_pos);

	if (GM_IS_DIRECTION(t->cmp))
	{
		/* "Öka": nothing but the direction */
		if (t->bare || t->has_baseline || t->value.coef != 0 ||
			t->value.scale != 0 || t->unit_pos != GM_UNIT_NONE ||
			t->unit_len != 0 || t->qual_len != 0 || t->start_year != 0 ||
			t->end_year != 0)
			return set_error(
				err, GM_ERR_BINARY, 0,
				"expected no value, unit, qualifier or year in the direction target %s",
				comparator_names[t->cmp]);
		return true;
	}
	if (t->end_year != 0 &&
		(t->end_year < GM_YEAR_MIN || t->end_year > GM_YEAR_MAX))
		return set_error(err, GM_ERR_BAD_YEAR, 0,
						 "expected a year from %d to %d, found %u",
						 GM_YEAR_MIN, GM_YEAR_MAX, (unsigned int)t->end_year);
	if (t->start_year != 0)
	{
		if (!t->has_baseline || t->end_year == 0)
			return set_error(
				err, GM_ERR_BAD_YEAR, 0,
				"expected a start year only with a baseline and an end year");
		if (t->start_year < GM_YEAR_MIN || t->start_year >= t->end_year)
			return set_error(
				err, GM_ERR_BAD_YEAR, 0,
				"expected a start year from %d and before the end year %u, found %u",
				GM_YEAR_MIN, (unsigned int)t->end_year,
				(unsigned int)t->start_year);
	}
	if (!validate_decimal(t->value, "value", err))
		return false;
	if (t->cmp == GM_BETWEEN &&
		!validate_decimal(t->upper, "upper bound", err))
		return false;
	if (t->has_baseline && !validate_decimal(t->baseline, "baseline", err))
		return false;

	/* "100 %": no comparator written means at least, nothing else */
	if (t->bare)
	{
		if (t->cmp != GM_AT_LEAST)
			return set_error(
				err, GM_ERR_BINARY, 0,
				"expected comparator at_least for a target without a written comparator, found %s",
				comparator_names[t->cmp]);
		if (t->has_baseline)
			return set_error(
				err, GM_ERR_BINARY, 0,
				"expected no baseline in a target without a written comparator");
		if (t->unit_pos == GM_UNIT_BEFORE)
			return set_error(
				err, GM_ERR_BINARY, 0,
				"expected the unit after the number in a target without a written comparator");
	}

	if (t->cmp == GM_BETWEEN && gm_decimal_cmp(t->value, t->upper) > 0)
		return set_error(err, GM_ERR_RANGE_ORDER, 0,
						 "expected a lower bound not above the upper bound");

	if (t->has_baseline)
	{
		if (t->cmp != GM_AT_LEAST && t->cmp != GM_AT_MOST)
			return set_error(
				err, GM_ERR_BINARY, 0,
				"expected comparator at_least or at_most with a baseline, found %s",
				comparator_names[t->cmp]);
		if (t->cmp == GM_AT_LEAST &&
			gm_decimal_cmp(t->value, t->baseline) <= 0)
			return set_error(
				err, GM_ERR_DIRECTION, 0,
				"expected a value above the baseline for an increase");
		if (t->cmp == GM_AT_MOST && gm_decimal_cmp(t->value, t->baseline) >= 0)
			return set_error(
				err, GM_ERR_DIRECTION, 0,
				"expected a value below the baseline for a decrease");
	}
	return true;
}

/*
 * Check every invariant of a target; see target.h.  The codes are those the
 * parser would give for the same problem (GM_ERR_RANGE_ORDER,
 * GM_ERR_DIRECTION, GM_ERR_SCALE, ...); impossible combinations of fields
 * that no text can produce are GM_ERR_BINARY.  err->pos is 0, or a
 * position within the unit for a bad unit.
 */
bool
gm_target_validate(const GmTarget *t, GmError *err)
{
	GmTarget copy;
	GmError  uerr;

	clear_error(err);
	if (!validate_rule(t, err))
		return false;

	/* the unit: consistent length, then exactly what the parser makes */
	if (t->unit_len > GM_MAX_UNIT_LEN)
		return set_error(err, GM_ERR_UNIT_TOO_LONG, 0,
						 "expected a unit of at most %d bytes, found %u",
						 GM_MAX_UNIT_LEN, (unsigned int)t->unit_len);
	if (t->unit[t->unit_len] != '\0')
		return set_error(err, GM_ERR_BINARY, 0,
						 "expected a NUL byte after the %u bytes of the unit",
						 (unsigned int)t->unit_len);
	if ((size_t)t->unit_len + t->qual_len > GM_MAX_TEXT_LEN)
		return set_error(
			err, GM_ERR_UNIT_TOO_LONG, 0,
			"expected the unit and the qualifier of at most %d bytes together, found %u",
			GM_MAX_TEXT_LEN, (unsigned int)t->unit_len + t->qual_len);
	if (t->qual_len > 0 && !gm_target_check_qualifier(t, &uerr))
		return set_error(err, uerr.code, uerr.pos, "invalid qualifier: %s",
						 uerr.message);
	if (t->unit_pos == GM_UNIT_NONE)
	{
		if (t->unit_len != 0)
			return set_error(
				err, GM_ERR_BINARY, 0,
				"expected no unit bytes with unit position none, found %u",
				(unsigned int)t->unit_len);
		clear_error(err);
		return true;
	}
	if (t->unit_len == 0)
		return set_error(err, GM_ERR_BINARY, 0,
						 "expected a unit with unit position %s",
						 t->unit_pos == GM_UNIT_BEFORE ? "before" : "after");

	copy = *t;
	if (!gm_target_set_unit(&copy, t->unit, t->unit_len, t->unit_pos, &uerr))
		return set_error(err, uerr.code, uerr.pos, "invalid unit: %s",
						 uerr.message);
	if (copy.unit_pos != t->unit_pos || copy.unit_len != t->unit_len ||
		memcmp(copy.unit, t->unit, t->unit_len) != 0)
		return set_error(
			err, GM_ERR_BINARY, 0,
			"expected the unit in normal form \"%s\" written %s the number, found \"%s\"",
			copy.unit, copy.unit_pos == GM_UNIT_BEFORE ? "before" : "after",
			t->unit);
	clear_error(err);
	return true;
}

/* ---------------------------------------------------------------------
 * Packed form
 * ---------------------------------------------------------------------
 */

/* Append one decimal at buf[n]; returns the new length */
static size_t
encode_decimal(uint8_t *buf, size_t n, GmDecimal d)
{
	uint64_t     mag = gm_decimal_magnitude(d.coef);
	unsigned int len = 0;
	unsigned int k;

	while (len < 7 && (mag >> (8 * len)) != 0)
		len++;
	buf[n++] = (uint8_t)((d.scale & DEC_SCALE_MASK) | (len << DEC_LEN_SHIFT) |
						 (d.coef < 0 ? DEC_SIGN : 0));
	for (k = 0; k < len; k++)
		buf[n++] = (uint8_t)(mag >> (8 * k));
	return n;
}

/*
 * Write the packed form of a valid target into buf (GM_MAX_ENCODED bytes
 * suffice); returns its length.  An invalid target is still written within
 * those bytes, but decodes to something else or not at all.
 */
size_t
gm_target_encode(const GmTarget *t, uint8_t *buf)
{
	size_t  ulen = unit_bytes(t);
	size_t  qlen = qual_bytes(t);
	size_t  n = 0;
	uint8_t ext = 0;

	/* an invalid target, too, stays within GM_MAX_ENCODED bytes */
	if (ulen + qlen > GM_MAX_TEXT_LEN)
		qlen = GM_MAX_TEXT_LEN - ulen;

	if (GM_IS_DIRECTION(t->cmp))
	{
		buf[n++] = FLAG_EXT;
		buf[n++] = (uint8_t)(EXT_DIRECTION |
							 ((((unsigned int)t->cmp - GM_INCREASE) & 3)
							  << EXT_DIR_SHIFT));
		return n;
	}
	if (t->end_year != 0)
		ext |= EXT_END_YEAR;
	if (t->start_year != 0)
		ext |= EXT_START_YEAR;
	if (qlen > 0)
		ext |= EXT_QUALIFIER;
	buf[n++] = (uint8_t)(((unsigned int)t->cmp & FLAG_CMP_MASK) |
						 (t->bare ? FLAG_BARE : 0) |
						 (t->has_baseline ? FLAG_BASELINE : 0) |
						 (((unsigned int)t->unit_pos << FLAG_UNIT_SHIFT) &
						  FLAG_UNIT_MASK) |
						 (ext != 0 ? FLAG_EXT : 0));
	if (ext != 0)
		buf[n++] = ext;
	n = encode_decimal(buf, n, t->value);
	if (t->cmp == GM_BETWEEN)
		n = encode_decimal(buf, n, t->upper);
	if (t->has_baseline)
		n = encode_decimal(buf, n, t->baseline);
	if (ext & EXT_START_YEAR)
	{
		buf[n++] = (uint8_t)(t->start_year & 0xFF);
		buf[n++] = (uint8_t)(t->start_year >> 8);
	}
	if (ext & EXT_END_YEAR)
	{
		buf[n++] = (uint8_t)(t->end_year & 0xFF);
		buf[n++] = (uint8_t)(t->end_year >> 8);
	}
	if (ext & EXT_QUALIFIER)
	{
		buf[n++] = (uint8_t)qlen;
		memcpy(buf + n, t->qualifier, qlen);
		n += qlen;
	}
	memcpy(buf + n, t->unit, ulen);
	return n + ulen;
}

/* Read one decimal at buf[*off], refusing every non-canonical form */
static bool
decode_decimal(const uint8_t *buf, size_t len, size_t *off, GmDecimal *d,
			   const char *field, GmError *err)
{
	size_t       start = *off;
	uint8_t      h;
	unsigned int n;
	unsigned int k;
	uint64_t     mag = 0;

	if (start >= len)
		return set_error(
			err, GM_ERR_BINARY, start,
			"invalid packed target: expected the header byte of the %s at byte %zu, found the end",
			field, start);
	h = buf[start];
	n = (h & DEC_LEN_MASK) >> DEC_LEN_SHIFT;
	if (len - start - 1 < n)
		return set_error(
			err, GM_ERR_BINARY, start,
			"invalid packed target: expected %u bytes of the %s after byte %zu, found %zu",
			n, field, start, len - start - 1);
	for (k = 0; k < n; k++)
		mag |= (uint64_t)buf[start + 1 + k] << (8 * k);
	if (n > 0 && buf[start + n] == 0)
		return set_error(
			err, GM_ERR_BINARY, start,
			"invalid packed target: expected a minimal length for the %s at byte %zu, found a zero high byte",
			field, start);
	if ((h & DEC_SIGN) && mag == 0)
		return set_error(
			err, GM_ERR_BINARY, start,
			"invalid packed target: expected no sign on a zero %s at byte %zu",
			field, start);
	if (mag >= (uint64_t)COEF_LIMIT)
		return set_error(
			err, GM_ERR_BINARY, start,
			"invalid packed target: expected at most %d digits in the %s at byte %zu",
			GM_MAX_DIGITS, field, start);
	if ((h & DEC_SCALE_MASK) > GM_MAX_SCALE) /* cannot happen in 4 bits */
		return set_error(
			err, GM_ERR_BINARY, start,
			"invalid packed target: expected a scale of at most %d in the %s at byte %zu",
			GM_MAX_SCALE, field, start);
	d->coef = (h & DEC_SIGN) ? -(int64_t)mag : (int64_t)mag;
	d->scale = (uint8_t)(h & DEC_SCALE_MASK);
	*off = start + 1 + n;
	return true;
}

/* Read a year (2 bytes, little-endian) at buf[*off]; 0 is no year */
static bool
decode_year(const uint8_t *buf, size_t len, size_t *off, uint16_t *year,
			const char *which, GmError *err)
{
	if (len - *off < 2)
		return set_error(
			err, GM_ERR_BINARY, *off,
			"invalid packed target: expected the %s year at byte %zu, found the end",
			which, *off);
	*year = (uint16_t)(buf[*off] | (buf[*off + 1] << 8));
	if (*year == 0)
		return set_error(
			err, GM_ERR_BINARY, *off,
			"invalid packed target: expected a %s year other than 0 at byte %zu",
			which, *off);
	*off += 2;
	return true;
}

/*
 * The fields of a packed target, with every structural check; the unit's
 * bytes are copied only when with_unit.  Never reads past len.
 */
static bool
decode_fields(const uint8_t *buf, size_t len, GmTarget *t, bool with_unit,
			  GmError *err)
{
	size_t       off = 1;
	uint8_t      flags;
	uint8_t      ext = 0;
	unsigned int cmp;
	unsigned int unit_pos;

	if (buf == NULL || len == 0)
		return set_error(
			err, GM_ERR_BINARY, 0,
			"invalid packed target: expected the flags byte, found the end");

	flags = buf[0];
	cmp = flags & FLAG_CMP_MASK;
	unit_pos = (flags & FLAG_UNIT_MASK) >> FLAG_UNIT_SHIFT;
	if (flags & FLAG_EXT)
	{
		if (len < 2)
			return set_error(
				err, GM_ERR_BINARY, 1,
				"invalid packed target: expected the extension byte at byte 1, found the end");
		ext = buf[1];
		off = 2;
		if (ext == 0 || (ext & EXT_RESERVED))
			return set_error(
				err, GM_ERR_BINARY, 1,
				"invalid packed target: expected an extension byte that is not 0 and has its reserved bits 6-7 clear, found 0x%02x",
				ext);
		if ((ext & EXT_DIRECTION)
				? (ext != (ext & (EXT_DIRECTION | EXT_DIR_MASK)) ||
				   flags != FLAG_EXT)
				: (ext & EXT_DIR_MASK) != 0)
			return set_error(
				err, GM_ERR_BINARY, 1,
				"invalid packed target: expected a direction target to have nothing but its direction, and other targets no direction bits, found flags 0x%02x and extension 0x%02x",
				flags, ext);
	}
	if (cmp > GM_BETWEEN)
		return set_error(
			err, GM_ERR_BINARY, 0,
			"invalid packed target: expected a comparator code from 0 to %d in the flags byte, found %u",
			GM_BETWEEN, cmp);
	if (unit_pos > GM_UNIT_AFTER)
		return set_error(
			err, GM_ERR_BINARY, 0,
			"invalid packed target: expected a unit position from 0 to 2 in the flags byte, found %u",
			unit_pos);

	t->cmp = (GmComparator)cmp;
	t->bare = (flags & FLAG_BARE) != 0;
	t->has_baseline = (flags & FLAG_BASELINE) != 0;
	t->unit_pos = (GmUnitPos)unit_pos;
	t->value.coef = t->upper.coef = t->baseline.coef = 0;
	t->value.scale = t->upper.scale = t->baseline.scale = 0;
	t->unit_len = 0;
	t->unit[0] = '\0';
	t->start_year = t->end_year = 0;
	t->qual_len = 0;
	t->qualifier[0] = '\0';

	if (ext & EXT_DIRECTION)
	{
		t->cmp = (GmComparator)(GM_INCREASE +
								((ext & EXT_DIR_MASK) >> EXT_DIR_SHIFT));
		if (off < len)
			return set_error(
				err, GM_ERR_BINARY, off,
				"invalid packed target: expected nothing after a direction target at byte %zu, found %zu more bytes",
				off, len - off);
		return true;
	}

	if (!decode_decimal(buf, len, &off, &t->value, "value", err))
		return false;
	if (t->cmp == GM_BETWEEN &&
		!decode_decimal(buf, len, &off, &t->upper, "upper bound", err))
		return false;
	if (t->has_baseline &&
		!decode_decimal(buf, len, &off, &t->baseline, "baseline", err))
		return false;
	if ((ext & EXT_START_YEAR) &&
		!decode_year(buf, len, &off, &t->start_year, "start", err))
		return false;
	if ((ext & EXT_END_YEAR) &&
		!decode_year(buf, len, &off, &t->end_year, "end", err))
		return false;
	if (ext & EXT_QUALIFIER)
	{
		size_t qlen = off < len ? buf[off] : 0;

		if (qlen == 0 || qlen > GM_MAX_QUALIFIER_LEN || len - off - 1 < qlen)
			return set_error(
				err, GM_ERR_BINARY, off,
				"invalid packed target: expected a qualifier of 1 to %d bytes at byte %zu",
				GM_MAX_QUALIFIER_LEN, off);
		/* copied in every mode: the rule's canonical form includes it */
		t->qual_len = (uint8_t)qlen;
		memcpy(t->qualifier, buf + off + 1, qlen);
		t->qualifier[qlen] = '\0';
		off += 1 + qlen;
	}

	if (t->unit_pos == GM_UNIT_NONE)
	{
		if (off < len)
			return set_error(
				err, GM_ERR_BINARY, off,
				"invalid packed target: expected no unit after byte %zu, found %zu more bytes",
				off, len - off);
	}
	else
	{
		if (off >= len)
			return set_error(
				err, GM_ERR_BINARY, off,
				"invalid packed target: expected the unit at byte %zu, found the end",
				off);
		if (len - off > GM_MAX_UNIT_LEN ||
			len - off + t->qual_len > GM_MAX_TEXT_LEN)
			return set_error(
				err, GM_ERR_BINARY, off,
				"invalid packed target: expected a unit of at most %d bytes, and of at most %d with the qualifier, at byte %zu, found %zu",
				GM_MAX_UNIT_LEN, GM_MAX_TEXT_LEN, off, len - off);
		if (with_unit)
		{
			t->unit_len = (uint8_t)(len - off);
			memcpy(t->unit, buf + off, len - off);
			t->unit[t->unit_len] = '\0';
		}
	}
	return true;
}

/*
 * Read a packed target.  Every malformed byte string gives GM_ERR_BINARY
 * with a message naming the field and err->pos at its byte; a structurally
 * sound one that breaks an invariant too (the message then is
 * gm_target_validate's).  Never reads past len.
 */
bool
gm_target_decode(const uint8_t *buf, size_t len, GmTarget *out, GmError *err)
{
	GmTarget t;
	GmError  verr;

	clear_error(err);
	memset(&t, 0, sizeof(t));
	if (!decode_fields(buf, len, &t, true, err))
		return false;
	if (!gm_target_validate(&t, &verr))
		return set_error(err, GM_ERR_BINARY, 0, "invalid packed target: %s",
						 verr.message);
	*out = t;
	return true;
}

/*
 * Read a packed target for comparing and hashing (target.h): every check
 * of gm_target_decode_rule, and the unit's bytes copied as stored.
 */
bool
gm_target_decode_for_order(const uint8_t *buf, size_t len, GmTarget *out,
						   GmError *err)
{
	GmError verr;

	clear_error(err);
	if (!decode_fields(buf, len, out, true, err))
		return false;
	if (!validate_rule(out, &verr))
		return set_error(err, GM_ERR_BINARY, 0, "invalid packed target: %s",
						 verr.message);
	return true;
}

/*
 * Read the rule of a packed target (target.h): every check of
 * gm_target_decode but the unit's bytes, which are skipped.
 */
bool
gm_target_decode_rule(const uint8_t *buf, size_t len, GmTarget *out,
					  GmError *err)
{
	GmError verr;

	/*
	 * The common case straight through: a comparator other than between,
	 * no baseline, not bare-with-a-unit-before, and a value of at most
	 * seven bytes (always) that is minimal, not a negative zero and below
	 * 10^15; the unit, if any, 1 to 64 bytes.  Exactly the checks of the
	 * general path below for these flags, which need no validate_rule.
	 */
	if (buf != NULL && len >= 2)
	{
		uint8_t      flags = buf[0];
		uint8_t      h = buf[1];
		unsigned int n = (h & DEC_LEN_MASK) >> DEC_LEN_SHIFT;
		unsigned int unit_pos = (flags & FLAG_UNIT_MASK) >> FLAG_UNIT_SHIFT;
		size_t       rest;

		if ((flags & (FLAG_EXT | FLAG_BASELINE)) == 0 &&
			(flags & FLAG_CMP_MASK) <= GM_BELOW && unit_pos <= GM_UNIT_AFTER &&
			len - 2 >= n)
		{
			uint64_t mag = 0;

			rest = len - 2 - n;
			for (unsigned int k = 0; k < n; k++)
				mag |= (uint64_t)buf[2 + k] << (8 * k);
			if ((n == 0 || buf[1 + n] != 0) && !((h & DEC_SIGN) && mag == 0) &&
				mag < (uint64_t)COEF_LIMIT &&
				(unit_pos == GM_UNIT_NONE
					 ? rest == 0
					 : rest >= 1 && rest <= GM_MAX_UNIT_LEN) &&
				(!(flags & FLAG_BARE) ||
				 ((flags & FLAG_CMP_MASK) == GM_AT_LEAST &&
				  unit_pos != GM_UNIT_BEFORE)))
			{
				out->cmp = (GmComparator)(flags & FLAG_CMP_MASK);
				out->bare = (flags & FLAG_BARE) != 0;
				out->has_baseline = false;
				out->value.coef =
					(h & DEC_SIGN) ? -(int64_t)mag : (int64_t)mag;
				out->value.scale = (uint8_t)(h & DEC_SCALE_MASK);
				out->upper.coef = out->baseline.coef = 0;
				out->upper.scale = out->baseline.scale = 0;
				out->unit_pos = (GmUnitPos)unit_pos;
				out->unit_len = 0;
				out->unit[0] = '\0';
				out->start_year = out->end_year = 0;
				out->qual_len = 0;
				out->qualifier[0] = '\0';
				if (err != NULL)
					err->code = GM_OK;
				return true;
			}
		}
	}

	clear_error(err);
	if (!decode_fields(buf, len, out, false, err))
		return false;
	if (!validate_rule(out, &verr))
		return set_error(err, GM_ERR_BINARY, 0, "invalid packed target: %s",
						 verr.message);
	return true;
}
