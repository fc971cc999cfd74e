/*-------------------------------------------------------------------------
 *
 * target_format.c
 *	  GmTarget to text in one of three styles.
 *
 *	  swedish (canonical): "Minst 65 %", "Högst 2 100 barn", "Minst index 79",
 *		"Mellan 95 och 105 %", "Öka från 70 % till 75 %", "100 %"
 *	  english: "at least 65 %", "between 95 and 105 %",
 *		"increase from 70 % to 75 %", "reduce from 40 to 32 dagar"
 *	  symbolic (ASCII apart from the unit, which is data): ">= 65 %",
 *		"95-105 %", "-5--3", "from 70 % to 75 %", ">= index 79"
 *
 * The output depends on nothing but the value (no locale, no setting), and
 * parsing it gives the same target back, including bare, has_baseline and
 * unit_pos.  Two cases need care for that:
 *	- a range with the unit before the numbers has no symbolic form ("index
 *	  95-105" would start with a word), so the symbolic style writes it as
 *	  "between index 95 and 105";
 *	- a change target prints "%" after both numbers ("Öka från 70 % till
 *	  75 %": a percentage reads as one token) but any other unit written
 *	  after the numbers once, at the end ("Minska från 40 till 32 dagar").
 *	  The parser reads both forms, and a unit with a word "till" or "to"
 *	  in it could not stand after the first number anyway.
 *
 *-------------------------------------------------------------------------
 */
#include "target.h"

#include <string.h>

static bool word_is(const char *s, size_t n, const char *word);

/* An output buffer that counts what would be written, like snprintf */
typedef struct GmOut
{
	char  *buf;
	size_t size;
	size_t len;
} GmOut;

/* The words of one style */
typedef struct GmStyleWords
{
	const char *comparator[GM_EXACTLY + 1];
	const char *between; /* NULL: "low-high" */
	const char *and_word;
	const char *increase; /* NULL: no direction word */
	const char *decrease;
	const char *from;
	const char *to;
	char        decimal_sep;
	const char *direction[4]; /* increase, decrease, maintain, improve */
	const char *year;         /* before a year: "år 2019", "in 2019" */
} GmStyleWords;

static const GmStyleWords style_words[] = {
	/* GM_STYLE_SWEDISH: Minst, Högst, Över, Under, Exakt; Öka, från */
	{ { "Minst", "H\xc3\xb6gst", "\xc3\x96ver", "Under", "Exakt" },
	  "Mellan",
	  "och",
	  "\xc3\x96ka",
	  "Minska",
	  "fr\xc3\xa5n",
	  "till",
	  ',',
	  { "\xc3\x96ka", "Minska", "Bibeh\xc3\xa5lla",
		"F\xc3\xb6rb\xc3\xa4ttra" },
	  "\xc3\xa5r" },
	/* GM_STYLE_ENGLISH */
	{ { "at least", "at most", "above", "below", "exactly" },
	  "between",
	  "and",
	  "increase",
	  "reduce",
	  "from",
	  "to",
	  '.',
	  { "increase", "decrease", "maintain", "improve" },
	  "in" },
	/* GM_STYLE_SYMBOLIC */
	{ { ">=", "<=", ">", "<", "=" },
	  NULL,
	  NULL,
	  NULL,
	  NULL,
	  "from",
	  "to",
	  '.',
	  { "increase", "decrease", "maintain", "improve" },
	  "in" },
};

