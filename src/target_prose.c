/*-------------------------------------------------------------------------
 *
 * target_prose.c
 *	  The parts of the target grammar that read targets written as
 *	  sentences and over years: the subject and modal verb ("Resultatet
 *	  ska"), filler ("vara", "uppgå till", "be", "amount to"), years ("år
 *	  2019", "till 2019", "(2019)") and where a qualifier starts ("av
 *	  skatteintäkter ...").  Used by the general parser (target_parse.c).
 *
 * The rules (doc/metric_target.md, "Targets written as prose"):
 *
 *	 prose   := [subject MODAL] FILLER* target
 *	 subject := 1 to 6 words that are no keyword, before a modal verb
 *
 * The subject names the metric, which the target does not store: it is
 * dropped.  After a modal verb a full stop may end the text.  Filler may
 * also stand after the comparator ("ska lägst uppgå till 2 %").
 *
 *-------------------------------------------------------------------------
 */
#include "target_lex.h"

#include <stdio.h>
#include <string.h>

/* Words a subject may have at most: "Andelen elever i årskurs 9" */
#define SUBJECT_MAX_WORDS 6

/* The kind of the keyword at i, or -1 */
static int
keyword_kind_at(const GmParser *ps, size_t i, size_t *end)
{
	const GmKeyword *kw = gm_lex_match_any_keyword(ps, i, end);

	return kw == NULL ? -1 : (int)kw->kind;
}

/*
 * The offset after a filler phrase at i ("vara", "uppgå till", "be",
 * "amount to", ...), or 0.
 */
size_t
gm_lex_filler_end(const GmParser *ps, size_t i)
{
	size_t end;

	return keyword_kind_at(ps, i, &end) == KW_FILLER ? end : 0;
}

/* Skip any filler phrases (and the whitespace around them) from i */
size_t
gm_lex_skip_fillers(const GmParser *ps, size_t i)
{
	size_t m;

	i = skip_space(ps, i);
	while ((m = gm_lex_filler_end(ps, i)) > 0)
		i = skip_space(ps, m);
	return i;
}

/*
 * Skip the prose before a target: a subject and a modal verb ("Resultatet
 * ska", "Soliditeten ska", "The result should", or just "ska"), then any
 * filler.  *prose is set when a modal verb was read.  Returns the offset
 * where the target proper starts (i itself when there is nothing to skip).
 */
size_t
gm_lex_skip_prose_prefix(const GmParser *ps, size_t i, bool *prose)
{
	size_t j = i;
	int    words = 0;

	*prose = false;
	for (;;)
	{
		size_t end;
		int    kind = keyword_kind_at(ps, j, &end);
		size_t w;

		if (kind == KW_MODAL)
		{
			*prose = true;
			i = end;
			break;
		}
		if (kind >= 0 || words == SUBJECT_MAX_WORDS)
			break;
		/* a subject word: letters and the like, not a number */
		w = gm_lex_unit_word_len(ps, j);
		if (w == 0 || gm_lex_nan_inf_len_at(ps, j) > 0 || !space_at(ps, j + w))
			break;
		j = skip_space(ps, j + w);
		words++;
	}
	return gm_lex_skip_fillers(ps, i);
}

/* Four ASCII digits at i, not followed by another digit */
static bool
four_digits_at(const GmParser *ps, size_t i, int *year)
{
	int k;
	int y = 0;

	for (k = 0; k < 4; k++)
	{
		if (!digit_at(ps, i + k))
			return false;
		y = y * 10 + (ps->s[i + k] - '0');
	}
	if (digit_at(ps, i + 4))
		return false;
	*year = y;
	return true;
}

/*
 * A year at i: "år 2019", "year 2019", "in 2019", "by 2019", "senast
 * 2019", "senast år 2019", "until 2019", with flags GM_YEAR_TILL also
 * "till 2019", "till år 2019" and "to 2019", "(2019)", and with GM_YEAR_BARE a bare "2019".  The four digits
 * must end the text or be followed by whitespace (after a parenthesis, by
 * ")").  Returns the offset after the year (0: none there) and the year in
 * *year, which the caller checks against GM_YEAR_MIN..GM_YEAR_MAX.
 */
size_t
gm_lex_year_at(const GmParser *ps, size_t i, int flags, int *year)
{
	/* the ones from "till" on only with GM_YEAR_TILL */
	static const char *const leads[] = {
		"\xc3\xa5r", "year",   "in",
		"by",        "senast", "senast \xc3\xa5r",
		"until",     "till",   "till \xc3\xa5r",
		"to",
	};
	size_t k;

	if (i >= ps->len)
		return 0;
	if (ps->s[i] == '(')
	{
		if (four_digits_at(ps, i + 1, year) && i + 5 < ps->len &&
			ps->s[i + 5] == ')' && (i + 6 >= ps->len || space_at(ps, i + 6)))
			return i + 6;
		return 0;
	}
	if (digit_at(ps, i))
	{
		if ((flags & GM_YEAR_BARE) && four_digits_at(ps, i, year) &&
			(i + 4 >= ps->len || space_at(ps, i + 4)))
			return i + 4;
		return 0;
	}
	for (k = 0; k < lengthof(leads); k++)
	{
		size_t m;
		size_t j;

		if (!(flags & GM_YEAR_TILL) && k >= 7)
			break;
		m = gm_lex_match_keyword(ps, i, leads[k]);
		if (m == 0 || !space_at(ps, m))
			continue;
		j = skip_space(ps, m);
		if (four_digits_at(ps, j, year) &&
			(j + 4 >= ps->len || space_at(ps, j + 4)))
			return j + 4;
	}
	return 0;
}

