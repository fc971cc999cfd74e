/*-------------------------------------------------------------------------
 *
 * encoding.h
 *	  Text goalmetrics ships in UTF-8, in the database encoding.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_ENCODING_H
#define GOALMETRICS_ENCODING_H

#include "postgres.h"

#include "visibility.h"

GM_INTERNAL_BEGIN

/*
 * UTF-8 text (a label, a symbol, a hint) in the database encoding: the text
 * itself when the encoding has all its characters, else standin (also
 * UTF-8; NULL for none), else an ASCII copy with "?" for each other
 * character.  SQL_ASCII takes the UTF-8 bytes as they are.  Never raises
 * an error, so it may build an error message.
 */
extern char *gm_utf8_to_server_text(const char *utf8, const char *standin);

/* The same as a text value: a label, a symbol, an arrow */
extern text *gm_utf8_text(const char *utf8, const char *standin);

/* Whether the database encoding has every character of UTF-8 text s. */
extern bool gm_utf8_in_server_encoding(const char *s, int len);

GM_INTERNAL_END

#endif /* GOALMETRICS_ENCODING_H */
