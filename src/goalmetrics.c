/*-------------------------------------------------------------------------
 *
 * goalmetrics.c
 *	  Module entry point.
 *
 * The C sources, one per concern:
 *	  target.h, target_parse.c, target_format.c, target_codec.c
 *		the target value in pure C: grammar, output styles, packed form
 *	  metric_target.c	the metric_target type: I/O, operators, accessors
 *	  fulfilment.c		fulfilment percent, meets, status, labels
 *	  rollup.c			the roll-up and trend aggregates and their state types
 *	  settings.c		the goalmetrics.* settings
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
