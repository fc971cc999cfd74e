/*-------------------------------------------------------------------------
 *
 * fuzz_target.c
 *	  libFuzzer harness for the pure-C target module.
 *
 * Each input is used twice:
 *	- as text: the fast path, where it answers, gives exactly what the
 *	  general parser gives, and gm_target_parse gives the general parser's
 *	  result or error; if it parses, the target must be valid, every style
 *	  must format within GM_MAX_FORMATTED and parse back to the identical target
 *	  (same packed bytes, so the same scale, bare, has_baseline and
 *	  unit_pos), formatting must be stable, the hash must agree, and the
 *	  packed form must decode back to it; its target of every year and its
 *	  plain target after a previous outcome must be valid (a glide path's
 *	  between its baseline and value); if it does not parse, the error
 *	  must be well formed;
 *	- as an outcome: whatever gm_outcome_parse reads as a number, "Minst "
 *	  followed by the same text parses to a target of exactly that value
 *	  (the same coefficient and scale: one number grammar), and what it
 *	  refuses while starting with a digit, the target refuses with the same
 *	  error at the same place (but for a year, which only targets have and
 *	  outcomes refuse as GM_ERR_BAD_YEAR); gm_text_clean never grows the text, leaves
 *	  no white space at either end and no two spaces in a row;
 *	- as a packed form: gm_target_decode must never crash; if it accepts the
 *	  bytes, the target must be valid, re-encode to exactly those bytes and
 *	  survive the text round trip too (this reaches units and numbers the
 *	  parser would not be given directly).
 * Any broken property calls abort(), which libFuzzer reports as a crash.
 *
 *	  make fuzz FUZZ_SECONDS=300
 *
 *-------------------------------------------------------------------------
 */
