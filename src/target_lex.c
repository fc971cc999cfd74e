/*-------------------------------------------------------------------------
 *
 * target_lex.c
 *	  The lexer of the target grammar: UTF-8 decoding, keywords, NaN and
 *	  infinity spellings, unit words, and the errors with the offending
 *	  text quoted (target_lex.h).
 *
 *-------------------------------------------------------------------------
 */
#include "target_lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/*
 * Every keyword that may start a target, lower case, in UTF-8 escapes so
 * that the source does not depend on the compiler's charset.  Matching
 * picks the longest one that matches, so the order here does not matter.
 */
const GmKeyword gm_keywords[] = {
	{ "minst", KW_COMPARATOR, GM_AT_LEAST },
	{ "l\xc3\xa4gst", KW_COMPARATOR, GM_AT_LEAST }, /* lägst */
	{ "min.", KW_COMPARATOR, GM_AT_LEAST },
	{ "min", KW_COMPARATOR, GM_AT_LEAST },
	{ "at least", KW_COMPARATOR, GM_AT_LEAST },
	{ ">=", KW_COMPARATOR, GM_AT_LEAST },
	{ "\xe2\x89\xa5", KW_COMPARATOR, GM_AT_LEAST }, /* ≥ */
	{ "=>", KW_COMPARATOR, GM_AT_LEAST },
	{ "h\xc3\xb6gst", KW_COMPARATOR, GM_AT_MOST }, /* högst */
	{ "max", KW_COMPARATOR, GM_AT_MOST },
	{ "max.", KW_COMPARATOR, GM_AT_MOST },
	{ "maximalt", KW_COMPARATOR, GM_AT_MOST },
	{ "at most", KW_COMPARATOR, GM_AT_MOST },
	{ "<=", KW_COMPARATOR, GM_AT_MOST },
	{ "\xe2\x89\xa4", KW_COMPARATOR, GM_AT_MOST }, /* ≤ */
	{ "=<", KW_COMPARATOR, GM_AT_MOST },
	{ "\xc3\xb6ver", KW_COMPARATOR, GM_ABOVE },   /* över */
	{ "mer \xc3\xa4n", KW_COMPARATOR, GM_ABOVE }, /* mer än */
	{ "above", KW_COMPARATOR, GM_ABOVE },
	{ "more than", KW_COMPARATOR, GM_ABOVE },
	{ ">", KW_COMPARATOR, GM_ABOVE },
	{ "under", KW_COMPARATOR, GM_BELOW },
	{ "mindre \xc3\xa4n", KW_COMPARATOR, GM_BELOW }, /* mindre än */
	{ "below", KW_COMPARATOR, GM_BELOW },
	{ "less than", KW_COMPARATOR, GM_BELOW },
	{ "<", KW_COMPARATOR, GM_BELOW },
	{ "exakt", KW_COMPARATOR, GM_EXACTLY },
	{ "exactly", KW_COMPARATOR, GM_EXACTLY },
	{ "=", KW_COMPARATOR, GM_EXACTLY },
	{ "mellan", KW_RANGE, GM_BETWEEN },
	{ "between", KW_RANGE, GM_BETWEEN },
	{ "\xc3\xb6ka", KW_INCREASE, GM_AT_LEAST }, /* öka */
	{ "increase", KW_INCREASE, GM_AT_LEAST },
	{ "minska", KW_DECREASE, GM_AT_MOST },
	{ "reduce", KW_DECREASE, GM_AT_MOST },
	{ "decrease", KW_DECREASE, GM_AT_MOST },
	{ "fr\xc3\xa5n", KW_FROM, GM_AT_LEAST }, /* från */
	{ "from", KW_FROM, GM_AT_LEAST },
	/* direction targets: the forms of the verbs prose uses */
	{ "\xc3\xb6kar", KW_INCREASE, GM_AT_LEAST }, /* ökar */
	{ "\xc3\xb6kas", KW_INCREASE, GM_AT_LEAST }, /* ökas */
	{ "increases", KW_INCREASE, GM_AT_LEAST },
	{ "increased", KW_INCREASE, GM_AT_LEAST },
	{ "minskar", KW_DECREASE, GM_AT_MOST },
	{ "minskas", KW_DECREASE, GM_AT_MOST },
	{ "decreases", KW_DECREASE, GM_AT_MOST },
	{ "decreased", KW_DECREASE, GM_AT_MOST },
	{ "reduced", KW_DECREASE, GM_AT_MOST },
	{ "bibeh\xc3\xa5lla", KW_MAINTAIN, GM_MAINTAIN },         /* bibehålla */
	{ "bibeh\xc3\xa5llas", KW_MAINTAIN, GM_MAINTAIN },        /* bibehållas */
	{ "bibeh\xc3\xa5lls", KW_MAINTAIN, GM_MAINTAIN },         /* bibehålls */
	{ "of\xc3\xb6r\xc3\xa4ndrad", KW_MAINTAIN, GM_MAINTAIN }, /* oförändrad */
	{ "of\xc3\xb6r\xc3\xa4ndrat", KW_MAINTAIN, GM_MAINTAIN },
	{ "maintain", KW_MAINTAIN, GM_MAINTAIN },
	{ "maintained", KW_MAINTAIN, GM_MAINTAIN },
	{ "unchanged", KW_MAINTAIN, GM_MAINTAIN },
	{ "f\xc3\xb6rb\xc3\xa4ttra", KW_IMPROVE, GM_IMPROVE },  /* förbättra */
	{ "f\xc3\xb6rb\xc3\xa4ttras", KW_IMPROVE, GM_IMPROVE }, /* förbättras */
	{ "improve", KW_IMPROVE, GM_IMPROVE },
	{ "improved", KW_IMPROVE, GM_IMPROVE },
	{ "improves", KW_IMPROVE, GM_IMPROVE },
	/* prose: the modal verb after the subject, and filler */
	{ "ska", KW_MODAL, GM_AT_LEAST },
	{ "skall", KW_MODAL, GM_AT_LEAST },
	{ "b\xc3\xb6r", KW_MODAL, GM_AT_LEAST },   /* bör */
	{ "m\xc3\xa5ste", KW_MODAL, GM_AT_LEAST }, /* måste */
	{ "should", KW_MODAL, GM_AT_LEAST },
	{ "shall", KW_MODAL, GM_AT_LEAST },
	{ "must", KW_MODAL, GM_AT_LEAST },
	{ "will", KW_MODAL, GM_AT_LEAST },
	{ "vara", KW_FILLER, GM_AT_LEAST },
	{ "uppg\xc3\xa5 till", KW_FILLER, GM_AT_LEAST }, /* uppgå till */
	{ "uppg\xc3\xa5", KW_FILLER, GM_AT_LEAST },
	{ "ligga p\xc3\xa5", KW_FILLER, GM_AT_LEAST }, /* ligga på */
	{ "uppn\xc3\xa5", KW_FILLER, GM_AT_LEAST },    /* uppnå */
	{ "be", KW_FILLER, GM_AT_LEAST },
	{ "amount to", KW_FILLER, GM_AT_LEAST },
	{ "reach", KW_FILLER, GM_AT_LEAST },
};