static void
out_char(GmOut *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void
out_mem(GmOut *o, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		out_char(o, s[k]);
}

static void
out_str(GmOut *o, const char *s)
{
	out_mem(o, s, strlen(s));
}

/* A unit written after a number, or "%": one space, then the unit */
static void
out_unit(GmOut *o, const GmTarget *t, size_t unit_len)
{
	out_char(o, ' ');
	out_mem(o, t->unit, unit_len);
}

/*
 * Does what was written so far end with a word that, before "år 2019",
 * would read as part of the year ("till år 2019", "senast år 2019"; a
 * unit or qualifier may end with such a word: "2 till till 2090")?
 */
static bool
ends_with_year_lead(const GmOut *o)
{
	size_t end = o->len;
	size_t start;

	if (end >= o->size)
		return false; /* truncated: nothing will be parsed back */
	start = end;
	while (start > 0 && o->buf[start - 1] != ' ')
		start--;
	return word_is(o->buf + start, end - start, "till") ||
		   word_is(o->buf + start, end - start, "senast");
}

/*
 * " år 2019": a year after a value, when there is one; " (2019)" after a
 * word that would take "år 2019" into a year of its own.
 */
static void
out_year(GmOut *o, const GmStyleWords *w, unsigned int year)
{
	char digits[8];
	int  k = 0;
	bool parenthesised;

	if (year == 0)
		return;
	parenthesised = ends_with_year_lead(o);
	out_char(o, ' ');
	if (parenthesised)
		out_char(o, '(');
	else
	{
		out_str(o, w->year);
		out_char(o, ' ');
	}
	while (year > 0 && k < 7)
	{
		digits[k++] = (char)('0' + year % 10);
		year /= 10;
	}
	while (k > 0)
		out_char(o, digits[--k]);
	if (parenthesised)
		out_char(o, ')');
}

/* " av skatteintäkter ...": the qualifier after the unit, when there is one */
static void
out_qualifier(GmOut *o, const GmTarget *t)
{
	if (t->qual_len == 0 || t->qual_len > GM_MAX_QUALIFIER_LEN)
		return;
	out_char(o, ' ');
	out_mem(o, t->qualifier, t->qual_len);
}

/*
 * May the unit stand after the baseline of a change target?  Not when a
 * word of it is "till" or "to", which would end it there.  A glide path
 * writes it after both numbers ("Minska från 40 dagar år 2016 till 32
 * dagar år 2019"), so that the baseline's year does not read as its unit.
 */
static bool
unit_reads_before_till(const GmTarget *t)
{
	size_t i = 0;

	while (i < t->unit_len)
	{
		size_t j = i;

		while (j < t->unit_len && t->unit[j] != ' ')
			j++;
		if (word_is(t->unit + i, j - i, "till") ||
			word_is(t->unit + i, j - i, "to"))
			return false;
		i = j + 1;
	}
	return true;
}

/* NUL-terminate (truncating) and return the full length */
static size_t
out_finish(GmOut *o)
{
	if (o->size > 0)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
	return o->len;
}

/*
 * Write a number from its digits, most significant first: '-' when
 * negative, the integer digits (nint >= 1) grouped by one ASCII space when
 * group is set and there are four or more, then, when nfrac > 0,
 * decimal_sep and the nfrac decimals.  The one rule for writing a number:
 * targets (out_decimal) and outcomes (gm_outcome_format) both come here.
 */
static void
out_digits(GmOut *o, bool negative, const char *intd, size_t nint,
		   const char *frac, size_t nfrac, char decimal_sep, bool group)
{
	size_t k;

	if (negative)
		out_char(o, '-');
	for (k = 0; k < nint; k++)
	{
		if (group && k > 0 && nint >= 4 && (nint - k) % 3 == 0)
			out_char(o, ' ');
		out_char(o, intd[k]);
	}
	if (nfrac > 0)
	{
		out_char(o, decimal_sep);
		out_mem(o, frac, nfrac);
	}
}

/*
 * Write a GmDecimal: out_digits, grouped, with exactly scale decimals
 * (leading zeros as needed: 5 at scale 2 is "0,05").
 */
static void
out_decimal(GmOut *o, GmDecimal d, char decimal_sep)
{
	char     digits[UINT8_MAX + 2]; /* 19 digits of 2^63, or scale + 1 */
	size_t   total;
	size_t   scale = d.scale;
	size_t   k;
	uint64_t mag;
	uint64_t m;

	/* negate in unsigned arithmetic: defined even for INT64_MIN */
	mag = d.coef < 0 ? (uint64_t)0 - (uint64_t)d.coef : (uint64_t)d.coef;
	total = 1;
	for (m = mag; m >= 10; m /= 10)
		total++;
	if (total < scale + 1)
		total = scale + 1;
	for (k = total; k > 0; k--)
	{
		digits[k - 1] = (char)('0' + mag % 10);
		mag /= 10;
	}
	out_digits(o, d.coef < 0, digits, total - scale, digits + total - scale,
			   scale, decimal_sep, true);
}

/*
 * Format one decimal into buf (NUL-terminated when bufsize > 0); returns
 * the length the whole text needs, without the NUL.
 */
size_t
gm_decimal_format(GmDecimal d, char decimal_sep, char *buf, size_t bufsize)
{
	GmOut o = { buf, bufsize, 0 };

	out_decimal(&o, d, decimal_sep);
	return out_finish(&o);
}

/*
 * Format a target in a style into buf (always NUL-terminated when bufsize
 * > 0).  Returns the length the full text needs, excluding the NUL, like
 * snprintf; GM_MAX_FORMATTED always suffices for a valid target.  The
 * target should be valid (gm_target_validate); an invalid one still gives
 * some text and never a read outside the struct.
 */
size_t
gm_target_format(const GmTarget *t, GmStyle style, char *buf, size_t bufsize)
{
	GmOut               o = { buf, bufsize, 0 };
	const GmStyleWords *w;
	size_t              unit_len = t->unit_len;
	bool                before;
	bool                after;

	if ((unsigned int)style > GM_STYLE_SYMBOLIC)
		style = GM_STYLE_SWEDISH;
	w = &style_words[style];
	if (unit_len > GM_MAX_UNIT_LEN || t->unit_pos == GM_UNIT_NONE)
		unit_len = 0;
	before = unit_len > 0 && t->unit_pos == GM_UNIT_BEFORE;
	after = unit_len > 0 && t->unit_pos == GM_UNIT_AFTER;

	if (GM_IS_DIRECTION(t->cmp) && (unsigned int)t->cmp <= GM_COMPARATOR_MAX)
	{
		/* "Öka", "Minska", "Bibehålla", "Förbättra" */
		out_str(&o, w->direction[t->cmp - GM_INCREASE]);
		return out_finish(&o);
	}
	if (t->has_baseline)
	{
		/*
		 * "Öka från 70 % till 75 %", "Minska från 40 till 32 dagar", "from
		 * index 70 to 75"
		 */
		const char *dir = t->cmp == GM_AT_MOST ? w->decrease : w->increase;

		if (dir != NULL)
		{
			out_str(&o, dir);
			out_char(&o, ' ');
		}
		out_str(&o, w->from);
		out_char(&o, ' ');
		if (before)
		{
			out_mem(&o, t->unit, unit_len);
			out_char(&o, ' ');
		}
		out_decimal(&o, t->baseline, w->decimal_sep);
		if (after && ((unit_len == 1 && t->unit[0] == '%') ||
					  (t->start_year != 0 && unit_reads_before_till(t))))
			out_unit(&o, t, unit_len);
		out_year(&o, w, t->start_year);
		out_char(&o, ' ');
		out_str(&o, w->to);
		out_char(&o, ' ');
		out_decimal(&o, t->value, w->decimal_sep);
		if (after)
			out_unit(&o, t, unit_len);
	}
	else if (t->cmp == GM_BETWEEN)
	{
		if (w->between == NULL && !before)
		{
			/* "95-105 %", "-5--3" */
			out_decimal(&o, t->value, w->decimal_sep);
			out_char(&o, '-');
			out_decimal(&o, t->upper, w->decimal_sep);
		}
		else
		{
			/* "Mellan 95 och 105 %", symbolic "between index 95 and 105" */
			const GmStyleWords *ww =
				w->between ? w : &style_words[GM_STYLE_ENGLISH];

			out_str(&o, ww->between);
			out_char(&o, ' ');
			if (before)
			{
				out_mem(&o, t->unit, unit_len);
				out_char(&o, ' ');
			}
			out_decimal(&o, t->value, w->decimal_sep);
			out_char(&o, ' ');
			out_str(&o, ww->and_word);
			out_char(&o, ' ');
			out_decimal(&o, t->upper, w->decimal_sep);
		}
		if (after)
			out_unit(&o, t, unit_len);
	}
	else
	{
		/* "Minst 65 %", "Minst index 79", bare "100 %" */
		if (!t->bare && (unsigned int)t->cmp <= GM_EXACTLY)
		{
			out_str(&o, w->comparator[t->cmp]);
			out_char(&o, ' ');
		}
		if (before)
		{
			out_mem(&o, t->unit, unit_len);
			out_char(&o, ' ');
		}
		out_decimal(&o, t->value, w->decimal_sep);
		if (after)
			out_unit(&o, t, unit_len);
	}
	/* the qualifier and the year end every target with a value */
	out_qualifier(&o, t);
	out_year(&o, w, t->end_year);
	return out_finish(&o);
}

/* ---------- outcomes ---------- */

/*
 * Units an outcome is written with (gm_outcome_format): percent and money,
 * whose bare number misleads (72,3 of what? 3 518 kronor or tkr?).  Matched
 * against the unit's first word, ASCII case-insensitively.  Count words
 * ("barn", "vårddygn", "st") name what the metric counts and are left to
 * its name, as the reports do; a unit written before the number ("index",
 * "NKI") is never repeated.  doc/report.md lists them.
 */
static const char *const outcome_units[] = {
	"%", "kr", "kronor", "tkr", "mkr", "mnkr", "mdkr", "sek", "eur", "euro",
};

static bool
word_is(const char *s, size_t n, const char *word)
{
	size_t k;

	if (strlen(word) != n)
		return false;
	for (k = 0; k < n; k++)
	{
		char c = s[k];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[k])
			return false;
	}
	return true;
}

