/*-------------------------------------------------------------------------
 *
 * pg_compat.h
 *	  What differs between the PostgreSQL versions goalmetrics is built and
 *	  tested on (15, 17 and 18; README.md), in one place.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_PG_COMPAT_H
#define GOALMETRICS_PG_COMPAT_H

#include "postgres.h"

/* 16 moved the varlena macros (VARDATA, VARSIZE, ...) out of postgres.h */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * 18 replaced pg_attribute_noreturn(), written after a declaration, by
 * pg_noreturn, written before it; older versions' attribute goes there too.
 */
#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif

#endif /* GOALMETRICS_PG_COMPAT_H */
