/*-------------------------------------------------------------------------
 *
 * target_fast.c
 *	  The fast path of the target parser, for the plain targets nearly
 *	  all real data holds; the general parser (target_parse.c) takes every
 *	  other text and gives every error.
 *
 *-------------------------------------------------------------------------
 */
#include "target_lex.h"

#include <string.h>

/* ---------------------------------------------------------------------
 * The fast path
 *
 * Nearly every target in real data is a single-word comparator (or none),
 * a plain number and a short unit in ASCII or Swedish letters: "Minst 65 %",
 * "Högst 2 100 barn", ">= 77 %", "Minst index 79", "80 %".  The general
 * parser decodes UTF-8 and tries keyword tables character by character;
 * for those texts this one pass over the bytes gives the same target at a
 * fraction of the cost.  It takes only inputs it fully understands, and
 * gives up (returns false, *out untouched) on anything else: every error,
 * every whitespace but ASCII space, signs, dashes, other keywords, NaN or
 * infinity spellings, more than GM_MAX_DIGITS digits (leading zeros
 * included), non-ASCII bytes other than U+00C0..U+00FF in words and the
 * signs ≥ ≤.  gm_target_parse() then runs the general parser, which has
 * the last word; the unit tests and the fuzzer check that both agree
 * wherever this one answers.
 * ---------------------------------------------------------------------
 */

/* The longest word fast_word() folds: "maximalt" */
#define FAST_WORD_MAX 8

static inline bool
fast_is_digit(unsigned char c)
{
	return (unsigned char)(c - '0') < 10;
}