/*
 * Does the word at i (w bytes) start a qualifier after a number or a unit
 * that is not percent?  "av" and "of" do ("3 500 tkr av budgeten"); after
 * a percent unit every word does (target_parse.c).
 */
bool
gm_lex_qualifier_word(const GmParser *ps, size_t i, size_t w)
{
	return gm_lex_word_is(ps, i, w, "av") || gm_lex_word_is(ps, i, w, "of");
}

/* ---------------------------------------------------------------------
 * Units and qualifiers being collected (target_parse.c)
 * ---------------------------------------------------------------------
 */

/* Append the word s[i..i+n) to u (at most max bytes), joined by one space */
bool
gm_lex_buf_append(GmParser *ps, GmUnitBuf *u, size_t i, size_t n, size_t max,
				  const char *what)
{
	size_t need = u->len + (u->present ? 1 : 0) + n;

	if (!u->present)
		u->pos = i;
	if (need > max)
		return gm_lex_fail(
			ps, GM_ERR_UNIT_TOO_LONG, u->pos,
			"expected a %s of at most %zu bytes at character %zu", what, max,
			gm_lex_char_number(ps, u->pos));
	if (u->present)
		u->text[u->len++] = ' ';
	memcpy(u->text + u->len, ps->s + i, n);
	u->len += n;
	u->text[u->len] = '\0';
	u->present = true;
	return true;
}

/* The last word of a collected unit says percent ("%", "procents") */
bool
gm_lex_unit_ends_in_percent(const GmUnitBuf *u)
{
	size_t k = u->len;

	if (!u->present)
		return false;
	while (k > 0 && u->text[k - 1] != ' ')
		k--;
	return gm_lex_is_percent_word(u->text + k, u->len - k);
}

/* A qualifier never says percent: "65 % %" is percent twice */
bool
gm_lex_check_qualifier(GmParser *ps, const GmUnitBuf *q)
{
	size_t i = 0;
	char   qq[QUOTE_MAX + 4];

	while (q->present && i < q->len)
	{
		size_t j = i;

		while (j < q->len && q->text[j] != ' ')
			j++;
		if (gm_lex_is_percent_word(q->text + i, j - i) ||
			memchr(q->text + i, '%', j - i) != NULL)
			return gm_lex_fail(
				ps, GM_ERR_BAD_UNIT, q->pos,
				"expected \"%%\" once and as a word of its own in the unit at character %zu, found \"%s\" after it",
				gm_lex_char_number(ps, q->pos),
				gm_lex_quote_bytes((const unsigned char *)q->text, q->len,
								   qq));
		i = j + 1;
	}
	return true;
}

/*
 * Is the qualifier of t (t->qualifier, t->qual_len bytes) what the parser
 * makes of it after t's number and unit?  Its words joined by one space,
 * each a unit word, no year among them, percent nowhere, and starting with
 * "av" / "of" unless the unit after the number ends in percent.  For
 * gm_target_validate().
 */
bool
gm_target_check_qualifier(const GmTarget *t, GmError *err)
{
	GmParser  ps;
	GmUnitBuf q;
	size_t    i = 0;
	int       year;
	bool      after_percent;

	ps.s = (const unsigned char *)t->qualifier;
	ps.len = t->qual_len;
	ps.err = err;
	memset(&q, 0, sizeof(q));
	if (t->qual_len == 0)
		return true;
	if (t->qual_len > GM_MAX_QUALIFIER_LEN ||
		t->qualifier[t->qual_len] != '\0')
		return gm_lex_fail(&ps, GM_ERR_BINARY, 0,
						   "expected a qualifier of 1 to %d bytes",
						   GM_MAX_QUALIFIER_LEN);
	if (!gm_lex_scan_text(&ps, &i, &i))
		return false;
	after_percent = false;
	if (t->unit_pos == GM_UNIT_AFTER)
	{
		GmUnitBuf u;

		memset(&u, 0, sizeof(u));
		memcpy(u.text, t->unit, t->unit_len);
		u.len = t->unit_len;
		u.present = t->unit_len > 0;
		after_percent = gm_lex_unit_ends_in_percent(&u);
	}
	i = 0;
	while (i < ps.len)
	{
		size_t w = gm_lex_unit_word_len(&ps, i);

		if (w == 0 || gm_lex_year_at(&ps, i, GM_YEAR_TILL, &year) > 0 ||
			(i == 0 && !after_percent && !gm_lex_qualifier_word(&ps, i, w)))
			return gm_lex_fail(
				&ps, GM_ERR_BINARY, i,
				"expected the qualifier in normal form (words from \"av\" or \"of\" on, or after a percent unit) at byte %zu",
				i);
		if (!gm_lex_buf_append(&ps, &q, i, w, GM_MAX_QUALIFIER_LEN,
							   "qualifier"))
			return false;
		i += w;
		if (i < ps.len &&
			!(ps.s[i] == ' ' && i + 1 < ps.len && !space_at(&ps, i + 1)))
			return gm_lex_fail(
				&ps, GM_ERR_BINARY, i,
				"expected the words of the qualifier joined by one space at byte %zu",
				i);
		if (i < ps.len)
			i++;
	}
	return gm_lex_check_qualifier(&ps, &q);
}
