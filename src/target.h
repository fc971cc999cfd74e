/*-------------------------------------------------------------------------
 *
 * target.h
 *	  The metric target value: a comparator, one to three exact decimals
 *	  and an optional unit, with its text grammar, output styles, packed
 *	  storage form, total order and hash.
 *
 * This module is pure C99: it includes no PostgreSQL header and allocates
 * no memory, so the parser can be unit-tested and fuzzed on its own
 * (test/unit, test/fuzz).  The backend glue lives in metric_target.c.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_TARGET_H
#define GOALMETRICS_TARGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "visibility.h"

GM_INTERNAL_BEGIN

/* Limits of the type; documented in doc/metric_target.md */
#define GM_MAX_DIGITS        15 /* significant digits of a number */
#define GM_MAX_SCALE         15 /* digits after the decimal separator */
#define GM_MAX_UNIT_LEN      64 /* bytes of the normalised unit */
#define GM_MAX_QUALIFIER_LEN 64 /* bytes of the qualifier ("av ...") */
#define GM_MAX_TEXT_LEN      64 /* bytes of the unit and qualifier together */
#define GM_YEAR_MIN          1900 /* years of a multi-year target */
#define GM_YEAR_MAX          2199
/*
 * Packed bytes: flags, extension byte, three decimals, two years, the
 * qualifier's length byte, the unit and the qualifier (at most
 * GM_MAX_TEXT_LEN together).  trend_state holds a packed target in 96
 * bytes (trend.h).
 */
#define GM_MAX_ENCODED   (2 + 3 * 8 + 4 + 1 + GM_MAX_TEXT_LEN)
#define GM_MAX_FORMATTED 512 /* bytes of any formatted target, with NUL */

/*
 * Comparators.  The numeric codes are stored on disk and sent over the wire:
 * never renumber them.
 */
typedef enum GmComparator
{
	GM_AT_LEAST = 0,
	GM_AT_MOST = 1,
	GM_ABOVE = 2,
	GM_BELOW = 3,
	GM_EXACTLY = 4,
	GM_BETWEEN = 5,
	/*
	 * Direction targets ("Öka", "ska minska", "Bibehålla", "ska
	 * förbättras"): no value; judged against the previous outcome
	 * (gm_target_against_previous).  Stored in the extension byte.
	 */
	GM_INCREASE = 6,
	GM_DECREASE = 7,
	GM_MAINTAIN = 8,
	GM_IMPROVE = 9
} GmComparator;

#define GM_COMPARATOR_MAX    GM_IMPROVE
#define GM_IS_DIRECTION(cmp) ((unsigned int)(cmp) >= GM_INCREASE)

/* Where the unit was written; stored on disk, never renumber */
typedef enum GmUnitPos
{
	GM_UNIT_NONE = 0,
	GM_UNIT_BEFORE = 1, /* "Minst index 79" */
	GM_UNIT_AFTER = 2   /* "Minst 65 %" */
} GmUnitPos;

/*
 * An exact decimal: coef * 10^-scale, |coef| < 10^15, 0 <= scale <= 15.
 * The scale is kept as written ("42,0" has coef 420, scale 1) so that the
 * output shows the decimals the user wrote; comparisons are numeric.
 * Zero is never negative.
 */
typedef struct GmDecimal
{
	int64_t coef;
	uint8_t scale;
} GmDecimal;

typedef struct GmTarget
{
	GmComparator cmp;
	bool         bare;         /* no comparator written ("100 %"); then
								 * cmp == GM_AT_LEAST, or another direction
								 * set by with_comparator() which clears it */
	bool         has_baseline; /* change target "Öka från 70 till 75" */
	GmDecimal    value;        /* the target; lower bound of a range */
	GmDecimal    upper;        /* upper bound; only when cmp == GM_BETWEEN */
	GmDecimal    baseline;     /* only when has_baseline */
	GmUnitPos    unit_pos;
	uint8_t      unit_len; /* bytes in unit, 0 when unit_pos is NONE */
	char         unit[GM_MAX_UNIT_LEN + 1]; /* normalised, NUL-terminated */
	/*
	 * Multi-year target: the year the value applies to ("85 % år 2019"),
	 * and the baseline's year ("Öka från 81 % 2016 till 85 % 2019"),
	 * which makes a linear glide path (gm_target_for_year).  0: none.
	 */
	uint16_t start_year; /* only with has_baseline and end_year */
	uint16_t end_year;
	/*
	 * What the value is measured against, written after the unit:
	 * "% av skatteintäkter och generella statsbidrag" has the unit "%"
	 * and the qualifier "av skatteintäkter och generella statsbidrag".
	 * Words joined by one space, NUL-terminated; qual_len 0: none.
	 */
	uint8_t qual_len;
	char    qualifier[GM_MAX_QUALIFIER_LEN + 1];
} GmTarget;

