# goalmetrics: PGXS build.  `make test` is the one command that builds,
# installs and runs every suite in a throwaway cluster (see test/run.sh).

EXTENSION	= goalmetrics
EXTVERSION	= $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" $(EXTENSION).control)
PGFILEDESC	= "goalmetrics - goal and results management for PostgreSQL"

# One C file per concern, in layers (src/README.md): each uses only the
# ones above it; test/layers.sh fails on a cycle.
TARGET_SRCS	= src/target_decimal.c src/target_lex.c src/target_prose.c src/target_fast.c \
			  src/target_parse.c src/target_format.c src/target_codec.c src/target_time.c
MODULE_big	= goalmetrics
# 1. the target value in pure C (no backend headers)
OBJS		= $(TARGET_SRCS:.c=.o)
# 2. numeric helpers: numeric's on-disk format, exact conversions
OBJS		+= src/numeric_io.o
# 3. type glue, settings, encoding
OBJS		+= src/metric_target.o src/outcome_io.o src/settings.o src/encoding.o
# 4. scoring and bands
OBJS		+= src/fulfilment.o src/status.o
# 5. aggregates
OBJS		+= src/rollup_state.o src/rollup.o src/trend.o
# 6. module entry point (the SQL chapters, src/sql/, are the layer above)
OBJS		+= src/goalmetrics.o

# The install script is the SQL sources concatenated in name order: each
# file is one chapter of the SQL API (src/README.md).
SQL_SRCS	= $(sort $(wildcard src/sql/*.sql))
EXTSQL		= $(EXTENSION)--$(EXTVERSION).sql
DATA_built	= $(EXTSQL)
DATA		= $(filter-out $(EXTSQL),$(wildcard updates/$(EXTENSION)--*--*.sql))

# pg_regress suite: sql/*.sql against expected/*.out; each file stands alone
REGRESS		= extension metric_target fulfilment settings rollup rollup_parallel rollup_states report \
			  schema names $(DOC_TESTS)
REGRESS_OPTS = --load-extension=$(EXTENSION)
REGRESS		+= periods targets_over_time
REGRESS		+= import_periods

# Docs that run: every ```sql block of README.md and doc/*.md, one test per
# document, generated from the markdown (test/docs_to_sql.pl, test/README.md)
DOC_TESTS	= doc_readme $(patsubst doc/%.md,doc_%,$(sort $(wildcard doc/*.md)))
DOC_SQL		= $(DOC_TESTS:%=sql/%.sql)

# Warnings are errors for our own code; the server's headers are system
# headers here so that -Wextra judges only ours.
PG_CFLAGS	= -Wall -Wextra -Werror
PG_CPPFLAGS	= -Isrc -isystem $(shell $(PG_CONFIG) --includedir-server 2>/dev/null)

EXTRA_CLEAN	= $(DOC_SQL) test/unit/test_target test/fuzz/fuzz_target test/fuzz/crash-* \
			  test/fuzz/leak-* test/fuzz/timeout-* $(EXTSQL).tmp

PG_CONFIG	?= pg_config
PGXS		:= $(wildcard $(shell $(PG_CONFIG) --pgxs 2>/dev/null))
ifneq ($(PGXS),)
include $(PGXS)

# PGXS tracks no header dependencies: rebuild every object when a header changes
$(OBJS): $(wildcard src/*.h)

installcheck: $(DOC_SQL)

# Soft input errors (pg_input_is_valid, COPY ... ON_ERROR) need 17+
ifeq ($(shell test $(MAJORVERSION) -ge 17 && echo y),y)
REGRESS		+= soft_errors
endif
else
# Without the server headers only `make test` / `make demo` (which install
# them) and the pure-C targets work.
all install installcheck:
	@echo "PGXS not found through $(PG_CONFIG): install postgresql-server-dev-15, or run 'make test', which does" >&2
	@exit 1
endif

sql/doc_readme.sql: README.md test/docs_to_sql.pl
	perl test/docs_to_sql.pl $< $@
sql/doc_%.sql: doc/%.md test/docs_to_sql.pl
	perl test/docs_to_sql.pl $< $@

# Constants shared with C (state sizes, the empty states' text) are written
# once, in these headers: the chapters write @NAME@ and src/sql/constants.sh
# puts in NAME's value as the C preprocessor sees it.
SQL_HEADERS	= src/rollup.h src/trend.h
$(EXTSQL): $(SQL_SRCS) $(EXTENSION).control src/sql/constants.sh $(SQL_HEADERS)
	@{ echo '-- goalmetrics $(EXTVERSION): generated from src/sql/*.sql by the Makefile; edit those.'; \
	  printf '%s\n' '\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit'; \
	  for f in $(SQL_SRCS); do printf '\n-- ==== %s ====\n' "$$f"; sed '/^\\echo Use "CREATE EXTENSION/d' "$$f"; done; } \
	| bash src/sql/constants.sh '$(CC) -E $(CPPFLAGS)' $(SQL_HEADERS) > $@.tmp
	@mv $@.tmp $@

.PHONY: test test-versions unit fuzz fuzz-deps format format-check demo bench bench-import reliability

# Everything, in a throwaway cluster; installs missing packages first.
test:
	@bash test/run.sh

# The same on every supported PostgreSQL: 15, 17 and 18 (test/versions.sh).
test-versions:
	@bash test/versions.sh

# C unit tests of the pure target module, with ASan and UBSan.
unit: test/unit/test_target
	./test/unit/test_target

test/unit/test_target: test/unit/test_target.c $(TARGET_SRCS) src/target.h src/target_lex.h
	$(CC) -std=c99 -Wall -Wextra -Werror -O1 -g -fsanitize=address,undefined \
		-fno-sanitize-recover=all -Isrc -o $@ test/unit/test_target.c $(TARGET_SRCS)

# libFuzzer on the parser and the binary decoder; FUZZ_SECONDS bounds it.
FUZZ_SECONDS ?= 60
fuzz: fuzz-deps
	$(MAKE) test/fuzz/fuzz_target
	mkdir -p test/fuzz/findings
	./test/fuzz/fuzz_target -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
		-artifact_prefix=test/fuzz/findings/ -print_final_stats=1 \
		test/fuzz/findings test/fuzz/corpus

# clang and its libFuzzer runtime, from Debian's packages when missing
fuzz-deps:
	@GOALMETRICS_SERVER_LOCK=none bash -c '. test/lib.sh && ensure_packages clang libclang-rt-14-dev'

test/fuzz/fuzz_target: test/fuzz/fuzz_target.c $(TARGET_SRCS) src/target.h src/target_lex.h
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-Isrc -o $@ test/fuzz/fuzz_target.c $(TARGET_SRCS)

# Layout: PostgreSQL's own (pgindent-like) style, kept in .clang-format.
C_SOURCES	= $(wildcard src/*.c src/*.h test/unit/*.c test/fuzz/*.c)
format:
	clang-format -i $(C_SOURCES)

format-check:
	clang-format --dry-run --Werror $(C_SOURCES)

demo:
	@bash test/demo.sh

bench:
	@bash bench/run.sh

# import_report()'s time against the sheet's shape (bench/import.sh)
bench-import:
	@bash bench/import.sh

# Sanitizers, memory, load, crashes, dump and restore (doc/reliability.md);
# RELIABILITY="load crash" runs some of them.
reliability:
	@bash test/reliability/run.sh
