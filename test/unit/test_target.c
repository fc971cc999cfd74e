/*-------------------------------------------------------------------------
 *
 * test_target.c
 *	  Unit tests of the pure-C target module (src/target_*.c): the grammar,
 *	  every error class with its position, the three output styles, round
 *	  trips, the packed form (including every truncation and single-byte
 *	  corruption of several encodings), the order and the hash.
 *
 * Self-contained: a failed check prints "not ok - ..." and the program
 * ends with "N passed, M failed" (exit status 1 when M > 0).  Every parse
 * runs on a heap copy of exactly the input's length, so that AddressSanitizer
 * catches any read past len.
 *
 *	  make unit
 *
 *-------------------------------------------------------------------------
 */
#include "target.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PINNED_HASH_0 UINT64_C(0x640773f088f63c43)
#define PINNED_HASH_7 UINT64_C(0xb063e7116dcb604d)

static int passed;
static int failed;

#if defined(__GNUC__) || defined(__clang__)
static void ok(int cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
#endif

/* Count one check; print it only when it fails */
static void
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	if (cond)
	{
		passed++;
		return;
	}
	failed++;
	printf("not ok - ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* Every field, the unit's spare bytes included (both paths zero them) */
static bool
identical_fields(const GmTarget *a, const GmTarget *b)
{
	return a->cmp == b->cmp && a->bare == b->bare &&
		   a->has_baseline == b->has_baseline &&
		   a->value.coef == b->value.coef &&
		   a->value.scale == b->value.scale &&
		   a->upper.coef == b->upper.coef &&
		   a->upper.scale == b->upper.scale &&
		   a->baseline.coef == b->baseline.coef &&
		   a->baseline.scale == b->baseline.scale &&
		   a->unit_pos == b->unit_pos && a->unit_len == b->unit_len &&
		   memcmp(a->unit, b->unit, sizeof(a->unit)) == 0 &&
		   a->start_year == b->start_year && a->end_year == b->end_year &&
		   a->qual_len == b->qual_len &&
		   memcmp(a->qualifier, b->qualifier, sizeof(a->qualifier)) == 0;
}

static int fast_answered; /* inputs the fast path took, for the summary */

/*
 * The fast path and the general parser agree on the same bytes: where the
 * fast path answers, the general parser succeeds with identical fields;
 * gm_target_parse gives what the general parser gives, errors included.
 * Silent when they agree, so that every parse in this file is also a
 * differential check without changing the count.
 */
static void
check_fast_general(const char *copy, size_t len, bool r, const GmTarget *t,
				   const GmError *e)
{
	GmTarget f;
	GmTarget g;
	GmError  ge;
	bool     fr = gm_target_parse_fast(copy, len, &f);
	bool     gr = gm_target_parse_general(copy, len, &g, &ge);

	if (fr)
		fast_answered++;
	if (fr && !gr)
		ok(0, "fast path takes \"%.*s\", the general parser refuses it: %s",
		   (int)len, copy, ge.message);
	else if (fr && !identical_fields(&f, &g))
		ok(0, "fast path and general parser differ on \"%.*s\"", (int)len,
		   copy);
	if (r != gr)
		ok(0, "gm_target_parse and the general parser differ on \"%.*s\"",
		   (int)len, copy);
	else if (r && !identical_fields(t, &g))
		ok(0,
		   "gm_target_parse and the general parser give other fields on \"%.*s\"",
		   (int)len, copy);
	else if (!r && e != NULL &&
			 (e->code != ge.code || e->pos != ge.pos ||
			  strcmp(e->message, ge.message) != 0))
		ok(0,
		   "gm_target_parse and the general parser give other errors on \"%.*s\"",
		   (int)len, copy);
}

/* Parse from a heap copy of exactly len bytes (ASan sees over-reads) */
static bool
parse_exact(const char *in, size_t len, GmTarget *t, GmError *e)
{
	char *copy = malloc(len > 0 ? len : 1);
	bool  r;

	if (copy == NULL)
		abort();
	memcpy(copy, in, len);
	r = gm_target_parse(len > 0 ? copy : NULL, len, t, e);
	check_fast_general(len > 0 ? copy : NULL, len, r, t, e);
	free(copy);
	return r;
}

static bool
parse_str(const char *in, GmTarget *t, GmError *e)
{
	return parse_exact(in, strlen(in), t, e);
}

/*
 * gm_target_decode_rule on the same bytes agrees with gm_target_decode:
 * whatever decode accepts (full, non-NULL), it accepts with the same
 * comparator, flags and decimals and an empty unit; whatever it refuses,
 * decode refuses too.  Silent when it agrees, to keep the count meaningful.
 */
static bool same_target(const GmTarget *a, const GmTarget *b);

static void
check_decode_rule(const uint8_t *buf, size_t len, const GmTarget *full)
{
	GmTarget r;
	GmError  e;
	bool     ok_rule = gm_target_decode_rule(buf, len, &r, &e);

	if (ok_rule)
	{
		/*
		 * Whatever it accepts is canonical up to the unit, has a unit of a
		 * valid length, and is a valid target with a valid unit in place
		 */
		GmTarget x = r;
		uint8_t  enc[GM_MAX_ENCODED];
		size_t   m = gm_target_encode(&r, enc);
		GmError  ve;

		if (m > len || memcmp(enc, buf, m) != 0)
			ok(0, "decode_rule accepts a non-canonical rule");
		else if (r.unit_pos == GM_UNIT_NONE
					 ? len != m
					 : len - m < 1 || len - m > GM_MAX_UNIT_LEN)
			ok(0, "decode_rule accepts a unit of %zu bytes", len - m);
		if (x.unit_pos != GM_UNIT_NONE)
		{
			x.unit[0] = 'x';
			x.unit[1] = '\0';
			x.unit_len = 1;
		}
		/* the qualifier's bytes are checked by decode, like the unit's */
		if (x.qual_len > 0)
		{
			memcpy(x.qualifier, "av x", 5);
			x.qual_len = 4;
		}
		if (!gm_target_validate(&x, &ve))
			ok(0, "decode_rule accepts an invalid rule: %s", ve.message);
	}
	/*
	 * decode_for_order accepts what decode_rule accepts; where decode
	 * succeeds it gives the identical target (unit bytes included), so the
	 * order and the hash are the same
	 */
	{
		GmTarget o;
		GmError  oe;
		bool     ok_order = gm_target_decode_for_order(buf, len, &o, &oe);

		if (ok_order != ok_rule)
			ok(0, "decode_for_order %s what decode_rule %s",
			   ok_order ? "accepts" : "refuses",
			   ok_rule ? "accepts" : "refuses");
		else if (!ok_order && oe.code != GM_ERR_BINARY)
			ok(0, "decode_for_order error code %d, not GM_ERR_BINARY",
			   oe.code);
		if (full != NULL && ok_order &&
			(!same_target(full, &o) || gm_target_cmp(full, &o) != 0 ||
			 gm_target_hash(full, 7) != gm_target_hash(&o, 7)))
			ok(0, "decode_for_order gives another target than decode");
	}
	if (full == NULL)
	{
		if (!ok_rule && e.code != GM_ERR_BINARY)
			ok(0, "decode_rule error code %d, not GM_ERR_BINARY", e.code);
		return;
	}
	if (!ok_rule)
		ok(0, "decode_rule refuses what decode accepts: %s", e.message);
	else if (r.cmp != full->cmp || r.bare != full->bare ||
			 r.has_baseline != full->has_baseline ||
			 r.unit_pos != full->unit_pos ||
			 gm_decimal_cmp(r.value, full->value) != 0 ||
			 r.value.scale != full->value.scale ||
			 (full->cmp == GM_BETWEEN &&
			  (gm_decimal_cmp(r.upper, full->upper) != 0 ||
			   r.upper.scale != full->upper.scale)) ||
			 (full->has_baseline &&
			  (gm_decimal_cmp(r.baseline, full->baseline) != 0 ||
			   r.baseline.scale != full->baseline.scale)) ||
			 r.unit_len != 0 || r.unit[0] != '\0')
		ok(0, "decode_rule gives other fields than decode");
}

/* Decode from a heap copy of exactly len bytes */
static bool
decode_exact(const uint8_t *buf, size_t len, GmTarget *t, GmError *e)
{
	uint8_t *copy = malloc(len > 0 ? len : 1);
	bool     r;

	if (copy == NULL)
		abort();
	memcpy(copy, buf, len);
	r = gm_target_decode(copy, len, t, e);
	check_decode_rule(copy, len, r ? t : NULL);
	free(copy);
	return r;
}

/* Identical targets, the written scale included: equal packed forms */
static bool
same_target(const GmTarget *a, const GmTarget *b)
{
	uint8_t ea[GM_MAX_ENCODED];
	uint8_t eb[GM_MAX_ENCODED];
	size_t  na = gm_target_encode(a, ea);
	size_t  nb = gm_target_encode(b, eb);

	return na == nb && memcmp(ea, eb, na) == 0;
}

static bool
all_ascii(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if ((unsigned char)s[k] >= 0x80)
			return false;
	return true;
}

/*
 * Everything that must hold for a valid target: valid; every style formats
 * within GM_MAX_FORMATTED and parses back to the identical target (so also
 * bare, has_baseline, unit_pos and the scale); formatting is stable; the
 * symbolic style is ASCII apart from the unit; the packed form decodes back
 * to the identical target and is canonical.
 */
static void
check_round_trip(const GmTarget *t, const char *label)
{
	GmError  e;
	uint8_t  enc[GM_MAX_ENCODED];
	uint8_t  enc2[GM_MAX_ENCODED];
	size_t   n;
	GmTarget d;
	int      style;

	ok(gm_target_validate(t, &e), "%s: validate: %s", label, e.message);
	for (style = GM_STYLE_SWEDISH; style <= GM_STYLE_SYMBOLIC; style++)
	{
		char     buf[GM_MAX_FORMATTED];
		char     buf2[GM_MAX_FORMATTED];
		GmTarget u;

		n = gm_target_format(t, (GmStyle)style, buf, sizeof(buf));
		ok(n < GM_MAX_FORMATTED && strlen(buf) == n, "%s: style %d length %zu",
		   label, style, n);
		if (!parse_exact(buf, n, &u, &e))
		{
			ok(0, "%s: style %d output \"%s\" does not parse: %s", label,
			   style, buf, e.message);
			continue;
		}
		ok(gm_target_cmp(t, &u) == 0 && same_target(t, &u) &&
			   t->bare == u.bare && t->has_baseline == u.has_baseline &&
			   t->unit_pos == u.unit_pos,
		   "%s: style %d output \"%s\" parses to another target", label, style,
		   buf);
		ok(gm_target_hash(t, 0) == gm_target_hash(&u, 0),
		   "%s: style %d hash differs after the round trip", label, style);
		gm_target_format(&u, (GmStyle)style, buf2, sizeof(buf2));
		ok(strcmp(buf, buf2) == 0, "%s: style %d unstable: \"%s\" / \"%s\"",
		   label, style, buf, buf2);
		if (style == GM_STYLE_SYMBOLIC && all_ascii(t->unit, t->unit_len) &&
			all_ascii(t->qualifier, t->qual_len))
			ok(all_ascii(buf, n), "%s: symbolic output not ASCII: \"%s\"",
			   label, buf);
	}

	n = gm_target_encode(t, enc);
	ok(n >= 2 && n <= GM_MAX_ENCODED, "%s: encoded length %zu", label, n);
	if (!decode_exact(enc, n, &d, &e))
		ok(0, "%s: decode of its encoding fails: %s", label, e.message);
	else
	{
		ok(gm_target_cmp(t, &d) == 0 && same_target(t, &d),
		   "%s: decode gives another target", label);
		ok(gm_target_encode(&d, enc2) == n && memcmp(enc, enc2, n) == 0,
		   "%s: encoding not canonical", label);
	}
}

/* Parse, compare the three styles' output, and check the round trips */
static void
expect_styles(const char *in, const char *sv, const char *en, const char *sym)
{
	GmTarget t;
	GmError  e;
	char     buf[GM_MAX_FORMATTED];

	if (!parse_str(in, &t, &e))
	{
		ok(0, "\"%s\" does not parse: %s", in, e.message);
		return;
	}
	ok(e.code == GM_OK, "\"%s\": error code %d after success", in, e.code);
	gm_target_format(&t, GM_STYLE_SWEDISH, buf, sizeof(buf));
	ok(strcmp(buf, sv) == 0, "\"%s\": swedish \"%s\", expected \"%s\"", in,
	   buf, sv);
	gm_target_format(&t, GM_STYLE_ENGLISH, buf, sizeof(buf));
	ok(strcmp(buf, en) == 0, "\"%s\": english \"%s\", expected \"%s\"", in,
	   buf, en);
	gm_target_format(&t, GM_STYLE_SYMBOLIC, buf, sizeof(buf));
	ok(strcmp(buf, sym) == 0, "\"%s\": symbolic \"%s\", expected \"%s\"", in,
	   buf, sym);
	check_round_trip(&t, in);
}

/* Parse and check the fields */
static void
expect_target(const char *in, GmComparator cmp, bool bare, int64_t coef,
			  int scale, GmUnitPos unit_pos, const char *unit)
{
	GmTarget t;
	GmError  e;

	if (!parse_str(in, &t, &e))
	{
		ok(0, "\"%s\" does not parse: %s", in, e.message);
		return;
	}
	ok(t.cmp == cmp, "\"%s\": comparator %d, expected %d", in, t.cmp, cmp);
	ok(t.bare == bare, "\"%s\": bare %d, expected %d", in, t.bare, bare);
	ok(t.value.coef == coef && t.value.scale == scale,
	   "\"%s\": value %lld scale %d, expected %lld scale %d", in,
	   (long long)t.value.coef, t.value.scale, (long long)coef, scale);
	ok(t.unit_pos == unit_pos, "\"%s\": unit_pos %d, expected %d", in,
	   t.unit_pos, unit_pos);
	ok(strcmp(t.unit, unit) == 0 && t.unit_len == strlen(unit),
	   "\"%s\": unit \"%s\" (%d), expected \"%s\"", in, t.unit, t.unit_len,
	   unit);
	check_round_trip(&t, in);
}

/* A range or change target: value, and upper or baseline */
static void
expect_pair(const char *in, GmComparator cmp, bool has_baseline, int64_t first,
			int64_t second, GmUnitPos unit_pos, const char *unit)
{
	GmTarget t;
	GmError  e;
	int64_t  low;
	int64_t  high;

	if (!parse_str(in, &t, &e))
	{
		ok(0, "\"%s\" does not parse: %s", in, e.message);
		return;
	}
	ok(t.cmp == cmp && t.has_baseline == has_baseline && !t.bare,
	   "\"%s\": comparator %d baseline %d bare %d", in, t.cmp, t.has_baseline,
	   t.bare);
	/* a range is low, high; a change is baseline, value */
	low = has_baseline ? t.baseline.coef : t.value.coef;
	high = has_baseline ? t.value.coef : t.upper.coef;
	ok(low == first && high == second,
	   "\"%s\": numbers %lld, %lld, expected %lld, %lld", in, (long long)low,
	   (long long)high, (long long)first, (long long)second);
	ok(t.unit_pos == unit_pos && strcmp(t.unit, unit) == 0,
	   "\"%s\": unit %d \"%s\", expected %d \"%s\"", in, t.unit_pos, t.unit,
	   unit_pos, unit);
	check_round_trip(&t, in);
}

/* Parse must fail with code at pos; msg (if not NULL) is the message */
static void
expect_error_len(const char *in, size_t len, GmErrorCode code, size_t pos,
				 const char *msg)
{
	GmTarget t;
	GmError  e;
	size_t   mlen;

	memset(&t, 0x5a, sizeof(t));
	if (parse_exact(in, len, &t, &e))
	{
		ok(0, "\"%.*s\" parses, expected error %d", (int)len, in, code);
		return;
	}
	ok(e.code == code, "\"%.*s\": error %d (%s), expected %d", (int)len, in,
	   e.code, e.message, code);
	ok(e.pos == pos, "\"%.*s\": error position %zu, expected %zu", (int)len,
	   in, e.pos, pos);
	mlen = strlen(e.message);
	ok(mlen > 0 && e.message[0] >= 'a' && e.message[0] <= 'z' &&
		   e.message[mlen - 1] != '.' &&
		   strstr(e.message, "at character ") != NULL,
	   "\"%.*s\": message style: %s", (int)len, in, e.message);
	if (msg != NULL)
		ok(strcmp(e.message, msg) == 0,
		   "\"%.*s\": message \"%s\", expected \"%s\"", (int)len, in,
		   e.message, msg);
}

static void
expect_error(const char *in, GmErrorCode code, size_t pos, const char *msg)
{
	expect_error_len(in, strlen(in), code, pos, msg);
}

/* ---------------------------------------------------------------------
 * The seed targets and every comparator spelling
 * ---------------------------------------------------------------------
 */

static void
test_seeds(void)
{
	static const struct
	{
		const char *in;
		const char *sv;
		const char *en;
		const char *sym;
	} seeds[] = {
		{ "Minst 65 %", "Minst 65 %", "at least 65 %", ">= 65 %" },
		{ "Max 31 %", "Högst 31 %", "at most 31 %", "<= 31 %" },
		{ "Max 42 %", "Högst 42 %", "at most 42 %", "<= 42 %" },
		{ "Högst 2 100 barn", "Högst 2 100 barn", "at most 2 100 barn",
		  "<= 2 100 barn" },
		{ "Högst 170 vårddygn", "Högst 170 vårddygn", "at most 170 vårddygn",
		  "<= 170 vårddygn" },
		{ "Minst index 79", "Minst index 79", "at least index 79",
		  ">= index 79" },
		{ "Minst NKI 75", "Minst NKI 75", "at least NKI 75", ">= NKI 75" },
		{ "Minst 3 500 tkr", "Minst 3 500 tkr", "at least 3 500 tkr",
		  ">= 3 500 tkr" },
		{ "Minst 0\ntkr", "Minst 0 tkr", "at least 0 tkr", ">= 0 tkr" },
		{ "100 %", "100 %", "100 %", "100 %" },
		{ "50 %", "50 %", "50 %", "50 %" },
		{ "Minst 6", "Minst 6", "at least 6", ">= 6" },
		{ "Minst 1", "Minst 1", "at least 1", ">= 1" },
		{ "Minst 0", "Minst 0", "at least 0", ">= 0" },
		{ "Minst 40", "Minst 40", "at least 40", ">= 40" },
		{ "Minst 2 400", "Minst 2 400", "at least 2 400", ">= 2 400" },
		{ "Minst 73", "Minst 73", "at least 73", ">= 73" },
		{ "Max 13,2 %", "Högst 13,2 %", "at most 13.2 %", "<= 13.2 %" },
		{ "Minst 72,3", "Minst 72,3", "at least 72.3", ">= 72.3" },
		{ "Minst 69 000", "Minst 69 000", "at least 69 000", ">= 69 000" },
		{ "Minst 25 st", "Minst 25 st", "at least 25 st", ">= 25 st" },
		{ "Lägst 5", "Minst 5", "at least 5", ">= 5" },
		{ "Högst 40 %", "Högst 40 %", "at most 40 %", "<= 40 %" },
		{ "at least 65 %", "Minst 65 %", "at least 65 %", ">= 65 %" },
		{ ">= 65 %", "Minst 65 %", "at least 65 %", ">= 65 %" },
		{ "≥ 65 %", "Minst 65 %", "at least 65 %", ">= 65 %" },
		{ "<= 42 %", "Högst 42 %", "at most 42 %", "<= 42 %" },
		{ "≤ 42", "Högst 42", "at most 42", "<= 42" },
		/* from the seed tables, beyond the list in the brief */
		{ "Minst 57 %", "Minst 57 %", "at least 57 %", ">= 57 %" },
		{ "Minst NKI 75", "Minst NKI 75", "at least NKI 75", ">= NKI 75" },
		{ "Minst 0 tkr", "Minst 0 tkr", "at least 0 tkr", ">= 0 tkr" },
	};
	size_t k;

	for (k = 0; k < sizeof(seeds) / sizeof(seeds[0]); k++)
		expect_styles(seeds[k].in, seeds[k].sv, seeds[k].en, seeds[k].sym);

	expect_target("Minst 65 %", GM_AT_LEAST, false, 65, 0, GM_UNIT_AFTER, "%");
	expect_target("Högst 2 100 barn", GM_AT_MOST, false, 2100, 0,
				  GM_UNIT_AFTER, "barn");
	expect_target("Minst index 79", GM_AT_LEAST, false, 79, 0, GM_UNIT_BEFORE,
				  "index");
	expect_target("Minst 0\ntkr", GM_AT_LEAST, false, 0, 0, GM_UNIT_AFTER,
				  "tkr");
	expect_target("100 %", GM_AT_LEAST, true, 100, 0, GM_UNIT_AFTER, "%");
	expect_target("Max 13,2 %", GM_AT_MOST, false, 132, 1, GM_UNIT_AFTER, "%");
	expect_target("Minst 6", GM_AT_LEAST, false, 6, 0, GM_UNIT_NONE, "");
}

static void
test_comparators(void)
{
	static const struct
	{
		const char  *in;
		GmComparator cmp;
	} spellings[] = {
		{ "Minst 5", GM_AT_LEAST },
		{ "minst 5", GM_AT_LEAST },
		{ "MINST 5", GM_AT_LEAST },
		{ "Lägst 5", GM_AT_LEAST },
		{ "LÄGST 5", GM_AT_LEAST },
		{ "lÄgSt 5", GM_AT_LEAST },
		{ "Min 5", GM_AT_LEAST },
		{ "Min. 5", GM_AT_LEAST },
		{ "MIN.5", GM_AT_LEAST },
		{ "at least 5", GM_AT_LEAST },
		{ "At Least 5", GM_AT_LEAST },
		{ "at\n\t least 5", GM_AT_LEAST },
		{ "at\xc2\xa0least 5", GM_AT_LEAST },
		{ ">= 5", GM_AT_LEAST },
		{ ">=5", GM_AT_LEAST },
		{ "≥ 5", GM_AT_LEAST },
		{ "≥5", GM_AT_LEAST },
		{ "=> 5", GM_AT_LEAST },
		{ "=>5", GM_AT_LEAST },
		{ "Minst\n5", GM_AT_LEAST },
		{ "Minst\xe2\x80\xaf"
		  "5",
		  GM_AT_LEAST },
		{ "Högst 5", GM_AT_MOST },
		{ "HÖGST 5", GM_AT_MOST },
		{ "högst 5", GM_AT_MOST },
		{ "Max 5", GM_AT_MOST },
		{ "Max. 5", GM_AT_MOST },
		{ "max.5", GM_AT_MOST },
		{ "Maximalt 5", GM_AT_MOST },
		{ "MAXIMALT 5", GM_AT_MOST },
		{ "at most 5", GM_AT_MOST },
		{ "AT MOST 5", GM_AT_MOST },
		{ "<= 5", GM_AT_MOST },
		{ "<=5", GM_AT_MOST },
		{ "≤ 5", GM_AT_MOST },
		{ "=< 5", GM_AT_MOST },
		{ "=<5", GM_AT_MOST },
		{ "Över 5", GM_ABOVE },
		{ "ÖVER 5", GM_ABOVE },
		{ "över 5", GM_ABOVE },
		{ "Mer än 5", GM_ABOVE },
		{ "MER ÄN 5", GM_ABOVE },
		{ "mer\n  än 5", GM_ABOVE },
		{ "above 5", GM_ABOVE },
		{ "Above 5", GM_ABOVE },
		{ "more than 5", GM_ABOVE },
		{ "More  Than 5", GM_ABOVE },
		{ "> 5", GM_ABOVE },
		{ ">5", GM_ABOVE },
		{ "Under 5", GM_BELOW },
		{ "UNDER 5", GM_BELOW },
		{ "Mindre än 5", GM_BELOW },
		{ "MINDRE ÄN 5", GM_BELOW },
		{ "below 5", GM_BELOW },
		{ "less than 5", GM_BELOW },
		{ "Less\tthan 5", GM_BELOW },
		{ "< 5", GM_BELOW },
		{ "<5", GM_BELOW },
		{ "Exakt 5", GM_EXACTLY },
		{ "EXAKT 5", GM_EXACTLY },
		{ "exactly 5", GM_EXACTLY },
		{ "Exactly 5", GM_EXACTLY },
		{ "= 5", GM_EXACTLY },
		{ "=5", GM_EXACTLY },
		{ "  \t Minst 5 \n ", GM_AT_LEAST },
		{ "\xc2\xa0Minst 5\xe2\x80\x89", GM_AT_LEAST },
		/* decomposed å ä ö: a letter and a combining mark */
		{ "La\xcc\x88gst 5", GM_AT_LEAST },
		{ "LA\xcc\x88GST 5", GM_AT_LEAST },
		{ "Ho\xcc\x88gst 5", GM_AT_MOST },
		{ "O\xcc\x88ver 5", GM_ABOVE },
		{ "mer a\xcc\x88n 5", GM_ABOVE },
	};
	size_t k;

	for (k = 0; k < sizeof(spellings) / sizeof(spellings[0]); k++)
		expect_target(spellings[k].in, spellings[k].cmp, false, 5, 0,
					  GM_UNIT_NONE, "");

	/* longest match and word boundaries */
	expect_target("Minst 5 st", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, "st");
	expect_target("Min st 5", GM_AT_LEAST, false, 5, 0, GM_UNIT_BEFORE, "st");
	expect_target("Minst-5", GM_AT_LEAST, false, -5, 0, GM_UNIT_NONE, "");
	expect_target("Under-5", GM_BELOW, false, -5, 0, GM_UNIT_NONE, "");
	expect_error(
		"Minst5", GM_ERR_UNKNOWN_COMPARATOR, 0,
		"expected a comparator or a number at character 1, found \"Minst5\"");
	expect_error(
		"Minska 5", GM_ERR_UNKNOWN_COMPARATOR, 7,
		"expected \"från\", \"till\" or the end of the text after a direction (\"Öka\", \"Öka från 70 % till 75 %\", \"Öka till 75 %\") at character 8, found \"5\"");
	expect_error("Mindre 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("Mer 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("Maxi 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("Minsta 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("Högsta 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("Överst 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("at 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("atleast 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error(
		"Approximately 65 %", GM_ERR_UNKNOWN_COMPARATOR, 0,
		"expected a comparator or a number at character 1, found \"Approximately\"");
	expect_error("index 79", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("% 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	/* prose (issue 17): "ska" is a modal verb, then any target */
	expect_target("ska 5", GM_AT_LEAST, true, 5, 0, GM_UNIT_NONE, "");
	expect_target("ska minst 5", GM_AT_LEAST, false, 5, 0, GM_UNIT_NONE, "");
	expect_error(
		"ska", GM_ERR_MISSING_NUMBER, 3,
		"expected a comparator, a number or a direction after the verb at character 4");
	expect_error(
		"Öka 5", GM_ERR_UNKNOWN_COMPARATOR, 5,
		"expected \"från\", \"till\" or the end of the text after a direction (\"Öka\", \"Öka från 70 % till 75 %\", \"Öka till 75 %\") at character 5, found \"5\"");
	expect_error("Åka från 1 till 2", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("La\xcc\x8agst 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("Lo\xcc\x88gst 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("La\xcc", GM_ERR_ENCODING, 2, NULL);
	expect_pair("O\xcc\x88ka fra\xcc\x8an 1 till 2", GM_AT_LEAST, true, 1, 2,
				GM_UNIT_NONE, "");
	expect_error("Hägst 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("<> 5", GM_ERR_MISSING_NUMBER, 1,
				 "expected a number at character 2, found \">\"");
	expect_error("≥≥ 5", GM_ERR_MISSING_NUMBER, 3, NULL);
}

/* ---------------------------------------------------------------------
 * Numbers
 * ---------------------------------------------------------------------
 */

static void
test_numbers(void)
{
	static const struct
	{
		const char *in;
		int64_t     coef;
		int         scale;
		const char *sv; /* the number as the swedish style prints it */
	} numbers[] = {
		{ "0", 0, 0, "0" },
		{ "-0", 0, 0, "0" },
		{ "+0", 0, 0, "0" },
		{ "−0", 0, 0, "0" },
		{ "-0,00", 0, 2, "0,00" },
		{ "0,0", 0, 1, "0,0" },
		{ "007", 7, 0, "7" },
		{ "0001,5", 15, 1, "1,5" },
		{ "5", 5, 0, "5" },
		{ "+5", 5, 0, "5" },
		{ "-5", -5, 0, "-5" },
		{ "−5", -5, 0, "-5" },
		{ "999", 999, 0, "999" },
		{ "1000", 1000, 0, "1 000" },
		{ "1 000", 1000, 0, "1 000" },
		{ "2 100", 2100, 0, "2 100" },
		{ "2\xc2\xa0"
		  "100",
		  2100, 0, "2 100" },
		{ "2\xe2\x80\x89"
		  "100",
		  2100, 0, "2 100" },
		{ "2\xe2\x80\xaf"
		  "100",
		  2100, 0, "2 100" },
		{ "69 000", 69000, 0, "69 000" },
		{ "69000", 69000, 0, "69 000" },
		{ "123 456", 123456, 0, "123 456" },
		{ "123 456,5", 1234565, 1, "123 456,5" },
		{ "123 456.5", 1234565, 1, "123 456,5" },
		{ "1 000 000", 1000000, 0, "1 000 000" },
		{ "-1 000 000,25", -100000025, 2, "-1 000 000,25" },
		{ "2,100", 2100, 3, "2,100" },
		{ "2.100", 2100, 3, "2,100" },
		{ "2,1", 21, 1, "2,1" },
		{ "42,0", 420, 1, "42,0" },
		{ "13,2", 132, 1, "13,2" },
		{ "0,5", 5, 1, "0,5" },
		{ "-0,5", -5, 1, "-0,5" },
		{ "0,000000000000001", 1, 15, "0,000000000000001" },
		{ "-0,000000000000001", -1, 15, "-0,000000000000001" },
		{ "0,100000000000000", INT64_C(100000000000000), 15,
		  "0,100000000000000" },
		{ "999 999 999 999 999", INT64_C(999999999999999), 0,
		  "999 999 999 999 999" },
		{ "-999999999999999", -INT64_C(999999999999999), 0,
		  "-999 999 999 999 999" },
		{ "99 999 999 999 999,9", INT64_C(999999999999999), 1,
		  "99 999 999 999 999,9" },
		{ "9,99999999999999", INT64_C(999999999999999), 14,
		  "9,99999999999999" },
		{ "0,999999999999999", INT64_C(999999999999999), 15,
		  "0,999999999999999" },
		{ "000000000000000000001", 1, 0, "1" },
		{ "0,000000000000000", 0, 15, "0,000000000000000" },
		{ "100000000000000", INT64_C(100000000000000), 0,
		  "100 000 000 000 000" },
	};
	size_t k;

	for (k = 0; k < sizeof(numbers) / sizeof(numbers[0]); k++)
	{
		char in[64];
		char sv[64];

		snprintf(in, sizeof(in), "Minst %s", numbers[k].in);
		snprintf(sv, sizeof(sv), "Minst %s", numbers[k].sv);
		expect_target(in, GM_AT_LEAST, false, numbers[k].coef,
					  numbers[k].scale, GM_UNIT_NONE, "");
		{
			GmTarget t;
			char     buf[GM_MAX_FORMATTED];

			if (parse_str(in, &t, NULL))
			{
				gm_target_format(&t, GM_STYLE_SWEDISH, buf, sizeof(buf));
				ok(strcmp(buf, sv) == 0,
				   "\"%s\" formats as \"%s\", expected \"%s\"", in, buf, sv);
			}
		}
		/* and as a bare target */
		expect_target(numbers[k].in, GM_AT_LEAST, true, numbers[k].coef,
					  numbers[k].scale, GM_UNIT_NONE, "");
	}

	/* malformed numbers */
	expect_error(
		"1 23", GM_ERR_BAD_NUMBER, 2,
		"expected three digits after the thousands separator at character 3");
	expect_error("Minst 1 23 barn", GM_ERR_BAD_NUMBER, 8, NULL);
	expect_error("Minst 1 2345", GM_ERR_BAD_NUMBER, 8, NULL);
	expect_error("Minst 12 345 67", GM_ERR_BAD_NUMBER, 13, NULL);
	expect_error("5 1", GM_ERR_BAD_NUMBER, 2, NULL);
	expect_error(
		"1000 000", GM_ERR_BAD_NUMBER, 4,
		"expected a thousands separator only after a group of 1 to 3 digits at character 5");
	expect_error("1,2,3", GM_ERR_BAD_NUMBER, 3,
				 "unexpected second decimal separator at character 4");
	expect_error("1.234.567", GM_ERR_BAD_NUMBER, 5, NULL);
	expect_error("1,234.5", GM_ERR_BAD_NUMBER, 5, NULL);
	expect_error(
		".5", GM_ERR_BAD_NUMBER, 0,
		"expected a digit before the decimal separator at character 1");
	expect_error(",5", GM_ERR_BAD_NUMBER, 0, NULL);
	expect_error("Minst ,5", GM_ERR_BAD_NUMBER, 6, NULL);
	expect_error("-.5", GM_ERR_BAD_NUMBER, 1, NULL);
	expect_error(
		"5.", GM_ERR_BAD_NUMBER, 1,
		"expected a digit after the decimal separator at character 2");
	expect_error("Minst 5, %", GM_ERR_BAD_NUMBER, 7, NULL);
	expect_error("Minst 5.,5", GM_ERR_BAD_NUMBER, 7, NULL);
	expect_error(
		"0,123 456", GM_ERR_BAD_NUMBER, 5,
		"unexpected thousands separator in the decimals at character 6");
	expect_error(
		"+ 5", GM_ERR_BAD_NUMBER, 1,
		"expected a digit after the sign at character 2, found whitespace");
	expect_error("Minst - 5", GM_ERR_BAD_NUMBER, 7, NULL);
	expect_error("Minst +-5", GM_ERR_BAD_NUMBER, 7, NULL);
	expect_error("Minst −x", GM_ERR_BAD_NUMBER, 9, NULL);
	expect_error("-", GM_ERR_BAD_NUMBER, 1,
				 "expected a digit after the sign at character 2");
	expect_error("Minst 5 000 0", GM_ERR_BAD_NUMBER, 12, NULL);

	/* a newline, a tab or two spaces do not group digits */
	expect_error("Minst 2\n100", GM_ERR_STRAY_TEXT, 8,
				 "unexpected text \"100\" at character 9");
	expect_error("Minst 2\t100", GM_ERR_STRAY_TEXT, 8, NULL);
	expect_error("Minst 2  100", GM_ERR_STRAY_TEXT, 9, NULL);

	/* too many digits, too many decimals */
	expect_error(
		"1234567890123456", GM_ERR_TOO_MANY_DIGITS, 0,
		"expected at most 15 significant digits at character 1, found 16");
	expect_error("Minst 1 000 000 000 000 000", GM_ERR_TOO_MANY_DIGITS, 6,
				 NULL);
	expect_error("Minst -1000000000000000", GM_ERR_TOO_MANY_DIGITS, 6, NULL);
	expect_error("12345678901234,56", GM_ERR_TOO_MANY_DIGITS, 0, NULL);
	expect_error("99999999999999999999999999999", GM_ERR_TOO_MANY_DIGITS, 0,
				 NULL);
	expect_error("1,000000000000000", GM_ERR_TOO_MANY_DIGITS, 0, NULL);
	expect_error("0,0000000000000001", GM_ERR_SCALE, 0,
				 "expected at most 15 decimals at character 1, found 16");
	expect_error("Minst 0,0000000000000000", GM_ERR_SCALE, 6, NULL);
	expect_error("1,0000000000000000", GM_ERR_SCALE, 0, NULL);

	/* scientific notation */
	expect_error(
		"1e5", GM_ERR_SCIENTIFIC, 1,
		"expected a plain decimal number at character 2, found scientific notation");
	expect_error("1E-3", GM_ERR_SCIENTIFIC, 1, NULL);
	expect_error("6,5e3", GM_ERR_SCIENTIFIC, 3, NULL);
	expect_error("Minst 2e+2 %", GM_ERR_SCIENTIFIC, 7, NULL);
	expect_error("Minst 1e−3", GM_ERR_SCIENTIFIC, 7, NULL);
	expect_error("Minst 1 000E2", GM_ERR_SCIENTIFIC, 11, NULL);
	/* an "e" not followed by a digit is a unit */
	expect_target("Minst 5e", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, "e");
	expect_target("Minst 5 e5", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, "e5");
	expect_target("Minst 5eur", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "eur");
	expect_target("Minst 5e-x", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "e-x");
	expect_error("Minst 5e-x;", GM_ERR_STRAY_TEXT, 10, NULL);

	/* NaN and infinity where a number belongs */
	expect_error("NaN", GM_ERR_NAN_INF, 0,
				 "expected a finite number at character 1, found \"NaN\"");
	expect_error("nan %", GM_ERR_NAN_INF, 0, NULL);
	expect_error("Infinity", GM_ERR_NAN_INF, 0, NULL);
	expect_error("inf", GM_ERR_NAN_INF, 0, NULL);
	expect_error("INF %", GM_ERR_NAN_INF, 0, NULL);
	expect_error(
		"-Infinity", GM_ERR_NAN_INF, 0,
		"expected a finite number at character 1, found \"-Infinity\"");
	expect_error("+inf", GM_ERR_NAN_INF, 0, NULL);
	expect_error("−inf", GM_ERR_NAN_INF, 0, NULL);
	expect_error("∞", GM_ERR_NAN_INF, 0, NULL);
	expect_error("-∞", GM_ERR_NAN_INF, 0, NULL);
	expect_error("Minst NaN", GM_ERR_NAN_INF, 6, NULL);
	expect_error("Minst -inf %", GM_ERR_NAN_INF, 6, NULL);
	expect_error("Minst ∞ %", GM_ERR_NAN_INF, 6, NULL);
	expect_error("Minst index ∞", GM_ERR_NAN_INF, 12, NULL);
	expect_error("Minst index Infinity", GM_ERR_NAN_INF, 12, NULL);
	expect_error("Mellan 1 och inf", GM_ERR_NAN_INF, 13, NULL);
	expect_error("Mellan NaN och 1", GM_ERR_NAN_INF, 7, NULL);
	expect_error("från 1 till ∞", GM_ERR_NAN_INF, 13, NULL);
	expect_error("1-inf", GM_ERR_NAN_INF, 2, NULL);
	expect_error("1 - inf", GM_ERR_NAN_INF, 4, NULL);
	/* words that merely start like them are not */
	expect_target("Minst info 5", GM_AT_LEAST, false, 5, 0, GM_UNIT_BEFORE,
				  "info");
	expect_target("Minst nano 5", GM_AT_LEAST, false, 5, 0, GM_UNIT_BEFORE,
				  "nano");
	expect_target("Minst 5 inf", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "inf");
	expect_error("Infinite 5", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
}

/* ---------------------------------------------------------------------
 * Units
 * ---------------------------------------------------------------------
 */

static void
test_units(void)
{
	char     in[256];
	char     unit[128];
	GmTarget t;
	GmError  e;

	expect_target("Minst 65%", GM_AT_LEAST, false, 65, 0, GM_UNIT_AFTER, "%");
	expect_target("Minst 65 procent", GM_AT_LEAST, false, 65, 0, GM_UNIT_AFTER,
				  "%");
	expect_target("Minst 65 PROCENT", GM_AT_LEAST, false, 65, 0, GM_UNIT_AFTER,
				  "%");
	expect_target("Minst 65 Percent", GM_AT_LEAST, false, 65, 0, GM_UNIT_AFTER,
				  "%");
	expect_target("Minst procent 65", GM_AT_LEAST, false, 65, 0, GM_UNIT_AFTER,
				  "%");
	expect_target("Minst % 65", GM_AT_LEAST, false, 65, 0, GM_UNIT_AFTER, "%");
	expect_target("65 procent", GM_AT_LEAST, true, 65, 0, GM_UNIT_AFTER, "%");
	expect_target("Minst 5 procentenheter", GM_AT_LEAST, false, 5, 0,
				  GM_UNIT_AFTER, "procentenheter");
	expect_target("Minst 5 pp", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, "pp");
	/* percent once, and "%" as a word of its own (issue 12) */
	expect_error("Minst 5 procent procent", GM_ERR_BAD_UNIT, 8, NULL);
	expect_error("Minst 5 %%", GM_ERR_BAD_UNIT, 8, NULL);
	expect_error(
		"Minst 65 % %", GM_ERR_BAD_UNIT, 9,
		"expected \"%\" once and as a word of its own in the unit at character 10, found \"% %\"");
	expect_error("Minst 65 % av 5 %", GM_ERR_STRAY_TEXT, 14, NULL);
	expect_error("Minst 65 % av alla %", GM_ERR_BAD_UNIT, 11, NULL);
	expect_error("Minst 65 % av procent", GM_ERR_BAD_UNIT, 11, NULL);
	expect_error("Minst 65 procent %", GM_ERR_BAD_UNIT, 9, NULL);
	expect_error("Minst % % 65", GM_ERR_BAD_UNIT, 6, NULL);
	expect_error("Minst 5 kr/%", GM_ERR_BAD_UNIT, 8, NULL);
	/* the words after a percent unit are its qualifier (issue 17) */
	expect_target("Minst 5 % per år", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "%");
	expect_target("Minst 5 procent per år", GM_AT_LEAST, false, 5, 0,
				  GM_UNIT_AFTER, "%");
	expect_target("Minst 5 kronor per invånare", GM_AT_LEAST, false, 5, 0,
				  GM_UNIT_AFTER, "kronor per invånare");
	expect_target("Minst 5 kronor \t per\n\xc2\xa0invånare", GM_AT_LEAST,
				  false, 5, 0, GM_UNIT_AFTER, "kronor per invånare");
	expect_target("Minst 5 kWh per kvadratmeter", GM_AT_LEAST, false, 5, 0,
				  GM_UNIT_AFTER, "kWh per kvadratmeter");
	expect_target("Minst 5 m²", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, "m²");
	expect_target("Minst 5 kr/inv.", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "kr/inv.");
	expect_target("Minst 5 (st)", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "(st)");
	expect_target("Minst 5 CO2-ekv", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "CO2-ekv");
	expect_target("Minst 5 €", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, "€");
	expect_target("Minst 5 / år", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "/ år");
	expect_target("Minst 5 ÅR", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, "ÅR");
	expect_target("Minst 5 Barn", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "Barn");
	expect_target("Högst 2 100barn", GM_AT_MOST, false, 2100, 0, GM_UNIT_AFTER,
				  "barn");
	expect_target("Minst index\n41", GM_AT_LEAST, false, 41, 0, GM_UNIT_BEFORE,
				  "index");
	expect_target("Minst Nöjd Kund Index 75", GM_AT_LEAST, false, 75, 0,
				  GM_UNIT_BEFORE, "Nöjd Kund Index");
	expect_target(">= index 79", GM_AT_LEAST, false, 79, 0, GM_UNIT_BEFORE,
				  "index");
	expect_target("Minst kr-5", GM_AT_LEAST, false, -5, 0, GM_UNIT_BEFORE,
				  "kr");
	expect_target("Minst 5 st.", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "st.");
	expect_error("Minst 5 %.", GM_ERR_BAD_UNIT, 8, NULL);
	expect_styles("Minst procent 65", "Minst 65 %", "at least 65 %",
				  ">= 65 %");
	expect_styles("Minst 5 €", "Minst 5 €", "at least 5 €", ">= 5 €");

	/* stray text */
	expect_error("Minst 5 ;", GM_ERR_STRAY_TEXT, 8,
				 "unexpected text \";\" at character 9");
	expect_error("Minst 5 kr;", GM_ERR_STRAY_TEXT, 10, NULL);
	expect_error("Minst 5 \"kr\"", GM_ERR_STRAY_TEXT, 8, NULL);
	expect_error("Minst 5 kr = 6", GM_ERR_STRAY_TEXT, 11, NULL);
	expect_error("Minst 5 kr < 6", GM_ERR_STRAY_TEXT, 11, NULL);
	expect_error("Minst 5 kr 6", GM_ERR_STRAY_TEXT, 11, NULL);
	expect_error("100 % 5", GM_ERR_STRAY_TEXT, 6, NULL);
	expect_error("Minst 5 $", GM_ERR_STRAY_TEXT, 8, NULL);
	expect_error("Minst 5 kr, 6", GM_ERR_STRAY_TEXT, 10, NULL);
	expect_error("Minst 5 covid-19", GM_ERR_STRAY_TEXT, 13, NULL);
	expect_error("Minst 5 →", GM_ERR_STRAY_TEXT, 8, NULL);
	expect_error("Minst 5 .kr", GM_ERR_STRAY_TEXT, 8, NULL);
	expect_error("Minst 65 % xyzzy ; and more text here", GM_ERR_STRAY_TEXT,
				 17, "unexpected text \";\" at character 18");
	expect_error("Minst 5 kr aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;",
				 GM_ERR_STRAY_TEXT, 41, NULL);
	expect_error("Minst 5 5aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
				 GM_ERR_BAD_NUMBER, 8, NULL);
	expect_error(
		"Minst 5 kr 1234567890123456789012345", GM_ERR_STRAY_TEXT, 11,
		"unexpected text \"12345678901234567890...\" at character 12");
	expect_error("Minst 5 kr 1234567890123456789å", GM_ERR_STRAY_TEXT, 11,
				 "unexpected text \"1234567890123456789...\" at character 12");
	expect_error("Minst index; 5", GM_ERR_MISSING_NUMBER, 11, NULL);

	/* unit on both sides, different units */
	expect_error(
		"Minst index 79 %", GM_ERR_UNIT_MISMATCH, 15,
		"expected no unit after the number at character 16, found \"%\" (the unit \"index\" is written before it)");
	expect_error("Minst procent 65 %", GM_ERR_UNIT_MISMATCH, 17, NULL);
	expect_error("Minst index 79kr", GM_ERR_UNIT_MISMATCH, 14, NULL);

	/* length: 64 bytes fit, 65 do not, counted normalised */
	memset(unit, 'a', 64);
	unit[64] = '\0';
	snprintf(in, sizeof(in), "Minst 5 %s", unit);
	expect_target(in, GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, unit);
	snprintf(in, sizeof(in), "Minst %s 5", unit);
	expect_target(in, GM_AT_LEAST, false, 5, 0, GM_UNIT_BEFORE, unit);
	snprintf(in, sizeof(in), "Minst %sa 5", unit);
	expect_error(in, GM_ERR_UNIT_TOO_LONG, 6, NULL);
	snprintf(in, sizeof(in), "Minst %s a 5", unit);
	expect_error(in, GM_ERR_UNIT_TOO_LONG, 6, NULL);
	snprintf(in, sizeof(in), "Minst 5 %sa", unit);
	expect_error(in, GM_ERR_UNIT_TOO_LONG, 8,
				 "expected a unit of at most 64 bytes at character 9");
	memset(unit, 'b', 31);
	unit[31] = ' ';
	memset(unit + 32, 'c', 32);
	unit[64] = '\0';
	snprintf(in, sizeof(in), "Minst 5 %s", unit);
	expect_target(in, GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, unit);
	/* the same with many spaces between: still 64 bytes normalised */
	snprintf(in, sizeof(in), "Minst 5 %.31s \n\t   %s", unit, unit + 32);
	expect_target(in, GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER, unit);
	snprintf(in, sizeof(in), "Minst 5 %.31s  %sc", unit, unit + 32);
	expect_error(in, GM_ERR_UNIT_TOO_LONG, 8, NULL);
	/* 32 two-byte letters are 64 bytes */
	in[0] = '\0';
	strcat(in, "Minst 5 ");
	{
		int k;

		for (k = 0; k < 32; k++)
			strcat(in, "ö");
	}
	ok(parse_str(in, &t, &e) && t.unit_len == 64, "32 x ö is a 64-byte unit");
	strcat(in, "ö");
	expect_error(in, GM_ERR_UNIT_TOO_LONG, 8, NULL);
}

/* ---------------------------------------------------------------------
 * Ranges and change targets
 * ---------------------------------------------------------------------
 */

static void
test_ranges(void)
{
	expect_pair("Mellan 95 och 105 %", GM_BETWEEN, false, 95, 105,
				GM_UNIT_AFTER, "%");
	expect_pair("MELLAN 95 OCH 105 %", GM_BETWEEN, false, 95, 105,
				GM_UNIT_AFTER, "%");
	expect_pair("between 95 and 105 %", GM_BETWEEN, false, 95, 105,
				GM_UNIT_AFTER, "%");
	expect_pair("Mellan 95 % och 105 %", GM_BETWEEN, false, 95, 105,
				GM_UNIT_AFTER, "%");
	expect_pair("Mellan 95 % och 105", GM_BETWEEN, false, 95, 105,
				GM_UNIT_AFTER, "%");
	expect_pair("Mellan 95 procent och 105 %", GM_BETWEEN, false, 95, 105,
				GM_UNIT_AFTER, "%");
	expect_pair("Mellan index 95 och 105", GM_BETWEEN, false, 95, 105,
				GM_UNIT_BEFORE, "index");
	expect_pair("Mellan 1 och 2 kronor och ören", GM_BETWEEN, false, 1, 2,
				GM_UNIT_AFTER, "kronor och ören");
	expect_pair("Mellan 95 and 105", GM_BETWEEN, false, 95, 105, GM_UNIT_NONE,
				"");
	expect_pair("Mellan 5och 6", GM_BETWEEN, false, 5, 6, GM_UNIT_NONE, "");
	expect_pair("95–105 %", GM_BETWEEN, false, 95, 105, GM_UNIT_AFTER, "%");
	expect_pair("95-105 %", GM_BETWEEN, false, 95, 105, GM_UNIT_AFTER, "%");
	expect_pair("95—105 %", GM_BETWEEN, false, 95, 105, GM_UNIT_AFTER, "%");
	expect_pair("95 – 105 %", GM_BETWEEN, false, 95, 105, GM_UNIT_AFTER, "%");
	expect_pair("95 %–105 %", GM_BETWEEN, false, 95, 105, GM_UNIT_AFTER, "%");
	expect_pair("95%-105%", GM_BETWEEN, false, 95, 105, GM_UNIT_AFTER, "%");
	expect_pair("5 kr-10 kr", GM_BETWEEN, false, 5, 10, GM_UNIT_AFTER, "kr");
	expect_pair("5kr-10", GM_BETWEEN, false, 5, 10, GM_UNIT_AFTER, "kr");
	expect_pair("91–99 procent", GM_BETWEEN, false, 91, 99, GM_UNIT_AFTER,
				"%");
	expect_pair("-5--3", GM_BETWEEN, false, -5, -3, GM_UNIT_NONE, "");
	expect_pair("-5 - -3", GM_BETWEEN, false, -5, -3, GM_UNIT_NONE, "");
	expect_pair("−5–−3", GM_BETWEEN, false, -5, -3, GM_UNIT_NONE, "");
	expect_pair("-5-3", GM_BETWEEN, false, -5, 3, GM_UNIT_NONE, "");
	expect_pair("5-5", GM_BETWEEN, false, 5, 5, GM_UNIT_NONE, "");
	expect_pair("Mellan 5 och 5,0", GM_BETWEEN, false, 5, 50, GM_UNIT_NONE,
				"");
	expect_pair("1 000–2 000 kr", GM_BETWEEN, false, 1000, 2000, GM_UNIT_AFTER,
				"kr");
	/* a dash after the first number is the range dash, not a sign */
	expect_pair("-5 -3,5e", GM_BETWEEN, false, -5, 35, GM_UNIT_AFTER, "e");

	expect_styles("Mellan 95 och 105 %", "Mellan 95 och 105 %",
				  "between 95 and 105 %", "95-105 %");
	expect_styles("-5--3", "Mellan -5 och -3", "between -5 and -3", "-5--3");
	expect_styles("0,5–1,25 %", "Mellan 0,5 och 1,25 %",
				  "between 0.5 and 1.25 %", "0.5-1.25 %");
	expect_styles("Mellan index 95 och 105", "Mellan index 95 och 105",
				  "between index 95 and 105", "between index 95 and 105");
	expect_styles("1000-2000", "Mellan 1 000 och 2 000",
				  "between 1 000 and 2 000", "1 000-2 000");

	expect_error(
		"Mellan 10 och 5", GM_ERR_RANGE_ORDER, 14,
		"expected an upper bound not below the lower bound at character 15");
	expect_error("10-5", GM_ERR_RANGE_ORDER, 3, NULL);
	expect_error("5 -3", GM_ERR_RANGE_ORDER, 3, NULL);
	expect_error("between 2 and 1,5", GM_ERR_RANGE_ORDER, 14, NULL);
	expect_error("-3--5", GM_ERR_RANGE_ORDER, 3, NULL);
	expect_error("Mellan 5 % och 10 st", GM_ERR_UNIT_MISMATCH, 18,
				 "expected the unit \"%\" at character 19, found \"st\"");
	expect_error("5 % - 10 st", GM_ERR_UNIT_MISMATCH, 9, NULL);
	expect_error(
		"Mellan index 5 och 10 st", GM_ERR_UNIT_MISMATCH, 22,
		"expected no unit after the number at character 23, found \"st\" (the unit \"index\" is written before the first number)");
	expect_error("Mellan 5 och index 10", GM_ERR_MISSING_NUMBER, 13,
				 "expected a number at character 14, found \"index\"");
	expect_error("Mellan 5", GM_ERR_MISSING_NUMBER, 8,
				 "expected \"och\" or \"and\" at character 9");
	expect_error("Mellan 5 och", GM_ERR_MISSING_NUMBER, 12, NULL);
	expect_error("Mellan", GM_ERR_MISSING_NUMBER, 6, NULL);
	expect_error("Mellan 5 st 6", GM_ERR_STRAY_TEXT, 12,
				 "expected \"och\" or \"and\" at character 13, found \"6\"");
	expect_error("Mellan 5 och 6 7", GM_ERR_BAD_NUMBER, 15, NULL);
	expect_error("Mellan 5 och 6 st 7", GM_ERR_STRAY_TEXT, 18, NULL);
	expect_error("5 -", GM_ERR_MISSING_NUMBER, 3,
				 "expected a number at character 4");
	expect_error("5 – x", GM_ERR_MISSING_NUMBER, 6, NULL);
	expect_error("5 - 6 - 7", GM_ERR_STRAY_TEXT, 6, NULL);
	expect_error("Minst 5-10", GM_ERR_STRAY_TEXT, 7, NULL);
	expect_error("5−3", GM_ERR_STRAY_TEXT, 1, NULL);
}

static void
test_changes(void)
{
	expect_pair("Öka från 70 % till 75 %", GM_AT_LEAST, true, 70, 75,
				GM_UNIT_AFTER, "%");
	expect_pair("öka från 70 till 75 %", GM_AT_LEAST, true, 70, 75,
				GM_UNIT_AFTER, "%");
	expect_pair("ÖKA FRÅN 70 % TILL 75", GM_AT_LEAST, true, 70, 75,
				GM_UNIT_AFTER, "%");
	expect_pair("från 70 % till 75 %", GM_AT_LEAST, true, 70, 75,
				GM_UNIT_AFTER, "%");
	expect_pair("Från 70 procent till 75 %", GM_AT_LEAST, true, 70, 75,
				GM_UNIT_AFTER, "%");
	expect_pair("ska öka från 70 % till 75 %", GM_AT_LEAST, true, 70, 75,
				GM_UNIT_AFTER, "%");
	expect_pair("Ska Öka Från 1 Till 2", GM_AT_LEAST, true, 1, 2, GM_UNIT_NONE,
				"");
	expect_pair("ska minska från 40 till 32 dagar", GM_AT_MOST, true, 40, 32,
				GM_UNIT_AFTER, "dagar");
	expect_pair("ska från 40 till 32 dagar", GM_AT_MOST, true, 40, 32,
				GM_UNIT_AFTER, "dagar");
	expect_pair("Minska från 40 dagar till 32 dagar", GM_AT_MOST, true, 40, 32,
				GM_UNIT_AFTER, "dagar");
	expect_pair("Minska från 40 dagar till 32", GM_AT_MOST, true, 40, 32,
				GM_UNIT_AFTER, "dagar");
	expect_pair("från 40 till 32 dagar", GM_AT_MOST, true, 40, 32,
				GM_UNIT_AFTER, "dagar");
	expect_pair("increase from 70 % to 75 %", GM_AT_LEAST, true, 70, 75,
				GM_UNIT_AFTER, "%");
	expect_pair("reduce from 40 to 32 days", GM_AT_MOST, true, 40, 32,
				GM_UNIT_AFTER, "days");
	expect_pair("decrease from 40 to 32 days", GM_AT_MOST, true, 40, 32,
				GM_UNIT_AFTER, "days");
	expect_pair("Decrease From 40 To 32", GM_AT_MOST, true, 40, 32,
				GM_UNIT_NONE, "");
	expect_pair("from 1 to 2", GM_AT_LEAST, true, 1, 2, GM_UNIT_NONE, "");
	expect_pair("från index 70 till 75", GM_AT_LEAST, true, 70, 75,
				GM_UNIT_BEFORE, "index");
	expect_pair("Öka från -5 till −3", GM_AT_LEAST, true, -5, -3, GM_UNIT_NONE,
				"");
	expect_pair("Öka från 1 till 2 turer till och från", GM_AT_LEAST, true, 1,
				2, GM_UNIT_AFTER, "turer till och från");
	expect_pair("Öka från 1 kr till 2 kr", GM_AT_LEAST, true, 1, 2,
				GM_UNIT_AFTER, "kr");

	expect_styles("Öka från 70 % till 75 %", "Öka från 70 % till 75 %",
				  "increase from 70 % to 75 %", "from 70 % to 75 %");
	expect_styles("ska minska från 40 till 32 dagar",
				  "Minska från 40 till 32 dagar", "reduce from 40 to 32 dagar",
				  "from 40 to 32 dagar");
	expect_styles("Minska från 40 dagar till 32 dagar",
				  "Minska från 40 till 32 dagar", "reduce from 40 to 32 dagar",
				  "from 40 to 32 dagar");
	expect_styles("från index 70 till 75", "Öka från index 70 till 75",
				  "increase from index 70 to 75", "from index 70 to 75");
	expect_styles("från 0,5 till 0,25", "Minska från 0,5 till 0,25",
				  "reduce from 0.5 to 0.25", "from 0.5 to 0.25");
	expect_styles("Öka från 1 till 2 turer till och från",
				  "Öka från 1 till 2 turer till och från",
				  "increase from 1 to 2 turer till och från",
				  "from 1 to 2 turer till och från");

	expect_error(
		"Öka från 75 till 70", GM_ERR_DIRECTION, 19,
		"expected a value above the baseline for an increase at character 18");
	expect_error("Öka från 5 till 5", GM_ERR_DIRECTION, 18, NULL);
	expect_error(
		"minska från 1 till 2", GM_ERR_DIRECTION, 20,
		"expected a value below the baseline for a decrease at character 20");
	expect_error(
		"från 5 till 5", GM_ERR_DIRECTION, 13,
		"expected a value different from the baseline at character 13");
	expect_error("increase from 5 to 5,0", GM_ERR_DIRECTION, 19, NULL);
	expect_error("från 5 till 5,00 %", GM_ERR_DIRECTION, 13, NULL);
	expect_error("från 70 kr till 75 %", GM_ERR_UNIT_MISMATCH, 20, NULL);
	expect_error("från index 70 till 75 %", GM_ERR_UNIT_MISMATCH, 23, NULL);
	expect_error("från 70", GM_ERR_MISSING_NUMBER, 8,
				 "expected \"till\" or \"to\" at character 8");
	expect_error("från 70 till", GM_ERR_MISSING_NUMBER, 13,
				 "expected a number at character 13");
	expect_error("från", GM_ERR_MISSING_NUMBER, 5, NULL);
	expect_error("från 70 kr 75", GM_ERR_STRAY_TEXT, 12, NULL);
	expect_error("från 70 till index 75", GM_ERR_MISSING_NUMBER, 14, NULL);
	expect_error("från 70 till 75 %;", GM_ERR_STRAY_TEXT, 18, NULL);
	/* "Öka till 75" is "Minst 75"; "ska öka" a direction (issue 17) */
	expect_target("Öka till 75", GM_AT_LEAST, false, 75, 0, GM_UNIT_NONE, "");
	expect_target("ska öka", GM_INCREASE, false, 0, 0, GM_UNIT_NONE, "");
	/* after the last number, "to" is just a word of the unit */
	expect_styles("Öka från 1 to 2 kr to go", "Öka från 1 till 2 kr to go",
				  "increase from 1 to 2 kr to go", "from 1 to 2 kr to go");
	expect_error("Öka från 1 kr to go till 2", GM_ERR_MISSING_NUMBER, 19,
				 NULL);
}

/* ---------------------------------------------------------------------
 * Text-level errors: empty, encoding, control characters, stray text
 * ---------------------------------------------------------------------
 */

static void
test_text_errors(void)
{
	GmTarget t;
	GmError  e;

	expect_error(
		"", GM_ERR_EMPTY, 0,
		"expected a comparator or a number at character 1, found an empty string");
	expect_error(
		"   ", GM_ERR_EMPTY, 0,
		"expected a comparator or a number at character 1, found only whitespace");
	expect_error(" \t\n\r\f\v", GM_ERR_EMPTY, 0, NULL);
	expect_error("\xc2\xa0\xe2\x80\x89\xe2\x80\xaf", GM_ERR_EMPTY, 0, NULL);
	ok(!gm_target_parse(NULL, 0, &t, &e) && e.code == GM_ERR_EMPTY,
	   "NULL input is empty");
	ok(!gm_target_parse("", 0, &t, NULL), "a NULL error pointer is allowed");

	/* invalid UTF-8 anywhere, before anything else is looked at */
	expect_error(
		"\xff", GM_ERR_ENCODING, 0,
		"invalid UTF-8 byte 0xff at character 1, expected valid UTF-8");
	expect_error("\x80", GM_ERR_ENCODING, 0, NULL);
	expect_error("Minst \xc0\xaf", GM_ERR_ENCODING, 6,
				 NULL); /* overlong '/' */
	expect_error("\xc1\xbf", GM_ERR_ENCODING, 0, NULL);
	expect_error("\xe0\x80\xaf", GM_ERR_ENCODING, 0, NULL);     /* overlong */
	expect_error("\xf0\x80\x80\xaf", GM_ERR_ENCODING, 0, NULL); /* overlong */
	expect_error("\xed\xa0\x80", GM_ERR_ENCODING, 0, NULL);     /* surrogate */
	expect_error("\xed\xbf\xbf", GM_ERR_ENCODING, 0, NULL);     /* surrogate */
	expect_error("\xf4\x90\x80\x80", GM_ERR_ENCODING, 0,
				 NULL); /* > U+10FFFF */
	expect_error("\xf5\x80\x80\x80", GM_ERR_ENCODING, 0, NULL);
	expect_error("\xf8\x88\x80\x80\x80", GM_ERR_ENCODING, 0, NULL);
	expect_error("Minst 5 \xc3", GM_ERR_ENCODING, 8, NULL); /* truncated */
	expect_error("Minst 5 \xe2\x82", GM_ERR_ENCODING, 8, NULL);
	expect_error("Minst 5 \xf0\x9f\x98", GM_ERR_ENCODING, 8, NULL);
	expect_error("Minst 5 \xc3(", GM_ERR_ENCODING, 8, NULL);
	expect_error(
		"Högst 5 \xc3", GM_ERR_ENCODING, 9,
		"invalid UTF-8 byte 0xc3 at character 9, expected valid UTF-8");
	expect_error("xyz \xff", GM_ERR_ENCODING, 4, NULL);
	/* valid four-byte characters are fine in a unit */
	expect_target("Minst 5 \xf0\x9f\x98\x80", GM_AT_LEAST, false, 5, 0,
				  GM_UNIT_AFTER, "\xf0\x9f\x98\x80");
	expect_target("Minst 5 \xf4\x8f\xbf\xbf", GM_AT_LEAST, false, 5, 0,
				  GM_UNIT_AFTER, "\xf4\x8f\xbf\xbf");

	/* control characters */
	expect_error("\x01", GM_ERR_CONTROL_CHAR, 0,
				 "unexpected control character U+0001 at character 1");
	expect_error("Minst 5\x7f", GM_ERR_CONTROL_CHAR, 7, NULL);
	expect_error_len("Minst\0 5", 8, GM_ERR_CONTROL_CHAR, 5,
					 "unexpected control character U+0000 at character 6");
	expect_error_len("Minst 5\0", 8, GM_ERR_CONTROL_CHAR, 7, NULL);
	expect_error("Minst 5 \x1b[0m", GM_ERR_CONTROL_CHAR, 8, NULL);
	expect_error("\xc2\x85", GM_ERR_CONTROL_CHAR, 0, NULL); /* C1 NEL */
	expect_error("Minst 5 \xc2\x9f", GM_ERR_CONTROL_CHAR, 8, NULL);
	expect_error("Högst 5 \x1f", GM_ERR_CONTROL_CHAR, 9, NULL);
	/* ...but the whitespace controls are whitespace */
	expect_target("\tMinst\r\n5\f\v", GM_AT_LEAST, false, 5, 0, GM_UNIT_NONE,
				  "");

	/* missing numbers */
	expect_error("Minst", GM_ERR_MISSING_NUMBER, 5,
				 "expected a number at character 6");
	expect_error("Minst   ", GM_ERR_MISSING_NUMBER, 5, NULL);
	expect_error("Minst index", GM_ERR_MISSING_NUMBER, 11,
				 "expected a number at character 12");
	expect_error("Minst index %", GM_ERR_MISSING_NUMBER, 13, NULL);
	expect_error(">=", GM_ERR_MISSING_NUMBER, 2, NULL);
	expect_error("Minst ;", GM_ERR_MISSING_NUMBER, 6,
				 "expected a number at character 7, found \";\"");
	expect_error("Högst barn", GM_ERR_MISSING_NUMBER, 11,
				 "expected a number at character 11");

	/* the position counts characters, the offset bytes */
	expect_error("Högst 5 ö;", GM_ERR_STRAY_TEXT, 11,
				 "unexpected text \";\" at character 10");
	expect_error("ÖÖÖ", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_error("≥ 5 ≥", GM_ERR_STRAY_TEXT, 6,
				 "unexpected text \"≥\" at character 5");

	/* never past len: only the first bytes count */
	ok(parse_exact("Minst 65 %", 7, &t, &e) && t.value.coef == 6 &&
		   t.unit_pos == GM_UNIT_NONE,
	   "\"Minst 65 %%\" cut to 7 bytes is Minst 6");
	ok(parse_exact("Högst 5 kr", 10, &t, &e) && t.unit_len == 1 &&
		   t.unit[0] == 'k',
	   "\"Högst 5 kr\" cut to 10 bytes has unit k");
	ok(!parse_exact("Högst 5 ö", 10, &t, &e) && e.code == GM_ERR_ENCODING,
	   "a cut inside a character is invalid UTF-8");
}

/*
 * Every prefix of every seed, and of a few longer targets, parses or fails
 * cleanly, from a buffer of exactly that length.
 */
static void
test_prefixes(void)
{
	static const char *const inputs[] = {
		"Högst 2 100 barn",
		"Minst index 79",
		"Öka från 70 % till 75 %",
		"ska minska från 40 till 32 dagar",
		"Mellan 95 och 105 %",
		"−5–−3 %",
		"Minst 0,000000000000001 kronor per invånare",
		"≥ 65 %",
		"at least 65 %",
		"increase from 70 % to 75 %",
		"Minst 1 000E2",
		"-Infinity",
	};
	size_t k;

	for (k = 0; k < sizeof(inputs) / sizeof(inputs[0]); k++)
	{
		size_t len = strlen(inputs[k]);
		size_t n;

		for (n = 0; n <= len; n++)
		{
			GmTarget t;
			GmError  e;

			if (parse_exact(inputs[k], n, &t, &e))
			{
				char label[96];

				snprintf(label, sizeof(label), "prefix %zu of \"%s\"", n,
						 inputs[k]);
				check_round_trip(&t, label);
			}
			else
				ok(e.code != GM_OK && e.pos <= n && e.message[0] != '\0',
				   "prefix %zu of \"%s\": error %d at %zu", n, inputs[k],
				   e.code, e.pos);
		}
	}
}

/* ---------------------------------------------------------------------
 * Formatting
 * ---------------------------------------------------------------------
 */

static void
expect_decimal(int64_t coef, int scale, char sep, const char *want)
{
	GmDecimal d;
	char      buf[64];
	size_t    n;

	d.coef = coef;
	d.scale = (uint8_t)scale;
	n = gm_decimal_format(d, sep, buf, sizeof(buf));
	ok(strcmp(buf, want) == 0 && n == strlen(want),
	   "decimal %lld scale %d: \"%s\", expected \"%s\"", (long long)coef,
	   scale, buf, want);
}

static void
test_format(void)
{
	GmTarget  t;
	GmDecimal d;
	char      buf[GM_MAX_FORMATTED];
	size_t    n;

	expect_decimal(0, 0, ',', "0");
	expect_decimal(0, 3, ',', "0,000");
	expect_decimal(5, 0, ',', "5");
	expect_decimal(-5, 0, '.', "-5");
	expect_decimal(999, 0, ',', "999");
	expect_decimal(1000, 0, ',', "1 000");
	expect_decimal(-1000, 0, '.', "-1 000");
	expect_decimal(2100, 0, ',', "2 100");
	expect_decimal(69000, 0, ',', "69 000");
	expect_decimal(1234565, 1, ',', "123 456,5");
	expect_decimal(1234565, 1, '.', "123 456.5");
	expect_decimal(12345678, 4, ',', "1 234,5678");
	expect_decimal(9999, 1, ',', "999,9");
	expect_decimal(420, 1, ',', "42,0");
	expect_decimal(2100, 3, ',', "2,100");
	expect_decimal(1, 15, ',', "0,000000000000001");
	expect_decimal(-1, 15, '.', "-0.000000000000001");
	expect_decimal(-5, 1, ',', "-0,5");
	expect_decimal(INT64_C(999999999999999), 0, ',', "999 999 999 999 999");
	expect_decimal(-INT64_C(999999999999999), 0, ',', "-999 999 999 999 999");
	expect_decimal(INT64_C(999999999999999), 15, ',', "0,999999999999999");
	expect_decimal(INT64_C(999999999999999), 2, ',', "9 999 999 999 999,99");

	/* snprintf-like truncation */
	d.coef = 2100;
	d.scale = 0;
	ok(gm_decimal_format(d, ',', NULL, 0) == 5,
	   "decimal length without a buffer");
	memset(buf, 'x', sizeof(buf));
	n = gm_decimal_format(d, ',', buf, 4);
	ok(n == 5 && strcmp(buf, "2 1") == 0, "decimal truncated: \"%s\" %zu", buf,
	   n);
	memset(buf, 'x', sizeof(buf));
	n = gm_decimal_format(d, ',', buf, 1);
	ok(n == 5 && buf[0] == '\0', "decimal into one byte");

	if (parse_str("Högst 2 100 barn", &t, NULL))
	{
		ok(gm_target_format(&t, GM_STYLE_SWEDISH, NULL, 0) == 17,
		   "target length without a buffer");
		memset(buf, 'x', sizeof(buf));
		n = gm_target_format(&t, GM_STYLE_SWEDISH, buf, 9);
		ok(n == 17 && strcmp(buf, "Högst 2") == 0,
		   "target truncated: \"%s\" %zu", buf, n);
		n = gm_target_format(&t, GM_STYLE_SWEDISH, buf, 18);
		ok(n == 17 && strcmp(buf, "Högst 2 100 barn") == 0,
		   "target exact fit");
	}
	else
		ok(0, "Högst 2 100 barn parses");

	/* all comparators, all styles, with each kind of unit */
	expect_styles("Över 5", "Över 5", "above 5", "> 5");
	expect_styles("Under 5", "Under 5", "below 5", "< 5");
	expect_styles("Exakt 5", "Exakt 5", "exactly 5", "= 5");
	expect_styles("more than -1,5 kr", "Över -1,5 kr", "above -1.5 kr",
				  "> -1.5 kr");
	expect_styles("less than index 3", "Under index 3", "below index 3",
				  "< index 3");
	expect_styles("= 0,0 %", "Exakt 0,0 %", "exactly 0.0 %", "= 0.0 %");
	expect_styles("Minst 1234,5 m²", "Minst 1 234,5 m²", "at least 1 234.5 m²",
				  ">= 1 234.5 m²");
	expect_styles("-5 %", "-5 %", "-5 %", "-5 %");
	expect_styles("1000 kr", "1 000 kr", "1 000 kr", "1 000 kr");

	/* the longest possible text fits GM_MAX_FORMATTED */
	{
		char in[256];
		char unit[65];
		int  style;

		memset(unit, 'u', 64);
		unit[64] = '\0';
		snprintf(
			in, sizeof(in),
			"Minska från -99 999 999 999 999,9 %s till -999 999 999 999 999 %s",
			unit, unit);
		if (parse_str(in, &t, NULL))
		{
			for (style = 0; style <= 2; style++)
			{
				n = gm_target_format(&t, (GmStyle)style, buf, sizeof(buf));
				ok(n < GM_MAX_FORMATTED, "longest target, style %d: %zu bytes",
				   style, n);
			}
			check_round_trip(&t, "longest change target");
		}
		else
			ok(0, "the longest change target parses");
		snprintf(in, sizeof(in),
				 "Mellan -99 999 999 999 999,9 och -0,000000000000001 %s",
				 unit);
		if (parse_str(in, &t, NULL))
			check_round_trip(&t, "longest range");
		else
			ok(0, "the longest range parses");
	}
}

/* ---------------------------------------------------------------------
 * Validation
 * ---------------------------------------------------------------------
 */

/* A valid "Minst 5" to break in one place */
static GmTarget
base_target(void)
{
	GmTarget t;

	memset(&t, 0, sizeof(t));
	t.cmp = GM_AT_LEAST;
	t.value.coef = 5;
	return t;
}

static void
set_unit_raw(GmTarget *t, const char *unit, GmUnitPos pos)
{
	memset(t->unit, 0, sizeof(t->unit));
	t->unit_len = (uint8_t)strlen(unit);
	memcpy(t->unit, unit, t->unit_len);
	t->unit_pos = pos;
}

static void
expect_invalid(const GmTarget *t, GmErrorCode code, const char *label)
{
	GmError  e;
	uint8_t  enc[GM_MAX_ENCODED];
	size_t   n;
	GmTarget d;
	bool     valid;

	valid = gm_target_validate(t, &e);
	ok(!valid && e.code == code, "%s: validate gives %d (%s), expected %d",
	   label, e.code, e.message, code);
	ok(e.message[0] >= 'a' && e.message[0] <= 'z', "%s: message \"%s\"", label,
	   e.message);
	/* and its packed form, if it has one, does not decode */
	if (t->unit_len <= GM_MAX_UNIT_LEN)
	{
		n = gm_target_encode(t, enc);
		ok(n <= GM_MAX_ENCODED, "%s: encoded within bounds", label);
		/* what encode leaves out (bytes past unit_len...) may be the flaw */
		if (decode_exact(enc, n, &d, &e))
			ok(gm_target_validate(&d, &e), "%s: decodes to an invalid target",
			   label);
		else
			ok(e.code == GM_ERR_BINARY, "%s: decode error %d", label, e.code);
	}
}

static void
test_validate(void)
{
	GmTarget t;
	GmError  e;

	t = base_target();
	ok(gm_target_validate(&t, &e) && e.code == GM_OK, "Minst 5 is valid");
	ok(gm_target_validate(&t, NULL), "validate takes a NULL error pointer");
	t.value.scale = 99;
	ok(!gm_target_validate(&t, NULL), "invalid with a NULL error pointer");

	/* formatting an invalid target stays within bounds */
	{
		char   buf[GM_MAX_FORMATTED];
		size_t n;

		t = base_target();
		t.cmp = (GmComparator)9;
		t.unit_pos = GM_UNIT_AFTER;
		t.unit_len = 200;
		memset(t.unit, 'u', sizeof(t.unit));
		t.value.coef = INT64_MIN;
		t.value.scale = 255;
		n = gm_target_format(&t, GM_STYLE_SWEDISH, buf, sizeof(buf));
		ok(strlen(buf) == (n < sizeof(buf) ? n : sizeof(buf) - 1),
		   "an invalid target formats within the buffer: %zu", n);
		t = base_target();
		n = gm_target_format(&t, (GmStyle)7, buf, sizeof(buf));
		ok(strcmp(buf, "Minst 5") == 0, "an unknown style is swedish: %s",
		   buf);
	}

	t = base_target();
	t.cmp = (GmComparator)6;
	expect_invalid(&t, GM_ERR_BINARY, "comparator 6");
	t.cmp = (GmComparator)-1;
	expect_invalid(&t, GM_ERR_BINARY, "comparator -1");

	t = base_target();
	t.value.scale = 16;
	expect_invalid(&t, GM_ERR_SCALE, "scale 16");
	t = base_target();
	t.value.coef = INT64_C(1000000000000000);
	expect_invalid(&t, GM_ERR_TOO_MANY_DIGITS, "coef 10^15");
	t.value.coef = -INT64_C(1000000000000000);
	expect_invalid(&t, GM_ERR_TOO_MANY_DIGITS, "coef -10^15");
	t.value.coef = INT64_MIN;
	expect_invalid(&t, GM_ERR_TOO_MANY_DIGITS, "coef INT64_MIN");
	t.value.coef = INT64_C(999999999999999);
	t.value.scale = 15;
	ok(gm_target_validate(&t, &e), "coef 10^15 - 1 scale 15 is valid");

	/* bare */
	t = base_target();
	t.bare = true;
	ok(gm_target_validate(&t, &e), "bare at least is valid");
	t.cmp = GM_AT_MOST;
	expect_invalid(&t, GM_ERR_BINARY, "bare at most");
	t.cmp = GM_BETWEEN;
	t.upper.coef = 6;
	expect_invalid(&t, GM_ERR_BINARY, "bare between");
	t = base_target();
	t.bare = true;
	t.has_baseline = true;
	t.baseline.coef = 4;
	expect_invalid(&t, GM_ERR_BINARY, "bare with baseline");
	t = base_target();
	t.bare = true;
	set_unit_raw(&t, "index", GM_UNIT_BEFORE);
	expect_invalid(&t, GM_ERR_BINARY, "bare with unit before");

	/* ranges */
	t = base_target();
	t.cmp = GM_BETWEEN;
	t.upper.coef = 4;
	expect_invalid(&t, GM_ERR_RANGE_ORDER, "range 5..4");
	t.upper.coef = 50;
	t.upper.scale = 1;
	ok(gm_target_validate(&t, &e), "range 5..5,0 is valid");
	t.upper.scale = 16;
	expect_invalid(&t, GM_ERR_SCALE, "range upper scale 16");

	/* baselines */
	t = base_target();
	t.has_baseline = true;
	t.baseline.coef = 4;
	ok(gm_target_validate(&t, &e), "from 4 to 5 is valid");
	t.baseline.coef = 5;
	expect_invalid(&t, GM_ERR_DIRECTION, "at least from 5 to 5");
	t.baseline.coef = 6;
	expect_invalid(&t, GM_ERR_DIRECTION, "at least from 6 to 5");
	t.cmp = GM_AT_MOST;
	ok(gm_target_validate(&t, &e), "at most from 6 to 5 is valid");
	t.baseline.coef = 4;
	expect_invalid(&t, GM_ERR_DIRECTION, "at most from 4 to 5");
	t.cmp = GM_ABOVE;
	expect_invalid(&t, GM_ERR_BINARY, "above with a baseline");
	t.cmp = GM_BETWEEN;
	t.upper.coef = 9;
	expect_invalid(&t, GM_ERR_BINARY, "between with a baseline");
	t = base_target();
	t.has_baseline = true;
	t.baseline.coef = INT64_C(1000000000000000);
	expect_invalid(&t, GM_ERR_TOO_MANY_DIGITS, "baseline 10^15");

	/* unused fields do not matter */
	t = base_target();
	t.upper.coef = 123;
	t.baseline.coef = 77;
	ok(gm_target_validate(&t, &e), "unused upper and baseline are ignored");
	{
		GmTarget u = base_target();

		ok(gm_target_cmp(&t, &u) == 0 &&
			   gm_target_hash(&t, 0) == gm_target_hash(&u, 0),
		   "unused fields play no part in cmp and hash");
	}

	/* units */
	t = base_target();
	t.unit_pos = (GmUnitPos)3;
	expect_invalid(&t, GM_ERR_BINARY, "unit_pos 3");
	t = base_target();
	set_unit_raw(&t, "kr", GM_UNIT_NONE);
	expect_invalid(&t, GM_ERR_BINARY, "unit bytes with unit_pos none");
	t = base_target();
	t.unit_pos = GM_UNIT_AFTER;
	expect_invalid(&t, GM_ERR_BINARY, "unit_pos after without a unit");
	t = base_target();
	set_unit_raw(&t, "kr", GM_UNIT_AFTER);
	t.unit_len = 1;
	expect_invalid(&t, GM_ERR_BINARY, "unit not NUL-terminated at unit_len");
	t = base_target();
	t.unit_pos = GM_UNIT_AFTER;
	memset(t.unit, 'a', sizeof(t.unit));
	t.unit_len = 65;
	expect_invalid(&t, GM_ERR_UNIT_TOO_LONG, "unit_len 65");
	t.unit_len = 64;
	t.unit[64] = '\0';
	ok(gm_target_validate(&t, &e), "a 64-byte unit is valid");

	{
		static const struct
		{
			const char *unit;
			GmUnitPos   pos;
			GmErrorCode code;
		} bad[] = {
			{ "procent", GM_UNIT_AFTER, GM_ERR_BINARY },
			{ "Percent", GM_UNIT_AFTER, GM_ERR_BINARY },
			{ "%", GM_UNIT_BEFORE, GM_ERR_BINARY },
			{ "procent", GM_UNIT_BEFORE, GM_ERR_BINARY },
			{ "a  b", GM_UNIT_AFTER, GM_ERR_BINARY },
			{ " a", GM_UNIT_AFTER, GM_ERR_BINARY },
			{ "a ", GM_UNIT_AFTER, GM_ERR_BINARY },
			{ "a\tb", GM_UNIT_AFTER, GM_ERR_BINARY },
			{ "a\nb", GM_UNIT_AFTER, GM_ERR_BINARY },
			{ "a\xc2\xa0"
			  "b",
			  GM_UNIT_AFTER, GM_ERR_BINARY },
			{ " ", GM_UNIT_AFTER, GM_ERR_BINARY },
			{ "kr;", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "5kr", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "-kr", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ ".kr", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ ")", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "kr 5", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "covid-19", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "a\xe2\x80\x93"
			  "b",
			  GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "\xe2\x88\x9e", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "a=b", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "\"kr\"", GM_UNIT_AFTER, GM_ERR_STRAY_TEXT },
			{ "\xff", GM_UNIT_AFTER, GM_ERR_ENCODING },
			{ "\xed\xa0\x80", GM_UNIT_AFTER, GM_ERR_ENCODING },
			{ "a\x01", GM_UNIT_AFTER, GM_ERR_CONTROL_CHAR },
			{ "a\x7f", GM_UNIT_AFTER, GM_ERR_CONTROL_CHAR },
			{ "%\xe2\x80\x8b", GM_UNIT_AFTER, GM_ERR_CONTROL_CHAR },
			{ "\xe2\x80\xaenrab", GM_UNIT_AFTER, GM_ERR_CONTROL_CHAR },
			{ "kr\xc2\xad", GM_UNIT_AFTER, GM_ERR_CONTROL_CHAR },
			{ "\xef\xbb\xbfkr", GM_UNIT_AFTER, GM_ERR_CONTROL_CHAR },
			{ "a\xe2\x80\x83"
			  "b",
			  GM_UNIT_AFTER, GM_ERR_BINARY },
			{ "% %", GM_UNIT_AFTER, GM_ERR_BAD_UNIT },
			{ "%.", GM_UNIT_AFTER, GM_ERR_BAD_UNIT },
			{ "procent %", GM_UNIT_AFTER, GM_ERR_BAD_UNIT },
			{ "inf", GM_UNIT_BEFORE, GM_ERR_NAN_INF },
			{ "index NaN", GM_UNIT_BEFORE, GM_ERR_NAN_INF },
			{ "infinity/år", GM_UNIT_BEFORE, GM_ERR_NAN_INF },
		};
		size_t k;

		for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		{
			char label[64];

			t = base_target();
			set_unit_raw(&t, bad[k].unit, bad[k].pos);
			snprintf(label, sizeof(label), "unit \"%s\" %d", bad[k].unit,
					 bad[k].pos);
			expect_invalid(&t, bad[k].code, label);
		}
	}
	{
		static const char *const good[] = {
			"%",
			"kr",
			"index",
			"kronor per invånare",
			"m²",
			"(st)",
			"kr/inv.",
			"CO2-ekv",
			"inf",
			"NaN",
			"procentenheter",
			"pp",
			"a-",
			"e5",
			"kr per år",
			"\xf0\x9f\x98\x80",
			"Barn",
			"till",
			"to",
		};
		size_t k;

		for (k = 0; k < sizeof(good) / sizeof(good[0]); k++)
		{
			t = base_target();
			set_unit_raw(&t, good[k], GM_UNIT_AFTER);
			ok(gm_target_validate(&t, &e), "unit \"%s\" after is valid: %s",
			   good[k], e.message);
			check_round_trip(&t, good[k]);
			if (strcmp(good[k], "%") != 0 && strcmp(good[k], "inf") != 0 &&
				strcmp(good[k], "NaN") != 0)
			{
				set_unit_raw(&t, good[k], GM_UNIT_BEFORE);
				ok(gm_target_validate(&t, &e),
				   "unit \"%s\" before is valid: %s", good[k], e.message);
				check_round_trip(&t, good[k]);
				/* in ranges and change targets too */
				t.cmp = GM_BETWEEN;
				t.upper.coef = 7;
				check_round_trip(&t, good[k]);
				t.cmp = GM_AT_MOST;
				t.has_baseline = true;
				t.baseline.coef = 9;
				check_round_trip(&t, good[k]);
			}
			t = base_target();
			set_unit_raw(&t, good[k], GM_UNIT_AFTER);
			t.cmp = GM_BETWEEN;
			t.upper.coef = 7;
			check_round_trip(&t, good[k]);
			t.cmp = GM_AT_LEAST;
			t.has_baseline = true;
			t.baseline.coef = -9;
			check_round_trip(&t, good[k]);
		}
	}
}

/* ---------------------------------------------------------------------
 * gm_target_set_unit
 * ---------------------------------------------------------------------
 */

static void
test_set_unit(void)
{
	GmTarget t = base_target();
	GmError  e;
	char     buf[GM_MAX_FORMATTED];
	char     longer[80];

	ok(gm_target_set_unit(&t, "  kronor\tper \n invånare ", 25, GM_UNIT_AFTER,
						  &e) &&
		   strcmp(t.unit, "kronor per invånare") == 0 &&
		   t.unit_pos == GM_UNIT_AFTER &&
		   t.unit_len == strlen("kronor per invånare"),
	   "set_unit normalises whitespace: \"%s\"", t.unit);
	gm_target_format(&t, GM_STYLE_SWEDISH, buf, sizeof(buf));
	ok(strcmp(buf, "Minst 5 kronor per invånare") == 0,
	   "set_unit then format: %s", buf);
	ok(gm_target_set_unit(&t, "Procent", 7, GM_UNIT_BEFORE, &e) &&
		   strcmp(t.unit, "%") == 0 && t.unit_pos == GM_UNIT_AFTER,
	   "set_unit: procent before becomes %% after");
	ok(gm_target_set_unit(&t, "index", 5, GM_UNIT_BEFORE, &e) &&
		   strcmp(t.unit, "index") == 0 && t.unit_pos == GM_UNIT_BEFORE,
	   "set_unit: index before");
	ok(gm_target_set_unit(&t, " \t", 2, GM_UNIT_AFTER, &e) &&
		   t.unit_pos == GM_UNIT_NONE && t.unit_len == 0 && t.unit[0] == '\0',
	   "set_unit: blank removes the unit");
	ok(!gm_target_set_unit(&t, ";", 1, GM_UNIT_AFTER, NULL) &&
		   gm_target_set_unit(&t, "x", 1, GM_UNIT_AFTER, NULL),
	   "set_unit takes a NULL error pointer");
	ok(gm_target_set_unit(&t, NULL, 0, GM_UNIT_NONE, &e) &&
		   t.unit_pos == GM_UNIT_NONE,
	   "set_unit: NULL removes the unit");
	ok(gm_target_validate(&t, &e), "valid after removing the unit");
	ok(!gm_target_set_unit(&t, "kr", 2, GM_UNIT_NONE, &e) &&
		   e.code == GM_ERR_BINARY,
	   "set_unit: a unit needs a position");
	ok(!gm_target_set_unit(&t, "inf", 3, GM_UNIT_BEFORE, &e) &&
		   e.code == GM_ERR_NAN_INF,
	   "set_unit: inf before");
	ok(gm_target_set_unit(&t, "inf", 3, GM_UNIT_AFTER, &e),
	   "set_unit: inf after");
	ok(!gm_target_set_unit(&t, "kr;", 3, GM_UNIT_AFTER, &e) &&
		   e.code == GM_ERR_STRAY_TEXT && e.pos == 2 &&
		   strcmp(e.message,
				  "unexpected text \";\" in the unit at character 3") == 0,
	   "set_unit: stray text: %s", e.message);
	ok(strcmp(t.unit, "inf") == 0, "a failed set_unit leaves the unit alone");
	memset(longer, 'a', 65);
	ok(!gm_target_set_unit(&t, longer, 65, GM_UNIT_AFTER, &e) &&
		   e.code == GM_ERR_UNIT_TOO_LONG,
	   "set_unit: 65 bytes");
	ok(gm_target_set_unit(&t, longer, 64, GM_UNIT_AFTER, &e) &&
		   t.unit_len == 64,
	   "set_unit: 64 bytes");
	ok(!gm_target_set_unit(&t, "a\0b", 3, GM_UNIT_AFTER, &e) &&
		   e.code == GM_ERR_CONTROL_CHAR,
	   "set_unit: NUL byte");
}

/* ---------------------------------------------------------------------
 * Packed form
 * ---------------------------------------------------------------------
 */

static void
expect_encoding(const char *in, const uint8_t *want, size_t want_len)
{
	GmTarget t;
	uint8_t  enc[GM_MAX_ENCODED];
	size_t   n;

	if (!parse_str(in, &t, NULL))
	{
		ok(0, "\"%s\" parses", in);
		return;
	}
	n = gm_target_encode(&t, enc);
	ok(n == want_len && memcmp(enc, want, n) == 0,
	   "\"%s\": encoding of %zu bytes differs", in, n);
}

static void
expect_decode_error(const uint8_t *buf, size_t len, const char *field,
					const char *label)
{
	GmTarget t;
	GmError  e;

	if (decode_exact(buf, len, &t, &e))
	{
		ok(0, "%s: decodes", label);
		return;
	}
	ok(e.code == GM_ERR_BINARY, "%s: code %d", label, e.code);
	ok(strstr(e.message, field) != NULL &&
		   strncmp(e.message, "invalid packed target: ", 23) == 0,
	   "%s: message \"%s\" does not name %s", label, e.message, field);
}

/*
 * Every truncation and every single-byte change of a valid encoding either
 * fails with GM_ERR_BINARY or decodes to a valid target whose encoding is
 * exactly those bytes.
 */
static void
corrupt_encoding(const char *in)
{
	GmTarget t;
	uint8_t  enc[GM_MAX_ENCODED];
	uint8_t  buf[GM_MAX_ENCODED];
	size_t   n;
	size_t   len;
	size_t   pos;
	int      v;
	int      decoded = 0;
	int      refused = 0;

	if (!parse_str(in, &t, NULL))
	{
		ok(0, "\"%s\" parses", in);
		return;
	}
	n = gm_target_encode(&t, enc);

	for (len = 0; len <= n + 1; len++)
	{
		GmTarget d;
		GmError  e;

		memcpy(buf, enc, n);
		buf[n] = 'x';
		if (decode_exact(buf, len, &d, &e))
		{
			uint8_t again[GM_MAX_ENCODED];

			ok(gm_target_validate(&d, &e) &&
				   gm_target_encode(&d, again) == len &&
				   memcmp(again, buf, len) == 0,
			   "\"%s\" cut to %zu bytes decodes to something else", in, len);
			decoded++;
		}
		else
		{
			ok(e.code == GM_ERR_BINARY && e.message[0] != '\0',
			   "\"%s\" cut to %zu bytes: code %d", in, len, e.code);
			refused++;
		}
	}

	for (pos = 0; pos < n; pos++)
		for (v = 0; v < 256; v++)
		{
			GmTarget d;
			GmError  e;

			if (v == enc[pos])
				continue;
			memcpy(buf, enc, n);
			buf[pos] = (uint8_t)v;
			if (decode_exact(buf, n, &d, &e))
			{
				uint8_t again[GM_MAX_ENCODED];

				ok(gm_target_validate(&d, &e) &&
					   gm_target_encode(&d, again) == n &&
					   memcmp(again, buf, n) == 0,
				   "\"%s\" byte %zu = 0x%02x decodes badly", in, pos, v);
				decoded++;
			}
			else
			{
				ok(e.code == GM_ERR_BINARY && e.message[0] != '\0',
				   "\"%s\" byte %zu = 0x%02x: code %d", in, pos, v, e.code);
				refused++;
			}
		}
	ok(refused > 0 && decoded > 0,
	   "\"%s\": %d corruptions refused, %d decoded", in, refused, decoded);
}

static void
test_codec(void)
{
	static const uint8_t minst65[] = { 0x40, 0x10, 65, '%' };
	static const uint8_t hogst2100[] = { 0x41, 0x20, 0x34, 0x08,
										 'b',  'a',  'r',  'n' };
	static const uint8_t range[] = { 0x05, 0x90, 0x05, 0x90, 0x03 };
	static const uint8_t change[] = { 0x50, 0x10, 75, 0x10, 70, '%' };
	static const uint8_t minska[] = { 0x51, 0x10, 32,  0x10, 40,
									  'd',  'a',  'g', 'a',  'r' };
	static const uint8_t zero[] = { 0x00, 0x00 };
	static const uint8_t max132[] = { 0x41, 0x11, 132, '%' };
	static const uint8_t bare100[] = { 0x48, 0x10, 100, '%' };
	static const uint8_t index79[] = {
		0x20, 0x10, 79, 'i', 'n', 'd', 'e', 'x'
	};
	static const uint8_t tiny[] = { 0x00, 0x1f, 0x01 };
	static const uint8_t big[] = { 0x04, 0xf0, 0xff, 0x7f, 0xc6,
								   0xa4, 0x7e, 0x8d, 0x03 };
	uint8_t              buf[GM_MAX_ENCODED + 8];
	GmTarget             t;
	GmError              e;

	expect_encoding("Minst 65 %", minst65, sizeof(minst65));
	expect_encoding("Högst 2 100 barn", hogst2100, sizeof(hogst2100));
	expect_encoding("Mellan -5 och -3", range, sizeof(range));
	expect_encoding("Öka från 70 % till 75 %", change, sizeof(change));
	expect_encoding("Minska från 40 till 32 dagar", minska, sizeof(minska));
	expect_encoding("Minst 0", zero, sizeof(zero));
	expect_encoding("Minst -0", zero, sizeof(zero));
	expect_encoding("Max 13,2 %", max132, sizeof(max132));
	expect_encoding("100 %", bare100, sizeof(bare100));
	expect_encoding("Minst index 79", index79, sizeof(index79));
	expect_encoding("Minst 0,000000000000001", tiny, sizeof(tiny));
	expect_encoding("Exakt -999 999 999 999 999", big, sizeof(big));

	/* malformed packed forms, each naming its field */
	expect_decode_error(buf, 0, "flags byte", "empty");
	ok(!gm_target_decode(NULL, 0, &t, &e) && e.code == GM_ERR_BINARY,
	   "NULL buffer");
	memcpy(buf, zero, 2);
	buf[0] = 0x06;
	expect_decode_error(buf, 2, "comparator", "comparator 6");
	buf[0] = 0x07;
	expect_decode_error(buf, 2, "comparator", "comparator 7");
	buf[0] = 0x80;
	expect_decode_error(buf, 2, "reserved", "reserved bit");
	buf[0] = 0x60;
	expect_decode_error(buf, 2, "unit position", "unit_pos 3");
	expect_decode_error(zero, 1, "value", "no value");
	buf[0] = 0x00;
	buf[1] = 0x10;
	expect_decode_error(buf, 2, "value", "truncated value");
	buf[1] = 0x20;
	buf[2] = 0x05;
	buf[3] = 0x00;
	expect_decode_error(buf, 4, "value", "non-minimal length");
	buf[1] = 0x80;
	expect_decode_error(buf, 2, "value", "negative zero");
	buf[1] = 0x70;
	memcpy(buf + 2, "\x00\x80\xc6\xa4\x7e\x8d\x03", 7); /* 10^15 */
	expect_decode_error(buf, 9, "value", "coef 10^15");
	memcpy(buf + 2, "\xff\xff\xff\xff\xff\xff\xff", 7);
	expect_decode_error(buf, 9, "value", "coef 2^56 - 1");
	memcpy(buf, "\x05\x10\x05", 3);
	expect_decode_error(buf, 3, "upper bound", "range without upper bound");
	memcpy(buf, "\x05\x10\x05\x10", 4);
	expect_decode_error(buf, 4, "upper bound",
						"range with truncated upper bound");
	memcpy(buf, "\x05\x10\x06\x10\x05", 5);
	expect_decode_error(buf, 5, "lower bound", "range 6..5");
	memcpy(buf, "\x10\x10\x05", 3);
	expect_decode_error(buf, 3, "baseline", "change without baseline");
	memcpy(buf, "\x10\x10\x05\x10\x06", 5);
	expect_decode_error(buf, 5, "baseline", "increase from 6 to 5");
	memcpy(buf, "\x12\x10\x05\x10\x04", 5);
	expect_decode_error(buf, 5, "baseline", "above with a baseline");
	memcpy(buf, "\x40\x10\x05", 3);
	expect_decode_error(buf, 3, "unit", "unit missing");
	memcpy(buf, "\x00\x10\x05kr", 5);
	expect_decode_error(buf, 5, "unit", "unit bytes without unit_pos");
	buf[0] = 0x40;
	memset(buf + 3, 'a', 65);
	expect_decode_error(buf, 68, "unit", "unit of 65 bytes");
	ok(decode_exact(buf, 67, &t, &e) && t.unit_len == 64,
	   "unit of 64 bytes decodes");
	memcpy(buf, "\x40\x10\x05procent", 10);
	expect_decode_error(buf, 10, "unit", "unit procent");
	memcpy(buf, "\x20\x10\x05%", 4);
	expect_decode_error(buf, 4, "unit", "unit % before");
	memcpy(buf, "\x40\x10\x05k\0r", 6);
	expect_decode_error(buf, 6, "unit", "unit with a NUL byte");
	memcpy(buf, "\x40\x10\x05\xc3", 4);
	expect_decode_error(buf, 4, "UTF-8", "unit with bad UTF-8");
	memcpy(buf, "\x40\x10\x05k  r", 7);
	expect_decode_error(buf, 7, "unit", "unit with two spaces");
	memcpy(buf, "\x48\x10\x05", 3);
	buf[0] = 0x09;
	expect_decode_error(buf, 3, "comparator", "bare at most");
	buf[0] = 0x28;
	memcpy(buf + 3, "idx", 3);
	expect_decode_error(buf, 6, "unit", "bare with unit before");
	buf[0] = 0x18;
	memcpy(buf + 3, "\x10\x04", 2);
	expect_decode_error(buf, 5, "baseline", "bare with baseline");

	/*
	 * decode_rule skips only the unit's bytes: a bad unit still gives the
	 * rule, a bad length or anything else is refused
	 */
	memcpy(buf, "\x40\x10\x05\xc3", 4);
	ok(gm_target_decode_rule(buf, 4, &t, &e) && t.cmp == GM_AT_LEAST &&
		   t.value.coef == 5 && t.unit_pos == GM_UNIT_AFTER &&
		   t.unit_len == 0 && t.unit[0] == '\0',
	   "decode_rule: bad UTF-8 in the unit is not read");
	memcpy(buf, "\x40\x10\x05procent", 10);
	ok(gm_target_decode_rule(buf, 10, &t, &e),
	   "decode_rule: an unnormalised unit is not read");
	memcpy(buf, "\x40\x10\x05", 3);
	ok(!gm_target_decode_rule(buf, 3, &t, &e) && e.code == GM_ERR_BINARY,
	   "decode_rule: unit missing");
	memset(buf + 3, 'a', 65);
	ok(!gm_target_decode_rule(buf, 68, &t, &e) && e.code == GM_ERR_BINARY,
	   "decode_rule: unit of 65 bytes");
	memcpy(buf, "\x05\x10\x06\x10\x05", 5);
	ok(!gm_target_decode_rule(buf, 5, &t, &e) && e.code == GM_ERR_BINARY,
	   "decode_rule: range 6..5");
	memcpy(buf, "\x10\x10\x05\x10\x06", 5);
	ok(!gm_target_decode_rule(buf, 5, &t, &e) && e.code == GM_ERR_BINARY,
	   "decode_rule: increase from 6 to 5");
	ok(!gm_target_decode_rule(NULL, 0, &t, &e) && e.code == GM_ERR_BINARY,
	   "decode_rule: NULL buffer");
	memcpy(buf, "\x40\x10\x05\xc3", 4);
	ok(gm_target_decode_for_order(buf, 4, &t, &e) && t.unit_len == 1 &&
		   (uint8_t)t.unit[0] == 0xc3 && t.unit[1] == '\0',
	   "decode_for_order: the unit's bytes as stored, not re-checked");
	ok(!gm_target_decode_for_order(NULL, 0, &t, &e) && e.code == GM_ERR_BINARY,
	   "decode_for_order: NULL buffer");

	corrupt_encoding("Minst 65 %");
	corrupt_encoding("Högst 2 100 barn");
	corrupt_encoding("Mellan -5 och -3 kr");
	corrupt_encoding("Öka från 70 % till 75 %");
	corrupt_encoding("ska minska från 40,5 till 32 dagar");
	corrupt_encoding("Minst index 79");
	corrupt_encoding("100 %");
	corrupt_encoding("Exakt -999 999 999 999 999 kronor per invånare");
	corrupt_encoding("Minst 0");
	corrupt_encoding("Under 0,000000000000001 m²");
}

/* ---------------------------------------------------------------------
 * Order and hash
 * ---------------------------------------------------------------------
 */

static void
test_order(void)
{
	/* strictly increasing under gm_target_cmp */
	static const char *const sorted[] = {
		"Minst -5",         "Minst 0",        "Minst 0,5",
		"Minst 5",          "Minst index 5",  "Minst 5 %",
		"Minst 5 a",        "Minst 5 ab",     "Minst 5 b",
		"Minst 5 å",        "från 3 till 5",  "från 4 till 5",
		"från 4 till 5 kr", "Minst 6",        "5 %",
		"Högst 5",          "Över -1",        "Över 5",
		"Under 5",          "Exakt 5",        "Mellan 1 och 2",
		"Mellan 1 och 3",   "Mellan 2 och 2",
	};
	size_t   n = sizeof(sorted) / sizeof(sorted[0]);
	GmTarget t[sizeof(sorted) / sizeof(sorted[0])];
	size_t   i;
	size_t   j;

	for (i = 0; i < n; i++)
		ok(parse_str(sorted[i], &t[i], NULL), "\"%s\" parses", sorted[i]);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
		{
			int want = i < j ? -1 : (i > j ? 1 : 0);
			int got = gm_target_cmp(&t[i], &t[j]);

			ok(got == want, "cmp(\"%s\", \"%s\") = %d, expected %d", sorted[i],
			   sorted[j], got, want);
			if (i != j)
				ok(gm_target_hash(&t[i], 0) != gm_target_hash(&t[j], 0),
				   "hash(\"%s\") = hash(\"%s\")", sorted[i], sorted[j]);
		}

	/* numerically equal: equal, with equal hashes, different bytes */
	{
		static const char *const equal[][2] = {
			{ "Minst 42", "Minst 42,0" },
			{ "Minst 42,50", "Minst 42,5" },
			{ "Minst 0", "Minst 0,000" },
			{ "Minst -0", "Minst 0,0" },
			{ "Mellan 1 och 2", "Mellan 1,0 och 2,00" },
			{ "från 1 till 2", "från 1,000 till 2,0" },
			{ "Minst 100 000", "Minst 100000,000000000" },
			{ "Högst -1,5 %", "Högst -1,500000000000 procent" },
		};

		for (i = 0; i < sizeof(equal) / sizeof(equal[0]); i++)
		{
			GmTarget a;
			GmTarget b;

			if (!parse_str(equal[i][0], &a, NULL) ||
				!parse_str(equal[i][1], &b, NULL))
			{
				ok(0, "\"%s\" and \"%s\" parse", equal[i][0], equal[i][1]);
				continue;
			}
			ok(gm_target_cmp(&a, &b) == 0 && gm_target_cmp(&b, &a) == 0,
			   "\"%s\" = \"%s\"", equal[i][0], equal[i][1]);
			ok(gm_target_hash(&a, 0) == gm_target_hash(&b, 0) &&
				   gm_target_hash(&a, 42) == gm_target_hash(&b, 42),
			   "hash(\"%s\") = hash(\"%s\")", equal[i][0], equal[i][1]);
		}
	}

	/* decimals across scales and at the limits */
	{
		static const struct
		{
			int64_t a;
			int     sa;
			int64_t b;
			int     sb;
			int     want;
		} d[] = {
			{ INT64_C(999999999999999), 0, INT64_C(999999999999999), 15, 1 },
			{ INT64_C(999999999999999), 15, 1, 0, -1 },
			{ -INT64_C(999999999999999), 0, -INT64_C(999999999999999), 15,
			  -1 },
			{ -INT64_C(999999999999999), 0, INT64_C(999999999999999), 0, -1 },
			{ 1, 15, 0, 0, 1 },
			{ -1, 15, 0, 0, -1 },
			{ 0, 0, 0, 15, 0 },
			{ INT64_C(100000000000000), 14, 1, 0, 0 },
			{ INT64_C(100000000000000), 15, 1, 1, 0 },
			{ INT64_C(123456789012345), 15, INT64_C(123456789012346), 15, -1 },
			{ INT64_C(123456789012345), 3, INT64_C(123456789012345), 4, 1 },
			{ 5, 1, 1, 0, -1 },
			{ 15, 1, 1, 0, 1 },
			{ -15, 1, -1, 0, -1 },
			{ INT64_C(100000000000001), 15, 1, 1, 1 },
			/* invalid decimals: defined, no overflow */
			{ INT64_MIN, 0, INT64_MAX, 0, -1 },
			{ INT64_MAX, 255, 1, 0, -1 },
			{ INT64_MIN, 19, -1, 0, 1 },
		};

		for (i = 0; i < sizeof(d) / sizeof(d[0]); i++)
		{
			GmDecimal x;
			GmDecimal y;

			x.coef = d[i].a;
			x.scale = (uint8_t)d[i].sa;
			y.coef = d[i].b;
			y.scale = (uint8_t)d[i].sb;
			ok(gm_decimal_cmp(x, y) == d[i].want &&
				   gm_decimal_cmp(y, x) == -d[i].want,
			   "decimal_cmp %lld/%d vs %lld/%d = %d, expected %d",
			   (long long)d[i].a, d[i].sa, (long long)d[i].b, d[i].sb,
			   gm_decimal_cmp(x, y), d[i].want);
		}
	}

	/* the hash: seeded, and pinned so that a platform difference shows */
	{
		GmTarget a;

		if (parse_str("Minst 65 %", &a, NULL))
		{
			ok(gm_target_hash(&a, 0) != gm_target_hash(&a, 1) &&
				   gm_target_hash(&a, 1) != gm_target_hash(&a, 2),
			   "the seed changes the hash");
			ok(gm_target_hash(&a, 0) == PINNED_HASH_0,
			   "hash(Minst 65 %%, 0) = 0x%016llx",
			   (unsigned long long)gm_target_hash(&a, 0));
			ok(gm_target_hash(&a, 7) == PINNED_HASH_7,
			   "hash(Minst 65 %%, 7) = 0x%016llx",
			   (unsigned long long)gm_target_hash(&a, 7));
		}
	}
}

/* ---------------------------------------------------------------------
 * The fast path against the general parser
 * ---------------------------------------------------------------------
 */

/* The fast path takes in and gives what the general parser gives */
static void
expect_fast(const char *in)
{
	GmTarget f;
	GmTarget g;
	GmError  e;
	size_t   len = strlen(in);
	char    *copy = malloc(len > 0 ? len : 1);

	if (copy == NULL)
		abort();
	memcpy(copy, in, len);
	ok(gm_target_parse_fast(copy, len, &f) &&
		   gm_target_parse_general(copy, len, &g, &e) &&
		   identical_fields(&f, &g),
	   "fast path reads \"%s\" as the general parser does", in);
	free(copy);
}

/* The fast path leaves in to the general parser, which agrees with itself */
static void
expect_not_fast(const char *in)
{
	GmTarget f;
	GmTarget t;
	GmError  e;
	size_t   len = strlen(in);
	char    *copy = malloc(len > 0 ? len : 1);

	if (copy == NULL)
		abort();
	memcpy(copy, in, len);
	ok(!gm_target_parse_fast(copy, len, &f),
	   "fast path leaves \"%s\" to the general parser", in);
	free(copy);
	parse_exact(in, len, &t, &e); /* silent differential check */
}

/* Append src to buf (of size cap), never past it */
static void
append(char *buf, size_t cap, const char *src)
{
	size_t n = strlen(buf);
	size_t m = strlen(src);

	if (n + m >= cap)
		abort();
	memcpy(buf + n, src, m + 1);
}

static void
test_fast_path(void)
{
	static const char *const fast[] = {
		/* the bench's and the seed tables' targets */
		"Minst 65 %",
		"Max 13,2 %",
		"Högst 2 100 barn",
		"Minst index 79",
		"80 %",
		"Minst 0 tkr",
		"Högst 14 vårddygn",
		">= 77 %",
		"<= 55 %",
		"Lägst 88 %",
		"Max NKI 36",
		"Högst 10 675 vårddygn",
		"Minst 25 st",
		"Minst 3 500 tkr",
		"Minst 69 000",
		"Minst 72,3",
		"100 %",
		"Minst 6",
		/* every single-word and symbolic comparator, in any case */
		"MINST 65 %",
		"minst 65 %",
		"mInSt 65 %",
		"HÖGST 5",
		"högst 5",
		"HöGsT 5",
		"LÄGST 5",
		"lägst 5",
		"MAX 5",
		"max 5",
		"Min 5",
		"MIN 5",
		"Maximalt 5",
		"MAXIMALT 5",
		"Över 5",
		"ÖVER 5",
		"över 5",
		"Under 5",
		"UNDER 5",
		"Exakt 5",
		"EXAKT 5",
		"exactly 5",
		"above 5",
		"Below 5",
		">= 5",
		"=> 5",
		"<= 5",
		"=< 5",
		"> 5",
		"< 5",
		"= 5",
		"\xe2\x89\xa5 5",
		"\xe2\x89\xa4 5",
		">=5",
		"<5",
		"\xe2\x89\xa5"
		"5 %",
		">=index 5",
		/* spaces, glued percent, percent words, units */
		"  Minst   65   %  ",
		"Minst 65%",
		"65%",
		"Minst 5 procent",
		"Minst 5 PERCENT",
		"5 Procent",
		"Minst procent 5",
		"Minst 5 kr per invånare",
		"Minst 5 m2",
		"Minst 5 kr/st",
		"Högst 5 st.",
		"Minst 5 Å",
		"Minst 5 e5",
		"Minst Index NKI 5",
		"Minst 5 kr  per   invånare",
		"Högst  index   NKI  5",
		"Minst index  5",
		"Minst 5 ÅÄÖ éü",
		/* numbers: groups, decimals, leading zeros, 15 digits */
		"Minst 1 000 000",
		"Minst 123 456 789 012 345",
		"Minst 123456789012345",
		"Minst 0,5",
		"Minst 0.5",
		"Minst 007",
		"Minst 42,0",
		"Minst 0",
		"Minst 0,00000000000001",
		"Minst 2,100",
		"Minst 12 345,678",
	};
	static const char *const not_fast[] = {
		/* a qualifier, a year, prose, a direction (issue 17) */
		"Minst 5 % x",
		"Minst 2 % av skatteintäkter",
		"Minst 100 procents konsolidering",
		"Minst 5 kr av budget",
		"Minst 85 % år 2019",
		"Minst 85 % 2019",
		"ska minst 2 %",
		"Resultatet ska uppgå till minst 2 %",
		"Öka",
		/* whitespace other than ASCII space */
		"Minst\xc2\xa0"
		"65 %",
		"Minst 2\xc2\xa0"
		"100",
		"Minst\t65",
		"Minst 65\n",
		"\nMinst 65",
		"Minst 65 \xe2\x80\xaf%",
		"Minst 2\xe2\x80\x89"
		"100",
		/* decomposed letters, other keywords, two-word comparators */
		"ho\xcc\x88gst 5",
		"Minst 5 a\xcc\x88",
		"at least 5",
		"at most 5",
		"Mer än 5",
		"mindre än 5",
		"Min. 5",
		"Max. 5",
		"Mellan 5 och 10",
		"between 5 and 10",
		"Öka från 1 till 2",
		"från 1 till 2",
		"ska öka från 1 till 2",
		"5-10 %",
		"5–10 %",
		"5 kr-10 kr",
		/* signs, malformed numbers, too many digits */
		"Minst -5",
		"Minst +5",
		"Minst \xe2\x88\x92"
		"5",
		"-5 %",
		"Minst 1e5",
		"Minst 5E3",
		"Minst 1 23",
		"Minst 1000 000",
		"Minst 5.",
		"Minst .5",
		"Minst 1,2,3",
		"Minst 0,123 456",
		"Minst 1234567890123456",
		"Minst 0000000000000001",
		"Minst 1 234 567 890 123 456",
		/* NaN, infinity, keywords and numbers as units */
		"Minst NaN",
		"Minst inf 5",
		"Minst Infinity",
		"Minst \xe2\x88\x9e",
		"Minst Högst 5",
		"Minst max 5",
		"Minst under 5",
		"Minst mellan 5",
		"Minst index79 5",
		"Minst 5 covid-19",
		/* errors of every other kind */
		"",
		"   ",
		"Minst",
		"Minst index",
		"Minst5",
		"Ungefär 65",
		"Minst index 79 %",
		"Minst 65 %;",
		"Minst 5 (st)",
		"Minst 5 ≥",
		"Minst \x01 5",
		"Minst \xff",
		"Minst 5 \xc3",
	};
	static const char *const cmps[] = {
		"",       "Minst ",   "MINST ", "minst ", "Högst ",        "HÖGST ",
		"Lägst ", "Max ",     ">= ",    "<=",     "\xe2\x89\xa5 ", "Över ",
		"Min ",   "at most ", "Min. "
	};
	static const char *const befores[] = { "",     "index ",
										   "NKI ", "Index  Nki ",
										   "max ", "inf " };
	static const char *const nums[] = {
		"0",
		"5",
		"65",
		"13,2",
		"13.25",
		"2 100",
		"10 675",
		"1 000 000",
		"007",
		"0,5",
		"1 23",
		"2,100",
		"1234",
		"-5",
		"5.",
		"1e5",
		"2\xc2\xa0"
		"100",
		"123 456 789 012 345",
		"1 234 567 890 123 456",
	};
	static const char *const afters[] = {
		"",
		" %",
		"%",
		" barn",
		" vårddygn",
		" VÅRDDYGN",
		" st",
		" tkr",
		" procent",
		" Procent",
		" kr per invånare",
		" kr  per   invånare",
		" m2",
		"  %  ",
		" %;",
		" - 3",
		"\xc2\xa0%",
		" och 5",
	};
	static const char *const mutants[] = {
		"Högst 2 100 barn", "Minst index 79", ">= 13,2 %", "80 %",
		"LÄGST 5 procent",
	};
	static const unsigned char bytes[] = {
		' ',  '\t', '\n', 0x00, 0x7F, 0xA0, 0xC2, 0xC3, 0xCC, 0xE2,
		0x80, 0x96, 0xFF, 'e',  'E',  '-',  '+',  '%',  '0',  '9',
		',',  '.',  'a',  'Z',  '/',  '(',  '>',  '=',  '<',
	};
	size_t   k;
	size_t   a;
	size_t   b;
	size_t   c;
	size_t   d;
	int      before;
	int      inputs = 0;
	int      valid = 0;
	GmTarget t;
	GmError  e;

	for (k = 0; k < sizeof(fast) / sizeof(fast[0]); k++)
		expect_fast(fast[k]);
	for (k = 0; k < sizeof(not_fast) / sizeof(not_fast[0]); k++)
		expect_not_fast(not_fast[k]);

	/*
	 * Every combination of comparator, unit before, number and unit after,
	 * valid or not: the general parser has the last word (silent checks in
	 * parse_exact); the fast path must take a good share of them.
	 */
	before = fast_answered;
	for (a = 0; a < sizeof(cmps) / sizeof(cmps[0]); a++)
		for (b = 0; b < sizeof(befores) / sizeof(befores[0]); b++)
			for (c = 0; c < sizeof(nums) / sizeof(nums[0]); c++)
				for (d = 0; d < sizeof(afters) / sizeof(afters[0]); d++)
				{
					char buf[160] = "";

					append(buf, sizeof(buf), cmps[a]);
					append(buf, sizeof(buf), befores[b]);
					append(buf, sizeof(buf), nums[c]);
					append(buf, sizeof(buf), afters[d]);
					if (parse_str(buf, &t, &e))
						valid++;
					inputs++;
				}
	ok(fast_answered - before > valid / 2,
	   "the fast path takes %d of the %d valid among %d generated targets",
	   fast_answered - before, valid, inputs);

	/* every single-byte change and every cut of a few plain targets */
	for (k = 0; k < sizeof(mutants) / sizeof(mutants[0]); k++)
	{
		size_t n = strlen(mutants[k]);

		for (a = 0; a < n; a++)
		{
			char buf[64];

			parse_exact(mutants[k], a, &t, &e);
			for (b = 0; b < sizeof(bytes); b++)
			{
				memcpy(buf, mutants[k], n);
				buf[a] = (char)bytes[b];
				parse_exact(buf, n, &t, &e);
				/* and the byte inserted */
				memcpy(buf, mutants[k], a);
				buf[a] = (char)bytes[b];
				memcpy(buf + a + 1, mutants[k] + a, n - a);
				parse_exact(buf, n + 1, &t, &e);
			}
		}
	}
}

/*
 * A comparator keyword is no unit word before the number: "Minst Högst 5"
 * has two comparators (it used to read as at least 5 with the unit
 * "Högst").  After the number such a word is still a unit.
 */
static void
test_second_comparator(void)
{
	GmTarget t;
	GmError  e;

	expect_error(
		"Minst Högst 5", GM_ERR_UNKNOWN_COMPARATOR, 6,
		"expected a unit or a number at character 7, found the comparator \"Högst\" (a target has one comparator)");
	expect_error("Högst MINST 5 %", GM_ERR_UNKNOWN_COMPARATOR, 7, NULL);
	expect_error("Minst max 5", GM_ERR_UNKNOWN_COMPARATOR, 6, NULL);
	expect_error("Minst Max. 5", GM_ERR_UNKNOWN_COMPARATOR, 6,
				 "expected a unit or a number at character 7, found the "
				 "comparator \"Max.\" (a target has one comparator)");
	expect_error(">= under 5", GM_ERR_UNKNOWN_COMPARATOR, 3, NULL);
	expect_error("≥ Över 5", GM_ERR_UNKNOWN_COMPARATOR, 4,
				 "expected a unit or a number at character 3, found the "
				 "comparator \"Över\" (a target has one comparator)");
	expect_error("Minst ho\xcc\x88gst 5", GM_ERR_UNKNOWN_COMPARATOR, 6, NULL);
	expect_error("Minst at  least 5", GM_ERR_UNKNOWN_COMPARATOR, 6,
				 "expected a unit or a number at character 7, found the "
				 "comparator \"at  least\" (a target has one comparator)");
	expect_error("Minst index Högst 5", GM_ERR_UNKNOWN_COMPARATOR, 12, NULL);
	expect_error("Exakt Maximalt 5", GM_ERR_UNKNOWN_COMPARATOR, 6, NULL);
	expect_error("Mellan minst 5 och 10", GM_ERR_UNKNOWN_COMPARATOR, 7, NULL);
	expect_error("Öka från Högst 5 till 10", GM_ERR_UNKNOWN_COMPARATOR, 11,
				 NULL);
	/* errors that come first, and text that is no unit word, stay */
	expect_error("Minst inf Högst 5", GM_ERR_NAN_INF, 6, NULL);
	expect_error("Minst >= 5", GM_ERR_MISSING_NUMBER, 6, NULL);
	expect_error("Minst Högst", GM_ERR_UNKNOWN_COMPARATOR, 6, NULL);

	/* not keywords at a word boundary, or after the number: units */
	expect_target("Minst Maxi 5", GM_AT_LEAST, false, 5, 0, GM_UNIT_BEFORE,
				  "Maxi");
	expect_target("Minst minuter 5", GM_AT_LEAST, false, 5, 0, GM_UNIT_BEFORE,
				  "minuter");
	expect_target("Minst at 5", GM_AT_LEAST, false, 5, 0, GM_UNIT_BEFORE,
				  "at");
	expect_target("Minst 5 max", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "max");
	expect_target("Högst 5 min", GM_AT_MOST, false, 5, 0, GM_UNIT_AFTER,
				  "min");

	/* the same rule for a unit set before the number, so decode agrees */
	t = base_target();
	ok(!gm_target_set_unit(&t, "Högst", 6, GM_UNIT_BEFORE, &e) &&
		   e.code == GM_ERR_UNKNOWN_COMPARATOR && e.pos == 0,
	   "set_unit: Högst before: %s", e.message);
	ok(!gm_target_set_unit(&t, "index min", 9, GM_UNIT_BEFORE, &e) &&
		   e.code == GM_ERR_UNKNOWN_COMPARATOR && e.pos == 6,
	   "set_unit: index min before: %s", e.message);
	ok(gm_target_set_unit(&t, "Högst", 6, GM_UNIT_AFTER, &e) &&
		   strcmp(t.unit, "Högst") == 0,
	   "set_unit: Högst after is a unit");
	ok(gm_target_set_unit(&t, "Maxi", 4, GM_UNIT_BEFORE, &e),
	   "set_unit: Maxi before is a unit");
	t = base_target();
	set_unit_raw(&t, "max", GM_UNIT_BEFORE);
	expect_invalid(&t, GM_ERR_UNKNOWN_COMPARATOR, "unit \"max\" before");
	set_unit_raw(&t, "at least", GM_UNIT_BEFORE);
	expect_invalid(&t, GM_ERR_UNKNOWN_COMPARATOR, "unit \"at least\" before");
}

static void
test_names(void)
{
	static const char *const names[] = { "at_least", "at_most",  "above",
										 "below",    "exactly",  "between",
										 "increase", "decrease", "maintain",
										 "improve" };
	GmComparator             c;
	int                      k;

	for (k = 0; k <= GM_COMPARATOR_MAX; k++)
	{
		ok(gm_comparator_name((GmComparator)k) != NULL &&
			   strcmp(gm_comparator_name((GmComparator)k), names[k]) == 0,
		   "name of %d", k);
		ok(gm_comparator_from_name(names[k], &c) && c == (GmComparator)k,
		   "comparator named %s", names[k]);
	}
	ok(gm_comparator_from_name("AT_LEAST", &c) && c == GM_AT_LEAST,
	   "AT_LEAST");
	ok(gm_comparator_from_name("Between", &c) && c == GM_BETWEEN, "Between");
	ok(!gm_comparator_from_name("at least", &c), "\"at least\" is no name");
	ok(!gm_comparator_from_name("at_leas", &c), "a prefix is no name");
	ok(!gm_comparator_from_name("at_leastt", &c), "a longer word is no name");
	ok(!gm_comparator_from_name("", &c), "empty is no name");
	ok(!gm_comparator_from_name(NULL, &c), "NULL is no name");
	ok(gm_comparator_name((GmComparator)10) == NULL, "no name for code 10");
	ok(gm_comparator_name((GmComparator)-1) == NULL, "no name for code -1");
}

/* ---------------------------------------------------------------------
 * Issue 12: one number grammar for targets and outcomes, Unicode spaces,
 * invisible characters, and names cleaned for the import
 * ---------------------------------------------------------------------
 */

/* UTF-8 of a code point into buf (at least 5 bytes), NUL-terminated */
static const char *
utf8_of(uint32_t c, char *buf)
{
	if (c < 0x80)
		buf[0] = (char)c, buf[1] = 0;
	else if (c < 0x800)
		buf[0] = (char)(0xC0 | (c >> 6)), buf[1] = (char)(0x80 | (c & 0x3F)),
		buf[2] = 0;
	else
		buf[0] = (char)(0xE0 | (c >> 12)),
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
		buf[2] = (char)(0x80 | (c & 0x3F)), buf[3] = 0;
	return buf;
}

/* An outcome reads as coef * 10^-scale */
static void
expect_outcome(const char *in, int64_t coef, int scale)
{
	GmDecimal d = { 0, 0 };
	GmError   e;
	bool      none = true;
	bool      r = gm_outcome_parse(in, strlen(in), &d, &none, &e);

	ok(r && !none && d.coef == coef && d.scale == scale,
	   "outcome \"%s\" reads as %lld scale %d: %s, %lld scale %d", in,
	   (long long)coef, scale, r ? (none ? "none" : "read") : e.message,
	   (long long)d.coef, d.scale);
}

static void
expect_outcome_none(const char *in)
{
	GmDecimal d;
	GmError   e;
	bool      none = false;

	ok(gm_outcome_parse(in, strlen(in), &d, &none, &e) && none,
	   "outcome \"%s\" is no value", in);
}

/*
 * The outcome is refused with code at pos, as "Minst " + it is when it
 * starts with a number (a word first would be a unit before the number)
 */
static void
expect_outcome_error(const char *in, GmErrorCode code, size_t pos)
{
	GmDecimal d;
	GmError   e;
	bool      none = false;
	char      target[128];

	if (gm_outcome_parse(in, strlen(in), &d, &none, &e))
	{
		ok(0, "outcome \"%s\" is read (%s), expected error %d", in,
		   none ? "none" : "a number", code);
		return;
	}
	ok(e.code == code && e.pos == pos,
	   "outcome \"%s\": error %d at %zu (%s), expected %d at %zu", in, e.code,
	   e.pos, e.message, code, pos);
	snprintf(target, sizeof(target), "Minst %s", in);
	if (in[0] >= '0' && in[0] <= '9')
		expect_error(target, code, pos + 6, NULL);
}

static void
test_issue12(void)
{
	/* Unicode spaces that are neither group separators nor units */
	static const uint32_t word_spaces[] = {
		0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
		0x2006, 0x2008, 0x200A, 0x205F, 0x3000, 0x2028, 0x2029,
	};
	static const uint32_t group_seps[] = { ' ', 0x00A0, 0x2007, 0x2009,
										   0x202F };
	size_t                k;
	char                  sp[5];
	char                  in[64];
	char                  clean[64];
	size_t                n;

	/* numbers the target grammar refuses, outcomes refuse the same way */
	expect_outcome_error("59 60", GM_ERR_BAD_NUMBER, 3);
	expect_outcome_error("1 23", GM_ERR_BAD_NUMBER, 2);
	expect_outcome_error("2014 2015", GM_ERR_BAD_NUMBER, 4);
	expect_outcome_error("1 000 00", GM_ERR_BAD_NUMBER, 6);
	expect_outcome_error("72,3,1", GM_ERR_BAD_NUMBER, 4);
	expect_outcome_error("5.", GM_ERR_BAD_NUMBER, 1);
	expect_outcome_error("1e5", GM_ERR_SCIENTIFIC, 1);
	expect_outcome_error("NaN", GM_ERR_NAN_INF, 0);
	expect_outcome_error("1234567890123456", GM_ERR_TOO_MANY_DIGITS, 0);
	expect_outcome_error("ungefär 5", GM_ERR_MISSING_NUMBER, 0);
	expect_outcome_error("5 ;", GM_ERR_STRAY_TEXT, 2);
	expect_outcome_error("65 % %", GM_ERR_BAD_UNIT, 3);
	expect_outcome_error("65 %\xe2\x80\x8b", GM_ERR_CONTROL_CHAR, 4);
	expect_outcome_error("5\n000", GM_ERR_STRAY_TEXT, 2);
	expect_outcome_error("\xe2\x88\x92 4", GM_ERR_BAD_NUMBER, 3);
	expect_outcome("59 %", 59, 0);
	expect_outcome("2 315", 2315, 0);
	expect_outcome("2\xc2\xa0"
				   "315",
				   2315, 0);
	expect_outcome("72,3", 723, 1);
	expect_outcome("72.30", 7230, 2);
	expect_outcome("\xe2\x88\x92"
				   "4",
				   -4, 0);
	expect_outcome("-4,5", -45, 1);
	expect_outcome("+4", 4, 0);
	expect_outcome("  3 518 tkr  ", 3518, 0);
	expect_outcome("5 kronor per inv\xc3\xa5nare", 5, 0);
	expect_outcome("123 456 789 012 345", INT64_C(123456789012345), 0);
	expect_outcome_none("");
	expect_outcome_none("  \t ");
	expect_outcome_none("-");
	expect_outcome_none(" \xe2\x80\x93 ");
	expect_outcome_none("\xe2\x80\x94");

	/* every Unicode space: a group separator or a word space, never a unit */
	for (k = 0; k < sizeof(group_seps) / sizeof(group_seps[0]); k++)
	{
		GmTarget t;
		GmError  e;

		snprintf(in, sizeof(in), "Minst 5%s000", utf8_of(group_seps[k], sp));
		ok(parse_str(in, &t, &e) && t.value.coef == 5000 &&
			   t.unit_pos == GM_UNIT_NONE,
		   "U+%04X separates digit groups: %s", (unsigned int)group_seps[k],
		   e.message);
		expect_outcome(in + 6, 5000, 0);
	}
	for (k = 0; k < sizeof(word_spaces) / sizeof(word_spaces[0]); k++)
	{
		GmTarget t;
		GmError  e;
		size_t   len;

		utf8_of(word_spaces[k], sp);
		snprintf(in, sizeof(in), "Minst 5%s000", sp);
		expect_error(in, GM_ERR_STRAY_TEXT, 7 + strlen(sp), NULL);
		expect_outcome_error(in + 6, GM_ERR_STRAY_TEXT, 1 + strlen(sp));
		snprintf(in, sizeof(in), "%sMinst%s5%s%%%s", sp, sp, sp, sp);
		ok(parse_str(in, &t, &e) && t.value.coef == 5 &&
			   strcmp(t.unit, "%") == 0,
		   "U+%04X is whitespace between words: %s",
		   (unsigned int)word_spaces[k], e.message);
		snprintf(in, sizeof(in), "Minst 5 kr%sper%sinv", sp, sp);
		ok(parse_str(in, &t, &e) && strcmp(t.unit, "kr per inv") == 0,
		   "U+%04X joins unit words as one space: %s",
		   (unsigned int)word_spaces[k], e.message);
		/* and is no part of a unit someone stores directly */
		t = base_target();
		snprintf(in, sizeof(in), "a%sb", sp);
		len = strlen(in);
		memcpy(t.unit, in, len + 1);
		t.unit_len = (uint8_t)len;
		t.unit_pos = GM_UNIT_AFTER;
		ok(!gm_target_validate(&t, &e), "unit \"a U+%04X b\" is invalid",
		   (unsigned int)word_spaces[k]);
	}

	/* invisible and bidirectional characters are refused, where they are */
	expect_error(
		"Minst 65 %\xe2\x80\x8b", GM_ERR_CONTROL_CHAR, 10,
		"unexpected invisible format character U+200B at character 11");
	expect_error("Minst 5 \xe2\x80\xae"
				 "nrab001",
				 GM_ERR_CONTROL_CHAR, 8, NULL);
	expect_error("\xef\xbb\xbfMinst 5", GM_ERR_CONTROL_CHAR, 0, NULL);
	expect_error("Minst 5 k\xc2\xadr", GM_ERR_CONTROL_CHAR, 9, NULL);
	expect_error("Minst 5 kr\xe2\x81\xa0", GM_ERR_CONTROL_CHAR, 10, NULL);
	expect_error("Minst 5 \xf3\xa0\x80\x81kr", GM_ERR_CONTROL_CHAR, 8, NULL);

	/* names: whitespace runs made one space; other bytes kept */
	n = gm_text_clean(
		" \xe2\x80\x83Social\tn\xc3\xa4mnden\xc2\xa0\xc2\xa0 ",
		strlen(" \xe2\x80\x83Social\tn\xc3\xa4mnden\xc2\xa0\xc2\xa0 "), clean);
	ok(n == 15 && memcmp(clean, "Social n\xc3\xa4mnden", n) == 0,
	   "gm_text_clean trims and joins: \"%.*s\"", (int)n, clean);
	n = gm_text_clean("M\xc3\xa5l \xc3\xa0 la carte", 17, clean);
	ok(n == 17 && memcmp(clean, "M\xc3\xa5l \xc3\xa0 la carte", n) == 0,
	   "gm_text_clean keeps the letters: \"%.*s\"", (int)n, clean);
	n = gm_text_clean("a\xa0\xff  b", 6, clean);
	ok(n == 5 && memcmp(clean, "a\xa0\xff b", n) == 0,
	   "gm_text_clean keeps bytes that are not UTF-8");
	ok(gm_text_clean("  ", 2, clean) == 0, "gm_text_clean of blanks is empty");
}

/*
 * Outcomes written the way the report writes them (gm_outcome_format):
 * the target's number rule, the unit where the report shows it.
 */
static void
expect_written(const char *plain, const char *target, GmOutcomeStyle style,
			   const char *want)
{
	GmTarget t;
	char     buf[256];
	size_t   n = 0;
	bool     r;

	if (target != NULL && !parse_str(target, &t, NULL))
	{
		ok(0, "outcome: target \"%s\" parses", target);
		return;
	}
	memset(buf, 'x', sizeof(buf));
	r = gm_outcome_format(plain, strlen(plain), target ? &t : NULL, style, buf,
						  sizeof(buf), &n);
	if (want == NULL)
		ok(!r && buf[0] == 'x', "outcome \"%s\" is refused, nothing written",
		   plain);
	else
		ok(r && strcmp(buf, want) == 0 && n == strlen(want),
		   "outcome \"%s\" against \"%s\" (style %d): \"%s\", expected \"%s\"",
		   plain, target ? target : "(none)", (int)style,
		   r ? buf : "(refused)", want);
}

static void
test_outcome_format(void)
{
	char      plain[64];
	char      a[64];
	char      b[64];
	char      buf[8];
	size_t    n = 0;
	GmDecimal d;
	int       k;
	int       same = 0;

	/* the seeds: the unit of money and percent is shown, a count's not */
	expect_written("2315", "H\xc3\xb6gst 2 100 barn", GM_OUTCOME_SWEDISH,
				   "2 315");
	expect_written("72.3", "Minst 65 %", GM_OUTCOME_SWEDISH, "72,3 %");
	expect_written("3518", "Minst 3 500 tkr", GM_OUTCOME_SWEDISH, "3 518 tkr");
	expect_written("8127", "Minst 0 tkr", GM_OUTCOME_SWEDISH, "8 127 tkr");
	expect_written("77", "Minst index 79", GM_OUTCOME_SWEDISH, "77");
	expect_written("79", "Minst NKI 75", GM_OUTCOME_SWEDISH, "79");
	expect_written("151", "H\xc3\xb6gst 170 v\xc3\xa5rddygn",
				   GM_OUTCOME_SWEDISH, "151");
	expect_written("24", "Minst 25 st", GM_OUTCOME_SWEDISH, "24");
	expect_written("100", "100 %", GM_OUTCOME_SWEDISH, "100 %");
	expect_written("67044", "Minst 69 000", GM_OUTCOME_SWEDISH, "67 044");
	expect_written("71.9", "Minst 72,3", GM_OUTCOME_SWEDISH, "71,9");
	expect_written("12.5", "Max 13,2 %", GM_OUTCOME_SWEDISH, "12,5 %");
	expect_written("72", "\xc3\x96ka fr\xc3\xa5n 70 % till 75 %",
				   GM_OUTCOME_SWEDISH, "72 %");
	expect_written("100", "Mellan 95 och 105 %", GM_OUTCOME_SWEDISH, "100 %");
	expect_written("12000", "Minst 10 000 kronor per inv\xc3\xa5nare",
				   GM_OUTCOME_SWEDISH, "12 000 kronor per inv\xc3\xa5nare");
	expect_written("5", "Minst 4 MNKR", GM_OUTCOME_SWEDISH, "5 MNKR");
	expect_written("5", "Minst 4 krukor", GM_OUTCOME_SWEDISH, "5");
	expect_written("2315", NULL, GM_OUTCOME_SWEDISH, "2 315");

	/* the decimals it has, exactly; signs; leading zeros */
	expect_written("72.30", "Minst 65 %", GM_OUTCOME_SWEDISH, "72,30 %");
	expect_written("-4.5", NULL, GM_OUTCOME_SWEDISH, "-4,5");
	expect_written("-1234567.125", NULL, GM_OUTCOME_SWEDISH, "-1 234 567,125");
	expect_written("0.05", NULL, GM_OUTCOME_SWEDISH, "0,05");
	expect_written("-0.00", NULL, GM_OUTCOME_SWEDISH, "0,00");
	expect_written("-0", NULL, GM_OUTCOME_SWEDISH, "0");
	expect_written("007", NULL, GM_OUTCOME_SWEDISH, "7");
	expect_written("0001000", NULL, GM_OUTCOME_SWEDISH, "1 000");
	expect_written("12345678901234567890123456789012345678.5", NULL,
				   GM_OUTCOME_SWEDISH,
				   "12 345 678 901 234 567 890 123 456 789 012 345 678,5");

	/* english: decimal point; sheet: decimal comma, no groups, no unit */
	expect_written("72.3", "Minst 65 %", GM_OUTCOME_ENGLISH, "72.3 %");
	expect_written("3518.25", "Minst 3 500 tkr", GM_OUTCOME_ENGLISH,
				   "3 518.25 tkr");
	expect_written("72.3", "Minst 65 %", GM_OUTCOME_SHEET, "72,3");
	expect_written("-2315.5", "H\xc3\xb6gst 2 100 barn", GM_OUTCOME_SHEET,
				   "-2315,5");
	expect_written("3518", "Minst 3 500 tkr", GM_OUTCOME_SHEET, "3518");

	/* not a plain decimal: refused */
	expect_written("NaN", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written("Infinity", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written("1e5", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written("", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written("-", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written(".5", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written("5.", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written("1.2.3", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written(" 5", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written("+5", NULL, GM_OUTCOME_SWEDISH, NULL);
	expect_written("2 315", NULL, GM_OUTCOME_SWEDISH, NULL);

	/* snprintf-like: the length needed, truncated output */
	ok(gm_outcome_format("2315", 4, NULL, GM_OUTCOME_SWEDISH, NULL, 0, &n) &&
		   n == 5,
	   "outcome length without a buffer: %zu", n);
	ok(gm_outcome_format("1234567", 7, NULL, GM_OUTCOME_SWEDISH, buf, 4, &n) &&
		   n == 9 && strcmp(buf, "1 2") == 0,
	   "outcome truncated: \"%s\" %zu", buf, n);

	/* one rule: an outcome is written as a target's number is */
	for (k = 0; k < 2000; k++)
	{
		d.coef = (int64_t)(k - 1000) * 7919 * (k % 7 + 1);
		d.scale = (uint8_t)(k % 5);
		gm_decimal_format(d, ',', a, sizeof(a));
		/* the plain form: digits with a point, as numeric_out writes them */
		gm_decimal_format(d, '.', plain, sizeof(plain));
		{
			char *w = plain;
			char *r;

			for (r = plain; *r; r++)
				if (*r != ' ')
					*w++ = *r;
			*w = '\0';
		}
		if (gm_outcome_format(plain, strlen(plain), NULL, GM_OUTCOME_SWEDISH,
							  b, sizeof(b), &n) &&
			strcmp(a, b) == 0)
			same++;
	}
	ok(same == 2000,
	   "2000 decimals: outcome and target numbers written alike (%d)", same);
}

/* ---------------------------------------------------------------------
 * Issue 17: prose, direction targets, multi-year targets
 * ---------------------------------------------------------------------
 */

/*
 * in parses to a target whose swedish form is sv (and english en when not
 * NULL), with the qualifier qual ("" for none), and round-trips
 */
static void
expect_prose(const char *in, const char *sv, const char *en, const char *qual)
{
	GmTarget t;
	GmError  e;
	char     buf[GM_MAX_FORMATTED];

	if (!parse_str(in, &t, &e))
	{
		ok(0, "\"%s\" does not parse: %s", in, e.message);
		return;
	}
	gm_target_format(&t, GM_STYLE_SWEDISH, buf, sizeof(buf));
	ok(strcmp(buf, sv) == 0, "\"%s\": swedish \"%s\", expected \"%s\"", in,
	   buf, sv);
	if (en != NULL)
	{
		gm_target_format(&t, GM_STYLE_ENGLISH, buf, sizeof(buf));
		ok(strcmp(buf, en) == 0, "\"%s\": english \"%s\", expected \"%s\"", in,
		   buf, en);
	}
	ok(strcmp(t.qualifier, qual) == 0 && t.qual_len == strlen(qual),
	   "\"%s\": qualifier \"%s\", expected \"%s\"", in, t.qualifier, qual);
	check_round_trip(&t, in);
}

/* the error of in, and the suggestion it makes ("" for none) */
static void
expect_suggestion(const char *in, GmErrorCode code, const char *word,
				  const char *suggestion)
{
	GmTarget t;
	GmError  e;

	if (parse_str(in, &t, &e))
	{
		ok(0, "\"%s\" parses, expected an error", in);
		return;
	}
	ok(e.code == code, "\"%s\": error %d (%s), expected %d", in, e.code,
	   e.message, code);
	ok(word == NULL || strstr(e.message, word) != NULL,
	   "\"%s\": message \"%s\" does not name \"%s\"", in, e.message, word);
	ok(strcmp(e.suggestion, suggestion) == 0,
	   "\"%s\": suggestion \"%s\", expected \"%s\"", in, e.suggestion,
	   suggestion);
	/* never steers toward a change target */
	ok(strstr(e.message, "fr\xc3\xa5n") == NULL ||
		   code != GM_ERR_UNKNOWN_COMPARATOR ||
		   strstr(in, "\xc3\xb6ka") != NULL ||
		   strstr(in, "\xc3\x96ka") != NULL || strstr(in, "inska") != NULL,
	   "\"%s\": message \"%s\" suggests a change target", in, e.message);
}

static void
test_prose(void)
{
	/* the issue's real phrasings */
	expect_prose(
		"Resultatet ska uppgå till minst 2 % av skatteintäkter och generella statsbidrag",
		"Minst 2 % av skatteintäkter och generella statsbidrag",
		"at least 2 % av skatteintäkter och generella statsbidrag",
		"av skatteintäkter och generella statsbidrag");
	expect_prose("ska lägst uppgå till 2 %", "Minst 2 %", "at least 2 %", "");
	expect_prose(
		"bör uppgå till minst 2 procent av skatter och kommunalekonomisk utjämning",
		"Minst 2 % av skatter och kommunalekonomisk utjämning", NULL,
		"av skatter och kommunalekonomisk utjämning");
	expect_prose("Soliditeten ska förbättras", "Förbättra", "improve", "");
	/*
	 * a unit or qualifier ending in a word that starts a year phrase: the
	 * year is written in parentheses, so that "till år 2090" does not read
	 * as the year (fuzz finding "2 till till  2090")
	 */
	expect_styles("2 till till  2090", "2 till (2090)", "2 till (2090)",
				  "2 till (2090)");
	expect_styles("Minst 5 st senast senast 2030", "Minst 5 st senast (2030)",
				  "at least 5 st senast (2030)", ">= 5 st senast (2030)");
	/* no unit after the number holds a year: the parser would end it there
	 * (a packed target with one is refused; fuzz finding) */
	{
		GmTarget                 yt;
		GmError                  ye;
		static const char *const with_year[] = { "aaa (4310) r9)",
												 "dagar år 2019", "st 2019",
												 "st till 2019" };
		size_t                   k;

		for (k = 0; k < sizeof(with_year) / sizeof(with_year[0]); k++)
		{
			ok(gm_target_parse("Minst 5 st", strlen("Minst 5 st"), &yt, &ye),
			   "Minst 5 st parses");
			ok(!gm_target_set_unit(&yt, with_year[k], strlen(with_year[k]),
								   GM_UNIT_AFTER, &ye),
			   "the unit \"%s\" (a year in it) is refused", with_year[k]);
		}
	}
	expect_prose("minst 100 procents konsolidering",
				 "Minst 100 % konsolidering", "at least 100 % konsolidering",
				 "konsolidering");
	/* the general rule: variants */
	expect_prose("Resultatet skall uppgå till lägst 2 %.", "Minst 2 %", NULL,
				 "");
	expect_prose("Resultatet ska uppgå till 2 %", "2 %", NULL, "");
	expect_prose("Resultatet ska vara minst 2 procent av skatteintäkterna.",
				 "Minst 2 % av skatteintäkterna", NULL, "av skatteintäkterna");
	expect_prose("Andelen elever med behörighet ska öka", "Öka", "increase",
				 "");
	expect_prose("Kostnaden per brukare ska minska.", "Minska", "decrease",
				 "");
	expect_prose("Nöjdheten ska bibehållas", "Bibehålla", "maintain", "");
	expect_prose("ska vara oförändrad", "Bibehålla", NULL, "");
	expect_prose("Oförändrat", "Bibehålla", NULL, "");
	expect_prose("Bibehålla", "Bibehålla", "maintain", "");
	expect_prose("Öka", "Öka", "increase", "");
	expect_prose("MINSKA", "Minska", NULL, "");
	expect_prose("Ska öka", "Öka", NULL, "");
	expect_prose("ska minska", "Minska", NULL, "");
	expect_prose("Förbättra", "Förbättra", "improve", "");
	expect_prose("Skuldsättningen bör högst uppgå till 50 %", "Högst 50 %",
				 NULL, "");
	expect_prose(
		"Nettokostnaden ska uppgå till högst 98 % av skatteintäkterna",
		"Högst 98 % av skatteintäkterna", NULL, "av skatteintäkterna");
	expect_prose("Minst 5 % per år", "Minst 5 % per år", NULL, "per år");
	expect_prose("Minst 3 500 tkr av budgeten", "Minst 3 500 tkr av budgeten",
				 NULL, "av budgeten");
	expect_prose("Minst index 79 av alla", "Minst index 79 av alla", NULL,
				 "av alla");
	/* English */
	expect_prose("The result should be at least 2 % of tax revenue",
				 "Minst 2 % of tax revenue", "at least 2 % of tax revenue",
				 "of tax revenue");
	expect_prose("Costs shall decrease", "Minska", "decrease", "");
	expect_prose("The share shall increase", "Öka", "increase", "");
	expect_prose("should be maintained", "Bibehålla", "maintain", "");
	expect_prose("shall improve", "Förbättra", "improve", "");
	expect_prose("unchanged", "Bibehålla", "maintain", "");
	expect_prose("Equity must amount to at least 30 %", "Minst 30 %", NULL,
				 "");

	/* not understood: which word, and the canonical form when clear */
	expect_suggestion("ska ungefär minst 2 %", GM_ERR_UNKNOWN_COMPARATOR,
					  "ungefär", "Minst 2 %");
	expect_suggestion("Resultatet minst 2 % av skatteintäkter",
					  GM_ERR_UNKNOWN_COMPARATOR, "Resultatet",
					  "Minst 2 % av skatteintäkter");
	expect_suggestion("Resultatet ska cirka 2 %", GM_ERR_UNKNOWN_COMPARATOR,
					  "cirka", "2 %");
	expect_suggestion("ska minst", GM_ERR_MISSING_NUMBER, NULL, "");
	expect_suggestion("Resultatet ska", GM_ERR_MISSING_NUMBER, NULL, "");
	expect_suggestion("ska typ", GM_ERR_UNKNOWN_COMPARATOR, "typ", "");
	expect_suggestion("Öka med 5 %", GM_ERR_UNKNOWN_COMPARATOR, "med", "");
	expect_suggestion("ska öka med 5 %", GM_ERR_UNKNOWN_COMPARATOR, "med", "");
	expect_suggestion("Bibehålla 80 %", GM_ERR_STRAY_TEXT, "80", "");
	expect_suggestion("Soliditeten ska förbättras till 40 %",
					  GM_ERR_STRAY_TEXT, "till", "");
	/* a subject needs a modal verb; more than six words is no subject */
	expect_error("a b c d e f g ska öka", GM_ERR_UNKNOWN_COMPARATOR, 0, NULL);
	expect_prose("a b c d e f ska öka", "Öka", NULL, "");
	/* the unit and the qualifier: at most 64 bytes together */
	expect_prose(
		"Minst 2 % av aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"Minst 2 % av aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		NULL,
		"av aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	expect_error(
		"Minst 2 % av aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		GM_ERR_UNIT_TOO_LONG, 10, NULL);
	expect_error(
		"Minst 2 kr av aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		GM_ERR_UNIT_TOO_LONG, 11, NULL);
	/* an outcome has no year */
	{
		static const char *const years[] = { "59 % 2016", "59 år 2016",
											 "59 % till 2016", "59 (2016)",
											 "59 % av x 2016" };
		size_t                   k;

		for (k = 0; k < sizeof(years) / sizeof(years[0]); k++)
		{
			GmDecimal d;
			bool      none;
			GmError   e;

			ok(!gm_outcome_parse(years[k], strlen(years[k]), &d, &none, &e) &&
				   e.code == GM_ERR_BAD_YEAR,
			   "outcome \"%s\" with a year: %s", years[k], e.message);
		}
	}
	/* outcomes alike: what an outcome reads, "Minst " + it reads too */
	{
		GmDecimal   d;
		bool        none;
		GmError     e;
		const char *o1 =
			"2 kr av aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
		const char *o2 =
			"2 procent av aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

		ok(!gm_outcome_parse(o1, strlen(o1), &d, &none, &e) &&
			   e.code == GM_ERR_UNIT_TOO_LONG,
		   "an outcome's unit and qualifier over 64 bytes");
		ok(gm_outcome_parse(o2, strlen(o2), &d, &none, &e) && d.coef == 2,
		   "an outcome's unit counts as %%: %s", e.message);
	}
	{
		GmTarget t;
		GmError  e;
		uint8_t  enc[GM_MAX_ENCODED];

		ok(parse_str("Minst 2 kr av x", &t, &e), "kr av x");
		memset(t.qualifier, 'a', GM_MAX_QUALIFIER_LEN);
		t.qual_len = GM_MAX_QUALIFIER_LEN;
		ok(!gm_target_validate(&t, &e) && e.code == GM_ERR_UNIT_TOO_LONG,
		   "unit and qualifier over 64 bytes are invalid");
		ok(gm_target_encode(&t, enc) <= GM_MAX_ENCODED,
		   "an invalid target still encodes within GM_MAX_ENCODED");
	}
	/* a full stop ends a sentence, not a number or a plain target */
	expect_error("ska minst 5.", GM_ERR_BAD_NUMBER, 11, NULL);
	expect_target("Minst 5 st.", GM_AT_LEAST, false, 5, 0, GM_UNIT_AFTER,
				  "st.");
	/* a filler word is no unit before the number */
	expect_target("Minst vara 5", GM_AT_LEAST, false, 5, 0, GM_UNIT_NONE, "");
	{
		GmTarget t;
		GmError  e;

		memset(&t, 0, sizeof(t));
		ok(!gm_target_set_unit(&t, "vara", 4, GM_UNIT_BEFORE, &e),
		   "filler \"vara\" is no unit before the number");
		ok(!gm_target_set_unit(&t, "% av x", 6, GM_UNIT_AFTER, &e),
		   "\"%% av x\" is a unit and a qualifier, not a unit");
		ok(!gm_target_set_unit(&t, "kr av x", 7, GM_UNIT_AFTER, &e),
		   "\"kr av x\" is a unit and a qualifier, not a unit");
		ok(gm_target_set_unit(&t, "procents", 8, GM_UNIT_AFTER, &e) &&
			   strcmp(t.unit, "%") == 0,
		   "\"procents\" is percent");
	}
}

/* t's value is coef at scale */
static bool
value_is(const GmTarget *t, int64_t coef, int scale)
{
	return t->value.coef == coef && t->value.scale == scale;
}

static void
test_years(void)
{
	GmTarget t;
	GmTarget y;
	GmTarget h;
	GmError  e;
	char     buf[GM_MAX_FORMATTED];

	expect_prose("Öka från 81 % 2016 till 85 % 2019",
				 "Öka från 81 % år 2016 till 85 % år 2019",
				 "increase from 81 % in 2016 to 85 % in 2019", "");
	expect_prose("85 % år 2019", "85 % år 2019", "85 % in 2019", "");
	expect_prose("Minst 85 % till 2019", "Minst 85 % år 2019", NULL, "");
	expect_prose("Minst 85 % till år 2019", "Minst 85 % år 2019", NULL, "");
	expect_prose("Öka till 85 % senast 2019", "Minst 85 % år 2019", NULL, "");
	expect_prose("Minska från 40 dagar (2016) till 32 dagar (2019)",
				 "Minska från 40 dagar år 2016 till 32 dagar år 2019", NULL,
				 "");
	/* a unit with "till" in it stands once, at the end */
	expect_prose("Minska från 40 (2016) till 32 kr till gång år 2019",
				 "Minska från 40 år 2016 till 32 kr till gång år 2019", NULL,
				 "");
	expect_prose("Mellan 95 och 105 % av normen år 2020",
				 "Mellan 95 och 105 % av normen år 2020", NULL, "av normen");
	expect_prose(
		"Resultatet ska uppgå till minst 2 % av skatteintäkterna år 2020",
		"Minst 2 % av skatteintäkterna år 2020", NULL, "av skatteintäkterna");
	expect_prose("at least 85 % in 2019", "Minst 85 % år 2019", NULL, "");
	/* a unit "år" is still a unit */
	expect_target("Högst 5 år", GM_AT_MOST, false, 5, 0, GM_UNIT_AFTER,
				  "\xc3\xa5r");
	expect_prose("Högst 5 år år 2019", "Högst 5 år år 2019", NULL, "");
	/* errors */
	expect_error(
		"Öka från 81 % 2019 till 85 % 2016", GM_ERR_BAD_YEAR, 16,
		"expected the baseline's year 2019 before the target's year 2016 at character 15");
	expect_error(
		"Öka från 81 % 2016 till 85 %", GM_ERR_BAD_YEAR, 16,
		"expected the year of the target value too, since the baseline has one at character 15");
	expect_error("Öka från 81 % 2016 till 85 % 2016", GM_ERR_BAD_YEAR, 16,
				 NULL);
	expect_error("Minst 85 % år 1800", GM_ERR_BAD_YEAR, 11, NULL);
	expect_error("Minst 85 år 2019 2020", GM_ERR_STRAY_TEXT, 18, NULL);
	/* without a unit a year needs its word: "81 2016" is a bad number */
	expect_error("Minst 85 2019", GM_ERR_BAD_NUMBER, 9, NULL);

	/* the glide path: 81 % 2016 to 85 % 2019 */
	ok(parse_str("Öka från 81 % 2016 till 85 % 2019", &t, &e), "path parses");
	ok(t.start_year == 2016 && t.end_year == 2019 && t.has_baseline,
	   "path years");
	ok(!gm_target_for_year(&t, 2015, &y), "no target before the start");
	ok(gm_target_for_year(&t, 2016, &y) && value_is(&y, 81, 0) &&
		   y.cmp == GM_AT_LEAST && !y.has_baseline && y.end_year == 0 &&
		   strcmp(y.unit, "%") == 0,
	   "2016: the baseline");
	ok(gm_target_for_year(&t, 2017, &y) && value_is(&y, 8233, 2),
	   "2017: 82,33 (%lld/%d)", (long long)y.value.coef, y.value.scale);
	gm_target_format(&y, GM_STYLE_SWEDISH, buf, sizeof(buf));
	ok(strcmp(buf, "Minst 82,33 %") == 0, "2017 written %s", buf);
	ok(gm_target_for_year(&t, 2018, &y) && value_is(&y, 8367, 2),
	   "2018: 83,67 (half away from zero)");
	ok(gm_target_for_year(&t, 2019, &y) && value_is(&y, 85, 0),
	   "2019: the value");
	ok(gm_target_for_year(&t, 2030, &y) && value_is(&y, 85, 0),
	   "after the end: the value");
	/* the one rule: the year's target is the hand-written one */
	ok(parse_str("Minst 82,33 %", &h, &e) &&
		   gm_target_for_year(&t, 2017, &y) && gm_target_cmp(&h, &y) == 0 &&
		   same_target(&h, &y),
	   "2017's target is Minst 82,33 %%");
	gm_target_resolve_years(&t, &y);
	ok(parse_str("Minst 85 %", &h, &e) && same_target(&h, &y),
	   "without a year: the end year's target");
	/* whole steps keep the written decimals; a decrease rounds too */
	ok(parse_str("Öka från 81 % år 2016 till 84 % år 2019", &t, &e) &&
		   gm_target_for_year(&t, 2017, &y) && value_is(&y, 82, 0),
	   "81 to 84: 82 in 2017, not 82,00");
	ok(parse_str("Minska från 10 år 2016 till 9 år 2019", &t, &e) &&
		   gm_target_for_year(&t, 2018, &y) && value_is(&y, -0 + 933, 2) &&
		   y.cmp == GM_AT_MOST,
	   "10 to 9: Högst 9,33 in 2018");
	ok(parse_str("Minska från -1 år 2016 till -2 år 2019", &t, &e) &&
		   gm_target_for_year(&t, 2018, &y) && value_is(&y, -167, 2),
	   "-1 to -2: -1,67 in 2018 (half away from zero)");
	/* an end year alone: from that year on */
	ok(parse_str("85 % år 2019", &t, &e) && !gm_target_for_year(&t, 2018, &y),
	   "before an end year without a path: none");
	ok(gm_target_for_year(&t, 2019, &y) && y.bare && value_is(&y, 85, 0),
	   "85 %% from 2019: bare 85 %%");
	/* a target without years applies every year */
	ok(parse_str("Minst 65 %", &t, &e) && gm_target_for_year(&t, 1900, &y) &&
		   same_target(&t, &y),
	   "no years: itself");
	/* a direction target applies every year as it is */
	ok(parse_str("Öka", &t, &e) && gm_target_for_year(&t, 2019, &y) &&
		   same_target(&t, &y),
	   "Öka applies in 2019 as it is");
}

static void
test_directions(void)
{
	static const struct
	{
		const char  *in;
		GmComparator dir;
		bool         lower;
		GmComparator plain;
	} cases[] = {
		{ "Öka", GM_INCREASE, false, GM_ABOVE },
		{ "Öka", GM_INCREASE, true, GM_ABOVE },
		{ "Minska", GM_DECREASE, false, GM_BELOW },
		{ "Bibehålla", GM_MAINTAIN, false, GM_AT_LEAST },
		{ "Bibehålla", GM_MAINTAIN, true, GM_AT_MOST },
		{ "ska förbättras", GM_IMPROVE, false, GM_ABOVE },
		{ "ska förbättras", GM_IMPROVE, true, GM_BELOW },
	};
	GmDecimal prev = { 725, 1 };
	size_t    k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		GmTarget t;
		GmTarget p;
		GmError  e;
		uint8_t  enc[GM_MAX_ENCODED];
		size_t   n;

		if (!parse_str(cases[k].in, &t, &e))
		{
			ok(0, "\"%s\" does not parse: %s", cases[k].in, e.message);
			continue;
		}
		ok(t.cmp == cases[k].dir, "\"%s\": direction %d", cases[k].in, t.cmp);
		n = gm_target_encode(&t, enc);
		ok(n == 2 && enc[0] == 0x80, "\"%s\": packed in two bytes",
		   cases[k].in);
		gm_target_against_previous(&t, prev, cases[k].lower, &p);
		ok(p.cmp == cases[k].plain && p.value.coef == 725 &&
			   p.value.scale == 1 && p.unit_pos == GM_UNIT_NONE &&
			   gm_target_validate(&p, &e),
		   "\"%s\" after 72,5 (lower is better %d): comparator %d",
		   cases[k].in, cases[k].lower, p.cmp);
	}
	/* any other target is itself */
	{
		GmTarget t;
		GmTarget p;
		GmError  e;

		ok(parse_str("Minst 65 %", &t, &e), "Minst 65 %%");
		gm_target_against_previous(&t, prev, true, &p);
		ok(same_target(&t, &p), "a plain target does not look back");
	}
	corrupt_encoding("Öka");
	corrupt_encoding("Bibehålla");
	corrupt_encoding("ska förbättras");
	corrupt_encoding("Öka från 81 % 2016 till 85 % 2019");
	corrupt_encoding("Minst 2 % av skatteintäkter och generella statsbidrag");
	corrupt_encoding("Mellan 5 och 7 kr av budgeten år 2020");
}

int
main(void)
{
	test_seeds();
	test_comparators();
	test_numbers();
	test_units();
	test_ranges();
	test_changes();
	test_text_errors();
	test_prefixes();
	test_format();
	test_validate();
	test_set_unit();
	test_codec();
	test_order();
	test_names();
	test_second_comparator();
	test_fast_path();
	test_issue12();
	test_outcome_format();
	test_prose();
	test_years();
	test_directions();
	printf("%d passed, %d failed\n", passed, failed);
	return failed > 0 ? 1 : 0;
}
