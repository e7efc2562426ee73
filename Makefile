# Ward Portal.  `make run` and `make test` do everything (see README.md).
.SUFFIXES:
SHELL = /bin/bash

PORTAL_PORT ?= 8080
FUZZ_SECONDS ?= 30

# cgi-bin/ is grouped by layer (README: Architecture); the programs' mains
# are main.c and ctl/portalctl.c.
LAYERS = core data app http h
PKGS = fcgi libctemplate mariadb libsodium libcurl jansson libmagic libqrencode \
    cjose libcmark-gfm gdlib libcrypto
WARN = -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wformat-security
CWARN = $(WARN) -Wstrict-prototypes -Wmissing-prototypes
HARDEN = -fstack-protector-strong -D_FORTIFY_SOURCE=2
INC = -Icgi-bin
DEPS = -MMD -MP
# Asked when a recipe runs (after `deps`); a missing library stops the build.
pkg = $(or $(shell pkg-config $(1) $(PKGS)),$(error pkg-config $(1) $(PKGS) \
    failed: run `make deps` as root))
PKG_CFLAGS = $(call pkg,--cflags)
PKG_LIBS = $(call pkg,--libs) -lpthread -lunistring
LDFLAGS = -Wl,-z,relro -Wl,-z,now
CFLAGS_O = -std=c17 -D_GNU_SOURCE -O2 -g $(CWARN) $(HARDEN) $(INC) $(DEPS)
CXXFLAGS_O = -std=c++17 -O2 -g $(WARN) $(HARDEN) $(INC) $(DEPS)
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
# The sanitized build is the tests' (tests/run starts the stack from it):
# it alone has the test-only hooks (PORTAL_TEST_HOOKS, e.g. core/pw.c's).
CFLAGS_A = -std=c17 -D_GNU_SOURCE -DPORTAL_TEST_HOOKS -O1 -g $(CWARN) \
    $(SAN) $(INC) $(DEPS)
CXXFLAGS_A = -std=c++17 -O1 -g $(WARN) $(SAN) $(INC) $(DEPS)

