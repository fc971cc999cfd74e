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
 *	 target   := simple | range | change | bare
 *	 simple   := COMPARATOR operand(before-unit allowed)
 *	 range    := ("mellan" | "between") operand ("och" | "and") operand
 *			   | number [unit] DASH number [unit]
 *	 change   := ["ska"] [DIRECTION] ("från" | "from") operand
 *				 ("till" | "to") operand
 *	 bare     := number [unit]
 *	 operand  := [unit] number [unit]
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
#include "target.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Non-ASCII code points the grammar gives a meaning */
#define CP_NBSP         0x00A0
#define CP_FIGURE_SPACE 0x2007
#define CP_THIN_SPACE   0x2009
#define CP_NARROW_NBSP  0x202F
#define CP_EN_DASH      0x2013
#define CP_EM_DASH      0x2014
#define CP_ARROW        0x2192
#define CP_MINUS        0x2212
#define CP_INFINITY     0x221E
#define CP_LE           0x2264
#define CP_GE           0x2265

/* Bytes of offending text quoted in an error message */
#define QUOTE_MAX 20

typedef struct GmParser
{
	const unsigned char *s;   /* the whole input */
	size_t               len; /* end of what is being parsed */
	GmError             *err;
} GmParser;

/* A unit being collected from the input, already normalised */
typedef struct GmUnitBuf
{
	char   text[GM_MAX_UNIT_LEN + 1];
	size_t len;
	size_t pos; /* byte offset of its first word */
	bool   present;
} GmUnitBuf;

/* One number with the units written around it */
typedef struct GmOperand
{
	GmDecimal num;
	size_t    num_pos;
	GmUnitBuf before;
	GmUnitBuf after;
} GmOperand;

typedef enum GmKeywordKind
{
	KW_COMPARATOR,
	KW_RANGE,
	KW_INCREASE,
	KW_DECREASE,
	KW_FROM
} GmKeywordKind;

typedef struct GmKeyword
{
	const char   *text; /* lower case; ' ' = one or more spaces */
	GmKeywordKind kind;
	GmComparator  cmp;
} GmKeyword;

/*
 * Every keyword that may start a target, lower case, in UTF-8 escapes so
 * that the source does not depend on the compiler's charset.  Matching
 * picks the longest one that matches, so the order here does not matter.
 */
static const GmKeyword keywords[] = {
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
};

#define lengthof(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------------
 * Characters
 * ---------------------------------------------------------------------
 */

/*
 * Decode the UTF-8 sequence at s[i] (i < n) strictly: no overlong forms,
 * no surrogates, nothing above U+10FFFF, no truncated sequence.  Returns
 * its length, or 0 when it is invalid.
 */
static int
utf8_decode(const unsigned char *s, size_t i, size_t n, uint32_t *cp)
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
 * Whitespace of the grammar, between words: ASCII whitespace and every
 * Unicode space separator (Zs: U+00A0, U+1680, U+2000..U+200A, U+202F,
 * U+205F, U+3000), plus the line and paragraph separators U+2028, U+2029.
 * Only some of them also separate digit groups: is_group_sep_cp().
 */
static bool
is_space_cp(uint32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	return c == CP_NBSP || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
		   c == 0x2028 || c == 0x2029 || c == CP_NARROW_NBSP || c == 0x205F ||
		   c == 0x3000;
}

/*
 * The thousands separators: a space, a no-break space, a figure space
 * (made for digit groups), a thin space and a narrow no-break space, the
 * ones typesetting uses between digit groups.  Other whitespace (tab,
 * newline, em space, ideographic space, ...) ends a number, and digits after
 * it are stray text, never part of the number.  Outcomes (gm_outcome_parse)
 * read numbers with the same rule.
 */
static bool
is_group_sep_cp(uint32_t c)
{
	return c == ' ' || c == CP_NBSP || c == CP_FIGURE_SPACE ||
		   c == CP_THIN_SPACE || c == CP_NARROW_NBSP;
}

