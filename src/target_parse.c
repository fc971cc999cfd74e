/*-------------------------------------------------------------------------
 *
 * target_parse.c
 *	  Text to GmTarget: a hand-written scanner for metric targets such as
 *	  "Minst 65 %", "Högst 2 100 barn", "Minst index 79", "95–105 %" or
 *	  "Öka från 70 % till 75 %".
 *
 * The grammar (case-insensitive for ASCII and for å ä ö, any whitespace
 * between tokens; doc/metric_target.md has the user-facing version):
 *
 *	 text     := [subject MODAL] FILLER* target      (target_prose.c)
 *	 target   := simple | range | change | bare | direction
 *	 simple   := COMPARATOR FILLER* operand(before-unit allowed) tail
 *			   | DIRECTION ("till" | "to") operand tail
 *	 range    := ("mellan" | "between") operand ("och" | "and") operand tail
 *			   | number [unit] DASH number [unit] tail
 *	 change   := [DIRECTION] ("från" | "from") operand [year]
 *				 ("till" | "to") operand tail
 *	 bare     := number [unit] tail
 *	 direction:= DIRECTION                  ("Öka", "Bibehålla", ...)
 *	 operand  := [unit] number [unit]
 *	 tail     := [qualifier] [year]         (after the last number only)
 *	 qualifier:= ("av" | "of") words | words after a percent unit
 *
 * A unit is one or more words; it is stored with its words joined by one
 * ASCII space, and "%", "procent" and "percent" (any case) all become "%",
 * which always counts as written after the number.  A unit written before
 * the number is only possible after a keyword, and only before the first
 * number of a range or change: a bare target must start with a number, so
 * a leading word that is no keyword is an unknown comparator.
 *
 * Decisions the grammar leaves open, made here:
 *	- A unit both before and after the number ("Minst index 79 %"), and
 *	  "Mellan index 5 och 10 st", are GM_ERR_UNIT_MISMATCH; so are two
 *	  different units in a range or change target.  Units compare after
 *	  normalisation, byte for byte (so "kr" and "Kr" differ).
 *	- A unit cannot stand before the second number of a range or change
 *	  ("Mellan 5 och index 10" is GM_ERR_MISSING_NUMBER).
 *	- A comparator keyword is no unit word before a number: "Minst Högst 5"
 *	  and "Minst index max 5" are GM_ERR_UNKNOWN_COMPARATOR (two
 *	  comparators).  After the number it is a unit word ("Högst 5 min").
 *	- Any digit that follows a number after a single thousands separator is
 *	  a malformed number (GM_ERR_BAD_NUMBER): "1 23", "1000 000",
 *	  "0,123 456"; so is a decimal separator directly after a number ("5.",
 *	  "1,2,3").  Two spaces or a newline between digit runs leave the second
 *	  run as stray text.
 *	- A hyphen inside a unit word ends the word when a digit follows it, so
 *	  "5 kr-10 kr" is a range and a unit such as "covid-19" is not
 *	  possible.  Units may not contain "–", "—", "−", "≥", "≤", "→", "∞".
 *	- Keywords of both languages mix freely ("Öka from 1 to 2").
 *	- C1 control characters (U+0080..U+009F) count as control characters,
 *	  like 0x00..0x1F and 0x7F.
 *	- A word that spells NaN or infinity where a number or a unit before
 *	  the number may stand is GM_ERR_NAN_INF; after the number it is just a
 *	  unit word ("5 inf").
 *	- A dash after the first number of a bare target always makes a range:
 *	  "5 -3" is the range 5..3 (GM_ERR_RANGE_ORDER), not 5 and stray "-3".
 *	- Keywords also match å ä ö written decomposed (a letter and a
 *	  combining mark); units are kept byte for byte here.  The backend
 *	  puts text in Unicode NFC before it parses it (metric_target.c), so
 *	  decomposed and precomposed units are the same there.
 *	- Every Unicode space is whitespace; only space, U+00A0, U+2007,
 *	  U+2009 and U+202F also separate digit groups (is_group_sep_cp).
 *	  Invisible format characters (Cf) are refused like control characters.
 *	- A unit says percent once, and "%" only as a word of its own.
 *
 * Which error where: a keyword that is not followed by what it needs
 * ("Öka 5", "ska minst 5") is GM_ERR_UNKNOWN_COMPARATOR; the end of the
 * text where a number, "och" or "till" is still due is
 * GM_ERR_MISSING_NUMBER, as is other text where the number belongs
 * ("Minst ;", "Mellan 5 och index 10"); other text where "och" / "till" or
 * the end belongs is GM_ERR_STRAY_TEXT.  A sign without digits and a
 * decimal separator without a digit on each side are GM_ERR_BAD_NUMBER.
 *
 * Error positions are byte offsets into the input; messages give the
 * 1-based character (code point) position, since that is what a user
 * counts.  The input need not be NUL-terminated and may contain NUL bytes;
 * nothing here reads past len.
 *
 *-------------------------------------------------------------------------
 */
#include "target_lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* One number with the units written around it */
typedef struct GmOperand
{
	GmDecimal num;
	size_t    num_pos;
	GmUnitBuf before;
	GmUnitBuf after;
	GmUnitBuf qual; /* the qualifier; only after the last number */
} GmOperand;

/* How scan_unit_after ends the unit: stop words, qualifier, years */
typedef struct GmUnitStop
{
	const char *stop1; /* "och" in a range, "till" in a change */
	const char *stop2;
	bool        qualifier;  /* a qualifier may follow (the last number) */
	int         year_flags; /* the year forms that end the unit */
} GmUnitStop;