# Every module but the two programs' mains forms the library the unit tests
# link.
LIB_C = $(foreach l,$(LAYERS),$(wildcard cgi-bin/$(l)/*.c))
LIB_CC = $(foreach l,$(LAYERS),$(wildcard cgi-bin/$(l)/*.cc))
UNIT_TESTS = $(basename $(notdir $(wildcard tests/unit/test_*.c)))
FUZZERS = $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))

# nginx's own error pages (400, 413, 50x), rendered from the templates.
ERROR_PAGES = static/errors/400.html static/errors/413.html \
    static/errors/429.html static/errors/50x.html

B = var/build
A = var/asan
LIB_O = $(LIB_C:cgi-bin/%.c=$(B)/%.o) $(LIB_CC:cgi-bin/%.cc=$(B)/%.o)
LIB_A = $(LIB_C:cgi-bin/%.c=$(A)/%.o) $(LIB_CC:cgi-bin/%.cc=$(A)/%.o)

.PHONY: all build deps deps-test run stop test unit asan fuzz fuzz-cov bench clean
all: build
build: cgi-bin/portal.fcgi cgi-bin/portalctl $(ERROR_PAGES)

deps:
	@conf/stack.sh deps
deps-test:
	@conf/stack.sh deps test

$(B)/%.o: cgi-bin/%.c
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(CFLAGS_O) $(PKG_CFLAGS) -c $< -o $@
$(B)/%.o: cgi-bin/%.cc
	@mkdir -p $(@D)
	@echo "  CXX     $@"
	@$(CXX) $(CXXFLAGS_O) $(PKG_CFLAGS) -c $< -o $@
$(A)/%.o: cgi-bin/%.c
	@mkdir -p $(@D)
	@echo "  CC      $@"
	@$(CC) $(CFLAGS_A) $(PKG_CFLAGS) -c $< -o $@
$(A)/%.o: cgi-bin/%.cc
	@mkdir -p $(@D)
	@echo "  CXX     $@"
	@$(CXX) $(CXXFLAGS_A) $(PKG_CFLAGS) -c $< -o $@

cgi-bin/portal.fcgi: $(B)/main.o $(B)/serve.o $(LIB_O)
	@echo "  LD      $@"
	@$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
cgi-bin/portalctl: $(B)/ctl/portalctl.o $(LIB_O)
	@echo "  LD      $@"
	@$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(A)/portal.fcgi: $(A)/main.o $(A)/serve.o $(LIB_A)
	@echo "  LD      $@"
	@$(CXX) $(SAN) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
$(A)/portalctl: $(A)/ctl/portalctl.o $(LIB_A)
	@echo "  LD      $@"
	@$(CXX) $(SAN) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(ERROR_PAGES) &: cgi-bin/portalctl templates/error.tpl templates/layout.tpl \
    conf/portal.conf
	@mkdir -p static/errors
	@echo "  PAGES   static/errors"
	@cgi-bin/portalctl error-pages static/errors

# Unit tests and fuzz-corpus replays: sanitized, linked with the library.
TFLAGS = -Wno-missing-prototypes -Itests/unit
$(A)/test_%: tests/unit/test_%.c $(LIB_A)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS_A) $(TFLAGS) $(PKG_CFLAGS) -c $< -o $@.o
	@$(CXX) $(SAN) -o $@ $@.o $(LIB_A) $(PKG_LIBS)
$(A)/replay_%: tests/fuzz/%.c tests/fuzz/replay.c $(LIB_A)
	@echo "  REPLAY  $@"
	@$(CC) $(CFLAGS_A) $(TFLAGS) $(PKG_CFLAGS) -c $< -o $@.o
	@$(CC) $(CFLAGS_A) $(TFLAGS) -c tests/fuzz/replay.c -o $@.r.o
	@$(CXX) $(SAN) -o $@ $@.o $@.r.o $(LIB_A) $(PKG_LIBS)

# The same tests without sanitizers, for valgrind.
$(B)/test_%: tests/unit/test_%.c $(LIB_O)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS_O) $(TFLAGS) $(PKG_CFLAGS) -c $< -o $@.o
	@$(CXX) -o $@ $@.o $(LIB_O) $(PKG_LIBS)
$(B)/replay_%: tests/fuzz/%.c tests/fuzz/replay.c $(LIB_O)
	@echo "  REPLAY  $@"
	@$(CC) $(CFLAGS_O) $(TFLAGS) $(PKG_CFLAGS) -c $< -o $@.o
	@$(CC) $(CFLAGS_O) $(TFLAGS) -c tests/fuzz/replay.c -o $@.r.o
	@$(CXX) -o $@ $@.o $@.r.o $(LIB_O) $(PKG_LIBS)

unit: $(UNIT_TESTS:%=$(A)/%) $(FUZZERS:%=$(A)/replay_%) \
    $(UNIT_TESTS:%=$(B)/%) $(FUZZERS:%=$(B)/replay_%)
asan: $(A)/portal.fcgi $(A)/portalctl unit

run: deps build
	@conf/stack.sh run

stop:
	@conf/stack.sh stop

test: deps-test build
	@$(MAKE) -s asan
	@tests/run

test-one:
	@tests/one $(T)

# libFuzzer needs clang; each target runs FUZZ_SECONDS on its seed corpus.
# The targets are built with the project's warnings, as errors; make test
# builds them too and runs each for a few seconds (tests/run).
F = var/fuzz
# What the targets test needs only the arena and the pure modules beside
# it: the parsers, the validators and the key table, the router, roles,
# the message-building half of mail, and ID token verification.
FUZZ_SRC = cgi-bin/http/req.c cgi-bin/http/req_mp.c cgi-bin/core/valid.c \
    cgi-bin/core/arena.c cgi-bin/core/text.c cgi-bin/core/role.c \
    cgi-bin/http/key.c cgi-bin/http/router.c cgi-bin/app/mail_msg.c \
    cgi-bin/core/workday.c cgi-bin/app/oidc_verify.c cgi-bin/core/imgsize.c \
    cgi-bin/app/search_text.c cgi-bin/core/week.c cgi-bin/core/sha256.c
FUZZ_HDR = $(wildcard cgi-bin/*/*.h)
FUZZ_CFLAGS = -std=c17 -D_GNU_SOURCE -g -O1 $(CWARN) \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined $(INC)
FUZZ_LIBS = -lunistring -lsodium -lcjose -ljansson -lcrypto
$(F)/%: tests/fuzz/%.c $(FUZZ_SRC) $(FUZZ_HDR)
	@mkdir -p $(F)
	@echo "  FUZZ    $@"
	@clang $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_SRC) $(FUZZ_LIBS)