#include "target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond)                                                   \
	do                                                                  \
	{                                                                   \
		if (!(cond))                                                    \
		{                                                               \
			fprintf(stderr, "fuzz_target.c:%d: %s\n", __LINE__, #cond); \
			abort();                                                    \
		}                                                               \
	} while (0)

/* Identical targets: equal packed forms */
static bool
same_target(const GmTarget *a, const GmTarget *b)
{
	uint8_t ea[GM_MAX_ENCODED];
	uint8_t eb[GM_MAX_ENCODED];
	size_t  na = gm_target_encode(a, ea);
	size_t  nb = gm_target_encode(b, eb);

	return na == nb && memcmp(ea, eb, na) == 0;
}

/* Every field, the unit's spare bytes included */
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

/* Is the error filled in sensibly? */
static void
check_error(const GmError *e, size_t limit)
{
	const char *nul = memchr(e->message, '\0', sizeof(e->message));

	REQUIRE(e->code != GM_OK);
	REQUIRE(e->pos <= limit);
	REQUIRE(nul != NULL && nul != e->message);
}

static bool
ascii_only(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if ((unsigned char)s[k] >= 0x80)
			return false;
	return true;
}

/* Everything that must hold for a valid target */
static void
check_target(const GmTarget *t)
{
	GmError  e;
	uint8_t  enc[GM_MAX_ENCODED];
	uint8_t  enc2[GM_MAX_ENCODED];
	size_t   n;
	GmTarget d;
	int      style;

	REQUIRE(gm_target_validate(t, &e));

	for (style = GM_STYLE_SWEDISH; style <= GM_STYLE_SYMBOLIC; style++)
	{
		char     buf[GM_MAX_FORMATTED];
		char     buf2[GM_MAX_FORMATTED];
		char    *exact;
		GmTarget u;
		bool     parsed;

		n = gm_target_format(t, (GmStyle)style, buf, sizeof(buf));
		REQUIRE(n < GM_MAX_FORMATTED);
		REQUIRE(strlen(buf) == n);
		if (style == GM_STYLE_SYMBOLIC && ascii_only(t->unit, t->unit_len) &&
			ascii_only(t->qualifier, t->qual_len))
			REQUIRE(ascii_only(buf, n));

		/* parse from a buffer of exactly n bytes, no NUL after it */
		exact = malloc(n > 0 ? n : 1);
		REQUIRE(exact != NULL);
		memcpy(exact, buf, n);
		parsed = gm_target_parse(exact, n, &u, &e);
		free(exact);
		if (!parsed)
		{
			fprintf(stderr, "style %d output \"%s\" does not parse: %s\n",
					style, buf, e.message);
			abort();
		}
		REQUIRE(gm_target_cmp(t, &u) == 0);
		REQUIRE(gm_target_cmp(&u, t) == 0);
		REQUIRE(same_target(t, &u));
		REQUIRE(t->bare == u.bare);
		REQUIRE(t->has_baseline == u.has_baseline);
		REQUIRE(t->unit_pos == u.unit_pos);
		REQUIRE(gm_target_hash(t, 0) == gm_target_hash(&u, 0));
		REQUIRE(gm_target_hash(t, 99) == gm_target_hash(&u, 99));
		gm_target_format(&u, (GmStyle)style, buf2, sizeof(buf2));
		REQUIRE(strcmp(buf, buf2) == 0);
	}

	/*
	 * targets over time: a year's target and a direction's plain target are
	 * valid plain targets, and a year's target lies between the baseline
	 * and the value of a glide path
	 */
	{
		GmTarget  y;
		GmDecimal prev = { -12345, 2 };
		int       year;

		for (year = GM_YEAR_MIN - 1; year <= GM_YEAR_MAX + 1; year += 37)
			if (gm_target_for_year(t, year, &y))
			{
				REQUIRE(gm_target_validate(&y, &e));
				/* without years a target applies as it is, every year */
				if (t->end_year == 0)
					REQUIRE(same_target(t, &y));
				else
					REQUIRE(!y.has_baseline && y.end_year == 0 &&
							y.start_year == 0);
				if (t->start_year != 0)
				{
					GmDecimal lo = t->baseline;
					GmDecimal hi = t->value;

					if (gm_decimal_cmp(lo, hi) > 0)
					{
						lo = t->value;
						hi = t->baseline;
					}
					REQUIRE(gm_decimal_cmp(y.value, lo) >= 0 &&
							gm_decimal_cmp(y.value, hi) <= 0);
				}
			}
			else
				REQUIRE(year < t->end_year);
		gm_target_resolve_years(t, &y);
		REQUIRE(gm_target_validate(&y, &e));
		gm_target_against_previous(t, prev, true, &y);
		REQUIRE(gm_target_validate(&y, &e));
		REQUIRE(!GM_IS_DIRECTION(y.cmp));
	}

	n = gm_target_encode(t, enc);
	REQUIRE(n >= 2 && n <= GM_MAX_ENCODED);
	REQUIRE(gm_target_decode(enc, n, &d, &e));
	REQUIRE(gm_target_cmp(t, &d) == 0);
	REQUIRE(gm_target_encode(&d, enc2) == n);
	REQUIRE(memcmp(enc, enc2, n) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GmTarget t;
	GmError  e;

	/* as text */
	if (gm_target_parse((const char *)data, size, &t, &e))
	{
		REQUIRE(e.code == GM_OK);
		check_target(&t);
	}
	else
		check_error(&e, size);

	/*
	 * the fast path agrees with the general parser wherever it answers, and
	 * gm_target_parse gives what the general parser gives
	 */
	{
		GmTarget f;
		GmTarget g;
		GmError  ge;
		bool     fr = gm_target_parse_fast((const char *)data, size, &f);
		bool gr = gm_target_parse_general((const char *)data, size, &g, &ge);

		REQUIRE(!fr || gr);
		REQUIRE(!fr || identical_fields(&f, &g));
		REQUIRE(gr == (e.code == GM_OK));
		if (gr)
			REQUIRE(identical_fields(&t, &g));
		else
			REQUIRE(ge.code == e.code && ge.pos == e.pos &&
					strcmp(ge.message, e.message) == 0);
	}

	/* as an outcome, and as "Minst " + the same text */
	if (size <= 4096)
	{
		GmDecimal d;
		GmError   oe;
		bool      none = false;
		bool read = gm_outcome_parse((const char *)data, size, &d, &none, &oe);
		char    *minst = malloc(size + 6);
		GmTarget mt;
		GmError  me;
		bool     mr;

		REQUIRE(minst != NULL);
		memcpy(minst, "Minst ", 6);
		memcpy(minst + 6, data, size);
		mr = gm_target_parse(minst, size + 6, &mt, &me);
		if (read && !none)
		{
			REQUIRE(mr);
			REQUIRE(mt.cmp == GM_AT_LEAST && !mt.has_baseline);
			REQUIRE(mt.value.coef == d.coef && mt.value.scale == d.scale);
		}
		else if (!read)
		{
			check_error(&oe, size);
			/*
			 * a year ("5 % år 2019") is a target's, not an outcome's: the
			 * outcome refuses it as such, the target reads on
			 */
			if (size > 0 && data[0] >= '0' && data[0] <= '9' &&
				oe.code != GM_ERR_BAD_YEAR)
				REQUIRE(!mr && me.code == oe.code && me.pos == oe.pos + 6);
		}
		free(minst);
	}
	{
		char  *clean = malloc(size > 0 ? size : 1);
		size_t n;
		size_t k;

		REQUIRE(clean != NULL);
		n = gm_text_clean((const char *)data, size, clean);
		REQUIRE(n <= size);
		REQUIRE(n == 0 || (clean[0] != ' ' && clean[n - 1] != ' '));
		for (k = 1; k < n; k++)
			REQUIRE(!(clean[k] == ' ' && clean[k - 1] == ' '));
		free(clean);
	}

	/* as a packed form; decode_rule accepts at least what decode accepts */
	{
		GmTarget r;
		GmError  re;

		if (gm_target_decode_rule(data, size, &r, &re))
			REQUIRE(r.unit_len == 0 && r.unit[0] == '\0');
		else
		{
			check_error(&re, size);
			REQUIRE(re.code == GM_ERR_BINARY);
			REQUIRE(!gm_target_decode(data, size, &t, &e));
		}
	}
	if (gm_target_decode(data, size, &t, &e))
	{
		uint8_t enc[GM_MAX_ENCODED];

		REQUIRE(size <= GM_MAX_ENCODED);
		REQUIRE(gm_target_encode(&t, enc) == size);
		REQUIRE(memcmp(enc, data, size) == 0);
		check_target(&t);
	}
	else
	{
		check_error(&e, size);
		REQUIRE(e.code == GM_ERR_BINARY);
	}
	return 0;
}
