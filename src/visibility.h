/*-------------------------------------------------------------------------
 *
 * visibility.h
 *	  Keep goalmetrics' internal C functions out of the shared library's
 *	  exported symbols.
 *
 * Declarations between GM_INTERNAL_BEGIN and GM_INTERNAL_END have hidden
 * visibility (GCC and clang), so calls between the module's files bind
 * directly instead of through the PLT, and only the SQL-callable functions
 * (PG_FUNCTION_INFO_V1), _PG_init and the magic block are exported; no
 * other library can interpose on them.  (PostgreSQL 16 builds extensions
 * with -fvisibility=hidden; PostgreSQL 15's PG_FUNCTION_INFO_V1 does not
 * mark the function it declares as exported, so we cannot use the flag.)
 * Pure C99, no PostgreSQL header, like target.h.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GOALMETRICS_VISIBILITY_H
#define GOALMETRICS_VISIBILITY_H

#if defined(__GNUC__) || defined(__clang__)
#define GM_INTERNAL_BEGIN _Pragma("GCC visibility push(hidden)")
#define GM_INTERNAL_END   _Pragma("GCC visibility pop")
#else
#define GM_INTERNAL_BEGIN
#define GM_INTERNAL_END
#endif

#endif /* GOALMETRICS_VISIBILITY_H */