static const GmUnitStop stop_last = { NULL, NULL, true, GM_YEAR_TILL };

/* ---------------------------------------------------------------------
 * Numbers
 * ---------------------------------------------------------------------
 */

/* NaN or infinity where a number belongs */
static bool
fail_nan_inf(GmParser *ps, size_t pos)
{
	return gm_lex_fail(
		ps, GM_ERR_NAN_INF, pos,
		"expected a finite number at character %zu, found \"%.*s\"",
		gm_lex_char_number(ps, pos), (int)gm_lex_nan_inf_len_at(ps, pos),
		(const char *)ps->s + pos);
}

/* Digits of a number being read */
typedef struct GmDigits
{
	int64_t coef; /* the first GM_MAX_DIGITS significant digits */
	int     sig;  /* significant digits seen */
} GmDigits;

/*
 * Add one digit.  Leading zeros are not significant; the coefficient stops
 * growing past GM_MAX_DIGITS digits (the number is refused then anyway), so
 * it cannot overflow.
 */
static void
add_digit(GmDigits *acc, int d)
{
	if (acc->sig > 0 || d != 0)
	{
		acc->sig++;
		if (acc->sig <= GM_MAX_DIGITS)
			acc->coef = acc->coef * 10 + d;
	}
}

/*
 * Parse a number at *pi: [sign] digits [thousands groups] [(,|.) digits].
 * Exact: the digits are collected into the coefficient, never through
 * floating point.  Leading zeros are not significant; trailing zeros are,
 * and are kept in the scale ("42,0" is 420 with scale 1).
 */
static bool
parse_number(GmParser *ps, size_t *pi, GmDecimal *out)
{
	size_t   start = *pi;
	size_t   i = start;
	size_t   sign_len = sign_len_at(ps, i);
	bool     negative = false;
	GmDigits acc = { 0, 0 };
	int      scale = 0;
	size_t   run;
	size_t   n;

	if (start >= ps->len)
		return gm_lex_fail_expected(ps, GM_ERR_MISSING_NUMBER, start,
									"a number");
	if (sign_len > 0)
	{
		negative = ps->s[i] != '+';
		i += sign_len;
	}
	if (!digit_at(ps, i))
	{
		if (gm_lex_nan_inf_len_at(ps, start) > 0)
			return fail_nan_inf(ps, start);
		if (decimal_sep_at(ps, i) && digit_at(ps, i + 1))
			return gm_lex_fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"expected a digit before the decimal separator at character %zu",
				gm_lex_char_number(ps, i));
		if (sign_len > 0)
			return gm_lex_fail_expected(ps, GM_ERR_BAD_NUMBER, i,
										"a digit after the sign");
		return gm_lex_fail_expected(ps, GM_ERR_MISSING_NUMBER, start,
									"a number");
	}

	/* integer part, then thousands groups after a first group of 1-3 */
	run = 0;
	while (digit_at(ps, i))
	{
		add_digit(&acc, ps->s[i] - '0');
		i++;
		run++;
	}
	while ((n = group_sep_len_at(ps, i)) > 0 && digit_at(ps, i + n))
	{
		size_t group = i + n;

		if (run > 3)
			return gm_lex_fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"expected a thousands separator only after a group of 1 to 3 digits at character %zu",
				gm_lex_char_number(ps, i));
		run = 0;
		i = group;
		while (digit_at(ps, i))
		{
			add_digit(&acc, ps->s[i] - '0');
			i++;
			run++;
		}
		if (run != 3)
			return gm_lex_fail(
				ps, GM_ERR_BAD_NUMBER, group,
				"expected three digits after the thousands separator at character %zu",
				gm_lex_char_number(ps, group));
	}

	/* decimals */
	if (decimal_sep_at(ps, i))
	{
		if (!digit_at(ps, i + 1))
			return gm_lex_fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"expected a digit after the decimal separator at character %zu",
				gm_lex_char_number(ps, i));
		i++;
		while (digit_at(ps, i))
		{
			add_digit(&acc, ps->s[i] - '0');
			scale++;
			i++;
		}
		if (decimal_sep_at(ps, i))
			return gm_lex_fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"unexpected second decimal separator at character %zu",
				gm_lex_char_number(ps, i));
		if ((n = group_sep_len_at(ps, i)) > 0 && digit_at(ps, i + n))
			return gm_lex_fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"unexpected thousands separator in the decimals at character %zu",
				gm_lex_char_number(ps, i));
	}

	/* "1e5", "6,5E-3": refuse rather than read "e5" as a unit */
	if (i < ps->len && (ps->s[i] == 'e' || ps->s[i] == 'E'))
	{
		size_t j = i + 1;

		j += sign_len_at(ps, j);
		if (digit_at(ps, j))
			return gm_lex_fail(
				ps, GM_ERR_SCIENTIFIC, i,
				"expected a plain decimal number at character %zu, found scientific notation",
				gm_lex_char_number(ps, i));
	}

	if (scale > GM_MAX_SCALE)
		return gm_lex_fail(
			ps, GM_ERR_SCALE, start,
			"expected at most %d decimals at character %zu, found %d",
			GM_MAX_SCALE, gm_lex_char_number(ps, start), scale);
	if (acc.sig > GM_MAX_DIGITS)
		return gm_lex_fail(
			ps, GM_ERR_TOO_MANY_DIGITS, start,
			"expected at most %d significant digits at character %zu, found %d",
			GM_MAX_DIGITS, gm_lex_char_number(ps, start), acc.sig);

	out->coef = negative ? -acc.coef : acc.coef; /* -0 is 0 */
	out->scale = (uint8_t)scale;
	*pi = i;
	return true;
}