static inline bool
fast_is_alpha(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* 0xC3 and a continuation byte at s[i]: one of U+00C0..U+00FF */
static inline bool
fast_latin1_at(const unsigned char *s, size_t i, size_t end)
{
	return s[i] == 0xC3 && i + 1 < end && (s[i + 1] & 0xC0) == 0x80;
}

/*
 * Length of the word of letters at s[i..end) (ASCII, or U+00C0..U+00FF),
 * or 0 when the word is empty, is not followed by an ASCII space, or
 * contains anything else.  The word is also folded to lower case (ASCII
 * and Å Ä Ö) into folded when it fits in FAST_WORD_MAX bytes; *folded_len
 * is 0 when it does not.
 */
static size_t
fast_word(const unsigned char *s, size_t i, size_t end, char *folded,
		  size_t *folded_len)
{
	size_t start = i;
	size_t n = 0;

	while (i < end && s[i] != ' ')
	{
		unsigned char c = s[i];

		if (fast_is_alpha(c))
		{
			if (n < FAST_WORD_MAX)
				folded[n] = (char)(c | 0x20);
			n++;
			i++;
		}
		else if (fast_latin1_at(s, i, end))
		{
			unsigned char c2 = s[i + 1];

			if (c2 == 0x84 || c2 == 0x85 || c2 == 0x96)
				c2 += 0x20; /* Ä Å Ö */
			if (n + 1 < FAST_WORD_MAX)
			{
				folded[n] = (char)0xC3;
				folded[n + 1] = (char)c2;
			}
			n += 2;
			i += 2;
		}
		else
			return 0;
	}
	if (i >= end || i == start)
		return 0;
	*folded_len = n <= FAST_WORD_MAX ? n : 0;
	return i - start;
}

/*
 * The comparator a folded word spells (the single-word ones of gm_keywords[]),
 * or -1
 */
static int
fast_comparator(const char *w, size_t n)
{
	switch (n)
	{
		case 3:
			if (memcmp(w, "min", 3) == 0)
				return GM_AT_LEAST;
			if (memcmp(w, "max", 3) == 0)
				return GM_AT_MOST;
			break;
		case 5:
			if (memcmp(w, "minst", 5) == 0)
				return GM_AT_LEAST;
			if (memcmp(w, "\xc3\xb6ver", 5) == 0) /* över */
				return GM_ABOVE;
			if (memcmp(w, "above", 5) == 0)
				return GM_ABOVE;
			if (memcmp(w, "under", 5) == 0)
				return GM_BELOW;
			if (memcmp(w, "below", 5) == 0)
				return GM_BELOW;
			if (memcmp(w, "exakt", 5) == 0)
				return GM_EXACTLY;
			break;
		case 6:
			if (memcmp(w, "h\xc3\xb6gst", 6) == 0) /* högst */
				return GM_AT_MOST;
			if (memcmp(w, "l\xc3\xa4gst", 6) == 0) /* lägst */
				return GM_AT_LEAST;
			break;
		case 7:
			if (memcmp(w, "exactly", 7) == 0)
				return GM_EXACTLY;
			break;
		case 8:
			if (memcmp(w, "maximalt", 8) == 0)
				return GM_AT_MOST;
			break;
	}
	return -1;
}

/*
 * A plain number at *pi: digits in groups of three after single spaces,
 * then optional decimals after ',' or '.'.  Returns false when it is not
 * plain (or not a number at all, or not what the general parser reads).
 */
static bool
fast_number(const unsigned char *s, size_t *pi, size_t end, GmDecimal *d)
{
	size_t   i = *pi;
	uint64_t coef = 0;
	size_t   digits = 0;
	size_t   scale = 0;
	size_t   run = 0;

	if (i >= end || !fast_is_digit(s[i]))
		return false;
	while (i < end && fast_is_digit(s[i]))
	{
		coef = coef * 10 + (s[i++] - '0');
		run++;
	}
	digits = run;
	while (i + 1 < end && s[i] == ' ' && fast_is_digit(s[i + 1]))
	{
		if (run > 3 || digits > GM_MAX_DIGITS)
			return false;
		i++;
		run = 0;
		while (i < end && fast_is_digit(s[i]) && run < 4)
		{
			coef = coef * 10 + (s[i++] - '0');
			run++;
		}
		if (run != 3)
			return false;
		digits += 3;
	}
	if (i < end && (s[i] == ',' || s[i] == '.'))
	{
		i++;
		if (i >= end || !fast_is_digit(s[i]))
			return false;
		while (i < end && fast_is_digit(s[i]))
		{
			coef = coef * 10 + (s[i++] - '0');
			scale++;
		}
		digits += scale;
		if (i < end && (s[i] == ',' || s[i] == '.'))
			return false;
		if (i + 1 < end && s[i] == ' ' && fast_is_digit(s[i + 1]))
			return false;
	}
	/*
	 * Leading zeros included, so that the coefficient (which may have
	 * wrapped around above) is exact
	 */
	if (digits > GM_MAX_DIGITS)
		return false;
	/* the number ends at a space, a glued "%" or the end; not at "e5" */
	if (i < end && s[i] != ' ' && s[i] != '%')
		return false;
	d->coef = (int64_t)coef;
	d->scale = (uint8_t)scale;
	*pi = i;
	return true;
}

/*
 * The unit words after the number, to the end: each starts with a letter,
 * U+00C0..U+00FF or "%" and goes on with those, digits, "." and "/".
 * Returns the offset after the last word (i when there is none), or 0 on
 * anything else.  *spaced is set when two words are more than one space
 * apart.
 */
static size_t
fast_unit_after(const unsigned char *s, size_t i, size_t end, bool *spaced)
{
	size_t last = i;

	for (;;)
	{
		if (i < end && s[i] == ' ')
		{
			i++;
			if (i < end && s[i] == ' ')
			{
				*spaced = true;
				while (i < end && s[i] == ' ')
					i++;
			}
		}
		if (i >= end)
			return last;
		if (!(fast_is_alpha(s[i]) || s[i] == '%' || fast_latin1_at(s, i, end)))
			return 0;
		while (i < end && s[i] != ' ')
		{
			unsigned char c = s[i];

			if (fast_is_alpha(c) || fast_is_digit(c) || c == '%' || c == '.' ||
				c == '/')
				i++;
			else if (fast_latin1_at(s, i, end))
				i += 2;
			else
				return 0;
		}
		last = i;
	}
}

/*
 * Copy the unit words s[from..to) joined by one space into unit (zeroed
 * beyond them, as the general parser leaves it); false when that is more
 * than GM_MAX_UNIT_LEN bytes.  spaced: some words are further apart.
 */
static bool
fast_store_unit(const unsigned char *s, size_t from, size_t to, bool spaced,
				char *unit, size_t *ulen)
{
	size_t n = 0;

	memset(unit, 0, GM_MAX_UNIT_LEN + 1);
	if (!spaced)
	{
		if (to - from > GM_MAX_UNIT_LEN)
			return false;
		memcpy(unit, s + from, to - from);
		n = to - from;
	}
	else
	{
		size_t k;

		for (k = from; k < to; k++)
		{
			if (s[k] == ' ' && s[k - 1] == ' ')
				continue;
			if (n >= GM_MAX_UNIT_LEN)
				return false;
			unit[n++] = (char)s[k];
		}
	}
	if (!gm_lex_unit_percent_ok(unit, n))
		return false;
	/* a qualifier ("% av ...", "procents konsolidering"): the general parser */
	for (size_t k = 0; k < n;)
	{
		size_t j = k;

		while (j < n && unit[j] != ' ')
			j++;
		if (gm_lex_unit_equals_ci(unit + k, j - k, "av") ||
			gm_lex_unit_equals_ci(unit + k, j - k, "of") ||
			gm_lex_unit_equals_ci(unit + k, j - k, "procents") ||
			(j < n && gm_lex_is_percent_word(unit + k, j - k)))
			return false;
		k = j + 1;
	}
	/* "procent", "Percent" become "%" */
	if (n == 7 && (gm_lex_unit_equals_ci(unit, n, "procent") ||
				   gm_lex_unit_equals_ci(unit, n, "percent")))
	{
		memset(unit, 0, n);
		unit[0] = '%';
		n = 1;
	}
	*ulen = n;
	return true;
}

/*
 * Parse the plain targets described above; false when the text is not
 * one of them (then gm_target_parse_general() decides).
 */
bool
gm_target_parse_fast(const char *input, size_t len, GmTarget *out)
{
	const unsigned char *s = (const unsigned char *)input;
	size_t               i = 0;
	size_t               end = len;
	int                  cmp = GM_AT_LEAST;
	bool                 bare = false;
	GmDecimal            value;
	size_t               before_from = 0; /* unit words before the number */
	size_t               before_to = 0;
	bool                 before_spaced = false;
	size_t               after_from;
	size_t               after_to;
	bool                 after_spaced = false;
	char                 unit[GM_MAX_UNIT_LEN + 1];
	size_t               ulen = 0;
	GmUnitPos            unit_pos = GM_UNIT_NONE;
	char                 w[FAST_WORD_MAX];
	size_t               wlen;
	size_t               n;

	if (input == NULL)
		return false;
	while (i < end && s[i] == ' ')
		i++;
	while (end > i && s[end - 1] == ' ')
		end--;
	if (i >= end)
		return false;

	if (fast_is_digit(s[i]))
	{
		/* bare: "80 %" */
		if (!fast_number(s, &i, end, &value))
			return false;
		bare = true;
	}
	else
	{
		/* the comparator */
		unsigned char c = s[i];
		unsigned char c1 = i + 1 < end ? s[i + 1] : 0;

		if (c == '>' || c == '<')
		{
			if (c1 == '=')
				cmp = c == '>' ? GM_AT_LEAST : GM_AT_MOST;
			else
				cmp = c == '>' ? GM_ABOVE : GM_BELOW;
			i += c1 == '=' ? 2 : 1;
		}
		else if (c == '=')
		{
			if (c1 == '>' || c1 == '<')
				cmp = c1 == '>' ? GM_AT_LEAST : GM_AT_MOST;
			else
				cmp = GM_EXACTLY;
			i += (c1 == '>' || c1 == '<') ? 2 : 1;
		}
		else if (c == 0xE2 && c1 == 0x89 && i + 2 < end &&
				 (s[i + 2] == 0xA5 || s[i + 2] == 0xA4))
		{
			cmp = s[i + 2] == 0xA5 ? GM_AT_LEAST : GM_AT_MOST; /* ≥ ≤ */
			i += 3;
		}
		else
		{
			n = fast_word(s, i, end, w, &wlen);
			if (n == 0 || wlen == 0 || (cmp = fast_comparator(w, wlen)) < 0)
				return false;
			i += n;
		}
		while (i < end && s[i] == ' ')
			i++;

		/* unit words before the number: "Minst index 79" */
		before_from = i;
		while (i < end && !fast_is_digit(s[i]))
		{
			GmParser ps;
			size_t   m;

			n = fast_word(s, i, end, w, &wlen);
			if (n == 0)
				return false;
			/* not a NaN or infinity spelling, nor any keyword */
			ps.s = s;
			ps.len = end;
			ps.err = NULL;
			if (gm_lex_nan_inf_len_at(&ps, i) > 0 ||
				gm_lex_match_any_keyword(&ps, i, &m) != NULL)
				return false;
			i += n;
			before_to = i;
			if (i + 1 < end && s[i + 1] == ' ')
				before_spaced = true;
			while (i < end && s[i] == ' ')
				i++;
		}
		if (!fast_number(s, &i, end, &value))
			return false;
	}

	after_from = i;
	while (after_from < end && s[after_from] == ' ')
		after_from++;
	after_to = fast_unit_after(s, i, end, &after_spaced);
	if (after_to == 0)
		return false;

	if (before_to > before_from)
	{
		if (after_to > i)
			return false; /* a unit on both sides */
		if (!fast_store_unit(s, before_from, before_to, before_spaced, unit,
							 &ulen))
			return false;
		unit_pos = GM_UNIT_BEFORE;
	}
	else if (after_to > i)
	{
		if (!fast_store_unit(s, after_from, after_to, after_spaced, unit,
							 &ulen))
			return false;
		unit_pos = GM_UNIT_AFTER;
	}
	else
		memset(unit, 0, sizeof(unit));
	if (ulen == 1 && unit[0] == '%')
		unit_pos = GM_UNIT_AFTER; /* "%" always counts as after */

	out->cmp = (GmComparator)cmp;
	out->bare = bare;
	out->has_baseline = false;
	out->value = value;
	out->upper.coef = 0;
	out->upper.scale = 0;
	out->baseline.coef = 0;
	out->baseline.scale = 0;
	out->unit_pos = unit_pos;
	out->unit_len = (uint8_t)ulen;
	memcpy(out->unit, unit, sizeof(out->unit));
	out->start_year = 0;
	out->end_year = 0;
	out->qual_len = 0;
	memset(out->qualifier, 0, sizeof(out->qualifier));
	return true;
}