const size_t gm_nkeywords = sizeof(gm_keywords) / sizeof(gm_keywords[0]);

/*
 * Decode the UTF-8 sequence at s[i] (i < n) strictly: no overlong forms,
 * no surrogates, nothing above U+10FFFF, no truncated sequence.  Returns
 * its length, or 0 when it is invalid.
 */
int
gm_lex_utf8_decode(const unsigned char *s, size_t i, size_t n, uint32_t *cp)
{
	unsigned char c = s[i];
	unsigned char lo = 0x80;
	unsigned char hi = 0xBF;
	uint32_t      v;
	int           len;
	int           k;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c < 0xC2)
		return 0; /* continuation byte or overlong lead */
	if (c < 0xE0)
	{
		len = 2;
		v = c & 0x1F;
	}
	else if (c < 0xF0)
	{
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* surrogates */
	}
	else if (c < 0xF5)
	{
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* above U+10FFFF */
	}
	else
		return 0;

	for (k = 1; k < len; k++)
	{
		unsigned char b;

		if (i + k >= n)
			return 0;
		b = s[i + k];
		if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
			return 0;
		v = (v << 6) | (b & 0x3F);
	}
	*cp = v;
	return len;
}

/*
 * Match one of å ä ö (second UTF-8 byte lo2 after 0xC3) at i, in either
 * case, precomposed or as a letter and a combining ring / diaeresis (text
 * copied from some PDF readers is decomposed).  Returns the bytes matched.
 */