bool
gm_outcome_shows_unit(const GmTarget *t)
{
	size_t first = 0;
	size_t k;

	if (t == NULL || t->unit_pos != GM_UNIT_AFTER || t->unit_len == 0 ||
		t->unit_len > GM_MAX_UNIT_LEN)
		return false;
	while (first < t->unit_len && t->unit[first] != ' ')
		first++;
	for (k = 0; k < sizeof(outcome_units) / sizeof(outcome_units[0]); k++)
		if (word_is(t->unit, first, outcome_units[k]))
			return true;
	return false;
}

/*
 * Write an outcome given as a plain decimal ("-1234.50", as PostgreSQL's
 * numeric_out writes it: an optional '-', digits, optionally '.' and
 * digits; any length) in a style, with the decimals it has.  Returns false,
 * writing nothing, for anything else ("NaN", "1e5", "").  *needed gets the
 * length the full text needs, without the NUL; buf (bufsize > 0) is always
 * NUL-terminated, truncating like snprintf.
 */
bool
gm_outcome_format(const char *plain, size_t len, const GmTarget *t,
				  GmOutcomeStyle style, char *buf, size_t bufsize,
				  size_t *needed)
{
	GmOut  o = { buf, bufsize, 0 };
	size_t p = 0;
	size_t int_start;
	size_t int_end;
	size_t frac_start = len;
	size_t k;
	bool   negative = false;
	bool   nonzero = false;

	if (p < len && plain[p] == '-')
	{
		negative = true;
		p++;
	}
	int_start = p;
	while (p < len && plain[p] >= '0' && plain[p] <= '9')
		p++;
	int_end = p;
	if (int_end == int_start)
		return false;
	if (p < len && plain[p] == '.')
	{
		frac_start = ++p;
		while (p < len && plain[p] >= '0' && plain[p] <= '9')
			p++;
		if (p == frac_start)
			return false;
	}
	if (p != len)
		return false;

	/* leading zeros of the integer part go; zero is never negative */
	while (int_start + 1 < int_end && plain[int_start] == '0')
		int_start++;
	for (k = int_start; k < len; k++)
		if (plain[k] >= '1' && plain[k] <= '9')
			nonzero = true;

	out_digits(&o, negative && nonzero, plain + int_start, int_end - int_start,
			   plain + frac_start, len - frac_start,
			   style == GM_OUTCOME_ENGLISH ? '.' : ',',
			   style != GM_OUTCOME_SHEET);
	if (style != GM_OUTCOME_SHEET && gm_outcome_shows_unit(t))
		out_unit(&o, t, t->unit_len);
	*needed = out_finish(&o);
	return true;
}