/* Output styles of gm_target_format */
typedef enum GmStyle
{
	GM_STYLE_SWEDISH = 0, /* canonical: "Minst 65 %", "Högst 2 100 barn" */
	GM_STYLE_ENGLISH = 1, /* "at least 65 %" */
	GM_STYLE_SYMBOLIC = 2 /* ">= 65 %", ASCII only */
} GmStyle;

/*
 * Error classes.  The backend maps each to a SQLSTATE (metric_target.c);
 * doc/metric_target.md lists them.
 */
typedef enum GmErrorCode
{
	GM_OK = 0,
	GM_ERR_EMPTY,              /* nothing but whitespace */
	GM_ERR_ENCODING,           /* invalid UTF-8 */
	GM_ERR_CONTROL_CHAR,       /* control character (other than whitespace),
								* or invisible format character (Cf) */
	GM_ERR_UNKNOWN_COMPARATOR, /* text where a comparator or number belongs */
	GM_ERR_MISSING_NUMBER,     /* comparator (and unit) but no number */
	GM_ERR_BAD_NUMBER,         /* malformed number: "1,2,3", "1 23", "5." */
	GM_ERR_SCIENTIFIC,         /* "1e5" */
	GM_ERR_NAN_INF,            /* NaN, Infinity, inf, ∞ */
	GM_ERR_TOO_MANY_DIGITS,    /* more than GM_MAX_DIGITS significant digits */
	GM_ERR_SCALE,              /* more than GM_MAX_SCALE decimals */
	GM_ERR_UNIT_TOO_LONG,      /* unit longer than GM_MAX_UNIT_LEN bytes */
	GM_ERR_UNIT_MISMATCH, /* "Mellan 5 % och 10 st", unit before and after */
	GM_ERR_RANGE_ORDER,   /* "Mellan 10 och 5" */
	GM_ERR_DIRECTION,     /* "Öka från 75 till 70", "från 5 till 5" */
	GM_ERR_STRAY_TEXT,    /* text after a complete target */
	GM_ERR_BINARY,        /* malformed packed / binary value */
	GM_ERR_BAD_UNIT,      /* "65 % %", "65 %%": percent twice or glued */
	GM_ERR_BAD_YEAR       /* "år 20", "från 81 % 2019 till 85 % 2016" */
} GmErrorCode;

typedef struct GmError
{
	GmErrorCode code;
	size_t      pos;          /* byte offset into the input */
	char        message[160]; /* e.g. "expected a number at character 7" */
	/*
	 * The canonical form of what the text seems to mean, when the parser
	 * can tell: "ska ungefär minst 2 %" suggests "Minst 2 %".  Empty
	 * otherwise.  Only gm_target_parse(_general) sets it.
	 */
	char suggestion[GM_MAX_FORMATTED];
} GmError;

/* Parse a target from text (UTF-8, need not be NUL-terminated). */
extern bool gm_target_parse(const char *input, size_t len, GmTarget *out,
							GmError *err);

/*
 * The two halves of gm_target_parse(), for the unit tests and the fuzzer.
 * The fast path reads only plain targets ("Minst 65 %", "Högst 2 100 barn",
 * ">= 77 %", "Minst index 79", "80 %") and returns false, leaving *out
 * alone, for anything else (every error included); the general parser reads
 * every form and reports every error.  Where the fast path answers, the
 * general parser gives the identical target.
 */
extern bool gm_target_parse_fast(const char *input, size_t len, GmTarget *out);
extern bool gm_target_parse_general(const char *input, size_t len,
									GmTarget *out, GmError *err);