size_t
gm_lex_match_swedish_letter(const GmParser *ps, size_t i, unsigned char lo2)
{
	unsigned char base = lo2 == 0xB6 ? 'o' : 'a';
	unsigned char mark = lo2 == 0xA5 ? 0x8A : 0x88; /* U+030A, U+0308 */
	unsigned char b;

	if (i + 1 >= ps->len)
		return 0;
	b = ps->s[i];
	if (b == 0xC3)
	{
		/* Å Ä Ö are C3 85, C3 84, C3 96; å ä ö are 0x20 higher */
		unsigned char b2 = ps->s[i + 1];

		if (b2 == 0x84 || b2 == 0x85 || b2 == 0x96)
			b2 += 0x20;
		return b2 == lo2 ? 2 : 0;
	}
	if (b >= 'A' && b <= 'Z')
		b += 'a' - 'A';
	if (b == base && i + 2 < ps->len && ps->s[i + 1] == 0xCC &&
		ps->s[i + 2] == mark)
		return 3;
	return 0;
}

/*
 * Match keyword kw (lower-case UTF-8; a space in it stands for one or more
 * whitespace characters) at i, folding ASCII and Å Ä Ö to lower case.  A
 * keyword that ends in a letter must end at a word boundary.  Returns the
 * offset after the match, or 0 when it does not match (a match never ends
 * at offset 0, since keywords are not empty).
 */
size_t
gm_lex_match_keyword(const GmParser *ps, size_t i, const char *kw)
{
	const unsigned char *k = (const unsigned char *)kw;
	uint32_t             c;

	while (*k)
	{
		unsigned char b;

		if (*k == ' ')
		{
			size_t j = skip_space(ps, i);

			if (j == i)
				return 0;
			i = j;
			k++;
			continue;
		}
		if (i >= ps->len)
			return 0;
		b = ps->s[i];
		if (k[0] == 0xC3 && k[1] != 0)
		{
			size_t n = gm_lex_match_swedish_letter(ps, i, k[1]);

			if (n == 0)
				return 0;
			i += n;
			k += 2;
			continue;
		}
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (b != *k)
			return 0;
		i++;
		k++;
	}

	if (is_ascii_alpha(k[-1]) && char_at(ps, i, &c) > 0 && is_word_cp(c))
		return 0;
	return i;
}

/* Does the unit word at i (w bytes) equal the ASCII keyword kw? */
bool
gm_lex_word_is(const GmParser *ps, size_t i, size_t w, const char *kw)
{
	return kw != NULL && w == strlen(kw) &&
		   gm_lex_match_keyword(ps, i, kw) == i + w;
}

