/*-------------------------------------------------------------------------
 *
 * target_lex.h
 *	  The lexer of the target grammar, private to the pure target code:
 *	  characters, keywords, scanning helpers and error reporting shared
 *	  by the general parser (target_parse.c) and the fast path
 *	  (target_fast.c).
 *
 * Pure C99 like target.h.  The small helpers are inline: the parser calls
 * them for every character.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_TARGET_LEX_H
#define GOALMETRICS_TARGET_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "target.h"

#include "visibility.h"

GM_INTERNAL_BEGIN

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
	/*
	 * The error is no unknown word where a target may start, so the rest
	 * of the text is no suggestion ("Öka med 5 %" is not "5 %").  Only
	 * gm_target_parse_general reads it.
	 */
	bool no_suggestion;
} GmParser;

typedef enum GmKeywordKind
{
	KW_COMPARATOR,
	KW_RANGE,
	KW_INCREASE,
	KW_DECREASE,
	KW_FROM,
	KW_MAINTAIN, /* "bibehålla", "oförändrad", "maintain" */
	KW_IMPROVE,  /* "förbättras", "improve" */
	KW_MODAL,    /* "ska", "skall", "bör", "should", "shall", "must" */
	KW_FILLER    /* "vara", "uppgå till", "be", "amount to" */
} GmKeywordKind;

typedef struct GmKeyword
{
	const char   *text; /* lower case; ' ' = one or more spaces */
	GmKeywordKind kind;
	GmComparator  cmp;
} GmKeyword;

#define lengthof(a) (sizeof(a) / sizeof((a)[0]))

/* Every keyword that may start a target (target_lex.c) */
extern const GmKeyword gm_keywords[];
extern const size_t    gm_nkeywords;

extern int    gm_lex_utf8_decode(const unsigned char *s, size_t i, size_t n,
								 uint32_t *cp);
extern size_t gm_lex_match_swedish_letter(const GmParser *ps, size_t i,
										  unsigned char lo2);
extern size_t gm_lex_match_keyword(const GmParser *ps, size_t i,
								   const char *kw);
extern bool   gm_lex_word_is(const GmParser *ps, size_t i, size_t w,
							 const char *kw);
extern const GmKeyword *gm_lex_match_any_keyword(const GmParser *ps, size_t i,
												 size_t *end);
extern size_t           gm_lex_nan_inf_len_at(const GmParser *ps, size_t i);
extern size_t           gm_lex_unit_word_len(const GmParser *ps, size_t i);
extern size_t           gm_lex_char_number(const GmParser *ps, size_t pos);
extern const char      *gm_lex_quote_bytes(const unsigned char *s, size_t n,
										   char *out);
extern const char *gm_lex_quote_at(const GmParser *ps, size_t i, char *out);
extern bool        gm_lex_fail(GmParser *ps, GmErrorCode code, size_t pos,
							   const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 4, 5)))
#endif
	;
extern bool gm_lex_fail_expected(GmParser *ps, GmErrorCode code, size_t pos,
								 const char *what);
extern bool gm_lex_scan_text(GmParser *ps, size_t *start, size_t *end);
extern bool gm_lex_unit_equals_ci(const char *text, size_t len,
								  const char *word);
extern bool gm_lex_unit_percent_ok(const char *text, size_t len);
extern bool gm_lex_is_percent_word(const char *text, size_t len);

/* A unit or qualifier being collected from the input, already normalised */
typedef struct GmUnitBuf
{
	char   text[GM_MAX_QUALIFIER_LEN + 1]; /* a unit or a qualifier */
	size_t len;
	size_t pos; /* byte offset of its first word */
	bool   present;
} GmUnitBuf;

/* Prose and years (target_prose.c) */

/* Where a year may stand, for gm_lex_year_at */
#define GM_YEAR_BARE 0x01 /* a bare "2019" (after a unit) */
#define GM_YEAR_TILL 0x02 /* "till 2019", "to 2019" (not before "till") */

extern size_t gm_lex_year_at(const GmParser *ps, size_t i, int flags,
							 int *year);
extern size_t gm_lex_filler_end(const GmParser *ps, size_t i);
extern size_t gm_lex_skip_fillers(const GmParser *ps, size_t i);
extern size_t gm_lex_skip_prose_prefix(const GmParser *ps, size_t i,
									   bool *prose);