/*
 * Read an outcome as reports write it ("59 %", "2 315", "72,3", "−4"):
 * the number grammar of targets, then optional unit words (dropped).  Empty
 * text, whitespace, or a lone "-", "–" or "—" is no value: returns true
 * with *none set.  Whatever it reads, "Minst " + the same text parses to a
 * target of the same value.
 */
extern bool gm_outcome_parse(const char *input, size_t len, GmDecimal *out,
							 bool *none, GmError *err);

/*
 * Runs of the grammar's whitespace made one space, trimmed, into out (room
 * for len bytes); bytes that are not valid UTF-8 are kept as they are.
 * Returns the length.  For names read from a sheet (import_clean()).
 */
extern size_t gm_text_clean(const char *input, size_t len, char *out);

/*
 * Set (or, with empty or blank text, remove) the unit of a target,
 * normalised as the parser does it: words joined by one space, "%",
 * "procent" and "percent" become "%" written after the number.  pos is
 * GM_UNIT_BEFORE or GM_UNIT_AFTER.  Refuses words the parser would not
 * take as a unit in that place.  For the SQL constructors; validate uses it.
 */
extern bool gm_target_set_unit(GmTarget *t, const char *unit, size_t len,
							   GmUnitPos pos, GmError *err);

/*
 * Is the stored qualifier exactly what the parser makes of it after the
 * target's number and unit?  For gm_target_validate.
 */
extern bool gm_target_check_qualifier(const GmTarget *t, GmError *err);

/*
 * Format in a style into buf (always NUL-terminated when bufsize > 0).
 * Returns the length the full text needs, excluding the NUL, like snprintf.
 * Parsing the result again gives an equal target (gm_target_cmp == 0).
 */
extern size_t gm_target_format(const GmTarget *t, GmStyle style, char *buf,
							   size_t bufsize);

/* Format one decimal: decimal_sep ',' or '.', thousands grouped by ' '. */
extern size_t gm_decimal_format(GmDecimal d, char decimal_sep, char *buf,
								size_t bufsize);

/* Output styles of gm_outcome_format */
typedef enum GmOutcomeStyle
{
	GM_OUTCOME_SWEDISH = 0, /* the report's: "2 315", "72,3 %", "3 518 tkr" */
	GM_OUTCOME_ENGLISH = 1, /* "2 315", "72.3 %", "3 518 tkr" */
	GM_OUTCOME_SHEET = 2    /* a spreadsheet's number: "2315", "72,3" */
} GmOutcomeStyle;

/*
 * Write an outcome, given as a plain decimal of any length ("-1234.50", as
 * numeric_out writes it), the way the report writes it: the target's
 * number rule (digits grouped by a space, decimal comma, the decimals it
 * has) and, in the swedish and english styles, the target's unit when
 * gm_outcome_shows_unit says the report shows it.  t may be NULL (no
 * unit).  Returns false, writing nothing, for text that is not a plain
 * decimal; else *needed is the full length (without the NUL) and buf is
 * NUL-terminated when bufsize > 0, like snprintf.
 */
extern bool gm_outcome_format(const char *plain, size_t len, const GmTarget *t,
							  GmOutcomeStyle style, char *buf, size_t bufsize,
							  size_t *needed);

/*
 * Whether an outcome is written with its target's unit: a unit written
 * after the number whose first word is "%" or money ("kr", "kronor",
 * "tkr", "mkr", "mnkr", "mdkr", "SEK", "EUR", "euro"); never a unit before
 * the number ("index", "NKI") or a count word ("barn", "st").
 */
extern bool gm_outcome_shows_unit(const GmTarget *t);

/*
 * Check every invariant of a target (comparator code, decimals in range,
 * bare only with at-least-or-direction and no unit before, range order,
 * baseline direction, unit normalised, valid UTF-8 and allowed characters).
 * The parser only produces valid targets; decode and the SQL constructors
 * call this.
 */
extern bool gm_target_validate(const GmTarget *t, GmError *err);