/* Control characters: C0 other than whitespace, DEL and C1 */
static bool
is_control_cp(uint32_t c)
{
	return (c < 0x20 && !(c >= '\t' && c <= '\r')) || (c >= 0x7F && c <= 0x9F);
}

/*
 * Invisible format characters (general category Cf): soft hyphen,
 * zero-width spaces and joiners, direction marks, embeddings, overrides and
 * isolates, the byte order mark, and the rest.  Anywhere in a text they are
 * refused like control characters: kept in a unit they would make two
 * targets that look the same differ ("65 %" and "65 %" + U+200B), or show
 * a unit backwards ("5 " U+202E "nrab001" shows as "5 100barn").
 */
static bool
is_format_cp(uint32_t c)
{
	return c == 0x00AD || (c >= 0x0600 && c <= 0x0605) || c == 0x061C ||
		   c == 0x06DD || c == 0x070F || c == 0x0890 || c == 0x0891 ||
		   c == 0x08E2 || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
		   (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
		   (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF ||
		   (c >= 0xFFF9 && c <= 0xFFFB) || c == 0x110BD || c == 0x110CD ||
		   (c >= 0x13430 && c <= 0x1343F) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
		   (c >= 0x1D173 && c <= 0x1D17A) || c == 0xE0001 ||
		   (c >= 0xE0020 && c <= 0xE007F);
}

static bool
is_ascii_alpha(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_ascii_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/*
 * May the code point appear in a unit?  ASCII letters and digits, a few
 * punctuation marks, and any non-ASCII character except the ones the
 * grammar itself uses (whitespace, dashes, minus, ≥ ≤ → ∞).
 */
static bool
is_unit_cp(uint32_t c)
{
	if (c < 0x80)
		return is_ascii_alpha(c) || is_ascii_digit(c) || c == '%' ||
			   c == '/' || c == '.' || c == '-' || c == '(' || c == ')';
	return !is_control_cp(c) && !is_format_cp(c) && !is_space_cp(c) &&
		   c != CP_EN_DASH && c != CP_EM_DASH && c != CP_MINUS && c != CP_GE &&
		   c != CP_LE && c != CP_ARROW && c != CP_INFINITY;
}

/*
 * May a unit word start with the code point?  Not with what could start or
 * continue a number (digit, '.', '-') nor with a closing parenthesis.
 */
static bool
is_unit_start_cp(uint32_t c)
{
	return is_unit_cp(c) && !is_ascii_digit(c) && c != '.' && c != '-' &&
		   c != ')';
}

/*
 * Characters that continue a word, for the word boundary after a keyword:
 * "Minst5" and "Minska" do not start with the keyword "min".
 */
static bool
is_word_cp(uint32_t c)
{
	if (c < 0x80)
		return is_ascii_alpha(c) || is_ascii_digit(c);
	return is_unit_cp(c);
}

/* ---------------------------------------------------------------------
 * Scanning helpers; all of them stop at ps->len
 * ---------------------------------------------------------------------
 */

/* The code point at i and its length; 1 and U+0000 when not decodable */
static size_t
char_at(const GmParser *ps, size_t i, uint32_t *cp)
{
	int n;

	if (i >= ps->len)
	{
		*cp = 0;
		return 0;
	}
	n = utf8_decode(ps->s, i, ps->len, cp);
	if (n == 0)
	{
		*cp = 0;
		return 1;
	}
	return (size_t)n;
}

static bool
space_at(const GmParser *ps, size_t i)
{
	uint32_t c;

	return char_at(ps, i, &c) > 0 && is_space_cp(c);
}

static size_t
skip_space(const GmParser *ps, size_t i)
{
	uint32_t c;
	size_t   n;

	while ((n = char_at(ps, i, &c)) > 0 && is_space_cp(c))
		i += n;
	return i;
}

static bool
digit_at(const GmParser *ps, size_t i)
{
	return i < ps->len && is_ascii_digit(ps->s[i]);
}

static bool
decimal_sep_at(const GmParser *ps, size_t i)
{
	return i < ps->len && (ps->s[i] == ',' || ps->s[i] == '.');
}

/* Length of a sign (+, -, U+2212) at i, else 0 */
static size_t
sign_len_at(const GmParser *ps, size_t i)
{
	uint32_t c;
	size_t   n = char_at(ps, i, &c);

	return (n > 0 && (c == '+' || c == '-' || c == CP_MINUS)) ? n : 0;
}

/* Length of a range dash (hyphen, en dash, em dash) at i, else 0 */
static size_t
dash_len_at(const GmParser *ps, size_t i)
{
	uint32_t c;
	size_t   n = char_at(ps, i, &c);

	return (n > 0 && (c == '-' || c == CP_EN_DASH || c == CP_EM_DASH)) ? n : 0;
}

/* Length of a thousands separator at i, else 0 (see is_group_sep_cp) */
static size_t
group_sep_len_at(const GmParser *ps, size_t i)
{
	uint32_t c;
	size_t   n = char_at(ps, i, &c);

	return (n > 0 && is_group_sep_cp(c)) ? n : 0;
}

/*
 * Match one of å ä ö (second UTF-8 byte lo2 after 0xC3) at i, in either
 * case, precomposed or as a letter and a combining ring / diaeresis (text
 * copied from some PDF readers is decomposed).  Returns the bytes matched.
 */
static size_t
match_swedish_letter(const GmParser *ps, size_t i, unsigned char lo2)
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
static size_t
match_keyword(const GmParser *ps, size_t i, const char *kw)
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
			size_t n = match_swedish_letter(ps, i, k[1]);

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
static bool
word_is(const GmParser *ps, size_t i, size_t w, const char *kw)
{
	return kw != NULL && w == strlen(kw) && match_keyword(ps, i, kw) == i + w;
}

/* The longest keyword at i, or NULL; *end receives the offset after it */
static const GmKeyword *
match_any_keyword(const GmParser *ps, size_t i, size_t *end)
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
	for (k = 0; k < lengthof(keywords); k++)
	{
		size_t        m;
		unsigned char kf = (unsigned char)keywords[k].text[0];

		if (kf != first && !(kf == 0xC3 && (first == 'a' || first == 'o')))
			continue;
		m = match_keyword(ps, i, keywords[k].text);

		if (m > best_end)
		{
			best = &keywords[k];
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
static size_t
nan_inf_len_at(const GmParser *ps, size_t i)
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
		size_t m = match_keyword(ps, j, words[k]);

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
static size_t
unit_word_len(const GmParser *ps, size_t i)
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

/* ---------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------
 */

/* 1-based character number of byte offset pos, for messages */
static size_t
char_number(const GmParser *ps, size_t pos)
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
static const char *
quote_bytes(const unsigned char *s, size_t n, char *out)
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
static const char *
quote_at(const GmParser *ps, size_t i, char *out)
{
	size_t   j = i;
	uint32_t c;
	size_t   n;

	while ((n = char_at(ps, j, &c)) > 0 && !is_space_cp(c))
		j += n;
	return quote_bytes(ps->s + i, j - i, out);
}

#if defined(__GNUC__) || defined(__clang__)
static bool fail(GmParser *ps, GmErrorCode code, size_t pos, const char *fmt,
				 ...) __attribute__((format(printf, 4, 5)));
#endif

/*
 * Record an error and return false.  The format is printf-style; callers
 * pass char_number() themselves so that each message reads naturally.
 */
static bool
fail(GmParser *ps, GmErrorCode code, size_t pos, const char *fmt, ...)
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
static bool
fail_expected(GmParser *ps, GmErrorCode code, size_t pos, const char *what)
{
	char q[QUOTE_MAX + 4];

	if (pos >= ps->len)
		return fail(ps, code, pos, "expected %s at character %zu", what,
					char_number(ps, pos));
	if (space_at(ps, pos))
		return fail(ps, code, pos,
					"expected %s at character %zu, found whitespace", what,
					char_number(ps, pos));
	return fail(ps, code, pos, "expected %s at character %zu, found \"%s\"",
				what, char_number(ps, pos), quote_at(ps, pos, q));
}

/*
 * Check the whole input for invalid UTF-8 and control characters, and find
 * the text without its leading and trailing whitespace.
 */
static bool
scan_text(GmParser *ps, size_t *start, size_t *end)
{
	size_t i = 0;
	bool   seen = false;

	*start = *end = 0;
	while (i < ps->len)
	{
		uint32_t c;
		int      n = utf8_decode(ps->s, i, ps->len, &c);

		if (n == 0)
			return fail(
				ps, GM_ERR_ENCODING, i,
				"invalid UTF-8 byte 0x%02x at character %zu, expected valid UTF-8",
				ps->s[i], char_number(ps, i));
		if (is_control_cp(c))
			return fail(ps, GM_ERR_CONTROL_CHAR, i,
						"unexpected control character U+%04X at character %zu",
						(unsigned int)c, char_number(ps, i));
		if (is_format_cp(c))
			return fail(
				ps, GM_ERR_CONTROL_CHAR, i,
				"unexpected invisible format character U+%04X at character %zu",
				(unsigned int)c, char_number(ps, i));
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

/* ---------------------------------------------------------------------
 * Numbers
 * ---------------------------------------------------------------------
 */

/* NaN or infinity where a number belongs */
static bool
fail_nan_inf(GmParser *ps, size_t pos)
{
	return fail(ps, GM_ERR_NAN_INF, pos,
				"expected a finite number at character %zu, found \"%.*s\"",
				char_number(ps, pos), (int)nan_inf_len_at(ps, pos),
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
		return fail_expected(ps, GM_ERR_MISSING_NUMBER, start, "a number");
	if (sign_len > 0)
	{
		negative = ps->s[i] != '+';
		i += sign_len;
	}
	if (!digit_at(ps, i))
	{
		if (nan_inf_len_at(ps, start) > 0)
			return fail_nan_inf(ps, start);
		if (decimal_sep_at(ps, i) && digit_at(ps, i + 1))
			return fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"expected a digit before the decimal separator at character %zu",
				char_number(ps, i));
		if (sign_len > 0)
			return fail_expected(ps, GM_ERR_BAD_NUMBER, i,
								 "a digit after the sign");
		return fail_expected(ps, GM_ERR_MISSING_NUMBER, start, "a number");
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
			return fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"expected a thousands separator only after a group of 1 to 3 digits at character %zu",
				char_number(ps, i));
		run = 0;
		i = group;
		while (digit_at(ps, i))
		{
			add_digit(&acc, ps->s[i] - '0');
			i++;
			run++;
		}
		if (run != 3)
			return fail(
				ps, GM_ERR_BAD_NUMBER, group,
				"expected three digits after the thousands separator at character %zu",
				char_number(ps, group));
	}

	/* decimals */
	if (decimal_sep_at(ps, i))
	{
		if (!digit_at(ps, i + 1))
			return fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"expected a digit after the decimal separator at character %zu",
				char_number(ps, i));
		i++;
		while (digit_at(ps, i))
		{
			add_digit(&acc, ps->s[i] - '0');
			scale++;
			i++;
		}
		if (decimal_sep_at(ps, i))
			return fail(ps, GM_ERR_BAD_NUMBER, i,
						"unexpected second decimal separator at character %zu",
						char_number(ps, i));
		if ((n = group_sep_len_at(ps, i)) > 0 && digit_at(ps, i + n))
			return fail(
				ps, GM_ERR_BAD_NUMBER, i,
				"unexpected thousands separator in the decimals at character %zu",
				char_number(ps, i));
	}

	/* "1e5", "6,5E-3": refuse rather than read "e5" as a unit */
	if (i < ps->len && (ps->s[i] == 'e' || ps->s[i] == 'E'))
	{
		size_t j = i + 1;

		j += sign_len_at(ps, j);
		if (digit_at(ps, j))
			return fail(
				ps, GM_ERR_SCIENTIFIC, i,
				"expected a plain decimal number at character %zu, found scientific notation",
				char_number(ps, i));
	}

	if (scale > GM_MAX_SCALE)
		return fail(ps, GM_ERR_SCALE, start,
					"expected at most %d decimals at character %zu, found %d",
					GM_MAX_SCALE, char_number(ps, start), scale);
	if (acc.sig > GM_MAX_DIGITS)
		return fail(
			ps, GM_ERR_TOO_MANY_DIGITS, start,
			"expected at most %d significant digits at character %zu, found %d",
			GM_MAX_DIGITS, char_number(ps, start), acc.sig);

	out->coef = negative ? -acc.coef : acc.coef; /* -0 is 0 */
	out->scale = (uint8_t)scale;
	*pi = i;
	return true;
}

/* ---------------------------------------------------------------------
 * Units
 * ---------------------------------------------------------------------
 */

/* Append the word s[i..i+n) to u, joined by one space */
static bool
unit_append(GmParser *ps, GmUnitBuf *u, size_t i, size_t n)
{
	size_t need = u->len + (u->present ? 1 : 0) + n;

	if (!u->present)
		u->pos = i;
	if (need > GM_MAX_UNIT_LEN)
		return fail(ps, GM_ERR_UNIT_TOO_LONG, u->pos,
					"expected a unit of at most %d bytes at character %zu",
					GM_MAX_UNIT_LEN, char_number(ps, u->pos));
	if (u->present)
		u->text[u->len++] = ' ';
	memcpy(u->text + u->len, ps->s + i, n);
	u->len += n;
	u->text[u->len] = '\0';
	u->present = true;
	return true;
}

/* Case-insensitive (ASCII) equality of a unit with a spelling */
static bool
unit_equals_ci(const char *text, size_t len, const char *word)
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

/* "procent", "Percent", "%" all become "%" */
static void
unit_normalise_percent(GmUnitBuf *u)
{
	if (u->present && (unit_equals_ci(u->text, u->len, "procent") ||
					   unit_equals_ci(u->text, u->len, "percent")))
	{
		strcpy(u->text, "%");
		u->len = 1;
	}
}

/*
 * A unit says percent at most once, and "%" only as a word of its own:
 * "% %", "procent %", "%%" and "%/år" are refused; "% per år" is a unit.
 * text holds the unit's words joined by one space.  The fast path uses
 * this too.
 */
static bool
unit_percent_ok(const char *text, size_t len)
{
	size_t i = 0;
	bool   seen = false;

	while (i < len)
	{
		size_t j = i;
		bool   pct;

		while (j < len && text[j] != ' ')
			j++;
		pct = (j - i == 1 && text[i] == '%') ||
			  unit_equals_ci(text + i, j - i, "procent") ||
			  unit_equals_ci(text + i, j - i, "percent");
		if (pct ? seen : memchr(text + i, '%', j - i) != NULL)
			return false;
		seen = seen || pct;
		i = j + 1;
	}
	return true;
}

/* unit_percent_ok() for a collected unit, as an error */
static bool
check_unit_percent(GmParser *ps, const GmUnitBuf *u)
{
	char q[QUOTE_MAX + 4];

	if (!u->present || unit_percent_ok(u->text, u->len))
		return true;
	return fail(
		ps, GM_ERR_BAD_UNIT, u->pos,
		"expected \"%%\" once and as a word of its own in the unit at character %zu, found \"%s\"",
		char_number(ps, u->pos),
		quote_bytes((const unsigned char *)u->text, u->len, q));
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
	const GmKeyword *kw = match_any_keyword(ps, i, &m);

	return (kw != NULL && kw->kind == KW_COMPARATOR) ? m - i : 0;
}

/* A comparator keyword where a unit before the number or the number belongs */
static bool
fail_second_comparator(GmParser *ps, size_t pos, size_t n)
{
	char q[QUOTE_MAX + 4];

	return fail(
		ps, GM_ERR_UNKNOWN_COMPARATOR, pos,
		"expected a unit or a number at character %zu, found the comparator \"%s\" (a target has one comparator)",
		char_number(ps, pos), quote_bytes(ps->s + pos, n, q));
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

		if (nan_inf_len_at(ps, j) > 0)
			return fail_nan_inf(ps, j);
		w = unit_word_len(ps, j);
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
 * of the keywords stop1 / stop2 ("och" in a range, "till" in a change).
 * The first word may be glued to the number ("65%").
 */
static bool
scan_unit_after(GmParser *ps, size_t *pi, const char *stop1, const char *stop2,
				GmUnitBuf *u)
{
	size_t i = *pi;

	for (;;)
	{
		size_t j = skip_space(ps, i);
		size_t w = unit_word_len(ps, j);

		if (w == 0 || word_is(ps, j, w, stop1) || word_is(ps, j, w, stop2))
			break;
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
parse_operand(GmParser *ps, size_t *pi, bool allow_before, const char *stop1,
			  const char *stop2, GmOperand *op)
{
	size_t i = *pi;

	memset(op, 0, sizeof(*op));
	if (allow_before && !scan_unit_before(ps, &i, &op->before))
		return false;
	i = skip_space(ps, i);
	op->num_pos = i;
	if (!parse_number(ps, &i, &op->num))
		return false;
	if (!scan_unit_after(ps, &i, stop1, stop2, &op->after))
		return false;
	if (op->before.present && op->after.present)
	{
		char q1[QUOTE_MAX + 4];
		char q2[QUOTE_MAX + 4];

		return fail(
			ps, GM_ERR_UNIT_MISMATCH, op->after.pos,
			"expected no unit after the number at character %zu, found \"%s\" (the unit \"%s\" is written before it)",
			char_number(ps, op->after.pos),
			quote_bytes((const unsigned char *)op->after.text, op->after.len,
						q1),
			quote_bytes((const unsigned char *)op->before.text, op->before.len,
						q2));
	}
	if (!check_unit_percent(ps, &op->before) ||
		!check_unit_percent(ps, &op->after))
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
		return fail(
			ps, GM_ERR_UNIT_MISMATCH, b->after.pos,
			"expected no unit after the number at character %zu, found \"%s\" (the unit \"%s\" is written before the first number)",
			char_number(ps, b->after.pos),
			quote_bytes((const unsigned char *)b->after.text, b->after.len,
						q1),
			quote_bytes((const unsigned char *)a->before.text, a->before.len,
						q2));
	if (a->after.present && b->after.present &&
		(a->after.len != b->after.len ||
		 memcmp(a->after.text, b->after.text, a->after.len) != 0))
		return fail(ps, GM_ERR_UNIT_MISMATCH, b->after.pos,
					"expected the unit \"%s\" at character %zu, found \"%s\"",
					quote_bytes((const unsigned char *)a->after.text,
								a->after.len, q1),
					char_number(ps, b->after.pos),
					quote_bytes((const unsigned char *)b->after.text,
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
		return fail(ps, GM_ERR_STRAY_TEXT, i,
					"unexpected text \"%s\" at character %zu",
					quote_at(ps, i, q), char_number(ps, i));
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
	size_t m = match_keyword(ps, j, sv);
	char   what[64];

	if (m == 0)
		m = match_keyword(ps, j, en);
	if (m == 0)
	{
		snprintf(what, sizeof(what), "\"%s\" or \"%s\"", sv, en);
		return fail_expected(ps,
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
 * The rest of a range after its lower bound and joiner ("och", "and", a
 * dash): the upper bound at i, units agreeing, bounds in order.
 */
static bool
parse_range_end(GmParser *ps, size_t i, const GmOperand *low, GmTarget *t)
{
	GmOperand high;

	if (!parse_operand(ps, &i, false, NULL, NULL, &high))
		return false;
	if (!combine_units(ps, low, &high, t))
		return false;
	if (gm_decimal_cmp(low->num, high.num) > 0)
		return fail(
			ps, GM_ERR_RANGE_ORDER, high.num_pos,
			"expected an upper bound not below the lower bound at character %zu",
			char_number(ps, high.num_pos));
	t->cmp = GM_BETWEEN;
	t->value = low->num;
	t->upper = high.num;
	return expect_end(ps, i);
}

/* "Mellan 95 och 105 %", "between index 1 and 2" */
static bool
parse_range_words(GmParser *ps, size_t i, GmTarget *t)
{
	GmOperand low;

	if (!parse_operand(ps, &i, true, "och", "and", &low))
		return false;
	if (!expect_joiner(ps, &i, "och", "and"))
		return false;
	return parse_range_end(ps, i, &low, t);
}

/* "[ska] [öka|minska|...] från 70 % till 75 %" from the keyword on */
static bool
parse_change(GmParser *ps, size_t i, const GmKeyword *kw, GmTarget *t)
{
	GmOperand base;
	GmOperand goal;
	int       order;

	if (kw->kind != KW_FROM)
	{
		size_t m = match_keyword(ps, i, "fr\xc3\xa5n");

		if (m == 0)
			m = match_keyword(ps, i, "from");
		if (m == 0)
			return fail_expected(ps, GM_ERR_UNKNOWN_COMPARATOR, i,
								 "\"fr\xc3\xa5n\" or \"from\"");
		i = skip_space(ps, m);
	}
	if (!parse_operand(ps, &i, true, "till", "to", &base))
		return false;
	if (!expect_joiner(ps, &i, "till", "to"))
		return false;
	if (!parse_operand(ps, &i, false, NULL, NULL, &goal))
		return false;
	if (!combine_units(ps, &base, &goal, t))
		return false;

	order = gm_decimal_cmp(goal.num, base.num);
	if (kw->kind == KW_INCREASE && order <= 0)
		return fail(
			ps, GM_ERR_DIRECTION, goal.num_pos,
			"expected a value above the baseline for an increase at character %zu",
			char_number(ps, goal.num_pos));
	if (kw->kind == KW_DECREASE && order >= 0)
		return fail(
			ps, GM_ERR_DIRECTION, goal.num_pos,
			"expected a value below the baseline for a decrease at character %zu",
			char_number(ps, goal.num_pos));
	if (order == 0)
		return fail(
			ps, GM_ERR_DIRECTION, goal.num_pos,
			"expected a value different from the baseline at character %zu",
			char_number(ps, goal.num_pos));
	t->cmp = order > 0 ? GM_AT_LEAST : GM_AT_MOST;
	t->has_baseline = true;
	t->baseline = base.num;
	t->value = goal.num;
	return expect_end(ps, i);
}

/* A target that starts with a number: bare ("100 %") or "95–105 %" */
static bool
parse_number_first(GmParser *ps, size_t i, GmTarget *t)
{
	GmOperand low;
	size_t    j;
	size_t    dash;

	if (!parse_operand(ps, &i, false, NULL, NULL, &low))
		return false;
	j = skip_space(ps, i);
	dash = dash_len_at(ps, j);
	if (dash == 0)
	{
		t->cmp = GM_AT_LEAST;
		t->bare = true;
		t->value = low.num;
		store_unit(t, &low.after, GM_UNIT_AFTER);
		return expect_end(ps, i);
	}

	i = skip_space(ps, j + dash);
	return parse_range_end(ps, i, &low, t);
}

/* The whole (trimmed, valid) text from i */
static bool
parse_target(GmParser *ps, size_t i, GmTarget *t)
{
	const GmKeyword *kw;
	size_t           m;

	m = match_keyword(ps, i, "ska");
	if (m > 0)
	{
		i = skip_space(ps, m);
		kw = match_any_keyword(ps, i, &m);
		if (kw == NULL || (kw->kind != KW_INCREASE &&
						   kw->kind != KW_DECREASE && kw->kind != KW_FROM))
			return fail_expected(
				ps, GM_ERR_UNKNOWN_COMPARATOR, i,
				"\"\xc3\xb6ka\", \"minska\" or \"fr\xc3\xa5n\" after \"ska\"");
	}
	else
		kw = match_any_keyword(ps, i, &m);

	if (kw != NULL)
	{
		GmOperand op;

		switch (kw->kind)
		{
			case KW_COMPARATOR:
				i = m;
				if (!parse_operand(ps, &i, true, NULL, NULL, &op))
					return false;
				t->cmp = kw->cmp;
				t->value = op.num;
				store_unit(t, &op.before, GM_UNIT_BEFORE);
				store_unit(t, &op.after, GM_UNIT_AFTER);
				return expect_end(ps, i);
			case KW_RANGE:
				return parse_range_words(ps, m, t);
			case KW_INCREASE:
			case KW_DECREASE:
			case KW_FROM:
				return parse_change(ps, skip_space(ps, m), kw, t);
		}
	}

	/* no keyword: a number must come first */
	if (nan_inf_len_at(ps, i) > 0 || digit_at(ps, i) ||
		sign_len_at(ps, i) > 0 ||
		(decimal_sep_at(ps, i) && digit_at(ps, i + 1)))
		return parse_number_first(ps, i, t);
	return fail_expected(ps, GM_ERR_UNKNOWN_COMPARATOR, i,
						 "a comparator or a number");
}

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
 * The comparator a folded word spells (the single-word ones of keywords[]),
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
	if (!unit_percent_ok(unit, n))
		return false;
	/* "procent", "Percent" become "%" */
	if (n == 7 && (unit_equals_ci(unit, n, "procent") ||
				   unit_equals_ci(unit, n, "percent")))
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
			if (nan_inf_len_at(&ps, i) > 0 ||
				match_any_keyword(&ps, i, &m) != NULL)
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
	return true;
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
	if (input == NULL)
		len = 0;

	ps.s = (const unsigned char *)input;
	ps.len = len;
	ps.err = err;
	if (!scan_text(&ps, &start, &end))
		return false;
	if (start >= end)
		return fail(
			&ps, GM_ERR_EMPTY, 0,
			"expected a comparator or a number at character 1, found %s",
			len == 0 ? "an empty string" : "only whitespace");

	ps.len = end;
	memset(&t, 0, sizeof(t));
	if (!parse_target(&ps, start, &t))
		return false;
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
	if (!scan_text(&ps, &start, &end))
		return false;
	ps.len = end;

	memset(&u, 0, sizeof(u));
	i = start;
	while ((i = skip_space(&ps, i)) < ps.len)
	{
		size_t w;

		if (pos == GM_UNIT_BEFORE && nan_inf_len_at(&ps, i) > 0)
			return fail(
				&ps, GM_ERR_NAN_INF, i,
				"expected a unit word at character %zu, found \"%s\", which reads as a number before the number",
				char_number(&ps, i), quote_at(&ps, i, q));
		w = unit_word_len(&ps, i);
		if (w == 0)
			return fail(&ps, GM_ERR_STRAY_TEXT, i,
						"unexpected text \"%s\" in the unit at character %zu",
						quote_at(&ps, i, q), char_number(&ps, i));
		if (pos == GM_UNIT_BEFORE && comparator_len_at(&ps, i) > 0)
			return fail(
				&ps, GM_ERR_UNKNOWN_COMPARATOR, i,
				"expected a unit word at character %zu, found \"%s\", which reads as a comparator before the number",
				char_number(&ps, i),
				quote_bytes(ps.s + i, comparator_len_at(&ps, i), q));
		if (!unit_append(&ps, &u, i, w))
			return false;
		i += w;
		if (i < ps.len && !space_at(&ps, i))
			return fail(&ps, GM_ERR_STRAY_TEXT, i,
						"unexpected text \"%s\" in the unit at character %zu",
						quote_at(&ps, i, q), char_number(&ps, i));
	}

	if (u.present && pos != GM_UNIT_BEFORE && pos != GM_UNIT_AFTER)
		return fail(
			&ps, GM_ERR_BINARY, 0,
			"expected the unit position before or after for the unit \"%s\"",
			quote_bytes((const unsigned char *)u.text, u.len, q));

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
	GmError   local;
	GmParser  ps;
	GmDecimal d;
	GmUnitBuf u;
	size_t    start;
	size_t    end;
	size_t    i;
	size_t    n;

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
	if (!scan_text(&ps, &start, &end))
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
	if (!scan_unit_after(&ps, &i, NULL, NULL, &u) ||
		!check_unit_percent(&ps, &u) || !expect_end(&ps, i))
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
		int      k = utf8_decode(s, i, len, &c);

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