extern bool   gm_lex_qualifier_word(const GmParser *ps, size_t i, size_t w);
extern bool   gm_lex_buf_append(GmParser *ps, GmUnitBuf *u, size_t i, size_t n,
								size_t max, const char *what);
extern bool   gm_lex_unit_ends_in_percent(const GmUnitBuf *u);
extern bool   gm_lex_check_qualifier(GmParser *ps, const GmUnitBuf *q);

/*
 * Whitespace of the grammar, between words: ASCII whitespace and every
 * Unicode space separator (Zs: U+00A0, U+1680, U+2000..U+200A, U+202F,
 * U+205F, U+3000), plus the line and paragraph separators U+2028, U+2029.
 * Only some of them also separate digit groups: is_group_sep_cp().
 */
static inline bool
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
static inline bool
is_group_sep_cp(uint32_t c)
{
	return c == ' ' || c == CP_NBSP || c == CP_FIGURE_SPACE ||
		   c == CP_THIN_SPACE || c == CP_NARROW_NBSP;
}

/* Control characters: C0 other than whitespace, DEL and C1 */
static inline bool
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
static inline bool
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

static inline bool
is_ascii_alpha(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool
is_ascii_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/*
 * May the code point appear in a unit?  ASCII letters and digits, a few
 * punctuation marks, and any non-ASCII character except the ones the
 * grammar itself uses (whitespace, dashes, minus, ≥ ≤ → ∞).
 */
static inline bool
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
static inline bool
is_unit_start_cp(uint32_t c)
{
	return is_unit_cp(c) && !is_ascii_digit(c) && c != '.' && c != '-' &&
		   c != ')';
}

/*
 * Characters that continue a word, for the word boundary after a keyword:
 * "Minst5" and "Minska" do not start with the keyword "min".
 */
static inline bool
is_word_cp(uint32_t c)
{
	if (c < 0x80)
		return is_ascii_alpha(c) || is_ascii_digit(c);
	return is_unit_cp(c);
}

/* The code point at i and its length; 1 and U+0000 when not decodable */
static inline size_t
char_at(const GmParser *ps, size_t i, uint32_t *cp)
{
	int n;

	if (i >= ps->len)
	{
		*cp = 0;
		return 0;
	}
	n = gm_lex_utf8_decode(ps->s, i, ps->len, cp);
	if (n == 0)
	{
		*cp = 0;
		return 1;
	}
	return (size_t)n;
}

static inline bool
space_at(const GmParser *ps, size_t i)
{
	uint32_t c;

	return char_at(ps, i, &c) > 0 && is_space_cp(c);
}

static inline size_t
skip_space(const GmParser *ps, size_t i)
{
	uint32_t c;
	size_t   n;

	while ((n = char_at(ps, i, &c)) > 0 && is_space_cp(c))
		i += n;
	return i;
}

static inline bool
digit_at(const GmParser *ps, size_t i)
{
	return i < ps->len && is_ascii_digit(ps->s[i]);
}

static inline bool
decimal_sep_at(const GmParser *ps, size_t i)
{
	return i < ps->len && (ps->s[i] == ',' || ps->s[i] == '.');
}

/* Length of a sign (+, -, U+2212) at i, else 0 */
static inline size_t
sign_len_at(const GmParser *ps, size_t i)
{
	uint32_t c;
	size_t   n = char_at(ps, i, &c);

	return (n > 0 && (c == '+' || c == '-' || c == CP_MINUS)) ? n : 0;
}

/* Length of a range dash (hyphen, en dash, em dash) at i, else 0 */
static inline size_t
dash_len_at(const GmParser *ps, size_t i)
{
	uint32_t c;
	size_t   n = char_at(ps, i, &c);

	return (n > 0 && (c == '-' || c == CP_EN_DASH || c == CP_EM_DASH)) ? n : 0;
}

/* Length of a thousands separator at i, else 0 (see is_group_sep_cp) */
static inline size_t
group_sep_len_at(const GmParser *ps, size_t i)
{
	uint32_t c;
	size_t   n = char_at(ps, i, &c);

	return (n > 0 && is_group_sep_cp(c)) ? n : 0;
}

GM_INTERNAL_END

#endif /* GOALMETRICS_TARGET_LEX_H */