/*
 * Packed form: the bytes stored after the varlena header (and, behind a
 * format-version byte, the binary send/recv form).  encode returns the
 * number of bytes written (at most GM_MAX_ENCODED); decode validates
 * everything and never reads past len.
 */
extern size_t gm_target_encode(const GmTarget *t, uint8_t *buf);
extern bool   gm_target_decode(const uint8_t *buf, size_t len, GmTarget *out,
							   GmError *err);

/*
 * Decode only what judging an outcome needs, for the per-row paths: the
 * comparator, flags, decimals and years with every check decode makes
 * (structure, canonical form, range order, direction, years), and the
 * unit's length, but not its bytes: out->unit is left empty (unit_len 0)
 * while unit_pos is kept.  The qualifier is copied but, like the unit, not
 * checked word by word.
 * Never reads past len.  Cheaper than gm_target_decode, whose unit check
 * re-runs the unit normalisation.
 */
extern bool gm_target_decode_rule(const uint8_t *buf, size_t len,
								  GmTarget *out, GmError *err);

/*
 * Decode for comparing and hashing: everything gm_target_decode_rule
 * checks, plus the unit's bytes copied as stored (1 to 64, NUL-terminated
 * in out->unit) but not re-normalised, which is what makes a full decode
 * expensive.  gm_target_cmp and gm_target_hash of the result equal those
 * of gm_target_decode's wherever that succeeds.  Never reads past len.
 */
extern bool gm_target_decode_for_order(const uint8_t *buf, size_t len,
									   GmTarget *out, GmError *err);

/* Total order (documented in doc/metric_target.md); numerically equal
 * decimals compare equal.  Returns <0, 0, >0. */
extern int gm_target_cmp(const GmTarget *a, const GmTarget *b);

/* Exact decimals (target_decimal.c): compared numerically, 42,0 = 42 */
extern int gm_decimal_cmp(GmDecimal a, GmDecimal b);

/* |coef| without overflow, also for INT64_MIN */
static inline uint64_t
gm_decimal_magnitude(int64_t coef)
{
	return coef < 0 ? (uint64_t)0 - (uint64_t)coef : (uint64_t)coef;
}

/* 10^n for 0 <= n <= 19, the one table of 64-bit powers of ten */
extern const uint64_t gm_pow10_u64[20];

/*
 * The target that applies in a year (target_time.c).  A multi-year target
 * with a start year is a linear glide path from its baseline in the start
 * year to its value in the end year; the value in between is rounded half
 * away from zero to two decimals more than the more precise of the two
 * written values (81 % 2016 to 85 % 2019 is 82,33 % in 2017).  Before the
 * start year no target applies; from the end year on, the end value.  A
 * target with only an end year applies from that year on; before it none.
 * The result is the plain target with the same comparator (at least for an
 * increase, at most for a decrease), unit and qualifier, and no baseline
 * and no years; a target without years applies in every year as it is,
 * a direction target too (judged against the previous outcome:
 * gm_target_against_previous).  Returns false when no target applies.
 */
extern bool gm_target_for_year(const GmTarget *t, int year, GmTarget *out);

/*
 * The target a multi-year target is judged against when no year is given:
 * its value in its end year, gm_target_for_year(t, end_year).  Any other
 * target is itself.  The one rule that scoring applies (fulfilment.c).
 */
extern void gm_target_resolve_years(const GmTarget *t, GmTarget *out);

/*
 * A direction target as the plain target it stands for, given the previous
 * outcome p (target_time.c): increase is "Över p", decrease "Under p",
 * maintain "Minst p" (not worse: "Högst p" when lower is better), improve
 * "Över p" ("Under p" when lower is better).  Any other target is itself.
 */
extern void gm_target_against_previous(const GmTarget *t, GmDecimal previous,
									   bool lower_is_better, GmTarget *out);

/* Hash consistent with gm_target_cmp() == 0. */
extern uint64_t gm_target_hash(const GmTarget *t, uint64_t seed);

/* Names used by target_comparator() / with_comparator(): "at_least", ... */
extern const char *gm_comparator_name(GmComparator cmp);
extern bool gm_comparator_from_name(const char *name, GmComparator *out);

GM_INTERNAL_END

#endif /* GOALMETRICS_TARGET_H */