/* ---------------------------------------------------------------------
 * Units
 * ---------------------------------------------------------------------
 */

static bool
unit_append(GmParser *ps, GmUnitBuf *u, size_t i, size_t n)
{
	return gm_lex_buf_append(ps, u, i, n, GM_MAX_UNIT_LEN, "unit");
}

/* "procent", "procents", "Percent", "%" all become "%" */
static void
unit_normalise_percent(GmUnitBuf *u)
{
	if (u->present && gm_lex_is_percent_word(u->text, u->len))
	{
		strcpy(u->text, "%");
		u->len = 1;
	}
}

/* gm_lex_unit_percent_ok() for a collected unit, as an error */
static bool
check_unit_percent(GmParser *ps, const GmUnitBuf *u)
{
	char q[QUOTE_MAX + 4];

	if (!u->present || gm_lex_unit_percent_ok(u->text, u->len))
		return true;
	return gm_lex_fail(
		ps, GM_ERR_BAD_UNIT, u->pos,
		"expected \"%%\" once and as a word of its own in the unit at character %zu, found \"%s\"",
		gm_lex_char_number(ps, u->pos),
		gm_lex_quote_bytes((const unsigned char *)u->text, u->len, q));
}

/*
 * Length of the comparator keyword ("Högst", "at most", ...) at i, or 0.
 * A unit word before the number may not be one: "Minst Högst 5" has two
 * comparators, not the unit "Högst".
 */
static size_t
comparator_len_at(const GmParser *ps, size_t i)
{
	size_t           m;
	const GmKeyword *kw = gm_lex_match_any_keyword(ps, i, &m);

	return (kw != NULL && kw->kind == KW_COMPARATOR) ? m - i : 0;
}

/* A comparator keyword where a unit before the number or the number belongs */
static bool
fail_second_comparator(GmParser *ps, size_t pos, size_t n)
{
	char q[QUOTE_MAX + 4];

	return gm_lex_fail(
		ps, GM_ERR_UNKNOWN_COMPARATOR, pos,
		"expected a unit or a number at character %zu, found the comparator \"%s\" (a target has one comparator)",
		gm_lex_char_number(ps, pos), gm_lex_quote_bytes(ps->s + pos, n, q));
}

/*
 * Collect the unit words written before a number.  A word that spells NaN
 * or infinity is refused here: the user meant it as the number.  So is a
 * comparator keyword: the user wrote two comparators.
 */
static bool
scan_unit_before(GmParser *ps, size_t *pi, GmUnitBuf *u)
{
	size_t i = *pi;

	for (;;)
	{
		size_t j = skip_space(ps, i);
		size_t w;
		size_t c;

		if (gm_lex_nan_inf_len_at(ps, j) > 0)
			return fail_nan_inf(ps, j);
		w = gm_lex_unit_word_len(ps, j);
		if (w == 0)
			break;
		if ((c = comparator_len_at(ps, j)) > 0)
			return fail_second_comparator(ps, j, c);
		if (!unit_append(ps, u, j, w))
			return false;
		i = j + w;
		if (i < ps->len && !space_at(ps, i))
			break;
	}
	*pi = i;
	return true;
}

/*
 * Collect the unit words written after a number, up to a word that is one
 * of the stop keywords ("och" in a range, "till" in a change) or a year
 * ("år 2019").  The first word may be glued to the number ("65%").  A
 * qualifier starts at "av" / "of", or at any word after a unit whose last
 * word says percent ("100 procents konsolidering"); it runs to a year or
 * the end, and is only allowed where st->qualifier (after the last
 * number): elsewhere the unit just ends there.
 */
static bool
scan_unit_after(GmParser *ps, size_t *pi, const GmUnitStop *st, GmUnitBuf *u,
				GmUnitBuf *q)
{
	size_t i = *pi;
	int    year;

	for (;;)
	{
		size_t j = skip_space(ps, i);
		size_t w;

		if (gm_lex_year_at(ps, j, st->year_flags, &year) > 0)
			break;
		w = gm_lex_unit_word_len(ps, j);
		if (w == 0 || gm_lex_word_is(ps, j, w, st->stop1) ||
			gm_lex_word_is(ps, j, w, st->stop2))
			break;
		if ((gm_lex_unit_ends_in_percent(u) ||
			 gm_lex_qualifier_word(ps, j, w)) &&
			memchr(ps->s + j, '%', w) == NULL &&
			!gm_lex_is_percent_word((const char *)ps->s + j, w))
		{
			/* the qualifier, to a year or the end */
			if (!st->qualifier)
				break;
			for (;;)
			{
				if (!gm_lex_buf_append(ps, q, j, w, GM_MAX_QUALIFIER_LEN,
									   "qualifier"))
					return false;
				i = j + w;
				if (i < ps->len && !space_at(ps, i))
					break;
				j = skip_space(ps, i);
				if (gm_lex_year_at(ps, j, st->year_flags, &year) > 0 ||
					(w = gm_lex_unit_word_len(ps, j)) == 0)
					break;
			}
			break;
		}
		if (!unit_append(ps, u, j, w))
			return false;
		i = j + w;
		if (i < ps->len && !space_at(ps, i))
			break;
	}
	*pi = i;
	return true;
}

/*
 * Parse [unit] number [unit] at *pi.  The unit before is only looked for
 * when allow_before; a unit on both sides is a mismatch.
 */