test: $(FUZZERS:%=$(F)/%)
fuzz: deps-test $(FUZZERS:%=$(F)/%)
	@for f in $(FUZZERS); do \
		mkdir -p $(F)/corpus-$$f; \
		echo "fuzz $$f for $(FUZZ_SECONDS)s"; \
		lc=; [ $$f = fuzz_multipart ] && lc=-len_control=0; \
		$(F)/$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 $$lc \
		    -artifact_prefix=$(F)/$$f- \
		    $(F)/corpus-$$f tests/fuzz/corpus/$$f || exit 1; \
	done

# Line coverage of the parsers by the fuzz corpora (clang's source-based
# coverage, the replay driver): the seeds, and what `make fuzz` (or a
# tests/run-like run into var/fuzz/corpus-<target>) added to them.
C = var/cov
COV_SRC = cgi-bin/http/req.c cgi-bin/http/req_mp.c cgi-bin/http/router.c \
    cgi-bin/http/key.c cgi-bin/core/valid.c cgi-bin/core/text.c \
    cgi-bin/app/mail_msg.c cgi-bin/app/oidc_verify.c cgi-bin/core/imgsize.c \
    cgi-bin/app/search_text.c cgi-bin/core/week.c cgi-bin/core/sha256.c
$(C)/%: tests/fuzz/%.c tests/fuzz/replay.c $(FUZZ_SRC) $(FUZZ_HDR)
	@mkdir -p $(C)
	@echo "  COV     $@"
	@clang -std=c17 -D_GNU_SOURCE -g -O0 $(CWARN) $(INC) \
	    -fprofile-instr-generate -fcoverage-mapping -o $@ $< \
	    tests/fuzz/replay.c $(FUZZ_SRC) $(FUZZ_LIBS)
fuzz-cov: deps-test $(FUZZERS:%=$(C)/%)
	@rm -f $(C)/*.profraw
	@for f in $(FUZZERS); do \
		d=; [ -d $(F)/corpus-$$f ] && d=$(F)/corpus-$$f; \
		LLVM_PROFILE_FILE=$(C)/$$f.profraw $(C)/$$f \
		    tests/fuzz/corpus/$$f $$d || exit 1; \
	done
	@llvm-profdata merge -o $(C)/all.profdata $(C)/*.profraw
	@llvm-cov report -instr-profile=$(C)/all.profdata \
	    $(firstword $(FUZZERS:%=$(C)/%)) \
	    $(patsubst %,-object $(C)/%,$(wordlist 2,99,$(FUZZERS))) $(COV_SRC)

bench: deps-test build
	@tests/bench/run

clean:
	rm -rf var/build var/asan var/fuzz var/cov cgi-bin/portal.fcgi cgi-bin/portalctl \
	    $(ERROR_PAGES)

-include $(shell find $(B) $(A) -name '*.d' 2>/dev/null)