/* The longest keyword at i, or NULL; *end receives the offset after it */
const GmKeyword *
gm_lex_match_any_keyword(const GmParser *ps, size_t i, size_t *end)
{
	const GmKeyword *best = NULL;
	size_t           best_end = 0;
	size_t           k;
	unsigned char    first;

	if (i >= ps->len)
	{
		*end = 0;
		return NULL;
	}
	/*
	 * No keyword starts with a space, and the first bytes compare equal up
	 * to ASCII case (a Swedish letter's lead byte is 0xC3 in either case;
	 * decomposed, it starts with a or o): skip the keywords that cannot
	 * match without walking them.
	 */
	first = (unsigned char)ps->s[i];
	if (first >= 'A' && first <= 'Z')
		first += 'a' - 'A';
	for (k = 0; k < gm_nkeywords; k++)
	{
		size_t        m;
		unsigned char kf = (unsigned char)gm_keywords[k].text[0];

		if (kf != first && !(kf == 0xC3 && (first == 'a' || first == 'o')))
			continue;
		m = gm_lex_match_keyword(ps, i, gm_keywords[k].text);

		if (m > best_end)
		{
			best = &gm_keywords[k];
			best_end = m;
		}
	}
	*end = best_end;
	return best;
}

/*
 * Length of a spelling of NaN or infinity at i (with an optional sign), or
 * 0: "NaN", "inf", "Infinity" (as whole words), "∞".
 */
size_t
gm_lex_nan_inf_len_at(const GmParser *ps, size_t i)
{
	static const char *const words[] = { "infinity", "inf", "nan" };
	size_t                   j = i + sign_len_at(ps, i);
	uint32_t                 c;
	size_t                   n;
	size_t                   k;

	n = char_at(ps, j, &c);
	if (n > 0 && c == CP_INFINITY)
		return j + n - i;
	for (k = 0; k < lengthof(words); k++)
	{
		size_t m = gm_lex_match_keyword(ps, j, words[k]);

		if (m > 0)
			return m - i;
	}
	return 0;
}

/*
 * Length of the unit word at i, 0 if none starts there.  The word ends at
 * whitespace, at a character that cannot be part of a unit, or before a
 * hyphen followed by a digit (a range dash or a negative number).
 */
size_t
gm_lex_unit_word_len(const GmParser *ps, size_t i)
{
	size_t   start = i;
	uint32_t c;
	size_t   n;

	n = char_at(ps, i, &c);
	if (n == 0 || !is_unit_start_cp(c))
		return 0;
	while ((n = char_at(ps, i, &c)) > 0 && is_unit_cp(c))
	{
		if (c == '-' && digit_at(ps, i + 1))
			break;
		i += n;
	}
	return i - start;
}