static bool
parse_operand(GmParser *ps, size_t *pi, bool allow_before,
			  const GmUnitStop *st, GmOperand *op)
{
	size_t i = *pi;

	memset(op, 0, sizeof(*op));
	if (allow_before && !scan_unit_before(ps, &i, &op->before))
		return false;
	i = skip_space(ps, i);
	op->num_pos = i;
	if (!parse_number(ps, &i, &op->num))
		return false;
	if (!scan_unit_after(ps, &i, st, &op->after, &op->qual))
		return false;
	if (op->before.present && op->after.present)
	{
		char q1[QUOTE_MAX + 4];
		char q2[QUOTE_MAX + 4];

		return gm_lex_fail(
			ps, GM_ERR_UNIT_MISMATCH, op->after.pos,
			"expected no unit after the number at character %zu, found \"%s\" (the unit \"%s\" is written before it)",
			gm_lex_char_number(ps, op->after.pos),
			gm_lex_quote_bytes((const unsigned char *)op->after.text,
							   op->after.len, q1),
			gm_lex_quote_bytes((const unsigned char *)op->before.text,
							   op->before.len, q2));
	}
	if (!check_unit_percent(ps, &op->before) ||
		!check_unit_percent(ps, &op->after) ||
		!gm_lex_check_qualifier(ps, &op->qual))
		return false;
	unit_normalise_percent(&op->before);
	unit_normalise_percent(&op->after);
	*pi = i;
	return true;
}

/* Store a collected unit in the target; "%" always counts as after */
static void
store_unit(GmTarget *t, const GmUnitBuf *u, GmUnitPos pos)
{
	if (!u->present)
		return;
	t->unit_pos = strcmp(u->text, "%") == 0 ? GM_UNIT_AFTER : pos;
	t->unit_len = (uint8_t)u->len;
	memcpy(t->unit, u->text, u->len + 1);
}

/*
 * The unit of a two-number target: before the first number, or after
 * either or both numbers (then the same).
 */
static bool
combine_units(GmParser *ps, const GmOperand *a, const GmOperand *b,
			  GmTarget *t)
{
	char q1[QUOTE_MAX + 4];
	char q2[QUOTE_MAX + 4];

	if (a->before.present && b->after.present)
		return gm_lex_fail(
			ps, GM_ERR_UNIT_MISMATCH, b->after.pos,
			"expected no unit after the number at character %zu, found \"%s\" (the unit \"%s\" is written before the first number)",
			gm_lex_char_number(ps, b->after.pos),
			gm_lex_quote_bytes((const unsigned char *)b->after.text,
							   b->after.len, q1),
			gm_lex_quote_bytes((const unsigned char *)a->before.text,
							   a->before.len, q2));
	if (a->after.present && b->after.present &&
		(a->after.len != b->after.len ||
		 memcmp(a->after.text, b->after.text, a->after.len) != 0))
		return gm_lex_fail(
			ps, GM_ERR_UNIT_MISMATCH, b->after.pos,
			"expected the unit \"%s\" at character %zu, found \"%s\"",
			gm_lex_quote_bytes((const unsigned char *)a->after.text,
							   a->after.len, q1),
			gm_lex_char_number(ps, b->after.pos),
			gm_lex_quote_bytes((const unsigned char *)b->after.text,
							   b->after.len, q2));
	store_unit(t, &a->before, GM_UNIT_BEFORE);
	store_unit(t, a->after.present ? &a->after : &b->after, GM_UNIT_AFTER);
	return true;
}

/* Nothing but whitespace may follow a complete target */
static bool
expect_end(GmParser *ps, size_t i)
{
	char q[QUOTE_MAX + 4];

	i = skip_space(ps, i);
	if (i < ps->len)
		return gm_lex_fail(ps, GM_ERR_STRAY_TEXT, i,
						   "unexpected text \"%s\" at character %zu",
						   gm_lex_quote_at(ps, i, q),
						   gm_lex_char_number(ps, i));
	return true;
}

/*
 * Expect the joining keyword of a two-number target at *pi ("och"/"and" or
 * "till"/"to").  A missing number is reported as such at the end of text.
 */
static bool
expect_joiner(GmParser *ps, size_t *pi, const char *sv, const char *en)
{
	size_t j = skip_space(ps, *pi);
	size_t m = gm_lex_match_keyword(ps, j, sv);
	char   what[64];

	if (m == 0)
		m = gm_lex_match_keyword(ps, j, en);
	if (m == 0)
	{
		snprintf(what, sizeof(what), "\"%s\" or \"%s\"", sv, en);
		return gm_lex_fail_expected(ps,
									j >= ps->len ? GM_ERR_MISSING_NUMBER
												 : GM_ERR_STRAY_TEXT,
									j, what);
	}
	*pi = skip_space(ps, m);
	return true;
}

/* ---------------------------------------------------------------------
 * The target forms
 * ---------------------------------------------------------------------
 */

/*
 * An optional year at *pi (gm_lex_year_at with flags), checked against
 * GM_YEAR_MIN..GM_YEAR_MAX; *year is 0 when there is none.
 */
static bool
parse_year(GmParser *ps, size_t *pi, int flags, int *year)
{
	size_t j = skip_space(ps, *pi);
	size_t m = gm_lex_year_at(ps, j, flags, year);

	if (m == 0)
	{
		*year = 0;
		return true;
	}
	if (*year < GM_YEAR_MIN || *year > GM_YEAR_MAX)
		return gm_lex_fail(
			ps, GM_ERR_BAD_YEAR, j,
			"expected a year from %d to %d at character %zu, found %d",
			GM_YEAR_MIN, GM_YEAR_MAX, gm_lex_char_number(ps, j), *year);
	*pi = m;
	return true;
}

/*
 * The unit (unit_len bytes, normalised) and the qualifier q take at most
 * GM_MAX_TEXT_LEN bytes together: targets and outcomes alike.
 */
