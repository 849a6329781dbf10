# The whole set-up is two commands: `make run` and `make test`. Both install
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
TEST_PACKAGES := strace systemd apparmor nftables shellcheck
export SWIFT_BACKTRACE := enable=no
# The test scripts in tor/testnet/ leave no __pycache__ behind.
export PYTHONDONTWRITEBYTECODE := 1

# The private Tor network test ends itself after 420 s; this is the last
# resort should it hang (SIGTERM still tears its network down).
TOR_TEST_LIMIT := 480

.PHONY: run test deps test-deps build release lint clean tor-test bench bench-deps

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
	$(MAKE) tor-test

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