/* 1-based character number of byte offset pos, for messages */
size_t
gm_lex_char_number(const GmParser *ps, size_t pos)
{
	size_t count = 1;
	size_t i;

	for (i = 0; i < pos; i++)
		if ((ps->s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

/*
 * Copy at most QUOTE_MAX bytes of s[0..n) into out (QUOTE_MAX + 4 bytes),
 * cut on a UTF-8 boundary, with "..." when cut.
 */
const char *
gm_lex_quote_bytes(const unsigned char *s, size_t n, char *out)
{
	size_t k = n;

	if (k > QUOTE_MAX)
	{
		k = QUOTE_MAX;
		while (k > 0 && (s[k] & 0xC0) == 0x80)
			k--;
	}
	memcpy(out, s, k);
	if (k < n)
	{
		memcpy(out + k, "...", 3);
		k += 3;
	}
	out[k] = '\0';
	return out;
}

/* Quote the text at i up to the next whitespace */
const char *
gm_lex_quote_at(const GmParser *ps, size_t i, char *out)
{
	size_t   j = i;
	uint32_t c;
	size_t   n;

	while ((n = char_at(ps, j, &c)) > 0 && !is_space_cp(c))
		j += n;
	return gm_lex_quote_bytes(ps->s + i, j - i, out);
}

/*
 * Record an error and return false.  The format is printf-style; callers
 * pass gm_lex_char_number() themselves so that each message reads naturally.
 */
bool
gm_lex_fail(GmParser *ps, GmErrorCode code, size_t pos, const char *fmt, ...)
{
	va_list ap;

	ps->err->code = code;
	ps->err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(ps->err->message, sizeof(ps->err->message), fmt, ap);
	va_end(ap);
	return false;
}

/* "expected X at character N", adding what was found there, if anything */
bool
gm_lex_fail_expected(GmParser *ps, GmErrorCode code, size_t pos,
					 const char *what)
{
	char q[QUOTE_MAX + 4];

	if (pos >= ps->len)
		return gm_lex_fail(ps, code, pos, "expected %s at character %zu", what,
						   gm_lex_char_number(ps, pos));
	if (space_at(ps, pos))
		return gm_lex_fail(ps, code, pos,
						   "expected %s at character %zu, found whitespace",
						   what, gm_lex_char_number(ps, pos));
	return gm_lex_fail(ps, code, pos,
					   "expected %s at character %zu, found \"%s\"", what,
					   gm_lex_char_number(ps, pos),
					   gm_lex_quote_at(ps, pos, q));
}

/*
 * Check the whole input for invalid UTF-8 and control characters, and find
 * the text without its leading and trailing whitespace.
 */
bool
gm_lex_scan_text(GmParser *ps, size_t *start, size_t *end)
{
	size_t i = 0;
	bool   seen = false;

	*start = *end = 0;
	while (i < ps->len)
	{
		uint32_t c;
		int      n = gm_lex_utf8_decode(ps->s, i, ps->len, &c);

		if (n == 0)
			return gm_lex_fail(
				ps, GM_ERR_ENCODING, i,
				"invalid UTF-8 byte 0x%02x at character %zu, expected valid UTF-8",
				ps->s[i], gm_lex_char_number(ps, i));
		if (is_control_cp(c))
			return gm_lex_fail(
				ps, GM_ERR_CONTROL_CHAR, i,
				"unexpected control character U+%04X at character %zu",
				(unsigned int)c, gm_lex_char_number(ps, i));
		if (is_format_cp(c))
			return gm_lex_fail(
				ps, GM_ERR_CONTROL_CHAR, i,
				"unexpected invisible format character U+%04X at character %zu",
				(unsigned int)c, gm_lex_char_number(ps, i));
		if (!is_space_cp(c))
		{
			if (!seen)
				*start = i;
			seen = true;
			*end = i + n;
		}
		i += n;
	}
	return true;
}

/* Case-insensitive (ASCII) equality of a unit with a spelling */
bool
gm_lex_unit_equals_ci(const char *text, size_t len, const char *word)
{
	size_t k;

	if (len != strlen(word))
		return false;
	for (k = 0; k < len; k++)
	{
		char c = text[k];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != word[k])
			return false;
	}
	return true;
}

/* "%", "procent", "procents", "percent": a word that says percent */
bool
gm_lex_is_percent_word(const char *text, size_t len)
{
	return (len == 1 && text[0] == '%') ||
		   gm_lex_unit_equals_ci(text, len, "procent") ||
		   gm_lex_unit_equals_ci(text, len, "procents") ||
		   gm_lex_unit_equals_ci(text, len, "percent");
}

/*
 * A unit says percent at most once, and "%" only as a word of its own:
 * "% %", "procent %", "%%" and "%/år" are refused; "% per år" is a unit.
 * text holds the unit's words joined by one space.  The fast path uses
 * this too.
 */
bool
gm_lex_unit_percent_ok(const char *text, size_t len)
{
	size_t i = 0;
	bool   seen = false;

	while (i < len)
	{
		size_t j = i;
		bool   pct;

		while (j < len && text[j] != ' ')
			j++;
		pct = gm_lex_is_percent_word(text + i, j - i);
		if (pct ? seen : memchr(text + i, '%', j - i) != NULL)
			return false;
		seen = seen || pct;
		i = j + 1;
	}
	return true;
}