static bool
check_text_len(GmParser *ps, size_t unit_len, const GmUnitBuf *q)
{
	if (q->present && unit_len + q->len > GM_MAX_TEXT_LEN)
		return gm_lex_fail(
			ps, GM_ERR_UNIT_TOO_LONG, q->pos,
			"expected the unit and the qualifier of at most %d bytes together at character %zu, found %zu",
			GM_MAX_TEXT_LEN, gm_lex_char_number(ps, q->pos),
			unit_len + q->len);
	return true;
}

/*
 * The end of a target after its last operand: the qualifier written there,
 * an optional year ("år 2019", "till 2019"; a bare "2019" after a unit or
 * qualifier), then nothing but whitespace.
 */
static bool
finish_target(GmParser *ps, size_t i, const GmOperand *last, GmTarget *t)
{
	int year;

	if (last->qual.present)
	{
		if (!check_text_len(ps, t->unit_len, &last->qual))
			return false;
		t->qual_len = (uint8_t)last->qual.len;
		memcpy(t->qualifier, last->qual.text, last->qual.len + 1);
	}
	if (!parse_year(ps, &i,
					GM_YEAR_TILL | (last->after.present || last->qual.present
										? GM_YEAR_BARE
										: 0),
					&year))
		return false;
	t->end_year = (uint16_t)year;
	return expect_end(ps, i);
}

/*
 * The rest of a range after its lower bound and joiner ("och", "and", a
 * dash): the upper bound at i, units agreeing, bounds in order.
 */
static bool
parse_range_end(GmParser *ps, size_t i, const GmOperand *low, GmTarget *t)
{
	GmOperand high;

	if (!parse_operand(ps, &i, false, &stop_last, &high))
		return false;
	if (!combine_units(ps, low, &high, t))
		return false;
	if (gm_decimal_cmp(low->num, high.num) > 0)
		return gm_lex_fail(
			ps, GM_ERR_RANGE_ORDER, high.num_pos,
			"expected an upper bound not below the lower bound at character %zu",
			gm_lex_char_number(ps, high.num_pos));
	t->cmp = GM_BETWEEN;
	t->value = low->num;
	t->upper = high.num;
	return finish_target(ps, i, &high, t);
}

/* "Mellan 95 och 105 %", "between index 1 and 2" */
static bool
parse_range_words(GmParser *ps, size_t i, GmTarget *t)
{
	static const GmUnitStop st = { "och", "and", false, 0 };
	GmOperand               low;

	if (!parse_operand(ps, &i, true, &st, &low))
		return false;
	if (!expect_joiner(ps, &i, "och", "and"))
		return false;
	return parse_range_end(ps, i, &low, t);
}

/*
 * "[öka|minska|...] från 70 % [år 2016] till 75 % [år 2019]" from "från"
 * on (i is after the direction keyword, if any).  A year after the
 * baseline makes a glide path and needs a year after the target value.
 */
static bool
parse_change(GmParser *ps, size_t i, const GmKeyword *kw, GmTarget *t)
{
	static const GmUnitStop st = { "till", "to", false, 0 };
	GmOperand               base;
	GmOperand               goal;
	int                     order;
	int                     start_year;
	size_t                  year_pos;

	if (kw->kind != KW_FROM)
	{
		size_t m = gm_lex_match_keyword(ps, i, "fr\xc3\xa5n");

		if (m == 0)
			m = gm_lex_match_keyword(ps, i, "from");
		if (m == 0)
			return gm_lex_fail_expected(
				ps, GM_ERR_UNKNOWN_COMPARATOR, i,
				"\"fr\xc3\xa5n\", \"till\" or the end of the text after a direction (\"\xc3\x96ka\", \"\xc3\x96ka fr\xc3\xa5n 70 % till 75 %\", \"\xc3\x96ka till 75 %\")");
		i = skip_space(ps, m);
	}
	if (!parse_operand(ps, &i, true, &st, &base))
		return false;
	year_pos = skip_space(ps, i);
	if (!parse_year(ps, &i, base.after.present ? GM_YEAR_BARE : 0,
					&start_year))
		return false;
	if (!expect_joiner(ps, &i, "till", "to"))
		return false;
	if (!parse_operand(ps, &i, false, &stop_last, &goal))
		return false;
	if (!combine_units(ps, &base, &goal, t))
		return false;

	order = gm_decimal_cmp(goal.num, base.num);
	if (kw->kind == KW_INCREASE && order <= 0)
		return gm_lex_fail(
			ps, GM_ERR_DIRECTION, goal.num_pos,
			"expected a value above the baseline for an increase at character %zu",
			gm_lex_char_number(ps, goal.num_pos));
	if (kw->kind == KW_DECREASE && order >= 0)
		return gm_lex_fail(
			ps, GM_ERR_DIRECTION, goal.num_pos,
			"expected a value below the baseline for a decrease at character %zu",
			gm_lex_char_number(ps, goal.num_pos));
	if (order == 0)
		return gm_lex_fail(
			ps, GM_ERR_DIRECTION, goal.num_pos,
			"expected a value different from the baseline at character %zu",
			gm_lex_char_number(ps, goal.num_pos));
	t->cmp = order > 0 ? GM_AT_LEAST : GM_AT_MOST;
	t->has_baseline = true;
	t->baseline = base.num;
	t->value = goal.num;
	if (!finish_target(ps, i, &goal, t))
		return false;
	if (start_year != 0 && t->end_year == 0)
		return gm_lex_fail(
			ps, GM_ERR_BAD_YEAR, year_pos,
			"expected the year of the target value too, since the baseline has one at character %zu",
			gm_lex_char_number(ps, year_pos));
	if (start_year != 0 && start_year >= t->end_year)
		return gm_lex_fail(
			ps, GM_ERR_BAD_YEAR, year_pos,
			"expected the baseline's year %d before the target's year %d at character %zu",
			start_year, (int)t->end_year, gm_lex_char_number(ps, year_pos));
	t->start_year = (uint16_t)start_year;
	return true;
}

