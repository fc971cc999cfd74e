/*-------------------------------------------------------------------------
 *
 * encoding.c
 *	  Text goalmetrics ships in UTF-8, in the database encoding.
 *
 * Labels, symbols, arrows and the units of binary targets are UTF-8 in the
 * code; a LATIN1, LATIN9 or WIN1252 database lacks some of their
 * characters (the en dash, the check mark).  These helpers convert without
 * raising an error, so that a caller can choose a stand-in, and so that
 * they may build the text of an error message.  The encodings the
 * extension installs in are listed once, in src/sql/00_extension.sql.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "encoding.h"

static bool
is_ascii(const char *s, int len)
{
	for (int i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/*
 * Convert UTF-8 to the database encoding without raising an error; false
 * when the encoding lacks one of its characters (or has no conversion).
 */
static bool
utf8_to_server_noerror(const char *s, int len, char **out)
{
	int   enc = GetDatabaseEncoding();
	Oid   proc;
	char *buf;

	/*
	 * SQL_ASCII bytes are UTF-8 by convention (metric_target.c); ASCII is
	 * the same in every server encoding
	 */
	if (enc == PG_UTF8 || enc == PG_SQL_ASCII || is_ascii(s, len))
	{
		*out = pnstrdup(s, len);
		return true;
	}
	proc = FindDefaultConversionProc(PG_UTF8, enc);
	if (!OidIsValid(proc))
		return false;
	buf = palloc((Size)len * MAX_CONVERSION_GROWTH + 1);
	if (pg_do_encoding_conversion_buf(proc, PG_UTF8, enc, (unsigned char *)s,
									  len, (unsigned char *)buf,
									  len * MAX_CONVERSION_GROWTH + 1,
									  true) != len)
	{
		pfree(buf);
		return false;
	}
	*out = buf;
	return true;
}

bool
gm_utf8_in_server_encoding(const char *s, int len)
{
	char *out;

	if (!utf8_to_server_noerror(s, len, &out))
		return false;
	pfree(out);
	return true;
}

char *
gm_utf8_to_server_text(const char *utf8, const char *standin)
{
	char *out;
	char *p;

	if (utf8_to_server_noerror(utf8, (int)strlen(utf8), &out))
		return out;
	if (standin != NULL &&
		utf8_to_server_noerror(standin, (int)strlen(standin), &out))
		return out;
	/* never raises: what is left is ASCII, a "?" for each other character */
	out = pstrdup(standin != NULL ? standin : utf8);
	p = out;
	for (const unsigned char *c = (const unsigned char *)out; *c; c++)
		if (*c < 0x80)
			*p++ = (char)*c;
		else if ((*c & 0xC0) != 0x80)
			*p++ = '?';
	*p = '\0';
	return out;
}

/*
 * The same as a text datum (encoding.h).
 */
text *
gm_utf8_text(const char *utf8, const char *standin)
{
	return cstring_to_text(gm_utf8_to_server_text(utf8, standin));
}
