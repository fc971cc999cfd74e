/*-------------------------------------------------------------------------
 *
 * goalmetrics.c
 *	  Module entry point.
 *
 * The C sources are in layers, each using only the ones above it; see
 * src/README.md, "Layers".
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "numeric_io.h"
#include "settings.h"

PG_MODULE_MAGIC;

void _PG_init(void);

void
_PG_init(void)
{
	gm_numeric_io_init();
	gm_settings_init();
}