/* A target that starts with a number: bare ("100 %") or "95–105 %" */
static bool
parse_number_first(GmParser *ps, size_t i, GmTarget *t)
{
	GmOperand low;
	size_t    j;
	size_t    dash;

	if (!parse_operand(ps, &i, false, &stop_last, &low))
		return false;
	j = skip_space(ps, i);
	dash = dash_len_at(ps, j);
	if (dash == 0 || low.qual.present)
	{
		t->cmp = GM_AT_LEAST;
		t->bare = true;
		t->value = low.num;
		store_unit(t, &low.after, GM_UNIT_AFTER);
		return finish_target(ps, i, &low, t);
	}

	i = skip_space(ps, j + dash);
	return parse_range_end(ps, i, &low, t);
}

/*
 * A comparator's target: filler may follow the comparator ("lägst uppgå
 * till 2 %"), then [unit] number [unit] [qualifier] [year].
 */
static bool
parse_simple(GmParser *ps, size_t i, GmComparator cmp, GmTarget *t)
{
	GmOperand op;

	i = gm_lex_skip_fillers(ps, i);
	if (!parse_operand(ps, &i, true, &stop_last, &op))
		return false;
	t->cmp = cmp;
	t->value = op.num;
	store_unit(t, &op.before, GM_UNIT_BEFORE);
	store_unit(t, &op.after, GM_UNIT_AFTER);
	return finish_target(ps, i, &op, t);
}

/*
 * After a direction keyword at m: the end of the text is a direction
 * target ("Öka", "ska minska", "Bibehålla", "ska förbättras"); "till" a
 * plain target ("Öka till 85 %" is "Minst 85 %"); "från" a change target.
 */
static bool
parse_direction(GmParser *ps, size_t m, const GmKeyword *kw, GmTarget *t)
{
	size_t i = skip_space(ps, m);
	size_t k;

	if (i >= ps->len)
	{
		t->cmp = kw->kind == KW_INCREASE   ? GM_INCREASE
				 : kw->kind == KW_DECREASE ? GM_DECREASE
										   : kw->cmp;
		return true;
	}
	if (kw->kind == KW_MAINTAIN || kw->kind == KW_IMPROVE)
		return gm_lex_fail_expected(
			ps, GM_ERR_STRAY_TEXT, i,
			"the end of the text after a direction without a number (\"Bibeh\xc3\xa5lla\", \"F\xc3\xb6rb\xc3\xa4ttra\")");
	if ((k = gm_lex_match_keyword(ps, i, "till")) > 0 ||
		(k = gm_lex_match_keyword(ps, i, "to")) > 0)
		return parse_simple(ps, k, kw->cmp, t);
	/* "Öka med 5 %" (by 5 %) is no "5 %": no suggestion after a direction */
	ps->no_suggestion = true;
	return parse_change(ps, i, kw, t);
}

/* The whole (trimmed, valid) text from i */
static bool
parse_target(GmParser *ps, size_t i, GmTarget *t)
{
	const GmKeyword *kw;
	size_t           m;
	bool             prose;

	i = gm_lex_skip_prose_prefix(ps, i, &prose);
	if (prose)
	{
		/* a sentence may end in a full stop */
		size_t end = ps->len;

		if (end > i && ps->s[end - 1] == '.' && !digit_at(ps, end - 2))
			ps->len = end - 1;
		while (ps->len > i && space_at(ps, ps->len - 1))
			ps->len--;
		if (i >= ps->len)
			return gm_lex_fail_expected(
				ps, GM_ERR_MISSING_NUMBER, i,
				"a comparator, a number or a direction after the verb");
	}
	kw = gm_lex_match_any_keyword(ps, i, &m);

	if (kw != NULL)
	{
		switch (kw->kind)
		{
			case KW_COMPARATOR:
				return parse_simple(ps, m, kw->cmp, t);
			case KW_RANGE:
				return parse_range_words(ps, m, t);
			case KW_INCREASE:
			case KW_DECREASE:
			case KW_MAINTAIN:
			case KW_IMPROVE:
				return parse_direction(ps, m, kw, t);
			case KW_FROM:
				return parse_change(ps, skip_space(ps, m), kw, t);
			case KW_MODAL:
			case KW_FILLER:
				break;
		}
	}

	/* no keyword: a number must come first */
	if (gm_lex_nan_inf_len_at(ps, i) > 0 || digit_at(ps, i) ||
		sign_len_at(ps, i) > 0 ||
		(decimal_sep_at(ps, i) && digit_at(ps, i + 1)))
		return parse_number_first(ps, i, t);
	return gm_lex_fail_expected(
		ps, GM_ERR_UNKNOWN_COMPARATOR, i,
		prose
			? "a comparator (minst, h\xc3\xb6gst, ...), a number or a direction (\xc3\xb6ka, minska, bibeh\xc3\xa5lla, f\xc3\xb6rb\xc3\xa4ttras)"
			: "a comparator or a number");
}

/*
 * After an unknown word where a comparator belongs: the canonical form of
 * what follows the word, when that reads as a target ("ska ungefär minst
 * 2 %" suggests "Minst 2 %"), into err->suggestion.
 */
static void
suggest(GmParser *ps, size_t start)
{
	GmParser sub;
	GmError  err;
	GmTarget t;
	size_t   i = ps->err->pos;
	uint32_t c;
	size_t   n;

	(void)start;
	while ((n = char_at(ps, i, &c)) > 0 && !is_space_cp(c))
		i += n;
	i = skip_space(ps, i);
	if (i >= ps->len)
		return;
	sub = *ps;
	sub.err = &err;
	memset(&t, 0, sizeof(t));
	if (parse_target(&sub, i, &t))
		gm_target_format(&t, GM_STYLE_SWEDISH, ps->err->suggestion,
						 sizeof(ps->err->suggestion));
}

/*
 * The general parser: every form of the grammar and every error.  On
 * success *out is a valid target (see gm_target_validate) with unused
 * fields zeroed; on failure *out is left alone and *err (if not NULL) says
 * what and where.
 */
bool
gm_target_parse_general(const char *input, size_t len, GmTarget *out,
						GmError *err)
{
	GmError  local;
	GmParser ps;
	GmTarget t;
	size_t   start;
	size_t   end;

	if (err == NULL)
		err = &local;
	err->code = GM_OK;
	err->pos = 0;
	err->message[0] = '\0';
	err->suggestion[0] = '\0';
	if (input == NULL)
		len = 0;

	ps.s = (const unsigned char *)input;
	ps.len = len;
	ps.err = err;
	ps.no_suggestion = false;
	if (!gm_lex_scan_text(&ps, &start, &end))
		return false;
	if (start >= end)
		return gm_lex_fail(
			&ps, GM_ERR_EMPTY, 0,
			"expected a comparator or a number at character 1, found %s",
			len == 0 ? "an empty string" : "only whitespace");

	ps.len = end;
	memset(&t, 0, sizeof(t));
	if (!parse_target(&ps, start, &t))
	{
		if (err->code == GM_ERR_UNKNOWN_COMPARATOR && !ps.no_suggestion)
			suggest(&ps, start);
		return false;
	}
	*out = t;
	return true;
}

/*
 * Parse a target from text: the fast path for plain targets, else the
 * general parser.  Both give the same target wherever the fast path
 * answers; the errors all come from the general parser.
 */
bool
gm_target_parse(const char *input, size_t len, GmTarget *out, GmError *err)
{
	if (gm_target_parse_fast(input, len, out))
	{
		if (err != NULL)
		{
			err->code = GM_OK;
			err->pos = 0;
			err->message[0] = '\0';
			err->suggestion[0] = '\0';
		}
		return true;
	}
	return gm_target_parse_general(input, len, out, err);
}

/*
 * Set the unit of a target from text, normalised as the parser does: words
 * joined by one space, "%" / "procent" / "percent" become "%" written after
 * the number.  pos says where the unit is written (GM_UNIT_BEFORE or
 * GM_UNIT_AFTER); text that is empty or only whitespace removes the unit.
 * Every word must be one the parser accepts in that place, so that the
 * target formats and parses back to itself.  Positions in *err are within
 * the unit text.  gm_target_validate() uses this to check a stored unit.
 */
bool
gm_target_set_unit(GmTarget *t, const char *unit, size_t len, GmUnitPos pos,
				   GmError *err)
{
	GmError   local;
	GmParser  ps;
	GmUnitBuf u;
	size_t    start;
	size_t    end;
	size_t    i;
	int       year;
	char      q[QUOTE_MAX + 4];

	if (err == NULL)
		err = &local;
	err->code = GM_OK;
	err->pos = 0;
	err->message[0] = '\0';
	if (unit == NULL)
		len = 0;

	ps.s = (const unsigned char *)unit;
	ps.len = len;
	ps.err = err;
	if (!gm_lex_scan_text(&ps, &start, &end))
		return false;
	ps.len = end;

	memset(&u, 0, sizeof(u));
	i = start;
	while ((i = skip_space(&ps, i)) < ps.len)
	{
		size_t w;

		if (pos == GM_UNIT_BEFORE && gm_lex_nan_inf_len_at(&ps, i) > 0)
			return gm_lex_fail(
				&ps, GM_ERR_NAN_INF, i,
				"expected a unit word at character %zu, found \"%s\", which reads as a number before the number",
				gm_lex_char_number(&ps, i), gm_lex_quote_at(&ps, i, q));
		w = gm_lex_unit_word_len(&ps, i);
		if (w == 0)
			return gm_lex_fail(
				&ps, GM_ERR_STRAY_TEXT, i,
				"unexpected text \"%s\" in the unit at character %zu",
				gm_lex_quote_at(&ps, i, q), gm_lex_char_number(&ps, i));
		/* the parser ends a unit after the number at a year ("år 2019",
		 * "(2019)", a bare "2019"), so no unit holds one */
		if (pos != GM_UNIT_BEFORE &&
			gm_lex_year_at(&ps, i, GM_YEAR_TILL | GM_YEAR_BARE, &year) > 0)
			return gm_lex_fail(
				&ps, GM_ERR_STRAY_TEXT, i,
				"expected the unit to end before the year \"%s\" at character %zu",
				gm_lex_quote_at(&ps, i, q), gm_lex_char_number(&ps, i));
		if (pos == GM_UNIT_BEFORE && comparator_len_at(&ps, i) > 0)
			return gm_lex_fail(
				&ps, GM_ERR_UNKNOWN_COMPARATOR, i,
				"expected a unit word at character %zu, found \"%s\", which reads as a comparator before the number",
				gm_lex_char_number(&ps, i),
				gm_lex_quote_bytes(ps.s + i, comparator_len_at(&ps, i), q));
		if (pos == GM_UNIT_BEFORE && !u.present &&
			gm_lex_filler_end(&ps, i) > 0)
			return gm_lex_fail(
				&ps, GM_ERR_STRAY_TEXT, i,
				"expected a unit word at character %zu, found \"%s\", which reads as filler (\"vara\", \"upp\xc3\xa5 till\") before the number",
				gm_lex_char_number(&ps, i), gm_lex_quote_at(&ps, i, q));
		if (pos != GM_UNIT_BEFORE &&
			(gm_lex_unit_ends_in_percent(&u) ||
			 gm_lex_qualifier_word(&ps, i, w)) &&
			memchr(ps.s + i, '%', w) == NULL &&
			!gm_lex_is_percent_word((const char *)ps.s + i, w))
			return gm_lex_fail(
				&ps, GM_ERR_STRAY_TEXT, i,
				"expected the unit to end before \"%s\" at character %zu: words after a percent sign and from \"av\" or \"of\" on are the qualifier",
				gm_lex_quote_at(&ps, i, q), gm_lex_char_number(&ps, i));
		if (!unit_append(&ps, &u, i, w))
			return false;
		i += w;
		if (i < ps.len && !space_at(&ps, i))
			return gm_lex_fail(
				&ps, GM_ERR_STRAY_TEXT, i,
				"unexpected text \"%s\" in the unit at character %zu",
				gm_lex_quote_at(&ps, i, q), gm_lex_char_number(&ps, i));
	}

	if (u.present && pos != GM_UNIT_BEFORE && pos != GM_UNIT_AFTER)
		return gm_lex_fail(
			&ps, GM_ERR_BINARY, 0,
			"expected the unit position before or after for the unit \"%s\"",
			gm_lex_quote_bytes((const unsigned char *)u.text, u.len, q));

	if (!check_unit_percent(&ps, &u))
		return false;
	unit_normalise_percent(&u);
	t->unit_pos = GM_UNIT_NONE;
	t->unit_len = 0;
	memset(t->unit, 0, sizeof(t->unit));
	store_unit(t, &u, pos);
	return true;
}

/*
 * An outcome as reports write it ("59 %", "2 315", "72,3", "−4",
 * "3 518 tkr"), read with the number grammar of targets: a number, then
 * optional unit words after it (checked as a target's unit is, then
 * dropped), with whitespace around.  Text that is empty, only whitespace,
 * or a lone "-", "–" or "—" is no value: true with *none set.  So whatever
 * this reads as a number, "Minst " followed by the same text parses to a
 * target of that value (the fuzzer checks it).  On failure *err says what
 * and where, as for targets.
 */
bool
gm_outcome_parse(const char *input, size_t len, GmDecimal *out, bool *none,
				 GmError *err)
{
	GmError                 local;
	GmParser                ps;
	GmDecimal               d;
	GmUnitBuf               u;
	GmUnitBuf               q;
	size_t                  start;
	size_t                  end;
	size_t                  i;
	size_t                  n;
	static const GmUnitStop st = { NULL, NULL, true, GM_YEAR_TILL };
	int                     year;

	if (err == NULL)
		err = &local;
	err->code = GM_OK;
	err->pos = 0;
	err->message[0] = '\0';
	if (input == NULL)
		len = 0;
	*none = false;

	ps.s = (const unsigned char *)input;
	ps.len = len;
	ps.err = err;
	if (!gm_lex_scan_text(&ps, &start, &end))
		return false;
	ps.len = end;
	n = dash_len_at(&ps, start);
	if (start >= end || (n > 0 && start + n == end))
	{
		*none = true;
		return true;
	}

	i = start;
	if (!parse_number(&ps, &i, &d))
		return false;
	memset(&u, 0, sizeof(u));
	memset(&q, 0, sizeof(q));
	if (!scan_unit_after(&ps, &i, &st, &u, &q) ||
		!check_unit_percent(&ps, &u) || !gm_lex_check_qualifier(&ps, &q))
		return false;
	unit_normalise_percent(&u);
	if (!check_text_len(&ps, u.len, &q))
		return false;
	/* a year where a target could have one: refused, and said so */
	n = skip_space(&ps, i);
	if (gm_lex_year_at(&ps, n,
					   GM_YEAR_TILL |
						   (u.present || q.present ? GM_YEAR_BARE : 0),
					   &year) > 0)
		return gm_lex_fail(
			&ps, GM_ERR_BAD_YEAR, n,
			"unexpected year at character %zu: an outcome has no year",
			gm_lex_char_number(&ps, n));
	if (!expect_end(&ps, i))
		return false;
	*out = d;
	return true;
}

/*
 * A cell of text (a name in a sheet) with each run of the grammar's
 * whitespace made one ASCII space, and trimmed: into out, which has room
 * for len bytes (the result is never longer).  Only valid UTF-8 sequences
 * are read as characters; any other byte is copied as it is, so text in
 * another encoding (SQL_ASCII) keeps its bytes.  Returns the length.
 */
size_t
gm_text_clean(const char *input, size_t len, char *out)
{
	const unsigned char *s = (const unsigned char *)input;
	size_t               i = 0;
	size_t               n = 0;
	bool                 pending = false;

	while (i < len)
	{
		uint32_t c;
		int      k = gm_lex_utf8_decode(s, i, len, &c);

		if (k > 0 && is_space_cp(c))
		{
			pending = n > 0;
			i += (size_t)k;
			continue;
		}
		if (pending)
			out[n++] = ' ';
		pending = false;
		if (k == 0)
			k = 1;
		memcpy(out + n, s + i, (size_t)k);
		n += (size_t)k;
		i += (size_t)k;
	}
	return n;
}
